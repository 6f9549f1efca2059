"""Pages of web libraries shipped in a web application's root are no views of it."""

import io
import zipfile
from pathlib import Path

from msadecomp.ingest.scope import LIBRARY_REASON
from msadecomp.ingest.sources import collect

PAGES = {
    "xmall-manager-web/src/main/webapp/lib/zTree/v3/api/cn/setting.async.dataFilter.html": True,
    "xmall-manager-web/src/main/webapp/lib/kindeditor/plugins/map/map.html": True,
    "xmall-front-web/src/main/webapp/swagger/index.html": True,
    "legacy/src/main/webapp/DataTables/media/unit_testing/index.html": True,
    "xmall-manager-web/src/main/webapp/index.html": False,
    "xmall-manager-web/src/main/webapp/admin/order-list.html": False,
    "xmall-manager-web/src/main/webapp/WEB-INF/views/plugins/list.html": False,
    "xmall-manager-web/src/main/webapp/lib/layer/demo.jsp": False,  # compiled with the app
}


def test_library_pages_in_a_web_root_are_left_out(tmp_path: Path) -> None:
    """XMall's 326 zTree API pages in ``webapp/lib/zTree`` were taken for views, as was
    Swagger UI's page in ``webapp/swagger`` (in ``static/swagger`` it was left out)."""
    for name in PAGES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<html><a href='other.html'>x</a></html>")
    collected = collect(tmp_path)
    views = {f.path for f in collected.files if f.kind == "view"}
    assert views == {p for p, library in PAGES.items() if not library}
    assert sorted(collected.excluded) == sorted(
        (p, LIBRARY_REASON) for p, library in PAGES.items() if library
    )


def test_library_pages_at_a_war_root_are_left_out(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("lib/zTree/api/setting.view.html", "<html/>")
        zf.writestr("swagger-ui/index.html", "<html/>")
        zf.writestr("index.html", "<html/>")
        zf.writestr("WEB-INF/views/plugins/list.html", "<html/>")
    (tmp_path / "shop.war").write_bytes(buffer.getvalue())
    collected = collect(tmp_path / "shop.war")
    assert sorted(f.path for f in collected.files if f.kind == "view") == [
        "shop.war!/WEB-INF/views/plugins/list.html",
        "shop.war!/index.html",
    ]
    assert sorted(collected.excluded) == [
        ("shop.war!/lib/zTree/api/setting.view.html", LIBRARY_REASON),
        ("shop.war!/swagger-ui/index.html", LIBRARY_REASON),
    ]


def test_business_folders_named_like_a_library_keep_their_pages(tmp_path: Path) -> None:
    """A procurement module's ``views/vendor/`` and an admin's ``plugin/`` pages are the
    application's; so is a page in ``WEB-INF`` below a project folder named ``webapp``. A
    generic folder deeper down holds a library when it ships like one (a minified script, a
    licence): HTMLArea's ``plugins`` and a process editor's ``libs``."""
    files = {
        "shop/src/main/webapp/views/vendor/vendor_list.html": False,
        "shop/src/main/webapp/admin/plugin/list.html": False,
        "webapp/src/main/webapp/WEB-INF/views/plugins/list.html": False,
        "shop/src/main/webapp/html/utl/htmlarea3.0/plugins/FullPage/test.html": True,
        "shop/src/main/webapp/html/utl/htmlarea3.0/license.txt": None,
        "shop/src/main/webapp/act/editor-app/libs/angular/docs.html": True,
        "shop/src/main/webapp/act/editor-app/libs/angular/angular.min.js": None,
        "shop/src/main/webapp/static/plugins/list.html": True,
        "shop/src/main/webapp/admin/js/codemirror/demo/index.html": True,
    }
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<html><a href='other.html'>x</a></html>")
    collected = collect(tmp_path)
    views = {f.path for f in collected.files if f.kind == "view"}
    assert views == {p for p, library in files.items() if library is False}
    assert sorted(collected.excluded) == sorted(
        (p, LIBRARY_REASON) for p, library in files.items() if library
    )

"""Finding input files: folders, archives, and everything that can go wrong with them."""

import io
import os
import zipfile
from pathlib import Path

import pytest

from msadecomp.errors import InputError
from msadecomp.ingest.sources import Limits, collect


def make_zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_folder_walk_finds_known_kinds_and_skips_build_output(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src/A.java").write_text("class A {}")
    (tmp_path / "src/m.xml").write_text("<a/>")
    (tmp_path / "target").mkdir()
    (tmp_path / "target/B.java").write_text("class B {}")
    (tmp_path / "lib.jar").write_bytes(b"PK")
    (tmp_path / "notes.txt").write_text("x")
    got = collect(tmp_path)
    assert sorted(f.path for f in got.files) == ["src/A.java", "src/m.xml"]
    assert got.skipped_libraries == ["lib.jar"]


def test_pages_of_a_library_among_the_static_files_are_left_out_and_listed(
    tmp_path: Path,
) -> None:
    """JeeSite's zTree demos, CKFinder's help and a Bootstrap docs template are no views of the
    application; its own pages (a static index, a page in a folder with no sign of a library,
    a JSP beside a library) are."""
    web = "src/main/webapp/"
    files = {
        "static/jquery-ztree/3.5.12/demo/core.html": "",  # a library's folder by name
        "static/ckfinder/ckfinder.js": "",
        "static/ckfinder/changelog.txt": "",  # a change log marks the folder a library's
        "static/ckfinder/help/en/index.html": "",
        "static/SuperSlide/jquery.SuperSlide.2.1.js": "",  # a versioned script, too
        "static/SuperSlide/demo.html": "",
        "static/theme/docs/layout.mustache": "",  # a docs folder, too
        "static/index.html": "",  # directly in the static folder: the application's own
        "static/pages/list.html": "",  # a folder with no sign of a library
        "static/pages/licenseList.html": "",  # named like a licence, yet a page of the app
        "static/acesso/login.html": "",  # not the Ace editor's folder
        "static/pages/app.js": "",
        "static/ckfinder/tagusage.jsp": "",  # a server page: never a library's
        "resources/js/libs/angular.min.js": "",  # a folder sorting files by type holds
        "resources/js/app/booking.html": "",  # libraries and own templates alike
        "static/jingle/js/lib/template.min.js": "",  # a sign deep inside a library's folder
        "static/jingle/html/welcome.html": "",
        "admin/js/codemirror/mode/sql/index.html": "",  # a library in a js folder anywhere
        "resource/plugins/pdfjs/locale/ko/viewer.ftl": "",  # no FreeMarker view of the app's
        "WEB-INF/views/user/list.jsp": "",
    }
    for name, text in files.items():
        path = tmp_path / web / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    got = collect(tmp_path)
    views = sorted(f.path.removeprefix(web) for f in got.files if f.kind == "view")
    assert views == [
        "WEB-INF/views/user/list.jsp",
        "resources/js/app/booking.html",
        "static/acesso/login.html",
        "static/ckfinder/tagusage.jsp",
        "static/index.html",
        "static/pages/licenseList.html",
        "static/pages/list.html",
    ]
    assert sorted((p.removeprefix(web), why) for p, why in got.excluded) == [
        ("admin/js/codemirror/mode/sql/index.html", "bundled library"),
        ("resource/plugins/pdfjs/locale/ko/viewer.ftl", "bundled library"),
        ("static/SuperSlide/demo.html", "bundled library"),
        ("static/ckfinder/help/en/index.html", "bundled library"),
        ("static/jingle/html/welcome.html", "bundled library"),
        ("static/jquery-ztree/3.5.12/demo/core.html", "bundled library"),
        ("static/theme/docs/layout.mustache", "bundled library"),
    ]


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        collect(tmp_path / "nope")


def test_unknown_single_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("x")
    with pytest.raises(InputError, match="not a folder, an archive"):
        collect(tmp_path / "x.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without permission")
def test_unreadable_file_becomes_a_diagnostic(tmp_path: Path) -> None:
    p = tmp_path / "A.java"
    p.write_text("class A {}")
    p.chmod(0)
    got = collect(tmp_path)
    assert [d.code for d in got.diagnostics] == ["input.unreadable"]


def test_file_that_cannot_be_read_becomes_a_diagnostic(tmp_path: Path) -> None:
    (tmp_path / "Dir.java").mkdir()  # a folder named like a source file is skipped quietly
    (tmp_path / "Dangling.java").symlink_to(tmp_path / "missing")
    got = collect(tmp_path)
    assert got.files == [] and [d.code for d in got.diagnostics] == ["input.unreadable"]


AXML = b"\x03\x00\x08\x00\x98\r\x00\x00\x01\x00\x1c\x00\x40\x06\x00\x00\x1d\x00"


def test_compiled_android_xml_is_skipped_with_one_note(tmp_path: Path) -> None:
    """OFBiz checks in a built Android app: its ``AndroidManifest.xml`` and ``res/**`` are
    binary. They were read as text and reported twice, a lossy decoding and broken XML."""
    app = tmp_path / "mobileapp/res/layout"
    app.mkdir(parents=True)
    (tmp_path / "mobileapp/AndroidManifest.xml").write_bytes(AXML + bytes(range(256)))
    (app / "row.xml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    (app / "wide.xml").write_bytes("<beans/>".encode("utf-16-le"))  # text, no byte-order mark
    (tmp_path / "app.war").write_bytes(make_zip({"WEB-INF/AndroidManifest.xml": AXML}))
    got = collect(tmp_path)
    assert [f.path for f in got.files] == ["mobileapp/res/layout/wide.xml"]
    assert [(d.source.path, d.severity.value, d.code, d.message) for d in got.diagnostics] == [
        (
            "mobileapp/AndroidManifest.xml",
            "info",
            "input.binary",
            "skipped: compiled Android XML under an .xml name, binary rather than XML text; "
            "nothing in it is read",
        ),
        (
            "mobileapp/res/layout/row.xml",
            "info",
            "input.binary",
            "skipped: binary data under an .xml name, binary rather than XML text; nothing in "
            "it is read",
        ),
    ]
    war = collect(tmp_path / "app.war")
    assert war.files == []
    assert [d.code for d in war.diagnostics] == ["input.binary"]
    single = collect(tmp_path / "mobileapp/AndroidManifest.xml")
    assert single.files == [] and [d.code for d in single.diagnostics] == ["input.binary"]


ENTITY_MODEL = b"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Licensed to the Apache Software Foundation (ASF) -->
<entitymodel xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:noNamespaceSchemaLocation="http://ofbiz.apache.org/dtds/entitymodel.xsd">
  <entity entity-name="Invoice" package-name="org.apache.ofbiz.accounting.invoice">
    <field name="invoiceId" type="id"/><prim-key field="invoiceId"/>
  </entity>
</entitymodel>"""
SERVICES = b"""<services xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <service name="createInvoice" engine="groovy" location="component://x/CreateInvoice.groovy"
      invoke="createInvoice" auth="true"/>
</services>"""


def test_xml_of_frameworks_not_analysed_is_said_once_per_kind(tmp_path: Path) -> None:
    """OFBiz keeps its tables in entitymodel.xml and its services in services.xml, run by
    its own entity and service engines, in Groovy as much as Java: none of it is read, and
    the report of 16 tables looked clean. Now one warning per kind says so, and Groovy
    sources are listed as left out."""
    for folder in ("accounting", "order"):
        (tmp_path / folder / "entitydef").mkdir(parents=True)
        (tmp_path / folder / "servicedef").mkdir()
        (tmp_path / folder / "entitydef/entitymodel.xml").write_bytes(ENTITY_MODEL)
        (tmp_path / folder / "servicedef/services.xml").write_bytes(SERVICES)
        (tmp_path / folder / "groovyScripts").mkdir()
        (tmp_path / folder / "groovyScripts/CreateInvoice.groovy").write_text("def x() {}")
    (tmp_path / "order/entitydef/entitymodel_view.xml").write_bytes(ENTITY_MODEL)
    (tmp_path / "order/src/test/groovy").mkdir(parents=True)
    (tmp_path / "order/src/test/groovy/OrderTests.groovy").write_text("class T {}")
    # a <services> root of another tool (no service engine) is no OFBiz service definition
    (tmp_path / "other.xml").write_bytes(b'<services><service name="a"/></services>')
    got = collect(tmp_path)
    assert [(d.severity.value, d.code, d.source.path, d.message) for d in got.diagnostics] == [
        (
            "warning",
            "xml.not-analysed",
            "accounting/entitydef/entitymodel.xml",
            "3 OFBiz entity model file(s) not analysed (the first: "
            "accounting/entitydef/entitymodel.xml): the tables their `<entity>` elements "
            "define, and the data access through OFBiz's entity engine, are not seen: tables "
            "and their owners are missing from the report",
        ),
        (
            "warning",
            "xml.not-analysed",
            "accounting/servicedef/services.xml",
            "2 OFBiz service definition file(s) not analysed (the first: "
            "accounting/servicedef/services.xml): the services they declare and their Java, "
            "Groovy or simple-method implementations are not seen as endpoints, nor the calls "
            "between them",
        ),
    ]
    assert sorted(got.excluded) == [
        ("accounting/groovyScripts/CreateInvoice.groovy", "Groovy (not analysed)"),
        ("order/groovyScripts/CreateInvoice.groovy", "Groovy (not analysed)"),
        ("order/src/test/groovy/OrderTests.groovy", "test source"),
    ]
    war = tmp_path / "app.war"
    war.write_bytes(
        make_zip({"WEB-INF/entitymodel.xml": ENTITY_MODEL, "WEB-INF/Script.groovy": b""})
    )
    got = collect(war)
    assert [d.code for d in got.diagnostics] == ["xml.not-analysed"]
    assert got.excluded == [("app.war!/WEB-INF/Script.groovy", "Groovy (not analysed)")]


def test_huge_file_is_skipped_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "Big.java").write_bytes(b"x" * 2000)
    got = collect(tmp_path, Limits(max_file_bytes=1000))
    assert got.files == [] and got.diagnostics[0].code == "input.too-large"


def test_war_members_are_read_in_memory(tmp_path: Path) -> None:
    war = tmp_path / "app.war"
    war.write_bytes(
        make_zip(
            {
                "WEB-INF/classes/A.java": b"class A {}",
                "WEB-INF/lib/dep.jar": b"PK..",
                "index.html": b"",
            }
        )
    )
    got = collect(war)
    # a WAR's root is the webapp's: its index.html is a page
    assert [f.path for f in got.files] == [
        "app.war!/WEB-INF/classes/A.java",
        "app.war!/index.html",
    ]
    assert got.skipped_libraries == ["app.war!/WEB-INF/lib/dep.jar"]


def test_a_wars_library_pages_are_left_out_and_listed(tmp_path: Path) -> None:
    """A WAR's root is the webapp's: pdf.js's locale files under its resource folder."""
    war = tmp_path / "app.war"
    war.write_bytes(
        make_zip(
            {
                "resource/plugins/pdfjs/locale/ko/viewer.ftl": b"pdfjs-find = Find",
                "WEB-INF/views/user/list.jsp": b"<p>users</p>",
            }
        )
    )
    got = collect(war)
    assert [f.path for f in got.files] == ["app.war!/WEB-INF/views/user/list.jsp"]
    assert got.excluded == [
        ("app.war!/resource/plugins/pdfjs/locale/ko/viewer.ftl", "bundled library")
    ]


def test_ear_with_nested_war_is_read(tmp_path: Path) -> None:
    ear = tmp_path / "app.ear"
    ear.write_bytes(make_zip({"web.war": make_zip({"A.java": b"class A {}"})}))
    assert [f.path for f in collect(ear).files] == ["app.ear!/web.war!/A.java"]


@pytest.mark.parametrize(
    "name",
    ["../evil.java", "/abs/evil.java", "a/../../evil.java", "C:/evil.java", "..\\evil.java"],
)
def test_path_traversal_refuses_the_archive(tmp_path: Path, name: str) -> None:
    war = tmp_path / "bad.war"
    war.write_bytes(make_zip({name: b"class E {}"}))
    with pytest.raises(InputError, match="path traversal"):
        collect(war)


def test_zip_bomb_by_ratio_is_refused(tmp_path: Path) -> None:
    war = tmp_path / "bomb.war"
    war.write_bytes(make_zip({"Big.java": b"\0" * (4 << 20)}))
    with pytest.raises(InputError, match="zip bomb"):
        collect(war)


def test_zip_bomb_by_total_size_is_refused(tmp_path: Path) -> None:
    war = tmp_path / "bomb.war"
    war.write_bytes(make_zip({f"A{i}.java": b"class A {}" * 50 for i in range(20)}))
    with pytest.raises(InputError, match="zip bomb"):
        collect(war, Limits(max_archive_bytes=5000))


def test_corrupt_archive_is_a_clear_error(tmp_path: Path) -> None:
    war = tmp_path / "broken.war"
    war.write_bytes(b"PK\x03\x04 this is not a zip")
    with pytest.raises(InputError, match="not a readable zip"):
        collect(war)

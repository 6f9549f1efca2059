"""The report places each view in one service, weighing the class that renders it most."""

from msadecomp.decompose import Cluster, Decomposition
from msadecomp.model import CodeModel, JavaType, Page, SourceRef, TypeKind
from msadecomp.report import build_report
from msadecomp.report.html import to_html
from msadecomp.report.markdown import to_markdown

REF = SourceRef("x.java", 1)
PARAMS = {"algorithm": "louvain", "seed": 1, "resolution": 1.0, "services": None}
MENU, QNA = "a.menu.MenuController", "a.qna.QnaController"


def test_a_view_goes_to_the_service_of_the_class_rendering_it_not_of_one_linking_it() -> None:
    # MenuController links only to List.jsp (a strong link vote); QnaController renders both
    # qna views, which must outweigh that link.
    model = CodeModel(
        root="app",
        types=(JavaType(MENU, TypeKind.CLASS, REF), JavaType(QNA, TypeKind.CLASS, REF)),
        pages=(
            Page("jsp/qna/List.jsp", (), (MENU, QNA), (QNA,)),
            Page("jsp/qna/Detail.jsp", (), (QNA,), (QNA,)),
        ),
    )
    clusters = (Cluster("menu", "menu", (MENU,)), Cluster("qna", "qna", (QNA,)))
    report = build_report(model, Decomposition("louvain", 1, 1.0, clusters, 0.4), PARAMS, "t")
    views = {s["id"]: s["views"] for s in report["services"]}
    assert views["qna"] == ["jsp/qna/Detail.jsp", "jsp/qna/List.jsp"]
    assert views["menu"] == []


def test_the_markdown_report_lists_the_views_placed_by_default_for_review() -> None:
    model = CodeModel(
        root="app",
        types=(JavaType(QNA, TypeKind.CLASS, REF),),
        pages=(Page("jsp/qna/List.jsp", (), (QNA,), (QNA,)), Page("jsp/error.jsp")),
        excluded=(("src/test/java/a/QnaTest.java", "test source"),),
    )
    clusters = (Cluster("qna", "qna", (QNA,)),)
    report = build_report(model, Decomposition("louvain", 1, 1.0, clusters, 0.4), PARAMS, "t")
    assert report["views"]["jsp/error.jsp"] == {"service": "qna", "via": "default"}
    text = to_markdown(report)
    assert "## Views placed by default" in text and "`jsp/error.jsp` (qna)" in text
    assert "## Not placed in any service" not in text
    korean = to_markdown(report, "ko")
    assert "## 기본 규칙으로 배치한 화면" in korean and "- 화면 1개는" in korean
    assert "- 1 test source file(s)" in text and "- 테스트 소스 파일 1개" in korean
    page = to_html(report, {})  # the report to read says the same
    assert '<h2 id="default-views">Views placed by default</h2>' in page
    assert "<td><code>jsp/error.jsp</code></td>" in page and "1 test source file(s)" in page
    assert '<h2 id="not-placed">' not in page
    assert "기본 규칙으로 배치한 화면" in to_html(report, {}, "ko")


def test_views_of_one_file_name_are_told_apart_by_their_folders() -> None:
    """Java Pet Store has a cart.jsp per language."""
    paths = ("web/docroot/cart.jsp", "web/docroot/ja/cart.jsp", "web/docroot/zh/cart.jsp")
    model = CodeModel(
        root="app",
        types=(JavaType(QNA, TypeKind.CLASS, REF),),
        pages=(*(Page(p, (), (QNA,), (QNA,)) for p in paths), Page("jsp/List.jsp", (), (QNA,))),
    )
    clusters = (Cluster("qna", "qna", (QNA,)),)
    report = build_report(model, Decomposition("louvain", 1, 1.0, clusters, 0.4), PARAMS, "t")
    text = to_markdown(report)
    assert "**Views**: `List.jsp`, `docroot/cart.jsp`, `ja/cart.jsp`, `zh/cart.jsp`" in text
    page = to_html(report, {})
    assert '<code title="web/docroot/ja/cart.jsp (placed by: links)">ja/cart.jsp</code>' in page


def test_both_reports_list_tables_no_class_touches_as_not_placed() -> None:
    model = CodeModel(root="app", types=(JavaType(QNA, TypeKind.CLASS, REF),))
    clusters = (Cluster("qna", "qna", (QNA,)),)
    decomposition = Decomposition(
        "louvain", 1, 1.0, clusters, 0.4, unreferenced_tables=("table:TZ_PROD_FAVORITE",)
    )
    report = build_report(model, decomposition, PARAMS, "t")
    assert "1 table(s) no class reads or writes: `TZ_PROD_FAVORITE`" in to_markdown(report)
    page = to_html(report, {})
    assert '<h2 id="not-placed">Not placed in any service</h2>' in page
    assert "1 table(s) no class reads or writes: <code>TZ_PROD_FAVORITE</code>" in page


def test_classes_of_one_simple_name_are_told_apart_by_their_packages() -> None:
    """litemall has three ``Application`` classes; both reports had listed them alike."""
    apps = ("shop.Application", "shop.admin.Application", "shop.wx.Application")
    model = CodeModel(root="app", types=tuple(JavaType(a, TypeKind.CLASS, REF) for a in apps))
    clusters = (Cluster("application", "application", apps),)
    report = build_report(model, Decomposition("louvain", 1, 1.0, clusters, 0.4), PARAMS, "t")
    text = to_markdown(report)
    assert "**Classes**: `shop.Application`, `admin.Application`, `wx.Application`" in text
    assert (
        '<code id="cls-shop.wx.Application" title="shop.wx.Application">wx.Application</code>'
        in (to_html(report, {}))
    )


def test_message_channels_tell_same_named_classes_apart() -> None:
    from msadecomp.report.markdown import _channels, class_labels

    report = {
        "services": [
            {"classes": ["a.admin.OrderListener"]},
            {"classes": ["a.wx.OrderListener"]},
        ],
        "message_channels": [
            {
                "destination": "orders",
                "kind": "JMS",
                "producers": [{"class": "a.admin.OrderListener", "service": "admin"}],
                "consumers": [{"class": "a.wx.OrderListener", "service": "wx"}],
                "crosses_services": True,
            }
        ],
    }
    text = "\n".join(_channels(report, str, class_labels(report)))
    assert "`admin.OrderListener` (admin)" in text and "`wx.OrderListener` (wx)" in text


def test_a_fragment_the_pages_of_several_services_include_is_listed_as_shared() -> None:
    """egov-oracle-mono's header, included by the pages of four services, had gone to one of
    them; now it is in none, and the reports say it is shared, apart from views that could not
    be placed at all."""
    head = "view:/jsp/common/head.jsp"
    model = CodeModel(
        root="app",
        types=(JavaType(MENU, TypeKind.CLASS, REF), JavaType(QNA, TypeKind.CLASS, REF)),
        pages=(
            *(Page(f"jsp/qna/{n}.jsp", (head,), (QNA,), (QNA,)) for n in ("List", "View")),
            *(Page(f"jsp/menu/{n}.jsp", (head,), (MENU,), (MENU,)) for n in ("List", "View")),
            Page("jsp/common/head.jsp"),
        ),
    )
    clusters = (Cluster("menu", "menu", (MENU,)), Cluster("qna", "qna", (QNA,)))
    report = build_report(model, Decomposition("louvain", 1, 1.0, clusters, 0.4), PARAMS, "t")
    assert report["views"]["jsp/common/head.jsp"] == {"service": None, "via": "shared"}
    text = to_markdown(report)
    assert "- 1 fragment(s) the pages of several services include" in text
    assert "`jsp/common/head.jsp`" in text and "no link, include" not in text
    assert "- 조각 화면 1개는 여러 서비스의 화면에 포함됩니다" in to_markdown(report, "ko")
    page = to_html(report, {})
    assert "1 fragment(s) the pages of several services include" in page
    assert "<code>jsp/common/head.jsp</code>" in page

"""Struts 2 Convention plugin: actions found by package and class name, served at a URL made
from them, rendering the templates named after them (struts2shop)."""

import ast
import itertools
from collections.abc import Callable
from pathlib import Path

from msadecomp.ingest import ingest, xml_config
from msadecomp.ingest.java_syntax import parse_java
from msadecomp.ingest.web_config import convention_actions, convention_name, package_namespace

STRUTS = """<?xml version="1.0" encoding="UTF-8"?>
<struts>
  <constant name="struts.convention.result.path" value="/WEB-INF/jsp/"/>
  <package name="app-default" namespace="/" extends="convention-default"/>
</struts>
"""

SOURCES = {
    "src/resources/struts.xml": STRUTS,
    "src/java/shop/action/checkout/PlaceOrderAction.java": """package shop.action.checkout;
import com.opensymphony.xwork2.ActionSupport;
public class PlaceOrderAction extends ActionSupport {
    public String execute() { return "done"; }
}""",
    "src/java/shop/action/member/OrderAction.java": """package shop.action.member;
import com.opensymphony.xwork2.ActionSupport;
import org.apache.struts2.convention.annotation.*;
@Results({@Result(name = "print", location = "printable.jsp")})
public class OrderAction extends ActionSupport {
    @Action("order-items") public String items() { return SUCCESS; }
}""",
    "src/java/shop/action/member/OrderItemsAction.java": """package shop.action.member;
import org.apache.struts2.convention.annotation.Namespace;
@Namespace("/admin")
public class OrderItemsAction extends com.opensymphony.xwork2.ActionSupport { }""",
    "src/java/shop/action/AbstractAction.java": """package shop.action;
public abstract class AbstractAction extends com.opensymphony.xwork2.ActionSupport { }""",
    "src/java/shop/service/PriceAction.java": """package shop.service;
public class PriceAction { }""",
    "src/webapp/WEB-INF/jsp/checkout/place-order-done.jsp": "<html>thanks</html>",
    "src/webapp/WEB-INF/jsp/member/order.jsp": "<html>order</html>",
    "src/webapp/WEB-INF/jsp/member/order-list.jsp": "<html>orders</html>",
    "src/webapp/WEB-INF/jsp/member/order-items.jsp": "<html>items</html>",
    "src/webapp/WEB-INF/jsp/member/printable.jsp": "<html>print</html>",
}


def test_an_action_name_is_the_class_name_in_dashed_lower_case() -> None:
    assert convention_name("PlaceOrderAction") == "place-order"
    assert convention_name("Index") == "index"


def test_convention_actions_serve_their_urls_and_render_their_templates(
    tree: Callable[[dict[str, str]], Path],
) -> None:
    model = ingest(tree(SOURCES), jobs=1)
    got = {(e.path, e.handler) for e in model.endpoints}
    assert got == {
        ("/checkout/place-order.action", "shop.action.checkout.PlaceOrderAction#execute"),
        ("/member/order.action", "shop.action.member.OrderAction#execute"),
        ("/member/order-items.action", "shop.action.member.OrderAction#items"),
        ("/admin/order-items.action", "shop.action.member.OrderItemsAction#execute"),
    }
    rendered = {p.path.rpartition("/")[2]: p.renderers for p in model.pages}
    order = "shop.action.member.OrderAction"
    assert "shop.action.checkout.PlaceOrderAction" in rendered["place-order-done.jsp"]
    assert order in rendered["order.jsp"] and order in rendered["order-list.jsp"]
    assert order in rendered["printable.jsp"]  # @Result(location=...)
    assert order in rendered["order-items.jsp"]  # @Action("order-items")


def test_without_the_plugin_no_class_is_an_action(
    tree: Callable[[dict[str, str]], Path],
) -> None:
    sources = {k: v for k, v in SOURCES.items() if k != "src/resources/struts.xml"}
    assert not ingest(tree(sources), jobs=1).endpoints


def test_the_plugin_in_the_pom_is_enough(tree: Callable[[dict[str, str]], Path]) -> None:
    sources = {k: v for k, v in SOURCES.items() if k != "src/resources/struts.xml"}
    sources["pom.xml"] = """<project><dependencies><dependency>
<groupId>org.apache.struts</groupId><artifactId>struts2-convention-plugin</artifactId>
</dependency></dependencies></project>"""
    paths = {e.path for e in ingest(tree(sources), jobs=1).endpoints}
    assert "/checkout/place-order.action" in paths  # results under /WEB-INF/content/


def _actions(
    sources: dict[str, str],
    views: list[str] | None = None,
    settings: dict[str, str] | None = None,
    package_namespaces: dict[str, str] | None = None,
) -> dict[str, tuple[str, tuple[str, ...]]]:
    """URL -> (handler, views) of the Convention actions in ``sources``."""
    files = [parse_java(path, text.encode()) for path, text in sources.items()]
    found = convention_actions(files, settings or {}, views or [], package_namespaces)
    return {a.path: (f"{a.cls}#{a.method}", a.views) for a in found}


def test_only_the_first_capital_of_a_run_gets_a_dash() -> None:
    # SEOActionNameBuilder: a separator before a capital that follows a non-capital
    assert convention_name("ShowHTMLReportAction") == "show-htmlreport"
    assert convention_name("URLAction") == "u-rl"
    assert convention_name("PlaceOrder_Action", separator="_", lower=False) == "Place_Order_"


def test_packages_below_the_locator_go_through_the_name_builder() -> None:
    got = _actions(
        {
            "a/ToolAction.java": "package shop.action.adminTools; class ToolAction extends ActionSupport {}"
        }
    )
    assert set(got) == {"/admin-tools/tool.action"}


def test_the_last_locator_segment_starts_the_namespace() -> None:
    source = (
        "package shop.action.admin.action.users; public class ListAction extends ActionSupport {}"
    )
    assert set(_actions({"a/ListAction.java": source})) == {"/users/list.action"}


def test_a_package_info_namespace_applies_to_its_package() -> None:
    info = (
        '/** docs */\n@Namespace("/back-office")\npackage shop.action.admin;\nimport x.Namespace;'
    )
    assert package_namespace(info) == "/back-office"
    assert package_namespace("package shop.action.admin;") is None
    source = "package shop.action.admin; public class UserAction extends ActionSupport {}"
    got = _actions(
        {"a/UserAction.java": source}, package_namespaces={"shop.action.admin": "/back-office"}
    )
    assert set(got) == {"/back-office/user.action"}


def test_a_package_info_namespace_reaches_the_analysis(
    tree: Callable[[dict[str, str]], Path],
) -> None:
    sources = {
        **SOURCES,
        "src/java/shop/action/checkout/package-info.java": (
            '@org.apache.struts2.convention.annotation.Namespace("/buy")\n'
            "package shop.action.checkout;\n"
        ),
    }
    paths = {e.path for e in ingest(tree(sources), jobs=1).endpoints}
    assert "/buy/place-order.action" in paths
    assert "/checkout/place-order.action" not in paths


def test_a_method_action_with_a_slash_names_its_own_namespace() -> None:
    source = """package shop.action.member;
import org.apache.struts2.convention.annotation.Action;
public class OrderAction extends ActionSupport {
    @Action("list") public String list() { return "success"; }
    @Action("reports/monthly") public String monthly() { return "success"; }
    @Action("/print") public String print() { return "success"; }
}"""
    assert _actions({"a/OrderAction.java": source}) == {
        "/member/order.action": ("shop.action.member.OrderAction#execute", ()),
        "/member/list.action": ("shop.action.member.OrderAction#list", ()),
        "/reports/monthly.action": ("shop.action.member.OrderAction#monthly", ()),
        "/print.action": ("shop.action.member.OrderAction#print", ()),
    }


def test_execute_is_mapped_only_when_the_class_has_one() -> None:
    sources = {
        "a/ReportAction.java": """package shop.action;
public class ReportAction { @Action("report-list") public String list() { return "x"; } }""",
        "a/BaseAction.java": """package shop.action;
public abstract class BaseAction { public String execute() { return "x"; } }""",
        "a/HomeAction.java": "package shop.action; public class HomeAction extends BaseAction {}",
        "a/HelpAction.java": "package shop.action; public class HelpAction extends ActionSupport {}",
        "a/AboutAction.java": "package shop.action; public class AboutAction {}",
    }
    assert set(_actions(sources)) == {
        "/report-list.action",
        "/home.action",  # BaseAction's execute
        "/help.action",  # ActionSupport's
    }
    mapped = _actions(sources, settings={"action.mapAllMatches": "true"})
    assert "/about.action" in mapped and "/report.action" not in mapped


def test_a_result_path_of_slash_is_the_web_applications_root() -> None:
    source = "package shop.action.shop; public class CartAction extends ActionSupport {}"
    views = [
        "src/main/webapp/shop/cart.jsp",
        "WebContent/shop/cart-error.jsp",
        "src/main/webapp/cart.jsp",  # another namespace's
        "web/shop/cart-empty.jsp",  # not below a web application's root
        "src/main/webapp/WEB-INF/shop/cart-full.jsp",
    ]
    got = _actions({"a/CartAction.java": source}, views, {"result.path": "/"})
    assert got["/shop/cart.action"][1] == ("/shop/cart.jsp", "/shop/cart-error.jsp")


def test_templates_go_to_the_longest_action_name_they_start_with() -> None:
    sources = {
        "a/OrderAction.java": "package shop.action; public class OrderAction extends ActionSupport {}",
        "a/OrderItemsAction.java": "package shop.action; public class OrderItemsAction extends ActionSupport {}",
    }
    folder = "src/webapp/WEB-INF/content/"
    names = ["order.jsp", "order-list.jsp", "order-items.ftl", "order-items-print.jsp"]
    views = [folder + n for n in [*names, "other.jsp", "orders.jsp", "admin/order.jsp"]]
    got = _actions(sources, views, {"action.mapAllMatches": "true"})
    assert got["/order.action"][1] == (
        "/WEB-INF/content/order.jsp",
        "/WEB-INF/content/order-list.jsp",
    )
    assert got["/order-items.action"][1] == (
        "/WEB-INF/content/order-items.ftl",
        "/WEB-INF/content/order-items-print.jsp",
    )


def test_each_xml_facts_docstring_follows_its_own_field() -> None:
    tree = ast.parse(Path(xml_config.__file__).read_text(encoding="utf-8"))
    facts = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "XmlFacts")
    for before, node in itertools.pairwise(facts.body):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            assert isinstance(before, ast.AnnAssign), f"line {node.lineno}: a second docstring"
    gwt = next(
        after
        for before, after in itertools.pairwise(facts.body)
        if isinstance(before, ast.AnnAssign) and ast.unparse(before.target) == "gwt_modules"
    )
    assert isinstance(gwt, ast.Expr) and "GWT" in ast.literal_eval(gwt.value)

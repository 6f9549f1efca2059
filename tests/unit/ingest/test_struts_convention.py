"""Struts 2 Convention plugin: actions found by package and class name, served at a URL made
from them, rendering the templates named after them (struts2shop)."""

from collections.abc import Callable
from pathlib import Path

from msadecomp.ingest import ingest
from msadecomp.ingest.web_config import convention_name

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
    assert convention_name("ShowHTMLReportAction") == "show-html-report"
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

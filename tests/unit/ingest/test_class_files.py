"""Compiled classes are read from their constant pool and declarations."""

import contextlib
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msadecomp.ingest.class_files import ClassFormatError, parse_class

SOURCE = """
package shop.web;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

public class OrderController extends Base implements Api<Order> {
    @Resource(name = "orderService") private OrderService orderService;
    @RequestMapping(value = "/order.do", method = Verb.POST)
    public String order(Order o) { orderService.place(o, "OrderDAO.insertOrder"); return "x"; }
    class Line {}
}
@Retention(RetentionPolicy.RUNTIME) @interface Resource { String name(); }
@Retention(RetentionPolicy.RUNTIME) @interface RequestMapping { String value(); Verb method(); }
enum Verb { GET, POST }
@Retention(RetentionPolicy.RUNTIME) @interface Checked { Class<?>[] by(); }
@interface Wrap { Checked[] value(); Class<?> extra(); }
@Checked(by = {OrderService.class, int.class, String[].class}) @interface Unique {}
@Wrap(value = {@Checked(by = Order.class)}, extra = Base.class) @interface Nested {}
abstract class Base {}
interface Api<T> { default java.util.List<T> all() { return null; } }
class Order {}
class OrderService { void place(Order o, String id) {} public static void reset() {}
    <X> X echo(X x) { return x; } }
"""


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("javac") is None:
        pytest.skip("javac is not installed")
    root = tmp_path_factory.mktemp("classes")
    (root / "OrderController.java").write_text(SOURCE)
    subprocess.run(["javac", "-d", str(root), str(root / "OrderController.java")], check=True)
    return root / "shop" / "web"


def test_declarations_annotations_and_constants(compiled: Path) -> None:
    f = parse_class("OrderController.class", (compiled / "OrderController.class").read_bytes())
    assert f is not None and f.package == "shop.web"
    (t,) = f.types
    assert (t.name, t.kind, t.extends, t.implements) == (
        "OrderController",
        "class",
        ("shop.web.Base",),
        ("shop.web.Api",),
    )
    field = t.fields[0]
    assert field.type_refs == ("shop.web.OrderService",)
    assert field.annotations[0].name == "shop.web.Resource"
    assert field.annotations[0].get("name") == "orderService"
    order = next(m for m in t.methods if m.name == "order")
    mapping = order.annotations[0]
    assert (mapping.value, mapping.get("method")) == ("/order.do", "Verb.POST")
    assert order.params[0].type_refs == ("shop.web.Order",)
    bytecode = next(m for m in t.methods if m.name == "<bytecode>")
    assert "OrderDAO.insertOrder" in bytecode.strings
    assert ("shop.web.OrderService", "place") in {(c.qualifier, c.member) for c in bytecode.calls}


def test_an_annotations_class_literals_name_their_classes(compiled: Path) -> None:
    """A constraint names its validator by class literal; arrays and primitives name none."""
    f = parse_class("Unique.class", (compiled / "Unique.class").read_bytes())
    assert f is not None
    checked = next(a for a in f.types[0].annotations if a.name == "shop.web.Checked")
    assert checked.classes == ("shop.web.OrderService",)
    nested = parse_class("Nested.class", (compiled / "Nested.class").read_bytes())
    assert nested is not None  # as in source: the nested annotation's first, in order
    assert nested.types[0].annotations[0].classes == ("shop.web.Order", "shop.web.Base")


def test_methods_say_whether_they_are_public_instance_methods(compiled: Path) -> None:
    f = parse_class("OrderController.class", (compiled / "OrderController.class").read_bytes())
    service = parse_class("OrderService.class", (compiled / "OrderService.class").read_bytes())
    assert f is not None and service is not None
    assert next(m for m in f.types[0].methods if m.name == "order").exposed
    exposed = {m.name: m.exposed for m in service.types[0].methods}
    assert not exposed["place"] and not exposed["reset"]  # package-private; static


def test_nested_class_keeps_its_outer_name(compiled: Path) -> None:
    f = parse_class("Line.class", (compiled / "OrderController$Line.class").read_bytes())
    assert f is not None and f.types[0].name == "OrderController.Line"


def test_an_abstract_class_says_so(compiled: Path) -> None:
    base = parse_class("Base.class", (compiled / "Base.class").read_bytes())
    order = parse_class("Order.class", (compiled / "Order.class").read_bytes())
    assert base is not None and base.types[0].abstract
    assert order is not None and not order.types[0].abstract


def test_interface_and_enum_kinds(compiled: Path) -> None:
    api = parse_class("Api.class", (compiled / "Api.class").read_bytes())
    verb = parse_class("Verb.class", (compiled / "Verb.class").read_bytes())
    assert api is not None and api.types[0].kind == "interface"
    assert not api.types[0].abstract  # an interface is abstract by nature, not marked so
    assert verb is not None and verb.types[0].kind == "enum" and verb.types[0].extends == ()


def test_a_generic_type_says_so_and_its_users_do_not(compiled: Path) -> None:
    """``Api<T>`` declares a type parameter; ``OrderController implements Api<Order>`` and the
    enum ``Verb`` (``Enum<Verb>``) only fill one in, and a generic method's signature (``List<T>
    all()``) belongs to the method, not the class."""
    api = parse_class("Api.class", (compiled / "Api.class").read_bytes())
    verb = parse_class("Verb.class", (compiled / "Verb.class").read_bytes())
    f = parse_class("OrderController.class", (compiled / "OrderController.class").read_bytes())
    assert api is not None and api.types[0].generic
    assert verb is not None and not verb.types[0].generic
    assert f is not None and not f.types[0].generic
    service = parse_class("OrderService.class", (compiled / "OrderService.class").read_bytes())
    assert service is not None and not service.types[0].generic  # only a method is generic


def test_not_a_class_file_is_an_error() -> None:
    with pytest.raises(ClassFormatError, match="magic"):
        parse_class("x.class", b"PK\x03\x04 not a class")


def test_truncated_class_file_is_an_error(compiled: Path) -> None:
    data = (compiled / "OrderController.class").read_bytes()
    with pytest.raises(ClassFormatError):
        parse_class("cut.class", data[: len(data) // 2])


@given(st.binary(max_size=200))
def test_random_bytes_raise_only_class_format_error(data: bytes) -> None:
    with contextlib.suppress(ClassFormatError):
        parse_class("fuzz.class", b"\xca\xfe\xba\xbe" + data)

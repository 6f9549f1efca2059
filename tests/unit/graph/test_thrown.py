"""An exception only one class throws reports that class's failures and belongs beside it."""

from msadecomp.config import Weights
from msadecomp.graph import build_graph, clustering_graph
from msadecomp.model import CodeModel, Dependency, DepKind, JavaType, SourceRef, TypeKind

REF = SourceRef("x", 1)


def _weights(creations: list[tuple[str, str]]) -> dict[tuple[str, str], float]:
    classes = sorted({c for pair in creations for c in pair})
    model = CodeModel(
        root="app",
        types=tuple(JavaType(c, TypeKind.CLASS, REF) for c in classes),
        dependencies=tuple(Dependency(a, b, DepKind.NEW, REF) for a, b in creations),
    )
    c = clustering_graph(build_graph(model, semantic=False), Weights(package=0, module=0))
    return {(a, b): c[a][b]["weight"] for a, b in creations}


def test_creating_an_exception_no_other_class_creates_is_throwing_it() -> None:
    w = _weights(
        [
            ("app.order.OrderService", "app.order.OrderNotFoundException"),
            ("app.order.OrderService", "app.order.OrderDetails"),
            ("app.order.OrderService", "app.common.InvalidStateError"),
        ]
    )
    thrown = w[("app.order.OrderService", "app.order.OrderNotFoundException")]
    assert (
        thrown
        == Weights().new * Weights().thrown
        == 3 * w[("app.order.OrderService", "app.order.OrderDetails")]
    )
    assert w[("app.order.OrderService", "app.common.InvalidStateError")] == thrown


def test_an_exception_thrown_from_several_classes_ties_none_of_them_more() -> None:
    w = _weights(
        [
            ("app.order.OrderService", "app.common.NotYetImplementedException"),
            ("app.cart.CartService", "app.common.NotYetImplementedException"),
        ]
    )
    assert set(w.values()) == {Weights().new}

"""Each class gets a layer, and the clustering graph remembers who uses whom."""

from msadecomp.config import Weights
from msadecomp.graph import SUPERTYPES, USERS, build_graph, clustering_graph
from msadecomp.model import CodeModel, Dependency, DepKind, Endpoint, JavaType, SourceRef, TypeKind

REF = SourceRef("x", 1)


def test_a_class_handling_requests_is_web_even_without_annotation_or_suffix() -> None:
    """Struts and Stripes actions and servlets declared in XML carry no stereotype."""
    model = CodeModel(
        root="app",
        types=(
            JavaType("app.ui.BookmarkEdit", TypeKind.CLASS, REF),
            JavaType("app.ui.TrackingService", TypeKind.CLASS, REF),
            JavaType("app.ui.Bookmark", TypeKind.CLASS, REF, stereotype="entity"),
            JavaType("app.ui.BookmarkHelper", TypeKind.CLASS, REF),
        ),
        endpoints=(
            Endpoint("/bookmarkEdit", "GET", "app.ui.BookmarkEdit#execute", REF),
            Endpoint("/track", "GET", "app.ui.TrackingService#track", REF),
            Endpoint("/bookmark", "GET", "app.ui.Bookmark#show", REF),
        ),
    )
    g = build_graph(model, semantic=False)
    layers = {n: g.nodes[n]["layer"] for n in g}
    assert layers == {
        "app.ui.BookmarkEdit": "web",
        "app.ui.TrackingService": "service",  # its name says so first
        "app.ui.Bookmark": "model",
        "app.ui.BookmarkHelper": "other",
    }


def test_users_and_supertypes_come_from_code_dependencies_but_imports() -> None:
    deps = [
        ("app.web.TrackingController", "app.web.TrackingAdapter", DepKind.NEW),
        ("app.web.TrackingController", "app.cargo.Cargo", DepKind.IMPORT),
        ("app.web.TrackingAdapter", "app.cargo.Cargo", DepKind.CALL),
        ("app.infra.ExternalRouting", "app.cargo.RoutingService", DepKind.IMPLEMENTS),
    ]
    classes = sorted({c for a, b, _ in deps for c in (a, b)})
    model = CodeModel(
        root="app",
        types=tuple(JavaType(c, TypeKind.CLASS, REF) for c in classes),
        dependencies=tuple(Dependency(a, b, kind, REF) for a, b, kind in deps),
    )
    graph = clustering_graph(build_graph(model, semantic=False), Weights(package=0, module=0))
    assert graph.graph[USERS] == {
        "app.web.TrackingAdapter": {"app.web.TrackingController"},
        "app.cargo.Cargo": {"app.web.TrackingAdapter"},
        "app.cargo.RoutingService": {"app.infra.ExternalRouting"},
    }
    assert graph.graph[SUPERTYPES] == {"app.infra.ExternalRouting": {"app.cargo.RoutingService"}}

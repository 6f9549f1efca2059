"""An interface or abstract class with a single implementation is that implementation's
contract; an interface holding only constants is a way to read them, not a contract."""

from msadecomp.config import Weights
from msadecomp.graph import build_graph, clustering_graph
from msadecomp.model import CodeModel, Dependency, DepKind, JavaType, SourceRef, TypeKind

REF = SourceRef("x", 1)
W = Weights(package=0)


def _weights(types: list[JavaType], deps: list[tuple[str, str, DepKind]]) -> dict[str, float]:
    model = CodeModel(
        root="app",
        types=tuple(types),
        dependencies=tuple(Dependency(s, t, k, REF) for s, t, k in deps),
    )
    c = clustering_graph(build_graph(model, semantic=False), W)
    return {f"{a}-{b}": d["weight"] for a, b, d in c.edges(data=True)}


def test_the_only_subclass_of_an_abstract_service_is_tied_as_its_only_implementation() -> None:
    types = [
        JavaType("app.FlightService", TypeKind.CLASS, REF, abstract=True),
        JavaType("app.MongoFlightService", TypeKind.CLASS, REF),
        JavaType("app.Person", TypeKind.CLASS, REF),
        JavaType("app.Patient", TypeKind.CLASS, REF),
        JavaType("app.Shape", TypeKind.CLASS, REF, abstract=True),
        JavaType("app.Circle", TypeKind.CLASS, REF),
        JavaType("app.Square", TypeKind.CLASS, REF),
        JavaType("app.jdbc.OneToManyExtractor", TypeKind.CLASS, REF, abstract=True),
        JavaType("app.jdbc.PetVisitExtractor", TypeKind.CLASS, REF),
    ]
    deps = [
        ("app.MongoFlightService", "app.FlightService", DepKind.EXTENDS),
        ("app.Patient", "app.Person", DepKind.EXTENDS),
        ("app.Circle", "app.Shape", DepKind.EXTENDS),
        ("app.Square", "app.Shape", DepKind.EXTENDS),
        ("app.jdbc.PetVisitExtractor", "app.jdbc.OneToManyExtractor", DepKind.EXTENDS),
    ]
    w = _weights(types, deps)
    assert w["app.FlightService-app.MongoFlightService"] == W.extends * W.sole_implementation
    assert w["app.Patient-app.Person"] == W.extends  # a concrete superclass: no contract
    assert w["app.Circle-app.Shape"] == W.extends  # two implementations
    # an abstract helper reused once is no service contract
    assert w["app.jdbc.OneToManyExtractor-app.jdbc.PetVisitExtractor"] == W.extends


def test_implementing_an_interface_of_constants_weighs_as_reading_them() -> None:
    types = [
        JavaType("app.MongoConstants", TypeKind.INTERFACE, REF, fields=("DB_NAME",)),
        JavaType("app.Codes", TypeKind.INTERFACE, REF, fields=("A",), methods=("code",)),
        JavaType("app.BookingStore", TypeKind.CLASS, REF),
        JavaType("app.FlightStore", TypeKind.CLASS, REF),
    ]
    deps = [
        ("app.BookingStore", "app.MongoConstants", DepKind.IMPLEMENTS),
        ("app.FlightStore", "app.MongoConstants", DepKind.IMPLEMENTS),
        ("app.BookingStore", "app.Codes", DepKind.IMPLEMENTS),
        ("app.FlightStore", "app.Codes", DepKind.IMPLEMENTS),
    ]
    w = _weights(types, deps)
    assert w["app.BookingStore-app.MongoConstants"] == W.import_
    assert w["app.BookingStore-app.Codes"] == W.implements

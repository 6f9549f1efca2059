"""Calls that change what a class keeps are counted, so refinement can tell who owns data."""

from collections import Counter

from msadecomp.config import Weights
from msadecomp.graph import WRITE_CALLS, build_graph, clustering_graph
from msadecomp.model import CodeModel, Dependency, DepKind, JavaType, SourceRef, TypeKind

REF = SourceRef("x", 1)


def _writes(calls: list[tuple[str, str, str]]) -> Counter[tuple[str, str]]:
    classes = sorted({c for a, b, _ in calls for c in (a, b)})
    model = CodeModel(
        root="app",
        types=tuple(JavaType(c, TypeKind.CLASS, REF) for c in classes),
        dependencies=tuple(
            Dependency(a, b, DepKind.CALL, REF, f"run->{member}") for a, b, member in calls
        ),
    )
    graph = clustering_graph(build_graph(model, semantic=False), Weights(package=0, module=0))
    found: Counter[tuple[str, str]] = graph.graph.get(WRITE_CALLS, Counter())
    return found


def test_store_save_and_create_calls_are_writes_and_finds_are_not() -> None:
    writes = _writes(
        [
            ("app.booking.BookingService", "app.cargo.CargoRepository", "store"),
            ("app.booking.BookingService", "app.cargo.CargoRepository", "find"),
            ("app.booking.BookingService", "app.cargo.CargoFactory", "createCargo"),
            ("app.booking.BookingService", "app.location.LocationRepository", "findAll"),
            ("app.booking.BookingService", "app.location.Addresses", "address"),
            ("app.order.OrderService", "app.order.OrderRepository", "saveAll"),
        ]
    )
    assert writes == {
        ("app.booking.BookingService", "app.cargo.CargoRepository"): 1,
        ("app.booking.BookingService", "app.cargo.CargoFactory"): 1,
        ("app.order.OrderService", "app.order.OrderRepository"): 1,
    }


def test_sample_data_loaders_write_every_table_so_their_writes_do_not_count() -> None:
    writes = _writes(
        [
            ("app.util.SampleDataGenerator", "app.cargo.CargoRepository", "store"),
            ("app.admin.PopulateDBBean", "app.cargo.CargoRepository", "save"),
            ("app.loader.FlightLoader", "app.flight.FlightService", "storeFlight"),
            ("app.admin.ResetDBBean", "app.cargo.CargoRepository", "delete"),
            ("app.booking.BookingService", "app.cargo.CargoRepository", "store"),
            ("app.user.ResetPasswordService", "app.user.UserRepository", "update"),
        ]
    )
    assert writes == {
        ("app.booking.BookingService", "app.cargo.CargoRepository"): 1,
        ("app.user.ResetPasswordService", "app.user.UserRepository"): 1,  # not sample data
    }

"""After clustering: no orphan groups, no catch-all; package structure ties features together."""

from collections import Counter
from collections.abc import Iterable

import networkx as nx
import pytest

from msadecomp.decompose import decompose
from msadecomp.decompose.algorithms import leiden
from msadecomp.decompose.refine import (
    absorb_tiny,
    attach_orphans,
    entities_follow_stores,
    follow_sole_users,
    gather_package_stragglers,
    join_domain_to_front,
    join_fronts_to_logic,
    join_inbound_adapters,
    join_logic_to_data,
    join_package_fragments,
    join_satellites,
    loaders_follow_their_data,
    place_stores,
    split_catch_alls,
    split_disconnected,
    split_providers,
    writers_follow_entities,
)
from msadecomp.graph import SUPERTYPES, TABLE_WRITES, USERS, WRITE_CALLS, build_graph
from msadecomp.graph.structure import (
    build_dirs,
    feature_package,
    group_edges,
    layer_first,
    module_of,
    root_package,
)
from msadecomp.model import CodeModel, JavaType, SourceRef, TypeKind


def same_parts(got: Iterable[Iterable[str]], wanted: Iterable[Iterable[str]]) -> bool:
    """Two partitions hold the same parts, in any order."""
    return sorted(map(sorted, got)) == sorted(map(sorted, wanted))


def clique(g: nx.Graph, names: list[str], package: str, weight: float = 2.0) -> None:
    for n in names:
        g.add_node(n, kind="class", label=n.rpartition(".")[2], package=package)
    g.add_edges_from((u, v, {"weight": weight}) for u in names for v in names if u < v)


def test_package_fragments_join_outside_a_root_that_is_the_main_feature() -> None:
    """eGovFrame's sample: six of ten classes sit in ``example.sample``, so that is the root
    package; the common ``example.cmmn`` and ``example.cmmn.web`` helpers, in two services of
    two classes, are still one package's fragments."""
    g = nx.Graph()
    sample = [f"e.example.sample.S{i}" for i in range(6)]
    clique(g, sample, "e.example.sample")
    clique(g, ["e.example.cmmn.ExcepHndlr", "e.example.cmmn.OthersExcepHndlr"], "e.example.cmmn")
    web = ["e.example.cmmn.web.BindingInitializer", "e.example.cmmn.web.PaginationRenderer"]
    clique(g, web, "e.example.cmmn.web")
    parts = [
        set(sample),
        {"e.example.cmmn.ExcepHndlr", "e.example.cmmn.OthersExcepHndlr"},
        set(web),
    ]
    joined, notes, _ = join_package_fragments(g, parts)
    assert same_parts(joined, [parts[0], parts[1] | parts[2]])
    assert notes == [
        "2 services mostly made of package e.example.cmmn gave its classes to one service"
    ]
    # the root package itself is no feature to join by: nothing below the root names one
    halves = [set(sample[:3]), set(sample[3:]), parts[1] | parts[2]]
    assert join_package_fragments(g, halves)[0] == halves


def test_table_groups_join_the_service_they_are_tied_to_and_the_rest_is_unreferenced() -> None:
    g = nx.Graph()
    clique(g, ["a.A1", "a.A2"], "a")
    for t in ("table:T_A", "table:T_A_LOG", "table:T_FREE"):
        g.add_node(t, kind="table", label=t[6:], package="")
    g.add_edge("a.A1", "table:T_A", weight=4.0)
    g.add_edge("table:T_A", "table:T_A_LOG", weight=2.0)
    parts, unreferenced = attach_orphans(
        g, [{"a.A1", "a.A2", "table:T_A"}, {"table:T_A_LOG"}, {"table:T_FREE"}]
    )
    assert parts == [{"a.A1", "a.A2", "table:T_A", "table:T_A_LOG"}]
    assert unreferenced == ["table:T_FREE"]


def test_a_table_tied_only_to_another_orphan_table_follows_it() -> None:
    """JPetStore's SUPPLIER, tied by a foreign key to ITEM alone, when ITEM too is a group of
    its own (an edited assignment pins both): ITEM joins the catalogue its mapper reads, and
    SUPPLIER follows ITEM, in whatever order the groups come."""
    g = nx.Graph()
    clique(g, ["c.ItemMapper", "c.Item"], "c")
    for t in ("table:SUPPLIER", "table:ITEM"):
        g.add_node(t, kind="table", label=t[6:], package="")
    g.add_edge("c.ItemMapper", "table:ITEM", weight=2.0)
    g.add_edge("table:ITEM", "table:SUPPLIER", weight=2.0)
    for orphans in ([{"table:SUPPLIER"}, {"table:ITEM"}], [{"table:ITEM"}, {"table:SUPPLIER"}]):
        parts, unreferenced = attach_orphans(g, [{"c.ItemMapper", "c.Item"}, *orphans])
        assert parts == [{"c.ItemMapper", "c.Item", "table:ITEM", "table:SUPPLIER"}]
        assert unreferenced == []
    # a lone class tied only to such a table still joins the service of its package
    g.add_node("c.util.Lone", kind="class", label="Lone", package="c.util")
    g.add_edge("c.util.Lone", "table:ITEM", weight=1.0)
    clique(g, ["d.D1", "d.D2"], "d")
    parts, _ = attach_orphans(
        g, [{"c.ItemMapper", "c.Item"}, {"d.D1", "d.D2"}, {"c.util.Lone"}, {"table:ITEM"}]
    )
    assert parts == [{"c.ItemMapper", "c.Item", "c.util.Lone", "table:ITEM"}, {"d.D1", "d.D2"}]
    # ... and one of another package follows the table it uses to the service it joined
    g.add_node("z.misc.LogWriter", kind="class", label="LogWriter", package="z.misc")
    g.add_node("table:AUDIT", kind="table", label="AUDIT", package="")
    g.add_edge("z.misc.LogWriter", "table:AUDIT", weight=1.0)
    g.add_edge("d.D1", "table:AUDIT", weight=2.0)
    parts, _ = attach_orphans(
        g, [{"c.ItemMapper", "c.Item"}, {"d.D1", "d.D2"}, {"z.misc.LogWriter"}, {"table:AUDIT"}]
    )
    assert parts == [
        {"c.ItemMapper", "c.Item"},
        {"d.D1", "d.D2", "table:AUDIT", "z.misc.LogWriter"},
    ]


def test_a_lone_class_joins_the_service_sharing_its_package_prefix() -> None:
    g = nx.Graph()
    clique(g, ["org.shop.order.A", "org.shop.order.B"], "org.shop.order")
    clique(g, ["org.shop.pay.C", "org.shop.pay.D"], "org.shop.pay")
    g.add_node("org.shop.pay.util.Money", kind="class", label="Money", package="org.shop.pay.util")
    parts, _ = attach_orphans(
        g,
        [
            {"org.shop.order.A", "org.shop.order.B"},
            {"org.shop.pay.C", "org.shop.pay.D"},
            {"org.shop.pay.util.Money"},
        ],
    )
    assert {"org.shop.pay.C", "org.shop.pay.D", "org.shop.pay.util.Money"} in parts
    assert len(parts) == 2


def test_services_made_of_one_feature_package_are_joined_but_not_of_a_layer_package() -> None:
    g = nx.Graph()
    clique(g, ["app.prims.P1", "app.prims.P2", "app.prims.P3"], "app.prims")
    clique(g, ["app.prims.P4", "app.prims.P5", "app.prims.ejb3.P6"], "app.prims")
    g.nodes["app.prims.ejb3.P6"]["package"] = "app.prims.ejb3"  # technology: still prims
    # so are MapStruct converters (eladmin's had formed two services taken from six features)
    g.nodes["app.prims.P5"]["package"] = "app.prims.service.mapstruct"
    clique(g, ["app.prims.P7", "app.prims.P8", "app.prims.P9", "app.ws.W1", "app.ws.W2"], "x")
    for n in ("app.ws.W1", "app.ws.W2"):
        g.nodes[n]["package"] = "app.ws"
    for n in ("app.prims.P7", "app.prims.P8", "app.prims.P9"):
        g.nodes[n]["package"] = "app.prims"
    clique(g, ["app.order.O1", "app.order.O2", "app.pay.X", "app.cart.Y"], "app.order")
    g.nodes["app.pay.X"]["package"], g.nodes["app.cart.Y"]["package"] = "app.pay", "app.cart"
    clique(g, ["app.order.O3", "app.order.O4"], "app.order")
    clique(g, ["app.dao.ADao", "app.dao.BDao"], "app.dao")  # a layer: never joined
    clique(g, ["app.dao.CDao", "app.dao.DDao"], "app.dao")
    parts = [
        {"app.prims.P1", "app.prims.P2", "app.prims.P3"},
        {"app.prims.P4", "app.prims.P5", "app.prims.ejb3.P6", "table:T_P"},
        {"app.prims.P7", "app.prims.P8", "app.prims.P9", "app.ws.W1", "app.ws.W2"},  # 3/5
        {"app.order.O1", "app.order.O2", "app.pay.X", "app.cart.Y"},  # half: no package's
        {"app.order.O3", "app.order.O4"},
        {"app.dao.ADao", "app.dao.BDao"},
        {"app.dao.CDao", "app.dao.DDao"},
    ]
    joined, notes, kept = join_package_fragments(g, parts)
    prims = parts[0] | parts[1] | (parts[2] - {"app.ws.W1", "app.ws.W2"})
    rest = {"app.ws.W1", "app.ws.W2"}  # the fragment's other classes stay together, apart
    assert same_parts(joined, [prims, rest, parts[3], parts[4], parts[5], parts[6]])
    assert notes == ["3 services mostly made of package app.prims gave its classes to one service"]
    assert kept == [prims]


def test_a_joined_package_is_no_catch_all_to_split_again() -> None:
    """Modularity cuts a package of independent classes along its package ring; the catch-all
    split would undo the join that put it back together."""
    g = nx.Graph()
    for k in range(6):
        clique(g, [f"s{k}.C{i}" for i in range(10)], f"s{k}")
    halves = [[f"big.C{i}" for i in range(h * 30, h * 30 + 30)] for h in range(2)]
    for names in halves:
        clique(g, names, "big")
    whole = set(halves[0]) | set(halves[1])
    parts = [{f"s{k}.C{i}" for i in range(10)} for k in range(6)] + [whole]
    split, _ = split_catch_alls(g, parts, lambda prepared: leiden(prepared, 1, 1.0))
    assert len(split) == 8, "without the join's word, it is cut in two"
    kept, notes = split_catch_alls(g, parts, lambda p: leiden(p, 1, 1.0), [set(halves[0])])
    assert len(kept) == 7 and notes == []


def test_a_layer_first_app_under_an_organisation_named_like_a_technology_is_never_joined() -> None:
    """jpetstore-6: org.mybatis.jpetstore.{domain,mapper,service,web}; "mybatis" names the
    organisation, so the whole app's package is the root, not a feature to join on."""
    g = nx.Graph()
    parts = []
    for feature in ("Account", "Cart", "Order"):
        names = [
            f"org.mybatis.shop.domain.{feature}",
            f"org.mybatis.shop.mapper.{feature}Mapper",
            f"org.mybatis.shop.service.{feature}Service",
        ]
        for n in names:
            g.add_node(n, kind="class", package=n.rpartition(".")[0])
        parts.append(set(names))
    joined, notes, _ = join_package_fragments(g, parts)
    assert len(joined) == 3 and notes == []


def test_a_service_of_one_or_two_classes_joins_the_service_most_tied_to_it() -> None:
    g = nx.Graph()
    clique(g, ["a.flight.Flight", "a.flight.FlightImpl", "a.flight.FlightService"], "a.flight")
    clique(g, ["a.book.Booking", "a.book.BookingImpl", "a.book.BookingService"], "a.book")
    clique(g, ["a.flight.FlightPK", "a.flight.FlightPKImpl"], "a.flight")
    g.add_edge("a.flight.FlightPK", "a.flight.Flight", weight=3.0)
    g.add_edge("a.flight.FlightPK", "a.book.Booking", weight=1.0)
    g.add_node("a.misc.Lonely", kind="class", package="a.misc")
    parts = [
        {"a.flight.Flight", "a.flight.FlightImpl", "a.flight.FlightService"},
        {"a.book.Booking", "a.book.BookingImpl", "a.book.BookingService"},
        {"a.flight.FlightPK", "a.flight.FlightPKImpl"},
        {"a.misc.Lonely"},
    ]
    merged, notes = absorb_tiny(g, parts)
    assert parts[0] | parts[2] in merged and parts[1] in merged
    assert {"a.misc.Lonely"} in merged, "no tie: it stays for the orphan rule"
    assert notes == [
        "1 service(s) of fewer than 3 classes, or with nothing of their own (only endpoints, or "
        "only helpers, and no table), joined the service most tied to them"
    ]


def test_an_api_cut_off_its_domain_joins_it_but_a_small_service_with_a_core_stays() -> None:
    """AcmeAir's ``FlightsREST`` and its two response classes are no service of their own; a
    small service holding a service class (``TransactionService``) or a table is one."""
    g = nx.Graph()
    clique(g, ["a.flight.Flight", "a.flight.FlightImpl", "a.flight.FlightService"], "a.flight")
    g.nodes["a.flight.FlightService"]["layer"] = "service"
    clique(g, ["a.web.FlightsREST", "a.web.TripLegInfo", "a.web.TripOptions"], "a.web")
    g.nodes["a.web.FlightsREST"]["layer"] = "web"
    g.add_edge("a.web.FlightsREST", "a.flight.FlightService", weight=1.0)
    clique(g, ["a.tx.TransactionService", "a.tx.Agent", "a.tx.Constants"], "a.tx")
    g.nodes["a.tx.TransactionService"]["layer"] = "service"
    g.add_edge("a.tx.Agent", "a.flight.Flight", weight=1.0)
    clique(g, ["a.log.LogREST", "a.log.Entry", "a.log.Filter"], "a.log")
    g.add_node("table:LOG", kind="table")
    g.add_edge("a.log.Entry", "table:LOG", weight=1.0)
    g.add_edge("a.log.Entry", "a.flight.Flight", weight=1.0)
    parts = [
        {"a.flight.Flight", "a.flight.FlightImpl", "a.flight.FlightService"},
        {"a.web.FlightsREST", "a.web.TripLegInfo", "a.web.TripOptions"},
        {"a.tx.TransactionService", "a.tx.Agent", "a.tx.Constants"},
        {"a.log.LogREST", "a.log.Entry", "a.log.Filter", "table:LOG"},
    ]
    merged, _ = absorb_tiny(g, parts)
    assert parts[0] | parts[1] in merged
    assert parts[2] in merged and parts[3] in merged


def test_store_helpers_join_the_store_they_serve_but_a_small_entity_service_stays() -> None:
    """PetClinic's ``JdbcPet``, ``JdbcPetRowMapper`` and ``JdbcPetVisitExtractor`` came out as
    a service of their own; a small service around an entity is a service, even in a technical
    package."""
    g = nx.Graph()
    pet = ["a.model.Pet", "a.repo.PetRepository", "a.repo.JdbcPetRepositoryImpl"]
    clique(g, pet, "a.model")
    helpers = ["a.jdbc.JdbcPet", "a.jdbc.JdbcPetRowMapper", "a.jdbc.JdbcPetVisitExtractor"]
    clique(g, helpers, "a.jdbc")
    g.add_edge("a.jdbc.JdbcPet", "a.model.Pet", weight=3.0)
    tags = ["a.util.Tag", "a.util.TagStat", "a.util.TagComparator"]
    clique(g, tags, "a.util")
    g.nodes["a.util.Tag"]["stereotype"] = "entity"
    g.add_edge("a.util.Tag", "a.model.Pet", weight=1.0)
    merged, _ = absorb_tiny(g, [set(pet), set(helpers), set(tags)])
    assert same_parts(merged, [pet + helpers, tags])


def _layered(writes: dict[tuple[str, str], int]) -> tuple[nx.Graph, list[set[str]]]:
    """dddsample cut along its layers: a booking front without tables, the cargo aggregate with
    its tables but no web class, location reference data, and a tracking front."""
    g = nx.Graph()
    booking = ["b.web.BookingController", "b.app.BookingService", "b.app.BookingFacade"]
    cargo = ["b.cargo.Cargo", "b.cargo.CargoRepository", "b.cargo.Itinerary", "table:CARGO"]
    location = ["b.location.Location", "b.location.LocationRepository", "table:LOCATION"]
    tracking = ["b.web.TrackingController", "b.app.TrackingService", "b.app.TrackCommand"]
    for names in (booking, cargo, location, tracking):
        clique(g, names, names[0].rpartition(".")[0])
    for table in ("table:CARGO", "table:LOCATION"):
        g.nodes[table]["kind"] = "table"
    for web in ("b.web.BookingController", "b.web.TrackingController"):
        g.nodes[web]["layer"] = "web"
    g.add_edge("b.app.BookingService", "b.cargo.CargoRepository", weight=1.0)
    g.add_edge("b.app.BookingService", "b.location.LocationRepository", weight=1.0)
    g.add_edge("b.app.TrackingService", "b.cargo.CargoRepository", weight=1.0)
    g.graph[WRITE_CALLS] = Counter(writes)
    return g, [set(booking), set(cargo), set(location), set(tracking)]


def _booking_took_cargo(joined: list[set[str]], parts: list[set[str]]) -> bool:
    """The booking front holds the cargo domain now; location and tracking are as they were."""
    wanted = [parts[0] | parts[1], parts[2], parts[3]]
    return same_parts(joined, wanted)


def test_a_domain_service_joins_the_front_that_writes_its_data_most() -> None:
    g, parts = _layered(
        {
            ("b.app.BookingService", "b.cargo.CargoRepository"): 3,
            ("b.app.TrackingService", "b.cargo.CargoRepository"): 1,
        }
    )
    joined, notes = join_domain_to_front(g, parts)
    assert _booking_took_cargo(joined, parts)
    assert notes == [
        "3 classes holding a domain model and its tables, but no endpoint or screen, joined "
        "the front that writes their data most: BookingService writes CargoRepository (3 write "
        "calls; no other service makes more than 1)"
    ]


def test_reference_data_only_read_and_a_tie_between_writers_stay_apart() -> None:
    g, parts = _layered(
        {
            ("b.app.BookingService", "b.cargo.CargoRepository"): 2,
            ("b.app.TrackingService", "b.cargo.CargoRepository"): 2,
        }
    )
    assert join_domain_to_front(g, parts) == (parts, [])


def test_a_package_joined_on_purpose_takes_a_domain_only_on_more_than_one_write_call() -> None:
    """DayTrader 3: one of its 32 Ping primitives writes the trade facade once; the primitives
    are one service because they share a package, not a front of the trade domain."""
    g, parts = _layered({("b.app.BookingService", "b.cargo.CargoRepository"): 1})
    assert _booking_took_cargo(join_domain_to_front(g, parts)[0], parts)  # an ordinary front
    assert join_domain_to_front(g, parts, [parts[0]]) == (parts, [])
    g, parts = _layered({("b.app.BookingService", "b.cargo.CargoRepository"): 2})
    assert _booking_took_cargo(join_domain_to_front(g, parts, [parts[0]])[0], parts)


def test_a_domain_service_written_most_by_a_service_with_tables_of_its_own_stays() -> None:
    g, parts = _layered({("b.app.BookingService", "b.cargo.CargoRepository"): 3})
    g.add_node("table:BOOKING", kind="table")
    parts[0].add("table:BOOKING")
    assert join_domain_to_front(g, parts) == (parts, [])


def test_a_front_takes_only_the_domain_it_writes_most() -> None:
    """A front over several domain services is no reason to make it a catch-all: it takes the
    one it writes most; the location service it also writes stays apart."""
    g, parts = _layered(
        {
            ("b.app.BookingService", "b.cargo.CargoRepository"): 3,
            ("b.app.BookingService", "b.location.LocationRepository"): 2,
        }
    )
    joined, notes = join_domain_to_front(g, parts)
    assert _booking_took_cargo(joined, parts)
    assert len(notes) == 1


def _cargo_beside_tracking(writes: dict[tuple[str, str], int]) -> list[set[str]]:
    """cargotracker cut across its layers: the booking front without tables, and the cargo
    aggregate sharing a service with the tracking screens that only read it."""
    g = nx.Graph()
    booking = ["b.web.BookingController", "b.app.BookingService"]
    cargo = ["b.cargo.Cargo", "b.cargo.CargoRepository", "b.cargo.Itinerary", "table:CARGO"]
    tracking = ["b.web.TrackingController", "b.web.TrackingViewAdapter"]
    clique(g, booking, "b.app")
    clique(g, cargo, "b.cargo")
    clique(g, tracking, "b.web")
    g.nodes["table:CARGO"]["kind"] = "table"
    g.nodes["b.cargo.CargoRepository"]["layer"] = "persistence"
    for web in ("b.web.BookingController", "b.web.TrackingController"):
        g.nodes[web]["layer"] = "web"
    g.add_edge("b.web.TrackingViewAdapter", "b.cargo.Cargo", weight=3.0)
    g.graph[WRITE_CALLS] = Counter(writes)
    joined, _ = join_domain_to_front(g, [set(booking), set(cargo + tracking)])
    return joined


def test_a_read_only_front_keeps_its_screens_and_gives_the_domain_to_its_writer() -> None:
    """The cargo aggregate goes to booking, which changes it; tracking, which only reads it,
    stays a service of its own."""
    joined = _cargo_beside_tracking(
        {
            ("b.app.BookingService", "b.cargo.CargoRepository"): 4,
            ("b.cargo.Cargo", "b.cargo.Itinerary"): 1,  # inside the aggregate: no front writing
        }
    )
    booking = {"b.web.BookingController", "b.app.BookingService", "table:CARGO"}
    cargo = {"b.cargo.Cargo", "b.cargo.CargoRepository", "b.cargo.Itinerary"}
    tracking = {"b.web.TrackingController", "b.web.TrackingViewAdapter"}
    assert same_parts(joined, [booking | cargo, tracking])


def test_a_front_that_writes_anything_keeps_the_domain_it_shares_a_service_with() -> None:
    """JPetStore's account screens write through the store facade, so the account DAO the
    facade writes is no domain cut off from them."""
    writes = {
        ("b.app.BookingService", "b.cargo.CargoRepository"): 4,
        ("b.web.TrackingController", "b.app.BookingService"): 1,
    }
    assert len(_cargo_beside_tracking(writes)) == 2
    assert any(
        "b.web.TrackingController" in p and "b.cargo.Cargo" in p
        for p in _cargo_beside_tracking(writes)
    )


def _tracking_helpers(
    users: dict[str, set[str]], supertypes: dict[str, set[str]] | None = None
) -> tuple[nx.Graph, list[set[str]]]:
    """dddsample after clustering: the tracking converter and its DTO sit with the booking
    aggregate they read, the tracking controller and REST service apart."""
    g = nx.Graph()
    booking = ["b.cargo.Cargo", "b.cargo.Delivery", "b.cargo.Itinerary", "b.app.BookingService"]
    tracking = ["b.web.TrackingController", "b.ws.TrackingRestService", "b.web.TrackCommand"]
    helpers = ["b.ws.TrackingConverter", "b.ws.DeliveryDTO"]
    clique(g, booking + helpers, "b.cargo")
    clique(g, tracking, "b.web")
    g.nodes["b.web.TrackingController"]["layer"] = "web"
    g.graph[USERS] = users
    g.graph[SUPERTYPES] = supertypes or {}
    return g, [set(booking + helpers), set(tracking)]


TRACKING_USERS = {
    "b.ws.TrackingConverter": {"b.ws.TrackingRestService"},
    "b.ws.DeliveryDTO": {"b.ws.TrackingConverter", "b.ws.TrackingRestService"},
    "b.cargo.Cargo": {"b.ws.TrackingConverter", "b.app.BookingService"},
}


def test_classes_only_one_other_service_uses_join_it_and_chains_follow() -> None:
    """The converter joins the REST service using it; then its DTO, used by both."""
    g, parts = _tracking_helpers(TRACKING_USERS)
    moved, notes = follow_sole_users(g, parts)
    assert same_parts(
        moved,
        [
            parts[0] - {"b.ws.TrackingConverter", "b.ws.DeliveryDTO"},
            parts[1] | {"b.ws.TrackingConverter", "b.ws.DeliveryDTO"},
        ],
    )
    assert notes == [
        "2 classes joined the only service using them: TrackingConverter (used by "
        "TrackingRestService), DeliveryDTO (used by TrackingConverter)"
    ]


def test_wiring_hubs_and_users_in_two_services_claim_nothing() -> None:
    users = {
        "b.ws.TrackingConverter": {"b.ws.TrackingRestService", "b.app.BookingService"},
        "b.ws.DeliveryDTO": {"b.config.TrackingConfiguration"},
    }
    g, parts = _tracking_helpers(users)
    g.add_node("b.config.TrackingConfiguration", kind="class", package="b.config")
    parts[1].add("b.config.TrackingConfiguration")
    assert follow_sole_users(g, parts) == (parts, [])
    hub = {f"b.x.C{i}" for i in range(31)}
    g.add_nodes_from(hub, kind="class")
    parts[1] |= hub
    users = {"b.ws.TrackingConverter": {"b.web.Hub"}, **{c: {"b.web.Hub"} for c in hub}}
    g.add_node("b.web.Hub", kind="class")
    parts[1].add("b.web.Hub")
    g.graph[USERS] = users
    assert follow_sole_users(g, parts) == (parts, [])


def test_a_sample_data_loader_joins_the_only_service_whose_data_it_loads() -> None:
    """AcmeAir's loader package: each loader calls one service; the runner calls them all."""
    g = nx.Graph()
    loaders = ["a.loader.Loader", "a.loader.FlightLoader", "a.loader.BookingLoader"]
    flights = ["a.service.FlightService", "a.AirportCodeMapping", "a.web.FlightsREST"]
    bookings = ["a.service.BookingService", "a.web.BookingsREST", "a.web.Keys"]
    for members in (loaders, flights, bookings):
        for n in members:
            g.add_node(n, kind="class", package=n.rpartition(".")[0])
    # a resource loader among rendering classes loads no data
    render = ["a.render.WebappResourceLoader", "a.render.VelocityRenderer"]
    for n in render:
        g.add_node(n, kind="class", package="a.render")
    g.graph[USERS] = {
        "a.service.FlightService": {"a.loader.FlightLoader", "a.web.FlightsREST"},
        "a.AirportCodeMapping": {"a.loader.FlightLoader"},
        "a.service.BookingService": {"a.loader.BookingLoader", "a.loader.Loader"},
        "a.web.Keys": {"a.loader.BookingLoader", "a.render.WebappResourceLoader"},
        "a.loader.FlightLoader": {"a.loader.Loader"},
        "a.web.FlightsREST": {"a.loader.Loader"},  # the runner uses two services: it stays
    }
    # a package of Sample and Demo features loads no data either
    demo = ["a.demo.SampleController", "a.demo.DemoService"]
    for n in demo:
        g.add_node(n, kind="class", package="a.demo")
    g.graph[USERS]["a.service.FlightService"] |= {"a.demo.DemoService"}
    parts = [set(loaders), set(flights) | set(render), set(bookings) | set(demo)]
    moved, notes = loaders_follow_their_data(g, parts)
    assert same_parts(
        moved,
        [
            {"a.loader.Loader"},
            parts[1] | {"a.loader.FlightLoader"},
            parts[2] | {"a.loader.BookingLoader"},
        ],
    )
    assert notes == [
        "2 sample-data loaders joined the only service whose data they load: BookingLoader "
        "(uses BookingService), FlightLoader (uses AirportCodeMapping)"
    ]


def _batch_import() -> tuple[nx.Graph, list[set[str]]]:
    """cargotracker after clustering: the batch import of event files apart from the handling
    context it hands registration attempts to; it borrows a value object of the cargo."""
    g = nx.Graph()
    handling = ["h.HandlingEvent", "h.ApplicationEvents", "h.HandlingService", "table:EVENT"]
    cargo = ["c.Cargo", "c.TrackingId", "c.BookingService", "table:CARGO"]
    batch = ["f.EventItemReader", "f.EventItemWriter", "f.DirectoryScanner"]
    for names, package in ((handling, "h"), (cargo, "c"), (batch, "f")):
        clique(g, names, package)
    g.add_edge("f.EventItemWriter", "h.ApplicationEvents", weight=3.0)
    g.add_edge("f.EventItemReader", "h.HandlingEvent", weight=1.8)
    g.add_edge("f.EventItemReader", "c.TrackingId", weight=1.8)
    g.graph[USERS] = {
        "h.ApplicationEvents": {"f.EventItemWriter", "h.HandlingService"},
        "h.HandlingEvent": {"f.EventItemReader"},
        "c.TrackingId": {"f.EventItemReader", "c.Cargo"},
        "f.EventItemReader": {"f.DirectoryScanner"},
    }
    return g, [set(handling), set(cargo), set(batch)]


def test_a_service_no_one_uses_that_serves_mostly_one_other_joins_it() -> None:
    g, parts = _batch_import()
    joined, notes = join_inbound_adapters(g, parts)
    assert same_parts(joined, [parts[0] | parts[2], parts[1]])
    assert notes == [
        "an inbound adapter no other service uses joined the service of ApplicationEvents, "
        "which it serves: DirectoryScanner, EventItemReader, EventItemWriter"
    ]


def test_an_adapter_someone_uses_handling_requests_or_tied_to_many_stays() -> None:
    g, parts = _batch_import()
    g.graph[USERS]["f.EventItemWriter"] = {"c.BookingService"}  # used by another service
    assert join_inbound_adapters(g, parts) == (parts, [])
    g, parts = _batch_import()
    g.nodes["f.DirectoryScanner"]["handler"] = True  # an upload endpoint: a service's front
    assert join_inbound_adapters(g, parts) == (parts, [])
    g, parts = _batch_import()
    g.add_edge("f.EventItemReader", "c.Cargo", weight=4.0)  # as tied to the cargo as to events
    assert join_inbound_adapters(g, parts) == (parts, [])
    g, parts = _batch_import()
    g.graph[USERS] = {}  # ties only (names, packages), no use: a separate tool
    assert join_inbound_adapters(g, parts) == (parts, [])


def _session_bean() -> tuple[nx.Graph, list[set[str]]]:
    """DayTrader after clustering: the trade session bean and its interfaces apart from the
    account, holding and order entities it creates, and from the quotes it updates."""
    g = nx.Graph()
    trade = ["t.TradeServlet", "t.TradeAction", "e.Account", "e.Order", "e.Holding"]
    trade += ["table:ACCOUNT", "table:ORDERS", "table:HOLDING"]
    quote = ["q.QuoteJSF", "q.Quote", "table:QUOTE"]
    bean = ["s.TradeBean", "s.TradeLocal", "s.CompleteOrderThread"]
    for names, package in ((trade, "t"), (quote, "q"), (bean, "s")):
        clique(g, names, package)
    for web in ("t.TradeServlet", "q.QuoteJSF"):
        g.nodes[web]["layer"] = "web"
    for entity in ("e.Account", "e.Order", "e.Holding", "q.Quote"):
        g.nodes[entity]["stereotype"] = "entity"
    g.graph[TABLE_WRITES] = Counter(
        {
            **{("s.TradeBean", t): 1 for t in ("table:ACCOUNT", "table:ORDERS", "table:QUOTE")},
            **{(e, f"table:{e[2:].upper()}"): 1 for e in ("e.Account", "e.Holding", "q.Quote")},
            ("e.Order", "table:ORDERS"): 1,
        }
    )
    g.graph[WRITE_CALLS] = Counter({("s.TradeBean", "e.Holding"): 1})
    return g, [set(trade), set(quote), set(bean)]


def test_logic_with_no_data_of_its_own_joins_the_service_whose_entities_it_writes_most() -> None:
    g, parts = _session_bean()
    joined, notes = join_logic_to_data(g, parts)
    assert same_parts(joined, [parts[0] | parts[2], parts[1]])
    assert notes == [
        "logic with no data of its own joined the service whose data it writes most (3 of 4 "
        "writes): CompleteOrderThread, TradeBean, TradeLocal"
    ]


def test_logic_stays_with_data_web_classes_split_writes_or_tables_no_entity_maps() -> None:
    g, parts = _session_bean()
    g.graph[TABLE_WRITES][("s.TradeBean", "table:QUOTE")] = 3  # as many writes to the quotes
    assert join_logic_to_data(g, parts) == (parts, [])
    g, parts = _session_bean()
    g.nodes["s.TradeLocal"]["layer"] = "web"  # a front of its own
    assert join_logic_to_data(g, parts) == (parts, [])
    g, parts = _session_bean()
    g.nodes["s.TradeLocal"]["stereotype"] = "entity"  # data of its own
    assert join_logic_to_data(g, parts) == (parts, [])
    g, parts = _session_bean()
    parts[2].add("table:TRADE_LOG")
    assert join_logic_to_data(g, parts) == (parts, [])
    g, parts = _session_bean()
    for entity in ("e.Account", "e.Order", "e.Holding", "q.Quote"):
        g.nodes[entity]["stereotype"] = "class"
    # JDBC tables no entity maps sit wherever the sweep left them: no evidence of a home
    g.graph[WRITE_CALLS] = Counter()
    assert join_logic_to_data(g, parts) == (parts, [])


def test_writes_to_an_interface_reach_its_implementations() -> None:
    """DayTrader 3's trade facade writes only its own ``TradeServices`` interface, which its
    ``TradeAction`` proxies and the session bean, through its local interface, implements beside
    the entities; a second implementation elsewhere splits the writes."""
    g, parts = _session_bean()
    facade = ["f.TradeAction", "f.TradeServices", "f.RunStats"]
    clique(g, facade, "f")
    g.graph[TABLE_WRITES] = Counter()
    g.graph[WRITE_CALLS] = Counter({("f.TradeAction", "f.TradeServices"): 4})
    g.graph[SUPERTYPES] = {
        "f.TradeAction": {"f.TradeServices"},
        "s.TradeLocal": {"f.TradeServices"},
        "s.TradeBean": {"s.TradeLocal"},
    }
    parts = [parts[0] | parts[2], parts[1], set(facade)]  # the bean sits with the entities
    joined, notes = join_logic_to_data(g, parts)
    assert same_parts(joined, [parts[0] | parts[2], parts[1]])
    assert notes == [
        "logic with no data of its own joined the service whose data it writes most (2 of 2 "
        "writes): RunStats, TradeAction, TradeServices"
    ]
    g.graph[SUPERTYPES]["q.QuoteJSF"] = {"f.TradeServices"}  # a second implementation
    assert join_logic_to_data(g, parts) == (parts, [])


def _jdbc_trade() -> tuple[nx.Graph, list[set[str]]]:
    """DayTrader 7's JDBC ``TradeDirect`` beside the configuration servlet that builds the
    database through it, apart from the entities whose tables it writes."""
    g, parts = _session_bean()
    config = ["c.TradeDirect", "c.TradeBuildDB", "c.KeyBlock", "c.RunStats"]
    clique(g, config, "c")
    g.graph[TABLE_WRITES].update(
        {("c.TradeDirect", t): 1 for t in ("table:ACCOUNT", "table:ORDERS", "table:HOLDING")}
    )
    g.graph[TABLE_WRITES][("c.TradeDirect", "table:QUOTE")] = 1
    return g, [parts[0] | parts[2], parts[1], set(config)]


def test_a_class_writing_another_service_s_entity_tables_joins_it() -> None:
    g, parts = _jdbc_trade()
    moved, notes = writers_follow_entities(g, parts)
    assert same_parts(
        moved, [parts[0] | {"c.TradeDirect"}, parts[1], parts[2] - {"c.TradeDirect"}]
    )
    assert notes == [
        "classes writing the tables of another service's entities joined it: TradeDirect"
    ]


def test_a_writer_stays_beside_its_own_entities_as_a_web_class_or_on_one_write() -> None:
    g, parts = _jdbc_trade()
    parts[2].add("e.Account")  # an entity it writes lives beside it
    parts[0].discard("e.Account")
    assert writers_follow_entities(g, parts) == (parts, [])
    g, parts = _jdbc_trade()
    g.nodes["c.TradeDirect"]["layer"] = "web"
    assert writers_follow_entities(g, parts) == (parts, [])
    g, parts = _jdbc_trade()
    for table in ("table:ORDERS", "table:HOLDING", "table:QUOTE"):
        del g.graph[TABLE_WRITES][("c.TradeDirect", table)]  # one entity is no evidence
    assert writers_follow_entities(g, parts) == (parts, [])
    g, parts = _jdbc_trade()
    g.graph[TABLE_WRITES][("c.TradeDirect", "table:QUOTE")] = 3  # as much to the quotes
    assert writers_follow_entities(g, parts) == (parts, [])
    g, parts = _jdbc_trade()
    parts[2] -= {"c.KeyBlock", "c.RunStats"}  # its service would keep one class
    assert writers_follow_entities(g, parts) == (parts, [])


def _airport_codes() -> tuple[nx.Graph, list[set[str]]]:
    """AcmeAir after clustering: the airport-code mapping, an entity with its store and table,
    apart from the flight service, its only user."""
    g = nx.Graph()
    flight = ["f.FlightServiceImpl", "f.FlightsREST", "f.Flight", "table:FLIGHT"]
    codes = ["a.AirportCodeMapping", "a.AirportCodeMappingImpl", "table:AIRPORTCODEMAPPING"]
    booking = ["b.BookingServiceImpl", "b.BookingsREST", "b.Booking", "table:BOOKING"]
    for names, package in ((flight, "f"), (codes, "a"), (booking, "b")):
        clique(g, names, package)
    for rest in ("f.FlightsREST", "b.BookingsREST"):
        g.nodes[rest]["handler"] = True
    g.graph[USERS] = {
        "a.AirportCodeMapping": {"f.FlightServiceImpl", "a.AirportCodeMappingImpl"},
        "f.FlightServiceImpl": {"f.FlightsREST", "b.BookingServiceImpl"},
    }
    return g, [set(flight), set(codes), set(booking)]


def test_a_small_service_with_its_own_table_only_one_other_uses_joins_it() -> None:
    g, parts = _airport_codes()
    joined, notes = join_satellites(g, parts)
    assert same_parts(joined, [parts[0] | parts[1], parts[2]])
    assert notes == [
        "a small service only the service of FlightServiceImpl uses joined it: "
        "AirportCodeMapping, AirportCodeMappingImpl"
    ]


def test_a_satellite_needs_a_table_no_handler_one_user_service_and_few_classes() -> None:
    g, parts = _airport_codes()
    g.graph[USERS]["a.AirportCodeMapping"].add("b.BookingServiceImpl")  # two services use it
    assert join_satellites(g, parts) == (parts, [])
    g, parts = _airport_codes()
    g.nodes["a.AirportCodeMappingImpl"]["handler"] = True  # requests of its own
    assert join_satellites(g, parts) == (parts, [])
    g, parts = _airport_codes()
    parts[1].discard("table:AIRPORTCODEMAPPING")  # no data of its own: a library, not a satellite
    assert join_satellites(g, parts) == (parts, [])
    g, parts = _airport_codes()
    parts[1] |= {f"a.Code{i}" for i in range(4)}  # six classes: a service of its own
    g.add_nodes_from((f"a.Code{i}" for i in range(4)), kind="class")
    assert join_satellites(g, parts) == (parts, [])


def _item_store() -> tuple[nx.Graph, list[set[str]]]:
    """JPetStore after clustering: ``Item`` and its mapper sit with the cart, whose line items
    hold items, but only the catalogue and order services call the mapper."""
    g = nx.Graph()
    cart = ["c.Cart", "c.CartItem", "c.CartController", "d.Item", "m.ItemMapper"]
    catalog = ["s.CatalogService", "w.CatalogController", "d.Product", "m.ProductMapper"]
    order = ["s.OrderService", "w.OrderController", "d.Order", "m.OrderMapper"]
    for names, package in ((cart, "c"), (catalog, "s"), (order, "o")):
        clique(g, names, package)
    g.add_node("table:ITEM", kind="table")
    g.add_edge("m.ItemMapper", "table:ITEM", weight=4.0)  # only the mapper reads the table
    for n in ("m.ItemMapper", "m.ProductMapper", "m.OrderMapper"):
        g.nodes[n]["layer"] = "persistence"
    for n in ("c.CartController", "w.CatalogController", "w.OrderController"):
        g.nodes[n]["handler"] = True
    g.add_edge("s.CatalogService", "m.ItemMapper", weight=4.6)
    g.add_edge("s.OrderService", "m.ItemMapper", weight=3.9)
    g.graph[USERS] = {
        "m.ItemMapper": {"s.CatalogService", "s.OrderService", "d.Item"},
        "m.ProductMapper": {"s.CatalogService"},
        "m.OrderMapper": {"s.OrderService"},
        "d.Item": {"c.CartItem", "m.ItemMapper", "s.CatalogService"},
    }
    return g, [set(cart) | {"table:ITEM"}, set(catalog), set(order)]


def test_a_store_no_class_of_its_service_calls_joins_its_callers_with_its_entity() -> None:
    g, parts = _item_store()
    moved, notes = place_stores(g, parts)
    item = {"d.Item", "m.ItemMapper", "table:ITEM"}
    assert same_parts(moved, [parts[0] - item, parts[1] | item, parts[2]])
    assert notes == ["stores no class of their service calls joined their callers: ItemMapper"]


def test_a_store_stays_with_reference_data_its_own_callers_or_split_callers() -> None:
    g, parts = _item_store()
    g.nodes["c.CartController"]["handler"] = False  # no front: reference data, kept
    assert place_stores(g, parts) == (parts, [])
    g, parts = _item_store()
    g.graph[USERS]["m.ItemMapper"].add("c.Cart")  # its own service calls it
    assert place_stores(g, parts) == (parts, [])
    g, parts = _item_store()
    g["s.OrderService"]["m.ItemMapper"]["weight"] = 6.0  # order and catalogue split it...
    g.graph[USERS]["m.ItemMapper"].add("x.Other")
    g.add_node("x.Other", kind="class")
    g.add_edge("x.Other", "m.ItemMapper", weight=4.0)
    parts.append({"x.Other"})  # ...with a third service: no majority
    assert place_stores(g, parts) == (parts, [])


def test_a_facade_over_the_stores_of_four_services_calls_no_store_home() -> None:
    """Spring's JPetStore: ``PetStoreImpl`` calls every DAO; it says nothing of where one
    belongs."""
    g, parts = _item_store()
    g.graph[USERS]["m.ItemMapper"] = {"f.PetStoreImpl"}
    g.add_node("f.PetStoreImpl", kind="class")
    g.add_edge("f.PetStoreImpl", "m.ItemMapper", weight=4.0)
    extra = {"a.AccountMapper"}
    g.add_node("a.AccountMapper", kind="class", layer="persistence", label="AccountMapper")
    g.add_node("a.Account", kind="class", label="Account")
    for store in ("m.ProductMapper", "m.OrderMapper", "a.AccountMapper"):
        g.graph[USERS].setdefault(store, set()).add("f.PetStoreImpl")
    parts[1].add("f.PetStoreImpl")
    parts.append(extra | {"a.Account", "a.AccountController"})
    g.add_node("a.AccountController", kind="class", handler=True)
    assert place_stores(g, parts) == (parts, [])


@pytest.mark.parametrize(("caller", "stays"), [("ItemServiceImpl", True), ("CartFacade", False)])
def test_the_logic_named_for_a_stores_entity_is_its_home_however_many_stores_it_calls(
    caller: str, stays: bool
) -> None:
    """ForestBlog: ``ArticleServiceImpl`` calls the article, tag, comment, user and category
    mappers, yet it is the article's service: ``ArticleMapper`` had left it for the user
    service, which calls it too. A facade named for nothing it stores is no home."""
    g, parts = _item_store()
    own = f"c.{caller}"
    g.add_node(own, kind="class", label=caller)
    g.add_edge(own, "m.ItemMapper", weight=6.0)
    g.graph[USERS]["m.ItemMapper"].add(own)
    g.add_node("a.AccountMapper", kind="class", layer="persistence", label="AccountMapper")
    g.add_node("a.Account", kind="class", label="Account")
    g.add_node("a.AccountController", kind="class", handler=True)
    for store in ("m.ProductMapper", "m.OrderMapper", "a.AccountMapper"):
        g.graph[USERS].setdefault(store, set()).add(own)
    parts[0].add(own)
    parts.append({"a.AccountMapper", "a.Account", "a.AccountController"})
    moved, _ = place_stores(g, parts)
    assert ("m.ItemMapper" in next(p for p in moved if own in p)) is stays


def _item_with_the_cart() -> tuple[nx.Graph, list[set[str]]]:
    """iBatis JPetStore 5 after clustering: ``Item`` sits with the cart holding items; its DAO
    interface and the DAO reading ``ITEM`` are the catalogue's."""
    g = nx.Graph()
    cart = ["c.Cart", "c.CartBean", "c.CartItem", "d.Item", "d.LineItem"]
    catalog = ["s.CatalogService", "p.ItemDao", "p.ItemSqlMapDao", "d.Category"]
    for names, package in ((cart, "c"), (catalog, "s")):
        clique(g, names, package)
    for n in g:
        g.nodes[n].update(label=n.rpartition(".")[2], layer="other", type_kind="class")
    for n in ("d.Item", "d.LineItem", "d.Category"):
        g.nodes[n]["layer"] = "model"
    for n in ("p.ItemDao", "p.ItemSqlMapDao"):
        g.nodes[n]["layer"] = "persistence"
    g.nodes["p.ItemDao"]["type_kind"] = "interface"
    g.add_node("table:ITEM", kind="table")
    g.add_edge("p.ItemSqlMapDao", "table:ITEM", weight=2.0)
    return g, [set(cart), set(catalog) | {"table:ITEM"}]


def test_a_model_class_joins_the_service_holding_all_its_stores() -> None:
    g, parts = _item_with_the_cart()
    moved, notes = entities_follow_stores(g, parts)
    assert same_parts(moved, [parts[0] - {"d.Item"}, parts[1] | {"d.Item"}])
    assert notes == ["model classes joined the service of their stores: Item"]


def test_entities_annotations_base_classes_and_stores_without_data_stay() -> None:
    for attribute, value in (("stereotype", "entity"), ("type_kind", "annotation")):
        g, parts = _item_with_the_cart()
        g.nodes["d.Item"][attribute] = value  # a JPA entity, or a validator named Item
        assert entities_follow_stores(g, parts) == (parts, [])
    g, parts = _item_with_the_cart()
    g.nodes["p.ItemDao"]["type_kind"] = "class"  # a class touching no table stores nothing
    assert entities_follow_stores(g, parts) == (parts, [])
    g, parts = _item_with_the_cart()
    parts[0] -= {"c.CartItem", "d.LineItem"}  # the cart would keep two classes
    assert entities_follow_stores(g, parts) == (parts, [])
    g, parts = _item_with_the_cart()
    g, parts = _item_with_the_cart()  # eladmin: a generic BaseMapper "stores" BaseDTO
    names = {"d.Item": "d.BaseDTO", "p.ItemDao": "p.BaseMapper"}
    nx.relabel_nodes(g, names, copy=False)
    for n in names.values():
        g.nodes[n]["label"] = n.rpartition(".")[2]
    parts = [{names.get(n, n) for n in part} for part in parts]
    assert entities_follow_stores(g, parts) == (parts, [])


def _file_service() -> tuple[nx.Graph, list[set[str]]]:
    """eGovFrame after clustering: the file attachments (``cmm``) sit with the banner and news
    screens that upload files; two board services and the schedule service use them too."""
    g = nx.Graph()
    files = ["cmm.FileMngService", "cmm.FileManageDAO", "cmm.FileDownloadController"]
    banner = ["bnr.BannerController", "bnr.BannerService", "bnr.BannerDAO"]
    news = ["nws.NewsController", "nws.NewsService", "nws.NewsDAO"]
    others = [["bbs.ArticleController"], ["blog.BlogController"], ["sch.ScheduleController"]]
    for names, package in ((files, "e.cmm"), (banner, "e.bnr"), (news, "e.nws")):
        clique(g, names, package)
    for names, package in zip(others, ("e.bbs", "e.blog", "e.sch"), strict=True):
        g.add_node(names[0], kind="class", package=package)
    for table, dao in (("FILE", "cmm.FileManageDAO"), ("BANNER", "bnr.BannerDAO")):
        g.add_node(f"table:{table}", kind="table")
        g.add_edge(dao, f"table:{table}", weight=4.0)
    for n in ("cmm.FileDownloadController", "bnr.BannerController", "nws.NewsController"):
        g.nodes[n]["handler"] = True
    g.add_edge("bnr.BannerController", "cmm.FileMngService", weight=1.0)
    g.add_edge("nws.NewsController", "cmm.FileMngService", weight=1.0)
    g.graph[USERS] = {
        "cmm.FileMngService": {
            "cmm.FileDownloadController",
            "bnr.BannerController",
            "nws.NewsController",
            *(o[0] for o in others),
        },
        "cmm.FileManageDAO": {"cmm.FileMngService"},
    }
    host = set(files) | set(banner) | set(news) | {"table:FILE", "table:BANNER"}
    return g, [host, *(set(o) for o in others)]


def test_a_shared_provider_inside_the_service_using_it_becomes_a_service_of_its_own() -> None:
    g, parts = _file_service()
    split, notes = split_providers(g, parts)
    provider = {"cmm.FileMngService", "cmm.FileManageDAO", "cmm.FileDownloadController"}
    assert provider | {"table:FILE"} in split
    assert parts[0] - provider - {"table:FILE"} in split
    assert notes == [
        "a shared provider used by 3 other services left the service that uses it, as a "
        "service of its own: FileDownloadController, FileManageDAO, FileMngService (package e.cmm)"
    ]


def test_a_provider_needs_users_elsewhere_requests_and_data_of_its_own_and_no_host_use() -> None:
    g, parts = _file_service()
    g.graph[USERS]["cmm.FileMngService"] -= {"sch.ScheduleController"}  # two other services
    assert split_providers(g, parts) == (parts, [])
    g, parts = _file_service()
    g.nodes["cmm.FileDownloadController"]["handler"] = False  # a library, not a service
    assert split_providers(g, parts) == (parts, [])
    g, parts = _file_service()
    g.add_edge("bnr.BannerDAO", "table:FILE", weight=1.0)  # its table is the host's too
    assert split_providers(g, parts) == (parts, [])
    g, parts = _file_service()
    g.graph[USERS]["bnr.BannerService"] = {"cmm.FileMngService"}  # it uses the host
    assert split_providers(g, parts) == (parts, [])
    g, parts = _file_service()
    g.graph[USERS]["cmm.FileMngService"] -= {"bnr.BannerController", "nws.NewsController"}
    assert split_providers(g, parts) == (parts, [])  # its host does not use it: no provider


def test_a_service_of_pieces_with_no_tie_between_them_splits_into_the_pieces() -> None:
    """What the file service had tied together falls apart once it leaves: banner and FAQ
    screens share nothing. A lone class with no tie goes with the piece of its package; a piece
    of fewer than three classes is no service."""
    g = nx.Graph()
    banner = ["bnr.BannerController", "bnr.BannerService", "bnr.BannerDAO"]
    faq = ["faq.FaqController", "faq.FaqService", "faq.FaqDAO", "faq.FaqVO"]
    clique(g, banner, "e.uss.ion.bnr")
    clique(g, faq, "e.uss.olh.faq")
    g.add_edge("bnr.BannerDAO", "table:BANNER", weight=1.0)
    g.add_node("faq.FaqDefaultVO", kind="class", package="e.uss.olh.faq")  # no tie at all
    parts = [set(banner) | set(faq) | {"table:BANNER", "faq.FaqDefaultVO"}]
    split, notes = split_disconnected(g, parts)
    assert same_parts(split, [{*banner, "table:BANNER"}, {*faq, "faq.FaqDefaultVO"}])
    assert notes == [
        "a service of 8 classes made of pieces with no tie between them was split into 2 "
        "services of 5, 3 classes: the pieces of FaqController, BannerController"
    ]
    g.add_edge("bnr.BannerService", "faq.FaqService", weight=0.1)  # one tie keeps it whole
    assert split_disconnected(g, parts) == (parts, [])
    g.remove_edge("bnr.BannerService", "faq.FaqService")
    g.remove_node("bnr.BannerController")  # two classes are no service: they stay
    assert split_disconnected(g, [parts[0] - {"bnr.BannerController"}]) == (
        [parts[0] - {"bnr.BannerController"}],
        [],
    )


def test_a_loose_piece_joins_the_service_it_is_tied_to_rather_than_stand_alone() -> None:
    """RuoYi-Vue-Plus: a catch-all split left the workflow's request objects with the web
    configuration; apart, they join the workflow service whose controllers take them."""
    g = nx.Graph()
    config = ["w.I18nConfig", "w.LocaleResolver", "w.UndertowConfig"]
    requests = ["f.WfCategoryBo", "f.WfFormBo", "f.WfNodeBo"]
    workflow = ["f.WfCategoryController", "f.WfFormController", "f.WfService"]
    clique(g, config, "o.web.config")
    clique(g, workflow, "o.workflow.controller")
    for bo in requests:
        g.add_node(bo, kind="class", package="o.workflow.domain.bo")
    g.add_edge("f.WfCategoryBo", "f.WfFormBo", weight=0.2)
    g.add_edge("f.WfFormBo", "f.WfNodeBo", weight=0.2)
    for bo in requests:
        g.add_edge(bo, "f.WfCategoryController", weight=2.0)
    g.nodes["f.WfCategoryController"]["handler"] = True
    parts = [set(config) | set(requests), set(workflow)]
    split, notes = split_disconnected(g, parts)
    assert same_parts(split, [set(config), set(workflow) | set(requests)])
    assert parts[1] == set(workflow)  # the caller's parts are left alone
    assert notes[-1] == (
        "1 such piece(s) with no table or request handler of their own, tied more to another "
        "service than within, joined it: the pieces of WfCategoryBo"
    )
    g.add_edge("f.WfCategoryBo", "f.WfNodeBo", weight=9.0)  # tied more within: a service
    split, _ = split_disconnected(g, parts)
    assert same_parts(split, [set(config), set(requests), set(workflow)])


def _front_and_logic() -> tuple[nx.Graph, list[set[str]]]:
    """RuoYi-Vue-Plus: the tenant controller and its request object apart from the service
    interface, implementation, mapper and entity they serve."""
    g = nx.Graph()
    front = ["w.SysTenantController", "w.SysTenantBo"]
    logic = ["s.ISysTenantService", "s.SysTenantServiceImpl", "s.SysTenantMapper", "s.SysTenant"]
    clique(g, front, "o.system.controller", weight=5.0)
    clique(g, logic, "o.system.service", weight=5.0)
    g.nodes["w.SysTenantController"].update(layer="web", handler=True)
    g.nodes["s.ISysTenantService"].update(layer="service", type_kind="interface")
    g.nodes["s.SysTenantServiceImpl"].update(layer="service", type_kind="class")
    g.nodes["s.SysTenantMapper"]["layer"] = "persistence"
    g.nodes["s.SysTenant"]["stereotype"] = "entity"
    g.add_edge("w.SysTenantController", "s.ISysTenantService", weight=4.0)
    g.add_edge("w.SysTenantController", "s.SysTenant", weight=4.0)
    g.add_edge("w.SysTenantBo", "s.SysTenantServiceImpl", weight=4.0)
    g.add_node("x.CaptchaController", kind="class", package="o.auth", handler=True)
    g.add_edge("w.SysTenantController", "x.CaptchaController", weight=1.0)
    g.graph[USERS] = {"s.ISysTenantService": {"w.SysTenantController", "s.SysTenantServiceImpl"}}
    return g, [set(front), set(logic), {"x.CaptchaController"}]


def test_a_front_joins_the_logic_it_alone_calls() -> None:
    g, parts = _front_and_logic()
    joined, notes = join_fronts_to_logic(g, parts)
    assert same_parts(joined, [parts[0] | parts[1], parts[2]])
    assert notes == [
        "a front joined the service whose logic it alone calls (ISysTenantService): "
        "SysTenantBo, SysTenantController"
    ]


def test_a_front_stays_when_others_call_that_logic_too_or_its_ties_spread() -> None:
    """JPetStore: the cart screens call the catalogue service the catalogue screens call."""
    g, parts = _front_and_logic()
    g.graph[USERS]["s.ISysTenantService"].add("x.CaptchaController")
    assert same_parts(join_fronts_to_logic(g, parts)[0], parts)
    g, parts = _front_and_logic()
    g.add_node("y.Report", kind="class", package="o.report", stereotype="entity")
    g.add_edge("w.SysTenantBo", "y.Report", weight=10.0)  # 12 of 23 ties: spread
    parts.append({"y.Report"})
    assert same_parts(join_fronts_to_logic(g, parts)[0], parts)
    g, parts = _front_and_logic()
    g.nodes["w.SysTenantBo"]["layer"] = "persistence"  # a store of its own: no front
    assert same_parts(join_fronts_to_logic(g, parts)[0], parts)


def test_an_implementation_is_used_by_the_users_of_its_interface() -> None:
    """The converter implements an interface booking uses too: it stays."""
    users = {**TRACKING_USERS, "b.app.Converter": {"b.app.BookingService"}}
    users["b.ws.DeliveryDTO"] = {"b.app.BookingService"}
    g, parts = _tracking_helpers(users, {"b.ws.TrackingConverter": {"b.app.Converter"}})
    assert follow_sole_users(g, parts) == (parts, [])


def test_an_action_whose_siblings_serve_other_features_stays() -> None:
    """JPetStore on Stripes: only the order action uses the account action bean, but its
    siblings under the same base class serve the cart and the catalogue: it stays."""
    g = nx.Graph()
    account = ["s.AccountActionBean", "s.AccountService", "s.Account", "s.AccountMapper"]
    order = ["s.OrderActionBean", "s.OrderService", "s.Order", "s.OrderMapper"]
    cart = ["s.CartActionBean", "s.Cart", "s.CartItem", "s.AbstractActionBean"]
    for names in (account, order, cart):
        clique(g, names, "s")
    actions = ("s.AccountActionBean", "s.OrderActionBean", "s.CartActionBean")
    g.graph[USERS] = {
        "s.AccountActionBean": {"s.OrderActionBean"},
        "s.AbstractActionBean": set(actions),
    }
    g.graph[SUPERTYPES] = {a: {"s.AbstractActionBean"} for a in actions}
    parts = [set(account), set(order), set(cart)]
    assert follow_sole_users(g, parts) == (parts, [])
    del g.graph[SUPERTYPES]["s.CartActionBean"]
    g.graph[USERS]["s.AbstractActionBean"] -= {"s.CartActionBean"}
    moved, _ = follow_sole_users(g, parts)
    assert {"s.AccountActionBean", "s.OrderActionBean"} <= next(p for p in moved if "s.Order" in p)


def test_entities_stores_web_classes_and_the_logic_of_its_own_data_stay() -> None:
    for attribute, value in (
        ("stereotype", "entity"),
        ("layer", "persistence"),
        ("layer", "web"),
    ):
        g, parts = _tracking_helpers({"b.ws.DeliveryDTO": {"b.ws.TrackingRestService"}})
        g.nodes["b.ws.DeliveryDTO"][attribute] = value
        assert follow_sole_users(g, parts) == (parts, []), attribute
    g, parts = _tracking_helpers({"b.ws.DeliveryDTO": {"b.ws.TrackingRestService"}})
    g.add_node("table:CARGO", kind="table")
    g.add_edge("b.ws.DeliveryDTO", "table:CARGO", weight=2.0)
    assert follow_sole_users(g, parts) == (parts, [])
    g, parts = _tracking_helpers(
        {
            "b.ws.DeliveryDTO": {"b.ws.TrackingRestService"},
            "b.cargo.CargoRepository": {"b.ws.DeliveryDTO"},
        }
    )
    g.add_node("b.cargo.CargoRepository", kind="class", layer="persistence")
    parts[0].add("b.cargo.CargoRepository")
    assert follow_sole_users(g, parts) == (parts, [])


def test_a_sample_data_loader_stays_with_the_other_loaders() -> None:
    """Plants' ``Populate``: one admin servlet calls it, yet it is database tooling."""
    g, parts = _tracking_helpers({"b.cargo.Populate": {"b.ws.TrackingRestService"}})
    g.add_node("b.cargo.Populate", kind="class", package="b.cargo")
    parts[0].add("b.cargo.Populate")
    assert follow_sole_users(g, parts) == (parts, [])


def test_a_service_keeps_at_least_three_classes() -> None:
    g, parts = _tracking_helpers(TRACKING_USERS)
    small = [{"b.cargo.Cargo", "b.ws.TrackingConverter", "b.ws.DeliveryDTO"}, parts[1]]
    assert follow_sole_users(g, small) == (small, [])
    small[0].add("b.cargo.Delivery")
    assert follow_sole_users(g, small)[1] == [
        "1 class joined the only service using it: TrackingConverter (used by TrackingRestService)"
    ]


def _prims(home: int, away: int) -> tuple[nx.Graph, list[set[str]]]:
    """DayTrader: ``home`` Ping primitives in one service, ``away`` more beside the websocket
    classes, and a trade service."""
    g = nx.Graph()
    prims = [f"d.web.prims.Ping{i}" for i in range(home + away)]
    socket = [f"d.stream.Socket{i}" for i in range(4)]
    trade = [f"d.trade.Trade{i}" for i in range(4)]
    clique(g, prims, "d.web.prims")
    clique(g, socket, "d.stream")
    clique(g, trade, "d.trade")
    return g, [set(prims[:home]), set(socket) | set(prims[home:]), set(trade)]


def test_the_stragglers_of_a_package_join_the_service_holding_most_of_it() -> None:
    g, parts = _prims(7, 2)
    joined, notes = gather_package_stragglers(g, parts)
    assert sorted(map(len, joined)) == [4, 4, 9]
    assert notes == [
        "2 classes joined the service holding most of their package: Ping7 (d.web.prims), "
        "Ping8 (d.web.prims)"
    ]


def test_no_home_without_a_clear_majority_or_enough_classes() -> None:
    for home, away in ((6, 3), (3, 1)):  # two thirds; four classes
        g, parts = _prims(home, away)
        assert gather_package_stragglers(g, parts) == (parts, []), (home, away)


def test_a_service_keeps_three_classes_when_its_stragglers_leave() -> None:
    g, parts = _prims(7, 2)
    parts[1] -= {"d.stream.Socket1", "d.stream.Socket2", "d.stream.Socket3"}
    parts[2] |= {"d.stream.Socket1", "d.stream.Socket2", "d.stream.Socket3"}
    assert gather_package_stragglers(g, parts) == (parts, [])


def test_a_straggler_keeping_a_table_stays_with_its_data() -> None:
    g, parts = _prims(7, 2)
    g.add_node("table:PING", kind="table")
    g.add_edge("d.web.prims.Ping8", "table:PING", weight=4.0)
    parts[1].add("table:PING")
    joined, _ = gather_package_stragglers(g, parts)
    assert "d.web.prims.Ping8" in next(p for p in joined if "table:PING" in p)
    assert "d.web.prims.Ping7" in next(p for p in joined if "d.web.prims.Ping0" in p)


def test_the_root_package_is_home_to_nothing() -> None:
    """Classes right in the application's root package (``d``) are no feature of their own."""
    g, parts = _prims(7, 2)
    nx.set_node_attributes(g, {n: "d" for n in g if ".prims." in n}, "package")
    assert gather_package_stragglers(g, parts) == (parts, [])


def test_decompose_never_returns_single_class_services_for_dependency_free_classes() -> None:
    g = nx.Graph()
    clique(g, [f"x.a.A{i}" for i in range(5)], "x.a")
    clique(g, [f"x.b.B{i}" for i in range(5)], "x.b")
    g.add_edge("x.a.A0", "x.b.B0", weight=0.2)
    g.add_node("x.c.Lonely", kind="class", label="Lonely", package="x.c")
    d = decompose(g, seed=1, resolution=None)
    assert all(len(c.classes) > 1 for c in d.clusters)


def test_a_catch_all_with_a_clean_cut_is_split_and_a_note_says_so() -> None:
    g = nx.Graph()
    small = [[f"s{k}.C{i}" for i in range(10)] for k in range(6)]
    for k, names in enumerate(small):
        clique(g, names, f"s{k}")
    big = [[f"big{k}.C{i}" for i in range(30)] for k in range(3)]
    for k, names in enumerate(big):
        clique(g, names, f"big{k}")
    g.add_edge("big0.C0", "big1.C0", weight=1.0)
    g.add_edge("big1.C1", "big2.C1", weight=1.0)
    catch_all = set().union(*map(set, big))
    parts = [set(p) for p in small] + [catch_all]
    split, notes = split_catch_alls(g, parts, lambda prepared: leiden(prepared, 1, 1.0))
    assert len(split) == 9 and {frozenset(p) for p in split} >= {frozenset(b) for b in big}
    assert notes and "split into 3" in notes[0]


def test_a_large_but_cohesive_service_is_kept_whole() -> None:
    g = nx.Graph()
    for k in range(6):
        clique(g, [f"s{k}.C{i}" for i in range(10)], f"s{k}")
    clique(g, [f"big.C{i}" for i in range(90)], "big")
    parts = [{f"s{k}.C{i}" for i in range(10)} for k in range(6)] + [
        {f"big.C{i}" for i in range(90)}
    ]
    split, notes = split_catch_alls(g, parts, lambda prepared: leiden(prepared, 1, 1.0))
    assert len(split) == 7 and notes == []


def test_feature_package_drops_layer_segments_and_modules_come_from_build_files() -> None:
    assert feature_package("egovframework.com.cop.bbs.service.impl") == "egovframework.com.cop.bbs"
    assert feature_package("egovframework.com.cop.bbs.web") == "egovframework.com.cop.bbs"
    dirs = build_dirs(["pom.xml", "order/pom.xml", "pay/build.gradle.kts", "Jenkinsfile"])
    assert dirs == ["", "order", "pay"]
    assert module_of("order/src/main/java/x/A.java", dirs) == "order"
    assert module_of("web/src/main/java/x/A.java", dirs) == ""


def test_group_edges_tie_each_member_with_about_unit_strength_and_grow_linearly() -> None:
    small = list(group_edges({f"a{i}": "g" for i in range(4)}))
    assert len(small) == 6 and all(abs(s - 1 / 3) < 1e-9 for *_, s in small)
    big = list(group_edges({f"b{i:03}": "g" for i in range(200)}))
    assert len(big) == 200 * 4
    per_node: dict[str, float] = {}
    for a, b, s in big:
        per_node[a] = per_node.get(a, 0) + s
        per_node[b] = per_node.get(b, 0) + s
    assert all(abs(v - 1.0) < 1e-9 for v in per_node.values())
    assert list(group_edges({"x": "g", "y": ""})) == []


def test_the_root_package_is_what_most_classes_share_up_to_the_first_technical_segment() -> None:
    assert root_package(["shop.order", "shop.order.web", "shop.cart", "shop"]) == "shop"
    assert root_package(["a.b.cargo", "a.b.voyage", "a.b.infrastructure.jpa"]) == "a.b"
    assert root_package(["a.b.web", "a.b.service", "a.b.domain"]) == "a.b"
    assert root_package(["x.one", "y.two"]) == ""


def test_a_layer_first_package_holds_many_features_so_it_ties_nothing_together() -> None:
    assert layer_first("shop.mapper", "shop")
    assert layer_first("shop.war", "shop"), "web-archive code of every feature"
    assert layer_first("shop.infrastructure.persistence.jpa", "shop")
    # UI frameworks' packages hold every feature's screens (JTrac's info.jtrac.wicket)
    assert layer_first("info.jtrac.wicket", "info.jtrac")
    assert layer_first("shop.tapestry.pages", "shop") and layer_first("shop.gwt", "shop")
    assert not layer_first("shop.cart.web", "shop")
    assert layer_first("other.web", "shop"), "outside the root, the first segment is a name"
    ref = SourceRef("x.java", 1)
    model = CodeModel(
        root="shop",
        types=tuple(
            JavaType(f, TypeKind.CLASS, ref)
            for f in (
                "shop.mapper.OrderMapper",
                "shop.mapper.CartMapper",
                "shop.cart.Cart",
                "shop.cart.CartLine",
                "shop.order.Order",
                "shop.order.OrderLine",
            )
        ),
    )
    ties = {
        frozenset((a, b))
        for a, b, k in build_graph(model, semantic=False).edges(keys=True)
        if k == "package"
    }
    assert ties == {
        frozenset(("shop.cart.Cart", "shop.cart.CartLine")),
        frozenset(("shop.order.Order", "shop.order.OrderLine")),
    }

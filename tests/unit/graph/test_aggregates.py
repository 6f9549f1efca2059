"""Aggregates: a store belongs with the entity it stores; references between aggregates are
weak ties, composition inside an aggregate is not."""

from msadecomp.config import Weights
from msadecomp.graph import build_graph, clustering_graph
from msadecomp.graph.aggregates import (
    aggregate_parts,
    domain_classes,
    role_targets,
    store_stem,
    stored_entities,
)
from msadecomp.model import (
    Access,
    CodeModel,
    Dependency,
    DepKind,
    JavaType,
    SourceRef,
    Table,
    TableAccess,
    TypeKind,
)

REF = SourceRef("x.java", 1)


def test_a_store_name_stems_from_its_entity_whatever_the_technology_prefix_or_suffix() -> None:
    assert store_stem("CargoRepository") == "Cargo"
    assert store_stem("JpaCargoRepository") == "Cargo"
    assert store_stem("CargoRepositoryJPA") == "Cargo"
    assert store_stem("HibernateVoyageRepositoryImpl") == "Voyage"
    assert store_stem("EgovBoardDAO") == "Board"
    assert store_stem("ItemMapper") == "Item"
    assert store_stem("CustomerMgr") == store_stem("CustomerManager") == "Customer"
    assert store_stem("IAccountDao") == "Account"
    assert store_stem("Index") is None  # "I" before a capital only, and a stem is needed
    assert store_stem("CargoService") is None
    assert store_stem("Repository") is None
    assert store_stem("SqlMapOrderDao") == "Order"  # iBatis 2 DAOs of Spring's JPetStore
    assert store_stem("SpringDataOwnerRepository") == "Owner"  # not "DataOwner"
    assert store_stem("OracleUserDAO") == "OracleUser"  # a database is no technology prefix


def node(label: str, layer: str = "other", stereotype: str = "") -> dict[str, str]:
    return {"label": label, "layer": layer, "stereotype": stereotype}


def test_stores_match_their_entity_by_name_with_a_model_suffix_when_needed() -> None:
    nodes = {
        "d.Cargo": node("Cargo", stereotype="entity"),
        "i.JpaCargoRepository": node("JpaCargoRepository", "persistence"),
        "d.BoardVO": node("BoardVO", "model"),
        "i.BoardDAO": node("BoardDAO", "persistence"),
        "w.OrderController": node("OrderController", "web"),
        "i.OrderMapper": node("OrderMapper", "persistence"),  # only a web class named Order*
        "w.Order": node("Order", "web"),
        "i.ItemMapper": node("ItemMapper", "persistence"),
        "v.Item": {**node("Item", "other"), "type_kind": "annotation"},  # litemall's @Order
        "d.ItemVo": node("ItemVo", "model"),
    }
    assert stored_entities(nodes) == {
        "i.BoardDAO": "d.BoardVO",
        "i.ItemMapper": "d.ItemVo",
        "i.JpaCargoRepository": "d.Cargo",
    }


def test_domain_classes_follow_root_fields_through_non_roots_but_not_into_services() -> None:
    nodes = {
        "Cargo": node("Cargo"),
        "Itinerary": node("Itinerary"),
        "Leg": node("Leg"),
        "Voyage": node("Voyage"),
        "Clock": node("Clock", "service"),
        "Plain": node("Plain"),
    }
    fields = {"Cargo": ["Itinerary", "Clock"], "Itinerary": ["Leg"], "Leg": ["Voyage"]}
    assert domain_classes(nodes, ["Cargo", "Voyage"], fields) == {
        "Cargo",
        "Itinerary",
        "Leg",
        "Voyage",
    }


def test_an_aggregate_holds_the_parts_only_its_root_reaches_through_fields() -> None:
    nodes = {
        "Cargo": node("Cargo"),
        "Itinerary": node("Itinerary"),
        "Leg": node("Leg"),
        "Voyage": node("Voyage"),
        "Schedule": node("Schedule"),
        "Clock": node("Clock", "service"),
        "UnLocode": node("UnLocode"),
        "Location": node("Location"),
    }
    fields = {
        "Cargo": ["Itinerary", "Clock", "UnLocode"],
        "Itinerary": ["Leg"],
        "Leg": ["Voyage"],  # another root: the walk stops there
        "Voyage": ["Schedule"],
        "Location": ["UnLocode"],  # reached by two roots: part of neither
    }
    roots = ["Cargo", "Voyage", "Location"]
    assert aggregate_parts(nodes, roots, fields) == {
        "Itinerary": "Cargo",
        "Leg": "Cargo",
        "Schedule": "Voyage",
    }


def test_the_graph_ties_a_root_to_its_parts_with_the_composes_weight() -> None:
    model = CodeModel(
        root="ship",
        types=(
            java("ship.cargo.Cargo", "entity"),
            java("ship.cargo.Itinerary"),
            java("ship.cargo.Leg"),
            java("ship.cargo.CargoRepository", "repository"),
        ),
        dependencies=(
            dep("ship.cargo.Cargo", "ship.cargo.Itinerary"),
            dep("ship.cargo.Itinerary", "ship.cargo.Leg"),
        ),
    )
    g = build_graph(model, semantic=False)
    assert g.has_edge("ship.cargo.Cargo", "ship.cargo.Leg", key="composes")
    plain = clustering_graph(g, Weights(package=0.0, composes=0.0))
    tied = clustering_graph(g, Weights(package=0.0, composes=3.0))
    assert not plain.has_edge("ship.cargo.Cargo", "ship.cargo.Leg")
    assert tied["ship.cargo.Cargo"]["ship.cargo.Leg"]["weight"] == 3.0
    assert (
        tied["ship.cargo.Cargo"]["ship.cargo.Itinerary"]["weight"]
        == plain["ship.cargo.Cargo"]["ship.cargo.Itinerary"]["weight"] + 3.0
    )


def java(fqn: str, stereotype: str | None = None) -> JavaType:
    return JavaType(fqn, TypeKind.CLASS, REF, stereotype=stereotype)


def dep(a: str, b: str, kind: DepKind = DepKind.FIELD) -> Dependency:
    return Dependency(a, b, kind, REF)


def test_graph_ties_stores_to_entities_and_weakens_references_between_aggregates() -> None:
    model = CodeModel(
        root="ship",
        types=(
            java("ship.cargo.Cargo", "entity"),
            java("ship.cargo.Itinerary"),
            java("ship.cargo.CargoRepository", "repository"),
            java("ship.voyage.Voyage", "entity"),
            java("ship.voyage.VoyageRepository", "repository"),
        ),
        dependencies=(
            dep("ship.cargo.Cargo", "ship.cargo.Itinerary"),
            dep("ship.cargo.Itinerary", "ship.voyage.Voyage"),
            dep("ship.cargo.CargoRepository", "ship.cargo.Cargo", DepKind.PARAM),
        ),
    )
    g = build_graph(model, semantic=False)
    assert g.has_edge("ship.cargo.CargoRepository", "ship.cargo.Cargo", key="stores")
    assert g.has_edge("ship.voyage.VoyageRepository", "ship.voyage.Voyage", key="stores")
    crossing = g.edges["ship.cargo.Itinerary", "ship.voyage.Voyage", "field"]
    inside = g.edges["ship.cargo.Cargo", "ship.cargo.Itinerary", "field"]
    assert crossing.get("cross_aggregate") is True
    assert not inside.get("cross_aggregate")
    assert not g.edges["ship.cargo.CargoRepository", "ship.cargo.Cargo", "param"].get(
        "cross_aggregate"
    )

    def weight(weights: Weights, a: str, b: str) -> float:
        return float(clustering_graph(g, weights)[a][b]["weight"])

    full = Weights(cross_aggregate=1.0, package=0.0)
    quarter = Weights(cross_aggregate=0.25, package=0.0)
    a, b = "ship.cargo.Itinerary", "ship.voyage.Voyage"
    assert weight(quarter, a, b) == weight(full, a, b) / 4
    c, i = "ship.cargo.Cargo", "ship.cargo.Itinerary"
    assert weight(quarter, c, i) == weight(full, c, i)


def test_the_only_implementation_of_an_interface_is_tied_to_it_more_strongly() -> None:
    model = CodeModel(
        root="app",
        types=(
            JavaType("app.BookingService", TypeKind.INTERFACE, REF),
            java("app.DefaultBookingService"),
            JavaType("app.Spec", TypeKind.INTERFACE, REF),
            java("app.AndSpec"),
            java("app.OrSpec"),
        ),
        dependencies=(
            dep("app.DefaultBookingService", "app.BookingService", DepKind.IMPLEMENTS),
            dep("app.AndSpec", "app.Spec", DepKind.IMPLEMENTS),
            dep("app.OrSpec", "app.Spec", DepKind.IMPLEMENTS),
        ),
    )
    g = build_graph(model, semantic=False)
    weights = Weights(package=0.0)
    c = clustering_graph(g, weights)
    sole = c["app.DefaultBookingService"]["app.BookingService"]["weight"]
    shared = c["app.AndSpec"]["app.Spec"]["weight"]
    assert sole == weights.implements * weights.sole_implementation == 4 * shared


def test_validators_editors_handlers_and_factories_serve_the_class_their_name_starts_with() -> (
    None
):
    nodes = {
        "a.Patient": node("Patient"),
        "a.validator.PatientValidator": node("PatientValidator"),
        "a.editor.ConceptEditor": node("ConceptEditor"),
        "a.Concept": node("Concept"),
        "a.handler.PersonSaveHandler": node("PersonSaveHandler"),
        "a.Person": node("Person"),
        "a.RequireNameValidator": node("RequireNameValidator"),  # no RequireName class
        "a.Validator": node("Validator"),  # no stem at all
        "w.OrderFactory": node("OrderFactory"),
        "w.Order": node("Order", "web"),  # web classes are never served
    }
    assert role_targets(nodes) == {
        "a.editor.ConceptEditor": "a.Concept",
        "a.handler.PersonSaveHandler": "a.Person",
        "a.validator.PatientValidator": "a.Patient",
    }


def test_a_facade_over_every_entity_ties_each_of_them_less_than_their_own_classes_do() -> None:
    """DayTrader's ``TradeDirect`` uses all five entities and all their tables: at full weight
    it pulls every entity into one service; a class using one entity keeps its full tie."""
    entities = ["t.Account", "t.Holding", "t.Order", "t.Quote"]
    model = CodeModel(
        root="t",
        types=(
            *(java(e, "entity") for e in entities),
            java("t.TradeDirect"),
            java("t.QuoteView"),
        ),
        dependencies=(
            *(dep("t.TradeDirect", e, DepKind.CALL) for e in entities),
            dep("t.QuoteView", "t.Quote", DepKind.CALL),
        ),
        table_accesses=(
            TableAccess("t.TradeDirect", "QUOTE", Access.READ, REF),
            TableAccess("t.TradeDirect", "ORDERS", Access.WRITE, REF),
        ),
        tables=(Table("QUOTE", REF), Table("ORDERS", REF)),
    )
    g = build_graph(model, semantic=False)
    assert g.edges["t.TradeDirect", "t.Quote", "call"]["facade"] == 4
    assert g.edges["t.TradeDirect", "table:QUOTE", "read"]["facade"] == 4
    # what a class writes it keeps (PlantsByWebSphere's ShoppingCartBean creates the orders)
    assert "facade" not in g.edges["t.TradeDirect", "table:ORDERS", "write"]
    assert "facade" not in g.edges["t.QuoteView", "t.Quote", "call"]
    c = clustering_graph(g, Weights(package=0.0))
    assert c["t.TradeDirect"]["t.Quote"]["weight"] == c["t.QuoteView"]["t.Quote"]["weight"] / 2

    fewer = CodeModel(root="t", types=model.types, dependencies=model.dependencies[1:])
    assert (
        "facade"
        not in build_graph(fewer, semantic=False).edges["t.TradeDirect", "t.Quote", "call"]
    ), "three entities: no facade"

"""Table ties that say nothing about ownership are weakened: migrations, audit-column keys, tables
every feature uses and the sequence table ID generators write."""

from msadecomp.config import Weights
from msadecomp.decompose import decompose
from msadecomp.graph import (
    FK_HUB,
    PLACEMENT_TIES,
    SEED_DATA,
    TABLE_HUB,
    build_graph,
    clustering_graph,
)
from msadecomp.ingest.java_model import build_java_facts
from msadecomp.ingest.java_syntax import parse_java
from msadecomp.model import (
    BEAN_VIA,
    Access,
    CodeModel,
    Dependency,
    DepKind,
    ForeignKey,
    JavaType,
    SourceRef,
    Table,
    TableAccess,
    TypeKind,
)

REF = SourceRef("x", 1)


def test_a_liquibase_or_flyway_java_migration_gets_the_migration_stereotype() -> None:
    source = b"""package app.db;
        public class FixNames implements liquibase.change.custom.CustomTaskChange { }
        class V2__Move extends BaseJavaMigration { }
        class Plain { }"""
    facts = build_java_facts([parse_java("app/db/FixNames.java", source)], [])
    kinds = {t.fqn: t.stereotype for t in facts.types}
    assert kinds == {
        "app.db.FixNames": "migration",
        "app.db.V2__Move": "migration",
        "app.db.Plain": None,
    }


def test_a_migration_touching_a_table_weighs_a_tenth_of_the_code_that_owns_it() -> None:
    model = CodeModel(
        root="app",
        types=(
            JavaType("app.db.FixNames", TypeKind.CLASS, REF, stereotype="migration"),
            JavaType("app.person.PersonDao", TypeKind.CLASS, REF),
        ),
        tables=(Table("PERSON", REF),),
        table_accesses=(
            TableAccess("app.db.FixNames", "PERSON", Access.WRITE, REF),
            TableAccess("app.person.PersonDao", "PERSON", Access.WRITE, REF),
        ),
    )
    c = clustering_graph(build_graph(model, semantic=False), Weights(package=0))
    owner = c["app.person.PersonDao"]["table:PERSON"]["weight"]
    assert c["app.db.FixNames"]["table:PERSON"]["weight"] == owner * Weights().migration


def test_a_class_filling_or_emptying_every_table_weighs_like_a_migration() -> None:
    """PlantsByWebSphere's ResetDBBean runs a named query deleting each table: it owns none
    (it had pulled the suppliers away from the back orders into its own service)."""
    model = CodeModel(
        root="app",
        types=(
            JavaType("app.admin.ResetDBBean", TypeKind.CLASS, REF),
            JavaType("app.admin.SampleDataGenerator", TypeKind.CLASS, REF),
            JavaType("app.supplier.SupplierMgr", TypeKind.CLASS, REF),
        ),
        tables=(Table("SUPPLIER", REF),),
        table_accesses=tuple(
            TableAccess(c, "SUPPLIER", Access.WRITE, REF)
            for c in (
                "app.admin.ResetDBBean",
                "app.admin.SampleDataGenerator",
                "app.supplier.SupplierMgr",
            )
        ),
    )
    c = clustering_graph(build_graph(model, semantic=False), Weights(package=0))
    owner = c["app.supplier.SupplierMgr"]["table:SUPPLIER"]["weight"]
    assert c["app.admin.ResetDBBean"]["table:SUPPLIER"]["weight"] == owner * Weights().migration
    assert c["app.admin.SampleDataGenerator"]["table:SUPPLIER"]["weight"] == (
        owner * Weights().migration
    )


def test_sample_data_names_leave_mappers_and_security_populators_alone() -> None:
    seed = ["SampleDataGenerator", "PopulateDBBean", "ResetDBBean", "FlightLoader"]
    seed += ["DatabasePopulator", "TestDataInitializer"]
    # Shopizer's entity-to-DTO populators and Roller's Spring Security one fill no database
    other = ["ReadableOrderProductPopulator", "AuthoritiesPopulator", "ProductService"]
    assert all(SEED_DATA.search(n) for n in seed)
    assert not any(SEED_DATA.search(n) for n in other)


def test_foreign_keys_to_a_table_every_table_references_count_little() -> None:
    n = 3 * FK_HUB
    tables = [
        Table("USERS", REF),
        Table("ORDERS", REF, foreign_keys=(ForeignKey(("C",), "ITEM"),)),
    ]
    tables += [Table("ITEM", REF)]
    tables += [
        Table(f"T{i}", REF, foreign_keys=(ForeignKey(("CREATOR",), "USERS"),)) for i in range(n)
    ]
    c = clustering_graph(build_graph(CodeModel(root="app", tables=tuple(tables)), semantic=False))
    assert c["table:T0"]["table:USERS"]["weight"] * 3 == c["table:ORDERS"]["table:ITEM"]["weight"]


def test_a_table_more_classes_use_than_the_hub_limit_ties_each_that_much_less() -> None:
    n = 2 * TABLE_HUB
    readers = [f"app.f{i}.F{i}Dao" for i in range(n)]
    model = CodeModel(
        root="app",
        types=tuple(JavaType(c, TypeKind.CLASS, REF) for c in [*readers, "app.o.OrderDao"]),
        tables=(Table("USERMASTER", REF), Table("ORDERS", REF)),
        table_accesses=(
            *(TableAccess(r, "USERMASTER", Access.READ, REF) for r in readers),
            TableAccess("app.o.OrderDao", "ORDERS", Access.READ, REF),
        ),
    )
    c = clustering_graph(build_graph(model, semantic=False), Weights(package=0))
    hub = c[readers[0]]["table:USERMASTER"]["weight"]
    assert hub * 2 == c["app.o.OrderDao"]["table:ORDERS"]["weight"]


def test_the_sequence_table_id_generators_write_shapes_no_cluster_but_is_placed() -> None:
    """eGovFrame: every service's ID generator bean writes COMTECOPSEQ."""
    services = [f"app.s{i}.S{i}Service" for i in range(4)]
    model = CodeModel(
        root="app",
        types=tuple(JavaType(c, TypeKind.CLASS, REF) for c in services),
        tables=(Table("COMTECOPSEQ", REF),),
        table_accesses=tuple(
            TableAccess(s, "COMTECOPSEQ", Access.WRITE, REF, f"{BEAN_VIA}s{i}IdGnrService")
            for i, s in enumerate(services)
        ),
    )
    g = build_graph(model, semantic=False)
    assert g[services[0]]["table:COMTECOPSEQ"]["write"]["generated"] is True
    c = clustering_graph(g, Weights(package=0))
    assert c.degree("table:COMTECOPSEQ") == 0
    assert set(c.graph[PLACEMENT_TIES]) == {(s, "table:COMTECOPSEQ") for s in services}
    d = decompose(c, resolution=1.0)
    assert d.unreferenced_tables == ()
    assert any("table:COMTECOPSEQ" in cluster.members for cluster in d.clusters)


def test_a_class_writing_the_sequence_itself_is_tied_to_it_and_it_joins_most_writers() -> None:
    a = [f"app.a.A{i}" for i in range(3)]
    b = [f"app.b.B{i}" for i in range(3)]
    calls = [(x, y) for group in (a, b) for x in group for y in group if x < y]
    writes = [TableAccess(x, "SEQ", Access.WRITE, REF, f"{BEAN_VIA}gen") for x in [*a, b[0]]]
    model = CodeModel(
        root="app",
        types=tuple(JavaType(c, TypeKind.CLASS, REF) for c in [*a, *b]),
        dependencies=tuple(Dependency(x, y, DepKind.CALL, REF) for x, y in calls),
        tables=(Table("SEQ", REF),),
        table_accesses=tuple(writes),
    )
    c = clustering_graph(build_graph(model, semantic=False), Weights(package=0, module=0))
    (home,) = [k for k in decompose(c, resolution=1.0).clusters if "table:SEQ" in k.members]
    assert set(a) <= set(home.members)  # three writers beat one
    own = TableAccess(b[1], "SEQ", Access.WRITE, REF, "SeqDAO.next")
    model = CodeModel(
        root="app",
        types=model.types,
        dependencies=model.dependencies,
        tables=model.tables,
        table_accesses=(*writes, own, TableAccess(b[1], "SEQ", Access.WRITE, REF, f"{BEAN_VIA}g")),
    )
    g = build_graph(model, semantic=False)
    assert not g[b[1]]["table:SEQ"]["write"].get("generated")  # its own SQL writes it too

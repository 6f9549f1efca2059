"""Who owns a table: the entity mapped to it first, then its writers, then the weight of reads
and writes."""

from dataclasses import replace
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from msadecomp import Config, analyze, api
from msadecomp.decompose import Cluster, Decomposition
from msadecomp.decompose.algorithms import Prepared
from msadecomp.decompose.tables import _keys, schema_prefixes, settle_tables, table_owners
from msadecomp.ingest.links import JPA_ENTITY
from msadecomp.model import (
    Access,
    CodeModel,
    JavaType,
    SourceRef,
    Table,
    TableAccess,
    TypeKind,
)
from msadecomp.report.markdown import to_markdown

REF = SourceRef("x.java", 1)
FIXTURE = Path(__file__).resolve().parents[3] / "fixtures" / "egov-portal"


def _owners(accesses: list[tuple[str, str, Access, str]]) -> dict[str, str | None]:
    classes = sorted({a[0] for a in accesses})
    tables = sorted({a[1] for a in accesses})
    model = CodeModel(
        "m",
        types=tuple(JavaType(c, TypeKind.CLASS, REF) for c in classes),
        tables=tuple(Table(t, REF) for t in tables),
        table_accesses=tuple(TableAccess(c, t, a, REF, via) for c, t, a, via in accesses),
    )
    decomposition = Decomposition(
        "leiden",
        1,
        1.0,
        (
            Cluster(
                "S1",
                "trade",
                ("app.direct.TradeDirect", "table:ACCOUNT", "table:QUOTE", "table:AUDIT_LOG"),
            ),
            Cluster("S2", "account", ("app.entities.Account",)),
            Cluster("S3", "quote", ("app.entities.Quote",)),
        ),
        0.4,
    )
    return {t: o["owner"] for t, o in table_owners(model, decomposition).items()}


def test_the_service_of_the_mapped_entity_owns_the_table_even_when_a_facade_writes_more() -> None:
    owners = _owners(
        [
            ("app.direct.TradeDirect", "ACCOUNT", Access.READ, "embedded SQL"),
            ("app.direct.TradeDirect", "ACCOUNT", Access.WRITE, "embedded SQL"),
            ("app.direct.TradeDirect", "QUOTE", Access.READ, "embedded SQL"),
            ("app.direct.TradeDirect", "QUOTE", Access.WRITE, "embedded SQL"),
            ("app.entities.Account", "ACCOUNT", Access.WRITE, JPA_ENTITY),
            ("app.entities.Quote", "QUOTE", Access.WRITE, JPA_ENTITY),
        ]
    )
    assert owners == {"ACCOUNT": "S2", "QUOTE": "S3"}


def test_without_a_mapping_the_most_weighted_accesses_win() -> None:
    owners = _owners(
        [
            ("app.direct.TradeDirect", "ACCOUNT", Access.WRITE, "embedded SQL"),
            ("app.entities.Account", "ACCOUNT", Access.READ, "embedded SQL"),
            ("app.entities.Quote", "AUDIT_LOG", Access.READ, "embedded SQL"),
            ("app.direct.TradeDirect", "AUDIT_LOG", Access.READ, "embedded SQL"),
        ]
    )
    assert owners == {"ACCOUNT": "S1", "AUDIT_LOG": "S1"}  # a write counts 3; a tie: placement


def test_a_table_one_service_writes_is_its_own_however_many_others_read_it() -> None:
    """eGovFrame's common detail-code table: one code-management DAO writes it, the DAOs of
    twenty services join it to show code names; five readers in one service had owned it."""
    owners = _owners(
        [
            ("app.entities.Quote", "QUOTE", Access.WRITE, "embedded SQL"),
            *(("app.entities.Account", "QUOTE", Access.READ, f"statement {i}") for i in range(5)),
        ]
    )
    assert owners == {"QUOTE": "S3"}


def test_a_tie_goes_to_the_service_holding_the_class_named_like_the_table() -> None:
    owners = _owners(
        [  # Spring JPetStore: the item DAO's joins read PRODUCT as often as the product DAO
            ("app.entities.Quote", "QUOTE", Access.READ, "embedded SQL"),
            ("app.direct.TradeDirect", "QUOTE", Access.READ, "embedded SQL"),
        ]
    )
    assert owners == {"QUOTE": "S3"}  # placed in S1 by clustering, yet Quote is in S3


def test_a_tie_looks_past_the_schema_prefix_and_the_plural_for_the_namesake() -> None:
    """JForum's JFORUM_USERS, written alike by the karma DAO and the user DAO, is User's."""
    owners = _owners(
        [
            ("app.direct.TradeDirect", "DT_QUOTES", Access.WRITE, "embedded SQL"),
            ("app.entities.Quote", "DT_QUOTES", Access.WRITE, "embedded SQL"),
            ("app.direct.TradeDirect", "DT_ACCOUNT_QUOTES", Access.WRITE, "embedded SQL"),
            ("app.entities.Quote", "DT_ACCOUNT_QUOTES", Access.WRITE, "embedded SQL"),
            ("app.direct.TradeDirect", "ACCOUNT_QUOTE", Access.WRITE, "embedded SQL"),
            ("app.entities.Quote", "ACCOUNT_QUOTE", Access.WRITE, "embedded SQL"),
        ]
    )
    # a namesake of the rest alone (ACCOUNT_QUOTES -> Quote) decides nothing, nor does one past
    # a first word few tables start with (ACCOUNT_QUOTE)
    assert owners == {"DT_QUOTES": "S3", "DT_ACCOUNT_QUOTES": "S1", "ACCOUNT_QUOTE": "S1"}


def test_namesakes_are_looked_for_closest_first_and_past_a_schema_prefix_only() -> None:
    """ORDER_ITEM is OrderItem's before Item's, and Item's never: ORDER is no schema prefix."""
    prefixes = schema_prefixes(["JFORUM_USERS", "JFORUM_POSTS", "JFORUM_TOPICS", "ORDER_ITEM"])
    assert prefixes == {"JFORUM"}
    assert _keys("JFORUM_USERS", prefixes) == [{"JFORUMUSERS", "JFORUMUSER"}, {"USERS", "USER"}]
    assert _keys("ORDER_ITEM", prefixes) == [{"ORDERITEM"}]
    assert _keys("CATEGORIES", prefixes) == [{"CATEGORIES", "CATEGORY"}]
    assert schema_prefixes(["ORDER_ITEM", "ORDERS", "ITEM", "USERS"]) == frozenset()


def test_table_nodes_settle_in_the_service_owning_them_and_modularity_follows() -> None:
    """DayTrader: clustering left the entity tables with the configuration service while the
    entities' service owns them; the clusters now say what the report says."""
    model = CodeModel(
        "m",
        types=tuple(JavaType(c, TypeKind.CLASS, REF) for c in ("a.Account", "a.Config")),
        tables=(Table("ACCOUNT", REF),),
        table_accesses=(
            TableAccess("a.Account", "ACCOUNT", Access.WRITE, REF, JPA_ENTITY),
            TableAccess("a.Config", "ACCOUNT", Access.WRITE, REF, "embedded SQL"),
        ),
    )
    core = nx.Graph()
    core.add_edge("a.Account", "table:ACCOUNT", weight=1.0)
    core.add_edge("a.Config", "table:ACCOUNT", weight=3.0)
    clusters = (
        Cluster("S1", "account", ("a.Account",)),
        Cluster("S2", "config", ("a.Config", "table:ACCOUNT")),
    )
    before = Decomposition("leiden", 1, 1.0, clusters, 0.1)
    after = settle_tables(before, table_owners(model, before), core)
    assert [c.members for c in after.clusters] == [("a.Account", "table:ACCOUNT"), ("a.Config",)]
    assert after.modularity == Prepared(core).modularity(
        [{"a.Account", "table:ACCOUNT"}, {"a.Config"}]
    )
    assert settle_tables(after, table_owners(model, after), core) is after  # nothing to move


def test_analyze_returns_clusters_whose_tables_are_the_ones_the_report_gives_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Even when clustering leaves a table away from its owner (forced here: every table node
    is moved to the last service), the analysis's clusters and its report agree."""
    real = api.decompose

    def misplacing(*args: Any, **kwargs: Any) -> Decomposition:
        d = real(*args, **kwargs)
        tables = tuple(m for c in d.clusters for m in c.members if m.startswith("table:"))
        clusters = [
            replace(c, members=tuple(m for m in c.members if not m.startswith("table:")))
            for c in d.clusters
        ]
        last = next(i for i in reversed(range(len(clusters))) if not clusters[i].kernel)
        clusters[last] = replace(clusters[last], members=(*clusters[last].members, *tables))
        return replace(d, clusters=tuple(clusters))

    monkeypatch.setattr(api, "decompose", misplacing)
    analysis = analyze(FIXTURE, Config(seed=42, jobs=1))
    owners = {t: o["owner"] for t, o in analysis.report["tables"].items() if o["owner"]}
    held = {m[6:]: c.id for c in analysis.decomposition.clusters for m in c.tables}
    assert owners and all(held[t] == owner for t, owner in owners.items())


def test_a_mongodb_collection_is_owned_like_a_table_and_says_what_it_is(tmp_path: Path) -> None:
    """AcmeAir: services open their MongoDB collections by name; the report lists each with
    the service using it, marked as a collection."""
    java = tmp_path / "src" / "main" / "java" / "air"
    for service, collection in (("Booking", "booking"), ("Flight", "flightSegment")):
        pkg = java / service.lower()
        pkg.mkdir(parents=True)
        (pkg / f"{service}Store.java").write_text(
            f"package air.{service.lower()};\n"
            f"public class {service}Store {{\n"
            f"  void open(com.mongodb.client.MongoDatabase db) {{\n"
            f'    db.getCollection("{collection}").drop(); }} }}\n'
        )
        (pkg / f"{service}Service.java").write_text(
            f"package air.{service.lower()};\n"
            f"public class {service}Service {{ {service}Store store;\n"
            f"  void run() {{ store.open(null); }} }}\n"
        )
    report = analyze(tmp_path, Config(seed=1, jobs=1)).report
    tables = report["tables"]
    assert set(tables) == {"booking", "flightSegment"}
    assert {t: x["store"] for t, x in tables.items()} == dict.fromkeys(tables, "MongoDB")
    owner = {s["id"]: s["classes"] for s in report["services"]}
    assert "air.flight.FlightStore" in owner[tables["flightSegment"]["owner"]]
    assert "`flightSegment` (MongoDB)" in to_markdown(report)


def test_a_foreign_key_is_listed_once_when_its_tables_have_different_owners() -> None:
    from msadecomp.model import CodeModel, ForeignKey, SourceRef, Table
    from msadecomp.report.build import keys_across_services

    here = SourceRef("schema.sql")
    model = CodeModel(
        root="x",
        tables=(
            Table(
                "ORDERS",
                here,
                foreign_keys=(
                    ForeignKey(("CUSTOMER_ID",), "CUSTOMER"),  # declared again by a migration
                    ForeignKey(("CUSTOMER_ID",), "CUSTOMER", ("ID",)),
                    ForeignKey(("LINE_ID",), "ORDER_LINE", ("ID",)),  # same service
                    ForeignKey(("AUDIT_ID",), "AUDIT", ("ID",)),  # owned by no service
                ),
            ),
            Table("CUSTOMER", here),
            Table("ORDER_LINE", here),
        ),
    )
    owners = {
        "ORDERS": {"owner": "order"},
        "ORDER_LINE": {"owner": "order"},
        "CUSTOMER": {"owner": "customer"},
        "AUDIT": {"owner": None},
    }
    assert keys_across_services(model, owners) == [
        {
            "table": "ORDERS",
            "columns": ["CUSTOMER_ID"],
            "references": "CUSTOMER",
            "referenced_columns": ["ID"],
            "from_service": "order",
            "to_service": "customer",
        }
    ]


def test_a_table_only_the_code_names_is_flagged_when_the_ddl_creates_others(tree) -> None:  # type: ignore[no-untyped-def]
    """mall4j maps ``tz_prod_img`` with an entity and a mapper its schema lacks."""
    sources = {
        "src/main/java/a/ProdImgDao.java": (
            "package a; public class ProdImgDao {"
            ' void add() { String s = "insert into TZ_PROD_IMG (ID) values (1)"; } }'
        ),
        "src/main/java/a/ProdDao.java": (
            "package a; public class ProdDao {"
            ' void all() { String s = "select * from TZ_PROD"; }'
            ' void some() { String s = "select * from V_PROD"; } }'
        ),
    }
    schema = (
        "CREATE TABLE TZ_PROD (ID INT);\nCREATE OR REPLACE VIEW V_PROD AS SELECT * FROM TZ_PROD;"
    )
    root = tree({**sources, "db/schema.sql": schema})
    report = analyze(root, Config(seed=1, jobs=1)).report
    assert report["tables"]["TZ_PROD_IMG"]["undeclared"] is True
    assert "undeclared" not in report["tables"]["TZ_PROD"]
    assert "undeclared" not in report["tables"]["V_PROD"]  # a view the DDL creates
    assert "`TZ_PROD_IMG` (not in the DDL scripts)" in to_markdown(report)
    (root / "db/schema.sql").write_text("CREATE TABLE QRTZ_LOCKS (LOCK_NAME VARCHAR(40));")
    library = analyze(root, Config(seed=1, jobs=1)).report  # a library's script is no schema
    assert not any("undeclared" in t for t in library["tables"].values())
    (root / "db/schema.sql").unlink()  # no DDL: nothing to compare with
    no_ddl = analyze(root, Config(seed=1, jobs=1)).report
    assert not any("undeclared" in t for t in no_ddl["tables"].values())

"""Who owns a table: the entity mapped to it first, then its writers, then the weight of reads
and writes."""

from msadecomp.decompose import Cluster, Decomposition
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
from msadecomp.report.build import table_owners

REF = SourceRef("x.java", 1)


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

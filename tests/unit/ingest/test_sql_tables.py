"""Tables read and written by DML, checked against tests/golden/dml_tables.sql."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from msadecomp.ingest.sql_tables import is_table_name, looks_like_sql, scan_tables, tables_in

GOLDEN = Path(__file__).resolve().parents[2] / "golden" / "dml_tables.sql"


def _cases() -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    cases = []
    title, sql = "", []
    for line in GOLDEN.read_text(encoding="utf-8").splitlines():
        if line.startswith("# title:"):
            title, sql = line.split(":", 1)[1].strip(), []
        elif line.startswith("=>"):
            reads, writes = line[2:].split("|")
            cases.append(
                (
                    title,
                    "\n".join(sql),
                    tuple(reads.split(":")[1].split()),
                    tuple(writes.split(":")[1].split()),
                )
            )
        elif not line.startswith("#"):
            sql.append(line)
    return cases


@pytest.mark.parametrize(
    ("title", "sql", "reads", "writes"), _cases(), ids=[c[0] for c in _cases()]
)
def test_golden(title: str, sql: str, reads: tuple[str, ...], writes: tuple[str, ...]) -> None:
    got = tables_in(sql)
    assert (got.reads, got.writes) == (reads, writes)


@pytest.mark.parametrize(
    ("title", "sql", "reads", "writes"), _cases(), ids=[c[0] for c in _cases()]
)
def test_golden_with_the_fallback_scanner_alone(
    title: str, sql: str, reads: tuple[str, ...], writes: tuple[str, ...]
) -> None:
    got = scan_tables(sql.replace("#{", "?{").replace("${", "?{"))
    assert (got.reads, got.writes) == (reads, writes)


def test_sqlglot_reads_the_statements_it_can_parse_and_says_so() -> None:
    assert tables_in("SELECT * FROM A WHERE X = ?", "oracle").parsed
    assert not tables_in("select o from Order o left join fetch o.items").parsed


def test_a_name_the_code_completes_at_run_time_is_no_table() -> None:
    """dhis2's ``analytics_te_event_${trackedEntityTypeUid}``, a ``%s`` format and OpenLAMIS's
    ``"... FROM patient_" + dbSuffix`` (each Java literal is read on its own) had made tables
    ANALYTICS_TE_EVENT_, TBL_ and PATIENT_; a complete name ending in an underscore stays."""
    dhis2 = "select ev.uid from analytics_te_event_${trackedEntityTypeUid} ev join program p"
    assert tables_in(dhis2, "postgres").reads == ("PROGRAM",)
    assert tables_in("INSERT INTO tbl_%s (x) SELECT x FROM src").writes == ()
    assert tables_in("SELECT m.id FROM pharmacy_").reads == ()
    assert tables_in("SELECT a FROM patient_ p WHERE p.x = ?").reads == ("PATIENT_",)
    assert tables_in("SELECT a FROM patient_ ").reads == ("PATIENT_",)


def test_only_the_glued_occurrence_of_a_name_is_left_out() -> None:
    """A table named like a glued prefix elsewhere in the statement is still read, and an
    iBatis ``$name$`` substitution completes a name as ``${name}`` does."""
    assert tables_in("INSERT INTO audit SELECT * FROM audit${suffix}").writes == ("AUDIT",)
    assert tables_in("SELECT * FROM audit_%s a JOIN audit_ b ON a.x = b.x").reads == ("AUDIT_",)
    assert tables_in("SELECT * FROM log_$suffix$ l JOIN b ON l.x = b.x").reads == ("B",)


def test_only_clickhouse_tables_of_a_system_schema_are_catalog_tables() -> None:
    sql = "SELECT t.name FROM system.tables t JOIN system.sys_user u ON u.id = t.owner"
    for got in (tables_in(sql), tables_in(sql, "clickhouse"), scan_tables(sql)):
        assert got.reads == ("SYS_USER",)


def test_a_megabyte_word_is_read_in_linear_time() -> None:
    """The glued-name search once restarted inside every word: 20,000 letters in a quote took
    5 s, a megabyte would take hours; linear, it is a fraction of a second."""
    word = "a" * 1_000_000
    assert tables_in(f"SELECT x FROM t WHERE h = '{word}'").reads == ("T",)
    assert tables_in(f"SELECT x FROM t WHERE h = {word}").reads == ("T",)


@settings(max_examples=80, deadline=None)
@given(
    st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True),
    st.sampled_from(["${uid}", "#{uid}", "%s", "%1$s", "{0}"]),
    st.sampled_from(["postgres", "mysql", "oracle", None]),
)
def test_a_name_completed_by_a_placeholder_is_never_a_table(
    prefix: str, placeholder: str, dialect: str | None
) -> None:
    sql = f"SELECT a.x FROM {prefix}{placeholder} a JOIN other_t o ON a.id = o.id"
    assert tables_in(sql, dialect).reads == ("OTHER_T",)
    assert tables_in(f"DELETE FROM x WHERE id IN (SELECT id FROM {prefix}_").reads == ()


def test_embedded_sql_detection() -> None:
    assert looks_like_sql("DELETE FROM STS_DAILY_SUMMARY WHERE STATS_DE = ?")
    assert looks_like_sql("  select a from b")
    assert not looks_like_sql("Selected rows")
    assert not looks_like_sql("update the screen")


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=300))
def test_any_text_yields_identifier_shaped_tables_without_raising(text: str) -> None:
    for got in (tables_in(text), scan_tables(text)):
        assert all(is_table_name(n) and n == n.upper() for n in got.reads + got.writes)


REAL = [c[1] for c in _cases()]
PIECES = st.sampled_from(["(", ")", "'", '"', ",", "--", "/*", "JOIN", "FROM", " ", "#{", "."])


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(REAL), st.integers(0, 200), st.lists(PIECES, max_size=4))
def test_mutated_real_statements_never_raise(sql: str, at: int, inserted: list[str]) -> None:
    at = min(at, len(sql))
    got = tables_in(sql[:at] + "".join(inserted) + sql[at:], "oracle")
    assert all(is_table_name(n) for n in got.reads + got.writes)


def test_a_huge_from_list_is_read_by_the_linear_scanner() -> None:
    sql = "SELECT * FROM " + ", ".join(f"T{i}" for i in range(60_000))
    got = tables_in(sql)
    assert len(got.reads) == 60_000 and not got.parsed


def test_forty_thousand_statements_on_one_line() -> None:
    got = tables_in("DELETE FROM LOG_A WHERE X = 1; SELECT * FROM LOG_B;" * 20_000)
    assert (got.reads, got.writes) == (("LOG_B",), ("LOG_A",))


def test_unclosed_parameters_do_not_make_the_scan_quadratic() -> None:
    assert tables_in("SELECT * FROM A WHERE X = #{x AND " * 20_000).reads == ("A",)


def test_unterminated_comment_and_quote_do_not_break_the_scan() -> None:
    assert tables_in("SELECT * FROM A /* never closed " + "x " * 100_000).reads == ("A",)
    assert tables_in("SELECT * FROM A WHERE X = 'never closed " + "x " * 100_000).reads == ("A",)


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT o FROM com.x.order.Order o LEFT JOIN o.customer buyer",
        "SELECT o FROM com.x.order.Order o LEFT OUTER JOIN o.customer.address a",
        "SELECT o FROM Order o LEFT JOIN o.customer buyer",
    ],
)
def test_a_jpql_join_path_is_no_table_whatever_names_the_entity(sql: str) -> None:
    """Broadleaf's ``LEFT JOIN sku.defaultProduct defaultProduct`` after ``FROM`` a class's full
    name had become a table ``DEFAULTPRODUCT`` (the full name, four parts, was no table to
    sqlglot's reading, so its alias was unknown); the full name names the class's last part."""
    for got in (tables_in(sql), scan_tables(sql)):
        assert (got.reads, got.writes) == (("ORDER",), ())


def test_a_name_of_four_or_more_parts_is_its_last_part() -> None:
    got = tables_in("UPDATE org.shop.core.domain.SkuImpl s SET s.name = 'x'")
    assert (got.reads, got.writes, got.parsed) == ((), ("SKUIMPL",), True)
    assert tables_in("SELECT * FROM srv.sales.dbo.T_ORDER").reads == ("T_ORDER",)
    # a package named like a catalog schema is no schema
    assert tables_in("SELECT c FROM com.mysql.shop.Cart c").reads == ("CART",)

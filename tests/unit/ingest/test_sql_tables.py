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

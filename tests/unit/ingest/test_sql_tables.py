"""Tables read and written by DML, checked against tests/golden/dml_tables.sql."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msadecomp.ingest.sql_tables import looks_like_sql, tables_in

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


def test_embedded_sql_detection() -> None:
    assert looks_like_sql("DELETE FROM STS_DAILY_SUMMARY WHERE STATS_DE = ?")
    assert looks_like_sql("  select a from b")
    assert not looks_like_sql("Selected rows")
    assert not looks_like_sql("update the screen")


@given(st.text(max_size=300))
def test_any_text_yields_tables_without_raising(text: str) -> None:
    got = tables_in(text)
    assert all(name and name == name.upper() for name in got.reads + got.writes)

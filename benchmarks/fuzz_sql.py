"""Fuzz the SQL entry points for a while: DML tables, DDL, mapper XML, the SQL side as a whole.

Usage: ``python benchmarks/fuzz_sql.py SECONDS [SEED]``. Inputs are the golden DML statements
and DDL text from the tests, mutated (insertions of SQL/XML fragments, deletions, repeats).
Asserts that nothing raises and every table name is identifier-shaped; prints the number of
inputs and the slowest one. A hang shows as a traceback after 15 s (faulthandler).
"""

from __future__ import annotations

import faulthandler
import random
import sys
import time
from pathlib import Path

from msadecomp.ingest.sources import SourceFile
from msadecomp.ingest.sql_ddl import parse_ddl
from msadecomp.ingest.sql_inputs import read_sql_side
from msadecomp.ingest.sql_tables import is_table_name, tables_in
from msadecomp.ingest.xml_config import XmlFacts, read_xml

TESTS = Path(__file__).resolve().parents[1] / "tests"
PIECES = (
    "( ) ' \" ; , -- /* */ \n JOIN FROM #{ ${ <if> </if> \xff \ufffd :: [ ] { } - + "
    "CREATE|TABLE|ALTER TABLE ONLY|COMMENT ON COLUMN|INSERT INTO|CASE WHEN| END| UNION ALL |"
    "WITH x AS (| OVER (|PARTITION BY| LATERAL | PIVOT (| LEFT JOIN T |SELECT | AS | ON "
)
FRAGMENTS = PIECES.split(" ")[:22] + PIECES.split("|")[1:]


def mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 8)):
        at = rng.randint(0, len(text))
        op = rng.random()
        if op < 0.5:
            text = text[:at] + rng.choice(FRAGMENTS) + text[at:]
        elif op < 0.8:
            text = text[:at] + text[at + rng.randint(1, 20) :]
        elif len(text) < 20_000:
            text = text[:at] + text[at:] * rng.randint(2, 50)
    return text


def main() -> None:
    seconds = float(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    golden = (TESTS / "golden" / "dml_tables.sql").read_text(encoding="utf-8").splitlines()
    seeds = [line for line in golden if line.strip() and not line.startswith(("#", "=>"))]
    ddl = (TESTS / "unit" / "ingest" / "test_sql_ddl.py").read_text(encoding="utf-8")
    end = time.time() + seconds
    count, slowest = 0, 0.0
    while time.time() < end:
        faulthandler.dump_traceback_later(15, exit=True)
        start = rng.randint(0, len(ddl) - 2000)
        text = mutate(rng, rng.choice([*seeds, ddl[start : start + 2000]]))
        dialect = rng.choice([None, "oracle", "mysql", "postgres"])
        began = time.perf_counter()
        use = tables_in(text, dialect)
        assert all(is_table_name(n) for n in use.reads + use.writes), text
        tables, _ = parse_ddl("fuzz.sql", text, dialect)
        assert all(is_table_name(t.name) for t in tables), text
        body = text.replace("&", "&amp;").replace("<", "&lt;")
        mapper = (
            f'<mapper namespace="m"><sql id="a">A</sql><select id="s">{body}</select></mapper>'
        )
        read_xml("fuzz.xml", mutate(rng, mapper).encode("utf-8", "replace"), XmlFacts())
        data = text.encode("utf-8", "replace")
        read_sql_side([], [SourceFile("fuzz_oracle.sql", "sql", data)], XmlFacts())
        slowest = max(slowest, time.perf_counter() - began)
        count += 1
    faulthandler.cancel_dump_traceback_later()
    print(f"{count} inputs x 4 entry points: no exception; slowest input {slowest:.2f} s")


if __name__ == "__main__":
    main()

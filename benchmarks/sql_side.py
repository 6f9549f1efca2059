"""Time the SQL side of ingestion (mapper/Spring XML and DDL scripts) on a source tree.

Usage: ``python benchmarks/sql_side.py PATH [DIALECT]``. Prints wall and CPU seconds, the
dialect chosen, tables and statements found, how many statements sqlglot parsed and how many
the fallback scanner read, and the files skipped.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from msadecomp.ingest.sources import collect
from msadecomp.ingest.sql_inputs import read_sql_side
from msadecomp.ingest.xml_config import XmlFacts


def main() -> None:
    root = Path(sys.argv[1])
    wanted = sys.argv[2] if len(sys.argv) > 2 else None
    files = collect(root).files
    xml_files = [f for f in files if f.kind == "xml"]
    sql_files = [f for f in files if f.kind == "sql"]
    wall, cpu = time.perf_counter(), time.process_time()
    xml = XmlFacts()
    side = read_sql_side(xml_files, sql_files, xml, wanted)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    megabytes = sum(len(f.data) for f in sql_files) / 1e6
    tables = side.tables.values()
    print(f"{len(xml_files)} XML files, {len(sql_files)} SQL files ({megabytes:.1f} MB)")
    print(f"SQL side: {wall:.2f} s wall, {cpu:.2f} s CPU; dialect {side.dialect}")
    print(
        f"tables {len(side.tables)}, foreign keys {sum(len(t.foreign_keys) for t in tables)}, "
        f"table comments {sum(bool(t.comment) for t in tables)}, "
        f"column comments {sum(len(t.column_comments) for t in tables)}"
    )
    print(f"mapper statements {len(xml.statements)}: {xml.parsed_by}")
    print(f"DDL statements: {side.ddl.stats}")
    print(f"skipped: {dict(side.counts)}")


if __name__ == "__main__":
    main()

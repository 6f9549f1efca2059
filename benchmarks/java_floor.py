"""The Java front end on one process: tree-sitter parse floor versus parse plus fact extraction.

    python benchmarks/java_floor.py /tmp/corpora/egovcc /tmp/corpora/tomcat

For each source tree: the number of ``.java`` files and megabytes, the parse floor (read and
tree-sitter-parse only, :func:`msadecomp.ingest.java_syntax.parse_floor`), the whole
:func:`~msadecomp.ingest.java_syntax.parse_java` (decoding, parsing, extracting the facts) with
wall and CPU seconds, and the files whose parse hit a syntax error or a limit. Files are read
into memory first, so disk speed does not count. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from msadecomp.ingest.java_syntax import parse_floor, parse_java


def measure(root: Path, show_errors: int) -> None:
    paths = sorted(p for p in root.rglob("*.java") if p.is_file())
    data = [(str(p), p.read_bytes()) for p in paths]
    n = len(data)
    if not n:
        print(f"{root}: no .java files")
        return
    megabytes = sum(len(d) for _, d in data) / 1e6
    floor_cpu = time.process_time()
    floor = parse_floor(str(p) for p in paths)
    floor_cpu = time.process_time() - floor_cpu
    cpu, wall = time.process_time(), time.perf_counter()
    errors = []
    for path, content in data:
        f = parse_java(path, content)
        if f.error is not None:
            errors.append((path, f.error))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"{root}: {n} files, {megabytes:.1f} MB\n"
        f"  parse floor      {floor:6.2f} s  {n / floor:7.0f} files/s  "
        f"({floor_cpu:.2f} CPU-s, {n / floor_cpu:.0f} files per CPU-s)\n"
        f"  parse + facts    {wall:6.2f} s  {n / wall:7.0f} files/s  "
        f"({cpu:.2f} CPU-s, {n / cpu:.0f} files per CPU-s; "
        f"{cpu / floor_cpu:.1f}x the floor's CPU)\n"
        f"  files with a syntax error or over a limit: {len(errors)}"
    )
    for path, (line, message) in errors[:show_errors]:
        print(f"    {path}:{line}: {message}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", nargs="+", type=Path, help="source trees to read")
    parser.add_argument("--show-errors", type=int, default=10, help="errors to list per tree")
    args = parser.parse_args()
    for root in args.roots:
        measure(root, args.show_errors)


if __name__ == "__main__":
    main()

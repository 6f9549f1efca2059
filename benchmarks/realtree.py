"""Benchmark msadecomp end to end on any checked-out source tree; prints per-stage figures.

    python benchmarks/realtree.py /tmp/corpora/egovcc /tmp/corpora/tomcat [--jobs 2]
    python benchmarks/realtree.py --synthetic 1000 5000 20000

For each tree it prints: the files read by kind, the seconds of every stage of one
``msadecomp analyze`` with default settings and all outputs (SVG included), Java files per
second, the peak memory of the main process and of the worker processes, and the tree-sitter
*parse floor*: the time to parse the same in-scope Java files with tree-sitter alone, with the
same number of processes, measured in the same run. The ratio end-to-end / floor says how much
the rest of the pipeline costs on top of the unavoidable parsing. Not a test: nothing here
asserts a time. Run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import tree_sitter_java
from tree_sitter import Language, Parser

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate

import msadecomp
from msadecomp.ingest.scope import Scope
from msadecomp.ingest.sources import collect

_PARSER: Parser | None = None


def _parse(data: bytes) -> int:
    global _PARSER
    if _PARSER is None:
        _PARSER = Parser(Language(tree_sitter_java.language()))
    return int(_PARSER.parse(data).root_node.has_error)


def parse_floor(sources: Sequence[bytes], jobs: int) -> tuple[float, int]:
    """Seconds to parse ``sources`` with tree-sitter on ``jobs`` processes; files with errors."""
    start = time.perf_counter()
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            errors = sum(pool.map(_parse, sources, chunksize=max(1, len(sources) // (jobs * 8))))
    else:
        errors = sum(map(_parse, sources))
    return time.perf_counter() - start, errors


def rss_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def run(root: Path, jobs: int) -> None:
    print(f"\n== {root} ==", flush=True)
    java = [f.data for f in collect(root, scope=Scope()).files if f.kind == "java"]
    floor, errors = parse_floor(java, jobs)
    print(
        f"  tree-sitter parse floor: {len(java):,} Java files in {floor:.2f} s "
        f"({len(java) / max(floor, 1e-9):,.0f} files/s, {jobs} processes), "
        f"{errors} with syntax errors",
        flush=True,
    )

    def log(stage: str, seconds: float) -> None:
        print(f"  {stage:<24} {seconds:8.2f} s", flush=True)

    start = time.perf_counter()
    analysis = msadecomp.analyze(root, msadecomp.Config(jobs=jobs), log=log)
    with tempfile.TemporaryDirectory() as out:
        t = time.perf_counter()
        written = analysis.write(out)
        log("write outputs", time.perf_counter() - t)
    total = time.perf_counter() - start
    parse = dict(analysis.timings).get("parse Java", 0.0)
    files = dict(analysis.model.file_counts)
    report = analysis.report
    print(
        f"  end to end               {total:8.2f} s   ({total / max(floor, 1e-9):.1f}x the "
        f"parse floor)"
    )
    print("  files: " + ", ".join(f"{v:,} {k}" for k, v in sorted(files.items())))
    print(
        f"  excluded: {len(analysis.model.excluded):,} files; "
        f"{len(analysis.model.diagnostics):,} diagnostics"
    )
    print(
        f"  -> {len(report['services'])} services, {report['summary']['classes']:,} classes, "
        f"{report['summary']['tables']:,} tables, modularity "
        f"{report['summary']['modularity']:.3f}"
    )
    print(
        f"  peak RSS: main {rss_mib(resource.RUSAGE_SELF):,.0f} MiB, workers "
        f"{rss_mib(resource.RUSAGE_CHILDREN):,.0f} MiB; parse stage "
        f"{files.get('java', 0) / max(parse, 1e-9):,.0f} Java files/s"
    )
    for problem in written.problems:
        print(f"  output problem: {problem}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("trees", nargs="*", type=Path)
    parser.add_argument(
        "--synthetic",
        type=int,
        nargs="*",
        default=[],
        help="also generate synthetic monoliths of these class counts "
        "(benchmarks/synthetic.py) and run on them",
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    print(
        f"msadecomp {msadecomp.__version__}, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} cores"
    )
    for tree in args.trees:
        if not tree.is_dir():
            print(f"\n== {tree} == skipped: not a folder")
            continue
        run(tree, args.jobs)
    for classes in args.synthetic:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / f"synthetic-{classes}"
            generate(root, classes)
            run(root, args.jobs)


if __name__ == "__main__":
    main()

"""Benchmark every pipeline stage on a synthetic monolith; prints time, files/s and memory.

    python benchmarks/bench.py --classes 2000 5000

Figures are wall-clock seconds on this machine; "RSS" is the peak resident memory of this
process after the stage (it only grows), "workers" the peak of the parser processes. Not a test:
nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate  # noqa: E402

from msadecomp.api import __version__  # noqa: E402
from msadecomp.classify import classify  # noqa: E402, F401
from msadecomp.decompose import decompose  # noqa: E402
from msadecomp.graph import build_graph, clustering_graph  # noqa: E402
from msadecomp.graph.kernel import detect_kernel  # noqa: E402
from msadecomp.ingest import ingest  # noqa: E402
from msadecomp.report import build_report  # noqa: E402
from msadecomp.report.diagrams import class_diagram, context_map  # noqa: E402
from msadecomp.report.render import render_svg  # noqa: E402

T = TypeVar("T")


def rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def stage(name: str, fn: Callable[[], T], files: int | None = None) -> T:
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    rate = f"{files / seconds:10,.0f} files/s" if files else " " * 17
    print(f"  {name:<28} {seconds:8.2f} s {rate}   RSS {rss_mib():7.0f} MiB   "
          f"workers {rss_mib(resource.RUSAGE_CHILDREN):5.0f} MiB", flush=True)
    return result


def run(classes: int, jobs: int | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        facts = stage("generate", lambda: generate(root, classes))
        files = sum(1 for _ in root.rglob("*") if _.is_file())
        print(f"  -> {facts['classes']} classes, {facts['tables']} tables, {files} files")
        stage("ingest (1 process)", lambda: ingest(root, jobs=1), files)
        model = stage(f"ingest ({jobs or os.cpu_count()} processes)",
                      lambda: ingest(root, jobs=jobs), files)
        graph = stage("graph (+ semantic)", lambda: build_graph(model))
        weighted = stage("clustering graph", lambda: clustering_graph(graph))
        kernel = stage("shared kernel", lambda: [k.fqn for k in detect_kernel(graph)])
        stage("decompose (resolution 1)",
              lambda: decompose(weighted, resolution=1.0, kernel=kernel))
        decomposition = stage("decompose (sweep)",
                              lambda: decompose(weighted, resolution=None, kernel=kernel))
        report = stage("report (metrics, typing)", lambda: build_report(
            model, decomposition, {"algorithm": "louvain", "seed": 42, "resolution": 1.0},
            __version__))
        dot: dict[str, Any] = {}
        stage("diagrams (DOT)", lambda: dot.update(
            context=context_map(report), classes=class_diagram(report, graph)))
        stage("render context map (SVG)", lambda: render_svg(dot["context"]))
        stage("render class diagram (SVG)", lambda: render_svg(dot["classes"]))
        print(f"  -> {len(report['services'])} services, modularity "
              f"{report['summary']['modularity']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--classes", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    print(f"msadecomp {__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    for n in args.classes:
        print(f"\n== {n} classes ==")
        run(n, args.jobs)


if __name__ == "__main__":
    main()

"""Regression: community detection terminates on a large weighted graph.

igraph's Leiden with float weights (and the leidenalg package) looped forever on this graph at
some resolutions; the alarm turns a hang into a failure.
"""

import signal
import sys
from pathlib import Path

import pytest

from msadecomp.decompose.algorithms import Prepared, leiden
from msadecomp.decompose.sweep import resolutions
from msadecomp.graph import build_graph, clustering_graph
from msadecomp.ingest import ingest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synthetic import generate


def _timeout(signum: int, frame: object) -> None:
    raise TimeoutError("community detection did not terminate")


@pytest.fixture(scope="module")
def large_graph(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("large")
    generate(root, 5000)
    graph = clustering_graph(build_graph(ingest(root)))
    hubs = {"bench.common.AbstractDAO", "bench.common.BaseVO", "bench.common.StringUtil"}
    return graph.subgraph(n for n in graph if n not in hubs and graph.degree(n) > 0).copy()


def test_leiden_terminates_at_every_sweep_resolution(large_graph) -> None:  # type: ignore[no-untyped-def]
    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(120)
    prepared = Prepared(large_graph)
    try:
        for res in resolutions():
            parts = leiden(prepared, 42, res)
            assert sum(len(p) for p in parts) == large_graph.number_of_nodes()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)

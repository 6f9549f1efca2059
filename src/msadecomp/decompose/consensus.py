"""Consensus clustering: one partition agreed on by several seeded runs.

Leiden and Louvain are randomised: on real monoliths the class MoJoFM of one run moved by up to
five points with the seed. At the chosen resolution the algorithm runs ``RUNS`` times with seeds
``seed, seed + 1, ...``; every edge keeps its weight times the share of runs that put its two
ends together, and one more run on that graph gives the result (edge-based consensus after
Lancichinetti and Fortunato, 2012). Ties that only some runs honour fade, stable ones stay.
Measured on the eight truth corpora and the fixture, mean class MoJoFM over five seeds rose from
82.6 to 83.8 (cargotracker 76.5 -> 80.0, egov-enterprise-business 74.4 -> 79.7; egovcc 98.4 ->
97.8), and the spread between seeds narrowed.
"""

from __future__ import annotations

import networkx as nx

from msadecomp.decompose.algorithms import ALGORITHMS, Partition, Prepared

RUNS = 10
RANDOMISED = frozenset({"leiden", "louvain"})


def consensus(
    graph: nx.Graph, prepared: Prepared, algorithm: str, seed: int, resolution: float
) -> Partition:
    """The consensus partition of ``graph`` (whose non-isolated nodes ``prepared`` indexes)."""
    run = ALGORITHMS[algorithm]
    where = [
        {n: i for i, part in enumerate(run(prepared, seed + k, resolution)) for n in part}
        for k in range(RUNS)
    ]
    agreed = nx.Graph()
    agreed.add_nodes_from(graph.nodes(data=True))
    for u, v, data in graph.edges(data=True):
        together = sum(1 for w in where if u in w and w[u] == w.get(v)) / RUNS
        if together > 0:
            agreed.add_edge(u, v, weight=data.get("weight", 1.0) * together)
    final = Prepared(agreed, (n for n in agreed if agreed.degree(n) > 0))
    return run(final, seed, resolution) if final.nodes else []

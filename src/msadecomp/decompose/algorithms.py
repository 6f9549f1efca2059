"""Community detection algorithms, one function each: ``(graph, seed, resolution) -> partition``.

All are deterministic for a given seed. ``label_propagation`` has no resolution parameter.
``leiden`` needs the optional extra ``pip install 'msadecomp[leiden]'`` (igraph).
"""

from __future__ import annotations

import random
from collections.abc import Callable

import networkx as nx
from networkx.algorithms import community as nxc

from msadecomp.errors import ConfigError

Partition = list[set[str]]
Algorithm = Callable[[nx.Graph, int, float], Partition]


def louvain(graph: nx.Graph, seed: int, resolution: float) -> Partition:
    return [
        set(c)
        for c in nxc.louvain_communities(graph, weight="weight", resolution=resolution, seed=seed)
    ]


def greedy_modularity(graph: nx.Graph, seed: int, resolution: float) -> Partition:
    del seed  # deterministic by construction
    return [
        set(c)
        for c in nxc.greedy_modularity_communities(graph, weight="weight", resolution=resolution)
    ]


def label_propagation(graph: nx.Graph, seed: int, resolution: float) -> Partition:
    del resolution  # label propagation has none
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph))
    ordered.add_weighted_edges_from(
        sorted((min(u, v), max(u, v), w) for u, v, w in graph.edges(data="weight"))
    )
    return [set(c) for c in nxc.asyn_lpa_communities(ordered, weight="weight", seed=seed)]


LEIDEN_ITERATIONS = 10
WEIGHT_SCALE = 1000


def leiden(graph: nx.Graph, seed: int, resolution: float) -> Partition:
    """Leiden (Traag et al., 2019) optimising modularity, with igraph's built-in implementation.

    Weights are scaled to integers and the iterations bounded: with float weights, iterating
    "until stable" (and the ``leidenalg`` package) was seen to loop forever on some graphs.
    """
    try:
        import igraph as ig
    except ImportError:
        raise ConfigError(
            "the leiden algorithm needs the optional extra: "
            "pip install 'msadecomp[leiden]' (igraph)"
        ) from None
    nodes = sorted(graph)
    index = {n: i for i, n in enumerate(nodes)}
    edges = sorted(
        (min(index[u], index[v]), max(index[u], index[v]), w)
        for u, v, w in graph.edges(data="weight")
    )
    g = ig.Graph(n=len(nodes), edges=[(a, b) for a, b, _ in edges])
    # Integral weights keep the sums exact: with arbitrary floats, rounding let node moves
    # "improve" the quality forever on some graphs.
    g.es["weight"] = [max(1, round(w * WEIGHT_SCALE)) for _, _, w in edges]
    ig.set_random_number_generator(random.Random(seed))
    try:
        found = g.community_leiden(
            objective_function="modularity",
            weights="weight",
            resolution=resolution,
            n_iterations=LEIDEN_ITERATIONS,
        )
    finally:
        ig.set_random_number_generator(random)
    return [{nodes[i] for i in members} for members in found]


ALGORITHMS: dict[str, Algorithm] = {
    "louvain": louvain,
    "leiden": leiden,
    "label_propagation": label_propagation,
    "greedy_modularity": greedy_modularity,
}
HAS_RESOLUTION = frozenset({"louvain", "leiden", "greedy_modularity"})

"""What the clean-up steps share: part sizes and ties, package keys, moves and the wording
of their notes."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import networkx as nx

from msadecomp.graph import is_table
from msadecomp.graph.structure import TECHNICAL_SEGMENTS, feature_package

MIN_PART = 3
"""Sub-parts with fewer classes join their most strongly tied sibling."""


def class_count(part: set[str]) -> int:
    return sum(1 for n in part if not is_table(n))


def ties_to(graph: nx.Graph, part: set[str], index: dict[str, int]) -> Counter[int]:
    ties: Counter[int] = Counter()
    for n in part:
        for nb, data in graph[n].items():
            j = index.get(nb)
            if j is not None:
                ties[j] += data.get("weight", 1.0)
    return ties


def strongest(ties: Counter[int]) -> int:
    """The part of most ties (of equal ones, the first); ``ties`` must not be empty."""
    return min(ties, key=lambda k: (-ties[k], k))


def shared_prefix(package: str, part: set[str], graph: nx.Graph) -> int:
    mine = package.split(".")
    best = 0
    for n in part:
        theirs = str(graph.nodes[n].get("package", "")).split(".")
        k = 0
        while k < min(len(mine), len(theirs)) and mine[k] == theirs[k]:
            k += 1
        best = max(best, k)
    return best


def package_key(graph: nx.Graph, n: str) -> str:
    """A class's feature package, technical sub-packages counting as their parent
    (``web.prims.ejb3`` is part of ``web.prims``)."""
    segments = str(graph.nodes[n].get("package", "")).split(".")
    while len(segments) > 1 and segments[-1].lower() in TECHNICAL_SEGMENTS:
        segments.pop()
    return feature_package(".".join(segments))


def listing(items: Iterable[str], shown: int = 3) -> str:
    """The first ``shown`` items and how many more: ``A, B, C and 4 more``."""
    items = list(items)
    more = f" and {len(items) - shown} more" if len(items) > shown else ""
    return ", ".join(items[:shown]) + more


WIRING = re.compile(
    r"(Config|Configuration|Configurer|Initializer|ApplicationContext|Application)$"
)
"""Class names of wiring: bootstrap and configuration classes create or inject everything."""


def move_to(pieces: list[set[str]], index: dict[str, int], n: str, j: int) -> None:
    """Moves node ``n`` into service ``j``."""
    pieces[index[n]].discard(n)
    pieces[j].add(n)
    index[n] = j


def join_parts(pieces: list[set[str]], index: dict[str, int], i: int, j: int) -> str:
    """Moves service ``i`` into service ``j``; returns the listing of the classes moved."""
    moved = pieces[i]
    pieces[j] |= moved
    for n in moved:
        index[n] = j
    pieces[i] = set()
    return listing(sorted(n.rpartition(".")[2] for n in moved if not is_table(n)))

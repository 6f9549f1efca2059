"""User constraints: classes pinned together or apart (FQN glob patterns, ``*`` and ``?``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from fnmatch import fnmatchcase

import networkx as nx

Partition = list[set[str]]


@dataclass(frozen=True, slots=True)
class Constraints:
    together: tuple[tuple[str, ...], ...] = ()
    """Groups of patterns; every node matching any pattern of a group ends in one service."""
    apart: tuple[tuple[str, str], ...] = ()
    """Pairs of patterns; no service holds nodes matching both sides."""


def matching(patterns: tuple[str, ...] | list[str], nodes: list[str]) -> set[str]:
    return {n for n in nodes for p in patterns if fnmatchcase(n, p)}


def unmatched_patterns(c: Constraints, nodes: list[str]) -> list[str]:
    patterns = [p for group in c.together for p in group] + [p for pair in c.apart for p in pair]
    return sorted({p for p in patterns if not matching([p], nodes)})


def contract(graph: nx.Graph, c: Constraints) -> tuple[nx.Graph, dict[str, set[str]]]:
    """Merge each ``together`` group into one node; returns the graph and rep -> members."""
    nodes = sorted(graph)
    parent = {n: n for n in nodes}

    def find(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for group in c.together:
        members = sorted(matching(group, nodes))
        for other in members[1:]:
            a, b = find(members[0]), find(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[str, set[str]] = {}
    for n in nodes:
        groups.setdefault(find(n), set()).add(n)
    if all(len(m) == 1 for m in groups.values()):
        return graph, groups
    out = nx.Graph()
    for rep in sorted(groups):
        out.add_node(rep, **graph.nodes[rep])
    for u, v, w in graph.edges(data="weight"):
        a, b = find(u), find(v)
        if a == b:
            continue
        if out.has_edge(a, b):
            out[a][b]["weight"] += w
        else:
            out.add_edge(a, b, weight=w)
    return out, groups


def expand(parts: Partition, groups: dict[str, set[str]]) -> Partition:
    return [set().union(*(groups.get(n, {n}) for n in p)) for p in parts]


def rejoin(parts: Partition, groups: dict[str, set[str]]) -> Partition:
    """Brings each ``together`` group (``groups`` from :func:`contract`) back into one service,
    the one holding most of it (ties: the earlier), after clean-up steps moved some of it."""
    parts = [set(p) for p in parts]
    index = {n: i for i, p in enumerate(parts) for n in p}
    for members in groups.values():
        if len(members) < 2:
            continue
        held = Counter(index[n] for n in members if n in index)
        if len(held) < 2:
            continue
        home = min(held, key=lambda i: (-held[i], i))
        for n in members:
            if index.get(n, home) != home:
                parts[index[n]].discard(n)
                parts[home].add(n)
                index[n] = home
    return [p for p in parts if p]


def separate(graph: nx.Graph, parts: Partition, c: Constraints) -> Partition:
    """Split services that hold both sides of an ``apart`` pair.

    The smaller side leaves and each of its nodes joins the service it is most strongly coupled
    to among those holding no node of the other side; nodes with no such tie form a new service.
    """
    parts = [set(p) for p in parts]
    nodes = sorted(graph)
    for left_pat, right_pat in c.apart:
        left, right = matching([left_pat], nodes), matching([right_pat], nodes)
        for i in range(len(parts)):
            a, b = parts[i] & left, parts[i] & right
            if not a or not b:
                continue
            movers, stay = (a, right) if len(a) <= len(b) else (b, left)
            parts[i] -= movers
            homeless: set[str] = set()
            for n in sorted(movers):
                ties: Counter[int] = Counter()
                for nb, w in ((nb, d["weight"]) for nb, d in graph[n].items()):
                    for j, p in enumerate(parts):
                        if nb in p and j != i and not p & stay:
                            ties[j] += w
                if ties:
                    parts[min(ties, key=lambda j: (-ties[j], j))].add(n)
                else:
                    homeless.add(n)
            if homeless:
                parts.append(homeless)
    return [p for p in parts if p]

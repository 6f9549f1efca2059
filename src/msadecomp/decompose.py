"""Community detection: propose service candidates from the clustering graph.

Louvain (networkx) maximises modularity at a chosen ``resolution`` (higher = more, smaller
services). Results depend only on the graph and the ``seed``. When a number of services is asked
for, the resolution is searched (bisection) for the partition closest to it; if no resolution hits
it exactly, the closest partition with more services is merged down greedily along the strongest
inter-service coupling. Nodes with no edges cannot be placed by clustering: each joins the service
holding most classes of its package, or stays a singleton.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
from networkx.algorithms.community import louvain_communities, modularity

from msadecomp.graph import is_table

Partition = list[set[str]]


@dataclass(frozen=True, slots=True)
class Cluster:
    id: str
    name: str
    members: tuple[str, ...]
    """Sorted node ids: class FQNs and ``table:NAME`` nodes."""

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple(m for m in self.members if not is_table(m))

    @property
    def tables(self) -> tuple[str, ...]:
        return tuple(m for m in self.members if is_table(m))


@dataclass(frozen=True, slots=True)
class Decomposition:
    algorithm: str
    seed: int
    resolution: float
    clusters: tuple[Cluster, ...]
    modularity: float
    notes: tuple[str, ...] = ()

    def assignment(self) -> dict[str, str]:
        """Node id -> cluster id."""
        return {m: c.id for c in self.clusters for m in c.members}


def decompose(
    graph: nx.Graph, *, seed: int = 42, resolution: float = 1.0, services: int | None = None
) -> Decomposition:
    notes: list[str] = []
    if graph.number_of_nodes() == 0:
        return Decomposition("louvain", seed, resolution, (), 0.0, ("the graph is empty",))
    if services is None:
        parts = _louvain(graph, seed, resolution)
    else:
        parts, resolution, note = _search(graph, seed, services)
        notes.append(note)
    parts = _place_isolated(graph, parts)
    q = modularity(graph, parts, weight="weight") if graph.number_of_edges() else 0.0
    clusters = _name(graph, parts)
    return Decomposition("louvain", seed, resolution, clusters, q, tuple(notes))


def _louvain(graph: nx.Graph, seed: int, resolution: float) -> Partition:
    connected = graph.subgraph(n for n in graph if graph.degree(n) > 0)
    if connected.number_of_nodes() == 0:
        return []
    return [
        set(c)
        for c in louvain_communities(connected, weight="weight", resolution=resolution, seed=seed)
    ]


def _count(parts: Partition) -> int:
    return sum(1 for p in parts if any(not is_table(m) for m in p))


def _search(graph: nx.Graph, seed: int, wanted: int) -> tuple[Partition, float, str]:
    lo, hi = 0.01, 20.0
    best: tuple[int, float, Partition] | None = None
    above: tuple[float, Partition] | None = None
    for _ in range(30):
        mid = (lo * hi) ** 0.5
        parts = _louvain(graph, seed, mid)
        n = _count(parts)
        if best is None or abs(n - wanted) < best[0]:
            best = (abs(n - wanted), mid, parts)
        if n > wanted and (above is None or mid < above[0]):
            above = (mid, parts)
        if n == wanted:
            return parts, mid, f"resolution {mid:.3g} gives the {wanted} services asked for"
        if n < wanted:
            lo = mid
        else:
            hi = mid
        if hi / lo < 1.001:
            break
    if above is not None:
        merged = _merge_down(graph, above[1], wanted)
        return (
            merged,
            above[0],
            (
                f"no resolution gives exactly {wanted} services; merged the closest larger "
                f"partition (resolution {above[0]:.3g}) along its strongest couplings"
            ),
        )
    assert best is not None
    return (
        best[2],
        best[1],
        (f"the graph supports at most {_count(best[2])} services; {wanted} were asked for"),
    )


def _merge_down(graph: nx.Graph, parts: Partition, wanted: int) -> Partition:
    parts = [set(p) for p in parts]
    while _count(parts) > wanted and len(parts) > 1:
        index = {n: i for i, p in enumerate(parts) for n in p}
        between: Counter[tuple[int, int]] = Counter()
        for u, v, w in graph.edges(data="weight"):
            a, b = index.get(u), index.get(v)
            if a is not None and b is not None and a != b:
                between[(min(a, b), max(a, b))] += w
        if not between:
            break
        (a, b), _ = max(
            between.items(),
            key=lambda kv: (
                kv[1] / (len(parts[kv[0][0]]) * len(parts[kv[0][1]])),
                -kv[0][0],
                -kv[0][1],
            ),
        )
        parts[a] |= parts[b]
        del parts[b]
    return parts


def _package(node: str, graph: nx.Graph) -> str:
    return str(graph.nodes[node].get("package", ""))


def _place_isolated(graph: nx.Graph, parts: Partition) -> Partition:
    placed = {n for p in parts for n in p}
    by_package: dict[str, Counter[int]] = defaultdict(Counter)
    for i, p in enumerate(parts):
        for n in p:
            by_package[_package(n, graph)][i] += 1
    out = [set(p) for p in parts]
    for n in sorted(set(graph) - placed):
        votes = by_package.get(_package(n, graph))
        if votes and not is_table(n):
            out[min(votes, key=lambda i: (-votes[i], i))].add(n)
        else:
            out.append({n})
    return out


_STEM_SUFFIXES = re.compile(
    r"(ServiceImpl|Service|Controller|DAO|Dao|Mapper|VO|DefaultVO|SearchVO|Impl|Util|Utils|"
    r"Helper|Manager|Repository)$"
)
_PREFIXES = re.compile(r"^(Egov|Com)(?=[A-Z])")


def stem(simple_name: str) -> str:
    """``EgovArticleServiceImpl`` -> ``Article``: the business noun of a class name."""
    name = _PREFIXES.sub("", simple_name)
    prev = None
    while prev != name:
        prev, name = name, _STEM_SUFFIXES.sub("", name) or name
    return name


def _kebab(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", name).lower()


def _name(graph: nx.Graph, parts: Iterable[set[str]]) -> tuple[Cluster, ...]:
    ordered = sorted((sorted(p) for p in parts if p), key=lambda p: (-len(p), p[0]))
    used: Counter[str] = Counter()
    clusters = []
    for i, members in enumerate(ordered, 1):
        classes = [m for m in members if not is_table(m)]
        stems = Counter(stem(str(graph.nodes[m].get("label", m))) for m in classes)
        if stems:
            word = min(stems, key=lambda s: (-stems[s], s))
            name = _kebab(word)
        else:
            name = "data-" + members[0].split(":", 1)[1].lower()
        used[name] += 1
        if used[name] > 1:
            name = f"{name}-{used[name]}"
        clusters.append(Cluster(f"S{i}", name, tuple(members)))
    return tuple(clusters)

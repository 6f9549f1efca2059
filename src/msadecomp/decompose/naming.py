"""Name service candidates after the business noun most of their classes share."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

import networkx as nx

from msadecomp.graph import is_table

if TYPE_CHECKING:
    from msadecomp.decompose import Cluster

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


def name_clusters(graph: nx.Graph, parts: Iterable[set[str]]) -> list[Cluster]:
    """Clusters S1, S2, ... by decreasing size, each named after its most common stem."""
    from msadecomp.decompose import Cluster

    ordered = sorted((sorted(p) for p in parts if p), key=lambda p: (-len(p), p[0]))
    used: Counter[str] = Counter()
    clusters = []
    for i, members in enumerate(ordered, 1):
        classes = [m for m in members if not is_table(m)]
        stems = Counter(stem(str(graph.nodes[m].get("label", m))) for m in classes)
        if stems:
            name = _kebab(min(stems, key=lambda s: (-stems[s], s)))
        else:
            name = "data-" + members[0].split(":", 1)[1].lower()
        used[name] += 1
        if used[name] > 1:
            name = f"{name}-{used[name]}"
        clusters.append(Cluster(f"S{i}", name, tuple(members)))
    return clusters

"""Resolution sweep: choose how many services the graph supports.

The partition is computed at ``STEPS`` resolutions spaced evenly on a log scale between ``LOW``
and ``HIGH``, and each partition's Newman modularity Q (at resolution 1, so the values compare)
is measured. Q rises steeply while real seams are being cut and flattens once clusters start to
split cohesive groups. The sweep picks the *smallest* number of services whose Q reaches
``1 - TOLERANCE`` of the best Q seen: more services would add little cohesion but more remote
calls. The resolution used is the middle of the steps giving that number and reaching the bar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx
from networkx.algorithms.community import modularity

from msadecomp.graph import is_table

Partition = list[set[str]]
LOW, HIGH, STEPS = 0.1, 4.0, 20
TOLERANCE = 0.02


@dataclass(frozen=True, slots=True)
class SweepPoint:
    resolution: float
    services: int
    modularity: float


def count_services(parts: Partition) -> int:
    return sum(1 for p in parts if any(not is_table(m) for m in p))


def sweep(
    partition: Callable[[float], Partition], graph: nx.Graph
) -> tuple[tuple[SweepPoint, ...], float, str]:
    points = []
    for i in range(STEPS):
        res = LOW * (HIGH / LOW) ** (i / (STEPS - 1))
        parts = partition(res)
        covered = graph.subgraph(set().union(*parts)) if parts else graph
        q = modularity(covered, parts, weight="weight") if parts else 0.0
        points.append(SweepPoint(round(res, 4), count_services(parts), round(q, 4)))
    best = max(points, key=lambda p: (p.modularity, -p.services))
    bar = best.modularity * (1 - TOLERANCE)
    good = [p for p in points if p.modularity >= bar and p.services >= 2] or [best]
    n = min(p.services for p in good)
    chosen_points = [p for p in good if p.services == n]
    chosen = chosen_points[len(chosen_points) // 2]
    note = (
        f"resolution sweep {LOW}-{HIGH} ({STEPS} steps): {n} services reach "
        f"{chosen.modularity / best.modularity:.1%} of the best modularity "
        f"({chosen.modularity:.3f} vs {best.modularity:.3f} with {best.services} services), so "
        "more services would add "
        f"little cohesion; used resolution {chosen.resolution:.3g}"
    )
    return tuple(points), chosen.resolution, note

"""Pins: an edited class -> service assignment imposed on a decomposition.

``analyze --assignment FILE`` first clusters with each pinned service's classes contracted
into one node (so the algorithm never splits them), then :func:`apply_pins` puts every pinned
class in its pinned service. A class the file does not name stays with the pinned service most
of its community went to, or, where none of its community is pinned, in a new service named by
content (:mod:`msadecomp.decompose.naming`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import replace

import networkx as nx

from msadecomp.decompose import Cluster, Constraints, Decomposition
from msadecomp.decompose.algorithms import Prepared
from msadecomp.decompose.naming import name_clusters


def _exact(fqn: str) -> str:
    """An fnmatch pattern that matches exactly ``fqn``."""
    return "".join(f"[{c}]" if c in "*?[]" else c for c in fqn)


def pin_constraints(base: Constraints, pins: Mapping[str, str]) -> Constraints:
    """``base`` plus one ``together`` group per pinned service."""
    groups: dict[str, list[str]] = defaultdict(list)
    for fqn, service in sorted(pins.items()):
        groups[service].append(_exact(fqn))
    together = tuple(base.together) + tuple(tuple(g) for _, g in sorted(groups.items()))
    return Constraints(together, base.apart)


def apply_pins(
    decomposition: Decomposition, graph: nx.Graph, pins: Mapping[str, str]
) -> Decomposition:
    """The decomposition with pinned classes in their pinned services (see the module doc).

    ``graph`` is the clustering graph without the shared kernel (for names and modularity).
    """
    kernel = [c for c in decomposition.clusters if c.kernel]
    kernel_ids = {c.id for c in kernel}
    in_kernel = {m for c in kernel for m in c.members}
    pinned_services: dict[str, set[str]] = defaultdict(set)
    unpinned: list[set[str]] = []
    used = 0
    for c in decomposition.clusters:
        if c.kernel:
            continue
        here = [m for m in c.members if pins.get(m) and m not in in_kernel]
        used += len(here)
        for m in here:
            pinned_services[pins[m]].add(m)
        free = set(c.members) - set(here)
        if not free:
            continue
        votes = Counter(pins[m] for m in here)
        if votes:
            pinned_services[min(votes, key=lambda s: (-votes[s], s))] |= free
        else:
            unpinned.append(free)
    clusters = [
        Cluster(sid, sid, tuple(sorted(members)))
        for sid, members in pinned_services.items()
        if sid not in kernel_ids
    ]
    clusters += name_clusters(graph, unpinned, taken=set(pinned_services) | kernel_ids)
    clusters.sort(key=lambda c: c.id)
    # an unreferenced table is in no cluster: it counts as a singleton
    q = Prepared(graph).modularity(c.members for c in clusters)
    unknown = len([f for f in pins if f not in graph and f not in in_kernel])
    n = len(pinned_services)
    note = (
        f"{used} class{'es' * (used != 1)} pinned to {n} service{'s' * (n != 1)} by the "
        "assignment file"
    )
    if unknown:
        note += f"; {unknown} pinned name{'s' * (unknown != 1)} not found in the code"
    return replace(
        decomposition,
        clusters=tuple(clusters) + tuple(kernel),
        modularity=q,
        notes=(*decomposition.notes, note),
    )

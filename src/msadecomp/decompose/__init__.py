"""Propose service candidates from the clustering graph.

Pipeline of :func:`decompose`:

1. Shared-kernel classes (see :mod:`msadecomp.graph.kernel`) are set aside as one generic group.
2. ``together`` constraints are contracted into single nodes.
3. The chosen algorithm partitions the graph. With ``resolution=None`` a sweep picks the
   resolution whose partition has the highest modularity (see :mod:`.sweep`); the partition
   used is then the consensus of several seeded runs at that resolution (:mod:`.consensus`).
   An algorithm without a resolution (label propagation) asked for ``services=N`` has its
   communities merged down to N.
4. Contracted nodes are expanded; nodes without edges join the service holding most of their
   package.
5. For an algorithm with a resolution, the clean-up of :mod:`.refine` runs: package fragments
   join, tiny services and fronts join, logic without data joins the entities it writes and
   classes writing another service's entity tables move there, domain models join the front
   writing them, catch-alls split, package stragglers, classes used by one other service,
   stores called from one other service and model classes whose stores sit elsewhere move,
   shared providers leave the service using them, services of untied pieces split; after orphan
   tables are attached, inbound adapters and satellites join the service they serve.
6. With ``services=N``, that natural split is fitted to N (:mod:`.count`): the service whose
   own clustering cuts it most cleanly is cut while there are too few, and the pair of services
   whose merge gains most modularity is merged while there are too many.
7. ``together`` groups are brought back together and ``apart`` constraints are enforced.

Results depend only on the graph, the parameters and the ``seed``.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import networkx as nx

from msadecomp.decompose.algorithms import (
    ALGORITHMS,
    DEFAULT_ALGORITHM,
    HAS_RESOLUTION,
    Partition,
    Prepared,
)
from msadecomp.decompose.consensus import RANDOMISED, ROUNDS, RUNS, SCALES, consensus
from msadecomp.decompose.constraints import (
    Constraints,
    contract,
    expand,
    rejoin,
    separate,
    unmatched_patterns,
)
from msadecomp.decompose.count import fit_count, merge_down
from msadecomp.decompose.naming import name_clusters
from msadecomp.decompose.refine import (
    absorb_tiny,
    attach_orphans,
    entities_follow_stores,
    follow_sole_users,
    gather_package_stragglers,
    join_domain_to_front,
    join_fronts_to_logic,
    join_inbound_adapters,
    join_logic_to_data,
    join_orphans,
    join_package_fragments,
    join_satellites,
    loaders_follow_their_data,
    place_stores,
    split_catch_alls,
    split_disconnected,
    split_providers,
    writers_follow_entities,
)
from msadecomp.decompose.sweep import TRIES, SweepPoint, count_services, sweep
from msadecomp.errors import ConfigError
from msadecomp.graph import is_table
from msadecomp.graph.structure import feature_package

KERNEL_ID = "K"
ATTEMPT_SEEDS = 1000
"""Seed offset between the sweep's tries at one resolution (apart from the consensus seeds)."""


@dataclass(frozen=True, slots=True)
class Cluster:
    id: str
    name: str
    members: tuple[str, ...]
    """Sorted node ids: class FQNs and ``table:NAME`` nodes (after :func:`msadecomp.analyze`,
    each table sits with the service owning it: :mod:`msadecomp.decompose.tables`)."""
    kernel: bool = False
    """True for the shared-kernel group: classes set aside before clustering, and after it
    (see :mod:`msadecomp.graph.kernel` and :func:`move_to_kernel`)."""

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
    resolution: float | None
    clusters: tuple[Cluster, ...]
    modularity: float
    """Newman modularity (resolution 1) of the partition, shared kernel left out."""
    notes: tuple[str, ...] = ()
    sweep: tuple[SweepPoint, ...] = ()
    unreferenced_tables: tuple[str, ...] = ()
    """Table nodes no class reads or writes and no foreign key ties to a service."""

    def assignment(self) -> dict[str, str]:
        """Node id -> cluster id."""
        return {m: c.id for c in self.clusters for m in c.members}


def decompose(
    graph: nx.Graph,
    *,
    algorithm: str = DEFAULT_ALGORITHM,
    seed: int = 42,
    resolution: float | None = 1.0,
    services: int | None = None,
    constraints: Constraints | None = None,
    kernel: Iterable[str] = (),
    kernel_after: Iterable[str] = (),
    jobs: int | None = None,
) -> Decomposition:
    """Service candidates of ``graph``: ``kernel`` classes are set aside before clustering,
    ``kernel_after`` classes (generic base types, utilities of a widely used package: see
    :mod:`msadecomp.graph.kernel`) after it, both reported as the shared kernel."""
    if algorithm not in ALGORITHMS:
        raise ConfigError(
            f"unknown algorithm {algorithm!r}; choose one of {', '.join(sorted(ALGORITHMS))}"
        )
    constraints = constraints or Constraints()
    kernel_nodes = sorted(set(kernel) & set(graph))
    core = graph
    if kernel_nodes:
        core = graph.copy()
        core.remove_nodes_from(kernel_nodes)
    notes: list[str] = []
    missing = unmatched_patterns(constraints, sorted(core))
    if missing:
        notes.append(f"constraint pattern(s) matched no class: {', '.join(missing)}")
    contracted, groups = contract(core, constraints)
    points: tuple[SweepPoint, ...] = ()

    partition = _Partitioner(algorithm, seed, contracted)

    if core.number_of_nodes() == 0:
        parts: Partition = []
    elif services is not None and algorithm not in HAS_RESOLUTION:
        parts, note = _merge_communities(contracted, partition, services, algorithm)
        resolution = None
        notes.append(note)
    elif resolution is None:
        if algorithm not in HAS_RESOLUTION:
            resolution = 1.0
            parts = partition(resolution)
            notes.append(f"{algorithm} has no resolution parameter; no sweep was run")
        else:
            workers = 1 if algorithm == "leiden" else jobs or os.cpu_count() or 1  # native, fast
            points, resolution, note, chosen = sweep(partition, workers)
            parts = chosen if chosen is not None else partition(resolution)
            notes.append(note)
    else:
        parts = partition(resolution)
        if algorithm not in HAS_RESOLUTION:
            resolution = None
    if resolution is not None and algorithm in RANDOMISED and parts:
        parts = consensus(partition.prepared, algorithm, seed, resolution)
    parts = expand(parts, groups)
    parts = _place_isolated(core, parts)
    if algorithm in HAS_RESOLUTION:
        parts, join_notes, joined = join_package_fragments(core, parts)
        notes.extend(join_notes)
        parts, tiny_notes = absorb_tiny(core, parts)
        notes.extend(tiny_notes)
        parts, logic_notes = join_logic_to_data(core, parts)
        notes.extend(logic_notes)
        parts, writer_notes = writers_follow_entities(core, parts)
        notes.extend(writer_notes)
        parts, front_notes = join_domain_to_front(core, parts, joined)
        notes.extend(front_notes)
        parts, split_notes = split_catch_alls(
            core, parts, lambda prepared: ALGORITHMS[algorithm](prepared, seed, 1.0), joined
        )
        notes.extend(split_notes)
        parts, package_notes = gather_package_stragglers(core, parts)
        notes.extend(package_notes)
        parts, sole_notes = follow_sole_users(core, parts)
        notes.extend(sole_notes)
        parts, loader_notes = loaders_follow_their_data(core, parts)
        notes.extend(loader_notes)
        parts, store_notes = place_stores(core, parts)
        notes.extend(store_notes)
        parts, entity_notes = entities_follow_stores(core, parts)
        notes.extend(entity_notes)
        parts, provider_notes = split_providers(core, parts)
        notes.extend(provider_notes)
        parts, piece_notes = split_disconnected(core, parts)
        notes.extend(piece_notes)
        parts, fronts_notes = join_fronts_to_logic(core, parts)
        notes.extend(fronts_notes)
    parts, unreferenced = attach_orphans(core, parts)
    if algorithm in HAS_RESOLUTION:
        parts, adapter_notes = join_inbound_adapters(core, parts)
        notes.extend(adapter_notes)
        parts, satellite_notes = join_satellites(core, parts)
        notes.extend(satellite_notes)
    late = sorted(set(kernel_after) & set(core))
    if late and services is not None:  # set aside before the count is fitted, so it holds
        core, parts = _set_aside(core, parts, late)
    if algorithm in HAS_RESOLUTION and services is not None:
        parts, fit_note = fit_count(
            core, parts, services, lambda prepared, r: ALGORITHMS[algorithm](prepared, seed, r)
        )
        notes.append(fit_note)
    if unreferenced:
        notes.append(
            f"{len(unreferenced)} table(s) are read or written by no class and tied to no "
            "service by a foreign key: listed as unreferenced, owned by no service"
        )
    parts = separate(core, rejoin(parts, groups), constraints)
    if services is not None and count_services(parts) > services:
        parts = merge_down(core, parts, services, constraints)
    emptied = 0
    if late and services is None:  # before the count below, which it may lower
        before = count_services(parts)
        core, parts = _set_aside(core, parts, late)
        emptied = before - count_services(parts)
    if points and services is None:
        swept = next((p.services for p in points if p.resolution == resolution), None)
        final = count_services(parts)
        if swept is not None and final != swept:
            notes.append(
                f"{final} services in the end (the sweep's best run at that resolution "
                f"gave {swept}): consensus ({RUNS} runs at {len(SCALES)} resolutions, {ROUNDS} "
                "rounds), package joins, tiny services, logic joining its data, domain models "
                "joining their front, catch-all splits, adapters and satellites joining the "
                "service they serve and classes without ties change the count"
            )
    if late:
        notes.append(
            f"{len(late)} shared-kernel class(es) set aside after clustering"
            + (f"; {emptied} service(s) made only of them dropped" if emptied else "")
        )
    q = Prepared(core).modularity(parts)
    clusters = list(name_clusters(core, parts))
    if kernel_nodes or late:
        members = tuple(sorted([*kernel_nodes, *late]))
        clusters.append(Cluster(KERNEL_ID, "shared-kernel", members, kernel=True))
    if kernel_nodes:
        notes.append(f"{len(kernel_nodes)} shared-kernel class(es) set aside before clustering")
    return Decomposition(
        algorithm, seed, resolution, tuple(clusters), q, tuple(notes), points, tuple(unreferenced)
    )


def move_to_kernel(
    decomposition: Decomposition, classes: Iterable[str], core: nx.Graph, note: str
) -> Decomposition:
    """``decomposition`` with ``classes`` moved from their services into the shared kernel
    (made if there was none) and ``note`` added, each service keeping its id and name;
    ``core`` is the clustering graph without the kernel found before clustering. A service
    left with no class is dropped: its tables join the service or kernel most tied to them
    (the kernel when the classes that moved keep them), else are listed as unreferenced. The
    modularity is computed again without the kernel."""
    taken = set(classes) & {m for c in decomposition.clusters if not c.kernel for m in c.members}
    if not taken:
        return decomposition
    kept: list[Cluster] = []
    kernel: set[str] = set()
    orphans: Partition = []
    dropped = 0
    for c in decomposition.clusters:
        rest = {m for m in c.members if m not in taken}
        if c.kernel:
            kernel |= set(c.members)
        elif any(not is_table(m) for m in rest) or rest == set(c.members):
            kept.append(c)  # (a service of tables alone that lost nothing stays as it was)
        else:
            dropped += 1
            orphans.extend({t} for t in sorted(rest))
    kernel |= taken
    parts = [{m for m in c.members if m not in taken} for c in kept]
    unreferenced = [t for group in orphans for t in group if t not in core]
    orphans = [group for group in orphans if group <= set(core)]
    unreferenced += join_orphans(core, [*parts, kernel], orphans)
    clusters = [replace(c, members=tuple(sorted(p))) for c, p in zip(kept, parts, strict=True)]
    clusters.append(Cluster(KERNEL_ID, "shared-kernel", tuple(sorted(kernel)), kernel=True))
    graph = core.subgraph(n for n in core if n not in kernel)
    notes = [note]
    if dropped:
        notes.append(f"{dropped} service(s) left without classes were dropped")
    return replace(
        decomposition,
        clusters=tuple(clusters),
        modularity=Prepared(graph).modularity(parts),
        notes=(*decomposition.notes, *notes),
        unreferenced_tables=tuple(sorted({*decomposition.unreferenced_tables, *unreferenced})),
    )


def _set_aside(
    core: nx.Graph, parts: Partition, late: Sequence[str]
) -> tuple[nx.Graph, Partition]:
    """``core`` and ``parts`` without the kernel classes set aside after clustering."""
    core = core.copy()
    core.remove_nodes_from(late)
    gone = set(late)
    return core, [kept for p in parts if (kept := p - gone)]


class _Partitioner:
    """Runs one algorithm on the connected part of a graph; picklable for parallel sweeps."""

    def __init__(self, algorithm: str, seed: int, graph: nx.Graph) -> None:
        self.algorithm, self.seed = algorithm, seed
        self.tries = TRIES if algorithm in RANDOMISED else 1
        self.prepared = Prepared(graph, (n for n in graph if graph.degree(n) > 0))

    def __call__(self, resolution: float, attempt: int = 0) -> Partition:
        if not self.prepared.nodes:
            return []
        seed = self.seed + ATTEMPT_SEEDS * attempt
        return ALGORITHMS[self.algorithm](self.prepared, seed, resolution)


def _merge_communities(
    graph: nx.Graph, partition: object, wanted: int, algorithm: str
) -> tuple[Partition, str]:
    """An algorithm without a resolution: its communities, merged down to ``wanted``."""
    assert callable(partition)
    parts: Partition = partition(1.0)
    found = count_services(parts)
    if found > wanted:
        merged = merge_down(graph, parts, wanted)
        return merged, f"merged {algorithm} communities down to {wanted} services"
    return parts, f"{algorithm} found {found} services; it has no resolution to reach {wanted}"


def _place_isolated(graph: nx.Graph, parts: Sequence[set[str]]) -> Partition:
    """Classes left out of clustering (no edges) join the service holding most of their
    package, else of their feature package; the rest become singletons for
    :func:`~msadecomp.decompose.refine.attach_orphans`."""
    placed = {n for p in parts for n in p}

    def keys(n: str) -> tuple[str, str]:
        package = str(graph.nodes[n].get("package", ""))
        return package, "feature:" + feature_package(package)

    votes: dict[str, Counter[int]] = defaultdict(Counter)
    for i, p in enumerate(parts):
        for n in p:
            if not is_table(n):
                for key in keys(n):
                    votes[key][i] += 1
    out = [set(p) for p in parts]
    for n in sorted(set(graph) - placed):
        found = None if is_table(n) else next((votes[k] for k in keys(n) if k in votes), None)
        if found:
            out[min(found, key=lambda i: (-found[i], i))].add(n)
        else:
            out.append({n})
    return out


__all__ = ["Cluster", "Constraints", "Decomposition", "decompose", "move_to_kernel"]

"""Clean-up steps that split services: catch-alls along a clean cut, shared providers out of
the service using them, and services of pieces with no tie between them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

import networkx as nx

from msadecomp.decompose.algorithms import Partition, Prepared
from msadecomp.decompose.refine.parts import (
    MIN_PART,
    WIRING,
    class_count,
    join_parts,
    listing,
    package_key,
    shared_prefix,
    strongest,
    ties_to,
)
from msadecomp.graph import USERS, is_table
from msadecomp.graph.structure import layer_first, root_package

CATCH_ALL_SHARE = 0.15
"""A service above this share of all classes ..."""
CATCH_ALL_MEDIAN_FACTOR = 2.5
"""... and this many times the median service size ..."""
CATCH_ALL_MIN_CLASSES = 40
"""... and with at least this many classes is re-clustered on its own."""
CLEAN_CUT = 0.3
"""Modularity the re-clustering must reach inside the service for the split to be kept."""


def split_catch_alls(
    graph: nx.Graph,
    parts: Partition,
    cluster: Callable[[Prepared], Partition],
    keep: Sequence[set[str]] = (),
) -> tuple[Partition, list[str]]:
    """Re-cluster disproportionate services; returns the parts and a note per split. Services
    holding one of ``keep`` (a package joined on purpose) are left whole."""
    total = sum(class_count(p) for p in parts)
    sizes = sorted(class_count(p) for p in parts)
    if total == 0 or len(sizes) < 2:
        return parts, []
    median = sizes[len(sizes) // 2]
    out: Partition = []
    notes: list[str] = []
    for part in parts:
        n = class_count(part)
        big = (
            not any(kept <= part for kept in keep)
            and n > CATCH_ALL_SHARE * total
            and n > CATCH_ALL_MEDIAN_FACTOR * median
            and n >= CATCH_ALL_MIN_CLASSES
        )
        pieces = _clean_cut(graph.subgraph(part).copy(), cluster) if big else None
        if pieces is None:
            out.append(part)
            continue
        out.extend(pieces)
        notes.append(
            f"a service of {n} classes ({n / total:.0%} of all) was clustered again on its own "
            f"and split into {len(pieces)} along a clean cut"
        )
    return out, notes


def _clean_cut(sub: nx.Graph, cluster: Callable[[Prepared], Partition]) -> Partition | None:
    prepared = Prepared(sub, (n for n in sub if sub.degree(n) > 0))
    pieces = [set(p) for p in cluster(prepared)]
    placed = set().union(*pieces) if pieces else set()
    pieces = _merge_small([*pieces, *({n} for n in sorted(set(sub) - placed))], sub)
    if len(pieces) < 2 or prepared.modularity(pieces) < CLEAN_CUT:
        return None
    return pieces


def _merge_small(pieces: Partition, graph: nx.Graph) -> Partition:
    pieces = sorted((p for p in pieces if p), key=lambda p: (-class_count(p), min(p)))
    while True:
        small = [i for i, p in enumerate(pieces) if class_count(p) < MIN_PART]
        if not small or len(pieces) < 2:
            return pieces
        i = small[-1]
        index = {n: j for j, p in enumerate(pieces) if j != i for n in p}
        ties = ties_to(graph, pieces[i], index)
        j = strongest(ties) if ties else 0 if i else 1
        pieces[j] |= pieces[i]
        del pieces[i]


PROVIDER_USERS = 3
"""A shared provider is used from at least this many other services."""


def split_providers(graph: nx.Graph, parts: Partition) -> tuple[Partition, list[str]]:
    """The classes of one feature package inside a service of other packages become a service
    of their own when they are a shared provider: they handle requests, keep a table no other
    class of the service uses, use nothing else of the service while it uses them, and classes
    of ``PROVIDER_USERS`` other services use them too. eGovFrame's file attachments (its file
    service, DAO, download and upload controllers and ``COMTNFILE``) sat with the banner, FAQ and
    news screens they had tied together, and are a generic service. A service keeps
    ``MIN_PART`` classes; root and layer-first packages name no provider."""
    users: dict[str, set[str]] = graph.graph.get(USERS, {})
    root = root_package(str(graph.nodes[n].get("package", "")) for n in graph if not is_table(n))
    pieces = [set(p) for p in parts]
    index = {n: i for i, p in enumerate(pieces) for n in p}
    notes: list[str] = []
    for i, part in enumerate(list(pieces)):
        by_package: dict[str, set[str]] = defaultdict(set)
        for n in part:
            if not is_table(n):
                by_package[package_key(graph, n)].add(n)
        for package, group in sorted(by_package.items()):
            rest = {n for n in part if not is_table(n)} - group
            if (
                package == root
                or layer_first(package, root)
                or len(group) < MIN_PART
                or len(rest) < MIN_PART
                or not any(graph.nodes[n].get("handler") for n in group)
                or any(u in group for m in rest for u in users.get(m, ()))  # uses the rest
                or not any(u in rest for n in group for u in users.get(n, ()))
            ):
                continue
            elsewhere = {
                index[u]
                for n in group
                for u in users.get(n, ())
                if index.get(u, i) != i and not WIRING.search(u.rpartition(".")[2])
            }
            own = {
                t
                for n in group
                for t in graph[n]
                if is_table(t)
                and all(m in group for m in graph[t] if not is_table(m) and m in part)
            }
            if len(elsewhere) < PROVIDER_USERS or not own:
                continue
            moved = group | (own & part)
            part -= moved
            pieces.append(moved)
            for n in moved:
                index[n] = len(pieces) - 1
            shown = listing(sorted(n.rpartition(".")[2] for n in group))
            notes.append(
                f"a shared provider used by {len(elsewhere)} other services left the service "
                f"that uses it, as a service of its own: {shown} (package {package})"
            )
    return [p for p in pieces if p], notes


def split_disconnected(graph: nx.Graph, parts: Partition) -> tuple[Partition, list[str]]:
    """A service whose classes fall into pieces with no tie at all between them is split: each
    piece of at least ``MIN_PART`` classes becomes a service, and a smaller piece goes with the
    one sharing the longest package prefix. eGovFrame's banner, FAQ, news and diary screens had
    been tied together only by the file attachments that :func:`split_providers` took away.

    A piece with nothing of its own (no table, no request handler) that is tied more to one
    other service than within itself joins that service instead: RuoYi-Vue-Plus's workflow
    request objects (``WfCategoryBo``, ``WfFormManageBo``), which a catch-all split had left
    with the web configuration, belong with the workflow service whose controllers take them."""
    out: Partition = []
    notes: list[str] = []
    made: list[set[str]] = []
    for part in parts:
        pieces = sorted(
            (set(c) for c in nx.connected_components(graph.subgraph(part))),
            key=lambda c: (-class_count(c), min(c)),
        )
        whole = [c for c in pieces if class_count(c) >= MIN_PART]
        if len(whole) < 2:
            out.append(set(part))  # a copy: a loose piece may join it
            continue
        for piece in pieces[len(whole) :]:
            packages = [str(graph.nodes[n].get("package", "")) for n in piece if not is_table(n)]
            prefix = [sum(shared_prefix(p, w, graph) for p in packages) for w in whole]
            whole[prefix.index(max(prefix))] |= piece
        out.extend(whole)
        made.extend(whole)
        sizes = ", ".join(str(class_count(w)) for w in whole)
        shown = listing(min(n.rpartition(".")[2] for n in w if not is_table(n)) for w in whole)
        notes.append(
            f"a service of {class_count(part)} classes made of pieces with no tie between them "
            f"was split into {len(whole)} services of {sizes} classes: the pieces of {shown}"
        )
    joined = _join_loose_pieces(graph, out, made)
    if joined:
        notes.append(
            f"{len(joined)} such piece(s) with no table or request handler of their own, tied "
            f"more to another service than within, joined it: the pieces of {listing(joined)}"
        )
    return [p for p in out if p], notes


def _join_loose_pieces(graph: nx.Graph, parts: Partition, pieces: list[set[str]]) -> list[str]:
    """Moves each loose piece of ``pieces`` (see :func:`split_disconnected`) into the part of
    ``parts`` it is most tied to, in place; returns the pieces' smallest class names."""
    index = {n: j for j, p in enumerate(parts) for n in p}
    joined: list[str] = []
    for piece in pieces:
        if not piece or any(is_table(n) or graph.nodes[n].get("handler") for n in piece):
            continue
        own = index[next(iter(piece))]
        ties = ties_to(graph, piece, index)
        ties.pop(own, None)
        within = sum(d.get("weight", 1.0) for _, _, d in graph.subgraph(piece).edges(data=True))
        if not ties:
            continue
        j = strongest(ties)
        if ties[j] > within:
            joined.append(min(n.rpartition(".")[2] for n in piece))
            join_parts(parts, index, own, j)
    return joined

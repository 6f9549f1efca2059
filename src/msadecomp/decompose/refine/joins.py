"""Clean-up steps that join whole services: orphan tables and lone classes, package fragments,
tiny services and fronts, inbound adapters and satellites."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from msadecomp.decompose.algorithms import Partition
from msadecomp.decompose.naming import common_prefix
from msadecomp.decompose.refine.parts import (
    MIN_PART,
    WIRING,
    class_count,
    join_parts,
    package_key,
    shared_prefix,
    strongest,
    ties_to,
)
from msadecomp.graph import PLACEMENT_TIES, SEED_DATA, USERS, is_table
from msadecomp.graph.structure import layer_first, root_package


def attach_orphans(graph: nx.Graph, parts: Partition) -> tuple[Partition, list[str]]:
    """Returns the parts, every one holding a class, and the unreferenced tables."""
    services = [set(p) for p in parts if class_count(p)]
    index = {n: i for i, p in enumerate(services) for n in p}  # before any table joins
    lone = [i for i, p in enumerate(services) if len(p) == 1 and not ties_to(graph, p, index)]
    unreferenced = join_orphans(graph, services, [set(p) for p in parts if not class_count(p)])
    if len(services) > len(lone):
        index = {n: i for i, p in enumerate(services) for n in p}
        for i in lone:
            if len(services[i]) != 1:  # it took a table tied to it: a service with data
                continue
            (node,) = services[i]
            ties = Counter(
                {j: w for j, w in ties_to(graph, {node}, index).items() if j not in lone}
            )
            package = str(graph.nodes[node].get("package", ""))
            best = (
                strongest(ties)
                if ties
                else max(  # the service of its table, else by package
                    (j for j in range(len(services)) if j not in lone),
                    key=lambda j: (shared_prefix(package, services[j], graph), -j),
                )
            )
            services[best].add(node)
            services[i] = set()
    return [p for p in services if p], unreferenced


def join_orphans(graph: nx.Graph, services: Partition, orphans: Partition) -> list[str]:
    """Each group of ``orphans`` joins the part of ``services`` (changed in place) it is most
    tied to (foreign keys, else the placement ties of ID generators writing a sequence table
    for its classes), again while any joins: a table tied only to another orphan table
    follows it. Returns the nodes of the groups tied to none, sorted."""
    index = {n: i for i, p in enumerate(services) for n in p}
    placement: Counter[tuple[str, str]] = graph.graph.get(PLACEMENT_TIES, Counter())
    while orphans:
        left: Partition = []
        for group in orphans:
            ties = ties_to(graph, group, index)
            if not ties:  # a sequence table only generator beans write: with most of its writers
                for (node, table), weight in placement.items():
                    if table in group and node in index:
                        ties[index[node]] += weight
            if ties:
                j = strongest(ties)
                services[j] |= group
                index.update(dict.fromkeys(group, j))
            else:
                left.append(group)
        if len(left) == len(orphans):
            break
        orphans = left
    return sorted(n for group in orphans for n in group)


FRAGMENT_SHARE = 0.51
"""A service whose classes are mostly (this share) one feature package is that package's."""


def join_package_fragments(
    graph: nx.Graph, parts: Partition
) -> tuple[Partition, list[str], Partition]:
    """Services that each belong to one feature package (``FRAGMENT_SHARE`` of their classes)
    and share that package are joined: modularity splits a large package whose classes barely
    call each other (DayTrader's 43 ``web.prims`` Ping servlets) along arbitrary lines.
    Only the package's classes join; a fragment's other classes stay together as a service
    of their own. Technical sub-packages count as their parent (``web.prims.ejb3``).
    Returns the parts, a note per join and the joined services (no catch-all to split)."""
    classes = [n for n in graph if not is_table(n)]
    root = root_package(str(graph.nodes[n].get("package", "")) for n in classes)
    # the packages every class shares (a few strays aside: see common_prefix): on a small app
    # the root can be its main feature
    # (eGovFrame's sample: six of ten classes in ``example.sample``, four in ``example.cmmn``)
    top = ".".join(common_prefix(str(graph.nodes[n].get("package", "")) for n in classes))

    def key(n: str) -> str:
        return package_key(graph, n)

    owner: dict[str, list[int]] = {}
    for i, part in enumerate(parts):
        packages = Counter(key(n) for n in part if not is_table(n))
        if not packages:
            continue
        package, n = packages.most_common(1)[0]
        if (
            (package.startswith(top + ".") if top else bool(package))
            and n >= FRAGMENT_SHARE * sum(packages.values())
            and not layer_first(package, root)
        ):
            owner.setdefault(package, []).append(i)
    joined = {i: min(ids) for ids in owner.values() if len(ids) > 1 for i in ids}
    if not joined:
        return parts, [], []
    package_of = {i: package for package, ids in owner.items() for i in ids}
    out: dict[int, set[str]] = {}
    rest: Partition = []  # the other classes of a fragment stay together, apart
    for i, part in enumerate(parts):
        if i not in joined:
            out.setdefault(i, set()).update(part)
            continue
        mine = {n for n in part if not is_table(n) and key(n) == package_of[i]}
        other = part - mine
        if any(not is_table(n) for n in other):
            rest.append(other)
            other = set()
        out.setdefault(joined[i], set()).update(mine | other)
    notes = [
        f"{len(ids)} services mostly made of package {package} gave its classes to one service"
        for package, ids in sorted(owner.items())
        if len(ids) > 1
    ]
    return [*out.values(), *rest], notes, [out[i] for i in sorted(set(joined.values()))]


FRONT_PART = 5
"""A service of fewer classes with nothing of its own (a front or helpers) is no service."""
DOMAIN_LAYERS = frozenset({"service", "persistence", "model"})
HELPER_PACKAGES = frozenset(
    {"jdbc", "jpa", "hibernate", "mybatis", "ibatis", "util", "utils", "helper", "helpers"}
    | {"support"}
)
"""Packages of store plumbing and utilities (not the layer packages of a layer-first layout:
``domain`` or ``web.actions`` hold features)."""


def _adjunct(graph: nx.Graph, part: set[str]) -> bool:
    """A few classes with nothing of their own: no table, and either endpoints with their
    request/response classes but no service, store or model class (AcmeAir's ``FlightsREST``
    with ``TripFlightOptions`` and ``TripLegInfo``: an API cut off the domain it serves), or
    helpers in store or utility packages (``HELPER_PACKAGES``) with no endpoint, service or
    entity (PetClinic's
    ``repository.jdbc`` ``JdbcPet``, ``JdbcPetRowMapper``, ``JdbcPetVisitExtractor``: plumbing
    of the store they serve)."""
    if not 0 < class_count(part) < FRONT_PART or any(is_table(n) for n in part):
        return False
    layers = {graph.nodes[n].get("layer") for n in part}
    if "web" in layers:
        return not layers & DOMAIN_LAYERS
    return "service" not in layers and all(
        graph.nodes[n].get("stereotype") != "entity"
        and str(graph.nodes[n].get("package", "")).rpartition(".")[2].lower() in HELPER_PACKAGES
        for n in part
        if not is_table(n)
    )


def absorb_tiny(graph: nx.Graph, parts: Partition) -> tuple[Partition, list[str]]:
    """Services of fewer than ``MIN_PART`` classes, and fronts and helpers with nothing of their
    own (see :func:`_adjunct`), join
    the service they are most strongly tied to (an interface and its implementation, a key
    class and its entity, an API and the service it calls); untied ones stay."""
    pieces = sorted((set(p) for p in parts if p), key=lambda p: (-class_count(p), min(p)))
    moved = 0
    for i in reversed(range(len(pieces))):
        if not (0 < class_count(pieces[i]) < MIN_PART or _adjunct(graph, pieces[i])):
            continue
        index = {n: j for j, p in enumerate(pieces) if j != i and class_count(p) for n in p}
        ties = ties_to(graph, pieces[i], index)
        if ties:
            j = strongest(ties)
            pieces[j] |= pieces[i]
            pieces[i] = set()
            moved += 1
    note = (
        f"{moved} service(s) of fewer than {MIN_PART} classes, or with nothing of their own "
        "(only endpoints, or only helpers, and no table), joined the service most tied to them"
    )
    return [p for p in pieces if p], [note] if moved else []


ADAPTER_SHARE = 0.6
"""An inbound adapter has this share of its ties to the service it serves."""


def join_inbound_adapters(graph: nx.Graph, parts: Partition) -> tuple[Partition, list[str]]:
    """A service that owns no table, handles no request and that no other service uses
    (wiring left out), whose ties go mostly (``ADAPTER_SHARE``) to one other service that it
    uses, is an inbound adapter of that service and joins it: cargotracker's batch import of
    handling-event files (a directory scanner, a reader, a writer and their listeners) hands
    registration attempts to the handling context; it only borrows the tracking id, location
    and voyage value objects. Run after :func:`attach_orphans`, so a service's tables are its
    own by then."""
    users: dict[str, set[str]] = graph.graph.get(USERS, {})
    uses: dict[str, set[str]] = {}
    for used, by in users.items():
        for u in by:
            if u in graph and not WIRING.search(u.rpartition(".")[2]):
                uses.setdefault(u, set()).add(used)
    pieces = [set(p) for p in parts]
    index = {n: i for i, p in enumerate(pieces) for n in p}
    notes: list[str] = []
    for i, part in enumerate(pieces):
        if not part or any(
            is_table(n) or graph.nodes[n].get("handler") for n in part if n in graph
        ):
            continue
        if any(index.get(m, i) != i for n in part for m in users.get(n, ()) if m in uses):
            continue  # used from elsewhere: a service of its own
        ties = ties_to(graph, part, index)
        ties.pop(i, None)
        if not ties:
            continue
        j = strongest(ties)
        served = {index.get(m) for n in part for m in uses.get(n, ())}
        if j not in served or ties[j] < ADAPTER_SHARE * sum(ties.values()):
            continue
        served_class = min(m for n in part for m in uses.get(n, ()) if index.get(m) == j)
        shown = join_parts(pieces, index, i, j)
        notes.append(
            "an inbound adapter no other service uses joined the service of "
            f"{served_class.rpartition('.')[2]}, which it serves: {shown}"
        )
    return [p for p in pieces if p], notes


SATELLITE_CLASSES = 5
"""A satellite service has at most this many classes."""


def join_satellites(graph: nx.Graph, parts: Partition) -> tuple[Partition, list[str]]:
    """A small service (``SATELLITE_CLASSES``) with tables of its own and no request handler,
    all of whose users sit in one other service, joins it: AcmeAir's airport-code mapping (an
    entity, its store and table) only the flight service reads."""
    users: dict[str, set[str]] = graph.graph.get(USERS, {})
    pieces = [set(p) for p in parts]
    index = {n: i for i, p in enumerate(pieces) for n in p}
    notes: list[str] = []
    for i, part in enumerate(pieces):
        classes = [n for n in part if not is_table(n)]
        if not classes or len(classes) > SATELLITE_CLASSES or len(classes) == len(part):
            continue
        if any(graph.nodes[n].get("handler") for n in classes if n in graph):
            continue
        outside = {
            index[m]
            for n in classes
            for m in users.get(n, ())
            if m in index
            and index[m] != i
            and not WIRING.search(m.rpartition(".")[2])
            and not SEED_DATA.search(m.rpartition(".")[2])
        }
        if len(outside) != 1:
            continue
        (j,) = outside
        user = min(m for n in classes for m in users.get(n, ()) if index.get(m) == j)
        shown = join_parts(pieces, index, i, j)
        notes.append(
            f"a small service only the service of {user.rpartition('.')[2]} uses joined it: "
            f"{shown}"
        )
    return [p for p in pieces if p], notes

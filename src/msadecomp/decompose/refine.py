"""Clean-up after community detection: no orphan groups, no catch-all service.

* :func:`attach_orphans`: a group of tables that no class of its own reads or writes joins the
  service it is most strongly tied to (foreign keys, else the placement ties of ID generators
  writing a sequence table for its classes); tables tied to nothing are returned as
  *unreferenced* instead of forming a hidden table-only group. A lone class with no tie joins the
  service whose classes share the longest package prefix with it.
* :func:`join_package_fragments`: services that each belong to one feature package are joined.
* :func:`absorb_tiny`: services of one or two classes, and small fronts (endpoints without a
  service, store or table of their own), join the service most tied to them.
* :func:`join_logic_to_data`: a service of logic alone (no web class, handler, entity or table)
  that writes mostly one other service's entities joins it (DayTrader 7's trade session bean
  joins the account, order and holding entities it creates; DayTrader 3's trade facade, whose
  writes reach the session bean through its interface, joins the entities; no other of 28
  corpora changes at seed 42; at seeds 4 and 5 dddsample's handling application service joins
  the handling events).
* :func:`writers_follow_entities`: a class writing the tables of another service's entities
  (and none of its own service's) joins that service (DayTrader 7's JDBC ``TradeDirect``).
* :func:`join_domain_to_front`: a service holding a domain model and its tables but no web
  class (no endpoint or screen of its own) joins the front, a service of web classes that owns
  no table, whose classes write its data most (calls named ``store``, ``save``, ``create``...,
  sample-data loaders left out): the modularity sweep cut one context along its layers, the
  application half that changes the aggregates from the domain half that keeps them (dddsample's
  booking facade and its ``Cargo`` aggregate; FTGO's ``OrderService`` and ``Order``). A
  reference-data service only read (``Location``, ``Voyage``) stays apart. Five-seed class
  MoJoFM: dddsample 83.8 -> 85.3, cargotracker 80.2 -> 81.5, FTGO 91.6 -> 93.1; no corpus fell.
  A service that also holds a read-only front (screens showing the model, making no write
  call) gives only its domain part and keeps the screens: cargotracker's ``Cargo`` aggregate
  beside the tracking pages (81.5 -> 84.0).
* :func:`split_catch_alls`: a service holding a disproportionate share of the classes is
  clustered again on its own; when that finds a clean cut (sub-modularity at least
  ``CLEAN_CUT``), the service is replaced by the parts, and a note says so.
* :func:`gather_package_stragglers`: the few classes of a feature package that sit apart from
  the service holding seven in ten of them join that service.
* :func:`follow_sole_users`: a class whose users all sit in one other service joins it (view
  adapters, DTO converters and anti-corruption adapters that read another context's model but
  serve one front); tables, entities, stores, web classes and the logic of a service's own
  data stay. Five-seed class MoJoFM: dddsample 85.0 -> 93.8, cargotracker 84.0 -> 88.9, FTGO
  93.1 -> 94.1; no corpus fell.
* :func:`place_stores`: a store none of whose callers sit in its service joins its callers'
  service with its entity (JPetStore's ``ItemMapper`` and ``Item`` join the catalogue;
  five-seed mean of the truth corpora 90.23 -> 90.25).
* :func:`entities_follow_stores`: a model class whose stores all sit in one other service
  joins them (iBatis JPetStore 5's ``Item`` joins the catalogue of ``ItemDao``).
* :func:`split_providers`: a feature package inside a service of other packages that handles
  requests, keeps a table of its own and is used by that service and three others, without
  using the service, leaves it as a service of its own (eGovFrame's file attachments).
* :func:`split_disconnected`: a service whose classes fall into pieces with no tie between
  them (the screens a provider had tied together) becomes one service per piece of at least
  ``MIN_PART`` classes (eGovFrame's banner, FAQ, news and diary screens; of 29 corpora only
  the two eGovFrame common components and mall change).
* :func:`join_inbound_adapters`: a service without tables or request handlers that no other
  service uses joins the service it serves (cargotracker's batch file import joins handling:
  five-seed class MoJoFM 88.9 -> 90.1; no other corpus of 26 changed).
* :func:`join_satellites`: a small service with a table of its own and no request handler
  that only one other service uses joins it (AcmeAir's airport-code mapping joins flight; the
  truth corpora are unchanged).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

import networkx as nx

from msadecomp.decompose.algorithms import Partition, Prepared
from msadecomp.decompose.naming import common_prefix
from msadecomp.graph import (
    PLACEMENT_TIES,
    SEED_DATA,
    SUPERTYPES,
    TABLE_WRITES,
    USERS,
    WRITE_CALLS,
    is_table,
)
from msadecomp.graph.aggregates import stored_entities
from msadecomp.graph.structure import (
    TECHNICAL_SEGMENTS,
    feature_package,
    layer_first,
    root_package,
)

CATCH_ALL_SHARE = 0.15
"""A service above this share of all classes ..."""
CATCH_ALL_MEDIAN_FACTOR = 2.5
"""... and this many times the median service size ..."""
CATCH_ALL_MIN_CLASSES = 40
"""... and with at least this many classes is re-clustered on its own."""
CLEAN_CUT = 0.3
"""Modularity the re-clustering must reach inside the service for the split to be kept."""
MIN_PART = 3
"""Sub-parts with fewer classes join their most strongly tied sibling."""


def _classes(part: set[str]) -> int:
    return sum(1 for n in part if not is_table(n))


def _ties(graph: nx.Graph, part: set[str], index: dict[str, int]) -> Counter[int]:
    ties: Counter[int] = Counter()
    for n in part:
        for nb, data in graph[n].items():
            j = index.get(nb)
            if j is not None:
                ties[j] += data.get("weight", 1.0)
    return ties


def attach_orphans(graph: nx.Graph, parts: Partition) -> tuple[Partition, list[str]]:
    """Returns the parts, every one holding a class, and the unreferenced tables."""
    services = [set(p) for p in parts if _classes(p)]
    orphans = [set(p) for p in parts if not _classes(p)]
    unreferenced: list[str] = []
    index = {n: i for i, p in enumerate(services) for n in p}
    placement: Counter[tuple[str, str]] = graph.graph.get(PLACEMENT_TIES, Counter())
    for group in orphans:
        ties = _ties(graph, group, index)
        if not ties:  # a sequence table only generator beans write: with most of its writers
            for (node, table), weight in placement.items():
                if table in group and node in index:
                    ties[index[node]] += weight
        if ties:
            services[min(ties, key=lambda j: (-ties[j], j))] |= group
        else:
            unreferenced.extend(group)
    lone = [i for i, p in enumerate(services) if len(p) == 1 and not _ties(graph, p, index)]
    if len(services) > len(lone):
        for i in lone:
            (node,) = services[i]
            package = str(graph.nodes[node].get("package", ""))
            best = max(
                (j for j in range(len(services)) if j not in lone),
                key=lambda j: (_shared_prefix(package, services[j], graph), -j),
            )
            services[best].add(node)
            services[i] = set()
    return [p for p in services if p], sorted(unreferenced)


def _shared_prefix(package: str, part: set[str], graph: nx.Graph) -> int:
    mine = package.split(".")
    best = 0
    for n in part:
        theirs = str(graph.nodes[n].get("package", "")).split(".")
        k = 0
        while k < min(len(mine), len(theirs)) and mine[k] == theirs[k]:
            k += 1
        best = max(best, k)
    return best


def split_catch_alls(
    graph: nx.Graph,
    parts: Partition,
    cluster: Callable[[Prepared], Partition],
    keep: Sequence[set[str]] = (),
) -> tuple[Partition, list[str]]:
    """Re-cluster disproportionate services; returns the parts and a note per split. Services
    holding one of ``keep`` (a package joined on purpose) are left whole."""
    total = sum(_classes(p) for p in parts)
    sizes = sorted(_classes(p) for p in parts)
    if total == 0 or len(sizes) < 2:
        return parts, []
    median = sizes[len(sizes) // 2]
    out: Partition = []
    notes: list[str] = []
    for part in parts:
        n = _classes(part)
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
    pieces = sorted((p for p in pieces if p), key=lambda p: (-_classes(p), min(p)))
    while True:
        small = [i for i, p in enumerate(pieces) if _classes(p) < MIN_PART]
        if not small or len(pieces) < 2:
            return pieces
        i = small[-1]
        index = {n: j for j, p in enumerate(pieces) if j != i for n in p}
        ties = _ties(graph, pieces[i], index)
        j = min(ties, key=lambda k: (-ties[k], k)) if ties else 0 if i else 1
        pieces[j] |= pieces[i]
        del pieces[i]


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
    if not 0 < _classes(part) < FRONT_PART or any(is_table(n) for n in part):
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
    pieces = sorted((set(p) for p in parts if p), key=lambda p: (-_classes(p), min(p)))
    moved = 0
    for i in reversed(range(len(pieces))):
        if not (0 < _classes(pieces[i]) < MIN_PART or _adjunct(graph, pieces[i])):
            continue
        index = {n: j for j, p in enumerate(pieces) if j != i and _classes(p) for n in p}
        ties = _ties(graph, pieces[i], index)
        if ties:
            j = min(ties, key=lambda k: (-ties[k], k))
            pieces[j] |= pieces[i]
            pieces[i] = set()
            moved += 1
    note = (
        f"{moved} service(s) of fewer than {MIN_PART} classes, or with nothing of their own "
        "(only endpoints, or only helpers, and no table), joined the service most tied to them"
    )
    return [p for p in pieces if p], [note] if moved else []


def join_domain_to_front(
    graph: nx.Graph, parts: Partition, joined: Sequence[set[str]] = ()
) -> tuple[Partition, list[str]]:
    """A *domain* (tables, no web class) joins the *front* (web classes, no table) that
    writes its data most, when that front writes more than any other service; a front takes
    only the domain it writes most, so no front gathers a catch-all (see module docstring).
    A service that also holds a read-only front (its classes outside the domain part make no
    write call at all) gives only its domain part (:func:`_domain_part`) and keeps the rest.
    A front that is a package ``joined`` on purpose (:func:`join_package_fragments`) needs more
    than one write call: one of DayTrader 3's 32 Ping primitives writes the trade facade once,
    and had carried the trade entities into the primitives. Write calls come from
    ``graph.graph[WRITE_CALLS]``."""
    writes: Counter[tuple[str, str]] = graph.graph.get(WRITE_CALLS, Counter())
    if not writes:
        return parts, []
    pieces = [set(p) for p in parts]

    def web(part: set[str]) -> bool:
        return any(graph.nodes[n].get("layer") == "web" for n in part if not is_table(n))

    def tables(part: set[str]) -> bool:
        return any(is_table(n) for n in part)

    index = {n: i for i, p in enumerate(pieces) for n in p}
    fronts = {i for i, p in enumerate(pieces) if web(p) and not tables(p)}
    domains: dict[int, set[str]] = {}  # service -> the part of it a front may take
    for j, p in enumerate(pieces):
        if not _classes(p) or not tables(p):
            continue
        domain = _domain_part(graph, p, writes) if web(p) else set(p)
        if domain and not any(caller in p and caller not in domain for caller, _ in writes):
            domains[j] = domain
    into: dict[int, Counter[tuple[str, str]]] = {d: Counter() for d in domains}
    for (caller, callee), n in writes.items():
        d, i = index.get(callee), index.get(caller)
        if d in into and callee in domains[d] and i is not None and i != d:
            into[d][(caller, callee)] += n
    chosen: dict[int, tuple[int, int, int]] = {}  # front -> (writes, -domain, runner-up)
    for d in domains:
        writers: Counter[int] = Counter()
        for (caller, _), n in into[d].items():
            writers[index[caller]] += n
        ranked = [*writers.most_common(2), (-1, 0), (-1, 0)]
        (front, most), (_, second) = ranked[0], ranked[1]
        if (
            front in fronts
            and most > second
            and (most > 1 or not any(kept <= pieces[front] for kept in joined))
        ):
            chosen[front] = max(chosen.get(front, (0, 0, 0)), (most, -d, second))
    notes: list[str] = []
    for front, (most, minus_d, second) in sorted(chosen.items()):
        d = -minus_d
        caller, callee = min(
            (pair for pair in into[d] if index[pair[0]] == front),
            key=lambda pair: (-into[d][pair], pair),
        )
        domain, kept = domains[d], pieces[d] - domains[d]
        held = "a domain model and its tables" + (
            f", beside a read-only front of {_classes(kept)} classes that stays apart,"
            if kept
            else ", but no endpoint or screen,"
        )
        notes.append(
            f"{_classes(domain)} classes holding {held} joined the front that writes their data "
            f"most: {caller.rpartition('.')[2]} writes {callee.rpartition('.')[2]} "
            f"({most} write calls; no other service makes more than {second})"
        )
        pieces[front] |= domain
        pieces[d] = kept
    return [p for p in pieces if p], notes


LOGIC_SHARE = 0.6
"""Logic joins the data it writes when this share of its writes goes to one service."""


def join_logic_to_data(graph: nx.Graph, parts: Partition) -> tuple[Partition, list[str]]:
    """A service of logic alone (no web class, request handler, entity or table of its own)
    whose writes go mostly (``LOGIC_SHARE``) to one service holding tables or entities joins it:
    the modularity sweep cut DayTrader's trade session bean, which creates the accounts, orders
    and holdings, from the entities it changes. Writes are write calls and table writes; a
    table counts as the entity mapped to it, and a table no entity maps (plain JDBC) counts not
    at all, since the sweep leaves such tables wherever their strongest tie was; a write call
    to a type with subtypes reaches the classes implementing it, each an equal share
    (:func:`_implementations`: DayTrader 3's facade writes only its own ``TradeServices``, which
    the session bean implements beside the entities). Sample-data loaders write everything and
    are left out. Runs before :func:`join_domain_to_front`."""
    pieces = [set(p) for p in parts]
    index = {n: i for i, p in enumerate(pieces) for n in p}
    entity = {n for n in graph if graph.nodes[n].get("stereotype") == "entity"}
    writes: Counter[tuple[str, str]] = Counter(graph.graph.get(WRITE_CALLS, Counter()))
    writes.update(_entity_writes(graph, entity))
    holders = {i for i, p in enumerate(pieces) if any(is_table(n) or n in entity for n in p)}
    reached = _implementations(graph)
    notes: list[str] = []
    for i, part in enumerate(pieces):
        if (
            not part
            or i in holders
            or any(
                graph.nodes[n].get("layer") == "web"
                or graph.nodes[n].get("handler")
                or graph.nodes[n].get("stereotype") == "entity"
                for n in part
            )
        ):
            continue
        into: dict[int, float] = defaultdict(float)  # service -> writes reaching it
        for (caller, callee), n in writes.items():
            if caller not in part or SEED_DATA.search(caller.rpartition(".")[2]):
                continue
            targets = reached.get(callee, (callee,))
            for target in targets:
                j = index.get(target)
                if j not in (i, None):
                    into[j] += n / len(targets)
        if not into:
            continue
        j, most = min(into.items(), key=lambda item: (-item[1], item[0]))
        total = sum(into.values())
        if j not in holders or most < LOGIC_SHARE * total:
            continue
        shown = _join(pieces, index, i, j)
        notes.append(
            f"logic with no data of its own joined the service whose data it writes most "
            f"({most:.3g} of {total:.3g} writes): {shown}"
        )
    return [p for p in pieces if p], notes


def _entity_writes(graph: nx.Graph, entity: set[str]) -> Counter[tuple[str, str]]:
    """``(class, entity) -> writes`` of the tables mapped to an entity, by classes other than
    entities (of several entities mapped to one table, the first by name)."""
    table_writes: Counter[tuple[str, str]] = graph.graph.get(TABLE_WRITES, Counter())
    mapped = {table: n for (n, table) in sorted(table_writes, reverse=True) if n in entity}
    out: Counter[tuple[str, str]] = Counter()
    for (writer, table), n in table_writes.items():
        if writer not in entity and table in mapped:
            out[(writer, mapped[table])] += n
    return out


def writers_follow_entities(graph: nx.Graph, parts: Partition) -> tuple[Partition, list[str]]:
    """A class that is no web class, request handler or entity and writes the tables of two or
    more entities, none of them in its own service and most (``LOGIC_SHARE``) in one other,
    joins that one: DayTrader 7's ``TradeDirect``, the JDBC implementation of trading, writes
    the account, order and holding tables beside one quote table, and sat with the
    configuration servlet that builds the database through it. Runs after
    :func:`join_logic_to_data`."""
    entity = {n for n in graph if graph.nodes[n].get("stereotype") == "entity"}
    pieces = [set(p) for p in parts]
    index = {n: i for i, p in enumerate(pieces) for n in p}
    into: dict[str, Counter[int]] = defaultdict(Counter)
    written: Counter[str] = Counter()  # writer -> entities whose tables it writes
    for (writer, target), n in _entity_writes(graph, entity).items():
        if writer in index and target in index:
            into[writer][index[target]] += n
            written[writer] += 1
    moved: list[str] = []
    for writer, services in sorted(into.items()):
        i = index[writer]
        node = graph.nodes[writer]
        if node.get("layer") == "web" or node.get("handler") or services[i]:
            continue
        total = sum(services.values())
        j, most = min(services.items(), key=lambda item: (-item[1], item[0]))
        if written[writer] >= 2 and most >= LOGIC_SHARE * total and _classes(pieces[i]) > MIN_PART:
            _move(pieces, index, writer, j)
            moved.append(writer.rpartition(".")[2])
    note = f"classes writing the tables of another service's entities joined it: {_listing(moved)}"
    return [p for p in pieces if p], [note] if moved else []


def _implementations(graph: nx.Graph) -> dict[str, tuple[str, ...]]:
    """Type -> the classes a call on it reaches: its subtypes that have none of their own,
    through interfaces (DayTrader 3's ``TradeServices`` -> ``TradeSLSBLocal`` ->
    ``TradeSLSBBean``); types without subtypes are left out."""
    supertypes: dict[str, set[str]] = graph.graph.get(SUPERTYPES, {})
    subtypes: dict[str, set[str]] = defaultdict(set)
    for sub, sups in supertypes.items():
        for sup in sups:
            if sup != sub:
                subtypes[sup].add(sub)
    out: dict[str, tuple[str, ...]] = {}
    for top in subtypes:
        seen, stack, leaves = {top}, [top], set()
        while stack:
            for sub in subtypes.get(stack.pop(), ()):
                if sub in seen:
                    continue
                seen.add(sub)
                if sub in subtypes:
                    stack.append(sub)
                else:
                    leaves.add(sub)
        out[top] = tuple(sorted(leaves))
    return out


DOMAIN_PART_LAYERS = frozenset({"model", "persistence"})
"""Layers of a domain model's classes: entities and value objects, and their stores."""


def _domain_part(graph: nx.Graph, part: set[str], writes: Counter[tuple[str, str]]) -> set[str]:
    """The domain model inside a service that also has web classes: its tables, its entities
    and store classes (``model`` and ``persistence`` layers), and the classes of the packages
    holding what other services write (the aggregate's value objects, ``Itinerary`` beside
    ``Cargo``); never a web class. Empty when nothing of the service is written from outside."""
    written = {callee for caller, callee in writes if callee in part and caller not in part}
    if not written:
        return set()
    packages = {graph.nodes[n].get("package") for n in written}
    domain_class = {
        n
        for n in part
        if not is_table(n)
        and graph.nodes[n].get("layer") != "web"
        and (
            graph.nodes[n].get("layer") in DOMAIN_PART_LAYERS
            or graph.nodes[n].get("stereotype") == "entity"
            or graph.nodes[n].get("package") in packages
        )
    }
    return domain_class | {n for n in part if is_table(n)}


def _package_key(graph: nx.Graph, n: str) -> str:
    """A class's feature package, technical sub-packages counting as their parent
    (``web.prims.ejb3`` is part of ``web.prims``)."""
    segments = str(graph.nodes[n].get("package", "")).split(".")
    while len(segments) > 1 and segments[-1].lower() in TECHNICAL_SEGMENTS:
        segments.pop()
    return feature_package(".".join(segments))


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
    # the packages every class shares: on a small app the root can be its main feature
    # (eGovFrame's sample: six of ten classes in ``example.sample``, four in ``example.cmmn``)
    top = ".".join(common_prefix(str(graph.nodes[n].get("package", "")) for n in classes))

    def key(n: str) -> str:
        return _package_key(graph, n)

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


PACKAGE_HOME_SHARE = 0.7
"""A service holding this share of a feature package's classes is the package's home ..."""
PACKAGE_MIN_CLASSES = 5
"""... when the package has at least this many classes."""


def gather_package_stragglers(graph: nx.Graph, parts: Partition) -> tuple[Partition, list[str]]:
    """The classes of a feature package that sit apart from its home (the service holding
    ``PACKAGE_HOME_SHARE`` of them) join it: DayTrader's six websocket Ping primitives went
    with the websocket classes they talk to, away from the 47 other ``web.prims`` classes;
    FTGO's ``ConsumerNotFoundException`` sat with the order service that catches it. Classes
    reading or writing tables themselves stay with their data, layer-first packages
    (``shop.dao``) and the application's root package have no home, and a service keeps at
    least ``MIN_PART`` classes."""
    classes = [n for n in graph if not is_table(n)]
    root = root_package(str(graph.nodes[n].get("package", "")) for n in classes)
    pieces = [set(p) for p in parts]
    index = {n: i for i, p in enumerate(pieces) for n in p}
    by_package: dict[str, list[str]] = {}
    for n in sorted(classes):
        if n in index:
            by_package.setdefault(_package_key(graph, n), []).append(n)
    moved: list[tuple[str, str]] = []
    for package, members in sorted(by_package.items()):
        if len(members) < PACKAGE_MIN_CLASSES or package == root or layer_first(package, root):
            continue
        homes = Counter(index[n] for n in members)
        home, held = min(homes.items(), key=lambda kv: (-kv[1], kv[0]))
        if held == len(members) or held < PACKAGE_HOME_SHARE * len(members):
            continue
        for n in members:
            i = index[n]
            if i == home or _classes(pieces[i]) <= MIN_PART or any(is_table(m) for m in graph[n]):
                continue
            _move(pieces, index, n, home)
            moved.append((n, package))
    if not moved:
        return parts, []
    what = "1 class" if len(moved) == 1 else f"{len(moved)} classes"
    listed = _listing(f"{n.rpartition('.')[2]} ({package})" for n, package in moved)
    return [p for p in pieces if p], [
        f"{what} joined the service holding most of their package: {listed}"
    ]


def _listing(items: Iterable[str], shown: int = 3) -> str:
    """The first ``shown`` items and how many more: ``A, B, C and 4 more``."""
    items = list(items)
    more = f" and {len(items) - shown} more" if len(items) > shown else ""
    return ", ".join(items[:shown]) + more


HUB_USES = 30
"""A class using more classes than this (Roller's ``JPAWebloggerImpl``, holding every manager)
is a registry or a god class: being used by it says nothing about where a class belongs."""
WIRING = re.compile(
    r"(Config|Configuration|Configurer|Initializer|ApplicationContext|Application)$"
)
"""Class names of wiring: bootstrap and configuration classes create or inject everything."""
KEEPS_HOME = frozenset({"persistence"})
"""Layers whose classes stay with their data, whoever calls them (DAOs, repositories)."""
MOVE_ROUNDS = 5
"""Rounds of :func:`follow_sole_users`; chains (a DTO used by a converter) rarely need three."""


def _move(pieces: list[set[str]], index: dict[str, int], n: str, j: int) -> None:
    """Moves node ``n`` into service ``j``."""
    pieces[index[n]].discard(n)
    pieces[j].add(n)
    index[n] = j


def follow_sole_users(graph: nx.Graph, parts: Partition) -> tuple[Partition, list[str]]:
    """A class whose users all sit in one other service joins it: dddsample's
    ``CargoTrackingDTOConverter`` and ``CargoTrackingViewAdapter`` read the ``Cargo`` aggregate
    all over, which pulled them into booking, but only the tracking controllers use them; the
    ``ExternalRoutingService`` adapter calls the pathfinder, but only booking routes cargo
    through its ``RoutingService`` port. Users are the classes referring to, calling, creating
    or extending it, and those of the interfaces and base classes it implements (an
    implementation is used through them), their other subtypes included: a Struts or Stripes
    action whose siblings under one base class serve other features stays. Wiring
    (configuration, bootstrap classes), sample-data loaders and hubs using more than
    ``HUB_USES`` classes are no users.
    Classes that stay: tables, entities, persistence classes, classes reading or writing
    tables themselves, web classes (entry points the container calls), sample-data loaders
    (Plants' ``Populate``, which an admin servlet calls, stays with the other populate tools)
    and classes using a
    persistence class of their own service (the logic of its data); a service keeps at least
    ``MIN_PART`` classes. Moves repeat until none is left, so a DTO follows its converter.
    Uses come from ``graph.graph[USERS]`` and ``graph.graph[SUPERTYPES]``."""
    users: dict[str, set[str]] = graph.graph.get(USERS, {})
    supertypes: dict[str, set[str]] = graph.graph.get(SUPERTYPES, {})
    uses: dict[str, set[str]] = {}
    for used, by in users.items():
        for u in by:
            uses.setdefault(u, set()).add(used)
    pieces = [set(p) for p in parts]
    index = {n: i for i, p in enumerate(pieces) for n in p}

    def counts(u: str) -> bool:
        name = u.rpartition(".")[2]
        return (
            u in graph
            and len(uses.get(u, ())) <= HUB_USES
            and graph.nodes[u].get("stereotype") != "configuration"
            and not WIRING.search(name)
            and not SEED_DATA.search(name)
        )

    def stays(n: str) -> bool:
        data = graph.nodes[n]
        return (
            data.get("layer") in KEEPS_HOME | {"web"}
            or bool(SEED_DATA.search(n.rpartition(".")[2]))
            or data.get("stereotype") == "entity"
            or any(is_table(m) for m in graph[n])
            or any(
                index.get(m) == index[n] and graph.nodes[m].get("layer") in KEEPS_HOME
                for m in uses.get(n, ())
                if m in graph
            )
        )

    def sole_user(n: str) -> str | None:
        """A user of ``n`` when all its users sit in one service (stops at the second)."""
        found: str | None = None
        for group in (users.get(n, ()), *(users.get(t, ()) for t in supertypes.get(n, ()))):
            for u in group:
                if u == n or not counts(u):
                    continue
                if u not in index or (found is not None and index[u] != index[found]):
                    return None
                found = u if found is None else min(found, u)
        return found

    moved: list[tuple[str, str]] = []
    for _ in range(MOVE_ROUNDS):
        before = len(moved)
        for n in sorted(index):
            if is_table(n) or stays(n):
                continue
            user = sole_user(n)
            i = index[n]
            if user is None or index[user] == i or _classes(pieces[i]) <= MIN_PART:
                continue
            _move(pieces, index, n, index[user])
            moved.append((n, user))
        if len(moved) == before:
            break
    if not moved:
        return parts, []
    what = (
        "1 class joined the only service using it"
        if len(moved) == 1
        else f"{len(moved)} classes joined the only service using them"
    )
    listed = _listing(f"{n.rpartition('.')[2]} (used by {u.rpartition('.')[2]})" for n, u in moved)
    return [p for p in pieces if p], [f"{what}: {listed}"]


def _join(pieces: list[set[str]], index: dict[str, int], i: int, j: int) -> str:
    """Moves service ``i`` into service ``j``; returns the listing of the classes moved."""
    moved = pieces[i]
    pieces[j] |= moved
    for n in moved:
        index[n] = j
    pieces[i] = set()
    return _listing(sorted(n.rpartition(".")[2] for n in moved if not is_table(n)))


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
        ties = _ties(graph, part, index)
        ties.pop(i, None)
        if not ties:
            continue
        j = min(ties, key=lambda k: (-ties[k], k))
        served = {index.get(m) for n in part for m in uses.get(n, ())}
        if j not in served or ties[j] < ADAPTER_SHARE * sum(ties.values()):
            continue
        served_class = min(m for n in part for m in uses.get(n, ()) if index.get(m) == j)
        shown = _join(pieces, index, i, j)
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
        shown = _join(pieces, index, i, j)
        notes.append(
            f"a small service only the service of {user.rpartition('.')[2]} uses joined it: "
            f"{shown}"
        )
    return [p for p in pieces if p], notes


FACADE_SERVICES = 4
"""A class calling the stores of this many services is a facade over them, no store's home."""


def place_stores(graph: nx.Graph, parts: Partition) -> tuple[Partition, list[str]]:
    """A store (repository, DAO, mapper) none of whose callers sit in its service joins the
    service holding most of them (half or more of their tie weight), with the entity it stores
    and the tables only they use: JPetStore's ``ItemMapper`` is called by the catalogue and
    order services, never by the cart that holds ``Item`` in its line items. A store stays in a
    service without request handlers (reference data its readers do not own: cargotracker's
    locations), and a caller reaching the stores of ``FACADE_SERVICES`` services is a facade
    and no caller (Spring JPetStore's ``PetStoreImpl``). A service keeps ``MIN_PART`` classes."""
    users: dict[str, set[str]] = graph.graph.get(USERS, {})
    nodes = {n: graph.nodes[n] for n in graph if not is_table(n)}
    entities = stored_entities(nodes)
    pieces = [set(p) for p in parts]
    index = {n: i for i, p in enumerate(pieces) for n in p}
    reach: dict[str, set[int]] = {}  # per caller, the services of the stores it calls
    for store in entities.keys() & index.keys():
        for u in users.get(store, ()):
            reach.setdefault(u, set()).add(index[store])
    moved: list[str] = []
    for store in sorted(entities):
        i = index.get(store)
        if i is None or graph.nodes[store].get("layer") not in KEEPS_HOME:
            continue
        callers: dict[int, float] = defaultdict(float)
        for u in users.get(store, ()):
            if (
                u in index
                and u != entities[store]
                and not WIRING.search(u.rpartition(".")[2])
                and len(reach.get(u, ())) < FACADE_SERVICES
            ):
                callers[index[u]] += graph[u][store]["weight"] if graph.has_edge(u, store) else 0.0
        if not callers or i in callers:
            continue
        if not any(graph.nodes[n].get("handler") for n in pieces[i] if n in graph):
            continue  # no front of its own: the store's data is this service's (reference data)
        j = min(callers, key=lambda k: (-callers[k], k))
        if callers[j] * 2 < sum(callers.values()):
            continue
        group = {store}
        entity = entities[store]
        if index.get(entity) == i:
            group.add(entity)
        for n in list(group):
            for m in graph[n]:
                if (
                    is_table(m)
                    and index.get(m) == i
                    and all(x in group for x in graph[m] if not is_table(x) and index.get(x) == i)
                ):
                    group.add(m)
        if _classes(pieces[i]) - _classes(group) < MIN_PART:
            continue
        for n in group:
            _move(pieces, index, n, j)
        moved.append(store)
    if not moved:
        return parts, []
    listed = _listing(sorted(n.rpartition(".")[2] for n in moved))
    return [p for p in pieces if p], [
        f"stores no class of their service calls joined their callers: {listed}"
    ]


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
                by_package[_package_key(graph, n)].add(n)
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
            shown = _listing(sorted(n.rpartition(".")[2] for n in group))
            notes.append(
                f"a shared provider used by {len(elsewhere)} other services left the service "
                f"that uses it, as a service of its own: {shown} (package {package})"
            )
    return [p for p in pieces if p], notes


def split_disconnected(graph: nx.Graph, parts: Partition) -> tuple[Partition, list[str]]:
    """A service whose classes fall into pieces with no tie at all between them is split: each
    piece of at least ``MIN_PART`` classes becomes a service, and a smaller piece goes with the
    one sharing the longest package prefix. eGovFrame's banner, FAQ, news and diary screens had
    been tied together only by the file attachments that :func:`split_providers` took away."""
    out: Partition = []
    notes: list[str] = []
    for part in parts:
        pieces = sorted(
            (set(c) for c in nx.connected_components(graph.subgraph(part))),
            key=lambda c: (-_classes(c), min(c)),
        )
        whole = [c for c in pieces if _classes(c) >= MIN_PART]
        if len(whole) < 2:
            out.append(part)
            continue
        for piece in pieces[len(whole) :]:
            packages = [str(graph.nodes[n].get("package", "")) for n in piece if not is_table(n)]
            prefix = [sum(_shared_prefix(p, w, graph) for p in packages) for w in whole]
            whole[prefix.index(max(prefix))] |= piece
        out.extend(whole)
        sizes = ", ".join(str(_classes(w)) for w in whole)
        shown = _listing(min(n.rpartition(".")[2] for n in w if not is_table(n)) for w in whole)
        notes.append(
            f"a service of {_classes(part)} classes made of pieces with no tie between them was "
            f"split into {len(whole)} services of {sizes} classes: the pieces of {shown}"
        )
    return out, notes


def _keeps_data(graph: nx.Graph, store: str) -> bool:
    """A store class touches a table; a store interface has implementations that do."""
    return graph.nodes[store].get("type_kind") == "interface" or any(
        is_table(t) for t in graph[store]
    )


def entities_follow_stores(graph: nx.Graph, parts: Partition) -> tuple[Partition, list[str]]:
    """A model class whose stores (DAOs, mappers, repositories) all sit in one other service
    joins them: iBatis JPetStore 5's ``Item`` sat with the cart that holds items, while
    ``ItemDao``, ``ItemSqlMapDao`` and the ``ITEM`` table are the catalogue's; eGovFrame's
    ``LoginVO`` joins the login service of ``LoginDAO``. A store class must touch a table
    (Roller's ``WeblogRequestMapper`` maps URLs, not rows); JPA entities stay (their mapping
    places their table with them), as do annotations and enums named like a store's entity
    (litemall's ``Order`` validator) and a class whose service would keep fewer than
    ``MIN_PART`` classes. (A store named only by a generic prefix, eladmin's ``BaseMapper``,
    stores nothing: see :func:`~msadecomp.graph.aggregates.store_stem`.)"""
    nodes = {n: graph.nodes[n] for n in graph if not is_table(n)}
    homes: dict[str, set[str]] = defaultdict(set)
    for store, entity in stored_entities(nodes).items():
        homes[entity].add(store)
    pieces = [set(p) for p in parts]
    index = {n: i for i, p in enumerate(pieces) for n in p}
    moved: list[str] = []
    for entity, stores in sorted(homes.items()):
        i = index.get(entity)
        services = {index.get(s) for s in stores}
        if (
            i is None
            or len(services) != 1
            or i in services
            or nodes[entity].get("stereotype") == "entity"
            or nodes[entity].get("type_kind") != "class"  # an annotation or enum named alike
            or any(nodes[s].get("layer") != "persistence" for s in stores)
            or not any(_keeps_data(graph, s) for s in stores)
            or _classes(pieces[i]) - 1 < MIN_PART
        ):
            continue
        (j,) = services
        if j is None:
            continue
        _move(pieces, index, entity, j)
        moved.append(entity)
    if not moved:
        return parts, []
    listed = _listing(sorted(n.rpartition(".")[2] for n in moved))
    note = f"model classes joined the service of their stores: {listed}"
    return [p for p in pieces if p], [note]

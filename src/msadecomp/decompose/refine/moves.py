"""Clean-up steps that move single classes: package stragglers, classes used by one other
service, stores called from elsewhere and model classes whose stores sit in another service."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import networkx as nx

from msadecomp.decompose.algorithms import Partition
from msadecomp.decompose.refine.parts import (
    MIN_PART,
    WIRING,
    class_count,
    listing,
    move_to,
    package_key,
)
from msadecomp.graph import SEED_DATA, SUPERTYPES, USERS, is_table
from msadecomp.graph.aggregates import STORE_PREFIX, store_stem, stored_entities
from msadecomp.graph.structure import layer_first, root_package

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
            by_package.setdefault(package_key(graph, n), []).append(n)
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
            if (
                i == home
                or class_count(pieces[i]) <= MIN_PART
                or any(is_table(m) for m in graph[n])
            ):
                continue
            move_to(pieces, index, n, home)
            moved.append((n, package))
    return _moved(
        parts, pieces, moved, "class", "joined the service holding most of their package"
    )


def _moved(
    parts: Partition, pieces: list[set[str]], moved: list[tuple[str, str]], what: str, how: str
) -> tuple[Partition, list[str]]:
    """The services after ``moved`` (class, why) and one note: ``"3 classes joined X: A (why),
    B (why) and 1 more"``; ``what`` is the singular noun (``class``, ``loader``)."""
    if not moved:
        return parts, []
    count = (
        f"1 {what}"
        if len(moved) == 1
        else f"{len(moved)} {what}es"
        if what.endswith("s")
        else f"{len(moved)} {what}s"
    )
    listed = listing(f"{n.rpartition('.')[2]} ({why})" for n, why in moved)
    return [p for p in pieces if p], [f"{count} {how}: {listed}"]


HUB_USES = 30
"""A class using more classes than this (Roller's ``JPAWebloggerImpl``, holding every manager)
is a registry or a god class: being used by it says nothing about where a class belongs."""
KEEPS_HOME = frozenset({"persistence"})
"""Layers whose classes stay with their data, whoever calls them (DAOs, repositories)."""
MOVE_ROUNDS = 5
"""Rounds of :func:`follow_sole_users`; chains (a DTO used by a converter) rarely need three."""


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
            if user is None or index[user] == i or class_count(pieces[i]) <= MIN_PART:
                continue
            move_to(pieces, index, n, index[user])
            moved.append((n, user))
        if len(moved) == before:
            break
    how = "joined the only service using " + ("it" if len(moved) == 1 else "them")
    used_by = [(n, "used by " + u.rpartition(".")[2]) for n, u in moved]
    return _moved(parts, pieces, used_by, "class", how)


def loaders_follow_their_data(graph: nx.Graph, parts: Partition) -> tuple[Partition, list[str]]:
    """A sample-data loader using classes of one other service only (other loaders and wiring
    aside) fills that service's data and joins it: AcmeAir's ``BookingLoader``,
    ``CustomerLoader`` and ``FlightLoader`` each call one service, and each went with it in
    the microservice version; a loader filling several services' data (dddsample's
    ``SampleDataGenerator``, Plants' ``Populate``) and the one running them all (AcmeAir's
    ``Loader``) stay. Loaders are the classes of a package holding sample-data loaders only
    (``com.acmeair.loader``): a Velocity ``WebappResourceLoader`` among other rendering
    classes loads no data, nor does RuoYi-Vue-Plus's ``TestDemo`` feature. Uses come from
    ``graph.graph[USERS]``."""
    users: dict[str, set[str]] = graph.graph.get(USERS, {})
    pieces = [set(p) for p in parts]
    index = {n: i for i, p in enumerate(pieces) for n in p}
    by_package: dict[str, list[str]] = defaultdict(list)
    for n in index:
        if not is_table(n):
            by_package[str(graph.nodes[n].get("package", ""))].append(n)
    loaders = {
        n
        for members in by_package.values()
        if all(_loads_data(n) for n in members)
        for n in members
    }
    uses: dict[str, dict[int, str]] = defaultdict(dict)  # loader -> service -> a class used
    for used, by in sorted(users.items()):
        name = used.rpartition(".")[2]
        if used not in index or used in loaders or WIRING.search(name):
            continue
        for u in by & loaders:
            uses[u].setdefault(index[used], used)
    moved: list[tuple[str, str]] = []
    for n, homes in sorted(uses.items()):
        if len(homes) == 1 and (home := next(iter(homes))) != index[n]:
            move_to(pieces, index, n, home)
            moved.append((n, homes[home]))
    uses_note = [(n, "uses " + u.rpartition(".")[2]) for n, u in moved]
    how = "joined the only service whose data they load"
    return _moved(parts, pieces, uses_note, "sample-data loader", how)


def _loads_data(n: str) -> bool:
    """Named like sample-data code (:data:`SEED_DATA`) that loads data: a ``Sample``,
    ``Demo`` or ``Test`` class may be any feature's."""
    name = n.rpartition(".")[2]
    return bool(SEED_DATA.search(name)) and not name.startswith(("Sample", "Demo", "Test"))


FACADE_SERVICES = 4
"""A class calling the stores of this many services is a facade over them, no store's home
(unless it is named for the store's entity: see :func:`_named_for`)."""
LOGIC_SUFFIX = re.compile(r"(Service|Impl|Manager|Mgr|Facade|Logic|Biz|Bo|BO|Bean)+$")
"""Role words a class of logic ends with: ``ArticleServiceImpl`` is the logic of ``Article``."""


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
                and (len(reach.get(u, ())) < FACADE_SERVICES or _named_for(u, store))
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
        if class_count(pieces[i]) - class_count(group) < MIN_PART:
            continue
        for n in group:
            move_to(pieces, index, n, j)
        moved.append(store)
    if not moved:
        return parts, []
    listed = listing(sorted(n.rpartition(".")[2] for n in moved))
    return [p for p in pieces if p], [
        f"stores no class of their service calls joined their callers: {listed}"
    ]


def _named_for(caller: str, store: str) -> bool:
    """``caller`` is the logic of the entity ``store`` keeps: ForestBlog's
    ``ArticleServiceImpl`` calls the article, tag, comment, user and category mappers, but it is
    the article's own service, and ``ArticleMapper`` had left it for the user service."""
    stem = store_stem(store.rpartition(".")[2])
    label = caller.rpartition(".")[2]
    own = LOGIC_SUFFIX.sub("", STORE_PREFIX.sub("", label))
    return stem is not None and own != label and own == stem


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
            or class_count(pieces[i]) - 1 < MIN_PART
        ):
            continue
        (j,) = services
        if j is None:
            continue
        move_to(pieces, index, entity, j)
        moved.append(entity)
    if not moved:
        return parts, []
    listed = listing(sorted(n.rpartition(".")[2] for n in moved))
    note = f"model classes joined the service of their stores: {listed}"
    return [p for p in pieces if p], [note]

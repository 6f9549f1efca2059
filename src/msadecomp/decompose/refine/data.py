"""Clean-up steps that bring logic and its data together: logic without data joins the entities
it writes, classes writing another service's entity tables move there, and domain models join
the front that writes them."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

import networkx as nx

from msadecomp.decompose.algorithms import Partition
from msadecomp.decompose.refine.parts import (
    MIN_PART,
    class_count,
    join_parts,
    listing,
    move_to,
    strongest,
    ties_to,
)
from msadecomp.graph import SEED_DATA, SUPERTYPES, TABLE_WRITES, USERS, WRITE_CALLS, is_table


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
        if not class_count(p) or not tables(p):
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
            f", beside a read-only front of {class_count(kept)} classes that stays apart,"
            if kept
            else ", but no endpoint or screen,"
        )
        notes.append(
            f"{class_count(domain)} classes holding {held} joined the front that writes their "
            f"data most: {caller.rpartition('.')[2]} writes {callee.rpartition('.')[2]} "
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
        shown = join_parts(pieces, index, i, j)
        notes.append(
            f"logic with no data of its own joined the service whose data it writes most "
            f"({most:.3g} of {total:.3g} writes): {shown}"
        )
    return [p for p in pieces if p], notes


FRONT_SHARE = 0.6
"""A front joins the service holding this share of its ties."""


def join_fronts_to_logic(graph: nx.Graph, parts: Partition) -> tuple[Partition, list[str]]:
    """A front (request handlers with the classes clustering left with them: request and
    response objects, service interfaces, helpers, table nodes; but no entity, store or
    service implementation) most of whose ties (``FRONT_SHARE``) go to one service holding
    such logic or data joins it when it alone calls a service-layer class there: the
    clustering had cut RuoYi-Vue-Plus's tenant, dictionary and user controllers from the
    implementations, mappers and entities they serve, which sat together in one service of
    the system's data. A front spread over several services stays (a gateway or an
    administration front), and so does one calling logic that others call too. Every front
    is judged against the services as they were before any joined."""
    pieces = [set(p) for p in parts]
    index = {n: i for i, p in enumerate(pieces) for n in p}
    holders = {  # a store or an entity: the data's service (a table sits where its ties pulled)
        i
        for i, p in enumerate(pieces)
        for n in p
        if not is_table(n) and _own_logic_or_data(graph, n)
    }
    users: dict[str, set[str]] = graph.graph.get(USERS, {})
    joins: list[tuple[int, int, list[str]]] = []
    for i, part in enumerate(pieces):
        if not part or i in holders or not any(graph.nodes[n].get("handler") for n in part):
            continue
        ties = ties_to(graph, part, index)
        ties.pop(i, None)
        if not ties:
            continue
        j = strongest(ties)
        if j not in holders or ties[j] < FRONT_SHARE * sum(ties.values()):
            continue
        served = _served_alone(graph, part, pieces[j], users)
        if served:
            joins.append((i, j, served))
    notes: list[str] = []
    for i, j, served in joins:
        shown = join_parts(pieces, index, i, j)
        notes.append(
            f"a front joined the service whose logic it alone calls ({listing(served)}): {shown}"
        )
    return [p for p in pieces if p], notes


def _served_alone(
    graph: nx.Graph, front: set[str], logic: set[str], users: dict[str, set[str]]
) -> list[str]:
    """The service-layer classes of ``logic`` that the front uses and no class outside the
    two does: the logic behind the front's handlers (RuoYi-Vue-Plus's ``ISysTenantService``
    behind ``SysTenantController``). JPetStore's ``CatalogService``, which the cart and the
    order screens call too, is none."""
    return sorted(
        n.rpartition(".")[2]
        for n in logic
        if graph.nodes[n].get("layer") == "service"
        and (by := users.get(n, set()) - logic)
        and by <= front
    )


def _own_logic_or_data(graph: nx.Graph, n: str) -> bool:
    """An entity, a store or a service implementation: what a front does not hold."""
    node = graph.nodes[n]
    layer = str(node.get("layer"))
    return bool(
        node.get("stereotype") == "entity"
        or layer == "persistence"
        or (layer == "service" and node.get("type_kind") != "interface")
    )


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
        if (
            written[writer] >= 2
            and most >= LOGIC_SHARE * total
            and class_count(pieces[i]) > MIN_PART
        ):
            move_to(pieces, index, writer, j)
            moved.append(writer.rpartition(".")[2])
    note = f"classes writing the tables of another service's entities joined it: {listing(moved)}"
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

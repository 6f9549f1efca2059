"""Aggregates: which repository stores which entity, and which references cross aggregates.

Domain-driven code keeps each aggregate (a root entity with its value objects) behind its own
repository, and experts split services along aggregates. Two facts follow from names and
the dependency graph alone:

* a **repository** (``CargoRepository``, ``JpaCargoRepository``, ``CargoRepositoryJPA``,
  ``ItemMapper``, ``AccountDao``, ``BoardDAO``, outside the service layer ``CustomerMgr``)
  **stores** the entity its name stems from (``Cargo``, ``Item``, ``Account``, ``BoardVO``,
  ``Customer``); the store belongs with that entity, however many services call it.
  :func:`stored_entities` finds these pairs; the graph ties them with edges of kind
  ``stores``.
* an entity stored by a repository of its own is an **aggregate root**. A reference from
  another aggregate's domain class to a root (``HandlingEvent`` -> ``Cargo``, ``Leg`` ->
  ``Voyage``) is an association between aggregates, not composition: such edges are marked
  ``cross_aggregate`` and weigh ``Weights.cross_aggregate`` times their usual weight.

* the classes a root holds through fields, followed through non-root domain classes
  (``Cargo`` -> ``Itinerary`` -> ``Leg``), are its **parts**: :func:`aggregate_parts` finds
  them and the graph ties each to its root with an edge of kind ``composes``, so an aggregate
  is not cut apart between its entity and its value objects.

Domain classes are the stored entities, JPA entities, model-layer classes (``*VO``, ``*DTO``)
and the classes a root holds as fields, followed through non-root classes (``Itinerary``,
``Delivery``) but never into web, service or persistence classes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

STORE_SUFFIX = re.compile(
    r"(Repository|Repo|Dao|DAO|Mapper|Store|Manager|Mgr)"
    r"(Impl|JPA|Jpa|Hibernate|Jdbc|JDBC|Bean|Custom)?$"
)
PERSISTENCE_PREFIXES = (
    r"Jpa|JPA|Hibernate|Jdbc|JDBC|MyBatis|Mybatis|IBatis|Ibatis|SqlMap|SpringData|InMemory"
    r"|Mongo"
)
"""Name prefixes of a persistence technology or database (``SqlMapOrderDao``, the iBatis 2
DAOs of Spring's JPetStore; ``JdbcPet``): the class is about ``Order``, ``Pet``. Database
names (``OracleUserDAO``) are no such prefix: JForum's dozens of per-database DAOs tied to
their entities merged its infrastructure into a 51-class service."""
STORE_PREFIX = re.compile(
    rf"^({PERSISTENCE_PREFIXES}|Default|Abstract|Base|Simple|Spring|Egov|I(?=[A-Z]))"
)
ROLE_SUFFIX = re.compile(
    r"(Validator|Editor|PropertyEditor|SaveHandler|VoidHandler|Handler|Converter|Comparator"
    r"|Factory|Builder|Formatter|Assembler|Translator|Serializer|Deserializer)$"
)
ENTITY_SUFFIXES = ("", "VO", "Vo", "Entity", "DataBean", "Bean", "Model", "DTO", "Dto", "Info")
STORE_LAYERS = frozenset({"persistence", "other", "model"})
NOT_DOMAIN_LAYERS = frozenset({"web", "service", "persistence"})


def store_stem(simple_name: str) -> str | None:
    """The entity name a repository-like class stems from, or None.

    >>> [store_stem(n) for n in ("JpaCargoRepository", "CargoRepositoryJPA", "ItemMapper")]
    ['Cargo', 'Cargo', 'Item']
    >>> store_stem("CargoService") is None, store_stem("BaseMapper") is None
    (True, True)
    """
    match = STORE_SUFFIX.search(simple_name)
    if match is None:
        return None
    # a store named only by a generic prefix (eladmin's BaseMapper, a DefaultDao) stores nothing
    return STORE_PREFIX.sub("", simple_name[: match.start()]) or None


def singular(word: str, longer_than: int = 3) -> str:
    """``orders`` -> ``order``, ``CATEGORIES`` -> ``CATEGORY`` for a word of more than
    ``longer_than`` letters; ``status``, ``address``, ``analysis`` and shorter words stay
    (naming asks for six letters: DayTrader's ``MDBStats`` is no ``TimerStat``).

    >>> [singular(w) for w in ("USERS", "topics", "CATEGORIES", "status", "bus")]
    ['USER', 'topic', 'CATEGORY', 'status', 'bus']
    """
    lower = word.lower()
    if len(word) <= longer_than:
        return word
    if lower.endswith("ies"):
        return word[:-3] + ("Y" if word[-1].isupper() else "y")
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _domain_by_name(nodes: Mapping[str, Mapping[str, object]]) -> dict[str, list[str]]:
    """Classes outside the web, service and persistence layers by simple name."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for node, data in nodes.items():
        if data.get("layer") not in NOT_DOMAIN_LAYERS:
            by_name[str(data.get("label", ""))].append(node)
    return by_name


def stored_entities(nodes: Mapping[str, Mapping[str, object]]) -> dict[str, str]:
    """Repository class -> the entity class it stores (node id -> node id).

    ``nodes`` maps class node ids to their attributes (``label``, ``layer``). A store matches
    the entity whose simple name is its stem, optionally with a model suffix (``VO``,
    ``Entity``, ...); a stem matching several classes picks the first suffix in that order.
    """
    by_name = _domain_by_name(nodes)
    out: dict[str, str] = {}
    for node, data in sorted(nodes.items()):
        if data.get("layer") not in STORE_LAYERS:
            continue
        stem = store_stem(str(data.get("label", "")))
        if stem is None:
            continue
        for suffix in ENTITY_SUFFIXES:  # an annotation type is nothing a store keeps
            found = sorted(  # (litemall's @Order validator beside OrderMapper)
                n
                for n in by_name.get(stem + suffix, ())
                if n != node and nodes[n].get("type_kind") != "annotation"
            )
            if found:
                out[node] = found[0]
                break
    return out


def role_targets(nodes: Mapping[str, Mapping[str, object]]) -> dict[str, str]:
    """Helper class -> the class it serves, by name: ``PatientValidator``, ``ConceptEditor``,
    ``CargoFactory``, ``ConceptNameSaveHandler`` -> ``Patient``, ``Concept``, ``Cargo``,
    ``ConceptName`` (a class outside the web and service layers with exactly that name)."""
    by_name = _domain_by_name(nodes)
    out: dict[str, str] = {}
    for node, data in sorted(nodes.items()):
        label = str(data.get("label", ""))
        match = ROLE_SUFFIX.search(label)
        if match is None or match.start() == 0:
            continue
        stem = STORE_PREFIX.sub("", label[: match.start()]) or label[: match.start()]
        found = sorted(n for n in by_name.get(stem, ()) if n != node)
        if len(found) == 1:
            out[node] = found[0]
    return out


def _held(
    nodes: Mapping[str, Mapping[str, object]], fields: Mapping[str, Iterable[str]], node: str
) -> list[str]:
    """The project classes ``node`` holds as fields, web, service and persistence ones left out."""
    return [
        t
        for t in fields.get(node, ())
        if t in nodes and nodes[t].get("layer") not in NOT_DOMAIN_LAYERS
    ]


def domain_classes(
    nodes: Mapping[str, Mapping[str, object]],
    roots: Iterable[str],
    fields: Mapping[str, Iterable[str]],
) -> set[str]:
    """Roots, entities, model-layer classes and what roots hold as fields (through non-roots)."""
    root_set = set(roots)
    out = {
        n
        for n, data in nodes.items()
        if n in root_set or data.get("stereotype") == "entity" or data.get("layer") == "model"
    }
    stack = sorted(root_set)
    while stack:
        node = stack.pop()
        for target in _held(nodes, fields, node):
            if target not in out:
                out.add(target)
                stack.append(target)
    return out


def aggregate_parts(
    nodes: Mapping[str, Mapping[str, object]],
    roots: Iterable[str],
    fields: Mapping[str, Iterable[str]],
) -> dict[str, str]:
    """Part -> the one root holding it through fields (followed through non-root domain
    classes); parts reached from several roots belong to none."""
    root_set = set(roots)
    owner: dict[str, set[str]] = defaultdict(set)
    for root in sorted(root_set):
        seen = {root}
        stack = [root]
        while stack:
            node = stack.pop()
            for target in _held(nodes, fields, node):
                if target not in seen and target not in root_set:
                    seen.add(target)
                    owner[target].add(root)
                    stack.append(target)
    return {part: next(iter(rs)) for part, rs in owner.items() if len(rs) == 1}

"""Which service owns each table, and a decomposition whose table nodes sit with their owners.

Clustering places a table node wherever its ties pull it; ownership is decided from what the
classes do with the table (:func:`table_owners`). :func:`settle_tables` moves each table node to
its owner, so that a :class:`~msadecomp.decompose.Cluster`'s ``tables`` and the report agree
(DayTrader's entity tables had sat with the configuration service in the clusters while the
report gave them to the trade service of their entities).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import networkx as nx

from msadecomp.decompose import Decomposition
from msadecomp.decompose.algorithms import Prepared
from msadecomp.graph import table_node
from msadecomp.graph.aggregates import singular, store_stem
from msadecomp.model import LIBRARY_VIA, MONGO_COLLECTION, MONGO_DOCUMENT, Access, CodeModel

ACCESS_WEIGHT = {Access.WRITE: 3, Access.READ: 1}
MONGO_VIAS = frozenset({MONGO_DOCUMENT, MONGO_COLLECTION})


def top_levels(model: CodeModel) -> dict[str, str]:
    """Type FQN -> the FQN of its top-level type (a nested class counts as its outer class)."""
    return {t.fqn: t.top_level for t in model.types}


def table_owners(model: CodeModel, decomposition: Decomposition) -> dict[str, dict[str, Any]]:
    """Per table: owning service, and every service's reads and writes of it.

    The owner is the service of the entity mapped to the table (JPA or Hibernate): a DAO
    facade writing every table by JDBC (DayTrader's ``TradeDirect``) does not take the tables of
    the entities. Else it is a service writing the table: readers query data another service
    keeps (eGovFrame's common detail-code table, written by the code-management DAO, read in
    joins by the DAOs of twenty services, five of them in one service that had owned it). Else
    the service with the most weighted accesses (a write counts 3, a read 1). Among several
    mapping or writing services, or on a tie, the weighted accesses decide, then the one
    service holding a class named like the table (Spring JPetStore's ``PRODUCT``, read alike by
    ``SqlMapProductDao`` and by ``SqlMapItemDao``'s joins, goes with ``Product``; JForum's
    ``JFORUM_USERS``, written alike by the user and karma DAOs, with ``User``), then the service
    clustering placed the table in; a table nobody accesses goes there too. A table a library
    keeps names it (``kept_by``), a MongoDB collection says so (``store``), and a table only
    the code names while the sources' DDL creates others is ``undeclared`` (mall4j's
    ``tz_prod_img``: an entity and a mapper no class uses, for a table its schema lacks).
    """
    where = decomposition.assignment()
    top = top_levels(model)
    uses: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    score: dict[str, Counter[str]] = defaultdict(Counter)
    mapped: dict[str, set[str]] = defaultdict(set)
    writers: dict[str, set[str]] = defaultdict(set)
    libraries: dict[str, set[str]] = defaultdict(set)
    collections: set[str] = set()
    for a in model.table_accesses:
        if a.via.startswith(LIBRARY_VIA):
            libraries[a.table].add(a.via.removeprefix(LIBRARY_VIA))
        elif a.via in MONGO_VIAS:
            collections.add(a.table)
        service = where.get(top.get(a.source, a.source))
        if service is None:
            continue
        uses[a.table][service].add(a.access.value)
        score[a.table][service] += ACCESS_WEIGHT[a.access]
        if a.mapping:
            mapped[a.table].add(service)
        elif a.access is Access.WRITE:
            writers[a.table].add(service)
    namesakes: dict[str, set[str]] = defaultdict(set)  # bare name -> services holding it
    for jt in model.types:
        service = where.get(jt.top_level)
        if service is not None and jt.outer is None:
            for name in (jt.simple_name, store_stem(jt.simple_name)):
                if name:
                    namesakes[_bare(name)].add(service)
    prefixes = schema_prefixes(t.name for t in model.tables)
    out: dict[str, dict[str, Any]] = {}
    for t in model.tables:
        placed = where.get(table_node(t.name))
        s = score.get(t.name, Counter())
        if t.name in mapped:
            s = Counter({k: v for k, v in s.items() if k in mapped[t.name]})
        elif t.name in writers:  # readers query data another service keeps
            s = Counter({k: v for k, v in s.items() if k in writers[t.name]})
        if s:
            best = max(s.values())
            leaders = sorted(k for k, v in s.items() if v == best)
            named = next(
                (
                    found
                    for keys in _keys(t.name, prefixes)
                    if (found := [k for k in leaders if any(k in namesakes[n] for n in keys)])
                ),
                [],
            )
            owner: str | None = (
                named[0] if len(named) == 1 else placed if placed in leaders else leaders[0]
            )
        else:
            owner = placed
        out[t.name] = {
            "owner": owner,
            "access": {svc: sorted(kinds) for svc, kinds in sorted(uses[t.name].items())},
        }
        if t.name in libraries:  # Quartz's job store: the library writes it for its users
            out[t.name]["kept_by"] = sorted(libraries[t.name])
        if t.name in collections:
            out[t.name]["store"] = "MongoDB"
        elif not t.declared and t.name not in libraries:
            out[t.name]["undeclared"] = True  # a stale mapping, or a table made elsewhere
    return out


def _bare(name: str) -> str:
    """``TB_ORDER_ITEM``, ``OrderItem`` -> ``ORDERITEM``: a name to compare tables and classes."""
    return name.replace("_", "").upper()


SCHEMA_PREFIX_SHARE = 0.5
"""A table name's first word is a schema prefix when at least this share of the tables (and
two or more) start with it: JForum's ``JFORUM_``, a shop's ``TB_``."""


def schema_prefixes(tables: Iterable[str]) -> frozenset[str]:
    """The first words most table names start with (``JFORUM`` of ``JFORUM_USERS``)."""
    names = list(tables)
    heads = Counter(head for n in names if (head := n.partition("_")[0]) != n)
    return frozenset(
        h for h, k in heads.items() if k >= 2 and k >= SCHEMA_PREFIX_SHARE * len(names)
    )


def _keys(table: str, prefixes: frozenset[str]) -> list[set[str]]:
    """The bare names a class named for ``table`` may have, the closest first: the table's own
    and its singular; then, past a schema prefix, the rest and its singular. ``JFORUM_USERS``
    -> ``JFORUMUSERS``, ``JFORUMUSER``; then ``USERS``, ``USER`` (JForum's ``User``,
    ``UserDAO``). ``ORDER_ITEM`` is never ``Item``'s: ``ORDER`` is no prefix of the schema."""
    head, _, rest = table.partition("_")
    names = [table] + ([rest] if head in prefixes and rest else [])
    return [{key, singular(key)} for key in map(_bare, names)]


def settle_tables(
    decomposition: Decomposition, owners: dict[str, dict[str, Any]], core: nx.Graph
) -> Decomposition:
    """The decomposition with every table node in the service that owns the table (see
    :func:`table_owners`) and the modularity of that partition on ``core`` (the clustering
    graph without the shared kernel); unchanged when every table already sits there."""
    where = decomposition.assignment()
    moves = {
        table_node(t): o["owner"]
        for t, o in owners.items()
        if o["owner"] is not None and where.get(table_node(t)) not in (None, o["owner"])
    }
    if not moves:
        return decomposition
    members: dict[str, list[str]] = defaultdict(list)
    for c in decomposition.clusters:
        for m in c.members:
            members[moves.get(m, c.id)].append(m)
    clusters = tuple(
        replace(c, members=tuple(sorted(members[c.id]))) for c in decomposition.clusters
    )
    parts = [set(c.members) for c in clusters if not c.kernel and c.members]
    return replace(
        decomposition,
        clusters=tuple(c for c in clusters if c.members),
        modularity=Prepared(core).modularity(parts),
    )


__all__ = ["settle_tables", "table_owners"]

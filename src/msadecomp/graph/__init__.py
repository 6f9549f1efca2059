"""The dependency graph of classes and tables.

:func:`build_graph` returns an ``nx.MultiDiGraph`` with one edge per (source, target, kind):

* nodes: top-level project classes (id = FQN; nested types are folded into their outer class)
  and tables (id = ``table:NAME``). Attributes: ``kind`` ("class" or "table"), ``label``,
  ``package``, ``layer`` (web, service, persistence, model, other), ``handler`` (it handles a
  request path), ``stereotype`` and, in a system of several Maven or Gradle builds, ``module``
  (the folder of the build holding the class).
* edges: ``kind`` is a :class:`~msadecomp.model.DepKind` value, ``read``/``write`` (class to
  table), ``foreign_key`` (table to table), ``semantic`` (identifier similarity, attribute
  ``strength`` in 0..1), ``cochange`` (git co-change support, ``strength`` in 0..1), or one the
  graph infers (``INFERRED_KINDS``: package, module, stores, serves, composes, delegates);
  ``count`` is how many facts support it.

:func:`clustering_graph` collapses it into an undirected ``nx.Graph`` whose ``weight`` adds up the
kinds with :class:`~msadecomp.config.Weights`: ``w * (1 + ln count)`` for counted kinds and
``w * strength`` for the two similarity kinds (``semantic`` times
``semantic_across_modules`` between two feature modules: see :func:`_modules`). Library types
are never nodes.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import networkx as nx

from msadecomp.config import Weights
from msadecomp.graph.aggregates import (
    aggregate_parts,
    domain_classes,
    role_targets,
    stored_entities,
)
from msadecomp.graph.delegation import THROUGH_KEEP, delegations
from msadecomp.graph.semantic import similar_pairs, terms
from msadecomp.graph.structure import build_dirs, group_edges, layer_first, module_of, root_package
from msadecomp.model import ASYNC_VERBS, CodeModel, DepKind, JavaType, TypeKind

TABLE_PREFIX = "table:"
INFERRED_KINDS = frozenset(
    {"semantic", "cochange", "package", "module", "stores", "serves", "composes", "delegates"}
)
"""Edge kinds the graph infers from names, history and layout rather than reads from code."""
LAYER_SUFFIXES = (
    ("Controller", "web"),
    ("Interceptor", "web"),
    ("ServiceImpl", "service"),
    ("Service", "service"),
    ("DAO", "persistence"),
    ("Dao", "persistence"),
    ("Mapper", "persistence"),
    ("Repository", "persistence"),
    ("VO", "model"),
    ("DTO", "model"),
    ("Vo", "model"),
    ("Entity", "model"),
)
STEREOTYPE_LAYERS = {
    "controller": "web",
    "service": "service",
    "repository": "persistence",
    "mapper": "persistence",
    "entity": "model",
}


def table_node(name: str) -> str:
    return TABLE_PREFIX + name


def is_table(node: str) -> bool:
    return node.startswith(TABLE_PREFIX)


def layer_of(t: JavaType, handlers: AbstractSet[str] = frozenset()) -> str:
    """The layer a class's stereotype or name says; else ``web`` when it handles requests
    (``handlers``: Struts and Stripes actions, servlets declared in XML), else ``other``."""
    if t.stereotype in STEREOTYPE_LAYERS:
        return STEREOTYPE_LAYERS[t.stereotype]
    for suffix, layer in LAYER_SUFFIXES:
        if t.simple_name.endswith(suffix):
            return layer
    return "web" if t.fqn in handlers else "other"


def request_handlers(model: CodeModel) -> frozenset[str]:
    """Classes handling a request endpoint of the model (message listeners and scheduled jobs
    handle none)."""
    return frozenset(
        e.handler.partition("#")[0] for e in model.endpoints if e.http_method not in ASYNC_VERBS
    )


def build_graph(model: CodeModel, *, semantic: bool = True) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    types = model.type_map()
    handlers = request_handlers(model)
    for t in model.types:
        if t.outer is None:
            g.add_node(
                t.fqn,
                kind="class",
                label=t.simple_name,
                package=t.package,
                layer=layer_of(t, handlers),
                handler=t.fqn in handlers,
                stereotype=t.stereotype or "",
                type_kind=t.kind.value,
                mapped_superclass=any(
                    a.rpartition(".")[2] == "MappedSuperclass" for a in t.annotations
                ),
                constants=t.kind is TypeKind.INTERFACE and bool(t.fields) and not t.methods,
                abstract=t.abstract,
                generic=t.generic,
            )
    for table in model.tables:
        g.add_node(
            table_node(table.name),
            kind="table",
            label=table.name,
            package="",
            layer="data",
            stereotype="",
            type_kind="table",
        )
    counts: Counter[tuple[str, str, str]] = Counter()

    def top(fqn: str) -> str:
        t = types.get(fqn)
        return t.top_level if t is not None else fqn

    writes: Counter[tuple[str, str]] = Counter()
    for d in model.dependencies:
        src, dst = top(d.source), top(d.target)
        if src != dst:
            counts[(src, dst, d.kind.value)] += 1
            if (
                d.kind.value == "call"
                and WRITE_CALL.match(d.detail.rpartition("->")[2])
                and not SEED_DATA.search(src.rpartition(".")[2])
            ):
                writes[(src, dst)] += 1
    generated: set[tuple[str, str, str]] = set()  # only a generator bean does it for the class
    own: set[tuple[str, str, str]] = set()
    for a in model.table_accesses:
        key = (top(a.source), table_node(a.table), a.access.value)
        counts[key] += 1
        (generated if a.generated else own).add(key)
    for table in model.tables:
        for fk in table.foreign_keys:
            if fk.ref_table != table.name:
                counts[(table_node(table.name), table_node(fk.ref_table), "foreign_key")] += 1
    for (src, dst, kind), n in sorted(counts.items()):
        if src in g and dst in g:
            g.add_edge(src, dst, key=kind, kind=kind, count=n)
            if kind == "call" and writes[(src, dst)]:
                g[src][dst][kind]["writes"] = writes[(src, dst)]
            if (src, dst, kind) in generated - own:
                g[src][dst][kind]["generated"] = True
    if semantic:
        for (sa, sb), sim in sorted(similar_pairs(identifier_documents(model)).items()):
            g.add_edge(sa, sb, key="semantic", kind="semantic", count=1, strength=sim)
    _add_structure(g, model)
    stores = _add_aggregates(g)
    _add_delegations(g, model, top, stores)
    _mark_sole_implementations(g)
    _mark_facades(g)
    for c in model.cochanges:
        ca, cb = top(c.a), top(c.b)
        if ca != cb and ca in g and cb in g:
            g.add_edge(
                ca, cb, key="cochange", kind="cochange", count=c.commits, strength=c.support
            )
    return g


def _add_structure(g: nx.MultiDiGraph, model: CodeModel) -> None:
    """Package and module edges (kinds ``package`` and ``module``, with a ``strength``)."""
    tops = [t for t in model.types if t.outer is None]
    root = root_package(t.package for t in tops)
    packages = {t.fqn: t.package for t in tops if not layer_first(t.package, root)}
    dirs = build_dirs(model.delivery_files)
    modules = {t.fqn: module_of(t.source.path, dirs) for t in tops} if len(dirs) > 1 else {}
    for fqn, module in modules.items():
        g.nodes[fqn]["module"] = module
    for kind, groups in (("package", packages), ("module", modules)):
        if len(set(groups.values())) < 2:
            continue  # one group for everything carries no boundary
        for a, b, strength in group_edges(groups):
            g.add_edge(a, b, key=kind, kind=kind, count=1, strength=strength)


TABLE_KINDS = frozenset({"read", "write"})
FK_HUB = 5
"""Foreign keys to a table that more tables reference count that much less in all."""
TABLE_HUB = 10
"""A table more classes than this read or write themselves (eGovFrame's user master view, joined
by the statements of 59 classes) says little about where each belongs: its accesses count that
much less in all."""
PLACEMENT_TIES = "placement_ties"
"""Key of the clustering graph's ``graph`` attribute holding ties that place a table no
cluster took but never shape the clusters: ``(class, table) -> weight`` of the writes injected
generator beans make. Every service of an eGovFrame system has ID generators writing
``COMTECOPSEQ``; as graph edges, at full weight, at the hub factor or even at 5% of it, they
moved the sweep (enterprise template five-seed class MoJoFM 84.3 -> 77.5 and 82.8)."""
WRITE_CALL = re.compile(
    r"(store|save|persist|insert|update|delete|remove|merge|create|register|put|add)"
    r"(?![a-z])"
)
"""Names of the calls that change what a class keeps (``store``, ``saveAll``, ``createCargo``;
not ``address``): call edges count them as ``writes``."""
WRITE_CALLS = "write_calls"
"""Key of the clustering graph's ``graph`` attribute holding ``(caller, callee) -> number of
write calls``, for :func:`msadecomp.decompose.refine.join_domain_to_front`."""
TABLE_WRITES = "table_writes"
"""Key of the clustering graph's ``graph`` attribute holding ``(class, table) -> number of
writes`` (generated keys and sample-data loaders included), for
:func:`msadecomp.decompose.refine.join_logic_to_data`."""
USERS = "users"
"""Key of the clustering graph's ``graph`` attribute holding ``class -> classes using it``
(any code dependency of ``USE_KINDS``), for the clean-up steps of
:mod:`msadecomp.decompose.refine` (classes following their users, stores, adapters,
satellites)."""
USE_KINDS = frozenset(k.value for k in DepKind) - {"import", "annotation", "message"}
"""Dependencies that use a class: an import or an annotation alone does not, nor does sending
to the queue a class listens to."""
SUPERTYPES = "supertypes"
"""Key of the clustering graph's ``graph`` attribute holding ``class -> the classes and
interfaces it extends or implements``."""
SEED_DATA = re.compile(
    r"^(Sample|Populate|Demo|Reset(DB|Db|Data)|Test(?=[A-Z]))"
    r"|(Loader|DataGenerator|Seeder|(Data|Database|Db|DB)Populator|DataInitiali[sz]er)$"
)
"""Names of classes that fill the database with sample or test data (dddsample's
``SampleDataGenerator``, Plants' ``PopulateDBBean``, AcmeAir's ``FlightLoader``): they write
every table, so their write calls say nothing about who owns the data."""
INHERITANCE = frozenset({"extends", "implements"})
REFERENCE_KINDS = frozenset(k.value for k in DepKind) - INHERITANCE - {"message"}
"""Code dependencies that refer to a class without inheriting from it."""
PLUMBING = re.compile(
    r"(ItemReader|ItemWriter|ItemProcessor|Tasklet|Reader|Writer|Processor|Listener|"
    r"Interceptor|Filter|Aspect|Advice|Config|Configuration|Configurer|Initializer|Resolver|"
    r"Converter|Adapter|Factory|FactoryBean|Handler|Renderer|Tag|TagSupport|"
    r"Servlet|Application|App|Launcher|Runner|Gc|GC|RowMapper|Extractor|Constants|"
    r"ConnectionManager|ConnectionFactory|DataSource)$"
)
"""Class names of framework plumbing: batch steps, web filters, configuration, adapters."""


EXCEPTION = re.compile(r"(Exception|Error)$")
"""Class names of exceptions: creating one is throwing it (``weights.thrown``)."""
SUPERTYPE_HUB = 10
"""A project supertype with more subtypes than this (JForum's ``Command`` under 30 actions of
every feature, a ``BaseAction``) is framework plumbing: its inheritance edges count that much
less in all, so it no longer pulls the features' web classes into one service."""
OMNIPRESENT = 6.0
"""A class using or used by more classes than this many times the mean (JForum's
``SystemGlobals``, used by 131 of 336 classes; Roller's ``WebloggerFactory``; eGovFrame's
``ComDefaultVO``) is omnipresent: it ties every feature to every other, so all its ties count
that much less in all and it no longer glues communities together (the omnipresent modules of
Mitchell and Mancoridis' Bunch). Measured: 3 and 4 times the mean undid the portal template's
and FTGO's services; 5 to 10 leave them and move eGovFrame 2015 up a point or two.
Inheritance does not count: a base class of many subtypes has its own rule (``SUPERTYPE_HUB``)."""
REFERENCE_USES = USE_KINDS - INHERITANCE


def _add_aggregates(g: nx.MultiDiGraph) -> dict[str, str]:
    """``stores`` edges from repositories to their entities; references from one aggregate's
    domain classes to another aggregate's root marked ``cross_aggregate`` (see aggregates.py).
    Returns the stores (repository -> entity)."""
    classes = {n: d for n, d in g.nodes(data=True) if d["kind"] == "class"}
    stores = stored_entities(classes)
    for repo, entity in sorted(stores.items()):
        g.add_edge(repo, entity, key="stores", kind="stores", count=1)
    for helper, served in sorted(role_targets(classes).items()):
        g.add_edge(helper, served, key="serves", kind="serves", count=1)
    roots = set(stores.values())
    fields: dict[str, list[str]] = {}
    for src, dst, kind in g.edges(keys=True):
        if kind == "field":
            fields.setdefault(src, []).append(dst)
    domain = domain_classes(classes, roots, fields)
    for part, root in sorted(aggregate_parts(classes, roots, fields).items()):
        g.add_edge(root, part, key="composes", kind="composes", count=1)
    for src, dst, kind, data in g.edges(keys=True, data=True):
        if (
            kind in REFERENCE_KINDS
            and dst in roots
            and src in domain
            and src != dst
            and stores.get(src) != dst
        ):
            data["cross_aggregate"] = True
    return stores


def _add_delegations(
    g: nx.MultiDiGraph, model: CodeModel, top: Callable[[str], str], stores: Mapping[str, str]
) -> None:
    """``delegates`` edges from callers of a facade to what the called methods use; the
    caller's own references to the facade marked ``through`` (see delegation.py). A facade is
    a service, or an implementation of an interface or one implemented, never an entity, a
    DAO, a web class or a helper named after a class (``HandlingEventFactory``)."""
    helpers = {src for src, _, kind in g.edges(keys=True) if kind == "serves"}
    contracts = {n for a, b, kind in g.edges(keys=True) if kind == "implements" for n in (a, b)}
    candidates = {
        n
        for n, d in g.nodes(data=True)
        if d["kind"] == "class"
        and (d["layer"] == "service" or (d["layer"] == "other" and n in contracts))
        and d["stereotype"] != "entity"
        and n not in helpers
        and n not in stores.values()
    }
    delegated, through = delegations(model, top, stores.keys(), candidates)
    for (src, dst), n in sorted(delegated.items()):
        if src in g and dst in g:
            g.add_edge(src, dst, key="delegates", kind="delegates", count=n)
    for src, dst, kind, data in g.edges(keys=True, data=True):
        if (src, dst) in through and kind in REFERENCE_KINDS:
            data["through"] = True


FACADE_REACH = 4
"""A class referring to this many entities or more is a facade over the whole model."""
FACADE_KEEP = 2.0
"""A facade's references to entities and table reads weigh this many over the entities it
reaches (DayTrader's ``TradeDirect``, the sample-data generators of dddsample and cargotracker)."""


def _mark_facades(g: nx.MultiDiGraph) -> None:
    """Marks references from a facade to entities and its table reads with ``facade`` (how
    many entities it reaches): a class using every entity would otherwise pull them all into
    its own service, while each entity belongs with the classes using it alone. Its table
    writes keep their weight: PlantsByWebSphere's ``ShoppingCartBean`` reads customers and the
    inventory but creates the orders, and belongs with them."""
    entities = {n for n, d in g.nodes(data=True) if d.get("stereotype") == "entity"}
    reached: dict[str, set[str]] = {}
    for src, dst, kind in g.edges(keys=True):
        if dst in entities and src not in entities and kind in REFERENCE_KINDS:
            reached.setdefault(src, set()).add(dst)
    facades = {n: len(r) for n, r in reached.items() if len(r) >= FACADE_REACH}
    for src, dst, kind, data in g.edges(keys=True, data=True):
        if src in facades and ((dst in entities and kind in REFERENCE_KINDS) or kind == "read"):
            data["facade"] = facades[src]


def _mark_sole_implementations(g: nx.MultiDiGraph) -> None:
    """Marks ``sole`` the ``implements`` edges to an interface no other class implements and
    the ``extends`` edges to an abstract service class no other class extends (AcmeAir's
    abstract ``FlightService`` and its Mongo ``FlightServiceImpl``): a contract and its one
    implementation. An abstract helper elsewhere (petclinic's ``OneToManyResultSetExtractor``)
    is a base class reused once, not a contract."""

    def contract(dst: str, kind: str) -> bool:
        node = g.nodes[dst]
        return kind == "implements" or (
            kind == "extends" and bool(node.get("abstract")) and node.get("layer") == "service"
        )

    implementations = Counter(dst for _, dst, kind in g.edges(keys=True) if contract(dst, kind))
    for _, dst, kind, data in g.edges(keys=True, data=True):
        if contract(dst, kind) and implementations[dst] == 1:
            data["sole"] = True


def identifier_documents(model: CodeModel) -> dict[str, list[str]]:
    """Identifier terms per top-level class (its own, its fields', methods' and nested types')."""
    docs: dict[str, list[str]] = {}
    for t in model.types:
        words = docs.setdefault(t.top_level, [])
        for identifier in (t.simple_name, *t.fields, *t.methods):
            words.extend(terms(identifier))
    return docs


def clustering_graph(g: nx.MultiDiGraph, weights: Weights | None = None) -> nx.Graph:
    """Undirected weighted graph for community detection."""
    weights = weights or Weights()
    out = nx.Graph()
    out.add_nodes_from(sorted(g.nodes(data=True)))
    referenced = Counter(dst for _, dst, kind in g.edges(keys=True) if kind == "foreign_key")
    inherited = Counter(dst for _, dst, kind in g.edges(keys=True) if kind in INHERITANCE)
    creators = Counter(dst for _, dst, kind in g.edges(keys=True) if kind == "new")
    accessors = Counter(
        dst
        for _, dst in {
            (s, d)
            for s, d, data in g.edges(data=True)
            if data["kind"] in TABLE_KINDS and not data.get("generated")
        }
    )
    modules = _modules(g)
    for src, dst, data in g.edges(data=True):
        if "strength" in data:
            w = weights.for_kind(data["kind"]) * data["strength"]
            if data["kind"] == "semantic" and modules.apart(g, src, dst):
                w *= weights.semantic_across_modules
        else:
            w = weights.for_kind(data["kind"]) * (1.0 + math.log(data["count"]))
        if data.get("cross_aggregate"):
            w *= weights.cross_aggregate
        if data.get("sole"):
            w *= weights.sole_implementation
        if data["kind"] == "implements" and g.nodes[dst].get("constants"):
            w = weights.import_  # implementing a constants interface is reading its constants
        if data["kind"] in TABLE_KINDS and (
            g.nodes[src].get("stereotype") == "migration"
            or SEED_DATA.search(str(src).rpartition(".")[2])
        ):
            w *= weights.migration  # it fills or empties every table, owning none
        if data.get("writes"):
            out.graph.setdefault(WRITE_CALLS, Counter())[(src, dst)] += data["writes"]
        if data["kind"] == "write":
            out.graph.setdefault(TABLE_WRITES, Counter())[(src, dst)] += data.get("count", 1)
        if data["kind"] in USE_KINDS:
            out.graph.setdefault(USERS, {}).setdefault(dst, set()).add(src)
        if data["kind"] in INHERITANCE:
            out.graph.setdefault(SUPERTYPES, {}).setdefault(src, set()).add(dst)
        if data.get("generated"):
            placement = out.graph.setdefault(PLACEMENT_TIES, Counter())
            placement[(src, dst)] += w
            continue
        if data["kind"] in TABLE_KINDS and accessors[dst] > TABLE_HUB:
            w *= TABLE_HUB / accessors[dst]  # a user master view every feature joins
        if data["kind"] == "foreign_key" and referenced[dst] > FK_HUB:
            w *= FK_HUB / referenced[dst]  # audit columns: every table references USERS
        if data["kind"] in INHERITANCE and inherited[dst] > SUPERTYPE_HUB:
            w *= SUPERTYPE_HUB / inherited[dst]
        if data["kind"] == "new" and creators[dst] == 1 and EXCEPTION.search(str(dst)):
            w *= weights.thrown
        if data.get("through"):
            w *= THROUGH_KEEP
        if "facade" in data:
            w *= FACADE_KEEP / data["facade"]  # one facade over all entities ties none
        if w <= 0:
            continue
        if out.has_edge(src, dst):
            out[src][dst]["weight"] += w
        else:
            out.add_edge(src, dst, weight=w)
    damping = _omnipresence(g)
    for u, v, data in out.edges(data=True):
        data["weight"] *= damping.get(u, 1.0) * damping.get(v, 1.0)
    return out


VERTICAL_LAYERS = frozenset({"web", "service", "persistence"})


@dataclass(frozen=True)
class _Modules:
    """Build modules that each cut a feature top to bottom, and the pairs of them sharing a
    package (one feature spread over two modules)."""

    vertical: frozenset[str]
    sharing: frozenset[frozenset[str]]

    def apart(self, g: nx.MultiDiGraph, a: str, b: str) -> bool:
        """True when ``a`` and ``b`` sit in two different vertical modules sharing no
        package."""
        ma, mb = g.nodes[a].get("module"), g.nodes[b].get("module")
        return (
            ma != mb
            and ma in self.vertical
            and mb in self.vertical
            and frozenset((ma, mb)) not in self.sharing
        )


def _modules(g: nx.MultiDiGraph) -> _Modules:
    """The vertical modules: holding web, service and persistence classes (RuoYi-Vue-Pro's
    ``yudao-module-crm``), not one layer of every feature (mall4j's ``yami-shop-admin``
    controllers). Two modules sharing a package hold parts of one feature (Fineract's loans in
    ``fineract-loan`` and ``fineract-provider``)."""
    layers: dict[str, set[str]] = {}
    holders: dict[str, set[str]] = {}
    for _, d in g.nodes(data=True):
        if d.get("module"):  # "": the root build, or no build file (see group_edges)
            layers.setdefault(d["module"], set()).add(str(d.get("layer")))
            holders.setdefault(str(d.get("package")), set()).add(d["module"])
    sharing = {
        frozenset((a, b)) for found in holders.values() for a in found for b in found if a != b
    }
    return _Modules(
        frozenset(m for m, found in layers.items() if found >= VERTICAL_LAYERS),
        frozenset(sharing),
    )


def _omnipresence(g: nx.MultiDiGraph) -> dict[str, float]:
    """Factor on the ties of each omnipresent class (see :data:`OMNIPRESENT`), by how many
    classes it uses or is used by against ``OMNIPRESENT`` times the mean."""
    linked: dict[str, set[str]] = {}
    for src, dst, kind in g.edges(keys=True):
        if (
            kind in REFERENCE_USES
            and src != dst
            and g.nodes[src]["kind"] == g.nodes[dst]["kind"] == "class"
        ):
            linked.setdefault(src, set()).add(dst)
            linked.setdefault(dst, set()).add(src)
    if not linked:
        return {}
    limit = OMNIPRESENT * sum(len(v) for v in linked.values()) / len(linked)
    return {n: limit / len(v) for n, v in linked.items() if len(v) > limit}

"""Shared-kernel detection: utility classes that everything uses.

A class such as ``EgovStringUtil`` or an abstract base DAO has high fan-in from all over the
system; left in the clustering graph it glues unrelated contexts together. Before clustering,
such classes are set aside and reported as one generic *shared kernel* group.

A class is a kernel candidate when it is used from at least ``min_packages`` distinct packages
(and from at least ``min_share`` of all packages that use any project class), its name or its
package looks technical (Util, Helper, Abstract/Base classes, default VOs, constants,
exceptions, ``util``/``common``/``support``/``exception``/``errors`` packages), and it carries
no domain of its own:

* it reads and writes no table (a class with data belongs to the context owning that data; the
  sequence table an injected ID generator writes for it is no data of its own);
* it is no entity (``@Entity``, a JPA-mapped table) and no controller, service, DAO, mapper or
  repository (those are a context's behaviour, however widely used), unless it is an abstract
  base class of that layer (``EgovComAbstractDAO``, ``BaseController``);
* it is no part of one aggregate and nothing a repository, DAO or mapper stores (see
  aggregates.py): SpringBlog's ``PostStatus`` and ``PostType`` enums, in a ``models.support``
  package and used from five packages, are what a ``Post`` holds, and RuoYi's ``SysUser``, in
  ``com.ruoyi.common.core.domain.entity``, is the row ``SysUserMapper`` keeps: domain, not
  utilities. A value type that several aggregates hold (``Money``) is part of none and can
  still be kernel;
* it is no row the stores of one entity both take and return (RealWorld's ``FollowRelation``,
  which the user repository saves, finds and removes): that entity's context's data;
* it is no helper named for the data it works on, using the entity of its name or calling
  that data's own DAO or repository (JForum's ``PollCommon`` building ``Poll`` objects and
  ``TopicsCommon`` calling ``TopicDAO``, JeeSite's ``UserUtils`` calling ``UserDao``).

A JPA ``@MappedSuperclass`` that two or more entities extend is kernel too (the entities'
common base: id, name, version) when it is named as a base class or its entities live in two
or more other packages.

A generic base type the layers are built on is kernel however few packages use it: a type
declaring type parameters (JeeSite's ``CrudDao<T>``, ``CrudService<D, T>``, ``DataEntity<T>``)
whose subtypes live in three or more other packages, or that eight or more classes extend,
some in another package (Halo's ``AbstractCrudService<DOMAIN, ID>``, under all 19 services of
one layer-first package), and which has no data of its own. Such a
template is set aside after clustering rather than before: its subtypes' ties to it are part
of the system the clustering sees (taking them out first reshuffled DDDSample's booking and
RuoYi-Vue-Plus's auth services, class MoJoFM 94.1 -> 91.8 and 92.6 -> 92.4). A
layer-first scheme with one package per module and layer (``cms.dao``, ``cms.web``) leaves
such templates below the share of packages the rule above asks for.

A plain class named as a base (``BaseController``, ``BaseEntity``) that eight or more classes
in three or more other packages extend is kernel too, set aside after clustering, when the
share rules leave it: RuoYi's and RuoYi-Vue-Plus's ``BaseController`` under every module's
controllers, OpenMRS's ``BaseOpenmrsService``; not one calling entities (JeeSite's
``BaseService`` filters data by the user's roles: a context's logic).

A class with a technical name in a technical package (``common.util.IpHelper``) is kernel
when the package as a whole is used widely enough, however few packages use the class itself:
a layer-first shop's ``IdUtil`` or ``RedisUtil`` is no part of the service whose controller
happens to call it. It too is set aside after clustering.

Once the clustering has placed every class, a base type that classes of three or more other
services extend or implement, keeping no data and calling no entity, is kernel too
(:func:`shared_bases`): Roller's ``UIAction`` under the actions of nine services, whatever
its name or package.

What starts the application (a Spring Boot main class, a servlet initializer, a JAX-RS
``Application``: stereotype ``bootstrap``) is kernel, set aside after clustering: every
service split off needs its own, and none is one service's own (left in, NewBee's main class
sat in its order service, PetClinic's in the vets service).

Popularity alone never makes a kernel class: a core entity such as ``Order`` or ``Account`` is
used from everywhere precisely because it is the domain.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase

import networkx as nx

from msadecomp.graph.aggregates import STORE_PREFIX, singular, store_stem

TECHNICAL_NAME = re.compile(
    r"(Utils?|Helper|Constants?|Exception|Abstract\w+|Base\w+|\w*Default\w*VO|Support|Common\w*)$"
    r"|^(Abstract|Base|Egov(Com)?Abstract)"
)
BASE_CLASS = re.compile(r"^(Abstract|Base|Egov(Com)?Abstract)(?=[A-Z])")
"""A class named as a base: ``BaseController``, ``AbstractTableFactory`` (not ``Baseline``)."""
TECHNICAL_PACKAGE = re.compile(
    r"\.(util|utils|common|support|base|core|framework|helper|exceptions?|errors?)(\.|$)"
)
STRUCTURAL = frozenset(
    {
        "extends",
        "implements",
        "call",
        "field",
        "param",
        "return",
        "local",
        "new",
        "injection",
        "annotation",
    }
)


BOOTSTRAP_REASON = "starts the application (boot class or initializer): each service gets its own"


@dataclass(frozen=True, slots=True)
class KernelSettings:
    enabled: bool = True
    min_packages: int = 4
    min_share: float = 0.15
    include: tuple[str, ...] = ()
    """FQN patterns (``*``, ``?``, ``[...]``) of classes always treated as kernel."""
    exclude: tuple[str, ...] = ()
    """FQN patterns (``*``, ``?``, ``[...]``) of classes never treated as kernel."""

    def includes(self, fqn: str) -> bool:
        return any(fnmatchcase(fqn, p) for p in self.include)

    def excludes(self, fqn: str) -> bool:
        return any(fnmatchcase(fqn, p) for p in self.exclude)


@dataclass(frozen=True, slots=True)
class KernelClass:
    fqn: str
    packages: int
    """Distinct packages that depend on it."""
    reason: str
    after_clustering: bool = False
    """Set aside after clustering, not before (a generic base type, see
    :func:`_template_spread`; a plain class named as a base, see :func:`_base_spread`; a
    utility of a widely used package; a base type of three or more services' classes, see
    :func:`shared_bases`; what starts the application; a class the assignment file puts in the
    kernel): its ties are part
    of the system the clustering sees."""


def detect_kernel(
    graph: nx.MultiDiGraph, settings: KernelSettings | None = None
) -> list[KernelClass]:
    settings = settings or KernelSettings()
    if not settings.enabled:
        return [
            KernelClass(f, 0, "listed in kernel.include")
            for f in sorted(graph)
            if graph.nodes[f].get("kind") == "class"
            and settings.includes(f)
            and not settings.excludes(f)
        ]
    users: dict[str, set[str]] = defaultdict(set)
    all_packages: set[str] = set()
    for src, dst, data in graph.edges(data=True):
        if data["kind"] not in STRUCTURAL or graph.nodes[dst].get("kind") != "class":
            continue
        pkg = graph.nodes[src].get("package", "")
        all_packages.add(pkg)
        if pkg != graph.nodes[dst].get("package"):
            users[dst].add(pkg)
    total = max(len(all_packages), 1)
    package_users: dict[str, set[str]] = defaultdict(set)
    for fqn, by in users.items():
        package_users[str(graph.nodes[fqn].get("package", ""))].update(by)

    def widely_used(count: int) -> bool:
        return count >= settings.min_packages and count / total >= settings.min_share

    entities = _entity_names(graph)
    found: list[KernelClass] = []
    for fqn in sorted(graph):
        if graph.nodes[fqn].get("kind") != "class" or settings.excludes(fqn):
            continue
        n = len(users.get(fqn, ()))
        label = str(graph.nodes[fqn].get("label", ""))
        package = str(graph.nodes[fqn].get("package", ""))
        if settings.includes(fqn):
            found.append(KernelClass(fqn, n, "listed in kernel.include"))
        elif graph.nodes[fqn].get("stereotype") == "bootstrap":
            found.append(KernelClass(fqn, n, BOOTSTRAP_REASON, after_clustering=True))
        elif graph.nodes[fqn].get("mapped_superclass") and _common_base(graph, fqn):
            shared = len(_entity_descendants(graph, fqn))
            found.append(KernelClass(fqn, n, f"JPA mapped superclass of {shared} entities"))
        elif spread := _template_spread(graph, fqn):
            subtypes, packages = spread
            found.append(
                KernelClass(
                    fqn,
                    n,
                    f"base type of {subtypes} classes in {packages} other packages, "
                    "no data of its own",
                    after_clustering=True,
                )
            )
        elif _has_domain(graph, fqn, entities):
            continue
        elif widely_used(n) and TECHNICAL_NAME.search(label):
            found.append(
                KernelClass(fqn, n, f"technical name, no data of its own, used from {n} packages")
            )
        elif widely_used(n) and TECHNICAL_PACKAGE.search("." + package):
            found.append(
                KernelClass(
                    fqn, n, f"technical package, no data of its own, used from {n} packages"
                )
            )
        elif (
            TECHNICAL_NAME.search(label)
            and TECHNICAL_PACKAGE.search("." + package)
            and widely_used(p := len(package_users[package]))
        ):
            found.append(
                KernelClass(
                    fqn,
                    n,
                    f"technical name in the technical package {package}, which {p} packages "
                    f"use (this class itself: {n}), no data of its own",
                    after_clustering=True,
                )
            )
        elif spread := _base_spread(graph, fqn, entities):
            subtypes, packages = spread
            found.append(
                KernelClass(
                    fqn,
                    n,
                    f"base class of {subtypes} classes in {packages} other packages, "
                    "no data of its own",
                    after_clustering=True,
                )
            )
    return found


TEMPLATE_PACKAGES = 3
"""Other packages a base type's subtypes must live in to make it a template of the system..."""
TEMPLATE_SUBTYPES = 8
"""... or how many subtypes it must have, some in another package: a layer-first scheme keeps
all of a layer's classes in one package (Halo's 19 services extending
``AbstractCrudService<DOMAIN, ID>`` in ``service.impl``). A base whose subtypes all share its
package (OpenMRS's ``OpenmrsPropertyEditor``) is a family of that package, no template."""


def _template_spread(graph: nx.MultiDiGraph, fqn: str) -> tuple[int, int] | None:
    """(subtypes, their other packages) of a generic base type the system's layers are built
    on, else None: a type declaring type parameters (JeeSite's ``CrudDao<T>``,
    ``CrudService<D, T>``, ``DataEntity<T>``), whose subtypes, at any depth, live in
    :data:`TEMPLATE_PACKAGES` or more other packages, and which is no entity and reads and
    writes no table itself. Its layer does not matter: a generic DAO every module's DAO
    extends is the template of a layer, not a context's behaviour, though a layer-first
    package scheme means few packages use it (the share rule would miss it). A domain
    interface with one implementation per persistence technology (PetClinic's
    ``OwnerRepository``) is no template. Neither is a plain class named as a base
    (``BaseController``): :func:`_base_spread` judges those, after the share rules."""
    node = graph.nodes[fqn]
    if not node.get("generic"):
        return None
    if node.get("stereotype") == "entity" or _accesses_tables(graph, fqn):
        return None
    subtypes = _subtypes(graph, fqn)
    packages = {graph.nodes[s].get("package", "") for s in subtypes} - {node.get("package", "")}
    if len(packages) >= TEMPLATE_PACKAGES or (packages and len(subtypes) >= TEMPLATE_SUBTYPES):
        return len(subtypes), len(packages)
    return None


def _base_spread(
    graph: nx.MultiDiGraph, fqn: str, entities: frozenset[str]
) -> tuple[int, int] | None:
    """(subtypes, their other packages) of a class named as a base (``BaseController``,
    ``BaseEntity``) that ``TEMPLATE_SUBTYPES`` or more classes in ``TEMPLATE_PACKAGES`` or more
    other packages extend, else None (Fineract's loan repayment processors, in two loan
    packages, are the loan context's): RuoYi-Vue-Plus's ``BaseController`` under every
    module's controllers and ``BaseEntity`` under their request objects, which had made a
    service of their own with the web configuration. Its subtypes' ties to it are part of the
    system the clustering sees, so it is set aside after clustering. A base calling entities
    is a context's logic, however many subclass it: JeeSite's ``BaseService`` filters data by
    the user's roles (``Role``)."""
    if not BASE_CLASS.match(str(graph.nodes[fqn].get("label", ""))):
        return None
    if _calls_entities(graph, fqn, entities):
        return None
    subtypes = _subtypes(graph, fqn)
    packages = {graph.nodes[s].get("package", "") for s in subtypes}
    packages.discard(graph.nodes[fqn].get("package", ""))
    if len(packages) >= TEMPLATE_PACKAGES and len(subtypes) >= TEMPLATE_SUBTYPES:
        return len(subtypes), len(packages)
    return None


def _calls_entities(graph: nx.MultiDiGraph, fqn: str, entities: frozenset[str]) -> bool:
    return any(
        kind == "call" and str(graph.nodes[dst].get("label", "")).lower() in entities
        for _, dst, kind in graph.out_edges(fqn, keys=True)
    )


SHARED_BASE_SERVICES = 3
"""Other services whose classes must extend or implement a type to make it a shared base."""


def shared_bases(
    graph: nx.MultiDiGraph, placement: Mapping[str, str], keep: Collection[str] = ()
) -> list[KernelClass]:
    """Base types that classes of ``SHARED_BASE_SERVICES`` or more other services extend or
    implement, at any depth, and that keep no data and call no entity: a base web action, page
    or servlet (Roller's ``UIAction`` under the actions of nine services, JTrac's ``BasePage``,
    OpenKM's ``BaseServlet``), the generic base of a layer-first package's services
    (PetStore EE7's ``AbstractService<T>``), a framework interface every feature implements
    (Fineract's ``NewCommandSourceHandler``, OpenMRS's ``OpenmrsService``), the base of the
    API's models (Shopizer's ``Entity``). The clustering leaves each in one of the services
    using it, which then looks like everybody's dependency; such a type is shared kernel,
    whatever its name or package. Judged on the clustering's result (``placement``: class ->
    service), so set aside after clustering; ``keep`` (pinned classes) and the last class of a
    service stay. A base of the classes of one context (Fineract's loan repayment processors)
    or calling entities (JeeSite's ``BaseService``, filtering by the user's roles) is that
    context's."""
    entities = _entity_names(graph)
    left = Counter(placement.values())
    found: list[KernelClass] = []
    for fqn, service in sorted(placement.items()):
        if fqn in keep or left[service] < 2 or graph.nodes[fqn].get("kind") != "class":
            continue  # (a placement may name tables too: they are no base)
        subtypes = _subtypes(graph, fqn)
        others = {placement[s] for s in subtypes if s in placement} - {service}
        if (
            len(others) < SHARED_BASE_SERVICES
            or _keeps_data(graph, fqn, entities)
            or _calls_entities(graph, fqn, entities)
        ):
            continue
        left[service] -= 1
        found.append(
            KernelClass(
                fqn,
                len({graph.nodes[s].get("package", "") for s in subtypes}),
                f"base type of {len(subtypes)} classes in {len(others)} other services, "
                "no data of its own",
                after_clustering=True,
            )
        )
    return found


def _subtypes(graph: nx.MultiDiGraph, fqn: str) -> set[str]:
    """The classes extending or implementing ``fqn``, directly or not."""
    subtypes: set[str] = set()
    stack = [fqn]
    while stack:
        for sub, _, kind in graph.in_edges(stack.pop(), keys=True):
            if kind in ("extends", "implements") and sub not in subtypes:
                subtypes.add(sub)
                stack.append(sub)
    return subtypes


def _accesses_tables(graph: nx.MultiDiGraph, fqn: str) -> bool:
    """True when ``fqn`` reads or writes a table itself (not a sequence an injected ID
    generator writes for it)."""
    return any(
        data["kind"] in ("read", "write") and not data.get("generated")
        for _, _, data in graph.out_edges(fqn, data=True)
    )


def _common_base(graph: nx.MultiDiGraph, fqn: str) -> bool:
    """True for a mapped superclass two or more entities extend that has a technical name
    (``BaseEntity``) or entities in two or more other packages (PetClinic's ``Person`` under
    ``owner.Owner`` and ``vet.Vet``); OpenMRS's ``ServiceOrder`` under the orders of its own
    package stays with them."""
    entities = _entity_descendants(graph, fqn)
    if len(entities) < 2:
        return False
    own = graph.nodes[fqn].get("package", "")
    packages = {graph.nodes[e].get("package", "") for e in entities} - {own}
    return bool(BASE_CLASS.match(str(graph.nodes[fqn].get("label", "")))) or len(packages) >= 2


def _entity_descendants(graph: nx.MultiDiGraph, fqn: str) -> set[str]:
    """The entities extending ``fqn``, directly or not."""
    found: set[str] = set()
    stack, seen = [fqn], {fqn}
    while stack:
        for sub, _, kind in graph.in_edges(stack.pop(), keys=True):
            if kind == "extends" and sub not in seen:
                seen.add(sub)
                stack.append(sub)
                if graph.nodes[sub].get("stereotype") == "entity":
                    found.add(sub)
    return found


DOMAIN_LAYERS = frozenset({"web", "service", "persistence"})


def _has_domain(graph: nx.MultiDiGraph, fqn: str, entities: frozenset[str]) -> bool:
    """True for classes that hold a context's data or behaviour (see the module docstring)."""
    node = graph.nodes[fqn]
    if node.get("layer") in DOMAIN_LAYERS and not BASE_CLASS.match(str(node.get("label", ""))):
        return True
    return _keeps_data(graph, fqn, entities)


def _keeps_data(graph: nx.MultiDiGraph, fqn: str, entities: frozenset[str]) -> bool:
    """True for an entity, a part of one aggregate, what a store keeps, a class reading or
    writing a table, and a helper of the data of its name (see the module docstring)."""
    if graph.nodes[fqn].get("stereotype") == "entity":
        return True
    if any(kind in ("composes", "stores") for _, _, kind in graph.in_edges(fqn, keys=True)):
        # a part of one aggregate (SpringBlog's PostStatus, held by Post alone), or what a
        # DAO or mapper stores (RuoYi's SysUser in com.ruoyi.common, which SysUserMapper keeps)
        return True
    return (
        _accesses_tables(graph, fqn)
        or _kept_by_one_store(graph, fqn)
        or _serves_own_data(graph, fqn, entities)
    )


def _kept_by_one_store(graph: nx.MultiDiGraph, fqn: str) -> bool:
    """True for a row the stores of one entity keep: stores of one name stem (RealWorld's
    ``UserRepository``, ``MyBatisUserRepository`` and ``UserMapper``) both take it and return
    it, and none holds it as a field. RealWorld's ``FollowRelation``, saved, found and removed
    through the user repository, is the user context's data, though its ``core`` package
    looks technical; eGovFrame's ``ComDefaultCodeVO``, only a query's criteria, and
    OpenClinica's ``CoreResources``, a collaborator ``RuleSetRuleDao`` is given (a field with
    its getter and setter), stay utilities."""
    taken: set[str | None] = set()
    returned: set[str | None] = set()
    for src, _, kind in graph.in_edges(fqn, keys=True):
        if graph.nodes[src].get("layer") != "persistence":
            continue
        if kind in ("field", "injection"):
            return False
        if kind in ("param", "return"):
            stem = store_stem(str(graph.nodes[src].get("label", "")))
            (taken if kind == "param" else returned).add(stem)
    stems = taken | returned
    return bool(taken) and bool(returned) and len(stems) == 1 and None not in stems


STORE_USE = frozenset({"call", "field", "local", "injection"})
ENTITY_USE = STORE_USE | {"param", "return", "new"}
HELPER_SUFFIX = re.compile(r"(Utils?|Helpers?|Common|Support|Tools?)$")


def _entity_names(graph: nx.MultiDiGraph) -> frozenset[str]:
    """The simple names of the entities: mapped to a table, or kept by a DAO, mapper or
    repository of the persistence layer (not a ``CacheManager`` and its ``Cache``)."""
    return frozenset(
        str(graph.nodes[n].get("label", "")).lower()
        for n in graph
        if graph.nodes[n].get("stereotype") == "entity"
        or any(
            kind == "stores" and graph.nodes[src].get("layer") == "persistence"
            for src, _, kind in graph.in_edges(n, keys=True)
        )
    )


def _serves_own_data(graph: nx.MultiDiGraph, fqn: str, entities: frozenset[str]) -> bool:
    """True for a helper named for the data it works on and working on it: using the entity
    of its name (JForum's ``PollCommon`` builds ``Poll`` objects) or calling that data's own store
    (JForum's ``TopicsCommon`` calls ``TopicDAO``; JeeSite's ``UserUtils`` and ``DictUtils``
    call ``UserDao`` and ``DictDao``). That is the behaviour of the context keeping that data,
    however widely it is used. OpenKM's ``FileUtils``, which looks a MIME type up through
    ``MimeTypeDAO``, and its ``ConfigUtils``, which only imports the ``Config`` entity, stay
    utilities."""
    label = str(graph.nodes[fqn].get("label", ""))
    match = HELPER_SUFFIX.search(label)
    if match is None or match.start() == 0:
        return False
    stem = (STORE_PREFIX.sub("", label[: match.start()]) or label[: match.start()]).lower()
    names = {stem, singular(stem)}
    for _, dst, kind in graph.out_edges(fqn, keys=True):
        if kind not in ENTITY_USE or dst == fqn:
            continue
        node = graph.nodes[dst]
        name = str(node.get("label", ""))
        if kind in STORE_USE and node.get("layer") == "persistence":
            stored = store_stem(name)
            if stored is not None and stored.lower() in names:
                return True
        if name.lower() in names and name.lower() in entities:
            return True
    return False

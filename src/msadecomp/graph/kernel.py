"""Shared-kernel detection: utility classes that everything uses.

A class such as ``EgovStringUtil`` or an abstract base DAO has high fan-in from all over the
system; left in the clustering graph it glues unrelated contexts together. Before clustering,
such classes are set aside and reported as one generic *shared kernel* group.

A class is a kernel candidate when it is used from at least ``min_packages`` distinct packages
(and from at least ``min_share`` of all packages that use any project class), its name or its
package looks technical (Util, Helper, Abstract/Base classes, default VOs, constants,
exceptions, ``util``/``common``/``support`` packages), and it carries no domain of its own:

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
  still be kernel.

A JPA ``@MappedSuperclass`` that two or more entities extend is kernel too (the entities'
common base: id, name, version) when it is named as a base class or its entities live in two
or more other packages.

Popularity alone never makes a kernel class: a core entity such as ``Order`` or ``Account`` is
used from everywhere precisely because it is the domain.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

TECHNICAL_NAME = re.compile(
    r"(Utils?|Helper|Constants?|Exception|Abstract\w+|Base\w+|\w*Default\w*VO|Support|Common\w*)$"
    r"|^(Abstract|Base|Egov(Com)?Abstract)"
)
BASE_CLASS = re.compile(r"^(Abstract|Base|Egov(Com)?Abstract)")
TECHNICAL_PACKAGE = re.compile(r"\.(util|utils|common|support|base|core|framework|helper)(\.|$)")
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


@dataclass(frozen=True, slots=True)
class KernelSettings:
    enabled: bool = True
    min_packages: int = 4
    min_share: float = 0.15
    include: tuple[str, ...] = ()
    """FQNs always treated as kernel."""
    exclude: tuple[str, ...] = ()
    """FQNs never treated as kernel."""


@dataclass(frozen=True, slots=True)
class KernelClass:
    fqn: str
    packages: int
    """Distinct packages that depend on it."""
    reason: str


def detect_kernel(
    graph: nx.MultiDiGraph, settings: KernelSettings | None = None
) -> list[KernelClass]:
    settings = settings or KernelSettings()
    if not settings.enabled:
        return [
            KernelClass(f, 0, "listed in kernel.include") for f in settings.include if f in graph
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
    found: list[KernelClass] = []
    for fqn in sorted(graph):
        if graph.nodes[fqn].get("kind") != "class" or fqn in settings.exclude:
            continue
        n = len(users.get(fqn, ()))
        label = str(graph.nodes[fqn].get("label", ""))
        package = str(graph.nodes[fqn].get("package", ""))
        if fqn in settings.include:
            found.append(KernelClass(fqn, n, "listed in kernel.include"))
        elif graph.nodes[fqn].get("mapped_superclass") and _common_base(graph, fqn):
            shared = len(_entity_descendants(graph, fqn))
            found.append(KernelClass(fqn, n, f"JPA mapped superclass of {shared} entities"))
        elif (
            n < settings.min_packages or n / total < settings.min_share or _has_domain(graph, fqn)
        ):
            continue
        elif TECHNICAL_NAME.search(label):
            found.append(
                KernelClass(fqn, n, f"technical name, no data of its own, used from {n} packages")
            )
        elif TECHNICAL_PACKAGE.search("." + package):
            found.append(
                KernelClass(
                    fqn, n, f"technical package, no data of its own, used from {n} packages"
                )
            )
    return found


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


def _has_domain(graph: nx.MultiDiGraph, fqn: str) -> bool:
    """True for classes that hold a context's data or behaviour (see the module docstring)."""
    node = graph.nodes[fqn]
    if node.get("stereotype") == "entity":
        return True
    if node.get("layer") in DOMAIN_LAYERS and not BASE_CLASS.match(str(node.get("label", ""))):
        return True
    if any(kind in ("composes", "stores") for _, _, kind in graph.in_edges(fqn, keys=True)):
        # a part of one aggregate (SpringBlog's PostStatus, held by Post alone), or what a
        # DAO or mapper stores (RuoYi's SysUser in com.ruoyi.common, which SysUserMapper keeps)
        return True
    return any(
        data["kind"] in ("read", "write") and not data.get("generated")
        for _, _, data in graph.out_edges(fqn, data=True)
    )

"""Shared-kernel detection: utility classes that everything uses.

A class such as ``EgovStringUtil`` or an abstract base DAO has high fan-in from all over the
system; left in the clustering graph it glues unrelated contexts together. Before clustering,
such classes are set aside and reported as one generic *shared kernel* group.

A class is a kernel candidate when it is used from at least ``min_packages`` distinct packages
(and from at least ``min_share`` of all packages that use any project class), and either its
name or its package looks technical (Util, Helper, Abstract/Base classes, default VOs,
constants, exceptions, ``util``/``common``/``support`` packages), or its fan-in reaches
``always_share`` of the packages whatever its name.
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
    always_share: float = 0.5
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
        elif n >= settings.min_packages and n / total >= settings.min_share:
            if TECHNICAL_NAME.search(label):
                found.append(KernelClass(fqn, n, f"technical name, used from {n} packages"))
            elif TECHNICAL_PACKAGE.search("." + package):
                found.append(KernelClass(fqn, n, f"technical package, used from {n} packages"))
            elif n / total >= settings.always_share:
                found.append(KernelClass(fqn, n, f"used from {n} of {total} packages"))
    return found

"""Areas: the feature packages that group a large system's services.

A system of sixty services is easier to read as a dozen areas of a few services each. Many
systems already say what their areas are in the first package level below the root that all
their code shares: eGovFrame's common components keep collaboration under
``egovframework.com.cop``, user support under ``uss``, system management under ``sym``,
security under ``sec``; Fineract keeps ``portfolio``, ``accounting`` and ``organisation``
under ``org.apache.fineract``. A service's area is the package of that level holding more than
half of its classes. The root is the deepest package holding most classes of four in five
services (counted by services: one feature of many classes is no root); when one package
below it holds over two thirds of the services, the level below that is used (eGovFrame's
templates keep their components under ``egovframework.let`` beside a few
``egovframework.com`` classes).

A system gets no areas at all when:

* its code shares no root package (several group ids: ``org``, ``com`` are no areas);
* more than a third of the services with an area sit in a package named for a layer or for
  plumbing (``web``, ``service``, ``domain``, ``dao``, ``common``, ``core``): layer-first
  code, whose packages are no features;
* fewer than three areas hold a service, or no area holds two;
* fewer than half the services have an area (most straddle packages).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

LAYER_WORDS = frozenset(
    {
        "action", "actions", "api", "application", "base", "bean", "beans", "biz", "business",
        "cache", "common", "config", "configuration", "controller", "controllers", "core",
        "dao", "daos", "data", "db", "direct", "domain", "dto", "dtos", "ejb", "ejb3",
        "entities", "entity", "exception", "exceptions", "form", "forms", "framework",
        "handler", "handlers", "helper", "helpers", "impl", "infrastructure", "interfaces",
        "jpa", "jsf", "mapper", "mappers", "model", "models", "module", "modules",
        "persistence", "pojo", "pojos", "repositories", "repository", "rest", "service",
        "services", "servlet", "servlets", "store", "stores", "support", "test", "tests",
        "ui", "util", "utils", "view", "views", "vo", "web", "webservices",
    }
)  # fmt: skip
"""Package names that name a layer or plumbing, not a feature area."""
ROOT_SHARE = 0.8
"""The root is the deepest package holding most classes of at least this share of the
services."""
MIN_AREAS = 3
DOMINANT_SHARE = 2 / 3
"""An area holding more than this share of the services is a root to look below."""


def service_areas(services: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Service id -> its area, for the services that have one; empty when the packages give
    the system no areas (see the module docstring)."""
    packages = {s["id"]: [_package(c) for c in s["classes"]] for s in services}
    root = _root(packages)
    while True:
        areas = _areas_below(root, packages)
        counts = Counter(areas.values())
        if not root or not counts:  # no package all the code shares: org, com, net are none
            return {}
        top, held = leading(counts)
        if held <= DOMINANT_SHARE * len(services):
            break
        root = [*root, top]
    layered = sum(n for area, n in counts.items() if area.lower() in LAYER_WORDS)
    if (
        len(counts) < MIN_AREAS
        or max(counts.values()) < 2
        or 3 * layered > len(areas)
        or 2 * len(areas) < len(services)
    ):
        return {}
    return areas


def leading(counts: Counter[str]) -> tuple[str, int]:
    """The most frequent name with its count (of equal counts, the first by name)."""
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _package(fqn: str) -> list[str]:
    """``a.b.C`` -> ``["a", "b"]``; a class of the default package has none."""
    package = fqn.rpartition(".")[0]
    return package.split(".") if package else []


def _root(packages: dict[str, list[list[str]]]) -> list[str]:
    """The deepest package holding more than half the classes of ``ROOT_SHARE`` of the
    services: counted by services, one big feature (a ``portfolio`` of 650 classes beside
    three areas of 40) is no root."""
    root: list[str] = []
    while True:
        below = Counter(_areas_below(root, packages).values())
        if not below:
            return root
        segment, held = leading(below)
        if held < ROOT_SHARE * len(packages):
            return root
        root = [*root, segment]


def _areas_below(root: list[str], packages: dict[str, list[list[str]]]) -> dict[str, str]:
    """Service id -> the package right below ``root`` holding more than half its classes."""
    depth = len(root)
    areas: dict[str, str] = {}
    for sid, ps in packages.items():
        below = Counter(p[depth] for p in ps if len(p) > depth and p[:depth] == root)
        if below:
            area, held = leading(below)
            if 2 * held > len(ps):
                areas[sid] = area
    return areas

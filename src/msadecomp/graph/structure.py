"""Package and module structure as a coupling signal.

Developers group a feature's classes by package and build module; that grouping is evidence of
a boundary even where the classes do not call each other (data holders, constants, screens'
helper classes). Two groupings tie classes in the graph:

* the **package** itself (tying whole *feature* packages, below, instead was measured worse on
  five of six real corpora and on the fixture: layer sub-packages already group by feature in
  eGovFrame code, and layer-first code would be tied across features);
* the **build module**: the folder of the nearest ``pom.xml`` / ``build.gradle(.kts)`` above
  the class's source file (Maven and Gradle multi-module builds).

The **feature package** (the package without its trailing layer segments:
``egovframework.com.cop.bbs.service.impl`` and ``egovframework.com.cop.bbs.web`` are both
``egovframework.com.cop.bbs``) places classes without edges and views by folder.

Classes of one group are tied with edges of total strength about 1 per class: a small group is
a clique with strength ``1 / (n - 1)`` per edge; a large one is a ring over its classes sorted by
name plus chords, ``RING_NEIGHBOURS`` neighbours each, so edges grow linearly with the group.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import PurePosixPath

LAYER_SEGMENTS = frozenset(
    {
        "web",
        "controller",
        "controllers",
        "action",
        "actions",
        "rest",
        "api",
        "service",
        "services",
        "impl",
        "dao",
        "daos",
        "mapper",
        "mappers",
        "repository",
        "repositories",
        "persistence",
        "vo",
        "dto",
        "dtos",
        "domain",
        "model",
        "models",
        "entity",
        "entities",
        "form",
        "forms",
        "validator",
        "validation",
    }
)
TECHNICAL_SEGMENTS = LAYER_SEGMENTS | frozenset(
    {
        "application",
        "infrastructure",
        "interfaces",
        "internal",
        "jpa",
        "hibernate",
        "jdbc",
        "mybatis",
        "mapstruct",
        "ibatis",
        "ejb",
        "ejb3",
        "war",
        "mdb",
        "direct",
        "bean",
        "beans",
        "util",
        "utils",
        "common",
        "config",
        "configuration",
        "support",
        "helper",
        "helpers",
        "facade",
        "adapter",
        "adapters",
        "messaging",
        "jms",
        "ws",
        "soap",
        "json",
        "xml",
        "view",
        "views",
        "ui",
        "jsf",
        "faces",
        "wicket",
        "tapestry",
        "pages",
        "components",
        "gwt",
        "vaadin",
        "struts",
        "spring",
        "servlet",
        "servlets",
        "cdi",
        "websocket",
        "sse",
        "handler",
        "handlers",
        "listener",
        "listeners",
        "filter",
        "filters",
        "exception",
        "exceptions",
        "assembler",
        "resource",
        "resources",
        "client",
        "server",
        "data",
        "db",
        "spi",
    }
)
DOMAIN_SEGMENTS = 2
"""Leading package segments that name the organisation (``com.ibm``, ``org.mybatis``)."""
ROOT_SHARE = 0.6
"""The application's root package is the longest prefix this share of the classes has."""
RING_NEIGHBOURS = 8
BUILD_FILES = ("pom.xml", "build.gradle", "build.gradle.kts")


def feature_package(package: str) -> str:
    """The package without its trailing layer segments.

    >>> feature_package("egovframework.com.cop.bbs.service.impl")
    'egovframework.com.cop.bbs'
    >>> feature_package("org.shop.order")
    'org.shop.order'
    """
    parts = package.split(".")
    while len(parts) > 1 and parts[-1].lower() in LAYER_SEGMENTS:
        parts.pop()
    return ".".join(parts)


def root_package(packages: Iterable[str]) -> str:
    """The longest package prefix that at least ``ROOT_SHARE`` of the classes share, up to its
    first layer or technical segment past the ``DOMAIN_SEGMENTS`` of the reverse domain name
    (``org.mybatis`` is an organisation, not the MyBatis layer).

    >>> root_package(["shop.order", "shop.order.web", "shop.cart", "shop"])
    'shop'
    >>> root_package(["org.mybatis.jpetstore.domain", "org.mybatis.jpetstore.mapper"])
    'org.mybatis.jpetstore'
    """
    items = [p.split(".") for p in packages]
    root: list[str] = []
    while items:
        heads = Counter(p[len(root)] for p in items if len(p) > len(root))
        if not heads:
            break
        head, n = heads.most_common(1)[0]
        if n < ROOT_SHARE * len(items):
            break
        if len(root) >= DOMAIN_SEGMENTS and head.lower() in TECHNICAL_SEGMENTS:
            break
        root.append(head)
    return ".".join(root)


def layer_first(package: str, root: str) -> bool:
    """True when a package names only layers and technology below the application root
    (``shop.mapper``, ``shop.infrastructure.persistence.jpa``): its classes belong to
    different features, so sharing it is no evidence of a boundary.

    >>> layer_first("shop.infrastructure.persistence.jpa", "shop")
    True
    >>> layer_first("shop.cart.web", "shop")
    False
    """
    parts = package.split(".")
    inside = root and (package + ".").startswith(root + ".")
    below = parts[len(root.split(".")) :] if inside else parts[1:]
    return all(p.lower() in TECHNICAL_SEGMENTS for p in below)


def module_of(source_path: str, build_dirs: Iterable[str]) -> str:
    """The nearest folder holding a build file above ``source_path`` ("" when none).

    >>> module_of("shop/order/src/main/java/A.java", ["", "shop/order"])
    'shop/order'
    """
    dirs = set(build_dirs)
    for parent in PurePosixPath(source_path).parents:
        key = "" if str(parent) == "." else str(parent)
        if key in dirs:
            return key
    return ""


def build_dirs(delivery_files: Iterable[str]) -> list[str]:
    """Folders holding a Maven or Gradle build file, from the model's delivery files."""
    out = []
    for path in delivery_files:
        p = PurePosixPath(path)
        if p.name in BUILD_FILES:
            out.append("" if str(p.parent) == "." else str(p.parent))
    return sorted(set(out))


def group_edges(groups: Mapping[str, str]) -> Iterator[tuple[str, str, float]]:
    """Edges ``(a, b, strength)`` tying the members of each group (node -> group key)."""
    members: dict[str, list[str]] = defaultdict(list)
    for node, key in groups.items():
        if key:
            members[key].append(node)
    for key in sorted(members):
        nodes = sorted(members[key])
        n = len(nodes)
        if n < 2:
            continue
        if n <= RING_NEIGHBOURS + 1:
            strength = 1.0 / (n - 1)
            for i in range(n):
                for j in range(i + 1, n):
                    yield nodes[i], nodes[j], strength
            continue
        strength = 1.0 / RING_NEIGHBOURS
        for i in range(n):
            for step in range(1, RING_NEIGHBOURS // 2 + 1):
                yield nodes[i], nodes[(i + step) % n], strength

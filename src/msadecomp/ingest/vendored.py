"""Third-party sources copied into a project: code of a library, not of the application.

Projects sometimes carry a library's source among their own: PublicCMS ships Google's sfntly
font library (175 files under ``com.google.typography``) in its analyzer module, JeeSite
patched copies of MyBatis classes (``org.apache.ibatis.session.Configuration``). Analysed as
application code they became services of their own (sfntly's was typed core). A source file is
taken for such a copy when its package lies in the namespace of a well-known library
publisher (:data:`LIBRARY_NAMESPACES`) that none of the application's own package prefixes
(the first two segments holding a fifth or more of its sources, and the commonest one) lies
in: Apache Fineract's ``org.apache.fineract`` keeps every ``org.apache`` package its own, and
Cargo Tracker's ``org.eclipse.cargotracker`` its ``org.eclipse.pathfinder``.

>>> sorted(vendored_packages(["com.shop.a"] * 8 + ["com.google.font", "com.shop.b"]))
['com.google.font']
>>> vendored_packages(["org.apache.fineract.loan"] * 5 + ["org.apache.commons.x"])
set()
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

LIBRARY_NAMESPACES = (
    "org.apache.",
    "com.google.",
    "org.springframework.",
    "org.hibernate.",
    "org.mybatis.",
    "org.activiti.",
    "org.flowable.",
    "org.camunda.",
    "org.eclipse.",
    "com.fasterxml.",
    "com.alibaba.",
    "com.ckfinder.",
    "com.baidu.",
    "org.json.",
    "org.slf4j.",
    "ch.qos.",
    "io.netty.",
    "net.sf.",
)
"""Package prefixes of widely used libraries' publishers (``javax``/``jakarta`` are not among
them: Tomcat's own sources implement ``jakarta.servlet``)."""
OWN_SHARE = 0.2
"""A two-segment package prefix holding this share of the sources is the application's."""


def _prefix(package: str) -> str:
    return ".".join(package.split(".")[:2]) + "."


def vendored_packages(packages: Iterable[str]) -> set[str]:
    """The packages of ``packages`` (one entry per source file) that are copies of a library
    (see the module docstring)."""
    packages = list(packages)
    counts = Counter(_prefix(p) for p in packages if p)
    if not counts:
        return set()
    total = sum(counts.values())
    own = {p for p, n in counts.items() if n >= OWN_SHARE * total}
    own.add(counts.most_common(1)[0][0])
    foreign = tuple(ns for ns in LIBRARY_NAMESPACES if not any(o.startswith(ns) for o in own))
    return {p for p in packages if p and (p + ".").startswith(foreign)}

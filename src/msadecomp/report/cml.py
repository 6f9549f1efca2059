"""Context Mapper (CML) export: the proposed services as bounded contexts on a context map.

What is written, in the subset of the Context Mapper grammar (``ContextMappingDSL.xtext``)
that :mod:`msadecomp.report.cml_check` checks:

* one ``BoundedContext`` per service (``type = FEATURE``), implementing a ``Subdomain`` of one
  ``Domain``; the subdomain carries the DDD type: CML spells it on the subdomain
  (``type = CORE_DOMAIN | SUPPORTING_DOMAIN | GENERIC_SUBDOMAIN``), since a bounded context's own
  ``type`` means something else (FEATURE, APPLICATION, SYSTEM, TEAM);
* per owned table an ``Aggregate`` with the table as its root ``Entity`` (``databaseTable``);
* a ``ContextMap`` (``type = SYSTEM_LANDSCAPE``, ``state = TO_BE``) with one relationship per
  pair of dependent services: ``U [U]->[D] D`` where D calls U or uses U's tables, a
  ``[P]<->[P]`` partnership where both depend on each other, and ``[SK]<->[SK]`` between the
  shared kernel and each service using it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

SUBDOMAIN_TYPE = {
    "core": "CORE_DOMAIN",
    "supporting": "SUPPORTING_DOMAIN",
    "generic": "GENERIC_SUBDOMAIN",
}
KEYWORDS = frozenset(
    [
        "ContextMap",
        "BoundedContext",
        "Domain",
        "Subdomain",
        "Aggregate",
        "Entity",
        "ValueObject",
        "Service",
        "Module",
        "Application",
        "Repository",
        "Resource",
        "Consumer",
        "Trait",
        "BasicType",
        "Event",
        "DomainEvent",
        "Command",
        "CommandEvent",
        "DataTransferObject",
        "UseCase",
        "UserStory",
        "Flow",
        "Partnership",
        "import",
        "implements",
        "realizes",
        "refines",
        "type",
        "state",
        "contains",
        "domainVisionStatement",
        "responsibilities",
        "implementationTechnology",
        "knowledgeLevel",
        "supports",
        "aggregateRoot",
        "databaseTable",
        "owner",
        "exposedAggregates",
        "downstreamRights",
        "UNDEFINED",
        "FEATURE",
        "APPLICATION",
        "SYSTEM",
        "TEAM",
        "CORE_DOMAIN",
        "SUPPORTING_DOMAIN",
        "GENERIC_SUBDOMAIN",
        "SYSTEM_LANDSCAPE",
        "ORGANIZATIONAL",
        "AS_IS",
        "TO_BE",
        "META",
        "CONCRETE",
        "U",
        "D",
        "P",
        "SK",
        "S",
        "C",
        "PL",
        "OHS",
        "ACL",
        "CF",
    ]
)


def cml_id(text: str, suffix: str = "") -> str:
    """A CML identifier: ``file-mng`` -> ``FileMng``; keywords escaped with ``^``."""
    words = [w for w in re.split(r"[^A-Za-z0-9]+", text) if w]
    ident = (
        "".join(
            w[:1].upper() + w[1:].lower() if w.isupper() else w[:1].upper() + w[1:] for w in words
        )
        + suffix
    )
    if not ident or not (ident[0].isalpha() or ident[0] == "_"):
        ident = "X" + ident
    return "^" + ident if ident in KEYWORDS else ident


def cml_string(text: str) -> str:
    """A CML string literal."""
    flat = " ".join(text.split())
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _dependencies(report: dict[str, Any]) -> set[tuple[str, str]]:
    """(downstream, upstream) service pairs: calls and uses of another service's tables."""
    pairs = {(c["from_service"], c["to_service"]) for c in report.get("remote_calls", [])}
    for info in report.get("tables", {}).values():
        owner = info.get("owner")
        for user in info.get("access", {}):
            if owner is not None and user != owner:
                pairs.add((user, owner))
    return {(a, b) for a, b in pairs if a != b}


def to_cml(report: dict[str, Any]) -> str:
    """The CML text of a report."""
    services = report["services"]
    kernel = report.get("shared_kernel")
    ids = {s["id"]: cml_id(s["id"], "Context") for s in services}
    if kernel:
        ids[kernel["id"]] = "SharedKernelContext"
    system = cml_id(str(report["input"]["root"]).rsplit("/", 1)[-1] or "System")
    header = (
        f"{report.get('generator', 'msadecomp')}: proposed bounded contexts of "
        f"{report['input']['root']} (generated; edit freely)."
    )
    lines = [
        "/* " + header.replace("*/", "* /") + " */",
        "",
        f"ContextMap {system}Map {{",
        "\ttype = SYSTEM_LANDSCAPE",
        "\tstate = TO_BE",
    ]
    if ids:
        lines.append("\tcontains " + ", ".join(ids[k] for k in sorted(ids)))
    known = set(ids)
    deps = {(a, b) for a, b in _dependencies(report) if a in known and b in known}
    if kernel:
        deps -= {(a, b) for a, b in deps if kernel["id"] in (a, b)}
    done: set[tuple[str, str]] = set()
    for down, up in sorted(deps):
        if (up, down) in deps:
            pair = (min(up, down), max(up, down))
            if pair not in done:
                done.add(pair)
                lines.append(f"\t{ids[pair[0]]} [P]<->[P] {ids[pair[1]]}")
            continue
        lines.append(f"\t{ids[up]} [U]->[D] {ids[down]}")
    if kernel:
        for user in sorted(u for u in kernel.get("used_by_services", []) if u in ids):
            lines.append(f"\t{ids[kernel['id']]} [SK]<->[SK] {ids[user]}")
    lines += ["}", ""]
    subdomains: list[tuple[str, str, str]] = []
    entities: defaultdict[str, int] = defaultdict(int)  # entity names are unique in the file
    for s in services:
        sub = cml_id(s["id"], "Subdomain")
        kind = SUBDOMAIN_TYPE.get(s["subdomain"]["type"], "UNDEFINED")
        subdomains.append((sub, kind, f"{s['name']}: {len(s['classes'])} classes"))
        lines += _context(ids[s["id"]], sub, s, entities)
    if kernel:
        subdomains.append(("SharedKernelSubdomain", "GENERIC_SUBDOMAIN", "shared kernel"))
        lines += [
            "BoundedContext SharedKernelContext implements SharedKernelSubdomain {",
            "\tdomainVisionStatement = "
            + cml_string(f"Shared kernel: {len(kernel['classes'])} utility classes"),
            "\ttype = FEATURE",
            "}",
            "",
        ]
    lines.append(f"Domain {system} {{")
    for sub, kind, vision in subdomains:
        lines += [
            f"\tSubdomain {sub} {{",
            f"\t\ttype = {kind}",
            f"\t\tdomainVisionStatement = {cml_string(vision)}",
            "\t}",
        ]
    lines += ["}", ""]
    return "\n".join(lines)


def _context(
    name: str, subdomain: str, service: dict[str, Any], used: defaultdict[str, int]
) -> list[str]:
    figures = (
        f"{service['name']} ({service['subdomain']['type']}): {len(service['classes'])} classes, "
        f"{len(service['tables']['owned'])} owned tables, {len(service['endpoints'])} endpoints"
    )
    lines = [
        f"BoundedContext {name} implements {subdomain} {{",
        f"\tdomainVisionStatement = {cml_string(figures)}",
        "\ttype = FEATURE",
    ]
    for table in service["tables"]["owned"]:
        entity = cml_id(table)
        used[entity] += 1
        if used[entity] > 1:
            entity = f"{entity}{used[entity]}"
        lines += [
            f"\tAggregate {entity.lstrip('^')}Aggregate {{",
            f"\t\tEntity {entity} {{",
            f"\t\t\tdatabaseTable = {cml_string(table)}",
            "\t\t\taggregateRoot",
            "\t\t}",
            "\t}",
        ]
    return [*lines, "}", ""]

"""PlantUML component diagram of the proposed services (``services.puml``).

One component per service, labelled with its name, subdomain and size and coloured like the
Graphviz context map; solid arrows are cross-service calls (with their count), dashed arrows
point from a service to the owner of tables it uses; the shared kernel is a separate component.
A legend explains the colours and arrows.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from msadecomp.report.i18n import plural

COLOURS = {"core": "#f8cbad", "supporting": "#fff2cc", "generic": "#ddebf7"}


def _alias(service_id: str) -> str:
    return "svc_" + re.sub(r"[^A-Za-z0-9_]", "_", service_id)


def _text(text: str) -> str:
    return text.replace('"', "'").replace("\n", " ")


def to_plantuml(report: dict[str, Any]) -> str:
    lines = [
        "@startuml",
        f"title {_text('Proposed services of ' + str(report['input']['root']))}",
        "skinparam componentStyle rectangle",
        "skinparam shadowing false",
    ]
    ids = set()
    for s in report["services"]:
        ids.add(s["id"])
        figures = ", ".join(
            (
                plural(len(s["classes"]), "class"),
                plural(len(s["tables"]["owned"]), "table"),
                plural(len(s["endpoints"]), "endpoint"),
            )
        )
        label = f"{s['id']}\\n«{s['subdomain']['type']}»\\n{figures}"
        colour = COLOURS.get(s["subdomain"]["type"], "#ffffff")
        lines.append(f'component "{_text(label)}" as {_alias(s["id"])} {colour}')
    kernel = report.get("shared_kernel")
    if kernel:
        ids.add(kernel["id"])
        lines.append(
            f'component "shared kernel\\n{plural(len(kernel["classes"]), "class")}" '
            f"as {_alias(kernel['id'])} #eeeeee"
        )
    calls: Counter[tuple[str, str]] = Counter()
    for c in report.get("remote_calls", []):
        calls[(c["from_service"], c["to_service"])] += c["count"]
    for (a, b), n in sorted(calls.items()):
        if a in ids and b in ids:
            lines.append(f"{_alias(a)} --> {_alias(b)} : {plural(n, 'call')}")
    tables: Counter[tuple[str, str]] = Counter()
    for info in report.get("tables", {}).values():
        owner = info.get("owner")
        for user in info.get("access", {}):
            if owner is not None and user != owner:
                tables[(user, owner)] += 1
    for (a, b), n in sorted(tables.items()):
        if a in ids and b in ids:
            lines.append(f"{_alias(a)} ..> {_alias(b)} : {plural(n, 'table')}")
    lines += [
        "legend right",
        "  orange: core subdomain, yellow: supporting, blue: generic, grey: shared kernel",
        "  solid arrow: calls that become remote (count)",
        "  dashed arrow: tables of the target service used by the source",
        "endlegend",
        "@enduml",
        "",
    ]
    return "\n".join(lines)

"""Graphviz diagrams of a report, built with pydot. Nodes and edges are added in sorted order,
so the DOT text is stable for a given report."""

from __future__ import annotations

import re
from typing import Any

import pydot

SUBDOMAIN_COLOURS = {"core": "#f8cbad", "supporting": "#fff2cc", "generic": "#ddebf7"}
DEFAULT_COLOUR = "#eeeeee"
FONT = "Helvetica"


def node_id(text: str) -> str:
    """A DOT-safe identifier (pydot would read ``table:X`` as a port)."""
    return re.sub(r"\W", "_", text)


def _graph(name: str, title: str, **attrs: Any) -> pydot.Dot:
    g = pydot.Dot(
        name, graph_type="digraph", rankdir="LR", fontname=FONT, labelloc="t", label=title, **attrs
    )
    g.set_node_defaults(shape="box", style="rounded,filled", fontname=FONT, fontsize="11")
    g.set_edge_defaults(fontname=FONT, fontsize="9", color="#555555")
    return g


def service_colour(service: dict[str, Any]) -> str:
    kind = str((service.get("subdomain") or {}).get("type"))
    return SUBDOMAIN_COLOURS.get(kind, DEFAULT_COLOUR)


def context_map(report: dict[str, Any]) -> str:
    """One box per service; arrows are cross-service calls, labelled with their count."""
    g = _graph("context_map", f"Context map: {report['input']['root']}")
    for s in report["services"]:
        kind = (s.get("subdomain") or {}).get("type")
        lines = [f"{s['id']} {s['name']}"]
        if kind:
            lines.append(f"«{kind}»")
        lines.append(
            f"{len(s['classes'])} classes, {len(s['tables']['owned'])} tables, "
            f"{len(s['endpoints'])} endpoints"
        )
        g.add_node(
            pydot.Node(node_id(s["id"]), label="\n".join(lines), fillcolor=service_colour(s))
        )
    pairs: dict[tuple[str, str], int] = {}
    for c in report["remote_calls"]:
        key = (c["from_service"], c["to_service"])
        pairs[key] = pairs.get(key, 0) + c["count"]
    shared: dict[tuple[str, str], list[str]] = {}
    for table, info in report["tables"].items():
        for svc in info["access"]:
            if info["owner"] and svc != info["owner"]:
                shared.setdefault((svc, info["owner"]), []).append(table)
    for (a, b), n in sorted(pairs.items()):
        g.add_edge(
            pydot.Edge(
                node_id(a),
                node_id(b),
                label=f"{n} call{'s' * (n != 1)}",
                penwidth=f"{min(1 + n / 3, 6):.1f}",
            )
        )
    for (a, b), tables in sorted(shared.items()):
        g.add_edge(
            pydot.Edge(
                node_id(a),
                node_id(b),
                style="dashed",
                color="#c00000",
                label=f"{len(tables)} shared table{'s' * (len(tables) != 1)}",
            )
        )
    return str(g.to_string())

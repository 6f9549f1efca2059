"""GraphML of the class/table graph (``graph.graphml``) for Gephi, yEd, Neo4j and friends.

Nodes are classes and tables (ids as in the graph: class FQN, ``table:NAME``) with ``kind``,
``label``, ``package``, ``service`` (id, ``K`` for the shared kernel, empty if unplaced),
``service_name`` and ``subdomain``. Edges are directed and merged per pair of nodes, with the
summed evidence ``count`` and the dependency ``kinds`` (comma-separated).
"""

from __future__ import annotations

from typing import Any

import networkx as nx


def to_graphml(report: dict[str, Any], graph: nx.MultiDiGraph) -> str:
    where: dict[str, tuple[str, str, str]] = {}
    for s in report["services"]:
        info = (s["id"], s["name"], s["subdomain"]["type"])
        where.update(dict.fromkeys(s["classes"], info))
    kernel = report.get("shared_kernel")
    if kernel:
        where.update(dict.fromkeys(kernel["classes"], (kernel["id"], "shared-kernel", "generic")))
    for table, t in report.get("tables", {}).items():
        owner = next((s for s in report["services"] if s["id"] == t.get("owner")), None)
        if owner is not None:
            where[f"table:{table}"] = (owner["id"], owner["name"], owner["subdomain"]["type"])
    out = nx.DiGraph()
    for node in sorted(graph.nodes):
        data = graph.nodes[node]
        service, name, subdomain = where.get(node, ("", "", ""))
        out.add_node(
            node,
            kind=str(data.get("kind", "")),
            label=str(data.get("label", node)),
            package=str(data.get("package", "")),
            service=service,
            service_name=name,
            subdomain=subdomain,
        )
    merged: dict[tuple[str, str], tuple[int, set[str]]] = {}
    for u, v, data in graph.edges(data=True):
        count, kinds = merged.get((u, v), (0, set()))
        merged[(u, v)] = (count + int(data.get("count", 1)), kinds | {str(data.get("kind", ""))})
    for (u, v), (count, kinds) in sorted(merged.items()):
        out.add_edge(u, v, count=count, kinds=",".join(sorted(k for k in kinds if k)))
    return "\n".join(nx.generate_graphml(out, prettyprint=True)) + "\n"

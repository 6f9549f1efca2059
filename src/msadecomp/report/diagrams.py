"""Graphviz diagrams of a report, built with pydot. Nodes and edges are added in sorted order,
so the DOT text is stable for a given report."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pydot

from msadecomp.graph import INFERRED_KINDS
from msadecomp.report.areas import leading

SUBDOMAIN_COLOURS = {"core": "#f8cbad", "supporting": "#fff2cc", "generic": "#ddebf7"}
DEFAULT_COLOUR = "#eeeeee"
FONT = "Helvetica"


def service_title(service: dict[str, Any]) -> str:
    """``id name``, the name left out when it equals the id (report issue: content ids)."""
    sid, name = str(service["id"]), str(service["name"])
    return sid if name == sid else f"{sid} {name}"


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


MAP_ALL_LINKS = 30
"""A context map of at most this many links (calls and shared tables) draws them all."""
MAP_LINKS_PER_SERVICE = 2
"""Beyond that, a call link is drawn when it is one of the ``MAP_LINKS_PER_SERVICE`` strongest
going out of its caller or coming into its callee: Roller's 19 services call each other over
101 links, a hairball; the 52 such links carry 1,808 of its 2,264 cross-service calls."""
MAX_MAP_EDGES = 160
"""The context map never draws more links than this (the strongest calls and shared tables)."""


def _strongest_links(pairs: dict[tuple[str, str], int]) -> dict[tuple[str, str], int]:
    """The links among each service's ``MAP_LINKS_PER_SERVICE`` strongest out and in."""
    ranked = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
    taken: Counter[tuple[str, str]] = Counter()  # (service, "out" or "in") -> links kept
    kept: dict[tuple[str, str], int] = {}
    for (a, b), n in ranked:
        if taken[(a, "out")] < MAP_LINKS_PER_SERVICE or taken[(b, "in")] < MAP_LINKS_PER_SERVICE:
            kept[(a, b)] = n
        taken[(a, "out")] += 1
        taken[(b, "in")] += 1
    return kept


def _count(n: int, one: str, many: str = "") -> str:
    """``1 table``, ``3 tables``."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def context_map(report: dict[str, Any]) -> str:
    """One box per service; arrows are cross-service calls, labelled with their count. A dense
    map shows each service's strongest links only, laid out as a spring model, and its title
    says how many links it leaves out."""
    root = report["input"]["root"]
    g = _graph("context_map", f"Context map: {root}")
    for s in report["services"]:
        kind = (s.get("subdomain") or {}).get("type")
        lines = [service_title(s)]
        if kind:
            lines.append(f"«{kind}»" + (" «library»" if s.get("library") else ""))
        lines.append(
            f"{_count(len(s['classes']), 'class', 'classes')}, "
            f"{_count(len(s['tables']['owned']), 'table')}, "
            f"{_count(len(s['endpoints']), 'endpoint')}"
        )
        node = pydot.Node(node_id(s["id"]), label="\n".join(lines), fillcolor=service_colour(s))
        if s.get("library"):  # code its callers share, drawn apart from deployable services
            node.set("style", "rounded,filled,dashed")
        g.add_node(node)
    pairs: dict[tuple[str, str], int] = {}
    for c in report["remote_calls"]:
        key = (c["from_service"], c["to_service"])
        pairs[key] = pairs.get(key, 0) + c["count"]
    shared: dict[tuple[str, str], list[str]] = {}
    for table, info in report["tables"].items():
        for svc in info["access"]:
            if info["owner"] and svc != info["owner"]:
                shared.setdefault((svc, info["owner"]), []).append(table)
    if len(pairs) + len(shared) > MAP_ALL_LINKS:
        drawn = _strongest_links(pairs)
        drawn = dict(sorted(drawn.items(), key=lambda kv: (-kv[1], kv[0]))[: MAX_MAP_EDGES // 2])
        kept_shared = dict(
            sorted(shared.items(), key=lambda kv: (-len(kv[1]), kv[0]))[: MAX_MAP_EDGES // 2]
        )
        left = len(pairs) - len(drawn) + len(shared) - len(kept_shared)
        if left:
            g.set(
                "label",
                f"Context map: {root}: each service's {MAP_LINKS_PER_SERVICE} strongest call "
                f"links in and out ({len(drawn)} of {len(pairs)} links, "
                f"{sum(drawn.values())} of {sum(pairs.values())} calls) and "
                f"{len(kept_shared)} of {len(shared)} shared-table links; report.json lists all",
            )
        pairs, shared = drawn, kept_shared
        # ranks from left to right bend a dense web of calls into long loops round the map;
        # a spring layout puts the most called services in the middle, with straight arrows
        g.set("layout", "neato")
        g.set("overlap", "false")
        g.set("splines", "true")
        g.set("sep", "+12")
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


NO_AREA = "(no area)"
AREA_MAP_SERVICES = 20
"""Systems of fewer services have no area map: their context map reads well enough."""
AREA_NAMES_WIDTH = 60
"""An area box lists its services' names in lines of at most this many characters."""


def area_map(report: dict[str, Any]) -> str | None:
    """One box per area (see :mod:`msadecomp.report.areas`) listing its services, with the
    calls and shared tables between areas: the map of a system of sixty services read as a
    dozen areas. None when the system has no areas or fewer than ``AREA_MAP_SERVICES``
    services."""
    area = {s["id"]: s.get("area") or NO_AREA for s in report["services"]}
    if len(area) < AREA_MAP_SERVICES or not any(s.get("area") for s in report["services"]):
        return None
    members: dict[str, list[dict[str, Any]]] = {}
    for s in report["services"]:
        members.setdefault(area[s["id"]], []).append(s)
    box = area_boxes(report)
    g = _graph("area_map", f"Areas: {report['input']['root']}")
    for name, services in sorted(members.items()):
        kinds = Counter(str((s.get("subdomain") or {}).get("type") or "untyped") for s in services)
        lines = [
            f"{name}: {_count(len(services), 'service')}",
            f"{_count(sum(len(s['classes']) for s in services), 'class', 'classes')}, "
            f"{_count(sum(len(s['tables']['owned']) for s in services), 'table')}, "
            f"{_count(sum(len(s['endpoints']) for s in services), 'endpoint')}",
            ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())),
            *_wrapped(sorted(s["name"] for s in services), AREA_NAMES_WIDTH),
        ]
        top = leading(kinds)[0]
        g.add_node(
            pydot.Node(
                box[name],
                label="\n".join(lines),
                fillcolor=SUBDOMAIN_COLOURS.get(top, DEFAULT_COLOUR),
            )
        )
    calls: Counter[tuple[str, str]] = Counter()
    for c in report["remote_calls"]:
        a, b = area.get(c["from_service"]), area.get(c["to_service"])
        if a and b and a != b:  # the shared kernel is in no area
            calls[(a, b)] += c["count"]
    shared: dict[tuple[str, str], set[str]] = {}
    for table, info in report["tables"].items():
        owner = area.get(info["owner"] or "")
        for svc in info["access"]:
            user = area.get(svc)
            if owner and user and user != owner:
                shared.setdefault((user, owner), set()).add(table)
    for a, b in sorted(set(calls) | set(shared)):  # one arrow per pair: its calls and tables
        n, tables = calls.get((a, b), 0), len(shared.get((a, b), ()))
        label = ", ".join(
            [f"{n} call{'s' * (n != 1)}"] * bool(n)
            + [f"{tables} shared table{'s' * (tables != 1)}"] * bool(tables)
        )
        edge = pydot.Edge(box[a], box[b], label=label)
        if n:
            edge.set("penwidth", f"{min(1 + n / 20, 6):.1f}")
        else:  # reads or writes only, drawn as the context map draws shared tables
            edge.set("style", "dashed")
            edge.set("color", "#c00000")
        g.add_edge(edge)
    # few boxes, each tied to most others: a spring layout keeps the arrows short and straight
    g.set("layout", "neato")
    g.set("overlap", "false")
    g.set("splines", "true")
    g.set("sep", "+20")
    return str(g.to_string())


def area_boxes(report: dict[str, Any]) -> dict[str, str]:
    """Area name -> the DOT id of its box in the area map (by position: names sanitised into
    ids could clash)."""
    names = {s.get("area") or NO_AREA for s in report["services"]}
    return {name: f"area_{i}" for i, name in enumerate(sorted(names))}


def _wrapped(words: list[str], width: int) -> list[str]:
    """``words`` joined by commas into lines of at most ``width`` characters (a longer word
    gets a line of its own)."""
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 2 + len(word) <= width:
            lines[-1] += ", " + word
        else:
            lines.append(word)
    return lines


COLLAPSE_ABOVE = 300
"""Class diagrams with more classes than this show packages instead, so layout stays fast."""
MAX_BOXES = 160
"""Collapsed diagrams fold packages into their parents until at most this many boxes remain."""
MAX_EDGES = 400
"""At most this many (the strongest) dependency arrows are drawn; the title says how many not."""
LAYER_SHAPES = {
    "web": "component",
    "service": "box",
    "persistence": "cylinder",
    "model": "note",
    "other": "box",
}


def class_diagram(report: dict[str, Any], graph: Any) -> str:
    """Classes grouped by service (clusters coloured by subdomain), with their dependencies.

    Above ``COLLAPSE_ABOVE`` classes, each service shows its packages instead of its classes and
    edges are summed per package pair.
    """
    groups = [(s["id"], s["name"], s, s["classes"]) for s in report["services"]]
    kernel = report.get("shared_kernel")
    if kernel:
        groups.append(
            (kernel["id"], "shared-kernel", {"subdomain": {"type": "generic"}}, kernel["classes"])
        )
    total = sum(len(classes) for *_, classes in groups)
    collapse = total > COLLAPSE_ABOVE
    title = f"Classes by service: {report['input']['root']}"
    g = _graph(
        "classes", title + (" (collapsed to packages)" if collapse else ""), compound="true"
    )
    node_of: dict[str, str] = {}
    depth = _package_depth(groups, graph) if collapse else 0

    def package(fqn: str) -> str:
        pkg = str(graph.nodes[fqn].get("package", "")) if fqn in graph else ""
        return ".".join(pkg.split(".")[:depth]) if depth else pkg

    # boxes name their package below the root all classes share (weblogger.business, not
    # org.apache.roller.weblogger.business); the title names the root once
    root = (
        _common_root([package(c) for *_, classes in groups for c in classes]) if collapse else ""
    )
    if root:
        g.set("label", f"{title} (collapsed to packages of {root})")

    def shown(pkg: str) -> str:
        if root and pkg == root:
            return pkg.rpartition(".")[2]  # the root package itself: its last segment
        return pkg[len(root) + 1 :] if root and pkg.startswith(root + ".") else pkg

    for sid, name, service, classes in groups:
        sizes = Counter(package(c) for c in classes)
        sub = pydot.Cluster(
            node_id(f"cluster_{sid}"),
            label=sid if name == sid else f"{sid} {name}",
            style="rounded,filled",
            fillcolor=service_colour(service),
            fontname=FONT,
        )
        seen: set[str] = set()
        for fqn in sorted(classes):
            if collapse:
                pkg = package(fqn)
                nid = node_id(f"{sid}_{pkg}")
                node_of[fqn] = nid
                if nid not in seen:
                    sub.add_node(
                        pydot.Node(
                            nid,
                            label=f"{shown(pkg)}\n({sizes[pkg]} class{'es' * (sizes[pkg] != 1)})",
                            fillcolor="white",
                            shape="folder",
                        )
                    )
                    seen.add(nid)
            else:
                nid = node_id(fqn)
                node_of[fqn] = nid
                layer = str(graph.nodes[fqn].get("layer", "other")) if fqn in graph else "other"
                sub.add_node(
                    pydot.Node(
                        nid,
                        label=fqn.rpartition(".")[2],
                        fillcolor="white",
                        shape=LAYER_SHAPES.get(layer, "box"),
                    )
                )
        g.add_subgraph(sub)  # type: ignore[arg-type]  # pydot types Cluster as a Graph
    weights: dict[tuple[str, str], int] = {}
    for src, dst, data in graph.edges(data=True):
        a, b = node_of.get(src), node_of.get(dst)
        # code dependencies only: message channels have their own table in the reports
        if a and b and a != b and data["kind"] not in INFERRED_KINDS | {"import", "message"}:
            weights[(a, b)] = weights.get((a, b), 0) + int(data["count"])
    strongest = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_EDGES]
    if len(weights) > MAX_EDGES:
        g.set(
            "label",
            f"{title}{f' (packages of {root})' if root else ''}: the {MAX_EDGES} strongest of "
            f"{len(weights)} dependencies",
        )
    for (a, b), n in sorted(strongest):
        g.add_edge(
            pydot.Edge(
                a, b, penwidth=f"{min(0.5 + n / 4, 4):.1f}", arrowsize="0.5", color="#777777"
            )
        )
    return str(g.to_string())


def _common_root(packages: list[str]) -> str:
    """The package segments all of ``packages`` start with."""
    split = [p.split(".") for p in packages if p]
    if not split:
        return ""
    n = 0
    while all(len(p) > n and p[n] == split[0][n] for p in split):
        n += 1
    return ".".join(split[0][:n])


def _package_depth(groups: list[tuple[str, str, Any, list[str]]], graph: Any) -> int:
    """The deepest package prefix length that keeps the collapsed diagram within
    ``MAX_BOXES`` boxes (0: full package names fit)."""
    packages = {
        (sid, str(graph.nodes[c].get("package", "")) if c in graph else "")
        for sid, _, _, classes in groups
        for c in classes
    }
    if len(packages) <= MAX_BOXES:
        return 0
    deepest = max(p.count(".") + 1 for _, p in packages)
    for depth in range(deepest - 1, 0, -1):
        boxes = {(sid, ".".join(p.split(".")[:depth])) for sid, p in packages}
        if len(boxes) <= MAX_BOXES:
            return depth
    return 1


TABLES_COLLAPSE_ABOVE = 150
"""Table diagrams with more tables than this show one node per service with its table count."""


def table_diagram(report: dict[str, Any]) -> str:
    """Tables inside the service that owns them; red edges where another service uses them.
    Services without tables are left out (the title says how many).

    Above ``TABLES_COLLAPSE_ABOVE`` tables, each service shows how many tables it owns and the
    red edges go to the owning service, labelled with the number of tables used.
    """
    collapse = len(report["tables"]) > TABLES_COLLAPSE_ABOVE
    # a service that neither owns nor uses a table has nothing to show here
    services = [
        s
        for s in report["services"]
        if s["tables"]["owned"] or s["tables"]["used_from_other_services"]
    ]
    title = f"Table ownership: {report['input']['root']}"
    if collapse:
        title += " (table counts per service)"
    if left_out := len(report["services"]) - len(services):
        title += f"; {left_out} service{'s' * (left_out != 1)} without tables left out"
    g = _graph("tables", title)
    for s in services:
        owned = s["tables"]["owned"]
        if collapse:
            g.add_node(
                pydot.Node(
                    node_id(s["id"]),
                    shape="cylinder",
                    fillcolor=service_colour(s),
                    label=f"{service_title(s)}\n{len(owned)} tables",
                )
            )
            continue
        sub = pydot.Cluster(
            node_id(f"cluster_{s['id']}"),
            label=service_title(s),
            style="rounded,filled",
            fillcolor=service_colour(s),
            fontname=FONT,
        )
        sub.add_node(
            pydot.Node(
                node_id(s["id"]),
                label=s["name"],
                shape="box",
                fillcolor="white",
                style="rounded,filled,bold",
            )
        )
        for table in owned:
            sub.add_node(
                pydot.Node(node_id(f"t_{table}"), label=table, shape="cylinder", fillcolor="white")
            )
        g.add_subgraph(sub)  # type: ignore[arg-type]  # pydot types Cluster as a Graph
    if collapse:
        used: Counter[tuple[str, str]] = Counter()
        for s in services:
            for use in s["tables"]["used_from_other_services"]:
                if use["owner"]:
                    used[(s["id"], use["owner"])] += 1
        for (a, b), n in sorted(used.items()):
            g.add_edge(
                pydot.Edge(
                    node_id(a),
                    node_id(b),
                    color="#c00000",
                    label=f"uses {n} table{'s' * (n != 1)}",
                )
            )
        return str(g.to_string())
    for table in sorted(t for t, info in report["tables"].items() if not info["owner"]):
        g.add_node(
            pydot.Node(
                node_id(f"t_{table}"), label=table, shape="cylinder", fillcolor=DEFAULT_COLOUR
            )
        )
    for s in services:
        for table in s["tables"]["owned"]:
            g.add_edge(
                pydot.Edge(
                    node_id(s["id"]), node_id(f"t_{table}"), color="#999999", arrowhead="none"
                )
            )
        for use in s["tables"]["used_from_other_services"]:
            g.add_edge(
                pydot.Edge(
                    node_id(s["id"]),
                    node_id(f"t_{use['table']}"),
                    color="#c00000",
                    label="/".join(use["access"]),
                )
            )
    return str(g.to_string())

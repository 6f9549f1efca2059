"""Per-service diagrams: one small inline SVG per service showing its neighbourhood.

The service sits in the middle with its owned tables under it; services that call it are on
the left, services it calls or whose tables it uses on the right. Every box links to that
service's section. Drawn here (no Graphviz), so each stays small however large the system is:
the height grows with the number of neighbours only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from msadecomp.report.i18n import plural

COLOURS = {"core": "#f8cbad", "supporting": "#fff2cc", "generic": "#ddebf7"}
BOX_W, BOX_H, GAP, WIDTH = 170, 34, 10, 660
MAX_TABLES_SHOWN = 12


def _box(x: float, y: float, label: str, fill: str, href: str | None, sub: str = "") -> str:
    text = escape(label if len(label) <= 24 else label[:23] + "…")
    inner = (
        f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="5" '
        f'fill="{fill}" stroke="#666"/>'
        f'<text x="{x + BOX_W / 2:.0f}" y="{y + (14 if sub else 21):.0f}" '
        f'text-anchor="middle">{text}</text>'
    )
    if sub:
        inner += (
            f'<text x="{x + BOX_W / 2:.0f}" y="{y + 28:.0f}" text-anchor="middle" '
            f'font-size="9" fill="#444">{escape(sub)}</text>'
        )
    return f"<a href={quoteattr(href)}>{inner}</a>" if href else inner


def neighbourhood_svg(
    report: dict[str, Any],
    service: dict[str, Any],
    anchor_of: Any,
    title: str,
    translate: Callable[[str], str] | None = None,
) -> str:
    """The SVG of one service's neighbourhood; ``anchor_of(kind, name)`` gives section ids;
    ``translate``: a :func:`~msadecomp.report.i18n.diagram_translator`, for the counts on
    boxes and arrows."""
    _ = translate or str
    types = {s["id"]: s["subdomain"]["type"] for s in report["services"]}

    def link(other: str) -> str | None:
        return "#" + anchor_of("svc", other) if other in types else None

    sid = service["id"]
    incoming: Counter[str] = Counter()
    outgoing: Counter[str] = Counter()
    for c in service["incoming_calls"]:
        incoming[c["from_service"]] += c["count"]
    for c in service["outgoing_calls"]:
        outgoing[c["to_service"]] += c["count"]
    used: Counter[str] = Counter()
    for u in service["tables"]["used_from_other_services"]:
        if u["owner"] and u["owner"] != sid:
            used[u["owner"]] += 1
    left = sorted(incoming)
    right = sorted(set(outgoing) | set(used))
    tables = service["tables"]["owned"]
    shown = tables[:MAX_TABLES_SHOWN]
    rows = max(len(left), len(right), 1)
    side_h = rows * (BOX_H + GAP)
    table_rows = (len(shown) + 2) // 3 + (1 if len(tables) > len(shown) else 0)
    height = max(side_h, BOX_H) + 40 + table_rows * 22 + 30
    cx, cy = (WIDTH - BOX_W) / 2, 20 + max(side_h - BOX_H, 0) / 2
    parts = [
        f'<svg class="neighbourhood" role="img" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="{WIDTH}" height="{height:.0f}" font-family="sans-serif" font-size="11">'
        f"<title>{escape(title)}</title>",
        '<defs><marker id="arr" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker>'
        "</defs>",
    ]
    parts.append(
        _box(
            cx,
            cy,
            sid,
            COLOURS.get(service["subdomain"]["type"], "#fff"),
            None,
            _(plural(len(service["classes"]), "class")),
        )
    )
    for i, other in enumerate(left):
        y = 20 + i * (BOX_H + GAP)
        parts.append(
            _box(
                10,
                y,
                other,
                COLOURS.get(types.get(other, ""), "#eee"),
                link(other),
            )
        )
        parts.append(
            f'<line x1="{10 + BOX_W}" y1="{y + BOX_H / 2:.0f}" x2="{cx:.0f}" '
            f'y2="{cy + BOX_H / 2:.0f}" stroke="#555" marker-end="url(#arr)"/>'
            f'<text x="{(10 + BOX_W + cx) / 2:.0f}" y="{(y + cy) / 2 + BOX_H / 2 - 3:.0f}" '
            f'font-size="9" text-anchor="middle">{_(plural(incoming[other], "call"))}</text>'
        )
    for i, other in enumerate(right):
        y = 20 + i * (BOX_H + GAP)
        x = WIDTH - 10 - BOX_W
        parts.append(
            _box(
                x,
                y,
                other,
                COLOURS.get(types.get(other, ""), "#eee"),
                link(other),
            )
        )
        if outgoing[other]:
            parts.append(
                f'<line x1="{cx + BOX_W:.0f}" y1="{cy + BOX_H / 2 - 4:.0f}" x2="{x}" '
                f'y2="{y + BOX_H / 2 - 4:.0f}" stroke="#555" marker-end="url(#arr)"/>'
            )
        if used[other]:
            parts.append(
                f'<line x1="{cx + BOX_W:.0f}" y1="{cy + BOX_H / 2 + 4:.0f}" x2="{x}" '
                f'y2="{y + BOX_H / 2 + 4:.0f}" stroke="#c00" stroke-dasharray="4 3" '
                'marker-end="url(#arr)"/>'
            )
        label = ", ".join(
            t
            for t in (
                _(plural(outgoing[other], "call")) if outgoing[other] else "",
                _(plural(used[other], "table")) if used[other] else "",
            )
            if t
        )
        parts.append(
            f'<text x="{(cx + BOX_W + x) / 2:.0f}" y="{(y + cy) / 2 + BOX_H / 2 - 6:.0f}" '
            f'font-size="9" text-anchor="middle">{escape(label)}</text>'
        )
    ty = max(side_h, BOX_H) + 40
    for i, table in enumerate(shown):
        tx = 20 + (i % 3) * (WIDTH - 40) / 3
        tyy = ty + (i // 3) * 22
        parts.append(
            f'<a href={quoteattr("#" + anchor_of("tbl", table))}><text x="{tx:.0f}" y="{tyy:.0f}">'
            f"&#9921; {escape(table)}</text></a>"
        )
    if len(tables) > len(shown):
        parts.append(
            f'<text x="20" y="{ty + (len(shown) + 2) // 3 * 22:.0f}" fill="#666">'
            f"… {escape(_(plural(len(tables) - len(shown), 'more table')))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)

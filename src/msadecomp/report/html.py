"""The report as one self-contained, navigable HTML page.

Offline: inline CSS, inline SVG diagrams and a small inline script of our own (search filter,
zoom and pan of diagrams, click-through from a context-map box to its service). Everything is
readable with scripts off: sections are plain, linked with anchors from a table of contents,
and the print stylesheet prints every section.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from importlib import resources
from typing import Any
from xml.sax.saxutils import escape

from jinja2 import Environment, PackageLoader, select_autoescape

from msadecomp.report.diagrams import area_boxes, node_id
from msadecomp.report.glossary import LEGEND, glossary
from msadecomp.report.i18n import diagram_translator, readiness_question, translator
from msadecomp.report.markdown import (
    DEFAULT_VIEWS,
    LEFT_OUT,
    METRIC_LABELS,
    SHARED_VIEWS,
    UNPLACED_VIEWS,
    UNREFERENCED_TABLES,
    UNUSED_CODE,
    class_labels,
    display_name,
    heading,
    parameters_line,
    view_labels,
)
from msadecomp.report.neighbourhood import neighbourhood_svg

_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.S)
_SIZE = re.compile(r'<svg([^>]*?)\swidth="([\d.]+)pt"\s+height="([\d.]+)pt"')
_TEXT = re.compile(r"(<text\b[^>]*>)([^<]*)(</text>)")
_FONT_SIZE = re.compile(r'font-size="([\d.]+)"')
MAX_SIDE_PX = 8000


def _ems(text: str) -> float:
    """About how wide ``text`` is, in ems: Hangul is full width, Latin about half."""
    return sum(1.0 if ch >= "\u1100" else 0.55 for ch in text)


def _translated(match: re.Match[str], translate: Callable[[str], str]) -> str:
    """One ``<text>`` element of a Graphviz SVG with its text translated. Graphviz sized the
    boxes for the English, so a translation that would run wider is fitted to its width."""
    text = unescape(match[2])
    korean = translate(text)
    if korean == text:
        return match[0]
    start = match[1]
    size = _FONT_SIZE.search(start)
    if size and _ems(korean) > _ems(text):
        width = float(size[1]) * _ems(text)
        start = start[:-1] + f' textLength="{width:.0f}" lengthAdjust="spacingAndGlyphs">'
    return start + escape(korean) + match[3]


def inline_svg(svg: str, translate: Callable[[str], str] | None = None) -> str:
    """Drop the XML declaration and DOCTYPE so the SVG can sit inside HTML; cap its size so no
    side is over ``MAX_SIDE_PX`` (the viewBox keeps the drawing, zoom shows detail).
    ``translate``: a :func:`~msadecomp.report.i18n.diagram_translator`, for each line of the
    diagram's text (its title, counts and stereotypes; names pass through unchanged)."""
    body = _PROLOGUE.sub("", svg, count=1)
    if translate is not None:
        body = _TEXT.sub(lambda m: _translated(m, translate), body)
    m = _SIZE.search(body)
    if m:
        w, h = float(m.group(2)) * 4 / 3, float(m.group(3)) * 4 / 3
        scale = min(1.0, MAX_SIDE_PX / max(w, h, 1.0))
        body = body.replace(
            m.group(0), f'<svg{m.group(1)} width="{w * scale:.0f}" height="{h * scale:.0f}"', 1
        )
    return body


def anchor(kind: str, name: str) -> str:
    """The HTML id of a service, table or class section."""
    return f"{kind}-" + re.sub(r"[^A-Za-z0-9_.-]", "_", name)


def sweep_chart(report: dict[str, Any], lang: str = "en") -> str:
    """The resolution sweep as a small inline SVG line chart ('' without a sweep)."""
    points = report.get("sweep") or []
    if len(points) < 2:
        return ""
    _ = translator(lang)
    w, h, pad = 560, 220, 44
    xs = [float(p["resolution"]) for p in points]
    qs = [float(p["modularity"]) for p in points]
    ns = [int(p["services"]) for p in points]
    x0, x1 = min(xs), max(xs)
    n1 = max(ns) or 1

    def x(v: float) -> float:
        return pad + (v - x0) / ((x1 - x0) or 1) * (w - 2 * pad)

    def yq(v: float) -> float:
        return h - pad - max(v, 0.0) * (h - 2 * pad)

    def yn(v: float) -> float:
        return h - pad - v / n1 * (h - 2 * pad)

    q_line = " ".join(f"{x(a):.1f},{yq(b):.1f}" for a, b in zip(xs, qs, strict=True))
    n_line = " ".join(f"{x(a):.1f},{yn(b):.1f}" for a, b in zip(xs, ns, strict=True))
    used = report["parameters"].get("resolution")
    marker = ""
    if isinstance(used, (int, float)) and x0 <= used <= x1:
        marker = (
            f'<line x1="{x(used):.1f}" y1="{pad}" x2="{x(used):.1f}" y2="{h - pad}" '
            'stroke="#c00" stroke-dasharray="4 3"/>'
            f'<text x="{x(used) + 4:.1f}" y="{pad + 10}" fill="#c00">{escape(_("chosen"))}</text>'
        )
    title = escape(_("Resolution sweep: modularity (blue) and number of services (orange)"))
    return (
        f'<svg class="chart" role="img" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        f'font-size="11" font-family="sans-serif"><title>{title}</title>'
        f'<rect x="{pad}" y="{pad}" width="{w - 2 * pad}" height="{h - 2 * pad}" fill="none" '
        'stroke="#ccc"/>'
        f'<polyline points="{q_line}" fill="none" stroke="#2f6db5" stroke-width="2"/>'
        f'<polyline points="{n_line}" fill="none" stroke="#e69500" stroke-width="2"/>'
        f"{marker}"
        f'<text x="{pad}" y="{h - 12}">{escape(_("resolution"))} {x0:.3g}</text>'
        f'<text x="{w - pad}" y="{h - 12}" text-anchor="end">{x1:.3g}</text>'
        f'<text x="6" y="{pad + 4}" fill="#2f6db5">Q 1.0</text>'
        f'<text x="6" y="{h - pad}" fill="#2f6db5">0</text>'
        f'<text x="{w - 6}" y="{pad + 4}" text-anchor="end" fill="#e69500">{n1}</text>'
        "</svg>"
    )


def _script() -> str:
    return resources.files("msadecomp.report").joinpath("templates/report.js").read_text("utf-8")


def _class_label(names: dict[str, str]) -> Callable[[str], str]:
    """How a class (or ``Class#method``) is shown: its label (see ``class_labels``)."""

    def label(fqn: str) -> str:
        cls, hash_, method = fqn.partition("#")
        return names.get(cls, cls.rpartition(".")[2]) + hash_ + method

    return label


def to_html(report: dict[str, Any], svgs: dict[str, str], lang: str = "en") -> str:
    env = Environment(
        loader=PackageLoader("msadecomp.report", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = env.get_template("report.html.j2")
    _, label = translator(lang), diagram_translator(lang)
    notation, terms = glossary(lang)
    node_links = {node_id(s["id"]): anchor("svc", s["id"]) for s in report["services"]}
    if report.get("shared_kernel"):
        node_links[node_id(report["shared_kernel"]["id"])] = "kernel"
    if any(s.get("area") for s in report["services"]):  # an area's box: the services table
        node_links.update(dict.fromkeys(area_boxes(report).values(), "services"))
    return template.render(
        r=report,
        params=parameters_line(report, lang),
        svgs={k: inline_svg(v, label) for k, v in svgs.items()},
        metric_labels=METRIC_LABELS,
        _=_,
        lang=lang,
        question=lambda item: readiness_question(item["number"], item["question"], lang),
        display_name=display_name,
        view_label=view_labels(v for x in report["services"] for v in x.get("views", ())),
        heading=heading,
        anchor=anchor,
        sweep_svg=sweep_chart(report, lang),
        notation=notation,
        terms=terms,
        legend=LEGEND["ko" if lang == "ko" else "en"],
        node_links=node_links,
        known={s["id"] for s in report["services"]},
        script=_script(),
        neighbourhood=lambda s: neighbourhood_svg(report, s, anchor, s["id"], label),
        cls=_class_label(class_labels(report)),
        messages={
            "default": DEFAULT_VIEWS,
            "unplaced": UNPLACED_VIEWS,
            "shared": SHARED_VIEWS,
            "unreferenced": UNREFERENCED_TABLES,
            "left_out": LEFT_OUT,
            "unused": UNUSED_CODE,
        },
    )

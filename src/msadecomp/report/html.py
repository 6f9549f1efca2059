"""The report as one self-contained HTML page (inline CSS and SVG; no network, no scripts)."""

from __future__ import annotations

import re
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from msadecomp.report.markdown import METRIC_LABELS, parameters_line

_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.S)


def inline_svg(svg: str) -> str:
    """Drop the XML declaration and DOCTYPE so the SVG can sit inside HTML."""
    return _PROLOGUE.sub("", svg, count=1)


def to_html(report: dict[str, Any], svgs: dict[str, str]) -> str:
    env = Environment(
        loader=PackageLoader("msadecomp.report", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = env.get_template("report.html.j2")
    return template.render(
        r=report,
        params=parameters_line(report),
        svgs={k: inline_svg(v) for k, v in svgs.items()},
        metric_labels=METRIC_LABELS,
    )

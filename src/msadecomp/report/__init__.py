"""Reports and diagrams: one report dictionary (:func:`build_report`), rendered as JSON,
Markdown, HTML and Graphviz."""

from msadecomp.report.build import REPORT_SCHEMA, build_report

__all__ = ["REPORT_SCHEMA", "build_report"]

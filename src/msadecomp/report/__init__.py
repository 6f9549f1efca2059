"""Reports and diagrams: one report dictionary (:func:`build_report`), rendered as JSON,
Markdown, HTML and Graphviz."""

from msadecomp.report.build import (
    REPORT_SCHEMA,
    build_report,
    class_assignment,
    class_subdomains,
    service_figures,
)

__all__ = [
    "REPORT_SCHEMA",
    "build_report",
    "class_assignment",
    "class_subdomains",
    "service_figures",
]

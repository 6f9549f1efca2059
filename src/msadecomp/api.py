"""The composition root: run the pipeline stages in order and write the outputs."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from msadecomp.config import Config
from msadecomp.decompose import KERNEL_ID, Constraints, Decomposition, decompose
from msadecomp.decompose.pins import apply_pins, pin_constraints
from msadecomp.errors import ExportError
from msadecomp.graph import build_graph, clustering_graph
from msadecomp.graph.kernel import KernelSettings, detect_kernel
from msadecomp.ingest import Progress, ingest
from msadecomp.model import CodeModel
from msadecomp.report import build_report, flat
from msadecomp.report.cml import to_cml
from msadecomp.report.diagrams import class_diagram, context_map, table_diagram
from msadecomp.report.graphml import to_graphml
from msadecomp.report.html import to_html
from msadecomp.report.i18n import resolve_lang
from msadecomp.report.markdown import to_markdown
from msadecomp.report.output import publish
from msadecomp.report.plantuml import to_plantuml
from msadecomp.report.render import render_svg

__version__ = "0.1.0"
FORMATS = (
    "json",
    "md",
    "html",
    "dot",
    "svg",
    "model",
    "assignment",
    "cml",
    "plantuml",
    "graphml",
)


@dataclass(frozen=True)
class Written:
    paths: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """Outputs that could not be produced (e.g. SVG without Graphviz), as messages."""
    removed: list[Path] = field(default_factory=list)
    """Files an earlier run wrote into the folder that this run no longer writes."""


@dataclass(frozen=True)
class Analysis:
    """Everything one run produced; :meth:`write` saves it."""

    config: Config
    model: CodeModel
    graph: nx.MultiDiGraph
    decomposition: Decomposition
    report: dict[str, Any]

    def diagrams(self) -> dict[str, str]:
        """DOT text of each diagram, by file stem."""
        return {
            "context-map": context_map(self.report),
            "classes": class_diagram(self.report, self.graph),
            "tables": table_diagram(self.report),
        }

    def render(
        self, formats: Iterable[str] = FORMATS, lang: str | None = None
    ) -> tuple[dict[str, bytes], list[str]]:
        """Every chosen output in memory: (file name -> bytes, problems such as SVG failures).

        ``lang`` (``en``/``ko``) defaults to the configuration's, else the locale's.
        """
        formats = check_formats(formats)
        lang = resolve_lang(lang, self.config.lang)
        files: dict[str, bytes] = {}
        problems: list[str] = []

        def put(name: str, text: str) -> None:
            files[name] = text.encode("utf-8")

        if "json" in formats:
            put("report.json", json.dumps(self.report, indent=2, ensure_ascii=False) + "\n")
        if "md" in formats:
            put("report.md", to_markdown(self.report, lang))
        if "model" in formats:
            put("model.json", json.dumps(self.model.to_dict(), indent=1, ensure_ascii=False))
        if "assignment" in formats:
            put("assignment.csv", flat.to_csv(self.report))
            put("assignment.json", flat.to_json(self.report))
        if "cml" in formats:
            put("services.cml", to_cml(self.report))
        if "plantuml" in formats:
            put("services.puml", to_plantuml(self.report))
        if "graphml" in formats:
            put("graph.graphml", to_graphml(self.report, self.graph))
        svgs: dict[str, str] = {}
        for stem, dot in self.diagrams().items():
            if "dot" in formats:
                put(f"{stem}.dot", dot)
            if "svg" in formats or "html" in formats:
                try:
                    svgs[stem] = render_svg(dot)
                except ExportError as err:
                    problems.append(f"{stem}.svg: {err}")
                    continue
                if "svg" in formats:
                    put(f"{stem}.svg", svgs[stem])
        if "html" in formats:
            put("report.html", to_html(self.report, svgs, lang))
        return files, problems

    def write(
        self,
        out_dir: str | Path,
        formats: Iterable[str] = FORMATS,
        *,
        force: bool = False,
        lang: str | None = None,
    ) -> Written:
        """Write the chosen outputs into ``out_dir``; SVG problems are returned, not raised.

        Outputs are rendered first, then published all at once with a manifest
        (``msadecomp-manifest.json``, see :mod:`msadecomp.report.output`): files an earlier run
        wrote but this one does not are removed, and a file msadecomp did not write is never
        replaced unless ``force`` is true (:class:`ExportError` otherwise, nothing changed).
        """
        files, problems = self.render(formats, lang)
        done = publish(out_dir, files, tool=f"msadecomp {__version__}", force=force)
        return Written(list(done.written), problems + list(done.kept), list(done.removed))


def check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    """The formats, validated: raises :class:`ExportError` naming any unknown one."""
    chosen = tuple(formats)
    unknown = sorted(set(chosen) - set(FORMATS))
    if unknown:
        raise ExportError(
            f"unknown output format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}"
        )
    return chosen


def analyze(
    path: str | Path,
    config: Config | None = None,
    *,
    progress: Progress | None = None,
    answers: dict[int, bool] | None = None,
    assignment: Mapping[str, str] | None = None,
) -> Analysis:
    """Ingest ``path``, build the graph, decompose it and assemble the report.

    ``answers`` are the readiness questions people answered (question number -> yes), see
    :func:`msadecomp.readiness.load_answers`. ``assignment`` pins classes to services (class FQN
    -> service id, e.g. an edited ``assignment.csv`` read with
    :func:`msadecomp.report.flat.load_assignment`), see :mod:`msadecomp.decompose.pins`.

    Example::

        analysis = analyze("fixtures/egov-portal")
        analysis.write("out/")
    """
    config = config or Config()
    model = ingest(path, jobs=config.jobs, progress=progress)
    graph = build_graph(model, semantic=config.weights.semantic > 0)
    settings = KernelSettings(
        enabled=config.kernel, include=config.kernel_include, exclude=config.kernel_exclude
    )
    kernel = detect_kernel(graph, settings)
    clustering = clustering_graph(graph, config.weights)
    constraints = Constraints(config.together, config.apart)
    if assignment:
        set_aside = {k.fqn for k in kernel}
        assignment = {
            k: v
            for k, v in assignment.items()
            if k in clustering and k not in set_aside and v != KERNEL_ID
        }
        constraints = pin_constraints(constraints, assignment)
    decomposition = decompose(
        clustering,
        algorithm=config.algorithm,
        seed=config.seed,
        resolution=config.resolution,
        services=config.services,
        constraints=constraints,
        kernel=[k.fqn for k in kernel],
        jobs=config.jobs,
    )
    if assignment:
        core = clustering.subgraph(n for n in clustering if n not in set_aside).copy()
        decomposition = apply_pins(decomposition, core, assignment)
    if config.resolution is not None:
        mode = "fixed"
    else:
        mode = "searched for the wanted count" if config.services else "sweep"
    parameters = {
        "algorithm": config.algorithm,
        "seed": config.seed,
        "resolution": decomposition.resolution,
        "resolution_mode": mode,
        "services": config.services,
        "weights": asdict(config.weights),
        "constraints": {
            "together": [list(g) for g in config.together],
            "apart": [list(p) for p in config.apart],
        },
        "shared_kernel": [{"class": k.fqn, "reason": k.reason} for k in kernel],
    }
    if assignment is not None:
        parameters["pinned"] = len(assignment)
    report = build_report(model, decomposition, parameters, __version__, answers)
    return Analysis(config, model, graph, decomposition, report)

"""The composition root: run the pipeline stages in order and write the outputs."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from msadecomp.config import Config
from msadecomp.decompose import KERNEL_ID, Constraints, Decomposition, decompose, move_to_kernel
from msadecomp.decompose.pins import apply_pins, pin_constraints
from msadecomp.decompose.tables import settle_tables, table_owners
from msadecomp.errors import (
    ConfigError,
    ExportError,
    InputError,
    InternalError,
    MsadecompError,
    ResourceError,
)
from msadecomp.graph import build_graph, clustering_graph, is_table
from msadecomp.graph.kernel import KernelClass, KernelSettings, detect_kernel, shared_bases
from msadecomp.ingest import Scope, ingest
from msadecomp.model import CodeModel
from msadecomp.report import build_report, flat
from msadecomp.report.cml import to_cml
from msadecomp.report.diagrams import area_map, class_diagram, context_map, table_diagram
from msadecomp.report.graphml import to_graphml
from msadecomp.report.html import to_html
from msadecomp.report.i18n import resolve_lang
from msadecomp.report.markdown import to_markdown
from msadecomp.report.output import publish
from msadecomp.report.plantuml import to_plantuml
from msadecomp.report.render import render_all
from msadecomp.stages import Progress, StageLog, Stages

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
DEFAULT_FORMATS = tuple(f for f in FORMATS if f != "graphml")
"""Written unless ``formats`` says otherwise; GraphML (about 1 s per 3,000 classes) on request."""


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
    timings: tuple[tuple[str, float], ...] = ()
    """(stage, seconds) of the analysis: read files, parse Java, link, graph, ..."""

    def diagrams(self) -> dict[str, str]:
        """DOT text of each diagram, by file stem (``areas`` only for a system of areas)."""
        dots = {
            "context-map": context_map(self.report),
            "classes": class_diagram(self.report, self.graph),
            "tables": table_diagram(self.report),
        }
        areas = area_map(self.report)
        if areas is not None:
            dots["areas"] = areas
        return dots

    def render(
        self, formats: Iterable[str] = DEFAULT_FORMATS, lang: str | None = None
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
        dots = self.diagrams()
        if "dot" in formats:
            for stem, dot in dots.items():
                put(f"{stem}.dot", dot)
        svgs: dict[str, str] = {}
        if "svg" in formats or "html" in formats:
            svgs, failed = render_all(dots)
            problems.extend(f"{stem}.svg: {p}" for stem, p in failed.items())
            if "svg" in formats:
                for stem, svg in svgs.items():
                    put(f"{stem}.svg", svg)
        if "html" in formats:
            put("report.html", to_html(self.report, svgs, lang))
        return files, problems

    def write(
        self,
        out_dir: str | Path,
        formats: Iterable[str] = DEFAULT_FORMATS,
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
    log: StageLog | None = None,
    assignment: Mapping[str, str] | None = None,
) -> Analysis:
    """Ingest ``path``, build the graph, decompose it and assemble the report.

    ``answers`` are the readiness questions people answered (question number -> yes), see
    :func:`msadecomp.readiness.load_answers`. ``progress`` and ``log`` follow the stages of the
    run (see :mod:`msadecomp.stages`); the times are also in :attr:`Analysis.timings`.
    ``assignment`` pins classes to services (class FQN -> service id, e.g. an edited
    ``assignment.csv`` read with :func:`msadecomp.report.flat.load_assignment`), see
    :mod:`msadecomp.decompose.pins`.

    Raises
    ------
    MsadecompError
        The only exception type that leaves (besides ``KeyboardInterrupt``):
        :class:`~msadecomp.errors.InputError` (its subclass
        :class:`~msadecomp.errors.ResourceError` when memory, recursion depth or a worker
        process ran out), :class:`~msadecomp.errors.ConfigError`, or
        :class:`~msadecomp.errors.InternalError` for a bug in msadecomp.

    Example::

        analysis = analyze("fixtures/egov-portal")
        analysis.write("out/")
    """
    if not isinstance(path, (str, os.PathLike)):
        raise InputError(f"the input path must be a str or path, not {type(path).__name__}")
    if not os.fspath(path).strip():
        raise InputError("the input path is empty; name a source folder, file or archive")
    if config is not None and not isinstance(config, Config):
        raise ConfigError(f"config must be a msadecomp.Config, not {type(config).__name__}")
    try:
        return _analyze(Path(path), config or Config(), Stages(progress, log), answers, assignment)
    except MsadecompError:
        raise
    except Exception as err:
        raise as_msadecomp_error(err) from err


def as_msadecomp_error(err: Exception) -> MsadecompError:
    """The :class:`MsadecompError` that stands for an unexpected exception ``err``."""
    if isinstance(err, MsadecompError):
        return err
    if isinstance(err, RecursionError):
        return ResourceError(
            "an input is nested too deeply for Python's recursion limit; rerun with --debug "
            "and report the file so its reader can be made iterative"
        )
    if isinstance(err, MemoryError):
        return ResourceError(
            "out of memory; analyse a smaller part (e.g. one module) or lower the size limits"
        )
    if isinstance(err, BrokenProcessPool):
        return ResourceError(
            "a worker process died (killed by the system, often for memory); rerun with "
            "--jobs 1 to find the input that causes it"
        )
    if isinstance(err, OSError):
        where = f" {err.filename}" if err.filename else ""
        return InputError(f"cannot read{where}: {err.strerror or err}")
    return InternalError(f"{type(err).__name__}: {err}")


def _analyze(
    path: Path,
    config: Config,
    stages: Stages,
    answers: dict[int, bool] | None,
    assignment: Mapping[str, str] | None,
) -> Analysis:
    scope = Scope(config.include, config.exclude, config.include_tests)
    model = ingest(
        path,
        jobs=config.jobs,
        limits=config.limits,
        progress=stages,
        scope=scope,
        sql_dialect=config.sql_dialect,
    )
    with stages.stage("graph"):
        graph = build_graph(model, semantic=config.weights.semantic > 0)
        settings = KernelSettings(
            enabled=config.kernel, include=config.kernel_include, exclude=config.kernel_exclude
        )
        kernel = detect_kernel(graph, settings)
        clustering = clustering_graph(graph, config.weights)
    constraints = Constraints(config.together, config.apart)
    if assignment:  # a kernel class the file pins to a service goes there, as every pin does
        kernel = [k for k in kernel if assignment.get(k.fqn, KERNEL_ID) == KERNEL_ID]
    set_aside = {k.fqn for k in kernel}
    to_kernel: list[KernelClass] = []  # classes the assignment file puts in the shared kernel
    unknown: dict[str, str] = {}
    if assignment:
        to_kernel = [
            KernelClass(k, 0, "in the shared kernel by the assignment file", after_clustering=True)
            for k, v in sorted(assignment.items())
            if v == KERNEL_ID and k in clustering and k not in set_aside and not is_table(k)
        ]
        # pins of classes the code lacks reach apply_pins only, which counts them in its note
        unknown = {k: v for k, v in assignment.items() if k not in clustering}
        assignment = {
            k: v
            for k, v in assignment.items()
            if k in clustering and k not in set_aside and v != KERNEL_ID
        }
        constraints = pin_constraints(constraints, assignment)
    with stages.stage("decompose"):
        decomposition = decompose(
            clustering,
            algorithm=config.algorithm,
            seed=config.seed,
            resolution=config.resolution,
            services=config.services,
            constraints=constraints,
            kernel=[k.fqn for k in kernel if not k.after_clustering],
            kernel_after=[k.fqn for k in kernel if k.after_clustering],
            jobs=config.jobs,
        )
        core = clustering.subgraph(n for n in clustering if n not in set_aside).copy()
        if assignment or unknown:
            decomposition = apply_pins(decomposition, core, {**unknown, **(assignment or {})})
        decomposition, late = _kernel_after_placement(
            graph, decomposition, core, settings, assignment or {}, to_kernel
        )
        kernel = [*kernel, *late]
        decomposition = settle_tables(decomposition, table_owners(model, decomposition), core)
    if config.resolution is not None:
        mode = "fixed"
    else:
        mode = "sweep, fitted to the wanted count" if config.services else "sweep"
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
    with stages.stage("report"):
        report = build_report(model, decomposition, parameters, __version__, answers)
        try:  # settings are validated as finite, so NaN or infinity here is a bug
            json.dumps(report, allow_nan=False)
        except ValueError as err:
            raise InternalError(f"the report holds a value JSON cannot carry: {err}") from None
    return Analysis(config, model, graph, decomposition, report, tuple(stages.timings))


def _kernel_after_placement(
    graph: nx.MultiDiGraph,
    decomposition: Decomposition,
    core: nx.Graph,
    settings: KernelSettings,
    pins: Mapping[str, str],
    to_kernel: Sequence[KernelClass],
) -> tuple[Decomposition, list[KernelClass]]:
    """The shared kernel once every class has its service: base types that classes of three
    or more other services extend (:func:`~msadecomp.graph.kernel.shared_bases`; neither
    pinned classes nor those ``[kernel] exclude`` names), then the classes the assignment file
    puts in the kernel (``to_kernel``, whatever ``exclude`` says: the file is the user's own
    edit), so that a rerun with a run's own assignment gives that run's kernel. ``core`` loses
    the classes moved. Returns the decomposition and the kernel classes added."""
    moves: list[tuple[list[KernelClass], str]] = []
    if settings.enabled:
        placement = {m: c.id for c in decomposition.clusters if not c.kernel for m in c.classes}
        keep = {*pins, *(m for m in placement if settings.excludes(m))}
        bases = shared_bases(graph, placement, keep)
        moves.append(
            (
                bases,
                f"{len(bases)} base type(s) that classes of three or more other services extend "
                "set aside into the shared kernel after clustering",
            )
        )
    done = {k.fqn for group, _ in moves for k in group}
    pinned = [k for k in to_kernel if k.fqn not in done]
    moves.append(
        (pinned, f"{len(pinned)} class(es) put in the shared kernel by the assignment file")
    )
    added: list[KernelClass] = []
    for group, note in moves:
        if group:
            decomposition = move_to_kernel(decomposition, (k.fqn for k in group), core, note)
            core.remove_nodes_from(k.fqn for k in group)
            added.extend(group)
    return decomposition, added

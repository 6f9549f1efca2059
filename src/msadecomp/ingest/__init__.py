"""Ingestion: from a source folder or WAR/JAR/EAR to a :class:`~msadecomp.model.CodeModel`.

Java files are parsed in parallel across cores; XML (MyBatis/iBatis mappers, Spring beans) and
SQL DDL are read in the main process. Problems in single files become diagnostics.
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from msadecomp.ingest.class_files import ClassFormatError, parse_class
from msadecomp.ingest.decoding import decode_source
from msadecomp.ingest.gwt import client_files, client_packages
from msadecomp.ingest.history import git_cochanges
from msadecomp.ingest.java_model import build_java_facts
from msadecomp.ingest.java_syntax import JavaFile, parse_java
from msadecomp.ingest.library_tables import library_accesses, library_keeps
from msadecomp.ingest.links import (
    bean_destinations,
    boot_servlet_paths,
    entry_points,
    link_tables,
    message_links,
    view_names,
)
from msadecomp.ingest.openapi import read_spec, spec_endpoints
from msadecomp.ingest.placeholders import resolve, settings_diagnostics, spring_properties
from msadecomp.ingest.scope import GWT_CLIENT_REASON, LIBRARY_REASON, TOOLING_REASON, Scope
from msadecomp.ingest.scripts import follow_scripts
from msadecomp.ingest.sources import Limits, SourceFile, collect, display_path
from msadecomp.ingest.spa import (
    follow_imports,
    inline_template,
    is_component,
    read_component,
    read_mini_program_page,
    read_module,
)
from msadecomp.ingest.sql_dialect import sqlglot_dialect
from msadecomp.ingest.sql_inputs import read_sql_side
from msadecomp.ingest.sql_tables import is_system_table
from msadecomp.ingest.vendored import vendored_packages
from msadecomp.ingest.views import (
    MINI_PROGRAM_PAGE,
    is_code_template,
    is_sql_template,
    link_views,
    read_view,
)
from msadecomp.ingest.web_apps import OTHER_WEB_APP_REASON, foreign_pages, is_web_xml
from msadecomp.ingest.web_config import convention_actions, package_namespace
from msadecomp.ingest.xml_config import XmlFacts, xml_text
from msadecomp.model import (
    ASYNC_VERBS,
    CodeModel,
    Diagnostic,
    Endpoint,
    JavaType,
    Severity,
    SourceRef,
    Table,
)
from msadecomp.stages import Progress, Stages

PACKAGE_INFO = "/package-info.java"
PARALLEL_THRESHOLD = 64

__all__ = ["Limits", "Progress", "Scope", "ingest"]


def ingest(
    path: str | Path,
    *,
    jobs: int | None = None,
    limits: Limits | None = None,
    progress: Progress | Stages | None = None,
    scope: Scope | None = None,
    sql_dialect: str | None = None,
) -> CodeModel:
    """Read the system at ``path`` into a code model.

    Parameters
    ----------
    path:
        A source folder, a single source file, or a WAR/JAR/EAR/ZIP archive.
    jobs:
        Worker processes for Java parsing (default: all cores; 1 disables parallelism).
    limits:
        Size limits for files and archives.
    progress:
        Optional progress callback, or the :class:`~msadecomp.stages.Stages` of a whole run
        (ingest then reports its own stages: read files, read XML and SQL, parse Java, link,
        git history).
    scope:
        Which files to analyse (default: everything but tests and build tooling).
    sql_dialect:
        Which copy of mappers/DDL shipped once per database to read (``None``: the most
        common dialect).
    """
    stages = progress if isinstance(progress, Stages) else Stages(progress)
    root = Path(path)
    with stages.stage("read files"):
        collected = collect(root, limits, scope)
    files = collected.files
    diagnostics: list[Diagnostic] = list(collected.diagnostics)
    by_kind: dict[str, list[SourceFile]] = defaultdict(list)
    code_templates = set()
    for f in files:
        if f.kind == "view" and is_code_template(f.path, f.data):
            code_templates.add(f.path)
        sql_template = f.kind == "view" and is_sql_template(f.path, f.data)
        by_kind["sql" if sql_template else f.kind].append(f)

    xml = XmlFacts()
    with _CodeParse(by_kind["java"], by_kind["class"], jobs, limits) as code:
        with stages.stage("read XML and SQL"):
            sql = read_sql_side(
                by_kind["xml"], by_kind["sql"], xml, sql_dialect, by_kind["properties"]
            )
        tables: dict[str, Table] = sql.tables
        diagnostics.extend(sql.diagnostics)
        with stages.stage("parse Java"):
            java_files, class_diags = code.collect(stages)
    diagnostics.extend(class_diags)
    copied = vendored_packages(f.package for f in java_files)
    vendored = [f for f in java_files if f.package in copied]
    if vendored:  # a library's sources copied into the project (PublicCMS's Google sfntly)
        collected.excluded.extend((f.path, LIBRARY_REASON) for f in vendored)
        java_files = [f for f in java_files if f.package not in copied]
    gwt, emulated = client_packages(xml.gwt_modules, (f.package for f in java_files))
    browser = client_files(java_files, gwt, emulated)
    if browser:  # GWT client code is the browser's front end (OpenKM's 677 widget classes)
        collected.excluded.extend((p, GWT_CLIENT_REASON) for p in sorted(browser))
        java_files = [f for f in java_files if f.path not in browser]

    with stages.stage("link"):
        java = build_java_facts(java_files, xml.beans)
        if xml.struts_convention is not None:  # Struts 2 actions found by their names
            templates = [f.path for f in by_kind["view"]]
            infos = {f.path: f.package for f in java_files if f.path.endswith(PACKAGE_INFO)}
            namespaces = {  # package-info.java's @Namespace (the parser keeps no package notes)
                infos[f.path]: ns
                for f in by_kind["java"]
                if f.path in infos and (ns := package_namespace(decode_source(f.data).text))
            }
            xml.actions += convention_actions(
                java_files, xml.struts_convention, templates, namespaces
            )
        diagnostics.extend(xml.diagnostics)
        diagnostics.extend(java.diagnostics)
        accesses = link_tables(java, xml, sqlglot_dialect(sql.dialect), tables, diagnostics)
        accesses += library_accesses(java.library_users, tables)
        settings = [(f.path, f.data) for f in (*by_kind["properties"], *by_kind["yaml settings"])]
        properties = spring_properties(settings)
        diagnostics.extend(settings_diagnostics(settings))
        boot = boot_servlet_paths(settings)
        endpoints = [_resolved(e, properties) for e in entry_points(java, xml, boot)]
        operations = [
            o for f in by_kind["openapi"] for o in read_spec(f.path, f.data, diagnostics)
        ]
        endpoints += spec_endpoints(operations, java.types, endpoints, java.external_supers)
        java.destinations += bean_destinations(java, xml)
        java.destinations[:] = [(s, resolve(n, properties), r) for s, n, r in java.destinations]
        dependencies = [*java.dependencies, *message_links(java, endpoints)]
        views = [
            read_component(f.path, f.data, diagnostics)
            if is_component(f.path)
            else read_mini_program_page(f.path, f.data, diagnostics)
            if f.path.lower().endswith(MINI_PROGRAM_PAGE)
            else read_view(f.path, f.data, diagnostics)
            for f in by_kind["view"]
        ]
        modules = {f.path: read_module(f.data) for f in by_kind["script"]}
        inline = [p for f in by_kind["script"] if (p := inline_template(f.path, f.data))]
        views += inline
        views = follow_scripts(views, {path: m.requesting() for path, m in modules.items()})
        views = follow_imports(views, modules)
        beans = {b.id: b.cls for b in xml.beans}
        requests = [e for e in endpoints if e.http_method not in ASYNC_VERBS]
        pages = link_views(views, requests, view_names(java, xml), java.types, beans)
        # a template writing Java source that no class uses is a build's code generator's
        tooling = {p.path for p in pages if p.path in code_templates and not p.controllers}
        pages = [p for p in pages if p.path not in tooling]
        collected.excluded.extend((path, TOOLING_REASON) for path in sorted(tooling))
        fqns = {t.fqn for t in java.types}
        web_xml = {f.path: xml_text(f.data) for f in by_kind["xml"] if is_web_xml(f.path)}
        other = set(foreign_pages((p.path for p in pages), xml.servlets, fqns, web_xml))
        pages = [p for p in pages if p.path not in other]  # JForum's JSPWiki web site
        collected.excluded.extend((path, OTHER_WEB_APP_REASON) for path in sorted(other))
        own_ddl = any(not library_keeps(name) for name in tables)  # not Quartz's script
        for a in accesses:
            if a.table not in tables:
                # a view the DDL creates, or a migration tool's own table, is declared
                declared = a.table in sql.ddl.views or is_system_table(a.table)
                tables[a.table] = Table(a.table, a.ref, declared=declared or not own_ddl)
    with stages.stage("git history"):
        cochanges, history_diags = git_cochanges(root, _classes_by_file(java.types))
        diagnostics.extend(history_diags)
    counts = Counter({k: len(v) for k, v in by_kind.items()})
    counts.subtract(Counter("class" if f.encoding == "class" else "java" for f in vendored))
    counts.subtract(Counter("class" if p.endswith(".class") else "java" for p in browser))
    counts["view"] -= len(tooling) + len(other)  # listed as excluded instead
    counts.update({"view": len(inline), "script": -len(inline)})  # Angular's inline templates
    counts.update(xml.kinds)
    counts.update(sql.counts)
    counts["library archives"] = len(collected.skipped_libraries)
    counts.update(f"encoding {f.encoding}" for f in java_files if f.encoding != "class")
    return CodeModel(
        root=display_path(root.name or str(root)),
        types=tuple(sorted(java.types, key=lambda t: t.fqn)),
        dependencies=tuple(dependencies),
        tables=tuple(sorted(tables.values(), key=lambda t: t.name)),
        statements=tuple(xml.statements),
        table_accesses=tuple(accesses),
        endpoints=tuple(sorted(endpoints, key=lambda e: (e.path, e.http_method, e.handler))),
        beans=tuple(xml.beans),
        pages=tuple(pages),
        cochanges=tuple(cochanges),
        diagnostics=tuple(sorted(diagnostics, key=lambda d: (d.source.path, d.source.line or 0))),
        delivery_files=tuple(collected.delivery_files),
        external_types=tuple(sorted(java.external)),
        file_counts=tuple(sorted((k, v) for k, v in counts.items() if v)),
        excluded=tuple(sorted(collected.excluded)),
    )


def _resolved(endpoint: Endpoint, properties: Mapping[str, str]) -> Endpoint:
    """The endpoint with the property placeholders of its path resolved
    (``@GetMapping("${sse.path}")``, ``@KafkaListener(topics = "${app.topic:jobs}")``)."""
    if "${" not in endpoint.path:
        return endpoint
    path = resolve(endpoint.path, properties)
    if path.startswith("/"):
        path = re.sub(r"/{2,}", "/", path)  # a value of its own starting with "/"
    return replace(endpoint, path=path)


def _parse_one(item: tuple[str, str, bytes], limits: Limits) -> JavaFile | Diagnostic | None:
    kind, path, data = item
    if kind == "java":
        return parse_java(path, data, limits)
    try:
        return parse_class(path, data)
    except ClassFormatError as err:
        return Diagnostic(Severity.ERROR, "class.parse-error", str(err), SourceRef(path))


class _CodeParse:
    """Parses Java sources and class files, in worker processes when there are many.

    Work is submitted on entering, so the caller can read XML and SQL in the meantime; a class
    file whose type also has a source is left out.
    """

    def __init__(
        self,
        sources: Sequence[SourceFile],
        classes: Sequence[SourceFile],
        jobs: int | None,
        limits: Limits | None = None,
    ) -> None:
        self.parse = functools.partial(_parse_one, limits=limits or Limits())
        self.items = [("java", f.path, f.data) for f in sources]
        self.items += [("class", f.path, f.data) for f in classes]
        self.workers = jobs or os.cpu_count() or 1
        self.pool: ProcessPoolExecutor | None = None
        self.results: Iterable[JavaFile | Diagnostic | None] = ()

    def __enter__(self) -> _CodeParse:
        if self.workers > 1 and len(self.items) >= PARALLEL_THRESHOLD:
            self.pool = ProcessPoolExecutor(max_workers=self.workers)
            # Small chunks: results stream back to the main process while the workers go on.
            chunk = max(1, min(24, len(self.items) // (self.workers * 8)))
            self.results = self.pool.map(self.parse, self.items, chunksize=chunk)
        else:
            self.results = map(self.parse, self.items)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def collect(self, stages: Stages) -> tuple[list[JavaFile], list[Diagnostic]]:
        sources: list[JavaFile] = []
        classes: list[JavaFile] = []
        diagnostics: list[Diagnostic] = []
        for i, parsed in enumerate(self.results, 1):
            if isinstance(parsed, Diagnostic):
                diagnostics.append(parsed)
            elif parsed is not None:
                (classes if parsed.encoding == "class" else sources).append(parsed)
            stages.advance("parse Java", i, len(self.items))

        def fqn(f: JavaFile, name: str) -> str:
            return f"{f.package}.{name}" if f.package else name

        declared = {fqn(f, t.name) for f in sources for t in f.types}
        binary_only = [f for f in classes if not any(fqn(f, t.name) in declared for t in f.types)]
        return sources + binary_only, diagnostics


def _classes_by_file(types: Sequence[JavaType]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for t in types:
        out[t.source.path].add(t.top_level)
    return out

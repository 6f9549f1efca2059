"""Ingestion: from a source folder or WAR/JAR/EAR to a :class:`~msadecomp.model.CodeModel`.

Java files are parsed in parallel across cores; XML (MyBatis/iBatis mappers, Spring beans) and
SQL DDL are read in the main process. Problems in single files become diagnostics.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from msadecomp.ingest.class_files import ClassFormatError, parse_class
from msadecomp.ingest.decoding import decode_source
from msadecomp.ingest.history import git_cochanges
from msadecomp.ingest.java_model import JavaFacts, build_java_facts
from msadecomp.ingest.java_syntax import JavaFile, parse_java
from msadecomp.ingest.jsp import read_jsp
from msadecomp.ingest.sources import Limits, SourceFile, collect, display_path
from msadecomp.ingest.sql_ddl import parse_ddl
from msadecomp.ingest.sql_tables import looks_like_sql, tables_in
from msadecomp.ingest.xml_config import Servlet, XmlFacts, read_xml
from msadecomp.model import (
    Access,
    CodeModel,
    Diagnostic,
    Endpoint,
    JavaType,
    Page,
    Severity,
    SourceRef,
    SqlStatement,
    Table,
    TableAccess,
    TypeKind,
)

Progress = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)`` while files are processed."""

PARALLEL_THRESHOLD = 64

__all__ = ["Limits", "Progress", "ingest"]


def ingest(
    path: str | Path,
    *,
    jobs: int | None = None,
    limits: Limits | None = None,
    progress: Progress | None = None,
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
        Optional callback for progress display.
    """
    root = Path(path)
    collected = collect(root, limits)
    files = collected.files
    diagnostics: list[Diagnostic] = list(collected.diagnostics)
    by_kind: dict[str, list[SourceFile]] = defaultdict(list)
    for f in files:
        by_kind[f.kind].append(f)

    xml = XmlFacts()
    tables: dict[str, Table] = {}
    with _CodeParse(by_kind["java"], by_kind["class"], jobs) as code:
        for f in by_kind["xml"]:
            read_xml(f.path, f.data, xml)
        for f in by_kind["sql"]:
            found, diags = parse_ddl(f.path, decode_source(f.data).text)
            diagnostics.extend(diags)
            for t in found:
                tables.setdefault(t.name, t)
        java_files, class_diags = code.collect(progress)
    diagnostics.extend(class_diags)

    java = build_java_facts(java_files, xml.beans)
    diagnostics.extend(xml.diagnostics)
    diagnostics.extend(java.diagnostics)
    accesses = _link_sql(java, xml.statements)
    endpoints = list(java.endpoints) + _servlet_endpoints(xml.servlets, java.types)
    jsps = [read_jsp(f.path, f.data, diagnostics) for f in by_kind["jsp"]]
    pages = _link_pages(jsps, endpoints, java)
    cochanges, history_diags = git_cochanges(root, _classes_by_file(java.types))
    diagnostics.extend(history_diags)
    for a in accesses:
        if a.table not in tables:
            tables[a.table] = Table(a.table, a.ref)

    counts = Counter({k: len(v) for k, v in by_kind.items()})
    counts.update(xml.kinds)
    counts["library archives"] = len(collected.skipped_libraries)
    counts.update(f"encoding {f.encoding}" for f in java_files if f.encoding != "class")
    return CodeModel(
        root=display_path(root.name or str(root)),
        types=tuple(sorted(java.types, key=lambda t: t.fqn)),
        dependencies=tuple(java.dependencies),
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
    )


def _parse_one(item: tuple[str, str, bytes]) -> JavaFile | Diagnostic | None:
    kind, path, data = item
    if kind == "java":
        return parse_java(path, data)
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
        self, sources: Sequence[SourceFile], classes: Sequence[SourceFile], jobs: int | None
    ) -> None:
        self.items = [("java", f.path, f.data) for f in sources]
        self.items += [("class", f.path, f.data) for f in classes]
        self.workers = jobs or os.cpu_count() or 1
        self.pool: ProcessPoolExecutor | None = None
        self.results: Iterable[JavaFile | Diagnostic | None] = ()

    def __enter__(self) -> _CodeParse:
        if self.workers > 1 and len(self.items) >= PARALLEL_THRESHOLD:
            self.pool = ProcessPoolExecutor(max_workers=self.workers)
            chunk = max(1, len(self.items) // (self.workers * 8))
            self.results = self.pool.map(_parse_one, self.items, chunksize=chunk)
        else:
            self.results = map(_parse_one, self.items)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def collect(self, progress: Progress | None) -> tuple[list[JavaFile], list[Diagnostic]]:
        sources: list[JavaFile] = []
        classes: list[JavaFile] = []
        diagnostics: list[Diagnostic] = []
        for i, parsed in enumerate(self.results, 1):
            if isinstance(parsed, Diagnostic):
                diagnostics.append(parsed)
            elif parsed is not None:
                (classes if parsed.encoding == "class" else sources).append(parsed)
            if progress is not None:
                progress("parse", i, len(self.items))

        def fqn(f: JavaFile, name: str) -> str:
            return f"{f.package}.{name}" if f.package else name

        declared = {fqn(f, t.name) for f in sources for t in f.types}
        binary_only = [f for f in classes if not any(fqn(f, t.name) in declared for t in f.types)]
        return sources + binary_only, diagnostics


def _link_sql(java: JavaFacts, statements: Sequence[SqlStatement]) -> list[TableAccess]:
    """Table accesses: statement ids used in DAO code, mapper interfaces, embedded SQL."""
    by_id: dict[str, list[SqlStatement]] = defaultdict(list)
    for s in statements:
        by_id[s.id].append(s)
        if s.namespace and not s.id.startswith(f"{s.namespace}."):
            by_id[f"{s.namespace}.{s.id}"].append(s)
    out: dict[tuple[str, str, Access], TableAccess] = {}

    def add(
        source: str,
        stmt_reads: Iterable[str],
        stmt_writes: Iterable[str],
        ref: SourceRef,
        via: str,
    ) -> None:
        for table in stmt_writes:
            out.setdefault(
                (source, table, Access.WRITE), TableAccess(source, table, Access.WRITE, ref, via)
            )
        for table in stmt_reads:
            out.setdefault(
                (source, table, Access.READ), TableAccess(source, table, Access.READ, ref, via)
            )

    types: dict[str, JavaType] = {t.fqn: t for t in java.types}
    entity_names = {t.simple_name.upper(): t.entity_table for t in java.types if t.entity_table}

    def table(name: str) -> str:
        return entity_names.get(name, name)  # JPQL names entities, not tables

    for source, strings in java.strings.items():
        for text, ref in strings:
            for stmt in by_id.get(text, ()):
                add(source, stmt.reads, stmt.writes, ref, stmt.id)
            if text not in by_id and looks_like_sql(text):
                use = tables_in(text)
                add(source, map(table, use.reads), map(table, use.writes), ref, "embedded SQL")
    for t in java.types:
        if t.entity_table:
            add(t.fqn, (), (t.entity_table,), t.source, "JPA entity")
    for repository, entity in java.repositories.items():
        mapped = types.get(entity)
        if mapped is not None and mapped.entity_table:
            add(
                repository,
                (mapped.entity_table,),
                (mapped.entity_table,),
                types[repository].source,
                "Spring Data repository",
            )
    for ns in {s.namespace for s in statements}:
        mapper = types.get(ns)
        if mapper is None or mapper.kind != TypeKind.INTERFACE:
            continue
        for method in mapper.methods:
            for stmt in by_id.get(f"{ns}.{method}", ()):
                add(ns, stmt.reads, stmt.writes, mapper.source, stmt.id)
    return sorted(out.values(), key=lambda a: (a.source, a.table, a.access.value))


def _servlet_endpoints(servlets: Sequence[Servlet], types: Sequence[JavaType]) -> list[Endpoint]:
    """Servlets of web.xml implemented by project classes (old-style apps without Spring MVC)."""
    known = {t.fqn for t in types}
    return [
        Endpoint(pattern, "ANY", f"{s.cls}#service", s.source)
        for s in servlets
        if s.cls in known
        for pattern in s.patterns
    ]


def _classes_by_file(types: Sequence[JavaType]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for t in types:
        out[t.source.path].add(t.top_level)
    return out


def _link_pages(
    pages: Sequence[Page], endpoints: Sequence[Endpoint], java: JavaFacts
) -> list[Page]:
    """Which controllers serve each JSP: by the paths it links to, and by view names."""
    by_path: dict[str, set[str]] = defaultdict(set)
    for e in endpoints:
        by_path[e.path].add(e.handler.split("#", 1)[0])
    views: dict[str, set[str]] = defaultdict(set)
    for fqn, strings in java.strings.items():
        for text, _ in strings:
            view = text.removeprefix("redirect:").removeprefix("forward:").strip("/")
            if view and "/" in view and " " not in view and not view.endswith(".do"):
                views[view].add(fqn)
    out = []
    for page in pages:
        found: set[str] = set()
        for link in page.links:
            if link in by_path:
                found |= by_path[link]
            else:
                found |= {h for p, hs in by_path.items() if p.endswith(link) for h in hs}
        stem = page.path.rpartition(".")[0]
        for view, owners in views.items():
            if stem.endswith("/" + view):
                found |= owners
        out.append(Page(page.path, page.links, tuple(sorted(found))))
    return sorted(out, key=lambda p: p.path)

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

from msadecomp.ingest.decoding import decode_source
from msadecomp.ingest.java_model import JavaFacts, build_java_facts
from msadecomp.ingest.java_syntax import JavaFile, parse_java
from msadecomp.ingest.sources import Limits, SourceFile, collect
from msadecomp.ingest.sql_ddl import parse_ddl
from msadecomp.ingest.sql_tables import looks_like_sql, tables_in
from msadecomp.ingest.xml_config import XmlFacts, read_xml
from msadecomp.model import (
    Access,
    CodeModel,
    Diagnostic,
    JavaType,
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

    java_files = _parse_java_files(by_kind["java"], jobs, progress)
    xml = XmlFacts()
    for f in by_kind["xml"]:
        read_xml(f.path, f.data, xml)
    tables: dict[str, Table] = {}
    for f in by_kind["sql"]:
        found, diags = parse_ddl(f.path, decode_source(f.data).text)
        diagnostics.extend(diags)
        for t in found:
            tables.setdefault(t.name, t)

    java = build_java_facts(java_files, xml.beans)
    diagnostics.extend(xml.diagnostics)
    diagnostics.extend(java.diagnostics)
    accesses = _link_sql(java, xml.statements)
    for a in accesses:
        if a.table not in tables:
            tables[a.table] = Table(a.table, a.ref)

    counts = Counter({k: len(v) for k, v in by_kind.items()})
    counts.update(xml.kinds)
    counts["library archives"] = len(collected.skipped_libraries)
    counts.update(f"encoding {f.encoding}" for f in java_files)
    return CodeModel(
        root=root.name or str(root),
        types=tuple(sorted(java.types, key=lambda t: t.fqn)),
        dependencies=tuple(java.dependencies),
        tables=tuple(sorted(tables.values(), key=lambda t: t.name)),
        statements=tuple(xml.statements),
        table_accesses=tuple(accesses),
        endpoints=tuple(sorted(java.endpoints, key=lambda e: (e.path, e.http_method))),
        beans=tuple(xml.beans),
        diagnostics=tuple(sorted(diagnostics, key=lambda d: (d.source.path, d.source.line or 0))),
        external_types=tuple(sorted(java.external)),
        file_counts=tuple(sorted((k, v) for k, v in counts.items() if v)),
    )


def _parse_one(item: tuple[str, bytes]) -> JavaFile:
    return parse_java(*item)


def _parse_java_files(
    files: Sequence[SourceFile], jobs: int | None, progress: Progress | None
) -> list[JavaFile]:
    items = [(f.path, f.data) for f in files]
    workers = jobs or os.cpu_count() or 1
    results: Iterable[JavaFile]
    pool = None
    if workers > 1 and len(items) >= PARALLEL_THRESHOLD:
        pool = ProcessPoolExecutor(max_workers=workers)
        results = pool.map(_parse_one, items, chunksize=max(1, len(items) // (workers * 8)))
    else:
        results = map(_parse_one, items)
    out: list[JavaFile] = []
    try:
        for i, parsed in enumerate(results, 1):
            out.append(parsed)
            if progress is not None:
                progress("parse", i, len(items))
    finally:
        if pool is not None:
            pool.shutdown()
    return out


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
    for source, strings in java.strings.items():
        for text, ref in strings:
            for stmt in by_id.get(text, ()):
                add(source, stmt.reads, stmt.writes, ref, stmt.id)
            if text not in by_id and looks_like_sql(text):
                use = tables_in(text)
                add(source, use.reads, use.writes, ref, "embedded SQL")
    for ns in {s.namespace for s in statements}:
        mapper = types.get(ns)
        if mapper is None or mapper.kind != TypeKind.INTERFACE:
            continue
        for method in mapper.methods:
            for stmt in by_id.get(f"{ns}.{method}", ()):
                add(ns, stmt.reads, stmt.writes, mapper.source, stmt.id)
    return sorted(out.values(), key=lambda a: (a.source, a.table, a.access.value))

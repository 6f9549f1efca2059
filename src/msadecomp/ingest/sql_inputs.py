"""Read the SQL side of a system: mapper XML (and other XML), DDL scripts, one dialect copy.

Runs in the main process while worker processes parse Java, so it is kept cheap: copies of
mappers and scripts for other databases are skipped by name, data-only scripts by a prefix scan,
and DDL statements are parsed one at a time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from msadecomp.ingest.named_files import looks_keyed, named_queries, view_aliases
from msadecomp.ingest.sources import SourceFile
from msadecomp.ingest.sql_ddl import DdlReader
from msadecomp.ingest.sql_dialect import choose_copies, dialect_of, ordered, sqlglot_dialect
from msadecomp.ingest.sql_script import decode_script, is_data_only
from msadecomp.ingest.xml_config import XmlFacts, read_xml
from msadecomp.model import Diagnostic, Severity, SourceRef, Table

_MAPPER_MARKS = (b"<mapper", b"<sqlMap", b"DOCTYPE mapper", b"DOCTYPE sqlMap")


@dataclass(slots=True)
class SqlSide:
    """What :func:`read_sql_side` found."""

    tables: dict[str, Table]
    dialect: str | None
    """The dialect whose copies were read (``None``: no file names one)."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    ddl: DdlReader = field(default_factory=DdlReader)


def read_sql_side(
    xml_files: Sequence[SourceFile],
    sql_files: Sequence[SourceFile],
    xml: XmlFacts,
    wanted_dialect: str | None = None,
    properties_files: Sequence[SourceFile] = (),
) -> SqlSide:
    """Read mapper/Spring/web XML into ``xml`` and DDL into tables, one dialect copy only.

    Query files and view aliases in ``key = value`` form (``*.properties``, key-per-line
    ``*.sql``; see :mod:`.named_files`) add statements and aliases to ``xml``.

    Skipped files are counted in ``counts`` (``sql files of other dialects``, ``mapper files of
    other dialects``, ``data-only sql scripts``) and each kind summarised by one info diagnostic.
    """
    mappers = [f for f in xml_files if _is_mapper(f.data)]
    choice = choose_copies([f.path for f in mappers] + [f.path for f in sql_files], wanted_dialect)
    side = SqlSide({}, choice.dialect)
    if wanted_dialect and choice.dialect != wanted_dialect and choice.dialect is not None:
        side.diagnostics.append(
            Diagnostic(
                Severity.WARNING,
                "sql.dialect-missing",
                f"sql_dialect {wanted_dialect!r}: no mapper or script is named for it; "
                f"read the {choice.dialect!r} copies instead",
                SourceRef(""),
            )
        )
    default = sqlglot_dialect(choice.dialect)
    mapper_paths = {f.path for f in mappers}
    skipped: dict[str, list[str]] = {"mapper": [], "sql": [], "data": []}
    for f in xml_files:
        if f.path in mapper_paths and f.path not in choice.keep:
            skipped["mapper"].append(f.path)
            continue
        read_xml(f.path, f.data, xml, _dialect(f.path, default))
    for path, sql in xml.changelogs:
        side.ddl.add(path, sql, _dialect(path, default))
    by_path = {f.path: f for f in sql_files}
    for path in ordered(list(by_path)):
        f = by_path[path]
        if path not in choice.keep:
            skipped["sql"].append(path)
        elif _read_named(f, xml, _dialect(path, default), side):
            continue
        elif is_data_only(f.data):
            skipped["data"].append(path)
        else:
            decoded, replaced = decode_script(f.data)
            if replaced:
                side.diagnostics.append(
                    Diagnostic(
                        Severity.WARNING,
                        "sql.lossy-decoding",
                        f"{replaced} undecodable byte sequence(s) replaced",
                        SourceRef(path),
                    )
                )
            side.ddl.add(path, decoded.text, _dialect(path, default))
    for f in properties_files:
        _read_named(f, xml, default, side)
    for t in side.ddl.tables():
        side.tables.setdefault(t.name, t)
    side.diagnostics.extend(side.ddl.diagnostics)
    labels = {
        "mapper": "mapper files of other dialects",
        "sql": "sql files of other dialects",
        "data": "data-only sql scripts",
    }
    for kind, paths in skipped.items():
        if not paths:
            continue
        side.counts[labels[kind]] = len(paths)
        why = (
            "data only (INSERT/UPDATE/DELETE), no table definitions"
            if kind == "data"
            else f"copies for other databases; read the {choice.dialect} copies (the next most "
            "common where a file has none; set sql_dialect to choose)"
        )
        side.diagnostics.append(
            Diagnostic(
                Severity.INFO,
                f"sql.skipped-{kind}",
                f"{len(paths)} {labels[kind]} not read: {why}; e.g. {paths[0]}",
                SourceRef(paths[0]),
            )
        )
    return side


def _read_named(f: SourceFile, xml: XmlFacts, dialect: str | None, side: SqlSide) -> bool:
    """Read a query or view-alias file into ``xml``; False when ``f`` is neither (a ``.sql``
    script that is not written as ``key = statement`` lines is left to the DDL reader)."""
    text = decode_script(f.data)[0].text
    if f.kind == "sql" and not looks_keyed(text):
        return False
    queries = named_queries(f.path, text, dialect)
    xml.statements.extend(queries)
    if queries:
        side.counts["query files"] += 1
        return True
    aliases = view_aliases(text)
    xml.view_aliases.update(aliases)
    if aliases:
        side.counts["view alias files"] += 1
    return bool(aliases)


def _is_mapper(data: bytes) -> bool:
    head = data[:2048]
    return any(mark in head for mark in _MAPPER_MARKS)


def _dialect(path: str, default: str | None) -> str | None:
    own = dialect_of(path)
    return sqlglot_dialect(own) if own else default

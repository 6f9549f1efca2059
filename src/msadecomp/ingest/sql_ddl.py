"""Read tables, columns, primary and foreign keys from SQL DDL scripts of any common dialect.

Statements are split with sqlparse after a first cut at lines that plainly start a new statement
(``CREATE``/``ALTER``/... at the start of a line, Oracle's ``/`` and SQL Server's ``GO``), so
scripts that omit ``;`` still split correctly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sqlparse
from sqlparse import lexer
from sqlparse import tokens as T

from msadecomp.ingest.sql_tables import normalise_table
from msadecomp.ingest.text import split_top_level
from msadecomp.model import Diagnostic, ForeignKey, Severity, SourceRef, Table

_STATEMENT_START = re.compile(
    r"^(?=[ \t]*(?:CREATE|ALTER|DROP|COMMENT\s+ON|GRANT|INSERT|TRUNCATE)\b)", re.I | re.M
)
_BATCH_SEPARATOR = re.compile(r"^[ \t]*(?:/|GO)[ \t]*$", re.I | re.M)
_NAME = (
    r'(?:"[^"]+"|`[^`]+`|\[[^\]]+\]|[\w$#]+)(?:\s*\.\s*(?:"[^"]+"|`[^`]+`|\[[^\]]+\]|[\w$#]+))*'
)
_CREATE = re.compile(
    r"^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:GLOBAL|LOCAL)\s+)?(?:TEMPORARY\s+|TEMP\s+)?"
    rf"TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?({_NAME})\s*\(",
    re.I,
)
_ALTER = re.compile(rf"^\s*ALTER\s+TABLE\s+(?:ONLY\s+)?({_NAME})\s+(.*)$", re.I | re.S)
_FK = re.compile(rf"FOREIGN\s+KEY\s*\(([^)]*)\)\s*REFERENCES\s+({_NAME})\s*(?:\(([^)]*)\))?", re.I)
_INLINE_FK = re.compile(rf"\bREFERENCES\s+({_NAME})\s*(?:\(([^)]*)\))?", re.I)
_PK = re.compile(r"PRIMARY\s+KEY\s*\(([^)]*)\)", re.I)
_CONSTRAINT_WORDS = (
    "CONSTRAINT",
    "PRIMARY",
    "FOREIGN",
    "UNIQUE",
    "CHECK",
    "INDEX",
    "KEY",
    "FULLTEXT",
    "SPATIAL",
    "EXCLUDE",
    "PERIOD",
)


@dataclass
class _TableDraft:
    name: str
    source: SourceRef
    columns: list[str] = field(default_factory=list)
    pk: list[str] = field(default_factory=list)
    fks: list[ForeignKey] = field(default_factory=list)


def split_statements(text: str) -> list[tuple[int, str]]:
    """(start line, statement) pairs of a script, with or without ``;`` terminators."""
    out: list[tuple[int, str]] = []
    line = 1
    for batch in _BATCH_SEPARATOR.split(text):
        for chunk in _STATEMENT_START.split(batch):
            chunk_line = line
            for stmt in sqlparse.split(chunk):
                offset = chunk.find(stmt.strip()[:32]) if stmt.strip() else 0
                start = chunk_line + chunk.count("\n", 0, max(offset, 0))
                if stmt.strip():
                    out.append((start, stmt.strip()))
            line += chunk.count("\n")
    return out


def strip_comments(sql: str) -> str:
    """The statement without ``--`` and ``/* */`` comments (lexing only; quotes respected)."""
    tokens = lexer.tokenize(sql)  # type: ignore[no-untyped-call]
    return "".join(" " if ttype in T.Comment else value for ttype, value in tokens).strip()


def parse_ddl(path: str, text: str) -> tuple[list[Table], list[Diagnostic]]:
    tables: dict[str, _TableDraft] = {}
    diags: list[Diagnostic] = []
    alters: list[tuple[int, str, str]] = []
    for line, stmt in split_statements(text):
        body = strip_comments(stmt)
        m = _CREATE.match(body)
        if m:
            name = normalise_table(m.group(1))
            inner = _balanced(body, m.end() - 1)
            if inner is None:
                diags.append(
                    Diagnostic(
                        Severity.WARNING,
                        "sql.unbalanced",
                        f"CREATE TABLE {name}: unbalanced parentheses; columns not read",
                        SourceRef(path, line),
                    )
                )
                inner = ""
            draft = tables.setdefault(name, _TableDraft(name, SourceRef(path, line)))
            _read_body(draft, inner)
            continue
        m = _ALTER.match(body)
        if m:
            alters.append((line, normalise_table(m.group(1)), m.group(2)))
    for line, name, rest in alters:
        draft = tables.setdefault(name, _TableDraft(name, SourceRef(path, line)))
        for fk in _FK.finditer(rest):
            draft.fks.append(_fk(fk.group(1), fk.group(2), fk.group(3)))
        pk = _PK.search(rest)
        if pk and not draft.pk:
            draft.pk = _cols(pk.group(1))
    result = [
        Table(d.name, d.source, tuple(d.columns), tuple(d.pk), tuple(d.fks))
        for d in tables.values()
    ]
    return result, diags


def _balanced(text: str, open_at: int) -> str | None:
    depth = 0
    quote = ""
    for i in range(open_at, len(text)):
        ch = text[i]
        if quote:
            if ch == quote:
                quote = ""
            continue
        if ch in "'\"`":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return text[open_at + 1 : i]
    return None


def _cols(text: str) -> list[str]:
    return [normalise_table(c.split()[0]) for c in text.split(",") if c.strip()]


def _fk(cols: str, table: str, ref_cols: str | None) -> ForeignKey:
    return ForeignKey(tuple(_cols(cols)), normalise_table(table), tuple(_cols(ref_cols or "")))


def _read_body(draft: _TableDraft, inner: str) -> None:
    for item in split_top_level(inner):
        first = item.split(None, 1)[0].upper()
        if first in _CONSTRAINT_WORDS:
            fk = _FK.search(item)
            if fk:
                draft.fks.append(_fk(fk.group(1), fk.group(2), fk.group(3)))
            pk = _PK.search(item)
            if pk:
                draft.pk = _cols(pk.group(1))
            continue
        column = normalise_table(item.split(None, 1)[0])
        draft.columns.append(column)
        if re.search(r"\bPRIMARY\s+KEY\b", item, re.I):
            draft.pk = [column]
        inline = _INLINE_FK.search(item)
        if inline:
            draft.fks.append(
                ForeignKey(
                    (column,),
                    normalise_table(inline.group(1)),
                    tuple(_cols(inline.group(2) or "")),
                )
            )

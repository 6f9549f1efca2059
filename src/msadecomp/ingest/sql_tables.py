"""Find the tables a DML statement reads and writes.

Works on sqlparse's token stream, so it copes with any dialect's syntax it does not understand:
a table is the first name after FROM / JOIN / INTO / UPDATE / USING (and after each comma of a
FROM list); INSERT, UPDATE, DELETE and MERGE targets are writes, everything else a read. MyBatis
(``#{x}``, ``${x}``) and iBatis (``#x#``, ``$x$``) parameters are neutralised first; names defined
by ``WITH`` are not tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlparse import lexer
from sqlparse import tokens as T

_PARAMS = re.compile(r"#\{[^}]*\}|\$\{[^}]*\}|#[\w.\[\]:]+#|\$[\w.\[\]:]+\$")
_TABLE_AFTER = frozenset({"FROM", "JOIN", "INTO", "UPDATE", "USING", "TABLE"})
_WRITE_VERBS = frozenset({"INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "TRUNCATE"})
_NOT_TABLES = frozenset(
    {
        "SELECT",
        "WHERE",
        "SET",
        "VALUES",
        "ON",
        "AS",
        "LATERAL",
        "ONLY",
        "DUAL",
        "IGNORE",
        "ALL",
        "FIRST",
        "WITH",
        "ORDER",
        "GROUP",
        "HAVING",
        "UNION",
        "LIMIT",
        "DEFAULT",
        "INTO",
        "TABLE",
        "NOWAIT",
        "SYSDATE",
        "OUTER",
        "INNER",
        "LEFT",
        "RIGHT",
        "CROSS",
        "NATURAL",
    }
)
_SQL_SHAPE = re.compile(
    r"^\s*(?:SELECT\b.+?\bFROM\s|INSERT\s+INTO\s|UPDATE\s+[\w.\"]+\s+SET\s|DELETE\s+FROM\s|"
    r"MERGE\s+INTO\s|WITH\s+\w+\s+AS\s*\()",
    re.I | re.S,
)


@dataclass(frozen=True, slots=True)
class TableUse:
    reads: tuple[str, ...]
    writes: tuple[str, ...]


def looks_like_sql(text: str) -> bool:
    """True for a string literal that is plausibly an embedded DML statement (JDBC code)."""
    return bool(_SQL_SHAPE.match(text))


def normalise_table(name: str) -> str:
    """``schema."Board"`` -> ``BOARD``: unquoted, last segment, upper case."""
    last = name.strip().split(".")[-1]
    return last.strip('"`[]').upper()


def tables_in(sql: str) -> TableUse:
    """Tables read and written by one (possibly dynamic) DML statement.

    >>> tables_in("INSERT INTO A (X) SELECT X FROM B b JOIN C ON b.id = C.id")
    TableUse(reads=('B', 'C'), writes=('A',))
    """
    sql = _PARAMS.sub("?", sql)
    reads: list[str] = []
    writes: list[str] = []
    ctes: set[str] = set()
    verb_stack: list[str] = []
    depth = 0
    expecting = False
    from_list_depth: int | None = None
    writing = False
    pending_cte = False
    prev_word = ""
    for ttype, raw in _merged_tokens(sql):
        value = raw.upper()
        if raw == "(":
            depth += 1
            expecting = False
            continue
        if raw == ")":
            depth -= 1
            if from_list_depth is not None and depth < from_list_depth:
                from_list_depth = None
            continue
        if raw == "," and from_list_depth == depth:
            expecting = True
            continue
        is_word = ttype in T.Name or ttype in T.Keyword or ttype in T.String.Symbol
        if ttype in T.Keyword and value == "WITH":
            pending_cte = True
            continue
        if pending_cte and is_word and value != "RECURSIVE":
            ctes.add(normalise_table(raw))
            pending_cte = False
            continue
        if ttype in T.Keyword.DML or value in _WRITE_VERBS or value == "MERGE":
            verb_stack.append(value)
            writing = value in _WRITE_VERBS and value != "SELECT"
            if value in ("UPDATE", "DELETE"):
                expecting = True
            if value == "SELECT":
                writing = False
            prev_word = value
            continue
        key = value.split()[-1] if ttype in T.Keyword else value
        if ttype in T.Keyword and key in _TABLE_AFTER:
            expecting = True
            from_list_depth = depth if key == "FROM" else from_list_depth
            prev_word = key
            continue
        if expecting and is_word and value not in _NOT_TABLES and not raw.startswith("?"):
            name = normalise_table(raw)
            target_is_write = (
                writing
                and prev_word in {"INTO", "UPDATE", "FROM", "DELETE"}
                and (verb_stack[-1:] != ["SELECT"])
            )
            (writes if target_is_write else reads).append(name)
            expecting = False
            writing = False if target_is_write else writing
            continue
        if ttype in T.Keyword and key in {
            "WHERE",
            "GROUP",
            "ORDER",
            "HAVING",
            "UNION",
            "SET",
            "VALUES",
            "LIMIT",
            "CONNECT",
            "START",
            "MINUS",
        }:
            from_list_depth = None
        if ttype in T.Punctuation and raw == ".":
            continue
        expecting = False
        prev_word = value if is_word else prev_word
    return TableUse(_unique(reads, ctes), _unique(writes, ctes))


def _merged_tokens(sql: str) -> list[tuple[object, str]]:
    """Significant tokens, with dotted names (``schema.table``) joined into one."""
    out: list[tuple[object, str]] = []
    for ttype, raw in lexer.tokenize(sql):  # type: ignore[no-untyped-call]
        if ttype in T.Whitespace or ttype in T.Newline or ttype in T.Comment:
            continue
        if (
            len(out) >= 2
            and out[-1][1] == "."
            and (ttype in T.Name or ttype in T.Keyword or ttype in T.String.Symbol)
        ):
            out.pop()
            prev_type, prev = out.pop()
            out.append((prev_type, f"{prev}.{raw}"))
            continue
        out.append((ttype, raw))
    return out


def _unique(names: list[str], exclude: set[str]) -> tuple[str, ...]:
    out: list[str] = []
    for n in names:
        if n and n not in exclude and n not in out and re.match(r"^[\w$#]+$", n):
            out.append(n)
    return tuple(sorted(out))

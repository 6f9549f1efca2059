"""Liquibase XML changelogs as SQL DDL, for :class:`~msadecomp.ingest.sql_ddl.DdlReader`.

Systems migrated with Liquibase (Fineract, OpenClinica, OpenMRS) keep their schema in
``<databaseChangeLog>`` files rather than in SQL scripts. Each change that shapes tables becomes
one SQL statement on the line where the change starts, so the DDL reader's diagnostics and
table sources point into the changelog:

* ``createTable`` (its columns, ``primaryKey`` constraints, ``references="t(id)"`` or
  ``referencedTableName`` foreign keys, ``remarks``) -> ``CREATE TABLE``;
* ``addColumn``, ``addPrimaryKey``, ``addForeignKeyConstraint`` and ``renameTable`` ->
  ``ALTER TABLE``; ``setTableRemarks`` -> ``COMMENT ON TABLE``;
* ``sql`` changes -> their own text (``CREATE TABLE`` written by hand).

Column types are left out (the model keeps names only), names are quoted, so reserved words and
placeholder types (``${uuid.type}``) read cleanly. Other changes (indexes, views, data,
``dropTable``) shape no table the model keeps.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from msadecomp.ingest.mapper_sql import local_name

ROOT = "databaseChangeLog"
_CHANGES = (
    "createTable",
    "addColumn",
    "addPrimaryKey",
    "addForeignKeyConstraint",
    "renameTable",
    "setTableRemarks",
    "createView",
    "sql",
)
_CHANGE_START = re.compile(rf"<(?:[\w.-]+:)?({'|'.join(_CHANGES)})\b")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_REFERENCE = re.compile(r"^\s*([^()\s]+)\s*\(([^()]*)\)\s*$")


def changelog_sql(text: str, root: ET.Element) -> str:
    """The changelog's table-shaping changes as SQL, each statement on its change's line.

    >>> log = '''<databaseChangeLog>
    ... <changeSet id="1" author="a">
    ...   <createTable tableName="m_loan" remarks="loans">
    ...     <column name="id" type="BIGINT"><constraints primaryKey="true"/></column>
    ...     <column name="client_id" type="BIGINT">
    ...       <constraints references="m_client(id)" foreignKeyName="fk_client"/></column>
    ...   </createTable>
    ... </changeSet></databaseChangeLog>'''
    >>> sql = changelog_sql(log, ET.fromstring(log)).splitlines()
    >>> sql[2].startswith('CREATE TABLE "m_loan" ("id" INT, "client_id" INT, PRIMARY KEY ("id")')
    True
    >>> sql[2].endswith('REFERENCES "m_client" ("id")) COMMENT = \\'loans\\';')
    True
    """
    lines: list[str] = []
    for (el, undoing), line in zip(_changes(root), _change_lines(text), strict=False):
        statement = "" if undoing else _statement(el)
        if not statement:
            continue
        if local_name(el.tag) != "sql":
            statement = " ".join(statement.split())
        lines.extend([""] * (line - 1 - len(lines)))  # the change's line, or the next free one
        lines.extend(statement.split("\n"))
    return "\n".join(lines) + ("\n" if lines else "")


TEST_CONTEXTS = frozenset(
    {"test", "tests", "testing", "faker", "fake", "testdata", "test-data", "sample", "demo"}
)
"""Liquibase contexts of test and sample data: a change set run only in them shapes no table
of the application (JHipster's ``jhi_date_time_wrapper``, created in context ``test``)."""


def _test_only(change_set: ET.Element) -> bool:
    """True for a change set whose ``context``/``contexts``/``contextFilter`` (Liquibase 4.16's
    name) names test contexts only."""
    expression = next(
        (v for k in ("contextFilter", "context", "contexts") if (v := change_set.get(k))), ""
    ).lower()
    words = set(re.findall(r"[\w-]+", expression)) - {"and", "or"}
    return bool(words) and "!" not in expression and "not" not in words and words <= TEST_CONTEXTS


def _changes(el: ET.Element, undoing: bool = False) -> Iterator[tuple[ET.Element, bool]]:
    """The change elements in document order, each with whether it is never applied going
    forward: it sits in a ``<rollback>`` (undone on rollback) or in a change set of test
    contexts only (:data:`TEST_CONTEXTS`)."""
    for child in el:
        tag = local_name(child.tag)
        if tag in _CHANGES:
            yield child, undoing
        skip = tag == "rollback" or (tag == "changeSet" and _test_only(child))
        yield from _changes(child, undoing or skip)


def _change_lines(text: str) -> Iterator[int]:
    """The line of each change element, in document order (ElementTree keeps none); changes
    commented out are no changes."""
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    line, at = 1, 0
    for m in _CHANGE_START.finditer(text):
        line += text.count("\n", at, m.start())
        at = m.start()
        yield line


def _statement(el: ET.Element) -> str:
    tag = local_name(el.tag)
    table = el.get("tableName") or ""
    if tag == "sql":
        # its own text, around a <comment> child's
        body = "".join([el.text or "", *(c.tail or "" for c in el)]).strip().rstrip(";")
        return f"{body};" if body else ""
    if tag == "createView":  # a view, known as one: code may read it as a table
        view = el.get("viewName")
        return f"CREATE VIEW {_q(view)} AS SELECT 1;" if view else ""
    if tag == "renameTable":
        old, new = el.get("oldTableName"), el.get("newTableName")
        return f"ALTER TABLE {_q(old)} RENAME TO {_q(new)};" if old and new else ""
    if tag == "addForeignKeyConstraint":
        base, ref = el.get("baseTableName"), el.get("referencedTableName")
        cols, ref_cols = el.get("baseColumnNames"), el.get("referencedColumnNames")
        if not (base and ref and cols):
            return ""
        refs = f" ({_qs(ref_cols)})" if ref_cols else ""
        return f"ALTER TABLE {_q(base)} ADD FOREIGN KEY ({_qs(cols)}) REFERENCES {_q(ref)}{refs};"
    if not table:
        return ""
    if tag == "addPrimaryKey":
        cols = el.get("columnNames")
        return f"ALTER TABLE {_q(table)} ADD PRIMARY KEY ({_qs(cols)});" if cols else ""
    if tag == "setTableRemarks":
        remarks = el.get("remarks")
        return f"COMMENT ON TABLE {_q(table)} IS {_literal(remarks)};" if remarks else ""
    columns = [c for c in el if local_name(c.tag) == "column" and c.get("name")]
    if tag == "addColumn":
        return " ".join(f"ALTER TABLE {_q(table)} ADD {_q(c.get('name'))} INT;" for c in columns)
    items = [f"{_q(c.get('name'))} INT" for c in columns]
    keys = [c.get("name") or "" for c in columns if _flag(c, "primaryKey")]
    if keys:
        items.append(f"PRIMARY KEY ({', '.join(map(_q, keys))})")
    for c in columns:
        if (target := _reference(c)) is not None:
            ref_table, ref_cols = target
            refs = f" ({_qs(ref_cols)})" if ref_cols else ""
            items.append(f"FOREIGN KEY ({_q(c.get('name'))}) REFERENCES {_q(ref_table)}{refs}")
    if not items:
        return ""
    remarks = el.get("remarks")
    comment = f" COMMENT = {_literal(remarks)}" if remarks else ""
    return f"CREATE TABLE {_q(table)} ({', '.join(items)}){comment};"


def _constraints(column: ET.Element) -> ET.Element | None:
    return next((c for c in column if local_name(c.tag) == "constraints"), None)


def _flag(column: ET.Element, name: str) -> bool:
    found = _constraints(column)
    return found is not None and (found.get(name) or "").strip().lower() == "true"


def _reference(column: ET.Element) -> tuple[str, str] | None:
    """(table, columns) a column's constraints reference, or ``None``."""
    found = _constraints(column)
    if found is None:
        return None
    if table := found.get("referencedTableName"):
        return table, found.get("referencedColumnNames") or ""
    m = _REFERENCE.match(found.get("references") or "")
    return (m.group(1), m.group(2)) if m else None


def _q(name: str | None) -> str:
    """A quoted SQL identifier (schema prefixes kept as written: ``"a.b"`` is one name)."""
    return '"' + (name or "").strip().replace('"', '""') + '"'


def _qs(names: str | None) -> str:
    return ", ".join(_q(n) for n in (names or "").split(",") if n.strip())


def _literal(text: str | None) -> str:
    return "'" + " ".join((text or "").split()).replace("'", "''") + "'"

"""Read tables, columns, primary and foreign keys and comments from SQL DDL scripts.

Scripts are cut into statements by :func:`~msadecomp.ingest.sql_script.statements` (one linear
pass; data statements are skipped, never parsed). ``CREATE TABLE`` (also ``... AS SELECT``),
``ALTER TABLE`` (``RENAME TO`` included) and ``COMMENT ON`` statements are parsed by sqlglot
in the script's dialect; a statement sqlglot rejects is read by the pattern scanner below
instead, and only a statement neither can read becomes a diagnostic.

:class:`DdlReader` reads all scripts first and applies ``ALTER TABLE`` and ``COMMENT ON`` after
every ``CREATE``, in file order, so keys and columns added by later migration scripts count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from sqlglot import exp

from msadecomp.ingest.sql_script import SCHEMA_VERBS, ScriptIssues, Statement, statements
from msadecomp.ingest.sql_tables import (
    is_system_table,
    is_table_name,
    normalise_table,
    parse_sql,
)
from msadecomp.ingest.text import split_top_level
from msadecomp.model import Diagnostic, ForeignKey, Severity, SourceRef, Table

MAX_PARSED_STATEMENTS = 2_000
"""Per script; beyond it (generated schemas) the pattern scanner reads the rest, much faster."""
MAX_PARSED_CHARS = 100_000
"""Longer statements go to the pattern scanner."""

_NAME = (
    r'(?:"(?:[^"]|"")+"|`[^`]+`|\[[^\]]+\]|[\w$#]+)'
    r'(?:\s*\.\s*(?:"(?:[^"]|"")+"|`[^`]+`|\[[^\]]+\]|[\w$#]+))*'
)
_CREATE_VIEW = re.compile(
    r"^\s*CREATE\s+(?:OR\s+(?:REPLACE|ALTER)\s+)?(?:(?:NO)?FORCE\s+|(?:NON)?EDITIONABLE\s+"
    r"|MATERIALIZED\s+|TEMP(?:ORARY)?\s+|RECURSIVE\s+|SECURE\s+|ALGORITHM\s*=\s*\w+\s+"
    rf"|DEFINER\s*=\s*\S+\s+|SQL\s+SECURITY\s+\w+\s+)*VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?({_NAME})",
    re.I,
)

"""A database view's creation (eGovFrame's ``CREATE VIEW COMVNUSERMASTER``): queries name it
as they name a table."""
_CREATE = re.compile(
    r"^\s*CREATE\s+(?:OR\s+REPLACE\s+)?"
    r"(?:(?:GLOBAL|LOCAL|TEMPORARY|TEMP|MEMORY|CACHED|UNLOGGED|VOLATILE|TRANSIENT)\s+)*"
    rf"TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?({_NAME})\s*(\(|AS\b)",
    re.I,
)
_ALTER = re.compile(
    rf"^\s*ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?({_NAME})\s+(.*)$", re.I | re.S
)
_RENAME = re.compile(rf"^\s*RENAME\s+(?:(?:TO|AS)\s+)?({_NAME})\s*$", re.I)
"""MySQL may leave out TO (``ALTER TABLE `log_visit` RENAME `visit_history` ``); ``RENAME
COLUMN a TO b`` is no table's rename."""
_RENAME_TABLE = re.compile(r"^\s*RENAME\s+TABLE\s+(.*)$", re.I | re.S)
_RENAME_PAIR = re.compile(rf"\s*({_NAME})\s+TO\s+({_NAME})\s*(?:,|$)", re.I)
_DROP = re.compile(
    rf"^\s*DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?({_NAME}(?:\s*,\s*{_NAME})*)"
    r"(?:\s+(?:CASCADE(?:\s+CONSTRAINTS)?|RESTRICT|PURGE))*\s*$",
    re.I,
)
_LISTED = re.compile(_NAME)
_FLYWAY_VERSIONED = re.compile(r"V\d+(?:[._]\d+)*__", re.I)
"""A Flyway versioned migration's file name (``V2_33_19__Drop_trackedentitydatavalue_table``):
its drops are migration steps whatever the name says."""
_FLYWAY_UNDO = re.compile(r"U\d+(?:[._]\d+)*__", re.I)
"""A Flyway undo script (``U3__...``): it reverses a migration and is never run in sequence."""
_CLEAN_UP_WORDS = r"drop|clean|teardown|uninstall|destroy|purge|remove"
_CLEAN_UP_NAME = re.compile(_CLEAN_UP_WORDS, re.I)
"""File names of scripts that tear a database down (Activiti's ``activiti.mysql.drop.engine
.sql``, iTrust's ``dropTables.sql``, JForum's ``oracle_drop_tables.sql``, ``remove_all.sql``)."""
_CLEAN_UP_FOLDER = re.compile(rf"(?:^|/)(?:{_CLEAN_UP_WORDS})(?:s|up|_?all)?/", re.I)
"""Folders holding such scripts (``db/uninstall/mysql.sql``, ``drop/``, ``teardown/``)."""
_LIQUIBASE_SQL = re.compile(
    r"^[ \t]*--[ \t]*(?:liquibase[ \t]+formatted|changeset[ \t])", re.I | re.M
)
"""A Liquibase formatted-SQL script's header: its changesets are migration steps."""
_COMMENT = re.compile(
    rf"^\s*COMMENT\s+ON\s+(TABLE|COLUMN)\s+({_NAME})\s+IS\s+'((?:[^']|'')*)'\s*$", re.I | re.S
)
_FK = re.compile(
    rf"FOREIGN\s+KEY\s*\(([^)]{{0,2000}})\)\s*REFERENCES\s+({_NAME})\s*(?:\(([^)]{{0,2000}})\))?",
    re.I,
)
_INLINE_FK = re.compile(rf"\bREFERENCES\s+({_NAME})\s*(?:\(([^)]{{0,2000}})\))?", re.I)
_PK = re.compile(r"PRIMARY\s+KEY\s*\(([^)]{0,2000})\)", re.I)
_INLINE_COMMENT = re.compile(r"\bCOMMENT\s+'((?:[^']|'')*)'", re.I)
_TABLE_COMMENT = re.compile(r"\bCOMMENT\s*=?\s*'((?:[^']|'')*)'\s*$", re.I)
_ADD_COLUMN = re.compile(
    rf"^\s*ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?\(?\s*({_NAME})\s+\w", re.I
)
_CONSTRAINT_WORDS = frozenset(
    {
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
    }
)


@dataclass
class _Draft:
    name: str
    source: SourceRef
    columns: list[str] = field(default_factory=list)
    pk: list[str] = field(default_factory=list)
    fks: list[ForeignKey] = field(default_factory=list)
    comment: str = ""
    column_comments: dict[str, str] = field(default_factory=dict)

    def add_column(self, name: str) -> None:
        if is_table_name(name) and name not in self.columns:
            self.columns.append(name)

    def table(self) -> Table:
        return Table(
            self.name,
            self.source,
            tuple(self.columns),
            tuple(self.pk),
            tuple(dict.fromkeys(self.fks)),
            self.comment,
            tuple(self.column_comments.items()),
        )


@dataclass(frozen=True, slots=True)
class _Later:
    """An ALTER TABLE or COMMENT ON, applied after all CREATEs."""

    path: str
    line: int
    text: str
    dialect: str | None
    use_sqlglot: bool
    renamed_to: str = ""
    """The table's name since a rename read after this statement."""


def _target(later: _Later) -> str:
    """The table an ALTER TABLE or COMMENT ON changes (by its name since renames)."""
    if later.renamed_to:
        return later.renamed_to
    if m := _ALTER.match(later.text):
        return normalise_table(m.group(1))
    if m := _COMMENT.match(later.text):
        named = m.group(2)
        return normalise_table(
            named.rsplit(".", 1)[0] if m.group(1).upper() == "COLUMN" else named
        )
    return ""


@dataclass
class DdlStats:
    """How statements were read (for benchmarks and the report's file counts)."""

    parsed: int = 0
    scanned: int = 0
    skipped_data: int = 0


class DdlReader:
    """Collects the tables of many DDL scripts; :meth:`tables` gives the merged result."""

    def __init__(self) -> None:
        self._drafts: dict[str, _Draft] = {}
        self._later: list[_Later] = []
        self._dropped: dict[str, int] = {}
        """Table -> how many changes were waiting when a migration last dropped it."""
        self._waiting: dict[str, list[int]] = {}
        """Table -> the positions in ``_later`` of the changes waiting for it."""
        self._aliases: dict[str, str] = {}
        """Old name -> new name of each renamed table (foreign keys follow at the end)."""
        self.diagnostics: list[Diagnostic] = []
        self.views: set[str] = set()
        """Database views the scripts create (no tables; code may read them as if they were)."""
        self.stats = DdlStats()
        self._trees: dict[tuple[str, str | None], exp.Expression | None] = {}
        """Parsed statements by text: eGovFrame ships each table's DDL in a per-component
        script and again in the all-in-one script (2,233 distinct of 6,276 statements)."""

    def _parse(self, text: str, dialect: str | None) -> exp.Expression | None:
        key = (text, dialect)
        if key not in self._trees:
            self._trees[key] = _parse(text, dialect)
        return self._trees[key]

    def add(self, path: str, text: str, dialect: str | None = None) -> None:
        """Read one script (call in migration order); ``dialect`` is a sqlglot dialect name. A
        script whose quotes only close when a backslash escapes the character after it is
        read that way (MySQL dumps)."""
        issues = ScriptIssues([])
        found = list(statements(text, issues))
        if "\\'" in text or '\\"' in text:
            # a MySQL dump escapes quotes with backslashes ('Tonga Pa\'anga'): the reading
            # that closes every quote, and of two that do, the one seeing more schema
            escaped = ScriptIssues([])
            again = list(statements(text, escaped, backslash=True))
            if not _open_quote(escaped) and (
                _open_quote(issues) or _schema_count(again) > _schema_count(found)
            ):
                found, issues = again, escaped
        parsed = 0
        # what a script drops and does not create again is gone (a dump's DROP TABLE IF
        # EXISTS ahead of each CREATE keeps the table), unless the script only tears the
        # database down (see _is_clean_up)
        created = {
            normalise_table(m.group(1))
            for s in found
            if s.verb == "CREATE" and (m := _CREATE.match(s.text))
        }
        drops = bool(created) or not _is_clean_up(path, text)
        renaming: set[str] = set()  # tables an ALTER ... RENAME of this script waits for
        for stmt in found:
            if stmt.verb == "RENAME" and (pairs := _RENAME_TABLE.match(stmt.text)):
                for old, new in _RENAME_PAIR.findall(pairs.group(1)):
                    self._rename_known(normalise_table(old), normalise_table(new))
                continue
            if stmt.verb == "DROP" and drops and (dropped := _DROP.match(stmt.text)):
                for name in map(normalise_table, _LISTED.findall(dropped.group(1))):
                    if name not in created:
                        self._drop(name)
                continue
            if stmt.verb not in SCHEMA_VERBS:
                self.stats.skipped_data += stmt.verb != ""
                continue
            use_sqlglot = parsed < MAX_PARSED_STATEMENTS and len(stmt.text) <= MAX_PARSED_CHARS
            parsed += use_sqlglot
            if stmt.verb == "CREATE" and (view := _CREATE_VIEW.match(stmt.text)):
                self.views.add(normalise_table(view.group(1)))
            elif stmt.verb == "CREATE":
                table = _CREATE.match(stmt.text)
                if table and (name := normalise_table(table.group(1))) in renaming:
                    # renamed away and created anew in the same script (JForum's rc5
                    # upgrade: RENAME to jforum_tmp, CREATE, copy, DROP jforum_tmp): the
                    # rename and the changes waiting with it were the old table's
                    renaming.discard(name)
                    self._drop(name)
                self._create(path, stmt.line, stmt.text, dialect, use_sqlglot)
            elif not self._rename_now(stmt.text):
                later = _Later(path, stmt.line, stmt.text, dialect, use_sqlglot)
                target = _target(later)
                self._waiting.setdefault(target, []).append(len(self._later))
                self._later.append(later)
                if _is_rename(stmt.text):
                    renaming.add(target)
        for kind, line in issues.unterminated:
            self.diagnostics.append(
                Diagnostic(
                    Severity.WARNING,
                    f"sql.unterminated-{kind}",
                    f"unterminated {kind} runs to the end of the script; the rest is not read",
                    SourceRef(path, line),
                )
            )

    def tables(self) -> list[Table]:
        """All tables, after applying every ALTER TABLE and COMMENT ON in reading order; a
        migration tool's own (``DATABASECHANGELOG``) left out, and keys to tables dropped and
        not created again too."""
        for i, later in enumerate(self._later):
            if self._dropped.get(_target(later), -1) > i:
                continue  # waited for a table a migration dropped since
            if later.text[:5].upper() == "ALTER":
                self._alter(later, i)
            else:
                self._comment(later)
        gone = {name for name in self._dropped if name not in self._drafts}
        self._later.clear()
        self._dropped.clear()
        self._waiting.clear()
        for draft in self._drafts.values():
            keys = [
                ForeignKey(fk.columns, self._current(fk.ref_table), fk.ref_columns)
                for fk in draft.fks
            ]
            # a key to a table dropped for good went with it (CASCADE, or dropped before)
            draft.fks = [fk for fk in keys if fk.ref_table not in gone]
        return [d.table() for d in self._drafts.values() if not is_system_table(d.name)]

    def _draft(self, name: str, path: str, line: int) -> _Draft:
        draft = self._drafts.get(name)
        if draft is None:
            draft = self._drafts[name] = _Draft(name, SourceRef(path, line))
        return draft

    def _create(self, path: str, line: int, text: str, dialect: str | None, use: bool) -> None:
        tree = self._parse(text, dialect) if use else None
        if isinstance(tree, exp.Create):
            if (tree.args.get("kind") or "").upper() != "TABLE":
                return
            self.stats.parsed += 1
            schema = tree.this
            table = schema.this if isinstance(schema, exp.Schema) else schema
            if not isinstance(table, exp.Table) or not _ok(table.name):
                return
            draft = self._draft(table.name.upper(), path, line)
            if isinstance(schema, exp.Schema):
                for item in schema.expressions:
                    _apply_item(draft, item)
            props = tree.args.get("properties")
            for prop in props.expressions if props else []:
                if isinstance(prop, exp.SchemaCommentProperty):
                    draft.comment = _literal(prop.this)
            return
        m = _CREATE.match(text)
        if m is None:
            if re.match(r"\s*CREATE\s+(?:\w+\s+){0,3}TABLE\b", text, re.I):
                self._unreadable(path, line, "CREATE TABLE")
            return
        self.stats.scanned += 1
        name = normalise_table(m.group(1))
        if not is_table_name(name):
            return
        draft = self._draft(name, path, line)
        if m.group(2) == "(":
            inner = _balanced(text, m.end() - 1)
            if inner is None:
                self.diagnostics.append(
                    Diagnostic(
                        Severity.WARNING,
                        "sql.unbalanced",
                        f"CREATE TABLE {name}: unbalanced parentheses; columns not read",
                        SourceRef(path, line),
                    )
                )
                return
            _read_body(draft, inner)
            after = text[m.end() - 1 + len(inner) + 2 :]
            comment = _TABLE_COMMENT.search(after)
            if comment:
                draft.comment = comment.group(1).replace("''", "'")

    def _alter(self, later: _Later, at: int) -> None:
        """Apply one waiting ALTER TABLE, the ``at``-th change read."""
        tree = self._parse(later.text, later.dialect) if later.use_sqlglot else None
        if isinstance(tree, exp.Alter) and isinstance(tree.this, exp.Table):
            if str(tree.args.get("kind") or "").upper() != "TABLE" or not _ok(tree.this.name):
                return
            self.stats.parsed += 1
            actions = tree.args.get("actions") or []
            renamed = [a for a in actions if isinstance(a, exp.AlterRename)]
            options = tree.args.get("options") or []
            if any(isinstance(o, exp.ToTableProperty) for o in options):
                renamed = []  # PostgreSQL's RENAME a TO b renames column a (Fineract's TYPE_CD)
            name = later.renamed_to or tree.this.name.upper()
            if renamed and isinstance(renamed[0].this, exp.Table):
                self._rename(name, renamed[0].this.name.upper(), at)
                return
            if self._renamed_away(name):
                return
            draft = self._draft(name, later.path, later.line)
            for action in actions:
                items = (
                    action.expressions
                    if isinstance(action, (exp.AddConstraint, exp.Schema))
                    else [action]
                )
                for item in items:
                    _apply_item(draft, item)
            return
        m = _ALTER.match(later.text)
        if m is None:
            if re.match(r"\s*ALTER\s+TABLE\b", later.text, re.I):
                self._unreadable(later.path, later.line, "ALTER TABLE")
            return
        self.stats.scanned += 1
        name = later.renamed_to or normalise_table(m.group(1))
        if not is_table_name(name):
            return
        rest = m.group(2)
        if to := _RENAME.match(rest):
            self._rename(name, normalise_table(to.group(1)), at)
            return
        if self._renamed_away(name):
            return
        draft = self._draft(name, later.path, later.line)
        for fk in _FK.finditer(rest):
            draft.fks.append(_fk(fk.group(1), fk.group(2), fk.group(3)))
        pk = _PK.search(rest)
        if pk and not draft.pk:
            draft.pk = _cols(pk.group(1))
        column = _ADD_COLUMN.match(rest)
        if column and column.group(1).upper() not in _CONSTRAINT_WORDS:
            draft.add_column(normalise_table(column.group(1)))

    def _renamed_away(self, name: str) -> bool:
        """True for a name a rename took away and no CREATE gave back: an ALTER of it, read
        after the rename, changes no table and makes none (OpenMRS's 1.4 SQL diff, read after
        the Liquibase changelog that renamed ``concept_source``)."""
        return name in self._aliases and name not in self._drafts

    def _rename_now(self, text: str) -> bool:
        """Apply ``ALTER TABLE old RENAME TO new`` in reading order, when ``old`` is known:
        a later ``CREATE TABLE old`` is a new table, while the changes read before it and
        still waiting (``ALTER``, ``COMMENT ON``) follow the renamed one. False when it is no
        such statement or ``old`` is not known yet (then it waits like any ``ALTER``)."""
        m = _ALTER.match(text)
        to = _RENAME.match(m.group(2)) if m else None
        if m is None or to is None:
            return False
        return self._rename_known(normalise_table(m.group(1)), normalise_table(to.group(1)))

    def _rename_known(self, old: str, new: str) -> bool:
        """Rename ``old`` now, with the changes waiting for it, when it is known (also for
        MySQL's ``RENAME TABLE old TO new, ...``: PublicCMS's ``trade_order`` became
        ``trade_payment``)."""
        if old not in self._drafts:
            return False
        merged = new != old and new in self._drafts
        self._rename(old, new, len(self._later))
        if merged:  # the old table's changes are its own history, not the standing table's
            self._dropped[old] = len(self._later)
            self._waiting.pop(old, None)
            return True
        void = self._dropped.get(old, -1)
        for i in self._waiting.pop(old, []):
            if i >= void:
                self._later[i] = replace(self._later[i], renamed_to=new)
                self._waiting.setdefault(new, []).append(i)
        return True

    def _drop(self, name: str) -> None:
        """``DROP TABLE name`` in a migration: a known table is gone, with the changes waiting
        for it; created again later, it is a new table (PublicCMS dropped ``home_*`` and
        ``cms_lottery*``). The changes waiting for it are void even when no script created it
        (Openfire's upgrades alter ``ofSASLAuthorized`` and drop it later: no ``ALTER`` brings it
        back). A table created after the drop is there: ``add`` skips the drops of names its
        script creates (a dump's ``DROP TABLE IF EXISTS`` ahead of each ``CREATE``), and a
        drop in an earlier script voids only the changes read before it."""
        self._drafts.pop(name, None)
        self._dropped[name] = len(self._later)  # the waiting changes before this are void

    def _current(self, name: str) -> str:
        """The name a table referenced as ``name`` goes by after every rename: a key to a
        renamed table follows it, unless a table of the old name was created again."""
        seen = {name}
        while name not in self._drafts and (new := self._aliases.get(name)) and new not in seen:
            seen.add(new)
            name = new
        return name

    def _rename(self, old: str, new: str, at: int) -> None:
        """``ALTER TABLE old RENAME TO new`` in a later migration: the table, and the keys
        referencing it, go by the new name (Simple Petstore's ``order_number_sequence``
        became ``order_numbers``). When a table of the new name was read already, that one
        stands and the old name is gone: Openfire's final schema, read before the upgrade
        scripts, creates ``ofUser``, and ``upgrade/19`` renames ``jiveUser`` to it (the
        ``jiveUser`` its earlier upgrades altered had survived as a table of its own). A
        rename waiting until every CREATE was read (``at``: the how-manieth change read it
        is) makes nothing when a migration read after it dropped the new name (Openfire's
        ``ofPrivate``, renamed in ``upgrade/19``, dropped in ``upgrade/29``)."""
        draft = self._drafts.get(old)
        if draft is None or not _ok(new) or new == old:
            return
        del self._drafts[old]
        self._aliases[old] = new
        if new not in self._drafts and self._dropped.get(new, -1) <= at:
            draft.name = new
            self._drafts[new] = draft

    def _comment(self, later: _Later) -> None:
        """COMMENT ON TABLE/COLUMN of a known table (comments on views and others are left)."""
        tree = self._parse(later.text, later.dialect) if later.use_sqlglot else None
        table, column, text = "", "", ""
        if isinstance(tree, exp.Comment):
            target, text = tree.this, _literal(tree.expression)
            kind = str(tree.args.get("kind") or "").upper()
            if kind == "TABLE" and isinstance(target, exp.Table):
                table = target.name.upper()
            elif kind == "COLUMN" and isinstance(target, exp.Column):
                table, column = target.table.upper(), target.name.upper()
            self.stats.parsed += 1
        else:
            m = _COMMENT.match(later.text)
            if m is None:
                return  # COMMENT ON an index, a view, ...: not about tables
            self.stats.scanned += 1
            text = m.group(3).replace("''", "'")
            parts = [normalise_table(p) for p in split_top_level(m.group(2), "", "", '"`', ".")]
            if m.group(1).upper() == "TABLE" and parts:
                table = parts[-1]
            elif len(parts) >= 2:
                table, column = parts[-2], parts[-1]
        draft = self._drafts.get(later.renamed_to or table)
        if draft is None:
            return
        if column:
            draft.column_comments[column] = text
        else:
            draft.comment = text

    def _unreadable(self, path: str, line: int, what: str) -> None:
        self.diagnostics.append(
            Diagnostic(
                Severity.WARNING,
                "sql.unreadable",
                f"{what} statement could not be read; it is left out",
                SourceRef(path, line),
            )
        )


def _is_rename(text: str) -> bool:
    """Whether ``text`` is an ``ALTER TABLE old RENAME [TO] new``."""
    m = _ALTER.match(text)
    return m is not None and _RENAME.match(m.group(2)) is not None


def _is_clean_up(path: str, text: str = "") -> bool:
    """Whether a script that creates no table tears the database down rather than migrates it:
    its file or folder name says so (a Flyway versioned migration's never does, nor does a
    Liquibase formatted-SQL script, whose ``--changeset`` headers make it one; a Flyway undo
    script's always does). Its drops then change nothing, while a later migration's drops
    count, also in a script that creates nothing (dhis2's ``V2_37_17__Remove_Chart``).

    >>> _is_clean_up("db/drop/activiti.h2.drop.engine.sql"), _is_clean_up("upgrade/29/of.sql")
    (True, False)
    >>> _is_clean_up("V2_33_19__Drop_trackedentitydatavalue_table.sql")
    False
    >>> _is_clean_up("db/uninstall/mysql.sql"), _is_clean_up("drop_x.sql", "--changeset a:1")
    (True, False)
    """
    folder, _, name = path.rpartition("/")
    if _FLYWAY_UNDO.match(name):
        return True
    if _FLYWAY_VERSIONED.match(name) or _LIQUIBASE_SQL.search(text):
        return False
    return bool(_CLEAN_UP_NAME.search(name) or _CLEAN_UP_FOLDER.search(folder + "/"))


def _open_quote(issues: ScriptIssues) -> bool:
    return any(kind == "quote" for kind, _ in issues.unterminated)


def _schema_count(found: list[Statement]) -> int:
    return sum(stmt.verb in SCHEMA_VERBS for stmt in found)


def parse_ddl(
    path: str, text: str, dialect: str | None = None
) -> tuple[list[Table], list[Diagnostic]]:
    """Tables of one script (see :class:`DdlReader` for several scripts)."""
    reader = DdlReader()
    reader.add(path, text, dialect)
    return reader.tables(), reader.diagnostics


def _parse(text: str, dialect: str | None) -> exp.Expression | None:
    trees = parse_sql(text, dialect)
    return trees[0] if trees is not None and len(trees) == 1 else None


def _ok(name: str) -> bool:
    return is_table_name(name.upper())


def _literal(node: object) -> str:
    return node.this if isinstance(node, exp.Literal) and isinstance(node.this, str) else ""


def _names(nodes: object) -> list[str]:
    out: list[str] = []
    for node in nodes if isinstance(nodes, list) else []:
        if isinstance(node, (exp.Identifier, exp.Column)):
            out.append(node.name.upper())
        elif isinstance(node, exp.Ordered) and isinstance(node.this, (exp.Identifier, exp.Column)):
            out.append(node.this.name.upper())
    return out


def _reference(ref: object) -> tuple[str, list[str]] | None:
    if not isinstance(ref, exp.Reference):
        return None
    target = ref.this
    table = target.this if isinstance(target, exp.Schema) else target
    if not isinstance(table, exp.Table) or not _ok(table.name):
        return None
    cols = _names(target.expressions) if isinstance(target, exp.Schema) else []
    return table.name.upper(), cols


def _apply_item(draft: _Draft, item: exp.Expression) -> None:
    """Apply one element of a CREATE TABLE body or an ALTER TABLE action to ``draft``."""
    if isinstance(item, exp.ColumnDef):
        column = item.name.upper()
        draft.add_column(column)
        for constraint in item.args.get("constraints") or []:
            kind = constraint.args.get("kind")
            if isinstance(kind, exp.PrimaryKeyColumnConstraint):
                draft.pk = [column]
            elif isinstance(kind, exp.CommentColumnConstraint):
                draft.column_comments[column] = _literal(kind.this)
            ref = _reference(kind)
            if ref is not None:
                draft.fks.append(ForeignKey((column,), ref[0], tuple(ref[1])))
        return
    for node in item.expressions if isinstance(item, exp.Constraint) else [item]:
        if isinstance(node, exp.PrimaryKey):
            draft.pk = _names(node.expressions)
        elif isinstance(node, exp.ForeignKey):
            ref = _reference(node.args.get("reference"))
            if ref is not None:
                draft.fks.append(
                    ForeignKey(tuple(_names(node.expressions)), ref[0], tuple(ref[1]))
                )


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


def _read_body(draft: _Draft, inner: str) -> None:
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
        if not is_table_name(column):
            continue
        draft.add_column(column)
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
        comment = _INLINE_COMMENT.search(item)
        if comment:
            draft.column_comments[column] = comment.group(1).replace("''", "'")

"""SQL dialects: which database a mapper or script is written for, and which copy to read.

eGovFrame and similar products ship the same mappers and DDL once per database
(``Board_SQL_oracle.xml``, ``Board_SQL_mysql.xml``, ``ddl/cubrid/board_create_cubrid.sql``).
Reading all copies multiplies the work and adds nothing, so one dialect is picked: the one
named in the configuration, else the most common one. Copies are grouped by their path with the
dialect names blanked out; a group that lacks the picked dialect keeps its best other copy, so a
module shipped for one database only is never lost.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SQL_DIALECTS = (
    "oracle", "postgres", "mysql", "maria", "mssql", "tibero", "cubrid", "altibase",
    "goldilocks", "db2", "h2", "hsqldb", "derby", "sqlite",
)  # fmt: skip
"""Database names ``sql_dialect`` accepts (file names carry them: ``Board_SQL_oracle.xml``)."""

SQLGLOT_DIALECT: dict[str, str | None] = {
    "oracle": "oracle",
    "tibero": "oracle",
    "altibase": "oracle",
    "goldilocks": "oracle",
    "mysql": "mysql",
    "maria": "mysql",
    "cubrid": "mysql",
    "postgres": "postgres",
    "mssql": "tsql",
    "db2": None,
    "h2": None,
    "hsqldb": None,
    "derby": None,
    "sqlite": "sqlite",
}
"""Dialect name -> the sqlglot dialect that reads it best (``None``: sqlglot's generic one)."""

OTHER_DIALECTS = ("sybase", "firebird", "cockroachdb", "informix")
"""Databases whose copies are told apart by name but that ``sql_dialect`` does not accept, so
they rank after every database of ``SQL_DIALECTS`` however many files name them (read only
when nothing else is there): Openfire ships ``openfire_sybase.sql`` beside
``openfire_oracle.sql`` in every upgrade folder, and read as dialect-neutral files they had
re-created the tables the Oracle copies renamed."""

_ALIASES = {
    "pgsql": "postgres",
    "postgresql": "postgres",
    "sqlserver": "mssql",
    "tsql": "mssql",
    "mariadb": "maria",
    "hsql": "hsqldb",
}
_TOKEN = re.compile(
    r"(?<![a-z0-9])("
    + "|".join(sorted({*SQL_DIALECTS, *OTHER_DIALECTS, *_ALIASES}, key=len, reverse=True))
    + ")"
    r"(?![a-z0-9])",
)


def dialect_of(path: str) -> str | None:
    """The dialect a file's name or folder names, or ``None``.

    >>> dialect_of("mapper/board/Board_SQL_tibero.xml")
    'tibero'
    >>> dialect_of("script/ddl/pgsql/create.sql")
    'postgres'
    >>> dialect_of("schema.sql") is None
    True
    """
    found = _TOKEN.findall(path.lower().replace("\\", "/"))
    if not found:
        return None
    name: str = found[-1]
    return _ALIASES.get(name, name)


def copy_key(path: str) -> str:
    """The path with every dialect name blanked: copies of one file share it."""
    return _TOKEN.sub("{}", path.lower().replace("\\", "/"))


@dataclass(frozen=True, slots=True)
class DialectChoice:
    """Which files to read: ``keep`` paths; ``skipped`` paths are copies for other databases."""

    dialect: str | None
    keep: frozenset[str]
    skipped: tuple[str, ...]


def choose_copies(paths: Iterable[str], wanted: str | None = None) -> DialectChoice:
    """Keep one dialect copy of each file; ``wanted`` (a name of ``SQL_DIALECTS``) wins when set.

    The default is the dialect of ``SQL_DIALECTS`` most files are written for (one of
    ``OTHER_DIALECTS`` only when no file names such a dialect); ties go to the earlier name of
    ``SQL_DIALECTS``, so the choice never depends on file order.

    >>> c = choose_copies(["a_oracle.xml", "a_mysql.xml", "b_mysql.xml", "c.xml"])
    >>> c.dialect, sorted(c.keep), c.skipped
    ('mysql', ['a_mysql.xml', 'b_mysql.xml', 'c.xml'], ('a_oracle.xml',))
    """
    items = sorted(set(paths))
    labels = {p: dialect_of(p) for p in items}
    counts = Counter(label for label in labels.values() if label)
    ranking = sorted(counts, key=lambda d: (d not in SQL_DIALECTS, -counts[d], _rank(d)))
    if wanted is not None and wanted in counts:
        ranking.remove(wanted)
        ranking.insert(0, wanted)
    chosen = ranking[0] if ranking else None
    groups: dict[str, list[str]] = {}
    for p in items:
        if labels[p]:
            groups.setdefault(copy_key(p), []).append(p)
    skipped: list[str] = []
    for members in groups.values():
        present = {labels[p] for p in members}
        best = next(d for d in ranking if d in present)
        skipped.extend(p for p in members if labels[p] != best)
    return DialectChoice(chosen, frozenset(items) - frozenset(skipped), tuple(sorted(skipped)))


def _rank(name: str) -> int:
    return SQL_DIALECTS.index(name) if name in SQL_DIALECTS else len(SQL_DIALECTS)


def sqlglot_dialect(name: str | None) -> str | None:
    """The sqlglot dialect for one of our dialect names (``None`` for unknown names)."""
    return SQLGLOT_DIALECT.get(name or "")


_PRE_RELEASE = re.compile(r"(?:alpha|beta|rc)\d*", re.I)
"""A folder named for a pre-release alone (JForum's ``upgrade/rc5``, holding
``mysql_rc4_to_rc5.sql``, before ``upgrade/2.0``'s ``mysql_rc5_to_2.sql``)."""


def ordered(paths: Sequence[str]) -> list[str]:
    """Paths in natural order, the order migrations run: numbers by value (``V2__x.sql``
    before ``V10__y.sql``), a version before its continuations (``2.1/`` before ``2.1.8/``,
    ``V2_1__a`` before ``V2_1_8__b``) and a pre-release folder before its numbered siblings.

    >>> ordered(["up/2.1.8/a.sql", "up/rc5/a.sql", "up/2.1/a.sql", "up/2.0/a.sql"])
    ['up/rc5/a.sql', 'up/2.0/a.sql', 'up/2.1/a.sql', 'up/2.1.8/a.sql']
    """
    return sorted(paths, key=_natural)


def _natural(path: str) -> tuple[tuple[tuple[int, int | str], ...], ...]:
    out: list[tuple[tuple[int, int | str], ...]] = []
    for seg in path.split("/"):
        if _PRE_RELEASE.fullmatch(seg):  # rc9 before rc10, alpha before beta before rc
            out.append(tuple((-1, int(t) if t.isdigit() else t.lower()) for t in _digits(seg)))
            continue
        tokens = _digits(seg)
        out.append(
            tuple(
                (0, int(t))
                if t.isdigit()
                else (2, t)  # a version going on: after its end, whatever follows that
                if t in (".", "_", "-") and 0 < i < len(tokens) - 1 and tokens[i + 1].isdigit()
                else (1, t)
                for i, t in enumerate(tokens)
            )
        )
    out.append(((3, path),))  # names alike but for their separators: in a fixed order
    return tuple(out)


def _digits(seg: str) -> list[str]:
    return [t for t in re.split(r"(\d+)", seg) if t]

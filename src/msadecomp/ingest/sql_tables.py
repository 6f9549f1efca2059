"""Find the tables a DML statement reads and writes.

sqlglot parses the statement first (in the mapper file's dialect); its tree says exactly which
names are tables. INSERT, UPDATE, DELETE and MERGE targets are writes, every other table a read;
names defined by ``WITH`` and ``DUAL`` are not tables; a JPQL join path (``join o.items i``) is
not a table either. Statements sqlglot rejects (vendor syntax, JPQL ``join fetch``, a
``${table}`` placeholder) go to a token scanner that works on any text in linear time.

MyBatis (``#{x}``, ``${x}``) and iBatis (``#x#``, ``$x$``) parameters are replaced by ``?``
first.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import sqlglot
from sqlglot import exp

_PARAMS = re.compile(r"[#$]\{[^}]{0,300}\}|#[\w.\[\]:]{1,200}#|\$[\w.\[\]:]{1,200}\$")
"""Bounded, so text full of unclosed ``#{`` stays linear."""
_SQL_SHAPE = re.compile(
    r"^\s*(?:SELECT\b.+?\bFROM\s|INSERT\s+INTO\s|UPDATE\s+[\w.\"]+(?:\s+(?:AS\s+)?\w+)?\s+SET\s|"
    r"DELETE\s+FROM\s|"
    r"MERGE\s+INTO\s|WITH\s+\w+\s+AS\s*\()",
    re.I | re.S,
)
_NAME_SHAPE = re.compile(r"(?=[^\w]*\w)[^\s\x00-\x1f\x7f(),;'.%?{}]{1,128}")
_SEGMENT = re.compile(r'"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|[^."`\[\]\s]+')
logging.getLogger("sqlglot").setLevel(logging.ERROR)  # its "falling back to Command" notes
MAX_BARE_JOINS = 6
"""sqlglot's time doubles with each JOIN lacking its ON (it tries nested-join readings); longer
runs go to the scanner."""
_JOIN_WORDS = re.compile(r"\b(?:JOIN|ON|USING|CROSS|NATURAL)\b")
MAX_PARSED_CHARS = 20_000
"""Longer statements skip sqlglot and go to the linear scanner (sqlglot time grows fast)."""


@dataclass(frozen=True, slots=True)
class TableUse:
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    parsed: bool = False
    """True when sqlglot parsed the statement; False for the token scanner's reading."""


def looks_like_sql(text: str) -> bool:
    """True for a string literal that is plausibly an embedded DML statement (JDBC code, also
    JPQL's aliased bulk update).

    >>> looks_like_sql("UPDATE TaskLock t SET t.timeLeased = ?1"), looks_like_sql("update it")
    (True, False)
    """
    return bool(_SQL_SHAPE.match(text))


def normalise_table(name: str) -> str:
    """``schema."Board"`` -> ``BOARD``: last segment, unquoted (``""`` -> ``"``), upper case.

    >>> normalise_table('app."Code_tb"'), normalise_table('"A""B"'), normalise_table("[dbo].[x]")
    ('CODE_TB', 'A"B', 'X')
    """
    segments = _SEGMENT.findall(name.strip())
    if not segments:
        return ""
    last: str = segments[-1]
    if last[:1] == '"' and last[-1:] == '"' and len(last) > 1:
        last = last[1:-1].replace('""', '"')
    elif last[:1] in "`[" and len(last) > 1:
        last = last[1:-1]
    return last.strip().upper()


def is_table_name(name: str) -> bool:
    """Identifier-shaped: 1-128 characters, no blanks, control characters or SQL punctuation,
    and no template placeholder (``$TABLE`` of a Velocity SQL template, ``%s`` of a format
    string, ``{0}`` of a MessageFormat pattern, ``?``).

    >>> is_table_name("ROLLER_USER"), is_table_name("$TABLENAME"), is_table_name("A B")
    (True, False, False)
    >>> is_table_name("%S"), is_table_name("T_{0}"), is_table_name("T?")
    (False, False, False)
    """
    return bool(_NAME_SHAPE.fullmatch(name)) and not name.startswith("$")


SYSTEM_SCHEMAS = frozenset(
    {
        "INFORMATION_SCHEMA",
        "PG_CATALOG",
        "SYS",
        "MYSQL",
        "PERFORMANCE_SCHEMA",
        "SYSIBM",
        "SYSCAT",
    }
)
"""Catalog schemas."""
_CLICKHOUSE_SYSTEM = frozenset(
    {
        "TABLES",
        "COLUMNS",
        "PARTS",
        "PARTS_COLUMNS",
        "DATABASES",
        "PROCESSES",
        "QUERY_LOG",
        "MERGES",
        "MUTATIONS",
        "REPLICAS",
        "DICTIONARIES",
        "SETTINGS",
        "DISKS",
        "CLUSTERS",
        "ONE",
        "NUMBERS",
    }
)
"""ClickHouse's ``system`` tables (dhis2 reads ``system.tables``); a ``system`` schema is
otherwise an application's (MySQL's or Oracle's ``system.sys_user``)."""
_SYSTEM_TABLE = re.compile(
    r"PG_(?:CLASS|NAMESPACE|ATTRIBUTE|ATTRDEF|INDEX|INDEXES|TABLES|VIEWS|MATVIEWS|ROLES|USER|"
    r"AUTHID|SETTINGS|DATABASE|CONSTRAINT|TYPE|PROC|TRIGGER|SEQUENCES?|LOCKS|DESCRIPTION|"
    r"EXTENSION|TABLESPACE|INHERITS|DEPEND|STAT_\w+|STATIO_\w+)|"
    r"(?:USER|ALL|DBA)_(?:TABLES|TAB_\w+|CONSTRAINTS|CONS_COLUMNS|INDEXES|IND_COLUMNS|"
    r"SEQUENCES|OBJECTS|VIEWS|SOURCE|TRIGGERS|SYNONYMS|COL_COMMENTS|MVIEWS|PROCEDURES)|V\$\w+|"
    r"DATABASECHANGELOG(?:LOCK)?|FLYWAY_SCHEMA_HISTORY|"
    r"(?:RDB|MON)\$\w+|SYSDUMMY[1AEU]"
)
"""PostgreSQL's catalog (by name: ``PG_PAYMENT``, a payment gateway's table, is the
application's), Oracle's dictionary views, Liquibase's and Flyway's own tables, Firebird's
system and monitoring tables (Openfire's ``select 1 from rdb$database``, Firebird's DUAL) and
DB2's dummy tables (``SYSIBM.SYSDUMMY1``, also unqualified)."""
_GLUED = re.compile(
    r"(?<![\w$#])(?:[\w$#]*\w(?=[#$]\{|%(?:\d+\$)?[sd]|\{\d*\}|\$\w[\w.\[\]:]{0,199}\$)"
    r"|[A-Za-z_][\w$#]*_\Z)",
    re.I,
)
"""Part of a name that a placeholder completes (dhis2's ``analytics_te_event_${uid}``, a
``tbl_%s`` format, iBatis's ``log_$suffix$``), or that the string ends with on an underscore:
the prefix of a Java concatenation, ``"... FROM patient_" + dbSuffix`` (OpenLAMIS). It starts
at a name's start only, so a long word is matched once, not from each of its characters."""
_GLUED_NAME = "msadecomp_glued_"
"""What a glued part is read as: a name no table has, left out of the result (a table of the
prefix's name elsewhere in the statement stays)."""


def is_system_table(name: str, schema: str = "") -> bool:
    """A table of the database's own catalog (``INFORMATION_SCHEMA.COLUMNS``, PostgreSQL's
    ``pg_indexes``, Oracle's ``USER_TABLES``) or of a migration tool (Liquibase's
    ``DATABASECHANGELOG``, Flyway's history): no data of the application's (upper-case names).

    >>> is_system_table("COLUMNS", "INFORMATION_SCHEMA"), is_system_table("PG_ROLES")
    (True, True)
    >>> is_system_table("COLUMNS"), is_system_table("USER_ACCOUNT")
    (False, False)
    >>> is_system_table("TABLES", "SYSTEM"), is_system_table("SYS_USER", "SYSTEM")
    (True, False)
    """
    if schema == "SYSTEM":
        return name in _CLICKHOUSE_SYSTEM
    return schema in SYSTEM_SCHEMAS or bool(_SYSTEM_TABLE.fullmatch(name))


def tables_in(sql: str, dialect: str | None = None) -> TableUse:
    """Tables read and written by one (possibly dynamic) DML statement; a name the code
    completes at run time (``analytics_${uid}``, ``"FROM patient_" + suffix``) is none.

    >>> tables_in("INSERT INTO A (X) SELECT X FROM B b JOIN C ON b.id = C.id")
    TableUse(reads=('B', 'C'), writes=('A',), parsed=True)
    >>> tables_in("SELECT * FROM analytics_${uid} a JOIN B ON a.x = B.x").reads
    ('B',)
    """
    sql, glued = _GLUED.subn(_GLUED_NAME, sql)
    sql = _PARAMS.sub("?", sql)
    use = _cached_tables_in(sql, dialect) if len(sql) <= 4_000 else _tables_in(sql, dialect)
    if not glued:
        return use
    gone = _GLUED_NAME.upper()
    return TableUse(
        tuple(n for n in use.reads if n != gone),
        tuple(n for n in use.writes if n != gone),
        use.parsed,
    )


@lru_cache(maxsize=4096)
def _cached_tables_in(sql: str, dialect: str | None) -> TableUse:
    """Mappers repeat short statements (the same lookup for several screens)."""
    return _tables_in(sql, dialect)


def _tables_in(sql: str, dialect: str | None) -> TableUse:
    if len(sql) <= MAX_PARSED_CHARS:
        parsed = _with_sqlglot(sql, dialect)
        if parsed is not None:
            return parsed
    return scan_tables(sql)


def parse_sql(sql: str, dialect: str | None) -> list[exp.Expression] | None:
    """sqlglot's trees for ``sql``, or ``None`` when it rejects the text or cannot really parse
    it (its ``Command`` fallback)."""
    if _bare_join_run(sql) > MAX_BARE_JOINS:
        return None
    try:
        trees = [t for t in sqlglot.parse(sql, read=dialect) if isinstance(t, exp.Expression)]
    except Exception:  # sqlglot rejects with several exception types; callers scan instead
        return None
    if not trees or any(isinstance(t, exp.Command) for t in trees):
        return None
    return trees


def _bare_join_run(sql: str) -> int:
    """Longest run of JOINs without ON/USING between them (CROSS/NATURAL joins need none)."""
    longest = run = 0
    prev = ""
    for word in _JOIN_WORDS.findall(sql.upper()):
        if word == "JOIN" and prev not in ("CROSS", "NATURAL"):
            run += 1
            longest = max(longest, run)
        elif word in ("ON", "USING"):
            run = 0
        prev = word
    return longest


def _with_sqlglot(sql: str, dialect: str | None) -> TableUse | None:
    trees = parse_sql(sql, dialect)
    if trees is None:
        return None
    reads: list[str] = []
    writes: list[str] = []
    for tree in trees:
        # a name of four or more parts has a Dot for its head: a JPQL entity's class name
        # (``FROM org.shop.domain.SkuImpl s``) or SQL Server's server.db.schema.table
        tables = [
            t for t in tree.find_all(exp.Table) if isinstance(t.this, (exp.Identifier, exp.Dot))
        ]
        ctes = {c.alias_or_name.upper() for c in tree.find_all(exp.CTE)}
        aliased = {t.alias.upper(): t for t in tables if t.alias}
        aliases = set(aliased)
        targets: set[int] = set()
        for target in _targets(tree):
            by_alias = aliased.get(target.name.upper()) if not target.alias else None
            if by_alias is not None and by_alias is not target:  # MySQL DELETE a FROM A a
                targets.add(id(by_alias))
                tables.remove(target)
            else:
                targets.add(id(target))
        for t in tables:
            name = t.name.upper()
            if name in ctes or name == "DUAL" or _path_of(t, aliases):
                continue
            dotted = isinstance(t.this, exp.Dot)
            if is_system_table(name, t.db.upper() if t.db and not dotted else ""):
                continue
            if isinstance(t.parent, exp.Subquery) and not t.alias:
                continue  # FROM (tableName): a placeholder the code replaces
            (writes if id(t) in targets else reads).append(name)
    return TableUse(_unique(reads), _unique(writes), parsed=True)


def _path_of(table: exp.Table, aliases: set[str]) -> bool:
    """A JPQL/HQL join path, not a table: its head is an alias of the statement
    (``JOIN o.customer c``, ``JOIN o.customer.address a``)."""
    head = table.catalog or table.db
    return bool(head) and head.upper() in aliases


def _targets(tree: exp.Expression) -> list[exp.Table]:
    out: list[exp.Table] = []
    for node in tree.find_all(exp.Insert, exp.Update, exp.Delete, exp.Merge):
        candidates = [node.this, *(node.args.get("tables") or [])]
        for target in candidates:
            if isinstance(target, exp.Schema):
                target = target.this
            if isinstance(target, exp.Table):
                out.append(target)
    for node in tree.find_all(exp.TruncateTable):
        out.extend(t for t in node.expressions if isinstance(t, exp.Table))
    return out


_TOKEN = re.compile(
    r"'[^']*(?:''[^']*)*'?"
    r"|--[^\n]*|/\*.*?(?:\*/|\Z)"
    r'|(?:"(?:[^"]|"")*"?|`[^`]*`?|\[[^\]]*\]?|[\w$#]+)(?:\s*\.\s*(?:"(?:[^"]|"")*"?|`[^`]*`?|\[[^\]]*\]?|[\w$#]+|\*))*'
    r"|\S",
    re.S,
)
_FROM_LIST_END = frozenset(
    {
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
        "EXCEPT",
        "INTERSECT",
        "FOR",
        "WINDOW",
        "OFFSET",
        "FETCH",
        "ON",
        "USING",
        "RETURNING",
        "WHEN",
    }
)
_KEYWORDS = _FROM_LIST_END | {
    "SELECT",
    "FROM",
    "JOIN",
    "INTO",
    "UPDATE",
    "DELETE",
    "INSERT",
    "MERGE",
    "AS",
    "LEFT",
    "RIGHT",
    "FULL",
    "INNER",
    "OUTER",
    "CROSS",
    "NATURAL",
    "LATERAL",
    "ONLY",
    "AND",
    "OR",
    "NOT",
    "IN",
    "EXISTS",
    "TABLE",
    "WITH",
    "BY",
    "IS",
    "NULL",
    "CASE",
    "THEN",
    "ELSE",
    "END",
    "DISTINCT",
    "ALL",
    "ANY",
    "SOME",
    "BETWEEN",
    "LIKE",
    "APPLY",
    "PARTITION",
    "NOWAIT",
    "SYSDATE",
    "DEFAULT",
    "IGNORE",
    "FIRST",
}
_SKIP_AFTER_TABLE_WORD = frozenset({"ONLY", "LATERAL", "FETCH", "IGNORE", "ALL", "FIRST", "TABLE"})
_NOT_TABLES = frozenset(
    {
        "DUAL",
        "IN",
        "SELECT",
        "VALUES",
        "SET",
        "WITH",
        "DEFAULT",
        "SYSDATE",
        "ON",
        "WHERE",
        "AS",
        "LEFT",
        "RIGHT",
        "INNER",
        "OUTER",
        "CROSS",
        "FULL",
        "NATURAL",
        "LIMIT",
        "UNION",
        "JOIN",
        "FROM",
    }
)
"""Words that are never a table, even right after FROM (where ``Order`` is a JPQL entity): also
``IN`` of a JPQL collection member declaration (``FROM Holiday h, IN(h.offices) o``)."""
_TABLE_KEYWORDS = frozenset({"FROM", "JOIN", "INTO", "UPDATE", "USING", "TABLE"})
_WRITE_VERBS = frozenset({"INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "TRUNCATE", "UPSERT"})
_NOT_A_VERB_AFTER = frozenset({"FOR", "KEY", "THEN", "ON", "NO", "CASCADE"})


@dataclass(slots=True)
class _Frame:
    function: bool
    """Opened right after a function name: ``FROM`` inside is ``EXTRACT(YEAR FROM d)``."""
    verb: str = ""
    from_list: bool = False


def scan_tables(sql: str) -> TableUse:
    """The token scanner: best-effort tables of any text, in linear time.

    >>> scan_tables("select o from Order o left join fetch o.items where o.id = :id")
    TableUse(reads=('ORDER',), writes=(), parsed=False)
    """
    tokens = [t for t in _TOKEN.findall(sql) if t[:2] not in ("--", "/*")]
    upper = [t.upper() for t in tokens]
    ctes = {
        normalise_table(tokens[i])
        for i in range(1, len(tokens) - 2)
        if upper[i - 1] in ("WITH", "RECURSIVE", ",")
        and upper[i + 1] == "AS"
        and tokens[i + 2] == "("
    }
    frames = [_Frame(function=False)]
    reads: list[str] = []
    writes: list[str] = []
    aliases: dict[str, str] = {}  # alias -> table
    expecting = ""  # the keyword that makes the next name a table
    prev = ""
    last_table = False
    last_name = ""
    for i, (raw, word) in enumerate(zip(tokens, upper, strict=True)):
        frame = frames[-1]
        if prev == ":" and _is_word(raw):  # a named parameter (BETWEEN :from AND :to)
            expecting, prev, last_table = "", "?", False
            continue
        if raw == "(":
            frames.append(_Frame(function=_is_word(prev) and prev not in _KEYWORDS))
            expecting, prev, last_table = "", "(", False
            continue
        if raw == ")":
            if len(frames) > 1:
                frames.pop()
            expecting, prev, last_table = "", ")", False
            continue
        if raw == "," and frame.from_list:
            expecting, prev, last_table = "FROM", ",", False
            continue
        if word in _WRITE_VERBS or word == "SELECT":
            is_function = i + 1 < len(tokens) and tokens[i + 1] == "(" and word != "SELECT"
            if prev not in _NOT_A_VERB_AFTER and not is_function:
                frame.verb = word
                frame.from_list = False
                expecting = word if word in ("UPDATE", "TRUNCATE", "DELETE") else ""
                prev, last_table = word, False
                continue
        if word in _TABLE_KEYWORDS:
            if word == "FROM" and frame.function and frame.verb != "SELECT":
                prev = word
                continue
            if word == "UPDATE" and prev in _NOT_A_VERB_AFTER:
                expecting, prev = "", word
                continue
            expecting = word
            frame.from_list = word == "FROM" or (word == "JOIN" and frame.from_list)
            prev, last_table = word, False
            continue
        if expecting and word in _SKIP_AFTER_TABLE_WORD:
            prev = word
            continue
        if expecting and _is_word(raw) and word not in _NOT_TABLES:
            head = normalise_table(raw.split(".", 1)[0]) if "." in raw else ""
            if head and head in aliases:  # a JPQL join path such as o.items, with its alias
                expecting, prev, last_table, last_name = "", word, True, aliases[head]
                continue
            name = normalise_table(raw)
            if is_system_table(name, head):
                expecting, prev, last_table = "", word, False
                continue
            write = (
                expecting in ("UPDATE", "TRUNCATE", "DELETE") and frame.verb in _WRITE_VERBS
            ) or (
                expecting in ("INTO", "FROM", "TABLE")
                and frame.verb in ("INSERT", "DELETE", "MERGE", "REPLACE", "UPSERT", "TRUNCATE")
                and not (expecting == "FROM" and frame.verb in ("INSERT", "MERGE"))
            )
            if expecting == "INTO" and frame.verb == "SELECT":
                expecting, prev = "", word
                continue
            (writes if write else reads).append(name)
            last_name = name
            if write and frame.verb == "DELETE":
                frame.verb = "SELECT"  # later FROMs of the statement read
            expecting, prev, last_table = "", word, True
            continue
        if last_table and _is_word(raw) and word not in _KEYWORDS:
            aliases[normalise_table(raw)] = last_name  # table alias (with or without AS)
            last_table = False
        elif word != "AS":
            last_table = False
        if word in _FROM_LIST_END:
            frame.from_list = False
        expecting = ""
        prev = word
    for i, name in enumerate(writes):
        if name in aliases:  # MySQL DELETE a FROM ART a: the alias stands for its table
            writes[i] = aliases[name]
            if aliases[name] in reads:
                reads.remove(aliases[name])
    return TableUse(_unique(reads, ctes), _unique(writes, ctes))


def _is_word(token: str) -> bool:
    return bool(token) and (token[0].isalpha() or token[0] in '_$#"`[')


def _unique(names: list[str], exclude: set[str] | None = None) -> tuple[str, ...]:
    found = {n for n in names if is_table_name(n) and not (exclude and n in exclude)}
    return tuple(sorted(found))

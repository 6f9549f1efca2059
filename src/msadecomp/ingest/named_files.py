"""Key = value files that name queries and views: ``*.properties`` and key-per-line ``*.sql``.

Legacy JDBC code keeps its SQL out of the Java source, one statement per key, and looks it up
by that key (JForum's ``generic_queries.sql``: ``GroupModel.selectAll = SELECT ... FROM
jforum_groups``, used as ``SystemGlobals.getSql("GroupModel.selectAll")``); home-grown MVC
frameworks map view keys to template files the same way (``forums.list = forum_list.htm``).

* :func:`entries` reads the Java properties format: ``#``/``!`` comments, ``=``, ``:`` or blank
  separators, ``\\`` line continuations; each entry keeps its first line.
* :func:`named_queries`: a file most (and at least :data:`MIN_ENTRIES`) of whose values are
  SQL statements is a query file; each such entry becomes a :class:`SqlStatement` whose id is
  its key, so the key in DAO code links the DAO to the tables, as a mapper statement id does.
* :func:`view_aliases`: entries whose value is a view file name (``.htm``, ``.jsp``, ``.ftl``,
  ...) in a file most of whose values are: the key stands for that view.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from msadecomp.ingest import yaml_data
from msadecomp.ingest.sql_tables import looks_like_sql, tables_in
from msadecomp.model import SourceRef, SqlStatement

MIN_ENTRIES = 3
"""Fewer entries than this never make a query or view-alias file (a stray setting)."""
_SEPARATOR = re.compile(r"(?<!\\)[=:]|(?<!\\)\s")
_VIEW_FILE = re.compile(r"^[\w\-./]+\.(htm|html|jsp|jspx|xhtml|vm|ftl|ftlh)$", re.I)
_KEY_LINE = re.compile(r"^\s*[A-Za-z_][\w.\-]*\s*[=:]", re.M)


def entries(text: str) -> Iterator[tuple[str, str, int]]:
    """``(key, value, line)`` of each entry of a properties-format text.

    >>> list(entries("# c\\na.b = SELECT x \\\\\\n  FROM t\\nc: d"))
    [('a.b', 'SELECT x FROM t', 2), ('c', 'd', 4)]
    """
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        start = i
        line = lines[i].lstrip()
        i += 1
        if not line or line[0] in "#!":
            continue
        while _continued(line) and i < len(lines):
            line = line[:-1] + lines[i].lstrip()
            i += 1
        match = _SEPARATOR.search(line)
        if match is None:
            continue
        key = line[: match.start()].strip()
        value = line[match.end() :].strip()
        if value[:1] in "=:" and match.group().isspace():
            value = value[1:].strip()
        if key:
            yield key, value, start + 1


def _continued(line: str) -> bool:
    """True when the line ends in an odd number of backslashes."""
    trailing = len(line) - len(line.rstrip("\\"))
    return trailing % 2 == 1


def looks_keyed(text: str) -> bool:
    """True when a ``.sql`` file is written as ``key = statement`` lines, not as a script."""
    first = next(
        (ln for ln in text.splitlines() if ln.strip() and ln.lstrip()[:1] not in "#-"), ""
    )
    return bool(_KEY_LINE.match(first))


def named_queries(path: str, text: str, dialect: str | None = None) -> list[SqlStatement]:
    """The statements of a query file (see the module docstring); ``[]`` for any other file."""
    found = list(entries(text))
    queries = [(k, v, n) for k, v, n in found if looks_like_sql(v)]
    if len(queries) < MIN_ENTRIES or len(queries) * 2 < len(found):
        return []
    out = []
    for key, value, line in queries:
        use = tables_in(value, dialect)
        verb = value.split(None, 1)[0].upper()
        out.append(SqlStatement(key, "", verb, SourceRef(path, line), use.reads, use.writes))
    return out


def view_aliases(text: str) -> dict[str, tuple[str, ...]]:
    """Key -> view file of a view-alias file (see the module docstring); ``{}`` otherwise."""
    found = list(entries(text))
    views: dict[str, tuple[str, ...]] = {k: (v,) for k, v, _ in found if _VIEW_FILE.match(v)}
    if len(views) < MIN_ENTRIES or len(views) * 2 < len(found):
        return {}
    return views


BOOT_SETTINGS = re.compile(r"(?:application|bootstrap)(?:-[\w.-]+)?\.(?:properties|ya?ml)")
"""Spring Boot's settings files: ``application.properties``, ``bootstrap.yml``,
``application-prod.yaml``."""
_PROFILE_KEYS = ("spring.config.activate.on-profile", "spring.profiles")
_MAVEN_TOKEN = re.compile(r"(^[ \t]*-[ \t]+|:[ \t]+|[\[{,][ \t]*)(@[^\s,\[\]{}#]+)", re.M)
"""Maven's resource-filtering tokens (``active: @profiles.active@``, ``- @x@``), which are no
YAML: quoted when a file does not read without."""
MAX_YAML_SETTINGS_BYTES = 1024 * 1024
"""A YAML settings file larger than this is not read (real ones are a few KB)."""


def setting_entries(name: str, text: str) -> Iterator[tuple[str, str, bool]]:
    """``(key, value, for a profile)`` of a settings file: a properties file's entries, or a
    YAML file's settings with dotted keys (``spring.mvc.servlet.path``), those of a document
    naming a profile (``spring.config.activate.on-profile: prod``) for a profile only. In a
    YAML file a later document overrides an earlier one, as in Spring. An unreadable or
    oversized YAML file gives none (:func:`settings_problem` says why)."""
    if not name.lower().endswith((".yml", ".yaml")):
        yield from ((key, value, False) for key, value, _ in entries(text))
        return
    yield from _yaml_settings(text)[0]


def settings_problem(name: str, text: str) -> tuple[int | None, str] | None:
    """(line, reason) when a YAML settings file gives no settings because it cannot be read."""
    if not name.lower().endswith((".yml", ".yaml")):
        return None
    return _yaml_settings(text)[1]


_Settings = tuple[tuple[tuple[str, str, bool], ...], tuple[int | None, str] | None]


@functools.lru_cache(maxsize=32)
def _yaml_settings(text: str) -> _Settings:
    """Parsed once for every reader of the same file (placeholders, the dispatcher path)."""
    if len(text) > MAX_YAML_SETTINGS_BYTES:
        return (), (None, f"larger than {MAX_YAML_SETTINGS_BYTES} bytes; not read")
    text = text.replace("\r\n", "\n")
    try:
        documents = yaml_data.load_all(text)
    except Exception as error:
        quoted = _MAVEN_TOKEN.sub(r"\1'\2'", text)
        try:
            documents = yaml_data.load_all(quoted)
        except Exception as again:  # with the tokens quoted, what else is wrong
            return (), yaml_data.problem(again if quoted != text else error)
    budget = [yaml_data.MAX_NODES]
    out: dict[tuple[str, bool], str] = {}
    for document in documents:
        found = list(yaml_data.settings(document, budget))
        profiled = any(k == p or k.startswith(p + "[") for k, _ in found for p in _PROFILE_KEYS)
        for key, value in found:  # a later plain document overrides; profiles stay apart
            if profiled:
                out.setdefault((key, True), value)
            else:
                out[key, False] = value
    return tuple((key, value, profiled) for (key, profiled), value in out.items()), None

"""YAML read as plain data: OpenAPI specifications and Spring Boot's ``application.yml``.

PyYAML's safe loader builds plain data only (no object construction), through libyaml's
parser where the wheel has it (a 2 MB specification of 50,000 paths took 11.7 s in Python,
4 s so). Numbers, dates, booleans and nulls stay text, and merge keys (``<<``) are plain keys
for :func:`settings` to follow within its budget: a base-60 number of 800 KB took 46 s to
convert, a longer float overflowed, and nested merges double at each level on older PyYAML.
"""

from __future__ import annotations

from collections.abc import Iterator

import yaml

_SAFE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SAFE):  # type: ignore[valid-type,misc]
    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        return None


for _tag in ("int", "float", "bool", "timestamp", "merge", "null"):
    _Loader.add_constructor(
        f"tag:yaml.org,2002:{_tag}", lambda loader, node: loader.construct_scalar(node)
    )

MAX_NODES = 200_000
"""Maps, lists and values one settings file is flattened through at most (aliases can repeat a
subtree, even an empty one, countless times)."""


def problem(error: Exception) -> tuple[int | None, str]:
    """(line, reason) of a parser's error: PyYAML's problem and where it is, not the context
    it was read in (``while scanning for the next token``)."""
    mark = getattr(error, "problem_mark", None)
    reason = getattr(error, "problem", None) or (str(error).splitlines() or [""])[0]
    line = mark.line + 1 if mark is not None else None
    return line, f"not readable: {reason or type(error).__name__}"


def load(text: str) -> object:
    """The first document of ``text``; raises what the parser raises."""
    return yaml.load(text, _Loader)


def load_all(text: str) -> list[object]:
    """Every document of ``text`` (``---`` separated); raises what the parser raises."""
    return list(yaml.load_all(text, _Loader))


def settings(document: object, budget: list[int]) -> Iterator[tuple[str, str]]:
    """``(dotted.key, value)`` of a settings document, as Spring reads YAML: nested maps join
    their keys with dots (a bracketed key stays as it is: ``map: {"[/a.b]": x}`` is
    ``map[/a.b]``), list items take ``[i]``, and a merge key (``<<: *defaults``) brings the
    merged maps' entries the map lacks under its own key (:func:`_entries`).

    Each node visited takes one from ``budget[0]`` (shared by a file's documents), and none
    is visited twice on one path (an alias to an enclosing map is no loop)."""
    stack: list[tuple[str, object, frozenset[int]]] = [("", document, frozenset())]
    merged: dict[int, dict[object, object]] = {}
    while stack and budget[0] > 0:
        budget[0] -= 1
        key, value, above = stack.pop()
        if isinstance(value, dict | list):
            if id(value) in above:
                continue
            inner = above | {id(value)}
            items = (
                [(_join(key, str(k)), v) for k, v in _entries(value, budget, merged).items()]
                if isinstance(value, dict)
                else _list_items(key, value)
            )
            stack.extend((k, v, inner) for k, v in reversed(items))
        elif key and value is not None:
            yield key, str(value)


MAX_MERGE_DEPTH = 32
"""Merge keys followed through at most this many merged maps in a chain."""


def _entries(
    value: dict[object, object],
    budget: list[int],
    merged: dict[int, dict[object, object]],
    depth: int = 0,
    open_: frozenset[int] = frozenset(),
) -> dict[object, object]:
    """A map's entries with its merge keys applied as YAML does: the map's own entries, then
    those of the maps it merges that it lacks, an earlier merged map before a later one; a
    merged map's entry is taken whole (``db: {host: c}`` over a merged ``db: {host: a, port:
    1}`` leaves no ``port``). A map's entries are kept in ``merged`` once fully worked out
    (not when a chain of merges was cut short or led back to a map being worked out); each
    step takes one from ``budget[0]``."""
    return _merge(value, budget, merged, depth, open_)[0]


def _merge(
    value: dict[object, object],
    budget: list[int],
    merged: dict[int, dict[object, object]],
    depth: int,
    open_: frozenset[int],
) -> tuple[dict[object, object], bool]:
    """:func:`_entries` and whether they are complete."""
    if id(value) in merged:
        return merged[id(value)], True
    budget[0] -= 1
    out = {k: v for k, v in value.items() if k != "<<"}
    complete = True
    found = value.get("<<")
    for m in found if isinstance(found, list) else [found]:
        if not isinstance(m, dict) or m is value:  # merging itself adds nothing
            continue
        if depth >= MAX_MERGE_DEPTH or budget[0] <= 0 or id(m) in open_:
            complete = False
            continue
        entries, whole = _merge(m, budget, merged, depth + 1, open_ | {id(value)})
        complete = complete and whole
        for k, v in entries.items():
            budget[0] -= 1
            out.setdefault(k, v)
    if complete:
        merged[id(value)] = out
    return out, complete


def _list_items(key: str, value: list[object]) -> list[tuple[str, object]]:
    return [(f"{key}[{i}]", v) for i, v in enumerate(value)]


def _join(key: str, name: str) -> str:
    if name.startswith("[") and name.endswith("]"):
        return key + name
    return f"{key}.{name}" if key else name

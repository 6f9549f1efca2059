"""Flatten a MyBatis/iBatis statement element into one plain SQL text that sqlglot can parse.

Dynamic tags are kept with all their branches (every ``<if>`` taken, so no table is missed) and
given their SQL meaning: ``<where>`` becomes ``WHERE`` without the first ``AND``/``OR``, ``<set>``
becomes ``SET`` without the last comma, ``<trim>`` applies its prefix and overrides,
``<foreach>``/``<iterate>`` their ``open``/``close``, iBatis ``prepend`` attributes their word.
``<selectKey>`` and ``<bind>`` are not data access and are dropped.

``<include>`` fragments are expanded once each per mapper (memoised, in dependency order, cycles
cut). Walks use explicit stacks, so nesting depth costs no Python recursion. A statement whose
expansion would pass :data:`MAX_EXPANDED_CHARS` (fragments that include each other many times
over) is expanded again with each fragment at most once and flagged, so the caller can report it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

MAX_EXPANDED_CHARS = 500_000
MAX_SHAPING_DEPTH = 100
"""Deeper ``<where>``/``<trim>``/... pass their content through unchanged (keeps time linear)."""

_LEADING_CONJUNCTION = re.compile(r"^\s*(?:AND|OR)\b|^\s*,", re.I)
_TRAILING_COMMA = re.compile(r",\s*$")
_DROPPED = frozenset({"selectKey", "bind", "property"})
_SHAPING = frozenset({"where", "set", "trim", "foreach", "iterate", "dynamic"})
"""Tags whose content changes when closed; others (``<if>``, ``<choose>``...) pass it through."""


def local_name(tag: object) -> str:
    """``{namespace}select`` -> ``select``; comments and processing instructions give ``""``."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


@dataclass(frozen=True, slots=True)
class _Close:
    element: ET.Element
    start: int


class _TooBig(Exception):
    pass


class MapperSql:
    """The fragments (``<sql id>``) of one mapper and the flattened text of its statements."""

    def __init__(self, root: ET.Element, namespace: str) -> None:
        self.namespace = namespace
        self.fragments = {
            el.get("id", ""): el for el in root.iter() if local_name(el.tag) == "sql"
        }
        self._memo: dict[str, str | None] = {}
        self._active: set[str] = set()
        """Fragments being expanded: an include of one of them is a cycle, cut."""

    def flatten(self, statement: ET.Element) -> tuple[str, bool]:
        """The statement as SQL text, and whether includes had to be cut to bound its size."""
        try:
            return self._expand(statement, None), False
        except _TooBig:
            return self._expand(statement, set()), True

    def _key(self, refid: str) -> str:
        return refid if refid in self.fragments else refid.removeprefix(f"{self.namespace}.")

    def _includes(self, el: ET.Element) -> list[str]:
        keys = (self._key(i.get("refid", "")) for i in el.iter() if local_name(i.tag) == "include")
        return [k for k in keys if k in self.fragments]

    def _fragment(self, key: str) -> str | None:
        """Expanded text of fragment ``key`` (``None``: too big), computed dependencies first."""
        if key in self._memo:
            return self._memo[key]
        on_path = self._active
        on_path.add(key)
        stack = [(key, iter(self._includes(self.fragments[key])))]
        while stack:
            current, deps = stack[-1]
            dep = next(deps, None)
            if dep is None:
                stack.pop()
                try:
                    self._memo[current] = self._expand(self.fragments[current], None)
                except _TooBig:
                    self._memo[current] = None
                on_path.discard(current)
            elif dep not in self._memo and dep not in on_path:
                on_path.add(dep)
                stack.append((dep, iter(self._includes(self.fragments[dep]))))
        return self._memo[key]

    def _expand(self, root: ET.Element, once: set[str] | None) -> str:
        """Flatten ``root``; with ``once`` (a set of used fragment keys) each fragment is read at
        most once and nothing is memoised; without it memoised fragments are used and
        :class:`_TooBig` is raised past the size limit."""
        pieces: list[str] = []
        size = 0
        shaping = 0  # open <where>/<trim>/... elements, each of which copies its content once
        stack: list[ET.Element | str | _Close] = [root]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                pieces.append(item)
                size += len(item)
                if once is None and size > MAX_EXPANDED_CHARS:
                    raise _TooBig
                continue
            if isinstance(item, _Close):
                shaping -= 1
                text = _close(item.element, " ".join(pieces[item.start :]))
                del pieces[item.start :]
                pieces.append(text)
                continue
            tag = local_name(item.tag)
            if item is not root:
                if tag == "include":
                    key = self._key(item.get("refid", ""))
                    if key not in self.fragments or key in self._active:
                        continue
                    if once is None:
                        fragment = self._memo[key] if key in self._memo else self._fragment(key)
                        if fragment is None:
                            raise _TooBig
                        stack.append(fragment)
                    elif key not in once:
                        once.add(key)
                        stack.append(self.fragments[key])
                    continue
                if tag in _DROPPED or not tag:
                    continue
                if (tag in _SHAPING or item.get("prepend")) and shaping < MAX_SHAPING_DEPTH:
                    stack.append(_Close(item, len(pieces)))
                    shaping += 1
            sequence: list[ET.Element | str] = [item.text or ""]
            for child in item:
                sequence.append(child)
                sequence.append(child.tail or "")
            stack.extend(reversed(sequence))
        return " ".join(pieces)


def _close(el: ET.Element, content: str) -> str:
    """Give a dynamic element's flattened ``content`` its SQL meaning."""
    tag = local_name(el.tag)
    if tag == "where":
        content = _LEADING_CONJUNCTION.sub(" ", content, count=1)
        return f" WHERE {content} " if content.strip() else " "
    if tag == "set":
        content = _TRAILING_COMMA.sub(" ", content, count=1)
        return f" SET {content} " if content.strip() else " "
    if tag == "trim":
        content = _overrides(content, el.get("prefixOverrides"), el.get("suffixOverrides"))
        if not content.strip():
            return " "
        return f" {el.get('prefix', '')} {content} {el.get('suffix', '')} "
    if tag in ("foreach", "iterate") and content.strip():
        content = f" {el.get('open', '')} {content} {el.get('close', '')} "
    elif tag == "dynamic":
        content = _LEADING_CONJUNCTION.sub(" ", content, count=1)
    prepend = el.get("prepend")
    if prepend and content.strip():
        return f" {prepend} {content} "
    return content


def _overrides(content: str, prefixes: str | None, suffixes: str | None) -> str:
    text = content.strip()
    for word in (p.strip() for p in (prefixes or "").split("|")):
        if word and text[: len(word)].upper() == word.upper():
            text = text[len(word) :]
            break
    for word in (s.strip() for s in (suffixes or "").split("|")):
        if word and text[-len(word) :].upper() == word.upper():
            text = text[: -len(word)]
            break
    return text

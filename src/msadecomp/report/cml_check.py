"""A small checker for the CML that :mod:`msadecomp.report.cml` writes.

It implements, from the published Context Mapper grammar (``ContextMappingDSL.xtext`` and the
tactic ``Entity`` rule), the subset msadecomp emits: ``ContextMap`` with ``type``, ``state``,
``contains`` and the ``[U]->[D]``, ``[P]<->[P]``, ``[SK]<->[SK]`` relationships;
``BoundedContext`` with ``implements``, ``domainVisionStatement``, ``type`` and ``Aggregate``s of
``Entity``s (``databaseTable``, ``aggregateRoot``); ``Domain`` with ``Subdomain``s (``type``,
``domainVisionStatement``). Xtext's terminals: ``ID`` is ``^?[a-zA-Z_][a-zA-Z0-9_]*``, strings
are double-quoted with backslash escapes, ``/* */`` and ``//`` comments are skipped. Besides the
syntax it checks the references: every name a context map or ``implements`` uses is declared,
relationships join contexts the map contains, and no name is declared twice.
"""

from __future__ import annotations

import re

from msadecomp.errors import MsadecompError

CONTEXT_MAP_TYPES = {"UNDEFINED", "SYSTEM_LANDSCAPE", "ORGANIZATIONAL"}
CONTEXT_MAP_STATES = {"UNDEFINED", "AS_IS", "TO_BE"}
BOUNDED_CONTEXT_TYPES = {"UNDEFINED", "FEATURE", "APPLICATION", "SYSTEM", "TEAM"}
SUBDOMAIN_TYPES = {"UNDEFINED", "CORE_DOMAIN", "SUPPORTING_DOMAIN", "GENERIC_SUBDOMAIN"}

_TOKEN = re.compile(
    r"""(?P<ws>\s+)|(?P<comment>/\*.*?\*/|//[^\n]*)|(?P<string>"(?:\\.|[^"\\])*")|"""
    r"""(?P<id>\^?[A-Za-z_][A-Za-z0-9_]*)|(?P<sym><->|->|<-|[{}\[\],=:])""",
    re.S,
)


class CmlError(MsadecompError):
    """The text is not CML of the checked subset."""


def tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            line = text.count("\n", 0, pos) + 1
            raise CmlError(f"line {line}: unexpected {text[pos : pos + 10]!r}")
        kind = m.lastgroup or ""
        if kind not in ("ws", "comment"):
            out.append((kind, m.group()))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.toks = tokens(text)
        self.i = 0
        self.contexts: list[str] = []
        self.subdomains: list[str] = []
        self.entities: list[str] = []
        self.implements: list[str] = []
        self.contains: list[str] = []
        self.related: list[str] = []

    def peek(self, ahead: int = 0) -> str:
        j = self.i + ahead
        return self.toks[j][1] if j < len(self.toks) else ""

    def take(self, expected: str | None = None) -> str:
        if self.i >= len(self.toks):
            raise CmlError(f"unexpected end of text, expected {expected or 'more'}")
        value = self.toks[self.i][1]
        if expected is not None and value != expected:
            raise CmlError(f"expected {expected!r}, found {value!r} (token {self.i})")
        self.i += 1
        return value

    def ident(self) -> str:
        kind, value = self.toks[self.i] if self.i < len(self.toks) else ("", "")
        if kind != "id":
            raise CmlError(f"expected a name, found {value!r} (token {self.i})")
        self.i += 1
        return value.lstrip("^")

    def string(self) -> str:
        kind, value = self.toks[self.i] if self.i < len(self.toks) else ("", "")
        if kind != "string":
            raise CmlError(f"expected a string, found {value!r} (token {self.i})")
        self.i += 1
        return value

    def enum(self, allowed: set[str]) -> str:
        if self.peek() == "=":
            self.take("=")
        value = self.ident()
        if value not in allowed:
            raise CmlError(f"{value!r} is not one of {', '.join(sorted(allowed))}")
        return value

    def model(self) -> None:
        maps = 0
        while self.i < len(self.toks):
            head = self.peek()
            if head == "ContextMap":
                maps += 1
                if maps > 1:
                    raise CmlError("more than one ContextMap")
                self.context_map()
            elif head == "BoundedContext":
                self.bounded_context()
            elif head == "Domain":
                self.domain()
            else:
                raise CmlError(f"unexpected {head!r} at the top level")

    def context_map(self) -> None:
        self.take("ContextMap")
        if self.peek() != "{":
            self.ident()
        self.take("{")
        while self.peek() in ("type", "state"):
            if self.take() == "type":
                self.enum(CONTEXT_MAP_TYPES)
            else:
                self.enum(CONTEXT_MAP_STATES)
        while self.peek() == "contains":
            self.take("contains")
            self.contains.append(self.ident())
            while self.peek() == ",":
                self.take(",")
                self.contains.append(self.ident())
        while self.peek() != "}":
            self.relationship()
        self.take("}")

    def relationship(self) -> None:
        left = self.ident()
        role = self.bracket()
        arrow = self.take()
        right_role = self.bracket()
        right = self.ident()
        shapes = {("U", "->", "D"), ("P", "<->", "P"), ("SK", "<->", "SK")}
        if (role, arrow, right_role) not in shapes:
            raise CmlError(
                f"unsupported relationship {left} [{role}]{arrow}[{right_role}] {right}"
            )
        if left == right:
            raise CmlError(f"relationship of {left} with itself")
        self.related += [left, right]

    def bracket(self) -> str:
        self.take("[")
        value = self.ident()
        self.take("]")
        return value

    def bounded_context(self) -> None:
        self.take("BoundedContext")
        self.contexts.append(self.ident())
        if self.peek() == "implements":
            self.take("implements")
            self.implements.append(self.ident())
            while self.peek() == ",":
                self.take(",")
                self.implements.append(self.ident())
        if self.peek() != "{":
            return
        self.take("{")
        seen: set[str] = set()
        while self.peek() in ("domainVisionStatement", "type") and self.peek() not in seen:
            key = self.take()
            seen.add(key)
            if key == "type":
                self.enum(BOUNDED_CONTEXT_TYPES)
            else:
                if self.peek() == "=":
                    self.take("=")
                self.string()
        while self.peek() == "Aggregate":
            self.aggregate()
        self.take("}")

    def aggregate(self) -> None:
        self.take("Aggregate")
        self.ident()
        self.take("{")
        while self.peek() == "Entity":
            self.take("Entity")
            self.entities.append(self.ident())
            self.take("{")
            seen: set[str] = set()
            while self.peek() in ("databaseTable", "aggregateRoot") and self.peek() not in seen:
                key = self.take()
                seen.add(key)
                if key == "databaseTable":
                    self.take("=")
                    self.string()
            self.take("}")
        self.take("}")

    def domain(self) -> None:
        self.take("Domain")
        self.ident()
        if self.peek() != "{":
            return
        self.take("{")
        while self.peek() == "Subdomain":
            self.take("Subdomain")
            self.subdomains.append(self.ident())
            self.take("{")
            seen: set[str] = set()
            while self.peek() in ("type", "domainVisionStatement") and self.peek() not in seen:
                key = self.take()
                seen.add(key)
                if key == "type":
                    self.enum(SUBDOMAIN_TYPES)
                else:
                    if self.peek() == "=":
                        self.take("=")
                    self.string()
            self.take("}")
        self.take("}")


def check_cml(text: str) -> None:
    """Raise :class:`CmlError` unless ``text`` is valid CML of the subset described above."""
    p = _Parser(text)
    p.model()
    for kind, names in (
        ("bounded context", p.contexts),
        ("subdomain", p.subdomains),
        ("entity", p.entities),
    ):
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise CmlError(f"{kind} declared twice: {', '.join(dupes)}")
    for name in p.contains:
        if name not in p.contexts:
            raise CmlError(f"the context map contains {name}, which is not declared")
    for name in p.related:
        if name not in p.contains:
            raise CmlError(f"relationship names {name}, which the context map does not contain")
    for name in p.implements:
        if name not in p.subdomains:
            raise CmlError(f"a context implements {name}, which is not a declared subdomain")

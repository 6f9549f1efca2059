"""Differential test: tree-sitter facts agree with javalang's on every fixture file it parses.

javalang (Java 8 grammar, test-only dependency) is an independent oracle. Facts are compared
after normalising the places where the two front ends differ on purpose:

- javalang reports ``this.dao.m()`` twice, as ``("this.dao", m)`` and as ``("", m)``; we keep
  the qualified call only. Calls are therefore compared as the set of qualified calls plus the
  set of called method names.
- javalang reads ``Type.<T>m()`` as a call of ``Type``; we report ``("Type", m)``.
- javalang names the inferred type ``var`` as if it were a class; we give it no type.
- javalang skips ``super.m()``; so do we. javalang skips ``outer.new Inner()``; we count it.
- Literals compared by a string test (``url.contains("quote")``) or taken as a key
  (``getAttribute("loginVO")``) are no strings of ours: they are dropped from javalang's too.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import javalang
import pytest
from javalang import tree as jt

from msadecomp.ingest.decoding import decode_source
from msadecomp.ingest.java_syntax import COMPARED, KEYED, JavaFile, parse_java

FIXTURE = Path(__file__).resolve().parents[3] / "fixtures" / "egov-portal"
FILES = sorted(FIXTURE.rglob("*.java"))
_KINDS = {
    jt.ClassDeclaration: "class",
    jt.InterfaceDeclaration: "interface",
    jt.EnumDeclaration: "enum",
    jt.AnnotationDeclaration: "annotation",
}

Facts = dict[str, Any]


def _type_name(ref: Any) -> str | None:
    if not isinstance(ref, jt.ReferenceType):
        return None
    name = ref.name
    sub = ref.sub_type
    while sub is not None:
        name = f"{name}.{sub.name}"
        sub = sub.sub_type
    return None if name == "var" else name


def _literal(node: Any) -> str | None:
    if isinstance(node, jt.Literal) and node.value.startswith('"'):
        raw = node.value[1:-1]
        if "\\" not in raw:
            return str(raw)
        return str(raw.encode().decode("unicode_escape").encode("latin-1").decode())
    return None


def _keys_and_compared(node: Any) -> set[int]:
    """Literals a string test compares or an accessor takes as its key: both front ends leave
    them out of a method's strings (they name no view)."""
    skip: set[int] = set()
    for _, child in node:
        if isinstance(child, jt.MethodInvocation) and child.arguments:
            if child.member in COMPARED:
                skip.update(id(a) for a in child.arguments)
            elif child.member in KEYED:
                skip.add(id(child.arguments[0]))
        elif isinstance(child, jt.Literal) and child.selectors:
            first = child.selectors[0]
            if isinstance(first, jt.MethodInvocation) and first.member in COMPARED:
                skip.add(id(child))
    return skip


def _method_facts(node: Any, facts: Facts) -> None:
    facts["methods"].add(node.name)
    skip = _keys_and_compared(node)
    for _, child in node:
        if isinstance(child, jt.MethodInvocation):
            member = child.member
            if child.type_arguments:  # ``Type.<T>m()``: javalang swaps qualifier and member
                continue
            facts["called"].add(member)
            if child.qualifier:
                facts["calls"].add((child.qualifier, member))
        elif isinstance(child, jt.This):
            for first, second in itertools.pairwise(child.selectors or []):
                if isinstance(first, jt.MemberReference) and isinstance(
                    second, jt.MethodInvocation
                ):
                    facts["calls"].add((f"this.{first.member}", second.member))
        elif isinstance(child, jt.ClassCreator):
            name = _type_name(child.type)
            if name:
                facts["creates"].add(name)
        elif isinstance(child, jt.Literal) and id(child) not in skip:
            value = _literal(child)
            if value is not None:
                facts["strings"].add(value)


def _oracle(text: str) -> Facts:
    unit = javalang.parse.parse(text)
    facts: Facts = {
        "package": unit.package.name if unit.package else "",
        "imports": sorted((i.path, bool(i.static), bool(i.wildcard)) for i in unit.imports),
        "types": set(),
        "fields": set(),
        "methods": set(),
        "called": set(),
        "calls": set(),
        "creates": set(),
        "strings": set(),
    }
    stack: list[tuple[Any, str]] = [(t, "") for t in unit.types]
    while stack:
        decl, prefix = stack.pop()
        if type(decl) not in _KINDS:
            continue
        name = prefix + decl.name
        ext = getattr(decl, "extends", None)
        supers = ext if isinstance(ext, list) else [ext] if ext is not None else []
        implements = getattr(decl, "implements", None) or []
        facts["types"].add(
            (
                name,
                _KINDS[type(decl)],
                tuple(n for n in map(_type_name, supers) if n),
                tuple(n for n in map(_type_name, implements) if n),
            )
        )
        body = decl.body
        if isinstance(decl, jt.EnumDeclaration) and body is not None:
            body = list(body.declarations or ())
        for member in body or ():
            if isinstance(member, jt.FieldDeclaration):
                for d in member.declarators:
                    facts["fields"].add((name, d.name, _type_name(member.type)))
            elif isinstance(member, (jt.MethodDeclaration, jt.ConstructorDeclaration)):
                _method_facts(member, facts)
            elif type(member) in _KINDS:
                stack.append((member, f"{name}."))
    return facts


def _ours(f: JavaFile) -> Facts:
    facts: Facts = {
        "package": f.package,
        "imports": sorted((i.path, i.static, i.wildcard) for i in f.imports),
        "types": {(t.name, t.kind, t.extends, t.implements) for t in f.types},
        "fields": {
            (t.name, v.name, v.type_refs[0] if v.type_refs else None)
            for t in f.types
            for v in t.fields
        },
        "methods": {m.name for t in f.types for m in t.methods},
        "called": {c.member for t in f.types for m in t.methods for c in m.calls},
        "calls": {
            (c.qualifier, c.member)
            for t in f.types
            for m in t.methods
            for c in m.calls
            if c.qualifier
        },
        "creates": {n for t in f.types for m in t.methods for n, _ in m.creates},
        "strings": {s for t in f.types for m in t.methods for s in m.strings},
    }
    return facts


def _parsable() -> Iterator[Path]:
    for path in FILES:
        try:
            javalang.parse.parse(decode_source(path.read_bytes()).text)
        except (javalang.parser.JavaSyntaxError, javalang.tokenizer.LexerError):
            continue
        yield path


PARSABLE = list(_parsable())


def test_javalang_parses_nearly_every_fixture_file() -> None:
    """The oracle must cover the fixture, or the comparison below proves little."""
    assert len(PARSABLE) >= len(FILES) - 2 and len(FILES) >= 90


@pytest.mark.parametrize("path", PARSABLE, ids=lambda p: p.name)
def test_both_front_ends_give_the_same_facts(path: Path) -> None:
    data = path.read_bytes()
    ours = parse_java(str(path), data)
    assert ours.error is None
    assert _ours(ours) == _oracle(decode_source(data).text)

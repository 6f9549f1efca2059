"""Parse one Java file into plain, picklable facts (names still unresolved).

javalang understands Java up to version 8. A file it rejects (method references such as
``String[]::new``, records, switch expressions, type-use annotations) yields a diagnostic with the
line javalang stopped at, plus a regex fallback that recovers the package, imports and declared
type names with their ``extends``/``implements`` clauses, so the class still takes part in the
analysis.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

import javalang
from javalang import tree as jt

from msadecomp.ingest.decoding import decode_source
from msadecomp.ingest.text import split_top_level


@dataclass(frozen=True, slots=True)
class Annotation:
    name: str
    value: str | None = None
    """The ``value`` element (or the single unnamed element), as text."""
    attrs: tuple[tuple[str, str], ...] = ()

    def get(self, key: str) -> str | None:
        if key == "value" and self.value is not None:
            return self.value
        return next((v for k, v in self.attrs if k == key), None)


@dataclass(frozen=True, slots=True)
class Call:
    qualifier: str
    """Variable, field or type the method is called on ("" for unqualified calls)."""
    member: str
    line: int
    strings: tuple[str, ...] = ()
    """String literal arguments (MyBatis/iBatis statement ids are passed this way)."""


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    type_refs: tuple[str, ...]
    annotations: tuple[Annotation, ...] = ()
    line: int = 0


@dataclass(frozen=True, slots=True)
class Method:
    name: str
    line: int
    params: tuple[Member, ...] = ()
    returns: tuple[str, ...] = ()
    annotations: tuple[Annotation, ...] = ()
    locals: tuple[Member, ...] = ()
    calls: tuple[Call, ...] = ()
    creates: tuple[tuple[str, int], ...] = ()
    strings: tuple[str, ...] = ()
    is_constructor: bool = False


@dataclass(frozen=True, slots=True)
class TypeDecl:
    name: str
    """Name relative to the package: ``Outer`` or ``Outer.Inner``."""
    kind: str
    line: int
    extends: tuple[str, ...] = ()
    implements: tuple[str, ...] = ()
    annotations: tuple[Annotation, ...] = ()
    fields: tuple[Member, ...] = ()
    methods: tuple[Method, ...] = ()
    loc: int = 0
    type_refs: tuple[str, ...] = ()
    """Other referenced types (the constant pool of a class file), linked as imports."""
    generic_supers: tuple[tuple[str, ...], ...] = ()
    """Super types with type arguments: ``JpaRepository<Article, Long>`` -> (JpaRepository,
    Article, Long)."""


@dataclass(frozen=True, slots=True)
class Import:
    path: str
    static: bool = False
    wildcard: bool = False


@dataclass(frozen=True, slots=True)
class JavaFile:
    path: str
    package: str
    imports: tuple[Import, ...]
    types: tuple[TypeDecl, ...]
    encoding: str
    lossy: bool = False
    error: tuple[int, str] | None = None
    """(line, message) when javalang rejected the file and the fallback was used."""
    loc: int = field(default=0)


def parse_java(path: str, data: bytes) -> JavaFile:
    """Parse ``data`` (the bytes of ``path``); never raises for bad Java."""
    decoded = decode_source(data)
    text = decoded.text
    loc = text.count("\n") + 1
    try:
        unit = javalang.parse.parse(text)
    except (
        javalang.parser.JavaSyntaxError,
        javalang.tokenizer.LexerError,
        TypeError,
        IndexError,
        AttributeError,
        StopIteration,
        RecursionError,
    ) as err:
        line, message = _error_position(err, text)
        pkg, imports, found = _fallback(text)
        return JavaFile(
            path, pkg, imports, found, decoded.encoding, decoded.lossy, (line, message), loc
        )
    package = unit.package.name if unit.package else ""
    imports = tuple(Import(i.path, bool(i.static), bool(i.wildcard)) for i in unit.imports)
    lines = text.splitlines()
    types: list[TypeDecl] = []
    for decl in unit.types:
        _collect_type(decl, "", types, lines)
    return JavaFile(
        path, package, imports, tuple(types), decoded.encoding, decoded.lossy, None, loc
    )


def _error_position(err: BaseException, text: str) -> tuple[int, str]:
    at = getattr(err, "at", None)
    pos = getattr(at, "position", None)
    line = pos.line if pos is not None else None
    if line is None and isinstance(err, javalang.tokenizer.LexerError):
        m = re.search(r"line (\d+)", str(err))
        line = int(m.group(1)) if m else None
    if isinstance(err, javalang.parser.JavaSyntaxError):
        desc = err.description or "syntax not supported by the Java 8 parser"
        token = getattr(at, "value", None)
        message = f"{desc} at {token!r}" if token else desc
    else:
        message = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
    return (line or 1), message


_KINDS = {
    jt.ClassDeclaration: "class",
    jt.InterfaceDeclaration: "interface",
    jt.EnumDeclaration: "enum",
    jt.AnnotationDeclaration: "annotation",
}


def type_names(ref: Any) -> list[str]:
    """All type names in a javalang type, generics included: ``Map<K, List<V>>`` -> Map, K, ..."""
    out: list[str] = []
    stack = [ref]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        if isinstance(node, jt.BasicType):
            continue
        if isinstance(node, jt.ReferenceType):
            name = node.name
            sub = node.sub_type
            while sub is not None:
                name = f"{name}.{sub.name}"
                for arg in sub.arguments or ():
                    stack.append(getattr(arg, "type", None))
                sub = sub.sub_type
            out.append(name)
            for arg in node.arguments or ():
                stack.append(getattr(arg, "type", None))
    return out


def _literal(node: Any) -> str | None:
    if isinstance(node, jt.Literal):
        value = str(node.value)
        if value.startswith('"') and value.endswith('"'):
            return _unescape(value[1:-1])
        return value
    if isinstance(node, jt.MemberReference):
        return f"{node.qualifier}.{node.member}" if node.qualifier else node.member
    if isinstance(node, jt.ElementArrayValue):
        parts = [_literal(v) for v in node.values or ()]
        return ",".join(p for p in parts if p is not None)
    if isinstance(node, jt.BinaryOperation) and node.operator == "+":
        left, right = _literal(node.operandl), _literal(node.operandr)
        if left is not None and right is not None:
            return left + right
    return None


def _string(node: Any) -> str | None:
    """The value of a string literal or a concatenation of string literals, else ``None``."""
    if isinstance(node, jt.Literal) and node.value.startswith('"'):
        return _unescape(node.value[1:-1])
    if isinstance(node, jt.BinaryOperation) and node.operator == "+":
        left, right = _string(node.operandl), _string(node.operandr)
        if left is not None and right is not None:
            return left + right
    return None


def _unescape(s: str) -> str:
    if "\\" not in s:
        return s
    try:
        return s.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return s


def _annotations(nodes: Any) -> tuple[Annotation, ...]:
    out = []
    for a in nodes or ():
        element = a.element
        value = None
        attrs: list[tuple[str, str]] = []
        if isinstance(element, list):
            for pair in element:
                text = _literal(pair.value)
                if text is None:
                    continue
                if pair.name == "value":
                    value = text
                else:
                    attrs.append((pair.name, text))
        elif element is not None:
            value = _literal(element)
        out.append(Annotation(a.name, value, tuple(attrs)))
    return tuple(out)


def _line(node: Any, default: int = 0) -> int:
    pos = getattr(node, "position", None)
    return pos.line if pos is not None else default


def _collect_type(decl: Any, prefix: str, out: list[TypeDecl], lines: list[str]) -> None:
    kind = _KINDS.get(type(decl))
    if kind is None:
        return
    name = f"{prefix}{decl.name}"
    extends: list[str] = []
    ext = getattr(decl, "extends", None)
    if isinstance(ext, list):
        for e in ext:
            extends.extend(type_names(e)[:1])
    elif ext is not None:
        extends.extend(type_names(ext)[:1])
    implements: list[str] = []
    for i in getattr(decl, "implements", None) or ():
        implements.extend(type_names(i)[:1])
    supers = ext if isinstance(ext, list) else [ext] if ext is not None else []
    generic_supers = tuple(
        (s.name, *(n for a in s.arguments for n in type_names(getattr(a, "type", None))[:1]))
        for s in [*supers, *(getattr(decl, "implements", None) or ())]
        if isinstance(s, jt.ReferenceType) and s.arguments
    )
    fields: list[Member] = []
    methods: list[Method] = []
    body = decl.body
    if isinstance(decl, jt.EnumDeclaration) and body is not None:
        body = list(body.declarations or ())
    start = _line(decl, 1)
    end = start
    for member in body or ():
        end = max(end, _line(member, end))
        if isinstance(member, jt.FieldDeclaration):
            refs = tuple(type_names(member.type))
            anns = _annotations(member.annotations)
            for d in member.declarators:
                fields.append(Member(d.name, refs, anns, _line(member)))
        elif isinstance(member, (jt.MethodDeclaration, jt.ConstructorDeclaration)):
            methods.append(_method(member))
        elif type(member) in _KINDS:
            _collect_type(member, f"{name}.", out, lines)
    out.append(
        TypeDecl(
            name,
            kind,
            start,
            tuple(extends),
            tuple(implements),
            _annotations(decl.annotations),
            tuple(fields),
            tuple(methods),
            max(end - start + 1, 1),
            generic_supers=generic_supers,
        )
    )


def _method(node: Any) -> Method:
    is_ctor = isinstance(node, jt.ConstructorDeclaration)
    line = _line(node)
    params = tuple(
        Member(p.name, tuple(type_names(p.type)), _annotations(p.annotations), line)
        for p in node.parameters or ()
    )
    returns = tuple(type_names(getattr(node, "return_type", None)))
    locals_: list[Member] = []
    calls: list[Call] = []
    creates: list[tuple[str, int]] = []
    strings: list[str] = []
    last = line
    for _, child in node:
        last = _line(child, last)
        if isinstance(child, jt.MethodInvocation):
            args = tuple(s for s in (_string(a) for a in child.arguments or ()) if s is not None)
            calls.append(Call(child.qualifier or "", child.member, last, args))
        elif isinstance(child, jt.This):
            sel = child.selectors or []
            for first, second in itertools.pairwise(sel):
                if isinstance(first, jt.MemberReference) and isinstance(
                    second, jt.MethodInvocation
                ):
                    calls.append(Call(f"this.{first.member}", second.member, last))
        elif isinstance(child, (jt.LocalVariableDeclaration, jt.VariableDeclaration)):
            refs = tuple(type_names(child.type))
            for d in child.declarators:
                locals_.append(Member(d.name, refs, (), last))
        elif isinstance(child, jt.ClassCreator):
            for name in type_names(child.type)[:1]:
                creates.append((name, last))
        elif isinstance(child, jt.Literal) and child.value.startswith('"'):
            strings.append(_unescape(child.value[1:-1]))
        elif isinstance(child, jt.FormalParameter) and child not in (node.parameters or ()):
            locals_.append(Member(child.name, tuple(type_names(child.type)), (), last))
    return Method(
        node.name,
        line,
        params,
        returns,
        _annotations(node.annotations),
        tuple(locals_),
        tuple(calls),
        tuple(creates),
        tuple(strings),
        is_ctor,
    )


_PACKAGE = re.compile(r"^\s*package\s+([\w.]+)\s*;", re.M)
_IMPORT = re.compile(r"^\s*import\s+(static\s+)?([\w.]+)(\.\*)?\s*;", re.M)
_DECL = re.compile(
    r"\b(class|interface|enum|record|@interface)\s+([A-Za-z_$][\w$]*)"
    r"(?:\s*<[^{]*?>)?(?:\s*\([^)]*\))?"
    r"(?:\s+extends\s+([\w.$]+(?:\s*<[^{]*?>)?(?:\s*,\s*[\w.$]+(?:\s*<[^{]*?>)?)*))?"
    r"(?:\s+implements\s+([^{]+))?\s*\{"
)
_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*|\"(?:\\.|[^\"\\\n])*\"", re.S)


def _blank(m: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", m.group(0))


def _fallback(text: str) -> tuple[str, tuple[Import, ...], tuple[TypeDecl, ...]]:
    """Recover package, imports and top-level type names from text javalang rejected."""
    clean = _COMMENT.sub(_blank, text)
    m = _PACKAGE.search(clean)
    package = m.group(1) if m else ""
    imports = tuple(Import(g[1], bool(g[0]), bool(g[2])) for g in _IMPORT.findall(clean))
    types: list[TypeDecl] = []
    depth_at = _brace_depths(clean)
    for d in _DECL.finditer(clean):
        if depth_at[d.start()] != 0:
            continue
        kind = {"@interface": "annotation"}.get(d.group(1), d.group(1))
        line = clean.count("\n", 0, d.start()) + 1
        extends, implements = _type_list(d.group(3)), _type_list(d.group(4))
        types.append(TypeDecl(d.group(2), kind, line, extends, implements))
    return package, imports, tuple(types)


def _brace_depths(text: str) -> list[int]:
    depths = [0] * (len(text) + 1)
    depth = 0
    for i, ch in enumerate(text):
        depths[i] = depth
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(depth - 1, 0)
    depths[len(text)] = depth
    return depths


def _type_list(text: str | None) -> tuple[str, ...]:
    """``Base<T>, Api`` -> ``("Base", "Api")``."""
    return tuple(x.split("<", 1)[0].strip() for x in split_top_level(text or "", "<", ">", ""))

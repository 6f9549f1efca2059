"""Parse one Java file into plain, picklable facts (names still unresolved).

The front end is tree-sitter-java, which covers Java 1.4 through 21 (records, sealed types,
switch expressions, text blocks, patterns, lambdas, method references, ``var``, type-use
annotations) and recovers from syntax errors: a broken region becomes ``JavaFile.error`` with the
first error's line, and everything outside it is still extracted. The syntax tree lives only for
the duration of :func:`parse_java`; what leaves it are the frozen dataclasses below.

One tree-sitter query picks the nodes that carry facts (declarations, calls, ``new``, string
literals, local variables) in document order, and a stack of open declarations attributes each
to its type or method. Every walk over the tree or over an expression is a loop with an explicit
stack, so deeply nested input (1,000 nested parentheses or a 1,000-term concatenation) cannot
exhaust Python's recursion limit.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter

import tree_sitter_java
from tree_sitter import Language, Node, Parser, Query, QueryCursor

from msadecomp.ingest.decoding import decode_source
from msadecomp.ingest.java_doc import doc_sentence

MAX_SOURCE_BYTES = 4 * 1024 * 1024
"""Java files larger than this (UTF-8 bytes) are not parsed; the file gets an error instead.
(The largest file in Apache Tomcat 9 has 0.3 MiB.)"""
MAX_PARSE_SECONDS = 5.0
"""A parse still running after this long is abandoned with an error. Valid Java parses at
megabytes per second; only error recovery in large, badly broken files gets near it."""
MAX_DEPTH = 5000
"""Syntax nodes nested deeper than this (a 5,000-term concatenation, 5,000 nested parentheses)
are not searched for facts, and the file gets an error naming the line."""
MAX_TYPE_NESTING = 64
"""Member types nested deeper than this are skipped (and reported as the file's error)."""


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
    doc: str = ""
    """First sentence of the type's Javadoc (or of the file's leading comment)."""


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
    """(line, message) of the first syntax error; facts outside the broken region are kept."""
    loc: int = field(default=0)


# -- tree-sitter set-up ------------------------------------------------------------------------

_LANGUAGE = Language(tree_sitter_java.language())
_TYPE_KINDS = {
    "class_declaration": "class",
    "interface_declaration": "interface",
    "enum_declaration": "enum",
    "record_declaration": "record",
    "annotation_type_declaration": "annotation",
}
_METHOD_KINDS = frozenset(
    {"method_declaration", "constructor_declaration", "compact_constructor_declaration"}
)
_FIELD_KINDS = frozenset({"field_declaration", "constant_declaration"})
_QUERY = Query(
    _LANGUAGE,
    "["
    + " ".join(
        f"({kind})"
        for kind in (
            *_TYPE_KINDS,
            *_METHOD_KINDS,
            *_FIELD_KINDS,
            "package_declaration",
            "import_declaration",
            "method_invocation",
            "object_creation_expression",
            "string_literal",
            "local_variable_declaration",
            "enhanced_for_statement",
            "formal_parameter",
            "spread_parameter",
            "instanceof_expression",
            "type_pattern",
        )
    )
    + "] @n",
)
_PRIMITIVES = frozenset({"integral_type", "floating_point_type", "boolean_type", "void_type"})
_LITERALS = frozenset(
    {
        "decimal_integer_literal",
        "hex_integer_literal",
        "octal_integer_literal",
        "binary_integer_literal",
        "decimal_floating_point_literal",
        "hex_floating_point_literal",
        "character_literal",
        "true",
        "false",
        "null_literal",
    }
)
_ANNOTATIONS = frozenset({"annotation", "marker_annotation"})
_START = attrgetter("start_byte")
_STRING_EXPRESSIONS = frozenset(
    {"string_literal", "binary_expression", "parenthesized_expression"}
)


def _parser() -> Parser:
    global _PARSER
    if _PARSER is None:
        _PARSER = Parser(_LANGUAGE)
    return _PARSER


_PARSER: Parser | None = None


# -- entry points ------------------------------------------------------------------------------


def parse_java(path: str, data: bytes) -> JavaFile:
    """Parse ``data`` (the bytes of ``path``); never raises for bad Java.

    >>> f = parse_java("A.java", b"package a; class A { void f() { b.g(); } }")
    >>> f.package, f.types[0].name, f.types[0].methods[0].calls[0].qualifier
    ('a', 'A', 'b')
    """
    decoded = decode_source(data)
    text = decoded.text
    loc = text.count("\n") + 1
    src = text.encode("utf-8", "replace")
    if len(src) > MAX_SOURCE_BYTES:
        message = (
            f"file has {len(src):,} bytes, over the {MAX_SOURCE_BYTES:,}-byte limit for one Java "
            "source; not parsed"
        )
        return JavaFile(path, "", (), (), decoded.encoding, decoded.lossy, (1, message), loc)
    root = _parse(src)
    if root is None:
        message = f"parsing stopped after {MAX_PARSE_SECONDS:g} s (too broken to recover)"
        return JavaFile(path, "", (), (), decoded.encoding, decoded.lossy, (1, message), loc)
    error = _first_error(root, src) if root.has_error else None
    deep = _deeper_than(root, MAX_DEPTH)
    if deep is not None:
        error = error or (deep, f"nested over {MAX_DEPTH:,} levels deep; facts inside not read")
    extractor = _Extractor(src)
    package, imports, types = extractor.run(root)
    error = error or extractor.too_deep
    return JavaFile(path, package, imports, types, decoded.encoding, decoded.lossy, error, loc)


def parse_floor(paths: Iterable[str]) -> float:
    """Seconds to read and tree-sitter-parse ``paths`` (no decoding checks, no facts): a floor.

    Benchmarks compare the whole Java ingest against this to show the extraction overhead.
    """
    parser = Parser(_LANGUAGE)
    total = 0.0
    for p in paths:
        with open(p, "rb") as fh:  # noqa: PTH123 - plain read, timed
            data = fh.read()
        start = time.perf_counter()
        parser.parse(data)
        total += time.perf_counter() - start
    return total


def _parse(src: bytes) -> Node | None:
    """The syntax tree's root, or ``None`` when parsing took over ``MAX_PARSE_SECONDS``."""
    view = memoryview(src)
    deadline = time.monotonic() + MAX_PARSE_SECONDS

    def read(offset: int, _point: object) -> memoryview:
        return view[offset : offset + 65536]

    def too_long(_offset: int, _has_error: bool) -> bool:
        return time.monotonic() > deadline

    parser = _parser()
    try:
        return parser.parse(read, progress_callback=too_long).root_node
    except ValueError:  # cancelled by ``too_long``
        parser.reset()
        return None


# -- errors ------------------------------------------------------------------------------------


def _first_error(root: Node, src: bytes) -> tuple[int, str]:
    """Line and message of the first ERROR or MISSING node (walks only subtrees with errors)."""
    cursor = root.walk()
    while True:
        node = cursor.node
        if node is not None and node.is_missing:
            return node.start_point.row + 1, f"missing {node.type!r}"
        if node is not None and node.is_error:
            snippet = src[node.start_byte : min(node.end_byte, node.start_byte + 40)]
            first = snippet.decode("utf-8", "replace").strip().splitlines()
            near = first[0] if first else ""
            return node.start_point.row + 1, f"syntax error near {near!r}"
        if node is not None and node.has_error and cursor.goto_first_child():
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return root.start_point.row + 1, "syntax error"


def _deeper_than(root: Node, limit: int) -> int | None:
    """Line of the first node nested more than ``limit`` levels deep, or ``None``.

    Subtrees with fewer nodes than the depth still allowed are skipped unvisited, so a normal
    file costs a handful of steps and a pathological one at most one step per node.
    """
    if root.descendant_count <= limit:
        return None
    cursor = root.walk()
    depth = 0
    while True:
        node = cursor.node
        if node is not None and depth > limit:
            return node.start_point.row + 1
        if (
            node is not None
            and depth + node.descendant_count > limit
            and cursor.goto_first_child()
        ):
            depth += 1
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return None
            depth -= 1


# -- fact extraction ---------------------------------------------------------------------------


class _Open:
    """A declaration whose facts are still being collected."""

    __slots__ = (
        "annotations",
        "body_start",
        "calls",
        "creates",
        "depth",
        "end",
        "fields",
        "is_type",
        "locals",
        "members",
        "methods",
        "name",
        "node",
        "strings",
    )

    def __init__(self, node: Node, name: str, is_type: bool, body_start: int) -> None:
        self.node = node
        self.name = name
        self.is_type = is_type
        self.end = node.end_byte
        self.body_start = body_start
        self.fields: list[Member] = []
        self.methods: list[Method] = []
        self.locals: list[Member] = []
        self.calls: list[Call] = []
        self.creates: list[tuple[str, int]] = []
        self.strings: list[str] = []
        self.annotations: tuple[Annotation, ...] = ()
        self.members: frozenset[int] = frozenset()
        """Start bytes of the declarations directly in a type's body."""
        self.depth = 0


class _Extractor:
    def __init__(self, src: bytes) -> None:
        self.src = src
        self.types: list[TypeDecl] = []
        self.leading_doc: str | None = None
        self.too_deep: tuple[int, str] | None = None

    def text(self, node: Node) -> str:
        return self.src[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def run(self, root: Node) -> tuple[str, tuple[Import, ...], tuple[TypeDecl, ...]]:
        cursor = QueryCursor(_QUERY)
        cursor.set_max_start_depth(MAX_DEPTH)
        nodes = cursor.captures(root).get("n", [])
        nodes.sort(key=_START)  # captures come in document order; a stable sort makes sure
        package = ""
        imports: list[Import] = []
        stack: list[_Open] = []
        for node in nodes:
            start = node.start_byte
            while stack and stack[-1].end <= start:
                self.close(stack.pop(), stack)
            top = stack[-1] if stack else None
            kind = node.type
            if kind in _TYPE_KINDS:
                if top is None:
                    stack.append(self.open_type(node, "", 1))
                elif top.is_type and start in top.members:
                    if top.depth < MAX_TYPE_NESTING:
                        stack.append(self.open_type(node, f"{top.name}.", top.depth + 1))
                    elif self.too_deep is None:
                        self.too_deep = (_line(node), f"types nested over {MAX_TYPE_NESTING} deep")
            elif kind in _METHOD_KINDS:
                if top is not None and top.is_type and start in top.members:
                    stack.append(self.open_method(node))
            elif kind in _FIELD_KINDS:
                if top is not None and top.is_type and start in top.members:
                    top.fields.extend(self.variables(node, annotated=True))
            elif kind == "package_declaration":
                if top is None:
                    package = self.dotted_child(node)
            elif kind == "import_declaration":
                if top is None:
                    imports.append(self.import_(node))
            elif top is not None and not top.is_type:
                self.method_fact(node, kind, top)
        while stack:
            self.close(stack.pop(), stack)
        return package, tuple(imports), tuple(self.types)

    # -- declarations --------------------------------------------------------------------------
    def open_type(self, node: Node, prefix: str, depth: int) -> _Open:
        name = node.child_by_field_name("name")
        body = node.child_by_field_name("body")
        t = _Open(node, prefix + (self.text(name) if name else "?"), True, 0)
        t.depth = depth
        t.annotations = self.annotations(node)
        t.members = _member_starts(body)
        if node.type == "record_declaration":
            params = node.child_by_field_name("parameters")
            for p in params.named_children if params else ():
                if p.type in ("formal_parameter", "spread_parameter"):
                    t.fields.append(self.parameter(p, _line(p)))
        t.body_start = body.start_byte if body else node.end_byte
        return t

    def open_method(self, node: Node) -> _Open:
        name = node.child_by_field_name("name")
        body = node.child_by_field_name("body")
        m = _Open(node, self.text(name) if name else "?", False, 0)
        m.body_start = body.start_byte if body else node.end_byte
        m.annotations = self.annotations(node)
        return m

    def close(self, item: _Open, stack: Sequence[_Open]) -> None:
        if item.is_type:
            self.close_type(item, stack)
        elif stack:
            stack[-1].methods.append(self.close_method(item))

    def close_type(self, t: _Open, stack: Sequence[_Open]) -> None:
        node = t.node
        extends: list[str] = []
        implements: list[str] = []
        generic: list[tuple[str, ...]] = []
        for child in node.children:
            kind = child.type
            if kind == "superclass" or kind == "extends_interfaces":
                target = extends
            elif kind == "super_interfaces":
                target = implements
            else:
                continue
            for sup in _super_types(child):
                names = _type_names(sup, self.src)
                if not names:
                    continue
                target.append(names[0])
                if sup.type == "generic_type":
                    args = sup.named_children[-1] if sup.named_child_count else None
                    firsts = [
                        ns[0]
                        for a in (args.named_children if args else ())
                        if (ns := _type_names(a, self.src))
                    ]
                    generic.append((names[0], *firsts))
        line = self.decl_line(node)
        self.types.append(
            TypeDecl(
                t.name,
                _TYPE_KINDS[node.type],
                line,
                tuple(extends),
                tuple(implements),
                t.annotations,
                tuple(t.fields),
                tuple(t.methods),
                max(node.end_point.row + 1 - line + 1, 1),
                generic_supers=tuple(generic),
                doc=self.doc(node, top_level=not stack),
            )
        )

    def close_method(self, m: _Open) -> Method:
        node = m.node
        line = self.decl_line(node)
        params = node.child_by_field_name("parameters")
        returns = node.child_by_field_name("type")
        return Method(
            m.name,
            line,
            tuple(
                self.parameter(p, line)
                for p in (params.named_children if params else ())
                if p.type in ("formal_parameter", "spread_parameter")
            ),
            tuple(_type_names(returns, self.src)) if returns else (),
            m.annotations,
            tuple(m.locals),
            tuple(m.calls),
            tuple(m.creates),
            tuple(m.strings),
            node.type != "method_declaration",
        )

    def method_fact(self, node: Node, kind: str, m: _Open) -> None:
        """Record a call, ``new``, string or local variable found inside method ``m``."""
        if kind == "method_invocation":
            call = self.call(node)
            if call is not None:
                m.calls.append(call)
        elif kind == "object_creation_expression":
            created = node.child_by_field_name("type")
            names = _type_names(created, self.src) if created else []
            if names:
                m.creates.append((names[0], _line(node)))
        elif kind == "string_literal":
            m.strings.append(_string_value(self.text(node)))
        elif kind == "local_variable_declaration":
            m.locals.extend(self.variables(node, annotated=False))
        elif kind == "enhanced_for_statement":
            self.add_local(node, node.child_by_field_name("type"), m)
        elif kind == "instanceof_expression":
            self.add_local(node, node.child_by_field_name("right"), m)
        elif kind == "type_pattern":
            self.add_local(node, node.named_children[0] if node.named_child_count else None, m)
        elif node.start_byte >= m.body_start:  # a lambda's or a local class's parameter
            m.locals.append(self.parameter(node, _line(node), annotated=False))

    def add_local(self, node: Node, type_node: Node | None, m: _Open) -> None:
        name = node.child_by_field_name("name")
        if name is None and node.type == "type_pattern":
            name = node.named_children[-1] if node.named_child_count > 1 else None
        if name is None or type_node is None or name.type != "identifier":
            return
        refs = tuple(_type_names(type_node, self.src))
        m.locals.append(Member(self.text(name), refs, (), _line(node)))

    def call(self, node: Node) -> Call | None:
        name = node.child_by_field_name("name")
        if name is None:
            return None
        obj = node.child_by_field_name("object")
        if obj is None or obj.type == "this":
            qualifier = ""
        elif obj.type == "super":
            return None
        else:
            after = obj.next_named_sibling
            if after is not None and after.type == "super":  # Outer.super.m()
                return None
            qualifier = self.dotted(obj) or ""
            if qualifier == "this":  # ``Outer.this.m()``
                qualifier = ""
        args = node.child_by_field_name("arguments")
        strings: tuple[str, ...] = ()
        if args is not None and args.named_child_count:
            strings = tuple(
                s
                for a in args.named_children
                if a.type in _STRING_EXPRESSIONS
                and (s := _fold(a, self.src, strings_only=True)) is not None
            )
        return Call(qualifier, self.text(name), _line(name), strings)

    def variables(self, node: Node, *, annotated: bool) -> list[Member]:
        type_node = node.child_by_field_name("type")
        refs = tuple(_type_names(type_node, self.src)) if type_node else ()
        anns = self.annotations(node) if annotated else ()
        line = self.decl_line(node) if annotated else _line(node)
        out = []
        for d in node.children_by_field_name("declarator"):
            name = d.child_by_field_name("name")
            if name is not None:
                out.append(Member(self.text(name), refs, anns, line))
        return out

    def parameter(self, node: Node, line: int, *, annotated: bool = True) -> Member:
        type_node = node.child_by_field_name("type")
        name = node.child_by_field_name("name")
        if node.type == "spread_parameter":
            for c in node.named_children:
                if c.type == "variable_declarator":
                    name = c.child_by_field_name("name")
                elif c.type != "modifiers" and type_node is None:
                    type_node = c
        refs = tuple(_type_names(type_node, self.src)) if type_node else ()
        anns = self.annotations(node) if annotated else ()
        return Member(self.text(name) if name else "?", refs, anns, line)

    def import_(self, node: Node) -> Import:
        static = wildcard = False
        path = ""
        for c in node.children:
            if c.type == "static":
                static = True
            elif c.type == "asterisk":
                wildcard = True
            elif c.type in ("identifier", "scoped_identifier"):
                path = _squash(self.text(c))
        return Import(path, static, wildcard)

    def dotted_child(self, node: Node) -> str:
        for c in node.named_children:
            if c.type in ("identifier", "scoped_identifier"):
                return _squash(self.text(c))
        return ""

    def dotted(self, node: Node) -> str | None:
        """``a.b.c`` or ``this.x`` for a chain of names, else ``None`` (iterative)."""
        parts: list[str] = []
        cur: Node | None = node
        while cur is not None:
            kind = cur.type
            if kind == "field_access":
                fld = cur.child_by_field_name("field")
                if fld is None or fld.type not in ("identifier", "this"):
                    return None
                parts.append(self.text(fld))
                cur = cur.child_by_field_name("object")
            elif kind == "identifier" or kind == "this":
                parts.append(self.text(cur))
                break
            elif kind == "scoped_identifier":
                parts.append(_squash(self.text(cur)))
                break
            else:
                return None
        parts.reverse()
        if "this" in parts[1:]:  # ``Outer.this.x`` is ``this.x``
            del parts[: len(parts) - parts[::-1].index("this") - 1]
        return ".".join(parts)

    def decl_line(self, node: Node) -> int:
        """The line a declaration starts on, after its annotations (javalang's convention)."""
        first = node.child(0)
        if first is None or first.type != "modifiers":
            return _line(node)
        for c in first.children:
            if c.type not in _ANNOTATIONS and not c.type.endswith("comment"):
                return _line(c)
        after = first.next_sibling
        return _line(after if after is not None else node)

    def annotations(self, node: Node) -> tuple[Annotation, ...]:
        first = node.child(0)
        if first is None or first.type != "modifiers":
            return ()
        return tuple(self.annotation(a) for a in first.named_children if a.type in _ANNOTATIONS)

    def annotation(self, node: Node) -> Annotation:
        name = node.child_by_field_name("name")
        value: str | None = None
        attrs: list[tuple[str, str]] = []
        args = node.child_by_field_name("arguments")
        for c in args.named_children if args else ():
            if c.type == "element_value_pair":
                key, val = c.child_by_field_name("key"), c.child_by_field_name("value")
                text = _fold(val, self.src) if val is not None else None
                if key is None or text is None:
                    continue
                if self.text(key) == "value":
                    value = text
                else:
                    attrs.append((self.text(key), text))
            elif not c.type.endswith("comment"):
                value = _fold(c, self.src)
        return Annotation(_squash(self.text(name)) if name else "?", value, tuple(attrs))

    def doc(self, node: Node, *, top_level: bool) -> str:
        prev = node.prev_sibling
        while prev is not None and prev.type == "line_comment":
            prev = prev.prev_sibling
        if prev is not None and prev.type == "block_comment":
            sentence = doc_sentence(self.text(prev))
            if sentence:
                return sentence
        if not top_level:
            return ""
        if self.leading_doc is None:
            self.leading_doc = self.leading(node)
        return self.leading_doc

    def leading(self, node: Node) -> str:
        """The file's first block comment, unless it is a licence header."""
        root = node.parent
        while root is not None and root.type != "program":
            root = root.parent
        first = root.child(0) if root is not None else None
        if first is None or first.type != "block_comment":
            return ""
        text = self.text(first)
        if _LICENCE.search(text[:2000]):
            return ""
        return doc_sentence(text)


_LICENCE = re.compile(r"licen[cs]e|copyright", re.I)


def _line(node: Node) -> int:
    return int(node.start_point.row) + 1


def _squash(text: str) -> str:
    """``a . b`` (names split over lines or with comments) -> ``a.b``."""
    if " " not in text and "\n" not in text and "/" not in text:
        return text
    text = re.sub(r"/\*.*?\*/|//[^\n]*", "", text, flags=re.S)
    return "".join(text.split())


def _member_starts(body: Node | None) -> frozenset[int]:
    """Start bytes of the declarations directly in a type body (also inside ERROR wrappers)."""
    starts: set[int] = set()
    for c in body.named_children if body is not None else ():
        if c.type in ("enum_body_declarations", "ERROR"):
            starts.update(d.start_byte for d in c.named_children)
        else:
            starts.add(c.start_byte)
    return frozenset(starts)


def _super_types(clause: Node) -> list[Node]:
    """Type nodes of ``extends X`` / ``implements A, B``."""
    out: list[Node] = []
    for c in clause.named_children:
        if c.type == "type_list":
            out.extend(t for t in c.named_children if not t.type.endswith("comment"))
        elif not c.type.endswith("comment"):
            out.append(c)
    return out


def _type_names(node: Node | None, src: bytes) -> list[str]:
    """Every type name in a type, generics included: ``Map<K, List<V>>`` -> Map, K, List, V.

    Primitive types and ``var`` give no name; qualified names keep their dots.
    """
    out: list[str] = []
    work = [node] if node is not None else []
    while work:
        n = work.pop()
        kind = n.type
        if kind in ("type_identifier", "scoped_type_identifier", "generic_type"):
            name, args = _qualified(n, src)
            if name and name != "var":
                out.append(name)
            work.extend(reversed(args))
        elif kind in _PRIMITIVES or kind in _ANNOTATIONS or kind.endswith("comment"):
            continue
        else:  # array_type, wildcard, annotated_type, type_arguments, ...
            work.extend(reversed(n.named_children))
    return out


def _qualified(node: Node, src: bytes) -> tuple[str, list[Node]]:
    """Dotted name of a (possibly generic, possibly scoped) type and its type argument lists."""
    segments: list[str] = []
    args: list[Node] = []
    work = [node]
    while work:
        n = work.pop()
        kind = n.type
        if kind == "type_identifier":
            segments.append(src[n.start_byte : n.end_byte].decode("utf-8", "replace"))
        elif kind == "type_arguments":
            args.append(n)
        elif kind in ("scoped_type_identifier", "generic_type"):
            work.extend(reversed(n.named_children))
    return ".".join(segments), [a for arg in args for a in arg.named_children]


_ARRAY_START, _ARRAY_END, _ITEM_START, _ITEM_END = range(4)


def _fold(node: Node, src: bytes, *, strings_only: bool = False) -> str | None:
    """The text value of a constant expression, or ``None``.

    String literals give their value, ``+`` concatenates, array initialisers join with commas
    and names give their dotted text (``RequestMethod.GET``). With ``strings_only`` only string
    literals and their concatenations have a value. The expression is flattened with an explicit
    stack into its leaves in source order, and each value is joined once, so time stays linear
    in the expression's size however deep it nests.
    """
    elements: list[list[str] | None] = [[]]  # the parts of each value being built, innermost last
    arrays: list[list[str]] = []
    work: list[Node | int] = [node]
    while work:
        item = work.pop()
        if isinstance(item, int):
            if item == _ARRAY_START:
                arrays.append([])
            elif item == _ITEM_START:
                elements.append([])
            elif item == _ITEM_END:
                parts = elements.pop()
                if parts is not None:  # an element without a value is left out
                    arrays[-1].append("".join(parts))
            else:
                joined = ",".join(arrays.pop())
                _add(elements, None if strings_only else joined)
            continue
        kind = item.type
        if kind == "parenthesized_expression":
            inner = [c for c in item.named_children if not c.type.endswith("comment")]
            if len(inner) == 1:
                work.append(inner[0])
            else:
                _add(elements, None)
        elif kind == "binary_expression":
            op = item.child_by_field_name("operator")
            left, right = item.child_by_field_name("left"), item.child_by_field_name("right")
            if op is None or op.type != "+" or left is None or right is None:
                _add(elements, None)
            else:
                work.extend((right, left))
        elif kind in ("element_value_array_initializer", "array_initializer"):
            items = [c for c in item.named_children if not c.type.endswith("comment")]
            work.append(_ARRAY_END)
            for c in reversed(items):
                work.extend((_ITEM_END, c, _ITEM_START))
            work.append(_ARRAY_START)
        else:
            _add(elements, _leaf(item, kind, src, strings_only))
    parts = elements[0]
    return "".join(parts) if parts is not None else None


def _add(elements: list[list[str] | None], value: str | None) -> None:
    """Append ``value`` to the innermost value being built; ``None`` spoils it."""
    parts = elements[-1]
    if value is None:
        elements[-1] = None
    elif parts is not None:
        parts.append(value)


def _leaf(node: Node, kind: str, src: bytes, strings_only: bool) -> str | None:
    text = src[node.start_byte : node.end_byte].decode("utf-8", "replace")
    if kind == "string_literal":
        return _string_value(text)
    if strings_only:
        return None
    if kind in _LITERALS or (kind == "unary_expression" and node.named_child_count == 1):
        return _squash(text)
    if kind in ("identifier", "field_access", "scoped_identifier"):
        squashed = _squash(text)
        return squashed if _DOTTED.fullmatch(squashed) else None
    return None


_DOTTED = re.compile(r"[\w$]+(?:\.[\w$]+)*")
_ESCAPE = re.compile(r"\\(u+[0-9a-fA-F]{4}|[0-3][0-7]{0,2}|[4-7][0-7]?|.)", re.S)
_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "b": "\b",
    "r": "\r",
    "f": "\f",
    "s": " ",
    "\n": "",
}


def _unescape_one(m: re.Match[str]) -> str:
    esc = m.group(1)
    if esc[0] == "u":
        return chr(int(esc.lstrip("u"), 16))
    if esc[0] in "01234567":
        return chr(int(esc, 8))
    return _SIMPLE_ESCAPES.get(esc, esc)


def _string_value(literal: str) -> str:
    """The value of a Java string literal or text block (source text including quotes)."""
    if literal.startswith('"""'):
        return _unescape(_text_block(literal[3:-3] if literal.endswith('"""') else literal[3:]))
    body = literal[1:-1] if len(literal) >= 2 and literal.endswith('"') else literal[1:]
    return _unescape(body)


def _unescape(s: str) -> str:
    if "\\" not in s:
        return s
    out = _ESCAPE.sub(_unescape_one, s)
    if "\\u" in s:  # pair UTF-16 surrogates written as escapes; a lone one becomes U+FFFD
        out = out.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return out


def _text_block(body: str) -> str:
    """Content of a text block: first line dropped, incidental indentation and trailing
    blanks removed (JLS 3.10.6)."""
    lines = body.split("\n")[1:]
    if not lines:
        return ""
    closing_alone = not lines[-1].strip()
    significant = [ln for ln in lines[:-1] if ln.strip()]
    significant.append(lines[-1])
    indent = min(
        (len(ln) - len(ln.lstrip(" \t")) for ln in significant if ln.strip() or closing_alone),
        default=0,
    )
    out = [ln[indent:].rstrip(" \t") for ln in lines]
    if closing_alone:
        out[-1] = ""
    return "\n".join(out)

"""Parse one Java file into plain, picklable facts (names still unresolved).

The front end is tree-sitter-java, which covers Java 1.4 through 21 (records, sealed types,
switch expressions, text blocks, patterns, lambdas, method references, ``var``, type-use
annotations) and recovers from syntax errors: a broken region becomes ``JavaFile.error`` with the
first error's line, and everything outside it is still extracted. The syntax tree lives only for
the duration of :func:`parse_java`; what leaves it are the frozen dataclasses of
:mod:`msadecomp.ingest.java_facts`.

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
from operator import attrgetter
from pathlib import Path

import tree_sitter_java
from tree_sitter import Language, Node, Parser, Query, QueryCursor

from msadecomp.ingest.decoding import decode_source
from msadecomp.ingest.java_doc import doc_sentence
from msadecomp.ingest.java_facts import (
    Annotation,
    Call,
    Import,
    JavaFile,
    Member,
    Method,
    TypeDecl,
)
from msadecomp.ingest.java_values import (
    ANNOTATION_KINDS,
    fold,
    squash,
    string_value,
    type_names,
)
from msadecomp.ingest.sources import Limits

DEFAULT_LIMITS = Limits()
"""Per-file limits (``java_*`` fields of :class:`~msadecomp.ingest.sources.Limits`, set in the
``[limits]`` table of the configuration)."""


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
_METHOD_FACT_KINDS = frozenset(
    {
        "method_invocation",
        "object_creation_expression",
        "string_literal",
        "local_variable_declaration",
        "enhanced_for_statement",
        "instanceof_expression",
        "type_pattern",
        "formal_parameter",
        "spread_parameter",
        "field_access",
    }
)
_QUERY = Query(
    _LANGUAGE,
    "["
    + " ".join(
        f"({kind})"
        for kind in (
            *_TYPE_KINDS,
            *_METHOD_KINDS,
            *_FIELD_KINDS,
            *_METHOD_FACT_KINDS,
            "package_declaration",
            "import_declaration",
        )
    )
    + "] @n",
)
_START = attrgetter("start_byte")
_NAME, _OBJECT, _ARGUMENTS = (
    _LANGUAGE.field_id_for_name(f) or 0 for f in ("name", "object", "arguments")
)
_STRING_EXPRESSIONS = frozenset(
    {"string_literal", "binary_expression", "parenthesized_expression"}
)
COMPARED = frozenset(
    {"contains", "startsWith", "endsWith", "equals", "equalsIgnoreCase", "contentEquals"}
    | {"indexOf", "lastIndexOf", "matches", "compareTo", "compareToIgnoreCase", "split"}
)
"""String tests: a literal they compare (``url.contains("quote")``, ``"list".equals(cmd)``) is
text looked for, not a name the code uses; it names no view or statement."""
KEYED = frozenset(
    {"getParameter", "getParameterValues", "getAttribute", "setAttribute", "removeAttribute"}
    | {"getHeader", "setHeader", "addHeader", "getInitParameter", "addAttribute", "addObject"}
    | {"put", "putIfAbsent"}
)
"""Request, session and model accessors and a map's ``put``: their first argument is an
attribute, parameter or map key (``setAttribute("account", a)``, PublicCMS's
``map.put("list", list)``), not the name of a view. (A ``get`` is left alone: a DAO may look
a query up by its key, ``sql.getString("user.selectAll")``.)"""


def _parser() -> Parser:
    global _PARSER
    if _PARSER is None:
        _PARSER = Parser(_LANGUAGE)
    return _PARSER


_PARSER: Parser | None = None


# -- entry points ------------------------------------------------------------------------------


def parse_java(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> JavaFile:
    """Parse one Java source into facts; never raises for bad Java.

    Parameters
    ----------
    path
        The file's path, kept in the result for diagnostics.
    data
        The file's bytes: UTF-8, CP949/EUC-KR or anything else (decoded with replacement).
    limits
        Per-file budgets (``java_max_bytes``, ``java_parse_seconds``, ``java_max_depth``,
        ``java_type_nesting``).

    Returns
    -------
    JavaFile
        Package, imports and types with their members, calls and strings. ``error`` holds the
        line and a short message of the first syntax error, or of a limit the file hit (the
        message names the ``[limits]`` key to raise); the facts outside the broken region are
        still there.

    Examples
    --------
    >>> f = parse_java("A.java", b"package a; class A { void f() { b.g(); } }")
    >>> f.package, f.types[0].name, f.types[0].methods[0].calls[0].qualifier
    ('a', 'A', 'b')
    """
    decoded = decode_source(data)
    text = decoded.text
    loc = text.count("\n") + 1
    src = text.encode("utf-8", "replace")
    if len(src) > limits.java_max_bytes:
        message = (
            f"file has {len(src):,} bytes, over the {limits.java_max_bytes:,}-byte limit for one "
            "Java source; not parsed (raise [limits] java_max_bytes to read it)"
        )
        return JavaFile(path, "", (), (), decoded.encoding, decoded.lossy, (1, message), loc)
    root = _parse(src, limits.java_parse_seconds)
    if root is None:
        message = (
            f"parsing stopped after {limits.java_parse_seconds} s (too broken to recover; "
            "[limits] java_parse_seconds)"
        )
        return JavaFile(path, "", (), (), decoded.encoding, decoded.lossy, (1, message), loc)
    error = _first_error(root, src) if root.has_error else None
    deep = _deeper_than(root, limits.java_max_depth)
    if deep is not None:
        error = error or (
            deep,
            f"nested over {limits.java_max_depth:,} levels deep; facts inside not read "
            "([limits] java_max_depth)",
        )
    extractor = _Extractor(src, limits.java_max_depth, limits.java_type_nesting)
    package, imports, types = extractor.run(root)
    error = error or extractor.too_deep
    return JavaFile(path, package, imports, types, decoded.encoding, decoded.lossy, error, loc)


def parse_floor(paths: Iterable[str | Path]) -> float:
    """Seconds spent tree-sitter-parsing the files at ``paths``: the floor of any Java ingest.

    Only the parse calls are timed (not reading, decoding or extracting facts); benchmarks
    compare the whole ingest against this figure.

    Parameters
    ----------
    paths
        Java source files.

    Returns
    -------
    float
        Wall-clock seconds summed over the parses.
    """
    parser = Parser(_LANGUAGE)
    total = 0.0
    for p in paths:
        data = Path(p).read_bytes()
        start = time.perf_counter()
        parser.parse(data)
        total += time.perf_counter() - start
    return total


def _parse(src: bytes, seconds: float) -> Node | None:
    """The syntax tree's root, or ``None`` when parsing took over ``seconds``."""
    view = memoryview(src)
    deadline = time.monotonic() + seconds

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
        "constants",
        "creates",
        "depth",
        "end",
        "fields",
        "is_type",
        "joined",
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
        self.joined: list[tuple[str, str]] = []
        """``(field, literal)`` of each ``field + "literal"`` in a method, resolved on close."""
        self.constants: list[str] = []
        self.annotations: tuple[Annotation, ...] = ()
        self.members: frozenset[int] = frozenset()
        """Start bytes of the declarations directly in a type's body."""
        self.depth = 0


class _Extractor:
    def __init__(self, src: bytes, max_depth: int, max_type_nesting: int) -> None:
        self.src = src
        self.max_depth = max_depth
        self.max_type_nesting = max_type_nesting
        self.types: list[TypeDecl] = []
        self.leading_doc: str | None = None
        self.too_deep: tuple[int, str] | None = None

    def text(self, node: Node) -> str:
        return self.src[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def run(self, root: Node) -> tuple[str, tuple[Import, ...], tuple[TypeDecl, ...]]:
        cursor = QueryCursor(_QUERY)
        cursor.set_max_start_depth(self.max_depth)
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
            if top is not None and not top.is_type:
                if kind in _METHOD_FACT_KINDS:  # declarations inside are local or anonymous
                    self.method_fact(node, kind, top)
            elif top is None:  # top level: package, imports, types
                if kind in _TYPE_KINDS:
                    stack.append(self.open_type(node, "", 1))
                elif kind == "package_declaration":
                    package = self.dotted_child(node)
                elif kind == "import_declaration":
                    imports.append(self.import_(node))
            elif start not in top.members:  # in a field initialiser or an enum constant body
                continue
            elif kind in _TYPE_KINDS:
                if top.depth < self.max_type_nesting:
                    stack.append(self.open_type(node, f"{top.name}.", top.depth + 1))
                elif self.too_deep is None:
                    self.too_deep = (
                        _line(node),
                        f"types nested over {self.max_type_nesting} deep ([limits] "
                        "java_type_nesting)",
                    )
            elif kind in _METHOD_KINDS:
                stack.append(self.open_method(node))
            elif kind in _FIELD_KINDS:
                top.fields.extend(self.variables(node, annotated=True))
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
            stack[-1].methods.append(self.close_method(item, stack[-1]))

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
                names = type_names(sup, self.src)
                if not names:
                    continue
                target.append(names[0])
                if sup.type == "generic_type":
                    args = sup.named_children[-1] if sup.named_child_count else None
                    firsts = [
                        ns[0]
                        for a in (args.named_children if args else ())
                        if (ns := type_names(a, self.src))
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
                abstract=node.type == "class_declaration" and self.is_abstract(node),
                generic=node.child_by_field_name("type_parameters") is not None,
            )
        )

    def close_method(self, m: _Open, owner: _Open) -> Method:
        node = m.node
        if m.joined:
            # ``prefix + "/tree"`` with ``private String prefix = "system/dept"`` declared
            # above: the whole ``system/dept/tree`` (RuoYi's controllers name every view so)
            values = {f.name: f.value for f in owner.fields if f.value}
            m.strings.extend(values.get(name, "") + text for name, text in m.joined)
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
            tuple(type_names(returns, self.src)) if returns else (),
            m.annotations,
            tuple(m.locals),
            tuple(m.calls),
            tuple(m.creates),
            tuple(m.strings),
            node.type != "method_declaration",
            tuple(m.constants),
            self.exposed(node, owner.node),
        )

    def method_fact(self, node: Node, kind: str, m: _Open) -> None:
        """Record a call, ``new``, string or local variable found inside method ``m``."""
        if kind == "method_invocation":
            call = self.call(node)
            if call is not None:
                m.calls.append(call)
        elif kind == "object_creation_expression":
            created = node.child_by_field_name("type")
            names = type_names(created, self.src) if created else []
            if names:
                m.creates.append((names[0], _line(node)))
        elif kind == "string_literal":
            if self.key_or_compared(node):
                pass
            elif (name := self.joined_to(node)) is not None:
                m.joined.append((name, string_value(self.text(node))))
            else:
                m.strings.append(string_value(self.text(node)))
        elif kind == "field_access":
            self.constant(node, m)
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

    def joined_to(self, literal: Node) -> str | None:
        """The name in ``name + "literal"`` when ``literal`` is that right operand, else None."""
        parent = literal.parent
        if parent is None or parent.type != "binary_expression":
            return None
        left = parent.child_by_field_name("left")
        op = parent.child_by_field_name("operator")
        if left is None or op is None or op.type != "+" or left.type != "identifier":
            return None
        if parent.child_by_field_name("right") != literal:
            return None
        return self.text(left)

    def key_or_compared(self, literal: Node) -> bool:
        """True for a literal a string test compares or an accessor takes as its key."""
        parent = literal.parent
        if parent is None:
            return False
        if parent.type == "method_invocation":  # "list".equals(cmd)
            name = parent.child_by_field_id(_NAME)
            return name is not None and self.text(name) in COMPARED
        call = parent.parent
        if parent.type != "argument_list" or call is None or call.type != "method_invocation":
            return False
        name = call.child_by_field_id(_NAME)
        member = self.text(name) if name is not None else ""
        return member in COMPARED or (member in KEYED and parent.named_children[0] == literal)

    def constant(self, node: Node, m: _Open) -> None:
        """``Type.CONSTANT`` (an upper-case field of a capitalised name) read in a method."""
        obj = node.child_by_field_id(_OBJECT)
        fld = node.child_by_field_name("field")
        if obj is None or fld is None or obj.type != "identifier" or fld.type != "identifier":
            return
        name = self.text(fld)
        owner = self.text(obj)
        if name.isupper() and owner[:1].isupper():
            m.constants.append(f"{owner}.{name}")

    def add_local(self, node: Node, type_node: Node | None, m: _Open) -> None:
        name = node.child_by_field_name("name")
        if name is None and node.type == "type_pattern":
            name = node.named_children[-1] if node.named_child_count > 1 else None
        if name is None or type_node is None or name.type != "identifier":
            return
        refs = tuple(type_names(type_node, self.src))
        m.locals.append(Member(self.text(name), refs, (), _line(node)))

    def call(self, node: Node) -> Call | None:
        name = node.child_by_field_id(_NAME)
        if name is None:
            return None
        obj = node.child_by_field_id(_OBJECT)
        kind = obj.type if obj is not None else "this"
        if kind == "this":
            qualifier = ""
        elif kind == "super":
            return None
        else:
            assert obj is not None
            # ``Outer.super.m()`` has six children, ``a.m()`` four, ``a.<T>m()`` five.
            if node.child_count > 5 and any(c.type == "super" for c in node.children):
                return None
            qualifier = self.text(obj) if kind == "identifier" else self.dotted(obj) or ""
            if qualifier == "this":  # ``Outer.this.m()``
                qualifier = ""
            elif kind == "method_invocation":
                qualifier = self.getter(obj)
        args = node.child_by_field_id(_ARGUMENTS)
        member = self.text(name)
        strings: tuple[str, ...] = ()
        if (
            args is not None
            and member not in COMPARED
            and self.src.find(b'"', args.start_byte, args.end_byte) >= 0
        ):
            named = args.named_children[1:] if member in KEYED else args.named_children
            strings = tuple(
                s
                for a in named
                if a.type in _STRING_EXPRESSIONS
                and (s := fold(a, self.src, strings_only=True)) is not None
            )
        operands: tuple[str, ...] = ()
        if args is not None and qualifier:
            operands = tuple(
                self.text(a)
                for a in args.named_children
                if a.type == "identifier" or a.type == "class_literal"
            )
        return Call(qualifier, member, name.start_point.row + 1, strings, operands)

    def getter(self, node: Node) -> str:
        """``getX()`` for a call on the result of an argument-less unqualified call, as in
        ``getPetStore().getCategory(id)`` (the linker resolves inherited getters); else ""."""
        obj = node.child_by_field_id(_OBJECT)
        name = node.child_by_field_id(_NAME)
        args = node.child_by_field_id(_ARGUMENTS)
        if obj is not None and obj.type != "this":
            return ""
        if name is None or args is None or args.named_child_count:
            return ""
        return self.text(name) + "()"

    def variables(self, node: Node, *, annotated: bool) -> list[Member]:
        type_node = node.child_by_field_name("type")
        refs = tuple(type_names(type_node, self.src)) if type_node else ()
        anns = self.annotations(node) if annotated else ()
        line = self.decl_line(node) if annotated else _line(node)
        out = []
        for d in node.children_by_field_name("declarator"):
            name = d.child_by_field_name("name")
            if name is None:
                continue
            value = d.child_by_field_name("value") if annotated else None
            text = None
            if value is not None and value.type in _STRING_EXPRESSIONS:
                text = fold(value, self.src, strings_only=True)
            out.append(Member(self.text(name), refs, anns, line, text or ""))
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
        refs = tuple(type_names(type_node, self.src)) if type_node else ()
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
                path = squash(self.text(c))
        return Import(path, static, wildcard)

    def dotted_child(self, node: Node) -> str:
        for c in node.named_children:
            if c.type in ("identifier", "scoped_identifier"):
                return squash(self.text(c))
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
                parts.append(squash(self.text(cur)))
                break
            else:
                return None
        parts.reverse()
        if "this" in parts[1:]:  # ``Outer.this.x`` is ``this.x``
            del parts[: len(parts) - parts[::-1].index("this") - 1]
        return ".".join(parts)

    def decl_line(self, node: Node) -> int:
        """The line a declaration starts on, after its annotations (as the old parser had it)."""
        first = node.child(0)
        if first is None or first.type != "modifiers":
            return _line(node)
        for c in first.children:
            if c.type not in ANNOTATION_KINDS and not c.type.endswith("comment"):
                return _line(c)
        after = first.next_sibling
        return _line(after if after is not None else node)

    def is_abstract(self, node: Node) -> bool:
        return self.has_modifier(node, "abstract")

    def exposed(self, method: Node, owner: Node) -> bool:
        """Public and not static; an interface's methods are public unless private."""
        if self.has_modifier(method, "static"):
            return False
        if owner.type == "interface_declaration":
            return not self.has_modifier(method, "private")
        return self.has_modifier(method, "public")

    def has_modifier(self, node: Node, modifier: str) -> bool:
        first = node.child(0)
        return (
            first is not None
            and first.type == "modifiers"
            and any(c.type == modifier for c in first.children)
        )

    def annotations(self, node: Node) -> tuple[Annotation, ...]:
        first = node.child(0)
        if first is None or first.type != "modifiers":
            return ()
        return tuple(
            self.annotation(n)
            for a in first.named_children
            if a.type in ANNOTATION_KINDS
            for n in (a, *self.contained(a))
        )

    def contained(self, annotation: Node) -> list[Node]:
        """The annotations a container annotation lists: ``@NamedQueries({@NamedQuery(..),
        ..})`` holds each ``@NamedQuery``, which then counts as written on the declaration."""
        args = annotation.child_by_field_name("arguments")
        values = [
            c.child_by_field_name("value") if c.type == "element_value_pair" else c
            for c in (args.named_children if args else ())
        ]
        return [
            n
            for v in values
            if v is not None and v.type == "element_value_array_initializer"
            for n in v.named_children
            if n.type in ANNOTATION_KINDS
        ]

    def annotation(self, node: Node) -> Annotation:
        name = node.child_by_field_name("name")
        value: str | None = None
        attrs: list[tuple[str, str]] = []
        args = node.child_by_field_name("arguments")
        for c in args.named_children if args else ():
            if c.type == "element_value_pair":
                key, val = c.child_by_field_name("key"), c.child_by_field_name("value")
                text = fold(val, self.src) if val is not None else None
                if key is None or text is None:
                    continue
                if self.text(key) == "value":
                    value = text
                else:
                    attrs.append((self.text(key), text))
            elif not c.type.endswith("comment"):
                value = fold(c, self.src)
        classes = self.class_literals(args) if args is not None else ()
        return Annotation(squash(self.text(name)) if name else "?", value, tuple(attrs), classes)

    def class_literals(self, node: Node) -> tuple[str, ...]:
        """The types ``node``'s class literals name (``X.class`` and ``{A.class, B.class}``)."""
        if self.src.find(b".class", node.start_byte, node.end_byte) < 0:
            return ()
        found: list[str] = []
        todo = [node]
        while todo:
            n = todo.pop()
            if n.type == "class_literal":
                t = n.named_child(0)  # String[].class, int.class and void.class name no class
                if t is not None and t.type in ("type_identifier", "scoped_type_identifier"):
                    found.append(squash(self.text(t)))
            else:
                todo.extend(reversed(n.named_children))
        return tuple(dict.fromkeys(found))

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


__all__ = [
    "Annotation",
    "Call",
    "Import",
    "JavaFile",
    "Member",
    "Method",
    "TypeDecl",
    "parse_floor",
    "parse_java",
]

"""Values read off tree-sitter-java nodes: type names, constant expressions, string literals.

Every function here loops with an explicit stack, so its cost is linear in the size of the
expression or type and deep nesting cannot exhaust Python's recursion limit.
"""

from __future__ import annotations

import re

from tree_sitter import Node

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
ANNOTATION_KINDS = frozenset({"annotation", "marker_annotation"})


def squash(text: str) -> str:
    """``a . b`` (names split over lines or with comments) -> ``a.b``."""
    if " " not in text and "\n" not in text and "/" not in text:
        return text
    text = re.sub(r"/\*.*?\*/|//[^\n]*", "", text, flags=re.S)
    return "".join(text.split())


def type_names(node: Node | None, src: bytes) -> list[str]:
    """Every type name in a type, generics included: ``Map<K, List<V>>`` -> Map, K, List, V.

    Primitive types and ``var`` give no name; qualified names keep their dots.
    """
    if node is None:
        return []
    if node.type == "type_identifier":  # the common case, without the loop
        name = src[node.start_byte : node.end_byte].decode("utf-8", "replace")
        return [name] if name != "var" else []
    out: list[str] = []
    work = [node]
    while work:
        n = work.pop()
        kind = n.type
        if kind in ("type_identifier", "scoped_type_identifier", "generic_type"):
            name, args = _qualified(n, src)
            if name and name != "var":
                out.append(name)
            work.extend(reversed(args))
        elif kind in _PRIMITIVES or kind in ANNOTATION_KINDS or kind.endswith("comment"):
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


def fold(node: Node, src: bytes, *, strings_only: bool = False) -> str | None:
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
        return string_value(text)
    if strings_only:
        return None
    if kind in _LITERALS or (kind == "unary_expression" and node.named_child_count == 1):
        return squash(text)
    if kind in ("identifier", "field_access", "scoped_identifier"):
        squashed = squash(text)
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
    if esc[0] == "u" and len(esc) > 4:  # ``\uXXXX``; a broken ``\u`` stays as written
        return chr(int(esc.lstrip("u"), 16))
    if esc[0] in "01234567":
        return chr(int(esc, 8))
    return _SIMPLE_ESCAPES.get(esc, esc)


def string_value(literal: str) -> str:
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


__all__ = ["ANNOTATION_KINDS", "fold", "squash", "string_value", "type_names"]

"""Small text scanners shared by the parsers."""

from __future__ import annotations

import re


def split_top_level(
    text: str, opening: str = "(", closing: str = ")", quotes: str = "'\"`", separator: str = ","
) -> list[str]:
    """Split ``text`` at separators outside brackets and quotes; parts stripped, empties dropped.

    >>> split_top_level("a INT, b NUMERIC(10, 2), c VARCHAR(3) DEFAULT 'x, y'")
    ['a INT', 'b NUMERIC(10, 2)', "c VARCHAR(3) DEFAULT 'x, y'"]
    >>> split_top_level("Map<K, V>, Api", "<", ">", "")
    ['Map<K, V>', 'Api']
    """
    parts: list[str] = []
    current: list[str] = []
    depth, quote = 0, ""
    for ch in text:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in quotes:
            quote = ch
        elif ch in opening:
            depth += 1
        elif ch in closing:
            depth -= 1
        elif ch == separator and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(ch)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


_JAVA_NOT_CODE = re.compile(
    r'"""[\s\S]*?"""|\'(?:\\.|[^\'\\\n])+\'|"(?:\\.|[^"\\\n])*"|/\*.*?(?:\*/|\Z)|//[^\n]*',
    re.S,
)
"""Java's text blocks, character and string literals, and comments: literals matched first so
that ``"classpath:mapper/*.xml"`` opens no comment."""


def strip_java_comments(text: str, *, literals: bool = False) -> str:
    """``text`` with its comments blanked, and its literals too with ``literals``.

    >>> strip_java_comments('a = "x/*y"; /* c */ b(); // d')
    'a = "x/*y";   b();  '
    >>> strip_java_comments("s = 'x/*y'; main()", literals=True)
    's =  ; main()'
    """

    def blank(m: re.Match[str]) -> str:
        return " " if literals or m.group().startswith("/") else m.group()

    return _JAVA_NOT_CODE.sub(blank, text)

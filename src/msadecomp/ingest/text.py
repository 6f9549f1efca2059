"""Small text scanners shared by the parsers."""

from __future__ import annotations


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

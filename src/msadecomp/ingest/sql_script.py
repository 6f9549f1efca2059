"""Cut SQL scripts into statements, in one linear pass, and tell data scripts from DDL cheaply.

The splitter respects quotes (doubled quotes included) and comments, ends a statement at ``;``,
at Oracle's ``/`` or SQL Server's ``GO`` on a line of their own, and at a line that plainly
starts a new statement (``CREATE``/``ALTER``/... at the start of a line), so scripts without
``;`` work. Such a line continues the statement still open instead when that statement cannot
end there (a trailing comma, an ``ALTER TABLE name`` with no action yet): dhis2's
``ALTER TABLE trackerevent`` / ``ALTER COLUMN ...;`` is one statement. Data statements
(``INSERT``/``UPDATE``/... ending in ``;``) are skipped over with one regular-expression match
each, never tokenised. An unterminated comment or quote ends the script and is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from msadecomp.ingest.decoding import Decoded, decode_source

DATA_VERBS = frozenset(
    {"INSERT", "UPDATE", "DELETE", "MERGE", "COMMIT", "ROLLBACK", "SET", "REPLACE", "UPSERT"}
)
"""First words of statements that only move data (or frame a data load)."""
SCHEMA_VERBS = frozenset({"CREATE", "ALTER", "COMMENT"})

_SPECIAL = re.compile(
    r"""['"`;]|--|/\*|^[ \t]*(?:/|GO)[ \t]*\r?$"""
    r"|^(?=[ \t]*(?:CREATE|ALTER|DROP|COMMENT[ \t]+ON|GRANT|INSERT|TRUNCATE)\b)",
    re.I | re.M,
)
_STARTS = (
    r"CREATE|ALTER|DROP|COMMENT|GRANT|REVOKE|TRUNCATE|INSERT|UPDATE|DELETE|MERGE|COMMIT|"
    r"ROLLBACK|SET|BEGIN|DECLARE|GO|EXEC|CALL|USE"
)
_PLAIN = rf"(?:[^;'\"\n]|\n(?![ \t]*(?:(?:{_STARTS})\b|/[ \t]*\r?$|--|/\*)))"
"""A character of a data statement outside quotes; a line that may start the next statement
(a statement word, a ``/`` line, a comment) stops the fast path and the careful scan takes over."""
_DATA_FAST = re.compile(
    rf"(?:INSERT|UPDATE|DELETE|MERGE|REPLACE|UPSERT)\b{_PLAIN}*(?:(?:'[^']*'|\"[^\"]*\"){_PLAIN}*)*;",
    re.I | re.M,
)
_DATA_FAST_BACKSLASH = re.compile(
    rf"(?:INSERT|UPDATE|DELETE|MERGE|REPLACE|UPSERT)\b{_PLAIN}*"
    rf"(?:(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"){_PLAIN}*)*;",
    re.I | re.M | re.S,
)
"""The same where a backslash escapes the character after it (MySQL: ``'Tonga Pa\\'anga'``)."""
_TAIL = 400
"""How much of the open statement's end is looked at to tell whether it can end (bounded, so a
long statement with many keyword lines stays linear)."""
_ALTER_HEAD = re.compile(
    r"ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?"
    r'(?:"[^"]*"|`[^`]*`|\[[^\]]*\]|[\w$#]+)(?:\s*\.\s*(?:"[^"]*"|`[^`]*`|\[[^\]]*\]|[\w$#]+))*',
    re.I,
)
"""An ``ALTER TABLE`` without its action yet (MySQL's ``ALTER TABLE t`` / ``DROP INDEX i``)."""
_SPACE = re.compile(r"\s*")
_FIRST_WORD = re.compile(r"\s*([A-Za-z]+)")
_LEADING_JUNK = re.compile(r"^[\s\ufffd\ufeff\x00-\x1f]+")
"""Blanks, replaced undecodable bytes and a stray BOM before a statement's first word."""
_HEAD_BYTES = 8192
_DDL_ANYWHERE = re.compile(
    rb"(?i)\b(?:create|alter)\s+(?:or\s+replace\s+)?(?:(?:global|local|temporary|temp)\s+)*table\b"
    rb"|\bcomment\s+on\b|\bdrop\s+table\b"
)


@dataclass(frozen=True, slots=True)
class Statement:
    line: int
    """1-based line where the statement starts."""
    text: str
    """The statement, comments replaced by a space, without its terminator."""
    verb: str
    """Its first word in upper case (``""`` when it has none)."""


@dataclass(slots=True)
class ScriptIssues:
    """What the splitter could not close: (kind, line) with kind ``comment`` or ``quote``."""

    unterminated: list[tuple[str, int]]


def statements(
    text: str, issues: ScriptIssues | None = None, backslash: bool = False
) -> Iterator[Statement]:
    """The statements of a script, one at a time; with ``backslash``, a backslash in a quoted
    string escapes the character after it, as MySQL reads its dumps.

    >>> script = "CREATE TABLE A (X INT)\\n/\\nINSERT INTO A VALUES ('a;b');"
    >>> [(s.line, s.verb) for s in statements(script)]
    [(1, 'CREATE'), (3, 'INSERT')]
    """
    data_fast = _DATA_FAST_BACKSLASH if backslash else _DATA_FAST
    n = len(text)
    pos = 0
    line = 1
    while pos < n:
        start = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
        line += text.count("\n", pos, start)
        if start >= n:
            return
        fast = data_fast.match(text, start)
        if fast is not None:
            end = fast.end()
            body = text[start : end - 1]
            yield Statement(line, body, body.split(None, 1)[0].upper())
            line += text.count("\n", start, end)
            pos = end
            continue
        pieces: list[str] = []
        seg = i = start
        end = n
        next_pos = n
        while True:
            m = _SPECIAL.search(text, i)
            if m is None:
                break
            token = m.group()
            at = m.start()
            if token in ("'", '"', "`"):
                close = _close_quote(text, at, token, backslash)
                if close < 0:
                    if issues is not None:
                        issues.unterminated.append(("quote", line + text.count("\n", start, at)))
                    break
                i = close + 1
            elif token == "--":
                eol = text.find("\n", at)
                pieces.append(text[seg:at])
                pieces.append(" ")
                seg = i = n if eol < 0 else eol
            elif token == "/*":
                close = text.find("*/", at + 2)
                pieces.append(text[seg:at])
                pieces.append(" ")
                if close < 0:
                    if issues is not None:
                        issues.unterminated.append(("comment", line + text.count("\n", start, at)))
                    seg = i = n
                    break
                seg = i = close + 2
            elif token == ";":
                end, next_pos = at, at + 1
                break
            elif not token.strip():  # a statement keyword at a line start
                if at > start and _starts_next(_tail(pieces, text, seg, at)):
                    end = next_pos = at
                    break
                i = at + 1
            else:  # "/" or GO on a line of its own
                end, next_pos = at, m.end()
                break
        pieces.append(text[seg:end])
        body = _LEADING_JUNK.sub("", "".join(pieces)).rstrip()
        if body:
            first = _FIRST_WORD.match(body)
            yield Statement(
                line + text.count("\n", start, _first_text(text, start, end)),
                body,
                first.group(1).upper() if first else "",
            )
        line += text.count("\n", start, next_pos)
        pos = next_pos


def _tail(pieces: list[str], text: str, seg: int, at: int) -> str:
    """The last characters (at most ``_TAIL``) of the statement read so far, comments as
    blanks, trailing blanks dropped however many: ``""`` when it has no text yet."""
    end = _text_end(text, seg, at)
    tail = text[max(seg, end - _TAIL) : end]
    k = len(pieces)
    while len(tail) < _TAIL and k:
        k -= 1
        piece = pieces[k]
        stop = len(piece) if tail else _text_end(piece, 0, len(piece))
        tail = piece[max(0, stop - _TAIL) : stop] + tail
    return tail[-_TAIL:]


def _text_end(s: str, lo: int, hi: int) -> int:
    """Where the text of ``s[lo:hi]`` ends, trailing blanks skipped a window at a time."""
    while hi > lo:
        start = max(lo, hi - _TAIL)
        kept = len(s[start:hi].rstrip())
        if kept:
            return start + kept
        hi = start
    return lo


def _starts_next(tail: str) -> bool:
    """Whether a keyword line starts a new statement after the open one, whose end is
    ``tail``: not when the open one has no text yet, ends in a comma or is an ``ALTER TABLE
    name`` still waiting for its action (dhis2's ``ALTER TABLE trackerevent`` /
    ``ALTER COLUMN ...``, MySQL's ``ALTER TABLE t`` / ``DROP INDEX i``)."""
    return bool(tail) and tail[-1] != "," and not _ALTER_HEAD.fullmatch(tail.lstrip())


def _first_text(text: str, start: int, end: int) -> int:
    """Where the first non-comment text of ``text[start:end]`` begins (for line numbers)."""
    i = start
    while i < end:
        i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
        if text.startswith("--", i):
            eol = text.find("\n", i)
            i = end if eol < 0 else eol
        elif text.startswith("/*", i):
            close = text.find("*/", i + 2)
            i = end if close < 0 else close + 2
        else:
            return i
    return end


def _close_quote(text: str, at: int, quote: str, backslash: bool = False) -> int:
    """Index of the quote closing the one at ``at`` (doubled quotes stay inside, and with
    ``backslash`` escaped ones), or -1."""
    i = at + 1
    while True:
        close = text.find(quote, i)
        if backslash and close > 0:
            j = close - 1
            while j > at and text[j] == "\\":
                j -= 1
            if (close - 1 - j) % 2:  # an odd run of backslashes escapes it
                i = close + 1
                continue
        if close < 0 or text[close + 1 : close + 2] != quote:
            return close
        i = close + 2


def is_data_only(data: bytes) -> bool:
    """True when a script only moves data: its first statements are all data statements and no
    ``CREATE TABLE``/``ALTER TABLE``/``DROP TABLE``/``COMMENT ON`` occurs anywhere (one
    byte-level search: a migration holding only a ``DROP TABLE`` changes the schema).

    >>> is_data_only(b"-- codes\\nINSERT INTO A VALUES (1);\\nCOMMIT;")
    True
    >>> is_data_only(b"INSERT INTO A VALUES (1);\\nCREATE TABLE B (X INT);")
    False
    """
    head = data[:_HEAD_BYTES].decode("utf-8", errors="ignore")
    verbs = [s.verb for s in statements(head)]
    if not verbs or any(v not in DATA_VERBS for v in verbs[:-1]):
        return False
    return _DDL_ANYWHERE.search(data) is None


def decode_script(data: bytes, declared: str | None = None) -> tuple[Decoded, int]:
    """Decode a script or mapper: its declared encoding, else BOM/UTF-8/CP949 detection; when
    none fits, the candidate that needs the fewest replacements. Returns the text and how many
    characters were replaced (0 when decoding was exact).

    >>> decode_script("게시판 \\xff".encode("cp949", errors="ignore") + b"\\xff")[1]
    1
    """
    if declared:
        try:
            return Decoded(data.decode(declared), declared), 0
        except (LookupError, UnicodeError, ValueError):  # "undefined", "punycode", ...
            pass
    decoded = decode_source(data)
    if not decoded.lossy:
        return decoded, 0
    best: tuple[int, str, str] | None = None
    for name in (declared, "utf-8", "cp949"):
        if not name:
            continue
        try:
            text = data.decode(name, errors="replace")
            bad = text.count("\ufffd") - data.decode(name, errors="ignore").count("\ufffd")
        except (LookupError, UnicodeError, ValueError):
            continue
        if best is None or bad < best[0]:
            best = (bad, name, text)
    assert best is not None
    return Decoded(best[2], best[1], lossy=True), best[0]

"""Turn source bytes into text, the way legacy Korean code bases need it.

Order: a byte-order mark wins; then strict UTF-8; then CP949 (a superset of EUC-KR, which
Korean eGovFrame code is often saved in). When none fits, the candidate that needs the fewest
replacement characters is used (so an EUC-KR file with two stray bytes keeps its Korean text),
and the result says how many byte sequences were replaced and on which line the first one is:
callers turn that into a diagnostic (:func:`lossy_diagnostic`), so nothing is lost silently.
A file whose bytes read as CP949 make fewer Korean syllables than undecodable sequences is
Western text, no Korean with stray bytes: Windows-1252 (a superset of Latin-1) reads it exactly
when it can (Java Pet Store's French ``réservés`` in a copyright comment).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from msadecomp.model import Diagnostic, Severity, SourceRef

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
FALLBACKS = ("utf-8", "cp949")
WESTERN = "cp1252"
_HANGUL = re.compile("[\uac00-\ud7a3\u3131-\u318e]")
"""Korean syllables and letters."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    lossy: bool = False
    """True when no encoding fitted and undecodable bytes were replaced."""
    replaced: int = 0
    """How many byte sequences were replaced by U+FFFD (0 when decoding was exact)."""
    first_bad_line: int | None = None
    """Line of the first replaced byte sequence, counted in the raw bytes."""


_DECLARED_CHARSET = re.compile(
    rb"""(?:\bcharset\s*=\s*["']?|\bpageEncoding\s*=\s*["'])([A-Za-z][\w.:-]{1,30})""", re.I
)


def decode_markup(data: bytes) -> Decoded:
    """Decode a page by the charset it declares near its top (``<meta charset="x">``, a
    ``Content-Type`` ``charset=x``, a JSP ``pageEncoding`` or ``contentType``) when the bytes
    fit it, else as :func:`decode_source` does. A byte-order mark and valid UTF-8 win over
    any declaration (Korean JSPs often declare UTF-8 while saved as EUC-KR, and Eclipse's
    ``ISO-8859-1`` header stands on pages of every language); a declared single-byte Western
    charset, which reads any bytes, gives way to an exact CP949 reading; UTF-16 declared in a
    page is UTF-8, as HTML has it.

    >>> decode_markup(b'<meta charset="windows-1252"><title>c\\xf3digo</title>').text[-14:]
    'código</title>'
    >>> decode_markup('<meta charset="ISO-8859-1"><p>게시판</p>'.encode("euc-kr")).encoding
    'cp949'
    """
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared is None or data.startswith(tuple(bom for bom, _ in _BOMS)) or _utf8(data):
        return decode_source(data)
    try:
        name = codecs.lookup(declared.group(1).decode("ascii")).name
        if name.startswith(("utf-16", "utf-32")) or not _is_text_encoding(name):
            return decode_source(data)
        text = data.decode(name)
    except (LookupError, UnicodeError, ValueError):
        return decode_source(data)
    if name in _WESTERN_CODECS:
        detected = decode_source(data)
        if detected.encoding == "cp949" and not detected.lossy:
            return detected  # Korean bytes under a Western header
    return Decoded(text, name)


_WESTERN_CODECS = frozenset({"latin-1", "iso8859-1", "cp1252", "iso8859-15", "cp1250"})


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _is_text_encoding(name: str) -> bool:
    """False for codecs that are no character sets (``rot13``, ``base64``, ``punycode``)."""
    return bool(getattr(codecs.lookup(name), "_is_text_encoding", True)) and name not in (
        "punycode",
        "undefined",
        "idna",
        "raw-unicode-escape",
        "unicode-escape",
    )


def decode_source(data: bytes) -> Decoded:
    """Decode ``data``, trying BOMs, UTF-8 and CP949/EUC-KR in turn, then Windows-1252 for
    text that is no Korean.

    >>> decode_source("게시판".encode("euc-kr")).encoding
    'cp949'
    >>> decode_source(b"plain").encoding
    'utf-8'
    >>> d = decode_source("게시판\\n목록".encode("euc-kr") + b"\\xff")
    >>> d.encoding, d.replaced, d.first_bad_line, d.text[:3]
    ('cp949', 1, 2, '게시판')
    >>> decode_source("// droits réservés".encode("latin-1")).text
    '// droits réservés'
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name)
            except UnicodeDecodeError:
                break
    for name in FALLBACKS:
        try:
            return Decoded(data.decode(name), name)
        except UnicodeDecodeError:
            continue
    lossy = lossy_decode(data, FALLBACKS)
    if len(_HANGUL.findall(lossy.text)) <= lossy.replaced:
        try:
            western = data.decode(WESTERN)
        except UnicodeDecodeError:
            return lossy
        if all(map(_western_run, _NON_ASCII.finditer(western))):
            return Decoded(western, WESTERN)
    return lossy


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_SYMBOLS = frozenset("©®°±·«»–—‘’‚“”„•…€£§¶×¿¡\xa0")


def _western_run(run: re.Match[str]) -> bool:
    """A run of non-ASCII characters a Western European text has: typographic symbols, or one
    or two accented letters within a word (``réservés``, ``Müller``), not bytes of no
    language (``ÿþý€``)."""
    chars = run.group(0)
    if all(c in _SYMBOLS for c in chars):
        return True
    text, start, end = run.string, run.start(), run.end()
    beside = (start and text[start - 1].isascii() and text[start - 1].isalpha()) or (
        end < len(text) and text[end].isascii() and text[end].isalpha()
    )
    return len(chars) <= 2 and all(c.isalpha() for c in chars) and bool(beside)


_WIDE = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x19\x1c-\x1f]")
"""Control characters no text has (tab, line breaks, form feed, vertical tab, the DOS end of
file and escape aside); no multi-byte encoding read here uses these bytes within a
character."""


def _printable(c: str) -> bool:
    """A character of text: printable, a line break, tab, vertical tab or form feed, a space
    of any kind (not the ASCII separators 0x1c-0x1f Python counts as space), or a format or
    private-use character (a soft hyphen, a zero-width space, a byte-order mark)."""
    return (
        c.isprintable()
        or c in "\t\r\n\x0b\x0c"
        or (c.isspace() and c > "\x7f")
        or unicodedata.category(c) in ("Cf", "Co")
    )


def is_binary(data: bytes, head: int = 1024) -> bool:
    """True for bytes that are no text: among the first ``head`` bytes, a control character
    no text has, or a NUL that neither a byte-order mark nor UTF-16 or UTF-32 text explains
    (printable, starting with an ASCII character as markup and code do): compiled Android
    XML, a compressed file, an image under a text file's name.

    >>> is_binary(b"\\x03\\x00\\x08\\x00\\x98\\r\\x00\\x00\\x01\\x00"), is_binary(b"<a/>")
    (True, False)
    >>> is_binary("<?xml version='1.0'?><a/>".encode("utf-16-le"))  # no byte-order mark
    False
    """
    start = data[:head]
    if start.startswith(tuple(bom for bom, _ in _BOMS)):
        return False
    if b"\x00" not in start:  # markup first is text: ISO-2022-KR shifts with SO and SI
        return not start.lstrip().startswith(b"<") and _CONTROL_BYTES.search(start) is not None
    for name in _WIDE:
        try:  # incrementally: a character cut at the end of the head is no error
            text = codecs.getincrementaldecoder(name)().decode(start)
        except UnicodeDecodeError:
            continue
        if text.lstrip()[:1].isascii() and all(map(_printable, text)):
            return False
    return True


def lossy_decode(data: bytes, candidates: tuple[str, ...]) -> Decoded:
    """``data`` decoded with replacement by the candidate encoding that replaces the fewest
    byte sequences (the first on a tie); ``lossy`` is set when any was replaced."""
    best: Decoded | None = None
    for name in candidates:
        try:
            text = data.decode(name, errors="replace")
        except LookupError:
            continue
        replaced = text.count("\ufffd") - data.decode(name, errors="ignore").count("\ufffd")
        if best is None or replaced < best.replaced:
            best = Decoded(text, name, replaced > 0, replaced, _first_bad_line(data, name))
    if best is None:
        raise LookupError(f"none of the encodings {', '.join(candidates)} is known")
    return best


def _first_bad_line(data: bytes, encoding: str) -> int | None:
    try:
        data.decode(encoding)
    except UnicodeDecodeError as err:
        return data.count(b"\n", 0, err.start) + 1
    return None


def lossy_diagnostic(path: str, decoded: Decoded, kind: str) -> Diagnostic | None:
    """The warning for a file whose decoding replaced bytes, or ``None`` when it was exact.

    >>> lossy_diagnostic("a.jsp", decode_source(b"ok\\n\\xff\\xff"), "jsp").source.line
    2
    """
    if not decoded.lossy:
        return None
    return Diagnostic(
        Severity.WARNING,
        f"{kind}.lossy-decoding",
        f"{decoded.replaced} undecodable byte sequence(s) replaced (neither UTF-8, "
        f"CP949/EUC-KR nor Windows-1252; read as {decoded.encoding}); names found there may be "
        "incomplete",
        SourceRef(path, decoded.first_bad_line),
    )

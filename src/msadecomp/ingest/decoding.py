"""Turn source bytes into text, the way legacy Korean code bases need it.

Order: a byte-order mark wins; then strict UTF-8; then CP949 (a superset of EUC-KR, which
Korean eGovFrame code is often saved in); as a last resort UTF-8 with replacement characters,
which the caller reports as a diagnostic so nothing is lost silently.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
FALLBACKS = ("utf-8", "cp949")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    lossy: bool = False
    """True when no encoding fitted and undecodable bytes were replaced."""


def decode_source(data: bytes) -> Decoded:
    """Decode ``data``, trying BOMs, UTF-8 and CP949/EUC-KR in turn.

    >>> decode_source("게시판".encode("euc-kr")).encoding
    'cp949'
    >>> decode_source(b"plain").encoding
    'utf-8'
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
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8", lossy=True)

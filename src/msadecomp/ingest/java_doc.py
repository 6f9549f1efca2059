"""The one sentence of a Javadoc comment worth keeping: what the type is for.

eGovFrame sources often open with a header block (``@Class Name : X.java``, ``@Description :
...``, ``@Modification Information``) and put a revision table inside ``<pre>``; the description
line wins when there is one, and ``<pre>`` blocks never count as prose.
"""

from __future__ import annotations

import re

MAX_COMMENT_CHARS = 8000
"""Only this much of a comment is read (descriptions come first)."""
MAX_SENTENCE_CHARS = 200

_STAR = re.compile(r"^[ \t]*\*+[ \t]?")
_DESCRIPTION = re.compile(r"^@?description\s*:?\s*(.*)$", re.I)
_BLOCK_TAG = re.compile(r"^@[A-Za-z]")
_INLINE_TAG = re.compile(r"\{@\w+\s*([^{}]*)\}")
_HTML = re.compile(r"<[^<>]{0,200}>")
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s")


def doc_sentence(comment: str) -> str:
    """First sentence of a ``/** ... */`` or ``/* ... */`` comment, tags and markup removed.

    >>> doc_sentence("/**\\n * 게시물 관리를 위한 서비스 구현 클래스\\n * @author 홍길동\\n */")
    '게시물 관리를 위한 서비스 구현 클래스'
    >>> doc_sentence("/**\\n * @Class Name : A.java\\n * @Description : 게시물 관리 서비스\\n */")
    '게시물 관리 서비스'
    >>> doc_sentence("/** Reads {@link Order}s. Thread-safe. */")
    'Reads Orders.'
    """
    body = comment[:MAX_COMMENT_CHARS].removeprefix("/**").removeprefix("/*")
    body = body.split("*/", 1)[0]
    lines = [_STAR.sub("", ln).strip() for ln in body.splitlines()]
    for ln in lines:
        m = _DESCRIPTION.match(ln)
        if m and m.group(1).strip():
            return _first_sentence(m.group(1))
    kept: list[str] = []
    in_pre = False
    for ln in lines:
        if _BLOCK_TAG.match(ln):
            break
        low = ln.lower()
        if "<pre" in low:
            in_pre = True
        if in_pre:
            in_pre = "</pre>" not in low
            continue
        if not ln and kept:
            break  # end of the first paragraph
        if ln:
            kept.append(ln)
    return _first_sentence(" ".join(kept))


def _first_sentence(text: str) -> str:
    text = _INLINE_TAG.sub(lambda m: m.group(1).strip(), text)
    text = " ".join(_HTML.sub(" ", text).split())
    text = _SENTENCE_END.split(text, 1)[0]
    if len(text) > MAX_SENTENCE_CHARS:
        text = text[: MAX_SENTENCE_CHARS - 1].rstrip() + "…"
    return text

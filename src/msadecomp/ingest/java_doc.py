"""The one sentence of a Javadoc comment worth keeping: what the type is for.

eGovFrame sources often open with a header block (``@Class Name : X.java``, ``@Description :
...``, ``@Modification Information``), head the description with ``개요`` (overview) and keep a
revision table (``개정이력``) in the same comment: the description line wins when there is one,
headings and bullets are dropped, and the text stops at the first block tag, revision table or
blank line.
"""

from __future__ import annotations

import re

MAX_COMMENT_CHARS = 8000
"""Only this much of a comment is read (descriptions come first)."""
MAX_SENTENCE_CHARS = 200

_STAR = re.compile(r"^[ \t]*\*+[ \t]?")
_DESCRIPTION = re.compile(r"^(?:@description\s*:?|(?:description|개요|설명)\s*:)\s*(.*)$", re.I)
_HEADING = re.compile(
    r"^(?:개요|설명|클래스\s*설명|overview|description|class description)\s*:?$", re.I
)
_REVISIONS = re.compile(
    r"개정이력|modification information|revision history|수정일|^[-=]{3,}", re.I
)
_BLOCK_TAG = re.compile(r"^@[A-Za-z]")
_BULLET = re.compile(r"^[-*•]+\s*")
_INLINE_TAG = re.compile(r"\{@\w+\s*([^{}]*)\}")
_HTML = re.compile(r"<[^<>]{0,200}>")
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s")


def doc_sentence(comment: str) -> str:
    """First sentence of a ``/** ... */`` or ``/* ... */`` comment, tags and markup removed.

    >>> doc_sentence("/**\\n * 게시물 관리를 위한 서비스 구현 클래스\\n * @author 홍길동\\n */")
    '게시물 관리를 위한 서비스 구현 클래스'
    >>> doc_sentence("/**\\n * @Class Name : A.java\\n * @Description : 게시물 관리 서비스\\n */")
    '게시물 관리 서비스'
    >>> doc_sentence("/**\\n * <pre>\\n * 개요\\n * - 지식정보에 대한 VO 클래스를 정의한다.\\n */")
    '지식정보에 대한 VO 클래스를 정의한다.'
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
    for ln in lines:
        if _BLOCK_TAG.match(ln) or _REVISIONS.search(ln):
            break
        text = _BULLET.sub("", " ".join(_HTML.sub(" ", ln).split()))
        if not text:
            if kept:
                break  # end of the first paragraph
            continue
        if not kept and _HEADING.match(text):
            continue
        kept.append(text)
    return _first_sentence(" ".join(kept))


def _first_sentence(text: str) -> str:
    text = _INLINE_TAG.sub(lambda m: m.group(1).strip(), text)
    text = " ".join(_HTML.sub(" ", text).split())
    text = _SENTENCE_END.split(text, 1)[0]
    if len(text) > MAX_SENTENCE_CHARS:
        text = text[: MAX_SENTENCE_CHARS - 1].rstrip() + "…"
    return text

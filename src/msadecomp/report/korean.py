"""Korean names and descriptions of services, from the code's own Korean text.

Sources: the first Javadoc sentence of each class (``JavaType.doc``, without an "개요 -"
heading), the comments of the tables a service owns (``Table.comment``, from ``COMMENT ON
TABLE`` or ``COMMENT '...'``) and the titles of its views (``Page.title``: "게시물 목록" gives
"게시물"; of a breadcrumb title, "샘플 포털 > 정보마당 > FAQ관리", the last step). Each
text gives a candidate name: its leading Korean phrase (from the first Korean word, Latin
letters written onto its front included: "Q&A정보", "RSS태그관리"), cut before purpose phrases
(``~를 위한``, ``~에 대한``, ...) or an object and its verb (``~를 관리하기``, ``~을 조회하는``)
and stripped of technical words (클래스, 구현, Controller, ...), so "게시판 관리를 위한
서비스 구현 클래스" gives "게시판 관리" and "명함정보를 관리하기 위한 ..." gives "명함정보".
The name is the candidate most classes and tables agree on (ties: the shorter, then
alphabetical); the description is the longest sentence that gave it, a class doc before a
breadcrumb title. A service without Korean text gets no Korean name. The docs of set-up
plumbing (configuration, boot classes, filters, interceptors, aspects, a ``config`` package)
vote only when nothing else does or when they make up most of the service: they say nothing of a
business service holding them (the eGovFrame MSA template's user service had been named
"설정", settings, after "REST Template 설정 클래스", "OpenAPI 3.0 설정" and "캐시 설정 클래스").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from msadecomp.model import JavaType

HANGUL = re.compile(r"[\uac00-\ud7a3]")
_CUT = re.compile(
    r"(을|를|에|의)?\s*(위한|대한|관한|처리하는|관리하는|담당하는|제공하는)|[.,;:(\[{<]|\s-\s"
    r"|(?<=\S)(을|를)\s+\S*(하는|하기|하여|한다)(?=\s|$)"
)
"""Where the name ends: before a purpose phrase, punctuation, or an object and its verb
("발송메일 내역을 조회하는": "발송메일 내역")."""
_TECHNICAL = {
    "클래스",
    "구현",
    "구현체",
    "구현클래스",
    "인터페이스",
    "컨트롤러",
    "서비스",
    "서비스구현",
    "비즈니스",
    "처리",
    "모델",
    "객체",
    "정보를",
    "dao",
    "vo",
    "impl",
    "service",
    "controller",
    "class",
    "interface",
    "mapper",
    "매퍼",
    "테이블",
    "목록",
    "등록",
    "수정",
    "상세",
    "상세조회",
    "조회",
    "화면",
    "팝업",
}
MAX_NAME = 24
_HEADING = re.compile(r"^\s*개요\s*(-\s*)?")
"""The "개요" (overview) heading eGovFrame's Javadoc starts with ("개요 - HTTP서비스 ...")."""
_LEAD = re.compile(r"(?:[A-Za-z0-9][A-Za-z0-9&]*)?[\uac00-\ud7a3]")
"""Where the name starts: the first Korean word, with the Latin letters and digits written onto
its front ("Q&A정보", "RSS태그관리", "HTTP서비스모니터링": not "정보", "태그관리")."""


_SET_UP = re.compile(
    r"(Config|Configuration|Configurer|Initializer|Filter|Interceptor|Aspect|Advice|Converter"
    r"|Resolver)$"
)
_SET_UP_ROLES = frozenset({"configuration", "bootstrap"})
_SET_UP_PACKAGES = frozenset({"config", "configuration"})


def speaks_for_its_service(t: JavaType) -> bool:
    """Whether a class's doc may name its service: not one of set-up plumbing (by its role,
    its name or its ``config`` package)."""
    return not (
        t.stereotype in _SET_UP_ROLES
        or _SET_UP.search(t.simple_name)
        or t.package.rpartition(".")[2] in _SET_UP_PACKAGES
    )


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    m = re.search(r"(?<=[.!?。])\s", text)
    return text[: m.start()] if m else text


def korean_phrase(text: str) -> str:
    """The leading Korean noun phrase of a doc sentence or comment ('' if none)."""
    sentence = first_sentence(text).rpartition(" > ")[2]  # a breadcrumb title: its last step
    sentence = _HEADING.sub("", sentence)
    start = _LEAD.search(sentence)
    if not start:
        return ""
    rest = sentence[start.start() :]
    cut = _CUT.search(rest)
    if cut:
        rest = rest[: cut.start()]
    words = rest.split()
    while words and words[-1].lower() in _TECHNICAL:
        words.pop()
    while words and words[0].lower() in _TECHNICAL:
        words.pop(0)
    phrase = " ".join(words).strip()
    if not HANGUL.search(phrase) or len(phrase) > MAX_NAME:
        return ""
    return phrase


def _describes(sentence: str) -> tuple[bool, int, str]:
    """How well a sentence describes: any sentence before a breadcrumb title, then the
    longer."""
    return " > " not in sentence, len(sentence), sentence


def korean_name(texts: Iterable[str], set_up: Iterable[str] = ()) -> tuple[str, str]:
    """(name, description) from a service's class docs, table comments and view titles;
    from the docs of its ``set_up`` plumbing only when these give none (a service of
    configuration is the "설정" its docs say)."""
    return _voted(texts) or _voted(set_up) or ("", "")


def _voted(texts: Iterable[str]) -> tuple[str, str] | None:
    votes: Counter[str] = Counter()
    source: dict[str, str] = {}
    for text in texts:
        phrase = korean_phrase(text)
        if phrase:
            votes[phrase] += 1
            sentence = _HEADING.sub("", first_sentence(text))
            known = source.get(phrase)
            if known is None or _describes(sentence) > _describes(known):
                source[phrase] = sentence
    if not votes:
        return None
    best = min(votes, key=lambda p: (-votes[p], len(p), p))
    return best, source[best]

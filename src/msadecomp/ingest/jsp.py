"""JSP pages: the request paths they link or post to, so each page can be put with the
controller that serves it."""

from __future__ import annotations

import re

from msadecomp.ingest.decoding import decode_source
from msadecomp.model import Page

_QUOTED_PATH = re.compile(r"""["'](/?[\w\-./{}]*\.(?:do|action|json))(?:[?#][^"']*)?["']""")
_URL_VALUE = re.compile(r"""<c:url\s+value\s*=\s*["']([^"'?#]+)""", re.I)


def read_jsp(path: str, data: bytes) -> Page:
    text = decode_source(data).text
    links = set(_QUOTED_PATH.findall(text)) | set(_URL_VALUE.findall(text))
    return Page(
        path, tuple(sorted(link if link.startswith("/") else "/" + link for link in links))
    )

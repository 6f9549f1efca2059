"""JSP pages: the request paths they link or post to, so each page can be put with the
controller that serves it."""

from __future__ import annotations

import re

from msadecomp.ingest.decoding import decode_source, lossy_diagnostic
from msadecomp.model import Diagnostic, Page

_QUOTED_PATH = re.compile(r"""["'](/?[\w\-./{}]*\.(?:do|action|json))(?:[?#][^"']*)?["']""")
_URL_VALUE = re.compile(r"""<c:url\s+value\s*=\s*["']([^"'?#]+)""", re.I)


def read_jsp(path: str, data: bytes, diagnostics: list[Diagnostic] | None = None) -> Page:
    """The links of one JSP page; a lossy decoding is added to ``diagnostics`` when given."""
    decoded = decode_source(data)
    problem = lossy_diagnostic(path, decoded, "jsp")
    if problem is not None and diagnostics is not None:
        diagnostics.append(problem)
    text = decoded.text
    links = set(_QUOTED_PATH.findall(text)) | set(_URL_VALUE.findall(text))
    return Page(
        path, tuple(sorted(link if link.startswith("/") else "/" + link for link in links))
    )

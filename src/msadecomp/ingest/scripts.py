"""The application's own JavaScript files: which request paths each of their functions calls.

A page often keeps its calls in a shared script: AcmeAir's ``index.html`` includes
``js/acmeair-common.js`` and its login button runs ``login()``, which posts to
``rest/api/login``. :func:`msadecomp.ingest.spa.read_module` reads a script's named functions
(``function login(...)``, ``login = function(...)``, ``login: function(...)``) with the
path-like strings in their bodies, as for a front end's modules; :func:`follow_scripts` gives
each page the paths of the
functions it calls from the scripts it includes, and nothing else of those scripts (a shared
script has every page's calls). Minified and third-party scripts are not read (see
:func:`is_own_script`).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import PurePosixPath

from msadecomp.model import Page

SCRIPT_SUFFIX = ".js"
MODULE_SUFFIXES = (".js", ".mjs", ".ts")
"""Suffixes of JavaScript and TypeScript modules (React's ``.jsx`` and ``.tsx`` are components:
views)."""
_LIBRARY_FOLDERS = (
    r"(^|/)(lib|libs|vendor|vendors|plugins?|bower_components|dojo|dijit|dojox|jquery[^/]*|"
    r"bootstrap[^/]*|angular[^/]*|react[^/]*|vue[^/]*|ext-[^/]*|extjs|yui[^/]*|ckeditor[^/]*|"
    r"ckfinder[^/]*|tinymce[^/]*|summernote[^/]*|codemirror[^/]*|ace|ace-[^/]*|ace\d[^/]*)/"
)
THIRD_PARTY_FOLDER = re.compile(_LIBRARY_FOLDERS, re.I)
"""Folders that hold a library by their name."""
THIRD_PARTY = re.compile(
    _LIBRARY_FOLDERS + r"|(\.min|[.-]bundle|[.-]pack(ed)?)\.js$|(^|/)(jquery|bootstrap|angular|"
    r"react|vue|lodash|underscore|moment|d3|chart|highcharts|echarts|require|modernizr|prototype|"
    r"mootools)[\w.-]*\.js$",
    re.I,
)
"""Paths of scripts that are libraries, not the application's own code."""
MAX_SCRIPT_BYTES = 512 * 1024
"""An own script larger than this is not read (a bundled library under another name)."""
MAX_BODY = 20_000
"""A function body is read up to this many characters."""


def is_own_script(path: str, size: int) -> bool:
    """True for a JavaScript file of the application itself, under a web folder, or a
    JavaScript or TypeScript module of a single-page front end's ``src`` folder
    (``ruoyi-ui/src/api/system/user.js``; see spa.py)."""
    rooted = "/" + path.rpartition("!/")[2]
    lower = rooted.lower()
    if size > MAX_SCRIPT_BYTES or lower.endswith(".d.ts"):
        return False
    if (
        lower.endswith(SCRIPT_SUFFIX)
        and any(part in rooted for part in WEB_FOLDERS)
        and not THIRD_PARTY.search(rooted)
    ):
        return True
    # a module: library folders count below the front end's own folder only (a project
    # folder named ``angular`` or ``vue-admin`` is no library)
    cut = max(
        (rooted.rfind(part) + len(part) - 1 for part in FRONT_FOLDERS if part in rooted),
        default=-1,
    )
    return lower.endswith(MODULE_SUFFIXES) and cut >= 0 and not THIRD_PARTY.search(rooted[cut:])


MINI_PROGRAM_MARKERS = ("app.json", "project.config.json")
"""Files a WeChat-style mini program keeps at its root (both: ``litemall-wx/app.json``)."""


def mini_program_roots(paths: Iterable[str]) -> set[str]:
    """The folders (``litemall-wx/``; "" for the top) holding a mini program: its ``app.json``
    beside its ``project.config.json``."""
    seen: dict[str, set[str]] = {}
    for path in paths:
        folder, _, name = path.rpartition("/")
        if name in MINI_PROGRAM_MARKERS:
            seen.setdefault(folder + "/" if folder else "", set()).add(name)
    return {folder for folder, names in seen.items() if len(names) == len(MINI_PROGRAM_MARKERS)}


def is_mini_program_script(path: str, size: int, roots: Iterable[str]) -> bool:
    """True for a JavaScript or TypeScript file of a mini program (its pages' logic, its
    ``config/api.js``), not one of its libraries (``lib/``, ``miniprogram_npm/``)."""
    root = next((r for r in roots if path.startswith(r)), None)
    if root is None or size > MAX_SCRIPT_BYTES or not path.lower().endswith(MODULE_SUFFIXES):
        return False
    rest = "/" + path[len(root) :]
    return not THIRD_PARTY.search(rest) and "/miniprogram_npm/" not in rest


WEB_FOLDERS = ("webapp/", "/static/", "/public/", "/resources/")
"""Folders a server serves scripts from."""
FRONT_FOLDERS = ("webapp/", "/src/")
"""Folders holding a single-page front end's modules (below ``dist`` only bundles)."""


def closing(text: str, start: int, pair: str = "{}", reach: int = MAX_BODY) -> int | None:
    """The index after the bracket matching the one at ``start`` (``pair``: opening and
    closing, braces by default), looked for within ``reach`` characters (brackets in strings
    counted too: a body cut short or running long loses or gains a few paths, never a page);
    None when it is not there. The ``>`` of an arrow (``=>``) closes no angle bracket: type
    parameters may hold function types (``<T extends (a: X) => (b: Y) => Z>``)."""
    opening, closer = pair[0], pair[1]
    depth = 0
    for i in range(start, min(len(text), start + reach)):
        c = text[i]
        if c == opening:
            depth += 1
        elif c == closer and not (c == ">" and text[i - 1 : i] == "="):
            depth -= 1
            if depth == 0:
                return i + 1
    return None


SCRIPT_LINK = "script:"
"""A page's link to a script it includes (``script:js/app.js``), resolved here."""
CALL_LINK = "call:"
"""A function a page calls from an event attribute or its own script code (``call:login``)."""


def follow_scripts(
    pages: Sequence[Page], functions: Mapping[str, Mapping[str, tuple[str, ...]]]
) -> list[Page]:
    """Each page with the request paths of the functions it calls from the own scripts it
    includes (``functions``: script path -> function name -> request paths, from
    :func:`msadecomp.ingest.spa.read_module`); the ``script:`` and
    ``call:`` links are replaced by those paths."""
    by_name: dict[str, list[str]] = {}
    for path in functions:
        by_name.setdefault(PurePosixPath(path).name, []).append(path)
    out = []
    for page in pages:
        scripts = [link[len(SCRIPT_LINK) :] for link in page.links if link.startswith(SCRIPT_LINK)]
        calls = {link[len(CALL_LINK) :] for link in page.links if link.startswith(CALL_LINK)}
        links = [
            link
            for link in page.links
            if not link.startswith(SCRIPT_LINK) and not link.startswith(CALL_LINK)
        ]
        if scripts and calls:
            for src in scripts:
                found = _resolve(page.path, src, by_name)
                defined = functions.get(found, {}) if found else {}
                for name in sorted(calls):
                    links.extend(defined.get(name, ()))
        linked = tuple(sorted(set(links)))
        out.append(replace(page, links=linked) if linked != page.links else page)
    return out


def _resolve(page: str, src: str, by_name: Mapping[str, list[str]]) -> str | None:
    """The script file ``src`` names from ``page``: the one whose path ends like ``src``
    (``js/app.js``), nearest the page's own folder on a tie; None when none does."""
    tail = src.split("?", 1)[0].lstrip("./").lstrip("/")
    if not tail:
        return None
    candidates = [
        p for p in by_name.get(PurePosixPath(tail).name, ()) if p.endswith("/" + tail) or p == tail
    ]
    if not candidates:
        return None
    folder = page.rpartition("/")[0]
    return max(candidates, key=lambda p: (len(posixpath.commonpath([p, folder])), p))

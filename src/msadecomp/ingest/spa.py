"""Single-page front ends: Vue and React components, Angular component templates and the
JavaScript or TypeScript modules they import.

A Vue single-file component (``views/user/feedback.vue``) or a React component
(``pages/admin/usage/EgovAdminUsageEdit.jsx``) is a view like a JSP: it calls the server
through the functions of API modules (``import { listFeedback } from '@/api/user'``, whose
``listFeedback`` requests ``/feedback/list``) or names the paths itself
(``http.adornUrl('/prod/prod/page')``, ``const retrieveMasterBdURL = "/notUsedBbsMaster"``).
An Angular component's template
(``bank-account.component.html``) is a view whose component class (``bank-account.component.ts``
beside it) calls services (``bank-account.service.ts``, requesting ``api/bank-accounts``).

* :func:`read_module` reads a module's imports, its named functions with the request paths in
  their bodies (``export function listUser(q) {...}``, ``export const getUser = (id) =>
  request.get('/system/user/' + id)``) and all the paths it names.
* :func:`read_component` reads a Vue or React component into a :class:`~msadecomp.model.Page` whose
  ``import:`` links say which names it takes from which module.
* :func:`follow_imports` replaces those links by the paths they reach: an imported function's
  paths; for a class, an object or a whole module (a default or ``* as`` import), every path
  the module names and those of what it imports in turn. A component imported by another is
  included by it, as a JSP includes a fragment (a widget every page uses places none of them).

Specifiers resolve against the importing file (``./``, ``../``) or, for an alias (``@/api/user``,
``~/``, ``app/entities/...``), against the nearest folder above it where the module exists. An
npm package (``vue``, ``@angular/core``) names no module of the project and is skipped. Paths
are cut at their first placeholder (``/system/user/${id}`` asks ``/system/user/``, which names
the endpoints under it as a script's appended id does).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from msadecomp.ingest.decoding import decode_markup, decode_source, lossy_diagnostic
from msadecomp.ingest.scripts import MODULE_SUFFIXES
from msadecomp.ingest.views import COMPONENT_SUFFIXES
from msadecomp.model import Diagnostic, Page

_RESOLVED_SUFFIXES = ("", *MODULE_SUFFIXES, *(f"/index{s}" for s in MODULE_SUFFIXES))
_COMPONENT_TAILS = (*COMPONENT_SUFFIXES, *(f"/index{s}" for s in COMPONENT_SUFFIXES))
IMPORT_LINK = "import:"
"""A component's link to what it imports: ``import:@/api/user:listUser,getUser`` (``*``: all)."""

_IMPORT = re.compile(
    r"""\bimport\s+(?:type\s+)?([\w$*{}\s,]{1,2000}?)\s+from\s*(["'])([^"'\n]+)\2"""
    r"""|\bimport\s*(["'])([^"'\n]+)\4"""
    r"""|\b(?:import|require)\s*\(\s*(["'])([^"'\n]+)\6\s*\)"""
    r"""|\bexport\s+(?:\*|\{[^}]*\})\s+from\s*(["'])([^"'\n]+)\8""",
)
"""Import statements, side-effect imports, dynamic imports and re-exports (their specifiers
are no request paths, whatever they look like)."""
_FUNCTION = re.compile(
    r"\bfunction\s*\*?\s*([A-Za-z_$][\w$]*)\s*[(<]"
    r"|([A-Za-z_$][\w$]*)\s*[:=]\s*(?:async\s+)?function\b"
    r"|([A-Za-z_$][\w$]*)\s*[:=]\s*(?:async\s+)?(?:\([^()]{0,300}\)|[A-Za-z_$][\w$]*)\s*"
    r"(?::\s*[^=;{}()]{1,120})?=>"
    r"|^[ \t]*(?:(?:public|private|protected|static|async|override)\s+)*"
    r"(?!(?:if|for|while|switch|catch|function|return|constructor)\b)([A-Za-z_$][\w$]*)\s*"
    r"\([^()]{0,300}\)\s*(?::\s*[^={};]{1,120})?\{",
    re.M,
)
"""Named functions: declarations, ``name = function``, arrows (``name = (q) => ...``, typed
too) and class or object methods (``query(req?: any): Observable<...> {``)."""
_CONSTANT = re.compile(
    r"""\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*string\s*)?=\s*(["'`][^"'`\n]*["'`])"""
)
"""A module's constant holding a string (``const IndexUrl = '/home/index'``): a function naming
it requests that path."""
_PROPERTY = re.compile(r"""^[ \t]*([A-Za-z_$][\w$]*)\s*:\s*(["'`][^"'`\n]*["'`])""", re.M)
"""An object's property holding a string (``ABOUT_SITE: "/about/site",``): a member a default
import reads (``URL.ABOUT_SITE``) brings that path only."""
_WORD = re.compile(r"[A-Za-z_$][\w$]*")
_QUOTED = re.compile(r"""["'`](/?[\w\-./{}$]+)(?:[?#][^"'`<>\n]*)?["'`]""")
_PATH_TEXT = re.compile(r"^/[\w\-.{}$]+(/[\w\-.{}$]*)*$|^[\w\-.{}$]+(/[\w\-.{}$]*)+$")
_STATIC = re.compile(
    r"\.(js|mjs|ts|vue|css|scss|less|png|gif|jpe?g|svg|ico|json|woff2?|ttf|html?)$", re.I
)
_NOT_REQUEST = re.compile(
    r"^(\.{1,2}/|@/|~/|#)|^(https?|data|mailto):"
    r"|^(application|text|multipart|image|audio|video|font)/[\w.+-]+$",  # a media type
    re.I,
)
MAX_MODULE_CHARS = 1_000_000
"""A module is read up to this many characters."""
MAX_BODY = 20_000
"""A function body is read up to this many characters."""
MAX_SCANNED = 2_000_000
"""Function bodies of one module are read up to this many characters in all (bodies without
end would otherwise make the reading quadratic); its paths are all read regardless."""


@dataclass(frozen=True, slots=True)
class Module:
    """What one JavaScript or TypeScript module (or a Vue component's script) says."""

    imports: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(specifier, imported names; ``*`` for a default or namespace import)."""
    members: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(member, its request paths): a named function's, which its body names itself or
    through a constant; a constant's or an object property's string."""
    paths: tuple[str, ...] = ()
    """Every request path the module names."""


def is_component(path: str) -> bool:
    return path.lower().endswith(COMPONENT_SUFFIXES)


def read_module(data: bytes) -> Module:
    """The imports, named functions and request paths of one module's text."""
    return _module(decode_source(data).text)


def _module(text: str) -> Module:
    text = text[:MAX_MODULE_CHARS]
    imports: list[tuple[str, tuple[str, ...]]] = []
    code = _IMPORT.sub(" ", text)
    for m in _IMPORT.finditer(text):
        if m.group(3):
            imports.append((m.group(3), _imported_names(m.group(1), code)))
        elif m.group(7):  # a dynamic import or require takes the whole module
            imports.append((m.group(7), ("*",)))
    constants: dict[str, set[str]] = {}
    for m in _CONSTANT.finditer(code):
        found = request_paths(m.group(2))
        if found:
            constants.setdefault(m.group(1), set()).update(found)
    functions: dict[str, set[str]] = {name: set(found) for name, found in constants.items()}
    for m in _PROPERTY.finditer(code):
        functions.setdefault(m.group(1), set()).update(request_paths(m.group(2)))
    starts = [(m, next(g for g in m.groups() if g)) for m in _FUNCTION.finditer(code)]
    scanned = 0
    for i, (m, name) in enumerate(starts):
        if scanned > MAX_SCANNED:
            break
        limit = starts[i + 1][0].start() if i + 1 < len(starts) else len(code)
        body, read = _body(code, m.end(), limit, arrow=m.group(3) is not None)
        scanned += read
        found = functions.setdefault(name, set())
        found |= request_paths(body)
        for word in set(_WORD.findall(body)) & constants.keys() if constants else ():
            found |= constants[word]
    return Module(
        imports=tuple(imports),
        members=tuple(sorted((n, tuple(sorted(p))) for n, p in functions.items())),
        paths=tuple(sorted(request_paths(code))),
    )


def _imported_names(clause: str, code: str) -> tuple[str, ...]:
    """``{ listUser, getUser as get }`` -> (listUser, getUser); a default or ``* as api``
    import -> the members the code reads from it (``api.listUser``: listUser; ``URL.LOGIN``:
    LOGIN), else ``*`` (the whole module: ``request({...})``)."""
    names: list[str] = []
    bindings: list[str] = []
    inner = re.search(r"\{([^}]*)\}", clause)
    if inner:
        for part in inner.group(1).split(","):
            name, _, alias = part.strip().removeprefix("type ").partition(" as ")
            if name.strip() == "default" and alias.strip():
                bindings.append(alias.strip())  # { default as EgovLeftNav }
            elif name.strip():
                names.append(name.strip())
    outer = re.sub(r"\{[^}]*\}", "", clause).strip(" ,")
    if outer:
        bindings.append(outer.removeprefix("*").strip().removeprefix("as").strip())
    for binding in filter(None, bindings):
        name = rf"(?<![\w$.]){re.escape(binding)}\s*"
        members = sorted(set(re.findall(name + r"\??\.\s*([A-Za-z_$][\w$]*)", code)))
        called = re.search(name + r"\(", code) is not None  # the export itself: request({..})
        names.extend([*members, "*"] if called or not members else members)
    return tuple(dict.fromkeys(names))


def _body(code: str, end: int, limit: int, arrow: bool) -> tuple[str, int]:
    """A function's body: from its opening brace to the matching one, or an arrow's
    expression up to the next function (at most ``MAX_BODY`` characters); with the number
    of characters read to find it."""
    limit = min(limit, end + MAX_BODY)
    if arrow:
        start = end
        while start < limit and code[start] in " \t\r\n":
            start += 1
    else:
        start = code.find("{", end - 1, limit)
    if start < 0 or code[start : start + 1] != "{":
        return code[end:limit], limit - end
    depth = 0
    stop = min(len(code), start + MAX_BODY)
    for i in range(start, stop):
        c = code[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return code[start : i + 1], i + 1 - start
    return code[start:limit], stop - start


_JOINED = re.compile(
    r"(?:[Uu]rl|URL|[Aa]pi|API|[Bb]ase|BASE|[Ee]ndpoint|ENDPOINT|[Pp]ath|PATH|[Hh]ost|HOST)\s*\+\s*"
    r"""["'`]([\w\-.{}$]+(?:/[\w\-.{}$]*)*)["'`]"""
)
"""A word joined to a base address (``environment.REST_API_URL + 'owners'``): a path."""


def request_paths(text: str) -> set[str]:
    """The request paths a piece of script names (``'/ad/list'``, ``'api/bank-accounts'``,
    ``` `/system/user/${id}` ``` as ``/system/user/``, ``REST_API_URL + 'owners'``), not files,
    folders, media types or specifiers."""
    out = set()
    joined = {m.group(1) for m in _JOINED.finditer(text)}
    for value in (*(q.group(1) for q in _QUOTED.finditer(text)), *joined):
        if (
            not value.isascii()  # a message with a slash: '区/县不能为空'
            or _NOT_REQUEST.match(value)
            or not (_PATH_TEXT.match(value) or value in joined)
            or _STATIC.search(value)
        ):
            continue
        value = value.split("${", 1)[0].split("{{", 1)[0]
        if value.strip("/"):
            out.add("/" + value.lstrip("/"))
    return out


def read_component(path: str, data: bytes, diagnostics: list[Diagnostic] | None = None) -> Page:
    """A Vue or React component as a page: the paths it names and an ``import:`` link per
    import; a lossy decoding is added to ``diagnostics`` when given."""
    decoded = decode_markup(data)
    problem = lossy_diagnostic(path, decoded, "view")
    if problem is not None and diagnostics is not None:
        diagnostics.append(problem)
    module = _module(decoded.text)
    links = set(module.paths)
    links.update(f"{IMPORT_LINK}{spec}:{','.join(names)}" for spec, names in module.imports)
    return Page(path, tuple(sorted(links)))


class _Resolver:
    """Module and component files by path, for resolving specifiers."""

    def __init__(self, modules: Iterable[str], components: Iterable[str]) -> None:
        self.files = set(modules) | set(components)

    def resolve(self, importer: str, spec: str, tails: Sequence[str]) -> str | None:
        spec = spec.split("?", 1)[0]
        folder = posixpath.dirname(importer)
        if spec.startswith(("./", "../")):
            bases = [posixpath.normpath(posixpath.join(folder, spec))]
        else:
            bare = re.sub(r"^[@~]/", "", spec)
            bases = []
            while True:
                bases.append(posixpath.join(folder, bare) if folder else bare)
                parent = posixpath.dirname(folder)
                if parent == folder:  # "" or "/": the root is reached
                    break
                folder = parent
        for base in bases:
            for tail in tails:
                if base + tail in self.files:
                    return base + tail
        return None


def follow_imports(pages: Sequence[Page], modules: Mapping[str, Module]) -> list[Page]:
    """Each page with the request paths its imports reach (see the module docstring); an
    Angular template (``x.component.html``) imports all of its ``x.component.ts``."""
    pages_by_path = {p.path for p in pages}
    resolver = _Resolver(modules, (p for p in pages_by_path if is_component(p)))
    out = []
    for page in pages:
        links = {link for link in page.links if not link.startswith(IMPORT_LINK)}
        imports = [_split(link) for link in page.links if link.startswith(IMPORT_LINK)]
        sibling = _component_class(page.path, modules)
        reached: list[tuple[str, tuple[str, ...]]] = [(sibling, ("*",))] if sibling else []
        for spec, names in imports:
            target = resolver.resolve(page.path, spec, (*_RESOLVED_SUFFIXES, *_COMPONENT_TAILS))
            if target is None:
                continue
            if is_component(target):
                links.add("view:" + target)  # a child component: its page is included
            elif target in modules:
                reached.append((target, names))
        for target, names in reached:
            links |= _paths(target, names, modules, resolver, deeper=True)
        linked = tuple(sorted(links))
        out.append(replace(page, links=linked) if linked != page.links else page)
    return out


def _split(link: str) -> tuple[str, tuple[str, ...]]:
    spec, _, names = link[len(IMPORT_LINK) :].rpartition(":")
    return spec, tuple(n for n in names.split(",") if n)


_TEMPLATE = re.compile(r"\.html?$", re.I)


def _component_class(page: str, modules: Mapping[str, Module]) -> str | None:
    """The script of an Angular template's component: ``x.component.html`` ->
    ``x.component.ts``."""
    if not _TEMPLATE.search(page):
        return None
    stem = _TEMPLATE.sub("", page)
    return next((stem + s for s in (".ts", ".js") if stem + s in modules), None)


def _paths(
    target: str,
    names: tuple[str, ...],
    modules: Mapping[str, Module],
    resolver: _Resolver,
    deeper: bool,
) -> set[str]:
    """The paths ``names`` of module ``target`` reach: a named function's own; else (a class,
    an object, the whole module) every path the module names and, when ``deeper``, those its
    own imports reach."""
    module = modules[target]
    members = dict(module.members)
    called = [n for n in names if n in members]
    if called and "*" not in names:  # other names are types or pathless helpers
        return {p for n in called for p in members[n]}
    out = set(module.paths)
    if deeper:
        for spec, inner in module.imports:
            found = resolver.resolve(target, spec, _RESOLVED_SUFFIXES)
            if found is not None and found in modules and found != target:
                out |= _paths(found, inner, modules, resolver, deeper=False)
    return out

"""Single-page front ends: Vue and React components, Angular component templates and the
JavaScript or TypeScript modules they import.

A Vue single-file component (``views/user/feedback.vue``) or a React component
(``pages/admin/usage/EgovAdminUsageEdit.jsx``) is a view like a JSP: it calls the server
through the functions of API modules (``import { listFeedback } from '@/api/user'``, whose
``listFeedback`` requests ``/feedback/list``) or names the paths itself
(``http.adornUrl('/prod/prod/page')``, ``const retrieveMasterBdURL = "/notUsedBbsMaster"``).
An Angular component's template (``bank-account.component.html``) is a view whose component
class (``bank-account.component.ts`` beside it) calls services (``bank-account.service.ts``,
requesting ``api/bank-accounts``); a component whose decorator holds its template
(``template: `...` ``, :func:`inline_template`) is a view at its module's path.

* :func:`read_module` reads a module's imports, its named functions with the request paths in
  their bodies (``export function listUser(q) {...}``, ``export const getUser = (id) =>
  request.get('/system/user/' + id)``) and all the paths it names.
* :func:`read_component` reads a Vue or React component into a
  :class:`~msadecomp.model.Page` whose ``import:`` links say which names it takes from which
  module.
* :func:`follow_imports` replaces those links by the paths they reach: an imported function's,
  constant's or object property's paths (a default or ``* as`` import read by member,
  ``URL.LOGIN``, those members'); none for a type; a barrel's re-exported name, what it reaches
  in the module re-exporting it; for a class, an object or a whole module (called itself,
  imported dynamically), every path the module names and those of what it imports in turn. A
  component imported by another is included by it, as a JSP includes a fragment (a widget
  every page uses places none of them).

Specifiers resolve against the importing file (``./``, ``../``), the front end's ``src`` folder
(``@/api/user``, ``~/``) or, for another alias with a slash (``app/entities/...``), the nearest
folder above the file where the module exists; a bare name is an npm package (``vue``,
``axios``, ``@angular/core``) and is skipped. A leading placeholder is the base
(`` `${BASE}/user/list` ``); a later one cuts the path (``/system/user/${id}`` asks
``/system/user/``, which names the endpoints under it as a script's appended id does).
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from msadecomp.ingest.decoding import decode_markup, decode_source, lossy_diagnostic
from msadecomp.ingest.scripts import MAX_BODY, MODULE_SUFFIXES, closing
from msadecomp.ingest.views import COMPONENT_SUFFIXES, MINI_PROGRAM_PAGE, front_root, read_view
from msadecomp.model import Diagnostic, Page

_RESOLVED_SUFFIXES = ("", *MODULE_SUFFIXES, *(f"/index{s}" for s in MODULE_SUFFIXES))
_COMPONENT_TAILS = (*COMPONENT_SUFFIXES, *(f"/index{s}" for s in COMPONENT_SUFFIXES))
IMPORT_LINK = "import:"
"""A component's link to what it imports: ``import:@/api/user:listUser,getUser`` (``*``: all)."""

_IMPORT = re.compile(
    r"""\bimport\s+(?:type\s+)?(?=[\w$*{])([\w$*{}\s,]{1,600}?)\s+from\s*(["'])([^"'\n]+)\2"""
    r"""|\bimport\s*(["'])([^"'\n]+)\4"""
    r"""|\b(?:import|require)\s*\(\s*(["'])([^"'\n]+)\6\s*\)"""
    r"""|\bexport\s+(?:type\s+)?(\*(?:\s+as\s+[\w$]+)?|\{[^}]{0,2000}\})\s*from\s*(["'])([^"'\n]+)\9""",
)
"""Import statements, side-effect imports, dynamic imports and re-exports (their specifiers
are no request paths, whatever they look like)."""
_FUNCTION = re.compile(
    r"\bfunction\s*\*?\s*([A-Za-z_$][\w$]*)\s*[(<]"
    r"|(?<![\w$])([A-Za-z_$][\w$]*)\s*[:=]\s*(?:async\s+)?function\b"
    r"|(?<![\w$])([A-Za-z_$][\w$]*)\s*[:=]\s*(?:async\s+)?"
    r"(?:\([^()]{0,300}\)|[A-Za-z_$][\w$]*)\s*"
    r"(?::\s*[^=;{}()]{1,120})?=>"
    r"|^[ \t]*(?:(?:public|private|protected|static|async|override)[ \t]+)*"
    r"(?!(?:if|for|while|switch|catch|function|return|constructor)\b)([A-Za-z_$][\w$]*)\s*"
    r"\([^()]{0,300}\)\s*(?::\s*[^={};]{1,120})?\{",
    re.M,
)
"""Named functions: declarations, ``name = function``, arrows (``name = (q) => ...``, typed
too) and class or object methods (``query(req?: any): Observable<...> {``)."""
_INITIALISED = re.compile(
    r"(?<![\w$.])(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=;\n]{0,120})?=(?![=>])"
)
"""A variable's initialiser (``const IndexUrl = '/home/index'``, ``const uploadPath =
process.env.BASE + '/storage/create'``, ``export const userApi = { list: ... }``): importing
the variable, or a function naming it, requests the paths the initialiser names."""
_PROPERTY = re.compile(
    r"""^[ \t]*([A-Za-z_$][\w$]*)\s*:\s*((?:[\w$.]+\s*\+\s*)?["'`][^"'`\n]*["'`])""", re.M
)
"""An object's property holding a string (``ABOUT_SITE: "/about/site",``), maybe after a base
(``GoodsList: WxApiRoot + 'goods/list',``): a member a default import reads
(``URL.ABOUT_SITE``) brings that path only."""
MEMBERS_ONLY = "!"
"""Among the names imported from a module, a mark that they are the members read of a module
bound by ``require`` (``api.GoodsList``): a member it does not declare reaches nothing."""
_REQUIRED_AS = re.compile(r"(?:var|let|const)\s+([A-Za-z_$][\w$]*)\s*=\s*$")
"""``var api = `` before a ``require(...)``: the module is read by member, as a default
import is (``api.GoodsDetail``)."""
_WORD = re.compile(r"[A-Za-z_$][\w$]*")
_DECLARED = re.compile(
    r"(?<![\w$.])(const|let|var|function\*?|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)"
)
"""Names a module declares: an import of one of them takes that name only (a type, a
constant without a path), of a class the whole module (an Angular service)."""
_TYPE_ONLY = re.compile(r"import\s+type\b")
_USE = re.compile(r"(?<![\w$.])([A-Za-z_$][\w$]*)\s*(?:\??\.\s*([A-Za-z_$][\w$]*)|(\())")
"""A name read by member (``api.listUser``) or called (``request({...})``)."""
_QUOTED = re.compile(r"""["'`](/?[\w\-./{}$]+)(?:[?#][^"'`<>\n]*)?["'`]""")
_PATH_TEXT = re.compile(r"^/[\w\-.{}$]+(/[\w\-.{}$]*)*$|^[\w\-.{}$]+(/[\w\-.{}$]*)+$")
_STATIC = re.compile(
    r"\.(js|mjs|ts|vue|css|scss|less|png|gif|jpe?g|svg|ico|json|woff2?|ttf|html?)$", re.I
)
_NOT_REQUEST = re.compile(
    r"^(\.{1,2}/|@/|~/|#)|^(https?|data|mailto):"
    r"|^text/[\w.+-]+$"  # a media type
    r"|^(application|multipart|image|audio|video|font)/"
    r"(json|xml|plain|html|css|csv|javascript|pdf|zip|octet-stream|form-data|"
    r"x-www-form-urlencoded|png|jpe?g|gif|webp|bmp|tiff|avif|svg\+xml|mpeg|mp4|webm|ogg|wav|"
    r"woff2?|ttf|msword|graphql|"
    r"vnd\.[\w.+-]+|x-[\w.+-]+|[\w.-]+\+(json|xml))$",
    re.I,
)
_LEADING_PLACEHOLDERS = re.compile(r"^/?(?:\$\{[^}]*\}/?)+")
"""A base before the path (`` `${BASE}/user/list` ``): the path is what follows."""
MAX_MODULE_CHARS = 1_000_000
"""A module is read up to this many characters."""
MAX_SCANNED = 2_000_000
"""Function bodies of one module are read up to this many characters in all (bodies without
end would otherwise make the reading quadratic); its paths are all read regardless."""


@dataclass(frozen=True, slots=True)
class Module:
    """What one JavaScript or TypeScript module (or a Vue component's script) says."""

    imports: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(specifier, imported names; ``*`` for a default or namespace import)."""
    reexports: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(specifier, ``exported=original`` names; ``*`` for all): ``export * from './user'``."""
    classes: tuple[str, ...] = ()
    """Classes the module declares: importing one takes the whole module."""
    members: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(member, its request paths): a named function's, which its body names itself or
    through a constant; a constant's or an object property's string; any other name the
    module declares, without paths."""
    paths: tuple[str, ...] = ()
    """Every request path the module names."""
    calls: tuple[tuple[str, str, str], ...] = ()
    """(member, specifier, name): a named function's use of what another module offers, by
    member of a module bound whole (``api.AuthLogin``, ``user.loginByWeixin()``) or by name
    (``listUser()`` imported by name): the function requests what that name reaches too."""

    def requesting(self) -> dict[str, tuple[str, ...]]:
        """Member -> its request paths, for the members that request any: what a page
        calling ``login()`` from a classic script it includes reaches (scripts.py)."""
        return {name: paths for name, paths in self.members if paths}


def is_component(path: str) -> bool:
    return path.lower().endswith(COMPONENT_SUFFIXES)


def read_module(data: bytes) -> Module:
    """The imports, named functions and request paths of one module's text."""
    return _module(decode_source(data).text)


def _module(text: str) -> Module:
    text = text[:MAX_MODULE_CHARS]
    code = _IMPORT.sub(" ", text)
    uses: dict[str, set[str]] = defaultdict(set)  # name -> members read; "*": called itself
    for m in _USE.finditer(code):
        uses[m.group(1)].add(m.group(2) or "*")
    imports: list[tuple[str, tuple[str, ...]]] = []
    reexports: list[tuple[str, tuple[str, ...]]] = []
    bindings: dict[str, tuple[str, str]] = {}  # local name -> (specifier, name there; "*")
    for m in _IMPORT.finditer(text):
        if m.group(3):
            if not _TYPE_ONLY.match(m.group(0)):  # types bring no requests
                imports.append((m.group(3), _imported_names(m.group(1), uses)))
                bindings.update((k, (m.group(3), v)) for k, v in _bound(m.group(1)).items())
        elif m.group(7):  # a dynamic import or require takes the whole module ...
            bound = _REQUIRED_AS.search(text, max(0, m.start() - 80), m.start())
            if bound:
                bindings[bound.group(1)] = (m.group(7), "*")
            taken = uses.get(bound.group(1), set()) if bound else {"*"}
            if taken:  # ... unless bound to a name read by member (or not at all)
                names = ("*",) if "*" in taken else (*sorted(taken), MEMBERS_ONLY)
                imports.append((m.group(7), names))
        elif m.group(10):
            reexports.append((m.group(10), _reexported(m.group(8))))
    scanned = 0
    calls: set[tuple[str, str, str]] = set()
    constants: dict[str, set[str]] = {}  # a variable -> the paths its initialiser names
    bases = _bases(code)
    starts = _function_starts(code)
    functions = {name for _, name, _ in starts}
    for m in _INITIALISED.finditer(code):
        if scanned > MAX_SCANNED:
            break
        value, read = _expression(code, m.end(), min(len(code), m.end() + MAX_BODY))
        scanned += read
        if m.group(1) not in functions:  # a function's uses are its body's, parameters aside
            _record_uses(m.group(1), value, bindings, calls)  # a store of functions: its uses
        found = _named_paths(value, constants, bases)
        if found:
            constants.setdefault(m.group(1), set()).update(found)
    declared = [(m.group(1), m.group(2)) for m in _DECLARED.finditer(code)]
    members: dict[str, set[str]] = {name: set() for _, name in declared}
    classes = {name for kind, name in declared if kind == "class"}
    for name, found in constants.items():
        members[name] = set(found)
    for m in _PROPERTY.finditer(code):
        members.setdefault(m.group(1), set()).update(request_paths(m.group(2), bases))
    for i, (m, name, parameters) in enumerate(starts):
        if scanned > MAX_SCANNED:
            break
        limit = starts[i + 1][0].start() if i + 1 < len(starts) else len(code)
        body, read = _body(code, m.end(), limit, arrow=m.group(3) is not None)
        scanned += read
        members.setdefault(name, set()).update(_named_paths(body, constants, bases))
        _record_uses(name, body, bindings, calls, parameters)
    return Module(
        imports=tuple(imports),
        reexports=tuple(reexports),
        classes=tuple(sorted(classes)),
        members=tuple(sorted((n, tuple(sorted(p))) for n, p in members.items())),
        paths=tuple(sorted(request_paths(code, bases))),
        calls=tuple(sorted(calls)),
    )


_COMMENT = re.compile(
    r"""("(?:[^"\\\n]|\\(?:.|\Z))*(?:"|(?=\n)|\Z)"""
    r"""|'(?:[^'\\\n]|\\(?:.|\Z))*(?:'|(?=\n)|\Z)"""
    r"""|`(?:[^`\\]|\\(?:.|\Z))*(?:`|\Z))"""
    r"|//[^\n]*|/\*.*?(?:\*/|\Z)",
    re.S,
)
"""A string (kept: group 1) or a comment (dropped). A string left open ends with its line
(a backtick's with the text), so no quote is read twice: the reading stays linear."""


def _bases(code: str) -> dict[str, str]:
    """Variable -> the path of the address or path it holds (``var WxApiRoot =
    'http://localhost:8080/wx/'``: ``/wx``), for variables bound once in the code outside
    comments (an address commented out, or a ``url`` each function binds anew, is no base)."""
    live = _COMMENT.sub(lambda m: m.group(1) or " ", code)
    bound = Counter(m.group(1) for m in _INITIALISED.finditer(live))
    out = {}
    for m in _INITIALISED.finditer(live):
        if bound[m.group(1)] == 1 and (address := _BASE_VALUE.match(live, m.end())):
            out[m.group(1)] = (address.group(1) or address.group(2) or "").rstrip("/")
    return out


def _named_paths(
    text: str, constants: Mapping[str, set[str]], bases: Mapping[str, str]
) -> set[str]:
    """The request paths ``text`` names itself or through the module variables it uses."""
    found = request_paths(text, bases)
    for word in set(_WORD.findall(text)) & constants.keys() if constants else ():
        found |= constants[word]
    return found


def _imported_names(clause: str, uses: Mapping[str, set[str]]) -> tuple[str, ...]:
    """``{ listUser, getUser as get }`` -> (listUser, getUser); a default or ``* as api``
    import -> the members the code reads from it (``api.listUser``: listUser; ``URL.LOGIN``:
    LOGIN), and ``*`` (the whole module) when the code calls it itself (``request({...})``)
    or reads no member of it."""
    names: list[str] = []
    for local, there in _bound(clause).items():
        if there != "*":
            names.append(there)
            continue
        used = uses.get(local, set())  # a module bound whole: what is read of it
        members = sorted(used - {"*"})
        names.extend([*members, "*"] if "*" in used or not members else members)
    return tuple(dict.fromkeys(names))


def _function_starts(code: str) -> list[tuple[re.Match[str], str, set[str]]]:
    """The named functions of ``code`` with their names and parameter names, but for an arrow
    in a default of another function's parameter list (``function f(x, g = (h) => i) {``):
    that function's body runs past it. Parameter lists are read once, up to ``MAX_SCANNED``
    characters in all."""
    starts: list[tuple[re.Match[str], str, set[str]]] = []
    inside = 0  # the end of the parameter list being read
    read = 0  # characters read in parameter lists, at most MAX_SCANNED
    for m in _FUNCTION.finditer(code):
        if m.start() < inside:
            continue
        parameters: set[str] = set()
        if read < MAX_SCANNED:
            parameters, cost, end = _parameters(code, m)
            read += cost
            inside = end or 0
        starts.append((m, next(g for g in m.groups() if g), parameters))
    return starts


def _record_uses(
    name: str,
    text: str,
    bindings: Mapping[str, tuple[str, str]],
    calls: set[tuple[str, str, str]],
    parameters: Iterable[str] = (),
) -> None:
    """Add to ``calls`` what ``text``, the body of ``name`` (a function, or a constant such as
    a Pinia store's ``defineStore(...)``), uses of other modules through ``bindings``; a name
    the body declares itself (``const list = []`` beside an imported ``list``) or takes as a
    parameter (``function show(api) { api.get() }``) is its own."""
    if not bindings:
        return
    own = {m.group(2) for m in _DECLARED.finditer(text)} | set(parameters)
    for use in _USE.finditer(text):
        if use.group(1) in own:
            continue
        spec, there = bindings.get(use.group(1), ("", ""))
        if spec and (there != "*" or use.group(2)):
            calls.add((name, spec, use.group(2) if there == "*" else there))


_ARROW_PARAMETER = re.compile(r"[:=]\s*(?:async\s+)?([A-Za-z_$][\w$]*)\s*(?::[^=;]*)?=>$")
_IDENTIFIER = re.compile(r"\s*(?:\.\.\.)?\s*([A-Za-z_$][\w$]*)")
_PAIRS = {"(": ")", "[": "]", "{": "}", "<": ">"}
PARAMETERS_REACH = 600
"""A parameter list is looked for this far after a function's name, and read this far."""


def _parameters(code: str, m: re.Match[str]) -> tuple[set[str], int, int | None]:
    """The parameter names of the function ``m`` (a :data:`_FUNCTION` match) starts, the
    number of characters read to find them, and where in ``code`` a parameter list following
    the match ends (None for one inside the match: an arrow's or a method's, or none found)."""
    head = m.group(0)
    if m.group(3) is not None and "(" not in head:  # q => ...
        single = _ARROW_PARAMETER.search(head.rstrip())
        return ({single.group(1)} if single else set()), len(head), None
    if m.group(1) is not None or m.group(2) is not None:  # the list follows the match
        text, start = code, m.end() - 1
        if code[start : start + 1] == "<":  # function f<T extends (a: X) => Y>(...)
            start = closing(code, start, "<>", PARAMETERS_REACH) or start
        opened = code.find("(", start, start + PARAMETERS_REACH)
    else:
        text, start = head, 0
        opened = head.find("(")
    close = closing(text, opened, "()", PARAMETERS_REACH) if opened >= 0 else None
    read = (close or opened + PARAMETERS_REACH) - start if opened >= 0 else PARAMETERS_REACH
    if not close:
        return set(), read, None
    inner = _COMMENT.sub(lambda c: c.group(1) or " ", text[opened + 1 : close - 1])
    return _bindings(inner), read, close if text is code else None


def _bindings(pattern: str) -> set[str]:
    """The names a parameter list (or a destructuring pattern's inside) binds: each element's
    leading name, or the names of its own pattern (``{ get: g, list = [] }`` binds ``g`` and
    ``list``); types after ``:`` and defaults after ``=`` bind nothing."""
    names: set[str] = set()
    for element in _top_level(pattern, ","):
        target = _top_level(element, "=")[0].strip().removeprefix("...").strip()
        if target and target[0] in "{[":
            inner = target[1 : (closing(target, 0, target[0] + _PAIRS[target[0]]) or 1) - 1]
            if target[0] == "{":
                for part in _top_level(inner, ","):
                    key, colon, value = (x.strip() for x in _split_once(part, ":"))
                    names |= _bindings(value if colon else key)
            else:
                names |= _bindings(inner)
        elif found := _IDENTIFIER.match(target):
            names.add(found.group(1))
    return names


def _top_level(text: str, separator: str) -> list[str]:
    """``text`` split at each ``separator`` outside brackets (``<>`` of types too; ``=>``'s
    ``>`` closes nothing)."""
    parts, depth, last = [], 0, 0
    for i, c in enumerate(text):
        if c in "([{" or (c == "<" and separator == ","):
            depth += 1
        elif c in ")]}" or (c == ">" and separator == "," and text[i - 1 : i] != "="):
            depth = max(0, depth - 1)
        elif (
            c == separator
            and depth == 0
            and text[i + 1 : i + 2] not in ("=", ">")
            and not (separator == "=" and text[i - 1 : i] in ("=", "!", "<", ">"))
        ):
            parts.append(text[last:i])
            last = i + 1
    parts.append(text[last:])
    return parts


def _split_once(text: str, separator: str) -> tuple[str, str, str]:
    """``text`` split at the first ``separator`` outside brackets."""
    first = _top_level(text, separator)
    if len(first) == 1:
        return text, "", ""
    return first[0], separator, text[len(first[0]) + 1 :]


def _bound(clause: str) -> dict[str, str]:
    """The local names an import clause binds -> the name in the module (``*`` for a default
    or namespace import): ``api, { listUser, getUser as get }`` -> api: *, listUser:
    listUser, get: getUser."""
    out = {}
    inner = re.search(r"\{([^}]*)\}", clause)
    for part in inner.group(1).split(",") if inner else ():
        name, _, alias = (x.strip() for x in part.strip().partition(" as "))
        if name.startswith("type "):
            continue  # a type brings no requests
        if name and name != "default":
            out[alias or name] = name
        elif alias:
            out[alias] = "*"
    rest = re.sub(r"\{[^}]*\}", "", clause).strip(" ,")
    outer = re.fullmatch(r"\s*(?:\*\s*as\s+)?([A-Za-z_$][\w$]*)\s*", rest)
    if outer:
        out[outer.group(1)] = "*"
    return out


def _reexported(clause: str) -> tuple[str, ...]:
    """``*`` -> (``*``); ``* as api`` -> (``api=*``); ``{ listRole, getUser as get }`` ->
    (``listRole=listRole``, ``get=getUser``)."""
    clause = clause.strip()
    if clause.startswith("*"):
        alias = clause[1:].strip().removeprefix("as").strip()
        return (f"{alias}=*",) if alias else ("*",)
    out = []
    for part in clause.strip("{}").split(","):
        name, _, alias = (x.strip() for x in part.strip().removeprefix("type ").partition(" as "))
        if name:
            out.append(f"{alias or name}={name}")
    return tuple(out)


_CONTINUED_BY = ".?:+-*/&|"
"""A next line starting with one of these continues the expression (``\n  .then(...)``)."""
_CONTINUES = ("=>", "=", "+", "-", "*", "/", "&", "|", "?", ":", "(", "[", "{", ",", ".")
"""A line ending with one of these continues on the next."""


def _body(code: str, end: int, limit: int, arrow: bool) -> tuple[str, int]:
    """A function's body: from its opening brace to the matching one, or an arrow's
    expression up to its ``;`` or the line starting the next statement (at most
    ``MAX_BODY`` characters); with the number of characters read to find it."""
    limit = min(limit, end + MAX_BODY)
    if arrow:
        start = end
        while start < limit and code[start] in " \t\r\n":
            start += 1
        if code[start : start + 1] != "{":
            return _expression(code, start, limit)
    else:
        # a parameter list's default values' braces (opts = {}) are no body
        opened = code[end - 1 : end] == "("
        reach = max(1, min(2000, limit - end + 1))
        after = (closing(code, end - 1, "()", reach) or end + reach) if opened else end
        start = code.find("{", after - 1, limit)
        if start < 0:
            return code[end:limit], max(limit, after) - end
    close = closing(code, start)
    if close is not None:
        return code[start:close], close - end
    return code[start:limit], min(len(code), start + MAX_BODY) - end


def _expression(code: str, start: int, limit: int) -> tuple[str, int]:
    """An expression (an arrow's body, an initialiser) from ``start``: to a ``;`` or ``,``
    outside brackets, a bracket closing one it is inside, or a line break outside brackets
    that neither the line before nor the line after continues."""
    depth = 0
    for i in range(start, limit):
        c = code[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth < 0:
                return code[start:i], i - start
        elif depth == 0 and (c in ";," or (c == "\n" and _ends_at(code, start, i, limit))):
            return code[start:i], i - start
    return code[start:limit], limit - start


def _ends_at(code: str, start: int, newline: int, limit: int) -> bool:
    """Whether the expression ends at the line break at ``newline``."""
    before = code[max(start, newline - 200) : newline].rstrip()
    if not before or before.endswith(_CONTINUES):
        return False
    after = code[newline + 1 : min(limit, newline + 200)].lstrip()
    return not after or after[0] not in _CONTINUED_BY


_JOINED = re.compile(
    r"(?:[Uu]rl|URL|[Aa]pi|API|[Bb]ase|BASE|[Ee]ndpoint|ENDPOINT|[Pp]ath|PATH|[Hh]ost|HOST|[Rr]oot"
    r"|ROOT)\s*\+\s*"
    r"""["'`]([\w\-.{}$]+(?:/[\w\-.{}$]*)*)["'`]"""
)
"""A word joined to a base address (``environment.REST_API_URL + 'owners'``): a path."""


_NAVIGATION = re.compile(
    # <router-link to="/x">, <Route path='/x'>, <Link to={'/x'}>: an attribute, written
    # without spaces around its "=" (a script's "const path = '/api/users'" is no link)
    r"""(?:(?<=\s)(?<!const\s)(?<!let\s)(?<!var\s)(?:v-bind:|:)?(?:to|path)=\{?\s*["']?"""
    r"|(?<![\w$])(?P<record>path)\s*:\s*"  # a route record: { path: '/user', component: U }
    r"|(?<![\w$])(?:redirect|alias)\s*:\s*"
    r"|(?:[Rr]outer|history)\s*\.\s*(?:push|replace)\s*\(\s*"  # this.$router.push('/x')
    r"|(?<![\w$])(?:navigate|navigateTo|navigateByUrl|navigateBack|redirectTo|reLaunch|switchTab)"
    r"\s*\(\s*\[?\s*(?:\{\s*url\s*:\s*)?"  # router.navigate(['/x']), uni.navigateTo({url: ..})
    r")$"
)
"""What comes before a path the browser's router goes to, not the server: a router link's
target, a route record's path, a navigation call's argument."""
_ROUTE_RECORD = re.compile(
    r"(?<![\w$])(?:component|components|Component|children|routes|redirect|redirectTo|meta|name"
    r"|title|icon|element|loadChildren|loadComponent|pathMatch|canActivate|beforeEnter|layout"
    r"|lazy|hidden|props)\s*:"
)
"""Keys of a route record (Vue Router's, React Router's, Angular's) or a menu item beside its
``path`` (a request's options, ``{ path: '/file/upload', method: 'post' }``, have none)."""
_BRACE = re.compile(r"[{}]")
RECORD_REACH = 300
"""Characters looked at on either side of a ``path:`` for the rest of its object."""


def _navigation(text: str, start: int, end: int) -> bool:
    """Whether the string from ``start`` to ``end`` is a client-side route (see
    :data:`_NAVIGATION`); a ``path:`` only in an object with a route record's keys."""
    found = _NAVIGATION.search(text, max(0, start - 40), start)
    if found is None or found.group("record") is None:
        return found is not None
    parts, opened = _own_object(text, start, end)
    if opened >= 0 and _NAVIGATING.search(text, max(0, opened - 40), opened):
        return True  # router.push({ path: '/x', query }), :to="{ path: '/x' }"
    return any(_ROUTE_RECORD.search(part) for part in parts)


_NAVIGATING = re.compile(
    r"""(?:(?:(?:[Rr]outer|history)\s*\.\s*(?:push|replace)|navigate(?:To)?)\s*\(\s*"""
    r"""|(?<=\s)(?:v-bind:|:)?to=["']?)$"""
)
"""What comes before an object a navigation takes (a route location)."""


def _own_object(text: str, start: int, end: int) -> tuple[list[str], int]:
    """The parts of the object literal around ``text[start:end]`` that belong to it, not to
    objects nested in it (``params: { name: keyword }``), within :data:`RECORD_REACH`; and
    where its opening brace is (-1 when not within reach)."""
    parts = []
    opened = -1
    depth, cut = 0, start
    low = max(0, start - RECORD_REACH)
    for brace in reversed(list(_BRACE.finditer(text, low, start))):
        if brace.group() == "}":
            if depth == 0:
                parts.append(text[brace.end() : cut])
            depth += 1
        elif depth == 0:
            parts.append(text[brace.end() : cut])
            opened = brace.start()
            break
        else:
            depth -= 1
            if depth == 0:
                cut = brace.start()
    else:
        parts.append(text[low:cut] if depth == 0 else "")
    depth, cut = 0, end
    high = min(len(text), end + RECORD_REACH)
    for brace in _BRACE.finditer(text, end, high):
        if brace.group() == "{":
            if depth == 0:
                parts.append(text[cut : brace.start()])
            depth += 1
        elif depth == 0:
            parts.append(text[cut : brace.start()])
            return parts, opened
        else:
            depth -= 1
            if depth == 0:
                cut = brace.end()
    parts.append(text[cut:high] if depth == 0 else "")
    return parts, opened


_ADDRESS = re.compile(
    r"""(?:["'`](?:https?:)?//[\w.:@-]+(/[\w\-./]*)?["'`])|(?:["'`](/[\w\-./]*)["'`])"""
)
"""A variable holding an address or a path (``var WxApiRoot = 'http://localhost:8080/wx/'``):
joined to a path it is the base (``WxApiRoot + 'goods/list'``: ``/wx/goods/list``)."""
_BASE_VALUE = re.compile(rf"\s*(?:{_ADDRESS.pattern})(?=\s*(?:[;,)]|$))", re.M)
"""An initialiser that is an address or a path and nothing more, on whatever line it starts."""
_BASED = re.compile(r"""(?<![\w$.])([A-Za-z_$][\w$]*)\s*\+\s*(["'`])""")


def request_paths(text: str, bases: Mapping[str, str] | None = None) -> set[str]:
    """The request paths a piece of script names (``'/ad/list'``, ``'api/bank-accounts'``,
    ``` `/system/user/${id}` ``` as ``/system/user/``, ``REST_API_URL + 'owners'``; under its
    base when ``bases`` has the variable joined to it: ``WxApiRoot + 'goods/list'``), not files,
    folders, media types or specifiers, nor the client-side routes a router link, route record
    or navigation call names (``<router-link to="/login">``, ``{ path: '/user' }``,
    ``this.$router.push('/dashboard')``, ``uni.navigateTo({ url: '/pages/prod/prod' })``)."""
    out = set()
    bases = bases or {}
    based = {  # the opening quote of a string joined to a known base -> that base
        m.start(2): bases[m.group(1)]
        for m in (_BASED.finditer(text) if bases else ())
        if m.group(1) in bases
    }
    joined = {m.group(1) for m in _JOINED.finditer(text) if m.start(1) - 1 not in based}
    quoted = (
        based[q.start()] + "/" + q.group(1).lstrip("/") if q.start() in based else q.group(1)
        for q in _QUOTED.finditer(text)
        if not _navigation(text, q.start(), q.end())
    )
    for value in (*quoted, *joined):
        if (
            not value.isascii()  # a message with a slash: '区/县不能为空'
            or _NOT_REQUEST.match(value)
            or not (_PATH_TEXT.match(value) or value in joined)
            or _STATIC.search(value)
        ):
            continue
        value = _LEADING_PLACEHOLDERS.sub("/", value)
        value = value.split("${", 1)[0].split("{{", 1)[0]
        if value.strip("/"):
            out.add("/" + value.lstrip("/"))
    return out


def read_mini_program_page(
    path: str, data: bytes, diagnostics: list[Diagnostic] | None = None
) -> Page:
    """A mini program's page markup (``goods.wxml``) as a page linking nothing itself: its
    ``<navigator url>`` goes to other pages, its script (``goods.js``) makes the requests;
    a lossy decoding is added to ``diagnostics`` when given."""
    problem = lossy_diagnostic(path, decode_markup(data), "view")
    if problem is not None and diagnostics is not None:
        diagnostics.append(problem)
    return Page(path, ())


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


_INLINE = re.compile(r"@Component\s*\(\s*\{")
_TEMPLATE_KEY = re.compile(
    r"""(?<![\w$])template\s*:\s*(?:`((?:[^`\\]|\\.)*)`|'((?:[^'\\\n]|\\.)*)'"""
    r"""|"((?:[^"\\\n]|\\.)*)")"""
)


def inline_template(path: str, data: bytes) -> Page | None:
    """An Angular component whose template is written in its decorator (``@Component({
    template: `<a routerLink="/catalog">...</a>` })``) as a page of that template, at the
    module's own path; None for any other module, and for a component whose template is a
    file of its own (``templateUrl``: that file is the view)."""
    if b"@Component" not in data:  # most modules: not decoded a second time
        return None
    text = decode_source(data).text
    found = _INLINE.search(text)
    if found is None:
        return None
    end = closing(text, found.end() - 1) or len(text)  # a long template: the file
    template = _TEMPLATE_KEY.search(text, found.end(), end)
    if template is None:
        return None
    markup = next(g for g in template.groups() if g is not None)
    page = read_view(path, markup.encode("utf-8"))
    return page if page.path == path else replace(page, path=path)


class _Resolver:
    """Module and component files by path, for resolving specifiers."""

    def __init__(self, modules: Iterable[str], components: Iterable[str]) -> None:
        self.files = set(modules) | set(components)
        self._cache: dict[tuple[str, str, tuple[str, ...]], str | None] = {}

    def resolve(self, importer: str, spec: str, tails: Sequence[str]) -> str | None:
        key = (posixpath.dirname(importer), spec, tuple(tails))
        if key not in self._cache:
            self._cache[key] = self._resolve(importer, spec.split("?", 1)[0], key[2])
        return self._cache[key]

    def _resolve(self, importer: str, spec: str, tails: tuple[str, ...]) -> str | None:
        folder = posixpath.dirname(importer)
        archive = importer.rpartition("!/")[0]
        if spec.startswith(("./", "../")):
            bases = [posixpath.normpath(posixpath.join(folder, spec))]
        elif spec.startswith(("@/", "~/")):  # the front end's src folder, by convention
            rooted = "/" + importer
            srcs = [i for i in range(len(rooted)) if rooted.startswith("/src/", i)]
            bases = [rooted[1 : at + 5] + spec[2:] for at in reversed(srcs)]
            bases += _upwards(folder, spec[2:])  # no src folder: Nuxt's ~ is the project root
        elif "/" in spec.strip("/") and not spec.startswith("@"):  # a path alias: app/x/y
            bases = _upwards(folder, spec)
        else:  # an npm package: vue, lodash, @angular/core
            return None
        for base in bases:
            if archive and not base.startswith(archive + "!/"):
                continue  # never out of the archive holding the importer
            for tail in tails:
                if base + tail in self.files:
                    return base + tail
        return None


def _upwards(folder: str, spec: str) -> list[str]:
    """``spec`` below ``folder`` and below each folder above it, nearest first."""
    out = []
    while True:
        out.append(posixpath.join(folder, spec) if folder else spec)
        parent = posixpath.dirname(folder)
        if parent == folder:  # "" or "/": the root is reached
            return out
        folder = parent


def follow_imports(pages: Sequence[Page], modules: Mapping[str, Module]) -> list[Page]:
    """Each page with the request paths its imports reach (see the module docstring); an
    Angular template (``x.component.html``) imports all of its ``x.component.ts``, a mini
    program's page (``goods.wxml``) all of its ``goods.js``, whose paths naming the mini
    program's own pages (``'/pages/prod/prod?id=' + id``) are no requests."""
    paths = {p.path for p in pages}
    resolver = _Resolver(modules, (p for p in paths if is_component(p)))
    follow = _Follower(modules, resolver)
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
                links.update(f"view:{c}" for c in follow.components(target, names))
        for target, names in reached:
            links |= follow.paths(target, names, deeper=True)
        if page.path.lower().endswith(MINI_PROGRAM_PAGE):  # its own pages are no requests
            root = front_root(page.path)
            links = {x for x in links if root + x.strip("/") + MINI_PROGRAM_PAGE not in paths}
        linked = tuple(sorted(links))
        out.append(replace(page, links=linked) if linked != page.links else page)
    return out


def _split(link: str) -> tuple[str, tuple[str, ...]]:
    spec, _, names = link[len(IMPORT_LINK) :].rpartition(":")
    return spec, tuple(n for n in names.split(",") if n)


_TEMPLATE = re.compile(r"\.(?:html?|wxml)$", re.I)


def _component_class(page: str, modules: Mapping[str, Module]) -> str | None:
    """The script of an Angular template's component: ``x.component.html`` ->
    ``x.component.ts``; a component with its template inline is its own; a mini program's
    page's: ``goods.wxml`` -> ``goods.js``."""
    if page in modules:
        return page
    if not _TEMPLATE.search(page):
        return None
    stem = _TEMPLATE.sub("", page)
    return next((stem + s for s in (".ts", ".js") if stem + s in modules), None)


MAX_HOPS = 4
"""Re-exports, and uses of other modules' functions, followed from one module (barrels of
barrels are few levels deep; a page's store calls an API module that calls a request
helper)."""


class _Follower:
    """What imported names reach, each answer computed once (a barrel of barrels that
    re-export each other, or re-export one module many times, costs no more than a chain)."""

    def __init__(self, modules: Mapping[str, Module], resolver: _Resolver) -> None:
        self.modules, self.resolver = modules, resolver
        self._components: dict[tuple[str, tuple[str, ...], int], set[str]] = {}
        self._paths: dict[tuple[str, tuple[str, ...], bool, int], set[str]] = {}
        self._reexported: dict[tuple[str, str, int], set[str] | None] = {}
        self._by_module: dict[
            str, tuple[dict[str, tuple[str, ...]], dict[str, list[tuple[str, str]]]]
        ] = {}

    def _tables(
        self, target: str
    ) -> tuple[dict[str, tuple[str, ...]], dict[str, list[tuple[str, str]]]]:
        """A module's members with their paths, and its functions' uses of other modules."""
        if target not in self._by_module:
            module = self.modules[target]
            called: dict[str, list[tuple[str, str]]] = defaultdict(list)
            for member, spec, there in module.calls:
                called[member].append((spec, there))
            self._by_module[target] = (dict(module.members), called)
        return self._by_module[target]

    def _module(self, importer: str, spec: str) -> str | None:
        found = self.resolver.resolve(importer, spec, _RESOLVED_SUFFIXES)
        return found if found is not None and found in self.modules and found != importer else None

    def components(self, target: str, names: tuple[str, ...], hops: int = 0) -> set[str]:
        """The components a barrel hands out under ``names`` (``export { default as
        Pagination } from './Pagination.vue'``), also through the barrels it re-exports
        (``export * from './tables'``): the importing page includes them."""
        key = (target, names, hops)
        if key in self._components:
            return self._components[key]
        self._components[key] = out = set()  # a cycle back here finds no more
        wanted = set(names)
        for spec, exported in dict.fromkeys(self.modules[target].reexports):
            if "*" in wanted:
                inner: tuple[str, ...] = ("*",)
            else:  # what the names are called in the module behind: aliases undone
                inner = tuple(
                    dict.fromkeys(
                        name
                        for entry in exported
                        for alias, _, original in [entry.partition("=")]
                        for name in (
                            names if entry == "*" else ("*",) if original == "*" else (original,)
                        )
                        if entry == "*" or alias in wanted
                    )
                )
            if not inner:
                continue
            found = self.resolver.resolve(target, spec, (*_RESOLVED_SUFFIXES, *_COMPONENT_TAILS))
            if found is None or found == target:
                continue
            if is_component(found):
                out.add(found)
            elif found in self.modules and hops < MAX_HOPS:  # a barrel of barrels
                out |= self.components(found, inner, hops + 1)
        return out

    def paths(self, target: str, names: tuple[str, ...], deeper: bool, hops: int = 0) -> set[str]:
        """The paths ``names`` of module ``target`` reach: a declared name's own (a
        function's, a constant's; none for a type); a name re-exported from another module
        (``export * from './user'``), what it reaches there; for ``*``, a class or a name the
        module does not declare, every path the module names and, when ``deeper``, those its
        own imports reach. Among ``names``, :data:`MEMBERS_ONLY` says they are members read
        of a module bound by ``require``: one the module does not declare reaches nothing."""
        key = (target, names, deeper, hops)
        if key in self._paths:
            return self._paths[key]
        self._paths[key] = out = set()  # a cycle back here finds no more
        module = self.modules[target]
        members, called = self._tables(target)
        only = MEMBERS_ONLY in names
        whole = False
        for name in names:
            if name == MEMBERS_ONLY:
                continue
            if name == "*" or name in module.classes:
                whole = True
            elif name in members and (members[name] or name in called):
                out |= set(members[name])
                for spec, there in called.get(name, ()) if hops < MAX_HOPS else ():
                    if (found := self._module(target, spec)) is not None:  # what it uses
                        out |= self.paths(found, (there, MEMBERS_ONLY), False, hops + 1)
            else:  # a re-export first: a local variable of that name may hide it
                reached = self.reexported(name, target, hops)
                whole = whole or (reached is None and name not in members and not only)
                out |= reached or set()
        if whole:
            out |= set(module.paths)
            for spec, inner in dict.fromkeys(module.imports) if deeper else ():
                if (found := self._module(target, spec)) is not None:
                    out |= self.paths(found, inner, deeper=False)
            for spec, _ in dict.fromkeys(module.reexports) if hops < MAX_HOPS else ():
                if (found := self._module(target, spec)) is not None:  # a barrel's modules
                    out |= self.paths(found, ("*",), False, hops + 1)
        return out

    def reexported(self, name: str, target: str, hops: int) -> set[str] | None:
        """What ``name`` reaches through the re-exports of ``target``; None when no
        re-export offers it."""
        key = (name, target, hops)
        if key in self._reexported:
            return self._reexported[key]
        self._reexported[key] = None  # a cycle back here offers nothing
        found_paths: set[str] | None = None
        reexports = self.modules[target].reexports if hops < MAX_HOPS else ()
        for spec, exported in dict.fromkeys(reexports):
            found = self._module(target, spec)
            if found is None:
                continue
            for entry in exported:
                alias, _, original = entry.partition("=")
                if entry == "*":
                    behind = self.modules[found]
                    if name in dict(behind.members) or name in behind.classes:
                        found_paths = self.paths(found, (name,), False, hops + 1)
                    else:
                        found_paths = self.reexported(name, found, hops + 1)
                elif alias == name:
                    inner = ("*",) if original == "*" else (original,)
                    found_paths = self.paths(found, inner, False, hops + 1)
                if found_paths is not None:
                    self._reexported[key] = found_paths
                    return found_paths
        return None

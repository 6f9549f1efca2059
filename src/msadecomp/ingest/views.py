"""Views (JSP, JSF/Facelets, Thymeleaf/HTML, Velocity, FreeMarker, Pug/Jade, Mustache/Handlebars,
Pebble, Groovy markup, JTE, Wicket and Tapestry component markup) and the classes behind them.

:func:`read_view` finds what a view points at:

* request paths it links, posts or redirects to: ``href``/``action``/``src`` attributes
  (relative ``href``/``action`` values too: ``app?action=home``; Pug's ``a(href='/x')`` and
  Groovy markup's ``a(href: '/x')`` alike),
  ``<c:url>``/``<s:url>``/``<spring:url>`` values, Thymeleaf ``@{/path(..)}``, JavaScript
  strings ending in ``.do``/``.action``/``.json``, and any path-like string inside a
  ``<script>`` block (``$.ajax({url: 'rest/api/flights/query'})``, ``fetch('/orders')``);
  context-path prefixes (``${pageContext.request.contextPath}``, ``${ctx}``,
  ``<%=request.getContextPath()%>``) are dropped, static resources ignored;
* other views it includes (``<jsp:include>``, ``<%@ include %>``, ``<ui:include>``, the page
  a ``<meta http-equiv="refresh">`` sends the browser to, ``promo.jsf`` naming ``promo``,
  ``<ui:composition template>``, ``th:replace``/``th:insert``, ``#parse``, ``<#include>``,
  ``<#import>``, Pug ``include``/``extends`` lines, Mustache ``{{> partial}}``, Pebble
  ``{% include/extends/import/embed "x" %}``, Groovy markup ``layout 'x.tpl'`` and
  ``include template:``, JTE ``@template.layout.page(..)``), as ``view:NAME`` links;
* action classes named directly (Stripes ``beanclass="..."``) and the classes a Model 1 JSP
  declares as beans or creates in its scriptlets, as ``class:FQN`` links;
* JSF/EL beans (``#{orderBean.save}``), as ``bean:NAME`` links;
* the application's own scripts it includes and the functions it calls, as ``script:SRC`` and
  ``call:NAME`` links that :func:`msadecomp.ingest.scripts.follow_scripts` turns into the
  request paths those functions call.

:func:`link_views` then finds each view's classes: the handlers of the endpoints it links to,
the classes returning its view name (``return "bbs/ArticleList"``, with or without prefix,
suffix or extension; a bare word such as ``"category"`` counts from web code, and from other
code only for a page nothing else ties to a class), the beans and action classes it names,
and for a component template (Wicket's ``ItemViewPage.html`` beside ``ItemViewPage.java``) its
component class. Every lookup goes through an index, so linking is linear in the number of
links and strings.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import PurePosixPath

from msadecomp.ingest.decoding import decode_markup, lossy_diagnostic
from msadecomp.ingest.scripts import CALL_LINK, MODULE_SUFFIXES, SCRIPT_LINK, THIRD_PARTY_FOLDER
from msadecomp.model import FACES_REQUESTS, Diagnostic, Endpoint, JavaType, Page, SourceRef

TEMPLATE_FOLDER_SUFFIXES = frozenset(
    {".html", ".htm", ".mustache", ".hbs", ".handlebars", ".tpl", ".jade", ".pug"}
)
"""View suffixes other tools share (static pages, client-side templates, PHP's Smarty): a view
only under a web or templates folder."""
MINI_PROGRAM_PAGE = ".wxml"
"""A WeChat-style mini program's page or component markup (``pages/goods/goods.wxml``), a view
under its ``pages`` or ``components`` folder; its script beside it makes the requests."""
_MINI_PROGRAM_FOLDERS = re.compile(r"(?:^|/)(pages|components)/")
VIEW_SUFFIXES = TEMPLATE_FOLDER_SUFFIXES | frozenset(
    {".jsp", ".jspf", ".jspx", ".tag", ".tagx", ".xhtml", ".vm", ".ftl", ".ftlh", ".ftlx"}
    | {".peb", ".pebble", ".jte", ".tml", ".vue", ".jsx", ".tsx", MINI_PROGRAM_PAGE}
)
COMPONENT_SUFFIXES = (".vue", ".jsx", ".tsx")
"""A single-page front end's components: Vue's, React's (see spa.py)."""
FRONT_PAGE_SUFFIXES = (*COMPONENT_SUFFIXES, *MODULE_SUFFIXES, MINI_PROGRAM_PAGE)
"""Pages of a single-page front end or a mini program: its components, Angular components with
their templates inline (a page at a module's path: spa.inline_template), WXML pages."""
STATIC = re.compile(
    r"\.(js|css|png|gif|jpe?g|svg|ico|woff2?|ttf|eot|map|pdf|xls|xlsx|zip|swf)$", re.I
)
ACTION_SUFFIXES = (".do", ".action", ".json", ".html", ".htm", ".xhtml", ".jsf", ".faces")
_CONTEXT = re.compile(
    r"\$\{\s*(pageContext\.request\.contextPath|ctx|contextPath|root)\s*\}"
    r"|<%=\s*request\.getContextPath\(\)\s*%>|#\{\s*request\.contextPath\s*\}"
)
_ATTR = re.compile(
    r"""(?=[hasvudtfHASVUDTF])"""  # the first letters, checked first: twice as fast
    r"""(href|action|src|value|url|data-url|th:href|th:action|th:src|formaction)"""
    r"""\s*=\s*(["'])(.*?)\2""",
    re.I | re.S,
)
_NAVIGATION = frozenset({"href", "action", "formaction"})


def _refresh_links(target: str) -> set[str]:
    """The page a redirecting page sends the browser to stands for it, as an included view
    does: a JSF request (``promo.jsf``, ``promo.faces``) names the view of its name, a view
    its file; any other target is a request path."""
    stem, dot, suffix = target.split("?")[0].rpartition(".")
    if dot and "." + suffix.lower() in FACES_REQUESTS:
        return {"view:" + stem.lstrip("/")}
    if dot and "." + suffix.lower() in VIEW_SUFFIXES:
        return {"view:" + target.split("?")[0].lstrip("/")}
    found = _path(target, relative=True)
    return {found} if found else set()


_REFRESH = re.compile(
    r"""<meta\b[^<>]{0,300}?\bhttp-equiv\s*=\s*["']?refresh\b[^<>]{0,300}?"""
    r"""\bcontent\s*=\s*["']\s*\d*\s*;\s*url\s*=\s*([^"'<>\s]+)""",
    re.I,
)
"""A page that sends the browser on at once (Plants' ``index.html`` to ``promo.jsf``)."""
"""Attributes whose relative values (``app?action=home``, ``config``) are request paths."""
_QUOTED = re.compile(r"""["'](/?[\w\-./{}$]+)(?:[?#][^"'<>]*)?["']""")
_THYMELEAF = re.compile(r"""@\{\s*'?([^()\s'"]+)""")
_TAGDIR = re.compile(
    r"""<%@\s*taglib\s+prefix\s*=\s*["'](\w+)["']\s+tagdir\s*=\s*["']([^"']+)["']"""
    r"""|xmlns:(\w+)\s*=\s*["']urn:jsptagdir:([^"']+)["']""",
    re.I,
)
_SCRIPT = re.compile(r"<script\b[^>]{0,500}>(.*?)</script>", re.I | re.S)
_INCLUDES = re.compile(
    r"""(?=[<tT#{])(?:"""  # the first characters, checked first
    r"""<jsp:include\s+page\s*=\s*["']([^"']+)"""
    r"""|<%@\s*include\s+file\s*=\s*["']([^"']+)"""
    r"""|<ui:(?:include|decorate)\s+(?:src|template)\s*=\s*["']([^"']+)"""
    r"""|<ui:composition[^>]*\btemplate\s*=\s*["']([^"']+)"""
    r"""|th:(?:replace|insert|include)\s*=\s*["']~?\{?\s*([\w\-/.]+)"""
    r"""|#parse\s*\(\s*["']([^"']+)"""
    r"""|<#(?:include|import)\s+["']([^"']+)"""
    r"""|\{\{\#?>\s*([\w\-./]+)"""  # Mustache and Handlebars partials
    r"""|\{%-?\s*(?:include|extends|import|embed)\s+["']([^"']+)["'])""",  # Pebble
    re.I,
)
_PUG_INCLUDE = re.compile(r"^[ \t]*(?:include|extends)(?::[\w\-]+)?[ \t]+([\w\-./]+)", re.M)
_INCLUDES_BY_SUFFIX = {
    ".jade": _PUG_INCLUDE,
    ".pug": _PUG_INCLUDE,
    ".tpl": re.compile(r"""\b(?:layout|template:)\s*\(?\s*["']([\w\-./]+)["']"""),
    ".jte": re.compile(r"@template\.([\w.]+)\("),
}
"""Includes written in a template language's own syntax: Pug/Jade ``include``/``extends``
lines, Groovy markup ``layout 'layouts/main.tpl'`` and ``include template: 'x.tpl'``, JTE
``@template.layout.page(..)`` (the file ``layout/page.jte``)."""
_GROOVY_ATTR = re.compile(r"""\b(href|action|src)\s*:\s*(["'])(.*?)\2""")
"""Groovy markup attributes: ``a(href: '/owners/find')``."""
_NO_EL_BEANS = frozenset(
    {".jade", ".pug", ".peb", ".pebble", ".mustache", ".hbs", ".handlebars", ".tpl"}
)
"""Template languages where ``#{...}`` is interpolation of the model, no JSF bean."""
_BEANCLASS = re.compile(r"""beanclass\s*=\s*["']([\w.$]+)["']""", re.I)
_EL_BEAN = re.compile(r"#\{\s*([a-z]\w*(?:\.[A-Za-z_]\w*){0,2})\s*\.")
"""A bean named in an expression, before its property or method: ``#{orderBean.save}``, and
beans named with dots (``@Named("public.track")``: ``#{public.track.cargo.eta}``)."""
_EL_VAR = re.compile(r"""(?=v)\bvar\s*=\s*["'](\w+)["']""")  # (?=v): checked first, faster
"""Loop variables (``<ui:repeat var="leg">``): ``#{leg.from}`` names no bean."""


def is_view(path: str) -> bool:
    """True for a view file (``.html``/``.htm`` only under a web or templates folder, or as a
    component template beside the code: :func:`is_component_template`)."""
    suffix = PurePosixPath(path).suffix.lower()
    if suffix not in VIEW_SUFFIXES:
        return False
    if suffix == MINI_PROGRAM_PAGE:  # not a bundled widget library's (lib/vant-weapp)
        inner = "/" + path.rpartition("!/")[2]
        found = _MINI_PROGRAM_FOLDERS.search(inner)
        return found is not None and not THIRD_PARTY_FOLDER.search(inner[: found.start() + 1])
    if suffix in TEMPLATE_FOLDER_SUFFIXES:
        return (
            _in_web_folder(path)
            or is_component_template(path)
            or _ANGULAR.search(path) is not None
            or _ANGULAR_PLAIN.search(path) is not None
        )
    return True


_ANGULAR = re.compile(r"(?:^|/)src/(?:[^/!]+/)*[\w.-]+\.component\.html?$")
"""An Angular component's template in a front end's sources (``frontend/src/app/user/
user-list.component.html``; see spa.py)."""
_ANGULAR_PLAIN = re.compile(r"(?:^|/)src/app/(?:[^/!]+/)*[\w.-]+\.html?$")
"""A template of Angular's newer naming (``src/app/user/user-list.html``): a view only beside
its component class (``user-list.ts``, :func:`markup_class_files`)."""


_WEB_FOLDERS = ("/templates/", "webapp/", "WEB-INF/", "/views/")


def _in_web_folder(path: str) -> bool:
    rooted = "/" + path.rpartition("!/")[2]  # a folder at the top counts too
    return any(part in rooted for part in _WEB_FOLDERS)


COMPONENT_TEMPLATE_SUFFIXES = frozenset({".html", ".htm", ".tml"})
_CODE_ROOT = re.compile(r"(?:^|/)(?:java|resources|classes)/")
_VARIANT = re.compile(r"(?:_[a-z]{2}(?:_[A-Z]{2})?|\$[\w$]+)$")


def is_component_template(path: str) -> bool:
    """An ``.html``/``.htm``/``.tml`` file among the Java sources, resources or a WAR's
    ``WEB-INF/classes`` (Wicket's ``ItemViewPage.html`` beside ``ItemViewPage.java``,
    Tapestry's ``Index.tml``): the markup of the component class of the same name, when there
    is one (:func:`component_templates`)."""
    inner = path.rpartition("!/")[2]
    return (
        PurePosixPath(inner).suffix.lower() in COMPONENT_TEMPLATE_SUFFIXES
        and _CODE_ROOT.search(inner) is not None
    )


def _markup_names(path: str) -> list[tuple[str, str]]:
    """(folder before a code root, class path after it) pairs a component template may stand
    for, most literal first: every source, resources or classes folder on the path (a package
    may be named ``resources``), the name as written and without a locale or inner-class tail.
    """
    inner = path.rpartition("!/")[2]
    stem = inner.rpartition(".")[0]
    out: list[tuple[str, str]] = []
    for m in _CODE_ROOT.finditer(stem):
        head, tail = stem[: m.start()], stem[m.end() :]
        for name in dict.fromkeys((tail, _VARIANT.sub("", tail))):
            if name:
                out.append((head, name))
    return out


_STATIC_ROOT = re.compile(
    r"(?:^|/)(?:static|assets|public|webapp/resources?|js|javascripts?|scripts?)/"
    r"|^resources?/"  # a WAR's own root is the webapp's
)
_SERVER_PAGES = frozenset({".jsp", ".jspf", ".jspx", ".tag", ".tagx"})
"""Pages compiled with the application, never a bundled library's."""
_LIBRARY_MARKER = re.compile(
    r"(?:^|/)(?:readme|licen[cs]e|changelog|changes)(?:\.\w+)?$|(?:^|/)(?:bower|package)\.json$"
    r"|\.min\.js$|[.-]v?\d+(?:\.\d+)+(?:\.min)?\.js$"
    r"|(?:^|/)(?:docs?|demos?|examples?|_?samples?|_source|dist|v?\d+(?:\.\d+)+)/",
    re.I,
)
"""What shows a folder among the static files to be a bundled library: its readme, licence,
change log or package manifest, a minified or versioned script, or a docs, demo, samples,
dist or version-numbered folder."""


_ASSET_FOLDER = re.compile(r"(?i)(?:js|javascripts?|scripts?|css|styles?|img|images|fonts)")
"""Folders of static files sorted by type: they hold libraries and the application's own
files alike."""


def library_pages(paths: Iterable[str]) -> set[str]:
    """The pages of ``paths`` that belong to a library bundled among the static files rather
    than to the application: any but a server page (:data:`_SERVER_PAGES`) below a library's
    folder by name (``plugins``, ``jquery-ztree``, ``ckeditor``) under a ``static``,
    ``assets``, ``public``, ``js`` or ``scripts`` folder (or a webapp's ``resource(s)``), and
    the plain pages (``.html``, ``.htm``, client-side templates) of a folder there that holds
    a sign of a library (:data:`_LIBRARY_MARKER`). OpenKM's 86 CodeMirror demos sit under
    ``admin/js/codemirror/``. That folder is the first one
    below the static folder not sorting files by type (``static/ckfinder/``,
    ``resources/js/app/``). JeeSite ships 550 such pages (zTree's and CKFinder's demos,
    My97DatePicker's docs) beside its 117 own views; Ticket Monster's AngularJS templates in
    ``resources/js/app/`` stay views. A page directly in the static folder
    (``static/index.html``) is the application's own."""
    marked: set[str] = set()
    pages: dict[str, str] = {}
    by_name: set[str] = set()
    for path in paths:
        found = _STATIC_ROOT.search(path)
        if found is None:
            continue
        folders = path[found.end() :].split("/")[:-1]
        depth = next((i for i, f in enumerate(folders) if not _ASSET_FOLDER.fullmatch(f)), None)
        if depth is None:
            continue  # in the static folder or one sorting files by type
        folder = path[: found.end()] + "/".join(folders[: depth + 1]) + "/"
        if folder not in marked and _LIBRARY_MARKER.search(path[len(folder) :]):
            marked.add(folder)
        suffix = PurePosixPath(path).suffix.lower()
        if suffix not in VIEW_SUFFIXES or suffix in _SERVER_PAGES:
            continue
        if THIRD_PARTY_FOLDER.search("/" + "/".join(folders) + "/"):
            by_name.add(path)  # pdf.js's locale/*/viewer.ftl (Fluent, not FreeMarker) too
        elif suffix in TEMPLATE_FOLDER_SUFFIXES:
            pages[path] = folder
    return by_name | {path for path, folder in pages.items() if folder in marked}


def _plain_angular(path: str) -> bool:
    """A template of Angular's newer naming, not already a view by its folder or name."""
    return (
        _ANGULAR_PLAIN.search(path) is not None
        and _ANGULAR.search(path) is None
        and not _in_web_folder(path)
        and not is_component_template(path)
    )


def markup_only(path: str) -> bool:
    """A view file only as the markup of a class (:func:`is_component_template`, outside the
    web and template folders, or among a WAR's compiled classes): collecting it needs that
    class's file."""
    if _plain_angular(path):
        return True
    if not is_component_template(path):
        return False
    rooted = "/" + path.rpartition("!/")[2]
    if "/templates/" in rooted or "/views/" in rooted:
        return False
    return "WEB-INF/classes/" in rooted or not _in_web_folder(path)


def markup_class_files(path: str) -> list[str]:
    """Paths (relative, like ``path``) of the ``.java`` or ``.class`` files whose presence makes
    a component template the markup of a class: beside it under ``java/`` or ``classes/``, or
    there for markup kept under ``resources/`` (Maven takes a page's markup from either); for
    an Angular template of the newer naming, its component's ``.ts`` or ``.js`` beside it."""
    if _plain_angular(path):
        stem = path.rpartition(".")[0]
        return [stem + ".ts", stem + ".js"]
    if not is_component_template(path):
        return []
    outer, bang, _ = path.rpartition("!/")
    out: list[str] = []
    for head, name in _markup_names(path):
        for folder, suffix in (("java", ".java"), ("classes", ".class")):
            found = f"{head}/{folder}/{name}{suffix}" if head else f"{folder}/{name}{suffix}"
            out.append(f"{outer}{bang}{found}")
    return out


def component_templates(paths: Iterable[str], types: Sequence[JavaType]) -> dict[str, str]:
    """Component template path -> the class whose markup it is: the class named by the path
    after a source, resources or classes folder (``.../java/info/jtrac/wicket/ItemViewPage.html``
    -> ``info.jtrac.wicket.ItemViewPage``), as written or without a locale (``_ko``) or
    inner-class (``$Row``) tail. Templates of no class (Javadoc's ``package.html``) are left
    out."""
    classes = {t.fqn for t in types if t.outer is None}
    out: dict[str, str] = {}
    for path in paths:
        if not is_component_template(path):
            continue
        for _, name in _markup_names(path):
            if (fqn := name.replace("/", ".")) in classes:
                out[path] = fqn
                break
    return out


_TEMPLATE_SUFFIXES = (".vm", ".ftl", ".ftlh")
_MARKUP_TAG = re.compile(rb"<(?!#|/#)[A-Za-z/!%?]")
_SQL_LINE = re.compile(
    rb"^[ \t]*(create\s+(table|index|sequence)|alter\s+table|insert\s+into|drop\s+table)\s",
    re.I | re.M,
)


_CODE_LINE = re.compile(
    rb"^[ \t]*(?:package|import)[ \t]+[^\n;'\"]{0,300}?(?:\{\{|\$|<#|@@)[^\n;'\"]{0,300};"
    rb"|^[ \t]*public[ \t]+(?:(?:abstract|final)[ \t]+)?(?:class|interface|enum)[ \t]+"
    rb"[^\n{]{0,300}?(?:\{\{|\$|<#)",
    re.M,
)
"""A ``package``/``import`` line or class declaration holding a placeholder (bounded: each
line is tried in linear time)."""


def is_code_template(path: str, data: bytes) -> bool:
    """True for a template that writes Java source, not a page: a code generator's (Fineract's
    Avro ``record.vm``, its OpenAPI client's ``api.mustache``, RuoYi's online generator's
    ``domain.java.vm``), with a ``package`` or ``import`` line or a class declaration holding a
    placeholder. When no class of the system uses it, it is a build's tooling, left out.

    >>> is_code_template("gen/api.mustache", b"package {{package}};\\nimport x.Y;")
    True
    >>> is_code_template("templates/page.vm", b"<p>$item.name</p>")
    False
    >>> is_code_template("views/app.html", b"<script type=module>import x from '${base}/x.js';")
    False
    """
    return PurePosixPath(path).suffix.lower() in VIEW_SUFFIXES and bool(_CODE_LINE.search(data))


def is_sql_template(path: str, data: bytes) -> bool:
    """True for a Velocity or FreeMarker template that writes SQL, not a page (Roller's
    ``sql/createdb.vm``): no markup at all, and lines starting SQL statements or a ``sql``
    folder. It is read as an SQL script, so its ``CREATE TABLE`` statements define tables.

    >>> is_sql_template("sql/createdb.vm", b"create table roller_user (id int);")
    True
    >>> is_sql_template("templates/weblog.vm", b"<html>#parse('x.vm')</html>")
    False
    """
    if not path.lower().endswith(_TEMPLATE_SUFFIXES) or _MARKUP_TAG.search(data):
        return False
    return "/sql/" in "/" + path.lower() or _SQL_LINE.search(data) is not None


def _path(raw: str, relative: bool = False) -> str | None:
    """A linked request path, normalised, or ``None`` when it is not one; ``relative``: a
    path without a leading ``/`` or an action suffix counts too (``app``, ``../bbs/list``)."""
    text = _CONTEXT.sub("", raw).strip()
    text = re.split(r"[?#;]", text, maxsplit=1)[0]
    if not text or STATIC.search(text) or "://" in text or text.startswith(("javascript:", "#")):
        return None
    if any(c in text for c in ("<", ">", " ", "${", "#{", "@{", "'", '"')):
        return None
    if not text.startswith("/"):
        text = re.sub(r"^(\.\.?/)+", "", text)
        if not text or (not relative and not text.lower().endswith(ACTION_SUFFIXES)):
            return None
    return text if text.startswith("/") else "/" + text


def read_view(path: str, data: bytes, diagnostics: list[Diagnostic] | None = None) -> Page:
    """Read one view file into a :class:`Page` with its (still unresolved) links; a lossy
    decoding is added to ``diagnostics`` when given."""
    decoded = decode_markup(data)
    problem = lossy_diagnostic(path, decoded, "view")
    if problem is not None and diagnostics is not None:
        diagnostics.append(problem)
    text = decoded.text
    links: set[str] = set()
    for m in _ATTR.finditer(text):
        inner = _ATTR.search(m.group(3))  # href="<c:url value='/x.do'/>"
        relative = inner is None and m.group(1).lower() in _NAVIGATION
        found = _path(inner.group(3) if inner else m.group(3), relative)
        if found:
            links.add(found)
    for m in _REFRESH.finditer(text):  # <meta http-equiv="refresh" content="0; url=promo.jsf">
        links.update(_refresh_links(m.group(1).strip()))
    for m in _QUOTED.finditer(text):
        value = m.group(1)
        if value.lower().endswith((".do", ".action", ".json")):
            found = _path(value)
            if found:
                links.add(found)
    for script in _SCRIPT.finditer(text):  # $.ajax({url: 'rest/api/flights/query'}), fetch(..)
        for m in _QUOTED.finditer(script.group(1)):
            value = m.group(1)
            if "/" in value.strip("/") or value.startswith("/"):
                found = _path("/" + value.lstrip("/"))
                if found:
                    links.add(found)
    for m in _THYMELEAF.finditer(text):
        value = m.group(1)
        while value.endswith("}") and value.count("}") > value.count("{"):
            value = value[:-1]
        found = _path(value)
        if found:
            links.add(found)
    suffix = PurePosixPath(path).suffix.lower()
    for m in _INCLUDES.finditer(text):
        target = next(g for g in m.groups() if g)
        links.add("view:" + target.strip())
    own = _INCLUDES_BY_SUFFIX.get(suffix)
    for m in own.finditer(text) if own else ():
        target = m.group(1).replace(".", "/") if suffix == ".jte" else m.group(1)
        links.add("view:" + target.strip())
    for m in _GROOVY_ATTR.finditer(text) if suffix == ".tpl" else ():
        found = _path(m.group(3), relative=m.group(1) != "src")
        if found:
            links.add(found)
    for m in _TAGDIR.finditer(text):  # <%@ taglib prefix="app" tagdir="/WEB-INF/tags" %>
        prefix, folder = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        for name in set(re.findall(rf"<{prefix}:([\w\-]+)", text)):
            links.add(f"view:{folder.rstrip('/')}/{name}")  # a .tag or a .tagx file
    links.update("class:" + m.group(1) for m in _BEANCLASS.finditer(text))
    if suffix in _JSP_SUFFIXES:
        links.update(_scriptlet_links(text))
    links.update(_script_links(text))
    loops = set(_EL_VAR.findall(text))
    links.update(
        "bean:" + m.group(1)
        for m in (_EL_BEAN.finditer(text) if suffix not in _NO_EL_BEANS else ())
        if m.group(1).partition(".")[0] not in loops
    )
    return Page(path, tuple(sorted(links)), title=_title(text))


_JSP_SUFFIXES = frozenset({".jsp", ".jspf", ".jspx", ".tag", ".tagx"})
_PAGE_DIRECTIVE = re.compile(
    r"""(?:<%@\s*(?:page|tag)\b|<jsp:directive\.(?:page|tag)\b)([^<>]{0,8000}?)(?:%|/)?>""", re.I
)
_IMPORT = re.compile(r"""\bimport\s*=\s*(["'])([^"'<>]*)\1""", re.I)
"""An ``import`` attribute, the one a page directive may repeat."""
_USE_BEAN = re.compile(r"<jsp:useBean\b[^>]{0,1000}>", re.I)
_BEAN_CLASS = re.compile(r"""\b(class|type)\s*=\s*["']([\w.$]+)["']""", re.I)
_NEW = re.compile(r"\bnew\s+((?:[a-z_][\w$]*\s*\.\s*)*[A-Z][\w$]*)\s*[(<]")
"""An instance created (``new X(..)``, ``new X<>()``); an array of them (``new X[4]``) is no
work of X's."""


def _scriptlet_links(text: str) -> set[str]:
    """``class:FQN`` links of a JSP written the Model 1 way, which does its work in scriptlets:
    the beans it declares (``<jsp:useBean class="...">``, else its ``type``) and the classes its
    scriptlets create, imported (``<%@ page import="x.action.EditPatientAction" %>`` and
    ``new EditPatientAction(..)``: iTrust's 101 pages, a classic JSP-and-DAO site's
    ``new BoardDAO()``) or written in full (``new x.dao.BoardDAO()``). A class imported through
    a wildcard is a candidate in each such package; linking keeps the project classes. JSP and
    Java comments create nothing."""
    links = set()
    for tag in _USE_BEAN.finditer(text):
        attrs = {k.lower(): v for k, v in _BEAN_CLASS.findall(tag.group(0))}
        if bean := attrs.get("class") or attrs.get("type"):
            links.add("class:" + bean)
    exact: dict[str, str] = {}
    wildcards: list[str] = []
    imports = (m.group(2) for d in _PAGE_DIRECTIVE.finditer(text) for m in _IMPORT.finditer(d[1]))
    for listed in imports:
        for name in listed.split(","):
            name = name.strip()
            if name.endswith(".*"):
                wildcards.append(name[:-2])
            elif name:
                exact[name.rpartition(".")[2]] = name
    for code in _scriptlets(text):
        for written in _NEW.findall(_without_comments(code)):
            created = re.sub(r"\s+", "", written)
            if "." in created:
                links.add("class:" + created)
            elif created in exact:
                links.add("class:" + exact[created])
            else:
                links.update(f"class:{package}.{created}" for package in wildcards)
    return links


def _scriptlets(text: str) -> Iterator[str]:
    """The code of a JSP's scriptlets, expressions and declarations (``<% .. %>``, ``<%= .. %>``,
    ``<%! .. %>``, ``<jsp:scriptlet>``, ``<jsp:expression>``, ``<jsp:declaration>``), JSP comments
    and directives left out. One pass each: an unclosed one ends the scan."""
    i = 0
    while (start := text.find("<%", i)) >= 0:
        if text.startswith("<%--", start):
            close, width = text.find("--%>", start + 4), 4
        else:
            close, width = text.find("%>", start + 2), 2
        if close < 0:
            break
        if text[start + 2 : start + 3] not in ("-", "@"):
            yield text[start + 2 : close].lstrip("=!")
        i = close + width
    for tag in ("scriptlet", "expression", "declaration"):
        opening, closing = f"<jsp:{tag}>", f"</jsp:{tag}>"
        i = 0
        while (start := text.find(opening, i)) >= 0:
            close = text.find(closing, start)
            if close < 0:
                break
            yield text[start + len(opening) : close]
            i = close + len(closing)


_CODE_TOKENS = re.compile(
    r"""/\*.*?(?:\*/|\Z)|//[^\n]*|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?""", re.S
)
"""Comments and string literals of Java code, each matched once (an unclosed one runs to the
end of its line, or of the code for a block comment): one linear pass."""


def _without_comments(code: str) -> str:
    """Java code with its comments and string literals blanked (``"http://h"`` is no comment,
    ``"new Foo()"`` creates nothing)."""
    return _CODE_TOKENS.sub(lambda m: " " if m.group(0)[0] == "/" else '""', code)


_SCRIPT_SRC = re.compile(
    r"""<script\b[^>]{0,300}?\bsrc\s*=\s*["']([^"'<>]+?\.js)(?:\?[^"'<>]*)?["']""", re.I
)
_HANDLER = re.compile(
    r"""(?=[oOhH])(?:\bon[a-z]{3,20}\s*=\s*(["'])(.{0,500}?)\1"""
    r"""|href\s*=\s*(["'])javascript:(.{0,500}?)\3)""",
    re.I | re.S,
)
_CALLED = re.compile(r"(?<![\w$.])([A-Za-z_$][\w$]*)\s*\(")
_JS_WORDS = frozenset(
    {"if", "for", "while", "switch", "catch", "function", "return", "typeof", "new"}
)


def _script_links(text: str) -> set[str]:
    """The own scripts a page includes (``script:js/app.js``) and the functions it calls from
    event attributes, ``javascript:`` links and its inline scripts (``call:login``), for
    :func:`msadecomp.ingest.scripts.follow_scripts`."""
    scripts = {
        SCRIPT_LINK + m.group(1).strip()
        for m in _SCRIPT_SRC.finditer(text)
        if "://" not in m.group(1) and not m.group(1).startswith("//")
    }
    if not scripts:
        return set()
    code = [m.group(2) or m.group(4) or "" for m in _HANDLER.finditer(text)]
    code += [m.group(1) for m in _SCRIPT.finditer(text)]
    calls = {
        CALL_LINK + m.group(1)
        for chunk in code
        for m in _CALLED.finditer(chunk)
        if m.group(1) not in _JS_WORDS
    }
    return scripts | calls if calls else set()


_TITLE = re.compile(r"<title[^>]*>(.{0,300}?)</title>(?:\s*<!--(.{0,200}?)-->)?", re.I | re.S)
_MARKUP = re.compile(r"<[^>]{0,300}>|\$\{[^}]{0,200}\}|#\{[^}]{0,200}\}|<%.{0,300}?%>", re.S)


def _title(text: str) -> str:
    """The page title without markup; the comment after it when the title has no words left."""
    m = _TITLE.search(text)
    if not m:
        return ""
    title = " ".join(_MARKUP.sub(" ", m.group(1)).split())
    if not re.search(r"\w", title) or (m.group(2) and not _HANGUL.search(title)):
        title = " ".join((m.group(2) or title).split())
    return title[:200]


_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _stem(path: str) -> str:
    """``src/main/webapp/WEB-INF/jsp/bbs/List.jsp`` -> ``src/main/webapp/WEB-INF/jsp/bbs/List``"""
    return path.rpartition("!/")[2].rpartition(".")[0] if "." in path else path


def _view_name(text: str) -> str | None:
    """A string that could name a view: ``bbs/List``, ``redirect:/x``, ``/WEB-INF/jsp/a.jsp``."""
    name = text.removeprefix("redirect:").removeprefix("forward:").strip()
    if not name or len(name) > 200 or any(c in name for c in " \t\n<>{}?=;,\"'"):
        return None
    name = name.strip("/")
    if "." in name.rpartition("/")[2]:
        base, _, ext = name.rpartition(".")
        if "." + ext.lower() not in VIEW_SUFFIXES:
            return None
        name = base
    return name or None


class _ViewIndex:
    """Views by the last segment of their stem, for suffix matching of view names."""

    def __init__(self, paths: Iterable[str]) -> None:
        self.by_last: dict[str, list[str]] = defaultdict(list)
        for p in paths:
            self.by_last[_stem(p).rpartition("/")[2]].append(p)

    def find(self, name: str) -> list[str]:
        last = name.rpartition("/")[2]
        return [p for p in self.by_last.get(last, ()) if ("/" + _stem(p)).endswith("/" + name)]


_TEMPLATE_TAIL = re.compile(r"(/\{[^/]*\})+$")


_ACTION_SUFFIX = re.compile(r"\.(action|do)$")
_METHOD_CALL = re.compile(r"!\w+$")


def _route(path: str) -> str:
    """A path without its Struts/Spring action suffix: ``/admin/users.action`` and a form's
    ``action="users"`` name the same route."""
    return _ACTION_SUFFIX.sub("", path)


class _EndpointIndex:
    """Endpoint handlers by exact path and by last path segment (links may omit a prefix or
    the ``.action``/``.do`` suffix)."""

    def __init__(self, endpoints: Sequence[Endpoint]) -> None:
        self.exact: dict[str, set[str]] = defaultdict(set)
        self.by_last: dict[str, list[str]] = defaultdict(list)
        for e in endpoints:
            handler = e.handler.split("#", 1)[0]
            path = _route("/" + e.path.strip("/"))
            # also without trailing path variables: script code appends ids to 'byid/'
            for p in {path, _TEMPLATE_TAIL.sub("", path) or path}:
                if handler not in self.exact[p]:
                    self.exact[p].add(handler)
                    self.by_last[p.rpartition("/")[2]].append(p)

    def find(self, link: str, base: str = "") -> set[str]:
        """Handlers of the endpoints ``link`` names; of several, those under ``base`` when
        any is (see :meth:`bases`)."""
        link = _route("/" + link.strip("/"))
        found = self._find(link, base)
        if not found and _METHOD_CALL.search(link):  # Struts 2 name!method on any action
            found = self._find(_METHOD_CALL.sub("", link), base)
        return found

    def _find(self, link: str, base: str = "") -> set[str]:
        if base and base + link in self.exact:
            return self.exact[base + link]
        if link in self.exact:
            return self.exact[link]
        out: set[str] = set()
        for path in self._paths(link):
            out |= self.exact[path]
        return out

    def _paths(self, link: str) -> Iterator[str]:
        for path in self.by_last.get(link.rpartition("/")[2], ()):
            if path.endswith(link) or link.endswith(path):
                yield path

    def bases(self, links: Iterable[str]) -> str:
        """The path a front end's requests go under, when the server's endpoints say so:
        litemall's admin pages request ``/coupon/list``, which ``/admin/coupon/list`` and
        ``/wx/coupon/list`` both end with, as all of its links end some ``/admin/...``
        endpoint. Each link that names some endpoint votes for the prefixes it could take,
        a share each; the prefix with more than half of the votes wins; "" when none has."""
        votes: dict[str, float] = defaultdict(float)
        linked = 0
        for link in sorted({_route("/" + link.strip("/")) for link in links}):
            prefixes = {path[: -len(link)] for path in self._paths(link) if path.endswith(link)}
            if link in self.exact:
                prefixes.add("")
            for prefix in prefixes:
                votes[prefix] += 1 / len(prefixes)
            linked += bool(prefixes)
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
        # more than half of the votes, so ahead of any other prefix
        return ranked[0][0] if ranked and ranked[0][1] * 2 > linked else ""


def front_root(path: str) -> str:
    """The project folder of a single-page front end's component (``litemall-admin/`` of
    ``litemall-admin/src/views/mall/brand.vue``), "" for any other view and for one under
    ``src/main`` (a server's pages)."""
    if not (
        path.lower().endswith(FRONT_PAGE_SUFFIXES)
        or _ANGULAR.search(path)
        or _ANGULAR_PLAIN.search(path)
    ):
        return ""
    inner = "/" + path.rpartition("!/")[2]
    if inner.lower().endswith(MINI_PROGRAM_PAGE):  # litemall-wx/pages/goods/goods.wxml
        mini = _MINI_PROGRAM_FOLDERS.search(inner)
        return inner[1 : mini.start() + 1] if mini else ""
    root, found, rest = inner.partition("/src/")
    if not found or rest.startswith("main/"):
        return ""
    return root.lstrip("/") + "/"


_WEB_NAME = re.compile(
    r"(Controller|Action|ActionBean|Servlet|Bean|JSF|Jsf|Page|Panel|Handler|Resource|Form|"
    r"Command|Wizard|Flow|View|Backing|Screen)$"
)
"""Class names of code that picks the view a request shows."""


_DATA_ONLY = frozenset({"RestController", "Path"})
"""Annotations of classes that answer with data, never a view: Spring's ``@RestController``,
JAX-RS resources (``@Path``)."""


def _web_classes(types: Sequence[JavaType], endpoints: Sequence[Endpoint]) -> set[str]:
    """Classes that may return a bare view name (``return "category"``): the handlers of
    endpoints, controllers and CDI/JSF beans, classes named like web code."""
    web = {e.handler.partition("#")[0] for e in endpoints}
    web.update(
        t.fqn for t in types if t.stereotype == "controller" or _WEB_NAME.search(t.simple_name)
    )
    return web


def _data_only(types: Sequence[JavaType]) -> set[str]:
    """REST controllers and resources: their bare strings are field and parameter names, no
    view names, not even as a guess (JHipster's ``UserResource`` sorts by ``"login"``)."""
    return {t.fqn for t in types if _DATA_ONLY & {a.rpartition(".")[2] for a in t.annotations}}


def _bare(text: str) -> bool:
    """A one-word string without path or extension (``category``): a view name only where
    web code returns it, a table, element or message key anywhere else (Java Pet Store's
    ``CategoryPopulator`` reads the ``Category`` element of its XML, no ``category.jsp``)."""
    name = text.removeprefix("redirect:").removeprefix("forward:").strip()
    return "/" not in name and "." not in name


def link_views(
    pages: Sequence[Page],
    endpoints: Sequence[Endpoint],
    strings: Mapping[str, Iterable[tuple[str, SourceRef]]],
    types: Sequence[JavaType],
    extra_beans: Mapping[str, str] | None = None,
) -> list[Page]:
    """Set each page's ``controllers``: the project classes behind it (see module docstring).

    ``extra_beans`` are bean names declared in XML (JSF ``faces-config.xml``, Spring) -> class.
    A component template is rendered by its class; one of no class is no view and left out.
    """
    templates = component_templates((p.path for p in pages), types)
    pages = [
        p
        for p in pages
        if p.path in templates or not markup_only(p.path) or _plain_angular(p.path)
    ]
    # a single-page front end's component is never rendered by a name the server returns
    views = _ViewIndex(p.path for p in pages if not p.path.lower().endswith(FRONT_PAGE_SUFFIXES))
    handlers = _EndpointIndex(endpoints)
    # view -> class -> segments of the longest name by which the class names the view: of the
    # classes naming a page, those giving most of its path render it (RuoYi's SysJobController
    # returns "monitor/job/add"; every controller mapping "/add" names some add.html)
    named: dict[str, dict[str, int]] = defaultdict(dict)
    # view -> classes naming it only by a bare word outside web code: a guess kept only for a
    # page nothing else ties to a class
    guessed: dict[str, set[str]] = defaultdict(set)
    web = _web_classes(types, endpoints)
    data_only = _data_only(types)
    for fqn, texts in strings.items():
        for text, _ in texts:
            name = _view_name(text)
            if name is not None and not (fqn in data_only and _bare(text)):
                depth = name.count("/") + 1
                weak = fqn not in web and _bare(text)
                for view in views.find(name):
                    if weak and fqn not in named[view]:
                        guessed[view].add(fqn)
                    elif not weak:
                        guessed[view].discard(fqn)
                    named[view][fqn] = max(depth, named[view].get(fqn, 0))
    returned: dict[str, set[str]] = {}
    for view, by_class in named.items():
        deepest = max(by_class.values())
        returned[view] = {fqn for fqn, depth in by_class.items() if depth == deepest}
    known = {t.fqn for t in types}
    beans: dict[str, set[str]] = defaultdict(set)
    for t in types:
        beans[t.simple_name[:1].lower() + t.simple_name[1:]].add(t.fqn)
        if t.bean_name:
            beans[t.bean_name].add(t.fqn)
    for name, cls in (extra_beans or {}).items():
        if cls in known:
            beans[name].add(cls)
    front: dict[str, list[str]] = defaultdict(list)
    for page in pages:
        front[front_root(page.path)].extend(page.links)
    bases = {root: handlers.bases(links) for root, links in front.items() if root}
    out = []
    for page in pages:
        named_by = set(returned.get(page.path, ()))
        renderers: set[str] = set()  # its component class and the beans it names
        if page.path in templates:
            renderers.add(templates[page.path])
        found: set[str] = set()
        for link in page.links:
            kind, _, value = link.partition(":") if ":" in link[:6] else ("", "", link)
            if kind == "class":  # stripes:link/form beanclass: a link to an action, like a URL
                found |= {value} & known
            elif kind == "bean":  # the longest dotted prefix naming a bean
                names = value.split(".")
                renderers |= next(
                    (
                        beans[name]
                        for n in range(len(names), 0, -1)
                        if (name := ".".join(names[:n])) in beans
                    ),
                    set(),
                )
            elif kind != "view":
                found |= handlers.find(link, bases.get(front_root(page.path), ""))
        if found | renderers | (named_by - guessed[page.path]):
            named_by -= guessed[page.path]  # a guess only where nothing else explains the page
        renderers |= named_by
        controllers = tuple(sorted(found | renderers))
        out.append(Page(page.path, page.links, controllers, tuple(sorted(renderers)), page.title))
    return sorted(out, key=lambda p: p.path)

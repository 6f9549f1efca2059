"""Web and persistence configuration in XML besides Spring beans, mappers and web.xml.

* Struts 1 ``struts-config.xml``: ``<action path="/login" type="a.LoginAction">`` serves
  ``/login.do``; its ``<forward path="...jsp">`` and ``input`` are the views it renders. Its
  ``name`` is a ``<form-bean>`` whose class is kept too: an action type outside the project
  (iBatis JPetStore 5's ``BeanAction``) runs a method of that form bean, which then handles
  the path.
* Struts 2 ``struts.xml``: ``<package namespace="/shop"><action name="cart" class="a.Cart">``
  serves ``/shop/cart.action`` (its ``method``, else ``execute``), and each of its
  ``<allowed-methods>`` as ``/shop/cart!save.action``; its ``<result>`` bodies are its views.
* Struts 2 Convention plugin (:func:`convention_actions`), when the application uses it: a class
  named ``*Action`` (or implementing ``Action``) in a package below a locator (``action``,
  ``actions``, ``struts``, ``struts2``) serves ``/<packages below the locator>/<name>.action``,
  its name in dashed lower case (``seamshop.action.checkout.PlaceOrderAction``:
  ``/checkout/place-order.action``); ``@Namespace`` and ``@Action``/``@Actions`` override
  that; its views are the templates ``<result path>/<namespace>/<name>[-<result>].jsp`` (or
  ``.ftl``, ``.vm``, ``.html``, ``.htm``) and its ``@Result(location=...)``.
* Spring MVC URL mappings in XML: ``SimpleUrlHandlerMapping`` ``mappings``/``urlMap`` entries
  and beans named like a path (``BeanNameUrlHandlerMapping``); the handler is a bean id.
* JSF ``faces-config.xml`` managed beans (names used in ``#{...}`` expressions).
* Hibernate ``*.hbm.xml``: ``<class name="a.Order" table="ORDERS">`` maps an entity to a table;
  so does JPA ``orm.xml``: ``<entity class="a.Order"><table name="ORDERS"/>``, and an EJB 2
  ``ejb-jar.xml`` entity bean its abstract schema (``<abstract-schema-name>Order``).
* Tiles ``tiles.xml`` (Tiles 2/3 ``<tiles-definitions>``, Struts 1 ``<component-definitions>``):
  a definition name returned by a controller or named by a Struts ``tiles`` result stands for
  the pages the definition itself puts in its layout (``<put-attribute name="content"
  value="/WEB-INF/jsps/admin/UserAdmin.jsp"/>``), not for the shared layout, header or footer
  it inherits.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from msadecomp.ingest.java_facts import Annotation, JavaFile, TypeDecl
from msadecomp.ingest.mapper_sql import local_name
from msadecomp.ingest.sql_tables import normalise_table
from msadecomp.ingest.text import strip_java_comments
from msadecomp.model import EJB_ENTITY, HIBERNATE_MAPPING, ORM_XML, Bean, Endpoint, SourceRef


@dataclass(frozen=True, slots=True)
class Action:
    """A request path served by a class (``cls``) or by a Spring bean (``bean``)."""

    path: str
    cls: str
    source: SourceRef
    views: tuple[str, ...] = ()
    bean: str = ""
    method: str = "execute"
    """The handler method the path runs (Struts 2 ``method="save"``)."""
    methods: tuple[str, ...] = ()
    """Further methods callable as ``name!method.action`` (Struts 2 ``<allowed-methods>``)."""
    form: str = ""
    """Class of the Struts 1 form bean the action is given (its ``name``), if any."""
    dispatched: bool = False
    """Mapped in Spring XML: served by the dispatcher servlet, under its path."""


@dataclass(frozen=True, slots=True)
class EntityMapping:
    cls: str
    table: str
    source: SourceRef
    via: str = HIBERNATE_MAPPING
    """Which mapping said so: one of :data:`msadecomp.model.MAPPINGS`."""


def _text(el: ET.Element, name: str) -> str:
    for child in el:
        if local_name(child.tag) == name:
            return (child.text or "").strip()
    return ""


_COMMENT = re.compile(r"<!--.*?-->", re.S)


def action_lines(text: str, attr: str) -> dict[str, int]:
    """Line of each ``<action>`` element by its ``attr`` value (first declaration), in one pass:
    ElementTree keeps no line numbers, and an endpoint should say where it is declared.

    >>> action_lines('<!-- <action name="a"/>\\n -->\\n<action name="a"/>', "name")
    {'a': 3}
    """
    pattern = re.compile(
        rf"""<(?:[\w.-]+:)?action\b[^>]{{0,2000}}?\b{attr}\s*=\s*["']([^"']*)["']"""
    )
    text = _COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)  # keeps line numbers
    lines: dict[str, int] = {}
    line, at = 1, 0
    for m in pattern.finditer(text):
        line += text.count("\n", at, m.start())
        at = m.start()
        lines.setdefault(m.group(1), line)
    return lines


def read_struts1(path: str, root: ET.Element, text: str = "") -> list[Action]:
    out = []
    lines = action_lines(text, "path")
    forms = {
        str(el.get("name")): str(el.get("type"))
        for el in root.iter()
        if local_name(el.tag) == "form-bean" and el.get("name") and el.get("type")
    }
    for el in root.iter():
        if local_name(el.tag) != "action" or not el.get("path") or not el.get("type"):
            continue
        views = [f.get("path", "") for f in el if local_name(f.tag) == "forward"]
        views.append(el.get("input", ""))
        action = "/" + str(el.get("path")).strip("/")
        out.append(
            Action(
                action if "." in action.rpartition("/")[2] else action + ".do",
                str(el.get("type")),
                SourceRef(path, lines.get(str(el.get("path")))),
                tuple(v for v in views if v),
                form=forms.get(el.get("name") or "", ""),
            )
        )
    return out


def read_struts2(path: str, root: ET.Element, text: str = "") -> list[Action]:
    out = []
    lines = action_lines(text, "name")
    for package in root.iter():
        if local_name(package.tag) != "package":
            continue
        namespace = (package.get("namespace") or "").strip("/")
        for el in package:
            if local_name(el.tag) != "action" or not el.get("name") or not el.get("class"):
                continue
            views = [(r.text or "").strip() for r in el if local_name(r.tag) == "result"]
            name = str(el.get("name")).strip("/")
            url = "/" + "/".join(p for p in (namespace, name) if p) + ".action"
            method = (el.get("method") or "execute").strip()
            allowed = [
                m.strip()
                for a in el
                if local_name(a.tag) == "allowed-methods"
                for m in (a.text or "").split(",")
                if m.strip().isidentifier() and m.strip() != method
            ]
            out.append(
                Action(
                    url,
                    str(el.get("class")),
                    SourceRef(path, lines.get(str(el.get("name")))),
                    tuple(v for v in views if v),
                    method=method if method.isidentifier() else "execute",
                    methods=tuple(dict.fromkeys(allowed)),
                )
            )
    return out


CONVENTION = "struts.convention."
"""Prefix of the Convention plugin's constants (``struts.convention.result.path``)."""

_CONVENTION_DEFAULTS = {
    "package.locators": "action,actions,struts,struts2",
    "action.suffix": "Action",
    "result.path": "/WEB-INF/content/",
    "action.name.separator": "-",
    "action.name.lowercase": "true",
    "action.mapAllMatches": "false",
    "action.alwaysMapExecute": "true",
}
_TEMPLATE = re.compile(r"(?i)\.(jsp|ftl|vm|html?)$")
_WEB_ROOT = re.compile(r"(?i)(?:^|/)(?:webapp|WebContent|WebRoot)/|/(?=WEB-INF/)")
"""Where a web application's root folder ends: its conventional name, else above ``WEB-INF``."""
_PACKAGE_NAMESPACE = re.compile(
    r"@(?:[\w.]+\.)?Namespace\s*\(\s*(?:value\s*=\s*)?\"([^\"]*)\"[^)]*\)(?=[^;]*\bpackage\b)"
)

_Found = tuple[str, str, str, str, SourceRef, tuple[str, ...]]
"""(namespace, action name, class, method, where, result locations) of one action."""


def struts_convention(root: ET.Element) -> dict[str, str] | None:
    """The Convention plugin's constants a ``struts.xml`` sets (without their prefix), or
    ``None`` when it neither sets one nor has a package extending ``convention-default``."""
    settings = {
        str(el.get("name")).removeprefix(CONVENTION): (el.get("value") or "").strip()
        for el in root.iter()
        if local_name(el.tag) == "constant" and (el.get("name") or "").startswith(CONVENTION)
    }
    extends = (
        p.strip()
        for el in root.iter()
        if local_name(el.tag) == "package"
        for p in (el.get("extends") or "").split(",")
    )
    return settings if settings or "convention-default" in extends else None


def convention_name(
    simple: str, suffix: str = "Action", separator: str = "-", lower: bool = True
) -> str:
    """The name the plugin's name builder makes of a class name (or of the dotted packages
    below a locator): without a ``suffix`` it ends with (a comma-separated list), a
    ``separator`` before each capital that follows a character other than a capital (so only
    before the first of a run of capitals), then lower case.

    >>> convention_name("PlaceOrderAction"), convention_name("ShowHTMLReportAction")
    ('place-order', 'show-htmlreport')
    >>> convention_name("URLAction"), convention_name("admin.userTools")
    ('u-rl', 'admin.user-tools')
    """
    name = simple
    for end in (s.strip() for s in suffix.split(",")):
        if end and name.endswith(end) and name != end:
            name = name[: -len(end)]
    out = [name[:1]]
    after_capital = False  # the first character never gets a separator, the second may
    for c in name[1:]:
        if c.isupper() and not after_capital:
            out.append(separator)
        after_capital = c.isupper()
        out.append(c)
    return "".join(out).lower() if lower else "".join(out)


def package_namespace(text: str) -> str | None:
    """The ``@Namespace`` a ``package-info.java`` puts on its package's actions, if any."""
    found = _PACKAGE_NAMESPACE.search(strip_java_comments(text))
    return found.group(1) if found else None


def _ann(decl: TypeDecl | None, name: str, anns: Iterable[Annotation] = ()) -> list[Annotation]:
    found = [*anns, *(decl.annotations if decl else ())]
    return [a for a in found if a.name.rpartition(".")[2] == name]


def convention_actions(
    files: Iterable[JavaFile],
    settings: Mapping[str, str],
    views: Iterable[str],
    package_namespaces: Mapping[str, str] | None = None,
) -> list[Action]:
    """Actions of the Convention plugin in ``files`` (``settings``: its constants without the
    prefix); ``views``: the project's view files, whose templates named by the convention
    become the actions' views; ``package_namespaces``: the ``@Namespace`` of a package's
    ``package-info.java`` (:func:`package_namespace`), by package."""
    conf = {**_CONVENTION_DEFAULTS, **settings}
    files = list(files)
    locators = [x.strip() for x in conf["package.locators"].split(",") if x.strip()]
    suffixes = [x.strip() for x in conf["action.suffix"].split(",") if x.strip()] or ["Action"]
    rules = _Rules(
        ",".join(suffixes),
        conf["action.name.separator"],
        conf["action.name.lowercase"].strip().lower() != "false",
        conf["action.mapAllMatches"].strip().lower() == "true",
        conf["action.alwaysMapExecute"].strip().lower() != "false",
        _with_execute(files),
    )
    result_path = "/" + conf["result.path"].strip().strip("/")
    found: list[_Found] = []
    for f in files:
        parts = f.package.split(".")
        if not any(p in locators for p in parts):
            continue
        namespace = (package_namespaces or {}).get(f.package)
        if namespace is None:
            namespace = _package_namespace(f.package, locators, rules)
        for t in f.types:
            named = any(t.name.endswith(s) and t.name != s for s in suffixes)
            implements = any(i.rpartition(".")[2] == "Action" for i in t.implements)
            if "." in t.name or t.kind != "class" or t.abstract or not (named or implements):
                continue
            found += _class_actions(f, t, namespace, rules)
    names: dict[str, set[str]] = {}
    for space, name, *_ in found:
        names.setdefault(space, set()).add(name)
    rendered = _templates(views, result_path, names)
    out = []
    for space, name, fqn, method, ref, located in found:
        folder = f"{result_path}/{space}/".replace("//", "/")
        pages = [*rendered.get((space, name), ())]
        pages += [loc if loc.startswith("/") else folder + loc for loc in located]
        url = "/" + "/".join(p for p in (space, name) if p) + ".action"
        out.append(Action(url, fqn, ref, tuple(dict.fromkeys(pages)), method=method))
    return out


@dataclass(frozen=True)
class _Rules:
    suffix: str
    separator: str
    lower: bool
    map_all: bool
    """``action.mapAllMatches``: a class without an ``@Action`` is an action even without an
    ``execute`` method."""
    always_execute: bool
    """``action.alwaysMapExecute``: ``execute`` is mapped beside methods' ``@Action``s."""
    executes: Callable[[JavaFile, TypeDecl], bool]

    def name(self, text: str) -> str:
        return convention_name(text, self.suffix, self.separator, self.lower)


def _package_namespace(package: str, locators: Iterable[str], rules: _Rules) -> str:
    """The namespace the plugin makes of the packages below the last ``.<locator>.`` in
    ``package`` (of the last locator listed that has one), through its name builder."""
    below = None
    for locator in locators:
        at = package.rfind(f".{locator}.")
        if at >= 0:
            below = package[at + len(locator) + 2 :]
    return rules.name(below).replace(".", "/") if below else ""


def _with_execute(files: Iterable[JavaFile]) -> Callable[[JavaFile, TypeDecl], bool]:
    """Whether a class has an ``execute`` method: its own or one of its project superclasses',
    or it implements ``Action`` or extends a class outside the project (``ActionSupport``)."""
    types: dict[str, list[TypeDecl]] = {}
    for f in files:
        for t in f.types:
            types.setdefault(t.name.rpartition(".")[2], []).append(t)
    memo: dict[int, bool] = {}

    def executes(t: TypeDecl, seen: frozenset[int] = frozenset()) -> bool:
        if id(t) in memo:
            return memo[id(t)]
        has = any(m.name == "execute" and not m.params for m in t.methods) or any(
            i.rpartition(".")[2] == "Action" for i in t.implements
        )
        for sup in t.extends if not has and id(t) not in seen else ():
            supers = types.get(sup.partition("<")[0].rpartition(".")[2], [])
            has = not supers or any(executes(s, seen | {id(t)}) for s in supers)
            if has:
                break
        memo[id(t)] = has
        return has

    return lambda f, t: executes(t)


def _class_actions(f: JavaFile, t: TypeDecl, namespace: str, rules: _Rules) -> list[_Found]:
    """Each action of class ``t``, as PackageBasedActionConfigBuilder maps them: the class's
    ``@Action``s in its namespace; a method's in its namespace too unless the value has a '/'
    (``/reports/list``, ``reports/list``: the part before the last '/' is the namespace); and
    ``execute`` under the class's own name, unless an ``@Action`` maps ``execute`` or has no
    value, the class has ``@Action``s of its own, or it has no ``execute``."""
    ns = next((a.value for a in _ann(t, "Namespace") if a.value is not None), None)
    namespace = (ns if ns is not None else namespace).strip("/")
    located = tuple(
        loc for a in _ann(t, "Result") if (loc := a.get("location")) and _TEMPLATE.search(loc)
    )
    default = rules.name(t.name)
    executes = rules.executes(f, t)
    mapped: list[tuple[str, str, str]] = []  # (namespace, name, method)
    unnamed = False  # a method's @Action without a value takes the class's own name
    for m in t.methods:
        for a in _ann(None, "Action", m.annotations):
            value = (a.value or "").strip()
            space, slash, name = value.rpartition("/")
            mapped.append((space if slash else namespace, name or default, m.name))
            unnamed |= not value
    by_class = [
        (namespace, (a.value or "").strip().rpartition("/")[2] or default, "execute")
        for a in _ann(t, "Action")
    ]
    plain_execute = (
        executes
        and not by_class
        and all(m != "execute" for *_, m in mapped)
        and not unnamed
        and (rules.always_execute or not mapped)
    )
    if plain_execute or (rules.map_all and not mapped and not by_class):
        mapped.insert(0, (namespace, default, "execute"))
    ref = SourceRef(f.path, t.line)
    fqn = f"{f.package}.{t.name}"
    return [
        (space.strip("/"), name, fqn, method, ref, located)
        for space, name, method in [*mapped, *by_class]
    ]


def _templates(
    views: Iterable[str], result_path: str, names: Mapping[str, set[str]]
) -> dict[tuple[str, str], list[str]]:
    """The templates below ``result_path`` by the (namespace, action) whose views they are:
    ``<name>`` or ``<name>-<result>`` in the namespace's folder, of the longest such name
    (``order-items.jsp`` is the ``order-items`` action's, where there is one, else the
    ``order`` action's ``items`` result). One look-up per ``-`` of a template's name."""
    out: dict[tuple[str, str], list[str]] = {}
    for view in views:
        below = _below(view.replace("\\", "/"), result_path)
        if below is None or not _TEMPLATE.search(below):
            continue
        folder, _, file = below.rpartition("/")
        space = folder.strip("/")
        actions = names.get(space)
        if not actions:
            continue
        stem = _TEMPLATE.sub("", file)
        while stem not in actions and "-" in stem:
            stem = stem.rpartition("-")[0]
        if stem in actions:
            location = f"{result_path}/{space}/{file}".replace("//", "/")
            out.setdefault((space, stem), []).append(location)
    return out


def _below(view: str, result_path: str) -> str | None:
    """``view``'s path below ``result_path`` (``/`` the web application's root), or None."""
    path = "/" + view.lstrip("/")
    if result_path == "/":
        root = _WEB_ROOT.search(path)
        return path[root.end() :] if root else None
    at = path.find(result_path + "/")
    return path[at + len(result_path) :] if at >= 0 else None


def read_url_mappings(path: str, root: ET.Element) -> list[Action]:
    """Spring XML handler mappings: path -> bean id (resolved later to the bean's class)."""
    out = []
    for bean in root.iter():
        if local_name(bean.tag) != "bean":
            continue
        name = (bean.get("name") or bean.get("id") or "").split(",")[0].strip()
        if name.startswith("/") and bean.get("class"):
            out.append(Action(name, str(bean.get("class")), SourceRef(path), dispatched=True))
        if not (bean.get("class") or "").endswith("UrlHandlerMapping"):
            continue
        for el in bean.iter():
            tag = local_name(el.tag)
            if tag == "prop" and el.get("key") and el.text:
                key, bean_id = str(el.get("key")), el.text.strip()
                out.append(Action(key, "", SourceRef(path), bean=bean_id, dispatched=True))
            elif tag == "entry" and el.get("key"):
                target = el.get("value-ref") or el.get("value") or ""
                if target:
                    key = str(el.get("key"))
                    out.append(Action(key, "", SourceRef(path), bean=target, dispatched=True))
    return out


def read_faces_config(path: str, root: ET.Element) -> list[Bean]:
    out = []
    for el in root.iter():
        if local_name(el.tag) == "managed-bean":
            name, cls = _text(el, "managed-bean-name"), _text(el, "managed-bean-class")
            if name and cls:
                out.append(Bean(name, cls, SourceRef(path)))
    return out


_TILES_VIEW = re.compile(r"\.(jspx?|jspf|xhtml|html?|vm|ftl|ftlh)$", re.I)


def read_tiles(path: str, root: ET.Element) -> dict[str, tuple[str, ...]]:
    """Definition name -> the view paths it puts in its layout (its template or Struts 1
    ``path`` when it puts none of its own); wildcard definitions (``*/*``) are left to the
    view-name matching they stand for."""
    out: dict[str, tuple[str, ...]] = {}
    for definition in root.iter():
        if local_name(definition.tag) != "definition":
            continue
        name = (definition.get("name") or "").strip()
        if not name or "*" in name or "{" in name:
            continue
        own = [
            v
            for el in definition.iter()
            if local_name(el.tag) in ("put-attribute", "put", "add-attribute")
            and _TILES_VIEW.search(v := (el.get("value") or el.text or "").strip())
        ]
        layout = (definition.get("template") or definition.get("path") or "").strip()
        views = own or ([layout] if _TILES_VIEW.search(layout) else [])
        if views:
            out[name] = tuple(dict.fromkeys(views))
    return out


def read_orm_xml(path: str, root: ET.Element) -> list[EntityMapping]:
    """JPA ``orm.xml``: each ``<entity>`` with its ``<table name>`` (default: the entity name,
    else the class's simple name)."""
    package = ""
    out = []
    for el in root.iter():
        tag = local_name(el.tag)
        if tag == "package" and el.text:
            package = el.text.strip()
        if tag != "entity" or not el.get("class"):
            continue
        cls = str(el.get("class")).strip()
        cls = cls if "." in cls or not package else f"{package}.{cls}"
        table = next(
            (t.get("name") for t in el if local_name(t.tag) == "table" and t.get("name")),
            None,
        )
        name = table or el.get("name") or cls.rpartition(".")[2]
        out.append(EntityMapping(cls, normalise_table(name), SourceRef(path), ORM_XML))
    return out


COMPONENT_INTERFACES = (
    "home",
    "remote",
    "local-home",
    "local",
    "business-local",
    "business-remote",
    "service-endpoint",
)
"""Elements of an ``ejb-jar.xml`` bean naming its interfaces (EJB 2 homes and component
interfaces, EJB 3 business interfaces, a JAX-RPC endpoint)."""


def read_ejb_jar(
    path: str, root: ET.Element
) -> tuple[list[EntityMapping], list[Bean], list[Endpoint]]:
    """EJB 2 ``ejb-jar.xml``: each ``<entity>`` bean maps its abstract schema (default: its
    EJB name) to a table of that name; every bean is one the container creates, implementing
    for it the interfaces it names (:data:`COMPONENT_INTERFACES`), and a message-driven bean
    listens (a ``JMS`` endpoint) to the destination its ``destination`` or
    ``destinationLookup`` activation property, its ``message-destination-link`` or its
    ``mapped-name`` names (``?`` when none does)."""
    mappings, beans, listeners = [], [], []
    for el in root.iter():
        tag = local_name(el.tag)
        if tag not in ("entity", "session", "message-driven"):
            continue
        name, cls = _text(el, "ejb-name"), _text(el, "ejb-class")
        if not name or not cls:
            continue
        interfaces = tuple(
            dict.fromkeys(i for role in COMPONENT_INTERFACES if (i := _text(el, role)))
        )
        beans.append(Bean(name, cls, SourceRef(path), interfaces=interfaces))
        if tag == "entity":
            table = _text(el, "abstract-schema-name") or name
            mappings.append(
                EntityMapping(cls, normalise_table(table), SourceRef(path), EJB_ENTITY)
            )
        elif tag == "message-driven":
            queue = _activation(el) or _text(el, "message-destination-link")
            queue = queue or _text(el, "mapped-name") or "?"
            listeners.append(Endpoint(queue, "JMS", f"{cls}#onMessage", SourceRef(path)))
    return mappings, beans, listeners


def _activation(bean: ET.Element) -> str:
    """The destination a message-driven bean's activation config names, or ``""``."""
    for prop in bean.iter():
        if local_name(prop.tag) != "activation-config-property":
            continue
        if _text(prop, "activation-config-property-name") in ("destination", "destinationLookup"):
            return _text(prop, "activation-config-property-value")
    return ""


NAMED_QUERY_TAGS = frozenset({"named-query", "named-native-query", "query", "sql-query"})


def read_named_queries(path: str, root: ET.Element) -> list[tuple[str, str, SourceRef]]:
    """(name, query, where) of the queries JPA ``orm.xml`` (``<named-query name><query>``,
    ``<named-native-query>``) and Hibernate ``hbm.xml`` (``<query name>``, ``<sql-query>``)
    declare for code to run by name."""
    out = []
    for el in root.iter():
        name = el.get("name")
        if local_name(el.tag) not in NAMED_QUERY_TAGS or not name:
            continue
        inner = next((q for q in el if local_name(q.tag) == "query"), el)
        text = "".join(inner.itertext()).strip()
        if text:
            out.append((name.strip(), text, SourceRef(path)))
    return out


def read_hibernate_mapping(path: str, root: ET.Element) -> list[EntityMapping]:
    package = root.get("package", "")
    out = []
    for el in root.iter():
        if local_name(el.tag) not in ("class", "subclass", "joined-subclass", "union-subclass"):
            continue
        name = el.get("name") or ""
        if not name:
            continue
        cls = name if "." in name or not package else f"{package}.{name}"
        table = el.get("table") or name.rpartition(".")[2]
        out.append(EntityMapping(cls, table.strip('`"[]').upper(), SourceRef(path)))
    return out

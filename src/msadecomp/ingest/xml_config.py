"""Read the XML files of a Java web application: MyBatis 3 mappers, iBatis 2 sqlMaps, Spring bean
definitions and URL mappings, web.xml, Struts 1/2 actions, JSF managed beans and Hibernate
mappings, JPA ``orm.xml`` and Tiles definitions (see :mod:`.web_config`). Other XML (build
files, logging) is ignored.

Parsing goes through defusedxml, so entity expansion bombs and external entities are refused;
a broken or hostile file becomes a diagnostic with its line, never an exception.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from msadecomp.ingest.gwt import MODULE_SUFFIX, client_paths
from msadecomp.ingest.liquibase import ROOT as LIQUIBASE_ROOT
from msadecomp.ingest.liquibase import changelog_sql
from msadecomp.ingest.mapper_sql import MAX_EXPANDED_CHARS, MapperSql, local_name
from msadecomp.ingest.sql_script import decode_script
from msadecomp.ingest.sql_tables import normalise_table, tables_in
from msadecomp.ingest.web_config import (
    Action,
    EntityMapping,
    read_ejb_jar,
    read_faces_config,
    read_hibernate_mapping,
    read_named_queries,
    read_orm_xml,
    read_struts1,
    read_struts2,
    read_tiles,
    read_url_mappings,
    struts_convention,
)
from msadecomp.model import Bean, Diagnostic, Endpoint, Severity, SourceRef, SqlStatement

STATEMENT_TAGS = frozenset({"select", "insert", "update", "delete", "statement", "procedure"})


@dataclass(frozen=True, slots=True)
class Servlet:
    """A servlet declared in web.xml with the URL patterns mapped to it (a filter serves no
    request of its own: it wraps those of the paths it is mapped to)."""

    name: str
    cls: str
    patterns: tuple[str, ...]
    source: SourceRef


@dataclass(frozen=True, slots=True)
class SpringListener:
    """A JMS listener declared in Spring XML: a ``DefaultMessageListenerContainer`` (or
    ``SimpleMessageListenerContainer``) bean, or a ``<jms:listener>``. ``destination`` is the
    queue or topic when the XML names it, else ``destination_bean`` the id of the destination
    bean it refers to; ``bean`` the listener's bean id, else ``cls`` its class (an inner
    bean)."""

    destination: str
    destination_bean: str
    bean: str
    cls: str
    method: str
    source: SourceRef


@dataclass(slots=True)
class XmlFacts:
    statements: list[SqlStatement] = field(default_factory=list)
    beans: list[Bean] = field(default_factory=list)
    servlets: list[Servlet] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    """Request paths served by classes or beans: Struts actions, Spring XML URL mappings."""
    entities: list[EntityMapping] = field(default_factory=list)
    """Hibernate ``hbm.xml``, JPA ``orm.xml`` and EJB 2 ``ejb-jar.xml`` class-to-table
    mappings."""
    named_queries: list[tuple[str, str, SourceRef]] = field(default_factory=list)
    """(name, query, where): JPA ``orm.xml`` and Hibernate ``hbm.xml`` named queries."""
    listeners: list[Endpoint] = field(default_factory=list)
    """Message-driven beans declared in ``ejb-jar.xml``, as ``JMS`` endpoints."""
    spring_listeners: list[SpringListener] = field(default_factory=list)
    """JMS listeners Spring XML wires (resolved to endpoints by
    :func:`msadecomp.ingest.links.entry_points`)."""
    destination_beans: dict[str, str] = field(default_factory=dict)
    """Bean id -> the queue or topic a destination bean of Spring XML names
    (``<bean id="topicDestination" class="...ActiveMQTopic"><constructor-arg value="t"/>``)."""
    changelogs: list[tuple[str, str]] = field(default_factory=list)
    """(path, SQL): Liquibase changelogs' table changes as DDL (:mod:`.liquibase`)."""
    view_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Tiles definition names and view-alias keys (:mod:`.named_files`) -> the views they
    stand for."""
    gwt_modules: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    """(path, source paths, super-source paths) of each GWT module (:mod:`.gwt`)."""
    struts_convention: dict[str, str] | None = None
    """The Struts 2 Convention plugin's constants (without ``struts.convention.``) when the
    application uses the plugin (a ``struts.xml`` package extending ``convention-default`` or
    setting one, or the plugin among a ``pom.xml``'s dependencies), else ``None``."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)
    parsed_by: dict[str, int] = field(default_factory=dict)
    """Mapper statements read by ``sqlglot`` and by the ``scanner`` fallback."""


_local = local_name
_COMMENTS = re.compile(r"<!--.*?-->", re.S)


def read_xml(path: str, data: bytes, facts: XmlFacts, dialect: str | None = None) -> None:
    """Add what one XML file declares to ``facts``; ``dialect`` (sqlglot's name) reads its SQL."""
    text, replaced = _decode(data)
    if replaced:
        facts.diagnostics.append(
            Diagnostic(
                Severity.WARNING,
                "xml.lossy-decoding",
                f"{replaced} undecodable byte sequence(s) replaced; names read may be incomplete",
                SourceRef(path),
            )
        )
    named = root_name(text)
    if named == "project" and "struts2-convention-plugin" in _COMMENTS.sub("", text):
        facts.struts_convention = facts.struts_convention or {}  # a pom.xml's dependency
    if path.endswith(MODULE_SUFFIX):  # a GWT module: which folders hold browser code
        root = _parse(path, text, facts) if named in (None, "module") else None
        if root is not None and _local(root.tag) == "module":
            facts.kinds["GWT module"] = facts.kinds.get("GWT module", 0) + 1
            facts.gwt_modules.append((path, *client_paths(root)))
        return
    if named is not None and named not in _KINDS:
        return  # no configuration we read (a build file, sample data, a log setup)
    root = _parse(path, text, facts)
    if root is None:
        return
    kind = _local(root.tag)
    label = _KINDS.get(kind)
    if label is None:
        return
    facts.kinds[label] = facts.kinds.get(label, 0) + 1
    if label == "mapper":
        _read_mapper(path, root, text, facts, dialect)
    elif label == "spring":
        _read_beans(path, root, facts)
        facts.actions.extend(read_url_mappings(path, root))
    elif label == "web.xml":
        _read_web_xml(path, root, facts)
    elif kind == "struts-config":
        facts.actions.extend(read_struts1(path, root, text))
    elif kind == "struts":
        facts.actions.extend(read_struts2(path, root, text))
        convention = struts_convention(root)
        if convention is not None:
            facts.struts_convention = {**(facts.struts_convention or {}), **convention}
    elif label == "faces-config":
        facts.beans.extend(read_faces_config(path, root))
    elif label == "tiles":
        facts.view_aliases.update(read_tiles(path, root))
    elif label == "orm.xml":
        facts.entities.extend(read_orm_xml(path, root))
        facts.named_queries.extend(read_named_queries(path, root))
    elif label == "liquibase changelog":
        facts.changelogs.append((path, changelog_sql(text, root)))
    elif label == "ejb-jar.xml":
        mappings, beans, listeners = read_ejb_jar(path, root)
        facts.entities.extend(mappings)
        facts.beans.extend(beans)
        facts.listeners.extend(listeners)
    else:
        facts.entities.extend(read_hibernate_mapping(path, root))
        facts.named_queries.extend(read_named_queries(path, root))


_KINDS = {
    "mapper": "mapper",
    "sqlMap": "mapper",
    "beans": "spring",
    "web-app": "web.xml",
    "struts-config": "struts",
    "struts": "struts",
    "faces-config": "faces-config",
    "hibernate-mapping": "hibernate mapping",
    "entity-mappings": "orm.xml",
    "ejb-jar": "ejb-jar.xml",
    LIQUIBASE_ROOT: "liquibase changelog",
    "tiles-definitions": "tiles",
    "component-definitions": "tiles",
}
"""Root element -> the kind of XML file it starts (counted in the model's file counts)."""


@dataclass(frozen=True, slots=True)
class UnreadXml:
    """A kind of XML msadecomp recognises but does not read, and what is missed for it."""

    root: str
    """The document's root element."""
    marker: re.Pattern[str]
    """What its text must also hold (a root name alone may be another tool's)."""
    label: str
    missed: str


UNREAD_XML = (
    UnreadXml(
        "entitymodel",
        re.compile(r"<(?:entity|view-entity|extend-entity)\b"),
        "OFBiz entity model",
        "the tables their `<entity>` elements define, and the data access through OFBiz's "
        "entity engine, are not seen: tables and their owners are missing from the report",
    ),
    UnreadXml(
        "services",
        re.compile(r"<service\b[^>]*\bengine\s*="),
        "OFBiz service definition",
        "the services they declare and their Java, Groovy or simple-method implementations "
        "are not seen as endpoints, nor the calls between them",
    ),
)
"""XML of frameworks msadecomp does not analyse, said once per kind in a warning
(:func:`unread_xml`)."""


def unread_xml(data: bytes) -> UnreadXml | None:
    """The kind of unread XML ``data`` is, read from its first 64 KiB, or ``None``."""
    text = xml_text(data[: 1 << 16])
    root = root_name(text)
    return next((k for k in UNREAD_XML if k.root == root and k.marker.search(text)), None)


_PROLOG = re.compile(
    r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE\b[^\[>]*(?:\[.*?\]\s*)?>)", re.S | re.I
)
_ROOT = re.compile(r"\s*<(?:[\w.-]+:)?([A-Za-z_][\w.-]*)")


def root_name(text: str) -> str | None:
    """The local name of a document's root element, read past its prolog (declaration,
    comments, processing instructions, a DOCTYPE with its internal subset) without parsing
    the document; ``None`` when it cannot be told that way.

    >>> root_name('<?xml version="1.0"?><!-- x --><!DOCTYPE a [<!ENTITY e "v">]><beans:beans/>')
    'beans'
    """
    at = 0
    while prolog := _PROLOG.match(text, at):
        at = prolog.end()
    root = _ROOT.match(text, at)
    return root.group(1) if root else None


_DECLARED = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([\w.:-]+)[\"']")
_ENCODING_ATTR = re.compile(r"^(\s*<\?xml[^>]*?)\sencoding\s*=\s*[\"'][\w.:-]+[\"']")


def xml_text(data: bytes) -> str:
    """Decode XML bytes by their declared encoding (EUC-KR included, which expat cannot read),
    falling back to UTF-8/CP949 detection; the declaration's encoding is dropped from the text."""
    return _decode(data)[0]


def _decode(data: bytes) -> tuple[str, int]:
    """The text and how many byte sequences no encoding could read (replaced by U+FFFD)."""
    declared = _DECLARED.match(data)
    decoded, replaced = decode_script(
        data, declared.group(1).decode("ascii") if declared else None
    )
    return _ENCODING_ATTR.sub(r"\1", decoded.text.lstrip("\ufeff"), count=1), replaced


_TEMPLATE = re.compile(
    r"<#(?:list|if|include|assign|macro)\b|^[ \t]*#(?:foreach|if|set)\s*\(", re.M
)


_PROLOG_ITEM = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->", re.S)
_DOCTYPE_HEAD = re.compile(r"<!DOCTYPE\b[^\[>]{0,2000}\[")
_SUBSET_ITEM = re.compile(
    r"\s+|<!--.*?-->"
    r"|<!ENTITY\s+([\w.-]+)\s+(?:SYSTEM|PUBLIC)\s+(?:\"[^\"]*\"|'[^']*')"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*>",
    re.S,
)
_SUBSET_END = re.compile(r"\]\s*>")
_PROLOG_LIMIT = 25_000


def _without_external_entities(text: str) -> tuple[str, list[str]] | None:
    """A document whose DOCTYPE declares external entities and nothing else (Hibernate
    mappings sharing a fragment of properties: ``<!ENTITY props SYSTEM "classpath://...">``,
    then ``&props;`` in each ``<class>``, 77 of DHIS2's mappings): the text without the
    declarations and with the references dropped, and the entities' names. None for any other
    document: an internal entity (the billion-laughs bomb) stays refused, and nothing is ever
    fetched or read from a file. The prolog and the internal subset are walked item by item
    (comments holding ``]`` or a DOCTYPE included), in one linear pass."""
    at = 0
    while (item := _PROLOG_ITEM.match(text, at)) and at < _PROLOG_LIMIT:
        at = item.end()
    head = _DOCTYPE_HEAD.match(text, at)
    if head is None:
        return None
    names: list[str] = []
    at = head.end()
    while (item := _SUBSET_ITEM.match(text, at)) and at < _PROLOG_LIMIT:
        if item.group(1):
            names.append(item.group(1))
        at = item.end()
    end = _SUBSET_END.match(text, at)
    if end is None or not names:
        return None
    rest = text[end.end() :]
    for name in names:
        rest = rest.replace(f"&{name};", "")
    lines = "\n" * text.count("\n", head.end(), end.end())  # so every line keeps its number
    return text[: head.end() - 1] + ">" + lines + rest, names


def _parse(path: str, text: str, facts: XmlFacts) -> ET.Element | None:
    try:
        root: ET.Element = SafeET.fromstring(text)
        return root
    except DefusedXmlException as err:
        stripped = _without_external_entities(text)
        line, message = None, f"refused unsafe XML ({type(err).__name__}): {err}"
        if stripped is not None:
            try:  # one more parse, of the text without the declarations; never a third
                root = SafeET.fromstring(stripped[0])
            except (ET.ParseError, DefusedXmlException, ValueError, LookupError) as again:
                message = f"unreadable XML without its external entities: {again}"
                if isinstance(again, ET.ParseError) and again.position:
                    line = again.position[0]
            else:
                facts.diagnostics.append(
                    Diagnostic(
                        Severity.INFO,
                        "xml.external-entity",
                        "external entities not expanded (read without them): "
                        + ", ".join(stripped[1]),
                        SourceRef(path),
                    )
                )
                return root
    except ET.ParseError as err:
        line = err.position[0] if err.position else None
        message = f"broken XML: {err.msg if hasattr(err, 'msg') else err}"
        if _TEMPLATE.search(text):  # an XML view written in a template language
            facts.diagnostics.append(
                Diagnostic(
                    Severity.INFO,
                    "xml.template",
                    "an XML template (FreeMarker or Velocity directives), not configuration: "
                    "not read",
                    SourceRef(path, line),
                )
            )
            return None
    except (ValueError, LookupError, UnicodeError) as err:
        line, message = None, f"unreadable XML: {err}"
    facts.diagnostics.append(
        Diagnostic(Severity.ERROR, "xml.parse-error", message, SourceRef(path, line))
    )
    return None


_STATEMENT_ID = re.compile(
    r"<(?:[\w.-]+:)?(?:select|insert|update|delete|statement|procedure)\b[^>]{0,2000}?\bid\s*=\s*"
    r"(?:\"([^\"<>]{0,500})\"|'([^'<>]{0,500})')"
)


def _id_lines(text: str) -> dict[str, int]:
    """Line of each statement id's first declaration, in one pass over the text."""
    lines: dict[str, int] = {}
    line, at = 1, 0
    for m in _STATEMENT_ID.finditer(text):
        line += text.count("\n", at, m.start())
        at = m.start()
        lines.setdefault(m.group(1) if m.group(1) is not None else m.group(2), line)
    return lines


def _read_mapper(
    path: str, root: ET.Element, text: str, facts: XmlFacts, dialect: str | None
) -> None:
    namespace = root.get("namespace", "")
    sql = MapperSql(root, namespace)
    lines = _id_lines(text)
    for el in root:
        verb = _local(el.tag)
        if verb not in STATEMENT_TAGS:
            continue
        raw_id = el.get("id", "")
        if not raw_id:
            continue
        flat, cut = sql.flatten(el)
        if cut:
            facts.diagnostics.append(
                Diagnostic(
                    Severity.WARNING,
                    "xml.include-limit",
                    f"statement {raw_id}: <include> fragments expand past "
                    f"{MAX_EXPANDED_CHARS:,} characters; each fragment was read once",
                    SourceRef(path, lines.get(raw_id)),
                )
            )
        use = tables_in(flat, dialect)
        parser = "sqlglot" if use.parsed else "scanner"
        facts.parsed_by[parser] = facts.parsed_by.get(parser, 0) + 1
        sid = raw_id if "." in raw_id or not namespace else f"{namespace}.{raw_id}"
        facts.statements.append(
            SqlStatement(
                sid,
                namespace,
                verb,
                SourceRef(path, lines.get(raw_id)),
                use.reads,
                use.writes,
            )
        )


_COLLECTIONS = {"list": "java.util.List", "set": "java.util.Set"}
"""Spring ``util`` namespace collection beans, by local name."""


def _read_beans(path: str, root: ET.Element, facts: XmlFacts) -> None:
    for el in root.iter():
        kind = _COLLECTIONS.get(_local(el.tag))
        if kind and el.get("id"):  # a <list> inside a property has no id
            values = [(v.text or "").strip() for v in el if _local(v.tag) == "value"]
            values = [v for v in values if v]
            facts.beans.append(Bean(el.get("id", ""), kind, SourceRef(path), values=tuple(values)))
    for el in root.iter():
        if _local(el.tag) != "bean":
            continue
        cls = el.get("class")
        bean_id = el.get("id") or (el.get("name") or "").split(",")[0].strip()
        if not cls or not bean_id:
            continue
        refs: list[str] = []
        for child in el.iter():
            if child is el:
                continue
            for attr in ("ref", "bean"):
                value = child.get(attr)
                if value and _local(child.tag) in ("property", "constructor-arg", "ref"):
                    refs.append(value)
        facts.beans.append(
            Bean(bean_id, cls, SourceRef(path), tuple(dict.fromkeys(refs)), tables=_table(el))
        )
    _read_jms(path, root, facts)


LISTENER_CONTAINERS = frozenset(
    {"DefaultMessageListenerContainer", "SimpleMessageListenerContainer"}
)
"""Spring's JMS listener containers, by simple class name."""
DESTINATION_CLASS = re.compile(
    r"(?i)(?:jms|activemq|artemis|hornetq|ibm\.mq|weblogic)[\w.]*\.\w*(?:Queue|Topic)$"
)
"""A JMS destination class (ActiveMQ's ``ActiveMQQueue`` and ``ActiveMQTopic``, Artemis' too),
by its package: ``java.util.concurrent.ArrayBlockingQueue`` is none."""
LISTENER_ADAPTER = "MessageListenerAdapter"
"""Spring's adapter calling a plain bean's method (``delegate``, ``defaultListenerMethod``,
by default ``handleMessage``)."""


def _read_jms(path: str, root: ET.Element, facts: XmlFacts) -> None:
    """Destination beans, listener container beans and ``<jms:listener>`` elements."""
    where = SourceRef(path)
    local: dict[str, str] = {}  # this file's destination beans, before any other file's
    adapters: dict[str, tuple[str, str, str]] = {}  # adapter bean id -> its listener
    for el in root.iter():
        tag = _local(el.tag)
        cls = el.get("class") or ""
        bean_id = el.get("id") or (el.get("name") or "").split(",")[0].strip()
        if tag == "bean" and bean_id and DESTINATION_CLASS.search(cls):
            if name := _destination_name(el):
                local[bean_id] = name
        elif tag in ("queue", "topic") and bean_id and el.get("physicalName"):
            local[bean_id] = el.get("physicalName", "").strip()  # amq:
        elif tag == "bean" and bean_id and cls.rpartition(".")[2] == LISTENER_ADAPTER:
            adapters[bean_id] = _adapter(el)
    facts.destination_beans.update(local)
    for el in root.iter():
        tag = _local(el.tag)
        cls = el.get("class") or ""
        if tag == "bean" and cls.rpartition(".")[2] in LISTENER_CONTAINERS:
            props = {p.get("name"): p for p in el if _local(p.tag) == "property"}
            dest = props.get("destination")
            named = props.get("destinationName")
            listener = props.get("messageListener")
            if listener is None:
                continue
            name, ref = "", ""
            if named is not None:
                name = _property_value(named)
            elif dest is not None:
                inner = _inner_bean(dest)
                name = _destination_name(inner) if inner is not None else ""
                ref = _property_ref(dest)
            if ref in local:  # a bean of this file first (two modules may reuse an id)
                name, ref = local[ref], ""
            bean, cls, method = _listener(listener)
            bean, cls, method = adapters.get(bean, (bean, cls, method))
            facts.spring_listeners.append(SpringListener(name, ref, bean, cls, method, where))
        elif tag == "listener" and "jms" in el.tag.lower() and el.get("ref"):
            ref = el.get("ref", "")
            bean, cls, method = adapters.get(ref, (ref, "", el.get("method") or "onMessage"))
            if ref in adapters and el.get("method"):
                method = el.get("method", method)
            destination = (el.get("destination") or "?").strip()
            facts.spring_listeners.append(
                SpringListener(destination, "", bean, cls, method, where)
            )


def _destination_name(bean: ET.Element) -> str:
    """The queue or topic a destination bean names: its first constructor argument, else its
    ``physicalName`` property."""
    for child in bean:
        if _local(child.tag) == "constructor-arg":
            return _property_value(child)
    for child in bean:
        if _local(child.tag) == "property" and child.get("name") == "physicalName":
            return _property_value(child)
    return ""


def _property_value(el: ET.Element) -> str:
    return (el.get("value") or _child_text(el, "value")).strip()


def _property_ref(el: ET.Element) -> str:
    if el.get("ref"):
        return el.get("ref", "").strip()
    for child in el:
        if _local(child.tag) == "ref":
            return (child.get("bean") or child.get("local") or "").strip()
    return ""


def _inner_bean(el: ET.Element) -> ET.Element | None:
    return next((c for c in el if _local(c.tag) == "bean"), None)


def _listener(prop: ET.Element) -> tuple[str, str, str]:
    """(bean id, class, method) of a container's ``messageListener``: a reference, or an inner
    bean; an inner ``MessageListenerAdapter`` stands for its delegate's method."""
    inner = _inner_bean(prop)
    if inner is None:
        return _property_ref(prop), "", "onMessage"
    if (inner.get("class") or "").rpartition(".")[2] != LISTENER_ADAPTER:
        return "", (inner.get("class") or "").strip(), "onMessage"
    return _adapter(inner)


def _adapter(adapter: ET.Element) -> tuple[str, str, str]:
    """(bean id, class, method) of the delegate a ``MessageListenerAdapter`` calls: its
    ``defaultListenerMethod``, by default ``handleMessage``."""
    method, delegate = "handleMessage", ("", "")
    for child in adapter:
        name = child.get("name")
        if _local(child.tag) == "property" and name == "defaultListenerMethod":
            method = _property_value(child) or method
        elif _local(child.tag) == "constructor-arg" or name == "delegate":
            bean = _inner_bean(child)
            delegate = (
                ("", (bean.get("class") or "").strip())
                if bean is not None
                else (_property_ref(child), "")
            )
    return *delegate, method


def _table(bean: ET.Element) -> tuple[str, ...]:
    """The table a bean's own ``table`` property names (attribute or ``<value>``)."""
    for prop in bean:
        if _local(prop.tag) == "property" and prop.get("name") == "table":
            text = prop.get("value") or _child_text(prop, "value")
            name = normalise_table(text) if "${" not in text else ""
            return (name,) if re.fullmatch(r"\w+", name) else ()
    return ()


def _child_text(el: ET.Element, name: str) -> str:
    for child in el:
        if _local(child.tag) == name:
            return (child.text or "").strip()
    return ""


def _read_web_xml(path: str, root: ET.Element, facts: XmlFacts) -> None:
    classes: dict[str, str] = {}
    patterns: dict[str, list[str]] = {}
    for el in root:
        tag = _local(el.tag)
        if tag == "servlet":
            name = _child_text(el, "servlet-name")
            cls = _child_text(el, "servlet-class")
            if name and cls:
                classes[name] = cls
        elif tag == "servlet-mapping":
            name = _child_text(el, "servlet-name")
            for child in el:
                if _local(child.tag) == "url-pattern" and child.text:
                    patterns.setdefault(name, []).append(child.text.strip())
    for name, cls in sorted(classes.items()):
        facts.servlets.append(Servlet(name, cls, tuple(patterns.get(name, ())), SourceRef(path)))

"""Read the XML files of a Spring web application: MyBatis 3 mappers, iBatis 2 sqlMaps and
Spring bean definitions. Other XML (build files, logging) is ignored.

Parsing goes through defusedxml, so entity expansion bombs and external entities are refused;
a broken or hostile file becomes a diagnostic with its line, never an exception.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from msadecomp.ingest.decoding import decode_source
from msadecomp.ingest.sql_tables import tables_in
from msadecomp.model import Bean, Diagnostic, Severity, SourceRef, SqlStatement

STATEMENT_TAGS = frozenset({"select", "insert", "update", "delete", "statement", "procedure"})


@dataclass(frozen=True, slots=True)
class Servlet:
    """A servlet or filter declared in web.xml with the URL patterns mapped to it."""

    name: str
    cls: str
    patterns: tuple[str, ...]
    source: SourceRef


@dataclass(slots=True)
class XmlFacts:
    statements: list[SqlStatement] = field(default_factory=list)
    beans: list[Bean] = field(default_factory=list)
    servlets: list[Servlet] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def read_xml(path: str, data: bytes, facts: XmlFacts) -> None:
    root = _parse(path, data, facts)
    if root is None:
        return
    kind = _local(root.tag)
    if kind in ("mapper", "sqlMap"):
        facts.kinds["mapper"] = facts.kinds.get("mapper", 0) + 1
        _read_mapper(path, root, xml_text(data), facts)
    elif kind == "beans":
        facts.kinds["spring"] = facts.kinds.get("spring", 0) + 1
        _read_beans(path, root, facts)
    elif kind == "web-app":
        facts.kinds["web.xml"] = facts.kinds.get("web.xml", 0) + 1
        _read_web_xml(path, root, facts)


_DECLARED = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([\w.:-]+)[\"']")
_ENCODING_ATTR = re.compile(r"^(\s*<\?xml[^>]*?)\sencoding\s*=\s*[\"'][\w.:-]+[\"']")


def xml_text(data: bytes) -> str:
    """Decode XML bytes by their declared encoding (EUC-KR included, which expat cannot read),
    falling back to UTF-8/CP949 detection; the declaration's encoding is dropped from the text."""
    declared = _DECLARED.match(data)
    text = None
    if declared:
        try:
            text = data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = decode_source(data).text
    return _ENCODING_ATTR.sub(r"\1", text.lstrip("\ufeff"), count=1)


def _parse(path: str, data: bytes, facts: XmlFacts) -> ET.Element | None:
    try:
        root: ET.Element = SafeET.fromstring(xml_text(data))
        return root
    except ET.ParseError as err:
        line = err.position[0] if err.position else None
        message = f"broken XML: {err.msg if hasattr(err, 'msg') else err}"
    except DefusedXmlException as err:
        line, message = None, f"refused unsafe XML ({type(err).__name__}): {err}"
    except (ValueError, LookupError, UnicodeError) as err:
        line, message = None, f"unreadable XML: {err}"
    facts.diagnostics.append(
        Diagnostic(Severity.ERROR, "xml.parse-error", message, SourceRef(path, line))
    )
    return None


def _line_of(text: str, raw_id: str) -> int | None:
    at = text.find(f'id="{raw_id}"')
    return text.count("\n", 0, at) + 1 if at >= 0 else None


def _read_mapper(path: str, root: ET.Element, text: str, facts: XmlFacts) -> None:
    namespace = root.get("namespace", "")
    fragments = {el.get("id", ""): el for el in root.iter() if _local(el.tag) == "sql"}
    for el in root:
        verb = _local(el.tag)
        if verb not in STATEMENT_TAGS:
            continue
        raw_id = el.get("id", "")
        if not raw_id:
            continue
        sql = _text(el, fragments, namespace, set())
        use = tables_in(sql)
        sid = raw_id if "." in raw_id or not namespace else f"{namespace}.{raw_id}"
        facts.statements.append(
            SqlStatement(
                sid,
                namespace,
                verb,
                SourceRef(path, _line_of(text, raw_id)),
                use.reads,
                use.writes,
            )
        )


def _text(el: ET.Element, fragments: dict[str, ET.Element], namespace: str, seen: set[str]) -> str:
    parts = [el.text or ""]
    for child in el:
        if _local(child.tag) == "include":
            ref = child.get("refid", "")
            key = ref if ref in fragments else ref.removeprefix(f"{namespace}.")
            frag = fragments.get(key)
            if frag is not None and key not in seen:
                parts.append(_text(frag, fragments, namespace, seen | {key}))
        elif _local(child.tag) != "selectKey":
            parts.append(_text(child, fragments, namespace, seen))
        parts.append(child.tail or "")
    return " ".join(parts)


def _read_beans(path: str, root: ET.Element, facts: XmlFacts) -> None:
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
        facts.beans.append(Bean(bean_id, cls, SourceRef(path), tuple(dict.fromkeys(refs))))


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
        if tag in ("servlet", "filter"):
            name = _child_text(el, f"{tag}-name")
            cls = _child_text(el, f"{tag}-class")
            if name and cls:
                classes[name] = cls
        elif tag in ("servlet-mapping", "filter-mapping"):
            name = _child_text(el, tag.replace("-mapping", "-name"))
            for child in el:
                if _local(child.tag) == "url-pattern" and child.text:
                    patterns.setdefault(name, []).append(child.text.strip())
    for name, cls in sorted(classes.items()):
        facts.servlets.append(Servlet(name, cls, tuple(patterns.get(name, ())), SourceRef(path)))

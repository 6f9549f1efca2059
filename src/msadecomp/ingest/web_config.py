"""Web and persistence configuration in XML besides Spring beans, mappers and web.xml.

* Struts 1 ``struts-config.xml``: ``<action path="/login" type="a.LoginAction">`` serves
  ``/login.do``; its ``<forward path="...jsp">`` and ``input`` are the views it renders.
* Struts 2 ``struts.xml``: ``<package namespace="/shop"><action name="cart" class="a.Cart">``
  serves ``/shop/cart.action``; its ``<result>`` bodies are its views.
* Spring MVC URL mappings in XML: ``SimpleUrlHandlerMapping`` ``mappings``/``urlMap`` entries
  and beans named like a path (``BeanNameUrlHandlerMapping``); the handler is a bean id.
* JSF ``faces-config.xml`` managed beans (names used in ``#{...}`` expressions).
* Hibernate ``*.hbm.xml``: ``<class name="a.Order" table="ORDERS">`` maps an entity to a table.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from msadecomp.ingest.mapper_sql import local_name
from msadecomp.model import Bean, SourceRef


@dataclass(frozen=True, slots=True)
class Action:
    """A request path served by a class (``cls``) or by a Spring bean (``bean``)."""

    path: str
    cls: str
    source: SourceRef
    views: tuple[str, ...] = ()
    bean: str = ""


@dataclass(frozen=True, slots=True)
class EntityMapping:
    cls: str
    table: str
    source: SourceRef


def _text(el: ET.Element, name: str) -> str:
    for child in el:
        if local_name(child.tag) == name:
            return (child.text or "").strip()
    return ""


def read_struts1(path: str, root: ET.Element) -> list[Action]:
    out = []
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
                SourceRef(path),
                tuple(v for v in views if v),
            )
        )
    return out


def read_struts2(path: str, root: ET.Element) -> list[Action]:
    out = []
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
            out.append(
                Action(url, str(el.get("class")), SourceRef(path), tuple(v for v in views if v))
            )
    return out


def read_url_mappings(path: str, root: ET.Element) -> list[Action]:
    """Spring XML handler mappings: path -> bean id (resolved later to the bean's class)."""
    out = []
    for bean in root.iter():
        if local_name(bean.tag) != "bean":
            continue
        name = (bean.get("name") or bean.get("id") or "").split(",")[0].strip()
        if name.startswith("/") and bean.get("class"):
            out.append(Action(name, str(bean.get("class")), SourceRef(path)))
        if not (bean.get("class") or "").endswith("UrlHandlerMapping"):
            continue
        for el in bean.iter():
            tag = local_name(el.tag)
            if tag == "prop" and el.get("key") and el.text:
                out.append(Action(str(el.get("key")), "", SourceRef(path), bean=el.text.strip()))
            elif tag == "entry" and el.get("key"):
                target = el.get("value-ref") or el.get("value") or ""
                if target:
                    out.append(Action(str(el.get("key")), "", SourceRef(path), bean=target))
    return out


def read_faces_config(path: str, root: ET.Element) -> list[Bean]:
    out = []
    for el in root.iter():
        if local_name(el.tag) == "managed-bean":
            name, cls = _text(el, "managed-bean-name"), _text(el, "managed-bean-class")
            if name and cls:
                out.append(Bean(name, cls, SourceRef(path)))
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

"""GWT client code: Java that the GWT compiler turns into the browser's JavaScript.

A GWT module (``Main.gwt.xml``) names the folders of its client code, below the module file's
folder: each ``<source path="...">`` and ``<super-source path="...">``, or ``client`` when it
names none. That code is one front end, deployed as one script; clustered with the server it
made up the services of OpenKM (677 widget, popup and panel classes in 17 of 30 services,
beside the server code they call). It is left out of the decomposition and listed, like a
separate JavaScript front end, except:

* folders named ``shared``, whose code GWT compiles for both sides;
* client classes that server code imports: the remote service interfaces the server's
  servlets implement and the beans they fill are the server's interface, not the browser's.

>>> client_folders("web/src/main/java/com/acme/App.gwt.xml", ET.fromstring("<module/>"))
('web/src/main/java/com/acme/client/',)
>>> module = '<module><source path="ui"/><source path="shared"/><super-source path="jre"/>'
>>> module += '</module>'
>>> client_folders("src/com/acme/App.gwt.xml", ET.fromstring(module))
('src/com/acme/ui/', 'src/com/acme/jre/')
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence

from msadecomp.ingest.java_facts import JavaFile
from msadecomp.ingest.mapper_sql import local_name

MODULE_SUFFIX = ".gwt.xml"
SHARED = "shared"


def client_folders(path: str, root: ET.Element) -> tuple[str, ...]:
    """The folders (``/``-terminated paths) of the client code the module at ``path`` names."""
    named = [
        el.get("path", "").strip().strip("/")
        for el in root.iter()
        if local_name(el.tag) in ("source", "super-source")
    ]
    base = posixpath.dirname(path)
    folders = [p for p in (named if named else ["client"]) if p and p != "."]
    return tuple(posixpath.join(base, p) + "/" for p in folders if posixpath.basename(p) != SHARED)


def client_files(files: Sequence[JavaFile], folders: Iterable[str]) -> set[str]:
    """Paths of the files of ``files`` below one of the client ``folders`` whose types no file
    outside them imports (by name, by a wildcard on their package, or statically)."""
    prefixes = tuple(sorted(set(folders)))
    if not prefixes:
        return set()
    client = [f for f in files if f.path.startswith(prefixes)]
    if not client:
        return set()
    inside = {f.path for f in client}
    named: set[str] = set()  # every import and each dotted prefix of it
    wildcards: set[str] = set()
    for f in files:
        if f.path in inside:
            continue
        for imp in f.imports:
            if imp.wildcard:
                wildcards.add(imp.path)
            parts = imp.path.split(".")
            named.update(".".join(parts[:k]) for k in range(1, len(parts) + 1))
    used = set()
    for f in client:
        for t in f.types:
            top = t.name.split(".")[0]
            fqn = f"{f.package}.{top}" if f.package else top
            if fqn in named or f.package in wildcards:
                used.add(f.path)
    return inside - used

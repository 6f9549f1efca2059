"""GWT client code: Java that the GWT compiler turns into the browser's JavaScript.

A GWT module (``Main.gwt.xml``) names the packages of its client code below the module's own
package, each ``<source path="...">`` (an empty path is the module's package itself), or
``client`` when it names none; and ``<super-source path="...">`` folders, whose files declare
the packages they emulate (``java.util``). The module's package is where its file sits among
the Java packages (beside the sources, under ``resources/``, or in a WAR's
``WEB-INF/classes``). That code is one front end, deployed as one script; clustered with the
server it made up the services of OpenKM (677 widget, popup and panel classes in 17 of 30
services, beside the server code they call). It is left out of the decomposition and listed,
like a separate JavaScript front end, except:

* a source path named ``shared``, which GWT compiles for both sides;
* client types that server code refers to (by import, by a fully qualified name, in a class
  file's constant pool) and the client types their signatures and fields name in turn: the
  remote service interfaces the server's servlets implement and the beans they fill are the
  server's interface, not the browser's.

>>> client_paths(ET.fromstring("<module/>"))
(('client',), ())
>>> module = '<module><source path="ui"/><source path="shared"/><super-source path="jre"/>'
>>> client_paths(ET.fromstring(module + '<source path="../server"/></module>'))
(('ui',), ('jre',))
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence

from msadecomp.ingest.java_facts import JavaFile, TypeDecl
from msadecomp.ingest.mapper_sql import local_name

MODULE_SUFFIX = ".gwt.xml"
SHARED = "shared"


def client_paths(root: ET.Element) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ``<source>`` and the ``<super-source>`` paths of client code a module names,
    relative to its package (``""`` for the package itself, as ``.`` is; ``client`` when it
    names no ``<source>``); paths leaving the package (``../server``) are ignored."""
    sources: list[str] = []
    supers: list[str] = []
    named = False
    for el in root.iter():
        tag = local_name(el.tag)
        if tag not in ("source", "super-source"):
            continue
        named = named or tag == "source"
        path = posixpath.normpath(el.get("path", "").strip() or ".")  # "a/./b/" -> "a/b"
        path = "" if path == "." else path
        target = sources if tag == "source" else supers
        leaves = path.startswith(("..", "/"))
        if not leaves and posixpath.basename(path) != SHARED and path not in target:
            target.append(path)
    if not named:
        sources.append("client")
    return tuple(sources), tuple(supers)


def client_packages(
    modules: Iterable[tuple[str, tuple[str, ...], tuple[str, ...]]], packages: Iterable[str]
) -> tuple[set[str], set[str]]:
    """Client packages and super-source folders of ``modules`` (module file path and its
    :func:`client_paths`): the module's package is the longest tail of its folder that is a
    Java package of ``packages`` or a prefix of one. A super-source folder holds sources that
    declare the packages they emulate (``java.util``), so it is given as a path fragment
    (``/com/acme/jre/``), not a package."""
    known: set[str] = set()
    for p in packages:
        parts = p.split(".")
        known.update(".".join(parts[:k]) for k in range(1, len(parts) + 1))
    found: set[str] = set()
    folders: set[str] = set()
    for path, sources, supers in modules:
        segments = [s for s in posixpath.dirname(path).split("/") if s]
        tails = (".".join(segments[k:]) for k in range(len(segments)))
        base = next((t for t in tails if t in known), None)
        if base is not None:
            found.update(".".join(filter(None, [base, *s.split("/")])) for s in sources)
            root = "/".join(base.split("."))
            folders.update(f"/{root}/{s}/".replace("//", "/") for s in supers if s)
    return found, folders


def client_files(
    files: Sequence[JavaFile], packages: Iterable[str], folders: Iterable[str] = ()
) -> set[str]:
    """Paths of the files of ``files`` in one of the client ``packages`` (or below) or under
    one of the super-source ``folders`` (path fragments) that no server code refers to,
    directly or through other client types it refers to."""
    roots = tuple(sorted(set(packages)))
    fragments = tuple(sorted(set(folders)))
    if not roots and not fragments:
        return set()

    def in_client(f: JavaFile) -> bool:
        return any(f.package == r or f.package.startswith(r + ".") for r in roots) or any(
            frag in "/" + f.path for frag in fragments
        )

    client = [f for f in files if in_client(f)]
    if not client:
        return set()
    owner = {_fqn(f, t): f.path for f in client for t in f.types}
    by_path = {f.path: f for f in client}
    used: set[str] = set()
    todo = [p for f in files if not in_client(f) for p in _referred(f, owner, True)]
    while todo:
        path = todo.pop()
        if path not in used:
            used.add(path)
            todo.extend(_referred(by_path[path], owner, False))
    return set(by_path) - used


def _fqn(f: JavaFile, t: TypeDecl) -> str:
    return f"{f.package}.{t.name}" if f.package else t.name


def _referred(f: JavaFile, owner: dict[str, str], bodies: bool) -> Iterator[str]:
    """Paths of the files of ``owner`` (type FQN -> path) that file ``f`` may refer to: the
    names it writes (``bodies``: in method bodies too, else only in its types' signatures and
    fields), read as fully qualified, as of its own package, as imported or as of a package it
    imports with a wildcard (an over-estimate keeps more, never less). A client type the
    server uses brings along what its signatures name, not what its methods do: a bean
    calling the client's entry point would bring back every widget."""
    wildcards = [i.path for i in f.imports if i.wildcard and not i.static]
    imported = {i.path.rpartition(".")[2]: i.path for i in f.imports if not i.wildcard}
    if bodies:
        for imp in f.imports:
            for candidate in _prefixes(imp.path):  # a static import names its type's members
                if candidate in owner:
                    yield owner[candidate]
    for name in set(_names(f, bodies)):
        first, _, rest = name.partition(".")
        bases = [name, f"{f.package}.{first}", imported.get(first, "")]
        bases += [f"{w}.{first}" for w in wildcards]
        for base in bases:
            if base in owner:
                yield owner[base]
            if base and rest and f"{base}.{rest}" in owner:  # Outer.Inner
                yield owner[f"{base}.{rest}"]


def _prefixes(dotted: str) -> Iterator[str]:
    parts = dotted.split(".")
    for k in range(len(parts), 0, -1):
        yield ".".join(parts[:k])


def _names(f: JavaFile, bodies: bool) -> Iterator[str]:
    """The type names a file writes (as written: simple, dotted or fully qualified): in its
    types' signatures and fields, and with ``bodies`` in its methods' bodies too (a class
    file's constant pool is all of them)."""
    for t in f.types:
        yield from (*t.extends, *t.implements)
        yield from (n for sup in t.generic_supers for n in sup)
        for member in t.fields:
            yield from member.type_refs
        for m in t.methods:
            yield from m.returns
            for member in m.params:
                yield from member.type_refs
        if not bodies:
            continue
        yield from t.type_refs
        yield from (a.name for a in t.annotations)
        for m in t.methods:
            for member in m.locals:
                yield from member.type_refs
            yield from (name for name, _ in m.creates)
            yield from (c.qualifier for c in m.calls if c.qualifier[:1].isupper())
            yield from (c.rpartition(".")[0] for c in m.constants)

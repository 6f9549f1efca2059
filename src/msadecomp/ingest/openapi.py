"""Endpoints an OpenAPI (Swagger) specification declares, for API-first back ends.

An API-first Spring application keeps its HTTP contract in a specification
(``src/main/resources/openapi.yml``); the OpenAPI generator writes one ``*Api`` interface per
tag at build time (``OwnersApi``, whose ``listOwners`` carries ``@GetMapping("/owners")``) and a
controller of the project implements it (``OwnerRestController implements OwnersApi``). The
generated interfaces are no sources, so the controller's methods map no path of their own.

:func:`spec_endpoints` reads each operation of a specification (its path, method and
``operationId``) and gives it to the project's web class declaring a method of that name; of
several such classes, the ones whose names share a word with the operation's tag
(``owners``: ``OwnerRestController``); an operation nobody declares, or several classes
equally, maps no endpoint. Only a class implementing a generated interface (a supertype named
``*Api`` or ``*ApiDelegate`` that is not in the sources) counts: a specification of an API the
application calls (``openapi-payment.yaml``) gives its operation names to no controller.
Paths get the path of the first server URL
(``http://localhost:9966/petclinic/api``: ``/petclinic/api/owners``).

The files read are named like a specification (``openapi*.yml``, ``swagger*.json``,
``api-docs.yaml``, ...) and declare ``openapi:`` or ``swagger:`` at the top; YAML is read as
plain data (yaml_data.py), up to ``MAX_SPEC_BYTES``; a file it cannot read becomes a
diagnostic with its line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass

from msadecomp.ingest import yaml_data
from msadecomp.model import Diagnostic, Endpoint, JavaType, Severity, SourceRef, TypeKind

SPEC_NAME = re.compile(
    r"(?i)(?:^|/)(?:openapi|swagger|api-docs?|api-spec)[\w.-]*\.(?:ya?ml|json)$"
)
"""File names of specifications."""
_MARK = re.compile(rb"""^\s*\{?\s*["']?(?:openapi|swagger)["']?\s*:""", re.M)
_JSON_MARK = re.compile(rb""""(?:openapi|swagger)"\s*:""")
MAX_SPEC_BYTES = 4 * 1024 * 1024
"""A specification larger than this is not read (a diagnostic says so)."""
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
WEB_STEREOTYPES = frozenset({"controller", "web"})
GENERATED = ("Api", "ApiDelegate")
"""Name endings of the interfaces the OpenAPI generator writes for Spring (its defaults)."""


@dataclass(frozen=True, slots=True)
class Operation:
    path: str
    method: str
    operation_id: str
    tags: tuple[str, ...]
    source: SourceRef


def is_spec(path: str) -> bool:
    return SPEC_NAME.search(path) is not None


def read_spec(path: str, data: bytes, diagnostics: list[Diagnostic]) -> list[Operation]:
    """The operations of one specification file; none (and maybe a diagnostic) for a file that
    is no specification or cannot be read."""
    if len(data) > MAX_SPEC_BYTES:
        diagnostics.append(_problem(path, None, f"larger than {MAX_SPEC_BYTES} bytes; not read"))
        return []
    data = data.removeprefix(b"\xef\xbb\xbf")
    is_json = path.lower().endswith(".json")
    if not (_JSON_MARK if is_json else _MARK).search(data[:4096]):
        return []
    try:
        text = data.decode("utf-8")
        document = json.loads(text) if is_json else yaml_data.load(text)
    except Exception as error:  # whatever the parsers raise, the file is a diagnostic
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else getattr(error, "lineno", None)
        first = (str(error).splitlines() or [type(error).__name__])[0]
        diagnostics.append(_problem(path, line, f"not readable: {first}"))
        return []
    if not isinstance(document, dict) or not isinstance(document.get("paths"), dict):
        return []
    base = _base_path(document)
    out = []
    for route, item in document["paths"].items():
        if not isinstance(route, str) or not isinstance(item, dict):
            continue
        for method in METHODS:
            operation = item.get(method)
            if isinstance(operation, dict) and isinstance(operation.get("operationId"), str):
                tags = operation.get("tags")
                out.append(
                    Operation(
                        "/" + "/".join(p for p in (base.strip("/"), route.strip("/")) if p),
                        method.upper(),
                        operation["operationId"],
                        tuple(t for t in tags if isinstance(t, str))
                        if isinstance(tags, list)
                        else (),
                        SourceRef(path),
                    )
                )
    return out


def _base_path(document: Mapping[str, object]) -> str:
    """The path of the first server URL (OpenAPI 3, its variables at their defaults:
    ``{scheme}://host/{basePath}``) or the ``basePath`` (Swagger 2); "" when none."""
    servers = document.get("servers")
    if isinstance(servers, list) and servers and isinstance(servers[0], dict):
        url = servers[0].get("url")
        if isinstance(url, str):
            variables = servers[0].get("variables")
            for name, spec in variables.items() if isinstance(variables, dict) else ():
                default = spec.get("default") if isinstance(spec, dict) else None
                if isinstance(name, str) and isinstance(default, str):
                    url = url.replace("{" + name + "}", default)
            url = re.sub(r"\{[^}]*\}", "", url)  # variables without a default
            if "//" in url:  # scheme://host/path: the path after the host
                url = url.split("//", 1)[1].partition("/")[2]
            return url.split("?", 1)[0].strip("./").strip("/")
    base = document.get("basePath")
    return base.strip("/") if isinstance(base, str) else ""


def spec_endpoints(
    operations: Iterable[Operation],
    types: Sequence[JavaType],
    known: Iterable[Endpoint] = (),
    external_supers: Mapping[str, Set[str]] | None = None,
) -> list[Endpoint]:
    """An endpoint for each operation one implementing class of the project declares (see the
    module docstring); not for a handler method that already maps an endpoint of its own.

    ``external_supers`` (class -> supertypes not in the sources) tells the generator's
    interfaces: a class counts when it implements one (``OwnersApi``, or a delegate
    ``OwnersApiDelegate``) and is a web class, or implements a delegate. A specification of an
    API the application calls maps nothing onto a controller that merely has a method of the
    same name. Without ``external_supers`` every web class counts."""
    declaring: dict[str, list[JavaType]] = {}
    for t in types:
        if t.kind is TypeKind.INTERFACE:
            continue
        web = t.stereotype in WEB_STEREOTYPES or t.simple_name.endswith(("Controller", "Resource"))
        if external_supers is not None:
            generated = {n for n in external_supers.get(t.fqn, ()) if n.endswith(GENERATED)}
            web = bool(generated) and (web or any(n.endswith("Delegate") for n in generated))
        if web:
            for method in set(t.methods):
                declaring.setdefault(method, []).append(t)
    known = list(known)
    mapped = {e.handler for e in known}
    # an operation some method of its name maps already (an interface in the sources)
    by_method: dict[str, list[str]] = {}
    for e in known:
        by_method.setdefault(e.handler.rpartition("#")[2], []).append(e.path.rstrip("/"))
    out: dict[tuple[str, str, str], Endpoint] = {}
    for op in operations:
        if any(op.path.endswith(p) and p for p in by_method.get(op.operation_id, ())):
            continue
        candidates = declaring.get(op.operation_id, [])
        if len(candidates) > 1:
            candidates = _by_tag(candidates, op.tags)
        if len(candidates) == 1:
            handler = f"{candidates[0].fqn}#{op.operation_id}"
            if handler not in mapped:  # once, though the file is copied (static/openapi.yml)
                out.setdefault(
                    (op.path, op.method, handler), Endpoint(op.path, op.method, handler, op.source)
                )
    return list(out.values())


_WEB_SUFFIX = re.compile(r"(Rest)?(Controller|Resource|Api|Endpoint)(Delegate)?(Impl)?$")


def _by_tag(candidates: Sequence[JavaType], tags: Sequence[str]) -> list[JavaType]:
    """Of several classes, those a tag names exactly (``pet``: ``PetController``, not
    ``PetTypeController``), else those it names in part (``owner-v2``: ``OwnerController``)."""
    stems = {t.fqn: _WEB_SUFFIX.sub("", t.simple_name).lower() for t in candidates}
    wanted = [w for w in map(_singular, tags) if w]
    exact = [t for t in candidates if stems[t.fqn] in wanted]
    if exact:
        return exact
    return [
        t
        for t in candidates
        if stems[t.fqn]
        and any(w.startswith(stems[t.fqn]) or stems[t.fqn].startswith(w) for w in wanted)
    ]


def _singular(tag: str) -> str:
    """``owners`` -> ``owner``, ``categories`` -> ``category``, ``pet-types`` -> ``pettype``."""
    word = re.sub(r"[^a-z0-9]", "", tag.lower())
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    return word.removesuffix("s")


def _problem(path: str, line: int | None, message: str) -> Diagnostic:
    return Diagnostic(
        Severity.WARNING,
        "openapi.unreadable",
        f"OpenAPI specification {message}",
        SourceRef(path, line),
    )

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
equally, maps no endpoint. Paths get the path of the first server URL
(``http://localhost:9966/petclinic/api``: ``/petclinic/api/owners``).

The files read are named like a specification (``openapi*.yml``, ``swagger*.json``,
``api-docs.yaml``, ...) and declare ``openapi:`` or ``swagger:`` at the top; YAML is read with
PyYAML's safe loader (no object construction), up to ``MAX_SPEC_BYTES``; a file it cannot read
becomes a diagnostic with its line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

import yaml

from msadecomp.model import Diagnostic, Endpoint, JavaType, Severity, SourceRef

SPEC_NAME = re.compile(
    r"(?i)(?:^|/)(?:openapi|swagger|api-docs?|api-spec)[\w.-]*\.(?:ya?ml|json)$"
)
"""File names of specifications."""
_MARK = re.compile(rb"""^\s*\{?\s*["']?(?:openapi|swagger)["']?\s*:""", re.M)
MAX_SPEC_BYTES = 4 * 1024 * 1024
"""A specification larger than this is not read (a diagnostic says so)."""
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""PyYAML's safe loader (plain data only), through libyaml where the wheel has it (ten times
faster: a 2 MB specification of 50,000 paths took 11.7 s in Python)."""
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
WEB_STEREOTYPES = frozenset({"controller", "web"})


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
    if not _MARK.search(data[:4096]):
        return []
    try:
        text = data.decode("utf-8-sig")
        document = json.loads(text) if path.lower().endswith(".json") else yaml.load(text, _LOADER)
    except (ValueError, yaml.YAMLError, RecursionError) as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else getattr(error, "lineno", None)
        diagnostics.append(_problem(path, line, f"not readable: {str(error).splitlines()[0]}"))
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
                        base + "/" + route.strip("/"),
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
    """The path of the first server URL (OpenAPI 3) or the ``basePath`` (Swagger 2)."""
    servers = document.get("servers")
    if isinstance(servers, list) and servers and isinstance(servers[0], dict):
        url = servers[0].get("url")
        if isinstance(url, str):
            return urlparse(url).path.rstrip("/") if "//" in url else url.rstrip("/")
    base = document.get("basePath")
    return base.rstrip("/") if isinstance(base, str) else ""


def spec_endpoints(
    operations: Iterable[Operation], types: Sequence[JavaType], known: Iterable[Endpoint] = ()
) -> list[Endpoint]:
    """An endpoint for each operation one web class of the project declares (see the module
    docstring); not for a handler method that already maps an endpoint of its own."""
    declaring: dict[str, list[JavaType]] = {}
    for t in types:
        if t.stereotype in WEB_STEREOTYPES or t.simple_name.endswith(("Controller", "Resource")):
            for method in set(t.methods):
                declaring.setdefault(method, []).append(t)
    mapped = {e.handler for e in known}
    out = []
    for op in operations:
        candidates = declaring.get(op.operation_id, [])
        if len(candidates) > 1:
            candidates = [
                t for t in candidates if any(_tagged(tag, t.simple_name) for tag in op.tags)
            ]
        if len(candidates) == 1:
            handler = f"{candidates[0].fqn}#{op.operation_id}"
            if handler not in mapped:
                out.append(Endpoint(op.path, op.method, handler, op.source))
    return out


_WEB_SUFFIX = re.compile(r"(Rest)?(Controller|Resource|Api|Endpoint)(Impl)?$")


def _tagged(tag: str, name: str) -> bool:
    """A tag names a class: ``owners`` and ``OwnerRestController``, ``pettypes`` and
    ``PetTypeRestController``, ``owner-v2`` and ``OwnerController``."""
    wanted = re.sub(r"[^a-z0-9]", "", tag.lower()).removesuffix("s")
    stem = _WEB_SUFFIX.sub("", name).lower()
    return bool(wanted and stem) and (wanted.startswith(stem) or stem.startswith(wanted))


def _problem(path: str, line: int | None, message: str) -> Diagnostic:
    return Diagnostic(
        Severity.WARNING,
        "openapi.unreadable",
        f"OpenAPI specification {message}",
        SourceRef(path, line),
    )

"""Assemble the service-split report as plain JSON-ready data.

Every renderer (JSON, Markdown, HTML, DOT) reads this one dictionary, so they never disagree.
Lists are sorted, so the same analysis always gives the same bytes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from msadecomp.classify import as_report, classification_warnings, classify
from msadecomp.decompose import Decomposition
from msadecomp.decompose.tables import table_owners, top_levels
from msadecomp.decompose.views import Placement, place_views
from msadecomp.metrics import compute_metrics
from msadecomp.model import MESSAGE_VERBS, CodeModel, DepKind, Page
from msadecomp.plan import extraction_order
from msadecomp.readiness import assess
from msadecomp.report.areas import service_areas
from msadecomp.report.korean import korean_name, speaks_for_its_service
from msadecomp.report.method_moves import methods_to_move
from msadecomp.usage import listens

REPORT_SCHEMA = "msadecomp.report/1"
REMOTE_KINDS = (DepKind.CALL, DepKind.INJECTION)
SYSTEM_WARNINGS = frozenset({"input.copies", "xml.not-analysed"})
"""Diagnostics about the whole input, repeated among the report's warnings."""


OWN_PAGE = frozenset({"links", "includes", "folder"})
"""How a view must be placed to be a page of its service's own: a class of it renders the page
or handles its links, a page of it includes it, or its folder is the service's package."""
TYPE_KINDS = frozenset(
    {DepKind.EXTENDS, DepKind.IMPLEMENTS, DepKind.FIELD, DepKind.PARAM, DepKind.RETURN}
    | {DepKind.LOCAL, DepKind.NEW}
)
"""Compile-time uses of a type: once split, the type is copied, published as a library or
turned into an API contract."""


def type_uses(model: CodeModel, decomposition: Decomposition) -> Counter[str]:
    """Per service, the (user, used) pairs of top-level classes across services by a
    :data:`TYPE_KINDS` dependency and no call or injection, counted at both ends: JHipster's
    exceptions, thrown by the user services, are used though nothing calls them."""
    where = decomposition.assignment()
    top = top_levels(model)
    kernel = {c.id for c in decomposition.clusters if c.kernel}
    called: set[frozenset[str]] = set()  # pairs either way round: a pair counts once
    typed: set[frozenset[str]] = set()
    for d in model.dependencies:
        pair = frozenset((top.get(d.source, d.source), top.get(d.target, d.target)))
        if d.kind in REMOTE_KINDS:
            called.add(pair)
        elif d.kind in TYPE_KINDS:
            typed.add(pair)
    out: Counter[str] = Counter()
    for pair in typed - called:
        if len(pair) != 2:
            continue
        src, dst = sorted(pair)
        a, b = where.get(src), where.get(dst)
        if a is not None and b is not None and a != b and not {a, b} & kernel:
            out[a] += 1
            out[b] += 1
    return out


def remote_calls(model: CodeModel, decomposition: Decomposition) -> list[dict[str, Any]]:
    """Calls and injections that cross services: what would become a remote API or message."""
    where = decomposition.assignment()
    top = top_levels(model)
    kernel = {c.id for c in decomposition.clusters if c.kernel}
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for d in model.dependencies:
        if d.kind not in REMOTE_KINDS:
            continue
        src, dst = top.get(d.source, d.source), top.get(d.target, d.target)
        a, b = where.get(src), where.get(dst)
        if a is None or b is None or a == b or a in kernel or b in kernel:
            continue
        entry = grouped.setdefault(
            (src, dst),
            {
                "from_service": a,
                "to_service": b,
                "from": src,
                "to": dst,
                "methods": set(),
                "count": 0,
                "evidence": str(d.ref),
            },
        )
        entry["count"] += 1
        if d.kind == DepKind.CALL and "->" in d.detail:
            entry["methods"].add(d.detail.split("->", 1)[1])
    calls = []
    for key in sorted(grouped):
        e = grouped[key]
        e["methods"] = sorted(e["methods"])
        calls.append(e)
    return calls


def keys_across_services(
    model: CodeModel, owners: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Foreign keys from a table one service owns to a table another service owns: the
    constraints a split drops, the reference then kept by an API call or an event and checked
    in code (JHipster's ``BANK_ACCOUNT.USER_ID`` to ``JHI_USER``)."""
    out = []
    seen: set[tuple[str, tuple[str, ...], str]] = set()
    for table in model.tables:
        # a key declared twice (a dump and a migration) once, the one naming its columns first
        for fk in sorted(table.foreign_keys, key=lambda k: not k.ref_columns):
            source = owners.get(table.name, {}).get("owner")
            target = owners.get(fk.ref_table, {}).get("owner")
            key = (table.name, tuple(fk.columns), fk.ref_table)
            if source and target and source != target and key not in seen:
                seen.add(key)
                out.append(
                    {
                        "table": table.name,
                        "columns": list(fk.columns),
                        "references": fk.ref_table,
                        "referenced_columns": list(fk.ref_columns),
                        "from_service": source,
                        "to_service": target,
                    }
                )
    return sorted(out, key=lambda k: (k["table"], k["references"], k["columns"]))


def message_channels(model: CodeModel, decomposition: Decomposition) -> list[dict[str, Any]]:
    """Each queue or topic a class listens on (named in the code), with its listeners and the
    classes sending to it (``message`` dependencies) and their services (``None`` for a class
    of the shared kernel or of no service): the asynchronous links there already are."""
    where = decomposition.assignment()
    top = top_levels(model)
    kernel = {c.id for c in decomposition.clusters if c.kernel}

    def end(fqn: str) -> dict[str, Any]:
        cls = top.get(fqn, fqn)
        service = where.get(cls)
        return {"class": cls, "service": None if service in kernel else service}

    consumers: dict[tuple[str, str], list[str]] = defaultdict(list)
    for e in model.endpoints:
        if e.http_method in MESSAGE_VERBS and e.path != "?":
            consumers[(e.path, e.http_method)].append(e.handler.partition("#")[0])
    producers: dict[tuple[str, str], set[str]] = defaultdict(set)
    for d in model.dependencies:
        if d.kind is DepKind.MESSAGE:
            producers[d.detail, d.target].add(d.source)
    out = []
    for (path, kind), handlers in sorted(consumers.items()):
        ins = [end(h) for h in sorted(set(handlers))]
        outs = [end(p) for p in sorted({p for h in handlers for p in producers[path, h]})]
        services = {x["service"] for x in ins + outs if x["service"]}
        out.append(
            {
                "destination": path,
                "kind": kind,
                "consumers": ins,
                "producers": outs,
                "crosses_services": bool(outs) and len(services) > 1,
            }
        )
    return out


def build_report(
    model: CodeModel,
    decomposition: Decomposition,
    parameters: dict[str, Any],
    tool_version: str,
    answers: dict[int, bool] | None = None,
) -> dict[str, Any]:
    owners = table_owners(model, decomposition)
    calls = remote_calls(model, decomposition)
    where = decomposition.assignment()
    top = top_levels(model)
    metrics = compute_metrics(model, decomposition)
    subdomains = classify(model, decomposition, {t: o["owner"] for t, o in owners.items()})
    placed = _place_views(model, decomposition)
    views: dict[str, list[str]] = defaultdict(list)
    for path, placement in sorted(placed.items()):
        if placement.service is not None:
            views[placement.service].append(path)
    services: list[dict[str, Any]] = []
    kernel: dict[str, Any] | None = None
    docs = {t.fqn: t.doc for t in model.types if t.outer is None}
    set_up = {t.fqn for t in model.types if not speaks_for_its_service(t)}
    listeners = {t.top_level for t in model.types if listens(t)}
    comments = {t.name: t.comment for t in model.tables}
    titles = {p.path: p.title for p in model.pages}
    for c in decomposition.clusters:
        classes = list(c.classes)
        if not classes:
            continue
        if c.kernel:
            users = sorted({x["from_service"] for x in _kernel_uses(model, decomposition, c.id)})
            kernel = {
                "id": c.id,
                "classes": classes,
                "used_by_services": users,
                "reasons": {k["class"]: k["reason"] for k in parameters.get("shared_kernel", [])},
            }
            continue
        owned = sorted(t for t, o in owners.items() if o["owner"] == c.id)
        used = [
            {"table": t, "owner": o["owner"], "access": o["access"][c.id]}
            for t, o in sorted(owners.items())
            if c.id in o["access"] and o["owner"] != c.id
        ]
        shared_out = sorted(t for t in owned if set(owners[t]["access"]) - {c.id})
        endpoints = [
            {"method": e.http_method, "path": e.path, "handler": e.handler}
            for e in model.endpoints
            if where.get(top.get(e.handler.split("#")[0], "")) == c.id
        ]
        setting_up = {m for m in classes if m in set_up}
        if 2 * len(setting_up) > len(classes):
            setting_up = set()  # a service of set-up plumbing: its docs say what it is
        name_ko, description = korean_name(
            [docs[m] for m in classes if docs.get(m) and m not in setting_up]
            + [comments[t] for t in owned if comments.get(t)]
            + [titles[v] for v in views.get(c.id, []) if titles.get(v)],
            [docs[m] for m in setting_up if docs.get(m)],
        )
        services.append(
            {
                "id": c.id,
                "name": c.name,
                "korean_name": name_ko,
                "description": description,
                "subdomain": as_report(subdomains[c.id]),
                "classes": classes,
                "tables": {
                    "owned": owned,
                    "owned_but_used_elsewhere": shared_out,
                    "used_from_other_services": used,
                },
                "endpoints": endpoints,
                "views": views.get(c.id, []),
                "outgoing_calls": [x for x in calls if x["from_service"] == c.id],
                "incoming_calls": [x for x in calls if x["to_service"] == c.id],
                # no data, no request, page or message of its own: code the callers share (a
                # page placed by name or by default only is no page of its own)
                "unused": bool(subdomains[c.id].unused),
                "library": not owned
                and not subdomains[c.id].unused
                and not endpoints
                and not any(placed[v].via in OWN_PAGE for v in views.get(c.id, []))
                and not listeners.intersection(classes),
            }
        )
    areas = service_areas(services)
    for service in services:
        service["area"] = areas.get(service["id"])
    crossing = keys_across_services(model, owners)
    severities = Counter(d.severity.value for d in model.diagnostics)
    service_edges = {(x["from_service"], x["to_service"]) for x in calls}
    warnings = [d.message for d in model.diagnostics if d.code in SYSTEM_WARNINGS]
    warnings += classification_warnings(decomposition.modularity, len(services))
    return {
        "schema": REPORT_SCHEMA,
        "generator": f"msadecomp {tool_version}",
        "input": {
            "root": model.root,
            "files": dict(model.file_counts),
            "delivery_files": list(model.delivery_files),
            "excluded": {
                "counts": dict(sorted(Counter(why for _, why in model.excluded).items())),
                "files": [{"path": p, "reason": why} for p, why in model.excluded],
            },
        },
        "parameters": parameters,
        "summary": {
            "classes": sum(1 for t in model.types if t.outer is None),
            "tables": len(model.tables),
            "endpoints": len(model.endpoints),
            "services": len(services),
            "modularity": round(decomposition.modularity, 4),
            "remote_calls": sum(x["count"] for x in calls),
            "shared_tables": sorted(t for t, o in owners.items() if len(o["access"]) > 1),
            "foreign_keys_across_services": len(crossing),
            "diagnostics": dict(sorted(severities.items())),
        },
        "metrics": metrics.as_dict(),
        "warnings": warnings,
        "notes": list(decomposition.notes),
        "sweep": [
            {"resolution": p.resolution, "services": p.services, "modularity": p.modularity}
            for p in decomposition.sweep
        ],
        "services": services,
        "shared_kernel": kernel,
        "extraction_order": extraction_order(services, crossing, type_uses(model, decomposition)),
        "readiness": assess(model, metrics, service_edges, answers, len(crossing)),
        "tables": {t: owners[t] for t in sorted(owners)},
        "views": {
            path: {"service": p.service, "via": p.via} for path, p in sorted(placed.items())
        },
        "unreferenced_tables": sorted(
            t.removeprefix("table:") for t in decomposition.unreferenced_tables
        ),
        "remote_calls": calls,
        "foreign_keys_across_services": crossing,
        "message_channels": message_channels(model, decomposition),
        "methods_to_move": methods_to_move(model, decomposition),
        "external_types": len(model.external_types),
        "diagnostics": [
            {
                "severity": d.severity.value,
                "code": d.code,
                "message": d.message,
                "path": d.source.path,
                "line": d.source.line,
            }
            for d in model.diagnostics
        ],
    }


def _place_views(model: CodeModel, decomposition: Decomposition) -> dict[str, Placement]:
    where = decomposition.assignment()
    kernel = frozenset(c.id for c in decomposition.clusters if c.kernel)
    packages = {t.fqn: t.package for t in model.types if t.outer is None}
    top = top_levels(model)
    pages = [
        Page(
            p.path,
            p.links,
            tuple(sorted({top.get(c, c) for c in p.controllers})),
            tuple(sorted({top.get(c, c) for c in p.renderers})),
        )
        for p in model.pages
    ]
    return place_views(pages, where, packages, kernel)


def _kernel_uses(
    model: CodeModel, decomposition: Decomposition, kernel_id: str
) -> list[dict[str, str]]:
    where = decomposition.assignment()
    top = top_levels(model)
    out = []
    for d in model.dependencies:
        a = where.get(top.get(d.source, d.source))
        b = where.get(top.get(d.target, d.target))
        if b == kernel_id and a is not None and a != kernel_id:
            out.append({"from_service": a})
    return out


def service_figures(service: dict[str, Any]) -> dict[str, int]:
    """The counts shown for a service in summaries."""
    return {
        "classes": len(service["classes"]),
        "tables": len(service["tables"]["owned"]),
        "endpoints": len(service["endpoints"]),
        "calls out": sum(c["count"] for c in service["outgoing_calls"]),
        "calls in": sum(c["count"] for c in service["incoming_calls"]),
    }


def class_assignment(report: dict[str, Any]) -> dict[str, str]:
    """Class FQN -> service id of a report, shared-kernel classes included as their own group."""
    out = {c: s["id"] for s in report["services"] for c in s["classes"]}
    kernel = report.get("shared_kernel")
    if kernel:
        out.update(dict.fromkeys(kernel["classes"], kernel["id"]))
    return out


def class_subdomains(report: dict[str, Any]) -> dict[str, str]:
    """Class FQN -> core/supporting/generic, from the service it was placed in."""
    out = {c: s["subdomain"]["type"] for s in report["services"] for c in s["classes"]}
    kernel = report.get("shared_kernel")
    if kernel:
        out.update(dict.fromkeys(kernel["classes"], "generic"))
    return out

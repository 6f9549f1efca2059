"""Suggested extraction order (strangler fig): cut out the loosely coupled services first.

Per service the *entanglement* is ``calls in + calls out + 2 x (tables it shares with other
services) + foreign keys between its tables and other services' + class pairs across services
using a type without a call``: every cross-service call becomes a remote call to build and
operate, every shared table a data migration or replication, every such key a constraint the
split drops and the code must keep instead, and every such type a library or a contract.
Services are extracted in increasing entanglement; on a tie core services go first (they carry
the value that justifies the move), then supporting, then generic ones, which are also
candidates for a shared platform or an off-the-shelf product.
The shared kernel is not extracted: it becomes a versioned library.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

ORDER = {"core": 0, "supporting": 1, "generic": 2}


def extraction_order(
    services: list[dict[str, Any]],
    keys: Sequence[Mapping[str, Any]] = (),
    types: Mapping[str, int] | None = None,
) -> list[dict[str, Any]]:
    """The services in the order to extract them; ``keys``: the report's foreign keys across
    services; ``types``: per service, the class pairs across services using a type with no
    call (:func:`msadecomp.report.build.type_uses`)."""
    crossing = Counter(k[end] for k in keys for end in ("from_service", "to_service"))
    types = types or {}
    rows = []
    for s in services:
        calls_in = sum(c["count"] for c in s["incoming_calls"])
        calls_out = sum(c["count"] for c in s["outgoing_calls"])
        shared = len(s["tables"]["owned_but_used_elsewhere"]) + len(
            s["tables"]["used_from_other_services"]
        )
        kind = (s.get("subdomain") or {}).get("type", "supporting")
        rows.append(
            (
                calls_in + calls_out + 2 * shared + crossing[s["id"]] + types.get(s["id"], 0),
                ORDER.get(kind, 1),
                s["id"],
                s,
                calls_in,
                calls_out,
                shared,
                kind,
            )
        )
    plan = []
    for step, (score, _, _, s, calls_in, calls_out, shared, kind) in enumerate(sorted(rows), 1):
        reasons = [
            f"{calls_in} incoming and {calls_out} outgoing cross-service calls",
            f"{shared} table(s) shared with other services",
        ]
        if types.get(s["id"]):
            reasons.append(
                f"{types[s['id']]} use(s) of types across services without a call (exceptions, "
                "DTOs, base classes: a library or an API contract once split)"
            )
        if crossing[s["id"]]:
            reasons.append(f"{crossing[s['id']]} foreign key(s) to or from other services' tables")
        if kind == "generic":
            reasons.append(
                "generic capability: consider a shared platform service or an "
                "off-the-shelf product instead of custom code"
            )
        elif kind == "core":
            reasons.append("core subdomain: the value of the migration is here")
        plan.append(
            {
                "step": step,
                "service": s["id"],
                "name": s["name"],
                "subdomain": kind,
                "entanglement": score,
                "reasons": reasons,
            }
        )
    return plan

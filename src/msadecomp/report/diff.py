"""Compare two ``report.json`` files: which classes, tables and endpoints moved between
services, which appeared or disappeared, and how the metrics changed (``msadecomp diff``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from msadecomp.errors import InputError
from msadecomp.report.build import class_assignment

DIFF_SCHEMA = "msadecomp.diff/1"


def load_report(path: str | Path) -> dict[str, Any]:
    """A report.json, checked enough to diff; :class:`InputError` otherwise."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not str(data.get("schema", "")).startswith(
            "msadecomp.report/"
        ):
            raise TypeError("no msadecomp report schema")
        class_assignment(data)
    except OSError as err:
        raise InputError(f"cannot read {p}: {err.strerror}") from None
    except (UnicodeDecodeError, ValueError, RecursionError, KeyError, TypeError) as err:
        raise InputError(f"{p} is not a readable msadecomp report.json: {err}") from None
    return data


def _endpoints(report: dict[str, Any]) -> dict[str, str]:
    """Endpoint -> service; an endpoint is its method, path and handler (listeners of ``?``
    and a web service's operations share a method and path)."""
    return {
        f"{e['method']} {e['path']} ({e['handler'].rpartition('.')[2]})": s["id"]
        for s in report["services"]
        for e in s["endpoints"]
    }


def _tables(report: dict[str, Any]) -> dict[str, str]:
    return {t: str(info.get("owner")) for t, info in report.get("tables", {}).items()}


def _moves(old: dict[str, str], new: dict[str, str]) -> dict[str, Any]:
    return {
        "moved": [
            {"name": k, "from": old[k], "to": new[k]}
            for k in sorted(old.keys() & new.keys())
            if old[k] != new[k]
        ],
        "added": [{"name": k, "service": new[k]} for k in sorted(new.keys() - old.keys())],
        "removed": [{"name": k, "service": old[k]} for k in sorted(old.keys() - new.keys())],
    }


def diff_reports(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The differences from ``old`` to ``new`` as JSON-ready data."""
    metrics = {}
    om, nm = old.get("metrics", {}), new.get("metrics", {})
    for k in sorted(om.keys() | nm.keys()):
        a, b = om.get(k), nm.get(k)
        if a != b:
            delta = (
                round(b - a, 4)
                if isinstance(a, (int, float)) and isinstance(b, (int, float))
                else None
            )
            metrics[k] = {"old": a, "new": b, "change": delta}
    old_ids = {s["id"] for s in old["services"]}
    new_ids = {s["id"] for s in new["services"]}
    return {
        "schema": DIFF_SCHEMA,
        "services": {"added": sorted(new_ids - old_ids), "removed": sorted(old_ids - new_ids)},
        "classes": _moves(class_assignment(old), class_assignment(new)),
        "tables": _moves(_tables(old), _tables(new)),
        "endpoints": _moves(_endpoints(old), _endpoints(new)),
        "metrics": metrics,
    }


def diff_text(changes: dict[str, Any]) -> str:
    """The differences as plain text, one line per change."""
    lines: list[str] = []
    s = changes["services"]
    for sid in s["added"]:
        lines.append(f"+ service {sid}")
    for sid in s["removed"]:
        lines.append(f"- service {sid}")
    for kind in ("classes", "tables", "endpoints"):
        noun = {"classes": "class", "tables": "table", "endpoints": "endpoint"}[kind]
        c = changes[kind]
        for m in c["moved"]:
            lines.append(f"~ {noun} {m['name']}: {m['from']} -> {m['to']}")
        for m in c["added"]:
            lines.append(f"+ {noun} {m['name']} in {m['service']}")
        for m in c["removed"]:
            lines.append(f"- {noun} {m['name']} (was in {m['service']})")
    for k, m in changes["metrics"].items():
        change = f" ({m['change']:+g})" if m["change"] is not None else ""
        lines.append(f"~ metric {k}: {m['old']} -> {m['new']}{change}")
    if not lines:
        return "no differences\n"
    return "\n".join(lines) + "\n"

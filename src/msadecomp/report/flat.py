"""The flat class/view/table -> service export (``assignment.csv``, ``assignment.json``), and
reading an edited copy back as pins for ``msadecomp analyze --assignment FILE``.

One row per element: ``kind`` (``class``, ``view`` for a JSP page, ``table``), ``name`` (class
FQN, page path, table name), ``service`` (service id; ``K`` is the shared kernel), ``subdomain``
(core/supporting/generic). A page served by several services has one row per service; a table
row names its owning service.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from msadecomp.errors import InputError

ASSIGNMENT_SCHEMA = "msadecomp.assignment/1"
COLUMNS = ("kind", "name", "service", "subdomain")
SERVICE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$")


def assignment_rows(report: dict[str, Any]) -> list[dict[str, str]]:
    """The export's rows, sorted by kind then name."""
    rows: list[dict[str, str]] = []
    subdomain = {s["id"]: s["subdomain"]["type"] for s in report["services"]}
    for s in report["services"]:
        rows += [
            {"kind": "class", "name": c, "service": s["id"], "subdomain": subdomain[s["id"]]}
            for c in s["classes"]
        ]
        rows += [
            {"kind": "view", "name": p, "service": s["id"], "subdomain": subdomain[s["id"]]}
            for p in s.get("views", [])
        ]
    kernel = report.get("shared_kernel")
    if kernel:
        subdomain[kernel["id"]] = "generic"
        rows += [
            {"kind": "class", "name": c, "service": kernel["id"], "subdomain": "generic"}
            for c in kernel["classes"]
        ]
    for table, info in report.get("tables", {}).items():
        if info.get("owner") is not None:
            owner = info["owner"]
            rows.append(
                {
                    "kind": "table",
                    "name": table,
                    "service": owner,
                    "subdomain": subdomain.get(owner, ""),
                }
            )
    order = {"class": 0, "view": 1, "table": 2}
    return sorted(rows, key=lambda r: (order[r["kind"]], r["name"], r["service"]))


def to_csv(report: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(assignment_rows(report))
    return buffer.getvalue()


def to_json(report: dict[str, Any]) -> str:
    data = {
        "schema": ASSIGNMENT_SCHEMA,
        "generator": report.get("generator", ""),
        "assignment": assignment_rows(report),
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def load_assignment(path: str | Path) -> dict[str, str]:
    """Class FQN -> service id from an (edited) ``assignment.csv`` or ``assignment.json``.

    ``class`` rows give class FQNs, ``table`` rows ``table:NAME`` keys (the graph's table
    nodes); ``view`` rows are ignored (views follow the classes behind them). A CSV may also be
    just two columns ``class,service`` without a header line naming them.

    Raises
    ------
    InputError
        When the file cannot be read, has no class rows, names a class twice with different
        services, or uses a service id that is not a plain name (letters, digits, ``-_.``).
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as err:
        raise InputError(f"cannot read assignment file {p}: {err.strerror}") from None
    except UnicodeDecodeError:
        raise InputError(f"assignment file {p} is not UTF-8 text") from None
    pairs = _json_pairs(p, text) if text.lstrip().startswith(("{", "[")) else _csv_pairs(text)
    out: dict[str, str] = {}
    for line, (name, service) in enumerate(pairs, 1):
        if not SERVICE_ID.match(service):
            raise InputError(
                f"{p}: entry {line}: service id {service!r} must be letters, digits, '-', '_' "
                "or '.', starting with a letter or digit"
            )
        if out.get(name, service) != service:
            raise InputError(f"{p}: {name} is given two services, {out[name]} and {service}")
        out[name] = service
    if not out:
        raise InputError(f"assignment file {p} holds no class -> service rows")
    return out


def _class_key(name: str) -> str:
    return name


def _table_key(name: str) -> str:
    return f"table:{name}"


_KEY: dict[str, Callable[[str], str]] = {"class": _class_key, "table": _table_key}


def _csv_pairs(text: str) -> list[tuple[str, str]]:
    rows = [r for r in csv.reader(io.StringIO(text)) if r and any(x.strip() for x in r)]
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0]]
    if "name" in header and "service" in header:
        k = header.index("kind") if "kind" in header else None
        n, s = header.index("name"), header.index("service")
        out = []
        for r in rows[1:]:
            if len(r) <= max(n, s, k or 0):
                continue
            kind = r[k].strip() if k is not None else "class"
            if kind in _KEY:
                out.append((_KEY[kind](r[n].strip()), r[s].strip()))
        return out
    return [(r[0].strip(), r[1].strip()) for r in rows if len(r) >= 2]


def _json_pairs(p: Path, text: str) -> list[tuple[str, str]]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as err:
        raise InputError(f"assignment file {p} is not valid JSON: {err}") from None
    rows = data.get("assignment", data) if isinstance(data, dict) else data
    if isinstance(rows, dict):  # a plain {"class": "service"} object
        return [(str(k), str(v)) for k, v in rows.items()]
    if not isinstance(rows, list):
        raise InputError(f"assignment file {p}: expected a list of rows under 'assignment'")
    out = []
    for r in rows:
        kind = r.get("kind", "class") if isinstance(r, dict) else None
        if (
            isinstance(r, dict)
            and kind in _KEY
            and isinstance(r.get("name"), str)
            and isinstance(r.get("service"), str)
        ):
            out.append((_KEY[str(kind)](r["name"]), r["service"]))
    return out

"""Read ground-truth files: which bounded context each class, view and table belongs to.

Format (JSON)::

    {"contexts": {"billing": {"subdomain": "core"}, ...},
     "classes": {"com.acme.billing.InvoiceService": "billing", ...},
     "views": {"WEB-INF/jsp/billing/InvoiceList.jsp": "billing", ...},
     "tables": {"INVOICE": "billing", ...},
     "dont_care": ["common", "unused"]}

Every key is optional. A bare ``{"fqn": "context", ...}`` object (none of the keys above) is read
as a ``classes`` map. Objects labelled with a don't-care label are left out of every score; the
list defaults to :data:`DONT_CARE` and a file may replace it. Other top-level keys (``system``,
``source``, ``method``, ...) are free-form notes and are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from msadecomp.errors import InputError

DONT_CARE: tuple[str, ...] = ("common", "unused")
"""Labels that mark an object as not scored, unless the truth file gives its own list."""
KINDS: tuple[str, ...] = ("classes", "views", "tables")
"""The component kinds a truth file can label, in report order."""
_STRUCTURED_KEYS = frozenset({*KINDS, "contexts", "dont_care"})


@dataclass(frozen=True, slots=True)
class Truth:
    classes: dict[str, str]
    """Top-level class FQN -> context."""
    subdomains: dict[str, str]
    """Context -> core / supporting / generic, when the file gives it."""
    views: dict[str, str] = field(default_factory=dict)
    """View path relative to the analysed root (``/`` separators) -> context."""
    tables: dict[str, str] = field(default_factory=dict)
    """Table name (upper case: names are compared case-insensitively) -> context."""
    dont_care: frozenset[str] = frozenset(DONT_CARE)
    """Labels whose objects are excluded from the scores."""

    def labelled(self, kind: str) -> dict[str, str]:
        """The ``kind`` map ("classes", "views" or "tables") without don't-care objects."""
        if kind not in KINDS:
            raise ValueError(f"unknown component kind {kind!r}; expected one of {KINDS}")
        mapping: dict[str, str] = getattr(self, kind)
        return {o: c for o, c in mapping.items() if c not in self.dont_care}

    def ignored(self, kind: str) -> int:
        """How many objects of ``kind`` carry a don't-care label."""
        mapping: dict[str, str] = getattr(self, kind)
        return sum(1 for c in mapping.values() if c in self.dont_care)


def _label_map(value: Any, key: str, what: str, where: Path) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise InputError(
            f"truth file {where}: '{key}' must be an object mapping {what} to contexts"
        )
    for obj, label in value.items():
        if not isinstance(label, str) or not label.strip():
            raise InputError(
                f"truth file {where}: '{key}' entry {str(obj)[:80]!r} must name a context "
                f"(a non-empty string), not {_describe(label)}"
            )
    return {str(k): v for k, v in value.items()}


def _describe(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "an empty string" if value == "" else type(value).__name__


def normalise_view(path: str) -> str:
    """A view path with ``/`` separators and no leading ``./`` or ``/``."""
    out = path.replace("\\", "/")
    while out.startswith("./"):
        out = out[2:]
    return out.lstrip("/")


def parse_truth(data: Any, where: str | Path = "<truth>") -> Truth:
    """Build a :class:`Truth` from decoded JSON; wrong shapes raise :class:`InputError`."""
    p = Path(where)
    if not isinstance(data, dict):
        raise InputError(f"truth file {p} must hold a JSON object, not {_describe(data)}")
    structured = bool(_STRUCTURED_KEYS & data.keys())
    raw_classes = data.get("classes", {}) if structured else data
    classes = _label_map(raw_classes, "classes", "class FQNs", p)
    views_raw = _label_map(data.get("views", {}), "views", "view paths", p)
    tables: dict[str, str] = {}
    for name, label in _label_map(data.get("tables", {}), "tables", "table names", p).items():
        key = name.upper()
        if key in tables and tables[key] != label:
            raise InputError(f"truth file {p}: table {key[:80]!r} is given two contexts")
        tables[key] = label
    contexts = data.get("contexts", {})
    if not isinstance(contexts, dict):
        raise InputError(
            f"truth file {p}: 'contexts' must be an object, not {_describe(contexts)}"
        )
    for name, info in contexts.items():
        if info is not None and not isinstance(info, dict):
            raise InputError(
                f"truth file {p}: context {str(name)[:80]!r} must be described by an object"
            )
        subdomain = (info or {}).get("subdomain")
        if subdomain is not None and not isinstance(subdomain, str):
            raise InputError(
                f"truth file {p}: context {str(name)[:80]!r}: 'subdomain' must be a string"
            )
    dont_care = data.get("dont_care", list(DONT_CARE))
    if not isinstance(dont_care, list) or not all(isinstance(x, str) for x in dont_care):
        raise InputError(f"truth file {p}: 'dont_care' must be a list of context names")
    views: dict[str, str] = {}
    for path, label in views_raw.items():
        key = normalise_view(path)
        if key in views and views[key] != label:
            raise InputError(f"truth file {p}: view {key[:80]!r} is given two contexts")
        views[key] = label
    subdomains = {
        name: info["subdomain"]
        for name, info in contexts.items()
        if isinstance(info, dict) and isinstance(info.get("subdomain"), str)
    }
    return Truth(dict(classes), subdomains, views, tables, frozenset(dont_care))


def load_truth(path: str | Path) -> Truth:
    """Read and check a truth file (see ``docs/truth-format.md``)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"cannot read truth file {p}: {err.strerror}") from None
    except UnicodeDecodeError as err:
        raise InputError(f"truth file {p} is not valid JSON: not UTF-8 ({err.reason})") from None
    try:
        data = json.loads(text)
    except RecursionError:
        raise InputError(f"truth file {p} is not valid JSON: nested too deeply") from None
    except json.JSONDecodeError as err:
        raise InputError(f"truth file {p} is not valid JSON: {err}") from None
    except ValueError:  # an integer longer than Python's conversion limit
        message = "a number has too many digits"
        raise InputError(f"truth file {p} is not valid JSON: {message}") from None
    return parse_truth(data, p)

"""Read ground-truth files: which bounded context (and subdomain) each class belongs to.

Format (JSON)::

    {"contexts": {"billing": {"subdomain": "core"}, ...},
     "classes": {"com.acme.billing.InvoiceService": "billing", ...}}

A bare ``{"fqn": "context", ...}`` object is accepted too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from msadecomp.errors import InputError


@dataclass(frozen=True, slots=True)
class Truth:
    classes: dict[str, str]
    subdomains: dict[str, str]
    """Context -> core / supporting / generic, when the file gives it."""


def load_truth(path: str | Path) -> Truth:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as err:
        raise InputError(f"cannot read truth file {p}: {err.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"truth file {p} is not valid JSON: {err}") from None
    if not isinstance(data, dict):
        raise InputError(f"truth file {p} must hold a JSON object")
    classes = data.get("classes", data)
    contexts = data.get("contexts", {})
    if not isinstance(classes, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in classes.items()
    ):
        raise InputError(f"truth file {p}: 'classes' must map class FQNs to context names")
    if not isinstance(contexts, dict):
        raise InputError(f"truth file {p}: 'contexts' must be an object")
    subdomains = {
        name: str(info["subdomain"])
        for name, info in contexts.items()
        if isinstance(info, dict) and "subdomain" in info
    }
    return Truth(dict(classes), subdomains)

"""JSON Schemas (draft 2020-12) of msadecomp's JSON outputs, shipped with the package.

* ``report.schema.json``: ``report.json`` (written by hand from :mod:`msadecomp.report.build`).
* ``model.schema.json``: ``model.json``, generated from the :class:`msadecomp.model.CodeModel`
  dataclasses by :func:`model_schema`; regenerate it with ``python -m msadecomp.schemas`` after
  changing the model (a test fails while it is stale).
"""

from __future__ import annotations

import dataclasses
import enum
import json
import types
import typing
from importlib import resources
from typing import Any

from msadecomp import model as _model

SCHEMA_FILES = ("report.schema.json", "model.schema.json")


def load_schema(name: str) -> dict[str, Any]:
    """A shipped schema by file name (``report.schema.json`` or ``model.schema.json``)."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _schema_of(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _schema_of(args[0], defs)}
        items = [_schema_of(a, defs) for a in args]
        return {
            "type": "array",
            "prefixItems": items,
            "minItems": len(items),
            "maxItems": len(items),
        }
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_schema_of(a, defs) for a in typing.get_args(tp)]}
    if tp is type(None):
        return {"type": "null"}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            hints = typing.get_type_hints(tp)
            fields = dataclasses.fields(tp)
            defs[name] = {
                "type": "object",
                "properties": {f.name: _schema_of(hints[f.name], defs) for f in fields},
                "required": [f.name for f in fields],
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [m.value for m in tp]}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if tp in simple:
        return {"type": simple[tp]}
    raise TypeError(f"no JSON Schema for {tp!r}")


def model_schema() -> dict[str, Any]:
    """The JSON Schema of ``CodeModel.to_dict()``, from the model's dataclasses."""
    defs: dict[str, Any] = {}
    body = _schema_of(_model.CodeModel, defs)
    root = defs.pop("CodeModel")
    root["properties"] = {"schema": {"const": _model.SCHEMA_VERSION}, **root["properties"]}
    root["required"] = ["schema", *root["required"]]
    del body
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://msadecomp.invalid/schemas/model.schema.json",
        "title": "msadecomp model.json",
        **root,
        "$defs": dict(sorted(defs.items())),
    }

"""Regenerate ``model.schema.json`` from the model dataclasses."""

import json
from pathlib import Path

from msadecomp.schemas import model_schema

if __name__ == "__main__":
    target = Path(__file__).with_name("model.schema.json")
    target.write_text(json.dumps(model_schema(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {target}")

"""Run settings: clustering parameters and the weight of each coupling signal."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from msadecomp.errors import ConfigError

ALGORITHMS = ("louvain",)
_ALIASES = {"return": "ret", "import": "import_", "read": "table_read", "write": "table_write"}
_PUBLIC = {"ret": "return", "import_": "import"}


@dataclass(frozen=True, slots=True)
class Weights:
    """Weight of one dependency of each kind in the clustering graph.

    Several dependencies of the same kind between two classes add up with diminishing returns
    (``w * (1 + ln n)``), so one chatty pair cannot dominate the graph.
    """

    extends: float = 3.0
    implements: float = 4.0
    injection: float = 3.0
    call: float = 1.0
    field: float = 1.0
    param: float = 0.5
    ret: float = 0.5
    local: float = 0.5
    new: float = 1.0
    annotation: float = 0.2
    import_: float = 0.3
    table_read: float = 2.0
    table_write: float = 4.0
    foreign_key: float = 2.0

    def for_kind(self, kind: str) -> float:
        """Weight of an edge kind: a DepKind value, ``read``, ``write`` or ``foreign_key``."""
        value: float = getattr(self, _ALIASES.get(kind, kind))
        return value

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> Weights:
        names = {f.name for f in fields(cls)}
        values: dict[str, float] = {}
        for key, value in data.items():
            name = _ALIASES.get(key, key).replace("-", "_")
            if name not in names:
                known = sorted({_PUBLIC.get(n, n) for n in names})
                raise ConfigError(f"unknown weight {key!r}; known: {', '.join(known)}")
            if not isinstance(value, (int, float)) or value < 0:
                raise ConfigError(f"weight {key!r} must be a number >= 0, not {value!r}")
            values[name] = float(value)
        return replace(cls(), **values)


@dataclass(frozen=True, slots=True)
class Config:
    """Settings of one analysis run."""

    algorithm: str = "louvain"
    seed: int = 42
    resolution: float = 1.0
    services: int | None = None
    """Wanted number of services; the resolution is searched to reach it when set."""
    jobs: int | None = None
    weights: Weights = field(default_factory=Weights)

    def __post_init__(self) -> None:
        if self.algorithm not in ALGORITHMS:
            raise ConfigError(
                f"unknown algorithm {self.algorithm!r}; choose one of {', '.join(ALGORITHMS)}"
            )
        if self.resolution <= 0:
            raise ConfigError(f"resolution must be > 0, not {self.resolution}")
        if self.services is not None and self.services < 1:
            raise ConfigError(f"the number of services must be >= 1, not {self.services}")
        if self.jobs is not None and self.jobs < 1:
            raise ConfigError(f"jobs must be >= 1, not {self.jobs}")

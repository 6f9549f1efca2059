"""Run settings: clustering parameters and the weight of each coupling signal."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib as tomllib
else:  # pragma: no cover
    import tomli as tomllib

from msadecomp.errors import ConfigError

ALGORITHM_NAMES = ("louvain", "leiden", "label_propagation", "greedy_modularity")
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
    semantic: float = 2.0
    """Multiplied by the TF-IDF cosine similarity (0..1) of the two classes' identifiers."""
    cochange: float = 2.0
    """Multiplied by the co-change support (0..1) from git history."""

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
    """Settings of one analysis run (see docs/configuration.md for the TOML file)."""

    algorithm: str = "louvain"
    seed: int = 42
    resolution: float | None = None
    """``None`` runs the resolution sweep that picks the number of services."""
    services: int | None = None
    """Wanted number of services; the resolution is searched to reach it when set."""
    jobs: int | None = None
    weights: Weights = field(default_factory=Weights)
    together: tuple[tuple[str, ...], ...] = ()
    """Groups of FQN patterns (``*``, ``?``) that must end in one service."""
    apart: tuple[tuple[str, str], ...] = ()
    """Pairs of FQN patterns that must end in different services."""
    kernel: bool = True
    """Set shared-kernel (utility) classes aside before clustering."""
    kernel_include: tuple[str, ...] = ()
    kernel_exclude: tuple[str, ...] = ()
    lang: str | None = None
    """Report language, ``en`` or ``ko``; ``None`` follows the locale (report issue)."""

    def __post_init__(self) -> None:
        if self.lang is not None and self.lang not in ("en", "ko"):
            raise ConfigError(f"lang must be 'en' or 'ko', not {self.lang!r}")
        if self.algorithm not in ALGORITHM_NAMES:
            raise ConfigError(
                f"unknown algorithm {self.algorithm!r}; choose one of {', '.join(ALGORITHM_NAMES)}"
            )
        if self.resolution is not None and self.resolution <= 0:
            raise ConfigError(f"resolution must be > 0, not {self.resolution}")
        if self.services is not None and self.services < 1:
            raise ConfigError(f"the number of services must be >= 1, not {self.services}")
        if self.jobs is not None and self.jobs < 1:
            raise ConfigError(f"jobs must be >= 1, not {self.jobs}")
        if any(len(pair) != 2 for pair in self.apart):
            raise ConfigError("each 'apart' entry must name exactly two patterns")


_TOP_KEYS = {
    "algorithm",
    "seed",
    "resolution",
    "services",
    "jobs",
    "weights",
    "constraints",
    "kernel",
    "lang",
}


def load_config(path: str | Path) -> Config:
    """Read a TOML configuration file (``msadecomp.toml`` or ``[tool.msadecomp]`` of a
    ``pyproject.toml``)."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as err:
        raise ConfigError(f"cannot read configuration {p}: {err.strerror}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"configuration {p} is not valid TOML: {err}") from None
    if p.name == "pyproject.toml":
        data = data.get("tool", {}).get("msadecomp", {})
    return config_from_mapping(data, str(p))


def config_from_mapping(data: dict[str, Any], origin: str = "configuration") -> Config:
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise ConfigError(
            f"{origin}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(_TOP_KEYS))}"
        )
    constraints = _table(data, "constraints", origin)
    kernel = _table(data, "kernel", origin)
    resolution = data.get("resolution")
    apart = constraints.get("apart", [])
    if not isinstance(apart, list) or any(
        not isinstance(pair, list) or len(pair) != 2 for pair in apart
    ):
        raise ConfigError(f"{origin}: each 'apart' entry must name exactly two patterns")
    try:
        return Config(
            algorithm=str(data.get("algorithm", "louvain")),
            seed=int(data.get("seed", 42)),
            resolution=None if resolution in (None, "auto") else float(resolution),
            services=None if data.get("services") is None else int(data["services"]),
            jobs=None if data.get("jobs") is None else int(data["jobs"]),
            weights=Weights.from_mapping(_table(data, "weights", origin)),
            together=tuple(
                tuple(str(x) for x in group) for group in constraints.get("together", [])
            ),
            apart=tuple((str(a), str(b)) for a, b in apart),
            kernel=bool(kernel.get("detect", True)),
            kernel_include=tuple(str(x) for x in kernel.get("include", [])),
            kernel_exclude=tuple(str(x) for x in kernel.get("exclude", [])),
            lang=None if data.get("lang") is None else str(data["lang"]),
        )
    except (TypeError, ValueError) as err:
        raise ConfigError(f"{origin}: {err}") from None


def _table(data: dict[str, Any], key: str, origin: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{origin}: [{key}] must be a table")
    return value

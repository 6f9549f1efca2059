"""Run settings: clustering parameters and the weight of each coupling signal."""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib as tomllib
else:  # pragma: no cover
    import tomli as tomllib

from msadecomp.errors import ConfigError
from msadecomp.ingest.sources import Limits
from msadecomp.ingest.sql_dialect import SQL_DIALECTS

ALGORITHM_NAMES = ("leiden", "louvain", "label_propagation", "greedy_modularity")
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
    package: float = 1.0
    """Ties classes of one feature package (see graph/structure.py), about this much per class."""
    module: float = 0.5
    """Ties classes of one Maven/Gradle module, about this much per class."""
    stores: float = 4.0
    """Ties a repository, DAO or mapper to the entity it stores (see graph/aggregates.py)."""
    composes: float = 3.0
    """Ties an aggregate root to the parts it holds as fields (see graph/aggregates.py)."""
    delegates: float = 2.0
    """Ties a caller of a facade to what the called method uses (see graph/delegation.py)."""
    serves: float = 4.0
    """Ties a validator, editor, handler or factory to the class it is named after."""
    message: float = 0.0
    """Ties a class sending to a queue or topic to the listener of it: none by default, since a
    message channel is how split services should talk (the report lists the channels)."""
    cross_aggregate: float = 0.25
    """Factor on references from one aggregate's domain classes to another aggregate's root."""
    sole_implementation: float = 4.0
    """Factor on ``implements`` from the only class implementing an interface (see graph)."""
    thrown: float = 3.0
    """Factor on ``new`` of an exception class that no other class creates: it reports the
    failures of the one class throwing it (FTGO's ``OrderNotFoundException``)."""
    migration: float = 0.1
    """Factor on the table reads and writes of Liquibase/Flyway Java migrations."""
    semantic_across_modules: float = 0.1
    """Factor on the ``semantic`` tie of two classes in two different vertical modules (each
    holding web, service and persistence classes): the same word in two such modules is each
    context's own term (RuoYi-Vue-Pro's CRM, ERP, BPM and IoT categories had formed one
    "category" service across nine modules)."""

    def for_kind(self, kind: str) -> float:
        """Weight of an edge kind: a DepKind value, ``read``, ``write`` or ``foreign_key``."""
        value: float = getattr(self, _ALIASES.get(kind, kind))
        return value

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if _is_number(value) and value >= 0:
                object.__setattr__(self, f.name, float(value))
            else:
                name = _PUBLIC.get(f.name, f.name)
                raise ConfigError(
                    f"weight {name!r} must be a finite number >= 0, not {_shown(value)}"
                )

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> Weights:
        names = {f.name for f in fields(cls)}
        values: dict[str, float] = {}
        for key, value in data.items():
            name = _ALIASES.get(key, key).replace("-", "_")
            if name not in names:
                known = sorted({_PUBLIC.get(n, n) for n in names})
                raise ConfigError(f"unknown weight {_shown(key)}; known: {', '.join(known)}")
            if not _is_number(value) or value < 0:
                raise ConfigError(
                    f"weight {_shown(key)} must be a finite number >= 0, not {_shown(value)}"
                )
            values[name] = float(value)
        return replace(cls(), **values)


@dataclass(frozen=True, slots=True)
class Config:
    """Settings of one analysis run (see docs/configuration.md for the TOML file)."""

    algorithm: str = "leiden"
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
    include: tuple[str, ...] = ()
    """Path globs: when given, only matching files are analysed (see ingest/scope.py)."""
    exclude: tuple[str, ...] = ()
    """Path globs of files to leave out, besides tests and build tooling."""
    include_tests: bool = False
    """Analyse test sources too (left out by default)."""
    sql_dialect: str | None = None
    """Which copy to read when mappers/DDL ship once per database; ``None``: the most common."""
    limits: Limits = field(default_factory=Limits)
    """Resource budgets for reading the input (file size, archive inflation and entries)."""
    lang: str | None = None
    """Report language, ``en`` or ``ko``; ``None`` follows the locale."""

    def __post_init__(self) -> None:
        if self.lang is not None and self.lang not in ("en", "ko"):
            raise ConfigError(f"lang must be 'en' or 'ko', not {_shown(self.lang)}")
        if not isinstance(self.algorithm, str) or self.algorithm not in ALGORITHM_NAMES:
            raise ConfigError(
                f"unknown algorithm {_shown(self.algorithm)}; "
                f"choose one of {', '.join(ALGORITHM_NAMES)}"
            )
        if not _is_int(self.seed) or not 0 <= self.seed < 2**32:
            raise ConfigError(
                f"seed must be a whole number from 0 to 2**32-1, not {_shown(self.seed)}"
            )
        if self.resolution is not None:
            if not _is_number(self.resolution) or self.resolution <= 0:
                raise ConfigError(
                    f"resolution must be > 0 and finite (or 'auto'), not {_shown(self.resolution)}"
                )
            object.__setattr__(self, "resolution", float(self.resolution))
        if self.services is not None and (
            not _is_int(self.services) or not 1 <= self.services <= MAX_SERVICES
        ):
            raise ConfigError(
                f"the number of services must be a whole number from 1 to {MAX_SERVICES:,}, "
                f"not {_shown(self.services)}"
            )
        if self.jobs is not None and (not _is_int(self.jobs) or not 1 <= self.jobs <= max_jobs()):
            raise ConfigError(
                f"jobs must be a whole number from 1 to {max_jobs()} (4 per CPU core), "
                f"not {_shown(self.jobs)}"
            )
        if not isinstance(self.weights, Weights):
            raise ConfigError(f"weights must be a Weights, not {type(self.weights).__name__}")
        if not isinstance(self.limits, Limits):
            raise ConfigError(f"limits must be a Limits, not {type(self.limits).__name__}")
        if not isinstance(self.kernel, bool):
            raise ConfigError(f"kernel detection must be true or false, not {_shown(self.kernel)}")
        together = _patterns_list(self.together, "together", "a list of groups of patterns")
        if any(not group for group in together):
            raise ConfigError("each 'together' group must name at least one pattern")
        apart = _patterns_list(self.apart, "apart", "a list of pairs of patterns")
        if any(len(pair) != 2 for pair in apart):
            raise ConfigError("each 'apart' entry must name exactly two patterns")
        object.__setattr__(self, "together", together)
        object.__setattr__(self, "apart", apart)
        for name in ("kernel_include", "kernel_exclude", "include", "exclude"):
            object.__setattr__(self, name, _patterns(getattr(self, name), name))
        if self.sql_dialect is not None and self.sql_dialect not in SQL_DIALECTS:
            known = ", ".join(SQL_DIALECTS)
            raise ConfigError(
                f"unknown sql_dialect {_shown(self.sql_dialect)}; choose one of {known}"
            )
        if not isinstance(self.include_tests, bool):
            raise ConfigError(
                f"include_tests must be true or false, not {_shown(self.include_tests)}"
            )


MAX_SERVICES = 100_000


def max_jobs() -> int:
    """Most worker processes a run may ask for: four per CPU core."""
    return 4 * (os.cpu_count() or 1)


def _shown(value: object, width: int = 60) -> str:
    """``repr(value)`` cut to ``width`` characters (huge numbers and lists stay one short line)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"a {value.bit_length()}-bit number"
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    """A finite int or float (not a bool, not an int too large for a float)."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def _patterns(value: object, what: str) -> tuple[str, ...]:
    """A list of non-empty pattern strings as a tuple; a bare string is an error, not letters."""
    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
        raise ConfigError(f"{what} must be a list of patterns, not {_shown(value)}")
    if any(not isinstance(x, str) or not x.strip() for x in value):
        raise ConfigError(f"{what}: every pattern must be a non-empty string, not {_shown(value)}")
    return tuple(value)


def _patterns_list(value: object, what: str, shape: str) -> tuple[tuple[str, ...], ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
        raise ConfigError(f"{what} must be {shape}, not {_shown(value)}")
    return tuple(_patterns(group, f"{what} entry") for group in value)


CONFIG_KEYS = {
    "algorithm",
    "seed",
    "resolution",
    "services",
    "jobs",
    "weights",
    "constraints",
    "kernel",
    "include",
    "exclude",
    "include_tests",
    "sql_dialect",
    "limits",
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
    except (UnicodeDecodeError, ValueError) as err:  # ValueError: also int-str digit limit
        raise ConfigError(f"configuration {p} is not valid TOML: {err}") from None
    except RecursionError:
        raise ConfigError(f"configuration {p} is nested too deeply to read") from None
    if p.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("msadecomp", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError(f"{p}: [tool.msadecomp] must be a table")
    return config_from_mapping(data, str(p))


def config_from_mapping(data: dict[str, Any], origin: str = "configuration") -> Config:
    unknown = sorted(set(data) - CONFIG_KEYS)
    if unknown:
        known = ", ".join(sorted(CONFIG_KEYS))
        raise ConfigError(f"{origin}: unknown key(s) {', '.join(unknown)}; known: {known}")
    constraints = _table(data, "constraints", origin)
    kernel = _table(data, "kernel", origin)
    limits = _table(data, "limits", origin)
    _known(limits, {f.name for f in fields(Limits)}, f"{origin}: [limits]")
    _known(constraints, {"together", "apart"}, f"{origin}: [constraints]")
    _known(kernel, {"detect", "include", "exclude"}, f"{origin}: [kernel]")
    resolution = data.get("resolution")
    try:
        return Config(
            algorithm=_typed(data, "algorithm", "leiden", str, "a string"),
            seed=_typed(data, "seed", 42, _is_int, "a whole number"),
            resolution=None if resolution in (None, "auto") else resolution,
            services=data.get("services"),
            jobs=data.get("jobs"),
            weights=Weights.from_mapping(_table(data, "weights", origin)),
            together=constraints.get("together", ()),
            apart=constraints.get("apart", ()),
            kernel=_typed(kernel, "detect", True, bool, "true or false"),
            kernel_include=kernel.get("include", ()),
            kernel_exclude=kernel.get("exclude", ()),
            limits=Limits(**limits),
            include=data.get("include", ()),
            exclude=data.get("exclude", ()),
            include_tests=_typed(data, "include_tests", False, bool, "true or false"),
            sql_dialect=_typed(
                data, "sql_dialect", None, lambda v: v is None or isinstance(v, str), "a name"
            ),
            lang=_typed(data, "lang", None, lambda v: v is None or isinstance(v, str), "a name"),
        )
    except ConfigError as err:
        raise ConfigError(f"{origin}: {err}") from None


def _typed(
    data: dict[str, Any], key: str, default: Any, check: type | Callable[[Any], bool], what: str
) -> Any:
    value = data.get(key, default)
    ok = isinstance(value, check) if isinstance(check, type) else check(value)
    if not ok:
        raise ConfigError(f"{_shown(key)} must be {what}, not {_shown(value)}")
    return value


def _known(table: dict[str, Any], keys: set[str], where: str) -> None:
    unknown = sorted(set(table) - keys)
    if unknown:
        raise ConfigError(
            f"{where}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(keys))}"
        )


def _table(data: dict[str, Any], key: str, origin: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{origin}: [{key}] must be a table")
    return value

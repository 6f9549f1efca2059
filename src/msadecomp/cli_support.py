"""The command line's safety and scripting aids, kept apart from :mod:`msadecomp.cli`.

* :class:`SuggestingParser`: argparse that answers a mistyped option or command with
  "did you mean ...?".
* :func:`stop_on_signals`: Ctrl-C and SIGTERM stop the worker processes and end the run with
  exit code 130 and one line, never a traceback.
* ``--fail-on`` thresholds (:func:`parse_fail_on`, :func:`check_fail_on`) for CI, and the
  ``--json`` summary (:func:`json_summary`).
* :func:`plural`: "1 table", "2 tables".
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import json
import multiprocessing
import operator
import os
import re
import signal
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn

from msadecomp.errors import ConfigError

if TYPE_CHECKING:
    from msadecomp.api import Written

SUMMARY_SCHEMA = "msadecomp.summary/1"


# --- "did you mean" ------------------------------------------------------------------------

_CHOICE = re.compile(r"invalid choice: '([^']*)' \(choose from (.*)\)")
_UNKNOWN = re.compile(r"unrecognized arguments: (.*)")


class SuggestingParser(argparse.ArgumentParser):
    """An :class:`argparse.ArgumentParser` whose errors suggest the closest known spelling."""

    def error(self, message: str) -> NoReturn:
        super().error(message + _suggestion(self, message))


def _option_strings(parser: argparse.ArgumentParser) -> list[str]:
    found: list[str] = []
    for action in parser._actions:
        found += [o for o in action.option_strings if o.startswith("--")]
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _option_strings(sub)
    return sorted(set(found))


def _suggestion(parser: argparse.ArgumentParser, message: str) -> str:
    choice = _CHOICE.search(message)
    if choice:
        known = [c.strip().strip("'") for c in choice.group(2).split(",")]
        close = difflib.get_close_matches(choice.group(1), known, n=1, cutoff=0.6)
        return f"; did you mean '{close[0]}'?" if close else ""
    unknown = _UNKNOWN.search(message)
    if unknown:
        options = _option_strings(parser)
        hints = []
        for word in unknown.group(1).split():
            if not word.startswith("--"):
                continue
            close = difflib.get_close_matches(word.split("=", 1)[0], options, n=1, cutoff=0.6)
            if close:
                hints.append(close[0])
        return f"; did you mean {' / '.join(hints)}?" if hints else ""
    return ""


# --- signals -------------------------------------------------------------------------------


def stop_workers() -> None:
    """Terminate every worker process this process started (parsers, sweep workers)."""
    for child in multiprocessing.active_children():
        child.terminate()
    for child in multiprocessing.active_children():
        child.join(timeout=2)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Turn SIGINT and SIGTERM into one :class:`KeyboardInterrupt` in this process.

    Forked worker processes inherit the handler: there Ctrl-C does nothing (so they print no
    traceback of their own; the main process terminates them, :func:`stop_workers`) and SIGTERM
    ends the worker at once, silently. A second signal while stopping is ignored.
    """
    main_pid = os.getpid()
    wanted = (signal.SIGINT, signal.SIGTERM)

    def handler(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != main_pid:
            if signum == signal.SIGTERM:
                os._exit(128 + signum)
            return
        for s in wanted:
            signal.signal(s, signal.SIG_IGN)
        stop_workers()
        raise KeyboardInterrupt

    try:
        previous = {s: signal.signal(s, handler) for s in wanted}
    except ValueError:  # not the main thread (e.g. the CLI called from a thread): leave as is
        yield
        return
    try:
        yield
    finally:
        for s, old in previous.items():
            signal.signal(s, old)


# --- --fail-on -----------------------------------------------------------------------------

_OPS: dict[str, Callable[[float, float], bool]] = {
    "<=": operator.le,
    ">=": operator.ge,
    "<": operator.lt,
    ">": operator.gt,
    "==": operator.eq,
}
_RULE = re.compile(r"^\s*([a-z][a-z0-9_-]*)\s*(<=|>=|==|<|>)\s*([-+]?[0-9]*\.?[0-9]+)\s*$")


def fail_on_values(report: dict[str, Any]) -> dict[str, float]:
    """The figures ``--fail-on`` can test, by name."""
    s = report["summary"]
    values: dict[str, float] = {
        k.replace("_", "-"): float(v) for k, v in report.get("metrics", {}).items()
    }
    values.update(
        {
            "services": float(s["services"]),
            "classes": float(s["classes"]),
            "tables": float(s["tables"]),
            "endpoints": float(s["endpoints"]),
            "modularity": float(s["modularity"]),
            "remote-calls": float(s["remote_calls"]),
            "shared-tables": float(len(s["shared_tables"])),
            "errors": float(s.get("diagnostics", {}).get("error", 0)),
            "warnings": float(len(report.get("warnings", []))),
        }
    )
    return values


FAIL_ON_NAMES = (
    "classes",
    "endpoints",
    "errors",
    "icp",
    "ifn",
    "modularity",
    "ned",
    "remote-calls",
    "services",
    "shared-table-share",
    "shared-tables",
    "sm",
    "tables",
    "transaction-entropy",
    "turbomq",
    "turbomq-normalised",
    "warnings",
)


@dataclass(frozen=True)
class Rule:
    """One ``--fail-on`` threshold: the run fails when ``name op limit`` holds."""

    name: str
    op: str
    limit: float

    def __str__(self) -> str:
        return f"{self.name}{self.op}{self.limit:g}"


def parse_fail_on(texts: Sequence[str] | None) -> tuple[Rule, ...]:
    """Rules from ``--fail-on`` values, each a comma-separated list like ``modularity<0.3``."""
    rules: list[Rule] = []
    for text in texts or ():
        for part in text.split(","):
            if not part.strip():
                continue
            m = _RULE.match(part)
            if not m:
                raise ConfigError(
                    f"--fail-on {part.strip()!r}: write NAME<NUMBER (or <=, >, >=, ==), "
                    "e.g. modularity<0.3 or shared-tables>5"
                )
            name = m.group(1).replace("_", "-")
            if name not in FAIL_ON_NAMES:
                close = difflib.get_close_matches(name, FAIL_ON_NAMES, n=1)
                hint = f"; did you mean {close[0]}?" if close else ""
                raise ConfigError(
                    f"--fail-on: unknown figure {name!r}{hint} (known: {', '.join(FAIL_ON_NAMES)})"
                )
            rules.append(Rule(name, m.group(2), float(m.group(3))))
    return tuple(rules)


def check_fail_on(report: dict[str, Any], rules: Sequence[Rule]) -> list[str]:
    """One message per rule that holds for ``report`` (the run then exits 1)."""
    values = fail_on_values(report)
    failed = []
    for rule in rules:
        value = values.get(rule.name)
        if value is not None and _OPS[rule.op](value, rule.limit):
            failed.append(f"{rule} holds ({rule.name} = {value:g})")
    return failed


# --- --json --------------------------------------------------------------------------------


def json_summary(
    report: dict[str, Any], written: Written, rules: Sequence[Rule], failed: Sequence[str]
) -> dict[str, Any]:
    """The machine-readable summary ``analyze --json`` prints on stdout."""
    return {
        "schema": SUMMARY_SCHEMA,
        "generator": report.get("generator"),
        "input": report["input"]["root"],
        "summary": report["summary"],
        "metrics": report.get("metrics", {}),
        "services": [
            {
                "id": s["id"],
                "name": s["name"],
                "subdomain": s["subdomain"]["type"],
                "classes": len(s["classes"]),
                "tables": len(s["tables"]["owned"]),
                "endpoints": len(s["endpoints"]),
            }
            for s in report["services"]
        ],
        "warnings": report.get("warnings", []),
        "written": [str(p) for p in written.paths],
        "removed": [str(p) for p in written.removed],
        "problems": list(written.problems),
        "fail_on": {"rules": [str(r) for r in rules], "failed": list(failed)},
        "exit_code": 1 if failed else 0,
    }


def safe_run_options(p: argparse.ArgumentParser) -> None:
    """``--force``, ``--json`` and ``--fail-on`` of ``analyze``."""
    p.add_argument(
        "--lang",
        choices=("en", "ko"),
        default=None,
        help="report language (default: the configuration's `lang`, else ko for a Korean "
        "locale, else en)",
    )
    p.add_argument(
        "--assignment",
        metavar="FILE",
        help="an edited assignment.csv/.json (class -> service) whose classes stay pinned to "
        "their services",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="replace or delete files in the output folder that msadecomp did not write",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="print a machine-readable JSON summary on stdout instead of the tables",
    )
    p.add_argument(
        "--fail-on",
        action="append",
        metavar="RULE",
        help="exit 1 when a figure crosses a threshold, e.g. 'modularity<0.3,shared-tables>5' "
        f"(figures: {', '.join(FAIL_ON_NAMES)})",
    )


# --- diff ----------------------------------------------------------------------------------


def add_diff_command(sub: Any) -> None:
    """The ``diff OLD NEW`` subcommand."""
    d = sub.add_parser("diff", help="compare two report.json files: what moved, metric changes")
    d.add_argument("old", help="the earlier report.json")
    d.add_argument("new", help="the later report.json")
    d.add_argument("--json", action="store_true", help="print the differences as JSON")


def run_diff(args: argparse.Namespace, out: Any) -> int:
    from msadecomp.report.diff import diff_reports, diff_text, load_report

    changes = diff_reports(load_report(args.old), load_report(args.new))
    if args.json:
        out.write(json.dumps(changes, indent=2, ensure_ascii=False) + "\n")
    else:
        out.write(diff_text(changes))
    return 0

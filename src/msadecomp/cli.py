"""The ``msadecomp`` command: a thin shell over :mod:`msadecomp.api`.

Exit codes: 0 done; 2 bad input, configuration or output folder (a clear message, no
traceback); 3 an internal error (rerun with ``--debug`` for the traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from msadecomp.api import DEFAULT_FORMATS, FORMATS, Analysis, __version__, analyze, check_formats

# ``--force``, ``--json``, ``--fail-on``, signals, suggestions and plurals live in cli_support.
from msadecomp.cli_support import (
    SuggestingParser,
    add_diff_command,
    check_fail_on,
    json_summary,
    parse_fail_on,
    run_diff,
    stop_on_signals,
    stop_workers,
)
from msadecomp.cli_support import (
    safe_run_options as _safe_run_options,
)
from msadecomp.config import ALGORITHM_NAMES, Config, load_config
from msadecomp.errors import ConfigError, InputError, InternalError, MsadecompError
from msadecomp.evaluate import evaluate_report, subdomain_accuracy
from msadecomp.readiness import load_answers
from msadecomp.report import class_assignment, class_subdomains, service_figures
from msadecomp.report.flat import load_assignment
from msadecomp.report.i18n import plural
from msadecomp.truth import Truth, load_truth

PROGRESS_MIN_FILES = 200


def _parser() -> argparse.ArgumentParser:
    parser = SuggestingParser(
        prog="msadecomp",
        description="Propose microservice boundaries for a legacy Java (Spring/eGovFrame) "
        "monolith from its code, SQL mappers and DDL.",
    )
    parser.add_argument("--version", action="version", version=f"msadecomp {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    a = sub.add_parser("analyze", help="analyse a source tree or WAR/JAR/EAR and write reports")
    a.add_argument("path", help="source folder, single source file, or .war/.jar/.ear/.zip")
    a.add_argument(
        "-o", "--out", default="msadecomp-out", help="output folder (default: %(default)s)"
    )
    _clustering_options(a)
    a.add_argument(
        "--format",
        dest="formats",
        default=",".join(DEFAULT_FORMATS),
        help=f"comma-separated outputs among {', '.join(FORMATS)} (default: all but graphml)",
    )
    a.add_argument("--truth", help="ground-truth JSON; prints MoJoFM and accuracy")
    a.add_argument(
        "--answers",
        help="JSON/TOML answers to the readiness questions people answer (see docs/readiness.md)",
    )
    a.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    a.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="log each stage with its time (the default when output is not a terminal)",
    )
    _safe_run_options(a)
    add_diff_command(sub)

    e = sub.add_parser("evaluate", help="score a decomposition against a ground-truth file")
    e.add_argument(
        "target", help="a report.json written by `analyze`, or a source path to analyse first"
    )
    e.add_argument("--truth", required=True, help="ground-truth JSON (see docs/truth-format.md)")
    _clustering_options(e)
    return parser


def _clustering_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--config",
        help="TOML settings file (see docs/configuration.md); options given here override it",
    )
    p.add_argument(
        "--algorithm",
        choices=ALGORITHM_NAMES,
        default=None,
        help="community detection algorithm (default: leiden)",
    )
    p.add_argument("--seed", type=int, default=None, help="random seed (default: 42)")
    p.add_argument(
        "--resolution",
        default=None,
        help="'auto' (default: a sweep picks the number of services) or a number; "
        "higher gives more, smaller services",
    )
    p.add_argument(
        "--services",
        type=int,
        default=None,
        help="wanted number of services (the natural split is split or merged to it)",
    )
    p.add_argument(
        "--jobs", type=int, default=None, help="parallel parser processes (default: all cores)"
    )
    p.add_argument(
        "--include",
        action="append",
        metavar="GLOB",
        help="analyse only files matching this path glob (repeatable; see docs/configuration.md)",
    )
    p.add_argument(
        "--exclude",
        action="append",
        metavar="GLOB",
        help="leave out files matching this path glob (repeatable)",
    )
    p.add_argument(
        "--include-tests",
        action="store_true",
        default=None,
        help="analyse test sources too (left out by default, and listed in the report)",
    )


def _config(args: argparse.Namespace) -> Config:
    config = load_config(args.config) if args.config else Config()
    changes: dict[str, Any] = {}
    for name in ("algorithm", "seed", "services", "jobs", "include_tests"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    for name in ("include", "exclude"):
        if getattr(args, name):
            changes[name] = (*getattr(config, name), *getattr(args, name))
    if args.resolution is not None:
        if args.resolution == "auto":
            changes["resolution"] = None
        else:
            try:
                changes["resolution"] = float(args.resolution)
            except ValueError:
                raise ConfigError(
                    f"--resolution must be 'auto' or a number, not {args.resolution!r}"
                ) from None
    updated: Config = replace(config, **changes)
    return updated


def _run_analysis(
    path: str,
    config: Config,
    console: Console,
    quiet: bool,
    answers: dict[int, bool] | None = None,
    verbose: bool = False,
    pins: dict[str, str] | None = None,
) -> Analysis:
    """Run the analysis, with a progress bar on a terminal and/or one log line per stage."""

    def log(stage: str, seconds: float) -> None:
        console.print(f"msadecomp: {stage}: {seconds:.2f} s", markup=False, highlight=False)

    logger = None if quiet or not (verbose or not console.is_terminal) else log
    if quiet or not console.is_terminal:
        return analyze(path, config, answers=answers, log=logger, assignment=pins)
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("starting", total=None)

        def progress(stage: str, done: int, total: int) -> None:
            if total == 0:
                bar.update(task, description=stage, completed=0, total=None, refresh=True)
            elif total >= PROGRESS_MIN_FILES:
                bar.update(task, completed=done, total=total)

        return analyze(
            path, config, progress=progress, answers=answers, log=logger, assignment=pins
        )


def _summary(analysis: Analysis, console: Console) -> None:
    r = analysis.report
    s = r["summary"]
    table = Table(title=f"{s['services']} proposed services for {escape(r['input']['root'])}")
    columns = ("classes", "tables", "endpoints", "calls out", "calls in")
    for col in ("id", "name", "subdomain", *columns, "step"):
        table.add_column(col, justify="left" if col in ("id", "name", "subdomain") else "right")
    steps = {p["service"]: p["step"] for p in r["extraction_order"]}
    for x in r["services"]:
        figures = service_figures(x)
        table.add_row(
            escape(x["id"]),
            escape(x["name"]),
            escape(x["subdomain"]["type"]),
            *(str(figures[c]) for c in columns),
            str(steps.get(x["id"], "")),
        )
    console.print(table)
    m = r["metrics"]
    kernel = r["shared_kernel"]
    console.print(
        f"{s['classes']} classes, {s['tables']} tables, {s['endpoints']} endpoints; "
        f"modularity {m['modularity']:.3f}, SM {m['sm']:.3f}, ICP {m['icp']:.0%}; "
        f"{s['remote_calls']} cross-service calls"
        + (f"; {len(kernel['classes'])} shared-kernel classes" if kernel else "")
    )
    for note in r["notes"]:
        console.print(f"note: {note}", markup=False)
    for warning in r["warnings"]:
        console.print(f"[bold yellow]warning:[/] {escape(warning)}")
    console.print(f"readiness: {r['readiness']['verdict']}", markup=False)
    errors = [d for d in r["diagnostics"] if d["severity"] == "error"]
    if errors:
        console.print(f"[yellow]{plural(len(errors), 'file')} with errors (analysis went on):[/]")
        for d in errors[:5]:
            where = f"{d['path']}:{d['line']}" if d["line"] else d["path"]
            console.print(f"  {where}: {d['message']}", markup=False, highlight=False)
        if len(errors) > 5:
            console.print(f"  ... and {len(errors) - 5} more in report.md")


def _print_scores(report: dict[str, Any], truth: Truth, truth_path: str, console: Console) -> None:
    result = evaluate_report(report, truth)
    if not result.kinds:
        console.print(f"[yellow]{truth_path} labels nothing outside its don't-care contexts[/]")
    for kind, score in result.kinds.items():
        unit = "components" if kind == "all" else kind
        unplaced = f" ({len(score.unplaced)} unplaced)" if score.unplaced else ""
        console.print(
            f"against {escape(truth_path)} ({kind}): MoJoFM {score.mojofm:.1f}%, accuracy "
            f"{score.accuracy * 100:.1f}%, ARI {score.ari:.3f} over {score.objects} {unit}"
            f"{unplaced}"
        )
    if truth.subdomains:
        accuracy, compared = subdomain_accuracy(
            class_subdomains(report), truth.labelled("classes"), truth.subdomains
        )
        console.print(f"subdomain types agree for {accuracy:.1%} of {compared} classes")
    for kind, score in result.kinds.items():
        if score.missing and kind != "all":
            console.print(
                f"[yellow]{len(score.missing)} truth {kind} were not found in the "
                f"code, e.g. {escape(score.missing[0])}[/]"
            )


def _cmd_analyze(args: argparse.Namespace, console: Console, err: Console) -> int:
    formats = check_formats(f.strip() for f in args.formats.split(",") if f.strip())
    rules = parse_fail_on(args.fail_on)
    truth = load_truth(args.truth) if args.truth else None
    answers = load_answers(args.answers) if args.answers else None
    pins = load_assignment(args.assignment) if args.assignment else None
    quiet = args.quiet or args.json
    analysis = _run_analysis(args.path, _config(args), err, quiet, answers, args.verbose, pins)
    started = time.perf_counter()
    written = analysis.write(args.out, formats, force=args.force, lang=args.lang)
    if args.verbose or not (quiet or err.is_terminal):
        seconds = time.perf_counter() - started
        err.print(f"msadecomp: write outputs: {seconds:.2f} s", markup=False, highlight=False)
    for problem in written.problems:
        err.print(f"warning: {problem}", markup=False, highlight=False)
    failed = check_fail_on(analysis.report, rules)
    if args.json:
        summary = json_summary(analysis.report, written, rules, failed)
        console.file.write(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    elif not args.quiet:
        _summary(analysis, console)
        console.print(
            "wrote " + ", ".join(str(p) for p in written.paths), markup=False, highlight=False
        )
        if written.removed:
            console.print(
                f"removed {plural(len(written.removed), 'stale output')} of an earlier run: "
                + ", ".join(p.name for p in written.removed),
                markup=False,
            )
    if truth is not None and not args.json:
        _print_scores(analysis.report, truth, args.truth, console)
    for rule in failed:
        err.print(f"msadecomp: fail-on: {rule}", markup=False, highlight=False)
    return 1 if failed else 0


def _cmd_evaluate(args: argparse.Namespace, console: Console, err: Console) -> int:
    truth = load_truth(args.truth)
    target = Path(args.target)
    if target.is_file() and target.suffix == ".json":
        try:
            report = json.loads(target.read_text(encoding="utf-8"))
            class_assignment(report)
        # ValueError: also bad UTF-8, bad JSON and numbers over the int-str digit limit
        except (OSError, ValueError, RecursionError, KeyError, TypeError, AttributeError) as e:
            raise InputError(f"{target} is not a readable msadecomp report.json: {e}") from None
    else:
        report = _run_analysis(args.target, _config(args), err, True).report
    _print_scores(report, truth, args.truth, console)
    return 0


def run(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the CLI with ``argv``; returns the exit code instead of exiting."""
    console = Console(file=stdout or sys.stdout, highlight=False, soft_wrap=True)
    if not console.is_terminal:
        console.width = 120
    err = Console(file=stderr or sys.stderr, highlight=False, soft_wrap=True)
    parser = _parser()
    try:
        with redirect_stdout(console.file), redirect_stderr(err.file):
            args = parser.parse_args(argv)
    except SystemExit as done:
        return int(done.code or 0)
    try:
        with stop_on_signals():
            if args.command == "analyze":
                return _cmd_analyze(args, console, err)
            if args.command == "diff":
                return run_diff(args, console.file)
            return _cmd_evaluate(args, console, err)
    except InternalError as e:
        if args.debug:
            raise
        return _internal_error(e, err)
    except MsadecompError as e:
        err.print(f"msadecomp: error: {e}", markup=False, highlight=False)
        return 2
    except KeyboardInterrupt:
        stop_workers()
        err.print("msadecomp: interrupted", markup=False, highlight=False)
        return 130
    except Exception as e:  # the last line of defence: never a bare traceback for users
        if args.debug:
            raise
        return _internal_error(InternalError(f"{type(e).__name__}: {e}"), err)


def _internal_error(e: InternalError, err: Console) -> int:
    err.print(
        f"msadecomp: internal error: {e}\n"
        "rerun with --debug for the traceback and please report it",
        markup=False,
        highlight=False,
    )
    return 3


def main() -> None:
    sys.exit(run())

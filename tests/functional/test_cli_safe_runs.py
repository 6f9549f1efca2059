"""Clean, safe, scriptable runs of `msadecomp analyze`."""

import io
import json
import multiprocessing
import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest

from msadecomp.cli import run
from msadecomp.cli_support import (
    FAIL_ON_NAMES,
    fail_on_values,
    parse_fail_on,
    stop_on_signals,
)
from msadecomp.errors import ConfigError
from msadecomp.report.i18n import plural
from msadecomp.report.output import MANIFEST


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def analyze(fixture_root: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    return cli("analyze", str(fixture_root), "-o", str(out), "--jobs", "1", *extra)


def test_a_second_run_with_fewer_formats_leaves_no_stale_outputs(
    fixture_root: Path, tmp_path: Path
) -> None:
    code, _, err = analyze(fixture_root, tmp_path, "-q", "--format", "json,md,dot")
    assert code == 0, err
    assert {"report.json", "report.md", "context-map.dot", MANIFEST} <= {
        p.name for p in tmp_path.iterdir()
    }
    code, stdout, err = analyze(fixture_root, tmp_path, "--format", "json")
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST, "report.json"]
    assert "removed 4 stale outputs of an earlier run" in stdout


def test_the_users_own_file_is_never_overwritten_without_force(
    fixture_root: Path, tmp_path: Path
) -> None:
    (tmp_path / "report.md").write_text("my notes\n")
    code, _, err = analyze(fixture_root, tmp_path, "-q", "--format", "json,md")
    assert code == 2
    assert err.count("\n") == 1 and "report.md (not msadecomp's)" in err and "--force" in err
    assert (tmp_path / "report.md").read_text() == "my notes\n"
    assert not (tmp_path / "report.json").exists()
    code, _, err = analyze(fixture_root, tmp_path, "-q", "--format", "json,md", "--force")
    assert code == 0, err
    assert (tmp_path / "report.md").read_text().startswith("#")


def test_json_prints_a_machine_readable_summary(fixture_root: Path, tmp_path: Path) -> None:
    code, stdout, err = analyze(fixture_root, tmp_path, "--format", "json", "--json")
    assert code == 0, err
    summary = json.loads(stdout)
    assert summary["schema"] == "msadecomp.summary/1"
    assert summary["summary"]["classes"] == 100
    assert len(summary["services"]) == summary["summary"]["services"]
    assert summary["written"] == [str(tmp_path / "report.json")]
    assert summary["exit_code"] == 0


def test_fail_on_thresholds_exit_1_for_ci(fixture_root: Path, tmp_path: Path) -> None:
    code, stdout, err = analyze(
        fixture_root,
        tmp_path,
        "--format",
        "json",
        "--json",
        "--fail-on",
        "modularity<0.99,tables>1000",
    )
    assert code == 1
    summary = json.loads(stdout)
    modularity = summary["summary"]["modularity"]
    assert summary["fail_on"]["failed"] == [
        f"modularity<0.99 holds (modularity = {modularity:.4f})"
    ]
    assert "fail-on: modularity<0.99 holds" in err
    code, _, _ = analyze(
        fixture_root, tmp_path, "-q", "--format", "json", "--fail-on", "shared-tables>50"
    )
    assert code == 0


def test_fail_on_names_every_figure_it_can_test(fixture_root: Path, tmp_path: Path) -> None:
    analyze(fixture_root, tmp_path, "-q", "--format", "json")
    report = json.loads((tmp_path / "report.json").read_text())
    assert sorted(fail_on_values(report)) == sorted(FAIL_ON_NAMES)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("modularity", "write NAME<NUMBER"),
        ("modulrity<0.3", "did you mean modularity"),
        ("shared-tables>>5", "write NAME<NUMBER"),
    ],
)
def test_bad_fail_on_rules_are_config_errors(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_fail_on([text])


def test_fail_on_accepts_several_rules_and_underscores() -> None:
    rules = parse_fail_on(["modularity<0.3, shared_tables>5", "icp>=0.5"])
    assert [str(r) for r in rules] == ["modularity<0.3", "shared-tables>5", "icp>=0.5"]


def test_mistyped_command_and_option_get_a_suggestion() -> None:
    code, _, err = cli("analyse", "x")
    assert code == 2 and "did you mean 'analyze'?" in err
    code, _, err = cli("analyze", "x", "--fromat", "md")
    assert code == 2 and "did you mean --format?" in err


@pytest.mark.parametrize(
    ("count", "noun", "text"),
    [
        (1, "table", "1 table"),
        (2, "table", "2 tables"),
        (0, "class", "0 classes"),
        (1, "class", "1 class"),
    ],
)
def test_plurals(count: int, noun: str, text: str) -> None:
    assert plural(count, noun) == text


def _sleep_forever(started: Any) -> None:  # a stand-in for a parser worker
    started.set()
    while True:
        time.sleep(0.05)


def test_sigterm_stops_the_workers_and_raises_keyboard_interrupt() -> None:
    fork = multiprocessing.get_context("fork")
    started = fork.Event()
    worker = fork.Process(target=_sleep_forever, args=(started,))
    with pytest.raises(KeyboardInterrupt), stop_on_signals():
        worker.start()
        assert started.wait(10)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # interrupted at once; never reached in a passing run
    worker.join(timeout=5)
    assert not worker.is_alive()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL, "the old handler is restored"

"""One error contract: only MsadecompError subclasses leave the library, each can be pickled,
and the CLI exits 0 (done), 2 (bad input, options or output) or 3 (a bug) with one line."""

from __future__ import annotations

import io
import json
import pickle
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

import msadecomp
from hostile_inputs import fixture_copy
from msadecomp import errors
from msadecomp.api import as_msadecomp_error
from msadecomp.cli import run
from msadecomp.config import Config


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _all_errors() -> list[type[errors.MsadecompError]]:
    found, todo = [], [errors.MsadecompError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


@pytest.mark.parametrize("cls", _all_errors(), ids=lambda c: c.__name__)
def test_every_error_survives_pickling(cls: type[errors.MsadecompError]) -> None:
    err = cls("something went wrong in a.war!/x.xml")
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is cls
    assert str(back) == str(err)


@pytest.mark.parametrize(
    ("raised", "expected", "words"),
    [
        (RecursionError("deep"), errors.ResourceError, "nested too deeply"),
        (MemoryError(), errors.ResourceError, "out of memory"),
        (BrokenProcessPool("died"), errors.ResourceError, "--jobs 1"),
        (OSError(5, "Input/output error", "a.java"), errors.InputError, "a.java"),
        (ZeroDivisionError("division by zero"), errors.InternalError, "ZeroDivisionError"),
    ],
)
def test_unexpected_exceptions_become_package_errors(
    raised: Exception, expected: type[errors.MsadecompError], words: str
) -> None:
    converted = as_msadecomp_error(raised)
    assert type(converted) is expected
    assert words in str(converted)


def test_a_bug_inside_analyze_is_an_internal_error(
    monkeypatch: pytest.MonkeyPatch, fixture_root: Path
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise TypeError("a bug")

    monkeypatch.setattr("msadecomp.api.build_graph", broken)
    with pytest.raises(errors.InternalError, match="TypeError: a bug"):
        msadecomp.analyze(fixture_root, Config(jobs=1))


def test_cli_exits_3_for_an_internal_error(
    monkeypatch: pytest.MonkeyPatch, fixture_root: Path, tmp_path: Path
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise TypeError("a bug")

    monkeypatch.setattr("msadecomp.api.build_graph", broken)
    code, _, err = cli("analyze", str(fixture_root), "-o", str(tmp_path), "--jobs", "1", "-q")
    assert code == 3
    assert err.startswith("msadecomp: internal error: TypeError: a bug")


def test_empty_path_is_an_error_not_the_current_folder() -> None:
    with pytest.raises(errors.InputError, match="empty"):
        msadecomp.analyze("")
    code, _, err = cli("analyze", "")
    assert code == 2
    assert "empty" in err


def test_single_source_file_is_analysed(fixture_root: Path, tmp_path: Path) -> None:
    """Issue 9: a single-file PATH died in the sweep with ZeroDivisionError (modularity 0)."""
    java = next(fixture_root.rglob("*Controller.java"))
    code, _, err = cli("analyze", str(java), "-o", str(tmp_path), "-q", "--format", "json")
    assert code == 0, err
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["services"] >= 1


@pytest.mark.parametrize(
    "config",
    [
        Config(jobs=1, weights=msadecomp.Weights(**dict.fromkeys(msadecomp.Weights.__slots__, 0))),
        Config(jobs=1, together=(("*",),)),
    ],
    ids=["all-weights-zero", "together-everything"],
)
def test_zero_modularity_settings_finish(fixture_root: Path, config: Config) -> None:
    analysis = msadecomp.analyze(fixture_root, config)
    json.dumps(analysis.report, allow_nan=False)


def test_classes_without_dependencies(tmp_path: Path) -> None:
    """Issue 9: 150,000 classes without dependencies gave Q = 0 and a ZeroDivisionError in the
    sweep; a few hundred show the same."""
    for i in range(200):
        (tmp_path / f"C{i}.java").write_text(f"package p; class C{i} {{}}")
    analysis = msadecomp.analyze(tmp_path, Config(jobs=1))
    assert len(analysis.model.types) == 200
    json.dumps(analysis.report, allow_nan=False)


def test_constraint_pattern_with_markup_characters(fixture_root: Path, tmp_path: Path) -> None:
    """Issue 9: a pattern containing ``[/]`` broke rich console markup after the outputs were
    written."""
    toml = tmp_path / "c.toml"
    toml.write_text('[constraints]\ntogether = [["egov.[/]x*", "nothing.[bold]"]]\n')
    code, _, err = cli(
        "analyze", str(fixture_root), "-o", str(tmp_path / "out"), "--config", str(toml)
    )
    assert code == 0, err


def test_hostile_file_name_does_not_break_the_console(fixture_root: Path, tmp_path: Path) -> None:
    app = fixture_copy(fixture_root, tmp_path).rename(tmp_path / "[bold]app")
    (app / "[").mkdir()
    (app / "[" / "]Weird.java").write_text("package x; class Weird { void f( }")  # "[/]Weird"
    code, out, err = cli("analyze", str(app), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert code == 0, err
    assert "[bold]app" in out


def test_a_report_that_is_not_strict_json_is_an_internal_error(
    monkeypatch: pytest.MonkeyPatch, fixture_root: Path
) -> None:
    """Settings are finite by validation; a NaN reaching the report anyway is a bug, never
    ``NaN`` written into report.json."""
    real = msadecomp.api.build_report

    def with_nan(*args: object, **kwargs: object) -> dict[str, object]:
        report: dict[str, object] = real(*args, **kwargs)  # type: ignore[arg-type]
        report["metrics"] = {"modularity": float("nan")}
        return report

    monkeypatch.setattr("msadecomp.api.build_report", with_nan)
    with pytest.raises(errors.InternalError, match="JSON cannot carry"):
        msadecomp.analyze(fixture_root, Config(jobs=1))


@pytest.mark.parametrize(
    "text", ["[" * 100_000 + "]" * 100_000, '{"x": ' + "1" * 5000 + "}", "[1, 2]"]
)
def test_evaluate_on_a_hostile_report_is_exit_2(
    fixture_root: Path, tmp_path: Path, text: str
) -> None:
    report = tmp_path / "report.json"
    report.write_text(text)
    code, _, err = cli("evaluate", str(report), "--truth", str(fixture_root / "expected.json"))
    assert code == 2
    assert "is not a readable msadecomp report.json" in err

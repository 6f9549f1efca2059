"""The `msadecomp` command end to end."""

import io
import json
import os
from pathlib import Path

import pytest

from msadecomp.cli import run

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory, fixture_root: Path) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("out")
    code, stdout, stderr = cli(
        "analyze",
        str(fixture_root),
        "-o",
        str(out),
        "--jobs",
        "1",
        "--truth",
        str(fixture_root / "expected.json"),
    )
    assert code == 0, stderr
    return out, stdout


def test_analyze_writes_every_output(analysed: tuple[Path, str]) -> None:
    out, stdout = analysed
    names = {p.name for p in out.iterdir()}
    assert {
        "report.json",
        "report.md",
        "model.json",
        "context-map.dot",
        "context-map.svg",
    } <= names
    assert (out / "context-map.svg").read_text().lstrip().startswith("<?xml")
    assert "proposed services" in stdout and "MoJoFM" in stdout


def test_report_json_schema(analysed: tuple[Path, str]) -> None:
    report = json.loads((analysed[0] / "report.json").read_text())
    assert report["schema"] == "msadecomp.report/1"
    assert report["summary"]["classes"] == 100
    service = report["services"][0]
    assert {"id", "name", "classes", "tables", "endpoints", "outgoing_calls"} <= set(service)
    assert all(c.startswith("egovframework.") for s in report["services"] for c in s["classes"])
    assert set(report["tables"]) >= {"CVPL_COMPLAINT", "PAY_PAYMENT"}


def test_same_seed_gives_byte_identical_reports(
    analysed: tuple[Path, str], fixture_root: Path, tmp_path: Path
) -> None:
    code, _, _ = cli("analyze", str(fixture_root), "-o", str(tmp_path), "-q")
    assert code == 0
    for name in ("report.json", "report.md", "context-map.dot"):
        assert (tmp_path / name).read_bytes() == (analysed[0] / name).read_bytes(), name


def test_context_map_golden(analysed: tuple[Path, str]) -> None:
    got = (analysed[0] / "context-map.dot").read_text()
    golden = GOLDEN / "egov-portal.context-map.dot"
    if os.environ.get("MSADECOMP_UPDATE_GOLDEN"):
        golden.write_text(got)
    assert got == golden.read_text()


def test_services_option_sets_the_count(fixture_root: Path, tmp_path: Path) -> None:
    code, _stdout, _ = cli(
        "analyze", str(fixture_root), "-o", str(tmp_path), "--services", "7", "--format", "json"
    )
    assert code == 0
    assert len(json.loads((tmp_path / "report.json").read_text())["services"]) == 7
    assert sorted(p.name for p in tmp_path.iterdir()) == ["msadecomp-manifest.json", "report.json"]


def test_evaluate_reads_a_report(analysed: tuple[Path, str], fixture_root: Path) -> None:
    code, stdout, _ = cli(
        "evaluate",
        str(analysed[0] / "report.json"),
        "--truth",
        str(fixture_root / "expected.json"),
    )
    assert code == 0 and "MoJoFM" in stdout and "over 100 classes" in stdout


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["analyze", "/no/such/path"], "does not exist"),
        (["analyze", ".", "--resolution", "0"], "resolution must be > 0"),
        (["analyze", ".", "--services", "0"], "number of services"),
        (["analyze", ".", "--format", "pdf"], "unknown output format"),
        (["evaluate", "README.md", "--truth", "/no/truth.json"], "cannot read truth file"),
    ],
)
def test_bad_input_is_a_clear_error_without_traceback(
    argv: list[str], message: str, tmp_path: Path
) -> None:
    code, _, err = cli(*argv, *(["-o", str(tmp_path)] if argv[0] == "analyze" else []))
    assert code == 2 and message in err and "Traceback" not in err


def test_output_folder_that_is_a_file(tmp_path: Path, fixture_root: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = cli("analyze", str(fixture_root), "-o", str(blocker))
    assert code == 2 and "cannot create output folder" in err


def test_truth_file_that_is_not_json(tmp_path: Path, analysed: tuple[Path, str]) -> None:
    bad = tmp_path / "t.json"
    bad.write_bytes(b"\xff\xfe not json")
    code, _, err = cli("evaluate", str(analysed[0] / "report.json"), "--truth", str(bad))
    assert code == 2 and "not valid JSON" in err


def test_version() -> None:
    code, out, _ = cli("--version")
    assert code == 0 and "msadecomp" in out


def test_progress_is_shown_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, fixture_root: Path
) -> None:
    from rich.console import Console

    from msadecomp import cli as cli_module
    from msadecomp.config import Config

    monkeypatch.setattr(cli_module, "PROGRESS_MIN_FILES", 1)
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100)
    cli_module._run_analysis(str(fixture_root), Config(jobs=1), console, quiet=False)
    shown = buffer.getvalue()
    assert "parse Java" in shown and "decompose" in shown
    assert "msadecomp: graph:" not in shown  # log lines only with -v on a terminal


def test_each_stage_is_logged_with_its_time_when_not_on_a_terminal(
    fixture_root: Path, tmp_path: Path
) -> None:
    code, _out, err = cli("analyze", str(fixture_root), "-o", str(tmp_path), "--format", "json")
    assert code == 0
    stages = [line.split(":")[1].strip() for line in err.splitlines() if line.endswith(" s")]
    assert stages == [
        "read files",
        "read XML and SQL",
        "parse Java",
        "link",
        "git history",
        "graph",
        "decompose",
        "report",
        "write outputs",
    ]


def test_evaluate_scores_views_and_tables_per_kind(
    tmp_path: Path, analysed: tuple[Path, str], fixture_root: Path
) -> None:
    truth = json.loads((fixture_root / "expected.json").read_text(encoding="utf-8"))
    truth["views"] = {
        "WEB-INF/jsp/egovframework/complaint/ComplaintList.jsp": "complaint",
        "WEB-INF/jsp/egovframework/reservation/FacilityList.jsp": "reservation",
    }
    truth["tables"] = {"comtccmmncode": "common"}
    truth["dont_care"] = ["common"]
    path = tmp_path / "truth.json"
    path.write_text(json.dumps(truth), encoding="utf-8")
    code, stdout, _ = cli("evaluate", str(analysed[0] / "report.json"), "--truth", str(path))
    assert code == 0
    assert "(classes): MoJoFM" in stdout and "over 81 classes" in stdout
    assert "(views): MoJoFM" in stdout and "over 2 views" in stdout
    assert "(tables)" not in stdout  # its only table is don't-care
    assert "over 83 components" in stdout

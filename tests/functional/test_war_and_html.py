"""A binary-only WAR, the HTML report, and the options that feed the analysis."""

import io
import json
import re
from pathlib import Path

import pytest

import msadecomp
from msadecomp.cli import run
from msadecomp.report import class_assignment

WAR = Path(__file__).resolve().parents[2] / "fixtures" / "egov-portal.war"


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def war_analysis() -> msadecomp.Analysis:
    return msadecomp.analyze(WAR, msadecomp.Config(jobs=1))


def test_war_without_sources_is_read_from_class_files(
    war_analysis: msadecomp.Analysis, fixture_root: Path
) -> None:
    expected = json.loads((fixture_root / "expected.json").read_text())["classes"]
    model = war_analysis.model
    assert {t.fqn for t in model.types if t.outer is None} == set(expected)
    assert dict(model.file_counts)["class"] >= 100
    assert len(model.endpoints) == 48 and len(model.tables) == 18
    assert not [d for d in model.diagnostics if d.severity.value == "error"]
    score = msadecomp.compare(class_assignment(war_analysis.report), expected)
    assert score.mojofm >= 80.0  # measured 83.9: bytecode has no local variables or bodies


def test_html_report_is_self_contained(tmp_path: Path, fixture_root: Path) -> None:
    analysis = msadecomp.analyze(fixture_root, msadecomp.Config(jobs=1))
    analysis.write(tmp_path, ("html",))
    html = (tmp_path / "report.html").read_text()
    services = len(analysis.report["services"])
    assert html.count('<svg class="neighbourhood"') == services  # one small diagram per service
    # the context map, the classes and the tables, and the sweep chart (no area map: 8 services)
    assert html.count("<svg") == 4 + services and "<?xml" not in html
    assert not re.search(r"""(src|href)=["']https?:""", html)
    assert not re.search(r"<script[^>]*\bsrc=", html), "scripts are inline"
    for s in analysis.report["services"]:
        assert f'id="svc-{s["id"]}"' in html
    assert "Migration readiness checklist" in html and "Suggested extraction order" in html


def test_config_file_and_answers_file(tmp_path: Path, fixture_root: Path) -> None:
    config = tmp_path / "msadecomp.toml"
    config.write_text(
        'services = 5\n[constraints]\napart = [["egovframework.pay.*", "egovframework.rsv.*"]]\n'
    )
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({str(n): "yes" for n in (1, 2, 3, 4, 5, 7, 10)}))
    code, _out, err = cli(
        "analyze",
        str(fixture_root),
        "-o",
        str(tmp_path / "out"),
        "--config",
        str(config),
        "--answers",
        str(answers),
        "--format",
        "json",
    )
    assert code == 0, err
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["summary"]["services"] == 5
    where = class_assignment(report)
    assert (
        where["egovframework.pay.settle.service.PaymentService"]
        != where["egovframework.rsv.facility.service.ReservationService"]
    )
    assert (
        report["readiness"]["yes"] >= 8 and "suggests adopting" in report["readiness"]["verdict"]
    )


def test_algorithm_and_fixed_resolution_options(tmp_path: Path, fixture_root: Path) -> None:
    code, _out, _ = cli(
        "analyze",
        str(fixture_root),
        "-o",
        str(tmp_path),
        "--algorithm",
        "leiden",
        "--resolution",
        "0.6",
        "--format",
        "json",
    )
    assert code == 0
    params = json.loads((tmp_path / "report.json").read_text())["parameters"]
    assert (params["algorithm"], params["resolution"], params["resolution_mode"]) == (
        "leiden",
        0.6,
        "fixed",
    )


def test_bad_resolution_and_answers(tmp_path: Path, fixture_root: Path) -> None:
    code, _, err = cli("analyze", str(fixture_root), "-o", str(tmp_path), "--resolution", "high")
    assert code == 2 and "'auto' or a number" in err
    bad = tmp_path / "a.json"
    bad.write_text("{")
    code, _, err = cli("analyze", str(fixture_root), "-o", str(tmp_path), "--answers", str(bad))
    assert code == 2 and "not valid JSON" in err

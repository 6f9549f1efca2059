"""The shipped eGovFrame-style monolith: ingestion facts and the recovered decomposition."""

import json
from pathlib import Path

import pytest

import msadecomp
from msadecomp.model import Access, CodeModel, DepKind


@pytest.fixture(scope="module")
def expected(fixture_root: Path) -> dict[str, str]:
    data = json.loads((fixture_root / "expected.json").read_text(encoding="utf-8"))
    return dict(data["classes"])


@pytest.fixture(scope="module")
def analysis(fixture_root: Path) -> msadecomp.Analysis:
    return msadecomp.analyze(fixture_root, msadecomp.Config(jobs=1))


def test_every_expected_class_is_found_with_its_fqn(
    fixture_model: CodeModel, expected: dict[str, str]
) -> None:
    found = {t.fqn for t in fixture_model.types if t.outer is None}
    assert found == set(expected)


def test_every_class_is_placed_in_exactly_one_service(
    analysis: msadecomp.Analysis, expected: dict[str, str]
) -> None:
    placed = [c for s in analysis.report["services"] for c in s["classes"]]
    assert sorted(placed) == sorted(expected)


def test_the_file_javalang_rejects_is_a_diagnostic_and_still_analysed(
    fixture_model: CodeModel, analysis: msadecomp.Analysis
) -> None:
    errors = [d for d in fixture_model.diagnostics if d.severity.value == "error"]
    assert [(d.code, d.source.path, d.source.line) for d in errors] == [
        ("java.parse-error", "src/main/java/egovframework/sts/cst/util/StatsExportUtil.java", 18)
    ]
    where = analysis.decomposition.assignment()
    assert (
        where["egovframework.sts.cst.util.StatsExportUtil"]
        == where["egovframework.sts.cst.web.StatsController"]
    )


def test_euc_kr_sources_are_decoded(fixture_model: CodeModel) -> None:
    counts = dict(fixture_model.file_counts)
    assert counts["encoding cp949"] == 16 and counts["java"] == 100
    assert not [d for d in fixture_model.diagnostics if d.code == "input.encoding"]


def test_tables_and_foreign_keys_from_both_ddl_scripts(fixture_model: CodeModel) -> None:
    tables = {t.name: t for t in fixture_model.tables}
    assert len(tables) == 18
    assert {fk.ref_table for fk in tables["PAY_PAYMENT"].foreign_keys} == {"RSV_RESERVATION"}
    assert tables["COMTNFILEDETAIL"].foreign_keys[0].ref_table == "COMTNFILE"  # no-';' script
    assert tables["COMTCCMMNDETAILCODE"].primary_key == ("CODE_ID", "CODE")


def _access(model: CodeModel) -> set[tuple[str, str, Access]]:
    return {(a.source.rpartition(".")[2], a.table, a.access) for a in model.table_accesses}


def test_dao_statement_ids_and_mapper_namespaces_link_to_tables(fixture_model: CodeModel) -> None:
    got = _access(fixture_model)
    assert ("ArticleDAO", "COMTNBBS", Access.WRITE) in got  # iBatis id in DAO code
    assert ("ComplaintMapper", "CVPL_COMPLAINT", Access.READ) in got  # MyBatis namespace
    assert ("StatsDAO", "PAY_PAYMENT", Access.READ) in got  # cross-area read
    assert ("StatsBatchJob", "STS_DAILY_SUMMARY", Access.WRITE) in got  # JDBC string


def test_injection_by_name_and_from_spring_xml(fixture_model: CodeModel) -> None:
    injected = {
        (d.source.rpartition(".")[2], d.target.rpartition(".")[2])
        for d in fixture_model.dependencies
        if d.kind == DepKind.INJECTION
    }
    assert ("ReservationServiceImpl", "PaymentServiceImpl") in injected
    assert ("PaymentServiceImpl", "PgGatewayClient") in injected  # bean defined in XML
    assert ("ComplaintServiceImpl", "EgovFileMngServiceImpl") in injected


def test_endpoints(fixture_model: CodeModel) -> None:
    paths = {(e.http_method, e.path) for e in fixture_model.endpoints}
    assert ("POST", "/uat/uia/actionLogin.do") in paths
    assert ("ANY", "/cvpl/selectComplaintList.do") in paths
    assert len(fixture_model.endpoints) == 47


def test_library_types_are_inventory_not_nodes(
    fixture_model: CodeModel, analysis: msadecomp.Analysis
) -> None:
    assert "egovframework.rte.psl.dataaccess.EgovAbstractDAO" in fixture_model.external_types
    assert "egovframework.rte.psl.dataaccess.EgovAbstractDAO" not in analysis.graph


def test_decomposition_recovers_the_intended_contexts(
    analysis: msadecomp.Analysis, expected: dict[str, str]
) -> None:
    assignment = {c: s["id"] for s in analysis.report["services"] for c in s["classes"]}
    score = msadecomp.compare(assignment, expected)
    print(f"MoJoFM {score.mojofm:.1f} accuracy {score.accuracy:.3f} ARI {score.ari:.3f}")
    assert score.objects == 100
    assert score.mojofm >= 75.0
    assert score.accuracy >= 0.80

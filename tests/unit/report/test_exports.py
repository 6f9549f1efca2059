"""Exports for the DDD tool chain: CML, PlantUML, GraphML, the flat assignment, JSON Schemas."""

import csv
import io
import json
from pathlib import Path

import jsonschema
import networkx as nx
import pytest

from msadecomp import analyze
from msadecomp.api import Analysis
from msadecomp.config import Config
from msadecomp.report.cml import cml_id, to_cml
from msadecomp.report.cml_check import CmlError, check_cml
from msadecomp.report.flat import assignment_rows, to_csv, to_json
from msadecomp.report.graphml import to_graphml
from msadecomp.report.plantuml import to_plantuml
from msadecomp.schemas import SCHEMA_FILES, load_schema, model_schema


@pytest.fixture(scope="module")
def analysis(fixture_root: Path) -> Analysis:
    return analyze(fixture_root, Config(jobs=1))


def test_cml_of_the_fixture_passes_the_grammar_check(analysis: Analysis) -> None:
    text = to_cml(analysis.report)
    check_cml(text)
    for s in analysis.report["services"]:
        assert f"BoundedContext {cml_id(s['id'], 'Context')} implements" in text
    assert "type = CORE_DOMAIN" in text and "type = GENERIC_SUBDOMAIN" in text
    assert "[SK]<->[SK]" in text  # the shared kernel
    assert 'databaseTable = "CVPL_COMPLAINT"' in text


def test_cml_upstream_is_the_called_service() -> None:
    report = {
        "input": {"root": "shop"},
        "services": [
            {
                "id": i,
                "name": i,
                "subdomain": {"type": t},
                "classes": ["a.B"],
                "tables": {"owned": [], "owned_but_used_elsewhere": []},
                "endpoints": [],
            }
            for i, t in (("order", "core"), ("user", "generic"), ("stock", "supporting"))
        ],
        "shared_kernel": None,
        "remote_calls": [{"from_service": "order", "to_service": "user", "count": 1}],
        "tables": {"STOCK": {"owner": "stock", "access": {"stock": ["write"], "order": ["read"]}}},
    }
    text = to_cml(report)
    check_cml(text)
    assert "\tUserContext [U]->[D] OrderContext" in text
    assert "\tStockContext [U]->[D] OrderContext" in text


@pytest.mark.parametrize(
    ("cml", "message"),
    [
        (
            "BoundedContext A { type = CORE_DOMAIN }",
            "not one of",
        ),  # a subdomain type, not a context type
        ("ContextMap { contains A }", "not declared"),
        (
            "BoundedContext A\nBoundedContext B\nContextMap { contains A A [U]->[D] B }",
            "does not contain",
        ),
        ("BoundedContext A implements X", "not a declared subdomain"),
        ("Domain D { Subdomain S { type = CORE } }", "not one of"),
        ('BoundedContext A { domainVisionStatement = "unterminated }', "unexpected"),
        ("BoundedContext A\nBoundedContext A", "declared twice"),
        (
            "BoundedContext A\nBoundedContext B\nContextMap { contains A, B A [D]->[U] B }",
            "unsupported relationship",
        ),
    ],
)
def test_the_checker_rejects_what_the_grammar_rejects(cml: str, message: str) -> None:
    with pytest.raises(CmlError, match=message):
        check_cml(cml)


def test_cml_names_are_identifiers() -> None:
    assert cml_id("file-mng", "Context") == "FileMngContext"
    assert cml_id("CVPL_COMPLAINT") == "CvplComplaint"
    assert cml_id("Entity") == "^Entity"
    assert cml_id("2fa") == "X2fa"


def test_plantuml_component_diagram(analysis: Analysis) -> None:
    text = to_plantuml(analysis.report)
    assert text.startswith("@startuml\n") and text.endswith("@enduml\n")
    for s in analysis.report["services"]:
        assert f"as svc_{s['id'].replace('-', '_')} " in text
    assert "legend right" in text and " --> " in text and " ..> " in text
    assert "1 tables" not in text and "1 endpoints" not in text


def test_graphml_carries_service_and_subdomain(analysis: Analysis) -> None:
    g = nx.parse_graphml(to_graphml(analysis.report, analysis.graph))
    assert g.number_of_nodes() == analysis.graph.number_of_nodes()
    node = g.nodes["egovframework.cvpl.complaint.service.impl.ComplaintServiceImpl"]
    assert node["service"] == "complaint" and node["subdomain"] == "core"
    assert g.nodes["table:CVPL_COMPLAINT"]["service"] == "complaint"
    assert all("kinds" in d and d["count"] >= 1 for _, _, d in g.edges(data=True))


def test_flat_assignment_lists_every_class_table_and_page(analysis: Analysis) -> None:
    r = analysis.report
    rows = list(csv.DictReader(io.StringIO(to_csv(r))))
    kinds = {k: [x for x in rows if x["kind"] == k] for k in ("class", "view", "table")}
    assert len(kinds["class"]) == r["summary"]["classes"]
    assert len(kinds["table"]) == sum(1 for t in r["tables"].values() if t["owner"])
    assert kinds["view"], "JSP pages are listed"
    assert json.loads(to_json(r))["assignment"] == assignment_rows(r)


def test_shipped_schemas_are_valid_schemas() -> None:
    for name in SCHEMA_FILES:
        jsonschema.Draft202012Validator.check_schema(load_schema(name))


def test_report_json_matches_its_schema(analysis: Analysis) -> None:
    report = json.loads(json.dumps(analysis.report))
    jsonschema.Draft202012Validator(load_schema("report.schema.json")).validate(report)
    broken = dict(report, summary={**report["summary"], "classes": "100"})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, load_schema("report.schema.json"))


def test_model_json_matches_its_schema(analysis: Analysis) -> None:
    model = json.loads(json.dumps(analysis.model.to_dict()))
    jsonschema.Draft202012Validator(load_schema("model.schema.json")).validate(model)


def test_model_schema_is_up_to_date_with_the_model() -> None:
    """Run `python -m msadecomp.schemas` after changing msadecomp.model."""
    assert load_schema("model.schema.json") == model_schema()

"""Tests and build tooling stay out of the services, and the report says what was left out."""

import json
import shutil
from pathlib import Path

import pytest

import msadecomp
from msadecomp.cli import run
from msadecomp.config import load_config
from msadecomp.report import class_assignment

TEST_CLASS = """package egovframework.cop.bbs.service;

import egovframework.cop.bbs.service.impl.EgovArticleServiceImpl;

public class EgovArticleServiceTest {
    private EgovArticleServiceImpl service = new EgovArticleServiceImpl();
    public void testList() throws Exception { service.toString(); }
}
"""
WRAPPER = "public class MavenWrapperDownloader { public static void main(String[] a) {} }\n"


@pytest.fixture
def with_tests(tmp_path: Path, fixture_root: Path) -> Path:
    root = tmp_path / "app"
    shutil.copytree(fixture_root, root)
    test_dir = root / "src/test/java/egovframework/cop/bbs/service"
    test_dir.mkdir(parents=True)
    (test_dir / "EgovArticleServiceTest.java").write_text(TEST_CLASS)
    (root / ".mvn/wrapper").mkdir(parents=True)
    (root / ".mvn/wrapper/MavenWrapperDownloader.java").write_text(WRAPPER)
    return root


def test_tests_and_tooling_are_left_out_and_listed(with_tests: Path) -> None:
    analysis = msadecomp.analyze(with_tests, msadecomp.Config(jobs=1))
    placed = class_assignment(analysis.report)
    assert "egovframework.cop.bbs.service.EgovArticleServiceTest" not in placed
    assert "MavenWrapperDownloader" not in placed
    excluded = analysis.report["input"]["excluded"]
    assert excluded["counts"] == {"build tooling": 1, "test source": 1}
    assert {f["path"] for f in excluded["files"]} == {
        ".mvn/wrapper/MavenWrapperDownloader.java",
        "src/test/java/egovframework/cop/bbs/service/EgovArticleServiceTest.java",
    }


def test_include_tests_and_exclude_from_the_command_line(with_tests: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["analyze", str(with_tests), "-o", str(out), "--format", "json,md", "--jobs", "1"]
    code = run([*args, "--include-tests", "--exclude", "sts"])
    assert code == 0
    report = json.loads((out / "report.json").read_text())
    placed = class_assignment(report)
    assert "egovframework.cop.bbs.service.EgovArticleServiceTest" in placed
    assert not any(".sts." in fqn for fqn in placed)
    assert report["input"]["excluded"]["counts"]["excluded by pattern sts"] > 0
    assert "## Left out of the analysis" in (out / "report.md").read_text()


def test_scope_patterns_from_the_configuration_file(with_tests: Path, tmp_path: Path) -> None:
    config = tmp_path / "msadecomp.toml"
    config.write_text('include = ["egovframework/cop/**", "egovframework/com/**"]\n')
    analysis = msadecomp.analyze(with_tests, load_config(config))
    packages = {fqn.split(".")[1] for fqn in class_assignment(analysis.report)}
    assert packages <= {"cop", "com"}

"""The edit-and-rerun loop: stable ids, pins from an edited assignment file, `msadecomp diff`."""

import csv
import io
import json
import re
from pathlib import Path

import pytest

import msadecomp
from msadecomp.cli import run
from msadecomp.errors import InputError
from msadecomp.report.flat import load_assignment

MOVED = "egovframework.com.cop.bbs.service.BoardMasterVO"


def analyze(fixture_root: Path, out: Path, *options: str) -> tuple[int, str, str]:
    """``msadecomp analyze`` of the fixture into ``out``, quiet, one process."""
    return cli("analyze", str(fixture_root), "-o", str(out), "-q", "--jobs", "1", *options)


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory, fixture_root: Path) -> Path:
    out = tmp_path_factory.mktemp("first")
    code, _, err = analyze(fixture_root, out, "--format", "json,md,assignment")
    assert code == 0, err
    return out


def sections(markdown: str) -> dict[str, str]:
    """Each service's ``###`` section, up to the next heading of level 1 to 3."""
    parts = re.split(r"(?m)^(?=#{1,3} )", markdown)
    return {p.splitlines()[0]: p for p in parts if p.startswith("### ")}


def report(folder: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((folder / "report.json").read_text())


def test_one_together_constraint_changes_only_what_concerns_the_moved_classes(
    first: Path, fixture_root: Path, tmp_path: Path
) -> None:
    config = tmp_path / "c.toml"
    config.write_text(
        f'[constraints]\ntogether = [["{MOVED}", "egovframework.pay.settle.service.impl.*"]]\n'
    )
    out = tmp_path / "out"
    code, _, err = analyze(fixture_root, out, "--format", "json,md", "--config", str(config))
    assert code == 0, err
    old, new = report(first), report(out)
    old_classes = {s["id"]: set(s["classes"]) for s in old["services"]}
    new_classes = {s["id"]: set(s["classes"]) for s in new["services"]}
    assert set(new_classes) == set(old_classes), "service ids are stable"
    where = {c: sid for sid, cs in old_classes.items() for c in cs}
    moved = {c for sid, cs in new_classes.items() for c in cs if where[c] != sid}
    # Clustering runs again on the constrained graph: a borderline utility used by two
    # services may change sides (measured: EgovDateUtil, complaint -> cst), nothing else.
    assert MOVED in moved and len(moved) <= 2, moved
    unchanged = {sid for sid, cs in old_classes.items() if new_classes.get(sid) == cs}
    changed = set(old_classes) - unchanged
    assert "settle" in changed and {"facility", "login"} <= unchanged
    neighbours = {
        x
        for s in old["services"]
        if s["id"] in changed
        for c in s["outgoing_calls"] + s["incoming_calls"]
        for x in (c["from_service"], c["to_service"])
    }
    before = sections((first / "report.md").read_text())
    after = sections((out / "report.md").read_text())
    for sid in unchanged - neighbours:
        heading = next(h for h in before if h.startswith(f"### {sid} "))
        assert after[heading] == before[heading], sid


def test_rerun_with_the_unedited_assignment_changes_nothing(
    first: Path, fixture_root: Path, tmp_path: Path
) -> None:
    code, _, err = analyze(
        fixture_root, tmp_path, "--format", "json", "--assignment", str(first / "assignment.csv")
    )
    assert code == 0, err
    code, stdout, _ = cli("diff", str(first / "report.json"), str(tmp_path / "report.json"))
    assert code == 0 and stdout == "no differences\n"


def test_an_edited_assignment_pins_the_moved_class_and_diff_reports_it(
    first: Path, fixture_root: Path, tmp_path: Path
) -> None:
    rows = list(csv.DictReader(io.StringIO((first / "assignment.csv").read_text())))
    for row in rows:
        if row["name"] == MOVED:
            assert row["service"] == "bbs"
            row["service"] = "settle"
    edited = tmp_path / "edited.csv"
    with edited.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    out = tmp_path / "out"
    code, _, err = analyze(fixture_root, out, "--format", "json", "--assignment", str(edited))
    assert code == 0, err
    code, stdout, _ = cli("diff", str(first / "report.json"), str(out / "report.json"), "--json")
    changes = json.loads(stdout)
    assert changes["classes"]["moved"] == [{"name": MOVED, "from": "bbs", "to": "settle"}]
    assert changes["services"] == {"added": [], "removed": []}
    assert changes["metrics"]["modularity"]["change"] < 0
    code, text, _ = cli("diff", str(first / "report.json"), str(out / "report.json"))
    assert f"~ class {MOVED}: bbs -> settle" in text.splitlines()


def test_assignment_files_are_checked(tmp_path: Path) -> None:
    bad = tmp_path / "a.csv"
    bad.write_text("kind,name,service\nclass,a.B,bad id!\n")
    with pytest.raises(InputError, match="service id 'bad id!'"):
        load_assignment(bad)
    bad.write_text("a.B,x\na.B,y\n")
    with pytest.raises(InputError, match="two services"):
        load_assignment(bad)
    bad.write_text("kind,name,service\nview,/x.do,x\n")
    with pytest.raises(InputError, match="no class"):
        load_assignment(bad)
    plain = tmp_path / "a.json"
    plain.write_text('{"a.B": "one", "a.C": "two"}')
    assert load_assignment(plain) == {"a.B": "one", "a.C": "two"}
    rows = tmp_path / "b.json"
    rows.write_text('{"assignment": [{"kind": "table", "name": "T", "service": "one"}]}')
    assert load_assignment(rows) == {"table:T": "one"}


def test_diff_of_something_that_is_not_a_report(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("[]")
    code, _, err = cli("diff", str(tmp_path / "x.json"), str(tmp_path / "x.json"))
    assert code == 2 and "not a readable msadecomp report.json" in err


def test_a_table_put_in_the_kernel_stays_with_the_service_owning_it(
    first: Path, fixture_root: Path
) -> None:
    """The kernel holds classes: a ``table`` row edited to ``K`` is ignored."""
    pins = load_assignment(first / "assignment.json")
    table = next(k for k in pins if k.startswith("table:"))
    owner = pins[table]
    pins[table] = "K"
    report = msadecomp.analyze(fixture_root, msadecomp.Config(jobs=1), assignment=pins).report
    assert report["tables"][table.removeprefix("table:")]["owner"] == owner
    kernel = report["shared_kernel"] or {"classes": []}
    assert table not in kernel["classes"]
    assert table not in [k["class"] for k in report["parameters"]["shared_kernel"]]


def test_a_pin_of_a_class_the_code_lacks_is_said_in_the_notes(
    first: Path, fixture_root: Path
) -> None:
    pins = load_assignment(first / "assignment.json")
    pins["egovframework.com.gone.Removed"] = "bbs"
    pins["egovframework.com.gone.Util"] = "K"
    pins["table:GONE"] = "bbs"
    report = msadecomp.analyze(fixture_root, msadecomp.Config(jobs=1), assignment=pins).report
    assert any("3 pinned names not found in the code" in n for n in report["notes"])
    assert all("Removed" not in c for s in report["services"] for c in s["classes"])


def test_a_kernel_class_pinned_to_a_service_goes_there(first: Path, fixture_root: Path) -> None:
    """A review found a boot class pinned to a service kept in the kernel without a word."""
    pins = load_assignment(first / "assignment.json")
    kernel = sorted(k for k, v in pins.items() if v == "K")
    assert kernel
    pins[kernel[0]] = "bbs"
    report = msadecomp.analyze(fixture_root, msadecomp.Config(jobs=1), assignment=pins).report
    bbs = next(s for s in report["services"] if s["id"] == "bbs")
    assert kernel[0] in bbs["classes"]
    assert kernel[0] not in (report["shared_kernel"] or {"classes": []})["classes"]

"""Publishing outputs: all or nothing, a manifest, no stale files, never someone else's file."""

import json
import os
from pathlib import Path

import pytest

from msadecomp.errors import ExportError
from msadecomp.report.output import MANIFEST, TEMP_PREFIX, publish, read_manifest, sha256

TOOL = "msadecomp test"


def test_writes_files_and_a_manifest_with_sizes_and_digests(tmp_path: Path) -> None:
    done = publish(tmp_path / "out", {"a.json": b"{}", "b.md": b"# hi\n"}, tool=TOOL)
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.md", MANIFEST]
    manifest = json.loads((out / MANIFEST).read_text())
    assert manifest["generator"] == TOOL and manifest["complete"] is True
    assert manifest["files"] == [
        {"path": "a.json", "bytes": 2, "sha256": sha256(b"{}")},
        {"path": "b.md", "bytes": 5, "sha256": sha256(b"# hi\n")},
    ]
    assert [p.name for p in done.written] == ["a.json", "b.md"]


def test_a_second_run_with_fewer_files_removes_the_first_runs_extra_files(tmp_path: Path) -> None:
    publish(tmp_path, {"a.json": b"1", "b.md": b"2", "c.svg": b"3"}, tool=TOOL)
    done = publish(tmp_path, {"a.json": b"new"}, tool=TOOL)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", MANIFEST]
    assert (tmp_path / "a.json").read_bytes() == b"new"
    assert sorted(p.name for p in done.removed) == ["b.md", "c.svg"]
    assert set(read_manifest(tmp_path)) == {"a.json"}


def test_never_overwrites_a_file_msadecomp_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "report.md").write_text("my notes")
    with pytest.raises(ExportError, match=r"report\.md \(not msadecomp's\).*--force"):
        publish(tmp_path, {"report.md": b"generated", "x.json": b"{}"}, tool=TOOL)
    assert (tmp_path / "report.md").read_text() == "my notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"], "nothing else written"


def test_force_overwrites_a_foreign_file(tmp_path: Path) -> None:
    (tmp_path / "report.md").write_text("my notes")
    publish(tmp_path, {"report.md": b"generated"}, tool=TOOL, force=True)
    assert (tmp_path / "report.md").read_bytes() == b"generated"


def test_a_file_edited_after_msadecomp_wrote_it_is_protected(tmp_path: Path) -> None:
    publish(tmp_path, {"a.csv": b"x", "b.md": b"y"}, tool=TOOL)
    (tmp_path / "a.csv").write_text("edited by hand")
    (tmp_path / "b.md").write_text("edited too")
    with pytest.raises(ExportError, match="changed since msadecomp wrote it"):
        publish(tmp_path, {"a.csv": b"z"}, tool=TOOL)
    done = publish(tmp_path, {"a.csv": b"z"}, tool=TOOL, force=True)
    assert (tmp_path / "a.csv").read_bytes() == b"z"
    assert (tmp_path / "b.md").read_text() == "edited too", "edits are never deleted"
    assert done.removed == () and "b.md" in done.kept[0]


def test_an_edited_stale_file_is_kept_with_a_message(tmp_path: Path) -> None:
    publish(tmp_path, {"a.csv": b"x", "b.md": b"y"}, tool=TOOL)
    (tmp_path / "b.md").write_text("my edits")
    done = publish(tmp_path, {"a.csv": b"x2"}, tool=TOOL)
    assert (tmp_path / "b.md").read_text() == "my edits"
    assert done.removed == () and "b.md" in done.kept[0]


def test_never_writes_through_a_symlink(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.md").symlink_to(victim)
    with pytest.raises(ExportError, match="symbolic link"):
        publish(out, {"report.md": b"generated"}, tool=TOOL)
    publish(out, {"report.md": b"generated"}, tool=TOOL, force=True)
    assert victim.read_text() == "precious"
    assert not (out / "report.md").is_symlink()
    assert (out / "report.md").read_bytes() == b"generated"


def test_refuses_a_symlinked_output_folder(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    with pytest.raises(ExportError, match="symbolic link"):
        publish(tmp_path / "link", {"a": b"1"}, tool=TOOL)
    assert list(real.iterdir()) == []


def test_a_killed_run_is_cleaned_up_by_the_next(tmp_path: Path) -> None:
    publish(tmp_path, {"a": b"1", "b": b"2"}, tool=TOOL)
    (tmp_path / (TEMP_PREFIX + "abc")).mkdir()
    (tmp_path / (TEMP_PREFIX + "abc") / "a").write_bytes(b"half")
    publish(tmp_path, {"a": b"3"}, tool=TOOL)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", MANIFEST]


def test_interim_manifest_claims_old_and_new_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the run dies after the interim manifest, the next run still knows both versions."""
    publish(tmp_path, {"a": b"old", "b": b"old"}, tool=TOOL)
    real_replace = Path.replace
    moved: list[str] = []

    def dying_replace(self: Path, target: Path) -> Path:  # type: ignore[override]
        if Path(target).name == "b":
            raise KeyboardInterrupt
        moved.append(Path(target).name)
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", dying_replace)
    with pytest.raises(KeyboardInterrupt):
        publish(tmp_path, {"a": b"new", "b": b"new"}, tool=TOOL)
    monkeypatch.undo()
    assert moved == [MANIFEST, "a"]
    assert (tmp_path / "a").read_bytes() == b"new" and (tmp_path / "b").read_bytes() == b"old"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]
    publish(tmp_path, {"c": b"1"}, tool=TOOL)  # both a and b are still recognised as ours
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c", MANIFEST]


def test_a_broken_manifest_means_nothing_is_known_to_be_ours(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"1")
    (tmp_path / MANIFEST).write_text("{not json")
    with pytest.raises(ExportError, match="not msadecomp's"):
        publish(tmp_path, {"a": b"2"}, tool=TOOL)


def test_rejects_names_that_are_not_plain_file_names(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="invalid output file name"):
        publish(tmp_path, {"../escape": b"1"}, tool=TOOL)
    assert not (tmp_path.parent / "escape").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_a_read_only_folder_is_an_export_error(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="cannot write"):
            publish(tmp_path, {"a": b"1"}, tool=TOOL)
    finally:
        tmp_path.chmod(0o700)

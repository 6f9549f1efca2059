"""Property: whatever the tree of folders, files and symbolic links (inside, outside, loops,
dangling), the walk ends, reads nothing from outside the tree and each file at most once."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msadecomp.ingest.sources import collect

pytestmark = pytest.mark.property

_NAMES = st.sampled_from(["a", "b", "c.java", "d.xml", "e.sql", "target", "f.war"])
_PATHS = st.lists(_NAMES, min_size=1, max_size=4).map("/".join)
_ENTRIES = st.lists(
    st.tuples(st.sampled_from(["file", "dir", "link-in", "link-out", "fifo"]), _PATHS, _PATHS),
    max_size=12,
)


def _build(root: Path, outside: Path, entries: list[tuple[str, str, str]]) -> None:
    for kind, path, target in entries:
        where = root / path
        try:
            where.parent.mkdir(parents=True, exist_ok=True)
            if kind == "file":  # O_EXCL: never open an earlier FIFO or link (it would block)
                fd = os.open(where, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
                with os.fdopen(fd, "w") as fh:
                    fh.write(f"class X {{}} // {path}")
            elif kind == "dir":
                where.mkdir(exist_ok=True)
            elif kind == "fifo":
                os.mkfifo(where)
            else:
                base = root if kind == "link-in" else outside
                where.symlink_to(base / target)
        except OSError:
            continue  # the name is taken by an earlier entry


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(_ENTRIES)
def test_walk_ends_stays_inside_and_reads_each_file_once(
    entries: list[tuple[str, str, str]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root, outside = Path(folder, "root"), Path(folder, "outside")
        root.mkdir()
        outside.mkdir()
        (outside / "c.java").write_text("secret")
        (outside / "a").mkdir()
        (outside / "a" / "c.java").write_text("secret")
        _build(root, outside, entries)
        got = collect(root)
        assert all(b"secret" not in f.data for f in got.files)
        real = [Path(root, f.path).resolve() for f in got.files]
        assert len(real) == len(set(real))
        assert all(p.is_relative_to(root.resolve()) for p in real)

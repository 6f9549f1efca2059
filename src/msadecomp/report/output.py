"""Publish a run's outputs into a folder safely: all or nothing, no stale files, no clobbering.

How :func:`publish` works:

1. Every output is rendered in memory first, then written into a fresh hidden temporary folder
   inside the output folder (same file system, so moving is a rename).
2. Files already in the output folder are checked against the previous run's manifest
   (``msadecomp-manifest.json``). A file msadecomp did not write (no manifest entry), a file
   changed since msadecomp wrote it, or a symbolic link is never replaced or deleted unless
   ``force`` is given; with ``force`` a symbolic link is replaced by a regular file, its target
   is never written. Files only deleted (an earlier run's outputs this run does not write) are
   deleted only while unchanged, even with ``force``.
3. A manifest listing the old and the new files is written first (marked incomplete), then each
   file is renamed into place (each rename is atomic: a reader sees the old or the new file,
   never half of one), then the final manifest replaces the interim one and the files the
   previous run wrote but this one did not are deleted.

A run killed half-way leaves complete files only, and a manifest that still claims every one
of them, so the next run cleans up.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from msadecomp.errors import ExportError

MANIFEST = "msadecomp-manifest.json"
MANIFEST_SCHEMA = "msadecomp.manifest/1"
TEMP_PREFIX = ".msadecomp-tmp-"


@dataclass(frozen=True)
class Published:
    """What :func:`publish` did."""

    written: tuple[Path, ...] = ()
    removed: tuple[Path, ...] = ()
    """Files of an earlier run that this run no longer writes."""
    kept: tuple[str, ...] = field(default=())
    """Messages about earlier outputs left alone because they were changed by someone else."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_manifest(out: Path) -> dict[str, set[str]]:
    """File name -> the sha256 digests msadecomp wrote under that name (empty if no manifest).

    An unreadable or foreign manifest counts as no manifest: nothing is then known to be ours.
    """
    path = out / MANIFEST
    if path.is_symlink() or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("schema") != MANIFEST_SCHEMA:
        return {}
    files = data.get("files")
    if not isinstance(files, list):
        return {}
    out_map: dict[str, set[str]] = {}
    for entry in files:
        if not isinstance(entry, dict):
            continue
        name = entry.get("path")
        if not isinstance(name, str) or not _plain_name(name):
            continue
        digests = [entry.get("sha256")]
        earlier = entry.get("previous_sha256")
        if isinstance(earlier, list):
            digests += earlier
        out_map[name] = {d for d in digests if isinstance(d, str) and d}
    return out_map


def _plain_name(name: str) -> bool:
    return bool(name) and "/" not in name and "\\" not in name and name not in (".", "..")


def _digest_of(path: Path) -> str | None:
    """sha256 of a regular file, or None for anything else (missing, link, folder, device)."""
    try:
        info = path.lstat()
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    h = hashlib.sha256()
    try:
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def _ours(path: Path, digests: set[str] | None) -> bool:
    """True if ``path`` is a regular file whose content msadecomp wrote there."""
    if not digests:
        return False
    return _digest_of(path) in digests


def _prepare_folder(out: Path) -> None:
    if out.is_symlink():
        raise ExportError(
            f"output folder {out} is a symbolic link; msadecomp never writes through links, "
            "give the real folder"
        )
    if out.exists() and not out.is_dir():
        raise ExportError(f"cannot create output folder {out}: a file of that name is in the way")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ExportError(f"cannot create output folder {out}: {err.strerror}") from None
    for leftover in out.glob(TEMP_PREFIX + "*"):  # from a run that was killed
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


def _manifest_text(
    entries: Mapping[str, bytes], previous: Mapping[str, set[str]], tool: str, complete: bool
) -> bytes:
    files: list[dict[str, Any]] = []
    for name in sorted(set(entries) | (set(previous) if not complete else set())):
        entry: dict[str, Any] = {"path": name}
        if name in entries:
            entry["bytes"] = len(entries[name])
            entry["sha256"] = sha256(entries[name])
        if not complete and previous.get(name):
            entry["previous_sha256"] = sorted(previous[name])
        files.append(entry)
    data = {"schema": MANIFEST_SCHEMA, "generator": tool, "complete": complete, "files": files}
    return (json.dumps(data, indent=2) + "\n").encode("utf-8")


def publish(
    out_dir: str | Path, files: Mapping[str, bytes], *, tool: str, force: bool = False
) -> Published:
    """Write ``files`` (plain file name -> content) into ``out_dir`` as described above.

    Raises
    ------
    ExportError
        When the folder cannot be written, or when a file that msadecomp did not write (or that
        was changed since) would be replaced and ``force`` is false. Nothing is changed then.
    """
    bad = [n for n in files if not _plain_name(n) or n == MANIFEST]
    if bad:
        raise ExportError(f"invalid output file name(s): {', '.join(sorted(bad))}")
    out = Path(out_dir)
    _prepare_folder(out)
    previous = read_manifest(out)
    blocked = []
    for name in sorted(files):
        target = out / name
        if not target.exists() and not target.is_symlink():
            continue
        if target.is_symlink():
            blocked.append(f"{name} (a symbolic link)")
        elif target.is_dir():
            raise ExportError(f"cannot write {target}: a folder of that name is in the way")
        elif not _ours(target, previous.get(name)):
            why = "changed since msadecomp wrote it" if name in previous else "not msadecomp's"
            blocked.append(f"{name} ({why})")
    manifest_path = out / MANIFEST
    if manifest_path.is_symlink() or (manifest_path.exists() and not manifest_path.is_file()):
        blocked.append(f"{MANIFEST} (not a regular file)")
    if blocked and not force:
        raise ExportError(
            f"{out} holds files msadecomp would have to replace: "
            f"{', '.join(blocked)}; choose another -o folder or pass --force to overwrite"
        )
    try:
        staging = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=out))
    except OSError as err:
        raise ExportError(f"cannot write into {out}: {err.strerror}") from None
    try:
        for name, data in files.items():
            _write_new(staging / name, data)
        _write_new(staging / MANIFEST, _manifest_text(files, previous, tool, complete=False))
        _replace(staging / MANIFEST, manifest_path)
        written = []
        for name in sorted(files):
            _replace(staging / name, out / name)
            written.append(out / name)
        _write_new(staging / MANIFEST, _manifest_text(files, previous, tool, complete=True))
        _replace(staging / MANIFEST, manifest_path)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    removed: list[Path] = []
    kept: list[str] = []
    for name in sorted(set(previous) - set(files)):
        stale = out / name
        if not stale.exists() and not stale.is_symlink():
            continue
        if _ours(stale, previous[name]):  # edited since: kept, even with force
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()
            removed.append(stale)
        else:
            kept.append(f"kept {stale}: an earlier run wrote it but it was changed since")
    return Published(tuple(written), tuple(removed), tuple(kept))


def _write_new(path: Path, data: bytes) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
    except OSError as err:
        raise ExportError(f"cannot write {path}: {err.strerror}") from None


def _replace(src: Path, dst: Path) -> None:
    try:
        src.replace(dst)  # renames over a link itself, never writes through it
    except OSError as err:
        raise ExportError(f"cannot move {dst.name} into place: {err.strerror}") from None


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)

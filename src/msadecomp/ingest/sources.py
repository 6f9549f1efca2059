"""Find the input files of a system: a source folder, or a WAR/JAR/EAR/ZIP archive.

Archives are read in memory, never extracted to disk. An archive with an entry that escapes its
root (``../`` or an absolute path) or that inflates beyond the limits (a zip bomb) is refused as a
whole with :class:`~msadecomp.errors.InputError`. Single files that cannot be read, or that are
larger than ``max_file_bytes``, become diagnostics and the run goes on.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from msadecomp.errors import InputError
from msadecomp.ingest.scope import Scope
from msadecomp.ingest.views import is_view
from msadecomp.model import Diagnostic, Severity, SourceRef

ARCHIVE_SUFFIXES = frozenset({".war", ".jar", ".ear", ".zip"})
KINDS = {
    ".java": "java",
    ".xml": "xml",
    ".sql": "sql",
    ".ddl": "sql",
    ".jsp": "view",
    ".jspf": "view",
    ".jspx": "view",
    ".xhtml": "view",
    ".vm": "view",
    ".ftl": "view",
    ".ftlh": "view",
    ".html": "view",
    ".class": "class",
}
SKIPPED_DIRS = frozenset(
    {".git", ".svn", ".hg", "node_modules", "target", "build", "bin", ".idea", ".settings"}
)


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = 8 * 1024 * 1024
    max_archive_bytes: int = 2 * 1024 * 1024 * 1024
    """Total uncompressed size allowed for one archive."""
    max_ratio: int = 200
    """Largest compression ratio allowed for one entry of more than 1 MiB."""
    max_entries: int = 200_000
    max_nesting: int = 2


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: str
    """Path relative to the analysed root; archive members read ``app.war!/WEB-INF/...``."""
    kind: str
    data: bytes


DELIVERY_FILES = re.compile(
    r"(^|/)(pom\.xml|build\.gradle(\.kts)?|settings\.gradle(\.kts)?|build\.xml|Jenkinsfile|"
    r"\.gitlab-ci\.ya?ml|azure-pipelines\.ya?ml|\.travis\.ya?ml|bitbucket-pipelines\.ya?ml|"
    r"\.github/workflows/[^/]+\.ya?ml|Dockerfile[^/]*|Containerfile|docker-compose[^/]*\.ya?ml|"
    r"compose\.ya?ml|Chart\.yaml|kustomization\.ya?ml|skaffold\.ya?ml|"
    r"src/test/java/.+Test\.java)$"
)


@dataclass(slots=True)
class Collected:
    files: list[SourceFile]
    diagnostics: list[Diagnostic]
    skipped_libraries: list[str]
    delivery_files: list[str] = field(default_factory=list)
    excluded: list[tuple[str, str]] = field(default_factory=list)
    """(path, reason) of files left out of the analysis by the scope."""
    scope: Scope = field(default_factory=Scope)

    def in_scope(self, rel: str) -> bool:
        why = self.scope.reason(rel)
        if why is not None:
            self.excluded.append((rel, why))
        return why is None


def collect(root: Path, limits: Limits | None = None, scope: Scope | None = None) -> Collected:
    """Read every file msadecomp understands under ``root`` (a folder or an archive).

    Files that ``scope`` leaves out are not read; they are listed in ``excluded``.
    """
    limits = limits or Limits()
    out = Collected([], [], [], scope=scope or Scope())
    if not root.exists():
        raise InputError(f"input path does not exist: {root}")
    if root.is_file():
        if root.suffix.lower() in ARCHIVE_SUFFIXES:
            data = _read_file(root, root.name, limits, out, size_limit=limits.max_archive_bytes)
            if data is None:
                raise InputError(f"cannot read archive {root}")
            _collect_archive(data, root.name, limits, out, depth=1)
        else:
            kind = KINDS.get(root.suffix.lower())
            if kind is None:
                raise InputError(
                    f"{root} is not a folder, an archive (.war/.jar/.ear/.zip) or a known "
                    "source file (.java, .xml, .sql, .jsp)"
                )
            data = _read_file(root, root.name, limits, out)
            if data is not None:
                out.files.append(SourceFile(root.name, kind, data))
        return out
    if not root.is_dir():
        raise InputError(f"input path is neither a file nor a folder: {root}")
    for path in _walk(root, out):
        rel = path.relative_to(root).as_posix()
        if DELIVERY_FILES.search(rel):
            out.delivery_files.append(rel)
        suffix = path.suffix.lower()
        if suffix in ARCHIVE_SUFFIXES:
            out.skipped_libraries.append(rel)
            continue
        kind = KINDS.get(suffix)
        if kind is None or (kind == "view" and not is_view(rel)) or not out.in_scope(rel):
            continue
        data = _read_file(path, rel, limits, out)
        if data is not None:
            out.files.append(SourceFile(rel, kind, data))
    return out


def _walk(root: Path, out: Collected) -> Iterator[Path]:
    def onerror(err: OSError) -> None:
        name = Path(err.filename).relative_to(root).as_posix() if err.filename else "."
        out.diagnostics.append(
            Diagnostic(
                Severity.ERROR,
                "input.unreadable-folder",
                f"cannot list folder: {err.strerror}",
                SourceRef(name),
            )
        )

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS)
        for name in sorted(filenames):
            yield Path(dirpath, name)


def _read_file(
    path: Path, rel: str, limits: Limits, out: Collected, size_limit: int | None = None
) -> bytes | None:
    limit = size_limit or limits.max_file_bytes
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            return None
        if st.st_size > limit:
            out.diagnostics.append(_too_big(rel, st.st_size, limit))
            return None
        return path.read_bytes()
    except OSError as err:
        out.diagnostics.append(
            Diagnostic(
                Severity.ERROR,
                "input.unreadable",
                f"cannot read file: {err.strerror}",
                SourceRef(rel),
            )
        )
        return None


def _too_big(rel: str, size: int, limit: int) -> Diagnostic:
    return Diagnostic(
        Severity.WARNING,
        "input.too-large",
        f"skipped: {size:,} bytes is over the {limit:,}-byte limit per file",
        SourceRef(rel),
    )


def _safe_member(name: str) -> bool:
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return False
    return ".." not in PurePosixPath(name.replace("\\", "/")).parts


def _collect_archive(data: bytes, label: str, limits: Limits, out: Collected, depth: int) -> None:
    import io

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise InputError(f"{label} is not a readable zip archive: {err}") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.max_entries:
            raise InputError(
                f"{label} refused: {len(infos):,} entries is over the {limits.max_entries:,} limit"
            )
        bad = [i.filename for i in infos if not _safe_member(i.filename)]
        if bad:
            raise InputError(
                f"{label} refused: entry {bad[0]!r} escapes the archive root (path traversal)"
            )
        total = sum(i.file_size for i in infos)
        if total > limits.max_archive_bytes:
            raise InputError(
                f"{label} refused: it would inflate to {total:,} bytes, over the "
                f"{limits.max_archive_bytes:,}-byte limit (zip bomb?)"
            )
        inflated = 0
        for info in infos:
            if info.is_dir():
                continue
            rel = f"{label}!/{info.filename}"
            suffix = PurePosixPath(info.filename).suffix.lower()
            nested = suffix in ARCHIVE_SUFFIXES
            kind = KINDS.get(suffix)
            if kind == "view" and not is_view(info.filename):
                kind = None
            if kind is None and not nested:
                continue
            if not nested and not out.in_scope(rel):
                continue
            if nested and (depth >= limits.max_nesting or suffix == ".jar"):
                out.skipped_libraries.append(rel)
                continue
            if info.file_size > 1 << 20 and info.file_size > limits.max_ratio * max(
                info.compress_size, 1
            ):
                raise InputError(
                    f"{label} refused: entry {info.filename!r} has a compression "
                    f"ratio over {limits.max_ratio}:1 (zip bomb?)"
                )
            cap = limits.max_archive_bytes if nested else limits.max_file_bytes
            if info.file_size > cap:
                out.diagnostics.append(_too_big(rel, info.file_size, cap))
                continue
            try:
                with zf.open(info) as fh:
                    blob = fh.read(cap + 1)
            except (zipfile.BadZipFile, OSError, RuntimeError, ValueError) as err:
                out.diagnostics.append(
                    Diagnostic(
                        Severity.ERROR,
                        "input.unreadable",
                        f"cannot read archive entry: {err}",
                        SourceRef(rel),
                    )
                )
                continue
            inflated += len(blob)
            if len(blob) > cap or inflated > limits.max_archive_bytes:
                raise InputError(
                    f"{label} refused: entry {info.filename!r} inflates past its "
                    "declared size (zip bomb?)"
                )
            if nested:
                _collect_archive(blob, rel, limits, out, depth + 1)
            else:
                assert kind is not None
                out.files.append(SourceFile(rel, kind, blob))

"""Find the input files of a system: a source folder, or a WAR/JAR/EAR/ZIP archive.

Archives are read in memory, never extracted to disk. An archive with an entry that escapes its
root (``../`` or an absolute path) or that would inflate beyond the :class:`Limits` (a zip bomb:
any entry with a compression ratio over ``max_ratio``, more entries or bytes than the budgets,
which are totals over the archive and every archive nested in it) is refused as a whole with
:class:`~msadecomp.errors.InputError`. Single files or entries that cannot be read (damaged
entries, bad CRC, unsupported compression) or that are larger than ``max_file_bytes`` become
diagnostics and the run goes on.

Folders are walked without following symbolic links out of the analysed tree: a link (to a file
or a folder) whose target lies inside the tree is followed, and every file and folder is read
once, under the first path (in sorted order) that reaches it, so link loops end; a link leading
out of the tree, or a dangling one, is skipped with a diagnostic. FIFOs, devices and sockets are
skipped with a diagnostic and never opened. File names that are not valid UTF-8 are shown with
``\\xNN`` escapes.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path, PurePosixPath

from msadecomp.errors import ConfigError, InputError
from msadecomp.ingest.decoding import is_binary
from msadecomp.ingest.named_files import BOOT_SETTINGS
from msadecomp.ingest.openapi import is_spec
from msadecomp.ingest.scope import LIBRARY_REASON, TOOLING_REASON, Scope
from msadecomp.ingest.scripts import (
    MODULE_SUFFIXES,
    is_mini_program_script,
    is_own_script,
    mini_program_roots,
)
from msadecomp.ingest.text import strip_java_comments
from msadecomp.ingest.vendored import web_library_pages
from msadecomp.ingest.views import (
    VIEW_SUFFIXES,
    is_view,
    library_pages,
    markup_class_files,
    markup_only,
)
from msadecomp.ingest.xml_config import UnreadXml, unread_xml
from msadecomp.model import Diagnostic, Severity, SourceRef

try:  # an optional part of the standard library
    from lzma import LZMAError
except ImportError:  # pragma: no cover
    LZMAError = ValueError  # type: ignore[misc,assignment]

ARCHIVE_SUFFIXES = frozenset({".war", ".jar", ".ear", ".zip"})
KINDS = {
    ".java": "java",
    ".xml": "xml",
    ".sql": "sql",
    ".ddl": "sql",
    **dict.fromkeys(VIEW_SUFFIXES, "view"),
    ".properties": "properties",
    ".class": "class",
    **dict.fromkeys(MODULE_SUFFIXES, "script"),
}
UNREAD_LANGUAGES = {".groovy": "Groovy", ".kt": "Kotlin", ".scala": "Scala"}
"""Sources of JVM languages msadecomp does not parse: listed as left out, so a system written
partly in them (OFBiz's 1,280 Groovy services and scripts) does not look fully read."""


def not_analysed(language: str) -> str:
    """The reason a source of ``language`` is listed as left out."""
    return f"{language} (not analysed)"


def _kind(path: str, suffix: str) -> str | None:
    """How a file is read: by its suffix, or by its name for YAML and JSON (an OpenAPI
    specification, Spring Boot's ``application.yml``)."""
    if suffix in KINDS:
        return KINDS[suffix]
    if is_spec(path):
        return "openapi"
    inner = path.rpartition("!/")[2]
    if BOOT_SETTINGS.fullmatch(inner.rpartition("/")[2]) and _CLASSPATH_ROOT.search(inner):
        return "yaml settings"
    return None


_CLASSPATH_ROOT = re.compile(
    r"(?:^|/)(?:src/main/resources|BOOT-INF/classes|WEB-INF/classes)/(?:config/)?[^/]+$|^(?:config/)?[^/]+$"
)
"""Where Spring Boot finds its settings: the classpath root or its ``config`` folder (the
sources' resources, a built jar's or war's classes); an ``application.yaml`` elsewhere is some
other tool's (an Argo CD manifest, a front end's configuration)."""


SKIPPED_DIRS = frozenset(
    {".git", ".svn", ".hg", "node_modules", "target", "build", "bin", ".idea", ".settings"}
)


@dataclass(frozen=True, slots=True)
class Limits:
    """Resource budgets of input collection; set them in the ``[limits]`` table of the
    configuration file (docs/configuration.md)."""

    max_file_bytes: int = 8 * 1024 * 1024
    """Largest single source file or archive entry read."""
    max_archive_bytes: int = 512 * 1024 * 1024
    """Total bytes inflated from an archive and every archive nested in it."""
    max_ratio: int = 200
    """Largest compression ratio (inflated / compressed size) allowed for any archive entry."""
    max_entries: int = 200_000
    """Total entries of an archive and every archive nested in it."""
    max_nesting: int = 2
    """Archives nested deeper than this (an EAR holding a WAR is 2) are left unread."""
    java_max_bytes: int = 4 * 1024 * 1024
    """Java sources larger than this (UTF-8 bytes) are not parsed; the file gets an error.
    (The largest file in Apache Tomcat 9 has 0.3 MiB.)"""
    java_parse_seconds: int = 5
    """A Java parse still running after this long is abandoned with an error (valid Java parses
    at megabytes per second; only error recovery in large, badly broken files gets near it)."""
    java_max_depth: int = 5000
    """Java syntax nested deeper than this is not searched for facts (the file gets an error)."""
    java_type_nesting: int = 64
    """Java member types nested deeper than this are skipped (the file gets an error)."""

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigError(f"limit {f.name!r} must be a whole number >= 1, not {value!r}")


RAISE_HINT = "raise [limits] {name} in the configuration file to read it"


def display_path(name: str) -> str:
    """``name`` safe to print and write as UTF-8: bytes of a non-UTF-8 file name (which Python
    keeps as lone surrogates) are shown as ``\\xNN``.

    >>> print(display_path(b"caf\\xe9.java".decode("utf-8", "surrogateescape")))
    caf\\xe9.java
    """
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


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
        raise InputError(f"input path does not exist: {display_path(str(root))}")
    if root.is_file():
        name = display_path(root.name)
        if root.suffix.lower() in ARCHIVE_SUFFIXES:
            _collect_archive(root, name, limits, out, depth=1, budget=_Budget(limits))
            out.diagnostics += _unread_xml(out.files)
        else:
            kind = KINDS.get(root.suffix.lower())
            if kind is None:
                raise InputError(
                    f"{display_path(str(root))} is not a folder, an archive (.war/.jar/.ear/.zip)"
                    " or a known source file (.java, .xml, .sql, .jsp)"
                )
            data = _read_file(root, name, limits, out)
            if data is not None and _is_text(name, kind, data, out):
                out.files.append(SourceFile(name, kind, data))
        return out
    if not root.is_dir():
        raise InputError(f"input path is neither a file nor a folder: {display_path(str(root))}")
    plugins: list[str] = []  # folders of nested Maven or Gradle plugin builds
    walked: list[str] = []
    others: list[tuple[Path, str]] = []  # scripts of no web folder or front end's src
    for path, rel in _walk(root, out):
        walked.append(rel)
        if DELIVERY_FILES.search(rel):
            out.delivery_files.append(rel)
            if "/" in rel and _builds_plugin(path):
                plugins.append(rel.rpartition("/")[0] + "/")
        suffix = path.suffix.lower()
        if suffix in ARCHIVE_SUFFIXES:
            out.skipped_libraries.append(rel)
            continue
        if suffix in UNREAD_LANGUAGES:
            if out.in_scope(rel):
                out.excluded.append((rel, not_analysed(UNREAD_LANGUAGES[suffix])))
            continue
        kind = _kind(rel, suffix)
        if kind is None or (kind == "view" and not is_view(rel)):
            continue
        if (
            kind == "view"
            and markup_only(rel)
            and not any((root / c).is_file() for c in markup_class_files(rel))
        ):
            continue  # markup of no class: Javadoc's package.html, bundled documentation
        if rel.startswith(tuple(plugins)):
            out.excluded.append((rel, TOOLING_REASON))
            continue
        if not out.in_scope(rel):
            continue
        if kind == "script" and not is_own_script(rel, _size(path)):
            others.append((path, rel))
            continue
        data = _read_file(path, rel, limits, out)
        if data is not None and _is_text(rel, kind, data, out):
            out.files.append(SourceFile(rel, kind, data))
    roots = mini_program_roots(walked)
    for path, rel in others if roots else ():  # a mini program's scripts: its pages' logic
        if is_mini_program_script(rel, _size(path), roots):
            data = _read_file(path, rel, limits, out)
            if data is not None:
                out.files.append(SourceFile(rel, "script", data))
    if plugins:  # files of a plugin's folder read before its build file was reached
        early = [f for f in out.files if f.path.startswith(tuple(plugins))]
        out.files = [f for f in out.files if not f.path.startswith(tuple(plugins))]
        out.excluded += [(f.path, TOOLING_REASON) for f in early]
    launchers = generator_launchers(out.files, out.delivery_files)
    if launchers:  # a code generator's module that only runs it (OneBlog's blog-codegen)
        out.files = [f for f in out.files if f.path not in launchers]
        out.excluded += [(path, TOOLING_REASON) for path in sorted(launchers)]
    library = library_pages(walked) | web_library_pages(walked)
    library &= {f.path for f in out.files if f.kind == "view"}
    if library:  # only pages that would have been read as views are listed
        out.files = [f for f in out.files if f.path not in library]
        out.excluded += [(path, LIBRARY_REASON) for path in sorted(library)]
    out.diagnostics += _unread_xml(out.files)
    return out


def _unread_xml(files: list[SourceFile]) -> list[Diagnostic]:
    """One warning per kind of XML recognised but not analysed (:data:`UNREAD_XML`), at the
    first file of the kind, saying how many there are and what is missed."""
    found: dict[UnreadXml, list[str]] = {}
    for f in files:
        if f.kind == "xml" and (kind := unread_xml(f.data)) is not None:
            found.setdefault(kind, []).append(f.path)
    return [
        _diagnostic(
            "xml.not-analysed",
            f"{len(paths)} {kind.label} file(s) not analysed (the first: {paths[0]}): "
            f"{kind.missed}",
            paths[0],
        )
        for kind, paths in found.items()
    ]


_XML_COMMENTS = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_SCRIPT_COMMENTS = re.compile(r"/\*.*?(?:\*/|\Z)|//[^\n]*", re.S)
"""Comments of a pom (XML) or a Gradle script (Groovy, Kotlin), each matched once."""
PLUGIN_BUILD = re.compile(
    r"<packaging>\s*maven-plugin\s*</packaging>|\bjava-gradle-plugin\b|^\s*gradlePlugin\s*\{",
    re.M,
)
"""What a Maven or Gradle build of a build-tool plugin says (JTrac's ``maven-antprops-plugin``
module): its code extends the build, it is no part of the application."""


def _builds_plugin(path: Path) -> bool:
    """True when the build file at ``path`` (a ``pom.xml`` or ``build.gradle``) builds a Maven
    or Gradle plugin, comments left out; an unreadable file builds none."""
    if path.name not in ("pom.xml", "build.gradle", "build.gradle.kts"):
        return False
    try:
        with path.open("rb") as fh:
            text = fh.read(1 << 20).decode("utf-8", "replace")
    except OSError:
        return False
    comments = _XML_COMMENTS if path.name == "pom.xml" else _SCRIPT_COMMENTS
    return PLUGIN_BUILD.search(comments.sub(" ", text)) is not None


GENERATOR_MODULE = re.compile(r"(?:^|[-_])(?:codegen|generator)$|^generator", re.I)
"""A build module named for code generation: ending in the word ``codegen`` or ``generator``
(``blog-codegen``, ``ruoyi-generator``) or starting with ``generator``
(``generatorSqlmapCustom``); not ``codegen-api`` or ``shop-generator-api``.

>>> [bool(GENERATOR_MODULE.search(n)) for n in (
...     "blog-codegen", "ruoyi_generator", "generatorSqlmapCustom", "codegen",
...     "codegen-api", "shop-generator-api", "x.generator.y", "bootcodegen")]
[True, True, True, True, False, False, False, False]
"""
_MAIN = re.compile(r"\bstatic\s+(?:final\s+)?void\s+main\s*\(")
_BUILD_FILES = ("pom.xml", "build.gradle", "build.gradle.kts")


def generator_launchers(files: list[SourceFile], build_files: list[str]) -> set[str]:
    """The files of a nested build module named for code generation
    (:data:`GENERATOR_MODULE`) whose Java sources are all launchers (each declares a ``main``
    method, outside comments): a developer runs it against a database to write code into the
    project, it is no part of the application (OneBlog's ``blog-codegen``:
    ``BlogCodegenApplication`` calls its generator library, beside the generator's templates).
    A generator module with any other class (RuoYi's and eladmin's generator pages and
    services, mall's ``mall-mbg`` with the mappers it wrote) stays; files of a module nested
    in it are judged with that module.

    >>> def f(path, text=""): return SourceFile(path, path.rpartition(".")[2], text.encode())
    >>> sorted(generator_launchers(
    ...     [f("gen-codegen/src/Run.java", "static void main(String[] a) {}"),
    ...      f("gen-codegen/src/resources/mapper.xml"), f("shop/src/Order.java")],
    ...     ["gen-codegen/pom.xml", "shop/pom.xml", "pom.xml"]))
    ['gen-codegen/src/Run.java', 'gen-codegen/src/resources/mapper.xml']
    """
    modules = sorted(
        (b.rpartition("/")[0] + "/" for b in build_files if "/" in b and b.endswith(_BUILD_FILES)),
        key=len,
        reverse=True,
    )
    owned: dict[str, list[SourceFile]] = {}
    for f in files:  # each file belongs to the deepest module holding it
        module = next((m for m in modules if f.path.startswith(m)), None)
        if module is not None:
            owned.setdefault(module, []).append(f)
    out: set[str] = set()
    for module, members in owned.items():
        java = [f for f in members if f.kind == "java"]
        name = module.rstrip("/").rpartition("/")[2]
        if GENERATOR_MODULE.search(name) and java and all(map(_launches, java)):
            out.update(f.path for f in members)
    return out


def _launches(f: SourceFile) -> bool:
    """Whether the Java source declares a ``main`` method, outside comments."""
    code = strip_java_comments(f.data.decode("utf-8", "replace"), literals=True)
    return _MAIN.search(code) is not None


ANDROID_XML = b"\x03\x00\x08\x00"
"""The first bytes of Android's compiled binary XML (an APK's or a build's
``AndroidManifest.xml`` and ``res/**/*.xml``)."""


def _is_text(rel: str, kind: str, data: bytes, out: Collected) -> bool:
    """False, with a note, for a file named as XML whose bytes are no text: compiled Android
    XML in a checked-in app build. It holds nothing msadecomp reads, and reading it as text
    would report it broken."""
    if kind != "xml" or not is_binary(data):
        return True
    what = "compiled Android XML" if data.startswith(ANDROID_XML) else "binary data"
    out.diagnostics.append(
        _diagnostic(
            "input.binary",
            f"skipped: {what} under an .xml name, binary rather than XML text; nothing in it "
            "is read",
            rel,
            Severity.INFO,
        )
    )
    return False


def _size(path: Path) -> int:
    """The size of a file, or 0 when it cannot be read (reading it reports that)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _diagnostic(
    code: str, message: str, rel: str, severity: Severity = Severity.WARNING
) -> Diagnostic:
    return Diagnostic(severity, code, message, SourceRef(rel))


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _walk(root: Path, out: Collected) -> Iterator[tuple[Path, str]]:
    """Regular files under ``root`` with their display paths, in sorted depth-first order.

    Links are followed only to targets inside ``root``; each file and folder (by device and
    inode) is visited once, so link loops end.
    """
    base = Path(os.path.realpath(root))
    seen: set[tuple[int, int]] = set()
    try:
        st = root.stat()
        seen.add((st.st_dev, st.st_ino))
    except OSError:
        pass
    stack: list[tuple[str, str]] = [(str(root), "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as err:
            out.diagnostics.append(
                _diagnostic(
                    "input.unreadable-folder",
                    f"cannot list folder: {err.strerror}",
                    prefix.rstrip("/") or ".",
                    Severity.ERROR,
                )
            )
            continue
        folders: list[tuple[str, str]] = []
        for entry in entries:
            rel = prefix + display_path(entry.name)
            try:
                if entry.is_symlink():
                    target = Path(os.path.realpath(entry.path))
                    if not target.is_relative_to(base):
                        out.diagnostics.append(
                            _diagnostic(
                                "input.symlink-outside",
                                "skipped: a symbolic link to outside the analysed folder "
                                "(links are followed only inside it)",
                                rel,
                            )
                        )
                        continue
                st = entry.stat()  # follows a link that stays inside the tree
            except OSError as err:
                out.diagnostics.append(
                    _diagnostic(
                        "input.unreadable",
                        f"cannot read file: {err.strerror}"
                        + (" (a dangling symbolic link)" if entry.is_symlink() else ""),
                        rel,
                        Severity.ERROR,
                    )
                )
                continue
            key = (st.st_dev, st.st_ino)
            if stat.S_ISDIR(st.st_mode):
                if entry.name not in SKIPPED_DIRS and key not in seen:
                    seen.add(key)
                    folders.append((entry.path, rel + "/"))
            elif stat.S_ISREG(st.st_mode):
                if key not in seen:
                    seen.add(key)
                    yield Path(entry.path), rel
            else:
                out.diagnostics.append(
                    _diagnostic("input.special-file", f"skipped: {_kind_of(st.st_mode)}", rel)
                )
        stack.extend(reversed(folders))


def _read_file(path: Path, rel: str, limits: Limits, out: Collected) -> bytes | None:
    limit = limits.max_file_bytes
    try:
        # O_NONBLOCK: a FIFO swapped in after the walk must not block the run.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):
                out.diagnostics.append(
                    _diagnostic("input.special-file", f"skipped: {_kind_of(st.st_mode)}", rel)
                )
                return None
            if st.st_size > limit:
                out.diagnostics.append(_too_big(rel, st.st_size, limit))
                return None
            data = fh.read(limit + 1)
            if len(data) > limit:
                out.diagnostics.append(_too_big(rel, len(data), limit))
                return None
            return data
    except OSError as err:
        out.diagnostics.append(
            _diagnostic(
                "input.unreadable", f"cannot read file: {err.strerror}", rel, Severity.ERROR
            )
        )
        return None


def _too_big(rel: str, size: int, limit: int) -> Diagnostic:
    return Diagnostic(
        Severity.WARNING,
        "input.too-large",
        f"skipped: {size:,} bytes is over the {limit:,}-byte limit per file "
        f"({RAISE_HINT.format(name='max_file_bytes')})",
        SourceRef(rel),
    )


def _safe_member(name: str) -> bool:
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return False
    return ".." not in PurePosixPath(name.replace("\\", "/")).parts


class _Budget:
    """What is left of the entry and inflated-byte budgets, shared by nested archives."""

    __slots__ = ("entries", "inflated")

    def __init__(self, limits: Limits) -> None:
        self.entries = limits.max_entries
        self.inflated = limits.max_archive_bytes


_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    LZMAError,
    NotImplementedError,
    EOFError,
    OSError,
    RuntimeError,
    ValueError,
)
"""What reading one damaged entry raises: bad CRC, broken deflate data, an unsupported
compression method or "version needed", encryption, a truncated archive."""


def _refuse(label: str, why: str, name: str) -> InputError:
    return InputError(f"{label} refused: {why} (zip bomb?); {RAISE_HINT.format(name=name)}")


_MAX_VERSION: int = getattr(zipfile, "MAX_EXTRACT_VERSION", 63)


def _open_zip(source: Path | bytes) -> zipfile.ZipFile:
    """Open an archive; an entry needing a zip version Python cannot read (a damaged "version
    needed" field) makes :mod:`zipfile` refuse the whole listing, so the listing is read once
    more with that check off and such entries are reported one by one."""
    try:
        return zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except NotImplementedError:
        pass
    setattr(zipfile, "MAX_EXTRACT_VERSION", 0xFFFF)  # noqa: B010
    try:
        return zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    finally:
        setattr(zipfile, "MAX_EXTRACT_VERSION", _MAX_VERSION)  # noqa: B010


_UTF8_FLAG = 0x800


def _clear_bad_utf8_flags(data: bytes) -> tuple[bytes, dict[str, str]] | None:
    """``data`` with the "name is UTF-8" flag cleared on entries whose names are not valid
    UTF-8 (:mod:`zipfile` then reads them as CP437 instead of failing on the whole archive),
    and each such name as read mapped to its display form (``\\xNN`` escapes). ``None`` when
    the central directory cannot be walked (e.g. ZIP64)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        return None
    count = int.from_bytes(data[end + 10 : end + 12], "little")
    pos = int.from_bytes(data[end + 16 : end + 20], "little")
    patched, names = bytearray(data), {}
    for _ in range(count):
        if data[pos : pos + 4] != b"PK\x01\x02" or pos + 46 > len(data):
            return None
        flags = int.from_bytes(data[pos + 8 : pos + 10], "little")
        sizes = [int.from_bytes(data[pos + k : pos + k + 2], "little") for k in (28, 30, 32)]
        raw = data[pos + 46 : pos + 46 + sizes[0]]
        local = int.from_bytes(data[pos + 42 : pos + 46], "little")
        if flags & _UTF8_FLAG:
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                patched[pos + 8 : pos + 10] = (flags & ~_UTF8_FLAG).to_bytes(2, "little")
                if data[local : local + 4] == b"PK\x03\x04":
                    lflags = int.from_bytes(data[local + 6 : local + 8], "little")
                    patched[local + 6 : local + 8] = (lflags & ~_UTF8_FLAG).to_bytes(2, "little")
                names[raw.decode("cp437")] = raw.decode("utf-8", "backslashreplace")
        pos += 46 + sum(sizes)
    return bytes(patched), names


def _collect_archive(
    source: Path | bytes,
    label: str,
    limits: Limits,
    out: Collected,
    depth: int,
    budget: _Budget,
) -> None:
    shown: dict[str, str] = {}
    try:
        try:
            zf = _open_zip(source)
        except UnicodeDecodeError:  # an entry name flagged UTF-8 that is not
            repaired = _clear_bad_utf8_flags(
                source.read_bytes() if isinstance(source, Path) else source
            )
            if repaired is None:
                raise
            zf = _open_zip(repaired[0])
            shown = repaired[1]
    except OSError as err:
        if isinstance(source, Path) and not isinstance(err, zipfile.BadZipFile):
            raise InputError(f"cannot read archive {label}: {err.strerror or err}") from None
        raise InputError(f"{label} is not a readable zip archive: {err}") from None
    except (*_DAMAGED, UnicodeDecodeError) as err:
        raise InputError(f"{label} is not a readable zip archive: {err}") from None
    with zf:
        infos = zf.infolist()
        budget.entries -= len(infos)
        if budget.entries < 0:
            raise _refuse(
                label,
                f"with its nested archives it has over {limits.max_entries:,} entries",
                "max_entries",
            )
        bad = [i.filename for i in infos if not _safe_member(i.filename)]
        if bad:
            raise InputError(
                f"{label} refused: entry {bad[0]!r} escapes the archive root (path traversal)"
            )
        names = {i.filename for i in infos}
        # a WAR's root is the webapp's: its index.html is a page like webapp/index.html
        web_root = "webapp/" if label.lower().endswith(".war") else ""
        library = library_pages(names) | web_library_pages(names, war=bool(web_root))
        wanted = []
        for info in infos:
            if not info.filename or info.filename.endswith("/"):  # is_dir() fails on ""
                continue
            rel = f"{label}!/{shown.get(info.filename, info.filename)}"
            suffix = PurePosixPath(info.filename).suffix.lower()
            nested = suffix in ARCHIVE_SUFFIXES
            if suffix in UNREAD_LANGUAGES:
                if out.in_scope(rel):
                    out.excluded.append((rel, not_analysed(UNREAD_LANGUAGES[suffix])))
                continue
            kind = _kind(info.filename, suffix)
            if kind == "view" and not is_view(web_root + info.filename):
                kind = None
            if (
                kind == "view"
                and markup_only(info.filename)
                and not names.intersection(markup_class_files(info.filename))
            ):
                kind = None
            if kind == "script" and not is_own_script(info.filename, info.file_size):
                kind = None
            if kind is None and not nested:
                continue
            if not nested and not out.in_scope(rel):
                continue
            if kind == "view" and info.filename in library:
                out.excluded.append((rel, LIBRARY_REASON))  # as in a folder: in scope only
                continue
            if nested and (depth >= limits.max_nesting or suffix == ".jar"):
                out.skipped_libraries.append(rel)
                continue
            if info.file_size > limits.max_ratio * max(info.compress_size, 1):
                raise _refuse(
                    label,
                    f"entry {info.filename!r} has a compression ratio over {limits.max_ratio}:1",
                    "max_ratio",
                )
            wanted.append((info, rel, kind, nested))
        total = sum(  # entries over max_file_bytes become diagnostics, they are not read
            info.file_size
            for info, _, _, nested in wanted
            if nested or info.file_size <= limits.max_file_bytes
        )
        if total > budget.inflated:
            raise _refuse(
                label,
                f"it would inflate to {total:,} bytes, over what is left of the "
                f"{limits.max_archive_bytes:,}-byte budget for all archives",
                "max_archive_bytes",
            )
        for info, rel, kind, nested in wanted:
            cap = budget.inflated if nested else min(limits.max_file_bytes, budget.inflated)
            if info.file_size > cap:
                if nested:
                    raise _refuse(
                        label,
                        f"entry {info.filename!r} would inflate past the budget",
                        "max_archive_bytes",
                    )
                out.diagnostics.append(_too_big(rel, info.file_size, limits.max_file_bytes))
                continue
            try:
                if info.extract_version > _MAX_VERSION:
                    raise NotImplementedError(
                        f"it needs zip version {info.extract_version / 10:.1f}, "
                        f"over the {_MAX_VERSION / 10:.1f} Python reads"
                    )
                with zf.open(info) as fh:
                    blob = fh.read(cap + 1)
            except _DAMAGED as err:
                out.diagnostics.append(
                    _diagnostic(
                        "input.damaged-entry",
                        f"cannot read archive entry ({type(err).__name__}): {err}",
                        rel,
                        Severity.ERROR,
                    )
                )
                continue
            budget.inflated -= len(blob)
            if len(blob) > cap or budget.inflated < 0:
                raise _refuse(
                    label,
                    f"entry {info.filename!r} inflates past its declared size",
                    "max_archive_bytes",
                )
            if nested:
                _collect_archive(blob, rel, limits, out, depth + 1, budget)
            else:
                assert kind is not None
                if _is_text(rel, kind, blob, out):
                    out.files.append(SourceFile(rel, kind, blob))

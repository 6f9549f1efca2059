"""Builders of hostile inputs for the regression tests (nothing big is committed: each input
is made in memory or under ``tmp_path`` when a test runs)."""

from __future__ import annotations

import io
import random
import shutil
import struct
import zipfile
from pathlib import Path


def fixture_copy(fixture_root: Path, tmp_path: Path) -> Path:
    """A private copy of the shipped fixture that a test may add a hostile file to."""
    target = tmp_path / "app"
    shutil.copytree(fixture_root, target, ignore=shutil.ignore_patterns("expected.json"))
    return target


def make_zip(
    entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED, level: int = 9
) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression, compresslevel=level) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def one_mib_bomb_war(entries: int = 1900) -> bytes:
    """A WAR of ``entries`` entries of exactly 1 MiB of zeros (about 1 KiB each compressed)."""
    blob = b"\0" * (1 << 20)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for i in range(entries):
            zf.writestr(f"WEB-INF/classes/m{i}.xml", blob)
    return buf.getvalue()


def corrupt_entry_data(archive: bytes, name: str) -> bytes:
    """``archive`` with the compressed bytes of ``name`` overwritten (zlib error / bad CRC)."""
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        info = zf.getinfo(name)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data = bytearray(archive)
    data[start : start + min(info.compress_size, 16)] = b"\xff" * min(info.compress_size, 16)
    return bytes(data)


class ClassFileBuilder:
    """A minimal class-file writer: a constant pool and a body built from raw parts."""

    def __init__(self) -> None:
        self.pool: list[bytes] = []
        self.index: dict[tuple[int, object], int] = {}

    def _add(self, key: tuple[int, object], entry: bytes) -> int:
        if key not in self.index:
            self.pool.append(entry)
            self.index[key] = len(self.pool)
        return self.index[key]

    def utf8(self, text: str) -> int:
        raw = text.encode()
        return self._add((1, text), b"\x01" + struct.pack(">H", len(raw)) + raw)

    def cls(self, internal: str) -> int:
        return self._add((7, internal), b"\x07" + struct.pack(">H", self.utf8(internal)))

    def raw(self, entry: bytes) -> int:
        self.pool.append(entry)
        return len(self.pool)

    def build(self, this: str, body: bytes, access: int = 0x0021) -> bytes:
        """Class ``this`` extending Object, no interfaces, then ``body`` (fields, methods, attrs)."""
        this_i, super_i = self.cls(this), self.cls("java/lang/Object")
        head = struct.pack(">IHHH", 0xCAFEBABE, 0, 52, len(self.pool) + 1) + b"".join(self.pool)
        return head + struct.pack(">HHHH", access, this_i, super_i, 0) + body


def many_methods_one_huge_descriptor(methods: int = 2000, params: int = 10_000) -> bytes:
    """The memory bomb of issue 9: ``methods`` methods sharing one ``params``-parameter descriptor."""
    b = ClassFileBuilder()
    desc = b.utf8("(" + "La;" * params + ")V")
    names = [b.utf8(f"m{i}") for i in range(methods)]
    body = struct.pack(">H", 0) + struct.pack(">H", methods)
    body += b"".join(struct.pack(">HHHH", 1, n, desc, 0) for n in names)
    body += struct.pack(">H", 0)
    return b.build("p/Big", body)


def nested_annotation_arrays(depth: int = 5000) -> bytes:
    """A class whose one annotation's value is ``depth`` arrays nested in each other."""
    b = ClassFileBuilder()
    attr_name = b.utf8("RuntimeVisibleAnnotations")
    ann_type = b.utf8("Lp/A;")
    value = b.utf8("value")
    element = b"[" + struct.pack(">H", 1)
    payload = element * depth + b"[" + struct.pack(">H", 0)
    ann = struct.pack(">HHH", 1, ann_type, 1) + struct.pack(">H", value) + payload
    body = struct.pack(">HH", 0, 0) + struct.pack(">H", 1)
    body += struct.pack(">HI", attr_name, len(ann)) + ann
    return b.build("p/Nested", body)


def bad_pool_reference() -> bytes:
    """A class whose one method reference names a Class entry where a NameAndType must be."""
    b = ClassFileBuilder()
    other = b.cls("p/Other")
    b.raw(b"\x0a" + struct.pack(">HH", other, other))  # Methodref(class, "name and type")
    return b.build("p/Bad", struct.pack(">HHH", 0, 0, 0))


def patch_central_header(archive: bytes, name: str, offset: int, value: bytes) -> bytes:
    """``archive`` with bytes at ``offset`` of ``name``'s central directory record replaced
    (offset 6: version needed to extract, 10: compression method)."""
    raw = name.encode()
    data = bytearray(archive)
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = int.from_bytes(data[at + 28 : at + 30], "little")
        if bytes(data[at + 46 : at + 46 + length]) == raw:
            data[at + offset : at + offset + len(value)] = value
            return bytes(data)
        at = data.find(b"PK\x01\x02", at + 4)
    raise KeyError(name)


def nested_copies_ear(copies: int = 8, entries: int = 40, entry_bytes: int = 6 << 20) -> bytes:
    """An EAR of ``copies`` identical WARs, each of ``entries`` entries that deflate only about
    100:1 (under the ratio limit): the "8 nested copies" of issue 9, which passed a
    per-archive inflate budget."""
    rnd = random.Random(9)
    runs = bytearray()
    while len(runs) < entry_bytes:
        runs += bytes([rnd.randrange(256)]) * rnd.randrange(50, 300)
    war = make_zip(
        {f"WEB-INF/classes/m{i}.sql": bytes(runs[:entry_bytes]) for i in range(entries)}
    )
    return make_zip({f"w{i}.war": war for i in range(copies)}, compression=zipfile.ZIP_STORED)

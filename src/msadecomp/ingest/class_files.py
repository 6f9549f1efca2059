"""Read compiled ``.class`` files when a WAR/JAR ships no sources.

Only the constant pool and the declarations are read (no bytecode): the class and its package,
super class and interfaces, field and method signatures, annotations (runtime and class
retention) with their string and enum values (so ``@Service("name")``, ``@Resource(name=...)`` and
``@RequestMapping`` work as for sources), every class the pool references, and every string
constant (mapper statement ids, embedded SQL). The result has the same shape as a parsed source
file, so the rest of the pipeline does not care where a type came from.

Hostile files are bounded: every constant-pool reference is checked for the tag it must have,
a method descriptor with more parameters than the JVM allows (255) is refused, each distinct
descriptor is parsed once (thousands of methods may share one), and annotation values nested
deeper than :data:`MAX_ANNOTATION_DEPTH` are refused. All of these raise
:class:`ClassFormatError`, which ingestion turns into a diagnostic for the file.
"""

from __future__ import annotations

import re
import struct
from typing import Any

from msadecomp.ingest.java_syntax import Annotation, Call, JavaFile, Member, Method, TypeDecl

ACC_INTERFACE, ACC_ABSTRACT, ACC_ANNOTATION, ACC_ENUM = 0x0200, 0x0400, 0x2000, 0x4000
ACC_PUBLIC, ACC_STATIC = 0x0001, 0x0008
_DESCRIPTOR_CLASS = re.compile(r"L([^;<]+)[;<]")
_DESCRIPTOR_PARAM = re.compile(r"\[*(?:[BCDFIJSZ]|L[^;]*;)")
MAX_PARAMETERS = 255
"""The JVM's limit on method parameters (JVMS 4.3.3); a descriptor with more is malformed."""
MAX_ANNOTATION_DEPTH = 64
"""Annotation values (arrays, nested annotations) nested deeper than this are refused."""
_TAG_NAMES = {1: "Utf8", 7: "Class", 12: "NameAndType"}


class ClassFormatError(ValueError):
    pass


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise ClassFormatError("truncated class file")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def u1(self) -> int:
        return self.take(1)[0]

    def u2(self) -> int:
        value: int = struct.unpack(">H", self.take(2))[0]
        return value

    def u4(self) -> int:
        value: int = struct.unpack(">I", self.take(4))[0]
        return value


def _modified_utf8(raw: bytes) -> tuple[str, bool]:
    """A constant-pool string (Java's modified UTF-8: NUL as ``C0 80``, characters beyond the
    BMP as surrogate pairs) and whether bytes had to be replaced."""
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        pass
    try:
        text = raw.replace(b"\xc0\x80", b"\0").decode("utf-8", "surrogatepass")
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le"), False
    except UnicodeError:
        return raw.decode("utf-8", "replace"), True


def _dotted(internal: str) -> str:
    return internal.replace("/", ".").replace("$", ".")


def _descriptor_types(descriptor: str) -> list[str]:
    return [_dotted(m) for m in _DESCRIPTOR_CLASS.findall(descriptor)]


def _method_types(descriptor: str) -> tuple[tuple[Member, ...], tuple[str, ...]]:
    """Parameters (as members ``p0``, ``p1``...) and return types of a method descriptor."""
    params, _, ret = descriptor.partition(")")
    count = len(_DESCRIPTOR_PARAM.findall(params))
    if count > MAX_PARAMETERS:
        raise ClassFormatError(
            f"a method descriptor declares {count:,} parameters, over the JVM's limit of "
            f"{MAX_PARAMETERS}"
        )
    members = tuple(Member(f"p{k}", (t,)) for k, t in enumerate(_descriptor_types(params)))
    return members, tuple(_descriptor_types(ret))


def parse_class(path: str, data: bytes) -> JavaFile | None:
    """Facts of one class file; ``None`` for anonymous/local classes and module/package info.

    Raises :class:`ClassFormatError` for bytes that are not a valid class file.
    """
    try:
        return _parse(path, data)
    except (struct.error, IndexError, KeyError, TypeError, AttributeError, ValueError) as err:
        if isinstance(err, ClassFormatError):
            raise
        raise ClassFormatError(f"malformed class file: {type(err).__name__}: {err}") from None


def _parse(path: str, data: bytes) -> JavaFile | None:
    r = _Reader(data)
    if r.u4() != 0xCAFEBABE:
        raise ClassFormatError("not a class file (bad magic number)")
    r.u2(), r.u2()
    pool: dict[int, tuple[int, Any]] = {}
    lossy = False
    count = r.u2()
    i = 1
    while i < count:
        tag = r.u1()
        if tag == 1:
            text, replaced = _modified_utf8(r.take(r.u2()))
            lossy = lossy or replaced
            pool[i] = (tag, text)
        elif tag in (3, 4):
            r.take(4)
        elif tag in (5, 6):
            r.take(8)
            i += 1
        elif tag in (7, 8, 16, 19, 20):
            pool[i] = (tag, r.u2())
        elif tag in (9, 10, 11, 12, 17, 18):
            pool[i] = (tag, (r.u2(), r.u2()))
        elif tag == 15:
            pool[i] = (tag, (r.u1(), r.u2()))
        else:
            raise ClassFormatError(f"unknown constant pool tag {tag}")
        i += 1

    def entry(index: int, tag: int) -> Any:
        found = pool.get(index)
        if found is None or found[0] != tag:
            raise ClassFormatError(
                f"malformed class file: constant #{index} is not a {_TAG_NAMES[tag]} entry"
            )
        return found[1]

    def utf(index: int) -> str:
        return str(entry(index, 1))

    def class_name(index: int) -> str:
        return utf(entry(index, 7))

    access = r.u2()
    this = class_name(r.u2())
    super_index = r.u2()
    interfaces = [class_name(r.u2()) for _ in range(r.u2())]
    simple_internal = this.rpartition("/")[2]
    if this.endswith(("module-info", "package-info")) or any(
        part[:1].isdigit() for part in simple_internal.split("$")[1:]
    ):
        return None

    def element(tag: str, depth: int, classes: list[str]) -> str | None:
        if depth > MAX_ANNOTATION_DEPTH:
            raise ClassFormatError(
                f"annotation values nested deeper than {MAX_ANNOTATION_DEPTH} levels"
            )
        if tag in "BCDFIJSZs":
            idx = r.u2()
            entry = pool.get(idx)
            return utf(idx) if entry and entry[0] == 1 else None
        if tag == "e":
            type_name, const = utf(r.u2()), utf(r.u2())
            return f"{_dotted(type_name[1:-1]).rpartition('.')[2]}.{const}"
        if tag == "c":  # a class literal: Lpkg/Name; (arrays and primitives name no class)
            descriptor = utf(r.u2())
            if descriptor.startswith("L") and descriptor.endswith(";"):
                classes.append(_dotted(descriptor[1:-1]))
            return None
        if tag == "@":  # its class literals count for the outer one, as in source
            classes.extend(annotation(depth + 1).classes)
            return None
        if tag == "[":
            values = [element(chr(r.u1()), depth + 1, classes) for _ in range(r.u2())]
            return ",".join(v for v in values if v is not None)
        raise ClassFormatError(f"unknown annotation element tag {tag!r}")

    def annotation(depth: int = 0) -> Annotation:
        name = _dotted(utf(r.u2())[1:-1])
        value, attrs = None, []
        classes: list[str] = []
        for _ in range(r.u2()):
            key = utf(r.u2())
            v = element(chr(r.u1()), depth, classes)
            if v is None:
                continue
            if key == "value":
                value = v
            else:
                attrs.append((key, v))
        return Annotation(name, value, tuple(attrs), tuple(dict.fromkeys(classes)))

    signatures: list[str] = []

    def attributes() -> tuple[Annotation, ...]:
        found: list[Annotation] = []
        for _ in range(r.u2()):
            name = utf(r.u2())
            length = r.u4()
            if name in ("RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations"):
                end = r.pos + length
                found.extend(annotation() for _ in range(r.u2()))
                r.pos = end
            elif name == "Signature" and length == 2:
                signatures.append(utf(r.u2()))  # generic types: ``<T:Ljava/lang/Object;>...``
            else:
                r.take(length)
        return tuple(found)

    fields: list[Member] = []
    for _ in range(r.u2()):
        r.u2()
        name, desc = utf(r.u2()), utf(r.u2())
        fields.append(Member(name, tuple(_descriptor_types(desc)), attributes()))
    methods: list[Method] = []
    descriptors: dict[str, tuple[tuple[Member, ...], tuple[str, ...]]] = {}
    for _ in range(r.u2()):
        flags = r.u2()
        name, desc = utf(r.u2()), utf(r.u2())
        anns = attributes()
        if name == "<clinit>":
            continue
        if desc not in descriptors:  # parsed once, shared by every method using it
            descriptors[desc] = _method_types(desc)
        params, ret = descriptors[desc]
        methods.append(
            Method(
                name if name != "<init>" else simple_internal,
                0,
                params,
                ret,
                anns,
                is_constructor=name == "<init>",
                exposed=bool(flags & ACC_PUBLIC) and not flags & ACC_STATIC,
            )
        )
    signatures.clear()
    class_annotations = attributes()

    calls: list[Call] = []
    strings: list[str] = []
    refs: list[str] = []
    for tag, value in pool.values():
        if tag in (10, 11):
            owner = class_name(value[0])
            member = utf(entry(value[1], 12)[0])
            if owner != this:
                calls.append(Call(_dotted(owner), member, 0))
        elif tag == 8:
            strings.append(utf(value))
        elif tag == 7:
            ref = utf(value)
            ref = ref.lstrip("[")
            if ref.startswith("L"):
                ref = ref[1:-1]
            if ref != this and "/" in ref:
                refs.append(_dotted(ref))
    methods.append(Method("<bytecode>", 0, calls=tuple(calls), strings=tuple(strings)))
    kind = "class"
    if access & ACC_ANNOTATION:
        kind = "annotation"
    elif access & ACC_INTERFACE:
        kind = "interface"
    elif access & ACC_ENUM:
        kind = "enum"
    supers = [] if super_index == 0 else [class_name(super_index)]
    extends = tuple(_dotted(s) for s in supers if s not in ("java/lang/Object", "java/lang/Enum"))
    implements = tuple(_dotted(x) for x in interfaces)
    if kind == "interface":
        extends, implements = implements, ()
    package, _, name = this.rpartition("/")
    decl = TypeDecl(
        name.replace("$", "."),
        kind,
        0,
        extends,
        implements,
        class_annotations,
        tuple(fields),
        tuple(methods),
        type_refs=tuple(sorted(set(refs))),
        abstract=kind == "class" and bool(access & ACC_ABSTRACT),
        generic=any(s.startswith("<") for s in signatures),
    )
    return JavaFile(path, package.replace("/", "."), (), (decl,), "class", lossy=lossy)

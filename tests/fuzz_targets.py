"""Fuzz targets shared by the property tests (``tests/property``, few examples) and the long
fuzz run (``benchmarks/fuzz.py``): for each ingest entry point, a hypothesis strategy of hostile
inputs, the call, and the only exceptions the call may raise (its documented contract)."""

from __future__ import annotations

import io
import json
import struct
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from hypothesis import strategies as st

from hostile_inputs import ClassFileBuilder
from msadecomp.config import CONFIG_KEYS, config_from_mapping, load_config
from msadecomp.errors import ConfigError, InputError
from msadecomp.ingest.class_files import ClassFormatError, parse_class
from msadecomp.ingest.decoding import decode_source
from msadecomp.ingest.java_model import build_java_facts
from msadecomp.ingest.java_syntax import parse_java
from msadecomp.ingest.links import entry_points, message_links
from msadecomp.ingest.named_files import setting_entries, settings_problem
from msadecomp.ingest.openapi import read_spec, spec_endpoints
from msadecomp.ingest.sources import Limits, collect
from msadecomp.ingest.spa import follow_imports, inline_template, read_component, read_module
from msadecomp.ingest.sql_ddl import DdlReader, parse_ddl
from msadecomp.ingest.sql_tables import is_table_name, tables_in
from msadecomp.ingest.views import VIEW_SUFFIXES, read_view
from msadecomp.ingest.xml_config import XmlFacts, read_xml
from msadecomp.model import Diagnostic, JavaType, SourceRef, TypeKind
from msadecomp.readiness import load_answers


@dataclass(frozen=True)
class Target:
    name: str
    inputs: st.SearchStrategy[Any]
    run: Callable[[Any], object]
    allowed: tuple[type[BaseException], ...] = ()
    """Exceptions the call may raise by contract; anything else is a crash."""


# -- mutation of structured inputs ------------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn, base: st.SearchStrategy[bytes]) -> bytes:
    """``base`` with a few byte-level edits: flips, insertions, deletions, a truncation."""
    data = bytearray(draw(base))
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(("flip", "insert", "delete", "truncate", "none")))
        at = draw(st.integers(0, len(data)))
        if op == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(max_size=16))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        elif op == "truncate":
            del data[at:]
    return bytes(data)


def nested_text(opening: str, closing: str) -> st.SearchStrategy[str]:
    return st.integers(1, 3000).map(lambda n: opening * n + closing * n)


# -- class files ------------------------------------------------------------------------------

_FIELD_TYPES = st.sampled_from(["I", "J", "Z", "[B", "Ljava/lang/String;", "Lp/Q;", "[[Lp/R;"])


@st.composite
def _element(draw: st.DrawFn, b: ClassFileBuilder, depth: int) -> bytes:
    tag = draw(st.sampled_from("sIe[@c" if depth < 4 else "sIe"))
    if tag in "sI":
        return tag.encode() + struct.pack(">H", b.utf8(draw(st.text(max_size=8))))
    if tag == "e":
        return b"e" + struct.pack(">HH", b.utf8("Lp/E;"), b.utf8("A"))
    if tag == "c":
        return b"c" + struct.pack(">H", b.utf8("Lp/C;"))
    if tag == "@":
        return b"@" + draw(_annotation(b, depth + 1))
    items = draw(st.lists(_element(b, depth + 1), max_size=3))
    return b"[" + struct.pack(">H", len(items)) + b"".join(items)


@st.composite
def _annotation(draw: st.DrawFn, b: ClassFileBuilder, depth: int = 0) -> bytes:
    pairs = draw(st.lists(_element(b, depth), max_size=3))
    body = b"".join(
        struct.pack(">H", b.utf8(f"k{i}" if i else "value")) + e for i, e in enumerate(pairs)
    )
    return struct.pack(">HH", b.utf8(f"Lp/A{draw(st.integers(0, 3))};"), len(pairs)) + body


@st.composite
def _attributes(draw: st.DrawFn, b: ClassFileBuilder) -> bytes:
    anns = draw(st.lists(_annotation(b), max_size=2))
    if not anns:
        return struct.pack(">H", 0)
    payload = struct.pack(">H", len(anns)) + b"".join(anns)
    name = b.utf8("RuntimeVisibleAnnotations")
    return struct.pack(">HHI", 1, name, len(payload)) + payload


@st.composite
def class_file(draw: st.DrawFn) -> bytes:
    """A well-formed class file with random members, descriptors and annotations."""
    b = ClassFileBuilder()
    for i in range(draw(st.integers(0, 3))):  # references that become calls
        owner = b.cls(f"p/O{i}")
        nat = b.raw(b"\x0c" + struct.pack(">HH", b.utf8(f"m{i}"), b.utf8("()V")))
        b.raw(b"\x0a" + struct.pack(">HH", owner, nat))
        b.raw(b"\x08" + struct.pack(">H", b.utf8(draw(st.text(max_size=12)))))
    fields = draw(st.lists(_FIELD_TYPES, max_size=3))
    body = struct.pack(">H", len(fields))
    for i, desc in enumerate(fields):
        body += struct.pack(">HHH", 2, b.utf8(f"f{i}"), b.utf8(desc)) + draw(_attributes(b))
    methods = draw(st.lists(st.lists(_FIELD_TYPES, max_size=300), max_size=3))
    body += struct.pack(">H", len(methods))
    for i, params in enumerate(methods):
        desc = "(" + "".join(params) + ")V"
        body += struct.pack(">HHH", 1, b.utf8(f"m{i}"), b.utf8(desc)) + draw(_attributes(b))
    body += draw(_attributes(b))
    return b.build(draw(st.sampled_from(["p/C", "C", "p/C$In", "p/C$1"])), body)


def _parse_class(data: bytes) -> object:
    return parse_class("C.class", data)


CLASS_FILES = Target(
    "class-file",
    st.one_of(st.binary(max_size=256), mutated(class_file())),
    _parse_class,
    (ClassFormatError,),
)


# -- archives ---------------------------------------------------------------------------------

_NAMES = st.tuples(
    st.sampled_from(["", "WEB-INF/classes/", "a/b/", "../", "/", "C:/", "META-INF/"]),
    st.text(alphabet="abcXYZ_.-한", min_size=1, max_size=6),
    st.sampled_from([".java", ".xml", ".sql", ".jsp", ".class", ".war", ".jar", ".txt", ""]),
).map("".join)


@st.composite
def archive(draw: st.DrawFn, depth: int = 0) -> bytes:
    buf = io.BytesIO()
    compression = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name in draw(st.lists(_NAMES, max_size=5, unique=True)):
            if name.endswith(".war") and depth < 2:
                data = draw(archive(depth + 1))
            else:
                data = draw(
                    st.one_of(
                        st.binary(max_size=64),
                        st.integers(0, 300_000).map(lambda n: b"\0" * n),
                    )
                )
            # a fixed time stamp: the same draws must give the same bytes
            zf.writestr(zipfile.ZipInfo(name, (2000, 1, 1, 0, 0, 0)), data, compression)
    return buf.getvalue()


def _collect_archive(data: bytes) -> object:
    with tempfile.TemporaryDirectory() as folder:
        war = Path(folder, "app.war")
        war.write_bytes(data)
        limits = Limits(max_file_bytes=200_000, max_archive_bytes=1_000_000)
        got = collect(war, limits)
        assert all(len(f.data) <= limits.max_file_bytes for f in got.files)
        assert sum(len(f.data) for f in got.files) <= limits.max_archive_bytes
        return got


ARCHIVES = Target("archive", mutated(archive()), _collect_archive, (InputError,))


# -- Spring XML and web.xml -------------------------------------------------------------------

_XML_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=12)


@st.composite
def _beans(draw: st.DrawFn) -> str:
    beans = []
    for i in range(draw(st.integers(0, 4))):
        props = "".join(
            f'<property name="{draw(st.sampled_from(["a", "b"]))}" ref="{draw(st.sampled_from(["x", "", "b0"]))}"/>'
            for _ in range(draw(st.integers(0, 3)))
        )
        beans.append(
            f'<bean id="b{i}" class="{draw(st.sampled_from(["p.A", "", "p.B$C"]))}">{props}</bean>'
        )
    return (
        '<beans xmlns="http://www.springframework.org/schema/beans">' + "".join(beans) + "</beans>"
    )


@st.composite
def _web_xml(draw: st.DrawFn) -> str:
    parts = []
    for i in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["servlet", "filter"]))
        parts.append(
            f"<{kind}><{kind}-name>s{i}</{kind}-name><{kind}-class>{draw(_XML_TEXT).replace('<', '')}</{kind}-class></{kind}>"
        )
        parts.append(
            f"<{kind}-mapping><{kind}-name>s{i}</{kind}-name><url-pattern>/{i}/*</url-pattern></{kind}-mapping>"
        )
    return "<web-app>" + "".join(parts) + "</web-app>"


@st.composite
def _entity_mappings(draw: st.DrawFn) -> str:
    """JPA orm.xml or Hibernate hbm.xml with entities and named queries (some empty, some
    nested, some without a name)."""
    query = st.sampled_from(["SELECT o FROM Order o", "from Item", "", "DELETE FROM X x", "<"])
    parts = []
    for i in range(draw(st.integers(0, 4))):
        name = draw(st.sampled_from([f'name="Q.q{i}"', 'name=""', ""]))
        text = draw(query).replace("<", "&lt;")
        parts.append(
            draw(
                st.sampled_from(
                    [
                        f'<entity class="a.E{i}"><table name="T{i}"/></entity>',
                        f"<named-query {name}><query>{text}</query></named-query>",
                        f"<named-native-query {name}><query>{text}</query></named-native-query>",
                        f"<query {name}>{text}</query>",
                        f"<sql-query {name}><![CDATA[{text}]]></sql-query>",
                        f'<class name="a.C{i}" table="T{i}"/>',
                        f"<message-driven><ejb-name>M{i}</ejb-name><ejb-class>a.M{i}</ejb-class>"
                        "<activation-config><activation-config-property>"
                        "<activation-config-property-name>destination"
                        "</activation-config-property-name><activation-config-property-value>"
                        f"{text}</activation-config-property-value></activation-config-property>"
                        "</activation-config></message-driven>",
                        f'<createTable tableName="T{i}" remarks="{text[:9]}"><column name="c">'
                        f'<constraints primaryKey="true" references="{text[:9]}"/></column>'
                        "</createTable>",
                        f'<addForeignKeyConstraint baseTableName="T{i}" baseColumnNames="c" '
                        f'referencedTableName="{text[:9]}"/>',
                        f'<renameTable oldTableName="T{i}" newTableName="{text[:9]}"/>',
                        f"<sql>{text}</sql>",
                    ]
                )
            )
        )
    root = draw(
        st.sampled_from(["entity-mappings", "hibernate-mapping", "ejb-jar", "databaseChangeLog"])
    )
    return f"<{root}>" + "".join(parts) + f"</{root}>"


@st.composite
def _gwt_module(draw: st.DrawFn) -> str:
    kinds = st.sampled_from(["source", "super-source", "public", "inherits"])
    paths = st.one_of(st.sampled_from(["client", "shared", "", ".", "../x", "a/b/"]), st.text())
    parts = draw(st.lists(st.tuples(kinds, paths), max_size=5))
    return "<module>" + "".join(f'<{k} path="{escape(p)}"/>' for k, p in parts) + "</module>"


@st.composite
def spring_or_web_xml(draw: st.DrawFn) -> bytes:
    body = draw(
        st.one_of(
            _beans(),
            _web_xml(),
            _entity_mappings(),
            _gwt_module(),
            nested_text("<beans>", "</beans>"),
        )
    )
    encoding = draw(st.sampled_from(["utf-8", "euc-kr", "utf-16", "bogus-enc", None]))
    head = f'<?xml version="1.0" encoding="{encoding}"?>' if encoding else ""
    doctype = draw(
        st.sampled_from(
            ["", '<!DOCTYPE b [<!ENTITY e "x">]>', '<!DOCTYPE b SYSTEM "http://x/y.dtd">']
        )
    )
    try:
        return (head + doctype + body).encode(
            encoding if encoding not in (None, "bogus-enc") else "utf-8"
        )
    except UnicodeEncodeError:
        return (head + doctype + body).encode("utf-8")


def _read_xml(data: bytes) -> object:
    facts = XmlFacts()
    read_xml("WEB-INF/web.xml", data, facts)
    read_xml("src/com/acme/App.gwt.xml", data, facts)  # the same bytes as a GWT module
    ddl = DdlReader()
    for path, sql in facts.changelogs:  # a Liquibase changelog's DDL
        ddl.add(path, sql)
    return facts, ddl.tables()


XML = Target(
    "spring-web-xml", st.one_of(mutated(spring_or_web_xml()), st.binary(max_size=200)), _read_xml
)


# -- JSP and decoding -------------------------------------------------------------------------

_JSP_TEXT = st.lists(
    st.one_of(
        st.sampled_from(
            ['"/a/b.do"', "'x.action?y=1'", '<c:url value="/u.do"/>', "게시판", '"', "'"]
        ),
        st.text(max_size=10),
    ),
    max_size=12,
).map("".join)


@st.composite
def encoded_text(draw: st.DrawFn) -> bytes:
    text = draw(_JSP_TEXT)
    encoding = draw(st.sampled_from(["utf-8", "cp949", "utf-16", "utf-8-sig"]))
    return text.encode(encoding, errors="ignore")


def _read_jsp(data: bytes) -> object:
    """Reads the bytes as a view of every template language (each has include syntax of its own)."""
    return [read_view("templates/a" + suffix, data, []) for suffix in sorted(VIEW_SUFFIXES)]


def _decode(data: bytes) -> object:
    decoded = decode_source(data)
    assert decoded.lossy == (decoded.replaced > 0)
    assert decoded.lossy or decoded.first_bad_line is None
    return decoded


JSP = Target("jsp", st.one_of(mutated(encoded_text()), st.binary(max_size=200)), _read_jsp)

DECODING = Target("decoding", st.one_of(mutated(encoded_text()), st.binary(max_size=300)), _decode)


# -- configuration and answers files ----------------------------------------------------------


class Digits(str):
    """A number written with thousands of digits (over Python's int-str limit)."""


_SCALARS = st.one_of(
    st.booleans(),
    st.integers(),
    st.integers(min_value=4000, max_value=6000).map(lambda n: Digits("9" * n)),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=6),
    st.sampled_from(["auto", "louvain", "yes", "no", "*", "a.*"]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(["call", "together", "apart", "detect", "include", "x"]),
            inner,
            max_size=3,
        ),
    ),
    max_leaves=12,
)
_CONFIG_KEYS = st.sampled_from([*sorted(CONFIG_KEYS), "other"])
CONFIG_MAPPINGS = st.dictionaries(_CONFIG_KEYS, _VALUES, max_size=5)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(str(value), repr(value))
    if isinstance(value, Digits):
        return str(value)
    if isinstance(value, (int, str)):
        return json.dumps(value) if isinstance(value, str) else str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + "}"


def _toml(mapping: dict[str, Any]) -> bytes:
    return "\n".join(f"{k} = {_toml_value(v)}" for k, v in mapping.items()).encode(
        "utf-8", "replace"
    )


_CONFIG_FILES = st.one_of(
    CONFIG_MAPPINGS.map(_toml),
    mutated(CONFIG_MAPPINGS.map(_toml)),
    nested_text("[", "]").map(lambda s: ("x = " + s).encode()),
    st.binary(max_size=100),
)


def _with_file(suffix: str, data: bytes, load: Callable[[Path], object]) -> object:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "file" + suffix)
        path.write_bytes(data)
        return load(path)


def _load_config_file(data: bytes) -> object:
    return _with_file(".toml", data, load_config)


def _config_mapping(data: dict[str, Any]) -> object:
    return config_from_mapping(data)


def _json_bytes(value: Any) -> bytes:
    text = json.dumps(value, allow_nan=True, default=str)
    return text.replace('"9999', "9999").replace('9999"', "9999").encode()  # Digits unquoted


_ANSWERS = st.one_of(
    st.dictionaries(
        st.one_of(st.sampled_from(["1", "q2", "10", "11", ""]), st.text(max_size=4)),
        _VALUES,
        max_size=4,
    ).map(_json_bytes),
    mutated(
        st.dictionaries(st.sampled_from(["1", "2"]), st.sampled_from(["yes", "no"])).map(
            _json_bytes
        )
    ),
    nested_text("[", "]").map(str.encode),
    st.binary(max_size=60),
)


def _load_answers(data: tuple[str, bytes]) -> object:
    suffix, raw = data
    return _with_file(suffix, raw, load_answers)


CONFIG_FILES = Target("config-file", _CONFIG_FILES, _load_config_file, (ConfigError,))
CONFIG_VALUES = Target("config-mapping", CONFIG_MAPPINGS, _config_mapping, (ConfigError,))
ANSWERS = Target(
    "answers-file",
    st.tuples(st.sampled_from([".json", ".toml"]), st.one_of(_ANSWERS, _CONFIG_FILES)),
    _load_answers,
    (InputError,),
)

# -- Java and SQL sources --------------------------------------------------------------------

_JAVA_PIECES = st.sampled_from(
    [
        "package a.b;", "import java.util.*;", "class C {", "interface I {", "record R(int x) {",
        "enum E { A, B; }", "@Service(\"s\")", "@A(", "void f() {", "}", "{", ")", "(", ";",
        'String s = "x" + "y";', "x.call(1, \"id\");", "new C<>();", "switch (x) { case 1 -> 2; }",
        "if (o instanceof C c) {}", "String[]::new", '"""\ntext\n"""', "/* ", "*/", "// c\n",
        "\\u00", "<T extends B<T>>", "@interface N {}", "sealed ", "permits D", "var v = 1;",
        "\n", " ", "\xff", "\uac00", '@MessageDriven(mappedName = "q")',
        '@ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "j:a/q")',
        '@JmsListener(destination = "q")', '@KafkaListener(topics = {"t", "u"})',
        '@RabbitListener(queues = "q")', "@RabbitHandler", '@Scheduled(cron = "0 {} *")',
        '@WebService(serviceName = "W")', "@WebMethod", '@Resource(lookup = "java:app/q")',
        "Queue q;", 'ctx.lookup("java:comp/env/jms/q");',
    ]
)  # fmt: skip
_SQL_PIECES = st.sampled_from(
    [
        "SELECT a FROM T", " JOIN U ON T.x = U.x", " WHERE ", "CREATE TABLE T (a INT, b VARCHAR(9))",
        "ALTER TABLE ONLY T ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES U (a)", "COMMENT ON TABLE T IS '표'",
        "INSERT INTO T VALUES (1, 'x')", "UPDATE T SET a = 1", "DELETE FROM T", " ORDER BY B.Y, A.Z",
        " FOR UPDATE WAIT 5", "MERGE INTO T USING U ON (1=1)", "WITH x AS (SELECT 1)", ";", "/*",
        "*/", "--", "'", '"', "(", ")", ",", "\n/\n", "#{p}", "${q}", "\xff",
    ]
)  # fmt: skip


def _joined(pieces: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    return st.lists(pieces, max_size=40).map(lambda xs: "".join(xs).encode("utf-8", "replace"))


def _parse_java(data: bytes) -> object:
    """Parse, then build the code facts, entry points and message links of the file."""
    parsed = parse_java("A.java", data)
    facts = build_java_facts([parsed])
    points = entry_points(facts, XmlFacts())
    return parsed, points, message_links(facts, points)


def _parse_sql(data: bytes) -> object:
    text = data.decode("utf-8", "replace")
    use = tables_in(text)
    tables, _ = parse_ddl("a.sql", text)
    names = [*use.reads, *use.writes, *(t.name for t in tables)]
    assert all(is_table_name(n) for n in names), names
    return names


JAVA = Target(
    "java", st.one_of(mutated(_joined(_JAVA_PIECES)), st.binary(max_size=300)), _parse_java
)
SQL = Target("sql", st.one_of(mutated(_joined(_SQL_PIECES)), st.binary(max_size=300)), _parse_sql)

_SCRIPT_PIECES = st.sampled_from(
    [
        "import ", "import * as api from '@/api/user'\n", "import URL from './url'\n",
        "import { a, default as B } from \"../x\"\n", "export ", "function f(", "async ",
        "const U = '/a/b';", "x = (q) => ", "=> {", "{", "}", "(", ")", "'", '"', "`",
        "${id}", "/orders/list", "api.", "URL.", "U", "request({ url: ", "get(", "KEY: '/k/v',\n",
        "\n", " ", "<template>", "</script>", "import('", "require(", "\xff", "\u5340/",
        "@Component({", "template: `", "templateUrl: '", '<a href="/h">', "\\",
        "var B = 'http://h/wx/';", "B + 'x/y'", "var api = require('", "wx.navigateTo({ url: ",
    ]
)  # fmt: skip


def _read_script(data: bytes) -> object:
    """Read the bytes as a module and as a component importing it, and follow the import."""
    module = read_module(data)
    page = read_component("ui/src/views/a.vue", data + b"\nimport * as m from '../api/m'\nm.f()")
    (linked,) = follow_imports([page], {"ui/src/api/m.js": module})
    assert all(link.startswith("/") for link in linked.links), linked.links
    inline = inline_template("ui/src/app/a.component.ts", data)
    assert inline is None or inline.path == "ui/src/app/a.component.ts"
    return linked


_SPEC_PIECES = st.sampled_from(
    [
        "openapi: 3.0.1\n", "paths:\n", "  /a/{id}:\n", "    get:\n", "      operationId: x\n",
        "      tags: [a]\n", "servers:\n  - url: http://h/base\n", "&a ", "*a ", "[", "]", "{",
        "}", ": ", "- ", "\t", "'", '"', "!!python/object:os.system ", "\xff", "\n",
    ]
)  # fmt: skip


def _read_spec(data: bytes) -> object:
    diagnostics: list[Diagnostic] = []
    ops = read_spec("openapi.yml", data, diagnostics)
    web = [
        JavaType(f"p.{n}Controller", TypeKind.CLASS, SourceRef("x"), "controller", methods=("x",))
        for n in ("A", "B")
    ]
    return spec_endpoints(ops, web)


SPECS = Target(
    "openapi", st.one_of(mutated(_joined(_SPEC_PIECES)), st.binary(max_size=300)), _read_spec
)

SCRIPTS = Target(
    "scripts", st.one_of(mutated(_joined(_SCRIPT_PIECES)), st.binary(max_size=300)), _read_script
)

_SETTINGS_PIECES = st.sampled_from(
    [
        "spring:\n", "  mvc:\n", "    servlet:\n", "      path: /app\n", "---\n", "a: &a ",
        "*a", "<<: ", "[", "]", "{", "}", ": ", "- ", "\t", "'", '"', "@profiles.active@",
        "spring.config.activate.on-profile: dev\n", '"[/x.y]": 1\n', "\r\n", "\xff", "\n",
    ]
)  # fmt: skip


def _read_settings(data: bytes) -> object:
    """Read the bytes as Spring Boot's application.yml: settings, or a problem with a line."""
    text = data.decode("utf-8", "replace")
    entries = list(setting_entries("application.yml", text))
    problem = settings_problem("application.yml", text)
    assert problem is None or entries == [], (problem, entries)
    return entries


SETTINGS = Target(
    "settings",
    st.one_of(mutated(_joined(_SETTINGS_PIECES)), st.binary(max_size=300)),
    _read_settings,
)


TARGETS = {
    t.name: t
    for t in (
        JAVA,
        SQL,
        CLASS_FILES,
        ARCHIVES,
        XML,
        JSP,
        SCRIPTS,
        SPECS,
        SETTINGS,
        DECODING,
        CONFIG_FILES,
        CONFIG_VALUES,
        ANSWERS,
    )
}

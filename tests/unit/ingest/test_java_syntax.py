"""Parsing one Java file: facts come out for Java 1.4 to 21, broken Java keeps what is intact."""

import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msadecomp.ingest import java_syntax
from msadecomp.ingest.java_syntax import JavaFile, Method, TypeDecl, parse_java
from msadecomp.ingest.java_values import string_value
from msadecomp.ingest.sources import Limits

FIXTURE_JAVA = sorted(
    (Path(__file__).resolve().parents[3] / "fixtures" / "egov-portal").rglob("*.java")
)


def parse(src: str) -> JavaFile:
    return parse_java("A.java", textwrap.dedent(src).encode("utf-8"))


def type_named(f: JavaFile, name: str) -> TypeDecl:
    return next(t for t in f.types if t.name == name)


def method_named(t: TypeDecl, name: str) -> Method:
    return next(m for m in t.methods if m.name == name)


def test_declarations_members_and_calls_are_extracted() -> None:
    f = parse("""
        package a.b;
        import java.util.List;
        import static java.util.Objects.requireNonNull;
        import a.model.*;
        @Service("orderService")
        public class OrderServiceImpl extends Base implements OrderService {
            @Resource(name = "orderDAO")
            private OrderDAO orderDAO;
            public List<OrderVO> list(OrderVO vo) {
                OrderVO copy = new OrderVO();
                this.orderDAO.touch();
                return orderDAO.selectList("OrderDAO.selectList", vo);
            }
            static class Line {}
        }
    """)
    assert f.error is None and f.package == "a.b"
    assert [(i.path, i.static, i.wildcard) for i in f.imports] == [
        ("java.util.List", False, False),
        ("java.util.Objects.requireNonNull", True, False),
        ("a.model", False, True),
    ]
    names = [t.name for t in f.types]
    assert names == ["OrderServiceImpl.Line", "OrderServiceImpl"]
    t = f.types[1]
    assert (t.extends, t.implements, t.line) == (("Base",), ("OrderService",), 7)
    assert t.annotations[0].name == "Service" and t.annotations[0].value == "orderService"
    assert t.fields[0].annotations[0].get("name") == "orderDAO"
    assert (t.fields[0].name, t.fields[0].type_refs, t.fields[0].line) == (
        "orderDAO",
        ("OrderDAO",),
        9,
    )
    m = t.methods[0]
    assert m.params[0].type_refs == ("OrderVO",) and m.returns == ("List", "OrderVO")
    assert m.locals[0].name == "copy" and m.locals[0].type_refs == ("OrderVO",)
    assert ("OrderVO", 11) in m.creates
    calls = {(c.qualifier, c.member) for c in m.calls}
    assert calls == {("this.orderDAO", "touch"), ("orderDAO", "selectList")}
    select = next(c for c in m.calls if c.member == "selectList")
    assert select.strings == ("OrderDAO.selectList",) and select.line == 13


def test_request_mapping_arrays_member_references_and_concatenations() -> None:
    f = parse("""
        package w;
        @Controller @RequestMapping({"/a", "/b"})
        class C {
            static final String BASE = "/base";
            @RequestMapping(value = "/x" + ".do", method = {RequestMethod.GET, RequestMethod.POST})
            String x() { return null; }
            @GetMapping(path = BASE + "/list", produces = MediaType.APPLICATION_JSON_VALUE)
            String y() { return null; }
        }
    """)
    t = f.types[0]
    assert t.annotations[1].value == "/a,/b"
    x = method_named(t, "x").annotations[0]
    assert x.value == "/x.do" and x.get("method") == "RequestMethod.GET,RequestMethod.POST"
    y = method_named(t, "y").annotations[0]
    assert y.get("path") == "BASE/list"  # a constant's name, as the old front end gave it
    assert y.get("produces") == "MediaType.APPLICATION_JSON_VALUE"


def test_records_sealed_types_and_switch_expressions() -> None:
    f = parse("""
        package r;
        public sealed interface Shape permits Circle, Square {}
        public record Point(int x, @NotNull Unit unit) implements Shape {
            public Point {
                Objects.requireNonNull(unit);
            }
            static Point origin() { return new Point(0, Unit.MM); }
        }
        final class Area {
            double of(Shape s) {
                return switch (s) {
                    case Circle c -> c.area();
                    case Square q when q.side() > 0 -> q.side() * q.side();
                    default -> { yield 0; }
                };
            }
        }
    """)
    assert f.error is None
    shape, point = type_named(f, "Shape"), type_named(f, "Point")
    assert (shape.kind, point.kind, point.implements) == ("interface", "record", ("Shape",))
    assert [(m.name, m.type_refs) for m in point.fields] == [("x", ()), ("unit", ("Unit",))]
    assert point.fields[1].annotations[0].name == "NotNull"
    compact = point.methods[0]
    assert compact.is_constructor and ("Objects", "requireNonNull") in {
        (c.qualifier, c.member) for c in compact.calls
    }
    assert method_named(point, "origin").creates == (("Point", 8),)
    of = method_named(type_named(f, "Area"), "of")
    assert {(v.name, v.type_refs) for v in of.locals} == {("c", ("Circle",)), ("q", ("Square",))}
    assert {(c.qualifier, c.member) for c in of.calls} >= {("c", "area"), ("q", "side")}


def test_text_blocks_patterns_lambdas_and_method_references() -> None:
    f = parse('''
        package m;
        class Q {
            String[] names(List<String> in, Object o) {
                String sql = """
                    SELECT *
                      FROM COMTNBBS
                    WHERE id = ?\\
                    """;
                if (o instanceof Board b && b.isOpen()) {
                    jdbc.query(sql + "", (ResultSet rs) -> rs.getString(1));
                }
                var names = in.stream().map(String::trim).toArray(String[]::new);
                return names;
            }
        }
    ''')
    assert f.error is None
    m = f.types[0].methods[0]
    assert m.strings[0] == "SELECT *\n  FROM COMTNBBS\nWHERE id = ?"
    locals_ = {v.name: v.type_refs for v in m.locals}
    assert locals_ == {"sql": ("String",), "b": ("Board",), "rs": ("ResultSet",), "names": ()}
    calls = {(c.qualifier, c.member) for c in m.calls}
    assert {("b", "isOpen"), ("jdbc", "query"), ("rs", "getString"), ("in", "stream")} <= calls
    query = next(c for c in m.calls if c.member == "query")
    assert query.strings == ()  # ``sql + ""`` is not a constant


def test_enums_with_constant_bodies_and_nested_and_anonymous_classes() -> None:
    f = parse("""
        package e;
        public enum Op implements IntBinaryOperator {
            PLUS("+") { public int applyAsInt(int a, int b) { return a + b; } },
            MINUS("-");
            private final String sign;
            Op(String sign) { this.sign = sign; }
            public String sign() { return sign; }
            interface Visitor { void visit(Op op); }
        }
        class Outer {
            private final Runnable task = new Runnable() { public void run() { ignored(); } };
            void start() {
                new Thread(new Runnable() {
                    public void run() { worker.work(); }
                }).start();
                class Local { void go(Helper h) { h.help(); } }
            }
            class Inner { class Deeper {} }
        }
    """)
    assert [t.name for t in f.types] == [
        "Op.Visitor",
        "Op",
        "Outer.Inner.Deeper",
        "Outer.Inner",
        "Outer",
    ]
    op = type_named(f, "Op")
    assert op.kind == "enum" and op.implements == ("IntBinaryOperator",)
    assert [m.name for m in op.methods] == ["Op", "sign"]  # constant bodies are not the enum's
    assert [v.name for v in op.fields] == ["sign"]
    outer = type_named(f, "Outer")
    assert [m.name for m in outer.methods] == ["start"]
    start = outer.methods[0]
    # Anonymous and local classes inside a method count as that method's own code.
    assert {(c.qualifier, c.member) for c in start.calls} == {
        ("worker", "work"),
        ("h", "help"),
        ("", "start"),
    }
    assert [n for n, _ in start.creates] == ["Thread", "Runnable"]
    assert ("h", ("Helper",)) in {(v.name, v.type_refs) for v in start.locals}


def test_generic_nested_and_annotated_types_are_named() -> None:
    f = parse("""
        class G<T extends Comparable<T>> extends Base<Map.Entry<K, V>> implements JpaRepository<Article, Long> {
            Map<String, List<@NonNull Order>> byName;
            Outer<A>.Inner<B> odd;
            java.util.Optional<? extends Item>[] items;
            int count;
        }
    """)
    t = f.types[0]
    assert (t.extends, t.implements) == (("Base",), ("JpaRepository",))
    assert t.generic_supers == (("Base", "Map.Entry"), ("JpaRepository", "Article", "Long"))
    fields = {v.name: v.type_refs for v in t.fields}
    assert fields["byName"] == ("Map", "String", "List", "Order")
    assert fields["odd"] == ("Outer.Inner", "A", "B")
    assert fields["items"] == ("java.util.Optional", "Item")
    assert fields["count"] == ()


def test_javadoc_first_sentence_becomes_the_type_doc() -> None:
    f = parse("""
        /*
         * Copyright 2008 the original author. Licensed under the Apache License.
         */
        package d;
        /**
         * 게시물 관리를 위한 서비스 구현 클래스
         * @author 공통 서비스 개발팀
         * <pre>
         * << 개정이력(Modification Information) >>
         * </pre>
         */
        public class ArticleService {
            /** Holds one {@link Row} of the result. Immutable. */
            static class Row {}
            static class Bare {}
        }
    """)
    docs = {t.name: t.doc for t in f.types}
    assert docs == {
        "ArticleService.Row": "Holds one Row of the result.",
        "ArticleService.Bare": "",
        "ArticleService": "게시물 관리를 위한 서비스 구현 클래스",
    }


def test_egov_header_block_gives_its_description_line() -> None:
    f = parse("""
        package d;
        /**
         * @Class Name : EgovArticleService.java
         * @Description : 게시물 관리를 위한 서비스 인터페이스
         * @Modification Information
         */
        public interface EgovArticleService {}
    """)
    assert f.types[0].doc == "게시물 관리를 위한 서비스 인터페이스"


def test_leading_header_comment_is_the_doc_when_the_type_has_none() -> None:
    f = parse("""
        /**
         * @Class Name : BoardVO.java
         * @Description : 게시판 속성 정보를 담는 VO
         */
        package d;

        /**
         * <pre>
         * << 개정이력(Modification Information) >>
         * </pre>
         */
        public class BoardVO {}
    """)
    assert f.types[0].doc == "게시판 속성 정보를 담는 VO"


def test_broken_method_keeps_the_facts_outside_the_error() -> None:
    f = parse("""
        package b;
        import b.dao.OrderDAO;
        public class Orders extends Base {
            private OrderDAO dao;
            void ok() { dao.select("Orders.ok"); }
            void broken() { if (x) { dao.update(, ; } }
            void alsoOk() { dao.delete("Orders.alsoOk"); }
        }
    """)
    assert f.error is not None and f.error[0] == 7
    assert f.package == "b" and f.imports[0].path == "b.dao.OrderDAO"
    t = f.types[0]
    assert (t.name, t.extends, [v.name for v in t.fields]) == ("Orders", ("Base",), ["dao"])
    names = [m.name for m in t.methods]
    assert "ok" in names and "alsoOk" in names
    strings = {s for m in t.methods for c in m.calls for s in c.strings}
    assert {"Orders.ok", "Orders.alsoOk"} <= strings


def test_euc_kr_source_is_parsed() -> None:
    src = 'package k;\n/** 민원 처리 */\npublic class K { String s() { return "한글"; } }\n'
    f = parse_java("K.java", src.encode("euc-kr"))
    assert f.error is None and f.encoding == "cp949" and f.types[0].name == "K"
    assert f.types[0].doc == "민원 처리" and f.types[0].methods[0].strings == ("한글",)


def test_string_escapes_are_decoded() -> None:
    f = parse(r"""
        class S { void f() { log("tab\there \"q\" \u0041 \101 back\\slash"); } }
    """)
    assert f.types[0].methods[0].calls[0].strings == ('tab\there "q" A A back\\slash',)


# -- hostile input (issue 9): these once hung the run or raised RecursionError -------------------


def test_unclosed_annotation_in_a_method_finishes_with_an_error() -> None:
    f = parse_java("C.java", b"class C { void f() { @A( } }")
    assert f.error is not None and f.error[0] == 1
    assert [m.name for m in f.types[0].methods] == ["f"]


def test_repeated_generic_supertypes_without_a_body_finish_with_an_error() -> None:
    data = b"class A extends " + b",".join([b"B<x>"] * 32) + b"\n"
    assert len(data) > 170
    f = parse_java("A.java", data)
    assert f.error is not None


def test_a_thousand_term_string_concatenation_is_folded() -> None:
    terms = " + ".join(['"a"'] * 1000)
    f = parse_java("C.java", f"class C {{ void f() {{ q({terms}); }} }}".encode())
    call = f.types[0].methods[0].calls[0]
    assert call.strings == ("a" * 1000,)


def test_a_thousand_term_annotation_value_is_folded() -> None:
    terms = " + ".join(['"/a"'] * 1000)
    f = parse_java("C.java", f"@RequestMapping({terms}) class C {{ }}".encode())
    assert f.types[0].annotations[0].value == "/a" * 1000


def test_a_thousand_segment_qualified_type_is_named() -> None:
    qualified = ".".join(f"p{i}" for i in range(999)) + ".T"
    f = parse_java("C.java", f"class C {{ {qualified} field; }}".encode())
    assert f.types[0].fields[0].type_refs == (qualified,)


def test_a_thousand_nested_parentheses_are_parsed() -> None:
    expr = "(" * 1000 + '"x"' + ")" * 1000
    f = parse_java("C.java", f"class C {{ void f() {{ q({expr}); }} }}".encode())
    assert f.types[0].methods[0].calls[0].strings == ("x",)


def test_deeply_nested_arrays_in_annotations_are_folded() -> None:
    value = "{" * 500 + '"v"' + "}" * 500
    f = parse_java("C.java", f"@A({value}) class C {{}}".encode())
    assert f.types[0].annotations[0].value == "v"


# -- properties --------------------------------------------------------------------------------


@given(st.binary(max_size=400))
def test_any_bytes_give_a_java_file(data: bytes) -> None:
    f = parse_java("Fuzz.java", data)
    assert isinstance(f, JavaFile) and f.path == "Fuzz.java"


java_ish = st.lists(
    st.sampled_from(
        [
            "package p;",
            "import a.B;",
            "class",
            "interface",
            "record",
            "enum",
            "@interface",
            "X",
            "{",
            "}",
            "(",
            ")",
            ";",
            "@Ann",
            "extends",
            "implements",
            "void",
            "m",
            "return",
            "new",
            "::",
            "->",
            '"s"',
            '"""\n',
            "+",
            "<",
            ">",
            ",",
            "switch",
            "case",
            "yield",
            "/*",
            "*/",
            "/**",
            "//",
            "\n",
        ]
    ),
    max_size=60,
).map(" ".join)


@given(java_ish)
def test_java_like_token_soup_gives_a_java_file(text: str) -> None:
    assert isinstance(parse_java("Soup.java", text.encode("utf-8")), JavaFile)


@st.composite
def mutated_fixture_java(draw: st.DrawFn) -> bytes:
    """A real fixture file with random slices deleted or duplicated."""
    data = draw(st.sampled_from(FIXTURE_JAVA)).read_bytes()
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(data)))
        end = draw(st.integers(start, min(len(data), start + 200)))
        if draw(st.booleans()):
            data = data[:start] + data[end:]
        else:
            data = data[:end] + data[start:end] + data[end:]
    return data


@given(mutated_fixture_java())
def test_mutated_real_java_gives_a_java_file(data: bytes) -> None:
    f = parse_java("Mutant.java", data)
    assert isinstance(f, JavaFile)
    if f.error is not None:
        assert f.error[0] >= 1 and f.error[1]


def test_calls_through_outer_this_are_calls_on_this() -> None:
    f = parse("""
        class Queue {
            class Worker {
                void run() { Queue.this.items.remove(); Queue.this.signal(); super.run(); }
            }
        }
    """)
    run = type_named(f, "Queue.Worker").methods[0]
    assert [(c.qualifier, c.member) for c in run.calls] == [
        ("this.items", "remove"),
        ("", "signal"),
    ]


def test_a_source_over_the_size_limit_is_an_error_not_a_parse() -> None:
    f = parse_java("Big.java", b"class Big {}" + b" " * 200, Limits(java_max_bytes=100))
    assert f.types == () and f.error is not None
    assert f.error[0] == 1 and "over the 100-byte limit" in f.error[1]
    assert "[limits] java_max_bytes" in f.error[1]


def test_nesting_past_the_depth_limit_is_an_error_and_the_rest_is_kept() -> None:
    deep = " + ".join(['"a"'] * 400)
    f = parse_java(
        "C.java",
        f'class C {{\n void f() {{ q({deep}); }}\n void g() {{ r("kept"); }} }}'.encode(),
        Limits(java_max_depth=300),
    )
    assert f.error == (
        2,
        "nested over 300 levels deep; facts inside not read ([limits] java_max_depth)",
    )
    f_, g = f.types[0].methods
    assert f_.calls[0].strings == ("a" * 400,)  # the call itself is shallow and folds whole
    assert g.calls[0].strings == ("kept",)


def test_a_parse_over_the_time_limit_is_abandoned_with_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert java_syntax._parse(b"class C { /* " + b"x " * 50_000, -1.0) is None
    assert parse_java("Next.java", b"class Next {}").types[0].name == "Next"  # parser reusable
    monkeypatch.setattr(java_syntax, "_parse", lambda src, seconds: None)
    f = parse_java("Slow.java", b"class C {}", Limits(java_parse_seconds=2))
    assert f.types == () and f.error is not None
    assert "parsing stopped after 2 s" in f.error[1] and "java_parse_seconds" in f.error[1]


def test_member_types_nested_past_the_limit_are_an_error() -> None:
    limit = Limits().java_type_nesting
    n = limit + 10
    f = parse_java("A.java", b"class A {" * n + b"}" * n)
    assert len(f.types) == limit
    assert f.error == (1, f"types nested over {limit} deep ([limits] java_type_nesting)")


def test_unicode_escapes_pair_surrogates_and_replace_lone_ones() -> None:
    f = parse(r"""
        class S { void f() { q("\uD83D\uDE00 \uD800"); } }
    """)
    assert f.types[0].methods[0].calls[0].strings == ("\U0001f600 \ufffd",)


def test_a_licence_header_is_never_the_doc() -> None:
    f = parse("""
        /*
         * Licensed to the Apache Software Foundation (ASF) under one or more
         * contributor license agreements.
         */
        package org.apache.x;
        public class NoJavadoc {}
    """)
    assert f.types[0].doc == ""


def test_broken_unicode_escapes_stay_as_written() -> None:
    assert string_value(r'"\u"') == "u"
    assert string_value(r'"\uZZ12"') == "uZZ12"
    assert string_value(r'"\uu0041\u00e9"') == "Aé"


@given(st.text(alphabet=st.sampled_from('\\u0123456789abcdefABCDEFZ"\n tnrsb'), max_size=40))
def test_any_literal_body_has_a_value(body: str) -> None:
    assert isinstance(string_value(f'"{body}"'), str)
    assert isinstance(string_value(f'"""\n{body}"""'), str)


def test_overview_heading_inside_pre_gives_the_description_not_the_revision_table() -> None:
    f = parse("""
        package d;
        /**
         * <pre>
         * 개요
         * - 장애관리정보에 대한 controller 클래스를 정의한다.
         *
         * 상세내용
         * - 장애관리정보에 대한 등록, 수정, 삭제, 조회 기능을 제공한다.
         * </pre>
         * @author 이문준
         *      <pre>
         *  == 개정이력(Modification Information) ==
         *   2010.06.28  이문준          최초 생성
         *      </pre>
         */
        @Controller
        public class EgovTroblProcessController {}
    """)
    assert f.types[0].doc == "장애관리정보에 대한 controller 클래스를 정의한다."


def test_a_sentence_about_a_description_is_not_a_description_line() -> None:
    f = parse("""
        /** Description of the wire format. Used by the codec. */
        class Wire {}
    """)
    assert f.types[0].doc == "Description of the wire format."


def test_constants_of_other_types_read_in_methods_are_recorded() -> None:
    f = parse_java(
        "A.java",
        b"""
        class A {
            String go(B b) {
                forward(Util.PAGE_LOGIN, b.NAME, this.VIEW, Util.lower, LOG.x);
                return Pages.HOME_PAGE;
            }
        }
    """,
    )
    assert f.types[0].methods[0].constants == ("Util.PAGE_LOGIN", "Pages.HOME_PAGE")


def test_a_field_joined_to_a_literal_gives_the_whole_string() -> None:
    """RuoYi's controllers name their views ``prefix + "/edit"``."""
    f = parse("""
        class SysJobController {
            private String prefix = "monitor/job";
            String edit() { return prefix + "/edit"; }
            String other(String base) { return base + "/list"; }
        }
    """)
    t = f.types[0]
    assert method_named(t, "edit").strings == ("monitor/job/edit",)
    assert method_named(t, "other").strings == ("/list",)  # a parameter: the literal alone


def test_an_abstract_class_says_so_and_an_interface_does_not() -> None:
    f = parse(
        """
        package a;
        public abstract class FlightService { abstract void add();
            static abstract class Step {} }
        final class Plain {}
        abstract interface Api { void call(); }
        """
    )
    assert {t.name: t.abstract for t in f.types} == {
        "FlightService": True,
        "FlightService.Step": True,
        "Plain": False,
        "Api": False,
    }


def test_a_type_declaring_type_parameters_is_generic_and_one_filling_them_in_is_not() -> None:
    f = parse(
        """
        package a;
        public interface CrudDao<T> extends BaseDao { T get(String id); }
        abstract class CrudService<D extends CrudDao<T>, T> { <X> X one(X x) { return x; } }
        class UserDao implements CrudDao<User> { public User get(String id) { return null; } }
        record Pair<L, R>(L left, R right) {}
        """
    )
    assert {t.name: t.generic for t in f.types} == {
        "CrudDao": True,
        "CrudService": True,  # a generic method does not count
        "UserDao": False,
        "Pair": True,
    }


def test_a_container_annotation_lists_the_annotations_it_holds() -> None:
    f = parse(
        """
        package a;
        @NamedQueries({
            @NamedQuery(name = "Order.all", query = "SELECT o FROM Order o"),
            @NamedQuery(name = "Order.open", query = "SELECT o FROM Order o WHERE o.open = 1")
        })
        @Other(value = {@Marker}, flag = true)
        public class Order { }
        """
    )
    names = [(a.name, a.get("name")) for a in f.types[0].annotations]
    assert names == [
        ("NamedQueries", None),
        ("NamedQuery", "Order.all"),
        ("NamedQuery", "Order.open"),
        ("Other", None),
        ("Marker", None),
    ]


def test_methods_say_whether_they_are_public_instance_methods() -> None:
    f = parse_java(
        "A.java",
        b"package a; interface I { void a(); static void b() {} private void c() {} }"
        b" class C { public void x() {} void y() {} public static void z() {} }",
    )
    exposed = {(t.name, m.name): m.exposed for t in f.types for m in t.methods}
    assert exposed == {
        ("I", "a"): True,  # an interface's methods are public
        ("I", "b"): False,
        ("I", "c"): False,
        ("C", "x"): True,
        ("C", "y"): False,
        ("C", "z"): False,
    }

"""Parsing one Java file: facts come out, bad Java never raises."""

import textwrap

from hypothesis import given
from hypothesis import strategies as st

from msadecomp.ingest.java_syntax import parse_java


def parse(src: str):  # type: ignore[no-untyped-def]
    return parse_java("A.java", textwrap.dedent(src).encode("utf-8"))


def test_declarations_members_and_calls_are_extracted() -> None:
    f = parse("""
        package a.b;
        import java.util.List;
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
    names = [t.name for t in f.types]
    assert names == ["OrderServiceImpl.Line", "OrderServiceImpl"]
    t = f.types[1]
    assert (t.extends, t.implements) == (("Base",), ("OrderService",))
    assert t.annotations[0].name == "Service" and t.annotations[0].value == "orderService"
    assert t.fields[0].annotations[0].get("name") == "orderDAO"
    m = t.methods[0]
    assert m.params[0].type_refs == ("OrderVO",) and m.returns == ("List", "OrderVO")
    assert ("OrderVO", 9) in m.creates
    calls = {(c.qualifier, c.member) for c in m.calls}
    assert {("this.orderDAO", "touch"), ("orderDAO", "selectList")} <= calls
    select = next(c for c in m.calls if c.member == "selectList")
    assert select.strings == ("OrderDAO.selectList",) and select.line == 11


def test_request_mapping_arrays_and_methods() -> None:
    f = parse("""
        package w;
        @Controller @RequestMapping({"/a", "/b"})
        class C {
            @RequestMapping(value = "/x.do", method = {RequestMethod.GET, RequestMethod.POST})
            String x() { return null; }
        }
    """)
    ann = f.types[0].methods[0].annotations[0]
    assert f.types[0].annotations[1].value == "/a,/b"
    assert ann.get("method") == "RequestMethod.GET,RequestMethod.POST"


def test_rejected_file_gets_line_and_fallback_facts() -> None:
    f = parse("""
        package a.util;
        import a.model.Row;
        import java.util.*;
        /** class Fake {} in a comment is not a declaration */
        public final class Export extends Base implements Api, Other<Row> {
            String[] h(java.util.List<String> n) { return n.stream().toArray(String[]::new); }
            static class Nested {}
        }
    """)
    assert f.error is not None and f.error[0] == 7
    assert f.package == "a.util"
    assert [(i.path, i.wildcard) for i in f.imports] == [
        ("a.model.Row", False),
        ("java.util", True),
    ]
    assert [(t.name, t.extends, t.implements) for t in f.types] == [
        ("Export", ("Base",), ("Api", "Other"))
    ]


def test_records_and_switch_expressions_fall_back() -> None:
    f = parse("""
        package r;
        public record Point(int x, int y) implements Shape {}
    """)
    assert f.error is not None and f.types[0].name == "Point" and f.types[0].kind == "record"


def test_euc_kr_source_is_parsed() -> None:
    src = 'package k;\n/** 민원 */\npublic class K { String s = "한글"; }\n'
    f = parse_java("K.java", src.encode("euc-kr"))
    assert f.error is None and f.encoding == "cp949" and f.types[0].name == "K"


@given(st.text(max_size=300))
def test_any_text_parses_without_raising(text: str) -> None:
    f = parse_java("Fuzz.java", text.encode("utf-8"))
    assert f.path == "Fuzz.java"


java_ish = st.lists(
    st.sampled_from(
        [
            "package p;",
            "import a.B;",
            "class",
            "interface",
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
            "<",
            ">",
            ",",
            "record",
            "switch",
            "case",
            "yield",
            "/*",
            "*/",
            "//",
            "\n",
        ]
    ),
    max_size=60,
).map(" ".join)


@given(java_ish)
def test_java_like_token_soup_parses_without_raising(text: str) -> None:
    parse_java("Soup.java", text.encode("utf-8"))

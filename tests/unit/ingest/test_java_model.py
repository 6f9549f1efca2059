"""Linking parsed files: FQNs, injection by name and by type, endpoints, nested types."""

from hypothesis import given
from hypothesis import strategies as st

from msadecomp.ingest.java_model import _element_name, bean_name_for, build_java_facts
from msadecomp.ingest.java_syntax import parse_java
from msadecomp.model import Bean, DepKind, SourceRef

FILES = {
    "svc/OrderService.java": """
        package shop.svc;
        public interface OrderService { void place(); }
    """,
    "svc/OrderServiceImpl.java": """
        package shop.svc;
        import shop.dao.OrderDAO;
        @Service("orderService")
        public class OrderServiceImpl implements OrderService {
            @Resource(name = "orderDAO") private OrderDAO dao;
            public void place() { dao.insert(); }
            public static class Line { }
        }
    """,
    "dao/OrderDAO.java": """
        package shop.dao;
        @Repository("orderDAO")
        public class OrderDAO { public void insert() { } }
    """,
    "web/OrderController.java": """
        package shop.web;
        import shop.svc.*;
        @Controller
        @RequestMapping("/shop")
        public class OrderController {
            @Autowired private OrderService orderService;
            @PostMapping("/order.do") public String order() { orderService.place(); return ""; }
            @RequestMapping(value = {"/a.do", "b.do", ""}, method = RequestMethod.GET)
            public String two() { return ""; }
        }
    """,
    "web/Audit.java": """
        package shop.web;
        public class Audit { private shop.svc.OrderServiceImpl.Line line; private Gateway gw; }
    """,
    "web/Gateway.java": "package shop.web; public class Gateway {}",
}


def facts():  # type: ignore[no-untyped-def]
    parsed = [parse_java(p, s.encode()) for p, s in FILES.items()]
    xml = [
        Bean("gateway", "shop.web.Gateway", SourceRef("ctx.xml")),
        Bean("audit", "shop.web.Audit", SourceRef("ctx.xml"), ("gateway",)),
    ]
    return build_java_facts(parsed, xml)


def deps(kind: DepKind) -> set[tuple[str, str]]:
    return {
        (d.source.rpartition(".")[2], d.target.rpartition(".")[2])
        for d in facts().dependencies
        if d.kind == kind
    }


def test_types_get_fully_qualified_names_and_stereotypes() -> None:
    types = {t.fqn: t for t in facts().types}
    assert "shop.svc.OrderServiceImpl.Line" in types
    assert types["shop.svc.OrderServiceImpl.Line"].top_level == "shop.svc.OrderServiceImpl"
    assert types["shop.svc.OrderServiceImpl"].bean_name == "orderService"
    assert types["shop.web.OrderController"].stereotype == "controller"
    assert types["shop.web.OrderController"].bean_name == "orderController"


def test_injection_by_name_by_type_and_from_xml() -> None:
    injected = deps(DepKind.INJECTION)
    assert ("OrderServiceImpl", "OrderDAO") in injected  # @Resource(name=...)
    assert ("OrderController", "OrderServiceImpl") in injected  # @Autowired interface -> impl
    assert ("Audit", "Gateway") in injected  # <property ref="gateway"/>


def test_calls_resolve_through_field_types() -> None:
    calls = deps(DepKind.CALL)
    assert ("OrderController", "OrderService") in calls
    assert ("OrderServiceImpl", "OrderDAO") in calls


def test_calls_on_what_an_inherited_getter_returns_resolve_to_its_type() -> None:
    files = {
        "BaseAction.java": """package shop.web;
            public abstract class BaseAction {
                private shop.svc.OrderService orderService;
                protected shop.svc.OrderService getOrderService() { return orderService; }
                protected String label(String key) { return key; }
            }""",
        "PlaceOrderAction.java": """package shop.web;
            public class PlaceOrderAction extends BaseAction {
                public String execute() { getOrderService().place(); this.getOrderService().place();
                                          return label("x").trim(); }
            }""",
        "OrderService.java": "package shop.svc; public interface OrderService { void place(); }",
    }
    parsed = [parse_java(p, s.encode()) for p, s in files.items()]
    calls = [
        (d.target.rpartition(".")[2], d.detail)
        for d in build_java_facts(parsed).dependencies
        if d.kind == DepKind.CALL and d.source == "shop.web.PlaceOrderAction"
    ]
    assert calls == [("OrderService", "execute->place")] * 2


def test_qualified_nested_type_reference() -> None:
    assert ("Audit", "Line") in deps(DepKind.FIELD)


def test_endpoints_join_class_and_method_paths() -> None:
    got = {(e.http_method, e.path) for e in facts().endpoints}
    assert got == {
        ("POST", "/shop/order.do"),
        ("GET", "/shop/a.do"),
        ("GET", "/shop/b.do"),
        ("GET", "/shop"),  # the empty alias: the controller's own path
    }


def test_default_bean_names_follow_spring() -> None:
    assert bean_name_for("ArticleService") == "articleService"
    assert bean_name_for("URLMapper") == "URLMapper"


def test_a_file_with_syntax_errors_is_a_diagnostic_and_keeps_its_other_facts() -> None:
    src = b"""package shop.x;
/** Handles broken orders. */
public class Broken {
    private shop.dao.OrderDAO dao;
    void bad() { dao.insert(; }
    void good() { dao.insert(); }
}
"""
    dao = b"package shop.dao; public class OrderDAO { public void insert() { } }"
    facts = build_java_facts(
        [parse_java("x/Broken.java", src), parse_java("dao/OrderDAO.java", dao)]
    )
    [diag] = facts.diagnostics
    assert diag.code == "java.parse-error" and diag.source == SourceRef("x/Broken.java", 5)
    assert diag.message.startswith("parsed with errors at line 5 (")
    assert "facts outside that region kept" in diag.message
    broken = next(t for t in facts.types if t.fqn == "shop.x.Broken")
    assert broken.partial and broken.doc == "Handles broken orders."
    assert broken.methods == ("bad", "good")
    calls = {(d.source, d.target) for d in facts.dependencies if d.kind is DepKind.CALL}
    assert ("shop.x.Broken", "shop.dao.OrderDAO") in calls


def test_a_file_without_any_recoverable_type_says_so() -> None:
    facts = build_java_facts([parse_java("x/A.java", b"class A extends B<x>,B<x>,B<x>\n")])
    [diag] = facts.diagnostics
    assert diag.code == "java.parse-error" and diag.source == SourceRef("x/A.java", 1)
    assert diag.message.startswith("no Java type recovered: syntax error near ")


def test_string_constants_count_as_the_class_strings_for_view_names_and_sql() -> None:
    source = """
        package shop.web;
        public class OrderController {
            private static final String VIEW_ORDER = "order/ViewOrder";
            static final String SQL = "select * from orders " + "where id = ?";
            private final java.util.List<String> cards = java.util.List.of("Visa");
            private int count = 3;
            public String view() { return VIEW_ORDER; }
        }
    """
    facts = build_java_facts([parse_java("web/OrderController.java", source.encode())], [])
    strings = {(text, ref.line) for text, ref in facts.strings["shop.web.OrderController"]}
    assert ("order/ViewOrder", 4) in strings
    assert ("select * from orders where id = ?", 5) in strings
    assert not any(text == "Visa" for text, _ in strings), "only whole string initialisers"


def test_constants_read_from_another_class_are_that_class_strings() -> None:
    """``Util.PAGE_LOGIN`` names the servlet's view, as javac would inline it; a class lending
    several constants is a constants holder and keeps none of them, used or not."""
    util = """
        package shop.util;
        public class Util {
            public static final String PAGE_LOGIN = "login.jsp";
            public static final String PAGE_CART = "cart.jsp";
            public static final String PAGE_UNUSED = "orphan.jsp";
        }
    """
    servlet = """
        package shop.web;
        import shop.util.Util;
        public class AccountServlet {
            void doGet() { dispatch(Util.PAGE_LOGIN); String url = Util.PAGE_CART; }
        }
    """
    facts = build_java_facts(
        [
            parse_java("util/Util.java", util.encode()),
            parse_java("web/AccountServlet.java", servlet.encode()),
        ]
    )
    servlet_strings = {text for text, _ in facts.strings["shop.web.AccountServlet"]}
    assert {"login.jsp", "cart.jsp"} <= servlet_strings
    assert facts.strings["shop.util.Util"] == []


def test_a_constant_lent_once_stays_with_its_class_too_for_its_other_constants() -> None:
    dao = """
        package shop.dao;
        public class OrderDao {
            static final String FIND = "select * from orders";
            static final String COUNT = "select count(*) from orders";
        }
    """
    user = """
        package shop.web;
        import shop.dao.OrderDao;
        class Report { void run() { query(OrderDao.COUNT); } }
    """
    facts = build_java_facts(
        [
            parse_java("dao/OrderDao.java", dao.encode()),
            parse_java("web/Report.java", user.encode()),
        ]
    )
    assert [t for t, _ in facts.strings["shop.dao.OrderDao"]] == ["select * from orders"]
    assert "select count(*) from orders" in {t for t, _ in facts.strings["shop.web.Report"]}


def test_only_a_container_managed_class_has_its_constructor_injected() -> None:
    """A Spring or CDI bean's constructor parameters are injected; a plain class's constructor
    (Roller's ``ContinuousWorkerThread(String id, Job job)``) is called by code, with whatever
    it is given: a parameter, no injection, and no "ambiguous injection" note."""
    job = "package app; public interface Job { void run(); }"
    sources = {
        "app/Job.java": job,
        "app/PingJob.java": "package app; public class PingJob implements Job { public void run() {} }",
        "app/Clock.java": "package app; public class Clock {}",
        "app/Scheduler.java": """package app;
            @Service public class Scheduler { public Scheduler(Clock clock) {} }""",
        "app/Worker.java": """package app;
            public class Worker { public Worker(String id, Clock clock, Job job) {} }""",
        "app/Other.java": "package app; public class Other implements Job { public void run() {} }",
        "app/Timer.java": """package app;
            public class Timer { public Timer(Clock clock) {} }""",
        "app/Order.java": """package app;
            @Entity public class Order { public Order(Clock clock) {} }""",
    }
    facts = build_java_facts(
        [parse_java(p, s.encode()) for p, s in sources.items()],
        [Bean("timer", "app.Timer", SourceRef("beans.xml"))],
    )
    injected = {
        (d.source.rpartition(".")[2], d.target.rpartition(".")[2])
        for d in facts.dependencies
        if d.kind is DepKind.INJECTION
    }
    assert injected == {("Scheduler", "Clock"), ("Timer", "Clock")}
    assert not [d for d in facts.diagnostics if d.code == "spring.ambiguous-injection"]


def test_a_raw_collection_field_depends_on_the_class_its_name_names() -> None:
    """Java 1.4 code holds its parts in raw collections (iBatis JPetStore's ``Order`` keeps
    ``List lineItems``): the field counts as ``List<LineItem>`` when a project class of that
    name is in scope; a name that is no plural, or names no project class, links nothing."""
    files = {
        "Order.java": """package shop;
            import java.util.*;
            public class Order {
                private List lineItems = new ArrayList();
                private Set categories;
                private List status;
                private List coupons;
                private List<LineItem> typed;
            }""",
        "LineItem.java": "package shop; public class LineItem { }",
        "Category.java": "package shop; public class Category { }",
        "Statu.java": "package shop; public class Statu { }",
    }
    facts = build_java_facts([parse_java(p, t.encode()) for p, t in files.items()])
    fields = {(d.detail, d.target) for d in facts.dependencies if d.kind == DepKind.FIELD}
    assert fields == {
        ("lineItems", "shop.LineItem"),
        ("categories", "shop.Category"),
        ("typed", "shop.LineItem"),
    }
    assert "Coupon" not in facts.external  # a guess is no library type either


@given(st.text(max_size=40))
def test_a_collection_field_name_gives_at_most_a_shorter_capitalised_class_name(
    field: str,
) -> None:
    element = _element_name(field)
    assert element is None or (0 < len(element) < len(field) and element[0] == element[0].upper())


def test_an_annotation_type_depends_on_the_classes_its_meta_annotations_name() -> None:
    """The RealWorld app's ``@DuplicatedUsernameConstraint`` names its validator by class
    literal; the three constraints had formed a service apart from their validators. A class
    literal on any other declaration (``@Import``) wires plumbing and links nothing."""
    files = {
        "v/Unique.java": """package v;
            @Constraint(validatedBy = {UniqueValidator.class, int.class, String[].class})
            public @interface Unique {}""",
        "v/UniqueValidator.java": "package v; public class UniqueValidator {}",
        "v/Config.java": "package v; @Import(UniqueValidator.class) public class Config {}",
    }
    parsed = [parse_java(p, s.encode()) for p, s in files.items()]
    linked = build_java_facts(parsed, [])
    annotations = {
        (d.source, d.target) for d in linked.dependencies if d.kind == DepKind.ANNOTATION
    }
    assert annotations == {("v.Unique", "v.UniqueValidator")}
    assert not {x for x in linked.external if "String" in x or x == "int"}

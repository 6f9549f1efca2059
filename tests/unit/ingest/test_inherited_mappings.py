"""Spring MVC mappings a controller inherits from its base classes and interfaces."""

from msadecomp.ingest.java_model import build_java_facts
from msadecomp.ingest.java_syntax import parse_java
from msadecomp.model import Bean, SourceRef

BASE = """
    package app.base;
    @Controller
    @RequestMapping("/{sectionKey}")
    public class EntityController {
        @RequestMapping(value = "", method = RequestMethod.GET)
        public String list(String sectionKey) { return ""; }
        @RequestMapping(value = "/{id}", method = RequestMethod.POST)
        public String save(String id) { return ""; }
        @GetMapping("/{id}/view")
        public String view(String id) { return ""; }
        public String helper() { return ""; }
    }
"""


def endpoints(files: dict[str, str], beans: tuple[Bean, ...] = ()) -> set[tuple[str, str, str]]:
    """(verb, path, Class#method) of every endpoint, classes by simple name."""
    parsed = [parse_java(path, text.encode()) for path, text in files.items()]
    facts = build_java_facts(parsed, beans)
    return {(e.http_method, e.path, e.handler.rpartition(".")[2]) for e in facts.endpoints}


def handlers(files: dict[str, str], beans: tuple[Bean, ...] = ()) -> set[str]:
    return {h.partition("#")[0] for _, _, h in endpoints(files, beans)}


def test_a_controller_serves_its_bases_mappings_under_its_own_path() -> None:
    got = endpoints(
        {
            "base/EntityController.java": BASE,
            "web/CategoryController.java": """
                package app.web;
                import app.base.EntityController;
                @Controller
                @RequestMapping("/" + CategoryController.SECTION_KEY)
                public class CategoryController extends EntityController {
                    public static final String SECTION_KEY = "category";
                    @GetMapping("/tree") public String tree() { return ""; }
                }
            """,
        }
    )
    assert got == {
        # the base is a controller itself: it keeps its routes
        ("GET", "/{sectionKey}", "EntityController#list"),
        ("POST", "/{sectionKey}/{id}", "EntityController#save"),
        ("GET", "/{sectionKey}/{id}/view", "EntityController#view"),
        # and the subclass serves them too, under its own class-level mapping
        ("GET", "/category", "CategoryController#list"),
        ("POST", "/category/{id}", "CategoryController#save"),
        ("GET", "/category/{id}/view", "CategoryController#view"),
        ("GET", "/category/tree", "CategoryController#tree"),
    }


def test_overrides_keep_or_replace_the_inherited_mapping() -> None:
    got = endpoints(
        {
            "base/EntityController.java": BASE,
            "web/OrderController.java": """
                package app.web;
                @Controller
                public class OrderController extends app.base.EntityController {
                    @Override public String save(String id) { return "saved"; }
                    @PostMapping("/{id}/place") @Override public String view(String id) {
                        return "";
                    }
                }
            """,
        }
    )
    mine = {e for e in got if e[2].startswith("OrderController")}
    assert mine == {
        # no class-level mapping of its own: the base's applies
        ("GET", "/{sectionKey}", "OrderController#list"),
        # an override without annotations keeps the mapping it overrides
        ("POST", "/{sectionKey}/{id}", "OrderController#save"),
        # one with its own mapping replaces it
        ("POST", "/{sectionKey}/{id}/place", "OrderController#view"),
    }


def test_an_abstract_base_serves_nothing_by_itself() -> None:
    got = endpoints(
        {
            "base/CrudController.java": """
                package app.base;
                public abstract class CrudController<T> {
                    @GetMapping("/list") public String list() { return ""; }
                    @DeleteMapping("/{id}") public void remove(String id) { }
                }
            """,
            "web/UserController.java": """
                package app.web;
                import app.base.CrudController;
                @RestController @RequestMapping("/users")
                public class UserController extends CrudController<User> { }
            """,
            "web/RoleController.java": """
                package app.web;
                import app.base.CrudController;
                @RestController @RequestMapping("/roles")
                public class RoleController extends CrudController<Role> { }
            """,
        }
    )
    assert got == {
        ("GET", "/users/list", "UserController#list"),
        ("DELETE", "/users/{id}", "UserController#remove"),
        ("GET", "/roles/list", "RoleController#list"),
        ("DELETE", "/roles/{id}", "RoleController#remove"),
    }


PLAIN_BASE = """
    package app.base;
    @RequestMapping("/base")
    public class PlainBase {
        @GetMapping("/ping") public String ping() { return ""; }
    }
"""


def test_a_plain_base_serves_its_mappings_only_when_no_subclass_does() -> None:
    served_below = {
        "base/PlainBase.java": PLAIN_BASE,
        "web/Sub.java": """
            package app.web;
            @Controller @RequestMapping("/sub")
            public class Sub extends app.base.PlainBase { }
        """,
    }
    assert endpoints(served_below) == {("GET", "/sub/ping", "Sub#ping")}
    # a subclass that is no controller (nor a bean, nor maps anything) serves nothing
    helper_below = {
        "base/PlainBase.java": PLAIN_BASE,
        "web/Helper.java": "package app.web; public class Helper extends app.base.PlainBase { }",
    }
    assert endpoints(helper_below) == {("GET", "/base/ping", "PlainBase#ping")}


def test_a_bean_declared_in_xml_serves_the_mappings_it_inherits() -> None:
    files = {
        "base/PlainBase.java": PLAIN_BASE,
        "web/XmlSub.java": "package app.web; public class XmlSub extends app.base.PlainBase { }",
    }
    bean = Bean("xmlSub", "app.web.XmlSub", SourceRef("servlet.xml"))
    assert endpoints(files, (bean,)) == {("GET", "/base/ping", "XmlSub#ping")}


def test_a_controller_serves_the_mappings_of_its_interfaces() -> None:
    files = {
        "api/UserApi.java": """
            package app.api;
            @RequestMapping("/api/users")
            public interface UserApi {
                @GetMapping("/{id}") User get(@PathVariable("id") Long id);
            }
        """,
        "web/UserController.java": """
            package app.web;
            @RestController
            public class UserController implements app.api.UserApi {
                public User get(Long id) { return null; }
            }
        """,
    }
    assert endpoints(files) == {("GET", "/api/users/{id}", "UserController#get")}


def test_an_interface_no_controller_implements_keeps_its_mappings() -> None:
    """A Feign client's fallback is a bean implementing the client, not a controller."""
    files = {
        "client/StockClient.java": """
            package app.client;
            @FeignClient(name = "stock", fallback = StockFallback.class)
            public interface StockClient {
                @GetMapping("/stock/{sku}") int level(@PathVariable("sku") String sku);
            }
        """,
        "client/StockFallback.java": """
            package app.client;
            @Component
            public class StockFallback implements StockClient {
                public int level(String sku) { return 0; }
            }
        """,
    }
    assert endpoints(files) == {("GET", "/stock/{sku}", "StockClient#level")}


def test_an_applications_own_controller_stereotype_makes_a_controller() -> None:
    files = {
        "base/CrudController.java": """
            package app.base;
            public abstract class CrudController {
                @GetMapping("/list") public String list() { return ""; }
            }
        """,
        "web/AdminController.java": """
            package app.web;
            @Target(ElementType.TYPE) @Controller
            public @interface AdminController { }
        """,
        "web/ShopAdmin.java": """
            package app.web;
            @AdminController @RequestMapping("/admin/shop")
            public class ShopAdmin extends app.base.CrudController { }
        """,
    }
    assert endpoints(files) == {("GET", "/admin/shop/list", "ShopAdmin#list")}


def test_a_constant_in_an_inherited_path_is_read_where_it_is_written() -> None:
    files = {
        "base/Paths.java": """
            package app.base;
            public final class Paths { public static final String EXPORT = "export"; }
        """,
        "base/Exporting.java": """
            package app.base;
            public abstract class Exporting {
                @GetMapping("/" + Paths.EXPORT) public String export() { return ""; }
            }
        """,
        "web/ReportController.java": """
            package app.web;
            @Controller @RequestMapping("/reports")
            public class ReportController extends app.base.Exporting { }
        """,
    }
    assert endpoints(files) == {("GET", "/reports/export", "ReportController#export")}
    assert handlers(files) == {"ReportController"}


def test_an_override_of_a_generic_method_replaces_its_mapping() -> None:
    """``save(User)`` in a ``BaseController<User>`` overrides ``save(T)``: its own mapping
    replaces the base's, which Spring no longer serves for this class."""
    files = {
        "base/BaseController.java": """
            package app.base;
            public abstract class BaseController<T, ID> {
                @PostMapping("/save") public String save(T entity) { return ""; }
                @GetMapping("/{id}") public T get(ID id) { return null; }
                @GetMapping("/find") public T find(String name) { return null; }
            }
        """,
        "web/UserController.java": """
            package app.web;
            import app.base.BaseController;
            @RestController @RequestMapping({"/user", "/member"})
            public class UserController extends BaseController<User, Long> {
                @PostMapping("/create") public String save(User user) { return ""; }
                @Override public User get(Long id) { return null; }
                public User find(Integer code) { return null; }
            }
        """,
        "web/User.java": "package app.web; public class User { }",
    }
    assert endpoints(files) == {
        ("POST", "/user/create", "UserController#save"),
        ("POST", "/member/create", "UserController#save"),
        # an override without mappings keeps the generic method's
        ("GET", "/user/{id}", "UserController#get"),
        ("GET", "/member/{id}", "UserController#get"),
        # an overload is no override: the base's find(String) stays served
        ("GET", "/user/find", "UserController#find"),
        ("GET", "/member/find", "UserController#find"),
    }


def test_a_component_with_a_class_level_mapping_is_a_controller() -> None:
    """Spring 5 takes a bean with a class-level ``@RequestMapping`` of its own as a handler,
    as it does one whose supertype has it."""
    files = {
        "base/PlainBase.java": """
            package app.base;
            public class PlainBase {
                @GetMapping("/info") public String info() { return ""; }
            }
        """,
        "web/CompController.java": """
            package app.web;
            @Component @RequestMapping("/comp")
            public class CompController extends app.base.PlainBase { }
        """,
    }
    assert endpoints(files) == {("GET", "/comp/info", "CompController#info")}


def test_a_class_in_capitals_imported_on_demand_is_no_type_variable() -> None:
    """``fetch(URL)`` under ``import java.net.*`` in a class with no type parameters overloads
    the base's ``fetch(String)``: both routes are served."""
    files = {
        "base/Base.java": """
            package app.base;
            public abstract class Base {
                @GetMapping("/byUrl") public String fetch(String url) { return ""; }
            }
        """,
        "web/UserController.java": """
            package app.web;
            import java.net.*;
            import app.base.Base;
            @RestController @RequestMapping("/user")
            public class UserController extends Base {
                @PostMapping("/fetchUrl") public String fetch(URL url) { return ""; }
            }
        """,
    }
    assert endpoints(files) == {
        ("GET", "/user/byUrl", "UserController#fetch"),
        ("POST", "/user/fetchUrl", "UserController#fetch"),
    }


def test_a_generic_methods_type_variable_matches_any_type() -> None:
    """``<T> save(T)`` in a class with no type parameters is overridden by ``save(Object)``."""
    files = {
        "base/Base.java": """
            package app.base;
            public abstract class Base {
                @PostMapping("/save") public <T> String save(T entity) { return ""; }
            }
        """,
        "web/UserController.java": """
            package app.web;
            import app.base.Base;
            @RestController @RequestMapping("/user")
            public class UserController extends Base {
                @PostMapping("/store") public String save(Object entity) { return ""; }
            }
        """,
    }
    assert endpoints(files) == {("POST", "/user/store", "UserController#save")}

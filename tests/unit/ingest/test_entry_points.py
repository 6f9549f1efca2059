"""Endpoints and data access for every common Java web and persistence style."""

from pathlib import Path

from msadecomp import Config, analyze
from msadecomp.graph import build_graph
from msadecomp.ingest import ingest


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def renderers(root: Path) -> dict[str, tuple[str, ...]]:
    """View file name -> the classes rendering it."""
    return {p.path.rpartition("/")[2]: p.renderers for p in ingest(root, jobs=1).pages}


def endpoints(root: Path) -> set[tuple[str, str, str]]:
    return {(e.path, e.http_method, e.handler) for e in ingest(root, jobs=1).endpoints}


def test_jax_rs_resources_servlets_and_stripes_action_beans(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "src/a/CargoResource.java": """package a;
            @Path("/cargo") public class CargoResource {
                @GET @Path("{id}") public Cargo find(String id) { return null; }
                @POST public void book(Cargo c) {}
                public void helper() {}
            }""",
            "src/a/Upload.java": """package a;
            @WebServlet(urlPatterns = {"/upload", "/files/*"}) public class Upload {}""",
            "src/a/CatalogActionBean.java": "package a; public class CatalogActionBean {}",
            "src/a/Cart.java": """package a; @UrlBinding("/shop/cart.action") public class Cart {}""",
            "src/a/MarketFeed.java": """package a;
            @ServerEndpoint(value = "/marketsummary", encoders = {Enc.class})
            public class MarketFeed { @OnMessage public void tick(String s) {} }""",
        },
    )
    assert endpoints(tmp_path) == {
        ("/cargo/{id}", "GET", "a.CargoResource#find"),
        ("/cargo", "POST", "a.CargoResource#book"),
        ("/upload", "ANY", "a.Upload#service"),
        ("/files/*", "ANY", "a.Upload#service"),
        ("/Catalog.action", "ANY", "a.CatalogActionBean#execute"),
        ("/shop/cart.action", "ANY", "a.Cart#execute"),
        ("/marketsummary", "WEBSOCKET", "a.MarketFeed#onMessage"),  # a JSR 356 WebSocket
    }


def test_jax_rs_resources_inherit_methods_and_live_under_the_application_path(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "src/a/Rest.java": """package a;
            @ApplicationPath("/rest/*") public class Rest extends Application {}""",
            "src/a/BaseEntityService.java": """package a;
            public abstract class BaseEntityService<T> {
                @GET public List<T> all() { return null; }
                @GET @Path("/{id}") public T one(Long id) { return null; }
                @GET @Path("/{id}") public T one(Long id, String view) { return null; }
                @DELETE @Path("/{id}") public void drop(Long id) {}
            }""",
            "src/a/EventService.java": """package a;
            @Path("/events") public class EventService extends BaseEntityService<Event> {
                @POST public void add(Event e) {}
                @Override public void drop(Long id) {}
                @PUT @Path("/{id}") public void one(Long id) {}
                public void drop(String reason) {}  // no override: no endpoint
            }""",
        },
    )
    assert endpoints(tmp_path) == {
        ("/rest/events", "POST", "a.EventService#add"),
        ("/rest/events", "GET", "a.EventService#all"),  # inherited
        ("/rest/events/{id}", "GET", "a.EventService#one"),  # the two-argument one
        ("/rest/events/{id}", "PUT", "a.EventService#one"),  # overrides the one-argument GET
        ("/rest/events/{id}", "DELETE", "a.EventService#drop"),  # keeps its annotations
    }
    served = [(e.path, e.http_method) for e in ingest(tmp_path, jobs=1).endpoints]
    assert len(served) == 5  # drop(String), no override, inherits nothing
    # two applications (modules) at two paths: which holds which resource is not read
    write(tmp_path, {"src/a/Info.java": '@ApplicationPath("info") class Info {}'})
    assert ("/events", "POST", "a.EventService#add") in endpoints(tmp_path)


def test_struts_actions_serve_paths_and_forward_to_their_views(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "src/a/LoginAction.java": "package a; public class LoginAction {}",
            "src/a/CartAction.java": "package a; public class CartAction {}",
            "WEB-INF/struts-config.xml": """<struts-config><action-mappings>
            <action path="/login" type="a.LoginAction" input="/WEB-INF/jsp/login/Login.jsp">
              <forward name="ok" path="/WEB-INF/jsp/login/Welcome.jsp"/></action>
            </action-mappings></struts-config>""",
            "src/struts.xml": """<struts><package name="shop" namespace="/shop">
            <action name="cart" class="a.CartAction"><result>/WEB-INF/jsp/cart/Cart.jsp</result>
            </action></package></struts>""",
            "WEB-INF/jsp/login/Login.jsp": "<p>login</p>",
            "WEB-INF/jsp/login/Welcome.jsp": "<p>hi</p>",
            "WEB-INF/jsp/cart/Cart.jsp": "<p>cart</p>",
        },
    )
    model = ingest(tmp_path, jobs=1)
    assert {(e.path, e.handler) for e in model.endpoints} == {
        ("/login.do", "a.LoginAction#execute"),
        ("/shop/cart.action", "a.CartAction#execute"),
    }
    assert {p.path.rpartition("/")[2]: p.controllers for p in model.pages} == {
        "Login.jsp": ("a.LoginAction",),
        "Welcome.jsp": ("a.LoginAction",),
        "Cart.jsp": ("a.CartAction",),
    }


def test_a_framework_action_outside_the_project_hands_its_paths_to_the_form_bean(
    tmp_path: Path,
) -> None:
    """iBatis JPetStore 5: every action is Struts' ``BeanAction``, which runs the method of the
    form bean the path names; the form beans are the project's handlers."""
    write(
        tmp_path,
        {
            "src/a/CatalogBean.java": "package a; public class CatalogBean {}",
            "WEB-INF/struts-config.xml": """<struts-config>
            <form-beans><form-bean name="catalogBean" type="a.CatalogBean"/></form-beans>
            <action-mappings>
            <action path="/shop/viewCategory" type="org.apache.struts.beanaction.BeanAction"
                    name="catalogBean" scope="session">
              <forward name="success" path="/catalog/Category.jsp"/></action>
            <action path="/shop/signon" type="org.apache.struts.beanaction.BeanAction"/>
            </action-mappings></struts-config>""",
            "catalog/Category.jsp": "<p>category</p>",
        },
    )
    model = ingest(tmp_path, jobs=1)
    assert {(e.path, e.handler) for e in model.endpoints} == {
        ("/shop/viewCategory.do", "a.CatalogBean#viewCategory")
    }
    assert [p.controllers for p in model.pages] == [("a.CatalogBean",)]


def test_spring_xml_url_mappings_and_jsf_managed_beans(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "src/a/OrderController.java": "package a; public class OrderController {}",
            "src/a/HomeController.java": "package a; public class HomeController {}",
            "src/a/BookingBean.java": "package a; public class BookingBean {}",
            "WEB-INF/app-servlet.xml": """<beans>
            <bean id="orderController" class="a.OrderController"/>
            <bean name="/home.htm" class="a.HomeController"/>
            <bean class="org.springframework.web.servlet.handler.SimpleUrlHandlerMapping">
              <property name="mappings"><props><prop key="/order.do">orderController</prop>
              </props></property></bean></beans>""",
            "WEB-INF/faces-config.xml": """<faces-config><managed-bean>
            <managed-bean-name>booking</managed-bean-name>
            <managed-bean-class>a.BookingBean</managed-bean-class></managed-bean></faces-config>""",
            "book.xhtml": '<h:commandButton action="#{booking.save}"/>',
        },
    )
    model = ingest(tmp_path, jobs=1)
    assert {(e.path, e.handler) for e in model.endpoints} == {
        ("/order.do", "a.OrderController#execute"),
        ("/home.htm", "a.HomeController#execute"),
    }
    assert [p.controllers for p in model.pages] == [("a.BookingBean",)]


def test_ibatis_ids_without_namespace_hibernate_mappings_and_ejb_beans(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "src/a/ProductDao.java": """package a;
            public class ProductDao { Object list() { return client.queryForList("getProductList", null); } }""",
            "src/a/Order.java": "package a; public class Order {}",
            "src/a/OrderDao.java": """package a;
            public class OrderDao { Object all() { return s.createQuery("from Order o where o.total > 1"); } }""",
            "src/a/Billing.java": "package a; @Stateless public class Billing {}",
            "sql/Product.xml": """<sqlMap namespace="Product">
            <select id="getProductList">SELECT * FROM PRODUCT</select></sqlMap>""",
            "src/a/Order.hbm.xml": """<hibernate-mapping package="a">
            <class name="Order" table="ORDERS"/></hibernate-mapping>""",
        },
    )
    model = ingest(tmp_path, jobs=1)
    accesses = {(a.source, a.table, a.access.value) for a in model.table_accesses}
    assert ("a.ProductDao", "PRODUCT", "read") in accesses
    # a copy of the sqlMap in a built WEB-INF/classes makes the bare id no less unique
    write(
        tmp_path,
        {"webapp/WEB-INF/classes/sql/Product.xml": (tmp_path / "sql/Product.xml").read_text()},
    )
    copied = ingest(tmp_path, jobs=1)
    assert ("a.ProductDao", "PRODUCT", "read") in {
        (a.source, a.table, a.access.value) for a in copied.table_accesses
    }
    assert ("a.Order", "ORDERS", "write") in accesses
    assert ("a.OrderDao", "ORDERS", "read") in accesses
    assert model.type_map()["a.Billing"].stereotype == "service"


def test_jpa_orm_xml_maps_entities_and_log_text_is_no_query(tmp_path: Path) -> None:
    """Roller maps its entities in ``*.orm.xml``; JPQL names the entity, the table differs."""
    write(
        tmp_path,
        {
            "src/a/Comment.java": "package a; public class Comment {}",
            "src/a/CommentManager.java": """package a; public class CommentManager {
            Object all() { return em.createQuery("SELECT c FROM Comment c WHERE c.ok = 1"); }
            void log(String url) { LOG.debug("error " + " from url " + url); }
            void flushed(int i) { LOG.info("Flushed " + i + " from Thread " + name());
                Object q = session.createQuery(" from Comment c where c.ok = 0"); }
            String where() { return " FROM ROLLER_USER u WHERE u.id = ?"; } }""",
            "src/a/schema.sql": "CREATE TABLE roller_comment (id INT);\n"
            "CREATE TABLE roller_user (id INT);",
            "src/a/Comment.orm.xml": """<entity-mappings><package>a</package>
            <entity class="Comment" name="Comment"><table name="roller_comment"/></entity>
            </entity-mappings>""",
        },
    )
    model = ingest(tmp_path, jobs=1)
    accesses = {(a.source, a.table, a.access.value) for a in model.table_accesses}
    assert accesses == {
        ("a.Comment", "ROLLER_COMMENT", "write"),
        ("a.CommentManager", "ROLLER_COMMENT", "read"),
        ("a.CommentManager", "ROLLER_USER", "read"),  # an SQL fragment: a declared table
    }


def test_with_no_ddl_a_from_clause_of_no_entity_counts_only_with_more_after_it(
    tmp_path: Path,
) -> None:
    """OpenKM declares no table (Hibernate makes them): its log line ``" from Thread "`` is
    no query, a fragment going on past the name is."""
    write(
        tmp_path,
        {
            "src/a/IndexHelper.java": """package a; public class IndexHelper {
            void flushed(int i) { LOG.info("Flushed " + i + " from Thread " + name()); }
            String where() { return " FROM LOCK_TOKEN t WHERE t.id = ?"; }
            String join() { return "from NODE n left join fetch n.parent"; } }""",
            # OFBiz's messages: a word after the name, then no clause
            "src/a/ProductEvents.java": """package a; public class ProductEvents {
            void check(java.util.List<String> errors) {
                errors.add("From Date not formatted correctly.");
                errors.add("From Group - " + name());
                errors.add("From Map (" + name() + ") not found");
                errors.add("From AcroForm in Content [" + name() + "]"); } }""",
        },
    )
    model = ingest(tmp_path, jobs=1)
    assert {a.table for a in model.table_accesses} == {"LOCK_TOKEN", "NODE"}


def test_jpql_names_an_entity_by_its_own_name_not_its_table(tmp_path: Path) -> None:
    """eGovFrame's MSA common components query ``opsBbs``, the entity ``@Entity(name =
    "opsBbs")`` mapping COMTNBBS: OPSBBS had been a table of its own."""
    write(
        tmp_path,
        {
            "src/ops/Bbs.java": """package ops;
            @javax.persistence.Entity(name = "opsBbs") @javax.persistence.Table(name = "COMTNBBS")
            public class Bbs { @javax.persistence.Id Long id; }""",
            "src/ops/BbsRepository.java": """package ops;
            public interface BbsRepository extends
                    org.springframework.data.jpa.repository.JpaRepository<Bbs, Long> {
                @org.springframework.data.jpa.repository.Query(
                    "SELECT COUNT(a) FROM opsBbs a WHERE a.useAt = 'Y'")
                long countUsed(); }""",
        },
    )
    model = ingest(tmp_path, jobs=1)
    assert {(a.source, a.table) for a in model.table_accesses if a.via == "embedded SQL"} == {
        ("ops.BbsRepository", "COMTNBBS")
    }
    assert {t.name for t in model.tables} == {"COMTNBBS"}


def test_an_entity_maps_the_declared_table_its_name_spells_without_underscores(
    tmp_path: Path,
) -> None:
    """Spring Boot's naming strategy stores ``IdGenerator`` in ``id_generator``; a name the DDL
    declares as written stays (``LINEITEM``), and so does one no DDL declares."""
    write(
        tmp_path,
        {
            "src/a/IdGenerator.java": "package a; @Entity public class IdGenerator {}",
            "src/a/LineItem.java": "package a; @Entity public class LineItem {}",
            "src/a/Audit.java": "package a; @Entity public class AuditLog {}",
            "src/a/Ids.java": """package a; public class Ids {
            Object all() { return em.createQuery("SELECT g FROM IdGenerator g"); } }""",
            "db/schema.sql": """create table id_generator (name varchar(9));
            create table lineitem (id int); create table line_item (id int);""",
        },
    )
    model = ingest(tmp_path, jobs=1)
    assert {(a.source, a.table, a.access.value) for a in model.table_accesses} == {
        ("a.IdGenerator", "ID_GENERATOR", "write"),
        ("a.Ids", "ID_GENERATOR", "read"),
        ("a.LineItem", "LINEITEM", "write"),
        ("a.AuditLog", "AUDITLOG", "write"),
    }


def test_an_entity_subclass_shares_its_roots_table_and_constants_name_tables(
    tmp_path: Path,
) -> None:
    """JPA's default inheritance is one table for the hierarchy (Fineract's deposit accounts
    live in m_savings_account)."""
    write(
        tmp_path,
        {
            "src/a/SavingsAccount.java": """package a;
            @Entity @Table(name = "m_savings_account") public class SavingsAccount {}""",
            "src/a/FixedDepositAccount.java": """package a;
            @Entity @DiscriminatorValue("200") public class FixedDepositAccount extends SavingsAccount {}""",
            "src/a/RecurringDepositAccount.java": """package a;
            @Entity public class RecurringDepositAccount extends FixedDepositAccount {}""",
            "src/a/Action.java": """package a;
            @Entity @Inheritance(strategy = InheritanceType.JOINED) public class Action {}""",
            "src/a/EmailAction.java": "package a; @Entity public class EmailAction extends Action {}",
            "src/a/Base.java": "package a; @MappedSuperclass public class Base {}",
            "src/a/Note.java": "package a; @Entity public class Note extends Base {}",
            "src/a/Loan.java": """package a;
            @Entity @Table(name = "m_loan") public class Loan extends SavingsAccount {}""",
            "src/a/Format.java": """package a;
            @Entity @Table(name = FormatConstants.TABLE_NAME) public class Format {}""",
            "src/a/FormatConstants.java": """package a;
            public class FormatConstants { public static final String TABLE_NAME = "c_format"; }""",
            "src/a/Own.java": """package a; @Entity @Table(name = NAME)
            public class Own { static final String NAME = "c_own"; }""",
        },
    )
    tables = {t.simple_name: t.entity_table for t in ingest(tmp_path, jobs=1).types}
    assert tables == {
        "SavingsAccount": "M_SAVINGS_ACCOUNT",
        "FixedDepositAccount": "M_SAVINGS_ACCOUNT",
        "RecurringDepositAccount": "M_SAVINGS_ACCOUNT",
        "Action": "ACTION",
        "EmailAction": "EMAILACTION",  # a table per subclass, joined to the root's
        "Base": None,
        "Note": "NOTE",
        "Loan": "M_LOAN",  # a table of its own
        "Format": "C_FORMAT",  # named by a constant
        "FormatConstants": None,
        "Own": "C_OWN",
    }


def test_a_tiles_definition_stands_for_the_pages_it_puts_not_its_shared_layout(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "src/a/UserAdmin.java": "package a; public class UserAdmin {}",
            "src/a/Home.java": """package a;
            public class Home { String show() { return "home.main"; } }""",
            "src/struts.xml": """<struts><package name="admin" namespace="/roller-ui/admin">
            <action name="userAdmin" class="a.UserAdmin">
              <result name="success" type="tiles">.UserAdmin</result></action>
            </package></struts>""",
            "WEB-INF/tiles.xml": """<tiles-definitions>
            <definition name=".base" template="/WEB-INF/jsps/tiles/layout.jsp">
              <put-attribute name="footer" value="/WEB-INF/jsps/tiles/footer.jsp"/></definition>
            <definition name=".UserAdmin" extends=".base">
              <put-attribute name="content" value="/WEB-INF/jsps/admin/UserAdmin.jsp"/>
            </definition>
            <definition name="home.main" template="/WEB-INF/jsps/Home.jsp"/>
            <definition name="*/*" template="/WEB-INF/jsps/{1}/{2}.jsp"/>
            </tiles-definitions>""",
            "WEB-INF/jsps/tiles/layout.jsp": "<div/>",
            "WEB-INF/jsps/tiles/footer.jsp": "<div/>",
            "WEB-INF/jsps/admin/UserAdmin.jsp": "<p>users</p>",
            "WEB-INF/jsps/Home.jsp": "<p>home</p>",
        },
    )
    assert renderers(tmp_path) == {
        "Home.jsp": ("a.Home",),
        "UserAdmin.jsp": ("a.UserAdmin",),
        "footer.jsp": (),
        "layout.jsp": (),
    }


def test_struts2_methods_are_endpoints_and_forms_reach_them_without_the_suffix(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "src/a/Setup.java": "package a; public class Setup {}",
            "src/a/UserAdmin.java": "package a; public class UserAdmin {}",
            "src/struts.xml": """<struts><package name="core" namespace="/roller-ui">
            <action name="setup" class="a.Setup">
              <allowed-methods>activate,execute,save</allowed-methods></action>
            <action name="userAdmin" class="a.UserAdmin" method="list"/>
            </package></struts>""",
            "WEB-INF/jsps/Setup.jsp": '<s:form action="setup!save"><input/></s:form>',
            "WEB-INF/jsps/Users.jsp": '<form action="userAdmin!remove"></form>',
        },
    )
    model = ingest(tmp_path, jobs=1)
    assert {(e.path, e.handler) for e in model.endpoints} == {
        ("/roller-ui/setup.action", "a.Setup#execute"),
        ("/roller-ui/setup!activate.action", "a.Setup#activate"),
        ("/roller-ui/setup!save.action", "a.Setup#save"),
        ("/roller-ui/userAdmin.action", "a.UserAdmin#list"),
    }
    assert {e.path: e.source.line for e in model.endpoints}["/roller-ui/userAdmin.action"] == 4
    # a declared method, and an undeclared one that still names its action
    assert {p.path.rpartition("/")[2]: p.controllers for p in model.pages} == {
        "Setup.jsp": ("a.Setup",),
        "Users.jsp": ("a.UserAdmin",),
    }


def test_a_jpa_join_table_is_mapped_by_its_entity(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "src/a/Vet.java": """package a;
            @Entity @Table(name = "vets") public class Vet {
                @ManyToMany @JoinTable(name = "vet_specialties", joinColumns = @JoinColumn(name = "vet_id"))
                private Set<Specialty> specialties;
                @ElementCollection @CollectionTable(name = "vet_phones") public Set<String> getPhones() { return null; }
            }""",
        },
    )
    model = ingest(tmp_path, jobs=1)
    assert {(a.table, a.access.value, a.via) for a in model.table_accesses} == {
        ("VETS", "write", "JPA entity"),
        ("VET_SPECIALTIES", "write", "JPA entity"),
        ("VET_PHONES", "write", "JPA entity"),
    }


def test_ejb2_beans_are_known_by_their_interfaces_and_ejb_jar(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "src/a/AccountBean.java": """package a;
            public abstract class AccountBean implements javax.ejb.EntityBean { }""",
            "src/a/TradeBean.java": "package a; public class TradeBean implements SessionBean { }",
            "src/a/Broker.java": "package a; public class Broker implements MessageDrivenBean { }",
            "META-INF/ejb-jar.xml": """<ejb-jar><enterprise-beans>
              <entity><ejb-name>AccountEJB</ejb-name><ejb-class>a.AccountBean</ejb-class>
                <abstract-schema-name>accountejb</abstract-schema-name></entity>
              <session><ejb-name>Trade</ejb-name><ejb-class>a.TradeBean</ejb-class>
                <home>a.TradeHome</home><remote>a.Trade</remote>
                <local-home>a.TradeLocalHome</local-home><local>a.TradeLocal</local>
                <local>javax.ejb.Unknown</local></session>
              <message-driven><ejb-name>Broker</ejb-name><ejb-class>a.Broker</ejb-class>
                <activation-config><activation-config-property>
                  <activation-config-property-name>destination</activation-config-property-name>
                  <activation-config-property-value>jms/TradeBrokerQueue</activation-config-property-value>
                </activation-config-property></activation-config></message-driven>
              <message-driven><ejb-name>Streamer</ejb-name><ejb-class>a.Streamer</ejb-class>
                <message-destination-link>TradeStreamerTopic</message-destination-link>
              </message-driven>
            </enterprise-beans></ejb-jar>""",
            "src/a/Streamer.java": """package a;
            @MessageDriven(mappedName = "old/Topic") public class Streamer { }""",
            **{
                f"src/a/{name}.java": f"package a; public interface {name} extends EJBObject {{}}"
                for name in ("TradeHome", "Trade", "TradeLocalHome", "TradeLocal")
            },
        },
    )
    model = ingest(tmp_path, jobs=1)
    # the bean class does not implement its EJB 2 interfaces: the container does, for it
    assert {(d.target, d.kind.value) for d in model.dependencies if d.source == "a.TradeBean"} == {
        ("a.TradeHome", "implements"),
        ("a.Trade", "implements"),
        ("a.TradeLocalHome", "implements"),
        ("a.TradeLocal", "implements"),
    }
    # message-driven beans the descriptor declares listen where it says
    assert {(e.path, e.http_method, e.handler) for e in model.endpoints} == {
        ("jms/TradeBrokerQueue", "JMS", "a.Broker#onMessage"),
        ("TradeStreamerTopic", "JMS", "a.Streamer#onMessage"),
    }
    kinds = {t.simple_name: t.stereotype for t in model.types if t.kind.value == "class"}
    assert kinds == {
        "AccountBean": "entity",
        "TradeBean": "service",
        "Broker": "service",
        "Streamer": "service",
    }
    assert {(a.source, a.table, a.via) for a in model.table_accesses} == {
        ("a.AccountBean", "ACCOUNTEJB", "EJB entity bean")
    }
    assert ("Trade", "a.TradeBean") in {(b.id, b.cls) for b in model.beans}


def test_a_velocity_sql_template_defines_tables_and_is_no_view(tmp_path: Path) -> None:
    """Roller generates its DDL from ``sql/createdb.vm``; ``$TABLE`` placeholders are no tables."""
    write(
        tmp_path,
        {
            "src/main/resources/sql/createdb.vm": """#parse("macros.vm")
-- Create the tables
create table roller_user (
    id varchar(48) not null primary key,
    username varchar(255) not null
);
#macro(addColumnNull $table $column $type)
alter table $table add column $column $type;
#end
""",
            "src/main/webapp/WEB-INF/velocity/weblog.vm": "<html>#parse('sidebar.vm')</html>",
        },
    )
    model = ingest(tmp_path, jobs=1)
    assert [t.name for t in model.tables] == ["ROLLER_USER"]
    assert model.tables[0].columns == ("ID", "USERNAME")
    assert [p.path.rpartition("/")[2] for p in model.pages] == ["weblog.vm"]


def test_a_string_compared_or_used_as_a_key_names_no_view(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "src/a/LoginFilter.java": """package a;
            public class LoginFilter {
              void check(String url, javax.servlet.http.HttpServletRequest req) {
                if (url.contains("quote") || "order".equals(url)) { return; }
                req.getSession().setAttribute("account", url);
                String p = req.getParameter("portfolio");
              }
            }""",
            "src/a/QuoteAction.java": """package a;
            public class QuoteAction {
              String show(javax.servlet.http.HttpServletRequest req) {
                req.setAttribute("results", "x");
                return "quote";
              }
              void forward(javax.servlet.http.HttpServletRequest req) {
                req.setAttribute("page", "account.jsp");
              }
            }""",
            "src/a/UeditorController.java": """package a;
            public class UeditorController {
              java.util.Map<String, Object> listFiles(java.util.List<String> list) {
                java.util.Map<String, Object> map = new java.util.HashMap<>();
                map.put("list", list);
                return map;
              }
            }""",
            "webapp/list.jsp": "<p>list</p>",
            "webapp/quote.jsp": "<p>quote</p>",
            "webapp/order.jsp": "<p>order</p>",
            "webapp/account.jsp": "<p>account</p>",
            "webapp/portfolio.jsp": "<p>holdings</p>",
        },
    )
    assert renderers(tmp_path) == {
        "quote.jsp": ("a.QuoteAction",),  # returned: a view name
        "order.jsp": (),  # only compared
        "account.jsp": ("a.QuoteAction",),  # an attribute's value may name a view, its key not
        "portfolio.jsp": (),  # a request parameter's name
        "list.jsp": (),  # a map's key (PublicCMS's upload listing)
    }


def test_message_listeners_scheduled_jobs_and_soap_services_are_entry_points(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "src/a/CargoHandledConsumer.java": """package a;
            @MessageDriven(activationConfig = {
                @ActivationConfigProperty(propertyName = "destinationType",
                    propertyValue = "jakarta.jms.Queue"),
                @ActivationConfigProperty(propertyName = "destinationLookup",
                    propertyValue = "java:app/jms/CargoHandledQueue")})
            public class CargoHandledConsumer implements MessageListener {
                public void onMessage(Message m) {} }""",
            "src/a/Broker.java": """package a;
            @MessageDriven(mappedName = "jms/TradeBrokerQueue") public class Broker {}""",
            "src/a/Described.java": """package a;
            @MessageDriven public class Described {}""",  # ejb-jar.xml names its queue
            "src/a/OrderListeners.java": """package a;
            @Component public class OrderListeners {
                @JmsListener(destination = "${app.orders:orders}") public void placed(String m) {}
                @KafkaListener(topics = {"paid", "refunded"}, groupId = "g")
                public void money(String m) {}
                @KafkaListener(topicPartitions = @TopicPartition(topic = "x", partitions = "0"))
                public void partitioned(String m) {}
                @Scheduled(cron = "0 0 1 * * ?") public void nightly() {}
                @Scheduled(fixedRate = 5000) public void poll() {}
                @Scheduled(fixedDelayString = "PT5M") public void sweep() {}
                @Scheduled(fixedDelay = 60 * 1000) public void computed() {}
                @Scheduled(fixedRate = 5, timeUnit = TimeUnit.SECONDS) public void beat() {}
            }""",
            "src/a/Timers.java": """package a;
            @Singleton public class Timers {
                @Schedule(second = "*/20", minute = "*", hour = "*", persistent = false)
                public void tick() {} }""",
            "src/a/CancelOrderReceiver.java": """package a;
            @Component @RabbitListener(queues = "mall.order.cancel")
            public class CancelOrderReceiver {
                @RabbitHandler public void handle(Long orderId) {}
                public void helper() {} }""",
            "src/a/RefundListener.java": """package a;
            @KafkaListener(topics = "refunds") public class RefundListener {
                @KafkaHandler public void on(String m) {} }""",
            "src/a/TradeWS.java": """package a;
            @WebService public interface TradeWS { Quote getQuote(String s); }""",
            "src/a/TradeWSImpl.java": """package a;
            @WebService(serviceName = "TradeWS") public class TradeWSImpl implements TradeWS {
                public TradeWSImpl() {}
                @WebMethod public Quote getQuote(String s) { return null; }
                @WebMethod(exclude = true) public void reset() {}
                public void notAnOperation() {} }""",
            "src/a/PingWSImpl.java": """package a;
            @WebService public class PingWSImpl {
                public String ping() { return ""; }
                private void helper() {}
                public static void main(String[] a) {} }""",
        },
    )
    assert endpoints(tmp_path) == {
        ("java:app/jms/CargoHandledQueue", "JMS", "a.CargoHandledConsumer#onMessage"),
        ("jms/TradeBrokerQueue", "JMS", "a.Broker#onMessage"),
        ("?", "JMS", "a.Described#onMessage"),
        ("orders", "JMS", "a.OrderListeners#placed"),  # a placeholder's default
        ("paid", "KAFKA", "a.OrderListeners#money"),
        ("refunded", "KAFKA", "a.OrderListeners#money"),
        ("?", "KAFKA", "a.OrderListeners#partitioned"),
        ("cron 0 0 1 * * ?", "SCHEDULED", "a.OrderListeners#nightly"),
        ("every 5000 ms", "SCHEDULED", "a.OrderListeners#poll"),
        ("PT5M apart", "SCHEDULED", "a.OrderListeners#sweep"),
        ("?", "SCHEDULED", "a.OrderListeners#computed"),
        ("every 5 SECONDS", "SCHEDULED", "a.OrderListeners#beat"),
        ("schedule second=*/20 minute=* hour=*", "SCHEDULED", "a.Timers#tick"),
        ("mall.order.cancel", "AMQP", "a.CancelOrderReceiver#handle"),
        ("refunds", "KAFKA", "a.RefundListener#on"),
        ("/TradeWS", "SOAP", "a.TradeWSImpl#getQuote"),
        ("/PingWSImplService", "SOAP", "a.PingWSImpl#ping"),
    }
    # a listener or a job handles no request: its class stays where its stereotype puts it
    g = build_graph(ingest(tmp_path, jobs=1), semantic=False)
    assert not g.nodes["a.OrderListeners"]["handler"] and g.nodes["a.TradeWSImpl"]["handler"]
    assert not g.nodes["a.TradeWS"]["handler"]


def test_jms_listeners_spring_xml_wires_are_entry_points(tmp_path: Path) -> None:
    """xmall's search service listens to ``itemAddTopic`` through a listener container bean
    of its ``applicationContext-activemq.xml``: no annotation says so."""
    write(
        tmp_path,
        {
            "src/a/ItemListener.java": """package a;
            public class ItemListener implements MessageListener {
                public void onMessage(Message m) {} }""",
            "src/a/QueueListener.java": """package a;
            @Component("queueListener") public class QueueListener {
                public void onMessage(Message m) {} }""",
            "src/a/Inner.java": "package a; public class Inner { public void onMessage() {} }",
            "src/a/Delegate.java": "package a; public class Delegate { public void got() {} }",
            "src/a/Mails.java": "package a; public class Mails { public void mail(String s) {} }",
            "spring/activemq.xml": """<beans
              xmlns="http://www.springframework.org/schema/beans"
              xmlns:jms="http://www.springframework.org/schema/jms">
              <bean id="topicDestination" class="org.apache.activemq.command.ActiveMQTopic">
                <constructor-arg value="itemAddTopic"/></bean>
              <bean id="itemListener" class="a.ItemListener"/>
              <bean class="org.springframework.jms.listener.DefaultMessageListenerContainer">
                <property name="destination" ref="topicDestination"/>
                <property name="messageListener" ref="itemListener"/></bean>
              <bean class="org.springframework.jms.listener.SimpleMessageListenerContainer">
                <property name="destinationName" value="${app.queue:spring-queue}"/>
                <property name="messageListener" ref="queueListener"/></bean>
              <bean class="org.springframework.jms.listener.DefaultMessageListenerContainer">
                <property name="destination"><bean class="org.apache.activemq.command.ActiveMQQueue">
                  <property name="physicalName" value="inner-queue"/></bean></property>
                <property name="messageListener"><bean class="a.Inner"/></property></bean>
              <bean class="org.springframework.jms.listener.DefaultMessageListenerContainer">
                <property name="destination" ref="nowhere"/>
                <property name="messageListener">
                  <bean class="org.springframework.jms.listener.adapter.MessageListenerAdapter">
                    <constructor-arg><bean class="a.Delegate"/></constructor-arg>
                    <property name="defaultListenerMethod" value="got"/></bean>
                </property></bean>
              <bean id="mails" class="a.Mails"/>
              <bean id="outside" class="org.lib.Listener"/>
              <jms:listener-container>
                <jms:listener destination="mail-queue" ref="mails" method="mail"/>
                <jms:listener destination="lib-queue" ref="outside"/>
              </jms:listener-container>
            </beans>""",
        },
    )
    assert endpoints(tmp_path) == {
        ("itemAddTopic", "JMS", "a.ItemListener#onMessage"),
        ("spring-queue", "JMS", "a.QueueListener#onMessage"),  # an annotated component's id
        ("inner-queue", "JMS", "a.Inner#onMessage"),
        ("?", "JMS", "a.Delegate#got"),  # no bean declares its destination
        ("mail-queue", "JMS", "a.Mails#mail"),
    }


def test_spring_xml_listeners_through_adapter_beans_and_each_files_own_destinations(
    tmp_path: Path,
) -> None:
    """A container's listener may be a top-level ``MessageListenerAdapter`` bean; two modules
    may each name a bean ``destination`` (each container takes its own file's); a
    ``java.util.concurrent`` queue bean names no destination, and neither a
    ``java.util.Queue`` field nor a forum's ``Topic`` passed to a send is a JMS one."""
    container = """<bean class="org.springframework.jms.listener.DefaultMessageListenerContainer">
        <property name="destination" ref="destination"/>
        <property name="messageListener" ref="{listener}"/></bean>"""
    write(
        tmp_path,
        {
            "src/a/OrderListener.java": """package a;
            public class OrderListener { public void receive(String m) {} }""",
            "src/b/StockListener.java": """package b;
            public class StockListener implements MessageListener {
                public void onMessage(Message m) {} }""",
            "src/a/Topic.java": "package a; public class Topic { }",
            "src/a/Forum.java": """package a;
            import java.util.Queue;
            public class Forum {
                private Queue<String> pending;
                private MailService mail;
                public void post(Topic topic) { mail.send(topic, "new"); mail.send(pending, "x"); }
            }""",
            "a/spring.xml": f"""<beans xmlns="http://www.springframework.org/schema/beans">
              <bean id="destination" class="org.apache.activemq.command.ActiveMQQueue">
                <constructor-arg value="orders"/></bean>
              <bean id="adapter"
                    class="org.springframework.jms.listener.adapter.MessageListenerAdapter">
                <constructor-arg><bean class="a.OrderListener"/></constructor-arg>
                <property name="defaultListenerMethod" value="receive"/></bean>
              {container.format(listener="adapter")}
              <bean id="topic" class="org.apache.activemq.command.ActiveMQTopic">
                <constructor-arg value="news"/></bean>
              <bean id="pending" class="java.util.concurrent.ArrayBlockingQueue">
                <constructor-arg value="100"/></bean>
              <bean class="org.springframework.jms.listener.DefaultMessageListenerContainer">
                <property name="destination" ref="topic"/>
                <property name="messageListener" ref="adapter"/></bean>
              <bean class="org.springframework.jms.listener.DefaultMessageListenerContainer">
                <property name="destinationName" value="100"/>
                <property name="messageListener" ref="adapter"/></bean>
            </beans>""",
            "b/spring.xml": f"""<beans xmlns="http://www.springframework.org/schema/beans">
              <bean id="destination" class="org.apache.activemq.command.ActiveMQQueue">
                <constructor-arg value="stock"/></bean>
              <bean id="stockListener" class="b.StockListener"/>
              {container.format(listener="stockListener")}
            </beans>""",
        },
    )
    assert endpoints(tmp_path) == {
        ("orders", "JMS", "a.OrderListener#receive"),
        ("news", "JMS", "a.OrderListener#receive"),
        ("100", "JMS", "a.OrderListener#receive"),
        ("stock", "JMS", "b.StockListener#onMessage"),
    }
    model = ingest(tmp_path, jobs=1)
    assert not [d for d in model.dependencies if d.kind.value == "message"]


def test_several_copies_of_an_application_are_one_warning_of_the_report(tmp_path: Path) -> None:
    """Ticket Monster's repository holds the monolith and two later versions of it."""
    classes = [f"C{i}" for i in range(10)]
    for folder in ("monolith", "backend-v1"):
        write(
            tmp_path,
            {
                f"{folder}/src/main/java/tm/{name}.java": f"package tm; public class {name} {{"
                + " static class Row {} }"  # nested classes are no more copies
                for name in classes
            },
        )
    model = ingest(tmp_path, jobs=1)
    assert sum(d.code == "java.duplicate-type" for d in model.diagnostics) == 20  # with Row
    (copies,) = [d for d in model.diagnostics if d.code == "input.copies"]
    assert copies.message.startswith("10 classes are declared more than once (copies in ")
    assert "backend-v1, monolith)" in copies.message
    report = analyze(tmp_path, Config(jobs=1)).report
    assert report["warnings"][0] == copies.message
    # nine duplicates are a stray copy or two, not several applications
    (tmp_path / "backend-v1/src/main/java/tm/C0.java").unlink()
    assert not [d for d in ingest(tmp_path, jobs=1).diagnostics if d.code == "input.copies"]


def test_the_copy_of_a_class_in_a_main_source_folder_is_analysed(tmp_path: Path) -> None:
    """xmall: the MyBatis Generator's scratch folder, first by path, holds older copies of the
    mappers its DAO module builds (the module's own has ``selectItemFront``)."""
    write(
        tmp_path,
        {
            "generatorSqlmapCustom/src/shop/ItemMapper.java": (
                "package shop; public interface ItemMapper { void insert(); }"
            ),
            "shop-dao/src/main/java/shop/ItemMapper.java": (
                "package shop; public interface ItemMapper { void insert(); void selectItemFront(); }"
            ),
            "a-scratch/shop/Order.java": "package shop; public class Order { int old; }",
            "b-scratch/shop/Order.java": "package shop; public class Order { int newer; }",
        },
    )
    model = ingest(tmp_path, jobs=1)
    types = model.type_map()
    assert types["shop.ItemMapper"].methods == ("insert", "selectItemFront")
    assert types["shop.ItemMapper"].source.path == "shop-dao/src/main/java/shop/ItemMapper.java"
    assert types["shop.Order"].fields == ("old",)  # no main source folder: the first
    messages = sorted(d.message for d in model.diagnostics if d.code == "java.duplicate-type")
    assert messages == [
        "shop.ItemMapper is also declared in shop-dao/src/main/java/shop/ItemMapper.java; that "
        "copy, in a main source folder, is used",
        "shop.Order is also declared in a-scratch/shop/Order.java; the first is used",
    ]
    # the nested classes of the copy left out go with it
    write(
        tmp_path,
        {
            "generatorSqlmapCustom/src/shop/ItemExample.java": (
                "package shop; public class ItemExample { public static class Criteria {} }"
            ),
            "shop-dao/src/main/java/shop/ItemExample.java": "package shop; class ItemExample {}",
        },
    )
    model = ingest(tmp_path, jobs=1)
    assert "shop.ItemExample.Criteria" not in model.type_map()
    assert any(
        d.message.startswith("shop.ItemExample.Criteria is nested in a copy of shop.ItemExample")
        for d in model.diagnostics
    )
    # scratch copies of ten classes are no second application
    for i in range(10):
        for folder in ("generatorSqlmapCustom/src", "shop-dao/src/main/java"):
            write(tmp_path, {f"{folder}/shop/M{i}.java": f"package shop; class M{i} {{}}"})
    assert not [d for d in ingest(tmp_path, jobs=1).diagnostics if d.code == "input.copies"]


def test_a_template_writing_java_source_is_build_tooling_not_a_view(tmp_path: Path) -> None:
    """Fineract's Avro generator templates and its OpenAPI client's ``api.mustache``."""
    write(
        tmp_path,
        {
            "avro/src/main/resources/templates/record.vm": (
                "package $this.mangle($schema.getNamespace());\n"
                "public class ${this.mangle($schema.getName())} {}"
            ),
            "client/src/main/resources/templates/java/api.mustache": (
                "package {{package}};\nimport {{invokerPackage}}.ApiClient;"
            ),
            "web/src/main/webapp/WEB-INF/views/list.vm": "<p>package $item.name</p>",
            # RuoYi's online code generator renders its templates at run time: they stay
            "gen/src/main/resources/vm/java/domain.java.vm": "package ${packageName}.domain;",
            "gen/src/main/java/a/VelocityUtils.java": """package a; class VelocityUtils {
            String t() { return "vm/java/domain.java.vm"; } }""",
        },
    )
    model = ingest(tmp_path, jobs=1)
    assert [p.path for p in model.pages] == [
        "gen/src/main/resources/vm/java/domain.java.vm",
        "web/src/main/webapp/WEB-INF/views/list.vm",
    ]
    assert {(path, why) for path, why in model.excluded} == {
        ("avro/src/main/resources/templates/record.vm", "build tooling"),
        ("client/src/main/resources/templates/java/api.mustache", "build tooling"),
    }
    assert ("view", 2) in model.file_counts  # the two pages, not the templates


def test_another_classs_constant_in_a_path_takes_its_value(tmp_path: Path) -> None:
    """Fineract builds paths as ``"/" + PasswordPreferencesApiConstants.RESOURCE_NAME``; a
    constant no class declares stays as written."""
    write(
        tmp_path,
        {
            "src/a/api/PasswordApiConstants.java": """package a.api;
            public class PasswordApiConstants { public static final String RESOURCE_NAME =
                "passwordpreferences"; }""",
            "src/a/api/PasswordResource.java": """package a.api;
            @Path("/v1/" + PasswordApiConstants.RESOURCE_NAME) public class PasswordResource {
                @GET @Path("template") public String template() { return ""; }
                @PUT @Path(Unknown.PATH) public void update() {} }""",
        },
    )
    assert endpoints(tmp_path) == {
        ("/v1/passwordpreferences/template", "GET", "a.api.PasswordResource#template"),
        ("/v1/passwordpreferences/Unknown.PATH", "PUT", "a.api.PasswordResource#update"),
    }


def test_property_placeholders_resolve_from_the_applications_properties(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "src/main/resources/application.properties": (
                "sse.path = /sse\napp.topic=${FINERACT_TOPIC:jobs}\n"
            ),
            "src/main/resources/application-dev.properties": "sse.path=/dev\napi.v=2\n",
            "src/main/resources/jeesite.properties": "adminPath=/a\nsse.path=/other\nv=1\n",
            "src/main/resources/config.properties": "v=2\n",
            "src/main/resources/messages_ko.properties": "front=/ko\n",
            "src/main/resources/setting_db.properties": "db=/db\n",  # no setting.properties
            "src/main/resources/labels.properties": "area=/area\n",
            "src/main/resources/labels_ko.properties": "area=/jiyeok\n",  # labels' Korean
            "src/main/java/a/Feed.java": """package a; @RestController public class Feed {
                @GetMapping("${sse.path}") public Object sse() { return null; }
                @GetMapping("/api/${api.v}/x/${unknown}") public Object x() { return null; }
                @GetMapping("${adminPath}/${v}${front}") public Object y() { return null; }
                @GetMapping("${db}${area}") public Object z() { return null; }
                @KafkaListener(topics = "${app.topic}") public void on(String m) {} }""",
            "src/main/java/a/Jobs.java": """package a; public class Jobs {
                void run() { kafkaTemplate.send("${app.topic}", "go"); } }""",
        },
    )
    model = ingest(tmp_path, jobs=1)
    assert {(e.path, e.http_method) for e in model.endpoints} == {
        ("/sse", "GET"),  # the plain file wins over a profile's
        ("/api/2/x/${unknown}", "GET"),  # a profile adds what the plain file lacks
        # another file adds what no application file holds, when all such files agree; a
        # message bundle is no configuration
        ("/a/${v}${front}", "GET"),
        ("/db/area", "GET"),  # a locale's variant of a bundle is the bundle's
        ("jobs", "KAFKA"),  # nested: the default of an unset environment variable
    }
    assert ("a.Jobs", "a.Feed", "message") in {
        (d.source, d.target, d.kind.value) for d in model.dependencies
    }


def test_placeholders_and_the_dispatcher_path_resolve_from_spring_boots_yaml(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "src/main/resources/application.yml": (
                "spring:\r\n  config:\r\n    activate:\r\n      on-profile: [prod]\r\n"
                "sse:\r\n  path: /prod/sse\r\nextra: /only-prod\r\n---\r\n"  # a profile first
                "spring:\r\n  profiles:\r\n    active: @profiles.active@ # Maven's\r\n"
                "  mvc:\r\n    servlet:\r\n      path: /app\r\n"
                "sse:\r\n  path: /resource/sse\r\napi:\r\n  versions: [v1, v2]\r\n"
                "tags:\r\n  - @project.tag@\r\n"
            ),
            "src/main/resources/application-dev.yaml": "sse:\n  path: /dev\ndev: /only-dev\n",
            "src/main/resources/bootstrap.yml": "a: &a {b: *a}\n",  # an alias to itself
            "deploy/k8s/application.yaml": "sse:\n  path: /argo\n",  # no Spring settings
            "src/main/java/a/Feed.java": """package a; @RestController public class Feed {
                @GetMapping("${sse.path}") public Object sse() { return null; }
                @GetMapping("/${api.versions[1]}${extra}${dev}") public Object v() { return null; } }""",
        },
    )
    model = ingest(tmp_path, jobs=1)
    assert {e.path for e in model.endpoints} == {
        "/app/resource/sse",  # the plain document wins over a profile's, under the dispatcher
        "/app/v2/only-prod/only-dev",  # a list item; what only the profiles hold
    }
    assert dict(model.file_counts)["yaml settings"] == 3


def test_yaml_settings_follow_springs_order_merges_and_bracketed_keys() -> None:
    from msadecomp.ingest.named_files import setting_entries

    text = (
        "defaults: &defaults {path: /base, timeout: 5}\n"
        "extra: &extra {path: /extra, retries: 2}\n"
        "feed:\n  <<: [*defaults, *extra]\n  timeout: 9\n"  # the first merged map wins
        'routes: {"[/api/**]": gateway}\n'
        "sse: {path: /first}\n---\nsse: {path: /second}\n"  # a later document overrides
        "---\nspring.profiles: dev\nsse: {path: /dev}\n"
    )
    got = {(k, profiled): v for k, v, profiled in setting_entries("application.yml", text)}
    assert got[("feed.path", False)] == "/base" and got[("feed.retries", False)] == "2"
    assert got[("feed.timeout", False)] == "9"  # the map's own entry over the merged ones
    assert got[("routes[/api/**]", False)] == "gateway"
    assert got[("sse.path", False)] == "/second" and got[("sse.path", True)] == "/dev"
    assert not any("<<" in key for key, _ in got)
    shallow = "base: &b {db: {host: a, port: 1}}\nsvc: {<<: *b, db: {host: c}}\n"
    keys = {k for k, _, _ in setting_entries("application.yml", shallow)}
    assert "svc.db.host" in keys and "svc.db.port" not in keys  # a merged entry is taken whole
    profiles = (
        "app: {base: /plain}\n---\nspring.config.activate.on-profile: dev\napp.base: /dev\n"
        "---\nspring.config.activate.on-profile: prod\napp.base: /prod\n"
    )
    bases = [(v, p) for k, v, p in setting_entries("application.yml", profiles) if k == "app.base"]
    assert bases == [("/plain", False), ("/dev", True)]  # one profile does not override another
    cycle = "base: &B {x: 1, <<: &C {y: 2, <<: *B}}\nother: *C\n"  # order makes no difference
    itself = "a: &a {x: 1, <<: *a}\nb: {<<: *a, y: 2}\n"
    assert {k for k, _, _ in setting_entries("application.yml", itself)} == {"a.x", "b.x", "b.y"}
    keys = {k for k, _, _ in setting_entries("application.yml", cycle)}
    assert {"other.x", "other.y", "base.x", "base.y"} <= keys


def test_an_unreadable_yaml_settings_file_is_a_warning_with_its_line(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "src/main/resources/application.yml": "server:\n  port: 80\n  path: [unclosed\n",
            "src/main/resources/bootstrap.yml": "spring: {application: {name: a}}\n",
            "src/main/java/a/A.java": "package a; public class A {}",
        },
    )
    model = ingest(tmp_path, jobs=1)
    (warning,) = [d for d in model.diagnostics if d.code == "settings.unreadable"]
    assert warning.source.path.endswith("application.yml") and warning.source.line == 4
    assert "resolve no placeholder" in warning.message
    from msadecomp.ingest.named_files import settings_problem

    tabbed = "spring:\n  profiles:\n    active: @profiles.active@\nx:\n\ty: 1\n"
    assert settings_problem("application.yml", tabbed) == (  # not the token it quotes itself
        5,
        "not readable: found character that cannot start any token",
    )


def test_a_yaml_file_of_aliases_is_flattened_within_a_budget() -> None:
    from msadecomp.ingest.named_files import setting_entries

    fan_out = "l0: &l0 []\n" + "".join(
        f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]\n" for i in range(1, 9)
    )  # 10^8 empty lists by alias: read as nothing, not for ever
    assert list(setting_entries("application.yml", fan_out)) == []
    leaves = "---\n".join([fan_out.replace("[]", "[x]")] * 20)  # one budget for all documents
    assert 0 < len(list(setting_entries("application.yml", leaves))) <= 200_000


SPRING_DISPATCHER = "org.springframework.web.servlet.DispatcherServlet"


def web_xml(*servlets: tuple[str, str, tuple[str, ...]]) -> str:
    body = "".join(
        f"<servlet><servlet-name>{n}</servlet-name><servlet-class>{c}</servlet-class></servlet>"
        + "".join(
            f"<servlet-mapping><servlet-name>{n}</servlet-name><url-pattern>{p}</url-pattern>"
            "</servlet-mapping>"
            for p in patterns
        )
        for n, c, patterns in servlets
    )
    return (
        f'<?xml version="1.0"?><web-app xmlns="http://java.sun.com/xml/ns/javaee">{body}</web-app>'
    )


CONTROLLERS = {
    "src/main/java/a/RegisterController.java": """package a;
    @Controller @RequestMapping("/register") public class RegisterController {
        @GetMapping public String form() { return "register"; }
        @Scheduled(cron = "0 0 * * * *") public void purge() {}
    }""",
    "src/main/java/a/RssServlet.java": "package a; public class RssServlet {}",
}


def test_spring_mvc_mappings_sit_under_the_dispatcher_servlets_path(tmp_path: Path) -> None:
    """Tudu Lists maps its dispatcher to ``/tudu/*``: ``/register`` answers
    ``/tudu/register``; a plain servlet, a scheduled job and JAX-RS keep their own paths."""
    write(
        tmp_path,
        {
            **CONTROLLERS,
            "src/main/webapp/WEB-INF/web.xml": web_xml(
                ("dispatcher", SPRING_DISPATCHER, ("/tudu/*",)),
                ("rss", "a.RssServlet", ("/servlet/rss",)),
            ),
        },
    )
    assert endpoints(tmp_path) == {
        ("/tudu/register", "GET", "a.RegisterController#form"),
        ("cron 0 0 * * * *", "SCHEDULED", "a.RegisterController#purge"),
        ("/servlet/rss", "ANY", "a.RssServlet#service"),
    }


def test_other_dispatchers_a_copied_web_xml_and_xml_url_mappings_keep_the_prefix(
    tmp_path: Path,
) -> None:
    """Spring Web Services' ``MessageDispatcherServlet`` is no second MVC dispatcher, the same
    ``web.xml`` under ``WebContent`` too is the same dispatcher, and a Spring XML URL mapping
    is served by the dispatcher like an annotated one."""
    web = web_xml(
        ("dispatcher", SPRING_DISPATCHER, ("/app/*",)),
        ("ws", "org.springframework.ws.transport.http.MessageDispatcherServlet", ("/ws/*",)),
    )
    write(
        tmp_path,
        {
            **CONTROLLERS,
            "src/main/webapp/WEB-INF/web.xml": web,
            "WebContent/WEB-INF/web.xml": web,
            "src/main/webapp/WEB-INF/app-servlet.xml": """<beans>
              <bean id="legacy" class="a.LegacyController"/>
              <bean class="org.springframework.web.servlet.handler.SimpleUrlHandlerMapping">
                <property name="mappings"><props><prop key="/legacy.htm">legacy</prop></props>
                </property></bean></beans>""",
            "src/main/java/a/LegacyController.java": "package a; public class LegacyController {}",
        },
    )
    found = {p for p, verb, _ in endpoints(tmp_path) if verb in ("GET", "ANY")}
    assert found == {"/app/register", "/app/legacy.htm"}


def test_a_root_extension_or_ambiguous_dispatcher_mapping_adds_no_path(tmp_path: Path) -> None:
    """Mapped to ``/`` or ``*.do``, to two paths, or two dispatchers (whose controllers are
    told apart only by their own contexts): the mappings stay as written."""
    for servlets in (
        [("d", SPRING_DISPATCHER, ("/",))],
        [("d", SPRING_DISPATCHER, ("*.do",))],
        [("d", SPRING_DISPATCHER, ("/api/*", "/flow/*"))],
        [("d", SPRING_DISPATCHER, ("/app/*",)), ("r", SPRING_DISPATCHER, ("/remoting/*",))],
        [("s", "net.sourceforge.stripes.controller.DispatcherServlet", ("/action/*",))],
    ):
        write(tmp_path, {**CONTROLLERS, "src/main/webapp/WEB-INF/web.xml": web_xml(*servlets)})
        found = {p for p, verb, _ in endpoints(tmp_path) if verb == "GET"}
        assert found == {"/register"}, servlets


def test_spring_boots_servlet_path_setting_places_the_mappings(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            **CONTROLLERS,
            "src/main/resources/application.properties": "spring.mvc.servlet.path=/api\n",
        },
    )
    assert ("/api/register", "GET", "a.RegisterController#form") in endpoints(tmp_path)
    # two modules setting two paths: which controllers each serves is not told here
    write(tmp_path, {"admin/application-dev.properties": "server.servlet-path: /admin\n"})
    assert ("/register", "GET", "a.RegisterController#form") in endpoints(tmp_path)


def test_what_starts_the_application_is_kernel_not_one_services_own(tmp_path: Path) -> None:
    """NewBee's main class sat in its order service and PetClinic's in the vets service: a
    boot class, a servlet initializer or a JAX-RS application starts the whole system, and each
    service split off gets its own."""
    entity = "package shop.{0};\n@javax.persistence.Entity\npublic class {1} {{ Long id; }}\n"
    write(
        tmp_path,
        {
            "src/shop/ShopApplication.java": """package shop;
import org.springframework.boot.autoconfigure.SpringBootApplication;
@SpringBootApplication
public class ShopApplication {
    public static void main(String[] args) { org.springframework.boot.SpringApplication.run(ShopApplication.class, args); }
}
""",
            "src/shop/ServletInit.java": """package shop;
import org.springframework.boot.web.servlet.support.SpringBootServletInitializer;
public class ServletInit extends SpringBootServletInitializer {}
""",
            "src/shop/rest/ShopApi.java": """package shop.rest;
import javax.ws.rs.core.*;
public class ShopApi extends Application {}
""",
            "src/shop/desk/Application.java": "package shop.desk;\npublic class Application {}\n",
            "src/shop/desk/DeskApp.java": (
                "package shop.desk;\nimport javax.ws.rs.core.*;\n"
                "public class DeskApp extends Application {}\n"
            ),
            "src/shop/api/ApiApp.java": """package shop.api;
@org.springframework.boot.autoconfigure.SpringBootApplication
@org.springframework.web.bind.annotation.RestController
public class ApiApp {
    @org.springframework.web.bind.annotation.GetMapping("/ping") String ping() { return "ok"; }
}
""",
            "src/shop/order/OrderConfiguration.java": """package shop.order;
@org.springframework.context.annotation.Configuration
@org.springframework.boot.autoconfigure.EnableAutoConfiguration
public class OrderConfiguration { OrderService orders() { return new OrderService(); } }
""",
            "src/shop/order/Order.java": entity.format("order", "Order"),
            "src/shop/order/OrderService.java": """package shop.order;
@org.springframework.stereotype.Service
public class OrderService { Order place() { return new Order(); } }
""",
        },
    )
    model = ingest(tmp_path, jobs=1)
    booting = {t.simple_name for t in model.types if t.stereotype == "bootstrap"}
    # a project's own Application base (even beside a JAX-RS import) and a module's
    # auto-configured setup start nothing; a boot class serving requests stays a controller
    assert booting == {"ShopApplication", "ServletInit", "ShopApi"}
    assert next(t for t in model.types if t.simple_name == "ApiApp").stereotype == "controller"
    report = analyze(tmp_path, Config(jobs=1)).report
    kernel = report["shared_kernel"]
    assert {"shop.ShopApplication", "shop.ServletInit", "shop.rest.ShopApi"} <= set(
        kernel["classes"]
    )
    assert kernel["reasons"]["shop.ShopApplication"].startswith("starts the application")
    placed = {c for s in report["services"] for c in s["classes"]}
    assert "shop.ShopApplication" not in placed and "shop.order.OrderConfiguration" in placed
    off = analyze(tmp_path, Config(jobs=1, kernel=False)).report
    assert "shop.ShopApplication" in {c for s in off["services"] for c in s["classes"]}


def test_a_mapper_namespace_the_interface_outgrew_is_read_as_it_with_a_warning(
    tmp_path: Path,
) -> None:
    """eGovFrame's MSA common components moved ``TrxInfoDAO`` under ``egovframework.com``
    but not its eight mapper files: TB_TRX_INFO had been touched by no class, silently."""
    mapper = """<?xml version="1.0" encoding="UTF-8"?>
<mapper namespace="mip.sp.dao.TrxInfoDAO">
  <select id="selectTrxInfo" resultType="map">SELECT * FROM TB_TRX_INFO WHERE TRX_CODE = #{c}</select>
</mapper>"""
    write(
        tmp_path,
        {
            "src/egov/mip/sp/dao/TrxInfoDAO.java": """package egov.mip.sp.dao;
            @org.apache.ibatis.annotations.Mapper
            public interface TrxInfoDAO { java.util.Map<String, Object> selectTrxInfo(String c); }""",
            "res/mysql/TRX_INFO_SQL.xml": mapper,
            "res/oracle/TRX_INFO_SQL.xml": mapper,
            # two interfaces end with it: no guess
            "res/ORDER_SQL.xml": mapper.replace("mip.sp.dao.TrxInfoDAO", "dao.OrderDAO")
            .replace("TB_TRX_INFO", "TB_ORDER")
            .replace("selectTrxInfo", "select"),
            "src/a/dao/OrderDAO.java": "package a.dao; public interface OrderDAO { void select(); }",
            "src/b/dao/OrderDAO.java": "package b.dao; public interface OrderDAO { void select(); }",
        },
    )
    model = ingest(tmp_path, jobs=1)
    assert {(a.source, a.table) for a in model.table_accesses} == {
        ("egov.mip.sp.dao.TrxInfoDAO", "TB_TRX_INFO")
    }
    (stale,) = [d for d in model.diagnostics if d.code == "mapper.stale-namespace"]
    assert stale.severity.value == "warning" and "egov.mip.sp.dao.TrxInfoDAO" in stale.message

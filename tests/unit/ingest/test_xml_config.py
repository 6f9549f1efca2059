"""MyBatis/iBatis mappers and Spring beans; hostile or broken XML becomes a diagnostic."""

from collections.abc import Callable
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from msadecomp.ingest import ingest
from msadecomp.ingest.xml_config import XmlFacts, read_xml

MYBATIS = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
<mapper namespace="shop.dao.OrderMapper">
    <sql id="cols">ID, NAME</sql>
    <select id="selectOrders" resultType="map">
        SELECT <include refid="cols"/> FROM ORDERS O
        <where><if test="x != null">AND O.X IN (SELECT X FROM CODES)</if></where>
    </select>
    <insert id="insertOrder">
        <selectKey keyProperty="id" resultType="string">SELECT SEQ.NEXTVAL FROM AUDIT_SEQ</selectKey>
        INSERT INTO ORDERS (ID) VALUES (#{id})
    </insert>
</mapper>
"""

IBATIS = """<?xml version="1.0" encoding="EUC-KR"?>
<!-- 주문 -->
<sqlMap namespace="Order">
    <update id="OrderDAO.updateOrder">
        UPDATE ORDERS SET NAME = #name#
        <dynamic prepend="WHERE"><isNotEmpty property="id">ID = #id#</isNotEmpty></dynamic>
    </update>
    <select id="selectPlain">SELECT * FROM ITEMS</select>
</sqlMap>
""".encode("euc-kr")

SPRING = b"""<beans xmlns="http://www.springframework.org/schema/beans">
    <bean id="orderService" class="shop.svc.OrderServiceImpl">
        <property name="dao" ref="orderDAO"/>
        <constructor-arg><ref bean="clock"/></constructor-arg>
    </bean>
    <bean name="clock,sysClock" class="shop.util.Clock"/>
</beans>"""


def read(path: str, data: bytes) -> XmlFacts:
    facts = XmlFacts()
    read_xml(path, data, facts)
    return facts


def test_mybatis_statements_with_includes_and_dynamic_sql() -> None:
    facts = read("OrderMapper.xml", MYBATIS)
    by = {s.id: s for s in facts.statements}
    assert set(by) == {"shop.dao.OrderMapper.selectOrders", "shop.dao.OrderMapper.insertOrder"}
    assert by["shop.dao.OrderMapper.selectOrders"].reads == ("CODES", "ORDERS")
    assert by["shop.dao.OrderMapper.insertOrder"].writes == ("ORDERS",)
    assert by["shop.dao.OrderMapper.insertOrder"].reads == ()  # selectKey is not data access
    assert by["shop.dao.OrderMapper.selectOrders"].source.line == 5


def test_a_mapper_interface_runs_the_statements_of_the_methods_it_inherits(
    tree: Callable[[dict[str, str]], Path],
) -> None:
    files = {
        "src/main/resources/mappings/GuestbookDao.xml": """<mapper namespace="cms.GuestbookDao">
            <select id="get">SELECT * FROM CMS_GUESTBOOK WHERE ID = #{id}</select>
            <insert id="insert">INSERT INTO CMS_GUESTBOOK (ID) VALUES (#{id})</insert>
            <select id="unused">SELECT * FROM CMS_UNUSED</select>
        </mapper>""",
        "src/main/java/cms/GuestbookDao.java": """package cms;
            import base.CrudDao;
            public interface GuestbookDao extends CrudDao<Guestbook> { }""",
        "src/main/java/base/CrudDao.java": """package base;
            public interface CrudDao<T> extends BaseDao { T get(String id); }""",
        "src/main/java/base/BaseDao.java": """package base;
            public interface BaseDao { int insert(Object o); }""",
    }
    model = ingest(tree(files), jobs=1)
    got = {(a.source, a.table, a.access.value) for a in model.table_accesses}
    assert got == {
        ("cms.GuestbookDao", "CMS_GUESTBOOK", "read"),  # get, declared one level up
        ("cms.GuestbookDao", "CMS_GUESTBOOK", "write"),  # insert, two levels up
    }


def test_ibatis_statement_ids_keep_their_dao_prefix() -> None:
    facts = read("Order_SQL_oracle.xml", IBATIS)
    ids = {s.id: s for s in facts.statements}
    assert ids["OrderDAO.updateOrder"].writes == ("ORDERS",)
    assert "Order.selectPlain" in ids


def test_spring_beans_and_their_references() -> None:
    beans = {b.id: b for b in read("ctx.xml", SPRING).beans}
    assert beans["orderService"].refs == ("orderDAO", "clock")
    assert beans["clock"].cls == "shop.util.Clock"


WHITELIST = b"""<beans xmlns="http://www.springframework.org/schema/beans"
       xmlns:util="http://www.springframework.org/schema/util">
    <util:list id="egovPageLinkWhitelist" value-type="java.lang.String">
        <value>main/inc/EgovIncHeader</value>
        <value> main/sample_menu/Intro </value>
    </util:list>
    <bean id="menu" class="shop.Menu">
        <property name="items"><list><value>not/a/bean</value></list></property>
    </bean>
    <beans profile="dev"><util:set id="devPages"><value>dev/Index</value></util:set></beans>
</beans>"""


def test_spring_string_lists_are_beans_with_values() -> None:
    """eGovFrame's page-link whitelist; a ``<list>`` inside a bean's property is no bean."""
    beans = {b.id: (b.cls, b.values) for b in read("context-whitelist.xml", WHITELIST).beans}
    assert beans == {
        "egovPageLinkWhitelist": (
            "java.util.List",
            ("main/inc/EgovIncHeader", "main/sample_menu/Intro"),
        ),
        "menu": ("shop.Menu", ()),
        "devPages": ("java.util.Set", ("dev/Index",)),
    }


def test_a_whitelisted_view_is_rendered_by_the_controller_the_list_is_injected_into(
    tree: Callable[[dict[str, str]], Path],
) -> None:
    files = {
        "src/main/resources/spring/context-whitelist.xml": WHITELIST.decode(),
        "src/main/java/cmm/web/PageLinkController.java": """package cmm.web;
            import java.util.List; import javax.annotation.Resource;
            public class PageLinkController {
                @Resource(name = "egovPageLinkWhitelist") protected List<String> whitelist;
                public String moveToPage(int linkIndex) { return whitelist.get(linkIndex); }
            }""",
        "src/main/webapp/WEB-INF/jsp/main/sample_menu/Intro.jsp": "<p>intro</p>",
        "src/main/webapp/WEB-INF/jsp/main/Other.jsp": "<p>other</p>",
    }
    model = ingest(tree(files), jobs=1)
    assert {p.path.rpartition("/")[2]: p.renderers for p in model.pages} == {
        "Intro.jsp": ("cmm.web.PageLinkController",),
        "Other.jsp": (),
    }


IDGEN = """<beans xmlns="http://www.springframework.org/schema/beans">
    <bean name="egovBBSMstrIdGnrService" class="org.egovframe.rte.fdl.idgnr.impl.EgovTableIdGnrServiceImpl">
        <property name="dataSource" ref="egov.dataSource"/>
        <property name="table" value="comtecopseq"/>
        <property name="tableName" value="BBS_ID"/>
    </bean>
    <bean name="odd" class="x.Gen"><property name="table" value="${seq.table}"/></bean>
    <bean name="qualified" class="x.Gen"><property name="table" value="egov.ids"/></bean>
    <bean name="nested" class="x.Gen">
        <property name="table"><value>SEQ2</value></property>
        <property name="inner"><bean class="x.Inner"><property name="table" value="SEQ3"/></bean>
        </property>
    </bean>
</beans>"""


def test_a_table_id_generator_bean_writes_its_table_for_the_class_it_is_injected_into(
    tree: Callable[[dict[str, str]], Path],
) -> None:
    beans = {b.id: b.tables for b in read("context-idgn.xml", IDGEN.encode()).beans}
    assert beans == {
        "egovBBSMstrIdGnrService": ("COMTECOPSEQ",),
        "odd": (),
        "qualified": ("IDS",),  # named as in SQL: last segment, upper case
        "nested": ("SEQ2",),  # not the inner bean's table
    }
    files = {
        "src/main/resources/spring/context-idgn.xml": IDGEN,
        "src/main/java/bbs/BbsServiceImpl.java": """package bbs;
            import javax.annotation.Resource;
            public class BbsServiceImpl {
                @Resource(name = "egovBBSMstrIdGnrService") private IdGen idgenService;
            }""",
        "src/main/java/bbs/IdGen.java": "package bbs; public interface IdGen { }",
    }
    model = ingest(tree(files), jobs=1)
    assert [(a.source, a.table, a.access.value, a.generated) for a in model.table_accesses] == [
        ("bbs.BbsServiceImpl", "COMTECOPSEQ", "write", True)
    ]
    # the bean is declared, in XML, of a library class: no "matches no bean" note
    assert not [d for d in model.diagnostics if d.code == "spring.unknown-bean"]


def test_a_table_id_generator_configured_in_java_writes_its_table_too(
    tree: Callable[[dict[str, str]], Path],
) -> None:
    """eGovFrame's Spring Boot template declares its ID generators as ``@Bean`` methods;
    services take them by ``@Resource(name)`` or by a constructor parameter of the bean's name."""
    files = {
        "src/main/java/cfg/IdGenConfig.java": """package cfg;
            @Configuration public class IdGenConfig {
                @Bean(destroyMethod = "destroy") Gen egovBBSMstrIdGnrService() {
                    return new Builder().setBlockSize(10).setTable("IDS").setTableName("BBS_ID").build();
                }
                @Bean(name = "egovNttIdGnrService") Gen ntt() {
                    Gen g = new Gen(); g.setTable("comtecopseq"); return g;
                }
                @Bean Gen other() { return new Gen(); }
            }""",
        "src/main/java/bbs/BbsServiceImpl.java": """package bbs;
            import javax.annotation.Resource;
            public class BbsServiceImpl {
                @Resource(name = "egovBBSMstrIdGnrService") private IdGen idgenService;
            }""",
        "src/main/java/bbs/NttServiceImpl.java": """package bbs;
            @RequiredArgsConstructor public class NttServiceImpl {
                private final IdGen egovNttIdGnrService;
                private final IdGen other;
            }""",
        "src/main/java/bbs/IdGen.java": "package bbs; public interface IdGen { }",
    }
    model = ingest(tree(files), jobs=1)
    assert [(a.source, a.table, a.access.value, a.generated) for a in model.table_accesses] == [
        ("bbs.BbsServiceImpl", "IDS", "write", True),
        ("bbs.NttServiceImpl", "COMTECOPSEQ", "write", True),
    ]


def test_a_qualifier_names_the_id_generator_bean_injected(
    tree: Callable[[dict[str, str]], Path],
) -> None:
    """Spring takes ``@Qualifier("id")`` (JSR-330: ``@Named("id")``) on a field or constructor
    parameter for the bean's id, whatever the variable is called (eGovFrame's MSA common
    components: ``@Qualifier("egovBoardIdGnrService") private final EgovIdGnrService
    boardIdGnrService;`` filled by Lombok's or a written constructor)."""
    files = {
        "src/main/resources/spring/context-idgn.xml": IDGEN,
        "src/main/java/bbs/LombokServiceImpl.java": """package bbs;
            @Service @RequiredArgsConstructor public class LombokServiceImpl {
                @Qualifier("egovBBSMstrIdGnrService") private final IdGen bbsIdGnrService;
            }""",
        "src/main/java/bbs/CtorServiceImpl.java": """package bbs;
            @Service public class CtorServiceImpl {
                private final IdGen ids;
                public CtorServiceImpl(@Qualifier("qualified") IdGen ids) { this.ids = ids; }
            }""",
        "src/main/java/bbs/NamedServiceImpl.java": """package bbs;
            public class NamedServiceImpl {
                @Inject @Named("nested") private IdGen gen;
                @Inject @Named private IdGen qualified;
            }""",
        "src/main/java/bbs/IdGen.java": "package bbs; public interface IdGen { }",
    }
    model = ingest(tree(files), jobs=1)
    assert sorted((a.source, a.table) for a in model.table_accesses) == [
        ("bbs.CtorServiceImpl", "IDS"),
        ("bbs.LombokServiceImpl", "COMTECOPSEQ"),
        ("bbs.NamedServiceImpl", "IDS"),  # @Named with no value: the field's name
        ("bbs.NamedServiceImpl", "SEQ2"),
    ]


def test_broken_xml_gives_a_diagnostic_with_its_line() -> None:
    facts = read("bad.xml", b"<mapper namespace='x'>\n<select id='a'>\n</mapper>")
    (d,) = facts.diagnostics
    assert d.code == "xml.parse-error" and d.source.line == 3


def test_an_xml_template_is_noted_not_reported_broken() -> None:
    """A Spring configuration generated from a FreeMarker template."""
    template = b"""<?xml version="1.0"?>\n<beans id="${n}">\n<#list users as u>
<bean id="${u.id}"/>\n</#list>\n</beans>"""
    (d,) = read("templates/beans.xml", template).diagnostics
    assert (d.code, d.severity.value, d.source.line) == ("xml.template", "info", 3)


def test_xml_of_no_kind_read_is_not_even_parsed() -> None:
    """JForum's API responses are FreeMarker templates with an .xml name; Java Pet Store's
    sample data names external DTD entities; an Ant build file is no configuration read."""
    jforum = b"""<?xml version="1.0"?>\n<users total="${n}">\n<#list users as u>
<user id="${u.id}"/>\n</#list>\n</users>"""
    data = b"""<?xml version="1.0" encoding="UTF-8"?>
<!-- sample data -->
<!DOCTYPE Populate [<!ENTITY Users SYSTEM "Users.xml"> <!ENTITY % d SYSTEM "x.dtd"> %d;]>
<Populate>&Users;</Populate>"""
    for path, text in (
        ("api/users.xml", jforum),
        ("Populate.xml", data),
        ("build.xml", b"<project"),
    ):
        facts = read(path, text)
        assert not facts.diagnostics and not facts.kinds
    # a broken file whose root cannot be told is still reported
    assert read("x.xml", b"<!-- unclosed <beans>").diagnostics[0].code == "xml.parse-error"


def test_entity_expansion_bomb_is_refused() -> None:
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<mapper namespace="x">&lol2;</mapper>"""
    facts = read("bomb.xml", bomb)
    assert facts.diagnostics[0].code == "xml.parse-error" and not facts.statements
    assert "refused" in facts.diagnostics[0].message


def test_external_entities_are_never_read_and_the_document_is_read_without_them() -> None:
    """77 of DHIS2's Hibernate mappings share a fragment of properties through an external
    entity: refused whole, their entities had no table."""
    xxe = b"""<?xml version="1.0"?>
<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><mapper namespace="x">
<select id="a">SELECT &x; FROM T</select></mapper>"""
    facts = read("xxe.xml", xxe)
    (note,) = facts.diagnostics
    assert note.code == "xml.external-entity" and note.severity.value == "info"
    assert [s.reads for s in facts.statements] == [("T",)]  # nothing fetched
    hbm = b"""<?xml version="1.0"?>
<!DOCTYPE hibernate-mapping PUBLIC
  "-//Hibernate/Hibernate Mapping DTD 3.0//EN"
  "http://www.hibernate.org/dtd/hibernate-mapping-3.0.dtd"
  [<!ENTITY identifiableProperties SYSTEM "classpath://org/x/identifiableProperties.hbm">
   <!-- shared by every mapping -->
   <!ENTITY audit PUBLIC "-//x//audit" "audit.hbm">]
  >
<hibernate-mapping>
  <class name="org.x.Report" table="report">
    <id name="id" column="reportid"/>
    &identifiableProperties;&audit;
  </class>
  <query name="Report.all">from Report</query>
</hibernate-mapping>"""
    facts = read("Report.hbm.xml", hbm)
    assert [(e.cls, e.table) for e in facts.entities] == [("org.x.Report", "REPORT")]
    assert facts.diagnostics[0].message.endswith("identifiableProperties, audit")
    assert facts.named_queries[0][:2] == ("Report.all", "from Report")
    # comments in the subset, one holding "]" (review: a regular expression had backtracked
    # exponentially on them), and DOCTYPEs inside a comment (each had been stripped by one more
    # recursive parse, up to a RecursionError that stopped the whole run)
    noted = (
        '<?xml version="1.0"?>\n<!DOCTYPE mapper [\n<!ENTITY common SYSTEM "common.xml">\n'
        + "<!-- note -->\n" * 60
        + '<!-- see [1] -->\n]>\n<mapper namespace="a.B"><select id="s">SELECT * FROM T'
        "</select></mapper>"
    )
    nested = (
        "<!-- " + '<!DOCTYPE x [<!ENTITY e SYSTEM "f">]>' * 600 + " -->\n"
        '<!DOCTYPE m [<!ENTITY e SYSTEM "f">]><mapper namespace="a.B"><select id="s">'
        "SELECT * FROM T</select></mapper>"
    )
    for text in (noted, nested):
        facts = read("m.xml", text.encode())
        assert [d.code for d in facts.diagnostics] == ["xml.external-entity"]
        assert [s.reads for s in facts.statements] == [("T",)]
    broken = read(
        "b.xml", b'<!DOCTYPE m [\n<!ENTITY p SYSTEM "x">\n]>\n<mapper namespace="x">&p;</b>'
    )
    (error,) = broken.diagnostics  # still broken without them: said, at its own line
    assert error.code == "xml.parse-error" and error.source.line == 4
    for mixed in (  # an internal entity beside the external one stays refused whole
        b'<!DOCTYPE m [<!ENTITY x SYSTEM "a.xml"><!ENTITY y "yy">]><mapper namespace="x"/>',
        b'<!DOCTYPE m [<!ENTITY x SYSTEM "a.xml"><!ATTLIST m a CDATA "1">]><mapper/>',
    ):
        (error,) = read("mixed.xml", mixed).diagnostics
        assert error.code == "xml.parse-error" and "refused" in error.message


@given(st.binary(max_size=300))
def test_any_bytes_never_raise(data: bytes) -> None:
    read("fuzz.xml", data)


@given(st.text(alphabet="<>/=\"' abcmapperselectid&;!-?[]", max_size=200))
def test_xml_like_text_never_raises(text: str) -> None:
    read("fuzz.xml", text.encode("utf-8"))


_VALUE = st.text(alphabet="abc./*{}1 :-_", max_size=20)


@given(
    st.sampled_from(["tiles-definitions", "component-definitions", "entity-mappings", "struts"]),
    st.lists(st.tuples(_VALUE, _VALUE, _VALUE), max_size=5),
)
def test_tiles_orm_and_struts_documents_with_any_values_never_raise(
    root: str, items: list[tuple[str, str, str]]
) -> None:
    body = "".join(
        f'<definition name="{a}" template="{b}"><put-attribute name="x" value="{c}"/></definition>'
        f'<entity class="{a}" name="{b}"><table name="{c}"/></entity>'
        f'<package name="p" namespace="{a}"><action name="{b}" class="{c}" method="{a}">'
        f"<allowed-methods>{b},{c}</allowed-methods><result>{a}</result></action></package>"
        for a, b, c in items
    )
    facts = read("fuzz.xml", f"<{root}>{body}</{root}>".encode())
    assert not [d for d in facts.diagnostics if d.severity.value == "error"]


def mapper(body: str, encoding: str = "UTF-8") -> bytes:
    text = (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<mapper namespace="m">\n{body}\n</mapper>'
    )
    return text.encode("utf-8" if encoding == "UTF-8" else encoding)


def test_dynamic_tags_become_parseable_sql() -> None:
    body = """<update id="u">UPDATE BOARD <set><if test="a">A = #{a},</if><if test="b">B = #{b},</if></set>
      <where><if test="x">AND X = #{x}</if><foreach collection="ids" item="i" open="AND ID IN (" separator="," close=")">#{i}</foreach></where></update>
    <select id="s">SELECT * FROM ART <trim prefix="WHERE" prefixOverrides="AND |OR "><if test="y">OR Y IN (SELECT Y FROM CODES)</if></trim></select>
    <select id="ib">SELECT * FROM ITEMS <dynamic prepend="WHERE"><isNotEmpty prepend="AND" property="a">A = #a#</isNotEmpty><iterate prepend="AND" property="ids" open="ID IN (" close=")" conjunction=",">#ids[]#</iterate></dynamic></select>"""
    facts = read("m_SQL_oracle.xml", mapper(body))
    by = {s.id: s for s in facts.statements}
    assert by["m.u"].writes == ("BOARD",)
    assert by["m.s"].reads == ("ART", "CODES")
    assert by["m.ib"].reads == ("ITEMS",)
    assert facts.parsed_by == {"sqlglot": 3}


def test_thousand_nested_ifs_are_read() -> None:
    body = '<select id="deep">SELECT * FROM DEEP WHERE 1 = 1 ' + '<if test="x">' * 1000
    body += "AND X = 1" + "</if>" * 1000 + "</select>"
    facts = read("deep.xml", mapper(body))
    assert facts.statements[0].reads == ("DEEP",) and not facts.diagnostics


def test_deeply_nested_where_tags_are_read() -> None:
    body = '<select id="deep">SELECT * FROM DEEP ' + "<where>" * 3000
    body += "AND X IN (SELECT X FROM INNER_T)" + "</where>" * 3000 + "</select>"
    facts = read("deep.xml", mapper(body))
    assert facts.statements[0].reads == ("DEEP", "INNER_T")


def test_includes_that_fan_out_are_bounded() -> None:
    frags = [
        f'<sql id="f{i}"><include refid="f{i + 1}"/> , <include refid="f{i + 1}"/></sql>'
        for i in range(30)
    ]
    frags.append('<sql id="f30">COL_A</sql><sql id="loop"><include refid="loop"/> X</sql>')
    body = (
        "\n".join(frags)
        + '<select id="s">SELECT <include refid="f0"/> FROM FAN <include refid="loop"/></select>'
    )
    facts = read("fan.xml", mapper(body))
    (s,) = facts.statements
    assert s.reads == ("FAN",)
    assert [d.code for d in facts.diagnostics] == ["xml.include-limit"]


def test_fragments_from_the_own_namespace_and_small_fan_out_expand_fully() -> None:
    body = '<sql id="t">FROM SHARED</sql><sql id="c">A, B</sql><select id="s">SELECT <include refid="c"/>, <include refid="m.c"/> <include refid="t"/></select>'
    facts = read("inc.xml", mapper(body))
    assert facts.statements[0].reads == ("SHARED",) and not facts.diagnostics


def test_fifty_thousand_single_quoted_ids_get_their_lines() -> None:
    body = "\n".join(f"<select id='s{i}'>SELECT * FROM T{i % 7}</select>" for i in range(50_000))
    facts = read("many.xml", mapper(body))
    assert len(facts.statements) == 50_000
    assert facts.statements[-1].source.line == 50_002


def test_euc_kr_mapper_with_stray_bytes_keeps_its_tables_and_says_so() -> None:
    data = mapper("<!-- 게시판 --><select id='s'>SELECT * FROM 게시판_TB, BBS</select>", "EUC-KR")
    data = data.replace(b"<select", b"\xff\xfe<select", 1)
    facts = read("Bbs_SQL_oracle.xml", data)
    assert facts.statements[0].reads == ("BBS", "게시판_TB")
    assert [d.code for d in facts.diagnostics] == ["xml.lossy-decoding"]


def test_tiles_definitions_stand_for_the_pages_they_put_not_their_shared_layout() -> None:
    import xml.etree.ElementTree as ET

    from msadecomp.ingest.web_config import read_tiles

    tiles2 = ET.fromstring(
        """<tiles-definitions>
            <definition name="base" template="/WEB-INF/layouts/default.jsp">
                <put-attribute name="header" value="/WEB-INF/views/header.jsp"/>
            </definition>
            <definition name="order/list" extends="base">
                <put-attribute name="content" value="/WEB-INF/views/order/list.jsp"/>
                <put-attribute name="title" value="Orders"/>
            </definition>
            <definition name="bare" template="/WEB-INF/layouts/bare.jsp"/>
            <definition name="*/*" extends="base">
                <put-attribute name="content" value="/WEB-INF/views/{1}/{2}.jsp"/>
            </definition>
        </tiles-definitions>"""
    )
    assert read_tiles("tiles.xml", tiles2) == {
        "base": ("/WEB-INF/views/header.jsp",),
        "order/list": ("/WEB-INF/views/order/list.jsp",),  # a title is no page
        "bare": ("/WEB-INF/layouts/bare.jsp",),  # puts nothing: its template stands for it
    }  # the wildcard definition is left to view-name matching
    struts1 = ET.fromstring(
        """<component-definitions>
            <definition name="cart.view" path="/layout.jsp">
                <put name="body" value="/cart/view.jsp"/>
            </definition>
        </component-definitions>"""
    )
    assert read_tiles("tiles-defs.xml", struts1) == {"cart.view": ("/cart/view.jsp",)}


def test_an_odd_declared_encoding_never_crashes() -> None:
    for encoding in ("undefined", "punycode", "rot13", "idna"):
        doc = (
            f'<?xml version="1.0" encoding="{encoding}"?><beans><bean id="a" class="x.Y"/></beans>'
        )
        assert [b.cls for b in read("beans.xml", doc.encode()).beans] == ["x.Y"]

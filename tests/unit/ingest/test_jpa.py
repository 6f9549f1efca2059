"""JPA entities, Spring Data repositories and query annotations map classes to tables."""

from pathlib import Path

from msadecomp.ingest import ingest
from msadecomp.model import Access, CodeModel

FILES = {
    "Article.java": """package blog;
        @Entity @Table(name = "tb_article")
        public class Article { @Id private Long id; }""",
    "Author.java": """package blog;
        @Entity public class Author { @Id private Long id; }""",
    "ArticleRepository.java": """package blog;
        import org.springframework.data.jpa.repository.JpaRepository;
        public interface ArticleRepository extends JpaRepository<Article, Long> {
            @Query("select a from Author a where a.id = ?1")
            java.util.List<Author> authorsOf(Long id);
        }""",
    "StatsMapper.java": """package blog;
        @Mapper public interface StatsMapper {
            @Select("SELECT COUNT(*) FROM TB_VISIT WHERE day = #{day}")
            int visits(String day);
        }""",
}


def ingested(root: Path, files: dict[str, str]) -> CodeModel:
    """The code model of ``files`` (name -> Java source) written under ``root``."""
    for name, text in files.items():
        (root / name).write_text(text)
    return ingest(root, jobs=1)


def test_entities_repositories_and_query_annotations(tmp_path: Path) -> None:
    model = ingested(tmp_path, FILES)
    types = {t.fqn: t for t in model.types}
    assert types["blog.Article"].entity_table == "TB_ARTICLE"
    assert types["blog.Author"].entity_table == "AUTHOR"
    got = {(a.source.rpartition(".")[2], a.table, a.access) for a in model.table_accesses}
    assert ("Article", "TB_ARTICLE", Access.WRITE) in got
    assert ("ArticleRepository", "TB_ARTICLE", Access.READ) in got
    assert ("ArticleRepository", "TB_ARTICLE", Access.WRITE) in got
    assert ("ArticleRepository", "AUTHOR", Access.READ) in got  # JPQL entity name -> table
    assert ("StatsMapper", "TB_VISIT", Access.READ) in got
    assert {t.name for t in model.tables} == {"TB_ARTICLE", "AUTHOR", "TB_VISIT"}


def test_a_dao_filling_in_the_applications_generic_dao_keeps_its_entitys_table(
    tmp_path: Path,
) -> None:
    """PublicCMS: ``SysUserDao extends BaseDao<SysUser>`` writes no query of its own; the
    generic base's queries read and write the entity's table on its behalf. A generic class
    not named as a DAO (``Page<T>``) passes nothing on."""
    files = {
        "SysUser.java": """package cms;
            @Entity @Table(name = "sys_user") public class SysUser { @Id private Long id; }""",
        "BaseDao.java": """package cms;
            public abstract class BaseDao<E> { public E getEntity(Long id) { return null; } }""",
        "SysUserDao.java": """package cms;
            @Repository public class SysUserDao extends BaseDao<SysUser> { }""",
        "Page.java": "package cms; public class Page<T> { }",
        "UserPage.java": "package cms; public class UserPage extends Page<SysUser> { }",
    }
    model = ingested(tmp_path, files)
    got = {
        (a.source, a.access.value, a.via) for a in model.table_accesses if a.table == "SYS_USER"
    }
    assert got == {
        ("cms.SysUser", "write", "JPA entity"),
        ("cms.SysUserDao", "read", "generic DAO BaseDao"),
        ("cms.SysUserDao", "write", "generic DAO BaseDao"),
    }


def test_hibernates_table_annotation_adds_to_the_jpa_table_it_does_not_rename_it(
    tmp_path: Path,
) -> None:
    """OpenKM writes Hibernate's ``@Table(appliesTo = ...)`` (indexes, comments) after the JPA
    ``@Table(name = ...)``; the entity still maps ``OKM_ACTIVITY``, not ``ACTIVITY``."""
    files = {
        "Activity.java": """package okm;
            @Entity
            @Table(name = "OKM_ACTIVITY")
            @org.hibernate.annotations.Table(appliesTo = "OKM_ACTIVITY",
                indexes = {@Index(name = "IDX_ACTIVITY_DATE", columnNames = {"ACT_DATE"})})
            public class Activity { @Id private Long id; }""",
        "Note.java": """package okm;
            @Entity
            @org.hibernate.annotations.Table(appliesTo = "OKM_NOTE", comment = "notes")
            @Table(name = "OKM_NOTE")
            public class Note { @Id private Long id; }""",
    }
    types = {t.fqn: t for t in ingested(tmp_path, files).types}
    assert types["okm.Activity"].entity_table == "OKM_ACTIVITY"
    assert types["okm.Note"].entity_table == "OKM_NOTE"


def test_entity_manager_and_hibernate_session_calls_read_and_write_the_entity_tables(
    tmp_path: Path,
) -> None:
    files = {
        "Order.java": """package shop;
            @Entity @Table(name = "ORDER1") public class Order { @Id private Long id; }""",
        "Customer.java": """package shop;
            @Entity public class Customer { @Id private String id; }""",
        "CartBean.java": """package shop;
            import javax.persistence.EntityManager;
            @Stateful public class CartBean {
                @PersistenceContext private EntityManager em;
                public Order checkout(String customerId) {
                    Customer c = em.find(Customer.class, customerId);
                    Order order = new Order();
                    em.persist(order);
                    return order;
                }
            }""",
        "HibernateOrderDao.java": """package shop;
            public class HibernateOrderDao extends HibernateDaoSupport {
                public void store(Order order) { getSession().saveOrUpdate(order); }
                public void note(Order order) { log.info(order); audit.save(order); }
            }""",
    }
    model = ingested(tmp_path, files)
    got = {
        (a.source.rpartition(".")[2], a.table, a.access, a.via)
        for a in model.table_accesses
        if a.source != "shop.Order" and a.source != "shop.Customer"
    }
    assert got == {
        ("CartBean", "CUSTOMER", Access.READ, "em.find"),
        ("CartBean", "ORDER1", Access.WRITE, "em.persist"),
        ("HibernateOrderDao", "ORDER1", Access.WRITE, "getSession().saveOrUpdate"),
    }  # audit.save(order) is no session: audit's type is unknown


def test_mybatis_plus_entities_and_mappers_map_their_tables(tmp_path: Path) -> None:
    """``@TableName`` maps an entity (by default to its snake_case name); a mapper inherits CRUD
    on its entity's table from ``BaseMapper``, also through the application's own generic
    base. An application interface merely named ``BaseMapper`` (eladmin's MapStruct converter
    base) is no store."""
    files = {
        "SysUser.java": """package sys;
            import com.baomidou.mybatisplus.annotation.TableName;
            @TableName("sys_user") public class SysUser { private Long userId; }""",
        "SysUserPost.java": """package sys;
            @TableName(autoResultMap = true) public class SysUserPost { private Long postId; }""",
        "BaseMapperPlus.java": """package core;
            import com.baomidou.mybatisplus.core.mapper.BaseMapper;
            public interface BaseMapperPlus<T, V> extends BaseMapper<T> { }""",
        "SysUserMapper.java": """package sys;
            import core.BaseMapperPlus;
            public interface SysUserMapper extends BaseMapperPlus<SysUser, SysUserVo> { }""",
        "SysUserPostMapper.java": """package sys;
            import com.baomidou.mybatisplus.core.mapper.BaseMapper;
            public interface SysUserPostMapper extends BaseMapper<SysUserPost> { }""",
        "BaseMapper.java": """package conv;
            public interface BaseMapper<D, E> { D toDto(E entity); }""",
        "UserConverter.java": """package conv;
            public interface UserConverter extends BaseMapper<sys.SysUser, sys.SysUser> { }""",
    }
    model = ingested(tmp_path, files)
    types = {t.fqn: t for t in model.types}
    assert types["sys.SysUser"].entity_table == "SYS_USER"
    assert types["sys.SysUserPost"].entity_table == "SYS_USER_POST"
    assert types["sys.SysUser"].stereotype == "entity"
    got = {(a.source.rpartition(".")[2], a.table, a.access, a.via) for a in model.table_accesses}
    assert ("SysUser", "SYS_USER", Access.WRITE, "MyBatis-Plus entity") in got
    assert ("SysUserMapper", "SYS_USER", Access.WRITE, "MyBatis-Plus mapper") in got
    assert ("SysUserPostMapper", "SYS_USER_POST", Access.READ, "MyBatis-Plus mapper") in got
    assert not any(source == "UserConverter" for source, *_ in got)


def test_generic_mybatis_mappers_keep_the_declared_table_their_class_is_named_for(
    tmp_path: Path,
) -> None:
    """OneBlog: ``SysConfigMapper extends BaseMapper<SysConfig>``, its own generic base over
    tk.mybatis's ``Mapper<T>``; ``SysConfig`` has no mapping annotation and is stored in
    ``sys_config``, the default name. Without that table in the DDL nothing is invented, and an
    application interface merely named ``Mapper`` is no generic mapper, nor the application's
    own generic DAO one."""
    files = {
        "schema.sql": "CREATE TABLE sys_config (id BIGINT);\nCREATE TABLE biz_tags (id BIGINT);",
        "SysConfig.java": "package blog; public class SysConfig { private Long id; }",
        "BizTags.java": "package blog; public class BizTags { private Long id; }",
        "SysLog.java": "package blog; public class SysLog { private Long id; }",
        "BaseMapper.java": """package plugin;
            import tk.mybatis.mapper.common.Mapper;
            import tk.mybatis.mapper.common.MySqlMapper;
            public interface BaseMapper<T> extends Mapper<T>, MySqlMapper<T> { }""",
        "SysConfigMapper.java": """package blog;
            import plugin.BaseMapper;
            public interface SysConfigMapper extends BaseMapper<SysConfig> { }""",
        "SysLogMapper.java": """package blog;
            public interface SysLogMapper extends plugin.BaseMapper<SysLog> { }""",
        "Mapper.java": "package conv; public interface Mapper<T> { T copy(T t); }",
        "BizTagsMapper.java": """package conv;
            public interface BizTagsMapper extends Mapper<blog.BizTags> { }""",
        # JeeSite: the application's generic DAO runs the SQL of each DAO's own mapper XML
        "CrudDao.java": "package core; public interface CrudDao<T> { T get(String id); }",
        "BizTagsDao.java": """package blog;
            public interface BizTagsDao extends core.CrudDao<BizTags> { }""",
    }
    model = ingested(tmp_path, files)
    got = {(a.source.rpartition(".")[2], a.table, a.access) for a in model.table_accesses}
    assert got == {
        ("SysConfigMapper", "SYS_CONFIG", Access.READ),
        ("SysConfigMapper", "SYS_CONFIG", Access.WRITE),
    }


def test_generic_mybatis_mappers_by_any_import_and_jpa_table_names(tmp_path: Path) -> None:
    """tk.mybatis reads the table of a class from JPA's ``@Table(name)`` without ``@Entity``;
    its mappers come imported on demand or from its sub-packages (``special``,
    ``base.select``)."""
    files = {
        "schema.sql": (
            "CREATE TABLE sys_user (id BIGINT);\nCREATE TABLE user_info (id BIGINT);\n"
            "CREATE TABLE biz_type (id BIGINT);\nCREATE TABLE sys_config (id BIGINT);"
        ),
        "UserInfo.java": """package blog;
            import javax.persistence.Table;
            @Table(name = "sys_user") public class UserInfo { private Long id; }""",
        "UserInfoMapper.java": """package blog;
            import tk.mybatis.mapper.common.*;
            public interface UserInfoMapper extends Mapper<UserInfo> { }""",
        "BizType.java": "package blog; public class BizType { private Long id; }",
        "BizTypeMapper.java": """package blog;
            import tk.mybatis.mapper.common.special.InsertListMapper;
            import tk.mybatis.mapper.common.base.select.SelectByPrimaryKeyMapper;
            public interface BizTypeMapper
                extends InsertListMapper<BizType>, SelectByPrimaryKeyMapper<BizType> { }""",
        "SysConfig.java": "package blog; public class SysConfig { private Long id; }",
        "SysConfigMapper.java": """package blog;
            public interface SysConfigMapper extends tk.mybatis.mapper.common.Mapper<SysConfig> {}""",
        "AbstractConnection.java": """package blog;
            import javax.persistence.*;
            @MappedSuperclass @Table(name = "sys_user")
            public abstract class AbstractConnection { private Long id; }""",
    }
    model = ingested(tmp_path, files)
    got = {(a.source.rpartition(".")[2], a.table, a.via) for a in model.table_accesses}
    assert ("UserInfoMapper", "SYS_USER", "generic MyBatis mapper") in got
    assert ("UserInfo", "SYS_USER", "JPA @Table class") in got
    assert not any(table == "USER_INFO" for _, table, _ in got)
    assert not any(source == "AbstractConnection" for source, _, _ in got)  # a superclass
    assert {(s, t) for s, t, _ in got if s.endswith("Mapper")} == {
        ("UserInfoMapper", "SYS_USER"),
        ("BizTypeMapper", "BIZ_TYPE"),
        ("SysConfigMapper", "SYS_CONFIG"),
    }


def test_spring_data_jdbc_and_r2dbc_entities_and_repositories_map_their_tables(
    tmp_path: Path,
) -> None:
    """Spring Data JDBC and R2DBC entities carry ``@Table`` without ``@Entity`` (named, or after
    the snake_case class name); their reactive repositories store them. eGovFrame's MSA
    template's reservation tables had been unreferenced and its three reservation services
    owned none. A ``@Table`` of no Spring Data import maps nothing."""
    files = {
        "ReserveItem.java": """package rsv;
            import org.springframework.data.relational.core.mapping.Table;
            @Table("reserve_item") public class ReserveItem { Long id; }""",
        "Location.java": """package rsv;
            import org.springframework.data.relational.core.mapping.*;
            @Table public class Location { Long id; }""",
        "ReserveSlot.java": """package rsv;
            import org.springframework.data.relational.core.mapping.Table;
            @Table public class ReserveSlot { Long id; }""",
        "ReserveSlotRepository.java": """package rsv;
            import org.springframework.data.repository.reactive.ReactiveSortingRepository;
            public interface ReserveSlotRepository
                    extends ReactiveSortingRepository<ReserveSlot, Long> {}""",
        "ReserveRepository.java": """package rsv;
            import org.springframework.data.repository.ListPagingAndSortingRepository;
            public interface ReserveRepository
                    extends ListPagingAndSortingRepository<Reserve, String> {}""",
        "Reserve.java": """package rsv;
            @org.springframework.data.relational.core.mapping.Table(name = "reserve")
            public class Reserve { String id; }""",
        "Sheet.java": """package rsv;
            @Table(name = "sheet") public class Sheet { String id; }""",
        "ReserveItemRepository.java": """package rsv;
            import org.springframework.data.r2dbc.repository.R2dbcRepository;
            public interface ReserveItemRepository extends R2dbcRepository<ReserveItem, Long> {}""",
        "LocationRepository.java": """package rsv;
            import org.springframework.data.repository.reactive.ReactiveCrudRepository;
            public interface LocationRepository extends ReactiveCrudRepository<Location, Long> {}""",
    }
    model = ingested(tmp_path, files)
    types = {t.simple_name: t for t in model.types}
    mapped = {n: (t.entity_table, t.stereotype) for n, t in types.items() if t.entity_table}
    assert mapped == {
        "ReserveItem": ("RESERVE_ITEM", "entity"),
        "Location": ("LOCATION", "entity"),
        "ReserveSlot": ("RESERVE_SLOT", "entity"),  # the snake_case class name
        "Reserve": ("RESERVE", "entity"),
    }
    got = {(a.source.rpartition(".")[2], a.table, a.access) for a in model.table_accesses}
    assert ("ReserveItemRepository", "RESERVE_ITEM", Access.WRITE) in got
    assert ("LocationRepository", "LOCATION", Access.READ) in got
    assert ("ReserveSlotRepository", "RESERVE_SLOT", Access.WRITE) in got
    assert ("ReserveRepository", "RESERVE", Access.WRITE) in got


def test_mongodb_documents_collections_templates_and_repositories(tmp_path: Path) -> None:
    """MongoDB collections count as tables: a Morphia ``@Entity("booking")`` or a Spring Data
    ``@Document`` (named or after its class) maps one; a class opening a collection by name
    reads and writes it; Morphia's datastore, Spring's template and a ``MongoRepository``
    reach their entity's collection. Without a MongoDB import ``@Document`` is some other
    store's (Elasticsearch's index) and ``@Entity`` stays JPA's."""
    files = {
        "Booking.java": """package air;
            import dev.morphia.annotations.Entity;
            @Entity("booking") public class Booking { String id; }""",
        "Flight.java": """package air;
            import org.mongodb.morphia.annotations.*;
            @Entity(value = "flight") public class Flight { String id; }""",
        "Passenger.java": """package air;
            import dev.morphia.annotations.*;
            @Entity(noClassnameStored = true) public class Passenger { String id; }""",
        "ReadHistory.java": """package air;
            import org.springframework.data.mongodb.core.mapping.Document;
            @Document public class ReadHistory { String id; }""",
        "Attention.java": """package air;
            import org.springframework.data.mongodb.core.mapping.Document;
            @Document(collection = "brand_attention") public class Attention { String id; }""",
        "EsProduct.java": """package air;
            import org.springframework.data.elasticsearch.annotations.Document;
            @Document(indexName = "pms") public class EsProduct { String id; }""",
        "Seat.java": """package air;
            import javax.persistence.Entity;
            @Entity(name = "SEAT_MAP") public class Seat { Long id; }""",
        "SessionStore.java": """package air;
            public class SessionStore {
                void init(com.mongodb.client.MongoDatabase db) {
                    db.getCollection("customerSession").drop(); } }""",
        "BookingService.java": """package air;
            import dev.morphia.Datastore;
            public class BookingService {
                Datastore datastore;
                Object one(String id) { return datastore.find(Booking.class).first(); } }""",
        "FlightService.java": """package air;
            import org.springframework.data.mongodb.core.MongoTemplate;
            public class FlightService {
                MongoTemplate mongoTemplate;
                Object all(Object query) { return mongoTemplate.find(query, Flight.class); }
                void add(Flight flight) { mongoTemplate.insert(flight); } }""",
        "HistoryRepository.java": """package air;
            import org.springframework.data.mongodb.repository.MongoRepository;
            public interface HistoryRepository extends MongoRepository<ReadHistory, String> {}""",
    }
    model = ingested(tmp_path, files)
    types = {t.simple_name: t for t in model.types}
    tables = {n: (t.entity_table, t.entity_mapping) for n, t in types.items() if t.entity_table}
    assert tables == {
        "Booking": ("booking", "MongoDB document"),
        "Flight": ("flight", "MongoDB document"),
        "Passenger": ("Passenger", "MongoDB document"),
        "ReadHistory": ("readHistory", "MongoDB document"),
        "Attention": ("brand_attention", "MongoDB document"),
        "Seat": ("SEAT_MAP", "JPA entity"),
    }
    assert {types[n].stereotype for n in tables} == {"entity"}
    assert types["EsProduct"].stereotype is None
    got = {(a.source.rpartition(".")[2], a.table, a.access, a.via) for a in model.table_accesses}
    assert ("SessionStore", "customerSession", Access.READ, "MongoDB collection") in got
    assert ("SessionStore", "customerSession", Access.WRITE, "MongoDB collection") in got
    assert ("BookingService", "booking", Access.READ, "datastore.find") in got
    assert ("FlightService", "flight", Access.READ, "mongoTemplate.find") in got
    assert ("FlightService", "flight", Access.WRITE, "mongoTemplate.insert") in got
    assert (
        "HistoryRepository",
        "readHistory",
        Access.WRITE,
        "Spring Data MongoDB repository",
    ) in got
    assert not any(source == "EsProduct" for source, *_ in got)


def test_named_queries_read_and_write_for_the_class_running_them(tmp_path: Path) -> None:
    """``em.createNamedQuery("Supplier.all")`` runs the query a ``@NamedQuery`` (also inside
    ``@NamedQueries``), an ``orm.xml`` ``<named-query>`` or a Hibernate ``<query>`` declares:
    the class running it reads or writes what the query does (PlantsByWebSphere's managers,
    Roller's 110 ``getNamedQuery`` calls)."""
    files = {
        "Supplier.java": """package shop;
            import javax.persistence.*;
            @Entity @Table(name = "SUPPLIERS")
            @NamedQueries({
                @NamedQuery(name = "Supplier.all", query = "SELECT s FROM Supplier s"),
                @NamedQuery(name = "Supplier.purge", query = "DELETE FROM Supplier s") })
            public class Supplier { Long id; }""",
        "Stock.java": """package shop;
            import javax.persistence.*;
            @Entity @Table(name = "STOCK") public class Stock { Long id; }""",
        "SupplierMgr.java": """package shop;
            import javax.persistence.EntityManager;
            public class SupplierMgr {
                EntityManager em;
                Object all() { return em.createNamedQuery("Supplier.all").getResultList(); }
                void purge() { em.createNamedQuery("Supplier.purge").executeUpdate(); } }""",
        "StockMgr.java": """package shop;
            public class StockMgr {
                Object strategy;
                Object low() { return query("Stock.low"); }
                Object query(String name) { return null; } }""",
        "AgeReport.java": """package shop;
            public class AgeReport {
                Object old(org.hibernate.Session s) { return s.getNamedQuery("Stock.old"); } }""",
        "orm.xml": """<entity-mappings xmlns="http://java.sun.com/xml/ns/persistence/orm">
            <named-query name="Stock.low"><query>SELECT s FROM Stock s WHERE s.n &lt; 3</query>
            </named-query></entity-mappings>""",
        "Stock.hbm.xml": """<hibernate-mapping>
            <query name="Stock.old">from Stock s where s.age &gt; 9</query>
            </hibernate-mapping>""",
    }
    model = ingested(tmp_path, files)
    got = {(a.source.rpartition(".")[2], a.table, a.access, a.via) for a in model.table_accesses}
    assert ("SupplierMgr", "SUPPLIERS", Access.READ, "named query Supplier.all") in got
    assert ("SupplierMgr", "SUPPLIERS", Access.WRITE, "named query Supplier.purge") in got
    assert ("StockMgr", "STOCK", Access.READ, "named query Stock.low") in got
    assert ("AgeReport", "STOCK", Access.READ, "named query Stock.old") in got
    assert not any(via == "embedded SQL" for *_, via in got)

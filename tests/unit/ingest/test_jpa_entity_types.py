"""An entity named by its class's full name or through the interface it implements, and JPA
Criteria roots, reach the entity's table (Broadleaf's ``Order``/``OrderImpl`` style)."""

from pathlib import Path

from msadecomp.ingest import ingest
from msadecomp.model import Access, CodeModel

ENTITIES = {
    "Order.java": "package shop; public interface Order { }",
    "OrderImpl.java": """package shop;
        import javax.persistence.*;
        @Entity @Table(name = "X_ORDER") public class OrderImpl implements Order { @Id Long id; }""",
    "Item.java": "package shop; public interface Item { }",
    "BookItem.java": """package shop;
        import javax.persistence.*;
        @Entity @Table(name = "X_BOOK") public class BookItem implements Item { @Id Long id; }""",
    "MusicItem.java": """package shop;
        import javax.persistence.*;
        @Entity @Table(name = "X_MUSIC") public class MusicItem implements Item { @Id Long id; }""",
    "OrderSummary.java": "package shop; public class OrderSummary { }",
}


def ingested(root: Path, dao: str, extra: dict[str, str] | None = None) -> CodeModel:
    (root / "shop").mkdir()
    for name, text in {**ENTITIES, "ShopDao.java": dao, **(extra or {})}.items():
        (root / "shop" / name).write_text(text)
    return ingest(root, jobs=1)


def accesses(model: CodeModel) -> set[tuple[str, Access, str]]:
    return {(a.table, a.access, a.via) for a in model.table_accesses if a.source == "shop.ShopDao"}


def test_jpql_naming_an_entity_by_its_full_name_reads_its_table(tmp_path: Path) -> None:
    """``FROM shop.OrderImpl o`` reads ``X_ORDER`` as ``FROM OrderImpl o`` does; so does the full
    name of an interface one entity implements (Hibernate's polymorphic query). The full name
    of an interface two entities' tables share, or of a class with no table, is no table."""
    dao = """package shop;
        public class ShopDao {
            String a = "SELECT o FROM shop.OrderImpl o WHERE o.id = :id";
            String b = "from shop.Order o where o.id = :id";
            String c = "SELECT i FROM shop.Item i LEFT JOIN i.owner w";
            String d = "SELECT s FROM shop.OrderSummary s";
        }"""
    model = ingested(tmp_path, dao)
    assert accesses(model) == {("X_ORDER", Access.READ, "embedded SQL")}
    assert {t.name for t in model.tables} == {"X_ORDER", "X_BOOK", "X_MUSIC"}


def test_an_orm_xml_named_query_on_a_full_name_with_join_paths(tmp_path: Path) -> None:
    dao = """package shop;
        public class ShopDao { javax.persistence.EntityManager em;
            Object all() { return em.createNamedQuery("READ_ORDERS").getResultList(); } }"""
    orm = """<?xml version="1.0"?>
        <entity-mappings xmlns="http://java.sun.com/xml/ns/persistence/orm" version="2.0">
          <named-query name="READ_ORDERS"><query>SELECT o FROM shop.Order o
            LEFT JOIN o.customer buyer LEFT OUTER JOIN buyer.allRoles r</query></named-query>
        </entity-mappings>"""
    (tmp_path / "META-INF").mkdir()
    (tmp_path / "META-INF" / "orm.xml").write_text(orm)
    model = ingested(tmp_path, dao)
    assert accesses(model) == {("X_ORDER", Access.READ, "named query READ_ORDERS")}
    assert {t.name for t in model.tables} == {"X_ORDER", "X_BOOK", "X_MUSIC"}


def test_entity_manager_writes_through_an_interface_one_entity_implements(
    tmp_path: Path,
) -> None:
    """``em.merge(order)`` of an ``Order`` writes ``OrderImpl``'s table; an ``Item`` that two
    entities of two tables implement says nothing of the table written."""
    dao = """package shop;
        import javax.persistence.*;
        public class ShopDao {
            @PersistenceContext EntityManager em;
            public Order save(Order order) { return em.merge(order); }
            public void drop(Order order) { em.remove(order); }
            public void keep(Item item) { em.persist(item); }
        }"""
    model = ingested(tmp_path, dao)
    assert accesses(model) == {("X_ORDER", Access.WRITE, "em.merge")}


def test_entity_manager_persist_through_the_interface(tmp_path: Path) -> None:
    dao = """package shop;
        import javax.persistence.*;
        public class ShopDao {
            @PersistenceContext EntityManager em;
            public void add(Order order) { em.persist(order); }
        }"""
    model = ingested(tmp_path, dao)
    assert accesses(model) == {("X_ORDER", Access.WRITE, "em.persist")}


def test_an_interface_whose_entities_share_one_table_resolves_to_it(tmp_path: Path) -> None:
    """A subclass entity without a ``@Table`` lives in its root's table (single-table
    inheritance): the interface still stands for that one table."""
    extra = {
        "SpecialOrder.java": """package shop;
            import javax.persistence.*;
            @Entity public class SpecialOrder extends OrderImpl { }""",
    }
    dao = """package shop;
        import javax.persistence.*;
        public class ShopDao {
            @PersistenceContext EntityManager em;
            public void drop(Order order) { em.remove(order); }
        }"""
    model = ingested(tmp_path, dao, extra)
    assert accesses(model) == {("X_ORDER", Access.WRITE, "em.remove")}


def test_a_criteria_query_root_reads_its_entitys_table(tmp_path: Path) -> None:
    """``criteria.from(OrderImpl.class)`` (or the one entity of an interface) reads the table;
    ``from`` of a class with no table reads nothing."""
    dao = """package shop;
        import javax.persistence.*;
        import javax.persistence.criteria.*;
        public class ShopDao {
            @PersistenceContext EntityManager em;
            public java.util.List<OrderImpl> all() {
                CriteriaBuilder cb = em.getCriteriaBuilder();
                CriteriaQuery<OrderImpl> criteria = cb.createQuery(OrderImpl.class);
                Root<OrderImpl> root = criteria.from(OrderImpl.class);
                criteria.from(OrderSummary.class);
                return em.createQuery(criteria).getResultList();
            }
        }"""
    counts = """package shop;
        import javax.persistence.criteria.*;
        public class OrderCounts {
            Long count(CriteriaBuilder cb, CriteriaQuery<Long> criteria) {
                Subquery<Long> sub = criteria.subquery(Long.class);
                sub.from(Order.class);
                criteria.from(Item.class);
                return null;
            }
        }"""
    model = ingested(tmp_path, dao, {"OrderCounts.java": counts})
    assert accesses(model) == {("X_ORDER", Access.READ, "criteria.from")}
    got = {(a.table, a.access, a.via) for a in model.table_accesses if "Counts" in a.source}
    assert got == {("X_ORDER", Access.READ, "sub.from")}


def test_a_dto_sharing_an_entitys_simple_name_leaves_its_table(tmp_path: Path) -> None:
    """``select new shop.dto.OrderImpl(...)`` names a DTO, not the entity the query reads: its
    full name, written where no entity stands, leaves ``from OrderImpl o`` its table."""
    dao = """package shop;
        public class ShopDao {
            String a = "select new shop.dto.OrderImpl(o.id) from OrderImpl o where o.id = :id";
        }"""
    (tmp_path / "dto").mkdir()
    (tmp_path / "dto" / "OrderImpl.java").write_text(
        "package shop.dto; public class OrderImpl { public OrderImpl(Long id) { } }"
    )
    model = ingested(tmp_path, dao)
    assert accesses(model) == {("X_ORDER", Access.READ, "embedded SQL")}

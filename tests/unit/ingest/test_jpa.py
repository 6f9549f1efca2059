"""JPA entities, Spring Data repositories and query annotations map classes to tables."""

from pathlib import Path

from msadecomp.ingest import ingest
from msadecomp.model import Access

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


def test_entities_repositories_and_query_annotations(tmp_path: Path) -> None:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text)
    model = ingest(tmp_path, jobs=1)
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
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    model = ingest(tmp_path, jobs=1)
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

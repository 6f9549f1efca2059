"""Classes a split cuts through: methods that work only on another service's data move there."""

from pathlib import Path

from msadecomp import Config, analyze
from msadecomp.decompose import Cluster, Decomposition
from msadecomp.ingest import ingest
from msadecomp.report.markdown import _method_moves, to_markdown
from msadecomp.report.method_moves import methods_to_move

ENTITY = """package app.{pkg};
@javax.persistence.Entity
public class {name} {{
    private String id;
    public String getId() {{ return id; }}
    public void setPrice(int p) {{ }}
}}
"""
FACADE = """package app.trade;
import app.quote.Quote;
import app.order.Order;
import app.util.Clock;
@javax.ejb.Stateless
public class TradeBean {
    private javax.persistence.EntityManager em;
    public Order buy(String symbol) {
        Order order = new Order();
        Quote quote = em.find(Quote.class, symbol);
        return order;
    }
    public Order sell(String id) { Order order = em.find(Order.class, id); return order; }
    public Quote createQuote(String symbol) { Quote q = new Quote(); em.persist(q); return q; }
    public void updateQuotePrice(Quote q) { q.setPrice(3); }
    public long now() { return Clock.millis(); }
    public Quote getQuote(String symbol) { Quote q = em.find(Quote.class, symbol); return q; }
}
"""
CLOCK = "package app.util;\npublic class Clock { public static long millis() { return 0; } }\n"


def _model(tmp_path: Path, facade: str = FACADE, entity_line: str = "@javax.persistence.Entity"):
    root = tmp_path / "src"
    for pkg, name in (("quote", "Quote"), ("order", "Order"), ("account", "Account")):
        path = root / "app" / pkg / f"{name}.java"
        path.parent.mkdir(parents=True)
        text = ENTITY.format(pkg=pkg, name=name).replace("@javax.persistence.Entity", entity_line)
        path.write_text(text)
    (root / "app" / "trade").mkdir()
    (root / "app" / "trade" / "TradeBean.java").write_text(facade)
    (root / "app" / "util").mkdir()
    (root / "app" / "util" / "Clock.java").write_text(CLOCK)
    return ingest(root, jobs=1)


def _split(kernel: tuple[str, ...] = ("app.util.Clock",)) -> Decomposition:
    return Decomposition(
        "leiden",
        1,
        1.0,
        (
            Cluster("trade", "trade", ("app.order.Order", "app.trade.TradeBean")),
            Cluster("quote", "quote", ("app.quote.Quote",)),
            Cluster("K", "shared-kernel", kernel, kernel=True),
        ),
        0.3,
    )


def test_a_facade_lists_the_methods_that_use_only_another_services_data(tmp_path: Path) -> None:
    moves = methods_to_move(_model(tmp_path), _split())
    assert moves == [
        {
            "class": "app.trade.TradeBean",
            "service": "trade",
            "to_service": "quote",
            # buy uses both services' data and stays; now uses only the kernel
            "methods": ["createQuote", "getQuote", "updateQuotePrice"],
            "kept": 2,
        }
    ]


def test_the_report_says_where_each_method_goes(tmp_path: Path) -> None:
    model = _model(tmp_path)
    report = {"methods_to_move": methods_to_move(model, _split())}
    lines = _method_moves(report, lambda s: s)
    assert lines[0] == "## Classes to split"
    assert (
        "| class | service | methods to move | move to | methods using its own service's data |"
        in lines
    )
    assert "| `TradeBean` | trade | createQuote, getQuote, updateQuotePrice | quote | 2 |" in lines


def test_one_method_for_another_service_is_no_reason_to_split(tmp_path: Path) -> None:
    facade = FACADE.replace(
        "    public void updateQuotePrice(Quote q) { q.setPrice(3); }\n", ""
    ).replace(
        "    public Quote getQuote(String symbol) { Quote q = em.find(Quote.class, symbol); "
        "return q; }\n",
        "",
    )
    assert methods_to_move(_model(tmp_path, facade), _split()) == []


def test_a_class_none_of_whose_methods_uses_its_own_service_is_not_cut(tmp_path: Path) -> None:
    # alone in its service, the facade is placed by its callers: a question of clustering
    alone = Decomposition(
        "leiden",
        1,
        1.0,
        (
            Cluster("trade", "trade", ("app.trade.TradeBean",)),
            Cluster("order", "order", ("app.order.Order",)),
            Cluster("quote", "quote", ("app.quote.Quote",)),
        ),
        0.3,
    )
    assert methods_to_move(_model(tmp_path), alone) == []


def test_a_method_using_two_other_services_moves_to_neither(tmp_path: Path) -> None:
    facade = FACADE.replace(
        "    public long now()",
        "    public Quote quoteFor(app.account.Account a) {\n"
        "        app.account.Account b = new app.account.Account(); return new Quote(); }\n"
        "    public void quoteAll() { app.account.Account b = new app.account.Account();\n"
        "        Quote q = new Quote(); }\n"
        "    public long now()",
    )
    three = _split()
    three = Decomposition(
        "leiden",
        1,
        1.0,
        (*three.clusters, Cluster("account", "account", ("app.account.Account",))),
        0.3,
    )
    (move,) = methods_to_move(_model(tmp_path, facade), three)
    assert move["methods"] == ["createQuote", "getQuote", "updateQuotePrice"]


def test_getters_of_a_value_class_are_no_methods_to_move(tmp_path: Path) -> None:
    # the same class, no bean nor persistence: a value object holding quotes
    facade = (
        FACADE.replace("@javax.ejb.Stateless\n", "")
        .replace("private javax.persistence.EntityManager em;", "private Object em;")
        .replace("em.persist(q);", "")
        .replace("em.find(Quote.class, symbol)", "null")
        .replace("em.find(Order.class, id)", "null")
    )
    assert methods_to_move(_model(tmp_path, facade), _split()) == []


def test_uses_of_a_class_that_is_no_data_do_not_count(tmp_path: Path) -> None:
    # Quote is no entity here: a plain class the quote service holds
    model = _model(tmp_path, entity_line="")
    assert methods_to_move(model, _split()) == []


def test_the_markdown_report_has_no_section_without_classes_to_split() -> None:
    assert "Classes to split" not in "\n".join(to_markdown(_minimal_report()).splitlines())


def _minimal_report() -> dict:  # type: ignore[type-arg]
    fixture = Path(__file__).resolve().parents[3] / "fixtures" / "egov-portal"
    report = analyze(fixture, Config(jobs=1)).report
    assert report["methods_to_move"] == []
    return report


def test_a_class_a_mapping_file_maps_is_an_entity_not_logic(tmp_path: Path) -> None:
    """DHIS2's ``DataSet`` is mapped by ``hbm.xml``, with no annotation: its getters of
    another service's entities are associations, no methods to move."""
    model = _model(tmp_path)
    hbm = tmp_path / "src" / "app" / "trade" / "TradeBean.hbm.xml"
    hbm.write_text(
        '<?xml version="1.0"?>\n<hibernate-mapping package="app.trade">'
        '<class name="TradeBean" table="TRADE"><id name="id"/></class></hibernate-mapping>'
    )
    assert methods_to_move(model, _split()) != []
    assert methods_to_move(ingest(tmp_path / "src", jobs=1), _split()) == []

"""A proposed service with no table, endpoint or view of its own is code its callers share: the
report says so, so the architect packages it as a library instead of deploying it."""

from msadecomp.decompose import Cluster, Decomposition
from msadecomp.model import (
    Access,
    CodeModel,
    Dependency,
    DepKind,
    Endpoint,
    JavaType,
    Page,
    SourceRef,
    Table,
    TableAccess,
    TypeKind,
)
from msadecomp.report import build_report
from msadecomp.report.diagrams import context_map
from msadecomp.report.html import to_html
from msadecomp.report.markdown import to_markdown

REF = SourceRef("x.java", 1)
PARAMS = {"algorithm": "louvain", "seed": 1, "resolution": 1.0, "services": None}
BOOKING, FLIGHT, MONGO = "a.booking.BookingRest", "a.flight.FlightStore", "a.mongo.Connections"
BROKER = "a.broker.TradeBroker"  # a message-driven bean: the container runs it on a message


def report() -> dict:  # type: ignore[type-arg]
    model = CodeModel(
        root="app",
        types=(
            *(JavaType(c, TypeKind.CLASS, REF) for c in (BOOKING, FLIGHT, MONGO)),
            JavaType(BROKER, TypeKind.CLASS, REF, annotations=("javax.ejb.MessageDriven",)),
            JavaType("a.jobs.SummaryJob", TypeKind.CLASS, REF),
            JavaType("a.db.AfterStateUpdateTrigger", TypeKind.CLASS, REF),
        ),
        dependencies=(
            Dependency(BOOKING, MONGO, DepKind.CALL, REF, "book->db"),
            Dependency(FLIGHT, MONGO, DepKind.CALL, REF, "find->db"),
        ),
        endpoints=(Endpoint("/bookings", "POST", f"{BOOKING}#book", REF),),
        tables=(Table("FLIGHT", REF),),
        table_accesses=(TableAccess(FLIGHT, "FLIGHT", Access.WRITE, REF),),
        # placed with the connection pool by its name only: no page of the pool's own
        pages=(Page("web/connections.html"),),
    )
    clusters = (
        Cluster("booking", "booking", (BOOKING,)),
        Cluster("flight", "flight", (FLIGHT,)),
        Cluster("mongo", "mongo", (MONGO,)),
        Cluster("broker", "broker", (BROKER,)),
        Cluster("jobs", "jobs", ("a.jobs.SummaryJob",)),
        Cluster("db", "db", ("a.db.AfterStateUpdateTrigger",)),
    )
    return build_report(model, Decomposition("louvain", 1, 1.0, clusters, 0.4), PARAMS, "t")


def test_only_a_service_without_data_requests_pages_or_messages_is_a_library() -> None:
    r = report()
    assert {s["id"]: s["library"] for s in r["services"]} == {
        "booking": False,  # serves an endpoint
        "flight": False,  # owns a table
        "mongo": True,  # its page is placed by name only
        "broker": False,  # runs on messages
        "jobs": False,  # runs on a timer
        "db": False,  # the database runs it
    }


def test_a_library_keeps_the_pages_only_its_name_placed() -> None:
    assert report()["views"] == {"web/connections.html": {"service": "mongo", "via": "name"}}


def test_the_reports_name_the_library_and_the_services_using_it() -> None:
    r = report()
    assert (
        "**A library rather than a service**: it owns no table and serves no endpoint or view "
        "of its own (used by booking, flight)." in to_markdown(r)
    )
    assert "| of which libraries rather than services | 1 |" in to_markdown(r)
    assert "**서비스가 아닌 라이브러리 후보**" in to_markdown(r, "ko")
    html = to_html(r, {})
    assert html.count("A library rather than a service") == 1


def test_the_context_map_draws_a_library_dashed() -> None:
    dot = context_map(report())
    mongo = next(line for line in dot.splitlines() if line.lstrip().startswith("mongo "))
    booking = next(line for line in dot.splitlines() if line.lstrip().startswith("booking "))
    assert "«library»" in mongo and "dashed" in mongo
    assert "«library»" not in booking and "dashed" not in booking


def test_a_nested_task_a_class_runs_itself_makes_it_no_entry_point() -> None:
    """JeeSite's ``MapperLoader.Task`` is a ``Runnable`` its outer class starts: unlike a
    top-level ``SummaryJob``, it does not make its service more than a library."""
    loader = "a.mapper.MapperLoader"
    model = CodeModel(
        root="app",
        types=(
            JavaType(loader, TypeKind.CLASS, REF),
            JavaType(f"{loader}.Task", TypeKind.CLASS, REF, outer=loader, outer_top=loader),
        ),
    )
    clusters = (Cluster("mapper", "mapper", (loader,)),)
    r = build_report(model, Decomposition("louvain", 1, 1.0, clusters, 0.4), PARAMS, "t")
    assert [s["library"] for s in r["services"]] == [True]

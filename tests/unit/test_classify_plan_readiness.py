"""Subdomain typing, the extraction plan and the readiness checklist."""

import json
from pathlib import Path

import pytest

from msadecomp.classify import classification_warnings, classify
from msadecomp.decompose import Cluster, Decomposition
from msadecomp.errors import InputError
from msadecomp.metrics import Metrics
from msadecomp.model import (
    Access,
    CodeModel,
    Dependency,
    DepKind,
    JavaType,
    SourceRef,
    TableAccess,
    TypeKind,
)
from msadecomp.plan import extraction_order
from msadecomp.readiness import assess, load_answers

REF = SourceRef("x.java", 1)


def t(fqn: str, methods: tuple[str, ...] = (), kind: TypeKind = TypeKind.CLASS) -> JavaType:
    return JavaType(fqn, kind, REF, methods=methods)


def test_generic_core_and_supporting() -> None:
    types = (
        t("app.order.OrderService", ("placeOrder", "cancelOrder", "approveOrder", "ship")),
        t("app.order.OrderPolicy", ("evaluate",)),
        t("app.order.OrderStatus", kind=TypeKind.ENUM),
        t("app.auth.LoginService", ("login", "logout")),
        t("app.auth.UserDAO", ("selectUser",)),
        t("app.report.ReportDAO", ("selectReport", "countReport")),
    )
    deps = tuple(
        Dependency(a, b, DepKind.CALL, REF)
        for a, b in [
            ("app.order.OrderService", "app.auth.LoginService"),
            ("app.order.OrderService", "app.report.ReportDAO"),
            ("app.report.ReportDAO", "app.auth.UserDAO"),
        ]
    )
    d = Decomposition(
        "louvain",
        1,
        1.0,
        (
            Cluster(
                "S1",
                "order",
                ("app.order.OrderPolicy", "app.order.OrderService", "app.order.OrderStatus"),
            ),
            Cluster("S2", "auth", ("app.auth.LoginService", "app.auth.UserDAO")),
            Cluster("S3", "report", ("app.report.ReportDAO",)),
            Cluster("K", "shared-kernel", ("app.util.StringUtil",), kernel=True),
        ),
        0.5,
    )
    calls = classify(CodeModel("m", types, deps), d, {})
    assert {k: v.kind for k, v in calls.items()} == {
        "S1": "core",
        "S2": "generic",
        "S3": "supporting",
        "K": "generic",
    }
    assert any("rule or state types (OrderPolicy, OrderStatus)" in e for e in calls["S1"].evidence)
    assert calls["S2"].scores["generic_names"] == 1.0


def test_weak_modularity_warns_not_to_split() -> None:
    assert "do not split yet" in classification_warnings(0.12, 4)[0]
    assert classification_warnings(0.5, 4) == []


def _service(sid: str, kind: str, calls_in: int, calls_out: int, shared: int) -> dict:
    return {
        "id": sid,
        "name": sid.lower(),
        "subdomain": {"type": kind},
        "incoming_calls": [{"count": calls_in}],
        "outgoing_calls": [{"count": calls_out}],
        "tables": {"owned_but_used_elsewhere": ["T"] * shared, "used_from_other_services": []},
    }


def test_extraction_order_least_entangled_first_core_breaks_ties() -> None:
    plan = extraction_order(
        [
            _service("A", "supporting", 5, 5, 0),  # 10
            _service("B", "generic", 1, 1, 0),  # 2
            _service("C", "supporting", 1, 0, 1),  # 3
            _service("D", "core", 1, 0, 1),  # 3, core first on the tie
        ]
    )
    assert [p["service"] for p in plan] == ["B", "D", "C", "A"]
    assert plan[1]["entanglement"] == 3 and "core subdomain" in plan[1]["reasons"][-1]


def test_foreign_keys_between_services_entangle_both_ends() -> None:
    """A key from B's table to C's is a constraint both sides lose when split."""
    keys = [{"from_service": "B", "to_service": "C"}, {"from_service": "B", "to_service": "C"}]
    plan = extraction_order(
        [_service("B", "generic", 1, 1, 0), _service("C", "core", 1, 1, 0)], keys
    )
    assert [(p["service"], p["entanglement"]) for p in plan] == [("C", 4), ("B", 4)]
    assert "2 foreign key(s) to or from other services' tables" in plan[1]["reasons"]


METRICS = Metrics(5, 0.6, 0.2, 2.0, 0.1, 0.3, 3.0, 0.6, 0.4, 0.2)


def test_readiness_from_code_and_answers(tmp_path: Path) -> None:
    answers_file = tmp_path / "answers.json"
    answers_file.write_text(
        json.dumps(
            {"1": "yes", "q2": True, "3": "no", "4": "yes", "5": "yes", "7": "no", "10": "yes"}
        )
    )
    model = CodeModel("m", delivery_files=("pom.xml", "src/test/java/a/ATest.java"))
    result = assess(model, METRICS, set(), load_answers(answers_file))
    answers = {i["number"]: i["answer"] for i in result["items"]}
    assert answers[6] == "yes"  # modularity 0.6, 20% shared tables, ICP 10%
    assert answers[8] == "no"
    assert answers[9] == "yes"  # a build and tests, but no CI and no containers
    assert result["yes"] == 7 and "suggests adopting cloud native" in result["verdict"]


def test_readiness_with_all_delivery_tooling_says_no_to_q9() -> None:
    files = ("pom.xml", "src/test/java/ATest.java", "Jenkinsfile", "Dockerfile")
    result = assess(CodeModel("m", delivery_files=files), METRICS, set())
    assert next(i for i in result["items"] if i["number"] == 9)["answer"] == "no"
    assert result["unanswered"] == 7


def test_a_no_to_question_6_says_which_criterion_is_missed() -> None:
    """struts2shop: "no" beside "modularity 0.65 (needs >= 0.40)" did not say why."""
    from dataclasses import replace

    result = assess(CodeModel("m"), replace(METRICS, icp=0.45), set())
    q6 = next(i for i in result["items"] if i["number"] == 6)
    assert q6["answer"] == "no"
    assert "inter-call percentage 45% (needs <= 30%: not met)" in q6["evidence"]
    assert "modularity 0.60 (needs >= 0.40)" in q6["evidence"]


def test_answers_toml_and_bad_answers(tmp_path: Path) -> None:
    good = tmp_path / "a.toml"
    good.write_text('1 = "yes"\n2 = false\n')
    assert load_answers(good) == {1: True, 2: False}
    bad = tmp_path / "b.json"
    bad.write_text('{"11": "yes"}')
    with pytest.raises(InputError, match="no question"):
        load_answers(bad)
    bad.write_text('{"1": "maybe"}')
    with pytest.raises(InputError, match="yes/no"):
        load_answers(bad)


def test_framework_plumbing_is_never_core() -> None:
    """Issue 7: two Spring Batch classes were typed core on eGovFrame common components."""
    order = [
        t(f"app.order.Order{n}", ("placeOrder", "cancelOrder", "approve", "ship"))
        for n in ("Service", "Manager", "Desk", "Clerk", "Ledger", "Book")
    ]
    batch = [
        t("app.settle.DefaultItemReader", ("open", "readNext", "mapLine")),
        t("app.settle.SummaryTasklet", ("execute", "summarise", "archive")),
    ]
    d = Decomposition(
        "leiden",
        1,
        1.0,
        (
            Cluster("S1", "order", tuple(x.fqn for x in order)),
            Cluster("S2", "batch", tuple(x.fqn for x in batch)),
        ),
        0.5,
    )
    calls = classify(CodeModel("m", (*order, *batch)), d, {})
    assert calls["S2"].kind == "generic" and calls["S1"].kind == "core"
    assert "framework-plumbing" in calls["S2"].evidence[0]


def test_handlers_factories_and_exceptions_of_a_domain_class_are_no_plumbing() -> None:
    patient = [
        t("app.Patient", ("admit", "discharge", "transfer")),
        t("app.handler.PatientSaveHandler", ("handle",)),
        t("app.PatientFactory", ("newborn",)),
        t("app.PatientNotFoundException"),
    ]
    plumbing = [t("app.web.JsonConverter", ("convert",)), t("app.web.CorsFilter", ("doFilter",))]
    d = Decomposition(
        "leiden",
        1,
        1.0,
        (
            Cluster("S1", "patient", tuple(x.fqn for x in patient)),
            Cluster("S2", "web", tuple(x.fqn for x in plumbing)),
        ),
        0.5,
    )
    calls = classify(CodeModel("m", (*patient, *plumbing)), d, {})
    assert calls["S1"].scores["generic_names"] == 0.0
    assert calls["S2"].scores["generic_names"] == 1.0 and calls["S2"].kind == "generic"


def test_a_domain_context_every_other_one_uses_is_not_generic_for_that() -> None:
    """PlantsByWebSphere: the catalog is used by every other context; one of its five classes
    (an image servlet) has a plumbing name."""
    catalog = [
        t("app.catalog.Inventory", ("checkInventory", "reduce")),
        t("app.catalog.CatalogMgr", ("addItem",)),
        t("app.catalog.ProductBean"),
        t("app.catalog.ShoppingItem"),
        t("app.catalog.ImageServlet"),
    ]
    mail = [t("app.mail.MailerBean", ("send",)), t("app.mail.EMailMessage")]
    others = [t(f"app.{n}.{n.title()}Service", ("work",)) for n in ("account", "order", "back")]
    deps = [
        Dependency(o.fqn, target, DepKind.CALL, REF)
        for o in others
        for target in ("app.catalog.Inventory", "app.mail.MailerBean")
    ]
    deps.append(Dependency("app.mail.MailerBean", "app.catalog.Inventory", DepKind.CALL, REF))
    clusters = [Cluster("CAT", "catalog", tuple(x.fqn for x in catalog))]
    clusters += [Cluster("MAIL", "mail", tuple(x.fqn for x in mail))]
    clusters += [Cluster(o.fqn, o.fqn, (o.fqn,)) for o in others]
    d = Decomposition("leiden", 1, 1.0, tuple(clusters), 0.5)
    calls = classify(CodeModel("m", (*catalog, *mail, *others), tuple(deps)), d, {})
    assert calls["CAT"].scores["generic"] == 0.0 and calls["CAT"].kind != "generic"
    assert calls["MAIL"].kind == "generic"


def test_the_context_holding_the_data_everyone_needs_is_not_generic_for_being_used() -> None:
    """DayTrader: every other context calls trade, which owns and writes four of the five tables;
    two of its six classes are a login filter and a servlet. It was typed generic."""
    trade = [
        t("app.trade.TradeAction", ("buy", "sell", "closeOrders")),
        t("app.trade.AccountDataBean", ("login",)),
        t("app.trade.OrderDataBean", ("cancel",)),
        t("app.trade.HoldingDataBean"),
        t("app.trade.LoginFilter", ("doFilter",)),
        t("app.trade.TradeAppServlet", ("doGet",)),
    ]
    others = [t(f"app.{n}.{n.title()}Page", ("show",)) for n in ("quote", "portfolio", "market")]
    deps = tuple(Dependency(o.fqn, "app.trade.TradeAction", DepKind.CALL, REF) for o in others)
    tables = ("ACCOUNT", "ORDERS", "HOLDING")
    accesses = tuple(
        TableAccess("app.trade.TradeAction", table, Access.WRITE, REF) for table in tables
    )
    clusters = [Cluster("TRADE", "trade", tuple(x.fqn for x in trade))]
    clusters += [Cluster(o.fqn, o.fqn, (o.fqn,)) for o in others]
    d = Decomposition("leiden", 1, 1.0, tuple(clusters), 0.5)
    model = CodeModel("m", (*trade, *others), deps, table_accesses=accesses)
    owners: dict[str, str | None] = dict.fromkeys(tables, "TRADE")
    calls = classify(model, d, owners)
    assert calls["TRADE"].scores["fan_in"] == 1.0
    assert calls["TRADE"].kind == "core"
    # the same context holding no data is a generic capability everyone uses
    calls = classify(CodeModel("m", (*trade, *others), deps), d, {})
    assert calls["TRADE"].kind == "generic"
    # and one named mostly like a generic subdomain stays generic, holding the data or not
    people = [
        t(f"app.people.{n}", ("work",))
        for n in ("UserService", "UserDao", "LoginFilter", "RoleBean", "Profile", "Preferences")
    ]
    deps = tuple(Dependency(o.fqn, people[0].fqn, DepKind.CALL, REF) for o in others)
    accesses = tuple(TableAccess(people[1].fqn, table, Access.WRITE, REF) for table in tables)
    clusters = [Cluster("PEOPLE", "people", tuple(x.fqn for x in people))]
    clusters += [Cluster(o.fqn, o.fqn, (o.fqn,)) for o in others]
    d = Decomposition("leiden", 1, 1.0, tuple(clusters), 0.5)
    model = CodeModel("m", (*people, *others), deps, table_accesses=accesses)
    calls = classify(model, d, dict.fromkeys(tables, "PEOPLE"))
    assert calls["PEOPLE"].scores["generic_names"] == 0.667
    assert calls["PEOPLE"].kind == "generic"


def test_jdbc_row_mappers_and_result_set_extractors_are_plumbing() -> None:
    """Spring PetClinic: its JDBC helpers formed a small service that was typed core."""
    jdbc = [
        t("app.jdbc.JdbcPetRowMapper", ("mapRow",)),
        t("app.jdbc.JdbcPetVisitExtractor", ("mapPrimaryKey", "mapForeignKey", "addChild")),
        t("app.jdbc.OneToManyResultSetExtractor", ("extractData",)),
        t("app.jdbc.JdbcPet", ("setTypeId", "setOwnerId")),
    ]
    d = Decomposition("leiden", 1, 1.0, (Cluster("S1", "jdbc", tuple(x.fqn for x in jdbc)),), 0.5)
    calls = classify(CodeModel("m", tuple(jdbc)), d, {})
    assert calls["S1"].scores["generic_names"] == 0.75


def test_constants_connections_and_the_application_class_are_plumbing() -> None:
    """AcmeAir: its Mongo connection manager, constants and JAX-RS application were typed
    supporting, as if they were a business capability."""
    infra = [
        t("app.mongo.ConnectionManager", ("getDB",)),
        t("app.mongo.MongoConstants", ()),
        t("app.AcmeAirApp", ()),
        t("app.mongo.Booking", ("book",)),
    ]
    d = Decomposition(
        "leiden", 1, 1.0, (Cluster("S1", "mongo", tuple(x.fqn for x in infra)),), 0.5
    )
    calls = classify(CodeModel("m", tuple(infra)), d, {})
    assert calls["S1"].scores["generic_names"] == 0.75


def test_sample_data_loaders_are_no_business_capability() -> None:
    """AcmeAir: its loader service (a REST resource driving one loader per entity) was typed
    core for the many operations of its loaders."""
    loaders = [
        t("app.loader.FlightLoader", ("loadFlights", "parseAirport")),
        t("app.loader.CustomerLoader", ("loadCustomers",)),
        t("app.admin.PopulateDBBean", ("populate",)),
        t("app.loader.LoaderREST", ("loadDB",)),
    ]
    d = Decomposition(
        "leiden", 1, 1.0, (Cluster("S1", "loader", tuple(x.fqn for x in loaders)),), 0.5
    )
    calls = classify(CodeModel("m", tuple(loaders)), d, {})
    assert calls["S1"].scores["generic_names"] == 0.75


def test_methods_a_framework_calls_are_no_business_operations() -> None:
    """DayTrader: 47 Ping servlets counted 125 'business operations', doGet and doPost."""
    pings = [t(f"app.prims.Ping{n}", ("doGet", "doPost", "init", "destroy")) for n in "ABC"]
    pings += [t("app.prims.PingListener", ("onMessage", "run", "contextInitialized"))]
    pings += [t("app.prims.PingTransfer", ("doTransfer",))]  # a business operation
    # EJB 2 container callbacks (Java Pet Store's beans)
    ejb = ("ejbCreate", "ejbPostCreate", "ejbActivate", "setEntityContext", "unsetEntityContext")
    pings += [t("app.prims.PingEJB", ejb)]
    pings += [t("app.prims.PingPanel", ("paintComponent", "actionPerformed", "mouseClicked"))]
    d = Decomposition("leiden", 1, 1.0, (Cluster("P", "prims", tuple(x.fqn for x in pings)),), 0.5)
    calls = classify(CodeModel("m", tuple(pings)), d, {})
    assert "1 business operations" in calls["P"].evidence[2]
    assert "(e.g. doTransfer)" in calls["P"].evidence[2]


def test_what_a_code_generator_wrote_is_no_behaviour_and_a_table_is_no_plumbing() -> None:
    """litemall: MyBatis Generator's criteria made 5 advertising classes show 248 'business
    operations' and its column enums 2 'rules' per table; mall4j's ProdTag is product data."""
    mbg = "This class was generated by MyBatis Generator."
    ad = [
        t("app.db.LitemallAd", ("getName", "setName")),
        JavaType("app.db.LitemallAd.Column", TypeKind.ENUM, REF, doc=mbg, methods=("desc",)),
        t("app.db.LitemallAdExample", ("or", "createCriteria")),
        JavaType(
            "app.db.LitemallAdExample.GeneratedCriteria",
            TypeKind.CLASS,
            REF,
            doc=mbg,
            outer="app.db.LitemallAdExample",
            outer_top="app.db.LitemallAdExample",
            methods=("andNameLike", "andIdBetween"),
        ),
        JavaType(
            "app.db.LitemallAdExample.Criterion",
            TypeKind.CLASS,
            REF,
            outer="app.db.LitemallAdExample",
            outer_top="app.db.LitemallAdExample",
            methods=("isSingleValue", "noValue"),
        ),
        t("app.ad.AdService", ("publishCampaign",)),
    ]
    tag = JavaType("app.prod.ProdTag", TypeKind.CLASS, REF, entity_table="tz_prod_tag")
    d = Decomposition(
        "leiden",
        1,
        1.0,
        (
            Cluster(
                "A", "ad", ("app.db.LitemallAd", "app.db.LitemallAdExample", "app.ad.AdService")
            ),
            Cluster("P", "prod", (tag.fqn,)),
        ),
        0.5,
    )
    calls = classify(CodeModel("m", (*ad, tag)), d, {})
    assert "1 business operations" in calls["A"].evidence[2]  # publishCampaign only
    assert calls["A"].evidence[3] == "0 rule or state types"
    assert calls["P"].scores["generic_names"] == 0.0


def test_wiring_callbacks_and_uncommented_generated_criteria_are_no_business_operations() -> None:
    """xmall's MyBatis Generator wrote its ``*Example`` criteria with no comment (2,698 of its
    4,190 methods); greenhouse's row mappers and configuration ``@Bean`` factories, OneBlog's
    aspects and struts2shop's ``execute`` are called by a framework; ``execute`` elsewhere is
    an operation."""
    example = "app.db.TbItemExample"
    nested = JavaType(
        f"{example}.GeneratedCriteria",
        TypeKind.CLASS,
        REF,
        outer=example,
        outer_top=example,
        methods=("andTitleLike", "andPriceBetween"),
    )
    config = JavaType(
        "app.cfg.DataConfig",
        TypeKind.CLASS,
        REF,
        stereotype="configuration",
        methods=("jdbcTemplate", "blJpaVendorAdapter"),
    )
    aspect = JavaType(
        "app.log.LogAspect",
        TypeKind.CLASS,
        REF,
        annotations=("org.aspectj.lang.annotation.Aspect",),
        methods=("pointcut", "around"),
    )
    types = (
        t(example, ("or", "createCriteria")),
        nested,
        config,
        aspect,
        t("app.web.CheckoutAction", ("execute", "prepare", "validate", "index")),
        t("app.db.ItemRowMapper", ("mapRow",)),
        t("app.web.WebConfig", ("configureMessageConverters",)),
        t("app.item.ItemService", ("publishItem",)),
        # the same names in a class of no framework role are the business's (Broadleaf's
        # checkout activities, jeecg's numbering rules)
        t("app.order.CommitTaxActivity", ("execute",)),
        # a Quartz job, a landing page, an authentication provider: the framework calls them
        t("app.jobs.SendMsgJob", ("execute",)),
        t("app.web.HomeController", ("index",)),
        t("app.sec.TokenProvider", ("supports",)),
        # Shopizer's search indexes products; a loan application validates itself
        t("app.search.SearchServiceImpl", ("index",)),
        t("app.loan.LoanApplication", ("validate",)),
    )
    d = Decomposition(
        "leiden", 1, 1.0, (Cluster("I", "item", tuple(x.fqn for x in types if not x.outer)),), 0.5
    )
    calls = classify(CodeModel("m", types), d, {})
    assert "4 business operations" in calls["I"].evidence[2]


def test_types_used_across_services_without_a_call_entangle_both_ends() -> None:
    """JHipster's user services throw the exceptions of an ``errors`` service nothing calls:
    it had come first in the order with entanglement 0. A pair that also calls counts once,
    as a call; the shared kernel is a library already."""
    from msadecomp.decompose import Cluster, Decomposition
    from msadecomp.model import Dependency, JavaType, SourceRef, TypeKind
    from msadecomp.report.build import type_uses

    here = SourceRef("A.java")
    names = ("u.UserService", "u.AccountResource", "e.EmailUsedException", "e.ErrorVM", "k.Util")
    types = tuple(JavaType(n, TypeKind.CLASS, here) for n in names)
    deps = (
        Dependency("u.UserService", "e.EmailUsedException", DepKind.NEW, here),
        Dependency("u.AccountResource", "e.EmailUsedException", DepKind.NEW, here),
        Dependency("u.AccountResource", "e.ErrorVM", DepKind.RETURN, here),
        Dependency("u.AccountResource", "e.ErrorVM", DepKind.CALL, here, "x->of"),
        Dependency("u.UserService", "k.Util", DepKind.PARAM, here),
        # each way round is one pair; a call either way makes it a call
        Dependency("e.EmailUsedException", "u.UserService", DepKind.FIELD, here),
        Dependency("e.ErrorVM", "u.UserService", DepKind.PARAM, here),
        Dependency("u.UserService", "e.ErrorVM", DepKind.CALL, here, "x->of"),
    )
    decomposition = Decomposition(
        "leiden",
        42,
        1.0,
        (
            Cluster("user", "user", names[:2]),
            Cluster("errors", "errors", names[2:4]),
            Cluster("K", "shared-kernel", ("k.Util",), kernel=True),
        ),
        0.5,
    )
    uses = type_uses(CodeModel("m", types, deps), decomposition)
    assert uses == {"user": 2, "errors": 2}
    plan = extraction_order(
        [_service("user", "core", 1, 0, 0), _service("errors", "generic", 0, 1, 0)], (), uses
    )
    assert [p["entanglement"] for p in plan] == [3, 3]
    assert plan[0]["reasons"][2].startswith("2 use(s) of types across services without a call")

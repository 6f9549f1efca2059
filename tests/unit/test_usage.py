"""Services nothing runs: data access generated for a feature never built."""

import pytest

from msadecomp.classify import classify
from msadecomp.decompose import Cluster, Decomposition
from msadecomp.model import (
    Access,
    Bean,
    CodeModel,
    Dependency,
    DepKind,
    Endpoint,
    JavaType,
    Page,
    SourceRef,
    TableAccess,
    TypeKind,
)
from msadecomp.usage import entry_classes, unused_services

REF = SourceRef("x.java", 1)


def t(fqn: str, methods: tuple[str, ...] = (), kind: TypeKind = TypeKind.CLASS) -> JavaType:
    return JavaType(fqn, kind, REF, methods=methods)


def dep(a: str, b: str, kind: DepKind = DepKind.CALL) -> Dependency:
    return Dependency(a, b, kind, REF)


EMPLOYEE = (
    t("hr.web.EmployeeController", ("list",)),
    t("hr.service.EmployeeService", ("findEmployees", "saveEmployee")),
    t("hr.mapper.EmployeeMapper", ("insert",), TypeKind.INTERFACE),
    t("hr.model.Employee"),
)
SALARY = (  # MyBatis Generator wrote these; no screen or service was ever written for them
    t("hr.mapper.AdjustSalaryMapper", ("insert", "selectByPrimaryKey"), TypeKind.INTERFACE),
    t("hr.mapper.AppraiseMapper", ("insert",), TypeKind.INTERFACE),
    t("hr.model.AdjustSalary"),
    t("hr.model.Appraise"),
)
USED = (
    dep("hr.web.EmployeeController", "hr.service.EmployeeService"),
    dep("hr.service.EmployeeService", "hr.mapper.EmployeeMapper"),
    dep("hr.mapper.EmployeeMapper", "hr.model.Employee", DepKind.PARAM),
    dep("hr.mapper.AdjustSalaryMapper", "hr.model.AdjustSalary", DepKind.PARAM),
    dep("hr.mapper.AppraiseMapper", "hr.model.Appraise", DepKind.RETURN),
)
ROUTE = Endpoint("/employee", "GET", "hr.web.EmployeeController#list", REF)


def decomposition(*salary_extra: str) -> Decomposition:
    return Decomposition(
        "leiden",
        1,
        1.0,
        (
            Cluster("EMP", "employee", tuple(x.fqn for x in EMPLOYEE)),
            Cluster("SAL", "adjust-salary", (*(x.fqn for x in SALARY), *salary_extra)),
        ),
        0.5,
    )


def test_data_access_nothing_calls_is_unused_with_its_stores() -> None:
    model = CodeModel("m", (*EMPLOYEE, *SALARY), USED, endpoints=(ROUTE,))
    assert unused_services(model, decomposition()) == {
        "SAL": ["hr.mapper.AdjustSalaryMapper", "hr.mapper.AppraiseMapper"]
    }


def test_one_call_from_another_service_makes_it_used() -> None:
    model = CodeModel(
        "m",
        (*EMPLOYEE, *SALARY),
        (*USED, dep("hr.service.EmployeeService", "hr.model.Appraise", DepKind.LOCAL)),
        endpoints=(ROUTE,),
    )
    assert unused_services(model, decomposition()) == {}


def test_a_class_a_view_an_xml_bean_or_the_container_starts_makes_it_used() -> None:
    runs = t("hr.mapper.SalaryJob", ("execute",))
    starts = [
        CodeModel("m", (*EMPLOYEE, *SALARY), USED, pages=(page,))
        for page in (
            Page("per/salary.jsp", controllers=("hr.mapper.AppraiseMapper",)),
            Page("per/adjust.jsp", controllers=("hr.model.AdjustSalary",)),
        )
    ]
    starts.append(
        CodeModel("m", (*EMPLOYEE, *SALARY), USED, beans=(Bean("a", "hr.model.Appraise", REF),))
    )
    starts.append(
        CodeModel(
            "m",
            (*EMPLOYEE, *SALARY),
            USED,
            endpoints=(Endpoint("/adjust", "GET", "hr.mapper.AppraiseMapper#insert", REF),),
        )
    )
    for model in starts:
        assert unused_services(model, decomposition()) == {}
    # the stores reach the job (a mapper logs its runs): only its name makes it an entry
    listener = CodeModel(
        "m", (*EMPLOYEE, *SALARY, runs), (*USED, dep(SALARY[1].fqn, runs.fqn, DepKind.PARAM))
    )
    assert "hr.mapper.SalaryJob" in entry_classes(listener)
    assert unused_services(listener, decomposition(runs.fqn)) == {}


def test_a_class_its_stores_do_not_reach_makes_it_used() -> None:
    """A demo with a ``main`` beside the mappers: something runs it."""
    demo = t("hr.model.SearchDemo", ("main",))
    model = CodeModel("m", (*EMPLOYEE, *SALARY, demo), (*USED, dep(demo.fqn, SALARY[0].fqn)))
    assert unused_services(model, decomposition(demo.fqn)) == {}


def test_a_store_reached_through_a_supertype_elsewhere_is_used() -> None:
    base = t("hr.mapper.EmployeeMapper")
    model = CodeModel(
        "m",
        (*EMPLOYEE, *SALARY),
        (*USED, dep(SALARY[1].fqn, base.fqn, DepKind.EXTENDS)),
        endpoints=(ROUTE,),
    )
    assert unused_services(model, decomposition()) == {}


def test_unused_data_access_is_never_core_and_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    """vhr: the salary-adjustment mappers had formed the one core service."""
    writes = tuple(
        TableAccess(x.fqn, x.simple_name.upper(), Access.WRITE, REF) for x in SALARY[:2]
    )
    model = CodeModel("m", (*EMPLOYEE, *SALARY), USED, endpoints=(ROUTE,), table_accesses=writes)
    owners: dict[str, str | None] = {a.table: "SAL" for a in writes}
    with monkeypatch.context() as m:  # were it not known as unused, it would be the core
        m.setattr("msadecomp.classify.unused_services", lambda *_: {})
        assert classify(model, decomposition(), owners)["SAL"].kind == "core"
    calls = classify(model, decomposition(), owners)
    assert calls["SAL"].kind != "core"
    assert calls["SAL"].unused == ("hr.mapper.AdjustSalaryMapper", "hr.mapper.AppraiseMapper")
    assert "nothing outside it calls its data access" in calls["SAL"].evidence[-1]
    assert calls["EMP"].unused == ()


def test_an_annotation_alone_is_no_reference_nor_a_base_in_the_shared_kernel() -> None:
    """A MyBatis mapper extending the project's own ``BaseMapper`` in the shared kernel is not
    reached through it, and a class annotated with an annotation type of the service does not
    call it. An import refers: the linker records ``getBean(AppraiseMapper.class)`` so."""
    base = t("hr.common.BaseMapper", (), TypeKind.INTERFACE)
    marker = t("hr.mapper.Audited", (), TypeKind.ANNOTATION)
    deps = (
        *USED,
        dep("hr.service.EmployeeService", marker.fqn, DepKind.ANNOTATION),
        dep(marker.fqn, "hr.mapper.AppraiseMapper", DepKind.ANNOTATION),
        dep("hr.mapper.AppraiseMapper", base.fqn, DepKind.EXTENDS),
    )
    model = CodeModel("m", (*EMPLOYEE, *SALARY, base, marker), deps, endpoints=(ROUTE,))
    clusters = (
        *decomposition(marker.fqn).clusters[:1],
        Cluster("SAL", "adjust-salary", (*(x.fqn for x in SALARY), marker.fqn)),
        Cluster("K", "shared-kernel", (base.fqn,), kernel=True),
    )
    d = Decomposition("leiden", 1, 1.0, clusters, 0.5)
    assert list(unused_services(model, d)) == []  # the marker is reached from no store
    reached = (*deps, dep("hr.mapper.AdjustSalaryMapper", marker.fqn, DepKind.PARAM))
    model = CodeModel("m", (*EMPLOYEE, *SALARY, base, marker), reached, endpoints=(ROUTE,))
    assert list(unused_services(model, d)) == ["SAL"]
    looked_up = (*reached, dep("hr.service.EmployeeService", SALARY[1].fqn, DepKind.IMPORT))
    model = CodeModel("m", (*EMPLOYEE, *SALARY, base, marker), looked_up, endpoints=(ROUTE,))
    assert list(unused_services(model, d)) == []


def test_a_spring_data_rest_repository_serves_requests_by_itself() -> None:
    exposed = JavaType(
        "hr.mapper.AppraiseMapper",
        TypeKind.INTERFACE,
        REF,
        annotations=("org.springframework.data.rest.core.annotation.RepositoryRestResource",),
    )
    model = CodeModel("m", (*EMPLOYEE, SALARY[0], exposed, *SALARY[2:]), USED, endpoints=(ROUTE,))
    assert unused_services(model, decomposition()) == {}

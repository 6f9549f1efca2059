"""Areas: the feature packages right below a system's root group its services."""

from typing import Any

from msadecomp.report.areas import service_areas


def _services(**packages: list[str]) -> list[dict[str, Any]]:
    """One service per keyword, holding a class in each package given."""
    return [
        {"id": sid, "classes": [f"{p}.C{i}" for i, p in enumerate(ps)]}
        for sid, ps in packages.items()
    ]


def test_egovframe_components_fall_into_their_areas() -> None:
    services = _services(
        board=["egovframework.com.cop.bbs", "egovframework.com.cop.bbs.web"],
        schedule=["egovframework.com.cop.smt", "egovframework.com.cop.smt"],
        menu=["egovframework.com.sym.mnu", "egovframework.com.sym.mnu.web"],
        code=["egovframework.com.sym.ccm", "egovframework.com.sym.ccm"],
        faq=["egovframework.com.uss.olh.faq", "egovframework.com.uss.olh.faq"],
        mixed=["egovframework.com.uss.ion", "egovframework.com.sym.log"],
    )
    assert service_areas(services) == {
        "board": "cop",
        "schedule": "cop",
        "menu": "sym",
        "code": "sym",
        "faq": "uss",  # "mixed" has no package holding more than half its classes
    }


def test_a_package_holding_most_services_is_looked_below() -> None:
    """eGovFrame's templates keep their components under egovframework.let beside a few
    egovframework.com classes."""
    services = _services(
        board=["egovframework.let.cop.bbs"] * 2,
        note=["egovframework.let.cop.note"] * 2,
        menu=["egovframework.let.sym.mnu"] * 2,
        user=["egovframework.let.uss.umt"] * 2,
        common=["egovframework.com.cmm"] * 2,
    )
    assert service_areas(services) == {
        "board": "cop",
        "note": "cop",
        "menu": "sym",
        "user": "uss",
    }


def test_layer_first_code_has_no_areas() -> None:
    services = _services(
        order=["shop.web", "shop.web"],
        cart=["shop.web", "shop.web", "shop.dao"],
        item=["shop.service", "shop.service"],
        user=["shop.service", "shop.service"],
        admin=["shop.admin.web", "shop.admin.service", "shop.admin.web"],
        stock=["shop.admin.dao", "shop.admin.dao"],
        report=["shop.report.web", "shop.report.dao"],
    )
    # web, service and admin each hold two services: areas but for their names
    assert service_areas(services) == {}


def test_one_big_feature_is_no_root() -> None:
    """Services count, not classes: loans, savings and clients under portfolio outweigh the
    other areas in classes, not in services."""
    services = _services(
        loan=["org.f.portfolio.loan"] * 300,
        savings=["org.f.portfolio.savings"] * 200,
        client=["org.f.portfolio.client"] * 150,
        journal=["org.f.accounting.journal"] * 20,
        rule=["org.f.accounting.rule"] * 20,
        office=["org.f.organisation.office"] * 20,
        staff=["org.f.organisation.staff"] * 20,
    )
    areas = service_areas(services)
    assert areas["loan"] == areas["client"] == "portfolio"
    assert areas["journal"] == "accounting" and areas["staff"] == "organisation"


def test_code_of_several_group_ids_has_no_areas_named_org_or_com() -> None:
    services = _services(
        a=["org.x.a"], b=["org.x.b"], c=["com.y.c"], d=["com.y.d"], e=["net.z.e"], f=["net.z.f"]
    )
    assert service_areas(services) == {}


def test_fewer_than_three_areas_or_none_shared_or_few_placed_give_none() -> None:
    two = _services(a=["x.one.p"], b=["x.one.q"], c=["x.two.p"], d=["x.two.q"])
    assert service_areas(two) == {}
    lone = _services(a=["x.one"], b=["x.two"], c=["x.three"], d=["x.four"])
    assert service_areas(lone) == {}
    few = _services(  # three areas, but most services straddle two packages
        a=["x.one", "x.one"],
        b=["x.one", "x.one"],
        c=["x.two"],
        d=["x.three"],
        **{k: ["x.four", "x.five"] for k in "efghi"},
    )
    assert service_areas(few) == {}
    assert service_areas([]) == {}
    default = [{"id": "a", "classes": ["Main", "Util"]}, {"id": "b", "classes": ["Main"]}]
    assert service_areas(default) == {}  # the default package is no area

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
        order=["shop.web", "shop.service", "shop.service"],
        cart=["shop.service", "shop.dao", "shop.dao"],
        item=["shop.domain", "shop.domain"],
        user=["shop.web", "shop.web"],
        admin=["shop.admin.web", "shop.admin.service", "shop.admin.web"],
    )
    assert service_areas(services) == {}


def test_fewer_than_three_areas_or_none_shared_give_none() -> None:
    two = _services(a=["x.one.p"], b=["x.one.q"], c=["x.two.p"], d=["x.two.q"])
    assert service_areas(two) == {}
    lone = _services(a=["x.one"], b=["x.two"], c=["x.three"], d=["x.four"])
    assert service_areas(lone) == {}
    assert service_areas([]) == {}

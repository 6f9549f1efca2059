"""Diagrams: DOT is valid and stable; large inputs collapse."""

import networkx as nx
import pytest

from msadecomp.report import diagrams
from msadecomp.report.render import render_svg


def report(services: int, tables_each: int) -> dict:
    svc = []
    tables = {}
    for i in range(services):
        owned = [f"T{i}_{k}" for k in range(tables_each)]
        tables.update({t: {"owner": f"S{i}", "access": {f"S{i}": ["write"]}} for t in owned})
        svc.append(
            {
                "id": f"S{i}",
                "name": f"s{i}",
                "subdomain": {"type": "core"},
                "classes": [f"p{i}.C{k}" for k in range(3)],
                "endpoints": [],
                "tables": {
                    "owned": owned,
                    "used_from_other_services": [
                        {"table": "T0_0", "owner": "S0", "access": ["read"]}
                    ]
                    if i
                    else [],
                },
            }
        )
    return {
        "input": {"root": "sys"},
        "services": svc,
        "tables": tables,
        "remote_calls": [{"from_service": "S1", "to_service": "S0", "count": 2}],
        "shared_kernel": None,
    }


def test_context_map_has_a_node_per_service_and_call_edges() -> None:
    dot = diagrams.context_map(report(3, 1))
    svg = render_svg(dot)  # Graphviz accepts it
    assert all(f">S{i} s{i}<" in svg for i in range(3))
    assert 'S1 -> S0 [label="2 calls"' in dot


@pytest.mark.parametrize(("tables_each", "collapsed"), [(2, False), (60, True)])
def test_table_diagram_collapses_many_tables(tables_each: int, collapsed: bool) -> None:
    dot = diagrams.table_diagram(report(3, tables_each))
    assert ("table counts per service" in dot) is collapsed
    assert ("t_T0_0" in dot) is not collapsed
    assert render_svg(dot).lstrip().startswith("<?xml")


def test_class_diagram_collapses_to_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    r = report(3, 1)
    g = nx.MultiDiGraph()
    for s in r["services"]:
        for c in s["classes"]:
            g.add_node(c, package=c.split(".")[0], layer="service")
    g.add_edge("p1.C0", "p0.C0", key="call", kind="call", count=3)
    full = diagrams.class_diagram(r, g)
    assert "p1_C0 -> p0_C0" in full
    monkeypatch.setattr(diagrams, "COLLAPSE_ABOVE", 5)
    collapsed = diagrams.class_diagram(r, g)
    assert "collapsed to packages" in collapsed and "S1_p1 -> S0_p0" in collapsed


def test_a_huge_class_diagram_stays_small_enough_to_lay_out() -> None:
    """1,200 packages in 4 services fold into parent packages; only the strongest arrows stay."""
    services, classes, g = [], [], nx.MultiDiGraph()
    for s in range(4):
        members = [f"org.s{s}.m{m}.p{p}.C" for m in range(30) for p in range(10)]
        services.append(
            {"id": f"S{s}", "name": f"s{s}", "subdomain": {"type": "core"}, "classes": members}
        )
        classes += members
    for c in classes:
        g.add_node(c, package=c.rpartition(".")[0], layer="service")
    for i, c in enumerate(classes):
        g.add_edge(c, classes[(i * 7 + 1) % len(classes)], kind="call", count=1 + i % 5)
    r = {"input": {"root": "big"}, "services": services, "shared_kernel": None}
    dot = diagrams.class_diagram(r, g)
    boxes = dot.count("shape=folder")
    assert 0 < boxes <= diagrams.MAX_BOXES
    assert "(10 classes)" in dot  # folded one level up: org.sN.mM holds 10 packages' classes
    assert dot.count("->") <= diagrams.MAX_EDGES
    assert f"the {diagrams.MAX_EDGES} strongest of" in dot
    # boxes name packages below the root all share, the title names the root once
    assert '"s0.m0\\n(10 classes)"' in dot and "(packages of org)" in dot
    assert '"org.s0.m0' not in dot


def test_context_map_draws_only_the_strongest_links_of_a_dense_system() -> None:
    r = report(30, 1)
    r["remote_calls"] = [
        {"from_service": f"S{i}", "to_service": f"S{j}", "count": 1 + (i * j) % 7}
        for i in range(30)
        for j in range(30)
        if i != j
    ]
    dot = diagrams.context_map(r)
    assert dot.count("->") <= diagrams.MAX_MAP_EDGES
    assert "strongest call links in and out" in dot
    assert "report.json lists all" in dot


def _calls(*links: tuple[int, int, int]) -> list[dict]:
    return [{"from_service": f"S{a}", "to_service": f"S{b}", "count": n} for a, b, n in links]


def test_a_dense_context_map_shows_each_services_strongest_links_in_and_out() -> None:
    r = report(8, 1)
    # every service calls every other; S0 -> S1 is each one's weakest link but S7's strongest in
    r["remote_calls"] = _calls(
        *((a, b, 10 + a + b) for a in range(8) for b in range(8) if a != b and b != 7),
        *((a, 7, 1) for a in range(7)),
    )
    r["remote_calls"].append({"from_service": "S0", "to_service": "S7", "count": 2})
    dot = diagrams.context_map(r)
    drawn = {line.split("[")[0].strip() for line in dot.splitlines() if "->" in line}
    assert "S0 -> S7" in drawn  # the strongest way into S7
    assert "S6 -> S5" in drawn  # S6's strongest way out
    assert "S0 -> S1" not in drawn  # neither S0's strongest out nor S1's strongest in
    assert f"{len(drawn)} of 56 links" in dot
    assert "layout=neato" in dot  # a spring layout, not long loops round ranks
    assert "<svg" in render_svg(dot)


def test_a_sparse_context_map_draws_every_link() -> None:
    r = report(4, 1)
    r["remote_calls"] = _calls((0, 1, 1), (1, 2, 5), (2, 3, 2), (3, 0, 9), (0, 2, 1))
    dot = diagrams.context_map(r)
    assert sum("->" in line for line in dot.splitlines()) == 5
    assert "strongest" not in dot


def test_collapsed_boxes_name_their_package_below_the_shared_root() -> None:
    members = [f"com.shop.{p}.C{i}" for p in ("order", "cart") for i in range(160)]
    members.append("com.shop.App")  # a class in the root package itself
    g = nx.MultiDiGraph()
    for c in members:
        g.add_node(c, package=c.rpartition(".")[0], layer="service")
    services = [{"id": "S0", "name": "s0", "subdomain": {"type": "core"}, "classes": members}]
    dot = diagrams.class_diagram({"input": {"root": "x"}, "services": services}, g)
    labels = sorted(
        line.split('label="')[1].split("\\n")[0]
        for line in dot.splitlines()
        if "shape=folder" in line
    )
    assert labels == ["cart", "order", "shop"]
    assert "packages of com.shop" in dot
    assert "(1 class)" in dot


@pytest.mark.parametrize("tables_each", [1, 200])
def test_the_table_diagram_leaves_out_services_without_tables(tables_each: int) -> None:
    r = report(3, tables_each)
    helper = {**r["services"][2], "id": "S9", "name": "s9"}
    helper["tables"] = {"owned": [], "used_from_other_services": []}
    r["services"].append(helper)
    dot = diagrams.table_diagram(r)
    assert "S9" not in dot and "S2" in dot
    assert "1 service without tables left out" in dot


def test_an_area_map_has_a_box_per_area_and_one_arrow_per_pair() -> None:
    r = report(20, 1)
    for s, area in zip(r["services"], ("cop", "cop", "sym", None, *["ext"] * 16), strict=True):
        s["area"] = area
    r["remote_calls"] = [
        {"from_service": "S1", "to_service": "S0", "count": 5},  # inside cop: not drawn
        {"from_service": "S2", "to_service": "S0", "count": 3},
        {"from_service": "S2", "to_service": "S1", "count": 4},
    ]
    r["tables"]["T0_0"]["access"]["S2"] = ["read"]
    r["tables"]["T2_0"]["access"]["S3"] = ["read"]
    r["tables"]["T2_0"]["access"]["K"] = ["read"]  # the shared kernel: in no area
    r["tables"]["TK"] = {"owner": "K", "access": {"K": ["write"], "S0": ["read"]}}
    del r["services"][1]["subdomain"]
    dot = diagrams.area_map(r)
    assert dot is not None
    assert "(no area): 1 service" in dot and "1 core, 1 untyped" in dot
    assert "sym: 1 service" in dot and "ext: 16 services" in dot
    # boxes in name order: (no area), cop, ext, sym
    assert dot.count("->") == 2
    assert 'area_3 -> area_1 [label="7 calls, 1 shared table"' in dot
    assert 'area_0 -> area_3 [label="1 shared table", style=dashed' in dot
    assert "<svg" in render_svg(dot)


def test_a_system_without_areas_or_of_few_services_has_no_area_map() -> None:
    assert diagrams.area_map(report(30, 1)) is None
    few = report(19, 1)
    for s in few["services"]:
        s["area"] = "cop"
    assert diagrams.area_map(few) is None

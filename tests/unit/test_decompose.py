"""Community detection gives a deterministic partition of every node."""

import itertools

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from msadecomp.decompose import Cluster, Decomposition, decompose, move_to_kernel
from msadecomp.decompose.algorithms import Prepared, leiden
from msadecomp.decompose.constraints import Constraints
from msadecomp.decompose.count import fit_count, merge_down
from msadecomp.decompose.naming import stem
from msadecomp.decompose.pins import apply_pins
from msadecomp.graph import USERS


def two_cliques() -> nx.Graph:
    g = nx.Graph()
    for group in ("ab", "cd"):
        names = [f"p.{group}.C{i}" for i in range(5)]
        for n in names:
            g.add_node(
                n, kind="class", label=f"{group.upper()}{n[-2:]}Service", package=f"p.{group}"
            )
        g.add_edges_from((u, v, {"weight": 3.0}) for u in names for v in names if u < v)
    g.add_edge("p.ab.C0", "p.cd.C0", weight=0.5)
    g.add_node("p.ab.Lonely", kind="class", label="Lonely", package="p.ab")
    return g


def test_two_cliques_become_two_services() -> None:
    d = decompose(two_cliques(), seed=1)
    groups = sorted(sorted(c.members) for c in d.clusters)
    assert len(groups) == 2
    assert "p.ab.Lonely" in next(g for g in groups if "p.ab.C0" in g)  # isolated joins its package
    assert d.modularity > 0.4


def test_a_template_is_clustered_with_the_rest_then_set_aside_as_kernel() -> None:
    """A generic base type takes part in clustering (its ties are part of the system) and
    ends up in the shared kernel, not in the service it clustered with."""
    g = two_cliques()
    g.add_node("p.common.CrudDao", kind="class", label="CrudDao", package="p.common")
    g.add_edges_from(("p.common.CrudDao", f"p.ab.C{i}", {"weight": 3.0}) for i in range(5))
    d = decompose(g, seed=1, kernel_after=["p.common.CrudDao"])
    (kernel,) = [c for c in d.clusters if c.kernel]
    assert kernel.members == ("p.common.CrudDao",)
    services = sorted(sorted(c.members) for c in d.clusters if not c.kernel)
    assert len(services) == 2 and all("p.common.CrudDao" not in s for s in services)
    assert "1 shared-kernel class(es) set aside after clustering" in d.notes


def with_kit(g: nx.Graph) -> tuple[nx.Graph, list[str]]:
    """``g`` with four utilities tied mostly to each other, barely to one clique."""
    kit = [f"p.kit.K{i}" for i in range(4)]
    for k in kit:
        g.add_node(k, kind="class", label=k.rpartition(".")[2] + "Util", package="p.kit")
    g.add_edges_from((u, v, {"weight": 3.0}) for u in kit for v in kit if u < v)
    g.add_edge("p.kit.K0", "p.ab.C1", weight=0.3)
    return g, kit


def test_the_count_asked_for_holds_when_a_kernel_set_aside_after_clustering_was_a_service() -> (
    None
):
    """Four utilities tied mostly to each other would be a service of their own; set aside
    as kernel, they leave the count asked for to the other classes."""
    g, kit = with_kit(two_cliques())
    d = decompose(g, seed=1, services=3, kernel_after=kit)
    assert len([c for c in d.clusters if not c.kernel]) == 3
    assert [c.members for c in d.clusters if c.kernel] == [tuple(kit)]


def test_a_service_made_only_of_kernel_classes_set_aside_after_clustering_is_said_dropped() -> (
    None
):
    """The eGovFrame MSA common components' notes said 28 services in the end, the report
    listed 27: the count was taken before such a service emptied."""
    g, kit = with_kit(two_cliques())
    assert len(decompose(g, seed=1).clusters) == 3  # the kit is a service of its own
    d = decompose(g, seed=1, resolution=None, jobs=1, kernel_after=kit)  # swept
    services = [c for c in d.clusters if not c.kernel]
    assert len(services) == 2
    assert (
        "4 shared-kernel class(es) set aside after clustering; 1 service(s) made only of them "
        "dropped" in d.notes
    )
    (said,) = [n for n in d.notes if "services in the end" in n]
    assert said.startswith("2 services in the end")


def test_service_count_can_be_asked_for() -> None:
    d = decompose(two_cliques(), seed=1, services=1)
    assert len(d.clusters) == 1 and d.notes


def test_asking_for_more_services_than_the_graph_supports_explains_why() -> None:
    d = decompose(nx.relabel_nodes(nx.path_graph(3), str), seed=1, services=50)
    assert "at most" in d.notes[0]


def _cliques(sizes: dict[str, int], links: list[tuple[str, str, float]]) -> nx.Graph:
    g = nx.Graph()
    for name, size in sizes.items():
        nodes = [f"p.{name}.{name.title()}{i}" for i in range(size)]
        for n in nodes:
            g.add_node(n, kind="class", label=n.rpartition(".")[2], package=f"p.{name}")
        g.add_edges_from((u, v, {"weight": 2.0}) for u in nodes for v in nodes if u < v)
    for a, b, w in links:
        g.add_edge(f"p.{a}.{a.title()}0", f"p.{b}.{b.title()}0", weight=w)
    return g


def _groups(parts: list[set[str]]) -> list[list[str]]:
    return sorted(sorted({n.split(".")[1] for n in p}) for p in parts)


def test_too_many_services_merge_where_modularity_gains_most_not_into_the_largest() -> None:
    """A large service tied a little to each of two small ones that are tied to each other:
    the small ones merge. (Coupling per node pair would also merge them; the resolution
    search this replaced gave the large one both.)"""
    g = _cliques(
        {"big": 12, "left": 4, "right": 4},
        [("big", "left", 1.0), ("big", "right", 1.0), ("left", "right", 1.0)],
    )
    parts = [{n for n in g if f".{k}." in n} for k in ("big", "left", "right")]
    merged, note = fit_count(g, parts, 2, lambda prepared, r: leiden(prepared, 1, r))
    assert _groups(merged) == [["big"], ["left", "right"]]
    assert note == (
        "the natural split has 3 services; merged to the 2 asked for: "
        "the services of Left0 and Right0 merged"  # each named by its most tied class
    )


def test_too_few_services_cut_a_service_that_clusters_apart() -> None:
    g = _cliques({"a": 6, "b": 6, "c": 5}, [("a", "b", 0.5), ("b", "c", 0.5)])
    ab = {n for n in g if ".c." not in n}
    c = {n for n in g if ".c." in n}
    cut, note = fit_count(g, [c, ab], 3, lambda prepared, r: leiden(prepared, 1, r))
    assert _groups(cut) == [["a"], ["b"], ["c"]]
    assert note == (
        "the natural split has 2 services; split to the 3 asked for: the service of A0 cut in 2"
    )
    # past the natural seams, services are cut at higher resolutions until N are there
    five, _ = fit_count(g, [set(g)], 5, lambda prepared, r: leiden(prepared, 1, r))
    assert len(five) == 5 and ["c"] in _groups(five)


def test_the_cleanest_cut_goes_first_not_the_largest_service() -> None:
    """One clique of 9 classes and a service of two 4-class cliques barely tied: asked for
    one more service, the pair falls apart, not the clique."""
    g = _cliques({"big": 9, "a": 4, "b": 4}, [("a", "b", 0.2), ("big", "a", 0.5)])
    big = {n for n in g if ".big." in n}
    cut, _ = fit_count(g, [big, set(g) - big], 3, lambda prepared, r: leiden(prepared, 1, r))
    assert _groups(cut) == [["a"], ["b"], ["big"]]


def test_a_cut_into_more_pieces_than_wanted_leaves_the_other_services_alone() -> None:
    """The largest service falls into three pieces where one more service is wanted: its
    pieces are merged down to two, and the small pair tied to each other stays apart."""
    g = _cliques(
        {"a": 5, "b": 5, "c": 5, "x": 4, "y": 4},
        [("a", "b", 0.5), ("b", "c", 0.5), ("x", "y", 1.0), ("c", "x", 0.2)],
    )
    big = {n for n in g if n.split(".")[1] in "abc"}
    x, y = ({n for n in g if f".{k}." in n} for k in ("x", "y"))
    four, _ = fit_count(g, [big, x, y], 4, lambda prepared, r: leiden(prepared, 1, r))
    assert len(four) == 4 and ["x"] in _groups(four) and ["y"] in _groups(four)


def test_a_class_without_ties_inside_a_cut_service_is_no_service_of_its_own() -> None:
    g = _cliques({"a": 5, "b": 5}, [("a", "b", 0.5)])
    g.add_node("p.a.Listener", kind="class", label="Listener", package="p.a")
    g.add_edge("p.a.Listener", "p.x.Other", weight=1.0)  # tied only outside the service
    service = {n for n in g if n != "p.x.Other"}
    cut, _ = fit_count(g, [service, {"p.x.Other"}], 3, lambda prepared, r: leiden(prepared, 1, r))
    assert sorted(len(p) for p in cut) == [1, 5, 6]  # the listener joined a piece


def test_screens_a_shared_provider_tied_together_are_apart_once_it_leaves() -> None:
    """Banner and FAQ screens upload through the file service, the only thing they share: the
    sweep puts the three together, the provider leaves, and the two screens are two services."""
    g = nx.Graph()

    def feature(names: list[str], package: str, weight: float) -> None:
        for n in names:
            g.add_node(n, kind="class", label=n.rpartition(".")[2], package=package)
        g.add_edges_from((u, v, {"weight": weight}) for u in names for v in names if u < v)

    files = ["e.cmm.FileService", "e.cmm.FileDAO", "e.cmm.FileController"]
    feature(files, "e.cmm", 3.0)
    g.nodes["e.cmm.FileController"]["handler"] = True
    g.add_edge("e.cmm.FileDAO", "table:FILE", weight=4.0)
    screens = {}
    for name in ("bnr.Banner", "faq.Faq", "nws.News", "sch.Schedule", "mem.Member"):
        package, _, stem_ = name.partition(".")
        screens[package] = [f"e.{name}{layer}" for layer in ("Controller", "Service", "DAO", "VO")]
        feature(screens[package], f"e.{package}", 1.0)
        g.add_edge(screens[package][2], f"table:{stem_.upper()}", weight=4.0)
        tie = 3.0 if package in ("bnr", "faq") else 0.5
        for n in screens[package][: 2 if tie > 1 else 1]:
            g.add_edge(n, "e.cmm.FileService", weight=tie)
    g.graph[USERS] = {"e.cmm.FileService": {s[0] for s in screens.values()}}
    d = decompose(g, resolution=None)
    services = sorted(sorted(c.classes) for c in d.clusters)
    assert sorted(screens["bnr"]) in services and sorted(screens["faq"]) in services
    assert sorted(files) in services
    assert any("pieces with no tie between them" in note for note in d.notes)


def test_empty_graph() -> None:
    assert decompose(nx.Graph()).clusters == ()


@settings(max_examples=40)
@given(st.integers(5, 40), st.integers(0, 10_000), st.floats(0.2, 3.0))
def test_partition_covers_every_node_once_and_is_seed_stable(
    n: int, seed: int, res: float
) -> None:
    g = nx.gnp_random_graph(n, 0.15, seed=seed)
    g = nx.relabel_nodes(g, {i: f"c.C{i}" for i in g})
    for u, v in g.edges:
        g[u][v]["weight"] = 1.0
    for i, node in enumerate(sorted(g)):  # packages of about 5: stragglers join their package
        g.nodes[node]["package"] = f"c.p{(i * 7 + seed) % max(1, n // 5)}"
    users: dict[str, set[str]] = {}
    for k, (u, v) in enumerate(g.edges):  # each edge a use one way: classes follow their users
        user, used = (u, v) if (k + seed) % 2 else (v, u)
        users.setdefault(used, set()).add(user)
    g.graph[USERS] = users
    first = decompose(g, seed=seed, resolution=res)
    members = [m for c in first.clusters for m in c.members]
    assert sorted(members) == sorted(g.nodes)
    assert decompose(g, seed=seed, resolution=res) == first
    pair = Constraints(together=((f"c.C{seed % n}", f"c.C{(seed + 1) % n}"),))
    pinned = decompose(g, seed=seed, resolution=res, constraints=pair)
    assert any(
        {f"c.C{seed % n}", f"c.C{(seed + 1) % n}"} <= set(c.members) for c in pinned.clusters
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("EgovArticleServiceImpl", "Article"),
        ("ArticleDAO", "Article"),
        ("ArticleVO", "Article"),
        ("ReservationMapper", "Reservation"),
        ("Util", "Util"),
        ("TradeSLSBLocal", "Trade"),
        ("DTBroker3MDB", "DTBroker"),
        ("QuoteDataBean", "Quote"),
        ("QuoteJSF", "Quote"),
        ("Base64", "Base64"),
    ],
)
def test_stem(name: str, expected: str) -> None:
    assert stem(name) == expected


def test_merging_down_joins_a_strongly_coupled_pair_before_two_small_barely_coupled_ones() -> None:
    """Four services to three: a service of four classes tied hard (6) to one of three is
    merged, not the two services of three classes tied by one weak edge (0.5), though merging
    the two small ones costs less in size."""
    groups = {"a": 4, "b": 3, "c": 3, "d": 3}
    g = nx.Graph()
    parts = []
    for name, size in groups.items():
        members = [f"{name}{i}" for i in range(size)]
        g.add_edges_from(itertools.combinations(members, 2), weight=1.0)
        parts.append(set(members))
    g.add_edge("a0", "b0", weight=6.0)
    g.add_edge("c0", "d0", weight=0.5)
    merged = merge_down(g, parts, 3)
    assert sorted(sorted(p) for p in merged) == [
        ["a0", "a1", "a2", "a3", "b0", "b1", "b2"],
        ["c0", "c1", "c2"],
        ["d0", "d1", "d2"],
    ]


def _split(*clusters: Cluster, unreferenced: tuple[str, ...] = ()) -> Decomposition:
    """A decomposition of ``clusters`` as Leiden at seed 42 would report it."""
    return Decomposition("leiden", 42, 1.0, clusters, 0.0, unreferenced_tables=unreferenced)


def _weighted(*edges: tuple[str, str, float]) -> nx.Graph:
    g = nx.Graph()
    g.add_weighted_edges_from(edges)
    return g


def test_moving_classes_to_the_kernel_keeps_each_service_and_makes_the_kernel() -> None:
    g = _weighted(
        ("a.A", "a.B", 1.0), ("a.A", "a.E", 1.0), ("b.C", "b.D", 1.0), ("a.B", "b.C", 0.1)
    )
    before = _split(
        Cluster("a", "a", ("a.A", "a.B", "a.E")),
        Cluster("b", "b", ("b.C", "b.D")),
        Cluster("K", "shared-kernel", ("u.Util",), kernel=True),
    )
    after = move_to_kernel(before, ["a.B"], g, "1 class set aside")
    assert [(c.id, c.name, c.members, c.kernel) for c in after.clusters] == [
        ("a", "a", ("a.A", "a.E"), False),
        ("b", "b", ("b.C", "b.D"), False),
        ("K", "shared-kernel", ("a.B", "u.Util"), True),  # the kernel found before stays
    ]
    assert after.modularity == pytest.approx(0.5)
    assert after.notes[-1] == "1 class set aside"
    assert move_to_kernel(before, [], g, "none") is before
    assert move_to_kernel(before, ["x.Absent", "u.Util"], g, "none") is before


def test_pins_apply_when_a_table_is_in_no_service() -> None:
    """An unreferenced table is a node of the graph in no cluster: pinning still works (an
    edited JPetStore assignment had failed with "not a valid partition")."""
    g = _weighted(("a.A", "a.B", 1.0), ("b.C", "b.D", 1.0), ("a.B", "b.C", 0.1))
    g.add_node("table:FREE")
    before = _split(
        Cluster("a", "a", ("a.A", "a.B")),
        Cluster("b", "b", ("b.C", "b.D")),
        unreferenced=("table:FREE",),
    )
    after = apply_pins(before, g, {"a.A": "a", "a.B": "b", "b.C": "b", "b.D": "b"})
    assert [(c.id, c.members) for c in after.clusters] == [
        ("a", ("a.A",)),
        ("b", ("a.B", "b.C", "b.D")),
    ]
    assert after.unreferenced_tables == ("table:FREE",)
    assert after.modularity == pytest.approx(
        Prepared(g).modularity([{"a.A"}, {"a.B", "b.C", "b.D"}])
    )


def test_a_service_left_without_classes_gives_its_tables_to_the_service_tied_to_them() -> None:
    """Its tables join the service most tied to them (LOG, and DETAIL through LOG), the kernel
    when the class that moved keeps them (OWN), else are unreferenced (FREE)."""
    g = _weighted(
        ("a.A", "a.B", 1.0),
        ("b.C", "table:LOG", 1.0),
        ("table:LOG", "a.A", 2.0),
        ("table:DETAIL", "table:LOG", 1.0),
        ("b.C", "table:OWN", 1.0),
    )
    g.add_node("table:FREE")
    tables = ("table:DETAIL", "table:FREE", "table:LOG", "table:OWN")
    before = _split(Cluster("a", "a", ("a.A", "a.B")), Cluster("b", "b", ("b.C", *tables)))
    after = move_to_kernel(before, ["b.C"], g, "the assignment file")
    assert [(c.id, c.members) for c in after.clusters] == [
        ("a", ("a.A", "a.B", "table:DETAIL", "table:LOG")),
        ("K", ("b.C", "table:OWN")),
    ]
    assert after.notes[-2:] == (
        "the assignment file",
        "1 service(s) left without classes were dropped",
    )
    assert after.unreferenced_tables == ("table:FREE",)

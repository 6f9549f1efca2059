"""Community detection gives a deterministic partition of every node."""

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from msadecomp.decompose import decompose
from msadecomp.decompose.constraints import Constraints
from msadecomp.decompose.naming import stem
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


def test_service_count_can_be_asked_for() -> None:
    d = decompose(two_cliques(), seed=1, services=1)
    assert len(d.clusters) == 1 and d.notes


def test_asking_for_more_services_than_the_graph_supports_explains_why() -> None:
    d = decompose(nx.relabel_nodes(nx.path_graph(3), str), seed=1, services=50)
    assert "at most" in d.notes[0]


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
    ],
)
def test_stem(name: str, expected: str) -> None:
    assert stem(name) == expected

"""Every algorithm partitions deterministically; constraints are honoured."""

import importlib
from collections.abc import Callable

import networkx as nx
import pytest

from msadecomp.decompose import decompose
from msadecomp.decompose.algorithms import ALGORITHMS
from msadecomp.decompose.constraints import Constraints
from msadecomp.errors import ConfigError


def three_groups() -> nx.Graph:
    g = nx.Graph()
    for group in ("a", "b", "c"):
        names = [f"x.{group}.C{i}" for i in range(6)]
        for n in names:
            g.add_node(
                n, kind="class", label=f"{group.upper()}{n[-1]}Service", package=f"x.{group}"
            )
        g.add_edges_from((u, v, {"weight": 2.0}) for u in names for v in names if u < v)
    g.add_edge("x.a.C0", "x.b.C0", weight=0.5)
    g.add_edge("x.b.C1", "x.c.C1", weight=0.5)
    return g


@pytest.mark.parametrize("algorithm", sorted(ALGORITHMS))
def test_each_algorithm_finds_the_three_groups(algorithm: str) -> None:
    d = decompose(three_groups(), algorithm=algorithm, seed=3, resolution=1.0)
    groups = sorted(tuple(sorted({m.split(".")[1] for m in c.members})) for c in d.clusters)
    assert groups == [("a",), ("b",), ("c",)]
    assert decompose(three_groups(), algorithm=algorithm, seed=3, resolution=1.0) == d


def test_sweep_runs_by_default_and_explains_itself() -> None:
    d = decompose(three_groups(), seed=1, resolution=None)
    assert len(d.clusters) == 3 and "highest modularity" in d.notes[0] and len(d.sweep) <= 20


def test_together_constraint_merges_groups() -> None:
    c = Constraints(together=(("x.a.*", "x.b.C3"),))
    d = decompose(three_groups(), seed=1, resolution=1.0, constraints=c)
    where = d.assignment()
    assert len({where[f"x.a.C{i}"] for i in range(6)} | {where["x.b.C3"]}) == 1


def test_apart_constraint_splits_a_service() -> None:
    c = Constraints(apart=(("x.a.C0", "x.a.C1"),))
    d = decompose(three_groups(), seed=1, resolution=1.0, constraints=c)
    where = d.assignment()
    assert where["x.a.C0"] != where["x.a.C1"]


def test_unmatched_constraint_patterns_are_reported() -> None:
    d = decompose(
        three_groups(), seed=1, resolution=1.0, constraints=Constraints(together=(("nothing.*",),))
    )
    assert "matched no class: nothing.*" in d.notes[0]


def test_kernel_nodes_form_their_own_group() -> None:
    d = decompose(three_groups(), seed=1, resolution=1.0, kernel=["x.a.C0"])
    kernel = [c for c in d.clusters if c.kernel]
    assert [c.members for c in kernel] == [("x.a.C0",)]


def test_services_n_returns_n_even_when_an_apart_constraint_splits_a_service() -> None:
    graph = three_groups()
    apart = Constraints(apart=(("x.a.C1", "x.a.C2"),))
    d = decompose(graph, seed=1, resolution=None, services=2, constraints=apart)
    services = [c for c in d.clusters if not c.kernel]
    assert len(services) == 2
    where = d.assignment()
    assert where["x.a.C1"] != where["x.a.C2"]


def test_modularity_matches_networkx() -> None:
    from networkx.algorithms.community import modularity

    from msadecomp.decompose.algorithms import Prepared

    graph = three_groups()
    parts = [{n for n in graph if n.startswith(p)} for p in ("x.a.", "x.b.", "x.c.")]
    assert Prepared(graph).modularity(parts) == pytest.approx(
        modularity(graph, parts, weight="weight")
    )


def test_unknown_algorithm() -> None:
    with pytest.raises(ConfigError, match="unknown algorithm"):
        decompose(three_groups(), algorithm="kmeans")


def test_parallel_sweep_gives_the_same_result(monkeypatch: pytest.MonkeyPatch) -> None:
    sweep_module = importlib.import_module("msadecomp.decompose.sweep")

    serial = decompose(three_groups(), seed=5, resolution=None, jobs=1)
    monkeypatch.setattr(sweep_module, "PARALLEL_NODES", 0)
    parallel = decompose(three_groups(), seed=5, resolution=None, jobs=2)
    assert parallel == serial


def test_sweep_stops_once_past_the_peak() -> None:
    from msadecomp.decompose.sweep import SweepPoint, _past_the_peak

    rising = [SweepPoint(4.0, 9, 0.5), SweepPoint(3.0, 8, 0.6), SweepPoint(2.0, 6, 0.7)]
    assert not _past_the_peak(rising)
    falling = [*rising, SweepPoint(1.0, 4, 0.6), SweepPoint(0.7, 3, 0.5), SweepPoint(0.5, 2, 0.4)]
    assert _past_the_peak(falling)
    # Q can dip below the bar for two steps and recover (seen with greedy modularity).
    two_dips = [
        *rising,
        SweepPoint(1.0, 4, 0.6),
        SweepPoint(0.7, 3, 0.6),
        SweepPoint(0.5, 3, 0.69),
    ]
    assert not _past_the_peak(two_dips)


def test_sweep_picks_the_highest_modularity_even_when_fewer_services_come_close() -> None:
    from msadecomp.decompose.sweep import resolutions, sweep

    q_by_services = {2: 0.50, 3: 0.600, 4: 0.610, 5: 0.604, 6: 0.55}

    class Prepared:
        nodes = tuple(f"c{i}" for i in range(12))

        def modularity(self, parts: list[set[str]]) -> float:
            return q_by_services[len(parts)]

    class Fake:
        prepared = Prepared()
        tries = 1

        def __call__(self, resolution: float, attempt: int = 0) -> list[set[str]]:
            n = 2 + min(4, int(resolution * 1.5))
            return [{f"c{i}" for i in range(12) if i % n == k} for k in range(n)]

    points, chosen, note, parts = sweep(Fake())  # type: ignore[arg-type]
    assert {p.services for p in points} >= {3, 4, 5}
    assert parts is not None and len(parts) == 4 and chosen in resolutions()
    assert "4 services give the highest modularity (0.610)" in note


Runs = list[tuple[dict[tuple[str, str], float], float]]


def _consensus(
    monkeypatch: pytest.MonkeyPatch,
    edges: list[tuple[str, str, float]],
    decide: Callable[[dict[tuple[str, str], float], int], list[set[str]]],
    resolution: float,
) -> tuple[list[set[str]], Runs, int]:
    """Consensus with a stand-in algorithm ``decide(weights by edge, seed)``; returns the
    partition, every run's (edge weights, resolution) and the runs per round and resolution."""
    consensus_module = importlib.import_module("msadecomp.decompose.consensus")
    from msadecomp.decompose.algorithms import Prepared

    g = nx.Graph()
    g.add_weighted_edges_from(edges)
    calls: Runs = []

    def stand_in(prepared: Prepared, seed: int, res: float) -> list[set[str]]:
        n = prepared.nodes
        weights = {(n[a], n[b]): w for a, b, w in prepared.edges}
        calls.append((weights, round(res, 3)))
        return decide(weights, seed)

    monkeypatch.setitem(consensus_module.ALGORITHMS, "stand-in", stand_in)
    parts = consensus_module.consensus(Prepared(g), "stand-in", 100, resolution)
    return parts, calls, consensus_module.RUNS


def test_consensus_keeps_each_tie_in_proportion_to_the_runs_that_honour_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parts, calls, runs = _consensus(
        monkeypatch,
        [("a", "b", 2.0), ("b", "c", 2.0), ("a", "c", 1.0)],
        lambda _, seed: [{"a", "b"}, {"c"}] if seed % 2 == 0 else [{"a"}, {"b", "c"}],
        1.5,
    )
    assert parts == [{"a", "b"}, {"c"}]
    # two rounds at the resolution and a step either side, then the final run
    assert len(calls) == 2 * 3 * runs + 1
    assert sorted({res for _, res in calls}) == [1.25, 1.5, 1.8]
    assert calls[-1][1] == 1.5
    # half the runs join a-b, the other half b-c; a and c are never together: no tie left
    assert calls[3 * runs][0] == {("a", "b"): 1.0, ("b", "c"): 1.0}
    assert calls[-1][0] == {("a", "b"): 1.0, ("b", "c"): 1.0}


def test_a_second_consensus_round_settles_the_ties_the_first_left_half_honoured(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def heavier(weights: dict[tuple[str, str], float], seed: int) -> list[set[str]]:
        ab, bc = weights.get(("a", "b"), 0.0), weights.get(("b", "c"), 0.0)
        if ab == bc:  # an even tie: two runs in three join a and b
            return [{"a"}, {"b", "c"}] if seed % 3 == 0 else [{"a", "b"}, {"c"}]
        return [{"a", "b"}, {"c"}] if ab > bc else [{"a"}, {"b", "c"}]

    parts, calls, runs = _consensus(monkeypatch, [("a", "b", 2.0), ("b", "c", 2.0)], heavier, 1.0)
    assert parts == [{"a", "b"}, {"c"}]
    first = calls[3 * runs][0]  # what the second round sees: each tie times its share of runs
    assert first[("a", "b")] > first[("b", "c")] > 0
    # every second-round run joins a and b: the final run sees only that tie, at full weight
    assert calls[-1][0] == {("a", "b"): 2.0}


def test_decompose_with_consensus_is_deterministic_and_finds_the_groups() -> None:
    first = decompose(three_groups(), seed=7, resolution=None)
    assert first == decompose(three_groups(), seed=7, resolution=None)
    assert len(first.clusters) == 3


def test_the_notes_say_when_the_final_count_differs_from_the_sweeps() -> None:
    g = three_groups()
    g.add_node("x.d.D0", kind="class", label="D0Service", package="x.d")
    g.add_node("x.d.D1", kind="class", label="D1Service", package="x.d")
    g.add_edge("x.d.D0", "x.d.D1", weight=2.0)
    g.add_edge("x.d.D0", "x.a.C2", weight=0.3)
    d = decompose(g, seed=1, resolution=None)
    assert len(d.clusters) == 3  # the pair is too small to stand alone: it joins group a
    assert any(
        n.startswith("3 services in the end (the sweep's best run at that resolution gave 4)")
        for n in d.notes
    )


def test_each_sweep_step_is_scored_by_the_best_of_its_tries() -> None:
    """One unlucky run must not move the peak: a step runs ``tries`` times with seeds of its
    own and keeps the partition of highest modularity."""
    from msadecomp.decompose.sweep import _point

    class Prepared:
        nodes = ("a", "b", "c", "d")

        def modularity(self, parts: list[set[str]]) -> float:
            return {1: 0.0, 2: 0.4, 4: 0.1}[len(parts)]

    class Fake:
        prepared = Prepared()
        tries = 3

        def __init__(self) -> None:
            self.attempts: list[int] = []

        def __call__(self, resolution: float, attempt: int = 0) -> list[set[str]]:
            self.attempts.append(attempt)
            if attempt == 1:
                return [{"a", "b"}, {"c", "d"}]
            return [{n} for n in "abcd"] if attempt == 0 else [{"a", "b", "c", "d"}]

    kept: dict[float, list[set[str]]] = {}
    fake = Fake()
    point = _point(fake, 1.0, kept)  # type: ignore[arg-type]
    assert fake.attempts == [0, 1, 2]
    assert (point.services, point.modularity) == (2, 0.4)
    assert kept[1.0] == [{"a", "b"}, {"c", "d"}]


def test_randomised_algorithms_get_several_tries_with_seeds_of_their_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from msadecomp.decompose import _Partitioner
    from msadecomp.decompose.sweep import TRIES

    seeds: list[int] = []
    monkeypatch.setitem(ALGORITHMS, "leiden", lambda prepared, seed, res: seeds.append(seed) or [])
    g = nx.Graph([("a", "b")])
    leiden = _Partitioner("leiden", 7, g)
    assert leiden.tries == TRIES > 1
    for attempt in range(leiden.tries):
        leiden(1.0, attempt)
    assert len(set(seeds)) == TRIES and seeds[0] == 7
    assert _Partitioner("greedy_modularity", 7, g).tries == 1  # deterministic: once is enough

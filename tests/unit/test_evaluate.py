"""MoJoFM, accuracy and ARI against hand-checked values and brute force."""

from hypothesis import given
from hypothesis import strategies as st

from msadecomp.evaluate import (
    accuracy,
    ari,
    compare,
    evaluate_report,
    max_mno,
    mno,
    mojofm,
    view_assignment,
)
from msadecomp.truth import parse_truth


def part(*clusters: str) -> dict[str, str]:
    """part("ab", "cd") -> {a: 0, b: 0, c: 1, d: 1}."""
    return {o: str(i) for i, c in enumerate(clusters) for o in c}


def test_identical_partitions_score_perfectly() -> None:
    a = part("abc", "de")
    assert mno(a, a) == 0 and mojofm(a, a) == 100.0 and ari(a, a) == 1.0
    assert accuracy(a, a) == 1.0


def test_one_move_and_one_join() -> None:
    truth = part("abc", "de")
    assert mno(part("ab", "cde"), truth) == 1  # move c
    assert mno(part("a", "bc", "de"), truth) == 1  # join a and bc
    assert mno(part("abcde"), truth) == 2  # move d and e out


def test_ties_are_resolved_by_matching() -> None:
    # {a,c} and {b,d} each tie between both groups; a matching tags them to different groups.
    assert mno(part("ac", "bd"), part("ab", "cd")) == 2


def _partitions(items: list[str]) -> list[list[list[str]]]:
    if not items:
        return [[]]
    first, rest = items[0], items[1:]
    out = []
    for p in _partitions(rest):
        for i in range(len(p)):
            out.append([*p[:i], [first, *p[i]], *p[i + 1 :]])
        out.append([[first], *p])
    return out


@given(st.lists(st.integers(0, 3), min_size=1, max_size=6))
def test_max_mno_is_the_brute_force_maximum(labels: list[int]) -> None:
    objects = [f"o{i}" for i in range(len(labels))]
    truth = {o: str(g) for o, g in zip(objects, labels, strict=True)}
    worst = max(
        mno({o: str(i) for i, c in enumerate(p) for o in c}, truth) for p in _partitions(objects)
    )
    assert max_mno(truth) == worst


@given(
    st.lists(st.integers(0, 4), min_size=2, max_size=30),
    st.lists(st.integers(0, 4), min_size=30, max_size=30),
)
def test_scores_stay_in_range(truth_labels: list[int], found_labels: list[int]) -> None:
    objects = [f"o{i}" for i in range(len(truth_labels))]
    truth = {o: str(g) for o, g in zip(objects, truth_labels, strict=False)}
    found = {o: str(g) for o, g in zip(objects, found_labels, strict=False)}
    assert 0.0 <= mojofm(found, truth) <= 100.0
    assert 0.0 < accuracy(found, truth) <= 1.0
    assert -1.0 <= ari(found, truth) <= 1.0


def test_compare_reports_missing_and_extra_objects() -> None:
    got = compare({"a": "1", "b": "1", "x": "2"}, {"a": "p", "b": "p", "c": "q"})
    assert (got.objects, got.missing, got.extra) == (2, ("c",), ("x",))


def test_unplaced_objects_count_as_wrong() -> None:
    got = compare({"a": "1", "b": "1"}, {"a": "p", "b": "p", "c": "p", "d": "q"}, {"c", "d"})
    assert got.objects == 4 and got.unplaced == ("c", "d") and got.missing == ()
    assert got.accuracy == 0.5
    assert got.mojofm < 100.0


def test_placing_the_unplaced_right_scores_perfectly() -> None:
    truth = {"a": "p", "b": "p", "c": "p", "d": "q"}
    assert compare({"a": "1", "b": "1", "c": "1", "d": "2"}, truth).mojofm == 100.0
    assert compare({"a": "1", "b": "1", "d": "2"}, truth, {"c"}).mojofm < 100.0


def report(**extra: object) -> dict[str, object]:
    """A minimal report.json: S1 holds a.A and a.B, S2 holds a.C; K is the shared kernel."""
    base: dict[str, object] = {
        "services": [
            {"id": "S1", "classes": ["a.A", "a.B"], "pages": ["web/WEB-INF/jsp/x/A.jsp"]},
            {"id": "S2", "classes": ["a.C"], "pages": ["web/WEB-INF/jsp/y/C.jsp"]},
        ],
        "shared_kernel": {"id": "K", "classes": ["a.U"]},
        "tables": {"TA": {"owner": "S1"}, "TC": {"owner": "S2"}, "TX": {"owner": None}},
    }
    base.update(extra)
    return base


def test_report_is_scored_per_component_kind_and_overall() -> None:
    truth = parse_truth(
        {
            "classes": {"a.A": "x", "a.B": "x", "a.C": "y", "a.U": "common"},
            "views": {"WEB-INF/jsp/x/A.jsp": "x", "WEB-INF/jsp/y/C.jsp": "y"},
            "tables": {"TA": "x", "TC": "y", "TX": "y"},
        }
    )
    got = evaluate_report(report(), truth)
    assert list(got.kinds) == ["classes", "views", "tables", "all"]
    assert got.kinds["classes"].objects == 3 and got.kinds["classes"].accuracy == 1.0
    assert got.kinds["views"].objects == 2 and got.kinds["views"].mojofm == 100.0
    assert got.kinds["tables"].unplaced == ("TX",)
    assert got.kinds["all"].objects == 8 and got.kinds["all"].accuracy == 7 / 8
    assert got.ignored == {"classes": 1}


def test_views_are_unplaced_when_the_report_places_none() -> None:
    truth = parse_truth({"views": {"a.jsp": "x", "b.jsp": "y"}})
    services = [{"id": "S1", "classes": ["a.A"]}]
    got = evaluate_report(report(services=services), truth)
    assert got.kinds["views"].unplaced == ("a.jsp", "b.jsp")
    assert got.kinds["views"].accuracy == 0.0
    assert "classes" not in got.kinds


def test_report_views_win_over_pages() -> None:
    services = [{"id": "S9", "classes": [], "views": [{"path": "a.jsp"}], "pages": ["b.jsp"]}]
    assert view_assignment(report(services=services)) == {"a.jsp": "S9"}

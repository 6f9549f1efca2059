"""MoJoFM, accuracy and ARI against hand-checked values and brute force."""

from hypothesis import given
from hypothesis import strategies as st

from msadecomp.evaluate import accuracy, ari, compare, max_mno, mno, mojofm


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

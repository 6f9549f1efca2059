"""Compare a decomposition with a ground truth: MoJoFM, majority-label accuracy and ARI.

Formulas (n objects in both partitions; A computed, B truth):

* ``mno(A, B)``, the fewest Move and Join operations that turn A into B, computed optimally as
  in Wen & Tzerpos (2004): tag each cluster of A with the truth group it shares most objects
  with (ties allowed); ``M = n - sum(max overlap)``; ``g`` = maximum bipartite matching between
  A's clusters and groups through the tags; ``mno = M + |A| - g``.
* ``MoJoFM(A, B) = (1 - mno(A, B) / max_A' mno(A', B)) * 100``; the denominator is ``n - g*``,
  where ``g*`` walks the truth group sizes in ascending order and counts one up whenever a size
  exceeds the count so far.
* accuracy: share of objects whose cluster's majority truth label equals their own label.
* ARI: the adjusted Rand index (Hubert & Arabie, 1985).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from math import comb

import networkx as nx


@dataclass(frozen=True, slots=True)
class Agreement:
    objects: int
    mojofm: float
    accuracy: float
    ari: float
    missing: tuple[str, ...] = ()
    """Truth objects the decomposition does not contain."""
    extra: tuple[str, ...] = ()
    """Decomposition objects the truth does not mention (left out of the scores)."""


def _contingency(a: Mapping[str, str], b: Mapping[str, str]) -> dict[str, Counter[str]]:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for obj, cluster in a.items():
        table[cluster][b[obj]] += 1
    return table


def mno(a: Mapping[str, str], b: Mapping[str, str]) -> int:
    """Move-and-join distance from partition ``a`` to ``b`` (both: object -> cluster label)."""
    table = _contingency(a, b)
    moves = 0
    tags = nx.Graph()
    for cluster, overlaps in table.items():
        best = max(overlaps.values())
        moves += sum(overlaps.values()) - best
        tags.add_node(("a", cluster))
        for group, count in overlaps.items():
            if count == best:
                tags.add_edge(("a", cluster), ("b", group))
    top = [n for n in tags if n[0] == "a"]
    matched = len(nx.bipartite.maximum_matching(tags, top_nodes=top)) // 2
    return moves + len(table) - matched


def max_mno(b: Mapping[str, str]) -> int:
    """The largest ``mno(A, b)`` over all partitions A of the same objects."""
    g = 0
    for size in sorted(Counter(b.values()).values()):
        if size > g:
            g += 1
    return len(b) - g


def mojofm(a: Mapping[str, str], b: Mapping[str, str]) -> float:
    worst = max_mno(b)
    return 100.0 if worst == 0 else 100.0 * (1.0 - mno(a, b) / worst)


def accuracy(a: Mapping[str, str], b: Mapping[str, str]) -> float:
    if not a:
        return 0.0
    table = _contingency(a, b)
    return sum(max(c.values()) for c in table.values()) / len(a)


def ari(a: Mapping[str, str], b: Mapping[str, str]) -> float:
    n = len(a)
    if n < 2:
        return 1.0
    table = _contingency(a, b)
    index = sum(comb(c, 2) for row in table.values() for c in row.values())
    rows = sum(comb(sum(row.values()), 2) for row in table.values())
    cols = sum(comb(c, 2) for c in Counter(b[o] for o in a).values())
    expected = rows * cols / comb(n, 2)
    top = (rows + cols) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


def compare(assignment: Mapping[str, str], truth: Mapping[str, str]) -> Agreement:
    """Scores of ``assignment`` (object -> cluster) against ``truth`` (object -> context)."""
    common = {o: c for o, c in assignment.items() if o in truth}
    b = {o: truth[o] for o in common}
    missing = tuple(sorted(set(truth) - set(assignment)))
    extra = tuple(sorted(set(assignment) - set(truth)))
    if not common:
        return Agreement(0, 0.0, 0.0, 0.0, missing, extra)
    return Agreement(
        len(common), mojofm(common, b), accuracy(common, b), ari(common, b), missing, extra
    )


def subdomain_accuracy(
    predicted: Mapping[str, str],
    truth_classes: Mapping[str, str],
    truth_subdomains: Mapping[str, str],
) -> tuple[float, int]:
    """Share of classes whose service got the subdomain type their truth context has.

    ``predicted`` maps class -> core/supporting/generic. Returns (accuracy, classes compared).
    """
    compared = [
        c for c in predicted if c in truth_classes and truth_classes[c] in truth_subdomains
    ]
    if not compared:
        return 0.0, 0
    hits = sum(predicted[c] == truth_subdomains[truth_classes[c]] for c in compared)
    return hits / len(compared), len(compared)

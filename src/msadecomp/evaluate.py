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

Objects the truth labels and the analysis knows but did not place in any service ("unplaced")
are scored as one singleton cluster each and always count as wrong for accuracy, so leaving
things out never raises a score. :func:`evaluate_report` scores a report per component kind
(classes, views, tables) and over all components together.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from math import comb
from typing import Any

import networkx as nx

from msadecomp.report.build import class_assignment
from msadecomp.truth import KINDS, Truth, normalise_view


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
    unplaced: tuple[str, ...] = ()
    """Truth objects the analysis knows but put in no service (scored as wrong)."""


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


_UNPLACED = "\x00unplaced:"


def compare(
    assignment: Mapping[str, str],
    truth: Mapping[str, str],
    unplaced: frozenset[str] | set[str] = frozenset(),
) -> Agreement:
    """Scores of ``assignment`` (object -> cluster) against ``truth`` (object -> context).

    ``unplaced`` names objects the analysis found but left out of every service: those in the
    truth are scored as singleton clusters that are always wrong. Other truth objects missing
    from ``assignment`` are reported as ``missing`` and left out of the scores.
    """
    placed = {o: c for o, c in assignment.items() if o in truth}
    left_out = sorted(o for o in unplaced if o in truth and o not in placed)
    a = placed | {o: _UNPLACED + o for o in left_out}
    b = {o: truth[o] for o in a}
    missing = tuple(sorted(set(truth) - set(assignment) - set(left_out)))
    extra = tuple(sorted(set(assignment) - set(truth)))
    if not a:
        return Agreement(0, 0.0, 0.0, 0.0, missing, extra)
    hits = accuracy(placed, b) * len(placed) if placed else 0.0
    return Agreement(
        len(a), mojofm(a, b), hits / len(a), ari(a, b), missing, extra, tuple(left_out)
    )


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Scores of one report against one truth file, per component kind and over all of them."""

    kinds: dict[str, Agreement] = field(default_factory=dict)
    """"classes", "views", "tables" (those the truth labels) and "all"."""
    ignored: dict[str, int] = field(default_factory=dict)
    """Per kind, truth objects with a don't-care label (left out of the scores)."""


def table_assignment(report: Mapping[str, Any]) -> tuple[dict[str, str], set[str]]:
    """(table -> owning service, tables the report knows but no listed service owns).

    Table names are upper-cased, as truth files' are.
    """
    services = {s["id"] for s in report.get("services", [])}
    kernel = report.get("shared_kernel")
    if kernel:
        services.add(kernel["id"])
    owned: dict[str, str] = {}
    unplaced: set[str] = set()
    for table, info in report.get("tables", {}).items():
        owner = info.get("owner") if isinstance(info, Mapping) else None
        if isinstance(owner, str) and owner in services:
            owned[table.upper()] = owner
        else:
            unplaced.add(table.upper())
    return owned, unplaced


def view_assignment(report: Mapping[str, Any]) -> dict[str, str]:
    """View path -> service, from each service's ``views`` (or, before those, ``pages``).

    A view listed by several services goes to the first of them in report order.
    """
    out: dict[str, str] = {}
    for service in report.get("services", []):
        views = service.get("views", service.get("pages", []))
        for view in views:
            path = view.get("path") if isinstance(view, Mapping) else view
            if isinstance(path, str):
                out.setdefault(normalise_view(path), service["id"])
    return out


def _match_views(found: Mapping[str, str], truth: Mapping[str, str]) -> dict[str, str]:
    """Re-key ``found`` by truth path where one path ends with the other at a ``/``."""
    out: dict[str, str] = {}
    for path, service in found.items():
        if path in truth:
            out[path] = service
            continue
        for t in truth:
            if path.endswith("/" + t) or t.endswith("/" + path):
                out.setdefault(t, service)
                break
        else:
            out[path] = service
    return out


def evaluate_report(report: Mapping[str, Any], truth: Truth) -> Evaluation:
    """Score a report (``report.json`` data) against ``truth`` per component kind.

    Classes come from the services and the shared kernel; tables from their owner (a table the
    report lists without an owning service is unplaced); views from the services' ``views`` or
    ``pages``. When the report places no views at all, every truth view is unplaced. Kinds the
    truth does not label are left out; "all" pools every labelled kind.
    """
    tables, unplaced_tables = table_assignment(report)
    views = _match_views(view_assignment(report), truth.views)
    found: dict[str, tuple[dict[str, str], set[str]]] = {
        "classes": (class_assignment(dict(report)), set()),
        "views": (views, set(truth.views) - set(views)),
        "tables": (tables, unplaced_tables),
    }
    kinds: dict[str, Agreement] = {}
    pooled_found: dict[str, str] = {}
    pooled_truth: dict[str, str] = {}
    pooled_unplaced: set[str] = set()
    for kind in KINDS:
        labels = truth.labelled(kind)
        if not labels:
            continue
        assignment, unplaced = found[kind]
        kinds[kind] = compare(assignment, labels, frozenset(unplaced))
        pooled_found.update({f"{kind}:{o}": c for o, c in assignment.items()})
        pooled_truth.update({f"{kind}:{o}": c for o, c in labels.items()})
        pooled_unplaced.update(f"{kind}:{o}" for o in unplaced)
    if kinds:
        kinds["all"] = compare(pooled_found, pooled_truth, frozenset(pooled_unplaced))
    ignored = {kind: truth.ignored(kind) for kind in KINDS if truth.ignored(kind)}
    return Evaluation(kinds, ignored)


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

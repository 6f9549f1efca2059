"""Quality metrics of a decomposition, computed from the code model (formulas below).

Notation: K services (the shared kernel is a library, not a service, and is left out), N_i
classes in service i, N all classes in services. A *dependency* is a distinct ordered pair of
classes linked by a structural dependency (call, field, parameter, inheritance, injection, ...);
``calls(i, j)`` counts call sites from service i to service j.

* Modularity Q: Newman modularity of the clustering graph (weighted, resolution 1).
* SM, structural modularity (Jin et al., 2019):
  ``SM = (1/K) sum_i mu_i / N_i^2  -  (1/(K(K-1)/2)) sum_{i<j} sigma_ij / (2 N_i N_j)``,
  mu_i dependencies inside i, sigma_ij dependencies between i and j. Higher is better; [-1, 1].
* IFN, interface number: the mean, over services, of the number of its classes used from other
  services (what it must publish). Lower is better.
* ICP, inter-call percentage: ``sum_{i!=j} calls(i,j) / sum_{i,j} calls(i,j)``. Lower is better.
* NED, non-extreme distribution: ``1 - (sum of N_i over services with 5 <= N_i <= 20) / N``.
  Lower is better (no tiny or huge services).
* TurboMQ: ``sum_i CF_i`` with ``CF_i = 2 mu_i / (2 mu_i + sum_{j!=i} (sigma_ij + sigma_ji))``
  (directed dependencies); also reported divided by K. Higher is better.
* Transaction entropy: per table, the Shannon entropy (bits) of how its reads and writes
  (writes count 3) spread over services, averaged over accessed tables. 0 when each table is used
  by one service; higher means more data shared across service boundaries.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass

from msadecomp.decompose import Decomposition
from msadecomp.model import Access, CodeModel, DepKind

NED_MIN, NED_MAX = 5, 20
STRUCTURAL = frozenset(DepKind) - {DepKind.IMPORT, DepKind.ANNOTATION}


@dataclass(frozen=True, slots=True)
class Metrics:
    services: int
    modularity: float
    sm: float
    ifn: float
    icp: float
    ned: float
    turbomq: float
    turbomq_normalised: float
    transaction_entropy: float
    shared_table_share: float
    """Share of accessed tables used by more than one service."""

    def as_dict(self) -> dict[str, float]:
        return {k: round(float(v), 4) for k, v in asdict(self).items()}


def _service_of(model: CodeModel, decomposition: Decomposition) -> dict[str, str]:
    top = {t.fqn: t.top_level for t in model.types}
    services = {m: c.id for c in decomposition.clusters if not c.kernel for m in c.classes}
    return {fqn: services[t] for fqn, t in top.items() if t in services}


def dependency_pairs(
    model: CodeModel, decomposition: Decomposition
) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]], set[tuple[str, str]]]:
    """(distinct dependencies, call sites) per ordered service pair, and the class pairs."""
    where = _service_of(model, decomposition)
    top = {t.fqn: t.top_level for t in model.types}
    pairs: set[tuple[str, str]] = set()
    calls: Counter[tuple[str, str]] = Counter()
    for d in model.dependencies:
        if d.kind not in STRUCTURAL:
            continue
        a, b = top.get(d.source, d.source), top.get(d.target, d.target)
        if a == b or d.source not in where or d.target not in where:
            continue
        pairs.add((a, b))
        if d.kind == DepKind.CALL:
            calls[(where[d.source], where[d.target])] += 1
    deps: Counter[tuple[str, str]] = Counter()
    service_of_top = {top.get(k, k): v for k, v in where.items()}
    for a, b in pairs:
        deps[(service_of_top[a], service_of_top[b])] += 1
    return deps, calls, pairs


def compute_metrics(model: CodeModel, decomposition: Decomposition) -> Metrics:
    services = [c for c in decomposition.clusters if not c.kernel and c.classes]
    k = len(services)
    sizes = {c.id: len(c.classes) for c in services}
    n = sum(sizes.values())
    deps, calls, pairs = dependency_pairs(model, decomposition)

    mu = {s: deps.get((s, s), 0) for s in sizes}
    cohesion = sum(mu[s] / sizes[s] ** 2 for s in sizes) / k if k else 0.0
    coupling = 0.0
    if k > 1:
        ids = sorted(sizes)
        total = 0.0
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                i, j = ids[x], ids[y]
                sigma = deps.get((i, j), 0) + deps.get((j, i), 0)
                total += sigma / (2 * sizes[i] * sizes[j])
        coupling = total / (k * (k - 1) / 2)
    sm = cohesion - coupling

    where = _service_of(model, decomposition)
    top_service = {c: s.id for s in services for c in s.classes}
    published: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        if top_service.get(a) != top_service.get(b):
            published[top_service[b]].add(b)
    ifn = sum(len(v) for v in published.values()) / k if k else 0.0

    all_calls = sum(calls.values())
    icp = sum(v for (i, j), v in calls.items() if i != j) / all_calls if all_calls else 0.0

    ned = 1 - sum(v for v in sizes.values() if NED_MIN <= v <= NED_MAX) / n if n else 0.0

    turbo = 0.0
    for s in sizes:
        out_in = sum(v for (i, j), v in deps.items() if (i == s) != (j == s))
        if mu[s]:
            turbo += 2 * mu[s] / (2 * mu[s] + out_in)

    use: dict[str, Counter[str]] = defaultdict(Counter)
    for access in model.table_accesses:
        svc = where.get(access.source)
        if svc is not None:
            use[access.table][svc] += 3 if access.access == Access.WRITE else 1
    entropies = []
    for counts in use.values():
        total = sum(counts.values())
        entropies.append(-sum(c / total * math.log2(c / total) for c in counts.values()))
    entropy = sum(entropies) / len(entropies) if entropies else 0.0
    shared = sum(1 for c in use.values() if len(c) > 1) / len(use) if use else 0.0

    return Metrics(
        k,
        decomposition.modularity,
        sm,
        ifn,
        icp,
        ned,
        turbo,
        turbo / k if k else 0.0,
        entropy,
        shared,
    )

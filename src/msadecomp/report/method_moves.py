"""Methods that work only on another service's data: the classes a split cuts through.

A class of logic (service or persistence layer, or reading and writing tables itself) may hold
methods for several services' data: DayTrader's ``TradeSLSBBean`` and ``TradeDirect`` buy and
sell for the trade service but also create, read and update quotes, the quote service's data.
Clustering puts each class in one service, so the quote methods would be remote calls back to
the trade service once split. This module finds, per class, the methods whose uses (calls,
instances made, local variables) reach one other service's entities, services or stores and
nothing of the class's own service: the class is split along them before the services are
cut apart, those methods moving to that service.

A class qualifies when at least :data:`MIN_METHODS` methods go to one other service and at
least one of its methods uses its own service's data: a class none of whose methods does is
placed by other ties (its callers), not cut through. Entities, value objects and web classes
are left out: their getters returning another service's entity are associations, and a web
class calling another service is a remote call the report lists already. Uses of the shared
kernel and of helper classes (utilities, configuration) do not count.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from msadecomp.decompose import Decomposition
from msadecomp.decompose.tables import top_levels
from msadecomp.graph import layer_of, request_handlers
from msadecomp.model import MAPPINGS, CodeModel, DepKind, JavaType

MIN_METHODS = 2
"""Methods a class must have for one other service before it is listed."""
METHOD_USES = frozenset({DepKind.CALL, DepKind.NEW, DepKind.LOCAL})
"""Dependencies made inside a method body; their ``detail`` starts with the method's name."""
LOGIC_LAYERS = frozenset({"service", "persistence"})
"""Layers of logic: their classes are split; their classes are data a method works on."""


def methods_to_move(model: CodeModel, decomposition: Decomposition) -> list[dict[str, Any]]:
    """One entry per (class, other service): ``class``, ``service``, ``to_service``, the sorted
    ``methods`` using only that service's data, and ``kept``: how many of the class's methods
    use its own service's data. Sorted by class, then the other service."""
    where = decomposition.assignment()
    kernel = {c.id for c in decomposition.clusters if c.kernel}
    top = top_levels(model)
    types = {t.fqn: t for t in model.types}
    handlers = request_handlers(model)
    layers = {t.fqn: layer_of(t, handlers) for t in model.types if t.outer is None}
    accessing = {a.source for a in model.table_accesses}
    # mapped to a table, by annotations or by a mapping file (DHIS2's hbm.xml DataSet)
    entities = {t.fqn for t in model.types if t.stereotype == "entity" or t.entity_table}
    entities |= {a.source for a in model.table_accesses if a.via in MAPPINGS}

    def data_of(fqn: str) -> str | None:
        """The service whose data a used class is: an entity or a logic class, not kernel."""
        t = types.get(fqn)
        service = where.get(fqn)
        if t is None or service is None or service in kernel:
            return None
        return service if fqn in entities or layers.get(fqn) in LOGIC_LAYERS else None

    reach: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for d in model.dependencies:
        source = types.get(d.source)
        method = d.detail.partition("->")[0]
        if d.kind not in METHOD_USES or source is None or source.outer is not None:
            continue
        if not method or method == source.simple_name:  # (a constructor)
            continue
        target = top.get(d.target, d.target)
        service = None if target == d.source else data_of(target)
        if service is not None:
            reach[d.source][method][service] += 1
    out: list[dict[str, Any]] = []
    for fqn, methods in sorted(reach.items()):
        home = where.get(fqn)
        if home is None or home in kernel or fqn in entities:
            continue
        if not _is_logic(types[fqn], layers, accessing):
            continue
        kept = sum(1 for services in methods.values() if home in services)
        away: dict[str, list[str]] = defaultdict(list)
        for method, services in methods.items():
            if len(services) == 1 and home not in services:
                away[next(iter(services))].append(method)
        for service, moved in sorted(away.items()):
            if kept and len(moved) >= MIN_METHODS:
                out.append(
                    {
                        "class": fqn,
                        "service": home,
                        "to_service": service,
                        "methods": sorted(moved),
                        "kept": kept,
                    }
                )
    return out


def _is_logic(t: JavaType, layers: dict[str, str], accessing: set[str]) -> bool:
    """A class of logic (entities aside): not a web class, and of the service or persistence
    layer or reading and writing tables itself."""
    layer = layers.get(t.fqn)
    if layer == "web":
        return False
    return layer in LOGIC_LAYERS or t.fqn in accessing

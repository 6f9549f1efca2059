"""What runs a service, and services nothing runs.

An **entry class** is a class something outside the code starts: a request handler (an
endpoint of the model, message listeners and scheduled jobs included), a class a view links
to, renders through or creates in its scriptlets, a bean declared in XML, a message-driven bean
or a class named like one a container runs on an event or a timer (:func:`listens`).

A service is **unused data access** when it is persistence code nothing calls: it holds a
store (DAO, mapper, repository), no class outside the service refers to any of its classes (an
annotation alone, or a message sent to a queue it listens to, is no reference; an import is:
the linker records ``getBean(X.class)``, ``X::find`` and ``X.TABLE`` as imports), none of them
is an entry class or extends or implements a type of another service (a class reached through
its supertype is used; a base in the shared kernel reaches nothing), and every class of it is
reached from its stores (the entities and criteria classes only they use). A Spring Data REST
repository (``@RepositoryRestResource``) serves requests without an endpoint in the model: it
is an entry class. vhr's generated MyBatis mappers for salary adjustments, appraisals and
trainings, and mall's growth- and integration-history mappers, are such code: generated for
features never built, they had formed services, one typed core.
"""

from __future__ import annotations

import re
from collections import defaultdict

from msadecomp.decompose import Decomposition
from msadecomp.graph import USE_KINDS, layer_of, request_handlers
from msadecomp.model import CodeModel, DepKind, JavaType

LISTENER = re.compile(r"(MDB|Job|Task|Listener|Consumer|Subscriber|Scheduler|Trigger)$")
"""Names of classes a container or the database runs on a message, an event or a timer: entry
points other than a request (DayTrader's ``DTBroker3MDB``, a Quartz ``SummaryJob``, openlamis's
H2 ``AfterFacilityInsertTrigger``)."""
SUPERTYPE = frozenset({DepKind.EXTENDS, DepKind.IMPLEMENTS})
REFERENCES = USE_KINDS | {DepKind.IMPORT.value}
"""Dependencies that refer to a class (see the module's text)."""
SELF_SERVING = frozenset({"MessageDriven", "RepositoryRestResource"})
"""Annotations of classes the container runs or exposes by themselves."""


def listens(t: JavaType) -> bool:
    """A message-driven bean, a Spring Data REST repository, or a top-level class named as an
    entry point (a nested ``Task`` is a ``Runnable`` its outer class runs: JeeSite's
    ``MapperLoader.Task``)."""
    by_itself = any(a.rpartition(".")[2] in SELF_SERVING for a in t.annotations)
    return by_itself or (t.outer is None and bool(LISTENER.search(t.simple_name)))


def entry_classes(model: CodeModel) -> set[str]:
    """Top-level classes something outside the code starts (see the module's text); a page's
    ``controllers`` hold the classes it links to, renders through or creates."""
    top = {t.fqn: t.top_level for t in model.types}
    found = {e.handler.partition("#")[0] for e in model.endpoints}
    found |= {t.fqn for t in model.types if listens(t)}
    found |= {b.cls for b in model.beans}
    for page in model.pages:
        found.update(page.controllers)
    return {top.get(x, x) for x in found}


def unused_services(model: CodeModel, decomposition: Decomposition) -> dict[str, list[str]]:
    """Services that are unused data access (see the module's text), keyed by id, each with
    its stores."""
    top = {t.fqn: t.top_level for t in model.types}
    where = {m: c.id for c in decomposition.clusters for m in c.classes}
    handlers = request_handlers(model)
    stores: dict[str, list[str]] = defaultdict(list)
    for t in model.types:
        if t.outer is None and t.fqn in where and layer_of(t, handlers) == "persistence":
            stores[where[t.fqn]].append(t.fqn)
    kernel = {c.id for c in decomposition.clusters if c.kernel}
    used = {where.get(x) for x in entry_classes(model)}
    inside: dict[str, set[str]] = defaultdict(set)
    for d in model.dependencies:
        source, target = top.get(d.source, d.source), top.get(d.target, d.target)
        if source == target or target not in where or d.kind.value not in REFERENCES:
            continue
        home = where[target]
        if where.get(source) != home:
            used.add(home)  # referred to from outside (or from no service's class)
        else:
            inside[source].add(target)
        if d.kind in SUPERTYPE and source in where and home not in kernel | {where[source]}:
            used.add(where[source])  # reached through a supertype of another service
    out: dict[str, list[str]] = {}
    for c in decomposition.clusters:
        if c.kernel or c.id in used or not stores.get(c.id):
            continue
        reached = set(stores[c.id])
        todo = list(reached)
        while todo:
            for target in inside[todo.pop()] - reached:
                reached.add(target)
                todo.append(target)
        if reached >= set(c.classes):
            out[c.id] = sorted(stores[c.id])
    return out

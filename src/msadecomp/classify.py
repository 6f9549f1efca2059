"""Subdomain typing: is each proposed context core, supporting or generic?

The evidence per context, each a number in [0, 1]:

* ``generic_names``: share of its classes whose package or name uses the vocabulary of generic
  subdomains (authentication, users, code tables, files, logging, scheduling, messaging, ...).
* ``fan_in``: share of the other contexts that depend on it. Generic capabilities are used by
  many; core logic is used by few.
* ``behaviour``: business operations per class, i.e. methods that are not plain CRUD,
  accessors or framework callbacks such as ``doGet`` (``receiveComplaint``,
  ``confirmReservation``), relative to the richest context.
* ``rules``: rule and state types (enums, ``*Validator``, ``*Calculator``, ``*Policy``, ...),
  relative to the richest context.
* ``data_ownership``: tables it owns and writes, relative to the context owning most.
* ``orchestration``: share of the other contexts it calls (core logic coordinates others).
* ``business_terms``: share of its identifier terms that are neither technical nor generic.

``generic_names`` also counts framework plumbing (batch readers/writers, tasklets, filters,
interceptors, configuration, adapters, exceptions), so plumbing is never typed core; a handler,
converter or factory named after a domain class (``PatientSaveHandler``, ``CargoFactory``) is
part of that domain and does not count, nor does a class mapping a table (mall4j's ``ProdTag``
is product data, no JSP tag). What a code generator wrote (MyBatis Generator's ``*Example``
criteria classes and column enums, known by their comments) counts for neither behaviour nor
rules: litemall's five advertising classes had shown 248 "business operations".

Scores: ``generic = 0.6 generic_names + 0.4 fan_in``, where for a context under half of whose
classes have generic names fan-in is scaled by ``1 - data_ownership`` (everyone uses the
context holding the data they need: that makes it popular, not generic; DayTrader's trade). A
context is generic when it is the shared kernel or ``generic >= 0.5`` and at least a quarter
of its classes have generic or plumbing names (``GENERIC_NAMES_FLOOR``: fan-in alone makes no
context generic, a popular domain context is used by all). Among the rest, ``core =
mean(behaviour, rules, data_ownership, orchestration)`` weighted by ``business_terms`` and, for
contexts under half the median size, by their size relative to that; contexts scoring at least
``CORE_SHARE`` of the best are core, at most a third of the non-generic contexts (the core
domain is the small part that differentiates; Evans, 2003); the others are supporting.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from msadecomp.decompose import Decomposition
from msadecomp.graph import PLUMBING, SEED_DATA, layer_of, request_handlers
from msadecomp.graph.aggregates import role_targets
from msadecomp.graph.semantic import TECHNICAL_TERMS, terms
from msadecomp.metrics import dependency_pairs
from msadecomp.model import Access, CodeModel, JavaType, TypeKind
from msadecomp.usage import unused_services

_GENERIC = """
auth authn authz login logout sso user users usr member members role roles author authority
permission permissions sec security uat uss umt uia sym log logs logging audit code codes cmm
common cmmn file files fms atch attach attachment upload download mail email sms push message
messages msg notification scheduler schedule job batch config property properties menu excel
pdf captcha util utils helper password crypto cipher session
"""
GENERIC_VOCABULARY = frozenset(_GENERIC.split())


def _plumbing(name: str) -> bool:
    """Framework plumbing or code filling the database with sample data (``FlightLoader``,
    ``PopulateDBBean``): no business capability of its own."""
    return bool(PLUMBING.search(name) or SEED_DATA.search(name))


CRUD = re.compile(
    r"^(get|set|is|has|select|insert|update|delete|save|find|list|count|search|"
    r"regist|modify|remove|create|read|add|to|equals|hash|value|from|parse)"
)
LIFECYCLE = re.compile(
    r"^(do(Get|Post|Put|Delete|Head|Options|Trace|Filter|Tag|StartTag|EndTag|AfterBody)|"
    r"init|destroy|service|onMessage|run|call|main|compareTo|clone|finalize|"
    r"afterPropertiesSet|contextInitialized|contextDestroyed|jspInit|jspDestroy|"
    r"ejb(Create|PostCreate|Remove|Activate|Passivate|Load|Store|Timeout)|"
    r"(un)?set(Entity|Session|MessageDriven)Context|"
    r"paint(?:Component|Border|Children|Icon|Immediately)?|actionPerformed|propertyChange|stateChanged|valueChanged|itemStateChanged|"
    r"mouse[A-Z]\w*|key(Pressed|Released|Typed)|window[A-Z]\w*|focus(Gained|Lost)|"
    r"component(Resized|Moved|Shown|Hidden)|get\w*(Renderer|Editor)Component|"
    r"pre(Handle|Process)|postHandle|afterCompletion|mapRow|extractData|processRow|supports|"
    r"doFilterInternal|onApplicationEvent|resolveArgument|handleRequest(Internal)?|"
    r"doGet(Authorization|Authentication)Info|loadUserByUsername|onAuthentication\w*)$"
)
"""Methods a framework calls (servlet ``doGet``/``doPost``, filters, tags, message listeners,
threads, EJB 2 callbacks, Swing and AWT listeners; Struts actions' ``execute``, interceptors,
Spring's row mappers, configurers, converters and batch steps, Shiro realms): what every such
class has, no business operation (DayTrader's 47 Ping servlets; Java Pet Store's
``ejbCreate`` and ``setEntityContext``, and the ``paintComponent`` and ``actionPerformed`` of
its admin client; greenhouse's ``mapRow``, struts2shop's ``execute``). The methods of a Spring
``@Configuration`` class (``@Bean`` factories) and of an ``@Aspect`` (pointcuts and advice)
are wiring, none of them an operation."""
ROLE_CALLBACKS = re.compile(
    r"^(execute|intercept|prepare|validate|index|process|write|invoke|convert|configure\w*)$"
)
"""Callbacks too generic to drop everywhere: only in a class whose name says the framework
role calling them (:data:`CALLBACK_ROLES`). Broadleaf's checkout activities
(``CommitTaxActivity.execute``) and jeecg's numbering rules (``OrderNumberRule.execute``) are
business operations."""
CALLBACK_ROLES = re.compile(
    r"(Action|Controller|Interceptor|Converter|Writer|Processor|Tasklet|Job|Filter|Realm|"
    r"Config|Configuration|Configurer|Adapter|Initializer|Validator)$"
)
"""Struts actions, controllers (an ``index`` page), interceptors, Spring Batch steps, Quartz
jobs (jeecg's ``SendMsgJob``, DHIS2's ``AnalyticsTableJob``), filters, Shiro realms,
configuration, servlet initializers and validators; not ``*Application`` or ``*Task``, which
name domain classes too (``LoanApplication.validate``; the boot class is wiring anyway)."""
WIRING_STEREOTYPES = frozenset({"configuration", "bootstrap"})
WIRING_ANNOTATIONS = frozenset({"Aspect", "Configuration"})
CRITERIA_CLASSES = frozenset({"GeneratedCriteria", "Criteria", "Criterion"})
"""The nested classes of a MyBatis Generator ``*Example``: its hundreds of ``andNameLike``
criteria are written by the generator even when no comment says so (xmall: 2,698 of its
4,190 methods)."""
RULE_TYPE = re.compile(
    r"(Validator|Calculator|Policy|Rule|Rules|Strategy|Specification|"
    r"Checker|Engine|Scheduler|Workflow|Calendar)$"
)
GENERIC_THRESHOLD = 0.5
CORE_SHARE = 0.75
GENERIC_NAMES_FLOOR = 0.25
"""Below this share of generic or plumbing names a context is never generic, however many
contexts use it (PlantsByWebSphere's catalog: inventory used by every other context)."""
WEAK_MODULARITY = 0.3


@dataclass(frozen=True, slots=True)
class SubdomainCall:
    context: str
    kind: str
    """core, supporting or generic."""
    scores: dict[str, float]
    evidence: tuple[str, ...]
    unused: tuple[str, ...] = ()
    """Its stores when it is unused data access (:func:`msadecomp.usage.unused_services`)."""


GENERATED = re.compile(
    r"(?i)\bgenerated by\b|\bauto-?generated\b|@generated\b|\bdo not (?:edit|modify)\b"
)
"""What a code generator writes in the comments of what it writes (MyBatis Generator's ``This
class was generated by MyBatis Generator.``)."""


def generated_types(types: list[JavaType] | tuple[JavaType, ...]) -> set[str]:
    """Types a code generator wrote: those whose comment says so, and a MyBatis Generator
    ``*Example`` class holding such a type (its hundreds of ``andNameLike`` criteria)."""
    out = {t.fqn for t in types if GENERATED.search(t.doc)}
    out |= {
        t.top_level
        for t in types
        if t.outer
        and t.top_level.endswith("Example")
        and (t.fqn in out or t.simple_name.rpartition(".")[2] in CRITERIA_CLASSES)
    }
    return {t.fqn for t in types if t.fqn in out or t.top_level in out}


def _wiring(t: JavaType) -> bool:
    """A Spring configuration, the application's boot class or an aspect: its methods wire
    the application, none is a business operation."""
    return t.stereotype in WIRING_STEREOTYPES or any(
        a.rpartition(".")[2] in WIRING_ANNOTATIONS for a in t.annotations
    )


def _words(fqn: str) -> list[str]:
    package, _, name = fqn.rpartition(".")
    parts = [p.lower() for p in package.split(".")]
    return parts + [
        w.lower() for w in re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+", name)
    ]


def classify(
    model: CodeModel, decomposition: Decomposition, table_owner: dict[str, str | None]
) -> dict[str, SubdomainCall]:
    """Subdomain of every context, keyed by cluster id."""
    members: dict[str, list[str]] = {c.id: list(c.classes) for c in decomposition.clusters}
    services = [c for c in decomposition.clusters if not c.kernel and c.classes]
    deps, _, _ = dependency_pairs(model, decomposition)
    callers: dict[str, set[str]] = defaultdict(set)
    callees: dict[str, set[str]] = defaultdict(set)
    for (i, j), count in deps.items():
        if i != j and count:
            callers[j].add(i)
            callees[i].add(j)
    writes: Counter[str] = Counter()
    where = {m: c.id for c in decomposition.clusters for m in c.classes}
    top = {t.fqn: t.top_level for t in model.types}
    written = {
        (where.get(top.get(a.source, a.source)), a.table)
        for a in model.table_accesses
        if a.access == Access.WRITE and not a.generated  # an ID generator's sequence is no data
    }
    for table, owner in table_owner.items():
        if owner is not None and (owner, table) in written:
            writes[owner] += 1

    # A handler, converter or factory named after a domain class (PatientSaveHandler) is part
    # of that domain, not framework plumbing.
    handlers = request_handlers(model)
    serving = role_targets(
        {
            t.fqn: {"label": t.simple_name, "layer": layer_of(t, handlers)}
            for t in model.types
            if not t.outer
        }
    )
    nested_of: dict[str, list[JavaType]] = defaultdict(list)
    generated = generated_types(model.types)
    for t in model.types:
        if t.fqn not in generated:  # a code generator's methods and enums are no behaviour
            nested_of[t.top_level].append(t)
    entities = {t.fqn for t in model.types if t.entity_table}
    raw: dict[str, dict[str, float]] = {}
    notes: dict[str, list[str]] = {}
    others = max(len(services) - 1, 1)
    for c in services:
        classes = members[c.id]
        nested = [t for top_level in classes for t in nested_of.get(top_level, ())]
        generic_hits = [
            f
            for f in classes
            if GENERIC_VOCABULARY & set(_words(f))
            or (_plumbing(f.rpartition(".")[2]) and f not in serving and f not in entities)
        ]
        behaviour = [
            m
            for t in nested
            if not _wiring(t)
            for m in t.methods
            if not CRUD.match(m)
            and not LIFECYCLE.match(m)
            and not (ROLE_CALLBACKS.match(m) and CALLBACK_ROLES.search(t.simple_name))
        ]
        rules = [t for t in nested if t.kind == TypeKind.ENUM or RULE_TYPE.search(t.simple_name)]
        rule_names = dict.fromkeys(t.simple_name for t in rules)
        words = [
            w for t in nested for i in (t.simple_name, *t.fields, *t.methods) for w in terms(i)
        ]
        business = [w for w in words if w not in GENERIC_VOCABULARY and w not in TECHNICAL_TERMS]
        raw[c.id] = {
            "generic_names": len(generic_hits) / len(classes),
            "fan_in": len(callers[c.id]) / others,
            "behaviour": len(behaviour) / len(classes),
            "rules": float(len(rules)),
            "data_ownership": float(writes[c.id]),
            "orchestration": len(callees[c.id]) / others,
            "business_terms": len(business) / len(words) if words else 0.0,
        }
        notes[c.id] = [
            f"{len(generic_hits)} of {len(classes)} classes use generic-subdomain or "
            "framework-plumbing names"
            + (f" (e.g. {generic_hits[0].rpartition('.')[2]})" if generic_hits else ""),
            f"used by {len(callers[c.id])} other context(s)",
            f"{len(behaviour)} business operations beyond CRUD, accessors and framework callbacks"
            + (f" (e.g. {behaviour[0]})" if behaviour else ""),
            f"{len(rules)} rule or state types"
            + (f" ({', '.join(list(rule_names)[:3])})" if rules else ""),
            f"owns and writes {writes[c.id]} table(s)",
            f"calls {len(callees[c.id])} other context(s)",
        ]
    for key in ("behaviour", "rules", "data_ownership"):
        top_value = max((r[key] for r in raw.values()), default=0.0)
        for r in raw.values():
            r[key] = r[key] / top_value if top_value else 0.0
    out: dict[str, SubdomainCall] = {}
    core_scores: dict[str, float] = {}
    sizes = sorted(len(members[c.id]) for c in services)
    median = sizes[len(sizes) // 2] if sizes else 1
    for cid, r in raw.items():
        popularity = r["fan_in"]
        if r["generic_names"] < 0.5:
            popularity *= 1 - r["data_ownership"]  # DayTrader's trade owns 4 of the 5 tables
        generic = 0.6 * r["generic_names"] + 0.4 * popularity
        if r["generic_names"] < GENERIC_NAMES_FLOOR:
            generic = 0.0  # used by all, named like the business: a popular domain context
        core = (r["behaviour"] + r["rules"] + r["data_ownership"] + r["orchestration"]) / 4
        # A context far below the median size is rarely the core domain, whatever its ratios.
        core *= r["business_terms"] * min(1.0, len(members[cid]) / (0.5 * median))
        r["generic"], r["core"] = generic, core
        if generic < GENERIC_THRESHOLD:
            core_scores[cid] = core
    unused = unused_services(model, decomposition)
    for cid, stores in unused.items():
        shown = ", ".join(x.rpartition(".")[2] for x in stores[:3])
        notes[cid].append(
            f"nothing outside it calls its data access ({shown}"
            + (", ..." if len(stores) > 3 else "")
            + ") and it serves no request: unused or unfinished code, never core"
        )
    runnable = {cid: v for cid, v in core_scores.items() if cid not in unused}
    best = max(runnable.values(), default=0.0)
    ranked = sorted(runnable, key=lambda cid: (-runnable[cid], cid))
    cap = max(1, math.ceil(len(ranked) / 3))
    core_ids = {cid for cid in ranked[:cap] if best and core_scores[cid] >= CORE_SHARE * best}
    for cid, r in raw.items():
        if cid not in core_scores:
            kind = "generic"
        elif cid in core_ids:
            kind = "core"
        else:
            kind = "supporting"
        scores = {k: round(v, 3) for k, v in r.items()}
        out[cid] = SubdomainCall(cid, kind, scores, tuple(notes[cid]), tuple(unused.get(cid, ())))
    for c in decomposition.clusters:
        if c.kernel:
            out[c.id] = SubdomainCall(
                c.id,
                "generic",
                {"generic": 1.0},
                (
                    "shared kernel: utility classes used from many packages, set aside before "
                    "or after clustering; package them as a library",
                ),
            )
    return out


def classification_warnings(modularity: float, services: int) -> list[str]:
    warnings = []
    if modularity < WEAK_MODULARITY:
        warnings.append(
            f"modularity {modularity:.2f} is below {WEAK_MODULARITY}: the boundaries are unclear; "
            "do not split yet. Clarify the domain model first (Newman, 2019)."
        )
    if services < 2:
        warnings.append("the code supports no split into several services")
    return warnings


def as_report(call: SubdomainCall) -> dict[str, Any]:
    return {"type": call.kind, "scores": call.scores, "evidence": list(call.evidence)}

"""Derive the truth files in ``benchmarks/truth/`` from checked-out corpora (see corpora.md).

Run: ``python benchmarks/derive_truth.py [--corpora /tmp/corpora] [--out benchmarks/truth]``.
Each truth file records in its ``method`` field how it was derived; this script is that method
written down, so the files can be rebuilt when a corpus moves to a newer commit. It reads only
the corpora's own code, DDL, mapper XML and documentation (and, for eGovFrame common components,
its official MSA port); no published decomposition is used.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

PACKAGE = re.compile(rb"^\s*package\s+([\w.]+)\s*;", re.M)
CREATE = re.compile(r"create\s+table\s+(?:if\s+not\s+exists\s+)?[`\"\[]?(?:\w+\.)?(\w+)", re.I)
WRITE = re.compile(r"\b(insert\s+into|update|delete\s+from|merge\s+into)\s+(?:\w+\.)?(\w+)", re.I)
READ = re.compile(r"\b(?:from|join)\s+(?:\w+\.)?([A-Za-z]\w+)", re.I)
JPA_TABLE = re.compile(r"@(?:Table|CollectionTable|JoinTable)\s*\(\s*name\s*=\s*\"(\w+)\"")
LAYERS = frozenset(
    [
        "service",
        "web",
        "impl",
        "vo",
        "dao",
        "entity",
        "repository",
        "reposiroty",
        "util",
        "filter",
        "validation",
        "event",
        "token",
        "dto",
        "mapper",
        "config",
        "enums",
        "exception",
        "model",
        "validator",
        "controller",
        "admin",
    ]
)
THREE_LEVEL = frozenset(
    [
        "olh",
        "olp",
        "ion",
        "sam",
        "ccm",
        "log",
        "mnu",
        "sym",
        "smt",
        "map",
        "spe",
        "syi",
        "tbm",
        "sys",
    ]
)
"""Second-level packages that group third-level components (uss.olh.faq, sym.ccm.zip, ...)."""
TEST_PARTS = ("/src/test/", "/src/it/", "/src/integration-test/", "/src/component-test/")


def java_classes(root: Path) -> dict[str, str]:
    """Top-level class FQN -> path relative to ``root`` for every main (non-test) Java file."""
    out: dict[str, str] = {}
    for path in sorted(root.rglob("*.java")):
        rel = path.relative_to(root).as_posix()
        if any(part in "/" + rel for part in TEST_PARTS) or "/attic/" in rel:
            continue
        match = PACKAGE.search(path.read_bytes()[:20000])
        pkg = match.group(1).decode("ascii", "replace") if match else ""
        out[f"{pkg}.{path.stem}" if pkg else path.stem] = rel
    return out


def component(segments: list[str]) -> str | None:
    """eGovFrame component key of a package or folder path after ``egovframework``.

    ``["com", "cop", "bbs", "service", "impl"]`` -> ``"cop.bbs"``; layer names (service, web,
    impl, ...) end the key; it keeps three names only below a grouping package such as
    ``uss.olp`` or ``sym.ccm`` (``uss.olp.qmc``), two otherwise (``ext.jfile``).
    """
    if len(segments) < 2 or segments[0] not in ("com", "let"):
        return None
    key: list[str] = []
    for s in segments[1:]:
        if s in LAYERS or len(key) == 3 or (len(key) == 2 and key[1] not in THREE_LEVEL):
            break
        key.append(s)
    return ".".join(key) or None


def egov_area(key: str | None) -> str | None:
    """Business area of an eGovFrame component, grouped as the official MSA port groups them."""
    if key is None:
        return None
    parts = key.split(".")
    if parts[0] in ("cmm", "utl"):
        return "common"
    if parts[0] == "main":
        return "main"
    if parts[0] == "sec" and parts[1:2] and parts[1] in ("gmt", "ram", "rgm", "rmt"):
        return "author"
    if parts[0] == "cop" and parts[1:2] and parts[1] in ("bbs", "bls", "brd", "cmy", "cmt", "stf"):
        return "board"
    if key.startswith("uss.olp.q"):
        return "questionnaire"
    if key in ("sym.ccm.cca", "sym.ccm.ccc", "sym.ccm.cde"):
        return "cmmn-code"
    if key == "uat.uia":
        return "login"
    if key == "uat.uap":
        return "login-policy"
    return key


def after(parts: list[str], marker: str) -> list[str]:
    return parts[parts.index(marker) + 1 :] if marker in parts else []


def package_of(fqn: str) -> list[str]:
    return fqn.split(".")[:-1]


def view_segments(rel: str) -> list[str]:
    """Folder names of a JSP below WEB-INF/jsp, as a package path starting at com/let."""
    segs = after(rel.split("/")[:-1], "jsp")
    if segs[:1] == ["egovframework"]:
        segs = segs[1:]
    if segs and segs[0] not in ("com", "let"):
        segs = ["let", *segs]
    return segs


def sql_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "replace")


def table_uses(
    files: Iterable[Path], context_of: Callable[[Path], str | None]
) -> dict[str, dict[str, Counter[str]]]:
    """table -> context -> Counter of 'insert'/'write'/'read' statements in mapper XML."""
    uses: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for f in files:
        ctx = context_of(f)
        if ctx is None:
            continue
        text = re.sub(r"<!--.*?-->", " ", sql_text(f), flags=re.S)
        for verb, table in WRITE.findall(text):
            kind = "insert" if verb.lower().startswith("insert") else "write"
            uses[table.upper()][ctx][kind] += 1
        for table in READ.findall(text):
            uses[table.upper()][ctx]["read"] += 1
    return uses


def owner(per_context: dict[str, Counter[str]], ignore: Iterable[str] = ()) -> str | None:
    """The context that inserts the table, else writes it, else reads it; None when tied."""
    counts = {c: v for c, v in per_context.items() if c not in set(ignore)}
    for kind in ("insert", "write", "read"):
        scored = Counter({c: v[kind] for c, v in counts.items() if v[kind]})
        if scored:
            top = scored.most_common()
            if len(top) == 1 or top[0][1] > top[1][1]:
                return top[0][0]
            return None
    return None


def ddl_tables(files: Iterable[Path]) -> set[str]:
    return {m.upper() for f in files for m in CREATE.findall(sql_text(f))}


def labels(
    classes: dict[str, str], tables: dict[str, str], views: dict[str, str] | None = None
) -> dict[str, object]:
    """The labelled part of a truth file: its contexts (every label used), the class labels
    sorted, the view labels (left out when the truth scores no views at all) and the table
    labels."""
    out: dict[str, object] = {
        "contexts": {c: {} for c in sorted(set(classes.values()) | set(tables.values()))},
        "classes": dict(sorted(classes.items())),
    }
    if views is not None:
        out["views"] = views
    out["tables"] = tables
    return out


def egov_template(root: Path, name: str, note: str) -> dict[str, object]:
    """Truth for an eGovFrame template or the 2015 common components, by business-area package."""
    classes = {}
    for fqn in java_classes(root):
        area = egov_area(component(after(package_of(fqn), "egovframework")))
        if area is not None:
            classes[fqn] = area
    views = {}
    for jsp in sorted(root.rglob("*.jsp")):
        rel = jsp.relative_to(root).as_posix()
        area = egov_area(component(view_segments(rel)))
        if "/WEB-INF/jsp/" in rel and area is not None:
            views[rel] = area
    mappers = [
        p
        for p in root.rglob("*.xml")
        if ("/mapper/" in p.as_posix() or "/sqlmap/" in p.as_posix())
        and "/config/" not in p.as_posix()
    ]

    def mapper_area(p: Path) -> str | None:
        parts = p.relative_to(root).as_posix().split("/")
        for marker in ("mapper", "sqlmap"):
            if marker in parts:
                return egov_area(component(after(parts[:-1], marker)))
        return None

    uses = table_uses(mappers, mapper_area)
    ddl = ddl_tables(p for p in root.rglob("*.sql") if "dml" not in p.as_posix().lower())
    tables = {}
    for table in sorted(ddl | {t for t in uses if t in ddl}):
        found = owner(uses.get(table, {}), ignore=("common",))
        tables[table] = found if found else ("common" if table in uses else "unused")
    contexts = sorted(set(classes.values()) | set(views.values()) | set(tables.values()))
    return {
        "system": name,
        "source": note,
        "method": (
            "Our reading of the eGovFrame package convention, not a published decomposition. "
            "A class's context is its eGovFrame component (the package names after "
            "egovframework.com|let up to the first layer name such as service/web/impl, at most "
            "three names, e.g. cop.bbs, uss.olh.faq), with components merged the way the "
            "official MSA port of the common components merges them: sec.gmt/ram/rgm/rmt -> "
            "author; cop.bbs/bls/brd/cmy/cmt/stf -> board; uss.olp.q* -> questionnaire; "
            "sym.ccm.cca/ccc/cde -> cmmn-code; uat.uia -> login; uat.uap -> login-policy. cmm.* "
            "and utl.* (framework utilities) are 'common' (don't care). Views: JSPs under "
            "WEB-INF/jsp by the same rule on their folder. Tables: every CREATE TABLE in the "
            "DDL scripts; owner = the context whose mapper XML (folder = component) INSERTs it "
            "most, else writes it, else reads it (ties -> 'common'); tables no mapper touches "
            "are 'unused'. Derived by benchmarks/derive_truth.py."
        ),
        "contexts": {c: {} for c in contexts},
        "classes": classes,
        "views": views,
        "tables": tables,
    }


MSA_MODULES = (
    "EgovAuthor",
    "EgovBoard",
    "EgovCmmnCode",
    "EgovLogin",
    "EgovLoginPolicy",
    "EgovMain",
    "EgovMobileId",
    "EgovQuestionnaire",
    "EgovSearch",
)
# Packages of egovcc whose classes the port renamed but kept, matched by class name and the
# port's own README (component list of EgovBoard: comments and satisfaction surveys).
MSA_BY_CLASS_NAME = {"cop.cmt": "EgovBoard", "cop.stf": "EgovBoard"}


def egovcc_from_msa(egovcc: Path, msa: Path) -> dict[str, object]:
    """Truth for eGovFrame common components from its official MSA port (msa-krds)."""
    module_of: dict[str, set[str]] = defaultdict(set)
    msa_tables: dict[str, set[str]] = defaultdict(set)
    msa_names: dict[str, set[str]] = defaultdict(set)
    for module in MSA_MODULES:
        for fqn, rel in java_classes(msa / module).items():
            key = component(after(package_of(fqn), "egovframework"))
            if key and key.split(".")[0] not in ("cmm", "utl") and "." in key:
                module_of[key].add(module)
            msa_names[fqn.rsplit(".", 1)[-1]].add(module)
            for t in JPA_TABLE.findall(sql_text(msa / module / rel)):
                msa_tables[t.upper()].add(module)
        for ddl in (msa / module).rglob("*.sql"):
            if "ddl" in ddl.as_posix().lower():
                for t in CREATE.findall(sql_text(ddl)):
                    msa_tables[t.upper()].add(module)
    covered: dict[str, str] = {k: next(iter(v)) for k, v in module_of.items() if len(v) == 1}
    covered.update(MSA_BY_CLASS_NAME)
    classes: dict[str, str] = {}
    uncovered: Counter[str] = Counter()
    for fqn in java_classes(egovcc):
        key = component(after(package_of(fqn), "egovframework"))
        if key in covered:
            classes[fqn] = covered[key]
        else:
            uncovered[".".join(fqn.split(".")[:-1])] += 1
    views = {}
    for jsp in sorted(egovcc.rglob("*.jsp")):
        rel = jsp.relative_to(egovcc).as_posix()
        key = component(view_segments(rel))
        if key in covered:
            views[rel] = covered[key]
    mappers = [p for p in egovcc.rglob("*.xml") if "/mapper/" in p.as_posix()]

    def mapper_module(p: Path) -> str | None:
        key = component(after(p.relative_to(egovcc).as_posix().split("/")[:-1], "mapper"))
        return covered.get(key or "")

    uses = table_uses(mappers, mapper_module)
    egov_ddl = ddl_tables(p for p in egovcc.rglob("*.sql") if "/ddl/" in p.as_posix())
    tables: dict[str, str] = {}
    shared: dict[str, list[str]] = {}
    for msa_table, modules in sorted(msa_tables.items()):
        table = "COMTN" + msa_table[5:] if msa_table.startswith("MSATN") else msa_table
        if table not in egov_ddl:
            continue
        if len(modules) == 1:
            tables[table] = next(iter(modules))
            continue
        found = owner({m: c for m, c in uses.get(table, {}).items() if m in modules})
        tables[table] = found or "common"
        shared[table] = sorted(modules)
    contexts = sorted(set(classes.values()) | set(tables.values()))
    return {
        "system": "egovframe-common-components",
        "source": (
            "eGovFramework/egovframe-common-components, labelled from its official MSA port "
            "eGovFramework/egovframe-common-components-msa-krds (commits in benchmarks/corpora.md)"
        ),
        "method": (
            "A class of egovcc is covered when its eGovFrame component (package names after "
            "egovframework.com up to the first layer name such as service/web/impl, at most "
            "three, e.g. cop.bbs, uss.olp.qmc) also exists as a package of exactly one service "
            "module of the MSA port; it is labelled with that module. cop.cmt and cop.stf are "
            "covered by class name (Comment/CommentVO and the satisfaction service live in the "
            "port's EgovBoard, whose README lists comments and satisfaction surveys). Every other "
            "class is uncovered and left out (see uncovered_packages). Views: JSPs whose folder "
            "is a covered component. Tables: those the port maps with @Table/@CollectionTable or "
            "creates in its DDL (MSATN* names read as the COMTN* table of egovcc), present in "
            "egovcc's DDL; a table used by one module goes to it; one used by several goes to "
            "the module whose covered egovcc mappers insert it most, else 'common' (don't care). "
            "Derived by benchmarks/derive_truth.py."
        ),
        "covered_components": {k: covered[k] for k in sorted(covered)},
        "uncovered_packages": dict(sorted(uncovered.items())),
        "tables_shared_in_port": shared,
        "contexts": {c: {} for c in contexts},
        "classes": dict(sorted(classes.items())),
        "views": views,
        "tables": tables,
    }


FTGO_PREFIX = "net.chrisrichardson.ftgo."


def ftgo(monolith: Path, services: Path) -> dict[str, object]:
    """Truth for the FTGO monolith from the modules of ftgo-application (its microservices)."""
    module_classes: dict[str, set[str]] = defaultdict(set)
    for module in sorted(p.name for p in services.iterdir() if p.is_dir()):
        if not module.endswith("-service") and not module.endswith("-service-api"):
            continue
        service = module.removeprefix("ftgo-").removesuffix("-api").removesuffix("-service")
        for fqn in java_classes(services / module):
            module_classes[fqn.rsplit(".", 1)[-1]].add(service)
            module_classes[fqn].add(service)
    classes: dict[str, str] = {}
    unresolved: list[str] = []
    for fqn in java_classes(monolith):
        simple = fqn.rsplit(".", 1)[-1]
        if not fqn.startswith(FTGO_PREFIX):
            continue
        rest = fqn[len(FTGO_PREFIX) :]
        if rest.startswith("common.") or "." not in rest:
            classes[fqn] = "common"
            continue
        if rest.startswith("endtoendtests") or rest.startswith("testutil"):
            continue
        candidates = module_classes.get(fqn) or module_classes.get(simple, set())
        by_package = rest.split(".")[0].removesuffix("service")
        if by_package == "courier":
            by_package = "delivery"
        if simple in FTGO_BY_AGGREGATE:
            classes[fqn] = FTGO_BY_AGGREGATE[simple]
            continue
        if by_package in candidates or (not candidates and by_package in SERVICES_OF_FTGO):
            classes[fqn] = by_package
        elif len(candidates) == 1:
            classes[fqn] = next(iter(candidates))
        else:
            named = [s for s in candidates if simple.lower().startswith(s)]
            if len(named) == 1:
                classes[fqn] = named[0]
            else:
                unresolved.append(fqn)
    tables = {
        "consumers": "consumer",
        "orders": "order",
        "order_line_items": "order",
        "restaurants": "restaurant",
        "restaurant_menu_items": "restaurant",
        "courier": "delivery",
        "courier_actions": "delivery",
        "hibernate_sequence": "common",
    }
    return {
        "system": "ftgo-monolith",
        "source": (
            "microservices-patterns/ftgo-monolith labelled from the services of "
            "microservices-patterns/ftgo-application, the same book's microservice version"
        ),
        "method": (
            "Service = ftgo-application module (ftgo-X-service and ftgo-X-service-api -> X). A "
            "monolith class goes to the service whose module holds the same FQN or the same "
            "simple class name; when its own package names a service (orderservice, "
            "consumerservice, ...) holding it, that one wins; when several modules hold a "
            "same-named copy (Restaurant is replicated in order, kitchen, delivery and "
            "restaurant) the service the class name starts with wins. The monolith's "
            "courierservice package has no service of its own in ftgo-application, whose "
            "delivery service holds Courier and its plan: courierservice.* -> delivery. Classes "
            "copied into several modules without a name match follow the aggregate holding them "
            "(MenuItem -> restaurant, Action/ActionType -> delivery). DomainConfiguration and "
            "the other unresolved classes are listed in unresolved_classes. ftgo.common.* and the "
            "application main class are 'common'; test and end-to-end modules are left out. "
            "Tables: the monolith's flyway schema, each labelled by the service whose JPA "
            "entities map the same table (@Table, @ElementCollection defaults); "
            "hibernate_sequence is 'common'. Derived by benchmarks/derive_truth.py."
        ),
        "unresolved_classes": unresolved,
        **labels(classes, tables),
    }


FTGO_BY_AGGREGATE = {"MenuItem": "restaurant", "ActionType": "delivery", "Action": "delivery"}
"""Classes several modules copy, placed with the aggregate owning them (menus, courier plans)."""
SERVICES_OF_FTGO = ("consumer", "order", "restaurant", "kitchen", "delivery", "accounting")

# dddsample / cargotracker: our reading of their own package documentation (package.html).
CARGO_PACKAGES = (
    ("pathfinder", "pathfinder"),
    ("domain.model.cargo", "booking"),
    ("domain.model.handling", "handling"),
    ("domain.model.voyage", "voyage"),
    ("domain.model.location", "location"),
    ("domain.service", "booking"),
    ("interfaces.booking", "booking"),
    ("interfaces.handling", "handling"),
    ("interfaces.tracking", "tracking"),
    ("infrastructure.routing", "booking"),
    ("domain.shared", "common"),
    ("infrastructure.sampledata", "unused"),
    ("application.util", "common"),
    ("config", "common"),
)
CARGO_CLASSES = {
    "BookingService": "booking",
    "BookingServiceImpl": "booking",
    "DefaultBookingService": "booking",
    "HandlingEventService": "handling",
    "HandlingEventServiceImpl": "handling",
    "DefaultHandlingEventService": "handling",
    "CargoInspectionService": "tracking",
    "CargoInspectionServiceImpl": "tracking",
    "DefaultCargoInspectionService": "tracking",
    "CargoRepositoryJPA": "booking",
    "CargoRepositoryHibernate": "booking",
    "JpaCargoRepository": "booking",
    "HandlingEventRepositoryJPA": "handling",
    "JpaHandlingEventRepository": "handling",
    "VoyageRepositoryJPA": "voyage",
    "JpaVoyageRepository": "voyage",
    "LocationRepositoryJPA": "location",
    "JpaLocationRepository": "location",
    "HandlingEventRegistrationAttemptConsumer": "handling",
    "RejectedRegistrationAttemptsConsumer": "handling",
    "CargoHandledConsumer": "tracking",
    "MisdirectedCargoConsumer": "tracking",
    "DeliveredCargoConsumer": "tracking",
    "Track": "tracking",
    "RealtimeCargoTrackingService": "tracking",
    "RealtimeCargoTrackingViewAdapter": "tracking",
    "SampleDataGenerator": "unused",
}
CARGO_TABLES = {
    "CARGO": "booking",
    "LEG": "booking",
    "HANDLINGEVENT": "handling",
    "HANDLING_EVENT": "handling",
    "VOYAGE": "voyage",
    "CARRIERMOVEMENT": "voyage",
    "CARRIER_MOVEMENT": "voyage",
    "LOCATION": "location",
}


def cargo(root: Path, base: str, view_rules: tuple[tuple[str, str], ...]) -> dict[str, object]:
    """Truth for dddsample-core or cargotracker: contexts from their package documentation."""
    classes: dict[str, str] = {}
    for fqn in java_classes(root):
        simple = fqn.rsplit(".", 1)[-1]
        rest = fqn.split(".")
        if simple in CARGO_CLASSES and fqn.startswith(base):
            classes[fqn] = CARGO_CLASSES[simple]
            continue
        if "pathfinder" in rest:
            classes[fqn] = "pathfinder"
            continue
        if not fqn.startswith(base + "."):
            continue
        pkg = fqn[len(base) + 1 :].rsplit(".", 1)[0] if "." in fqn[len(base) + 1 :] else ""
        for prefix, ctx in CARGO_PACKAGES:
            if pkg == prefix or pkg.startswith(prefix + "."):
                classes[fqn] = ctx
                break
        else:
            classes[fqn] = "common"
    views = {}
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".html", ".xhtml", ".jsp") or "/src/main/" not in path.as_posix():
            continue
        if path.name in ("package.html", "overview.html"):
            continue  # Javadoc package descriptions beside the code, not pages
        rel = path.relative_to(root).as_posix()
        for pattern, ctx in view_rules:
            if re.search(pattern, rel):
                views[rel] = ctx
                break
    ddl_text = " ".join(
        sql_text(p) for p in root.rglob("*") if p.suffix in (".sql", ".java") and p.is_file()
    )
    mapped = {t.upper() for t in JPA_TABLE.findall(ddl_text)} | {
        t.upper() for t in re.findall(r"@Entity\s*\(\s*name\s*=\s*\"(\w+)\"", ddl_text)
    }
    # An @Entity without a name is stored in a table named after its class.
    for match in re.finditer(r"@Entity\b[^{;]*?\bclass\s+(\w+)", ddl_text):
        if "@Table" not in match.group(0):
            mapped.add(match.group(1).upper())
    tables = {t: c for t, c in CARGO_TABLES.items() if t in mapped}
    return {
        "classes": dict(sorted(classes.items())),
        "views": views,
        "tables": tables,
    }


CARGO_METHOD = (
    "Our reading of the project's own documentation (package.html files), not a published "
    "decomposition. The domain model doc says each aggregate (cargo, handling, voyage, location) "
    "lives in its own package; the pathfinder package doc calls it a separate application "
    "context. Contexts: booking (cargo aggregate, booking interfaces and facade, BookingService, "
    "the routing service port and its external routing adapter), handling (handling aggregate, "
    "handling interfaces, HandlingEventService, registration-attempt consumers), tracking "
    "(tracking interfaces, CargoInspectionService and the consumers reacting to handled, "
    "misdirected and delivered cargo), voyage, location, pathfinder. Repository "
    "implementations follow their aggregate. domain.shared, application utilities, "
    "configuration and other glue are 'common'; sample data is 'unused'. Views by the use "
    "case they serve. Tables by the aggregate whose entity maps them. Derived by "
    "benchmarks/derive_truth.py."
)


RUOYI_MODULES = {
    "ruoyi-modules/ruoyi-system": "system",
    "ruoyi-api/ruoyi-api-system": "system",  # the system service's own domain, as its API
    "ruoyi-modules/ruoyi-gen": "gen",
    "ruoyi-modules/ruoyi-job": "job",
    "ruoyi-modules/ruoyi-file": "file",
    "ruoyi-auth": "auth",
    "ruoyi-gateway": "common",  # captcha and XSS filters: plumbing in front of every service
    "ruoyi-common": "common",
    "ruoyi-visual": "common",
}
RUOYI_VIEWS = (
    (r"/templates/system/", "system"),
    (r"/templates/monitor/(logininfor|online|operlog)/", "system"),
    (r"/templates/monitor/job/", "job"),
    (r"/templates/tool/gen/", "gen"),
    (r"/templates/(login|register)\.html$", "auth"),
)


def module_of(modules: dict[str, str]) -> Callable[[str], str | None]:
    """A path relative to the microservice repository -> its service (``modules``: folder ->
    service), or None outside every listed folder."""

    def module(rel: str) -> str | None:
        return next((m for prefix, m in modules.items() if rel.startswith(prefix + "/")), None)

    return module


def classes_by_module(
    monolith: Path,
    cloud: Path,
    module: Callable[[str], str | None],
    renames: Sequence[tuple[str, str]] = (),
    renamed: list[str] | None = None,
) -> tuple[dict[str, str], Counter[str]]:
    """Monolith class -> the service of the microservice module holding a class of the same
    simple name, when exactly one does, else of the first of ``renames`` (pattern,
    replacement) giving such a name (those classes are added to ``renamed``); a ``*Config``
    named like one of a service module is left out. Also the uncovered classes counted per
    package."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for fqn, rel in java_classes(cloud).items():
        if (m := module(rel)) is not None:
            by_name[fqn.rsplit(".", 1)[-1]].add(m)
    classes: dict[str, str] = {}
    uncovered: Counter[str] = Counter()
    for fqn in java_classes(monolith):
        simple = fqn.rsplit(".", 1)[-1]
        names = [simple, *(re.sub(a, b, simple) for a, b in renames)]
        name, found = next(
            ((n, f) for n in names if len(f := by_name.get(n, set())) == 1), (simple, set())
        )
        if len(found) == 1 and not (simple.endswith("Config") and found != {"common"}):
            classes[fqn] = next(iter(found))
            if name != simple and renamed is not None:
                renamed.append(simple)
        else:
            uncovered[fqn.rsplit(".", 1)[0]] += 1
    return classes, uncovered


def ruoyi_from_cloud(monolith: Path, cloud: Path) -> dict[str, object]:
    """Truth for RuoYi (the Shiro/Thymeleaf monolith) from RuoYi-Cloud, its author's
    microservice version."""
    module = module_of(RUOYI_MODULES)
    classes, uncovered = classes_by_module(monolith, cloud, module)
    views: dict[str, str] = {}
    for page in sorted(monolith.rglob("*.html")):
        rel = page.relative_to(monolith).as_posix()
        for pattern, label in RUOYI_VIEWS:
            if re.search(pattern, "/" + rel):
                views[rel] = label
                break
    mappers = [p for p in cloud.rglob("*.xml") if "/mapper/" in p.as_posix()]
    uses = table_uses(mappers, lambda p: module(p.relative_to(cloud).as_posix()))
    present = ddl_tables(p for p in (monolith / "sql").glob("ry_*.sql"))
    tables = {
        t: found
        for t, per in sorted(uses.items())
        if t in present and (found := owner(per)) is not None
    }
    return {
        "system": "ruoyi",
        "source": (
            "yangzongzhuan/RuoYi, labelled from yangzongzhuan/RuoYi-Cloud, the same author's "
            "microservice version (commits in benchmarks/corpora.md)"
        ),
        "method": (
            "Service = RuoYi-Cloud module: ruoyi-system (with ruoyi-api-system, its domain "
            "classes as an API) -> system, ruoyi-gen -> gen, ruoyi-job -> job, ruoyi-file -> "
            "file, ruoyi-auth -> auth; ruoyi-common, ruoyi-gateway (captcha and XSS filters) "
            "and ruoyi-visual -> 'common' (don't care). A monolith class goes to the module "
            "holding a class of the same simple name (no name is held by two modules); a "
            "*Config class named like one of a service module is left out (FilterConfig, "
            "ResourcesConfig: configuration, not the file service); every other class is "
            "uncovered (uncovered_packages: Shiro, the demo pages, the server monitor, ...). "
            "Views: Thymeleaf pages by folder: system/*, and monitor/logininfor, online and "
            "operlog (whose controllers RuoYi-Cloud keeps in ruoyi-system) -> system, "
            "monitor/job -> job, tool/gen -> gen, login and register -> auth. Tables: those "
            "of the monolith's ry_*.sql that RuoYi-Cloud's mapper XML uses, each labelled with "
            "the module that inserts it, else writes it, else reads it. Derived by "
            "benchmarks/derive_truth.py."
        ),
        "uncovered_packages": dict(sorted(uncovered.items())),
        **labels(classes, tables, views),
    }


RUOYI_PLUS_MODULES = {
    "ruoyi-modules/ruoyi-system": "system",
    "ruoyi-api/ruoyi-api-system": "system",
    "ruoyi-modules/ruoyi-gen": "gen",
    "ruoyi-modules/ruoyi-job": "job",
    "ruoyi-modules/ruoyi-resource": "resource",
    "ruoyi-api/ruoyi-api-resource": "resource",
    "ruoyi-modules/ruoyi-workflow": "workflow",
    "ruoyi-api/ruoyi-api-workflow": "workflow",
    "ruoyi-auth": "auth",
    "ruoyi-gateway": "common",
    "ruoyi-common": "common",
    "ruoyi-visual": "common",
    "ruoyi-example": "common",
}
TABLE_NAME = re.compile(rb'@TableName\(\s*(?:value\s*=\s*)?"([A-Za-z_][\w.]*)"')


def ruoyi_plus_from_cloud(monolith: Path, cloud: Path) -> dict[str, object]:
    """Truth for RuoYi-Vue-Plus (a Spring Boot + MyBatis-Plus modular monolith) from
    RuoYi-Cloud-Plus, the same organisation's microservice version."""
    module = module_of(RUOYI_PLUS_MODULES)
    classes, uncovered = classes_by_module(monolith, cloud, module)
    entity_tables: dict[str, set[str]] = defaultdict(set)
    for rel in java_classes(cloud).values():
        if (m := module(rel)) is not None and m != "common":
            for name in TABLE_NAME.findall((cloud / rel).read_bytes()):
                entity_tables[name.decode("ascii").upper()].add(m)
    present = ddl_tables(monolith.glob("script/sql/*.sql"))
    tables = {
        t: next(iter(mods))
        for t, mods in sorted(entity_tables.items())
        if t in present and len(mods) == 1
    }
    return {
        "system": "ruoyi-vue-plus",
        "source": (
            "dromara/RuoYi-Vue-Plus, labelled from dromara/RuoYi-Cloud-Plus, the same "
            "organisation's microservice version (commits in benchmarks/corpora.md)"
        ),
        "method": (
            "Service = RuoYi-Cloud-Plus module: ruoyi-system (with ruoyi-api-system) -> system, "
            "ruoyi-gen -> gen, ruoyi-job -> job, ruoyi-resource (with ruoyi-api-resource: "
            "object storage, SMS, mail) -> resource, ruoyi-workflow (with ruoyi-api-workflow) "
            "-> workflow, ruoyi-auth -> auth; ruoyi-common, ruoyi-gateway, ruoyi-visual and "
            "ruoyi-example -> 'common' (don't care). A monolith class goes to the module holding "
            "a class of the same simple name when exactly one module does; a *Config class "
            "named like one of a service module is left out; every other class is uncovered. "
            "No server-side views (the front end is a separate Vue project). Tables: those of "
            "the monolith's script/sql/*.sql that a @TableName entity of exactly one "
            "RuoYi-Cloud-Plus module maps, labelled with that module. Derived by "
            "benchmarks/derive_truth.py."
        ),
        "uncovered_packages": dict(sorted(uncovered.items())),
        **labels(classes, tables, {}),
    }


ACMEAIR_SERVICES = {
    "acmeair-authservice-java": "auth",
    "acmeair-bookingservice-java": "booking",
    "acmeair-customerservice-java": "customer",
    "acmeair-flightservice-java": "flight",
    "acmeair-mainservice-java": "main",
}
ANNOTATION_RUN = re.compile(r"(?:@\w+(?:\s*\((?:[^()]|\([^()]*\))*\))?\s*)+")
HTTP_METHOD = re.compile(r"@(?:GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH)\b")
JAXRS_PATH = re.compile(r'@Path\(\s*(?:value\s*=\s*)?"([^"]*)"')
COLLECTION = re.compile(r'getCollection\(\s*"(\w+)"')


def jaxrs_endpoints(source: str) -> set[str]:
    """Paths a JAX-RS resource class serves (class @Path joined with each resource method's
    @Path, path parameters as ``{}``); nothing for a MicroProfile REST client interface."""
    text = re.sub(r"/\*.*?\*/|//[^\n]*", " ", source, flags=re.S)
    head = re.search(r"\b(?:class|interface)\s+\w+", text)
    if head is None or "@RegisterRestClient" in text:
        return set()
    base = JAXRS_PATH.search(text[: head.start()])
    out = set()
    for run in ANNOTATION_RUN.finditer(text, head.end()):
        if HTTP_METHOD.search(run.group(0)):
            sub = JAXRS_PATH.search(run.group(0))
            parts = (base.group(1) if base else "", sub.group(1) if sub else "")
            path = "/".join(p.strip("/") for p in parts if p.strip("/"))
            out.add("/" + re.sub(r"\{[^}]*\}", "{}", path))
    return out


def acmeair_from_ports(monolith: Path, ports: Path) -> dict[str, object]:
    """Truth for acmeair-monolithic-java from blueperf's five acmeair-*-java services."""
    by_name: dict[str, set[str]] = defaultdict(set)
    serves: dict[str, set[str]] = defaultdict(set)  # endpoint path -> services
    collections: dict[str, set[str]] = defaultdict(set)
    for folder, service in ACMEAIR_SERVICES.items():
        for fqn, rel in java_classes(ports / folder).items():
            simple = fqn.rsplit(".", 1)[-1]
            if simple == "MavenWrapperDownloader" or ".health." in fqn:
                continue
            by_name[simple].add(service)
            source = sql_text(ports / folder / rel)
            for path in jaxrs_endpoints(source):
                serves[path].add(service)
            for name in COLLECTION.findall(source):
                collections[name.upper()].add(service)
    serves.pop("/", None)
    classes: dict[str, str] = {}
    unlabelled: list[str] = []
    used: set[str] = set()
    for fqn, rel in java_classes(monolith).items():
        source = sql_text(monolith / rel)
        used |= {name.upper() for name in COLLECTION.findall(source)}
        found = by_name.get(fqn.rsplit(".", 1)[-1], set())
        if len(found) != 1:
            found = {
                s
                for e in jaxrs_endpoints(source)
                for p, ss in serves.items()
                if e.endswith(p)
                for s in ss
            }
        if len(found) == 1:
            classes[fqn] = next(iter(found))
        else:
            unlabelled.append(fqn)
    tables = {
        t: next(iter(collections[t])) for t in sorted(used) if len(collections.get(t, ())) == 1
    }
    return {
        "system": "acmeair-monolithic-java",
        "source": (
            "blueperf/acmeair-monolithic-java, labelled from the same organisation's "
            "microservice version blueperf/acmeair-{auth,booking,customer,flight,main}service-"
            "java (commits in benchmarks/corpora.md)"
        ),
        "method": (
            "Service = port repository (acmeair-authservice-java -> auth, -bookingservice- -> "
            "booking, -customerservice- -> customer, -flightservice- -> flight, -mainservice- "
            "-> main, the web front end). A monolith class goes to the service holding a class "
            "of the same simple name when exactly one does (test classes, MavenWrapperDownloader "
            "and the health checks of the port are ignored). Otherwise a JAX-RS resource goes to "
            "the service whose resources serve the same paths: each monolith endpoint (class "
            "@Path joined with the method's @Path) matches a port endpoint it ends with "
            "(/api/bookings/bookflights ends with the booking service's /bookflights; the port's "
            "context roots /auth, /booking, ... are deployment settings and ignored), and the "
            "class is labelled when all its matches fall in one service (BookingsREST, "
            "CustomerREST, FlightsREST, LoginREST). MicroProfile REST client interfaces serve "
            "nothing. Every other class is unlabelled (unlabelled_classes): the session store "
            "(AuthService, its Mongo implementation, SessionLoader: the port's auth service "
            "issues JWTs and keeps no sessions), the shared configuration and loader resources "
            "whose paths several services serve, KeyGenerator (copied into three services), "
            "constants, connection and utility classes. Tables: the MongoDB collections named "
            'in getCollection("...") of the monolith, labelled with the one port service '
            "whose code uses the same collection (customerSession has none). Views are not "
            "scored: the port moves every page into the main (front-end) service, a technology "
            "split rather than a domain one. Derived by benchmarks/derive_truth.py."
        ),
        "unlabelled_classes": sorted(unlabelled),
        **labels(classes, tables, {}),
    }


DAYTRADER_MODULES = {
    "daytrader-account-service": "account",
    "daytrader-holding-service": "holding",
    "daytrader-order-service": "order",
    "daytrader-quote-service": "quote",
    "daytrader-frontend-service": "frontend",
}
DERBY_DDL = "src/main/webapp/dbscripts/derby/Table.ddl"
ENTITY_NAME = re.compile(r"@Entity\s*\(\s*name\s*=\s*\"(\w+)\"")


def daytrader_from_ms(monolith: Path, port: Path) -> dict[str, object]:
    """Truth for WASdev/sample.daytrader7 from jdmcclur/sample.daytrader7.simple.ms."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for folder, module in DAYTRADER_MODULES.items():  # per module: the modules share FQNs
        for fqn in java_classes(port / folder):
            by_name[fqn.rsplit(".", 1)[-1]].add(module)
    creates = {
        m: ddl_tables([port / folder / DERBY_DDL])
        for folder, m in DAYTRADER_MODULES.items()
        if m != "frontend"
    }
    classes: dict[str, str] = {}
    unlabelled: list[str] = []
    for fqn, rel in java_classes(monolith).items():
        found = by_name.get(fqn.rsplit(".", 1)[-1], set())
        if len(found) > 1:
            text = sql_text(monolith / rel)
            mapped = {t.upper() for t in JPA_TABLE.findall(text) + ENTITY_NAME.findall(text)}
            found = {m for m in found if creates.get(m, set()) & mapped}
        if len(found) == 1:
            classes[fqn] = next(iter(found))
        else:
            unlabelled.append(fqn)
    tables: dict[str, str] = {}
    for table in sorted(ddl_tables(monolith.rglob("derby/Table.ddl"))):
        owners = [m for m, made in creates.items() if table in made]
        if len(owners) == 1:
            tables[table] = owners[0]
    return {
        "system": "daytrader",
        "source": (
            "WASdev/sample.daytrader7, labelled from jdmcclur/sample.daytrader7.simple.ms, a "
            "microservice version by the maintainer of the WASdev DayTrader samples (commits in "
            "benchmarks/corpora.md)"
        ),
        "method": (
            "Service = port module: daytrader-account-service -> account, -holding- -> "
            "holding, -order- -> order, -quote- -> quote, -frontend- -> frontend. A monolith "
            "class goes to the module holding a class of the same simple name when exactly one "
            "does. A class several modules hold (the entity beans, copied into the front end "
            "and other services as DTOs; Log, DBUtil) goes to the one of them whose own derby "
            "Table.ddl creates the table the monolith class maps (@Table/@Entity name; the "
            "front end's DDL creates every table and does not count); one mapping no table "
            "(MarketSummaryDataBean, Log) is unlabelled. Classes the port lacks (the Ping* "
            "primitives, JSF beans, TradeDirect, the MDBs, websocket and JSON classes it "
            "dropped: the port is based on a reduced DayTrader without JSF pages, JDBC "
            "'Direct' mode or JMS) are unlabelled (unlabelled_classes). Tables: those of the "
            "monolith's derby Table.ddl, labelled with the one non-front-end module whose DDL "
            "creates it (KEYGENEJB, created by account, holding and order, is left out). Views "
            "are not scored: the port keeps every page in the front-end module, a technology "
            "split rather than a domain one. Derived by benchmarks/derive_truth.py."
        ),
        "unlabelled_classes": sorted(unlabelled),
        **labels(classes, tables, {}),
    }


PETCLINIC_MODULES = {
    "spring-petclinic-customers-service": "customers",
    "spring-petclinic-vets-service": "vets",
    "spring-petclinic-visits-service": "visits",
}
ENTITY_CLASS = re.compile(r"@Entity\b[^{;]*?\bclass\s+(\w+)")
PETCLINIC_STEM = re.compile(
    r"(?:SpringData|Jdbc|Jpa)?(?P<stem>[A-Z]\w*?)"
    r"(?:RepositoryImpl|Repository|RowMapper|Controller|Formatter|Validator|s)?"
)
"""A data-access or web class named after an entity: an optional technology prefix, the
entity's name, an optional role suffix (``s``: a list wrapper such as Vets)."""


def petclinic_from_ms(monolith: Path, port: Path, name: str, repo: str) -> dict[str, object]:
    """Truth for a Spring PetClinic monolith from spring-petclinic-microservices."""
    by_name: dict[str, set[str]] = defaultdict(set)
    entities: dict[str, set[str]] = defaultdict(set)
    creates: dict[str, set[str]] = defaultdict(set)
    for folder, service in PETCLINIC_MODULES.items():
        for fqn, rel in java_classes(port / folder).items():
            by_name[fqn.rsplit(".", 1)[-1]].add(service)
            for entity in ENTITY_CLASS.findall(sql_text(port / folder / rel)):
                entities[entity].add(service)
        for table in ddl_tables((port / folder).rglob("schema.sql")):
            creates[table].add(service)
    classes: dict[str, str] = {}
    by_stem: list[str] = []
    unlabelled: list[str] = []
    for fqn in java_classes(monolith):
        simple = fqn.rsplit(".", 1)[-1]
        if simple == "package-info":
            continue
        found = by_name.get(simple, set())
        if len(found) != 1:
            match = PETCLINIC_STEM.fullmatch(simple)
            found = entities.get(match.group("stem"), set()) if match else set()
            if len(found) == 1:
                by_stem.append(simple)
        if len(found) == 1:
            classes[fqn] = next(iter(found))
        else:
            unlabelled.append(fqn)
    ddl = ddl_tables([monolith / "src/main/resources/db/h2/schema.sql"])
    tables = {t: next(iter(creates[t])) for t in sorted(ddl) if len(creates.get(t, ())) == 1}
    return {
        "system": name,
        "source": (
            f"{repo}, labelled from spring-petclinic/spring-petclinic-microservices, the "
            "microservice version of the same GitHub organisation (commits in "
            "benchmarks/corpora.md)"
        ),
        "method": (
            "Service = port module: spring-petclinic-customers-service -> customers (owners, "
            "pets, pet types), -vets-service -> vets, -visits-service -> visits; the "
            "api-gateway (the UI), genai-service and the admin, config and discovery servers "
            "are not business services and are ignored. A monolith class goes to the module "
            "holding a class of the same simple name when exactly one of the three does. A "
            "class without one goes to the module of a JPA @Entity of the port when its name is "
            "that entity's name with an optional technology prefix (SpringData, Jdbc, Jpa) and "
            "an optional role suffix (RepositoryImpl, Repository, RowMapper, Controller, "
            "Formatter, Validator, or a plural s for a list wrapper) and exactly one module "
            f"holds that entity; this labels {', '.join(sorted(set(by_stem)))}. Every other class "
            "is unlabelled (unlabelled_classes): the shared base classes (BaseEntity, "
            "NamedEntity, Person), configuration, system and web-infrastructure classes and, in "
            "spring-framework-petclinic, the ClinicService facade spanning all three services "
            "and JDBC helpers named after no single entity (JdbcPetVisitExtractor joins pets "
            "and visits). Tables: those of "
            "the monolith's db/h2/schema.sql, labelled with the one port module whose own "
            "schema.sql (hsqldb and mysql) creates a table of the same name. Views are not "
            "scored: the port moves every page into the api-gateway (a front end), a technology "
            "split rather than a domain one. Derived by benchmarks/derive_truth.py."
        ),
        "unlabelled_classes": sorted(unlabelled),
        **labels(classes, tables, {}),
    }


NEWBEE_MODULES = {
    "newbee-mall-cloud-goods-service": "goods",
    "newbee-mall-cloud-order-service": "order",
    "newbee-mall-cloud-recommend-service": "recommend",
    "newbee-mall-cloud-shop-cart-service": "shop-cart",
    "newbee-mall-cloud-user-service": "user",
}
NEWBEE_PREFIX = re.compile(r"^NewBee(?:Mall)?(?:Cloud)?(?=[A-Z])")
"""The system-wide class-name prefix (NewBeeMall..., the port also NewBee... and
NewBeeMallCloud...), stripped on both sides before the second name match."""


def newbee_from_cloud(monolith: Path, cloud: Path) -> dict[str, object]:
    """Truth for newbee-ltd/newbee-mall from newbee-ltd/newbee-mall-cloud."""
    module = module_of(NEWBEE_MODULES)
    by_name: dict[str, set[str]] = defaultdict(set)
    by_bare: dict[str, set[str]] = defaultdict(set)
    for fqn, rel in java_classes(cloud).items():
        if (m := module(rel)) is not None:
            simple = fqn.rsplit(".", 1)[-1]
            by_name[simple].add(m)
            by_bare[NEWBEE_PREFIX.sub("", simple)].add(m)
    classes: dict[str, str] = {}
    rule: dict[str, list[str]] = {"name": [], "bare": [], "service": []}
    unlabelled: list[str] = []
    for fqn in java_classes(monolith):
        simple = fqn.rsplit(".", 1)[-1]
        bare = NEWBEE_PREFIX.sub("", simple)
        stem = bare.removesuffix("Controller") if bare.endswith("Controller") else None
        for kind, found in (
            ("name", by_name.get(simple, set())),
            ("bare", by_bare.get(bare, set())),
            ("service", by_bare.get(f"{stem}Service", set()) if stem else set()),
        ):
            if len(found) == 1:
                classes[fqn] = next(iter(found))
                rule[kind].append(simple)
                break
        else:
            unlabelled.append(fqn)
    mappers = [p for p in cloud.rglob("*.xml") if "/mapper/" in p.as_posix()]
    uses = table_uses(mappers, lambda p: module(p.relative_to(cloud).as_posix()))
    present = ddl_tables(monolith.rglob("*.sql"))
    tables = {
        t: next(iter(per)) for t, per in sorted(uses.items()) if t in present and len(per) == 1
    }
    return {
        "system": "newbee",
        "source": (
            "newbee-ltd/newbee-mall, labelled from newbee-ltd/newbee-mall-cloud, the same "
            "organisation's microservice version (commits in benchmarks/corpora.md)"
        ),
        "method": (
            "Service = newbee-mall-cloud business module (with its -api and -web submodules): "
            "-goods-service -> goods, -order-service -> order, -recommend-service -> recommend "
            "(carousels, home-page configuration), -shop-cart-service -> shop-cart, "
            "-user-service -> user; newbee-mall-cloud-common and the two gateways are not "
            "services and are ignored. A monolith class goes to the module holding a class of "
            f"the same simple name when exactly one does ({len(rule['name'])} classes). "
            "Otherwise the system-wide prefix (NewBee, NewBeeMall, NewBeeMallCloud) is "
            "stripped from both names and a class goes to the one module holding a class of "
            f"the same stripped name ({len(rule['bare'])} classes: "
            f"{', '.join(sorted(rule['bare']))}). Otherwise a controller XController (prefix "
            "stripped) goes to the one module holding the service interface XService (prefix "
            f"stripped) ({len(rule['service'])} classes: {', '.join(sorted(rule['service']))}). "
            "Every other class is unlabelled (unlabelled_classes): classes the port keeps only "
            "in its common module (enums, utilities, the exception), view objects copied into "
            "two modules (the category VOs, in goods and recommend), and classes without a "
            "counterpart (configuration, interceptors, the common upload and error "
            "controllers, the admin login controller AdminController and "
            "NewBeeMallGoodsIndexConfigController, named after no service). Tables: those of "
            "the monolith's newbee_mall_schema.sql "
            "that the mapper XML of exactly one module uses, labelled with it. Views are not "
            "scored: the port has no server-side pages (its front ends are separate Vue "
            "projects). Derived by benchmarks/derive_truth.py."
        ),
        "unlabelled_classes": sorted(unlabelled),
        **labels(classes, tables, {}),
    }


MALL4CLOUD_SERVICES = (
    "auth",
    "biz",
    "leaf",
    "multishop",
    "order",
    "payment",
    "platform",
    "product",
    "rbac",
    "search",
    "user",
)
MALL4CLOUD_MODULES = {
    **{f"mall4cloud-{s}": s for s in MALL4CLOUD_SERVICES},
    **{f"mall4cloud-api/mall4cloud-api-{s}": s for s in MALL4CLOUD_SERVICES},
    "mall4cloud-common": "common",
    "mall4cloud-gateway": "common",
}
MALL4J_RENAMES = (
    (r"^Sys(?=[A-Z])", ""),
    (r"^Prod(?:uct)?(?=[A-Z]|$)", "Spu"),
    (r"^Basket", "ShopCart"),
)
"""Names the port changed, tried in order when a simple name has no counterpart: the shop's
system module prefix (SysMenu is rbac's Menu), product as SPU (standard product unit), the
basket as the shop cart."""
MALL4J_TABLE_RENAMES = ((r"^sys_", ""), (r"^prod(?=_|$)", "spu"), (r"^basket$", "shop_cart_item"))


def mall4j_from_cloud(monolith: Path, cloud: Path) -> dict[str, object]:
    """Truth for gz-yami/mall4j (a layer-first MyBatis-Plus shop) from gz-yami/mall4cloud, the
    same organisation's microservice system."""
    module = module_of(MALL4CLOUD_MODULES)
    renamed: list[str] = []
    classes, uncovered = classes_by_module(monolith, cloud, module, MALL4J_RENAMES, renamed)
    created: dict[str, set[str]] = defaultdict(set)
    for service in MALL4CLOUD_SERVICES:
        for f in (cloud / "db").glob(f"mall4cloud_{service}*.sql"):
            for t in ddl_tables([f]) - {"UNDO_LOG"}:
                created[t.lower()].add(service)
    tables: dict[str, str] = {}
    for t in sorted(ddl_tables([monolith / "db" / "yami_shop.sql"])):
        bare = t.lower().removeprefix("tz_")
        names = [bare, *(re.sub(a, b, bare) for a, b in MALL4J_TABLE_RENAMES)]
        found = next((f for n in names if len(f := created.get(n, set())) == 1), None)
        if found is not None:
            tables[t] = next(iter(found))
    return {
        "system": "mall4j",
        "source": (
            "gz-yami/mall4j, labelled from gz-yami/mall4cloud, the same organisation's "
            "microservice system (commits in benchmarks/corpora.md)"
        ),
        "method": (
            "Service = mall4cloud business module (with its mall4cloud-api-* client module): "
            f"{', '.join(MALL4CLOUD_SERVICES)}; mall4cloud-common and the gateway -> 'common' "
            "(don't care). A monolith class goes to the module holding a class of the same "
            "simple name when exactly one does (a *Config class named like one of a service "
            "module is left out). Otherwise the names the port changed are tried "
            "in order: the system module's Sys prefix dropped (SysMenu is rbac's Menu), "
            "Prod/Product as Spu, Basket as ShopCart "
            f"({len(renamed)} classes: {', '.join(sorted(set(renamed)))}). Every other class "
            "is uncovered (uncovered_packages): about half the shop (DTOs, parameters, events, "
            "delivery and transport fees, notices, messages, SMS, comments) has no counterpart "
            "of that name. Tables: those of the shop's db/yami_shop.sql whose name without tz_ "
            "(else also without sys_, prod as spu, basket as shop_cart_item) exactly one "
            "module's db/mall4cloud_<module>.sql creates, labelled with it. Views are not "
            "scored: both front ends are separate Vue projects. Derived by "
            "benchmarks/derive_truth.py."
        ),
        "uncovered_packages": dict(sorted(uncovered.items())),
        **labels(classes, tables, None),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default="/tmp/corpora", type=Path)
    parser.add_argument("--out", default=Path(__file__).parent / "truth", type=Path)
    args = parser.parse_args()
    c: Path = args.corpora
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    made: dict[str, dict[str, object]] = {}
    if (c / "egovcc").is_dir() and (c / "egovcc-msa-krds").is_dir():
        made["egovcc"] = egovcc_from_msa(c / "egovcc", c / "egovcc-msa-krds")
    if (c / "ftgo-monolith").is_dir() and (c / "ftgo-application").is_dir():
        made["ftgo-monolith"] = ftgo(c / "ftgo-monolith", c / "ftgo-application")
    if (c / "dddsample-core").is_dir():
        data = cargo(
            c / "dddsample-core",
            "se.citerus.dddsample",
            ((r"templates/admin/", "booking"), (r"templates/track", "tracking")),
        )
        made["dddsample-core"] = {
            "system": "dddsample-core",
            "source": "citerus/dddsample-core, its own package documentation",
            "method": CARGO_METHOD,
            **data,
        }
    if (c / "cargotracker").is_dir():
        data = cargo(
            c / "cargotracker",
            "org.eclipse.cargotracker",
            (
                (r"/admin/tracking/", "tracking"),
                (r"/public/(track|mapFrame)", "tracking"),
                (r"/admin/(dashboard|tables|selectItinerary|show|dialogs|route)", "booking"),
                (r"/booking/", "booking"),
                (r"/event-logger/", "handling"),
            ),
        )
        made["cargotracker"] = {
            "system": "cargotracker",
            "source": "eclipse-ee4j/cargotracker, its own package documentation",
            "method": CARGO_METHOD,
            **data,
        }
    if (c / "ruoyi").is_dir() and (c / "ruoyi-cloud").is_dir():
        made["ruoyi"] = ruoyi_from_cloud(c / "ruoyi", c / "ruoyi-cloud")
    if (c / "ruoyi-vue-plus").is_dir() and (c / "ruoyi-cloud-plus").is_dir():
        made["ruoyi-vue-plus"] = ruoyi_plus_from_cloud(
            c / "ruoyi-vue-plus", c / "ruoyi-cloud-plus"
        )
    if (c / "acmeair-monolithic-java").is_dir() and all(
        (c / f).is_dir() for f in ACMEAIR_SERVICES
    ):
        made["acmeair-monolithic-java"] = acmeair_from_ports(c / "acmeair-monolithic-java", c)
    if (c / "daytrader").is_dir() and (c / "sample.daytrader7.simple.ms").is_dir():
        made["daytrader"] = daytrader_from_ms(c / "daytrader", c / "sample.daytrader7.simple.ms")
    petclinics = {
        "sbpc": "spring-projects/spring-petclinic",
        "sfpc": "spring-petclinic/spring-framework-petclinic",
    }
    for name, repo in petclinics.items():
        if (c / name).is_dir() and (c / "spring-petclinic-microservices").is_dir():
            made[name] = petclinic_from_ms(
                c / name, c / "spring-petclinic-microservices", name, repo
            )
    if (c / "newbee").is_dir() and (c / "newbee-mall-cloud").is_dir():
        made["newbee"] = newbee_from_cloud(c / "newbee", c / "newbee-mall-cloud")
    if (c / "mall4j").is_dir() and (c / "mall4cloud").is_dir():
        made["mall4j"] = mall4j_from_cloud(c / "mall4j", c / "mall4cloud")
    templates = {
        "egov-portal-site": "eGovFramework/egovframe-portal-site-template",
        "egov-enterprise-business": "eGovFramework/egovframe-enterprise-business-template",
        "egov-simple-homepage": "eGovFramework/egovframe-simple-homepage-template",
        "egov-common-comp-2015": "eGovFrame/common-comp (2015, iBatis era)",
    }
    for name, repo in templates.items():
        if (c / name).is_dir():
            made[name] = egov_template(c / name, name, repo)
    for name, data in made.items():
        path = out / f"{name}.json"
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        counts = {k: len(data[k]) for k in ("classes", "views", "tables") if k in data}  # type: ignore[arg-type]
        print(f"{name}: {counts}")


if __name__ == "__main__":
    main()

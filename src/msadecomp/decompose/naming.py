"""Name service candidates, and give them ids derived from their content.

A service is named after the business package segment most of its classes share: technical
segments (``service``, ``impl``, ``web``, ``dao``, ...) and the package prefix common to the
whole system (``egovframework``; a few strays under another top-level package aside) are left
out, and so is the layer of a system cut by its
architecture's layers at the top (``io.spring.application.user``, ``io.spring.core.user``: see
:func:`_layer_tops`); the deepest segment that at least half of
the service's classes have in their package wins, provided most classes of that package are in
this service. Otherwise (a flat package, or a package spread over several services) the
business noun shared by most class names is used (``EgovArticleServiceImpl`` -> ``article``),
the nouns of entry classes (services, controllers, action beans, resources) counting 1.5; of
tied nouns, one that a model or store class has wins (``item`` over ``add-item-to-cart``);
a ``Manage``/``Mng`` tail says nothing (``EgovOnlinePollManageDAO`` -> ``online-poll``).
When every class has a noun of its own (DayTrader's ``TradeSLSBBean``, ``TradeDirect``,
``CompleteOrderThread``), the word at least half of the class names share names the service
(``trade``), never the alphabetically first class; failing that, the word a third of them
share (three or more), unless the first of the tied nouns is an entity's (JTrac's ``user``
administration, not its ``AbstractMultiActionController``; PlantsByWebSphere's
``inventory``). The half-shared word also names the service when the noun is the word plus a
role played for it (Roller's ``comment``, not ``comment-authenticator``). A word three times
as many class names share as the noun weighs, and a quarter of them, names it too when it is
not a word of the noun (Roller's ``task``, not ``thread``: 14 task classes beside a
thread manager, its implementation and a worker thread; Roller's ``media-file`` stays). A service
of set-up plumbing holding no table is named for it (``configuration``, ``filter``:
:func:`_plumbing_word`) and yields that name to a business service asking for it. Of
services with the same name the largest keeps it; the others are told apart by their dominant
class-name noun (for a service named after a shared word: the noun of its most connected class,
``trade-direct``; when that noun is the name already taken, the next noun), then by a counter in
the order of their smallest member. Class names lose the system's own prefix
first: the leading words that a fifth of all class names, in more than half of the services
(three or more), start with (newbee-mall's ``NewBeeMallOrderService`` is an ``order``
service).

The id of a service is its name: it depends only on which classes the service holds, not on its
size rank, so an unrelated change elsewhere does not renumber it. Services are listed by id.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import networkx as nx

from msadecomp.graph import EXCEPTION, PLUMBING, is_table
from msadecomp.graph.aggregates import PERSISTENCE_PREFIXES, singular
from msadecomp.graph.structure import TECHNICAL_SEGMENTS as LAYER_WORDS
from msadecomp.graph.structure import root_package

if TYPE_CHECKING:
    from msadecomp.decompose import Cluster

_STEM_SUFFIXES = re.compile(
    r"(ServiceImpl|Service|Controller|DAO|Dao|Mapper|VO|Vo|(?<=[a-z0-9])BO|Bo|DTO|Dto|"
    r"DefaultVO|SearchVO|"
    r"Impl|Util|Utils|"
    r"Helper|Manager|Mgr|Repository|ActionBean|Action|Bean|Resource|REST|Rest|Endpoint|Servlet|"
    r"Facade|Manage|Management|Mng|Mgmt|DataBean|Local|Remote|JSF|Jsf|\d*(?:MDB|SLSB|SFSB|EJB)|"
    r"Page|Panel|(?:Dropdown)?(?:Read|Write)Platform|ApiResource|CommandHandler|DataValidator|"
    r"JpaRepositoryImpl|RepositoryWrapper)$"
)
"""Technical tails of class names, Enterprise JavaBeans' and JSF's included: ``TradeSLSBLocal``
(a stateless session bean's local interface), ``DTBroker3MDB`` (a message-driven bean of EJB
3), ``QuoteDataBean`` and ``QuoteJSF`` (DayTrader's quote services had been named ``slsb``,
``dt-broker3-mdb`` and ``quote-data``), Wicket's ``ItemViewPage`` and ``ItemListPanel``, and
Fineract's command-and-query tails (``LoanReadPlatformService``, ``ChargeDropdownReadPlatform``,
``ClientApiResource``, ``CreateClientCommandHandler``, ``LoanRepositoryWrapper``)."""
_ENTRY = re.compile(r"(Service|ServiceImpl|Controller|ActionBean|Action|Resource|REST|Facade)$")
"""Classes whose name says what the service offers: their noun counts 1.5 times when naming."""
_PREFIXES = re.compile(rf"^(Egov|Com|Generic|I(?=[A-Z][a-z])|{PERSISTENCE_PREFIXES})(?=[A-Z])")
"""Name prefixes of a framework or a persistence technology (``JdbcPet`` is a ``Pet``; JForum's
``GenericUserSessionDAO``, its SQL-standard implementation, is about a ``UserSession``), and the
``I`` of an interface named the .NET way (RuoYi's ``ISysUserService`` is about ``SysUser``;
``IOUtils`` and ``Item`` keep theirs)."""
# Fewer words than graph/structure.py's TECHNICAL_SEGMENTS on purpose: "common", "application",
# "facade" or "data" are fair service names even where they never tie a package (measured: the
# larger list named services "org", "cargotracker" and "action").
TECHNICAL_SEGMENTS = frozenset(
    [
        "service",
        "services",
        "impl",
        "web",
        "dao",
        "daos",
        "vo",
        "vos",
        "dto",
        "dtos",
        "util",
        "utils",
        "controller",
        "controllers",
        "mapper",
        "mappers",
        "domain",
        "model",
        "models",
        "entity",
        "entities",
        "repository",
        "repositories",
        "config",
        "configuration",
        "api",
        "rest",
        "persistence",
        "support",
        "action",
        "actions",
        "form",
        "forms",
        "bean",
        "beans",
        "handler",
        "handlers",
        "mvc",
        "internal",
        "interfaces",
        "ejb",
        "ejb3",
    ]
)


def stem(simple_name: str, prefix: str = "") -> str:
    """``EgovArticleServiceImpl`` -> ``Article``: the business noun of a class name, without
    the system's own name ``prefix`` (see :func:`_system_prefix`)."""
    name = _PREFIXES.sub("", simple_name)
    if prefix and name.startswith(prefix) and name[len(prefix) : len(prefix) + 1].isupper():
        name = name[len(prefix) :]
    prev = None
    while prev != name:
        prev, name = name, _STEM_SUFFIXES.sub("", name) or name
    return name


def slug(text: str) -> str:
    """``FileMng`` -> ``file-mng``: lower case, ASCII letters, digits and dashes only."""
    kebab = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z]{2})(?=[A-Z][a-z])", "-", text).lower()
    return re.sub(r"[^a-z0-9]+", "-", kebab).strip("-")


STRAY_SHARE = 0.95
"""When this share of the classes start with one top-level segment (or, after a domain, one
organisation: ``com.shop``), the others are strays."""
DOMAINS = frozenset({"com", "org", "net", "io", "edu", "gov", "kr", "cn", "jp", "de", "me"})
"""Top-level segments of a reverse domain name, after which the organisation follows."""


def common_prefix(packages: Iterable[str]) -> tuple[str, ...]:
    """The package segments every one of ``packages`` starts with; classes in the default
    package (scripts, templates: JTrac's two) do not take the system's prefix away, nor do
    a few strays under another top-level segment (struts2shop's patched
    ``com.opensymphony.xwork2.util.LocalizedTextUtil`` had made its root ``seamshop`` name two
    services).

    >>> common_prefix(["shop.cart", "shop.order", *["shop.user"] * 18, "com.lib.util"])
    ('shop',)
    >>> common_prefix([*["com.shop.cart"] * 10, *["com.shop.order"] * 10, "com.lib.util"])
    ('com', 'shop')
    >>> common_prefix([*["shop.order"] * 20, "shop.util"])  # a feature is no stray
    ('shop',)
    >>> common_prefix(["shop.cart", "com.lib.util"])
    ()
    """
    split = [tuple(p.split(".")) for p in packages if p]
    if not split:
        return ()
    for depth in range(2):  # the top-level segment, and the organisation after a domain's
        if any(len(p) <= depth for p in split) or (depth and split[0][0] not in DOMAINS):
            break
        head, n = Counter(p[depth] for p in split).most_common(1)[0]
        if n < STRAY_SHARE * len(split):
            break
        split = [p for p in split if p[depth] == head]
    first = min(split)
    last = max(split)
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return first[:n]


def business_path(package: str, root: Sequence[str]) -> tuple[str, ...]:
    """The package's segments after ``root``, technical ones left out."""
    segments = package.split(".") if package else []
    rest = segments[len(root) :] if segments[: len(root)] == list(root) else segments
    return tuple(s for s in rest if s.lower() not in TECHNICAL_SEGMENTS)


ARCHITECTURE_LAYERS = frozenset(
    {"application", "core", "infrastructure", "adapter", "adapters", "port", "ports"}
    | {"presentation"}
)
"""Package names of a hexagonal or layered architecture's layers (``interfaces``, ``domain``
and the like are no business segment anyway: :data:`TECHNICAL_SEGMENTS`)."""


def _layer_tops(paths: Iterable[tuple[str, ...]]) -> frozenset[str]:
    """The first business segments that name architecture layers, when two or more do: the
    system is cut by its layers at the top (the RealWorld app's ``io.spring.application``,
    ``core`` and ``infrastructure``), and a feature inside them names a service, not the layer.

    >>> sorted(_layer_tops([("application", "user"), ("core", "user"), ("graphql",)]))
    ['application', 'core']
    >>> sorted(_layer_tops([("core", "user"), ("order",)]))
    []
    """
    tops = {p[0] for p in paths if p} & ARCHITECTURE_LAYERS
    return frozenset(tops) if len(tops) > 1 else frozenset()


def prefix_counts(paths: Iterable[tuple[str, ...]]) -> Counter[tuple[str, ...]]:
    """How many of ``paths`` start with each prefix."""
    counts: Counter[tuple[str, ...]] = Counter()
    for p in paths:
        for i in range(1, len(p) + 1):
            counts[p[:i]] += 1
    return counts


def dominant_prefix(paths: Sequence[tuple[str, ...]]) -> tuple[str, ...]:
    """The deepest prefix at least half of ``paths`` share (``()`` if none)."""
    counts = prefix_counts(paths)
    best = [pre for pre, n in counts.items() if n >= len(paths) / 2]
    return max(sorted(best), key=lambda pre: (len(pre), counts[pre])) if best else ()


def _simple_name(graph: nx.Graph, node: str) -> str:
    return str(graph.nodes[node].get("label", node)).split(".")[-1]


def _dominant_stem(
    graph: nx.Graph, classes: Sequence[str], besides: str = "", prefix: str = ""
) -> tuple[str, float]:
    """The class-name noun of most weight (other than ``besides``), and its weight."""
    stems: dict[str, float] = {}
    plain: set[str] = set()  # nouns some class other than an entry class has
    entities: set[str] = set()  # nouns of entities
    for m in classes:
        label = _simple_name(graph, m)
        if _NAMES_NOTHING.search(label):
            continue
        key = slug(stem(label, prefix))
        if key in _ROLES and prefix and label.startswith(prefix):
            continue  # a role left once the system's prefix is gone: JTrac's JtracDao
        entry = bool(_ENTRY.search(label))
        stems[key] = stems.get(key, 0.0) + (1.5 if entry else 1.0)
        if not entry:
            plain.add(key)
        if graph.nodes[m].get("stereotype") == "entity":
            entities.add(key)
    stems.pop("", None)
    stems.pop(besides, None)
    # of tied nouns, an entity's (DayTrader's QuoteDataBean beside the MarketSummaryDataBean it
    # feeds) beats the others, and one a model or store class has (Item, ItemDao) beats the noun
    # of a pair of actions (AddItemToCartAction, AddItemToCartController)
    best = (
        min(stems, key=lambda s: (-stems[s], s not in entities, s not in plain, s))
        if stems
        else ""
    )
    return best, stems.get(best, 0.0)


_ROLES = frozenset(
    {"dao", "impl", "service", "mapper", "repository", "controller", "action", "servlet"}
)
"""Layer roles: the whole noun of a class named only by the system's prefix and its role
(JTrac's ``JtracDao``, ``JtracImpl``) names nothing; FTGO's ``Action`` entity, named so without
a prefix, does."""
_NAMES_NOTHING = re.compile(rf"{EXCEPTION.pattern}|(Names|Constants|Consts)$")
"""Exceptions say what can go wrong in a service, not what it offers (Roller's two
``BootstrapException`` classes named a service of planet tasks and providers); nor do holders
of constant names (Java Pet Store's ``JNDINames``, one per package, named three services).
``Keys`` is left alone: ``ApiKeys`` may well be a domain's."""
_AGENT = re.compile(r"-[a-z]*(ator|izer|iser|essor|ovider|oader|uilder|ecker|arser|istener)")
"""The tail of a noun naming a role played for the word before it (``comment-authenticator``
is one class of a service half of whose classes are about comments)."""
_MANAGE = frozenset({"manage", "management", "mng", "mgmt", "mgr"})
"""Words saying a class manages something, never what (eGovFrame's ``*Manage`` classes)."""
_WORD = re.compile(r"(?<![A-Z0-9])[A-HK-Z][A-Z][a-z]+|[A-Z]+(?![a-z])|[A-Z]?[a-z]+")
"""Words of a class name: ``DTBroker3MDB`` -> ``DT``, ``Broker``, ``MDB``; a lone capital
before a word is part of it (``VCardManager`` -> ``VCard``, ``Manager``: Openfire's vCard
service had been named ``card``), but for the ``I`` of an interface and the ``J`` of Java
(``IUser``, eGovFrame's ``JFile``) and after a digit (``B2BOrder``: ``B``, ``B``, ``Order``)."""


def _application_name(graph: nx.Graph, groups: Sequence[Sequence[str]]) -> str:
    """The application's name: the last segment of its root package (``org.openmrs``,
    ``net.jforum``), when it is a word of four letters or more (``egovframework.com`` and
    ``egovframework.let`` name no application)."""
    root = root_package(
        str(graph.nodes[n].get("package", "")) for g in groups for n in g if not is_table(n)
    )
    last = root.rpartition(".")[2].lower()
    return last if "." in root and len(last) >= 4 else ""


SYSTEM_PREFIX_SHARE = 0.2
"""A system's own class-name prefix starts this share of its classes (and classes in more than
half of its services, three or more)."""


def _system_prefix(graph: nx.Graph, groups: Sequence[Sequence[str]]) -> str:
    """The leading words (up to three) that the class names all over the system start with,
    the system's own name rather than any service's (newbee-mall's ``NewBeeMallOrderService``,
    ``NewBeeMallGoodsService``, ...); the longest such prefix, or ``""``."""
    classes = Counter[str]()
    services = Counter[str]()
    total = 0
    for group in groups:
        seen: set[str] = set()
        for node in group:
            if is_table(node):
                continue
            total += 1
            name = _PREFIXES.sub("", _simple_name(graph, node))
            words = _WORD.findall(name)
            for n in range(1, min(3, len(words) - 1) + 1):
                lead = "".join(words[:n])
                if name.startswith(lead):
                    classes[lead] += 1
                    seen.add(lead)
        services.update(seen)
    spread = [
        lead
        for lead, n in classes.items()
        if n >= SYSTEM_PREFIX_SHARE * total
        and services[lead] >= 3
        and services[lead] * 2 > len(groups)
    ]
    return max(spread, key=lambda lead: (len(lead), lead), default="")


def _singular(word: str) -> str:
    """``orders`` -> ``order``, ``categories`` -> ``category``; ``status``, ``address`` and
    short abbreviations stay (``stats``, ``args``: DayTrader's ``MDBStats`` is no ``TimerStat``).
    """
    return singular(word, longer_than=5)


def _shared_word(graph: nx.Graph, classes: Sequence[str], app: str = "", prefix: str = "") -> str:
    """The business word of three letters or more that at least half of the class names (and
    two or more) share, technical words and the application's name left out; ``""`` if
    none."""
    best, count = _top_word(graph, classes, app, prefix)
    return best if best and count >= max(2, len(classes) / 2) else ""


def _top_word(
    graph: nx.Graph, classes: Sequence[str], app: str = "", prefix: str = ""
) -> tuple[str, int]:
    """The business word most class names share, and how many do; ``app``, the application's
    name (see :func:`_application_name`; OpenMRS's ``OpenmrsObject`` and ``OpenmrsData``),
    says nothing about one service."""
    counts: Counter[str] = Counter()
    places: Counter[str] = Counter()  # a tie goes to the word nearer the front of the names
    for m in classes:
        words = [w.lower() for w in _WORD.findall(stem(_simple_name(graph, m), prefix))]
        words = [_singular(w) for w in words if w != app]
        for w in set(words):
            if len(w) > 2 and w not in LAYER_WORDS and w not in _MANAGE:
                counts[w] += 1
                places[w] += words.index(w)
    best = min(counts, key=lambda w: (-counts[w], places[w], w)) if counts else ""
    return best, counts[best] if best else 0


_CONFIG_FAMILY = frozenset(
    {"config", "configuration", "configurer", "initializer", "application", "app", "launcher"}
    | {"runner", "factory-bean", "data-source", "connection-manager", "connection-factory"}
    | {"constants", "gc"}
)
"""Plumbing that sets the application up: a service of mostly such classes is its
``configuration``."""
_NAMING_PLUMBING = _CONFIG_FAMILY | {
    *("filter", "interceptor", "aspect", "advice", "converter", "adapter", "resolver"),
    "renderer",
}
"""Kinds of plumbing that name a service of them; servlets, handlers, listeners, factories,
readers and writers are a business's entry points and tools as often (OpenClinica's 100
servlets are its study-subject service)."""


def _plumbing_word(graph: nx.Graph, classes: Sequence[str]) -> str:
    """For a service more than half of whose classes are framework plumbing (configuration,
    filters, renderers, converters: :data:`_NAMING_PLUMBING`), the kind most of them are
    (``configuration`` for configuration, start-up and connection classes; else the name's
    tail: ``filter``, ``renderer``); ``""`` for any other service. No class name's noun names
    such a service: mall4j's security adapters and Swagger set-up had been
    ``resource-server-adapter``, JHipster's configuration ``application-properties``."""
    kinds: Counter[str] = Counter()
    for m in classes:
        found = PLUMBING.search(_simple_name(graph, m))
        kind = slug(found.group(1)) if found else ""
        if kind in _NAMING_PLUMBING:
            kinds["configuration" if kind in _CONFIG_FAMILY else kind] += 1
    if sum(kinds.values()) * 2 <= len(classes):
        return ""
    return min(kinds, key=lambda k: (-kinds[k], k))


def central_class(graph: nx.Graph, classes: Sequence[str]) -> str:
    """The class most tied to the others of ``classes`` (exceptions only when all are)."""
    inside = set(classes)

    def ties(m: str) -> float:
        return sum(
            float(d.get("weight", 1.0)) for n, d in graph[m].items() if n in inside and n != m
        )

    named = [m for m in classes if not _NAMES_NOTHING.search(_simple_name(graph, m))] or classes
    return min(named, key=lambda m: (-ties(m), m))


def _entity_nouns(graph: nx.Graph, classes: Sequence[str], prefix: str = "") -> set[str]:
    """The class-name nouns of the entities among ``classes``."""
    return {
        slug(stem(_simple_name(graph, m), prefix))
        for m in classes
        if graph.nodes[m].get("stereotype") == "entity"
    }


def _central_noun(graph: nx.Graph, classes: Sequence[str], prefix: str = "") -> str:
    """The class-name noun of the class most tied to the others of ``classes``."""
    return slug(stem(_simple_name(graph, central_class(graph, classes)), prefix))


def name_clusters(
    graph: nx.Graph, parts: Iterable[set[str]], taken: Iterable[str] = ()
) -> list[Cluster]:
    """Clusters named and identified by content (see the module docstring), sorted by id.

    ``taken`` are ids already in use (pinned services, the shared kernel) that no new cluster
    may get.
    """
    from msadecomp.decompose import Cluster

    groups = [sorted(p) for p in parts if p]
    root = common_prefix(
        str(graph.nodes[n].get("package", "")) for g in groups for n in g if not is_table(n)
    )
    app = _application_name(graph, groups)
    lead = _system_prefix(graph, groups)
    paths = {
        n: business_path(str(graph.nodes[n].get("package", "")), root)
        for g in groups
        for n in g
        if not is_table(n)
    }
    layers = _layer_tops(paths.values())
    paths = {n: p[1:] if p and p[0] in layers else p for n, p in paths.items()}
    everywhere = prefix_counts(paths.values())
    proposals: list[tuple[str, str, list[str]]] = []  # (name, noun, members)
    plumbed: set[int] = set()  # proposals named for their plumbing: a clash goes against them
    for members in groups:
        classes = [m for m in members if not is_table(m)]
        if not classes:
            proposals.append(("data-" + slug(members[0].split(":", 1)[1]), "", members))
            continue
        noun, weight = _dominant_stem(graph, classes, prefix=lead)
        prefix = dominant_prefix([paths[m] for m in classes])
        inside = prefix_counts(paths[m] for m in classes)[prefix] if prefix else 0
        # a package most of whose classes live elsewhere does not name this service
        distinctive = bool(prefix) and inside * 2 > everywhere[prefix]
        # a noun of one plain class only names that class, not the service (the package does);
        # nor does the alphabetically first of several entry classes with a noun each
        # (Struts actions DoNothingAction, ListOrdersAction, NewOrderAction, ...)
        tied = weight <= 1.5 and _dominant_stem(graph, classes, noun, lead)[1] == weight
        weak = (weight <= 1 or tied) and len(classes) > 1
        named_package = bool(prefix) and prefix[-1].lower() not in LAYER_WORDS
        word = ""
        # a service of plumbing holding no table is named for the plumbing
        plumbing = _plumbing_word(graph, classes) if len(classes) == len(members) else ""
        if distinctive or (weak and named_package):
            name = slug(prefix[-1])
        elif plumbing:
            name, noun = plumbing, ""
        elif weak and (word := _shared_word(graph, classes, app, lead)):
            name, noun = word, _central_noun(graph, classes, lead)
        elif (
            weak
            and noun not in _entity_nouns(graph, classes, lead)
            and (top := _top_word(graph, classes, app, lead))[1] >= max(3, len(classes) / 3)
        ):
            # tied nouns, none an entity's: the word a third of the class names share (JTrac's
            # space and user administration pages, not their AbstractMultiActionController)
            name = word = top[0]
            noun = _central_noun(graph, classes, lead)
        elif (word := _shared_word(graph, classes, app, lead)) and _AGENT.fullmatch(
            noun.removeprefix(word)
        ):
            name = word
        elif (
            not weak
            and (top := _top_word(graph, classes, app, lead))[1]
            >= max(3, 3 * weight, len(classes) / 4)
            and top[0] not in noun.split("-")
        ):
            name = word = top[0]
        else:
            name = noun or (slug(prefix[-1]) if prefix else "")
        proposals.append((name or "service", "" if weak and not word else noun, members))
        if plumbing and name == plumbing:
            plumbed.add(id(members))
    clashes = Counter(name for name, _, _ in proposals)
    used = set(taken)
    clusters = []
    # of services proposing one name, the largest keeps it (JForum's 16 user classes, not the
    # user REST API's 5)
    for name, noun, members in sorted(
        proposals,
        key=lambda x: (x[0], id(x[2]) in plumbed, -sum(not is_table(m) for m in x[2]), x[2][0]),
    ):
        if (clashes[name] > 1 or name in used) and noun and noun != name:
            name = noun if noun.startswith(f"{name}-") else f"{name}-{noun}"
        if name in used and noun and (name == noun or name.endswith(f"-{noun}")):
            # the noun cannot tell it from the service that already has the name: the next can
            classes = [m for m in members if not is_table(m)]
            other = _dominant_stem(graph, classes, noun, lead)[0]
            name = f"{name}-{other}" if other else name
        unique, n = name, 1
        while unique in used:
            n += 1
            unique = f"{name}-{n}"
        used.add(unique)
        clusters.append(Cluster(unique, unique, tuple(members)))
    return sorted(clusters, key=lambda c: c.id)

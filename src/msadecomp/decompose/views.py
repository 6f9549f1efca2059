"""Place every view (JSP, Facelets, template) in exactly one service.

Views are components of a service as much as its classes: a split moves them too. Each view
is placed by the first rule that decides:

1. **links**: the service of most of the classes behind it: a class rendering it (returning its
   view name, a Struts result, a named action class or JSF bean) counts 1; a handler of a path
   it links or posts to counts 1/2 divided by the number of views linking to that class, so
   menu and header links shared by many views count little. When some of the rendering classes
   live in a package the view's folder names (``uat/uia/EgovLoginUsr.jsp`` and
   ``egovframework.let.uat.uia.web.EgovLoginController``), the others count as links only: ten
   eGovFrame controllers return the login page to a visitor not logged in, and it had gone to
   the menu service, which holds four of them. Failing that, when some rendering classes are
   named like the view, the others count as links only: DayTrader's ``quote.xhtml`` uses the
   account and log-out beans of the trade service beside ``QuoteJSF``. Of the classes a view
   only links to, those named like it count alone when some are: JHipster's
   ``bank-account-update.html`` saves through ``BankAccountResource`` and lists the users to
   pick from through ``PublicUserResource``, which fewer views link to;
2. **includes**: the service of most of the placed views that include it or that it includes.
   A fragment included by more than ``SHARED_FRAGMENT`` views (Roller's
   ``taglibs-struts2.jsp``, in every page) is shared: it places none of the views including it,
   no rule after **links** places it, and it is placed last, once they are, with the service
   holding more than half of them; with no such majority it goes with no service (the header
   of egov-oracle-mono's 20 pages, five in each of four services), as a class every service
   uses goes to the shared kernel;
3. **folder**: the service whose feature packages share the most folder names with the view's
   path (``WEB-INF/jsp/egovframework/com/cop/bbs/List.jsp`` and ``egovframework.com.cop.bbs``);
4. **name**: the service whose class names share the most words with the view's file name,
   rarer words counting more (``displayQuote.jsp`` and ``QuoteDataBean``; ``PingJsp.jsp`` and
   the ``Ping*`` servlets; a name without such words that names a class in the plural, and
   failing that the folder's name when it names a class: ``admin/views/Venue/search.html``),
   when one service clearly leads;
5. **folder, last segment**: the service with most classes in packages whose last segment
   the view's folders name (Roller's weblog themes, ``themes/basic/sidebar.vm``, and
   ``business.themes``; cargotracker's ``admin/tracking/map.xhtml``);
6. **navigation**: the service of most of the placed views it links to or that link to it
   (``<a href="docs/glossary.html">``; ``cart.jsf`` names ``cart.xhtml`` or ``cart.jsp``), for
   menus, frames and help pages;
7. **siblings**: the service of at least half of the placed views in its folder, when the
   folder is mostly placed, for pages nothing links to and no class renders (error pages
   named in ``web.xml``: DayTrader's ``error.jsp`` beside 28 trade pages of 48);
8. **default**: the service of most of the placed views under the nearest folder holding any
   (its own, else its parent's, up to the root): a page nothing renders, links, includes or
   names (error, time-out and welcome pages, Tiles layouts) still moves with some service when
   the system is split, and the report lists these defaults for the architect to confirm.

A view is reported as unplaced when no view at all is placed; a shared fragment whose
including views no service holds the majority of goes with no service either, reported as
shared (each service keeps a copy, or a shared front end serves it).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from msadecomp.graph.semantic import terms
from msadecomp.graph.structure import feature_package, root_package
from msadecomp.model import FACES_REQUESTS, Page

GENERIC_SEGMENTS = frozenset(
    {
        "src",
        "main",
        "webapp",
        "web-inf",
        "jsp",
        "views",
        "view",
        "templates",
        "resources",
        "pages",
        "html",
        "com",
        "org",
        "net",
        "kr",
        "go",
        "egovframework",
        "java",
        "www",
    }
)


VIEW_WORDS = frozenset(
    {"img", "jsp", "html", "xhtml", "home", "main", "form", "frame", "header", "footer", "menu"}
    | {"left", "top", "bottom", "include", "inc", "common", "layout", "template", "content"}
    | {"sample", "docs", "doc", "welcome", "popup", "web", "index"}
)
"""Words of view file names that say nothing about the business (``tradehomeImg.jsp``)."""
MARKUP_FOLDERS = GENERIC_SEGMENTS | {
    *("tag", "tags", "include", "includes", "inc", "fragment", "fragments", "partial"),
    *("partials", "layout", "layouts", "decorator", "decorators", "macro", "macros", "error"),
    *("errors", "common", "shared", "template", "page", "component", "widget", "widgets"),
}
"""Folders named for the kind of markup they hold, not for a class (OpenClinica's JSP tag
files under ``WEB-INF/tags``, a ``decorators`` folder beside a ``Decorator`` class)."""
SIBLINGS = 2
"""Placing by siblings needs this many placed views in the folder per unplaced one."""
NAME_MARGIN = 1.25
"""Placing by name needs the best service to score this many times the second."""


@dataclass(frozen=True, slots=True)
class Placement:
    service: str | None
    via: str
    """Why: "links", "includes", "folder", "name", "navigation", "siblings", "default",
    "shared" (a fragment the views of several services include: no service) or "unplaced"."""


def _vote(votes: Mapping[str, float], names: Mapping[str, float] | None = None) -> str | None:
    """The service with most votes; a tie goes to the one whose classes share most words with
    the view's file name (``names``, see :func:`_name_scores`), then alphabetically."""
    names = names or {}
    if not votes:
        return None
    return min(votes, key=lambda s: (-round(votes[s], 9), -names.get(s, 0.0), s))


def place_views(
    pages: Sequence[Page],
    where: Mapping[str, str],
    packages: Mapping[str, str],
    skip: frozenset[str] = frozenset(),
) -> dict[str, Placement]:
    """``where``: class FQN (top level) -> service id; ``packages``: class FQN -> package;
    ``skip``: service ids that take no views (the shared kernel)."""
    out: dict[str, Placement] = {}
    linked_from = Counter(c for page in pages for c in set(page.controllers))
    words = _vocabulary(where, skip)
    parents = _included_by(pages)
    shared = {f: p for f, p in parents.items() if len(p) > SHARED_FRAGMENT}
    rest = [page for page in pages if page.path not in shared]  # only links place shared ones
    for page in pages:
        votes: dict[str, float] = defaultdict(float)
        folder = _folder(page.path)
        at_home = {
            c for c in page.renderers if _matches(folder, _package_segments(packages.get(c, "")))
        } or _named_after(page.path, page.renderers)
        # of the classes a view only links to, those named like it when some are
        placed = [c for c in page.controllers if c in where and where[c] not in skip]
        own = set() if page.renderers else _named_after(page.path, placed)
        for c in placed:
            if not own or c in own:
                # A class that renders the view outweighs any number of navigation links; a
                # link target many views share (menus, headers) says little about any of them.
                # When some renderers live where the view lives, the others only fall back to
                # it (every controller returning the login page to a visitor not logged in).
                rendering = c in page.renderers and (not at_home or c in at_home)
                votes[where[c]] += 1.0 if rendering else 0.5 / linked_from[c]
        service = _vote(votes, _name_scores(page.path, words))
        if service is not None:
            out[page.path] = Placement(service, "links")
    _spread(rest, _includes(parents), out, "includes", frozenset({"folder"}))
    folders = _service_folders(where, packages, skip)
    for page in rest:
        if page.path not in out:
            service = _by_folder(page.path, folders)
            if service is not None:
                out[page.path] = Placement(service, "folder")
            elif (service := _by_name(page.path, words)) is not None:
                out[page.path] = Placement(service, "name")
            elif (service := _by_package_tail(page.path, folders)) is not None:
                out[page.path] = Placement(service, "folder")
    _spread(rest, _navigation(pages), out, "navigation")
    _place_by_siblings(rest, out)
    _place_by_default(rest, out)
    _place_shared(shared, out)
    for page in pages:
        out.setdefault(page.path, Placement(None, "unplaced"))
    return out


def _place_by_default(pages: Sequence[Page], out: dict[str, Placement]) -> None:
    """Views still unplaced take the service of most of the placed views under their nearest
    folder that holds any: their own folder, else its parent, up to the root."""
    under: dict[PurePosixPath, Counter[str]] = defaultdict(Counter)
    for path, placement in out.items():
        if placement.service is not None:
            for folder in PurePosixPath(path).parents:
                under[folder][placement.service] += 1
    for page in pages:
        if page.path in out:
            continue
        votes = next((under[f] for f in PurePosixPath(page.path).parents if f in under), None)
        if votes:
            out[page.path] = Placement(_vote(votes), "default")


def _place_by_siblings(pages: Sequence[Page], out: dict[str, Placement]) -> None:
    """Unplaced views take the service of most of the placed views in their folder, when that
    service holds at least half of them and the folder is mostly placed (``SIBLINGS``
    placed views per unplaced one): stragglers beside one service's pages, not a folder of
    pages no rule understood (JForum's templates, Roller's Tiles layouts)."""
    by_folder: dict[str, Counter[str]] = defaultdict(Counter)
    for path, placement in out.items():
        if placement.service is not None:
            by_folder[str(PurePosixPath(path).parent)][placement.service] += 1
    left = Counter(str(PurePosixPath(p.path).parent) for p in pages if p.path not in out)
    for page in pages:
        folder = str(PurePosixPath(page.path).parent)
        votes = by_folder.get(folder)
        if page.path in out or not votes:
            continue
        service = _vote(votes)
        placed = sum(votes.values())
        if service and 2 * votes[service] >= placed and placed >= SIBLINGS * left[folder]:
            out[page.path] = Placement(service, "siblings")


def _named_after(path: str, renderers: Sequence[str]) -> set[str]:
    """The renderers whose class names share a business word with the view's file name
    (``quote.xhtml`` and ``QuoteJSF``), when some but not all of them do."""
    stem = {w for w in terms(PurePosixPath(path).stem) if w not in VIEW_WORDS}
    named = {c for c in renderers if stem & set(terms(c.rpartition(".")[2]))}
    return named if len(named) < len(renderers) else set()


SHARED_FRAGMENT = 3
"""A fragment included by more views than this (tag-library imports, headers) is shared: it
places none of the views including it and goes with the service of most of them only when that
service holds more than half (:func:`_place_shared`)."""


def _included_by(pages: Sequence[Page]) -> dict[str, set[str]]:
    """The views including each fragment."""

    def included(link: str) -> str | None:
        return link[5:].split("?")[0].lstrip("./") if link.startswith("view:") else None

    parents: dict[str, set[str]] = defaultdict(set)
    for page, fragments in _linked(pages, included, loose=True, directed=True).items():
        for fragment in fragments:
            parents[fragment].add(page)
    return parents


def _includes(parents: Mapping[str, set[str]]) -> dict[str, set[str]]:
    """Views each view is included by, or includes, for fragments that are not shared (shared
    ones are placed last, by :func:`_place_shared`)."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for fragment, includers in parents.items():
        if len(includers) <= SHARED_FRAGMENT:
            neighbours[fragment] |= includers
            for page in includers:
                neighbours[page].add(fragment)
    return neighbours


def _place_shared(shared: Mapping[str, set[str]], out: dict[str, Placement]) -> None:
    """Places each shared fragment with the service of more than half of the views including
    it, once those are placed (over rounds, for a fragment included by another); a fragment
    whose includers no service holds the majority of goes with no service: every service
    using it needs its own copy, or a shared front end."""
    waiting = sorted(f for f in shared if f not in out)
    while waiting:
        left = []
        for fragment in waiting:
            includers = shared[fragment]
            votes = Counter(s for i in includers if i in out and (s := out[i].service))
            service = _vote(votes)
            if service is not None and 2 * votes[service] > len(includers):
                out[fragment] = Placement(service, "includes")
            else:
                left.append(fragment)
        if len(left) == len(waiting):
            break
        waiting = left
    for fragment in waiting:
        out[fragment] = Placement(None, "shared")


def _navigation(pages: Sequence[Page]) -> dict[str, set[str]]:
    """Views each view links to (``href="docs/glossary.html"``) or is linked from; a JSF
    request (``promo.jsf``, ``promo.faces``) names the Facelets or JSP view of its name."""
    faces = [replace(p, links=tuple(_faces_views(p.links))) for p in pages]
    return _linked(faces, lambda link: link.lstrip("/") if link.startswith("/") else None)


def _faces_views(links: Iterable[str]) -> Iterator[str]:
    for link in links:
        yield link
        stem, dot, suffix = link.rpartition(".")
        if dot and "." + suffix.lower() in FACES_REQUESTS:
            yield f"{stem}.xhtml"
            yield f"{stem}.jsp"


def _linked(
    pages: Sequence[Page],
    target: Callable[[str], str | None],
    loose: bool = False,
    directed: bool = False,
) -> dict[str, set[str]]:
    """Pairs of views where one's link ``target`` names the other's path (its tail, or with
    ``loose`` a bare file name anywhere); ``directed``: only from the linking view."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for page in pages:
        by_name[PurePosixPath(page.path).name].append(page.path)
        if loose:  # Thymeleaf names fragments without their suffix: ~{fragments/inputField}
            by_name[PurePosixPath(page.path).stem].append(page.path)
    neighbours: dict[str, set[str]] = defaultdict(set)
    for page in pages:
        for link in page.links:
            tail = target(link)
            if not tail:
                continue
            for candidate in by_name.get(PurePosixPath(tail).name, ()):
                bare = PurePosixPath(candidate).with_suffix("").as_posix()
                if candidate != page.path and (
                    candidate.endswith(tail)
                    or (loose and ("/" not in tail or bare.endswith("/" + tail.lstrip("/"))))
                ):
                    neighbours[page.path].add(candidate)
                    if not directed:
                        neighbours[candidate].add(page.path)
    return neighbours


def _spread(
    pages: Sequence[Page],
    neighbours: Mapping[str, set[str]],
    out: dict[str, Placement],
    via: str,
    ignore: frozenset[str] = frozenset(),
) -> None:
    """Places unplaced views with the service of most of their placed neighbours, over a few
    rounds so placement flows along chains; neighbours placed ``via`` one of ``ignore`` do
    not count."""
    for _ in range(3):
        changed = False
        for page in pages:
            if page.path in out:
                continue
            placed = [out[n] for n in neighbours.get(page.path, ()) if n in out]
            votes = Counter(p.service for p in placed if p.service and p.via not in ignore)
            service = _vote(votes)
            if service is not None:
                out[page.path] = Placement(service, via)
                changed = True
        if not changed:
            return


def _segments(text: str) -> list[str]:
    return [s for s in text.lower().replace("\\", "/").replace(".", "/").split("/") if s]


def _package_segments(package: str) -> tuple[str, ...]:
    """The specific segments of a class's feature package (``org``/``com``/... and generic
    words left out)."""
    specific = _segments(feature_package(package))[1:]
    return tuple(s for s in specific if s not in GENERIC_SEGMENTS)


def _folder(path: str) -> set[str]:
    """The specific folder names of a view's path."""
    return {s for s in _segments(str(PurePosixPath(path).parent)) if s not in GENERIC_SEGMENTS}


def _matches(folder: set[str], segments: tuple[str, ...]) -> int:
    """How many package segments the folder names when it names all of them or at least two
    (``uat/uia`` and ``egovframework.let.uat.uia``), else 0."""
    matched = sum(1 for s in segments if s in folder)
    return matched if (matched and matched == len(segments)) or matched >= 2 else 0


def _service_folders(
    where: Mapping[str, str], packages: Mapping[str, str], skip: frozenset[str]
) -> dict[str, Counter[tuple[str, ...]]]:
    """Per service, its feature packages (specific segments only) with their class counts. A
    package naming nothing but words of the system's root package is no feature: a folder named
    like the project (jeecg's widget library ``src/components/Form/src/jeecg``) is no view of the
    service holding ``org.jeecg``'s or ``org.jeecg.service``'s classes. A feature's folder below
    the project's (``views/shop/order`` for ``com.acme.shop.order``) still names it."""
    out: dict[str, Counter[tuple[str, ...]]] = defaultdict(Counter)
    root = set(_segments(root_package(packages[fqn] for fqn in where if fqn in packages)))
    for fqn, service in where.items():
        if service in skip or fqn not in packages:
            continue
        segs = _package_segments(packages[fqn])
        if segs and not root.issuperset(segs):
            out[service][segs] += 1
    return out


def _by_folder(path: str, folders: Mapping[str, Counter[tuple[str, ...]]]) -> str | None:
    """The service of the package the view's folders name best: all (or two) of its specific
    segments; more segments, then more classes, win."""
    folder = _folder(path)
    if not folder:
        return None
    best: tuple[int, int, str] | None = None
    for service in sorted(folders):
        for segs, classes in folders[service].items():
            matched = _matches(folder, segs)
            if matched:
                key = (matched, classes, service)
                if best is None or key[:2] > best[:2]:
                    best = key
    return best[2] if best else None


def _by_package_tail(path: str, folders: Mapping[str, Counter[tuple[str, ...]]]) -> str | None:
    """The service with most classes in packages whose last specific segment the view's
    folders name (``themes/basic/weblog.vm`` and Roller's ``business.themes``)."""
    folder = _folder(path)
    tail: Counter[str] = Counter()
    for service, packages in folders.items():
        for segs, classes in packages.items():
            if segs and segs[-1] in folder:
                tail[service] += classes
    return min(tail, key=lambda s: (-tail[s], s)) if tail else None


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    shares: dict[str, dict[str, float]]
    """Per word of class simple names, the share of each service's classes using it."""
    classes: frozenset[str]
    """The class simple names, lower-case."""


def _vocabulary(where: Mapping[str, str], skip: frozenset[str]) -> _Vocabulary:
    sizes = Counter(s for s in where.values() if s not in skip)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for fqn, service in where.items():
        if service not in skip:
            for word in set(terms(fqn.rpartition(".")[2])):
                counts[word][service] += 1
    return _Vocabulary(
        {w: {s: n / sizes[s] for s, n in c.items()} for w, c in counts.items()},
        frozenset(fqn.rpartition(".")[2].lower() for fqn in where),
    )


def _name_scores(path: str, vocabulary: _Vocabulary) -> dict[str, float]:
    """How much each service's classes use the view name's words, rare words weighing more
    (share of the service's classes times the log of services over services using the word)."""
    words = vocabulary.shares
    services = {s for by_service in words.values() for s in by_service}
    score: dict[str, float] = defaultdict(float)
    for w in _name_words(path, vocabulary):
        rarity = math.log((len(services) + 1) / len(words[w]))
        for service, share in words[w].items():
            score[service] += share * rarity
    return score


def _name_words(path: str, vocabulary: _Vocabulary) -> list[str]:
    """The words of a view's file name that class names use. When it has none, and the file
    name or else its folder's names a class, in the singular too, that class's words: a
    client-side template named for its role only, ``admin/views/Event/search.html``, or for
    the entities it lists, ``events/events.html`` (Ticket Monster's AngularJS and Backbone
    screens)."""

    def known(name: str) -> list[str]:
        words = (w for w in terms(name) if w in vocabulary.shares and w not in VIEW_WORDS)
        return list(dict.fromkeys(words))

    at = PurePosixPath(path)
    own = known(at.stem)
    if own:
        return own
    folder = at.parent.name if at.parent.name.lower() not in MARKUP_FOLDERS else ""
    for name in (at.stem, folder):
        key = re.sub(r"[-_.\s]", "", name.lower())
        for plural, singular in (("", ""), ("ies", "y"), ("s", "")):  # events, categories
            if not key.endswith(plural) or key[: len(key) - len(plural)] + singular not in (
                vocabulary.classes
            ):
                continue
            stem = name[: len(name) - len(plural)]
            if found := known(stem + (singular.upper() if stem.isupper() else singular)):
                return found
    return []


def _by_name(path: str, vocabulary: _Vocabulary) -> str | None:
    """The service whose classes use the view name's words most, when it clearly leads."""
    ranked = sorted(_name_scores(path, vocabulary).items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    if not ranked or ranked[0][1] <= 0:
        return None
    if len(ranked) == 2 and ranked[1][1] * NAME_MARGIN > ranked[0][1]:
        return None
    return ranked[0][0]

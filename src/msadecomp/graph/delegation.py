"""Calls through a facade, followed to what the called method itself uses.

A class-level graph sees Spring JPetStore's ``ViewCategoryController`` depend on
``PetStoreFacade`` and nothing else, because one facade fronts every DAO of the shop; the
controller lands wherever the facade does. The calls name the method, though
(``handleRequest->getCategory``), and the facade's implementation of ``getCategory`` calls
``CategoryDao`` and returns a ``Category``. :func:`delegations` follows each call into a
facade (a class whose methods call :data:`FACADE_STORES` or more repositories or DAOs and that
:data:`FACADE_CALLERS` or more classes call) and yields the classes that one method uses, so
the caller is tied to the part of the model it reaches through the facade.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection

from msadecomp.model import CodeModel, DepKind

FACADE_STORES = 3
"""A class calling this many repositories or DAOs is a facade worth looking through (Spring
JPetStore's ``PetStoreImpl`` calls five DAOs, Spring PetClinic's ``ClinicServiceImpl`` four)."""
FACADE_CALLERS = 3
"""A facade has this many callers or more: a service only its own controller calls
(jpetstore's ``OrderService`` over four mappers) is that feature's, with nothing to sort out
behind it; looked through, it fell apart from its controller."""
THROUGH_KEEP = 0.25
"""A caller's references to a facade it looks through weigh this much: what ties it is the
part of the model the called methods use (the ``delegates`` edges), not the facade itself."""
METHOD_KINDS = frozenset({DepKind.CALL, DepKind.LOCAL, DepKind.NEW, DepKind.RETURN, DepKind.PARAM})
"""Dependencies that belong to one method: its calls, locals, instantiations and signature."""


def delegations(
    model: CodeModel,
    top: Callable[[str], str],
    stores: Collection[str],
    candidates: Collection[str],
) -> tuple[Counter[tuple[str, str]], set[tuple[str, str]]]:
    """Follows the calls into facades.

    A facade is one of ``candidates`` whose methods call :data:`FACADE_STORES` or more of
    ``stores``. Returns the ``(caller, used)`` pairs, counted per call site, for each call of a
    method ``m`` of a facade (or of an interface a facade implements) and each class that the
    facade's ``m`` uses; and the ``(caller, facade)`` pairs looked through.
    """
    uses: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    called: defaultdict[str, set[str]] = defaultdict(set)
    below: defaultdict[str, set[str]] = defaultdict(set)
    for d in model.dependencies:
        src, dst = top(d.source), top(d.target)
        if src == dst:
            continue
        if d.kind in (DepKind.IMPLEMENTS, DepKind.EXTENDS):
            below[dst].add(src)
        elif d.kind in METHOD_KINDS:
            uses[(src, d.detail.partition("->")[0])].add(dst)
            if d.kind is DepKind.CALL and dst in stores:
                called[src].add(dst)
    callers: defaultdict[str, set[str]] = defaultdict(set)
    for d in model.dependencies:
        if d.kind is DepKind.CALL:
            caller, callee = top(d.source), top(d.target)
            for impl in (callee, *below[callee]):
                callers[impl].add(caller)
    facades = {
        c
        for c, used in called.items()
        if len(used) >= FACADE_STORES and c in candidates and len(callers[c]) >= FACADE_CALLERS
    }
    out: Counter[tuple[str, str]] = Counter()
    through: set[tuple[str, str]] = set()
    for d in model.dependencies:
        if d.kind is not DepKind.CALL or "->" not in d.detail:
            continue
        caller, callee = top(d.source), top(d.target)
        method = d.detail.partition("->")[2]
        for impl in (callee, *sorted(below[callee])):
            if impl not in facades:
                continue
            through.update(((caller, callee), (caller, impl)))
            for used in sorted(uses.get((impl, method), ())):
                if used not in (caller, callee, impl):
                    out[(caller, used)] += 1
    return out, through

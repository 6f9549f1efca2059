"""A framework base class every feature's classes extend says little about where each belongs."""

from msadecomp.config import Weights
from msadecomp.graph import SUPERTYPE_HUB, build_graph, clustering_graph
from msadecomp.model import CodeModel, Dependency, DepKind, JavaType, SourceRef, TypeKind

REF = SourceRef("x", 1)


def test_inheriting_from_a_base_of_many_subtypes_counts_that_much_less() -> None:
    n = 3 * SUPERTYPE_HUB
    actions = [f"app.f{i}.F{i}Action" for i in range(n)]
    types = [JavaType(c, TypeKind.CLASS, REF) for c in ["app.Command", *actions]]
    types += [JavaType("app.person.Person", TypeKind.CLASS, REF)]
    types += [JavaType("app.person.Patient", TypeKind.CLASS, REF)]
    deps = [Dependency(a, "app.Command", DepKind.EXTENDS, REF) for a in actions]
    deps += [Dependency("app.person.Patient", "app.person.Person", DepKind.EXTENDS, REF)]
    model = CodeModel(root="app", types=tuple(types), dependencies=tuple(deps))
    c = clustering_graph(build_graph(model, semantic=False), Weights(package=0))
    domain = c["app.person.Patient"]["app.person.Person"]["weight"]
    assert c[actions[0]]["app.Command"]["weight"] * 3 == domain

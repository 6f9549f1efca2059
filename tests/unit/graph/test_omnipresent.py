"""A class every feature uses ties no feature to another (Bunch's omnipresent modules)."""

import pytest

from msadecomp.config import Weights
from msadecomp.graph import OMNIPRESENT, build_graph, clustering_graph
from msadecomp.model import CodeModel, Dependency, DepKind, JavaType, SourceRef, TypeKind

REF = SourceRef("x", 1)


def _features(n: int, base: str = "app.Globals") -> CodeModel:
    """``n`` features of two classes calling each other, every class calling ``base``."""
    pairs = [(f"app.f{i}.F{i}Action", f"app.f{i}.F{i}Store") for i in range(n)]
    names = [base, *(c for pair in pairs for c in pair)]
    types = tuple(JavaType(c, TypeKind.CLASS, REF) for c in names)
    deps = [Dependency(a, b, DepKind.CALL, REF) for a, b in pairs]
    deps += [Dependency(c, base, DepKind.CALL, REF) for pair in pairs for c in pair]
    return CodeModel(root="app", types=types, dependencies=tuple(deps))


def test_the_ties_of_a_class_all_features_use_count_less_the_more_classes_use_it() -> None:
    c = clustering_graph(build_graph(_features(20), semantic=False), Weights(package=0))
    inside = c["app.f0.F0Action"]["app.f0.F0Store"]["weight"]
    # 40 users; each class has 2 ties and the base 40: the mean is 120 / 41
    limit = OMNIPRESENT * 120 / 41
    assert limit < 40
    assert c["app.f0.F0Action"]["app.Globals"]["weight"] == pytest.approx(inside * limit / 40)


def test_a_class_few_features_use_keeps_its_ties() -> None:
    c = clustering_graph(build_graph(_features(3), semantic=False), Weights(package=0))
    inside = c["app.f0.F0Action"]["app.f0.F0Store"]["weight"]
    assert c["app.f0.F0Action"]["app.Globals"]["weight"] == inside

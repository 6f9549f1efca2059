"""Decomposition metrics on a model small enough to compute by hand."""

import math

import pytest

from msadecomp.decompose import Cluster, Decomposition
from msadecomp.metrics import compute_metrics
from msadecomp.model import (
    Access,
    CodeModel,
    Dependency,
    DepKind,
    JavaType,
    SourceRef,
    TableAccess,
    TypeKind,
)

REF = SourceRef("x.java", 1)


def model() -> CodeModel:
    types = tuple(JavaType(f, TypeKind.CLASS, REF) for f in ("a.X1", "a.X2", "b.Y1", "b.Y2"))
    deps = (
        Dependency("a.X1", "a.X2", DepKind.CALL, REF),
        Dependency("a.X2", "a.X1", DepKind.FIELD, REF),
        Dependency("b.Y1", "b.Y2", DepKind.CALL, REF),
        Dependency("a.X1", "b.Y1", DepKind.CALL, REF),
        Dependency("a.X1", "b.Y1", DepKind.CALL, SourceRef("x.java", 2)),
        Dependency("a.X1", "b.Y2", DepKind.IMPORT, REF),  # imports are not structural coupling
    )
    accesses = (
        TableAccess("a.X1", "T", Access.WRITE, REF),
        TableAccess("b.Y1", "T", Access.READ, REF),
    )
    return CodeModel("m", types, deps, table_accesses=accesses)


def decomposition() -> Decomposition:
    return Decomposition(
        "louvain",
        1,
        1.0,
        (
            Cluster("S1", "x", ("a.X1", "a.X2")),
            Cluster("S2", "y", ("b.Y1", "b.Y2")),
            Cluster("K", "shared-kernel", (), kernel=True),
        ),
        0.5,
    )


def test_metrics_match_hand_computation() -> None:
    m = compute_metrics(model(), decomposition())
    assert m.services == 2 and m.modularity == 0.5
    # cohesion (2/4 + 1/4) / 2 = 0.375; coupling 1 / (2*2*2) = 0.125
    assert m.sm == pytest.approx(0.25)
    assert m.ifn == pytest.approx(0.5)  # S2 publishes Y1; S1 publishes nothing
    assert m.icp == pytest.approx(0.5)  # 2 of 4 call sites cross services
    assert m.ned == pytest.approx(1.0)  # both services are smaller than 5 classes
    assert m.turbomq == pytest.approx(0.8 + 2 / 3)
    assert m.turbomq_normalised == pytest.approx((0.8 + 2 / 3) / 2)
    expected_h = -(0.75 * math.log2(0.75) + 0.25 * math.log2(0.25))
    assert m.transaction_entropy == pytest.approx(expected_h)
    assert m.shared_table_share == 1.0


def test_one_service_owning_everything_has_no_cross_traffic() -> None:
    d = Decomposition(
        "louvain", 1, 1.0, (Cluster("S1", "all", ("a.X1", "a.X2", "b.Y1", "b.Y2")),), 0.0
    )
    m = compute_metrics(model(), d)
    assert (m.icp, m.ifn, m.transaction_entropy, m.shared_table_share) == (0, 0, 0, 0)
    assert m.sm == pytest.approx(4 / 16)

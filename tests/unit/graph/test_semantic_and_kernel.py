"""Identifier similarity and shared-kernel detection."""

import networkx as nx

from msadecomp.graph.kernel import KernelSettings, detect_kernel
from msadecomp.graph.semantic import similar_pairs, terms


def test_terms_split_identifiers_and_drop_technical_words() -> None:
    assert terms("selectComplaintAnswerList") == ["complaint", "answer"]
    assert terms("RSV_RESERVATION_ID") == ["rsv", "reservation"]
    assert terms("getHTTPStatus") == ["http", "status"]


def test_similar_documents_pair_up() -> None:
    docs = {
        "A": ["complaint", "answer", "deadline"],
        "B": ["complaint", "answer", "handler"],
        "C": ["payment", "refund", "amount"],
        "D": ["payment", "refund", "card"],
        "E": ["facility", "holiday"],
        "F": ["facility", "reservation"],
    }
    pairs = similar_pairs(docs, top_k=1, threshold=0.2, max_df=0.5)
    assert set(pairs) == {("A", "B"), ("C", "D"), ("E", "F")}
    assert all(0 < s <= 1 for s in pairs.values())


def _hub_graph(hub_label: str, hub_package: str) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("hub", kind="class", label=hub_label, package=hub_package)
    for i in range(8):
        n = f"p{i}.C"
        g.add_node(n, kind="class", label=f"C{i}", package=f"p{i}")
        g.add_edge(n, "hub", key="call", kind="call", count=1)
    return g


def test_technical_hub_is_kernel() -> None:
    (k,) = detect_kernel(_hub_graph("EgovStringUtil", "app.cmm"))
    assert k.fqn == "hub" and k.packages == 8 and "technical name" in k.reason


def test_business_hub_is_kernel_only_when_nearly_everything_uses_it() -> None:
    assert detect_kernel(_hub_graph("OrderService", "app.order"))  # 8 of 9 packages
    narrow = _hub_graph("OrderService", "app.order")
    for i in range(8, 30):  # 22 more packages that use each other, not the hub
        narrow.add_node(f"q{i}.C", kind="class", label="Q", package=f"q{i}")
        if i > 8:
            narrow.add_edge(f"q{i}.C", f"q{i - 1}.C", key="call", kind="call", count=1)
    assert detect_kernel(narrow) == []


def test_settings_include_exclude_and_disable() -> None:
    g = _hub_graph("EgovStringUtil", "app.cmm")
    assert detect_kernel(g, KernelSettings(exclude=("hub",))) == []
    off = detect_kernel(g, KernelSettings(enabled=False, include=("p1.C",)))
    assert [k.fqn for k in off] == ["p1.C"]

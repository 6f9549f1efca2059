"""The same word in two feature modules is each module's own term, not a tie between them."""

import networkx as nx
import pytest

from msadecomp.config import Weights
from msadecomp.graph import build_graph, clustering_graph
from msadecomp.model import CodeModel, JavaType, SourceRef, TypeKind

LAYERS = {"Controller": "web", "Service": "service", "Mapper": "persistence"}


def feature(g: nx.MultiDiGraph, module: str, package: str, noun: str) -> None:
    """A feature cut top to bottom in a build module."""
    for suffix, layer in LAYERS.items():
        g.add_node(
            f"{package}.{noun}{suffix}", kind="class", layer=layer, module=module, package=package
        )


def tie(g: nx.MultiDiGraph, a: str, b: str) -> float:
    g.add_edge(a, b, key="semantic", kind="semantic", count=1, strength=0.5)
    return float(clustering_graph(g)[a][b]["weight"])


def test_a_term_shared_by_two_feature_modules_ties_them_a_tenth_as_much() -> None:
    """RuoYi-Vue-Pro: the CRM's and the ERP's product categories had formed one service with
    those of BPM, IoT and five other modules."""
    g = nx.MultiDiGraph()
    feature(g, "module-crm", "shop.crm.category", "CrmCategory")
    feature(g, "module-crm", "shop.crm.order", "CrmOrder")
    feature(g, "module-erp", "shop.erp.category", "ErpCategory")
    within = tie(g, "shop.crm.category.CrmCategoryService", "shop.crm.order.CrmOrderService")
    across = tie(g, "shop.crm.category.CrmCategoryService", "shop.erp.category.ErpCategoryService")
    assert within == pytest.approx(Weights().semantic * 0.5)
    assert across == pytest.approx(within * Weights().semantic_across_modules)


def test_modules_of_one_feature_or_of_one_layer_each_keep_the_tie() -> None:
    """Fineract keeps loans in fineract-loan and fineract-provider (a package in both);
    mall4j's modules are layers (the admin and shop front ends, the mappers apart)."""
    g = nx.MultiDiGraph()
    feature(g, "fineract-loan", "org.loan", "Loan")
    feature(g, "fineract-provider", "org.loan", "LoanCharge")
    shared = tie(g, "org.loan.LoanService", "org.loan.LoanChargeService")
    g = nx.MultiDiGraph()
    for module in ("shop-admin", "shop-api"):  # both front ends, the mappers in shop-dao
        for noun, layer in (("TagController", "web"), ("TagService", "service")):
            g.add_node(
                f"shop.{module}.{noun}",
                kind="class",
                layer=layer,
                module=module,
                package=f"shop.{module}",
            )
    g.add_node("shop.dao.TagMapper", kind="class", layer="persistence", module="shop-dao")
    layered = tie(g, "shop.shop-admin.TagService", "shop.shop-api.TagService")
    g = nx.MultiDiGraph()  # the root build ("") is no feature module
    feature(g, "", "org.app", "Root")
    feature(g, "module-crm", "org.crm", "Crm")
    unbuilt = tie(g, "org.app.RootService", "org.crm.CrmService")
    assert shared == layered == unbuilt == pytest.approx(Weights().semantic * 0.5)


def test_classes_know_their_build_module() -> None:
    types = tuple(
        JavaType(f"shop.{m}.{m.title()}Service", TypeKind.CLASS, SourceRef(f"{m}/src/A.java"))
        for m in ("crm", "erp")
    )
    model = CodeModel("shop", types, delivery_files=("pom.xml", "crm/pom.xml", "erp/pom.xml"))
    g = build_graph(model, semantic=False)
    assert {n: g.nodes[n]["module"] for n in g} == {
        "shop.crm.CrmService": "crm",
        "shop.erp.ErpService": "erp",
    }

"""Calls through a facade over several DAOs tie the caller to what the called method uses, not
to the facade (Spring's JPetStore: every controller calls ``PetStoreFacade``)."""

from pathlib import Path

import networkx as nx

from msadecomp.config import Weights
from msadecomp.graph import build_graph, clustering_graph
from msadecomp.ingest import ingest

SHOP = {
    "Category.java": "package shop; public class Category { }",
    "Product.java": "package shop; public class Product { }",
    "Account.java": "package shop; public class Account { }",
    "CategoryDao.java": "package shop; public interface CategoryDao { Category find(String id); }",
    "ProductDao.java": "package shop; public interface ProductDao { Product find(String id); }",
    "AccountDao.java": "package shop; public interface AccountDao { Account find(String id); }",
    "ShopFacade.java": """package shop;
        public interface ShopFacade {
            Category getCategory(String id);
            Product getProduct(String id);
            Account getAccount(String id);
        }""",
    "ShopImpl.java": """package shop;
        public class ShopImpl implements ShopFacade {
            private CategoryDao categoryDao;
            private ProductDao productDao;
            private AccountDao accountDao;
            public Category getCategory(String id) { return categoryDao.find(id); }
            public Product getProduct(String id) { return productDao.find(id); }
            public Account getAccount(String id) { return accountDao.find(id); }
        }""",
    "ViewCategoryController.java": """package shop;
        public class ViewCategoryController {
            private ShopFacade shop;
            public Object handle(String id) { return shop.getCategory(id); }
        }""",
    "ViewProductController.java": """package shop;
        public class ViewProductController {
            private ShopFacade shop;
            public Object handle(String id) { return shop.getProduct(id); }
        }""",
    "AccountController.java": """package shop;
        public class AccountController {
            private ShopFacade shop;
            public Object handle(String id) { return shop.getAccount(id); }
        }""",
}


def _graph(tmp_path: Path, files: dict[str, str]) -> nx.MultiDiGraph:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return build_graph(ingest(tmp_path, jobs=1), semantic=False)


def test_a_call_into_a_facade_reaches_what_the_called_method_uses(tmp_path: Path) -> None:
    g = _graph(tmp_path, SHOP)
    delegated = {
        dst
        for _, dst, kind in g.out_edges("shop.ViewCategoryController", keys=True)
        if kind == "delegates"
    }
    assert delegated == {"shop.CategoryDao", "shop.Category"}  # not products, not accounts
    field = g.edges["shop.ViewCategoryController", "shop.ShopFacade", "field"]
    assert field.get("through")
    cg = clustering_graph(g, Weights(package=0.0))
    w = cg.edges["shop.ViewCategoryController", "shop.CategoryDao"]["weight"]
    assert w > cg.edges["shop.ViewCategoryController", "shop.ShopFacade"]["weight"]


def test_a_service_only_one_or_two_classes_call_is_no_facade(tmp_path: Path) -> None:
    alone = {k: v for k, v in SHOP.items() if k not in ("AccountController.java",)}
    g = _graph(tmp_path, alone)  # jpetstore's OrderService: its own controller's, nothing more
    assert not any(data.get("through") for *_, data in g.edges(data=True))


def test_a_class_calling_fewer_daos_is_no_facade(tmp_path: Path) -> None:
    narrow = dict(SHOP)
    narrow["ShopImpl.java"] = """package shop;
        public class ShopImpl implements ShopFacade {
            private CategoryDao categoryDao;
            private ProductDao productDao;
            public Category getCategory(String id) { return categoryDao.find(id); }
            public Product getProduct(String id) { return productDao.find(id); }
            public Account getAccount(String id) { return null; }
        }"""
    g = _graph(tmp_path, narrow)
    kinds = {kind for *_, kind in g.edges(keys=True)}
    assert "delegates" not in kinds
    assert not any(data.get("through") for *_, data in g.edges(data=True))

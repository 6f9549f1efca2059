"""A Wicket issue tracker (page classes with their markup beside them, all in one ``wicket``
package over a ``domain`` package), generated here: each page's markup is a view placed with
its page, and the pages split by the feature they serve, not by the UI package they share."""

from pathlib import Path

import msadecomp

BASE = "org.tracker"
FEATURES = ("Item", "Space", "User")
SCREENS = ("Form", "List", "View")


def write(root: Path, package: str, name: str, body: str, markup: str = "") -> None:
    folder = root / "src/main/java" / package.replace(".", "/")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.java").write_text(f"package {package};\n{body}\n")
    if markup:
        (folder / f"{name}.html").write_text(markup)


def tracker(root: Path) -> None:
    write(
        root,
        f"{BASE}.wicket",
        "BasePage",
        "import org.apache.wicket.markup.html.WebPage;\n"
        "public abstract class BasePage extends WebPage { }",
        "<html><body><wicket:child/></body></html>",
    )
    # Javadoc's package description lies among the pages, a library's documentation among the
    # resources: neither is a view, nor read
    (root / "src/main/java/org/tracker/wicket/package.html").write_text("<p>The web pages.</p>")
    docs = root / "src/main/resources/static/chart/docs"
    docs.mkdir(parents=True)
    (docs / "index.html").write_text("<h1>Chart docs</h1>")
    for f in FEATURES:
        low = f.lower()
        write(
            root,
            f"{BASE}.domain",
            f,
            f'import javax.persistence.*;\n@Entity @Table(name = "{f.upper()}S") '
            f"public class {f} {{ @Id private String id; }}",
        )
        write(
            root,
            f"{BASE}.dao",
            f"{f}Dao",
            f"import {BASE}.domain.{f};\nimport javax.persistence.*;\npublic class {f}Dao {{ "
            "@PersistenceContext private EntityManager em;\n"
            f"public {f} load(String id) {{ return em.find({f}.class, id); }}\n"
            f"public void save({f} x) {{ em.persist(x); }} }}",
        )
        for screen in SCREENS:
            others = "".join(
                f"void go{s}() {{ setResponsePage({f}{s}Page.class); }}"
                for s in SCREENS
                if s != screen
            )
            write(
                root,
                f"{BASE}.wicket",
                f"{f}{screen}Page",
                f"import {BASE}.domain.{f};\nimport {BASE}.dao.{f}Dao;\n"
                f"public class {f}{screen}Page extends BasePage {{ private {f}Dao dao; "
                f"private {f} {low}; {f} current() {{ return dao.load(null); }} {others} }}",
                f'<wicket:extend><span wicket:id="{low}"></span></wicket:extend>',
            )


def test_page_markup_is_placed_with_its_page_and_pages_split_by_feature(tmp_path: Path) -> None:
    tracker(tmp_path)
    analysis = msadecomp.analyze(tmp_path, msadecomp.Config(jobs=1))
    report = analysis.report
    markup = 1 + len(FEATURES) * len(SCREENS)  # BasePage's and the pages'
    assert dict(analysis.model.file_counts)["view"] == len(analysis.model.pages) == markup
    service_of = {c: s["name"] for s in report["services"] for c in s["classes"]}
    views = report["views"]
    web = "src/main/java/org/tracker/wicket"
    assert f"{web}/package.html" not in views
    for f in FEATURES:
        for screen in SCREENS:
            page = f"{BASE}.wicket.{f}{screen}Page"
            assert views[f"{web}/{f}{screen}Page.html"]["service"] == service_of[page]
    # one service per feature, holding its entity, store, table and pages
    assert {t: o["owner"] for t, o in report["tables"].items()} == {
        f"{f.upper()}S": service_of[f"{BASE}.domain.{f}"] for f in FEATURES
    }
    features = {
        f: {service_of[f"{BASE}.wicket.{f}{s}Page"] for s in SCREENS}
        | {service_of[f"{BASE}.domain.{f}"], service_of[f"{BASE}.dao.{f}Dao"]}
        for f in FEATURES
    }
    assert all(len(s) == 1 for s in features.values()), features
    assert len(set.union(*features.values())) == len(FEATURES)

"""Code generators' templates and launchers are build tooling, not application code."""

from pathlib import Path

import pytest

from msadecomp.ingest.scope import TOOLING_REASON, Scope
from msadecomp.ingest.sources import collect


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        (
            "blog-codegen/src/main/resources/template/controller/RenderController.java",
            TOOLING_REASON,
        ),
        ("src/main/resources/archetype/Main.java", TOOLING_REASON),
        ("gen/src/integration/resources/Sample.java", TOOLING_REASON),
        ("src/main/java/org/apache/naming/resources/TesterFactory.java", None),  # a package
        ("src/com/olbius/baseecommerce/resources/VisualThemeUtils.java", None),
        ("src/com/resources/Foo.java", None),  # Ant layout: the package com.resources
        ("legacy/src/org/resources/Bar.java", None),
        ("app/src/jmh/resources/Bench.java", TOOLING_REASON),
        ("src/main/resources/template/controller/render.ftl", None),  # a view, judged later
    ],
)
def test_java_under_a_resources_folder_is_a_template(path: str, reason: str | None) -> None:
    """OneBlog's FreeMarker template ``RenderController.java`` (``<#assign po = ...>``) was
    parsed as Java and reported as a syntax error."""
    assert Scope().reason(path) == reason


def test_a_template_java_file_is_not_parsed(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "blog-codegen/src/main/resources/template/controller/RenderController.java": (
                "<#assign po = table.classNameFirstLower>\npublic ModelAndView ${po}() {}\n"
            ),
            "blog-web/src/main/java/a/Page.java": "package a; class Page {}",
        },
    )
    collected = collect(tmp_path)
    assert [f.path for f in collected.files] == ["blog-web/src/main/java/a/Page.java"]
    assert collected.excluded == [
        (
            "blog-codegen/src/main/resources/template/controller/RenderController.java",
            TOOLING_REASON,
        )
    ]


LAUNCHER = """package com.zyd.blog.codegen;
import me.zhyd.houtu.Generator;
public class BlogCodegenApplication {
    public static void main(String[] args) { new Generator(null).generate("log"); }
}
"""


def test_a_generator_module_holding_only_launchers_is_build_tooling(tmp_path: Path) -> None:
    """OneBlog's ``blog-codegen`` runs its generator against a database from a ``main``; its
    class had landed in a service. Generator modules with other classes (RuoYi's generator
    pages, mall's ``mall-mbg`` with the mappers it wrote) are the product's and stay."""
    _write(
        tmp_path,
        {
            "pom.xml": "<project/>",
            "blog-codegen/pom.xml": "<project/>",
            "blog-codegen/src/main/java/com/zyd/blog/codegen/BlogCodegenApplication.java": (
                LAUNCHER
            ),
            "blog-codegen/src/main/resources/template/sql/update.sql": "update t set a = 1;",
            "ruoyi-generator/pom.xml": "<project/>",
            "ruoyi-generator/src/main/java/g/GenController.java": "package g; class GenController {}",
            "ruoyi-generator/src/main/java/g/GenMain.java": LAUNCHER.replace("codegen", "g"),
            "mall-mbg/pom.xml": "<project/>",
            "mall-mbg/src/main/java/m/Generator.java": LAUNCHER.replace("codegen", "m"),
            "shop-generator-api/pom.xml": "<project/>",  # a launcher of no generator module
            "shop-api/pom.xml": "<project/>",
            "shop-api/src/main/java/s/Main.java": LAUNCHER.replace("codegen", "s"),
        },
    )
    collected = collect(tmp_path)
    assert sorted(f.path for f in collected.files if f.kind in ("java", "sql")) == [
        "mall-mbg/src/main/java/m/Generator.java",
        "ruoyi-generator/src/main/java/g/GenController.java",
        "ruoyi-generator/src/main/java/g/GenMain.java",
        "shop-api/src/main/java/s/Main.java",
    ]
    assert sorted(collected.excluded) == [
        ("blog-codegen/pom.xml", TOOLING_REASON),
        (
            "blog-codegen/src/main/java/com/zyd/blog/codegen/BlogCodegenApplication.java",
            TOOLING_REASON,
        ),
        ("blog-codegen/src/main/resources/template/sql/update.sql", TOOLING_REASON),
    ]


def test_only_modules_named_for_code_generation_and_real_launchers_count(tmp_path: Path) -> None:
    """``codegen-api`` and ``shop.generator.model`` are not named for code generation as the
    docs say (``*-codegen``, ``*-generator``, ``generator*``); a ``main`` only mentioned in a
    comment makes no launcher."""
    _write(
        tmp_path,
        {
            "pom.xml": "<project/>",
            "codegen-api/pom.xml": "<project/>",
            "codegen-api/src/main/java/c/Run.java": LAUNCHER.replace("codegen", "c"),
            "shop.generator.model/pom.xml": "<project/>",
            "shop.generator.model/src/main/java/d/Run.java": LAUNCHER.replace("codegen", "d"),
            "report-generator/pom.xml": "<project/>",
            "report-generator/src/main/java/r/Report.java": """package r;
/** Run it like {@code public static void main(String[] args)} of a launcher. */
public class Report {
    // static void main(String[] a) was removed
    public String render() { return ""; }
}
""",
        },
    )
    collected = collect(tmp_path)
    assert sorted(f.path for f in collected.files if f.kind == "java") == [
        "codegen-api/src/main/java/c/Run.java",
        "report-generator/src/main/java/r/Report.java",
        "shop.generator.model/src/main/java/d/Run.java",
    ]
    assert collected.excluded == []


def test_a_string_opening_a_comment_hides_no_launcher(tmp_path: Path) -> None:
    """``"classpath:mapper/*.xml"`` in a launcher's constant, after a ``'"'`` and in a text
    block, opens no comment."""
    _write(
        tmp_path,
        {
            "pom.xml": "<project/>",
            "blog-codegen/pom.xml": "<project/>",
            "blog-codegen/src/main/java/g/Gen.java": """package g;
public class Gen {
    private static final char QUOTE = '"';
    private static final String MAPPERS = "classpath:mapper/*.xml";
    private static final String SQL = \"\"\"
        mapper/*.xml
        \"\"\";
    public static void main(String[] args) { }
}
""",
        },
    )
    collected = collect(tmp_path)
    assert not [f for f in collected.files if f.kind == "java"]
    assert sorted(p for p, _ in collected.excluded) == [
        "blog-codegen/pom.xml",
        "blog-codegen/src/main/java/g/Gen.java",
    ]

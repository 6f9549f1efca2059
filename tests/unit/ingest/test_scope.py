"""Scope: which files are application code, and why the others are left out."""

from pathlib import Path

import pytest

from msadecomp.ingest.scope import GENERATED_REASON, TEST_REASON, TOOLING_REASON, Scope
from msadecomp.ingest.sources import collect


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("src/test/java/egov/ArticleServiceTest.java", TEST_REASON),
        ("module-a/src/test/resources/mapper/Article_SQL.xml", TEST_REASON),
        ("src/integrationTest/java/egov/ArticleFlow.java", TEST_REASON),
        ("src/testFixtures/java/egov/Builders.java", TEST_REASON),
        ("src/main/java/egov/ArticleServiceTest.java", TEST_REASON),
        ("src/main/java/egov/ArticleServiceTests.java", TEST_REASON),
        ("src/main/java/egov/ArticleRepositoryIT.java", TEST_REASON),
        ("app.war!/WEB-INF/classes/egov/ArticleServiceTest.class", TEST_REASON),
        (".mvn/wrapper/MavenWrapperDownloader.java", TOOLING_REASON),
        ("gradle/wrapper/gradle-wrapper.properties", TOOLING_REASON),
        ("gen/templates/java/${bussiPackage}/vue/${entityName}Form.vue", TOOLING_REASON),
        ("gen/templates/${entityName}.javai", TOOLING_REASON),
        ("target/generated-sources/annotations/egov/QArticle.java", GENERATED_REASON),
        ("tests/core/net/jforum/FakeHttpRequest.java", TEST_REASON),  # Ant layout
        ("test/org/apache/catalina/startup/TesterServlet.java", TEST_REASON),
        ("work/testclasses/com/ibatis/jpetstore/domain/DomainFixture.class", TEST_REASON),
        ("dhis-2/dhis-test-e2e/src/main/java/org/hisp/actions/RestApiActions.java", TEST_REASON),
        ("ftgo-test-util/src/main/java/net/ftgo/testutil/FtgoTestUtil.java", TEST_REASON),
        ("yudao-spring-boot-starter-test/src/main/java/a/BaseDbUnitTest.java", TEST_REASON),
        ("contest-service/src/main/java/a/Contest.java", None),  # a word containing test
        ("app.war!/WEB-INF/lib/shop-test/src/main/A.class", None),  # no module in an archive
        ("src/main/java/egov/ArticleService.java", None),
        ("src/net/jforum/tests/Helper.java", None),
        ("app.war!/WEB-INF/classes/com/acme/test/Util.class", None),
        ("JavaSource/com/acme/test/Util.java", None),
        ("WebContent/test/index.jsp", None),
        ("src/main/java/egov/test/Contest.java", None),
        ("src/main/java/egov/Testimonial.java", None),
        ("src/main/webapp/WEB-INF/jsp/test.jsp", None),
    ],
)
def test_default_scope_leaves_out_tests_tooling_and_generated_code(
    path: str, reason: str | None
) -> None:
    assert Scope().reason(path) == reason


def test_include_tests_keeps_tests_but_not_tooling() -> None:
    scope = Scope(include_tests=True)
    assert scope.reason("src/test/java/egov/ArticleServiceTest.java") is None
    assert scope.reason(".mvn/wrapper/MavenWrapperDownloader.java") == TOOLING_REASON


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("legacy", "src/main/java/a/legacy/Old.java", True),
        ("legacy", "src/main/java/a/legacyx/Old.java", False),
        ("*.jsp", "src/main/webapp/a/b.jsp", True),
        ("src/main/webapp/**/popup/*", "src/main/webapp/a/b/popup/x.jsp", True),
        ("src/main/webapp/**/popup/*", "src/main/webapp/popup/x.jsp", True),
        ("/lib/*.sql", "lib/a.sql", True),
        ("/lib/*.sql", "x/lib/a.sql", False),
        ("src/*/java", "src/main/java/a/B.java", True),
        ("A?.java", "x/AB.java", True),
        ("A?.java", "x/ABC.java", False),
    ],
)
def test_exclude_patterns_are_path_globs(pattern: str, path: str, matches: bool) -> None:
    reason = Scope(exclude=(pattern,)).reason(path)
    assert (reason == f"excluded by pattern {pattern}") is matches


def test_include_patterns_narrow_the_scope() -> None:
    scope = Scope(include=("egovframework/com/cop/**",))
    assert scope.reason("src/main/java/egovframework/com/cop/bbs/A.java") is None
    assert scope.reason("src/main/java/egovframework/com/uat/B.java") == (
        "outside the include patterns"
    )


def test_a_nested_maven_or_gradle_plugin_build_is_build_tooling(tmp_path: Path) -> None:
    """JTrac ships a Maven plugin module beside its web application: its mojos extend the build
    and are no part of the application. A plugin that is the analysed project itself stays."""
    files = {
        "pom.xml": "<project><packaging>war</packaging></project>",
        "src/main/java/app/Order.java": "package app; class Order {}",
        "maven-antprops-plugin/pom.xml": (
            "<project><packaging> maven-plugin </packaging></project>"
        ),
        "maven-antprops-plugin/src/main/java/m/AntPropsMojo.java": "package m; class A {}",
        "gradle-gen/build.gradle.kts": "plugins {\n    `java-gradle-plugin`\n}\n",
        "gradle-gen/src/main/java/g/GenTask.java": "package g; class GenTask {}",
        "gradle-gen2/build.gradle": "gradlePlugin {\n  plugins { }\n}\n",
        "gradle-gen2/src/main/java/g/Gen2.java": "package g; class Gen2 {}",
        "gradle-gen2/applicationContext.xml": "<beans/>",  # read before its build file
        # a plugin only in a comment is no plugin
        "web/pom.xml": "<project><!-- <packaging>maven-plugin</packaging> --></project>",
        "web/src/main/java/w/Page.java": "package w; class Page {}",
        "api/build.gradle": "// id 'java-gradle-plugin'\napply plugin: 'java'\n",
        "api/src/main/java/x/Api.java": "package x; class Api {}",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    collected = collect(tmp_path)
    assert [f.path for f in collected.files if f.kind == "java"] == [
        "api/src/main/java/x/Api.java",
        "src/main/java/app/Order.java",
        "web/src/main/java/w/Page.java",
    ]
    assert not any(f.path.startswith("gradle-gen2/") for f in collected.files)
    assert (
        dict(collected.excluded)["maven-antprops-plugin/src/main/java/m/AntPropsMojo.java"]
        == TOOLING_REASON
    )
    assert "gradle-gen/src/main/java/g/GenTask.java" in dict(collected.excluded)
    plugin = tmp_path / "maven-antprops-plugin"
    assert [f.path for f in collect(plugin).files if f.kind == "java"] == [
        "src/main/java/m/AntPropsMojo.java"
    ]

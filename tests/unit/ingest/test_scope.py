"""Scope: which files are application code, and why the others are left out."""

import pytest

from msadecomp.ingest.scope import GENERATED_REASON, TEST_REASON, TOOLING_REASON, Scope


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
        ("target/generated-sources/annotations/egov/QArticle.java", GENERATED_REASON),
        ("tests/core/net/jforum/FakeHttpRequest.java", TEST_REASON),  # Ant layout
        ("test/org/apache/catalina/startup/TesterServlet.java", TEST_REASON),
        ("work/testclasses/com/ibatis/jpetstore/domain/DomainFixture.class", TEST_REASON),
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

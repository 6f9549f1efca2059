"""Which files of a tree belong to the application that is decomposed.

Test sources and build tooling are not application code: clustered with it, they split real
services and take service slots. By default they are left out (and listed, with the reason, in
the model's ``excluded`` files); ``include_tests`` keeps tests. Users narrow or widen the scope
with glob patterns on the path relative to the analysed root (archive members: the path inside
the archive):

* ``*`` matches within one path segment, ``?`` one character, ``**`` any number of segments;
* a pattern without ``/`` matches a file or folder name at any depth (``*Test.java``,
  ``generated``); a pattern with ``/`` matches from the root (``src/legacy/**``);
* a pattern that matches a folder matches every file below it.

>>> scope = Scope(exclude=("legacy",))
>>> scope.reason("src/main/java/a/legacy/Old.java")
'excluded by pattern legacy'
>>> scope.reason("src/test/java/a/ArticleServiceTest.java")
'test source'
>>> scope.reason("src/main/java/a/ArticleService.java") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

TEST_REASON = "test source"
TOOLING_REASON = "build tooling"
GENERATED_REASON = "generated source"
LIBRARY_REASON = "bundled library"
GWT_CLIENT_REASON = "GWT client (compiled to JavaScript)"

TEST_PATTERNS = (
    "src/test",
    "src/it",
    "src/*Test",  # Gradle source sets: integrationTest, functionalTest, ...
    "src/testFixtures",
    "test-classes",
    "testclasses",  # Ant builds: work/testclasses (JPetStore 5)
    "*Test.java",
    "*Tests.java",
    "*IT.java",
    "*TestCase.java",
    "*Test.class",
    "*Tests.class",
    "*IT.class",
    *(
        f"*.{kind}.{suffix}"
        for kind in ("spec", "test", "cy", "e2e-spec", "stories")
        for suffix in ("js", "ts", "jsx", "tsx", "mjs")
    ),  # front-end tests (Jest, Karma, Vitest, Cypress, Protractor) and Storybook stories
    "__tests__",
    "__mocks__",
    *(f"cypress/**/*.{suffix}" for suffix in ("js", "ts", "jsx", "tsx")),
    *(f"app/testing/**/*.{suffix}" for suffix in ("js", "ts")),  # Angular's test doubles
)
ANT_TESTS = re.compile(
    r"^(?:(?!(?:src|source|java|main|javasource|webcontent|webroot|webapp|web-inf)/)[^/]*/)*"
    r"(?:tests?|testsrc|test-src)/",
    re.I,
)
"""Pre-Maven layouts keep tests in a ``test``/``tests`` folder beside ``src`` (JForum's
``tests/core/net/jforum/...``); a ``test`` package inside ``src`` is application code.

>>> bool(ANT_TESTS.match("tests/core/net/jforum/FakeHttpRequest.java"))
True
>>> bool(ANT_TESTS.match("app/test/a/Helper.java")), bool(ANT_TESTS.match("src/a/test/B.java"))
(True, False)
"""
TEST_MODULES = re.compile(
    r"^(?:[^/]*/)*(?:[^/]*[-_.])?(?:tests?|testing|testkit|e2e)(?:[-_.][^/]*)?/src/", re.I
)
"""A build module named for tests holds test code under ``src/main`` too: DHIS2's
``dhis-test-e2e`` (REST-Assured actions) and ``dhis-support-test``, FTGO's
``ftgo-test-util``, jeecg's ``jeecg-cloud-test-seata-order`` demos, RuoYi-Vue-Pro's
``yudao-spring-boot-starter-test``. A word merely containing *test* names no such module.

>>> [bool(TEST_MODULES.match(p)) for p in (
...     "dhis-2/dhis-test-e2e/src/main/A.java", "ftgo-end-to-end-tests-common/src/main/B.java",
...     "contest-service/src/main/C.java", "shop/src/main/java/test/D.java")]
[True, True, False, False]
"""
TOOLING_PATTERNS = (
    ".mvn",
    "MavenWrapperDownloader.java",
    "gradle/wrapper",
    "buildSrc",
    "*${*",  # a code generator's templates: jeecg's java/${bussiPackage}/${entityName}Form.vue
    # copied or rendered, never compiled: OneBlog's FreeMarker templates (a source set's
    # resources only: Ant's src/com/resources/ is the package com.resources)
    *(
        f"src/{source_set}/resources/**/*.java"
        for source_set in (
            *("main", "test", "it", "testFixtures", "jmh", "*Test", "*Tests"),
            *("integration", "functional", "acceptance", "e2e"),
        )
    ),
)
"""Build tooling by path. Maven and Gradle copy a source set's ``resources`` folder to the
classpath and never compile it, so a ``.java`` file there is a code generator's template
(OneBlog's ``template/controller/RenderController.java`` opens with ``<#assign ...>``); a
package named ``resources`` below ``src/main/java``, or directly below an Ant layout's ``src``
(``src/com/resources/``, the package ``com.resources``), is code.

>>> Scope().reason("gen/src/main/resources/template/controller/RenderController.java")
'build tooling'
>>> Scope().reason("src/main/java/org/apache/naming/resources/TesterFactory.java") is None
True
>>> Scope().reason("src/com/resources/Foo.java") is None
True
>>> Scope().reason("app/src/integrationTest/resources/tpl/Dao.java", )
'test source'
"""
GENERATED_PATTERNS = (
    "generated-sources",
    "generated-test-sources",
    "build/generated",
)


def glob_regex(pattern: str) -> re.Pattern[str]:
    """Compile one scope pattern (see the module docstring) into a regular expression.

    >>> bool(glob_regex("src/*Test").match("src/integrationTest/java/A.java"))
    True
    >>> bool(glob_regex("src/*Test").match("lib/src/integrationTest/A.java"))
    True
    >>> bool(glob_regex("/src/*Test").match("lib/src/integrationTest/A.java"))
    False
    """
    anchored = pattern.startswith("/")
    body = pattern.strip("/")
    out: list[str] = []
    i = 0
    while i < len(body):
        if body.startswith("**/", i):
            out.append("(?:[^/]*/)*")
            i += 3
        elif body.startswith("**", i):
            out.append(".*")
            i += 2
        elif body[i] == "*":
            out.append("[^/]*")
            i += 1
        elif body[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(body[i]))
            i += 1
    prefix = "" if anchored else "(?:[^/]*/)*"
    return re.compile(prefix + "".join(out) + "(?:/.*)?$")


@dataclass(frozen=True)
class Scope:
    """Include/exclude rules for the files of one analysis."""

    include: tuple[str, ...] = ()
    """When given, only files matching one of these patterns are analysed."""
    exclude: tuple[str, ...] = ()
    include_tests: bool = False
    """Analyse test sources too (left out by default)."""

    @cached_property
    def _rules(self) -> list[tuple[re.Pattern[str], str]]:
        rules = [(glob_regex(p), f"excluded by pattern {p}") for p in self.exclude]
        if not self.include_tests:
            rules += [(glob_regex(p), TEST_REASON) for p in TEST_PATTERNS]
        rules += [(glob_regex(p), TOOLING_REASON) for p in TOOLING_PATTERNS]
        rules += [(glob_regex(p), GENERATED_REASON) for p in GENERATED_PATTERNS]
        return rules

    @property
    def _ant_tests(self) -> bool:
        return not self.include_tests

    @cached_property
    def _includes(self) -> list[re.Pattern[str]]:
        return [glob_regex(p) for p in self.include]

    def reason(self, rel: str) -> str | None:
        """Why the file at ``rel`` is out of scope, or ``None`` when it is analysed."""
        path = rel.rpartition("!/")[2]  # archive members: the path inside the archive
        if self._includes and not any(r.match(path) for r in self._includes):
            return "outside the include patterns"
        if (
            self._ant_tests
            and "!/" not in rel
            and (ANT_TESTS.match(path) or TEST_MODULES.match(path))
        ):
            return TEST_REASON  # source trees only: an archive's test package is its code
        for regex, why in self._rules:
            if regex.match(path):
                return why
        return None

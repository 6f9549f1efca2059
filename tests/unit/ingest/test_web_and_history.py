"""web.xml servlets, JSP links, and git co-change history."""

import shutil
import subprocess
from pathlib import Path

import pytest

from msadecomp.ingest import ingest
from msadecomp.ingest.history import git_cochanges
from msadecomp.ingest.views import read_view
from msadecomp.ingest.xml_config import XmlFacts, read_xml

WEB_XML = b"""<web-app xmlns="http://java.sun.com/xml/ns/javaee">
  <servlet><servlet-name>legacy</servlet-name><servlet-class>a.LegacyServlet</servlet-class></servlet>
  <servlet-mapping><servlet-name>legacy</servlet-name><url-pattern>/legacy/*</url-pattern>
  <url-pattern>*.legacy</url-pattern></servlet-mapping>
  <filter><filter-name>login</filter-name><filter-class>a.LoginFilter</filter-class></filter>
  <filter-mapping><filter-name>login</filter-name><url-pattern>/*</url-pattern></filter-mapping>
</web-app>"""


def test_web_xml_servlets_and_patterns() -> None:
    facts = XmlFacts()
    read_xml("WEB-INF/web.xml", WEB_XML, facts)
    (s,) = facts.servlets
    assert (s.name, s.cls, s.patterns) == ("legacy", "a.LegacyServlet", ("/legacy/*", "*.legacy"))


def test_servlet_of_a_project_class_becomes_an_endpoint_and_a_filter_does_not(
    tmp_path: Path,
) -> None:
    """A filter wraps the requests of the paths it is mapped to (``/*``: every one) and
    serves none of its own."""
    (tmp_path / "WEB-INF").mkdir()
    (tmp_path / "WEB-INF/web.xml").write_bytes(WEB_XML)
    (tmp_path / "LegacyServlet.java").write_text("package a; public class LegacyServlet {}")
    (tmp_path / "LoginFilter.java").write_text("package a; public class LoginFilter {}")
    model = ingest(tmp_path, jobs=1)
    assert {(e.path, e.handler) for e in model.endpoints} == {
        ("/legacy/*", "a.LegacyServlet#service"),
        ("*.legacy", "a.LegacyServlet#service"),
    }


def test_jsp_links() -> None:
    page = read_view(
        "list.jsp",
        b"""<%@ page pageEncoding="utf-8"%>
        <a href="<c:url value='/bbs/selectArticle.do'/>?id=1">x</a>
        <form action="insertArticle.do" method="post"></form>
        <script>location.href = '/bbs/list.do?page=' + n;</script>
        <img src="/images/logo.png">""",
    )
    assert page.links == ("/bbs/list.do", "/bbs/selectArticle.do", "/insertArticle.do")


def test_pages_are_linked_to_controllers_by_path_and_view_name(tmp_path: Path) -> None:
    (tmp_path / "Ctl.java").write_text("""package w;
        @Controller public class Ctl {
            @RequestMapping("/bbs/list.do") public String list() { return "bbs/List"; }
        }""")
    (tmp_path / "Other.java").write_text("""package w;
        public class Other { String view() { return "bbs/Detail"; } }""")
    jsp = tmp_path / "WEB-INF/jsp/bbs"
    jsp.mkdir(parents=True)
    (jsp / "List.jsp").write_text("<a href='/bbs/list.do'>")
    (jsp / "Detail.jsp").write_text("<p>no links</p>")
    pages = {p.path.rpartition("/")[2]: p.controllers for p in ingest(tmp_path, jobs=1).pages}
    assert pages == {"List.jsp": ("w.Ctl",), "Detail.jsp": ("w.Other",)}


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_cochange_pairs(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.invalid")
    git("config", "user.name", "t")
    for i, files in enumerate([("A", "B"), ("A", "B"), ("A", "C"), ("B",)]):
        for name in files:
            (tmp_path / f"{name}.java").write_text(f"// {i}\nclass {name} {{}}")
        git("add", ".")
        git("commit", "-q", "-m", f"c{i}")
    classes = {f"{n}.java": {n} for n in "ABC"}
    pairs, diags = git_cochanges(tmp_path, classes)
    assert not diags
    # A and B changed together in the first two commits; each changed in three.
    assert [(p.a, p.b, p.commits, p.support) for p in pairs] == [("A", "B", 2, 0.6667)]
    assert ingest(tmp_path, jobs=1).cochanges[0].commits == 2


def test_no_history_outside_a_repository(tmp_path: Path) -> None:
    assert git_cochanges(tmp_path, {"A.java": {"A"}}) == ([], [])

"""Another program's web application kept in the tree has its pages left out."""

from pathlib import Path

import msadecomp
from msadecomp.ingest.web_apps import OTHER_WEB_APP_REASON, foreign_pages, foreign_web_apps
from msadecomp.ingest.xml_config import Servlet
from msadecomp.model import SourceRef

CLASSES = {"net.jforum.JForum", "net.jforum.Installer"}


def servlet(cls: str, web_xml: str) -> Servlet:
    return Servlet(cls.rpartition(".")[2], cls, ("/*",), SourceRef(web_xml))


def test_a_web_site_of_another_program_beside_the_application_is_foreign() -> None:
    """JForum keeps its project web site, a JSPWiki installation, under www/website."""
    servlets = [
        servlet("net.jforum.JForum", "WEB-INF/web.xml"),
        servlet("com.ecyrd.jspwiki.WikiServlet", "www/website/WEB-INF/web.xml"),
        servlet("com.ecyrd.jspwiki.AttachmentServlet", "www/website/WEB-INF/web.xml"),
    ]
    assert foreign_web_apps(servlets, CLASSES, {}) == ["www/website/"]
    pages = ["install.jsp", "templates/default/forum_list.htm", "www/website/Wiki.jsp"]
    assert foreign_pages(pages, servlets, CLASSES, {}) == ["www/website/Wiki.jsp"]


def test_framework_servlets_and_the_sources_own_packages_are_no_other_program() -> None:
    servlets = [
        servlet("net.jforum.JForum", "forum/WEB-INF/web.xml"),
        servlet("org.springframework.web.servlet.DispatcherServlet", "admin/WEB-INF/web.xml"),
        servlet("net.jforum.legacy.OldServlet", "old/WEB-INF/web.xml"),  # a class not read
    ]
    assert foreign_web_apps(servlets, CLASSES, {}) == []


def test_a_web_xml_naming_a_package_of_the_sources_elsewhere_is_no_other_program() -> None:
    """A report module declares JasperReports' servlet and a filter of the sources."""
    servlets = [
        servlet("net.jforum.JForum", "WEB-INF/web.xml"),
        servlet("net.sf.jasper.ImageServlet", "reports/WEB-INF/web.xml"),
        servlet("org.wiki.WikiServlet", "wiki/WEB-INF/web.xml"),
    ]
    texts = {
        "reports/WEB-INF/web.xml": "<filter-class>net.jforum.ReportFilter</filter-class>",
        "wiki/WEB-INF/web.xml": "<servlet-class>org.wiki.WikiServlet</servlet-class>",
    }
    assert foreign_web_apps(servlets, CLASSES, texts) == ["wiki/"]
    texts["reports/WEB-INF/web.xml"] = (  # in a comment, or inside a longer name: no mention
        "<!-- net.jforum.ReportFilter --><param-value>org.net.jforum.X</param-value>"
    )
    assert foreign_web_apps(servlets, CLASSES, texts) == ["reports/", "wiki/"]


def test_the_tree_root_is_never_another_program() -> None:
    servlets = [
        servlet("org.wiki.WikiServlet", "WEB-INF/web.xml"),
        servlet("net.jforum.JForum", "forum/WEB-INF/web.xml"),
    ]
    assert foreign_web_apps(servlets, CLASSES, {}) == []
    assert foreign_pages(["src/main/resources/templates/home.html"], servlets, CLASSES, {}) == []


def test_without_a_web_application_of_the_sources_nothing_is_foreign() -> None:
    """A Spring application's only web.xml names the framework's dispatcher; a tree of two
    applications none of whose servlets are sources says nothing either."""
    servlets = [
        servlet("com.ecyrd.jspwiki.WikiServlet", "www/WEB-INF/web.xml"),
        servlet("org.springframework.web.servlet.DispatcherServlet", "WEB-INF/web.xml"),
    ]
    assert foreign_web_apps(servlets, CLASSES, {}) == []


def test_a_page_belongs_to_the_deepest_web_application_holding_it() -> None:
    servlets = [
        servlet("com.ecyrd.jspwiki.WikiServlet", "site/WEB-INF/web.xml"),
        servlet("net.jforum.JForum", "site/forum/WEB-INF/web.xml"),
    ]
    pages = ["site/Wiki.jsp", "site/forum/list.jsp"]
    assert foreign_pages(pages, servlets, CLASSES, {}) == ["site/Wiki.jsp"]


def test_the_pages_of_another_web_application_are_listed_as_left_out(tmp_path: Path) -> None:
    def web_xml(cls: str) -> str:
        return (
            "<web-app><servlet><servlet-name>s</servlet-name>"
            f"<servlet-class>{cls}</servlet-class></servlet>"
            "<servlet-mapping><servlet-name>s</servlet-name><url-pattern>*.page</url-pattern>"
            "</servlet-mapping></web-app>"
        )

    java = tmp_path / "src" / "net" / "forum"
    java.mkdir(parents=True)
    (java / "Forum.java").write_text(
        "package net.forum;\npublic class Forum extends javax.servlet.http.HttpServlet {}\n"
    )
    (tmp_path / "WEB-INF").mkdir()
    (tmp_path / "WEB-INF" / "web.xml").write_text(web_xml("net.forum.Forum"))
    (tmp_path / "list.jsp").write_text('<a href="list.page">topics</a>\n')
    site = tmp_path / "www" / "WEB-INF"
    site.mkdir(parents=True)
    (site / "web.xml").write_text(web_xml("com.ecyrd.jspwiki.WikiServlet"))
    (tmp_path / "www" / "Wiki.jsp").write_text("<p>wiki</p>\n")
    model = msadecomp.analyze(tmp_path, msadecomp.Config(jobs=1)).model
    assert ("www/Wiki.jsp", OTHER_WEB_APP_REASON) in model.excluded
    assert [p.path for p in model.pages] == ["list.jsp"]

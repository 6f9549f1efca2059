"""Other web applications kept in the tree: pages of another program, not of this one.

A repository sometimes carries a second web application beside its own: JForum keeps its
project web site, a JSPWiki installation with its own ``www/website/WEB-INF/web.xml``, in the
same tree as the forum. Its 74 pages were placed in the forum's services by name and by
default. A web application (a folder below the tree's root holding ``WEB-INF/web.xml``) is
another program's when its ``web.xml`` declares servlets, none of them a class of the sources
or of a web framework the sources build on (:data:`FRAMEWORK_SERVLETS`), nor in a package
whose first two segments a source class shares, and names no such package anywhere else
either (a filter, a listener, an init parameter: ``com.acme.reports.ReportFilter`` beside
JasperReports' servlet keeps a report module), while another web application of the tree
declares a servlet of the sources. Its pages are left out, listed with the reason; Java
sources below it stay (JForum's JSPWiki plugins are ``net.jforum`` classes).

>>> from msadecomp.ingest.xml_config import Servlet
>>> from msadecomp.model import SourceRef
>>> own = Servlet("forum", "net.jforum.JForum", ("*.page",), SourceRef("WEB-INF/web.xml"))
>>> wiki = Servlet("wiki", "com.ecyrd.jspwiki.WikiServlet", (), SourceRef("www/WEB-INF/web.xml"))
>>> foreign_pages(["index.jsp", "www/Wiki.jsp"], [own, wiki], {"net.jforum.JForum"}, {})
['www/Wiki.jsp']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping

from msadecomp.ingest.xml_config import Servlet

OTHER_WEB_APP_REASON = "another web application (its web.xml names none of the packages)"
FRAMEWORK_SERVLETS = (
    "org.springframework.",
    "org.apache.struts",
    "org.apache.cxf.",
    "org.apache.axis",
    "org.apache.wicket.",
    "org.apache.tapestry",
    "org.apache.myfaces.",
    "javax.",
    "jakarta.",
    "com.sun.",
    "org.glassfish.",
    "net.sourceforge.stripes.",
    "com.opensymphony.",
    "org.jboss.",
    "com.google.gwt.",
    "org.eclipse.jetty.",
    "com.vaadin.",
    "org.zkoss.",
    "freemarker.",
    "org.apache.velocity.",
    "org.directwebremoting.",
    "uk.ltd.getahead.dwr.",
    "com.caucho.",
    "net.sf.jasperreports.",
    "org.apache.jasper.",
    "org.apache.catalina.",
    "org.h2.",
    "org.primefaces.",
    "org.richfaces.",
    "org.apache.shiro.",
    "org.apache.xmlrpc.",
)
"""Servlets of web frameworks: a web application declaring one runs the sources' code."""
WEB_XML = "WEB-INF/web.xml"
_XML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


def foreign_pages(
    paths: Iterable[str],
    servlets: Iterable[Servlet],
    classes: Collection[str],
    web_xml: Mapping[str, str],
) -> list[str]:
    """The ``paths`` (of pages) inside another program's web application: the deepest web
    application holding the page is one (see the module docstring). ``web_xml``: the text of
    each ``web.xml`` by path."""
    servlets = list(servlets)
    foreign = set(foreign_web_apps(servlets, classes, web_xml))
    if not foreign:
        return []
    apps = sorted(_declared(servlets), key=len, reverse=True)  # the deepest first
    return sorted(
        path
        for path in paths
        if next((app for app in apps if _slashed(path).startswith(app)), None) in foreign
    )


def foreign_web_apps(
    servlets: Iterable[Servlet], classes: Collection[str], web_xml: Mapping[str, str]
) -> list[str]:
    """The folders (``www/website/``, ending in ``/``) of the web applications that are
    another program's (see the module docstring); the tree's root is never one."""
    declared = _declared(servlets)
    known = set(classes)
    prefixes = {_prefix(c) for c in known}
    own = {app for app, names in declared.items() if names & known}
    if not own:
        return []
    texts = {_slashed(path).removesuffix(WEB_XML): text for path, text in web_xml.items()}
    named = [p for p in prefixes if "." in p and not f"{p}.".startswith(FRAMEWORK_SERVLETS)]
    mention = (
        re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, sorted(named))) + r")\.")
        if named
        else None
    )
    return sorted(
        app
        for app, names in declared.items()
        if app
        and app not in own
        and not any(n.startswith(FRAMEWORK_SERVLETS) or _prefix(n) in prefixes for n in names)
        and not (mention and mention.search(_XML_COMMENT.sub(" ", texts.get(app, ""))))
    )


def is_web_xml(path: str) -> bool:
    """True for a web application's ``WEB-INF/web.xml``."""
    path = _slashed(path)
    return path == WEB_XML or path.endswith("/" + WEB_XML)


def _slashed(path: str) -> str:
    return path.replace("\\", "/")


def _declared(servlets: Iterable[Servlet]) -> dict[str, set[str]]:
    """Web application folder -> the servlet classes its ``web.xml`` declares."""
    declared: dict[str, set[str]] = defaultdict(set)
    for s in servlets:
        if is_web_xml(s.source.path):
            declared[_slashed(s.source.path).removesuffix(WEB_XML)].add(s.cls)
    return declared


def _prefix(fqn: str) -> str:
    """The first two segments of a class's name: ``net.jforum`` of ``net.jforum.JForum``."""
    return ".".join(fqn.split(".")[:2])

"""Views of every common Java web style are read, linked to their classes and placed."""

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from msadecomp.decompose.views import Placement, place_views
from msadecomp.ingest.views import (
    VIEW_SUFFIXES,
    component_templates,
    is_sql_template,
    is_view,
    link_views,
    read_view,
)
from msadecomp.model import Endpoint, JavaType, Page, SourceRef, TypeKind
from msadecomp.schemas import load_schema

REF = SourceRef("x")


def links(path: str, text: str) -> tuple[str, ...]:
    return read_view(path, text.encode()).links


def test_jsp_links_forms_urls_includes_and_context_paths() -> None:
    assert links(
        "WEB-INF/jsp/bbs/List.jsp",
        """<%@ include file="/WEB-INF/jsp/inc/header.jsp" %>
        <form action="${pageContext.request.contextPath}/bbs/insert.do" method="post">
        <a href="<c:url value='/bbs/detail.do'/>?id=1">x</a>
        <a href="<%=request.getContextPath()%>/bbs/list.do">list</a>
        <jsp:include page="paging.jsp"/>
        <s:url action="viewCart" var="u"/>
        <script>fn_go('/bbs/delete.do');</script>
        <img src="/images/logo.png"><link href="/css/site.css">""",
    ) == (
        "/bbs/delete.do",
        "/bbs/detail.do",
        "/bbs/insert.do",
        "/bbs/list.do",
        "/viewCart",  # a Struts action name: relative navigation targets count
        "view:/WEB-INF/jsp/inc/header.jsp",
        "view:paging.jsp",
    )


def test_stripes_thymeleaf_jsf_velocity_and_freemarker() -> None:
    assert links(
        "WEB-INF/jsp/catalog/Main.jsp",
        '<stripes:link beanclass="org.shop.web.CatalogActionBean" event="viewCategory">',
    ) == ("class:org.shop.web.CatalogActionBean",)
    assert links(
        "src/main/resources/templates/orders/list.html",
        '<a th:href="@{/orders/{id}(id=${o.id})}">o</a><div th:replace="~{fragments/nav :: bar}">',
    ) == ("/orders/{id}", "view:fragments/nav")
    assert links(
        "webapp/booking/book.xhtml",
        '<ui:composition template="/WEB-INF/templates/main.xhtml">'
        '<h:commandButton action="#{bookingBean.book}"/>',
    ) == ("bean:bookingBean", "view:/WEB-INF/templates/main.xhtml")
    assert links("templates/a.vm", '#parse("inc/head.vm") <a href="/a/list.action">') == (
        "/a/list.action",
        "view:inc/head.vm",
    )
    assert links("templates/a.ftl", '<#include "inc/head.ftl">') == ("view:inc/head.ftl",)
    # PetClinic: a plain Thymeleaf link, and a quoted literal inside @{...}
    assert links(
        "templates/owners/find.html",
        '<a th:href="@{/owners/new}">Add</a><a th:href="@{\'/vets.html?page=\' + ${p}}">n</a>',
    ) == ("/owners/new", "/vets.html")


def test_pug_mustache_pebble_groovy_markup_and_jte_templates() -> None:
    """The other Spring Boot template engines: each language's own include syntax, links in
    its attribute syntax, and ``#{...}`` read as model interpolation, not as a JSF bean."""
    assert links(
        "src/main/resources/templates/admin/posts/index.jade",
        "extends ../layout/admin\ninclude ../layout/message\nblock content\n"
        '  a(href="/admin/posts/new") New\n  p #{post.title}\n',
    ) == ("/admin/posts/new", "view:../layout/admin", "view:../layout/message")
    assert links("templates/owners/list.pug", "include:markdown-it intro.md\n") == (
        "view:intro.md",
    )
    assert links(
        "templates/owners/list.mustache",
        '{{> header}}{{#> layout}}{{/layout}}<a href="/owners/new">',
    ) == ("/owners/new", "view:header", "view:layout")
    assert links(
        "templates/home.peb", '{% extends "base" %}{%- include \'nav.peb\' %}<form action="/find">'
    ) == ("/find", "view:base", "view:nav.peb")
    assert links(
        "templates/owners/find.tpl",
        "layout 'layouts/main.tpl', content: contents { a(href: '/owners/find') { yield 'Find' }\n"
        "include template: 'fragments/field.tpl' }",
    ) == ("/owners/find", "view:fragments/field.tpl", "view:layouts/main.tpl")
    assert links(
        "src/main/jte/pages/home.jte",
        '@template.layout.page(content = @`<a href="/orders">o</a>`)',
    ) == ("/orders", "view:layout/page")
    assert links("templates/mail.ftlx", '<#import "/lib/utils.ftl" as u>') == (
        "view:/lib/utils.ftl",
    )


def test_a_model_1_jsp_links_the_beans_it_declares_and_the_classes_its_scriptlets_create() -> None:
    page = """<%@page errorPage="/err.jsp"%>
    <%@page import="edu.itrust.action.EditPatientAction, edu.itrust.dao.DAOFactory"%>
    <%@ page import="kr.go.board.dao.*" %>
    <%@page import="edu.itrust.beans.PatientBean, edu.itrust.beans.OldBean"%>
    <jsp:useBean id="cart" type="shop.web.Cart" class="shop.web.CartBean" scope="session"/>
    <%-- new PatientBean() in a comment creates nothing, <% new OldBean(); %> neither --%>
    <%
        EditPatientAction action = new EditPatientAction(prodDAO, 1L, "2");
        DAOFactory.getProductionInstance();  // a factory every page calls: no link
        BoardDAO dao = new BoardDAO();
        // PatientBean p = new PatientBean();
        /* new OldBean() */
        java.util.List<String> x = new ArrayList<String>();
        Object fq = new edu.itrust.report.ReportBean();
    %>
    <p><%= new EditPatientAction(prodDAO, 1L, "3").getName() %></p>"""
    assert links("WebRoot/auth/editPatient.jsp", page) == (
        "class:edu.itrust.action.EditPatientAction",
        "class:edu.itrust.report.ReportBean",  # written in full
        "class:kr.go.board.dao.ArrayList",  # a wildcard candidate: linking keeps project ones
        "class:kr.go.board.dao.BoardDAO",
        "class:shop.web.CartBean",  # the bean's class, not the type it is used as
    )
    tag = '<%@ tag import="a.b.Menu" %><% Menu m = new Menu(); %>'
    assert links("WEB-INF/tags/menu.tag", tag) == ("class:a.b.Menu",)
    # the one attribute a directive may repeat
    twice = '<%@ page contentType="text/html" import="a.B" import="c.D" %><% new B(); new D(); %>'
    assert links("a/twice.jsp", twice) == ("class:a.B", "class:c.D")
    closed = '<jsp:directive.page import="a.b.Order"></jsp:directive.page><% new Order(); %>'
    assert links("a/closed.jsp", closed) == ("class:a.b.Order",)
    xml = """<jsp:root><jsp:directive.page import="a.b.Order, a.b.Line"/>
    <jsp:scriptlet>Order o = new Order();</jsp:scriptlet>
    <jsp:expression>new Line().total()</jsp:expression></jsp:root>"""
    assert links("a/order.jspx", xml) == ("class:a.b.Line", "class:a.b.Order")
    # strings are no comments, nor code
    code = '<%@page import="a.Foo, a.Bar"%><% String u = "http://h/x"; Foo f = new Foo(); '
    code += 's = "new Bar()"; %>'
    assert links("a/b.jsp", code) == ("class:a.Foo",)
    # HTML and other templates have no scriptlets
    assert links("templates/a.html", '<%@page import="a.B"%><% new B(); %>') == ()
    found = link_views(
        [Page("WebRoot/auth/editPatient.jsp", links("WebRoot/auth/editPatient.jsp", page))],
        [],
        {},
        [_type("edu.itrust.action.EditPatientAction"), _type("kr.go.board.dao.BoardDAO")],
    )
    assert found[0].controllers == (
        "edu.itrust.action.EditPatientAction",
        "kr.go.board.dao.BoardDAO",
    )


def test_sql_templates_are_told_from_text_and_page_templates() -> None:
    assert is_sql_template("sql/createdb.vm", b"create table roller_user (id int);")
    assert is_sql_template("db/init.ftl", b"<#list ts as t>\nCREATE TABLE ${t} (x int);</#list>")
    assert not is_sql_template("templates/mail/welcome.vm", b"Hello $user,\nupdate your profile")
    assert not is_sql_template("templates/weblog.vm", b"<html>#parse('x.vm')</html>")


def test_jsp_tag_files_used_through_a_tagdir_are_included() -> None:
    page = (
        '<%@ taglib prefix="petclinic" tagdir="/WEB-INF/tags" %>'
        '<petclinic:layout pageName="owners"><petclinic:inputField label="Name" name="n"/>'
        "</petclinic:layout>"
    )
    assert links("WEB-INF/jsp/owners/list.jsp", page) == (
        "view:/WEB-INF/tags/inputField",
        "view:/WEB-INF/tags/layout",
    )
    assert is_view("src/main/webapp/WEB-INF/tags/layout.tag")
    xml_syntax = (  # a JSP document (.jspx) names its tag folder as an XML namespace
        '<div xmlns:jsp="http://java.sun.com/JSP/Page" xmlns:util="urn:jsptagdir:/WEB-INF/tags/util">'
        '<util:panel id="p"><util:load-scripts/></util:panel></div>'
    )
    assert links("WEB-INF/views/owners/list.jspx", xml_syntax) == (
        "view:/WEB-INF/tags/util/load-scripts",
        "view:/WEB-INF/tags/util/panel",
    )
    assert is_view("src/main/webapp/WEB-INF/tags/util/panel.tagx")


def test_tag_files_of_either_syntax_are_placed_with_the_view_using_them() -> None:
    page = "src/main/webapp/WEB-INF/views/owners/list.jspx"
    text = '<div xmlns:u="urn:jsptagdir:/WEB-INF/tags/util"><u:panel/><u:table/></div>'
    pages = [
        Page(page, links(page, text), ("a.owner.OwnerController",)),
        Page("src/main/webapp/WEB-INF/tags/util/panel.tagx"),
        Page("src/main/webapp/WEB-INF/tags/util/table.tag"),
    ]
    placed = place_views(pages, {"a.owner.OwnerController": "owner"}, {})
    assert {p: v.service for p, v in placed.items()} == {
        page: "owner",
        "src/main/webapp/WEB-INF/tags/util/panel.tagx": "owner",
        "src/main/webapp/WEB-INF/tags/util/table.tag": "owner",
    }


def test_a_thymeleaf_fragment_named_without_its_suffix_is_placed_with_its_includer() -> None:
    form = "templates/owners/form.html"
    pages = [
        Page(form, ("view:fragments/inputField",), ("a.owner.OwnerController",)),
        Page("templates/fragments/inputField.html"),
    ]
    placed = place_views(pages, {"a.owner.OwnerController": "owner"}, {})
    assert placed["templates/fragments/inputField.html"] == Placement("owner", "includes")


def test_html_counts_as_a_view_only_in_web_and_template_folders() -> None:
    assert is_view("src/main/resources/templates/orders/list.html")
    assert is_view("src/main/webapp/index.html")
    assert not is_view("docs/manual/index.html")
    assert is_view("templates/exception.html") and is_view("views/home.html")  # at the top
    assert is_view("app.war!/templates/home.html")
    assert is_view("a/b.jsp") and not is_view("a/b.java")
    # client-side and other tools' templates share these suffixes: a view only in such folders
    assert is_view("src/main/resources/templates/home.mustache")
    assert not is_view("src/main/resources/static/js/app/row.hbs")
    assert not is_view("themes/smarty/index.tpl") and is_view("templates/index.tpl")
    assert is_view("src/main/jte/home.jte") and is_view("x/home.peb")


def _type(fqn: str, bean: str | None = None) -> JavaType:
    return JavaType(fqn, TypeKind.CLASS, REF, bean_name=bean)


def test_markup_beside_a_component_class_is_its_view_and_other_markup_there_is_none() -> None:
    # Wicket keeps a page's markup beside its class (or in the resources mirror), Tapestry a
    # .tml; Javadoc's package.html lies among the sources too but belongs to no class
    web = "jtrac/src/main/java/info/jtrac/wicket"
    paths = [
        f"{web}/ItemViewPage.html",
        f"{web}/ItemViewPage_de.html",  # a locale variant
        f"{web}/ItemListPanel$Row.html",  # an inner component's markup
        "src/main/resources/org/shop/pages/Index.tml",
        f"{web}/package.html",
        "app.war!/WEB-INF/classes/info/jtrac/wicket/UserFormPage.htm",
    ]
    assert all(is_view(p) for p in paths)
    types = [
        _type("info.jtrac.wicket.ItemViewPage"),
        _type("info.jtrac.wicket.ItemListPanel"),
        _type("info.jtrac.wicket.UserFormPage"),
        _type("org.shop.pages.Index"),
    ]
    assert component_templates(paths, types) == {
        f"{web}/ItemViewPage.html": "info.jtrac.wicket.ItemViewPage",
        f"{web}/ItemViewPage_de.html": "info.jtrac.wicket.ItemViewPage",
        f"{web}/ItemListPanel$Row.html": "info.jtrac.wicket.ItemListPanel",
        "src/main/resources/org/shop/pages/Index.tml": "org.shop.pages.Index",
        "app.war!/WEB-INF/classes/info/jtrac/wicket/UserFormPage.htm": (
            "info.jtrac.wicket.UserFormPage"
        ),
    }
    # a package named like a code folder, and a class whose name ends like a locale
    odd = [
        "src/main/resources/org/acme/resources/ProfilePanel.html",
        "src/main/java/org/acme/Item_de.html",
    ]
    odd_types = [_type("org.acme.resources.ProfilePanel"), _type("org.acme.Item_de")]
    assert component_templates(odd, odd_types) == {
        odd[0]: "org.acme.resources.ProfilePanel",
        odd[1]: "org.acme.Item_de",
    }
    pages = [Page(p) for p in paths]
    linked = {p.path: p.renderers for p in link_views(pages, [], {}, types)}
    assert f"{web}/package.html" not in linked  # markup of no class is no view
    assert linked[f"{web}/ItemViewPage.html"] == ("info.jtrac.wicket.ItemViewPage",)
    # a WAR's compiled classes hold markup only of classes too
    assert not link_views([Page("app.war!/WEB-INF/classes/a/Nope.html")], [], {}, types)
    # page templates in web folders stay views, whatever classes exist
    assert [p.path for p in link_views([Page("src/main/webapp/a.html")], [], {}, [])] == [
        "src/main/webapp/a.html"
    ]


def test_views_link_to_handlers_view_names_beans_and_action_classes() -> None:
    pages = [
        Page("WEB-INF/jsp/bbs/List.jsp", ("/bbs/list.do",)),
        Page("WEB-INF/jsp/bbs/Detail.jsp"),
        Page("WEB-INF/jsp/catalog/Main.jsp", ("class:org.shop.CatalogActionBean",)),
        Page("webapp/book.xhtml", ("bean:bookingBean",)),
        Page("WEB-INF/jsp/pay/Form.jsp", ("/app/pay/form.do",)),
    ]
    endpoints = [
        Endpoint("/bbs/list.do", "GET", "w.BbsCtl#list", REF),
        Endpoint("/pay/form.do", "GET", "w.PayCtl#form", REF),
    ]
    strings = {"w.Other": [("redirect:/bbs/Detail", REF)], "w.PayCtl": [("hello world", REF)]}
    types = [_type("org.shop.CatalogActionBean"), _type("w.Booking", bean="bookingBean")]
    got = {p.path: p.controllers for p in link_views(pages, endpoints, strings, types)}
    assert got == {
        "WEB-INF/jsp/bbs/List.jsp": ("w.BbsCtl",),
        "WEB-INF/jsp/bbs/Detail.jsp": ("w.Other",),
        "WEB-INF/jsp/catalog/Main.jsp": ("org.shop.CatalogActionBean",),
        "webapp/book.xhtml": ("w.Booking",),
        "WEB-INF/jsp/pay/Form.jsp": ("w.PayCtl",),
    }


def test_jsf_beans_named_with_dots_are_found_and_loop_variables_are_no_beans() -> None:
    """cargotracker's tracking page uses ``@Named("public.track")`` and loops over the legs
    with ``var="leg"``; ``#{leg.from}`` had made the ``Leg`` entity render the page."""
    page = read_view(
        "webapp/public/track.xhtml",
        b"""<p:inputText value="#{public.track.trackingId}"/>
        <strong>#{public.track.cargo.eta}</strong>
        <ui:repeat value="#{public.track.cargo.events}" var="leg">#{leg.from}</ui:repeat>""",
    )
    assert page.links == ("bean:public.track", "bean:public.track.cargo")
    types = [_type("t.web.Track", bean="public.track"), _type("t.domain.Leg")]
    (linked,) = link_views([page], [], {}, types)
    assert linked.renderers == ("t.web.Track",)


def test_script_code_calling_rest_endpoints_links_the_page_to_their_handlers() -> None:
    html = """<script src="js/app.js"></script>
        <script>
          dojo.xhrGet({url: 'rest/api/flights/queryflights', handleAs: 'json'});
          $.ajax({url: "rest/api/customer/byid/" + id, type: "PUT"});
          var s = 'not a path', img = 'images/logo.png';
        </script>"""
    page = read_view("webapp/flights.html", html.encode())
    assert page.links == ("/rest/api/customer/byid/", "/rest/api/flights/queryflights")
    endpoints = [
        Endpoint("/flights/queryflights", "GET", "w.FlightsREST#query", REF),
        Endpoint("/customer/byid/{custid}", "PUT", "w.CustomerREST#put", REF),
    ]
    (linked,) = link_views([page], endpoints, {}, [])
    assert linked.controllers == ("w.CustomerREST", "w.FlightsREST")


def test_each_view_is_placed_in_one_service_by_links_includes_then_folder() -> None:
    where = {
        "a.bbs.web.BbsCtl": "S1",
        "a.bbs.service.BbsSvc": "S1",
        "a.pay.web.PayCtl": "S2",
        "a.pay.Util": "K",
    }
    packages = {
        "a.bbs.web.BbsCtl": "a.bbs.web",
        "a.bbs.service.BbsSvc": "a.bbs.service",
        "a.pay.web.PayCtl": "a.pay.web",
        "a.pay.Util": "a.pay",
    }
    pages = [
        Page("WEB-INF/jsp/x/List.jsp", ("view:inc/row.jsp",), ("a.bbs.web.BbsCtl",)),
        Page("WEB-INF/jsp/x/inc/row.jsp"),
        Page("WEB-INF/jsp/pay/Receipt.jsp"),
        Page("WEB-INF/jsp/misc/About.jsp", (), ("a.pay.Util",)),
        Page(
            "WEB-INF/jsp/both/Mixed.jsp",
            (),
            ("a.bbs.web.BbsCtl", "a.bbs.service.BbsSvc", "a.pay.web.PayCtl"),
        ),
    ]
    placed = place_views(pages, where, packages, frozenset({"K"}))
    assert {p: (x.service, x.via) for p, x in placed.items()} == {
        "WEB-INF/jsp/x/List.jsp": ("S1", "links"),
        "WEB-INF/jsp/x/inc/row.jsp": ("S1", "includes"),
        "WEB-INF/jsp/pay/Receipt.jsp": ("S2", "folder"),
        "WEB-INF/jsp/misc/About.jsp": ("S1", "default"),  # a kernel class places nothing
        "WEB-INF/jsp/both/Mixed.jsp": ("S1", "links"),
    }


def test_a_folder_naming_the_last_segment_of_a_package_places_views_nothing_else_does() -> None:
    """Roller's weblog themes (``themes/basic/sidebar.vm``) are rendered through templates,
    not named by any class: they go with ``business.themes``; cargotracker's
    ``admin/tracking/map.xhtml`` with ``interfaces.tracking``. A view a class name matches
    keeps that service: the folder's last-segment match comes after names."""
    where = {
        "r.business.themes.ThemeManager": "theme",
        "r.business.themes.SharedTheme": "theme",
        "r.ui.rendering.PageServlet": "rendering",
        "r.business.WeblogEntryManager": "entry",
    }
    packages = {c: c.rpartition(".")[0] for c in where}
    pages = [
        Page("webapp/themes/basic/sidebar.vm"),
        Page("webapp/themes/basic/entry.vm"),  # "entry": WeblogEntryManager's service
        Page("webapp/misc/about.vm"),
    ]
    placed = place_views(pages, where, packages)
    assert {p: (x.service, x.via) for p, x in placed.items()} == {
        "webapp/themes/basic/sidebar.vm": ("theme", "folder"),
        "webapp/themes/basic/entry.vm": ("entry", "name"),
        "webapp/misc/about.vm": ("entry", "default"),
    }


def test_a_folder_named_like_the_project_root_places_no_view() -> None:
    """jeecg: the widget library ``src/components/Form/src/jeecg`` had gone to the service
    holding the application classes of the root package ``org.jeecg``, by the folder name."""
    where = {
        "org.jeecg.JeecgSystemApplication": "seata",
        "org.jeecg.service.JeecgBaseService": "seata",
        "org.jeecg.seata.order.OrderController": "seata",
        "org.jeecg.system.user.UserController": "system",
        "org.jeecg.system.user.UserService": "system",
        "org.jeecg.system.role.RoleService": "system",
    }
    packages = {c: c.rpartition(".")[0] for c in where}
    pages = [
        Page("vue3/src/components/Form/src/jeecg/components/JSelectUser.vue"),
        Page("vue3/src/views/system/user/UserList.vue", renderers=()),
    ]
    placed = place_views(pages, where, packages)
    assert placed[pages[1].path] == Placement("system", "folder")
    assert placed[pages[0].path].via != "folder"

    # a feature's folder below the project's names it: com.acme.shop.order and shop/order
    shop = {"com.acme.shop.order.admin.Desk": "order", "com.acme.shop.Main": "boot"}
    shop |= {"com.acme.shop.cart.CartController": "cart"}
    view = Page("WEB-INF/views/shop/order/list.jsp")
    placed = place_views([view], shop, {c: c.rpartition(".")[0] for c in shop})
    assert placed[view.path] == Placement("order", "folder")


def test_a_fragment_every_page_includes_places_none_of_them() -> None:
    """Roller: every page includes ``taglibs-struts2.jsp``; one page placed by its action puts
    the fragment in its service, which must not carry the other pages there."""
    where = {"a.media.MediaView": "media"}
    taglibs = "view:/WEB-INF/jsps/taglibs-struts2.jsp"
    own = "view:/WEB-INF/jsps/admin/inc/users-row.jsp"
    pages = [
        Page("WEB-INF/jsps/media/MediaView.jsp", (taglibs,), ("a.media.MediaView",)),
        Page("WEB-INF/jsps/admin/UserAdmin.jsp", (taglibs,)),
        Page("WEB-INF/jsps/admin/UserEdit.jsp", (taglibs, own)),
        Page("WEB-INF/jsps/admin/Setup.jsp", (taglibs,)),
        Page("WEB-INF/jsps/admin/inc/users-row.jsp", (), ("a.media.MediaView",)),
        Page("WEB-INF/jsps/taglibs-struts2.jsp"),
    ]
    placed = place_views(pages, where, dict.fromkeys(where, "a.media"))
    assert {p.rpartition("/")[2]: (x.service, x.via) for p, x in placed.items()} == {
        "MediaView.jsp": ("media", "links"),
        "taglibs-struts2.jsp": ("media", "includes"),
        "UserAdmin.jsp": ("media", "default"),
        "Setup.jsp": ("media", "default"),
        "users-row.jsp": ("media", "links"),
        "UserEdit.jsp": ("media", "includes"),  # its own fragment (one includer) still counts
    }


def test_a_fragment_the_pages_of_several_services_include_goes_to_none_of_them() -> None:
    """egov-oracle-mono: ``common/head.jsp`` is included by all 20 pages, five per service;
    only the user pages are placed by links when includes are first followed, the others by
    their folders. The header is shared: no service. A shared fragment most of whose
    includers are in one service goes there, counted once they are all placed."""
    services = ("book", "order", "publisher", "user")
    where = {f"shop.{s}.web.{s.title()}Controller": s for s in services}
    packages = {c: c.rpartition(".")[0] for c in where}
    head = "view:/WEB-INF/views/common/head.jsp"
    menu = "view:/WEB-INF/views/common/menu.jsp"
    pages = [
        Page(
            f"WEB-INF/views/{s}/{name}.jsp",
            (head, menu) if s == "book" or name == "List" else (head,),
            ("shop.user.web.UserController",) if s == "user" else (),
        )
        for s in services
        for name in ("List", "Detail", "Update")
    ]
    pages += [Page("WEB-INF/views/common/head.jsp"), Page("WEB-INF/views/common/menu.jsp")]
    placed = place_views(pages, where, packages)
    assert placed["WEB-INF/views/common/head.jsp"] == Placement(None, "shared")
    # 3 book pages and the other services' lists: 3 of 6, no majority either
    assert placed["WEB-INF/views/common/menu.jsp"] == Placement(None, "shared")
    assert {x.via for p, x in placed.items() if "/common/" not in p} == {"links", "folder"}

    assert pages[3].path.endswith("order/List.jsp")
    pages[3] = replace(pages[3], links=(head,))  # no menu on the order list: book has 3 of 5
    placed = place_views(pages, where, packages)
    assert placed["WEB-INF/views/common/menu.jsp"] == Placement("book", "includes")
    assert placed["WEB-INF/views/common/head.jsp"] == Placement(None, "shared")

    # nor does a fragment it includes place it (review: iTrust's header had gone to a service
    # none of its 112 includers' majority was in) ...
    user = "shop.user.web.UserController"
    pages[-2] = replace(pages[-2], links=("view:/WEB-INF/views/common/nav.jsp",))
    pages.append(Page("WEB-INF/views/common/nav.jsp", (), (user,)))
    placed = place_views(pages, where, packages)
    assert placed["WEB-INF/views/common/nav.jsp"] == Placement("user", "links")
    assert placed["WEB-INF/views/common/head.jsp"] == Placement(None, "shared")
    # ... but its own links do, as any view's: the simple homepage template's header and
    # menus link to its main pages, and its official port keeps them there
    at = next(i for i, p in enumerate(pages) if p.path == "WEB-INF/views/common/head.jsp")
    pages[at] = replace(pages[at], controllers=(user,))
    placed = place_views(pages, where, packages)
    assert placed["WEB-INF/views/common/head.jsp"] == Placement("user", "links")


def test_the_class_rendering_a_view_outweighs_menu_links_many_views_share() -> None:
    where = {"a.menu.MenuCtl": "menu", "a.qna.QnaCtl": "qna", "a.faq.FaqCtl": "faq"}
    packages = {c: c.rpartition(".")[0] for c in where}
    menu = "a.menu.MenuCtl"
    pages = [
        Page("jsp/qna/List.jsp", (), (menu, "a.qna.QnaCtl"), ("a.qna.QnaCtl",)),
        Page("jsp/faq/List.jsp", (), (menu, "a.faq.FaqCtl")),  # links only: its own beats menu
        Page("jsp/menu/Tree.jsp", (), (menu,), (menu,)),
    ]
    placed = place_views(pages, where, packages)
    assert {p: x.service for p, x in placed.items()} == {
        "jsp/qna/List.jsp": "qna",
        "jsp/faq/List.jsp": "faq",
        "jsp/menu/Tree.jsp": "menu",
    }


def test_a_login_page_every_controller_falls_back_to_goes_with_the_one_in_its_folder() -> None:
    """Four menu controllers and a board controller return ``uat/uia/EgovLoginUsr`` to a
    visitor not logged in; the login controller lives in ``uat.uia``, where the page lives."""
    menus = [f"egov.let.sym.mnu.web.Menu{i}Controller" for i in range(4)]
    login = "egov.let.uat.uia.web.EgovLoginController"
    board = "egov.let.cop.bbs.web.BoardController"
    where = {**dict.fromkeys(menus, "menu"), login: "login", board: "bbs"}
    packages = {c: c.rpartition(".")[0] for c in where}
    renderers = (*menus, login, board)
    pages = [
        Page("WEB-INF/jsp/uat/uia/EgovLoginUsr.jsp", (), renderers, renderers),
        Page("WEB-INF/jsp/sym/mnu/MenuList.jsp", (), (menus[0],), (menus[0],)),
        Page("WEB-INF/jsp/main/Home.jsp", (), (*menus, board), (*menus, board)),
    ]
    placed = place_views(pages, where, packages)
    assert placed["WEB-INF/jsp/uat/uia/EgovLoginUsr.jsp"] == Placement("login", "links")
    assert placed["WEB-INF/jsp/sym/mnu/MenuList.jsp"] == Placement("menu", "links")
    # no renderer lives in main/: all of them count, and the menu service renders it most
    assert placed["WEB-INF/jsp/main/Home.jsp"] == Placement("menu", "links")


def test_a_tie_between_rendering_classes_goes_to_the_service_named_like_the_view() -> None:
    """``cart.xhtml`` uses the account and the shopping JSF beans alike; the shopping service
    holds ``ShoppingCart``, so the cart page is its (not the alphabetically first service's)."""
    where = {
        "p.AccountBean": "account",
        "p.Customer": "account",
        "p.ShoppingBean": "shopping",
        "p.ShoppingCart": "shopping",
    }
    packages = dict.fromkeys(where, "p")
    both = ("p.AccountBean", "p.ShoppingBean")
    pages = [
        Page("webapp/cart.xhtml", (), both, both),
        Page("webapp/checkout.xhtml", (), both, both),
    ]
    placed = place_views(pages, where, packages)
    assert placed["webapp/cart.xhtml"] == Placement("shopping", "links")
    assert placed["webapp/checkout.xhtml"] == Placement("account", "links")  # no word decides


def test_a_page_uses_beans_of_other_services_but_goes_with_the_bean_named_like_it() -> None:
    """DayTrader's ``quote.xhtml`` shows the quotes of ``QuoteJSF`` but also the account
    (``AccountDataJSF``) and the log-out button (``TradeAppJSF``) of the trade service."""
    where = {"w.QuoteJSF": "quote", "w.AccountDataJSF": "trade", "w.TradeAppJSF": "trade"}
    packages = dict.fromkeys(where, "w")
    beans = tuple(where)
    pages = [
        Page("webapp/quote.xhtml", (), beans, beans),
        Page("webapp/register.xhtml", (), beans, beans),  # no bean named like it: all count
    ]
    placed = place_views(pages, where, packages)
    assert placed["webapp/quote.xhtml"] == Placement("quote", "links")
    assert placed["webapp/register.xhtml"] == Placement("trade", "links")


def test_a_view_linking_to_several_services_goes_with_the_linked_class_named_like_it() -> None:
    """JHipster's update form saves through ``BankAccountResource`` and lists the users to
    pick from through ``PublicUserResource``; three pages link the first, one the second."""
    where = {"r.BankAccountResource": "bank-account", "r.PublicUserResource": "user"}
    app = "webapp/app/entities/bank-account"
    pages = [
        Page(f"{app}/update/bank-account-update.html", (), tuple(where)),
        Page(f"{app}/list/bank-account.html", (), ("r.BankAccountResource",)),
        Page(f"{app}/delete/bank-account-delete-dialog.html", (), ("r.BankAccountResource",)),
        Page("webapp/app/operation/operation-update.html", (), tuple(where)),  # names neither
    ]
    placed = place_views(pages, where, dict.fromkeys(where, "r"))
    assert placed[f"{app}/update/bank-account-update.html"] == Placement("bank-account", "links")
    assert placed["webapp/app/operation/operation-update.html"].service == "user"  # all count


def test_a_front_end_requests_under_the_prefix_most_of_its_links_take() -> None:
    """litemall's admin pages request ``/coupon/list``; the server maps it under ``/admin``
    for them and under ``/wx`` for the shop's pages, whose other requests say which is whose."""
    endpoints = [
        Endpoint(f"/{side}/{thing}/list", "GET", f"w.{side.title()}{thing.title()}#list", REF)
        for side in ("admin", "wx")
        for thing in ("coupon", "goods")
    ]
    endpoints += [
        Endpoint("/admin/brand/list", "GET", "w.AdminBrand#list", REF),
        Endpoint("/wx/cart/list", "GET", "w.WxCart#list", REF),
    ]
    pages = [
        Page("admin-ui/src/views/coupon.vue", ("/coupon/list",)),
        Page("admin-ui/src/views/goods.vue", ("/goods/list", "/brand/list")),
        Page("shop-ui/src/views/coupon.vue", ("/coupon/list", "/cart/list")),
        Page("src/main/webapp/coupon.jsp", ("/coupon/list",)),  # a server's page: no prefix
        Page("web/src/webapp/coupon.jsp", ("/coupon/list",)),  # a JSP is no front end's
    ]
    got = {p.path: p.controllers for p in link_views(pages, endpoints, {}, [])}
    assert got == {
        "admin-ui/src/views/coupon.vue": ("w.AdminCoupon",),
        "admin-ui/src/views/goods.vue": ("w.AdminBrand", "w.AdminGoods"),
        "shop-ui/src/views/coupon.vue": ("w.WxCart", "w.WxCoupon"),
        "src/main/webapp/coupon.jsp": ("w.AdminCoupon", "w.WxCoupon"),
        "web/src/webapp/coupon.jsp": ("w.AdminCoupon", "w.WxCoupon"),
    }


def test_a_front_end_with_no_clear_prefix_keeps_every_match_and_its_prefix_beats_an_exact_path() -> (
    None
):
    endpoints = [
        Endpoint(f"/{p}/all", "GET", f"w.{p.title()}#all", REF) for p in ("user", "role", "dept")
    ]
    endpoints += [
        Endpoint("/admin/coupon/list", "GET", "w.AdminCoupon#list", REF),
        Endpoint("/admin/goods/list", "GET", "w.AdminGoods#list", REF),
        Endpoint("/coupon/list", "GET", "w.PublicCoupon#list", REF),
    ]
    pages = [
        Page("ui/src/views/user.vue", ("/all",)),  # ends three paths: a third of a vote each
        Page("admin/src/views/coupon.vue", ("/coupon/list", "/goods/list")),
    ]
    got = {p.path: p.controllers for p in link_views(pages, endpoints, {}, [])}
    assert got == {
        "ui/src/views/user.vue": ("w.Dept", "w.Role", "w.User"),
        "admin/src/views/coupon.vue": ("w.AdminCoupon", "w.AdminGoods"),  # its prefix first
    }


def test_server_view_names_never_name_a_front_end_component() -> None:
    pages = [Page("ui/src/views/index.vue"), Page("src/main/resources/templates/index.html")]
    strings = {"w.HomeController": [("index", REF)]}
    types = [_type("w.HomeController")]
    got = {p.path: p.controllers for p in link_views(pages, [], strings, types)}
    assert got == {
        "ui/src/views/index.vue": (),
        "src/main/resources/templates/index.html": ("w.HomeController",),
    }


def test_a_linked_class_named_like_the_view_counts_alone_only_when_it_can_be_placed() -> None:
    where = {"r.UserController": "K", "r.RoleController": "roles"}
    pages = [Page("ui/src/views/user-list.vue", (), tuple(where))]
    placed = place_views(pages, where, dict.fromkeys(where, "r"), frozenset({"K"}))
    assert placed["ui/src/views/user-list.vue"] == Placement("roles", "links")


def test_a_view_without_links_goes_where_class_names_share_its_words_if_one_service_leads() -> (
    None
):
    where = {
        "t.prims.PingServlet": "prims",
        "t.prims.PingJdbcRead": "prims",
        "t.prims.PingUpgrade": "prims",
        "t.ws.PingWebSocketBinary": "ws",
        "t.ws.MarketSummaryWebSocket": "ws",
        "t.quote.QuoteDataBean": "quote",
        "t.quote.MarketSummaryBean": "quote",
        "t.order.OrderDataBean": "order",
    }
    packages = {c: c.rpartition(".")[0] for c in where}
    pages = [
        Page(f"webapp/{name}")
        for name in ("PingJsp.jsp", "PingWebSocketBinary.html", "displayQuote.jsp")
    ] + [Page("webapp/marketSummary.jsp"), Page("webapp/header.html")]
    placed = place_views(pages, where, packages)
    assert {p.rpartition("/")[2]: (x.service, x.via) for p, x in placed.items()} == {
        "PingJsp.jsp": ("prims", "name"),  # "ping": most of prims, a third of ws
        "PingWebSocketBinary.html": ("ws", "name"),  # "socket" and "binary" are ws's only
        "displayQuote.jsp": ("quote", "name"),
        "marketSummary.jsp": ("prims", "default"),  # ws and quote share its name evenly
        "header.html": ("prims", "default"),  # no business word
    }


def test_relative_navigation_links_reach_servlets_and_place_help_pages_by_navigation() -> None:
    home = read_view(
        "webapp/tradehome.jsp",
        b'<a href="app?action=home">home</a> <a href="docs/glossary.html">glossary</a>'
        b'<input type="submit" value="Login">',
    )
    assert home.links == ("/app", "/docs/glossary.html"), "a value attribute is no link"
    glossary = Page("webapp/docs/glossary.html")
    pages = link_views(
        [home, glossary], [Endpoint("/app", "GET", "w.TradeAppServlet#doGet", REF)], {}, []
    )
    placed = place_views(pages, {"w.TradeAppServlet": "trade"}, {"w.TradeAppServlet": "w"})
    assert {p: (x.service, x.via) for p, x in placed.items()} == {
        "webapp/tradehome.jsp": ("trade", "links"),
        "webapp/docs/glossary.html": ("trade", "navigation"),
    }


def test_a_page_nothing_reaches_goes_with_the_service_of_most_pages_in_its_folder() -> None:
    """DayTrader's ``error.jsp``, named only in ``web.xml``, beside the trade pages; a folder
    split between services, or mostly of pages no rule places, places nothing by siblings (the
    page then goes by default)."""
    where = {"w.TradeAppServlet": "trade", "w.ConfigServlet": "config"}
    packages = dict.fromkeys(where, "w")

    def pages(trade: int, config: int, loose: int) -> list[Page]:
        return (
            [Page(f"webapp/t{i}.jsp", (), ("w.TradeAppServlet",)) for i in range(trade)]
            + [Page(f"webapp/c{i}.jsp", (), ("w.ConfigServlet",)) for i in range(config)]
            + [Page(f"webapp/error{i}.jsp") for i in range(loose)]
        )

    placed = place_views(pages(3, 1, 1), where, packages)
    assert placed["webapp/error0.jsp"] == Placement("trade", "siblings")
    assert place_views(pages(2, 1, 2), where, packages)["webapp/error0.jsp"].via == "default"
    assert place_views(pages(1, 2, 1), where, packages)["webapp/error0.jsp"].service == "config"
    assert place_views(pages(2, 3, 1), where, packages)["webapp/error0.jsp"].service == "config"
    assert place_views(pages(1, 1, 1), where, packages)["webapp/error0.jsp"].service == "config"
    where["w.PingServlet"] = "prims"
    packages["w.PingServlet"] = "w"
    mixed = [*pages(2, 2, 1), Page("webapp/ping.jsp", (), ("w.PingServlet",))]  # 2 of 5 lead
    assert place_views(mixed, where, packages)["webapp/error0.jsp"].via == "default"
    inside = [*pages(3, 0, 0), Page("webapp/errors/error.jsp")]  # alone in its folder
    assert place_views(inside, where, packages)["webapp/errors/error.jsp"].via == "default"
    schema = load_schema("report.schema.json")["properties"]["views"]["additionalProperties"]
    assert "siblings" in schema["properties"]["via"]["enum"]  # report.json stays valid


def test_a_page_no_rule_places_goes_with_most_placed_pages_of_its_nearest_folder() -> None:
    """Error, time-out and layout pages nothing renders, links, includes or names still move
    with some service: the one holding most placed pages in their own folder, else under the
    nearest folder above that holds any. With no page placed at all, none is."""
    where = {"w.OrderCtl": "order", "w.CartCtl": "cart"}
    packages = dict.fromkeys(where, "w")
    pages = [
        Page("web/shop/order1.jsp", (), ("w.OrderCtl",)),
        Page("web/shop/order2.jsp", (), ("w.OrderCtl",)),
        Page("web/shop/cart1.jsp", (), ("w.CartCtl",)),
        Page("web/shop/cart2.jsp", (), ("w.CartCtl",)),
        Page("web/shop/cart3.jsp", (), ("w.CartCtl",)),
        Page("web/shop/sub/cart4.jsp", (), ("w.CartCtl",)),
        Page("web/error/500.jsp"),
        Page("web/layouts/default.jsp"),
        Page("web/checkout/timeout.jsp"),
        Page("web/checkout/order3.jsp", (), ("w.OrderCtl",)),
    ]
    placed = place_views(pages, where, packages)
    assert placed["web/error/500.jsp"] == Placement("cart", "default")  # 4 of 7 under web/
    assert placed["web/layouts/default.jsp"] == Placement("cart", "default")
    assert placed["web/checkout/timeout.jsp"] == Placement("order", "default")  # its own folder
    assert place_views(pages[6:9], where, packages)["web/error/500.jsp"].via == "unplaced"
    schema = load_schema("report.schema.json")["properties"]["views"]["additionalProperties"]
    assert "default" in schema["properties"]["via"]["enum"]  # report.json stays valid


def test_a_template_named_for_its_role_goes_by_its_folder_and_plurals_name_their_classes() -> None:
    """Ticket Monster's AngularJS administration keeps each entity's screens in a folder of its
    name (``admin/views/Venue/search.html``); its single-page app names them in the plural
    (``events.html``). 78 of its 91 templates had gone to one service by default."""
    where = {
        "t.model.Venue": "venue",
        "t.rest.VenueEndpoint": "venue",
        "t.model.Event": "event",
        "t.rest.EventEndpoint": "event",
        "t.model.Booking": "booking",
        "t.model.Tag": "tagging",
        "t.model.Category": "category",
        "t.web.Index": "tagging",  # a class named only with view words
        "t.web.Decorator": "tagging",
    }
    packages = {c: c.rpartition(".")[0] for c in where}
    paths = (
        "WEB-INF/tags/icons.tag",
        "WEB-INF/decorators/default.jsp",
        "admin/views/Venue/index.html",
        "app/categories/categories.html",
        "app/CATEGORIES/list.html",
        "admin/views/Venue/search.html",
        "admin/views/Venue/detail.html",
        "admin/views/Event/detail.html",
        "app/events/events.html",
        "app/booking/booking.html",
        "admin/views/landing.html",
    )
    placed = place_views([Page(p) for p in paths], where, packages)
    assert {p: (x.service, x.via) for p, x in placed.items()} == {
        "admin/views/Venue/search.html": ("venue", "name"),
        "admin/views/Venue/detail.html": ("venue", "name"),
        "admin/views/Event/detail.html": ("event", "name"),
        "app/events/events.html": ("event", "name"),
        "app/booking/booking.html": ("booking", "name"),
        "admin/views/landing.html": ("venue", "default"),  # views/ names nothing
        "WEB-INF/tags/icons.tag": ("venue", "default"),  # tags/ names the kind of file
        "WEB-INF/decorators/default.jsp": ("venue", "default"),
        "admin/views/Venue/index.html": ("venue", "name"),
        "app/categories/categories.html": ("category", "name"),
        "app/CATEGORIES/list.html": ("category", "name"),
    }


def test_view_titles_are_kept_without_markup_for_korean_names() -> None:
    assert read_view("a.jsp", "<head><title>게시물 목록</title></head>".encode()).title == (
        "게시물 목록"
    )
    eg = '<title>${pageTitle} <spring:message code="title.list" /></title><!-- 게시글 목록 -->'
    assert read_view("b.jsp", eg.encode()).title == "게시글 목록"
    assert read_view("c.jsp", b"<p>no title</p>").title == ""


@given(
    st.text(alphabet="<>%@/=\"'{}~:#$!.( \nabtxhlrefpincudgwTH-", max_size=300),
    st.sampled_from(sorted(VIEW_SUFFIXES)),
)
def test_any_view_text_reads_without_error(text: str, suffix: str) -> None:
    page = read_view("templates/fuzz" + suffix, text.encode("utf-8"))
    assert all(link and link != "view:" for link in page.links)


def test_of_the_classes_naming_a_view_those_giving_most_of_its_path_render_it() -> None:
    """Every RuoYi controller maps "/add"; only the job controller returns "monitor/job/add"."""
    pages = [Page("templates/monitor/job/add.html"), Page("templates/system/user/add.html")]
    strings = {
        "w.JobCtl": [("/add", REF), ("monitor/job/add", REF)],
        "w.UserCtl": [("/add", REF)],
    }
    got = {p.path: p.renderers for p in link_views(pages, [], strings, [])}
    assert got == {
        "templates/monitor/job/add.html": ("w.JobCtl",),
        "templates/system/user/add.html": ("w.JobCtl", "w.UserCtl"),
    }


def test_a_rest_controllers_bare_words_name_no_view_not_even_as_a_guess() -> None:
    """JHipster's ``UserResource`` sorts users by ``"login"``; ``login.html`` is the Angular
    login screen, which no REST class renders. A JAX-RS resource answers with data too; a
    plain controller's bare word is a view name."""
    pages = [Page("app/login/login.html"), Page("app/users/users.html")]
    strings = {
        "a.web.UserResource": [("login", REF)],
        "a.web.StatsResource": [("users", REF)],
        "a.web.HomeController": [("users", REF)],
    }
    types = [
        replace(_type("a.web.UserResource"), annotations=("RestController", "RequestMapping")),
        replace(_type("a.web.StatsResource"), annotations=("javax.ws.rs.Path",)),
        replace(_type("a.web.HomeController"), annotations=("Controller",)),
    ]
    found = {p.path.rpartition("/")[2]: p.renderers for p in link_views(pages, [], strings, types)}
    assert found == {"login.html": (), "users.html": ("a.web.HomeController",)}


def test_a_bare_word_outside_web_code_renders_only_a_page_nothing_else_explains() -> None:
    """Java Pet Store's ``CategoryPopulator`` reads the ``Category`` element of its XML; the
    ``category.jsp`` it happens to name is the catalog's, whose helper the page declares."""
    pages = [
        Page("docroot/category.jsp", ("class:a.catalog.CatalogHelper",)),
        Page("docroot/help.jsp", ()),
        Page("docroot/cart.jsp", ()),
    ]
    strings = {
        "a.tools.CategoryPopulator": [("category", REF), ("help", REF)],
        "a.web.CartController": [("cart", REF)],
        "a.tools.CartPopulator": [("cart", REF), ("/cart.jsp", REF)],
    }
    types = [
        _type("a.catalog.CatalogHelper"),
        _type("a.tools.CategoryPopulator"),
        _type("a.tools.CartPopulator"),
        _type("a.web.CartController"),
    ]
    found = {
        p.path.rpartition("/")[2]: p.controllers for p in link_views(pages, [], strings, types)
    }
    assert found == {
        "category.jsp": ("a.catalog.CatalogHelper",),
        "help.jsp": ("a.tools.CategoryPopulator",),  # a guess, for want of anything better
        # a controller returns the bare name; the populator writes the page's path in full
        "cart.jsp": ("a.tools.CartPopulator", "a.web.CartController"),
    }
    # a page naming the class as a bean keeps it, whatever strings it holds
    bean_page = [Page("docroot/category.xhtml", ("bean:catalogManager.categories", "/home"))]
    strings = {"a.CatalogManager": [("category", REF)]}
    found_pages = link_views(
        bean_page,
        [Endpoint("/home", "GET", "a.web.HomeController#home", REF)],
        strings,
        [_type("a.CatalogManager"), _type("a.web.HomeController")],
    )
    assert found_pages[0].controllers == ("a.CatalogManager", "a.web.HomeController")


def test_a_page_sending_the_browser_on_stands_for_the_page_it_sends_to() -> None:
    """Plants' index.html only redirects to promo.jsf, the Facelets page promo.xhtml."""
    refresh = '<meta http-equiv="refresh" content="0; url=promo.jsf" />'
    assert links("webapp/index.html", refresh) == ("view:promo",)
    jsp = "<META HTTP-EQUIV='Refresh' CONTENT='3;URL=/shop/main.jsp'>"
    assert links("webapp/old.html", jsp) == ("view:shop/main.jsp",)
    action = '<meta http-equiv="refresh" content="0; url=shop/index.do?x=1">'
    assert links("webapp/go.html", action) == ("/shop/index.do",)
    # the page is placed as the page it sends to is, whoever links to it
    pages = [
        Page("webapp/index.html", ("view:promo",)),
        Page("webapp/promo.xhtml", (), ("a.Shop",), ("a.Shop",)),
        *(
            Page(f"webapp/admin{i}.html", ("/index.html",), ("a.Admin",), ("a.Admin",))
            for i in range(3)
        ),
    ]
    placed = place_views(
        pages, {"a.Shop": "shop", "a.Admin": "admin"}, {"a.Shop": "a", "a.Admin": "a"}
    )
    assert placed["webapp/index.html"] == Placement("shop", "includes")


def test_a_link_to_a_jsf_request_names_the_view_of_that_name() -> None:
    pages = [
        Page("webapp/menu.html", ("/cart.jsf",)),
        Page("webapp/cart.xhtml", (), ("a.Cart",), ("a.Cart",)),
        Page("webapp/admin.jsp", (), ("a.Admin",), ("a.Admin",)),
    ]
    placed = place_views(pages, {"a.Cart": "cart", "a.Admin": "admin"}, {})
    assert placed["webapp/menu.html"] == Placement("cart", "navigation")

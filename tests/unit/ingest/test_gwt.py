"""GWT client code is the browser's front end: left out of the decomposition and listed, except
the remote service interfaces and beans the server's code imports."""

import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from msadecomp.ingest import ingest
from msadecomp.ingest.gwt import client_files, client_packages, client_paths
from msadecomp.ingest.java_syntax import JavaFile, parse_java

MODULE = '<?xml version="1.0"?>\n<module rename-to="app"><inherits name="com.google.gwt.user.User"/>{}</module>'

SOURCES = {
    "com/acme/App.gwt.xml": MODULE.format(""),
    "com/acme/client/Main.java": "package com.acme.client; "
    "public class Main { DocumentPanel panel; DocumentServiceAsync service; }",
    "com/acme/client/DocumentPanel.java": "package com.acme.client; "
    "import com.acme.client.bean.DocumentBean; public class DocumentPanel { DocumentBean shown; }",
    "com/acme/client/DocumentService.java": "package com.acme.client; "
    "import com.acme.client.bean.DocumentBean; "
    "public interface DocumentService { DocumentBean get(String id); }",
    "com/acme/client/DocumentServiceAsync.java": "package com.acme.client; "
    "public interface DocumentServiceAsync { }",
    "com/acme/client/bean/DocumentBean.java": "package com.acme.client.bean; "
    "public class DocumentBean { String id; }",
    "com/acme/server/DocumentServlet.java": "package com.acme.server; "
    "import com.acme.client.DocumentService; import com.acme.client.bean.*; "
    "public class DocumentServlet implements DocumentService { "
    "public DocumentBean get(String id) { return new DocumentBean(); } }",
}


def _tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / "src/main/java" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_the_client_widgets_are_listed_as_gwt_client_and_the_servers_interface_stays(
    tmp_path: Path,
) -> None:
    """OpenKM's 677 widget classes had spread over 17 of its 30 services."""
    _tree(tmp_path, SOURCES)
    model = ingest(tmp_path, jobs=1)
    assert sorted(t.fqn for t in model.types) == [
        "com.acme.client.DocumentService",  # imported by the servlet implementing it
        "com.acme.client.bean.DocumentBean",  # its package imported by the servlet
        "com.acme.server.DocumentServlet",
    ]
    prefix = "src/main/java/com/acme/client/"
    assert sorted(
        p for p, why in model.excluded if why == "GWT client (compiled to JavaScript)"
    ) == [
        prefix + "DocumentPanel.java",
        prefix + "DocumentServiceAsync.java",
        prefix + "Main.java",
    ]
    counts = dict(model.file_counts)
    assert counts["java"] == 3
    assert counts["GWT module"] == 1


def test_only_a_gwt_module_file_names_client_folders(tmp_path: Path) -> None:
    """A Checkstyle configuration's root is a ``module`` too; a broken module file is a
    diagnostic and leaves the code in."""
    files = dict(SOURCES)
    del files["com/acme/App.gwt.xml"]
    files["com/acme/checkstyle.xml"] = '<module name="Checker"/>'
    _tree(tmp_path, files)
    assert len(ingest(tmp_path, jobs=1).types) == 6
    files["com/acme/App.gwt.xml"] = "<module><source path='client'>"
    _tree(tmp_path, files)
    model = ingest(tmp_path, jobs=1)
    assert len(model.types) == 6
    assert [d.code for d in model.diagnostics if d.source.path.endswith(".gwt.xml")] == [
        "xml.parse-error"
    ]


def test_a_modules_client_packages_lie_below_its_package_wherever_its_file_sits() -> None:
    """The module file sits beside the sources, under ``resources/`` or in a WAR's classes;
    an empty source path is the module's package itself, ``shared`` code is no client's, a
    path leaving the package is ignored; super-source code declares the packages it emulates,
    so its folder is what tells it."""

    def packages(path: str, body: str) -> tuple[set[str], set[str]]:
        sources, supers = client_paths(ET.fromstring(f"<module>{body}</module>"))
        known = ["org.x.server", "org.x.client.ui", "org.y"]
        return client_packages([(path, sources, supers)], known)

    client = ({"org.x.client"}, set())
    assert packages("m/src/main/java/org/x/X.gwt.xml", "") == client
    assert packages("m/src/main/resources/org/x/X.gwt.xml", "") == client
    assert packages("WEB-INF/classes/org/x/X.gwt.xml", "") == client
    assert packages("src/org/x/X.gwt.xml", '<source path="client"/><source path="shared"/>') == (
        client
    )
    assert packages("src/org/x/X.gwt.xml", '<source path="ui/"/><super-source path="jre"/>') == (
        {"org.x.ui"},
        {"/org/x/jre/"},
    )
    assert packages("src/org/x/X.gwt.xml", '<super-source path="jre"/>') == (
        {"org.x.client"},
        {"/org/x/jre/"},
    )
    assert packages("src/org/x/client/X.gwt.xml", '<source path=""/>') == client
    assert packages("src/org/x/client/X.gwt.xml", '<source path="."/>') == client
    assert packages("src/org/x/X.gwt.xml", '<source path="shared"/>') == (set(), set())
    assert packages("src/org/x/X.gwt.xml", '<source path="../../etc"/>') == (set(), set())
    assert packages("elsewhere/X.gwt.xml", "") == (set(), set())  # no Java package there


def test_super_source_code_is_client_code_whatever_package_it_declares() -> None:
    files = [
        parse_java(
            "src/org/x/jre/java/util/Objects2.java", b"package java.util; class Objects2 {}"
        ),
        parse_java("src/org/x/server/S.java", b"package org.x.server; class S {}"),
    ]
    assert client_files(files, [], ["/org/x/jre/"]) == {"src/org/x/jre/java/util/Objects2.java"}


def test_server_use_by_full_name_keeps_a_client_type_and_what_its_signatures_name() -> None:
    def java(path: str, text: str) -> JavaFile:
        return parse_java(path, text.encode())

    files = [
        java("c/Main.java", "package c; public class Main { Panel p; }"),
        java("c/Panel.java", "package c; public class Panel { }"),
        java("c/Api.java", "package c; public interface Api { Bean get(); }"),
        java(
            "c/Bean.java",
            "package c; public class Bean { Part part; String id() { return Main.name(); } }",
        ),
        java("c/Part.java", "package c; public class Part { }"),
        java("c/Util.java", "package c; public class Util { public static int N; }"),
        java(
            "s/S.java",
            "package s; import static c.Util.N; "
            "class S implements c.Api { public c.Bean get() { return null; } }",
        ),
    ]
    # the bean's method calls the entry point: that brings back no widget
    assert client_files(files, ["c"]) == {"c/Main.java", "c/Panel.java"}
    files.append(java("s/T.java", "package s; import c.*; class T { Main m; }"))
    assert client_files(files, ["c"]) == set()
    assert client_files(files, []) == set()


def test_a_war_of_class_files_keeps_what_its_servlet_uses(tmp_path: Path) -> None:
    """Class files name every type they use in their constant pool."""
    if shutil.which("javac") is None:
        pytest.skip("javac is not installed")
    _tree(tmp_path / "src", SOURCES)
    sources = sorted(str(p) for p in (tmp_path / "src").rglob("*.java"))
    classes = tmp_path / "war" / "WEB-INF" / "classes"
    subprocess.run(["javac", "-d", str(classes), *sources], check=True)
    module = tmp_path / "src/src/main/java/com/acme/App.gwt.xml"
    (classes / "com/acme/App.gwt.xml").write_bytes(module.read_bytes())
    war = tmp_path / "app.war"
    with zipfile.ZipFile(war, "w") as z:
        for f in sorted((tmp_path / "war").rglob("*")):
            if f.is_file():
                z.write(f, f.relative_to(tmp_path / "war").as_posix())
    model = ingest(war, jobs=1)
    assert sorted(t.fqn for t in model.types) == [
        "com.acme.client.DocumentService",
        "com.acme.client.bean.DocumentBean",
        "com.acme.server.DocumentServlet",
    ]

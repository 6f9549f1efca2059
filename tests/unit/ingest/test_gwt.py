"""GWT client code is the browser's front end: left out of the decomposition and listed, except
the remote service interfaces and beans the server's code imports."""

import xml.etree.ElementTree as ET
from pathlib import Path

from msadecomp.ingest import ingest
from msadecomp.ingest.gwt import client_files, client_folders
from msadecomp.ingest.java_syntax import JavaFile, parse_java

MODULE = '<?xml version="1.0"?>\n<module rename-to="app"><inherits name="com.google.gwt.user.User"/>{}</module>'

SOURCES = {
    "com/acme/App.gwt.xml": MODULE.format(""),
    "com/acme/client/Main.java": "package com.acme.client; "
    "public class Main { DocumentPanel panel; DocumentServiceAsync service; }",
    "com/acme/client/DocumentPanel.java": "package com.acme.client; "
    "public class DocumentPanel { DocumentBean shown; }",
    "com/acme/client/DocumentService.java": "package com.acme.client; "
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


def test_a_module_names_its_client_folders_below_its_own_and_shared_code_is_no_client() -> None:
    def folders(body: str) -> tuple[str, ...]:
        return client_folders("m/src/org/x/X.gwt.xml", ET.fromstring(f"<module>{body}</module>"))

    assert folders("") == ("m/src/org/x/client/",)
    assert folders('<source path="client"/><source path="shared"/>') == ("m/src/org/x/client/",)
    assert folders('<source path="ui/"/><super-source path="jre"/>') == (
        "m/src/org/x/ui/",
        "m/src/org/x/jre/",
    )
    assert folders('<source path="shared"/>') == ()


def test_client_classes_imported_from_outside_by_name_statically_or_by_package_stay() -> None:
    def java(path: str, text: str) -> JavaFile:
        return parse_java(path, text.encode())

    files = [
        java("c/A.java", "package c; public class A { }"),
        java("c/B.java", "package c; public class B { public static int N; }"),
        java("c/C.java", "package c; public class C { public static class In { } }"),
        java("c/D.java", "package c; public class D { }"),
        java("s/S.java", "package s; import c.A; import static c.B.N; import c.C.In; class S { }"),
    ]
    assert client_files(files, ["c/"]) == {"c/D.java"}
    files.append(java("s/T.java", "package s; import c.*; class T { }"))
    assert client_files(files, ["c/"]) == set()
    assert client_files(files, []) == set()

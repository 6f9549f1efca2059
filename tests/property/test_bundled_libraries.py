"""Telling a bundled library's (or a GWT client's) files from the application's never fails and only ever picks
from what it was given."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from msadecomp.ingest.gwt import client_packages, client_paths
from msadecomp.ingest.vendored import vendored_packages
from msadecomp.ingest.views import library_pages

SEGMENTS = [
    *("static", "js", "app", "ckfinder", "docs", "jquery-1.9", "3.5.12", "x.min.js", "a.html"),
    *("readme.txt", "webapp", "resources", "", ".", "页面", "index.ftl", "p.jsp", "lib"),
]
SEGMENT = st.sampled_from(SEGMENTS)
PATH = st.one_of(st.lists(SEGMENT, max_size=8).map("/".join), st.text(max_size=40))


@given(st.lists(PATH, max_size=30))
def test_library_pages_are_some_of_the_paths_given(paths: list[str]) -> None:
    found = library_pages(paths)
    assert found <= set(paths)
    assert not any(p.endswith((".jsp", ".js", ".txt")) for p in found)


PACKAGE = st.one_of(
    st.lists(st.sampled_from(["org", "apache", "com", "google", "shop", "x", ""]), max_size=5).map(
        ".".join
    ),
    st.text(max_size=30),
)


@given(st.lists(PACKAGE, max_size=30))
def test_copied_packages_are_some_of_the_packages_given(packages: list[str]) -> None:
    found = vendored_packages(iter(packages))
    assert found <= set(packages)


MODULE_PATH = st.one_of(
    st.lists(st.sampled_from(["client", "shared", "ui", "jre", "..", ".", "", "a/b", "份"])).map(
        "/".join
    ),
    st.text(max_size=20),
)


@given(st.lists(st.tuples(st.booleans(), MODULE_PATH), max_size=6))
def test_a_gwt_modules_client_paths_stay_inside_its_package_and_are_never_shared(
    sources: list[tuple[bool, str]],
) -> None:
    root = ET.Element("module")
    for sup, path in sources:
        ET.SubElement(root, "super-source" if sup else "source", path=path)
    sources, supers = client_paths(root)
    for path in (*sources, *supers):
        assert not path.startswith("/") and ".." not in path.split("/")
        assert path.rpartition("/")[2] != "shared"
    assert len(set(sources)) == len(sources) and len(set(supers)) == len(supers)
    found, folders = client_packages([("src/org/x/X.gwt.xml", sources, supers)], ["org.x.a"])
    assert all(p == "org.x" or p.startswith("org.x.") for p in found)
    assert all(f.startswith("/org/x/") and f.endswith("/") for f in folders)

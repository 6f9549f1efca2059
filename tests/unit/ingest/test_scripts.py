"""A page calling a function of the application's own script links to what that function calls."""

from msadecomp.ingest.scripts import follow_scripts, is_own_script
from msadecomp.ingest.spa import read_module
from msadecomp.ingest.views import read_view


def script_functions(data: bytes) -> dict[str, tuple[str, ...]]:
    return read_module(data).requesting()


COMMON_JS = b"""
function login() {
    dojo.xhrPost({ url: 'rest/api/login', load: function(r) { if (r) { show('/x'); } } });
}
var logout = function () { $.get("/rest/api/login/logout"); };
var app = { search: function (q) { return fetch(`/flights/query?q=${q}`); } };
function helper() { return "no/paths/here.css"; }
"""


def test_named_functions_give_the_request_paths_in_their_bodies() -> None:
    assert script_functions(COMMON_JS) == {
        "login": ("/rest/api/login", "/x"),
        "load": ("/x",),  # a callback in an object literal is a named function too
        "logout": ("/rest/api/login/logout",),
        "app": ("/flights/query",),  # an object holding functions requests what they do
        "search": ("/flights/query",),
    }


def test_only_the_applications_own_scripts_under_a_web_folder_are_read() -> None:
    assert is_own_script("src/main/webapp/js/acmeair-common.js", 3_000)
    assert is_own_script("src/main/resources/static/js/order.js", 3_000)
    assert not is_own_script("src/main/webapp/js/jquery-3.6.0.js", 3_000)
    assert not is_own_script("src/main/webapp/js/app.min.js", 3_000)
    assert not is_own_script("src/main/webapp/plugins/layer/layer.js", 3_000)
    assert not is_own_script("src/main/webapp/js/app.js", 5_000_000)  # a bundle
    assert not is_own_script("tools/build.js", 3_000)  # not served to a page


def test_a_page_links_to_what_the_functions_it_calls_call_and_nothing_else() -> None:
    page = read_view(
        "src/main/webapp/index.html",
        b"""<html><script src="js/acmeair-common.js"></script>
        <button onClick="login()">Ok</button><a href="/config.html">config</a></html>""",
    )
    assert {"script:js/acmeair-common.js", "call:login"} <= set(page.links)
    functions = {"src/main/webapp/js/acmeair-common.js": script_functions(COMMON_JS)}
    (linked,) = follow_scripts([page], functions)
    assert linked.links == ("/config.html", "/rest/api/login", "/x")  # not logout, not search


def test_a_page_without_an_own_script_keeps_its_links() -> None:
    page = read_view("webapp/a.html", b'<button onClick="login()">x</button><a href="/b.do">b</a>')
    assert page.links == ("/b.do",)  # no script included: no call links either
    external = read_view(
        "webapp/c.html", b'<script src="https://cdn.example/x.js"></script><a onclick="go()">'
    )
    assert external.links == ()
    assert follow_scripts([page], {}) == [page]


def test_ingest_links_a_page_to_the_resource_its_script_function_calls(tmp_path) -> None:
    from msadecomp import ingest

    java = tmp_path / "src/main/java/air/LoginREST.java"
    java.parent.mkdir(parents=True)
    java.write_text(
        'package air; @javax.ws.rs.Path("/rest/api/login") public class LoginREST {'
        ' @javax.ws.rs.POST public String login() { return "ok"; } }'
    )
    web = tmp_path / "src/main/webapp"
    (web / "js").mkdir(parents=True)
    (web / "js/common.js").write_bytes(COMMON_JS)
    (web / "js/jquery-3.7.1.min.js").write_text("function login(){ x('/not/ours') }")
    (web / "index.html").write_text(
        '<script src="js/common.js"></script><script src="js/jquery-3.7.1.min.js"></script>'
        '<button onclick="login()">Login</button>'
    )
    model = ingest(tmp_path)
    assert dict(model.file_counts)["script"] == 1  # the library is not read
    (page,) = model.pages
    assert page.controllers == ("air.LoginREST",)
    assert "/not/ours" not in page.links


def test_of_two_scripts_of_one_name_the_one_nearest_the_page_is_followed() -> None:
    page = read_view(
        "admin/webapp/cart.html", b'<script src="js/app.js"></script><a onclick="go()">'
    )
    functions = {
        "admin/webapp/js/app.js": {"go": ("/admin/go",)},
        "shop/webapp/js/app.js": {"go": ("/shop/go",)},
    }
    (linked,) = follow_scripts([page], functions)
    assert linked.links == ("/admin/go",)

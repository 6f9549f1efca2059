"""A single-page front end's views reach the server through the modules they import."""

from dataclasses import replace
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from msadecomp.ingest import spa
from msadecomp.ingest.scope import TEST_REASON, Scope
from msadecomp.ingest.scripts import is_own_script
from msadecomp.ingest.spa import follow_imports, read_component, read_module
from msadecomp.ingest.views import is_view, read_view
from msadecomp.model import Diagnostic

USER_API = b"""import request from '@/utils/request'

export function listUser(query) {
  return request({ url: '/system/user/list', method: 'get', params: query })
}
export const getUser = (userId) => request.get('/system/user/' + userId)
export const delUser = async (ids: string): Promise<void> => {
  return request({ url: `/system/user/${ids}`, method: 'delete' })
}
const ResetUrl = '/system/user/resetPwd'
export function resetPwd(data) { return request({ url: ResetUrl, method: 'put', data }) }
export function formatName(user) { return user.first + ' ' + user.last }
"""

USER_VIEW = b"""<template><el-table :data="users"/><pagination @change="load"/></template>
<script>
import { listUser, delUser } from '@/api/system/user'
import Pagination from '@/components/Pagination'
import { ElMessage } from 'element-plus'
import './styles/user.css'
export default { methods: { load() { listUser(this.q) }, upload() { return '/common/upload' } } }
</script>"""


def test_a_modules_functions_give_the_request_paths_they_name_themselves_or_by_constant() -> None:
    module = read_module(USER_API)
    assert dict(module.members) == {
        "listUser": ("/system/user/list",),
        "getUser": ("/system/user/",),  # an appended id: the endpoints under the path
        "delUser": ("/system/user/",),  # a template literal, cut at its placeholder
        "resetPwd": ("/system/user/resetPwd",),
        "ResetUrl": ("/system/user/resetPwd",),  # a constant, importable too
        "formatName": (),  # a helper requesting nothing
    }
    # the default export is called itself (request({...})) and read from (request.get)
    assert module.imports == (("@/utils/request", ("get", "*")),)
    assert "/system/user/resetPwd" in module.paths


def test_import_specifiers_and_asset_names_are_no_request_paths() -> None:
    module = read_module(
        b"import a from './views/a/list'\nimport('@/views/b/edit')\n"
        b"const icon = 'img/logo.png'; const home = 'https://example.org/a/b'; x('/orders/list')\n"
        b"const headers = { 'Content-type': 'application/json' }; get('video/list')\n"
        b"<script type='text/babel'></script>\n"
        b"this.entityUrl = environment.REST_API_URL + 'owners'; label = 'owners'\n"
        + "alert('\uc2dc/\uad70 \ud544\uc218')".encode()  # a message with a slash
    )
    assert module.paths == ("/orders/list", "/owners", "/video/list")  # no media type
    assert ("@/views/b/edit", ("*",)) in module.imports  # a dynamic import takes the module


def test_a_vue_component_reaches_only_the_functions_it_imports() -> None:
    page = read_component("ui/src/views/system/user/index.vue", USER_VIEW)
    modules = {
        "ui/src/api/system/user.js": read_module(USER_API),
        "ui/src/api/system/role.js": read_module(
            b"export function listRole(){ get('/system/role/list') }"
        ),
    }
    component = read_component("ui/src/components/Pagination/index.vue", b"<template/>")
    linked, _ = follow_imports([page, component], modules)
    assert linked.links == (
        "/common/upload",  # named in the component itself
        "/system/user/",
        "/system/user/list",
        "view:ui/src/components/Pagination/index.vue",  # a child component: included
    )


def test_a_default_or_namespace_import_reaches_every_path_of_the_module() -> None:
    page = read_component(
        "web/src/views/Orders.vue", b"<script setup>import * as api from '../api/orders'</script>"
    )
    modules = {
        "web/src/api/orders.ts": read_module(b"export default { list: () => get('/orders') }")
    }
    (linked,) = follow_imports([page], modules)
    assert linked.links == ("/orders",)


def test_a_default_import_read_by_member_reaches_only_those_members() -> None:
    """eGovFrame's React template imports its route table whole (``import URL from
    '@/constants/url'``) and reads ``URL.ADMIN_USAGE``; its fetch helper, ``EgovNet.requestFetch``,
    names no path; the page's own strings are its requests."""
    page = read_component(
        "front/src/pages/admin/usage/EgovAdminUsageEdit.jsx",
        b'import * as EgovNet from "@/api/egovFetch";\nimport { default as URL } from "@/constants/url";\n'
        b"const retrieveMasterBdURL = '/notUsedBbsMaster';\n"
        b"EgovNet.requestFetch(retrieveMasterBdURL, {}, () => navigate(URL.ADMIN_USAGE));",
    )
    modules = {
        "front/src/api/egovFetch.js": read_module(
            b"export function requestFetch(url, options, handler) { return fetch(SERVER + url) }"
        ),
        "front/src/constants/url.js": read_module(
            b'const URL = {\n  MAIN: "/",\n  ADMIN_USAGE: "/admin/usage",\n'
            b'  INFORM_NOTICE: "/inform/notice",\n};\nexport default URL;'
        ),
    }
    (linked,) = follow_imports([page], modules)
    assert linked.links == ("/admin/usage", "/notUsedBbsMaster")


def test_aliases_resolve_from_the_nearest_folder_holding_the_module_absolute_paths_too() -> None:
    for root in ("", "/srv/app/"):
        page = read_component(f"{root}ui/src/views/a.vue", b"import { f } from '@/api/m'")
        modules = {f"{root}ui/src/api/m.js": read_module(b"export function f() { get('/m/f') }")}
        (linked,) = follow_imports([page], modules)
        assert linked.links == ("/m/f",)
        lost = read_component(f"{root}ui/src/views/b.vue", b"import { g } from 'lodash/fp'")
        assert follow_imports([lost], modules) == [replace(lost, links=())]  # no such module


def test_a_component_in_euc_kr_is_read_and_undecodable_bytes_are_reported() -> None:
    korean = "<template><h1>게시판</h1></template><script>get('/bbs/list')</script>"
    diagnostics: list[Diagnostic] = []
    page = read_component("ui/src/views/Bbs.vue", korean.encode("euc-kr"), diagnostics)
    assert page.links == ("/bbs/list",) and diagnostics == []
    read_component("ui/src/views/Bad.vue", b"<p>\x81\x00\xff\xfe</p>\n\x81", diagnostics)
    assert [(d.code, d.source.path) for d in diagnostics] == [
        ("view.lossy-decoding", "ui/src/views/Bad.vue")
    ]


def test_a_name_imported_from_a_barrel_reaches_the_module_re_exporting_it() -> None:
    page = read_component(
        "ui/src/views/a.vue",
        b"import { listUser, listRole, api } from '@/api'\nimport { UserVO } from '@/api/user'",
    )
    modules = {
        "ui/src/api/index.ts": read_module(
            b"export * from './user'\nexport { listRole } from './role'\nexport * as api from './misc'"
        ),
        "ui/src/api/user.ts": read_module(
            b"export interface UserVO { id: string }\n"
            b"export const listUser = (q) => request({ url: '/system/user/list' })\n"
            b"const DeptUrl = '/system/dept/list'\nexport function listDept() { get(DeptUrl) }"
        ),
        "ui/src/api/role.ts": read_module(
            b"export function listRole() { get('/system/role/list') }"
        ),
        "ui/src/api/misc.ts": read_module(b"export function ping() { get('/misc/ping') }"),
    }
    (linked,) = follow_imports([page], modules)
    # an arrow's expression ends before the next statement; a type takes nothing
    assert linked.links == ("/misc/ping", "/system/role/list", "/system/user/list")


def test_at_aliases_name_the_front_ends_src_folder_and_bare_names_are_packages() -> None:
    page = read_component(
        "ui/src/views/user/a.vue",
        b"import { f } from '@/api/m'\nimport axios from 'axios'\nimport { g } from 'app/x/g'",
    )
    modules = {
        "ui/src/views/user/api/m.js": read_module(b"export function f() { get('/wrong/f') }"),
        "ui/src/api/m.js": read_module(b"export function f() { get('/right/f') }"),
        "ui/src/views/user/axios.ts": read_module(
            b"export default { get: () => get('/not/axios') }"
        ),
        "ui/src/app/x/g.ts": read_module(b"export function g() { get(`${BASE}/x/g`) }"),
    }
    (linked,) = follow_imports([page], modules)
    assert linked.links == ("/right/f", "/x/g")  # a leading placeholder is the base


def test_an_angular_template_takes_the_script_of_its_component_in_either_language() -> None:
    for suffix in (".ts", ".js"):
        page = read_view("src/app/a/a.component.html", b"<p></p>")
        modules = {f"src/app/a/a.component{suffix}": read_module(b"x = http.get('/api/a')")}
        (linked,) = follow_imports([page], modules)
        assert linked.links == ("/api/a",)


def test_reading_hostile_modules_stays_linear() -> None:
    """A base64 image in a component, unclosed re-exports and imports that never name their
    module: a quadratic reading of these would run for hours (no timing asserted here;
    ``benchmarks/hostile.py`` prints the figures)."""
    read_component("ui/src/Logo.vue", b"<img src='data:image/png;base64," + b"A" * 300_000 + b"'>")
    read_module(b"export { " * 30_000)
    read_module(b"import type " * 30_000)
    read_module(b"import * as a from 'x'\n" * 5_000 + b"a.f()\n" * 5_000)
    read_module(b"import" + b" " * 200_000)
    read_module(b"public\n" * 100_000)


def test_an_imported_variable_brings_what_its_initialiser_names() -> None:
    page = read_component(
        "ui/src/views/a.vue",
        b"import { uploadPath, userApi, roleApi, list } from '@/api/misc'\n"
        b"import type { UserVO } from '@/api/types'\nimport type Raw from '@/api/types'",
    )
    modules = {
        "ui/src/api/misc.js": read_module(
            b"const uploadPath = process.env.VUE_APP_BASE_API + '/storage/create'\n"
            b"export const userApi = {\n  list: (q) => get('/user/list'),\n  url: '/user/upload',\n}\n"
            b"export const roleApi = createCrud('/system/role')\n"
            b"export const list = () => get('/a/list')\nexport function other() { return get('/b/other') }\n"
            b"export { uploadPath }"
        ),
        "ui/src/api/types.ts": read_module(b"export interface UserVO {}\nget('/never/asked')"),
    }
    (linked,) = follow_imports([page], modules)
    assert linked.links == (
        "/a/list",  # the arrow's body ends with its line: not /b/other
        "/storage/create",
        "/system/role",
        "/user/list",
        "/user/upload",
    )  # type-only imports bring nothing


def test_an_arrow_body_ends_at_its_comma_or_its_line_unless_the_next_line_continues_it() -> None:
    module = read_module(
        b"const api = { list: q => get('/a/list'), url: '/a/upload' }\n"
        b"export const save = (u) => request\n  .post('/a/save')\nreturn get('/b/other')"
    )
    members = dict(module.members)
    assert members["list"] == ("/a/list",) and members["save"] == ("/a/save",)


def test_barrels_reach_their_modules_whole_and_a_local_name_hides_no_re_export() -> None:
    page = read_component(
        "ui/src/views/a.vue",
        b"import * as api from '@/api'\nimport { listUser } from '@/api/local'\nlet x = {...api}",
    )
    modules = {
        "ui/src/api/index.js": read_module(b"export * from './user'\nexport * from './index'"),
        "ui/src/api/user.js": read_module(
            b"export function listUser() { get('/system/user/list') }"
        ),
        "ui/src/api/local.js": read_module(
            b"export { listUser } from './user'\nfunction g(res) { const listUser = res.data }"
        ),
    }
    (linked,) = follow_imports([page], modules)  # the self-loop of index.js ends
    assert linked.links == ("/system/user/list",)
    cycle = {
        "ui/src/api/a.js": read_module(b"export * from './b'\nget('/a/x')"),
        "ui/src/api/b.js": read_module(b"export * from './a'\nget('/b/x')"),
    }
    asking = read_component("ui/src/views/c.vue", b"import { missing } from '@/api/a'")
    (linked,) = follow_imports([asking], cycle)  # re-exports followed MAX_HOPS deep, no further
    assert linked.links == ("/a/x", "/b/x")


def test_at_aliases_fall_back_without_a_src_folder_and_imports_stay_in_their_archive() -> None:
    page = read_component("web/pages/users.vue", b"import { f } from '~/api/user'")
    modules = {"web/api/user.js": read_module(b"export function f() { get('/nuxt/f') }")}
    assert follow_imports([page], modules)[0].links == ("/nuxt/f",)
    inside = read_component("x.war!/src/views/a.vue", b"import { f } from '../../../api/user'")
    modules = {"api/user.js": read_module(b"export function f() { get('/out/f') }")}
    assert follow_imports([inside], modules)[0].links == ()


def test_a_component_handed_out_by_a_barrel_is_included_by_the_page_importing_it() -> None:
    page = read_component("ui/src/views/a.vue", b"import { Pagination } from '@/components'")
    pagination = read_component("ui/src/components/Pagination.vue", b"<template/>")
    modules = {
        "ui/src/components/index.js": read_module(
            b"export { default as Pagination } from './Pagination.vue'\n"
            b"export { default as Other } from './Other.vue'"
        )
    }
    other = read_component("ui/src/components/Other.vue", b"<template/>")
    linked, _, _ = follow_imports([page, pagination, other], modules)
    assert linked.links == ("view:ui/src/components/Pagination.vue",)


def test_a_component_handed_out_by_a_barrel_of_barrels_is_included_too() -> None:
    page = read_component(
        "ui/src/views/a.vue",
        b"import { Grid, Pager } from '@/components'\nimport * as all from '@/forms'",
    )
    names = ("tables/Grid.vue", "tables/Other.vue", "pager/Pager.vue", "forms/Field.vue")
    components = [read_component(f"ui/src/components/{n}", b"<template/>") for n in names]
    modules = {
        "ui/src/components/index.js": read_module(
            b"export * from './tables'\nexport { Paging as Pager } from './pager/index.js'"
        ),
        "ui/src/components/tables/index.js": read_module(
            b"export { default as Grid } from './Grid.vue'\n"
            b"export { default as Other } from './Other.vue'"
        ),
        "ui/src/components/pager/index.js": read_module(
            b"export { default as Paging } from './Pager.vue'"
        ),
        "ui/src/forms/index.js": read_module(b"export * from '../components/forms'"),
        "ui/src/components/forms/index.js": read_module(
            b"export { default as Field } from './Field.vue'"
        ),
    }
    linked = follow_imports([page, *components], modules)[0]
    assert linked.links == (
        "view:ui/src/components/forms/Field.vue",
        "view:ui/src/components/pager/Pager.vue",
        "view:ui/src/components/tables/Grid.vue",
    )


def test_an_angular_template_reaches_the_services_its_component_class_imports() -> None:
    app = "src/main/webapp/app/entities/bank-account"
    page = read_view(f"{app}/list/bank-account.component.html", b"<table></table>")
    modules = {
        f"{app}/list/bank-account.component.ts": read_module(
            b"import { Component, inject } from '@angular/core';\n"
            b"import { BankAccountService } from '../service/bank-account.service';\n"
            b"export class BankAccountComponent { service = inject(BankAccountService); }"
        ),
        f"{app}/service/bank-account.service.ts": read_module(
            b"import { ApplicationConfigService } from 'app/core/config/application-config.service';\n"
            b"export class BankAccountService {\n"
            b"  resourceUrl = this.config.getEndpointFor('api/bank-accounts');\n"
            b"  query(req?: any): Observable<X> { return this.http.get(this.resourceUrl); }\n}"
        ),
        "src/main/webapp/app/core/config/application-config.service.ts": read_module(
            b"export class ApplicationConfigService { getEndpointFor(api: string) { return api } }"
        ),
    }
    (linked,) = follow_imports([page], modules)
    assert linked.links == ("/api/bank-accounts",)


CATALOG = b"""import { Component, inject } from '@angular/core';
import { CatalogApiService } from './catalog-api.service';
@Component({
  selector: 'app-product-list',
  styles: [`a { color: red }`],
  template: `
    @for (p of products(); track p.id) {
      <a [routerLink]="['/catalog', p.id]" href="/catalog/list">{{ p.name }}</a>
    }
  `
})
export class ProductListComponent { api = inject(CatalogApiService); }
"""


def test_an_angular_component_with_its_template_inline_is_a_page_at_its_own_path() -> None:
    path = "ui/src/app/catalog/product-list.component.ts"
    page = spa.inline_template(path, CATALOG)
    assert page is not None and page.path == path and "/catalog/list" in page.links
    modules = {
        path: read_module(CATALOG),
        "ui/src/app/catalog/catalog-api.service.ts": read_module(
            b"export class CatalogApiService { list() { return this.http.get('/api/products') } }"
        ),
    }
    (linked,) = follow_imports([page], modules)
    assert "/api/products" in linked.links  # what its own class requests
    quoted = b"@Component({ selector: 'x', template: '<a href=\"/home\">home</a>' }) class X {}"
    assert spa.inline_template("ui/src/app/x.component.ts", quoted).links == ("/home",)
    separate = b"@Component({ selector: 'x', templateUrl: './x.component.html' }) class X {}"
    assert spa.inline_template("ui/src/app/x.component.ts", separate) is None
    assert spa.inline_template("ui/src/app/a.service.ts", b"const template = `<a>`") is None


def test_front_end_modules_are_read_below_src_and_front_end_tests_are_not() -> None:
    assert is_own_script("ruoyi-ui/src/api/system/user.js", 2_000)
    assert is_own_script("src/main/webapp/app/entities/a/a.service.ts", 2_000)
    assert not is_own_script("ui/src/types/global.d.ts", 2_000)
    assert not is_own_script("ui/dist/assets/index.4f2a.js", 2_000)
    assert not is_own_script("ui/vite.config.ts", 2_000)
    assert not is_own_script("ui/src/vendor/Export2Excel.js", 2_000)
    assert is_own_script("angular/src/app/owners/owner.service.ts", 2_000)  # a project name
    assert is_view("frontend/src/app/user/user-list.component.html")  # an Angular template
    assert not is_view("frontend/src/assets/help.html")  # static markup of the front end
    scope = Scope()
    assert scope.reason("src/main/webapp/app/a/a.component.spec.ts") == TEST_REASON
    assert scope.reason("ui/src/__tests__/user.js") == TEST_REASON
    assert scope.reason("ui/src/api/user.js") is None
    assert scope.reason("ui/cypress/e2e/login.cy.ts") == TEST_REASON
    assert scope.reason("src/main/java/com/acme/cypress/OrderService.java") is None  # a package
    assert scope.reason("angular/src/app/testing/router-stubs.ts") == TEST_REASON


def test_client_side_routes_are_no_requests() -> None:
    vue = b"""<template>
  <router-link to="/login">in</router-link><router-link :to="'/user'">me</router-link>
  <van-tabbar-item @click="go"/></template>
<script>
import { goodsList } from '@/api/api'
const routes = [{ path: '/dashboard', redirect: '/home' }]
export default { methods: {
  go() { this.$router.push('/order'); uni.navigateTo({ url: '/pages/prod/prod' }) },
  load() { return request({ url: '/wx/goods/list' }) } } }
</script>"""
    page = read_component("ui/src/views/a.vue", vue)
    assert [link for link in page.links if not link.startswith("import:")] == ["/wx/goods/list"]
    jsx = b"<Route path='/r' element={<A/>}/>; <Link to={'/l'}/>; navigate('/n'); fetch('/api/x')"
    assert spa.request_paths(jsx.decode()) == {"/api/x"}
    classic = "location.replace('/logout.do'); links.push('/board/list.do')"  # server pages
    assert spa.request_paths(classic) == {"/logout.do", "/board/list.do"}
    scripts = (  # variables and options named path or to are requests still
        "const path = '/api/users'; var to='/user/save';"
        " request({ path: '/file/upload', method: 'post' })"
    )
    assert spa.request_paths(scripts) == {"/api/users", "/user/save", "/file/upload"}
    angular = "this.router.navigate(['/welcome']); this.router.navigateByUrl('/owners')"
    menu = "tabs: [{ name: 'home', icon: 'home-o', path: '/user' }]"
    routes = "[{ path: '/orders', element: <Orders/> }, { path: 'admin', loadChildren: () => x }]"
    assert spa.request_paths(angular) == spa.request_paths(menu) == set()
    assert spa.request_paths(routes) == set()
    nested = "request({ path: '/user/search', method: 'get', params: { name: keyword } })"
    assert spa.request_paths(nested) == {"/user/search"}  # a nested object's keys are not its
    locations = (
        "this.$router.push({ path: '/coupon/detail', query: { id } }); :to=\"{ path: '/o' }\""
    )
    umi = "[{ path: '/user', layout: false, routes: [{ name: 'login', path: '/user/login' }] }]"
    assert spa.request_paths(locations) == spa.request_paths(umi) == set()
    assert spa._bound("assetApi, { type Vo, list as all }") == {"assetApi": "*", "all": "list"}


def test_re_exports_that_cycle_or_repeat_are_followed_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Two barrels of 400 lines each re-exporting the other had taken minutes: 3.7 million
    resolutions for 40 lines each."""
    modules = {
        "ui/src/a.js": read_module(b"export * from './b';\n" * 400),
        "ui/src/b.js": read_module(b"export * from './a';\n" * 400 + b"export * from './c'"),
        "ui/src/c.js": read_module(b"export function Foo() { get('/foo') }"),
    }
    page = read_component("ui/src/views/P.vue", b"import { Foo, Bar } from '../a'")
    calls = []
    resolve = spa._Resolver.resolve
    monkeypatch.setattr(
        spa._Resolver, "resolve", lambda self, *a: calls.append(a) or resolve(self, *a)
    )
    (linked,) = follow_imports([page], modules)
    assert linked.links == ("/foo",)
    assert len(calls) < 100  # each re-export looked at once per name, not once per path


def test_a_required_module_brings_the_members_read_of_it_only() -> None:
    """litemall-wx: an unused ``require`` of config/api.js, or a member api.js lacks, had
    linked a page to every controller of the mini program."""
    api = read_module(
        b"var Root = 'http://localhost:8080/wx/';\n"
        b"// var Root = 'https://shop.example.com/';\n"
        b"module.exports = {\n  GoodsList: Root + 'goods/list',\n  Cart: Root + 'cart/index',\n};"
    )
    modules = {"wx/config/api.js": api}
    page = read_component(
        "wx/src/views/a.vue",
        b"var api = require('../../config/api.js');\nvar unused = require('../../config/api.js');"
        b"\nutil.request(api.GoodsList); util.request(api.GoodsFilter)",
    )
    (linked,) = follow_imports([page], modules)
    assert linked.links == ("/wx/goods/list",)  # under its one live base, not the comment's
    wrapped = read_module(  # a value on the next line, another statement after it
        b"var Root =\n  'http://h/wx/'; var x = 1;\nmodule.exports = {\n  L: Root + 'a/b',\n};"
    )
    assert dict(wrapped.members)["L"] == ("/wx/a/b",)
    rebound = read_module(
        b"function users() { var url = '/user/'; $.get(url + 'list') }\n"
        b"function orders() { var url = '/order/'; $.get(url + 'list') }"
    )
    assert "/order/list" not in dict(rebound.members)["users"]  # bound twice: no base


@given(st.text(max_size=3_000))
def test_any_text_read_as_a_module_gives_paths_without_error(text: str) -> None:
    module = read_module(text.encode("utf-8", "surrogatepass"))
    assert all(p.startswith("/") for _, paths in module.members for p in paths)
    assert all(p.startswith("/") for p in module.paths)


def test_function_bodies_without_end_are_read_within_a_budget() -> None:
    """Every body runs to the end of the text: bodies are read up to MAX_SCANNED characters,
    the module's own paths in full."""
    data = b"export function f(a) { x('/a/b'); " * 20_000 + b"function g() { y('/c/d') }"
    assert 20_000 * spa.MAX_BODY > spa.MAX_SCANNED
    module = read_module(data)
    assert dict(module.members) == {"f": ("/a/b",), "g": ()}  # g's body lies beyond it
    assert module.paths == ("/a/b", "/c/d")


def _rest_controller(root: Path, fqn: str, base: str, *paths: str) -> None:
    """A Spring REST controller under ``root/server``: ``base`` mapped on the class, a GET
    method for each of ``paths``."""
    package, _, name = fqn.rpartition(".")
    java = root / "server/src/main/java" / package.replace(".", "/") / f"{name}.java"
    java.parent.mkdir(parents=True, exist_ok=True)
    web = "org.springframework.web.bind.annotation"
    methods = "".join(
        f' @{web}.GetMapping("{path}") public String m{i}() {{ return "index"; }}'
        for i, path in enumerate(paths)
    )
    mapping = f' @{web}.RequestMapping("{base}")' if base else ""
    java.write_text(
        f"package {package}; @{web}.RestController{mapping} public class {name} {{{methods} }}"
    )


def test_ingest_places_a_vue_view_with_the_controller_its_api_function_calls(tmp_path) -> None:
    from msadecomp import ingest

    _rest_controller(tmp_path, "shop.UserController", "/system/user", "/list")
    ui = tmp_path / "ui/src"
    (ui / "api/system").mkdir(parents=True)
    (ui / "views/system/user").mkdir(parents=True)
    (ui / "api/system/user.js").write_bytes(USER_API)
    (ui / "views/system/user/index.vue").write_bytes(USER_VIEW)
    (ui / "views/system/user/index.spec.ts").write_text("it('lists', () => get('/x/y'))")
    model = ingest(tmp_path)
    (page,) = model.pages
    assert page.path == "ui/src/views/system/user/index.vue"
    assert page.controllers == ("shop.UserController",)
    assert ("ui/src/views/system/user/index.spec.ts", TEST_REASON) in model.excluded


def test_ingest_counts_an_inline_template_as_a_view_rendered_by_its_controller(tmp_path) -> None:
    from msadecomp import ingest

    _rest_controller(tmp_path, "p.CatalogController", "", "/api/products")
    app = tmp_path / "ui/src/app/catalog"
    app.mkdir(parents=True)
    (app / "product-list.component.ts").write_bytes(CATALOG)
    (app / "catalog-api.service.ts").write_text(
        "export class CatalogApiService { list() { return this.http.get('/api/products') } }"
    )
    model = ingest(tmp_path)
    (page,) = model.pages
    assert page.path.endswith("product-list.component.ts")
    assert page.controllers == ("p.CatalogController",)
    counts = dict(model.file_counts)
    assert counts["view"] == 1 and counts["script"] == 1


def test_a_template_of_angulars_newer_naming_is_a_view_beside_its_component(tmp_path) -> None:
    from msadecomp import ingest

    app = tmp_path / "ui/src/app/orders"
    app.mkdir(parents=True)
    (app / "order-list.ts").write_text(
        "import { OrderService } from './order.service';\n"
        "@Component({ selector: 'x', templateUrl: './order-list.html' })\n"
        "export class OrderList { orders = inject(OrderService); }"
    )
    (app / "order-list.html").write_text('<a routerLink="/orders/new">new</a>')
    (app / "order.service.ts").write_text(
        "export class OrderService { list() { return this.http.get('/api/orders') } }"
    )
    (app / "readme.html").write_text("<p>no component of this name</p>")
    model = ingest(tmp_path)
    (page,) = model.pages
    assert page.path.endswith("orders/order-list.html")
    assert page.links == ("/api/orders",)  # what its component requests


def test_a_mini_programs_pages_reach_the_server_through_their_scripts(tmp_path) -> None:
    """litemall-wx: ``pages/goods/goods.wxml`` beside ``goods.js``, which requires
    ``config/api.js`` (``GoodsDetail: WxApiRoot + 'goods/detail'``) and reads one member."""
    from msadecomp import ingest

    _rest_controller(tmp_path, "p.WxGoodsController", "/wx/goods", "/detail", "/list")
    _rest_controller(tmp_path, "p.AdminGoodsController", "/admin/goods", "/detail", "/list")
    wx = tmp_path / "shop-wx"
    for folder in ("pages/goods", "pages/index", "config", "lib/vant-weapp/button", "vant/rate"):
        (wx / folder).mkdir(parents=True)
    (wx / "app.json").write_text('{"pages": ["pages/goods/goods", "pages/index/index"]}')
    (wx / "project.config.json").write_text("{}")
    (wx / "config/api.js").write_text(
        "var WxApiRoot = 'http://localhost:8080/wx/';\nmodule.exports = {\n"
        "  GoodsDetail: WxApiRoot + 'goods/detail',\n  GoodsList: WxApiRoot + 'goods/list',\n};"
    )
    (wx / "pages/goods/goods.wxml").write_text(
        '<navigator url="/pages/index/index">home</navigator>'
    )
    (wx / "pages/goods/goods.js").write_text(
        "var api = require('../../config/api.js');\n"
        "Page({ onLoad() { util.request(api.GoodsDetail); },\n"
        "  home() { var url = '/pages/index/index?from=goods'; wx.navigateTo({ url: url }) } })"
    )
    (wx / "pages/index/index.wxml").write_text("<view/>")
    (wx / "pages/index/index.js").write_text("Page({})")
    (wx / "lib/vant-weapp/button/index.wxml").write_text("<button/>")  # a widget library
    (wx / "vant/rate/index.wxml").write_text("<view/>")  # neither pages nor components
    model = ingest(tmp_path)
    pages = {p.path: p for p in model.pages}
    assert sorted(pages) == ["shop-wx/pages/goods/goods.wxml", "shop-wx/pages/index/index.wxml"]
    goods = pages["shop-wx/pages/goods/goods.wxml"]
    assert goods.links == ("/wx/goods/detail",)  # one member of api.js, under its base
    assert goods.controllers == ("p.WxGoodsController",)  # no route of its own


def test_mini_program_scripts_are_read_only_under_a_mini_programs_root() -> None:
    from msadecomp.ingest.scripts import is_mini_program_script, mini_program_roots

    roots = mini_program_roots(
        ["a-wx/app.json", "a-wx/project.config.json", "docs/app.json", "b/project.config.json"]
    )
    assert roots == {"a-wx/"}
    assert is_mini_program_script("a-wx/pages/goods/goods.js", 100, roots)
    assert is_mini_program_script("a-wx/config/api.ts", 100, roots)
    assert not is_mini_program_script("a-wx/lib/wxParse/wxParse.js", 100, roots)
    assert not is_mini_program_script("a-wx/miniprogram_npm/x/index.js", 100, roots)
    assert not is_mini_program_script("docs/x.js", 100, roots)
    assert not is_mini_program_script("a-wx/pages/big.js", 10**7, roots)


def test_a_function_requests_what_it_uses_of_other_modules() -> None:
    """litemall-wx's login page calls ``user.loginByWeixin()``, whose body requests
    ``api.AuthLoginByWeixin`` of the api module user.js requires."""
    modules = {
        "wx/config/api.js": read_module(
            b"var Root = 'http://h/wx/';\nmodule.exports = {\n"
            b"  AuthLoginByWeixin: Root + 'auth/login_by_weixin',\n  Other: Root + 'x/y',\n};"
        ),
        "wx/utils/user.js": read_module(
            b"var api = require('../config/api.js');\n"
            b"function loginByWeixin() { return util.request(api.AuthLoginByWeixin); }\n"
            b"function unrelated() { return 1; }\nmodule.exports = { loginByWeixin, unrelated };"
        ),
        "ui/src/api/user.js": read_module(b"export function listUser() { get('/system/user') }"),
        "ui/src/store/user.js": read_module(
            b"import { listUser as all } from '@/api/user'\n"
            b"export function fetchUsers() { return all() }"
        ),
    }
    login = read_component(
        "wx/src/views/login.vue",
        b"var user = require('../../utils/user.js');\nuser.loginByWeixin().then(go)",
    )
    users = read_component("ui/src/views/users.vue", b"import { fetchUsers } from '@/store/user'")
    linked = follow_imports([login, users], modules)
    assert [p.links for p in linked] == [("/wx/auth/login_by_weixin",), ("/system/user",)]


def test_a_generic_function_keeps_its_body_past_an_arrow_in_its_parameters() -> None:
    """``load<T extends (a: X) => Y>(id, pick = (h) => h)``: the parameter list is the one
    after the type parameters, so the default arrow is no function of its own that would cut
    ``load``'s body short."""
    module = read_module(
        b"export function load<T extends (a: X) => Y>(id: T, pick = (h) => h) {\n"
        b"  return request.get('/menu/' + id)\n}\n"
    )
    assert module.members == (("load", ("/menu/",)),)
    for head in (  # arrows inside the type parameters close no angle bracket
        b"load<T extends (a: X) => (b: Y) => Z>(id: T, pick = (h) => h)",
        b"load<F extends (a: X) => Y = (a: X) => Y>(id: F, pick = (h) => h)",
    ):
        module = read_module(
            b"export function " + head + b" {\n  return request.get('/menu/')\n}\n"
        )
        assert module.members == (("load", ("/menu/",)),), head


def test_a_store_of_functions_and_a_default_parameter_keep_their_requests() -> None:
    """A Pinia setup store calls the API functions it imports; ``opts = {}`` is no body."""
    modules = {
        "ui/src/api/auth.js": read_module(
            b"export function loginApi(u) { return request.post('/auth/login', u) }\n"
            b"export function remove(id, opts = {}) { return request.delete('/auth/x/' + id) }"
        ),
        "ui/src/store/user.js": read_module(
            b"import { loginApi } from '@/api/auth'\n"
            b"export const useUserStore = defineStore('user', () => {\n"
            b"  const login = async (u) => { await loginApi(u) }\n  return { login }\n})"
        ),
    }
    assert dict(modules["ui/src/api/auth.js"].members)["remove"] == ("/auth/x/",)
    page = read_component(
        "ui/src/views/login.vue",
        b"import { useUserStore } from '@/store/user'\nconst s = useUserStore()\ns.login(form)",
    )
    assert follow_imports([page], modules)[0].links == ("/auth/login",)
    shadow = read_module(
        b"import { list } from '@/api/menu'\n"
        b"export function flatten(routes) { const list = []; routes.forEach(r => list.push(r)) }"
    )
    assert shadow.calls == ()  # its own list, not the imported one
    parameter = read_module(
        b"import api from '@/api/menu'\nimport { list } from '@/api/role'\n"
        b"export function show(api, { list }) { api.get(); list() }\n"
        b"export const load = q => q.fetch()\nexport function menus() { return api.tree() }"
    )
    assert parameter.calls == (("menus", "@/api/menu", "tree"),)  # parameters are their own
    arrow = read_module(b"import api from '@/api/menu'\nexport const show = (api) => api.x()")
    assert arrow.calls == ()  # a const arrow's parameter too
    default = read_module(  # an arrow among the defaults is no function of its own
        b"import api from '@/api/menu'\n"
        b"export function f(x, g = (h) => h) { return api.tree(request.get('/a/b')) }"
    )
    assert default.calls == (("f", "@/api/menu", "tree"),)
    assert dict(default.members)["f"] == ("/a/b",)
    not_parameters = [  # keys, types, defaults and comments bind nothing
        b"export function f({ get: g }) { return get() }",
        b"export function f(q: { get: number }) { return get(q) }",
        b"export function f(x = wrap(get)) { return get() }",
        b"export function f(a /*, get */) { return get() }",
        b"export function f<T extends (get: X) => void>(cb: T) { return get() }",
    ]
    for code in not_parameters:
        assert read_module(b"import { get } from '@/api/menu'\n" + code).calls == (
            ("f", "@/api/menu", "get"),
        ), code

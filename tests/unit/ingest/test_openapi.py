"""An API-first back end's endpoints come from its OpenAPI specification."""

from hypothesis import given
from hypothesis import strategies as st

from msadecomp.ingest.openapi import is_spec, read_spec, spec_endpoints
from msadecomp.model import Diagnostic, Endpoint, JavaType, SourceRef, TypeKind

PETCLINIC = b"""openapi: 3.0.1
info: {title: Spring PetClinic, version: '1.0'}
servers:
  - url: http://localhost:9966/petclinic/api
paths:
  /owners:
    get:
      tags: [owners]
      operationId: listOwners
    post:
      tags: [owners]
      operationId: addOwner
  /owners/{ownerId}:
    parameters: [{name: ownerId, in: path}]
    get: {tags: [owners], operationId: getOwner}
  /pettypes:
    get: {tags: [pettypes], operationId: listPetTypes}
  /vets:
    get: {tags: [vets]}
"""

SWAGGER = b"""{"swagger": "2.0", "basePath": "/v2",
 "paths": {"/store/order": {"post": {"operationId": "placeOrder", "tags": ["store"]}}}}"""


def _controller(fqn: str, *methods: str) -> JavaType:
    return JavaType(fqn, TypeKind.CLASS, SourceRef("x"), stereotype="controller", methods=methods)


def test_operations_with_their_server_path_method_id_and_tags() -> None:
    ops = read_spec("rest/src/main/resources/openapi.yml", PETCLINIC, [])
    assert [(o.path, o.method, o.operation_id, o.tags) for o in ops] == [
        ("/petclinic/api/owners", "GET", "listOwners", ("owners",)),
        ("/petclinic/api/owners", "POST", "addOwner", ("owners",)),
        ("/petclinic/api/owners/{ownerId}", "GET", "getOwner", ("owners",)),
        ("/petclinic/api/pettypes", "GET", "listPetTypes", ("pettypes",)),
    ]  # an operation without an id names no handler
    (order,) = read_spec("swagger.json", SWAGGER, [])
    assert (order.path, order.method, order.operation_id) == (
        "/v2/store/order",
        "POST",
        "placeOrder",
    )


def test_only_files_named_and_marked_as_specifications_are_read() -> None:
    assert is_spec("src/main/resources/openapi.yml") and is_spec("api/swagger-v2.json")
    assert not is_spec("src/main/resources/application.yml") and not is_spec("package.json")
    assert read_spec("openapi.yml", b"spring:\n  application: x\n", []) == []  # no mark


def test_an_unreadable_or_oversized_specification_is_a_diagnostic_with_its_line() -> None:
    diagnostics: list[Diagnostic] = []
    assert (
        read_spec("openapi.yaml", b"openapi: 3.0.1\npaths:\n  /a: [unclosed\n", diagnostics) == []
    )
    (broken,) = diagnostics
    assert broken.code == "openapi.unreadable" and broken.source.line == 4
    big = b"openapi: 3.0.1\n" + b"#" * (5 * 1024 * 1024)
    assert read_spec("openapi.yml", big, diagnostics) == []
    assert "not read" in diagnostics[-1].message


def test_an_operation_goes_to_the_one_web_class_declaring_it_or_the_one_its_tag_names() -> None:
    ops = read_spec("openapi.yml", PETCLINIC, [])
    types = [
        _controller("p.OwnerRestController", "listOwners", "addOwner", "getOwner"),
        _controller("p.PetTypeRestController", "listPetTypes", "listOwners"),
        JavaType("p.OwnerService", TypeKind.CLASS, SourceRef("x"), methods=("getOwner",)),
    ]
    mapped = [Endpoint("/owners", "POST", "p.OwnerRestController#addOwner", SourceRef("y"))]
    got = {(e.path, e.http_method, e.handler) for e in spec_endpoints(ops, types, mapped)}
    assert got == {
        ("/petclinic/api/owners", "GET", "p.OwnerRestController#listOwners"),  # the tag decides
        ("/petclinic/api/owners/{ownerId}", "GET", "p.OwnerRestController#getOwner"),  # no service
        ("/petclinic/api/pettypes", "GET", "p.PetTypeRestController#listPetTypes"),
    }  # addOwner maps a path of its own already


def test_only_classes_implementing_a_generated_interface_take_operations() -> None:
    ops = read_spec("openapi.yml", PETCLINIC, [])
    types = [
        _controller("p.OwnerController", "listOwners", "getOwner"),  # a same-named method only
        JavaType(
            "p.PetTypesApiDelegateImpl",
            TypeKind.CLASS,
            SourceRef("x"),
            stereotype="service",
            methods=("listPetTypes",),
        ),
    ]
    supers = {
        "p.OwnerController": {"BaseController"},
        "p.PetTypesApiDelegateImpl": {"PetTypesApiDelegate"},
    }
    got = [(e.path, e.handler) for e in spec_endpoints(ops, types, (), supers)]
    assert got == [("/petclinic/api/pettypes", "p.PetTypesApiDelegateImpl#listPetTypes")]
    supers["p.OwnerController"].add("OwnersApi")
    got = [e.handler for e in spec_endpoints(ops, types, (), supers)]
    assert got[:2] == ["p.OwnerController#listOwners", "p.OwnerController#getOwner"]


def test_hostile_yaml_is_read_as_text_or_a_diagnostic_never_an_error() -> None:
    diagnostics: list[Diagnostic] = []
    huge_float = b"openapi: 3.0.0\nx: 1" + b":1" * 200 + b".5\npaths: {}\n"  # overflowed
    base_60 = b"openapi: 3.0.0\nx: 1" + b":1" * 400_000 + b"\npaths: {}\n"  # took minutes
    merges = b"openapi: 3.0.0\na0: &a0 {k: 1}\n" + b"".join(
        b"a%d: &a%d {<<: [*a%d, *a%d]}\n" % (i, i, i - 1, i - 1) for i in range(1, 40)
    )  # doubled at each level on PyYAML 6.0.2
    for data in (
        huge_float,
        base_60,
        merges,
        b"openapi: 3.0.0\n!!python/object/apply:os.system [ls]",
    ):
        read_spec("openapi.yml", data, diagnostics)
    assert [d.code for d in diagnostics] == ["openapi.unreadable"]  # the object tag only


def test_server_variables_a_bom_and_minified_json_are_understood() -> None:
    spec = (
        b"\xef\xbb\xbfopenapi: 3.0.0\nservers:\n  - url: '{scheme}://example.com/{basePath}/'\n"
        b"    variables: {basePath: {default: v1}}\npaths:\n  /x: {get: {operationId: x}}\n"
        b"  /: {get: {operationId: root}}\n"
    )
    assert [o.path for o in read_spec("openapi.yaml", spec, [])] == ["/v1/x", "/v1"]
    minified = b'{"info":{},"openapi":"3.0.0","servers":[{"url":"api"}],"paths":{"/x":{"get":{"operationId":"x"}}}}'
    assert [o.path for o in read_spec("openapi.json", minified, [])] == ["/api/x"]


def test_interfaces_mapped_operations_and_copies_give_no_second_endpoint() -> None:
    ops = read_spec("openapi.yml", PETCLINIC, []) * 2  # the spec copied to static/ too
    types = [
        JavaType(
            "p.OwnersApi",
            TypeKind.INTERFACE,
            SourceRef("x"),
            stereotype="controller",
            methods=("listOwners",),
        ),
        _controller("p.OwnerRestController", "listOwners", "getOwner"),
        _controller("p.PetController", "listPetTypes"),
        _controller("p.PetTypeController", "listPetTypes"),
    ]
    known = [Endpoint("/owners", "GET", "p.OwnersApi#listOwners", SourceRef("y"))]
    got = sorted((e.path, e.handler) for e in spec_endpoints(ops, types, known))
    assert got == [
        ("/petclinic/api/owners/{ownerId}", "p.OwnerRestController#getOwner"),
        ("/petclinic/api/pettypes", "p.PetTypeController#listPetTypes"),  # tag pettypes: exact
    ]


@given(st.binary(max_size=2_000))
def test_any_bytes_read_as_a_specification_give_operations_or_a_diagnostic(data: bytes) -> None:
    diagnostics: list[Diagnostic] = []
    for op in read_spec("openapi.yml", b"openapi: 3.0.0\n" + data, diagnostics):
        assert op.path.startswith("/")


def test_ingest_maps_the_generated_interfaces_paths_to_the_implementing_controller(
    tmp_path,
) -> None:
    from msadecomp import ingest

    java = tmp_path / "rest/src/main/java/p/OwnerRestController.java"
    java.parent.mkdir(parents=True)
    java.write_text(
        "package p; @org.springframework.web.bind.annotation.RestController"
        " public class OwnerRestController implements OwnersApi {"
        " @Override public String listOwners() { return null; } }"
    )
    (tmp_path / "rest/src/main/resources").mkdir(parents=True)
    (tmp_path / "rest/src/main/resources/openapi.yml").write_bytes(PETCLINIC)
    ui = tmp_path / "ui/src/app/owners"
    ui.mkdir(parents=True)
    (ui / "owner.service.ts").write_text(
        "export class OwnerService { url = environment.REST_API_URL + 'owners'; }"
    )
    (ui / "owner-list.component.ts").write_text(
        "import { OwnerService } from './owner.service';\nexport class OwnerListComponent {}"
    )
    (ui / "owner-list.component.html").write_text("<table></table>")
    client = tmp_path / "rest/src/main/java/p/PayController.java"
    client.write_text(  # calls a payment API whose specification lies beside ours
        "package p; @org.springframework.stereotype.Controller public class PayController {"
        " public String createPayment() { return null; } }"
    )
    (tmp_path / "rest/src/main/resources/openapi-payment.yml").write_bytes(
        b"openapi: 3.0.1\npaths:\n  /payments:\n    post: {operationId: createPayment}\n"
    )
    model = ingest(tmp_path)
    assert [(e.path, e.handler) for e in model.endpoints] == [
        ("/petclinic/api/owners", "p.OwnerRestController#listOwners")
    ]
    (page,) = model.pages
    assert page.controllers == ("p.OwnerRestController",)

"""A layer-first Spring + MyBatis shop (packages by layer, not by feature), generated here:
each feature's entity, mapper, service and controller end up in one service of their own."""

from pathlib import Path

import msadecomp

BASE = "org.mybatis.shop"  # "mybatis" names the organisation here, not a layer
FEATURES = {"Account": (), "Catalog": (), "Cart": ("Catalog",), "Order": ("Account", "Cart")}


def write(root: Path, package: str, name: str, body: str) -> None:
    folder = root / "src/main/java" / package.replace(".", "/")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.java").write_text(f"package {package};\n{body}\n")


def shop(root: Path) -> None:
    for f, uses in FEATURES.items():
        low = f.lower()
        fields = "".join(f"private {u} {u.lower()};" for u in uses)
        write(root, f"{BASE}.domain", f, f"public class {f} {{ private String id; {fields} }}")
        write(
            root,
            f"{BASE}.mapper",
            f"{f}Mapper",
            f"import {BASE}.domain.{f};\npublic interface {f}Mapper {{ {f} get{f}(String id); "
            f"void insert{f}({f} x); }}",
        )
        calls = "".join(f"@Autowired private {u}Service {u.lower()}Service;" for u in uses)
        write(
            root,
            f"{BASE}.service",
            f"{f}Service",
            f"import {BASE}.domain.*;\nimport {BASE}.mapper.*;\n@Service public class {f}Service "
            f"{{ @Autowired private {f}Mapper {low}Mapper; {calls}\n"
            f"public {f} get{f}(String id) {{ return {low}Mapper.get{f}(id); }}\n"
            f"public void save{f}({f} x) {{ {low}Mapper.insert{f}(x); }} }}",
        )
        write(
            root,
            f"{BASE}.web",
            f"{f}Controller",
            f"import {BASE}.domain.*;\nimport {BASE}.service.*;\n@Controller "
            f'@RequestMapping("/{low}") public class {f}Controller {{ @Autowired private '
            f"{f}Service {low}Service;\n"
            f'@GetMapping("/view") public String view(String id) {{ {f} x = '
            f'{low}Service.get{f}(id); return "{low}/View{f}"; }} }}',
        )


def test_each_feature_of_a_layer_first_app_is_one_service(tmp_path: Path) -> None:
    shop(tmp_path)
    analysis = msadecomp.analyze(tmp_path, msadecomp.Config(jobs=1))
    groups = sorted(
        sorted(c.rpartition(".")[2] for c in s["classes"]) for s in analysis.report["services"]
    )
    assert groups == sorted(
        sorted([f, f"{f}Controller", f"{f}Mapper", f"{f}Service"]) for f in FEATURES
    )


def test_a_generic_base_every_feature_builds_on_is_shared_kernel_after_clustering(
    tmp_path: Path,
) -> None:
    """JeeSite's shape: each feature's service fills in the generic ``CrudService<T>``; the
    template is reported in the shared kernel, set aside once the services are found."""
    write(
        tmp_path,
        f"{BASE}.common",
        "CrudService",
        "public abstract class CrudService<T> { public T get(String id) { return null; } }",
    )
    for f in FEATURES:
        low = f.lower()
        write(tmp_path, f"{BASE}.{low}", f, f"public class {f} {{ private String id; }}")
        write(
            tmp_path,
            f"{BASE}.{low}",
            f"{f}Service",
            f"import {BASE}.common.CrudService;\n@Service public class {f}Service extends "
            f"CrudService<{f}> {{ public {f} load(String id) {{ return get(id); }} }}",
        )
    analysis = msadecomp.analyze(tmp_path, msadecomp.Config(jobs=1))
    kernel = analysis.report["shared_kernel"]
    assert kernel["classes"] == [f"{BASE}.common.CrudService"]
    assert all(
        f"{BASE}.common.CrudService" not in s["classes"] for s in analysis.report["services"]
    )
    assert "1 shared-kernel class(es) set aside after clustering" in analysis.decomposition.notes


def shop_with_base_action(root: Path) -> None:
    """The shop with a base action in the web package that every controller extends."""
    shop(root)
    write(
        root,
        f"{BASE}.web",
        "ShopAction",
        'public abstract class ShopAction { protected String home() { return "redirect:/"; } }',
    )
    for f in FEATURES:
        path = root / "src/main/java" / BASE.replace(".", "/") / "web" / f"{f}Controller.java"
        code = path.read_text()
        path.write_text(
            code.replace(f"class {f}Controller {{", f"class {f}Controller extends ShopAction {{")
        )


def test_the_base_every_feature_controller_extends_is_shared_kernel(tmp_path: Path) -> None:
    """A base action in the web package that the controllers of all four features extend is
    no part of whichever feature the clustering put it with: it goes to the shared kernel."""
    shop_with_base_action(tmp_path)
    report = msadecomp.analyze(tmp_path, msadecomp.Config(jobs=1)).report
    kernel = report["shared_kernel"]
    assert kernel["classes"] == [f"{BASE}.web.ShopAction"]
    assert kernel["reasons"][f"{BASE}.web.ShopAction"] == (
        "base type of 4 classes in 3 other services, no data of its own"
    )
    assert len(report["services"]) == len(FEATURES)


def test_a_rerun_with_its_own_assignment_keeps_the_kernel_and_honours_kernel_edits(
    tmp_path: Path,
) -> None:
    """The base action set aside after clustering stays in the kernel when the run's own
    assignment is passed back (it is pinned to no service), and a class the edited file puts
    in the kernel (``K``) goes there."""
    src = tmp_path / "src-tree"
    shop_with_base_action(src)
    first = msadecomp.analyze(src, msadecomp.Config(jobs=1)).report
    pins = {c: s["id"] for s in first["services"] for c in s["classes"]}
    pins.update(dict.fromkeys(first["shared_kernel"]["classes"], "K"))
    again = msadecomp.analyze(src, msadecomp.Config(jobs=1), assignment=pins).report
    assert again["shared_kernel"] == first["shared_kernel"]
    assert [s["classes"] for s in again["services"]] == [s["classes"] for s in first["services"]]
    pins[f"{BASE}.domain.Cart"] = "K"
    edited = msadecomp.analyze(src, msadecomp.Config(jobs=1), assignment=pins).report
    assert edited["shared_kernel"]["reasons"][f"{BASE}.domain.Cart"] == (
        "in the shared kernel by the assignment file"
    )
    assert all(f"{BASE}.domain.Cart" not in s["classes"] for s in edited["services"])
    # a class already kernel is listed once, with the kernel rule's reason
    config = msadecomp.Config(jobs=1, kernel_include=(f"{BASE}.domain.Cart",))
    analysis = msadecomp.analyze(src, config, assignment=pins)
    listed = [k["class"] for k in analysis.report["parameters"]["shared_kernel"]]
    assert listed.count(f"{BASE}.domain.Cart") == 1
    assert analysis.report["shared_kernel"]["reasons"][f"{BASE}.domain.Cart"] == (
        "listed in kernel.include"
    )


def test_a_base_pinned_to_a_service_or_excluded_from_the_kernel_stays_in_its_service(
    tmp_path: Path,
) -> None:
    shop_with_base_action(tmp_path)
    action = f"{BASE}.web.ShopAction"
    first = msadecomp.analyze(tmp_path, msadecomp.Config(jobs=1)).report
    pins = {c: s["id"] for s in first["services"] for c in s["classes"]}
    pins[action] = "account"
    pinned = msadecomp.analyze(tmp_path, msadecomp.Config(jobs=1), assignment=pins).report
    assert action in next(s for s in pinned["services"] if s["id"] == "account")["classes"]
    assert pinned["shared_kernel"] is None
    excluded = msadecomp.analyze(
        tmp_path, msadecomp.Config(jobs=1, kernel_exclude=(f"{BASE}.web.Shop*",))
    ).report
    assert excluded["shared_kernel"] is None
    assert any(action in s["classes"] for s in excluded["services"])

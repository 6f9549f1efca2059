"""Korean reports: the extraction order, the readiness checklist, the warnings, the diagrams'
text, and no English prose left anywhere in a Korean report of a real run."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

import msadecomp
from msadecomp.report.html import inline_svg
from msadecomp.report.i18n import diagram_translator, translator
from msadecomp.report.korean import HANGUL
from msadecomp.report.markdown import parameters_line

NAME = re.compile(r"[A-Za-z0-9_.$*?/#:{}+-]*[A-Z0-9_.$*?/#{}+][A-Za-z0-9_.$*?/#:{}+-]*")
"""Class, package and algorithm names, paths, options and figures: kept as they are."""
TERMS = frozenset({"msadecomp", "json", "leiden", "louvain", "calls", "mu_i", "sigma_ij"})
"""Lower-case words a Korean report keeps: the tool, report.json, algorithms, the glossary's
symbols."""

PHRASES = [
    # why a service comes at its step of the extraction order (msadecomp.plan)
    (
        "0 incoming and 12 outgoing cross-service calls",
        "서비스 간 호출: 들어오는 호출 0회, 나가는 호출 12회",
    ),
    ("3 table(s) shared with other services", "다른 서비스와 공유하는 테이블 3개"),
    (
        "7 use(s) of types across services without a call (exceptions, DTOs, base classes: a "
        "library or an API contract once split)",
        "호출 없이 다른 서비스의 타입을 쓰는 곳 7개(예외, DTO, 기반 클래스: 분리하면 "
        "라이브러리나 API 계약이 됨)",
    ),
    (
        "5 foreign key(s) to or from other services' tables",
        "다른 서비스의 테이블을 참조하거나 그 테이블에서 참조되는 외래 키 5개",
    ),
    (
        "generic capability: consider a shared platform service or an off-the-shelf product "
        "instead of custom code",
        "일반 기능: 직접 개발하기보다 공유 플랫폼 서비스나 상용 제품을 검토하십시오",
    ),
    (
        "core subdomain: the value of the migration is here",
        "핵심 서브 도메인: 전환의 가치가 여기에 있습니다",
    ),
    # the readiness verdict and the evidence of questions 6, 8 and 9 (msadecomp.readiness)
    (
        "1 yes so far, 7 unanswered: answer the remaining questions (--answers FILE) to reach a "
        "verdict",
        "지금까지 YES 1개, 미응답 7개: 판정을 내리려면 나머지 질문에 답하십시오(--answers FILE)",
    ),
    ("modularity 0.85 (needs >= 0.40)", "모듈성 0.85 (기준 0.40 이상)"),
    (
        "4% of accessed tables shared (needs <= 30%)",
        "접근하는 테이블 중 여러 서비스가 공유하는 비율 4% (기준 30% 이하)",
    ),
    ("inter-call percentage 4% (needs <= 30%)", "서비스 간 호출 비율 4% (기준 30% 이하)"),
    ("modularity 0.25 (needs >= 0.40: not met)", "모듈성 0.25 (기준 0.40 이상: 미충족)"),
    (
        "45% of accessed tables shared (needs <= 30%: not met)",
        "접근하는 테이블 중 여러 서비스가 공유하는 비율 45% (기준 30% 이하: 미충족)",
    ),
    (
        "inter-call percentage 41% (needs <= 30%: not met)",
        "서비스 간 호출 비율 41% (기준 30% 이하: 미충족)",
    ),
    (
        "7 foreign key(s) between tables of different services",
        "서로 다른 서비스의 테이블 사이 외래 키 7개",
    ),
    ("0 dependency cycle(s) between proposed services", "제안 서비스 사이의 의존 순환 0개"),
    (
        "2 class(es) depend on 20+ project types (1%)",
        "프로젝트 타입 20개 이상에 의존하는 클래스 2개(전체의 1%)",
    ),
    (
        "36 of 131 packages are in package-level cycles",
        "패키지 131개 중 36개가 패키지 간 순환에 속함",
    ),
    ("build: pom.xml, web/pom.xml", "빌드 파일: pom.xml, web/pom.xml"),
    ("tests: none", "테스트: 없음"),
    ("ci: Jenkinsfile", "CI 파이프라인: Jenkinsfile"),
    (
        "containers: a/Dockerfile, b/Dockerfile, c/Dockerfile ...",
        "컨테이너·배포 파일: a/Dockerfile, b/Dockerfile, c/Dockerfile ...",
    ),
    # the warnings (msadecomp.classify and the input.copies diagnostic)
    (
        "modularity 0.21 is below 0.3: the boundaries are unclear; do not split yet. Clarify "
        "the domain model first (Newman, 2019).",
        "모듈성(0.21)이 기준값(0.3)보다 낮아 경계가 분명하지 않습니다. 아직 나누지 말고 도메인 "
        "모델부터 명확히 하십시오(Newman, 2019).",
    ),
    (
        "the code supports no split into several services",
        "이 코드는 여러 서비스로 나눌 수 없습니다",
    ),
    (
        "120 classes are declared more than once (copies in v1, v2): the input seems to hold "
        "several applications, or versions of one, and only one copy of each class is "
        "analysed (the one in a main source folder, else the first); analyse each on its own "
        "(pass its folder, or --exclude the others)",
        "클래스 120개가 두 번 이상 선언되어 있습니다(사본 위치: v1, v2). 입력에 여러 "
        "애플리케이션이나 한 애플리케이션의 여러 버전이 들어 있는 것으로 보여 클래스마다 사본 "
        "하나만(주 소스 폴더의 사본, 없으면 첫 사본) 분석했습니다. 각각 따로 분석하십시오(그 "
        "폴더를 지정하거나 나머지를 --exclude로 제외)",
    ),
    # the shared kernel: what starts the application (msadecomp.graph.kernel)
    (
        "starts the application (boot class or initializer): each service gets its own",
        "애플리케이션을 시작하는 클래스(부트 클래스 또는 초기화 클래스): 서비스마다 자체 시작 "
        "클래스를 둡니다",
    ),
    # the heading of a service's subdomain evidence, and the summary's diagnostics
    ("Why {kind}", "{kind}으로 본 근거"),
    ("{n} {severity}", "{severity} {n}건"),
]


@pytest.mark.parametrize(("english", "korean"), PHRASES, ids=[e[:40] for e, _ in PHRASES])
def test_every_kind_of_plan_readiness_and_warning_text_reads_in_korean(
    english: str, korean: str
) -> None:
    assert translator("ko")(english) == korean
    assert translator("en")(english) == english, "English stays as it is"


DIAGRAM = [
    ("Context map: egov-portal", "컨텍스트 맵: egov-portal"),
    (
        "Context map: ruoyi: each service's 2 strongest call links in and out (40 of 101 links, "
        "1808 of 2264 calls) and 3 of 5 shared-table links; report.json lists all",
        "컨텍스트 맵: ruoyi: 서비스마다 들어오고 나가는 가장 강한 호출 연결 2개(연결 101개 중 "
        "40개, 호출 2264회 중 1808회)와 공유 테이블 연결 5개 중 3개만 그렸습니다. 전체는 "
        "report.json에 있습니다",
    ),
    ("Areas: egovcc", "영역: egovcc"),
    ("Classes by service: jpetstore", "서비스별 클래스: jpetstore"),
    (
        "Classes by service: roller (collapsed to packages)",
        "서비스별 클래스: roller (패키지 단위로 접음)",
    ),
    (
        "Classes by service: roller (collapsed to packages of org.apache.roller)",
        "서비스별 클래스: roller (org.apache.roller 하위 패키지 단위로 접음)",
    ),
    (
        "Classes by service: openfire (packages of org): the 160 strongest of 812 dependencies",
        "서비스별 클래스: openfire (org 하위 패키지): 의존 관계 812개 중 가장 강한 160개만 "
        "그렸습니다",
    ),
    (
        "Table ownership: daytrader; 3 services without tables left out",
        "테이블 소유: daytrader; 테이블이 없는 서비스 3개는 뺐습니다",
    ),
    (
        "Table ownership: egovcc (table counts per service); 1 service without tables left out",
        "테이블 소유: egovcc (서비스별 테이블 수); 테이블이 없는 서비스 1개는 뺐습니다",
    ),
    ("14 classes, 1 table, 8 endpoints", "클래스 14개, 테이블 1개, 엔드포인트 8개"),
    ("1 class, 0 tables, 1 endpoint", "클래스 1개, 테이블 0개, 엔드포인트 1개"),
    ("«core»", "«핵심»"),
    ("«generic» «library»", "«일반» «라이브러리»"),
    ("cop: 12 services", "cop: 서비스 12개"),
    ("(no area): 1 service", "(영역 없음): 서비스 1개"),
    ("2 generic, 3 supporting, 1 untyped", "일반 2개, 지원 3개, 미분류 1개"),
    ("1 call", "호출 1회"),
    ("12 shared tables", "공유 테이블 12개"),
    ("31 calls, 2 shared tables", "호출 31회, 공유 테이블 2개"),
    ("(5 classes)", "(클래스 5개)"),
    ("1 class", "클래스 1개"),
    ("6 tables", "테이블 6개"),
    ("3 more tables", "테이블 3개 더"),
    ("uses 2 tables", "테이블 2개 사용"),
    ("read/write", "읽기/쓰기"),
    ("K shared-kernel", "K 공유 커널"),
]


@pytest.mark.parametrize(("english", "korean"), DIAGRAM, ids=[e[:40] for e, _ in DIAGRAM])
def test_every_kind_of_diagram_text_reads_in_korean(english: str, korean: str) -> None:
    assert diagram_translator("ko")(english) == korean
    assert diagram_translator("en")(english) == english


@pytest.mark.parametrize("name", ["file", "message", "code", "menu", "bbs", "user-online"])
def test_a_diagram_keeps_names_that_are_also_catalogue_words(name: str) -> None:
    assert diagram_translator("ko")(name) == name


def test_inline_svg_translates_the_text_and_fits_it_to_the_english_width() -> None:
    svg = (
        '<svg width="100pt" height="50pt"><title>file</title>'
        '<text text-anchor="middle" font-size="11.00">file</text>'
        '<text text-anchor="middle" font-size="9.00">12 shared tables</text>'
        '<text text-anchor="middle" font-size="11.00">12 classes, 1 table, 8 endpoints</text>'
        '<text font-size="14.00">Context map: a&#45;b</text></svg>'
    )
    out = inline_svg(svg, diagram_translator("ko"))
    assert "<title>file</title>" in out and ">file</text>" in out, "names are kept"
    assert '<text text-anchor="middle" font-size="9.00">공유 테이블 12개</text>' in out
    assert 'lengthAdjust="spacingAndGlyphs">클래스 12개, 테이블 1개, 엔드포인트 8개</text>' in out
    assert ">컨텍스트 맵: a-b</text>" in out
    assert inline_svg(svg) == inline_svg(svg, diagram_translator("en"))


def test_the_parameters_line_reads_in_korean() -> None:
    report: dict[str, Any] = {
        "parameters": {
            "algorithm": "leiden",
            "seed": 42,
            "resolution": 1.03,
            "resolution_mode": "sweep, fitted to the wanted count",
            "services": 8,
        }
    }
    assert parameters_line(report, "ko") == (
        "leiden, 시드 42, 해상도 1.03 (탐색 후 요청한 서비스 수에 맞춤), 요청한 서비스 8개"
    )
    assert parameters_line(report) == (
        "leiden, seed 42, resolution 1.03 (sweep, fitted to the wanted count), 8 services "
        "asked for"
    )


def english_words(text: str) -> list[str]:
    """The English words of ``text`` once names, figures and kept terms are taken out."""
    text = re.sub(r"`[^`]*`|--[a-z-]+", " ", text)  # code, and command-line options
    words = re.findall(r"[A-Za-z][A-Za-z'-]+", NAME.sub(" ", text))
    return [w for w in words if w not in TERMS]


def prose_left(report: dict[str, Any], text: str) -> list[str]:
    """The lines of a Korean report ``text`` (Markdown, or HTML reduced to its text) with
    English words left, once the report's own names (services, areas, tables, methods), the
    services' descriptions (Javadoc) and the diagnostics, which stay English, are taken out."""
    names = {report["input"]["root"], report["parameters"]["algorithm"]}
    for s in report["services"]:
        names |= {s["id"], s["name"], s.get("area") or ""}
        names |= {m for c in s["outgoing_calls"] for m in c["methods"]}
        names |= {e["method"] for e in s["endpoints"]}
        for line in s["subdomain"]["evidence"]:  # examples: business operations, rule types
            names |= {w for e in re.findall(r"\(e\.g\. (.*)\)$", line) for w in e.split(", ")}
    names |= set(report["tables"]) | {c["kind"] for c in report.get("message_channels") or []}
    quoted = [d["message"] for d in report["diagnostics"]]  # and the code's own Javadoc:
    quoted += [s["description"] for s in report["services"] if s.get("description")]
    for told in quoted:
        text = text.replace(told, " ").replace(html.escape(told, quote=False), " ")
    left = []
    for line in text.splitlines():
        words = [w for w in english_words(line) if w not in names]
        if words:
            left.append(f"{words}: {line[:160]}")
    return left


def html_text(page: str) -> str:
    """The text a reader sees on an HTML page, with tooltips; code, ids and scripts out."""
    page = re.sub(r"<(script|style|code)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<title>.*?</title>", " ", page, flags=re.S)  # diagram boxes' ids
    page = re.sub(r"<(?:svg|text|a|g|path|polygon|ellipse|line|rect|marker)\b[^>]*>", " ", page)
    page = re.sub(r'\b(?:placeholder|aria-label)="([^"]*)"', r">\n\1\n<", page)
    return html.unescape(re.sub(r"<[^>]+>", "\n", page))


def _written(root: Path, **settings: Any) -> tuple[dict[str, Any], str, str]:
    analysis = msadecomp.analyze(root, msadecomp.Config(jobs=1, **settings))
    files, _ = analysis.render(("md", "html", "svg"), "ko")
    markdown, page = files["report.md"].decode(), files["report.html"].decode()
    return analysis.report, markdown, html_text(page)


def _boot_tree(root: Path) -> Path:
    """A small Spring Boot shop: a boot class, two features with their own tables."""
    files = {
        "ShopApplication.java": "@SpringBootApplication public class ShopApplication {\n"
        "  public static void main(String[] a) { SpringApplication.run(ShopApplication.class); }"
        "\n}",
    }
    for feature, other in (("order", "Item"), ("item", "Order")):
        cls = feature.capitalize()
        files[f"{feature}/{cls}.java"] = (
            f'package shop.{feature};\n@Entity @Table(name = "{feature.upper()}S")\n'
            f"public class {cls} {{ @Id Long id; String name; }}"
        )
        files[f"{feature}/{cls}Repository.java"] = (
            f"package shop.{feature};\n"
            f"public interface {cls}Repository extends JpaRepository<{cls}, Long> {{}}"
        )
        files[f"{feature}/{cls}Service.java"] = (
            f"package shop.{feature};\nimport shop.{other.lower()}.{other}Service;\n"
            f"@Service public class {cls}Service {{\n  @Autowired {cls}Repository repo;\n"
            f"  @Autowired {other}Service other;\n"
            f"  public {cls} find(Long id) {{ return repo.findById(id).get(); }}\n"
            f"  public void save({cls} x) {{ repo.save(x); }}\n}}"
        )
        files[f"{feature}/{cls}Controller.java"] = (
            f'package shop.{feature};\n@RestController @RequestMapping("/{feature}s")\n'
            f"public class {cls}Controller {{\n  @Autowired {cls}Service service;\n"
            f'  @GetMapping("/{{id}}") public {cls} get(@PathVariable Long id) '
            f"{{ return service.find(id); }}\n"
            f"  @PostMapping public void post({cls} x) {{ service.save(x); }}\n}}"
        )
    for name, text in files.items():
        path = root / "src/main/java/shop" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name == "ShopApplication.java":
            text = "package shop;\n" + text
        path.write_text(text, encoding="utf-8")
    return root


def test_a_korean_report_of_the_fixture_has_no_english_prose(fixture_root: Path) -> None:
    """Taken from real runs, not copied by hand: a new English sentence in a report fails."""
    report, markdown, page = _written(fixture_root)
    assert report["extraction_order"] and report["readiness"]["items"]
    assert prose_left(report, markdown) == []
    assert prose_left(report, page) == []
    english = msadecomp.analyze(fixture_root, msadecomp.Config(jobs=1)).render(("md",), "en")
    assert prose_left(report, english[0]["report.md"].decode()), "the check finds English"


def test_a_korean_report_with_a_boot_class_and_a_service_count_has_no_english_prose(
    tmp_path: Path,
) -> None:
    root = _boot_tree(tmp_path / "shop")
    report, markdown, page = _written(root, services=2)
    reasons = report["shared_kernel"]["reasons"]
    assert "starts the application" in reasons["shop.ShopApplication"]
    assert prose_left(report, markdown) == []
    assert prose_left(report, page) == []


def test_every_order_reason_readiness_line_and_warning_of_real_runs_reads_in_korean(
    fixture_root: Path,
) -> None:
    """Every reason, verdict, evidence line and warning of analyses of the fixture (natural,
    three services, one service, with answers giving each verdict) translates completely."""
    lines: list[str] = []
    runs: list[tuple[dict[str, Any], dict[int, bool] | None]] = [
        ({}, None),
        ({"services": 3}, dict.fromkeys(range(1, 11), True)),
        ({"services": 1}, dict.fromkeys(range(1, 11), False)),
    ]
    for settings, answers in runs:
        config = msadecomp.Config(jobs=1, **settings)
        report = msadecomp.analyze(fixture_root, config, answers=answers).report
        lines += [r for p in report["extraction_order"] for r in p["reasons"]]
        lines += [e for i in report["readiness"]["items"] for e in i["evidence"]]
        lines += [report["readiness"]["verdict"], *report["warnings"]]
    kinds = {NAME.sub("N", line).partition(":")[0] for line in lines}
    assert len(kinds) >= 15, sorted(kinds)
    korean = translator("ko")
    untranslated = [
        line for line in lines if not HANGUL.search(korean(line)) or english_words(korean(line))
    ]
    assert untranslated == []


def test_what_the_input_holds_but_is_not_analysed_is_a_warning_of_the_report_in_korean_too(
    tmp_path: Path,
) -> None:
    """OFBiz's entity models and service definitions are not read: its report had shown 16
    tables and looked clean. Each kind is a warning of the report, and reads in Korean."""
    from msadecomp.ingest.xml_config import UNREAD_XML

    (tmp_path / "src/shop").mkdir(parents=True)
    (tmp_path / "src/shop/Order.java").write_text("package shop; public class Order {}")
    (tmp_path / "entitymodel.xml").write_text(
        '<entitymodel><entity entity-name="Order" package-name="o"/></entitymodel>'
    )
    (tmp_path / "services.xml").write_text(
        '<services><service name="createOrder" engine="java" location="a" invoke="b"/></services>'
    )
    (tmp_path / "scripts/Orders.groovy").parent.mkdir()
    (tmp_path / "scripts/Orders.groovy").write_text("println 'x'")
    analysis = msadecomp.analyze(tmp_path, msadecomp.Config(jobs=1))
    unread = [w for w in analysis.report["warnings"] if "not analysed" in w]
    assert len(unread) == len(UNREAD_XML) == 2
    ko = translator("ko")
    for warning in unread:
        korean = ko(warning)
        assert HANGUL.search(korean) and "not analysed" not in korean
    markdown = analysis.render(["md"], "ko")[0]["report.md"].decode("utf-8")
    assert "Groovy(분석하지 않음) 파일 1개" in markdown

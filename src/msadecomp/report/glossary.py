"""The glossary every report carries: each metric's formula, direction and a good value, and
the diagram symbols, in English and Korean."""

from __future__ import annotations

from typing import NamedTuple


class Term(NamedTuple):
    key: str
    name: str
    formula: str
    better: str
    good: str


_NOTATION = (
    "K services (shared kernel excluded), N classes, N_i classes of service i; mu_i "
    "dependencies inside service i, sigma_ij from i to j; calls(i, j) call sites."
)
_NOTATION_KO = (
    "K: 서비스 수(공유 커널 제외), N: 클래스 수, N_i: 서비스 i의 클래스 수, mu_i: 서비스 i 내부 "
    "의존 수, sigma_ij: i에서 j로의 의존 수, calls(i, j): 호출 지점 수."
)

_EN = (
    Term(
        "modularity",
        "Modularity Q",
        "Newman modularity of the weighted class/table graph (resolution 1)",
        "higher",
        "above 0.3 shows real seams; above 0.5 is clear",
    ),
    Term(
        "sm",
        "Structural modularity SM",
        "(1/K) Σ mu_i/N_i² − (2/(K(K−1))) Σ_{i<j} sigma_ij/(2 N_i N_j)",
        "higher",
        "above 0.1 is good; near 0 or below means services "
        "depend on each other as much as on themselves",
    ),
    Term(
        "ifn",
        "Interface number IFN",
        "mean number of a service's classes used from other services",
        "lower",
        "a few (under 3) per service",
    ),
    Term(
        "icp",
        "Inter-call percentage ICP",
        "Σ_{i≠j} calls(i,j) / Σ_{i,j} calls(i,j)",
        "lower",
        "under 20% of calls cross services",
    ),
    Term(
        "ned",
        "Non-extreme distribution NED",
        "1 − (classes in services with 5 ≤ N_i ≤ 20) / N",
        "lower",
        "under 0.5: most classes in services of a workable size",
    ),
    Term(
        "turbomq",
        "TurboMQ",
        "Σ_i 2 mu_i / (2 mu_i + Σ_{j≠i} (sigma_ij + sigma_ji))",
        "higher",
        "close to K (each service's cluster factor near 1)",
    ),
    Term("turbomq_normalised", "TurboMQ / services", "TurboMQ / K", "higher", "above 0.7"),
    Term(
        "transaction_entropy",
        "Transaction entropy (bits)",
        "mean over tables of the Shannon entropy of how accesses (writes ×3) spread over services",
        "lower",
        "near 0: each table is read and written by one service",
    ),
    Term(
        "shared_table_share",
        "Shared table share",
        "tables used by several services / accessed tables",
        "lower",
        "under 0.2",
    ),
    Term(
        "entanglement",
        "Entanglement (extraction order)",
        "cross-service calls in and out plus 2 × tables shared with other services plus "
        "foreign keys between its tables and other services' plus class pairs across services "
        "using a type without a call",
        "lower",
        "extract the least entangled services first",
    ),
)
_KO_TEXT = {
    "modularity": (
        "모듈성 Q",
        "가중 클래스/테이블 그래프의 Newman 모듈성 (해상도 1)",
        "높을수록",
        "0.3 이상이면 경계가 보이고, 0.5 이상이면 뚜렷함",
    ),
    "sm": (
        "구조적 모듈성 SM",
        None,
        "높을수록",
        "0.1 이상이면 좋음; 0 근처나 음수면 서비스끼리 내부만큼 서로 의존",
    ),
    "ifn": (
        "인터페이스 수 IFN",
        "다른 서비스가 사용하는 서비스 클래스 수의 평균",
        "낮을수록",
        "서비스당 3개 미만",
    ),
    "icp": ("서비스 간 호출 비율 ICP", None, "낮을수록", "호출의 20% 미만이 서비스 경계를 넘음"),
    "ned": (
        "비극단 분포 NED",
        "1 − (5 ≤ N_i ≤ 20 범위의 서비스에 속한 클래스 수) / N",
        "낮을수록",
        "0.5 미만: 대부분의 클래스가 적당한 크기의 서비스에 속함",
    ),
    "turbomq": ("TurboMQ", None, "높을수록", "K에 가까움 (서비스마다 군집 계수가 1에 가까움)"),
    "turbomq_normalised": ("TurboMQ / 서비스 수", None, "높을수록", "0.7 이상"),
    "transaction_entropy": (
        "트랜잭션 엔트로피 (비트)",
        "테이블마다 접근(쓰기 ×3)이 서비스에 흩어진 정도의 섀넌 엔트로피 평균",
        "낮을수록",
        "0 근처: 각 테이블을 한 서비스만 읽고 씀",
    ),
    "shared_table_share": (
        "공유 테이블 비율",
        "여러 서비스가 쓰는 테이블 / 접근된 테이블",
        "낮을수록",
        "0.2 미만",
    ),
    "entanglement": (
        "얽힘 정도 (분리 순서)",
        "들어오고 나가는 서비스 간 호출 수 + 2 × 다른 서비스와 공유하는 테이블 수 + 다른 "
        "서비스 테이블과의 외래 키 수 + 호출 없이 다른 서비스의 타입을 쓰는 클래스 쌍 수",
        "낮을수록",
        "덜 얽힌 서비스부터 분리",
    ),
}


def glossary(lang: str = "en") -> tuple[str, tuple[Term, ...]]:
    """(notation line, terms) in ``lang``."""
    if lang != "ko":
        return _NOTATION, _EN
    terms = []
    for t in _EN:
        name, formula, better, good = _KO_TEXT[t.key]
        terms.append(Term(t.key, name, formula or t.formula, better, good))
    return _NOTATION_KO, tuple(terms)


LEGEND = {
    "en": (
        ("box colour", "orange: core subdomain, yellow: supporting, blue: generic"),
        ("grey box K", "the shared kernel: utility classes to ship as a library"),
        ("black arrow", "calls that become remote, labelled with their count"),
        ("dashed red arrow", "tables of the target service the source uses"),
        ("cylinder / table node", "a database table, placed with its owning service"),
    ),
    "ko": (
        ("상자 색", "주황: 핵심 서브 도메인, 노랑: 지원, 파랑: 일반"),
        ("회색 상자 K", "공유 커널: 라이브러리로 배포할 공통 클래스"),
        ("검은 화살표", "원격 호출이 될 호출 (숫자는 횟수)"),
        ("빨간 점선 화살표", "출발 서비스가 사용하는 대상 서비스의 테이블"),
        ("원통 / 테이블 노드", "데이터베이스 테이블 (소유 서비스 쪽에 배치)"),
    ),
}

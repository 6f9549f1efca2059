"""Korean reports: the notes on how the services were chosen (``Decomposition.notes``)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

import msadecomp
from msadecomp.report.html import to_html
from msadecomp.report.i18n import translator
from msadecomp.report.korean import HANGUL
from msadecomp.report.markdown import to_markdown

NAME = re.compile(r"[A-Za-z0-9_.$*?]*[A-Z0-9_.$*?][A-Za-z0-9_.$*?]*")
"""Class, package and algorithm names, glob patterns and figures: kept as they are."""


def english_left(text: str) -> list[str]:
    """The English words of ``text`` once names and figures are taken out."""
    return re.findall(r"[A-Za-z]{2,}", NAME.sub(" ", text))


# One sample of every note template (most taken from real runs), and its Korean.
NOTES = [
    (  # decompose: constraints
        "constraint pattern(s) matched no class: com.nothing.*, egovframework.NoSuch*",
        "다음 제약 조건 패턴은 어떤 클래스와도 일치하지 않았습니다: com.nothing.*, "
        "egovframework.NoSuch*",
    ),
    (  # decompose: an algorithm without a resolution
        "label_propagation has no resolution parameter; no sweep was run",
        "label_propagation 알고리즘에는 해상도 매개변수가 없어 해상도 탐색을 하지 않았습니다",
    ),
    (
        "merged label_propagation communities down to 3 services",
        "label_propagation 알고리즘이 찾은 커뮤니티를 서비스 3개로 병합했습니다",
    ),
    (
        "label_propagation found 20 services; it has no resolution to reach 50",
        "label_propagation 알고리즘이 찾은 서비스는 20개입니다. 해상도 매개변수가 없어 요청한 "
        "50개에 맞출 수 없습니다",
    ),
    (  # sweep
        "resolution sweep 0.321-4.0 (14 steps): 11 services give the highest modularity "
        "(0.790); used resolution 1.03",
        "해상도 0.321~4.0 구간을 14단계로 탐색한 결과 서비스 11개에서 모듈성이 가장 높아"
        "(Q = 0.790) 해상도 1.03 값을 사용했습니다",
    ),
    (  # decompose: the final count differs from the sweep's
        "8 services in the end (the sweep's best run at that resolution gave 11): consensus "
        "(20 runs at 3 resolutions, 2 rounds), package joins, tiny services, logic joining its "
        "data, domain models joining their front, catch-all splits, adapters and satellites "
        "joining the service they serve and classes without ties change the count",
        "최종 서비스는 8개입니다(선택한 해상도에서 탐색의 최적 실행은 11개). 합의 군집화(해상도 "
        "3개에서 각 20회 실행, 2라운드), 패키지 조각 병합, 소규모 서비스 병합, 로직과 데이터의 "
        "결합, 도메인 모델의 프런트 합류, 비대한 서비스 분할, 어댑터·위성 서비스의 합류, 연결 "
        "없는 클래스 배치 과정에서 서비스 수가 달라집니다",
    ),
    (  # count
        "the natural split has the 8 services asked for",
        "기본 분할의 서비스 수가 요청한 8개와 같습니다",
    ),
    (
        "the natural split has 8 services; merged to the 3 asked for: the services of "
        "ComplaintServiceImpl and EgovFileMngServiceImpl merged; the services of "
        "PaymentServiceImpl, ReservationServiceImpl and StatsServiceImpl merged",
        "기본 분할은 서비스 8개이며, 요청한 3개에 맞춰 합쳤습니다: ComplaintServiceImpl, "
        "EgovFileMngServiceImpl의 서비스를 병합; PaymentServiceImpl, ReservationServiceImpl, "
        "StatsServiceImpl의 서비스를 병합",
    ),
    (
        "the natural split has 8 services; split to the 10 asked for: the service of "
        "ComplaintServiceImpl cut in 2; the service of ArticleServiceImpl cut in 2",
        "기본 분할은 서비스 8개이며, 요청한 10개에 맞춰 나누었습니다: ComplaintServiceImpl의 "
        "서비스를 2개로 분할; ArticleServiceImpl의 서비스를 2개로 분할",
    ),
    (
        "the natural split has 4 services; merged to the 3 asked for",
        "기본 분할은 서비스 4개이며, 요청한 3개에 맞춰 합쳤습니다",
    ),
    (
        "the graph supports at most 94 services; 1000 were asked for: the service of "
        "StatsServiceImpl cut in 8; the services of A and B merged",
        "요청한 서비스는 1000개이지만 그래프로는 최대 94개까지만 나눌 수 있습니다: "
        "StatsServiceImpl의 서비스를 8개로 분할; A, B의 서비스를 병합",
    ),
    (  # decompose: tables and the shared kernel
        "2 table(s) are read or written by no class and tied to no service by a foreign key: "
        "listed as unreferenced, owned by no service",
        "테이블 2개는 어떤 클래스도 읽거나 쓰지 않고 외래 키로 연결된 서비스도 없어, 소유 "
        "서비스 없이 미참조 테이블로 분류했습니다",
    ),
    (
        "3 shared-kernel class(es) set aside after clustering",
        "공유 커널 클래스 3개를 군집화 후에 따로 두었습니다",
    ),
    (
        "12 shared-kernel class(es) set aside after clustering; 1 service(s) made only of them "
        "dropped",
        "공유 커널 클래스 12개를 군집화 후에 따로 두었고, 이 클래스만으로 이루어진 서비스 1개를 "
        "없앴습니다",
    ),
    (
        "21 shared-kernel class(es) set aside before clustering",
        "공유 커널 클래스 21개를 군집화 전에 따로 두었습니다",
    ),
    (  # api: the kernel after placement
        "3 base type(s) that classes of three or more other services extend set aside into the "
        "shared kernel after clustering",
        "다른 서비스 세 곳 이상의 클래스가 상속하는 기반 타입 3개를 군집화 후 공유 커널로 "
        "옮겼습니다",
    ),
    (
        "5 class(es) put in the shared kernel by the assignment file",
        "할당 파일에 따라 클래스 5개를 공유 커널에 넣었습니다",
    ),
    (  # move_to_kernel
        "1 service(s) left without classes were dropped",
        "클래스가 하나도 남지 않은 서비스 1개를 제거했습니다",
    ),
    (  # pins
        "89 classes pinned to 7 services by the assignment file",
        "할당 파일에 따라 클래스 89개를 서비스 7개에 고정했습니다",
    ),
    (
        "1 class pinned to 1 service by the assignment file; 1 pinned name not found in the code",
        "할당 파일에 따라 클래스 1개를 서비스 1개에 고정했습니다. 할당 파일의 이름 중 1개는 "
        "코드에서 찾지 못했습니다",
    ),
    (
        "0 classes pinned to 0 services by the assignment file; 2 pinned names not found in the "
        "code",
        "할당 파일에 따라 클래스 0개를 서비스 0개에 고정했습니다. 할당 파일의 이름 중 2개는 "
        "코드에서 찾지 못했습니다",
    ),
    (  # refine.joins
        "2 services mostly made of package egovframework.com.cop.bbs gave its classes to one "
        "service",
        "대부분 egovframework.com.cop.bbs 패키지로 이루어진 서비스 2개에서 그 패키지의 클래스를 한 "
        "서비스로 모았습니다",
    ),
    (
        "1 service(s) of fewer than 3 classes, or with nothing of their own (only endpoints, or "
        "only helpers, and no table), joined the service most tied to them",
        "클래스가 3개 미만이거나 고유한 요소가 없는(엔드포인트만 또는 도우미 클래스만 있고 "
        "테이블은 없는) 서비스 1개를 가장 강하게 연결된 서비스에 합쳤습니다",
    ),
    (
        "an inbound adapter no other service uses joined the service of ApplicationEvents, which "
        "it serves: EventFilesCheckpoint, EventItemReader, EventItemWriter and 4 more",
        "다른 서비스가 사용하지 않는 인바운드 어댑터를 그 어댑터가 지원하는 ApplicationEvents "
        "클래스의 서비스에 합쳤습니다: EventFilesCheckpoint, EventItemReader, EventItemWriter "
        "외 4개",
    ),
    (
        "a small service only the service of OrderService uses joined it: Sequence, SequenceDao, "
        "SequenceSqlMapDao",
        "OrderService 클래스의 서비스만 사용하는 소규모 서비스를 그 서비스에 합쳤습니다: "
        "Sequence, SequenceDao, SequenceSqlMapDao",
    ),
    (  # refine.data
        "13 classes holding a domain model and its tables, but no endpoint or screen, joined the "
        "front that writes their data most: BookingServiceImpl writes CargoRepository (4 write "
        "calls; no other service makes more than 1)",
        "도메인 모델과 그 테이블은 있으나 엔드포인트나 화면은 없는 클래스 13개를 그 데이터에 "
        "쓰기를 가장 많이 하는 프런트에 합쳤습니다: BookingServiceImpl의 CargoRepository 쓰기 "
        "호출 4회, 다른 서비스는 최대 1회",
    ),
    (
        "10 classes holding a domain model and its tables, beside a read-only front of 10 "
        "classes that stays apart, joined the front that writes their data most: "
        "DefaultBookingService writes CargoRepository (4 write calls; no other service makes "
        "more than 1)",
        "도메인 모델과 그 테이블을 담은 클래스 10개를 그 데이터에 쓰기를 가장 많이 하는 프런트에 "
        "합쳤습니다(같은 서비스의 읽기 전용 프런트 클래스 10개는 그대로 남김): "
        "DefaultBookingService의 CargoRepository 쓰기 호출 4회, 다른 서비스는 최대 1회",
    ),
    (
        "logic with no data of its own joined the service whose data it writes most (4 of 5 "
        "writes): CompleteOrderThread, TradeSLSBBean, TradeSLSBLocal and 1 more",
        "자체 데이터가 없는 로직을 그 로직의 쓰기가 가장 많이 향하는 서비스에 합쳤습니다(쓰기 "
        "5건 중 4건): CompleteOrderThread, TradeSLSBBean, TradeSLSBLocal 외 1개",
    ),
    (
        "a front joined the service whose logic it alone calls (ISysDictDataService, "
        "ISysDictTypeService): CacheConstants, CacheUtils, DictService and 6 more",
        "프런트를, 그 프런트만 호출하는 로직(ISysDictDataService, ISysDictTypeService)이 있는 "
        "서비스에 합쳤습니다: CacheConstants, CacheUtils, DictService 외 6개",
    ),
    (
        "classes writing the tables of another service's entities joined it: TradeDirect",
        "다른 서비스 엔티티의 테이블에 쓰는 클래스를 그 서비스로 옮겼습니다: TradeDirect",
    ),
    (  # refine.splits
        "a service of 88 classes (15% of all) was clustered again on its own and split into 8 "
        "along a clean cut",
        "클래스 88개(전체의 15%)를 담은 서비스를 따로 다시 군집화해 뚜렷한 경계를 따라 8개로 "
        "나누었습니다",
    ),
    (
        "a shared provider used by 10 other services left the service that uses it, as a "
        "service of its own: EgovFileDownloadController, EgovFileMngController, "
        "EgovFileMngService and 6 more (package egovframework.com.cmm)",
        "다른 서비스 10개가 사용하는 공유 기능을 이를 사용하던 서비스에서 떼어 별도 서비스로 "
        "만들었습니다: EgovFileDownloadController, EgovFileMngController, EgovFileMngService "
        "외 6개 (egovframework.com.cmm 패키지)",
    ),
    (
        "a service of 54 classes made of pieces with no tie between them was split into 4 "
        "services of 23, 19, 6, 6 classes: the pieces of Banner, AllSchdulManageDao, "
        "EgovNewsManageController and 1 more",
        "서로 연결이 없는 조각으로 이루어진 클래스 54개의 서비스를 서비스 4개(각 클래스 23, 19, "
        "6, 6개)로 나누었습니다. 조각별 대표 클래스: Banner, AllSchdulManageDao, "
        "EgovNewsManageController 외 1개",
    ),
    (
        "2 such piece(s) with no table or request handler of their own, tied more to another "
        "service than within, joined it: the pieces of WfCategoryBo, WfFormManageBo",
        "자체 테이블이나 요청 처리 클래스가 없고 내부보다 다른 서비스와 더 강하게 연결된 조각 "
        "2개를 그 서비스에 합쳤습니다. 조각별 대표 클래스: WfCategoryBo, WfFormManageBo",
    ),
    (  # refine.moves
        "5 classes joined the service holding most of their package: EgovComExcepHndlr "
        "(egovframework.com.cmm), EgovMessageSource (egovframework.com.cmm), "
        "ImagePaginationRenderer (egovframework.com.cmm) and 2 more",
        "클래스 5개를 같은 패키지의 클래스가 가장 많은 서비스로 옮겼습니다: "
        "EgovComExcepHndlr (egovframework.com.cmm), EgovMessageSource (egovframework.com.cmm), "
        "ImagePaginationRenderer (egovframework.com.cmm) 외 2개",
    ),
    (
        "1 class joined the service holding most of their package: EventItemWriter "
        "(org.eclipse.cargotracker.interfaces.handling.file)",
        "클래스 1개를 같은 패키지의 클래스가 가장 많은 서비스로 옮겼습니다: "
        "EventItemWriter (org.eclipse.cargotracker.interfaces.handling.file)",
    ),
    (
        "1 class joined the only service using it: EgovMessageSource (used by "
        "EgovLoginController)",
        "사용하는 서비스가 하나뿐인 클래스 1개를 그 서비스로 옮겼습니다: EgovMessageSource "
        "(EgovLoginController에서 사용)",
    ),
    (
        "7 classes joined the only service using them: ExternalRoutingService (used by "
        "DefaultBookingService), CargoStatusDtoAssembler (used by DefaultBookingServiceFacade), "
        "TrackingEventsDtoAssembler (used by CargoStatusDtoAssembler) and 4 more",
        "사용하는 서비스가 하나뿐인 클래스 7개를 그 서비스로 옮겼습니다: ExternalRoutingService "
        "(DefaultBookingService에서 사용), CargoStatusDtoAssembler "
        "(DefaultBookingServiceFacade에서 사용), TrackingEventsDtoAssembler "
        "(CargoStatusDtoAssembler에서 사용) 외 4개",
    ),
    (
        "2 sample-data loaders joined the only service whose data they load: CustomerLoader "
        "(uses CustomerAddress), FlightLoader (uses AirportCodeMapping)",
        "한 서비스의 데이터만 적재하는 샘플 데이터 로더 2개를 그 서비스로 옮겼습니다: "
        "CustomerLoader (CustomerAddress 사용), FlightLoader (AirportCodeMapping 사용)",
    ),
    (
        "1 sample-data loader joined the only service whose data they load: BookingLoader (uses "
        "BookingServiceImpl)",
        "한 서비스의 데이터만 적재하는 샘플 데이터 로더 1개를 그 서비스로 옮겼습니다: "
        "BookingLoader (BookingServiceImpl 사용)",
    ),
    (
        "stores no class of their service calls joined their callers: ItemMapper",
        "같은 서비스의 어떤 클래스도 호출하지 않는 저장소 클래스(DAO·매퍼 등)를 호출하는 쪽 "
        "서비스로 옮겼습니다: ItemMapper",
    ),
    (
        "model classes joined the service of their stores: LoginVO",
        "모델 클래스를 그 저장소 클래스가 있는 서비스로 옮겼습니다: LoginVO",
    ),
]


@pytest.mark.parametrize(("note", "korean"), NOTES, ids=[n[:48] for n, _ in NOTES])
def test_every_kind_of_note_reads_in_korean(note: str, korean: str) -> None:
    assert translator("ko")(note) == korean
    assert translator("en")(note) == note, "English stays as it is"


def test_the_korean_notes_keep_every_name_and_figure() -> None:
    """Names and figures of each note come through, and no English word is left."""
    korean = translator("ko")
    for note, _ in NOTES:
        kept = NAME.findall(note)
        assert all(name in korean(note) for name in kept), (note, kept)
        assert not english_left(korean(note)), korean(note)


def _notes(root: Path, assignment: dict[str, str] | None = None, **settings: Any) -> list[str]:
    config = msadecomp.Config(jobs=1, **settings)
    return list(msadecomp.analyze(root, config, assignment=assignment).report["notes"])


def test_every_note_of_real_runs_reads_in_korean(fixture_root: Path) -> None:
    """Notes taken from analyses of the fixture with settings that make many different ones,
    not copied by hand: a reworded or new English note fails here."""
    natural = msadecomp.analyze(fixture_root, msadecomp.Config(jobs=1))
    count = sum(1 for c in natural.decomposition.clusters if not c.kernel)
    pins = {m: c.id for c in natural.decomposition.clusters for m in c.classes}
    smallest = min(
        (c for c in natural.decomposition.clusters if not c.kernel), key=lambda c: len(c.classes)
    )
    to_kernel = dict.fromkeys(smallest.classes, "K")
    unknown = {"com.example.Missing": "nowhere", "com.example.Gone": "K"}
    notes = list(natural.report["notes"])
    notes += _notes(fixture_root, services=3)
    notes += _notes(fixture_root, services=count)
    notes += _notes(fixture_root, services=count + 5)
    notes += _notes(fixture_root, services=1000)
    notes += _notes(fixture_root, kernel_include=("egovframework.com.cmm.*",))
    notes += _notes(
        fixture_root,
        together=(("com.nothing.*", "egovframework.com.cop.bbs.*"),),
        apart=(("egovframework.NoSuch*", "egovframework.com.uss.*"),),
    )
    for algorithm in ("label_propagation", "greedy_modularity"):
        notes += _notes(fixture_root, algorithm=algorithm)
        notes += _notes(fixture_root, algorithm=algorithm, resolution=1.0)
        notes += _notes(fixture_root, algorithm=algorithm, services=3)
        notes += _notes(fixture_root, algorithm=algorithm, services=50)
    notes += _notes(fixture_root, {**pins, **to_kernel, **unknown})
    notes += _notes(fixture_root, {**to_kernel, **unknown})
    kinds = {NAME.sub("N", n.partition(":")[0]) for n in notes}
    assert len(kinds) >= 20, sorted(kinds)  # the runs give many different notes
    korean = translator("ko")
    untranslated = [n for n in notes if not HANGUL.search(korean(n)) or english_left(korean(n))]
    assert untranslated == []


def test_the_korean_reports_give_the_notes_in_korean(fixture_root: Path) -> None:
    report = msadecomp.analyze(fixture_root, msadecomp.Config(jobs=1, services=3)).report
    notes = report["notes"]
    assert len(notes) >= 5
    markdown, page = to_markdown(report, "ko"), to_html(report, {}, "ko")
    korean = translator("ko")
    for note in notes:
        assert f"- {korean(note)}" in markdown and f"<li>{html.escape(korean(note))}</li>" in page
        assert note not in markdown and html.escape(note) not in page
    assert "서비스를 도출한 방법" in markdown and "서비스를 도출한 방법" in page
    english = to_markdown(report, "en")
    assert all(f"- {note}" in english for note in notes), "English reports keep the notes"

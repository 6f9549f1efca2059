"""Every decoding that replaces bytes is a diagnostic with the file and, when known, the line
(issue 9: "nothing lost silently")."""

from __future__ import annotations

import struct
from pathlib import Path

import msadecomp
from hostile_inputs import ClassFileBuilder, fixture_copy
from msadecomp.ingest.decoding import decode_source, lossy_diagnostic

EUC_KR_JSP = '<%-- 게시판 목록 --%>\n<a href="/cop/bbs/list.do">목록</a>\n'.encode("euc-kr")


def test_two_stray_bytes_keep_the_korean_text_and_name_the_line() -> None:
    data = EUC_KR_JSP + b"<p>\xff\xfe</p>\n"
    decoded = decode_source(data)
    assert decoded.encoding == "cp949"
    assert "게시판 목록" in decoded.text
    assert (decoded.replaced, decoded.first_bad_line) == (2, 3)
    problem = lossy_diagnostic("a.jsp", decoded, "jsp")
    assert problem is not None
    assert (problem.code, problem.source.line) == ("jsp.lossy-decoding", 3)


def test_exact_decoding_gives_no_diagnostic() -> None:
    assert lossy_diagnostic("a.jsp", decode_source(EUC_KR_JSP), "jsp") is None


def test_jsp_with_stray_bytes_is_reported_and_still_read(
    fixture_root: Path, tmp_path: Path
) -> None:
    app = fixture_copy(fixture_root, tmp_path)
    page = app / "src/main/webapp/WEB-INF/jsp/Stray.jsp"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_bytes(EUC_KR_JSP + b"\xff\xff\n")
    analysis = msadecomp.analyze(app, msadecomp.Config(jobs=1))
    found = [d for d in analysis.model.diagnostics if d.source.path.endswith("Stray.jsp")]
    assert [(d.code, d.source.line) for d in found] == [("view.lossy-decoding", 3)]
    [read] = [p for p in analysis.model.pages if p.path.endswith("Stray.jsp")]
    assert read.links == ("/cop/bbs/list.do",)


def test_class_file_with_broken_modified_utf8_is_reported(
    fixture_root: Path, tmp_path: Path
) -> None:
    b = ClassFileBuilder()
    b.raw(b"\x01" + struct.pack(">H", 3) + b"\xed\xa0\x80")  # a lone surrogate
    app = fixture_copy(fixture_root, tmp_path)
    (app / "Odd.class").write_bytes(b.build("p/Odd", struct.pack(">HHH", 0, 0, 0)))
    analysis = msadecomp.analyze(app, msadecomp.Config(jobs=1))
    found = [d.code for d in analysis.model.diagnostics if d.source.path == "Odd.class"]
    assert found == ["input.encoding"]

"""Source bytes decode the way legacy Korean code bases need."""

import codecs

from hypothesis import given
from hypothesis import strategies as st

from msadecomp.ingest.decoding import Decoded, decode_markup, decode_source, is_binary

KOREAN = "// 민원 처리기한 계산 (주말 제외)\nclass A {}\n"


def test_utf8_is_read_as_utf8() -> None:
    d = decode_source(KOREAN.encode("utf-8"))
    assert (d.text, d.encoding, d.lossy) == (KOREAN, "utf-8", False)


def test_euc_kr_falls_back_to_cp949() -> None:
    d = decode_source(KOREAN.encode("euc-kr"))
    assert (d.text, d.encoding) == (KOREAN, "cp949")


def test_cp949_extension_characters_are_read() -> None:
    text = "// 똠방각하 펲\n"  # 펲 exists in CP949 but not in EUC-KR
    assert decode_source(text.encode("cp949")).text == text


def test_bom_wins() -> None:
    assert decode_source(codecs.BOM_UTF8 + b"class A {}").text == "class A {}"
    assert decode_source("class B {}".encode("utf-16")).text == "class B {}"


def test_undecodable_bytes_are_replaced_and_flagged() -> None:
    d = decode_source(b"class A { } \xff\xfe\xfd\x80")
    assert d.lossy and "\ufffd" in d.text and d.text.startswith("class A")


def test_western_text_is_read_as_windows_1252_and_korean_never_is() -> None:
    """Java Pet Store's French copyright comments are no Korean with stray bytes."""
    french = "/* Copyright © 2003 — droits réservés, « Müller » */ class A {}"
    assert decode_source(french.encode("cp1252")) == Decoded(french, "cp1252")
    korean = decode_source("// 게시판".encode("cp949") + b" r\xe9serv\xe9s")
    assert korean.encoding == "cp949" and korean.lossy and "게시판" in korean.text
    assert decode_source(b"x = 1; // \xe9\xe8\xe0 \x81").lossy  # no word, and 0x81 is unused


@given(st.binary(max_size=512))
def test_any_bytes_decode_without_raising(data: bytes) -> None:
    d = decode_source(data)
    assert isinstance(d.text, str)


@given(st.text(max_size=200))
def test_utf8_text_round_trips(text: str) -> None:
    data = text.encode("utf-8")
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        assert decode_source(data).text == text


TEXT = st.text(
    st.characters(categories=("L", "N", "P", "S", "Zs", "Cf", "Co"), exclude_characters="\x00")
    | st.sampled_from("\t\r\n\x0b\x0c")
)


@given(TEXT, st.sampled_from(["utf-8", "cp949", "utf-16", "utf-16-le", "utf-16-be", "utf-32-le"]))
def test_text_in_any_encoding_is_no_binary(text: str, encoding: str) -> None:
    """UTF-16 and UTF-32 text holds NUL bytes too, with or without a byte-order mark."""
    try:
        data = f"<?xml version='1.0'?><a>{text}</a>".encode(encoding)
    except UnicodeEncodeError:
        return
    assert not is_binary(data)


def test_compiled_and_compressed_files_are_binary() -> None:
    assert is_binary(b"\x03\x00\x08\x00\x98\r\x00\x00\x01\x00\x1c\x00")  # Android XML
    # OpenLAMIS's web/exchange/nigqual.xml, compressed with zlib
    assert is_binary(
        b"x\x9c\xb3\xb1\xaf\xc8\xcdQ(K-*\xce\xcc\xcf\xb3U2\xd43PRH\xcdK\xceO\xc9\xccK\xb7U\n"
        b"\rq\xd3\xb5P\xb2\xb7\xe3\xe2\xb2\xc9\xcbL/,M\xcc)\xd6\xb7\xe3\x02\x00\xb5\xc9\x0f\xe7"
    )
    # OpenLAMIS's user.xml, compressed too: no NUL, but control bytes no text has
    assert is_binary(b"x\x9c]P\xcbn\x830\x10\xbc\xf3\x15\x88\xbb\x03&\x94G\xe48\xca")
    assert not is_binary(b"<a>\xff\xfe stray bytes,\x0c\x1b\x1a no NUL</a>\r\n")


def test_markup_in_a_shifting_encoding_is_text() -> None:
    """A review found an ISO-2022-KR mapper (SO and SI bytes shift to Korean) skipped as
    binary, and BOM-less UTF-16 XML with a soft hyphen or a zero-width space too."""
    korean = '<?xml version="1.0" encoding="ISO-2022-KR"?><a>게시판</a>'.encode("iso2022_kr")
    assert b"\x0e" in korean and not is_binary(korean)
    assert not is_binary("<a>co\u00adop \u200b\ue000</a>".encode("utf-16-le"))
    assert not is_binary("<a>page\x0cbreak\x0bv</a>".encode("utf-16-le"))  # form feed, VT


@given(st.binary(max_size=2048))
def test_any_bytes_are_told_without_raising(data: bytes) -> None:
    assert is_binary(data) in (True, False)


def test_a_page_is_read_by_the_charset_it_declares_when_its_bytes_fit() -> None:
    spanish = "<p>Señor: añadir información, código único ¿qué? ¡Esto sólo!</p>"
    assert decode_source(spanish.encode("cp1252")).text == spanish  # more bytes lost than Hangul
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    page = (meta + "<td>\xa0ñ\xa0</td>").encode("cp1252")
    assert decode_markup(page) == Decoded(meta + "<td>\xa0ñ\xa0</td>", "cp1252")
    jsp = '<%@ page pageEncoding="EUC-KR" %><h1>게시판</h1>'
    assert decode_markup(jsp.encode("euc-kr")).text == jsp
    # a Korean JSP declaring UTF-8 while saved as EUC-KR is still read as Korean
    wrong = '<%@ page contentType="text/html; charset=UTF-8" %><h1>게시판</h1>'
    assert decode_markup(wrong.encode("euc-kr")).text == wrong
    assert decode_markup(b'<meta charset="no-such-charset"><p>x</p>').encoding == "utf-8"


def test_a_declared_charset_never_crashes_nor_beats_stronger_evidence() -> None:
    for odd in ("undefined", "punycode", "rot13", "base64", "no-such"):
        page = f'<meta charset="{odd}"><a href="x.jsp">x</a>'.encode()
        assert decode_markup(page).text.endswith('<a href="x.jsp">x</a>')
    # Eclipse's ISO-8859-1 header on a page saved as EUC-KR
    korean = '<%@ page contentType="text/html; charset=ISO-8859-1" %><p>게시판</p>'
    assert decode_markup(korean.encode("euc-kr")).text == korean
    # a byte-order mark and valid UTF-8 win; UTF-16 declared in a page is no UTF-16
    utf8 = '<meta charset="iso-8859-1"><p>código 게시판</p>'
    assert decode_markup(codecs.BOM_UTF8 + utf8.encode()).text == utf8
    assert decode_markup(utf8.encode()).text == utf8
    assert decode_markup(b'<meta charset="utf-16"><a href="/x">').text.endswith('href="/x">')

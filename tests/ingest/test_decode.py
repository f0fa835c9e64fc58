from __future__ import annotations

import codecs

import pytest

from reader.ingest.decode import DecodeError, decode_bytes


def test_utf8_plain_and_with_bom() -> None:
    assert decode_bytes("Café “quoted”".encode()).text == "Café “quoted”"
    decoded = decode_bytes(codecs.BOM_UTF8 + "Café".encode())
    assert decoded.text == "Café"
    assert decoded.encoding == "utf-8-sig"


def test_windows_1252_is_recognised() -> None:
    decoded = decode_bytes("“Smart” quotes — and £5".encode("cp1252"))
    assert decoded.text == "“Smart” quotes — and £5"
    assert decoded.encoding == "windows-1252"


def test_latin1_when_cp1252_cannot_decode() -> None:
    data = b"Caf\xe9 \x81 menu"  # 0x81 is unassigned in cp1252
    decoded = decode_bytes(data)
    assert decoded.encoding == "latin-1"
    assert decoded.text.startswith("Café")


def test_utf16_with_bom() -> None:
    decoded = decode_bytes("Hello “world”".encode("utf-16"))
    assert decoded.text == "Hello “world”"


def test_a_stray_byte_in_utf8_text_is_replaced_and_reported() -> None:
    data = ("Children’s privacy. " * 200).encode() + b"\xff" + " More text.".encode()
    decoded = decode_bytes(data)
    assert decoded.encoding.startswith("utf-8")
    assert "Children’s" in decoded.text
    assert decoded.warnings and "not valid UTF-8" in decoded.warnings[0]


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"  \n\n \t", "whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
])
def test_not_text(data: bytes, message: str) -> None:
    with pytest.raises(DecodeError, match=message):
        decode_bytes(data)


def test_control_bytes_without_a_nul_mark_binary_data_but_text_controls_do_not() -> None:
    text = b"Ferry service resumed on Monday. " * 20  # 660 bytes
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(text + b"\x01\x02\x03\x04\x05\x06" * 10)  # 60 of 720 bytes: over 5%
    assert decode_bytes(text + b"\x01\x02").text.startswith("Ferry")  # a stray pair: under 5%
    assert decode_bytes(text + b"\t\x0c\r\n\x1b" * 20).text.startswith("Ferry")  # tabs, form feeds, CR, ESC are text


def test_utf32_with_bom_is_not_read_as_utf16() -> None:
    data = codecs.BOM_UTF32_LE + "Ferry service resumed on Monday.".encode("utf-32-le")
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == ("Ferry service resumed on Monday.", "utf-32")


def test_binary_data_anywhere_marks_binary_not_only_in_the_first_8_kb() -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(b"Ferry service resumed. " * 1000 + b"\x00\x00\x01\x02" * 300)


def test_a_few_nul_bytes_in_text_are_read_as_spaces_and_said() -> None:
    data = b"Ferry service resumed. " * 1000 + b"\x00\x00 tail"  # a damaged copy: the text is still there
    decoded = decode_bytes(data)
    assert decoded.text.endswith("resumed.    tail") and len(decoded.text) == len(data)
    assert decoded.encoding == "utf-8" and decoded.warnings == ["2 NUL bytes read as spaces"]


def test_a_short_file_with_one_nul_is_text() -> None:
    assert decode_bytes(b"Harbour\x00 reopens\n\nThe harbour reopened.\n").text.startswith("Harbour  reopens")


def test_nul_bytes_by_the_hundred_are_binary() -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(b"Ferry service resumed. " * 100 + b"\x00" * 300)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read(codec: str) -> None:
    text = "Ferry service resumed on Monday, the café said.\r\nCrews worked overnight.\r\n" * 20
    decoded = decode_bytes(text.encode(codec))
    assert (decoded.text, decoded.encoding) == (text, codec)
    assert decoded.warnings == ["UTF-16 without a byte-order mark"]


def test_windows_1252_pasted_into_utf8_is_read_as_both_with_a_warning() -> None:
    data = "The mayor’s “plan” passed. ".encode() * 5 + b"Caf\xe9 owners called it \x93unfair\x94."
    decoded = decode_bytes(data)
    assert decoded.text.endswith("Café owners called it “unfair”.")  # was: the whole file as mojibake
    assert decoded.text.startswith("The mayor’s “plan” passed.")
    assert decoded.warnings == ["3 bytes not valid UTF-8, read as Windows-1252"]  # é and the two quotes
    assert len(decoded.text) == len(data.decode("utf-8", errors="surrogateescape"))  # one character per byte


@pytest.mark.parametrize(("declaration", "codec", "words"), [
    ('<meta charset="windows-1251">', "cp1251", "Новый мост открыт в Казани"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', "cp932", "大阪で新しい橋が開通"),
    ('<meta charset=euc-kr>', "cp949", "서울 지하철 새 노선 개통"),
    ('<meta charset="koi8-r">', "koi8_r", "Новый мост"),
], ids=["cp1251", "shift-jis", "euc-kr", "koi8-r"])
def test_a_page_declaring_its_encoding_is_read_in_it(declaration: str, codec: str, words: str) -> None:
    page = f"<html><head>{declaration}<title>{words}</title></head><body><p>{words}.</p></body></html>"
    decoded = decode_bytes(page.encode(codec))
    assert words in decoded.text and not decoded.warnings


def test_an_xml_declaration_names_a_feeds_encoding() -> None:
    feed = '<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>Казанские новости</title></channel></rss>'
    decoded = decode_bytes(feed.encode("cp1251"))
    assert "Казанские новости" in decoded.text and decoded.encoding == "windows-1251"


def test_valid_utf8_is_utf8_whatever_the_page_declares_and_a_misfit_declaration_is_passed_over() -> None:
    mislabelled = '<meta charset="windows-1251"><p>Café “Olé” — 5 €</p>'
    assert decode_bytes(mislabelled.encode("utf-8")).text == mislabelled
    # Declared Shift_JIS, written in Windows-1252: the bytes do not fit it, the usual reading stands.
    misfit = '<meta charset="shift_jis"><p>Caf\u00e9 \u00fcber \u00e0 la \u00ff \u00fe</p>'.encode("cp1252")
    assert "über" in decode_bytes(misfit).text

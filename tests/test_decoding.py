"""Bytes that are not UTF-8 are decoded with the detector, its candidates ranked by the character model."""

from __future__ import annotations

import pytest

from unmangle.decoding import UnreadableInput, decode_bytes

SAMPLES = [
    ("latin-1", "Le café de la gare est fermé à cause de la grève, où êtes-vous?"),
    ("cp1250", "Příliš žluťoučký kůň úpěl ďábelské ódy, řekl člověk."),
    ("cp1251", "Москва является столицей Российской Федерации и крупнейшим городом страны."),
    ("koi8-r", "Москва является столицей России."),
    ("cp1253", "Η Ελλάδα είναι χώρα της νοτιοανατολικής Ευρώπης."),
    ("cp1254", "Türkiye'nin başkenti Ankara'dır ve şehir büyüktür."),
    ("cp1255", "שלום עולם, זוהי בדיקה של קידוד עברי."),
    ("cp1256", "اللغة العربية هي لغة رسمية في كثير من الدول."),
    ("gbk", "中文网页的编码常常是国家标准，北京是中华人民共和国的首都。"),
    ("big5", "中華民國的首都是臺北市，人口眾多。"),
    ("shift_jis", "東京都は日本の首都であり、人口が最も多い都市です。"),
    ("euc-jp", "東京都は日本の首都であり、人口が最も多い都市です。"),
    ("euc-kr", "한국어 문서를 올바르게 표시할 수 없는 문제가 있습니다."),
]


@pytest.mark.parametrize(("codec", "text"), SAMPLES, ids=[c for c, _ in SAMPLES])
def test_a_short_text_in_a_legacy_encoding_is_decoded_right(codec: str, text: str) -> None:
    decoded, edits = decode_bytes(text.encode(codec))
    assert decoded == text
    assert [e.kind for e in edits] == ["decode"]


def test_utf8_needs_no_detector_and_loses_its_bom() -> None:
    assert decode_bytes("café".encode("utf-8-sig")) == ("café", [])


def test_binary_bytes_are_refused_with_a_clear_error() -> None:
    with pytest.raises(UnreadableInput, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_text_is_read_not_refused_as_binary(codec: str) -> None:
    text = "Renée Fleming sang at the Opéra; the review ran on page two.\nSecond line."
    data = text.encode(codec)
    if codec == "utf-16":
        assert data.startswith((b"\xff\xfe", b"\xfe\xff"))  # (a byte order mark names it)
    decoded, edits = decode_bytes(data)
    assert decoded == text and edits[0].kind == "decode" and "utf-" in edits[0].detail


def test_a_broken_byte_order_mark_is_a_clear_error() -> None:
    with pytest.raises(UnreadableInput):
        decode_bytes(b"\xff\xfe" + b"\x00\xd8")  # UTF-16 with a lone surrogate


def test_old_mac_line_ends_point_to_mac_roman() -> None:
    assert decode_bytes("Noël\rCoward".encode("mac-roman"))[0] == "Noël\rCoward"


def test_utf8_with_a_few_stray_bytes_stays_utf8() -> None:
    # A UTF-8 page that pasted in a Latin-1 byte or two: a detector found no encoding for the whole (exit 2), or
    # would read every UTF-8 character as mojibake. The UTF-8 is read as UTF-8, each stray byte as cp1252.
    text = "Le café était plein. “Bonjour”, dit-elle — puis elle partit. " * 5
    data = text.encode("utf-8") + b"Prix: 5\xe9 euros. " + text.encode("utf-8")
    decoded, edits = decode_bytes(data)
    assert decoded == text + "Prix: 5é euros. " + text
    assert [e.kind for e in edits] == ["decode"] and "1 that are not" in edits[0].detail


def test_a_legacy_text_is_not_taken_for_utf8_with_strays() -> None:
    for codec, text in SAMPLES:
        decoded, _ = decode_bytes(((text + " ") * 20).encode(codec))
        assert decoded == (text + " ") * 20, codec

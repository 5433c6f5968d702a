"""Candidate readings of a token: every (true encoding, wrong decoder) pair that can have shown it."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unmangle.encoding.codecs import LEGACY_TRUE
from unmangle.encoding.readings import _READ_BACK, _legacy_readings, token_around


@pytest.mark.parametrize("true", LEGACY_TRUE)
def test_a_true_codec_reads_bytes_back_as_its_python_codec_does_with_errors_replaced(true: str) -> None:
    rng = random.Random(true)
    samples = [bytes(range(256)), b"", b"plain ascii", *(rng.randbytes(rng.randrange(1, 9)) for _ in range(2000))]
    for data in samples:
        assert _READ_BACK[true](data) == data.decode(true, "replace")


def test_a_legacy_text_read_as_latin_1_comes_back_through_each_code_page_that_reads_it() -> None:
    readings = {(r.text, r.detail) for r in _legacy_readings("ÊÎÒ")}  # Russian `КОТ` in cp1251, read as cp1252
    assert ("КОТ", "cp1251 read as cp1252") in readings
    assert ("йнр", "koi8-r read as cp1252") in readings
    # (A Polish sign read as a letter: `gra³` is `grał` through cp1250 and ISO-8859-2, which say so alone.)
    polish = [r for r in _legacy_readings("gra³") if r.text == "grał"]
    assert {r.detail for r in polish} == {f"{cp} read as {wrong}" for cp in ("cp1250", "iso-8859-2")
                                          for wrong in ("cp1252", "latin-1")}
    assert all(r.min_gain == 6.0 for r in polish)


def test_bytes_no_true_codec_can_read_give_no_reading_and_no_replacement_mark() -> None:
    for token in ("ÊÎÒ", "gra³", "Ð¡Ð¾Ð±Ð°ÐºÐ°", "naïve", "€‰"):
        assert all("\ufffd" not in r.text for r in _legacy_readings(token))


@pytest.mark.parametrize("true", LEGACY_TRUE)
def test_no_true_codec_reads_bytes_it_can_read_as_a_replacement_mark(true: str) -> None:
    # (Legacy readings tell bytes a codec cannot read by the U+FFFD its reader puts there.)
    pairs = [bytes([b]) for b in range(256)] + [bytes([a, b]) for a in range(0x80, 0x100) for b in range(0x40, 0x100)]
    for data in pairs:
        try:
            assert "\ufffd" not in data.decode(true)
        except UnicodeDecodeError:
            continue


def test_a_legacy_text_read_with_a_central_european_code_page_is_read_back() -> None:
    readings = {(r.text, r.detail) for r in _legacy_readings("Ěîńęâŕ")}  # `Москва` in cp1251, read as cp1250
    assert ("Москва", "cp1251 read as cp1250") in readings


def test_utf8_mojibake_of_cp1252_is_no_legacy_text_read_as_macroman() -> None:
    # MacRoman writes every character of cp1252's mojibake; read back, its bytes are other mojibake (`Žö´`).
    assert not [r for r in _legacy_readings("spaceéˆ¥") if "mac-roman" in r.detail]


@given(st.text(alphabet=st.sampled_from("ab\u00e9 \t\n\r\f\v\xa0\u3000"), max_size=40), st.data())
def test_a_token_is_bounded_by_ascii_whitespace_only(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text)))
    start, end = token_around(text, pos)
    spaces = " \t\n\r\f\v"
    assert start <= pos <= end
    assert not any(c in spaces for c in text[start:end])  # (a no-break space and an ideographic one are inside)
    assert start == 0 or text[start - 1] in spaces
    assert end == len(text) or text[end] in spaces

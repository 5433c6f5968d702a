"""ftfy where it does the job well: its whole-text repairs taken at its speed, checked by our scan and model."""

from __future__ import annotations

import pytest

from unmangle import fix_and_explain, fix_text
from unmangle.encoding.ftfy_steps import ftfy_first


def test_ftfy_first_takes_single_byte_mojibake_with_one_edit_per_word() -> None:
    text = "Le cafÃ© est trÃ¨s bon, dÃ©cidÃ©ment."
    edits = ftfy_first(text)
    assert edits is not None
    assert [(e.before, e.after) for e in edits] == [("cafÃ©", "café"), ("trÃ¨s", "très"),
                                                    ("dÃ©cidÃ©ment.", "décidément.")]
    assert {e.detail for e in edits} == {"utf-8 read as cp1252"}
    assert all(0 < e.confidence <= 1 for e in edits)


def test_ftfy_first_names_both_layers_of_a_double() -> None:
    text = "The Mona Lisa doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t have eyebrows."
    edits = ftfy_first("It doesnÃ¢â‚¬â„¢t matter.")
    assert edits is not None and edits[0].after == "doesn’t"
    assert edits[0].detail == "utf-8 read as cp1252, then utf-8 read as cp1252"
    assert fix_text(text) == "The Mona Lisa doesn’t have eyebrows."


def test_ftfy_first_declines_when_another_decoder_reads_the_text_otherwise() -> None:
    # cp1252 gives `WÀhrend`, ISO-8859-15 `Während`: the model decides, not ftfy's first codec.
    text = "WÃ€hrend der Woche blieb es ruhig."
    assert ftfy_first(text) is None
    assert fix_text(text) == "Während der Woche blieb es ruhig."


def test_ftfy_first_declines_what_it_leaves_odd() -> None:
    assert ftfy_first("It鈥檚 here") is None  # (a CJK decoder: not ftfy's to repair)
    assert ftfy_first("Plain clean text, café.") is None


def test_a_line_ftfy_reads_better_takes_ftfys_reading() -> None:
    # Our token search reads `VisÅ³` alone; ftfy reads the whole line with cp1257, no-break space and all.
    text = "Å iaip ÄÆdomu, kaip ÄÆsivaizduoji. VisÅ³ pirma tam reikia laiko."
    assert fix_text(text) == "Šiaip įdomu, kaip įsivaizduoji. Visų pirma tam reikia laiko."


def test_a_space_after_a_lead_byte_is_read_as_a_lost_no_break_space() -> None:
    fixed, edits = fix_and_explain("Ð ÑƒÑ\ufffdÑ\ufffdÐºÐ¸Ð¹ Ñ\x8fÐ·Ñ‹Ðº")
    assert fixed.startswith("Ру")
    assert fix_text("voilÃ le travail") == "voilà le travail"
    assert any(e.kind in ("mojibake", "lost-byte") for e in edits)


@pytest.mark.parametrize(("broken", "fixed"), [
    ("ä½ å¥½ï¼Œä¸–ç•Œ", "你好，世界"),  # (你 is E4 BD A0: its last byte a no-break space, then a plain one)
    ("è¿™æ˜¯ä½ çš„ä¹¦", "这是你的书"),
    ("å\xad¦ä¹  ä¸\xadæ–‡", "学习 中文"),  # (习 ends in 0xA0 before a real space: both kept as they were)
    ("ä¸\xadæ–‡ ä½ å¥½", "中文 你好"),  # (not `位`, the character that read the space as nothing)
    ("ì „ìŸ", "전쟁"),  # (전 is EC A0 84: the byte inside the syllable)
    ("ëŒ€í•œë¯¼êµ\xad ì •ë¶€ëŠ”", "대한민국 정부는"),
])
def test_a_space_where_a_cjk_character_had_its_byte_0xa0_is_its_lost_no_break_space(broken: str,
                                                                                   fixed: str) -> None:
    assert fix_text(broken) == fixed


def test_ftfy_is_not_taken_on_text_our_gate_finds_clean() -> None:
    text = "Ã e Õ são letras do alfabeto português; os pães e as mães põem a mesa."
    assert fix_and_explain(text) == (text, [])


def test_fix_text_reads_ftfy_s_repair_as_fix_and_explain_does() -> None:
    # fix_text takes ftfy's reading without building the edits that explain it; the text must be the same.
    from unmangle import fix_and_explain, fix_text

    for original in ("Le café était plein. “Bonjour”, dit-elle — puis elle partit.",
                     "Über den Wolken, naïve façade, São Paulo, Москва, Ελλάδα.",
                     "Steißbein and WÀhrend\u00a0x"):
        for codec in ("cp1252", "latin-1", "cp1251", "mac_roman"):
            try:
                broken = original.encode("utf-8").decode(codec)
            except UnicodeDecodeError:
                continue
            assert fix_text(broken) == fix_and_explain(broken)[0]

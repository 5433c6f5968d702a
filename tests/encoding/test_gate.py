"""The clean-path gate: real text that merely looks odd somewhere skips the full repair, mojibake does not.

Each clean sentence below trips :func:`find_suspect` (that is checked too, so the cases stay meaningful): the
gate must see that the odd place is a chance shape of real text. Each broken one must still be repaired.
"""

from __future__ import annotations

import ftfy.bad_codecs  # noqa: F401  (the sloppy code pages)
import pytest

from unmangle import fix_and_explain, fix_text
from unmangle.encoding.gate import judge, reaches_repair, worth_repairing
from unmangle.encoding.readings import find_suspect

LOOKS_ODD = {
    "ukrainian": "Він сказав, що після війни ці люди жили у віці сорока років у місці, де кінці доріг сліпі.",
    "bulgarian": "Агентите на ФБР разследват случая, съобщи НАТО.",
    "thai": "ผู้อำนวยการด้านการค้าของบริษัท และบรรดาครูใหญ่หญิง เมื่อพิจารณาถึงโจทย์ปัญหาในการคำนวณแล้ว",
    "persian": "مخترع شبکه جهانی وب در سبک طراحی خود",
    "arabic": "تم بيع الكتاب فقط، في 6 أشهر من صدوره",
    "korean": "그러나 차츰 달라지고 있다. 타이어를 꽉 붙잡아 선회한다. UR의 조속한 타결을 촉구했다.",
    "chinese": "咖啡因是一种黄嘌呤生物碱化合物，解释，包括 斑疹伤寒、天花。",
    "japanese": "インタビューは12:00～13:00に放送される。MengaがConnorを見た。",
    "czech": "Nejvyšší soud rozhodl o šíření a dohlíží na potížích.",
    "turkish": "Küçük bir köyde üçüncü kez göçüp gitti.",
    "vietnamese": "Chúng tôi theo dõi vấn đề này từ đầu.",
    "french": "Le nom « Caraïbes » vient des Caribes, un peuple des Antilles.",
    # `é\xa0»` is UTF-8 for one CJK character under Latin-1: one character, in a word ftfy finds fine.
    "french-guillemets": "Il a parlé d’un geste «\xa0de pure générosité\xa0», puis d’un «\xa0moment de vérité\xa0».",
    # One rare Latin-1 letter in two words is a unit, or a language's own letter, not a code page's damage.
    "units": "Le débit moyen est de 12 m³ par seconde, soit 380 Hm³ par an.",
    "diaeresis": "Elle a quitté la Thaïlande pour rejoindre Krasnoïarsk en hiver.",
}


def _mangle(text: str, true: str, wrong: str, errors: str = "strict") -> str:
    return text.encode(true).decode(wrong, errors)


BROKEN = {
    "utf8-as-cp1252": _mangle("Le café est très bon, déjà.", "utf-8", "cp1252"),
    "utf8-as-koi8-r": _mangle("Привет, как дела?", "utf-8", "koi8-r"),
    "utf8-as-cp1251": _mangle("Привет, как дела?", "utf-8", "cp1251"),
    "utf8-as-gbk": _mangle("It’s here", "utf-8", "gbk"),
    "utf8-as-big5": _mangle("Cécile arrive demain.", "utf-8", "big5"),
    "utf8-as-euc-kr": _mangle("Württemberg is nice", "utf-8", "euc_kr"),
    "utf8-as-gbk-ignore": _mangle("The minister paused — then he continued.", "utf-8", "gbk", "ignore"),
    "cp1250-as-cp1252": _mangle("Jack twierdzi, że kiedy grał w Clyde, było inaczej.", "cp1250", "cp1252"),
    "koi8-r-as-cp1251": _mangle("В декларацията също се споменава, че географското разположение", "koi8-r", "cp1251"),
    "gbk-as-latin-1": _mangle("北京是中华人民共和国的首都", "gbk", "latin-1"),
    "replacement": "Caf\ufffd au lait",
    "utf8-as-cp1251-vietnamese": _mangle("Anh ấy đã đi rồi, thật đấy.", "utf-8", "cp1251"),
    "utf8-as-cp1253-ignore": _mangle("Chiến dịch quân sự kéo dài đến tháng sau.", "utf-8", "cp1253", "ignore"),
    "euc-kr-as-gbk": _mangle("건강을 전혀 돌보지 않았어요", "euc_kr", "gbk"),
    "utf8-as-cp1250-ignore-short": _mangle("لكن", "utf-8", "cp1250", "ignore"),
    # A no-break space a scraper turned into a space is all that is left of `à`: ftfy repairs it.
    "lost-no-break-space": "C'est " + _mangle("voilà", "utf-8", "latin-1").replace("\xa0", " ") + " le travail de "
                           "toute une vie.",
    # Each Greek shape alone could be real Greek; the whole words read back as Hindi.
    "utf8-as-cp1253-hindi": _mangle("शहर तरह ओर", "utf-8", "sloppy-windows-1253"),
    # A Western or Central European code page read with a Cyrillic one: Cyrillic letters glued to ASCII ones.
    "cp1252-as-cp1251": _mangle("Die Straße in Zürich ist schön und grün.", "cp1252", "cp1251"),
    "cp1252-as-koi8-r": _mangle("Le café était très bon à Paris, où nous étions.", "cp1252", "koi8-r"),
    "cp1250-as-cp1251": _mangle("Praha je hlavní město České republiky.", "cp1250", "cp1251"),
    "utf8-as-cp874": _mangle("สวัสดีครับ ยินดีต้อนรับสู่กรุงเทพ", "utf-8", "sloppy-cp874"),
    # Real Thai is scanned without cp874's shapes, but Latin text read with cp874 inside it still counts.
    "utf8-as-cp874-inside-thai": "ข่าวล่าสุดวันนี้ รัฐบาลประกาศมาตรการใหม่ " + _mangle("He said café", "utf-8",
                                                                                       "sloppy-cp874"),
}


@pytest.mark.parametrize("name", sorted(LOOKS_ODD))
def test_real_text_that_looks_odd_skips_the_repair(name: str) -> None:
    text = LOOKS_ODD[name]
    assert find_suspect(text) is not None
    assert not worth_repairing(text)
    assert fix_text(text) == text


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_mojibake_is_worth_repairing(name: str) -> None:
    assert worth_repairing(BROKEN[name])


def test_a_lost_no_break_space_alone_is_repaired() -> None:
    assert fix_text(BROKEN["lost-no-break-space"]) == "C'est voilà le travail de toute une vie."


@pytest.mark.parametrize("text", ["Weiß was er macht.", "KAÇ KİŞİLİK: 4", "Меня укусили!“»", "слід на сім’ї."])
def test_a_short_clean_line_skips_the_repair(text: str) -> None:
    # A line of a few words (a title, a menu entry) is judged like a paragraph: the scan's stop at `ß` or `»`
    # alone is not evidence.
    assert not worth_repairing(text)


@pytest.mark.parametrize(("broken", "fixed"), [("Ã©", "é"), ("cafÃ©", "café"), ("ÐšÐ¸ÐµÐ²", "Киев"),
                                                ("Ã‰cole", "École"), ("â€™", "’")])
def test_a_short_broken_line_is_repaired(broken: str, fixed: str) -> None:
    assert fix_text(broken) == fixed


def test_chinese_with_first_level_characters_our_corpora_seldom_show_skips_the_repair() -> None:
    # `窝阔台汗`, `孛儿帖`: GB 2312 level-1 hanzi in names the corpora hardly show; spaces around a name, as
    # translated text writes them, are no Korean word spacing.
    text = "在成吉思汗的继任者 窝阔台汗 的领导下，扩张速度达到顶峰。在孛儿帖和铁木真结婚后不久，她就被掳走。"
    assert not worth_repairing(text)
    assert fix_and_explain(text) == (text, [])


def test_korean_read_as_gbk_is_first_level_hanzi_but_keeps_its_spaces() -> None:
    korean = "서울은 대한민국의 수도이며 인구는 약 천만 명입니다. 한국어 문장을 올바르게 표시하는 것은 중요합니다."
    broken = korean.encode("euc_kr").decode("gbk")
    assert worth_repairing(broken)
    assert fix_text(broken) == korean


@pytest.mark.parametrize(("text", "expected"), [("plain ASCII text", False), ("Москва — столица России.", False),
                                                ("It鈥檚 here", True), ("cafÃ© au lait", True)])
def test_reaches_repair_is_the_entry_points_clean_path(text: str, expected: bool) -> None:
    assert reaches_repair(text) is expected
    assert (fix_and_explain(text)[1] != []) is expected


@pytest.mark.parametrize("text", [
    "Contributor\n\n\ue095 Pin\n\n\ue093 Share\n\nFOLLOW US\n\n\ue000\n\non Facebook and Twitter for the latest news.",
    "Default\n\n—————\n\nOpen the settings to change the theme of the reader, then save your changes.",
    "网站备案号：京｜ICP备11000号，联系我们【美国The New York Times】中文网．．．版权所有",
    "便利なスマホグッズ大図鑑 ＠ 3月5日発売、今すぐチェック！",
])
def test_what_real_pages_write_beside_their_text_skips_the_repair(text: str) -> None:
    # An icon font's private-use glyphs, a rule drawn with dashes, full-width punctuation: real pages are full of
    # them, and each sent a clean page to the full repair (tens of milliseconds a page).
    assert not reaches_repair(text)
    assert fix_text(text) == text


def test_the_verdict_names_the_odd_letters_when_only_the_model_doubts_them() -> None:
    from unmangle.encoding.gate import judge

    text = "Il se peut même que l'Athenæum et la bibliothèque du Capitole aient brûlé."
    assert judge(text) == (text.index("æ"),)
    assert judge("It鈥檚 the best caf茅 in town.") is True
    assert judge("Plain English, and a café.") is False


def test_a_common_cjk_character_after_a_latin_name_in_chinese_text_is_no_evidence() -> None:
    # `于` is a Latin letter's UTF-8 under a CJK decoder (as every glued character the rule knows), and Chinese
    # writes it right after Latin names; in Latin text the same glued character is a decoder's trace.
    chinese = "ARPANET和SITA HLN于 1969年 开始运营。在1973年引入X.25之前，大约开发了20种不同的网络技术。"
    assert not reaches_repair(chinese)
    assert reaches_repair("Der Vertrag wurde von Herrn M체ller und Frau Schr철der in D체sseldorf unterzeichnet.")


def test_a_full_width_acronym_in_japanese_is_no_evidence() -> None:
    assert not reaches_repair("100均で見つけた意外と便利なスマホグッズ大図鑑 ＠ＤＩＭＥ 3/5(日) 8:10")
    assert not reaches_repair("ＮＨＫとＴＢＳの番組表、ＪＲ東日本の時刻表。")


def test_real_thai_is_judged_clean_by_the_short_way_as_by_the_gate() -> None:
    from unmangle.encoding.gate import SCAN, clean_thai, reaches_repair

    thai = "ประเทศไทยมีสิริมงคลและวัฒนธรรมที่งดงาม กรุงเทพมหานครเป็นเมืองหลวงของประเทศ"
    at = SCAN(thai).start()
    assert clean_thai(thai, at) and not reaches_repair(thai)
    # (A window without a mark before a letter past ฟ is left to the gate, which counts its bytes.)
    plain = "ภาษาไทยเป็นภาษาราชการของประเทศไทย และเป็นภาษาแม่ของชาวไทย"
    assert not clean_thai(plain, SCAN(plain).start()) and not reaches_repair(plain)
    broken = "ภาษาไทย and café".encode().decode("cp874", "replace")  # (Latin text read as cp874 inside Thai)
    first = SCAN(broken)
    assert first is not None and not clean_thai(broken, first.start())


def test_the_gate_judges_a_text_alike_whether_or_not_the_caller_scanned_it_first() -> None:
    from unmangle.encoding.gate import SCAN, judge

    mangled = ["Ð¡Ð¾Ð±Ð°ÐºÐ° Ð»Ð°ÐµÑ‚ Ð½Ð¾Ñ‡ÑŒÑŽ Ð³Ñ€Ð¾Ð¼ÐºÐ¾", "Il a dit â€œnonâ€\x9d hier soir."]
    for text in [*LOOKS_ODD.values(), *mangled]:
        assert judge(text, SCAN(text)) == judge(text)


def test_cjk_characters_are_counted_by_the_run_as_one_by_one() -> None:
    from unmangle.encoding.gate import _CJK, _count_cjk

    text = LOOKS_ODD["chinese"] + " Korean 그러나 차츰, ｆｕｌｌ ｗｉｄｔｈ and kana インタビュー."
    assert _count_cjk(text) == len(_CJK.findall(text))
    assert _count_cjk(text, 5, 40) == len(_CJK.findall(text, 5, 40))


def test_cyrillic_text_is_judged_clean_by_the_short_way_as_by_the_gate() -> None:
    from unmangle.encoding.gate import SCAN, cyrillic_glued, past_cyrillic, reaches_repair

    russian = "В 2019 году компания Apple выпустила iPhone 11, а Samsung — Galaxy S10 в Москве."
    at = SCAN(russian).start()
    assert russian[at] == "В" and past_cyrillic(russian, SCAN(russian)) is None and not reaches_repair(russian)
    # Western text read with a Cyrillic code page: its accented letters turned Cyrillic inside ASCII words.
    french = _mangle("Le café était très bon, à Paris.", "cp1252", "cp1251")
    assert cyrillic_glued(french, SCAN(french).start()) and reaches_repair(french)
    # The `à` French writes alone reads as Cyrillic `а` alone: the next runs decide.
    assert cyrillic_glued("Il va а Paris, au cafй", 6) and not cyrillic_glued("Il va а Paris", 6)


def test_cyrillic_words_beside_latin_ones_are_no_evidence() -> None:
    from unmangle.encoding.second_look import reaches_repair as reaches_full_repair

    # (Nor capitals inside a word, which Greek read with cp1251 shows: brands and acronyms write them too.)
    assert not reaches_full_repair("Актёр Юэн МакГрегор снялся в фильме о СПбГПУ, а ВКонтакте и АвтоВАЗ — компании.")
    for text in ["Компания IT-Grad открыла офис в Санкт-Петербурге для клиентов из EU.",
                 "Він працює у Google, а його брат — у Microsoft у Києві.",
                 "Москва (Moscow) е столицата на Русия, а София — на България."]:
        assert not reaches_repair(text)
        assert fix_text(text) == text


def test_a_cyrillic_word_glued_to_ascii_is_not_read_as_a_cjk_codec_s_on_its_own() -> None:
    # Big5 and GBK also write Cyrillic letters, but a word of Cyrillic glued to ASCII is a Latin code page's
    # (or garbled text) unless the text shows CJK elsewhere: no `邢w` for `поw`, and a second pass agrees.
    for text in ["m поw “╕чkk CддAЙ║зiHày“ Cltt", "Пpивeт, кaк дeлa? Этo нoвый caйт c лучшими цeнaми."]:
        fixed = fix_text(text)
        assert not any("\u4e00" <= c <= "\u9fff" for c in fixed)
        assert fix_text(fixed) == fixed


def test_the_clean_path_and_the_gate_ask_the_same_cyrillic_question() -> None:
    # (An emoji's lead under cp1251 before a Russian sentence: the short way once let it pass while the gate
    # sent it on, and fix_text and fix_and_explain gave two texts.)
    for text in ["рџ‘Ќ привет всем, как дела у вас сегодня?", "рџ‘Ќ Great job, see you", "В 2019 году в Москве."]:
        assert fix_text(text) == fix_and_explain(text)[0]


def test_a_sign_inside_a_cyrillic_word_is_evidence_but_an_apostrophe_is_not() -> None:
    from unmangle.encoding.second_look import reaches_repair as reaches_full_repair

    # DOS cp866 read as cp1251 writes `о л д` as `® « ¤`, and cp1251 read as cp866 writes `ш ю` as `° ■`.
    assert reaches_full_repair(_mangle("Привет, как дела? Всё хорошо, спасибо.", "cp866", "cp1251"))
    assert reaches_full_repair(_mangle("Москва является столицей Российской Федерации.", "cp1251", "cp866"))
    # Ukrainian writes its apostrophe between letters, and any text a no-break space between words.
    for text in ["Він сказав, що п’ять об’єктів будуть готові 30\xa0вересня.", "Компания «Ромашка» и ООО «Лето»."]:
        assert not reaches_full_repair(text) and fix_text(text) == text


def test_a_ukrainian_word_that_a_lossy_code_page_reads_as_cut_short_leads_is_clean() -> None:
    # Under cp1251, which drops 0x98, `Вікіпедії` is `³` and leads short of one byte or two: the full repair spent
    # 13 ms on the paragraph to change nothing. Two bytes lost in one character are no decoder's habit.
    text = ("У суботу член Палати представників США засудила голослівні заяви про те, що один із її штатних "
            "працівників розмістив особисті дані на їхніх сторінках у Вікіпедії.")
    assert not judge(text)

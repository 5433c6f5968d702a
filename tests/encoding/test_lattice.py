"""The lattice search and the lossy multi-byte pass: text a CJK decoder shredded (Big5, EUC-KR, EUC-JP with
ignore, replace or ``?``) is read back, its simulation agrees with Python's decoders, and clean text stays."""

from __future__ import annotations

import codecs

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.encoding.test_families import check_edits, mangle
from unmangle import fix_and_explain, fix_text
from unmangle.encoding.lattice import CLEAN, Channel, index_for, search
from unmangle.encoding.lossy_pass import lossy_pass
from unmangle.encoding.ngram import cjk_model

TAIWAN = "台灣的首都是台北，人口很多，交通也很方便。"
CHINA = "中华人民共和国是一个国家，首都是北京。"
KOREA = "대한민국의 수도는 서울이다. 오늘 날씨가 좋다."


def _distance(a: str, b: str) -> int:
    """Characters to change to turn ``a`` into ``b`` (Levenshtein)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def test_the_exact_model_prefers_real_text_to_the_same_characters_shuffled() -> None:
    model = cjk_model()
    assert model.score(CHINA) > model.score("".join(sorted(CHINA))) + 20


def test_the_exact_model_knows_which_characters_follow_which() -> None:
    followers = cjk_model().followers(ord("首"))
    assert ord("都") in followers.tolist()
    assert np.all(np.diff(followers.astype(np.int64)) > 0)


def test_scores_split_at_the_bigram_agree_with_whole_trigram_scores() -> None:
    # A search keeps P(c | b) with the characters it proposes after b and finishes the score per hypothesis,
    # looking trigram counts up among its contexts' own: the same numbers as the whole model, to the bit.
    model = cjk_model()
    cps = np.frombuffer((CHINA + TAIWAN + KOREA).encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    a, b = cps[:-2], cps[1:-1]
    rng = np.random.default_rng(0)
    own = np.sort(rng.integers(0, len(a), 400))
    c = np.where(rng.random(400) < 0.5, cps[2:][own], rng.choice(model.t["uni_k"], 400))
    whole = model.logprobs(a[own], b[own], c)
    assert np.array_equal(model.logprobs(a, b, c, own), whole)
    assert np.array_equal(model.given_bigram(a, b, model.bigram(b[own], c), c, own), whole)
    assert model.end(int(a[0]), int(b[0])) == model.logprobs(a[:1], b[:1], np.full(1, 2, dtype=np.uint64))[0]


def test_a_table_forgets_what_showed_nothing_before_its_memory_grows(monkeypatch: pytest.MonkeyPatch) -> None:
    from unmangle.encoding import lattice

    monkeypatch.setattr(lattice, "MAX_ANSWERS", 50)
    table = index_for(Channel("utf-8", "big5", "replace")).table(b"")
    kept = {shown: group for shown, group in table.groups.items() if group is not None}
    for i in range(500):
        assert table.get(f"no character shows this {i}") is None
    assert len(table.groups) <= 50 + len(kept)
    assert all(table.groups[shown] is group for shown, group in kept.items())


def test_a_process_keeps_a_bounded_number_of_tables_over_all_channels(monkeypatch: pytest.MonkeyPatch) -> None:
    from unmangle.encoding import lattice

    monkeypatch.setattr(lattice, "_TABLES", lattice._TableCache())
    monkeypatch.setattr(lattice, "MAX_TABLES", 3)
    big5, gbk = index_for(Channel("utf-8", "big5", "replace")), index_for(Channel("utf-8", "gbk", "replace"))
    first = big5.table(b"")
    for pending in (b"\xa4", b"\xa5"):
        big5.table(pending)
    assert big5.table(b"") is first  # (asked again: the most recent now)
    gbk.table(b"")
    assert len(lattice._TABLES.tables) == 3 and (big5, b"\xa4") not in lattice._TABLES.tables
    assert big5.table(b"") is first
    lattice._TABLES.forget(big5)
    assert [index for index, _ in lattice._TABLES.tables] == [gbk]


def test_every_channel_of_the_lossy_pass_keeps_its_index_and_the_least_recent_goes_first(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from unmangle.encoding import lattice, lossy_pass

    channels = [(t, w) for w in lossy_pass.WRONG for t in lossy_pass.TRUE if t != w]
    assert 3 * len(channels) <= lattice.MAX_INDEXES  # (three error modes)
    monkeypatch.setattr(lattice, "_INDEXES", type(lattice._INDEXES)())
    monkeypatch.setattr(lattice, "MAX_INDEXES", 2)
    first, second, third = (Channel("utf-8", wrong, "ignore") for wrong in ("big5", "gbk", "euc_kr"))
    kept = index_for(first)
    index_for(second)
    assert index_for(first) is kept  # (asked again: now the most recent)
    index_for(third)
    assert list(lattice._INDEXES) == [first, third]


@pytest.mark.parametrize("original,wrong", [(CHINA, "big5"), (TAIWAN, "big5"), (KOREA, "euc_kr")])
def test_text_shredded_by_a_replacing_decoder_is_mostly_read_back(original: str, wrong: str) -> None:
    broken = original.encode("utf-8").decode(wrong, "replace")
    reading = search(broken, Channel("utf-8", wrong, "replace"))
    assert reading is not None and reading.gain > 100
    restored = reading.apply(broken)
    assert _distance(restored, original) <= len(original) // 2 < _distance(broken, original)


def test_chinese_through_big5_with_replacement_marks_is_repaired_by_fix_text() -> None:
    broken = CHINA.encode("utf-8").decode("big5", "replace")
    fixed, edits = fix_and_explain(broken)
    assert fixed == CHINA
    check_edits(broken, fixed, edits)
    assert {e.kind for e in edits} == {"lost-byte"}
    assert all("utf-8 read as big5" in e.detail for e in edits)


def test_a_question_mark_decoder_is_read_back_too() -> None:
    broken = mangle(TAIWAN, "utf-8", "big5", "question")
    fixed = fix_and_explain(broken)[0]
    assert _distance(fixed, TAIWAN) <= len(TAIWAN) // 2


def _shows(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


_CLEAN = (CHINA, TAIWAN, KOREA, "日本の首都は東京です。", "Plain English.")


@pytest.mark.parametrize("text,wrong", [(t, w) for t in _CLEAN for w in ("big5", "gbk", "euc_kr") if _shows(t, w)])
def test_clean_text_searched_as_if_shredded_stays_as_it_is(text: str, wrong: str) -> None:
    reading = search(text, Channel("utf-8", wrong, "ignore"))
    assert reading is not None and reading.spans == ()


@pytest.mark.parametrize("text", [CHINA, TAIWAN, KOREA, "日本の首都は東京です。今日は晴れです。"])
def test_the_lossy_pass_leaves_clean_cjk_alone(text: str) -> None:
    assert lossy_pass(text) == []


_CJK = st.text(st.sampled_from("的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自"
                               "台灣首都北很多。，「」한국어서울날씨좋다의는이가日本東京です今晴れ"),
               min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(_CJK, st.sampled_from(["big5", "euc_kr", "euc_jp", "gbk"]), st.sampled_from(["replace", "ignore"]))
def test_the_search_simulates_the_decoder_exactly(text: str, wrong: str, errors: str) -> None:
    """Walking the true text through the index's tables gives exactly what the real decoder shows."""
    index = index_for(Channel("utf-8", wrong, errors))
    shown, state = "", index.state_id(b"")
    for ch in text:
        got = index.table(index.states[state]).shown_by(ord(ch))
        if got is None:
            return  # a character outside the vocabulary: nothing to check
        out, state = got
        shown += out
        assert state != CLEAN
    shown += index.flush(index.states[state])
    assert shown == text.encode("utf-8").decode(wrong, errors)


def test_incremental_decoders_compose_byte_by_byte() -> None:
    """What the tables rest on: feeding a decoder one byte at a time gives what one call gives."""
    data = "대한민국 台灣 日本語".encode()
    for wrong in ("big5", "euc_kr", "euc_jp", "gbk", "shift_jis"):
        dec = codecs.getincrementaldecoder(wrong)("replace")
        pieces = "".join(dec.decode(bytes((b,))) for b in data) + dec.decode(b"", True)
        assert pieces == data.decode(wrong, "replace")


def test_a_line_longer_than_the_search_takes_is_left_to_the_token_search() -> None:
    from unmangle.encoding.lossy_pass import MAX_LINE

    broken = CHINA.encode("utf-8").decode("big5", "replace")
    assert lossy_pass(broken * (MAX_LINE // len(broken) + 1)) == []
    assert lossy_pass(broken) != []


def test_gb18030_private_use_characters_do_not_hide_a_shredded_line() -> None:
    # GB18030 reads byte pairs GBK has no character for as private-use characters, which GBK cannot give back:
    # the line must still find its decoder.
    original = "近代意义上的“契约自由原则”，可以追溯到1804年颁布的《法国民法典》，奋斗中学是一所高级中学。"
    broken = original.encode("utf-8").decode("gb18030", "replace")
    assert any("\ue000" <= c <= "\uf8ff" for c in broken)
    fixed, edits = fix_and_explain(broken)
    assert _distance(fixed, original) <= 2
    assert all("utf-8 read as gb18030" in e.detail for e in edits)


def test_a_line_that_decodes_only_into_noise_is_still_searched() -> None:
    # What EUC-JP leaves of UTF-8 with errors='ignore' encodes back to EUC-JP bytes that EUC-KR decodes without
    # an error, into noise: that is no lossless reading, and the line must go to the search.
    broken = CHINA.encode("utf-8").decode("euc_jp", "ignore")
    assert broken.encode("euc_jp").decode("euc_kr")
    edits = lossy_pass(broken)
    assert edits and all("utf-8 read as euc-jp" in e.detail for e in edits)


@pytest.mark.parametrize("wrong,pending", [("shift_jis", b"\x96"), ("euc_kr", b""), ("big5", b"\xa4")])
def test_every_character_is_in_the_group_of_what_it_shows(wrong: str, pending: bytes) -> None:
    # Byte by byte, `都` (E9 83 BD) fed to Shift-JIS holding 0x96 shows `夜`, nothing, then `ｽ`; another
    # character may show `夜ｽ` at once: both belong to the group of `夜ｽ`.
    index = index_for(Channel("utf-8", wrong, "ignore"))
    table = index.table(pending)
    assert sorted(table.cps.tolist()) == index.cps.tolist()
    for cp in index.cps.tolist()[::7]:
        shown, _ = table.shown_by(cp)
        group = table.get(shown)
        assert group is not None and cp in group.cps.tolist()
        assert index.feed(pending, chr(cp).encode("utf-8"))[0] == shown


def test_a_channel_lost_in_decoder_states_is_not_searched_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # UTF-8 Chinese with digits after CJK characters, read as GBK with errors='ignore': GB18030 reads the same
    # bytes as four-byte prefixes and its search runs out of decoder states. Once GBK reads a line back, GB18030
    # gets a rival's small budget, and after it gives up it is not asked about the next lines.
    from unmangle.encoding import lossy_pass as module

    lines = ["2019年3月12日，第1次会议在北京召开，共有45位代表出席了会议。",
             "会议决定在2020年5月8日举行第2次会议，预计有60位代表参加。",
             "第3次会议将于2021年举行，地点另行通知，届时将有更多代表参加。"]
    broken = "\n".join(line.encode("utf-8").decode("gbk", "ignore") for line in lines)
    calls: list[tuple[str, int, bool]] = []

    def recording(observed: str, channel: Channel, **kwargs: int) -> object:
        got = search(observed, channel, **kwargs)
        calls.append((channel.wrong, kwargs.get("max_builds", 0), got is None))
        return got

    monkeypatch.setattr(module, "search", recording)
    edits = module.lossy_pass(broken)
    assert edits and all("utf-8 read as gbk" in e.detail for e in edits)
    assert [wrong for wrong, _, _ in calls] == ["gbk", "gb18030", "gbk", "gbk"]
    _, budget, gave_up = calls[1]
    assert gave_up and budget < module.MAX_BUILDS


@pytest.mark.parametrize("wrong", ["big5", "euc_kr", "euc_jp"])
def test_russian_shredded_by_a_cjk_decoder_is_not_read_as_cjk(wrong: str) -> None:
    # The CJK model cannot rank Cyrillic: such a line goes to the token search, whose guesses bring in no
    # script the line's lossless words do not write (a dash whose three bytes became U+FFFD is no `수`).
    import unicodedata

    original = "Москва — столица России, город с населением более 12 миллионов человек."
    broken = original.encode("utf-8").decode(wrong, "replace")
    assert lossy_pass(broken) == []
    fixed = fix_and_explain(broken)[0]
    assert "более 12 миллионов" in fixed and " — " in fixed
    assert {c for c in fixed if "\u3000" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af"} <= set(broken)
    assert not any(unicodedata.name(c, "").startswith(("HANGUL", "HEBREW")) for c in set(fixed) - set(broken))


@pytest.mark.parametrize("true,wrong,original", [
    ("gbk", "big5", "据报道，该市今年的经济增长速度超过了全国平均水平，政府表示将继续加大对基础设施的投资。"),
    ("euc_jp", "shift_jis", "東京都によると、今年の観光客の数は昨年を大きく上回り、市内のホテルはほぼ満室だ。"),
    ("big5", "gbk", "據報導，該市今年的經濟增長速度超過了全國平均水準，政府表示將繼續加大對基礎設施的投資。"),
])
def test_a_legacy_cjk_line_whose_bytes_make_stray_utf8_letters_is_still_searched(true: str, wrong: str,
                                                                                   original: str) -> None:
    # Legacy CJK bytes read as UTF-8 give a Cyrillic or Greek letter here and there by chance: that is no line
    # of another script, and the lattice must still read it.
    broken = original.encode(true).decode(wrong, "replace")
    edits = lossy_pass(broken)
    assert edits and all(f"{true.replace('_', '-')} read as {wrong.replace('_', '-')}" in e.detail for e in edits)


def test_a_russian_word_among_shredded_cjk_is_not_read_as_cjk() -> None:
    # GB18030 can write Cyrillic and Big5 reads those bytes as Chinese: the CJK model prefers the Chinese, but it
    # cannot judge a Russian word, which stays.
    text = "淭鈥檚é?\ufffdÑà’Р淭ｦ€™?Привет茅窶«\xa0渁ПриветÃ"
    fixed = fix_and_explain(text)[0]
    assert fixed.count("Привет") == 2
    assert fix_and_explain(fixed)[0] == fixed


def test_a_legacy_cjk_channel_does_not_replace_latin_letters_alone() -> None:
    # Big5 bytes read with GB18030 write `à` for `角` (GB18030 holds pinyin letters), but a lone `à` between
    # spaces is French: a legacy channel's span of Latin letters with no CJK or hole in it is left as it stands.
    text = "à 茅ét©\x81淭™Ã渁à caf渁鈥檚Привет\x9d渁Ð"
    assert all("à" not in e.before for e in lossy_pass(text) if not e.detail.startswith("utf-8"))
    assert fix_text(text).startswith("à ")


def test_latin_text_read_as_shift_jis_is_left_to_the_token_search() -> None:
    # Shift-JIS writes the two bytes of `é` as half-width katakana (`ﾃｩ`): a French line with one lost `à` is no
    # line of CJK text for the CJK model to read back.
    original = "Côté organisation, les bénévoles canéjanais s’apprêtent à vivre un moment exceptionnel."
    broken = original.encode("utf-8").decode("shift_jis", "replace")
    assert "\ufffd" in broken and "ﾃｩ" in broken
    assert lossy_pass(broken) == []
    assert fix_text(broken) == original


@pytest.mark.parametrize("wrong", ["big5", "euc_kr", "euc_jp"])
def test_a_short_english_line_whose_quotes_became_marks_is_not_read_as_cjk(wrong: str) -> None:
    # Four curly quotes and a dash, three marks each, outnumber the letters of the line's words: it is still
    # a Latin line (a few letters to each run of marks), never `It和s 的quoted의 전 dash`.
    broken = "It’s “quoted” — dash".encode().decode(wrong, "replace")
    assert lossy_pass(broken) == []
    assert not any("\u3000" <= c <= "\ud7af" for c in fix_text(broken))


def test_lines_of_marks_alone_are_not_searched_unless_another_line_shows_the_decoder() -> None:
    assert lossy_pass("\ufffd" * 6) == []
    assert lossy_pass("x\ufffd\ufffd y\n\ufffd\ufffd\ufffd") == []
    shredded = mangle("東京都の人口は約1400万人です。大きな都市です。", "utf-8", "euc_kr", "replace")
    assert lossy_pass(shredded + "\n" + "\ufffd" * 6)


def test_real_cjk_text_with_a_stray_mark_is_not_searched_but_shredded_text_is() -> None:
    from unmangle.encoding.lossy_pass import _shredded

    assert not _shredded("東京都の人口は約\ufffd\ufffd00万人です。")
    assert _shredded(mangle("東京都の人口は約1400万人です。大きな都市です。", "utf-8", "euc_kr", "replace"))


def test_binary_data_is_not_searched() -> None:
    # Random bytes decoded with a CJK codec: marks and stray characters, with control characters no misread text
    # holds. The search would spend seconds a line on it, and read noise into it.
    junk = bytes(range(0, 256, 7)).decode("big5", "replace") * 2
    assert lossy_pass(junk) == []


def test_short_lines_that_only_the_model_finds_odd_are_not_searched_alone() -> None:
    # A page's menu in real Chinese and Japanese: a few characters of phrases the small model never saw look
    # improbable to it, and the search cost tens of milliseconds a line to change nothing.
    assert lossy_pass("購読一覧\n必吃美食\n腾讯微博") == []


def test_a_line_in_the_commonest_characters_is_not_searched_alone_but_shreds_are() -> None:
    # Informal Taiwanese the small model finds improbable line after line is written in characters the national
    # standards count among their commonest; UTF-8 read with a CJK decoder lands mostly past them.
    from unmangle.encoding.lossy_pass import _weak

    assert _weak("伙食好讚噢！偶們四餐有兩餐試吃泡麵，早餐是吃隔夜飯泡水的硬硬不濃稠稀飯")
    shredded = mangle("東京都の人口は約1400万人です。大きな都市で、多くの人が働いています。", "utf-8", "big5", "ignore")
    assert not _weak(shredded)


@pytest.mark.parametrize("wrong", ["euc_kr", "euc_jp", "big5"])
def test_holes_in_a_text_that_shows_no_cjk_are_not_read_as_cjk(wrong: str) -> None:
    # Three marks are a three-byte character whose every byte was lost: the CJK model reads them as the likeliest
    # CJK (`10 년 후`, ten years later), but a text whose bytes hold no lead of a CJK letter wrote none.
    broken = "über 10 € — ok".encode().decode(wrong, "replace")
    assert broken.count("\ufffd") == 6
    fixed = fix_text(broken)
    assert fixed.startswith("über 10 ")
    assert not any("\u3000" <= c <= "\ud7af" for c in fixed)


def test_a_page_with_real_cjk_lines_has_its_shreds_read_as_utf8_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # A legacy channel reads holes into whatever the model likes (`惧惧惧` for a run of marks) and can outbid
    # UTF-8's reading; but a page whose other lines are real CJK text in UTF-8 was written in UTF-8.
    import unmangle.encoding.lossy_pass as lp

    asked: list[Channel] = []
    real_search = lp.search

    def recording(line: str, ch: Channel, **kwargs: object) -> object:
        asked.append(ch)
        return real_search(line, ch, **kwargs)

    monkeypatch.setattr(lp, "search", recording)
    clean = "在官方網站上的一個常見問題解答中，問題是：你為什麼認為我們能夠結束赤貧？這是一個很好的問題。"
    answer = "全球公民的答案是：這將是一條漫長且艱辛的道路，有時候我們會跌倒，甚至是失敗。"
    shreds = answer.encode().decode("big5", "replace")
    lossy_pass(clean + "\n\n" + shreds)
    assert asked and all(ch.true == "utf-8" for ch in asked)
    asked.clear()
    lossy_pass(shreds)
    assert any(ch.true != "utf-8" for ch in asked)  # (alone, the shreds may be any channel's)


def test_a_line_mended_in_part_is_read_by_its_decoder_despite_a_clean_letter_it_cannot_write() -> None:
    # A page mangled in spans: the clean half of the line holds `é`, which Big5 cannot write; the shredded half
    # is still Big5's (a Latin letter outside a decoder's repertoire is copied, a CJK one rules the decoder out).
    clean = "歌手 Beyoncé 也來了。"
    broken = clean + TAIWAN.encode("utf-8").decode("big5", "replace")
    edits = lossy_pass(broken)
    assert edits and all("utf-8 read as big5" in e.detail for e in edits)
    fixed = fix_text(broken)
    assert fixed.startswith(clean)
    assert _distance(fixed, clean + TAIWAN) <= len(TAIWAN) // 2 < _distance(broken, clean + TAIWAN)


def test_a_control_or_private_use_character_rules_a_decoder_out_as_a_cjk_character_does() -> None:
    # cp932 writes bytes 0x80 and 0xA0 as U+0080 and U+F8F0, which Shift-JIS cannot: no clean text beside the
    # shreds, but cp932's trace, and the lossy pass has no cp932 channel (the token search reads it).
    from unmangle.encoding.lossy_pass import _through

    assert _through("譁ｯ螟ｧ\x80譫鈴", "shift_jis") is None
    assert _through("譁ｯ螟ｧ\uf8f0譫鈴", "shift_jis") is None
    line = "Beyoncé 也來了 台灣的首都是台北，人口很多，交通也很方便"
    assert _through(line, "big5") == line.replace("é", "")

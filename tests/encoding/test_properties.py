"""Properties of the encoding repair, checked on generated input (hypothesis).

- it never raises, whatever the string (surrogates, controls, huge runs, random bytes through random codecs);
- it is idempotent: fix_text(fix_text(x)) == fix_text(x);
- clean paragraphs from the corpora sample, alone or mixed, are unchanged;
- random clean text (real words of one language) corrupted by a lossless family comes back exactly.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.encoding.test_families import mangle
from unmangle import fix_and_explain, fix_text
from unmangle.document import apply_edits

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "clean_paragraphs.jsonl"
ROWS = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
PARAGRAPHS = [r["text"] for r in ROWS]
NO_SPACES = {"ja", "zh-Hans", "zh-Hant"}

FAST = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
SLOW = settings(FAST, max_examples=25)


def _vocabulary() -> dict[str, list[str]]:
    """Words of each language from the sample; texts without spaces are cut into short runs of characters."""
    vocab: dict[str, list[str]] = {}
    for r in ROWS:
        tokens = r["text"].split()
        if r["lang"] in NO_SPACES:
            tokens = [m for t in tokens for m in re.findall(r".{1,4}", t)]
        vocab.setdefault(r["lang"], []).extend(tokens)
    return vocab


VOCAB = _vocabulary()

# Lossless (true encoding, wrong decoder) pairs that happen to each language; a draw is skipped if the true encoding
# cannot write the text or the (multi-byte) wrong decoder cannot read every byte.
_UTF8_ANY = [("utf-8", "cp1252"), ("utf-8", "latin-1")]
_LATIN = [*_UTF8_ANY, ("utf-8", "mac-roman"), ("utf-8", "iso-8859-15"), ("utf-8", "cp437")]
_CENTRAL = [*_UTF8_ANY, ("utf-8", "cp1250"), ("utf-8", "iso-8859-2"), ("cp1250", "cp1252")]
_CYRILLIC = [*_UTF8_ANY, ("utf-8", "cp1251"), ("utf-8", "koi8-r"), ("utf-8", "iso-8859-5"), ("cp1251", "cp1252"),
             ("cp1251", "koi8-r"), ("koi8-r", "cp1251")]
PAIRS: dict[str, list[tuple[str, str]]] = {
    "en": _LATIN, "de": _LATIN, "es": _LATIN, "fr": _LATIN, "vi": _UTF8_ANY,
    "cs": _CENTRAL, "pl": _CENTRAL, "hu": _CENTRAL, "ro": _CENTRAL,
    "tr": [*_UTF8_ANY, ("utf-8", "cp1254"), ("cp1254", "cp1252")],
    "ru": _CYRILLIC, "bg": _CYRILLIC, "uk": [*_UTF8_ANY, ("utf-8", "cp1251"), ("cp1251", "cp1252")],
    "el": [*_UTF8_ANY, ("utf-8", "cp1253"), ("utf-8", "iso-8859-7"), ("cp1253", "cp1252")],
    "ar": [*_UTF8_ANY, ("cp1256", "cp1252")], "fa": [*_UTF8_ANY, ("cp1256", "cp1252")],
    "he": [*_UTF8_ANY, ("cp1255", "cp1252")], "th": [*_UTF8_ANY, ("cp874", "cp1252")], "hi": _UTF8_ANY,
    "zh-Hans": [*_UTF8_ANY, ("utf-8", "gbk"), ("gbk", "cp1252"), ("gbk", "latin-1")],
    "zh-Hant": [*_UTF8_ANY, ("big5", "cp1252")],
    "ja": [*_UTF8_ANY, ("utf-8", "shift_jis"), ("shift_jis", "cp1252"), ("euc-jp", "latin-1")],
    "ko": [*_UTF8_ANY, ("euc-kr", "cp1252")],
}


@st.composite
def clean_texts(draw: st.DrawFn) -> tuple[str, str]:
    """(lang, text): 8-30 real words of one language, joined the way that language writes them."""
    lang = draw(st.sampled_from(sorted(VOCAB)))
    words = draw(st.lists(st.sampled_from(VOCAB[lang]), min_size=8, max_size=30))
    return lang, ("" if lang in NO_SPACES else " ").join(words)


any_text = st.one_of(
    st.text(st.characters(codec=None, exclude_categories=())),  # everything
    st.text(st.characters(categories=["Cs", "Cc", "Cf", "Co", "Mn"])),  # surrogates, controls, format, marks
    st.text(st.characters(min_codepoint=0x80, max_codepoint=0x2FF)),  # the Latin-1 / cp1252 mojibake range
    st.text(st.sampled_from("鈥檚渁淭茅窶ｦ\ufffdâ€™œÃ©Ð¡Ñ?\x81\x9d ")),  # mojibake pieces, shuffled
    st.builds(lambda c, n: c * n, st.characters(codec=None, exclude_categories=()), st.integers(1, 20_000)),
    st.builds(lambda b, c: b.decode(c, "replace"), st.binary(max_size=300),
              st.sampled_from(["cp1252", "latin-1", "gbk", "big5", "shift_jis", "euc-kr", "koi8-r", "utf-8"])),
)


@FAST
@given(any_text)
def test_never_raises_and_returns_text(text: str) -> None:
    fixed, edits = fix_and_explain(text)
    assert isinstance(fixed, str)
    assert apply_edits(text, edits) == fixed


@FAST
@given(st.one_of(any_text, clean_texts().map(lambda x: x[1])))
def test_repair_is_idempotent(text: str) -> None:
    once = fix_text(text)
    assert fix_text(once) == once


@SLOW
@given(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=4), st.sampled_from(["\n\n", "\n", " "]))
def test_clean_corpus_paragraphs_alone_or_mixed_are_unchanged(paragraphs: list[str], sep: str) -> None:
    text = sep.join(paragraphs)
    assert fix_text(text) == text


@FAST
@given(clean_texts())
def test_random_clean_text_is_unchanged(case: tuple[str, str]) -> None:
    _, text = case
    assert fix_text(text) == text


@FAST
@given(clean_texts(), st.data())
def test_lossless_corruption_round_trips(case: tuple[str, str], data: st.DataObject) -> None:
    lang, text = case
    # One word said eight times is one word of evidence: cp1251 and KOI8-R can read it either way.
    assume(len(set(text.split())) >= 3 or lang in NO_SPACES)
    true, wrong = data.draw(st.sampled_from(PAIRS[lang]), label="pair")
    try:
        broken = mangle(text, true, wrong)
    except UnicodeError:
        assume(False)
    assert fix_text(broken) == text


@SLOW
@given(clean_texts(), clean_texts(), st.data())
def test_a_mangled_part_next_to_a_clean_part_round_trips(a: tuple[str, str], b: tuple[str, str],
                                                         data: st.DataObject) -> None:
    (lang, broken_part), (_, clean_part) = a, b
    # One word said eight times is one word of evidence: cp1251 and KOI8-R can read it either way, and so can
    # cp1250 and cp1252 (`Nečistoty` as `Neèistoty`), when it is the only word with a letter outside ASCII.
    assume(len({w for w in broken_part.split() if not w.isascii()}) >= 3 or lang in NO_SPACES)
    true, wrong = data.draw(st.sampled_from(PAIRS[lang]), label="pair")
    try:
        broken = mangle(broken_part, true, wrong)
    except UnicodeError:
        assume(False)
    assert fix_text(clean_part + "\n\n" + broken) == clean_part + "\n\n" + broken_part

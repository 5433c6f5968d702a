"""The encoding repair: find suspicious tokens, read them with every plausible codec pair, keep the reading
the character model finds far more probable than the text as it stands, and repeat for layered damage.

Clean text costs one regex scan: only tokens holding a character that some wrong decoder produces (and that
real text rarely uses) are looked at. Their candidates are scored in one vectorised batch per pass, and the
decisions are cached, since real text repeats its words.
"""

from __future__ import annotations

import bisect
import itertools
import math
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

import regex
from ftfy.badness import is_bad
from ftfy.fixes import A_GRAVE_WORD_RE

from unmangle.document import Edit, apply_edits, compose, output_spans
from unmangle.encoding.ascii_marks import ascii_marks
from unmangle.encoding.chunks import PIECE, pieces
from unmangle.encoding.codecs import MULTI_BYTE, SINGLE_BYTE, WrongDecoder
from unmangle.encoding.ftfy_steps import FTFY_DETAIL, ftfy_first, ftfy_first_text, ftfy_pass, ftfy_rival
from unmangle.encoding.gate import SCAN, SHORT, UNSCANNED, clean_thai, past_cyrillic
from unmangle.encoding.known_words import unknown_words, with_known_readings, with_known_words
from unmangle.encoding.lexicon import without_unspelled_pairs
from unmangle.encoding.lossy_pass import lossy_pass
from unmangle.encoding.lost_bytes import QUOTE_MARKS, closes, is_apostrophe
from unmangle.encoding.lost_spaces import byte_spaces, may_be_byte
from unmangle.encoding.model import capitals_of, confidence, default_model, fold_capitals, score_many
from unmangle.encoding.one_encoding import with_one_legacy_encoding
from unmangle.encoding.readings import (
    ANY_EMOJI_LEAD,
    CYRILLIC_CAPS,
    CYRILLIC_CASE,
    CYRILLIC_GLUE,
    EMOJI,
    MULTIBYTE_TRUE,
    RARE_LATIN,
    THREE_BYTE_SIGN,
    Reading,
    _common,
    all_emoji,
    breaks_case,
    find_suspect,
    looks_mangled,
    mixes_scripts,
    script_of,
    seen,
    token_around,
)
from unmangle.encoding.second_look import reaches_repair
from unmangle.encoding.spelled_guesses import with_spelled_guesses
from unmangle.encoding.token_scores import (
    NO_DECODERS,
    NON_ASCII_TOKEN,
    PAIR_CODECS,
    SINGLE_BYTE_UTF8,
    Scored,
    pair_of,
    pair_of_detail,
    pair_rank,
    reread_words,
    score_tokens,
)
from unmangle.encoding.utf8 import TRUNCATED
from unmangle.encoding.vanished import with_vanished
from unmangle.encoding.whole_text import whole_legacy_first, whole_text_first

MAX_LAYERS = 4
_LINE = regex.compile(r"[^\n]+")

Decision = tuple[tuple[Reading, float], ...]
# One codec mistake garbles a whole page: readings by the (true, wrong) pair the rest of the text chose need
# this much less margin, and win ties against other pairs.
DOCUMENT_PRIOR = 3.0
ISOLATED_MARGIN = 3.0
ISOLATED_FOREIGN_MARGIN = 10.0
COMMON_BONUS = 3.0  # nats of rank for a reading whose every letter real text commonly writes
ALPHABET_BONUS = 1.5
FTFY_TRUST = 4.0  # nats by which the model may find a reading that ftfy would make less probable, and keep it
CASE_BREAK_COST = FTFY_TRUST  # nats of rank against a reading that puts a capital inside a lowercase word


def _suspicious_tokens(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    while True:
        hit = find_suspect(text, pos)
        if hit is None:
            break
        start, end = token_around(text, hit[0])
        end = max(end, hit[1])
        spans.append((start, end))
        pos = end if end > pos else pos + 1
    extra = [*(CYRILLIC_CAPS.finditer(text) if spans and CYRILLIC_CASE.search(text) else ()),
             *CYRILLIC_GLUE.finditer(text),  # (no shape of UTF-8 in `cafй`: a Latin code page read as Cyrillic)
             *ANY_EMOJI_LEAD.finditer(text)]  # (nor one find_suspect knows in `рџ‘Ќ`, an emoji's four bytes)
    if extra:
        taken = {s for s, _ in spans}
        for m in extra:
            start, end = token_around(text, m.start())
            if start not in taken:
                taken.add(start)
                spans.append((start, end))
        spans.sort()
    return spans


_RARITY = {f"utf-8 read as {wd.label}": wd.rarity for wd in SINGLE_BYTE}
_MULTI_BYTE_UTF8 = frozenset(f"utf-8 read as {wd.label}" for wd in MULTI_BYTE)
_UTF8_PAIRS = SINGLE_BYTE_UTF8 | _MULTI_BYTE_UTF8
# The single-byte decoders ftfy undoes (its own list), whose mojibake its badness heuristic knows.
_FTFY_DECODERS = frozenset(f"utf-8 read as {wd.label}" for wd in SINGLE_BYTE if wd.ftfy_knows)
_PUNCTUATION = regex.compile("[\u2010-\u205f]")
_LETTER = regex.compile(r"\p{L}")


def _known_words(text: str) -> bool:
    """Whether ``text`` holds a word with a letter outside ASCII, and every such word is one a language knows."""
    return any(c.isalpha() and not c.isascii() for c in text) and unknown_words(text) == 0


def _one_char(text: str) -> bool:
    """Whether ``text`` holds at most one character outside ASCII."""
    return len(text) - len(text.encode("ascii", "ignore")) <= 1


def _isolated_margin(token: str, text: str) -> float:
    """The margin a reading needs when no other token of the text agrees with it. Letters of one real script
    read as the same script (Ukrainian `Рі`, cp1251 for `г`) need more; letters of one non-Latin script read
    as another (Persian `رپ`, cp1256 for Cyrillic `с`) need much more: alone among words of its own script,
    such a token is a word of that script far more often than mojibake."""
    a, b = script_of(token), script_of(text)
    if a not in ("", "Latin", "other") and b not in ("", "Latin", "other", a):
        return ISOLATED_FOREIGN_MARGIN
    # Letters of a real non-Latin script read as Latin-1 (Ukrainian `ці` as KOI8-U for `æ`) are no likelier.
    return ISOLATED_MARGIN if a == b or (a not in ("", "Latin", "other") and b == "Latin") else 0.0


def _scripts(chars: Iterable[str]) -> frozenset[str]:
    """The scripts of the letters among ``chars`` (LATIN, CYRILLIC, CJK, HANGUL, HIRAGANA...), and CJK
    punctuation (`、`, `「`, full-width forms), which only CJK text writes."""
    return frozenset(unicodedata.name(c, "?").split(" ", 1)[0] if c.isalpha() else "CJK PUNCTUATION"
                     for c in chars if c.isalpha() or _CJK_PUNCTUATION.match(c))


_CJK_PUNCTUATION = regex.compile(r"[\u3000-\u303f\uff00-\uffef]")


def _marks_scripts(scripts: frozenset[str], marks: list[bool], decisions: list[Decision]) -> list[frozenset[str]]:
    """The scripts each token's guesses may bring in: the text's, where known; else, for a token of a decoder's
    marks alone, those the other tokens read back into, lost bytes and all (`���` between Russian words read
    back through Big5 is a dash, never the Korean `수`; nothing of its own tells)."""
    if scripts or not any(marks):
        return [scripts] * len(marks)
    own = [_scripts(c for r, _ in d for c in r.text) for d in decisions]
    tokens = Counter(s for found in own for s in found)  # (how many tokens read back into each script)
    return [frozenset(s for s, n in tokens.items() if n > (s in found)) if alone else scripts
            for found, alone in zip(own, marks, strict=True)]


def _known_scripts(text: str, spans: list[tuple[int, int]], decisions: list[Decision]) -> frozenset[str]:
    """The scripts the text is known to write: outside its suspicious tokens, and in the tokens' lossless
    readings. None (no rule) when the clean text is too short to tell, or when the suspicious tokens hold most
    of the letters (a whole Russian page read as cp1252 has only its ASCII words outside them)."""
    outside = []
    pos = 0
    for start, end in sorted(spans):  # (a sweep's spans come after the first search's)
        outside.append(text[pos:start])
        pos = max(pos, end)
    outside.append(text[pos:])
    chars = "".join(outside)
    letters = sum(map(str.isalpha, chars))
    inside = sum(sum(map(str.isalpha, text[start:end])) for start, end in spans)
    sure = "".join(r.text for d in decisions for r, _ in d if r.kind == "mojibake")
    if letters < SCRIPT_EVIDENCE or letters < 2 * inside:
        # (Then the lossless readings alone, when they say anything: a Russian line shredded by Big5 reads a
        # few whole words back as Cyrillic, and a dash whose three bytes all became U+FFFD is no Korean
        # syllable. East Asian scripts count as one: a Japanese text's kana are not all in its first words.)
        if sum(c.isalpha() for c in sure) < SURE_EVIDENCE:
            # (Nor those: the clean text still tells when it holds as many letters as the tokens, as French
            # with its accents and quotes all shredded does; a Russian page read as cp1252 has far fewer.)
            return _scripts(set(chars)) if letters >= SCRIPT_EVIDENCE and letters >= inside else frozenset()
        found = _scripts(set(chars) | set(sure))
        return found | _east_asian() if found & _east_asian() else found
    return _scripts(set(chars) | set(sure))


SCRIPT_EVIDENCE = 20  # letters outside the suspicious tokens before the text's scripts are taken as known
MARKS_CONTEXT = 8  # letters a text needs around a decoder's marks to guess the punctuation they were
SURE_EVIDENCE = 4  # letters read back without loss, when nothing outside the suspicious tokens tells


@lru_cache(maxsize=1)
def _east_asian() -> frozenset[str]:
    """What :func:`_scripts` calls the letters and punctuation of Chinese, Japanese and Korean text (`CJK`,
    `HIRAGANA`, `KATAKANA-HIRAGANA` for `ー`, `IDEOGRAPHIC` for `々`, `HALFWIDTH`...); built when first asked
    (12 ms over 45,000 code points, not at import)."""
    ranges = [(0x1100, 0x1200), (0x2E80, 0xA000), (0xAC00, 0xD7B0), (0xF900, 0xFB00), (0xFF00, 0xFFF0)]
    return _scripts(chr(c) for a, b in ranges for c in range(a, b))


def _choose(token: str, scored: Scored, prior: dict[str, float], trusted: set[str],
            support: dict[str, int], variety: dict[str, int], alphabet: frozenset[str] = frozenset(),
            scripts: frozenset[str] = frozenset(), shown: bool = True, context: bool = True) -> Decision:
    """The best readings of one token that clear their threshold and do not overlap, best first.

    ``alphabet``: the letters the document already uses (case-folded). Between readings that both stand, the
    one whose new letters the document uses elsewhere wins close calls (a cache model: the text is in one
    language, which a multilingual trigram model cannot know: `člověk`, not `đlověk`)."""
    ranked = []
    new_chars = set(token)
    vetoed: set[str] = set()
    utf8_vetoed: dict[tuple[int, int], float] = {}  # span -> the best margin of a reading vetoed there
    token_bad = lru_cache(maxsize=1)(lambda: is_bad(token))  # (asked of the token once, if at all)
    marks_only = _marks_only(token)
    for margin, r in sorted(scored, key=lambda s: pair_rank(pair_of(s[1]))):
        if r.corroborate and r.detail not in trusted:
            continue
        pair = pair_of(r)
        # Without the document's word on it, a rare decoder's reading pays for its rarity.
        adjusted = margin + prior[pair] if pair in prior else margin - _RARITY.get(pair, 0.0)
        # A reading no other token agrees with must stand out more (Ukrainian `Рі` spells cp1251 for `г`);
        # one from a non-Latin script into another takes the text's own pair to be believed without it.
        need = _isolated_margin(token, r.text)
        if support.get(pair, 0) >= 2 and (need != ISOLATED_FOREIGN_MARGIN or pair in prior):
            need = 0.0
        # (Nor one read back into emoji alone: no real word of any script spells an emoji's lead, `рџ` or `đź`.)
        if pair in _UTF8_PAIRS and all_emoji(r.text) and ANY_EMOJI_LEAD.search(token):
            need = 0.0
        # Guessed bytes never bring in letters of a script the text nowhere else writes: `이` for a dash lost
        # in English is the model's favourite three bytes, not the writer's.
        if r.kind == "lost-byte" and scripts and not _scripts(set(r.text) - new_chars) <= scripts:
            continue
        # Marks alone name no decoder. Where no other token shows what a decoder wrote, they are read only as
        # punctuation lost whole (a dash or a quote: the commonest three bytes of UTF-8 in Latin text), and only
        # in a text with letters enough around them; anything else would be the guess of a decoder nothing names
        # (`Gesch��ft` is Big5's `GeschÁft`), and a title of three characters has no context to guess from.
        if r.kind == "lost-byte" and marks_only and not shown and (
                not context or not all(map(_PUNCTUATION.match, set(r.text) - new_chars))):
            continue
        # One character read back, with no other token to agree: real text has such pairs (`√π`, `Ã’s`,
        # `AHÅ™`), so ftfy's judgment of the token is asked where ftfy knows the decoder, and more margin
        # where it does not.
        # (Not a dash, a quote, `€` or `™`: three bytes that spell one in the middle are UTF-8 punctuation's own
        # shape.)
        # A CJK decoder's one character read back as one letter glued to a Latin word (`HLN于` as `HLNв`) is
        # the same: Chinese writes its commonest characters right after Latin names.
        if (r.kind == "mojibake" and pair in _UTF8_PAIRS
                and variety.get(pair, 0) < 2 and _one_char(r.text) and not THREE_BYTE_SIGN.search(r.text)):
            if r.text in vetoed:
                continue
            if pair in _FTFY_DECODERS:
                # (ftfy's heuristic knows Latin-1's shapes, not a Latin word with Cyrillic letters in it:
                # `MГјnchen` is UTF-8 read as cp1251, and no real word glues two scripts so; nor signs inside a
                # word, `K├╝nstler`, cp437's box drawing for `ü`, which no writer puts between two letters, nor
                # box drawing before them, `├╝ber`; nor a reading into words a language knows, `şehir`.)
                # (Nor an emoji: four bytes of UTF-8 that spell one are no chance shape of real text, `рџ‘Ќ`.)
                if (not looks_mangled(token) and not mixes_scripts(token) and not _SIGNS_IN_WORD.search(token)
                        and not _known_words(r.text) and r.text not in EMOJI):
                    vetoed.add(r.text)  # (and so for every decoder that reads the same bytes alike)
                    utf8_vetoed[r.start, r.end] = max(margin, utf8_vetoed.get((r.start, r.end), -math.inf))
                    continue
            elif not _common(r.text):
                continue  # (a rarer decoder's one letter, which real text seldom writes: `ÄŒapek` is no `ļapek`)
            elif any(a <= r.start and r.end <= b and m >= margin for (a, b), m in utf8_vetoed.items()) and (
                    not _known_words(r.text)):
                # (Bytes ftfy's decoders read better were too thin: `MĂźller` is no ISO-8859-16 `Mîller`; but
                # `MÃŒller` is ISO-8859-15's `Müller` far more than cp1252's `MÌller`.)
                continue
            elif not (pair in _MULTI_BYTE_UTF8 and _IN_LATIN_WORD.search(token) and _known_words(r.text)):
                # (A CJK character inside a Latin word that reads back into a word a language knows is no chance:
                # no writer glues one between two letters, `R枚mer` is `Römer` through GBK, which the model, having
                # no trigram across the two scripts, finds hardly likelier.)
                need = max(need, ISOLATED_MARGIN)
        # A legacy text read back from signs alone, with no other token to agree (`¾;`, EUC-KR's reading of
        # Big5 `取;`; `±¾`, cp1252's of ISO-8859-2 `ąž`): signs among words are what the writer wrote far
        # more often.
        if pair not in _UTF8_PAIRS and support.get(pair, 0) < 2 and not _LETTER.search(token):
            need = max(need, ISOLATED_FOREIGN_MARGIN)
        # So is one word of a legacy CJK text among words no CJK codec reads (`MÄ£ÄM`, Indonesian leetspeak, is
        # Big5's `M耀鵡`): a CJK text read as cp1252 garbles every word that holds a character outside ASCII.
        if (r.kind == "mojibake" and pair in PAIR_CODECS and PAIR_CODECS[pair][1] in MULTIBYTE_TRUE
                and support.get(pair, 0) < 2 and pair not in prior):
            need = max(need, ISOLATED_FOREIGN_MARGIN)
        # Bytes whose UTF-8 reading was too thin to believe (`Ã¥` as `å`) are thinner still as a legacy CJK
        # text's, which the web writes far less often than UTF-8: `책` would be a guess from two letters.
        if pair not in _UTF8_PAIRS and pair not in prior and any(
                a <= r.start and r.end <= b for a, b in utf8_vetoed):
            continue
        # What ftfy's badness heuristic flags and a decoder it knows reads back whole, ftfy would repair: the
        # model may doubt it a little (`IL2RÎ³cKO`, a Greek letter inside a gene name), not overrule it.
        ftfy_would = (r.kind == "mojibake" and pair in _FTFY_DECODERS and r.start == 0 and r.end == len(token)
                      and token_bad())
        if adjusted < need and adjusted >= -FTFY_TRUST and ftfy_would:
            need = adjusted
        if adjusted >= need:
            # The alphabet only ranks readings that stand on their own; it never makes one stand. So does ftfy's
            # word against a decoder it does not know (`Ãœ` alone is `Ü`, not ISO-8859-15's `ý`).
            rank = adjusted + ALPHABET_BONUS * sum(1 for c in set(r.text) - new_chars if c.casefold() in alphabet)
            # (A letter real text seldom writes is a rarer decoder's whim: `Ć…ngstrĆ¶m` is cp1257's `Ångström`
            # before cp1250's `ƅngstrƶm`, which the model, knowing neither letter well, finds as likely.)
            rank += COMMON_BONUS if _common(r.text) else 0.0
            rank += FTFY_TRUST if ftfy_would else 0.0
            # (A reading that puts a capital inside a word is as mangled as the token looked: ISO-8859-2's
            # `smĂśrgĂĽsbord` alone is `smörgåsbord`, not cp1250's `smÜrgüsbord`, which ftfy, knowing cp1250 only,
            # would make.)
            rank -= CASE_BREAK_COST if breaks_case(r.text) else 0.0
            rank += r.paired
            ranked.append((rank, adjusted, r))
    chosen: list[tuple[Reading, float]] = []
    for _rank, adjusted, r in sorted(ranked, key=lambda s: -s[0]):
        if all(r.end <= c.start or r.start >= c.end for c, _ in chosen):
            chosen.append((r, confidence(adjusted + r.min_gain, r.cost)))
    return tuple(sorted(chosen, key=lambda c: c[0].start))


def _document_prior(words: list[str], all_scored: list[Scored], trusted: set[str],
                    ) -> tuple[dict[str, float], dict[str, int]]:
    """The (true, wrong) pair that most of the text's accepted readings use, when there is a clear one; and
    for every pair, how many tokens it reads well."""
    totals: dict[str, float] = {}
    tokens: dict[str, int] = {}
    # Distinct words count, not occurrences (a word said twice is one piece of evidence), nor the same letters
    # in another order (`★彡 Welcome 彡★`, a page's ornament: EUC-JP read as GBK reads both as `￥瘧`).
    for scored in {"".join(sorted(w)): sc for w, sc in zip(words, all_scored, strict=True)}.values():
        for pair in {pair_of(r) for m, r in scored if m >= 0 and (not r.corroborate or r.detail in trusted)}:
            tokens[pair] = tokens.get(pair, 0) + 1
            totals[pair] = totals.get(pair, 0.0) + max(m + r.paired for m, r in scored if pair_of(r) == pair)
    if not totals:
        return {}, tokens
    best = max(totals.values())
    # Decoders that read the text alike (cp1252, cp1254, cp1258 on most Latin text) tie: all get the prior.
    tied = [p for p, t in totals.items() if t >= best - 1e-6 and tokens[p] >= 2]
    # In a fixed order (common decoders first), never in the order a set happened to give: the first names
    # the repairs, and the output must not depend on the process's hash seed.
    return {p: _prior(tokens[p]) for p in sorted(tied, key=pair_rank)}, tokens


def _marks_only(token: str) -> bool:
    """Whether a token's only characters outside ASCII are a decoder's marks (U+FFFD): nothing the decoder
    wrote is left to name it (`Gesch��ft` fits any decoder that cannot map two bytes: Big5 reads it `GeschÁft`)."""
    return all(c < "\x80" or c == "\ufffd" for c in token)


def _variety(all_scored: list[Scored], trusted: set[str]) -> dict[str, int]:
    """For every pair, how many distinct characters outside ASCII its standing readings put back: a word said
    twice, or one odd pair of letters in two words (`HÅØYA ER BLÅØYD`), is one piece of evidence."""
    chars: dict[str, set[str]] = {}
    for scored in all_scored:
        for m, r in scored:
            if m >= 0 and (not r.corroborate or r.detail in trusted):
                chars.setdefault(pair_of(r), set()).update(c for c in r.text if c >= "\x80")
    return {pair: len(cs) for pair, cs in chars.items()}


def _prior(agreeing: int) -> float:
    """The more tokens agree on the pair, the less any one token's model score can argue with it."""
    return DOCUMENT_PRIOR + min(5.0, 0.5 * (agreeing - 2))


def _corroborated(tokens: list[str], all_scored: list[Scored]) -> set[str]:
    """Legacy readings between single-byte codecs that the text as a whole supports: taken by at least two
    distinct tokens and by most of the tokens that were offered them. One codec mistake garbles a whole page,
    whereas a language the model does not know, or Latin text with odd signs, only looks like one here and
    there."""
    offered: dict[str, int] = {}
    taken: dict[str, int] = {}
    letters: dict[str, set[str]] = {}
    longest: dict[str, int] = {}
    unglued: dict[str, int] = {}
    clearest: dict[str, float] = {}
    for token, scored in zip(tokens, all_scored, strict=True):
        for detail in {r.detail for _, r in scored if r.corroborate}:
            offered[detail] = offered.get(detail, 0) + 1
        glued = mixes_scripts(token)
        margin = {(r.detail, r.text): m for m, r in scored if r.corroborate and m >= 0}
        for detail, new in margin:
            taken[detail] = taken.get(detail, 0) + 1
            anew = set(new) - set(token)
            letters.setdefault(detail, set()).update(anew)
            longest[detail] = max(longest.get(detail, 0), len(anew))
            if glued and not mixes_scripts(new):
                unglued[detail] = unglued.get(detail, 0) + 1
                clearest[detail] = max(clearest.get(detail, 0.0), margin[detail, new])
    # Two words must read more than one letter anew: two with `£` read as `Ł` are one odd sign said twice. A
    # script written without spaces (Thai) may give one long token: many letters read anew are enough. Two
    # words whose letters of another script, glued to ASCII ones, read as Latin letters (`йcran`, `anticipй`)
    # are no odd sign: real text glues scripts in no word; one is enough if the model is sure of it.
    return {d for d, n in taken.items() if n >= 0.6 * offered[d]
            and ((n >= 2 and (n >= 3 or len(letters[d]) >= 2 or unglued.get(d, 0) >= 2))
                 or longest[d] >= UNSPACED_LETTERS or clearest.get(d, 0.0) >= UNGLUED_ALONE)}


UNSPACED_LETTERS = 8
UNGLUED_ALONE = 12.0  # nats a lone word's reading must gain that unglues another script from ASCII letters


def _letters(text: str) -> set[str]:
    """The letters outside ASCII of ``text`` (case-folded), and the quotes and dashes it sets: a house style
    (German `„…“`, a spaced `–`) is the text's own as much as its alphabet."""
    return {c.casefold() for c in text if c >= "\x80" and (c.isalpha() or c in _HOUSE_MARKS)}


# (The quotes of Latin, Greek and Cyrillic text, not CJK brackets: `「` is no style of `。`.)
_HOUSE_MARKS = frozenset(c for c in QUOTE_MARKS if c < "\u3000") | frozenset("\u2013\u2014\u2026")


def _alphabets(text: str, spans: list[tuple[int, int]], decisions: list[Decision]) -> list[frozenset[str]]:
    """For each token, the letters outside ASCII that the rest of the text uses: its clean parts and the
    other tokens' sure readings (case-folded). A token's own reading is not evidence for itself, and lost-byte
    guesses are what the alphabet is asked about."""
    counts: Counter[str] = Counter()
    pos = 0
    outside: list[str] = []
    for start, end in spans:
        outside.append(text[pos:start])
        pos = end
    outside.append(text[pos:])
    counts.update(_letters("".join(outside)))
    own = [_letters("".join(r.text for r, _ in d if r.kind != "lost-byte")) for d in decisions]
    for letters in own:
        counts.update(letters)
    # (A letter counted once is the rest of the text's only if this token is not where it was counted; the one
    # set is shared by every token that counted no such letter: a CJK page has thousands of letters.)
    every = frozenset(counts)
    once = frozenset(c for c, n in counts.items() if n == 1)
    return [every - (mine & once) if mine & once else every for mine in own]


VOTE_MIN_TOKENS = 3
_NEVER_SEEN = regex.compile("[" + "".join(sorted(c for c in RARE_LATIN if default_model().uni[ord(c)] < 8)) + "]")
VOTE_SHARE = 0.7
VOTE_MEAN_GAIN = 2.0


def _same_script(a: str, b: str) -> bool:
    """Whether the letters of ``a`` and ``b`` are of one script (signs alone, `gra³`, count as Latin)."""
    sa, sb = script_of(a) or "Latin", script_of(b) or "Latin"
    return sa == sb != "other"


def _voted(text: str, tokens: list[str], all_scored: list[Scored]) -> set[str]:
    """Same-script pairs the whole text votes for. A Turkish text read as cp1252 shows few suspicious tokens
    (`Baðýþýklýk`), but most of its words with ð, ý or þ read better as cp1254: every non-ASCII word of the
    text is re-read with the pair, and the pair stands if most of the words it changes gain."""
    offered: dict[str, float] = {}
    for token, scored in zip(tokens, all_scored, strict=True):
        for m, r in scored:
            # (Pairs within one script: a whole text of one script read as another is no spelling variant.)
            if r.corroborate and r.detail in PAIR_CODECS and _same_script(token, r.text):
                offered[r.detail] = max(offered.get(r.detail, -1e9), m)
    out = set()
    for pair in sorted(offered, key=lambda p: -offered[p])[:3]:
        words = reread_words(text, pair)
        if len(words) < VOTE_MIN_TOKENS:
            continue
        gains = [gain for _, _, gain in words]
        # The model knows 23 languages; Portuguese `pães` read as cp1250 gives Romanian-looking `păes` it may
        # like better. So the vote also needs witnesses: words with letters real text of any language in the
        # corpora almost never has (ð, þ, ¹, ³, æ), which the pair must improve.
        witnesses = [gain for old, _, gain in words if _NEVER_SEEN.search(old)]
        if (sum(g > 0 for g in gains) >= VOTE_SHARE * len(gains) and sum(gains) >= VOTE_MEAN_GAIN * len(gains)
                and len(witnesses) >= 2 and min(witnesses) > 0):
            out.add(pair)
    return out


def _quote_contexts(text: str, spans: list[tuple[int, int]], decisions: list[Decision],
                    known: Sequence[Edit] = ()) -> list[str]:
    """The last quotation mark before each token once everything before it is repaired (``known`` edits and
    this pass's decisions): a lost closing quote is told from an opening one by the quote that opened it,
    which may itself have been mojibake."""
    repl = [(e.start, e.end, e.after) for e in known]
    for (start, _end), decision in zip(spans, decisions, strict=True):
        repl.extend((start + r.start, start + r.end, r.text) for r, _ in decision)
    repl.sort(key=lambda x: x[0])
    out: list[str] = []
    last, last_at, at, pos, k = "", -10**9, 0, 0, 0
    for start, _end in spans:
        while k < len(repl) and repl[k][0] < start:
            rs, rend, new = repl[k]
            if rs >= pos:
                last, last_at = _scan_quotes(text[pos:rs], at, last, last_at)
                at += rs - pos
                last, last_at = _scan_quotes(new, at, last, last_at)
                at += len(new)
                pos = rend
            k += 1
        last, last_at = _scan_quotes(text[pos:start], at, last, last_at)
        at += start - pos
        pos = start
        out.append(last if at - last_at <= 500 else "")
    return out


def _scan_quotes(piece: str, at: int, last: str, last_at: int) -> tuple[str, int]:
    """The last quotation mark in ``piece`` (``at`` is its offset), else the one known before it; with the
    mark before it when it closes that one (`„“`: German's `“` closed a quote, where English's would open
    one). A ’ after a letter is taken for an apostrophe (she’d, players’), which says nothing about open
    quotes, unless it ends a word after an open ‘ (‘bullying’), which it closes."""
    for m in _QUOTE_MARK.finditer(piece):
        c, i = m.group(), m.start()
        if is_apostrophe(piece, i, last[-1:]):
            continue
        last = last[-1] + c if closes(c, last[-1:]) else c
        last_at = at + i
    return last, last_at


_QUOTE_MARK = regex.compile("[" + regex.escape(QUOTE_MARKS) + "]")


def repair_pass(text: str, focus: list[tuple[int, int]] | None = None) -> list[Edit]:
    """One layer of repair over ``text``; edits index ``text``.

    A long text is read in two steps: the first suspicious tokens get the full search, which names the
    (true, wrong) pair the text went through; the rest are first tried with that pair alone (two codec calls
    a token), and only what it cannot read gets the full search.
    """
    spans = _suspicious_tokens(text)
    if focus is not None:
        spans = _overlapping(spans, focus)
    edits, prior = _decide(text, spans[:SAMPLE], everywhere=spans)
    if len(spans) > SAMPLE:
        codecs = next((PAIR_CODECS[p] for p in prior if p in PAIR_CODECS), None)
        if codecs is None:
            edits, prior = _decide(text, spans, everywhere=spans)
        else:
            fast, rest = _fast_lossless(text, spans[SAMPLE:], *codecs, next(iter(prior)))
            edits.extend(fast)
            edits.extend(_decide(text, rest, prior, edits, everywhere=spans)[0])
    # (Where the text names no pair, a single-byte pair one token alone names beyond doubt sweeps too:
    # `ΡΠµΠ΄ΠΌΠΈΡ†Π°`, Bulgarian through cp1253 with a byte lost, names it, and `ΠΎΡ‚ Ρ‚Π°Π·ΠΈ` beside it looked like
    # Greek to the scan. Not beside the text's own pair, nor in a layer under another: a token another decoder read
    # better is no pair of the text's, and sweeping with it spent the layers a layered text needs.)
    sure = [] if prior or focus is not None else list(dict.fromkeys(
        p for e in sorted(edits, key=lambda e: -e.confidence)
        if e.confidence >= SURE_SWEEP and (p := _pair_of_edit(e)) in SINGLE_BYTE_UTF8))
    for pair in [*prior, *sure]:
        swept = _sweep(text, spans, pair)
        edits.extend(swept)
        spans = spans + [(e.start, e.end) for e in swept]  # aliases of the pair must not sweep them again
    # (And its words cut short are searched under it, with no prior: each must stand on its own.)
    single = {p: v for p, v in prior.items() if p in SINGLE_BYTE_UTF8} | dict.fromkeys(sure, 0.0)
    if single:
        edits.extend(_sweep_cut(text, spans, single, edits))
    return sorted(edits, key=lambda e: e.start)


def _sweep_cut(text: str, spans: list[tuple[int, int]], prior: dict[str, float], known: list[Edit]) -> list[Edit]:
    """Words the text's single-byte pair leaves with a UTF-8 character cut short, too plain to look suspicious
    on their own (Romanian `cÄ` for `că`: cp1250 dropped the 0x83), get the full search under that pair."""
    codecs = [PAIR_CODECS[p][0] for p in prior]
    extra = [(a, b) for a, b in _untaken(text, spans, NON_ASCII_TOKEN) if any(
        TRUNCATED.search(data) for data in _encodings(text[a:b], codecs))]
    return _decide(text, extra, prior, known, everywhere=spans + extra)[0] if extra else []


def _untaken(text: str, spans: list[tuple[int, int]], words: regex.Pattern[str]) -> list[tuple[int, int]]:
    """The spans of ``words`` in ``text`` that start none of ``spans`` (the tokens already searched)."""
    taken = {s for s, _ in spans}
    return [m.span() for m in words.finditer(text) if m.start() not in taken]


def _encodings(token: str, codecs: list[str]) -> Iterator[bytes]:
    """The token's bytes under each codec that can encode it."""
    for codec in codecs:
        try:
            yield token.encode(codec)
        except UnicodeEncodeError:
            continue


SAMPLE = 8


def _fast_lossless(text: str, spans: list[tuple[int, int]], wrong: str, true: str, pair: str,
                   boost: float = DOCUMENT_PRIOR) -> tuple[list[Edit], list[tuple[int, int]]]:
    """Tokens the text's own pair reads without loss, scored in one batch; and the spans left over."""
    found: list[tuple[int, int, str, str]] = []
    rest: list[tuple[int, int]] = []
    for start, end in spans:
        token = text[start:end]
        try:
            new = token.encode(wrong).decode(true)
        except UnicodeError:
            rest.append((start, end))
            continue
        if new != token and seen(new):
            found.append((start, end, token, new))
        elif new != token:
            rest.append((start, end))
    if not found:
        return [], rest
    scores = score_many(default_model(), [t for *_, old, new in found for t in (old, new)]).tolist()
    edits = []
    for k, (start, end, old, new) in enumerate(found):
        gain = scores[2 * k + 1] - scores[2 * k]
        if gain + boost >= 1.0:
            edits.append(Edit("mojibake", start, end, old, new, confidence(gain + boost, 0.0), pair))
        else:
            rest.append((start, end))
    return edits, rest


def _decide(text: str, spans: list[tuple[int, int]], prior_hint: dict[str, float] | None = None,
            known: list[Edit] | None = None, everywhere: list[tuple[int, int]] | None = None,
            ) -> tuple[list[Edit], dict[str, float]]:
    """The full search over the given token spans of ``text``; its edits, and the pair prior it found.
    ``known``: edits already decided elsewhere in the text (their quotes count as context); ``everywhere``: all
    the text's suspicious tokens, when ``spans`` are some of them (the rest is not clean text either)."""
    if not spans:
        return [], {}
    tokens = [text[s:e] for s, e in spans]
    scored = score_tokens([(t, "", NO_DECODERS) for t in tokens])
    if not any(scored) and not prior_hint:
        return [], {}  # the usual end for clean text that merely looked odd somewhere
    voted = _voted(text, tokens, scored)
    trusted = _corroborated(tokens, scored) | voted
    prior, support = _document_prior(tokens, scored, trusted)
    # Whether a token that shows more than a decoder's marks has a reading that stands (``shown``), and whether
    # the text has letters enough to guess marks from (``context``): asked only where marks stand alone.
    marks = [_marks_only(t) for t in tokens]
    shown = not any(marks) or any(
        m >= 0 and (not r.corroborate or r.detail in trusted)
        for alone, sc in zip(marks, scored, strict=True) for m, r in sc if not (alone and r.kind == "lost-byte"))
    context = not any(marks) or sum(map(str.isalpha, text)) >= MARKS_CONTEXT
    if voted:  # the whole text spoke for these: they are the document's pair, and sweep it
        prior = {**prior, **{p: DOCUMENT_PRIOR for p in sorted(voted, key=pair_rank)}}
        support = {**support, **{p: max(2, support.get(p, 0)) for p in voted}}
    if prior_hint:  # (the pairs the text's first tokens stood for: the rest is judged under them)
        prior = prior_hint
        support = {**support, **{p: max(2, support.get(p, 0)) for p in prior_hint}}
        trusted |= set(prior_hint)
    variety = _variety(scored, trusted)
    decisions = [_choose(t, sc, prior, trusted, support, variety, shown=shown, context=context)
                 for t, sc in zip(tokens, scored, strict=True)]
    scripts = _known_scripts(text, everywhere or spans, decisions)
    token_scripts = _marks_scripts(scripts, marks, decisions)
    alphabets = _alphabets(text, spans, decisions)
    decisions = [_choose(t, sc, prior, trusted, support, variety, a, ts, shown, context)
                 for t, sc, a, ts in zip(tokens, scored, alphabets, token_scripts, strict=True)]
    # Second look, with what the first one learnt: the quotes it repaired, and the single-byte decoder the
    # text went through, whose lossy readings are now worth searching everywhere (cheap: the cache keeps
    # every token whose key did not change).
    befores = _quote_contexts(text, spans, decisions, known or ())
    # (A decoder is at work in the text when the pair names it, or when one of its lossless readings was taken:
    # one `â€œ` read back as `“` says the next `â€` lost a byte to the same cp1252.)
    lossy = frozenset(PAIR_CODECS[p][0] for p in prior if p in SINGLE_BYTE_UTF8) | frozenset(
        PAIR_CODECS[r.detail][0] for decision in decisions for r, _ in decision
        if r.kind == "mojibake" and r.detail in SINGLE_BYTE_UTF8)
    asked: list[str] | None = None
    for _look in range(QUOTE_LOOKS):
        if asked == befores or not (any(befores) or lossy):
            break
        # Only what can change is asked again: the quote matters to lost bytes, and the lossy search to
        # tokens nothing could read yet. A quote read back in one look is the context of the next token's
        # in the next (`“last flight” — 2019`: the dash's token sees the closing quote the look before read).
        # (A token read by a pair the document does not stand for is asked too: a Korean word through cp1252 that
        # lost a byte, `ë§` for `말`, reads as cp1251's `л§` until the lossy search offers the text's own pair.)
        keys = [(t, b if any(r.kind == "lost-byte" for _, r in sc) else "",
                 NO_DECODERS if dec and all(pair_of(r) in prior for r, _ in dec) else lossy)
                for t, b, sc, dec in zip(tokens, befores, scored, decisions, strict=True)]
        scored = score_tokens(keys)
        alphabets = _alphabets(text, spans, decisions)
        decisions = [_choose(t, sc, prior, trusted, support, variety, a, ts, shown, context)
                     for t, sc, a, ts in zip(tokens, scored, alphabets, token_scripts, strict=True)]
        asked, befores = befores, _quote_contexts(text, spans, decisions, known or ())
    edits: list[Edit] = []
    for (start, _end), token, decision in zip(spans, tokens, decisions, strict=True):
        for r, conf in decision:
            edits.append(Edit(r.kind, start + r.start, start + r.end, token[r.start:r.end], r.text, conf,
                              r.detail))
    return edits, prior


# Two or more signs between letters, or box drawing (cp437's, for UTF-8 lead bytes) glued to a word's start.
_SIGNS_IN_WORD = regex.compile(r"\p{L}\p{S}{2,}\p{L}|[\u2500-\u259f]{2,}\p{L}")
_CJK_CLASS = "[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]"
_IN_LATIN_WORD = regex.compile(rf"\p{{Latin}}{_CJK_CLASS}\p{{Latin}}")  # a CJK character between two Latin letters
_CJK_TOKEN = regex.compile(rf"[^ \t\n\r\f\v]*{_CJK_CLASS}[^ \t\n\r\f\v]*")
_CJK_CHAR = regex.compile(_CJK_CLASS)
SWEEP_MIN_GAIN = 1.0
SURE_SWEEP = 0.95  # confidence of one token's reading that names its single-byte pair for the whole text
QUOTE_LOOKS = 3  # looks at the tokens with the quotes read so far, at most (most texts settle after one)


def _sweep(text: str, spans: list[tuple[int, int]], pair: str) -> list[Edit]:
    """Once the text's pair is known, every word it can re-read is tried with it, even one too short or too
    plain to look suspicious on its own: any non-ASCII word under a legacy pair (`Ç`, `¼ö`) or a single-byte
    one (Russian `он` as Greek `ΠΎΠ½`), any CJK-looking word under UTF-8 read with a CJK decoder (Russian `на`
    as `薪邪`). Each must read better on its own."""
    if pair in _MULTI_BYTE_UTF8:
        words = _CJK_TOKEN
    elif pair in PAIR_CODECS:
        words = NON_ASCII_TOKEN  # (under a single-byte pair, valid UTF-8 from a clean word's bytes is rare)
    else:
        return []
    extra = _untaken(text, spans, words)
    return _fast_lossless(text, extra, *PAIR_CODECS[pair], pair, boost=1.0 - SWEEP_MIN_GAIN)[0] if extra else []


def _pair_of_edit(edit: Edit) -> str:
    return pair_of_detail(edit.detail)


def fix_and_explain(text: str) -> tuple[str, list[Edit]]:
    """Repair mojibake in ``text``; return the repaired text and one edit per changed span of the input.

    >>> fix_and_explain("It鈥檚 here")[0]
    'It’s here'
    """
    if len(text) > PIECE:  # (a huge text is repaired a piece at a time, in bounded memory)
        out, edits = [], []
        for offset, piece in pieces(text, PIECE):
            fixed, piece_edits = fix_and_explain(piece)
            out.append(fixed)
            edits += [replace(e, start=e.start + offset, end=e.end + offset) for e in piece_edits]
        return "".join(out), edits
    if not reaches_repair(text):
        return text, []  # the clean path: one scan, and a look at the few odd places it finds
    with capitals_of(text):  # (a word in capitals is judged as the whole text shows: `ПО` is `он` in some)
        return _fix_and_explain(text)


def _fix_and_explain(text: str) -> tuple[str, list[Edit]]:
    """:func:`fix_and_explain` past the clean path."""
    if text.isascii():
        edits = ascii_marks(text)  # (`we???ve`: the only damage an ASCII text can show)
        return (apply_edits(text, edits) if edits else text), edits
    edits = ftfy_first(text)  # the common damage, read at ftfy's speed
    if edits is None:
        edits = whole_text_first(text)  # the same for the decoders ftfy does not know
    if edits is None:
        edits = whole_legacy_first(text)
    if edits is None:
        suspect = (find_suspect(text) is not None or CYRILLIC_GLUE.search(text) is not None
                   or ANY_EMOJI_LEAD.search(text) is not None)
        edits = ftfy_rival(text, _repair(text) if suspect else [])
        if may_be_byte(text) and (any(map(_single_byte_utf8, edits)) if edits else is_bad(text)):
            edits = _with_no_break_spaces(text, edits)
    if edits:
        edits = with_vanished(text, edits)  # (what a CJK decoder dropped whole from Latin text, where it shows)
        edits = with_known_words(text, edits)  # (marks read back into a word no language knows)
        edits = with_spelled_guesses(text, edits)  # (or into one spelled as no language spells)
        edits = with_known_readings(text, edits)  # (a decoder's reading that makes no word, another's that does)
        edits = without_unspelled_pairs(edits)  # (a Latin code page's reading that makes no word at all)
        edits = with_one_legacy_encoding(edits)  # (a CJK page's few words read as another CJK codec)
    return (apply_edits(text, edits) if edits else text), edits


def _repair(text: str) -> list[Edit]:
    """Our own repair, layer by layer; edits index ``text``."""
    # Lines a lossy CJK decoder shredded are read back whole first: the token search below would only
    # re-read the few pieces left intact.
    edits = lossy_pass(text)
    current = apply_edits(text, edits) if edits else text
    focus: list[tuple[int, int]] | None = None
    for _layer in range(MAX_LAYERS):
        # ftfy is asked only when our own readings find nothing: it sees whole lines, so it can peel a
        # layer whose result still looks odd to the model (UTF-8 read as GBK, then as cp1252).
        layer = repair_pass(current, focus) or ftfy_pass(current)
        if not layer:
            break
        new = apply_edits(current, layer)
        # A further layer is damage under what this one repaired: the tokens this one left were judged
        # already, with the whole text as evidence, and are not judged again on what is left of it.
        focus = output_spans(layer)
        # What this layer revealed may be a lossy CJK decoder's shreds, which only the lattice reads.
        shreds = _shredded_layer(new, focus) if any(map(_CJK_CHAR.search, (e.after for e in layer))) else []
        if shreds:
            layer = compose(current, layer, new, shreds)
            new = apply_edits(new, shreds)
            focus = output_spans(layer)
        edits = compose(text, edits, current, layer)
        current = new
    return edits


def _shredded_layer(text: str, spans: list[tuple[int, int]]) -> list[Edit]:
    """Edits reading back the lines of ``text`` where a layer's repair (its output ``spans``, sorted) left a
    lossy CJK decoder's shreds (UTF-8 read as GBK with bytes dropped, then as cp1252): the lattice reads them
    as it read the input's own lines before the first layer. Only those lines are asked: the rest were."""
    ends = [b for _, b in spans]
    lines = []
    for m in _LINE.finditer(text):
        k = bisect.bisect_right(ends, m.start())
        if k < len(spans) and spans[k][0] < m.end():
            lines.append(m)
    if not lines:
        return []
    starts = list(itertools.accumulate((len(m.group()) + 1 for m in lines[:-1]), initial=0))
    out = []
    for e in lossy_pass("\n".join(m.group() for m in lines)):
        k = bisect.bisect_right(starts, e.start) - 1
        out.append(e.shifted(lines[k].start() - starts[k]))
    return out


def _overlapping(spans: list[tuple[int, int]], focus: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (sorted) ``spans`` that overlap one of the (sorted, disjoint) ``focus`` spans."""
    out, k = [], 0
    for a, b in spans:
        while k < len(focus) and focus[k][1] <= a:
            k += 1
        if k < len(focus) and focus[k][0] < b:
            out.append((a, b))
    return out


NO_BREAK_GAIN = 3.0  # nats the text must gain for its spaces to be read as lost no-break spaces
NO_BREAK_LOST_BYTE = 4.0  # nats against a byte put back right before a space, in a text that lost no other


def _with_no_break_spaces(text: str, edits: list[Edit]) -> list[Edit]:
    """``edits``, or a repair of ``text`` that first reads the spaces after lead bytes as the byte 0xA0,
    with the space kept (`voilÃ  le`: a no-break space then a space) or not (`Ð Ñƒ`), when the model finds
    the result far more probable and every such byte went into a repaired character."""
    found = sorted({at: inside for wrong in _byte_decoders(edits) for at, inside in byte_spaces(text, wrong)}.items())
    if not found:
        return edits
    spaces = [at for at, _ in found]
    # (Each reading must beat the repair as it stands by the margin; the better of the two is taken.) Bytes the
    # repair put back before those spaces are a story of their own: the decoder dropped a byte just where a space
    # followed. Where the text shows no byte dropped anywhere else, each such byte costs what a guessed byte costs
    # (`× הרג`, Hebrew `נ` read as `א` with a byte lost, is as probable to the model as `נהרג`).
    lost = [e for e in edits if e.kind == "lost-byte"]
    before_space = [e for e in lost if any(e.start < at <= e.end for at in spaces)]
    prior = NO_BREAK_LOST_BYTE * len(before_space) if len(before_space) == len(lost) else 0.0
    stands = _no_break_score(apply_edits(text, edits)) - prior
    best, top, chosen = stands + NO_BREAK_GAIN, stands, edits
    uniform = [tuple("\xa0" if inside else joiner for _, inside in found) for joiner in ("\xa0", "\xa0 ")]
    ftfy_reads = _ftfy_joiners(text, spaces)
    # (Each way of reading the spaces repaired once: ftfy's may be one of the uniform two.)
    readings = {joiners: _no_break_reading(text, spaces, joiners)
                for joiners in dict.fromkeys([*uniform, *([ftfy_reads] if ftfy_reads else [])])}
    for joiners in uniform:
        if (reading := readings[joiners]) is not None:
            top = max(top, reading[0])
            if reading[0] >= best:
                best, chosen = reading
    by_ftfy = readings[ftfy_reads] if ftfy_reads else None
    if by_ftfy is not None and by_ftfy[0] >= top - NO_BREAK_GAIN:
        return by_ftfy[1]  # (ftfy's reading, unless the model finds another far likelier)
    return chosen


def _byte_decoders(edits: list[Edit]) -> list[WrongDecoder]:
    """The single-byte decoders ``edits`` read UTF-8 back from; for ftfy's, or for none, cp1252 and Latin-1 (ftfy
    reads both as one)."""
    pairs = set(map(_pair_of_edit, edits)) & SINGLE_BYTE_UTF8
    labels = {pair.removeprefix("utf-8 read as ") for pair in pairs}
    if not edits or any(e.detail == FTFY_DETAIL for e in edits):
        labels |= {"cp1252", "latin-1"}
    return [wd for wd in SINGLE_BYTE if wd.label in labels]


def _no_break_reading(text: str, spaces: list[int], joiners: tuple[str, ...]) -> tuple[float, list[Edit]] | None:
    """The repair of ``text`` with each of the ``spaces`` at those positions read as what its joiner says (the
    byte 0xA0, and the space kept or not), and the model's score of it; None where a byte goes into no repaired
    character."""
    fills = [Edit("lost-byte", at, at + 1, " ", joiner, 0.5,
                  "byte 0xA0 of UTF-8, a no-break space to the wrong decoder, became a space")
             for at, joiner in zip(spaces, joiners, strict=True)]
    restored = apply_edits(text, fills)
    layer = ftfy_rival(restored, _repair(restored))
    shift = [f.start + sum(len(j) - 1 for j in joiners[:k]) for k, f in enumerate(fills)]
    # Each byte must go into a character of UTF-8 read with a single-byte decoder: a no-break space left
    # standing would be a change of ours, not a repair.
    utf8 = [e for e in layer if _single_byte_utf8(e)]
    if not all(any(e.start <= at < e.end for e in utf8) for at in shift):
        return None
    return _no_break_score(apply_edits(restored, layer)), compose(text, fills, restored, layer)


def _no_break_score(text: str) -> float:
    """The model's score of a reading, its words in capitals folded or not, whichever it finds likelier: an
    acronym is as often written so in the corpora (`ΗΠΑ`), and folded it may only spell a word less common than
    another reading's (`ΗΝ` is `ην`)."""
    model = default_model()
    folded = fold_capitals(text)
    return model.score("", folded) if folded == text else max(model.score("", folded), model.score("", text))


def _ftfy_joiners(text: str, spaces: list[int]) -> tuple[str, ...] | None:
    """ftfy's own reading of spaces after `Ã` (UTF-8 `à` shown by Latin-1 or cp1252), where it is not one of
    ours: its byte-0xA0 step keeps the space after `à` (`voilÃ le` is `voilà le`) except before the words its
    pattern names, where the space was the byte (`semelhante Ã quele` is Portuguese `àquele`; the corpora hold
    no Portuguese, and the model prefers `à quele` a little). None unless every such space follows `Ã` and
    ftfy joins one."""
    joiners = []
    for at in spaces:
        if text[at - 1] != "Ã":
            return None
        after = text[at:at + 8].encode("utf-8", "replace")
        keeps = A_GRAVE_WORD_RE.match(b"\xc3" + after) is not None or not text[at + 1:at + 2].isalpha()
        joiners.append("\xa0 " if keeps else "\xa0")
    return tuple(joiners) if "\xa0" in joiners else None


def _single_byte_utf8(edit: Edit) -> bool:
    """Whether the edit reads UTF-8 back from a single-byte decoder (the damage that turns 0xA0 into a space);
    a text repaired otherwise (a CJK decoder's) is not searched again for lost no-break spaces."""
    return _pair_of_edit(edit) in SINGLE_BYTE_UTF8 or edit.detail == FTFY_DETAIL


def fix_text(text: str) -> str:
    """The repaired text (see :func:`fix_and_explain`).

    >>> fix_text("caf茅 au lait")
    'café au lait'
    """
    # The clean path, its first questions asked here rather than a few calls down (most crawled text is clean,
    # and most clean text stops at them: a paragraph's whole cost is then a microsecond or two; a Thai or a
    # Cyrillic one stops the scan at its first letter, and is asked on from there).
    first = UNSCANNED
    if text.isascii():
        if "?" not in text:
            return text
    elif len(text) >= SHORT:
        first = SCAN(text)
        if first is None:
            return text
        at = first.start()
        if "\u0400" <= text[at] <= "\u04ff":  # (a word of Cyrillic first, as in most Cyrillic text: go on)
            first = past_cyrillic(text, first)
            if first is None:
                return text
            at = first.start()
        if "\u0e01" <= text[at] <= "\u0e5b" and clean_thai(text, at):
            return text
    if not reaches_repair(text, first):  # (the scan not made again)
        return text  # (the clean path once more, without building an explanation)
    if len(text) > PIECE:
        return "".join(fix_text(piece) for _, piece in pieces(text, PIECE))  # (no explanation kept: bounded memory)
    with capitals_of(text):
        fixed = ftfy_first_text(text)  # (the commonest damage, read without the edits that would explain it)
        return fixed if fixed is not None else _fix_and_explain(text)[0]

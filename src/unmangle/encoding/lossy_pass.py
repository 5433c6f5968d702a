"""The lossy multi-byte pass: lines that a CJK decoder shredded are read back whole by :mod:`lattice`.

Which lines: those holding wide (CJK) text that is either studded with the decoder's error marks (U+FFFD, or
``?`` inside wide text) or far less probable than any real Chinese, Japanese or Korean line (a decoder run
with ``errors='ignore'`` leaves nothing else to see). Which channel: the (true encoding, wrong decoder, error
mode) that can give the line at all (its characters must encode in the wrong decoder) and that reads the first
gated lines best; the document keeps it. Every line is still searched with the option of staying as it is,
and a reading is kept only when it is far more probable than the line as it stands.
"""

from __future__ import annotations

import math
import unicodedata

import regex

from unmangle.document import Edit
from unmangle.encoding.codecs import PUNCTUATION_LEADS
from unmangle.encoding.gate import is_rare_cjk
from unmangle.encoding.lattice import ERR, MAX_BUILDS, Channel, Reading, search
from unmangle.encoding.ngram import cjk_model

WRONG = ("gbk", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr")
TRUE = ("utf-8", "gbk", "big5", "shift_jis", "euc_jp", "euc_kr")
_WIDE_CHAR = r"[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]"
_WIDE = regex.compile(_WIDE_CHAR + "+")
_NO_TEXT = regex.compile(r"[\p{Cc}\p{Co}\p{Cn}\p{Cs}]")
_LINE = regex.compile(r"[^\n]+")
_HALF_WIDTH_KANA = regex.compile(r"[\uff61-\uff9f]+")
_LATIN_WORD = regex.compile(r"[A-Za-z]{3,}")
_QUESTION_IN_WIDE = regex.compile(rf"{_WIDE_CHAR}\?|\?{_WIDE_CHAR}")
# What a CJK decoder writes for a legacy CJK text: CJK characters, or holes where it could not.
_CJK_OR_HOLE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Bopomofo}\ufffd?]")
_LATIN = regex.compile(r"\p{Latin}")
_ASCII_LETTER = regex.compile(r"[A-Za-z]")
# A whole word of letters (and their marks) of a script neither Latin nor CJK, between spaces or punctuation.
_ALPHABET_WORD = regex.compile(r"(?<![^\s\p{P}])(?:[^\P{L}\p{Latin}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}"
                               r"\p{Bopomofo}]|\p{M})+(?![^\s\p{P}])")
# A word of a script that is neither CJK nor Latin, four letters: EUC-KR and EUC-JP read Korean UTF-8 into a
# Cyrillic or Greek letter here and there, and now and then two, never a word of them.
_OTHER_SCRIPT = regex.compile(r"[^\P{L}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Bopomofo}\p{Latin}]{4}")
FEW_WIDE = 20
FEW_OTHER = 4  # letters of another script that make a line that script's text
OTHER_SHARE = 0.5
IMPROBABLE = -9.0  # nats per character of a line: real CJK text stays above it
MIN_GAIN = 12.0  # nats a reading must win by, over the line as it stands
# Some line of a text must show this many characters besides marks and spaces: lines of marks alone are read by
# the model's whim (`這名` for six U+FFFD) unless another line shows the decoder.
MIN_SHOWN = 4
LATIN_PER_MARK = 2 / 3  # letters of Latin words per mark, at least, in a Latin line whose punctuation became marks
SHORT_LINE = 10  # characters shown, below which a line without marks is odd to the model alone by chance
RARE_SHARE = 0.1  # of a line's wide characters outside the commonest: real text stays below, shreds above
# Real CJK text with a few marks (a stray bad byte in a page) stays above these, around every run of marks and on
# the whole line (mean log-probability a character shown): a wrong decoder's characters around its marks are noise.
STRAY_AROUND, STRAY_LINE = -9.0, -6.0
_AROUND = 6  # characters either side of a run of marks
_MARK_RUN = regex.compile(ERR + "+")
PROBE_LINES = 3
FOREIGN_SHARE = 1 / 20  # of the characters shown, that a UTF-8 channel's decoder cannot write (copied as they are)
MAX_LINE = 5_000  # longer lines (binary junk, a whole page on one line) are left to the token search
MAX_CHARS = 50_000  # characters searched per text
PROBE = 40  # characters of a line the fallback ranking searches
PROBE_BEAM = 8
PROBE_BUILDS = 600
RIVAL_BUILDS, RIVAL_FACTOR = 200, 4
SETTLED = 2  # lines in a row one channel must read back before it reads the rest alone
DECISIVE = 2.0  # or one line, read back with this many times the gain of every rival


def _modes(line: str) -> tuple[str, ...]:
    if ERR in line:
        return ("replace",)
    if _QUESTION_IN_WIDE.search(line):
        return ("question", "ignore")
    return ("ignore",)


def _gated(line: str) -> bool:
    """Whether the lattice should read the line: shredded CJK, not another script's (asked last: it costs a
    round trip per decoder, and most lines are turned away before), nor binary data (control characters, which
    no text a decoder misread holds: the search would spend seconds a line on noise)."""
    return _BINARY.search(line) is None and _shredded(line) and not _another_script(line)


_BINARY = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _shredded(line: str) -> bool:
    marks = line.count(ERR)
    # A decoder that maps almost nothing leaves marks and stray ASCII (trail bytes) alone; a Latin line whose
    # quotes and dashes became marks still has its words, a few letters for each character lost (`It���s
    # ���quoted���`: a curly quote is three marks).
    if marks >= 2 and 4 * marks >= len(line) and sum(map(len, _LATIN_WORD.findall(line))) < LATIN_PER_MARK * marks:
        return True
    wide = "".join(_WIDE.findall(line))
    if len(wide) < 4:
        return False  # (most lines of most pages: decided before anything is counted, as the test below would)
    # A line of CJK text, not Latin text with a few mojibake quotes (`鈥淵es,鈥� he said`): the token search
    # knows how quotes pair up, the CJK model does not.
    # (Or a few wide characters among many letters of an alphabet, ASCII or another's words: a CJK line with English
    # names has dozens; a Russian line with one word shredded by Big5 has five, which the lattice read with its
    # neighbours, `гие г` as `忍我快 忍`. Half-width katakana among far more Latin letters do not count there:
    # Shift-JIS writes them for the two bytes of a Latin letter, `ﾃｩ` for é; EUC-JP read as Shift-JIS is
    # half-width katakana nearly throughout.)
    punctuation = sum(c in PUNCTUATION_LEADS for c in wide)
    latin = len(_ASCII_LETTER.findall(line)) + _alphabet_letters(line)
    cjk = _HALF_WIDTH_KANA.sub("", wide)
    if 2 * (len(wide) - len(cjk)) >= latin:
        cjk = wide
    if len(wide) - punctuation < 4 or 2 * punctuation >= len(wide) or (len(cjk) < FEW_WIDE and 2 * len(cjk) < latin):
        return False
    if ERR in line:
        return not _stray_marks(line)
    # A `?` decoder's marks are question marks (Korean asks with `?` too): they must be many to count.
    asked = len(_QUESTION_IN_WIDE.findall(line))
    if asked >= 2 and 12 * asked >= len(line):
        return True
    # The line as written (spaces and all: Korean words joined together would look improbable themselves).
    return cjk_model().score(line) / len(line) < IMPROBABLE and not _lossless(line)


def _alphabet_letters(line: str) -> int:
    """The characters of ``line`` in whole words of one alphabet other than Latin (Cyrillic, Greek, Arabic,
    Devanagari...): a Russian sentence with one word shredded is no CJK line. (Not Latin-1's letters, nor words
    that mix scripts or glue letters to signs: the debris of a layer of cp1252 or cp1251 over the shreds,
    `é\x90¨å‹¬`, which the next layer reads.)"""
    return sum(len(word) for word in _ALPHABET_WORD.findall(line)
               if len({unicodedata.name(c, "?").split(" ", 1)[0] for c in word if c.isalpha()}) == 1)


def _weak(line: str) -> bool:
    """Whether ``line`` alone is too thin to say that a decoder shredded it, so that it is read only beside a
    line that says so: it shows fewer than ``MIN_SHOWN`` characters besides marks and spaces; or only the model
    finds it odd, and it is short (`購読一覧`, a page's menu: the model's verdict on a few characters of a phrase
    it never saw is noise, and the search costs tens of milliseconds a line) or written in the characters the
    national standards count among their commonest (informal Taiwanese the small model finds odd line after
    line; UTF-8 read with a CJK decoder lands mostly past them, see ``codecs.FIRST_LEVELS``)."""
    shown = len(line) - line.count(ERR) - line.count(" ")
    if shown < MIN_SHOWN:
        return True
    if ERR in line or _QUESTION_IN_WIDE.search(line):
        return False
    if shown < SHORT_LINE:
        return True
    wide = "".join(_WIDE.findall(line))
    return sum(map(is_rare_cjk, wide)) < RARE_SHARE * len(wide)


def _stray_marks(line: str) -> bool:
    """Whether ``line`` is real CJK text with a few marks in it: the model finds the characters shown probable
    around every run of marks and on the whole (asked of the line with its marks taken out)."""
    logprobs = cjk_model().each(line.replace(ERR, ""))
    if logprobs.mean() < STRAY_LINE:
        return False
    removed = 0
    for m in _MARK_RUN.finditer(line):
        at = m.start() - removed
        removed += len(m.group())
        if logprobs[max(0, at - _AROUND):at + _AROUND].mean() < STRAY_AROUND:
            return False
    return True


def _another_script(line: str) -> bool:
    """Whether the line's bytes under the CJK decoder that reads them back into the most UTF-8 letters give
    letters of a script other than CJK (Russian or Greek shredded by Big5): the CJK model cannot rank those,
    the token search can. (Any decoder alone reads some bytes of real CJK into stray Cyrillic or Greek.)"""
    shown = line.replace(ERR, "")
    best = (0, 0)  # (letters, of which wide) of the decoder whose bytes read back into the most letters
    for wrong in WRONG:
        through = _through(shown, wrong)
        if through is None:
            continue
        read = through.encode(wrong).decode("utf-8", "ignore")
        letters = sum(1 for c in read if c >= "\u0370" and c.isalpha())
        best = max(best, (letters, sum(map(len, _WIDE.findall(read)))))
    letters, wide = best
    # (Against the characters shown: a legacy CJK text's bytes read as UTF-8 give a few letters by chance, one
    # for every six characters or fewer; UTF-8 Cyrillic gives one a character shown.)
    high = sum(1 for c in shown if c >= "\x80")
    other = letters - wide
    return other >= FEW_OTHER and other > 2 * wide and other >= OTHER_SHARE * high


def _lossless(line: str) -> bool:
    """Whether some channel reads the whole line back without loss, as UTF-8 or into text as probable as real
    CJK text: mojibake the token search repairs (and explains) exactly, with nothing to search for. EUC-JP text
    read back as EUC-KR decodes without an error too, into noise: that is no reading."""
    model = cjk_model()
    for wrong in WRONG:
        try:
            raw = line.encode(wrong)
        except UnicodeEncodeError:
            continue
        for true in TRUE:
            if true != wrong:
                try:
                    read = raw.decode(true)
                except UnicodeDecodeError:
                    continue
                # (Whole UTF-8 is evidence enough: random bytes hardly form it, and the line may be English
                # or Russian, which the CJK model finds improbable.)
                if read and (true == "utf-8" or model.score(read) / len(read) >= IMPROBABLE):
                    return True
    return False


def _through(shown: str, wrong: str) -> str | None:
    """``shown`` less the few characters ``wrong`` cannot have written, or None if one of them is wide or they
    are more than a few. A UTF-8 page may be mended in part only (`Janelle Monáe` stands clean beside a sentence
    Big5 shredded): a Latin letter or sign outside the decoder's repertoire is copied by the search; a CJK
    character outside it, or many foreign characters, say the text is no reading of that decoder, and so does a
    control or private-use character, which is no text but another decoder's trace (cp932 writes 0x80 and 0xA0
    as U+0080 and U+F8F0, which Shift-JIS cannot)."""
    try:
        shown.encode(wrong)
        return shown
    except UnicodeEncodeError:
        pass
    kept = []
    for c in shown:
        try:
            c.encode(wrong)
        except UnicodeEncodeError:
            if _WIDE.match(c) or _NO_TEXT.match(c):
                return None
            continue
        kept.append(c)
    return "".join(kept) if FOREIGN_SHARE * len(shown) >= len(shown) - len(kept) else None


def _channels(lines: list[str]) -> list[Channel]:
    """Every channel that can have given these lines: their characters encode in its wrong decoder, but for a
    few that are no CJK characters in a UTF-8 text (see ``_through``)."""
    joined = "\n".join(lines)
    shown = joined.replace(ERR, "")
    out = []
    for wrong in WRONG:
        through = _through(shown, wrong)
        if through is None:
            continue
        trues = TRUE if len(through) == len(shown) else ("utf-8",)
        for mode in _modes(joined):
            out.extend(Channel(true, wrong, mode) for true in trues if true != wrong)
    return out


def _fit(lines: list[str], ch: Channel) -> float:
    """How real the text looks when its bytes under the wrong decoder are read in the true encoding, lost bytes
    and all: the characters that survived whole are real text for the right channel, noise for the others.
    Mean model log-probability per wide character (one codec call and one model call a channel)."""
    shown = "".join(lines).replace(ERR, "")
    if ch.errors == "question":
        shown = shown.replace("?", "")
    through = _through(shown, ch.wrong)
    if through is None:
        return -math.inf
    read = through.encode(ch.wrong).decode(ch.true, "ignore")
    wide = "".join(_WIDE.findall(read))
    if len(wide) < 4:
        return -math.inf
    return cjk_model().score(wide) / len(wide)


def _rank(lines: list[str], channels: list[Channel]) -> list[Channel]:
    """The channels to search in full: the two whose re-read bytes look most like real text, and the best
    UTF-8 one (by far the most common true encoding). A channel that leaves nothing whole to judge by (a
    decoder that maps almost none of the bytes; UTF-8 through EUC-JP with its errors ignored) is ranked by a
    short search of the start of the lines instead."""
    fits = sorted(((_fit(lines, ch), ch) for ch in channels), key=lambda t: -t[0])
    if not fits or fits[0][0] == -math.inf:
        return _probe(lines, channels)[:2]
    ranked = [ch for _, ch in fits[:2]]
    utf8 = [ch for fit, ch in fits[2:] if ch.true == "utf-8" and fit > -math.inf][:1]
    if not utf8 and not any(ch.true == "utf-8" for ch in ranked):
        utf8 = _probe(lines, [ch for ch in channels if ch.true == "utf-8"])[:1]
    return ranked + utf8


def _probe(lines: list[str], channels: list[Channel]) -> list[Channel]:
    """The channels under which a short search of the lines' starts gains anything, best first."""
    gains = []
    for ch in channels:
        # (A probe reads 40 characters: its budget of decoder states is its own, not the full searches'.)
        readings = [search(line[:PROBE], ch, beam=PROBE_BEAM, max_builds=PROBE_BUILDS) for line in lines]
        gains.append((sum(r.gain if r is not None else -math.inf for r in readings), ch))
    gains.sort(key=lambda t: -t[0])
    return [ch for gain, ch in gains if gain > 0]


def _evidence(lines: list[str]) -> list[str]:
    """The lines that judge the channel: those with the most characters other than error marks (a line of
    marks alone fits every decoder that maps nothing), first lines first among equals."""
    ranked = sorted(range(len(lines)), key=lambda i: -(len(lines[i]) - lines[i].count(ERR)))
    return [lines[i] for i in sorted(ranked[:PROBE_LINES])]


def _confidence(gain: float, length: int) -> float:
    return round(max(0.05, min(0.95, 1.0 - math.exp(-gain / max(4.0, length)))), 3)


def _edits(reading: Reading, line: str, offset: int, ch: Channel) -> list[Edit]:
    total = sum(e - s for s, e, _ in reading.spans) or 1
    out = []
    for s, e, text in reading.spans:
        if _OTHER_SCRIPT.search(line, s, e):
            continue  # (the CJK model cannot judge a Russian word it would replace: `Привет` is no Big5 `П把我志快找`)
        if ch.true != "utf-8" and _LATIN.search(line, s, e) and not _CJK_OR_HOLE.search(line, s, e):
            continue  # (a CJK decoder reading a legacy CJK text writes CJK or holes: a lone `à` is French)
        kind, detail = "lost-byte", f"{ch.label}, lost bytes restored"
        if _reads_back(line[s:e], text, ch):
            kind, detail = "mojibake", ch.label
        out.append(Edit(kind, offset + s, offset + e, line[s:e], text,
                        _confidence(reading.gain * (e - s) / total, e - s), detail))
    return out


def _clean_cjk_beside(text: str, gated: list[tuple[int, str]]) -> bool:
    """Whether a line of ``text`` the pass does not read is real CJK text: wide characters enough, no marks, as
    probable as real text."""
    skip = {offset for offset, _ in gated}
    for m in _LINE.finditer(text):
        line = m.group()
        if m.start() in skip or ERR in line or len(wide := "".join(_WIDE.findall(line))) < FEW_WIDE:
            continue
        if cjk_model().score(wide) / len(wide) >= IMPROBABLE:
            return True
    return False


def _made_up_cjk(reading: Reading, ch: Channel, gated: list[tuple[int, str]], leads: dict[Channel, bool]) -> bool:
    """Whether ``reading`` writes CJK letters (hanzi, kana, Hangul) into a UTF-8 text whose shown bytes hold no
    lead of one: then every such letter is the model's guess for a run of holes (`체ber 10 ��� ��� ok` is no
    `über 10 년 후 ok`, but `über 10 € — ok`), and the CJK model guesses CJK for any hole. (UTF-8 CJK read with a
    CJK decoder keeps many of its leads, E3-ED, inside the pairs the decoder read.)"""
    if ch.true != "utf-8" or not any(_CJK_LETTER.search(text) for _, _, text in reading.spans):
        return False
    if ch not in leads:
        shown = "".join(line for _, line in gated).replace(ERR, "").encode(ch.wrong, "ignore")
        leads[ch] = any(_CJK_LEAD_FIRST <= b <= _CJK_LEAD_LAST for b in shown)
    return not leads[ch]


def _no_korean(reading: Reading, ch: Channel) -> bool:
    """Whether ``reading`` puts an EUC-KR text back as hanja, hardly any Hangul: Korean writes Hangul, and EUC-KR's
    hanja rows are where a search lands that reads other bytes (Arabic shredded by Shift-JIS) as Korean."""
    if ch.true != "euc_kr":
        return False
    written = "".join(text for _, _, text in reading.spans)
    return len(_HANGUL.findall(written)) * KOREAN_HANGUL < len(_CJK_LETTER.findall(written))


KOREAN_HANGUL = 2  # a Korean text's CJK letters are Hangul, one in this many at least (hanja, a few)
_HANGUL = regex.compile(r"\p{Hangul}")
_CJK_LETTER = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Bopomofo}]")
_CJK_LEAD_FIRST, _CJK_LEAD_LAST = 0xE3, 0xED  # UTF-8 leads of kana, hanzi and Hangul (E2: punctuation)


def _reads_back(before: str, after: str, ch: Channel) -> bool:
    try:
        return before.encode(ch.wrong).decode(ch.true) == after
    except UnicodeError:
        return False


def lossy_pass(text: str) -> list[Edit]:
    """Edits reading back the lines of ``text`` a lossy CJK decoder shredded; none for any other text."""
    gated = [(m.start(), m.group()) for m in _LINE.finditer(text) if len(m.group()) <= MAX_LINE and _gated(m.group())]
    if all(map(_weak, (line for _, line in gated))):
        return []  # (nothing, or lines too thin to say a decoder was at work: see _weak)
    probe = _evidence([ln for _, ln in gated])
    channels = _channels(probe)
    if _clean_cjk_beside(text, gated):
        # A page whose other lines are real CJK text, in UTF-8, was written in UTF-8: its shreds are UTF-8 too.
        # (A legacy channel reads holes into any character the model likes, `惧惧惧`, and outbids UTF-8's.)
        channels = [ch for ch in channels if ch.true == "utf-8"]
    ranked = _rank(probe, channels)
    edits: list[Edit] = []
    budget = MAX_CHARS
    wins: list[Channel] = []  # the channel that read each line back, in order
    leads: dict[Channel, bool] = {}  # whether the text shows a CJK letter's lead byte through the channel
    decisive = False  # whether the last line read back left every rival far behind
    for offset, line in gated if ranked else ():
        budget -= len(line)
        if budget < 0:
            break  # the search costs milliseconds a character: a runaway document keeps its first pages read
        best: tuple[Reading, Channel] | None = None
        gave_up = []
        gains = []
        # A document goes through one channel: once the same one has read SETTLED lines in a row back, it
        # reads the next lines alone, and its rivals are asked only about a line it cannot read.
        settled = wins[-1] if decisive or len(wins) >= SETTLED and len(set(wins[-SETTLED:])) == 1 else None
        order = [settled] + [ch for ch in ranked if ch != settled] if settled in ranked else ranked
        for ch in order:
            if settled is not None and ch != settled and best is not None and best[0].gain >= MIN_GAIN:
                break
            # Once a channel reads the line back, a rival gets a few times the decoder states it took: a
            # channel that needs far more is lost in states the text does not call for.
            r = search(line, ch, max_builds=MAX_BUILDS if best is None or best[0].gain < MIN_GAIN
                       else max(RIVAL_BUILDS, RIVAL_FACTOR * best[0].states))
            if r is None:
                gave_up.append(ch)
            else:
                gains.append(r.gain)
                if r.spans and (best is None or r.gain > best[0].gain):
                    best = (r, ch)
        if (best is not None and best[0].gain >= MIN_GAIN and not _made_up_cjk(best[0], best[1], gated, leads)
                and not _no_korean(best[0], best[1])):
            edits.extend(_edits(best[0], line, offset, best[1]))
            wins.append(best[1])
            # (A rival that gave up, or that was not asked once the line's channel had settled, is no rival.)
            decisive = len(gains) > 1 and sorted(gains)[-2] * DECISIVE <= best[0].gain
            # A channel whose search ran out of decoder states on a line another channel read back would run
            # out again on the next lines, at seconds a line (GB18030's four-byte states under `ignore`).
            ranked = [ch for ch in ranked if ch not in gave_up]
    return edits

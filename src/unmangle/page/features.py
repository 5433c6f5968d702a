"""What a block of a page looks like on its own: the features the debris classifier weighs.

Length, sentence punctuation, function-word density relative to the prose of the page's language (learnt from the
corpora, :mod:`unmangle.page.prose`), interface vocabulary by kind (:mod:`unmangle.page.interface`), identifiers,
copyright marks, link separators, a date alone on its line, a ``See also: <headline>`` pointer, a bullet. None of
them looks at the neighbours: position is :mod:`unmangle.page.debris`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from unmangle.page.identifiers import identifier_line
from unmangle.page.interface import interface_hits, interface_share
from unmangle.page.prose import UNSPACED, UNSPACED_CHAR, function_density

SENTENCE_END = regex.compile(r"[.!?…。！？؟।:;][\s\"'\p{Pi}\p{Pf}\p{Pe}]*$")
_SENTENCE_INSIDE = regex.compile(r"[.!?؟।](?:\s|$)|[。！？](?![”」』）]*$)")  # CJK stops need no space after
_COPYRIGHT = regex.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b", regex.I)
WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*")
# Marks between menu links run together, or the wide gaps a scraper leaves between them.
_SEPARATOR = regex.compile(r"(?:^|\s)[|▪•·»›/◦‣∙⋅]+(?=\s|$)|(?<=[\p{L}\p{N}]) {2,}(?=[\p{L}\p{N}])")
# A calendar date in any of the usual shapes: day month year, month day year, numeric, CJK.
_DATE_SHAPE = regex.compile(
    r"(?<!\d)(?:\d{1,2}\.?\s*(?:\p{Ll}{1,2}\s+)?\p{L}{3,}\.?,?\s*(?:\p{Ll}{1,2}\s+)?(?:19|20)\d{2}|"
    r"\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}|"
    r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}|"
    r"\d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일])(?!\d)")
# A time counted back from now (``2 hours ago``, ``vor 3 Stunden``, ``před 2 hodinami``, ``3小时前``): a post's
# or a comment's time stamp in the corpus languages.
_RELATIVE_TIME = regex.compile(
    r"(?<!\w)(?:\d{1,3}\s*(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?|years?)\s+ago|"
    r"vor\s+\d{1,3}\s+(?:Sekunden|Minuten|Stunden|Tagen|Wochen|Monaten|Jahren)|"
    r"il\s+y\s+a\s+\d{1,3}\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans)|"
    r"(?:hace|há)\s+\d{1,3}\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|años?|anos?)|"
    r"\d{1,3}\s+(?:secondi|minuti|ore|giorni|settimane|mesi|anni)\s+fa|"
    r"před\s+\d{1,3}\s+(?:sekundami|minutami|minutou|hodinami|hodinou|dny|dnem|týdny)|"
    r"\d{1,3}\s+(?:sekund|minut[ay]?|godzin[ay]?|dni|tygodni)\s+temu|"
    r"\d{1,3}\s+(?:секунд[уы]?|минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|недел[иь])\s+назад|"
    r"\d{1,3}\s+(?:seconden|minuten|uur|dagen|weken)\s+geleden|"
    r"\d{1,3}\s*(?:秒钟?|分钟|小时|天|秒|分|時間|日|시간|분|일)\s*[前전])(?!\w)", regex.I)
_BULLET = regex.compile(r"^[-+*•·–◦▪‣][ \t]+\S")
_PREFIX = regex.compile(r"^([^:：]{2,40})\s*[:：]\s*(\S.*)$")
_CLOSING_STOP = regex.compile(r"[.!?。！？]\s*$")
_CLOSING_ABBREVIATION = regex.compile(r"\b\p{L}\.(?:\p{L}\.)?\s*$")  # a.m., p.m.
MAX_DATE_WORDS = 4  # words of three letters or more a timestamp line may hold ("Last updated on Monday")


@dataclass(frozen=True, slots=True)
class BlockFeatures:
    """What a block looks like, independent of its neighbours."""

    chars: int
    weight: float  # length in Latin-character equivalents (a Han character carries about three)
    words: int
    density: float  # function-word density relative to typical prose of the page language (1.0 = prose)
    sentence_end: bool
    sentences: int
    interface: str | None
    interface_share: float
    copyright: bool
    identifier: str | None
    prompt: str | None  # a cookie banner, sign-up or log-in prompt written as sentences
    bullet: bool  # a list item: a bullet mark, then several words
    timestamp: bool  # a publication or update date alone on its line
    pointer: str | None  # ``Read more: <headline>``: interface words, a colon, another article's title
    separators: int  # free-standing separators (``|``, ``•``, ``▪``): links of a menu run together on one line


def block_features(text: str, lang: str) -> BlockFeatures:
    unspaced = len(UNSPACED_CHAR.findall(text))
    weight = len(text) + 2 * unspaced
    kind, share = interface_share(text)
    words = len(WORD.findall(text)) + (unspaced // 2 if lang in UNSPACED else 0)
    return BlockFeatures(
        chars=len(text), weight=weight, words=words, density=function_density(text, lang),
        sentence_end=bool(SENTENCE_END.search(text)), sentences=len(_SENTENCE_INSIDE.findall(text)),
        interface=kind, interface_share=share, copyright=bool(_COPYRIGHT.search(text)) and len(text) < 200,
        identifier=identifier_line(text), prompt=_prompt_kind(text), separators=len(_SEPARATOR.findall(text)),
        timestamp=is_timestamp(text), pointer=_pointer_kind(text), bullet=bool(_BULLET.match(text)) and words >= 3,
    )


def is_timestamp(text: str) -> bool:
    """A line that is a date and a few words (``Updated 12 March 2019``, ``Publié le 4 avril 2023 à 10:32``):
    the page's metadata, not the article's prose. Any language: a year, a day or a time, few other words.

    >>> is_timestamp("Last modified: September 13, 2024"), is_timestamp("In 2019, 12 people died.")
    (True, False)
    """
    if len(text) > 80 or "@" in text or not (_DATE_SHAPE.search(text) or _RELATIVE_TIME.search(text)):
        return False  # with a handle, it signs an embedded post
    if _CLOSING_STOP.search(text) and not _CLOSING_ABBREVIATION.search(text):
        return False  # a sentence that happens to be short and dated
    letters = [w for w in WORD.findall(text) if not w[0].isdigit() and len(w) >= 3]  # not "de", "à", "am"
    return len(letters) <= MAX_DATE_WORDS and len(UNSPACED_CHAR.findall(text)) <= 8


def _pointer_kind(text: str) -> str | None:
    """``See also: <title>``, ``Lire aussi : <titre>``: a related-article link set as a line of its own."""
    m = _PREFIX.match(text)
    if not m or len(text) > 250:
        return None
    kind, share = interface_share(m.group(1))
    if kind != "related" or share < 0.5 or _SENTENCE_INSIDE.search(m.group(2)):
        return None
    return kind


PROMPT_KINDS = ("cookie", "newsletter", "login")


def _prompt_kind(text: str) -> str | None:
    hits = interface_hits(text)
    n = sum(hits.get(k, 0) for k in PROMPT_KINDS)
    # Two prompt words in a banner; in a line or two, one with another interface word is enough (``This site
    # uses cookies. By continuing to browse...``). Only the region's edges are trimmed of prompts, so a sentence
    # about cookies inside the article stays.
    short = len(text) < 160 and sum(hits.values()) >= 2
    if n < (1 if short else 2) or len(text) > 900:
        return None
    return max(PROMPT_KINDS, key=lambda k: hits.get(k, 0))


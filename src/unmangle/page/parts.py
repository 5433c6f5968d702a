"""The article's parts: title, dateline, byline, photo captions and credits.

Found by their place relative to the article region (the title and byline sit just above the first paragraph, a
dateline opens it) and by their shape, in the languages of the corpora: a byline opens with the local word for "by"
or names a news agency, a credit names a photographer or an agency with a slash.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from unmangle.page.debris import BARRIERS, DebrisResult, furniture
from unmangle.page.prose import UNSPACED_CHAR

TITLE_WINDOW = 14  # blocks above the article region where the title may sit
TITLE_DENSITY = 0.2  # function-word density (relative to prose) of a headline
AFTER_WINDOW = 6  # blocks after the article region where a closing byline or caption may sit
_WORDS = regex.compile(r"[\p{L}\p{N}]+")
_FINAL_STOP = regex.compile(r"[.;,:。，；：、][\"'”’»)\]」』）]*$")
# A sentence ends inside the line: a paragraph's opening, not a headline (abbreviations like "U.S." and ordinals
# like "1. Weltkrieg" do not count).
_INNER_STOP = regex.compile(r"(?<=\p{Ll}{2})[.!?؟][\"'”’»)\]]*\s+\S|。[”」』）]*(?=\S)")
_DATE = regex.compile(
    r"\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\.? \d{1,2}(?:, \d{4})?|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}|"
    r"\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?|(?:updated|published|posted)\b)", regex.I)

AGENCIES = (r"AP|Reuters|AFP|dpa|DPA|UPI|Bloomberg|EFE|ANSA|Xinhua|Kyodo|Yonhap|PTI|IANS|CNN|BBC|TASS|ТАСС|"
            r"РИА Новости|Интерфакс|Europa Press|APA|SDA|ATS|Belga|ANP|PAP|ČTK|CTK|MTI|Agerpres|AA|IRNA|"
            r"The Associated Press|Associated Press|Agence France-Presse")
# An agency or outlet the lists above do not know: one to four capitalised words, or an acronym.
_ORG = r"\p{Lu}[\p{L}\p{M}.&'’-]*(?: (?:\p{Lu}[\p{L}\p{M}.&'’-]*|of|de|du|der|des|la|&)){0,3}"
_BY = (r"By|by|BY|Von|von|Par|par|Por|por|Di|di|Door|door|Av|av|Przez|Autor:|Автор:|Автор|Від|Yazan:|Yazar:|"
       r"Συντάκτης:|Szerző:|Tác giả:|Text:|Texto:|Texte:|Words by|Written by|Posted by|Reported by|Story by|"
       r"بقلم|كتب|מאת|द्वारा|लेखक:")
# A name after "by": capitalised, or in a script without case (Arabic, Hebrew, Devanagari).
_BYLINE_START = regex.compile(rf"^(?:{_BY})\s+(?:\p{{Lu}}[\p{{L}}\p{{M}}.'’-]*|[\p{{Lo}}\p{{M}}]{{2,}})")
_BYLINE_CJK = regex.compile(r"^(?:作者|文|记者|記者|撰文|編輯|编辑|責任編輯|责任编辑|글|기자)\s*[:：/／|｜]\s*\S|"
                            r"^글\s+\p{Hangul}{2,4}$|"
                            r"^\S{2,4}\s*(?:记者|記者|기자)$|^(?:文|記者|记者)\s?[\p{Han}]{2,4}$")
_PERSON = r"(?:\p{Lu}[\p{L}\p{M}.'’-]+(?: \p{Lu}[\p{L}\p{M}.'’-]+){1,3}|[\p{Lo}\p{M}]{2,}(?: [\p{Lo}\p{M}]{2,}){1,3})"
_BYLINE_AGENCY = regex.compile(rf"^{_PERSON}\s*(?:,|\||/|—|-)\s*"
                               rf"(?:{AGENCIES}|The \p{{Lu}}\p{{L}}+(?: \p{{Lu}}\p{{L}}+){{0,3}})\s*$")
# ``Name, Outlet`` with an outlet no list knows: only where a byline is expected (next to the title, closing the
# article), since ``Paris, France`` has the same shape.
_BYLINE_NEAR = regex.compile(rf"^{_PERSON}\s*(?:,|\||—|-)\s*{_ORG}\s*$")
_NAME_ONLY = regex.compile(r"^\p{Lu}[\p{Ll}\p{M}'’.-]+(?: (?:\p{Lu}\.|\p{Lu}[\p{Ll}\p{M}'’-]+|de|van|von|da|di|la|le|"
                           r"and|und|et|y|&)){1,4}$")

_CAPS_CITY = r"\p{Lu}[\p{Lu}\p{M}.'’ -]{1,28}\p{Lu}"
_NAMED_CITY = rf"\p{{Lu}}[\p{{L}}\p{{M}}.'’-]+(?: \p{{Lu}}[\p{{L}}\p{{M}}.'’-]+){{0,2}}(?=,|\s*\((?:{AGENCIES})\))"
_CITY_DATE = r"(?:,\s*(?:\p{L}[\p{L}.]*\.?\s\d{1,2}|\d{1,2}\.?\s\p{L}+\.?|\p{Lu}[\p{L}.]+(?: \p{Lu}[\p{L}.]+)?))*"
_DATELINE = regex.compile(rf"^(?P<d>(?:{_CAPS_CITY}|{_NAMED_CITY}){_CITY_DATE}"
                          rf"\s*(?:\((?:{AGENCIES}|{_ORG})\)|/(?:{AGENCIES})/)?\s*[—–-]{{1,2}})\s+(?=\S)")
_DATELINE_CJK = regex.compile(r"^(?P<d>(?:新华社|新華社|中新社|中新网|中新網|人民网|人民網|央视网|央視網|本报|本報)?"
                              r"[\p{Han}]{2,8}\d{1,2}月\d{1,2}日电?(?:（[^）]{0,20}）|\([^)]{0,20}\))?\s*)(?=\S)")

_CREDIT_OPEN = regex.compile(r"^\(?(?:Photo|Photos|Photograph|Image|Picture|Credit|Credits|Foto|Fotos|Bild|Crédit|"
                             r"Crédito|Фото|Źródło|Kaynak|Fotó|Fotoğraf|Fot\.|Φωτογραφία|Ảnh|تصوير|צילום|फोटो|"
                             r"图片来源|圖片來源|图片|圖片|摄影|攝影|写真|사진)"
                             r"(?:\s+(?:by|credit|von|de|:))?\s*[:：]?\s*\S", regex.I)
_CREDIT_TAIL = regex.compile(rf"\((?:[^()]*(?:Photo|Foto|Image|Getty|/|摄影|攝影|撮影|تصوير)[^()]*|{AGENCIES})\)\s*$|"
                             r"（[^（）]*(?:摄影|攝影|撮影|图片|圖片)[^（）]*）\s*$|"
                             r"(?:사진|写真)\s*=\s*\S[^.]{0,30}$|"
                             r"(?:(?:Photo|Photograph|Image|Foto|Fotoğraf|Фото|Credit)(?: by)?\s*[:：]|Fot\.)"
                             r"\s*[^.]{2,60}$|"
                             r"\b(?:Getty Images|Shutterstock|iStock(?:photo)?|AP Photo|Reuters/[\p{L} ]+)\s*\)?$",
                             regex.I)
_CAPTION_SCENE = regex.compile(r"\b(?:poses?|posing|pictured|attends?|arrives?|(?:is|are) seen|"
                               r"in this (?:file )?photo|(?:left|right|center|centre)\)|from left)\b", regex.I)


@dataclass(slots=True)
class Parts:
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    captions: list[str] = field(default_factory=list)
    claimed: set[int] = field(default_factory=set)  # blocks that left the body for a part


def _words(text: str) -> int:
    return len(_WORDS.findall(text)) + len(UNSPACED_CHAR.findall(text)) // 2


def _norm(text: str) -> str:
    return " ".join(_WORDS.findall(text.casefold()))


def is_byline(text: str) -> bool:
    """``By Jane Doe``, ``Von Max Muster``, ``Jane Doe, The Associated Press``, ``作者：张三``.

    >>> is_byline("By Erin Cunningham March 18 at 3:57 PM"), is_byline("By the way, it rained.")
    (True, False)
    """
    if len(text) > 160:
        return False
    if _BYLINE_START.match(text):
        return not _FINAL_STOP.search(text) or _words(text) <= 8
    return bool(_BYLINE_CJK.match(text) or _BYLINE_AGENCY.match(text))


def is_caption(text: str) -> bool:
    """A photo caption or credit: ``(AP Photo/Evan Vucci)``, ``Credit: Jane Doe``, ``Photo: Getty Images``."""
    if len(text) > 400:
        return False
    if _CREDIT_OPEN.match(text) and (len(text) < 160 or _CREDIT_TAIL.search(text)):
        return True
    if _CREDIT_TAIL.search(text):
        return True
    return bool(_CAPTION_SCENE.search(text) and _DATE.search(text[-40:]) and len(text) < 300)


def _title_words(text: str) -> int:
    return len(text.split()) + len(UNSPACED_CHAR.findall(text)) // 3


def _topic_words(text: str) -> set[str]:
    """Content words (four letters or more) and, for unspaced scripts, character pairs: what a title shares with
    its article."""
    low = text.casefold()
    words = {w for w in _WORDS.findall(low) if len(w) >= 4 and not UNSPACED_CHAR.match(w)}
    han = "".join(UNSPACED_CHAR.findall(low))
    return words | {han[k:k + 2] for k in range(len(han) - 1)}


def topical_overlap(candidate: str, article: set[str]) -> float:
    """Share of the candidate's content words that the article uses."""
    words = _topic_words(candidate)
    return len(words & article) / len(words) if words else 0.0


def title_score(texts: list[str], norms: list[str], i: int, region_start: int, result: DebrisResult,
                article: set[str] | None = None) -> float:
    """How much block ``i`` looks like the article's title (0 when it cannot be).

    The heading of a page is usually repeated (in the title element, a breadcrumb, a share text), sits just above
    the first paragraph, and is followed by a byline or a date.
    """
    text = texts[i]
    f = result.features[i]
    words = _title_words(text)
    if (not 3 <= words <= 30 or len(text) > 250 or _FINAL_STOP.search(text) or f.sentences > 1
            or _INNER_STOP.search(text)):
        return 0.0
    if (furniture(f) or f.prompt or (f.interface and f.interface_share >= 0.5) or is_byline(text) or "@" in text
            or is_caption(text)):
        return 0.0
    norm = norms[i]
    if len(norm) >= 4 and any(result.features[j].copyright and norm in o for j, o in enumerate(norms) if j != i):
        return 0.0  # the site's name, which its copyright line repeats
    score = 1.0 + min(words, 10) / 10 - f.interface_share * 2
    if any(j != i and o == norm for j, o in enumerate(norms)):
        score += 1.0  # the heading repeated
    elif len(norm) >= 12 and any(j != i and norm in o and len(o) < 2 * len(norm) + 40 for j, o in enumerate(norms)):
        score += 0.8  # ``Title | Site`` elsewhere on the page
    if article is not None:
        score += 2.0 * topical_overlap(text, article)
    distance = region_start - i
    score += max(0.0, 1.0 - abs(distance) / TITLE_WINDOW)
    if distance < 0:
        score += 0.3 * distance  # inside the region, a heading is more likely a section's than the article's
    after = texts[i + 1:i + 4]
    if any(is_byline(t) or _DATE.search(t[:40]) for t in after):
        score += 0.7
    if text[:1].islower() or sum(c.isdigit() for c in text) > len(text) / 4:
        score -= 1.0
    if f.density >= TITLE_DENSITY:
        score += 0.5  # a headline is a phrase with function words; a name, a menu label or a brand has none
    return score


def find_title(texts: list[str], result: DebrisResult) -> int | None:
    start, end = result.region
    if start >= end:
        return None
    norms = [_norm(t) for t in texts]
    lo = max(0, start - 3 * TITLE_WINDOW)
    article: set[str] = set()
    for t in texts[start + 1:end]:
        article |= _topic_words(t)
    # The title may sit inside the region, above its first paragraph of prose (after a kicker or a date).
    first_prose = next((i for i in range(start + 1, end) if result.features[i].sentence_end
                        and result.features[i].weight >= 100), start)
    hi = min(end, max(start + 2, min(first_prose, start + 4)))
    candidates = [(title_score(texts, norms, i, start, result, article), i) for i in range(lo, hi)]
    candidates = [(s, i) for s, i in candidates if s > 1.5]
    if not candidates:
        return None
    score, index = max(candidates, key=lambda c: (c[0], c[1]))
    if index >= start and start == 0 and score < 3.0:
        return None  # the page opens on its first paragraph or a heading: no evidence it is the title
    return index


def _is_byline_here(text: str) -> bool:
    """A byline where one is expected: the strict shapes, or ``Name, Outlet`` / ``Name | Outlet``."""
    return is_byline(text) or (len(text) <= 80 and bool(_BYLINE_NEAR.match(text)))


def _closing_blocks(texts: list[str], result: DebrisResult, claimed: set[int] | None = None) -> list[int]:
    """The last blocks of the region and the few just after it, up to the first block that is neither short
    furniture nor a credit: where a closing byline or the last captions sit, before the page's footer."""
    start, end = result.region
    out: list[int] = []
    for i in range(end - 1, max(start, end - AFTER_WINDOW) - 1, -1):  # back to the last paragraph of prose
        f = result.features[i]
        if f.sentence_end and f.weight >= 100 and i < end - 3:
            break
        out.append(i)
    for i in range(end, min(len(texts), end + AFTER_WINDOW)):
        f = result.features[i]
        if f.interface in BARRIERS and i not in (claimed or set()) and not is_caption(texts[i]):
            break
        out.append(i)
    return out


def find_byline(texts: list[str], result: DebrisResult, title: int | None) -> int | None:
    """The byline nearest the top of the article (above or just inside it), else one closing the article."""
    start, end = result.region
    anchor = title if title is not None else start
    top = [i for i in range(max(0, min(anchor, start) - 12), min(end, start + 4)) if i != title]
    top.sort(key=lambda i: abs(i - anchor) if title is not None else abs(i - start))
    for i in top:
        if is_byline(texts[i]):
            return i
    for i in top[:4]:
        if _is_byline_here(texts[i]):
            return i
    closing = _closing_blocks(texts, result)
    for i in closing:
        if i < end and _is_byline_here(texts[i]):
            return i
    if title is not None:
        for i in range(title + 1, min(len(texts), title + 4)):
            f = result.features[i]
            if _NAME_ONLY.match(texts[i]) and not f.interface and len(texts[i].split()) <= 3:
                return i
    # Just after the article, a byline must name someone: ``by Taboola`` under it is an advert's label.
    for i in closing:
        if i >= end and _is_byline_here(texts[i]) and not texts[i][:1].islower():
            return i
    return None


def dateline_end(text: str) -> int | None:
    """Where the dateline that opens the article's first paragraph ends (``CAIRO —``, ``BERLIN (dpa) -``)."""
    m = _DATELINE.match(text) or _DATELINE_CJK.match(text)
    if not m or len(m.group("d")) > 60:
        return None
    return m.end("d")


def find_parts(texts: list[str], result: DebrisResult) -> Parts:
    """Title, byline and captions (the dateline is cut later, from the body's first paragraph)."""
    parts = Parts()
    title = find_title(texts, result)
    if title is not None:
        parts.title = texts[title]
        parts.claimed.add(title)
    byline = find_byline(texts, result, title)
    if byline is not None:
        parts.byline = texts[byline]
        parts.claimed.add(byline)
    start, end = result.region
    # Captions also sit between the title and the first paragraph, and after the last one.
    top = title + 1 if title is not None and title < start else max(0, start - AFTER_WINDOW)
    after = [i for i in _closing_blocks(texts, result, parts.claimed) if i >= end]
    for i in [*range(top, end), *after]:
        if i not in parts.claimed and is_caption(texts[i]):
            parts.captions.append(texts[i])
            parts.claimed.add(i)
    return parts

"""Debris lines: which blocks of a page are the article and which are page furniture.

The article is the densest region of prose on the page (Finn et al.'s body text extraction and jusText, on text
alone): each block gets a class from its own features (length, sentence punctuation, function-word density learnt
from the corpora, interface vocabulary), the article region is the run of blocks with the largest prose weight, and
inside it only blocks that are plainly furniture are dropped. Precision first: a real paragraph removed is the worst
error, so a block inside the region is kept unless it is clearly debris.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from unmangle.page.features import WORD, BlockFeatures, block_features

__all__ = ["BARRIERS", "BlockFeatures", "DebrisResult", "Verdict", "block_features", "classify_blocks", "furniture"]

# Kinds of furniture that close the article when they stand alone: what follows them is another page section.
BARRIERS = frozenset({"comments", "related", "copyright", "login"})
# Kinds of furniture that sit between the article's paragraphs.
INLINE_FURNITURE = frozenset({"advertisement", "link"})
# ... and what does not set two paragraphs apart when it stands between them.
BETWEEN_PARAGRAPHS = INLINE_FURNITURE | {"media"}


@dataclass(frozen=True, slots=True)
class Verdict:
    """``kind`` is "article" for a kept block, else the kind of debris; ``detail`` says why."""

    kind: str
    detail: str = ""

    @property
    def keep(self) -> bool:
        return self.kind == "article"


def furniture(f: BlockFeatures) -> Verdict | None:
    """Debris whatever its position: identifiers, copyright lines, short lines made of interface words."""
    if f.identifier:
        return Verdict("identifier", f.identifier)
    if f.copyright:
        return Verdict("copyright", "copyright line")
    if f.interface and f.weight < 120 and f.interface_share >= 0.5 and not (f.sentence_end and f.words >= 6):
        return Verdict(f.interface, f"interface words cover {f.interface_share:.0%}")
    if (f.separators >= 3 and f.separators * 5 >= f.words) or (f.separators >= 2 and f.words <= 2 * (f.separators + 1)):
        return Verdict("navigation", "links run together with separators")
    if f.timestamp:
        return Verdict("date", "a date alone on its line")
    if f.pointer:  # not a barrier: such links sit between the article's paragraphs
        return Verdict("link", "a link to another article")
    return None


def prose_class(f: BlockFeatures) -> str:
    """jusText's classes on text alone: good (paragraph of prose), near (maybe), phrase, short, bad.

    Sentence punctuation backs the function-word density up, so that prose in a language the corpora lack still
    counts as prose.
    """
    if furniture(f):
        return "bad"
    d = f.density
    if f.weight >= 150:
        if d >= 0.5 or f.sentences >= 2:
            return "good"
        return "near" if d >= 0.25 or f.sentences else "bad"
    if f.weight >= 70:
        if d >= 0.7 and (f.sentence_end or f.sentences):
            return "good"
        return "near" if d >= 0.35 or f.sentence_end else "bad"
    if f.weight >= 40 and d >= 0.5 and f.sentence_end:
        return "near"
    if f.bullet:  # an item of a list the article makes, bulleted the way menus are not
        return "near"
    return "phrase" if f.words >= 4 and d >= 0.3 else "short"


def block_weight(f: BlockFeatures, cls: str) -> float:
    """Contribution of a block to the article region: prose adds its length, furniture subtracts."""
    if cls == "good":
        return f.weight
    if cls == "near":
        return 0.3 * f.weight
    if cls == "phrase":
        return -2.0
    if cls == "short":
        return -10.0
    verdict = furniture(f)
    if verdict and verdict.kind in BARRIERS:
        return -200.0
    return -max(25.0, 0.5 * f.weight)


def densest_region(weights: list[float]) -> tuple[float, tuple[int, int]]:
    """Best total weight and the half-open run of blocks that has it (Kadane); (0, (0, 0)) if none is positive."""
    best, best_span = 0.0, (0, 0)
    run, run_start = 0.0, 0
    for i, w in enumerate(weights):
        if run <= 0:
            run, run_start = 0.0, i
        run += w
        if run > best:
            best, best_span = run, (run_start, i + 1)
    return best, best_span


def is_section_break(f: BlockFeatures) -> bool:
    """A short heading that opens the comments: what follows is readers' prose, not the article."""
    return f.interface == "comments" and f.words <= 6 and f.interface_share >= 0.3 and not f.sentence_end


def _joined(prose: list[float], start: int, end: int, reach: int, skip: frozenset[int] | set[int]) -> list[int]:
    """The paragraphs of ``[start, end)`` with another paragraph at most ``reach`` blocks away, not counting the
    ``skip`` blocks between them (furniture: an image credit, an advert)."""
    kept = [i for i in range(start, end) if i not in skip]
    ranks = [k for k, i in enumerate(kept) if prose[i]]
    return [kept[k] for n, k in enumerate(ranks)
            if (n > 0 and k - ranks[n - 1] <= reach) or (n + 1 < len(ranks) and ranks[n + 1] - k <= reach)]


def cohesion(prose: list[float], start: int, end: int, reach: int = 2,
             skip: frozenset[int] | set[int] = frozenset()) -> float:
    """Share of the region's prose weight in paragraphs with another paragraph at most ``reach`` blocks away (the
    ``skip`` blocks, furniture, not counted).

    An article runs paragraph after paragraph; a teaser list or a comment thread sets each paragraph apart with its
    own headline, source, user name, date or "Reply" line. ``prose`` holds each block's weight if it is a paragraph
    of prose, else 0.
    """
    total = sum(prose[start:end])
    if total <= 0:
        return 0.0
    return sum(prose[i] for i in _joined(prose, start, end, reach, skip)) / total


MIN_COHESION = 0.2  # a region of isolated paragraphs still counts, a fifth of its weight


def article_region(weights: list[float], breaks: list[int], prose: list[float] | None = None,
                   skip: frozenset[int] | set[int] = frozenset()) -> tuple[int, int]:
    """The densest region, not crossing a comments heading; an earlier section wins unless a later one is 2x larger.

    Comments follow the article and are prose too: position is what tells them apart. With ``prose`` (the weight of
    each paragraph of prose, 0 for other blocks), each section's weight is scaled by its :func:`cohesion`, so that
    a teaser list above a comment count does not win over the article below it.
    """
    bounds = [-1, *breaks, len(weights)]
    found: list[tuple[float, tuple[int, int]]] = []
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        score, (s, e) = densest_region(weights[lo + 1:hi])
        if score > 0:
            span = (s + lo + 1, e + lo + 1)
            if prose is not None:
                score *= max(MIN_COHESION, cohesion(prose, *span, skip=skip))
            found.append((score, span))
    if not found:
        return 0, 0
    top = max(score for score, _ in found)
    return next(span for score, span in found if score >= 0.5 * top)


HEADER_WINDOW = 5  # blocks between a comments line and the paragraphs of the next article: title, byline, date
MORE_WEIGHT = 0.25  # the next article weighs at least this share of the first
MORE_COHESION = 0.8


THREAD_KINDS = frozenset({"comments", "share", "login", "date"})  # "Reply", "Like", "2 hours ago": a thread's lines


def following_articles(texts: list[str], feats: list[BlockFeatures], weights: list[float], prose: list[float],
                       breaks: list[int], region: tuple[int, int],
                       skip: frozenset[int] | set[int] = frozenset()) -> list[tuple[int, int]]:
    """Articles after the first one on a page that sets several in a row (a weekly edition, a blog's front page),
    each closed by its comments link: the section after a comments line is another article, not a thread, when
    its densest region is cohesive, weighs about as much as the first, and opens with its own byline.

    A thread sets user names, dates and "Reply" lines between its paragraphs; a byline (``By Jane Doe``) opens
    an article. The section just after the article also continues it without a byline when the comments word
    sits among short cells right at the article's end (a table's "Comment" column) and the section has none of a
    thread's lines.
    Sections are taken in order and the first that is not an article ends the run.
    """
    from unmangle.page.parts import is_byline  # parts builds on this module

    start, end = region
    first = sum(weights[start:end])
    found: list[tuple[int, int]] = []
    for lo, hi in zip(breaks, [*breaks[1:], len(weights)], strict=False):
        if lo < end:
            continue
        score, (s, e) = densest_region(weights[lo + 1:hi])
        s, e = s + lo + 1, e + lo + 1
        header = range(lo + 1, s)
        if score < MORE_WEIGHT * first or cohesion(prose, s, e, skip=skip) < MORE_COHESION:
            break
        opens = len(header) <= HEADER_WINDOW and any(is_byline(texts[i]) for i in header)
        # A comments word among short cells (a table's header row), cells before it and after it, not a heading.
        cells = [i for i in range(end, lo) if not furniture(feats[i])]
        continues = (not found and lo - end < HEADER_WINDOW and bool(cells) and 2 <= len(header) <= 2 * HEADER_WINDOW
                     and (hi == len(weights) or hi - e > 2)  # a "Reply" line right after it: a comment
                     and not any((v := furniture(feats[i])) and v.kind in THREAD_KINDS for i in range(lo + 1, e)))
        if not (opens or continues):
            break
        found.append((s, e))
    return found


def is_related_heading(f: BlockFeatures) -> bool:
    """``Related``, ``Read more``, ``Lire aussi``: a short heading over teasers of other articles."""
    return f.interface == "related" and f.words <= 5 and f.interface_share >= 0.3 and not f.sentence_end


def _trim_region(feats: list[BlockFeatures], start: int, end: int) -> tuple[int, int]:
    """Shave what the densest region swallowed at its edges: prompts, labels and teaser titles (lines that are not
    sentences) at the top and the bottom, teasers after a related heading. The title and byline it shaves off are
    still found by :mod:`unmangle.page.parts`, which looks above the region.

    A related heading ends the article only if no long paragraph follows it (teasers are short), so a link box in
    the middle of an article does not cut it.
    """
    def loose(f: BlockFeatures) -> bool:  # a line that is not a sentence: a label, a kicker, a teaser title
        return not f.sentence_end and f.weight < 100 and not f.bullet

    while start < end and (feats[start].prompt or furniture(feats[start]) or loose(feats[start])):
        start += 1
    while end > start and (feats[end - 1].prompt or furniture(feats[end - 1]) or loose(feats[end - 1])):
        end -= 1
    for i in range(start + 1, end):
        if is_related_heading(feats[i]) and all(f.weight < 400 for f in feats[i + 1:end]):
            before = sum(f.weight for f in feats[start:i])
            after = sum(f.weight for f in feats[i + 1:end])
            if before >= after:
                return start, i
    return start, end


ISOLATED_TAIL = 3  # isolated paragraphs in a row that end a region make a teaser list or a live ticker
TAIL_SHARE = 0.1  # ... if they weigh at least this share of the article before them


def _cut_isolated_tail(prose: list[float], start: int, end: int, reach: int = 2,
                       skip: frozenset[int] | set[int] = frozenset()) -> int:
    """Where the article ends when the densest region ran on into a teaser list or a live ticker: paragraphs that
    each stand alone between headlines, sources and times. The article is cut after its last paragraph that has
    another paragraph close by, if ``ISOLATED_TAIL`` or more isolated ones follow it and weigh enough to matter: a
    long article may end on a few stray paragraphs (notes, references), and a real paragraph removed is the worst
    error."""
    goods = [i for i in range(start, end) if prose[i]]
    joined = _joined(prose, start, end, reach, skip)
    if not joined:
        return end
    tail = [i for i in goods if i > joined[-1]]
    if len(tail) < ISOLATED_TAIL or sum(prose[i] for i in tail) < TAIL_SHARE * sum(prose[start:joined[-1] + 1]):
        return end
    return joined[-1] + 1


def _extend_region_end(feats: list[BlockFeatures], end: int) -> int:
    """Take in the short closing lines of the article: a last sentence or quote (``"I hope they are safe."``)
    weighs too little for the densest region, but it is prose and ends on a stop, which menus, share buttons and
    teaser headlines do not."""
    i = end
    while i < len(feats):
        f = feats[i]
        bad = furniture(f)
        if bad and bad.kind in INLINE_FURNITURE:  # an advert or a link box may sit before the last lines
            i += 1
            continue
        if bad or f.prompt or not f.sentence_end or f.density < 0.3:
            break
        i += 1
        end = i
    return end


def _template_runs(texts: list[str], feats: list[BlockFeatures]) -> set[int]:
    """Runs of three or more short lines cut from one template ("Click to share on X (Opens in new window)")."""
    words = [set(WORD.findall(t.casefold())) for t in texts]
    out: set[int] = set()
    run: list[int] = []
    for i in range(len(texts)):
        similar = (run and feats[i].words <= 12 and not feats[i].bullet and words[i] and words[run[-1]]
                   and len(words[i] & words[run[-1]]) / len(words[i] | words[run[-1]]) >= 0.6)
        if similar:
            run.append(i)
            continue
        if len(run) >= 3:
            out.update(run)
        run = [i] if feats[i].words <= 12 else []
    if len(run) >= 3:
        out.update(run)
    return out


_NUMBERED = regex.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})*)(?:\.|\)|(?<=\d))\s+[\p{L}\p{N}\"'“‘(]")


def _number(text: str) -> tuple[int, ...] | None:
    m = _NUMBERED.match(text)
    return tuple(int(n) for n in m.group(1).split(".")) if m else None


def _follows(prev: tuple[int, ...], cur: tuple[int, ...]) -> bool:
    """``cur`` comes right after ``prev`` in a list or an outline: 2 after 1, 1.1 after 1, 2 after 1.3.2."""
    if cur == (*prev, 1):
        return True
    return any(cur == (*prev[:k], prev[k] + 1) for k in range(len(prev)))


def numbered_items(texts: list[str], run: int = 3) -> set[int]:
    """Lines of an ordered list or an outline the article makes (``1. Finland``, ``2. Norway``; ``1 History``,
    ``1.1 Early years``, ``2 Values``): numbered one after the other, which menus are not.

    >>> sorted(numbered_items(["Top countries", "1. Finland", "2. Norway", "3. Australia", "Share"]))
    [1, 2, 3]
    """
    numbers = [_number(t) for t in texts]
    out: set[int] = set()
    i = 0
    while i < len(texts):
        j = i + 1
        while (numbers[i] is not None and j < len(texts) and numbers[j] is not None
               and _follows(numbers[j - 1], numbers[j])):
            j += 1
        if j - i >= run:
            out.update(range(i, j))
        i = j
    return out


_COUNTER = regex.compile(r"^\s*(\d{1,3})\s*(?:/|\bof\b|\bvon\b|\bde\b|\bsur\b|\bdi\b|\bz\b|\bиз\b)\s*(\d{1,3})(?!\d)")


def gallery_slides(texts: list[str], run: int = 3) -> set[int]:
    """Blocks of a photo gallery set into the page: slides that open with a counter (``1/50 Title``, ``2/50 ...``,
    ``3 of 50``), counted one after the other out of the same total, each with its caption and credit. A gallery
    is the page's, not the article's (its captions are other stories), wherever it sits.

    >>> sorted(gallery_slides(["Intro.", "1/3 Pier", "A pier.", "2/3 Jet", "A jet.", "3/3 Pub", "A pub.", "End."]))
    [1, 2, 3, 4, 5, 6]
    """
    counters = []
    for i, t in enumerate(texts):
        m = _COUNTER.match(t)
        if m and 1 <= int(m.group(1)) <= int(m.group(2)):
            counters.append((i, int(m.group(1)), int(m.group(2))))
    out: set[int] = set()
    k = 0
    while k < len(counters):
        j = k + 1
        while (j < len(counters) and counters[j][2] == counters[k][2] and counters[j][1] == counters[j - 1][1] + 1
               and counters[j][0] - counters[j - 1][0] <= 8):
            j += 1
        if j - k >= run:
            first, last = counters[k][0], counters[j - 1][0]
            gaps = sorted(b[0] - a[0] for a, b in zip(counters[k:j], counters[k + 1:j], strict=False))
            out.update(range(first, min(len(texts), last + gaps[len(gaps) // 2])))
        k = j
    return out


def _menu_runs(feats: list[BlockFeatures], classes: list[str], listed: set[int] = frozenset()) -> set[int]:
    """Indices in runs of four or more short lines without sentence punctuation: menus and link lists (not the
    ``listed`` items of a numbered list)."""
    out: set[int] = set()
    run: list[int] = []
    for i, (f, c) in enumerate(zip(feats, classes, strict=True)):
        if c in ("short", "bad") and not f.sentence_end and f.words <= 3 and i not in listed:
            run.append(i)
            continue
        if len(run) >= 4:
            out.update(run)
        run = []
    if len(run) >= 4:
        out.update(run)
    return out


def dated_rows(feats: list[BlockFeatures], run: int = 3) -> set[int]:
    """Lines that are each a date and a few words, three or more in a row (``4.2.3 April 2014``, ``4.3 July
    2014``): the rows of a table (releases, events), since a page's own date stands alone."""
    out: set[int] = set()
    i = 0
    while i < len(feats):
        j = i
        while j < len(feats) and feats[j].timestamp:
            j += 1
        if j - i >= run:
            out.update(range(i, j))
        i = j + 1
    return out


CONTROL_RUN = 5  # short lines in a row, ...
CONTROL_FURNITURE = 2  # ... of which this many are plainly furniture: a player's controls, a widget


def _control_runs(feats: list[BlockFeatures], classes: list[str], listed: set[int] = frozenset()) -> set[int]:
    """Indices in runs of ``CONTROL_RUN`` or more short lines without sentence punctuation among which at least
    ``CONTROL_FURNITURE`` are furniture (``Play``, ``Share``, ``Fullscreen``): the controls of a video player or a
    widget set into the article, whose other labels (``Mute``, ``Current Time 0:00``) no vocabulary lists."""
    out: set[int] = set()
    run: list[int] = []

    def close() -> None:
        if len(run) >= CONTROL_RUN and sum(1 for j in run if furniture(feats[j])) >= CONTROL_FURNITURE:
            out.update(run)

    for i, (f, c) in enumerate(zip(feats, classes, strict=True)):
        if c in ("short", "bad", "phrase") and not f.sentence_end and f.words <= 5 and i not in listed:
            run.append(i)
            continue
        close()
        run = []
    close()
    return out


@dataclass(frozen=True, slots=True)
class DebrisResult:
    verdicts: list[Verdict]
    region: tuple[int, int]  # the article region [start, end) in block indices
    features: list[BlockFeatures]
    whole: bool = False  # nothing on the page is furniture: it is an article as it stands
    more: tuple[tuple[int, int], ...] = ()  # the regions of further articles on a page that sets several in a row


def _rescale_density(feats: list[BlockFeatures]) -> list[BlockFeatures]:
    """Measure density against the page's own long paragraphs when they all fall short of the corpus norm.

    A page in a language the corpora lack (Portuguese read with Spanish function words) has uniformly low density;
    relative to its own prose it still tells paragraphs from menus.
    """
    long = sorted(f.density for f in feats if f.weight >= 150 and f.sentences)
    if len(long) < 3:
        return feats
    ref = long[len(long) // 2]
    if ref >= 0.8:
        return feats
    scale = min(2.5, 0.9 / max(ref, 0.1))
    return [replace(f, density=f.density * scale) for f in feats]


def classify_blocks(texts: list[str], lang: str) -> DebrisResult:
    """A verdict for every block of the page."""
    feats = _rescale_density([block_features(t, lang) for t in texts])
    classes = [prose_class(f) for f in feats]
    listed = numbered_items(texts)
    gallery = gallery_slides(texts)
    # The items of a numbered list or an outline (a table of contents) are part of the article, not a gap in it;
    # a gallery is neither: it goes, without splitting the article it sits in.
    weights = [0.0 if i in gallery else max(0.0, block_weight(f, c)) if i in listed else block_weight(f, c)
               for i, (f, c) in enumerate(zip(feats, classes, strict=True))]
    prose = [f.weight if c == "good" else 0.0 for f, c in zip(feats, classes, strict=True)]
    breaks = [i for i, f in enumerate(feats) if is_section_break(f)]
    # What sits between an article's paragraphs (an advert, an image credit, a link box) does not set them apart.
    between = {i for i, f in enumerate(feats) if (v := furniture(f)) and v.kind in BETWEEN_PARAGRAPHS}
    start, end = article_region(weights, breaks, prose, between)
    more = following_articles(texts, feats, weights, prose, breaks, (start, end), between) if start < end else []
    if start == end:  # no prose at all: a short page, keep what is not plainly furniture
        start, end = 0, len(texts)
    # Nothing on the page is furniture: a clean article (or a poem, a list) comes out whole. Runs of short lines
    # count as menus only on a page that has furniture, so that the output, cleaned again, stays as it is.
    whole = not any(furniture(f) for f in feats)
    if whole:
        start, end = 0, len(texts)
    if not whole:
        end = _cut_isolated_tail(prose, start, end, skip=between)
    start, end = _trim_region(feats, start, _extend_region_end(feats, end))
    more = [_trim_region(feats, s, _extend_region_end(feats, e)) for s, e in ([] if whole else more)]
    menus: set[int] = set()
    if not whole:
        menus = _menu_runs(feats, classes, listed) | _control_runs(feats, classes, listed)
        menus |= _template_runs(texts, feats)
    verdicts: list[Verdict] = []
    rows = set() if whole else dated_rows(feats)
    for i, (f, c) in enumerate(zip(feats, classes, strict=True)):
        inside = start <= i < end or any(s <= i < e for s, e in more)
        bad = None if inside and i in rows else furniture(f)
        if bad:
            verdicts.append(bad)
        elif i in gallery and not whole:
            verdicts.append(Verdict("gallery", "a slide of a photo gallery"))
        elif not inside:
            verdicts.append(Verdict("boilerplate" if c in ("good", "near") else "navigation",
                                    "outside the article region"))
        elif i in menus:
            verdicts.append(Verdict("menu", "run of short lines without sentences"))
        else:
            verdicts.append(Verdict("article"))
    return DebrisResult(verdicts, (start, end), feats, whole, tuple(more))

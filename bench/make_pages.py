"""Build synthetic scraped pages from clean dev-corpus articles, with the ground truth of every mechanism.

Each page wraps a clean article (NTREX news: its first paragraph is the headline) with what a naive scraper keeps:
debris lines (site name, skip link, menu, cookie and newsletter prompts, share buttons, related links, ads,
copyright), stray identifiers (64-hex image ids, UUIDs, tracking ids; alone or glued), spam runs (a brand in another
script, as a line and inside words), repeated leads (exact, or one copy missing a name), holes left by stripped links,
photo captions and credits, a byline and a dateline. Some pages are clean articles with nothing added: they must come
out unchanged. Deterministic for a given seed.

Blocks are joined by a blank line, as in ``../shared/pages/*/page.txt``. The truth per page:

* ``title``, ``dateline``, ``byline``, ``captions``: the parts, or None / [];
* ``blocks``: every block with its role (``debris``, ``identifier``, ``spam``, ``repeat``, ``title``, ``byline``,
  ``caption``, ``body``);
* ``body``: the paragraphs a perfect cleaner returns (holes stay holes; a repeat copy fills them where it can);
* ``article``: the clean article body before any damage, for body similarity;
* ``holes``: per hole the body paragraph, the offset in it, and the text on either side;
* ``spam``: the injected runs (``inside_word``, ``replaced`` letters) and ``ids``: the glued identifiers.

Usage: ``python bench/make_pages.py [--n 300] [--seed 7] [--out bench/out/pages.jsonl]``
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_pages_templates import (  # noqa: E402
    AGENCIES,
    BYLINES,
    CAPTIONS,
    CITIES,
    DATELINES,
    DAY_NAMES,
    DEBRIS,
    NAMES,
    PROMO_TAILS,
    SPAM_BRANDS,
    WHO,
)

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
DEFAULT_OUT = Path(__file__).resolve().parent / "out" / "synthetic_pages.jsonl"
UNSPACED = {"zh-Hans", "zh-Hant", "ja", "th"}
# Words of a name or title a link may carry: capitalised, not opening the sentence.
_LINK_SPAN = regex.compile(r"(?<=\p{Ll}[,]? )(\p{Lu}[\p{L}\-]+(?: \p{Lu}[\p{L}\-]+){0,2})(?=[ ,.;])")
_QUOTED = regex.compile(r"[\"“„«]([^\"”“«»]{3,60})[\"”“»]")


@dataclass(slots=True)
class Hole:
    para: int
    offset: int
    left: str
    right: str


@dataclass(slots=True)
class Spam:
    text: str
    inside_word: bool
    replaced: str = ""
    para: int = -1
    offset: int = -1


@dataclass(slots=True)
class Page:
    id: str
    lang: str
    page: str
    clean: bool
    title: str | None = None
    dateline: str | None = None
    byline: str | None = None
    captions: list[str] = field(default_factory=list)
    blocks: list[dict] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    article: list[str] = field(default_factory=list)
    holes: list[Hole] = field(default_factory=list)
    spam: list[Spam] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    repeat_fill: bool = False


def load_docs(corpora: Path = CORPORA) -> dict[str, list[dict]]:
    """Dev documents per language."""
    docs: dict[str, list[dict]] = {}
    for path in sorted(corpora.glob("*.dev.jsonl")):
        lang = path.name.split(".")[0]
        with path.open(encoding="utf-8") as f:
            docs[lang] = [json.loads(line) for line in f]
    return docs


def _family(lang: str) -> str:
    return "zh" if lang.startswith("zh") else lang


def _templates(lang: str) -> dict[str, list[str]]:
    return DEBRIS.get(_family(lang), DEBRIS["en"])


def _article(doc: dict, rng: random.Random) -> tuple[str, list[str]]:
    """Headline and body of a news document: its one-sentence paragraphs grouped 1 to 3 a paragraph."""
    paras = [p.strip() for p in doc["text"].split("\n\n") if p.strip()]
    title, sentences = paras[0], paras[1:]
    body: list[str] = []
    sep = "" if doc["lang"] in UNSPACED else " "
    i = 0
    while i < len(sentences):
        k = rng.choice((1, 2, 2, 3))
        body.append(sep.join(sentences[i:i + k]))
        i += k
    return title, body


def _date(lang: str, rng: random.Random) -> str:
    months = _templates(lang)["months"]
    day, year = rng.randint(1, 28), rng.choice((2019, 2021, 2023, 2024))
    if not months:
        return f"{year}-{rng.randint(1, 12):02d}-{day:02d} {rng.randint(6, 22):02d}:{rng.choice((5, 17, 42)):02d}"
    month = rng.choice(months)
    return f"{month} {day}, {year}" if _family(lang) == "en" else f"{day} {month} {year}"


def _identifier(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.4:
        return "".join(rng.choice("0123456789abcdef") for _ in range(64))
    if kind < 0.7:
        return str(uuid.UUID(int=rng.getrandbits(128)))
    return "".join(rng.choice("0123456789abcdef") for _ in range(rng.choice((24, 32, 40))))


def _strip_link(para: str, rng: random.Random) -> tuple[str, int, str] | None:
    """Remove a linked name or quoted title from ``para``: (new text, offset of the hole, removed text)."""
    spans = [(m.start(1), m.end(1)) for m in _LINK_SPAN.finditer(para)]
    spans += [(m.start(1), m.end(1)) for m in _QUOTED.finditer(para)]
    if not spans:
        return None
    spans = [(s, e) for s, e in spans if e - s < 0.3 * len(para)]
    if not spans:
        return None
    start, end = rng.choice(spans)
    return para[:start] + para[end:], start, para[start:end]


def _inject_in_word(para: str, brand: str, rng: random.Random) -> tuple[str, Spam] | None:
    """Glue ``brand`` inside a long word of ``para``, sometimes over a few of its letters."""
    words = [m for m in regex.finditer(r"\p{L}{7,}", para)]
    if not words:
        return None
    m = rng.choice(words)
    cut = rng.randint(m.start() + 2, m.end() - 3)
    lost = rng.choice((0, 0, 1, 2, 3))
    lost = min(lost, m.end() - 2 - cut)
    text = para[:cut] + brand + para[cut + lost:]
    return text, Spam(brand, True, para[cut:cut + lost], offset=cut)


def make_page(index: int, docs: dict[str, list[dict]], seed: int) -> Page:
    rng = random.Random(seed * 100003 + index)
    lang = rng.choice(sorted(docs))
    if rng.random() < 0.15:
        return _clean_page(index, lang, docs[lang], rng)
    news = [d for d in docs[lang] if d["structure"] == "doc-segments"]
    doc = rng.choice(news)
    title, article = _article(doc, rng)
    fam = _family(lang)
    t = _templates(lang)
    names = NAMES.get(fam, NAMES["en"])
    agency = rng.choice(AGENCIES)
    site = rng.choice(t["sites"])
    spaced = lang not in UNSPACED
    page = Page(id=f"syn-{index:04d}", lang=lang, page="", clean=False, title=title, article=list(article))
    body = list(article)

    # Holes from stripped links (spaced scripts: unspaced ones carry links without a visible seam).
    holes: list[tuple[int, int, str]] = []
    if spaced and rng.random() < 0.45:
        for k in rng.sample(range(len(body)), min(len(body), rng.choice((1, 2, 2, 3)))):
            stripped = _strip_link(body[k], rng)
            if stripped:
                body[k], offset, _ = stripped
                holes.append((k, offset, ""))
    # Spam inside words of the body, and maybe the same brand as a line.
    spam_line: str | None = None
    host_family = {"zh": "CJK", "ja": "CJK", "ko": "CJK", "th": "Thai"}.get(fam)
    if spaced and host_family is None and rng.random() < 0.3:
        pool = "CJK" if rng.random() < 0.7 else ("Cyrillic" if lang == "en" else "Latin")
        if pool == "Latin" and lang in ("en", "de", "fr", "es", "pl", "tr", "ro", "cs", "hu", "vi"):
            pool = "CJK"
        brand = rng.choice(SPAM_BRANDS[pool])
        for _ in range(rng.choice((1, 1, 2))):
            k = rng.randrange(len(body))
            done = _inject_in_word(body[k], brand, rng)
            if done:
                text, spam = done
                # holes after the injection point move by the brand minus the lost letters
                holes = [(hk, ho + (len(brand) - len(spam.replaced) if hk == k and ho > spam.offset else 0), hr)
                         for hk, ho, hr in holes]
                body[k] = text
                spam.para = k
                page.spam.append(spam)
        if rng.random() < 0.6:
            spam_line = brand + (rng.choice(PROMO_TAILS) if rng.random() < 0.5 else "")
            page.spam.append(Spam(spam_line, False))

    # Dateline on the first paragraph.
    dateline = None
    if fam in DATELINES and rng.random() < 0.4:
        months = t["months"]
        dateline = rng.choice(DATELINES[fam]).format(CITY=rng.choice(CITIES[fam]), agency=agency,
                                                     month=rng.choice(months) if months else "",
                                                     day=rng.randint(1, 28))
        page.dateline = dateline
    byline = None
    if rng.random() < 0.6:
        byline = rng.choice(BYLINES.get(fam, BYLINES["en"])).format(name=rng.choice(names), agency=agency)
        page.byline = byline
    captions: list[str] = []
    if rng.random() < 0.4:
        for _ in range(rng.choice((1, 1, 2))):
            who = rng.choice(WHO.get(fam, WHO["en"]))
            day_name = rng.choice(DAY_NAMES.get(fam, DAY_NAMES["en"]))
            cap = rng.choice(CAPTIONS.get(fam, CAPTIONS["en"])).format(
                who=who, name=rng.choice(names), agency=agency, day_name=day_name)
            if cap not in captions:
                captions.append(cap)
        page.captions = captions

    blocks: list[tuple[str, str]] = []
    if rng.random() < 0.8:
        blocks.append((site, "debris"))
    if rng.random() < 0.3:
        blocks.append((rng.choice(t["skip"]), "debris"))
    if rng.random() < 0.7:
        menu = rng.sample(t["nav"], min(len(t["nav"]), rng.randint(4, 8)))
        if rng.random() < 0.5:
            blocks.extend((m, "debris") for m in menu)
        else:
            blocks.append((rng.choice((" | ", " · ", "  ", " / ")).join(menu), "debris"))
    if rng.random() < 0.3:
        blocks.append((rng.choice(t["cookie"]), "debris"))
    if spam_line and rng.random() < 0.5:
        blocks.append((spam_line, "spam"))

    # Repeated lead: a teaser copy before the title; one of the two may miss a name the other has.
    teaser: str | None = None
    if len(body[0]) > 40 and rng.random() < 0.3:
        variant = rng.random()
        if variant < 0.4 or not spaced:
            teaser = body[0]
        elif variant < 0.7:
            stripped = _strip_link(body[0], rng)
            teaser = stripped[0] if stripped else body[0]
        else:
            teaser = body[0]
            stripped = _strip_link(body[0], rng)
            if stripped and not any(k == 0 for k, _, _ in holes) and not any(s.para == 0 for s in page.spam):
                body[0] = stripped[0]  # the lead lost a name; the teaser has it: the cleaner can fill it back
                page.repeat_fill = True
        blocks.append((teaser, "repeat"))

    blocks.append((title, "title"))
    byline_top = byline is not None and rng.random() < 0.7
    if byline_top:
        blocks.append((byline, "byline"))
    if rng.random() < 0.5:
        blocks.append((rng.choice(t["updated"]).format(date=_date(lang, rng)), "debris"))
    if rng.random() < 0.3:
        blocks.extend((s, "debris") for s in rng.sample(t["share"], min(len(t["share"]), rng.randint(2, 4))))
    if rng.random() < 0.25:
        blocks.append((_identifier(rng), "identifier"))
    caption_at = rng.randrange(len(body) + 1) if captions else -1
    ad_at = rng.randrange(1, len(body) + 1) if rng.random() < 0.4 and len(body) > 1 else -1
    read_at = rng.randrange(1, len(body) + 1) if rng.random() < 0.2 and len(body) > 1 else -1
    other = [d for d in docs[lang] if d["structure"] == "doc-segments" and d is not doc]
    for k, para in enumerate(body):
        if k == caption_at:
            for cap in captions:
                if rng.random() < 0.2:
                    glued = _identifier(rng)
                    page.ids.append(glued)
                    blocks.append((cap + glued, "caption"))
                else:
                    blocks.append((cap, "caption"))
        if k == ad_at:
            blocks.append((rng.choice(t["ad"]), "debris"))
        if k == read_at:
            headline = rng.choice(other)["text"].split("\n\n")[0]
            blocks.append((rng.choice(t["read_more"]).format(title=headline), "debris"))
        text = para
        if k == 0 and dateline:
            text = f"{dateline} {para}"
        if rng.random() < 0.04:
            glued = _identifier(rng)
            page.ids.append(glued)
            text = text + glued
        blocks.append((text, "body"))
    if caption_at == len(body):
        blocks.extend((cap, "caption") for cap in captions)
    if byline is not None and not byline_top:
        blocks.append((byline, "byline"))
    if spam_line and not any(r == "spam" for _, r in blocks):
        blocks.append((spam_line, "spam"))
    if rng.random() < 0.4:
        blocks.extend((s, "debris") for s in rng.sample(t["share"], min(len(t["share"]), rng.randint(2, 4))))
    if rng.random() < 0.5:
        blocks.append((rng.choice(t["related"]), "debris"))
        for d in rng.sample(other, min(len(other), rng.randint(2, 4))):
            blocks.append((d["text"].split("\n\n")[0], "debris"))
    if rng.random() < 0.4:
        blocks.append((rng.choice(t["newsletter"]), "debris"))
    if rng.random() < 0.3:
        blocks.append((rng.choice(t["comments"]).format(n=rng.randint(0, 300)), "debris"))
    if rng.random() < 0.7:
        blocks.append((rng.choice(t["copyright"]).format(year=rng.choice((2023, 2024, 2025)), site=site), "debris"))

    collapse = rng.random() < 0.2  # some scrapers squeeze every run of spaces

    def squeeze(text: str) -> str:
        return regex.sub(r"  +", " ", text) if collapse else text

    page.blocks = [{"text": squeeze(b), "role": r} for b, r in blocks]
    page.page = "\n\n".join(b["text"] for b in page.blocks) + "\n"
    expected = _expected_body(body, page)
    page.holes = _holes(expected, holes, page, squeeze)
    page.body = [squeeze(p) for p in expected]
    return page


def _expected_body(body: list[str], page: Page) -> list[str]:
    """What a perfect cleaner returns: spam runs out (lost letters stay lost), the filled lead when a teaser had it."""
    out = list(body)
    for s in page.spam:
        if s.inside_word:
            out[s.para] = out[s.para].replace(s.text, "", 1)
    if page.repeat_fill:
        out[0] = page.article[0]
    return out


def _holes(expected: list[str], holes: list[tuple[int, int, str]], page: Page, squeeze) -> list[Hole]:
    """Where each hole sits in the expected paragraph (after spam removal and space squeezing)."""
    out = []
    for k, offset, _ in holes:
        for s in page.spam:  # offsets in the text after the spam is removed
            if s.inside_word and s.para == k and s.offset < offset:
                offset -= len(s.text)
        text = expected[k]
        left, right = squeeze(text[:offset]), text[offset:]
        offset = len(left) if not left.endswith(" ") or not right.startswith(" ") else len(left)
        out.append(Hole(k, offset, regex.sub(r"\s+", "", left)[-12:], regex.sub(r"\s+", "", right)[:12]))
    return out


def _clean_page(index: int, lang: str, docs: list[dict], rng: random.Random) -> Page:
    """An article with nothing added: paragraphs only, to come out unchanged."""
    doc = rng.choice([d for d in docs if d["structure"] in ("doc", "doc-excerpt", "doc-synthpar")] or docs)
    paras = [p.strip() for p in doc["text"].split("\n\n") if p.strip()][:12]
    text = "\n\n".join(paras)
    return Page(id=f"syn-{index:04d}", lang=lang, page=text + "\n", clean=True, body=paras, article=paras,
                blocks=[{"text": p, "role": "body"} for p in paras])


def generate(n: int, seed: int, docs: dict[str, list[dict]] | None = None) -> list[Page]:
    docs = docs if docs is not None else load_docs()
    return [make_page(i, docs, seed) for i in range(n)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    pages = generate(args.n, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for p in pages:
            f.write(json.dumps(asdict(p), ensure_ascii=False) + "\n")
    print(f"wrote {len(pages)} pages to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

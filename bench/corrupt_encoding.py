"""Corrupt clean documents the way the web does: a deterministic generator of mojibake, for the encoding benchmark.

Every corruption is done by Python's real codecs (``str.encode`` then ``bytes.decode(codec, errors=...)``), never by
hand-written tables, so what the engine is scored on is what a wrong decoder really produces. A *layer* is one trip
through the wrong decoder: the text is written in its *true* encoding and read back with the *wrong* one. The ways a
decoder can treat bytes it cannot map (the ``errors`` of a layer):

- ``strict``: the text is only used when every byte maps (lossless);
- ``c1``: like ``strict``, but an undefined byte 0x80-0x9F of a single-byte code page comes through as the C1 control
  of the same number, as browsers (WHATWG ``windows-125x``) and Windows do; lossless;
- ``ignore``: undefined bytes are dropped (Python's ``errors='ignore'``);
- ``replace``: each undefined sequence becomes U+FFFD (Python's ``errors='replace'``);
- ``question``: ``replace``, then the page is saved back in the wrong decoder's own code page, where U+FFFD does not
  exist and becomes ``?`` (``errors='replace'`` on encoding);
- ``nbsp``: ``c1``, then a scraper makes every no-break space plain: each byte 0xA0 of the UTF-8 is a space
  (``utf8-as-cp1252-nbsp``; a document is only used when it held one).

Families (the name says the layers, ``+`` joins layers applied in order):

- ``utf8-as-X``: UTF-8 read as X, for X in latin-1, cp1252, cp1250, cp1251, cp1253, cp1254, cp1257, iso-8859-2,
  iso-8859-5, iso-8859-7, iso-8859-15, koi8-r, mac-roman, cp437, cp866, gbk, gb18030, big5, shift_jis, cp932, euc-jp,
  euc-kr (lossless: ``c1`` for single-byte code pages, ``strict`` for multi-byte ones);
- ``utf8-as-X-ignore`` / ``-replace`` / ``-question``: the lossy variants, for every multi-byte X and every
  single-byte X with undefined bytes (cp1252 0x81 0x8D 0x8F 0x90 0x9D, ...); a document is only used when the
  decoder really lost something; ``utf8-as-X-ignore-latin`` (Big5, EUC-KR, EUC-JP): the same for European
  languages, whose accented letters, quotes and dashes those decoders drop whole;
- ``T-as-X``: text whose true encoding is a legacy code page T (gbk, big5, shift_jis, cp932, euc-jp, euc-kr, cp1251,
  koi8-r, koi8-u, cp866, cp1253, cp1250, cp1254, cp1255, cp1256, cp874, ...) read as latin-1, cp1252 or another legacy
  codec (cp866 and cp1251 read as each other: DOS text on Windows, Windows text in a console);
  only languages that T can encode are used, and ``T-as-X-replace`` where X is multi-byte and strict fails often;
- ``A+B``: two layers (``utf8-as-cp1252+utf8-as-cp1252``, ``utf8-as-gbk+utf8-as-cp1252``, ...);
- ``...-partial``: only some paragraphs or sentences of the document went through the layers, the rest is clean.

English and other Latin-script text gets news typography first (’ “ ” — … in place of ASCII), as real pages have:
that is what breaks in English mojibake. The clean set is left exactly as in the corpora.

Run ``python bench/corrupt_encoding.py --out bench/out/encoding_set.jsonl`` to dump the set for debugging.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import random
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from unmangle.data import held_out as is_held_out

REPO = Path(__file__).resolve().parents[1]
CORPORA = Path(os.environ.get("UNMANGLE_CORPORA", REPO.parent / "shared" / "corpora"))

ALL_LANGS = ("ar", "bg", "cs", "de", "el", "en", "es", "fa", "fr", "he", "hi", "hu", "ja", "ko", "pl", "ro", "ru",
             "th", "tr", "uk", "vi", "zh-Hans", "zh-Hant")
LATIN_LANGS = frozenset({"cs", "de", "en", "es", "fr", "hu", "pl", "ro", "tr", "vi"})
MULTIBYTE = frozenset({"gbk", "gb18030", "big5", "shift_jis", "cp932", "euc-jp", "euc-kr", "cp949"})


def _c1_passthrough(err: UnicodeError) -> tuple[str, int]:
    """Decode undefined 0x80-0x9F bytes of a single-byte code page as the C1 controls browsers give (WHATWG)."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start:err.end]
    if all(0x80 <= b <= 0x9F for b in bad):
        return "".join(map(chr, bad)), err.end
    raise err


codecs.register_error("unmangle-bench-c1", _c1_passthrough)


@dataclass(frozen=True, slots=True)
class Layer:
    """One trip through a wrong decoder: text written as ``true``, read back as ``wrong``."""

    true: str
    wrong: str
    errors: str = "strict"

    @property
    def lossless(self) -> bool:
        return self.errors in ("strict", "c1")

    @property
    def name(self) -> str:
        suffix = "" if self.lossless else f"-{self.errors}"
        return f"{_short(self.true)}-as-{self.wrong}{suffix}"

    def apply(self, text: str) -> tuple[str, bool]:
        """The text as the wrong decoder shows it, and whether bytes were lost; raises UnicodeError if impossible."""
        data = text.encode(self.true)
        if self.errors == "c1":
            return data.decode(self.wrong, "unmangle-bench-c1"), False
        try:
            return data.decode(self.wrong), False
        except UnicodeDecodeError:
            if self.lossless:
                raise
        if self.errors == "nbsp":  # (lossless, but a scraper made the decoder's no-break spaces plain)
            shown = data.decode(self.wrong, "unmangle-bench-c1")
            return shown.replace("\xa0", " "), "\xa0" in shown
        if self.errors == "question":
            shown = data.decode(self.wrong, "replace")
            return shown.encode(self.wrong, "replace").decode(self.wrong), True
        return data.decode(self.wrong, self.errors), True


def _short(codec: str) -> str:
    return "utf8" if codec == "utf-8" else codec


@dataclass(frozen=True, slots=True)
class Family:
    """A way text gets mangled: the layers in order, the languages it happens to, and whether only spans are hit."""

    name: str
    group: str
    layers: tuple[Layer, ...]
    langs: tuple[str, ...]
    partial: bool = False

    @property
    def lossless(self) -> bool:
        return all(layer.lossless for layer in self.layers)

    def corrupt(self, text: str) -> str:
        """Apply every layer; raises UnicodeError when the text cannot take this path (or a lossy one lost nothing)."""
        lost = False
        for layer in self.layers:
            text, layer_lost = layer.apply(text)
            lost = lost or layer_lost
        if not self.lossless and not lost:
            raise UnicodeError(f"{self.name}: nothing lost")
        return text


# Which languages a wrong decoder plausibly meets: its home languages, plus English news typography, plus a few more.
_HOME: dict[str, tuple[str, ...]] = {
    "latin-1": ALL_LANGS,
    "cp1252": ALL_LANGS,
    "iso-8859-15": ("fr", "de", "es", "en", "tr", "vi"),
    "mac-roman": ("en", "fr", "de", "es", "ja", "ru"),
    "cp437": ("en", "de", "fr", "es"),
    "cp866": ("ru", "uk", "bg", "en"),
    "cp1250": ("cs", "pl", "hu", "ro", "de", "en"),
    "iso-8859-2": ("cs", "pl", "hu", "ro", "de", "en"),
    "cp1251": ("ru", "uk", "bg", "en"),
    "iso-8859-5": ("ru", "uk", "bg", "en"),
    "koi8-r": ("ru", "uk", "bg", "en"),
    "cp1253": ("el", "en"),
    "iso-8859-7": ("el", "en"),
    "cp1254": ("tr", "de", "en"),
    "cp1257": ("pl", "de", "ru", "en"),
    "gbk": ("zh-Hans", "zh-Hant", "ja", "en", "ru", "fr"),
    "gb18030": ("zh-Hans", "zh-Hant", "en", "ko"),
    "big5": ("zh-Hant", "zh-Hans", "en", "ja"),
    "shift_jis": ("ja", "en", "zh-Hans", "de"),
    "cp932": ("ja", "en", "zh-Hant"),
    "euc-jp": ("ja", "en", "zh-Hans"),
    "euc-kr": ("ko", "en", "ja"),
}
UTF8_WRONG = tuple(_HOME)
# Single-byte decoders with bytes they cannot map (the lossy variants only make sense there).
SINGLE_WITH_HOLES = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "iso-8859-7")

# (true legacy encoding, wrong decoder, languages the true encoding is used for)
LEGACY_PAIRS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("gbk", "cp1252", ("zh-Hans",)),
    ("gbk", "latin-1", ("zh-Hans",)),
    ("gb18030", "cp1252", ("zh-Hans",)),
    ("big5", "cp1252", ("zh-Hant",)),
    ("big5", "latin-1", ("zh-Hant",)),
    ("shift_jis", "cp1252", ("ja",)),
    ("cp932", "cp1252", ("ja",)),
    ("euc-jp", "latin-1", ("ja",)),
    ("euc-jp", "cp1252", ("ja",)),
    ("euc-kr", "cp1252", ("ko",)),
    ("euc-kr", "latin-1", ("ko",)),
    ("cp949", "cp1252", ("ko",)),
    ("cp1251", "cp1252", ("ru", "uk", "bg")),
    ("cp1251", "latin-1", ("ru", "bg")),
    ("cp1251", "koi8-r", ("ru", "bg")),
    ("koi8-r", "cp1251", ("ru", "bg")),
    ("koi8-r", "cp1252", ("ru",)),
    ("koi8-u", "cp1251", ("uk",)),
    ("cp866", "cp1251", ("ru", "bg")),  # (DOS text opened on Windows; cp866 has no Ukrainian `і`)
    ("cp1251", "cp866", ("ru", "uk", "bg")),  # (Windows text in a console)
    ("cp1253", "cp1252", ("el",)),
    ("iso-8859-7", "latin-1", ("el",)),
    ("cp1250", "cp1252", ("cs", "pl", "hu")),
    ("iso-8859-2", "latin-1", ("cs", "pl", "hu")),
    ("cp1254", "cp1252", ("tr",)),
    ("cp1255", "cp1252", ("he",)),
    ("cp1256", "cp1252", ("ar", "fa")),
    ("cp874", "cp1252", ("th",)),
    ("gbk", "big5", ("zh-Hans",)),
    ("big5", "gbk", ("zh-Hant",)),
    ("euc-jp", "shift_jis", ("ja",)),
    ("shift_jis", "euc-jp", ("ja",)),
    ("euc-kr", "gbk", ("ko",)),
)
# Legacy pairs whose multi-byte wrong decoder rarely maps everything: also as the real, lossy 'replace' variant.
LEGACY_LOSSY = frozenset({("gbk", "big5"), ("big5", "gbk"), ("euc-jp", "shift_jis"), ("shift_jis", "euc-jp"),
                          ("euc-kr", "gbk")})
# ... and those where strict decoding of real text (almost) never succeeds: only the lossy variant exists.
LEGACY_LOSSY_ONLY = frozenset({("big5", "gbk"), ("euc-jp", "shift_jis"), ("shift_jis", "euc-jp")})


def _u8(wrong: str, errors: str = "strict") -> Layer:
    if errors == "strict" and wrong not in MULTIBYTE:
        errors = "c1"
    return Layer("utf-8", wrong, errors)


def _family(layers: Sequence[Layer], langs: Sequence[str], group: str, partial: bool = False,
            suffix: str = "") -> Family:
    name = "+".join(layer.name for layer in layers) + ("-partial" if partial else "") + suffix
    return Family(name, group, tuple(layers), tuple(langs), partial)


# Latin-script languages a CJK decoder may be run on too (a page mislabelled Big5 or EUC-KR): through these
# decoders with errors='ignore' their accented letters, quotes and dashes vanish whole, not only CJK's.
_LATIN_THROUGH_CJK = ("fr", "de", "es", "cs", "pl", "hu", "tr", "ro", "vi")


def _build_families() -> tuple[Family, ...]:
    fams: list[Family] = []
    for wrong in UTF8_WRONG:
        fams.append(_family([_u8(wrong)], _HOME[wrong], "utf8"))
    for wrong in UTF8_WRONG:
        if wrong in MULTIBYTE or wrong in SINGLE_WITH_HOLES:
            variants = ["ignore", "replace"]
            can_hold_fffd = wrong == "gb18030"
            if not can_hold_fffd and (wrong in MULTIBYTE or wrong == "cp1252"):
                variants.append("question")
            for errors in variants:
                fams.append(_family([_u8(wrong, errors)], _HOME[wrong], "utf8-lossy"))
    for wrong in ("big5", "euc-kr", "euc-jp"):
        fams.append(_family([_u8(wrong, "ignore")], _LATIN_THROUGH_CJK, "utf8-lossy", suffix="-latin"))
    # UTF-8 read as cp1252 whose no-break spaces, every byte 0xA0, a scraper made plain: `voilÃ  le`, `ä½ å¥½`
    # (你好), `ì „` (전); a character in 64 of Chinese, Japanese or Korean holds the byte, and Korean's 저-젿.
    fams.append(_family([_u8("cp1252", "nbsp")], _HOME["cp1252"], "utf8-lossy"))
    for true, wrong, langs in LEGACY_PAIRS:
        errors = "strict" if wrong in MULTIBYTE else "c1"
        if (true, wrong) not in LEGACY_LOSSY_ONLY:
            fams.append(_family([Layer(true, wrong, errors)], langs, "legacy"))
        if (true, wrong) in LEGACY_LOSSY:
            fams.append(_family([Layer(true, wrong, "replace")], langs, "legacy-lossy"))
    doubles = (
        ([_u8("cp1252"), _u8("cp1252")], _HOME["cp1252"]),
        ([_u8("latin-1"), _u8("cp1252")], ("en", "fr", "de", "es", "ru", "zh-Hans")),
        ([_u8("gbk"), _u8("cp1252")], ("zh-Hans", "en", "ja")),
        ([_u8("cp1251"), _u8("cp1252")], ("ru", "uk", "en")),
        ([_u8("shift_jis"), _u8("cp1252")], ("ja", "en")),
        ([Layer("gbk", "cp1252", "c1"), _u8("cp1252")], ("zh-Hans",)),
        ([_u8("gbk", "ignore"), _u8("cp1252")], ("zh-Hans", "en")),
    )
    for layers, langs in doubles:
        fams.append(_family(layers, langs, "double"))
    partials = (
        ([_u8("cp1252")], _HOME["cp1252"]),
        ([_u8("latin-1")], ("fr", "de", "es", "vi", "pl")),
        ([_u8("gbk")], ("zh-Hans", "en", "ja")),
        ([_u8("gbk", "ignore")], ("zh-Hans", "en")),
        ([_u8("big5", "replace")], ("zh-Hant", "en")),
        ([_u8("shift_jis")], ("ja", "en")),
        ([_u8("euc-kr", "replace")], ("ko", "en")),
        ([_u8("cp1251")], ("ru", "uk", "bg")),
        ([Layer("cp1251", "cp1252", "c1")], ("ru", "uk", "bg")),
        ([Layer("gbk", "cp1252", "c1")], ("zh-Hans",)),
        ([_u8("cp1252"), _u8("cp1252")], ("en", "fr", "de", "es", "pl")),
    )
    for layers, langs in partials:
        fams.append(_family(layers, langs, "partial", partial=True))
    return tuple(fams)


FAMILIES: tuple[Family, ...] = _build_families()
FAMILY_BY_NAME: dict[str, Family] = {f.name: f for f in FAMILIES}


@dataclass(frozen=True, slots=True)
class Sample:
    """One benchmark document: the clean original, what the wrong decoder(s) made of it, and where it came from."""

    family: str
    group: str
    lang: str
    doc_id: str
    clean: str
    corrupted: str
    lossless: bool


@dataclass(frozen=True, slots=True)
class CorpusDoc:
    id: str
    lang: str
    paragraphs: tuple[str, ...]


def load_corpora(path: Path = CORPORA, langs: Iterable[str] = ALL_LANGS,
                 held_out: int = 0) -> dict[str, list[CorpusDoc]]:
    """Documents of the dev corpora by language, split into their paragraphs (blank-line separated); with
    ``held_out`` K, only every K-th document (those the model scripts' ``--holdout K`` leaves out)."""
    out: dict[str, list[CorpusDoc]] = {}
    for lang in langs:
        docs = []
        with open(path / f"{lang}.dev.jsonl", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if held_out and not is_held_out(i, held_out):
                    continue
                d = json.loads(line)
                paras = tuple(p for p in d["text"].split("\n\n") if p.strip())
                if paras:
                    docs.append(CorpusDoc(d.get("id", ""), lang, paras))
        out[lang] = docs
    return out


# --- news typography: what real English pages carry, and what breaks first -----------------------------------------

_DQUOTED = re.compile(r'"([^"\n]{1,300}?)"')
_APOS = re.compile(r"(?<=\w)'(?=\w)|(?<=s)'(?=\s)")
_SQUOTED = re.compile(r"(?<![\w'])'([^'\n]{1,80}?)'(?!\w)")
_DASH = re.compile(r"(?<=\w) -{1,2} (?=\w)")
_RANGE = re.compile(r"(?<=\d)-(?=\d)")
_DOTS = re.compile(r"\.\.\.")


def typographize(text: str, rng: random.Random) -> str:
    """ASCII quotes, dashes and dots turned into the curly quotes, dashes and ellipses news sites publish."""
    text = _DQUOTED.sub(r"“\1”", text)
    text = _SQUOTED.sub(r"‘\1’", text)
    text = _APOS.sub("’", text)
    dash = rng.choice((" — ", " – "))
    text = _DASH.sub(dash, text)
    if rng.random() < 0.5:
        text = _RANGE.sub("–", text)
    return _DOTS.sub("…", text)


_SENT_END = re.compile(r"(?<=[.!?…])\s+|(?<=[。！？])")


def split_sentences(text: str) -> list[str]:
    """Consecutive pieces of ``text`` ending at sentence ends; they join back to ``text`` exactly."""
    pieces, pos = [], 0
    for m in _SENT_END.finditer(text):
        if m.end() > pos:
            pieces.append(text[pos:m.end()])
            pos = m.end()
    if pos < len(text):
        pieces.append(text[pos:])
    return pieces


# --- picking text the family can really happen to -------------------------------------------------------------------

def _window(doc: CorpusDoc, rng: random.Random, target: int) -> list[str]:
    """Consecutive paragraphs from a random start, until about ``target`` characters."""
    start = rng.randrange(len(doc.paragraphs))
    paras, size = [], 0
    for p in doc.paragraphs[start:]:
        paras.append(p)
        size += len(p)
        if size >= target:
            break
    return paras


def _candidates(paras: list[str], rng: random.Random) -> Iterator[str]:
    """The window, then its paragraphs, then runs of sentences: smaller units that a strict codec may accept."""
    yield "\n\n".join(paras)
    if len(paras) > 1:
        yield from rng.sample(paras, len(paras))
    sents = [s for p in paras for s in split_sentences(p)]
    for _ in range(min(6, len(sents))):
        i = rng.randrange(len(sents))
        yield "".join(sents[i:i + rng.randint(1, 3)]).strip()


def _prepare(text: str, lang: str, rng: random.Random) -> str:
    if lang == "en" or (lang in LATIN_LANGS and rng.random() < 0.5):
        return typographize(text, rng)
    return text


def _corrupt_partial(fam: Family, text: str, rng: random.Random) -> str | None:
    """Corrupt a random share of the paragraphs (or sentences) of ``text``; None if nothing could be corrupted."""
    paras = text.split("\n\n")
    if len(paras) >= 2 and rng.random() < 0.6:
        segments, sep = paras, "\n\n"
    else:
        segments, sep = split_sentences(text), ""
    if len(segments) < 2:
        return None
    k = rng.randint(1, max(1, len(segments) // 2))
    out = list(segments)
    changed = 0
    for i in rng.sample(range(len(segments)), k):
        try:
            bad = fam.corrupt(segments[i])
        except UnicodeError:
            continue
        changed += bad != segments[i]
        out[i] = bad
    return sep.join(out) if changed else None


def sample_family(fam: Family, corpora: dict[str, list[CorpusDoc]], n: int, seed: int = 0,
                  max_tries: int = 3000) -> list[Sample]:
    """Up to ``n`` distinct documents mangled by ``fam`` (fewer when the family rarely applies)."""
    rng = random.Random(f"{seed}:{fam.name}")
    langs = [lang for lang in fam.langs if corpora.get(lang)]
    out: list[Sample] = []
    seen: set[str] = set()
    tries = 0
    while len(out) < n and tries < max_tries and langs:
        tries += 1
        lang = langs[len(out) % len(langs)] if rng.random() < 0.7 else rng.choice(langs)
        doc = rng.choice(corpora[lang])
        paras = _window(doc, rng, rng.randint(200, 1200))
        if fam.partial and len(paras) == 1 and len(doc.paragraphs) > 1:
            paras = _window(doc, rng, 2000)
        if fam.partial:
            clean = _prepare("\n\n".join(paras), lang, rng)
            bad = _corrupt_partial(fam, clean, rng)
            found = (clean, bad) if bad is not None else None
        else:
            found = None
            for unit in _candidates(paras, rng):
                clean = _prepare(unit, lang, rng)
                try:
                    bad = fam.corrupt(clean)
                except UnicodeError:
                    continue
                if bad != clean and len(clean) >= 20:
                    found = (clean, bad)
                    break
        if found is None or found[0] in seen:
            continue
        seen.add(found[0])
        out.append(Sample(fam.name, fam.group, lang, doc.id, found[0], found[1], fam.lossless))
    return out


def generate(per_family: int = 30, seed: int = 0, families: Iterable[Family] = FAMILIES,
             corpora: dict[str, list[CorpusDoc]] | None = None) -> list[Sample]:
    """The mangled set: ``per_family`` documents for each family, the same for the same seed."""
    corpora = corpora if corpora is not None else load_corpora()
    return [s for fam in families for s in sample_family(fam, corpora, per_family, seed)]


def clean_paragraphs(n: int = 10_000, seed: int = 0,
                     corpora: dict[str, list[CorpusDoc]] | None = None) -> list[tuple[str, str]]:
    """``n`` (lang, paragraph) pairs exactly as in the corpora, spread evenly over every language."""
    corpora = corpora if corpora is not None else load_corpora()
    rng = random.Random(f"{seed}:clean")
    pools = {}
    for lang, docs in sorted(corpora.items()):
        paras = [p for d in docs for p in d.paragraphs]
        rng.shuffle(paras)
        pools[lang] = paras
    out: list[tuple[str, str]] = []
    depth = 0
    while len(out) < n and any(depth < len(p) for p in pools.values()):
        for lang, paras in pools.items():
            if depth < len(paras) and len(out) < n:
                out.append((lang, paras[depth]))
        depth += 1
    return out


def typographic_paragraphs(n: int = 500, seed: int = 0,
                           corpora: dict[str, list[CorpusDoc]] | None = None) -> list[tuple[str, str]]:
    """Clean paragraphs given curly quotes and dashes: typography that must never be taken for damage."""
    corpora = corpora if corpora is not None else load_corpora()
    rng = random.Random(f"{seed}:typographic")
    langs = [lang for lang in sorted(LATIN_LANGS) if corpora.get(lang)]
    pool = [(lang, p) for lang in langs for d in corpora[lang] for p in d.paragraphs if "'" in p or '"' in p]
    rng.shuffle(pool)
    return [(lang, typographize(p, rng)) for lang, p in pool[:n]]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "encoding_set.jsonl")
    ap.add_argument("--per-family", type=int, default=30)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--family", action="append", help="family name or substring (repeatable)")
    ap.add_argument("--list", action="store_true", help="list the families and exit")
    args = ap.parse_args(argv)
    fams = select_families(args.family)
    if args.list:
        for f in fams:
            print(f"{f.group:13} {f.name:40} {','.join(f.langs)}")
        return 0
    samples = generate(args.per_family, args.seed, fams)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        for s in samples:
            f.write(json.dumps(asdict(s), ensure_ascii=False) + "\n")
    print(f"{len(samples)} documents in {len(fams)} families -> {args.out}", file=sys.stderr)
    return 0


def select_families(patterns: Sequence[str] | None) -> list[Family]:
    """Families whose name equals one of ``patterns``, else contains it; all when no pattern is given."""
    if not patterns:
        return list(FAMILIES)
    chosen: list[Family] = []
    for p in patterns:
        exact = [f for f in FAMILIES if f.name == p]
        for fam in exact or [f for f in FAMILIES if p in f.name]:
            if fam not in chosen:
                chosen.append(fam)
    return chosen


if __name__ == "__main__":
    sys.exit(main())

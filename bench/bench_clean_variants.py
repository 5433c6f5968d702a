"""Clean text as web pages write it and the corpora do not: headlines in capitals, title case, menu words glued on.

The corpora are prose in lower case; pages also write headlines, menus and buttons in capitals (`ГЛАВНАЯ
СТРАНИЦА`), titles with every word capitalised, scraped menu words glued to the text (`далееRead more`), words
run together, soft hyphens inside words, no-break spaces between them, accents decomposed (macOS). None of these
is damage, and a repair that reads any of them as mojibake breaks the first promise. Until the twenty-first
session 143 of 5,544 held-out headlines in capitals were read as Greek, CJK or gibberish, all Russian, Bulgarian
or Ukrainian (the model scored Cyrillic capitals unfolded); none since. This sweep takes the first sentence (at
most 14 words) of held-out paragraphs (models built without them, as bench_encoding's ``--holdout``),
``--per-language`` a language, makes each variant, and counts those ``unmangle.fix_text`` changes, with
examples. Goal: none.

Writes bench/out/clean_variants.md and .json. Runs in a child process (the models are chosen before unmangle
loads).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corrupt_encoding as ce  # noqa: E402
from held_out import per_language_main, write_report  # noqa: E402

OUT = ce.REPO / "bench" / "out"
WORDS = 14  # words of a paragraph's first sentence: a headline's length
GLUED = ("Read more", "Home", "Login", "News", "Share", "iPhone", "COVID-19", "Windows10")  # (a menu, scraped)
EXAMPLES = 3  # changed texts shown a variant and language
LONG_WORD = 8  # letters of a word a soft hyphen goes into


def _glue(text: str, rnd: random.Random) -> str:
    words = text.split()
    if len(words) < 3:
        return text
    i = rnd.randrange(len(words) - 1)
    return " ".join([*words[:i], words[i] + rnd.choice(GLUED) + words[i + 1], *words[i + 2:]])


def _soft_hyphens(text: str, _: random.Random) -> str:
    """A soft hyphen in the middle of every long word, as hyphenating CMSs write (U+00AD is cp1252's 0xAD)."""
    return " ".join(w[:len(w) // 2] + "\xad" + w[len(w) // 2:] if len(w) >= LONG_WORD else w for w in text.split(" "))


VARIANTS: dict[str, Callable[[str, random.Random], str]] = {
    "capitals": lambda t, _: t.upper(),
    "title case": lambda t, _: " ".join(w[:1].upper() + w[1:] for w in t.split()),
    "lower case": lambda t, _: t.lower(),
    "menu word glued": _glue,
    "no spaces": lambda t, _: "".join(t.split()[:6]),
    "soft hyphens": _soft_hyphens,
    "no-break spaces": lambda t, _: t.replace(" ", "\xa0"),
    "decomposed (NFD)": lambda t, _: unicodedata.normalize("NFD", t),
}


def main(argv: Sequence[str] | None = None) -> int:
    """``--per-language N`` texts of each language (default 250; ``--quick``: 60)."""
    return per_language_main(__file__, __doc__, argv, OUT, _measure, default=250, quick=60)


def _sentences(per_language: int, holdout: int) -> list[tuple[str, str]]:
    """(language, first sentence) of held-out paragraphs outside ASCII, ``per_language`` a language."""
    out = []
    for lang, docs in sorted(ce.load_corpora(held_out=holdout).items()):
        taken = 0
        for paragraph in (p for d in docs for p in d.paragraphs):
            sentence = " ".join(re.split(r"(?<=[.!?。])\s+", paragraph)[0].split()[:WORDS])
            if not sentence.isascii() and taken < per_language:
                out.append((lang, sentence))
                taken += 1
    return out


def _measure(args: argparse.Namespace) -> int:
    import unmangle

    rnd = random.Random(0)
    texts = Counter()
    changed: Counter[tuple[str, str]] = Counter()
    examples: dict[str, list[dict[str, str]]] = {name: [] for name in VARIANTS}
    for lang, sentence in _sentences(args.per_language, args.holdout):
        for name, variant in VARIANTS.items():
            text = variant(sentence, rnd)
            texts[name] += 1
            fixed = unmangle.fix_text(text)
            if fixed != text:
                changed[name, lang] += 1
                if changed[name, lang] <= EXAMPLES:
                    examples[name].append({"lang": lang, "text": text, "unmangle": fixed})
    report = {
        "holdout": args.holdout, "per_language": args.per_language,
        "variants": {name: {"texts": texts[name], "changed": sum(n for (v, _), n in changed.items() if v == name),
                            "by_language": {lang: n for (v, lang), n in sorted(changed.items()) if v == name},
                            "examples": examples[name]} for name in VARIANTS},
    }
    write_report(args.out, "clean_variants", report, _markdown(report))
    return 0


def _markdown(r: dict) -> str:
    lines = [
        "# Clean text as pages write it",
        "",
        f"First sentences (at most {WORDS} words) of {r['per_language']} held-out paragraphs a language, each "
        "variant passed to unmangle.fix_text; goal: none changed.",
        "",
        "| variant | texts | changed | by language |",
        "|---|---|---|---|",
    ]
    for name, v in r["variants"].items():
        langs = ", ".join(f"{lang} {n}" for lang, n in v["by_language"].items()) or "-"
        lines.append(f"| {name} | {v['texts']} | {v['changed']} | {langs} |")
    for name, v in r["variants"].items():
        for e in v["examples"]:
            lines.append(f"\n- {name} [{e['lang']}]: `{e['text'][:90]}` -> `{e['unmangle'][:90]}`")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())

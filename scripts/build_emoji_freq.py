"""Build the emoji frequencies the lost-byte search ships (``src/unmangle/data/emoji_freq.json``).

The corpora are prose and hold no emoji, so the character model gives every emoji the same probability: a byte
that cp1252 dropped from `👍` (F0 9F 91 8D) leaves five emoji to choose from, `👁 👍 👏 👐 👝`, and only how often
each is written can choose. wordfreq (https://github.com/rspeer/wordfreq, data CC BY-SA 4.0, from Twitter, Reddit
and other sources) counts emoji as words; this script keeps, for each emoji character, the summed frequency of the
tokens it starts in several languages (a skin tone or a variation selector after it is the same choice), as a
base-10 logarithm. Run once; wordfreq is needed here only (``pip install wordfreq``), never at run time.

Usage: python scripts/build_emoji_freq.py [OUT]
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "unmangle" / "data" / "emoji_freq.json"
# Languages whose wordlists come from social media (wordfreq's "twitter" source), where emoji are written.
LANGS = ("en", "es", "pt", "fr", "de", "it", "ar", "tr", "ru", "id", "ko", "nl", "pl")
MIN_FREQ = 1e-9  # summed frequency under which an emoji is left out (it gets the floor at run time)


def _is_emoji(ch: str) -> bool:
    cp = ord(ch)
    return 0x1F000 <= cp <= 0x1FAFF or 0x2300 <= cp <= 0x23FF or 0x2600 <= cp <= 0x27BF or 0x2B00 <= cp <= 0x2BFF


def build() -> dict[str, float]:
    import wordfreq

    total: Counter[str] = Counter()
    for lang in LANGS:
        for token, freq in wordfreq.get_frequency_dict(lang).items():
            if token and _is_emoji(token[0]):
                total[token[0]] += freq / len(LANGS)
    return {ch: round(math.log10(f), 2) for ch, f in sorted(total.items(), key=lambda kv: -kv[1]) if f >= MIN_FREQ}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    table = build()
    payload = {"source": "wordfreq 3.x (CC BY-SA 4.0), mean over " + " ".join(LANGS),
               "log10_frequency": table}
    args.out.write_text(json.dumps(payload, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(table)} emoji -> {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()

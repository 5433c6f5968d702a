"""The bundled sample page (samples/broken-page.txt, what `make run` cleans) comes out as a reader would want it."""

from __future__ import annotations

from pathlib import Path

from unmangle import clean

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "broken-page.txt"


def test_the_sample_page_gives_its_article_and_every_part() -> None:
    doc = clean(SAMPLE.read_text(encoding="utf-8")).to_dict()
    assert doc["title"] == "City’s Old Ferry Returns to Service After Four-Year Restoration"
    assert doc["dateline"] == "PORTSMOUTH, June 3 (Harbor Gazette) —"
    assert doc["byline"] == "By Maren Holt, Staff Writer"
    assert doc["captions"] and doc["captions"][0].startswith("(Photo by Lena Ortiz/Harbor Gazette)")
    text = doc["text"]
    assert text.startswith("The city’s oldest ferry carried passengers again")
    assert text.count("oldest ferry carried passengers") == 1
    assert "“We didn’t think she’d sail again,” said the project’s lead engineer" in text
    assert "six crossings a day — the first leaves at 7:15 — and tickets cost £2." in text
    assert "鈥" not in text and "Skip to content" not in text and "Advertisement" not in text
    kinds = {r["kind"] for r in doc["removed"]}
    assert {"navigation", "repeat", "identifier", "copyright"} <= kinds
    # The ship's name was a link the scraper stripped: flagged where it belongs, never invented.
    [gap] = doc["gaps"]
    assert text[:gap["offset"]].endswith("Her sister ship, ") and text[gap["offset"]:].startswith(", was sold")

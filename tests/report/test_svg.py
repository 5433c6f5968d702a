"""Charts are well-formed SVG whose labels are text, whatever the data says."""

import xml.etree.ElementTree as ET

from unmangle.report.svg import bar_chart, bin_confidences, histogram, share_chart

HOSTILE = '<script>alert(1)</script>&"'
SVG = "{http://www.w3.org/2000/svg}"


def _texts(markup: str) -> list[str]:
    root = ET.fromstring(markup)
    assert root.tag == f"{SVG}svg"
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")] + \
           ["".join(t.itertext()) for t in root.iter(f"{SVG}title")]


def test_bar_chart_is_well_formed_with_one_bar_per_item_and_escaped_labels():
    markup = bar_chart([("mojibake", 10), (HOSTILE, 3)], "Edits by kind")
    root = ET.fromstring(markup)
    assert len(list(root.iter(f"{SVG}rect"))) == 2
    assert any(HOSTILE[:20] in t for t in _texts(markup))
    assert "<script>" not in markup


def test_share_chart_shows_the_share_of_each_group():
    markup = share_chart([("en", 1, 4), ("de", 0, 0)], "Changed per language")
    assert "25% of 4" in _texts(markup)


def test_histogram_is_well_formed_and_counts_every_value():
    counts = bin_confidences([0.0, 0.5, 0.99, 1.0, 1.5, -1])
    assert sum(counts) == 6 and counts[0] == 2 and counts[-1] == 3
    root = ET.fromstring(histogram(counts, 0.0, 1.0, "Confidence"))
    assert len([r for r in root.iter(f"{SVG}rect")]) == len(counts)


def test_empty_data_still_draws_a_valid_chart():
    for markup in (bar_chart([], "x"), share_chart([], "y"), histogram([0, 0], 0, 1, "z")):
        assert "nothing to plot" in _texts(markup)

"""End to end: a scraped page with every problem at once, and the properties clean() must keep on any input."""

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from unmangle import fix_text
from unmangle.page import clean

LEAD = ("The city council voted on Tuesday to approve a new bridge across the harbour, ending a debate that has "
        "divided residents for more than a decade.")
PAGE = f"""Skip to content

The Harbour Gazette

Home

News

Sport

Culture

Subscribe to our newsletter

City council approves harbour bridge after years of debate

By Maria Jensen

{LEAD}

LONDON (Reuters) — {LEAD} Supporters say it鈥檚 the largest project the city has undertaken since the war.

3f2504e0-4f89-11d3-9a0c-0305e82c3301

Opponents worry about the cost and about the old fishing quarter.9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b8

(AP Photo/Jane Doe)

Share on Facebook

The mayor said the gov澳门威尼斯人ment had promised to pay for half of the bridge and that work would begin in spring.

Her new film, , opened in May and the director said she stayed with . Critics praised the cast.

Work is expected to last about three years, according to the planning office, and the ferry keeps running.

Related articles

© 2024 The Harbour Gazette. All rights reserved.
"""


def test_a_page_with_every_problem_comes_out_as_the_article():
    doc = clean(PAGE)
    assert doc.title == "City council approves harbour bridge after years of debate"
    assert doc.byline == "By Maria Jensen"
    assert doc.captions == ["(AP Photo/Jane Doe)"]
    assert doc.dateline == "LONDON (Reuters) —"
    assert "it’s the largest project" in doc.text  # mojibake repaired
    assert "鈥" not in doc.text and "3f2504e0" not in doc.text and "9f86d081" not in doc.text
    assert "澳门" not in doc.text  # injected spam
    assert doc.text.count("ending a debate") == 1  # the teaser lead repeated before the full lead
    for debris in ("Skip to content", "Subscribe", "Share on Facebook", "Related", "©", "Home"):
        assert debris not in doc.text
    assert "Work is expected to last" in doc.text and "Opponents worry" in doc.text
    kinds = {e.kind for e in doc.edits}
    assert {"mojibake", "identifier"} <= kinds
    removed = {r.kind for r in doc.removed}
    assert {"identifier", "share", "copyright", "repeat"} <= removed
    assert any(doc.text[g.offset - 2:g.offset] == ", " for g in doc.gaps)  # "Her new film, , opened"


def test_removed_entries_and_edits_point_at_the_input():
    doc = clean(PAGE)
    for r in doc.removed:
        assert r.end > r.start >= 0
    for e in doc.edits:
        assert PAGE[e.start:e.end] == e.before


def test_a_clean_article_comes_out_unchanged():
    article = "\n\n".join([LEAD, "Supporters say the bridge will cut travel times for thousands of commuters.",
                           "Work is expected to begin next spring and to last about three years."])
    doc = clean(article)
    assert doc.text == article
    assert doc.removed == [] and doc.title is None


def test_lines_of_one_paragraph_stay_together():
    article = f"{LEAD}\nIt was a long debate.\n\nSupporters say the bridge will cut travel times for commuters."
    assert clean(article).text == article


def test_clean_is_idempotent_on_the_example_page():
    text = clean(PAGE).text
    assert clean(text).text == text


def _accounted(source: str) -> None:
    """Every non-space input character is in an output part, an edit or a removed block."""
    doc = clean(source)
    covered = bytearray(len(source))
    for span in [(r.start, r.end) for r in doc.removed] + [(e.start, e.end) for e in doc.edits]:
        covered[span[0]:span[1]] = b"\x01" * (span[1] - span[0])
    outputs = "\n".join([doc.text, doc.title or "", doc.dateline or "", doc.byline or "", *doc.captions])
    # Every run of characters that no edit or removal covers is in an output field as it was given.
    for m in re.finditer(r"\S+", source):
        for run in re.finditer(r"[^\x00]+", "".join("\x00" if covered[k] else source[k]
                                                    for k in range(m.start(), m.end()))):
            assert run.group() in outputs, (run.group(), doc.to_dict())


def test_every_character_of_the_example_page_is_accounted_for():
    _accounted(PAGE)


lines = st.lists(st.one_of(
    st.sampled_from(["Home", "Share on Facebook", "Advertisement", LEAD, "By Jane Doe", "(AP Photo/J. Doe)",
                     "© 2024 Example", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "It鈥檚 done.", "", "  ",
                     "The gov澳门威尼斯人ment paid for half of it.", "Opponents worry.9f86d081884c7d659a2feaa0c55ad015",
                     "LONDON (Reuters) — Shares fell on Monday.", "Her new film, , opened in May.",
                     "Updated 12 March 2019", "See also: Harbour ferry fares to rise"]),
    st.text(max_size=60)), max_size=12)


@settings(max_examples=200, deadline=None)
@given(lines.map("\n".join))
def test_clean_never_raises_and_is_idempotent(text):
    doc = clean(text)
    assert isinstance(doc.text, str)
    # The page steps must change nothing the second time; a second encoding repair of a repaired text is the
    # encoding's own property (its tests), so texts it would still change are left to it.
    assume(fix_text(doc.text) == doc.text)
    assert clean(doc.text).text == doc.text


@settings(max_examples=200, deadline=None)
@given(lines.map("\n\n".join))
def test_every_input_character_is_accounted_for(text):
    _accounted(text)


def test_the_dateline_is_cut_when_a_stray_line_opens_the_body():
    page = "\n\n".join(["Home", "News", "Harbour bridge approved after years of debate", "Advertisement",
                        "This site uses cookies. By continuing to browse you accept them.",
                        f"LONDON (Globe Wire) — {LEAD}", "Work is expected to last about three years, according to "
                        "the planning office, and the ferry keeps running.", "© 2024 The Harbour Gazette"])
    doc = clean(page)
    assert doc.dateline == "LONDON (Globe Wire) —"
    assert doc.text.startswith(LEAD)

"""Whatever a row holds (overlapping or out-of-range spans, odd offsets, markup), the views render and stay inert."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unmangle.document import Edit, Gap, Removed
from unmangle.report.document_view import render_document
from unmangle.report.rows import Row
from unmangle.report.run_report import render_run_report

from .dom import parse

ALPHABET = st.sampled_from(list("ab <>&\"'\n\u2028é鈥\U0001f600") + ["</textarea>", "<script>"])
TEXT = st.lists(ALPHABET, max_size=40).map("".join)
SPAN = st.integers(min_value=-3, max_value=60)


@st.composite
def rows(draw: st.DrawFn) -> Row:
    edits = [Edit(draw(st.sampled_from(["mojibake", "spam", "<b>"])), draw(SPAN), draw(SPAN), draw(TEXT), draw(TEXT),
                  draw(st.floats(0, 1)), draw(TEXT)) for _ in range(draw(st.integers(0, 5)))]
    removed = [Removed(draw(TEXT), draw(TEXT), draw(SPAN), draw(SPAN)) for _ in range(draw(st.integers(0, 3)))]
    gaps = [Gap(draw(SPAN), 0.5, draw(TEXT)) for _ in range(draw(st.integers(0, 2)))]
    return Row(id=draw(TEXT), text=draw(TEXT), original=draw(st.none() | TEXT), title=draw(st.none() | TEXT),
               byline=draw(st.none() | TEXT), captions=draw(st.lists(TEXT, max_size=2)), edits=edits, gaps=gaps,
               removed=removed, changed=True)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows())
def test_any_row_renders_creates_no_element_from_its_text_and_marks_every_kind(row: Row):
    markup = render_document(row, 1)
    elements = parse(markup)
    assert {el.tag for el in elements} <= {"section", "h3", "h4", "div", "span", "mark", "del", "p", "details",
                                           "summary", "table", "tr", "th", "td", "ul", "li"}
    assert {el.attrs["data-kind"] for el in elements if "data-kind" in el.attrs} == row.kinds


def test_an_empty_run_directory_still_gives_a_report(tmp_path: Path):
    (tmp_path / "stats.json").write_text('{"read": "many", "nested": {"a": [1, 2]}, "edits_by_kind": 3}')
    markup = render_run_report(tmp_path)
    assert "Showing 0 of 0 documents" in markup and "nothing to plot" in markup

"""The document view marks every change where it happened and shows document text only as text."""

from unmangle.document import Document, Edit, Gap, Removed
from unmangle.report.align import locate
from unmangle.report.document_view import render_document
from unmangle.report.page_report import render_page_report
from unmangle.report.rows import Row, row_from_document, row_from_mapping

from .dom import parse, select

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"></textarea>'
ORIGINAL = ("Home | World\n\nCityâ€™s ferry\n\nBy Maren\n\n"
            f"The cityâ€™s oldest {HOSTILE} ferry SPAMSPAM sails.\n\nAdvertisement\n\nShare this\n")


def _doc() -> Document:
    i = ORIGINAL.index("â€™")
    j = ORIGINAL.index("â€™", i + 1)
    k = ORIGINAL.index("SPAMSPAM ")
    edits = [Edit("mojibake", i, i + 3, "â€™", "’", 0.93, "utf-8 read as cp1252"),
             Edit("mojibake", j, j + 3, "â€™", "’", 0.93),
             Edit("spam", k, k + 9, "SPAMSPAM ", "", 0.7),
             Edit("decode", 0, 0, "", "", 1.0, "bytes were cp1252")]
    return Document(text=f"The city’s oldest {HOSTILE} ferry sails.", title="City’s ferry", byline="By Maren",
                    captions=["A caption"], removed=[Removed("boilerplate", "Home | World", 0, 12),
                                                     Removed("ad", "Advertisement")],
                    gaps=[Gap(10, 0.5, "link text")], edits=edits)


def test_every_kind_of_change_has_its_mark_in_place():
    markup = render_document(row_from_document(ORIGINAL, _doc()), 1)
    repaired = select(markup, "edit", data_kind="mojibake")
    assert {"".join(m.text) for m in repaired} == {"â€™", "’"}  # in the input and in the output
    assert len([m for m in repaired if "".join(m.text) == "’"]) == 2  # in the title and in the body
    assert any("was “â€™”" in m.attrs["title"] for m in repaired)
    assert select(markup, "mark-del", data_kind="spam")[0].text == ["SPAMSPAM "]
    assert select(markup, "cut", data_kind="spam")  # where the spam was cut out of the output
    assert select(markup, "ins", data_kind="decode")
    assert "".join(select(markup, "removed", data_kind="removed:boilerplate")[0].text) == "Home | World"
    assert "".join(select(markup, "removed", data_kind="removed:ad")[0].text) == "Advertisement"
    assert select(markup, "gap", data_kind="gap")[0].attrs["title"].startswith("words missing here: link text")
    dropped = select(markup, "dropped")
    assert ["".join(d.text) for d in dropped] == ["Share this"]  # left out with no record, and nothing else
    assert {p.attrs["data-part"] for p in select(markup, "part")} == {"title", "byline", "caption"}


def test_hostile_text_is_escaped_everywhere():
    markup = render_document(row_from_document(ORIGINAL, _doc()), 1)
    tags = {el.tag for el in parse(markup)}
    assert not tags & {"script", "img", "textarea", "iframe"}
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in markup
    assert 'onerror=&quot;window.__pwned=2&quot;' in markup


def test_without_the_input_the_view_says_so_and_marks_repairs_by_search():
    row = row_from_mapping({"id": "x", "text": "It’s 12 km – far.",
                            "edits": '[{"kind": "mojibake", "start": 2, "end": 5, "before": "â€™", "after": "’"}]'})
    assert row is not None and row.original is None
    markup = render_document(row, 3)
    assert "was not stored with the run" in markup
    assert "As it came in" not in markup
    assert "".join(select(markup, "edit", data_kind="mojibake")[0].text) == "’"


def test_rows_tolerate_missing_and_odd_fields():
    row = row_from_mapping({"text": "t", "edits": "not json", "gaps": None, "captions": '["c"]', "lang": "fr"},
                           "s.parquet", 4)
    assert row == Row(id="s.parquet#4", text="t", captions=["c"], shard="s.parquet", lang="fr")
    assert row_from_mapping({"id": 1}) is None


def test_locate_maps_kept_lines_and_pieces_of_changed_lines():
    source = "Nav\nThe ferry SPAM sails today.\nFooter"
    mapping, _ = locate(source, "The ferry sails today.")
    assert [source[p] for p in mapping] == list("The ferry sails today.")


def test_page_report_is_one_self_contained_page():
    markup = render_page_report(ORIGINAL, _doc(), "broken")
    assert markup.count("<script>") == 1
    assert not [el for el in parse(markup) if el.attrs.get("src") or el.attrs.get("href")]
    assert "Changes by kind" in markup and "Edit confidence" in markup


def test_a_repeated_paragraph_maps_to_the_copy_that_was_kept():
    para = "The ferry sails at nine from the north pier."
    original = f"{para}\n\nMenu\n\n{para}\n"
    second = original.rindex(para)
    doc = Document(text=para, removed=[Removed("repeat", para, 0, len(para)), Removed("nav", "Menu")])
    markup = render_document(row_from_document(original, doc), 1)
    assert not select(markup, "dropped")  # the kept copy is accounted for by the output
    assert "".join(select(markup, "removed", data_kind="removed:repeat")[0].text) == para
    assert second > 0 and markup.count(para) == 3  # twice in the input view, once in the output


def test_edits_that_cannot_be_placed_are_still_marked_with_their_kind():
    row = row_from_mapping({"id": "x", "text": "Ferry sails.", "original": "Ferry BUY sails.", "edits": [
        {"kind": "spam", "start": 6, "end": 10, "before": "BUY ", "after": ""},
        {"kind": "mojibake", "start": 40, "end": 43, "before": "â€™", "after": "’"}]})  # span outside the input
    assert row is not None
    markup = render_document(row, 1)
    assert select(markup, "mark-del", data_kind="spam")  # placed, in the input
    unplaced = select(markup, "edit", data_kind="mojibake")
    assert len(unplaced) == 1 and unplaced[0].attrs["title"].startswith("mojibake: became “’”")
    assert "could not be placed in the text (1)" in markup
    without_input = row_from_mapping({"id": "y", "text": "Ferry sails.", "edits": [
        {"kind": "spam", "start": 6, "end": 10, "before": "BUY ", "after": ""}]})
    assert without_input is not None
    assert select(render_document(without_input, 2), "edit", data_kind="spam")


def test_a_deletion_holding_a_repair_is_marked_around_it_and_the_repair_shows_where_the_text_went():
    original = "Menu\n\nPORTSMOUTH (Gazette) 鈥 The ferry sails.\n"
    s = original.index("PORTSMOUTH")
    k = original.index("鈥")
    doc = Document(text="The ferry sails.", dateline="PORTSMOUTH (Gazette) —", removed=[Removed("nav", "Menu", 0, 4)],
                   edits=[Edit("dateline", s, k + 2, original[s:k + 2], "", 0.9, "moved to dateline"),
                          Edit("lost-byte", k, k + 1, "鈥", "—", 0.6)])
    markup = render_document(row_from_document(original, doc), 1)
    moved = select(markup, "mark-del", data_kind="dateline")  # in pieces around the repair, labelled once
    assert [m.attrs.get("data-label") for m in moved] == ["dateline", None, None]
    repaired = select(markup, "edit", data_kind="lost-byte")
    assert ["".join(m.text) for m in repaired] == ["鈥", "—"]  # inside the struck dateline, and in the dateline part
    assert "could not be placed" not in markup and not select(markup, "dropped")

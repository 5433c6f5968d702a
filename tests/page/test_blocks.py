"""Blocks keep their spans in the input, through the encoding repair."""

from unmangle.document import Edit
from unmangle.page.blocks import read_page, split_blocks


def test_blocks_are_the_non_blank_lines_with_their_spans():
    text = "  Title  \n\nFirst line\nsecond line\n\n\nLast"
    blocks = split_blocks(text)
    assert [b.text for b in blocks] == ["Title", "First line", "second line", "Last"]
    assert all(text[b.start:b.end] == b.text for b in blocks)


def test_lines_without_a_blank_line_between_them_share_a_paragraph():
    blocks = split_blocks("a\nb\n\nc")
    assert [b.para for b in blocks] == [0, 0, 1]


def test_block_spans_point_into_the_input_after_mojibake_repair():
    source = "Header\n\nThe council said it鈥檚 done.\n\nEnd"
    page = read_page(source)
    block = page.blocks[1]
    assert block.text == "The council said it’s done."
    start, end = page.input_span(block)
    assert source[start:end] == "The council said it鈥檚 done."


def test_a_local_edit_is_moved_to_input_coordinates():
    source = "it鈥檚 here\n\nOne two three"
    page = read_page(source)
    block = page.blocks[1]
    edit = page.local_edit(block, Edit("identifier", 4, 8, "two ", "", 0.9))
    assert source[edit.start:edit.end] == "two " == edit.before


def test_crlf_and_odd_whitespace_do_not_break_spans():
    source = "One\r\n\r\n\tTwo words \r\nthree\u00a0"
    page = read_page(source)
    for b in page.blocks:
        s, e = page.input_span(b)
        assert source[s:e] == b.text

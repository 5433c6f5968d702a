"""Encoding repair: undo text that went through the wrong decoder, and put back the bytes it lost."""

from unmangle.encoding.repair import fix_and_explain, fix_text

__all__ = ["fix_and_explain", "fix_text"]

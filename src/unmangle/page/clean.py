"""Compose the page steps (placeholder: encoding repair only, until the page steps land)."""

from __future__ import annotations

from unmangle.document import Document
from unmangle.encoding import fix_and_explain


def clean(text: str) -> Document:
    """Return the article found in the plain text of a scraped page."""
    fixed, edits = fix_and_explain(text)
    return Document(text=fixed.strip(), edits=edits)

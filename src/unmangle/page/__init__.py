"""Page cleanup: from the plain text of a scraped page to the article, its parts and an audit of changes."""

from unmangle.page.clean import clean

__all__ = ["clean"]

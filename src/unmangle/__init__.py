"""unmangle: restore text scraped from the web, and say what was changed.

>>> fix_text("It鈥檚 done")
'It’s done'
"""

from unmangle.document import Document, Edit, Gap, Removed
from unmangle.encoding import fix_and_explain, fix_text
from unmangle.page import clean

__all__ = ["Document", "Edit", "Gap", "Removed", "clean", "fix_and_explain", "fix_text"]
__version__ = "0.1.0"

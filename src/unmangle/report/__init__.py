"""The HTML audit report: one self-contained file that shows what unmangle changed, for a page or a whole run."""

from unmangle.report.page_report import write_page_report
from unmangle.report.run_report import write_run_report

__all__ = ["write_page_report", "write_run_report"]

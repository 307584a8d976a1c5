"""The shift report: what a quality manager reads after a shift (PDF, HTML, CSV)."""

from station.report.shift_data import ShiftData, collect
from station.report.writers import write_report

__all__ = ["ShiftData", "collect", "write_report"]

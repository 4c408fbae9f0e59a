"""One audit finding: what was declared, what the table gives, and the evidence for both."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Check = Literal["column_total", "row_total", "claim", "cross_table", "count"]
Status = Literal["ok", "mismatch", "unverifiable"]
TOLERANCE = 0.01  # declared and computed figures are equal when they differ by less than this


@dataclass
class Finding:
    check: Check
    table_id: str
    where: str
    declared: float | None
    computed: float | None
    status: Status
    evidence: str
    start: int | None = None
    end: int | None = None
    reason: str = ""  # for unverifiable findings: why the figure could not be checked
    row: int | None = None  # the table cell that holds the declared figure, when it is in a table
    col: int | None = None

    @property
    def difference(self) -> float | None:
        if self.declared is None or self.computed is None:
            return None
        return self.declared - self.computed


def compare(declared: float, computed: float) -> Status:
    return "ok" if abs(declared - computed) < TOLERANCE else "mismatch"

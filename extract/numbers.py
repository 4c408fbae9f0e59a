"""Parse the numbers auditors add up: «1 393», «1393», «1 393,5»; «—», «-» and «» are no value."""

from __future__ import annotations

import re

# Thousands may be grouped by a space, NBSP, narrow NBSP or thin space; decimals by comma or dot.
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?")
_PLAIN = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")


def parse_number(text: str) -> float | None:
    """Return the number a cell holds, or None when the cell is not exactly one number."""
    s = text.strip()
    if not s or len(s) > 40:
        return None
    if not (_GROUPED.fullmatch(s) or _PLAIN.fullmatch(s)):
        return None
    return float(_SPACES.sub("", s).replace(",", "."))


def format_number(value: float | None) -> str:
    """Integral values print without a decimal point, so 283.0 reads as 283 in the CSVs."""
    if value is None:
        return ""
    return str(int(value)) if value.is_integer() else repr(value)

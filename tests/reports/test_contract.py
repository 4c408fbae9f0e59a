"""The writer's columns follow docs/output-contract.md: every contract column, in order, first."""

import re

import pytest

from reports.contract import COLUMNS
from tests.conftest import ROOT


def _contract_columns() -> dict[str, list[str]]:
    text = (ROOT / "docs" / "output-contract.md").read_text(encoding="utf-8")
    out = {}
    for m in re.finditer(r"^## (\w+\.csv)[^\n]*\n(.*?)(?:\n\n|\Z)", text, flags=re.S | re.M):
        body = m.group(2).replace("\n", " ")
        while re.search(r"\([^()]*\)", body):
            body = re.sub(r"\([^()]*\)", "", body)
        out[m.group(1)] = [c.strip(" .") for c in body.split(",") if c.strip(" .")]
    return out


CONTRACT = _contract_columns()


def test_contract_document_lists_every_csv_we_write():
    assert set(CONTRACT) == set(COLUMNS)


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_columns_start_with_the_contract_columns_in_order(name):
    assert COLUMNS[name][: len(CONTRACT[name])] == CONTRACT[name]

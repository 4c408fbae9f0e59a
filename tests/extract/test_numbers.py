import pytest

from extract.numbers import format_number, parse_number


@pytest.mark.parametrize(
    "text,value",
    [
        ("1 393", 1393.0),
        ("1393", 1393.0),
        ("1 393,5", 1393.5),
        ("1\u00a0393", 1393.0),
        ("0", 0.0),
        (" 283 ", 283.0),
        ("3.5", 3.5),
        ("-", None),
        ("—", None),
        ("", None),
        ("12 февраля", None),
        ("№ 110", None),
        ("1 39", None),  # not a thousands group
        ("103, 31, 16", None),  # a list of school numbers, not a value
    ],
)
def test_parse_number_reads_only_cells_that_are_one_number(text, value):
    assert parse_number(text) == value


def test_format_number_prints_integral_values_without_decimal_point():
    assert format_number(283.0) == "283"
    assert format_number(1393.5) == "1393.5"
    assert format_number(None) == ""

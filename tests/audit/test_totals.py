"""Totals checks on small tables built as a report would print them."""

from audit.run import audit_document
from extract.read import read_bytes


def _audit(text: str):
    doc = read_bytes(text.encode("utf-8"), "txt", "t.txt")
    return audit_document(doc)


def _table(rows: list[str]) -> str:
    return "Отчёт о проведении семинаров для педагогов города\n\nТаблица 1 – Участники\n\n" + "\n".join(rows) + "\n"


def test_a_wrong_total_row_is_a_mismatch_with_the_difference():
    findings = _audit(_table(["Район\tСОШ\tДОУ\tВсего", "Центральный\t10\t5\t15", "Заводской\t7\t3\t10", "ИТОГО\t17\t8\t26"]))
    by_where = {(f.check, f.where.split("столбец ")[-1]): f for f in findings}
    total = by_where[("column_total", "Всего")]
    assert (total.status, total.declared, total.computed, total.difference) == ("mismatch", 26, 25, 1)
    assert by_where[("column_total", "СОШ")].status == "ok"
    itogo_row = [f for f in findings if f.check == "row_total" and "ИТОГО" in f.where]
    assert itogo_row[0].status == "mismatch" and itogo_row[0].computed == 25


def test_group_subtotals_cover_their_group_and_the_grand_total_every_body_row():
    findings = _audit(
        _table([
            "Район\tУчастники",
            "Центральный\t10",
            "Заводской\t5",
            "Итого по городу\t15",
            "Междуреченск\t3",
            "Итого по агломерации\t3",
            "ВСЕГО\t18",
        ])
    )
    totals = [(f.declared, f.computed, f.status) for f in findings if f.check == "column_total"]
    assert totals == [(15, 15, "ok"), (3, 3, "ok"), (18, 18, "ok")]


def test_a_count_column_with_text_in_a_body_cell_is_unverifiable_not_a_mismatch():
    findings = _audit(_table(["Район\tУчастники", "Центральный\t10", "Заводской\t12", "Кузнецкий\tоколо 5", "ИТОГО\t99"]))
    total = [f for f in findings if f.check == "column_total"]
    assert [(f.status, f.declared) for f in total] == [("unverifiable", 99)]
    assert "около 5" in total[0].reason


def test_a_figure_the_text_states_against_the_table_it_names():
    text = _table(["Мероприятие\tКол-во чел", "Семинар «Наставник»\t20", "Форум «Учитель»\t30", "ИТОГО\t50"])
    text += "\nОбщее количество участников – 55 человек (таблица 1).\n"
    claim = [f for f in _audit(text) if f.check == "claim"]
    assert [(f.status, f.declared, f.computed) for f in claim] == [("mismatch", 55, 50)]
    assert claim[0].evidence == "Общее количество участников – 55 человек (таблица 1)."


def test_a_lower_bound_is_not_an_equality():
    text = _table(["Мероприятие\tКол-во чел", "Семинар «Наставник»\t200", "Форум «Учитель»\t150", "ИТОГО\t350"])
    text += "\nВ мероприятиях приняли участие более 300 человек (таблица 1).\n"
    claim = [f for f in _audit(text) if f.check == "claim"]
    assert [(f.status, f.declared, f.computed) for f in claim] == [("ok", 300, 350)]


def test_school_numbers_and_years_are_not_stated_counts():
    text = _table(["Мероприятие\tКол-во чел", "Семинар «Наставник»\t20", "ИТОГО\t20"])
    text += "\nВ 2023 году в МБОУ «СОШ № 110» прошёл семинар для 20 педагогов школ № 5, 7.\n"
    claims = [(f.check, f.declared) for f in _audit(text) if f.check in ("claim", "count")]
    assert claims == [("claim", 20)]

import pytest

from extract.hyphenation import join_lines


@pytest.mark.parametrize(
    "lines,joined",
    [
        (["Наставниче-", "ства"], "Наставничества"),
        (["КОНФЕРЕН-", "ЦИЯ"], "КОНФЕРЕНЦИЯ"),
        (["ДЕНЬ КАЧЕ-", "СТВА ОБРА-", "ЗОВАНИЯ"], "ДЕНЬ КАЧЕСТВА ОБРАЗОВАНИЯ"),
        (["научно-практи-", "ческая"], "научно-практическая"),
        # real hyphens that fell at the line end stay
        (["Южно-", "Кузбасская"], "Южно-Кузбасская"),
        (["НАУЧНО-", "ПРАКТИЧЕСКАЯ"], "НАУЧНО-ПРАКТИЧЕСКАЯ"),
        (["Форсайт-", "сессия"], "Форсайт-сессия"),
        (["педагоги-", "психологи"], "педагоги-психологи"),
        (["90-ЛЕ-", "ТИЮ"], "90-ЛЕТИЮ"),
        # lines without hyphens are joined by a space
        (["директора, заместители", "директора"], "директора, заместители директора"),
        (["9 февраля", "10:30"], "9 февраля 10:30"),
    ],
)
def test_join_lines_repairs_soft_hyphenation_and_keeps_real_hyphens(lines, joined):
    assert join_lines(lines) == joined

"""Hand-checked audit findings for the «Дни науки» reports, the same from every format.

Checked by re-adding every column and reading every stated figure in the report: in 2023 all
totals agree, three of the six per-event district tables do not match their event's count in
Таблица 1, and «более 20 мероприятий» is not borne out by the 17 tabulated events; in 2025 the
text's «26 мероприятий» disagrees with the 25 events in the table.
"""

from collections import Counter

import pytest

from audit.run import audit_document

# (check, status, declared, computed) for every finding except the 12 row totals of Таблица 2
EXPECTED_2023 = [
    ("column_total", "ok", 283, 283),
    ("column_total", "ok", 229, 229),
    ("column_total", "ok", 584, 584),
    ("column_total", "ok", 813, 813),
    ("cross_table", "mismatch", 25, 23),
    ("cross_table", "ok", 65, 65),
    ("cross_table", "ok", 57, 57),
    ("cross_table", "ok", 43, 43),
    ("cross_table", "mismatch", 35, 30),
    ("cross_table", "mismatch", 58, 48),
    ("count", "mismatch", 20, 17),  # «более 20 мероприятий»: 6 + 11 events in the tables
    ("count", "ok", 2, 2),  # «две региональные научно-практические конференции»
    ("count", "ok", 6, 6),  # «будет проведено 6 различных мероприятий на базе ОО»
    ("count", "ok", 6, 6),  # «проведено 6 открытых мероприятий»
    ("count", "unverifiable", 3, None),  # «три мастер-класса»: no table lists them
    ("claim", "ok", 283, 283),
    ("claim", "ok", 1096, 1096),  # 283 + 813, the totals of both tables
    ("claim", "ok", 229, 229),  # the agglomeration column of Таблица 2
    ("claim", "ok", 120, 120),  # the 14 February conference's row, under its heading
    ("claim", "unverifiable", 13, None),  # venues
    ("claim", "unverifiable", 2, None),  # discussion platforms
    ("claim", "unverifiable", 60, None),  # remote participants: no table counts them
    ("claim", "unverifiable", 4, None),  # support sites
]
EXPECTED_2025 = [
    ("claim", "ok", 1393, 1393),  # no total row: the sum of the count column
    ("count", "mismatch", 26, 25),
    ("claim", "unverifiable", 19, None),
]


def _key(f):
    return (f.check, f.status, f.declared, f.computed)


@pytest.fixture(scope="module")
def audited(read_corpus):
    cache = {}

    def _audit(name):
        if name not in cache:
            doc = read_corpus(name)
            cache[name] = (doc, audit_document(doc))
        return cache[name]

    return _audit


@pytest.mark.parametrize("name", ["nk-dni-nauki-2023.txt", "nk-dni-nauki-2023.docx", "nk-dni-nauki-2023.pdf"])
def test_nk2023_findings_are_the_hand_checked_ones(audited, name):
    _, findings = audited(name)
    rows = [f for f in findings if f.check == "row_total"]
    others = [f for f in findings if f.check != "row_total"]
    assert Counter(map(_key, others)) == Counter(EXPECTED_2023)
    assert len(rows) == 12 and all(f.status == "ok" for f in rows)


@pytest.mark.parametrize("name", ["nk-dni-nauki-2025.txt", "nk-dni-nauki-2025.docx", "nk-dni-nauki-2025.pdf"])
def test_nk2025_findings_are_the_hand_checked_ones(audited, name):
    _, findings = audited(name)
    assert Counter(map(_key, findings)) == Counter(EXPECTED_2025)


@pytest.mark.parametrize("name", ["nk-dni-nauki-2023.txt", "nk-dni-nauki-2023.pdf", "nk-dni-nauki-2025.pdf"])
def test_every_finding_quotes_its_evidence_at_its_offsets(audited, name):
    doc, findings = audited(name)
    for f in findings:
        assert f.evidence
        assert doc.text[f.start : f.end].replace("\t", " | ") == f.evidence


def test_nk2023_cross_table_links_each_district_table_to_its_own_event(audited):
    doc, findings = audited("nk-dni-nauki-2023.txt")
    links = sorted(f.table_id for f in findings if f.check == "cross_table")
    summary = doc.tables[0].table_id
    assert links == [f"{summary};{doc.tables[n].table_id}" for n in range(2, 8)]


def test_nk2023_unverifiable_findings_say_why(audited):
    _, findings = audited("nk-dni-nauki-2023.docx")
    assert all(f.reason for f in findings if f.status == "unverifiable")

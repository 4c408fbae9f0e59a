"""What analysts and auditors open: the data package, queries and exports, the report, the notebook, the help."""

import csv
import json
import os
import subprocess
import sys

import pytest

from reports.cli import main
from tests.conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts"


def test_datapackage_describes_every_csv_and_validates(mixed_run):
    from frictionless import validate

    out = mixed_run["out"]
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["path"] for r in package["resources"]} == {
        "documents.csv", "tables.csv", "cells.csv", "mentions.csv", "schools.csv", "people.csv", "events.csv",
        "audit.csv", "errors.csv"}
    for resource in package["resources"]:
        assert all(f["description"] for f in resource["schema"]["fields"])
    report = validate(str(out / "datapackage.json"))  # every row of every CSV against its schema and keys
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_query_gives_typed_columns(mixed_run, capsys):
    out = mixed_run["out"]
    assert main(["query", str(out), "SELECT sum(participants) AS n, min(date_start) AS first FROM events"]) == 0
    assert "2023-02-09" in capsys.readouterr().out
    import datetime

    from reports.query import run_query

    _, ((n, first, flagged),) = run_query(out, "SELECT sum(participants), min(date_start), bool_or(review) FROM events, schools")
    assert isinstance(n, int) and isinstance(first, datetime.date) and flagged is True  # typed as documented

    names, rows = run_query(out, 'SELECT "check", count(*) FROM audit WHERE status = \'mismatch\' GROUP BY 1 ORDER BY 1')
    assert dict(rows) == {"count": 7, "cross_table": 12}


def test_query_result_to_csv_and_exports_to_parquet_and_excel(mixed_run, tmp_path):
    import duckdb
    from openpyxl import load_workbook

    out = mixed_run["out"]
    target = tmp_path / "schools.csv"
    assert main(["query", str(out), "SELECT name, n_mentions FROM schools ORDER BY n_mentions DESC", "--csv", str(target),
                 "--parquet", "--excel", str(tmp_path / "all.xlsx")]) == 0
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert rows[0] == ["name", "n_mentions"] and len(rows) > 100
    n = duckdb.connect().execute(f"SELECT count(*) FROM '{out / 'parquet' / 'schools.parquet'}'").fetchall()[0][0]
    assert n == len(rows) - 1
    book = load_workbook(tmp_path / "all.xlsx", read_only=True)
    assert {"documents", "cells", "audit", "schools"} <= set(book.sheetnames)
    values = [c.value for row in book["cells"].iter_rows() for c in row if isinstance(c.value, str)]
    assert not any(v.startswith(("=", "+", "@")) for v in values)


def test_query_rejects_a_folder_that_is_not_a_run(tmp_path):
    assert main(["query", str(tmp_path), "SELECT 1"]) == 2


def test_auditor_report_shows_the_findings_in_chromium(mixed_run):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    report = mixed_run["out"] / "report.html"
    assert "http://" not in report.read_text(encoding="utf-8").split("<body>")[0]  # nothing fetched from the network
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1200,1800"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(report.as_uri())
        mismatches = driver.find_elements(By.CSS_SELECTOR, '.finding[data-status="mismatch"]')
        assert len(mismatches) == 19
        first = mismatches[0].text
        assert "declared 25, computed 23, difference 2" in first
        assert driver.find_elements(By.CSS_SELECTOR, "td.declared")
        ARTIFACTS.mkdir(exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / "report.png"))
    finally:
        driver.quit()
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000


def test_notebook_runs_on_the_outputs(mixed_run, tmp_path):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(ROOT / "notebooks" / "analysis.ipynb", as_version=4)
    os.environ["OUTPUTS"] = str(mixed_run["out"])
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    finally:
        del os.environ["OUTPUTS"]
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 4
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "distinct reports" in text


@pytest.mark.parametrize("command", [[], ["run"], ["audit"], ["query"]])
def test_every_command_has_complete_help(command):
    proc = subprocess.run([sys.executable, "-m", "reports.cli", *command, "--help"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0
    assert "usage: reports" in proc.stdout and len(proc.stdout) > 300

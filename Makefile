# Two entry points, both self-contained on a fresh Debian machine:
#   make run   — set everything up, then process corpus/ into outputs/
#   make test  — set everything up, then run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Debian packages: LibreOffice converts .doc/.rtf/.odt, Tesseract reads scans; the tests open the
# auditor's report in Chromium (driven through chromedriver).
DEB_PACKAGES ?= libreoffice-writer-nogui tesseract-ocr tesseract-ocr-rus tesseract-ocr-eng chromium chromium-driver \
	$(shell $(PYTHON) -c "import ensurepip" 2>/dev/null || echo python3-venv)

.PHONY: run test setup deps clean bench bench-tables bench-entities bench-registry

# exit code 1 means "some files failed" (listed in outputs/errors.csv): a normal outcome for an archive
run: setup
	$(BIN)/reports run corpus -o outputs || [ $$? -eq 1 ]

test: setup
	$(BIN)/python -m pytest

setup: $(VENV)/.installed

deps:
	@bash scripts/install-deps.sh $(DEB_PACKAGES)

$(VENV)/.installed: pyproject.toml | deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# throughput: docs/s, pages/s, stage shares, 1→2 worker speedup, cached re-run, RSS, cost against the floor
bench: setup
	$(BIN)/python benchmarks/throughput.py --docs $(or $(DOCS),500)

# cell accuracy of PDF tables: ours against camelot (lattice) and plain pdfplumber
bench-tables: setup
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/table_accuracy.py

# precision/recall/F1 of the entity stage against the hand-checked gold, beside raw natasha
bench-entities: setup
	$(BIN)/python benchmarks/entity_quality.py

# over-splits and over-merges of the school registry against hand-checked institution lists
bench-registry: setup
	$(BIN)/python benchmarks/registry_check.py

clean:
	rm -rf $(VENV) outputs

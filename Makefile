# Two commands on a fresh machine: `make packet` and `make test`.
# Both create the virtual environment and install the project first when needed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
BENCH_STAMP := $(VENV)/.bench-stamp

.PHONY: packet test check references bench catalogues clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Build every lesson, both editions, PDF and HTML, into output/.
packet: $(STAMP)
	$(BIN)/packet build

## Lint, type-check and run the whole test suite.
test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/packet check --strict
	$(BIN)/python -m pytest

## Regenerate the visual-regression references (tests/reference/: PDF pages, and the HTML
## packet in Chromium at phone and laptop widths) after a deliberate change to the look;
## view them before committing.
references: $(STAMP)
	UPDATE_REFERENCES=1 $(BIN)/python -m pytest tests/test_visual.py tests/test_browser.py -q

## Measure build speed, start-up and memory against WeasyPrint alone and two peers
## (md2pdf, pandoc); prints the table kept in README "Performance". Takes a few minutes.
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python bench/run.py

## Bring the translation catalogues up to packet's words (src/packet/locale/: the .pot from
## the theme's templates and the code, each language's .po updated from it); then translate
## what is new in each .po.
catalogues: $(STAMP)
	$(BIN)/python -c "from packet.i18n import write_catalogues; write_catalogues()"

## Validate content against the seeds without building.
check: $(STAMP)
	$(BIN)/packet check

clean:
	rm -rf output .pytest_cache .mypy_cache .ruff_cache

# Two commands a newcomer needs: `make report` and `make test`. Both set themselves up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-pyproject

.PHONY: setup report test test-all lab lint clean

# Create the virtualenv once; re-install only when pyproject.toml changed.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,parquet,dask]'
	@touch $(STAMP)

setup: $(STAMP)

## Render the comparison report of every bundled event to reports/index.html
report: $(STAMP)
	$(BIN)/python -m analysis report data/events --out reports
	@echo "Open reports/index.html"

## Lint, check the format, and run the whole test suite with the library's doctests (notebooks are executed by the tests)
test: $(STAMP)
	$(BIN)/ruff check analysis tests benchmarks
	$(BIN)/ruff format --check analysis tests benchmarks
	$(BIN)/python -m pytest

## Also the slow checks
test-all: $(STAMP)
	$(BIN)/python -m pytest -m ''

## Open JupyterLab on the notebooks
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks $(if $(filter 0,$(shell id -u)),--allow-root,)

lint: $(STAMP)
	$(BIN)/ruff check analysis tests benchmarks
	$(BIN)/ruff format --check analysis tests benchmarks

clean:
	rm -rf $(VENV) reports build *.egg-info

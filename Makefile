# Empathy Atlas: one command per chore. `make run` and `make test` set up .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CONCEPTS ?= concepts.yaml
PORT ?= 8501

.DEFAULT_GOAL := help
.PHONY: help run test test-fast bench lint format typecheck schema validate stats clean

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# The venv is (re)built when requirements change; the project itself is installed editable so that
# Streamlit finds the network view's asset folder (see pyproject.toml).
$(BIN)/.runtime: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(BIN)/.dev: $(BIN)/.runtime requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

run: $(BIN)/.runtime ## open the app on $(CONCEPTS) (make run CONCEPTS=other.yaml)
	$(BIN)/streamlit run app.py --server.port $(PORT) -- --concepts "$(CONCEPTS)"

test: $(BIN)/.dev ## run every test (browser tests skip without Chromium unless REQUIRE_BROWSER=1)
	$(BIN)/python -m pytest

test-fast: $(BIN)/.dev ## run the tests that need no browser
	$(BIN)/python -m pytest -m "not browser"

bench: $(BIN)/.dev ## print the benchmark table
	$(BIN)/python tests/benchmarks.py

lint: $(BIN)/.dev ## ruff: lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.dev ## ruff: fix what can be fixed and format
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

schema: $(BIN)/.runtime ## regenerate concepts.schema.json from the model
	$(BIN)/python -m components schema > concepts.schema.json

validate: $(BIN)/.runtime ## validate $(CONCEPTS)
	$(BIN)/python -m components validate "$(CONCEPTS)"

stats: $(BIN)/.runtime ## counts and most connected concepts of $(CONCEPTS)
	$(BIN)/python -m components stats "$(CONCEPTS)"

clean: ## remove the venv and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis

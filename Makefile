# Empathy Atlas: one command per chore. `make run` and `make test` set up .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CONCEPTS ?= concepts.yaml
PORT ?= 8501
# Where the app listens: this machine only, by default. `make run HOST=0.0.0.0` serves a classroom
# over the local network; the address students type is then printed (found without asking any
# outside service, unlike Streamlit's own start-up message on a wildcard address).
HOST ?= localhost
WILDCARD := $(filter 0.0.0.0 ::,$(HOST))
LAN_ADDRESS = $(shell $(PYTHON) -c "import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.connect(('10.255.255.255', 1)); print(s.getsockname()[0])" 2>/dev/null || echo localhost)

.DEFAULT_GOAL := help
.PHONY: help run dev test test-fast bench lint format typecheck schema validate stats clean

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# The venv is (re)built when requirements change. requirements.txt installs the app itself in place,
# the way `pip install -r requirements.txt` does by hand (see the comment there).
$(BIN)/.runtime: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.dev: $(BIN)/.runtime requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

run: $(BIN)/.runtime ## open the app on $(CONCEPTS) (CONCEPTS=other.yaml, PORT=8502, HOST=0.0.0.0 for a classroom)
	$(BIN)/streamlit run app.py --server.address $(HOST) --server.port $(PORT) \
		$(if $(WILDCARD),--browser.serverAddress $(LAN_ADDRESS)) -- --concepts "$(CONCEPTS)"

dev: $(BIN)/.dev ## like run, for working on the code: Streamlit's file watcher on, the app reruns when code is saved
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.fileWatcherType auto --server.runOnSave true \
		-- --concepts "$(CONCEPTS)"

# Two processes (a 2-core machine); a file's tests stay on one, so its servers start once.
test: lint typecheck ## lint, type check, then every test (browser tests skip without Chromium unless REQUIRE_BROWSER=1)
	$(BIN)/python -m pytest -n 2 --dist loadfile

test-fast: $(BIN)/.dev ## the quick tests: no browser, no throwaway venv, no long property runs
	$(BIN)/python -m pytest -m "not browser and not slow"

bench: $(BIN)/.dev ## print the benchmark table (real server and browser; about 10 minutes)
	$(BIN)/python tests/benchmarks.py

lint: $(BIN)/.dev ## ruff: lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.dev ## ruff: fix what can be fixed and format
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(BIN)/.dev ## mypy, strict on components/
	$(BIN)/mypy

schema: $(BIN)/.runtime ## regenerate concepts.schema.json from the model
	$(BIN)/python -m components schema > concepts.schema.json

validate: $(BIN)/.runtime ## validate $(CONCEPTS)
	$(BIN)/python -m components validate "$(CONCEPTS)"

stats: $(BIN)/.runtime ## counts and most connected concepts of $(CONCEPTS)
	$(BIN)/python -m components stats "$(CONCEPTS)"

clean: ## remove the venv and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis

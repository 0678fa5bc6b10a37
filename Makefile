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
# `make run EDIT=1`: an author edits the map in the page (the Edit panel); never on a classroom's server.
EDIT ?=
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

# The JavaScript's checkers (TypeScript, Biome), at the versions package-lock.json pins; only `lint`,
# `typecheck` and `test` need them (Node.js and npm), never `make run`: the map view ships as plain modules.
NODE_BIN := node_modules/.bin
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

run: $(BIN)/.runtime ## open the app on $(CONCEPTS) (CONCEPTS=other.yaml, PORT=8502, HOST=0.0.0.0 for a classroom, EDIT=1 to edit)
	$(BIN)/streamlit run app.py --server.address $(HOST) --server.port $(PORT) \
		$(if $(WILDCARD),--browser.serverAddress $(LAN_ADDRESS)) -- --concepts "$(CONCEPTS)" $(if $(EDIT),--edit)

dev: $(BIN)/.dev ## like run, for working on the code: Streamlit's file watcher on, the app reruns when code is saved
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.fileWatcherType auto --server.runOnSave true \
		-- --concepts "$(CONCEPTS)"

# Two processes (a 2-core machine); a file's tests stay on one, so its servers start once.
test: lint typecheck ## lint, type check, then every test (browser tests skip without Chromium unless REQUIRE_BROWSER=1)
	$(BIN)/python -m pytest -n 2 --dist loadfile

test-fast: $(BIN)/.dev ## the quick tests: no browser, no throwaway venv, no long property runs
	$(BIN)/python -m pytest -m "not browser and not slow"

bench: $(BIN)/.dev ## print the benchmark table (real server and browser; about 10 minutes)
	$(BIN)/python benchmarks/run.py

lint: $(BIN)/.dev node_modules/.installed ## ruff and Biome: lint and format check, Python and JavaScript
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(NODE_BIN)/biome check

format: $(BIN)/.dev node_modules/.installed ## ruff and Biome: fix what can be fixed and format
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(NODE_BIN)/biome check --write

typecheck: $(BIN)/.dev node_modules/.installed ## mypy, strict on components/; tsc on the JavaScript's JSDoc types
	$(BIN)/mypy
	$(NODE_BIN)/tsc --project jsconfig.json

schema: $(BIN)/.runtime ## regenerate concepts.schema.json from the model
	$(BIN)/python -m components schema > concepts.schema.json

validate: $(BIN)/.runtime ## validate $(CONCEPTS)
	$(BIN)/python -m components validate "$(CONCEPTS)"

stats: $(BIN)/.runtime ## counts and most connected concepts of $(CONCEPTS)
	$(BIN)/python -m components stats "$(CONCEPTS)"

clean: ## remove the venv, the JavaScript tools and caches
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache .mypy_cache .hypothesis

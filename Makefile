# The few targets people type. `make lab` and `make test` bootstrap .venv themselves.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: lab test present bench clean cases

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and "relnet needs Python 3.11 (set PYTHON=/path/to/python3.11)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/nbstripout --install --attributes .gitattributes 2>/dev/null || true
	touch $(STAMP)

# Jupyter refuses to run as root unless told; containers often are root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(ROOT_FLAG) $(LAB_ARGS)

# Code-free presentation for trainers: the explorer notebooks in Voila, code hidden.
present: $(STAMP)
	$(BIN)/voila notebooks --no-browser --port=8866 --Voila.ip=127.0.0.1

test: $(STAMP)
	$(BIN)/python -m pytest

# The performance benchmark: a table with ratios, saved as JSON (benchmarks/results/).
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py $(if $(SIZES),--sizes $(SIZES))

cases: $(STAMP)
	$(BIN)/python data/build_cases.py

clean:
	rm -rf $(VENV) build dist *.egg-info

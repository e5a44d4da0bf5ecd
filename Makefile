# The few targets people type. `make lab` and `make test` bootstrap .venv themselves.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
KERNELS := $(VENV)/.kernels

.PHONY: lab test test-fast lint present bench clean cases

$(STAMP): pyproject.toml $(wildcard relnet/present/voila/*)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "relnet needs Python 3.11 or newer (set PYTHON=/path/to/python3)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[lab,test]'
	$(BIN)/nbstripout --install --attributes .gitattributes 2>/dev/null || true
	touch $(STAMP)

# Compile the numba kernels once, so that the first analysis in a new process is quick.
$(KERNELS): $(STAMP) $(wildcard relnet/network/_kernels/*.py)
	$(BIN)/python -m relnet.network._kernels
	touch $(KERNELS)

# Jupyter refuses to run as root unless told; containers often are root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

# JupyterLab on the notebooks, opened on 00 (the paired scripts live in notebooks/scripts/).
lab: $(KERNELS)
	$(BIN)/jupyter lab --notebook-dir=notebooks \
		--LabApp.default_url=/lab/tree/00_start_here.ipynb $(ROOT_FLAG) $(LAB_ARGS)

# Presentation mode for trainers: one app (a Dutch start page, then the chapters, one case and
# one kernel per browser tab) at http://127.0.0.1:8866. voila.json (read from this folder) sets
# the port, relnet's template and shuts down the kernel of a tab that was closed, after a minute.
present: $(KERNELS)
	$(BIN)/voila notebooks/presentatie.ipynb

# The suite in parallel, a test file per worker (the browser tests share one Voila server).
test: $(KERNELS) lint
	$(BIN)/python -m pytest -n auto --maxprocesses 4 --dist loadfile

# Everything but the browser, notebooks, LibreOffice and slow tests: the loop while you work.
test-fast: $(KERNELS) lint
	$(BIN)/python -m pytest -n auto --maxprocesses 4 --dist load \
		-m "not browser and not notebook and not office and not slow" \
		--ignore=notebooks

lint: $(STAMP)
	$(BIN)/ruff check relnet tests benchmarks data notebooks

# The performance benchmark: a table with ratios, saved as JSON (benchmarks/results/).
bench: $(KERNELS)
	$(BIN)/python benchmarks/bench.py $(if $(SIZES),--sizes $(SIZES))

cases: $(STAMP)
	$(BIN)/python data/build_cases.py

clean:
	rm -rf $(VENV) build dist *.egg-info

"""Notebooks are committed without outputs and stay in sync with their jupytext scripts."""

import json

import jupytext
import pytest
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert NOTEBOOKS and NOTEBOOKS[0].name.startswith("00_")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stripped_and_paired(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    # nbstripout's normal form (sequential cell ids): its git filter then changes nothing
    assert [c.get("id") for c in nb["cells"]] == [str(i) for i in range(len(nb["cells"]))], \
        f"run: nbstripout {path.name}"
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, path.name
    # paired into notebooks/scripts/ (jupytext.toml), so that JupyterLab lists it once
    script = path.parent / "scripts" / path.with_suffix(".py").name
    assert script.exists(), f"scripts/{script.name} is missing: run jupytext --sync {path.name}"
    from_script = jupytext.read(script)
    from_notebook = jupytext.read(path)
    assert [c.source for c in from_script.cells] == [c.source for c in from_notebook.cells]

"""What a reader sees in each notebook: every figure it draws is shown, and nothing a reader
must decode (reprs, dtype lines, function objects, temporary paths, printed lists, warnings).

Each notebook runs once in a fresh kernel, as JupyterLab, nbconvert and Voila run it: without
``%matplotlib inline`` or any other magic. A counter in the kernel records every pyplot figure
created; the cell outputs must hold as many images."""

import re

import nbformat
import pytest
from conftest import ROOT
from nbclient import NotebookClient

pytestmark = pytest.mark.notebook

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

# Installed before the notebook's own cells, never shown: counts pyplot figures as they are
# registered (plt.figure, plt.subplots and everything built on them go through Gcf).
COUNTER = """
from matplotlib._pylab_helpers import Gcf as _Gcf
_relnet_drawn = []
_relnet_register = _Gcf._set_new_active_manager.__func__
def _relnet_count(cls, manager):
    _relnet_drawn.append(manager.num)
    return _relnet_register(cls, manager)
_Gcf._set_new_active_manager = classmethod(_relnet_count)
"""

# Developer output: what Python prints for objects nobody designed for a reader.
DEVELOPER = [
    (re.compile(r"<(function|bound method|module|class) "), "a function or class object"),
    (re.compile(r"\bobject at 0x[0-9a-f]+"), "an object's default repr"),
    (re.compile(r"\bdtype: \w+"), "a pandas Series' dtype line"),
    (re.compile(r"\bName: [^,\n]+, dtype"), "a pandas Series' name line"),
    (re.compile(r"/tmp/|\\Temp\\|/var/folders/"), "a temporary path"),
    (re.compile(r"\bCase\('"), "the Case repr"),
    (re.compile(r"<Figure size"), "a figure's repr instead of the figure"),
    (re.compile(r"<Axes:|<matplotlib\."), "a matplotlib object's repr"),
    (re.compile(r"Traceback|Error\b|Warning\b"), "an error or warning"),
    (re.compile(r"\.\.\.\s*\n.*\[\d+ rows x \d+ columns\]"), "a truncated pandas table"),
]


def run(path):
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(COUNTER))
    nb.cells.append(nbformat.v4.new_code_cell("print(len(_relnet_drawn))"))
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    drawn = int(nb.cells[-1].outputs[0]["text"])
    return nb.cells[1:-1], drawn


def visible(output):
    """(kind, text) of what a reader sees of one output: the richest representation."""
    if output["output_type"] == "stream":
        return "stream", output["text"]
    if output["output_type"] == "error":
        return "error", f"{output['ename']}: {output['evalue']}"
    data = output.get("data", {})
    for kind in ("application/vnd.jupyter.widget-view+json", "image/png", "image/svg+xml",
                 "text/html", "text/markdown"):
        if kind in data:
            return kind, data[kind] if isinstance(data[kind], str) else ""
    return "text/plain", data.get("text/plain", "")


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=lambda p: p.stem)
def executed(request):
    return request.param, *run(request.param)


def test_every_drawn_figure_is_shown(executed):
    path, cells, drawn = executed
    shown = sum(visible(o)[0] in ("image/png", "image/svg+xml")
                for cell in cells if cell.cell_type == "code" for o in cell.outputs)
    assert shown == drawn, f"{path.name}: {drawn} figures drawn, {shown} shown"


def test_no_developer_output(executed):
    path, cells, _ = executed
    found = []
    for number, cell in enumerate(cells, 1):
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            kind, text = visible(output)
            if kind in ("stream", "error", "text/plain"):
                found.append(f"cell {number}: {kind} output {text[:80]!r}")
                continue
            if kind == "text/html":
                text = re.sub(r"<[^>]+>", " ", text)
            for pattern, what in DEVELOPER:
                if kind != "image/svg+xml" and pattern.search(text):
                    found.append(f"cell {number}: {what}: {pattern.search(text).group(0)!r}")
    assert not found, f"{path.name}:\n" + "\n".join(found)


def test_explorer_comes_first(executed):
    """In every notebook with an explorer, the explorer is the first thing the page shows
    (set-up cells above it show nothing); its explanation is the Markdown next to it."""
    path, cells, _ = executed
    shown = [[visible(o)[0] for o in c.outputs] for c in cells
             if c.cell_type == "code" and c.outputs]
    widgets = [i for i, kinds in enumerate(shown)
               if "application/vnd.jupyter.widget-view+json" in kinds]
    if widgets:
        assert widgets[0] == 0, f"{path.name}: {widgets[0]} outputs come before the explorer"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_presentation_prose_has_no_code(path):
    """What presentation mode shows of the prose (every Markdown cell not tagged "analyst")
    names no function, command, file path or identifier: those are for JupyterLab readers."""
    nb = nbformat.read(path, as_version=4)
    found = []
    for number, cell in enumerate(nb.cells, 1):
        if cell.cell_type != "markdown" or "analyst" in cell.metadata.get("tags", []):
            continue
        for pattern in (r"`[^`]+`", r"\b[a-z]+_[a-z_]+\b", r"\bdocs/|\.py\b|relnet \w+ [A-Z]"):
            found += [f"cell {number}: {m}" for m in re.findall(pattern, cell.source)]
    assert found == [], f"{path.name}: {found}"


def test_what_presentation_mode_shows_is_dutch(executed):
    """The tables and text every notebook shows outside its analyst cells pass the same
    Dutch scan as the explorers and the report (tests/test_i18n.py)."""
    from test_i18n import case_names, findings

    import relnet

    path, cells, _ = executed
    names = [n for name in relnet.list_cases()["name"]
             for n in case_names(relnet.load_example(name))]
    found = []
    for number, cell in enumerate(cells, 1):
        if cell.cell_type != "code" or "analyst" in cell.metadata.get("tags", []):
            continue
        for output in cell.outputs:
            kind, text = visible(output)
            if kind in ("text/html", "text/markdown"):
                found += findings(visible_html(text), f"cell {number}", names)
    assert found == [], f"{path.name}:\n" + "\n".join(found)


def visible_html(markup):
    from test_i18n import visible as strip

    return strip(markup)

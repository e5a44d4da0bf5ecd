import hashlib
import random
import textwrap
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent

MINIMAL_META = """\
name: Testcasus
municipality: Proefdorp
fictional: true
waves: [2015, 2017]
"""

MINIMAL_ACTORS = """\
id,name,kind
gem,Gemeente Proefdorp,municipality
zorg,Zorg BV,care_provider
welz,Welzijn,welfare_org
"""


def write_case_files(folder, meta=MINIMAL_META, encoding="utf-8", **tables):
    """Write a case folder from text; tables are given as CSV text (dedented)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if meta is not None:
        (folder / "case.yaml").write_text(textwrap.dedent(meta), encoding="utf-8")
    tables.setdefault("actors", MINIMAL_ACTORS)
    for name, text in tables.items():
        if text is None:
            continue
        data = text if isinstance(text, bytes) else textwrap.dedent(text).encode(encoding)
        (folder / f"{name}.csv").write_bytes(data)
    return folder


def snapshot(path):
    """Content hashes of every file under path, to prove that reading changed nothing."""
    path = Path(path)
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


@pytest.fixture
def case_dir(tmp_path):
    def make(**tables):
        return write_case_files(tmp_path / "case", **tables)
    return make


def pytest_collection_modifyitems(items):
    """Notebooks run by nbval carry the `notebook` marker (`make test-fast` leaves them out)."""
    for item in items:
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.notebook)


@pytest.fixture(autouse=True)
def _close_figures_and_seed():
    random.seed(0)
    yield
    import matplotlib.pyplot as plt
    plt.close("all")

import hashlib
import random
import textwrap
import zipfile
from pathlib import Path

import matplotlib
import openpyxl
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


def goal_chain(n):
    """A goals table of `n` goals in one line: g0 the main goal, each next one below the last
    (labels "Doel 0", "Doel 1", ...)."""
    import pandas as pd

    return pd.DataFrame({"id": [f"g{i}" for i in range(n)],
                         "label": [f"Doel {i}" for i in range(n)],
                         "parent": [None] + [f"g{i}" for i in range(n - 1)]})


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


def run(args, capsys):
    """Run the command line in English; (exit code, stdout + stderr)."""
    from relnet.cli import main

    code = main(["--lang", "en", *map(str, args)])
    out = capsys.readouterr()
    text = out.out + out.err
    assert "Traceback" not in text
    return code, text


def book(path, sheets, shared=True):
    """A workbook from {sheet: rows}; shared=True stores text as shared strings."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


CASE_SHEETS = {
    "case": [["key", "value"], ["name", "X"], ["municipality", "Y"], ["fictional", "ja"]],
    "actors": [["id", "name", "kind"], ["gem", "Gemeente", "gemeente"],
               ["zorg", "Zorg", "zorgaanbieder"]],
    "ties": [["source", "target", "type", "weight"], ["gem", "zorg", "financiering", 3]],
}


def rewrite_member(path, member, change):
    """A copy of a zip (or workbook) with one member's bytes changed by `change`."""
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            target.writestr(info.filename, change(data) if info.filename == member else data)
    return path


def _declare_size(path, member, size):
    """Patch a zip's headers so that `member` declares `size` bytes (its data stays small)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name:
                data[start + offset:start + offset + 4] = size.to_bytes(4, "little")
            start += 4
    path.write_bytes(bytes(data))
    return path


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


# --------------------------------------------------------------------- Voila and Chromium
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def voila_server(target, log_name, ready):
    """A generator for a module fixture: `voila target` from the repository's root (so that
    voila.json applies) on a free port, logged to build/<log_name>; yields the base URL once
    `ready(port)` answers (it raises OSError until then), stops the server afterwards."""
    import os
    import shutil
    import subprocess
    import sys
    import time

    port = free_port()
    exe = shutil.which("voila", path=os.path.dirname(sys.executable))
    (ROOT / "build").mkdir(exist_ok=True)
    log = open(ROOT / "build" / log_name, "w")
    proc = subprocess.Popen([exe, target, f"--port={port}"], cwd=ROOT, stdout=log,
                            stderr=subprocess.STDOUT)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            ready(port)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("Voila did not start within 60 s")
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


def chromium_browser(executable):
    """A generator for a module fixture: Debian's Chromium through Playwright, closed after."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()

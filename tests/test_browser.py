"""Presentation mode in a real browser: Voila serves each explorer notebook with the code
hidden; headless Chromium (Debian's, through Playwright) opens it, moves a control, and
checks that the figure or table changed and that the page shows no error."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = ROOT / "build" / "screenshots"

# notebook -> (index of the <select> to change, what must change: "image" or "table")
PAGES = {
    "00_start_here": (0, "table"),
    "01_relationship_network": (2, "image"),
    "02_partner_matrix": (1, "image"),
    "03_goal_tree": (0, "image"),
    "04_governance_roles": (0, "image"),
    "05_lessons_benchmark": (0, "image"),
    "06_transformation_waves": (0, "image"),
}

if not os.path.exists(CHROMIUM):
    if os.environ.get("CI"):
        pytest.fail("CI must run the browser test: /usr/bin/chromium is missing "
                    "(.ci/run installs Debian's chromium)", pytrace=False)
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)",
                allow_module_level=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def voila():
    port = free_port()
    exe = shutil.which("voila", path=os.path.dirname(sys.executable))
    log = open(ROOT / "build" / "voila-test.log", "w") if (ROOT / "build").is_dir() else \
        subprocess.DEVNULL
    proc = subprocess.Popen([exe, str(ROOT / "notebooks"), "--no-browser", f"--port={port}",
                             "--Voila.ip=127.0.0.1"], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("Voila did not start within 60 s")
    yield url
    proc.terminate()
    proc.wait(timeout=20)
    if log is not subprocess.DEVNULL:
        log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield chromium
        chromium.close()


@pytest.mark.parametrize("notebook", list(PAGES))
def test_explorer_in_voila(voila, browser, notebook):
    select_index, changes = PAGES[notebook]
    # tall enough for a whole explorer: Voila scrolls inside its own container
    page = browser.new_page(viewport={"width": 1280, "height": 3200})
    page_errors = []
    page.on("pageerror", lambda exc: page_errors.append(str(exc)))
    page.goto(f"{voila}/voila/render/{notebook}.ipynb", timeout=90_000)
    page.wait_for_selector(".widget-dropdown select", timeout=90_000)
    if changes == "image":
        page.wait_for_selector("img.widget-image", timeout=60_000)
        before = page.get_attribute("img.widget-image", "src")
    else:
        before = page.inner_text(".widget-html table")
    # code is hidden in presentation mode: no source line is visible
    assert "import relnet" not in page.inner_text("body")
    select = page.query_selector_all(".widget-dropdown select")[select_index]
    count = select.evaluate("e => e.options.length")
    current = select.evaluate("e => e.selectedIndex")
    select.select_option(index=(current + 1) % count)
    if changes == "image":
        page.wait_for_function(
            "s => document.querySelector('img.widget-image').getAttribute('src') !== s",
            arg=before, timeout=30_000)
    else:
        page.wait_for_function(
            "s => document.querySelector('.widget-html table').innerText !== s",
            arg=before, timeout=30_000)
    text = page.inner_text("body")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    explorer = page.locator(".widget-vbox:has(img.widget-image)" if changes == "image"
                            else ".widget-vbox:has(.widget-html table)").first
    explorer.screenshot(path=str(SCREENSHOTS / f"{notebook}.png"))
    assert "Traceback" not in text and "Error" not in text.replace("Errors", "")
    assert not page.query_selector_all('[data-mime-type="application/vnd.jupyter.stderr"]')
    assert not page_errors
    page.close()

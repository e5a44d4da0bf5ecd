"""The presentation app (issue 25): one page, a Dutch start page, chapters, one case.

The first tests drive the app and its explorers in Python (no browser). The tests marked
``browser`` run ``make present``'s command (Voila on notebooks/presentatie.ipynb, from the
repository root so that voila.json applies) in Debian's Chromium at 1280x720 and at 125%
zoom, walk every chapter with "volgende" in one kernel, search, drop an empty and a valid
workbook, and write screenshots to build/screenshots/app-*.png.
"""

import html
import io
import os
import re
import shutil
import socket

import openpyxl
import pytest
from conftest import ROOT, chromium_browser, voila_server

import relnet
from relnet import i18n
from relnet.present.app import CHAPTERS, PresentationApp
from relnet.present.widgets.network import find_actors
from relnet.present.widgets.upload import missing_for_analysis, template_workbook

XLSX_FILE = {"type": "", "size": 1, "last_modified": None}


@pytest.fixture(scope="module")
def app():
    return PresentationApp(start="Welderhoven", lang="nl", warm=False)


def drop(explorer, name, data):
    explorer.upload.value = ({**XLSX_FILE, "name": name, "content": memoryview(data)},)


@pytest.mark.slow
def test_the_app_walks_every_chapter_with_the_chosen_case(app):
    assert app.chapter == "start" and app.buttons["previous"].disabled
    start = app.body.children[0]
    text = " ".join(getattr(c, "value", "") for c in start.children)
    assert "relnet laat zien met wie een gemeente samenwerkt" in text
    assert ".ipynb" not in text
    seen = []
    while not app.buttons["next"].disabled:
        app.step(1)
        seen.append(app.chapter)
        head = app.body.children[0].value
        assert "Welderhoven" in head, head
    assert tuple(seen) == CHAPTERS
    for chapter, ex in app.explorers.items():
        if hasattr(ex, "controls") and "case" in ex.controls:
            assert ex.controls["case"].value == "Welderhoven", chapter
            assert ex.controls["case"].layout.display == "none"  # one case: the app's
    # the figures are drawn for the projector: 14 px text (10 pt at 112 px per inch)
    assert app.explorers["goals"].fit == (0.74, 112)
    assert app.explorers["goals"].views["figure"].layout.width == f"{round(7.6 * 0.74 * 112)}px"


def test_a_case_chosen_on_the_start_page_is_the_case_of_every_chapter(app):
    app.show("start")
    app._case_choice.value = "Haverdonk"  # the start page's case buttons
    assert app.controls["case"].value == "Haverdonk"
    app.step(1)
    network = app.explorers["network"]
    assert network.controls["case"].value == "Haverdonk"
    network.controls["wave"].value = 2015  # the wave chosen goes along to the next chapters
    app.show("lessons")
    assert app.explorers["lessons"].controls["case"].value == "Haverdonk"
    assert app.explorers["lessons"].controls["wave"].value == 2015
    assert "Haverdonk" in app.body.children[0].value


def test_search_forgives_case_accents_and_partial_words():
    names = {"wn": "Wijkteam Noord", "wz": "Wijkteam Zuid", "tc": "Taalcafé Centrum"}
    assert find_actors(names, "wijkteam n") == ["wn"]
    assert find_actors(names, "WIJKTEAM") == ["wz", "wn"]  # the shorter name first
    assert find_actors(names, "taalcafe") == ["tc"]
    assert find_actors(names, "afé cen") == ["tc"]  # parts of words when no word starts so
    assert find_actors(names, "ziekenhuis") == []


def test_the_network_search_shows_the_actor_or_says_why_not():
    from relnet import widgets
    from relnet.present.widgets._base import projector

    with projector():
        ex = widgets.network_explorer(start="Haverdonk", lang="nl")
    ex.controls["search"].value = "wijkteam n"
    assert "<h4>Wijkteam Noord</h4>" in ex.views["card"].value
    actors = relnet.load_example("haverdonk").actors
    noord = actors.loc[actors["name"] == "Wijkteam Noord", "id"].item()
    assert ex.sigma().selected_node == noord
    assert ex.views["search_message"].value == ""
    ex.controls["search"].value = "wijkteam"  # several: the best on the card, the rest below
    assert "<h4>Wijkteam Zuid</h4>" in ex.views["card"].value
    assert sorted(b.description for b in ex.views["suggestions"].children) == [
        "Wijkteam Centrum", "Wijkteam Noord"]
    ex.controls["search"].value = "Kwik Kwek"
    assert "Geen actor gevonden die past bij ‘Kwik Kwek’" in ex.views["search_message"].value
    assert "<h4>" not in ex.views["card"].value and ex.sigma().selected_node is None
    ex.controls["wave"].value = 2015  # the district teams came in 2017
    ex.controls["search"].value = "wijkteam noord"
    assert "‘Wijkteam Noord’ zit niet in de meting van 2015" in \
        ex.views["search_message"].value
    # on the projector a technical term is a tooltip, the plain word stays
    metrics = ex.views["metrics"].value
    assert re.search(r'<abbr class="relnet-term" title="[^"]+">centralisatie naar '
                     r'tussenpositie</abbr><span class="relnet-tech"> \(betweenness '
                     r'centralization\)</span>', metrics), metrics
    assert "tussenpositie (betweenness" not in metrics


def test_the_uitleg_switch_shows_explanations_and_terms(app):
    assert "relnet-plain" in app._dom_classes  # plain Dutch by default
    app.controls["explain"].value = True
    assert "relnet-plain" not in app._dom_classes
    app.controls["explain"].value = False
    assert "relnet-plain" in app._dom_classes


def test_the_template_is_a_dutch_empty_case_that_the_own_data_chapter_refuses(tmp_path):
    data = template_workbook("nl")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames[0] == "uitleg"
    assert [c.value for c in book["actors"][1]][:3] == ["id", "naam", "soort"]
    path = tmp_path / "sjabloon.xlsx"
    path.write_bytes(data)
    case = relnet.read_case(path)  # valid, and empty
    assert len(case.actors) == 0
    assert missing_for_analysis(case, "nl").startswith("Deze werkmap is nog leeg")
    assert missing_for_analysis(relnet.load_example("haverdonk")) == ""


@pytest.mark.slow
def test_own_data_refuses_an_empty_case_and_adopts_a_valid_one(tmp_path):
    app = PresentationApp(start="Haverdonk", lang="nl", warm=False)
    app.show("own_data")
    ex = app.explorers["own_data"]
    assert ex.template.description == "Leeg sjabloon (Excel)"
    name, mime, data = ex.template.click()  # one click: the file goes to the browser
    assert name == "relnet_sjabloon.xlsx" and data[:2] == b"PK"
    drop(ex, "sjabloon.xlsx", data)
    assert html.escape(i18n.t("app.empty_case", "nl")) in ex.views["status"].value
    assert ex.case() is None and app.case == "Haverdonk"
    # actors but no ties: no network to analyse
    case = relnet.load_example("lindermeer")
    lonely = case.copy(ties=case.ties.iloc[0:0])
    relnet.write_case(lonely, tmp_path / "zonder.xlsx")
    drop(ex, "zonder.xlsx", (tmp_path / "zonder.xlsx").read_bytes())
    assert "maar geen relaties" in ex.views["status"].value and ex.case() is None
    # a valid workbook becomes the session's case, also of the network chapter
    own = case.copy()
    own.meta = {**own.meta, "municipality": "Voorbeeldstad", "name": "Voorbeeldstad"}
    relnet.write_case(own, tmp_path / "eigen.xlsx")
    drop(ex, "eigen.xlsx", (tmp_path / "eigen.xlsx").read_bytes())
    assert ex.case() is not None and app.case == "Voorbeeldstad"
    assert "Voorbeeldstad is nu de casus van alle hoofdstukken" in ex.views["status"].value
    app.show("network")
    network = app.explorers["network"]
    assert network.controls["case"].value == "Voorbeeldstad"
    assert network.selection()[0].meta["municipality"] == "Voorbeeldstad"
    # the report download is one click too
    ex = app.explorers["own_data"]
    name, _, data = ex.downloads.buttons["report"].click()
    assert name.endswith(".html") and b"<html" in data[:500]
    assert f'download="{name}"' in ex.downloads.links.value


def test_jupyterlab_lists_each_notebook_once():
    """What JupyterLab's file browser lists in notebooks/ (its contents API, with jupytext's
    contents manager as `make lab` runs it): each notebook once, the paired scripts in a
    folder of their own."""
    import asyncio
    import inspect

    from jupytext import AsyncTextFileContentsManager

    manager = AsyncTextFileContentsManager(root_dir=str(ROOT / "notebooks"))
    listing = manager.get("", content=True)
    listing = (asyncio.run(listing) if inspect.isawaitable(listing) else listing)["content"]
    names = sorted(item["name"] for item in listing)
    stems = [n.rsplit(".", 1)[0] for n in names if item_is_file(listing, n)]
    assert len(stems) == len(set(stems)), names
    assert "00_start_here.ipynb" in names and "00_start_here.py" not in names
    assert (ROOT / "notebooks" / "scripts" / "00_start_here.py").is_file()
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--LabApp.default_url=/lab/tree/00_start_here.ipynb" in makefile


def item_is_file(listing, name):
    return next(i for i in listing if i["name"] == name)["type"] != "directory"


# --------------------------------------------------------------------------- in the browser

CHROMIUM = shutil.which("chromium")
SCREENSHOTS = ROOT / "build" / "screenshots"
browser = pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"),
                             reason="Debian's chromium is not installed")

READY = """() => {
  const app = document.querySelector('.relnet-app');
  if (!app || app.querySelector('.relnet-busy')) { return false; }
  const images = [...app.querySelectorAll('.relnet-explorer img')].filter(
    i => i.offsetParent !== null);
  return images.every(i => i.complete && i.naturalWidth > 0);
}"""


@pytest.fixture(scope="module")
def present():
    """`make present`'s command on a free port."""
    def listening(port):  # a GET of the page would start a kernel
        socket.create_connection(("127.0.0.1", port), timeout=2).close()

    yield from (url + "/" for url in voila_server("notebooks/presentatie.ipynb",
                                                  "voila-app-test.log", listening))


@pytest.fixture(scope="module")
def chromium():
    yield from chromium_browser(CHROMIUM)


def open_app(chromium, url, zoom=1.0):
    """The app in a new tab; zoom 1.25 is Chromium at 125% (a 1024x576 CSS viewport)."""
    context = chromium.new_context(
        viewport={"width": round(1280 / zoom), "height": round(720 / zoom)},
        device_scale_factor=zoom, accept_downloads=True)
    page = context.new_page()
    page.outside = []
    page.on("request", lambda r: page.outside.append(r.url)
            if not r.url.startswith((url, "data:", "blob:")) else None)
    page.goto(url, timeout=120_000)
    page.wait_for_selector(".relnet-start", timeout=120_000)
    return context, page


def shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"app-{name}.png"))


def kernel(page):
    """The page's kernel, and a mark that is gone if the page was ever loaded again."""
    import json

    config = json.loads(page.eval_on_selector("#jupyter-config-data", "e => e.textContent"))
    return config["kernelId"], page.evaluate("() => window.relnetMark = window.relnetMark "
                                             "|| Math.random()")


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def cut_off(page):
    """Elements of the app whose right edge lies beyond the window (cut off sideways)."""
    return page.evaluate("""() => [...document.querySelectorAll(
        '.relnet-app .widget-html, .relnet-app .widget-button, .relnet-app select, '
        + '.relnet-app img, .relnet-app table, .relnet-app input')]
        .filter(e => e.offsetParent !== null)
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
        .map(e => (e.innerText || e.tagName).slice(0, 40))""")


@browser
@pytest.mark.browser
def test_present_opens_on_a_dutch_start_page_and_walks_the_chapters(present, chromium):
    context, page = open_app(chromium, present)
    try:
        assert page.title() == "relnet · presentatie"
        body = page.inner_text("body")
        assert "Kies een casus" in body and "De hoofdstukken" in body
        for word in ("Select items", ".ipynb", "Executing", "Traceback"):
            assert word not in body, word
        shot(page, "start")
        page.get_by_role("button", name="Welderhoven").click()
        mine = kernel(page)
        for chapter in CHAPTERS:
            page.get_by_role("button", name="volgende").click()
            page.locator(f".relnet-page-{chapter}").wait_for(timeout=60_000)
            page.wait_for_function(READY, timeout=60_000)
            title = i18n.t(f"app.chapter_{chapter}", "nl")
            assert title in page.inner_text(".relnet-chapter-head")
            head = page.inner_text(".relnet-chapter-head")
            assert "Welderhoven" in head, head
            if chapter == "network":
                canvas = page.locator(".relnet-explorer canvas").first
                canvas.wait_for(timeout=60_000)
                legend = box(page, ".relnet-map-legend")
                assert box(page, ".relnet-explorer canvas")["y"] >= 0
                assert legend["y"] + legend["height"] <= 720, legend  # map and legend fit
            if chapter == "partners":
                figure = box(page, ".relnet-explorer img")
                assert figure["y"] + figure["height"] <= 720, figure  # the whole matrix
                size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector("
                                     "'.relnet-explorer table.relnet-table, .relnet-explorer "
                                     "p')).fontSize)")
                assert size >= 14
            page.wait_for_timeout(300)
            shot(page, chapter)
            assert cut_off(page) == [], chapter
        assert kernel(page) == mine  # the same page and kernel all along
        assert not page.outside, page.outside
        assert "Traceback" not in page.inner_text("body")
    finally:
        context.close()


@browser
@pytest.mark.browser
def test_search_drop_and_zoom_in_the_browser(present, chromium, tmp_path):
    context, page = open_app(chromium, present, zoom=1.25)
    try:
        shot(page, "start-125")
        assert cut_off(page) == []
        page.get_by_role("button", name=re.compile("Het netwerk")).click()
        page.locator(".relnet-page-network").wait_for(timeout=60_000)
        page.wait_for_function(READY, timeout=60_000)
        search = page.locator(".relnet-explorer input[list]").first
        search.fill("wijkteam n")
        page.locator(".relnet-explorer h4", has_text="Wijkteam Noord").wait_for(
            timeout=30_000)
        shot(page, "network-search-125")
        assert cut_off(page) == []
        search.fill("Kwik Kwek")
        page.get_by_text("Geen actor gevonden die past bij ‘Kwik Kwek’").wait_for(
            timeout=30_000)
        # own data: an empty workbook dropped on the zone is refused with a sentence
        page.locator(".relnet-app select").nth(1).select_option(label="7. Eigen gegevens")
        zone = page.locator(".relnet-dropzone")
        zone.wait_for(timeout=60_000)
        shot(page, "own-data-125")
        assert cut_off(page) == []

        def drop_file(path):
            data = list(path.read_bytes())
            handle = page.evaluate_handle("""([name, data]) => {
                const transfer = new DataTransfer();
                transfer.items.add(new File([new Uint8Array(data)], name));
                return transfer; }""", [path.name, data])
            zone.dispatch_event("drop", {"dataTransfer": handle})

        empty = tmp_path / "leeg.xlsx"
        empty.write_bytes(template_workbook("nl"))
        drop_file(empty)
        page.get_by_text(i18n.t("app.empty_case", "nl")).wait_for(timeout=60_000)
        own = relnet.load_example("lindermeer")
        own.meta = {**own.meta, "municipality": "Voorbeeldstad", "name": "Voorbeeldstad"}
        good = tmp_path / "eigen.xlsx"
        relnet.write_case(own, good)
        drop_file(good)
        page.get_by_text("Voorbeeldstad is nu de casus van alle hoofdstukken").wait_for(
            timeout=60_000)
        with page.expect_download(timeout=60_000) as info:  # one click
            page.get_by_role("button", name=re.compile("Leeg sjabloon")).click()
        assert info.value.suggested_filename == "relnet_sjabloon.xlsx"
        page.locator(".relnet-app select").nth(1).select_option(label="1. Het netwerk")
        page.locator(".relnet-page-network").wait_for(timeout=60_000)
        page.locator(".relnet-chapter-head", has_text="Voorbeeldstad").wait_for(
            timeout=60_000)
        page.wait_for_function(READY, timeout=60_000)
        shot(page, "network-own-case-125")
        assert not page.outside, page.outside
    finally:
        context.close()

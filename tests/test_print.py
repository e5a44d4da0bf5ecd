"""The report printed at A4 by Chromium (Playwright's page.pdf): no table or figure is cut off,
text stays at least 8 pt, and every table's last column reaches the paper. The pages are
rendered to PNG in build/screenshots/ to be looked at."""

import html
import shutil

import pytest
from conftest import ROOT

import relnet

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium")
SCREENSHOTS = ROOT / "build" / "screenshots"
A4_WIDTH_PX = 794  # 210 mm at 96 px per inch
PRINTABLE_PX = 680  # 180 mm: A4 less the @page margins of 15 mm each side

if CHROMIUM is None:
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser.new_page(viewport={"width": A4_WIDTH_PX, "height": 1123})
        browser.close()


@pytest.mark.parametrize("name,lang", [("haverdonk", "nl"), ("brinkeloo", "nl"),
                                       ("lindermeer", "en")])
def test_the_report_prints_on_a4_without_cutting_anything_off(page, name, lang, tmp_path):
    import pypdfium2

    html_path = tmp_path / f"{name}.html"
    relnet.write_report(relnet.load_example(name), html_path, lang=lang)
    page.set_viewport_size({"width": PRINTABLE_PX, "height": 1000})
    page.goto(html_path.as_uri())
    page.emulate_media(media="print")
    # in print layout, nothing sticks out to the right of the printable width
    overflow = page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('table, figure, img, .findings, pre')]
            .filter(e => e.getBoundingClientRect().right > width + 1)
            .map(e => e.tagName + ': ' + (e.innerText || e.getAttribute('alt') || '').slice(0, 60));
    }""")
    assert overflow == []
    smallest = page.evaluate("""() => Math.min(...[...document.querySelectorAll('body *')]
        .filter(e => e.childNodes.length && [...e.childNodes].some(
            n => n.nodeType === 3 && n.textContent.trim()))
        .map(e => parseFloat(getComputedStyle(e).fontSize)))""")
    assert smallest * 0.75 >= 8 - 1e-6, f"smallest text {smallest * 0.75:.1f} pt"
    page.set_viewport_size({"width": A4_WIDTH_PX, "height": 1123})
    pdf_path = tmp_path / f"{name}.pdf"
    page.pdf(path=str(pdf_path), format="A4", print_background=True,
             prefer_css_page_size=True)
    document = pypdfium2.PdfDocument(str(pdf_path))
    assert len(document) >= 4
    text = "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    # the last column of the widest tables reaches the paper
    last = {"nl": ["strategie na de voorgestelde beweging", "gemiddelde bijdrage", "verschilt",
                   "Licentie"],
            "en": ["strategy after the proposed move", "mean contribution", "differs",
                   "Licence"]}[lang]
    flat = " ".join(text.split())
    for header in last:
        assert header in flat, header
    # no page is more than a third empty, except the one before a chapter and the last
    import re

    chapters = [html.unescape(re.sub(r"<[^>]+>", "", t)) for t in
                re.findall(r"<h2>(.*?)</h2>", html_path.read_text("utf-8"))]
    for number in range(len(document) - 1):
        page = document[number]
        height = page.get_size()[1]
        lowest = min(obj.get_bounds()[1] for obj in page.get_objects())
        used = (height - lowest) / height
        following = " ".join(document[number + 1].get_textpage().get_text_range().split())
        if used < 2 / 3:
            assert any(following.startswith(" ".join(c.split())) for c in chapters), \
                (number + 1, round(used, 2), following[:60])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for number in range(min(len(document), 3)):
        document[number].render(scale=1.2).to_pil().save(
            SCREENSHOTS / f"report-{name}-{lang}-a4-p{number + 1}.png")
    document.close()

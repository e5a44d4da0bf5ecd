"""Explorers driven as a trainer would: set a control, check what the views show."""

import base64
import datetime
import html
import io
import re

import pandas as pd
import pytest

import relnet
from relnet import widgets
from relnet.data.vocab import MUNICIPAL_KINDS


@pytest.fixture(scope="module")
def cases():
    return {n: relnet.load_example(n) for n in relnet.list_cases()["name"]}


def rows_of(html_text):
    """The body rows of the first HTML table, as lists of cell texts."""
    body = html_text.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [[html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
            for row in body.split("<tr>")[1:]]


def test_network_explorer_opens_on_its_case_in_dutch():
    ex = widgets.network_explorer(start="Haverdonk")
    assert ex.controls["case"].value == "Haverdonk" and ex.lang == "nl"
    assert ex.controls["wave"].value == 2017 and list(ex.controls["wave"].options) == [2015, 2017]
    assert ex.controls["wave"].description == "Meting"
    assert dict(ex.controls["color"].options) == {"soort actor": "kind", "domein": "domain",
                                                   "cluster": "community"}
    assert ("tussenpositie (betweenness)", "betweenness") in ex.controls["size"].options
    assert ("samenwerking", "collaboration") in ex.controls["types"].options
    sigma = ex.sigma()
    assert sigma is not None and sigma.graph.number_of_nodes() == 38  # the interactive map


def test_network_explorer_numbers_what_if_and_search():
    ex = widgets.network_explorer(start="Haverdonk")
    case = relnet.load_example("haverdonk")
    ex.controls["wave"].value = 2015
    metrics = dict((r[0], r[1]) for r in rows_of(ex.views["metrics"].value))
    assert metrics["aantal actoren"] == "33"
    assert metrics["dichtheid (density)"] == relnet.i18n.number(
        relnet.network_metrics(case, wave=2015)["density"], "nl")
    # what-if: leave out every municipal actor; measures and indicators side by side
    ex.buttons["remove_municipal"].click()
    present = set(relnet.actor_metrics(case, wave=2015).index)
    municipal = set(case.actors.loc[case.actors["kind"].isin(MUNICIPAL_KINDS), "id"])
    assert set(ex.controls["remove"].value) == municipal & present
    assert "wat-als" in ex.views["metrics"].value and "wat-als" in ex.views["indicators"].value
    reduced = relnet.network.graph.remove_actors(case, municipal & present)
    metrics = dict((r[0], r[2]) for r in rows_of(ex.views["metrics"].value))
    assert metrics["aantal actoren"] == str(33 - len(municipal & present))
    links = relnet.i18n.t("metric.n_ties", "nl")
    assert metrics[links] == relnet.i18n.number(
        relnet.network_metrics(reduced, wave=2015)["n_ties"], "nl")
    ex.buttons["reset"].click()
    assert "wat-als" not in ex.views["metrics"].value
    # search: the card shows the actor, the map selects it (with its neighbours)
    ex.controls["search"].value = "Afdeling Sociaal Domein"
    assert "<h4>Afdeling Sociaal Domein</h4>" in ex.views["card"].value
    assert "afdeling" in ex.views["card"].value
    assert ex.sigma().selected_node == "afd_sd"
    # clicking an actor on the map does the same
    ex.sigma().selected_node = "gem"
    assert "<h4>Gemeente Haverdonk</h4>" in ex.views["card"].value
    # tie types narrow the numbers
    before = ex.views["metrics"].value
    ex.controls["types"].value = ("collaboration",)
    assert ex.views["metrics"].value != before


def test_network_explorer_static_map_is_sharp_and_lazy():
    from PIL import Image

    ex = widgets.network_explorer(start="Lindermeer")
    assert ex.views["figure"].value == b""  # not drawn until its tab is opened
    ex.tabs.selected_index = 1
    with Image.open(io.BytesIO(ex.views["figure"].value)) as image:
        assert image.size[0] == 1520  # twice the 760 px it is shown at
    assert ex.views["figure"].layout.width == "760px"


def test_network_explorer_language_and_registered_metric(cases):
    relnet.register_metric("ego", lambda G: {n: len(G[n]) + 1 for n in G}, level="actor")
    try:
        ex = widgets.network_explorer(cases["welderhoven"])
        assert "ego" in dict(ex.controls["size"].options).values()
        ex.controls["size"].value = "ego"
        assert "Verschillen tussen wijken" in ex.views["districts"].value
        assert "Kans voor het bestuur 4" in ex.views["districts"].value
        ex.controls["lang"].value = "en"
        assert ex.controls["wave"].description == "Wave"
        assert "Differences between districts" in ex.views["districts"].value
        assert "co-creation" in ex.views["trust"].value  # law 4, next to the trust scores
    finally:
        relnet.unregister_metric("ego")


def test_network_explorer_downloads():
    ex = widgets.network_explorer(start="Lindermeer")
    for key, suffix, start in (("svg", ".svg", b"<?xml"), ("xlsx", ".xlsx", b"PK"),
                               ("gexf", ".gexf", b"<?xml"), ("graphml", ".graphml", b"<?xml")):
        ex.downloads.buttons[key].click()
        link = ex.downloads.links.value
        name = re.search(r'download="([^"]+)"', link).group(1)
        data = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", link).group(1))
        assert name.endswith(suffix) and data.startswith(start), key
        if key == "xlsx":
            table = pd.read_excel(io.BytesIO(data), sheet_name="profile", engine="openpyxl")
            assert table["indicator"].iloc[0] == "naar buiten gericht"


def _download(ex, key):
    ex.downloads.buttons[key].click()
    link = ex.downloads.links.value
    return base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", link).group(1))


def test_downloads_follow_the_what_if_of_persons_without_naming_them():
    """Persons removed in the what-if are left out of the print map and the network file,
    though both show persons under pseudonyms only."""
    case = relnet.load_example("haverdonk")
    ex = widgets.network_explorer(cases={"h": case}, start="h")
    persons = case.actors.loc[case.actors["person"], ["id", "name"]]
    whole = _download(ex, "gexf").decode()
    ex.controls["remove"].value = ("mz_01", "sp_01")
    svg = _download(ex, "svg").decode()
    assert "zonder 2 actoren (wat-als)" in svg  # SVG text stays text
    smaller = _download(ex, "gexf").decode()
    assert smaller.count("<node ") == whole.count("<node ") - 2
    for text in (whole, smaller, svg):
        assert not any(name.split(" (")[0] in text for name in persons["name"])
        assert not any(f'"{i}"' in text for i in persons["id"])


@pytest.mark.slow
def test_partner_explorer(cases):
    ex = widgets.partner_explorer(cases["lindermeer"], lang="en")
    ex.controls["partner"].value = "jw_west"
    assert ex.controls["influence"].value == 4 and ex.controls["move"].value == "up+right"
    summary = ex.views["summary"].value
    assert "Quadrant now:</b> routine" in summary and \
        "After the move:</b> strategic partner" in summary
    assert "Enter a long-term strategic partnership" in summary  # the strategy after the move
    assert "jongerenwerk" in summary  # the bundle
    figure = ex.views["figure"].value
    ex.controls["influence"].value = 8
    assert "Quadrant now:</b> leverage" in ex.views["summary"].value
    assert ex.views["figure"].value != figure
    ex.controls["move"].value = "down+left"
    assert "After the move:</b> phase out and end" in ex.views["summary"].value
    assert "Proposal: phase the relationship out and end it." in ex.views["summary"].value
    ex.controls["lang"].value = "nl"
    assert "Kwadrant nu:</b> hefboom" in ex.views["summary"].value
    assert dict(ex.controls["move"].options)["omlaag + links"] == "down+left"
    # another partner keeps its own scores; the edited one remembers its edit
    ex.controls["partner"].value = "jeugd_ggz"
    assert ex.controls["influence"].value == 8
    ex.controls["partner"].value = "jw_west"
    assert ex.controls["influence"].value == 8
    assert ex.controls["influence"].layout.width == "440px"  # room for 0-10


def test_goal_and_roles_explorers(cases):
    goals = widgets.goal_explorer(cases, start="Welderhoven")
    coverage = rows_of(goals.views["coverage"].value.split("</h4>", 1)[1])
    labels = [r[0] for r in coverage]
    assert labels[-1] == "geen doel" and "Vroegsignalering schulden" in labels
    assert "Wet van transformatie 1" in goals.views["notes"].value
    roles = widgets.roles_explorer(cases, start="Brakkenveen")
    assert "zowel opdrachtgever als eigenaar" in roles.views["findings"].value
    assert "ernstig" in roles.views["findings"].value  # severity in words
    assert "vp_sd" not in roles.views["findings"].value  # names, not ids
    roles.controls["lang"].value = "en"
    assert "both commissioner and owner" in roles.views["findings"].value


def test_lessons_explorer(cases):
    ex = widgets.lessons_explorer(cases, start="Haverdonk")
    assert "wederzijdse banden met partners" in ex.views["table"].value  # lesson 7's indicator
    figure = ex.views["figure"].value
    ex.controls["kind"].value = "radar"
    assert ex.views["figure"].value != figure
    ex.controls["lesson"].value = 7
    assert "over en weer om hulp" in ex.views["lesson"].value
    assert "(van relnet)" in ex.views["lesson"].value  # relnet's own question, marked
    assert "Kans voor het bestuur 6" in ex.views["notes"].value
    assert "(fictief)" in ex.views["table"].value


@pytest.mark.slow
def test_waves_explorer_never_compares_a_wave_with_itself(cases):
    ex = widgets.waves_explorer(cases, start="Haverdonk")
    assert "Wijkteam Noord" in ex.views["actors"].value and "erbij" in ex.views["actors"].value
    # "from" offers every wave but the last, "to" only the later ones: a wave is never
    # compared with itself, and the earlier wave keeps its colour
    assert list(ex.controls["from"].options) == [2015]
    assert ex.controls["from"].value == 2015 and list(ex.controls["to"].options) == [2017]
    from traitlets import TraitError

    with pytest.raises(TraitError):  # 2017 is not offered as "from"
        ex.controls["from"].value = 2017
    three = relnet.load_example("haverdonk").copy()
    three.meta["waves"] = [2013, 2015, 2017]
    ex3 = widgets.waves_explorer({"drie": three})
    assert list(ex3.controls["from"].options) == [2013, 2015]
    ex3.controls["from"].value = 2015
    assert list(ex3.controls["to"].options) == [2017]
    ex.controls["lang"].value = "en"
    assert "the municipality as connector" in ex.views["metrics"].value


def test_case_browser_filters():
    ex = widgets.case_browser()

    def body_rows():
        return len(rows_of(ex.views["table"].value))

    total = len(relnet.list_cases())
    assert body_rows() == total
    ex.controls["lesson"].value = 9
    assert body_rows() == 1 and "Brakkenveen" in ex.views["table"].value
    assert "Brakkenveen" in ex.views["detail"].value
    ex.controls["lesson"].value = 0
    domains = relnet.list_cases()["domains"]
    rare = next(d for d in sorted({d for ds in domains for d in ds})
                if sum(d in ds for ds in domains) < total)
    ex.controls["domain"].value = rare
    assert body_rows() == sum(rare in ds for ds in domains) < total  # the filter acts
    ex.controls["domain"].value = ""
    ex.controls["size_range"].value = (40, 60)
    n = relnet.list_cases()["n_actors"]
    assert body_rows() == int(((n >= 40) & (n <= 60)).sum())


@pytest.mark.slow
def test_upload_explorer_reports_problems_then_offers_a_report(tmp_path):
    import openpyxl

    relnet.write_case(relnet.load_example("lindermeer"), tmp_path / "l.xlsx")
    good = (tmp_path / "l.xlsx").read_bytes()
    book = openpyxl.load_workbook(tmp_path / "l.xlsx")
    book["actors"]["C3"] = "zorgaanbeider"
    book.save(tmp_path / "bad.xlsx")
    ex = widgets.upload_explorer()
    ex.upload.value = ({"name": "bad.xlsx", "type": "", "size": 1,
                        "content": memoryview((tmp_path / "bad.xlsx").read_bytes()),
                        "last_modified": datetime.datetime(2026, 1, 1)},)
    problem = rows_of(ex.views["problems"].value)[0]
    assert problem[:3] == ["bad.xlsx, blad 'actors'", "3", "kind"]
    assert "is geen bekende waarde voor soort actor" in problem[3]
    assert ex.case() is None
    ex.upload.value = ({"name": "l.xlsx", "type": "", "size": 1, "content": memoryview(good),
                        "last_modified": datetime.datetime(2026, 1, 1)},)
    assert ex.case() is not None and "geldige casus" in ex.views["status"].value
    ex.downloads.buttons["report"].click()
    assert 'download="lindermeer_rapport.html"' in ex.downloads.links.value


def test_survey_explorer():
    case = relnet.load_example("haverdonk")
    ex = widgets.survey_explorer(case)
    table = rows_of(ex.views["table"].value)
    assert len(table) == len(relnet.network.quality.response_table(case))
    assert "respons" in ex.views["rate"].value
    figure = ex.views["figure"].value
    ex.controls["confirmed"].value = True
    assert ex.views["figure"].value != figure


def test_the_interactive_map_has_a_legend_for_colour_and_size():
    ex = widgets.network_explorer(start="Haverdonk", lang="nl")
    legend = ex.views["legend"].value
    case = relnet.load_example("haverdonk")
    groups = {relnet.i18n.t(f"group.{g}", "nl") for g in
              {relnet.present.plot._style.kind_group(k) for k in
               relnet.network.graph.present_actors(case, 2017)["kind"]}}
    for group in groups:
        assert f"</span>{group}" in legend, group
    assert "grootte: aantal directe contacten (degree)" in legend and "zwarte rand" in legend
    ex.controls["color"].value = "community"
    ex.controls["size"].value = "betweenness"
    legend = ex.views["legend"].value
    assert "<b>kleur: cluster</b>" in legend and "</span>cluster 1" in legend
    assert "grootte: tussenpositie (betweenness)" in legend
    # ipysigma's English controls are hidden by the explorer's own style
    styles = [w.value for w in ex.tabs.children[0].children
              if isinstance(getattr(w, "value", None), str) and "ipysigma" in w.value]
    assert styles and "ipysigma-graph-description" in styles[0]


@pytest.mark.slow
def test_network_explorer_reads_each_indicator_against_chance():
    ex = widgets.network_explorer(start="Haverdonk")
    table = ex.views["indicators"].value
    assert "vergeleken met toeval" in table
    assert "hoger dan bij willekeurig verdeelde rollen" in table
    assert "bandbreedte" in table and "bij toeval" in table and "0,64–1,00" in table


@pytest.mark.slow
def test_waves_explorer_gives_each_change_its_range_and_the_response():
    ex = widgets.waves_explorer(start="Haverdonk")
    view = ex.views["metrics"].value
    assert "bandbreedte" in view and "Respons 2015: 40%, 2017: 64%" in view
    assert "niet goed te vergelijken" in view


@pytest.mark.slow
def test_network_explorer_shows_how_much_the_wijkteams_coding_matters():
    ex = widgets.network_explorer(start="Haverdonk")
    assert "wijkteams zelfstandig" in ex.views["indicators"].value

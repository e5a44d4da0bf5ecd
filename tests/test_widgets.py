"""Explorers driven as a trainer would: set a control, check that the views changed."""

import pytest

import relnet
from relnet import widgets
from relnet.data.vocab import MUNICIPAL_KINDS


@pytest.fixture(scope="module")
def cases():
    return {n: relnet.load_example(n) for n in relnet.list_cases()["name"]}


def snapshot_views(explorer):
    return {k: v.value for k, v in explorer.views.items()}


def test_network_explorer(cases):
    ex = widgets.network_explorer(cases)
    assert ex.views["figure"].value[:4] == b"\x89PNG"
    before = snapshot_views(ex)
    ex.controls["color"].value = "community"
    assert ex.views["figure"].value != before["figure"]
    assert ex.views["metrics"].value == before["metrics"]  # a colour changes no number
    ex.controls["case"].value = "haverdonk"
    assert ex.controls["wave"].value == 2017 and list(ex.controls["wave"].options) == [2015, 2017]
    ex.controls["wave"].value = 2015
    assert ">33<" in ex.views["metrics"].value  # 33 actors in 2015
    # what-if: remove every municipal actor and see metrics and indicators side by side
    ex.buttons["remove_municipal"].click()
    municipal = cases["haverdonk"].actors["kind"].isin(MUNICIPAL_KINDS)
    present_2015 = set(relnet.actor_metrics(cases["haverdonk"], 2015).index)
    removed = set(cases["haverdonk"].actors.loc[municipal, "id"]) & present_2015
    assert set(ex.controls["remove"].value) == removed
    assert "what-if" in ex.views["metrics"].value and "what-if" in ex.views["indicators"].value
    ex.buttons["reset"].click()
    assert "what-if" not in ex.views["metrics"].value
    # an actor's metrics
    ex.controls["actor"].value = "Afdeling Sociaal Domein"
    assert "betweenness" in ex.views["actor"].value
    # tie types
    ex.controls["types"].value = ("collaboration",)
    assert ex.views["metrics"].value != before["metrics"]


def test_network_explorer_language_and_registered_metric(cases):
    relnet.register_metric("ego", lambda G: {n: len(G[n]) + 1 for n in G}, level="actor")
    try:
        ex = widgets.network_explorer(cases["welderhoven"], lang="nl")
        assert ex.controls["wave"].description == "Meting"
        assert "ego" in ex.controls["size"].options
        ex.controls["size"].value = "ego"
        assert "Verschillen tussen wijken" in ex.views["districts"].value
        ex.controls["lang"].value = "en"
        assert ex.controls["wave"].description == "Wave"
        assert "Variation between districts" in ex.views["districts"].value
        assert "co-creation" in ex.views["notes"].value
    finally:
        relnet.unregister_metric("ego")


def test_partner_explorer(cases):
    ex = widgets.partner_explorer(cases["lindermeer"])
    ex.controls["partner"].value = "jw_west"
    assert ex.controls["influence"].value == 4 and ex.controls["move"].value == "up+right"
    assert "routine" in ex.views["summary"].value and "strategic partner" in ex.views["summary"].value
    figure = ex.views["figure"].value
    ex.controls["influence"].value = 8
    assert "leverage" in ex.views["summary"].value
    assert ex.views["figure"].value != figure
    ex.controls["dependency"].value = 6
    assert "strategic partner" in ex.views["summary"].value
    ex.controls["threshold"].value = 7
    assert "leverage" in ex.views["summary"].value
    ex.controls["move"].value = "down+left"
    assert "routine" in ex.views["summary"].value.split("After the move")[1]
    ex.controls["lang"].value = "nl"
    assert "Kwadrant" in ex.views["summary"].value and "hefboom" in ex.views["summary"].value
    # another partner keeps its own scores; the edited one remembers its edit
    ex.controls["partner"].value = "jeugd_ggz"
    assert ex.controls["influence"].value == 8
    ex.controls["partner"].value = "jw_west"
    assert ex.controls["influence"].value == 8 and ex.controls["dependency"].value == 6


def test_goal_and_roles_explorers(cases):
    goals = widgets.goal_explorer(cases)
    goals.controls["case"].value = "welderhoven"
    assert "a_schuld" in goals.views["coverage"].value
    assert goals.views["figure"].value[:4] == b"\x89PNG"
    roles = widgets.roles_explorer(cases)
    roles.controls["case"].value = "brakkenveen"
    assert "commissioner_is_owner" in roles.views["findings"].value
    roles.controls["lang"].value = "nl"
    assert "zowel opdrachtgever als eigenaar" in roles.views["findings"].value


def test_lessons_explorer(cases):
    ex = widgets.lessons_explorer(cases)
    ex.controls["case"].value = "haverdonk"
    assert "mutuality" in ex.views["table"].value
    figure = ex.views["figure"].value
    ex.controls["kind"].value = "radar"
    assert ex.views["figure"].value != figure
    ex.controls["lesson"].value = 7
    assert "ask each other" in ex.views["lesson"].value
    assert "Learn from and with other municipalities" in ex.views["notes"].value
    ex.controls["wave"].value = 2015
    assert ex.views["table"].value


def test_waves_explorer(cases):
    ex = widgets.waves_explorer(cases)
    ex.controls["case"].value = "haverdonk"
    assert "wt_noord" in ex.views["actors"].value and "added" in ex.views["actors"].value
    ex.controls["lang"].value = "nl"
    assert "erbij" in ex.views["actors"].value and "gemeente als spil" in ex.views["metrics"].value
    ex.controls["from"].value = 2017
    assert ">0.000<" in ex.views["metrics"].value.replace(" ", "").replace("\n", "")


def test_case_browser():
    ex = widgets.case_browser()
    def body_rows():
        return ex.views["table"].value.count("<tr>")  # the header row is <tr style=...>

    assert body_rows() == 4
    ex.controls["lesson"].value = 9
    assert body_rows() == 1 and "brakkenveen" in ex.views["table"].value
    assert "Brakkenveen" in ex.views["detail"].value
    ex.controls["lesson"].value = 0
    ex.controls["domain"].value = "housing"
    assert body_rows() == 4
    ex.controls["size_range"].value = (40, 60)
    assert body_rows() == 1 and "welderhoven" in ex.views["table"].value

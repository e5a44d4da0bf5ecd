"""The shipped cases: valid, fictional, complete, and each shows the story it claims."""

import filecmp
import importlib.util

import pytest
from conftest import ROOT

import relnet
from relnet.data.vocab import MUNICIPAL_KINDS
from relnet.present.words import worded

NAMES = ["brakkenveen", "brinkeloo", "haverdonk", "lindermeer", "welderhoven"]


def test_list_cases():
    table = relnet.list_cases()
    assert sorted(table["name"]) == NAMES
    assert table["fictional"].all()
    assert {"title", "municipality", "n_actors", "waves", "lessons", "domains"} <= set(table)


@pytest.mark.parametrize("name", NAMES)
def test_shipped_case_is_complete(name):
    path = relnet.example_path(name)
    assert relnet.validate(path) == []
    case = relnet.load_example(name)
    assert case.meta["fictional"] is True
    assert 25 <= len(case.actors) <= 150
    assert len(case.waves) == 2
    for table, frame in case.tables.items():
        assert len(frame) > 0, f"{name}: {table} is empty"
    for wave in case.waves:
        assert (case.ties["wave"] == wave).sum() > 10
        assert (case.lessons["wave"] == wave).sum() > 0
        assert (case.partners["wave"] == wave).sum() > 0
    assert case.meta["practice"] and case.meta["lessons"]
    for lesson in case.meta["lessons"]:
        assert f"les {lesson})" in case.meta["practice"]
    assert "fictie" in case.meta["practice"] or "fictief" in case.meta["practice"]


def test_load_example_returns_independent_copies():
    a = relnet.load_example("haverdonk")
    a.actors.loc[0, "name"] = "changed"
    assert relnet.load_example("haverdonk").actors.loc[0, "name"] != "changed"


def test_unknown_example_names_the_known_ones():
    with pytest.raises(ValueError, match="haverdonk"):
        relnet.load_example("nowhere")


def _partner_to_partner_share(case, wave):
    municipal = set(case.actors.loc[case.actors["kind"].isin(MUNICIPAL_KINDS), "id"])
    ties = case.ties[case.ties["wave"] == wave]
    neither = ~ties["source"].isin(municipal) & ~ties["target"].isin(municipal)
    return neither.mean()


def test_haverdonk_hub_becomes_network():
    case = relnet.load_example("haverdonk")
    assert _partner_to_partner_share(case, 2015) < 0.05
    assert _partner_to_partner_share(case, 2017) > 0.25
    teams = case.actors[case.actors["kind"] == "district_team"]
    assert len(teams) == 3 and set(teams["waves"]) == {"2017"}


def test_lindermeer_three_youth_work_organisations_to_bundle():
    case = relnet.load_example("lindermeer")
    youth_work = case.actors[(case.actors["kind"] == "welfare_org")
                             & case.actors["name"].str.contains("ongeren|eugdwerk")]
    assert len(youth_work) == 3
    latest = case.partners[(case.partners["wave"] == 2017)
                           & case.partners["actor"].isin(youth_work["id"])]
    assert len(latest) == 3
    assert set(latest["move"]) == {"up+right"}
    assert (latest["influence"] < 5).all()  # not yet effective on their own
    assert latest["note"].str.contains("bundelen").all()


def test_brakkenveen_commissioner_is_owner():
    roles = relnet.load_example("brakkenveen").roles
    body = roles[roles["body"] == "vp_sd"]
    holders = dict(zip(body["role"], body["holder"]))
    assert holders["commissioner"] == holders["owner"] == "weth_b"


def test_welderhoven_has_a_goal_without_partner():
    case = relnet.load_example("welderhoven")
    linked = set(case.goal_links["goal"])
    children = case.goals.groupby("parent")["id"].apply(set).to_dict()

    def covered(goal):
        return goal in linked or any(covered(c) for c in children.get(goal, ()))

    uncovered = [g for g in case.goals["id"] if not covered(g)]
    assert uncovered == ["a_schuld"]


def test_build_script_reproduces_the_shipped_cases(tmp_path):
    spec = importlib.util.spec_from_file_location("build_cases", ROOT / "data" / "build_cases.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(tmp_path)
    for name in NAMES:
        cmp = filecmp.dircmp(tmp_path / name, ROOT / "data" / "cases" / name)
        assert not cmp.left_only and not cmp.right_only
        assert not cmp.diff_files, f"{name}: {cmp.diff_files} differ; run `make cases`"


def test_data_dictionary_documents_every_column():
    text = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    from relnet.data.case import COLUMNS

    for table, columns in COLUMNS.items():
        assert f"`{table}" in text
        for column in columns:
            assert f"`{column}`" in text, column
    assert "fictional" in text and "illustrat" in text


@pytest.mark.slow
def test_brinkeloo_is_built_from_the_sources_and_its_report_says_so():
    """The source-based case: its Dutch report shows the commissioner/owner conflict, the
    bundling of youth work as one move, the tasks without a goal, and no contradiction between
    a partner's strategy and its move."""
    case = relnet.load_example("brinkeloo")
    assert case.goals.loc[case.goals["parent"].isna(), "label"].item() == \
        "Iedereen telt mee en doet mee"
    assert "de vijf bronteksten" in case.meta["source"]
    page = relnet.build_report(case, lang="nl")
    findings = page.split("<h2>Samenvatting", 1)[0]
    assert "is zowel opdrachtgever als eigenaar van Werkbedrijf Brinkstreek (GR)" in findings
    assert ("Voorstel in de partnermatrix: 3 partners gaan samen verder als één partner "
            "('jeugd- en jongerenwerk'" in findings
            and "voorgestelde gezamenlijke beweging: omhoog + links" in findings)
    assert "3 taken (1.200 uur per jaar) dienen geen enkel doel" in findings
    assert "ambtelijk opdrachtgever" in findings  # the official entered as commissioner
    matrix = worded(relnet.partner_matrix(case), "nl")
    for row in matrix.itertuples():
        if row.phase_out:
            assert row.target_strategy == "Voorstel: bouw de relatie af en beëindig haar."
        elif row.affiliated:  # steered through the roles, not the market
            assert row.target_strategy == relnet.i18n.t("strategy.roles", "nl")
        else:
            assert row.target_strategy == relnet.i18n.t(f"strategy.{row.target_quadrant}", "nl")
    youth = matrix[matrix["bundle"] == "jeugd- en jongerenwerk"]
    assert len(youth) == 3 and set(youth["target_quadrant"]) == {"leverage"}

"""The network survey: questionnaires written, filled in as respondents would, collected."""

import os
import shutil
import zipfile

import numpy as np
import openpyxl
import pandas as pd
import pytest
import yaml
from conftest import snapshot
from openpyxl.utils import get_column_letter

import relnet
from relnet import survey
from relnet.data._fingerprint import fingerprint
from relnet.data._inmemory import check_case
from relnet.network.graph import present_actors

WAVE = 2017
SILENT = ("vp_inkoop", "buur_oost")  # asked, but their questionnaires never come back
SCORES = ("reliability", "mission", "openness", "power", "resources", "involvement")

# What respondents fill in: respondent -> row (the other actor) -> column (English key).
FILLED = {
    "gem": {
        "wt_noord": {"collaboration": "ja", "information": "Ja", "reliability": 4,
                     "mission": 3, "openness": 3, "power": 4, "resources": 4,
                     "involvement": 3, "comment": "Wekelijks overleg"},
        "zorg_linde": {"funding": "ja", "collaboration": "nee", "reliability": 2,
                       "mission": 2, "openness": 1, "power": 3, "resources": 3,
                       "involvement": 2},
        "sp_01": {"support": 1},
        "vp_inkoop": {"governance": "ja", "contract": 0},
    },
    "wt_noord": {
        "gem": {"collaboration": "ja", "information": "nee"},
        "zorg_linde": {"referral": "1", "reliability": 3, "mission": 3, "openness": 3,
                       "power": 2, "resources": 2, "involvement": 2},
    },
    "zorg_linde": {
        "gem": {"collaboration": "ja"},
        "wt_noord": {"referral": "ja"},
    },
}

# The ties this must give: source, target, type, directed, confirmed, scores, comment.
NONE6 = (np.nan,) * 6
EXPECTED = [
    ("gem", "wt_noord", "collaboration", False, True, (4, 3, 3, 4, 4, 3), "Wekelijks overleg"),
    ("gem", "wt_noord", "information", False, False, (4, 3, 3, 4, 4, 3), "Wekelijks overleg"),
    ("gem", "zorg_linde", "funding", True, False, (2, 2, 1, 3, 3, 2), None),
    ("gem", "vp_inkoop", "governance", True, False, NONE6, None),
    ("gem", "sp_01", "support", False, False, NONE6, None),
    ("wt_noord", "gem", "collaboration", False, True, NONE6, None),
    ("wt_noord", "zorg_linde", "referral", True, True, (3, 3, 3, 2, 2, 2), None),
    ("zorg_linde", "gem", "collaboration", False, False, NONE6, None),
    ("zorg_linde", "wt_noord", "referral", True, True, NONE6, None),
]


@pytest.fixture(scope="module")
def haverdonk():
    return relnet.load_example("haverdonk")


def _header(key, lang):
    return key if lang == "en" else survey.QUESTIONNAIRE_COLUMNS[key]


def _yes_no(value, lang):
    """The filled-in answer as a respondent of that language types it."""
    if lang == "en" and isinstance(value, str):
        return {"ja": "yes", "Ja": "Yes", "nee": "no"}.get(value, value)
    return value


def fill(path, answers, lang="nl"):
    """Type answers into a questionnaire with openpyxl, as a respondent in Excel would."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    columns = {cell.value: cell.column for cell in sheet[1]}
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    for other, cells in answers.items():
        for key, value in cells.items():
            sheet.cell(rows[other], columns[_header(key, lang)], _yes_no(value, lang))
    book.save(path)


def edit(path, change):
    """Open a questionnaire, let `change(book)` alter it, save it."""
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)


def roster_row(path, actor):
    """The row (as Excel shows it) of `actor` on a questionnaire."""
    book = openpyxl.load_workbook(path, read_only=True)
    ids = [row[0] for row in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    return ids.index(actor) + 1


@pytest.fixture(scope="module")
def blank(tmp_path_factory, haverdonk):
    """The questionnaires of wave 2017 as made, per language (made once, copied per test)."""
    made = {}

    def copy(lang, folder):
        if lang not in made:
            made[lang] = tmp_path_factory.mktemp(f"made_{lang}")
            survey.make_questionnaires(haverdonk, made[lang], wave=WAVE, lang=lang)
        shutil.copytree(made[lang], folder)
        return [folder / f"{a}.xlsx" for a in
                present_actors(haverdonk, WAVE).query("respondent")["id"]]
    return copy


@pytest.fixture
def answered(tmp_path, blank):
    """Questionnaires of wave 2017 as they come back: three filled, two never returned,
    the rest returned without naming a tie."""
    def make(lang="nl"):
        folder = tmp_path / f"back_{lang}"
        paths = blank(lang, folder)
        for respondent, answers in FILLED.items():
            fill(folder / f"{respondent}.xlsx", answers, lang)
        for silent in SILENT:
            (folder / f"{silent}.xlsx").unlink()
        return folder, paths
    return make


def survey_ties(case):
    ties = case.ties[(case.ties["wave"] == WAVE).to_numpy(dtype=bool)]
    return ties.reset_index(drop=True)


# --------------------------------------------------------------------------- round trip


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_round_trip_gives_exactly_what_was_filled_in(answered, haverdonk, lang):
    before = fingerprint(haverdonk)
    folder, paths = answered(lang)
    files = snapshot(folder)
    result = survey.collect(haverdonk, folder, wave=WAVE)

    ties = survey_ties(result)
    got = list(zip(ties["source"], ties["target"], ties["type"], ties["directed"],
                   ties["confirmed"]))
    assert got == [e[:5] for e in EXPECTED]
    assert (ties["reported_by"] == ties["source"]).all()
    assert (ties["wave"] == WAVE).all() and (ties["weight"] == 1.0).all()
    np.testing.assert_array_equal(ties[list(SCORES)].to_numpy(dtype=float),
                                  np.array([e[5] for e in EXPECTED], dtype=float))
    assert [None if pd.isna(c) else c for c in ties["comment"]] == [e[6] for e in EXPECTED]
    assert str(ties["confirmed"].dtype) == "boolean"

    asked = [a for a in present_actors(haverdonk, WAVE).query("respondent")["id"]]
    assert len(asked) == 25 and len(paths) == 25
    response = result.meta["response"]
    assert response == {"wave": WAVE, "asked": asked,
                        "answered": [a for a in asked if a not in SILENT]}
    assert type(response["wave"]) is int and all(type(a) is str for a in response["asked"])
    rate = 23 / 25
    assert relnet.trust_value(result).network["response_rate"] == pytest.approx(rate)
    assert relnet.network.quality.response_rate(result) == pytest.approx(rate)

    # the other wave is untouched, and so are the input case and the workbooks
    old = haverdonk.ties[(haverdonk.ties["wave"] != WAVE).to_numpy(dtype=bool)]
    kept = result.ties[(result.ties["wave"] != WAVE).to_numpy(dtype=bool)]
    pd.testing.assert_frame_equal(kept.reset_index(drop=True), old.reset_index(drop=True))
    assert len(result.ties) == len(old) + len(EXPECTED)
    assert fingerprint(haverdonk) == before and "response" not in haverdonk.meta
    assert snapshot(folder) == files
    check_case(result, writing=True)


@pytest.mark.slow
def test_confirmed_graph_and_wave_changes(answered, haverdonk):
    folder, _ = answered()
    result = survey.collect(haverdonk, folder, wave=WAVE)
    confirmed = relnet.collapsed_graph(result, confirmed_only=True)
    assert {frozenset(e) for e in confirmed.edges} == {
        frozenset({"gem", "wt_noord"}), frozenset({"wt_noord", "zorg_linde"})}
    everything = relnet.collapsed_graph(result)
    assert everything.number_of_edges() == 5
    # the batch job counts confirmed ties alike: only wt_noord lies between two actors
    # (gem and zorg_linde), once, of (n-1)(n-2)/2 pairs
    batch = relnet.centrality_batch(result, wave=WAVE, confirmed_only=True, progress=False)
    n = len(batch)
    assert batch.loc["wt_noord", "betweenness"] == pytest.approx(2 / ((n - 1) * (n - 2)))
    assert batch["betweenness"].drop("wt_noord").eq(0).all()
    reference = relnet.actor_metrics(result, wave=WAVE, confirmed_only=True)
    assert np.allclose(batch["betweenness"], reference.loc[batch.index, "betweenness"])
    assert np.allclose(batch["closeness"], reference.loc[batch.index, "closeness"])
    assert not relnet.centrality_batch(result, wave=WAVE, progress=False)["betweenness"] \
        .equals(batch["betweenness"])

    changes = relnet.wave_changes(result, 2015, WAVE).ties.set_index(["u", "v"])["status"]
    assert changes[("afd_sd", "vp_inkoop")] == "unknown"  # vp_inkoop did not answer
    assert changes[("afd_sd", "zorg_thuis")] == "lost"  # both answered, neither named it
    assert changes[("gem", "vp_inkoop")] == "kept"  # gem named it again
    assert changes[("gem", "wt_noord")] == "added"


def test_a_collected_case_is_written_and_read_back(answered, haverdonk, tmp_path):
    folder, _ = answered()
    result = survey.collect(haverdonk, folder, wave=WAVE)
    relnet.write_case(result, tmp_path / "collected")
    back = relnet.read_case(tmp_path / "collected")
    assert back.meta["response"] == result.meta["response"]
    assert survey_ties(back)["confirmed"].tolist() == [e[4] for e in EXPECTED]


def test_a_collected_case_is_written_to_a_workbook_and_read_back(answered, haverdonk,
                                                                  tmp_path):
    folder, _ = answered()
    result = survey.collect(haverdonk, folder, wave=WAVE)
    relnet.write_case(result, tmp_path / "collected.xlsx")
    book = openpyxl.load_workbook(tmp_path / "collected.xlsx", read_only=True)
    rows = {k: v for k, v in book["case"].iter_rows(values_only=True)}
    book.close()
    assert rows["response.wave"] == WAVE
    assert rows["response.answered"] == "|".join(result.meta["response"]["answered"])
    back = relnet.read_case(tmp_path / "collected.xlsx")
    assert back.meta["response"] == result.meta["response"]
    assert relnet.network.quality.response_rate(back) == pytest.approx(23 / 25)


@pytest.mark.parametrize("response", [
    {"wave": "twee", "asked": ["gem"], "answered": []},
    {"wave": 2017, "asked": 3, "answered": []},
    {"wave": 2017, "asked": ["gem"], "answered": [], "who": "me"},
    "everyone",
])
def test_a_bad_response_is_named_and_nothing_written(haverdonk, tmp_path, response):
    case = haverdonk.copy()
    case.meta["response"] = response
    with pytest.raises(relnet.CaseError) as error:
        relnet.write_case(case, tmp_path / "out.xlsx")
    (found,) = error.value.problems
    assert (found.column, found.key) == ("response", "bad_response")
    assert "asked en answered" in found.text("nl")
    assert not (tmp_path / "out.xlsx").exists()


@pytest.mark.parametrize("response, column, value, key", [
    ({"wave": 2017, "asked": ["gem", "onbekend"], "answered": ["gem"]},
     "response.asked", "onbekend", "not_id"),
    ({"wave": 2017, "asked": ["gem"], "answered": ["gem", "spook"]},
     "response.answered", "spook", "not_id"),
    ({"wave": 2017, "asked": ["gem"], "answered": ["gem", "raad"]},
     "response.answered", "raad", "not_asked"),
    ({"wave": 2016, "asked": ["gem"], "answered": ["gem"]}, "response.wave", "2016",
     "not_a_wave"),
    ({"wave": 2017, "asked": ["gem", "raad", "gem"], "answered": ["gem"]},
     "response.asked", "gem", "listed_twice"),
])
def test_a_response_that_does_not_fit_the_case(haverdonk, tmp_path, response, column, value,
                                               key):
    """Who was asked and who answered are actors of the case, the answered among the asked,
    in one of its waves: in a file (case.yaml) and in memory alike."""
    case = haverdonk.copy()
    case.meta["response"] = response
    with pytest.raises(relnet.CaseError) as error:
        relnet.network_metrics(case)
    (found,) = error.value.problems
    assert (found.column, found.value, found.key) == (column, value, key)
    relnet.write_case(haverdonk, tmp_path / "case")
    text = (tmp_path / "case" / "case.yaml").read_text(encoding="utf-8")
    yaml_text = "response:\n" + "".join(
        f"  {k}: {v if not isinstance(v, list) else '|'.join(v)}\n" for k, v in response.items())
    (tmp_path / "case" / "case.yaml").write_text(text + yaml_text, encoding="utf-8")
    before = snapshot(tmp_path)
    problems = relnet.validate(tmp_path / "case")
    assert [(p.file, p.column, p.value, p.key) for p in problems] == \
        [("case.yaml", column, value, key)]
    assert snapshot(tmp_path) == before
    dutch = {"not_id": "is niet de id van een actor (toegestaan: een id uit de actorentabel)",
             "not_asked": "heeft geantwoord maar staat niet bij wie gevraagd zijn",
             "not_a_wave": "is geen meting van de casus (toegestaan: 2015, 2017)",
             "listed_twice": "staat twee keer in de lijst (toegestaan: elke id één keer)"}
    assert dutch[key] in problems[0].text("nl")


def test_the_response_counts_as_the_case_says(haverdonk, tmp_path):
    """A response in memory is read as from a file (ids as text, a year as text); an empty
    one is no response; without declared waves its wave must be a year of the data."""
    from relnet.network.quality import response_counts, response_rate

    case = haverdonk.copy()
    case.meta["response"] = {"wave": "2017", "asked": "gem|raad", "answered": "gem"}
    assert response_counts(case) == (1, 2) and response_rate(case) == 0.5
    assert relnet.trust_value(case).network["response_rate"] == 0.5
    assert response_counts(case, wave=2015) == response_counts(haverdonk, wave=2015)  # another wave
    case.meta["response"] = {"wave": None, "asked": None, "answered": None}
    assert response_counts(case) == response_counts(haverdonk)
    # nobody who was asked is left after a what-if: no survey rather than 0 of 23
    case.meta["response"] = {"wave": 2017, "asked": ["gem", "raad"], "answered": ["gem"]}
    smaller = relnet.network.graph.remove_actors(case, ["gem", "raad"])
    assert "response" not in smaller.meta
    # a case without declared waves: the response's wave is checked against the data
    relnet.write_case(haverdonk, tmp_path / "case")
    path = tmp_path / "case" / "case.yaml"
    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    del meta["waves"]
    meta["response"] = {"wave": 1999, "asked": "gem", "answered": "gem"}
    path.write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    (found,) = relnet.validate(tmp_path / "case")
    assert (found.column, found.value, found.key) == ("response.wave", "1999", "not_a_wave")
    assert "2015, 2017" in found.text("nl")


def test_what_if_and_merge_keep_the_response_consistent(answered, haverdonk, tmp_path):
    """Removing actors (a what-if) takes them out of the response; merging two actors
    renames them there as in the tables; the result stays a valid case."""
    folder, _ = answered()
    result = survey.collect(haverdonk, folder, wave=WAVE)
    asked, answered_ = result.meta["response"]["asked"], result.meta["response"]["answered"]
    assert "gem" in answered_ and "vp_inkoop" in asked and "vp_inkoop" not in answered_
    smaller = relnet.network.graph.remove_actors(result, ["gem", "vp_inkoop"])
    response = smaller.meta["response"]
    assert response["asked"] == [a for a in asked if a not in ("gem", "vp_inkoop")]
    assert response["answered"] == [a for a in answered_ if a != "gem"]
    assert relnet.network.quality.response_rate(smaller) == \
        pytest.approx((len(answered_) - 1) / (len(asked) - 2))
    relnet.write_case(smaller, tmp_path / "smaller")  # valid: written and read back
    assert relnet.read_case(tmp_path / "smaller").meta["response"] == response
    merged = relnet.merge_actors(result, {"vp_inkoop": "gem"})
    assert merged.meta["response"]["asked"].count("gem") == 1
    assert "vp_inkoop" not in merged.meta["response"]["asked"]
    relnet.write_case(merged, tmp_path / "merged")
    assert result.meta["response"]["asked"] == asked  # the original is untouched


def test_anonymize_renames_persons_in_the_response(answered, haverdonk):
    folder, _ = answered()
    result = survey.collect(haverdonk, folder, wave=WAVE)
    person = haverdonk.actors.loc[haverdonk.actors["person"].astype(bool), "id"].iloc[0]
    result.meta["response"]["asked"].append(person)  # a person who was asked
    result.meta["response"]["answered"].append(person)
    anon = relnet.anonymize(result, "zout")
    assert person not in anon.meta["response"]["asked"] + anon.meta["response"]["answered"]
    renamed = anon.meta["response"]["answered"][-1]
    assert renamed.startswith("P-") and renamed in set(anon.actors["id"])
    assert anon.meta["response"]["asked"][:-1] == result.meta["response"]["asked"][:-1]


@pytest.mark.slow
def test_simulated_answers_follow_the_case(tmp_path, haverdonk):
    sent = survey.make_questionnaires(haverdonk, tmp_path / "sent", wave=WAVE)
    before = snapshot(tmp_path / "sent")
    filled = survey.simulate_answers(haverdonk, tmp_path / "sent", tmp_path / "back",
                                     wave=WAVE, share=1.0, silent=["gem"], seed=3)
    assert snapshot(tmp_path / "sent") == before  # the questionnaires are not changed
    assert len(filled) == len(sent) - 1 and not (tmp_path / "back" / "gem.xlsx").exists()
    result = survey.collect(haverdonk, tmp_path / "back", wave=WAVE)
    # share 1: every tie of the wave between two respondents who answered comes back
    wave = haverdonk.ties[(haverdonk.ties["wave"] == WAVE).to_numpy(dtype=bool)]
    answered = set(result.meta["response"]["answered"])
    expected = {(s, t, k) for s, t, k in zip(wave["source"], wave["target"], wave["type"])
                if s in answered}
    got = survey_ties(result)
    assert expected <= set(zip(got["source"], got["target"], got["type"]))
    assert got[list(SCORES)].stack().between(2, 4).all()
    again = survey.simulate_answers(haverdonk, tmp_path / "sent", tmp_path / "again",
                                    wave=WAVE, share=1.0, silent=["gem"], seed=3)
    assert [p.read_bytes() != b"" for p in again] and len(again) == len(filled)
    with pytest.raises(ValueError, match="share"):
        survey.simulate_answers(haverdonk, tmp_path / "sent", tmp_path / "x", share=1.5)


def test_questionnaires_of_a_case_without_waves(tmp_path, haverdonk):
    case = relnet.Case(meta={k: v for k, v in haverdonk.meta.items() if k != "waves"},
                       actors=haverdonk.actors.assign(waves=pd.NA),
                       ties=haverdonk.ties.drop(columns="wave").iloc[:10])
    assert case.waves == []
    (path, *_) = survey.make_questionnaires(case, tmp_path / "q")
    book = openpyxl.load_workbook(path, read_only=True)
    title = next(book["toelichting"].iter_rows(values_only=True))[0]
    book.close()
    assert title == "Netwerkenquête Haverdonk"


@pytest.mark.slow
def test_the_command_line_makes_and_collects(tmp_path, capsys):
    from relnet.cli import main

    assert main(["survey", "make", "haverdonk", str(tmp_path / "q"), "--wave", "2017"]) == 0
    assert "25 vragenlijsten geschreven" in capsys.readouterr().out
    for silent in SILENT:
        (tmp_path / "q" / f"{silent}.xlsx").unlink()
    assert main(["survey", "collect", "haverdonk", str(tmp_path / "q"), "-o",
                 str(tmp_path / "c.xlsx"), "--wave", "2017"]) == 0
    assert "23 van de 25 gevraagden antwoordden (92%)" in capsys.readouterr().out
    assert relnet.read_case(tmp_path / "c.xlsx").meta["response"]["wave"] == 2017
    # a bad answer: exit 1, every problem named, nothing written
    book = openpyxl.load_workbook(tmp_path / "q" / "gem.xlsx")
    book["vragenlijst"]["C2"] = "misschien"
    book.save(tmp_path / "q" / "gem.xlsx")
    assert main(["survey", "collect", "haverdonk", str(tmp_path / "q"), "-o",
                 str(tmp_path / "d.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "gem.xlsx, blad 'vragenlijst', rij 2, kolom 'samenwerking'" in err
    assert not (tmp_path / "d.xlsx").exists()
    # existing questionnaires are not overwritten
    assert main(["survey", "make", "haverdonk", str(tmp_path / "q")]) == 2


@pytest.mark.slow
def test_dutch_and_english_questionnaires_collect_alike(answered, haverdonk):
    dutch = survey.collect(haverdonk, answered("nl")[0], wave=WAVE)
    english = survey.collect(haverdonk, answered("en")[0], wave=WAVE)
    pd.testing.assert_frame_equal(survey_ties(dutch), survey_ties(english))
    assert dutch.meta["response"] == english.meta["response"]


def test_nobody_answered(tmp_path, haverdonk):
    survey.make_questionnaires(haverdonk, tmp_path / "q", wave=WAVE)
    for path in (tmp_path / "q").iterdir():
        path.unlink()
    result = survey.collect(haverdonk, tmp_path / "q", wave=WAVE)
    assert len(survey_ties(result)) == 0 and result.meta["response"]["answered"] == []
    assert relnet.trust_value(result).network["response_rate"] == 0.0


def test_collect_an_earlier_wave(tmp_path, haverdonk):
    paths = survey.make_questionnaires(haverdonk, tmp_path / "q", wave=2015)
    assert len(paths) == len(present_actors(haverdonk, 2015).query("respondent"))
    fill(tmp_path / "q" / "gem.xlsx", {"afd_sd": {"governance": "ja"}})
    result = survey.collect(haverdonk, tmp_path / "q", wave=2015)
    ties = result.ties[(result.ties["wave"] == 2015).to_numpy(dtype=bool)]
    assert list(zip(ties["source"], ties["target"], ties["type"])) == [
        ("gem", "afd_sd", "governance")]
    assert (result.ties["wave"] == WAVE).sum() == (haverdonk.ties["wave"] == WAVE).sum()


# --------------------------------------------------------------------------- questionnaire


@pytest.mark.parametrize("lang, sheets, header, yes_no", [
    ("nl", ["vragenlijst", "toelichting", "relnet"],
     ["id", "naam", "samenwerking", "financiering", "inkoop", "zeggenschap", "informatie",
      "doorverwijzing", "steun", "betrouwbaarheid", "missie", "openheid", "invloed",
      "middelen", "betrokkenheid", "opmerking"], '"ja,nee"'),
    ("en", ["roster", "explanation", "relnet"],
     ["id", "name", "collaboration", "funding", "contract", "governance", "information",
      "referral", "support", "reliability", "mission", "openness", "power", "resources",
      "involvement", "comment"], '"yes,no"'),
])
def test_questionnaire_content(tmp_path, haverdonk, lang, sheets, header, yes_no):
    paths = survey.make_questionnaires(haverdonk, tmp_path, wave=WAVE, lang=lang)
    present = present_actors(haverdonk, WAVE)
    assert [p.name for p in paths] == [f"{a}.xlsx" for a in present.query("respondent")["id"]]
    book = openpyxl.load_workbook(tmp_path / "zorg_linde.xlsx")
    assert book.sheetnames == sheets
    roster = book[sheets[0]]
    assert [c.value for c in roster[1]] == header
    others = present[present["id"] != "zorg_linde"]
    rows = list(roster.iter_rows(min_row=2, values_only=True))
    assert [r[:2] for r in rows] == list(zip(others["id"], others["name"]))
    assert all(v is None for r in rows for v in r[2:])
    last = len(others) + 1
    assert last == 38

    checks = {str(dv.sqref): dv for dv in roster.data_validations.dataValidation}
    assert set(checks) == {f"C2:I{last}", f"J2:O{last}"}
    ties, scores = checks[f"C2:I{last}"], checks[f"J2:O{last}"]
    assert (ties.type, ties.formula1, ties.allow_blank) == ("list", yes_no, True)
    assert (scores.type, scores.operator, scores.formula1, scores.formula2) == \
        ("whole", "between", "1", "4")
    assert ties.showErrorMessage and ties.error == relnet.i18n.t("survey.choose_yes_no", lang)
    # the same words appear as soon as an answer cell is selected
    assert ties.showInputMessage and ties.prompt == ties.error
    assert scores.showInputMessage and scores.prompt == relnet.i18n.t("survey.choose_score", lang)
    # each header carries its question as a cell note
    notes = [roster.cell(1, c).comment.text for c in range(1, 17)]
    assert notes[2] == relnet.i18n.t("survey.tie.collaboration", lang)
    assert notes[12] == relnet.i18n.t("survey.quality.power", lang, municipality="Haverdonk")
    assert notes[15] == relnet.i18n.t("survey.comment", lang)
    # printed: landscape, one page wide, the header on every page, grid lines
    assert roster.page_setup.orientation == "landscape"
    assert (roster.page_setup.fitToWidth, roster.page_setup.fitToHeight) == (1, 0)
    assert roster.sheet_properties.pageSetUpPr.fitToPage
    assert roster.print_title_rows == "$1:$1" and roster.print_options.gridLines

    assert roster.protection.sheet and book.security.lockStructure
    assert roster.freeze_panes == "C2"
    for row in (1, 2, last):
        assert roster.cell(row, 1).protection.locked and roster.cell(row, 2).protection.locked
    assert all(roster.cell(1, c).protection.locked for c in range(1, 17))
    # answer cells are unlocked by their column's style (Excel's unlocked column): the
    # cells carry no style of their own, so Excel gives them the column's
    answers = [get_column_letter(c) for c in range(3, 17)]
    assert not any(roster.column_dimensions[c].protection.locked for c in answers)
    assert roster.column_dimensions["A"].protection.locked
    assert roster.column_dimensions["B"].protection.locked
    assert not any(roster.cell(r, c).has_style for r in (2, last) for c in range(3, 17))
    assert roster.column_dimensions["B"].width >= 20  # the longest name fits
    assert roster.column_dimensions["P"].width >= 40  # room for a comment

    marker = book["relnet"]
    assert marker.sheet_state in ("hidden", "veryHidden")
    values = dict(list(marker.iter_rows(values_only=True))[1:])
    assert values["case"] == haverdonk.name and values["municipality"] == "Haverdonk"
    assert values["wave"] == WAVE and values["respondent"] == "zorg_linde"
    assert len(values["roster"]) == 16


@pytest.mark.parametrize("lang, words", [
    ("nl", ["namens uw organisatie", "Zorggroep De Lindehof", "1 = helemaal niet",
            "4 = heel erg", "een leeg vakje betekent nee", "vertrouwen", "waarde",
            "meting 2017"]),
    ("en", ["on behalf of your organisation", "Zorggroep De Lindehof", "1 = not at all",
            "4 = very much", "a blank cell means no", "trust", "value", "wave 2017"]),
])
def test_the_explanation_sheet(tmp_path, haverdonk, lang, words):
    survey.make_questionnaires(haverdonk, tmp_path, wave=WAVE, lang=lang)
    book = openpyxl.load_workbook(tmp_path / "zorg_linde.xlsx")
    cells = [v for row in book.worksheets[1].iter_rows(values_only=True) for v in row if v]
    text = "\n".join(cells)
    for word in words:
        assert word in text
    # every column is explained, tie types and PARTNER items in the catalogue's words
    for key in survey.QUESTIONNAIRE_COLUMNS:
        assert _header(key, lang) in cells
    for key in relnet.data.vocab.TIE_TYPES:
        assert relnet.i18n.t(f"survey.tie.{key}", lang) in cells
    assert relnet.i18n.t("survey.quality.reliability", lang) in cells


def test_questionnaires_are_not_overwritten(tmp_path, haverdonk):
    paths = survey.make_questionnaires(haverdonk, tmp_path, wave=WAVE)
    fill(paths[0], {"raad": {"collaboration": "ja"}})
    before = snapshot(tmp_path)
    with pytest.raises(FileExistsError):
        survey.make_questionnaires(haverdonk, tmp_path, wave=WAVE)
    assert snapshot(tmp_path) == before
    again = survey.make_questionnaires(haverdonk, tmp_path, wave=WAVE, overwrite=True)
    assert again == paths and snapshot(tmp_path)[str(paths[0])] != before[str(paths[0])]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)
    with pytest.raises(NotADirectoryError):
        survey.make_questionnaires(haverdonk, paths[0], wave=WAVE, overwrite=True)
    with pytest.raises(NotADirectoryError):
        survey.collect(haverdonk, tmp_path / "missing")


@pytest.mark.slow
def test_an_id_that_is_no_file_name(tmp_path, haverdonk):
    case = haverdonk.copy()
    case.actors["id"] = case.actors["id"].replace({"raad": "raad/oost"})
    case.ties = case.ties.replace({"raad": "raad/oost"})
    paths = survey.make_questionnaires(case, tmp_path, wave=WAVE)
    assert paths[1].parent == tmp_path and paths[1].name.startswith("raad_oost-")
    fill(paths[1], {"gem": {"collaboration": "ja"}})
    result = survey.collect(case, tmp_path, wave=WAVE)
    assert survey_ties(result)[["source", "target"]].values.tolist() == [["raad/oost", "gem"]]


# --------------------------------------------------------------------------- bad input


def _other_case(folder, case):
    other = relnet.load_example("lindermeer")
    made = survey.make_questionnaires(other, folder.parent / "other", wave=WAVE)
    shutil.copy(made[0], folder / "lindermeer.xlsx")
    return [("lindermeer.xlsx, sheet 'relnet'", 2, "value", other.name, "other_case")]


def _other_wave(folder, case):
    made = survey.make_questionnaires(case, folder.parent / "w2015", wave=2015)
    shutil.copy(made[0], folder / "gem_2015.xlsx")
    return [("gem_2015.xlsx, sheet 'relnet'", 4, "value", "2015", "other_wave")]


def _unknown_respondent(folder, case):
    edit(folder / "raad.xlsx", lambda b: b["relnet"].cell(5, 2, "onbekend"))
    return [("raad.xlsx, sheet 'relnet'", 5, "value", "onbekend", "not_id")]


def _unknown_file_name(folder, case):
    shutil.copy(folder / "gem.xlsx", folder / "onbekend.xlsx")
    edit(folder / "onbekend.xlsx", lambda b: b.remove(b["relnet"]))
    return [("onbekend.xlsx", None, None, None, "no_sheet"),
            ("onbekend.xlsx", None, None, "onbekend", "not_id")]


def _not_asked(folder, case):
    edit(folder / "zorg_thuis.xlsx", lambda b: b["relnet"].cell(5, 2, "mz_01"))
    return [("zorg_thuis.xlsx, sheet 'relnet'", 5, "value", "mz_01", "not_respondent")]


def _row_added(folder, case):
    edit(folder / "afd_sd.xlsx",
         lambda b: b.worksheets[0].append(["nieuw", "Nieuwe partner", "ja"]))
    return [("afd_sd.xlsx, sheet 'vragenlijst'", 39, "id", "nieuw", "not_in_roster")]


def _own_row(folder, case):
    edit(folder / "afd_wi.xlsx", lambda b: b.worksheets[0].cell(2, 1, "afd_wi"))
    return [("afd_wi.xlsx, sheet 'vragenlijst'", 2, "id", "afd_wi", "not_in_roster")]


def _row_twice(folder, case):
    edit(folder / "wt_noord.xlsx", lambda b: b.worksheets[0].cell(3, 1, "gem"))
    return [("wt_noord.xlsx, sheet 'vragenlijst'", 3, "id", "gem", "duplicate")]


def _maybe(folder, case):
    row = roster_row(folder / "wt_zuid.xlsx", "gem")
    edit(folder / "wt_zuid.xlsx", lambda b: b.worksheets[0].cell(row, 3, "misschien"))
    return [("wt_zuid.xlsx, sheet 'vragenlijst'", row, "samenwerking", "misschien",
             "not_bool")]


def _bad_scores(folder, case):
    def change(book):
        sheet = book.worksheets[0]
        sheet.cell(5, 10, 7)
        sheet.cell(5, 11, 0)
        sheet.cell(6, 3, "ja")
        sheet.cell(6, 15, "veel")
        sheet.cell(7, 12, 2.5)
    edit(folder / "welz_hav.xlsx", change)
    label = "welz_hav.xlsx, sheet 'vragenlijst'"
    return [(label, 5, "betrouwbaarheid", "7", "out_of_range"),
            (label, 5, "missie", "0", "out_of_range"),
            (label, 6, "betrokkenheid", "veel", "not_number"),
            (label, 7, "openheid", "2.5", "not_whole")]


def _score_without_tie(folder, case):
    row = roster_row(folder / "school_bron.xlsx", "gem")
    edit(folder / "school_bron.xlsx", lambda b: b.worksheets[0].cell(row, 10, 3))
    return [("school_bron.xlsx, sheet 'vragenlijst'", row, "betrouwbaarheid", "3",
             "score_without_tie")]


def _sheet_renamed(folder, case):
    edit(folder / "bi_tuin.xlsx", lambda b: setattr(b.worksheets[0], "title", "Blad1"))
    return [("bi_tuin.xlsx", None, None, None, "no_sheet")]


def _marker_removed(folder, case):
    edit(folder / "bi_eten.xlsx", lambda b: b.remove(b["relnet"]))
    return [("bi_eten.xlsx", None, None, None, "no_sheet")]


def _twice(folder, case):
    shutil.copy(folder / "gem.xlsx", folder / "gem (1).xlsx")
    return [("gem.xlsx", None, None, "gem", "second_questionnaire")]


def _text_file(folder, case):
    (folder / "x.xlsx").write_text("id;naam\ngem;Gemeente\n", encoding="utf-8")
    return [("x.xlsx", None, None, None, "not_workbook")]


def _broken_zip(folder, case):
    data = (folder / "woon_hav.xlsx").read_bytes()
    (folder / "woon_hav.xlsx").write_bytes(data[: len(data) // 2])
    return [("woon_hav.xlsx", None, None, None, "not_workbook")]


def _damaged_sheet(folder, case):
    path = folder / "roc_have.xlsx"
    with zipfile.ZipFile(path) as source:
        members = {i.filename: source.read(i) for i in source.infolist()}
    members["xl/worksheets/sheet1.xml"] = members["xl/worksheets/sheet1.xml"][:900]
    with zipfile.ZipFile(path, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)
    return [("roc_have.xlsx", None, None, None, "damaged_workbook")]


def _roster_changed(folder, case):
    case.actors = pd.concat([case.actors, pd.DataFrame({
        "id": ["nieuw"], "name": ["Nieuwe partner"], "kind": ["other"], "person": [False],
        "respondent": [False]})], ignore_index=True)
    return []  # every questionnaire: see the test


BAD = [_other_case, _other_wave, _unknown_respondent, _unknown_file_name, _not_asked,
       _row_added, _own_row, _row_twice, _maybe, _bad_scores, _score_without_tie,
       _sheet_renamed,
       _marker_removed, _twice, _text_file, _broken_zip, _damaged_sheet]


@pytest.fixture
def returned(tmp_path, blank):
    folder = tmp_path / "returned"
    blank("nl", folder)
    return folder


def where(p):
    return (p.file, p.row, p.column, None if p.value is None else str(p.value), p.key)


@pytest.mark.parametrize("bad", BAD, ids=lambda f: f.__name__.strip("_"))
def test_bad_input_is_located_and_nothing_is_written(returned, haverdonk, tmp_path, bad):
    expected = bad(returned, haverdonk)
    before = snapshot(tmp_path)
    with pytest.raises(relnet.CaseError) as caught:
        survey.collect(haverdonk, returned, wave=WAVE)
    assert [where(p) for p in caught.value.problems] == expected
    assert snapshot(tmp_path) == before
    for p in caught.value.problems:
        assert p.accepted and p.text("nl") and p.text("en")


def test_two_questionnaires_of_one_respondent_name_both_files(returned, haverdonk):
    shutil.copy(returned / "gem.xlsx", returned / "gem (1).xlsx")
    with pytest.raises(relnet.CaseError) as caught:
        survey.collect(haverdonk, returned, wave=WAVE)
    (problem,) = caught.value.problems
    assert problem.file == "gem.xlsx" and "gem (1).xlsx" in problem.text("en")


@pytest.mark.slow
def test_every_problem_of_every_file_at_once(returned, haverdonk, tmp_path):
    expected = [e for bad in BAD for e in bad(returned, haverdonk)]
    before = snapshot(tmp_path)
    with pytest.raises(relnet.CaseError) as caught:
        survey.collect(haverdonk, returned, wave=WAVE)
    assert sorted(map(where, caught.value.problems), key=str) == sorted(expected, key=str)
    assert snapshot(tmp_path) == before
    files = {p.file.split(",")[0] for p in caught.value.problems}
    assert len(files) == 17


@pytest.mark.slow
def test_messages_in_both_languages(returned, haverdonk):
    _maybe(returned, haverdonk)
    _other_wave(returned, haverdonk)
    with pytest.raises(relnet.CaseError) as caught:
        survey.collect(haverdonk, returned, wave=WAVE)
    texts = [p.text("nl") for p in caught.value.problems]
    assert texts[0] == ("gem_2015.xlsx, blad 'relnet', rij 4, kolom 'value': '2015' "
                        + relnet.i18n.t("problem.other_wave", "nl") + " (toegestaan: "
                        + relnet.i18n.t("accepted.this_wave", "nl", wave=WAVE) + ")")
    assert texts[1].startswith(
        "wt_zuid.xlsx, blad 'vragenlijst', rij 2, kolom 'samenwerking': 'misschien' is geen "
        "ja/nee-waarde (toegestaan: ja of nee")
    english = caught.value.problems[1].text("en")
    assert "sheet 'vragenlijst', row 2, column 'samenwerking'" in english


def test_a_changed_roster_is_recognised(returned, haverdonk):
    case = haverdonk.copy()
    _roster_changed(returned, case)
    with pytest.raises(relnet.CaseError) as caught:
        survey.collect(case, returned, wave=WAVE)
    problems = caught.value.problems
    assert len(problems) == 25 and {p.key for p in problems} == {"roster_changed"}
    assert {p.file for p in problems} == {p.name for p in returned.iterdir()}


SOFFICE = shutil.which("soffice")


@pytest.mark.office
def test_a_questionnaire_opened_in_a_spreadsheet_program(tmp_path, haverdonk):
    """LibreOffice opens a questionnaire and prints it: the roster one page wide with every
    column, the explanation whole (no text cut off at a page edge, wrapped rows tall enough
    to hold their lines)."""
    if SOFFICE is None:
        if os.environ.get("CI"):
            pytest.fail("CI must open a questionnaire in LibreOffice: soffice is missing "
                        "(.ci/run installs Debian's libreoffice-calc-nogui)", pytrace=False)
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
    import subprocess

    import pypdfium2

    survey.make_questionnaires(haverdonk, tmp_path / "sent", wave=WAVE)
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "sent" / "zorg_linde.xlsx")],
                   check=True, capture_output=True, timeout=180)
    pdf = pypdfium2.PdfDocument(tmp_path / "zorg_linde.pdf")
    pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    assert len(pages) == 2  # the roster and the explanation, one page each
    roster, explanation = (" ".join(p.split()) for p in pages)
    assert pdf[0].get_width() > pdf[0].get_height()  # landscape
    assert roster.startswith("id naam samenwerking") and "betrokkenheid opmerking" in roster
    assert "Taalcafé Centrum" in roster  # the last row
    assert "Netwerkenquête Haverdonk, meting 2017" in explanation
    for key in ("survey.how", "survey.trust_value", "survey.keep"):
        text = relnet.i18n.t(key, "nl", sheet="vragenlijst")
        assert " ".join(text.split()) in explanation, key

"""The network survey: questionnaires written, filled in as respondents would, collected.

The v3 behaviour (a holdout round trip, privacy, returns as respondents make them, the
response per wave, LibreOffice) is in test_survey_v3.py."""

import datetime
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

UNCHANGED = "bi_taal"  # comes back as it was sent: not a response
# What respondents fill in: respondent -> row (the other actor) -> column (English key).
FILLED = {
    "gem": {
        "wt_noord": {"collaboration": "ja", "information": "Ja", "reliability": 4,
                     "mission": 3, "openness": 3, "power": 4, "resources": 4,
                     "involvement": 3, "comment": "Wekelijks overleg"},
        "zorg_linde": {"funding": "ja", "collaboration": "nee", "reliability": 2,
                       "mission": 2, "openness": 1, "power": 3, "resources": 3,
                       "involvement": 2},
        "vp_inkoop": {"governance": "ja", "contract": 0},
    },
    "wt_noord": {
        "gem": {"collaboration": "ja", "information": "nee"},
        "zorg_linde": {"referral": "1", "reliability": 3, "mission": 3, "openness": 3,
                       "power": 2, "resources": 2, "involvement": 2},
    },
    "zorg_linde": {
        "gem": {"collaboration": "ja"},
        "wt_noord": {"referral": "ja", "support_received": "x"},
    },
}

# The ties this must give: source, target, type, directed, confirmed, reported_by, scores,
# comment; in the order of the respondent, the other actor and the question. Referral is
# directed: wt_noord -> zorg_linde and zorg_linde -> wt_noord are two ties, each named by
# one side; "steun_ontvangen" is support from the other actor to the respondent.
NONE6 = (np.nan,) * 6
EXPECTED = [
    ("gem", "wt_noord", "collaboration", False, True, "gem", (4, 3, 3, 4, 4, 3),
     "Wekelijks overleg"),
    ("gem", "wt_noord", "information", False, False, "gem", (4, 3, 3, 4, 4, 3),
     "Wekelijks overleg"),
    ("gem", "zorg_linde", "funding", True, False, "gem", (2, 2, 1, 3, 3, 2), None),
    ("gem", "vp_inkoop", "governance", True, False, "gem", NONE6, None),
    ("wt_noord", "gem", "collaboration", False, True, "wt_noord", NONE6, None),
    ("wt_noord", "zorg_linde", "referral", True, False, "wt_noord", (3, 3, 3, 2, 2, 2), None),
    ("zorg_linde", "gem", "collaboration", False, False, "zorg_linde", NONE6, None),
    ("zorg_linde", "wt_noord", "referral", True, False, "zorg_linde", NONE6, None),
    ("wt_noord", "zorg_linde", "support", True, False, "zorg_linde", NONE6, None),
]


@pytest.fixture(scope="module", autouse=True)
def survey_key():
    """The markers' key, as an analyst sets it (RELNET_SURVEY_KEY)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(survey.KEY_VARIABLE, "geheime sleutel")
        yield


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


HEADER = survey.HEADER_ROW
DONE = (len(survey._BLOCK), 3)  # the cell where a respondent says the questionnaire is done


def file_of(case, respondent, wave=WAVE):
    """The file name of a respondent's questionnaire (named after the organisation)."""
    asked = [str(a) for a in relnet.network.quality._asked(case, wave)]
    names = case.actors.set_index("id")["name"]
    return survey._file_names(asked, [names[a] for a in asked])[respondent]


def fill(path, answers, lang="nl", added=(), done=None):
    """Type answers into a questionnaire with openpyxl, as a respondent in Excel would:
    `answers` per listed actor, `added` (name, answers) pairs in the free rows, and `done`
    in the cell that says it is done."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    columns = {cell.value: cell.column for cell in sheet[HEADER]}
    rows = {sheet.cell(r, 1).value: r for r in range(HEADER + 1, sheet.max_row + 1)}
    free = [r for r in range(HEADER + 1, sheet.max_row + 1) if sheet.cell(r, 1).value is None]
    for other, cells in answers.items():
        for key, value in cells.items():
            sheet.cell(rows[other], columns[_header(key, lang)], _yes_no(value, lang))
    for row, (name, cells) in zip(free, added):
        sheet.cell(row, 2, name)
        for key, value in cells.items():
            sheet.cell(row, columns[_header(key, lang)], _yes_no(value, lang))
    if done is not None:
        sheet.cell(*DONE, done)
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
    return ids.index(actor, HEADER) + 1


@pytest.fixture(scope="module")
def blank(tmp_path_factory, haverdonk):
    """The questionnaires of wave 2017 as made, per language (made once, copied per test)."""
    made = {}

    def copy(lang, folder):
        if lang not in made:
            made[lang] = tmp_path_factory.mktemp(f"made_{lang}")
            survey.make_questionnaires(haverdonk, made[lang], wave=WAVE, lang=lang)
        shutil.copytree(made[lang], folder)
        return [folder / file_of(haverdonk, a) for a in
                present_actors(haverdonk, WAVE).query("respondent")["id"]]
    return copy


@pytest.fixture
def answered(tmp_path, blank, haverdonk):
    """Questionnaires of wave 2017 as they come back: three filled, two never returned, one
    returned unchanged, the rest returned "done" without naming a tie."""
    def make(lang="nl"):
        folder = tmp_path / f"back_{lang}"
        paths = blank(lang, folder)
        yes = "ja" if lang == "nl" else "yes"
        for respondent in present_actors(haverdonk, WAVE).query("respondent")["id"]:
            if respondent not in SILENT + (UNCHANGED,):
                fill(folder / file_of(haverdonk, respondent), FILLED.get(respondent, {}),
                     lang, done=yes if respondent not in FILLED else None)
        for silent in SILENT:
            (folder / file_of(haverdonk, silent)).unlink()
        return folder, paths
    return make


def survey_ties(case):
    ties = case.ties[(case.ties["wave"] == WAVE).to_numpy(dtype=bool)]
    return ties.reset_index(drop=True)


# --------------------------------------------------------------------------- round trip


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.slow
def test_round_trip_gives_exactly_what_was_filled_in(answered, haverdonk, lang):
    before = fingerprint(haverdonk)
    folder, paths = answered(lang)
    files = snapshot(folder)
    result = survey.collect(haverdonk, folder, wave=WAVE)

    ties = survey_ties(result)
    got = list(zip(ties["source"], ties["target"], ties["type"], ties["directed"],
                   ties["confirmed"], ties["reported_by"]))
    assert got == [e[:6] for e in EXPECTED]
    assert (ties["wave"] == WAVE).all() and (ties["weight"] == 1.0).all()
    np.testing.assert_array_equal(ties[list(SCORES)].to_numpy(dtype=float),
                                  np.array([e[6] for e in EXPECTED], dtype=float))
    assert [None if pd.isna(c) else c for c in ties["comment"]] == [e[7] for e in EXPECTED]
    assert str(ties["confirmed"].dtype) == "boolean"

    asked = [a for a in present_actors(haverdonk, WAVE).query("respondent")["id"]]
    assert len(asked) == 25 and len(paths) == 25
    response = result.meta["response"]
    assert response == {WAVE: {"asked": asked, "answered": [
        a for a in asked if a not in SILENT + (UNCHANGED,)]}}
    assert all(type(a) is str for a in response[WAVE]["asked"])
    assert result.collection.unchanged.values.tolist() == [
        [file_of(haverdonk, UNCHANGED), UNCHANGED]]
    rate = 22 / 25
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
    # only collaboration between gem and wt_noord was named by both sides; the referrals
    # both ways between wt_noord and zorg_linde are two directed ties, each named once
    assert {frozenset(e) for e in confirmed.edges} == {frozenset({"gem", "wt_noord"})}
    everything = relnet.collapsed_graph(result)
    assert {frozenset(e) for e in everything.edges} == {
        frozenset(p) for p in [("gem", "wt_noord"), ("gem", "zorg_linde"), ("gem", "vp_inkoop"),
                               ("wt_noord", "zorg_linde")]}
    # the batch job counts confirmed ties alike: one tie, so nobody lies between two actors
    batch = relnet.centrality_batch(result, wave=WAVE, confirmed_only=True, progress=False)
    assert batch["betweenness"].eq(0).all()
    reference = relnet.actor_metrics(result, wave=WAVE, confirmed_only=True)
    assert np.allclose(batch["closeness"], reference.loc[batch.index, "closeness"])
    # all ties: gem lies between wt_noord and vp_inkoop, zorg_linde and vp_inkoop: 2 of
    # (n-1)(n-2)/2 pairs
    batch = relnet.centrality_batch(result, wave=WAVE, progress=False)
    n = len(batch)
    assert batch.loc["gem", "betweenness"] == pytest.approx(2 / ((n - 1) * (n - 2) / 2))

    changes = relnet.wave_changes(result, 2015, WAVE).ties.set_index(["u", "v"])["status"]
    assert changes[("afd_sd", "vp_inkoop")] == "unknown"  # vp_inkoop did not answer
    assert changes[("afd_sd", "zorg_thuis")] == "lost"  # both answered, neither named it
    assert changes[("gem", "vp_inkoop")] == "kept"  # gem named it again
    assert changes[("gem", "wt_noord")] == "added"


@pytest.mark.slow
def test_a_collected_case_is_written_and_read_back(answered, haverdonk, tmp_path):
    folder, _ = answered()
    result = survey.collect(haverdonk, folder, wave=WAVE)
    relnet.write_case(result, tmp_path / "collected")
    back = relnet.read_case(tmp_path / "collected")
    assert back.meta["response"] == result.meta["response"]
    assert survey_ties(back)["confirmed"].tolist() == [e[4] for e in EXPECTED]
    assert survey_ties(back)["directed"].tolist() == [e[3] for e in EXPECTED]


@pytest.mark.slow
def test_a_collected_case_is_written_to_a_workbook_and_read_back(answered, haverdonk,
                                                                  tmp_path):
    folder, _ = answered()
    result = survey.collect(haverdonk, folder, wave=WAVE)
    relnet.write_case(result, tmp_path / "collected.xlsx")
    book = openpyxl.load_workbook(tmp_path / "collected.xlsx", read_only=True)
    rows = {r[0]: r[1] for r in book["case"].iter_rows(values_only=True)}
    book.close()
    assert rows[f"response.{WAVE}.answered"] == \
        "|".join(result.meta["response"][WAVE]["answered"])
    back = relnet.read_case(tmp_path / "collected.xlsx")
    assert back.meta["response"] == result.meta["response"]
    assert relnet.network.quality.response_rate(back) == pytest.approx(22 / 25)


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
     "response.2017.asked", "onbekend", "not_id"),
    ({"wave": 2017, "asked": ["gem"], "answered": ["gem", "spook"]},
     "response.2017.answered", "spook", "not_id"),
    ({"wave": 2017, "asked": ["gem"], "answered": ["gem", "raad"]},
     "response.2017.answered", "raad", "not_asked"),
    ({"wave": 2016, "asked": ["gem"], "answered": ["gem"]}, "response", "2016",
     "not_a_wave"),
    ({"wave": 2017, "asked": ["gem", "raad", "gem"], "answered": ["gem"]},
     "response.2017.asked", "gem", "listed_twice"),
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
    assert (found.column, found.value, found.key) == ("response", "1999", "not_a_wave")
    assert "2015, 2017" in found.text("nl")


@pytest.mark.slow
def test_what_if_and_merge_keep_the_response_consistent(answered, haverdonk, tmp_path):
    """Removing actors (a what-if) takes them out of the response; merging two actors
    renames them there as in the tables; the result stays a valid case."""
    folder, _ = answered()
    result = survey.collect(haverdonk, folder, wave=WAVE)
    asked = result.meta["response"][WAVE]["asked"]
    answered_ = result.meta["response"][WAVE]["answered"]
    assert "gem" in answered_ and "vp_inkoop" in asked and "vp_inkoop" not in answered_
    smaller = relnet.network.graph.remove_actors(result, ["gem", "vp_inkoop"])
    response = smaller.meta["response"][WAVE]
    assert response["asked"] == [a for a in asked if a not in ("gem", "vp_inkoop")]
    assert response["answered"] == [a for a in answered_ if a != "gem"]
    assert relnet.network.quality.response_rate(smaller) == \
        pytest.approx((len(answered_) - 1) / (len(asked) - 2))
    relnet.write_case(smaller, tmp_path / "smaller")  # valid: written and read back
    assert relnet.read_case(tmp_path / "smaller").meta["response"][WAVE] == response
    merged = relnet.merge_actors(result, {"vp_inkoop": "gem"})
    assert merged.meta["response"][WAVE]["asked"].count("gem") == 1
    assert "vp_inkoop" not in merged.meta["response"][WAVE]["asked"]
    relnet.write_case(merged, tmp_path / "merged")
    assert result.meta["response"][WAVE]["asked"] == asked  # the original is untouched


@pytest.mark.slow
def test_anonymize_renames_persons_in_the_response(answered, haverdonk):
    folder, _ = answered()
    result = survey.collect(haverdonk, folder, wave=WAVE)
    person = haverdonk.actors.loc[haverdonk.actors["person"].astype(bool), "id"].iloc[0]
    result.meta["response"][WAVE]["asked"].append(person)  # a person who was asked
    result.meta["response"][WAVE]["answered"].append(person)
    anon = relnet.anonymize(result, "zout-lang-genoeg-16")
    response = anon.meta["response"][WAVE]
    assert person not in response["asked"] + response["answered"]
    renamed = response["answered"][-1]
    assert renamed.startswith("P-") and renamed in set(anon.actors["id"])
    assert response["asked"][:-1] == result.meta["response"][WAVE]["asked"][:-1]


@pytest.mark.slow
def test_simulated_answers_follow_the_case(tmp_path, haverdonk):
    sent = survey.make_questionnaires(haverdonk, tmp_path / "sent", wave=WAVE)
    before = snapshot(tmp_path / "sent")
    filled = survey.simulate_answers(haverdonk, tmp_path / "sent", tmp_path / "back",
                                     wave=WAVE, share=1.0, silent=["gem"], seed=3)
    assert snapshot(tmp_path / "sent") == before  # the questionnaires are not changed
    gem = tmp_path / "back" / file_of(haverdonk, "gem")
    assert len(filled) == len(sent) - 1 and not gem.exists()
    result = survey.collect(haverdonk, tmp_path / "back", wave=WAVE)
    assert len(result.meta["response"][WAVE]["answered"]) == len(sent) - 1
    # share 1: every tie of the wave that a respondent who answered reported from its side
    # comes back, with its direction, between actors its questionnaire lists
    wave = haverdonk.ties[(haverdonk.ties["wave"] == WAVE).to_numpy(dtype=bool)]
    answered = set(result.meta["response"][WAVE]["answered"])
    present = present_actors(haverdonk, WAVE)
    listed = set(present.loc[survey.listed_mask(present), "id"])
    expected = {(s, t, k) for s, t, k in zip(wave["source"], wave["target"], wave["type"])
                if s in answered and t in listed}
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
    first = next(book["vragenlijst"].iter_rows(values_only=True))[0]
    book.close()
    assert title == first == "Netwerkenquête Haverdonk"


@pytest.mark.slow
def test_the_command_line_makes_and_collects(tmp_path, capsys, haverdonk):
    from relnet.cli import main

    assert main(["survey", "make", "haverdonk", str(tmp_path / "q"), "--wave", "2017"]) == 0
    assert "25 vragenlijsten geschreven" in capsys.readouterr().out
    for silent in SILENT:
        (tmp_path / "q" / file_of(haverdonk, silent)).unlink()
    for path in (tmp_path / "q").iterdir():  # everyone else says it is done
        fill(path, {}, done="ja")
    assert main(["survey", "collect", "haverdonk", str(tmp_path / "q"), "-o",
                 str(tmp_path / "c.xlsx"), "--wave", "2017"]) == 0
    assert "23 van de 25 gevraagden antwoordden (92%)" in capsys.readouterr().out
    assert list(relnet.read_case(tmp_path / "c.xlsx").meta["response"]) == [2017]
    # a bad answer: exit 1, every problem named, nothing written
    gem = tmp_path / "q" / file_of(haverdonk, "gem")
    book = openpyxl.load_workbook(gem)
    book["vragenlijst"].cell(HEADER + 1, 3, "misschien")
    book.save(gem)
    assert main(["survey", "collect", "haverdonk", str(tmp_path / "q"), "-o",
                 str(tmp_path / "d.xlsx")]) == 1
    err = capsys.readouterr().err
    assert f"{gem.name}, blad 'vragenlijst', rij {HEADER + 1}, kolom 'samenwerking'" in err
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
    """A folder without questionnaires, and one with only unchanged ones, are errors: the
    wave's ties are not replaced by none."""
    survey.make_questionnaires(haverdonk, tmp_path / "q", wave=WAVE)
    with pytest.raises(relnet.CaseError) as caught:
        survey.collect(haverdonk, tmp_path / "q", wave=WAVE)
    assert [where(p) for p in caught.value.problems] == [("q", None, None, None, "no_answers")]
    assert "25 vragenlijsten van deze casus, maar niet één is ingevuld" in \
        caught.value.problems[0].text("nl")
    for path in (tmp_path / "q").iterdir():
        path.unlink()
    with pytest.raises(relnet.CaseError) as caught:
        survey.collect(haverdonk, tmp_path / "q", wave=WAVE)
    assert [where(p) for p in caught.value.problems] == [
        ("q", None, None, None, "no_questionnaires")]


def test_collect_an_earlier_wave(tmp_path, haverdonk):
    paths = survey.make_questionnaires(haverdonk, tmp_path / "q", wave=2015)
    assert len(paths) == len(present_actors(haverdonk, 2015).query("respondent"))
    fill(tmp_path / "q" / file_of(haverdonk, "gem", 2015), {"afd_sd": {"governance": "ja"}})
    result = survey.collect(haverdonk, tmp_path / "q", wave=2015)
    ties = result.ties[(result.ties["wave"] == 2015).to_numpy(dtype=bool)]
    assert list(zip(ties["source"], ties["target"], ties["type"])) == [
        ("gem", "afd_sd", "governance")]
    assert (result.ties["wave"] == WAVE).sum() == (haverdonk.ties["wave"] == WAVE).sum()


# --------------------------------------------------------------------------- questionnaire


@pytest.mark.parametrize("lang, sheets, header, answers", [
    ("nl", ["vragenlijst", "toelichting", "relnet"],
     ["id", "naam", "samenwerking", "financiering", "inkoop", "zeggenschap", "informatie",
      "doorverwijzing", "steun", "steun_ontvangen", "betrouwbaarheid", "missie", "openheid",
      "invloed", "middelen", "betrokkenheid", "opmerking"], '"ja,nee,weet niet,x"'),
    ("en", ["roster", "explanation", "relnet"],
     ["id", "name", "collaboration", "funding", "contract", "governance", "information",
      "referral", "support", "support_received", "reliability", "mission", "openness",
      "power", "resources", "involvement", "comment"], '"yes,no,don\'t know,x"'),
])
def test_questionnaire_content(tmp_path, haverdonk, lang, sheets, header, answers):
    paths = survey.make_questionnaires(haverdonk, tmp_path, wave=WAVE, lang=lang,
                                       deadline=datetime.date(2026, 3, 1),
                                       contact="Anna de Vries, 06-12345678")
    present = present_actors(haverdonk, WAVE)
    assert [p.name for p in paths] == [f"{survey._safe_stem(n)}.xlsx" for n in
                                       present.query("respondent")["name"]]
    assert paths[-1].name == "Taalcafe Centrum.xlsx"  # ASCII: the same on every system
    assert "Zorggroep De Lindehof.xlsx" in {p.name for p in paths}
    book = openpyxl.load_workbook(tmp_path / "Zorggroep De Lindehof.xlsx")
    assert book.sheetnames == sheets and book.active.title == sheets[0]
    roster = book[sheets[0]]
    # the header block: for whom, how, directions, scale, missing partners, deadline, contact
    block = [roster.cell(r, 1).value for r in range(1, HEADER)]
    assert block[0] == relnet.i18n.t("survey.title", lang, municipality="Haverdonk", wave=WAVE)
    assert "Zorggroep De Lindehof" in block[1]
    assert block[3] == relnet.i18n.t("survey.block.directions", lang)
    deadline = {"nl": "Graag terug vóór 1 maart 2026.", "en": "Please return it by 1 March 2026."}
    assert block[7] == f"{deadline[lang]} " + relnet.i18n.t(
        "survey.block.contact", lang, contact="Anna de Vries, 06-12345678")
    assert block[8] == relnet.i18n.t("survey.done", lang)
    assert not roster.cell(*DONE).protection.locked  # "done" can be typed
    assert [c.value for c in roster[HEADER]] == header
    # the grid: every other listed actor, then the free rows under their title
    listed = present[survey.listed_mask(present) & (present["id"] != "zorg_linde").to_numpy()]
    n = len(listed)
    rows = list(roster.iter_rows(min_row=HEADER + 1, values_only=True))
    assert [r[:2] for r in rows[:n]] == list(zip(listed["id"], listed["name"]))
    assert all(v is None for r in rows[:n] for v in r[2:])
    assert rows[n][0] == relnet.i18n.t("survey.section_added", lang)
    free = range(HEADER + n + 2, HEADER + n + 2 + survey.FREE_ROWS)
    assert [roster.cell(r, 1).value for r in free] == [None] * survey.FREE_ROWS
    assert not any(roster.cell(r, 2).protection.locked for r in free)  # a name can be typed
    assert roster.cell(free[-1] + 1, 2).protection.locked
    first, last = HEADER + 1, HEADER + n

    checks = {str(dv.sqref): dv for dv in roster.data_validations.dataValidation}
    ties = checks[f"C{first}:J{last} C{free[0]}:J{free[-1]}"]
    scores = checks[f"K{first}:P{last} K{free[0]}:P{free[-1]}"]
    assert (ties.type, ties.formula1, ties.allow_blank) == ("list", answers, True)
    # a whole score is picked; 3,5 is refused in the cell, with a message saying so
    unknown = relnet.i18n.t("survey.dont_know", lang)
    assert (scores.type, scores.formula1, scores.errorStyle) == \
        ("list", f'"1,2,3,4,{unknown}"', "stop")
    assert "3,5" in relnet.i18n.t("survey.choose_score", "nl")
    assert ties.showErrorMessage and ties.error == relnet.i18n.t("survey.choose_answer", lang)
    assert ties.errorStyle == "warning"  # "Ja " or "1" is let through: collect reads it
    # the same words appear as soon as an answer cell is selected
    assert ties.showInputMessage and ties.prompt == ties.error
    assert scores.showInputMessage and scores.prompt == relnet.i18n.t("survey.choose_score", lang)
    # printed: landscape A4, one page wide at 75% or more (8 pt and up), header on every page
    assert roster.page_setup.orientation == "landscape" and int(roster.page_setup.paperSize) == 9
    assert (roster.page_setup.fitToWidth, roster.page_setup.fitToHeight) == (1, 0)
    assert roster.sheet_properties.pageSetUpPr.fitToPage
    widths = [roster.column_dimensions[get_column_letter(c)].width for c in range(1, 18)]
    assert 100 * survey._PRINTABLE / sum(map(survey._column_points, widths)) >= 75
    assert roster.print_title_rows == f"${HEADER}:${HEADER}" and roster.print_options.gridLines

    assert roster.protection.sheet and book.security.lockStructure
    assert roster.freeze_panes == f"C{first}"
    for row in (HEADER, first, last):
        assert roster.cell(row, 1).protection.locked and roster.cell(row, 2).protection.locked
    assert all(roster.cell(HEADER, c).protection.locked for c in range(1, 18))
    answers_ = [get_column_letter(c) for c in range(3, 18)]
    assert not any(roster.column_dimensions[c].protection.locked for c in answers_)
    assert roster.column_dimensions["A"].protection.locked
    assert roster.column_dimensions["B"].protection.locked
    assert not any(roster.cell(r, c).has_style for r in (first, last) for c in range(3, 18))

    marker = book["relnet"]
    assert marker.sheet_state == "veryHidden" and marker.protection.sheet
    values = dict(list(marker.iter_rows(values_only=True))[1:])
    assert values["case"] == haverdonk.name and values["municipality"] == "Haverdonk"
    assert values["wave"] == WAVE and values["respondent"] == "zorg_linde"
    assert len(values["roster"]) == 16 and len(values["digest"]) == 32
    assert values["digest"] == survey._digest(b"geheime sleutel", haverdonk.name, WAVE,
                                              "zorg_linde", list(listed["id"]))


@pytest.mark.parametrize("lang, words", [
    ("nl", ["namens uw organisatie", "Zorggroep De Lindehof", "1 = helemaal niet",
            "4 = heel erg", "'weet niet'", "vertrouwen", "waarde", "meting 2017",
            "wij financieren hen", "zij steunen ons"]),
    ("en", ["on behalf of your organisation", "Zorggroep De Lindehof", "1 = not at all",
            "4 = very much", "'don't know'", "trust", "value", "wave 2017", "we fund them",
            "they support us"]),
])
def test_the_explanation_sheet(tmp_path, haverdonk, lang, words):
    survey.make_questionnaires(haverdonk, tmp_path, wave=WAVE, lang=lang)
    book = openpyxl.load_workbook(tmp_path / "Zorggroep De Lindehof.xlsx")
    cells = [v for row in book.worksheets[1].iter_rows(values_only=True) for v in row if v]
    text = "\n".join(cells)
    for word in words:
        assert word in text
    # every column is explained, every question and PARTNER item in the catalogue's words
    for key in survey.QUESTIONNAIRE_COLUMNS:
        assert _header(key, lang) in cells
    for key in survey.QUESTIONS:
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
    edit(folder / file_of(case, "raad"), lambda b: b["relnet"].cell(5, 2, "onbekend"))
    return [(f"{file_of(case, 'raad')}, sheet 'relnet'", 5, "value", "onbekend", "not_id")]


def _no_marker(folder, case):
    shutil.copy(folder / file_of(case, "gem"), folder / "onbekend.xlsx")
    edit(folder / "onbekend.xlsx", lambda b: b.remove(b["relnet"]))
    return [("onbekend.xlsx", None, None, None, "no_sheet")]


def _not_asked(folder, case):
    name = file_of(case, "zorg_thuis")
    edit(folder / name, lambda b: b["relnet"].cell(5, 2, "mz_01"))
    return [(f"{name}, sheet 'relnet'", 5, "value", "mz_01", "not_respondent")]


def _marker_to_another_respondent(folder, case):
    """A respondent edits the hidden marker to submit as another organisation."""
    name = file_of(case, "schuld_hulp")
    edit(folder / name, lambda b: b["relnet"].cell(5, 2, "wt_zuid"))
    return [(f"{name}, sheet 'relnet'", 5, "value", "wt_zuid", "marker_changed")]


def _row_added(folder, case):
    row = roster_row(folder / file_of(case, "afd_sd"), "bi_taal") + 2  # the first free row

    def change(book):
        sheet = book.worksheets[0]
        sheet.cell(row, 1, "nieuw")
        sheet.cell(row, 3, "ja")
    edit(folder / file_of(case, "afd_sd"), change)
    return [(f"{file_of(case, 'afd_sd')}, sheet 'vragenlijst'", row, "id", "nieuw",
             "not_in_roster")]


def _own_row(folder, case):
    name = file_of(case, "afd_wi")
    edit(folder / name, lambda b: (b.worksheets[0].cell(HEADER + 1, 1, "afd_wi"),
                                   b.worksheets[0].cell(HEADER + 1, 2, "Afdeling Werk en "
                                                                      "Inkomen")))
    return [(f"{name}, sheet 'vragenlijst'", HEADER + 1, "id", "afd_wi", "not_in_roster")]


def _row_twice(folder, case):
    name = file_of(case, "wt_noord")
    edit(folder / name, lambda b: (b.worksheets[0].cell(HEADER + 2, 1, "gem"),
                                   b.worksheets[0].cell(HEADER + 2, 2, "Gemeente Haverdonk")))
    return [(f"{name}, sheet 'vragenlijst'", HEADER + 2, "id", "gem", "duplicate")]


def _id_column_sorted(folder, case):
    """Only the id column sorted (descending): every id whose place changed no longer
    matches its name, and each is named."""
    name = file_of(case, "ggz_oost")
    path = folder / name
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [r for r in book.worksheets[0].iter_rows(min_row=HEADER + 1, values_only=True)
            if r[0] is not None and r[1] is not None]
    book.close()
    ids = [r[0] for r in rows]
    moved = sorted(ids, reverse=True)

    def change(book):
        for offset, actor in enumerate(moved):
            book.worksheets[0].cell(HEADER + 1 + offset, 1, actor)
    edit(path, change)
    return [(f"{name}, sheet 'vragenlijst'", HEADER + 1 + i, "id", moved[i], "name_mismatch")
            for i in range(len(ids)) if moved[i] != ids[i]]


def _maybe(folder, case):
    name = file_of(case, "wt_zuid")
    row = roster_row(folder / name, "gem")
    edit(folder / name, lambda b: b.worksheets[0].cell(row, 3, "misschien"))
    return [(f"{name}, sheet 'vragenlijst'", row, "samenwerking", "misschien",
             "not_survey_answer")]


def _bad_scores(folder, case):
    """Scores out of range, not a number, half a point, and a score without a tie: every
    problem of the sheet in one run, in the order of rows and columns."""
    first = HEADER + 1

    def change(book):
        sheet = book.worksheets[0]
        sheet.cell(first, 3, "ja")
        sheet.cell(first, 11, 7)
        sheet.cell(first, 12, 0)
        sheet.cell(first + 1, 3, "ja")
        sheet.cell(first + 1, 16, "veel")
        sheet.cell(first + 2, 3, "x")
        sheet.cell(first + 2, 13, "3,5")
        sheet.cell(first + 3, 11, 3)  # no tie on this row
    name = file_of(case, "welz_hav")
    edit(folder / name, change)
    label = f"{name}, sheet 'vragenlijst'"
    return [(label, first, "betrouwbaarheid", "7", "out_of_range"),
            (label, first, "missie", "0", "out_of_range"),
            (label, first + 1, "betrokkenheid", "veel", "not_number"),
            (label, first + 2, "openheid", "3,5", "not_whole"),
            (label, first + 3, "betrouwbaarheid", "3", "score_without_tie")]


def _formula_without_value(folder, case):
    """An answer typed as a formula that no program calculated is not read as "no"."""
    name = file_of(case, "jeugd_kompas")
    edit(folder / name, lambda b: b.worksheets[0].cell(HEADER + 1, 3, '=IF(1=1,"ja","nee")'))
    return [(f"{name}, sheet 'vragenlijst'", HEADER + 1, "samenwerking", None,
             "formula_without_value")]


def _sheet_renamed(folder, case):
    edit(folder / file_of(case, "bi_tuin"), lambda b: setattr(b.worksheets[0], "title",
                                                               "Blad1"))
    return [(file_of(case, "bi_tuin"), None, None, None, "no_sheet")]


def _twice(folder, case):
    shutil.copy(folder / file_of(case, "gem"), folder / "gem (1).xlsx")
    return [("gem (1).xlsx", None, None, "gem", "second_questionnaire")]


def _csv_return(folder, case):
    (folder / "vragenlijst.csv").write_text("id;naam\ngem;Gemeente\n", encoding="utf-8")
    return [("vragenlijst.csv", None, None, None, "csv_return")]


def _text_file(folder, case):
    (folder / "x.xlsx").write_text("id;naam\ngem;Gemeente\n", encoding="utf-8")
    return [("x.xlsx", None, None, None, "not_workbook")]


def _broken_zip(folder, case):
    path = folder / file_of(case, "woon_hav")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return [(path.name, None, None, None, "not_workbook")]


def _damaged_sheet(folder, case):
    path = folder / file_of(case, "roc_have")
    with zipfile.ZipFile(path) as source:
        members = {i.filename: source.read(i) for i in source.infolist()}
    members["xl/worksheets/sheet1.xml"] = members["xl/worksheets/sheet1.xml"][:900]
    with zipfile.ZipFile(path, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)
    return [(path.name, None, None, None, "damaged_workbook")]


def _roster_changed(folder, case):
    case.actors = pd.concat([case.actors, pd.DataFrame({
        "id": ["nieuw"], "name": ["Nieuwe partner"], "kind": ["other"], "person": [False],
        "respondent": [False]})], ignore_index=True)
    return []  # every questionnaire: see the test


BAD = [_other_case, _other_wave, _unknown_respondent, _no_marker, _not_asked,
       _marker_to_another_respondent, _row_added, _own_row, _row_twice, _id_column_sorted,
       _maybe, _bad_scores, _formula_without_value, _sheet_renamed, _twice, _csv_return,
       _text_file, _broken_zip, _damaged_sheet]


@pytest.fixture
def returned(tmp_path, blank):
    folder = tmp_path / "returned"
    blank("nl", folder)
    return folder


def where(p):
    return (p.file, p.row, p.column, None if p.value is None else str(p.value), p.key)


@pytest.mark.parametrize("bad", BAD, ids=lambda f: f.__name__.strip("_"))
@pytest.mark.slow
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
    shutil.copy(returned / file_of(haverdonk, "gem"), returned / "gem (1).xlsx")
    with pytest.raises(relnet.CaseError) as caught:
        survey.collect(haverdonk, returned, wave=WAVE)
    (problem,) = caught.value.problems
    assert problem.file == "gem (1).xlsx"
    assert file_of(haverdonk, "gem") in problem.text("en")


@pytest.mark.slow
def test_every_problem_of_every_file_at_once(returned, haverdonk, tmp_path):
    expected = [e for bad in BAD for e in bad(returned, haverdonk)]
    before = snapshot(tmp_path)
    with pytest.raises(relnet.CaseError) as caught:
        survey.collect(haverdonk, returned, wave=WAVE)
    assert sorted(map(where, caught.value.problems), key=str) == sorted(expected, key=str)
    assert snapshot(tmp_path) == before
    files = {p.file.split(",")[0] for p in caught.value.problems}
    assert len(files) == len(BAD)


@pytest.mark.slow
def test_messages_in_both_languages(returned, haverdonk):
    _maybe(returned, haverdonk)
    _other_wave(returned, haverdonk)
    with pytest.raises(relnet.CaseError) as caught:
        survey.collect(haverdonk, returned, wave=WAVE)
    texts = [p.text("nl") for p in caught.value.problems][::-1]  # in the order of the files
    assert texts[0] == ("gem_2015.xlsx, blad 'relnet', rij 4, kolom 'value': '2015' "
                        + relnet.i18n.t("problem.other_wave", "nl") + " (toegestaan: "
                        + relnet.i18n.t("accepted.this_wave", "nl", wave=WAVE) + ")")
    row = roster_row(returned / file_of(haverdonk, "wt_zuid"), "gem")
    assert texts[1] == (
        f"Wijkteam Zuid.xlsx, blad 'vragenlijst', rij {row}, kolom 'samenwerking': "
        "'misschien' is geen antwoord op deze vraag (toegestaan: ja (of x), nee, weet niet "
        "of leeg)")
    english = caught.value.problems[0].text("en")
    assert f"sheet 'vragenlijst', row {row}, column 'samenwerking'" in english


def test_a_changed_roster_is_recognised(returned, haverdonk):
    case = haverdonk.copy()
    _roster_changed(returned, case)
    with pytest.raises(relnet.CaseError) as caught:
        survey.collect(case, returned, wave=WAVE)
    problems = caught.value.problems
    assert len(problems) == 25 and {p.key for p in problems} == {"roster_changed"}
    assert {p.file for p in problems} == {p.name for p in returned.iterdir()}

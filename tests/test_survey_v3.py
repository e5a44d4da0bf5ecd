"""The network survey as respondents fill it in (DESIGN 2b, v3): a holdout round trip with
answers both ways, a missing partner and "weet niet"; privacy; returns as respondents and
their programs make them; the response per wave; LibreOffice."""

import os
import shutil
import stat
import subprocess

import numpy as np
import openpyxl
import pandas as pd
import pytest
from conftest import snapshot, write_case_files

import relnet
from relnet import survey
from relnet.data._inmemory import check_case

KEY = "sleutel van de onderzoeker"
HEADER = survey.HEADER_ROW
DONE = (len(survey._BLOCK), 3)
SOFFICE = shutil.which("soffice")

# A holdout case (not shipped): four organisations answer; a public administrator, a key
# person who is not public and an informal carer who said yes to being named (openbaar ja).
ACTORS = """\
id,naam,soort,openbaar
gem,Gemeente Proefdorp,gemeente,
wt,Wijkteam Proefdorp,wijkteam,
zorg,Zorg BV,zorgaanbieder,
welz,Welzijn Proefdorp,welzijnsorganisatie,
weth,Anna Bakker (wethouder),bestuurder,
sp,Piet Smit (sleutelpersoon),sleutelpersoon,
mz,Mila Jansen (mantelzorger),informele_hulp,ja
"""
TIES = """\
source,target,type,wave
gem,wt,collaboration,2015
gem,zorg,funding,2015
"""


@pytest.fixture(autouse=True)
def survey_key(monkeypatch):
    monkeypatch.setenv(survey.KEY_VARIABLE, KEY)


@pytest.fixture
def proefdorp(tmp_path):
    return relnet.read_case(write_case_files(tmp_path / "case", actors=ACTORS, ties=TIES))


def book_of(paths, respondent):
    """The questionnaire of `respondent` among `paths` (read from its marker)."""
    for path in paths:
        book = openpyxl.load_workbook(path, read_only=True)
        marker = dict(list(book["relnet"].iter_rows(values_only=True))[1:])
        book.close()
        if marker["respondent"] == respondent:
            return path
    raise LookupError(respondent)


def fill(path, answers=None, added=(), done=None, sort_by_name=False):
    """Fill in a questionnaire as a respondent in a spreadsheet program: answers per listed
    actor (English keys), partners in the free rows, the done cell; `sort_by_name` first
    sorts the list by name, ids moving along."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    columns = {cell.value: cell.column for cell in sheet[HEADER]}
    header = dict(zip(survey.QUESTIONNAIRE_COLUMNS, survey._headers("nl")))
    listed = [r for r in range(HEADER + 1, sheet.max_row + 1)
              if sheet.cell(r, 1).value is not None and sheet.cell(r, 2).value is not None]
    if sort_by_name:
        pairs = sorted((sheet.cell(r, 1).value, sheet.cell(r, 2).value) for r in listed)
        pairs.sort(key=lambda p: p[1], reverse=True)
        for row, (actor, name) in zip(listed, pairs):
            sheet.cell(row, 1, actor)
            sheet.cell(row, 2, name)
    rows = {sheet.cell(r, 1).value: r for r in listed}
    free = [r for r in range(HEADER + 1, sheet.max_row + 1) if sheet.cell(r, 1).value is None]
    for other, cells in (answers or {}).items():
        for key, value in cells.items():
            sheet.cell(rows[other], columns[header[key]], value)
    for row, (name, cells) in zip(free, added):
        sheet.cell(row, 2, name)
        for key, value in cells.items():
            sheet.cell(row, columns[header[key]], value)
    if done is not None:
        sheet.cell(*DONE, done)
    book.save(path)


def fill_proefdorp(paths):
    """Answers both ways of support, a missing partner, "weet niet", one roster sorted by
    name with the ids moved along; Welzijn sends its questionnaire back unchanged."""
    fill(book_of(paths, "gem"), {
        "wt": {"collaboration": "ja", "support": "x", "reliability": 4},
        "zorg": {"funding": "Ja ", "support_received": "weet niet"},
        "welz": {"support_received": 1},
    }, added=[("Stichting Buurtkracht", {"collaboration": "ja", "comment": "nieuw"})])
    fill(book_of(paths, "wt"), {
        "gem": {"collaboration": "ja", "support_received": "ja"},
        "welz": {"referral": "ja", "comment": "via het loket"},
    })
    fill(book_of(paths, "zorg"), {"gem": {"support": "ja"}, "wt": {"information": "JA"}},
         sort_by_name=True)


# The ties the answers must give, hand-made from the questions' directions: source, target,
# type, directed, reported_by, confirmed, reliability, comment.
EXPECTED = [
    ("gem", "wt", "collaboration", False, "gem", True, 4.0, None),
    ("gem", "wt", "support", True, "gem", True, 4.0, None),  # wt: "zij steunen ons"
    ("gem", "zorg", "funding", True, "gem", False, np.nan, None),
    ("welz", "gem", "support", True, "gem", False, np.nan, None),  # welz did not answer
    ("gem", "toegevoegd_01", "collaboration", False, "gem", False, np.nan, "nieuw"),
    ("wt", "gem", "collaboration", False, "wt", True, np.nan, None),
    ("gem", "wt", "support", True, "wt", True, np.nan, None),
    ("wt", "welz", "referral", True, "wt", False, np.nan, "via het loket"),
    ("zorg", "gem", "support", True, "zorg", False, np.nan, None),  # gem: weet niet
    ("zorg", "wt", "information", False, "zorg", False, np.nan, None),
]


def collected_ties(case, wave=2017):
    ties = case.ties[(case.ties["wave"] == wave).to_numpy(dtype=bool)]
    return [(s, t, k, bool(d), r, None if pd.isna(c) else bool(c), q,
             None if pd.isna(m) else m)
            for s, t, k, d, r, c, q, m in zip(
                ties["source"], ties["target"], ties["type"], ties["directed"],
                ties["reported_by"], ties["confirmed"], ties["reliability"], ties["comment"])]


def same(got, expected):
    return len(got) == len(expected) and all(
        g[:6] == e[:6] and (g[6] == e[6] or (np.isnan(g[6]) and np.isnan(e[6])))
        and g[7] == e[7] for g, e in zip(got, expected))


def test_holdout_round_trip_gives_exactly_what_was_filled_in(proefdorp, tmp_path):
    paths = survey.make_questionnaires(proefdorp, tmp_path / "q", wave=2017)
    assert sorted(p.name for p in paths) == ["Gemeente Proefdorp.xlsx", "Welzijn Proefdorp.xlsx",
                                             "Wijkteam Proefdorp.xlsx", "Zorg BV.xlsx"]
    fill_proefdorp(paths)
    before = snapshot(tmp_path / "q")
    result = survey.collect(proefdorp, tmp_path / "q", wave=2017)
    assert snapshot(tmp_path / "q") == before
    assert same(collected_ties(result), EXPECTED), collected_ties(result)
    # the 2015 ties are kept; the response says who was asked and who answered
    def wave_2015(case):
        return case.ties[(case.ties["wave"] == 2015).to_numpy(dtype=bool)].reset_index(drop=True)
    pd.testing.assert_frame_equal(wave_2015(result), wave_2015(proefdorp))
    assert result.meta["response"] == {2017: {"asked": ["gem", "wt", "zorg", "welz"],
                                              "answered": ["gem", "wt", "zorg"]}}
    assert relnet.network.quality.response_rate(result, wave=2017) == pytest.approx(0.75)
    # the added partner: a new actor flagged with who added it, a person until the analyst
    # decides, present in this wave only
    added = result.actors.set_index("id").loc["toegevoegd_01"]
    assert (added["name"], added["kind"], added["added_by"], bool(added["person"]),
            bool(added["respondent"]), added["waves"]) == \
        ("Stichting Buurtkracht", "other", "gem", True, False, "2017")
    report = result.collection
    assert report.added.values.tolist() == [["toegevoegd_01", "Stichting Buurtkracht",
                                             "gem"]]
    assert report.unchanged.values.tolist() == [["Welzijn Proefdorp.xlsx", "welz"]]
    assert report.unknown.values.tolist() == [["gem", "zorg", "support_received"]]
    assert report.skipped == []
    check_case(result, writing=True)
    # written and read back: directions, confirmations and the added actor survive
    relnet.write_case(result, tmp_path / "out")
    back = relnet.read_case(tmp_path / "out")
    assert same(collected_ties(back), EXPECTED)
    assert back.actors.set_index("id").loc["toegevoegd_01", "added_by"] == "gem"
    # mutuality (DESIGN 5) now has answers from both sides: gem and wt named each other
    # pairs with one municipal end, both respondents: gem-zorg (zorg supports gem; gem
    # named only funding, transactional, and "weet niet") and wt-zorg (only zorg named
    # information): neither is mutual; gem-wt has two municipal ends
    profile = relnet.relational_profile(result, wave=2017, se=False).set_index("indicator")
    assert (profile.loc["mutuality", "value"], profile.loc["mutuality", "n"]) == (0.0, 2)


def test_the_survey_explorer_lists_added_partners(proefdorp, tmp_path):
    from relnet import widgets

    paths = survey.make_questionnaires(proefdorp, tmp_path / "q", wave=2017)
    fill_proefdorp(paths)
    result = survey.collect(proefdorp, tmp_path / "q", wave=2017)
    ex = widgets.survey_explorer(result, lang="nl")
    assert "<li>Stichting Buurtkracht: toegevoegd door Gemeente Proefdorp</li>" in \
        ex.views["added"].value
    assert "75%" in ex.views["rate"].value
    assert widgets.survey_explorer(proefdorp).views["added"].value == ""


def test_an_added_partner_gets_a_merge_proposal(proefdorp, tmp_path):
    paths = survey.make_questionnaires(proefdorp, tmp_path / "q", wave=2017)
    fill(book_of(paths, "wt"), added=[("St. Welzijn Proefdorp", {"collaboration": "ja"})])
    fill(book_of(paths, "zorg"), added=[("st welzijn proefdorp", {"referral": "ja"})])
    result = survey.collect(proefdorp, tmp_path / "q", wave=2017)
    added = result.collection.added
    assert added.values.tolist() == [["toegevoegd_01", "St. Welzijn Proefdorp",
                                      "wt|zorg"]]  # one actor, added by both
    merges = result.collection.merges
    assert {frozenset(p) for p in zip(merges["id_a"], merges["id_b"])} == {
        frozenset({"welz", "toegevoegd_01"})}
    merged = relnet.merge_actors(result, {"toegevoegd_01": "welz"})
    assert "toegevoegd_01" not in set(merged.actors["id"])


def test_no_questionnaire_names_a_person_who_is_not_public(proefdorp, tmp_path):
    paths = survey.make_questionnaires(proefdorp, tmp_path / "q", wave=2017)
    for path in paths:
        book = openpyxl.load_workbook(path, read_only=True)
        text = " ".join(str(v) for sheet in book.worksheets
                        for row in sheet.iter_rows(values_only=True) for v in row if v)
        book.close()
        assert "Piet Smit" not in text and "sp" not in text.split()
        assert "Anna Bakker (wethouder)" in text  # a public role
        assert "Mila Jansen (mantelzorger)" in text  # openbaar ja
    # Haverdonk: six informal carers and five key persons, none in any questionnaire
    haverdonk = relnet.load_example("haverdonk")
    hidden = haverdonk.actors[haverdonk.actors["kind"].isin(["informal_carer", "key_person"])]
    assert len(hidden) == 11
    for path in survey.make_questionnaires(haverdonk, tmp_path / "h", wave=2017):
        book = openpyxl.load_workbook(path, read_only=True)
        cells = {str(v) for row in book.worksheets[0].iter_rows(values_only=True)
                 for v in row if v}
        book.close()
        assert not cells & (set(hidden["id"]) | set(hidden["name"]))


def test_public_is_read_as_the_contract_says(tmp_path):
    """`openbaar` is a Dutch header for `public`; a bad value is located; empty stays empty."""
    case = relnet.read_case(write_case_files(tmp_path / "a", actors=ACTORS))
    assert case.actors["public"].tolist()[-1] is True and pd.isna(case.actors["public"][0])
    assert str(case.actors["public"].dtype) == "boolean"
    assert survey.listed_mask(case.actors).tolist() == [True, True, True, True, True, False,
                                                        True]
    bad = ACTORS.replace("informele_hulp,ja", "informele_hulp,misschien")
    (found,) = relnet.validate(write_case_files(tmp_path / "b", actors=bad))
    assert (found.file, found.row, found.column, found.value) == \
        ("actors.csv", 8, "openbaar", "misschien")
    relnet.write_case(case, tmp_path / "c")
    assert pd.isna(relnet.read_case(tmp_path / "c").actors["public"][0])


# --------------------------------------------------------------------------- returns


def test_returns_as_people_make_them_in_one_run(proefdorp, tmp_path):
    """A marker edited to another respondent, only the id column sorted, a CSV: every
    problem at once, nothing written; a ._ file and Excel's lock file are skipped."""
    paths = survey.make_questionnaires(proefdorp, tmp_path / "q", wave=2017)
    folder = tmp_path / "q"
    fill_proefdorp(paths)
    edit = openpyxl.load_workbook(book_of(paths, "wt"))
    edit["relnet"].cell(5, 2, "welz")  # wt submits as welz
    edit.save(book_of(paths, "wt"))
    zorg = folder / "Zorg BV.xlsx"
    book = openpyxl.load_workbook(zorg)
    sheet = book.worksheets[0]
    ids = [sheet.cell(r, 1).value for r in range(HEADER + 1, HEADER + 6)]
    for row, actor in zip(range(HEADER + 1, HEADER + 6), sorted(ids)):  # the id column only
        sheet.cell(row, 1, actor)
    book.save(zorg)
    moved = [(r, a) for r, a, b in zip(range(HEADER + 1, HEADER + 6), sorted(ids), ids)
             if a != b]
    (folder / "Welzijn Proefdorp.csv").write_text("id;naam\n", encoding="utf-8")
    (folder / "._Gemeente Proefdorp.xlsx").write_bytes(b"\x00\x05\x16\x07 Mac OS X")
    (folder / "~$Zorg BV.xlsx").write_bytes(b"lock")
    before = snapshot(tmp_path)
    with pytest.raises(relnet.CaseError) as caught:
        survey.collect(proefdorp, folder, wave=2017)
    got = [(p.file, p.row, p.column, p.value, p.key) for p in caught.value.problems]
    assert got == [("Welzijn Proefdorp.csv", None, None, None, "csv_return"),
                   ("Wijkteam Proefdorp.xlsx, sheet 'relnet'", 5, "value", "welz",
                    "marker_changed")] + [
        ("Zorg BV.xlsx, sheet 'vragenlijst'", row, "id", actor, "name_mismatch")
        for row, actor in moved]
    assert len(moved) >= 2 and snapshot(tmp_path) == before
    texts = [p.text("nl") for p in caught.value.problems]
    assert "stuur die werkmap" in texts[0].replace("vraag de respondent die werkmap te "
                                                    "sturen", "stuur die werkmap")
    assert "(bijvoorbeeld alleen de kolom id gesorteerd)" in texts[2]


def test_hidden_files_are_skipped_and_listed(proefdorp, tmp_path):
    paths = survey.make_questionnaires(proefdorp, tmp_path / "q", wave=2017)
    fill_proefdorp(paths)
    (tmp_path / "q" / "._Zorg BV.xlsx").write_bytes(b"\x00\x05\x16\x07")
    (tmp_path / "q" / "leesmij.pdf").write_bytes(b"%PDF")
    result = survey.collect(proefdorp, tmp_path / "q", wave=2017)
    assert result.collection.skipped == ["._Zorg BV.xlsx", "leesmij.pdf"]
    assert same(collected_ties(result), EXPECTED)


def test_a_wrong_key_is_a_changed_marker(proefdorp, tmp_path):
    paths = survey.make_questionnaires(proefdorp, tmp_path / "q", wave=2017)
    fill_proefdorp(paths)
    with pytest.raises(relnet.CaseError) as caught:
        survey.collect(proefdorp, tmp_path / "q", wave=2017, key="een andere sleutel")
    assert [p.key for p in caught.value.problems] == ["marker_changed"] * 4


def test_the_key_is_kept_for_the_user_when_none_is_given(proefdorp, tmp_path, monkeypatch):
    monkeypatch.delenv(survey.KEY_VARIABLE)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "config"))
    paths = survey.make_questionnaires(proefdorp, tmp_path / "q", wave=2017)
    key = survey._key_file()
    assert key.is_file() and len(key.read_text().strip()) == 64
    if os.name == "posix":
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    fill_proefdorp(paths)
    assert survey.collect(proefdorp, tmp_path / "q", wave=2017).meta["response"]
    key.write_text("anders\n")  # another computer, another key: the markers do not match
    with pytest.raises(relnet.CaseError):
        survey.collect(proefdorp, tmp_path / "q", wave=2017)


def test_an_xlsm_return_is_read(proefdorp, tmp_path):
    paths = survey.make_questionnaires(proefdorp, tmp_path / "q", wave=2017)
    fill_proefdorp(paths)
    gem = book_of(paths, "gem")
    gem.rename(gem.with_suffix(".xlsm"))
    assert same(collected_ties(survey.collect(proefdorp, tmp_path / "q", wave=2017)),
                EXPECTED)


@pytest.mark.parametrize("answer, key", [("misschien", "not_survey_answer"),
                                         ("=1+1", "formula_without_value")])
def test_added_rows_are_checked_like_the_list(proefdorp, tmp_path, answer, key):
    paths = survey.make_questionnaires(proefdorp, tmp_path / "q", wave=2017)
    fill(book_of(paths, "gem"), added=[("Buurtkracht", {"support": answer}),
                                       ("Sportclub", {"reliability": 3}),
                                       ("", {"collaboration": "ja"})])
    with pytest.raises(relnet.CaseError) as caught:
        survey.collect(proefdorp, tmp_path / "q", wave=2017)
    free = HEADER + 5 + 2  # five listed actors, the title row, then the free rows
    value = None if key == "formula_without_value" else answer
    assert [(p.row, p.column, p.value, p.key) for p in caught.value.problems] == [
        (free, "steun", value, key),
        (free + 1, "naam", "Sportclub", "added_without_tie"),
        (free + 2, "naam", None, "added_without_name")]


@pytest.mark.parametrize("ids, names, expected", [
    (["con", "NUL", "COM1", "aux.txt"], ["con", "NUL", "COM1", "aux.txt"],
     ["con_.xlsx", "NUL_.xlsx", "COM1_.xlsx", "aux txt.xlsx"]),
    (["a", "b"], ["Zorg: Oost/West?", "zorg oost west"],
     ["Zorg Oost West-ca978112.xlsx", "zorg oost west-3e23e816.xlsx"]),
    (["x"], ["Café Ëlla"], ["Cafe Ella.xlsx"]),
])
def test_file_names_are_safe_everywhere_and_unique_ignoring_case(ids, names, expected):
    got = list(survey._file_names(ids, names).values())
    assert got == expected
    assert len({g.lower() for g in got}) == len(got)


def test_questionnaires_of_reserved_names_are_collected(tmp_path):
    actors = "id,name,kind\ncon,con,welfare_org\nNUL,NUL,care_provider\nCOM1,Com1,housing\n"
    case = relnet.read_case(write_case_files(tmp_path / "case", actors=actors))
    paths = survey.make_questionnaires(case, tmp_path / "q")
    assert sorted(p.name for p in paths) == ["Com1_.xlsx", "NUL_.xlsx", "con_.xlsx"]
    fill(book_of(paths, "con"), {"NUL": {"collaboration": "ja"}})
    result = survey.collect(case, tmp_path / "q")
    assert list(zip(result.ties["source"], result.ties["target"])) == [("con", "NUL")]


# --------------------------------------------------------------------------- per wave


@pytest.mark.slow
def test_two_waves_keep_both_responses(proefdorp, tmp_path):
    first = survey.make_questionnaires(proefdorp, tmp_path / "2015", wave=2015)
    fill(book_of(first, "gem"), {"wt": {"collaboration": "ja"}})
    after_2015 = survey.collect(proefdorp, tmp_path / "2015", wave=2015)
    second = survey.make_questionnaires(after_2015, tmp_path / "2017", wave=2017)
    fill_proefdorp(second)
    both = survey.collect(after_2015, tmp_path / "2017", wave=2017)
    asked = ["gem", "wt", "zorg", "welz"]
    assert both.meta["response"] == {2015: {"asked": asked, "answered": ["gem"]},
                                     2017: {"asked": asked, "answered": ["gem", "wt", "zorg"]}}
    from relnet.network.quality import response_counts

    assert response_counts(both, wave=2015) == (1, 4)
    assert response_counts(both, wave=2017) == (3, 4)
    for target in ("out", "out.xlsx"):
        relnet.write_case(both, tmp_path / target)
        assert relnet.read_case(tmp_path / target).meta["response"] == both.meta["response"]


def test_an_older_single_response_is_still_read(proefdorp, tmp_path):
    from relnet.network.indicators import reporting
    from relnet.network.quality import response_counts

    case = proefdorp.copy()
    case.meta["response"] = {"wave": 2015, "asked": ["gem", "wt"], "answered": ["gem"]}
    assert response_counts(case, wave=2015) == (1, 2)
    assert response_counts(case, wave=2017) is None  # no entry, no ties reported
    assert reporting(case, 2015) == {"gem"}
    relnet.write_case(case, tmp_path / "old")
    text = (tmp_path / "old" / "case.yaml").read_text(encoding="utf-8")
    assert relnet.read_case(tmp_path / "old").meta["response"] == \
        {2015: {"asked": ["gem", "wt"], "answered": ["gem"]}}
    assert "response" in text
    paths = survey.make_questionnaires(case, tmp_path / "q", wave=2017)
    fill_proefdorp(paths)
    result = survey.collect(case, tmp_path / "q", wave=2017)
    assert list(result.meta["response"]) == [2015, 2017]


# --------------------------------------------------------------------------- LibreOffice


def _soffice(tmp_path, source, fmt, outdir):
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", fmt, "--outdir", str(outdir), str(source)],
                   check=True, capture_output=True, timeout=180)


def _need_soffice():
    if SOFFICE is None:
        if os.environ.get("CI"):
            pytest.fail("CI must open a questionnaire in LibreOffice: soffice is missing "
                        "(.ci/run installs Debian's libreoffice-calc-nogui)", pytrace=False)
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")


@pytest.mark.office
@pytest.mark.parametrize("fmt", ["ods", "xlsx"])
def test_a_questionnaire_saved_by_libreoffice_collects_alike(proefdorp, tmp_path, fmt):
    _need_soffice()
    paths = survey.make_questionnaires(proefdorp, tmp_path / "q", wave=2017)
    fill_proefdorp(paths)
    original = survey.collect(proefdorp, tmp_path / "q", wave=2017)
    saved = tmp_path / "saved"
    saved.mkdir()
    for path in paths:
        _soffice(tmp_path, path, fmt, saved)
    assert sorted(p.suffix for p in saved.iterdir()) == [f".{fmt}"] * 4
    again = survey.collect(proefdorp, saved, wave=2017)
    assert same(collected_ties(again), EXPECTED)
    assert again.meta["response"] == original.meta["response"]
    assert again.collection.added.values.tolist() == original.collection.added.values.tolist()
    assert again.collection.unchanged["respondent"].tolist() == ["welz"]


@pytest.mark.office
def test_the_roster_prints_landscape_with_the_header_and_readable_text(tmp_path):
    """LibreOffice prints Haverdonk's roster on landscape A4 pages, the grid's header on
    every page, no text below 8 pt, every column on the page."""
    _need_soffice()
    import pypdfium2
    import pypdfium2.raw as pdfium

    haverdonk = relnet.load_example("haverdonk")
    paths = survey.make_questionnaires(haverdonk, tmp_path / "q", wave=2017,
                                       deadline="1 maart", contact="Anna de Vries")
    path = tmp_path / "q" / "Zorggroep De Lindehof.xlsx"
    assert path in paths
    _soffice(tmp_path, path, "pdf", tmp_path)
    pdf = pypdfium2.PdfDocument(tmp_path / "Zorggroep De Lindehof.pdf")
    roster_pages = []  # turned headers come out a few letters per line: compare without spaces
    for index in range(len(pdf)):
        compact = "".join(pdf[index].get_textpage().get_text_range().split())
        if "steun_ontvangen" in compact and "Watwordtgevraagd" not in compact:
            roster_pages.append(index)
    assert len(roster_pages) >= 2  # the list runs onto a second page, the header repeated
    for index in roster_pages:
        page = pdf[index]
        assert page.get_width() > page.get_height()  # landscape
        assert page.get_width() == pytest.approx(842, abs=2)  # A4
        textpage = page.get_textpage()
        compact = "".join(textpage.get_text_range().split())
        assert "betrokkenheid" in compact and "opmerking" in compact  # every column
        # the height of capitals and digits: 0.7 of the font size at least 8 pt
        heights = []
        for i in range(textpage.count_chars()):
            if chr(pdfium.FPDFText_GetUnicode(textpage.raw, i)).isupper():
                left, bottom, right, top = textpage.get_charbox(i)
                heights.append(top - bottom)
        assert np.median(heights) >= 0.68 * 8, np.median(heights)
    first = " ".join(pdf[roster_pages[0]].get_textpage().get_text_range().split())
    assert first.startswith("Netwerkenquête Haverdonk, meting 2017")
    assert "Graag terug vóór 1 maart. Vragen? Anna de Vries." in first
    assert "Taalcafé Centrum" in " ".join(
        pdf[roster_pages[-1]].get_textpage().get_text_range().split())


# --------------------------------------------------------------------------- review of round 3


def _edit(path, change):
    """Open a questionnaire as a spreadsheet program would, change its roster sheet, save."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    rows = {sheet.cell(r, 1).value: r for r in range(HEADER + 1, sheet.max_row + 1)
            if sheet.cell(r, 1).value}
    columns = {key: c for key, c in zip(survey.QUESTIONNAIRE_COLUMNS,
                                        range(1, len(survey.QUESTIONNAIRE_COLUMNS) + 1))}
    change(sheet, rows, columns)
    book.save(path)


def _merge_over_three_rows(sheet, rows, columns):
    sheet.protection.sheet = False  # as a respondent who lifts the protection
    first = rows["wt"]
    cell = sheet.cell(first, columns["collaboration"])
    cell.value = "ja"
    sheet.merge_cells(start_row=first, start_column=cell.column, end_row=first + 2,
                      end_column=cell.column)


def test_an_answer_merged_over_rows_is_a_located_problem_in_the_same_run(proefdorp, tmp_path):
    paths = survey.make_questionnaires(proefdorp, tmp_path / "q", wave=2017)
    fill_proefdorp(paths)
    _edit(book_of(paths, "gem"), _merge_over_three_rows)
    fill(book_of(paths, "zorg"), {"gem": {"reliability": "Ja"}})  # a cell problem elsewhere
    with pytest.raises(relnet.CaseError) as caught:
        survey.collect(proefdorp, tmp_path / "q", wave=2017)
    got = [(p.file, p.key) for p in caught.value.problems]
    assert got == [("Gemeente Proefdorp.xlsx, sheet 'vragenlijst'", "merged_rows"),
                   ("Zorg BV.xlsx, sheet 'vragenlijst'", "not_number")]
    merged = next(p for p in caught.value.problems if p.key == "merged_rows")
    text = merged.text("nl")
    assert f"cellen samengevoegd over rij {merged.row}-{merged.row + 2}" in text
    assert merged.column == survey._headers("nl")[2]  # the collaboration column


def test_a_questionnaire_returned_twice_is_said_with_its_cell_problems(proefdorp, tmp_path):
    paths = survey.make_questionnaires(proefdorp, tmp_path / "q", wave=2017)
    fill_proefdorp(paths)
    gem = book_of(paths, "gem")
    fill(gem, {"wt": {"reliability": "Ja"}})  # "Ja" in a score column
    shutil.copy(gem, tmp_path / "q" / "Welzijn kopie.xlsx")  # the same return, twice
    with pytest.raises(relnet.CaseError) as caught:
        survey.collect(proefdorp, tmp_path / "q", wave=2017)
    keys = [(p.file.split(",")[0], p.key) for p in caught.value.problems]
    assert ("Welzijn kopie.xlsx", "second_questionnaire") in keys
    assert keys == [("Gemeente Proefdorp.xlsx", "not_number"),
                    ("Welzijn kopie.xlsx", "second_questionnaire"),
                    ("Welzijn kopie.xlsx", "not_number")]


def test_a_person_typed_without_the_description_gets_a_merge_proposal_and_a_neutral_id(
        proefdorp, tmp_path):
    paths = survey.make_questionnaires(proefdorp, tmp_path / "q", wave=2017)
    fill(book_of(paths, "gem"), added=[("Mila Jansen", {"collaboration": "ja"})])
    result = survey.collect(proefdorp, tmp_path / "q", wave=2017)
    added = result.collection.added
    assert added.values.tolist() == [["toegevoegd_01", "Mila Jansen", "gem"]]
    merges = result.collection.merges
    assert [(a, b, r) for a, b, r in zip(merges["id_a"], merges["id_b"], merges["reason"])] == \
        [("mz", "toegevoegd_01", "same name without the description in brackets")]
    # the id gives nothing of the name away, in the case and in a report
    ids = set(result.actors["id"]) | set(result.ties["target"])
    assert not any("mila" in i.lower() or "jansen" in i.lower() for i in ids)


def test_returns_in_a_sub_folder_are_read_and_a_copy_there_is_a_second_one(proefdorp,
                                                                          tmp_path):
    paths = survey.make_questionnaires(proefdorp, tmp_path / "q", wave=2017)
    fill_proefdorp(paths)
    folder = tmp_path / "q"
    (folder / "bijlagen" / "mail 3").mkdir(parents=True)
    zorg = book_of(paths, "zorg")
    shutil.move(zorg, folder / "bijlagen" / "mail 3" / zorg.name)
    (folder / "__MACOSX").mkdir()
    (folder / "__MACOSX" / "._Zorg BV.xlsx").write_bytes(b"\x00\x05\x16\x07")
    (folder / "bijlagen" / "._x.xlsx").write_bytes(b"\x00\x05\x16\x07")
    result = survey.collect(proefdorp, folder, wave=2017)
    assert same(collected_ties(result), EXPECTED)
    assert result.meta["response"][2017]["answered"] == ["gem", "wt", "zorg"]
    assert result.collection.skipped == ["bijlagen/._x.xlsx"]
    shutil.copy(folder / "bijlagen" / "mail 3" / zorg.name, folder / zorg.name)
    with pytest.raises(relnet.CaseError) as caught:
        survey.collect(proefdorp, folder, wave=2017)
    [twice] = caught.value.problems
    assert (twice.file, twice.key) == ("bijlagen/mail 3/Zorg BV.xlsx", "second_questionnaire")
    assert "(Zorg BV.xlsx)" in twice.text("en")


@pytest.mark.office
def test_an_ods_return_keeps_tabs_in_comments_and_shows_merged_cells(proefdorp, tmp_path):
    _need_soffice()
    paths = survey.make_questionnaires(proefdorp, tmp_path / "q", wave=2017)
    fill_proefdorp(paths)
    fill(book_of(paths, "wt"), {"welz": {"comment": "kolom1\tkolom2  twee spaties"}})
    saved = tmp_path / "saved"
    saved.mkdir()
    for path in paths:
        _soffice(tmp_path, path, "ods", saved)
    for folder in (tmp_path / "q", saved):
        ties = survey.collect(proefdorp, folder, wave=2017).ties
        comments = dict(zip(zip(ties["source"], ties["target"]), ties["comment"]))
        assert comments[("wt", "welz")] == "kolom1\tkolom2  twee spaties", folder
    _edit(book_of(paths, "gem"), _merge_over_three_rows)
    (saved / "Gemeente Proefdorp.ods").unlink()
    _soffice(tmp_path, book_of(paths, "gem"), "ods", saved)
    with pytest.raises(relnet.CaseError) as caught:
        survey.collect(proefdorp, saved, wave=2017)
    assert [p.key for p in caught.value.problems] == ["merged_rows"]

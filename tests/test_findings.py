"""Findings a council can act on (issue 23): findings as data, the benchmark
without the case itself and with its ICC, partner advice and governance as the sources give
them, goal coverage by external partners."""

import dataclasses
import math
import shutil

import numpy as np
import pandas as pd
import pytest
from conftest import write_case_files
from scipy import stats

import relnet
from relnet.instruments.findings import COLUMNS, findings
from relnet.instruments.lessons import _welch_p, icc1, kish_n
from relnet.present.findings_text import finding_sentences, p_text
from relnet.present.words import worded

META = "name: Holdout\nmunicipality: Holdwijk\nfictional: true\nwaves: [2017]\n"
ACTORS = """\
id,name,kind
gem,Gemeente Holdwijk,municipality
weth_a,Wethouder Alfa,administrator
weth_b,Wethouder Beta,administrator
afd,Afdeling Sociaal,department
wt,Wijkteam Noord,district_team
gr,Werkbedrijf Holdstreek (GR),affiliated_body
ggd,GGD Holdstreek,affiliated_body
jw1,Jongerenwerk Een,welfare_org
jw2,Jongerenwerk Twee,welfare_org
jw3,Jeugdhonk De Brug,welfare_org
zorg,Zorg Holdwijk,care_provider
"""
TIES = """\
source,target,type
gem,gr,governance
gem,ggd,governance
gem,jw1,funding
gem,jw2,funding
gem,jw3,funding
wt,zorg,collaboration
jw1,jw2,collaboration
"""
# gr: commissioner and owner apart, but a wethouder entered as director (regisseur);
# ggd: a director but no administrator as commissioner
ROLES = """\
body,role,holder
gr,commissioner,weth_a
gr,owner,weth_b
gr,director,weth_a
ggd,owner,weth_b
ggd,director,afd
"""
# the two affiliated bodies sit in the leverage quadrant (high influence, low dependency);
# the youth-work bundle has a member proposed for phase-out
PARTNERS = """\
actor,influence,dependency,move,bundle
gr,8,3,,
ggd,7,2,rechts,
jw1,3,3,omhoog+rechts,jeugdwerk
jw2,4,3,omhoog+rechts,jeugdwerk
jw3,2,2,omlaag,jeugdwerk
zorg,6,2,,
"""
# g_wijk is carried only by the municipality's own district team
GOALS = """\
id,label,parent,vision
g0,Iedereen telt mee en doet mee,,Iedereen doet mee naar vermogen
g_jeugd,Jeugd groeit gezond op,g0,
g_wijk,Zorg dichtbij in de wijk,g0,
"""
GOAL_LINKS = "goal,actor\ng_jeugd,jw1\ng_wijk,wt\n"


@pytest.fixture
def holdout(tmp_path):
    folder = write_case_files(tmp_path / "holdout", meta=META, actors=ACTORS, ties=TIES,
                              roles=ROLES, partners=PARTNERS, goals=GOALS,
                              goal_links=GOAL_LINKS)
    return folder


# ------------------------------------------------------------ the holdout case (done when)


def test_holdout_governance_rules_fire(holdout):
    conflicts = relnet.role_conflicts(relnet.read_case(holdout))
    found = set(zip(conflicts["body"], conflicts["rule"]))
    assert ("gr", "director_is_administrator") in found
    assert ("ggd", "no_administrative_commissioner") in found
    assert ("gr", "no_administrative_commissioner") not in found  # weth_a is commissioner
    assert set(conflicts.loc[conflicts["rule"].isin(
        ["director_is_administrator", "no_administrative_commissioner"]), "severity"]) == \
        {"warning"}
    nl = worded(conflicts, "nl").set_index("rule")["message"]
    assert "Wethouder Alfa staat als regisseur van Werkbedrijf Holdstreek (GR)" in \
        nl["director_is_administrator"]
    assert "ambtelijk opdrachtgever" in nl["director_is_administrator"]
    assert "GGD Holdstreek heeft een regisseur (Afdeling Sociaal)" in \
        nl["no_administrative_commissioner"]


@pytest.mark.slow
def test_holdout_affiliated_bodies_are_steered_through_roles(holdout):
    case = relnet.read_case(holdout)
    matrix = relnet.partner_matrix(case).set_index("actor")
    assert matrix.loc["gr", "quadrant"] == "leverage"  # the scores say leverage ...
    assert bool(matrix.loc["gr", "affiliated"]) and not bool(matrix.loc["zorg", "affiliated"])
    # ... but an affiliated body is steered through the roles, never through competition
    assert matrix.loc[["gr", "ggd"], "strategy"].tolist() == ["roles", "roles"]
    assert matrix.loc[["gr", "ggd"], "target_strategy"].tolist() == ["roles", "roles"]
    assert matrix.loc["zorg", "strategy"] == "leverage"
    for lang, word in (("nl", "concurr"), ("en", "compet")):
        shown = worded(relnet.partner_matrix(case), lang).set_index("actor")
        for body in ("gr", "ggd"):
            assert word not in shown.loc[body, "strategy"]
            assert word not in shown.loc[body, "target_strategy"]
        assert word in shown.loc["zorg", "strategy"]  # a market party may compete
    report = relnet.build_report(case, lang="nl")
    assert "stuur via uw rollen als eigenaar en opdrachtgever" in report


@pytest.mark.slow
def test_holdout_bundle_with_a_phased_out_member_is_a_located_warning(holdout):
    problems = relnet.validate(holdout)
    assert [(p.file, p.row, p.column, p.severity, p.key) for p in problems] == [
        ("partners.csv", 6, "move", "warning", "bundle_member_phased_out")]
    assert problems[0].text("nl").startswith("Waarschuwing (de casus is wel te lezen): "
                                             "partners.csv, rij 6, kolom 'move'")
    assert "jeugdwerk" in problems[0].text("nl")
    case = relnet.read_case(holdout)  # the case still reads
    assert relnet.partner_bundles(case)["problem"].tolist() == ["member_phased_out"]
    assert relnet.bundle_problems(case)["members"].tolist() == [["jw1", "jw2", "jw3"]]
    found = findings(case)
    assert "bundle" not in set(found["kind"])  # not "they go on as one" ...
    assert "phase_out" not in set(found["kind"])  # ... and "it is phased out" at once
    problem = found[found["kind"] == "bundle_problem"].iloc[0]
    assert problem["key"] == "report.finding_bundle_member_phased_out"
    assert problem["params"]["names"] == ["Jeugdhonk De Brug"]
    report = relnet.build_report(case, lang="nl")
    assert "Gegevensprobleem in de partnermatrix: bundel 'jeugdwerk'" in report
    assert "wordt afgebouwd" not in report


def test_validate_cli_lists_warnings_and_succeeds(holdout, capsys):
    from relnet.cli import main

    assert main(["validate", str(holdout)]) == 0
    out = capsys.readouterr().out
    assert "Waarschuwing" in out and "rij 6" in out


def test_bundle_whose_members_propose_different_moves(tmp_path):
    partners = "actor,influence,dependency,move,bundle\njw1,3,3,omhoog,jw\njw2,4,3,rechts,jw\n"
    folder = write_case_files(tmp_path / "c", meta=META, actors=ACTORS, ties=TIES,
                              partners=partners)
    problems = relnet.validate(folder)
    assert [(p.row, p.key, p.severity) for p in problems] == [(3, "bundle_moves_differ",
                                                                 "warning")]
    case = relnet.read_case(folder)
    assert relnet.partner_bundles(case)["problem"].tolist() == ["moves_differ"]


def test_consistent_bundle_gives_no_warning():
    assert relnet.validate(relnet.example_path("lindermeer")) == []
    assert relnet.bundle_problems(relnet.load_example("lindermeer")).empty


def test_goal_carried_only_by_own_teams_is_not_covered(holdout):
    coverage = relnet.goal_coverage(relnet.read_case(holdout)).set_index("goal")
    assert coverage.loc["g_wijk", "partners_total"] == 1
    assert coverage.loc["g_wijk", "partners_external"] == 0
    assert not coverage.loc["g_wijk", "covered"]
    assert coverage.loc["g_jeugd", "partners_external"] == 1 and coverage.loc["g_jeugd",
                                                                               "covered"]
    # the main goal counts its descendants' partners: jw1 outside, wt inside
    assert (coverage.loc["g0", "partners_total"], coverage.loc["g0", "partners_external"]) == \
        (2, 1)
    found = findings(relnet.read_case(holdout))
    row = found[found["kind"] == "uncovered_goal"].iloc[0]
    assert row["subject"] == ["g_wijk"] and row["key"] == "report.finding_uncovered_own"


def test_municipal_column_decides_who_is_external(tmp_path):
    actors = ACTORS.replace("id,name,kind", "id,name,kind,gemeentelijk").replace(
        "district_team\n", "district_team,nee\n")
    actors = "\n".join(line if line.count(",") == 3 or line.startswith("id") else line + ","
                       for line in actors.splitlines()) + "\n"
    folder = write_case_files(tmp_path / "c", meta=META, actors=actors, ties=TIES,
                              goals=GOALS, goal_links=GOAL_LINKS)
    coverage = relnet.goal_coverage(relnet.read_case(folder)).set_index("goal")
    assert coverage.loc["g_wijk", "covered"]  # an independent wijkteam foundation


# ------------------------------------------------------------------ the benchmark (v3)


def test_icc_by_hand():
    # groups [1,2,3] and [4,5,6]: grand mean 3.5, MSB = 3*(2-3.5)^2*2 / 1 = 13.5,
    # MSW = (2 + 2) / 4 = 1, n0 = 3: (13.5 - 1) / (13.5 + 2 * 1) = 12.5 / 15.5
    assert icc1([[1, 2, 3], [4, 5, 6]]) == pytest.approx(12.5 / 15.5)
    # unequal sizes: [1,3] and [2,4,6]: grand 16/5, MSB = (2*(2-3.2)^2 + 3*(4-3.2)^2)/1 = 4.8,
    # MSW = (2 + 8)/3, n0 = (5 - 13/5)/1 = 2.4
    msw = 10 / 3
    assert icc1([[1, 3], [2, 4, 6]]) == pytest.approx(max(0, (4.8 - msw) / (4.8 + 1.4 * msw)))
    assert icc1([[1, 3], [1, 3]]) == 0.0  # no variation between groups: cut at 0
    assert math.isnan(icc1([[1, 2, 3]]))  # one group
    assert kish_n(10, 10, 0.0) == 10 and kish_n(10, 10, 1 / 9) == pytest.approx(5.0)


def test_kish_welch_equals_welch_at_icc_zero_and_widens_above():
    rng = np.random.default_rng(3)
    a, b = rng.normal(3, 0.7, 12), rng.normal(3.6, 0.8, 30)
    assert _welch_p(a, b, 12, 30) == pytest.approx(stats.ttest_ind(a, b, equal_var=False).pvalue)
    assert _welch_p(a, b, kish_n(12, 12, 0.3), kish_n(30, 7.5, 0.3)) > _welch_p(a, b, 12, 30)


def test_benchmark_leaves_out_a_fresh_copy_and_gives_the_range_and_icc():
    names = list(relnet.list_cases()["name"])
    cases = [relnet.load_example(n) for n in names]
    haverdonk = relnet.read_case(relnet.example_path("haverdonk"))  # a fresh copy, not `is`
    others = [c for c in cases if c.meta["municipality"] != "Haverdonk"]
    with_copy = relnet.lesson_benchmark(haverdonk, cases)
    without = relnet.lesson_benchmark(haverdonk, others)
    pd.testing.assert_frame_equal(with_copy, without)
    assert with_copy["bench_n"].eq(35).all() and with_copy["others_cases"].eq(4).all()
    row = with_copy.set_index("lesson").loc[8]
    means = [o.lessons.query("wave == 2017 and lesson == 8")["score"].mean() for o in others]
    assert (row["others_min"], row["others_max"]) == pytest.approx((min(means), max(means)))
    groups = [c.lessons.query("wave == 2017 and lesson == 8")["score"].to_numpy(float)
              for c in [haverdonk, *others]]
    assert row["icc"] == pytest.approx(icc1(groups)) and row["icc"] == pytest.approx(0.405,
                                                                                      abs=1e-3)
    own = groups[0]
    pooled = np.concatenate(groups[1:])
    n_eff = len(own) / (1 + (len(own) - 1) * row["icc"])
    bench_eff = len(pooled) / (1 + (len(pooled) / 4 - 1) * row["icc"])
    assert row["n_effective"] == pytest.approx(n_eff)
    assert row["p_value"] == pytest.approx(_welch_p(own, pooled, n_eff, bench_eff))
    # respondents of one municipality are not independent: the corrected p is larger
    assert row["p_value"] > stats.ttest_ind(own, pooled, equal_var=False).pvalue


# ------------------------------------------------------------------ findings as data


def test_findings_are_data_ranked_by_strength():
    found = findings(relnet.load_example("brakkenveen"))
    assert list(found.columns) == COLUMNS
    assert found["strength"].is_monotonic_decreasing
    first = found.iloc[0]
    assert (first["kind"], first["subject"], first["values"]["rule"]) == (
        "role_conflict", ["vp_sd"], "commissioner_is_owner")
    assert all(isinstance(k, str) and "." in k for k in found["key"])
    unserved = found[found["kind"] == "unserved_activities"].iloc[0]
    case = relnet.load_example("brakkenveen")
    tasks = case.activities[case.activities["goal"].isna()]
    assert unserved["values"]["hours"] == tasks["effort"].sum()
    assert unserved["subject"] == tasks["id"].tolist()


def test_one_superlative_per_kind_and_no_non_differences(tmp_path):
    """Two lessons far outside four tight other cases: both stand out, only one "furthest"."""
    rng = np.random.default_rng(0)
    base = relnet.load_example("haverdonk")
    others = []
    for k in range(4):
        other = relnet.load_example(["brakkenveen", "brinkeloo", "lindermeer", "welderhoven"][k])
        frame = []
        for lesson in range(1, 11):
            for i in range(12):
                frame.append({"respondent": f"o{k}_{i}", "lesson": lesson, "wave": 2017,
                              "score": float(rng.choice([3, 3, 3, 4]))})
        others.append(dataclasses.replace(other, lessons=pd.DataFrame(frame)))
    own = []
    for lesson in range(1, 11):
        for i in range(12):
            score = 1.0 if lesson in (4, 8) else float(rng.choice([3, 3, 3, 4]))
            own.append({"respondent": f"h{i}", "lesson": lesson, "wave": 2017, "score": score})
    case = dataclasses.replace(base, lessons=pd.DataFrame(own))
    found = findings(case, others)
    gaps = found[found["kind"] == "lesson_gap"]
    assert sorted(p["lesson"] for p in gaps["params"]) == [4, 8]
    assert [k.endswith("_most") for k in gaps["key"]] == [True, False]
    sentences = finding_sentences(found, "nl")
    assert sum("het verst" in s for s in sentences) == 1
    assert not any("niet aangetoond" in s for s in sentences)
    assert not any("p = 0,000" in s for s in sentences)


@pytest.mark.slow
def test_shipped_reports_state_no_non_difference_and_no_repeated_superlative():
    for name in relnet.list_cases()["name"]:
        sentences = relnet.key_findings(relnet.load_example(name), lang="nl")
        assert not any("niet aangetoond" in s for s in sentences), name
        for superlative in ("het verst", "het meest"):
            assert sum(superlative in s for s in sentences) <= 1, (name, superlative)
        assert not any("p = 0,000" in s for s in sentences)
        assert not any("beeld en structuur" in s or "plaats in het netwerk" in s
                       for s in sentences), name  # the mismatch finding is gone


def test_change_between_waves_of_unequal_response_names_both_rates():
    found = findings(relnet.load_example("haverdonk"))
    assert "indicator_change" not in set(found["kind"])  # 40% and 64%: not comparable
    row = found[found["key"] == "report.finding_incomparable"].iloc[0]
    assert row["values"] == {"rate_a": pytest.approx(0.4), "rate_b": pytest.approx(0.64)}
    sentence = finding_sentences(found[found["key"] == "report.finding_incomparable"], "nl")[0]
    assert "2015 (respons 40%)" in sentence and "2017 (respons 64%)" in sentence
    assert "niet als resultaat te lezen" in sentence


def test_comparable_waves_give_change_findings_beyond_two_se_only():
    case = relnet.load_example("haverdonk")
    plain = dataclasses.replace(
        case, meta={k: v for k, v in case.meta.items() if k != "response"},
        ties=case.ties.assign(reported_by=pd.Series(pd.NA, index=case.ties.index,
                                                    dtype="str")))
    changes = relnet.wave_changes(plain, 2015, 2017)
    assert changes.comparable  # no reporting data in either wave
    found = findings(plain)
    rows = found[found["kind"] == "indicator_change"]
    metrics = changes.metrics
    for params in rows["params"]:
        row = metrics.loc[params["indicator"]]
        assert abs(row["difference"]) > 1.96 * row["se"]
    assert len(rows)  # Haverdonk's hub dependence falls far beyond its uncertainty
    assert rows["key"].tolist() == ["report.finding_change"] + \
        ["report.finding_change_next"] * (len(rows) - 1)
    sizes = [abs(metrics.loc[p["indicator"], "difference"]) for p in rows["params"]]
    assert sizes == sorted(sizes, reverse=True)


def test_p_text():
    assert p_text(0.0004, "nl") == "p < 0,001"
    assert p_text(0.0312, "en") == "p = 0.031"


def test_copy_of_case_folder_reads_the_same(tmp_path, holdout):
    shutil.copytree(holdout, tmp_path / "copy")
    assert findings(relnet.read_case(tmp_path / "copy"))["kind"].tolist() == \
        findings(relnet.read_case(holdout))["kind"].tolist()


# ------------------------------------------------------------------ a report that teaches


@pytest.fixture(scope="module")
def haverdonk_report():
    return relnet.build_report(relnet.load_example("haverdonk"), lang="nl")


@pytest.mark.slow
def test_every_figure_and_table_has_a_reading_guide(haverdonk_report):
    import re

    page = re.sub(r'src="data:[^"]*"', "", haverdonk_report)
    figures = re.findall(r"<figure>.*?</figure>", page, flags=re.S)
    assert len(figures) >= 7
    for figure in figures:
        assert '<p class="reading"><b>Hoe lees je dit:</b>' in figure, figure[:200]
    # a numbered table is followed by its reading guide before the next element that is
    # not its source line
    tables = re.findall(r'<div class="table"><table[^>]*>\s*<caption><b>Tabel \d+\.</b>'
                        r'.*?</table>.*?</div>(.*?)<p class="source">', page, flags=re.S)
    assert len(tables) >= 10
    for after in tables:
        assert "Hoe lees je dit" in after


@pytest.mark.slow
def test_report_names_the_sources_and_has_a_glossary(haverdonk_report):
    for publisher in ("Think Public", "Bureau HHM", "Rijnconsult", "Kraljic (1983)",
                      "Varda &amp; Retrum"):
        assert publisher in haverdonk_report, publisher
    assert "2016" in haverdonk_report and "december 2016" in haverdonk_report
    assert "<h2>Begrippenlijst</h2>" in haverdonk_report
    for term in ("Tussenpositie (betweenness)", "Holm-correctie", "ICC", "PARTNER",
                 "Regisseur", "Partnermatrix (naar Kraljic)"):
        assert term in haverdonk_report, term
    assert "relnets eigen vertaling van een les" in haverdonk_report  # indicators are own


@pytest.mark.slow
def test_report_provenance_reproduces(haverdonk_report, tmp_path):
    import hashlib

    from relnet.data.provenance import input_checksum

    digest, from_files = input_checksum(relnet.load_example("haverdonk"))
    assert from_files and digest in haverdonk_report
    assert haverdonk_report.count(digest) == 2  # the provenance table and the footer
    assert "<footer>relnet 0.2.0" in haverdonk_report
    assert "taal nl; meting 2017; gepseudonimiseerd; vergeleken met Brakkenveen" in \
        haverdonk_report
    # a workbook's checksum is what sha256sum prints; changing one cell changes it
    book = tmp_path / "h.xlsx"
    relnet.write_case(relnet.load_example("haverdonk"), book)
    assert input_checksum(relnet.read_case(book)) == (
        hashlib.sha256(book.read_bytes()).hexdigest(), True)
    folder = tmp_path / "h"
    shutil.copytree(relnet.example_path("haverdonk"), folder)
    before = input_checksum(relnet.read_case(folder))[0]
    (folder / ".DS_Store").write_bytes(b"x")  # hidden files do not count
    assert input_checksum(relnet.read_case(folder))[0] == before
    text = (folder / "actors.csv").read_text("utf-8")
    (folder / "actors.csv").write_text(text.replace("Haverdonk", "Haverdonck", 1), "utf-8")
    assert input_checksum(relnet.read_case(folder))[0] != before
    memory, from_files = input_checksum(dataclasses.replace(relnet.load_example("haverdonk"),
                                                            source=None))
    assert not from_files and len(memory) == 64


@pytest.mark.slow
def test_report_counts_have_no_decimals(haverdonk_report):
    import re

    page = re.sub(r'src="data:[^"]*"', "", haverdonk_report)
    rows = {re.sub(r"<[^>]+>", "|", m).split("|")[2]: m for m in
            re.findall(r"<tr><td>[^<]*</td>.*?</tr>", page)}
    for label in ("aantal componenten", "aantal actoren"):
        cells = re.findall(r'<td class="num">([^<]*)</td>', rows[label])
        assert cells and all("," not in c for c in cells), (label, cells)
    assert "0,0 uur" not in page and ">0,0<" not in page


@pytest.mark.slow
def test_report_vision_and_benchmark_wording(haverdonk_report):
    case = relnet.load_example("haverdonk")
    root = case.goals[case.goals["parent"].isna()].iloc[0]
    assert f"Visie bij het hoofddoel '{root['label']}'" in haverdonk_report
    assert "vergeleken met 4 andere (fictieve) casussen" in haverdonk_report
    assert "spreiding andere casussen" in haverdonk_report


@pytest.mark.slow
def test_trust_table_names_lowest_and_highest(haverdonk_report):
    assert "met het laagste en de 3 met het hoogste ontvangen vertrouwen" in haverdonk_report
    tv = relnet.trust_value(relnet.load_example("haverdonk"))
    rated = tv.actors.dropna(subset=["trust"]).sort_values(["trust", "value"])
    lowest = rated.iloc[0]
    case = relnet.load_example("haverdonk")
    person = bool(case.actors.set_index("id").loc[rated.index[0], "person"])
    if not person:
        assert lowest["name"] in haverdonk_report


# ------------------------------------------------------------------ labels that never overlap


def _label_clashes(ax):
    """Overlaps of the placed names with each other, with any marker, with any other text
    (quadrant names, bundle names) and with points along the arrows, measured here
    independently of the placement code, in display coordinates as drawn."""
    from matplotlib.collections import PathCollection

    from relnet.present.plot._labels import LABEL_GID

    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    labels = [t for t in ax.texts if t.get_gid() == LABEL_GID]
    boxes = [t.get_window_extent(renderer) for t in labels]
    others = []
    for collection in ax.collections:
        if isinstance(collection, PathCollection):
            sizes = collection.get_sizes()
            for i, (x, y) in enumerate(ax.transData.transform(collection.get_offsets())):
                r = np.sqrt(sizes[i] if len(sizes) > 1 else sizes[0]) / 2 * fig.dpi / 72
                others.append(("marker", (x - r, y - r, x + r, y + r)))
    for text in ax.texts:
        if text.get_gid() != LABEL_GID and text.get_text().strip():
            e = text.get_window_extent(renderer)
            others.append((f"text {text.get_text()!r}", (e.x0, e.y0, e.x1, e.y1)))
        if getattr(text, "arrow_patch", None) is not None:
            a, b = (ax.transData.transform(p) for p in (text.xyann, text.xy))
            for t in np.linspace(0, 1, 25):
                x, y = a + (b - a) * t
                others.append(("arrow", (x - 1, y - 1, x + 1, y + 1)))
    clashes = []
    for i, box in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            if box.overlaps(boxes[j]):
                clashes.append((labels[i].get_text(), labels[j].get_text()))
        for what, (x0, y0, x1, y1) in others:
            if box.x0 < x1 and x0 < box.x1 and box.y0 < y1 and y0 < box.y1:
                clashes.append((labels[i].get_text(), what))
    return len(labels), clashes


@pytest.mark.parametrize("name", list(relnet.list_cases()["name"]))
def test_no_label_in_a_report_figure_overlaps(name):
    import matplotlib.pyplot as plt

    case = relnet.load_example(name)
    figures = [relnet.plot.network_plot(case, lang="nl", size_by="betweenness"),
               relnet.plot.partner_matrix_plot(case, lang="nl")]
    for ax in figures:
        n, clashes = _label_clashes(ax)
        assert n >= 5, "names are placed"
        assert not clashes
        plt.close(ax.figure)

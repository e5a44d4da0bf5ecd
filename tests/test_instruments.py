"""Partner matrix, goal tree, governance roles and the 10-lesson self-assessment."""

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from conftest import write_case_files
from scipy import stats

import relnet
from relnet.instruments.partners import quadrant, target_quadrant

META = "name: T\nmunicipality: T\nfictional: true\n"
ACTORS = """\
id,name,kind
gem,Gemeente,municipality
w1,Wethouder Een,administrator
w2,Wethouder Twee,administrator
afd,Afdeling,department
vp1,Verbonden Een,affiliated_body
vp2,Verbonden Twee,affiliated_body
vp3,Verbonden Drie,affiliated_body
p1,Partner 1,care_provider
p2,Partner 2,welfare_org
p3,Partner 3,employer
"""


def make(tmp_path, **tables):
    return relnet.read_case(write_case_files(tmp_path / "c", meta=META, actors=ACTORS, **tables))


# ------------------------------------------------------------------ partner matrix


@pytest.mark.parametrize("influence,dependency,threshold,expected", [
    (5, 5, 5, "strategic"), (5, 4.99, 5, "leverage"), (4.99, 5, 5, "bottleneck"),
    (4.99, 4.99, 5, "routine"), (10, 0, 5, "leverage"), (0, 10, 5, "bottleneck"),
    (6, 6, 7, "routine"), (7, 7, 7, "strategic"), (3, 3, 3, "strategic"), (3, 2.5, 3, "leverage"),
])
def test_quadrant_boundaries(influence, dependency, threshold, expected):
    assert quadrant(influence, dependency, threshold) == expected


def test_every_move_and_combination():
    vertical = {"up": True, "down": False, None: None}
    horizontal = {"left": False, "right": True, None: None}
    for start, (inf, dep) in relnet.instruments.partners.QUADRANTS.items():
        for v, h in itertools.product(vertical, horizontal):
            move = "+".join(m for m in (v, h) if m) or None
            want_inf = inf if vertical[v] is None else vertical[v]
            want_dep = dep if horizontal[h] is None else horizontal[h]
            expected = next(k for k, q in relnet.instruments.partners.QUADRANTS.items()
                            if q == (want_inf, want_dep))
            assert target_quadrant(start, move) == expected, (start, move)


def test_partner_matrix_table(tmp_path):
    case = make(tmp_path, partners="""\
actor,influence,dependency,move
p1,5,5,
p2,4,8,omhoog+links
p3,2,1,omlaag
vp1,8,3,rechts
""")
    m = relnet.partner_matrix(case).set_index("actor")
    assert m.loc["p1", "quadrant"] == "strategic" and m.loc["p1", "target_quadrant"] == "strategic"
    assert m.loc["p2", "quadrant"] == "bottleneck" and m.loc["p2", "move"] == "up+left"
    assert m.loc["p2", "target_quadrant"] == "leverage"
    assert m.loc["p3", "target_quadrant"] == "routine"
    assert m.loc["vp1", "quadrant"] == "leverage" and m.loc["vp1", "target_quadrant"] == "strategic"
    assert m.loc["p1", "strategy"] == relnet.instruments.partners.STRATEGIES["en"]["strategic"]
    assert m.loc["p1", "name"] == "Partner 1"
    assert {"betweenness", "cut_point", "mismatch"} <= set(m.columns)
    higher = relnet.partner_matrix(case, threshold=6).set_index("actor")
    assert higher.loc["p1", "quadrant"] == "routine"
    nl = relnet.partner_matrix(case, lang="nl").set_index("actor")
    assert nl.loc["p1", "strategy"].startswith("Bouw een meerjarig")


def test_partner_matrix_structural_position(tmp_path):
    # p1 is the only bridge to p3: a cut point with high betweenness, but scored as
    # low dependency -> mismatch; p2 is a leaf scored as high dependency -> mismatch
    case = make(tmp_path,
                ties="source,target,type\ngem,p1,collaboration\np1,p3,collaboration\n"
                     "gem,p2,collaboration\n",
                partners="actor,influence,dependency\np1,8,2\np2,6,9\np3,2,1\n")
    m = relnet.partner_matrix(case).set_index("actor")
    assert bool(m.loc["p1", "cut_point"]) and not bool(m.loc["p2", "cut_point"])
    assert m.loc["p1", "betweenness"] > 0
    assert bool(m.loc["p1", "mismatch"]) and bool(m.loc["p2", "mismatch"])
    assert not bool(m.loc["p3", "mismatch"])


def test_partner_scores_per_wave(tmp_path):
    folder = write_case_files(
        tmp_path / "w", meta=META + "waves: [2015, 2017]\n", actors=ACTORS,
        partners="actor,influence,dependency,wave\np1,2,2,2015\np1,8,8,2017\np2,5,1,\n")
    case = relnet.read_case(folder)
    early = relnet.partner_matrix(case, wave=2015).set_index("actor")
    late = relnet.partner_matrix(case).set_index("actor")
    assert early.loc["p1", "quadrant"] == "routine" and late.loc["p1", "quadrant"] == "strategic"
    assert early.loc["p2", "quadrant"] == late.loc["p2", "quadrant"] == "leverage"


def test_lindermeer_bundling_story():
    m = relnet.partner_matrix(relnet.load_example("lindermeer")).set_index("actor")
    for org in ("jw_west", "jw_oost", "jw_sport"):
        assert m.loc[org, "quadrant"] == "routine"
        assert m.loc[org, "target_quadrant"] == "strategic"


# ------------------------------------------------------------------ goal tree

GOALS = """\
id,label,parent
g0,Iedereen telt mee,
g1,Werk,g0
g2,Zorg,g0
g11,Werkplekken,g1
g12,Taal,g1
g111,Stages,g11
g21,Mantelzorg,g2
"""


def test_uncovered_goals_at_several_depths(tmp_path):
    case = make(tmp_path, goals=GOALS, goal_links="goal,actor\ng111,p1\ng111,p2\ng12,p1\n")
    cov = relnet.goal_coverage(case).set_index("goal")
    # p1 and p2 serve g111 (depth 3); p1 also g12. Nothing under g2.
    assert cov.loc["g111", "partners"] == 2 and cov.loc["g11", "partners"] == 0
    assert cov.loc["g11", "partners_total"] == 2
    assert cov.loc["g1", "partners_total"] == 2  # p1 counted once
    assert cov.loc["g0", "partners_total"] == 2
    assert cov.loc[~cov["covered"]].index.tolist() == ["g2", "g21"]
    assert cov.loc["g21", "depth"] == 2 and cov.loc["g111", "depth"] == 3
    assert cov.attrs["unlinked_partners"] == ["vp1", "vp2", "vp3", "p3"]
    tree = relnet.goal_tree(case)
    assert list(tree.successors("g1")) == ["g11", "g12"] and tree.nodes["g2"]["label"] == "Zorg"


def test_goal_tree_rejects_a_forest_built_in_code():
    case = relnet.load_example("welderhoven")
    case.goals.loc[case.goals["id"] == "g_werk", "parent"] = None
    with pytest.raises(relnet.CaseError) as info:  # a CaseError is a ValueError
        relnet.goal_tree(case)
    (problem,) = info.value.problems
    assert (problem.file, problem.row, problem.column) == ("goals (in memory)", 8, "parent")
    assert "more than one main goal" in problem.message


# ------------------------------------------------------------------ governance


def test_role_conflict_and_its_absence(tmp_path):
    case = make(tmp_path, roles="""\
body,role,holder
vp1,opdrachtgever,w1
vp1,eigenaar,w1
vp1,regisseur,afd
vp2,commissioner,w1
vp2,owner,w2
vp2,director,afd
vp3,owner,afd
""")
    c = relnet.role_conflicts(case)
    assert list(c.columns) == ["body", "rule", "severity", "message"]
    found = set(zip(c["body"], c["rule"], c["severity"]))
    assert found == {
        ("vp1", "commissioner_is_owner", "error"),
        ("vp3", "no_commissioner", "warning"),
        ("vp3", "no_director", "warning"),
        ("vp3", "holder_not_administrator", "warning"),
    }
    message = c.loc[c["rule"] == "commissioner_is_owner", "message"].item()
    assert "Wethouder Een" in message and "Verbonden Een" in message
    assert not (c["body"] == "vp2").any()  # a body with its roles in order has no finding
    nl = relnet.role_conflicts(case, lang="nl")
    assert "zowel opdrachtgever als eigenaar" in nl.loc[nl["rule"] == "commissioner_is_owner",
                                                          "message"].item()
    overview = relnet.role_overview(case)
    assert overview.loc["vp2", "owner"] == "w2" and pd.isna(overview.loc["vp3", "director"])


def test_affiliated_body_without_any_role(tmp_path):
    case = make(tmp_path, roles="body,role,holder\nvp1,commissioner,w1\nvp1,director,afd\n")
    c = relnet.role_conflicts(case)
    # vp2 and vp3 have no roles at all: no commissioner, but no_director needs roles
    assert set(zip(c["body"], c["rule"])) == {("vp2", "no_commissioner"),
                                              ("vp3", "no_commissioner")}


def test_brakkenveen_findings():
    c = relnet.role_conflicts(relnet.load_example("brakkenveen"))
    assert set(zip(c["body"], c["rule"])) >= {("vp_sd", "commissioner_is_owner"),
                                              ("vp_afval", "no_commissioner"),
                                              ("vp_afval", "no_director")}


# ------------------------------------------------------------------ lessons


def test_lesson_intervals_against_scipy():
    case = relnet.load_example("welderhoven")
    scores = relnet.lesson_scores(case, wave=2017)
    answers = case.lessons[case.lessons["wave"] == 2017]
    for row in scores.itertuples():
        x = answers.loc[answers["lesson"] == row.lesson, "score"].to_numpy(dtype=float)
        low, high = stats.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=stats.sem(x))
        assert row.n == len(x) == 12
        assert row.mean == pytest.approx(x.mean())
        assert row.sd == pytest.approx(x.std(ddof=1))
        assert (row.ci_low, row.ci_high) == (pytest.approx(low), pytest.approx(high))


def test_lesson_scores_with_few_answers(tmp_path):
    case = make(tmp_path, lessons="respondent,lesson,score\nR1,1,4\nR2,1,2\nR1,2,3\n")
    s = relnet.lesson_scores(case).set_index("lesson")
    # lesson 1: mean 3, sd sqrt(2), t(0.975, 1) = 12.706 -> 3 +- 12.706 * 1.4142 / 1.4142
    assert s.loc[1, "sd"] == pytest.approx(math.sqrt(2))
    assert s.loc[1, "ci_high"] == pytest.approx(3 + 12.7062047, rel=1e-6)
    assert s.loc[2, "n"] == 1 and s.loc[2, "mean"] == 3 and math.isnan(s.loc[2, "ci_low"])
    assert s.loc[3, "n"] == 0 and math.isnan(s.loc[3, "mean"])


def test_lesson_benchmark():
    cases = [relnet.load_example(n) for n in relnet.list_cases()["name"]]
    haverdonk = next(c for c in cases if c.meta["municipality"] == "Haverdonk")
    bench = relnet.lesson_benchmark(haverdonk, cases)
    assert len(bench) == 10
    pooled = pd.concat([c.lessons[c.lessons["wave"] == 2017] for c in cases if c is not haverdonk])
    lesson7 = pooled.loc[pooled["lesson"] == 7, "score"].to_numpy(dtype=float)
    row = bench.set_index("lesson").loc[7]
    assert row["bench_mean"] == pytest.approx(lesson7.mean())
    own = haverdonk.lessons.query("wave == 2017 and lesson == 7")["score"].to_numpy(dtype=float)
    assert row["p_value"] == pytest.approx(stats.ttest_ind(own, lesson7, equal_var=False).pvalue)
    assert row["indicator"] == "mutuality"
    assert row["indicator_value"] == pytest.approx(
        relnet.relational_profile(haverdonk).set_index("indicator").loc["mutuality", "value"])
    assert bool(row["differs"]) == (row["p_value"] < 0.05)
    assert np.isnan(bench.set_index("lesson").loc[2, "indicator_value"])


def test_lesson_titles_are_bilingual():
    nl, en = relnet.lessons_table("nl"), relnet.lessons_table("en")
    assert len(nl) == len(en) == 10
    assert nl.loc[4, "title"] == "ontzorgt" and en.loc[4, "title"] == "relieves care"
    assert len(relnet.LAWS) == 4 and len(relnet.OPPORTUNITIES) == 6

"""Partner matrix, goal tree, governance roles and the 10-lesson self-assessment."""

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from conftest import goal_chain, write_case_files
from scipy import stats

import relnet
from relnet.instruments.partners import quadrant, target_quadrant
from relnet.present.words import worded

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
actor,influence,dependency,move,opmerking,bundel
p1,5,5,,,
p2,4,8,omhoog+links,minder afhankelijk,
p3,2,1,omlaag,,
vp1,8,3,rechts,,samen
""")
    m = worded(relnet.partner_matrix(case), "en").set_index("actor")
    assert m.loc["p1", "quadrant"] == "strategic" and m.loc["p1", "target_quadrant"] == "strategic"
    assert m.loc["p2", "quadrant"] == "bottleneck" and m.loc["p2", "move"] == "up+left"
    assert m.loc["p2", "target_quadrant"] == "leverage"
    assert m.loc["p3", "target_quadrant"] == "routine"
    assert m.loc["vp1", "quadrant"] == "leverage" and m.loc["vp1", "target_quadrant"] == "strategic"
    assert m.loc["p1", "strategy"] == relnet.i18n.t("strategy.strategic", "en")
    assert m.loc["p1", "name"] == "Partner 1"
    assert {"betweenness", "cut_point"} <= set(m.columns)
    # v3: the dependency/betweenness "mismatch" compared different constructs: gone
    assert "mismatch" not in m.columns
    # v2: what the move means, after the source; the strategy of where the partner goes
    assert m.loc["p2", "action"] == ("raise this partner's effectiveness; "
                                     "become less dependent on this partner")
    assert m.loc["p2", "target_strategy"] == relnet.i18n.t("strategy.leverage", "en")
    assert m.loc["vp1", "action"] == "enter a committed multi-year partnership"
    assert m.loc["p1", "action"] == "no move chosen"
    # down: phase out and end, shown as the exit, not as the quadrant it stays in
    assert bool(m.loc["p3", "phase_out"]) and not bool(m.loc["p2", "phase_out"])
    assert m.loc["p3", "target_strategy"] == "Proposal: phase the relationship out and end it."
    # the note and the bundle (Dutch headers opmerking, bundel) are kept
    assert m.loc["p2", "note"] == "minder afhankelijk" and m.loc["vp1", "bundle"] == "samen"
    assert pd.isna(m.loc["p1", "note"]) and pd.isna(m.loc["p1", "bundle"])
    higher = relnet.partner_matrix(case, threshold=6).set_index("actor")
    assert higher.loc["p1", "quadrant"] == "routine"
    nl = worded(relnet.partner_matrix(case), "nl").set_index("actor")
    assert nl.loc["p1", "strategy"].startswith("Ga een langdurig, strategisch partnerschap")
    assert nl.loc["p3", "action"] == "de relatie afbouwen en beëindigen"


def test_strategy_never_contradicts_the_move():
    """A partner that moves up is never told to consider ending the relationship."""
    for name in relnet.list_cases()["name"]:
        m = worded(relnet.partner_matrix(relnet.load_example(name)), "en")
        moved_up = m[m["move"].fillna("").str.contains("up")]
        assert not moved_up["target_strategy"].str.contains("end").any(), name
        for row in m.itertuples():
            expected = "phase_out" if row.phase_out else "roles" if row.affiliated \
                else row.target_quadrant
            assert row.target_strategy == relnet.i18n.t(f"strategy.{expected}", "en")


def test_partner_bundles(tmp_path):
    case = make(tmp_path, partners="""\
actor,influence,dependency,move,note,bundle
p1,2,2,up+right,een aanbod,jeugd
p2,4,3,up+right,een aanbod,jeugd
p3,3,6,up,,jeugd
vp1,8,3,rechts,,
vp2,1,1,omlaag,,afbouw
""")
    b = relnet.partner_bundles(case).set_index("bundle")
    assert list(b.index) == ["afbouw", "jeugd"]
    jeugd = b.loc["jeugd"]
    assert jeugd["members"] == "Partner 1, Partner 2, Partner 3" and jeugd["n"] == 3
    assert jeugd["influence"] == pytest.approx(3.0) and jeugd["dependency"] == pytest.approx(11 / 3)
    assert pd.isna(jeugd["move"])  # the members do not share one move
    assert jeugd["quadrant"] == "routine" and jeugd["note"] == "een aanbod"
    assert b.loc["afbouw", "move"] == "down" and b.loc["afbouw", "n"] == 1
    bundled = relnet.partner_bundles(relnet.load_example("lindermeer")).iloc[0]
    assert (bundled["n"], bundled["move"], bundled["target_quadrant"]) == (3, "up+right",
                                                                            "strategic")


def test_partner_matrix_structural_position(tmp_path):
    # p1 is the only bridge to p3: a cut point with high betweenness; p2 is a leaf
    case = make(tmp_path,
                ties="source,target,type\ngem,p1,collaboration\np1,p3,collaboration\n"
                     "gem,p2,collaboration\n",
                partners="actor,influence,dependency\np1,8,2\np2,6,9\np3,2,1\n")
    m = relnet.partner_matrix(case).set_index("actor")
    assert bool(m.loc["p1", "cut_point"]) and not bool(m.loc["p2", "cut_point"])
    assert m.loc["p1", "betweenness"] > 0 and m.loc["p2", "betweenness"] == 0


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
    assert list(c.columns) == ["body", "rule", "severity", "message", "params"]
    found = set(zip(c["body"], c["rule"], c["severity"]))
    assert found == {
        ("vp1", "commissioner_is_owner", "error"),
        ("vp3", "no_commissioner", "warning"),
        ("vp3", "no_director", "warning"),
        ("vp3", "holder_not_administrator", "warning"),
    }
    message = worded(c, "en").loc[c["rule"] == "commissioner_is_owner", "message"].item()
    assert "Wethouder Een" in message and "Verbonden Een" in message
    assert c.loc[c["rule"] == "commissioner_is_owner", "params"].item() == {
        "body": "Verbonden Een", "holder": "Wethouder Een"}
    assert not (c["body"] == "vp2").any()  # a body with its roles in order has no finding
    nl = worded(relnet.role_conflicts(case), "nl")
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
    case = make(tmp_path, lessons="respondent,lesson,score\nR1,1,4\nR2,1,2\nR1,2,3\n"
                                  "R1,4,1\nR2,4,3\nR3,4,2\nR4,4,2\n")
    s = relnet.lesson_scores(case).set_index("lesson")
    # lesson 1: 2 answers, mean 3, sd sqrt(2): no interval (its half-width would be 12.7)
    assert s.loc[1, "sd"] == pytest.approx(math.sqrt(2))
    assert math.isnan(s.loc[1, "ci_low"]) and math.isnan(s.loc[1, "ci_high"])
    assert s.loc[2, "n"] == 1 and s.loc[2, "mean"] == 3 and math.isnan(s.loc[2, "ci_low"])
    assert s.loc[3, "n"] == 0 and math.isnan(s.loc[3, "mean"])
    # lesson 4: 4 answers (1, 3, 2, 2): mean 2, sd sqrt(2/3), t(0.975, 3) = 3.18245 ->
    # half-width 3.18245 * 0.8165 / 2 = 1.2991; the interval runs below the 1-5 scale and is
    # reported to its real end
    assert s.loc[4, "ci_low"] == pytest.approx(2 - 3.182446 * math.sqrt(2 / 3) / 2)
    assert s.loc[4, "ci_low"] < 1
    assert list(s["few"]) == [True] * 10  # every lesson has fewer than 5 answers


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
    # lesson 7 varies no more between the cases than within them (ICC 0): Kish's effective
    # sample sizes are the counts, and the test is Welch's
    assert row["icc"] == 0 and row["n_effective"] == len(own)
    assert row["p_value"] == pytest.approx(stats.ttest_ind(own, lesson7, equal_var=False).pvalue)
    assert row["indicator"] == "mutuality"
    assert row["indicator_value"] == pytest.approx(
        relnet.relational_profile(haverdonk).set_index("indicator").loc["mutuality", "value"])
    # Holm over the ten lessons, by hand: sort, multiply by (10 - rank), keep monotone
    p = bench["p_value"].to_numpy()
    order = np.argsort(p)
    holm = np.empty(10)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (10 - rank) * p[i]))
        holm[i] = running
    assert bench["p_adjusted"].to_numpy() == pytest.approx(holm)
    assert list(bench["differs"]) == list(holm < 0.05)
    assert bench["fictional_benchmark"].all()  # the shipped cases are fictional
    contributing = [c.meta["municipality"] for c in cases
                    if c is not haverdonk and (c.lessons["wave"] == 2017).any()]
    assert sorted(contributing) == ["Brakkenveen", "Brinkeloo", "Lindermeer", "Welderhoven"]
    assert bench["others_cases"].eq(len(contributing)).all()
    assert np.isnan(bench.set_index("lesson").loc[2, "indicator_value"])


def test_holm_removes_a_false_difference():
    """Three lessons at p 0.009-0.025 do not survive Holm's correction over ten."""
    from relnet.instruments.lessons import _holm

    adjusted = _holm([0.009, 0.02, 0.025, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95])
    assert adjusted[:3] == pytest.approx([0.09, 0.18, 0.2])


def test_holm_by_hand_with_ties_and_products_above_one():
    """Sorted: 0.01 x 5 = 0.05, 0.02 x 4 = 0.08, 0.4 x 3 = 1.2 -> 1, 0.4 x 2 = 0.8 -> 1 (never
    below the one before), 0.5 x 1 = 0.5 -> 1; back in the order given. The two tied 0.4s
    get the same adjusted p-value whichever of them is sorted first."""
    from relnet.instruments.lessons import _holm

    adjusted = _holm([0.4, 0.01, 0.4, 0.02, 0.5])
    assert adjusted.tolist() == pytest.approx([1.0, 0.05, 1.0, 0.08, 1.0])
    assert _holm([0.03, 0.03, 0.2]).tolist() == pytest.approx([0.09, 0.09, 0.2])
    assert _holm([0.2]).tolist() == [0.2] and len(_holm([])) == 0


def test_lesson_titles_are_bilingual():
    nl, en = relnet.lessons_table("nl"), relnet.lessons_table("en")
    assert len(nl) == len(en) == 10
    assert nl.loc[4, "title"] == "ontzorgt" and en.loc[4, "title"] == "unburdens (ontzorgt)"
    assert len(relnet.LAWS) == 4 and len(relnet.OPPORTUNITIES) == 6


def test_an_official_entered_as_commissioner_is_pointed_to_the_director_role(tmp_path):
    """The source makes the director (regisseur) the official commissioner: a department
    entered as commissioner is told so, and an administrator as commissioner is fine."""
    case = make(tmp_path, roles="body,role,holder\nvp1,commissioner,afd\nvp1,owner,w2\n"
                                "vp1,director,afd\nvp2,commissioner,w1\nvp2,director,afd\n")
    c = worded(relnet.role_conflicts(case), "en")
    rows = c[c["rule"] == "holder_not_administrator"]
    assert rows["body"].tolist() == ["vp1"]
    message = rows["message"].item()
    assert "Afdeling" in message and "official commissioner" in message and \
        "director" in message
    nl = worded(relnet.role_conflicts(case), "nl")
    assert "regisseur" in nl.loc[nl["rule"] == "holder_not_administrator", "message"].item()
    # an owner who is not an administrator gets the plain message
    other = make(tmp_path / "x", roles="body,role,holder\nvp1,commissioner,w1\nvp1,owner,p1\n"
                                       "vp1,director,afd\n")
    message = worded(relnet.role_conflicts(other), "en").query(
        "rule == 'holder_not_administrator'")["message"].item()
    assert message == "The owner role of Verbonden Een is held by Partner 1, who is not an " \
                      "administrator."


GOALS_TASKS = """\
id,name,goal,team,effort,statutory
t1,Aanvragen,g111,A,100,ja
t2,Taallessen,g12,B,40,
t3,Mantelzorgdag,g21,A,10,nee
t4,Subsidies,,B,25,
t5,Vergunningen,,A,5,ja
"""


def test_goal_priorities_by_hand(tmp_path):
    case = make(tmp_path, goals=GOALS.replace("id,label,parent", "id,label,parent,visie")
                .replace("g0,Iedereen telt mee,", "g0,Iedereen telt mee,,Iedereen doet mee"),
                activities=GOALS_TASKS,
                goal_links="goal,actor,contribution\ng111,p1,4\ng111,p2,2\ng12,p1,\n")
    p = worded(relnet.goal_priorities(case), "nl").set_index("label")
    # g1 (Werk) holds t1 (g111 below g11 below g1) and t2 (g12): 140 hours, 100 statutory
    assert (p.loc["Werk", "activities"], p.loc["Werk", "effort"],
            p.loc["Werk", "statutory_effort"]) == (2, 140.0, 100.0)
    assert (p.loc["Iedereen telt mee", "activities"], p.loc["Iedereen telt mee", "effort"]) == \
        (3, 150.0)
    assert p.loc["Iedereen telt mee", "vision"] == "Iedereen doet mee"
    # contribution: the links of g1 and below with a score: 4 and 2
    assert p.loc["Werk", "mean_contribution"] == pytest.approx(3.0)
    assert math.isnan(p.loc["Zorg", "mean_contribution"])
    last = worded(relnet.goal_priorities(case), "nl").iloc[-1]
    assert pd.isna(last["goal"]) and last["label"] == "geen doel"
    assert (last["activities"], last["effort"], last["statutory_effort"]) == (2, 30.0, 5.0)
    unserved = relnet.unserved_activities(case)
    assert unserved["id"].tolist() == ["t4", "t5"]


@pytest.mark.slow
def test_a_10000_deep_goal_chain_takes_linear_time():
    import time

    case = relnet.load_example("haverdonk")
    n = 10_000
    goals = goal_chain(n)
    tasks = case.activities.iloc[:2].assign(goal=["g9999", "g5000"], effort=[10.0, 5.0])
    links = case.goal_links.iloc[:2].assign(goal=["g9999", "g0"], contribution=[4.0, 2.0])
    deep = case.copy(goals=goals, activities=tasks, goal_links=links)
    start = time.perf_counter()
    priorities = relnet.goal_priorities(deep).set_index("goal")
    coverage = relnet.goal_coverage(deep).set_index("goal")
    assert time.perf_counter() - start < 10  # took hours (every goal asked for its descendants)
    assert priorities.loc["g0", "effort"] == 15.0 and priorities.loc["g5001", "effort"] == 10.0
    assert priorities.loc["g0", "activities"] == 2 and priorities.loc["g9999", "activities"] == 1
    assert coverage.loc["g0", "mean_contribution"] == 3.0
    assert coverage.loc["g1", "mean_contribution"] == 4.0
    assert coverage.loc["g0", "partners_total"] == len(set(links["actor"]))

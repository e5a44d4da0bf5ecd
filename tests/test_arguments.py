"""The one door (relnet.data.arguments, relnet.data._memo): each public call checks a case
once, options are keyword-only, and what 0.2.0 deprecates still works with a warning."""

import warnings

import pandas as pd
import pytest

import relnet
from relnet.data import _memo
from relnet.data.arguments import REMOVED_IN


@pytest.fixture
def typed_case():
    """Haverdonk as an analyst would type it in pandas: Dutch kinds and tie types, so the
    case must be checked and normalised before any analysis (it is not trusted)."""
    case = relnet.load_example("haverdonk")
    actors, ties = case.actors.copy(), case.ties.copy()
    actors["kind"] = actors["kind"].replace({"municipality": "gemeente",
                                             "care_provider": "zorgaanbieder"})
    ties["type"] = ties["type"].replace({"collaboration": "samenwerking"})
    return case.copy(actors=actors, ties=ties)


def counted(call):
    _memo.clear()
    _memo.COUNTS.update(check=0, fingerprint=0)
    call()
    return dict(_memo.COUNTS)


@pytest.mark.slow
def test_a_report_checks_its_case_once(typed_case):
    """Before 0.2.0 a report checked and fingerprinted the case about 95 times."""
    counts = counted(lambda: relnet.build_report(typed_case, lang="nl", others=[]))
    assert counts["check"] == 1
    # the case, its normal form and the report's pseudonymised copy (relnet builds it) are
    # fingerprinted once per public call each: far from one per nested analysis
    assert counts["fingerprint"] <= 4


@pytest.mark.parametrize("call", [
    lambda c: relnet.key_findings(c, lang="nl", others=[]),
    lambda c: relnet.partner_bundles(c),
    lambda c: relnet.wave_changes(c, 2015, 2017),
    lambda c: relnet.goal_priorities(c),
])
def test_nested_public_calls_reuse_the_check(typed_case, call):
    assert counted(lambda: call(typed_case))["check"] == 1


def test_results_equal_those_of_the_same_case_read_back(typed_case):
    shipped = relnet.load_example("haverdonk")
    pd.testing.assert_frame_equal(relnet.partner_matrix(typed_case),
                                  relnet.partner_matrix(shipped))
    pd.testing.assert_series_equal(relnet.network_metrics(typed_case),
                                   relnet.network_metrics(shipped))


def test_an_edit_between_calls_is_seen():
    """Nothing is remembered by object between public calls: an in-place edit after one
    call changes the next result."""
    case = relnet.load_example("haverdonk")
    before = relnet.network_metrics(case, wave=2017)["n_ties"]
    rows = case.ties.index[case.ties["wave"] == 2017][:5]
    case.ties.loc[rows, "wave"] = 2015  # edited in place
    assert relnet.network_metrics(case, wave=2017)["n_ties"] < before


def test_options_are_keyword_only_and_positional_use_warns():
    case = relnet.load_example("haverdonk")
    expected = relnet.network_metrics(case, wave=2015, types="samenwerking")
    with pytest.warns(DeprecationWarning, match=f"wave, types by keyword.*{REMOVED_IN}"):
        old = relnet.network_metrics(case, 2015, "samenwerking")
    pd.testing.assert_series_equal(old, expected)
    with pytest.raises(TypeError, match="positional"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            relnet.lesson_scores(case, 2015, "too", "many")


def test_lang_of_an_analysis_is_accepted_with_a_warning_and_ignored():
    case = relnet.load_example("lindermeer")
    keys = relnet.partner_matrix(case)
    assert set(keys["strategy"]) <= {"strategic", "leverage", "bottleneck", "routine", "roles"}
    with pytest.warns(DeprecationWarning, match=f"'lang' is ignored.*{REMOVED_IN}"):
        old = relnet.partner_matrix(case, lang="nl")
    pd.testing.assert_frame_equal(old, keys)
    with pytest.warns(DeprecationWarning):  # the old positional order (wave, threshold, lang)
        old = relnet.partner_matrix(case, None, 5, "nl")
    pd.testing.assert_frame_equal(old, keys)
    with pytest.warns(DeprecationWarning):
        relnet.role_conflicts(case, "en")


def test_the_presentation_layer_words_the_keys():
    from relnet.present.words import worded

    case = relnet.load_example("lindermeer")
    nl = worded(relnet.partner_matrix(case), "nl").set_index("actor")
    assert nl.loc["jw_west", "action"] == ("de effectiviteit van deze partner verhogen; "
                                           "een meerjarig, gecommitteerd samenwerkingsverband "
                                           "aangaan")
    shown = relnet.show(relnet.partner_matrix(case)[["name", "strategy"]], lang="en")
    assert "Keep it simple" in shown._repr_html_() or "Make performance" in shown._repr_html_()


@pytest.mark.parametrize("call, old, new", [
    (lambda **k: relnet.role_overview(relnet.load_example("brakkenveen"), **k), "labels", "names"),
    (lambda **k: relnet.plot.network_plot(relnet.load_example("lindermeer"), **k), "labels",
     "n_labels"),
    (lambda **k: relnet.widgets.goal_explorer(**k), "case", "start"),
])
def test_one_meaning_per_parameter_name(call, old, new):
    """Parameters renamed in 0.2.0 (a count `n_labels`, a flag `names`, a starting case
    `start`: `case` is always a Case) still work by their old name, with a warning."""
    value = {"labels": True, "n_labels": 3, "names": True, "case": "Welderhoven",
             "start": "Welderhoven"}
    with pytest.warns(DeprecationWarning, match=f"'{old}' is now called '{new}'"):
        call(**{old: value[new] if new != "names" else True})


def test_figures_were_keyword_only_and_stay_so():
    case = relnet.load_example("haverdonk")
    with pytest.raises(TypeError, match="positional"):
        relnet.plot.wave_plot(case, 2015, 2017, "en")


def test_a_deprecation_points_at_the_callers_line():
    case = relnet.load_example("brakkenveen")
    with pytest.warns(DeprecationWarning) as caught:
        relnet.role_overview(case, labels=True)
    assert caught[0].filename == __file__


def test_the_benchmark_leaves_out_the_case_itself_however_it_was_loaded():
    typed = relnet.load_example("haverdonk")
    typed.actors.loc[typed.actors["kind"] == "municipality", "kind"] = "gemeente"
    others = [typed, relnet.load_example("haverdonk"), relnet.load_example("welderhoven")]
    assert relnet.lesson_benchmark(typed, others)["others_cases"].max() == 1
    bare = relnet.load_example("welderhoven")
    bare.lessons = bare.lessons[["respondent", "lesson", "score"]]
    assert relnet.lesson_benchmark(typed, [bare])["bench_n"].max() > 0


def test_a_case_relnet_built_stays_valid_after_the_cache_is_cleared():
    import networkx as nx

    from relnet.network._cache import clear_cache
    from relnet.network.graph import from_networkx

    karate = from_networkx(nx.karate_club_graph())  # weights up to 7: beyond the 1-5 scale
    relnet.network_metrics(karate)
    clear_cache()
    assert relnet.network_metrics(karate)["n_actors"] == 34

"""The caches (relnet/data/_memo.py, relnet/network/_cache.py) and the fingerprint they are keyed
on (relnet/data/_fingerprint.py): an analysis sees in-place edits, added columns and other
meta, loaded cases and copies are independent, and an edited case gives what a fresh read of
it gives."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import relnet

# ------------------------------------------------------------------ stale cache


def test_a_column_added_after_an_analysis_is_seen():
    case = relnet.load_example("haverdonk")
    relnet.actor_metrics(case)  # fills the cache for this content
    teams = {"wt_noord": "noord", "wt_zuid": "zuid"}
    case.actors["team"] = case.actors["district"].fillna("elders")
    batch = relnet.centrality_batch(case, by="team", progress=False)
    assert set(batch["team"]) == set(case.actors.loc[
        case.actors["id"].isin(relnet.actor_metrics(case).index), "team"])
    assert teams  # the column, not the dict, decides the groups


def test_registered_metric_sees_tie_columns_edited_in_place():
    case = relnet.load_example("haverdonk")
    relnet.register_metric("mean_trust", lambda G: float(G.graph["case"].ties["trust"].mean()))
    try:
        before = relnet.network_metrics(case)["mean_trust"]
        case.ties.loc[:, "trust"] = 1.0  # an in-place edit of a column no graph is built from
        after = relnet.network_metrics(case)["mean_trust"]
        assert before != 1.0 and after == 1.0
        case.ties.loc[0, "trust"] = 5.0  # one cell
        assert relnet.network_metrics(case)["mean_trust"] == pytest.approx(
            (len(case.ties) - 1 + 5) / len(case.ties))
    finally:
        relnet.unregister_metric("mean_trust")


def test_same_graph_other_meta_is_another_result():
    a = relnet.load_example("haverdonk")
    b = a.copy()
    b.meta["name"] = "Een andere casus"
    relnet.register_metric("name_length", lambda G: float(len(G.graph["case"].meta["name"])))
    try:
        assert relnet.network_metrics(a)["name_length"] == len(a.meta["name"])
        assert relnet.network_metrics(b)["name_length"] == len("Een andere casus")
        # the cached graph does not follow a later edit of the case it was made from
        a.meta["name"] = "x"
        assert relnet.network_metrics(a)["name_length"] == 1
    finally:
        relnet.unregister_metric("name_length")


def test_actor_table_edited_in_place_changes_the_indicators():
    case = relnet.load_example("haverdonk")
    before = relnet.relational_profile(case).set_index("indicator")["value"]
    case.actors.loc[case.actors["kind"] == "administrator", "kind"] = "other"
    after = relnet.relational_profile(case).set_index("indicator")
    assert not np.isnan(before["administrator_reach"])
    assert np.isnan(after.loc["administrator_reach", "value"])


# ------------------------------------------------------------------ independent cases


def test_loaded_cases_are_independent():
    relnet.load_example("haverdonk").meta["waves"].append(2019)
    relnet.load_example("haverdonk").meta["lessons"].clear()
    case = relnet.load_example("haverdonk")
    assert case.waves == [2015, 2017] and case.meta["lessons"] == [1, 4, 7, 10]


def test_copy_is_deep():
    a = relnet.load_example("lindermeer")
    b = a.copy()
    b.meta["waves"].append(2020)
    b.partners.loc[0, "influence"] = 0.0
    assert a.waves == [2015, 2017] and a.partners.loc[0, "influence"] != 0.0


# ------------------------------------------------------------------ property: edits


_EDITS = st.lists(st.tuples(st.sampled_from(["weight", "type", "column", "remove", "kind"]),
                            st.integers(0, 10_000)), min_size=1, max_size=4)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@pytest.mark.slow
@given(edits=_EDITS)
def test_in_place_edits_give_what_a_fresh_read_gives(tmp_path, edits):
    """Analyse, edit in place, analyse again: the same as reading the edited case anew."""
    case = relnet.load_example("lindermeer")
    relnet.network_metrics(case)
    relnet.actor_metrics(case)
    for edit, k in edits:
        if edit == "weight":
            case.ties.loc[k % len(case.ties), "weight"] = float(1 + k % 5)
        elif edit == "type":
            case.ties.loc[k % len(case.ties), "type"] = ["collaboration", "funding",
                                                         "support"][k % 3]
        elif edit == "column":
            case.actors[f"extra{k % 3}"] = [f"v{(i * k) % 4}" for i in range(len(case.actors))]
        elif edit == "kind":
            row = k % len(case.actors)
            if case.actors.loc[row, "kind"] not in ("municipality",):
                case.actors.loc[row, "kind"] = ["welfare_org", "key_person"][k % 2]
        else:
            keep = case.actors["id"].iloc[k % len(case.actors)]
            if keep != "gem":
                smaller = relnet.network.graph.remove_actors(case, [keep])
                case.actors = smaller.actors
                case.ties = smaller.ties
                case.partners = smaller.partners
                case.goal_links = smaller.goal_links
                case.roles = smaller.roles
        folder = tmp_path / "fresh"
        if folder.exists():
            import shutil

            shutil.rmtree(folder)
        relnet.write_case(case, folder)
        fresh = relnet.read_case(folder)
        pd.testing.assert_series_equal(relnet.network_metrics(case),
                                       relnet.network_metrics(fresh))
        pd.testing.assert_frame_equal(relnet.actor_metrics(case),
                                      relnet.actor_metrics(fresh))
        pd.testing.assert_frame_equal(relnet.relational_profile(case),
                                      relnet.relational_profile(fresh))
        pd.testing.assert_frame_equal(relnet.partner_matrix(case),
                                      relnet.partner_matrix(fresh))


def test_meta_keys_of_any_type_do_not_break_the_cache():
    """meta with a number as key (2015), keys of mixed types inside a value, None as key or
    a set as value: an analysis still runs (the fingerprint sorted the keys and raised
    TypeError), and 2015 and "2015" are different content."""
    from relnet.data._fingerprint import fingerprint

    case = relnet.load_example("haverdonk")
    expected = relnet.network_metrics(case)
    for extra in ({2015: "x"}, {"x": {1: "a", "b": 2}}, {None: 1, "y": {3, "a"}}):
        edited = case.copy()
        edited.meta.update(extra)
        pd.testing.assert_series_equal(relnet.network_metrics(edited), expected)
    number, text = case.copy(), case.copy()
    number.meta[2015], text.meta["2015"] = "x", "x"
    assert fingerprint(number) != fingerprint(text)

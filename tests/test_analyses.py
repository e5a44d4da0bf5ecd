"""Waves, comparison, tie quality, name reconciliation and synthetic cases."""

import math

import numpy as np
import pandas as pd
import pytest
from conftest import write_case_files

import relnet
from relnet.cli import main
from relnet.network.graph import collapsed_edges, wave_ties
from relnet.synth import generate_case

# ------------------------------------------------------------------ waves and compare


def test_wave_changes_on_a_shipped_case():
    case = relnet.load_example("haverdonk")
    changes = relnet.wave_changes(case, 2015, 2017)
    status = changes.actors.set_index("id")["status"]
    assert sorted(status[status == "added"].index) == [
        "bi_eten", "bi_taal", "wt_centrum", "wt_noord", "wt_zuid"]
    assert (status == "lost").sum() == 0 and (status == "kept").sum() == 33
    links_a = {tuple(x) for x in collapsed_edges(wave_ties(case, 2015))[["u", "v"]].values}
    links_b = {tuple(x) for x in collapsed_edges(wave_ties(case, 2017))[["u", "v"]].values}
    counts = changes.ties["status"].value_counts()
    assert counts["added"] == len(links_b - links_a)
    assert counts["kept"] == len(links_a & links_b)
    # 2017 comes from a survey (reported_by): a link of 2015 missing in 2017 is lost only
    # when both its actors answered in 2017, else unknown
    answered = set(wave_ties(case, 2017)["reported_by"].dropna())
    gone = links_a - links_b
    lost = {link for link in gone if set(link) <= answered}
    assert counts["lost"] == len(lost) == 2 and counts["unknown"] == len(gone - lost) == 10
    # the response rates, 40% and 64%, make the two waves incomparable
    assert changes.rates == (pytest.approx(0.40), pytest.approx(0.64))
    assert changes.comparable is False and not changes.metrics["comparable"].any()
    m = changes.metrics
    for metric in ("density", "hub_dependence", "mutuality", "modularity"):
        assert m.loc[metric, "a"] == pytest.approx(
            relnet.compare([(case, 2015)]).iloc[0][metric])
        assert m.loc[metric, "difference"] == pytest.approx(m.loc[metric, "b"] - m.loc[metric, "a"])
    assert set(m["kind"]) == {"metric", "indicator"}
    assert m["se"].notna().sum() >= 15 and (m["se"].dropna() >= 0).all()
    assert "->" in repr(changes)
    assert changes.counts().loc["actors", "added"] == 5


def test_compare_forms():
    cases = {n: relnet.load_example(n) for n in relnet.list_cases()["name"]}
    by_dict = relnet.compare(cases)
    assert list(by_dict["case"]) == list(cases)
    assert (by_dict["wave"] == 2017).all()
    pairs = relnet.compare([(cases["haverdonk"], 2015), (cases["haverdonk"], 2017)])
    assert list(pairs["wave"]) == [2015, 2017]
    assert pairs["hub_dependence"].is_monotonic_decreasing
    with pytest.raises(TypeError):
        relnet.compare([1, 2])


# ------------------------------------------------------------------ trust and value

RATED = """\
source,target,type,reported_by,reliability,mission,openness,power,resources,involvement
a,b,collaboration,a,4,2,3,1,2,3
c,b,collaboration,c,4,4,4,4,4,4
b,a,collaboration,b,2,2,2,3,3,3
d,c,information,c,,,,,,
"""


def test_trust_value_by_hand(tmp_path):
    folder = write_case_files(
        tmp_path / "tv", meta="name: T\nmunicipality: T\nfictional: true\n",
        actors="id,name,kind\na,A,other\nb,B,other\nc,C,other\nd,D,other\n", ties=RATED)
    tv = relnet.trust_value(relnet.read_case(folder))
    # b is rated by a (trust (4+2+3)/3 = 3, value 2) and by c (4, 4)
    assert tv.actors.loc["b", "trust"] == pytest.approx(3.5)
    assert tv.actors.loc["b", "value"] == pytest.approx(3.0)
    assert tv.actors.loc["b", "n_ratings"] == 2
    # a is rated by b: trust 2, value 3
    assert (tv.actors.loc["a", "trust"], tv.actors.loc["a", "value"]) == (2.0, 3.0)
    # c reported the d-c tie without scores: no rating; d received nothing
    assert tv.actors.loc["d", "n_ratings"] == 0 and math.isnan(tv.actors.loc["d", "trust"])
    assert tv.network["trust"] == pytest.approx((3 + 4 + 2) / 3)
    assert tv.network["value"] == pytest.approx((2 + 4 + 3) / 3)
    # respondents a, b, c of 4 actors
    assert tv.network["response_rate"] == pytest.approx(0.75)


def test_trust_value_without_reports_is_nan():
    case = generate_case(40, seed=1)
    case.ties["reported_by"] = pd.Series([None] * len(case.ties), dtype="str")
    tv = relnet.trust_value(case)
    assert math.isnan(tv.network["response_rate"]) and tv.network["n_ratings"] == 0


# ------------------------------------------------------------------ names


def test_similar_names_finds_spelling_variants():
    actors = pd.DataFrame({
        "id": ["a", "b", "c", "d", "e", "f", "g"],
        "name": ["St. Welzijn Oost", "Stichting Welzijn Oost", "Zorggroep Noord",
                 "Zorggroep Zuid", "GGZ Oost", "Geestelijke Gezondheidszorg Oost",
                 "WELZIJN OOST B.V."],
        "kind": "welfare_org"})
    found = relnet.similar_names(relnet.Case(actors=actors))
    pairs = {(r.id_a, r.id_b): r.score for r in found.itertuples()}
    assert pairs[("a", "b")] == 100 and pairs[("a", "g")] == 100 and pairs[("b", "g")] == 100
    assert ("e", "f") in pairs
    assert ("c", "d") not in pairs  # north and south are different organisations
    assert found["score"].is_monotonic_decreasing


def test_merge_actors_moves_everything_and_collapses_duplicates():
    case = relnet.load_example("haverdonk")
    # make a spelling variant of welz_hav with its own ties, partner score and goal link
    variant = case.copy()
    variant.actors = pd.concat([case.actors, pd.DataFrame(
        {"id": ["welz_hav2"], "name": ["St. Welzijn Haverdonk"], "kind": ["welfare_org"],
         "person": [False]})], ignore_index=True)
    extra_ties = case.ties[case.ties["target"] == "welz_hav"].copy()
    extra_ties["target"] = "welz_hav2"
    extra_ties["weight"] = 5.0
    variant.ties = pd.concat([case.ties, extra_ties], ignore_index=True)
    score = case.partners[case.partners["actor"] == "welz_hav"].copy()
    score["actor"], score["influence"] = "welz_hav2", 10.0
    variant.partners = pd.concat([case.partners, score], ignore_index=True)
    merged = relnet.merge_actors(variant, {"welz_hav2": "welz_hav"})
    assert "welz_hav2" not in set(merged.actors["id"])
    assert len(merged.actors) == len(case.actors)
    # duplicates collapsed: same ties as before, with the larger weight
    assert len(merged.ties) == len(case.ties)
    into = merged.ties[merged.ties["target"] == "welz_hav"]
    assert (into["weight"] == 5.0).all()
    p = merged.partners[(merged.partners["actor"] == "welz_hav") & (merged.partners["wave"] == 2017)]
    original = case.partners[(case.partners["actor"] == "welz_hav") & (case.partners["wave"] == 2017)]
    assert p["influence"].iloc[0] == pytest.approx((original["influence"].iloc[0] + 10) / 2)
    with pytest.raises(ValueError, match="no actor has that id"):
        relnet.merge_actors(case, {"nobody": "welz_hav"})


def test_merged_case_is_still_valid(tmp_path):
    merged = relnet.merge_actors(relnet.load_example("lindermeer"),
                                 {"jw_oost": "jw_west", "jw_sport": "jw_west"})
    relnet.write_case(merged, tmp_path / "m")
    assert relnet.validate(tmp_path / "m") == []
    roles = relnet.merge_actors(relnet.load_example("brakkenveen"), {"weth_a": "weth_b"}).roles
    assert "weth_a" not in set(roles["holder"])


def _many_names(n, seed=1):
    import random
    import string

    rng = random.Random(seed)
    words = ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 9)))
             for _ in range(3000)]
    names = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 4))).title()
             for _ in range(n)]
    names[n - 1] = "Stichting " + names[0]
    return pd.DataFrame({"id": [f"a{i}" for i in range(n)], "name": names,
                         "kind": "welfare_org"})


def test_similar_names_never_builds_an_n_by_n_matrix(monkeypatch):
    from rapidfuzz import process

    from relnet.network import names

    real, shapes = process.cdist, []

    def counted(a, b, **kwargs):
        shapes.append((len(a), len(b)))
        return real(a, b, **kwargs)

    monkeypatch.setattr(names.process, "cdist", counted)
    monkeypatch.setattr(names, "_BLOCK_CELLS", 100_000)
    actors = _many_names(3000)
    found = relnet.similar_names(relnet.Case(actors=actors))
    assert max(r * c for r, c in shapes) <= 2 * 100_000 < 3000 * 3000
    pair = found[(found["id_a"] == "a0") & (found["id_b"] == "a2999")]
    assert len(pair) == 1 and pair["score"].iloc[0] == 100
    # the blocks find what one full matrix finds
    monkeypatch.setattr(names, "_BLOCK_CELLS", 10**8)
    whole = relnet.similar_names(relnet.Case(actors=actors))
    pd.testing.assert_frame_equal(found, whole)


@pytest.mark.slow
def test_similar_names_at_20000_actors():
    found = relnet.similar_names(relnet.Case(actors=_many_names(20_000)))
    assert ((found["id_a"] == "a0") & (found["id_b"] == "a19999")).any()


def test_merge_actors_keeps_every_comment_and_every_reporter():
    case = relnet.load_example("haverdonk")
    tie = case.ties.iloc[[0]].copy()
    source, target, reporter = tie["source"].iloc[0], tie["target"].iloc[0], \
        tie["reported_by"].iloc[0]
    other = next(a for a in case.actors["id"] if a not in (source, target, reporter))
    row = case.actors[case.actors["id"] == source]
    case.actors = pd.concat([case.actors, row.assign(id="twin", name="Tweeling")],
                            ignore_index=True)
    first = tie.assign(comment="eerste opmerking")
    second = tie.assign(source="twin", comment="tweede opmerking")
    third = tie.assign(source="twin", reported_by=other, comment="van een ander")
    case.ties = pd.concat([case.ties.iloc[1:], first, second, third], ignore_index=True)
    merged = relnet.merge_actors(case, {"twin": source})
    same = merged.ties[(merged.ties["source"] == source) & (merged.ties["target"] == target)
                       & (merged.ties["type"] == tie["type"].iloc[0])
                       & (merged.ties["wave"] == tie["wave"].iloc[0])]
    comments = dict(zip(same["reported_by"], same["comment"]))
    assert comments == {reporter: "eerste opmerking | tweede opmerking", other: "van een ander"}


# ------------------------------------------------------------------ synthetic cases


@pytest.mark.parametrize("style", ["relational", "directive"])
def test_synthetic_case_is_valid(tmp_path, style):
    case = generate_case(300, seed=2, style=style)
    relnet.write_case(case, tmp_path / "s")
    assert relnet.validate(tmp_path / "s") == []
    assert len(case.actors) == 300
    assert len(case.ties) == pytest.approx(7.5 * 300, rel=0.1)
    for table in case.tables.values():
        assert len(table) > 0
    assert set(case.actors["kind"]) >= {"municipality", "department", "administrator",
                                        "district_team", "care_provider", "informal_carer"}


def test_synthetic_styles_differ_and_are_reproducible():
    relational = generate_case(400, seed=5, style="relational")
    directive = generate_case(400, seed=5, style="directive")
    hub_r = relnet.relational_profile(relational).set_index("indicator").loc["hub_dependence", "value"]
    hub_d = relnet.relational_profile(directive).set_index("indicator").loc["hub_dependence", "value"]
    assert hub_d > hub_r
    again = generate_case(400, seed=5, style="relational")
    pd.testing.assert_frame_equal(again.ties, relational.ties)
    with pytest.raises(ValueError, match="style"):
        generate_case(50, style="chaotic")


def test_cli_synth(tmp_path, capsys):
    assert main(["--lang", "en", "synth", str(tmp_path / "s"), "--actors", "80", "--style", "directive"]) == 0
    assert "80 actors" in capsys.readouterr().out
    assert relnet.validate(tmp_path / "s") == []


@pytest.mark.slow
def test_wave_change_se_is_the_jackknife_over_actors_in_both_waves(tmp_path):
    """Each actor present in both waves is dropped from both at once; the se of the change
    is the jackknife over those differences (checked by removing actors one by one)."""
    from relnet.network.graph import remove_actors
    from relnet.network.waves import comparable

    case = relnet.load_example("lindermeer")
    a, b = case.waves[0], case.waves[-1]
    changes = relnet.wave_changes(case, a, b).metrics
    both = set(relnet.network.graph.present_actors(case, a)["id"]) & \
        set(relnet.network.graph.present_actors(case, b)["id"])
    for name in ("provider_density", "hub_dependence"):
        diffs = []
        for actor in sorted(both):
            smaller = remove_actors(case, [actor])
            pa = relnet.relational_profile(smaller, wave=a, se=False).set_index("indicator")
            pb = relnet.relational_profile(smaller, wave=b, se=False).set_index("indicator")
            diffs.append(pb.loc[name, "value"] - pa.loc[name, "value"])
        theta = np.array([d for d in diffs if not np.isnan(d)])
        k = len(theta)
        expected = np.sqrt((k - 1) / k * ((theta - theta.mean()) ** 2).sum())
        assert changes.loc[name, "se"] == pytest.approx(expected), name
    assert comparable(None, None) and comparable(0.9, 0.8) and not comparable(0.9, 0.79)
    assert not comparable(0.7, 0.6) and not comparable(None, 0.9)

"""Relational indicators on a small case whose every value is computed by hand below."""

import math

import pytest
from conftest import write_case_files

import relnet

ACTORS = """\
id,name,kind,domain
gem,Gemeente,municipality,general
afd,Afdeling,department,care|welfare
weth,Wethouder,administrator,general
wt,Wijkteam,district_team,care
zorg1,Zorg 1,care_provider,care
zorg2,Zorg 2,care_provider,care|health
welz,Welzijn,welfare_org,welfare
bi,Buurtinitiatief,citizen_initiative,welfare
mz,Mantelzorger,informal_carer,care
werk,Werkgever,employer,work
"""
TIES = """\
source,target,type,directed
gem,afd,governance,
weth,gem,governance,
afd,zorg1,funding,
zorg1,afd,information,ja
afd,zorg2,contract,
afd,bi,funding,
wt,mz,support,
wt,zorg1,collaboration,
zorg1,zorg2,collaboration,
welz,bi,collaboration,
weth,werk,information,
weth,welz,information,ja
welz,weth,information,ja
werk,zorg2,collaboration,
"""
# Municipal: gem, afd, weth, wt. Informal: bi, mz. n = 10.
# Collapsed links (12): gem-afd, weth-gem, afd-zorg1, afd-zorg2, afd-bi, wt-mz, wt-zorg1,
#   zorg1-zorg2, welz-bi, weth-werk, weth-welz, werk-zorg2.
EXPECTED = {
    # links with a municipal end: gem-afd, weth-gem (both municipal), afd-zorg1, afd-zorg2,
    # afd-bi, wt-mz, wt-zorg1, weth-werk, weth-welz = 9; other end not municipal: 7
    "outward_share": 7 / 9,
    # funding/support pairs with one municipal end: {afd,zorg1}, {afd,bi}, {wt,mz};
    # informal other end: bi, mz
    "informal_facilitation": 2 / 3,
    # providers wt, zorg1, zorg2, welz: 6 pairs, links wt-zorg1 and zorg1-zorg2
    "provider_density": 2 / 6,
    # directed ties with one municipal end: afd>zorg1, zorg1>afd, afd>zorg2, afd>bi,
    # weth>welz, welz>weth; reversed: afd>zorg1, zorg1>afd, weth>welz, welz>weth
    "mutuality": 4 / 6,
    "informal_share": 2 / 10,
    # weth's neighbours: gem (municipal), werk, welz
    "administrator_reach": 2.0,
    # links whose both ends have a non-general domain: afd-zorg1, afd-zorg2, afd-bi, wt-mz,
    # wt-zorg1, zorg1-zorg2, welz-bi, werk-zorg2 = 8; sharing none: werk-zorg2
    "cross_domain_share": 1 / 8,
    # non-municipal zorg1, zorg2, welz, bi, mz, werk: all connected, 15 pairs; without the
    # municipal actors: {zorg1, zorg2, werk} (3 pairs), {welz, bi} (1), {mz} -> 4 pairs
    "hub_dependence": 11 / 15,
}


@pytest.fixture
def proefdorp(tmp_path):
    folder = write_case_files(tmp_path / "p", meta="name: P\nmunicipality: P\nfictional: true\n",
                              actors=ACTORS, ties=TIES)
    return relnet.read_case(folder)


def test_every_indicator_by_hand(proefdorp):
    profile = relnet.relational_profile(proefdorp).set_index("indicator")
    assert list(profile.index) == list(EXPECTED)
    for indicator, value in EXPECTED.items():
        assert profile.loc[indicator, "value"] == pytest.approx(value), indicator
        assert profile.loc[indicator, "note"] == ""
    assert list(profile["lesson"].astype("float").fillna(0).astype(int)) == \
        [1, 4, 5, 7, 8, 9, 10, 0]
    assert profile["description"].str.len().min() > 40


def test_metrics_of_the_hand_case(proefdorp):
    m = relnet.network_metrics(proefdorp)
    assert (m["n_actors"], m["n_ties"]) == (10, 12)
    assert m["density"] == pytest.approx(24 / 90)
    # directed ties: gem>afd, weth>gem, afd>zorg1, zorg1>afd, afd>zorg2, afd>bi, weth>welz,
    # welz>weth: 4 of 8 have their reverse
    assert m["reciprocity"] == pytest.approx(0.5)


def test_undefined_indicators_are_nan_with_a_reason(tmp_path):
    folder = write_case_files(tmp_path / "q", meta="name: Q\nmunicipality: Q\nfictional: true\n",
                              actors="id,name,kind\na,A,care_provider\nb,B,employer\n",
                              ties="source,target,type\na,b,collaboration\n")
    profile = relnet.relational_profile(relnet.read_case(folder)).set_index("indicator")
    for indicator in ("outward_share", "informal_facilitation", "mutuality",
                      "administrator_reach", "cross_domain_share", "provider_density"):
        assert math.isnan(profile.loc[indicator, "value"]), indicator
        assert profile.loc[indicator, "note"], indicator
    assert profile.loc["administrator_reach", "note"] == "no administrator in this wave"
    assert profile.loc["informal_share", "value"] == 0
    # a and b stay connected without municipal actors (there are none)
    assert profile.loc["hub_dependence", "value"] == 0


def test_dutch_descriptions(proefdorp):
    nl = relnet.relational_profile(proefdorp, lang="nl").set_index("indicator")
    assert "regiegemeente" in nl.loc["hub_dependence", "description"]


def test_shipped_hub_becomes_network():
    case = relnet.load_example("haverdonk")
    before = relnet.relational_profile(case, 2015).set_index("indicator")["value"]
    after = relnet.relational_profile(case, 2017).set_index("indicator")["value"]
    assert before["hub_dependence"] > 0.95 and after["hub_dependence"] < 0.4
    assert before["mutuality"] == 0 and after["mutuality"] > 0.5


def test_fast_indicators_equal_the_networkx_reference():
    from relnet.network.indicators import indicator_values, indicator_values_fast
    from relnet.network._cache import snapshot
    from relnet.synth import generate_case

    cases = [relnet.load_example(n) for n in relnet.list_cases()["name"]]
    cases += [generate_case(300, seed=s, style=st) for s, st in ((1, "relational"),
                                                                 (2, "directive"))]
    for case in cases:
        for wave in case.waves:
            snap = snapshot(case, wave)
            actors = snap.actors
            kinds = dict(zip(actors["id"], actors["kind"]))
            domains = {a: set(str(d).split("|")) if isinstance(d, str) else set()
                       for a, d in zip(actors["id"], actors["domain"])}
            reference = indicator_values(snap.G, snap.ties, kinds, domains)
            fast = indicator_values_fast(snap)
            for name, (value, reason) in reference.items():
                assert fast[name][0] == pytest.approx(value, nan_ok=True), (case.name, name)
                assert fast[name][1] == reason

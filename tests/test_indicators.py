"""Relational indicators (version 2) on small cases whose every value is computed by hand."""

import math

import pytest
from conftest import write_case_files

import relnet
from relnet.present.words import response_note, worded

ACTORS = """\
id,name,kind,domain
gem,Gemeente,municipality,general
afd,Afdeling,department,care|welfare
weth,Wethouder,administrator,general
lg,Leidinggevende,manager,general
wt,Wijkteam,district_team,care
zorg1,Zorg 1,care_provider,care
zorg2,Zorg 2,care_provider,care|health
welz,Welzijn,welfare_org,welfare
bi,Buurtinitiatief,citizen_initiative,welfare
bi2,Taalcafe,citizen_initiative,welfare
mz,Mantelzorger,informal_carer,care
sp,Sleutelpersoon,key_person,welfare
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
afd,wt,information,
weth,sp,information,
bi2,welz,collaboration,
lg,welz,collaboration,
lg,gem,information,
"""
# Municipal M = gem, afd, weth, lg, wt; informal = bi, bi2, mz, sp; 13 actors, 17 pairs.
# Transactional-only pairs: {gem,afd}, {weth,gem}, {afd,zorg2}, {afd,bi}. The other 13 pairs
# hold a relational tie; {afd,zorg1} has funding one way and information back (directed).
EXPECTED = {
    # relational pairs with a municipal end: afd-zorg1, wt-mz, wt-zorg1, weth-werk,
    # weth-welz, afd-wt, weth-sp, lg-welz, lg-gem = 9; the other end outside: 7
    "outward_share": (7 / 9, 9),
    # informal bi, bi2, mz, sp; funded or supported by a municipal actor: bi (afd), mz (wt)
    "informal_facilitation": (2 / 4, 4),
    # providers wt, zorg1, zorg2, welz: 6 pairs; relational among them: wt-zorg1, zorg1-zorg2
    "provider_density": (2 / 6, 6),
    # relational pairs with exactly one municipal end: afd-zorg1 (information one way: not
    # mutual), wt-mz, wt-zorg1, weth-werk, weth-sp, lg-welz (undirected: mutual), weth-welz
    # (directed both ways: mutual)
    "mutuality": (6 / 7, 7),
    # informal with any tie to a municipal actor: bi, mz, sp (bi2 only meets welz)
    "informal_reach": (3 / 4, 4),
    # weth: werk, welz, sp; lg: welz -> (3 + 1) / 2
    "administrator_reach": (2.0, 2),
    # relational pairs whose ends both have a specific domain: afd-zorg1, wt-mz, wt-zorg1,
    # zorg1-zorg2, welz-bi, werk-zorg2, afd-wt, bi2-welz = 8; different domain sets:
    # afd-zorg1, zorg1-zorg2, werk-zorg2, afd-wt = 4
    "cross_domain_share": (4 / 8, 8),
    # the 8 non-municipal actors are all connected: 28 pairs; without M: {zorg1, zorg2, werk}
    # and {welz, bi, bi2} (3 + 3 pairs), mz and sp alone -> 22 of 28 lost
    "hub_dependence": (22 / 28, 28),
}


def make(tmp_path, actors=ACTORS, ties=TIES, name="p"):
    folder = write_case_files(tmp_path / name, meta="name: P\nmunicipality: P\nfictional: true\n",
                              actors=actors, ties=ties)
    return relnet.read_case(folder)


@pytest.fixture
def proefdorp(tmp_path):
    return make(tmp_path)


def test_every_indicator_by_hand(proefdorp):
    profile = worded(relnet.relational_profile(proefdorp), "en").set_index("indicator")
    assert list(profile.index) == list(EXPECTED)
    assert list(profile.columns) == ["lesson", "value", "n", "note"]
    keys = relnet.relational_profile(proefdorp).set_index("indicator")
    assert list(keys.columns) == ["lesson", "value", "n", "note", "params"]
    # the analysis returns keys; the words come from the presentation layer
    assert set(keys["note"]) <= {"", "few_observations"}
    for indicator, (value, n) in EXPECTED.items():
        assert profile.loc[indicator, "value"] == pytest.approx(value), indicator
        assert profile.loc[indicator, "n"] == n, indicator
        # a denominator under 10 is noted, a larger one is not
        expected_note = f"rests on few observations (n = {n})" if n < 10 else ""
        assert profile.loc[indicator, "note"] == expected_note, indicator
    assert list(profile["lesson"].astype("float").fillna(0).astype(int)) == \
        [1, 4, 5, 7, 8, 9, 10, 0]
    assert min(len(relnet.i18n.t(f"indicator_description.{name}", "en"))
               for name in profile.index) > 80


def test_metrics_of_the_hand_case(proefdorp):
    m = relnet.network_metrics(proefdorp)
    assert (m["n_actors"], m["n_ties"]) == (13, 17)
    assert m["density"] == pytest.approx(34 / 156)
    # directed ties: gem>afd, weth>gem, afd>zorg1, zorg1>afd, afd>zorg2, afd>bi, weth>welz,
    # welz>weth: 4 of 8 have their reverse
    assert m["reciprocity"] == pytest.approx(0.5)


def test_paying_is_not_going_out(tmp_path):
    """A subsidy-only, inward-looking team: funding ties do not count as going out."""
    case = make(tmp_path, actors="id,name,kind\ngem,G,municipality\nafd,A,department\n"
                                 "x,X,welfare_org\ny,Y,welfare_org\n",
                ties="source,target,type\ngem,x,funding\ngem,y,funding\ngem,afd,information\n")
    profile = relnet.relational_profile(case).set_index("indicator")["value"]
    assert profile["outward_share"] == 0.0  # its only relational pair is internal


def test_mutuality_counts_undirected_working_ties_and_not_payment(tmp_path):
    actors = "id,name,kind\ngem,G,municipality\nx,X,welfare_org\ny,Y,care_provider\n"
    # two mutual support ties (undirected): both mutual
    case = make(tmp_path, actors=actors,
                ties="source,target,type\ngem,x,support\ny,gem,support\n")
    assert relnet.relational_profile(case).set_index("indicator").loc["mutuality", "value"] == 1
    # contract one way and referral back: only the referral is relational, one way
    case = make(tmp_path, actors=actors, name="q",
                ties="source,target,type\ngem,x,contract\nx,gem,referral\n")
    assert relnet.relational_profile(case).set_index("indicator").loc["mutuality", "value"] == 0


def test_integral_actors_raise_cross_domain_share(tmp_path):
    case = make(tmp_path, actors="id,name,kind,domain\na,A,welfare_org,care|welfare\n"
                                 "b,B,care_provider,care\n",
                ties="source,target,type\na,b,collaboration\n")
    value = relnet.relational_profile(case).set_index("indicator").loc["cross_domain_share",
                                                                       "value"]
    assert value == 1.0  # v1 (sharing no domain) gave 0 for this integral pair


def test_hub_dependence_is_undefined_with_only_the_municipalitys_ties(tmp_path):
    case = make(tmp_path, actors="id,name,kind\ngem,G,municipality\nx,X,welfare_org\n"
                                 "y,Y,care_provider\nz,Z,employer\n",
                ties="source,target,type\ngem,x,information\ngem,y,funding\ngem,z,support\n")
    row = worded(relnet.relational_profile(case), "en").set_index("indicator").loc[
        "hub_dependence"]
    assert math.isnan(row["value"]) and row["n"] == 0
    assert "by construction" in row["note"]


def test_types_narrow_the_profile(proefdorp):
    only = relnet.relational_profile(proefdorp, types=["collaboration"]).set_index("indicator")
    # collaboration pairs: wt-zorg1, zorg1-zorg2, welz-bi, werk-zorg2, bi2-welz, lg-welz;
    # with a municipal end: wt-zorg1, lg-welz (both outward)
    assert only.loc["outward_share", "value"] == 1.0 and only.loc["outward_share", "n"] == 2
    assert math.isnan(only.loc["informal_facilitation", "value"]) is False
    assert only.loc["informal_facilitation", "value"] == 0.0  # no funding or support selected


def test_undefined_indicators_are_nan_with_a_reason(tmp_path):
    case = make(tmp_path, actors="id,name,kind\na,A,care_provider\nb,B,employer\n",
                ties="source,target,type\na,b,collaboration\n")
    profile = worded(relnet.relational_profile(case), "en").set_index("indicator")
    for indicator in ("outward_share", "informal_facilitation", "mutuality",
                      "administrator_reach", "cross_domain_share", "provider_density",
                      "informal_reach"):
        assert math.isnan(profile.loc[indicator, "value"]), indicator
        assert profile.loc[indicator, "note"].startswith("undefined"), indicator
    assert profile.loc["administrator_reach", "note"] == \
        "undefined: no administrator or manager in this wave"
    assert profile.loc["hub_dependence", "value"] == 0  # a and b hold together themselves


def test_dutch_descriptions_and_notes(proefdorp):
    nl = worded(relnet.relational_profile(proefdorp), "nl").set_index("indicator")
    assert "regiegemeente" in relnet.i18n.t("indicator_description.hub_dependence", "nl")
    assert nl.loc["mutuality", "note"] == "berust op weinig waarnemingen (n = 7)"


def test_shipped_hub_becomes_network():
    case = relnet.load_example("haverdonk")
    before = relnet.relational_profile(case, wave=2015).set_index("indicator")["value"]
    after = relnet.relational_profile(case, wave=2017).set_index("indicator")["value"]
    assert after["hub_dependence"] < before["hub_dependence"]
    assert after["mutuality"] > before["mutuality"]


def test_fast_indicators_equal_the_reference():
    from relnet.network._cache import snapshot
    from relnet.network.indicators import indicator_values, indicator_values_fast
    from relnet.synth import generate_case

    cases = [relnet.load_example(n) for n in relnet.list_cases()["name"]]
    cases += [generate_case(300, seed=s, style=st) for s, st in ((1, "relational"),
                                                                 (2, "directive"))]
    checked = 0
    for case in cases:
        for wave in case.waves:
            for types in (None, ("collaboration", "support")):
                snap = snapshot(case, wave, types)
                reference = indicator_values(snap.ties, snap.actors)
                fast = indicator_values_fast(snap)
                for name, (value, n, reason) in reference.items():
                    assert fast[name][0] == pytest.approx(value, nan_ok=True), (case.name, name)
                    assert fast[name][1:] == (n, reason), (case.name, name)
                checked += 1
    assert checked >= 20


@pytest.mark.slow
def test_the_response_note_is_that_of_the_wave_asked_for():
    """Haverdonk 2015: 8 of the 20 organisations present reported ties (40%); 2017: 16 of 25
    (64%). The profile of each wave says its own rate (a regression: it used to say the
    latest wave's)."""
    case = relnet.load_example("haverdonk")
    for wave, counts, rate in ((2015, (8, 20), 0.40), (2017, (16, 25), 0.64)):
        assert relnet.network.quality.response_counts(case, wave=wave) == counts
        said = f"respons {round(rate * 100)}%"
        assert response_note(case, "nl", wave).startswith(said)
        # said once where the profile is shown, not in every row's note
        notes = worded(relnet.relational_profile(case, wave=wave), "nl")["note"]
        assert not notes.str.contains("respons").any()
        page = relnet.build_report(case, lang="nl", wave=wave)
        profile = page.split("Relationeel profiel", 1)[1].split("<h2>", 1)[0]
        assert profile.count(said) == 1

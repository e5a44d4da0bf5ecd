"""Relational indicators (version 3) on small cases whose every value is computed by hand,
and against an independent reading of their definitions on every shipped case."""

import math

import numpy as np
import pandas as pd
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
# Transactional-only pairs: {gem,afd}, {weth,gem}, {afd,zorg2}, {afd,bi}. No reporting data.
EXPECTED = {
    # outward: relational pairs with exactly one municipal end: afd-zorg1, wt-mz, wt-zorg1,
    # weth-werk, weth-welz, weth-sp, lg-welz = 7; inward: municipal pairs joined by any
    # tie: gem-afd, weth-gem, afd-wt, lg-gem = 4
    "outward_share": (7 / 11, 11),
    # informal bi, bi2, mz, sp; receiving funding or support from a municipal actor: bi
    # (afd funds it), mz (wt supports it, undirected)
    "informal_facilitation": (2 / 4, 4),
    # providers wt, zorg1, zorg2, welz: 6 pairs; relational among them: wt-zorg1, zorg1-zorg2
    "provider_density": (2 / 6, 6),
    # no reporting data: pairs with one municipal end joined by a *directed* relational tie:
    # afd-zorg1 (information zorg1 -> afd only), weth-welz (information both ways); mutual:
    # weth-welz. The undirected wt-mz, wt-zorg1, weth-werk, weth-sp, lg-welz are no evidence
    "mutuality": (1 / 2, 2),
    # informal with a tie outside the municipality: bi (welz), bi2 (welz); of those with a
    # municipal tie as well: bi (afd). mz and sp are known only through the municipality
    "informal_reach": (1 / 2, 2),
    # weth: werk, welz, sp; lg: welz -> (3 + 1) / 2
    "administrator_reach": (2.0, 2),
    # relational pairs whose ends both have a specific domain: afd-zorg1, wt-mz, wt-zorg1,
    # zorg1-zorg2, welz-bi, werk-zorg2, afd-wt, bi2-welz = 8; disjoint domain sets: only
    # werk-zorg2 (care|welfare with care, or care with care|health, overlap)
    "cross_domain_share": (1 / 8, 8),
    # the 8 non-municipal actors are all connected: 28 pairs; without M: {zorg1, zorg2, werk}
    # and {welz, bi, bi2} (3 + 3 pairs), mz and sp alone -> 22 of 28 lost; 4 partner ties
    "hub_dependence": (22 / 28, 28),
}
NOTES = {"outward_share": "", "hub_dependence": "few_partner_ties"}  # others: few (n < 10)


def make(tmp_path, actors=ACTORS, ties=TIES, name="p"):
    folder = write_case_files(tmp_path / name, meta="name: P\nmunicipality: P\nfictional: true\n",
                              actors=actors, ties=ties)
    return relnet.read_case(folder)


@pytest.fixture
def proefdorp(tmp_path):
    return make(tmp_path)


def test_every_indicator_by_hand(proefdorp):
    keys = relnet.relational_profile(proefdorp).set_index("indicator")
    assert list(keys.index) == list(EXPECTED)
    assert list(keys.columns) == ["lesson", "value", "n", "se", "note", "params"]
    for indicator, (value, n) in EXPECTED.items():
        assert keys.loc[indicator, "value"] == pytest.approx(value), indicator
        assert keys.loc[indicator, "n"] == n, indicator
        assert keys.loc[indicator, "note"] == NOTES.get(indicator, "few_observations"), indicator
    assert list(keys["lesson"].astype("float").fillna(0).astype(int)) == \
        [1, 4, 5, 7, 8, 9, 10, 0]
    words = worded(relnet.relational_profile(proefdorp), "en").set_index("indicator")
    assert words.loc["mutuality", "note"] == "rests on few observations (n = 2)"
    assert words.loc["hub_dependence", "note"] == \
        "rests on few ties between partners (fewer than 10)"
    assert min(len(relnet.i18n.t(f"indicator_description.{name}", "en"))
               for name in keys.index) > 80


def test_mutuality_from_both_sides_answers(tmp_path):
    """With reporting data mutuality asks whether each side named the other: x and y both
    answered and named the municipality back (x by support, y by a referral to gem that gem
    does not report); z did not answer, so its pair is left out."""
    actors = ("id,name,kind\ngem,G,municipality\nafd,A,department\nx,X,welfare_org\n"
              "y,Y,care_provider\nz,Z,employer\n")
    ties = ("source,target,type,reported_by\n"
            "gem,x,collaboration,gem\nx,gem,support,x\n"      # both named: mutual
            "gem,y,information,gem\ny,afd,referral,y\n"       # gem-y by gem only; afd-y by y
            "afd,z,collaboration,afd\n"                        # z did not answer
            "gem,afd,information,gem\n")
    case = make(tmp_path, actors=actors, ties=ties)
    row = relnet.relational_profile(case).set_index("indicator").loc["mutuality"]
    # respondents: gem, x, y (afd reported too). Pairs with one municipal end and both ends
    # respondents: gem-x (both named: mutual), gem-y (only gem named), afd-y (only y named)
    # -> afd is a respondent: it reported afd-z and gem-afd -> 1 of 3
    assert (row["value"], row["n"]) == (pytest.approx(1 / 3), 3)
    # the survey's own record of who answered wins over reported_by
    case.meta["response"] = {"wave": None, "asked": ["gem", "afd", "x", "y", "z"],
                             "answered": ["gem", "x", "y"]}
    row = relnet.relational_profile(case).set_index("indicator").loc["mutuality"]
    assert (row["value"], row["n"]) == (pytest.approx(1 / 2), 2)  # afd-y left out


def test_an_independent_wijkteam(tmp_path):
    """A wijkteam that is an independent foundation (`municipal` no) is a partner: its
    support to a carer is then no municipal facilitation, and its ties go out."""
    actors = ("id,name,kind,municipal\ngem,G,municipality,\nafd,A,department,\n"
              "wt,W,district_team,{}\nmz,M,informal_carer,\nzorg,Z,care_provider,\n")
    ties = "source,target,type\nwt,mz,support\ngem,afd,governance\nafd,wt,information\n" \
           "wt,zorg,collaboration\ngem,zorg,funding\n"
    inside = relnet.relational_profile(make(tmp_path, actors=actors.format(""), ties=ties,
                                            name="in")).set_index("indicator")["value"]
    outside = relnet.relational_profile(make(tmp_path, actors=actors.format("nee"), ties=ties,
                                             name="out")).set_index("indicator")["value"]
    # as municipal: mz receives support from wt -> 1 of 1; outward wt-mz, wt-zorg against
    # inward gem-afd, afd-wt -> 2 / 4
    assert inside["informal_facilitation"] == 1.0
    assert inside["outward_share"] == pytest.approx(2 / 4)
    # as a foundation: nobody municipal facilitates mz; outward: afd-wt vs gem-afd -> 1 / 2
    assert outside["informal_facilitation"] == 0.0
    assert outside["outward_share"] == pytest.approx(1 / 2)


def test_one_municipal_actor_is_undefined_not_one(tmp_path):
    case = make(tmp_path, actors="id,name,kind\ngem,G,municipality\nx,X,welfare_org\n",
                ties="source,target,type\ngem,x,collaboration\n")
    row = relnet.relational_profile(case).set_index("indicator").loc["outward_share"]
    assert math.isnan(row["value"]) and row["note"] == "one_municipal_actor"


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


def test_undirected_ties_are_no_evidence_of_mutuality(tmp_path):
    actors = "id,name,kind\ngem,G,municipality\nx,X,welfare_org\ny,Y,care_provider\n"
    case = make(tmp_path, actors=actors,
                ties="source,target,type\ngem,x,support\ny,gem,support\n")
    row = relnet.relational_profile(case).set_index("indicator").loc["mutuality"]
    assert math.isnan(row["value"]) and row["note"] == "no_mutual_pair"
    # contract one way and referral back: only the referral is relational, one way
    case = make(tmp_path, actors=actors, name="q",
                ties="source,target,type\ngem,x,contract\nx,gem,referral\n")
    assert relnet.relational_profile(case).set_index("indicator").loc["mutuality", "value"] == 0
    # referrals both ways: mutual
    case = make(tmp_path, actors=actors, name="r",
                ties="source,target,type\ngem,x,referral\nx,gem,referral\n")
    assert relnet.relational_profile(case).set_index("indicator").loc["mutuality", "value"] == 1


def test_nested_domains_do_not_cross(tmp_path):
    case = make(tmp_path, actors="id,name,kind,domain\na,A,welfare_org,care|welfare\n"
                                 "b,B,care_provider,care\nc,C,employer,work\n",
                ties="source,target,type\na,b,collaboration\nb,c,collaboration\n")
    row = relnet.relational_profile(case).set_index("indicator").loc["cross_domain_share"]
    assert (row["value"], row["n"]) == (0.5, 2)  # a-b overlap (v2 counted it), b-c cross


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
    description = relnet.i18n.t("indicator_description.hub_dependence", "nl")
    assert "verbinder" in description and "regiegemeente" not in description
    assert relnet.i18n.t("indicator.hub_dependence", "nl") == "de gemeente als verbinder"
    assert nl.loc["mutuality", "note"] == "berust op weinig waarnemingen (n = 2)"


def test_shipped_hub_becomes_network():
    case = relnet.load_example("haverdonk")
    before = relnet.relational_profile(case, wave=2015).set_index("indicator")["value"]
    after = relnet.relational_profile(case, wave=2017).set_index("indicator")["value"]
    assert after["hub_dependence"] < before["hub_dependence"]
    assert after["mutuality"] > before["mutuality"]


def independent_reading(case, wave):
    """The v3 definitions (docs/indicators.md) read again, pair by pair in plain Python: the
    reference the vectorised code is checked against (values and n; NaN where undefined)."""
    import networkx as nx

    from relnet.network.graph import present_actors, wave_ties

    actors = present_actors(case, wave)
    ties = wave_ties(case, wave)
    municipal_kinds = {"municipality", "department", "administrator", "manager", "council",
                       "district_team"}
    given = actors["municipal"] if "municipal" in actors else [None] * len(actors)
    M = {a for a, k, m in zip(actors["id"], actors["kind"], given)
         if (m if not pd.isna(m) else k in municipal_kinds)}
    kind = dict(zip(actors["id"], actors["kind"]))
    informal = {a for a, k in kind.items() if k in ("citizen_initiative", "informal_carer",
                                                     "key_person")}
    providers = {a for a, k in kind.items() if k in ("care_provider", "welfare_org",
                                                      "district_team")}
    relational = {"collaboration", "information", "support", "referral"}
    pairs = {}
    for row in ties.itertuples(index=False):
        pairs.setdefault(frozenset((row.source, row.target)), []).append(row)
    rel = {p for p, rows in pairs.items() if any(r.type in relational for r in rows)}
    reporters = set(ties["reported_by"].dropna())
    response = case.meta.get("response")
    respondents = set(response["answered"]) if isinstance(response, dict) else \
        (reporters or None)

    def ratio(num, den):
        return (num / den if den else math.nan, den)

    out = {}
    if len(M) < 2:
        out["outward_share"] = (math.nan, 0)
    else:
        outward = sum(1 for p in rel if len(p & M) == 1)
        inward = sum(1 for p in pairs if p <= M)
        out["outward_share"] = ratio(outward, outward + inward)
    fac = {r.target for rows in pairs.values() for r in rows
           if r.type in ("funding", "support") and r.directed and r.source in M} | \
          {x for rows in pairs.values() for r in rows if r.type in ("funding", "support")
           and not r.directed for x, y in ((r.source, r.target), (r.target, r.source))
           if y in M}
    out["informal_facilitation"] = ratio(len(fac & informal), len(informal))
    k = len(providers)
    out["provider_density"] = ratio(sum(1 for p in rel if p <= providers), k * (k - 1) // 2)
    crossing = [p for p in rel if len(p & M) == 1]
    if respondents is not None:
        asked = [p for p in crossing if p <= respondents]
        mutual = [p for p in asked if all(any(r.reported_by == x and r.type in relational
                                              for r in pairs[p]) for x in p)]
    else:
        asked = [p for p in pairs if len(p & M) == 1 and any(
            r.type in relational and r.directed for r in pairs[p])]
        mutual = [p for p in asked if len({r.source for r in pairs[p]
                                           if r.type in relational and r.directed}) == 2]
    out["mutuality"] = ratio(len(mutual), len(asked))
    known = {x for p in pairs for x in p & informal if (p - {x}) - M}
    reached = {x for p in pairs for x in p & informal if (p - {x}) & M}
    out["informal_reach"] = ratio(len(known & reached), len(known))
    leaders = [a for a, k in kind.items() if k in ("administrator", "manager")]
    out["administrator_reach"] = ratio(
        sum(len({y for p in rel if a in p for y in p - {a}} - M) for a in leaders),
        len(leaders))
    domains = {a: {d for d in str(c).split("|") if d != "general"} if isinstance(c, str)
               else set() for a, c in zip(actors["id"], actors["domain"])}
    specific = [p for p in rel if all(domains[x] for x in p)]
    out["cross_domain_share"] = ratio(
        sum(1 for p in specific if not set.intersection(*(domains[x] for x in p))),
        len(specific))
    others = set(kind) - M
    if not any(p <= others for p in pairs):
        out["hub_dependence"] = (math.nan, 0)
    else:
        G = nx.Graph()
        G.add_nodes_from(kind)
        G.add_edges_from(tuple(p) for p in pairs)

        def connected(graph):
            return sum(len(c & others) * (len(c & others) - 1) // 2
                       for c in map(set, nx.connected_components(graph)))
        before = connected(G)
        out["hub_dependence"] = ratio(before - connected(G.subgraph(others)), before)
    return out


def test_every_shipped_wave_equals_an_independent_reading_of_the_definitions():
    from relnet.synth import generate_case

    checked = 0
    cases = [relnet.load_example(name) for name in relnet.list_cases()["name"]]
    # and cases no test was written for: synthetic ones of both styles
    cases += [generate_case(150, seed=s, style=style)
              for s, style in ((21, "relational"), (22, "directive"))]
    for case in cases:
        name = case.name
        for wave in case.waves or [None]:
            profile = relnet.relational_profile(case, wave=wave, se=False).set_index("indicator")
            for indicator, (value, n) in independent_reading(case, wave).items():
                assert profile.loc[indicator, "value"] == pytest.approx(value, nan_ok=True), \
                    (name, wave, indicator)
                assert profile.loc[indicator, "n"] == n, (name, wave, indicator)
            checked += 1
    assert checked >= 12


def test_se_is_the_actor_jackknife(proefdorp):
    """se recomputes the value without each actor and its ties (Snijders & Borgatti 1999)."""
    profile = relnet.relational_profile(proefdorp).set_index("indicator")
    thetas = {name: [] for name in EXPECTED}
    ids = list(proefdorp.actors["id"])
    for actor in ids:
        smaller = relnet.network.graph.remove_actors(proefdorp, [actor])
        values = relnet.relational_profile(smaller, se=False).set_index("indicator")["value"]
        for name in EXPECTED:
            thetas[name].append(values[name])
    for name, values in thetas.items():
        theta = np.array([v for v in values if not math.isnan(v)])
        k = len(theta)
        expected = math.sqrt((k - 1) / k * ((theta - theta.mean()) ** 2).sum()) if k >= 3 \
            else math.nan
        assert profile.loc[name, "se"] == pytest.approx(expected, nan_ok=True), name


def test_register_indicator_reaches_the_profile(proefdorp):
    from relnet.network.indicators import register_indicator, unregister_indicator

    def municipal_share(G):
        return sum(1 for _, d in G.nodes(data=True) if d["municipal"]) / len(G)

    register_indicator("municipal_share", municipal_share, lesson=1)
    try:
        row = relnet.relational_profile(proefdorp).set_index("indicator").loc["municipal_share"]
        assert row["value"] == pytest.approx(5 / 13) and row["lesson"] == 1
        assert row["se"] > 0
        with pytest.raises(ValueError, match="one of relnet's indicators"):
            register_indicator("mutuality", municipal_share)
    finally:
        unregister_indicator("municipal_share")
    assert "municipal_share" not in set(relnet.relational_profile(proefdorp)["indicator"])


@pytest.mark.slow
def test_the_response_note_is_that_of_the_wave_asked_for():
    """Haverdonk 2015: 8 of the 20 organisations present reported ties (40%); 2017: 16 of 25
    (64%). The profile of each wave says its own rate (a regression: it used to say the
    latest wave's)."""
    case = relnet.load_example("haverdonk")
    for wave, counts, rate in ((2015, (8, 20), 0.40), (2017, (16, 25), 0.64)):
        from relnet.network.quality import response_counts

        assert response_counts(case, wave=wave) == counts
        said = f"respons {round(rate * 100)}%"
        assert response_note(case, "nl", wave).startswith(said)
        # said once where the profile is shown, not in every row's note
        notes = worded(relnet.relational_profile(case, wave=wave), "nl")["note"]
        assert not notes.str.contains("respons").any()
        page = relnet.build_report(case, lang="nl", wave=wave)
        profile = page.split("Relationeel profiel", 1)[1].split("<h2>", 1)[0]
        assert profile.count(said) == 1

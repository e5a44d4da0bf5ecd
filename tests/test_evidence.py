"""Uncertainty and baselines (relnet/network/evidence.py): the permutation null against a
second implementation, graph correlation and QAP against their definitions (exhaustively on
a small case, and against R's sna where R is installed), non-response sensitivity."""

import itertools
import math
import os
import shutil
import subprocess

import numpy as np
import pandas as pd
import pytest
from conftest import write_case_files

import relnet
from relnet.network.evidence import graph_correlation

R = shutil.which("Rscript")


def small_case(tmp_path):
    actors = ("id,name,kind,domain\ngem,G,municipality,general\nafd,A,department,care\n"
              "wt,W,district_team,care\nz1,Z1,care_provider,care\nz2,Z2,care_provider,health\n"
              "w,W,welfare_org,welfare\nmz,M,informal_carer,care\nbi,B,citizen_initiative,"
              "welfare\n")
    ties = ("source,target,type,directed\ngem,afd,governance,\nafd,z1,funding,\n"
            "afd,w,funding,\nwt,mz,support,\nwt,z1,collaboration,\nz1,z2,collaboration,\n"
            "w,bi,collaboration,\nafd,wt,information,\nz1,afd,referral,\nafd,z1,referral,\n"
            "gem,bi,support,\nw,z2,information,\nmz,bi,support,\n")
    folder = write_case_files(tmp_path / "c", meta="name: C\nmunicipality: C\nfictional: true\n",
                              actors=actors, ties=ties)
    return relnet.read_case(folder)


def by_hand(ties, index, types):
    """The adjacency matrix of some tie types, tie by tie: a directed tie fills (source,
    target), an undirected one both cells."""
    m = np.zeros((len(index), len(index)), dtype=int)
    for row in ties.itertuples(index=False):
        if row.type in types:
            i, j = index.get_loc(row.source), index.get_loc(row.target)
            m[i, j] = 1
            if not row.directed:
                m[j, i] = 1
    return m


def test_baseline_is_seeded_and_its_percentiles_are_shares(tmp_path):
    case = small_case(tmp_path)
    one = relnet.indicator_baseline(case, reps=300, seed=3)
    pd.testing.assert_frame_equal(one, relnet.indicator_baseline(case, reps=300, seed=3))
    assert not one.equals(relnet.indicator_baseline(case, reps=300, seed=4))
    defined = one["percentile"].dropna()
    assert ((defined >= 0) & (defined <= 1)).all()
    bounds = one.dropna(subset=["null_low"])
    assert (bounds["null_low"] <= bounds["null_high"]).all()
    observed = relnet.relational_profile(case, se=False).set_index("indicator")["value"]
    assert one.set_index("indicator")["value"].equals(observed)


@pytest.mark.slow
def test_baseline_means_equal_a_second_implementation_of_the_null(tmp_path):
    """The same null built through the public API: the attribute columns (kind, domain,
    municipal, person) permuted jointly in the actors table, the case analysed afresh."""
    case = small_case(tmp_path)
    from relnet.network.indicators import indicator_values, municipal_mask

    reps = 2000
    relnet_null = relnet.indicator_baseline(case, reps=2000, seed=0).set_index("indicator")
    rng = np.random.default_rng(11)
    columns = ["kind", "domain", "municipal", "person"]
    values = []
    for _ in range(reps):
        order = rng.permutation(len(case.actors))
        actors = case.actors.copy()
        actors[columns] = case.actors[columns].iloc[order].to_numpy()
        found = indicator_values(actors, case.ties, municipal_mask(actors))
        values.append({name: value for name, (value, _, _) in found.items()})
    second = pd.DataFrame(values)
    for name in relnet_null.index:
        expected = second[name].mean()  # NaN draws are left out, as relnet does
        if math.isnan(expected):
            assert math.isnan(relnet_null.loc[name, "null_mean"])
            continue
        assert relnet_null.loc[name, "null_mean"] == pytest.approx(expected, abs=0.03), name


def test_graph_correlation_by_hand():
    x = np.array([[0, 1, 1], [0, 0, 1], [0, 0, 0]])
    y = np.array([[0, 1, 0], [0, 0, 1], [1, 0, 0]])
    # off-diagonal cells in row order: x = 1 1 0 1 0 0, y = 1 0 0 1 1 0
    a, b = np.array([1, 1, 0, 1, 0, 0.]), np.array([1, 0, 0, 1, 1, 0.])
    expected = ((a - a.mean()) * (b - b.mean())).sum() / math.sqrt(
        ((a - a.mean()) ** 2).sum() * ((b - b.mean()) ** 2).sum())
    assert graph_correlation(x, y) == pytest.approx(expected) == pytest.approx(1 / 3)
    assert math.isnan(graph_correlation(x, np.zeros((3, 3))))


@pytest.mark.slow
def test_qap_p_values_equal_the_exact_permutation_distribution(tmp_path):
    """On 8 actors all 40,320 relabellings give the exact QAP p-values; 2,000 random ones
    must come within 0.03 (sna's qaptest samples the same distribution)."""
    case = small_case(tmp_path)
    result = relnet.layer_correlation(case, ["support", "collaboration"], "funding",
                                      reps=2000, seed=0)
    actors = relnet.network.graph.present_actors(case, None)
    index = pd.Index(actors["id"])
    x = by_hand(case.ties, index, {"support", "collaboration"})
    y = by_hand(case.ties, index, {"funding"})
    observed = graph_correlation(x, y)
    assert result["correlation"] == pytest.approx(observed, abs=1e-12)
    exact = np.array([graph_correlation(x, y[np.ix_(p, p)])
                      for p in map(list, itertools.permutations(range(len(index))))])
    assert result["p_greater"] == pytest.approx((exact >= observed - 1e-12).mean(), abs=0.03)
    assert result["p_less"] == pytest.approx((exact <= observed + 1e-12).mean(), abs=0.03)


@pytest.mark.slow
@pytest.mark.skipif(R is None and not os.environ.get("CI"), reason="R is not installed")
def test_layer_correlation_equals_r_sna(tmp_path):
    """The same matrices through R's sna (Debian's r-cran-sna, installed by .ci/run): gcor
    exactly, qaptest's p-values within 0.03 at 2,000 permutations."""
    assert R is not None, "CI must compare with R: .ci/run installs r-cran-sna"
    case = relnet.load_example("haverdonk")
    ours = relnet.layer_correlation(case, "funding", "collaboration", reps=2000, seed=0)
    actors = relnet.network.graph.present_actors(case, 2017)
    index = pd.Index(actors["id"])
    ties = relnet.network.graph.wave_ties(case, 2017)
    for name, types in (("x", {"funding"}), ("y", {"collaboration"})):
        np.savetxt(tmp_path / f"{name}.csv", by_hand(ties, index, types), fmt="%d",
                   delimiter=",")
    script = tmp_path / "qap.R"
    script.write_text(
        "suppressMessages(library(sna))\n"
        f"x <- as.matrix(read.csv('{tmp_path / 'x.csv'}', header = FALSE))\n"
        f"y <- as.matrix(read.csv('{tmp_path / 'y.csv'}', header = FALSE))\n"
        "set.seed(1)\n"
        "g <- array(NA, dim = c(2, nrow(x), ncol(x)))\n"
        "g[1, , ] <- x\n"
        "g[2, , ] <- y\n"
        "q <- qaptest(g, gcor, g1 = 1, g2 = 2, reps = 2000)\n"
        "cat(sprintf('%.15f %.6f %.6f', gcor(x, y), q$pgreq, q$pleeq))\n")
    done = subprocess.run([R, str(script)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    correlation, greater, less = map(float, done.stdout.split())
    assert ours["correlation"] == pytest.approx(correlation, abs=1e-12)
    assert ours["p_greater"] == pytest.approx(greater, abs=0.03)
    assert ours["p_less"] == pytest.approx(less, abs=0.03)


def test_nonresponse_sensitivity(tmp_path):
    case = relnet.load_example("haverdonk")
    first = relnet.nonresponse_sensitivity(case, reps=60, seed=1)
    pd.testing.assert_frame_equal(first, relnet.nonresponse_sensitivity(case, reps=60, seed=1))
    assert (first["removed"] > 0).all()
    defined = first.dropna(subset=["spread"])
    assert (defined["spread"] >= 0).all() and (defined["low"] <= defined["high"]).all()
    # without reporting data nothing can be left out
    quiet = relnet.nonresponse_sensitivity(small_case(tmp_path), reps=10)
    assert (quiet["removed"] == 0).all() and quiet["spread"].isna().all()


def test_profile_evidence_reads_each_value_against_its_baseline():
    from relnet.network.evidence import profile_evidence

    case = relnet.load_example("haverdonk")
    found = profile_evidence(case, reps=300, seed=0).set_index("indicator")
    base = relnet.indicator_baseline(case, reps=300, seed=0).set_index("indicator")
    for name, row in found.iterrows():
        if math.isnan(row["value"]):
            assert row["reading"] == ""
            continue
        low, high = base.loc[name, "null_low"], base.loc[name, "null_high"]
        expected = "above_null" if row["value"] > high else \
            "below_null" if row["value"] < low else "within_null"
        assert row["reading"] == expected, name
        assert row["ci_low"] == pytest.approx(max(0, row["value"] - 1.959964 * row["se"]))
    assert found.loc["administrator_reach", "ci_high"] > 1  # a count, not cut at 1


@pytest.mark.slow
def test_the_report_shows_intervals_baselines_and_how_to_read_them():
    page = relnet.build_report(relnet.load_example("haverdonk"), lang="nl", others=[])
    profile = page.split("Relationeel profiel", 1)[1].split("<h2>", 1)[0]
    assert "bandbreedte" in profile and "bij toeval" in profile
    assert "niet te onderscheiden van toeval" in profile and "Hoe lees je dit" in profile


@pytest.mark.slow
def test_coding_sensitivity_counts_the_wijkteams_both_ways(tmp_path):
    """Haverdonk's three wijkteams have no municipal cell: counted as independent,
    facilitation falls from 1,000 to 0,214 (3 of 14 informal actors are still supported by
    another municipal actor); once the column says so, the table is empty."""
    from relnet.network.evidence import coding_sensitivity

    case = relnet.load_example("haverdonk")
    table = coding_sensitivity(case, wave=2017).set_index("indicator")
    assert table.loc["informal_facilitation", "as_municipal"] == 1.0
    assert table.loc["informal_facilitation", "as_independent"] == pytest.approx(3 / 14)
    independent = case.actors.copy()
    wijk = independent["kind"] == "district_team"
    independent["municipal"] = independent["municipal"].astype("boolean")
    independent.loc[wijk, "municipal"] = False
    recoded = case.copy(actors=independent)
    assert len(coding_sensitivity(recoded, wave=2017)) == 0
    profile = relnet.relational_profile(recoded, wave=2017).set_index("indicator")["value"]
    assert profile["informal_facilitation"] == pytest.approx(3 / 14)
    page = relnet.build_report(case, lang="nl", others=[])
    assert "wijkteams zelfstandig" in page


@pytest.mark.slow
def test_administrator_reach_stands_apart_from_the_shares():
    """A count per person is not shown among the shares: the report and the network explorer
    say it in a sentence of its own, with its range and its chance band."""
    from relnet import widgets

    page = relnet.build_report(relnet.load_example("haverdonk"), lang="nl", others=[])
    profile = page.split("Relationeel profiel", 1)[1].split("<h2>", 1)[0]
    table = profile.split("<table", 1)[1].split("</table>", 1)[0]
    assert "bereik van bestuurders" not in table
    assert "een aantal per persoon, geen aandeel: gemiddeld 4 verschillende actoren" in profile
    view = widgets.network_explorer(start="Haverdonk").views["indicators"].value
    assert "een aantal per persoon" in view

"""The fast paths (relnet/network/_kernels: igraph, scipy, numba) give networkx's numbers: the
reference functions in relnet.metrics are networkx itself."""

import random

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import relnet
from relnet.network._cache import snapshot
from relnet.network.graph import from_networkx
from relnet.network.metrics import ACTOR_METRICS, actor_metrics_of_graph, network_metrics_of_graph
from relnet.synth import generate_case


def awkward_graph(seed):
    """Weighted, several components, isolates, a star and a clique: the corner cases."""
    rng = random.Random(seed)
    G = nx.gnm_random_graph(80, 160, seed=seed)
    G.add_edges_from((100, 100 + i) for i in range(1, 9))  # a star component
    G.add_edges_from((200 + i, 200 + j) for i in range(5) for j in range(i + 1, 5))  # clique
    G.add_nodes_from([300, 301, 302])  # isolates
    for u, v in G.edges:
        G[u][v]["weight"] = rng.choice([1, 2, 3, 4, 5, 2.5])
    return G


GRAPHS = {f"awkward{s}": (lambda s=s: from_networkx(awkward_graph(s))) for s in range(4)}
GRAPHS["directed"] = lambda: from_networkx(nx.gnp_random_graph(60, 0.06, seed=1, directed=True))
GRAPHS["synthetic"] = lambda: generate_case(400, seed=7, style="directive")


@pytest.mark.parametrize("small", [True, False], ids=["networkx below SMALL", "numba"])
@pytest.mark.parametrize("name", list(GRAPHS))
def test_fast_actor_metrics_equal_the_networkx_reference(name, small, monkeypatch):
    """Up to SMALL actors networkx computes the shortest-path centralities, above it numba's
    kernels: both paths run on every graph here (SMALL set to 0 for the second)."""
    from relnet.network._kernels import centrality

    if not small:
        monkeypatch.setattr(centrality, "SMALL", 0)
    case = GRAPHS[name]()
    snap = snapshot(case)
    fast = relnet.actor_metrics(case)
    # communities are Leiden's (judged by quality in test_metrics), the rest is networkx
    reference = actor_metrics_of_graph(snap.G.copy(), snap.D, communities=snap.communities)
    assert list(fast.index) == list(reference.index)
    # communities: the same partition (relnet numbers them largest first)
    assert sorted(map(sorted, fast.groupby("community").groups.values())) == \
        sorted(map(sorted, reference.groupby("community").groups.values()))
    for column in ACTOR_METRICS:
        if column == "community":
            continue
        tol = 1e-6 if column in ("eigenvector", "pagerank") else 1e-9
        np.testing.assert_allclose(fast[column].astype(float), reference[column].astype(float),
                                   rtol=tol, atol=tol, err_msg=f"{name}: {column}")
    network = relnet.network_metrics(case)
    expected = network_metrics_of_graph(snap.G, ties=snap.ties, communities=snap.communities)
    for metric, value in expected.items():
        assert network[metric] == pytest.approx(value, nan_ok=True, abs=1e-12), metric


def test_inexact_mode_and_the_batch_job():
    case = generate_case(300, seed=3)
    quick = relnet.actor_metrics(case, exact=False)
    assert quick["betweenness"].isna().all() and quick["closeness"].isna().all()
    assert quick["degree"].notna().all() and quick["eigenvector"].notna().all()
    assert np.isnan(relnet.network_metrics(case, exact=False)["betweenness_centralization"])
    full = relnet.actor_metrics(case)
    batch = relnet.centrality_batch(case, progress=False, chunk=37)
    np.testing.assert_allclose(batch["betweenness"], full["betweenness"], atol=1e-12)
    np.testing.assert_allclose(batch["closeness"], full["closeness"], atol=1e-12)


def test_batch_job_per_group():
    case = generate_case(200, seed=4)
    case.actors["municipality"] = np.where(np.arange(len(case.actors)) % 2 == 0, "A", "B")
    batch = relnet.centrality_batch(case, by="municipality", progress=False)
    assert set(batch["municipality"]) == {"A", "B"}
    a_ids = case.actors.loc[case.actors["municipality"] == "A", "id"]
    only_a = relnet.network.graph.remove_actors(case, case.actors.loc[~case.actors["id"].isin(a_ids), "id"])
    expected = relnet.actor_metrics(only_a)["betweenness"]
    got = batch[batch["municipality"] == "A"]["betweenness"]
    pd.testing.assert_series_equal(got.sort_index(), expected.sort_index(), check_names=False,
                                   atol=1e-12)
    with pytest.raises(ValueError, match="no column"):
        relnet.centrality_batch(case, by="province", progress=False)


# ------------------------------------------------------------------ PageRank


def test_fast_pagerank_raises_networkx_convergence_error():
    from relnet.network._cache import snapshot as snap
    from relnet.network._kernels.centrality import pagerank

    arrays = snap(relnet.load_example("haverdonk")).arrays
    with pytest.raises(nx.PowerIterationFailedConvergence):
        pagerank(arrays, max_iter=1)


def _networkx_without(snap, actor):
    """The reference of the wave jackknife: networkx's network metrics of the graph without
    `actor` (its ties gone, each community kept as in the whole network)."""
    G = snap.G.copy()
    G.remove_node(actor)
    ties = snap.ties[(snap.ties["source"] != actor).to_numpy()
                     & (snap.ties["target"] != actor).to_numpy()]
    communities = [c - {actor} for c in snap.communities if c - {actor}]
    return network_metrics_of_graph(G, communities=communities, ties=ties)


@pytest.mark.parametrize("name", ["awkward0", "directed", "haverdonk", "lindermeer"])
def test_leave_one_out_metrics_equal_networkx(name):
    """The wave jackknife measures the network once per actor left out
    (`waves._metrics_without`, igraph and numpy); every value equals networkx's, for every
    actor: isolates, leaves, hubs, a star's centre, a clique member."""
    from relnet.network.waves import _metrics_without, _reciprocity_without

    case = relnet.load_example(name) if name in relnet.list_cases()["name"].tolist() \
        else GRAPHS[name]()
    snap = snapshot(case)
    reciprocity = _reciprocity_without(snap.ties)
    checked = 0
    for actor in snap.arrays.ids:
        fast = _metrics_without(snap, actor, reciprocity)
        expected = _networkx_without(snap, actor)
        assert set(fast) == set(expected.index)
        for metric, value in expected.items():
            assert fast[metric] == pytest.approx(value, nan_ok=True, rel=1e-9, abs=1e-12), \
                (name, actor, metric)
        checked += 1
    assert checked == snap.arrays.n > 30

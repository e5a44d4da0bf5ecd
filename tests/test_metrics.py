"""Metrics: published reference values, hand-computed small cases, and equality with networkx
on independently built graphs (shipped and synthetic cases, weighted, directed, isolates)."""

import math
import random
import subprocess
import sys

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import relnet
from relnet.network.graph import from_networkx
from relnet.synth import generate_case

# ------------------------------------------------------------------ published values


def test_padgett_florentine_medici_betweenness():
    # Padgett & Ansell (1993) marriage ties, 15 families: Medici 0.522 (Wasserman & Faust).
    a = relnet.actor_metrics(from_networkx(nx.florentine_families_graph()))
    assert a.loc["Medici", "betweenness"] == pytest.approx(0.522, abs=5e-4)


def test_padgett_with_isolate_pucci_uses_all_actors():
    # With Pucci (no marriage ties) n = 16: Medici's 47.5 shortest-path share over
    # (15 * 14) / 2 = 105 pairs.
    G = nx.florentine_families_graph()
    G.add_node("Pucci")
    case = from_networkx(G)
    a = relnet.actor_metrics(case)
    assert a.loc["Medici", "betweenness"] == pytest.approx(47.5 / 105, rel=1e-12)
    assert a.loc["Pucci", "degree"] == 0 and a.loc["Pucci", "closeness"] == 0
    assert math.isnan(a.loc["Pucci", "constraint"])
    m = relnet.network_metrics(case)
    assert m["n_actors"] == 16 and m["n_ties"] == 20 and m["components"] == 2
    assert m["largest_component_share"] == pytest.approx(15 / 16)
    assert m["density"] == pytest.approx(40 / (16 * 15))


def test_krackhardt_kite():
    # Krackhardt (1990): Heather betweenness 0.389, Fernando closeness 0.643.
    names = ["Andre", "Beverly", "Carol", "Diane", "Ed", "Fernando", "Garth", "Heather",
             "Ike", "Jane"]
    G = nx.relabel_nodes(nx.krackhardt_kite_graph(), dict(enumerate(names)))
    a = relnet.actor_metrics(from_networkx(G))
    assert a.loc["Heather", "betweenness"] == pytest.approx(0.389, abs=5e-4)
    assert a.loc["Fernando", "closeness"] == pytest.approx(0.643, abs=5e-4)
    assert a.loc["Diane", "degree"] == 6


def test_borgatti_structural_holes():
    # Borgatti (1997) "Structural holes: unpacking Burt's redundancy measures": ego G.
    G = nx.Graph([("A", "B"), ("A", "F"), ("A", "G"), ("A", "E"), ("E", "G"), ("F", "G"),
                  ("B", "G"), ("B", "D"), ("D", "G"), ("G", "C")])
    a = relnet.actor_metrics(from_networkx(G))
    assert a.loc["G", "constraint"] == pytest.approx(0.400, abs=5e-4)
    assert a.loc["A", "constraint"] == pytest.approx(0.595, abs=5e-4)
    assert a.loc["G", "effective_size"] == pytest.approx(4.67, abs=5e-3)


def test_zachary_karate_club():
    # Zachary (1977): 34 members, 78 ties, 45 triangles.
    case = from_networkx(nx.karate_club_graph())
    m = relnet.network_metrics(case)
    a = relnet.actor_metrics(case)
    assert m["n_actors"] == 34 and m["n_ties"] == 78
    triples = (a["degree"] * (a["degree"] - 1) / 2).sum()
    assert m["transitivity"] * triples / 3 == pytest.approx(45)
    assert m["components"] == 1


# ------------------------------------------------------------------ hand-computed


def small_case(edges, directed_edges=(), isolates=(), kinds=None):
    """A one-wave case from undirected and directed edge lists (weights optional)."""
    rows = []
    for e in edges:
        rows.append((e[0], e[1], "collaboration", False, e[2] if len(e) > 2 else 1.0))
    for e in directed_edges:
        rows.append((e[0], e[1], "funding", True, e[2] if len(e) > 2 else 1.0))
    ids = sorted({x for r in rows for x in r[:2]} | set(isolates))
    kinds = kinds or {}
    actors = pd.DataFrame({"id": ids, "name": ids, "kind": [kinds.get(i, "other") for i in ids],
                           "person": False})
    ties = pd.DataFrame(rows, columns=["source", "target", "type", "directed", "weight"])
    ties["wave"] = pd.array([None] * len(ties), dtype="Int64")
    case = relnet.Case(meta={"name": "t", "municipality": "t", "fictional": True},
                       actors=actors.reindex(columns=relnet.data.case.COLUMNS["actors"]),
                       ties=ties.reindex(columns=relnet.data.case.COLUMNS["ties"]))
    case.actors["person"] = False
    case.ties["directed"] = case.ties["directed"].astype(bool)
    return case


def test_degree_centralization_by_hand():
    # star of 5: centre degree 4, leaves 1 -> sum(4-1)*4 = 12 / ((5-1)(5-2)) = 1
    star = small_case([("c", x) for x in "abcd".replace("c", "e")])
    assert relnet.network_metrics(star)["degree_centralization"] == pytest.approx(1.0)
    # path a-b-c-d: degrees 1,2,2,1 -> (1+0+0+1) / (3*2) = 1/3
    path = small_case([("a", "b"), ("b", "c"), ("c", "d")])
    assert relnet.network_metrics(path)["degree_centralization"] == pytest.approx(1 / 3)
    # triangle: everyone degree 2 -> 0
    assert relnet.network_metrics(small_case([("a", "b"), ("b", "c"), ("a", "c")]))[
        "degree_centralization"] == 0
    # path: betweenness b = c = 2/3 (normalised), a = d = 0 -> (2/3+0+0+2/3)/3 = 4/9
    assert relnet.network_metrics(path)["betweenness_centralization"] == pytest.approx(4 / 9)


def test_density_with_isolates_by_hand():
    # 4 actors, 1 link: 2*1 / (4*3) = 1/6; components: {a,b}, {c}, {d}
    m = relnet.network_metrics(small_case([("a", "b")], isolates=["c", "d"]))
    assert m["density"] == pytest.approx(1 / 6)
    assert m["components"] == 3 and m["largest_component_share"] == 0.5


def test_reciprocity_over_directed_ties_only():
    # directed a->b, b->a, a->c; undirected b-c does not count: 2 of 3 ordered pairs
    case = small_case([("b", "c")], directed_edges=[("a", "b"), ("b", "a"), ("a", "c")])
    m = relnet.network_metrics(case)
    assert m["reciprocity"] == pytest.approx(2 / 3)
    # collapsed: a-b, a-c, b-c -> 3 links; weight of a-b is the max
    assert m["n_ties"] == 3
    a = relnet.actor_metrics(case)
    # directed view: a->b, b->a, a->c, b->c, c->b
    assert a.loc["a", "out_degree"] == 2 and a.loc["a", "in_degree"] == 1
    assert a.loc["c", "in_degree"] == 2 and a.loc["c", "out_degree"] == 1


def test_reciprocity_nan_without_directed_ties():
    assert math.isnan(relnet.network_metrics(small_case([("a", "b")]))["reciprocity"])


def test_collapsed_weight_is_the_largest_tie_weight():
    case = small_case([("a", "b", 2.0)], directed_edges=[("b", "a", 5.0), ("a", "c", 3.0)])
    G = relnet.collapsed_graph(case)
    assert G["a"]["b"]["weight"] == 5.0 and G["a"]["c"]["weight"] == 3.0


def test_types_filter_and_dutch_aliases():
    case = small_case([("a", "b")], directed_edges=[("a", "c")])
    assert relnet.network_metrics(case, types=["samenwerking"])["n_ties"] == 1
    assert relnet.network_metrics(case, types="funding")["n_ties"] == 1
    with pytest.raises(ValueError, match="is not a tie type"):
        relnet.network_metrics(case, types=["friendship"])


def test_wave_selection_and_actor_lifetimes():
    case = relnet.load_example("haverdonk")
    n15 = relnet.network_metrics(case, wave=2015)["n_actors"]
    n17 = relnet.network_metrics(case)["n_actors"]  # None = latest
    assert (n15, n17) == (33, 38)
    assert "wt_noord" not in relnet.actor_metrics(case, wave=2015).index
    with pytest.raises(ValueError, match="is not a wave"):
        relnet.network_metrics(case, wave=2016)


# ------------------------------------------------------------------ equal to networkx


def independent_graphs(case, wave):
    """Build the collapsed and directed graphs straight from the tables, not via relnet."""
    actors = case.actors
    if wave is not None and actors["waves"].notna().any():
        actors = actors[actors["waves"].isna() |
                        actors["waves"].fillna("").str.split("|").apply(lambda w: str(wave) in w)]
    order = list(actors["id"])  # actor-table order, ties in table order (as relnet pins)
    ids = set(order)
    ties = case.ties if wave is None else case.ties[case.ties["wave"] == wave]
    G, D = nx.Graph(), nx.DiGraph()
    G.add_nodes_from(order)
    D.add_nodes_from(order)
    for t in ties.itertuples():
        if t.source not in ids or t.target not in ids:
            continue
        w = 1.0 if pd.isna(t.weight) else float(t.weight)
        for graph, u, v in [(G, t.source, t.target), (D, t.source, t.target)] + (
                [] if t.directed else [(D, t.target, t.source)]):
            if graph.has_edge(u, v):
                graph[u][v]["weight"] = max(graph[u][v]["weight"], w)
            else:
                graph.add_edge(u, v, weight=w)
    return G, D


CASES = [(name, w) for name in ("haverdonk", "welderhoven") for w in (2015, 2017)]


def synthetic_cases():
    cases = [generate_case(150, seed=3, style="relational"),
             generate_case(120, seed=4, style="directive")]
    # a graph with isolates and several components, weighted and directed
    return [(c, w) for c in cases for w in (2015, 2017)]


@pytest.fixture(scope="module")
def all_cases():
    return [(relnet.load_example(n), w) for n, w in CASES] + synthetic_cases()


def test_every_actor_metric_equals_networkx(all_cases):
    for case, wave in all_cases:
        G, D = independent_graphs(case, wave)
        a = relnet.actor_metrics(case, wave=wave)
        assert set(a.index) == set(G.nodes)
        H = G.copy()
        for _, _, d in H.edges(data=True):
            d["distance"] = 1 / d["weight"]
        expected = {
            "degree": dict(G.degree()), "in_degree": dict(D.in_degree()),
            "out_degree": dict(D.out_degree()),
            "betweenness": nx.betweenness_centrality(G),
            "betweenness_weighted": nx.betweenness_centrality(H, weight="distance"),
            "closeness": nx.closeness_centrality(G),
            "eigenvector": nx.eigenvector_centrality(G),
            "pagerank": nx.pagerank(D),
            "constraint": nx.constraint(G), "effective_size": nx.effective_size(G),
            "clustering": nx.clustering(G), "core_number": nx.core_number(G),
        }
        for column, values in expected.items():
            want = pd.Series(values, dtype=float).reindex(a.index)
            tol = 1e-6 if column in ("eigenvector", "pagerank") else 1e-9
            np.testing.assert_allclose(a[column].astype(float), want, rtol=tol, atol=tol,
                                       err_msg=f"{case.name} {wave} {column}")
        # communities: a partition whose modularity is the reported one, connected
        # communities, and no worse than networkx's Louvain (seed 0) by more than 0.01
        groups = [set(g.index) for _, g in a.groupby("community")]
        m = relnet.network_metrics(case, wave=wave)
        assert nx.community.modularity(G, groups) == pytest.approx(m["modularity"])
        assert all(nx.is_connected(G.subgraph(c)) for c in groups)
        assert m["modularity"] >= nx.community.modularity(
            G, nx.community.louvain_communities(G, seed=0)) - 0.01


def test_every_network_metric_equals_networkx(all_cases):
    for case, wave in all_cases:
        G, _ = independent_graphs(case, wave)
        m = relnet.network_metrics(case, wave=wave)
        n, e = G.number_of_nodes(), G.number_of_edges()
        degrees = np.array([d for _, d in G.degree()])
        assert m["n_actors"] == n and m["n_ties"] == e
        assert m["density"] == pytest.approx(nx.density(G))
        assert m["components"] == nx.number_connected_components(G)
        assert m["degree_centralization"] == pytest.approx(
            (degrees.max() - degrees).sum() / ((n - 1) * (n - 2)))
        assert m["clustering"] == pytest.approx(nx.average_clustering(G))
        assert m["transitivity"] == pytest.approx(nx.transitivity(G))
        assert m["modularity"] >= nx.community.modularity(
            G, nx.community.louvain_communities(G, seed=0)) - 0.01


def test_registered_metrics_appear_everywhere():
    case = relnet.load_example("lindermeer")
    relnet.register_metric("isolates", lambda G: nx.number_of_isolates(G))
    relnet.register_metric("ego_size", lambda G: {n: len(G[n]) + 1 for n in G}, level="actor")
    try:
        assert "isolates" in relnet.network_metrics(case).index
        assert (relnet.actor_metrics(case)["ego_size"] ==
                relnet.actor_metrics(case)["degree"] + 1).all()
        table = relnet.compare(case)
        assert "isolates" in table.columns and len(table) == 2
        changes = relnet.wave_changes(case, 2015, 2017)
        assert "isolates" in changes.metrics.index
        with pytest.raises(ValueError, match="built-in"):
            relnet.register_metric("density", lambda G: 0)
        with pytest.raises(ValueError, match="level"):
            relnet.register_metric("x", lambda G: 0, level="tie")
    finally:
        relnet.unregister_metric("isolates")
        relnet.unregister_metric("ego_size")
    assert "isolates" not in relnet.network_metrics(case).index


# ------------------------------------------------------------------ communities (Leiden)


def random_graphs():
    """40 G(n, p) graphs of 20-300 actors with 1.5-8 expected links per actor (the sparse
    ones have isolates); every second one weighted 1.0-5.0 in steps of 0.1."""
    for seed in range(40):
        rng = random.Random(seed)
        n = rng.randint(20, 300)
        G = nx.gnp_random_graph(n, rng.uniform(1.5, 8) / n, seed=seed)
        if seed % 2:
            for u, v in G.edges:
                G[u][v]["weight"] = rng.randint(10, 50) / 10
        yield f"gnp{seed} (n={n}{', weighted' if seed % 2 else ''})", G


def communities_of(G):
    """relnet's community column for a networkx graph (labels as text) and that graph."""
    H = nx.relabel_nodes(G, str)
    return H, relnet.actor_metrics(from_networkx(H), exact=False)["community"]


def check_communities(name, H, column):
    """The pinned definition; returns relnet's modularity minus networkx's Louvain's."""
    groups = [set(members) for members in column.groupby(column).groups.values()]
    assert sorted(set().union(*groups)) == sorted(H.nodes), name
    sizes = column.value_counts().sort_index()
    assert list(sizes.index) == list(range(len(sizes))), name  # numbered 0, 1, ...
    assert sizes.is_monotonic_decreasing, name  # largest first
    for members in groups:
        assert nx.is_connected(H.subgraph(members)), f"{name}: {sorted(members)}"
    for isolate in nx.isolates(H):
        assert (column == column[isolate]).sum() == 1, f"{name}: {isolate}"
    ours = nx.community.modularity(H, groups, weight="weight")
    louvain = nx.community.modularity(
        H, nx.community.louvain_communities(H, weight="weight", seed=0), weight="weight")
    assert ours >= louvain - 0.01, f"{name}: {ours:.4f} < Louvain {louvain:.4f} - 0.01"
    if H.number_of_edges():
        assert relnet.network_metrics(from_networkx(H), exact=False)["modularity"] == \
            pytest.approx(ours, abs=1e-12), name
    return ours - louvain


def test_communities_on_the_reference_networks():
    # Zachary's karate club (weighted, as networkx ships it) and Padgett's families.
    for name, G in [("karate", nx.karate_club_graph()),
                    ("florentine", nx.florentine_families_graph())]:
        check_communities(name, *communities_of(G))


@pytest.mark.slow
def test_communities_on_random_graphs():
    differences = [check_communities(name, *communities_of(G))
                   for name, G in random_graphs()]
    assert len(differences) == 40 and np.mean(differences) >= 0


def test_isolates_are_communities_of_their_own():
    G = nx.florentine_families_graph()
    G.add_nodes_from(["Pucci", "Zz"])
    H, column = communities_of(G)
    check_communities("florentine with isolates", H, column)
    assert column["Pucci"] != column["Zz"]
    alone = relnet.actor_metrics(small_case([], isolates=["a", "b", "c"]))["community"]
    assert list(alone) == [0, 1, 2]  # no links: one community each, by id
    assert math.isnan(relnet.network_metrics(small_case([], isolates=["a", "b"]))["modularity"])


SAME_IN_A_NEW_PROCESS = """
import random, networkx as nx, relnet
from relnet.network.graph import from_networkx
rng = random.Random(7)
G = nx.gnp_random_graph(250, 0.02, seed=7)
for u, v in G.edges:
    G[u][v]["weight"] = rng.randint(10, 50) / 10
case = from_networkx(nx.relabel_nodes(G, str))
print(relnet.actor_metrics(case, exact=False)["community"].to_json())
"""


@pytest.mark.slow
def test_the_same_input_gives_the_same_communities():
    from relnet.network._cache import clear_cache

    namespace = {}
    exec(SAME_IN_A_NEW_PROCESS.replace("print(", "result = ("), namespace)
    first = namespace["result"]
    clear_cache()
    random.seed(12345)
    expected_draw = random.random()
    random.seed(12345)
    exec(SAME_IN_A_NEW_PROCESS.replace("print(", "result = ("), namespace)
    assert random.random() == expected_draw  # Python's global random state untouched
    assert namespace["result"] == first
    done = subprocess.run([sys.executable, "-c", SAME_IN_A_NEW_PROCESS], capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == first


# ------------------------------------------------------------------ communities of decimal weights


def _random_graphs(count):
    """Four families of random graphs with one-decimal weights 1.0-5.0 (the decimal
    sums whose last bit depends on the order of summation), 120-415 actors."""
    for seed in range(count):
        rng = random.Random(seed)
        n = rng.randint(120, 415)
        family = seed % 4
        if family == 0:
            G = nx.gnm_random_graph(n, int(n * rng.uniform(0.8, 2.0)), seed=seed)
        elif family == 1:
            G = nx.powerlaw_cluster_graph(n, 2, 0.3, seed=seed)
        elif family == 2:
            G = nx.connected_caveman_graph(max(2, n // 10), 10)
        else:
            G = nx.random_partition_graph([n // 4] * 4, 0.08, 0.005, seed=seed)
        for u, v in G.edges:
            G[u][v]["weight"] = rng.randint(10, 50) / 10
        yield G
    # graphs whose total weight summed in numpy's order differs in the last bit (these
    # once gave another partition)
    for seed in (36, 875):
        rng = random.Random(seed)
        n = rng.randint(120, 415)
        G = nx.gnm_random_graph(n, int(n * rng.uniform(0.8, 2.0)), seed=seed)
        for u, v in G.edges:
            G[u][v]["weight"] = rng.randint(10, 50) / 10
        yield G


@pytest.mark.slow
def test_modularity_of_decimal_weights_is_networkx_s_for_relnet_s_partition():
    # The reported modularity is networkx's modularity of relnet's own (Leiden) partition to
    # the last bits, whatever order decimal weights are summed in; the partition itself is
    # judged by its quality (tests/test_metrics.py): connected communities, and modularity
    # at least networkx's Louvain (seed 0) minus 0.01.
    from relnet.network.graph import from_networkx

    for k, G in enumerate(_random_graphs(24)):
        if k % 4 == 2:
            continue  # the caveman graphs' integer labels are fine; keep the test short
        mapping = {node: f"a{node:04d}" for node in G.nodes}
        H = nx.relabel_nodes(G, mapping)
        case = from_networkx(H)
        ours = relnet.network_metrics(case)["modularity"]
        community = relnet.actor_metrics(case, exact=False)["community"]
        groups = [set(members) for members in community.groupby(community).groups.values()]
        assert ours == pytest.approx(nx.community.modularity(H, groups, weight="weight"),
                                     abs=1e-12)
        assert all(nx.is_connected(H.subgraph(members)) for members in groups)
        louvain = nx.community.modularity(
            H, nx.community.louvain_communities(H, weight="weight", seed=0), weight="weight")
        assert ours >= louvain - 0.01

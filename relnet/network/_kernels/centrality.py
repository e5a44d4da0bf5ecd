"""Fast paths: the pinned metrics computed with numba kernels, scipy and igraph's C core.

networkx stays relnet's model and reference
(`relnet.network.metrics.actor_metrics_of_graph`); this module gives the same numbers much
faster, from arrays built once per (case, wave, types):

- unweighted betweenness and closeness: Brandes' algorithm with breadth-first search,
  compiled by numba and run in parallel over source actors (`paths.py`), on networkx's
  conventions (normalisation over all n actors; closeness scaled by the reachable share, 0
  for isolates); up to `SMALL` actors networkx itself;
- Burt's constraint, core numbers, local clustering (and from it the triangle counts):
  igraph (C), rescaled to networkx's conventions (NaN constraint for isolates);
- weighted betweenness: Brandes with Dijkstra compiled by numba, comparing path lengths
  exactly as networkx does (igraph treats lengths within an epsilon as equal, which gives
  different values when 1/weight sums round differently);
- eigenvector centrality and PageRank: networkx's own iterations (power iteration from a
  uniform start with A + I; PageRank's scipy iteration) on scipy sparse matrices;
- effective size from triangle counts (Borgatti 1997's simplification networkx uses);
- modularity of the community partition (Leiden, through igraph: `relnet.network._cache`).

The tests compare every value with networkx (1e-9; 1e-6 for the iterative solvers).
"""

import math

import networkx as nx
import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

__all__ = ["GraphArrays", "actor_metrics_fast", "network_metrics_fast",
           "network_metrics_structure", "shortest_paths", "SMALL"]

# Up to this many actors networkx computes the shortest-path centralities itself (it is the
# reference, and on a small network it is done before numba's compiled kernels have loaded).
SMALL = 200


class GraphArrays:
    """The collapsed graph of a snapshot as arrays: nodes 0..n-1 in actor order, links
    (u, v, weight) in first-tie order, arcs of the directed view."""

    def __init__(self, ids, u, v, weight, arc_source, arc_target, arc_weight):
        self.ids = list(ids)
        self.n = len(self.ids)
        self.u, self.v, self.weight = u, v, weight
        self.arc_source, self.arc_target, self.arc_weight = arc_source, arc_target, arc_weight
        self._igraph = None

    @property
    def m(self):
        return len(self.u)

    @property
    def igraph(self):
        if self._igraph is None:
            import igraph as ig

            g = ig.Graph(n=self.n, edges=np.column_stack([self.u, self.v]).tolist())
            g.es["weight"] = self.weight.tolist()
            self._igraph = g
        return self._igraph

    def adjacency(self, weighted=False):
        data = self.weight if weighted else np.ones(self.m)
        a = sp.csr_array((np.concatenate([data, data]),
                          (np.concatenate([self.u, self.v]), np.concatenate([self.v, self.u]))),
                         shape=(self.n, self.n))
        return a

    def without_node(self, k):
        """The arrays of the same graph without node k, its links and its arcs (the nodes
        after k move down one)."""
        links = (self.u != k) & (self.v != k)
        arcs = (self.arc_source != k) & (self.arc_target != k)

        def shift(nodes):
            return nodes - (nodes > k)

        return GraphArrays(self.ids[:k] + self.ids[k + 1:], shift(self.u[links]),
                           shift(self.v[links]), self.weight[links],
                           shift(self.arc_source[arcs]), shift(self.arc_target[arcs]),
                           self.arc_weight[arcs])

    def degrees(self):
        return np.bincount(np.concatenate([self.u, self.v]), minlength=self.n)

    def components(self):
        count, labels = connected_components(self.adjacency(), directed=False)
        return count, labels


def eigenvector(arrays, max_iter=100, tol=1e-6):
    """networkx's power iteration: x <- (A + I) x / ||.||, from 1/n, until the L1 change
    is below n * tol; if it does not converge, networkx's numpy variant (as relnet does)."""
    n = arrays.n
    a = arrays.adjacency()
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = last + a @ last
        norm = math.hypot(*x) if n < 4000 else float(np.linalg.norm(x))
        x = x / (norm or 1)
        if np.abs(x - last).sum() < n * tol:
            return x
    vals, vecs = sp.linalg.eigs(a.astype(float), k=1, which="LR", maxiter=n * 50, tol=0)
    largest = vecs.flatten().real
    return largest / (np.sign(largest.sum()) * np.linalg.norm(largest))


def pagerank(arrays, alpha=0.85, max_iter=100, tol=1e-6):
    """networkx's `_pagerank_scipy` on the directed view (arc weights)."""
    n = arrays.n
    a = sp.csr_array((arrays.arc_weight, (arrays.arc_source, arrays.arc_target)),
                     shape=(n, n))
    s = np.asarray(a.sum(axis=1)).ravel()
    nonzero = s != 0
    s[nonzero] = 1.0 / s[nonzero]
    a = sp.diags_array(s).tocsr() @ a
    x = np.repeat(1.0 / n, n)
    p = np.repeat(1.0 / n, n)
    dangling = np.where(~nonzero)[0]
    for _ in range(max_iter):
        last = x
        x = alpha * (x @ a + sum(x[dangling]) * p) + (1 - alpha) * p
        if np.absolute(x - last).sum() < n * tol:
            return x
    raise nx.PowerIterationFailedConvergence(max_iter)


def triangles_and_clustering(arrays):
    """Triangles per node and networkx's local clustering 2T / (d (d - 1))."""
    d = arrays.degrees().astype(float)
    local = np.array(arrays.igraph.transitivity_local_undirected(mode="zero"), dtype=float)
    triangles = np.rint(local * d * (d - 1) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        clustering = np.where(triangles > 0, 2 * triangles / (d * (d - 1)), 0.0)
    return triangles, clustering


def shortest_paths(arrays, exact=True):
    """(betweenness, closeness, weighted betweenness) on networkx's conventions; NaN when
    not `exact`. networkx computes them up to `SMALL` actors, numba's kernels above."""
    n = arrays.n
    if not exact:
        return np.full(n, np.nan), np.full(n, np.nan), np.full(n, np.nan)
    if n > SMALL:
        from .paths import betweenness_weighted, shortest_path_centralities

        return (*shortest_path_centralities(arrays), betweenness_weighted(arrays))
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from(zip(arrays.u.tolist(), arrays.v.tolist(),
                                  arrays.weight.tolist()))
    for _, _, data in G.edges(data=True):
        data["distance"] = 1.0 / data["weight"]

    def ordered(values):
        return np.array([values[i] for i in range(n)], dtype=float)

    return (ordered(nx.betweenness_centrality(G)), ordered(nx.closeness_centrality(G)),
            ordered(nx.betweenness_centrality(G, weight="distance")))


def actor_metrics_fast(arrays, membership, exact=True):
    """The actor metrics of `relnet.metrics.ACTOR_METRICS` as arrays (dict name -> array).

    With ``exact=False`` betweenness, weighted betweenness and closeness (quadratic in the
    size of the network) are NaN; see `relnet.metrics.centrality_batch`.
    """
    n = arrays.n
    degree = arrays.degrees()
    count, labels = arrays.components()
    triangles, clustering = triangles_and_clustering(arrays)
    with np.errstate(divide="ignore", invalid="ignore"):
        effective = np.where(degree > 0, degree - 2 * triangles / degree, np.nan)
    between, close, weighted = shortest_paths(arrays, exact)
    out = {
        "degree": degree,
        "in_degree": np.bincount(arrays.arc_target, minlength=n),
        "out_degree": np.bincount(arrays.arc_source, minlength=n),
        "betweenness": between,
        "betweenness_weighted": weighted,
        "closeness": close,
        "eigenvector": eigenvector(arrays),
        "pagerank": pagerank(arrays),
        "constraint": np.array(arrays.igraph.constraint(), dtype=float)
        if arrays.m else np.full(n, np.nan),
        "effective_size": effective,
        "clustering": clustering,
        "core_number": np.array(arrays.igraph.coreness()),
        "community": membership,
    }
    out["constraint"][degree == 0] = np.nan
    return out, (count, labels, triangles)


def network_metrics_fast(arrays, membership, reciprocity, actor, components):
    """The network metrics of `relnet.metrics.NETWORK_METRICS` from the actor arrays."""
    n, m = arrays.n, arrays.m
    count, labels, triangles = components
    degree = actor["degree"]
    betweenness = actor["betweenness"]
    contri = float(np.sum(degree * (degree - 1)))
    return {
        "n_actors": n,
        "n_ties": m,
        "density": 2 * m / (n * (n - 1)) if n > 1 else math.nan,
        "components": count,
        "largest_component_share": np.bincount(labels).max() / n if n else math.nan,
        "degree_centralization": float((degree.max() - degree).sum() / ((n - 1) * (n - 2)))
        if n >= 3 else math.nan,
        "betweenness_centralization": float((betweenness.max() - betweenness).sum() / (n - 1))
        if n >= 3 and not np.isnan(betweenness).any() else math.nan,
        "reciprocity": reciprocity,
        "clustering": float(actor["clustering"].sum() / n) if n else math.nan,
        "transitivity": float(2 * triangles.sum() / contri) if triangles.sum() else 0.0,
        "modularity": modularity(arrays, membership) if m else math.nan,
    }


def network_metrics_structure(arrays, membership, reciprocity):
    """`network_metrics_fast` computing only the actor values it needs (degree, clustering,
    betweenness): for the jackknife, which measures a network once per actor left out.
    Betweenness is igraph's (C) exact count of shortest paths on the unweighted graph,
    rescaled to networkx's normalisation 2 / ((n - 1)(n - 2))."""
    n = arrays.n
    triangles, clustering = triangles_and_clustering(arrays)
    between = np.zeros(n)
    if n >= 3 and arrays.m:
        between = np.array(arrays.igraph.betweenness(directed=False), dtype=float) \
            * 2 / ((n - 1) * (n - 2))
    actor = {"degree": arrays.degrees(), "betweenness": between, "clustering": clustering}
    return network_metrics_fast(arrays, membership, reciprocity, actor,
                                (*arrays.components(), triangles))


def modularity(arrays, membership, resolution=1.0):
    """Newman's modularity with link weights, as networkx computes it."""
    w = arrays.weight
    degree = np.bincount(arrays.u, weights=w, minlength=arrays.n) + \
        np.bincount(arrays.v, weights=w, minlength=arrays.n)
    deg_sum = degree.sum()
    k = membership.max() + 1
    inside = membership[arrays.u] == membership[arrays.v]
    internal = np.bincount(membership[arrays.u[inside]], weights=w[inside], minlength=k)
    sums = np.bincount(membership, weights=degree, minlength=k)
    return float(np.sum(internal / (deg_sum / 2) - resolution * sums * sums / deg_sum ** 2))

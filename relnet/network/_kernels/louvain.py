"""networkx's Louvain community detection, compiled, with identical results.

relnet pins modularity to "the Louvain partition (seed 0)" as networkx 3.6 computes it
(`networkx.community.louvain_communities(G, seed=0)`, Blondel et al. 2008). That algorithm
is a sequential greedy loop in pure Python (about 50 s on 100,000 actors). This module
repeats it step for step: the same `random.Random(seed)` shuffle stream, the same
neighbour and community orders (networkx's dict insertion orders, including the graph
rebuilds between levels), the same floating-point expressions in the same order, with the
node loop compiled by numba. The tests compare partitions with networkx on published and
synthetic graphs.
"""

import random

import numpy as np
from numba import njit

__all__ = ["louvain_communities"]


def _ordered_csr(n, a, b, w):
    """Adjacency in networkx insertion order from an edge stream (a[k], b[k], w[k]).

    Edge k appends b to a's list and a to b's list (a self-loop once), so each node's
    neighbours are ordered by the position of their edge in the stream.
    """
    loop = a == b
    nodes = np.concatenate([a, b[~loop]])
    nbrs = np.concatenate([b, a[~loop]])
    weights = np.concatenate([w, w[~loop]])
    position = np.concatenate([np.arange(len(a)), np.arange(len(a))[~loop]])
    order = np.lexsort((position, nodes))
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(nodes, minlength=n), out=indptr[1:])
    return indptr, nbrs[order].astype(np.int64), weights[order].astype(np.float64)


@njit(cache=True)
def _edge_stream(indptr, nbr, w):
    """networkx's `G.edges(data=True)` order: nodes in order, each edge once, from the
    first of its ends to be visited (a self-loop when its node is visited)."""
    n = len(indptr) - 1
    seen = np.zeros(n, dtype=np.bool_)
    count = 0
    for u in range(n):
        for e in range(indptr[u], indptr[u + 1]):
            if not seen[nbr[e]]:
                count += 1
        seen[u] = True
    a = np.empty(count, dtype=np.int64)
    b = np.empty(count, dtype=np.int64)
    ws = np.empty(count, dtype=np.float64)
    seen[:] = False
    k = 0
    for u in range(n):
        for e in range(indptr[u], indptr[u + 1]):
            v = nbr[e]
            if not seen[v]:
                a[k] = u
                b[k] = v
                ws[k] = w[e]
                k += 1
        seen[u] = True
    return a, b, ws


@njit(cache=True)
def _degrees(indptr, nbr, w):
    """Weighted degree as networkx counts it: neighbours in order, a self-loop twice."""
    n = len(indptr) - 1
    out = np.zeros(n, dtype=np.float64)
    for u in range(n):
        total = 0.0
        loop = 0.0
        has_loop = False
        for e in range(indptr[u], indptr[u + 1]):
            total += w[e]
            if nbr[e] == u:
                loop = w[e]
                has_loop = True
        if has_loop:
            total += loop
        out[u] = total
    return out


@njit(cache=True)
def _one_level(indptr, nbr, w, degrees, order, m, resolution):
    """One pass of networkx's `_one_level` (undirected): returns node -> community."""
    n = len(indptr) - 1
    node2com = np.arange(n)
    stot = degrees.copy()
    acc = np.zeros(n, dtype=np.float64)
    stamp = np.full(n, -1, dtype=np.int64)
    seen_order = np.empty(n, dtype=np.int64)
    improvement = False
    nb_moves = 1
    visit = 0
    two_m2 = 2 * m ** 2
    while nb_moves > 0:
        nb_moves = 0
        for u in order:
            visit += 1
            best_mod = 0.0
            best_com = node2com[u]
            count = 0
            for e in range(indptr[u], indptr[u + 1]):
                v = nbr[e]
                if v == u:
                    continue
                c = node2com[v]
                if stamp[c] != visit:
                    stamp[c] = visit
                    acc[c] = 0.0
                    seen_order[count] = c
                    count += 1
                acc[c] += w[e]
            degree = degrees[u]
            stot[best_com] -= degree
            own = acc[best_com] if stamp[best_com] == visit else 0.0
            remove_cost = -own / m + resolution * (stot[best_com] * degree) / two_m2
            for i in range(count):
                c = seen_order[i]
                gain = remove_cost + acc[c] / m - resolution * (stot[c] * degree) / two_m2
                if gain > best_mod:
                    best_mod = gain
                    best_com = c
            stot[best_com] += degree
            if best_com != node2com[u]:
                improvement = True
                nb_moves += 1
                node2com[u] = best_com
    return node2com, improvement


def _modularity(indptr, nbr, w, degrees, labels, resolution):
    """networkx's modularity of a partition (labels) of a level graph."""
    deg_sum = sum(degrees.tolist())
    m = deg_sum / 2
    norm = 1 / deg_sum ** 2
    a, b, ws = _edge_stream(indptr, nbr, w)
    inside = labels[a] == labels[b]
    k = labels.max() + 1
    internal = np.bincount(labels[a[inside]], weights=ws[inside], minlength=k)
    degree_sums = np.bincount(labels, weights=degrees, minlength=k)
    return float(np.sum(internal / m - resolution * degree_sums * degree_sums * norm))


def _relabel(node2com):
    """Communities renumbered 0..k-1 in index order, empties dropped (networkx's filter)."""
    used = np.zeros(node2com.max() + 1, dtype=bool)
    used[node2com] = True
    new_id = np.cumsum(used) - 1
    return new_id[node2com], int(used.sum())


def _gen_graph(indptr, nbr, w, labels, k):
    """networkx's `_gen_graph`: one node per community, weights summed in edge order."""
    a, b, ws = _edge_stream(indptr, nbr, w)
    c1, c2 = labels[a], labels[b]
    lo, hi = np.minimum(c1, c2), np.maximum(c1, c2)
    key = lo * k + hi
    unique, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    totals = np.zeros(len(unique), dtype=np.float64)
    np.add.at(totals, inverse, ws)  # sequential, in stream order, as networkx adds them
    by_first = np.argsort(first, kind="stable")
    pair_a = c1[first[by_first]]
    pair_b = c2[first[by_first]]
    return _ordered_csr(k, pair_a, pair_b, totals[by_first])


def louvain_communities(nodes_count, u, v, weight, resolution=1.0, threshold=1e-7, seed=0):
    """Louvain communities exactly as ``networkx.community.louvain_communities``.

    The graph is given as networkx would hold it: nodes ``0..nodes_count-1`` in insertion
    order and undirected edges (u[k], v[k], weight[k]) in the order they were added (no
    duplicates, no self-loops). Returns a membership array (community index per node, in
    networkx's order of the final partition).

    >>> import networkx as nx
    >>> G = nx.karate_club_graph()
    >>> edges = list(G.edges(data="weight"))
    >>> labels = louvain_communities(34, *map(np.array, zip(*edges)))
    >>> ours = sorted(sorted(np.flatnonzero(labels == c)) for c in set(labels))
    >>> theirs = sorted(sorted(c) for c in nx.community.louvain_communities(G, seed=0))
    >>> ours == [list(map(np.int64, c)) for c in theirs]
    True
    """
    n = int(nodes_count)
    u = np.asarray(u, dtype=np.int64)
    v = np.asarray(v, dtype=np.int64)
    weight = np.asarray(weight, dtype=np.float64)
    if len(u) == 0:
        return np.arange(n)
    rng = random.Random(seed)
    # networkx first rebuilds the graph from G.edges(): adjacency in edge-stream order
    indptr, nbr, w = _ordered_csr(n, u, v, weight)
    indptr, nbr, w = _ordered_csr(n, *_edge_stream(indptr, nbr, w))
    degrees = _degrees(indptr, nbr, w)
    # graph.size(weight="weight"): networkx sums the weighted degrees node by node with
    # Python's sum; summing the weights in another order (numpy's pairwise sum) differs in
    # the last bit for decimal weights and can change the partition.
    m = sum(degrees.tolist()) / 2
    membership = np.arange(n)
    mod = _modularity(indptr, nbr, w, degrees, np.arange(n), resolution)

    def level(indptr, nbr, w, degrees):
        order = list(range(len(indptr) - 1))
        rng.shuffle(order)
        node2com, improvement = _one_level(indptr, nbr, w, degrees,
                                           np.array(order, dtype=np.int64), m, resolution)
        labels, k = _relabel(node2com)
        return labels, k, improvement

    labels, k, improvement = level(indptr, nbr, w, degrees)
    improvement = True
    while improvement:
        membership = labels[membership]  # the partition networkx yields here
        new_mod = _modularity(indptr, nbr, w, degrees, labels, resolution)
        if new_mod - mod <= threshold:
            break
        mod = new_mod
        indptr, nbr, w = _gen_graph(indptr, nbr, w, labels, k)
        degrees = _degrees(indptr, nbr, w)
        labels, k, improvement = level(indptr, nbr, w, degrees)
    return membership

"""Fast paths: the pinned metrics computed with numba kernels, scipy and igraph's C core.

networkx stays relnet's model and reference
(`relnet.network.metrics.actor_metrics_of_graph`); this module gives the same numbers much
faster, from arrays built once per (case, wave, types):

- unweighted betweenness and closeness: Brandes' algorithm with breadth-first search,
  compiled by numba and run in parallel over source actors (`shortest_path_centralities`),
  on networkx's conventions (normalisation over all n actors; closeness scaled by the
  reachable share, 0 for isolates);
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

import igraph as ig
import networkx as nx
import numba
import numpy as np
import scipy.sparse as sp
from numba import njit, prange
from scipy.sparse.csgraph import connected_components

__all__ = ["GraphArrays", "actor_metrics_fast", "network_metrics_fast",
           "shortest_path_centralities"]


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

    def degrees(self):
        return np.bincount(np.concatenate([self.u, self.v]), minlength=self.n)

    def components(self):
        count, labels = connected_components(self.adjacency(), directed=False)
        return count, labels


# --------------------------------------------------------------------------- helpers


@njit(cache=True, inline="always")
def _heap_push(keys, vals, size, key, val):
    i = size
    keys[i] = key
    vals[i] = val
    while i > 0:
        parent = (i - 1) >> 1
        if keys[parent] > keys[i] or (keys[parent] == keys[i] and vals[parent] > vals[i]):
            keys[parent], keys[i] = keys[i], keys[parent]
            vals[parent], vals[i] = vals[i], vals[parent]
            i = parent
        else:
            break
    return size + 1


@njit(cache=True, inline="always")
def _heap_pop(keys, vals, size):
    key, val = keys[0], vals[0]
    size -= 1
    keys[0], vals[0] = keys[size], vals[size]
    i = 0
    while True:
        left = 2 * i + 1
        if left >= size:
            break
        child = left
        right = left + 1
        if right < size and (keys[right] < keys[left] or
                             (keys[right] == keys[left] and vals[right] < vals[left])):
            child = right
        if keys[child] < keys[i] or (keys[child] == keys[i] and vals[child] < vals[i]):
            keys[child], keys[i] = keys[i], keys[child]
            vals[child], vals[i] = vals[i], vals[child]
            i = child
        else:
            break
    return key, val, size


@njit(cache=True)
def _weighted_block(indptr, nbr, cost, sources):
    """Brandes' dependencies from `sources` with Dijkstra; path lengths compared exactly
    as networkx compares them (D[v] + c == D[w])."""
    n = len(indptr) - 1
    out = np.zeros(n)
    D = np.empty(n)
    sigma = np.empty(n)
    delta = np.empty(n)
    order = np.empty(n, dtype=np.int64)
    done = np.zeros(n, dtype=np.bool_)
    keys = np.empty(len(nbr) + 1)
    vals = np.empty(len(nbr) + 1, dtype=np.int64)
    for s in sources:
        D[:] = np.inf
        sigma[:] = 0.0
        delta[:] = 0.0
        done[:] = False
        D[s] = 0.0
        size = _heap_push(keys, vals, 0, 0.0, s)
        count = 0
        while size > 0:
            d, v, size = _heap_pop(keys, vals, size)
            if done[v]:
                continue
            done[v] = True
            order[count] = v
            count += 1
            for e in range(indptr[v], indptr[v + 1]):
                w = nbr[e]
                vw = d + cost[e]
                if not done[w] and vw < D[w]:
                    D[w] = vw
                    size = _heap_push(keys, vals, size, vw, w)
        sigma[s] = 1.0
        for i in range(1, count):
            w = order[i]
            total = 0.0
            for e in range(indptr[w], indptr[w + 1]):
                v = nbr[e]
                if done[v] and D[v] + cost[e] == D[w]:
                    total += sigma[v]
            sigma[w] = total
        for i in range(count - 1, 0, -1):
            w = order[i]
            coeff = (1.0 + delta[w]) / sigma[w]
            for e in range(indptr[w], indptr[w + 1]):
                v = nbr[e]
                if done[v] and D[v] + cost[e] == D[w]:
                    delta[v] += sigma[v] * coeff
            out[w] += delta[w]
    return out


@njit(cache=True)
def _bfs_block(indptr, nbr, sources):
    """Brandes' dependencies from `sources` by BFS, and each source's sum of distances and
    number of reachable actors (for closeness)."""
    n = len(indptr) - 1
    out = np.zeros(n)
    dist_sum = np.zeros(len(sources))
    reached = np.zeros(len(sources), dtype=np.int64)
    D = np.empty(n, dtype=np.int64)
    sigma = np.empty(n)
    delta = np.empty(n)
    queue = np.empty(n, dtype=np.int64)
    for k in range(len(sources)):
        s = sources[k]
        D[:] = -1
        sigma[:] = 0.0
        delta[:] = 0.0
        D[s] = 0
        sigma[s] = 1.0
        queue[0] = s
        head, tail = 0, 1
        total = 0
        while head < tail:
            v = queue[head]
            head += 1
            total += D[v]
            for e in range(indptr[v], indptr[v + 1]):
                w = nbr[e]
                if D[w] < 0:
                    D[w] = D[v] + 1
                    queue[tail] = w
                    tail += 1
                if D[w] == D[v] + 1:
                    sigma[w] += sigma[v]
        dist_sum[k] = total
        reached[k] = tail
        for i in range(tail - 1, 0, -1):
            w = queue[i]
            coeff = (1.0 + delta[w]) / sigma[w]
            for e in range(indptr[w], indptr[w + 1]):
                v = nbr[e]
                if D[v] == D[w] - 1:
                    delta[v] += sigma[v] * coeff
            out[w] += delta[w]
    return out, dist_sum, reached


@njit(cache=True, parallel=True)
def _bfs_all(indptr, nbr, blocks):
    n = len(indptr) - 1
    parts = np.zeros((len(blocks) - 1, n))
    dist_sum = np.zeros(n)
    reached = np.zeros(n, dtype=np.int64)
    for b in prange(len(blocks) - 1):
        sources = np.arange(blocks[b], blocks[b + 1])
        part, sums, counts = _bfs_block(indptr, nbr, sources)
        parts[b] = part
        dist_sum[blocks[b]:blocks[b + 1]] = sums
        reached[blocks[b]:blocks[b + 1]] = counts
    return parts.sum(axis=0), dist_sum, reached


@njit(cache=True, parallel=True)
def _weighted_all(indptr, nbr, cost, blocks):
    n = len(indptr) - 1
    parts = np.zeros((len(blocks) - 1, n))
    for b in prange(len(blocks) - 1):
        parts[b] = _weighted_block(indptr, nbr, cost, np.arange(blocks[b], blocks[b + 1]))
    return parts.sum(axis=0)


def _blocks(stop, parts=None, start=0):
    """Source ranges [start, stop) split for the threads (a few blocks each)."""
    parts = parts or max(1, numba.get_num_threads()) * 4
    return np.linspace(start, stop, min(stop - start, parts) + 1).astype(np.int64)


def _csr(arrays, values=None):
    rows = np.concatenate([arrays.u, arrays.v])
    cols = np.concatenate([arrays.v, arrays.u])
    order = np.argsort(rows, kind="stable")
    indptr = np.zeros(arrays.n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=arrays.n), out=indptr[1:])
    data = None if values is None else np.concatenate([values, values])[order]
    return indptr, cols[order].astype(np.int64), data


def shortest_path_centralities(arrays, chunk=None, progress=None):
    """Unweighted betweenness and closeness (networkx's conventions) in one BFS pass,
    parallel over sources; with `chunk`, source by source in chunks, calling
    ``progress(done)`` after each (the batch job for large networks)."""
    n = arrays.n
    if n == 0:
        return np.zeros(0), np.zeros(0)
    indptr, nbr, _ = _csr(arrays)
    chunk = chunk or n
    raw = np.zeros(n)
    dist_sum = np.zeros(n)
    reached = np.zeros(n, dtype=np.int64)
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        part, sums, counts = _bfs_all(indptr, nbr, _blocks(stop, start=start))
        raw += part
        dist_sum[start:stop] = sums[start:stop]
        reached[start:stop] = counts[start:stop]
        if progress is not None:
            progress(stop - start)
    betweenness = raw / ((n - 1) * (n - 2)) if n > 2 else np.zeros(n)
    with np.errstate(divide="ignore", invalid="ignore"):
        close = np.where(dist_sum > 0, (reached - 1) / dist_sum, 0.0)
    if n > 1:
        close = close * (reached - 1) / (n - 1)  # networkx's wf_improved scaling
    return betweenness, close


def betweenness_weighted(arrays):
    """Betweenness with link distance 1/weight, as networkx computes it."""
    if arrays.n <= 2 or arrays.m == 0:
        return np.zeros(arrays.n)
    indptr, nbr, cost = _csr(arrays, 1.0 / arrays.weight)
    raw = _weighted_all(indptr, nbr, cost, _blocks(arrays.n))
    return raw / ((arrays.n - 1) * (arrays.n - 2))


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
    if exact:
        between, close = shortest_path_centralities(arrays)
    else:
        between, close = np.full(n, np.nan), np.full(n, np.nan)
    out = {
        "degree": degree,
        "in_degree": np.bincount(arrays.arc_target, minlength=n),
        "out_degree": np.bincount(arrays.arc_source, minlength=n),
        "betweenness": between,
        "betweenness_weighted": betweenness_weighted(arrays) if exact else np.full(n, np.nan),
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

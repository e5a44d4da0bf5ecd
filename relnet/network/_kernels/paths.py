"""Shortest-path centralities compiled by numba: betweenness, weighted betweenness and
closeness with Brandes' algorithm, parallel over source actors.

Loaded only for networks above `relnet.network._kernels.centrality.SMALL` actors (and by the
batch job `relnet.centrality_batch`): below that networkx computes them itself faster than
numba's compiled code loads. ``python -m relnet.network._kernels`` compiles them into numba's
cache once.
"""

import numba
import numpy as np
from numba import njit, prange

__all__ = ["shortest_path_centralities", "betweenness_weighted"]


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

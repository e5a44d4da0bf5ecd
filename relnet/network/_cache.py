"""One wave of one case, with its graphs and heavy results computed once and cached.

Every analysis asks `snapshot(case, wave, types)` for its graphs. The cache key is a
fingerprint of the case's content (not its identity), so an edited copy is a new entry and
changing only a colour or a size in an explorer recomputes nothing.
"""

import hashlib
from collections import OrderedDict
from contextlib import contextmanager
from functools import cached_property

import numpy as np
import pandas as pd

from .graph import (
    collapsed_edges, collapsed_graph, directed_arcs, directed_graph, normalise_types,
    present_actors, wave_ties,
)

__all__ = ["snapshot", "fingerprint", "Snapshot", "clear_cache", "reuse_fingerprints"]

_CACHE = OrderedDict()
_CACHE_SIZE = 32


# The columns snapshots are built from; other columns (notes, ratings) do not change graphs.
_GRAPH_COLUMNS = {
    "actors": ["id", "name", "kind", "domain", "person", "waves", "district"],
    "ties": ["source", "target", "type", "directed", "weight", "wave"],
}


_REUSE = []  # while an explorer updates: {(id(actors), id(ties)): fingerprint}


@contextmanager
def reuse_fingerprints():
    """Within this block a case's fingerprint is computed once per pair of table objects.

    Explorers wrap one update in it (they never edit a case in place); everywhere else
    the content is hashed on every call, so an analyst's in-place edit is always seen.
    """
    _REUSE.append({})
    try:
        yield
    finally:
        _REUSE.pop()


def fingerprint(case):
    """A content hash of the actor and tie columns that every graph is built from."""
    if _REUSE:
        key = (id(case.actors), id(case.ties))
        if key not in _REUSE[-1]:
            _REUSE[-1][key] = _fingerprint(case)
        return _REUSE[-1][key]
    return _fingerprint(case)


def _fingerprint(case):
    digest = hashlib.sha1()
    for table, wanted in _GRAPH_COLUMNS.items():
        frame = case.tables[table]
        columns = [c for c in wanted if c in frame.columns]
        digest.update(",".join(columns).encode())
        if len(frame):
            hashed = pd.util.hash_pandas_object(frame[columns], index=False).to_numpy()
            digest.update(hashed.tobytes())
    return digest.hexdigest()


class Snapshot:
    """Graphs and cached results of one (case, wave, types)."""

    def __init__(self, case, wave, types):
        self.case = case
        self.wave = wave
        self.types = types
        self.results = {}  # analysis name -> cached result

    @cached_property
    def actors(self):
        return present_actors(self.case, self.wave)

    @cached_property
    def ties(self):
        return wave_ties(self.case, self.wave, self.types)

    @cached_property
    def G(self):
        """The collapsed undirected graph (DESIGN.md section 4)."""
        graph = collapsed_graph(self.case, self.wave, self.types)
        graph.graph["case"] = self.case
        return graph

    @cached_property
    def D(self):
        """The directed view: undirected ties count both ways."""
        return directed_graph(self.case, self.wave, self.types)

    @cached_property
    def arrays(self):
        """The collapsed graph and directed view as arrays (relnet.network._kernels.centrality.GraphArrays)."""
        from ._kernels.centrality import GraphArrays

        index = pd.Index(self.actors["id"])
        edges = collapsed_edges(self.ties)
        arcs = directed_arcs(self.ties)
        return GraphArrays(
            index, index.get_indexer(edges["u"]), index.get_indexer(edges["v"]),
            edges["weight"].to_numpy(dtype=float), index.get_indexer(arcs["source"]),
            index.get_indexer(arcs["target"]), arcs["weight"].to_numpy(dtype=float))

    @cached_property
    def membership(self):
        """Louvain community per actor (networkx's partition, seed 0), numbered largest
        first, ties broken by the smallest member id."""
        from ._kernels.louvain import louvain_communities

        arrays = self.arrays
        if arrays.n == 0:
            return np.zeros(0, dtype=np.int64)
        raw = louvain_communities(arrays.n, arrays.u, arrays.v, arrays.weight)
        ids = np.asarray(arrays.ids, dtype=object)
        groups = pd.Series(ids).groupby(raw)
        ranked = sorted(groups.groups, key=lambda c: (-len(groups.groups[c]),
                                                      min(ids[groups.groups[c]])))
        relabel = np.empty(raw.max() + 1, dtype=np.int64)
        relabel[ranked] = np.arange(len(ranked))
        return relabel[raw]

    @cached_property
    def communities(self):
        """Louvain communities (seed 0) as sets of actor ids, largest first."""
        ids = np.asarray(self.arrays.ids, dtype=object)
        return [set(ids[self.membership == c]) for c in range(self.membership.max() + 1)] \
            if len(ids) else []

    def cached(self, key, compute):
        if key not in self.results:
            self.results[key] = compute()
        return self.results[key]


def snapshot(case, wave=None, types=None):
    """The cached `Snapshot` of a case's wave (None = latest) and tie types (None = all)."""
    wave = case.resolve_wave(wave)
    types = normalise_types(types)
    key = (fingerprint(case), wave, types)
    if key in _CACHE:
        _CACHE.move_to_end(key)
        found = _CACHE[key]
        found.case = case  # same content; keep the caller's object for attributes
        return found
    found = Snapshot(case, wave, types)
    _CACHE[key] = found
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return found


def clear_cache():
    """Forget every cached snapshot."""
    _CACHE.clear()

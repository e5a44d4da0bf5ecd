"""One wave of one case, with its graphs and heavy results computed once and cached.

Every analysis asks `snapshot(case, wave, types)` for its graphs. The cache key is the
content of the whole case (`relnet.data._fingerprint`: every table, every column, and
`meta`), never its identity: an in-place edit, an added column or a copy with other
metadata is a new entry. A snapshot keeps its own copy of the case (copy-on-write makes it
cheap), so that a registered metric reading ``G.graph["case"]`` sees exactly the content the
snapshot was made from, whatever the analyst edits afterwards.
"""

from collections import OrderedDict
from functools import cached_property

import numpy as np
import pandas as pd

from ..data._fingerprint import fingerprint
from ..data.arguments import normalise_types
from .graph import (
    collapsed_edges,
    collapsed_graph,
    directed_arcs,
    directed_graph,
    present_actors,
    wave_ties,
)

__all__ = ["snapshot", "Snapshot", "clear_cache"]

_CACHE = OrderedDict()
_CACHE_SIZE = 32


def _frozen(case):
    """A copy of the case that later in-place edits of the original cannot reach: shallow
    copies of the tables (pandas copies on write) and a deep copy of meta."""
    return case.copy(**{name: frame.copy(deep=False) for name, frame in case.tables.items()})


class Snapshot:
    """Graphs and cached results of one (case, wave, types)."""

    def __init__(self, case, wave, types, confirmed_only=False):
        self.case = _frozen(case)
        self.wave = wave
        self.types = types
        self.confirmed_only = confirmed_only
        self.results = {}  # analysis name -> cached result

    @cached_property
    def actors(self):
        return present_actors(self.case, self.wave)

    @cached_property
    def ties(self):
        return wave_ties(self.case, self.wave, self.types, self.confirmed_only)

    @cached_property
    def G(self):
        """The collapsed undirected graph (docs/metrics.md)."""
        graph = collapsed_graph.__wrapped__(self.case, self.wave, self.types,
                                            self.confirmed_only)
        graph.graph["case"] = self.case
        return graph

    @cached_property
    def D(self):
        """The directed view: undirected ties count both ways."""
        return directed_graph.__wrapped__(self.case, self.wave, self.types,
                                          self.confirmed_only)

    @cached_property
    def arrays(self):
        """The collapsed graph and directed view as arrays (`GraphArrays`)."""
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


def snapshot(case, wave=None, types=None, confirmed_only=False):
    """The cached `Snapshot` of a case's wave (None = latest), tie types (None = all) and,
    with `confirmed_only`, only the survey ties both sides named."""
    wave = case.resolve_wave(wave)
    types = normalise_types(types)
    confirmed_only = bool(confirmed_only)
    key = (fingerprint(case), wave, types, confirmed_only)
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    found = Snapshot(case, wave, types, confirmed_only)
    _CACHE[key] = found
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return found


def clear_cache():
    """Forget every cached snapshot."""
    _CACHE.clear()

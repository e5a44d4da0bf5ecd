"""One wave of one case, with its graphs and heavy results computed once and cached.

Every analysis asks `snapshot(case, wave, types)` for its graphs. Snapshots live in relnet's
one cache (`relnet.data._memo`), under the content of the whole case (every table, every
column, and `meta`), never its identity: an in-place edit, an added column or a copy with
other metadata is a new entry; within it, under (wave, types, confirmed_only). A snapshot
keeps its own copy of the case (copy-on-write makes it cheap), so that a registered metric
reading ``G.graph["case"]`` sees exactly the content the snapshot was made from, whatever the
analyst edits afterwards.
"""

from functools import cached_property

import numpy as np
import pandas as pd

from ..data import _memo
from ..data.arguments import normalise_types
from .graph import (
    _collapsed_graph,
    _directed_graph,
    collapsed_edges,
    directed_arcs,
    present_actors,
    wave_ties,
)

__all__ = ["snapshot", "Snapshot", "clear_cache"]



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
        graph = _collapsed_graph(self.case, self.wave, self.types, self.confirmed_only)
        graph.graph["case"] = self.case
        return graph

    @cached_property
    def graph(self):
        """Every selected tie as an edge (`relnet.to_graph`), for registered indicators."""
        from .graph import _multigraph

        return _multigraph(self.case, self.wave, self.types, self.confirmed_only)

    @cached_property
    def D(self):
        """The directed view: undirected ties count both ways."""
        return _directed_graph(self.case, self.wave, self.types, self.confirmed_only)

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
        """Leiden community per actor (Traag, Waltman & van Eck 2019: modularity with link
        weights, igraph, seed 0), numbered largest first, ties broken by the smallest member
        id. Every community is connected; an isolate is a community of its own."""
        import random

        import igraph as ig

        arrays = self.arrays
        if arrays.n == 0:
            return np.zeros(0, dtype=np.int64)
        # igraph draws from the generator set globally: a private one seeded 0 for this
        # call, then igraph's default (Python's random module) again.
        ig.set_random_number_generator(random.Random(0))
        try:
            found = arrays.igraph.community_leiden(
                objective_function="modularity", weights="weight", n_iterations=-1)
        finally:
            ig.set_random_number_generator(random)
        raw = np.asarray(found.membership, dtype=np.int64)
        ids = np.asarray(arrays.ids, dtype=object)
        groups = pd.Series(ids).groupby(raw)
        ranked = sorted(groups.groups, key=lambda c: (-len(groups.groups[c]),
                                                      min(ids[groups.groups[c]])))
        relabel = np.empty(raw.max() + 1, dtype=np.int64)
        relabel[ranked] = np.arange(len(ranked))
        return relabel[raw]

    @cached_property
    def communities(self):
        """Leiden communities (seed 0) as sets of actor ids, largest first."""
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
    snapshots = _memo.entry(case).snapshots
    key = (wave, types, confirmed_only)
    if key not in snapshots:
        snapshots[key] = Snapshot(case, wave, types, confirmed_only)
    return snapshots[key]


def clear_cache():
    """Forget every cached case and snapshot (`relnet.data._memo`)."""
    _memo.clear()

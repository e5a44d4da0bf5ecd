"""One wave of one case, with its graphs and heavy results computed once and cached.

Every analysis asks `snapshot(case, wave, types)` for its graphs. The cache key is a
fingerprint of the case's content (not its identity), so an edited copy is a new entry and
changing only a colour or a size in an explorer recomputes nothing.
"""

import hashlib
from collections import OrderedDict
from functools import cached_property

import networkx as nx
import pandas as pd

from .graph import (
    collapsed_graph, directed_graph, normalise_types, present_actors, wave_ties,
)

__all__ = ["snapshot", "fingerprint", "Snapshot", "clear_cache"]

_CACHE = OrderedDict()
_CACHE_SIZE = 32


def fingerprint(case):
    """A content hash of a case's actors and ties (what every graph is built from)."""
    digest = hashlib.sha1()
    for frame in (case.actors, case.ties):
        digest.update(",".join(map(str, frame.columns)).encode())
        if len(frame):
            hashed = pd.util.hash_pandas_object(frame, index=False).to_numpy()
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
    def communities(self):
        """Louvain communities (seed 0), largest first, ties broken by smallest member."""
        if self.G.number_of_edges() == 0:
            return [{n} for n in sorted(self.G.nodes)]
        found = nx.community.louvain_communities(self.G, seed=0)
        return sorted(found, key=lambda c: (-len(c), min(c)))

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

"""Positions for drawings: the network map (components packed), the goal tree (tidy,
top-down), and the summary of a network too large to draw actor by actor."""

import math

import networkx as nx
import numpy as np

from ...network._cache import snapshot

__all__ = ["network_layout", "tree_positions", "AGGREGATE_ABOVE"]

AGGREGATE_ABOVE = 2000  # actors: beyond this a map shows groups, not actors


def network_layout(case, wave=None, types=None):
    """Positions of the wave's actors (cached per content, wave and types)."""
    snap = snapshot(case, wave, types)
    return snap.cached("layout", lambda: _packed_layout(snap.G))


def _packed_layout(G):
    """Spring layout per connected component, packed: the largest in the middle, smaller
    components and isolates in rows beneath it (so an isolate does not squash the rest)."""
    components = sorted(nx.connected_components(G), key=lambda c: (-len(c), min(c)))
    if not components:
        return {}
    pos = dict(_component_layout(G.subgraph(components[0])))
    rest = components[1:]
    if rest:
        per_row = max(8, int(math.ceil(math.sqrt(len(rest)))))
        cell = 2.0 / per_row
        for i, component in enumerate(rest):
            centre = np.array([-1.0 + cell / 2 + (i % per_row) * cell,
                               -1.25 - (i // per_row) * cell])
            sub = G.subgraph(component)
            local = nx.spring_layout(sub, seed=0, scale=cell * 0.35) if len(sub) > 1 \
                else {next(iter(sub)): np.zeros(2)}
            pos.update({node: centre + xy for node, xy in local.items()})
    return pos


def _component_layout(G):
    """networkx's spring layout for small components; igraph's Fruchterman-Reingold (C,
    from a seeded start, so the same case gives the same picture) for large ones."""
    n = G.number_of_nodes()
    if n == 1:
        return {next(iter(G)): np.zeros(2)}
    if n <= 300:
        return nx.spring_layout(G, seed=0, k=1.6 / math.sqrt(n), iterations=100)
    import igraph as ig

    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    g = ig.Graph(n=n, edges=[(index[u], index[v]) for u, v in G.edges])
    start = np.random.default_rng(0).uniform(-1, 1, size=(n, 2)).tolist()
    # fewer iterations on very large components: 300 takes over a minute at 10,000 actors
    niter = 300 if n <= 2000 else max(40, 300 * 2000 // n)
    xy = np.array(g.layout_fruchterman_reingold(seed=start, niter=niter,
                                                grid=n > 2000 or "auto").coords)
    xy -= xy.mean(axis=0)
    xy /= np.abs(xy).max() or 1
    return dict(zip(nodes, xy))


def tree_positions(tree, root):
    """A tidy top-down layout: leaves evenly spaced, parents centred over their children.

    Iterative (a goal chain 1,000 deep must not exhaust Python's recursion limit).

    >>> T = nx.DiGraph([("a", "b"), ("a", "c"), ("c", "d")])
    >>> for d, n in enumerate(["a", "b", "c", "d"]):
    ...     T.nodes[n]["depth"] = {"a": 0, "b": 1, "c": 1, "d": 2}[n]
    >>> tree_positions(T, "a")
    {'a': (0.5, 0), 'b': (0, -1), 'c': (1.0, -1), 'd': (1, -2)}
    """
    x, leaves = {}, 0
    stack = [(root, False)]
    while stack:
        node, visited = stack.pop()
        children = list(tree.successors(node))
        if not children:
            x[node] = leaves
            leaves += 1
        elif visited:
            x[node] = (x[children[0]] + x[children[-1]]) / 2
        else:
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(children))
    return {n: (x[n], -tree.nodes[n]["depth"]) for n in tree if n in x}

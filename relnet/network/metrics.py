"""Network- and actor-level metrics with pinned definitions (``docs/metrics.md``).

All metrics use the *collapsed undirected graph* of the selected wave and tie types unless
said otherwise: every actor present in the wave is a node (isolates included); two actors
are linked when any selected tie joins them; the link's weight is the largest tie weight.
Analysts add their own metric with `register_metric`; it then appears wherever relnet
lists metrics (tables, `compare`, `wave_changes`, widgets, reports).
"""

import math

import networkx as nx
import numpy as np
import pandas as pd

from ..data.arguments import analysis
from ._cache import snapshot
from ._kernels.centrality import actor_metrics_fast, network_metrics_fast

__all__ = [
    "network_metrics", "actor_metrics", "register_metric", "unregister_metric",
    "registered_metrics", "NETWORK_METRICS", "ACTOR_METRICS",
    "network_metrics_of_graph", "actor_metrics_of_graph", "centrality_batch", "EXACT_LIMIT",
]

NETWORK_METRICS = (
    "n_actors", "n_ties", "density", "components", "largest_component_share",
    "degree_centralization", "betweenness_centralization", "reciprocity", "clustering",
    "transitivity", "modularity",
)
ACTOR_METRICS = (
    "degree", "in_degree", "out_degree", "betweenness", "betweenness_weighted", "closeness",
    "eigenvector", "pagerank", "constraint", "effective_size", "clustering", "core_number",
    "community",
)

_REGISTRY = {"network": {}, "actor": {}}
_GENERATION = [0]  # bumped on every (un)registration, part of the cache key


def register_metric(name, fn, level="network"):
    """Register an analyst's own metric so that it appears everywhere relnet lists metrics.

    Parameters
    ----------
    name : str
        Column name of the metric; must not shadow a built-in metric.
    fn : callable
        ``fn(G)`` where G is the collapsed undirected `networkx.Graph` of the wave (actor
        attributes on the nodes; ``G.graph["case"]`` is the Case and ``G.graph["wave"]``
        the wave). For ``level="network"`` it returns a number; for ``level="actor"`` a
        mapping (dict or Series) from actor id to a number (missing actors become NaN).
    level : {"network", "actor"}

    Returns
    -------
    fn, so that it can be used as a decorator body.

    Examples
    --------
    >>> import relnet
    >>> _ = relnet.register_metric("mean_degree",
    ...     lambda G: 2 * G.number_of_edges() / G.number_of_nodes())
    >>> case = relnet.load_example("haverdonk")
    >>> m = relnet.network_metrics(case)
    >>> bool(round(m["mean_degree"], 6) == round(2 * m["n_ties"] / m["n_actors"], 6))
    True
    >>> relnet.unregister_metric("mean_degree")
    """
    if level not in _REGISTRY:
        raise ValueError(f"level must be 'network' or 'actor', not {level!r}")
    if not isinstance(name, str) or not name.isidentifier():
        raise ValueError(f"a metric name must be a plain identifier, not {name!r}")
    builtin = NETWORK_METRICS if level == "network" else ACTOR_METRICS
    if name in builtin:
        raise ValueError(f"'{name}' is a built-in {level} metric; choose another name")
    if not callable(fn):
        raise TypeError("fn must be callable: fn(G) -> value")
    _REGISTRY[level][name] = fn
    _GENERATION[0] += 1
    return fn


def unregister_metric(name, level=None):
    """Remove a registered metric (from either level when `level` is None).

    Parameters
    ----------
    name : str
        The name the metric was registered under.
    level : {"network", "actor"}, optional
        The level to remove it from; None: both levels.

    Returns
    -------
    None

    Raises
    ------
    KeyError
        No metric of that name is registered (at `level`), or `level` is not a level.

    See Also
    --------
    register_metric, registered_metrics
    """
    levels = [level] if level else list(_REGISTRY)
    found = False
    for lvl in levels:
        found |= _REGISTRY[lvl].pop(name, None) is not None
    if not found:
        raise KeyError(f"no registered metric named '{name}'")
    _GENERATION[0] += 1


def registered_metrics(level="network"):
    """Names of the metrics analysts registered at `level`.

    Parameters
    ----------
    level : {"network", "actor"}
        The level to list.

    Returns
    -------
    list of str
        The registered names, in the order they were registered (empty when none are).

    Raises
    ------
    KeyError
        `level` is not a level.

    See Also
    --------
    register_metric, unregister_metric

    Examples
    --------
    >>> import relnet
    >>> "mean_degree" in relnet.registered_metrics("network")
    False
    """
    return list(_REGISTRY[level])


# --------------------------------------------------------------------------- network


def actor_metric_names():
    """The columns `actor_metrics` returns, known without computing them: the pinned
    metrics, then the registered ones."""
    return list(ACTOR_METRICS) + registered_metrics("actor")


def _freeman(values, n, denominator):
    if n < 3 or not len(values):
        return math.nan
    values = np.asarray(values, dtype=float)
    return float((values.max() - values).sum() / denominator)


def directed_pairs(ties):
    """The ordered pairs (source, target) of the directed ties, each once, and for each
    whether its reverse is one too: (sources, targets, mutual)."""
    directed = ties.loc[ties["directed"].astype(bool).to_numpy(), ["source", "target"]]
    pairs = pd.MultiIndex.from_frame(directed).unique()
    source, target = pairs.get_level_values(0), pairs.get_level_values(1)
    return source, target, pd.MultiIndex.from_arrays([target, source]).isin(pairs)


def _reciprocity(ties):
    _, _, mutual = directed_pairs(ties)
    return float(mutual.sum() / len(mutual)) if len(mutual) else math.nan


def network_metrics_of_graph(G, communities=None, ties=None):
    """The built-in network metrics of a collapsed undirected graph (see `network_metrics`).

    `ties` (a ties table with source, target, directed) is needed for reciprocity; without
    it reciprocity is NaN.
    """
    n, m = G.number_of_nodes(), G.number_of_edges()
    components = list(nx.connected_components(G)) if n else []
    degrees = [d for _, d in G.degree()]
    if communities is None and m:
        communities = nx.community.louvain_communities(G, seed=0)
    betweenness = nx.betweenness_centrality(G) if n >= 3 else {}
    return pd.Series({
        "n_actors": n,
        "n_ties": m,
        "density": 2 * m / (n * (n - 1)) if n > 1 else math.nan,
        "components": len(components),
        "largest_component_share": max(map(len, components)) / n if n else math.nan,
        "degree_centralization": _freeman(degrees, n, (n - 1) * (n - 2)),
        "betweenness_centralization": _freeman(list(betweenness.values()), n, n - 1),
        "reciprocity": _reciprocity(ties) if ties is not None else math.nan,
        "clustering": nx.average_clustering(G) if n else math.nan,
        "transitivity": nx.transitivity(G),
        "modularity": nx.community.modularity(G, communities) if m else math.nan,
    }, dtype=float)


@analysis
def network_metrics(case, *, wave=None, types=None, exact="auto", confirmed_only=False):
    """Network-level metrics of a wave as a Series.

    Definitions (collapsed undirected graph; n actors, m links):

    - ``n_actors`` n, ``n_ties`` m; ``density`` = 2m / (n(n-1)) (NaN when n < 2);
    - ``components``: connected components, an isolate counting as one;
      ``largest_component_share``: actors in the largest component / n;
    - ``degree_centralization`` (Freeman 1979) = sum(max_deg - deg_i) / ((n-1)(n-2)), 1 for a
      star, 0 for a regular graph (NaN when n < 3); ``betweenness_centralization`` (Freeman
      1979) = sum(max_b - b_i) / (n-1) over normalised betweenness;
    - ``reciprocity``: over directed ties only, the share of ordered pairs (source, target)
      whose reverse pair is also a directed tie (NaN without directed ties);
    - ``clustering``: average local clustering (Watts & Strogatz 1998; isolates and
      degree-1 actors count as 0, as networkx does); ``transitivity``: 3 x triangles /
      connected triples (0 without triples);
    - ``modularity`` (Newman 2006) of the Leiden partition (Traag, Waltman & van Eck 2019,
      modularity objective, seed 0, link weights); NaN without links.

    Disconnected graphs are measured as they are: density, centralization and clustering
    over all actors, isolates included. Above `EXACT_LIMIT` actors (``exact="auto"``)
    betweenness centralization is NaN unless ``exact=True``; see `centrality_batch`.

    Parameters
    ----------
    <<case, wave, types>>
    exact : {"auto", True, False}
        Compute betweenness (and so betweenness centralization): ``"auto"`` up to
        `EXACT_LIMIT` actors, True at any size, False never (NaN).
    <<confirmed_only>>

    Returns
    -------
    Series
        float values indexed by metric name: the built-in metrics in the order of
        `NETWORK_METRICS`, then the registered network metrics. Its name is the wave.
        NaN means undefined (see above), never zero.

    Raises
    ------
    <<raises_case, raises_wave>>

    See Also
    --------
    actor_metrics : the actor-level metrics.
    network_metrics_of_graph : the networkx reference of the same values.
    compare : these metrics side by side for several waves or selections.

    Notes
    -----
    Definitions, edge cases and the reference values the tests reproduce:
    ``docs/metrics.md``. Results are cached per (case content, wave, types,
    confirmed_only); the Series returned is a copy.

    References
    ----------
    .. [1] Freeman, L. C. (1979). Centrality in social networks: conceptual clarification.
       Social Networks, 1(3), 215-239.
    .. [2] Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of
       Mathematical Sociology, 25(2), 163-177.
    .. [3] Watts, D. J., & Strogatz, S. H. (1998). Collective dynamics of 'small-world'
       networks. Nature, 393, 440-442.
    .. [4] Newman, M. E. J. (2006). Modularity and community structure in networks.
       Proceedings of the National Academy of Sciences, 103(23), 8577-8582.
    .. [5] Blondel, V. D., Guillaume, J.-L., Lambiotte, R., & Lefebvre, E. (2008). Fast
       unfolding of communities in large networks. Journal of Statistical Mechanics:
       Theory and Experiment, P10008.

    Examples
    --------
    >>> import relnet
    >>> m = relnet.network_metrics(relnet.load_example("haverdonk"), wave=2015)
    >>> int(m["n_actors"]), int(m["n_ties"]), round(float(m["density"]), 3)
    (33, 28, 0.053)
    """
    snap = snapshot(case, wave, types, confirmed_only)

    def compute():
        actors, parts = _fast_actor_arrays(snap, exact)
        values = network_metrics_fast(snap.arrays, snap.membership, _reciprocity(snap.ties),
                                      actors, parts)
        series = pd.Series(values, dtype=float)
        for name, fn in _REGISTRY["network"].items():
            series[name] = float(fn(snap.G))
        series.name = snap.wave
        return series

    return snap.cached(("network_metrics", _exact(snap, exact), _GENERATION[0]),
                       compute).copy()


# --------------------------------------------------------------------------- actors


def actor_metrics_of_graph(G, D=None, communities=None):
    """The built-in actor metrics of a collapsed graph G (and its directed view D)."""
    nodes = list(G.nodes)
    if not nodes:
        return pd.DataFrame(columns=list(ACTOR_METRICS), index=pd.Index([], name="id"))
    D = D if D is not None else G.to_directed()
    for _, _, data in G.edges(data=True):
        data["distance"] = 1.0 / data.get("weight", 1.0)
    if communities is None:
        communities = nx.community.louvain_communities(G, seed=0) if G.number_of_edges() \
            else [{n} for n in nodes]
    community = {node: i for i, members in enumerate(communities) for node in members}
    columns = {
        "degree": dict(G.degree()),
        "in_degree": dict(D.in_degree()),
        "out_degree": dict(D.out_degree()),
        "betweenness": nx.betweenness_centrality(G),
        "betweenness_weighted": nx.betweenness_centrality(G, weight="distance"),
        "closeness": nx.closeness_centrality(G),
        "eigenvector": _eigenvector(G),
        "pagerank": nx.pagerank(D),
        "constraint": nx.constraint(G),
        "effective_size": nx.effective_size(G),
        "clustering": nx.clustering(G),
        "core_number": nx.core_number(G),
        "community": community,
    }
    frame = pd.DataFrame({k: pd.Series(v, dtype=float) for k, v in columns.items()},
                         index=pd.Index(nodes, name="id"))
    for column in ("degree", "in_degree", "out_degree", "core_number", "community"):
        frame[column] = frame[column].astype("int64")
    return frame


def _eigenvector(G):
    try:
        return nx.eigenvector_centrality(G)
    except nx.PowerIterationFailedConvergence:
        # networkx's power iteration can stall on some disconnected graphs; the dense
        # solver gives the same vector where both converge.
        return nx.eigenvector_centrality_numpy(G)


@analysis
def actor_metrics(case, *, wave=None, types=None, exact="auto", confirmed_only=False):
    """Actor-level metrics of a wave: a DataFrame indexed by actor id.

    Every value equals networkx (3.6) with its defaults on the same graph:

    - ``degree``: links in the collapsed graph; ``in_degree``/``out_degree``: arcs in the
      directed view (an undirected tie counts both ways);
    - ``betweenness`` (Brandes 2001): unweighted, normalised by (n-1)(n-2)/2 over all n
      actors of the wave, so isolates lower everyone's value (Padgett's Medici: 0.522 over
      15 families, 47.5/105 with the isolate Pucci); ``betweenness_weighted``: the same with
      link distance 1/weight;
    - ``closeness``: (reachable-1)/(sum of distances), scaled by the share of the graph
      reached (Wasserman & Faust 1994; networkx ``wf_improved``); 0 for isolates;
    - ``eigenvector`` (Bonacich 1987), unweighted, networkx power iteration;
    - ``pagerank`` (Page et al. 1999) on the directed view, link weights, damping 0.85;
    - ``constraint`` and ``effective_size`` (Burt 1992), unweighted; NaN for isolates;
    - ``clustering`` (local, 0 below degree 2); ``core_number`` (Batagelj & Zaversnik
      2003); ``community``: the Leiden community (seed 0) numbered largest first.

    Registered actor metrics are added as further columns. Values are computed by the fast
    paths in the private `relnet.network._kernels` (numba kernels for betweenness, weighted
    betweenness and closeness; igraph's Leiden for communities; scipy sparse matrices for
    eigenvector and PageRank; igraph for constraint, core numbers and local clustering) and
    equal networkx's (see `actor_metrics_of_graph`, the reference). Betweenness (both) and
    closeness take time quadratic in the network's size: above `EXACT_LIMIT` actors they are
    NaN unless ``exact=True``, or computed as a batch job with `centrality_batch`.

    Parameters
    ----------
    <<case, wave, types>>
    exact : {"auto", True, False}
        Compute betweenness, weighted betweenness and closeness: ``"auto"`` up to
        `EXACT_LIMIT` actors, True at any size, False never (NaN).
    <<confirmed_only>>

    Returns
    -------
    DataFrame
        One row per actor present in the wave (isolates included), in the order of the
        actors table, indexed by ``id``; the columns of `ACTOR_METRICS` (degree, in_degree,
        out_degree, core_number and community as int64, the rest float), then the
        registered actor metrics (float; NaN for actors a metric does not give).

    Raises
    ------
    <<raises_case, raises_wave>>
    networkx.PowerIterationFailedConvergence
        PageRank does not converge in 100 iterations (as networkx).

    See Also
    --------
    network_metrics : the network-level metrics.
    centrality_batch : exact betweenness and closeness for large networks.
    actor_metrics_of_graph : the networkx reference of the same values.

    Notes
    -----
    Definitions, edge cases and the fast paths: ``docs/metrics.md``. Results are cached
    per (case content, wave, types, confirmed_only); the DataFrame returned is a copy.

    References
    ----------
    .. [1] Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of
       Mathematical Sociology, 25(2), 163-177.
    .. [2] Freeman, L. C. (1979). Centrality in social networks: conceptual clarification.
       Social Networks, 1(3), 215-239.
    .. [3] Wasserman, S., & Faust, K. (1994). Social Network Analysis: Methods and
       Applications. Cambridge University Press.
    .. [4] Bonacich, P. (1987). Power and centrality: a family of measures. American
       Journal of Sociology, 92(5), 1170-1182.
    .. [5] Page, L., Brin, S., Motwani, R., & Winograd, T. (1999). The PageRank citation
       ranking: bringing order to the web. Technical report, Stanford InfoLab.
    .. [6] Burt, R. S. (1992). Structural Holes: The Social Structure of Competition.
       Harvard University Press.
    .. [7] Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures.
       Connections, 20(1), 35-38.
    .. [8] Watts, D. J., & Strogatz, S. H. (1998). Collective dynamics of 'small-world'
       networks. Nature, 393, 440-442.
    .. [9] Batagelj, V., & Zaversnik, M. (2003). An O(m) algorithm for cores decomposition
       of networks. arXiv:cs/0310049.
    .. [10] Blondel, V. D., Guillaume, J.-L., Lambiotte, R., & Lefebvre, E. (2008). Fast
       unfolding of communities in large networks. Journal of Statistical Mechanics:
       Theory and Experiment, P10008.

    Examples
    --------
    >>> import relnet
    >>> a = relnet.actor_metrics(relnet.load_example("haverdonk"), wave=2015)
    >>> bool(a.loc["afd_sd", "degree"] > a.loc["zorg_linde", "degree"])
    True
    """
    snap = snapshot(case, wave, types, confirmed_only)

    def compute():
        values, _ = _fast_actor_arrays(snap, exact)
        frame = pd.DataFrame({k: np.asarray(values[k], dtype=float) for k in ACTOR_METRICS},
                             index=pd.Index(snap.arrays.ids, name="id"))
        for column in ("degree", "in_degree", "out_degree", "core_number", "community"):
            frame[column] = frame[column].astype("int64")
        for name, fn in _REGISTRY["actor"].items():
            frame[name] = pd.Series(dict(fn(snap.G)), dtype=float).reindex(frame.index)
        return frame

    return snap.cached(("actor_metrics", _exact(snap, exact), _GENERATION[0]),
                       compute).copy()


EXACT_LIMIT = 20_000


def _exact(snap, exact):
    if exact == "auto":
        return snap.arrays.n <= EXACT_LIMIT
    return bool(exact)


def _fast_actor_arrays(snap, exact):
    """The fast actor arrays of a snapshot, computed once per exactness."""
    exact = _exact(snap, exact)
    return snap.cached(("actor_arrays", exact),
                       lambda: actor_metrics_fast(snap.arrays, snap.membership, exact))


@analysis
def centrality_batch(case, *, wave=None, types=None, by=None, progress=True, chunk=2000,
                     confirmed_only=False):
    """Exact betweenness and closeness for large networks, as an explicit batch job.

    Unweighted betweenness and closeness as `actor_metrics` defines them, computed source
    by source in chunks whatever the network's size (`exact` does not apply).

    Parameters
    ----------
    <<case, wave, types>>
    by : str, optional
        An actor column (e.g. ``"municipality"`` in a national case) to compute per group:
        each group's own subnetwork, normalised within the group. None: the whole network.
        Actors without a value in that column are left out.
    progress : bool
        Show a tqdm progress bar (sources done).
    chunk : int
        Source actors per chunk; the progress bar moves on after each chunk.
    <<confirmed_only>>

    Returns
    -------
    DataFrame
        Indexed by actor id: betweenness and closeness (float), and with `by` a column of
        that name holding the actor's group; groups follow each other in sorted order.

    Raises
    ------
    <<raises_case>>
    ValueError
        `wave` is not one of the case's waves, a tie type is unknown, or the actors table
        has no column `by`.

    See Also
    --------
    actor_metrics : every actor metric; betweenness and closeness only up to `EXACT_LIMIT`
        actors by default.

    Notes
    -----
    See *Large networks* in ``docs/metrics.md``.

    References
    ----------
    .. [1] Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of
       Mathematical Sociology, 25(2), 163-177.
    .. [2] Freeman, L. C. (1979). Centrality in social networks: conceptual clarification.
       Social Networks, 1(3), 215-239.
    .. [3] Wasserman, S., & Faust, K. (1994). Social Network Analysis: Methods and
       Applications. Cambridge University Press.

    Examples
    --------
    >>> import relnet
    >>> case = relnet.load_example("haverdonk")
    >>> batch = relnet.centrality_batch(case, wave=2015, progress=False)
    >>> a = relnet.actor_metrics(case, wave=2015)
    >>> bool((batch["betweenness"] - a["betweenness"]).abs().max() < 1e-12)
    True
    """
    from tqdm.auto import tqdm

    from ._kernels.paths import shortest_path_centralities
    from .graph import remove_actors

    snap = snapshot(case, wave, types, confirmed_only)
    if by is None:
        groups = {None: snap}
    else:
        if by not in snap.actors:
            raise ValueError(f"the actors table has no column '{by}'")
        groups = {}
        for value, members in snap.actors.groupby(by):
            others = snap.actors.loc[~snap.actors["id"].isin(members["id"]), "id"]
            groups[value] = snapshot(remove_actors(case, others), wave, types, confirmed_only)
    total = sum(g.arrays.n for g in groups.values())
    frames = []
    with tqdm(total=total, disable=not progress, desc="betweenness", unit="actor") as bar:
        for value, group in groups.items():
            arrays = group.arrays
            betweenness, close = shortest_path_centralities(arrays, chunk=chunk,
                                                            progress=bar.update)
            frame = pd.DataFrame({"betweenness": betweenness, "closeness": close},
                                 index=pd.Index(arrays.ids, name="id"))
            if by is not None:
                frame[by] = value
            frames.append(frame)
    return pd.concat(frames)


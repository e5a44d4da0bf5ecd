"""Case -> networkx graphs, by wave and tie type.

Three views of the same wave (definitions: ``docs/metrics.md``):

- `to_graph`: a `networkx.MultiDiGraph` with one edge per tie and every actor and tie
  attribute kept (an undirected tie is one edge with ``directed=False``);
- `collapsed_graph`: the *collapsed undirected graph* every network-level metric uses: every
  actor present in the wave is a node (isolates included); two actors are linked when any
  selected tie joins them, in either direction; the link's ``weight`` is the largest tie
  weight;
- `directed_graph`: the *directed view*: a directed tie u -> v gives the arc u -> v, an
  undirected tie gives both arcs; ``weight`` is again the largest.

Order is pinned so that the same case always gives the same graph (and Leiden, seed 0, the
same communities): nodes are added in the order of the actors table, links in the order of
their first tie in the ties table.
"""

import networkx as nx
import numpy as np
import pandas as pd

from ..data._inmemory import trust
from ..data.arguments import analysis, normalise_types
from ..data.case import parse_waves, response_renamed

__all__ = ["to_graph", "collapsed_graph", "directed_graph", "from_networkx", "remove_actors"]

NODE_ATTRIBUTES = ("name", "kind", "domain", "person", "district")


def present_actors(case, wave=None):
    """The actors present in a wave (``wave=None``: the latest), as a DataFrame.

    An actor without `waves` exists in every wave.
    """
    wave = case.resolve_wave(wave)
    actors = case.actors
    if wave is None or "waves" not in actors or actors["waves"].isna().all():
        return actors
    cells = actors["waves"]
    years = {cell: str(wave) in parse_waves(cell) for cell in cells.dropna().unique()}
    present = cells.map(years).fillna(True).astype(bool)
    return actors[present.to_numpy(dtype=bool)]


def wave_ties(case, wave=None, types=None, confirmed_only=False):
    """The ties observed in a wave, of the selected types, between actors present in it
    (with `confirmed_only`, only survey ties that both sides named)."""
    wave = case.resolve_wave(wave)
    ties = case.ties
    keep = np.ones(len(ties), dtype=bool)
    if confirmed_only:
        keep &= ties["confirmed"].fillna(False).to_numpy(dtype=bool)
    if wave is not None:
        keep &= (ties["wave"] == wave).fillna(False).to_numpy(dtype=bool)
    types = normalise_types(types)
    if types is not None:
        keep &= ties["type"].isin(types).to_numpy()
    ties = ties[keep]
    ids = present_actors(case, wave)["id"]
    if len(ids) != len(case.actors):
        inside = ties["source"].isin(ids) & ties["target"].isin(ids)
        ties = ties[inside.to_numpy(dtype=bool)]
    return ties


def collapsed_edges(ties):
    """Collapse ties to undirected links: columns u, v (u < v), weight (max), n_ties.

    >>> ties = pd.DataFrame({"source": ["a", "b", "a"], "target": ["b", "a", "c"],
    ...                      "weight": [2.0, 5.0, 1.0]})
    >>> collapsed_edges(ties)
       u  v  weight  n_ties
    0  a  b     5.0       2
    1  a  c     1.0       1
    """
    if not len(ties):
        return pd.DataFrame({"u": pd.Series(dtype="str"), "v": pd.Series(dtype="str"),
                             "weight": pd.Series(dtype="float64"),
                             "n_ties": pd.Series(dtype="int64")})
    s = ties["source"].to_numpy(dtype=object)
    t = ties["target"].to_numpy(dtype=object)
    swap = s > t
    frame = pd.DataFrame({"u": np.where(swap, t, s), "v": np.where(swap, s, t),
                          "weight": ties["weight"].fillna(1.0).to_numpy(dtype=float)})
    # First-tie order, not sorted: the same case gives the same graph and communities.
    out = frame.groupby(["u", "v"], sort=False).agg(weight=("weight", "max"),
                                                    n_ties=("weight", "size"))
    return out.reset_index()


def directed_arcs(ties):
    """Arcs of the directed view: columns source, target, weight (max), directed_only.

    `directed_only` is True when the arc comes from at least one directed tie.
    """
    if not len(ties):
        return pd.DataFrame({"source": pd.Series(dtype="str"), "target": pd.Series(dtype="str"),
                             "weight": pd.Series(dtype="float64")})
    weight = ties["weight"].fillna(1.0)
    forward = pd.DataFrame({"source": ties["source"], "target": ties["target"],
                            "weight": weight})
    undirected = ~ties["directed"].astype(bool)
    backward = pd.DataFrame({"source": ties.loc[undirected, "target"],
                             "target": ties.loc[undirected, "source"],
                             "weight": weight[undirected]})
    arcs = pd.concat([forward, backward], ignore_index=True)
    return arcs.groupby(["source", "target"], sort=False, as_index=False)["weight"].max()


def _nodes(graph, actors):
    columns = [c for c in NODE_ATTRIBUTES if c in actors.columns]
    records = actors[columns].to_dict("records")
    for node, attrs in zip(actors["id"], records):
        graph.add_node(node, **{k: v for k, v in attrs.items() if not _missing(v)})


def _missing(value):
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _weighted_graph(cls, case, wave, types, confirmed_only, links, u, v):
    """A graph of class `cls` over the wave's actors with the weighted `links` of its
    selected ties (`links(ties)` returns a table with columns `u`, `v`, weight)."""
    graph = cls(wave=wave, types=normalise_types(types))
    _nodes(graph, present_actors(case, wave))
    table = links(wave_ties(case, wave, types, confirmed_only))
    graph.add_weighted_edges_from(zip(table[u], table[v], table["weight"]))
    return graph


@analysis
def collapsed_graph(case, *, wave=None, types=None, confirmed_only=False):
    """The collapsed undirected graph of a wave (`networkx.Graph`), actor attributes kept.

    Parameters
    ----------
    <<case, wave, types, confirmed_only>>

    Returns
    -------
    networkx.Graph
        One node per actor present in the wave, isolates included, in the order of the
        actors table, with the attributes name, kind, domain, person and district (missing
        values left out); one link per pair of actors joined by a selected tie in either
        direction, in the order of their first tie, with ``weight`` the largest tie weight
        (a missing weight counts as 1). ``G.graph`` holds ``wave`` and ``types`` (a tuple
        of English keys, or None).

    Raises
    ------
    <<raises_case, raises_wave>>

    See Also
    --------
    directed_graph : the directed view.
    to_graph : every tie as an edge.

    Notes
    -----
    The graph every network metric is defined on: ``docs/metrics.md``.

    Examples
    --------
    >>> import relnet
    >>> G = collapsed_graph(relnet.load_example("haverdonk"), wave=2015)
    >>> G.nodes["gem"]["kind"], G.number_of_nodes()
    ('municipality', 33)
    """
    return _collapsed_graph(case, wave, types, confirmed_only)


def _collapsed_graph(case, wave, types, confirmed_only):
    return _weighted_graph(nx.Graph, case, wave, types, confirmed_only, collapsed_edges,
                           "u", "v")


@analysis
def directed_graph(case, *, wave=None, types=None, confirmed_only=False):
    """The directed view of a wave (`networkx.DiGraph`): undirected ties count both ways.

    Parameters
    ----------
    <<case, wave, types, confirmed_only>>

    Returns
    -------
    networkx.DiGraph
        The actors present in the wave as nodes, as in `collapsed_graph`; a directed tie
        u -> v gives the arc u -> v, an undirected tie both arcs, and an arc's ``weight``
        is the largest weight of its ties (a missing weight counts as 1). ``D.graph`` holds
        ``wave`` and ``types``.

    Raises
    ------
    <<raises_case, raises_wave>>

    See Also
    --------
    collapsed_graph : the undirected graph most metrics use.

    Notes
    -----
    relnet uses the directed view for in_degree, out_degree and pagerank
    (``docs/metrics.md``).

    Examples
    --------
    >>> import relnet
    >>> D = directed_graph(relnet.load_example("haverdonk"), wave=2015)
    >>> D.has_edge("gem", "afd_sd"), D.has_edge("afd_sd", "gem")
    (True, False)
    """
    return _directed_graph(case, wave, types, confirmed_only)


def _directed_graph(case, wave, types, confirmed_only):
    return _weighted_graph(nx.DiGraph, case, wave, types, confirmed_only, directed_arcs,
                           "source", "target")


@analysis
def to_graph(case, *, wave=None, types=None, confirmed_only=False):
    """The ties of a wave as a `networkx.MultiDiGraph`, every attribute kept.

    Nodes are the actors present in the wave (isolates included) with their columns as
    attributes; each tie is one edge ``source -> target`` carrying its columns (type,
    directed, weight, trust, ...). Use `collapsed_graph` / `directed_graph` for the views
    the metrics are defined on, or the same selection of ties.

    Parameters
    ----------
    <<case, wave, types, confirmed_only>>

    Returns
    -------
    networkx.MultiDiGraph
        Nodes keyed by actor id with the actor's other columns as attributes (``municipal``
        resolved: the column where filled, else by kind); one edge
        per selected tie of the wave between present actors, keyed from 0, with the tie's
        other columns as attributes (missing values left out on nodes and edges).
        ``G.graph`` holds ``wave``, ``types`` (a tuple of English keys, or None) and
        ``case`` (the case's name).

    Raises
    ------
    <<raises_case, raises_wave>>

    Examples
    --------
    >>> import relnet
    >>> case = relnet.load_example("lindermeer")
    >>> G = relnet.to_graph(case, wave=2017, types=["collaboration"])
    >>> {d["type"] for _, _, d in G.edges(data=True)}
    {'collaboration'}
    >>> G.number_of_nodes() == len(relnet.graph.present_actors(case, 2017))
    True
    """
    return _multigraph(case, wave, types, confirmed_only)


def _multigraph(case, wave, types, confirmed_only):
    from .indicators import municipal_mask

    graph = nx.MultiDiGraph(wave=wave, types=types, case=case.name)
    actors = present_actors(case, wave)
    municipal = municipal_mask(actors)
    for record, is_municipal in zip(actors.to_dict("records"), municipal):
        node = record.pop("id")
        record["municipal"] = bool(is_municipal)  # resolved: the column, else by kind
        graph.add_node(node, **{k: v for k, v in record.items() if not _missing(v)})
    ties = wave_ties(case, wave, types, confirmed_only)
    for record in ties.to_dict("records"):
        source, target = record.pop("source"), record.pop("target")
        graph.add_edge(source, target, **{k: v for k, v in record.items() if not _missing(v)})
    return graph


def from_networkx(G, kind="other", type="collaboration"):
    """A Case holding a networkx graph: nodes become actors, edges ties (one wave, no year).

    Node attributes ``name`` and ``kind`` are used when present; edge attribute ``weight``
    becomes the tie weight. Directed graphs give directed ties. Useful to run relnet's
    metrics on published reference networks.

    >>> import networkx as nx
    >>> case = from_networkx(nx.florentine_families_graph())
    >>> len(case.actors), len(case.ties)
    (15, 20)
    """
    from ..data.case import COLUMNS, Case

    nodes = list(G.nodes(data=True))
    actors = pd.DataFrame({
        "id": [str(n) for n, _ in nodes],
        "name": [str(d.get("name", n)) for n, d in nodes],
        "kind": [d.get("kind", kind) for _, d in nodes],
    }).reindex(columns=COLUMNS["actors"])
    actors["person"] = False
    edges = list(G.edges(data=True))
    ties = pd.DataFrame({
        "source": [str(u) for u, _, _ in edges],
        "target": [str(v) for _, v, _ in edges],
        "type": [d.get("type", type) for _, _, d in edges],
        "directed": [G.is_directed()] * len(edges),
        "weight": [float(d.get("weight", 1.0)) for _, _, d in edges],
    }).reindex(columns=COLUMNS["ties"])
    for frame in (actors, ties):
        for column in frame.columns:
            if frame[column].isna().all():
                frame[column] = frame[column].astype("float64" if column not in (
                    "domain", "waves", "district", "reported_by", "comment") else "str")
    ties["wave"] = ties["wave"].astype("Int64")
    ties["since"] = ties["since"].astype("Int64")
    ties["directed"] = ties["directed"].astype(bool)
    actors["respondent"] = True
    ties["confirmed"] = ties["confirmed"].astype("boolean")
    # A published network's weights need not lie on the contract's 1-5 scale (Zachary's go
    # to 7): relnet built this case, so it is trusted as it is rather than checked.
    return trust(Case(meta={"name": str(G.graph.get("name") or "networkx graph"),
                            "municipality": "(networkx)", "fictional": True},
                      actors=actors, ties=ties))


@analysis
def remove_actors(case, ids):
    """A copy of a case without the given actors, their ties, partner scores, goal links and
    roles (for a what-if); ties they reported stay, without `reported_by`.

    >>> import relnet
    >>> case = relnet.load_example("haverdonk")
    >>> smaller = remove_actors(case, ["gem"])
    >>> "gem" in set(smaller.actors["id"]), len(smaller.ties) < len(case.ties)
    (False, True)
    """
    ids = set(ids)

    def without(frame, *columns):
        gone = np.zeros(len(frame), dtype=bool)
        for column in columns:
            gone |= frame[column].isin(ids).to_numpy(dtype=bool)
        return frame[~gone].reset_index(drop=True)

    ties = without(case.ties, "source", "target")
    ties["reported_by"] = ties["reported_by"].where(~ties["reported_by"].isin(ids))
    # a valid case without some actors and every row that named them is valid
    return trust(case.copy(actors=without(case.actors, "id"), ties=ties,
                           partners=without(case.partners, "actor"),
                           goal_links=without(case.goal_links, "actor"),
                           roles=without(case.roles, "body", "holder"),
                           meta=response_renamed(case.meta, removed=ids)))

"""Case -> networkx graphs, by wave and tie type.

Three views of the same wave (see DESIGN.md section 4):

- `to_graph`: a `networkx.MultiDiGraph` with one edge per tie and every actor and tie
  attribute kept (an undirected tie is one edge with ``directed=False``);
- `collapsed_graph`: the *collapsed undirected graph* every network-level metric uses: every
  actor present in the wave is a node (isolates included); two actors are linked when any
  selected tie joins them, in either direction; the link's ``weight`` is the largest tie
  weight;
- `directed_graph`: the *directed view*: a directed tie u -> v gives the arc u -> v, an
  undirected tie gives both arcs; ``weight`` is again the largest.

Order is pinned because Louvain community detection (seed 0) depends on it: nodes are added
in the order of the actors table, links in the order of their first tie in the ties table.
"""

import networkx as nx
import numpy as np
import pandas as pd

from ..data.vocab import TIE_TYPES, accepted, normalise

__all__ = [
    "to_graph", "collapsed_graph", "directed_graph", "present_actors", "wave_ties",
    "collapsed_edges", "directed_arcs", "normalise_types", "from_networkx", "collapse",
    "remove_actors",
]

NODE_ATTRIBUTES = ("name", "kind", "domain", "person", "district")


def normalise_types(types):
    """Tie types to select (English or Dutch, a string or a list) as English keys; None = all.

    >>> normalise_types("samenwerking")
    ('collaboration',)
    >>> normalise_types(["funding", "steun"])
    ('funding', 'support')
    """
    if types is None:
        return None
    if isinstance(types, str):
        types = [types]
    keys = []
    for t in types:
        key = normalise(t, TIE_TYPES)
        if key is None:
            raise ValueError(f"'{t}' is not a tie type; accepted: {accepted(TIE_TYPES)}")
        keys.append(key)
    return tuple(sorted(set(keys), key=list(TIE_TYPES).index))


def present_actors(case, wave=None):
    """The actors present in a wave (``wave=None``: the latest), as a DataFrame.

    An actor without `waves` exists in every wave.
    """
    wave = case.resolve_wave(wave)
    actors = case.actors
    if wave is None or "waves" not in actors or actors["waves"].isna().all():
        return actors
    cells = actors["waves"].astype("str")
    present = cells.isna() | cells.str.contains(rf"(?:^|\|){int(wave)}(?:\||$)", regex=True)
    return actors[present.fillna(True).to_numpy(dtype=bool)]


def wave_ties(case, wave=None, types=None):
    """The ties observed in a wave, of the selected types, between actors present in it."""
    wave = case.resolve_wave(wave)
    ties = case.ties
    keep = np.ones(len(ties), dtype=bool)
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
    # First-tie order, not sorted: Louvain (seed 0) depends on the order links are added.
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


def collapsed_graph(case, wave=None, types=None):
    """The collapsed undirected graph of a wave (`networkx.Graph`), actor attributes kept.

    Parameters
    ----------
    case : Case
    wave : int, optional
        The wave; None (default) is the latest.
    types : str or list of str, optional
        Tie types to keep (English or Dutch); None keeps all.

    Examples
    --------
    >>> import relnet
    >>> G = collapsed_graph(relnet.load_example("haverdonk"), wave=2015)
    >>> G.nodes["gem"]["kind"], G.number_of_nodes()
    ('municipality', 33)
    """
    wave = case.resolve_wave(wave)
    graph = nx.Graph(wave=wave, types=normalise_types(types))
    _nodes(graph, present_actors(case, wave))
    edges = collapsed_edges(wave_ties(case, wave, types))
    graph.add_weighted_edges_from(zip(edges["u"], edges["v"], edges["weight"]))
    return graph


def directed_graph(case, wave=None, types=None):
    """The directed view of a wave (`networkx.DiGraph`): undirected ties count both ways.

    >>> import relnet
    >>> D = directed_graph(relnet.load_example("haverdonk"), wave=2015)
    >>> D.has_edge("gem", "afd_sd"), D.has_edge("afd_sd", "gem")
    (True, False)
    """
    wave = case.resolve_wave(wave)
    graph = nx.DiGraph(wave=wave, types=normalise_types(types))
    _nodes(graph, present_actors(case, wave))
    arcs = directed_arcs(wave_ties(case, wave, types))
    graph.add_weighted_edges_from(zip(arcs["source"], arcs["target"], arcs["weight"]))
    return graph


def to_graph(case, wave=None, types=None):
    """The ties of a wave as a `networkx.MultiDiGraph`, every attribute kept.

    Nodes are the actors present in the wave (isolates included) with their columns as
    attributes; each tie is one edge ``source -> target`` carrying its columns (type,
    directed, weight, trust, ...). Use `collapsed_graph` / `directed_graph` for the views
    the metrics are defined on, or ``relnet.graph.collapse(G)`` on this graph.

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
    wave = case.resolve_wave(wave)
    graph = nx.MultiDiGraph(wave=wave, types=normalise_types(types), case=case.name)
    actors = present_actors(case, wave)
    for record in actors.to_dict("records"):
        node = record.pop("id")
        graph.add_node(node, **{k: v for k, v in record.items() if not _missing(v)})
    ties = wave_ties(case, wave, types)
    for record in ties.to_dict("records"):
        source, target = record.pop("source"), record.pop("target")
        graph.add_edge(source, target, **{k: v for k, v in record.items() if not _missing(v)})
    return graph


def collapse(multigraph):
    """Collapse a graph from `to_graph` to the undirected graph the metrics use."""
    graph = nx.Graph(**multigraph.graph)
    graph.add_nodes_from(multigraph.nodes(data=True))
    for u, v, data in multigraph.edges(data=True):
        weight = data.get("weight", 1.0)
        if graph.has_edge(u, v):
            graph[u][v]["weight"] = max(graph[u][v]["weight"], weight)
        else:
            graph.add_edge(u, v, weight=weight)
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
                    "domain", "waves", "district", "reported_by") else "str")
    ties["wave"] = ties["wave"].astype("Int64")
    ties["since"] = ties["since"].astype("Int64")
    ties["directed"] = ties["directed"].astype(bool)
    return Case(meta={"name": G.graph.get("name", "networkx graph"), "municipality": "",
                      "fictional": True}, actors=actors, ties=ties)


def remove_actors(case, ids):
    """A copy of a case without the given actors and their ties (for a what-if).

    >>> import relnet
    >>> case = relnet.load_example("haverdonk")
    >>> smaller = remove_actors(case, ["gem"])
    >>> "gem" in set(smaller.actors["id"]), len(smaller.ties) < len(case.ties)
    (False, True)
    """
    ids = set(ids)
    ties = case.ties
    keep = ~(ties["source"].isin(ids) | ties["target"].isin(ids))
    return case.copy(actors=case.actors[~case.actors["id"].isin(ids)].reset_index(drop=True),
                     ties=ties[keep.to_numpy(dtype=bool)].reset_index(drop=True))

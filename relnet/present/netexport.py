"""The network for other programs: GEXF 1.3 (Gephi), GraphML (Cytoscape, R igraph, yEd,
networkx), Pajek ``.net`` and a UCINET DL edge list.

Two graphs can be written:

- ``"ties"``: one edge per tie as the data hold it (a multigraph): its direction, tie type,
  wave, weight and the other tie columns; the actors as nodes. What a researcher re-analyses.
- ``"collapsed"``: the collapsed undirected graph of one wave (docs/metrics.md) with every
  actor metric on the nodes: what relnet's measures are computed on.

A missing value stays missing: no attribute is written for it (never 0.0). Every edge runs
from the tie's source to its target; whether the tie is directed is the edge attribute
``directed`` (networkx refuses a GEXF or GraphML file that mixes directed and undirected
edges, Gephi, Cytoscape and R igraph read it either way). Names that clash
with a format's own attributes (a registered metric called ``label``, a tie column called
``type``) are written with a ``metric_`` or ``tie_`` prefix. Text is stripped of the
characters XML 1.0 does not allow.

GEXF 1.3 and GraphML are written with the standard library's ElementTree: networkx writes
GEXF 1.2draft (its 1.3 header names a wrong XML Schema namespace) and turns a missing float
into a value.
"""

import math
import re
import xml.etree.ElementTree as ET

import pandas as pd

from .. import i18n
from .._docs import shared
from .tables import display_value

__all__ = ["network_bytes", "FORMATS", "GRAPHS", "SUFFIX"]

FORMATS = ("gexf", "graphml", "pajek", "dl")
GRAPHS = ("ties", "collapsed")
SUFFIX = {"gexf": "gexf", "graphml": "graphml", "pajek": "net", "dl": "dl"}
GEXF_NS = "http://gexf.net/1.3"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_RESERVED = {"id", "label", "source", "target", "type", "weight", "kind", "domain", "name"}
# characters XML 1.0 allows (https://www.w3.org/TR/xml/#charsets)
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text):
    return _NOT_XML.sub("", str(text))


def _missing(value):
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _kind_of(values):
    """The attribute type of a column: boolean, integer, double or string."""
    present = [v for v in values if not _missing(v)]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "integer"
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool)
                       for v in present):
        return "double"
    return "string"


def _text_of(value, kind):
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "integer":
        return str(int(value))
    if kind == "double":
        return repr(float(value))
    return _clean(value)


def _python(value):
    """numpy and pandas scalars as plain Python values."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            return value.item()
        except (ValueError, AttributeError):
            return value
    return value


def _nodes(case, wave, graph, lang):
    """(ids, labels, {attribute: [values]}) of the nodes."""
    from ..network.graph import present_actors

    actors = case.actors if graph == "ties" and wave is None else present_actors(case, wave)
    ids = [str(a) for a in actors["id"]]
    labels = [str(n) for n in actors["name"]]
    columns = {
        "kind": [display_value(k, "kind", lang) for k in actors["kind"]],
        "domain": [display_value(d, "domain", lang) if isinstance(d, str) else None
                   for d in actors["domain"]],
    }
    for column in ("person", "municipal", "district"):
        if column in actors:
            values = [None if _missing(v) else _python(v) for v in actors[column]]
            if any(v is not None for v in values):  # a column nobody filled is left out
                columns[column] = values
    if graph == "collapsed":
        from ..network.metrics import actor_metrics

        metrics = actor_metrics(case, wave=wave).reindex(ids)
        for column in metrics.columns:
            name = f"metric_{column}" if column in _RESERVED or column in columns else column
            columns[name] = [None if _missing(v) else float(v) for v in metrics[column]]
    return ids, labels, columns


def _edges(case, wave, graph):
    """[(source, target, directed, {attribute: value})] of the edges."""
    if graph == "collapsed":
        from ..network.graph import collapsed_graph

        G = collapsed_graph(case, wave=wave)
        return [(str(u), str(v), False, {"weight": float(w)})
                for u, v, w in G.edges(data="weight")]
    from ..network.graph import wave_ties

    ties = case.ties if wave is None else wave_ties(case, wave)
    skip = {"source", "target", "directed"}
    out = []
    for row in ties.to_dict("records"):
        attrs = {}
        for column, value in row.items():
            if column in skip or _missing(value):
                continue
            name = {"type": "tie_type"}.get(column, column)
            attrs[name] = _python(value)
        out.append((str(row["source"]), str(row["target"]), bool(row["directed"]), attrs))
    return out


def _edge_columns(edges):
    names = list(dict.fromkeys(k for *_, attrs in edges for k in attrs))
    return {n: _kind_of([attrs.get(n) for *_, attrs in edges]) for n in names}


def _all_undirected(edges):
    """A graph of undirected edges only (the collapsed graph) is written as undirected."""
    return bool(edges) and not any(directed for _, _, directed, _ in edges)


def _gexf(ids, labels, columns, edges, description):
    ET.register_namespace("", GEXF_NS)
    q = f"{{{GEXF_NS}}}"
    root = ET.Element(q + "gexf", {"version": "1.3"})
    meta = ET.SubElement(root, q + "meta")
    from .._version import __version__

    ET.SubElement(meta, q + "creator").text = f"relnet {__version__}"
    ET.SubElement(meta, q + "description").text = _clean(description)
    undirected = _all_undirected(edges)
    graph = ET.SubElement(root, q + "graph", {
        "defaultedgetype": "undirected" if undirected else "directed", "mode": "static"})
    node_kinds = {name: _kind_of(values) for name, values in columns.items()}
    # weight is GEXF's own edge attribute; the tie's direction is data (below)
    edge_kinds = {k: v for k, v in _edge_columns(edges).items() if k != "weight"}
    if not undirected:
        edge_kinds["directed"] = "boolean"
    for cls, kinds in (("node", node_kinds), ("edge", edge_kinds)):
        block = ET.SubElement(graph, q + "attributes", {"class": cls, "mode": "static"})
        for name, kind in kinds.items():
            ET.SubElement(block, q + "attribute", {"id": name, "title": name, "type": kind})
    nodes = ET.SubElement(graph, q + "nodes", {"count": str(len(ids))})
    for i, (node, label) in enumerate(zip(ids, labels)):
        element = ET.SubElement(nodes, q + "node", {"id": _clean(node), "label": _clean(label)})
        values = [(name, columns[name][i]) for name in columns if not _missing(columns[name][i])]
        if values:
            holder = ET.SubElement(element, q + "attvalues")
            for name, value in values:
                ET.SubElement(holder, q + "attvalue",
                              {"for": name, "value": _text_of(value, node_kinds[name])})
    block = ET.SubElement(graph, q + "edges", {"count": str(len(edges))})
    for number, (u, v, directed, attrs) in enumerate(edges):
        # every edge runs source -> target as entered, its direction an attribute: networkx
        # refuses a GEXF that mixes directed and undirected edges
        fields = {"id": str(number), "source": _clean(u), "target": _clean(v)}
        if "weight" in attrs:
            fields["weight"] = repr(float(attrs["weight"]))
        element = ET.SubElement(block, q + "edge", fields)
        values = [(k, x) for k, x in attrs.items() if k != "weight"] + \
            ([] if undirected else [("directed", directed)])
        if values:
            holder = ET.SubElement(element, q + "attvalues")
            for name, value in values:
                ET.SubElement(holder, q + "attvalue",
                              {"for": name, "value": _text_of(value, edge_kinds[name])})
    return _serialise(root)


_GRAPHML_TYPES = {"boolean": "boolean", "integer": "long", "double": "double",
                  "string": "string"}


def _graphml(ids, labels, columns, edges):
    ET.register_namespace("", GRAPHML_NS)
    q = f"{{{GRAPHML_NS}}}"
    root = ET.Element(q + "graphml")
    node_kinds = {"label": "string", **{n: _kind_of(v) for n, v in columns.items()}}
    undirected = _all_undirected(edges)
    edge_kinds = _edge_columns(edges) if undirected else \
        {**_edge_columns(edges), "directed": "boolean"}
    keys = {}
    for cls, kinds in (("node", node_kinds), ("edge", edge_kinds)):
        for name, kind in kinds.items():
            key = f"{cls[0]}{len(keys)}"
            keys[(cls, name)] = key
            ET.SubElement(root, q + "key", {"id": key, "for": cls, "attr.name": name,
                                            "attr.type": _GRAPHML_TYPES[kind]})
    graph = ET.SubElement(root, q + "graph", {
        "id": "G", "edgedefault": "undirected" if undirected else "directed"})
    for i, (node, label) in enumerate(zip(ids, labels)):
        element = ET.SubElement(graph, q + "node", {"id": _clean(node)})
        ET.SubElement(element, q + "data", {"key": keys[("node", "label")]}).text = \
            _clean(label)
        for name in columns:
            value = columns[name][i]
            if not _missing(value):
                ET.SubElement(element, q + "data", {"key": keys[("node", name)]}).text = \
                    _text_of(value, node_kinds[name])
    for number, (u, v, directed, attrs) in enumerate(edges):
        # the tie's direction as data, not GraphML's per-edge "directed": networkx refuses a
        # graph that mixes directed and undirected edges
        element = ET.SubElement(graph, q + "edge", {
            "id": f"e{number}", "source": _clean(u), "target": _clean(v)})
        for name, value in (attrs if undirected else {**attrs, "directed": directed}).items():
            ET.SubElement(element, q + "data", {"key": keys[("edge", name)]}).text = \
                _text_of(value, edge_kinds[name])
    return _serialise(root)


def _serialise(root):
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _quoted(text):
    """A label for Pajek and UCINET: in double quotes, with quotes and line ends replaced."""
    text = re.sub(r"[\r\n\t]+", " ", _clean(text)).replace('"', "'")
    return f'"{text}"'


def _pajek(ids, labels, edges):
    number = {node: i + 1 for i, node in enumerate(ids)}
    lines = [f"*Vertices {len(ids)}"]
    lines += [f"{number[node]} {_quoted(label)}" for node, label in zip(ids, labels)]
    relations = list(dict.fromkeys(attrs.get("tie_type", "link") for *_, attrs in edges))
    for r, relation in enumerate(relations, 1):
        for directed, word in ((True, "*Arcs"), (False, "*Edges")):
            chosen = [(u, v, a) for u, v, d, a in edges
                      if d == directed and a.get("tie_type", "link") == relation]
            if chosen:
                lines.append(f"{word} :{r} {_quoted(relation)}")
                lines += [f"{number[u]} {number[v]} {float(a.get('weight', 1)):g}"
                          for u, v, a in chosen]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _dl(ids, edges):
    """UCINET DL, edgelist1 with a label list (so isolates keep their place): one directed,
    valued relation; an undirected tie counts in both directions, several ties between an
    ordered pair as the largest weight."""
    number = {node: i + 1 for i, node in enumerate(ids)}
    weights = {}
    for u, v, directed, attrs in edges:
        w = float(attrs.get("weight", 1))
        for pair in ([(u, v)] if directed else [(u, v), (v, u)]):
            weights[pair] = max(w, weights.get(pair, w))
    lines = [f"DL n={len(ids)} format=edgelist1", "labels:",
             ",".join(_quoted(node) for node in ids), "data:"]
    lines += [f"{number[u]} {number[v]} {w:g}" for (u, v), w in weights.items()]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


@shared
def network_bytes(case, fmt="gexf", wave=None, lang=None, graph="ties"):
    """The network of a case as a file for another program (bytes).

    Parameters
    ----------
    <<case>>
    fmt : {"gexf", "graphml", "pajek", "dl"}
        GEXF 1.3 for Gephi, GraphML for Cytoscape, R igraph, yEd and networkx, Pajek
        ``.net``, or a UCINET DL edge list.
    wave : int, optional
        ``graph="ties"``: the ties of this wave (None: every wave, each edge with its wave).
        ``graph="collapsed"``: the wave whose collapsed graph is written (None: the latest).
    lang : {"nl", "en"}, optional
        Language of the node attributes kind and domain; None: the default language.
    graph : {"ties", "collapsed"}
        One edge per tie with its direction, type, wave and the other tie columns (a
        multigraph), or the collapsed undirected graph of a wave with the actor metrics.

    Returns
    -------
    bytes
        UTF-8 text. Node attributes: the actor's name as label, kind and domain (in
        `lang`), person, municipal and district where given, and for the collapsed graph
        every actor metric (a missing value written as no attribute). Edge attributes
        (ties): tie_type (the English key), wave, weight and every other tie column present.

    Raises
    ------
    <<raises_case>>
    ValueError
        An unknown `fmt` or `graph`, a `wave` that is not one of the case's, or a `lang`
        relnet does not speak.

    Examples
    --------
    >>> import relnet
    >>> data = network_bytes(relnet.load_example("haverdonk"), "graphml", lang="nl")
    >>> data[:5] == b"<?xml" and b"gemeente" in data and b'attr.name="tie_type"' in data
    True
    """
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if graph not in GRAPHS:
        raise ValueError(f"graph must be one of {', '.join(GRAPHS)}, not {graph!r}")
    lang = i18n.resolve(lang)
    if graph == "collapsed" or wave is not None:
        wave = case.resolve_wave(wave)
    ids, labels, columns = _nodes(case, wave, graph, lang)
    edges = _edges(case, wave, graph)
    name = case.meta.get("name", "")
    if fmt == "gexf":
        what = "ties" if graph == "ties" else "collapsed"
        return _gexf(ids, labels, columns, edges, f"{name} ({what}, wave {wave or 'all'})")
    if fmt == "graphml":
        return _graphml(ids, labels, columns, edges)
    if fmt == "pajek":
        return _pajek(ids, labels, edges)
    return _dl(ids, edges)

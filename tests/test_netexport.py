"""The network for other programs (issue 23, item 6): GEXF 1.3, GraphML, Pajek and UCINET DL.

The published GEXF 1.3 XSD cannot be used here (it is not on PyPI, Debian or npm, and it is
incomplete: its `node` and `edge` elements refer to types it never defines), so the files
are checked against the rules of each format's schema written out below (root and version,
declared attributes and their types, element order, ids and endpoints), and read back by
networkx and by igraph's C reader (the one R igraph uses).
"""

import io
import math
import xml.etree.ElementTree as ET

import igraph
import networkx as nx
import pytest

import relnet
from relnet.present.netexport import GEXF_NS, GRAPHML_NS, _clean, network_bytes

GEXF_TYPES = {"integer", "long", "double", "float", "boolean", "bigdecimal", "biginteger",
              "byte", "char", "short", "string", "anyURI", "liststring", "listboolean",
              "listinteger", "listlong", "listfloat", "listdouble", "listbyte", "listshort",
              "listbigdecimal", "listbiginteger", "listchar"}
GRAPHML_TYPES = {"boolean", "int", "long", "float", "double", "string"}


def _typed(text, kind):
    """A value is of its declared type (xs:double, xs:boolean, xs:integer)."""
    if kind in ("double", "float"):
        value = float(text)
        assert not math.isnan(value), text  # missing values are left out, never "nan"
    elif kind == "boolean":
        assert text in ("true", "false"), text
    elif kind in ("integer", "long", "int"):
        int(text)


def check_gexf(data):
    """The rules of the GEXF 1.3 schema relnet's files use; returns the root."""
    root = ET.fromstring(data)
    q = f"{{{GEXF_NS}}}"
    assert root.tag == q + "gexf" and root.get("version") == "1.3"
    children = [c.tag for c in root]
    assert children in ([q + "meta", q + "graph"], [q + "graph"])
    graph = root.find(q + "graph")
    assert graph.get("defaultedgetype") in ("directed", "undirected", "mutual")
    order = [c.tag for c in graph]
    assert order == sorted(order, key=lambda t: [q + "attributes", q + "nodes",
                                                 q + "edges"].index(t))
    declared = {}
    for block in graph.findall(q + "attributes"):
        assert block.get("class") in ("node", "edge")
        for attribute in block.findall(q + "attribute"):
            assert attribute.get("id") and attribute.get("title")
            assert attribute.get("type") in GEXF_TYPES
            declared[(block.get("class"), attribute.get("id"))] = attribute.get("type")
    nodes = graph.find(q + "nodes").findall(q + "node")
    ids = [n.get("id") for n in nodes]
    assert len(ids) == len(set(ids)) == int(graph.find(q + "nodes").get("count"))
    edges = graph.find(q + "edges").findall(q + "edge")
    assert len(edges) == int(graph.find(q + "edges").get("count"))
    for cls, elements in (("node", nodes), ("edge", edges)):
        for element in elements:
            for value in element.iter(q + "attvalue"):
                kind = declared[(cls, value.get("for"))]  # declared before use
                _typed(value.get("value"), kind)
    known = set(ids)
    edge_ids = set()
    for edge in edges:
        assert edge.get("source") in known and edge.get("target") in known
        assert edge.get("id") not in edge_ids
        edge_ids.add(edge.get("id"))
        if edge.get("weight") is not None:
            _typed(edge.get("weight"), "double")
        assert edge.get("type") in (None, "directed", "undirected", "mutual")
    return root


def check_graphml(data):
    """The rules of the GraphML 1.0 schema relnet's files use; returns the root."""
    root = ET.fromstring(data)
    q = f"{{{GRAPHML_NS}}}"
    assert root.tag == q + "graphml"
    tags = [c.tag for c in root]
    assert tags == [q + "key"] * (len(tags) - 1) + [q + "graph"]  # keys before the graph
    keys = {}
    for key in root.findall(q + "key"):
        assert key.get("for") in ("node", "edge", "graph", "all")
        assert key.get("attr.type") in GRAPHML_TYPES and key.get("attr.name")
        assert key.get("id") not in keys
        keys[key.get("id")] = (key.get("for"), key.get("attr.type"))
    graph = root.find(q + "graph")
    assert graph.get("edgedefault") in ("directed", "undirected")
    nodes = graph.findall(q + "node")
    ids = {n.get("id") for n in nodes}
    assert len(ids) == len(nodes)
    order = [c.tag for c in graph]
    assert order == [q + "node"] * len(nodes) + [q + "edge"] * (len(order) - len(nodes))
    for cls, elements in (("node", nodes), ("edge", graph.findall(q + "edge"))):
        for element in elements:
            for data_ in element.findall(q + "data"):
                scope, kind = keys[data_.get("key")]
                assert scope in (cls, "all")
                _typed(data_.text, kind)
            if cls == "edge":
                assert element.get("source") in ids and element.get("target") in ids
    return root


@pytest.fixture(scope="module")
def haverdonk():
    return relnet.load_example("haverdonk")


def test_graphml_ties_one_edge_per_tie_with_type_wave_and_direction(haverdonk):
    data = network_bytes(haverdonk, "graphml", lang="nl")
    check_graphml(data)
    G = nx.read_graphml(io.BytesIO(data))
    assert isinstance(G, nx.MultiDiGraph)
    assert G.number_of_edges() == len(haverdonk.ties) and G.number_of_nodes() == \
        len(haverdonk.actors)
    ties = haverdonk.ties.reset_index(drop=True)
    written = sorted((u, v, d["tie_type"], d["wave"], d["directed"])
                     for u, v, d in G.edges(data=True))
    expected = sorted(zip(ties["source"], ties["target"], ties["type"], ties["wave"],
                          ties["directed"]))
    assert written == expected



def test_igraph_reads_the_graphml(haverdonk, tmp_path):
    path = tmp_path / "ties.graphml"
    path.write_bytes(network_bytes(haverdonk, "graphml"))
    g = igraph.Graph.Read_GraphML(str(path))
    assert (g.vcount(), g.ecount()) == (len(haverdonk.actors), len(haverdonk.ties))
    assert set(g.es["tie_type"]) == set(haverdonk.ties["type"])


def test_gexf_is_version_1_3_and_reads_back(haverdonk):
    data = network_bytes(haverdonk, "gexf", lang="nl")
    root = check_gexf(data)
    assert root.find(f"{{{GEXF_NS}}}meta/{{{GEXF_NS}}}creator").text.startswith("relnet")
    H = nx.read_gexf(io.BytesIO(data), version="1.3")
    assert H.number_of_edges() == len(haverdonk.ties)
    types = {d["tie_type"] for *_, d in H.edges(data=True)}
    assert types == set(haverdonk.ties["type"])
    # GEXF's own edge attribute `type` is not overwritten by the tie's type
    for edge in root.iter(f"{{{GEXF_NS}}}edge"):
        assert edge.get("type") is None


def test_collapsed_graph_has_metrics_and_no_value_for_a_missing_one(haverdonk):
    metrics = relnet.actor_metrics(haverdonk, wave=2015)
    missing = metrics.index[metrics["constraint"].isna()]
    assert len(missing), "Haverdonk 2015 has isolates, whose constraint is undefined"
    for fmt, check in (("graphml", check_graphml), ("gexf", check_gexf)):
        data = network_bytes(haverdonk, fmt, wave=2015, graph="collapsed")
        check(data)
        G = nx.read_graphml(io.BytesIO(data)) if fmt == "graphml" else \
            nx.read_gexf(io.BytesIO(data), version="1.3")
        assert not G.is_directed()
        assert G.number_of_edges() == relnet.network_metrics(haverdonk, wave=2015)["n_ties"]
        for node in missing:
            assert "constraint" not in G.nodes[node], (fmt, node)
        present = metrics.index[metrics["constraint"].notna()][0]
        assert G.nodes[present]["constraint"] == pytest.approx(metrics.loc[present,
                                                                           "constraint"])


def test_a_metric_named_label_does_not_overwrite_the_label(haverdonk):
    relnet.register_metric("label", lambda G: {n: 1.0 for n in G}, level="actor")
    try:
        data = network_bytes(haverdonk, "graphml", graph="collapsed")
    finally:
        relnet.unregister_metric("label")
    G = nx.read_graphml(io.BytesIO(data))
    assert G.nodes["gem"]["label"] == "Gemeente Haverdonk"
    assert G.nodes["gem"]["metric_label"] == 1.0


def test_pajek_and_ucinet(haverdonk):
    net = network_bytes(haverdonk, "pajek").decode("utf-8").splitlines()
    n = len(haverdonk.actors)
    assert net[0] == f"*Vertices {n}"
    assert net[1] == '1 "Gemeente Haverdonk"'
    first = next(i for i, line in enumerate(net) if i and line.startswith("*"))
    assert first == n + 1
    lines = [line for line in net[first:] if not line.startswith("*")]
    assert len(lines) == len(haverdonk.ties)
    assert all(len(line.split()) == 3 for line in lines)
    headers = [line for line in net if line.startswith(("*Arcs", "*Edges"))]
    directed = haverdonk.ties.groupby("type")["directed"].agg(set)
    assert len(headers) == sum(len(d) for d in directed)
    assert all(h.split()[2].startswith('"') for h in headers)  # each relation named
    dl = network_bytes(haverdonk, "dl").decode("utf-8").splitlines()
    assert dl[0] == f"DL n={n} format=edgelist1" and dl[1] == "labels:" and dl[3] == "data:"
    assert len(dl[2].split(",")) == n
    pairs = [tuple(map(float, line.split())) for line in dl[4:]]
    assert all(1 <= a <= n and 1 <= b <= n for a, b, _ in pairs)
    expected = set()
    for row in haverdonk.ties.itertuples():
        expected.add((row.source, row.target))
        if not row.directed:
            expected.add((row.target, row.source))
    assert len(pairs) == len(expected)


def test_xml_forbidden_characters_are_stripped():
    assert _clean("Stichting\ufffeHoop\x00\x0b") == "StichtingHoop"
    assert _clean("tab\tand\nline") == "tab\tand\nline"


def test_unknown_format_or_graph_is_refused(haverdonk):
    with pytest.raises(ValueError, match="fmt must be one of gexf, graphml, pajek, dl"):
        network_bytes(haverdonk, "gml")
    with pytest.raises(ValueError, match="graph must be one of ties, collapsed"):
        network_bytes(haverdonk, "gexf", graph="multi")

"""The relational profile: the 10 lessons turned into network indicators (DESIGN.md section 5).

Municipal actors are of kind municipality, department, administrator, council or
district_team; informal actors are citizen initiatives, informal carers and key persons.
All indicators use the collapsed undirected graph of the wave with every tie type, unless
said otherwise.
"""

import math

import networkx as nx
import numpy as np
import pandas as pd

from ..data.arguments import analysis
from ..data.vocab import INFORMAL_KINDS, MUNICIPAL_KINDS, PROVIDER_KINDS
from ._cache import snapshot

__all__ = ["relational_profile", "INDICATORS", "indicator_values", "indicator_values_fast",
           "district_profile"]

# indicator -> (lesson or None, English description, Dutch description)
INDICATORS = {
    "outward_share": (
        1,
        "Of the links with a municipal actor at one end or both, the share whose other end "
        "is not municipal: how much the municipality goes out rather than meets internally.",
        "Van de relaties met een gemeentelijke actor aan één of beide kanten, het aandeel "
        "waarvan de andere kant niet gemeentelijk is: gaat de gemeente op stap?"),
    "informal_facilitation": (
        4,
        "Of the distinct actor pairs joined by a funding or support tie with exactly one "
        "municipal end, the share whose other end is informal (citizen initiative, informal "
        "carer, key person): does the municipality facilitate citizens' own strength?",
        "Van de paren met een financierings- of steunrelatie met precies één gemeentelijke "
        "kant, het aandeel waarvan de andere kant informeel is: maakt de gemeente eigen "
        "kracht los?"),
    "provider_density": (
        5,
        "Density among care providers, welfare organisations and district teams: are the "
        "providers coordinated with each other?",
        "Dichtheid tussen zorgaanbieders, welzijnsorganisaties en wijkteams: stemmen de "
        "aanbieders onderling af (ontzorgen)?"),
    "mutuality": (
        7,
        "Of the directed ties (ordered pairs) with exactly one municipal end, the share whose "
        "reverse directed tie also exists: do partners and municipality ask each other, both "
        "ways?",
        "Van de gerichte relaties met precies één gemeentelijke kant, het aandeel dat ook "
        "andersom bestaat: is de relatie wederkerig en gelijkwaardig?"),
    "informal_share": (
        8,
        "Informal actors (citizen initiatives, informal carers, key persons) as a share of "
        "all actors present: is the informal network in view?",
        "Informele actoren als aandeel van alle actoren: is er oog voor informele hulp?"),
    "administrator_reach": (
        9,
        "Mean number of non-municipal neighbours per administrator: do administrators lead "
        "by example in relationships?",
        "Gemiddeld aantal niet-gemeentelijke relaties per bestuurder: zijn bestuurders "
        "relatiegericht?"),
    "cross_domain_share": (
        10,
        "Of the links whose both ends have a domain other than general, the share whose ends "
        "share no domain (general ignored): are issues linked across policy domains?",
        "Van de relaties waarvan beide kanten een ander domein dan algemeen hebben, het "
        "aandeel zonder gedeeld domein: wordt integraal gewerkt?"),
    "hub_dependence": (
        None,
        "Of the pairs of non-municipal actors that are connected, the share no longer "
        "connected once every municipal actor is removed: 1 is a 'regiegemeente' hub, 0 "
        "means partners hold together themselves.",
        "Van de verbonden paren niet-gemeentelijke actoren, het aandeel dat niet meer "
        "verbonden is zonder de gemeentelijke actoren: 1 = regiegemeente, 0 = de partners "
        "houden het netwerk zelf bij elkaar."),
}


def _ratio(numerator, denominator, reason):
    if denominator == 0:
        return math.nan, reason
    return numerator / denominator, ""


def _pairs(count):
    return count * (count - 1) // 2


def indicator_values(G, ties, kinds, domains):
    """Indicator -> (value, reason when NaN) for a collapsed graph and its wave's ties.

    `kinds` and `domains` map actor id to kind and to a set of domains.
    """
    municipal = {a for a, k in kinds.items() if k in MUNICIPAL_KINDS}
    informal = {a for a, k in kinds.items() if k in INFORMAL_KINDS}
    out = {}

    with_municipal = [(u, v) for u, v in G.edges if u in municipal or v in municipal]
    outward = sum(1 for u, v in with_municipal if not (u in municipal and v in municipal))
    out["outward_share"] = _ratio(outward, len(with_municipal),
                                  "no link has a municipal actor at either end")

    facilitating = ties[ties["type"].isin(("funding", "support"))]
    pairs = {frozenset(p) for p in zip(facilitating["source"], facilitating["target"])}
    one_end = [p for p in pairs if len(p & municipal) == 1]
    to_informal = sum(1 for p in one_end if (p - municipal) <= informal)
    out["informal_facilitation"] = _ratio(
        to_informal, len(one_end),
        "no funding or support tie joins a municipal and a non-municipal actor")

    providers = [a for a in G.nodes if kinds.get(a) in PROVIDER_KINDS]
    k = len(providers)
    out["provider_density"] = _ratio(
        G.subgraph(providers).number_of_edges(), _pairs(k),
        "fewer than two care providers, welfare organisations or district teams")

    directed = ties[ties["directed"].astype(bool)]
    arcs = set(zip(directed["source"], directed["target"]))
    crossing = [(s, t) for s, t in arcs if (s in municipal) != (t in municipal)]
    mutual = sum(1 for s, t in crossing if (t, s) in arcs)
    out["mutuality"] = _ratio(mutual, len(crossing),
                              "no directed tie joins a municipal and a non-municipal actor")

    n = G.number_of_nodes()
    out["informal_share"] = _ratio(sum(1 for a in G.nodes if a in informal), n,
                                   "no actors in this wave")

    admins = [a for a in G.nodes if kinds.get(a) == "administrator"]
    reach = sum(sum(1 for b in G[a] if b not in municipal) for a in admins)
    out["administrator_reach"] = _ratio(reach, len(admins), "no administrator in this wave")

    specific = {a: d - {"general"} for a, d in domains.items()}
    both = [(u, v) for u, v in G.edges if specific.get(u) and specific.get(v)]
    crossing_domains = sum(1 for u, v in both if not (specific[u] & specific[v]))
    out["cross_domain_share"] = _ratio(
        crossing_domains, len(both), "no link joins two actors with a domain other than general")

    others = [a for a in G.nodes if a not in municipal]
    connected_before = sum(_pairs(len(c - municipal)) for c in nx.connected_components(G))
    without = G.subgraph(others)
    connected_after = sum(_pairs(len(c)) for c in nx.connected_components(without))
    share, reason = _ratio(connected_before - connected_after, connected_before,
                           "no two non-municipal actors are connected")
    out["hub_dependence"] = (share, reason)
    return out


def indicator_values_fast(snap):
    """The same values as `indicator_values` (the networkx reference), from arrays."""
    from scipy.sparse import csr_array
    from scipy.sparse.csgraph import connected_components

    from ..data.vocab import DOMAINS

    arrays = snap.arrays
    n, u, v = arrays.n, arrays.u, arrays.v
    actors = snap.actors
    kind = actors["kind"].to_numpy(dtype=object)
    municipal = np.isin(kind, list(MUNICIPAL_KINDS))
    informal = np.isin(kind, list(INFORMAL_KINDS))
    provider = np.isin(kind, list(PROVIDER_KINDS))
    admin = kind == "administrator"
    index = pd.Index(arrays.ids)
    out = {}

    with_municipal = municipal[u] | municipal[v]
    out["outward_share"] = _ratio(int((with_municipal & ~(municipal[u] & municipal[v])).sum()),
                                  int(with_municipal.sum()),
                                  "no link has a municipal actor at either end")

    ties = snap.ties
    facilitating = ties[ties["type"].isin(("funding", "support")).to_numpy()]
    a = index.get_indexer(facilitating["source"])
    b = index.get_indexer(facilitating["target"])
    pairs = np.unique(np.column_stack([np.minimum(a, b), np.maximum(a, b)]), axis=0) \
        if len(a) else np.zeros((0, 2), dtype=np.int64)
    one_end = municipal[pairs[:, 0]] != municipal[pairs[:, 1]]
    other = np.where(municipal[pairs[:, 0]], pairs[:, 1], pairs[:, 0])
    out["informal_facilitation"] = _ratio(
        int((one_end & informal[other]).sum()), int(one_end.sum()),
        "no funding or support tie joins a municipal and a non-municipal actor")

    k = int(provider.sum())
    out["provider_density"] = _ratio(
        int((provider[u] & provider[v]).sum()), _pairs(k),
        "fewer than two care providers, welfare organisations or district teams")

    directed = ties[ties["directed"].astype(bool).to_numpy()]
    s_idx = index.get_indexer(directed["source"]).astype(np.int64)
    t_idx = index.get_indexer(directed["target"]).astype(np.int64)
    keys = np.unique(s_idx * n + t_idx)
    s_idx, t_idx = keys // n if n else keys, keys % n if n else keys
    crossing = municipal[s_idx] != municipal[t_idx]
    mutual = np.isin(t_idx * n + s_idx, keys) & crossing
    out["mutuality"] = _ratio(int(mutual.sum()), int(crossing.sum()),
                              "no directed tie joins a municipal and a non-municipal actor")

    out["informal_share"] = _ratio(int(informal.sum()), n, "no actors in this wave")

    reach = int((admin[u] & ~municipal[v]).sum() + (admin[v] & ~municipal[u]).sum())
    out["administrator_reach"] = _ratio(reach, int(admin.sum()), "no administrator in this wave")

    bits = {d: 1 << i for i, d in enumerate(DOMAINS) if d != "general"}
    mask = np.array([sum(bits.get(d, 0) for d in str(cell).split("|"))
                     if isinstance(cell, str) else 0 for cell in actors["domain"]],
                    dtype=np.int64)
    both = (mask[u] != 0) & (mask[v] != 0)
    out["cross_domain_share"] = _ratio(
        int((both & ((mask[u] & mask[v]) == 0)).sum()), int(both.sum()),
        "no link joins two actors with a domain other than general")

    def connected_pairs(keep_nodes, keep_edges):
        graph = csr_array((np.ones(int(keep_edges.sum())), (u[keep_edges], v[keep_edges])),
                          shape=(n, n))
        _, labels = connected_components(graph, directed=False)
        counts = np.bincount(labels[keep_nodes], minlength=labels.max() + 1 if n else 0)
        return int((counts * (counts - 1) // 2).sum())

    others = ~municipal
    before = connected_pairs(others, np.ones(len(u), dtype=bool))
    after = connected_pairs(others, others[u] & others[v])
    out["hub_dependence"] = _ratio(before - after, before,
                                   "no two non-municipal actors are connected")
    return out


@analysis
def relational_profile(case, wave=None, lang="en"):
    """The relational indicators of a wave: columns indicator, lesson, value, description, note.

    `note` gives the reason when a value is NaN (undefined). Lessons 2, 3 and 6 have no
    network indicator; they come from the self-assessment (`lesson_scores`).

    Examples
    --------
    >>> import relnet
    >>> case = relnet.load_example("haverdonk")
    >>> p15 = relnet.relational_profile(case, wave=2015).set_index("indicator")["value"]
    >>> p17 = relnet.relational_profile(case, wave=2017).set_index("indicator")["value"]
    >>> bool(p15["hub_dependence"] > p17["hub_dependence"])
    True
    """
    snap = snapshot(case, wave)

    values = snap.cached("indicators", lambda: indicator_values_fast(snap))
    rows = []
    for name, (lesson, english, dutch) in INDICATORS.items():
        value, reason = values[name]
        rows.append({"indicator": name, "lesson": lesson, "value": value,
                     "description": dutch if lang == "nl" else english, "note": reason})
    frame = pd.DataFrame(rows)
    frame["lesson"] = frame["lesson"].astype("Int64")
    return frame


@analysis
def district_profile(case, wave=None):
    """Variation between districts (wijken), for actors that carry a `district`.

    One row per district: district, actors, informal_share (informal actors / actors),
    density (links among the district's actors / possible pairs) and external_share (of the
    links with at least one end in the district, the share that leaves it). Empty when no
    actor has a district.

    >>> import relnet
    >>> d = district_profile(relnet.load_example("welderhoven"))
    >>> sorted(d["district"])
    ['Buitengebied', 'Hoven', 'Molenwijk', 'Welde']
    """
    snap = snapshot(case, wave)
    actors = snap.actors
    columns = ["district", "actors", "informal_share", "density", "external_share"]
    if "district" not in actors or actors["district"].isna().all():
        return pd.DataFrame(columns=columns)
    arrays = snap.arrays
    names, code = np.unique(actors["district"].fillna("").to_numpy(dtype=str),
                            return_inverse=True)
    k = len(names)
    cu, cv = code[arrays.u], code[arrays.v]
    inside = np.bincount(cu[cu == cv], minlength=k)
    crossing = cu != cv
    leaving = np.bincount(cu[crossing], minlength=k) + np.bincount(cv[crossing], minlength=k)
    size = np.bincount(code, minlength=k)
    informal = np.bincount(code, weights=actors["kind"].isin(INFORMAL_KINDS).to_numpy(),
                           minlength=k)
    pairs = size * (size - 1) / 2
    touching = inside + leaving
    frame = pd.DataFrame({
        "district": names, "actors": size, "informal_share": informal / size,
        "density": np.where(size > 1, inside / np.where(pairs > 0, pairs, 1), np.nan),
        "external_share": np.where(touching > 0, leaving / np.where(touching > 0, touching, 1),
                                   np.nan)})
    return frame[frame["district"] != ""].reset_index(drop=True)[columns]

"""The relational profile: lessons of the relationship-oriented municipality as network
indicators, version 2 (definitions, sources and edge cases: ``docs/indicators.md``).

Version 2 separates how the municipality *relates* from what it *pays for*. Relational tie
types are collaboration, information, support and referral; transactional ones are funding,
contract and governance. Municipal actors are of kind municipality, department,
administrator, manager, council or district_team; informal actors are citizen initiatives,
informal carers and key persons. A *pair* is two distinct actors present in the wave joined
by at least one selected tie, in either direction.

Two implementations compute the same values: `indicator_values`, a plain reading of the
definitions over pairs (the reference, used in tests), and `indicator_values_fast`, the same
with arrays (what relnet runs).
"""

import math

import networkx as nx
import numpy as np
import pandas as pd

from ..data.arguments import analysis
from ..data.vocab import INFORMAL_KINDS, MUNICIPAL_KINDS, PROVIDER_KINDS, RELATIONAL_TYPES
from ._cache import snapshot

__all__ = ["relational_profile", "INDICATORS", "indicator_values", "indicator_values_fast",
           "district_profile", "FEW"]

# indicator -> the lesson it speaks to (None: the network as a whole)
INDICATORS = {
    "outward_share": 1,
    "informal_facilitation": 4,
    "provider_density": 5,
    "mutuality": 7,
    "informal_reach": 8,
    "administrator_reach": 9,
    "cross_domain_share": 10,
    "hub_dependence": None,
}
FEW = 10  # a denominator under this is noted as resting on few observations
ADMINISTRATIVE_KINDS = frozenset({"administrator", "manager"})
FACILITATING_TYPES = frozenset({"funding", "support"})


def _ratio(numerator, denominator, reason):
    """(value, n, reason key): NaN with the reason when the denominator is 0."""
    if denominator == 0:
        return math.nan, 0, reason
    return numerator / denominator, denominator, ""


def indicator_values(ties, actors):
    """The indicators by their definitions, pair by pair: the reference implementation.

    Parameters
    ----------
    ties : DataFrame
        The wave's selected ties (source, target, type, directed) between present actors.
    actors : DataFrame
        The actors present in the wave (id, kind, domain).

    Returns
    -------
    dict
        indicator -> (value, n, reason): n is the denominator, reason a catalogue key
        (``indicator_note.<reason>``) when the value is NaN.
    """
    kind = dict(zip(actors["id"], actors["kind"]))
    municipal = {a for a, k in kind.items() if k in MUNICIPAL_KINDS}
    informal = {a for a, k in kind.items() if k in INFORMAL_KINDS}
    providers = {a for a, k in kind.items() if k in PROVIDER_KINDS}
    domains = {a: {d for d in str(cell).split("|") if d and d != "general"}
               if isinstance(cell, str) else set()
               for a, cell in zip(actors["id"], actors["domain"])}
    pairs = {}  # frozenset -> list of (type, directed, source)
    for s, t, typ, directed in zip(ties["source"], ties["target"], ties["type"],
                                   ties["directed"]):
        pairs.setdefault(frozenset((s, t)), []).append((typ, bool(directed), s))
    relational = {p: [x for x in found if x[0] in RELATIONAL_TYPES] for p, found in pairs.items()}
    relational = {p: found for p, found in relational.items() if found}
    out = {}

    touching = [p for p in relational if p & municipal]
    out["outward_share"] = _ratio(sum(1 for p in touching if p - municipal), len(touching),
                                  "no_municipal_pair")

    facilitated = {a for p, found in pairs.items() if p & municipal
                   and any(x[0] in FACILITATING_TYPES for x in found) for a in p - municipal}
    out["informal_facilitation"] = _ratio(len(facilitated & informal), len(informal),
                                          "no_informal")

    k = len(providers)
    among = sum(1 for p in relational if p <= providers)
    out["provider_density"] = _ratio(among, k * (k - 1) // 2, "few_providers")

    crossing = [p for p in relational if len(p & municipal) == 1]

    def mutual(pair, found):
        if any(not directed for _, directed, _ in found):
            return True
        return len({source for _, _, source in found}) == 2

    out["mutuality"] = _ratio(sum(1 for p in crossing if mutual(p, relational[p])),
                              len(crossing), "no_crossing_pair")

    reached = {a for p in pairs if p & municipal for a in p - municipal}
    out["informal_reach"] = _ratio(len(reached & informal), len(informal), "no_informal")

    leaders = [a for a, k in kind.items() if k in ADMINISTRATIVE_KINDS]
    reach = sum(len({b for p in relational if a in p for b in p - {a}} - municipal)
                for a in leaders)
    out["administrator_reach"] = _ratio(reach, len(leaders), "no_administrator")

    specific = [p for p in relational if all(domains.get(a) for a in p)]
    differing = sum(1 for p in specific if len({frozenset(domains[a]) for a in p}) == 2)
    out["cross_domain_share"] = _ratio(differing, len(specific), "no_specific_pair")

    others = set(kind) - municipal
    if not any(p <= others for p in pairs):
        out["hub_dependence"] = (math.nan, 0, "no_partner_tie")
    else:
        G = nx.Graph()
        G.add_nodes_from(kind)
        G.add_edges_from(tuple(p) for p in pairs)

        def connected(graph):
            return sum(len(c & others) * (len(c & others) - 1) // 2
                       for c in map(set, nx.connected_components(graph)))

        before = connected(G)
        after = connected(G.subgraph(others))
        out["hub_dependence"] = _ratio(before - after, before, "no_partner_tie")
    return out


def indicator_values_fast(snap):
    """The same values as `indicator_values` (the reference), from arrays."""
    from scipy.sparse import csr_array
    from scipy.sparse.csgraph import connected_components

    actors = snap.actors
    n = len(actors)
    index = pd.Index(actors["id"])
    kind = actors["kind"].to_numpy(dtype=object)
    municipal = np.isin(kind, list(MUNICIPAL_KINDS))
    informal = np.isin(kind, list(INFORMAL_KINDS))
    provider = np.isin(kind, list(PROVIDER_KINDS))
    leader = np.isin(kind, list(ADMINISTRATIVE_KINDS))
    ties = snap.ties
    s = index.get_indexer(ties["source"]).astype(np.int64)
    t = index.get_indexer(ties["target"]).astype(np.int64)
    a, b = np.minimum(s, t), np.maximum(s, t)
    typ = ties["type"].to_numpy(dtype=object)
    rel = np.isin(typ, list(RELATIONAL_TYPES))
    directed = ties["directed"].to_numpy(dtype=bool)
    facil = np.isin(typ, list(FACILITATING_TYPES))
    frame = pd.DataFrame({"key": a * max(n, 1) + b, "a": a, "b": b, "rel": rel,
                          "rel_undirected": rel & ~directed,
                          "rel_forward": rel & directed & (s == a),
                          "rel_backward": rel & directed & (s == b), "facil": facil})
    pair = frame.groupby("key", sort=False).agg(
        a=("a", "first"), b=("b", "first"), rel=("rel", "any"),
        undirected=("rel_undirected", "any"), forward=("rel_forward", "any"),
        backward=("rel_backward", "any"), facil=("facil", "any"))
    pa, pb = pair["a"].to_numpy(dtype=np.int64), pair["b"].to_numpy(dtype=np.int64)
    prel = pair["rel"].to_numpy(dtype=bool)
    m_a, m_b = municipal[pa], municipal[pb]
    any_m = m_a | m_b
    one_m = m_a != m_b
    out = {}

    out["outward_share"] = _ratio(int((prel & one_m).sum()), int((prel & any_m).sum()),
                                  "no_municipal_pair")

    other = np.where(m_a, pb, pa)
    facilitated = np.zeros(n, dtype=bool)
    facilitated[other[one_m & pair["facil"].to_numpy(dtype=bool)]] = True
    out["informal_facilitation"] = _ratio(int((facilitated & informal).sum()),
                                          int(informal.sum()), "no_informal")

    k = int(provider.sum())
    out["provider_density"] = _ratio(int((prel & provider[pa] & provider[pb]).sum()),
                                     k * (k - 1) // 2, "few_providers")

    crossing = prel & one_m
    is_mutual = pair["undirected"].to_numpy(dtype=bool) | (
        pair["forward"].to_numpy(dtype=bool) & pair["backward"].to_numpy(dtype=bool))
    out["mutuality"] = _ratio(int((crossing & is_mutual).sum()), int(crossing.sum()),
                              "no_crossing_pair")

    reached = np.zeros(n, dtype=bool)
    reached[other[one_m]] = True
    out["informal_reach"] = _ratio(int((reached & informal).sum()), int(informal.sum()),
                                   "no_informal")

    reach = int((prel & leader[pa] & ~municipal[pb]).sum()
                + (prel & leader[pb] & ~municipal[pa]).sum())
    out["administrator_reach"] = _ratio(reach, int(leader.sum()), "no_administrator")

    bits = {d: 1 << i for i, d in enumerate(
        ["work", "care", "youth", "education", "health", "welfare", "housing", "income",
         "safety"])}
    masks = {cell: sum(bits.get(d, 0) for d in str(cell).split("|"))
             for cell in actors["domain"].dropna().unique()}
    mask = actors["domain"].map(masks).fillna(0).to_numpy(dtype=np.int64)
    specific = prel & (mask[pa] != 0) & (mask[pb] != 0)
    out["cross_domain_share"] = _ratio(int((specific & (mask[pa] != mask[pb])).sum()),
                                       int(specific.sum()), "no_specific_pair")

    others = ~municipal
    if not (others[pa] & others[pb]).any():
        out["hub_dependence"] = (math.nan, 0, "no_partner_tie")
    else:
        def connected_pairs(keep_edges):
            graph = csr_array((np.ones(int(keep_edges.sum())),
                               (pa[keep_edges], pb[keep_edges])), shape=(n, n))
            _, labels = connected_components(graph, directed=False)
            counts = np.bincount(labels[others], minlength=labels.max() + 1)
            return int((counts * (counts - 1) // 2).sum())

        before = connected_pairs(np.ones(len(pa), dtype=bool))
        after = connected_pairs(others[pa] & others[pb])
        out["hub_dependence"] = _ratio(before - after, before, "no_partner_tie")
    return out


def _note(n, reason):
    """The key of why a value is undefined or weak ("" when nothing needs saying)."""
    if reason:
        return reason
    if n < FEW:
        return "few_observations"
    return ""


@analysis(legacy=("wave", "types", "lang", "confirmed_only"), dropped=("lang",))
def relational_profile(case, *, wave=None, types=None, confirmed_only=False):
    """The relational indicators of a wave (version 2).

    Parameters
    ----------
    <<case, wave, types, confirmed_only>>

    Returns
    -------
    DataFrame
        One row per indicator: indicator (key), lesson, value, n (the denominator), note
        (a key: why a value is undefined, or ``few_observations`` when n < 10; empty when
        nothing needs saying) and params (the note's parameters). `relnet.show` and the
        report put notes into words; the survey's response rate, which every display of
        the profile states once, is `relnet.present.words.response_note`.

    See Also
    --------
    lesson_scores : lessons 2, 3 and 6, which have no network indicator.

    Notes
    -----
    Definitions, edge cases and sources: ``docs/indicators.md``.

    Examples
    --------
    >>> import relnet
    >>> case = relnet.load_example("haverdonk")
    >>> p15 = relnet.relational_profile(case, wave=2015).set_index("indicator")["value"]
    >>> p17 = relnet.relational_profile(case, wave=2017).set_index("indicator")["value"]
    >>> bool(p15["hub_dependence"] > p17["hub_dependence"])
    True
    """
    snap = snapshot(case, wave, types, confirmed_only)
    values = snap.cached("indicators", lambda: indicator_values_fast(snap))
    rows = []
    for name, lesson in INDICATORS.items():
        value, n, reason = values[name]
        rows.append({"indicator": name, "lesson": lesson, "value": value, "n": int(n),
                     "note": _note(n, reason), "params": {"n": int(n)}})
    frame = pd.DataFrame(rows)
    frame["lesson"] = frame["lesson"].astype("Int64")
    return frame


@analysis
def district_profile(case, *, wave=None):
    """Variation between districts (wijken), for actors that carry a `district`.

    One row per district: district, actors, informal_reach (the share of the district's
    informal actors with a tie to a municipal actor; NaN without informal actors), density
    (links among the district's actors / possible pairs) and external_share (of the links
    with at least one end in the district, the share that leaves it). Empty when no actor
    has a district.

    >>> import relnet
    >>> d = district_profile(relnet.load_example("welderhoven"))
    >>> sorted(d["district"])
    ['Buitengebied', 'Hoven', 'Molenwijk', 'Welde']
    """
    snap = snapshot(case, wave)
    actors = snap.actors
    columns = ["district", "actors", "informal_reach", "density", "external_share"]
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
    kind = actors["kind"].to_numpy(dtype=object)
    municipal = np.isin(kind, list(MUNICIPAL_KINDS))
    informal = np.isin(kind, list(INFORMAL_KINDS))
    reached = np.zeros(len(actors), dtype=bool)
    reached[arrays.v[municipal[arrays.u] & ~municipal[arrays.v]]] = True
    reached[arrays.u[municipal[arrays.v] & ~municipal[arrays.u]]] = True
    n_informal = np.bincount(code, weights=informal, minlength=k)
    n_reached = np.bincount(code, weights=informal & reached, minlength=k)
    pairs = size * (size - 1) / 2
    touching = inside + leaving
    with np.errstate(divide="ignore", invalid="ignore"):
        frame = pd.DataFrame({
            "district": names, "actors": size,
            "informal_reach": np.where(n_informal > 0, n_reached / n_informal, np.nan),
            "density": np.where(size > 1, inside / np.where(pairs > 0, pairs, 1), np.nan),
            "external_share": np.where(touching > 0, leaving / np.where(touching > 0,
                                                                        touching, 1), np.nan)})
    return frame[frame["district"] != ""].reset_index(drop=True)[columns]

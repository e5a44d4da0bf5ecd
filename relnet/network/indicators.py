"""The relational profile: lessons of the relationship-oriented municipality as network
indicators, version 3 (definitions, sources and edge cases: ``docs/indicators.md``).

Relational tie types are collaboration, information, support and referral; transactional
ones are funding, contract and governance. Municipal actors are of kind municipality,
department, administrator, manager, council or district_team unless the actor's `municipal`
column says otherwise; informal actors are citizen initiatives, informal carers and key
persons; providers care providers, welfare organisations and district teams. A *pair* is two
distinct actors present in the wave joined by at least one selected tie, in either direction.

Version 3 measures behaviour rather than coding: mutuality needs answers from both sides
(or directed ties both ways), going out is weighed against meeting inside the town hall,
nested domain sets do not cross, informal reach counts only helpers known outside the
municipality, and facilitation follows the direction of funding and support. Every value
comes with its actor jackknife standard error (`se`; Snijders & Borgatti 1999).

`indicator_values` computes the values of one wave's actors and ties; `relational_profile`
adds the jackknife and the notes. The tests compare it with an independent reading of the
definitions, pair by pair.
"""

import math

import numpy as np
import pandas as pd

from ..data._checks import wave_response
from ..data.arguments import analysis
from ..data.vocab import INFORMAL_KINDS, MUNICIPAL_KINDS, PROVIDER_KINDS, RELATIONAL_TYPES
from ._cache import snapshot

__all__ = ["relational_profile", "INDICATORS", "indicator_values", "municipal_mask",
           "register_indicator", "unregister_indicator", "registered_indicators",
           "district_profile", "reporting", "FEW", "FEW_PARTNER_TIES", "JACKKNIFE_LIMIT"]

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
FEW_PARTNER_TIES = 10  # hub_dependence resting on fewer ties between partners is noted
JACKKNIFE_LIMIT = 1000  # se="auto" leaves `se` out above this many actors (n recomputations)
ADMINISTRATIVE_KINDS = frozenset({"administrator", "manager"})
FACILITATING_TYPES = frozenset({"funding", "support"})
_DOMAIN_BITS = {d: 1 << i for i, d in enumerate(
    ["work", "care", "youth", "education", "health", "welfare", "housing", "income", "safety"])}
_REGISTERED = {}  # name -> (fn, lesson)


def municipal_mask(actors):
    """Whether each actor counts as municipal: its `municipal` column where filled, else its
    kind (municipality, department, administrator, manager, council, district_team).

    >>> import pandas as pd
    >>> actors = pd.DataFrame({"kind": ["district_team", "district_team", "care_provider"],
    ...                        "municipal": pd.array([None, False, None], dtype="boolean")})
    >>> municipal_mask(actors).tolist()
    [True, False, False]
    """
    by_kind = actors["kind"].isin(MUNICIPAL_KINDS)
    if "municipal" not in actors:
        return by_kind.to_numpy(dtype=bool)
    return actors["municipal"].astype("boolean").fillna(by_kind).to_numpy(dtype=bool)


def reporting(case, wave):
    """The respondents of a wave (a set of actor ids) when it has reporting data, else None:
    the answered of ``meta["response"]`` for that wave, or else the actors that reported a
    tie in it (`reported_by`)."""
    from .graph import wave_ties

    response = wave_response(case.meta.get("response"), wave)
    if response is not None:
        return set(response["answered"])
    reporters = set(wave_ties(case, wave)["reported_by"].dropna())
    return reporters or None


def _ratio(numerator, denominator, reason):
    """(value, n, reason key): NaN with the reason when the denominator is 0."""
    if denominator == 0:
        return math.nan, 0, reason
    return numerator / denominator, denominator, ""


def indicator_values(actors, ties, municipal, respondents=None):
    """The indicators of one wave (version 3).

    Parameters
    ----------
    actors : DataFrame
        The actors present (id, kind, domain).
    ties : DataFrame
        The selected ties between them (source, target, type, directed, reported_by).
    municipal : array of bool
        Per actor (in `actors`' order): part of the municipality (`municipal_mask`).
    respondents : set of str, optional
        The wave's respondents when it has reporting data; None: no reporting data.

    Returns
    -------
    dict
        indicator -> (value, n, reason): n is the denominator, reason a key (the profile's
        `note`) when the value is NaN or needs a word of caution.
    """
    coded = _encode(actors, ties, municipal, respondents)
    return _values(coded, np.ones(coded["n"], dtype=bool))


def _encode(actors, ties, municipal, respondents):
    """The wave as integer arrays, once: actor flags, and per tie its ends, its pair and
    what it says; `_values` then works on any subset of the actors (the jackknife)."""
    n = len(actors)
    index = pd.Index(actors["id"])
    kind = actors["kind"].to_numpy(dtype=object)
    s = index.get_indexer(ties["source"]).astype(np.int64)
    t = index.get_indexer(ties["target"]).astype(np.int64)
    a, b = np.minimum(s, t), np.maximum(s, t)
    pairs, pid = np.unique(a * max(n, 1) + b, return_inverse=True)
    typ = ties["type"].to_numpy(dtype=object)
    rel = np.isin(typ, list(RELATIONAL_TYPES))
    directed = ties["directed"].to_numpy(dtype=bool)
    reporter = ties["reported_by"].astype(object) if "reported_by" in ties else None
    rep = index.get_indexer(reporter.fillna("")) if reporter is not None \
        else np.full(len(ties), -1)
    masks = {cell: sum(_DOMAIN_BITS.get(d, 0) for d in str(cell).split("|"))
             for cell in actors["domain"].dropna().unique()}
    return {
        "n": n, "M": np.asarray(municipal, dtype=bool),
        "informal": np.isin(kind, list(INFORMAL_KINDS)),
        "provider": np.isin(kind, list(PROVIDER_KINDS)),
        "leader": np.isin(kind, list(ADMINISTRATIVE_KINDS)),
        "answered": None if respondents is None else index.isin(list(respondents)),
        "domain": actors["domain"].map(masks).fillna(0).to_numpy(dtype=np.int64),
        "s": s, "t": t, "pid": pid.reshape(-1), "n_pairs": len(pairs),
        "pa": (pairs // max(n, 1)).astype(np.int64), "pb": (pairs % max(n, 1)).astype(np.int64),
        "rel": rel, "directed": directed,
        "facil": np.isin(typ, list(FACILITATING_TYPES)),
        "fwd": rel & directed & (s == a), "bwd": rel & directed & (s == b),
        "rep_a": rel & (rep == a), "rep_b": rel & (rep == b),
        "components": {},  # connected components by set of pairs (`_values`)
    }


def _values(c, present, ties_kept=None, answered=None):
    """The indicators over the `present` actors of an encoded wave (`_encode`); optionally
    only the `ties_kept` and another set of respondents (`answered`, a mask)."""
    n, M = c["n"], c["M"]
    s, t, pid, P = c["s"], c["t"], c["pid"], c["n_pairs"]
    kept = present[s] & present[t]
    if ties_kept is not None:
        kept = kept & ties_kept
    if answered is not None:
        c = {**c, "answered": answered}

    def per_pair(flag):
        return np.bincount(pid[kept & flag], minlength=P) > 0

    exists = per_pair(np.ones(len(s), dtype=bool))
    pa, pb = c["pa"], c["pb"]
    prel = per_pair(c["rel"])
    one_m = exists & (M[pa] != M[pb])
    both_m = exists & M[pa] & M[pb]
    informal = c["informal"] & present
    out = {}

    if (M & present).sum() < 2:
        out["outward_share"] = (math.nan, 0, "one_municipal_actor")
    else:
        outward, inward = int((prel & one_m).sum()), int(both_m.sum())
        out["outward_share"] = _ratio(outward, outward + inward, "no_municipal_pair")

    facil, directed = c["facil"] & kept, c["directed"]
    received = np.zeros(n, dtype=bool)
    received[t[facil & directed & M[s]]] = True
    received[t[facil & ~directed & M[s]]] = True
    received[s[facil & ~directed & M[t]]] = True
    out["informal_facilitation"] = _ratio(int((received & informal).sum()),
                                          int(informal.sum()), "no_informal")

    provider = c["provider"] & present
    k = int(provider.sum())
    out["provider_density"] = _ratio(int((prel & provider[pa] & provider[pb]).sum()),
                                     k * (k - 1) // 2, "few_providers")

    if c["answered"] is not None:
        answered = c["answered"] & present
        asked = prel & one_m & answered[pa] & answered[pb]
        both = asked & per_pair(c["rep_a"]) & per_pair(c["rep_b"])
    else:
        fwd, bwd = per_pair(c["fwd"]), per_pair(c["bwd"])
        asked = one_m & (fwd | bwd)
        both = asked & fwd & bwd
    out["mutuality"] = _ratio(int(both.sum()), int(asked.sum()), "no_mutual_pair")

    known = np.zeros(n, dtype=bool)  # informal actors with a tie outside the municipality
    reached = np.zeros(n, dtype=bool)  # ... and with a municipal actor
    for x, y in ((pa[exists], pb[exists]), (pb[exists], pa[exists])):
        known[x[informal[x] & ~M[y]]] = True
        reached[x[informal[x] & M[y]]] = True
    out["informal_reach"] = _ratio(int((known & reached).sum()), int(known.sum()),
                                   "no_informal_outside")

    leader = c["leader"] & present
    reach = int((prel & leader[pa] & ~M[pb]).sum() + (prel & leader[pb] & ~M[pa]).sum())
    out["administrator_reach"] = _ratio(reach, int(leader.sum()), "no_administrator")

    mask = c["domain"]
    specific = prel & (mask[pa] != 0) & (mask[pb] != 0)
    disjoint = specific & ((mask[pa] & mask[pb]) == 0)
    out["cross_domain_share"] = _ratio(int(disjoint.sum()), int(specific.sum()),
                                       "no_specific_pair")

    others = ~M & present
    partner_ties = int((kept & others[s] & others[t]).sum())
    if not partner_ties:
        out["hub_dependence"] = (math.nan, 0, "no_partner_tie")
    else:
        from scipy.sparse import csr_array
        from scipy.sparse.csgraph import connected_components

        # the components of a set of pairs; the permutation baseline asks for the same
        # whole graph in every permutation (only the roles move), so they are kept in the
        # encoding, by the set of pairs
        components = c["components"]

        def connected_pairs(keep):
            key = keep.tobytes()
            labels = components.get(key)
            if labels is None:
                graph = csr_array((np.ones(int(keep.sum())), (pa[keep], pb[keep])),
                                  shape=(n, n))
                labels = connected_components(graph, directed=False)[1]
                if len(components) < 4:
                    components[key] = labels
            counts = np.bincount(labels[others], minlength=labels.max() + 1)
            return int((counts * (counts - 1) // 2).sum())

        before = connected_pairs(exists)
        after = connected_pairs(exists & others[pa] & others[pb])
        value, count, reason = _ratio(before - after, before, "no_partner_tie")
        if not reason and partner_ties < FEW_PARTNER_TIES:
            reason = "few_partner_ties"
        out["hub_dependence"] = (value, count, reason)
    return out


def _note(n, reason):
    """The key of why a value is undefined or weak ("" when nothing needs saying)."""
    if reason:
        return reason
    if n < FEW:
        return "few_observations"
    return ""


def _jackknife(values):
    """The actor jackknife standard error from the leave-one-out values (NaN dropped):
    sqrt((k - 1) / k * sum (theta_i - mean)^2) over the k defined; NaN when k < 3.

    >>> round(_jackknife([0.5, 0.6, 0.7, float("nan")]), 4)  # sqrt(2/3 * 0.02)
    0.1155
    """
    theta = np.asarray([v for v in values if not math.isnan(v)], dtype=float)
    k = len(theta)
    if k < 3:
        return math.nan
    return float(math.sqrt((k - 1) / k * ((theta - theta.mean()) ** 2).sum()))


def _profile_of(snap, respondents, se):
    """indicator -> (value, n, reason, se) for a snapshot."""
    actors = snap.actors
    coded = _encode(actors, snap.ties, municipal_mask(actors), respondents)
    n = coded["n"]
    values = _values(coded, np.ones(n, dtype=bool))
    registered = {name: fn for name, (fn, _) in _REGISTERED.items()}
    for name, fn in registered.items():
        values[name] = (float(fn(snap.graph)), n, "")
    if not se:
        return {k: (*v, math.nan) for k, v in values.items()}
    leave_out = {name: [] for name in values}
    ids = actors["id"].to_numpy(dtype=object)
    for i in range(n):
        present = np.ones(n, dtype=bool)
        present[i] = False
        theta = _values(coded, present)
        for name in INDICATORS:
            leave_out[name].append(theta[name][0])
        if registered:
            graph = snap.graph.copy()
            graph.remove_node(ids[i])
            for name, fn in registered.items():
                leave_out[name].append(float(fn(graph)))
    return {name: (*values[name], _jackknife(leave_out[name])) for name in values}


@analysis(legacy=("wave", "types", "lang", "confirmed_only"), dropped=("lang",))
def relational_profile(case, *, wave=None, types=None, confirmed_only=False, se="auto"):
    """The relational indicators of a wave (version 3), each with its standard error.

    Parameters
    ----------
    <<case, wave, types, confirmed_only>>
    se : bool or "auto"
        Compute the actor jackknife standard error (one recomputation per actor); "auto":
        up to `JACKKNIFE_LIMIT` (1,000) actors.

    Returns
    -------
    DataFrame
        One row per indicator (then the registered ones, `register_indicator`): indicator
        (key), lesson, value, n (the denominator; for administrator_reach the number of
        administrators and managers), se (the actor jackknife standard error; NaN with fewer
        than 3 defined leave-one-out values, or when not computed: see `se`), note (a key:
        why a value is undefined or weak, e.g. ``one_municipal_actor``, ``no_mutual_pair``,
        ``few_partner_ties``, ``few_observations`` when n < 10; empty when nothing needs
        saying) and params (the note's parameters). `relnet.show` and the report put notes
        into words; the survey's response rate, which every display of the profile states
        once, is `relnet.present.words.response_note`.

    See Also
    --------
    lesson_scores : lessons 2, 3 and 6, which have no network indicator.
    indicator_baseline : each value against the same network with its roles handed out at
        random.

    Notes
    -----
    Definitions, edge cases and sources: ``docs/indicators.md``; the jackknife (Snijders &
    Borgatti 1999): ``docs/statistics.md``. administrator_reach is a count per person, not a
    share: tables and figures show it apart from the shares.

    Examples
    --------
    >>> import relnet
    >>> case = relnet.load_example("haverdonk")
    >>> p15 = relnet.relational_profile(case, wave=2015).set_index("indicator")
    >>> p17 = relnet.relational_profile(case, wave=2017).set_index("indicator")
    >>> bool(p15.loc["hub_dependence", "value"] > p17.loc["hub_dependence", "value"])
    True
    >>> bool(p17.loc["hub_dependence", "se"] > 0)
    True
    """
    snap = snapshot(case, wave, types, confirmed_only)
    respondents = reporting(case, wave)
    jackknife = len(snap.actors) <= JACKKNIFE_LIMIT if se == "auto" else bool(se)
    key = ("indicators", tuple(sorted(_REGISTERED)), jackknife,
           None if respondents is None else tuple(sorted(respondents)))
    values = snap.cached(key, lambda: _profile_of(snap, respondents, jackknife))
    rows = []
    lessons = {**INDICATORS, **{name: lesson for name, (_, lesson) in _REGISTERED.items()}}
    for name, lesson in lessons.items():
        value, n, reason, se = values[name]
        rows.append({"indicator": name, "lesson": lesson, "value": value, "n": int(n),
                     "se": se, "note": _note(n, reason) if name in INDICATORS else reason,
                     "params": {"n": int(n)}})
    frame = pd.DataFrame(rows)
    frame["lesson"] = frame["lesson"].astype("Int64")
    frame["value"] = frame["value"].astype(float)
    frame["se"] = frame["se"].astype(float)
    return frame


def register_indicator(name, fn, lesson=None):
    """Add an analyst's own indicator to the profile (and so to the baseline, the benchmark
    and the report).

    Parameters
    ----------
    name : str
        Its key; not one of relnet's indicators.
    fn : callable
        ``fn(G) -> float`` (NaN allowed), where G is the wave's graph as `relnet.to_graph`
        gives it (node attributes kind, domain and municipal, the last one resolved).
    lesson : int, optional
        The lesson (1-10) it speaks to.

    Returns
    -------
    None

    Examples
    --------
    >>> import relnet
    >>> def isolated(G):
    ...     return sum(1 for n in G if G.degree(n) == 0) / max(len(G), 1)
    >>> register_indicator("isolated_share", isolated, lesson=8)
    >>> p = relnet.relational_profile(relnet.load_example("haverdonk"))
    >>> int(p.set_index("indicator").loc["isolated_share", "lesson"])
    8
    >>> unregister_indicator("isolated_share")
    """
    if name in INDICATORS:
        raise ValueError(f"'{name}' is one of relnet's indicators; choose another name")
    if lesson is not None and int(lesson) not in range(1, 11):
        raise ValueError(f"lesson {lesson} is not a lesson; accepted: 1-10 or None")
    if not callable(fn):
        raise TypeError("fn must be a function of a graph returning a number")
    _REGISTERED[name] = (fn, None if lesson is None else int(lesson))


def unregister_indicator(name):
    """Remove an indicator added with `register_indicator` (no error if it is not there)."""
    _REGISTERED.pop(name, None)


def registered_indicators():
    """The indicators added with `register_indicator`: name -> lesson."""
    return {name: lesson for name, (_, lesson) in _REGISTERED.items()}


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
    municipal = municipal_mask(actors)
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

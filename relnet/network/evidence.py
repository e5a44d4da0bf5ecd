"""Uncertainty and baselines of the relational indicators: is a value more than chance, more
than the network's make-up gives, and more than who happened to answer?

- `indicator_baseline`: each indicator against the **attribute permutation null**: the ties
  stay exactly as observed and the attributes that define the groups (kind, domain,
  municipal, person) are handed out again at random, jointly, among the actors present.
- `layer_correlation`: the graph correlation of two tie types and its QAP p-values
  (Krackhardt 1987), as R's sna computes them (``gcor``, ``qaptest``).
- `nonresponse_sensitivity`: the spread of each indicator when a further random share of
  respondents, equal to the observed non-response, is left out with the ties only they
  reported.

Definitions and references: ``docs/statistics.md``. Every function is seeded: the same seed
gives the same numbers.
"""

import math

import numpy as np
import pandas as pd

from ..data.arguments import analysis, normalise_types
from ._cache import snapshot
from .graph import present_actors, wave_ties
from .indicators import (
    INDICATORS,
    _encode,
    _values,
    municipal_mask,
    relational_profile,
    reporting,
)

__all__ = ["indicator_baseline", "layer_correlation", "nonresponse_sensitivity",
           "graph_correlation", "profile_evidence", "coding_sensitivity", "Z95"]

Z95 = 1.959964  # the normal quantile of a two-sided 95% range

# what the permutation moves: the group-defining attributes, jointly
_PERMUTED = ("M", "informal", "provider", "leader", "domain")


def _percentile(observed, null):
    """(count below + half the count equal) / the permutations where defined."""
    null = null[~np.isnan(null)]
    if math.isnan(observed) or not len(null):
        return math.nan
    return float(((null < observed).sum() + 0.5 * (null == observed).sum()) / len(null))


@analysis
def indicator_baseline(case, *, wave=None, types=None, reps=1000, seed=0):
    """Each indicator against the same network with its roles handed out at random.

    Parameters
    ----------
    <<case, wave, types>>
    reps : int
        Permutations (1,000 by default).
    seed : int
        Seed of the permutations: the same seed gives the same numbers.

    Returns
    -------
    DataFrame
        One row per indicator of relnet's own (`relnet.relational_profile`; a registered
        indicator is a function of a graph and is not permuted here): indicator, value
        (observed), null_mean, null_low and null_high (5th and 95th percentile of the null),
        percentile ((count below + half the count equal) / null_defined), null_defined
        (permutations where the indicator is defined), reps.

    See Also
    --------
    relational_profile : the values and their standard errors.

    Notes
    -----
    The null keeps every tie as observed and permutes the attributes that define the groups
    (kind, domain, municipal, person) jointly among the actors present, so it answers "is
    this higher than the same network would give if the roles were handed out at random?"
    (a conditional uniform graph test in the sense of Butts 2008, conditioning on the whole
    graph). An indicator that is 1 by construction has a null range that reaches 1 too.

    References
    ----------
    .. [1] Butts, C. T. (2008). Social network analysis: a methodological introduction.
       Asian Journal of Social Psychology, 11(1), 13-41.

    Examples
    --------
    >>> import relnet
    >>> b = indicator_baseline(relnet.load_example("haverdonk"), reps=200).set_index(
    ...     "indicator")
    >>> bool(0 <= b.loc["hub_dependence", "percentile"] <= 1)
    True
    """
    snap = snapshot(case, wave, types)
    actors = snap.actors
    coded = _encode(actors, snap.ties, municipal_mask(actors), reporting(case, wave))
    n = coded["n"]
    present = np.ones(n, dtype=bool)
    observed = _values(coded, present)
    rng = np.random.default_rng(seed)
    null = {name: np.full(reps, np.nan) for name in INDICATORS}
    for r in range(reps):
        order = rng.permutation(n)
        permuted = {**coded, **{key: coded[key][order] for key in _PERMUTED}}
        for name, (value, _, _) in _values(permuted, present).items():
            null[name][r] = value
    rows = []
    for name in INDICATORS:
        values = null[name]
        defined = values[~np.isnan(values)]
        value = observed[name][0]
        rows.append({
            "indicator": name, "value": value,
            "null_mean": float(defined.mean()) if len(defined) else math.nan,
            "null_low": float(np.percentile(defined, 5)) if len(defined) else math.nan,
            "null_high": float(np.percentile(defined, 95)) if len(defined) else math.nan,
            "percentile": _percentile(value, values), "null_defined": int(len(defined)),
            "reps": int(reps)})
    return pd.DataFrame(rows)


def _adjacency(ties, index, types):
    """The binary adjacency matrix of some tie types: a directed tie fills (source,
    target), an undirected one both cells."""
    n = len(index)
    matrix = np.zeros((n, n), dtype=float)
    chosen = ties[ties["type"].isin(types).to_numpy(dtype=bool)]
    s = index.get_indexer(chosen["source"])
    t = index.get_indexer(chosen["target"])
    directed = chosen["directed"].to_numpy(dtype=bool)
    matrix[s, t] = 1.0
    matrix[t[~directed], s[~directed]] = 1.0
    return matrix


def graph_correlation(x, y):
    """The product-moment correlation of two adjacency matrices over their off-diagonal
    cells (sna's ``gcor`` with ``mode="digraph"``, ``diag=FALSE``); NaN when one is
    constant.

    >>> import numpy as np
    >>> x = np.array([[0, 1, 0], [1, 0, 0], [0, 1, 0]])
    >>> round(graph_correlation(x, x.T), 4)
    0.3333
    """
    off = ~np.eye(len(x), dtype=bool)
    a, b = np.asarray(x, dtype=float)[off], np.asarray(y, dtype=float)[off]
    if a.std() == 0 or b.std() == 0:
        return math.nan
    return float(np.corrcoef(a, b)[0, 1])


@analysis
def layer_correlation(case, a, b, *, wave=None, reps=1000, seed=0):
    """The graph correlation of two tie types and its QAP p-values: "do we fund whom we work
    with?".

    Parameters
    ----------
    <<case>>
    a, b : str or list of str
        The tie types of the two layers (English or Dutch keys), e.g. ``"funding"`` and
        ``"samenwerking"``.
    wave : int, optional
        None: the latest.
    reps : int
        QAP permutations (1,000 by default).
    seed : int
        Seed of the permutations.

    Returns
    -------
    Series
        a, b (tuples of English keys), n (actors present), correlation (sna's ``gcor``:
        over the ordered pairs of distinct actors, an undirected tie filling both cells),
        p_greater and p_less (the share of row/column permutations of the second matrix
        with a correlation at least / at most the observed one, as sna's ``qaptest``),
        reps.

    Notes
    -----
    QAP (Krackhardt 1987; Dekker, Krackhardt & Snijders 2007) keeps each layer's structure
    and breaks only the link between the two by relabelling the actors of one layer.

    References
    ----------
    .. [1] Krackhardt, D. (1987). QAP partialling as a test of spuriousness. Social
       Networks, 9(2), 171-186.
    .. [2] Dekker, D., Krackhardt, D., & Snijders, T. A. B. (2007). Sensitivity of MRQAP
       tests to collinearity and autocorrelation conditions. Psychometrika, 72(4), 563-581.

    Examples
    --------
    >>> import relnet
    >>> r = layer_correlation(relnet.load_example("haverdonk"), "funding", "collaboration",
    ...                       reps=200)
    >>> bool(-1 <= r["correlation"] <= 1 and 0 <= r["p_greater"] <= 1)
    True
    """
    a, b = normalise_types(a), normalise_types(b)
    actors = present_actors(case, wave)
    index = pd.Index(actors["id"])
    ties = wave_ties(case, wave)
    x, y = _adjacency(ties, index, a), _adjacency(ties, index, b)
    observed = graph_correlation(x, y)
    rng = np.random.default_rng(seed)
    null = np.empty(reps)
    for r in range(reps):
        order = rng.permutation(len(index))
        null[r] = graph_correlation(x, y[np.ix_(order, order)])
    defined = null[~np.isnan(null)]
    # a relabelling that gives the observed correlation counts on both sides, also when
    # floating point puts it a last bit away
    tie = 1e-12 * max(1.0, abs(observed)) if not math.isnan(observed) else 0
    greater = float((defined >= observed - tie).mean()) if len(defined) and \
        not math.isnan(observed) else math.nan
    less = float((defined <= observed + tie).mean()) if len(defined) and \
        not math.isnan(observed) else math.nan
    return pd.Series({"a": a, "b": b, "n": len(index), "correlation": observed,
                      "p_greater": greater, "p_less": less, "reps": int(reps)})


@analysis
def nonresponse_sensitivity(case, *, wave=None, reps=200, seed=0):
    """How much each indicator depends on who happened to answer the survey.

    Parameters
    ----------
    <<case>>
    wave : int, optional
        None: the latest.
    reps : int
        Random further non-responses (200 by default).
    seed : int
        Seed of the draws.

    Returns
    -------
    DataFrame
        One row per indicator: indicator, value (observed), low and high (5th and 95th
        percentile over the draws where it is defined), spread (high - low), defined (draws
        where it is defined), removed (respondents left out per draw), reps. Empty values
        (NaN, removed 0) when the wave has no reporting data or everyone asked answered.

    Notes
    -----
    Each draw leaves out a further random set of respondents as large as the observed
    non-response (the asked who did not answer, as a share of the respondents) together
    with the ties only they reported (a tie that another respondent reported too stays).
    A large spread says the value depends on who answered.

    Examples
    --------
    >>> import relnet
    >>> s = nonresponse_sensitivity(relnet.load_example("haverdonk"), reps=50)
    >>> int(s["removed"].iloc[0]) > 0
    True
    """
    from .quality import response_counts

    snap = snapshot(case, wave)
    actors, ties = snap.actors, snap.ties
    respondents = reporting(case, wave)
    coded = _encode(actors, ties, municipal_mask(actors), respondents)
    n = coded["n"]
    present = np.ones(n, dtype=bool)
    observed = _values(coded, present)
    counts = response_counts(case, wave=wave)
    index = pd.Index(actors["id"])
    removed = 0
    if respondents is not None and counts is not None and counts[1]:
        answered, asked = counts
        share = 1 - answered / asked
        removed = int(round(share * len(respondents)))
    rows = {name: np.full(reps, np.nan) for name in INDICATORS}
    if removed:
        answering = np.flatnonzero(index.isin(list(respondents)))
        reporter = index.get_indexer(ties["reported_by"].astype(object).fillna(""))
        rng = np.random.default_rng(seed)
        for r in range(reps):
            out = rng.choice(answering, size=min(removed, len(answering)), replace=False)
            silent = np.zeros(n, dtype=bool)
            silent[out] = True
            kept = (reporter < 0) | ~silent[np.maximum(reporter, 0)]
            mask = coded["answered"] & ~silent
            for name, (value, _, _) in _values(coded, present, kept, mask).items():
                rows[name][r] = value
    out = []
    for name in INDICATORS:
        values = rows[name][~np.isnan(rows[name])]
        low = float(np.percentile(values, 5)) if len(values) else math.nan
        high = float(np.percentile(values, 95)) if len(values) else math.nan
        out.append({"indicator": name, "value": observed[name][0], "low": low, "high": high,
                    "spread": high - low, "defined": int(len(values)), "removed": removed,
                    "reps": int(reps)})
    return pd.DataFrame(out)


@analysis
def profile_evidence(case, *, wave=None, types=None, reps=1000, seed=0):
    """The relational profile with what each value rests on: its interval and its baseline.

    Parameters
    ----------
    <<case, wave, types>>
    reps, seed : int
        Permutations of the baseline and their seed (`indicator_baseline`).

    Returns
    -------
    DataFrame
        The columns of `relnet.relational_profile`, then ci_low and ci_high (value ± 1.96 se,
        cut at the scale: 0-1 for the shares, 0 upward for administrator_reach), null_low
        and null_high (the baseline's 5th-95th percentile range) and reading (a key:
        ``above_null`` when the value lies above the baseline range, ``below_null`` below
        it, ``within_null`` inside it: not to be told from randomly handed-out roles; empty
        when undefined).

    Examples
    --------
    >>> import relnet
    >>> e = profile_evidence(relnet.load_example("haverdonk"), reps=200).set_index("indicator")
    >>> e.loc["provider_density", "reading"]
    'above_null'
    """
    profile = relational_profile(case, wave=wave, types=types)
    base = snapshot(case, wave, types).cached(
        ("baseline", reps, seed, reporting(case, wave) is not None),
        lambda: indicator_baseline(case, wave=wave, types=types, reps=reps,
                                   seed=seed).set_index("indicator"))
    out = profile.copy()
    upper = np.where(out["indicator"] == "administrator_reach", np.inf, 1.0)
    value, se = out["value"].to_numpy(dtype=float), out["se"].to_numpy(dtype=float)
    out["ci_low"] = np.maximum(0.0, value - Z95 * se)
    out["ci_high"] = np.minimum(upper, value + Z95 * se)
    out["null_low"] = out["indicator"].map(base["null_low"]).astype(float)
    out["null_high"] = out["indicator"].map(base["null_high"]).astype(float)
    low, high = out["null_low"].to_numpy(), out["null_high"].to_numpy()
    out["reading"] = np.select(
        [np.isnan(value) | np.isnan(low), value > high, value < low],
        ["", "above_null", "below_null"], "within_null")
    return out


@analysis
def coding_sensitivity(case, *, wave=None, types=None):
    """The indicators with the wijkteams counted as municipal and as independent, when the
    case has wijkteams whose `municipal` cell is empty (the classification was assumed).

    Parameters
    ----------
    <<case, wave, types>>

    Returns
    -------
    DataFrame
        One row per indicator: indicator, as_municipal (the district teams as part of the
        municipality, the default by kind), as_independent (as independent foundations),
        difference; empty when no present district team has an empty `municipal` cell.

    Examples
    --------
    >>> import relnet
    >>> t = coding_sensitivity(relnet.load_example("haverdonk"), wave=2017)
    >>> round(float(t.set_index("indicator").loc["informal_facilitation", "as_independent"]), 3)
    0.214
    """
    snap = snapshot(case, wave, types)
    actors = snap.actors
    assumed = (actors["kind"] == "district_team").to_numpy() & \
        actors["municipal"].isna().to_numpy()
    columns = ["indicator", "as_municipal", "as_independent", "difference"]
    if not assumed.any():
        return pd.DataFrame(columns=columns)
    respondents = reporting(case, wave)
    municipal = municipal_mask(actors)
    present = np.ones(len(actors), dtype=bool)
    inside = _values(_encode(actors, snap.ties, municipal, respondents), present)
    outside = _values(_encode(actors, snap.ties, municipal & ~assumed, respondents), present)
    rows = [{"indicator": name, "as_municipal": inside[name][0],
             "as_independent": outside[name][0],
             "difference": outside[name][0] - inside[name][0]} for name in INDICATORS]
    return pd.DataFrame(rows, columns=columns)


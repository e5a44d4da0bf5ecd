"""Transformation over waves and comparison between cases: what changed, side by side."""

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data.arguments import analysis
from ..data.case import Case
from ._cache import snapshot
from ._kernels.centrality import network_metrics_structure
from .graph import collapsed_edges, present_actors, wave_ties
from .indicators import (
    JACKKNIFE_LIMIT,
    _encode,
    _jackknife,
    _values,
    municipal_mask,
    relational_profile,
    reporting,
)
from .metrics import directed_pairs, network_metrics

__all__ = ["wave_changes", "WaveChanges", "compare", "profile_row", "comparable"]


@dataclass
class WaveChanges:
    """What changed between wave `a` and wave `b` of a case.

    Attributes
    ----------
    actors : DataFrame
        id, name, kind, status (added, lost, kept).
    ties : DataFrame
        The links of the collapsed graphs: u, v, status, weight_a, weight_b.
    metrics : DataFrame
        Every network metric and relational indicator (registered metrics included):
        index = metric, columns a, b, difference (b - a), se (the jackknife standard error
        of the difference: indicators up to 1,000 actors present in both waves, network
        metrics up to `METRICS_JACKKNIFE_LIMIT` = 150; NaN above), kind (metric or
        indicator), comparable (the same on every row).
    comparable : bool
        Whether the two waves can be compared: neither has reporting data, or both have a
        response rate of at least 65% and the rates differ by at most 10 points.
    rates : tuple
        The response rates of wave a and b (None for a wave without survey data).
    ties status : added, lost, unknown (a survey without an answer from one side), kept.
    """

    case: str
    a: int
    b: int
    actors: pd.DataFrame
    ties: pd.DataFrame
    metrics: pd.DataFrame
    comparable: bool = True
    rates: tuple = (None, None)

    def counts(self):
        """Numbers of actors and links added, lost and kept, as a small DataFrame."""
        rows = {}
        for label, frame in (("actors", self.actors), ("ties", self.ties)):
            rows[label] = frame["status"].value_counts().reindex(
                ["added", "lost", "unknown", "kept"], fill_value=0)
        return pd.DataFrame(rows).T

    def __repr__(self):
        c = self.counts()
        return (f"WaveChanges({self.case!r}, {self.a} -> {self.b}: actors "
                f"+{c.loc['actors', 'added']} -{c.loc['actors', 'lost']}, links "
                f"+{c.loc['ties', 'added']} -{c.loc['ties', 'lost']})")


def _status(in_a, in_b):
    return "kept" if in_a and in_b else ("added" if in_b else "lost")


def profile_row(case, wave=None, types=None):
    """Network metrics and indicator values of one wave as one Series (metric -> value)."""
    metrics = network_metrics(case, wave=wave, types=types)
    indicators = relational_profile(case, wave=wave, se=False).set_index("indicator")["value"]
    return pd.concat([metrics, indicators])


def comparable(rate_a, rate_b):
    """Whether two waves' results can be compared as a change: neither has survey data, or
    both response rates are at least 65% and differ by at most 10 points.

    >>> comparable(None, None), comparable(0.8, 0.72), comparable(0.4, 0.64)
    (True, True, False)
    >>> comparable(None, 0.9)
    False
    """
    if rate_a is None and rate_b is None:
        return True
    if rate_a is None or rate_b is None or math.isnan(rate_a) or math.isnan(rate_b):
        return False
    return min(rate_a, rate_b) >= 0.65 and abs(rate_a - rate_b) <= 0.10 + 1e-12


def _reciprocity_without(ties):
    """actor -> the reciprocity of the directed ties without that actor (as `_reciprocity`
    on the ties table with the actor's ties removed): each directed pair counted once, and
    its reverse, which has the same two actors, is gone exactly when the pair is."""
    source, target, mutual = directed_pairs(ties)

    def without(actor):
        keep = (source != actor) & (target != actor)
        count = int(keep.sum())
        return float(mutual[keep].sum() / count) if count else math.nan
    return without


def _metrics_without(snap, actor, reciprocity):
    """The network metrics of a snapshot without one actor and its ties (each community
    kept as in the whole network); the tests check them against networkx's
    `network_metrics_of_graph` of the same smaller graph."""
    k = snap.arrays.ids.index(actor)
    return network_metrics_structure(snap.arrays.without_node(k),
                                     np.delete(snap.membership, k), reciprocity(actor))


# network metrics are recomputed for every actor dropped (betweenness is quadratic): their
# se only up to this many actors present in both waves (the indicators' up to JACKKNIFE_LIMIT)
METRICS_JACKKNIFE_LIMIT = 150


def _jackknife_changes(case, a, b):
    """metric or indicator -> the jackknife se of its change, each actor present in both
    waves dropped from both at once (Snijders & Borgatti 1999). Network metrics get one up
    to `METRICS_JACKKNIFE_LIMIT` actors in both waves, indicators up to `JACKKNIFE_LIMIT`."""
    snaps = snapshot(case, a), snapshot(case, b)
    ids = [pd.Index(snap.actors["id"]) for snap in snaps]
    later = set(ids[1])
    both = [actor for actor in ids[0] if actor in later]
    if len(both) > JACKKNIFE_LIMIT:
        return {}
    coded = [_encode(snap.actors, snap.ties, municipal_mask(snap.actors), reporting(case, w))
             for snap, w in zip(snaps, (a, b))]
    with_metrics = len(both) <= METRICS_JACKKNIFE_LIMIT
    reciprocity = [_reciprocity_without(snap.ties) for snap in snaps] if with_metrics else []
    changes = {}
    for actor in both:
        values = []
        for w, (snap, index, code) in enumerate(zip(snaps, ids, coded)):
            present = np.ones(len(index), dtype=bool)
            present[index.get_loc(actor)] = False
            found = {name: v[0] for name, v in _values(code, present).items()}
            if with_metrics:
                found.update(_metrics_without(snap, actor, reciprocity[w]))
            values.append(found)
        for name in values[1]:
            changes.setdefault(name, []).append(values[1][name] - values[0][name])
    return {name: _jackknife(diffs) for name, diffs in changes.items()}


@analysis
def wave_changes(case, a, b):
    """Actors and ties added, lost and kept between waves `a` and `b`, and every metric.

    When wave `b` has reporting data (``meta["response"]``, or ties with `reported_by`), a
    tie of wave `a` that is missing in `b` is "lost" only when both its actors answered in
    `b`; otherwise it is "unknown" (no answer): a non-respondent removes every tie it would
    have named. Each change comes with its jackknife standard error, and the pair of waves
    is marked `comparable` only when their response rates allow it.

    Parameters
    ----------
    <<case>>
    a, b : int
        The two waves, `a` the earlier one (the differences are b - a); None stands for
        the latest wave.

    Returns
    -------
    WaveChanges
        ``case`` (the case's name), ``a`` and ``b``, and three tables:
        ``actors`` (id, name, kind, status: added, lost or kept; every actor present in
        either wave), ``ties`` (the links of the two collapsed graphs over every tie type:
        u, v, status: added, lost, unknown or kept, weight_a, weight_b) and ``metrics``
        (index ``metric``: every network metric, registered ones included, and every
        relational indicator; columns a, b, difference, se (jackknife over the actors present
        in both waves, each dropped from both at once; NaN above 1,000 such actors), kind:
        ``"metric"`` or ``"indicator"``, and comparable); ``comparable`` and ``rates`` (the
        two response rates). ``counts()`` tallies the statuses.

    Raises
    ------
    <<raises_case>>
    ValueError
        `a` or `b` is not one of the case's waves.

    See Also
    --------
    compare : the same metrics side by side for several cases or waves.
    relnet.plot.wave_plot : the changes drawn.

    Notes
    -----
    Metrics and indicators: ``docs/metrics.md`` and ``docs/indicators.md``.

    Examples
    --------
    >>> import relnet
    >>> changes = relnet.wave_changes(relnet.load_example("haverdonk"), 2015, 2017)
    >>> sorted(changes.actors.loc[changes.actors["status"] == "added", "id"])[:3]
    ['bi_eten', 'bi_taal', 'wt_centrum']
    >>> bool(changes.metrics.loc["hub_dependence", "difference"] < 0)
    True
    """
    a, b = case.resolve_wave(a), case.resolve_wave(b)
    ids_a = set(present_actors(case, a)["id"])
    ids_b = set(present_actors(case, b)["id"])
    actors = case.actors[case.actors["id"].isin(ids_a | ids_b)][["id", "name", "kind"]].copy()
    actors["status"] = [_status(i in ids_a, i in ids_b) for i in actors["id"]]

    edges_a = collapsed_edges(wave_ties(case, a)).set_index(["u", "v"])["weight"]
    edges_b = collapsed_edges(wave_ties(case, b)).set_index(["u", "v"])["weight"]
    ties = pd.concat([edges_a.rename("weight_a"), edges_b.rename("weight_b")], axis=1)
    ties["status"] = [_status(pd.notna(x), pd.notna(y))
                      for x, y in zip(ties["weight_a"], ties["weight_b"])]
    ties = ties.reset_index()[["u", "v", "status", "weight_a", "weight_b"]]
    answered = reporting(case, b)
    if answered is not None:
        silent = (ties["status"] == "lost") & ~(ties["u"].isin(answered)
                                                & ties["v"].isin(answered))
        ties.loc[silent.to_numpy(dtype=bool), "status"] = "unknown"

    row_a, row_b = profile_row(case, a), profile_row(case, b)
    metrics = pd.DataFrame({"a": row_a, "b": row_b})
    metrics["difference"] = metrics["b"] - metrics["a"]
    errors = snapshot(case, b).cached(("change_se", a), lambda: _jackknife_changes(case, a, b))
    metrics["se"] = [errors.get(m, math.nan) for m in metrics.index]
    indicator_names = set(relational_profile(case, wave=a, se=False)["indicator"])
    metrics["kind"] = ["indicator" if m in indicator_names else "metric" for m in metrics.index]
    from .quality import response_rate

    rates = (response_rate(case, wave=a), response_rate(case, wave=b))
    metrics["comparable"] = comparable(*rates)
    metrics.index.name = "metric"
    return WaveChanges(case.name, a, b, actors.reset_index(drop=True), ties, metrics,
                       comparable(*rates), rates)


def _items(cases_or_waves):
    """Normalise compare's input to (label, case, wave) triples."""
    if isinstance(cases_or_waves, Case):
        case = cases_or_waves
        return [(case.name, case, w) for w in (case.waves or [None])]
    if isinstance(cases_or_waves, dict):
        cases_or_waves = list(cases_or_waves.items())
    items = []
    for item in cases_or_waves:
        if isinstance(item, Case):
            items.append((item.name, item, item.resolve_wave(None)))
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Case):
            label, case = item  # (label, case) from a dict
            items.append((label, case, case.resolve_wave(None)))
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Case):
            case, wave = item
            items.append((case.name, case, case.resolve_wave(wave)))
        else:
            raise TypeError("compare takes a Case (all its waves), a list of Cases (their "
                            "latest waves), a dict name -> Case, or (Case, wave) pairs")
    return items


def compare(cases_or_waves):
    """One tidy row per case or wave: every network metric and relational indicator.

    Parameters
    ----------
    cases_or_waves : Case, list of Case, dict of name -> Case, or list of (Case, wave)
        A single Case gives one row per wave; several cases give their latest waves.

    Returns
    -------
    DataFrame
        One row per case or wave, in the order given: case (the case's name, or the dict's
        key), municipality, wave (Int64), then the network metrics (registered ones
        included) and the relational indicators, as floats. Every tie type counts.

    Raises
    ------
    TypeError
        `cases_or_waves` is none of the accepted forms.
    CaseError
        A case breaks the contract.
    ValueError
        A wave given in a (Case, wave) pair is not one of that case's waves.

    See Also
    --------
    network_metrics, relational_profile : the values of one wave.
    wave_changes : what changed between two waves.

    Notes
    -----
    Metrics and indicators: ``docs/metrics.md`` and ``docs/indicators.md``.

    Examples
    --------
    >>> import relnet
    >>> cases = [relnet.load_example(n) for n in relnet.list_cases()["name"]]
    >>> table = relnet.compare(cases)
    >>> len(table), list(table.columns[:4])
    (5, ['case', 'municipality', 'wave', 'n_actors'])
    >>> len(relnet.compare(cases[0]))
    2
    """
    rows = []
    for label, case, wave in _items(cases_or_waves):
        row = profile_row(case, wave)
        rows.append(pd.concat([pd.Series({"case": label,
                                          "municipality": case.meta.get("municipality"),
                                          "wave": wave}), row]))
    frame = pd.DataFrame(rows).reset_index(drop=True)
    numeric = [c for c in frame.columns if c not in ("case", "municipality", "wave")]
    frame[numeric] = frame[numeric].astype(float)
    frame["wave"] = frame["wave"].astype("Int64")
    return frame

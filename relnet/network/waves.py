"""Transformation over waves and comparison between cases: what changed, side by side."""

from dataclasses import dataclass

import pandas as pd

from ..data.arguments import analysis
from ..data.case import Case
from .graph import collapsed_edges, present_actors, wave_ties
from .indicators import relational_profile
from .metrics import network_metrics

__all__ = ["wave_changes", "WaveChanges", "compare", "profile_row"]


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
        index = metric, columns a, b, difference (b - a), kind (metric or indicator).
    ties status : added, lost, unknown (a survey without an answer from one side), kept.
    """

    case: str
    a: int
    b: int
    actors: pd.DataFrame
    ties: pd.DataFrame
    metrics: pd.DataFrame

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


def _answered(case, wave):
    """Who answered the survey of a wave (None: the case is not from a survey)."""
    response = case.meta.get("response")
    if isinstance(response, dict) and response.get("wave") == wave:
        return set(response.get("answered", []))
    return None


@analysis
def wave_changes(case, a, b):
    """Actors and ties added, lost and kept between waves `a` and `b`, and every metric.

    When wave `b` comes from a survey (``meta["response"]``), a tie of wave `a` that is
    missing in `b` is "lost" only when both its actors answered in `b`; otherwise it is
    "unknown" (no answer): a non-respondent removes every tie it would have named.

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
        relational indicator; columns a, b, difference, kind: ``"metric"`` or
        ``"indicator"``). ``counts()`` tallies the statuses.

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
    answered = _answered(case, b)
    if answered is not None:
        silent = (ties["status"] == "lost") & ~(ties["u"].isin(answered)
                                                & ties["v"].isin(answered))
        ties.loc[silent.to_numpy(dtype=bool), "status"] = "unknown"

    row_a, row_b = profile_row(case, a), profile_row(case, b)
    metrics = pd.DataFrame({"a": row_a, "b": row_b})
    metrics["difference"] = metrics["b"] - metrics["a"]
    indicator_names = set(relational_profile(case, wave=a, se=False)["indicator"])
    metrics["kind"] = ["indicator" if m in indicator_names else "metric" for m in metrics.index]
    metrics.index.name = "metric"
    return WaveChanges(case.name, a, b, actors.reset_index(drop=True), ties, metrics)


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

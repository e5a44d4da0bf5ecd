"""Tie quality as the PARTNER survey measures it (trust and value), and the survey's response.

A respondent (`reported_by`) rates the *other end* of a tie on six 1-4 scales: reliability,
mission and openness make up trust; power, resources and involvement make up value (Varda
& Retrum, PARTNER Tool, University of Colorado Denver). A rating's trust score is the mean of
its three trust scales (missing scales skipped), likewise for value.

In a network survey a non-respondent removes every tie it would have named, so the structure
is biased toward those who answered. relnet reports the response rate (respondents / actors
asked) with a band wherever network results are shown, after common guidance in
organisational network analysis: 80% or more for statements about single actors, 65-79% for
broad patterns only, below 65% interpret with caution (``docs/statistics.md``).
"""

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data._checks import wave_response
from ..data.arguments import analysis
from .graph import present_actors, wave_ties

__all__ = ["trust_value", "TrustValue", "TRUST_COLUMNS", "VALUE_COLUMNS", "response_rate",
           "response_band", "response_counts", "response_table", "BANDS"]

TRUST_COLUMNS = ("reliability", "mission", "openness")
VALUE_COLUMNS = ("power", "resources", "involvement")
BANDS = (("high", 0.80), ("medium", 0.65), ("low", 0.0))


def response_band(rate):
    """'high' (80% or more), 'medium' (65-79%) or 'low' (below 65%).

    >>> response_band(0.8), response_band(0.7), response_band(0.067)
    ('high', 'medium', 'low')
    """
    return next(name for name, floor in BANDS if rate >= floor)


def _asked(case, wave):
    """The actors present in the wave who were asked to answer the survey."""
    actors = present_actors(case, wave)
    asked = actors["respondent"].astype(bool) if "respondent" in actors else ~actors["person"]
    return list(actors.loc[asked.to_numpy(dtype=bool), "id"])


@analysis
def response_counts(case, *, wave=None):
    """(answered, asked) of the survey of a wave, or None without survey data.

    A case collected with `relnet.survey.collect` records who was asked and who answered in
    ``meta["response"]``, per wave (checked against the case: actor ids, each once, the
    answered among the asked; the older single record is read as its wave's entry);
    otherwise the respondents are the actors that reported ties (`reported_by`), out of the
    actors asked (`respondent`, default every organisation).

    >>> import relnet
    >>> case = relnet.load_example("haverdonk")
    >>> case.meta["response"] = {2017: {"asked": ["gem", "raad"], "answered": ["gem"]}}
    >>> response_counts(case), response_rate(case)
    ((1, 2), 0.5)
    """
    response = wave_response(case.meta.get("response"), wave)
    if response is not None:
        return len(response["answered"]), len(response["asked"])
    reporters = set(wave_ties(case, wave)["reported_by"].dropna())
    if not reporters:
        return None
    asked = _asked(case, wave)
    return len(reporters & set(asked)), len(asked)


@analysis
def response_rate(case, *, wave=None):
    """Respondents / actors asked in a wave; None without survey data (see `response_counts`)."""
    counts = response_counts(case, wave=wave)
    if counts is None:
        return None
    answered, asked = counts
    return answered / asked if asked else math.nan


@dataclass
class TrustValue:
    """Received trust and value per actor, and the network's summary.

    Attributes
    ----------
    actors : DataFrame
        Index actor id; columns name, trust, value (means of the ratings the actor
        received), n_ratings.
    network : Series
        trust and value (means over every rating), n_ratings, raters (distinct respondents
        who rated), respondents, asked, response_rate (NaN without survey data) and
        response_band ('high', 'medium', 'low' or '').
    """

    actors: pd.DataFrame
    network: pd.Series


@analysis
def trust_value(case, *, wave=None):
    """PARTNER-style trust and value scores of a wave (None = latest).

    Parameters
    ----------
    <<case, wave>>

    Returns
    -------
    TrustValue
        ``.actors`` (per actor: name, trust, value, n_ratings) and ``.network`` (means,
        n_ratings, raters, respondents, asked, response_rate, response_band);
        `relnet.present.words.trust_note` says when the scores rest on few raters or a low
        response.

    Examples
    --------
    >>> import relnet
    >>> tv = relnet.trust_value(relnet.load_example("haverdonk"))
    >>> bool(1 <= tv.network["trust"] <= 4 and 0 < tv.network["response_rate"] <= 1)
    True
    >>> list(tv.actors.columns)
    ['name', 'trust', 'value', 'n_ratings']
    """
    actors = present_actors(case, wave)
    ties = wave_ties(case, wave)
    rated = ties[ties["reported_by"].notna().to_numpy(dtype=bool)].copy()
    rated["rated"] = np.where(rated["reported_by"] == rated["target"], rated["source"],
                              rated["target"])
    rated["trust"] = rated[list(TRUST_COLUMNS)].astype(float).mean(axis=1)
    rated["value"] = rated[list(VALUE_COLUMNS)].astype(float).mean(axis=1)
    rated = rated[(rated["trust"].notna() | rated["value"].notna()).to_numpy(dtype=bool)]
    per_actor = rated.groupby("rated").agg(trust=("trust", "mean"), value=("value", "mean"),
                                           n_ratings=("rated", "size"))
    table = actors.set_index("id")[["name"]].join(per_actor)
    table["n_ratings"] = table["n_ratings"].fillna(0).astype("int64")
    table.index.name = "id"
    counts = response_counts(case, wave=wave)
    answered, asked = counts if counts is not None else (0, 0)
    rate = answered / asked if counts is not None and asked else math.nan
    network = pd.Series({
        "trust": rated["trust"].mean() if len(rated) else np.nan,
        "value": rated["value"].mean() if len(rated) else np.nan,
        "n_ratings": float(len(rated)),
        "raters": float(rated["reported_by"].nunique()),
        "respondents": float(answered),
        "asked": float(asked),
        "response_rate": rate,
        "response_band": response_band(rate) if not math.isnan(rate) else "",
    }, dtype=object)
    return TrustValue(table, network)


@analysis
def response_table(case, *, wave=None):
    """Per actor asked in the survey of a wave: id, name, answered, named (ties it reported),
    confirmed (of those, named by both sides).

    >>> import relnet
    >>> t = response_table(relnet.load_example("haverdonk"))
    >>> list(t.columns)
    ['id', 'name', 'answered', 'named', 'confirmed']
    """
    asked = _asked(case, wave)
    ties = wave_ties(case, wave)
    reporters = ties["reported_by"]
    named = reporters.value_counts()
    confirmed = reporters[ties["confirmed"].fillna(False).to_numpy(dtype=bool)].value_counts()
    response = wave_response(case.meta.get("response"), wave)
    if response is not None:
        answered = set(response["answered"])
    else:
        answered = set(reporters.dropna())
    names = case.actors.set_index("id")["name"]
    frame = pd.DataFrame({"id": asked, "name": names.reindex(asked).to_numpy()})
    frame["answered"] = frame["id"].isin(answered)
    frame["named"] = frame["id"].map(named).fillna(0).astype("int64")
    frame["confirmed"] = frame["id"].map(confirmed).fillna(0).astype("int64")
    return frame

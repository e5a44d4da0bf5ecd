"""Tie quality as the PARTNER survey measures it: trust and value, rated by respondents.

A respondent (`reported_by`) rates the *other end* of a tie on six 1-4 scales: reliability,
mission and openness make up trust; power, resources and involvement make up value
(Varda & Retrum, PARTNER Tool, University of Colorado Denver). A rating's trust score is
the mean of its three trust scales (missing scales skipped), likewise for value.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data.arguments import analysis
from .graph import present_actors, wave_ties

__all__ = ["trust_value", "TrustValue", "TRUST_COLUMNS", "VALUE_COLUMNS"]

TRUST_COLUMNS = ("reliability", "mission", "openness")
VALUE_COLUMNS = ("power", "resources", "involvement")


@dataclass
class TrustValue:
    """Received trust and value per actor, and the network's summary.

    Attributes
    ----------
    actors : DataFrame
        Index actor id; columns name, trust, value (means of the ratings the actor
        received), n_ratings.
    network : Series
        trust and value (means over every rating), n_ratings, respondents, actors,
        response_rate (respondents / actors present; NaN when no tie has `reported_by`).
    """

    actors: pd.DataFrame
    network: pd.Series


@analysis
def trust_value(case, wave=None):
    """PARTNER-style trust and value scores of a wave (None = latest).

    Examples
    --------
    >>> import relnet
    >>> tv = relnet.trust_value(relnet.load_example("haverdonk"))
    >>> bool(1 <= tv.network["trust"] <= 4 and 0 < tv.network["response_rate"] <= 1)
    True
    >>> list(tv.actors.columns)
    ['name', 'trust', 'value', 'n_ratings']
    """
    wave = case.resolve_wave(wave)
    actors = present_actors(case, wave)
    ties = wave_ties(case, wave)
    rated = ties[ties["reported_by"].notna()].copy() if "reported_by" in ties else ties.iloc[:0]
    for column in TRUST_COLUMNS + VALUE_COLUMNS:
        if column not in rated:
            rated[column] = np.nan
    # The rated actor is the end that is not the respondent (the target when a third
    # party reports the tie).
    rated["rated"] = np.where(rated["reported_by"] == rated["target"], rated["source"],
                              rated["target"])
    rated["trust"] = rated[list(TRUST_COLUMNS)].astype(float).mean(axis=1)
    rated["value"] = rated[list(VALUE_COLUMNS)].astype(float).mean(axis=1)
    rated = rated[rated["trust"].notna() | rated["value"].notna()]
    per_actor = rated.groupby("rated").agg(trust=("trust", "mean"), value=("value", "mean"),
                                           n_ratings=("rated", "size"))
    table = actors.set_index("id")[["name"]].join(per_actor)
    table["n_ratings"] = table["n_ratings"].fillna(0).astype("int64")
    table.index.name = "id"
    respondents = ties["reported_by"].dropna().nunique() if "reported_by" in ties else 0
    network = pd.Series({
        "trust": rated["trust"].mean() if len(rated) else np.nan,
        "value": rated["value"].mean() if len(rated) else np.nan,
        "n_ratings": float(len(rated)),
        "respondents": float(respondents),
        "actors": float(len(actors)),
        "response_rate": respondents / len(actors) if respondents and len(actors) else np.nan,
    })
    return TrustValue(table, network)

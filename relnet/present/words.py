"""The analyses' keys put into words: the only place where a result becomes sentences.

Analyses (``relnet.network``, ``relnet.instruments``) return keys and parameters: a
strategy ``"leverage"``, an action ``"up+right"``, a rule message ``"no_director"`` with
``{"body": "GGD"}``, an indicator note ``"few_observations"`` with ``{"n": 4}``. This module
words them in the reader's language from the catalogue (`relnet.i18n`): `relnet.show`, the
explorers, the report and the exports all go through it.
"""

import math

import pandas as pd

from .. import i18n
from .._docs import shared

__all__ = ["worded", "word_key", "response_note", "trust_note", "pseudonymised",
           "privacy_note", "privacy_places",
           "count_indicator", "spans", "KEYED_COLUMNS"]

# column -> (catalogue section, separator of a combined key or None, joiner)
KEYED_COLUMNS = {
    "strategy": ("strategy", None, None),
    "target_strategy": ("strategy", None, None),
    "action": ("action", "+", "; "),
    "message": ("rule_message", None, None),
    "note": ("indicator_note", None, None),
}
# columns that hold a key only in the tables of analyses that give its params
_PARAMETRISED = frozenset({"message", "note"})
# values of a column that are keys although the column holds text otherwise
_KEYED_VALUES = {("label", "no_goal"): "goals.no_goal"}
# parameters whose values are keys themselves (a role in a rule message)
_PARAMETER_SECTIONS = {"role": "role"}


def _parameters(params, lang):
    if not isinstance(params, dict):
        return {}
    out = {}
    for name, value in params.items():
        section = _PARAMETER_SECTIONS.get(name)
        if section and isinstance(value, str) and i18n.has(f"{section}.{value}"):
            value = i18n.t(f"{section}.{value}", lang)
        out[name] = value
    return out


@shared
def word_key(value, column, params=None, lang=None):
    """One cell of a keyed column in words; any other value as it is.

    Parameters
    ----------
    value : object
        The cell (a key such as ``"leverage"`` or ``"up+right"``).
    column : str
        Its column: says which catalogue section words it (`KEYED_COLUMNS`).
    params : dict, optional
        The row's parameters (the ``params`` column of `relnet.role_conflicts` and
        `relnet.relational_profile`).
    <<lang>>

    Returns
    -------
    object
        The sentence, or `value` unchanged when it is not a key of that column (a free-text
        note stays as the user wrote it).

    Examples
    --------
    >>> word_key("up+right", "action", lang="en")
    "raise this partner's effectiveness; enter a committed multi-year partnership"
    >>> word_key("few_observations", "note", {"n": 4}, lang="nl")
    'berust op weinig waarnemingen (n = 4)'
    >>> word_key("Stichting houdt het bij", "note", lang="nl")
    'Stichting houdt het bij'
    """
    if not isinstance(value, str):
        return value
    keyed = _KEYED_VALUES.get((column, value))
    if keyed:
        return i18n.t(keyed, lang)
    if column not in KEYED_COLUMNS or not value:
        return value
    section, split, join = KEYED_COLUMNS[column]
    parts = value.split(split) if split else [value]
    if not all(i18n.has(f"{section}.{part}") for part in parts):
        return value
    words = [i18n.t(f"{section}.{part}", lang, **_parameters(params, lang)) for part in parts]
    return join.join(words) if split else words[0]


@shared
def worded(frame, lang=None):
    """A copy of an analysis' table with its keyed columns in words and ``params`` dropped.

    Parameters
    ----------
    frame : DataFrame
        As an analysis returns it.
    <<lang>>

    Returns
    -------
    DataFrame
        The same rows; `KEYED_COLUMNS` (strategy, target_strategy, action, message, note)
        and the "no goal" label as sentences in `lang`; every other column unchanged.

    Examples
    --------
    >>> import relnet
    >>> m = relnet.partner_matrix(relnet.load_example("lindermeer"))
    >>> worded(m, "nl").set_index("actor").loc["jw_west", "target_strategy"]
    'Ga een langdurig, strategisch partnerschap aan en investeer er samen in.'
    """
    lang = i18n.resolve(lang)
    out = frame.copy()
    keyed = "params" in frame.columns  # message and note are keys only beside their params
    params = frame["params"].tolist() if keyed else [None] * len(frame)
    for column in out.columns:
        if column in _PARAMETRISED and not keyed:
            continue  # a user's free-text note stays as written
        if column in KEYED_COLUMNS or any(c == column for c, _ in _KEYED_VALUES):
            out[column] = [word_key(v, column, p, lang)
                           for v, p in zip(frame[column].tolist(), params)]
    return out.drop(columns=["params"]) if "params" in out.columns else out


def spans(lows, highs, lang=None, digits=2):
    """Ranges as a reader writes them ("0,64–1,00"; "–" where a bound is missing).

    >>> spans([0.638, float("nan")], [1.0, 0.5], "nl")
    ['0,64–1,00', '–']
    """
    out = []
    for low, high in zip(lows, highs):
        if pd.isna(low) or pd.isna(high):
            out.append("–")
        else:
            out.append(f"{i18n.number(low, lang, digits, fixed=True)}–"
                       f"{i18n.number(high, lang, digits, fixed=True)}")
    return out


def response_note(case, lang=None, wave=None):
    """The survey's response rate in `wave` (None: the latest) and its band, when the case
    comes from a survey; "" otherwise.

    >>> import relnet
    >>> response_note(relnet.load_example("haverdonk"), "nl")
    'respons 64% (onder 65%: met voorzichtigheid interpreteren)'
    """
    from ..network.quality import response_band, response_rate

    rate = response_rate(case, wave=wave)
    if rate is None or math.isnan(rate):
        return ""
    return i18n.t("indicator_note.response", lang, rate=i18n.percent(rate, lang),
                  band=i18n.t(f"band.{response_band(rate)}", lang))


def trust_note(tv, lang=None):
    """What a reader must know before trusting the scores of `relnet.trust_value`, in plain
    words: the response rate and its band, and few raters ("" when nothing needs saying)."""
    parts = []
    rate = tv.network["response_rate"]
    if not math.isnan(rate):
        parts.append(i18n.t("indicator_note.response", lang, rate=i18n.percent(rate, lang),
                            band=i18n.t(f"band.{tv.network['response_band']}", lang)))
    raters = int(tv.network["raters"])
    if 0 < raters < 3:
        parts.append(i18n.t("quality.few_raters", lang, n=raters))
    return "; ".join(parts)


def pseudonymised(case, lang=None):
    """`relnet.network.privacy.report_pseudonyms` with the reader's word for a person
    ("Persoon 01" in Dutch, "Person 01" in English)."""
    from ..network.privacy import report_pseudonyms

    return report_pseudonyms(case, word=i18n.t("report.person", lang))


def count_indicator(evidence, lang=None):
    """administrator_reach, a count per person, as a sentence apart from the shares, from a
    row of `relnet.network.evidence.profile_evidence` ("" without that row)."""
    rows = evidence[evidence["indicator"] == "administrator_reach"]
    if not len(rows):
        return ""
    row = rows.iloc[0]
    title = i18n.t("indicator.administrator_reach", lang)
    title = title[:1].upper() + title[1:]
    if math.isnan(row["value"]):
        return i18n.t("report.administrator_reach_undefined", lang, title=title,
                      note=word_key(row["note"], "note", row["params"], lang))

    reading = row.get("reading") or ""
    return i18n.t("report.administrator_reach", lang, title=title,
                  value=i18n.number(row["value"], lang, 1), n=int(row["n"]),
                  interval=spans([row["ci_low"]], [row["ci_high"]], lang, 1)[0],
                  baseline=spans([row["null_low"]], [row["null_high"]], lang, 1)[0],
                  reading=i18n.t(f"reading.{reading}", lang) if reading else "–")



def privacy_places(places, lang=None):
    """Places of a case (``"goals.label"``, ``"case.summary"``) in the reader's words.

    >>> privacy_places(["goals.label", "case.summary"], "nl")
    'doelen: omschrijving, casusbeschrijving: samenvatting'
    """
    out = []
    for place in places:
        table, _, column = str(place).partition(".")
        table_text = i18n.t(f"privacy.table_{table}", lang) \
            if i18n.has(f"privacy.table_{table}") else table
        column_text = column
        for key in (f"column.{column}", f"report.{column}"):
            if i18n.has(key):
                column_text = i18n.t(key, lang)
                column_text = column_text[:1].lower() + column_text[1:]
                break
        out.append(i18n.t("privacy.place", lang, table=table_text, column=column_text))
    return ", ".join(out)


def privacy_note(case, lang=None):
    """The sentence that says where pseudonymisation could not be sure (a word that is part
    of a person's name and also an ordinary word or part of an organisation's name was
    left); "" when it was sure everywhere."""
    places = case.meta.get("unsure") or []
    if not places:
        return ""
    return i18n.t("privacy.unsure", lang, places=privacy_places(places, lang))

"""The findings (`relnet.findings`) as sentences a council member reads: the key findings of
the report, `relnet.key_findings` and the explorers."""

import math

from .. import i18n
from .content import LESSONS
from .plot._labels import shorten
from .tables import display_value
from .words import word_key

__all__ = ["finding_sentences", "p_text"]


def p_text(p, lang=None):
    """A p-value as a reader should see it: three decimals, and below 0.001 "p < 0,001"
    (never "p = 0,000").

    >>> p_text(0.0004, "nl"), p_text(0.0312, "nl"), p_text(float("nan"), "en")
    ('p < 0,001', 'p = 0,031', 'p = –')
    """
    if p is not None and not math.isnan(p) and p < 0.001:
        return "p < " + i18n.number(0.001, lang, 3)
    return "p = " + i18n.number(p, lang, 3)


def _join(names, lang, limit=6):
    names = [shorten(str(n), 60) for n in names]
    shown = ", ".join(names[:limit])
    if len(names) > limit:
        shown += " " + i18n.t("common.and_more", lang, n=len(names) - limit)
    return shown


def _rate(rate, lang):
    if rate is None or (isinstance(rate, float) and math.isnan(rate)):
        return i18n.t("report.no_survey", lang)
    return i18n.percent(rate, lang)


def _sentence(row, lang):
    t = i18n.t
    p = dict(row.params)
    kind, key = row.kind, row.key
    if kind == "role_conflict":
        return word_key(key.split(".", 1)[1], "message", p, lang)
    if kind == "uncovered_goal":
        return t(key, lang, label=shorten(p["label"], 80))
    if kind == "unserved_activities":
        return i18n.plural(key, p["n"], lang, hours=i18n.number(round(p["hours"]), lang))
    if kind == "bundle_problem":
        return t(key, lang, bundle=p["bundle"], members=shorten(p["members"], 200),
                 names=_join(p["names"], lang))
    if kind == "bundle":
        move = display_value(p["move"], "move", lang) if p["move"] else \
            t("report.no_common_move", lang)
        return t(key, lang, bundle=p["bundle"], n=p["n"],
                 members=shorten(p["members"], 200), move=move)
    if kind == "phase_out":
        return t(key, lang, names=_join(p["names"], lang))
    if kind == "lesson_gap":
        sentence = t(key, lang, n=p["lesson"], title=LESSONS[p["lesson"]].title(lang),
                     mean=i18n.number(p["mean"], lang, 1, fixed=True),
                     low=i18n.number(p["low"], lang, 1, fixed=True),
                     high=i18n.number(p["high"], lang, 1, fixed=True),
                     cases=p["cases"], p=p_text(p["p"], lang))
        if p["fictional"]:
            sentence += t("report.verdict_fictional", lang)
        return sentence
    if kind == "indicator_change":
        return t(key, lang, indicator=t(f"indicator.{p['indicator']}", lang),
                 a=p["wave_a"], b=p["wave_b"],
                 va=i18n.number(p["value_a"], lang, 2, fixed=True),
                 vb=i18n.number(p["value_b"], lang, 2, fixed=True))
    if key == "report.finding_incomparable":
        ra, rb = (i18n.t("report.response_of", lang, rate=_rate(r, lang))
                  if r is not None else _rate(r, lang) for r in (p["rate_a"], p["rate_b"]))
        return t(key, lang, a=p["a"], b=p["b"], ra=ra, rb=rb)
    if kind == "response":
        return t(key, lang, rate=_rate(p["rate"], lang), band=t(f"band.{p['band']}", lang))
    raise ValueError(f"no wording for a finding of kind {kind!r}")


def finding_sentences(frame, lang=None):
    """The findings of `relnet.findings` as sentences, in their order (strongest first).

    >>> import relnet
    >>> found = finding_sentences(relnet.findings(relnet.load_example("brakkenveen")), "nl")
    >>> "opdrachtgever" in found[0]
    True
    """
    lang = i18n.resolve(lang)
    out = []
    for row in frame.itertuples(index=False):
        text = _sentence(row, lang)
        # a finding is a sentence, also when it opens with a name from the data
        out.append(text[:1].upper() + text[1:])
    return out

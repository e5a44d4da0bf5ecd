"""The 10-lesson self-assessment: scores per lesson with intervals, and a benchmark."""

import math

import numpy as np
import pandas as pd
from scipy import stats

from ..data.arguments import analysis
from ..network.indicators import relational_profile
from .content import LESSONS

__all__ = ["lesson_scores", "lesson_benchmark", "lessons_for_wave"]


def lessons_for_wave(case, wave=None):
    """Answers of a wave (None = latest); answers without a wave count in every wave."""
    wave = case.resolve_wave(wave)
    answers = case.lessons
    if wave is None or not len(answers):
        return answers
    keep = (answers["wave"] == wave).fillna(False) | answers["wave"].isna()
    return answers[keep.to_numpy(dtype=bool)]


def _summary(scores):
    n = len(scores)
    mean = float(np.mean(scores)) if n else math.nan
    if n < 2:
        return n, mean, math.nan, math.nan, math.nan
    sd = float(np.std(scores, ddof=1))
    half = stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n)
    return n, mean, sd, mean - half, mean + half


@analysis
def lesson_scores(case, wave=None):
    """One row per lesson 1-10: lesson, n, mean, sd (n-1), ci_low, ci_high.

    The interval is the 95% t-interval of the mean; sd and interval are NaN when n < 2.

    Examples
    --------
    >>> import relnet
    >>> s = relnet.lesson_scores(relnet.load_example("haverdonk"), wave=2015)
    >>> list(s.columns), len(s)
    (['lesson', 'n', 'mean', 'sd', 'ci_low', 'ci_high'], 10)
    """
    answers = lessons_for_wave(case, wave)
    rows = []
    for lesson in range(1, 11):
        scores = answers.loc[(answers["lesson"] == lesson).fillna(False).to_numpy(dtype=bool),
                             "score"].dropna().to_numpy(dtype=float)
        n, mean, sd, low, high = _summary(scores)
        rows.append({"lesson": lesson, "n": n, "mean": mean, "sd": sd, "ci_low": low,
                     "ci_high": high})
    frame = pd.DataFrame(rows)
    frame["n"] = frame["n"].astype("int64")
    return frame


@analysis
def lesson_benchmark(case, others, wave=None, lang="en"):
    """One case against the pooled answers of other cases, lesson by lesson.

    Columns: lesson, title, mean, ci_low, ci_high (the case), bench_mean, bench_ci_low,
    bench_ci_high (all respondents of the other cases, latest waves), difference, p_value
    (Welch's t-test), differs (p < 0.05), and where the lesson has a network indicator:
    indicator, indicator_value (the case) and indicator_bench (mean over the others).

    >>> import relnet
    >>> cases = [relnet.load_example(n) for n in relnet.list_cases()["name"]]
    >>> b = relnet.lesson_benchmark(cases[1], cases[:1] + cases[2:])
    >>> b.loc[b["lesson"] == 7, "indicator"].item()
    'mutuality'
    """
    others = [o for o in others if o is not case]
    own = lessons_for_wave(case, wave)
    pooled = pd.concat([lessons_for_wave(o) for o in others], ignore_index=True) \
        if others else own.iloc[:0]
    own_profile = relational_profile(case, wave).set_index("indicator")["value"]
    other_profiles = [relational_profile(o).set_index("indicator")["value"] for o in others]
    rows = []
    for lesson in range(1, 11):
        a = own.loc[own["lesson"] == lesson, "score"].dropna().to_numpy(dtype=float)
        b = pooled.loc[pooled["lesson"] == lesson, "score"].dropna().to_numpy(dtype=float) \
            if len(pooled) else np.array([])
        _, mean, _, low, high = _summary(a)
        _, bmean, _, blow, bhigh = _summary(b)
        if len(a) >= 2 and len(b) >= 2:
            p = float(stats.ttest_ind(a, b, equal_var=False).pvalue)
        else:
            p = math.nan
        indicator = LESSONS[lesson]["indicator"]
        rows.append({
            "lesson": lesson, "title": LESSONS[lesson][lang], "mean": mean, "ci_low": low,
            "ci_high": high, "bench_mean": bmean, "bench_ci_low": blow,
            "bench_ci_high": bhigh, "difference": mean - bmean, "p_value": p,
            "differs": bool(p < 0.05) if not math.isnan(p) else False,
            "indicator": indicator,
            "indicator_value": own_profile.get(indicator, math.nan) if indicator else math.nan,
            "indicator_bench": float(np.nanmean([op.get(indicator, math.nan)
                                                 for op in other_profiles]))
            if indicator and other_profiles else math.nan,
        })
    return pd.DataFrame(rows)

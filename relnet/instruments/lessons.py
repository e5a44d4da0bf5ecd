"""The 10-lesson self-assessment: scores per lesson with honest intervals, and a benchmark.

Statistical choices (``docs/statistics.md``): a lesson's mean gets a 95% t-interval only
from 3 answers on (with 2 the interval is meaningless: its width uses a t of 12.7), and is
flagged `few` below 5 answers; an interval may run past the 1-5 scale and is reported to its
real ends. The benchmark compares a case's respondents with the other cases' respondents
with Welch's t-test per lesson, corrects the ten p-values with Holm's method (`_holm`)
and calls a lesson different only when the corrected p is below 0.05; it says when the
other cases are fictional.

References
----------
Welch, B. L. (1947). The generalization of "Student's" problem when several different
population variances are involved. *Biometrika*, 34(1-2), 28-35.

Holm, S. (1979). A simple sequentially rejective multiple test procedure. *Scandinavian
Journal of Statistics*, 6(2), 65-70.
"""

import math

import numpy as np
import pandas as pd

from ..data.arguments import analysis
from ..network.indicators import INDICATORS, relational_profile

__all__ = ["lesson_scores", "lesson_benchmark", "lessons_for_wave", "other_cases", "MIN_INTERVAL",
           "FEW"]

# lesson -> its network indicator (lessons 2, 3 and 6 have none)
LESSON_INDICATOR = {lesson: name for name, lesson in INDICATORS.items() if lesson}

MIN_INTERVAL = 3  # answers needed for an interval
FEW = 5  # fewer answers are flagged


def lessons_for_wave(case, wave=None):
    """Answers of a wave (None = latest); answers without a wave count in every wave."""
    wave = case.resolve_wave(wave)
    answers = case.lessons
    if wave is None or not len(answers):
        return answers
    keep = (answers["wave"] == wave).fillna(False) | answers["wave"].isna()
    return answers[keep.to_numpy(dtype=bool)]


def _summary(scores):
    """n, mean, sd, ci_low, ci_high of a lesson's scores (interval from 3 answers on)."""
    from scipy import stats  # loaded on first use: importing relnet stays light

    n = len(scores)
    mean = float(np.mean(scores)) if n else math.nan
    sd = float(np.std(scores, ddof=1)) if n >= 2 else math.nan
    if n < MIN_INTERVAL:
        return n, mean, sd, math.nan, math.nan
    half = stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n)
    return n, mean, sd, mean - half, mean + half


def _holm(p):
    """Holm's step-down adjustment of p-values (Holm 1979), in the order given.

    Sorted from small to large, the i-th of m p-values (i from 0) becomes (m - i) * p, at
    most 1 and never below the adjusted p-value before it; tied p-values get the same one.

    >>> _holm([0.01, 0.04, 0.03, 0.005]).tolist()
    [0.03, 0.06, 0.06, 0.02]
    """
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(p, kind="stable")
    steps = np.minimum(1.0, (m - np.arange(m)) * p[order])
    adjusted = np.empty(m)
    adjusted[order] = np.maximum.accumulate(steps)
    return adjusted


def _scores(answers, lesson):
    rows = (answers["lesson"] == lesson).fillna(False).to_numpy(dtype=bool)
    return answers.loc[rows, "score"].dropna().to_numpy(dtype=float)


@analysis
def lesson_scores(case, *, wave=None):
    """One row per lesson 1-10: lesson, n, mean, sd, ci_low, ci_high, few.

    Parameters
    ----------
    <<case>>
    wave : int, optional
        None: the latest wave; answers without a wave count in every wave.

    Returns
    -------
    DataFrame
        sd with n-1 (NaN below 2 answers); ci_low/ci_high the 95% t-interval of the mean
        (NaN below 3 answers; not cut at the 1-5 scale); few = n < 5.

    Examples
    --------
    >>> import relnet
    >>> s = relnet.lesson_scores(relnet.load_example("haverdonk"), wave=2015)
    >>> list(s.columns), len(s)
    (['lesson', 'n', 'mean', 'sd', 'ci_low', 'ci_high', 'few'], 10)
    """
    answers = lessons_for_wave(case, wave)
    rows = []
    for lesson in range(1, 11):
        n, mean, sd, low, high = _summary(_scores(answers, lesson))
        rows.append({"lesson": lesson, "n": n, "mean": mean, "sd": sd, "ci_low": low,
                     "ci_high": high, "few": n < FEW})
    frame = pd.DataFrame(rows)
    frame["n"] = frame["n"].astype("int64")
    return frame


def other_cases(case, others):
    """The cases of `others` that are not `case` itself, each checked against the contract:
    a case is itself when its name and municipality are the same (a fresh copy, a case read
    again or typed anew is still the same case)."""
    from ..data._inmemory import check_case

    def identity(c):
        return (str(c.meta.get("name", "")).strip().casefold(),
                str(c.meta.get("municipality", "")).strip().casefold())

    own = identity(case)
    return [checked for checked in map(check_case, others) if identity(checked) != own]


@analysis
def lesson_benchmark(case, others, *, wave=None):
    """One case's self-assessment against the other cases', lesson by lesson.

    Parameters
    ----------
    <<case>>
    others : list of Case
        The cases to compare with (their latest waves), each checked against the contract;
        `case` itself is left out, matched by its name and municipality (`other_cases`).
    wave : int, optional
        The wave of `case`.

    Returns
    -------
    DataFrame
        lesson, n, mean, ci_low, ci_high, few (the case); bench_n, bench_mean,
        bench_ci_low, bench_ci_high (every respondent of the other cases together),
        bench_cases, bench_low, bench_high (the lowest and highest case mean: the spread
        between municipalities that pooling hides); difference, p_value (Welch's t-test),
        p_adjusted (Holm over the ten lessons), differs (p_adjusted < 0.05),
        fictional_benchmark (any other case is fictional); and where the lesson has a
        network indicator: indicator, indicator_value (the case) and indicator_bench (mean
        over the others).

    Examples
    --------
    >>> import relnet
    >>> cases = [relnet.load_example(n) for n in relnet.list_cases()["name"]]
    >>> b = relnet.lesson_benchmark(cases[1], cases[:1] + cases[2:])
    >>> b.loc[b["lesson"] == 7, "indicator"].item(), bool(b["fictional_benchmark"].all())
    ('mutuality', True)
    """
    others = other_cases(case, others)
    own = lessons_for_wave(case, wave)
    theirs = [lessons_for_wave(o) for o in others]
    pooled = pd.concat(theirs, ignore_index=True) if theirs else own.iloc[:0]
    own_profile = relational_profile(case, wave=wave, se=False).set_index("indicator")["value"]
    other_profiles = [relational_profile(o, se=False).set_index("indicator")["value"]
                      for o in others]
    fictional = any(bool(o.meta.get("fictional")) for o in others)
    rows = []
    for lesson in range(1, 11):
        a = _scores(own, lesson)
        b = _scores(pooled, lesson) if len(pooled) else np.array([])
        n, mean, _, low, high = _summary(a)
        bn, bmean, _, blow, bhigh = _summary(b)
        means = [float(np.mean(s)) for s in (_scores(t, lesson) for t in theirs) if len(s)]
        if len(a) >= 2 and len(b) >= 2 and (np.var(a) > 0 or np.var(b) > 0):
            from scipy import stats  # loaded on first use: importing relnet stays light

            p = float(stats.ttest_ind(a, b, equal_var=False).pvalue)
        else:
            p = math.nan
        indicator = LESSON_INDICATOR.get(lesson)
        rows.append({
            "lesson": lesson, "n": n, "mean": mean, "ci_low": low, "ci_high": high,
            "few": n < FEW, "bench_n": bn, "bench_mean": bmean, "bench_ci_low": blow,
            "bench_ci_high": bhigh, "bench_cases": len(means),
            "bench_low": min(means) if means else math.nan,
            "bench_high": max(means) if means else math.nan,
            "difference": mean - bmean, "p_value": p,
            "indicator": indicator,
            "indicator_value": own_profile.get(indicator, math.nan) if indicator else math.nan,
            "indicator_bench": float(np.nanmean([op.get(indicator, math.nan)
                                                 for op in other_profiles]))
            if indicator and other_profiles and any(
                not math.isnan(op.get(indicator, math.nan)) for op in other_profiles)
            else math.nan,
        })
    frame = pd.DataFrame(rows)
    tested = frame["p_value"].notna().to_numpy()
    frame["p_adjusted"] = math.nan
    if tested.any():
        frame.loc[tested, "p_adjusted"] = _holm(frame.loc[tested, "p_value"].to_numpy())
    frame["differs"] = (frame["p_adjusted"] < 0.05).fillna(False).astype(bool)
    frame["fictional_benchmark"] = fictional
    order = ["lesson", "n", "mean", "ci_low", "ci_high", "few", "bench_n", "bench_mean",
             "bench_ci_low", "bench_ci_high", "bench_cases", "bench_low", "bench_high",
             "difference", "p_value", "p_adjusted", "differs", "fictional_benchmark",
             "indicator", "indicator_value", "indicator_bench"]
    frame["indicator"] = frame["indicator"].astype("str")
    return frame[order]

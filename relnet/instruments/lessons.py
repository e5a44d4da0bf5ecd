"""The 10-lesson self-assessment: scores per lesson with honest intervals, and a benchmark.

Statistical choices (``docs/statistics.md``): a lesson's mean gets a 95% t-interval only
from 3 answers on (with 2 the interval is meaningless: its width uses a t of 12.7), and is
flagged `few` below 5 answers; an interval may run past the 1-5 scale and is reported to its
real ends. The benchmark compares a case's respondents with the other cases' respondents
with Welch's t-test per lesson, corrects the ten p-values with Holm's method (`_holm`)
and calls a lesson different only when the corrected p is below 0.05; it says when the
other cases are fictional.

v3: respondents of one municipality are not independent. Per lesson the intraclass
correlation (ICC(1), one-way random effects, cases as groups; Shrout & Fleiss 1979) says how
much of the variation lies between cases, and the t-test uses Kish's effective sample size
n / (1 + (m - 1) ICC), m the respondents per case (Kish 1965). The case itself is never in
its benchmark (`other_cases`), and the other cases' range (lowest and highest case mean) is
given with the pooled mean.

References
----------
Welch, B. L. (1947). The generalization of "Student's" problem when several different
population variances are involved. *Biometrika*, 34(1-2), 28-35.

Holm, S. (1979). A simple sequentially rejective multiple test procedure. *Scandinavian
Journal of Statistics*, 6(2), 65-70.

Kish, L. (1965). *Survey Sampling*. New York: Wiley.

Shrout, P. E., & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater
reliability. *Psychological Bulletin*, 86(2), 420-428.
"""

import math

import numpy as np
import pandas as pd

from ..data.arguments import analysis
from ..network.indicators import INDICATORS, relational_profile

__all__ = ["lesson_scores", "lesson_benchmark", "lessons_for_wave", "other_cases", "icc1",
           "kish_n", "MIN_INTERVAL", "FEW"]

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
    from scipy.special import stdtrit  # first use only: scipy.stats would cost a second

    n = len(scores)
    mean = float(np.mean(scores)) if n else math.nan
    sd = float(np.std(scores, ddof=1)) if n >= 2 else math.nan
    if n < MIN_INTERVAL:
        return n, mean, sd, math.nan, math.nan
    half = stdtrit(n - 1, 0.975) * sd / math.sqrt(n)  # the t quantile
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


def icc1(groups):
    """ICC(1) of scores in groups (one-way random effects, unequal group sizes), cut at 0.

    (MSB - MSW) / (MSB + (n0 - 1) MSW) with n0 = (N - sum n_i^2 / N) / (g - 1); NaN with
    fewer than two groups, no within-group freedom or no variation.

    >>> round(icc1([[1, 2, 3], [4, 5, 6]]), 4)
    0.8065
    >>> icc1([[1, 3], [1, 3]])
    0.0
    """
    groups = [np.asarray(g, dtype=float) for g in groups if len(g)]
    g = len(groups)
    sizes = np.array([len(x) for x in groups], dtype=float)
    total = sizes.sum()
    if g < 2 or total - g < 1:
        return math.nan
    grand = np.concatenate(groups).mean()
    msb = sum(n * (x.mean() - grand) ** 2 for n, x in zip(sizes, groups)) / (g - 1)
    msw = sum(((x - x.mean()) ** 2).sum() for x in groups) / (total - g)
    n0 = (total - (sizes ** 2).sum() / total) / (g - 1)
    denominator = msb + (n0 - 1) * msw
    if denominator <= 0:
        return math.nan
    return float(min(1.0, max(0.0, (msb - msw) / denominator)))


def kish_n(n, cluster_size, icc):
    """Kish's effective sample size n / (1 + (m - 1) ICC); n itself without an ICC.

    >>> kish_n(10, 10, 0.5), kish_n(10, 10, float("nan"))
    (1.8181818181818181, 10.0)
    """
    if math.isnan(icc) or cluster_size <= 1:
        return float(n)
    return float(n / (1 + (cluster_size - 1) * icc))


def _welch_p(a, b, n_a, n_b):
    """Two-sided p of Welch's t-test with the effective sample sizes n_a and n_b in place of
    the counts (both variances from the observed answers); NaN where it is undefined."""
    from scipy.special import stdtr  # first use only: scipy.stats would cost a second

    if n_a <= 1 or n_b <= 1 or len(a) < 2 or len(b) < 2:
        return math.nan
    va, vb = np.var(a, ddof=1) / n_a, np.var(b, ddof=1) / n_b
    if va + vb <= 0:
        return math.nan
    t = (np.mean(a) - np.mean(b)) / math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va ** 2 / (n_a - 1) + vb ** 2 / (n_b - 1))
    return float(2 * stdtr(df, -abs(t)))  # the t distribution's two tails


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
        others_cases, others_min, others_max (how many other cases answered the lesson and
        the lowest and highest case mean: the spread between municipalities that pooling
        hides); icc (ICC(1) of the lesson across all the cases, this one included),
        n_effective and bench_n_effective (Kish's effective sample sizes); difference,
        p_value (Welch's t-test on the effective sample sizes), p_adjusted (Holm over the
        ten lessons), differs (p_adjusted < 0.05),
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
        per_case = [s for s in (_scores(t, lesson) for t in theirs) if len(s)]
        means = [float(np.mean(s)) for s in per_case]
        icc = icc1([a, *per_case])
        n_eff = kish_n(len(a), len(a), icc)
        bench_eff = kish_n(len(b), len(b) / len(per_case) if per_case else 1, icc)
        p = _welch_p(a, b, n_eff, bench_eff)
        indicator = LESSON_INDICATOR.get(lesson)
        rows.append({
            "lesson": lesson, "n": n, "mean": mean, "ci_low": low, "ci_high": high,
            "few": n < FEW, "bench_n": bn, "bench_mean": bmean, "bench_ci_low": blow,
            "bench_ci_high": bhigh, "others_cases": len(means),
            "others_min": min(means) if means else math.nan,
            "others_max": max(means) if means else math.nan,
            "icc": icc, "n_effective": n_eff, "bench_n_effective": bench_eff,
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
             "bench_ci_low", "bench_ci_high", "others_cases", "others_min", "others_max",
             "icc", "n_effective", "bench_n_effective",
             "difference", "p_value", "p_adjusted", "differs", "fictional_benchmark",
             "indicator", "indicator_value", "indicator_bench"]
    frame["indicator"] = frame["indicator"].astype("str")
    return frame[order]

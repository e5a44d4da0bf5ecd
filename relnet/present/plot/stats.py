"""The statistical figures: the self-assessment (intervals and radar), change between waves,
indicators across cases, and PARTNER trust and value.

The figures of the report draw the intervals their tables report with matplotlib itself;
seaborn (which loads scipy.stats, over a second in a new process) draws the strip plot of
`indicator_plot` and is imported only there."""

import math

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.markers import MarkerStyle

from ... import i18n
from ..._docs import shared
from ...data.arguments import analysis
from ...instruments.lessons import (
    lesson_benchmark,
    lesson_scores,
    other_cases,
)
from ...network.evidence import profile_evidence
from ...network.indicators import INDICATORS
from ...network.quality import trust_value
from ...network.waves import compare, wave_changes
from ..content import LESSONS
from ..words import trust_note
from ._labels import shorten, wrap
from ._style import GREY, OKABE_ITO, WIDTH, new_axes, number_formatter, style

__all__ = ["lesson_plot", "wave_plot", "indicator_plot", "profile_plot", "trust_value_plot"]

OWN, BENCH, MARK = OKABE_ITO[4], OKABE_ITO[0], OKABE_ITO[5]


def _no_aliases(kwargs, name, alias):
    """The caller's keyword arguments, an alias (``ms`` for ``markersize``) given as the
    full name, so that they replace the figure's own settings instead of clashing."""
    kwargs = dict(kwargs)
    kwargs.pop("legend", None)  # seaborn's option: see `_legend_wanted`
    if alias in kwargs:
        kwargs[name] = kwargs.pop(alias)
    return kwargs


def _legend_wanted(ax, kwargs):
    """``legend=False`` (as seaborn took it) removes the legend."""
    if kwargs.get("legend", True) is False and ax.get_legend() is not None:
        ax.get_legend().remove()


def _lesson_label(n, lang, count=None):
    label = f"{n}. {wrap(LESSONS[n].title(lang), 30)}"
    return f"{label} (n = {count})" if count is not None and count < 5 else label


@analysis(legacy=())  # keyword-only since 0.1: no positional options
def lesson_plot(case, others=(), *, wave=None, kind="interval", lang=None, ax=None,
                title=None, **kwargs):
    """The self-assessment per lesson: means with 95% intervals (against the other cases
    when given), or a radar.

    Parameters
    ----------
    <<case>>
    others : sequence of Case
        Cases to compare with (their latest waves).
    <<wave>>
    kind : {"interval", "radar"}
    <<lang>>
    ax : matplotlib Axes, optional
        For ``kind="radar"`` a polar Axes.
    <<title>>
    **kwargs
        Passed to `Axes.errorbar` (interval) or `Axes.plot` (radar).

    Returns
    -------
    matplotlib Axes

    Notes
    -----
    Intervals are drawn to their real ends, also where they run past the 1-5 scale (shaded
    as outside the scale); lessons with fewer than 5 answers show their n, fewer than 3
    get no interval. A lesson is marked as different only when Holm's correction keeps
    p < 0.05. When the other cases are fictional the legend says so. See
    ``docs/statistics.md``.

    Examples
    --------
    >>> import relnet
    >>> ax = relnet.plot.lesson_plot(relnet.load_example("haverdonk"), lang="en")
    >>> ax.get_xlabel()
    'mean score with 95% interval (scale 1-5)'
    """
    others = other_cases(case, others)
    if kind == "radar":
        return _radar(case, others, wave, lang, ax, title, kwargs)
    if kind != "interval":
        raise ValueError("kind must be 'interval' or 'radar'")
    scores = lesson_scores(case, wave=wave)
    bench = lesson_benchmark(case, others, wave=wave) if others else None
    counts = dict(zip(scores["lesson"], scores["n"]))
    fictional = bench is not None and bool(bench["fictional_benchmark"].iloc[0])
    own_label = i18n.t("figure.this_case", lang)
    bench_label = i18n.t("figure.other_cases_fictional" if fictional else
                         "figure.other_cases", lang)
    order = [_lesson_label(n, lang, counts.get(n)) for n in range(1, 11)]
    series = [(own_label, scores, "", OWN, "o")]
    if bench is not None:
        series.append((bench_label, bench, "bench_", BENCH, "s"))
    ax = new_axes(ax, figsize=(WIDTH, 6.2))
    with style():
        # the intervals of the tables (`lesson_scores`, `lesson_benchmark`), drawn as they
        # are; a lesson without one (fewer than 3 answers) shows its mean only
        for k, (label, table, prefix, colour, marker) in enumerate(series):
            mean = table[f"{prefix}mean"].to_numpy(dtype=float)
            below = mean - table[f"{prefix}ci_low"].to_numpy(dtype=float)
            above = table[f"{prefix}ci_high"].to_numpy(dtype=float) - mean
            y = np.arange(10) + (0.2 * (2 * k - 1) if len(series) > 1 else 0.0)
            ax.errorbar(mean, y, xerr=[below, above], **{
                "fmt": marker, "color": colour, "markersize": 7, "elinewidth": 1.6,
                "capsize": 4, "label": label, **_no_aliases(kwargs, "markersize", "ms")})
        ax.set_yticks(range(10), order)
        ax.set_ylim(9.5, -0.5)
        low = min(0.5, float(np.nanmin(np.r_[scores["ci_low"], 1.0])) - 0.1)
        high = max(5.5, float(np.nanmax(np.r_[scores["ci_high"], 5.0])) + 0.1)
        if bench is not None:
            low = min(low, float(np.nanmin(np.r_[bench["bench_ci_low"], 1.0])) - 0.1)
            high = max(high, float(np.nanmax(np.r_[bench["bench_ci_high"], 5.0])) + 0.1)
        ax.axvspan(low, 1.0, color="#EEEEEE", zorder=0)
        ax.axvspan(5.0, high, color="#EEEEEE", zorder=0)
        ax.set_xlim(low, high + 0.35)
        ax.set_xticks([1, 2, 3, 4, 5])
        ax.xaxis.set_major_formatter(number_formatter(lang))
        ax.set_xlabel(i18n.t("figure.mean_interval", lang))
        ax.set_ylabel("")
        ax.grid(axis="x", color="#DDDDDD", lw=0.6)
        handles, names = ax.get_legend_handles_labels()
        if bench is not None and bench["differs"].any():
            rows = [order.index(_lesson_label(int(n), lang, counts.get(int(n))))
                    for n in bench.loc[bench["differs"], "lesson"]]
            ax.scatter([high + 0.2] * len(rows), rows, marker="D", color=MARK, zorder=5,
                       clip_on=False)
            handles.append(Line2D([], [], ls="", marker="D", color=MARK))
            names.append(i18n.t("figure.differs", lang))
        handles.append(Line2D([], [], ls="", marker="s", color="#EEEEEE", markersize=12))
        names.append(i18n.t("figure.outside_scale", lang))
        # above the lessons, within the axes' width: on a projector the legend is on the
        # first screen with the figure, and never wider than it (with the long "differs"
        # entry one per line: side by side they squeezed the lessons to a sliver)
        ax.legend(handles, names, loc="lower left", bbox_to_anchor=(0.0, 1.0),
                  ncol=1 if len(handles) > 3 else len(handles), frameon=False,
                  borderaxespad=0.3, columnspacing=1.0, handletextpad=0.4)
        if title:
            ax.set_title(title, pad=34)
    _legend_wanted(ax, kwargs)
    return ax


def _radar(case, others, wave, lang, ax, title, kwargs):
    table = lesson_benchmark(case, others, wave=wave) if others else lesson_scores(case, wave=wave)
    ax = new_axes(ax, figsize=(WIDTH, 6.8), polar=True)
    with style():
        angles = np.linspace(0, 2 * np.pi, 10, endpoint=False)
        closed = np.append(angles, angles[0])
        series = [(i18n.t("figure.this_case", lang), table["mean"], OWN)]
        if others:
            fictional = bool(table["fictional_benchmark"].iloc[0])
            series.append((i18n.t("figure.other_cases_fictional" if fictional else
                                  "figure.other_cases", lang), table["bench_mean"], BENCH))
        for name, values, colour in series:
            v = np.append(values.to_numpy(dtype=float), values.iloc[0])
            ax.plot(closed, v, color=colour, lw=2, label=name, **kwargs)
            ax.fill(closed, v, color=colour, alpha=0.15)
        ax.set_xticks(angles, [f"{n}. {wrap(LESSONS[n].title(lang), 16)}"
                               for n in range(1, 11)], fontsize=10)
        ax.set_ylim(0, 5)
        ax.set_yticks([1, 2, 3, 4, 5])
        ax.yaxis.set_major_formatter(number_formatter(lang))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=2, frameon=False)
        if title:
            ax.set_title(title)
    return ax


@analysis(legacy=())  # keyword-only since 0.1: no positional options
def wave_plot(case, a=None, b=None, *, rows=None, lang=None, ax=None, title=None, **kwargs):
    """Indicators and selected metrics in wave `a` and wave `b`: a dot for each, an arrow
    for the change.

    Parameters
    ----------
    <<case>>
    a, b : int, optional
        The waves (default the first and the last); a wave is not compared with itself.
    rows : list of str, optional
        Metrics and indicators to show (default: the shares, 0-1).
    <<lang, ax, title>>
    **kwargs
        Passed to `Axes.scatter`.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import relnet
    >>> ax = relnet.plot.wave_plot(relnet.load_example("haverdonk"), lang="nl")
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['2015', '2017']
    """
    waves = case.waves
    a = a if a is not None else waves[0]
    b = b if b is not None else waves[-1]
    if a == b:
        raise ValueError(f"a wave is compared with another wave, not with itself ({a})")
    metrics = wave_changes(case, a, b).metrics
    rows = rows or [m for m in INDICATORS if m != "administrator_reach"] + [
        "density", "clustering", "degree_centralization"]
    table = metrics.loc[rows]
    labels = [wrap(i18n.label("indicator", r, lang) if r in INDICATORS
                   else i18n.label("metric", r, lang), 34) for r in rows]
    ax = new_axes(ax, figsize=(WIDTH, 1.2 + 0.48 * len(rows)))
    with style():
        for i, (va, vb) in enumerate(zip(table["a"], table["b"])):
            if not (math.isnan(va) or math.isnan(vb)):
                ax.annotate("", xy=(vb, i), xytext=(va, i),
                            arrowprops=dict(arrowstyle="-|>", color=GREY, lw=1.4))
        given = _no_aliases(kwargs, "edgecolor", "ec")
        for wave, column, colour, marker in ((a, "a", OKABE_ITO[0], "o"),
                                             (b, "b", OKABE_ITO[4], "s")):
            edge = {"edgecolor": "white"} if MarkerStyle(given.get("marker", marker)).is_filled() \
                else {}  # a white edge around a filled marker only ("x" has none)
            ax.scatter(table[column].to_numpy(dtype=float), np.arange(len(rows)), **{
                "s": 80, "color": colour, "marker": marker, **edge, "zorder": 3,
                "label": str(wave), **given})
        ax.set_yticks(range(len(rows)), labels)
        ax.set_ylim(len(rows) - 0.5, -0.5)
        ax.set_xlim(-0.02, 1.02)
        ax.xaxis.set_major_formatter(number_formatter(lang))
        ax.set_xlabel(i18n.t("figure.value", lang))
        ax.set_ylabel("")
        ax.grid(axis="x", color="#DDDDDD", lw=0.6)
        ax.legend(title=i18n.t("common.wave", lang).capitalize(), loc="upper left",
                  bbox_to_anchor=(1.0, 1.0), frameon=False)
        if title:
            ax.set_title(title)
    _legend_wanted(ax, kwargs)
    return ax


@shared
def indicator_plot(cases, *, lang=None, ax=None, title=None, **kwargs):
    """The relational indicators of several cases (latest waves), side by side.

    Parameters
    ----------
    cases : list of Case, or a table from `relnet.compare`
    <<lang, ax, title>>
    **kwargs
        Passed to `seaborn.stripplot`.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import relnet
    >>> cases = [relnet.load_example(n) for n in relnet.list_cases()["name"]]
    >>> ax = relnet.plot.indicator_plot(cases, lang="nl")
    >>> ax.get_legend().get_title().get_text()
    'casus'
    """
    lang = i18n.resolve(lang)
    table = cases if isinstance(cases, pd.DataFrame) else compare(cases)
    rows = [m for m in INDICATORS if m != "administrator_reach" and m in table]
    long = table.melt(id_vars=["case"], value_vars=rows, var_name="row", value_name="value")
    long["label"] = [wrap(i18n.label("indicator", r, lang), 30) for r in long["row"]]
    long["case"] = [shorten(c, 40) for c in long["case"]]
    import seaborn as sns  # first use only: with scipy.stats it costs a second and more

    ax = new_axes(ax, figsize=(WIDTH, 1.2 + 0.55 * len(rows)))
    with style():
        sns.stripplot(data=long, x="value", y="label", hue="case", dodge=False, size=9,
                      jitter=False, palette=OKABE_ITO[:len(set(long["case"]))], ax=ax,
                      **kwargs)
        ax.set_xlim(-0.02, 1.02)
        ax.xaxis.set_major_formatter(number_formatter(lang))
        ax.set_xlabel(i18n.t("figure.value", lang))
        ax.set_ylabel("")
        ax.grid(axis="x", color="#DDDDDD", lw=0.6)
        ax.legend(title=i18n.t("common.case", lang), loc="upper left",
                  bbox_to_anchor=(1.0, 1.0), frameon=False)
        if title:
            ax.set_title(title)
    return ax


@analysis
def profile_plot(case, *, wave=None, types=None, reps=500, seed=0, lang=None, ax=None,
                 title=None, **kwargs):
    """The relational indicators of one wave, each with its range and, behind it, the band
    that the same network gives with its roles handed out at random.

    Parameters
    ----------
    <<case, wave, types>>
    reps, seed : int
        Permutations of the baseline and their seed (`relnet.indicator_baseline`).
    <<lang, ax, title>>
    **kwargs
        Passed to `matplotlib.axes.Axes.errorbar`.

    Returns
    -------
    matplotlib Axes

    Notes
    -----
    administrator_reach is a count per person, not a share, and is left out (tables show
    it apart).

    Examples
    --------
    >>> import relnet
    >>> ax = relnet.plot.profile_plot(relnet.load_example("haverdonk"), reps=100, lang="nl")
    >>> len(ax.patches) >= 6  # a baseline band per defined indicator
    True
    """
    lang = i18n.resolve(lang)
    found = profile_evidence(case, wave=wave, types=types, reps=reps, seed=seed)
    found = found[found["indicator"].isin([m for m in INDICATORS if m != "administrator_reach"])]
    found = found.reset_index(drop=True)
    ax = new_axes(ax, figsize=(WIDTH, 1.2 + 0.55 * len(found)))
    with style():
        y = np.arange(len(found))[::-1]
        for row, level in zip(found.itertuples(index=False), y):
            if not (math.isnan(row.null_low) or math.isnan(row.null_high)):
                ax.barh(level, row.null_high - row.null_low, left=row.null_low, height=0.6,
                        color="#DDDDDD", edgecolor="none", zorder=1)
        value = found["value"].to_numpy(dtype=float)
        low = np.clip(value - found["ci_low"].to_numpy(dtype=float), 0, None)
        high = np.clip(found["ci_high"].to_numpy(dtype=float) - value, 0, None)
        ax.errorbar(value, y, xerr=[np.nan_to_num(low), np.nan_to_num(high)], fmt="o",
                    color=OKABE_ITO[5], ecolor=OKABE_ITO[5], capsize=4, markersize=8,
                    zorder=3, **kwargs)
        ax.set_yticks(y, [wrap(i18n.label("indicator", r, lang), 30)
                          for r in found["indicator"]])
        ax.set_xlim(-0.02, 1.02)
        ax.xaxis.set_major_formatter(number_formatter(lang))
        ax.set_xlabel(i18n.t("figure.value", lang))
        ax.grid(axis="x", color="#EEEEEE", lw=0.6)
        ax.legend(handles=[
            Line2D([], [], marker="o", color=OKABE_ITO[5], ls="-",
                   label=i18n.t("figure.profile_value", lang)),
            Line2D([], [], color="#DDDDDD", lw=10,
                   label=i18n.t("figure.profile_chance", lang))],
            loc="upper left", bbox_to_anchor=(0, -0.12), frameon=False, ncol=1)
        if title:
            ax.set_title(title)
    return ax


@analysis(legacy=())  # keyword-only since 0.1: no positional options
def trust_value_plot(case, *, wave=None, lang=None, ax=None, title=None, **kwargs):
    """Each rated actor's received trust against value (PARTNER, 1-4), sized by the number
    of ratings, with the survey's response band under the figure.

    Parameters
    ----------
    <<case, wave, lang, ax, title>>
    **kwargs
        Passed to `Axes.scatter`.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import relnet
    >>> ax = relnet.plot.trust_value_plot(relnet.load_example("haverdonk"), lang="en")
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('trust (1-4)', 'value (1-4)')
    """
    tv = trust_value(case, wave=wave)
    rated = tv.actors[tv.actors["n_ratings"] > 0].copy()
    rated["ratings"] = rated["n_ratings"]
    ax = new_axes(ax, figsize=(WIDTH, 5.6))
    with style():
        counts = rated["n_ratings"].to_numpy(dtype=float)
        fewest, most = (counts.min(), counts.max()) if len(counts) else (1.0, 1.0)
        span = most - fewest
        # the area of a dot grows with its number of ratings, from 40 to 260 pt^2
        area = (lambda n: 40 + 220 * (n - fewest) / span) if span else (lambda n: 150 + 0 * n)
        ax.scatter(rated["trust"].to_numpy(dtype=float),
                   rated["value"].to_numpy(dtype=float), **{
                       "s": area(counts), "color": OKABE_ITO[4], "edgecolor": "white",
                       **_no_aliases(kwargs, "edgecolor", "ec")})
        ax.set_xlim(0.9, 4.1)
        ax.set_ylim(0.9, 4.1)
        ax.xaxis.set_major_formatter(number_formatter(lang))
        ax.yaxis.set_major_formatter(number_formatter(lang))
        ax.set_xlabel(i18n.t("figure.trust", lang))
        ax.set_ylabel(i18n.t("figure.value_partner", lang))
        if len(counts):
            sizes = sorted(set(counts.astype(int).tolist()))
            shown = sizes if len(sizes) <= 4 else sorted(
                {sizes[0], sizes[len(sizes) // 3], sizes[2 * len(sizes) // 3], sizes[-1]})
            handles = [Line2D([], [], ls="", marker="o", color=OKABE_ITO[4],
                              markeredgecolor="white", markersize=math.sqrt(area(n)))
                       for n in shown]
            ax.legend(handles, [i18n.number(n, lang) for n in shown],
                      title=i18n.t("figure.ratings", lang), loc="upper left",
                      bbox_to_anchor=(1.0, 1.0), frameon=False)
        note = trust_note(tv, lang)
        if note:
            ax.text(0.0, -0.14, note, transform=ax.transAxes, ha="left", va="top",
                    fontsize=10, color="#333333")
        if title:
            ax.set_title(title)
    _legend_wanted(ax, kwargs)
    return ax

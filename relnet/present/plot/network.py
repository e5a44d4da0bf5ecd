"""The relationship network as a static map (for print; the explorer adds an interactive
view)."""

import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D

from ... import i18n
from ...data.arguments import analysis, renamed
from ...data.vocab import MUNICIPAL_KINDS
from ...network._cache import snapshot
from ...network.metrics import actor_metric_names, actor_metrics
from ._labels import MAX_LABELS, place_labels, shorten, wrap
from ._layout import AGGREGATE_ABOVE, network_layout
from ._style import (
    DOMAIN_COLOURS,
    GREY,
    GROUP_COLOURS,
    OKABE_ITO,
    WIDTH,
    kind_group,
    new_axes,
    style,
)

__all__ = ["network_plot", "COLOR_BY"]

RASTER_LINES = 3000  # more lines than this are drawn as an image in vector output
RASTER_MARKERS = 1000

COLOR_BY = ("kind", "domain", "community")
_SIZE_MIN, _SIZE_MAX = 40, 420


def _colours(color_by, actors, metrics, nodes, lang):
    if color_by == "kind":
        groups = [kind_group(k) for k in actors["kind"]]
        legend = {i18n.t(f"group.{g}", lang): c for g, c in GROUP_COLOURS.items()
                  if g in set(groups)}
        return [GROUP_COLOURS[g] for g in groups], legend
    if color_by == "domain":
        first = [next((d for d in str(cell).split("|") if d != "general"), "general")
                 if isinstance(cell, str) else "general" for cell in actors["domain"]]
        legend = {i18n.t(f"domain.{d}", lang): c for d, c in DOMAIN_COLOURS.items()
                  if d in set(first)}
        return [DOMAIN_COLOURS.get(d, GREY) for d in first], legend
    palette = OKABE_ITO[:7]
    community = metrics["community"].reindex(nodes).to_numpy()
    shown = min(7, int(community.max()) + 1) if len(community) else 0
    legend = {i18n.t("figure.community", lang, n=i + 1): palette[i] for i in range(shown)}
    if len(community) and community.max() >= 7:
        legend[i18n.t("figure.other_communities", lang)] = GREY
    return [palette[c] if c < 7 else GREY for c in community], legend


def _sizes(values):
    span = values.max() - values.min() if len(values) else 0
    scaled = (values - values.min()) / span if span else np.zeros(len(values))
    return _SIZE_MIN + (_SIZE_MAX - _SIZE_MIN) * scaled


def _size_handles(values, size_by, lang):
    """Three markers that say what a size means (smallest, middle, largest value)."""
    values = np.asarray(values, dtype=float)
    values = values[np.isfinite(values)]
    if not len(values) or values.max() == values.min():
        return []
    picks = np.array([values.min(), np.median(values), values.max()])
    whole = bool(np.array_equal(values, np.round(values)))
    picks = np.unique(np.round(picks) if whole else picks)  # a count's median is a count
    span = values.max() - values.min()
    # counts without decimals; shares with as few decimals as keep the three apart (a
    # median betweenness of 0,001 is not written 0,00 next to a minimum of 0)
    if whole:
        labels = [i18n.number(int(v), lang) for v in picks]
    else:
        for digits in (2, 3, 4):
            labels = [i18n.number(v, lang, digits) for v in picks]
            if len(set(labels)) == len(labels):
                break
    handles, seen = [], set()
    for value, label in zip(picks, labels):
        if label in seen:
            continue
        seen.add(label)
        area = _SIZE_MIN + (_SIZE_MAX - _SIZE_MIN) * (value - values.min()) / span
        handles.append(Line2D([], [], marker="o", ls="", color="#BBBBBB",
                              markeredgecolor="#555555", markersize=np.sqrt(area),
                              label=label))
    return handles


@renamed(labels="n_labels")
@analysis(legacy=())  # keyword-only since 0.1: no positional options
def network_plot(case, *, wave=None, types=None, color_by="kind", size_by="degree",
                 n_labels=12, removed=(), confirmed_only=False, lang=None, ax=None,
                 title=None, **kwargs):
    """The relationship network: colour by kind, domain or community, size by any metric.

    Parameters
    ----------
    <<case, wave, types>>
    color_by : {"kind", "domain", "community"}
    size_by : str
        Any actor metric (registered ones included).
    n_labels : int
        Name the actors with the largest `size_by` (at most 40; names that do not fit are
        left out rather than printed over each other).
    removed : iterable of str
        Actors to leave out (a what-if); the others keep their places.
    confirmed_only : bool
        Only survey ties both sides named.
    <<lang>>
    ax : matplotlib Axes, optional
        Draw into it; None: a new figure 7.6 inches wide.
    title : str, optional
        No title by default (a report numbers and captions its figures).
    **kwargs
        Passed to `matplotlib.axes.Axes.scatter` (e.g. ``alpha``).

    Returns
    -------
    matplotlib Axes

    Notes
    -----
    Municipal actors are squares with a dark edge. Above 2,000 actors the map shows groups
    (kinds) instead of actors: a map of thousands of actors is unreadable at A4 and would take
    minutes to lay out.

    Examples
    --------
    >>> import relnet
    >>> ax = relnet.plot.network_plot(relnet.load_example("haverdonk"), lang="nl")
    >>> ax.get_legend().get_title().get_text()
    'grootte: aantal directe contacten (degree)'
    """
    if color_by not in COLOR_BY:
        raise ValueError(f"color_by must be one of {', '.join(COLOR_BY)}, not {color_by!r}")
    known = actor_metric_names()
    if size_by not in known:
        raise ValueError(f"size_by must be one of {', '.join(known)}")
    snap = snapshot(case, wave, types, confirmed_only)
    ax = new_axes(ax, figsize=(WIDTH, 6.0))
    with style():
        ax.set_axis_off()  # before the names are placed: that draws the figure once
        if snap.arrays.n > AGGREGATE_ABOVE:  # groups only: no actor metric is needed
            _aggregated(ax, snap, lang)
        else:
            metrics = actor_metrics(case, wave=wave, types=types, confirmed_only=confirmed_only)
            _actors(ax, case, snap, metrics, wave, types, color_by, size_by, n_labels,
                    set(removed), lang, kwargs)
        if title:
            ax.set_title(title)
    return ax


def _actors(ax, case, snap, metrics, wave, types, color_by, size_by, n_labels, removed, lang,
            kwargs):
    arrays = snap.arrays
    pos = network_layout(case, wave, types)
    ids = np.asarray(arrays.ids, dtype=object)
    keep = ~np.isin(ids, list(removed))
    nodes = list(ids[keep])
    actors = snap.actors[keep]
    colours, legend = _colours(color_by, actors, metrics, nodes, lang)
    values = metrics[size_by].reindex(nodes).astype(float).fillna(0).to_numpy()
    sizes = _sizes(values)
    xy_all = np.array([pos[a] for a in ids]) if arrays.n else np.zeros((0, 2))
    links = keep[arrays.u] & keep[arrays.v]
    segments = np.stack([xy_all[arrays.u[links]], xy_all[arrays.v[links]]], axis=1) \
        if links.any() else np.zeros((0, 2, 2))
    # thousands of lines as an image inside the SVG (text stays text): a dense network's
    # report stays a few MB instead of tens
    ax.add_collection(LineCollection(segments, colors=GREY, alpha=0.5, zorder=1,
                                     linewidths=0.4 + 0.3 * arrays.weight[links],
                                     rasterized=len(segments) > RASTER_LINES))
    xy = xy_all[keep]
    municipal = actors["kind"].isin(MUNICIPAL_KINDS).to_numpy(dtype=bool)
    colours = np.array(colours, dtype=object)
    for mask, shape, edge in ((~municipal, "o", "white"), (municipal, "s", "black")):
        if mask.any():
            ax.scatter(xy[mask, 0], xy[mask, 1], s=sizes[mask], c=list(colours[mask]),
                       marker=shape, edgecolors=edge, linewidths=0.8, zorder=2,
                       **{"rasterized": len(xy) > RASTER_MARKERS, **kwargs})
    if len(xy):
        pad = 0.08 * max(np.ptp(xy[:, 0]), np.ptp(xy[:, 1]), 1e-9)
        ax.set_xlim(xy[:, 0].min() - pad, xy[:, 0].max() + pad)
        ax.set_ylim(xy[:, 1].min() - pad, xy[:, 1].max() + pad)
    handles = [Line2D([], [], marker="o", ls="", color=c, label=k, markersize=8)
               for k, c in legend.items()]
    handles.append(Line2D([], [], marker="s", ls="", color="white", markeredgecolor="black",
                          label=i18n.t("figure.municipal_marker", lang), markersize=8))
    first = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0),
                      frameon=False, title=i18n.t("figure.colour_legend", lang,
                                                  what=i18n.t(f"colour_by.{color_by}", lang)),
                      alignment="left")
    sizes_shown = _size_handles(values, size_by, lang)
    if sizes_shown:
        ax.add_artist(first)
        metric = i18n.label("metric", size_by, lang)
        ax.legend(handles=sizes_shown, loc="lower left", bbox_to_anchor=(1.0, 0.0),
                  frameon=False, labelspacing=1.3, borderpad=1.0, alignment="left",
                  title=i18n.t("figure.size_legend", lang, metric=shorten(metric, 40)))
    notes = []
    if removed:
        notes.append(i18n.t("figure.removed", lang, n=len(removed & set(ids))))
    if snap.confirmed_only:
        notes.append(i18n.t("figure.confirmed_only", lang))
    # names last, once the legends have their place: nothing may move under them
    wanted = min(int(n_labels), MAX_LABELS, len(nodes))
    if wanted:
        names = dict(zip(actors["id"], actors["name"]))
        top = pd.Series(values, index=nodes).nlargest(wanted).index
        placed = place_labels(ax, [pos[n] for n in top],
                              [wrap(names.get(n, n), 22, 44) for n in top], fontsize=9.5)
        if placed < wanted:
            notes.append(i18n.plural("figure.not_labelled", wanted - placed, lang))
    if notes:
        ax.text(0.0, -0.02, " · ".join(notes), transform=ax.transAxes, ha="left", va="top",
                fontsize=10, color="#333333")


def _aggregated(ax, snap, lang):
    """Groups (kinds) as circles sized by their number of actors, lines as thick as the
    number of links between them."""
    arrays = snap.arrays
    groups = np.array([kind_group(k) for k in snap.actors["kind"]], dtype=object)
    names = [g for g in GROUP_COLOURS if g in set(groups)]
    code = {g: i for i, g in enumerate(names)}
    index = np.array([code[g] for g in groups])
    k = len(names)
    count = np.bincount(index, minlength=k)
    a, b = index[arrays.u], index[arrays.v]
    pair = np.minimum(a, b) * k + np.maximum(a, b)
    links = np.bincount(pair, minlength=k * k)
    angle = np.linspace(0, 2 * np.pi, k, endpoint=False)
    xy = np.column_stack([np.cos(angle), np.sin(angle)])
    segments, widths = [], []
    for i in range(k):
        for j in range(i + 1, k):
            n = links[i * k + j]
            if n:
                segments.append([xy[i], xy[j]])
                widths.append(0.5 + 2.5 * np.log10(1 + n))
    ax.add_collection(LineCollection(segments, colors=GREY, linewidths=widths, alpha=0.6,
                                     zorder=1))
    ax.scatter(xy[:, 0], xy[:, 1], s=200 + 1800 * np.sqrt(count / count.max()),
               c=[GROUP_COLOURS[g] for g in names], edgecolors="white", zorder=2)
    for (x, y), name, n in zip(xy, names, count):
        ax.text(x * 1.28, y * 1.28, f"{i18n.t(f'group.{name}', lang)}\n"
                f"({i18n.number(int(n), lang)})", ha="center", va="center", fontsize=10)
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.5, 1.5)
    ax.text(0.0, -0.02, i18n.t("figure.aggregated", lang, n=i18n.number(arrays.n, lang)),
            transform=ax.transAxes, ha="left", va="top", fontsize=10, color="#333333")

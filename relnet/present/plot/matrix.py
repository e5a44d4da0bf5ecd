"""The partner strategy matrix: quadrants, partners, their desired moves and bundles."""

from collections import Counter

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch, Rectangle

from ... import i18n
from ...data.arguments import analysis, renamed
from ...instruments.partners import partner_bundles, partner_matrix
from ._labels import MAX_LABELS, place_labels, wrap
from ._style import GREY, OKABE_ITO, WIDTH, new_axes, number_formatter, style

__all__ = ["partner_matrix_plot"]

SHADES = {"strategic": OKABE_ITO[2], "leverage": OKABE_ITO[1], "bottleneck": OKABE_ITO[0],
          "routine": GREY}
MOVE_COLOUR = OKABE_ITO[5]
STEP = 1.8  # length of a move arrow, in score points


def _spread(points):
    """Partners with identical scores are told apart: each gets its own spot on a small
    circle around the true point (which keeps a dot), with a thin line back to it."""
    counts = Counter(points)
    seen = Counter()
    out = []
    for p in points:
        n = counts[p]
        if n == 1:
            out.append(p)
            continue
        k = seen[p]
        seen[p] += 1
        angle = 2 * np.pi * k / n + np.pi / 4
        radius = 0.32 + 0.04 * n
        out.append((p[0] + radius * np.cos(angle), p[1] + radius * np.sin(angle)))
    return out


def _arrow_end(x, y, move):
    dx = STEP * (("right" in move) - ("left" in move))
    dy = STEP * (("up" in move) - ("down" in move))
    return x + dx, y + dy


@renamed(labels="names")
@analysis(legacy=())  # keyword-only since 0.1: no positional options
def partner_matrix_plot(case, *, wave=None, threshold=5, matrix=None, moves=True,
                        bundles=True, names=True, highlight=None, lang=None, ax=None,
                        title=None, **kwargs):
    """The partner matrix: quadrants shaded and named, partners placed, desired moves as
    arrows, bundles drawn as one group with their joint position and move.

    Parameters
    ----------
    <<case, wave>>
    threshold : float
        Where high begins (5).
    matrix : DataFrame, optional
        A `partner_matrix` table to draw (e.g. with scores a trainer moved); default: the
        case's own.
    moves, bundles, names : bool
        Draw the move arrows, the bundles, the names.
    highlight : str, optional
        The actor id of a partner to pick out (a ring, its name in bold), e.g. the partner an
        explorer is editing.
    <<lang, ax, title>>
    **kwargs
        Passed to `matplotlib.axes.Axes.scatter`.

    Returns
    -------
    matplotlib Axes

    Notes
    -----
    A move down (phase out and end) is drawn leaving the matrix at the bottom edge. Partners
    with identical scores get their own spot around the true point, linked to it by a thin
    line. The quadrant names follow Kraljic (1983), said in a note under the figure.

    Examples
    --------
    >>> import relnet
    >>> ax = relnet.plot.partner_matrix_plot(relnet.load_example("lindermeer"), lang="nl")
    >>> ax.get_xlabel()
    'Afhankelijkheid: is er een alternatief? (0-10)'
    """
    m = matrix if matrix is not None else partner_matrix(case, wave=wave, threshold=threshold)
    ax = new_axes(ax, figsize=(WIDTH, 6.4))
    with style():
        _quadrants(ax, threshold, lang)
        true = list(zip(m["dependency"].astype(float), m["influence"].astype(float)))
        shown = _spread(true)
        for (tx, ty), (sx, sy) in zip(true, shown):
            if (tx, ty) != (sx, sy):
                ax.plot([tx, sx], [ty, sy], color="#555555", lw=0.7, zorder=2)
                ax.scatter([tx], [ty], s=10, color="#333333", zorder=3)
        xs = np.array([p[0] for p in shown])
        ys = np.array([p[1] for p in shown])
        phase = m["phase_out"].to_numpy(dtype=bool) if "phase_out" in m else \
            np.zeros(len(m), dtype=bool)
        ax.scatter(xs[~phase], ys[~phase], s=60, color=OKABE_ITO[4], edgecolor="white",
                   zorder=4, **kwargs)
        if phase.any():
            ax.scatter(xs[phase], ys[phase], s=60, color="white", edgecolor=MOVE_COLOUR,
                       linewidths=1.5, zorder=4, **kwargs)
        handles = [Line2D([], [], marker="o", ls="", color=OKABE_ITO[4],
                          label=i18n.t("matrix.partner", lang), markersize=8)]
        chosen = [i for i, a in enumerate(m["actor"]) if a == highlight] \
            if highlight is not None and "actor" in m else []
        if chosen:
            ax.scatter(xs[chosen], ys[chosen], s=260, facecolor="none", edgecolor="#000000",
                       linewidths=2.2, zorder=6)
            handles.append(Line2D([], [], marker="o", ls="", markerfacecolor="none",
                                  markeredgecolor="#000000", markeredgewidth=2, markersize=12,
                                  label=i18n.t("matrix.chosen", lang)))
        bundled = set()
        if bundles and "bundle" in m and m["bundle"].notna().any():
            bundled = _bundles(ax, case, wave, threshold, m, shown, lang)
            handles.append(Line2D([], [], color=OKABE_ITO[6], lw=2, ls="--",
                                  label=i18n.t("matrix.bundle", lang)))
        if moves and m["move"].notna().any():
            _moves(ax, m, shown, bundled)
            handles.append(Line2D([], [], color=MOVE_COLOUR, marker=">", lw=1.5,
                                  label=i18n.t("matrix.move", lang)))
            if phase.any():
                handles.append(Line2D([], [], marker="o", ls="", color="white",
                                      markeredgecolor=MOVE_COLOUR, markersize=8,
                                      label=i18n.t("matrix.phase_out", lang)))
        ax.set_xlim(-0.4, 10.4)
        ax.set_ylim(-1.4, 10.4)
        ax.set_xlabel(i18n.t("matrix.dependency_axis", lang))
        ax.set_ylabel(i18n.t("matrix.influence_axis", lang))
        ax.xaxis.set_major_formatter(number_formatter(lang))
        ax.yaxis.set_major_formatter(number_formatter(lang))
        ax.set_xticks(range(0, 11, 2))
        ax.set_yticks(range(0, 11, 2))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0),
                  frameon=False)
        credit = ax.text(0.0, -0.14, i18n.t("figure.kraljic", lang), transform=ax.transAxes,
                         ha="left", va="top", fontsize=10, color="#333333")
        if title:
            ax.set_title(title)
        if names:  # last, once everything else has its place
            order = np.argsort(-(m["influence"].to_numpy() + m["dependency"].to_numpy()))
            order = [i for i in chosen] + [i for i in order[:MAX_LABELS] if i not in chosen]
            placed = place_labels(ax, [shown[i] for i in order],
                                  [wrap(m["name"].iloc[i], 20, 40) for i in order],
                                  fontsize=9.5)
            if chosen:
                name = wrap(m["name"].iloc[chosen[0]], 20, 40)
                for text in ax.texts:
                    if text.get_text() == name:
                        text.set_fontweight("bold")
            missing = len(m) - placed
            if missing > 0:  # on the credit's line, so the two never overlap
                credit.set_text(credit.get_text() + " · " +
                                i18n.plural("figure.not_labelled", missing, lang))
    return ax


def _quadrants(ax, threshold, lang):
    corners = {"strategic": (threshold, 10, threshold, 10),
               "leverage": (0, threshold, threshold, 10),
               "bottleneck": (threshold, 10, 0, threshold),
               "routine": (0, threshold, 0, threshold)}
    for key, (x0, x1, y0, y1) in corners.items():
        ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, color=SHADES[key], alpha=0.14,
                               lw=0, zorder=0))
        right, top = x0 >= threshold, y0 >= threshold
        ax.text(x1 - 0.15 if right else x0 + 0.15, y1 - 0.15 if top else y0 + 0.15,
                wrap(i18n.t(f"quadrant.{key}", lang).upper(), 12),
                ha="right" if right else "left",
                va="top" if top else "bottom", fontsize=10, color="#333333",
                fontweight="bold", zorder=1)
    ax.axhline(threshold, color="#555555", lw=0.8)
    ax.axvline(threshold, color="#555555", lw=0.8)
    ax.axhline(0, color="#333333", lw=1.0)
    ax.text(10.3, -0.7, i18n.t("matrix.exit", lang), ha="right", va="center", fontsize=10,
            color=MOVE_COLOUR)


def _moves(ax, m, shown, bundled):
    """Arrows from each partner's spot; a move down leaves the matrix at the bottom edge."""
    for (x, y), move, actor in zip(shown, m["move"], m["actor"]):
        if not isinstance(move, str) or not move or actor in bundled:
            continue
        ex, ey = _arrow_end(x, y, move)
        if "down" in move:
            ey = -1.1  # out of the matrix
        ex = min(max(ex, 0.0), 10.0)
        ey = min(ey, 10.0)
        ax.annotate("", xy=(ex, ey), xytext=(x, y), zorder=3,
                    arrowprops=dict(arrowstyle="-|>", color=MOVE_COLOUR, lw=1.5,
                                    shrinkA=4, shrinkB=0, mutation_scale=14))


def _bundles(ax, case, wave, threshold, m, shown, lang):
    """Each bundle as one dashed group around its members, with its joint position and
    one arrow for the joint move."""
    table = partner_bundles(case, wave=wave, threshold=threshold)
    index = {a: i for i, a in enumerate(m["actor"])}
    members_of = m.groupby("bundle")["actor"].apply(list).to_dict()
    bundled = set()
    for row in table.itertuples(index=False):
        members = [a for a in members_of.get(row.bundle, []) if a in index]
        if not members:
            continue
        bundled.update(members)
        pts = np.array([shown[index[a]] for a in members])
        x0, y0 = pts.min(axis=0) - 0.5
        x1, y1 = pts.max(axis=0) + 0.5
        ax.add_patch(FancyBboxPatch((x0, y0), x1 - x0, y1 - y0, facecolor="none",
                                    boxstyle="round,pad=0.05,rounding_size=0.3",
                                    edgecolor=OKABE_ITO[6], lw=2, ls="--", zorder=2))
        jx, jy = row.dependency, row.influence
        ax.scatter([jx], [jy], s=160, marker="D", color=OKABE_ITO[6], edgecolor="white",
                   zorder=5)
        ax.text(x0, y1 + 0.1, wrap(row.bundle, 24), fontsize=10, color=OKABE_ITO[6],
                va="bottom", ha="left", zorder=5)
        if isinstance(row.move, str) and row.move:
            ex, ey = _arrow_end(jx, jy, row.move)
            if "down" in row.move:
                ey = -1.1
            ax.annotate("", xy=(min(max(ex, 0), 10), min(ey, 10)), xytext=(jx, jy), zorder=4,
                        arrowprops=dict(arrowstyle="-|>", color=MOVE_COLOUR, lw=2.5,
                                        shrinkA=6, shrinkB=0, mutation_scale=18))
    return bundled

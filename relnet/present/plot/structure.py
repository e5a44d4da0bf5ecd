"""The goal tree with coverage and effort, and the roles toward affiliated bodies."""

import networkx as nx
from matplotlib.patches import FancyBboxPatch, Patch, Rectangle

from ... import i18n
from ...data.arguments import analysis
from ...data.vocab import ROLES
from ...instruments.goals import goal_coverage, goal_priorities, goal_tree
from ...instruments.governance import role_conflicts, role_overview
from ..words import worded
from ._labels import shorten, wrap
from ._layout import tree_positions
from ._style import GREY, OKABE_ITO, WIDTH, new_axes, style

__all__ = ["goal_tree_plot", "roles_plot", "MAX_GOALS"]

MAX_GOALS = 60
COVERED, UNCOVERED = "#DCEFE8", "#FBE3D6"


def _hours(value, lang):
    return i18n.t("figure.hours", lang, hours=i18n.number(round(value), lang))


@analysis(legacy=())  # keyword-only since 0.1: no positional options
def goal_tree_plot(case, *, effort=True, lang=None, ax=None, title=None, **kwargs):
    """The goal tree from the main goal (left) to the activities (right): goals without any
    partner below them hatched, partners and effort per goal, and the tasks that serve no
    goal in a box of their own.

    Parameters
    ----------
    <<case>>
    effort : bool
        Show the team's effort per goal (hours a year, from the activities table) and the
        tasks that serve no goal.
    <<lang, ax, title>>
    **kwargs
        Passed to the goal boxes (`matplotlib.patches.FancyBboxPatch`).

    Returns
    -------
    matplotlib Axes

    Notes
    -----
    Trees of more than 60 goals show the first 60 (depth first) and say how many more
    there are. The text is 10 pt at the figure's width of 7.6 inches.

    Examples
    --------
    >>> import relnet
    >>> ax = relnet.plot.goal_tree_plot(relnet.load_example("welderhoven"), lang="nl")
    >>> [t.get_text() for t in ax.texts if t.get_text().startswith("geen partner")]
    ['geen partner · 150 u/jr']
    """
    tree = goal_tree(case)
    coverage = goal_coverage(case).set_index("goal")
    priorities = worded(goal_priorities(case), lang)
    has_tasks = effort and len(case.activities) > 0
    roots = [n for n in tree if tree.in_degree(n) == 0]
    if not roots:
        ax = new_axes(ax, figsize=(WIDTH, 2.0))
        ax.set_axis_off()
        return ax
    root = roots[0]
    shown = list(nx.dfs_preorder_nodes(tree, root))[:MAX_GOALS]
    sub = tree.subgraph(shown).copy()
    pos = tree_positions(sub, root)  # goal -> (row, -depth)
    n_rows = int(max(x for x, _ in pos.values())) + 1
    depth = max(d for _, d in ((n, sub.nodes[n]["depth"]) for n in sub)) + 1
    height = 1.0 + 0.62 * n_rows + (0.9 if has_tasks else 0)
    ax = new_axes(ax, figsize=(WIDTH, min(max(height, 3.0), 30)))
    by_goal = priorities.set_index("goal", drop=False)
    column_width = 1.0
    box_w, box_h = 0.9, 0.78
    # characters per line that fit a box at 10 pt: the box's share of the axes' real width
    # (an explorer or the projector app draws the tree smaller than the report)
    width_pt = ax.figure.get_figwidth() * ax.get_position().width * 72
    chars = max(8, int(width_pt * box_w / depth / (10 * 0.6)))
    with style():
        for parent, child in sub.edges:
            (r0, d0), (r1, d1) = pos[parent], pos[child]
            x0, x1 = -d0 * column_width + box_w / 2, -d1 * column_width - box_w / 2
            xm = (x0 + x1) / 2
            ax.plot([x0, xm, xm, x1], [-r0, -r0, -r1, -r1], color=GREY, lw=0.8, zorder=1)
        for goal in shown:
            row, level = pos[goal]
            cx, cy = -level * column_width, -row
            covered = bool(coverage.loc[goal, "covered"])
            ax.add_patch(FancyBboxPatch(
                (cx - box_w / 2, cy - box_h / 2), box_w, box_h,
                boxstyle="round,pad=0.01,rounding_size=0.05",
                facecolor=COVERED if covered else UNCOVERED,
                edgecolor=OKABE_ITO[2] if covered else OKABE_ITO[5],
                hatch=None if covered else "///", lw=1.0 if covered else 1.6, zorder=2,
                **kwargs))
            ax.text(cx, cy + 0.14, wrap(tree.nodes[goal]["label"], chars, 2 * chars), ha="center",
                    va="center", fontsize=10, zorder=3, linespacing=1.0,
                    bbox=None if covered else dict(facecolor="white", edgecolor="none",
                                                   pad=0.5))
            total = int(coverage.loc[goal, "partners_external"])
            note = (i18n.t("goals.one_partner", lang) if total == 1 else
                    i18n.t("goals.partners", lang, n=total)) if covered \
                else i18n.t("goals.no_partner", lang)
            if has_tasks and goal in by_goal.index and by_goal.loc[goal, "activities"]:
                note += " · " + _hours(by_goal.loc[goal, "effort"], lang)
            # the bold line of numbers on one line within its box: smaller type if need be
            size = max(9.5, min(10.0, width_pt * box_w / depth / (0.6 * len(note))))
            ax.text(cx, cy - 0.24, note, ha="center", va="center", fontsize=size, zorder=3,
                    color="#333333" if covered else OKABE_ITO[5], fontweight="bold",
                    bbox=None if covered else dict(facecolor="white", edgecolor="none",
                                                   pad=0.5))
        bottom = -(n_rows - 1) - box_h / 2
        if has_tasks:
            none = priorities.iloc[-1]
            text = (i18n.t("goals.unserved", lang) + ": " +
                    (i18n.t("figure.one_task", lang) if none["activities"] == 1 else
                     i18n.t("figure.tasks", lang, n=int(none["activities"]))) + " · " +
                    _hours(none["effort"], lang))
            bottom -= 0.95
            ax.add_patch(FancyBboxPatch((-box_w / 2, bottom),
                                        (depth - 1) * column_width + box_w, 0.55,
                                        boxstyle="round,pad=0.01,rounding_size=0.05",
                                        facecolor="white", edgecolor=OKABE_ITO[5], lw=1.6,
                                        ls="--", zorder=2))
            ax.text((depth - 1) * column_width / 2, bottom + 0.275, text, ha="center",
                    va="center", fontsize=10, color=OKABE_ITO[5], fontweight="bold")
        ax.set_xlim(-box_w / 2 - 0.05, (depth - 1) * column_width + box_w / 2 + 0.05)
        ax.set_ylim(bottom - 0.1, box_h / 2 + 0.1)
        ax.set_axis_off()
        handles = [Patch(facecolor=COVERED, edgecolor=OKABE_ITO[2],
                         label=i18n.t("goals.covered", lang)),
                   Patch(facecolor=UNCOVERED, edgecolor=OKABE_ITO[5], hatch="///",
                         label=i18n.t("goals.uncovered", lang))]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, 0), frameon=False,
                  ncol=2)
        if len(tree) > len(shown):
            ax.text(1.0, 0.0, i18n.t("common.and_more", lang, n=len(tree) - len(shown)),
                    transform=ax.transAxes, ha="right", va="top", fontsize=10)
        vision = tree.nodes[root].get("vision")
        if title:
            ax.set_title(title)
        elif vision:  # the source's central step: the main goal with its vision
            ax.set_title(wrap(i18n.t("figure.vision", lang, vision=vision),
                              max(30, int(width_pt / 5.6)), 400),
                         loc="left", fontsize=10, style="italic")
    return ax


@analysis(legacy=())  # keyword-only since 0.1: no positional options
def roles_plot(case, *, lang=None, ax=None, title=None, **kwargs):
    """Bodies x roles with the holders; a commissioner who is also owner outlined, missing
    commissioners and directors hatched.

    Parameters
    ----------
    <<case, lang, ax, title>>
    **kwargs
        Passed to the cells (`matplotlib.patches.Rectangle`).

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import relnet
    >>> ax = relnet.plot.roles_plot(relnet.load_example("brakkenveen"), lang="nl")
    >>> [t.get_text() for t in ax.get_xticklabels()][:2]
    ['opdrachtgever', 'eigenaar']
    """
    overview = role_overview(case, names=True)
    ids = list(role_overview(case).index)
    findings = worded(role_conflicts(case), lang)
    roles = list(ROLES)
    ax = new_axes(ax, figsize=(WIDTH, 1.4 + 0.62 * max(len(ids), 1)))
    conflict = set(findings.loc[findings["rule"] == "commissioner_is_owner", "body"])
    missing = {(b, "commissioner") for b in findings.loc[findings["rule"] == "no_commissioner",
                                                          "body"]}
    missing |= {(b, "director") for b in findings.loc[findings["rule"] == "no_director",
                                                       "body"]}
    with style():
        for i, body in enumerate(ids):
            for j, role in enumerate(roles):
                holder = overview.iloc[i][role]
                is_conflict = body in conflict and role in ("commissioner", "owner")
                is_missing = (body, role) in missing
                face = UNCOVERED if is_conflict else ("#FFFFFF" if is_missing else "#EAF2FA")
                ax.add_patch(Rectangle((j, -i - 1), 1, 1, facecolor=face,
                                       edgecolor=OKABE_ITO[5] if is_conflict or is_missing
                                       else "white", lw=2.0 if is_conflict else 1.0,
                                       hatch="///" if is_missing else None, zorder=1,
                                       **kwargs))
                text = wrap(holder, 16, 48) if isinstance(holder, str) else (
                    i18n.t("roles.missing", lang) if is_missing else "")
                ax.text(j + 0.5, -i - 0.5, text, ha="center", va="center", fontsize=10,
                        color=OKABE_ITO[5] if is_missing else "black", zorder=2,
                        bbox=dict(facecolor="white", edgecolor="none", pad=1)
                        if is_missing else None)
        ax.set_xlim(0, len(roles))
        ax.set_ylim(-max(len(ids), 1), 0)
        ax.set_xticks([j + 0.5 for j in range(len(roles))],
                      [i18n.t(f"role.{r}", lang) for r in roles])
        ax.xaxis.tick_top()
        ax.set_yticks([-i - 0.5 for i in range(len(ids))],
                      [wrap(shorten(b), 26) for b in overview.index])
        ax.tick_params(length=0)
        for side in ("left", "bottom", "top", "right"):
            ax.spines[side].set_visible(False)
        handles = [Patch(facecolor=UNCOVERED, edgecolor=OKABE_ITO[5], lw=2,
                         label=i18n.t("roles.conflict", lang)),
                   Patch(facecolor="white", edgecolor=OKABE_ITO[5], hatch="///",
                         label=i18n.t("roles.missing", lang))]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, 0), ncol=2,
                  frameon=False)
        if title:
            ax.set_title(title, pad=24)
    return ax

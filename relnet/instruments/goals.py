"""The goal tree (doelenboom): one integral main goal, sub-goals per policy domain, the
partners that contribute to each goal, and the team's tasks (activities) that serve them.

After the source on goal-tree sessions (``docs/sources.md``): start from one integral main
goal ("Iedereen telt mee en doet mee"), describe the society you aim for once it is reached
(the vision, "de beoogde nieuwe werkelijkheid"), hang every policy domain's goals under it,
and prioritise the team's work from the goals: which goals get how much effort, which
partners carry them, and which tasks serve no goal at all.

Contribution scores (1-5 in goal_links) say how much a partner carries a goal. relnet uses
them where they add meaning: `goal_coverage` and `goal_priorities` give the mean
contribution of the partners of a goal (and below it), so a goal with many partners that
each contribute little is told apart from one carried by a few strong partners.
"""

import networkx as nx
import pandas as pd

from ..data.arguments import analysis
from ..data.vocab import MUNICIPAL_KINDS

__all__ = ["goal_tree", "goal_coverage", "goal_priorities", "unlinked_partners",
           "unserved_activities"]


@analysis
def goal_tree(case):
    """The goal tree as a `networkx.DiGraph` parent -> child with `label`, `vision`, `depth`.

    Parameters
    ----------
    <<case>>

    Returns
    -------
    networkx.DiGraph
        One node per goal (attributes label, vision, depth), edges parent -> child.

    Raises
    ------
    CaseError
        The goals do not form one tree (checked with the case).

    Examples
    --------
    >>> import relnet
    >>> T = relnet.goal_tree(relnet.load_example("welderhoven"))
    >>> T.nodes["g0"]["label"], T.nodes["a_schuld"]["depth"]
    ('Iedereen telt mee en doet mee', 2)
    """
    tree = nx.DiGraph()
    goals = case.goals
    for goal, label, vision in zip(goals["id"], goals["label"], goals["vision"]):
        tree.add_node(goal, label=label, vision=vision if isinstance(vision, str) else None)
    for goal, parent in zip(goals["id"], goals["parent"]):
        if isinstance(parent, str) and parent:
            tree.add_edge(parent, goal)
    roots = [g for g in tree if tree.in_degree(g) == 0]
    if roots:
        for goal, depth in nx.single_source_shortest_path_length(tree, roots[0]).items():
            tree.nodes[goal]["depth"] = depth
    return tree


def _links(case):
    links = case.goal_links
    direct = links.groupby("goal")["actor"].apply(set).to_dict() if len(links) else {}
    scores = links.dropna(subset=["contribution"]).groupby("goal")["contribution"] \
        .apply(list).to_dict() if len(links) else {}
    return direct, scores


def _bottom_up(tree, own, combine):
    """For every goal, `combine` of `own(goal)` and the results of the goals right below
    it: one pass from the leaves up, linear in the size of the tree (asking each goal for
    all its descendants took quadratic time: hours for a 10,000-deep chain)."""
    out = {}
    for goal in reversed(list(nx.topological_sort(tree))):
        out[goal] = combine(own(goal), [out[child] for child in tree.successors(goal)])
    return out


def _union(mine, below):
    return mine.union(*below) if below else mine


def _total(mine, below):
    return tuple(map(sum, zip(mine, *below)))


@analysis
def goal_coverage(case):
    """Per goal: goal, label, parent, depth, partners, partners_total, partners_external,
    covered, mean_contribution.

    ``partners`` counts the distinct actors linked to the goal itself; ``partners_total``
    those linked to the goal or any goal below it; ``partners_external`` (v3) those of
    partners_total that are not municipal actors (by kind, or the actors' ``municipal``
    column); ``covered`` is partners_external > 0: a goal carried only by the
    municipality's own teams is not covered by partners;
    ``mean_contribution`` the mean contribution score (1-5) of the links of the goal and
    the goals below it (NaN without scores). The partners linked to no goal are in
    ``.attrs["unlinked_partners"]`` (see `unlinked_partners`).

    Parameters
    ----------
    <<case>>

    Returns
    -------
    DataFrame
        One row per goal, in the order of the goals table: goal (id), label, parent (id;
        None for the main goal), depth (0 for the main goal), partners, partners_total,
        partners_external (int), covered (bool), mean_contribution (float).
        ``.attrs["unlinked_partners"]`` holds the ids of the partners linked to no goal.

    Raises
    ------
    CaseError
        The case breaks the contract (among others: the goals do not form one tree).

    See Also
    --------
    goal_tree : the tree itself.
    goal_priorities : effort and partners per goal.

    Examples
    --------
    >>> import relnet
    >>> cov = relnet.goal_coverage(relnet.load_example("welderhoven"))
    >>> cov.loc[~cov["covered"], "goal"].tolist()
    ['a_schuld']
    """
    from ..network.indicators import municipal_mask

    tree = goal_tree(case)
    direct, scores = _links(case)
    municipal = set(case.actors.loc[municipal_mask(case.actors), "id"])
    rows = []
    partners = _bottom_up(tree, lambda g: frozenset(direct.get(g, ())), _union)
    scored = _bottom_up(tree, lambda g: (sum(scores.get(g, [])), len(scores.get(g, []))),
                        _total)
    for goal in case.goals["id"]:
        everyone = partners[goal]
        external = everyone - municipal
        contributions = scored[goal]
        parents = list(tree.predecessors(goal))
        rows.append({"goal": goal, "label": tree.nodes[goal]["label"],
                     "parent": parents[0] if parents else None,
                     "depth": tree.nodes[goal].get("depth", 0),
                     "partners": len(direct.get(goal, ())), "partners_total": len(everyone),
                     "partners_external": len(external), "covered": bool(external),
                     "mean_contribution": contributions[0] / contributions[1]
                     if contributions[1] else float("nan")})
    frame = pd.DataFrame(rows, columns=["goal", "label", "parent", "depth", "partners",
                                        "partners_total", "partners_external", "covered",
                                        "mean_contribution"])
    frame["mean_contribution"] = frame["mean_contribution"].astype(float)
    frame.attrs["unlinked_partners"] = unlinked_partners(case)["id"].tolist()
    return frame


@analysis(legacy=("lang",), dropped=("lang",))
def goal_priorities(case):
    """Effort and partners per goal, and the tasks that serve no goal (v2).

    Parameters
    ----------
    <<case>>

    Returns
    -------
    DataFrame
        One row per goal: goal, label, vision, activities (tasks of the goal and the goals
        below it), effort (their hours a year), statutory_effort (of which legal duties),
        partners_total, mean_contribution; then one last row with goal empty and label
        ``"no_goal"`` (a key: "geen doel" in `relnet.show` and the report) for the tasks
        that serve no goal (the source's team that could not say what its tasks were for).

    Examples
    --------
    >>> import relnet
    >>> p = relnet.goal_priorities(relnet.load_example("haverdonk"))
    >>> first, last = p.iloc[0], p.iloc[-1]
    >>> first["goal"], int(first["activities"]), float(first["effort"])
    ('g0', 6, 5750.0)
    >>> last["label"], int(last["activities"]), float(last["effort"])
    ('no_goal', 1, 900.0)
    """
    tree = goal_tree(case)
    coverage = goal_coverage(case).set_index("goal")
    tasks = case.activities
    goal_of = tasks["goal"].where(tasks["goal"].notna(), None)
    effort = tasks["effort"].fillna(0.0).astype(float)
    statutory = tasks["statutory"].astype(bool)
    rows = []
    per_goal = pd.DataFrame({"goal": goal_of, "n": 1, "effort": effort,
                             "statutory": effort.where(statutory, 0.0)}) \
        .groupby("goal")[["n", "effort", "statutory"]].sum()
    own = {g: tuple(v) for g, v in zip(per_goal.index, per_goal.itertuples(index=False))}
    sums = _bottom_up(tree, lambda g: own.get(g, (0, 0.0, 0.0)), _total)
    for goal in case.goals["id"]:
        count, hours, statutory_hours = sums[goal]
        rows.append({"goal": goal, "label": tree.nodes[goal]["label"],
                     "vision": tree.nodes[goal]["vision"],
                     "activities": int(count), "effort": float(hours),
                     "statutory_effort": float(statutory_hours),
                     "partners_total": int(coverage.loc[goal, "partners_total"]),
                     "mean_contribution": float(coverage.loc[goal, "mean_contribution"])})
    none = goal_of.isna().to_numpy(dtype=bool)
    rows.append({"goal": None, "label": "no_goal", "vision": None,
                 "activities": int(none.sum()), "effort": float(effort[none].sum()),
                 "statutory_effort": float(effort[none & statutory.to_numpy()].sum()),
                 "partners_total": 0, "mean_contribution": float("nan")})
    frame = pd.DataFrame(rows)
    for column in ("goal", "label", "vision"):
        frame[column] = frame[column].astype("str")
    return frame


@analysis
def unserved_activities(case):
    """The tasks that serve no goal: id, name, team, effort, statutory.

    Parameters
    ----------
    <<case>>

    Returns
    -------
    DataFrame
        The rows of the activities table without a goal, numbered from 0, with the columns
        id, name, team, effort (hours a year) and statutory (a legal duty).

    Raises
    ------
    <<raises_case>>

    See Also
    --------
    goal_priorities : its last row sums these tasks.

    Examples
    --------
    >>> import relnet
    >>> unserved_activities(relnet.load_example("haverdonk"))["id"].tolist()
    ['t_subsidie']
    """
    tasks = case.activities
    return tasks[tasks["goal"].isna().to_numpy(dtype=bool)][
        ["id", "name", "team", "effort", "statutory"]].reset_index(drop=True)


@analysis
def unlinked_partners(case):
    """Partners that serve no goal: non-municipal organisations (not persons) without a
    goal link.

    Parameters
    ----------
    <<case>>

    Returns
    -------
    DataFrame
        The actors whose kind is not municipal and who are not persons (``person`` false),
        and that no row of goal_links names, numbered from 0, with the columns id, name
        and kind. All actors of the case count, whatever their waves.

    Raises
    ------
    <<raises_case>>

    See Also
    --------
    goal_coverage : lists their ids in ``.attrs["unlinked_partners"]``.

    Examples
    --------
    >>> import relnet
    >>> "buur_oost" in set(unlinked_partners(relnet.load_example("haverdonk"))["id"])
    True
    """
    actors = case.actors
    partners = actors[~actors["kind"].isin(MUNICIPAL_KINDS) & ~actors["person"].astype(bool)]
    linked = set(case.goal_links["actor"])
    return partners[~partners["id"].isin(linked)][["id", "name", "kind"]].reset_index(drop=True)

"""The goal tree (doelenboom): one main goal, sub-goals, activities and contributing partners."""

import networkx as nx
import pandas as pd

from ..data.arguments import analysis
from ..data.vocab import MUNICIPAL_KINDS

__all__ = ["goal_tree", "goal_coverage", "unlinked_partners"]


@analysis
def goal_tree(case):
    """The goal tree as a `networkx.DiGraph` parent -> child with `label` and `depth`.

    Raises ValueError unless there is exactly one root and no cycle (a case read from
    files is already checked).

    >>> import relnet
    >>> T = relnet.goal_tree(relnet.load_example("welderhoven"))
    >>> T.nodes["g0"]["label"], T.nodes["a_schuld"]["depth"]
    ('Iedereen telt mee en doet mee', 2)
    """
    tree = nx.DiGraph()
    goals = case.goals
    for goal, label in zip(goals["id"], goals["label"]):
        tree.add_node(goal, label=label)
    for goal, parent in zip(goals["id"], goals["parent"]):
        if isinstance(parent, str) and parent:
            tree.add_edge(parent, goal)
    roots = [g for g in tree if tree.in_degree(g) == 0]
    if len(tree) and (len(roots) != 1 or not nx.is_arborescence(tree)):
        raise ValueError("the goals do not form one tree with a single main goal "
                         f"(roots: {', '.join(roots) or 'none'})")
    if roots:
        for goal, depth in nx.single_source_shortest_path_length(tree, roots[0]).items():
            tree.nodes[goal]["depth"] = depth
    return tree


@analysis
def goal_coverage(case):
    """Per goal: goal, label, parent, depth, partners, partners_total, covered.

    ``partners`` counts the distinct actors linked to the goal itself; ``partners_total``
    those linked to the goal or any goal below it; ``covered`` is partners_total > 0.
    The partners linked to no goal are in ``.attrs["unlinked_partners"]`` (see
    `unlinked_partners`).

    >>> import relnet
    >>> cov = relnet.goal_coverage(relnet.load_example("welderhoven"))
    >>> cov.loc[~cov["covered"], "goal"].tolist()
    ['a_schuld']
    """
    tree = goal_tree(case)
    links = case.goal_links
    direct = links.groupby("goal")["actor"].apply(set).to_dict() if len(links) else {}
    rows = []
    for goal in case.goals["id"]:
        below = {goal} | nx.descendants(tree, goal)
        everyone = set().union(*(direct.get(g, set()) for g in below))
        parents = list(tree.predecessors(goal))
        rows.append({"goal": goal, "label": tree.nodes[goal]["label"],
                     "parent": parents[0] if parents else None,
                     "depth": tree.nodes[goal].get("depth", 0),
                     "partners": len(direct.get(goal, ())), "partners_total": len(everyone),
                     "covered": bool(everyone)})
    frame = pd.DataFrame(rows, columns=["goal", "label", "parent", "depth", "partners",
                                        "partners_total", "covered"])
    frame.attrs["unlinked_partners"] = unlinked_partners(case)["id"].tolist()
    return frame


@analysis
def unlinked_partners(case):
    """Partners that serve no goal: non-municipal organisations (not persons) without a
    goal link.

    >>> import relnet
    >>> "buur_oost" in set(unlinked_partners(relnet.load_example("haverdonk"))["id"])
    True
    """
    actors = case.actors
    partners = actors[~actors["kind"].isin(MUNICIPAL_KINDS) & ~actors["person"].astype(bool)]
    linked = set(case.goal_links["actor"])
    return partners[~partners["id"].isin(linked)][["id", "name", "kind"]].reset_index(drop=True)

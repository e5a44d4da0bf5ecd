"""The partner strategy matrix: influence on the goals x dependency, with the desired moves.

Each partner has two scores from 0 to 10: its influence on reaching the goals (vertical)
and the municipality's dependency on it ("if it fell away, is there an alternative?",
horizontal); a score equal to the threshold counts as high. The matrix and its four moves
follow the source on partner strategies (``docs/sources.md``), which took the figure from
Kraljic's purchasing matrix; the quadrant names and the strategy per quadrant are relnet's
rendering of Kraljic (1983) and are credited as such wherever they are shown.

A move says where the partnership should go: up (raise the partner's effectiveness), down
(phase the relationship out and end it), left (become less dependent), right (commit for
years). What a user reads follows the move: `target_strategy` is the strategy of the
quadrant the partner moves to (or the phase-out), so strategy and move never contradict
each other. Partners with the same `bundle` are to be brought together as one (the source's
youth work by three organisations, to be asked for one complete offer).

v3: a move is a *proposal* (the source: where would you want the partnership to go?), worded
as such. An affiliated body (kind affiliated_body, or a body in the roles table) is not a
market party: the municipality steers it through its roles as owner and commissioner (the
source on affiliated bodies), so its strategy is ``roles``, never the leverage quadrant's
competition. A bundle whose members propose different moves, or with a member proposed for
phase-out, is a data problem (`bundle_problems`), not two decisions.

References
----------
Kraljic, P. (1983). Purchasing must become supply management. *Harvard Business Review*,
61(5), 109-117.
"""

import pandas as pd

from ..data.arguments import analysis
from ..network._cache import snapshot

__all__ = ["partner_matrix", "partner_bundles", "bundle_problems", "quadrant",
           "target_quadrant", "action", "affiliated_ids", "QUADRANTS", "MOVES_ORDER"]

# key -> (influence high?, dependency high?)
QUADRANTS = {
    "strategic": (True, True),
    "leverage": (True, False),
    "bottleneck": (False, True),
    "routine": (False, False),
}
MOVES_ORDER = ("up", "down", "left", "right")


def quadrant(influence, dependency, threshold=5):
    """The quadrant of a pair of scores; a score equal to the threshold counts as high.

    >>> quadrant(5, 5), quadrant(4.9, 5), quadrant(5, 4.9), quadrant(0, 0)
    ('strategic', 'bottleneck', 'leverage', 'routine')
    """
    high = (influence >= threshold, dependency >= threshold)
    return next(k for k, v in QUADRANTS.items() if v == high)


def target_quadrant(current, move):
    """The quadrant after a move: up makes influence high, down low; left makes dependency
    low, right high; no move keeps the quadrant.

    >>> target_quadrant("routine", "up+right"), target_quadrant("strategic", "down")
    ('strategic', 'bottleneck')
    >>> target_quadrant("leverage", None)
    'leverage'
    """
    influence, dependency = QUADRANTS[current]
    for part in (move or "").split("+"):
        if part == "up":
            influence = True
        elif part == "down":
            influence = False
        elif part == "left":
            dependency = False
        elif part == "right":
            dependency = True
    return next(k for k, v in QUADRANTS.items() if v == (influence, dependency))


def action(move):
    """What a move asks, as the key of each of its parts in the source's order (``"none"``
    without a move); `relnet.show` and the report put it into words.

    >>> action("right+up"), action(None)
    ('up+right', 'none')
    """
    parts = [p for p in MOVES_ORDER if p in (move or "").split("+")]
    return "+".join(parts) if parts else "none"


def _scores_for_wave(case, wave):
    partners = case.partners
    if wave is None or not len(partners):
        return partners.drop_duplicates("actor", keep="last")
    rows = partners[(partners["wave"] == wave).fillna(False).to_numpy(dtype=bool)]
    general = partners[partners["wave"].isna().to_numpy(dtype=bool)]
    general = general[~general["actor"].isin(rows["actor"])]
    return pd.concat([rows, general]).drop_duplicates("actor", keep="last")


def affiliated_ids(case):
    """The affiliated bodies of a case: actors of kind affiliated_body and every body the
    roles table names."""
    kinds = case.actors["kind"]
    return set(case.actors.loc[(kinds == "affiliated_body").to_numpy(dtype=bool), "id"]) | \
        set(case.roles["body"])


def _text(series):
    return pd.Series([v if isinstance(v, str) and v else None for v in series], dtype="str")


@analysis(legacy=("wave", "threshold", "lang"), dropped=("lang",))
def partner_matrix(case, *, wave=None, threshold=5):
    """The partner strategy matrix of a wave, with each partner's structural position.

    Parameters
    ----------
    <<case>>
    wave : int, optional
        None: the latest wave. Score rows without a wave apply to every wave.
    threshold : float
        A score equal to it counts as high (default 5).

    Returns
    -------
    DataFrame
        actor, name, influence, dependency, quadrant (strategic, leverage, bottleneck,
        routine), affiliated (an affiliated body), strategy (the key of the current
        quadrant's strategy; ``"roles"`` for an affiliated body: steered through the
        municipality's roles, not through the market), move (the proposed move),
        target_quadrant, action (the move's parts as keys, ``"none"`` without a move),
        target_strategy (the key of the strategy after the move: the target quadrant,
        ``"roles"`` for an affiliated body, or ``"phase_out"`` for a move down), phase_out,
        note, bundle; and the partner's position in the collapsed network of the wave:
        betweenness and cut_point (the network falls into more pieces without it), shown
        beside the scores for the discussion. (v3: the v2 ``mismatch`` between the
        dependency score and betweenness is gone: the source's "is there an alternative?"
        and betweenness measure different things, and no direction follows from them.)

    See Also
    --------
    partner_bundles : one row per bundle of partners to be brought together.

    Notes
    -----
    Quadrant names and strategies: relnet after Kraljic (1983); moves and their meaning:
    the source on partner strategies (``docs/sources.md``).

    Examples
    --------
    >>> import relnet
    >>> m = relnet.partner_matrix(relnet.load_example("lindermeer"))
    >>> row = m.set_index("actor").loc["jw_west"]
    >>> row[["quadrant", "move", "target_quadrant", "bundle"]].tolist()
    ['routine', 'up+right', 'strategic', 'jongerenwerk']
    >>> row["target_strategy"]
    'strategic'
    """
    scores = _scores_for_wave(case, wave)
    names = dict(zip(case.actors["id"], case.actors["name"]))
    quadrants = [quadrant(i, d, threshold) for i, d in zip(scores["influence"],
                                                            scores["dependency"])]
    moves = [m if isinstance(m, str) and m else None for m in scores["move"]]
    targets = [target_quadrant(q, m) for q, m in zip(quadrants, moves)]
    phase_out = ["down" in (m or "").split("+") for m in moves]
    bodies = affiliated_ids(case)
    affiliated = [a in bodies for a in scores["actor"]]
    frame = pd.DataFrame({
        "actor": scores["actor"].to_numpy(),
        "name": [names.get(a, a) for a in scores["actor"]],
        "influence": scores["influence"].to_numpy(dtype=float),
        "dependency": scores["dependency"].to_numpy(dtype=float),
        "quadrant": quadrants,
        "affiliated": affiliated,
        "strategy": ["roles" if body else q for q, body in zip(quadrants, affiliated)],
        "move": pd.Series(moves, dtype="str"),
        "target_quadrant": targets,
        "action": [action(m) for m in moves],
        "target_strategy": ["phase_out" if out else "roles" if body else t
                            for t, out, body in zip(targets, phase_out, affiliated)],
        "phase_out": phase_out,
        "note": _text(scores["note"]),
        "bundle": _text(scores["bundle"]),
    })
    position = _structural_position(case, wave)
    frame["betweenness"] = frame["actor"].map(position["betweenness"]).astype(float)
    frame["cut_point"] = frame["actor"].map(position["cut_point"]).fillna(False).astype(bool)
    return frame.sort_values(["quadrant", "actor"]).reset_index(drop=True)


def _structural_position(case, wave):
    from ..network.metrics import actor_metrics

    snap = snapshot(case, wave)

    def compute():
        betweenness = actor_metrics(case, wave=wave)["betweenness"]
        arrays = snap.arrays
        cut = set(arrays.igraph.articulation_points()) if arrays.n else set()
        return {
            "betweenness": betweenness,
            "cut_point": pd.Series([i in cut for i in range(arrays.n)], index=arrays.ids,
                                   dtype=bool),
        }

    return snap.cached("structural_position", compute)


def _bundle_problem(members):
    """Why a bundle's members cannot go on as one: ``member_phased_out`` (a member is
    proposed for phase-out), ``moves_differ`` (the members propose different moves), else
    None."""
    if members["phase_out"].any():
        return "member_phased_out"
    if len(set(members["move"].fillna(""))) > 1:
        return "moves_differ"
    return None


@analysis(legacy=("wave", "threshold", "lang"), dropped=("lang",))
def partner_bundles(case, *, wave=None, threshold=5):
    """One row per bundle: partners to be brought together as one (v2).

    Parameters
    ----------
    <<case, wave>>
    threshold : float

    Returns
    -------
    DataFrame
        bundle, members (their names, joined by ", "), n, influence and dependency (the
        members' means: the bundle's joint position), quadrant (of that position), move
        (the members' common proposed move, else empty), target_quadrant, note (the
        members' notes, distinct, joined by "; "), problem (v3: ``moves_differ`` or
        ``member_phased_out`` when the members cannot go on as one as entered, else empty;
        `validate` lists the same as a located warning).

    Examples
    --------
    >>> import relnet
    >>> b = relnet.partner_bundles(relnet.load_example("lindermeer"))
    >>> b[["bundle", "n", "move", "quadrant", "target_quadrant"]].values.tolist()
    [['jongerenwerk', 3, 'up+right', 'routine', 'strategic']]
    """
    matrix = partner_matrix(case, wave=wave, threshold=threshold)
    columns = ["bundle", "members", "n", "influence", "dependency", "quadrant", "move",
               "target_quadrant", "note", "problem"]
    grouped = matrix[matrix["bundle"].notna().to_numpy(dtype=bool)]
    rows = []
    for bundle, members in grouped.groupby("bundle", sort=True):
        moves = set(members["move"].fillna(""))
        move = moves.pop() if len(moves) == 1 else ""
        influence = float(members["influence"].mean())
        dependency = float(members["dependency"].mean())
        where = quadrant(influence, dependency, threshold)
        notes = list(dict.fromkeys(n for n in members["note"] if isinstance(n, str) and n))
        rows.append({"bundle": bundle, "members": ", ".join(sorted(members["name"])),
                     "n": len(members), "influence": influence, "dependency": dependency,
                     "quadrant": where, "move": move or None,
                     "target_quadrant": target_quadrant(where, move or None),
                     "note": "; ".join(notes) or None, "problem": _bundle_problem(members)})
    frame = pd.DataFrame(rows, columns=columns)
    frame["n"] = frame["n"].astype("int64")
    for column in ("move", "note", "problem"):
        frame[column] = frame[column].astype("str")
    return frame.astype({"influence": float, "dependency": float})


@analysis
def bundle_problems(case, *, wave=None, threshold=5):
    """The bundles whose members cannot go on as one as entered (v3): a member proposed for
    phase-out, or members proposing different moves.

    Parameters
    ----------
    <<case, wave>>
    threshold : float

    Returns
    -------
    DataFrame
        bundle, problem (``member_phased_out`` or ``moves_differ``), members (ids, a list),
        moves (each member's proposed move by id, a dict; None without one).

    Examples
    --------
    >>> import relnet
    >>> relnet.bundle_problems(relnet.load_example("lindermeer")).empty
    True
    """
    matrix = partner_matrix(case, wave=wave, threshold=threshold)
    grouped = matrix[matrix["bundle"].notna().to_numpy(dtype=bool)]
    rows = []
    for bundle, members in grouped.groupby("bundle", sort=True):
        found = _bundle_problem(members)
        if found:
            rows.append({"bundle": bundle, "problem": found,
                         "members": members["actor"].tolist(),
                         "moves": {a: (m if isinstance(m, str) else None)
                                   for a, m in zip(members["actor"], members["move"])}})
    return pd.DataFrame(rows, columns=["bundle", "problem", "members", "moves"])

"""The partner strategy matrix: influence on the goals x dependency (after Kraljic 1983).

Each partner has two scores from 0 to 10: its influence on reaching the goals (vertical)
and the municipality's dependency on it ("if it fell away, is there an alternative?",
horizontal). A score equal to the threshold counts as high.
"""

import math

import pandas as pd

from ..data.arguments import analysis
from ..network._cache import snapshot

__all__ = ["partner_matrix", "quadrant", "target_quadrant", "QUADRANTS", "STRATEGIES"]

# key -> (influence high?, dependency high?)
QUADRANTS = {
    "strategic": (True, True),
    "leverage": (True, False),
    "bottleneck": (False, True),
    "routine": (False, False),
}
QUADRANT_LABELS = {
    "en": {"strategic": "strategic partner", "leverage": "leverage", "bottleneck": "bottleneck",
           "routine": "routine"},
    "nl": {"strategic": "strategisch partner", "leverage": "hefboom", "bottleneck": "knelpunt",
           "routine": "routine"},
}
STRATEGIES = {
    "en": {
        "strategic": "Build a multi-year committed partnership.",
        "leverage": "Make performance agreements; let providers compete.",
        "bottleneck": "Reduce the dependency or raise the partner's effectiveness.",
        "routine": "Keep standard arrangements; consider ending the relationship.",
    },
    "nl": {
        "strategic": "Bouw een meerjarig, commitment-gedreven partnerschap.",
        "leverage": "Maak prestatieafspraken; laat aanbieders concurreren.",
        "bottleneck": "Verminder de afhankelijkheid of verhoog de effectiviteit van de partner.",
        "routine": "Houd het bij standaardafspraken; overweeg de relatie te beëindigen.",
    },
}
MOVE_LABELS = {
    "en": {"up": "up (raise effectiveness)", "down": "down (wind down)",
           "left": "left (become less dependent)", "right": "right (commit for years)"},
    "nl": {"up": "omhoog (effectiviteit verhogen)", "down": "omlaag (relatie afbouwen)",
           "left": "links (minder afhankelijk worden)", "right": "rechts (meerjarig verbinden)"},
}


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


def _scores_for_wave(case, wave):
    partners = case.partners
    if wave is None or not len(partners):
        return partners.drop_duplicates("actor", keep="last")
    rows = partners[(partners["wave"] == wave).fillna(False).to_numpy(dtype=bool)]
    general = partners[partners["wave"].isna().to_numpy(dtype=bool)]
    general = general[~general["actor"].isin(rows["actor"])]
    return pd.concat([rows, general]).drop_duplicates("actor", keep="last")


@analysis
def partner_matrix(case, wave=None, threshold=5, lang="en"):
    """The partner strategy matrix of a wave, with each partner's structural position.

    Returns a DataFrame with actor, name, influence, dependency, quadrant, strategy, move,
    target_quadrant, and beside the scores the partner's position in the collapsed network
    of the wave: betweenness, cut_point (the network falls into more pieces without it) and
    mismatch (perceived dependency and structural position disagree: a high dependency
    score for a partner that is neither a cut point nor in the top quarter of betweenness
    (and above 0), or a low one for a partner that is). Score rows without a wave apply to every wave.

    Examples
    --------
    >>> import relnet
    >>> m = relnet.partner_matrix(relnet.load_example("lindermeer"))
    >>> m.set_index("actor").loc["jw_west", ["quadrant", "move", "target_quadrant"]].tolist()
    ['routine', 'up+right', 'strategic']
    """
    wave = case.resolve_wave(wave)
    scores = _scores_for_wave(case, wave)
    names = dict(zip(case.actors["id"], case.actors["name"]))
    quadrants = [quadrant(i, d, threshold) for i, d in zip(scores["influence"],
                                                            scores["dependency"])]
    moves = [m if isinstance(m, str) and m else None for m in scores["move"]]
    frame = pd.DataFrame({
        "actor": scores["actor"].to_numpy(),
        "name": [names.get(a, a) for a in scores["actor"]],
        "influence": scores["influence"].to_numpy(dtype=float),
        "dependency": scores["dependency"].to_numpy(dtype=float),
        "quadrant": quadrants,
        "strategy": [STRATEGIES[lang][q] for q in quadrants],
        "move": pd.Series(moves, dtype="str"),
        "target_quadrant": [target_quadrant(q, m) for q, m in zip(quadrants, moves)],
    })
    position = _structural_position(case, wave)
    frame["betweenness"] = frame["actor"].map(position["betweenness"]).astype(float)
    frame["cut_point"] = frame["actor"].map(position["cut_point"]).fillna(False).astype(bool)
    central = (frame["betweenness"] > 0) & (frame["betweenness"] >= position["top_quarter"])
    structural = frame["cut_point"] | central
    perceived = frame["dependency"] >= threshold
    frame["mismatch"] = (structural != perceived) & frame["betweenness"].notna()
    return frame.sort_values(["quadrant", "actor"]).reset_index(drop=True)


def _structural_position(case, wave):
    from ..network.metrics import actor_metrics

    snap = snapshot(case, wave)

    def compute():
        betweenness = actor_metrics(case, wave)["betweenness"]
        arrays = snap.arrays
        cut = set(arrays.igraph.articulation_points()) if arrays.n else set()
        return {
            "betweenness": betweenness,
            "cut_point": pd.Series([i in cut for i in range(arrays.n)], index=arrays.ids,
                                   dtype=bool),
            "top_quarter": betweenness.quantile(0.75) if len(betweenness) else math.inf,
        }

    return snap.cached("structural_position", compute)

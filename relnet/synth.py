"""Synthetic, valid cases of any size for training and benchmarks.

``generate_case(n_actors, seed=0, style="relational" | "directive")`` makes a fictional
municipality with the contract's kinds, domains, districts, two waves, partner scores, a goal
tree, roles toward affiliated bodies and self-assessment answers. A *directive* case
("regiegemeente") routes most ties through municipal actors; a *relational* one has mostly
partner-to-partner ties within districts. About 7.5 ties per actor over the two waves.
"""

import numpy as np
import pandas as pd

from .data.case import COLUMNS, Case, empty_table
from .data.vocab import DIRECTED_BY_DEFAULT, MUNICIPAL_KINDS, PERSON_KINDS

__all__ = ["generate_case", "STYLES"]

STYLES = ("relational", "directive")
WAVES = (2015, 2017)

# share of the non-core actors per kind, and the domains each kind draws from
_KIND_SHARES = {
    "care_provider": 0.15, "welfare_org": 0.10, "education": 0.06, "housing": 0.03,
    "employer": 0.08, "affiliated_body": 0.01, "citizen_initiative": 0.08,
    "informal_carer": 0.20, "key_person": 0.10, "other_municipality": 0.01, "other": 0.18,
}
_KIND_DOMAINS = {
    "municipality": ["general"], "council": ["general"], "administrator": ["general"],
    "department": ["care", "youth", "work", "income", "welfare"],
    "district_team": ["care", "youth", "welfare"],
    "care_provider": ["care", "health", "youth"], "welfare_org": ["welfare", "youth", "care"],
    "education": ["education", "youth"], "housing": ["housing"], "employer": ["work"],
    "affiliated_body": ["work", "income", "health", "youth"],
    "citizen_initiative": ["welfare", "care", "housing"], "informal_carer": ["care"],
    "key_person": ["welfare", "safety"], "other_municipality": ["general"],
    "other": ["general", "safety", "income", "health"],
}
_PERSON_KINDS = PERSON_KINDS


def _core_counts(n):
    return {
        "municipality": 1, "council": 1,
        "department": max(2, n // 120), "administrator": max(2, min(6, n // 60)),
        "district_team": max(2, n // 80),
    }


def _actors(n, rng):
    core = _core_counts(n)
    rest = n - sum(core.values())
    if rest < 4:
        raise ValueError("generate_case needs at least 12 actors")
    kinds = []
    for kind, count in core.items():
        kinds += [kind] * count
    shares = np.array(list(_KIND_SHARES.values()))
    counts = np.floor(shares / shares.sum() * rest).astype(int)
    counts[-1] += rest - counts.sum()
    for kind, count in zip(_KIND_SHARES, counts):
        kinds += [kind] * int(count)
    kinds = np.array(kinds, dtype=object)
    n_districts = max(2, n // 80)
    districts = rng.integers(0, n_districts, n)
    domains = np.array(["|".join(sorted(set(rng.choice(_KIND_DOMAINS[k],
                                                       size=1 + (rng.random() < 0.3)))))
                        for k in kinds], dtype=object)
    # most actors exist in both waves; some appear in the second, a few vanish
    fate = rng.random(n)
    waves = np.where(fate < 0.10, str(WAVES[1]), np.where(fate < 0.14, str(WAVES[0]), None))
    waves[np.isin(kinds, list(MUNICIPAL_KINDS))] = None
    width = len(str(n))
    ids = np.array([f"a{i:0{width}d}" for i in range(n)], dtype=object)
    label = {"municipality": "Gemeente Synthdorp", "council": "Gemeenteraad Synthdorp"}
    names = np.array([label.get(k, f"{k.replace('_', ' ').title()} {i}")
                      for i, k in enumerate(kinds)], dtype=object)
    district_names = np.array([f"Wijk {d + 1}" for d in range(n_districts)], dtype=object)
    frame = pd.DataFrame({
        "id": ids, "name": names, "kind": kinds, "domain": domains,
        "person": np.isin(kinds, list(_PERSON_KINDS)),
        "waves": waves, "district": district_names[districts],
    })
    frame.loc[frame["kind"].isin(["municipality", "council", "administrator",
                                  "department", "other_municipality"]), "district"] = None
    team_rows = frame.index[frame["kind"] == "district_team"]
    frame.loc[team_rows, "district"] = district_names[np.arange(len(team_rows)) % n_districts]
    for column in ("id", "name", "kind", "domain", "waves", "district"):
        frame[column] = frame[column].astype("str")
    frame["respondent"] = ~frame["person"]
    return frame


def _pick_types(kind_s, kind_t, municipal_s, municipal_t, rng):
    m = len(kind_s)
    types = np.where(rng.random(m) < 0.6, "collaboration",
                     np.where(rng.random(m) < 0.5, "information", "referral")).astype(object)
    hub = municipal_s & ~municipal_t
    r = rng.random(m)
    types[hub] = np.where(r[hub] < 0.35, "funding",
                          np.where(r[hub] < 0.6, "contract", "information"))
    types[hub & (kind_t == "affiliated_body")] = "governance"
    informal = np.isin(kind_t, ["informal_carer", "key_person", "citizen_initiative"])
    types[(kind_s == "district_team") & informal] = "support"
    types[municipal_s & municipal_t] = "governance"
    return types


def _ties_for_wave(actors, n_ties, style, rng):
    kinds = actors["kind"].to_numpy(dtype=object)
    municipal = np.isin(kinds, list(MUNICIPAL_KINDS))
    district = actors["district"].to_numpy(dtype=object)
    idx = np.arange(len(actors))
    mun_idx, other_idx = idx[municipal], idx[~municipal]
    hub_share = 0.6 if style == "directive" else 0.15
    n_hub = int(n_ties * hub_share)
    # hub ties: a municipal actor (the municipality and departments most) to a partner
    weights = np.where(np.isin(kinds[mun_idx], ["municipality", "department"]), 6.0, 1.0)
    hub_s = rng.choice(mun_idx, n_hub, p=weights / weights.sum())
    hub_t = rng.choice(other_idx, n_hub)
    # partner ties: mostly within a district (community structure), preferential by degree
    n_rest = n_ties - n_hub
    src = rng.choice(other_idx, n_rest)
    same = rng.random(n_rest) < (0.8 if style == "relational" else 0.5)
    by_district = pd.Series(other_idx).groupby(district[other_idx]).apply(np.asarray)
    tgt = rng.choice(other_idx, n_rest)
    for d, members in by_district.items():
        rows = np.nonzero(same & (district[src] == d))[0]
        if len(rows) and len(members):
            tgt[rows] = rng.choice(members, len(rows))
    s = np.concatenate([hub_s, src])
    t = np.concatenate([hub_t, tgt])
    flip = rng.random(len(s)) < 0.25  # partners also report to the municipality
    s[flip], t[flip] = t[flip].copy(), s[flip].copy()
    keep = s != t
    s, t = s[keep], t[keep]
    ms, mt = municipal[s], municipal[t]
    types = _pick_types(kinds[s], kinds[t], ms, mt, rng)
    return s, t, types


def generate_case(n_actors, seed=0, style="relational", ties_per_actor=7.5):
    """A valid synthetic case with `n_actors` actors and two waves (2015, 2017).

    Parameters
    ----------
    n_actors : int
        At least 12.
    seed : int
        Same seed, same case.
    style : {"relational", "directive"}
        "directive": a municipal hub (about 60% of ties have a municipal end);
        "relational": partner-to-partner ties within districts (about 15% municipal).
    ties_per_actor : float
        Tie rows per actor over both waves (7.5 by default).

    Examples
    --------
    >>> from relnet.synth import generate_case
    >>> case = generate_case(200, seed=1, style="directive")
    >>> len(case.actors), case.waves, case.meta["fictional"]
    (200, [2015, 2017], True)
    """
    if style not in STYLES:
        raise ValueError(f"style must be one of {', '.join(STYLES)}, not {style!r}")
    n = int(n_actors)
    rng = np.random.default_rng(seed)
    actors = _actors(n, rng)
    total = int(round(ties_per_actor * n))
    first = total // 2
    # wave 1, then wave 2 keeps ~70% of wave 1's ties and adds new ones
    s1, t1, ty1 = _ties_for_wave(actors, first, style, rng)
    keep = rng.random(len(s1)) < 0.7
    s2n, t2n, ty2n = _ties_for_wave(actors, total - first - int(keep.sum()), style, rng)
    frames = [
        pd.DataFrame({"s": s1, "t": t1, "type": ty1, "wave": WAVES[0]}),
        pd.DataFrame({"s": s1[keep], "t": t1[keep], "type": ty1[keep], "wave": WAVES[1]}),
        pd.DataFrame({"s": s2n, "t": t2n, "type": ty2n, "wave": WAVES[1]}),
    ]
    raw = pd.concat(frames, ignore_index=True)
    ids = actors["id"].to_numpy(dtype=object)
    presence = actors["waves"]
    for wave in WAVES:
        absent = presence.notna() & (presence != str(wave))
        absent_idx = np.nonzero(absent.to_numpy())[0]
        in_wave = raw["wave"] == wave
        raw = raw[~(in_wave & (raw["s"].isin(absent_idx) | raw["t"].isin(absent_idx)))]
    raw = raw.drop_duplicates(["s", "t", "type", "wave"]).reset_index(drop=True)
    m = len(raw)
    ties = empty_table("ties").reindex(range(m))
    ties["source"] = pd.Series(ids[raw["s"].to_numpy()], dtype="str")
    ties["target"] = pd.Series(ids[raw["t"].to_numpy()], dtype="str")
    ties["type"] = raw["type"].astype("str")
    ties["directed"] = ties["type"].isin(DIRECTED_BY_DEFAULT).to_numpy()
    ties["weight"] = rng.integers(1, 6, m).astype(float)
    ties["wave"] = raw["wave"].astype("Int64")
    ties["since"] = pd.array(rng.integers(2000, 2015, m), dtype="Int64")
    rated = (rng.random(m) < 0.3) & (ties["wave"] == WAVES[1]).to_numpy()
    ties["trust"] = np.where(rated, rng.integers(1, 6, m), np.nan)
    ties["reported_by"] = pd.Series(np.where(rated, ties["source"], None), dtype="str")
    shift = 0.4 if style == "relational" else -0.2
    for column in ("reliability", "mission", "openness", "power", "resources", "involvement"):
        scores = np.clip(np.round(rng.normal(2.6 + shift, 0.7, m)), 1, 4)
        ties[column] = np.where(rated, scores, np.nan)
    meta = {
        "name": f"Synthetische casus ({style}, {n} actoren, seed {seed})",
        "municipality": "Synthdorp",
        "fictional": True,
        "population": int(n * 400),
        "region": "Synthetisch",
        "waves": list(WAVES),
        "summary": f"Synthetic {style} case generated by relnet.synth (seed {seed}).",
        "source": "relnet.synth.generate_case",
        "licence": "CC0-1.0",
    }
    case = Case(meta=meta, actors=actors, ties=ties[COLUMNS["ties"]])
    _instruments(case, rng, style)
    return case


def _instruments(case, rng, style):
    """Partner scores, a goal tree with links, roles and self-assessment answers."""
    actors = case.actors
    orgs = actors[actors["kind"].isin(["care_provider", "welfare_org", "education", "housing",
                                       "employer", "affiliated_body"])]
    scored = orgs.sample(min(len(orgs), 40), random_state=int(rng.integers(1 << 30)))
    rows = []
    for wave in WAVES:
        for actor in scored["id"]:
            rows.append({"actor": actor, "influence": float(rng.integers(0, 11)),
                         "dependency": float(rng.integers(0, 11)),
                         "move": rng.choice(["", "up", "down", "left", "right", "up+right",
                                             "down+left"]) if wave == WAVES[1] else "",
                         "wave": wave, "note": ""})
    partners = pd.DataFrame(rows).reindex(columns=COLUMNS["partners"])
    partners["move"] = partners["move"].replace("", None)
    partners["note"] = partners["note"].replace("", None)
    domains = ["work", "care", "youth", "welfare", "housing"]
    goals = [("g0", "Iedereen telt mee en doet mee", None)]
    for d in domains:
        goals.append((f"g_{d}", f"Doel {d}", "g0"))
        for k in range(2):
            goals.append((f"a_{d}_{k + 1}", f"Activiteit {d} {k + 1}", f"g_{d}"))
    goal_ids = [g[0] for g in goals if g[0].startswith("a_")][:-1]  # the last one stays uncovered
    links = [(g, a, float(rng.integers(1, 6)))
             for a in scored["id"] for g in rng.choice(goal_ids, 1 + (rng.random() < 0.3))]
    admins = actors.loc[actors["kind"] == "administrator", "id"].tolist()
    departments = actors.loc[actors["kind"] == "department", "id"].tolist()
    roles = []
    for i, body in enumerate(actors.loc[actors["kind"] == "affiliated_body", "id"]):
        roles += [(body, "commissioner", admins[i % len(admins)]),
                  (body, "owner", admins[(i + 1) % len(admins)]),
                  (body, "director", departments[i % len(departments)])]
    n_resp = int(min(30, max(5, len(actors) // 20)))
    base = 3.3 if style == "relational" else 2.5
    lessons = [(f"R{r + 1:02d}", lesson, float(np.clip(round(rng.normal(base, 0.9)), 1, 5)),
                wave, None)
               for wave in WAVES for r in range(n_resp) for lesson in range(1, 11)]

    def frame(table, records):
        out = pd.DataFrame(records)
        out.columns = COLUMNS[table][:out.shape[1]] if len(out.columns) else []
        out = out.reindex(columns=COLUMNS[table])
        return out.astype({c: t for c, t in empty_table(table).dtypes.items()})

    case.partners = frame("partners", partners)
    case.goals = frame("goals", goals)
    case.goal_links = frame("goal_links", links).drop_duplicates(["goal", "actor"]) \
        .reset_index(drop=True)
    case.roles = frame("roles", roles)
    case.lessons = frame("lessons", lessons)
    # the teams' tasks: most serve an activity goal, a few serve none yet
    teams = ["Team Zorg", "Team Jeugd", "Team Werk", "Team Welzijn"]
    tasks = [(f"t{k + 1:02d}", f"Taak {k + 1}",
              None if k % 7 == 6 else str(rng.choice([g[0] for g in goals])),
              teams[k % len(teams)], float(rng.integers(1, 41) * 50), bool(k % 3 == 0))
             for k in range(max(6, len(actors) // 40))]
    case.activities = frame("activities", tasks)

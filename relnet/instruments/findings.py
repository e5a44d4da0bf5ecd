"""What stands out in a case, as data (v3): the source of the report's key
findings.

A finding states something that stands out, with what it rests on; "no difference shown"
is not a finding. Each kind has its own rule for standing out:

- ``role_conflict``: a governance rule a body breaks (`role_conflicts`); errors rank first.
- ``uncovered_goal``: a goal that no partner outside the municipality carries, itself or
  through the goals below it (`goal_coverage`, v3 ``partners_external``).
- ``unserved_activities``: the team's tasks that serve no goal (`unserved_activities`).
- ``bundle_problem``: a bundle whose members cannot go on as one as entered (a member
  proposed for phase-out, or different moves); a data problem, not a decision.
- ``bundle`` and ``phase_out``: proposed moves (the source: where would you want the
  partnership to go?), never decisions; a member of a bundle with a problem is left to
  ``bundle_problem``.
- ``lesson_gap``: a lesson whose self-assessment differs from the other cases after Holm's
  correction on Kish's effective sample sizes *and* lies outside the other cases' range.
- ``indicator_change``: between the first and last wave, an indicator that changed by more
  than 1.96 jackknife standard errors, only when the waves are comparable (`wave_changes`).
- ``response``: waves that cannot be compared (both rates named), or a survey response
  below 80%.

Within a kind at most one finding carries a superlative (its key ends in ``_most``): two
findings never share "furthest" or "most".
"""

import math

import pandas as pd

from ..data.arguments import analysis
from ..network.evidence import Z95
from ..network.indicators import INDICATORS
from ..network.quality import response_band, response_rate
from ..network.waves import wave_changes
from .goals import goal_coverage, unserved_activities
from .governance import role_conflicts
from .lessons import lesson_benchmark
from .partners import partner_bundles, partner_matrix

__all__ = ["findings", "KINDS", "COLUMNS"]

COLUMNS = ["kind", "subject", "values", "strength", "key", "params"]
# The tier of each kind (the integer part of `strength`); within a tier, how far a finding
# stands out adds a fraction below 1.
KINDS = {
    "role_conflict": 5,  # errors; warnings drop to tier 2
    "uncovered_goal": 4,
    "bundle_problem": 4,
    "response": 3,
    "unserved_activities": 3,
    "indicator_change": 3,
    "lesson_gap": 2,
    "bundle": 1,
    "phase_out": 1,
}


def _fraction(x):
    """A magnitude squeezed into [0, 1): ranks within a tier without leaving it."""
    return 0.0 if not x or math.isnan(x) else min(0.999, x / (1 + x))


@analysis
def findings(case, others=None, *, wave=None):
    """What stands out in a case, one row per finding, ranked by strength.

    Parameters
    ----------
    <<case>>
    others : list of Case, optional
        The cases to benchmark the self-assessment against; the case itself is left out
        (matched by name and municipality). None or empty: no lesson findings.
    wave : int, optional
        None: the latest wave.

    Returns
    -------
    DataFrame
        kind (role_conflict, uncovered_goal, bundle_problem, response,
        unserved_activities, indicator_change, lesson_gap, bundle, phase_out), subject (a
        list of the ids concerned), values (a dict of the numbers it rests on), strength
        (how far it stands out: the kind's tier plus a fraction; higher first), key (the
        catalogue key of its sentence) and params (a dict for that sentence). The present
        layer words it (`relnet.key_findings`, the report).

    Examples
    --------
    >>> import relnet
    >>> f = relnet.findings(relnet.load_example("brakkenveen"))
    >>> f.iloc[0][["kind", "subject"]].tolist()
    ['role_conflict', ['vp_sd']]
    """
    wave = case.resolve_wave(wave)
    rows = []

    def add(kind, subject, strength, key, values=None, **params):
        rows.append({"kind": kind, "subject": list(subject), "values": values or {},
                     "strength": float(strength), "key": key, "params": params})

    conflicts = role_conflicts(case)
    for row in conflicts.itertuples(index=False):
        error = row.severity == "error"
        add("role_conflict", [row.body], KINDS["role_conflict"] if error else 2,
            f"rule_message.{row.message}", {"severity": row.severity, "rule": row.rule},
            **row.params)
    if len(case.goals):
        coverage = goal_coverage(case)
        for row in coverage[~coverage["covered"]].itertuples(index=False):
            add("uncovered_goal", [row.goal], KINDS["uncovered_goal"] + _fraction(
                1 / (1 + row.depth)),
                "report.finding_uncovered_own" if row.partners_total else
                "report.finding_uncovered",
                {"partners_total": int(row.partners_total), "partners_external": 0},
                label=row.label, own=int(row.partners_total))
        unserved = unserved_activities(case)
        if len(unserved):
            hours = float(unserved["effort"].fillna(0).sum())
            total = float(case.activities["effort"].fillna(0).sum())
            share = hours / total if total else math.nan
            add("unserved_activities", unserved["id"], KINDS["unserved_activities"] +
                _fraction(share), "report.finding_unserved",
                {"n": len(unserved), "hours": hours, "share": share},
                n=len(unserved), hours=hours)
    if len(case.partners):
        _partner_findings(case, wave, add)
    if others:
        _lesson_findings(case, others, wave, add)
    incomparable = len(case.waves) >= 2 and _change_findings(case, add)
    rate = response_rate(case, wave=wave)
    # waves that cannot be compared already name this rate
    if rate is not None and not math.isnan(rate) and response_band(rate) != "high" and \
            not (incomparable and wave == case.waves[-1]):
        add("response", [], KINDS["response"] + _fraction(1 - rate), "report.finding_response",
            {"rate": rate}, rate=rate, band=response_band(rate))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["strength"] = frame["strength"].astype(float)
    return frame.sort_values("strength", ascending=False, kind="stable").reset_index(drop=True)


def _partner_findings(case, wave, add):
    matrix = partner_matrix(case, wave=wave)
    bundles = partner_bundles(case, wave=wave)
    troubled = set()
    for row in bundles.itertuples(index=False):
        members = matrix.loc[matrix["bundle"] == row.bundle]
        if isinstance(row.problem, str):
            troubled |= set(members["actor"])
            out = members.loc[members["phase_out"], "name"].tolist()
            add("bundle_problem", members["actor"], KINDS["bundle_problem"],
                f"report.finding_bundle_{row.problem}", {"n": int(row.n)},
                bundle=row.bundle, members=row.members, names=out)
        else:
            add("bundle", members["actor"], KINDS["bundle"] + _fraction(row.n / 10),
                "report.finding_bundle", {"n": int(row.n)}, bundle=row.bundle, n=int(row.n),
                members=row.members, move=row.move if isinstance(row.move, str) else None)
    out = matrix[matrix["phase_out"].to_numpy(dtype=bool) & ~matrix["actor"].isin(troubled)]
    if len(out):
        add("phase_out", out["actor"], KINDS["phase_out"], "report.finding_phase_out",
            {"n": len(out)}, names=out["name"].tolist(),
            affiliated=bool(out["affiliated"].any()))


def _lesson_findings(case, others, wave, add):
    bench = lesson_benchmark(case, others, wave=wave)
    outside = (bench["mean"] < bench["others_min"]) | (bench["mean"] > bench["others_max"])
    standing = bench[bench["differs"].to_numpy(dtype=bool) & outside.to_numpy(dtype=bool)]
    standing = standing.reindex(standing["difference"].abs().sort_values(
        ascending=False).index)
    for rank, row in enumerate(standing.itertuples(index=False)):
        add("lesson_gap", [], KINDS["lesson_gap"] + _fraction(abs(row.difference)),
            "report.finding_lesson_most" if rank == 0 else "report.finding_lesson",
            {"mean": row.mean, "bench_mean": row.bench_mean, "others_min": row.others_min,
             "others_max": row.others_max, "p_adjusted": row.p_adjusted, "icc": row.icc},
            lesson=int(row.lesson), mean=row.mean, low=row.others_min, high=row.others_max,
            cases=int(row.others_cases), p=row.p_adjusted,
            fictional=bool(row.fictional_benchmark))


def _change_findings(case, add):
    a, b = case.waves[0], case.waves[-1]
    changes = wave_changes(case, a, b)
    if not changes.comparable:
        ra, rb = changes.rates
        add("response", [], KINDS["response"] + 0.5, "report.finding_incomparable",
            {"rate_a": ra, "rate_b": rb}, a=a, b=b, rate_a=ra, rate_b=rb)
        return True
    metrics = changes.metrics
    shares = metrics[metrics.index.isin([m for m in INDICATORS if m != "administrator_reach"])]
    shares = shares.dropna(subset=["difference", "se"])
    # a change within 1.96 standard errors is no finding
    shares = shares[shares["difference"].abs() > Z95 * shares["se"]]
    ranked = shares.reindex(shares["difference"].abs().sort_values(ascending=False).index)
    for rank, (name, row) in enumerate(ranked.iterrows()):
        # ranked by the size of the change, so that "changed most" leads
        add("indicator_change", [], KINDS["indicator_change"] + _fraction(
            abs(row["difference"])),
            "report.finding_change" if rank == 0 else "report.finding_change_next",
            {"a": row["a"], "b": row["b"], "difference": row["difference"], "se": row["se"]},
            indicator=name, wave_a=a, wave_b=b, value_a=row["a"], value_b=row["b"])
    return False

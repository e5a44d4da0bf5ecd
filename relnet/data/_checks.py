"""What is wrong with a case read as text: every problem, located, in plain words.

The column rules live in `relnet.data.rules`; this module runs them (through pandera,
lazily, so that every problem is found at once) and adds the rules across rows and tables:
case.yaml's keys, one main goal and no cycle in the goal tree, ties in waves their actors
existed in.
"""

import re

import networkx as nx
import pandas as pd
import pandera.pandas as pa

from .errors import Problem
from .rules import parse_bool, parse_number, schema_for, table_rules

META_KEYS = {
    "name": "the case's name",
    "municipality": "the (fictional) municipality",
    "fictional": "true for an illustrative case, false for real data",
    "population": "number of inhabitants",
    "region": "the region",
    "waves": "the years data were collected, e.g. [2015, 2017]",
    "summary": "a short description",
    "practice": "the good-practice story",
    "lessons": "numbers (1-10) of the lessons the practice illustrates",
    "source": "where the data come from",
    "licence": "the licence of the data",
}

REQUIRED_META = ("name", "municipality", "fictional")


def _check_meta(meta, label):
    problems, clean = [], dict(meta)
    for key in REQUIRED_META:
        if meta.get(key) in (None, ""):
            problems.append(Problem(label, None, key, None, "is missing", META_KEYS[key]))
    if "fictional" in meta and meta["fictional"] not in (None, ""):
        value = meta["fictional"]
        if isinstance(value, bool):
            pass
        else:
            try:
                clean["fictional"] = parse_bool(value)
            except ValueError:
                problems.append(Problem(label, None, "fictional", value, "is not true or false",
                                        "true or false"))
    for key, low, high in (("waves", 1900, 2100), ("lessons", 1, 10)):
        value = meta.get(key)
        if value in (None, "", []):
            clean.pop(key, None)
            continue
        items = value if isinstance(value, list) else re.split(r"[|;,\s]+", str(value).strip())
        numbers = []
        for item in items:
            try:
                number = parse_number(item)
                if not number.is_integer() or not low <= number <= high:
                    raise ValueError
                numbers.append(int(number))
            except (ValueError, TypeError):
                problems.append(Problem(label, None, key, item, "is not a valid entry",
                                        f"a list of whole numbers from {low} to {high}"))
        clean[key] = sorted(set(numbers))
    if meta.get("population") not in (None, ""):
        try:
            number = parse_number(str(meta["population"]).replace(".", "").replace(" ", ""))
            if number < 0 or not number.is_integer():
                raise ValueError
            clean["population"] = int(number)
        except ValueError:
            problems.append(Problem(label, None, "population", meta["population"],
                                    "is not a number of inhabitants", "a whole number"))
    for key in ("name", "municipality"):
        if key in clean and clean[key] is not None:
            clean[key] = str(clean[key]).strip()
    return clean, problems


def wide_lessons(frame):
    return "lesson" not in frame.columns and any(f"l{i}" in frame.columns for i in range(1, 11))


def _schema_problems(raw, rules, frame_checks=()):
    """Run a lazy pandera schema over a raw table and phrase its failures."""
    by_column = {r.column: r for r in rules}
    frame = raw.frame
    try:
        schema_for(rules, frame_checks).validate(frame, lazy=True)
        return []
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    problems, duplicates = [], {}
    for case in cases.itertuples(index=False):
        column, check, value, row = case.column, str(case.check), case.failure_case, case.index
        row = None if pd.isna(row) else int(row)
        if check == "column_in_dataframe":
            problems.append(Problem(raw.label, 1, value, None, "is a required column but is missing",
                                    "a header row with " + ", ".join(
                                        r.column for r in rules if r.required)))
        elif check == "field_uniqueness":
            duplicates.setdefault((column, value), []).append(row)
        elif check.startswith("rule:"):
            rule = by_column[column]
            try:
                rule.check(value)
                reason = "is not valid"
            except ValueError as err:
                reason = str(err)
            problems.append(Problem(raw.label, row, column, None if reason == "is empty"
                                    else value, reason, rule.accepted))
        elif check == "self_tie":
            if column == "source":
                problems.append(Problem(raw.label, row, "target", value,
                                        "is the same actor as the source",
                                        "a tie between two different actors"))
        else:  # pragma: no cover - a pandera check relnet does not define
            problems.append(Problem(raw.label, row, column, value, f"fails {check}"))
    for (column, value), rows in duplicates.items():
        first, *later = sorted(rows)
        for row in later:
            problems.append(Problem(raw.label, row, column, value,
                                    f"appears more than once (first in row {first})",
                                    by_column[column].accepted))
    # One message per cell, in file order.
    unique = {(p.file, p.row or 0, p.column or "", p.message): p for p in problems}
    return [unique[k] for k in sorted(unique, key=lambda k: (k[1], k[2]))]


def _goal_problems(raw):
    """Exactly one root and no cycles in the goal tree (rules across rows)."""
    frame = raw.frame
    if not {"id", "parent"} <= set(frame.columns) and "id" in frame.columns:
        roots = list(frame.index)
    elif "id" not in frame.columns:
        return []
    else:
        roots = [row for row, parent in frame["parent"].items() if parent == ""]
    problems = []
    if len(frame) and not roots:
        problems.append(Problem(raw.label, None, "parent", None,
                                "has no main goal: every goal has a parent",
                                "exactly one goal with an empty parent"))
    elif len(roots) > 1:
        for row in roots[1:]:
            problems.append(Problem(raw.label, row, "parent", None,
                                    f"is empty, but row {roots[0]} already holds the main "
                                    "goal: the goal tree has more than one main goal",
                                    "exactly one goal with an empty parent"))
    if "parent" in frame.columns:
        graph = nx.DiGraph()
        rows = {}
        for row, goal, parent in zip(frame.index, frame["id"], frame["parent"]):
            rows.setdefault(goal, row)
            if parent:
                graph.add_edge(parent, goal)
        for cycle in nx.simple_cycles(graph):
            first = min(cycle, key=lambda g: rows.get(g, 0))
            problems.append(Problem(raw.label, rows.get(first), "parent", None,
                                    "makes a cycle in the goal tree: " + " -> ".join(
                                        cycle + [cycle[0]]),
                                    "each goal under one parent, ending at the main goal"))
    return problems


def validate_raw(meta, meta_label, tables):
    meta, problems = _check_meta(meta, meta_label)
    waves = meta.get("waves") or []
    actors = tables.get("actors")
    actor_ids = set(actors.frame["id"]) - {""} if actors is not None and \
        "id" in actors.frame.columns else set()
    goals = tables.get("goals")
    goal_ids = set(goals.frame["id"]) - {""} if goals is not None and \
        "id" in goals.frame.columns else set()
    for name, raw in tables.items():
        table = "lessons_wide" if name == "lessons" and wide_lessons(raw.frame) else name
        rules = table_rules(table, actor_ids, goal_ids, waves)
        checks = []
        if name == "ties" and {"source", "target"} <= set(raw.frame.columns):
            checks.append(pa.Check(lambda d: d["source"] != d["target"], error="self_tie"))
        problems += _schema_problems(raw, rules, checks)
        if name == "goals":
            problems += _goal_problems(raw)
    if waves and actors is not None and "ties" in tables:
        problems += _presence_problems(actors.frame, tables["ties"], waves)
    return meta, problems


def _presence_problems(actors, ties, waves):
    """A tie observed in a wave in which one of its actors did not exist."""
    if not {"id", "waves"} <= set(actors.columns) or \
            not {"source", "target"} <= set(ties.frame.columns):
        return []
    limited = actors[actors["waves"] != ""]
    if not len(limited):
        return []
    lifetimes = {a: {p for p in re.split(r"[|;,\s]+", cell) if p}
                 for a, cell in zip(limited["id"], limited["waves"])}
    frame = ties.frame
    observed = frame["wave"] if "wave" in frame.columns else pd.Series("", index=frame.index)
    # the tie's wave as text ("" -> the first wave); unparsable ones are reported elsewhere
    years = observed.map(lambda w: str(waves[0]) if w == "" else w)
    problems = []
    for column in ("source", "target"):
        actor = frame[column]
        concerned = actor.isin(lifetimes.keys())
        for row in frame.index[concerned.to_numpy()]:
            year = years[row]
            try:
                year = str(int(parse_number(year)))
            except ValueError:
                continue
            if year not in lifetimes[actor[row]]:
                problems.append(Problem(
                    ties.label, row, column, actor[row],
                    f"is not present in wave {year} (the actors table gives its waves as "
                    f"{'|'.join(sorted(lifetimes[actor[row]]))})",
                    "an actor that exists in the tie's wave"))
    return sorted(problems, key=lambda p: (p.row, p.column))

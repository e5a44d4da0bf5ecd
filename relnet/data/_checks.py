"""What is wrong with a case read as text: every problem, located, in plain words.

The column rules live in `relnet.data.rules`; this module checks the required columns and
unique values itself and runs the cell rules (through pandera, lazily, so that every problem
is found at once) and adds the rules across rows and tables:
case.yaml's keys, one main goal and no cycle in the goal tree, lesson columns, ties in
waves their actors existed in.
"""

import datetime
import numbers

import networkx as nx
import pandas as pd

from .. import i18n
from .case import parse_waves
from .errors import RuleError, problem
from .rules import LESSON_COLUMN, parse_bool, parse_number, schema_for, table_rules

__all__ = ["META_KEYS", "REQUIRED_META", "TEXT_META", "validate_raw", "wide_lessons",
           "check_meta", "check_response", "wave_response", "meta_base"]

# The keys of case.yaml (their meaning for people: the catalogue's "meta" section).
META_KEYS = ("name", "municipality", "fictional", "population", "region", "waves",
             "summary", "practice", "lessons", "source", "licence", "response")
REQUIRED_META = ("name", "municipality", "fictional")
# Free text a case may give in one language or per language (summary_nl, summary_en).
TEXT_META = ("name", "municipality", "region", "summary", "practice", "source", "licence")


def _text_value(value):
    """A case.yaml value as text: numbers and dates are fine, lists and mappings are not."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (bool, numbers.Number, datetime.date)):
        return str(value)
    raise RuleError("not_text_meta")


def meta_base(key):
    """A case.yaml key without its language suffix: ``summary_nl`` -> ``summary``, for every
    language relnet speaks."""
    key = str(key)
    for code in i18n.LANGUAGES:
        if key.endswith(f"_{code}"):
            return key[:-len(code) - 1]
    return key


def _ids(value):
    """A list of ids from a list or from text ("a|b|c", as the workbook's case sheet holds it)."""
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split("|") if part.strip()]
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, int)) for v in value):
        return [str(v) for v in value]
    raise RuleError("bad_response")


def _wave_key(wave):
    """A response's wave as an int (None: a case without waves); RuleError otherwise."""
    if wave in (None, "", "None"):
        return None
    if isinstance(wave, bool):
        raise RuleError("bad_response")
    number = parse_number(wave)
    if not number.is_integer():
        raise RuleError("bad_response")
    return int(number)


_PARTS = ("asked", "answered")


def check_response(value):
    """``meta["response"]`` (who was asked and who answered a survey) in its normal form, per
    wave (v3): ``{wave: {"asked": [ids], "answered": [ids]}}`` (wave an int, or None for a
    case without waves); None when it says nothing; RuleError when it is no response.

    The older form with one record, ``{"wave": w, "asked": [...], "answered": [...]}``, is
    read as the entry of wave w; a workbook's case sheet gives the per-wave form as flat
    rows (``2017.asked``).

    >>> check_response({"wave": 2017, "asked": "a|b", "answered": ["a"]})
    {2017: {'asked': ['a', 'b'], 'answered': ['a']}}
    >>> check_response({2015: {"asked": ["a"], "answered": []}, "2017.asked": "a|b",
    ...                 "2017.answered": "b"})
    {2015: {'asked': ['a'], 'answered': []}, 2017: {'asked': ['a', 'b'], 'answered': ['b']}}
    """
    if not isinstance(value, dict):
        raise RuleError("bad_response")
    if value and set(map(str, value)) <= {"wave", *_PARTS}:  # the older single record
        value = {value.get("wave"): {part: value.get(part) for part in _PARTS}}
    waves = {}
    for key, entry in value.items():
        if isinstance(key, str) and "." in key:  # flat rows of a workbook: "2017.asked"
            key, part = key.rsplit(".", 1)
            if part not in _PARTS:
                raise RuleError("bad_response")
            entry = {part: entry}
        if not isinstance(entry, dict) or not set(entry) <= set(_PARTS):
            raise RuleError("bad_response")
        record = waves.setdefault(_wave_key(key), {"asked": [], "answered": []})
        for part in _PARTS:
            if part in entry:
                record[part] = _ids(entry[part])
    clean = {wave: record for wave, record in waves.items()
             if record["asked"] or record["answered"]}
    return clean or None  # an empty response says nothing: as if there were none


def wave_response(response, wave):
    """The survey's response in `wave`, ``{"asked": [...], "answered": [...]}``, from
    ``meta["response"]`` in either form; None when the wave has no entry (or the response
    is no response). The entry of a case without waves (None) answers for every wave.

    Every reader of ``meta["response"]`` goes through here.

    >>> wave_response({"wave": 2017, "asked": ["a"], "answered": ["a"]}, 2017)
    {'asked': ['a'], 'answered': ['a']}
    >>> wave_response({2015: {"asked": ["a"], "answered": []}}, 2017) is None
    True
    """
    if response is None:
        return None
    try:
        clean = check_response(response)
    except (RuleError, ValueError, TypeError):
        return None
    if not clean:
        return None
    if wave in clean:
        return clean[wave]
    return clean.get(None)


def check_meta(meta, label, require=True):
    """case.yaml's values checked and typed: (clean meta, problems). Without `require`
    (a case in memory, not about to be written), the required keys may be missing."""
    problems, clean = [], dict(meta)
    for key in meta:
        if meta_base(key) in TEXT_META:
            try:
                clean[key] = _text_value(meta[key])
            except RuleError:
                problems.append(problem(label, None, key, None, "not_text_meta", "text"))
    for key in REQUIRED_META if require else ():
        if clean.get(key) in (None, ""):
            problems.append(problem(label, None, key, None, "missing_file", f"meta_{key}"))
    if meta.get("fictional") not in (None, ""):
        value = meta["fictional"]
        if not isinstance(value, bool):
            try:
                clean["fictional"] = parse_bool(value) if isinstance(value, (str, int)) \
                    else parse_bool("?")
            except RuleError:
                problems.append(problem(label, None, "fictional", _short(value),
                                        "not_bool_meta", "true_false"))
    for key, low, high in (("waves", 1900, 2100), ("lessons", 1, 10)):
        value = meta.get(key)
        if value in (None, "", []):
            clean.pop(key, None)
            continue
        items = value if isinstance(value, list) else parse_waves(value) \
            if isinstance(value, (str, int)) else [value]
        numbers_ = []
        for item in items:
            try:
                if isinstance(item, (list, dict, bool)):
                    raise RuleError("bad_entry")
                number = parse_number(item)
                if not number.is_integer() or not low <= number <= high:
                    raise RuleError("bad_entry")
                numbers_.append(int(number))
            except RuleError:
                problems.append(problem(label, None, key, _short(item), "bad_entry",
                                        "whole_numbers", low=low, high=high))
        clean[key] = sorted(set(numbers_))
    if meta.get("population") not in (None, ""):
        try:
            value = meta["population"]
            if isinstance(value, (list, dict, bool)):
                raise RuleError("bad_population")
            number = parse_number(str(value).replace(".", "").replace(" ", ""))
            if number < 0 or not number.is_integer():
                raise RuleError("bad_population")
            clean["population"] = int(number)
        except RuleError:
            problems.append(problem(label, None, "population", _short(meta["population"]),
                                    "bad_population", "whole_number"))
    if meta.get("response") is not None:
        try:
            clean["response"] = check_response(meta["response"])
            if clean["response"] is None:
                del clean["response"]
        except RuleError:
            problems.append(problem(label, None, "response", _short(meta["response"]),
                                    "bad_response", "response_meta"))
    return clean, problems


def _short(value):
    text = str(value)
    return text if len(text) <= 60 else text[:60] + "…"


def wide_lessons(frame):
    """Whether a lessons table is in the wide form (respondent, l1 … l10)."""
    return "lesson" not in frame.columns and any(
        LESSON_COLUMN.match(str(c)) for c in frame.columns)


def _missing_columns(raw, rules):
    """Every required column the table lacks."""
    required = ", ".join(raw.header(r.column) for r in rules if r.required)
    return [problem(raw.label, 1, r.column, None, "missing_column", "header_with",
                    columns=required)
            for r in rules if r.required and r.column not in raw.frame.columns]


def _duplicates(raw, rules):
    """A value repeated in a column of unique values: every later row, pointing to the
    first."""
    problems = []
    for rule in rules:
        if not rule.unique or rule.column not in raw.frame.columns:
            continue
        cells = raw.frame[rule.column]
        rows = {}
        for row, value in cells[cells.duplicated(keep=False).to_numpy()].items():
            rows.setdefault(value, []).append(int(row))
        for value, found in rows.items():
            first, *later = sorted(found)
            for row in later:
                problems.append(problem(raw.label, row, raw.header(rule.column), value,
                                        "duplicate", rule.accepted, first=first,
                                        **dict(rule.params)))
    return problems


def _schema_problems(raw, rules, frame_checks=()):
    """Every problem of a raw table's columns: required columns and unique values checked
    here, each cell against its column's rule (and the frame checks) through a lazy pandera
    schema, which finds every failing cell at once."""
    import pandera.pandas as pa  # loaded on first use: importing relnet stays light

    by_column = {r.column: r for r in rules}
    problems = _missing_columns(raw, rules)
    try:
        schema_for(rules, frame_checks).validate(raw.frame, lazy=True)
        failures = ()
    except pa.errors.SchemaErrors as exc:
        failures = exc.failure_cases.itertuples(index=False)
    for case in failures:
        column, check, value, row = case.column, str(case.check), case.failure_case, case.index
        row = None if pd.isna(row) else int(row)
        if check.startswith("rule:"):
            rule = by_column[column]
            try:
                rule.check(value)
                key, params = "not_valid", {}
            except RuleError as err:
                key, params = err.key, err.params
            problems.append(problem(raw.label, row, raw.header(column),
                                    None if key == "empty" else value, key, rule.accepted,
                                    **{**dict(rule.params), **params}))
        elif check == "self_tie":
            if column == "source":
                problems.append(problem(raw.label, row, raw.header("target"), value,
                                        "self_tie", "tie_between_two"))
        else:  # pragma: no cover - a check relnet does not define
            problems.append(problem(raw.label, row, column, value, "not_valid"))
    problems += _duplicates(raw, rules)
    # One message per cell, in file order.
    unique = {(p.file, p.row or 0, p.column or "", p.message): p for p in problems}
    return [unique[k] for k in sorted(unique, key=lambda k: (k[1], k[2]))]


def _goal_problems(raw):
    """Exactly one root and no cycles in the goal tree (rules across rows).

    A cycle is reported once per strongly connected component, however many cycles the
    component holds (a complete parent graph of n goals holds exponentially many).
    """
    frame = raw.frame
    if "id" not in frame.columns:
        return []
    if "parent" not in frame.columns:
        roots = list(frame.index)
    else:
        roots = [row for row, parent in frame["parent"].items() if parent == ""]
    parent = raw.header("parent")
    problems = []
    if len(frame) and not roots:
        problems.append(problem(raw.label, None, parent, None, "no_root", "one_root"))
    elif len(roots) > 1:
        for row in roots[1:]:
            problems.append(problem(raw.label, row, parent, None, "second_root", "one_root",
                                    first=roots[0]))
    if "parent" in frame.columns:
        graph = nx.DiGraph()
        rows = {}
        for row, goal, up in zip(frame.index, frame["id"], frame["parent"]):
            rows.setdefault(goal, row)
            if up:
                graph.add_edge(up, goal)
        components = [c for c in nx.strongly_connected_components(graph)
                      if len(c) > 1 or any(graph.has_edge(g, g) for g in c)]
        for component in sorted(components, key=lambda c: min(rows.get(g, 0) for g in c)):
            start = min(component, key=lambda g: rows.get(g, 0))
            cycle = [u for u, _ in nx.find_cycle(graph.subgraph(component), source=start)]
            shown = " -> ".join(_short(g) for g in (cycle + [cycle[0]])[:12])
            problems.append(problem(raw.label, rows.get(start), parent, None, "goal_cycle",
                                    "tree", cycle=shown))
    return problems


def _bundle_warnings(raw):
    """v3: partners to be brought together as one (a bundle) whose rows cannot both hold: a
    member proposed for phase-out, or members proposing different moves. Warnings: the case
    still reads, the report shows them as data problems."""
    frame = raw.frame
    if not {"bundle", "move"} <= set(frame.columns):
        return []
    from .rules import parse_move

    waves = frame["wave"] if "wave" in frame.columns else pd.Series("", index=frame.index)
    problems = []
    for (_, bundle), rows in frame.groupby([waves, frame["bundle"].str.strip()],
                                              sort=False):
        if not bundle:
            continue
        moves = {}
        for row, text in zip(rows.index, rows["move"]):
            try:
                moves[row] = parse_move(text) if str(text).strip() else ""
            except RuleError:
                moves[row] = None  # reported by the move column's own rule
        known = {r: m for r, m in moves.items() if m is not None}
        out = [r for r, m in known.items() if "down" in m.split("+")]
        for row in out:
            problems.append(problem(raw.label, row, raw.header("move"), rows["move"][row],
                                    "bundle_member_phased_out", "bundle_one_move",
                                    severity="warning", bundle=bundle))
        if not out and len(set(known.values())) > 1:
            first = next(iter(known.values()))
            row = next(r for r, m in known.items() if m != first)
            problems.append(problem(raw.label, row, raw.header("move"), rows["move"][row],
                                    "bundle_moves_differ", "bundle_one_move",
                                    severity="warning", bundle=bundle))
    return problems


def _lesson_column_problems(raw):
    """Wide lessons: l1 … l10 only (l0, l11, l99 are not lessons)."""
    return [problem(raw.label, 1, raw.header(c), None, "lesson_column", "lesson_columns")
            for c in raw.frame.columns
            if LESSON_COLUMN.match(str(c)) and not 1 <= int(LESSON_COLUMN.match(c)[1]) <= 10]


def validate_raw(meta, meta_label, tables, require_meta=True):
    """Check case.yaml and every raw table: (clean meta, problems)."""
    meta, problems = check_meta(meta, meta_label, require_meta)
    waves = meta.get("waves") or []
    actors = tables.get("actors")
    actor_ids = set(actors.frame["id"]) - {""} if actors is not None and \
        "id" in actors.frame.columns else set()
    goals = tables.get("goals")
    goal_ids = set(goals.frame["id"]) - {""} if goals is not None and \
        "id" in goals.frame.columns else set()
    for name, raw in tables.items():
        wide = name == "lessons" and wide_lessons(raw.frame)
        rules = table_rules("lessons_wide" if wide else name, actor_ids, goal_ids, waves)
        checks = []
        if name == "ties" and {"source", "target"} <= set(raw.frame.columns):
            import pandera.pandas as pa  # loaded on first use: importing relnet stays light

            checks.append(pa.Check(lambda d: d["source"] != d["target"], error="self_tie"))
        if wide:
            problems += _lesson_column_problems(raw)
        problems += _schema_problems(raw, rules, checks)
        if name == "goals":
            problems += _goal_problems(raw)
        if name == "partners":
            problems += _bundle_warnings(raw)
    if waves and actors is not None and "ties" in tables:
        problems += _presence_problems(actors, tables["ties"], waves)
    if isinstance(meta.get("response"), dict) and actors is not None and \
            not any(p.key == "bad_response" for p in problems):  # its form is right
        problems += _response_problems(meta["response"], meta_label, actor_ids,
                                       waves or _data_years(tables))
    return meta, problems


def _data_years(tables):
    """The years the tables mention (a case without declared waves); values that are no
    year are reported by the tables' own checks."""
    years = set()
    for name, column in (("ties", "wave"), ("partners", "wave"), ("lessons", "wave"),
                         ("actors", "waves")):
        raw = tables.get(name)
        if raw is None or column not in raw.frame.columns:
            continue
        for cell in raw.frame[column].unique():
            for part in str(cell).split("|"):
                try:
                    number = parse_number(part.strip())
                except RuleError:
                    continue
                if number.is_integer():
                    years.add(int(number))
    return sorted(years)


def _response_problems(response, label, actor_ids, waves):
    """Who was asked and who answered a survey, per wave, against the case: actor ids, each
    once, answered ones among those asked, and a wave of the case. The column names the
    wave's entry (``response.2017.asked``)."""
    try:
        response = check_response(response) or {}
    except RuleError:
        return []  # its form is reported by check_meta
    problems = []
    for wave, record in response.items():
        prefix = "response" if wave is None else f"response.{wave}"
        for part in _PARTS:
            seen = set()
            for actor in record[part]:
                if actor not in actor_ids:
                    problems.append(problem(label, None, f"{prefix}.{part}", actor, "not_id",
                                            "actor_id", what=("what", "actor")))
                elif actor in seen:
                    problems.append(problem(label, None, f"{prefix}.{part}", actor,
                                            "listed_twice", "each_once"))
                seen.add(actor)
        asked = set(record["asked"])
        for actor in record["answered"]:
            if actor in actor_ids and actor not in asked:
                problems.append(problem(label, None, f"{prefix}.answered", actor,
                                        "not_asked", "asked_actor"))
        if wave is not None and waves and wave not in waves:
            problems.append(problem(label, None, "response", str(wave), "not_a_wave",
                                    "vocabulary", values=", ".join(str(w) for w in waves)))
    return problems


def _presence_problems(actors, ties, waves):
    """A tie observed in a wave in which one of its actors did not exist."""
    frame = ties.frame
    if not {"id", "waves"} <= set(actors.frame.columns) or \
            not {"source", "target"} <= set(frame.columns):
        return []
    limited = actors.frame[actors.frame["waves"] != ""]
    if not len(limited):
        return []
    lifetimes = {a: set(parse_waves(cell)) for a, cell in zip(limited["id"], limited["waves"])}
    observed = frame["wave"] if "wave" in frame.columns else pd.Series("", index=frame.index)
    # the tie's wave as text ("" -> the first wave); unparsable ones are reported elsewhere
    years = observed.map(lambda w: str(waves[0]) if w == "" else w)
    problems = []
    for column in ("source", "target"):
        actor = frame[column]
        concerned = actor.isin(lifetimes.keys())
        for row in frame.index[concerned.to_numpy()]:
            try:
                year = str(int(parse_number(years[row])))
            except RuleError:
                continue
            if year not in lifetimes[actor[row]]:
                problems.append(problem(ties.label, row, ties.header(column), actor[row],
                                        "not_present", "present_actor", year=year,
                                        waves="|".join(sorted(lifetimes[actor[row]]))))
    return sorted(problems, key=lambda p: (p.row, p.column))

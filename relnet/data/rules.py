"""The case contract's column rules, as parse functions and a pandera schema.

Each rule parses one cell as typed by a person (text, Dutch aliases, decimal commas,
ja/nee) into the contract's value, or raises `RuleError` with a plain reason. The same
functions serve validation (through pandera, lazily, so every problem is found at once)
and the conversion to a typed `Case` afterwards. The rules are listed for people in
``docs/data-dictionary.md``.
"""

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .case import parse_waves
from .errors import Listing, RuleError
from .vocab import (
    DOMAINS,
    FALSE_WORDS,
    KINDS,
    MOVES,
    ROLES,
    TIE_TYPES,
    TRUE_WORDS,
    normalise,
)

__all__ = ["Rule", "table_rules", "schema_for", "parse_number", "parse_bool", "parse_move",
           "LESSON_COLUMN"]

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d{1,3})?$")
LESSON_COLUMN = re.compile(r"^l(\d+)$")


def parse_number(text):
    """A number typed with a decimal point or a decimal comma.

    >>> parse_number("3,5"), parse_number(" 7 "), parse_number("2.25")
    (3.5, 7.0, 2.25)
    """
    text = str(text).strip().replace("\u00a0", "")
    if len(text) > 40 or not _NUMBER.match(text):
        raise RuleError("not_number")
    return float(text.replace(",", "."))


def parse_bool(text):
    """ja/nee, true/false, yes/no, 1/0 (any case) to a bool; empty is False.

    >>> parse_bool("Ja"), parse_bool("nee"), parse_bool("1"), parse_bool("")
    (True, False, True, False)
    """
    word = str(text).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise RuleError("not_bool")


def _ranged(low, high, integer=False):
    def parse(text):
        value = parse_number(text)
        if integer and not float(value).is_integer():
            raise RuleError("not_whole")
        if not low <= value <= high:
            raise RuleError("out_of_range", low=low, high=high)
        return int(value) if integer else value
    return parse


_year = _ranged(1900, 2100, integer=True)


def _years_in(waves):
    def parse(text):
        years = sorted({_year(p) for p in parse_waves(text)})
        if waves and not set(years) <= set(waves):
            raise RuleError("wave_not_case")
        return "|".join(map(str, years))
    return parse


def _listing(vocabulary):
    return Listing(tuple(vocabulary.items()))


def _choice(vocabulary, what):
    def parse(text):
        key = normalise(text, vocabulary)
        if key is None:
            raise RuleError("not_known", what=("what", what))
        return key
    return parse


def _domains(text):
    parts = [p for p in re.split(r"[|;,]", str(text)) if p.strip()]
    keys = []
    for part in parts:
        key = normalise(part, DOMAINS)
        if key is None:
            raise RuleError("contains_unknown", part=part.strip()[:40], what=("what", "domain"))
        if key not in keys:
            keys.append(key)
    return "|".join(keys)


def parse_move(text):
    """A move as its English keys in the source's order ("omhoog en naar rechts" ->
    "up+right"); `RuleError` for what is not a move."""
    return _move(text)


def _move(text):
    # "naar rechts", "omhoog en naar links": the source's own words ("naar" is a filler)
    words = re.split(r"[+&,/\s]+|\ben\b|\band\b", str(text).strip().lower())
    parts = [p for p in words if p and p not in ("naar", "to")]
    keys = set()
    for part in parts:
        key = normalise(part, MOVES)
        if key is None:
            raise RuleError("contains_unknown", part=part[:40], what=("what", "move"))
        keys.add(key)
    if {"up", "down"} <= keys or {"left", "right"} <= keys:
        raise RuleError("opposite_moves")
    order = ["up", "down", "left", "right"]
    return "+".join(k for k in order if k in keys)


def _hours(text):
    value = parse_number(text)
    if value < 0:
        raise RuleError("negative")
    return value


def _text(text):
    return str(text).strip()


def _member(values, what):
    def parse(text):
        text = str(text).strip()
        if text not in values:
            raise RuleError("not_id", what=("what", what))
        return text
    return parse


def _member_year(waves):
    def parse(text):
        year = _year(text)
        if year not in waves:
            raise RuleError("not_a_wave")
        return year
    return parse


@dataclass(frozen=True)
class Rule:
    """How one column is checked and parsed; `accepted` is a catalogue key (with params)."""

    column: str
    parse: object = _text
    accepted: str | None = None
    required: bool = False  # the column must exist
    nonempty: bool = False  # every cell must be filled (implied by required)
    unique: bool = False
    params: tuple = ()

    def check(self, text):
        """Parsed value, or None for an allowed empty cell; RuleError otherwise."""
        if str(text).strip() == "":
            if self.required or self.nonempty:
                raise RuleError("empty")
            return None
        return self.parse(text)

    def check_series(self, cells):
        """Check a column: (parsed values, ok mask). Each distinct text is parsed once, so
        a 750,000-row table with a few distinct types or weights costs a few calls."""
        codes, distinct = pd.factorize(cells, use_na_sentinel=False)
        parsed = np.empty(len(distinct), dtype=object)
        ok = np.ones(len(distinct), dtype=bool)
        for i, text in enumerate(distinct):
            try:  # a missing cell (NaN, None, NA) is an empty one, never the text "nan"
                parsed[i] = self.check("" if pd.isna(text) else text)
            except RuleError:
                parsed[i], ok[i] = None, False
        return (pd.Series(parsed[codes], index=cells.index, dtype=object),
                pd.Series(ok[codes], index=cells.index, dtype=bool))


def table_rules(table, actor_ids, goal_ids, waves):
    """The rules of one table, given the ids that references may point to."""
    actor = _member(actor_ids, "actor")
    goal = _member(goal_ids, "goal")
    waves_text = ", ".join(map(str, waves)) if waves else None
    wave = _member_year(waves) if waves else _year
    wave_ok = dict(accepted="vocabulary", params=(("values", waves_text),)) if waves \
        else dict(accepted="a_year")
    yes_no = dict(parse=parse_bool, accepted="yes_no")

    def score(column, low, high, **kwargs):
        return Rule(column, _ranged(low, high), "number_range",
                    params=(("low", low), ("high", high)), **kwargs)

    rules = {
        "actors": [
            Rule("id", required=True, unique=True, accepted="unique_text"),
            Rule("name", required=True, accepted="nonempty_name"),
            Rule("kind", _choice(KINDS, "kind"), "vocabulary", required=True,
                 params=(("values", _listing(KINDS)),)),
            Rule("domain", _domains, "domains", params=(("values", _listing(DOMAINS)),)),
            Rule("person", **yes_no),
            Rule("waves", _years_in(waves), "years", params=(("waves", waves_text or "…"),)),
            Rule("district"),
            Rule("respondent", **yes_no),
            Rule("municipal", **yes_no),
            Rule("public", **yes_no),
        ],
        "ties": [
            Rule("source", actor, "actor_id", required=True),
            Rule("target", actor, "actor_id", required=True),
            Rule("type", _choice(TIE_TYPES, "tie_type"), "vocabulary", required=True,
                 params=(("values", _listing(TIE_TYPES)),)),
            Rule("directed", **yes_no),
            score("weight", 1, 5),
            score("trust", 1, 5),
            Rule("since", _year, "year_like"),
            Rule("wave", wave, **wave_ok),
            Rule("reported_by", actor, "actor_id"),
        ] + [score(c, 1, 4) for c in ("reliability", "mission", "openness", "power",
                                      "resources", "involvement")] + [
            Rule("confirmed", **yes_no),
            Rule("comment"),
        ],
        "partners": [
            Rule("actor", actor, "actor_id", required=True),
            score("influence", 0, 10, required=True),
            score("dependency", 0, 10, required=True),
            Rule("move", _move, "moves", params=(("values", _listing(MOVES)),)),
            Rule("wave", wave, **wave_ok),
            Rule("note"),
            Rule("bundle"),
        ],
        "goals": [
            Rule("id", required=True, unique=True, accepted="unique_text"),
            Rule("label", required=True, accepted="nonempty_label"),
            Rule("parent", goal, "goal_parent"),
            Rule("vision"),
        ],
        "goal_links": [
            Rule("goal", goal, "goal_id", required=True),
            Rule("actor", actor, "actor_id", required=True),
            score("contribution", 1, 5),
        ],
        "activities": [
            Rule("id", required=True, unique=True, accepted="unique_text"),
            Rule("name", required=True, accepted="nonempty_name"),
            Rule("goal", goal, "goal_id"),
            Rule("team"),
            Rule("effort", _hours, "hours"),
            Rule("statutory", **yes_no),
        ],
        "roles": [
            Rule("body", actor, "actor_id", required=True),
            Rule("role", _choice(ROLES, "role"), "vocabulary", required=True,
                 params=(("values", _listing(ROLES)),)),
            Rule("holder", actor, "actor_id", required=True),
        ],
        "lessons": [
            Rule("respondent", required=True, accepted="respondent_code"),
            Rule("lesson", _ranged(1, 10, integer=True), "whole_range", required=True,
                 params=(("low", 1), ("high", 10))),
            score("score", 1, 5, required=True),
            Rule("wave", wave, **wave_ok),
            Rule("comment"),
        ],
        # The wide form of lessons: one column per lesson, an empty cell = not answered.
        "lessons_wide": [
            Rule("respondent", required=True, accepted="respondent_code"),
            Rule("wave", wave, **wave_ok),
            Rule("comment"),
        ] + [score(f"l{i}", 1, 5) for i in range(1, 11)],
    }
    return rules[table]


def _column_ok(rule):
    return lambda cells: rule.check_series(cells)[1]


def schema_for(rules, frame_checks=()):
    """A pandera schema that runs each column's rule (validate it with ``lazy=True``).

    Every check is relnet's own: a failing cell's `check` is ``rule:<column>``, and a frame
    check's name is its `error`. Whether a required column exists and whether a column's
    values are unique, relnet checks itself (`relnet.data._checks`), so no column here is
    required or unique.
    """
    import pandera.pandas as pa  # loaded on first use: importing relnet stays light

    columns = {
        r.column: pa.Column(
            checks=pa.Check(_column_ok(r), error=f"rule:{r.column}"),
            required=False,
            nullable=True,
        )
        for r in rules
    }
    return pa.DataFrameSchema(columns, checks=list(frame_checks), strict=False)

"""The case contract's column rules, as parse functions and pandera schemas.

Each rule parses one cell as typed by a person (text, Dutch aliases, decimal commas,
ja/nee) into the contract's value, or raises `ValueError` with a plain reason. The same
functions serve validation (through pandera, lazily, so every problem is found at once)
and the conversion to a typed `Case` afterwards.
"""

import re
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from .vocab import (
    DOMAINS, FALSE_WORDS, KINDS, MOVES, ROLES, TIE_TYPES, TRUE_WORDS, accepted, normalise,
)

__all__ = ["Rule", "table_rules", "schema_for", "parse_number", "parse_bool"]

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def parse_number(text):
    """A number typed with a decimal point or a decimal comma.

    >>> parse_number("3,5"), parse_number(" 7 "), parse_number("2.25")
    (3.5, 7.0, 2.25)
    """
    text = str(text).strip().replace("\u00a0", "")
    if not _NUMBER.match(text):
        raise ValueError("is not a number")
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
    raise ValueError("is not a yes/no value")


def _ranged(low, high, integer=False):
    def parse(text):
        value = parse_number(text)
        if integer and not float(value).is_integer():
            raise ValueError("is not a whole number")
        if not low <= value <= high:
            raise ValueError(f"is outside the range {low} to {high}")
        return int(value) if integer else value
    return parse


_year = _ranged(1900, 2100, integer=True)


def _years_in(waves):
    def parse(text):
        parts = [p for p in re.split(r"[|;,\s]+", str(text).strip()) if p]
        years = sorted({_year(p) for p in parts})
        if waves and not set(years) <= set(waves):
            raise ValueError("names a year that is not one of the case's waves")
        return "|".join(map(str, years))
    return parse


def _choice(vocabulary, what):
    def parse(text):
        key = normalise(text, vocabulary)
        if key is None:
            raise ValueError(f"is not a known {what}")
        return key
    return parse


def _domains(text):
    parts = [p for p in re.split(r"[|;,]", str(text)) if p.strip()]
    keys = []
    for part in parts:
        key = normalise(part, DOMAINS)
        if key is None:
            raise ValueError(f"contains '{part.strip()}', which is not a known domain")
        if key not in keys:
            keys.append(key)
    return "|".join(keys)


def _move(text):
    parts = [p for p in re.split(r"[+&,/\s]+|\ben\b|\band\b", str(text).strip().lower()) if p]
    keys = set()
    for part in parts:
        key = normalise(part, MOVES)
        if key is None:
            raise ValueError(f"contains '{part}', which is not a known move")
        keys.add(key)
    if {"up", "down"} <= keys or {"left", "right"} <= keys:
        raise ValueError("combines opposite moves")
    order = ["up", "down", "left", "right"]
    return "+".join(k for k in order if k in keys)


def _text(text):
    return str(text).strip()


def _member(values, what):
    def parse(text):
        text = str(text).strip()
        if text not in values:
            raise ValueError(f"is not the id of any {what}")
        return text
    return parse


@dataclass(frozen=True)
class Rule:
    """How one column is checked and parsed."""

    column: str
    parse: object = _text
    accepted: str | None = None
    required: bool = False  # the column must exist
    nonempty: bool = False  # every cell must be filled (implied by required)
    unique: bool = False

    def check(self, text):
        """Parsed value, or None for an allowed empty cell; ValueError otherwise."""
        if str(text).strip() == "":
            if self.required or self.nonempty:
                raise ValueError("is empty")
            return None
        return self.parse(text)

    def check_series(self, cells):
        """Check a column: (parsed values, ok mask). Each distinct text is parsed once, so
        a 750,000-row table with a few distinct types or weights costs a few calls."""
        parsed, ok = {}, {}
        for text in pd.unique(cells):
            try:
                parsed[text] = self.check(text)
                ok[text] = True
            except ValueError:
                parsed[text] = None
                ok[text] = False
        return cells.map(parsed), cells.map(ok).astype(bool)


def table_rules(table, actor_ids, goal_ids, waves):
    """The rules of one table, given the ids that references may point to."""
    actor = _member(actor_ids, "actor")
    actor_ok = "an id from the actors table"
    waves_ok = ", ".join(map(str, waves)) if waves else "a year"
    wave = _member_year(waves) if waves else _year
    score_1_4 = _ranged(1, 4)
    rules = {
        "actors": [
            Rule("id", required=True, unique=True, accepted="a unique, non-empty text"),
            Rule("name", required=True, accepted="a non-empty name"),
            Rule("kind", _choice(KINDS, "kind"), accepted(KINDS), required=True),
            Rule("domain", _domains, "one or more of " + accepted(DOMAINS) + ", separated by |"),
            Rule("person", parse_bool, "ja/nee, true/false, yes/no or 1/0"),
            Rule("waves", _years_in(waves), f"years separated by | ({waves_ok})"),
            Rule("district"),
        ],
        "ties": [
            Rule("source", actor, actor_ok, required=True),
            Rule("target", actor, actor_ok, required=True),
            Rule("type", _choice(TIE_TYPES, "tie type"), accepted(TIE_TYPES), required=True),
            Rule("directed", parse_bool, "ja/nee, true/false, yes/no or 1/0"),
            Rule("weight", _ranged(1, 5), "a number from 1 to 5"),
            Rule("trust", _ranged(1, 5), "a number from 1 to 5"),
            Rule("since", _year, "a year such as 2012"),
            Rule("wave", wave, waves_ok),
            Rule("reported_by", actor, actor_ok),
        ] + [
            Rule(c, score_1_4, "a number from 1 to 4")
            for c in ("reliability", "mission", "openness", "power", "resources", "involvement")
        ],
        "partners": [
            Rule("actor", actor, actor_ok, required=True),
            Rule("influence", _ranged(0, 10), "a number from 0 to 10", required=True),
            Rule("dependency", _ranged(0, 10), "a number from 0 to 10", required=True),
            Rule("move", _move, accepted(MOVES) + " or a combination such as up+right"),
            Rule("wave", wave, waves_ok),
            Rule("note"),
        ],
        "goals": [
            Rule("id", required=True, unique=True, accepted="a unique, non-empty text"),
            Rule("label", required=True, accepted="a non-empty label"),
            Rule("parent", _member(goal_ids, "goal"), "an id from the goals table, "
                 "or empty for the main goal"),
        ],
        "goal_links": [
            Rule("goal", _member(goal_ids, "goal"), "an id from the goals table", required=True),
            Rule("actor", actor, actor_ok, required=True),
            Rule("contribution", _ranged(1, 5), "a number from 1 to 5"),
        ],
        "roles": [
            Rule("body", actor, actor_ok, required=True),
            Rule("role", _choice(ROLES, "role"), accepted(ROLES), required=True),
            Rule("holder", actor, actor_ok, required=True),
        ],
        "lessons": [
            Rule("respondent", required=True, accepted="a respondent code"),
            Rule("lesson", _ranged(1, 10, integer=True), "a whole number from 1 to 10",
                 required=True),
            Rule("score", _ranged(1, 5), "a number from 1 to 5", required=True),
            Rule("wave", wave, waves_ok),
            Rule("comment"),
        ],
        # The wide form of lessons: one column per lesson, an empty cell = not answered.
        "lessons_wide": [
            Rule("respondent", required=True, accepted="a respondent code"),
            Rule("wave", wave, waves_ok),
        ] + [Rule(f"l{i}", _ranged(1, 5), "a number from 1 to 5") for i in range(1, 11)],
    }
    return rules[table]


def _member_year(waves):
    def parse(text):
        year = _year(text)
        if year not in waves:
            raise ValueError("is not one of the case's waves")
        return year
    return parse


def _column_ok(rule):
    return lambda cells: rule.check_series(cells)[1]


def schema_for(rules, frame_checks=()):
    """A lazy pandera schema whose failure's `check` name is the column's rule."""
    columns = {
        r.column: pa.Column(
            checks=pa.Check(_column_ok(r), error=f"rule:{r.column}"),
            required=r.required,
            unique=r.unique,
            nullable=True,
        )
        for r in rules
    }
    return pa.DataFrameSchema(columns, checks=list(frame_checks), strict=False)

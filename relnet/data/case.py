"""The Case object: case metadata plus one pandas DataFrame per table, English keys."""

import copy
import re
from dataclasses import dataclass, field, fields, replace

import pandas as pd

__all__ = ["Case", "TABLES", "COLUMNS", "REQUIRED_COLUMNS", "DTYPES", "empty_table",
           "parse_waves", "ACTOR_REFERENCES", "renamed", "response_renamed"]

TABLES = ("actors", "ties", "partners", "goals", "goal_links", "activities", "roles",
          "lessons")

# The contract's columns per table, in the order files are written.
COLUMNS = {
    "actors": ["id", "name", "kind", "domain", "person", "waves", "district", "respondent",
               "municipal", "public"],
    "ties": [
        "source", "target", "type", "directed", "weight", "trust", "since", "wave",
        "reported_by", "reliability", "mission", "openness", "power", "resources",
        "involvement", "confirmed", "comment",
    ],
    "partners": ["actor", "influence", "dependency", "move", "wave", "note", "bundle"],
    "goals": ["id", "label", "parent", "vision"],
    "goal_links": ["goal", "actor", "contribution"],
    "activities": ["id", "name", "goal", "team", "effort", "statutory"],
    "roles": ["body", "role", "holder"],
    "lessons": ["respondent", "lesson", "score", "wave", "comment"],
}

REQUIRED_COLUMNS = {
    "actors": ["id", "name", "kind"],
    "ties": ["source", "target", "type"],
    "partners": ["actor", "influence", "dependency"],
    "goals": ["id", "label"],
    "goal_links": ["goal", "actor"],
    "activities": ["id", "name"],
    "roles": ["body", "role", "holder"],
    "lessons": ["respondent", "lesson", "score"],
}

# Column dtypes after reading; every other column (extra ones included) is text.
DTYPES = {
    "person": "bool", "directed": "bool", "respondent@actors": "bool", "municipal": "boolean",
    "public": "boolean",
    "statutory": "bool", "confirmed": "boolean",
    "weight": "float64", "trust": "float64", "influence": "float64",
    "dependency": "float64", "contribution": "float64", "score": "float64",
    "reliability": "float64", "mission": "float64", "openness": "float64",
    "power": "float64", "resources": "float64", "involvement": "float64",
    "effort": "float64",
    "since": "Int64", "wave": "Int64", "lesson": "Int64",
}


def dtype_of(table, column):
    """The contract's dtype of a column (None for text)."""
    return DTYPES.get(f"{column}@{table}", DTYPES.get(column) if column != "respondent"
                      else None)


def empty_table(name):
    """An empty DataFrame with the contract's columns and dtypes for table `name`."""
    return pd.DataFrame(
        {c: pd.Series(dtype=dtype_of(name, c) or "str") for c in COLUMNS[name]}
    )


_YEARS = re.compile(r"[|;,\s\[\]]+")


def parse_waves(text):
    """The years in a waves cell or list as typed ("2015|2017", "2015; 2017", [2015]).

    Returns the parts as text, in order; checking that they are years is the rules' job.

    >>> parse_waves("2015 | 2017"), parse_waves([2015, "2017"]), parse_waves(None)
    (['2015', '2017'], ['2015', '2017'], [])
    """
    if text is None or (isinstance(text, float) and text != text):
        return []
    if isinstance(text, (list, tuple)):
        return [str(p).strip() for p in text if str(p).strip()]
    return [p for p in _YEARS.split(str(text).strip()) if p]


@dataclass(eq=False)
class Case:
    """A case: `meta` (the case.yaml dict) and one DataFrame per table.

    Kinds, domains, tie types, roles and moves hold the English keys of the contract,
    and lessons are always in long form (respondent, lesson, score).

    Examples
    --------
    >>> import relnet
    >>> case = relnet.load_example("haverdonk")
    >>> case.meta["fictional"], case.waves
    (True, [2015, 2017])
    >>> sorted(case.tables)[:3]
    ['activities', 'actors', 'goal_links']
    """

    meta: dict = field(default_factory=dict)
    actors: pd.DataFrame = field(default_factory=lambda: empty_table("actors"))
    ties: pd.DataFrame = field(default_factory=lambda: empty_table("ties"))
    partners: pd.DataFrame = field(default_factory=lambda: empty_table("partners"))
    goals: pd.DataFrame = field(default_factory=lambda: empty_table("goals"))
    goal_links: pd.DataFrame = field(default_factory=lambda: empty_table("goal_links"))
    activities: pd.DataFrame = field(default_factory=lambda: empty_table("activities"))
    roles: pd.DataFrame = field(default_factory=lambda: empty_table("roles"))
    lessons: pd.DataFrame = field(default_factory=lambda: empty_table("lessons"))
    source: str | None = None

    @property
    def name(self):
        return str(self.meta.get("name", ""))

    @property
    def tables(self):
        """The tables as a dict name -> DataFrame."""
        return {t: getattr(self, t) for t in TABLES}

    @property
    def waves(self):
        """The case's waves, sorted: case.yaml's list, else the years the data mention."""
        declared = self.meta.get("waves")
        if declared:
            return sorted({int(w) for w in parse_waves(declared)})
        years = set()
        for table in ("ties", "partners", "lessons"):
            frame = self.tables[table]
            if isinstance(frame, pd.DataFrame) and "wave" in frame:
                years.update(int(w) for w in frame["wave"].dropna())
        if isinstance(self.actors, pd.DataFrame) and "waves" in self.actors:
            for cell in self.actors["waves"].dropna().unique():
                years.update(int(w) for w in parse_waves(cell))
        return sorted(years)

    def resolve_wave(self, wave=None):
        """The wave to analyse: `wave` if given (must be one of the case's), else the latest."""
        waves = self.waves
        if wave is None:
            return waves[-1] if waves else None
        if waves and int(wave) not in waves:
            raise ValueError(
                f"wave {wave} is not a wave of case '{self.name}'; "
                f"its waves are {', '.join(map(str, waves))}"
            )
        return int(wave)

    def copy(self, **changes):
        """An independent copy (tables and `meta` copied deeply), optionally with some
        tables or meta replaced.

        >>> import relnet
        >>> a = relnet.load_example("haverdonk"); b = a.copy()
        >>> b.meta["waves"].append(2019); a.waves
        [2015, 2017]
        """
        copied = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in changes}
        for name in TABLES:
            if name in copied and isinstance(copied[name], pd.DataFrame):
                copied[name] = copied[name].copy()
        if "meta" in copied:
            copied["meta"] = copy.deepcopy(copied["meta"])
        return replace(self, **copied, **changes)

    def __repr__(self):
        sizes = ", ".join(f"{t}={len(df)}" for t, df in self.tables.items()
                          if isinstance(df, pd.DataFrame) and len(df))
        return f"Case({self.name!r}, waves={self.waves}, {sizes})"


# The columns outside the actors table that hold actor ids: renaming an actor (merging it,
# pseudonymising it) renames it in each.
ACTOR_REFERENCES = {"ties": ("source", "target", "reported_by"), "partners": ("actor",),
                    "goal_links": ("actor",), "roles": ("body", "holder")}


def response_renamed(meta, mapping=None, removed=()):
    """`meta` with the survey's response (who was asked, who answered, per wave) following
    renamed (`mapping` old id -> new id) and removed actors, as the tables do; a copy. The
    response comes out in its per-wave form (v3), whichever form it had.

    >>> response_renamed({"response": {"wave": 2017, "asked": ["a", "b", "c"],
    ...                                "answered": ["a", "c"]}}, {"c": "a"}, ["b"])
    {'response': {2017: {'asked': ['a'], 'answered': ['a']}}}
    """
    from ._checks import check_response  # _checks builds on this module
    from .errors import RuleError

    meta = dict(meta)
    if not isinstance(meta.get("response"), dict):
        return meta
    try:
        response = check_response(meta["response"]) or {}
    except RuleError:
        return meta  # no response: the check names it
    mapping, removed = mapping or {}, set(removed)
    kept = {}
    for wave, record in response.items():
        record = {part: list(dict.fromkeys(mapping.get(a, a) for a in record[part]
                                           if a not in removed))
                  for part in ("asked", "answered")}
        if record["asked"]:  # nobody left who was asked: no survey to speak of
            kept[wave] = record
    if kept:
        meta["response"] = kept
    else:
        del meta["response"]
    return meta


def renamed(series, mapping):
    """`series` with every id that `mapping` names replaced by its new id; other values, and
    missing ones, as they are.

    >>> import pandas as pd
    >>> renamed(pd.Series(["a", "b", None]), {"a": "x"}).tolist()
    ['x', 'b', nan]
    """
    return series.map(lambda v: mapping.get(v, v) if isinstance(v, str) else v)

"""The Case object: case metadata plus one pandas DataFrame per table, English keys."""

from dataclasses import dataclass, field, fields, replace

import pandas as pd

__all__ = ["Case", "TABLES", "COLUMNS", "empty_table"]

TABLES = ("actors", "ties", "partners", "goals", "goal_links", "roles", "lessons")

# The contract's columns per table, in the order files are written.
COLUMNS = {
    "actors": ["id", "name", "kind", "domain", "person", "waves", "district"],
    "ties": [
        "source", "target", "type", "directed", "weight", "trust", "since", "wave",
        "reported_by", "reliability", "mission", "openness", "power", "resources",
        "involvement",
    ],
    "partners": ["actor", "influence", "dependency", "move", "wave", "note"],
    "goals": ["id", "label", "parent"],
    "goal_links": ["goal", "actor", "contribution"],
    "roles": ["body", "role", "holder"],
    "lessons": ["respondent", "lesson", "score", "wave", "comment"],
}

REQUIRED_COLUMNS = {
    "actors": ["id", "name", "kind"],
    "ties": ["source", "target", "type"],
    "partners": ["actor", "influence", "dependency"],
    "goals": ["id", "label"],
    "goal_links": ["goal", "actor"],
    "roles": ["body", "role", "holder"],
    "lessons": ["respondent", "lesson", "score"],
}

# Column dtypes after reading; anything not listed is text (or numeric when it parses).
DTYPES = {
    "person": "bool", "directed": "bool",
    "weight": "float64", "trust": "float64", "influence": "float64",
    "dependency": "float64", "contribution": "float64", "score": "float64",
    "reliability": "float64", "mission": "float64", "openness": "float64",
    "power": "float64", "resources": "float64", "involvement": "float64",
    "since": "Int64", "wave": "Int64", "lesson": "Int64",
}


def empty_table(name):
    """An empty DataFrame with the contract's columns and dtypes for table `name`."""
    return pd.DataFrame(
        {c: pd.Series(dtype=DTYPES.get(c, "str")) for c in COLUMNS[name]}
    )


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
    ['actors', 'goal_links', 'goals']
    """

    meta: dict = field(default_factory=dict)
    actors: pd.DataFrame = field(default_factory=lambda: empty_table("actors"))
    ties: pd.DataFrame = field(default_factory=lambda: empty_table("ties"))
    partners: pd.DataFrame = field(default_factory=lambda: empty_table("partners"))
    goals: pd.DataFrame = field(default_factory=lambda: empty_table("goals"))
    goal_links: pd.DataFrame = field(default_factory=lambda: empty_table("goal_links"))
    roles: pd.DataFrame = field(default_factory=lambda: empty_table("roles"))
    lessons: pd.DataFrame = field(default_factory=lambda: empty_table("lessons"))
    source: str | None = None

    @property
    def name(self):
        return self.meta.get("name", "")

    @property
    def tables(self):
        """The tables as a dict name -> DataFrame."""
        return {t: getattr(self, t) for t in TABLES}

    @property
    def waves(self):
        """The case's waves, sorted: case.yaml's list, else the years the data mention."""
        declared = self.meta.get("waves")
        if declared:
            return sorted(int(w) for w in declared)
        years = set()
        for table in ("ties", "partners", "lessons"):
            if "wave" in self.tables[table]:
                years.update(int(w) for w in self.tables[table]["wave"].dropna())
        for cell in self.actors.get("waves", pd.Series(dtype=object)).dropna():
            years.update(int(w) for w in str(cell).split("|") if w.strip())
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
        """A deep copy, optionally with some tables or meta replaced."""
        copied = {
            f.name: (getattr(self, f.name).copy() if f.name in TABLES else getattr(self, f.name))
            for f in fields(self)
        }
        copied["meta"] = dict(self.meta)
        copied.update(changes)
        return replace(self, **copied)

    def __repr__(self):
        sizes = ", ".join(f"{t}={len(df)}" for t, df in self.tables.items() if len(df))
        return f"Case({self.name!r}, waves={self.waves}, {sizes})"

"""A validated text table to the contract's types: the typed `Case`.

Contract columns get their types (numbers, years, yes/no, English keys); every other column
stays text, as the file has it (a phone number keeps its leading zero, an account number
its digits). Defaults are filled in here: ties are directed by type, weigh 1 and belong to
the first wave; kinds that are persons by nature count as persons; organisations are asked
in a survey unless said otherwise; a task is not a legal duty unless said so.
"""

import pandas as pd

from ._checks import wide_lessons
from .case import COLUMNS, TABLES, Case, dtype_of, empty_table
from .rules import LESSON_COLUMN, table_rules
from .vocab import DIRECTED_BY_DEFAULT, PERSON_KINDS

__all__ = ["build_case", "typed_table", "fill_defaults"]


class _Any:
    """A set that contains everything: references are already validated."""

    def __contains__(self, item):
        return True


def typed_table(name, frame):
    """Parse a validated text table (columns = contract names) into the contract's types."""
    wide = name == "lessons" and wide_lessons(frame)
    rules = {r.column: r for r in table_rules("lessons_wide" if wide else name, _Any(),
                                              _Any(), [])}
    data = {}
    for column in frame.columns:
        cells = frame[column]
        if column in rules:
            values = rules[column].check_series(cells)[0]
            dtype = "float64" if LESSON_COLUMN.match(column) else dtype_of(name, column)
            dtype = "boolean" if dtype == "bool" else (dtype or "str")
            data[column] = pd.array(values.tolist(), dtype=dtype)
        else:
            data[column] = pd.array([c if c != "" else None for c in cells], dtype="str")
    typed = pd.DataFrame(data, index=range(len(frame)))
    if wide:
        lesson_cols = [c for c in typed.columns if LESSON_COLUMN.match(c)]
        keep = [c for c in typed.columns if c not in lesson_cols]
        long = typed.melt(id_vars=keep, value_vars=lesson_cols, var_name="lesson",
                          value_name="score").dropna(subset=["score"])
        long["lesson"] = long["lesson"].str[1:].astype("Int64")
        long["score"] = long["score"].astype("float64")
        typed = long.reset_index(drop=True)
    for column in COLUMNS[name]:
        if column not in typed.columns:
            typed[column] = empty_table(name)[column].reindex(typed.index)
    extra = [c for c in typed.columns if c not in COLUMNS[name]]
    return typed[COLUMNS[name] + extra]


def build_case(meta, tables, source):
    """The typed Case of validated raw tables (`RawTable` by name)."""
    frames = {}
    for name in TABLES:
        raw = tables.get(name)
        if raw is None or not len(raw.frame.columns):
            frames[name] = empty_table(name)
        else:
            frames[name] = typed_table(name, raw.frame)
    fill_defaults(frames, meta.get("waves") or [])
    return Case(meta=dict(meta), source=source, **frames)


def fill_defaults(frames, waves):
    """The contract's defaults for missing values, in place."""
    actors, ties = frames["actors"], frames["ties"]
    by_kind = actors["kind"].isin(PERSON_KINDS)
    actors["person"] = actors["person"].astype("boolean").fillna(by_kind).astype(bool)
    actors["respondent"] = actors["respondent"].astype("boolean").fillna(
        ~actors["person"]).astype(bool)
    # empty: part of the municipality by kind (`relnet.network.indicators.municipal_mask`);
    # kept empty so that a reader can tell a classification given from one assumed
    actors["municipal"] = actors["municipal"].astype("boolean")
    # empty: public by kind (`relnet.survey.listed_mask`), kept empty as `municipal` is
    actors["public"] = actors["public"].astype("boolean")
    activities = frames["activities"]
    activities["statutory"] = activities["statutory"].astype("boolean").fillna(False) \
        .astype(bool)
    ties["confirmed"] = ties["confirmed"].astype("boolean")
    if len(ties):
        default_directed = ties["type"].isin(DIRECTED_BY_DEFAULT)
        ties["directed"] = ties["directed"].astype("boolean").fillna(default_directed) \
            .astype(bool)
        ties["weight"] = ties["weight"].fillna(1.0)
        if waves:
            ties["wave"] = ties["wave"].fillna(waves[0]).astype("Int64")
        elif not ties["wave"].isna().all():
            first = int(pd.concat([ties["wave"], frames["partners"]["wave"],
                                   frames["lessons"]["wave"]]).dropna().min())
            ties["wave"] = ties["wave"].fillna(first).astype("Int64")
    else:
        ties["directed"] = ties["directed"].astype(bool)

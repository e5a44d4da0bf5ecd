"""A validated text table to the contract's types: the typed `Case`."""

import re

import pandas as pd

from .case import COLUMNS, DTYPES, TABLES, Case, empty_table
from .rules import parse_number, table_rules
from .vocab import DIRECTED_BY_DEFAULT
from ._checks import wide_lessons


def _typed(raw, rules):
    """Parse a validated text table into the contract's types."""
    frame = raw.frame
    data = {}
    by_column = {r.column: r for r in rules}
    for column in frame.columns:
        cells = frame[column]
        if column in by_column:
            values = by_column[column].check_series(cells)[0].tolist()
        else:
            values = _extra_column(cells)
        data[column] = values
    typed = pd.DataFrame(data, index=range(len(frame)))
    for column in typed.columns:
        dtype = DTYPES.get(column)
        if dtype is None and column in by_column:
            # every contract column outside DTYPES is text, but the wide lessons' l1..l10
            dtype = "float64" if re.fullmatch(r"l\d+", column) else "str"
        if dtype is not None:
            typed[column] = typed[column].astype(dtype if dtype != "bool" else "boolean")
    return typed


def _extra_column(cells):
    """An attribute column outside the contract: numbers where every cell is one."""
    filled = [c for c in cells if c != ""]
    try:
        numbers = [parse_number(c) if c != "" else None for c in cells]
    except ValueError:
        return [c if c != "" else None for c in cells]
    if filled and all(n is None or float(n).is_integer() for n in numbers):
        return pd.array([None if n is None else int(n) for n in numbers], dtype="Int64")
    return [float("nan") if n is None else n for n in numbers]


def build_case(meta, tables, source):
    waves = meta.get("waves") or []
    frames = {}
    for name in TABLES:
        raw = tables.get(name)
        if raw is None or not len(raw.frame.columns):
            frames[name] = empty_table(name)
            continue
        if name == "lessons" and wide_lessons(raw.frame):
            typed = _typed(raw, table_rules("lessons_wide", set(), set(), []))
            lesson_cols = [c for c in typed.columns if re.fullmatch(r"l\d+", c)]
            keep = [c for c in typed.columns if c not in lesson_cols]
            long = typed.melt(id_vars=keep, value_vars=lesson_cols, var_name="lesson",
                              value_name="score")
            long = long.dropna(subset=["score"])
            long["lesson"] = long["lesson"].str[1:].astype("Int64")
            long["score"] = long["score"].astype("float64")
            typed = long.reset_index(drop=True)
        else:
            typed = _typed(raw, table_rules(name, _Any(), _Any(), []))
        for column in COLUMNS[name]:
            if column not in typed.columns:
                typed[column] = empty_table(name)[column].reindex(typed.index)
        extra = [c for c in typed.columns if c not in COLUMNS[name]]
        frames[name] = typed[COLUMNS[name] + extra]
    _fill_defaults(frames, waves)
    meta = {k: v for k, v in meta.items()}
    return Case(meta=meta, source=source, **frames)


class _Any:
    """A set that contains everything: references are already validated."""

    def __contains__(self, item):
        return True


def _fill_defaults(frames, waves):
    actors, ties = frames["actors"], frames["ties"]
    actors["person"] = actors["person"].fillna(False).astype(bool)
    if len(ties):
        default_directed = ties["type"].isin(DIRECTED_BY_DEFAULT)
        ties["directed"] = ties["directed"].fillna(default_directed).astype(bool)
        ties["weight"] = ties["weight"].fillna(1.0)
        if waves:
            ties["wave"] = ties["wave"].fillna(waves[0]).astype("Int64")
        elif ties["wave"].isna().all():
            pass
        else:
            first = int(pd.concat([ties["wave"], frames["partners"]["wave"],
                                   frames["lessons"]["wave"]]).dropna().min())
            ties["wave"] = ties["wave"].fillna(first).astype("Int64")
    else:
        ties["directed"] = ties["directed"].astype(bool)

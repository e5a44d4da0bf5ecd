"""The contract checked on a case in memory: what an analyst built or edited with pandas.

Every analysis and writer starts with `check_case`, so a typo in a kind, an unknown actor in
a tie or a score of 11 typed into a DataFrame is a `CaseError` naming table, row and column,
as it would be in a file, instead of a KeyError deep inside an analysis. The same rules run
as for files (the case is turned into text first); each distinct content is checked once.
Rows are numbered as in the written file: the first row of a table is row 2.
"""

from collections import OrderedDict

import pandas as pd

from ._checks import validate_raw
from ._fingerprint import fingerprint
from ._tokenise import RawTable, _cell_problems, _hints
from .case import COLUMNS, TABLES
from .errors import CaseError, problem

__all__ = ["check_case", "problems_in_memory", "trust"]

_CHECKED = OrderedDict()  # fingerprint -> True
_CHECKED_SIZE = 256


def trust(case):
    """Remember a case as valid without checking it (read from files, or built by relnet
    from a valid case)."""
    key = fingerprint(case)
    _remember((key, True))
    _remember((key, False))
    return case


def _remember(key):
    _CHECKED[key] = True
    _CHECKED.move_to_end(key)
    while len(_CHECKED) > _CHECKED_SIZE:
        _CHECKED.popitem(last=False)


def _text_column(column):
    """A column as the writer would write it: missing as empty, yes/no as true/false."""
    if pd.api.types.is_bool_dtype(column):
        return column.map({True: "true", False: "false"}).fillna("").astype(object)
    filled = column.astype(object).where(column.notna().to_numpy(), "")
    return filled.map(str).astype(object)


def _text_frame(frame):
    out = pd.DataFrame({str(c): _text_column(frame[c]).to_numpy()
                        for c in frame.columns}, dtype=object)
    out.index = range(2, len(frame) + 2)
    return out


def problems_in_memory(case, writing=False):
    """Every problem of a case in memory (empty when it keeps the contract). The keys that
    case.yaml requires are required only of a case about to be written."""
    problems, tables = [], {}
    for name in TABLES:
        frame = getattr(case, name, None)
        label = f"{name} (in memory)"
        if not isinstance(frame, pd.DataFrame):
            problems.append(problem(label, None, None, type(frame).__name__, "not_table",
                                    "a_table"))
            continue
        if not len(frame) and name != "actors":
            continue
        text = _text_frame(frame)
        hints = _hints(text)
        if hints["control"] or hints["long"]:
            problems += _cell_problems(label, text, {c: c for c in text.columns})
        tables[name] = RawTable(label, text, {c: c for c in COLUMNS[name]})
    meta = case.meta if isinstance(case.meta, dict) else {}
    _, more = validate_raw(meta, "case.meta", tables, require_meta=writing)
    return problems + more


def check_case(case, writing=False):
    """Raise `CaseError` unless the case keeps the contract (checked once per content)."""
    key = (fingerprint(case), writing)
    if key in _CHECKED:
        _CHECKED.move_to_end(key)
        return case
    problems = problems_in_memory(case, writing)
    if problems:
        raise CaseError(problems)
    _remember(key)
    if writing:
        _remember((key[0], False))
    return case

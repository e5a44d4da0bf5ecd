"""The contract checked on a case in memory: what an analyst built or edited with pandas.

Every analysis and writer starts with `check_case`, so a typo in a kind, an unknown actor in
a tie or a score of 11 typed into a DataFrame is a `CaseError` naming table, row and column,
as it would be in a file, instead of a KeyError deep inside an analysis. The same rules run
as for files (the case is turned into text first), and the analysis then works on the case
as it would be read back from its files: Dutch terms as English keys, the contract's types
and defaults, missing optional columns added (extra columns are kept as they are). Each
distinct content is checked once. Rows are numbered as in the written file: the first row
of a table is row 2.
"""

import pandas as pd

from . import _memo
from ._checks import check_meta, validate_raw
from ._tokenise import RawTable, _cell_problems, _hints, meta_characters
from ._typing import fill_defaults, typed_table
from .case import COLUMNS, TABLES, Case
from .errors import CaseError, errors_of, problem

__all__ = ["check_case", "problems_in_memory", "trust"]



def trust(case):
    """Remember a case as valid and in the contract's form without checking it (read from
    files, or built by relnet from a valid case). Returns the case."""
    found = _memo.entry(case)
    found.normal, found.checked, found.writable = None, True, True
    _memo.trusted(case)
    return case


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


def _text_tables(case):
    """(problems, {table: RawTable}) of a case in memory."""
    problems, tables = [], {}
    for name in TABLES:
        frame = getattr(case, name, None)
        label = f"{name} (in memory)"
        if not isinstance(frame, pd.DataFrame):
            problems.append(problem(label, None, None, type(frame).__name__, "not_table",
                                    "a_table"))
            continue
        written = [str(c) for c in frame.columns]  # 1 and "1" are one column in a file
        repeated = sorted({c for c in written if written.count(c) > 1})
        if repeated:  # said once; the first of each is checked, so references still work
            problems += [problem(label, None, c, None, "duplicate_header", "each_column_once")
                         for c in repeated]
            frame = frame.loc[:, ~pd.Index(written).duplicated()]
        if not len(frame) and name != "actors":
            continue
        text = _text_frame(frame)
        hints = _hints(text)
        if hints["control"] or hints["long"]:
            problems += _cell_problems(label, text, {c: c for c in text.columns})
        tables[name] = RawTable(label, text, {c: c for c in COLUMNS[name]})
    return problems, tables


def problems_in_memory(case, writing=False):
    """Every problem of a case in memory (empty when it keeps the contract). The keys that
    case.yaml requires are required only of a case about to be written."""
    problems, tables = _text_tables(case)
    meta = case.meta if isinstance(case.meta, dict) else {}
    problems += meta_characters(meta, "case.meta")
    _, more = validate_raw(meta, "case.meta", tables, require_meta=writing)
    return problems + more


def _normalised(case, tables):
    """The case as it would be read back from its files (extra columns kept as they are)."""
    frames = {}
    for name in TABLES:
        raw = tables.get(name)
        frames[name] = _typed_keeping_extras(name, getattr(case, name),
                                             raw.frame if raw is not None else None)
    meta, _ = check_meta(case.meta if isinstance(case.meta, dict) else {}, "case.meta",
                         require=False)
    fill_defaults(frames, meta.get("waves") or [])
    return Case(meta=meta, source=case.source, **frames)


def _typed_keeping_extras(name, original, text):
    contract = [c for c in original.columns if c in COLUMNS[name]]
    if text is None:
        text = _text_frame(original)
    typed = typed_table(name, text[[str(c) for c in contract]])
    for column in original.columns:
        if column not in COLUMNS[name]:
            typed[column] = original[column].to_numpy()
    return typed


def check_case(case, writing=False):
    """The case to analyse: `case` itself when it was read from files (or is otherwise in
    the contract's form), else its normalised copy; `CaseError` when it breaks the
    contract. Checked once per content."""
    found = _memo.entry(case)
    if found.checked and (found.writable or not writing):
        return case if found.normal is None else found.normal
    _memo.COUNTS["check"] += 1
    problems, tables = _text_tables(case)
    meta = case.meta if isinstance(case.meta, dict) else {}
    problems += meta_characters(meta, "case.meta")
    _, more = validate_raw(meta, "case.meta", tables, require_meta=writing)
    if errors_of(problems + more):  # warnings (v3) leave the case usable
        raise CaseError(errors_of(problems + more))
    if not found.checked:
        found.normal = _normalised(case, tables)
        # the normal form's own content is that of a case read from files
        trust(found.normal)
        found.checked = True
    found.writable = found.writable or writing
    return case if found.normal is None else found.normal

"""Bytes to a grid of text cells: encoding detection, the delimiter, one tokeniser.

Files are read as a Dutch analyst's Excel writes them: UTF-8 with or without BOM, UTF-16,
cp1252; `;`, `,` or tab delimiters. Every cell stays text here; `relnet.data._checks` says
what is wrong with it and `relnet.data._typing` turns it into the contract's types.
"""

import csv
import io
import re
from dataclasses import dataclass

import pandas as pd

from .case import COLUMNS
from .errors import CaseError, Problem
from .vocab import fold


@dataclass


class RawTable:
    label: str  # how the user knows the file: "ties.csv" or "case.xlsx, sheet 'ties'"
    frame: pd.DataFrame  # text cells, index = the row number Excel shows


def decode(data, label):
    """Bytes of a text file to str, detecting BOMs, UTF-8 and cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError:
            pass
    else:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            # Excel's "CSV" on Windows writes cp1252; latin-1 covers its 5 unused bytes.
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                return data.decode("latin-1")
    raise CaseError([Problem(label, None, None, None, "is not a readable text file",
                             "CSV text in UTF-8, UTF-16 or Windows-1252")])


def _looks_binary(text):
    if "\x00" in text:
        return True
    controls = sum(1 for ch in text[:10000] if ord(ch) < 32 and ch not in "\t\r\n")
    return controls > max(2, len(text[:10000]) // 100)


def _sniff_delimiter(text):
    """The delimiter of the header line: the most frequent of ; , and tab outside quotes."""
    header = text.split("\n", 1)[0]
    unquoted = re.sub(r'"[^"]*"', "", header)
    counts = {d: unquoted.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def frame_of(label, header, rows, required):
    """Build the text frame of a table; rows are (excel_row, cells). Problems raise."""
    problems = []
    header = [str(h).strip() for h in header]
    while header and header[-1] == "":
        header.pop()
    if not header or all(h == "" for h in header):
        expected = ", ".join(required)
        raise CaseError([Problem(label, 1, None, None, "has no header row",
                                 f"a first row with the column names ({expected}, ...)")])
    known = {c for cols in COLUMNS.values() for c in cols} | {f"l{i}" for i in range(1, 11)}
    names = [fold(h) if fold(h) in known else h for h in header]
    seen = set()
    for i, name in enumerate(names):
        if name == "":
            problems.append(Problem(label, 1, f"column {i + 1}", None,
                                    "has no name in the header row", "a column name"))
        elif name in seen:
            problems.append(Problem(label, 1, name, None, "appears twice in the header row",
                                    "each column once"))
        seen.add(name)
    index, records = [], []
    for excel_row, cells in rows:
        cells = ["" if c is None else str(c).replace("\u00a0", " ").strip() for c in cells]
        if all(c == "" for c in cells):
            continue  # Excel keeps empty rows; they carry nothing
        if len(cells) > len(names) and any(cells[len(names):]):
            problems.append(Problem(
                label, excel_row, None, None,
                f"has {len(cells)} values but the header has {len(names)} columns",
                "one value per column; quote values that contain the delimiter"))
            continue
        cells = (cells + [""] * len(names))[: len(names)]
        index.append(excel_row)
        records.append(cells)
    if problems:
        raise CaseError(problems)
    return pd.DataFrame(records, columns=names, index=index, dtype=object)


def csv_table(data, label, required):
    if not data.strip():
        raise CaseError([Problem(label, None, None, None, "is empty",
                                 "a header row with the columns " + ", ".join(required))])
    text = decode(data, label)
    if _looks_binary(text):
        raise CaseError([Problem(label, None, None, None, "is not a text (CSV) file",
                                 "a CSV file as Excel or a text editor writes it")])
    text = text.lstrip("\ufeff")
    delimiter = _sniff_delimiter(text)
    fast = _pandas_table(text, delimiter, label, required)
    if fast is not None:
        return fast
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise CaseError([Problem(label, None, None, None, f"could not be read as CSV ({exc})",
                                 "a CSV file as Excel or a text editor writes it")]) from None
    if not rows:
        raise CaseError([Problem(label, None, None, None, "is empty",
                                 "a header row with the columns " + ", ".join(required))])
    return frame_of(label, rows[0], [(i + 2, r) for i, r in enumerate(rows[1:])], required)


def _pandas_table(text, delimiter, label, required):
    """pandas' C parser for well-formed files (fast); None when a row has too many values,
    so that the csv module can say which row."""
    try:
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False,
                            skip_blank_lines=False, header=None, engine="c")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError):
        return None
    if not len(frame):
        return None
    header = list(frame.iloc[0])
    body = frame.iloc[1:]
    rows = zip(range(2, len(body) + 2), body.itertuples(index=False, name=None))
    if len(body) > 5000:
        # build directly: the row loop in _frame is fine for small tables only
        d = re.escape(delimiter)
        padded = re.search(rf"[ \t\u00a0]({d}|\"|\r?\n)|({d}|\"|\n)[ \t\u00a0]|\u00a0", text)
        return _frame_fast(label, header, body, required, strip=padded is not None)
    return frame_of(label, header, [(r, list(cells)) for r, cells in rows], required)


def _frame_fast(label, header, body, required, strip=True):
    names_frame = frame_of(label, header, [], required)  # header checks and names
    names = list(names_frame.columns)
    body = body.iloc[:, : len(header)].copy()
    while body.shape[1] < len(names):
        body[body.shape[1]] = ""
    body = body.iloc[:, : len(names)]
    body.columns = names
    body.index = range(2, len(body) + 2)
    body = body.fillna("")
    if strip:
        body = body.apply(lambda col: col.str.replace("\u00a0", " ").str.strip())
    empty = (body == "").all(axis=1)
    return body[~empty.to_numpy()].astype(object)


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10] if hasattr(value, "hour") else value.isoformat()
    return str(value)

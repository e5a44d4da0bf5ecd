"""Bytes to a grid of text cells, and a grid to a table: one path for every file and size.

Files are read as a Dutch analyst's Excel writes them: UTF-8 with or without BOM, UTF-16,
cp1252; `;`, `,` or tab delimiters. Every CSV is tokenised by pandas' C parser into a grid
of text (never its type guessing), every workbook sheet is read into the same kind of grid,
and `table_of_grid` applies the same rules to both, whatever their size: header names
(English or Dutch), values beyond the header, blank rows, padding, control characters and
the input limits. Every cell stays text here; `relnet.data._checks` says what is wrong with
it and `relnet.data._typing` turns it into the contract's types.
"""

import csv
import io
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .case import COLUMNS, REQUIRED_COLUMNS
from .errors import CaseError, problem
from .vocab import fold, normalise_header

__all__ = ["LIMITS", "RawTable", "decode", "csv_grid", "table_of_grid", "cell_text",
           "size_text", "ooxml_escape", "ooxml_unescape", "load_workbook", "NOT_XML",
           "meta_characters"]

# Input limits (docs/data-dictionary.md): what a municipality's case needs, many times over,
# and small enough that a hostile file cannot exhaust this machine's memory.
LIMITS = {
    "file_bytes": 256 * 2**20,  # one table file, or one member of a zip
    "workbook_bytes": 512 * 2**20,  # an .xlsx unpacked
    "case_bytes": 1 * 2**30,  # a .zip unpacked
    "rows": 2_000_000,
    "columns": 500,
    "cell_chars": 10_000,
    "yaml_bytes": 1 * 2**20,
    "yaml_depth": 8,
}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# U+FFFE and U+FFFF are no characters at all: XML (xlsx, GEXF, GraphML, SVG) forbids them
NOT_XML = re.compile("[\ufffe\uffff]")
# Excel's "CSV" may start with a line that names the delimiter (sep=;), not shown as a row
_SEP_LINE = re.compile(r"^sep=([;,\t|])[ \t]*\r?(?:\n|$)", re.I)
# OOXML writes a carriage return (and any code point) in a cell as _x000D_ (ECMA-376 22.9.2.19)
_OOXML_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")
_ESCAPE_START = re.compile("_(?=x[0-9A-Fa-f]{4}_)")
_NEUTRALISED = re.compile(r"^'(?='*[=+\-@])")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|"
                             rb"[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass
class RawTable:
    label: str  # how the user knows the file: "ties.csv" or "case.xlsx, sheet 'ties'"
    frame: pd.DataFrame  # text cells, columns = the contract's names, index = Excel rows
    headers: dict = field(default_factory=dict)  # column -> the header as the file has it

    def header(self, column):
        """The header of `column` as the file writes it (for messages)."""
        return self.headers.get(column, column)


def size_text(n):
    """A byte count for a message: ``size_text(3 * 2**20)`` -> '3 MB'."""
    for unit, factor in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n >= factor:
            return f"{n / factor:.0f} {unit}"
    return f"{n} bytes"


def _error(label, row, key, accepted=None, **params):
    return CaseError([problem(label, row, None, None, key, accepted, **params)])


def decode(data, label):
    """Bytes of a text file to str: UTF-16 and UTF-8 by their BOM, else UTF-8, else cp1252.

    A file that is UTF-8 but for one stray byte is not silently read as cp1252 (which would
    turn every ë into Ã«): the row of the stray byte is reported.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _error(label, None, "not_text", "csv_text") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if data.startswith(b"\xef\xbb\xbf") or _UTF8_MULTIBYTE.search(data):
            row = data.count(b"\n", 0, exc.start) + 1
            raise _error(label, row, "bad_utf8", "utf8_file",
                         byte=f"0x{data[exc.start]:02X}") from None
    # Excel's "CSV" on Windows writes cp1252; latin-1 covers its 5 unused bytes.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


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


def csv_grid(data, label, table):
    """The cells of a CSV file as a grid (DataFrame of text, row 1 = the header row, index =
    the row as Excel shows it), and hints for `table_of_grid`."""
    required = ", ".join(REQUIRED_COLUMNS.get(table, []))
    if len(data) > LIMITS["file_bytes"]:
        raise _error(label, None, "too_large", "limits", size=size_text(len(data)),
                     limit=size_text(LIMITS["file_bytes"]))
    if not data.strip():
        raise _error(label, None, "empty", "header_with", columns=required)
    if b"\n" not in data and b"\r" in data and not data.startswith(
            (b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        try:  # Excel's "CSV (Macintosh)": CR line ends, Mac Roman text
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("mac_roman")
    else:
        text = decode(data, label)
    if _looks_binary(text):
        raise _error(label, None, "not_csv", "csv_file")
    text = text.lstrip("\ufeff")
    if "\n" not in text and "\r" in text:  # Excel's "CSV (Macintosh)": CR line ends
        text = text.replace("\r", "\n")
    sep = _SEP_LINE.match(text)
    if sep:
        text = text[sep.end():]
    delimiter = sep.group(1) if sep else _sniff_delimiter(text)
    lines = text.split("\n")
    if len(lines) > LIMITS["rows"] + 2:
        raise _error(label, None, "too_many_rows", "limits", limit=f"{LIMITS['rows']:,}")
    counts = np.fromiter((line.count(delimiter) for line in lines), dtype=np.int64,
                         count=len(lines))
    width = int(counts.max()) + 1
    if width > LIMITS["columns"] * 2:
        row = int(np.argmax(counts > LIMITS["columns"] * 2)) + 1
        raise _error(label, row, "too_many_columns", "limits", limit=LIMITS["columns"])
    total = int(counts.sum()) + 1
    while True:
        try:
            grid = pd.read_csv(io.StringIO(text), sep=delimiter, header=None,
                               names=range(width), dtype=str, keep_default_na=False,
                               na_filter=False, skip_blank_lines=False, engine="c",
                               quoting=csv.QUOTE_MINIMAL)
            break
        except pd.errors.EmptyDataError:
            raise _error(label, None, "empty", "header_with", columns=required) from None
        except pd.errors.ParserError as exc:
            # a quoted value spanning lines holds more delimiters than any one line
            if width >= total or "Expected" not in str(exc):
                raise _error(label, None, "bad_csv", "csv_file",
                             reason=str(exc).split(". ")[-1][:120]) from None
            width = min(total, width * 2)
        except (ValueError, OverflowError, MemoryError) as exc:
            raise _error(label, None, "bad_csv", "csv_file", reason=type(exc).__name__) \
                from None
    grid.index = range(1, len(grid) + 1)
    d = re.escape(delimiter)
    if re.search(rf"(?:^|[{d}\"])'+[=+\-@]", text, re.M):
        # relnet writes text a spreadsheet would run as a formula with a leading ' (write.py)
        grid = grid.apply(lambda col: col.str.replace(_NEUTRALISED, "", regex=True))
    # what table_of_grid must look for, decided on the text at once (cheaper than per cell)
    hints = {
        "padded": re.search(rf'(?:^|[{d}"\n])[ \t\u00a0]|[ \t\u00a0](?:[{d}"\r\n]|$)|\u00a0',
                            text, re.M) is not None,
        "control": _CONTROL.search(text) is not None,
        "long": max(map(len, lines)) > LIMITS["cell_chars"],
    }
    return grid.fillna(""), hints


def cell_text(value, escaped=True):
    """A workbook cell's value as the text a CSV would hold; `escaped`: text holds OOXML's
    escapes (an .xlsx), not an .ods."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10] if hasattr(value, "hour") else value.isoformat()
    return ooxml_unescape(str(value)) if escaped else str(value)


def load_workbook(handle, **options):
    """`openpyxl.load_workbook` whose shared strings are kept as the file holds them.

    openpyxl reads a shared string's ``_x005F_`` (the escape of a literal ``_x``) itself but
    leaves every other escape (``_x000D_``) to the caller, and inline strings (as relnet
    writes them) untouched: `cell_text` would decode a literal ``_x0041_`` that LibreOffice
    saved as ``_x005F_x0041_`` a second time, to "A". Kept raw, every string is decoded
    once, by `ooxml_unescape`, whoever wrote the workbook.
    """
    from openpyxl.cell.text import Text
    from openpyxl.reader.excel import SHARED_STRINGS, ExcelReader
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    class _Reader(ExcelReader):
        def read_strings(self):  # openpyxl.reader.strings.read_string_table, without
            part = self.package.find(SHARED_STRINGS)  # its replace("x005F_", "")
            if part is None or self.rich_text:
                return super().read_strings()
            tag = f"{{{SHEET_MAIN_NS}}}si"
            self.shared_strings = strings = []
            with self.archive.open(part.PartName[1:]) as source:
                for _, node in iterparse(source):
                    if node.tag == tag:
                        strings.append(Text.from_tree(node).content)
                        node.clear()

    reader = _Reader(handle, **options)
    reader.read()
    return reader.wb


def ooxml_unescape(text):
    """A workbook's text with OOXML's escapes read back: ``_x000D_`` is a carriage return
    (Excel and LibreOffice write it so; `ooxml_escape` is the other way).

    >>> ooxml_unescape("a_x000D_b"), ooxml_unescape("_x005F_x000D_")
    ('a\\rb', '_x000D_')
    """
    if "_x" not in text:
        return text
    return _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def ooxml_escape(text):
    """Text for a workbook cell: a carriage return as ``_x000D_`` (XML would turn it into a
    line feed), and text that looks like such an escape protected by ``_x005F_``.

    >>> ooxml_escape("a\\r\\nb"), ooxml_escape("_x000D_")
    ('a_x000D_\\nb', '_x005F_x000D_')
    >>> ooxml_unescape(ooxml_escape("_x005F_x000D_"))
    '_x005F_x000D_'
    """
    if "_x" in text:  # every "_" that starts an escape, overlapping ones too
        text = _ESCAPE_START.sub("_x005F_", text)
    return text.replace("\r", "_x000D_")


def _strip(frame):
    # str.strip removes a non-breaking space at either end; one inside ("1 000 000") stays
    return frame.apply(lambda col: col.str.strip())


def _hints(frame):
    """What table_of_grid must look for, cell by cell (for grids without a text)."""
    cells = pd.Series(frame.to_numpy().ravel(), dtype=object).astype(str)
    return {"padded": bool(cells.str.contains(r"^\s|\s$|\u00a0", regex=True).any()),
            "control": bool(cells.str.contains(_CONTROL.pattern, regex=True).any()),
            "long": bool((cells.str.len() > LIMITS["cell_chars"]).any())}


def table_of_grid(label, table, grid, hints=None):
    """Apply the table rules every file shares to a grid of text; returns a `RawTable`.

    Raises CaseError for what makes the table unreadable as a whole (no header, unnamed or
    repeated columns, values beyond the header, limits, control characters), every such
    problem at once.
    """
    known = set(COLUMNS.get(table, ()))
    if not len(grid):
        raise _error(label, None, "empty", "header_with",
                     columns=", ".join(REQUIRED_COLUMNS.get(table, [])))
    header = [str(h).replace("\u00a0", " ").strip() for h in grid.iloc[0]]
    named = max((i + 1 for i, h in enumerate(header) if h), default=0)
    if named == 0:
        raise _error(label, 1, "no_header", "first_row_names",
                     columns=", ".join(REQUIRED_COLUMNS.get(table, [])))
    problems = []
    if named > LIMITS["columns"]:
        problems.append(problem(label, 1, None, None, "too_many_columns", "limits",
                                limit=LIMITS["columns"]))
        raise CaseError(problems)
    header = header[:named]
    names, seen = [], set()
    for i, written in enumerate(header):
        name = normalise_header(written, table, known)
        if table == "lessons" and re.fullmatch(r"l\d+", fold(written)):
            name = fold(written)
        if written == "":
            problems.append(problem(label, 1, f"column {i + 1}", None, "unnamed_column",
                                    "a_column_name"))
        elif name in seen:
            problems.append(problem(label, 1, written, None, "duplicate_header",
                                    "each_column_once"))
        seen.add(name)
        names.append(name)
    body = grid.iloc[1:]
    if len(body) > LIMITS["rows"]:
        problems.append(problem(label, None, None, None, "too_many_rows", "limits",
                                limit=f"{LIMITS['rows']:,}"))
        raise CaseError(problems)
    hints = hints if hints is not None else _hints(body)
    if hints["padded"]:
        body = _strip(body)
    filled = body != ""
    beyond = filled.iloc[:, named:].any(axis=1) if body.shape[1] > named else None
    if beyond is not None and beyond.any():
        last = filled.to_numpy()[:, ::-1].argmax(axis=1)
        for row in body.index[beyond.to_numpy()]:
            n = body.shape[1] - int(last[body.index.get_loc(row)])
            problems.append(problem(label, int(row), None, None, "too_many_values",
                                    "one_value_per_column", n=n, m=named))
    body = body.iloc[:, :named]
    body.columns = names
    body = body[filled.iloc[:, :named].any(axis=1).to_numpy()]  # Excel keeps empty rows
    if hints["control"] or hints["long"]:
        problems += _cell_problems(label, body, header)
    if problems:
        raise CaseError(problems)
    return RawTable(label, body.astype(object), dict(zip(names, header)))


def _cell_problems(label, body, headers):
    """Cells that are too long or hold control characters: one problem per cell (columns
    taken by position: a repeated column name is a problem of its own, not a crash)."""
    problems = []
    for position, written in enumerate(headers):
        cells = body.iloc[:, position]
        lengths = cells.str.len()
        for row in cells.index[(lengths > LIMITS["cell_chars"]).to_numpy()]:
            problems.append(problem(label, int(row), written, None, "cell_too_long",
                                    "limits", limit=f"{LIMITS['cell_chars']:,}"))
        bad = cells.str.contains(_CONTROL.pattern, regex=True)
        for row in cells.index[bad.to_numpy()]:
            code = _CONTROL.search(cells[row]).group()
            problems.append(problem(label, int(row), written, None,
                                    "not_xml_character" if NOT_XML.match(code)
                                    else "control_character", "no_control",
                                    code=f"U+{ord(code):04X}"))
    return problems


def meta_characters(meta, label):
    """case.yaml values (and keys) holding U+FFFE or U+FFFF, which no XML file can hold: one
    problem per key."""
    problems = []

    def texts(value):
        if isinstance(value, dict):
            for k, v in value.items():
                yield str(k)
                yield from texts(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                yield from texts(v)
        elif isinstance(value, str):
            yield value

    for key, value in meta.items():
        for text in texts({key: value}):
            found = NOT_XML.search(text)
            if found:
                problems.append(problem(label, None, key, None, "not_xml_character",
                                        "no_control", code=f"U+{ord(found.group()):04X}"))
                break
    return problems

"""Read, validate and write cases: the only module that touches files.

A case is a folder of CSV files plus `case.yaml`, an `.xlsx` workbook (one sheet per table
and a `case` sheet of key/value rows) or a `.zip` of a folder. Files are read as a Dutch
analyst's Excel writes them: UTF-8 with or without BOM, UTF-16, cp1252; `;`, `,` or tab
delimiters; decimal commas; ja/nee. Everything is read as text first and checked against
the contract (see `relnet.rules`), so that every problem is reported at once with file,
Excel row and column.
"""

import csv
import io
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pandas as pd
import pandera.pandas as pa
import yaml

from .case import COLUMNS, DTYPES, REQUIRED_COLUMNS, TABLES, Case, empty_table
from .errors import CaseError, Problem
from .rules import Rule, parse_bool, parse_number, schema_for, table_rules
from .vocab import DIRECTED_BY_DEFAULT

__all__ = ["read_case", "validate", "write_case", "new_case", "atomic_write", "META_KEYS"]

META_KEYS = {
    "name": "the case's name",
    "municipality": "the (fictional) municipality",
    "fictional": "true for an illustrative case, false for real data",
    "population": "number of inhabitants",
    "region": "the region",
    "waves": "the years data were collected, e.g. [2015, 2017]",
    "summary": "a short description",
    "practice": "the good-practice story",
    "lessons": "numbers (1-10) of the lessons the practice illustrates",
    "source": "where the data come from",
    "licence": "the licence of the data",
}
REQUIRED_META = ("name", "municipality", "fictional")


@dataclass
class _RawTable:
    label: str  # how the user knows the file: "ties.csv" or "case.xlsx, sheet 'ties'"
    frame: pd.DataFrame  # text cells, index = the row number Excel shows


# --------------------------------------------------------------------------- decoding


def _decode(data, label):
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


def _fold(name):
    return "_".join(str(name).strip().lower().replace("-", " ").split())


def _frame(label, header, rows, required):
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
    names = [_fold(h) if _fold(h) in known else h for h in header]
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


def _csv_table(data, label, required):
    if not data.strip():
        raise CaseError([Problem(label, None, None, None, "is empty",
                                 "a header row with the columns " + ", ".join(required))])
    text = _decode(data, label)
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
    return _frame(label, rows[0], [(i + 2, r) for i, r in enumerate(rows[1:])], required)


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
    return _frame(label, header, [(r, list(cells)) for r, cells in rows], required)


def _frame_fast(label, header, body, required, strip=True):
    names_frame = _frame(label, header, [], required)  # header checks and names
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


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10] if hasattr(value, "hour") else value.isoformat()
    return str(value)


# --------------------------------------------------------------------------- sources


def _parse_yaml(text, label):
    try:
        meta = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(exc, "problem", None) or "syntax error"
        raise CaseError([Problem(label, line, None, None, f"is not valid YAML ({reason})",
                                 "key: value lines such as 'name: My case'")]) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise CaseError([Problem(label, None, None, None, "is not a list of key: value lines",
                                 "key: value lines such as 'name: My case'")])
    return {str(k).strip(): v for k, v in meta.items()}


def _read_folder(get_bytes, label_prefix=""):
    """Meta and raw tables from a folder-like source; get_bytes(name) -> bytes or None."""
    meta_label = f"{label_prefix}case.yaml"
    data = get_bytes("case.yaml")
    if data is None:
        data = get_bytes("case.yml")
    if data is None:
        raise CaseError([Problem(meta_label, None, None, None, "is missing",
                                 "a case.yaml with at least " + ", ".join(REQUIRED_META))])
    meta = _parse_yaml(_decode(data, meta_label).lstrip("\ufeff"), meta_label)
    tables, problems = {}, []
    for table in TABLES:
        label = f"{label_prefix}{table}.csv"
        data = get_bytes(f"{table}.csv")
        if data is None:
            if table == "actors":
                problems.append(Problem(label, None, None, None, "is missing",
                                        "an actors.csv with columns id, name, kind"))
            continue
        try:
            tables[table] = _RawTable(label, _csv_table(data, label, REQUIRED_COLUMNS[table]))
        except CaseError as exc:
            problems += exc.problems
    return meta, meta_label, tables, problems


def _read_dir(path):
    def get(name):
        file = path / name
        return file.read_bytes() if file.is_file() else None
    return _read_folder(get)


def _read_zip(path):
    label = path.name
    try:
        archive = zipfile.ZipFile(path)
        names = archive.namelist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise CaseError([Problem(label, None, None, None, f"is not a readable zip file ({exc})",
                                 "a .zip of a case folder")]) from None
    metas = sorted((n for n in names if re.search(r"(^|/)case\.ya?ml$", n)),
                   key=lambda n: n.count("/"))
    prefix = metas[0].rsplit("case.y", 1)[0] if metas else ""

    def get(name):
        member = prefix + name
        if member not in names:
            return None
        try:
            return archive.read(member)
        except (zipfile.BadZipFile, OSError, RuntimeError, ValueError) as exc:
            raise CaseError([Problem(f"{label}: {member}", None, None, None,
                                     f"could not be unpacked ({exc})", "a .zip of a case folder")]
                            ) from None

    with archive:
        return _read_folder(get, f"{label}: {prefix}")


def _read_xlsx(path):
    import openpyxl

    label = path.name
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise CaseError([Problem(label, None, None, None,
                                 f"is not a readable Excel workbook ({type(exc).__name__})",
                                 "an .xlsx file saved by Excel or LibreOffice")]) from None
    try:
        sheets = {_fold(name): book[name] for name in book.sheetnames}

        def rows_of(sheet):
            return [(i, list(r)) for i, r in enumerate(sheet.iter_rows(values_only=True), 1)]

        problems, tables = [], {}
        meta = {}
        meta_label = f"{label}, sheet 'case'"
        if "case" not in sheets:
            problems.append(Problem(label, None, None, None, "has no sheet 'case'",
                                    "a sheet 'case' with key/value rows"))
        else:
            for row, cells in rows_of(sheets["case"]):
                cells = [_cell_text(c).strip() for c in cells[:2]] + ["", ""]
                key, value = cells[0], cells[1]
                if key == "" or (row == 1 and key.lower() == "key"):
                    continue
                meta[key] = _meta_cell(key, value)
        for table in TABLES:
            sheet_label = f"{label}, sheet '{table}'"
            if table not in sheets:
                if table == "actors":
                    problems.append(Problem(label, None, None, None, "has no sheet 'actors'",
                                            "a sheet 'actors' with columns id, name, kind"))
                continue
            rows = rows_of(sheets[table])
            if not rows or all(_cell_text(c) == "" for c in rows[0][1]):
                problems.append(Problem(sheet_label, None, None, None, "is empty",
                                        "a header row with the columns "
                                        + ", ".join(REQUIRED_COLUMNS[table])))
                continue
            header = [_cell_text(c) for c in rows[0][1]]
            body = [(i, [_cell_text(c) for c in cells]) for i, cells in rows[1:]]
            try:
                tables[table] = _RawTable(
                    sheet_label, _frame(sheet_label, header, body, REQUIRED_COLUMNS[table]))
            except CaseError as exc:
                problems += exc.problems
    finally:
        book.close()
    return meta, meta_label, tables, problems


def _meta_cell(key, value):
    """A value from the workbook's case sheet, typed as case.yaml would type it."""
    if key in ("waves", "lessons"):
        return [p for p in re.split(r"[|;,\s\[\]]+", value) if p]
    if key == "fictional":
        try:
            return parse_bool(value)
        except ValueError:
            return value
    return value


# --------------------------------------------------------------------------- meta


def _check_meta(meta, label):
    problems, clean = [], dict(meta)
    for key in REQUIRED_META:
        if meta.get(key) in (None, ""):
            problems.append(Problem(label, None, key, None, "is missing", META_KEYS[key]))
    if "fictional" in meta and meta["fictional"] not in (None, ""):
        value = meta["fictional"]
        if isinstance(value, bool):
            pass
        else:
            try:
                clean["fictional"] = parse_bool(value)
            except ValueError:
                problems.append(Problem(label, None, "fictional", value, "is not true or false",
                                        "true or false"))
    for key, low, high in (("waves", 1900, 2100), ("lessons", 1, 10)):
        value = meta.get(key)
        if value in (None, "", []):
            clean.pop(key, None)
            continue
        items = value if isinstance(value, list) else re.split(r"[|;,\s]+", str(value).strip())
        numbers = []
        for item in items:
            try:
                number = parse_number(item)
                if not number.is_integer() or not low <= number <= high:
                    raise ValueError
                numbers.append(int(number))
            except (ValueError, TypeError):
                problems.append(Problem(label, None, key, item, "is not a valid entry",
                                        f"a list of whole numbers from {low} to {high}"))
        clean[key] = sorted(set(numbers))
    if meta.get("population") not in (None, ""):
        try:
            number = parse_number(str(meta["population"]).replace(".", "").replace(" ", ""))
            if number < 0 or not number.is_integer():
                raise ValueError
            clean["population"] = int(number)
        except ValueError:
            problems.append(Problem(label, None, "population", meta["population"],
                                    "is not a number of inhabitants", "a whole number"))
    for key in ("name", "municipality"):
        if key in clean and clean[key] is not None:
            clean[key] = str(clean[key]).strip()
    return clean, problems


# --------------------------------------------------------------------------- validation


def _wide_lessons(frame):
    return "lesson" not in frame.columns and any(f"l{i}" in frame.columns for i in range(1, 11))


def _schema_problems(raw, rules, frame_checks=()):
    """Run a lazy pandera schema over a raw table and phrase its failures."""
    by_column = {r.column: r for r in rules}
    frame = raw.frame
    try:
        schema_for(rules, frame_checks).validate(frame, lazy=True)
        return []
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    problems, duplicates = [], {}
    for case in cases.itertuples(index=False):
        column, check, value, row = case.column, str(case.check), case.failure_case, case.index
        row = None if pd.isna(row) else int(row)
        if check == "column_in_dataframe":
            problems.append(Problem(raw.label, 1, value, None, "is a required column but is missing",
                                    "a header row with " + ", ".join(
                                        r.column for r in rules if r.required)))
        elif check == "field_uniqueness":
            duplicates.setdefault((column, value), []).append(row)
        elif check.startswith("rule:"):
            rule = by_column[column]
            try:
                rule.check(value)
                reason = "is not valid"
            except ValueError as err:
                reason = str(err)
            problems.append(Problem(raw.label, row, column, None if reason == "is empty"
                                    else value, reason, rule.accepted))
        elif check == "self_tie":
            if column == "source":
                problems.append(Problem(raw.label, row, "target", value,
                                        "is the same actor as the source",
                                        "a tie between two different actors"))
        else:  # pragma: no cover - a pandera check relnet does not define
            problems.append(Problem(raw.label, row, column, value, f"fails {check}"))
    for (column, value), rows in duplicates.items():
        first, *later = sorted(rows)
        for row in later:
            problems.append(Problem(raw.label, row, column, value,
                                    f"appears more than once (first in row {first})",
                                    by_column[column].accepted))
    # One message per cell, in file order.
    unique = {(p.file, p.row or 0, p.column or "", p.message): p for p in problems}
    return [unique[k] for k in sorted(unique, key=lambda k: (k[1], k[2]))]


def _goal_problems(raw):
    """Exactly one root and no cycles in the goal tree (rules across rows)."""
    frame = raw.frame
    if not {"id", "parent"} <= set(frame.columns) and "id" in frame.columns:
        roots = list(frame.index)
    elif "id" not in frame.columns:
        return []
    else:
        roots = [row for row, parent in frame["parent"].items() if parent == ""]
    problems = []
    if len(frame) and not roots:
        problems.append(Problem(raw.label, None, "parent", None,
                                "has no main goal: every goal has a parent",
                                "exactly one goal with an empty parent"))
    elif len(roots) > 1:
        for row in roots[1:]:
            problems.append(Problem(raw.label, row, "parent", None,
                                    f"is empty, but row {roots[0]} already holds the main "
                                    "goal: the goal tree has more than one main goal",
                                    "exactly one goal with an empty parent"))
    if "parent" in frame.columns:
        graph = nx.DiGraph()
        rows = {}
        for row, goal, parent in zip(frame.index, frame["id"], frame["parent"]):
            rows.setdefault(goal, row)
            if parent:
                graph.add_edge(parent, goal)
        for cycle in nx.simple_cycles(graph):
            first = min(cycle, key=lambda g: rows.get(g, 0))
            problems.append(Problem(raw.label, rows.get(first), "parent", None,
                                    "makes a cycle in the goal tree: " + " -> ".join(
                                        cycle + [cycle[0]]),
                                    "each goal under one parent, ending at the main goal"))
    return problems


def _validate_raw(meta, meta_label, tables):
    meta, problems = _check_meta(meta, meta_label)
    waves = meta.get("waves") or []
    actors = tables.get("actors")
    actor_ids = set(actors.frame["id"]) - {""} if actors is not None and \
        "id" in actors.frame.columns else set()
    goals = tables.get("goals")
    goal_ids = set(goals.frame["id"]) - {""} if goals is not None and \
        "id" in goals.frame.columns else set()
    for name, raw in tables.items():
        table = "lessons_wide" if name == "lessons" and _wide_lessons(raw.frame) else name
        rules = table_rules(table, actor_ids, goal_ids, waves)
        checks = []
        if name == "ties" and {"source", "target"} <= set(raw.frame.columns):
            checks.append(pa.Check(lambda d: d["source"] != d["target"], error="self_tie"))
        problems += _schema_problems(raw, rules, checks)
        if name == "goals":
            problems += _goal_problems(raw)
    if waves and actors is not None and "ties" in tables:
        problems += _presence_problems(actors.frame, tables["ties"], waves)
    return meta, problems


def _presence_problems(actors, ties, waves):
    """A tie observed in a wave in which one of its actors did not exist."""
    if not {"id", "waves"} <= set(actors.columns) or \
            not {"source", "target"} <= set(ties.frame.columns):
        return []
    limited = actors[actors["waves"] != ""]
    if not len(limited):
        return []
    lifetimes = {a: {p for p in re.split(r"[|;,\s]+", cell) if p}
                 for a, cell in zip(limited["id"], limited["waves"])}
    frame = ties.frame
    observed = frame["wave"] if "wave" in frame.columns else pd.Series("", index=frame.index)
    # the tie's wave as text ("" -> the first wave); unparsable ones are reported elsewhere
    years = observed.map(lambda w: str(waves[0]) if w == "" else w)
    problems = []
    for column in ("source", "target"):
        actor = frame[column]
        concerned = actor.isin(lifetimes.keys())
        for row in frame.index[concerned.to_numpy()]:
            year = years[row]
            try:
                year = str(int(parse_number(year)))
            except ValueError:
                continue
            if year not in lifetimes[actor[row]]:
                problems.append(Problem(
                    ties.label, row, column, actor[row],
                    f"is not present in wave {year} (the actors table gives its waves as "
                    f"{'|'.join(sorted(lifetimes[actor[row]]))})",
                    "an actor that exists in the tie's wave"))
    return sorted(problems, key=lambda p: (p.row, p.column))


# --------------------------------------------------------------------------- typed case


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


def _build_case(meta, tables, source):
    waves = meta.get("waves") or []
    frames = {}
    for name in TABLES:
        raw = tables.get(name)
        if raw is None or not len(raw.frame.columns):
            frames[name] = empty_table(name)
            continue
        if name == "lessons" and _wide_lessons(raw.frame):
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


# --------------------------------------------------------------------------- public


def _load(path):
    """(meta, case_or_None, problems) for any supported path."""
    path = Path(path)
    if not path.exists():
        return None, [Problem(str(path), None, None, None, "does not exist",
                              "a case folder, an .xlsx workbook or a .zip")]
    try:
        if path.is_dir():
            meta, meta_label, tables, problems = _read_dir(path)
        elif path.suffix.lower() in (".xlsx", ".xlsm"):
            meta, meta_label, tables, problems = _read_xlsx(path)
        elif path.suffix.lower() == ".zip":
            meta, meta_label, tables, problems = _read_zip(path)
        elif path.name in ("case.yaml", "case.yml"):
            return _load(path.parent)
        else:
            return None, [Problem(path.name, None, None, None, "is not a case",
                                  "a case folder, an .xlsx workbook or a .zip")]
    except CaseError as exc:
        return None, exc.problems
    except OSError as exc:
        return None, [Problem(str(path), None, None, None,
                              f"could not be read ({exc.strerror or exc})", None)]
    meta, more = _validate_raw(meta, meta_label, tables)
    problems += more
    if problems:
        return None, problems
    return _build_case(meta, tables, str(path)), []


def read_case(path):
    """Read a case from a folder, an `.xlsx` workbook or a `.zip` of a folder.

    Parameters
    ----------
    path : str or Path

    Returns
    -------
    Case
        With English keys (kinds, types, roles, domains, moves) and lessons in long form.

    Raises
    ------
    CaseError
        Listing every problem found, each with file, Excel row and column.

    Examples
    --------
    >>> import relnet
    >>> case = relnet.read_case(relnet.example_path("haverdonk"))
    >>> case.meta["municipality"]
    'Haverdonk'
    >>> sorted(case.actors["kind"].unique())[:2]
    ['administrator', 'affiliated_body']
    """
    case, problems = _load(path)
    if problems:
        raise CaseError(problems)
    return case


def validate(path):
    """Every problem in a case, as a list of `Problem` (empty when valid). Never raises.

    >>> import relnet
    >>> relnet.validate(relnet.example_path("haverdonk"))
    []
    >>> for problem in relnet.validate("no/such/case"):
    ...     print(problem)
    no/such/case: does not exist (accepted: a case folder, an .xlsx workbook or a .zip)
    """
    return _load(path)[1]


# ---- writing


def _cell_out(value):
    """A value as it goes into a file: None for missing, plain Python types."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _table_for_output(frame):
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == bool or str(out[column].dtype) == "boolean":
            out[column] = out[column].map(lambda v: None if v is pd.NA else str(bool(v)).lower())
    return out


def _meta_for_output(meta):
    return {k: (v if not isinstance(v, tuple) else list(v)) for k, v in meta.items()}


def _write_folder(case, target):
    target.mkdir()
    (target / "case.yaml").write_text(
        yaml.safe_dump(_meta_for_output(case.meta), allow_unicode=True, sort_keys=False),
        encoding="utf-8")
    for name, frame in case.tables.items():
        _table_for_output(frame).to_csv(target / f"{name}.csv", index=False, encoding="utf-8")


def _write_xlsx(case, target):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "case"
    sheet.append(["key", "value"])
    for key, value in case.meta.items():
        if isinstance(value, (list, tuple)):
            value = "|".join(map(str, value))
        sheet.append([key, _cell_out(value)])
    for name, frame in case.tables.items():
        sheet = book.create_sheet(name)
        out = _table_for_output(frame)
        sheet.append(list(out.columns))
        for row in out.itertuples(index=False):
            sheet.append([_cell_out(v) for v in row])
    book.save(target)


def write_case(case, path, overwrite=False):
    """Write a case to a folder, or to an `.xlsx` workbook when the path ends so.

    The case is written next to `path` under a temporary name and then renamed, so a
    failure leaves nothing half-written. An existing path is refused unless
    `overwrite=True`.

    Examples
    --------
    >>> import relnet, tempfile, pathlib
    >>> case = relnet.load_example("haverdonk")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "haverdonk.xlsx"
    >>> relnet.write_case(case, out)
    >>> relnet.read_case(out).meta["name"] == case.meta["name"]
    True
    >>> relnet.write_case(case, out)
    Traceback (most recent call last):
    FileExistsError: ... already exists; pass overwrite=True to replace it
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise FileExistsError(f"{path} already exists; pass overwrite=True to replace it")
    is_xlsx = path.suffix.lower() == ".xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    staged = temp / path.name
    try:
        (_write_xlsx if is_xlsx else _write_folder)(case, staged)
        if path.exists():
            old = temp / "previous"
            os.replace(path, old)
        os.replace(staged, path)
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def _umask():
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write(path, write, overwrite=False, binary=False):
    """Call ``write(temp_path)`` and rename the result to `path` (refusing to overwrite)."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise FileExistsError(f"{path} already exists; pass overwrite=True to replace it")
    path.parent.mkdir(parents=True, exist_ok=True)
    # same suffix as the target: writers such as Excel's pick their format by it
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        write(temp)
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp's 0600 is not what a user expects
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return path


def new_case(path, name="Nieuwe casus", municipality="", overwrite=False):
    """Write an empty case with every file and its header, ready to fill in."""
    meta = {
        "name": name,
        "municipality": municipality or "(vul in / fill in)",
        "fictional": False,
        "population": None,
        "region": "",
        "waves": [],
        "summary": "",
        "practice": "",
        "lessons": [],
        "source": "",
        "licence": "",
    }
    write_case(Case(meta=meta), path, overwrite=overwrite)

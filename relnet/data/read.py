"""Read and validate cases: a folder of CSV files, an `.xlsx` workbook or a `.zip`.

Everything is read as text first (`relnet.data._tokenise`) and checked against the contract
(`relnet.data._checks`), so that every problem is reported at once with file, Excel row and
column; only a valid case is typed (`relnet.data._typing`). Nothing is ever written, a zip is
never extracted, and the input limits of ``docs/data-dictionary.md`` keep a damaged or hostile
file from exhausting memory.
"""

import os
import re
import stat
import zipfile
from pathlib import Path

import yaml

from ._atomic import recover
from ._checks import REQUIRED_META, validate_raw
from ._tokenise import (
    LIMITS,
    cell_text,
    csv_grid,
    decode,
    load_workbook,
    meta_characters,
    size_text,
    table_of_grid,
)
from ._typing import build_case
from .case import REQUIRED_COLUMNS, TABLES
from .errors import CaseError, errors_of, problem
from .rules import parse_bool
from .vocab import fold

__all__ = ["read_case", "validate", "load"]


def _fail(label, row, key, accepted=None, **params):
    raise CaseError([problem(label, row, None, None, key, accepted, **params)])


# --------------------------------------------------------------------------- case.yaml


def _yaml_shape(text, label):
    """Refuse anchors/aliases (an alias bomb grows exponentially) and deep nesting (the
    YAML composer recurses), by reading the event stream, which does neither."""
    depth = 0
    for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            _fail(label, event.start_mark.line + 1, "yaml_alias", "plain_yaml")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > LIMITS["yaml_depth"]:
                _fail(label, event.start_mark.line + 1, "yaml_too_deep", "plain_yaml",
                      limit=LIMITS["yaml_depth"])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _parse_yaml(data, label):
    if len(data) > LIMITS["yaml_bytes"]:
        _fail(label, None, "too_large", "limits", size=size_text(len(data)),
              limit=size_text(LIMITS["yaml_bytes"]))
    text = decode(data, label).lstrip("\ufeff")
    try:
        _yaml_shape(text, label)
        meta = yaml.safe_load(text)
    except CaseError:
        raise
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(exc, "problem", None) or "syntax error"
        _fail(label, line, "bad_yaml", "yaml_lines", reason=reason)
    except (RecursionError, ValueError, OverflowError) as exc:  # pragma: no cover - guarded
        _fail(label, None, "bad_yaml", "yaml_lines", reason=type(exc).__name__)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        _fail(label, None, "yaml_not_mapping", "yaml_lines")
    return {str(k).strip(): v for k, v in meta.items()}


# --------------------------------------------------------------------------- sources


def _read_folder(get_bytes, label_prefix=""):
    """Meta and raw tables from a folder-like source; get_bytes(name) -> bytes or None."""
    meta_label = f"{label_prefix}case.yaml"
    data, other = get_bytes("case.yaml"), get_bytes("case.yml")
    if data is not None and other is not None:  # which one is meant? neither is ignored
        _fail(f"{label_prefix}case.yml", None, "two_meta_files", "one_meta_file")
    data = other if data is None else data
    if data is None:
        _fail(meta_label, None, "missing_file", "case_yaml", keys=", ".join(REQUIRED_META))
    meta = _parse_yaml(data, meta_label)
    tables, problems = {}, []
    for table in TABLES:
        label = f"{label_prefix}{table}.csv"
        try:
            data = get_bytes(f"{table}.csv")
            if data is None:
                if table == "actors":
                    problems.append(problem(label, None, None, None, "missing_file",
                                            "actors_file"))
                continue
            grid, hints = csv_grid(data, label, table)
            tables[table] = table_of_grid(label, table, grid, hints)
        except CaseError as exc:
            problems += exc.problems
    return meta, meta_label, tables, problems


def _read_dir(path):
    def get(name):
        file = path / name
        if not file.exists():
            return None
        if not file.is_file():
            _fail(name, None, "not_regular", "csv_file")
        if file.stat().st_size > LIMITS["file_bytes"]:
            _fail(name, None, "too_large", "limits", size=size_text(file.stat().st_size),
                  limit=size_text(LIMITS["file_bytes"]))
        return file.read_bytes()
    return _read_folder(get)


def _read_zip(path):
    label = path.name
    try:
        archive = zipfile.ZipFile(path)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        _fail(label, None, "not_zip", "zip_of_case", reason=str(exc)[:80])
    with archive:
        for info in infos:  # Windows PowerShell's Compress-Archive writes folder\case.yaml
            info.filename = info.filename.replace("\\", "/")
        names = [info.filename for info in infos]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            _fail(f"{label}: {duplicates[0]}", None, "zip_duplicate", "one_case_zip")
        for info in infos:
            if info.file_size > LIMITS["file_bytes"]:
                _fail(f"{label}: {info.filename}", None, "too_large", "limits",
                      size=size_text(info.file_size), limit=size_text(LIMITS["file_bytes"]))
        if sum(info.file_size for info in infos) > LIMITS["case_bytes"]:
            _fail(label, None, "too_large", "limits",
                  size=size_text(sum(info.file_size for info in infos)),
                  limit=size_text(LIMITS["case_bytes"]))
        metas = sorted((n for n in names if re.search(r"(^|/)case\.ya?ml$", n)),
                       key=lambda n: (n.count("/"), n))
        folders = sorted({m.rsplit("case.y", 1)[0] for m in metas})
        if len(folders) > 1:
            _fail(label, None, "zip_two_cases", "one_case_zip",
                  found=", ".join(f or "/" for f in folders[:5]))
        prefix = folders[0] if folders else ""
        by_name = {info.filename: info for info in infos}

        def get(name):
            member = prefix + name
            info = by_name.get(member)
            if info is None:
                return None
            where = f"{label}: {member}"
            if info.file_size > LIMITS["file_bytes"]:
                _fail(where, None, "too_large", "limits", size=size_text(info.file_size),
                      limit=size_text(LIMITS["file_bytes"]))
            try:
                with archive.open(info) as handle:  # never more than declared, plus one
                    data = handle.read(LIMITS["file_bytes"] + 1)
            except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError,
                    NotImplementedError) as exc:
                _fail(where, None, "not_unpacked", "zip_of_case", reason=str(exc)[:80])
            if len(data) > LIMITS["file_bytes"]:
                _fail(where, None, "too_large", "limits", size=size_text(len(data)),
                      limit=size_text(LIMITS["file_bytes"]))
            return data

        return _read_folder(get, f"{label}: {prefix}")


def _workbook_sizes(path, label):
    """Refuse a workbook whose unpacked parts exceed the limit, before openpyxl reads it."""
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        _fail(label, None, "not_workbook", "workbook", reason=type(exc).__name__)
    if total > LIMITS["workbook_bytes"]:
        _fail(label, None, "too_large", "limits", size=size_text(total),
              limit=size_text(LIMITS["workbook_bytes"]))
    _wide_rows(path, label)


_ROW_OR_PREFIX = re.compile(rb"<(\w+:)?(row|sheetData)\b([^>]*)>")
_ROW_NUMBER = re.compile(rb"""\br=["'](\d+)["']""")


def _row_cells_limit():
    return max(4 * LIMITS["columns"], 2000)


def _wide_rows(path, label):
    """Refuse a sheet with a row of more cells than any case has, before openpyxl builds
    that row in memory (a 300 KB workbook can hold one row of 10,000,000 cells, which
    openpyxl would turn into gigabytes). The sheets' XML is streamed and its cells counted
    with bytes.count, a few MB at a time."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = _sheet_names(archive)
            for info in archive.infolist():
                if re.fullmatch(r"xl/worksheets/[^/]+\.xml", info.filename):
                    with archive.open(info) as handle:
                        _scan_sheet(handle, f"{label}, sheet "
                                    f"'{names.get(info.filename, info.filename)}'")
    except CaseError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError,
            NotImplementedError):
        return  # openpyxl reports a damaged workbook in its own words


def _scan_sheet(handle, label):
    limit, tail, prefix = _row_cells_limit(), b"", None
    row, cells, cell_tags = None, 0, ()
    while True:
        chunk = handle.read(4 * 2**20)
        data = tail + chunk
        # keep an incomplete tag for the next chunk
        cut = len(data) if not chunk else max(data.rfind(b"<"), 0)
        part, tail = data[:cut], data[cut:]
        start = 0
        for match in _ROW_OR_PREFIX.finditer(part):
            if prefix is None:
                prefix = match.group(1) or b""
                cell_tags = (b"<" + prefix + b"c ", b"<" + prefix + b"c>",
                             b"<" + prefix + b"c/")
            if match.group(2) != b"row":
                continue
            if row is not None:
                cells += sum(part.count(t, start, match.start()) for t in cell_tags)
                _check_row(cells, limit, row, label)
            number = _ROW_NUMBER.search(match.group(3))
            row = int(number.group(1)) if number else (row or 0) + 1
            cells, start = 0, match.end()
        if row is not None and cell_tags:
            cells += sum(part.count(t, start) for t in cell_tags)
            _check_row(cells, limit, row, label)
        if not chunk:
            return


def _check_row(cells, limit, row, label):
    if cells > limit:
        _fail(label, row, "too_many_columns", "limits", limit=LIMITS["columns"])


def _sheet_names(archive):
    """Worksheet part -> sheet name, from the workbook's own list (for messages)."""
    import xml.etree.ElementTree as ET

    try:
        book = ET.fromstring(archive.read("xl/workbook.xml"))
        rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ET.ParseError, OSError, ValueError, zipfile.BadZipFile):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    out = {}
    for sheet in book.iter():
        if sheet.tag.endswith("}sheet") or sheet.tag == "sheet":
            rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
            target = targets.get(rid, "").lstrip("/")
            target = target if target.startswith("xl/") else f"xl/{target}"
            out[target] = sheet.get("name", "")
    return out


def _sheet_grid(sheet):
    """A sheet's cells as a text grid, index = Excel row, bounded by the limits (the sheet's
    declared dimension is ignored: a hostile file may declare 16,384 columns).

    Rows are read as wide as their last cell, not padded to the column limit (padding every
    row to 501 cells made reading ten times slower), then cut at the limit plus one, so that
    a value beyond the limit is still seen and reported."""
    import pandas as pd

    sheet.reset_dimensions()
    width_limit = LIMITS["columns"] + 1
    rows, index = [], []
    for number, cells in enumerate(sheet.iter_rows(max_row=LIMITS["rows"] + 2,
                                                   values_only=True), 1):
        texts = [cell_text(c) for c in cells[:width_limit]]
        while texts and texts[-1] == "":
            texts.pop()
        rows.append(texts)
        index.append(number)
    width = max(map(len, rows), default=0)
    return pd.DataFrame([r + [""] * (width - len(r)) for r in rows], index=index,
                        columns=range(width), dtype=object)


def _read_xlsx(path):
    label = path.name
    _workbook_sizes(path, label)
    # relnet holds the file: whatever openpyxl leaves half-open on a damaged file is closed
    with open(path, "rb") as handle:
        try:
            book = load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a damaged file
            _fail(label, None, "not_workbook", "workbook", reason=type(exc).__name__)
        try:
            return _read_book(book, label)
        except CaseError:
            raise
        except Exception as exc:  # damaged sheet XML, shared strings, numbers, references
            _fail(label, None, "damaged_workbook", "workbook", reason=type(exc).__name__)
        finally:
            book.close()


def _read_book(book, label):
    sheets = {fold(name): book[name] for name in book.sheetnames}
    problems, tables, meta = [], {}, {}
    meta_label = f"{label}, sheet 'case'"
    if "case" not in sheets:
        problems.append(problem(label, None, None, None, "no_sheet", "case_sheet",
                                sheet="case"))
    else:
        grid = _sheet_grid(sheets["case"])
        for row, cells in zip(grid.index, grid.itertuples(index=False)):
            cells = [str(c) for c in list(cells)[:3]] + ["", "", ""]
            key, value, how = cells[0].strip(), cells[1], cells[2].strip().lower()
            if key == "" or (row == 1 and key.lower() == "key"):
                continue
            if key.startswith("response."):  # the survey's response, one row per part
                meta.setdefault("response", {})[key.split(".", 1)[1]] = value.strip()
                continue
            if how == "yaml":  # written by relnet: the value's YAML text keeps its type
                try:
                    meta[key] = _yaml_cell(value, meta_label, row)
                except CaseError as exc:
                    problems += exc.problems
                continue
            meta[key] = _meta_cell(key, value)
    for table in TABLES:
        sheet_label = f"{label}, sheet '{table}'"
        if table not in sheets:
            if table == "actors":
                problems.append(problem(label, None, None, None, "no_sheet", "actors_sheet",
                                        sheet="actors"))
            continue
        grid = _sheet_grid(sheets[table])
        if not len(grid) or not (grid.iloc[0] != "").any():
            problems.append(problem(sheet_label, None, None, None, "empty", "header_with",
                                    columns=", ".join(REQUIRED_COLUMNS[table])))
            continue
        try:
            tables[table] = table_of_grid(sheet_label, table, grid)
        except CaseError as exc:
            problems += exc.problems
    return meta, meta_label, tables, problems


def _yaml_cell(text, label, row):
    """A value of the case sheet written as YAML (third column ``yaml``), as case.yaml
    would hold it; the same guards as case.yaml (no aliases, no deep nesting)."""
    try:
        _yaml_shape(text, label)
        return yaml.safe_load(text)
    except CaseError as exc:
        raise CaseError([problem(label, row, "value", None, p.key, p.accepted_key,
                                 **dict(p.params)) for p in exc.problems]) from None
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError) as exc:
        reason = getattr(exc, "problem", None) or type(exc).__name__
        _fail_at(label, row, "value", "bad_yaml", "yaml_lines", reason=reason)


def _fail_at(label, row, column, key, accepted=None, **params):
    raise CaseError([problem(label, row, column, None, key, accepted, **params)])


def _meta_cell(key, value):
    """A value from the workbook's case sheet, typed as case.yaml would type it."""
    value = value.strip() if key in ("waves", "lessons", "fictional") else value
    if key in ("waves", "lessons"):
        return [p for p in re.split(r"[|;,\s\[\]]+", value) if p]
    if key == "fictional":
        try:
            return parse_bool(value)
        except ValueError:
            return value
    return value


# --------------------------------------------------------------------------- public


def _kind_of(path):
    """'folder', 'xlsx', 'zip', 'yaml' or None, without opening anything that may block."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISDIR(mode):
        return "folder"
    suffix = path.suffix.lower()
    if not stat.S_ISREG(mode):
        return "special"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix == ".zip":
        return "zip"
    if path.name in ("case.yaml", "case.yml"):
        return "yaml"
    return None


def load(path):
    """(case or None, problems) for any supported path; never raises for bad data."""
    path = Path(path)
    if not path.exists() and not (path.parent.is_dir() and recover(path)):
        # (recover: a write killed between parking the previous version and moving the new
        # one in leaves the previous one in a temporary folder; it is put back)
        return None, [problem(str(path), None, None, None, "not_exist", "case_path")]
    kind = _kind_of(path)
    try:
        if kind == "folder":
            meta, meta_label, tables, problems = _read_dir(path)
        elif kind == "xlsx":
            meta, meta_label, tables, problems = _read_xlsx(path)
        elif kind == "zip":
            meta, meta_label, tables, problems = _read_zip(path)
        elif kind == "yaml":
            return load(path.parent)
        elif kind == "special":
            return None, [problem(path.name, None, None, None, "not_regular", "case_path")]
        else:
            return None, [problem(path.name, None, None, None, "not_a_case", "case_path")]
    except CaseError as exc:
        return None, exc.problems
    except OSError as exc:
        return None, [problem(str(path), None, None, None, "unreadable", None,
                              reason=exc.strerror or str(exc))]
    except MemoryError:
        return None, [problem(str(path), None, None, None, "too_large", "limits",
                              size="?", limit=size_text(LIMITS["file_bytes"]))]
    problems += meta_characters(meta, meta_label)
    meta, more = validate_raw(meta, meta_label, tables)
    # when the actors (or goals) could not be read (a name too long), every reference to
    # them would look unknown: those problems say nothing the table's own do not
    unread = {what for table, what in (("actors", "actor"), ("goals", "goal"))
              if table not in tables}
    problems += [p for p in more if not (p.key == "not_id" and
                                         dict(p.params).get("what") in
                                         {("what", w) for w in unread})]
    if errors_of(problems):
        return None, problems
    # warnings only (v3): the case reads, `validate` still lists them
    return build_case(meta, tables, str(path)), problems


def read_case(path):
    """Read a case from a folder, an `.xlsx` workbook or a `.zip` of a folder.

    Parameters
    ----------
    path : str or Path
        A case folder (``case.yaml`` and CSV files), an ``.xlsx`` workbook (one sheet per
        table and a ``case`` sheet) or a ``.zip`` of a folder.

    Returns
    -------
    Case
        With English keys (kinds, types, roles, domains, moves) and lessons in long form.

    Raises
    ------
    CaseError
        Listing every problem found, each with file, Excel row and column.

    See Also
    --------
    validate : the same problems as a list, without raising.
    relnet.write_case : write a case as a folder or a workbook.

    Notes
    -----
    The contract (columns, vocabularies, Dutch aliases, limits) is the data dictionary,
    ``docs/data-dictionary.md``.

    Examples
    --------
    >>> import relnet
    >>> case = relnet.read_case(relnet.example_path("haverdonk"))
    >>> case.meta["municipality"]
    'Haverdonk'
    >>> sorted(case.actors["kind"].unique())[:2]
    ['administrator', 'affiliated_body']
    """
    case, problems = load(path)
    if errors_of(problems):
        raise CaseError(errors_of(problems))
    from ._inmemory import trust

    trust(case)
    return case


def validate(path):
    """Every problem in a case, as a list of `Problem` (empty when valid). Never raises.

    Parameters
    ----------
    path : str or Path
        A case folder, ``.xlsx`` workbook or ``.zip``.

    Returns
    -------
    list of Problem
        Each with file, row as Excel shows it, column, value, what is wrong and what would
        be accepted; ``str(problem)`` is the sentence in the default language.

    Examples
    --------
    >>> import relnet
    >>> relnet.validate(relnet.example_path("haverdonk"))
    []
    >>> for p in relnet.validate("no/such/case"):
    ...     print(p.text("en"))
    no/such/case: does not exist (accepted: a case folder, an .xlsx workbook or a .zip)
    """
    return load(path)[1]

"""Read and validate cases: a folder of CSV files, an `.xlsx` workbook or a `.zip`.

Everything is read as text first (`relnet.data._tokenise`) and checked against the contract
(`relnet.data._checks`), so that every problem is reported at once with file, Excel row and
column; only a valid case is typed (`relnet.data._typing`).
"""

import re
import zipfile
from pathlib import Path

import yaml

from .case import REQUIRED_COLUMNS, TABLES
from .errors import CaseError, Problem
from .rules import parse_bool
from .vocab import fold
from ._checks import REQUIRED_META, validate_raw
from ._tokenise import RawTable, cell_text, csv_table, decode, frame_of
from ._typing import build_case

__all__ = ["read_case", "validate"]


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
    meta = _parse_yaml(decode(data, meta_label).lstrip("\ufeff"), meta_label)
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
            tables[table] = RawTable(label, csv_table(data, label, REQUIRED_COLUMNS[table]))
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
        sheets = {fold(name): book[name] for name in book.sheetnames}

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
                cells = [cell_text(c).strip() for c in cells[:2]] + ["", ""]
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
            if not rows or all(cell_text(c) == "" for c in rows[0][1]):
                problems.append(Problem(sheet_label, None, None, None, "is empty",
                                        "a header row with the columns "
                                        + ", ".join(REQUIRED_COLUMNS[table])))
                continue
            header = [cell_text(c) for c in rows[0][1]]
            body = [(i, [cell_text(c) for c in cells]) for i, cells in rows[1:]]
            try:
                tables[table] = RawTable(
                    sheet_label, frame_of(sheet_label, header, body, REQUIRED_COLUMNS[table]))
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
    meta, more = validate_raw(meta, meta_label, tables)
    problems += more
    if problems:
        return None, problems
    return build_case(meta, tables, str(path)), []


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

"""Write cases: a folder of CSV files or an `.xlsx` workbook, atomically.

A case is checked against the contract before anything is written (`check_case`), so what
relnet writes it can read back. Text that starts with ``=`` (a district "=Oost") is stored in
a workbook as text, never as a formula. An existing folder is replaced only when it holds
nothing but a case's own files: relnet never deletes a file it did not write.
"""

import contextlib
import errno
import math
import re
from pathlib import Path

import pandas as pd
import yaml

from .._docs import shared
from ._atomic import atomic_write, check_target
from ._inmemory import check_case
from ._tokenise import LIMITS, ooxml_escape
from .case import COLUMNS, REQUIRED_COLUMNS, TABLES, Case
from .vocab import PERSON_KINDS

__all__ = ["write_case", "new_case", "ForeignFilesError", "CASE_FILES", "xlsx_row",
           "neutralised_cell", "quiet_workbook", "TargetNameError", "FILE_SUFFIXES"]

CASE_FILES = frozenset({"case.yaml", "case.yml"} | {f"{t}.csv" for t in TABLES})


def _cell_out(value):
    """A value as it goes into a file: None for missing, plain Python types."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _table_for_output(frame, table=None):
    out = _within_column_limit(frame, table)
    for column in out.columns:
        if out[column].dtype == bool or str(out[column].dtype) == "boolean":
            out[column] = out[column].map(lambda v: None if v is pd.NA else str(bool(v)).lower())
    return out


def _within_column_limit(frame, table):
    """A table as wide as reading accepts (500 columns): a table read at that width has
    the contract's optional columns added in memory; those that hold only what reading
    would fill in again (nothing, or a person's or respondent's default) are left out, so
    that relnet can read back what it wrote."""
    if table not in REQUIRED_COLUMNS or len(frame.columns) <= LIMITS["columns"]:
        return frame.copy()
    optional = [c for c in COLUMNS[table] if c in frame.columns
                and c not in REQUIRED_COLUMNS[table]]
    idle = [c for c in optional if frame[c].isna().all()]
    if table == "actors" and "person" in optional and "kind" in frame.columns:
        person = frame["person"].astype(bool)
        if (person == frame["kind"].isin(PERSON_KINDS)).all():
            idle.append("person")
        if "respondent" in optional and (frame["respondent"].astype("boolean")
                                         .fillna(False) == ~person).all():
            idle.append("respondent")
    return frame.drop(columns=idle)


def _meta_for_output(meta):
    return {k: (v if not isinstance(v, tuple) else list(v)) for k, v in meta.items()}


# A CSV cell that a spreadsheet would run as a formula (=, +, -, @ and not a number) gets a
# leading ' (OWASP), as does text that already starts with ' before such a character, so
# that reading takes exactly one ' off again (`relnet.data._tokenise.csv_grid`).
_FORMULA_LIKE = re.compile(r"^'*[=+\-@]")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d{1,3})?$")


def neutralised_cell(value):
    """A case CSV cell made inert for spreadsheets, read back as it was.

    >>> print(neutralised_cell('=HYPERLINK("http://x")'), neutralised_cell("-3"))
    '=HYPERLINK("http://x") -3
    >>> print(neutralised_cell("'=x"), neutralised_cell("Oost"))
    ''=x Oost
    """
    if isinstance(value, str) and _FORMULA_LIKE.match(value) and \
            not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def _csv_text(frame, table=None):
    out = _table_for_output(frame, table)
    for column in out.columns:
        if out[column].dtype == object or str(out[column].dtype) in ("str", "string"):
            out[column] = out[column].map(neutralised_cell)
    out.columns = [neutralised_cell(c) for c in out.columns]
    text = out.to_csv(index=False, lineterminator="\n")
    if "\r" not in text:
        return text
    # A lone CR (old Mac text, some pastes) is a line end to every CSV reader, and the csv
    # module quotes only the characters of its own line end: written with CRLF line ends
    # every cell holding a CR or LF is quoted, then the line ends outside quotes (the even
    # pieces between quote characters) become LF again.
    parts = out.to_csv(index=False, lineterminator="\r\n").split('"')
    parts[::2] = [part.replace("\r\n", "\n") for part in parts[::2]]
    return '"'.join(parts)


def _case_files(case):
    """(file name, bytes) of a case folder."""
    yield "case.yaml", yaml.safe_dump(_meta_for_output(case.meta), allow_unicode=True,
                                      sort_keys=False).encode("utf-8")
    for name, frame in case.tables.items():
        yield f"{name}.csv", _csv_text(frame, name).encode("utf-8")


def _write_folder(case, target):
    target.mkdir()
    for name, data in _case_files(case):
        (target / name).write_bytes(data)


def _write_zip(case, target):
    import zipfile

    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in _case_files(case):
            archive.writestr(name, data)


def xlsx_row(sheet, values, rounded=False):
    """A row of cells in which text is always text (never a formula), and comes back as it
    was: a carriage return is written as OOXML's ``_x000D_`` (`ooxml_escape`).

    LibreOffice saves a number with 15 significant digits. A number that needs more (a mean
    such as 3.3333333333333335) is written as text, which relnet reads as the same number,
    or, with `rounded` (tables for people), rounded to 15 digits, which survive."""
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in values:
        value = _cell_out(value)
        if isinstance(value, str):
            value = ooxml_escape(value)
        elif isinstance(value, float) and math.isfinite(value) and \
                float(f"{value:.15g}") != value:
            value = float(f"{value:.15g}") if rounded else repr(value)
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"
        cells.append(cell)
    return cells


META_YAML = "yaml"  # the case sheet's third column: the value is YAML, not text


def _flat_meta(meta):
    """(key, value, how) rows for the workbook's case sheet, read back by `read_case`: text
    as it is, every other value (number, date, bool, null, list, mapping) as its YAML text
    with ``yaml`` in the third column, so that its type comes back; the survey's
    ``response`` per wave as ``response.2017.asked`` and so on (the older single record as
    ``response.asked``)."""
    for key, value in meta.items():
        if key == "response" and isinstance(value, dict):
            for sub, inner in value.items():
                parts = inner.items() if isinstance(inner, dict) else [(None, inner)]
                for part, ids in parts:
                    ids = "|".join(map(str, ids)) if isinstance(ids, (list, tuple)) else ids
                    yield (f"{key}.{sub}" if part is None else f"{key}.{sub}.{part}"), ids, None
        elif isinstance(value, str):
            yield key, value, None
        else:
            value = list(value) if isinstance(value, tuple) else value
            text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True,
                                  width=2**20)
            yield key, text.removesuffix("\n...\n").rstrip("\n"), META_YAML


def _write_xlsx(case, target):
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    with quiet_workbook(book):
        sheet = book.create_sheet("case")
        sheet.append(xlsx_row(sheet, ["key", "value", "type"]))
        for key, value, how in _flat_meta(case.meta):
            sheet.append(xlsx_row(sheet, [key, value, how]))
        for name, frame in case.tables.items():
            sheet = book.create_sheet(name)
            out = _table_for_output(frame, name)
            sheet.append(xlsx_row(sheet, list(out.columns)))
            for row in out.itertuples(index=False):
                sheet.append(xlsx_row(sheet, row))
        book.save(target)


@contextlib.contextmanager
def quiet_workbook(book):
    """Around filling and saving a write-only workbook: when that fails (a full disk), close
    what openpyxl left open quietly, so that the error is the disk's, not a traceback the
    garbage collector prints later, and remove openpyxl's temporary files."""
    try:
        yield book
    except BaseException:
        for sheet in getattr(book, "_sheets", []):
            writer = getattr(sheet, "_writer", None)
            for generator in (getattr(sheet, "_rows", None), getattr(writer, "xf", None)):
                try:
                    if generator is not None:
                        generator.close()
                except Exception:  # noqa: S110 - the first error is the one to report
                    pass
            out = getattr(writer, "out", None)
            if isinstance(out, str):
                Path(out).unlink(missing_ok=True)
        raise


# Names that say "a file": a case is written as a folder, .xlsx or .zip, never as a folder
# called x.csv (relnet convert x x.csv).
FILE_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".xls", ".xlsm", ".xlsb", ".ods", ".yaml",
                           ".yml", ".json", ".html", ".htm", ".pdf", ".gexf", ".graphml",
                           ".md", ".tex", ".svg", ".png", ".7z", ".gz", ".tar", ".rar"})


class TargetNameError(ValueError):
    """A case was to be written to a path whose name says it is a file of another kind."""

    def __init__(self, path):
        self.path = Path(path)
        super().__init__(f"{self.path}: a case is written as a folder, an .xlsx workbook or "
                         f"a .zip, not as '{self.path.suffix}'; choose a name without it or "
                         "ending in .xlsx or .zip")


class ForeignFilesError(FileExistsError):
    """A folder to be replaced holds files that are not a case's own: relnet never deletes
    a file it did not write."""

    def __init__(self, path, files):
        self.path, self.files = Path(path), list(files)
        super().__init__(errno.EEXIST, f"{self.path} holds files that are not part of a case "
                         f"({', '.join(self.files[:5])}); relnet will not replace it. "
                         "Choose another folder.", str(self.path))

    def __str__(self):
        return self.strerror


def _foreign_files(folder):
    """Files in an existing target folder that are not a case's own."""
    return sorted(p.name for p in Path(folder).iterdir() if p.name not in CASE_FILES)


@shared
def write_case(case, path, overwrite=False):
    """Write a case to a folder, or to an `.xlsx` workbook when the path ends so.

    Parameters
    ----------
    case : Case
        Checked against the contract first; a case that breaks it raises `CaseError` and
        nothing is written.
    path : str or Path
        A folder, or a path ending in ``.xlsx`` (a workbook) or ``.zip`` (a zip of the
        folder). A folder name ending like a file of another kind (``.csv``, ``.yaml``,
        `FILE_SUFFIXES`) is refused.
    overwrite : bool
        Replace an existing case there. A folder that holds files other than a case's own
        is never replaced.

    Returns
    -------
    None

    Raises
    ------
    <<raises_case>>
    FileExistsError
        `path` exists and `overwrite` is False, or it is a folder with other files in it
        (`ForeignFilesError`, a subclass).
    CurrentFolderError
        `path` is the current folder or holds it (an `OSError`).
    TargetNameError
        `path` ends like a file that is no case (a subclass of `ValueError`).

    Notes
    -----
    Every value comes back as it was written: in CSV files, text a spreadsheet would run as
    a formula starts with ``'``, which reading takes off again; in a workbook a carriage
    return is written as ``_x000D_`` and a case.yaml value that is not text as YAML
    (``type`` column ``yaml``).

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
    relnet.data._atomic.TargetExistsError: ... already exists; pass overwrite=True to replace it
    """
    case = check_case(case, writing=True)
    path = Path(path)
    suffix = path.suffix.lower()
    writer = {".xlsx": _write_xlsx, ".zip": _write_zip}.get(suffix, _write_folder)
    if writer is _write_folder and suffix in FILE_SUFFIXES:
        raise TargetNameError(path)
    kind = "folder" if writer is _write_folder else "file"
    check_target(path, overwrite, kind)
    if kind == "folder" and path.is_dir() and _foreign_files(path):
        raise ForeignFilesError(path, _foreign_files(path))
    atomic_write(path, lambda staged: writer(case, staged), overwrite=overwrite, kind=kind)


def new_case(path, name="Nieuwe casus", municipality="", overwrite=False):
    """Write an empty case with every file and its header, ready to fill in.

    Parameters
    ----------
    path : str or Path
        A folder to create, or a path ending in ``.xlsx`` for a workbook (as `write_case`).
    name : str
        The case's name in ``case.yaml`` (``meta["name"]``).
    municipality : str
        The municipality in ``case.yaml``; empty: the placeholder ``"(vul in / fill in)"``.
    overwrite : bool
        Replace an existing case at `path` (as `write_case`).

    Returns
    -------
    None

    Raises
    ------
    TargetExistsError
        `path` exists and `overwrite` is False (a subclass of `FileExistsError`).
    FileExistsError
        `path` is a folder that holds files other than a case's own.

    See Also
    --------
    write_case : write a filled-in case.

    Notes
    -----
    The columns of every table are described in ``docs/data-dictionary.md``.

    Examples
    --------
    >>> import relnet, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "mijn_casus"
    >>> relnet.new_case(folder, municipality="Voorbeeldstad")
    >>> sorted(p.name for p in folder.iterdir())[:3]
    ['activities.csv', 'actors.csv', 'case.yaml']
    """
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

"""Write cases: a folder of CSV files or an `.xlsx` workbook, atomically.

A case is checked against the contract before anything is written (`check_case`), so what
relnet writes it can read back. Text that starts with ``=`` (a district "=Oost") is stored in
a workbook as text, never as a formula. An existing folder is replaced only when it holds
nothing but a case's own files: relnet never deletes a file it did not write.
"""

from pathlib import Path

import pandas as pd
import yaml

from .._docs import shared
from ._atomic import atomic_write, check_target
from ._inmemory import check_case
from .case import TABLES, Case

__all__ = ["write_case", "new_case", "CASE_FILES", "xlsx_row"]

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


def xlsx_row(sheet, values):
    """A row of cells in which text is always text (never a formula)."""
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value=_cell_out(value))
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"
        cells.append(cell)
    return cells


def _flat_meta(meta):
    """(key, text) rows for the workbook's case sheet: lists as ``a|b``, a mapping (the
    survey's ``response``) as ``response.asked`` and so on, read back by `read_case`."""
    for key, value in meta.items():
        if isinstance(value, dict):
            for sub, inner in value.items():
                yield from _flat_meta({f"{key}.{sub}": inner})
            continue
        if isinstance(value, (list, tuple)):
            value = "|".join(map(str, value))
        yield key, value


def _write_xlsx(case, target):
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("case")
    sheet.append(xlsx_row(sheet, ["key", "value"]))
    for key, value in _flat_meta(case.meta):
        sheet.append(xlsx_row(sheet, [key, value]))
    for name, frame in case.tables.items():
        sheet = book.create_sheet(name)
        out = _table_for_output(frame)
        sheet.append(xlsx_row(sheet, list(out.columns)))
        for row in out.itertuples(index=False):
            sheet.append(xlsx_row(sheet, row))
    book.save(target)


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
        A folder, or a path ending in ``.xlsx``.
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
        `path` exists and `overwrite` is False, or it is a folder with other files in it.

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
    is_xlsx = path.suffix.lower() == ".xlsx"
    kind = "file" if is_xlsx else "folder"
    check_target(path, overwrite, kind)
    if not is_xlsx and path.is_dir() and _foreign_files(path):
        raise FileExistsError(
            f"{path} holds files that are not part of a case "
            f"({', '.join(_foreign_files(path)[:5])}); relnet will not replace it. "
            "Choose another folder.")
    atomic_write(path, lambda staged: (_write_xlsx if is_xlsx else _write_folder)(case, staged),
                 overwrite=overwrite, kind=kind)


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

"""Write cases: a folder of CSV files or an `.xlsx` workbook, atomically."""

from pathlib import Path

import pandas as pd
import yaml

from .case import Case
from ._atomic import atomic_write

__all__ = ["write_case", "new_case"]


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
    relnet.data._atomic.TargetExistsError: ... already exists; pass overwrite=True to replace it
    """
    path = Path(path)
    is_xlsx = path.suffix.lower() == ".xlsx"
    atomic_write(path, lambda staged: (_write_xlsx if is_xlsx else _write_folder)(case, staged),
                 overwrite=overwrite, kind="file" if is_xlsx else "folder")


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

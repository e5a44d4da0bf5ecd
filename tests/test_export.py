"""Exporting tables (relnet/present/export.py): sheet names that never collide, and no formula or
markup injected through csv, xlsx, LaTeX or Markdown."""

import openpyxl
import pandas as pd
import pytest

import relnet

# ------------------------------------------------------------------ sheet names


def test_exported_sheet_names_never_collide(tmp_path):
    table = pd.DataFrame({"a": [1]})
    names = ["profiel/2015", "profiel:2015", "x" * 40, "x" * 35 + "y"]
    (path,) = relnet.export_tables(dict.fromkeys(names, table) | {n: table for n in names},
                                   tmp_path / "t.xlsx")
    sheets = openpyxl.load_workbook(path).sheetnames
    assert len(sheets) == 4 and len(set(s.lower() for s in sheets)) == 4
    assert all(len(s) <= 31 for s in sheets)


# ------------------------------------------------------------------ injection in exports


HOSTILE = pd.DataFrame({"name": ['=HYPERLINK("http://x","klik")', "@SUM(A1)|cmd", "+1+1",
                                 "-2+3", "\\input{/etc/passwd} \\write18 & 50% _x_ #1",
                                 "<script>alert(1)</script> [a](javascript:alert(1)) | b"],
                        "value": [1.0, 2.0, 3.0, -4.0, 5.0, 6.0]})


def test_csv_export_neutralises_formulas(tmp_path):
    (path,) = relnet.export_tables({"t": HOSTILE}, tmp_path / "t", fmt="csv", lang="en")
    names = pd.read_csv(path)["name"].tolist()
    assert names[:4] == ["'=HYPERLINK(\"http://x\",\"klik\")", "'@SUM(A1)|cmd", "'+1+1", "'-2+3"]
    assert pd.read_csv(path)["value"].tolist()[3] == -4.0  # numbers are not touched


def test_xlsx_export_and_convert_store_text_not_formulas(tmp_path, case_dir, capsys):
    (path,) = relnet.export_tables({"t": HOSTILE}, tmp_path / "t.xlsx", lang="en")
    sheet = openpyxl.load_workbook(path)["t"]
    assert sheet["A2"].value == '=HYPERLINK("http://x","klik")' and sheet["A2"].data_type == "s"


def test_latex_and_markdown_exports_escape(tmp_path):
    (tex,) = relnet.export_tables({"t": HOSTILE}, tmp_path / "t", fmt="tex", lang="en")
    text = tex.read_text()
    assert "\\input{" not in text and "\\write18" not in text
    assert "\\textbackslash{}input\\{/etc/passwd\\}" in text and "50\\%" in text
    (md,) = relnet.export_tables({"t": HOSTILE}, tmp_path / "m", fmt="md", lang="en")
    text = md.read_text()
    assert "<script>" not in text and "](javascript:" not in text
    assert "\\<script\\>" in text and "\\|" in text


@pytest.mark.office
def test_a_tables_workbook_saved_by_libreoffice_holds_the_same_values(tmp_path):
    from test_write import _libreoffice_save_as_xlsx

    from relnet.present.export import case_tables, export_tables

    export_tables(case_tables(relnet.load_example("haverdonk"), lang="nl"), tmp_path / "t.xlsx",
                  lang="nl")
    saved = _libreoffice_save_as_xlsx(tmp_path / "t.xlsx", tmp_path)
    ours, theirs = openpyxl.load_workbook(tmp_path / "t.xlsx"), openpyxl.load_workbook(saved)
    floats = 0
    for sheet in ours.worksheets:
        a = [tuple(r) for r in sheet.iter_rows(values_only=True)]
        b = [tuple(r) for r in theirs[sheet.title].iter_rows(values_only=True)]
        assert a == b, sheet.title
        floats += sum(isinstance(v, float) and not v.is_integer() for row in a for v in row)
    assert floats > 100  # numbers stay numbers (rounded to the 15 digits LibreOffice keeps)


# ------------------------------------------------------------------ round 3: injection a real client runs

HOSTILE_CELLS = ["Stichting Hoop\r=cmd|' /C calc'!A0", "a\r\n@SUM(1+1)", " =1+1",
                 "[3cm] na een regeleinde", "*ster", "regel\rnieuwe | rij", "gewoon"]


def _hostile_tables():
    return {"t": pd.DataFrame({"naam": HOSTILE_CELLS, "waarde": range(len(HOSTILE_CELLS))})}


def test_csv_export_has_no_formula_and_no_line_break_inside_a_cell(tmp_path):
    import csv

    from relnet.present.export import export_tables

    [path] = export_tables(_hostile_tables(), tmp_path / "x", fmt="csv", lang="en")
    data = path.read_bytes().decode("utf-8")
    assert "\r" not in data
    rows = list(csv.reader(data.splitlines()))
    assert len(rows) == len(HOSTILE_CELLS) + 1  # one line per row
    cells = [row[0] for row in rows[1:]]
    assert cells[0] == "Stichting Hoop =cmd|' /C calc'!A0"
    assert cells[1] == "a @SUM(1+1)" and cells[2] == "' =1+1"
    assert not any(c.lstrip().startswith(("=", "+", "-", "@")) for c in cells)


@pytest.mark.office
def test_libreoffice_opens_the_csv_export_without_a_formula(tmp_path):
    import shutil
    import subprocess

    from relnet.present.export import export_tables

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    [path] = export_tables(_hostile_tables(), tmp_path / "x", fmt="csv", lang="nl")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--infilter=CSV:59,34,76,1,,0,false,true,false,false,false,-1",
                    "--convert-to", "xlsx", "--outdir", str(tmp_path / "lo"), str(path)],
                   check=True, capture_output=True, timeout=180)
    sheet = openpyxl.load_workbook(tmp_path / "lo" / "x_t.xlsx").active
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not [c.value for c in cells if c.data_type == "f"]
    assert sheet.max_row == len(HOSTILE_CELLS) + 1
    assert sheet["A2"].value == "Stichting Hoop =cmd|' /C calc'!A0"


def test_latex_export_cells_cannot_become_arguments_of_the_row_end(tmp_path):
    from relnet.present.export import export_tables

    [path] = export_tables(_hostile_tables(), tmp_path / "x", fmt="tex", lang="en")
    text = path.read_text()
    body = text.split(r"\midrule")[1].split(r"\bottomrule")[0].strip().split("\n")
    assert len(body) == len(HOSTILE_CELLS)
    for line in body:
        assert line.endswith(r" \\") and not line.startswith(("[", "*"))
    assert body[3].startswith("{[}3cm{]}") and body[4].startswith("{*}ster")


def test_markdown_export_keeps_each_row_on_one_line(tmp_path):
    from relnet.present.export import export_tables

    [path] = export_tables(_hostile_tables(), tmp_path / "x", fmt="md", lang="en")
    data = path.read_bytes().decode()
    assert "\r" not in data
    lines = data.rstrip("\n").split("\n")
    assert len(lines) == 2 + len(HOSTILE_CELLS)
    assert all(line.startswith("| ") and line.endswith(" |") for line in lines[2:])
    assert "regel nieuwe \\| rij" in lines[7]


def test_a_file_name_has_no_dot_before_its_suffix():
    from relnet.present.export import file_name

    case = relnet.load_example("haverdonk")
    case.meta["municipality"] = "St. Anthonis"
    assert file_name(case, "network", "svg", lang="nl") == "st_anthonis_netwerk.svg"
    assert file_name(case, "goals", "png", lang="en") == "st_anthonis_goals.png"


@pytest.mark.slow
def test_a_municipality_with_a_dot_gives_every_file_its_own_name(tmp_path):
    from relnet.present.export import export_case

    case = relnet.load_example("haverdonk")
    case.meta["municipality"] = "St. Anthonis"
    written = export_case(case, tmp_path / "out", lang="nl")
    names = [p.name for p in written]
    assert len(set(names)) == len(names) == len(list((tmp_path / "out").iterdir()))
    assert {"st_anthonis_netwerk.svg", "st_anthonis_doelen.png"} <= set(names)

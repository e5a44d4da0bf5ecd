"""Exporting tables (relnet/present/export.py): sheet names that never collide, and no formula or
markup injected through csv, xlsx, LaTeX or Markdown."""

import openpyxl
import pandas as pd

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

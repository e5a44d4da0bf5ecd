# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     notebook_metadata_filter: -jupytext.text_representation
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 07 · Your own data / Uw eigen gegevens
#
# Start with an empty case (`relnet new DIR` on the command line, or `relnet.new_case`),
# fill in the files in Excel, validate, and analyse. Here we fill the tables with pandas,
# as Excel would, save the case as a workbook, and see what a typo does.

# %%
import tempfile
from pathlib import Path

import pandas as pd

import relnet

work = Path(tempfile.mkdtemp())
relnet.new_case(work / "mijn_casus", name="Mijn casus", municipality="Voorbeeldstad")
sorted(p.name for p in (work / "mijn_casus").iterdir())

# %% [markdown]
# Fill in the actors and ties. Dutch terms are fine: *gemeente*, *zorgaanbieder*,
# *samenwerking*, *financiering*, *ja/nee*.

# %%
case = relnet.read_case(work / "mijn_casus")
case.actors = pd.DataFrame({
    "id": ["gem", "wijk", "zorg", "welzijn", "buurt"],
    "name": ["Gemeente Voorbeeldstad", "Wijkteam Oost", "Zorg Oost", "Welzijn Oost",
             "Buurtkamer Oost"],
    "kind": ["gemeente", "wijkteam", "zorgaanbieder", "welzijnsorganisatie",
             "burgerinitiatief"],
})
case.ties = pd.DataFrame({
    "source": ["gem", "gem", "wijk", "zorg", "welzijn"],
    "target": ["wijk", "buurt", "zorg", "welzijn", "buurt"],
    "type": ["financiering", "steun", "doorverwijzing", "samenwerking", "samenwerking"],
})
workbook = work / "mijn_casus.xlsx"
relnet.write_case(case, workbook)
relnet.validate(workbook)

# %% [markdown]
# Dutch terms were accepted and translated. Now a typo, as happens in Excel: a tie to
# `welzjin` instead of `welzijn`. `validate` names the sheet, the row as Excel shows it and
# the column, and says what would be accepted. The file itself is not changed.

# %%
import shutil

import openpyxl

shutil.copy(workbook, work / "met_typfout.xlsx")
book = openpyxl.load_workbook(work / "met_typfout.xlsx")
book["ties"]["A6"] = "welzjin"  # the source of the fifth tie, as typed in Excel
book.save(work / "met_typfout.xlsx")
for problem in relnet.validate(work / "met_typfout.xlsx"):
    print(problem)

# %% [markdown]
# With the valid workbook, every analysis works as on the shipped cases.

# %%
case = relnet.read_case(workbook)
relnet.relational_profile(case)[["indicator", "value", "note"]]

# %% [markdown]
# ## A first report / Een eerste rapport
#
# One self-contained HTML file (it opens offline and can be mailed). Persons are
# pseudonymised unless you ask for names. On the command line:
# `relnet report mijn_casus.xlsx -o rapport.html --lang nl`.

# %%
from relnet import write_report

report = write_report(case, work / "rapport.html", lang="nl")
print(report, f"{report.stat().st_size / 1024:.0f} KB")

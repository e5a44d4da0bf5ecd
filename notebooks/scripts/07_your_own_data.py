# ---
# jupyter:
#   jupytext:
#     formats: ipynb,scripts//py:percent
#     notebook_metadata_filter: -jupytext.text_representation
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 07 · Uw eigen gegevens
#
# Sleep uw eigen casus hieronder (een Excel-werkmap of een zip van een casusmap). relnet
# noemt elk probleem met bestand, rij, kolom en wat wel mag; is de casus geldig, dan ziet u het
# relationele profiel en de partnermatrix en kunt u een rapport downloaden. Een lege werkmap of
# een casus zonder relaties wordt geweigerd, met een zin die zegt wat ontbreekt. Met de knop
# *Leeg sjabloon (Excel)* downloadt u een lege werkmap om in te vullen. Er wordt niets
# opgeslagen.

# %%
from relnet import widgets

widgets.upload_explorer()

# %% [markdown] tags=["analyst"]
# ## Voor analisten: een lege casus om in te vullen
#
# Begin met een lege casus (`relnet new MAP` op de opdrachtregel, of `relnet.new_case`) en
# vul de bestanden in Excel in. Nederlandse termen en kolomkoppen mogen: *gemeente*,
# *zorgaanbieder*, *samenwerking*, *financiering*, *ja/nee*; *naam*, *soort*. Hier vullen we de
# tabellen met pandas, zoals Excel zou doen, en bewaren de casus als werkmap.

# %% tags=["analyst"]
import tempfile
from pathlib import Path

import pandas as pd

import relnet

work = Path(tempfile.mkdtemp())
relnet.new_case(work / "mijn_casus", name="Mijn casus", municipality="Voorbeeldstad")
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
relnet.show(relnet.read_case(workbook).actors[["name", "kind"]])

# %% [markdown] tags=["analyst"]
# Een typfout, zoals in Excel gebeurt: een relatie naar `welzjin` in plaats van `welzijn`.
# `validate` noemt het blad, de rij zoals Excel die toont en de kolom, en zegt wat wel mag.
# Het bestand zelf verandert niet.

# %% tags=["analyst"]
import shutil

import openpyxl

from relnet.present.widgets import problems_table

shutil.copy(workbook, work / "met_typfout.xlsx")
book = openpyxl.load_workbook(work / "met_typfout.xlsx")
book["ties"]["A6"] = "welzjin"  # the source of the fifth tie, as typed in Excel
book.save(work / "met_typfout.xlsx")
relnet.show(problems_table(relnet.validate(work / "met_typfout.xlsx")))

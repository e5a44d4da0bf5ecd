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
# # 10 · Een netwerkenquête
#
# De relaties in een casus komen vaak uit een netwerkenquête: elke organisatie in het netwerk
# krijgt een vragenlijst met alle andere actoren en zegt met wie zij samenwerkt, wie zij
# financiert, naar wie zij doorverwijst, en hoe zij die ander beoordeelt op de zes vragen van
# de PARTNER-vragenlijst (betrouwbaarheid, missie en openheid: vertrouwen; invloed, middelen
# en betrokkenheid: waarde). relnet maakt die vragenlijsten als Excel-werkmappen en leest de
# ingevulde werkmappen terug in de casus. Een relatie die beide kanten noemen heet
# *bevestigd*; wie niet antwoordt, telt mee in de respons.
#
# De vragenlijst noemt organisaties, nooit de persoon die hem invult: een organisatie
# antwoordt namens zichzelf.

# %% [markdown]
# ## De vragenlijsten maken
#
# Eén werkmap per respondent: elke actor die in de meting bestaat en gevraagd wordt
# (`respondent`, standaard elke actor die geen persoon is). Het blad *vragenlijst* heeft een
# rij per andere actor; het blad *toelichting* legt elke vraag uit. Excel controleert de
# antwoorden al tijdens het typen (ja/nee, 1 tot en met 4) en de kolommen id en naam zijn
# beveiligd. De map bevat één bestand per respondent, klaar om te mailen.

# %%
import random
import tempfile
from pathlib import Path

import openpyxl
import pandas as pd

import relnet
from relnet import survey

case = relnet.load_example("haverdonk")
folder = Path(tempfile.mkdtemp()) / "vragenlijsten"
paths = survey.make_questionnaires(case, folder, wave=2017, lang="nl")
first = pd.read_excel(paths[0], sheet_name="vragenlijst", dtype=str).head(6)
relnet.show(first.fillna(""))

# %% [markdown]
# ## Respondenten vullen in (gesimuleerd)
#
# Hier vullen we de werkmappen met openpyxl, zoals respondenten in Excel zouden doen. Wie in
# de casus een relatie heeft, noemt die meestal (acht op de tien keer) en geeft de ander
# scores van 2 tot en met 4. Twee organisaties sturen hun vragenlijst niet terug. Het toeval
# is vast (`random.Random(0)`), zodat het notebook elke keer hetzelfde laat zien.

# %%
rng = random.Random(0)
silent = {"vp_inkoop", "buur_oost"}  # these two never send their questionnaire back
ties_2017 = case.ties[(case.ties["wave"] == 2017).to_numpy(dtype=bool)]
known = set(zip(ties_2017["source"], ties_2017["target"], ties_2017["type"]))
known |= {(target, source, kind) for source, target, kind in known}  # either side may name it
headers = survey.QUESTIONNAIRE_COLUMNS  # English key -> the Dutch header

for path in paths:
    respondent = path.stem  # haverdonk's ids are plain file names
    if respondent in silent:
        path.unlink()
        continue
    book = openpyxl.load_workbook(path)
    sheet = book["vragenlijst"]
    column = {cell.value: cell.column for cell in sheet[1]}
    for row in range(2, sheet.max_row + 1):
        other = sheet.cell(row, 1).value
        named = [kind for kind in relnet.data.vocab.TIE_TYPES
                 if (respondent, other, kind) in known and rng.random() < 0.8]
        for kind in named:
            sheet.cell(row, column[headers[kind]], "ja")
        if named:
            for item in ("reliability", "mission", "openness", "power", "resources",
                         "involvement"):
                sheet.cell(row, column[headers[item]], rng.randint(2, 4))
    book.save(path)

# %% [markdown]
# ## De antwoorden verzamelen
#
# `collect` leest elke werkmap in de map en geeft een kopie van de casus waarin de relaties
# van 2017 precies de genoemde zijn; de relaties van 2015 blijven zoals ze waren. Een
# vragenlijst die niet terugkwam telt als geen antwoord. `relnet.write_case(verzameld, ...)`
# bewaart het resultaat als casus.

# %%
collected = survey.collect(case, folder, wave=2017)
named = collected.ties[(collected.ties["wave"] == 2017).to_numpy(dtype=bool)]
relnet.show(named[["source", "target", "type", "confirmed", "reliability", "power"]].head(8))

# %% [markdown]
# De respons (23 van de 25 gevraagde organisaties) staat nu in de casus, en elke analyse
# noemt hem: het vertrouwen en de waarde, het relationele profiel en het rapport.

# %%
relnet.show(relnet.trust_value(collected).network)

# %% [markdown]
# ## Respons en bevestigde relaties
#
# Per gevraagde actor: antwoordde hij, hoeveel relaties noemde hij, en hoeveel daarvan
# noemde de ander ook. Met het vinkje ziet u alleen de bevestigde relaties in het netwerk.

# %%
from relnet import widgets

widgets.survey_explorer(collected)

# %% [markdown]
# ## Als een antwoord niet klopt
#
# Vult een respondent iets in dat geen antwoord is (hier *misschien* waar ja of nee wordt
# gevraagd), dan leest relnet niets en noemt het elk probleem in elke werkmap tegelijk: het
# bestand, het blad, de rij en de kolom zoals Excel ze laat zien, en wat wel mag.

# %%
book = openpyxl.load_workbook(folder / "wt_zuid.xlsx")
book["vragenlijst"]["C2"] = "misschien"
book.save(folder / "wt_zuid.xlsx")
try:
    survey.collect(case, folder, wave=2017)
except relnet.CaseError as error:
    problems = widgets.problems_table(error.problems)
relnet.show(problems)

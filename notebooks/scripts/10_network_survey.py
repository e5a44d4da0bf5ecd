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
# # 10 · Een netwerkenquête
#
# De relaties in een casus komen vaak uit een netwerkenquête: elke organisatie krijgt een
# vragenlijst met alle andere actoren en zegt met wie zij samenwerkt, wie zij financiert, naar
# wie zij doorverwijst, en hoe zij die ander beoordeelt op de zes vragen van de
# PARTNER-vragenlijst (betrouwbaarheid, missie en openheid: vertrouwen; invloed, middelen en
# betrokkenheid: waarde). Hieronder de enquête van Haverdonk (fictief) in 2017, met gesimuleerde
# antwoorden: per gevraagde organisatie of zij antwoordde, hoeveel relaties zij noemde en hoeveel
# daarvan de ander ook noemde (*bevestigd*). Met het vinkje ziet u alleen de bevestigde relaties.

# %%
import os
import tempfile
from pathlib import Path

import relnet
from relnet import survey, widgets

# the demonstration's own key for the questionnaires' markers: no key file is made for you
os.environ.setdefault("RELNET_SURVEY_KEY", "relnet-demonstratie")
case = relnet.load_example("haverdonk")
work = Path(tempfile.mkdtemp())
sent = survey.make_questionnaires(case, work / "verstuurd", wave=2017, lang="nl")
back = survey.simulate_answers(case, work / "verstuurd", work / "terug", wave=2017,
                               silent=["vp_inkoop", "buur_oost"], seed=0)
collected = survey.collect(case, work / "terug", wave=2017)
widgets.survey_explorer(collected)

# %% [markdown]
# ## De vragenlijsten
#
# relnet maakt één Excel-werkmap per respondent, genoemd naar de organisatie: elke organisatie
# die in de meting bestaat en gevraagd wordt (standaard elke actor die geen persoon is). Het
# eerste blad, *vragenlijst*, begint met een kopblok (voor wie de lijst is, tot wanneer, bij wie
# u terecht kunt); daaronder staat een rij per andere actor, en onderaan staan vrije rijen
# waarin de respondent partners invult die in de lijst ontbreken. Personen staan alleen in de
# lijst als hun rol openbaar is (een wethouder, een leidinggevende); andere personen niet. Het
# blad *toelichting* legt elke vraag uit. Excel controleert de antwoorden al tijdens het typen
# (ja/nee, 1 tot en met 4) en de kolommen id en naam zijn beveiligd. De vragenlijst noemt
# organisaties, nooit de persoon die hem invult: een organisatie antwoordt namens zichzelf. De
# eerste rijen van de vragenlijst van de gemeente, onder het kopblok:

# %%
import pandas as pd

first = pd.read_excel(sent[0], sheet_name="vragenlijst", header=survey.HEADER_ROW - 1,
                      dtype=str, engine="openpyxl").drop(columns="id").head(6)
relnet.show(first.fillna(""))

# %% [markdown]
# ## De antwoorden
#
# Voor deze demonstratie vult relnet de vragenlijsten in zoals respondenten in Excel zouden
# doen: wie in de casus een relatie heeft, noemt die meestal (acht op de tien keer) en geeft de
# ander scores van 2 tot en met 4; twee organisaties sturen niets terug. Het toeval ligt vast,
# zodat de pagina elke keer hetzelfde laat zien.
#
# Daarna leest relnet elke teruggekomen werkmap en maakt een kopie van de casus waarin de
# relaties van 2017 precies de genoemde zijn; de relaties van 2015 blijven zoals ze waren. Een
# vragenlijst die niet terugkwam telt als geen antwoord. De eerste relaties:

# %%
named = collected.ties[(collected.ties["wave"] == 2017).to_numpy(dtype=bool)].copy()
names = collected.actors.set_index("id")["name"]
for side in ("source", "target"):  # organisations by name, not by their ids
    named[side] = names.reindex(named[side]).to_numpy()
relnet.show(named[["source", "target", "type", "confirmed", "reliability", "power"]].head(8))

# %% [markdown]
# De respons (23 van de 25 gevraagde organisaties, 92%) staat nu in de casus, en elke analyse
# noemt hem: het vertrouwen en de waarde, het relationele profiel en het rapport. (De
# meegeleverde casus Haverdonk zelf heeft een lagere respons, 64%: daar meldden 16 van de 25
# organisaties hun relaties. De enquête hier is een gesimuleerde nieuwe meting.)

# %%
network = relnet.trust_value(collected).network
relnet.show(network[["trust", "value", "n_ratings", "raters", "respondents", "asked"]])

# %% [markdown] tags=["analyst"]
# ## Voor analisten
#
# De vragenlijsten maken: `survey.make_questionnaires(case, map, wave=2017)` of op de
# opdrachtregel `relnet survey make CASUS MAP`; de antwoorden lezen: `survey.collect(case, map,
# wave=2017)` of `relnet survey collect CASUS MAP -o NIEUWE_CASUS`; de demonstratie-antwoorden:
# `survey.simulate_answers`.

# %% [markdown]
# ## Als een antwoord niet klopt
#
# Vult een respondent iets in dat geen antwoord is (hier *misschien* waar ja of nee wordt
# gevraagd), dan leest relnet niets en noemt het elk probleem in elke werkmap tegelijk: het
# bestand, het blad, de rij en de kolom zoals Excel ze laat zien, en wat wel mag.

# %%
import openpyxl

book = openpyxl.load_workbook(work / "terug" / "Wijkteam Zuid.xlsx")
book["vragenlijst"][f"C{survey.HEADER_ROW + 1}"] = "misschien"  # the first answer cell
book.save(work / "terug" / "Wijkteam Zuid.xlsx")
try:
    survey.collect(case, work / "terug", wave=2017)
except relnet.CaseError as error:
    problems = widgets.problems_table(error.problems)
relnet.show(problems)

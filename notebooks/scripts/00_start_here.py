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
# # 00 · Begin hier
#
# Deze werkbank, relnet, is er voor de *relatiegerichte gemeente*: hoe een gemeente in het sociaal
# domein werkt met partners, sleutelpersonen, informele helpers en verbonden partijen. Een
# **casus** is een map (of Excel-werkmap) met de actoren, de relaties tussen hen per meting,
# de partnermatrix, een doelenboom met taken, de rollen tegenover verbonden partijen en een
# zelfevaluatie op de 10 lessen.
#
# Hieronder staan de meegeleverde casussen. Ze zijn **fictief**: verzonnen gemeenten,
# organisaties en personen, als illustratie. Filter op les, domein en omvang en kies een
# casus om het verhaal van de praktijk te lezen.

# %%
from relnet import widgets

widgets.case_browser()

# %% [markdown] tags=["analyst"]
# ## Voor analisten: een casus openen
#
# `load_example` opent een meegeleverde casus, `read_case` uw eigen map, `.xlsx` of `.zip`.
# `show` toont een tabel zoals een lezer hem leest: in het Nederlands, met een decimale komma.

# %% tags=["analyst"]
import relnet

case = relnet.load_example("haverdonk")
relnet.show(case.actors[["name", "kind", "domain", "district"]].head(8))

# %% [markdown] tags=["analyst"]
# ## Controleren
#
# `validate` noemt elk probleem in een casus tegelijk: het bestand, de rij zoals Excel die
# toont, de kolom en wat wel mag. Hier maken we een kopie met een typfout in een relatie.

# %% tags=["analyst"]
import tempfile
from pathlib import Path

from relnet.present.widgets import problems_table

folder = Path(tempfile.mkdtemp()) / "met_fout"
relnet.write_case(case, folder)
ties = (folder / "ties.csv").read_text(encoding="utf-8").replace("zorg_linde", "zorg_lind", 1)
(folder / "ties.csv").write_text(ties, encoding="utf-8")
relnet.show(problems_table(relnet.validate(folder)))

# %% [markdown]
# Verder: notebook 01 gaat over het relatienetwerk en zijn maten.

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
# # 02 · De partnermatrix
#
# Elke partner krijgt twee scores: zijn invloed op het bereiken van de doelen (verticaal) en
# hoe afhankelijk de gemeente van hem is (horizontaal: is er een alternatief?). Daarna kiest
# u een richting: **omhoog** (de effectiviteit van de partner verhogen), **omlaag** (de relatie
# afbouwen en beëindigen), **naar links** (minder afhankelijk worden), **naar rechts** (een
# meerjarig, gecommitteerd samenwerkingsverband aangaan). Lindermeer (fictief) bundelt zijn
# drie jongerenwerkorganisaties tot één partner die één compleet aanbod doet.
#
# Verschuif een partner met de schuifjes: kwadrant, strategie en figuur volgen.

# %%
import relnet
from relnet import widgets

case = relnet.load_example("lindermeer")
widgets.partner_explorer(case)

# %% [markdown]
# ## De tabel achter de figuur
#
# *Strategie na de voorgestelde beweging* is wat de partner nodig heeft waar hij heen gaat, zodat
# strategie en beweging elkaar nooit tegenspreken. Een beweging is een voorstel om te
# bespreken, geen besluit. Een verbonden partij (een gemeenschappelijke regeling, een GGD)
# stuurt de gemeente via haar rollen als eigenaar en opdrachtgever, niet via de markt. Naast de
# scores staat de plaats van de partner in het netwerk: een *snijpunt* houdt delen van het
# netwerk bij elkaar. De namen van de kwadranten en hun strategieën zijn die van relnet, naar
# Kraljic (1983).

# %%
matrix = relnet.partner_matrix(case)
relnet.show(matrix[["name", "quadrant", "move", "action", "target_strategy", "affiliated",
                    "cut_point"]])

# %% [markdown]
# Partners die samen verder gaan (bundels):

# %%
relnet.show(relnet.partner_bundles(case))

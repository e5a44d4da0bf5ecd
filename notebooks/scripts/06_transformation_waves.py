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
# # 06 · Transformatie tussen metingen
#
# Transformeren is een ontdekkingsreis: wat veranderde tussen twee metingen? Actoren en
# relaties erbij en weg, en elke maat en indicator naast elkaar. Een meting wordt nooit met
# zichzelf vergeleken.

# %%
from relnet import widgets

widgets.waves_explorer(start="Haverdonk")

# %% [markdown]
# ## Alle casussen naast elkaar
#
# De indicatoren van de laatste meting van elke meegeleverde casus naast elkaar.

# %%
import relnet

cases = [relnet.load_example(n) for n in relnet.list_cases()["name"]]
relnet.plot.indicator_plot(cases, lang="nl");

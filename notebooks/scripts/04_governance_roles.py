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
# # 04 · Rollen tegenover verbonden partijen
#
# De gemeente heeft vier rollen tegenover een verbonden partij: opdrachtgever, eigenaar,
# opdrachtnemer en uitvoerder. De regisseur is de ambtelijke spil tussen de bestuurlijk
# opdrachtgever en de directie van de partij: de ambtelijk opdrachtgever. Opdrachtgever en
# eigenaar horen niet bij dezelfde portefeuillehouder. In Brakkenveen (fictief) gaat dat mis.

# %%
from IPython.display import display

from relnet import widgets

explorer = widgets.roles_explorer(start="Brakkenveen")
display(explorer)

# %% [markdown]
# ## De bevindingen als tabel

# %%
import relnet

case = explorer.case()  # the case the explorer shows
findings = relnet.role_conflicts(case)
findings["body"] = case.actors.set_index("id")["name"].reindex(findings["body"]).to_numpy()
relnet.show(findings[["body", "severity", "message", "params"]])

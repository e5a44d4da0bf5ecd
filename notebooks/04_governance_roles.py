# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 04 · Governance roles / Rollen tegenover verbonden partijen
#
# Toward an affiliated body the municipality is commissioner (opdrachtgever), owner
# (eigenaar), contractor (opdrachtnemer) or executor (uitvoerder), with a director
# (regisseur) in the civil service. Commissioner and owner should not be the same
# administrator.

# %%
import relnet
from relnet import plot, widgets

case = relnet.load_example("brakkenveen")
relnet.role_overview(case, labels=True)

# %%
relnet.role_conflicts(case, lang="nl")

# %%
plot.roles_plot(case);

# %%
widgets.roles_explorer()

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
# # 06 · Transformation over waves / Transformatie tussen metingen
#
# Transformation is a journey: data come in waves. `wave_changes` lists the actors and
# links that were added, lost and kept, with every metric side by side; `compare` puts
# cases or waves in one tidy table.

# %%
import relnet
from relnet import plot, widgets

case = relnet.load_example("haverdonk")
changes = relnet.wave_changes(case, 2015, 2017)
changes

# %%
changes.counts()

# %%
changes.metrics.round(3)

# %%
relnet.compare(case)[["wave", "density", "hub_dependence", "mutuality", "informal_facilitation"]]

# %%
plot.wave_comparison(case, lang="nl");

# %%
widgets.waves_explorer()

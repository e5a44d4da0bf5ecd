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
# # 01 · The relationship network / Het relatienetwerk
#
# A case's ties form a network per wave. relnet measures it on the *collapsed undirected
# graph* (every actor present is a node; two actors are linked when any tie joins them),
# with metrics that reproduce published values (Freeman, Burt, Brandes) and indicators
# that turn the 10 lessons into numbers.

# %%
import relnet
from relnet import plot, widgets

case = relnet.load_example("haverdonk")
relnet.network_metrics(case, wave=2015).round(3)

# %% [markdown]
# Actor-level metrics: who brokers (betweenness), who is constrained (Burt), who belongs
# to which community.

# %%
actors = relnet.actor_metrics(case)
actors.sort_values("betweenness", ascending=False).head(8).round(3)

# %% [markdown]
# ## The lessons as indicators
#
# `hub_dependence` is the share of partner pairs that lose their connection once the
# municipality is taken out: 1 means a "regiegemeente" hub, 0 a network that holds
# together by itself.

# %%
relnet.relational_profile(case, wave=2015)[["indicator", "lesson", "value"]].merge(
    relnet.relational_profile(case, wave=2017)[["indicator", "value"]], on="indicator",
    suffixes=("_2015", "_2017")).round(3)

# %%
plot.network_map(case, wave=2015, lang="nl");

# %% [markdown]
# ## Explore / Verkennen
#
# Change the wave, the tie types, the colours and sizes; search an actor; press
# *Remove all municipal actors* to see what the partners hold together themselves.

# %%
widgets.network_explorer()

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
# # 08 · Your own metric / Uw eigen maat
#
# Analysts can add a metric without touching relnet's code. A network metric is a function
# of the collapsed graph `G` returning a number; an actor metric returns a value per actor.
# Once registered it appears in `network_metrics`, `actor_metrics`, `compare`,
# `wave_changes` and the explorers.

# %%
import networkx as nx

import relnet
from relnet import widgets


def informal_isolates(G):
    """Informal actors (citizen initiatives, carers, key persons) without any tie."""
    informal = {"citizen_initiative", "informal_carer", "key_person"}
    return sum(1 for n, kind in G.nodes(data="kind") if kind in informal and G.degree(n) == 0)


relnet.register_metric("informal_isolates", informal_isolates)
relnet.register_metric("local_bridging",
                       lambda G: {n: 1 - nx.clustering(G, n) for n in G}, level="actor")

# %%
cases = [relnet.load_example(name) for name in relnet.list_cases()["name"]]
relnet.compare(cases)[["case", "informal_isolates", "density"]]

# %%
relnet.wave_changes(cases[3], 2015, 2017).metrics.loc[["informal_isolates"]]

# %% [markdown]
# The actor metric is now a choice under *Size by* in the network explorer.

# %%
explorer = widgets.network_explorer(cases)
explorer.controls["size"].value = "local_bridging"
explorer

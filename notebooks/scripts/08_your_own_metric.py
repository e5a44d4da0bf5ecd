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
# # 08 · Uw eigen maat
#
# Een onderzoeker kan een eigen maat toevoegen (een paar regels Python, in JupyterLab te zien):
# hij verschijnt dan overal waar relnet maten toont: in tabellen, vergelijkingen, verkenners en
# rapporten. Hier het aandeel relaties van een actor met een wijkteam; de verkenner hieronder
# laat de actoren zo groot zien als dat aandeel.

# %%
import relnet


def aandeel_wijkteam(G):
    """Per actor: the share of its links that go to a district team."""
    out = {}
    for node in G:
        links = list(G[node])
        teams = sum(1 for other in links if G.nodes[other].get("kind") == "district_team")
        out[node] = teams / len(links) if links else 0.0
    return out


relnet.register_metric("aandeel_wijkteam", aandeel_wijkteam, level="actor");

# %% [markdown]
# De maat staat nu in de verkenner bij *Grootte naar*:

# %%
from relnet import widgets

widgets.network_explorer(start="Haverdonk", size_by="aandeel_wijkteam")

# %% [markdown]
# En in elke tabel:

# %%
case = relnet.load_example("haverdonk")
table = relnet.actor_metrics(case)[["degree", "aandeel_wijkteam"]].nlargest(6, "aandeel_wijkteam")
table.insert(0, "name", case.actors.set_index("id")["name"].reindex(table.index).to_numpy())
relnet.show(table.reset_index(drop=True))

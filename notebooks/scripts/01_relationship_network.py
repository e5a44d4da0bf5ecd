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
# # 01 · Het relatienetwerk
#
# Haverdonk (fictief) stuurde in 2015 alles vanuit het stadhuis; in 2017 dragen wijkteams,
# partners en bewonersinitiatieven het netwerk. Kies de meting, de soorten relaties, kleur en
# grootte. Zoek een actor: de kaart licht hem en zijn relaties op. Laat met *Laat alle
# gemeentelijke actoren weg* zien wat de partners zelf bij elkaar houden (wat-als).

# %%
from IPython.display import display

from relnet import widgets

explorer = widgets.network_explorer(start="Haverdonk")
display(explorer)

# %% [markdown]
# ## Wat de maten zeggen
#
# relnet meet op het *samengevoegde ongerichte netwerk*: elke actor in de meting is een knoop;
# twee actoren zijn verbonden als een relatie hen verbindt. De maten reproduceren
# gepubliceerde waarden (Freeman, Burt, Brandes); de definities en bronnen staan in de
# documentatie van relnet. De tabellen hieronder gaan over de casus en de meting die de verkenner
# toont (voer de cellen opnieuw uit na een andere keuze).

# %%
import relnet

case, wave = explorer.selection()[:2]
relnet.show(relnet.network_metrics(case, wave=wave))

# %% [markdown]
# Actoren met de grootste tussenpositie (*betweenness*): wie verbindt wie?

# %%
actors = relnet.actor_metrics(case, wave=wave)
names = case.actors.set_index("id")["name"]
top = actors.nlargest(8, "betweenness")[["degree", "betweenness", "constraint"]]
top.insert(0, "name", names.reindex(top.index).to_numpy())
relnet.show(top.reset_index(drop=True))

# %% [markdown]
# ## De lessen als indicatoren
#
# *De gemeente als verbinder* is het aandeel paren partners dat niet meer verbonden is
# zonder de gemeentelijke actoren: 1 betekent dat de gemeente alles verbindt, 0 een netwerk
# dat zichzelf bij elkaar houdt. Het zegt of de gemeente de verbinder is, niet of zij stuurt.
# Elke waarde heeft een standaardfout (kolom se): hoeveel de waarde verschuift als één actor
# ontbreekt. De definities (versie 3) staan in de documentatie van relnet.

# %%
first, last = case.waves[0], case.waves[-1]
profile = relnet.relational_profile(case, wave=first)[["indicator", "value"]].merge(
    relnet.relational_profile(case, wave=last)[["indicator", "value", "n", "se", "note",
                                                "params"]],
    on="indicator", suffixes=("_a", "_b"))
relnet.show(profile.rename(columns={"value_a": str(first), "value_b": str(last)}))

# %% [markdown]
# De kaart voor print (ook te downloaden in de verkenner):

# %%
relnet.plot.network_plot(case, wave=wave, lang="nl");

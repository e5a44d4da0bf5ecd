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
# # 03 · De doelenboom
#
# Eén integraal hoofddoel (*Iedereen telt mee en doet mee*), doelen per beleidsterrein eronder,
# en per doel de partners die eraan bijdragen en de inzet van het team. Doelen zonder partner
# zijn gearceerd; taken die geen enkel doel dienen staan apart. Zo prioriteert een team zijn werk
# vanuit de doelen (naar een artikel over doelenboomsessies in het sociaal domein).

# %%
from IPython.display import display

from relnet import widgets

explorer = widgets.goal_explorer(start="Welderhoven")
display(explorer)

# %% [markdown]
# ## Inzet en partners per doel
#
# Per doel de taken en uren (van het doel en de doelen eronder), de wettelijke uren en de
# partners; de laatste rij zijn de taken die geen doel dienen. De tabel gaat over de casus die de
# verkenner toont.

# %%
import relnet

case = explorer.case()
relnet.show(relnet.goal_priorities(case).drop(columns=["goal", "vision"]))

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
# # 05 · De 10 lessen en de vergelijking
#
# Medewerkers scoren hun gemeente op de 10 lessen van de relatiegerichte gemeente (1-5). Per
# les: het gemiddelde met een 95%-interval (pas vanaf 3 antwoorden; onder de 5 staat het
# aantal erbij), naast de andere casussen. Een les *verschilt* alleen als het verschil na
# Holm-correctie over de tien lessen overeind blijft. De andere casussen zijn hier fictief.

# %%
from IPython.display import display

from relnet import widgets

explorer = widgets.lessons_explorer(start="Haverdonk")
display(explorer)

# %% [markdown]
# ## De scores per les

# %%
import relnet

case = explorer.case()  # the case and wave the explorer shows
scores = relnet.lesson_scores(case, wave=explorer.controls["wave"].value)
scores.insert(1, "title", [relnet.LESSONS[n].title() for n in scores["lesson"]])
relnet.show(scores, digits=2)

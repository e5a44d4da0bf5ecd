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
# # 09 · Het rapport
#
# Kies een casus en een meting: hieronder staan de belangrijkste bevindingen. Met de knop
# *Rapport (HTML)* maakt u het rapport en begint de download meteen (het opent in elke browser
# en print op A4); *Tabellen (Excel)* doet hetzelfde voor de tabellen. Personen
# staan er gepseudonimiseerd in, tenzij u *Met namen van personen* aanvinkt.

# %%
from relnet import widgets

widgets.report_explorer(start="Haverdonk")

# %% [markdown] tags=["analyst"]
# ## Een rapport om zelf te bewerken
#
# `relnet report PAD -o rapport.html` schrijft hetzelfde kant-en-klare rapport. De rest van dit
# notebook is dat rapport als notebook, voor onderzoekers die hun eigen tekst om de figuren
# willen schrijven. Met papermill met andere parameters:
#
# ```
# papermill notebooks/09_report.ipynb uit.ipynb -p case_path mijn_casus.xlsx -p lang nl
# ```
#
# Personen zijn gepseudonimiseerd, tenzij `names = True`.

# %% tags=["parameters", "analyst"]
case_path = None  # a case folder, .xlsx or .zip; None = the shipped Haverdonk case
lang = "nl"
names = False
wave = None
output = None  # also write the standard HTML report here

# %% tags=["analyst"]
import relnet
from relnet.present.words import pseudonymised

relnet.set_language(lang)
case = relnet.load_example("haverdonk") if case_path is None else relnet.read_case(case_path)
shown = case if names else pseudonymised(case)

# %% [markdown] tags=["analyst"]
# ## Het netwerk
#
# *Schrijf hier uw interpretatie.* (Dit deel van het notebook is voor JupyterLab: de
# presentatie toont het niet.)

# %% tags=["analyst"]
relnet.plot.network_plot(shown, wave=wave, size_by="betweenness");

# %% tags=["analyst"]
profile = relnet.relational_profile(shown, wave=wave)
relnet.show(profile[["indicator", "value", "n", "note", "params"]])

# %% [markdown] tags=["analyst"]
# ## De partnermatrix en de doelen

# %% tags=["analyst"]
relnet.plot.partner_matrix_plot(shown, wave=wave);

# %% tags=["analyst"]
relnet.plot.goal_tree_plot(shown);

# %% [markdown] tags=["analyst"]
# ## Sturing en zelfevaluatie

# %% tags=["analyst"]
findings = relnet.role_conflicts(shown)
findings["body"] = shown.actors.set_index("id")["name"].reindex(findings["body"]).to_numpy()
relnet.show(findings[["body", "severity", "message", "params"]])

# %% tags=["analyst"]
relnet.plot.lesson_plot(shown, wave=wave);

# %% tags=["analyst"]
if output:
    relnet.write_report(case, output, names=names, wave=wave, overwrite=True)

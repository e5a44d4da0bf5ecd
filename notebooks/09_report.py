# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     notebook_metadata_filter: -jupytext.text_representation
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 09 · A report you can edit / Een rapport om zelf te bewerken
#
# `relnet report PATH -o report.html` writes a finished, self-contained report. This
# notebook is the same report as a notebook, for researchers who want to write their own
# text around the figures. Run it with other parameters through papermill:
#
# ```
# papermill notebooks/09_report.ipynb out.ipynb -p case_path my_case.xlsx -p lang nl
# ```
#
# Persons are pseudonymised unless `names = True`.

# %% tags=["parameters"]
case_path = None  # a case folder, .xlsx or .zip; None = the shipped Haverdonk case
lang = "en"
names = False
wave = None
output = None  # also write the standard HTML report here

# %%
import relnet
from relnet import plot
from relnet.network.privacy import report_pseudonyms

case = relnet.load_example("haverdonk") if case_path is None else relnet.read_case(case_path)
shown = case if names else report_pseudonyms(case, lang)
print(case.meta["name"], "| waves:", case.waves,
      "| persons:", "named" if names else "pseudonymised")

# %% [markdown]
# ## The network
#
# *Write your interpretation here.*

# %%
plot.network_map(shown, wave, lang=lang, size_by="betweenness");

# %%
relnet.relational_profile(shown, wave, lang=lang)[["indicator", "value", "description"]]

# %% [markdown]
# ## The partner matrix and the goals

# %%
plot.partner_matrix_plot(shown, wave, lang=lang);

# %%
plot.goal_tree_plot(shown, lang=lang);

# %% [markdown]
# ## Governance and the self-assessment

# %%
relnet.role_conflicts(shown, lang=lang)

# %%
plot.lesson_profile(shown, wave=wave, lang=lang);

# %%
if output:
    from relnet import write_report

    write_report(case, output, lang=lang, names=names, wave=wave, overwrite=True)
    print("wrote", output)

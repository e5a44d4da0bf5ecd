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
# # 00 · Start here / Begin hier
#
# relnet is a workbench for the *relationship-oriented municipality* (relatiegerichte
# gemeente). A **case** is a folder (or Excel workbook) with the actors of a municipality's
# social domain, the ties between them, partner scores, a goal tree, roles toward affiliated
# bodies and a self-assessment on the 10 lessons.
#
# The shipped cases are **fictional illustrations**: invented municipalities, organisations
# and people.

# %%
import relnet

relnet.list_cases()[["name", "title", "n_actors", "waves", "lessons"]]

# %% [markdown]
# ## Load a case
#
# `load_example` loads a shipped case; `read_case` reads your own folder, `.xlsx` or `.zip`.

# %%
case = relnet.load_example("haverdonk")
print(case)
case.actors.head()

# %%
print(case.meta["practice"])

# %% [markdown]
# ## Validate
#
# `validate` lists every problem in a case at once, with the file, the row as Excel shows it
# and the column. Here we make a copy of a case with a typo in a tie and check it.

# %%
import tempfile
from pathlib import Path

folder = Path(tempfile.mkdtemp()) / "met_fout"
relnet.write_case(case, folder)
ties = (folder / "ties.csv").read_text(encoding="utf-8").replace("zorg_linde", "zorg_lind", 1)
(folder / "ties.csv").write_text(ties, encoding="utf-8")
for problem in relnet.validate(folder):
    print(problem)

# %% [markdown]
# ## Browse the good-practice cases / Blader door de casussen
#
# Filter the shipped (fictional) cases by lesson, domain and size; pick one to read its
# practice story. Switch NL/EN at the top.

# %%
from relnet import widgets

widgets.case_browser()

# %% [markdown]
# Next: `01_relationship_network` for the network and its metrics.

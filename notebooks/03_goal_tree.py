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
# # 03 · The goal tree / De doelenboom
#
# One integral main goal, sub-goals per domain, activities under them, and the partners
# contributing to each. Coverage shows which goals have no partner and which partners
# serve no goal.

# %%
import relnet
from relnet import plot, widgets

case = relnet.load_example("welderhoven")
coverage = relnet.goal_coverage(case)
coverage

# %%
print("Partners linked to no goal:", coverage.attrs["unlinked_partners"])

# %%
plot.goal_tree_plot(case, lang="nl");

# %%
widgets.goal_explorer()

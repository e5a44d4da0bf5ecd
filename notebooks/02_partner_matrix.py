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
# # 02 · The partner strategy matrix / De partnermatrix
#
# Each partner is scored on its influence on the goals (vertical) and on how much the
# municipality depends on it (horizontal, "is there an alternative?"). A score equal to
# the threshold counts as high. Desired moves: up (raise effectiveness), down (wind down),
# left (become less dependent), right (commit for years).
#
# The example: Lindermeer (fictional) bundles three small youth-work organisations into one
# strategic partner.

# %%
import relnet
from relnet import plot, widgets

case = relnet.load_example("lindermeer")
matrix = relnet.partner_matrix(case)
matrix[["name", "influence", "dependency", "quadrant", "move", "target_quadrant"]]

# %% [markdown]
# Beside the scores, the partner's place in the network: a *cut point* holds parts of the
# network together; `mismatch` flags where perceived dependency and structure disagree.

# %%
matrix[["name", "dependency", "betweenness", "cut_point", "mismatch"]].round(3)

# %%
plot.partner_matrix_plot(case, lang="nl");

# %% [markdown]
# ## Move a partner / Verschuif een partner
#
# Drag the sliders: the quadrant, the strategy and the figure follow.

# %%
widgets.partner_explorer(case)

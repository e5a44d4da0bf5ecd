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
# # 05 · The 10 lessons and benchmarking / De 10 lessen en vergelijken
#
# Staff score their municipality on each lesson (1-5). relnet gives the mean with a 95%
# t-interval per lesson and compares one case with the pooled answers of the others,
# next to the lesson's network indicator where there is one.

# %%
import relnet
from relnet import plot, widgets

relnet.lessons_table("nl")[["lesson", "title", "indicator"]]

# %%
cases = [relnet.load_example(name) for name in relnet.list_cases()["name"]]
haverdonk = cases[1]
relnet.lesson_scores(haverdonk).round(2)

# %%
benchmark = relnet.lesson_benchmark(haverdonk, cases)
benchmark[["lesson", "title", "mean", "bench_mean", "p_value", "differs", "indicator",
           "indicator_value", "indicator_bench"]].round(3)

# %%
plot.lesson_profile(haverdonk, cases, lang="nl");

# %%
widgets.lessons_explorer()

"""Figures: what is drawn, in which language, into which Axes, and what is saved."""

import re

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch
from PIL import Image

import relnet
from relnet import plot
from relnet.present.words import worded

NAMES = list(relnet.list_cases()["name"])


@pytest.fixture(scope="module")
def cases():
    return {n: relnet.load_example(n) for n in NAMES}


def texts(ax):
    """Every text an Axes shows: texts, labels, ticks, legends, title."""
    found = [t.get_text() for t in ax.texts]
    found += [ax.get_xlabel(), ax.get_ylabel(), ax.get_title()]
    if ax.axison:
        found += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    for legend in ax.figure.findobj(plt.matplotlib.legend.Legend):
        found += [t.get_text() for t in legend.get_texts()] + [legend.get_title().get_text()]
    return [t for t in found if t]


def draw_all(case, others, lang):
    return {
        "network_kind": plot.network_plot(case, lang=lang, color_by="kind"),
        "network_domain": plot.network_plot(case, lang=lang, color_by="domain",
                                            size_by="betweenness", wave=case.waves[0]),
        "network_community": plot.network_plot(case, lang=lang, color_by="community",
                                               size_by="pagerank"),
        "partner_matrix": plot.partner_matrix_plot(case, lang=lang),
        "goal_tree": plot.goal_tree_plot(case, lang=lang),
        "roles": plot.roles_plot(case, lang=lang),
        "lessons_interval": plot.lesson_plot(case, others, lang=lang),
        "lessons_radar": plot.lesson_plot(case, others, kind="radar", lang=lang),
        "waves": plot.wave_plot(case, lang=lang),
        "trust_value": plot.trust_value_plot(case, lang=lang),
    }


# words each language must show, and words of the other language it must not
WORDS = {
    "nl": {"partner_matrix": ["Invloed op het bereiken van de doelen (0-10)", "HEFBOOM",
                              "Kwadranten en strategieën naar Kraljic (1983)"],
           "roles": ["opdrachtgever", "regisseur"], "lessons_interval": ["deze casus"],
           "network_kind": ["gemeentelijk", "kleur: soort actor"],
           "waves": ["waarde (0-1)", "Meting"], "trust_value": ["vertrouwen (1-4)"]},
    "en": {"partner_matrix": ["Influence on reaching the goals (0-10)", "LEVERAGE",
                              "Quadrants and strategies after Kraljic (1983)"],
           "roles": ["commissioner", "director"], "lessons_interval": ["this case"],
           "network_kind": ["municipal", "colour: kind of actor"],
           "waves": ["value (0-1)", "Wave"], "trust_value": ["trust (1-4)"]},
}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", [n if n == "haverdonk" else pytest.param(n, marks=pytest.mark.slow)
                                  for n in NAMES])
def test_every_figure_on_every_case(cases, name, lang):
    axes = draw_all(cases[name], list(cases.values()), lang)
    for key, ax in axes.items():
        assert ax.figure.get_size_inches()[0] == pytest.approx(7.6), key
        shown = texts(ax)
        assert shown, key
        for word in WORDS[lang].get(key, []):
            assert any(word in t for t in shown), (key, word)
        other = "en" if lang == "nl" else "nl"
        for word in WORDS[other].get(key, []):
            assert not any(t == word for t in shown), (key, word)
        # numbers in the reader's format: no "0.5" in Dutch tick labels
        ticks = [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()] \
            if ax.axison else []
        if lang == "nl":
            assert not any(re.fullmatch(r"-?\d+\.\d+", t) for t in ticks), (key, ticks)
        # text at least 9.5 pt: readable on a projector and, scaled to A4, in print
        sizes = [t.get_fontsize() for t in ax.texts] + [ax.xaxis.label.get_fontsize()]
        assert min(sizes) >= 9.5, key
    plt.close("all")


def test_figures_take_the_axes_they_are_given(cases):
    case = cases["lindermeer"]
    for draw in (lambda ax: plot.network_plot(case, ax=ax, alpha=0.5),
                 lambda ax: plot.partner_matrix_plot(case, ax=ax, alpha=0.5),
                 lambda ax: plot.goal_tree_plot(case, ax=ax),
                 lambda ax: plot.roles_plot(case, ax=ax),
                 lambda ax: plot.lesson_plot(case, ax=ax),
                 lambda ax: plot.wave_plot(case, ax=ax),
                 lambda ax: plot.trust_value_plot(case, ax=ax)):
        figure = Figure(figsize=(5, 4))
        given = figure.add_subplot()
        before = plt.get_fignums()
        assert draw(given) is given
        assert plt.get_fignums() == before  # no new figure
        assert tuple(figure.get_size_inches()) == (5, 4)
    # **kwargs reach the matplotlib call: the partners' dots are half transparent
    figure = Figure()
    ax = plot.partner_matrix_plot(case, ax=figure.add_subplot(), alpha=0.5)
    assert any(c.get_alpha() == 0.5 for c in ax.collections)


@pytest.mark.slow
def test_figures_save_in_every_format_with_text_as_text(cases, tmp_path):
    case = cases["haverdonk"]
    for key, ax in draw_all(case, list(cases.values()), "nl").items():
        written = plot.save_figure(ax, tmp_path / key)
        assert sorted(p.suffix for p in written) == [".pdf", ".png", ".svg"]
        svg = (tmp_path / f"{key}.svg").read_text()
        assert svg.lstrip().startswith(("<?xml", "<svg"))
        assert "<text" in svg and "font" in svg  # text stays text, with its size
        assert (tmp_path / f"{key}.pdf").read_bytes().startswith(b"%PDF")
        with Image.open(tmp_path / f"{key}.png") as png:
            assert round(png.info["dpi"][0]) == 300
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    plt.close("all")


def test_save_figure_refuses_to_overwrite(tmp_path, cases):
    ax = plot.goal_tree_plot(cases["welderhoven"])
    plot.save_figure(ax, tmp_path / "tree.png")
    before = (tmp_path / "tree.png").read_bytes()
    with pytest.raises(FileExistsError):
        plot.save_figure(ax, tmp_path / "tree.png")
    assert (tmp_path / "tree.png").read_bytes() == before
    plot.save_figure(ax, tmp_path / "tree.png", overwrite=True)


def _dots(ax):
    from matplotlib.collections import PathCollection

    return sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection))


def test_network_plot_draws_each_actor_and_says_what_size_means(cases):
    case = cases["haverdonk"]
    present = relnet.actor_metrics(case).index
    full = plot.network_plot(case, lang="en")
    assert _dots(full) == len(present)
    municipal = case.actors.loc[case.actors["kind"].isin(relnet.data.vocab.MUNICIPAL_KINDS), "id"]
    removed = [a for a in municipal if a in present]
    what_if = plot.network_plot(case, removed=removed, lang="en")
    assert _dots(what_if) == len(present) - len(removed)
    assert any(t.get_text().startswith(f"without {len(removed)} actors") for t in what_if.texts)
    size_legend = full.get_legend()
    assert size_legend.get_title().get_text() == "size: degree"
    degrees = relnet.actor_metrics(case)["degree"]
    assert [t.get_text() for t in size_legend.get_texts()][0] == str(degrees.min())
    assert [t.get_text() for t in size_legend.get_texts()][-1] == str(degrees.max())
    with pytest.raises(ValueError, match="size_by"):
        plot.network_plot(case, size_by="shoe_size")
    with pytest.raises(ValueError, match="color_by"):
        plot.network_plot(case, color_by="mood")
    plt.close("all")


def test_network_plot_with_a_registered_metric(cases):
    relnet.register_metric("twice_degree", lambda G: {n: 2 * d for n, d in G.degree()},
                           level="actor")
    try:
        ax = plot.network_plot(cases["haverdonk"], size_by="twice_degree", lang="en")
        assert ax.get_legend().get_title().get_text() == "size: twice degree"
    finally:
        relnet.unregister_metric("twice_degree")


def test_large_networks_are_summarised(monkeypatch):
    from relnet.present.plot import network as network_module
    from relnet.synth import generate_case

    case = generate_case(2600, seed=3)
    n = len(relnet.actor_metrics(case, exact=False))
    assert n > 2000

    def refuse(*args, **kwargs):  # the summary needs no actor metric (minutes at 10,000)
        raise AssertionError("actor metrics computed for a map of groups")

    monkeypatch.setattr(network_module, "actor_metrics", refuse)
    ax = plot.network_plot(case, lang="nl", n_labels=0)
    with pytest.raises(ValueError, match="size_by must be one of"):
        plot.network_plot(case, size_by="nonsense")
    assert any(f"{relnet.i18n.number(n, 'nl')} actoren: samengevat per groep" in t.get_text()
               for t in ax.texts)
    assert _dots(ax) <= 7  # one circle per group
    plt.close("all")


def test_partner_matrix_plot_draws_moves_bundles_and_exits(cases):
    case = cases["lindermeer"]
    matrix = worded(relnet.partner_matrix(case), "en")
    ax = plot.partner_matrix_plot(case, lang="en")
    arrows = [a for a in ax.texts if type(a).__name__ == "Annotation"]
    bundled = matrix["bundle"].notna()
    moved = matrix["move"].notna()
    # one arrow per moving partner outside a bundle, one per bundle with a common move
    assert len(arrows) == int((moved & ~bundled).sum()) + 1
    # the partner that moves down leaves the matrix at the bottom
    out = matrix.loc[matrix["phase_out"], "name"].tolist()
    assert out == ["Supermarkt De Meerhoek"]
    assert min(a.xy[1] for a in arrows) < 0
    label_text = " ".join(t.get_text() for t in ax.texts).replace("\n", " ")
    for name in matrix["name"]:
        assert name in label_text
    assert "jongerenwerk" in label_text  # the bundle is named
    plt.close("all")


def test_partners_with_identical_scores_are_told_apart(tmp_path):
    from conftest import write_case_files

    folder = write_case_files(tmp_path / "c", partners="actor,influence,dependency\n"
                                                      "zorg,6,6\nwelz,6,6\ngem,2,8\n")
    ax = plot.partner_matrix_plot(relnet.read_case(folder), names=False)
    dots = np.concatenate([c.get_offsets() for c in ax.collections
                           if c.get_offsets().ndim == 2 and len(c.get_offsets())])
    big = [tuple(np.round(p, 3)) for p in dots if not np.allclose(p, (6, 6))]
    assert len(set(big)) == len(big)  # no two partners on one spot
    assert any(np.allclose(p, (6, 6)) for p in dots)  # the true point stays marked
    plt.close("all")


def test_goal_tree_shows_coverage_effort_and_unserved_tasks(cases):
    ax = plot.goal_tree_plot(cases["welderhoven"], lang="nl")
    shown = [t.get_text() for t in ax.texts]
    assert "geen partner · 150 u/jr" in shown  # the uncovered goal, hatched
    hatched = [p for p in ax.patches if isinstance(p, FancyBboxPatch) and p.get_hatch()]
    assert len(hatched) == 1
    assert "Taken die geen doel dienen: 0 taken · 0 u/jr" in shown or any(
        t.startswith("Taken die geen doel dienen") for t in shown)
    boxes = [p for p in ax.patches if isinstance(p, FancyBboxPatch) and not p.get_hatch()]
    assert len(boxes) == len(cases["welderhoven"].goals)  # covered goals + the tasks box
    plt.close("all")


def test_a_goal_chain_1000_deep_is_drawn_without_recursion_error(tmp_path):
    from conftest import write_case_files

    goals = "id,label,parent\ng0,Hoofddoel,\n" + "".join(
        f"g{i},Doel {i},g{i - 1}\n" for i in range(1, 1000))
    case = relnet.read_case(write_case_files(tmp_path / "c", goals=goals))
    ax = plot.goal_tree_plot(case, lang="nl")
    assert any(t.get_text() == "… en nog 940 (zie de gegevens)" for t in ax.texts)
    plt.close("all")


def test_lesson_plot_shows_real_interval_ends_and_few_answers(tmp_path):
    from conftest import write_case_files

    lessons = "respondent,lesson,score\n" + "".join(
        f"R{r},2,{s}\n" for r, s in enumerate([1, 1, 3, 3], 1)) + "".join(
        f"R{r},1,{s}\n" for r, s in enumerate([3, 4, 3, 4, 3, 4], 1))
    case = relnet.read_case(write_case_files(tmp_path / "c", lessons=lessons))
    scores = relnet.lesson_scores(case).set_index("lesson")
    assert scores.loc[2, "ci_low"] < 1  # 2 -/+ 1.84
    ax = plot.lesson_plot(case, lang="nl")
    assert ax.get_xlim()[0] <= scores.loc[2, "ci_low"]  # drawn to its real end
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[1].endswith("(n = 4)") and not labels[0].endswith(")")
    assert "buiten de schaal" in texts(ax)
    plt.close("all")


def test_lesson_plot_marks_fictional_benchmark_and_differences(cases):
    haverdonk = cases["haverdonk"]
    others = [c for c in cases.values() if c is not haverdonk]
    bench = relnet.lesson_benchmark(haverdonk, others)
    ax = plot.lesson_plot(haverdonk, others, lang="nl")
    assert "andere casussen (fictief)" in texts(ax)
    markers = [c for c in ax.collections if c.get_offsets().ndim == 2
               and len(c.get_offsets()) and c.get_paths() and len(c.get_facecolor())
               and np.allclose(c.get_facecolor()[0][:3],
                               plt.matplotlib.colors.to_rgb(plot.OKABE_ITO[5]))]
    differing = int(bench["differs"].sum())
    assert sum(len(m.get_offsets()) for m in markers) == differing
    assert ("verschilt (Welch, Holm-gecorrigeerd p < 0,05)" in texts(ax)) == (differing > 0)
    plt.close("all")


def test_radar_spokes_name_the_lessons(cases):
    ax = plot.lesson_plot(cases["haverdonk"], kind="radar", lang="nl")
    spokes = [t.get_text() for t in ax.get_xticklabels()]
    assert spokes[0] == "1. gaat op stap" and spokes[6] == "7. toont zich\nbetrokken"
    plt.close("all")


def test_text_from_data_is_never_mathematics(tmp_path):
    from conftest import write_case_files

    actors = "id,name,kind\ngem,Budget $5 en $10,municipality\nx,Stad $^$,welfare_org\n"
    case = relnet.read_case(write_case_files(tmp_path / "c", actors=actors,
                                             ties="source,target,type\ngem,x,funding\n"))
    ax = plot.network_plot(case, lang="nl")
    shown = [t for t in ax.texts if "$" in t.get_text()]
    assert {t.get_text() for t in shown} == {"Budget $5 en $10", "Stad $^$"}
    ax.figure.canvas.draw()  # mathtext would fail or change the text here
    assert all(t.get_parse_math() is False for t in shown)
    plt.close("all")


def test_old_names_still_work_and_warn(cases):
    with pytest.warns(DeprecationWarning, match="network_plot"):
        ax = plot.network_map(cases["haverdonk"], None, None, "community")
    assert ax.get_legend() is not None
    with pytest.warns(DeprecationWarning, match="lesson_plot"):
        plot.lesson_profile(cases["haverdonk"])
    with pytest.warns(DeprecationWarning, match="wave_plot"):
        plot.wave_comparison(cases["haverdonk"], 2015, 2017)
    plt.close("all")


def test_colour_palette_is_okabe_ito():
    assert plot.OKABE_ITO[:3] == ["#E69F00", "#56B4E9", "#009E73"]
    assert set(plot.GROUP_COLOURS.values()) <= set(plot.OKABE_ITO) | {plot.GREY}


def test_the_partner_matrix_picks_out_the_chosen_partner():
    case = relnet.load_example("lindermeer")
    matrix = worded(relnet.partner_matrix(case), "nl")
    chosen = matrix["actor"].iloc[2]
    ax = relnet.plot.partner_matrix_plot(case, lang="nl", highlight=chosen)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "gekozen partner" in legend
    name = relnet.present.plot._labels.wrap(matrix["name"].iloc[2], 20, 40)
    weights = {t.get_text(): t.get_fontweight() for t in ax.texts}
    assert weights[name] == "bold"
    others = [n for n in matrix["name"].iloc[[0, 1, 3]]
              if relnet.present.plot._labels.wrap(n, 20, 40) in weights]
    assert others and all(weights[relnet.present.plot._labels.wrap(n, 20, 40)] != "bold"
                          for n in others)
    plain = relnet.plot.partner_matrix_plot(case, lang="nl")
    assert "gekozen partner" not in [t.get_text() for t in plain.get_legend().get_texts()]


def test_profile_plot_draws_each_value_before_its_chance_band():
    """A grey band per defined share (the baseline's 5-95% range) behind each value and its
    range; administrator_reach, a count, is left out."""
    from relnet.network.evidence import profile_evidence

    case = relnet.load_example("haverdonk")
    ax = plot.profile_plot(case, reps=200, lang="nl")
    found = profile_evidence(case, reps=200)
    shares = found[found["indicator"] != "administrator_reach"]
    bands = [p for p in ax.patches if p.get_width() > 0]
    assert len(bands) == shares["null_low"].notna().sum()
    widths = sorted(round(p.get_width(), 6) for p in bands)
    assert widths == sorted(round(h - lo, 6) for lo, h in
                            zip(shares["null_low"].dropna(), shares["null_high"].dropna()))
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "de gemeente als verbinder" in labels and not any("bestuurders" in t for t in labels)


def test_the_size_legend_names_three_different_values():
    """A betweenness legend of 0, 0,001 and 0,69 was written 0,00 / 0,00 / 0,69: as few
    decimals as keep the values apart, counts without decimals (a count's median rounded)."""
    from relnet.present.plot.network import _size_handles

    def shown(values):
        return [h.get_label() for h in _size_handles(np.array(values, dtype=float),
                                                       "betweenness", "nl")]

    assert shown([0, 0, 0.0007, 0.001, 0.69]) == ["0,000", "0,001", "0,690"]
    assert shown([0.1, 0.25, 0.5]) == ["0,10", "0,25", "0,50"]
    assert shown([1, 2, 3, 7]) == ["1", "2", "7"]  # median 2,5 of a count: 2
    assert shown([0, 0.00001, 0.00002, 0.9]) == ["0,0000", "0,9000"]  # never twice the same
    assert shown([3, 3, 3]) == []


@pytest.mark.slow
@pytest.mark.parametrize("size_by", ["betweenness", "pagerank", "degree"])
def test_size_legends_of_the_shipped_cases_never_repeat_a_value(cases, size_by):
    for case in cases.values():
        for wave in case.waves or [None]:
            ax = plot.network_plot(case, wave=wave, size_by=size_by, lang="nl")
            legends = ax.figure.findobj(plt.matplotlib.legend.Legend)
            for legend in legends:
                labels = [t.get_text() for t in legend.get_texts()]
                assert len(labels) == len(set(labels)), (case.name, wave, labels)
            plt.close("all")


def test_options_given_replace_the_figures_own(cases):
    """**kwargs reach matplotlib and win over relnet's settings (color, marker, sizes,
    aliases such as ms); legend=False, as seaborn took it, leaves the legend out."""
    case = cases["haverdonk"]
    ax = plot.lesson_plot(case, color="red", ms=10)
    lines = [line for line in ax.lines if line.get_marker() == "o"]
    assert lines and all(line.get_color() == "red" and line.get_markersize() == 10
                         for line in lines)
    ax = plot.wave_plot(case, marker="x", color="black", legend=False)
    assert ax.get_legend() is None
    assert all(np.allclose(c.get_facecolor()[0][:3], 0) for c in ax.collections)
    ax = plot.trust_value_plot(case, s=200, ec="black", legend=False)
    assert ax.get_legend() is None and set(ax.collections[0].get_sizes()) == {200}
    assert plot.lesson_plot(case, legend=False).get_legend() is None
    plt.close("all")


def test_a_lesson_that_differs_keeps_the_lessons_readable(cases):
    """With a "differs" marker the legend has four entries: side by side they pushed the
    lessons into a sliver of the figure (10% of its width); one per line they do not."""
    case = cases["haverdonk"]
    lessons = case.lessons.copy()
    lessons.loc[((lessons["wave"] == 2017) & (lessons["lesson"] == 1)).to_numpy(), "score"] = 4.0
    others = [c for c in cases.values() if c is not case]
    edited = case.copy(lessons=lessons)
    assert relnet.lesson_benchmark(edited, others)["differs"].any()
    ax = plot.lesson_plot(edited, others, lang="nl")
    ax.figure.canvas.draw()
    assert ax.get_position().width > 0.5
    plt.close("all")


def test_size_legend_of_odd_values():
    from relnet.present.plot.network import _size_handles

    def shown(values):
        return [h.get_label() for h in _size_handles(np.array(values, dtype=float),
                                                       "betweenness", "nl")]

    assert shown([np.nan, np.nan]) == [] and shown([]) == []
    assert shown([0, 1, np.inf]) == ["0", "1"]  # what is not finite is left out
    assert shown([1e-9, 2e-9, 5e-9]) == ["0,0000"]  # not a count: shares too small to tell

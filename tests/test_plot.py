"""Every figure draws on every shipped case in Dutch and English without a warning
(warnings are errors in this suite) and saves as SVG, PNG (300 dpi) and PDF."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import relnet
from relnet import plot

NAMES = list(relnet.list_cases()["name"])


@pytest.fixture(scope="module")
def cases():
    return {n: relnet.load_example(n) for n in NAMES}


def draw_all(case, others, lang):
    return {
        "network_kind": plot.network_map(case, lang=lang, color_by="kind"),
        "network_domain": plot.network_map(case, lang=lang, color_by="domain",
                                           size_by="betweenness", wave=case.waves[0]),
        "network_community": plot.network_map(case, lang=lang, color_by="community",
                                              size_by="pagerank"),
        "partner_matrix": plot.partner_matrix_plot(case, lang=lang),
        "goal_tree": plot.goal_tree_plot(case, lang=lang),
        "roles": plot.roles_plot(case, lang=lang),
        "lessons_interval": plot.lesson_profile(case, others, lang=lang),
        "lessons_radar": plot.lesson_profile(case, others, kind="radar", lang=lang),
        "waves": plot.wave_comparison(case, lang=lang),
    }


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_every_figure_on_every_case(cases, name, lang):
    axes = draw_all(cases[name], list(cases.values()), lang)
    for key, ax in axes.items():
        assert ax.get_title(), key
        assert ax.figure.get_size_inches()[0] <= 16, key
    titles = " ".join(ax.get_title() for ax in axes.values())
    if lang == "nl":
        assert "Partnermatrix" in titles and "Doelenboom" in titles
    else:
        assert "Partner strategy matrix" in titles and "Goal tree" in titles
    plt.close("all")


def test_figures_save_in_every_format(cases, tmp_path):
    case = cases["haverdonk"]
    for key, ax in draw_all(case, list(cases.values()), "en").items():
        written = plot.save_figure(ax, tmp_path / key)
        assert sorted(p.suffix for p in written) == [".pdf", ".png", ".svg"]
        for path in written:
            assert path.stat().st_size > 1000
        assert (tmp_path / f"{key}.svg").read_text().lstrip().startswith(("<?xml", "<svg"))
        assert (tmp_path / f"{key}.pdf").read_bytes().startswith(b"%PDF")
        with Image.open(tmp_path / f"{key}.png") as png:
            assert round(png.info["dpi"][0]) == 300
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_save_figure_refuses_to_overwrite(tmp_path, cases):
    ax = plot.goal_tree_plot(cases["welderhoven"])
    plot.save_figure(ax, tmp_path / "tree.png")
    before = (tmp_path / "tree.png").read_bytes()
    with pytest.raises(FileExistsError):
        plot.save_figure(ax, tmp_path / "tree.png")
    assert (tmp_path / "tree.png").read_bytes() == before
    plot.save_figure(ax, tmp_path / "tree.png", overwrite=True)


def test_network_map_options(cases):
    case = cases["haverdonk"]
    relnet.register_metric("twice_degree", lambda G: {n: 2 * d for n, d in G.degree()},
                           level="actor")
    try:
        ax = plot.network_map(case, size_by="twice_degree")
        assert ax.collections
    finally:
        relnet.unregister_metric("twice_degree")
    municipal = case.actors.loc[case.actors["kind"].isin(relnet.data.vocab.MUNICIPAL_KINDS), "id"]
    full = plot.network_map(case)
    what_if = plot.network_map(case, removed=list(municipal))
    n_full = sum(len(c.get_offsets()) for c in full.collections if hasattr(c, "get_offsets"))
    n_what_if = sum(len(c.get_offsets()) for c in what_if.collections
                    if hasattr(c, "get_offsets"))
    assert n_full - n_what_if == len(municipal)
    with pytest.raises(ValueError, match="size_by"):
        plot.network_map(case, size_by="shoe_size")
    with pytest.raises(ValueError, match="color_by"):
        plot.network_map(case, color_by="mood")


def test_partner_matrix_plot_draws_moves_and_labels(cases):
    case = cases["lindermeer"]
    matrix = relnet.partner_matrix(case)
    ax = plot.partner_matrix_plot(case, matrix=matrix)
    # one arrow per partner with a desired move, all in one quiver
    from matplotlib.quiver import Quiver

    (quiver,) = [c for c in ax.collections if isinstance(c, Quiver)]
    assert len(quiver.U) == matrix["move"].notna().sum() == 7
    moved = matrix[matrix["move"].notna()].reset_index(drop=True)
    for i, move in enumerate(moved["move"]):
        assert np.sign(quiver.U[i]) == ("right" in move) - ("left" in move) or \
            moved.loc[i, "dependency"] in (0, 10)
        assert np.sign(quiver.V[i]) == ("up" in move) - ("down" in move) or \
            moved.loc[i, "influence"] in (0, 10)
    label_text = " ".join(t.get_text() for t in ax.texts).replace("\n", " ")
    for name in matrix["name"]:
        assert name in label_text


def test_colour_palette_is_okabe_ito():
    assert plot.OKABE_ITO[:3] == ["#E69F00", "#56B4E9", "#009E73"]
    assert set(plot.GROUP_COLOURS.values()) <= set(plot.OKABE_ITO) | {plot.GREY}

"""Figures for reports and screens: each function takes ``ax=`` and ``lang=``, returns the Axes.

Colours come from the Okabe-Ito palette (Okabe & Ito 2008), distinguishable with the
common forms of colour blindness; shapes carry meaning too (municipal actors are squares).
Sizes suit an A4 report (about 16 cm wide at 300 dpi) and a projector. `save_figure`
exports SVG, PNG (300 dpi) and PDF, atomically and without overwriting by default.
"""

import math
import os
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use(os.environ.get("MPLBACKEND", matplotlib.get_backend()))

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import FancyBboxPatch, Patch, Rectangle  # noqa: E402

from ..data._atomic import atomic_write, check_target  # noqa: E402
from ..data.vocab import DOMAINS, INFORMAL_KINDS, MUNICIPAL_KINDS, ROLES  # noqa: E402
from ..instruments.content import LESSONS  # noqa: E402
from ..instruments.goals import goal_coverage, goal_tree  # noqa: E402
from ..instruments.governance import role_conflicts, role_overview  # noqa: E402
from ..instruments.lessons import lesson_benchmark, lesson_scores  # noqa: E402
from ..instruments.partners import QUADRANT_LABELS, partner_matrix  # noqa: E402
from ..network._cache import snapshot  # noqa: E402
from ..network.metrics import actor_metrics  # noqa: E402
from ..network.waves import wave_changes  # noqa: E402

__all__ = [
    "network_map", "partner_matrix_plot", "goal_tree_plot", "roles_plot", "lesson_profile",
    "wave_comparison", "save_figure", "OKABE_ITO", "LABELS", "label", "kind_group",
    "metric_label", "METRIC_LABELS", "fixed_axes",
]

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
             "#000000"]
GREY = "#999999"
FIGSIZE = (6.3, 4.6)  # inches: 16 cm, the text width of an A4 report
RC = {"font.size": 9, "axes.titlesize": 10, "axes.labelsize": 9, "legend.fontsize": 8,
      "xtick.labelsize": 8, "ytick.labelsize": 8, "svg.fonttype": "none",
      "pdf.fonttype": 42, "axes.spines.top": False, "axes.spines.right": False}

# kind -> group shown in colour legends
KIND_GROUPS = {
    **{k: "municipal" for k in MUNICIPAL_KINDS},
    "affiliated_body": "affiliated",
    "care_provider": "care_welfare", "welfare_org": "care_welfare",
    "education": "education_work", "housing": "education_work", "employer": "education_work",
    **{k: "informal" for k in INFORMAL_KINDS},
    "other_municipality": "other_municipality", "other": "other",
}
GROUP_COLOURS = {"municipal": OKABE_ITO[4], "affiliated": OKABE_ITO[6],
                 "care_welfare": OKABE_ITO[2], "education_work": OKABE_ITO[0],
                 "informal": OKABE_ITO[5], "other_municipality": OKABE_ITO[1], "other": GREY}
DOMAIN_COLOURS = dict(zip(DOMAINS, OKABE_ITO[:7] + ["#882255", "#44AA99", GREY]))

LABELS = {
    "en": {
        "municipal": "municipal", "affiliated": "affiliated body",
        "care_welfare": "care and welfare", "education_work": "education, housing, work",
        "informal": "informal",
        "other_municipality": "other municipality", "other": "other",
        "influence": "Influence on the goals", "dependency": "Dependency (alternatives?)",
        "partner_matrix": "Partner strategy matrix", "network": "Relationship network",
        "goal_tree": "Goal tree", "no_partner": "no partner", "partners": "partners",
        "roles": "Roles toward affiliated bodies", "conflict": "conflict",
        "missing": "missing", "lessons": "10-lesson self-assessment",
        "mean_ci": "mean score with 95% interval (1-5)", "benchmark": "other cases",
        "this_case": "this case", "wave_changes": "Change between waves",
        "value": "value", "community": "community", "domain": "domain", "size": "size",
        "covered": "covered", "uncovered": "no partner", "municipal_marker": "municipal actor",
        "move": "desired move", "differs": "differs (Welch t-test, p < 0.05)",
        **{k: k.replace("_", " ") for k in ROLES}, **{d: d for d in DOMAINS},
    },
    "nl": {
        "municipal": "gemeentelijk", "affiliated": "verbonden partij",
        "care_welfare": "zorg en welzijn", "education_work": "onderwijs, wonen, werk",
        "informal": "informeel",
        "other_municipality": "andere gemeente", "other": "overig",
        "influence": "Invloed op de doelen", "dependency": "Afhankelijkheid (alternatieven?)",
        "partner_matrix": "Partnermatrix", "network": "Relatienetwerk",
        "goal_tree": "Doelenboom", "no_partner": "geen partner", "partners": "partners",
        "roles": "Rollen tegenover verbonden partijen", "conflict": "conflict",
        "missing": "ontbreekt", "lessons": "Zelfevaluatie 10 lessen",
        "mean_ci": "gemiddelde score met 95%-interval (1-5)", "benchmark": "andere casussen",
        "this_case": "deze casus", "wave_changes": "Verandering tussen metingen",
        "value": "waarde", "community": "cluster", "domain": "domein", "size": "grootte",
        "covered": "gedekt", "uncovered": "geen partner",
        "municipal_marker": "gemeentelijke actor", "move": "gewenste beweging",
        "differs": "verschilt (Welch t-toets, p < 0,05)",
        **ROLES, **DOMAINS,
    },
}


METRIC_LABELS = {
    "en": {
        "n_actors": "actors", "n_ties": "links", "density": "density",
        "components": "components", "largest_component_share": "largest component share",
        "degree_centralization": "degree centralization",
        "betweenness_centralization": "betweenness centralization",
        "reciprocity": "reciprocity", "clustering": "clustering",
        "transitivity": "transitivity", "modularity": "modularity",
        "outward_share": "1 outward share", "informal_facilitation": "4 informal facilitation",
        "provider_density": "5 provider density", "mutuality": "7 mutuality",
        "informal_share": "8 informal share", "administrator_reach": "9 administrator reach",
        "cross_domain_share": "10 cross-domain share", "hub_dependence": "hub dependence",
    },
    "nl": {
        "n_actors": "actoren", "n_ties": "relaties", "density": "dichtheid",
        "components": "componenten", "largest_component_share": "aandeel grootste component",
        "degree_centralization": "centralisatie (degree)",
        "betweenness_centralization": "centralisatie (betweenness)",
        "reciprocity": "wederkerigheid", "clustering": "clustering",
        "transitivity": "transitiviteit", "modularity": "modulariteit",
        "outward_share": "1 naar buiten gericht", "informal_facilitation":
            "4 facilitering informeel", "provider_density": "5 dichtheid aanbieders",
        "mutuality": "7 wederkerigheid met partners", "informal_share": "8 aandeel informeel",
        "administrator_reach": "9 bereik bestuurders",
        "cross_domain_share": "10 domeinoverstijgend", "hub_dependence": "gemeente als spil",
    },
}


def metric_label(name, lang="en"):
    """The display name of a metric or indicator (registered metrics keep their name)."""
    return METRIC_LABELS.get(lang, METRIC_LABELS["en"]).get(name, name.replace("_", " "))


def label(key, lang="en"):
    """A user-facing label in Dutch or English (the key itself when unknown)."""
    return LABELS.get(lang, LABELS["en"]).get(key, key.replace("_", " "))


def kind_group(kind):
    return KIND_GROUPS.get(kind, "other")


def _axes(ax, figsize=FIGSIZE, **kwargs):
    if ax is not None:
        return ax
    with plt.rc_context(RC):
        fig = plt.figure(figsize=figsize, layout="constrained")
        return fig.add_subplot(**kwargs)


def fixed_axes(margins, figsize=FIGSIZE):
    """Axes with fixed margins (left, right, top, bottom), drawn in one pass: for figures
    that are redrawn on every move of a slider."""
    with plt.rc_context(RC):
        fig = plt.figure(figsize=figsize)
        left, right, top, bottom = margins
        fig.subplots_adjust(left=left, right=right, top=top, bottom=bottom)
        return fig.add_subplot()


def _wrap(text, width=18):
    """Wrap at spaces only: Dutch compounds ("Werkervaringsplekken") stay whole."""
    return "\n".join(textwrap.wrap(str(text), width, break_long_words=False,
                                   break_on_hyphens=True)) or str(text)


def _repel(ax, texts, x=None, y=None, objects=None):
    """Move labels apart and off the points (adjustText), keeping them near their points."""
    if not texts:
        return
    from adjustText import adjust_text

    ax.figure.draw_without_rendering()  # adjustText measures the texts as drawn
    adjust_text(texts, x=x, y=y, objects=objects, ax=ax, expand=(1.2, 1.4), force_text=(0.3, 0.5),
                force_static=(0.3, 0.5), max_move=(30, 30), iter_lim=300,
                arrowprops=dict(arrowstyle="-", lw=0.5, color=GREY))


# --------------------------------------------------------------------------- network


def layout(case, wave=None, types=None):
    """Positions of the wave's actors (cached per case, wave and types)."""
    snap = snapshot(case, wave, types)

    return snap.cached("layout", lambda: _packed_layout(snap.G))


def _packed_layout(G):
    """Spring layout per connected component, packed: the largest in the middle, smaller
    components and isolates in rows beneath it (so an isolate does not squash the rest)."""
    components = sorted(nx.connected_components(G), key=lambda c: (-len(c), min(c)))
    if not components:
        return {}
    pos = {}
    main = G.subgraph(components[0])
    pos.update(_component_layout(main))
    rest = components[1:]
    if rest:
        cell = 0.25
        per_row = max(1, int(2.0 / cell))
        for i, component in enumerate(rest):
            centre = np.array([-1.0 + cell / 2 + (i % per_row) * cell,
                               -1.25 - (i // per_row) * cell])
            sub = G.subgraph(component)
            local = nx.spring_layout(sub, seed=0, scale=cell * 0.35) if len(sub) > 1 \
                else {next(iter(sub)): np.zeros(2)}
            pos.update({node: centre + xy for node, xy in local.items()})
    return pos


def _component_layout(G):
    """networkx's spring layout for small components; igraph's Fruchterman-Reingold (C,
    from a seeded start, so the same case gives the same picture) for large ones."""
    n = G.number_of_nodes()
    if n == 1:
        return {next(iter(G)): np.zeros(2)}
    if n <= 300:
        return nx.spring_layout(G, seed=0, k=1.6 / math.sqrt(n), iterations=100)
    import igraph as ig

    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    g = ig.Graph(n=n, edges=[(index[u], index[v]) for u, v in G.edges])
    start = np.random.default_rng(0).uniform(-1, 1, size=(n, 2)).tolist()
    # fewer iterations on very large components: 300 takes over a minute at 10,000 actors
    niter = 300 if n <= 2000 else max(40, 300 * 2000 // n)
    xy = np.array(g.layout_fruchterman_reingold(seed=start, niter=niter,
                                                grid=n > 2000 or "auto").coords)
    xy -= xy.mean(axis=0)
    xy /= np.abs(xy).max() or 1
    return dict(zip(nodes, xy))


def _place_labels(ax, points, texts, fontsize=7):
    """Greedy label placement: for each label (most important first) try eight spots
    around its point and keep the first that overlaps no earlier label; else skip it."""
    fig = ax.figure
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    width_in, height_in = ax.get_position().width * fig.get_figwidth(), \
        ax.get_position().height * fig.get_figheight()
    per_x = (x1 - x0) / (width_in * 72)  # data units per point
    per_y = (y1 - y0) / (height_in * 72)
    taken = []
    offsets = [(0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1)]
    for (px, py), text in zip(points, texts):
        lines = text.split("\n")
        w = max(map(len, lines)) * fontsize * 0.55 * per_x
        h = len(lines) * fontsize * 1.2 * per_y
        gap_x, gap_y = 6 * per_x, 5 * per_y
        for dx, dy in offsets:
            cx = px + dx * (w / 2 + gap_x)
            cy = py + dy * (h / 2 + gap_y)
            box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            if all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3]
                   for b in taken):
                taken.append(box)
                ax.text(cx, cy, text, fontsize=fontsize, ha="center", va="center", zorder=5,
                        bbox=dict(facecolor="white", edgecolor="none", alpha=0.7, pad=0.5))
                break


def network_map(case, wave=None, types=None, color_by="kind", size_by="degree", lang="en",
                ax=None, labels=8, removed=(), title=None, repel=True):
    """The relationship network: colour by kind, domain or community, size by any metric.

    Municipal actors are squares with a dark edge. `removed` actors (a what-if) are left
    out; positions stay those of the full network so that pictures compare. The `labels`
    largest actors are named; labels are moved apart with adjustText up to 300 actors and
    placed greedily beyond that or with ``repel=False`` (fast, for live explorers).
    """
    ax = _axes(ax)
    pos = layout(case, wave, types)
    snap = snapshot(case, wave, types)
    arrays = snap.arrays
    metrics = actor_metrics(case, wave, types)
    if size_by not in metrics.columns:
        raise ValueError(f"size_by must be one of {', '.join(metrics.columns)}")
    keep = ~np.isin(np.asarray(arrays.ids, dtype=object), list(removed))
    nodes = [a for a, k in zip(arrays.ids, keep) if k]
    actors = snap.actors[keep]
    kinds = dict(zip(actors["id"], actors["kind"]))
    if color_by == "kind":
        groups = [kind_group(kinds.get(n)) for n in nodes]
        colours = [GROUP_COLOURS[g] for g in groups]
        legend = {label(g, lang): c for g, c in GROUP_COLOURS.items() if g in set(groups)}
    elif color_by == "domain":
        first = [next((d for d in str(cell).split("|") if d != "general"), "general")
                 if isinstance(cell, str) else "general" for cell in actors["domain"]]
        colours = [DOMAIN_COLOURS.get(d, GREY) for d in first]
        legend = {label(d, lang): DOMAIN_COLOURS[d] for d in DOMAINS if d in set(first)}
    elif color_by == "community":
        palette = OKABE_ITO[:7]
        community = metrics["community"].reindex(nodes).to_numpy()
        colours = [palette[c] if c < 7 else GREY for c in community]
        legend = {f"{label('community', lang)} {i + 1}": palette[i]
                  for i in range(min(7, metrics["community"].max() + 1))}
    else:
        raise ValueError("color_by must be 'kind', 'domain' or 'community'")
    values = metrics[size_by].reindex(nodes).astype(float).fillna(0).to_numpy()
    span = values.max() - values.min() if len(values) else 0
    sizes = 40 + 360 * ((values - values.min()) / span if span else np.zeros(len(values)))
    xy_all = np.array([pos[a] for a in arrays.ids]) if arrays.n else np.zeros((0, 2))
    links = keep[arrays.u] & keep[arrays.v]
    segments = np.stack([xy_all[arrays.u[links]], xy_all[arrays.v[links]]], axis=1) \
        if links.any() else np.zeros((0, 2, 2))
    ax.add_collection(LineCollection(segments, colors=GREY, alpha=0.5, zorder=1,
                                     linewidths=0.4 + 0.3 * arrays.weight[links]))
    xy = xy_all[keep]
    municipal = np.array([kinds.get(n) in MUNICIPAL_KINDS for n in nodes], dtype=bool)
    colours = np.array(colours, dtype=object)
    for mask, shape, edge in ((~municipal, "o", "white"), (municipal, "s", "black")):
        if mask.any():
            ax.scatter(xy[mask, 0], xy[mask, 1], s=sizes[mask], c=list(colours[mask]),
                       marker=shape, edgecolors=edge, linewidths=0.8, zorder=2)
    if len(xy):
        pad = 0.08 * max(np.ptp(xy[:, 0]), np.ptp(xy[:, 1]), 1e-9)
        ax.set_xlim(xy[:, 0].min() - pad, xy[:, 0].max() + pad)
        ax.set_ylim(xy[:, 1].min() - pad, xy[:, 1].max() + pad)
    if labels and nodes:
        top = pd.Series(values, index=nodes).nlargest(labels).index
        names = dict(zip(actors["id"], actors["name"]))
        if repel and len(nodes) <= 300:
            texts = [ax.text(*pos[n], _wrap(names.get(n, n), 22), fontsize=7, ha="center",
                             va="bottom") for n in top]
            xy = np.array([pos[n] for n in nodes])
            _repel(ax, texts, xy[:, 0], xy[:, 1])
        else:
            _place_labels(ax, [pos[n] for n in top], [_wrap(names.get(n, n), 22) for n in top])
    handles = [Line2D([], [], marker="o", ls="", color=c, label=k, markersize=6)
               for k, c in legend.items()]
    handles.append(Line2D([], [], marker="s", ls="", color="white", markeredgecolor="black",
                          label=label("municipal_marker", lang), markersize=6))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), frameon=False,
              ncol=3, columnspacing=1.0, handletextpad=0.3)
    ax.set_axis_off()
    wave = snap.wave
    ax.set_title(title or f"{label('network', lang)} {case.meta.get('municipality', '')} "
                          f"{wave if wave else ''}".strip())
    return ax


# --------------------------------------------------------------------------- partners


def partner_matrix_plot(case, wave=None, threshold=5, lang="en", ax=None, moves=True,
                        matrix=None, repel=True):
    """The partner matrix: quadrants shaded and labelled, partners labelled, moves as arrows.

    `matrix` may be a precomputed `partner_matrix` table (e.g. with scores a trainer moved).
    ``repel=False`` places labels greedily instead of with adjustText (fast, for explorers).
    """
    ax = _axes(ax, figsize=(6.3, 5.6))
    m = matrix if matrix is not None else partner_matrix(case, wave, threshold, lang)
    shades = {"strategic": OKABE_ITO[2], "leverage": OKABE_ITO[1],
              "bottleneck": OKABE_ITO[0], "routine": GREY}
    corners = {"strategic": (threshold, 10, threshold, 10), "leverage": (0, threshold,
                                                                          threshold, 10),
               "bottleneck": (threshold, 10, 0, threshold), "routine": (0, threshold, 0,
                                                                       threshold)}
    static = []
    for key, (x0, x1, y0, y1) in corners.items():
        ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, color=shades[key], alpha=0.15,
                               lw=0, zorder=0))
        # at the outer corner of the quadrant, away from the crowded centre
        right, top = x0 >= threshold, y0 >= threshold
        static.append(ax.text(x1 - 0.15 if right else x0 + 0.15, y1 - 0.15 if top else y0 + 0.15,
                              QUADRANT_LABELS[lang][key].upper(), ha="right" if right else "left",
                              va="top" if top else "bottom", fontsize=8, color="#333333",
                              fontweight="bold", zorder=1))
    ax.axhline(threshold, color="#555555", lw=0.8)
    ax.axvline(threshold, color="#555555", lw=0.8)
    x, y = m["dependency"].to_numpy(dtype=float), m["influence"].to_numpy(dtype=float)
    ax.scatter(x, y, s=36, color=OKABE_ITO[4], edgecolor="white", zorder=3)
    if moves:
        step = 1.6
        arrows = [(xi, yi, np.clip(xi + step * (("right" in mv) - ("left" in mv)), 0, 10) - xi,
                   np.clip(yi + step * (("up" in mv) - ("down" in mv)), 0, 10) - yi)
                  for xi, yi, mv in zip(x, y, m["move"]) if isinstance(mv, str) and mv]
        if arrows:
            ax_, ay_, dx_, dy_ = map(np.array, zip(*arrows))
            # one quiver for all arrows: far cheaper to draw than an annotation each
            ax.quiver(ax_, ay_, dx_, dy_, angles="xy", scale_units="xy", scale=1,
                      color=OKABE_ITO[5], width=0.005, headwidth=4, headlength=5, zorder=2)
    ax.set_xlim(-0.3, 10.3)
    ax.set_ylim(-0.3, 10.3)
    # partners with the same scores share one label instead of printing over each other
    spots = {}
    for xi, yi, n in zip(x, y, m["name"]):
        spots.setdefault((xi, yi), []).append(_wrap(n, 20))
    if repel:
        texts = [ax.text(xi, yi, "\n".join(names), fontsize=7, zorder=4)
                 for (xi, yi), names in spots.items()]
        _repel(ax, texts, x, y, objects=static)
    else:
        _place_labels(ax, list(spots), ["\n".join(names) for names in spots.values()])
    ax.set_xlabel(label("dependency", lang))
    ax.set_ylabel(label("influence", lang))
    if moves and m["move"].notna().any():
        ax.legend(handles=[Line2D([], [], color=OKABE_ITO[5], marker=">", label=label("move",
                                                                                   lang))],
                  loc="upper center", bbox_to_anchor=(0.5, -0.09), frameon=False)
    wave = case.resolve_wave(wave)
    ax.set_title(f"{label('partner_matrix', lang)} {case.meta.get('municipality', '')} "
                 f"{wave or ''}".strip())
    return ax


# --------------------------------------------------------------------------- goals


def _tree_positions(tree, root):
    """A tidy top-down layout: leaves evenly spaced, parents centred over their children."""
    x, order = {}, []

    def place(node):
        children = list(tree.successors(node))
        if not children:
            x[node] = len(order)
            order.append(node)
        else:
            for child in children:
                place(child)
            x[node] = (x[children[0]] + x[children[-1]]) / 2

    place(root)
    return {n: (x[n], -tree.nodes[n]["depth"]) for n in tree}


def goal_tree_plot(case, lang="en", ax=None):
    """The goal tree, top-down; goals without any partner below them are marked."""
    tree = goal_tree(case)
    coverage = goal_coverage(case).set_index("goal")
    root = next(n for n in tree if tree.in_degree(n) == 0)
    pos = _tree_positions(tree, root)
    width = max(x for x, _ in pos.values()) + 1
    depth = -min(y for _, y in pos.values()) + 1
    ax = _axes(ax, figsize=(max(6.3, min(16, 1.45 * width)), 1.3 + 1.1 * depth))
    for parent, child in tree.edges:
        (x0, y0), (x1, y1) = pos[parent], pos[child]
        ax.plot([x0, x0, x1, x1], [y0 - 0.28, (y0 + y1) / 2, (y0 + y1) / 2, y1 + 0.28],
                color=GREY, lw=0.8, zorder=1)
    for goal, (xg, yg) in pos.items():
        covered = bool(coverage.loc[goal, "covered"])
        box = FancyBboxPatch((xg - 0.46, yg - 0.28), 0.92, 0.56,
                             boxstyle="round,pad=0.02,rounding_size=0.08",
                             facecolor="#DCEFE8" if covered else "#FBE3D6",
                             edgecolor=OKABE_ITO[2] if covered else OKABE_ITO[5],
                             hatch=None if covered else "///", lw=1.0 if covered else 1.6,
                             zorder=2)
        ax.add_patch(box)
        ax.text(xg, yg + 0.06, _wrap(tree.nodes[goal]["label"], 16), ha="center",
                va="center", fontsize=7, zorder=3,
                bbox=None if covered else dict(facecolor="white", edgecolor="none", pad=1))
        note = (f"{int(coverage.loc[goal, 'partners_total'])} {label('partners', lang)}"
                if covered else label("no_partner", lang))
        ax.text(xg, yg - 0.2, note, ha="center", va="center", fontsize=6.5, zorder=3,
                color="#333333" if covered else OKABE_ITO[5], fontweight="bold",
                bbox=None if covered else dict(facecolor="white", edgecolor="none", pad=1))
    ax.set_xlim(-0.6, width - 0.4)
    ax.set_ylim(-depth + 0.5, 0.5)
    ax.set_axis_off()
    ax.legend(handles=[Patch(facecolor="#DCEFE8", edgecolor=OKABE_ITO[2],
                             label=label("covered", lang)),
                       Patch(facecolor="#FBE3D6", edgecolor=OKABE_ITO[5], hatch="///",
                             label=label("uncovered", lang))],
              loc="lower left", bbox_to_anchor=(0, -0.02), frameon=False, ncol=2)
    ax.set_title(f"{label('goal_tree', lang)} {case.meta.get('municipality', '')}".strip())
    return ax


# --------------------------------------------------------------------------- roles


def roles_plot(case, lang="en", ax=None):
    """Bodies x roles with the holders; conflicts outlined, missing required roles hatched."""
    overview = role_overview(case, labels=True)
    findings = role_conflicts(case, lang)
    roles = list(ROLES)
    bodies = list(overview.index)
    names = dict(zip(case.actors["id"], case.actors["name"]))
    ax = _axes(ax, figsize=(6.3, 0.9 + 0.55 * max(len(bodies), 1)))
    conflict = set(findings.loc[findings["rule"] == "commissioner_is_owner", "body"])
    missing = {(b, "commissioner") for b in findings.loc[findings["rule"] == "no_commissioner",
                                                          "body"]}
    missing |= {(b, "director") for b in findings.loc[findings["rule"] == "no_director", "body"]}
    for i, body in enumerate(bodies):
        for j, role in enumerate(roles):
            holder = overview.loc[body, role]
            is_conflict = body in conflict and role in ("commissioner", "owner")
            is_missing = (body, role) in missing
            face = "#FBE3D6" if is_conflict else ("#FFFFFF" if is_missing else "#EAF2FA")
            ax.add_patch(Rectangle((j, -i - 1), 1, 1, facecolor=face,
                                   edgecolor=OKABE_ITO[5] if is_conflict or is_missing
                                   else "white", lw=2.0 if is_conflict else 1.0,
                                   hatch="///" if is_missing else None, zorder=1))
            text = _wrap(holder, 16) if isinstance(holder, str) else (
                label("missing", lang) if is_missing else "")
            ax.text(j + 0.5, -i - 0.5, text, ha="center", va="center", fontsize=7,
                    color=OKABE_ITO[5] if is_missing else "black", zorder=2,
                    bbox=dict(facecolor="white", edgecolor="none", pad=1) if is_missing else None)
    ax.set_xlim(0, len(roles))
    ax.set_ylim(-max(len(bodies), 1), 0)
    ax.set_xticks([j + 0.5 for j in range(len(roles))], [label(r, lang) for r in roles])
    ax.xaxis.tick_top()
    ax.set_yticks([-i - 0.5 for i in range(len(bodies))],
                  [_wrap(names.get(b, b), 28) for b in bodies])
    ax.tick_params(length=0)
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)
    handles = [Patch(facecolor="#FBE3D6", edgecolor=OKABE_ITO[5], lw=2,
                     label=label("conflict", lang)),
               Patch(facecolor="white", edgecolor=OKABE_ITO[5], hatch="///",
                     label=label("missing", lang))]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, 0), ncol=2,
              frameon=False)
    ax.set_title(label("roles", lang), pad=22)
    return ax


# --------------------------------------------------------------------------- lessons


def lesson_profile(case, others=(), wave=None, kind="interval", lang="en", ax=None):
    """The self-assessment per lesson: ``kind="interval"`` (means with 95% intervals,
    against the other cases when given) or ``kind="radar"``."""
    others = [o for o in others if o is not case]
    if others:
        table = lesson_benchmark(case, others, wave, lang)
    else:
        table = lesson_scores(case, wave).assign(title=[LESSONS[i][lang] for i in range(1, 11)])
    titles = [f"{n}. {_wrap(t, 28)}" for n, t in zip(table["lesson"], table["title"])]
    own = label("this_case", lang)
    bench = label("benchmark", lang)
    if kind == "radar":
        ax = _axes(ax, figsize=(6.3, 5.6), projection="polar")
        angles = np.linspace(0, 2 * np.pi, 10, endpoint=False)
        closed = np.append(angles, angles[0])
        series = [(own, table["mean"], OKABE_ITO[4])]
        if others:
            series.append((bench, table["bench_mean"], OKABE_ITO[0]))
        for name, values, colour in series:
            v = np.append(values.to_numpy(dtype=float), values.iloc[0])
            ax.plot(closed, v, color=colour, lw=1.6, label=name)
            ax.fill(closed, v, color=colour, alpha=0.15)
        ax.set_xticks(angles, [f"{n}" for n in table["lesson"]])
        ax.set_ylim(0, 5)
        ax.set_yticks([1, 2, 3, 4, 5])
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=2, frameon=False)
    elif kind == "interval":
        ax = _axes(ax, figsize=(6.3, 5.2))
        y = np.arange(10)[::-1]
        offset = 0.17 if others else 0.0
        ax.errorbar(table["mean"], y + offset,
                    xerr=[table["mean"] - table["ci_low"], table["ci_high"] - table["mean"]],
                    fmt="o", color=OKABE_ITO[4], capsize=2, label=own)
        if others:
            ax.errorbar(table["bench_mean"], y - offset,
                        xerr=[table["bench_mean"] - table["bench_ci_low"],
                              table["bench_ci_high"] - table["bench_mean"]],
                        fmt="s", color=OKABE_ITO[0], capsize=2, label=bench)
            for yi, differs in zip(y, table["differs"]):
                if differs:
                    ax.text(5.15, yi, "*", fontsize=12, va="center", color=OKABE_ITO[5])
        ax.set_yticks(y, titles)
        ax.set_xlim(1, 5.3)
        ax.set_xlabel(label("mean_ci", lang))
        ax.grid(axis="x", color="#DDDDDD", lw=0.6)
        handles, names = ax.get_legend_handles_labels()
        if others:
            handles.append(Line2D([], [], ls="", marker="$*$", color=OKABE_ITO[5], markersize=8))
            names.append(label("differs", lang))
        ax.legend(handles, names, loc="upper center", bbox_to_anchor=(0.4, -0.1), ncol=3,
                  frameon=False)
    else:
        raise ValueError("kind must be 'interval' or 'radar'")
    ax.set_title(f"{label('lessons', lang)} {case.meta.get('municipality', '')}".strip())
    return ax


# --------------------------------------------------------------------------- waves


def wave_comparison(case, a=None, b=None, lang="en", ax=None, rows=None):
    """Indicators and selected metrics in wave `a` and wave `b` as a dumbbell plot."""
    waves = case.waves
    a = a if a is not None else waves[0]
    b = b if b is not None else waves[-1]
    metrics = wave_changes(case, a, b).metrics
    rows = rows or [m for m in metrics.index if metrics.loc[m, "kind"] == "indicator"
                    and m != "administrator_reach"] + ["density", "clustering",
                                                       "degree_centralization"]
    table = metrics.loc[rows]
    ax = _axes(ax, figsize=(6.3, 0.9 + 0.38 * len(rows)))
    y = np.arange(len(rows))[::-1]
    for yi, (va, vb) in zip(y, zip(table["a"], table["b"])):
        if not (math.isnan(va) or math.isnan(vb)):
            ax.annotate("", xy=(vb, yi), xytext=(va, yi),
                        arrowprops=dict(arrowstyle="-|>", color=GREY, lw=1.2))
    ax.scatter(table["a"], y, color=OKABE_ITO[0], zorder=3, label=str(a), marker="o")
    ax.scatter(table["b"], y, color=OKABE_ITO[4], zorder=3, label=str(b), marker="s")
    ax.set_yticks(y, [metric_label(r, lang) for r in rows])
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel(label("value", lang) + " (0-1)")
    ax.grid(axis="x", color="#DDDDDD", lw=0.6)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, frameon=False)
    ax.set_title(f"{label('wave_changes', lang)} {case.meta.get('municipality', '')} "
                 f"{a}-{b}".strip())
    return ax


# --------------------------------------------------------------------------- export


def save_figure(figure, path, formats=("svg", "png", "pdf"), dpi=300, overwrite=False):
    """Save a figure (or the figure of an Axes) as SVG, PNG (300 dpi) and/or PDF.

    `path` without suffix gets one file per format; with a suffix, that format only. Each
    file is written under a temporary name and renamed; existing files are refused unless
    ``overwrite=True``. Returns the paths written.
    """
    figure = getattr(figure, "figure", figure)
    path = Path(path)
    if path.suffix.lower().lstrip(".") in ("svg", "png", "pdf"):
        targets = [path]
    else:
        targets = [path.with_suffix(f".{f}") for f in formats]
    for target in targets:
        check_target(target, overwrite)
    written = []
    for target in targets:
        fmt = target.suffix.lstrip(".").lower()
        atomic_write(target, lambda temp, fmt=fmt, target=target: figure.savefig(
            temp, format=fmt, dpi=dpi, bbox_inches="tight", metadata=_metadata(target)),
            overwrite=True)
        written.append(target)
    return written


def _metadata(target):
    fmt = target.suffix.lower()
    if fmt == ".png":
        return {"Software": "relnet"}
    if fmt == ".svg":
        return {"Creator": "relnet", "Date": None}
    return {"Creator": "relnet", "CreationDate": None}

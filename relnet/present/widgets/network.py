"""The network explorer (with the interactive map) and the case browser."""

import html
import io
import re
import unicodedata

import ipywidgets as w
import numpy as np
import pandas as pd

from ... import i18n
from ..._docs import shared
from ...data._fingerprint import fingerprint
from ...data._inmemory import check_case
from ...data.arguments import renamed
from ...data.examples import list_cases, load_example
from ...data.vocab import MUNICIPAL_KINDS, TIE_TYPES
from ...network._cache import snapshot
from ...network.evidence import coding_sensitivity, profile_evidence
from ...network.graph import remove_actors
from ...network.indicators import district_profile, relational_profile
from ...network.metrics import actor_metric_names, actor_metrics, network_metrics
from ...network.quality import trust_value
from .. import plot
from ..content import LAWS, LESSONS, OPPORTUNITIES
from ..export import file_name, network_bytes, tables_bytes
from ..plot._labels import shorten
from ..plot._layout import AGGREGATE_ABOVE, network_layout
from ..plot._style import DOMAIN_COLOURS, GROUP_COLOURS, OKABE_ITO, kind_group
from ..tables import html_table, spans
from ..words import count_indicator, pseudonymised, response_note, trust_note
from ._base import (
    IMAGE_WIDTH,
    DownloadBar,
    Explorer,
    cases_of,
    figure_axes,
    first_case,
    note_html,
    on_projector,
    png,
    set_waves,
    source_note,
)

__all__ = ["network_explorer", "case_browser", "sigma_view", "find_actors"]

CARD_METRICS = ("degree", "betweenness", "closeness", "constraint", "community")


def map_colours(actors, metrics, color_by, lang):
    """(group per actor, palette group -> colour) of the interactive map, as the print map
    colours: by actor group, first specific domain, or Leiden community."""
    if color_by == "kind":
        groups = [i18n.t(f"group.{kind_group(k)}", lang) for k in actors["kind"]]
        palette = {i18n.t(f"group.{g}", lang): c for g, c in GROUP_COLOURS.items()}
    elif color_by == "domain":
        first = [next((d for d in str(c).split("|") if d != "general"), "general")
                 if isinstance(c, str) else "general" for c in actors["domain"]]
        groups = [i18n.t(f"domain.{d}", lang) for d in first]
        palette = {i18n.t(f"domain.{d}", lang): c for d, c in DOMAIN_COLOURS.items()}
    else:
        community = metrics["community"].reindex(actors["id"]).to_numpy()
        groups = [i18n.t("figure.community", lang, n=int(c) + 1) if c < 7 else
                  i18n.t("figure.other_communities", lang) for c in community]
        palette = {i18n.t("figure.community", lang, n=i + 1): OKABE_ITO[i] for i in range(7)}
        palette[i18n.t("figure.other_communities", lang)] = "#999999"
    return groups, palette


def map_legend(groups, palette, color_by, size_by, lang):
    """The interactive map's legend as HTML: a swatch per colour shown, what size shows,
    and the black border of municipal actors."""
    present = [g for g in palette if g in set(groups)]
    swatch = ("<span style='display:inline-block;width:12px;height:12px;border-radius:6px;"
              "background:{};margin:0 6px 0 12px;vertical-align:-1px'></span>{}")
    items = "".join(swatch.format(palette[g], html.escape(g)) for g in present)
    what = i18n.t(f"colour_by.{color_by}", lang)
    ring = ("<span style='display:inline-block;width:10px;height:10px;border-radius:6px;"
            "border:2px solid #000;margin:0 6px 0 12px;vertical-align:-1px'></span>")
    metric = i18n.label('metric', size_by, lang)
    return (f"<div class='relnet-map-legend' style='font-size:14px;line-height:1.9'>"
            f"<b>{html.escape(i18n.t('figure.colour_legend', lang, what=what))}</b>{items}<br>"
            f"<b>{html.escape(i18n.t('figure.size_legend', lang, metric=metric))}</b>"
            f"{ring}{html.escape(i18n.t('ui.map_border', lang))}</div>")


# ipysigma's own English controls (graph description, information button, its download and
# layout buttons) are hidden: the explorer's Dutch legend, card and downloads replace them.
HIDE_SIGMA_CHROME = (
    "<style>.relnet-explorer .ipysigma-graph-description,"
    ".relnet-explorer .ipysigma-information-show-button,"
    ".relnet-explorer .ipysigma-download-controls,"
    ".relnet-explorer .ipysigma-layout-controls{display:none !important}</style>")


@shared
def sigma_view(case, wave=None, types=None, color_by="kind", size_by="degree",
               removed=(), confirmed_only=False, lang=None, selected=None, height=520):
    """The interactive map (ipysigma, sigma.js in the browser, bundled: no CDN): zoom, pan,
    the name on hover, a selected actor highlighted with its neighbours; colours and sizes
    as in `relnet.plot.network_plot`, positions from the same layout.

    ipysigma's own search box and information panel are English and are hidden; the
    explorer's Dutch search and card take their place.

    Parameters
    ----------
    <<case, wave>>
    types : str or list of str, optional
        Tie types to draw (English or Dutch); None: every type.
    color_by : {"kind", "domain", "community"}
        Colour by actor group, first specific domain, or Leiden community (the seven
        largest; the rest grey). Any other value colours by community.
    size_by : str
        An actor metric (a column of `relnet.actor_metrics`, registered ones included);
        NaN counts as 0.
    removed : iterable of str
        Actor ids to leave out (a what-if); the others keep their places.
    confirmed_only : bool
        Only survey ties that both sides named.
    lang : {"nl", "en"}, optional
        Language of the group names; None: the default language set by
        `relnet.set_language` (Dutch by default).
    selected : str, optional
        The id of an actor to highlight with its neighbours (ignored when not shown).
    height : int
        The widget's height in pixels.

    Returns
    -------
    ipysigma.Sigma
        The interactive map widget; its ``selected_node`` is the highlighted actor.

    Raises
    ------
    <<raises_case>>
    ValueError
        `wave` is not one of the case's waves, a tie type is unknown, or `lang` is not a
        language relnet speaks.
    KeyError
        `size_by` is not an actor metric.

    See Also
    --------
    network_explorer : shows this map with search, card and measures.
    relnet.plot.network_plot : the map for print.
    """
    import networkx as nx
    from ipysigma import Sigma

    lang = i18n.resolve(lang)
    case = check_case(case)  # the door: checked and in the contract's form
    wave = case.resolve_wave(wave)
    snap = snapshot(case, wave, types, confirmed_only)
    metrics = actor_metrics(case, wave=wave, types=types, confirmed_only=confirmed_only)
    pos = network_layout(case, wave, types)
    removed = set(removed)
    actors = snap.actors[~snap.actors["id"].isin(removed)]
    groups, palette = map_colours(actors, metrics, color_by, lang)
    G = nx.Graph()
    sizes = metrics[size_by].reindex(actors["id"]).astype(float).fillna(0).to_numpy()
    for (actor, name, kind), group, size in zip(
            actors[["id", "name", "kind"]].itertuples(index=False), groups, sizes):
        G.add_node(actor, label=shorten(name), group=group, size=float(size),
                   border="#000000" if kind in MUNICIPAL_KINDS else "#ffffff")
    ids = np.asarray(snap.arrays.ids, dtype=object)
    for u, v, weight in zip(ids[snap.arrays.u], ids[snap.arrays.v], snap.arrays.weight):
        if u in G and v in G:
            G.add_edge(u, v, weight=float(weight))
    layout = {n: {"x": float(pos[n][0]), "y": float(pos[n][1])} for n in G if n in pos}
    view = Sigma(G, node_color="group", node_color_palette=palette, node_size="size",
                 node_size_range=(3, 16), raw_node_border_color="border",
                 default_node_border_size=1.5, layout=layout, hide_search=True,
                 hide_info_panel=True, height=height, default_edge_color="#c8c8c8",
                 edge_size="weight", edge_size_range=(0.6, 2.6), label_font="DejaVu Sans",
                 selected_node=selected if selected in G else None)
    view.legend_html = map_legend(groups, palette, color_by, size_by, lang)
    return view


def _folded(text):
    """Lower case without accents: "Café Één" -> "cafe een"."""
    return "".join(c for c in unicodedata.normalize("NFKD", str(text).casefold())
                   if not unicodedata.combining(c))


@shared
def find_actors(names, query, limit=8):
    """The actors whose name fits what a person typed: case and accents do not matter, and
    each typed word may be the start of a word in the name ("wijkteam n" finds "Wijkteam
    Noord") or, failing that, any part of it.

    Parameters
    ----------
    names : dict
        Actor id -> name.
    query : str
        What was typed.
    limit : int
        At most this many actors.

    Returns
    -------
    list of str
        Actor ids, best first: the exact name, then names whose words start with the typed
        words (shorter names first), then names that contain them.

    Examples
    --------
    >>> names = {"wn": "Wijkteam Noord", "wz": "Wijkteam Zuid", "c": "Café de Brug"}
    >>> find_actors(names, "wijkteam n"), find_actors(names, "CAFE"), find_actors(names, "xyz")
    (['wn'], ['c'], [])
    """
    words = re.findall(r"\w+", _folded(query))
    if not words:
        return []
    whole = " ".join(words)
    ranked = []
    for actor, name in names.items():
        folded = _folded(name)
        parts = re.findall(r"\w+", folded)
        if " ".join(parts) == whole:
            rank = 0
        elif all(any(p.startswith(t) for p in parts) for t in words):
            rank = 1
        elif all(t in folded for t in words):
            rank = 2
        else:
            continue
        ranked.append((rank, len(str(name)), str(name), actor))
    return [actor for *_, actor in sorted(ranked)][:limit]


@renamed(case="start", labels="n_labels", size="size_by")
@shared
def network_explorer(cases=None, start=None, lang=None, n_labels=12, size_by="degree"):
    """Explore a network: case, wave, tie types, colour, size, the interactive map with a
    search that lights up an actor and its ties, the map for print, and a what-if (leave out
    actors, e.g. every municipal one) with measures and indicators before and after.

    Trainer notes stand next to the evidence: co-creation (law 4) beside mutuality and the
    trust scores, differences between districts (opportunity 4) beside the districts.

    Parameters
    ----------
    <<explorer_cases>>
    start : str, optional
        The case to open on: its key, its municipality or the start of its name
        (``"haverdonk"``); None: the first.
    <<explorer_lang>>
    n_labels : int
        Names on the map for print.
    size_by : str
        The actor metric that sizes the actors at first (a registered one too).

    Returns
    -------
    Explorer
        An ipywidgets VBox. ``controls``: case, wave, types, color, size, search, remove,
        confirmed, lang; ``views``: map (`sigma_view`), figure (the map for print, PNG),
        card (the searched or clicked actor), metrics and indicators (with a what-if
        column once actors are removed), trust, districts, notes, hint. Also ``buttons``
        (remove_municipal, reset), ``tabs``, ``downloads`` (figure and network files of
        the selection, the what-if included; the tables of the whole case; persons
        pseudonymised), and ``sigma()``, ``draw_static()`` and
        ``selection()``.

    Raises
    ------
    <<raises_explorer>>

    Notes
    -----
    Above 2,000 actors the interactive map is left out and the map for print shows
    groups. The measures: ``docs/metrics.md`` and ``docs/indicators.md``.
    """
    cases = cases_of(cases)
    start = first_case(cases, start)
    c0 = cases[start]
    controls = {
        "case": w.Dropdown(options=list(cases), value=start),
        "wave": set_waves(w.Dropdown(), c0),
        "types": w.SelectMultiple(options=[], rows=4),
        "color": w.Dropdown(options=[]),
        "size": w.Dropdown(options=[(size_by, size_by)], value=size_by),  # labelled later
        "search": w.Combobox(options=[], ensure_option=False, value="",
                             layout=w.Layout(width="380px")),
        "remove": w.SelectMultiple(options=[], rows=5, layout=w.Layout(width="320px")),
        "confirmed": w.Checkbox(value=False, indent=False),
    }
    municipal_button = w.Button(icon="scissors", layout=w.Layout(width="auto"))
    reset_button = w.Button(icon="undo", layout=w.Layout(width="auto"))
    projector = on_projector()  # the presentation app: the map and card fit 1280x720
    map_height = 390 if projector else 520
    views = {"map": w.Box(layout=w.Layout(width="680px" if projector else IMAGE_WIDTH,
                                          height=f"{map_height + 20}px")),
             "figure": w.Image(format="png", layout=w.Layout(width=IMAGE_WIDTH)),
             "card": w.HTML(layout=w.Layout(width="380px" if projector else "440px")),
             "search_message": w.HTML(), "suggestions": w.HBox(
                 layout=w.Layout(flex_flow="row wrap", max_width="400px")),
             "metrics": w.HTML(),
             "indicators": w.HTML(), "trust": w.HTML(), "districts": w.HTML(),
             "notes": w.HTML(), "hint": w.HTML()}
    views["legend"] = w.HTML()
    tabs = w.Tab(children=[w.VBox([w.HTML(HIDE_SIGMA_CHROME), views["hint"], views["map"],
                                   views["legend"]]), views["figure"]],
                 layout=w.Layout(width="710px" if projector else "800px"))
    state = {"static": None, "sigma": None, "selected": None}
    bar = DownloadBar([
        ("svg", "download_svg", lambda: _figure_file(ex, "svg")),
        ("png", "download_png", lambda: _figure_file(ex, "png")),
        ("xlsx", "download_xlsx", lambda: _tables_file(ex)),
        ("gexf", "download_gexf", lambda: _network_file(ex, "gexf")),
        ("graphml", "download_graphml", lambda: _network_file(ex, "graphml")),
    ], note="downloads_private")

    def selection(ex):
        current = ex.controls["case"].value
        the_case = cases[current]
        wave = ex.controls["wave"].value
        types = ex.controls["types"].value or tuple(TIE_TYPES)
        removed = [a for a in ex.controls["remove"].value]
        return the_case, wave, tuple(types), removed, ex.controls["confirmed"].value

    def update(ex):
        lang = ex.lang

        def reset(new):
            set_waves(ex.controls["wave"], new)
            ex.controls["remove"].value = ()
            ex.controls["confirmed"].value = False

        the_case = ex.chosen_case(cases, reset)
        ex.describe({"case": "case", "wave": "wave", "types": "types", "color": "color",
                     "size": "size", "search": "search", "remove": "remove",
                     "confirmed": "confirmed_only"})
        _options(ex, the_case, lang)
        the_case, wave, types, removed, confirmed = selection(ex)
        names = dict(zip(the_case.actors["id"], the_case.actors["name"]))
        present = list(snapshot(the_case, wave, types, confirmed).arrays.ids)
        options = sorted(((shorten(names[a]), a) for a in present), key=lambda x: x[0].lower())
        if list(ex.controls["remove"].options) != options:
            ex.controls["remove"].options = options
        ex.controls["search"].placeholder = i18n.t("ui.search_placeholder", lang)
        removed = [a for a in removed if a in present]
        municipal_button.description = i18n.t("ui.remove_municipal", lang)
        reset_button.description = i18n.t("ui.reset", lang)
        tabs.set_title(0, i18n.t("ui.interactive", lang))
        tabs.set_title(1, i18n.t("ui.static", lang))
        views["hint"].value = (f"<small class='relnet-explain'>"
                               f"{html.escape(i18n.t('ui.map_hint', lang))}</small>")
        search(ex, move_map=False)  # the search's message and choice in this wave
        big = len(present) > AGGREGATE_ABOVE
        draw_map(ex, big)
        state["static"] = None
        if tabs.selected_index == 1 or big:
            draw_static(ex)
        _card(ex, state["selected"], selection(ex), state["sigma"])
        full = network_metrics(the_case, wave=wave, types=types, confirmed_only=confirmed)
        if confirmed:
            profile = relational_profile(the_case, wave=wave, types=types,
                                         confirmed_only=True, se=False)
            for column in ("ci_low", "ci_high", "null_low", "null_high"):
                profile[column] = float("nan")
            profile["reading"] = ""
        else:  # each value with its range and where chance puts it (cached per selection)
            profile = profile_evidence(the_case, wave=wave, types=types, reps=200)
        evidence = profile
        # the shares in the table; administrator_reach, a count per person, in a sentence
        profile = profile[profile["indicator"] != "administrator_reach"]
        metrics = pd.DataFrame({"value": full})
        metrics.index.name = "metric"
        indicators = profile[["indicator", "lesson", "value", "n"]].copy()
        indicators["interval"] = spans(profile["ci_low"], profile["ci_high"], lang)
        indicators["baseline"] = spans(profile["null_low"], profile["null_high"], lang)
        for column in ("reading", "note", "params"):
            indicators[column] = profile[column].to_numpy()
        if removed:
            reduced = remove_actors(the_case, removed)
            metrics["what_if"] = network_metrics(reduced, wave=wave, types=types,
                                                 confirmed_only=confirmed)
            what_if = relational_profile(reduced, wave=wave, types=types,
                                         confirmed_only=confirmed, se=False)
            indicators["what_if"] = what_if.set_index("indicator")["value"].reindex(
                indicators["indicator"]).to_numpy()
        heads = {"value": i18n.t("ui.full", lang), "what_if": i18n.t("ui.what_if", lang)}
        ex.views["metrics"].value = f"<h4>{html.escape(i18n.t('ui.metrics', lang))}</h4>" + \
            html_table(metrics.rename(columns=heads), index=True, lang=lang,
                       index_section="metric")
        indicators["lesson"] = [LESSONS[int(n)].title(lang) if pd.notna(n) else "–"
                                for n in profile["lesson"]]
        response = response_note(the_case, lang, wave)
        coding = coding_sensitivity(the_case, wave=wave, types=types)
        ex.views["indicators"].value = (
            f"<h4>{html.escape(i18n.t('ui.indicators', lang))}</h4>" +
            html_table(indicators.rename(columns=heads), lang=lang) +
            f"<p>{html.escape(count_indicator(evidence, lang))}</p>" +
            (f"<p><small>{html.escape(response)}</small></p>" if response else "") +
            (html_table(coding, lang=lang, caption=i18n.t("report.caption_coding", lang,
                                                          wave=wave)) +
             f"<p><small>{html.escape(i18n.t('report.reading_coding', lang))}</small></p>"
             if len(coding) else ""))
        tv = trust_value(the_case, wave=wave)
        if tv.network["n_ratings"]:
            top = tv.actors[tv.actors["n_ratings"] > 0].sort_values("trust").head(8)
            ex.views["trust"].value = (
                f"<h4>{html.escape(i18n.t('ui.trust', lang))}</h4>" +
                html_table(top.reset_index(drop=True), lang=lang, digits=2) +
                (f"<p><small>{html.escape(trust_note(tv, lang))}</small></p>"
                 if trust_note(tv, lang) else "")
                + note_html(f"{i18n.t('content_label.law', lang)} 4: {LAWS[3].title(lang)}",
                            LAWS[3].text(lang), source_note(lang, "board")))
        else:
            ex.views["trust"].value = note_html(
                f"{i18n.t('content_label.law', lang)} 4: {LAWS[3].title(lang)}",
                LAWS[3].text(lang), source_note(lang, "board"))
        districts = district_profile(the_case, wave=wave)
        opportunity = OPPORTUNITIES[3]
        ex.views["districts"].value = (
            f"<h4>{html.escape(i18n.t('ui.districts', lang))}</h4>" +
            html_table(districts, lang=lang) +
            note_html(f"{i18n.t('content_label.opportunity', lang)} 4: "
                      f"{opportunity.question(lang)}",
                      f"{opportunity.title(lang)}. {opportunity.step(lang)}",
                      source_note(lang, "board"))) if len(districts) else ""
        ex.views["notes"].value = note_html(
            f"{i18n.t('content_label.question', lang)}: "
            f"{i18n.t('content_label.lesson', lang)} 7, {LESSONS[7].title(lang)}",
            LESSONS[7].question(lang))
        bar.relabel(lang)
        bar.clear()

    def draw_static(ex):
        ex.views["figure"].value = png(_print_map(ex, n_labels))
        state["static"] = True

    def draw_map(ex, big=False):
        """The interactive map of the selection, the chosen actor lit up (sigma.js reads the
        selected actor when it draws, so a new choice from Python draws the map again)."""
        if big:
            state["sigma"] = None
            views["map"].children = []
            views["legend"].value = ""
            return
        the_case, wave, types, removed, confirmed = selection(ex)
        present = set(snapshot(the_case, wave, types, confirmed).arrays.ids)
        removed = [a for a in removed if a in present]
        sigma = sigma_view(the_case, wave, types, ex.controls["color"].value,
                           ex.controls["size"].value, removed, confirmed, ex.lang,
                           state["selected"], height=map_height)
        sigma.observe(lambda change: clicked(change["new"]), names="selected_node")
        state["sigma"] = sigma
        views["map"].children = [sigma]
        views["legend"].value = sigma.legend_html

    def clicked(actor):
        state["selected"] = actor
        _card(ex, actor, selection(ex), state["sigma"])

    def search(ex, move_map=True):
        """What was typed: the best actor in the chosen wave on the card and the map, the
        other candidates as suggestions, a message when nothing fits or the actor is not
        in this wave."""
        lang = ex.lang
        the_case, wave, types, _, confirmed = selection(ex)
        query = ex.controls["search"].value or ""
        names = dict(zip(the_case.actors["id"], the_case.actors["name"]))
        present = set(snapshot(the_case, wave, types, confirmed).arrays.ids)
        found = find_actors(names, query)
        shown = [a for a in found if a in present]
        message = ""
        if query.strip() and not found:
            message = i18n.t("app.search_none", lang, query=query.strip())
        elif found and not shown:
            message = i18n.t("app.search_not_in_wave", lang, name=shorten(names[found[0]]),
                             wave=wave if wave is not None else "–")
        views["search_message"].value = (
            f"<p class='relnet-search-message'>{html.escape(message)}</p>" if message else "")
        # the browser's suggestions: what fits what was typed, or every actor of this wave
        ex.controls["search"].options = [shorten(names[a]) for a in shown] if query.strip() \
            else sorted((shorten(names[a]) for a in present), key=str.lower)
        buttons = []
        for actor in shown[1:6]:
            name = shorten(names[actor])
            button = w.Button(description=name, layout=w.Layout(width="auto"))
            button.add_class("relnet-suggestion")
            button.on_click(lambda _, name=name: setattr(ex.controls["search"], "value", name))
            buttons.append(button)
        views["suggestions"].children = buttons
        before = state["selected"]
        if query.strip() or state["selected"] not in present:
            state["selected"] = shown[0] if shown else None
        if move_map:
            if state["selected"] != before and state["sigma"] is not None:
                draw_map(ex)
            _card(ex, state["selected"], selection(ex), state["sigma"])
    def on_tab(change):
        if change["new"] == 1 and state["static"] is None:
            draw_static(ex)

    tabs.observe(on_tab, names="selected_index")

    def remove_municipal(_):
        the_case = cases[ex.controls["case"].value]
        ids = the_case.actors.loc[the_case.actors["kind"].isin(MUNICIPAL_KINDS), "id"]
        valid = {v for _, v in ex.controls["remove"].options}
        ex.controls["remove"].value = tuple(a for a in ids if a in valid)

    def reset(_):
        ex.controls["remove"].value = ()

    municipal_button.on_click(remove_municipal)
    reset_button.on_click(reset)
    c = controls
    # the map on the first screen; tie types and the what-if right under it
    rows = [
        w.HBox([c["case"], c["wave"], c["color"], c["size"]]),
        w.HBox([tabs, w.VBox([c["search"], views["search_message"], views["suggestions"],
                              views["card"]])]),
        w.HBox([c["types"], w.VBox([c["remove"], w.HBox([municipal_button, reset_button])]),
                c["confirmed"]]),
        w.HBox([views["metrics"], views["indicators"]]),
        w.HBox([views["trust"], views["districts"]]), views["notes"], bar,
    ]
    ex = Explorer(controls, views, rows, update, lang, quiet=("search",))
    ex.controls["search"].observe(lambda change: search(ex), names="value")
    ex.buttons = {"remove_municipal": municipal_button, "reset": reset_button}
    ex.tabs = tabs
    ex.downloads = bar
    ex.sigma = lambda: state["sigma"]
    ex.draw_static = lambda: draw_static(ex)
    ex.selection = lambda: selection(ex)
    return ex


def _options(ex, case, lang):
    """Translated options of the type, colour and size controls (values stay keys)."""
    types = [(i18n.t(f"tie_type.{t}", lang), t) for t in TIE_TYPES]
    chosen = ex.controls["types"].value or tuple(TIE_TYPES)
    if list(ex.controls["types"].options) != types:
        ex.controls["types"].options = types
        ex.controls["types"].value = tuple(chosen)
    colours = [(i18n.t(f"colour_by.{k}", lang), k) for k in plot.network.COLOR_BY]
    value = ex.controls["color"].value or "kind"
    if list(ex.controls["color"].options) != colours:
        ex.controls["color"].options = colours
        ex.controls["color"].value = value
    metrics = actor_metric_names()
    sizes = [(i18n.label("metric", m, lang), m) for m in metrics]
    value = ex.controls["size"].value if ex.controls["size"].value in metrics else "degree"
    if list(ex.controls["size"].options) != sizes:
        ex.controls["size"].options = sizes
        ex.controls["size"].value = value


def _card(ex, actor, selection, sigma):
    """The selected actor's card: name, kind, domain, district and key measures."""
    lang = ex.lang
    the_case, wave, types, _, confirmed = selection
    if not actor or actor not in set(the_case.actors["id"]):
        hint = html.escape(i18n.t('ui.card_hint', lang))
        ex.views["card"].value = f"<p><small>{hint}</small></p>"
        if sigma is not None and sigma.selected_node is not None:
            sigma.selected_node = None
        return
    row = the_case.actors.set_index("id").loc[actor]
    metrics = actor_metrics(the_case, wave=wave, types=types, confirmed_only=confirmed)
    facts = [(i18n.t("ui.card_kind", lang), i18n.label("kind", row["kind"], lang))]
    if isinstance(row.get("domain"), str):
        facts.append((i18n.t("ui.card_domain", lang), ", ".join(
            i18n.label("domain", d, lang) for d in row["domain"].split("|"))))
    if isinstance(row.get("district"), str):
        facts.append((i18n.t("ui.card_district", lang), row["district"]))
    if actor in metrics.index:
        for m in CARD_METRICS:
            value = metrics.loc[actor, m]
            shown = i18n.number(int(value) + 1, lang) if m == "community" else \
                i18n.number(value, lang, 3)
            facts.append((i18n.label("metric", m, lang), shown))
    rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{html.escape(str(v))}</td></tr>"
                   for k, v in facts)
    ex.views["card"].value = (f"<h4>{html.escape(shorten(row['name']))}</h4>"
                              f"<table class='relnet-table'>{rows}</table>")
    if sigma is not None and sigma.selected_node != actor:
        sigma.selected_node = actor


_SHOWN = {}


def _pseudonymised(case, lang):
    """`report_pseudonyms` of a case and the ids it gave (old id -> shown id), kept for the
    last few cases: an update that only changes a colour does not pseudonymise 10,000 actors
    again."""
    key = (fingerprint(case), i18n.resolve(lang))
    if key not in _SHOWN:
        while len(_SHOWN) >= 4:
            _SHOWN.pop(next(iter(_SHOWN)))
        shown = pseudonymised(case, lang)  # rows stay in their order
        _SHOWN[key] = shown, dict(zip(case.actors["id"], shown.actors["id"]))
    return _SHOWN[key]


def _shown(ex):
    """The selection as shown for print and in downloads: persons pseudonymised (as in
    reports), the actors of the what-if under their shown ids."""
    the_case, wave, types, removed, confirmed = ex.selection()
    shown, ids = _pseudonymised(the_case, ex.lang)
    return shown, wave, types, [ids.get(a, a) for a in removed], confirmed


def _print_map(ex, n_labels=12, ax=None):
    """The map for print (matplotlib) of the selection, persons pseudonymised; on the
    explorer's Axes unless `ax` is given (downloads are drawn at print size)."""
    shown, wave, types, removed, confirmed = _shown(ex)
    return plot.network_plot(shown, wave=wave, types=types, color_by=ex.controls["color"].value,
                             size_by=ex.controls["size"].value, lang=ex.lang, n_labels=n_labels,
                             removed=removed, confirmed_only=confirmed,
                             ax=ax if ax is not None else ex.axes(6.0))


def _figure_file(ex, fmt):
    ax = _print_map(ex, ax=figure_axes(6.0))
    buffer = io.BytesIO()
    with plot.style():
        ax.figure.savefig(buffer, format=fmt, dpi=300, bbox_inches="tight")
    mime = "image/svg+xml" if fmt == "svg" else "image/png"
    shown, wave = _shown(ex)[:2]
    return file_name(shown, "network", fmt, ex.lang, wave), mime, buffer.getvalue()


def _tables_file(ex):
    """The tables of the whole case in the chosen wave (the what-if is a view, not data)."""
    shown, wave = _shown(ex)[:2]
    return (file_name(shown, "tables", "xlsx", ex.lang, wave),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            tables_bytes(shown, wave, ex.lang))


def _network_file(ex, fmt):
    """The network of the chosen wave for Gephi or Cytoscape, without the actors of the
    what-if."""
    shown, wave, _, removed, _ = _shown(ex)
    if removed:
        shown = remove_actors(shown, removed)
    mime = "application/gexf+xml" if fmt == "gexf" else "application/graphml+xml"
    return (file_name(shown, "network", fmt, ex.lang, wave), mime,
            network_bytes(shown, fmt, wave, ex.lang))


# --------------------------------------------------------------------------- browser


@shared
def case_browser(lang=None):
    """The shipped good-practice cases, filtered by lesson, domain and size; the practice
    of the chosen case in its own words.

    Parameters
    ----------
    <<explorer_lang>>

    Returns
    -------
    Explorer
        An ipywidgets VBox. ``controls``: lesson (0: any), domain ("": any), size_range
        (number of actors), case, lang; ``views``: table (the cases that pass the
        filters, from `relnet.list_cases`), detail (the chosen case's practice).

    Raises
    ------
    <<raises_lang>>
    FileNotFoundError
        The example cases are not installed.
    """
    table = list_cases()
    domains = sorted({d for ds in table["domains"] for d in ds})
    sizes = (int(table["n_actors"].min()), int(table["n_actors"].max()))
    controls = {
        "lesson": w.Dropdown(options=[("–", 0)], value=0),
        "domain": w.Dropdown(options=[("–", "")], value=""),
        "size_range": w.IntRangeSlider(min=sizes[0], max=sizes[1], value=sizes,
                                       layout=w.Layout(width="440px")),
        "case": w.Dropdown(options=list(table["name"]), layout=w.Layout(width="560px")),
    }
    views = {"table": w.HTML(), "detail": w.HTML()}

    def update(ex):
        lang = ex.lang
        ex.describe({"lesson": "lesson", "domain": "domain", "size_range": "size_range",
                     "case": "case"})
        lesson, domain = ex.controls["lesson"].value, ex.controls["domain"].value
        lessons = [(i18n.t("ui.any", lang), 0)] + [(f"{n}. {LESSONS[n].title(lang)}", n)
                                                   for n in range(1, 11)]
        if list(ex.controls["lesson"].options) != lessons:
            ex.controls["lesson"].options = lessons
            ex.controls["lesson"].value = lesson
        options = [(i18n.t("ui.any", lang), "")] + [(i18n.t(f"domain.{d}", lang), d)
                                                    for d in domains]
        if list(ex.controls["domain"].options) != options:
            ex.controls["domain"].options = options
            ex.controls["domain"].value = domain
        low, high = ex.controls["size_range"].value
        keep = table["n_actors"].between(low, high)
        if lesson:
            keep &= table["lessons"].apply(lambda ls: lesson in ls)
        if domain:
            keep &= table["domains"].apply(lambda ds: domain in ds)
        shown = table[keep.to_numpy(dtype=bool)].copy()
        shown["lessons"] = [", ".join(map(str, ls)) for ls in shown["lessons"]]
        shown["summary"] = [_text_in(load_example(n).meta, "summary", lang)
                            for n in shown["name"]]
        ex.views["table"].value = html_table(
            shown[["title", "population", "n_actors", "lessons", "summary"]].rename(
                columns={"n_actors": "actors", "title": "case"}), lang=lang)
        names = [(t, n) for t, n in zip(shown["title"], shown["name"])]
        if list(ex.controls["case"].options) != names:
            ex.controls["case"].options = names
        chosen = ex.controls["case"].value
        if chosen:
            meta = load_example(chosen).meta
            ex.views["detail"].value = note_html(
                f"{i18n.t('ui.practice', lang)}: {meta['name']}",
                _text_in(meta, "practice", lang))
        else:
            ex.views["detail"].value = ""

    c = controls
    rows = [w.HBox([c["lesson"], c["domain"], c["size_range"]]), views["table"], c["case"],
            views["detail"]]
    return Explorer(controls, views, rows, update, lang)


def _text_in(meta, key, lang):
    return meta.get(f"{key}_{lang}") or meta.get(key) or ""


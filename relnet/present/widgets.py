"""ipywidgets explorers: layout and wiring only; every callback calls the analyses and plots.

Each explorer is a function that takes a case (or cases) and returns an `Explorer` (an
ipywidgets VBox) with ``.controls`` (name -> control widget) and ``.views`` (name -> HTML
or Image widget). Setting a control's value updates the views at once, so tests (and
notebooks) can drive an explorer without a browser. Figures are rendered to PNG images and
tables to HTML, which works the same in JupyterLab and in Voila. Every explorer has a
Dutch/English switch.
"""

import html
import io

import ipywidgets as w
import matplotlib.pyplot as plt
import pandas as pd

from ..data.examples import list_cases, load_example
from ..data.vocab import MUNICIPAL_KINDS, TIE_TYPES
from ..instruments.content import LAWS, LESSONS, OPPORTUNITIES
from ..instruments.goals import goal_coverage, unlinked_partners
from ..instruments.governance import role_conflicts, role_overview
from ..instruments.lessons import lesson_benchmark
from ..instruments.partners import QUADRANT_LABELS, partner_matrix
from ..network.graph import normalise_types, remove_actors
from ..network.indicators import district_profile, relational_profile
from ..network.metrics import actor_metrics, network_metrics
from ..network.waves import wave_changes
from . import plot
from .export import html_table

__all__ = [
    "network_explorer", "partner_explorer", "goal_explorer", "roles_explorer",
    "lessons_explorer", "waves_explorer", "case_browser", "Explorer", "TEXT",
]

TEXT = {
    "en": {
        "case": "Case", "wave": "Wave", "types": "Tie types", "color": "Colour by",
        "size": "Size by", "actor": "Actor", "remove": "Remove", "remove_municipal":
        "Remove all municipal actors", "reset": "Reset", "partner": "Partner",
        "influence": "Influence", "dependency": "Dependency", "threshold": "Threshold",
        "move": "Move", "none": "(none)", "quadrant": "Quadrant", "strategy": "Strategy",
        "target": "After the move", "from": "From", "to": "To", "kind": "Figure",
        "lesson": "Lesson", "domain": "Domain", "size_range": "Actors", "all": "(all)",
        "metrics": "Network metrics", "indicators": "Relational indicators (the lessons)",
        "what_if": "what-if", "full": "full network", "coverage": "Goal coverage",
        "unlinked": "Partners linked to no goal", "conflicts": "Findings",
        "no_findings": "No findings: the roles are in order.", "overview": "Who holds which role",
        "benchmark": "Against the other cases", "changes": "What changed",
        "added": "added", "lost": "lost", "kept": "kept", "districts": "Variation between districts",
        "question": "Question for the group", "law": "Law of transformation",
        "opportunity": "Opportunity for the board", "practice": "The practice",
        "search": "type a name", "kinds": {"kind": "kind", "domain": "domain",
                                           "community": "community"},
        "interval": "intervals", "radar": "radar", "search_hint": "Search an actor",
        "indicator_cols": ["lesson", "indicator", "value", "description"],
    },
    "nl": {
        "case": "Casus", "wave": "Meting", "types": "Soorten relaties", "color": "Kleur naar",
        "size": "Grootte naar", "actor": "Actor", "remove": "Verwijder",
        "remove_municipal": "Verwijder alle gemeentelijke actoren", "reset": "Herstel",
        "partner": "Partner", "influence": "Invloed", "dependency": "Afhankelijkheid",
        "threshold": "Drempel", "move": "Beweging", "none": "(geen)", "quadrant": "Kwadrant",
        "strategy": "Strategie", "target": "Na de beweging", "from": "Van", "to": "Naar",
        "kind": "Figuur", "lesson": "Les", "domain": "Domein", "size_range": "Actoren",
        "all": "(alle)", "metrics": "Netwerkmaten",
        "indicators": "Relationele indicatoren (de lessen)", "what_if": "wat-als",
        "full": "volledig netwerk", "coverage": "Dekking van de doelen",
        "unlinked": "Partners zonder doel", "conflicts": "Bevindingen",
        "no_findings": "Geen bevindingen: de rollen zijn op orde.",
        "overview": "Wie vervult welke rol", "benchmark": "Vergeleken met de andere casussen",
        "changes": "Wat veranderde", "added": "erbij", "lost": "weg", "kept": "gebleven",
        "districts": "Verschillen tussen wijken", "question": "Vraag aan de groep",
        "law": "Wet van transformatie", "opportunity": "Kans voor het bestuur",
        "practice": "De praktijk", "search": "typ een naam",
        "kinds": {"kind": "soort", "domain": "domein", "community": "cluster"},
        "interval": "intervallen", "radar": "radar", "search_hint": "Zoek een actor",
        "indicator_cols": ["les", "indicator", "waarde", "toelichting"],
    },
}


def _t(lang, key):
    return TEXT[lang][key]


def png(ax, dpi=85):
    """Render a figure to PNG bytes for an Image widget, then close it."""
    fig = ax.figure
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)  # constrained layout: one draw, not two
    plt.close(fig)
    return buffer.getvalue()


def table_html(frame, digits=3, index=False):
    """A DataFrame as a compact HTML table (see `relnet.export.html_table`)."""
    return html_table(frame, index=index, digits=digits)


def note_html(title, body):
    return (f"<div style='border-left:4px solid #0072B2;padding:4px 10px;margin:4px 0'>"
            f"<b>{html.escape(title)}</b><br>{html.escape(body)}</div>")


class Explorer(w.VBox):
    """A VBox with named controls and views; `refresh()` redraws everything."""

    def __init__(self, controls, views, layout_rows, update, lang="en"):
        self.controls = dict(controls)
        self.views = dict(views)
        self.controls["lang"] = w.ToggleButtons(options=[("NL", "nl"), ("EN", "en")],
                                                value=lang, style={"button_width": "48px"})
        for control in self.controls.values():
            if hasattr(control, "style") and hasattr(control.style, "description_width"):
                control.style.description_width = "initial"  # no truncated labels
        self._update = update
        self._busy = False
        super().__init__([self.controls["lang"]] + list(layout_rows))
        for control in self.controls.values():
            control.observe(lambda change: self.refresh(), names="value")
        self.refresh()

    @property
    def lang(self):
        return self.controls["lang"].value

    def refresh(self):
        # An update may set options of other controls; their change must not start a
        # second update inside this one.
        if self._busy:
            return
        self._busy = True
        try:
            self._update(self)
        finally:
            self._busy = False


def _cases(cases):
    if cases is None:
        return {n: load_example(n) for n in list_cases()["name"]}
    if isinstance(cases, dict):
        return dict(cases)
    if not isinstance(cases, (list, tuple)):
        cases = [cases]
    return {c.meta.get("municipality") or c.name: c for c in cases}


def _set_waves(dropdown, case, pick=-1):
    """Give a wave dropdown the case's waves and select one (the latest by default)."""
    waves = case.waves or [None]
    dropdown.options = waves
    dropdown.value = waves[pick]
    return dropdown


def _describe(explorer, mapping):
    for name, key in mapping.items():
        explorer.controls[name].description = _t(explorer.lang, key)


# --------------------------------------------------------------------------- network


def network_explorer(cases=None, lang="en", labels=8):
    """Explore a network: case, wave, tie types, colour, size, an actor's metrics, and a
    what-if (remove actors, e.g. every municipal one) with metrics and indicators before and
    after. Trainer notes (lessons, the co-creation law, differences between districts) sit
    next to the evidence."""
    cases = _cases(cases)
    first = next(iter(cases.values()))
    controls = {
        "case": w.Dropdown(options=list(cases)),
        "wave": _set_waves(w.Dropdown(), first),
        "types": w.SelectMultiple(options=list(TIE_TYPES), value=tuple(TIE_TYPES), rows=4),
        "color": w.Dropdown(options=["kind", "domain", "community"], value="kind"),
        "size": w.Dropdown(options=list(actor_metrics(first).columns), value="degree"),
        "actor": w.Combobox(options=[], ensure_option=True, placeholder="", value=""),
        "remove": w.SelectMultiple(options=[], rows=5),
    }
    municipal_button = w.Button(icon="scissors", layout=w.Layout(width="auto"))
    reset_button = w.Button(icon="undo", layout=w.Layout(width="auto"))
    views = {"figure": w.Image(format="png", layout=w.Layout(max_width="760px")),
             "actor": w.HTML(), "metrics": w.HTML(), "indicators": w.HTML(),
             "districts": w.HTML(), "notes": w.HTML()}
    state = {"case": None}

    def update(ex):
        lang = ex.lang
        case = cases[ex.controls["case"].value]
        if state["case"] is not case:  # a new case: reset its own options
            state["case"] = case
            with ex.hold_trait_notifications():
                _set_waves(ex.controls["wave"], case)
                ex.controls["size"].options = list(actor_metrics(case).columns)
                ex.controls["remove"].value = ()
        wave = ex.controls["wave"].value
        types = normalise_types(ex.controls["types"].value or list(TIE_TYPES))
        names = dict(zip(case.actors["id"], case.actors["name"]))
        present = list(actor_metrics(case, wave, types).index)
        options = sorted(((names[a], a) for a in present), key=lambda x: x[0].lower())
        if list(ex.controls["remove"].options) != options:
            ex.controls["remove"].options = options
        ex.controls["actor"].options = [n for n, _ in options]
        removed = [a for a in ex.controls["remove"].value if a in present]
        _describe(ex, {"case": "case", "wave": "wave", "types": "types", "color": "color",
                       "size": "size", "actor": "actor", "remove": "remove"})
        ex.controls["actor"].placeholder = _t(lang, "search")
        municipal_button.description = _t(lang, "remove_municipal")
        reset_button.description = _t(lang, "reset")
        size = ex.controls["size"].value
        # fixed margins: one draw per update instead of constrained layout's two
        ax = plot.network_map(case, wave, types, color_by=ex.controls["color"].value,
                              size_by=size, lang=lang, labels=labels if len(present) <= 300
                              else 0, removed=removed, repel=False,
                              ax=plot.fixed_axes((0.02, 0.98, 0.93, 0.2)))
        ex.views["figure"].value = png(ax)
        chosen = {n: a for n, a in options}.get(ex.controls["actor"].value)
        if chosen:
            row = actor_metrics(case, wave, types).loc[[chosen]].T.reset_index()
            row.columns = ["metric", names[chosen]]
            ex.views["actor"].value = f"<h4>{html.escape(names[chosen])}</h4>" + table_html(row)
        else:
            ex.views["actor"].value = ""
        full = network_metrics(case, wave, types)
        profile = relational_profile(case, wave, lang=lang)
        metrics = pd.DataFrame({_t(lang, "full"): full})
        indicators = profile[["lesson", "indicator", "value"]].copy()
        if removed:
            reduced = remove_actors(case, removed)
            metrics[_t(lang, "what_if")] = network_metrics(reduced, wave, types)
            indicators[_t(lang, "what_if")] = relational_profile(reduced, wave)["value"].values
        metrics.index = [plot.metric_label(m, lang) for m in metrics.index]
        ex.views["metrics"].value = f"<h4>{_t(lang, 'metrics')}</h4>" + table_html(
            metrics, index=True)
        indicators["indicator"] = [plot.metric_label(i, lang) for i in indicators["indicator"]]
        indicators["lesson"] = [LESSONS[int(n)][lang] if pd.notna(n) else "–"
                                for n in profile["lesson"]]
        ex.views["indicators"].value = f"<h4>{_t(lang, 'indicators')}</h4>" + table_html(
            indicators)
        districts = district_profile(case, wave)
        ex.views["districts"].value = (
            f"<h4>{_t(lang, 'districts')}</h4>" + table_html(districts) +
            note_html(_t(lang, "opportunity"), OPPORTUNITIES[3][lang] + ": " +
                      OPPORTUNITIES[3][f"question_{lang}"])) if len(districts) else ""
        ex.views["notes"].value = note_html(_t(lang, "law"), LAWS[3][lang]) + note_html(
            _t(lang, "question"), LESSONS[7][f"question_{lang}"])

    def remove_municipal(_):
        case = cases[ex.controls["case"].value]
        ids = case.actors.loc[case.actors["kind"].isin(MUNICIPAL_KINDS), "id"]
        valid = {v for _, v in ex.controls["remove"].options}
        ex.controls["remove"].value = tuple(a for a in ids if a in valid)

    def reset(_):
        ex.controls["remove"].value = ()

    municipal_button.on_click(remove_municipal)
    reset_button.on_click(reset)
    c = controls
    rows = [
        w.HBox([c["case"], c["wave"], c["color"], c["size"]]),
        w.HBox([c["types"], w.VBox([c["remove"], w.HBox([municipal_button, reset_button])])]),
        views["figure"],
        w.HBox([views["metrics"], views["indicators"]]),
        w.HBox([c["actor"], views["actor"]]), views["districts"], views["notes"],
    ]
    ex = Explorer(controls, views, rows, update, lang)
    ex.buttons = {"remove_municipal": municipal_button, "reset": reset_button}
    return ex


# --------------------------------------------------------------------------- partners


def partner_explorer(case, lang="en"):
    """Move a partner in the matrix with sliders: quadrant, strategy and figure follow."""
    base = partner_matrix(case)
    names = dict(zip(base["actor"], base["name"]))
    wave = case.resolve_wave(None)
    first = base.iloc[0] if len(base) else None
    controls = {
        "partner": w.Dropdown(options=[(names[a], a) for a in base["actor"]]),
        "influence": w.FloatSlider(min=0, max=10, step=0.5, continuous_update=False,
                                   value=float(first["influence"]) if first is not None else 5),
        "dependency": w.FloatSlider(min=0, max=10, step=0.5, continuous_update=False,
                                    value=float(first["dependency"]) if first is not None
                                    else 5),
        "threshold": w.FloatSlider(min=1, max=9, step=0.5, value=5, continuous_update=False),
        "move": w.Dropdown(options=[("–", "")] + [(m, m) for m in
                                                  ("up", "down", "left", "right", "up+left",
                                                   "up+right", "down+left", "down+right")]),
    }
    views = {"figure": w.Image(format="png", layout=w.Layout(max_width="700px")),
             "summary": w.HTML(), "table": w.HTML()}
    scores = {a: (float(i), float(d), m if isinstance(m, str) else "")
              for a, i, d, m in zip(base["actor"], base["influence"], base["dependency"],
                                    base["move"])}
    state = {"partner": None}

    def edited_case():
        edited = case.copy()
        rows = edited.partners
        keep = ~((rows["wave"] == wave).fillna(False) | rows["wave"].isna())
        new = pd.DataFrame([{"actor": a, "influence": i, "dependency": d,
                             "move": m or None, "wave": wave}
                            for a, (i, d, m) in scores.items()])
        edited.partners = pd.concat([rows[keep.to_numpy(dtype=bool)], new], ignore_index=True)
        return edited

    def update(ex):
        lang = ex.lang
        partner = ex.controls["partner"].value
        if partner is None:
            return
        if state["partner"] != partner:  # another partner chosen: show its scores
            state["partner"] = partner
            i, d, m = scores[partner]
            with ex.hold_trait_notifications():
                ex.controls["influence"].value = i
                ex.controls["dependency"].value = d
                ex.controls["move"].value = m if m in dict(ex.controls["move"].options).values() \
                    else ""
        scores[partner] = (ex.controls["influence"].value, ex.controls["dependency"].value,
                           ex.controls["move"].value)
        _describe(ex, {"partner": "partner", "influence": "influence",
                       "dependency": "dependency", "threshold": "threshold", "move": "move"})
        threshold = ex.controls["threshold"].value
        edited = edited_case()
        matrix = partner_matrix(edited, wave, threshold, lang)
        row = matrix.set_index("actor").loc[partner]
        labels = QUADRANT_LABELS[lang]
        ex.views["summary"].value = (
            f"<h4>{html.escape(row['name'])}</h4>"
            f"<b>{_t(lang, 'quadrant')}:</b> {labels[row['quadrant']]}<br>"
            f"<b>{_t(lang, 'strategy')}:</b> {html.escape(row['strategy'])}<br>"
            f"<b>{_t(lang, 'target')}:</b> {labels[row['target_quadrant']]}")
        ax = plot.partner_matrix_plot(edited, wave, threshold, lang, matrix=matrix,
                                      repel=False, ax=plot.fixed_axes((0.1, 0.97, 0.93, 0.15),
                                                                      figsize=(6.3, 5.6)))
        ex.views["figure"].value = png(ax)
        shown = matrix[["name", "influence", "dependency", "quadrant", "move",
                        "target_quadrant", "betweenness", "cut_point", "mismatch"]]
        ex.views["table"].value = table_html(shown)

    c = controls
    rows = [w.HBox([c["partner"], c["move"]]),
            w.HBox([c["influence"], c["dependency"], c["threshold"]]),
            w.HBox([views["figure"], views["summary"]]), views["table"]]
    return Explorer(controls, views, rows, update, lang)


# --------------------------------------------------------------------------- goals, roles


def _case_figure_explorer(cases, lang, draw, sections, width="900px"):
    """An explorer of one figure and some HTML sections per case: `draw(case, lang)` gives
    the Axes, each of `sections` (name -> fn(case, lang)) one view's HTML."""
    cases = _cases(cases)
    controls = {"case": w.Dropdown(options=list(cases))}
    views = {"figure": w.Image(format="png", layout=w.Layout(max_width=width)),
             **{name: w.HTML() for name in sections}}

    def update(ex):
        case = cases[ex.controls["case"].value]
        _describe(ex, {"case": "case"})
        ex.views["figure"].value = png(draw(case, ex.lang))
        for name, section in sections.items():
            ex.views[name].value = section(case, ex.lang)

    rows = [controls["case"], views["figure"], w.HBox([views[n] for n in sections])]
    return Explorer(controls, views, rows, update, lang)


def goal_explorer(cases=None, lang="en"):
    """The goal tree with coverage: which goals have no partner, which partners no goal."""
    def coverage(case, lang):
        table = goal_coverage(case)[["goal", "label", "partners", "partners_total", "covered"]]
        return f"<h4>{_t(lang, 'coverage')}</h4>" + table_html(table)

    def unlinked(case, lang):
        return f"<h4>{_t(lang, 'unlinked')}</h4>" + table_html(unlinked_partners(case))

    return _case_figure_explorer(cases, lang, lambda case, lang: plot.goal_tree_plot(
        case, lang=lang), {"coverage": coverage, "unlinked": unlinked})


def roles_explorer(cases=None, lang="en"):
    """Roles toward affiliated bodies, with the findings of the governance rules."""
    def findings(case, lang):
        found = role_conflicts(case, lang)
        return f"<h4>{_t(lang, 'conflicts')}</h4>" + (
            table_html(found) if len(found) else f"<p>{_t(lang, 'no_findings')}</p>")

    def overview(case, lang):
        return f"<h4>{_t(lang, 'overview')}</h4>" + table_html(
            role_overview(case, labels=True), index=True)

    return _case_figure_explorer(cases, lang, lambda case, lang: plot.roles_plot(
        case, lang=lang), {"findings": findings, "overview": overview}, width="800px")


# --------------------------------------------------------------------------- lessons


def lessons_explorer(cases=None, lang="en"):
    """One case's self-assessment against the others, lesson by lesson, next to the
    network indicator of each lesson and a question for the group."""
    cases = _cases(cases)
    first = next(iter(cases.values()))
    controls = {"case": w.Dropdown(options=list(cases)),
                "wave": _set_waves(w.Dropdown(), first),
                "kind": w.ToggleButtons(options=["interval", "radar"], value="interval"),
                "lesson": w.Dropdown(options=list(range(1, 11)), value=1)}
    views = {"figure": w.Image(format="png", layout=w.Layout(max_width="760px")),
             "table": w.HTML(), "lesson": w.HTML(), "notes": w.HTML()}
    state = {"case": None}

    def update(ex):
        lang = ex.lang
        case = cases[ex.controls["case"].value]
        if state["case"] is not case:
            state["case"] = case
            with ex.hold_trait_notifications():
                _set_waves(ex.controls["wave"], case)
        _describe(ex, {"case": "case", "wave": "wave", "kind": "kind", "lesson": "lesson"})
        ex.controls["kind"].options = [(_t(lang, "interval"), "interval"),
                                       (_t(lang, "radar"), "radar")]
        ex.controls["lesson"].options = [(f"{n}. {LESSONS[n][lang]}", n) for n in range(1, 11)]
        wave = ex.controls["wave"].value
        others = [c for c in cases.values() if c is not case]
        ax = plot.lesson_profile(case, others, wave, kind=ex.controls["kind"].value, lang=lang)
        ex.views["figure"].value = png(ax)
        bench = lesson_benchmark(case, others, wave, lang)
        columns = ["lesson", "title", "mean", "ci_low", "ci_high", "bench_mean", "differs",
                   "indicator", "indicator_value", "indicator_bench"]
        ex.views["table"].value = f"<h4>{_t(lang, 'benchmark')}</h4>" + table_html(
            bench[columns], digits=2)
        n = ex.controls["lesson"].value
        lesson = LESSONS[n]
        ex.views["lesson"].value = note_html(
            f"{_t(lang, 'lesson')} {n}: {lesson[lang]}", lesson[f"meaning_{lang}"]) + \
            note_html(_t(lang, "question"), lesson[f"question_{lang}"])
        ex.views["notes"].value = note_html(
            _t(lang, "opportunity"), OPPORTUNITIES[5][lang] + ": " +
            OPPORTUNITIES[5][f"question_{lang}"])

    c = controls
    rows = [w.HBox([c["case"], c["wave"], c["kind"]]), views["figure"], views["table"],
            w.HBox([c["lesson"], views["lesson"]]), views["notes"]]
    return Explorer(controls, views, rows, update, lang)


# --------------------------------------------------------------------------- waves


def waves_explorer(cases=None, lang="en"):
    """What changed between two waves: actors and links added and lost, every metric."""
    cases = _cases(cases)
    first = next(iter(cases.values()))
    controls = {"case": w.Dropdown(options=list(cases)),
                "from": _set_waves(w.Dropdown(), first, 0),
                "to": _set_waves(w.Dropdown(), first)}
    views = {"figure": w.Image(format="png", layout=w.Layout(max_width="760px")),
             "counts": w.HTML(), "actors": w.HTML(), "metrics": w.HTML(), "notes": w.HTML()}
    state = {"case": None}

    def update(ex):
        lang = ex.lang
        case = cases[ex.controls["case"].value]
        if state["case"] is not case:
            state["case"] = case
            with ex.hold_trait_notifications():
                _set_waves(ex.controls["from"], case, 0)
                _set_waves(ex.controls["to"], case)
        _describe(ex, {"case": "case", "from": "from", "to": "to"})
        a, b = ex.controls["from"].value, ex.controls["to"].value
        changes = wave_changes(case, a, b)
        ex.views["figure"].value = png(plot.wave_comparison(case, a, b, lang=lang))
        counts = changes.counts()
        counts.columns = [_t(lang, c) for c in counts.columns]
        ex.views["counts"].value = f"<h4>{_t(lang, 'changes')}</h4>" + table_html(
            counts, index=True)
        moved = changes.actors[changes.actors["status"] != "kept"].copy()
        moved["status"] = [_t(lang, s) for s in moved["status"]]
        ex.views["actors"].value = table_html(moved)
        metrics = changes.metrics[["a", "b", "difference"]].copy()
        metrics.columns = [str(a), str(b), "Δ"]
        metrics.index = [plot.metric_label(m, lang) for m in metrics.index]
        ex.views["metrics"].value = table_html(metrics, index=True)
        ex.views["notes"].value = note_html(_t(lang, "law"), LAWS[2][lang]) + note_html(
            _t(lang, "opportunity"), OPPORTUNITIES[2][lang] + ": " +
            OPPORTUNITIES[2][f"question_{lang}"])

    c = controls
    rows = [w.HBox([c["case"], c["from"], c["to"]]), views["figure"],
            w.HBox([views["counts"], views["actors"]]), views["metrics"], views["notes"]]
    return Explorer(controls, views, rows, update, lang)


# --------------------------------------------------------------------------- browser


def case_browser(lang="en"):
    """The shipped good-practice cases, filtered by lesson, domain and size."""
    table = list_cases()
    domains = sorted({d for ds in table["domains"] for d in ds})
    sizes = (int(table["n_actors"].min()), int(table["n_actors"].max()))
    controls = {
        "lesson": w.Dropdown(options=[("–", 0)] + [(str(n), n) for n in range(1, 11)], value=0),
        "domain": w.Dropdown(options=[("–", "")] + [(d, d) for d in domains], value=""),
        "size_range": w.IntRangeSlider(min=sizes[0], max=sizes[1], value=sizes),
        "case": w.Dropdown(options=list(table["name"])),
    }
    views = {"table": w.HTML(), "detail": w.HTML()}

    def update(ex):
        lang = ex.lang
        _describe(ex, {"lesson": "lesson", "domain": "domain", "size_range": "size_range",
                       "case": "case"})
        ex.controls["lesson"].options = [(_t(lang, "all"), 0)] + [
            (f"{n}. {LESSONS[n][lang]}", n) for n in range(1, 11)]
        lesson = ex.controls["lesson"].value
        domain = ex.controls["domain"].value
        low, high = ex.controls["size_range"].value
        keep = table["n_actors"].between(low, high)
        if lesson:
            keep &= table["lessons"].apply(lambda ls: lesson in ls)
        if domain:
            keep &= table["domains"].apply(lambda ds: domain in ds)
        shown = table[keep]
        ex.views["table"].value = table_html(shown[["name", "title", "population",
                                                     "n_actors", "lessons", "summary"]])
        names = list(shown["name"])
        if list(ex.controls["case"].options) != names:
            ex.controls["case"].options = names
        chosen = ex.controls["case"].value
        if chosen:
            case = load_example(chosen)
            ex.views["detail"].value = note_html(
                f"{_t(lang, 'practice')}: {case.meta['name']}", case.meta.get("practice", ""))
        else:
            ex.views["detail"].value = ""

    c = controls
    rows = [w.HBox([c["lesson"], c["domain"], c["size_range"]]), views["table"], c["case"],
            views["detail"]]
    return Explorer(controls, views, rows, update, lang)

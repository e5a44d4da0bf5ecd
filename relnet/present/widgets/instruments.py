"""Explorers of the instruments: partner matrix, goal tree, roles, lessons, waves."""

import html

import ipywidgets as w
import pandas as pd

from ... import i18n
from ..._docs import shared
from ...data.arguments import renamed
from ...instruments.goals import goal_priorities, unlinked_partners, unserved_activities
from ...instruments.governance import role_conflicts, role_overview
from ...instruments.lessons import lesson_benchmark
from ...instruments.partners import partner_matrix
from ...network.evidence import Z95
from ...network.waves import wave_changes
from .. import plot
from ..content import LAWS, LESSONS, OPPORTUNITIES
from ..tables import display_value, html_table, spans
from ..words import worded
from ._base import (
    IMAGE_WIDTH,
    SLIDER,
    Explorer,
    cases_of,
    first_case,
    note_html,
    on_projector,
    png,
    set_waves,
    source_note,
)

__all__ = ["partner_explorer", "goal_explorer", "roles_explorer", "lessons_explorer",
           "waves_explorer"]

MOVES = ("up", "down", "left", "right", "up+left", "up+right", "down+left", "down+right")


def _law(n, lang):
    law = LAWS[n - 1]
    return note_html(f"{i18n.t('content_label.law', lang)} {n}: {law.title(lang)}",
                     law.text(lang), source_note(lang, "board"))


def _opportunity(n, lang):
    item = OPPORTUNITIES[n - 1]
    return note_html(f"{i18n.t('content_label.opportunity', lang)} {n}: {item.question(lang)}",
                     f"{item.title(lang)}. {item.step(lang)}", source_note(lang, "board"))


# --------------------------------------------------------------------------- partners


@shared
def partner_explorer(case, lang=None):
    """Move a partner in the matrix with sliders: quadrant, strategy and figure follow. What
    is shown after a move is the strategy of where the partner goes (or the phase-out), so
    strategy and move never contradict each other.

    Scores edited with the sliders stay inside the explorer: the case itself is not
    changed.

    Parameters
    ----------
    case : Case
        The case; its latest wave's partner scores are shown.
    <<explorer_lang>>

    Returns
    -------
    Explorer
        An ipywidgets VBox. ``controls``: partner, influence, dependency (0-10), threshold,
        move, lang; ``views``: figure (the matrix, PNG), summary (the chosen partner's
        quadrant, strategy and move), table (every partner), notes (opportunity 2).

    Raises
    ------
    <<raises_case, raises_lang>>

    See Also
    --------
    relnet.partner_matrix, relnet.plot.partner_matrix_plot

    Notes
    -----
    The matrix and its moves follow the source on partner strategies (``docs/sources.md``,
    text 004); the quadrant names and strategies are relnet's, after Kraljic (1983) [1]_.

    References
    ----------
    .. [1] Kraljic, P. (1983). Purchasing must become supply management. Harvard Business
       Review, 61(5), 109-117.
    """
    base = partner_matrix(case)
    names = dict(zip(base["actor"], base["name"]))
    wave = case.resolve_wave(None)
    first = base.iloc[0] if len(base) else None
    controls = {
        "partner": w.Dropdown(options=[(names[a], a) for a in base["actor"]]),
        "influence": w.FloatSlider(min=0, max=10, step=0.5, continuous_update=False,
                                   layout=SLIDER, readout=False,
                                   value=float(first["influence"]) if first is not None else 5),
        "dependency": w.FloatSlider(min=0, max=10, step=0.5, continuous_update=False,
                                    layout=SLIDER, readout=False,
                                    value=float(first["dependency"]) if first is not None
                                    else 5),
        "threshold": w.FloatSlider(min=1, max=9, step=0.5, value=5, continuous_update=False,
                                   layout=SLIDER, readout=False),
        "move": w.Dropdown(options=[("–", "")] + [(m, m) for m in MOVES]),
    }
    views = {"figure": w.Image(format="png", layout=w.Layout(width=IMAGE_WIDTH)),
             "summary": w.HTML(layout=w.Layout(width="380px")), "table": w.HTML(),
             "notes": w.HTML()}
    scores = {a: (float(i), float(d), m if isinstance(m, str) else "")
              for a, i, d, m in zip(base["actor"], base["influence"], base["dependency"],
                                    base["move"])}
    state = {"partner": None}

    def edited_case():
        edited = case.copy()
        rows = edited.partners
        mine = ((rows["wave"] == wave).fillna(False) | rows["wave"].isna()).to_numpy(dtype=bool)
        kept = rows[mine].drop_duplicates("actor", keep="last").set_index("actor")
        new = rows[mine].drop_duplicates("actor", keep="last").copy()
        for column, position in (("influence", 0), ("dependency", 1), ("move", 2)):
            new[column] = [scores[a][position] if a in scores else kept.loc[a, column]
                           for a in new["actor"]]
        new["move"] = new["move"].replace("", None)
        new["wave"] = pd.array([wave] * len(new), dtype="Int64")
        edited.partners = pd.concat([rows[~mine], new], ignore_index=True)
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
                ex.controls["move"].value = m if m in MOVES else ""
        scores[partner] = (ex.controls["influence"].value, ex.controls["dependency"].value,
                           ex.controls["move"].value)
        ex.describe({"partner": "partner", "influence": "influence",
                     "dependency": "dependency", "threshold": "threshold", "move": "move"})
        moves = [(i18n.t("ui.no_move", lang), "")] + [
            (display_value(m, "move", lang), m) for m in MOVES]
        if list(ex.controls["move"].options) != moves:
            value = ex.controls["move"].value
            ex.controls["move"].options = moves
            ex.controls["move"].value = value
        for name, readout in readouts.items():  # the sliders' values, written the Dutch way
            readout.value = f"<b>{i18n.number(ex.controls[name].value, lang, 1)}</b>"
        threshold = ex.controls["threshold"].value
        edited = edited_case()
        matrix = worded(partner_matrix(edited, wave=wave, threshold=threshold), lang)
        row = matrix.set_index("actor").loc[partner]
        facts = [(i18n.t("ui.quadrant_now", lang),
                  i18n.t(f"quadrant.{row['quadrant']}", lang)),
                 (i18n.t("ui.meaning", lang), row["action"]),
                 (i18n.t("ui.after_move", lang),
                  i18n.t(f"quadrant.{row['target_quadrant']}", lang)
                  if not row["phase_out"] else i18n.t("matrix.phase_out", lang)),
                 (i18n.t("ui.what_to_do", lang), row["target_strategy"])]
        if isinstance(row["note"], str):
            facts.append((i18n.t("column.note", lang), row["note"]))
        if isinstance(row["bundle"], str):
            facts.append((i18n.t("column.bundle", lang), row["bundle"]))
        ex.views["summary"].value = (
            f"<h4>{html.escape(row['name'])}</h4>" +
            "".join(f"<p><b>{html.escape(k)}:</b> {html.escape(str(v))}</p>" for k, v in facts)
            + f"<p><small>{html.escape(source_note(lang, 'kraljic'))}</small></p>")
        ax = plot.partner_matrix_plot(edited, wave=wave, threshold=threshold, lang=lang,
                                      matrix=matrix, highlight=partner, ax=ex.axes(6.4))
        ex.views["figure"].value = png(ax)
        shown = matrix[["name", "influence", "dependency", "quadrant", "move",
                        "target_quadrant", "target_strategy", "note", "bundle",
                        "betweenness", "cut_point"]]
        ex.views["table"].value = html_table(shown, lang=lang, digits=2)
        ex.views["notes"].value = _opportunity(2, lang)

    c = controls
    readouts = {name: w.HTML() for name in ("influence", "dependency", "threshold")}
    sliders = [w.HBox([c[name], readouts[name]]) for name in readouts]
    if on_projector():  # the whole matrix on the first screen, the controls beside it
        for name in readouts:
            c[name].layout = w.Layout(width="360px")
        c["partner"].layout = w.Layout(width="470px")
        rows = [w.HBox([views["figure"], w.VBox([c["partner"], c["move"], *sliders,
                                                 views["summary"]])]),
                views["notes"], views["table"]]
    else:
        rows = [w.HBox([c["partner"], c["move"]]), *sliders,
                w.HBox([views["figure"], views["summary"]]), views["notes"], views["table"]]
    return Explorer(controls, views, rows, update, lang)


def _from_waves(dropdown, case):
    """"From" offers every wave but the last (there must be a later one to compare with)."""
    last = case.waves[-1] if len(case.waves) >= 2 else None
    return set_waves(dropdown, case, 0, keep=lambda wave: last is None or wave != last)


# --------------------------------------------------------------------------- goals, roles


def _case_figure_explorer(cases, start, lang, draw, sections, height=5.6):
    """An explorer of one figure and some HTML sections per case: `draw(case, lang, ax)`
    draws, each of `sections` (name -> fn(case, lang)) gives one view's HTML."""
    cases = cases_of(cases)
    start = first_case(cases, start)
    controls = {"case": w.Dropdown(options=list(cases), value=start)}
    views = {"figure": w.Image(format="png", layout=w.Layout(width=IMAGE_WIDTH)),
             **{name: w.HTML() for name in sections}}

    def update(ex):
        the_case = cases[ex.controls["case"].value]
        ex.describe({"case": "case"})
        ex.views["figure"].value = png(draw(the_case, ex.lang, ex.axes(height)))
        for name, section in sections.items():
            ex.views[name].value = section(the_case, ex.lang)

    names = list(sections)
    rows = [controls["case"], w.HBox([views["figure"], views[names[0]]]),
            w.HBox([views[n] for n in names[1:]])]
    ex = Explorer(controls, views, rows, update, lang)
    ex.case = lambda: cases[ex.controls["case"].value]  # the case shown (for tables below)
    return ex


@renamed(case="start")
@shared
def goal_explorer(cases=None, start=None, lang=None):
    """The goal tree with coverage and effort: which goals have no partner, which partners
    serve no goal, which tasks serve no goal (the source's prioritising from goals).

    Parameters
    ----------
    <<explorer_cases, explorer_case, explorer_lang>>

    Returns
    -------
    Explorer
        An ipywidgets VBox. ``controls``: case, lang; ``views``: figure (the goal tree,
        PNG), notes (law 1), coverage (`goal_priorities`), unserved
        (`unserved_activities`), unlinked (`unlinked_partners`).

    Raises
    ------
    <<raises_explorer>>

    Notes
    -----
    After the source on goal-tree sessions (``docs/sources.md``, text 004).
    """
    def notes(the_case, lang):
        return _law(1, lang)

    def coverage(the_case, lang):
        table = worded(goal_priorities(the_case), lang)[["label", "activities", "effort",
                                                 "partners_total", "mean_contribution"]]
        return f"<h4>{html.escape(i18n.t('ui.coverage', lang))}</h4>" + html_table(
            table, lang=lang, digits=1)

    def unserved(the_case, lang):
        return f"<h4>{html.escape(i18n.t('ui.unserved', lang))}</h4>" + html_table(
            unserved_activities(the_case).drop(columns=["id"]), lang=lang, digits=0)

    def unlinked(the_case, lang):
        return f"<h4>{html.escape(i18n.t('ui.unlinked', lang))}</h4>" + html_table(
            unlinked_partners(the_case).drop(columns=["id"]), lang=lang)

    return _case_figure_explorer(
        cases, start, lang, lambda c, lang, ax: plot.goal_tree_plot(c, lang=lang, ax=ax),
        {"notes": notes, "coverage": coverage, "unserved": unserved, "unlinked": unlinked},
        height=6.4)


@renamed(case="start")
@shared
def roles_explorer(cases=None, start=None, lang=None):
    """Roles toward affiliated bodies, with the findings of the governance rules (as
    sentences naming the body and the holder).

    Parameters
    ----------
    <<explorer_cases, explorer_case, explorer_lang>>

    Returns
    -------
    Explorer
        An ipywidgets VBox. ``controls``: case, lang; ``views``: figure (the roles, PNG),
        notes (opportunity 1), findings (`role_conflicts`), overview (`role_overview` by
        name).

    Raises
    ------
    <<raises_explorer>>

    Notes
    -----
    After the source on affiliated bodies (``docs/sources.md``, text 003).
    """
    def notes(the_case, lang):
        return _opportunity(1, lang)

    def findings(the_case, lang):
        found = worded(role_conflicts(the_case), lang)
        names = the_case.actors.set_index("id")["name"]
        found["body"] = names.reindex(found["body"]).to_numpy()
        return f"<h4>{html.escape(i18n.t('ui.findings', lang))}</h4>" + (
            html_table(found[["body", "severity", "message"]], lang=lang) if len(found) else
            f"<p>{html.escape(i18n.t('roles.no_findings', lang))}</p>")

    def overview(the_case, lang):
        table = role_overview(the_case, names=True)
        table.columns = [i18n.t(f"role.{r}", lang) for r in table.columns]
        return f"<h4>{html.escape(i18n.t('ui.overview', lang))}</h4>" + html_table(
            table, index=True, lang=lang)

    return _case_figure_explorer(
        cases, start, lang, lambda c, lang, ax: plot.roles_plot(c, lang=lang, ax=ax),
        {"notes": notes, "findings": findings, "overview": overview}, height=4.6)


# --------------------------------------------------------------------------- lessons


@renamed(case="start")
@shared
def lessons_explorer(cases=None, start=None, lang=None):
    """One case's self-assessment against the others, lesson by lesson, next to the
    network indicator of each lesson and relnet's question for the group.

    Parameters
    ----------
    <<explorer_cases, explorer_case, explorer_lang>>

    Returns
    -------
    Explorer
        An ipywidgets VBox. ``controls``: case, wave, kind (interval or radar), lesson,
        lang; ``views``: figure (`relnet.plot.lesson_plot` against all the other cases,
        PNG), table (`lesson_benchmark`), lesson (the chosen lesson's meaning and
        question), notes (law 2, opportunities 5 and 6).

    Raises
    ------
    <<raises_explorer>>

    Notes
    -----
    The statistics of the benchmark: ``docs/statistics.md``.
    """
    cases = cases_of(cases)
    start = first_case(cases, start)
    controls = {"case": w.Dropdown(options=list(cases), value=start),
                "wave": set_waves(w.Dropdown(), cases[start]),
                "kind": w.ToggleButtons(options=[("interval", "interval"),
                                                 ("radar", "radar")], value="interval"),
                "lesson": w.Dropdown(options=list(range(1, 11)), value=1)}
    views = {"figure": w.Image(format="png", layout=w.Layout(width=IMAGE_WIDTH)),
             "table": w.HTML(), "lesson": w.HTML(layout=w.Layout(width="380px")),
             "notes": w.HTML()}

    def update(ex):
        lang = ex.lang
        the_case = ex.chosen_case(cases, lambda c: set_waves(ex.controls["wave"], c))
        ex.describe({"case": "case", "wave": "wave", "kind": "figure_kind", "lesson": "lesson"})
        kinds = [(i18n.t("ui.interval", lang), "interval"), (i18n.t("ui.radar", lang), "radar")]
        if list(ex.controls["kind"].options) != kinds:
            value = ex.controls["kind"].value
            ex.controls["kind"].options = kinds
            ex.controls["kind"].value = value
        lessons = [(f"{n}. {LESSONS[n].title(lang)}", n) for n in range(1, 11)]
        if list(ex.controls["lesson"].options) != lessons:
            value = ex.controls["lesson"].value
            ex.controls["lesson"].options = lessons
            ex.controls["lesson"].value = value
        wave = ex.controls["wave"].value
        others = [c for c in cases.values() if c is not the_case]
        kind = ex.controls["kind"].value
        ax = plot.lesson_plot(the_case, others, wave=wave, kind=kind, lang=lang,
                              ax=ex.axes(6.6, polar=kind == "radar"))
        ex.views["figure"].value = png(ax)
        bench = lesson_benchmark(the_case, others, wave=wave)
        bench.insert(1, "title", [LESSONS[n].title(lang) for n in bench["lesson"]])
        bench["others_range"] = spans(bench["others_min"], bench["others_max"], lang)
        columns = ["title", "n", "mean", "ci_low", "ci_high", "bench_mean", "others_range",
                   "icc", "p_adjusted", "differs", "indicator", "indicator_value",
                   "indicator_bench"]
        fictional = bool(bench["fictional_benchmark"].iloc[0]) if len(others) else False
        caption = i18n.t("ui.benchmark", lang) + (
            f" ({i18n.t('figure.other_cases_fictional', lang)})" if fictional else "")
        ex.views["table"].value = f"<h4>{html.escape(caption)}</h4>" + html_table(
            bench[columns], lang=lang, digits=2)
        n = ex.controls["lesson"].value
        lesson = LESSONS[n]
        ex.views["lesson"].value = note_html(
            f"{i18n.t('content_label.lesson', lang)} {n}: {lesson.title(lang)}",
            lesson.meaning(lang), source_note(lang, "lessons")) + note_html(
            i18n.t("content_label.question", lang), lesson.question(lang))
        ex.views["notes"].value = _law(2, lang) + _opportunity(5, lang) + _opportunity(6, lang)

    c = controls
    rows = [w.HBox([c["case"], c["wave"], c["kind"]]),
            w.HBox([views["figure"], w.VBox([c["lesson"], views["lesson"]])]),
            views["table"], views["notes"]]
    ex = Explorer(controls, views, rows, update, lang)
    ex.case = lambda: cases[ex.controls["case"].value]  # the case shown (for tables below)
    return ex


# --------------------------------------------------------------------------- waves


@renamed(case="start")
@shared
def waves_explorer(cases=None, start=None, lang=None):
    """What changed between two waves: actors and links added and lost (or unknown, when a
    survey's respondent did not answer), every measure; a wave is never compared with
    itself.

    Parameters
    ----------
    <<explorer_cases, explorer_case, explorer_lang>>

    Returns
    -------
    Explorer
        An ipywidgets VBox. ``controls``: case, from, to (waves; ``to`` never offers the
        ``from`` wave), lang; ``views``: figure (`relnet.plot.wave_plot`, PNG), counts,
        actors (those added or lost), metrics (every measure in both waves and the
        difference), notes (law 3, opportunity 3). A case with one wave shows a message.

    Raises
    ------
    <<raises_explorer>>

    See Also
    --------
    relnet.wave_changes : the changes as tables.
    """
    cases = cases_of(cases)
    start = first_case(cases, start)
    controls = {"case": w.Dropdown(options=list(cases), value=start),
                "from": _from_waves(w.Dropdown(), cases[start]),
                "to": w.Dropdown()}
    views = {"figure": w.Image(format="png", layout=w.Layout(width=IMAGE_WIDTH)),
             "counts": w.HTML(), "actors": w.HTML(), "metrics": w.HTML(), "notes": w.HTML()}

    def update(ex):
        lang = ex.lang
        the_case = ex.chosen_case(cases, lambda c: _from_waves(ex.controls["from"], c))
        a = ex.controls["from"].value
        with ex.hold_trait_notifications():  # "to" offers the later waves only
            set_waves(ex.controls["to"], the_case, -1, exclude=a,
                      keep=lambda wave: a is None or wave is None or wave > a)
        b = ex.controls["to"].value
        ex.describe({"case": "case", "from": "from", "to": "to"})
        ex.views["notes"].value = _law(3, lang) + _opportunity(3, lang)
        if a is None or b is None or a == b:
            message = i18n.t("ui.one_wave" if len(the_case.waves) < 2 else "ui.same_wave",
                             lang)
            for name in ("counts", "actors", "metrics"):
                ex.views[name].value = ""
            ex.views["counts"].value = f"<p>{html.escape(message)}</p>"
            ex.views["figure"].value = b""
            return
        changes = wave_changes(the_case, a, b)
        ex.views["figure"].value = png(plot.wave_plot(the_case, a, b, lang=lang,
                                                      ax=ex.axes(5.4)))
        counts = changes.counts()
        counts.index = [i18n.t(f"report.{k}", lang) for k in counts.index]
        ex.views["counts"].value = f"<h4>{html.escape(i18n.t('ui.changes', lang))}</h4>" + \
            html_table(counts, index=True, lang=lang)
        moved = changes.actors[changes.actors["status"] != "kept"][["name", "kind", "status"]]
        ex.views["actors"].value = f"<h4>{html.escape(i18n.t('ui.moved_actors', lang))}</h4>" + \
            html_table(moved, lang=lang)
        table = changes.metrics
        metrics = table[["a", "b", "difference"]].copy()
        metrics["interval"] = spans(table["difference"] - Z95 * table["se"],
                                    table["difference"] + Z95 * table["se"], lang)
        metrics.columns = [str(a), str(b), i18n.t("column.difference", lang),
                           i18n.t("column.interval", lang)]
        rates = [i18n.percent(r, lang) if r is not None else i18n.t("report.no_survey", lang)
                 for r in changes.rates]
        said = i18n.t("ui.waves_comparable" if changes.comparable else "ui.waves_incomparable",
                      lang, a=a, b=b, ra=rates[0], rb=rates[1])
        ex.views["metrics"].value = f"<h4>{html.escape(i18n.t('ui.all_measures', lang))}</h4>" + \
            f"<p>{html.escape(said)}</p>" + \
            html_table(metrics, index=True, lang=lang, index_section="metric")

    c = controls
    rows = [w.HBox([c["case"], c["from"], c["to"]]), views["figure"],
            w.HBox([views["counts"], views["actors"]]), views["metrics"], views["notes"]]
    return Explorer(controls, views, rows, update, lang)

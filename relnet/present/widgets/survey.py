"""The network survey explorer: response per actor, the network of confirmed and
one-sided ties, and the partners respondents added."""

import html

import ipywidgets as w

from ... import i18n
from ..._docs import shared
from ...network.quality import response_band, response_rate, response_table
from .. import plot
from ..tables import html_table
from ._base import IMAGE_WIDTH, Explorer, note_html, png

__all__ = ["survey_explorer"]


@shared
def survey_explorer(case, lang=None):
    """Response per actor (asked, answered, ties named, of which confirmed), the response
    rate with its band, and the network with only the ties both sides named or all of
    them.

    Parameters
    ----------
    case : Case
        A case collected with a network survey (`relnet.survey.collect`); its latest wave
        is shown.
    <<explorer_lang>>

    Returns
    -------
    Explorer
        An ipywidgets VBox. ``controls``: confirmed (only ties both sides named), lang;
        ``views``: rate (the response rate and its band; empty without survey data),
        table (per actor asked: name, answered, named, confirmed), figure (the network,
        PNG), legend (what the lines on the map mean), added (the partners respondents
        added in the questionnaires' free rows, with who added them; empty when none).

    Raises
    ------
    <<raises_case, raises_lang>>

    See Also
    --------
    relnet.survey.collect : read the filled-in questionnaires into a case.
    """
    controls = {"confirmed": w.Checkbox(value=False, indent=False)}
    views = {"rate": w.HTML(), "table": w.HTML(), "figure": w.Image(
        format="png", layout=w.Layout(width=IMAGE_WIDTH)), "legend": w.HTML(),
        "added": w.HTML()}

    def update(ex):
        lang = ex.lang
        ex.describe({"confirmed": "confirmed_only"})
        rate = response_rate(case)
        if rate is not None and rate == rate:
            ex.views["rate"].value = note_html(
                i18n.t("ui.response_overall", lang),
                i18n.t("indicator_note.response", lang, rate=i18n.percent(rate, lang),
                       band=i18n.t(f"band.{response_band(rate)}", lang)))
        table = response_table(case)
        ex.views["table"].value = (
            f"<h4>{html.escape(i18n.t('ui.response_per_actor', lang))}</h4>"
            + html_table(table.drop(columns=["id"]), lang=lang))
        confirmed = ex.controls["confirmed"].value
        ax = plot.network_plot(case, lang=lang, confirmed_only=confirmed, ax=ex.axes(6.0))
        ex.views["figure"].value = png(ax)
        legend = html.escape(i18n.t('ui.survey_map', lang))
        ex.views["legend"].value = f"<p><small>{legend}</small></p>"
        ex.views["added"].value = _added_html(case, lang)

    rows = [views["rate"], controls["confirmed"], views["figure"], views["legend"],
            views["table"], views["added"]]
    return Explorer(controls, views, rows, update, lang)


def _added_html(case, lang):
    """The partners respondents added (actors with ``added_by``), by name: "" when none."""
    actors = case.actors
    if "added_by" not in actors:
        return ""
    added = actors[actors["added_by"].fillna("").astype(str).str.strip() != ""]
    if not len(added):
        return ""
    names = actors.set_index("id")["name"].astype(str)
    items = "".join(
        "<li>" + html.escape(i18n.t("ui.survey_added_by", lang, name=name, who=", ".join(
            names.get(r, r) for r in str(by).split("|")))) + "</li>"
        for name, by in zip(added["name"], added["added_by"]))
    return (f"<h4>{html.escape(i18n.t('ui.survey_added', lang))}</h4>"
            + f"<p><small>{html.escape(i18n.t('ui.survey_added_note', lang))}</small></p>"
            + f"<ul>{items}</ul>")

"""Your own data: drop a workbook or zip, see every problem, and once valid the profile, the
partner matrix and a report to download."""

import html
import tempfile
from pathlib import Path

import ipywidgets as w
import pandas as pd

from ... import i18n
from ..._docs import shared
from ...data.read import load
from ...instruments.partners import partner_matrix
from ...network.indicators import relational_profile
from .. import plot
from ..export import file_name
from ..report import build_report
from ..tables import html_table
from ..words import response_note
from ._base import IMAGE_WIDTH, DownloadBar, Explorer, figure_axes, png

__all__ = ["upload_explorer", "problems_table"]


@shared
def problems_table(problems, lang=None):
    """Problems as a table a person reads: file, row, column, problem, accepted.

    Parameters
    ----------
    problems : iterable of Problem
        As `relnet.validate` returns them, or a `CaseError`'s ``problems``.
    <<lang>>

    Returns
    -------
    DataFrame
        One row per problem, in order: file (with the sheet of a workbook), row (Int64,
        as Excel shows it; missing for a whole file or column), column ("" when none),
        problem (the value concerned and what is wrong), accepted (what would be
        accepted, "" when the problem does not say).

    Raises
    ------
    <<raises_lang>>

    Examples
    --------
    >>> import relnet
    >>> t = problems_table(relnet.validate("no/such/case"), "en")
    >>> t.loc[0, ["problem", "accepted"]].tolist()
    ['does not exist', 'a case folder, an .xlsx workbook or a .zip']
    """
    lang = i18n.resolve(lang)
    rows = [{"file": p.located_file(lang), "row": p.row, "column": p.column or "",
             "problem": p.description(lang), "accepted": p.accepted_text(lang)}
            for p in problems]
    frame = pd.DataFrame(rows, columns=["file", "row", "column", "problem", "accepted"])
    frame["row"] = frame["row"].astype("Int64")
    return frame


@shared
def upload_explorer(lang=None):
    """Drop your own case (an .xlsx workbook or a .zip of a case folder): every problem as
    a table with file, row, column and what is accepted; once valid, the relational profile,
    the partner matrix and a report to download. Nothing is stored on the server: the file
    is read from a temporary copy that is removed at once.

    Parameters
    ----------
    <<explorer_lang>>

    Returns
    -------
    Explorer
        An ipywidgets VBox. ``controls``: lang; ``views``: hint, status, problems
        (`problems_table`), profile (the relational profile of the latest wave), figure
        (the partner matrix, PNG, when the case has partner scores). Also ``upload`` (the
        FileUpload widget), ``downloads`` (the report, persons pseudonymised) and
        ``case()``, the valid case read (None before, or when it has problems).

    Raises
    ------
    <<raises_lang>>
    """
    upload = w.FileUpload(accept=".xlsx,.zip", multiple=False,
                          layout=w.Layout(width="auto", min_width="320px"))
    controls = {}
    views = {"hint": w.HTML(), "status": w.HTML(), "problems": w.HTML(), "profile": w.HTML(),
             "figure": w.Image(format="png", layout=w.Layout(width=IMAGE_WIDTH))}
    state = {"case": None, "name": None}
    bar = DownloadBar([("report", "download_report", lambda: _report_file(ex, state))])

    def update(ex):
        lang = ex.lang
        upload.description = i18n.t("ui.upload", lang)
        views["hint"].value = f"<p>{html.escape(i18n.t('ui.upload_hint', lang))}</p>"
        bar.relabel(lang)
        files = upload.value
        if not files:
            clear("")
            return
        item = files[0]
        name = item["name"]
        if not name.lower().endswith((".xlsx", ".zip")):
            clear(f"<p><b>{html.escape(i18n.t('ui.not_a_file', lang))}</b></p>")
            return
        with tempfile.TemporaryDirectory(prefix="relnet-upload-") as folder:
            path = Path(folder, Path(name).name)
            path.write_bytes(bytes(item["content"]))
            case, problems = load(path)
        if problems:
            clear(f"<p><b>{html.escape(i18n.plural('ui.problems', len(problems), lang))}</b></p>")
            views["problems"].value = html_table(problems_table(problems, lang), lang=lang)
            return
        state["case"], state["name"] = case, Path(name).stem
        views["status"].value = "<p><b>" + html.escape(i18n.t(
            "ui.valid", lang, name=case.name, actors=i18n.number(len(case.actors), lang),
            ties=i18n.number(len(case.ties), lang))) + "</b></p>"
        views["problems"].value = ""
        profile = relational_profile(case)
        response = response_note(case, lang)
        views["profile"].value = f"<h4>{html.escape(i18n.t('ui.indicators', lang))}</h4>" + \
            html_table(profile[["indicator", "value", "n", "note", "params"]], lang=lang) + \
            (f"<p><small>{html.escape(response)}</small></p>" if response else "")
        figure = png(plot.partner_matrix_plot(
            case, lang=lang, matrix=partner_matrix(case), ax=figure_axes(6.4))) \
            if len(case.partners) else b""
        views["figure"].value = figure
        views["figure"].layout.display = None if figure else "none"  # no empty image icon
        bar.layout.display = None
        bar.clear()

    def clear(status):
        """Nothing valid to show: the status line only, and no case to download."""
        state["case"] = None
        views["status"].value = status
        views["problems"].value = views["profile"].value = ""
        views["figure"].value = b""
        views["figure"].layout.display = "none"
        bar.layout.display = "none"

    upload.observe(lambda change: ex.refresh(), names="value")
    rows = [views["hint"], upload, views["status"], views["problems"], bar, views["profile"],
            views["figure"]]
    ex = Explorer(controls, views, rows, update, lang)
    ex.upload = upload
    ex.downloads = bar
    ex.case = lambda: state["case"]
    return ex


def _report_file(ex, state):
    page = build_report(state["case"], lang=ex.lang)
    return (file_name(state["case"], "report", "html", ex.lang), "text/html",
            page.encode("utf-8"))

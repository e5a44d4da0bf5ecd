"""Your own data: drop a workbook or zip, see every problem, and once valid the profile, the
partner matrix and a report to download."""

import html
import io
import tempfile
from pathlib import Path

import ipywidgets as w
import pandas as pd

from ... import i18n
from ..._docs import shared
from ...data.errors import errors_of
from ...data.read import load
from ...instruments.partners import partner_matrix
from ...network.indicators import relational_profile
from .. import plot
from ..export import file_name
from ..report import build_report
from ..tables import html_table
from ..words import response_note
from ._base import IMAGE_WIDTH, DownloadBar, Explorer, png

__all__ = ["upload_explorer", "problems_table", "template_workbook", "missing_for_analysis"]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
def template_workbook(lang=None):
    """An empty case as an Excel workbook to fill in: every sheet with its column headers
    (Dutch where relnet reads a Dutch header, as ``relnet new`` writes the case otherwise),
    and a first sheet that says what goes where.

    Parameters
    ----------
    <<lang>>

    Returns
    -------
    bytes
        The .xlsx file; read back, it is a valid case with no actors (which
        `missing_for_analysis` refuses until it is filled in).

    Raises
    ------
    <<raises_lang>>
    """
    import openpyxl

    from ...data.vocab import HEADER_ALIASES
    from ...data.write import new_case

    lang = i18n.resolve(lang)
    with tempfile.TemporaryDirectory(prefix="relnet-template-") as folder:
        path = Path(folder, "casus.xlsx")
        new_case(path, name=i18n.t("app.template_name", lang),
                 municipality=i18n.t("app.template_municipality", lang))
        book = openpyxl.load_workbook(path)
        if lang == "nl":
            for table, aliases in HEADER_ALIASES.items():
                dutch = {}
                for alias, column in aliases.items():
                    dutch.setdefault(column, alias)
                for cell in book[table][1]:
                    cell.value = dutch.get(cell.value, cell.value)
        guide = book.create_sheet(i18n.t("app.template_sheet", lang), 0)
        for number, line in enumerate(i18n.t("app.template_guide", lang).split("\n"), 1):
            guide.cell(row=number, column=1, value=line)
        guide.column_dimensions["A"].width = 110
        buffer = io.BytesIO()
        book.save(buffer)
    return buffer.getvalue()


@shared
def missing_for_analysis(case, lang=None):
    """Why a case cannot be analysed yet, as one sentence: "" when it can (it has actors
    and ties).

    Parameters
    ----------
    case : Case
        A case read without problems.
    <<lang>>

    Returns
    -------
    str
        The sentence saying what is missing (no actors, or actors but no ties), or "".

    Examples
    --------
    >>> import relnet
    >>> missing_for_analysis(relnet.load_example("haverdonk"))
    ''
    """
    lang = i18n.resolve(lang)
    if not len(case.actors):
        return i18n.t("app.empty_case", lang)
    if not len(case.ties):
        return i18n.t("app.no_ties", lang, actors=i18n.number(len(case.actors), lang))
    return ""


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
        drop zone, a `DropZone` whose ``value`` reads as ipywidgets' FileUpload),
        ``template`` (a button that downloads an empty workbook to fill in, see
        `template_workbook`), ``downloads`` (the report, persons pseudonymised) and
        ``case()``, the valid case read (None before, when it has problems, or when it
        has nothing to analyse: no actors or no ties, said in a sentence).

    Raises
    ------
    <<raises_lang>>
    """
    from ._files import DownloadButton, DropZone

    upload = DropZone(accept=".xlsx,.zip")
    template = DownloadButton(lambda: (i18n.t("app.template_file", ex.lang), XLSX,
                                       template_workbook(ex.lang)))
    controls = {}
    views = {"hint": w.HTML(), "status": w.HTML(), "problems": w.HTML(), "profile": w.HTML(),
             "figure": w.Image(format="png", layout=w.Layout(width=IMAGE_WIDTH))}
    state = {"case": None, "name": None}
    bar = DownloadBar([("report", "download_report", lambda: _report_file(ex, state))])

    def update(ex):
        lang = ex.lang
        upload.label = i18n.t("app.drop_label", lang)
        upload.button = i18n.t("app.drop_button", lang)
        upload.reading = i18n.t("ui.preparing", lang)
        template.description = i18n.t("app.template_button", lang)
        template.busy_text = i18n.t("ui.preparing", lang)
        views["hint"].value = f"<p>{html.escape(i18n.t('app.upload_hint', lang))}</p>"
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
        if errors_of(problems):
            clear(f"<p><b>{html.escape(i18n.plural('ui.problems', len(problems), lang))}</b></p>")
            views["problems"].value = html_table(problems_table(problems, lang), lang=lang)
            return
        missing = missing_for_analysis(case, lang)
        if missing:
            clear(f"<p class='relnet-refused'><b>{html.escape(missing)}</b></p>")
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
            case, lang=lang, matrix=partner_matrix(case), ax=ex.axes(6.4))) \
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
    rows = [views["hint"], w.HBox([upload, w.VBox([template],
                                               layout=w.Layout(margin="0 0 0 16px"))]),
            views["status"], views["problems"], bar, views["profile"], views["figure"]]
    ex = Explorer(controls, views, rows, update, lang)
    ex.upload = upload
    ex.template = template
    ex.downloads = bar
    ex.case = lambda: state["case"]
    return ex


def _report_file(ex, state):
    page = build_report(state["case"], lang=ex.lang)
    return (file_name(state["case"], "report", "html", ex.lang), "text/html",
            page.encode("utf-8"))

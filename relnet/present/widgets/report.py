"""The report explorer: pick a case and a wave, read the key findings, take the report away."""

import html

import ipywidgets as w

from ... import i18n
from ..._docs import shared
from ...data.arguments import renamed
from ..export import file_name, tables_bytes
from ..report import build_report, key_findings
from ._base import DownloadBar, Explorer, cases_of, first_case, set_waves

__all__ = ["report_explorer"]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@renamed(case="start")
@shared
def report_explorer(cases=None, start=None, lang=None):
    """Choose a case and a wave, read the report's key findings, and download the report
    (HTML, opens in any browser, prints on A4) and its tables (one .xlsx). Persons are
    pseudonymised unless *names of persons* is ticked.

    Parameters
    ----------
    <<explorer_cases, explorer_case, lang>>

    Returns
    -------
    Explorer
    """
    cases = cases_of(cases)
    start = first_case(cases, start)
    controls = {
        "case": w.Dropdown(options=list(cases), value=start),
        "wave": set_waves(w.Dropdown(), cases[start]),
        "names": w.Checkbox(value=False, indent=False),
    }
    views = {"findings": w.HTML(), "privacy": w.HTML()}

    def selection():
        return cases[controls["case"].value], controls["wave"].value, controls["names"].value

    def report_file():
        the_case, wave, names = selection()
        page = build_report(the_case, lang=ex.lang, names=names, wave=wave)
        return (file_name(the_case, "report", "html", ex.lang, wave), "text/html",
                page.encode("utf-8"))

    def tables_file():
        the_case, wave, names = selection()
        if not names:
            from ..words import pseudonymised

            the_case = pseudonymised(the_case, ex.lang)
        return (file_name(the_case, "tables", "xlsx", ex.lang, wave), XLSX,
                tables_bytes(the_case, wave, ex.lang))

    bar = DownloadBar([("report", "download_report", report_file),
                       ("xlsx", "download_xlsx", tables_file)])

    def update(ex):
        lang = ex.lang
        ex.chosen_case(cases, lambda c: set_waves(controls["wave"], c))
        ex.describe({"case": "case", "wave": "wave", "names": "with_names"})
        the_case, wave, names = selection()
        found = key_findings(the_case, lang=lang, names=names, wave=wave)
        items = "".join(f"<li>{html.escape(f)}</li>" for f in found) or \
            f"<li>{html.escape(i18n.t('report.no_findings', lang))}</li>"
        views["findings"].value = (
            f"<h4>{html.escape(i18n.t('report.findings', lang))}</h4>"
            f"<p><small>{html.escape(i18n.t('report.findings_intro', lang))}</small></p>"
            f"<ul class='relnet-findings'>{items}</ul>")
        privacy = "report.named" if names else "report.pseudonymised"
        views["privacy"].value = f"<p><small>{html.escape(i18n.t(privacy, lang))}</small></p>"
        bar.relabel(lang)
        bar.clear()

    rows = [w.HBox([controls["case"], controls["wave"], controls["names"]]), views["findings"],
            views["privacy"], bar]
    ex = Explorer(controls, views, rows, update, lang)
    ex.downloads = bar
    return ex

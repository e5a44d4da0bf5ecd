"""A self-contained HTML report per case, with persons pseudonymised by default.

Everything is inline (styles, figures as SVG data URIs), nothing is loaded from the
network, so the file opens offline and can be archived or mailed. Persons (actors with
``person: true``) and survey respondents are pseudonymised unless ``names=True``; the report
says which it did.
"""

import base64
import datetime
import html
import io
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from ..data._atomic import atomic_write, check_target
from ..data.read import read_case
from ..instruments.content import LESSONS
from ..instruments.goals import goal_coverage, unlinked_partners
from ..instruments.governance import role_conflicts
from ..instruments.lessons import lesson_scores
from ..instruments.partners import QUADRANT_LABELS, partner_matrix
from ..network.indicators import relational_profile
from ..network.metrics import actor_metrics, network_metrics
from ..network.privacy import report_pseudonyms
from ..network.waves import wave_changes
from . import plot
from .export import html_table

__all__ = ["build_report", "write_report", "DATA_DICTIONARY_VERSION"]

DATA_DICTIONARY_VERSION = "2.0"

TEXT = {
    "en": {
        "title": "Relationship report", "summary": "Summary", "practice": "The practice",
        "network": "The relationship network", "metrics": "Network metrics",
        "central": "Most central actors (betweenness)",
        "profile": "Relational profile: the lessons as indicators",
        "waves": "Change between waves", "partners": "Partner strategy matrix",
        "goals": "Goal coverage", "governance": "Governance of affiliated bodies",
        "lessons": "Self-assessment on the 10 lessons", "provenance": "Data and provenance",
        "fictional": "Fictional illustration: the municipality, organisations and persons in "
                     "this case are invented.",
        "pseudonymised": "Persons and survey respondents are pseudonymised in this report "
                         "(Person 1, Person 2, ...; R1, R2, ...). Run with --names to show "
                         "names.",
        "named": "This report shows the names of persons (run with --names). Handle it as "
                 "personal data.",
        "no_data": "The case has no data for this section.", "wave": "wave",
        "uncovered": "Goals without a partner", "unlinked": "Partners linked to no goal",
        "no_findings": "No findings: the roles are in order.", "none": "none",
        "file": "File", "date": "Date of the report", "version": "relnet version",
        "dictionary": "Data dictionary version", "is_fictional": "Fictional data",
        "source": "Source", "licence": "Licence", "privacy": "Privacy",
        "yes": "yes", "no": "no", "municipality": "Municipality", "population": "Population",
        "actors": "Actors", "ties": "Tie records", "added": "added", "lost": "lost",
        "kept": "kept", "nan_note": "Undefined values (–) say why in the note column.",
    },
    "nl": {
        "title": "Relatierapport", "summary": "Samenvatting", "practice": "De praktijk",
        "network": "Het relatienetwerk", "metrics": "Netwerkmaten",
        "central": "Meest centrale actoren (betweenness)",
        "profile": "Relationeel profiel: de lessen als indicatoren",
        "waves": "Verandering tussen metingen", "partners": "Partnermatrix",
        "goals": "Dekking van de doelen", "governance": "Sturing op verbonden partijen",
        "lessons": "Zelfevaluatie op de 10 lessen", "provenance": "Gegevens en herkomst",
        "fictional": "Fictieve illustratie: de gemeente, organisaties en personen in deze "
                     "casus zijn verzonnen.",
        "pseudonymised": "Personen en respondenten zijn in dit rapport gepseudonimiseerd "
                         "(Persoon 1, Persoon 2, ...; R1, R2, ...). Gebruik --names om namen "
                         "te tonen.",
        "named": "Dit rapport toont namen van personen (--names). Behandel het als "
                 "persoonsgegevens.",
        "no_data": "De casus heeft geen gegevens voor dit onderdeel.", "wave": "meting",
        "uncovered": "Doelen zonder partner", "unlinked": "Partners zonder doel",
        "no_findings": "Geen bevindingen: de rollen zijn op orde.", "none": "geen",
        "file": "Bestand", "date": "Datum van het rapport", "version": "relnet-versie",
        "dictionary": "Versie gegevenswoordenboek", "is_fictional": "Fictieve gegevens",
        "source": "Bron", "licence": "Licentie", "privacy": "Privacy",
        "yes": "ja", "no": "nee", "municipality": "Gemeente", "population": "Inwoners",
        "actors": "Actoren", "ties": "Relaties (regels)", "added": "erbij", "lost": "weg",
        "kept": "gebleven",
        "nan_note": "Bij onbepaalde waarden (–) staat de reden in de kolom toelichting.",
    },
}

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
 margin:0 auto;max-width:820px;padding:16px;color:#1a1a1a;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;border-bottom:2px solid #0072B2;
 padding-bottom:2px;margin-top:1.8em}h3{font-size:1.05em}
figure{margin:1em 0}figure img{width:100%;height:auto}
.table{overflow-x:auto}table{border-collapse:collapse;font-size:.85em;margin:.5em 0}
th,td{padding:3px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
th{background:#f2f6fa}.note{border-left:4px solid #D55E00;background:#fdf3ec;
 padding:6px 10px;margin:.8em 0}.privacy{border-left-color:#0072B2;background:#eef5fb}
.muted{color:#555;font-size:.9em}
@media print{body{max-width:none}h2{page-break-after:avoid}figure{page-break-inside:avoid}}
"""


def _figure(ax, alt):
    fig = ax.figure
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (f'<figure><img alt="{html.escape(alt)}" '
            f'src="data:image/svg+xml;base64,{data}"></figure>')


def _table(frame, index=False, digits=3, lang="en"):
    return f'<div class="table">{html_table(frame, index, digits, lang)}</div>'


def _section(title, *parts):
    return f"<h2>{html.escape(title)}</h2>\n" + "\n".join(p for p in parts if p)


def _p(text, cls=None):
    return f'<p class="{cls}">{html.escape(text)}</p>' if cls else f"<p>{html.escape(text)}</p>"


def build_report(case, lang="en", names=False, wave=None):
    """The report of a case as one HTML string (see `write_report`).

    >>> import relnet
    >>> page = build_report(relnet.load_example("brakkenveen"), lang="nl")
    >>> "Relatierapport" in page and "Sanne Everaerts" not in page
    True
    """
    t = TEXT[lang]
    original = case
    case = case if names else report_pseudonyms(case, lang)
    wave = case.resolve_wave(wave)
    meta = case.meta
    parts = [f"<h1>{html.escape(t['title'])}: {html.escape(meta.get('name', ''))}</h1>"]
    if meta.get("fictional"):
        parts.append(f'<div class="note">{html.escape(t["fictional"])}</div>')
    parts.append(f'<div class="note privacy">{html.escape(t["named" if names else "pseudonymised"])}</div>')

    summary = pd.DataFrame({"": [t["municipality"], t["population"], t["wave"].capitalize(),
                                 t["actors"], t["ties"]],
                            " ": [meta.get("municipality", ""), meta.get("population", ""),
                                  ", ".join(map(str, case.waves)), len(case.actors),
                                  len(case.ties)]})
    lesson_list = ", ".join(f"{n}. {LESSONS[n][lang]}" for n in meta.get("lessons", []))
    parts.append(_section(t["summary"], _p(meta.get("summary", "")), _table(summary, lang=lang),
                          f"<h3>{html.escape(t['practice'])}</h3>",
                          _p(meta.get("practice", "")), _p(lesson_list, "muted")))

    metrics = network_metrics(case, wave).to_frame(name=str(wave))
    metrics.index = [plot.metric_label(m, lang) for m in metrics.index]
    central = actor_metrics(case, wave).nlargest(8, "betweenness")[
        ["degree", "betweenness", "closeness", "constraint"]]
    central.insert(0, "name", case.actors.set_index("id").loc[central.index, "name"])
    parts.append(_section(
        t["network"], _figure(plot.network_map(case, wave, lang=lang, size_by="betweenness"),
                              t["network"]),
        f"<h3>{html.escape(t['metrics'])}</h3>", _table(metrics, index=True, lang=lang),
        f"<h3>{html.escape(t['central'])}</h3>", _table(central, lang=lang)))

    profile = relational_profile(case, wave, lang=lang)
    profile["indicator"] = [plot.metric_label(i, lang) for i in profile["indicator"]]
    parts.append(_section(t["profile"], _table(profile[["indicator", "value", "description",
                                                        "note"]], lang=lang), _p(t["nan_note"], "muted")))

    if len(case.waves) >= 2:
        a, b = case.waves[0], case.waves[-1]
        changes = wave_changes(case, a, b)
        counts = changes.counts()
        counts.columns = [t[c] for c in counts.columns]
        table = changes.metrics[["a", "b", "difference"]].copy()
        table.columns = [str(a), str(b), "Δ"]
        table.index = [plot.metric_label(m, lang) for m in table.index]
        parts.append(_section(f"{t['waves']} {a}–{b}",
                              _figure(plot.wave_comparison(case, a, b, lang=lang), t["waves"]),
                              _table(counts, index=True, lang=lang), _table(table, index=True, lang=lang)))

    if len(case.partners):
        matrix = partner_matrix(case, wave, lang=lang)
        shown = matrix[["name", "influence", "dependency", "quadrant", "strategy", "move",
                        "target_quadrant"]].copy()
        for column in ("quadrant", "target_quadrant"):
            shown[column] = shown[column].map(QUADRANT_LABELS[lang])
        parts.append(_section(t["partners"], _figure(plot.partner_matrix_plot(
            case, wave, lang=lang), t["partners"]), _table(shown, digits=1, lang=lang)))
    else:
        parts.append(_section(t["partners"], _p(t["no_data"])))

    if len(case.goals):
        coverage = goal_coverage(case)
        uncovered = ", ".join(coverage.loc[~coverage["covered"], "label"]) or t["none"]
        unlinked = ", ".join(unlinked_partners(case)["name"]) or t["none"]
        parts.append(_section(
            t["goals"], _figure(plot.goal_tree_plot(case, lang=lang), t["goals"]),
            _p(f"{t['uncovered']}: {uncovered}"), _p(f"{t['unlinked']}: {unlinked}"),
            _table(coverage[["goal", "label", "partners", "partners_total", "covered"]], lang=lang)))
    else:
        parts.append(_section(t["goals"], _p(t["no_data"])))

    findings = role_conflicts(case, lang)
    if len(case.roles) or len(findings):
        parts.append(_section(t["governance"], _figure(plot.roles_plot(case, lang=lang),
                                                       t["governance"]),
                              _table(findings, lang=lang) if len(findings) else _p(t["no_findings"])))
    else:
        parts.append(_section(t["governance"], _p(t["no_data"])))

    if len(case.lessons):
        scores = lesson_scores(case, wave)
        scores.insert(1, "title", [LESSONS[n][lang] for n in scores["lesson"]])
        parts.append(_section(t["lessons"], _figure(plot.lesson_profile(case, wave=wave,
                                                                        lang=lang),
                                                    t["lessons"]), _table(scores, digits=2, lang=lang)))
    else:
        parts.append(_section(t["lessons"], _p(t["no_data"])))

    from .. import __version__

    source = Path(original.source).name if original.source else "–"
    provenance = pd.DataFrame({"": [t["file"], t["date"], t["version"], t["dictionary"],
                                    t["is_fictional"], t["source"], t["licence"],
                                    t["privacy"]],
                               " ": [source, datetime.date.today().isoformat(), __version__,
                                     DATA_DICTIONARY_VERSION,
                                     t["yes"] if meta.get("fictional") else t["no"],
                                     meta.get("source", "–"), meta.get("licence", "–"),
                                     t["named" if names else "pseudonymised"]]})
    parts.append(_section(t["provenance"], _table(provenance, lang=lang)))
    body = "\n".join(parts)
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(t['title'])}: {html.escape(meta.get('name', ''))}</title>\n"
            f"<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def write_report(case_or_path, out, lang="en", names=False, wave=None, overwrite=False):
    """Write the report of a case (a Case, or a path to one) to `out`, atomically.

    A missing or invalid case raises `CaseError` before anything is written; an existing
    `out` is refused unless ``overwrite=True``.
    """
    case = case_or_path if hasattr(case_or_path, "tables") else read_case(case_or_path)
    out = Path(out)
    check_target(out, overwrite)
    page = build_report(case, lang=lang, names=names, wave=wave)
    return atomic_write(out, lambda temp: Path(temp).write_text(page, encoding="utf-8"),
                        overwrite=overwrite)

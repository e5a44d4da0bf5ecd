"""A self-contained HTML report a council can read, with persons pseudonymised by default.

The report opens with the case, wave and privacy statement, then *Key findings*: plain
sentences on what the analyses flag (role conflicts naming the body, goals without a
partner, tasks serving no goal, partners whose perceived dependency and network position
differ, bundles and phase-outs, the lessons furthest from the benchmark, the indicators
that changed most, a low survey response). The chapters follow with numbered figures and
tables, each with a one-sentence caption and a source line. Everything is inline (styles,
figures as SVG), nothing is loaded from the network, and print styles keep every table and
figure on an A4 page with text of at least 8 pt.

Reports of very large cases stay bounded: maps summarise above 2,000 actors, figures label
at most 40 names, tables show at most 30 rows (and say so), names are cut at 60 characters.
"""

import base64
import datetime
import html
import io
from pathlib import Path

import pandas as pd

from .. import i18n
from ..data._atomic import atomic_write, check_target
from ..data.arguments import analysis
from ..data.examples import example_meta, example_names, load_example
from ..data.provenance import input_checksum
from ..data.read import read_case
from ..instruments.findings import findings
from ..instruments.goals import goal_priorities
from ..instruments.governance import role_conflicts
from ..instruments.lessons import lesson_benchmark, lesson_scores
from ..instruments.partners import partner_bundles, partner_matrix
from ..network.evidence import coding_sensitivity, profile_evidence
from ..network.metrics import actor_metrics, network_metrics
from ..network.quality import trust_value
from ..network.waves import wave_changes
from . import plot
from .content import LESSONS
from .findings_text import finding_sentences
from .plot._labels import shorten
from .tables import html_table, spans
from .words import count_indicator, privacy_note, pseudonymised, response_note, trust_note

__all__ = ["build_report", "write_report", "key_findings", "DATA_DICTIONARY_VERSION", "MAX_ROWS"]

DATA_DICTIONARY_VERSION = "2.0"
MAX_ROWS = 30
MAX_TEXT = 120  # characters of a name or label in a table cell

STYLE = """
body{font-family:"DejaVu Sans",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
 margin:0 auto;max-width:820px;padding:16px;color:#1a1a1a;line-height:1.45;font-size:15px}
h1{font-size:1.7em;margin:.2em 0}h2{font-size:1.3em;border-bottom:2px solid #0072B2;
 padding-bottom:2px;margin-top:1.8em}h3{font-size:1.08em}
.titleblock{border-bottom:3px solid #0072B2;padding-bottom:.6em;margin-bottom:1em}
.subtitle{color:#333;font-size:1.05em;margin:.2em 0 .6em}
figure{margin:1.2em 0}figure img{width:100%;height:auto}
figcaption,caption{font-size:.92em;color:#222;text-align:left;margin:.3em 0}
caption{caption-side:top;font-weight:normal}
.source{font-size:.82em;color:#555;margin:.2em 0 1em}
.table{overflow-x:auto}table{border-collapse:collapse;font-size:.88em;margin:.3em 0;
 width:100%}
th,td{padding:3px 6px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top;
 overflow-wrap:break-word;hyphens:auto}
td.num{text-align:right;white-space:nowrap}
th{background:#f2f6fa}.note{border-left:4px solid #D55E00;background:#fdf3ec;
 padding:6px 10px;margin:.8em 0}.privacy{border-left-color:#0072B2;background:#eef5fb}
.findings{border:2px solid #0072B2;background:#f7fafd;padding:4px 14px;margin:1em 0}
.findings li{margin:.35em 0}
.muted{color:#555;font-size:.9em}
.reading{font-size:.9em;color:#1a1a1a;background:#f4f4f4;padding:4px 8px;margin:.3em 0}
.vision{font-style:italic;margin:.4em 0 .8em}
footer{border-top:1px solid #bbb;margin-top:2em;padding-top:.4em;font-size:.82em;color:#444;
 overflow-wrap:anywhere}
@page{size:A4;margin:16mm 15mm}
@media print{
 body{max-width:none;padding:0;font-size:10pt}
 h2{page-break-after:avoid;break-after:avoid}
 figure,.findings{page-break-inside:avoid;break-inside:avoid}
 tr,.reading,figcaption{page-break-inside:avoid;break-inside:avoid}
 thead{display:table-header-group}
 caption,.reading{page-break-after:avoid;break-after:avoid}
 .table{overflow:visible}
 table{font-size:8.5pt;table-layout:auto}
 figcaption,caption,.source{font-size:8.5pt}
}
"""


class _Numbering:
    """Figures and tables numbered in order, each with a caption and a source line."""

    def __init__(self, lang, source):
        self.lang = lang
        self.source = source
        self.figures = 0
        self.tables = 0

    def reading(self, key):
        """The "Hoe lees je dit" paragraph of a figure or table (catalogue ``reading_guide``)."""
        if not key:
            return ""
        return (f'<p class="reading"><b>{html.escape(i18n.t("reading_guide.label", self.lang))}'
                f"</b> {html.escape(i18n.t(f'reading_guide.{key}', self.lang))}</p>")

    def figure(self, ax, caption, source=None, reading=None):
        import matplotlib.pyplot as plt

        self.figures += 1
        fig = ax.figure
        buffer = io.BytesIO()
        with plot.style():
            fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
        plt.close(fig)
        data = base64.b64encode(buffer.getvalue()).decode("ascii")
        label = i18n.t("report.figure", self.lang, n=self.figures)
        alt = i18n.t("report.figure_alt", self.lang, n=self.figures, caption=caption)
        return (f'<figure><img alt="{html.escape(alt)}" src="data:image/svg+xml;base64,{data}">'
                f"<figcaption><b>{html.escape(label)}</b> {html.escape(caption)}</figcaption>"
                f"{self.reading(reading)}"
                f'<p class="source">{html.escape(source or self.source)}</p></figure>')

    def table(self, frame, caption, index=False, index_section=None, digits=3, source=None,
              reading=None):
        self.tables += 1
        label = i18n.t("report.table", self.lang, n=self.tables)
        frame = _short_cells(frame)
        body = html_table(frame, index=index, digits=digits, lang=self.lang,
                          index_section=index_section, max_rows=MAX_ROWS,
                          caption=f"{label} {caption}")
        body = body.replace(f"<caption>{html.escape(label)} ",
                            f"<caption><b>{html.escape(label)}</b> ", 1)
        return (f'<div class="table">{body}</div>{self.reading(reading)}'
                f'<p class="source">{html.escape(source or self.source)}</p>')


def _short_cells(frame):
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or str(out[column].dtype) == "str":
            out[column] = out[column].map(
                lambda v: shorten(v, MAX_TEXT) if isinstance(v, str) else v)
    return out


def _text(text):
    """Text between tags: <, > and & escaped (quotes may stay as typed)."""
    return html.escape(str(text), quote=False)


def _section(title, *parts):
    return f"<h2>{_text(title)}</h2>\n" + "\n".join(p for p in parts if p)


def _p(text, cls=None):
    if not text:
        return ""
    return f'<p class="{cls}">{_text(text)}</p>' if cls else f"<p>{_text(text)}</p>"


def _vision(case, lang):
    """The vision under the main goal (the source's central step), as the report states it."""
    goals = case.goals
    roots = goals[goals["parent"].isna().to_numpy(dtype=bool) |
                  (goals["parent"].fillna("") == "").to_numpy(dtype=bool)]
    if not len(roots):
        return ""
    root = roots.iloc[0]
    vision = root["vision"] if isinstance(root["vision"], str) and root["vision"] else None
    key = "report.vision" if vision else "report.no_vision"
    text = i18n.t(key, lang, goal=shorten(root["label"], 120), vision=shorten(vision or "", 600))
    return f'<p class="vision">{_text(text)}</p>'


def _sources_section(lang):
    """The texts the concepts come from, with publishers and years as the texts state them,
    and what relnet adds itself."""
    items = "".join(f"<li>{_text(i18n.t(f'source.{k}', lang))}</li>"
                    for k in ("lessons", "board", "bodies", "goals"))
    return _section(i18n.t("sources_section.title", lang),
                    _p(i18n.t("reading_guide.sources", lang), "muted"),
                    f"<ul>{items}</ul>",
                    _p(i18n.t("sources_section.own", lang)),
                    _p(i18n.t("sources_section.quotes", lang), "muted"))


GLOSSARY = ("tussenpositie", "ingeslotenheid", "verbonden_paren", "indicator", "bandbreedte",
            "toeval", "respons", "holm", "icc", "kraljic", "partner", "verbonden_partij",
            "regisseur", "beweging")


def _glossary_section(lang):
    items = "".join(f"<li>{_text(i18n.t(f'glossary.{k}', lang))}</li>" for k in GLOSSARY)
    return _section(i18n.t("glossary.title", lang), f'<ul class="glossary">{items}</ul>')


def _meta_text(meta, key, lang):
    """A case.yaml text in the reader's language: ``summary_en`` for English when there is
    one, else ``summary``."""
    value = meta.get(f"{key}_{lang}") or meta.get(key) or ""
    return shorten(str(value), 4000)


def _default_others(case):
    """Benchmark cases: for a shipped (fictional) case the other shipped cases; a real case
    is not compared with invented ones unless asked."""
    if not case.meta.get("fictional"):
        return []
    return [load_example(n) for n in example_names()
            if example_meta(n).get("name") != case.meta.get("name")]


def _date(day, lang):
    """A date as the reader writes it: 26-11-2026 in Dutch, 2026-11-26 in English."""
    return day.strftime("%d-%m-%Y") if lang == "nl" else day.isoformat()


def _findings(case, wave, others, lang):
    """The key findings as sentences, strongest first (`relnet.findings`, worded)."""
    return finding_sentences(findings(case, others, wave=wave), lang)


@analysis
def key_findings(case, *, lang=None, names=False, wave=None, others=None):
    """The report's key findings as sentences, strongest first: `relnet.findings` worded
    (role conflicts, goals no partner carries, unserved tasks, bundle problems, waves that
    cannot be compared or a low response, changes beyond their uncertainty, lessons outside
    the other cases' range, proposed bundles and phase-outs).

    Parameters
    ----------
    <<case, lang>>
    names : bool
        Name persons (default: pseudonymised, as in the report).
    <<wave>>
    others : list of Case, optional
        The benchmark (see `build_report`).

    Returns
    -------
    list of str

    See Also
    --------
    build_report : the report that opens with these findings.

    Examples
    --------
    >>> import relnet
    >>> found = key_findings(relnet.load_example("brakkenveen"), lang="nl")
    >>> any("opdrachtgever" in f for f in found)
    True
    """
    others = _default_others(case) if others is None else list(others)
    if not names:  # the others give numbers only (the benchmark), never a person's name
        case = pseudonymised(case, lang)
    return _findings(case, wave, others, lang)


@analysis
def build_report(case, *, lang=None, names=False, wave=None, others=None):
    """The report of a case as one HTML string (see `write_report`).

    Parameters
    ----------
    <<case, lang>>
    names : bool
        Show persons' names (default: pseudonymised, also inside free text).
    <<wave>>
    others : list of Case, optional
        Cases to benchmark the self-assessment against. Default: for a fictional case the
        other shipped cases (said to be fictional), for real data none.

    Returns
    -------
    str

    Examples
    --------
    >>> import relnet
    >>> page = build_report(relnet.load_example("brakkenveen"), lang="nl")
    >>> "Belangrijkste bevindingen" in page and "Sanne Everaerts" not in page
    True
    """
    from .._version import __version__

    original = case
    others = _default_others(case) if others is None else [o for o in others if o is not case]
    case = case if names else pseudonymised(case, lang)
    meta = case.meta
    title = shorten(meta.get("name", ""), 200)
    wave_text = wave if wave is not None else "–"
    number = _Numbering(lang, i18n.t("report.source_line", lang, case=title, wave=wave_text,
                                     version=__version__))
    parts = []
    date = datetime.date.today()
    parts.append(
        f'<div class="titleblock"><h1>{html.escape(i18n.t("report.title", lang))}: '
        f"{html.escape(title)}</h1>"
        + '<p class="subtitle">' + html.escape(i18n.t(
            "report.subtitle", lang, municipality=shorten(meta.get("municipality", ""), 80),
            wave=wave_text, date=_date(date, lang))) + "</p>"
        + (f'<div class="note">{html.escape(i18n.t("common.fictional_case", lang))}</div>'
           if meta.get("fictional") else "")
        + '<div class="note privacy">' + html.escape(i18n.t(
            "report.named" if names else "report.pseudonymised", lang))
        + ("" if names else html.escape(" " + privacy_note(case, lang)).rstrip())
        + "</div></div>")

    findings = _findings(case, wave, others, lang)  # the others give numbers only
    items = "".join(f"<li>{html.escape(f, quote=False)}</li>" for f in findings) or \
        f"<li>{html.escape(i18n.t('report.no_findings', lang))}</li>"
    parts.append(_section(i18n.t("report.findings", lang),
                          _p(i18n.t("report.findings_intro", lang), "muted"),
                          f'<div class="findings"><ul>{items}</ul></div>'))

    summary = pd.DataFrame({
        "": [i18n.t(f"report.{k}", lang) for k in ("municipality", "population",
                                                     "waves_list", "actors", "ties")],
        " ": [shorten(meta.get("municipality", ""), 80),
              i18n.number(meta["population"], lang) if meta.get("population") else "–",
              ", ".join(map(str, case.waves)), i18n.number(len(case.actors), lang),
              i18n.number(len(case.ties), lang)]})
    lesson_list = ", ".join(f"{n}. {LESSONS[n].title(lang)}" for n in meta.get("lessons", [])
                            if n in LESSONS)
    parts.append(_section(
        i18n.t("report.summary", lang), _p(_meta_text(meta, "summary", lang)),
        f'<div class="table">{html_table(summary, lang=lang, header=False)}</div>',
        f"<h3>{html.escape(i18n.t('report.practice', lang))}</h3>" if
        _meta_text(meta, "practice", lang) else "",
        _p(_meta_text(meta, "practice", lang)),
        _p(i18n.t("report.lessons_illustrated", lang, lessons=lesson_list), "muted")
        if lesson_list else ""))

    parts.append(_network_section(case, wave, lang, number))
    parts.append(_waves_section(case, lang, number, title, __version__))
    parts.append(_partners_section(case, wave, lang, number))
    parts.append(_goals_section(case, lang, number))
    parts.append(_governance_section(case, lang, number))
    parts.append(_lessons_section(case, wave, others, lang, number, title,
                                  __version__))
    parts.append(_trust_section(case, wave, lang, number))

    parts.append(_sources_section(lang))
    parts.append(_glossary_section(lang))
    source = Path(original.source).name if original.source else "–"
    digest, from_files = input_checksum(original)
    options = i18n.t(
        "provenance.options_value", lang, language=lang,
        wave=i18n.t("provenance.latest_wave", lang, wave=case.resolve_wave(None))
        if wave is None else wave,
        names=i18n.t("report.named_short" if names else "report.pseudonymised_short", lang),
        others=", ".join(shorten(str(o.meta.get("municipality") or o.meta.get("name", "")),
                                 40) for o in others)
        if others else i18n.t("provenance.no_others", lang))
    provenance = pd.DataFrame({
        "": [i18n.t(f"report.{k}", lang) for k in ("file", "date", "version", "dictionary",
                                                     "is_fictional", "data_source", "licence",
                                                     "privacy")]
        + [i18n.t("provenance.checksum", lang), i18n.t("provenance.options", lang)],
        " ": [f"‘{shorten(source, 80)}’" if original.source else "–", _date(date, lang),
              f"relnet {__version__}",
              i18n.t("report.dictionary_value", lang, version=DATA_DICTIONARY_VERSION),
              i18n.yes_no(bool(meta.get("fictional")), lang),
              shorten(_meta_text(meta, "source", lang) or "–", 600),
              shorten(str(meta.get("licence") or "–"), 80),
              i18n.t("report.named_short" if names else "report.pseudonymised_short", lang),
              digest if from_files else i18n.t("provenance.checksum_content", lang,
                                                digest=digest),
              options]})
    parts.append(_section(i18n.t("report.provenance", lang),
                          number.table(provenance, i18n.t("report.caption_provenance", lang),
                                       source=" ", reading="provenance")))
    parts.append("<footer>" + _text(i18n.t(
        "provenance.footer", lang, version=__version__, date=_date(date, lang),
        options=options, digest=digest)) + "</footer>")
    body = "\n".join(p for p in parts if p)
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(i18n.t('report.title', lang))}: {html.escape(title)}</title>\n"
            f"<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _network_section(case, wave, lang, number):
    metrics = network_metrics(case, wave=wave)
    table = metrics.to_frame(name="value")
    table.index.name = "metric"
    actors = actor_metrics(case, wave=wave)
    central = actors.nlargest(8, "betweenness")[["degree", "betweenness", "closeness",
                                                  "constraint"]]
    names = case.actors.set_index("id")["name"]
    central.insert(0, "name", names.reindex(central.index).to_numpy())
    central = central.reset_index(drop=True)
    evidence = profile_evidence(case, wave=wave, reps=500)
    # the shares in the table; administrator_reach, a count per person, in a sentence apart
    profile = evidence[evidence["indicator"] != "administrator_reach"]
    shown = pd.DataFrame({
        "indicator": profile["indicator"],
        "lesson": [LESSONS[int(n)].title(lang) if pd.notna(n) else "–"
                   for n in profile["lesson"]],
        "value": profile["value"], "n": profile["n"],
        "interval": spans(profile["ci_low"], profile["ci_high"], lang),
        "baseline": spans(profile["null_low"], profile["null_high"], lang),
        "reading": profile["reading"], "note": profile["note"], "params": profile["params"]})
    return "\n".join([
        _section(i18n.t("report.network", lang),
                 number.figure(plot.network_plot(case, wave=wave, lang=lang,
                                                 size_by="betweenness"),
                               i18n.t("report.caption_network", lang, wave=wave),
                               reading="network"),
                 number.table(table, i18n.t("report.caption_metrics", lang, wave=wave),
                              index=True, index_section="metric", reading="metrics"),
                 number.table(central, i18n.t("report.caption_central", lang,
                                              n=len(central), wave=wave), reading="central")),
        _section(i18n.t("report.profile", lang),
                 number.figure(plot.profile_plot(case, wave=wave, reps=500, lang=lang),
                               i18n.t("report.caption_profile_figure", lang, wave=wave),
                               reading="profile_figure"),
                 number.table(shown, i18n.t("report.caption_profile", lang, wave=wave),
                              reading="profile"),
                 _p(count_indicator(evidence, lang)),
                 _p(response_note(case, lang, wave), "muted"),
                 *_coding_table(case, wave, lang, number))])


def _coding_table(case, wave, lang, number):
    """The indicators with the wijkteams counted both ways, when the case leaves it open."""
    table = coding_sensitivity(case, wave=wave)
    if not len(table):
        return []
    return [number.table(table, i18n.t("report.caption_coding", lang, wave=wave), digits=3,
                         reading="coding_table")]


def _waves_section(case, lang, number, title, version):
    if len(case.waves) < 2:
        return ""
    a, b = case.waves[0], case.waves[-1]
    source = i18n.t("report.source_waves", lang, case=title, a=a, b=b, version=version)
    changes = wave_changes(case, a, b)
    counts = changes.counts()
    counts.index = [i18n.t(f"report.{k}", lang) for k in counts.index]
    counts.index.name = ""
    table = changes.metrics[["a", "b", "difference"]].copy()
    table.columns = [str(a), str(b), "difference"]
    return _section(f"{i18n.t('report.waves', lang)} {a}–{b}",
                    number.figure(plot.wave_plot(case, a, b, lang=lang),
                                  i18n.t("report.caption_waves", lang, a=a, b=b), source,
                                  reading="waves_figure"),
                    number.table(counts, i18n.t("report.caption_counts", lang, a=a, b=b),
                                 index=True, source=source, reading="counts"),
                    number.table(table, i18n.t("report.caption_wave_metrics", lang, a=a, b=b),
                                 index=True, index_section="metric", source=source,
                                 reading="wave_metrics"))


def _partners_section(case, wave, lang, number):
    if not len(case.partners):
        return _section(i18n.t("report.partners", lang), _p(i18n.t("report.no_data", lang)))
    matrix = partner_matrix(case, wave=wave)
    bundles = partner_bundles(case, wave=wave)
    # two tables of a partner each (position, then what the move asks): one would not fit A4
    return _section(i18n.t("report.partners", lang),
                    number.figure(plot.partner_matrix_plot(case, wave=wave, lang=lang),
                                  i18n.t("report.caption_matrix", lang, wave=wave),
                                  reading="matrix"),
                    number.table(matrix[["name", "influence", "dependency", "quadrant", "move"]],
                                 i18n.t("report.caption_partners", lang), digits=1,
                                 reading="partners"),
                    number.table(matrix[["name", "action", "target_strategy", "note"]],
                                 i18n.t("report.caption_partner_actions", lang),
                                 reading="partner_actions"),
                    number.table(bundles[["bundle", "members", "n", "influence", "dependency",
                                          "move", "target_quadrant", "note"]],
                                 i18n.t("report.caption_bundles", lang), digits=1,
                                 reading="bundles")
                    if len(bundles) else "")


def _goals_section(case, lang, number):
    if not len(case.goals):
        return _section(i18n.t("report.goals", lang), _p(i18n.t("report.no_data", lang)))
    priorities = goal_priorities(case)
    shown = priorities[["label", "activities", "effort", "statutory_effort",
                        "partners_total", "mean_contribution"]]
    return _section(i18n.t("report.goals", lang),
                    number.figure(plot.goal_tree_plot(case, lang=lang),
                                  i18n.t("report.caption_tree", lang), reading="tree"),
                    _vision(case, lang),
                    number.table(shown, i18n.t("report.caption_priorities", lang), digits=1,
                                 reading="priorities"))


MAX_BODIES = 200  # affiliated bodies a roles figure can show legibly (and draw in seconds)


def _governance_bodies(case):
    """How many bodies the roles figure would draw: the cap's measure."""
    from ..instruments.governance import _bodies

    return len(_bodies(case))


def _governance_section(case, lang, number):
    findings = role_conflicts(case)
    if not len(case.roles) and not len(findings):
        return _section(i18n.t("report.governance", lang), _p(i18n.t("report.no_data", lang)))
    names = case.actors.set_index("id")["name"]
    shown = findings.copy()
    shown["body"] = names.reindex(shown["body"]).to_numpy()
    bodies = _governance_bodies(case)
    return _section(i18n.t("report.governance", lang),
                    number.figure(plot.roles_plot(case, lang=lang),
                                  i18n.t("report.caption_roles", lang), reading="roles")
                    if bodies <= MAX_BODIES else _p(i18n.t(
                        "report.roles_left_out", lang, n=i18n.number(bodies, lang),
                        limit=i18n.number(MAX_BODIES, lang)), "muted"),
                    number.table(shown[["body", "rule", "severity", "message", "params"]],
                                 i18n.t("report.caption_findings", lang),
                                 reading="role_findings")
                    if len(shown) else _p(i18n.t("roles.no_findings", lang)))


def _lessons_section(case, wave, others, lang, number, title, version):
    if not len(case.lessons):
        return _section(i18n.t("report.lessons", lang), _p(i18n.t("report.no_data", lang)))
    if others:
        table = lesson_benchmark(case, others, wave=wave)
        fictional = bool(table["fictional_benchmark"].iloc[0])
        against = i18n.t("report.against_fictional" if fictional else "report.against_others",
                         lang, n=len(others))
        spread = spans(table["others_min"], table["others_max"], lang)
        # the difference is mean minus bench_mean, both shown: left out to fit A4
        table = table[["lesson", "n", "mean", "ci_low", "ci_high", "bench_mean",
                       "icc", "p_adjusted", "differs"]].copy()
        table.insert(list(table.columns).index("bench_mean") + 1, "others_range", spread)
        source = i18n.t("report.source_benchmark", lang, case=title, wave=wave, n=len(others),
                        version=version)
    else:
        table = lesson_scores(case, wave=wave)
        against, source = "", None
    table.insert(1, "title", [LESSONS[int(n)].title(lang) for n in table["lesson"]])
    # one interval column ("2,82–3,78") keeps the table within an A4 page
    table.insert(list(table.columns).index("ci_low"), "ci", [
        f"{i18n.number(low, lang, 2)}–{i18n.number(high, lang, 2)}"
        if pd.notna(low) and pd.notna(high) else "–"
        for low, high in zip(table["ci_low"], table["ci_high"])])
    table = table.drop(columns=["ci_low", "ci_high"])
    return _section(i18n.t("report.lessons", lang),
                    number.figure(plot.lesson_plot(case, others, wave=wave, lang=lang),
                                  i18n.t("report.caption_lessons", lang, others=against),
                                  source, reading="lessons_figure"),
                    number.table(table, i18n.t("report.caption_lesson_table", lang,
                                               others=against), digits=2, source=source,
                                 reading="lessons_table" if others else None))


def _trust_section(case, wave, lang, number):
    tv = trust_value(case, wave=wave)
    if not tv.network["n_ratings"]:
        return ""
    return _section(i18n.t("report.trust", lang),
                    number.figure(plot.trust_value_plot(case, wave=wave, lang=lang),
                                  i18n.t("report.caption_trust", lang), reading="trust"),
                    _trust_table(case, tv, lang, number),
                    _p(trust_note(tv, lang), "muted"))


def _trust_table(case, tv, lang, number, k=3):
    """The actors with the lowest and the highest trust received (names as the report shows
    them: persons pseudonymised), with what each rests on."""
    rated = tv.actors.dropna(subset=["trust"])
    if not len(rated):
        return ""
    ordered = rated.sort_values(["trust", "value"])
    picked = pd.concat([ordered.head(k), ordered.tail(k)]) if len(ordered) > 2 * k else ordered
    picked = picked[~picked.index.duplicated()]
    names = case.actors.set_index("id")["name"]
    shown = pd.DataFrame({"name": names.reindex(picked.index).to_numpy(),
                          "trust": picked["trust"].to_numpy(),
                          "value": picked["value"].to_numpy(),
                          "n_ratings": picked["n_ratings"].to_numpy()})
    return number.table(shown, i18n.t("report.caption_trust_table", lang, k=k), digits=2,
                        reading="trust_table")


def write_report(case_or_path, out, lang=None, names=False, wave=None, overwrite=False,
                 others=None):
    """Write the report of a case (a Case, or a path to one) to `out`, atomically.

    Parameters
    ----------
    case_or_path : Case or str or Path
    out : str or Path
        The HTML file to write.
    lang, names, wave, others
        As in `build_report`.
    overwrite : bool
        Replace an existing file (refused otherwise).

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    CaseError
        A missing or invalid case, before anything is written.
    FileExistsError, IsADirectoryError
        `out` exists (without `overwrite`) or is a folder.
    """
    case = case_or_path if hasattr(case_or_path, "tables") else read_case(case_or_path)
    out = Path(out)
    check_target(out, overwrite)
    page = build_report(case, lang=lang, names=names, wave=wave, others=others)
    return atomic_write(out, lambda temp: Path(temp).write_text(page, encoding="utf-8"),
                        overwrite=overwrite)

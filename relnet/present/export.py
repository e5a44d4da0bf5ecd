"""Export analysis tables for papers: CSV, one Excel workbook, LaTeX and Markdown.

Tables are exported as a reader sees them (headers and values in the chosen language, see
`relnet.present.tables`), numbers kept as numbers where the format has them (Excel, CSV).
What a cell holds never runs as code in the program that opens it: CSV cells that a
spreadsheet would take for a formula are neutralised (OWASP's CSV-injection rule), Excel
cells are always values, never formulas, LaTeX and Markdown special characters are escaped.
Every file is written under a temporary name and renamed; existing files are refused unless
``overwrite=True``.
"""

import os
import re
import shutil
from pathlib import Path

import pandas as pd

from .. import i18n
from .._docs import shared
from ..data._atomic import atomic_write, check_target, recover, temp_folder
from ..data.write import quiet_workbook, xlsx_row
from .netexport import network_bytes
from .tables import display_table, display_value, html_table
from .words import worded

__all__ = ["export_tables", "export_case", "network_bytes", "tables_bytes", "case_tables",
           "FORMATS", "file_name", "html_table", "neutralise", "latex_escape", "markdown_escape",
           "sheet_names"]

FORMATS = ("csv", "xlsx", "tex", "md")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# every line break a reader may honour: CR LF, CR, LF, VT, FF, NEL, LS, PS
_LINE_BREAK = re.compile("\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")


def neutralise(text):
    """A CSV cell that a spreadsheet would read as a formula, made inert (OWASP): a leading
    ``'`` keeps Excel and LibreOffice from evaluating it.

    Parameters
    ----------
    text : object
        A cell's value; only text is changed.

    Returns
    -------
    object
        A str on one line (a line break inside a cell becomes a space: LibreOffice's import
        would start a new row there, and a formula with it), with ``'`` in front when it
        starts, after spaces, with ``=``, ``+``, ``-``, ``@`` or a tab; otherwise `text`
        unchanged.

    Examples
    --------
    >>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("@SUM(A1)|cmd"), neutralise("Oost")
    ('\\'=HYPERLINK("http://x")', "'@SUM(A1)|cmd", 'Oost')
    >>> neutralise("Stichting Hoop\\r=cmd|' /C calc'!A0")
    "Stichting Hoop =cmd|' /C calc'!A0"
    """
    if not isinstance(text, str):
        return text
    text = _LINE_BREAK.sub(" ", text)
    if text.lstrip(" ").startswith(_FORMULA_START):
        return "'" + text
    return text


_LATEX = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
          "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
          "^": r"\textasciicircum{}", "[": "{[}", "]": "{]}"}
_LATEX_PATTERN = re.compile("|".join(re.escape(k) for k in _LATEX))


def latex_escape(text):
    r"""Text safe inside a LaTeX table: no command, no comment, no column break.

    Parameters
    ----------
    text : object
        The cell's content; converted with `str`.

    Returns
    -------
    str
        The text with LaTeX's special characters ``\ & % $ # _ { } ~ ^`` escaped, ``[``
        and ``]`` in braces and a leading ``*`` too (after a row's end ``\\`` they would
        be read as its argument), line breaks as spaces (a blank line ends a paragraph,
        which a table cell cannot hold).

    Examples
    --------
    >>> print(latex_escape(r"\input{/etc/passwd} & 50% _x_ #1"))
    \textbackslash{}input\{/etc/passwd\} \& 50\% \_x\_ \#1
    >>> print(latex_escape("[3cm] *x"), latex_escape("*ster"))
    {[}3cm{]} *x {*}ster
    """
    text = _LATEX_PATTERN.sub(lambda m: _LATEX[m.group()], _LINE_BREAK.sub(" ", str(text)))
    return "{*}" + text[1:] if text.startswith("*") else text


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+!|<>])")


def markdown_escape(text):
    r"""Text safe inside a Markdown table: no HTML, no link, no column break.

    Parameters
    ----------
    text : object
        The cell's content; converted with `str`.

    Returns
    -------
    str
        The text with a backslash before each of ``\ ` * _ { } [ ] ( ) # + ! | < >`` and
        every line break (LF, CR, CR LF and the Unicode ones) replaced by a space.

    Examples
    --------
    >>> print(markdown_escape("<script>x</script> [a](javascript:alert(1)) | b"))
    \<script\>x\</script\> \[a\]\(javascript:alert\(1\)\) \| b
    """
    return _LINE_BREAK.sub(" ", _MARKDOWN.sub(r"\\\1", str(text)))


def sheet_names(names):
    """Excel sheet names for table names: at most 31 characters, no []:*?/\\, unique
    (a collision after cutting or cleaning gets a number).

    Parameters
    ----------
    names : iterable
        The table names, in order; each is converted with `str`.

    Returns
    -------
    list of str
        One sheet name per table name, in the same order. Characters Excel forbids are
        removed, leading and trailing ``'`` stripped, the name cut to 31 characters
        (``"table"`` when nothing is left); a name already used (ignoring case) gets
        `` (2)``, `` (3)``, ... within the 31 characters.

    Examples
    --------
    >>> sheet_names(["a/b", "a:b", "x" * 40, "x" * 35])
    ['ab', 'ab (2)', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'xxxxxxxxxxxxxxxxxxxxxxxxxxx (2)']
    """
    used, out = set(), []
    for name in names:
        base = "".join(ch for ch in str(name) if ch not in "[]:*?/\\").strip("'")[:31] \
            or "table"
        candidate, k = base, 2
        while candidate.lower() in used:
            suffix = f" ({k})"
            candidate = base[:31 - len(suffix)] + suffix
            k += 1
        used.add(candidate.lower())
        out.append(candidate)
    return out


def _translated(frame, lang):
    """Headers and category values translated; numbers left as numbers."""
    frame = worded(frame, lang)  # keys with their parameters into sentences, params dropped
    shown = display_table(frame.head(0), lang)  # the headers
    out = pd.DataFrame(index=range(len(frame)))
    for column, header in zip(frame.columns, shown.columns):
        values = frame[column]
        if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
            out[header] = values.to_numpy()
        else:
            out[header] = [display_value(v, column, lang) for v in values.tolist()]
    return out


def export_tables(tables, path, fmt=None, overwrite=False, digits=3, lang=None):
    """Write named tables (dict name -> DataFrame or Series) for a paper.

    Parameters
    ----------
    tables : dict of str -> DataFrame or Series
    path : str or Path
        ``.xlsx``: one workbook with a sheet per table; otherwise one file per table named
        ``<path>_<name>.<fmt>`` (or inside `path` when it is a folder).
    fmt : {"csv", "xlsx", "tex", "md"}, optional
        Default: the suffix of `path`.
    overwrite : bool
        Replace existing files.
    digits : int
        Decimals in LaTeX and Markdown.
    lang : {"nl", "en"}, optional
        Language of headers and values; Dutch CSV uses ``;`` and a decimal comma, as Dutch
        Excel expects.

    Returns
    -------
    list of Path
        The files written.

    Examples
    --------
    >>> import relnet, tempfile, pathlib
    >>> case = relnet.load_example("haverdonk")
    >>> tables = {"metrics": relnet.network_metrics(case).to_frame(),
    ...           "profile": relnet.relational_profile(case)}
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in export_tables(tables, out / "haverdonk.xlsx")]
    ['haverdonk.xlsx']
    >>> sorted(p.name for p in export_tables(tables, out / "haverdonk", fmt="md"))
    ['haverdonk_metrics.md', 'haverdonk_profile.md']
    """
    lang = i18n.resolve(lang)
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    frames = {name: (t.to_frame() if isinstance(t, pd.Series) else t).reset_index()
              if _keeps_index(t) else t for name, t in tables.items()}
    if fmt == "xlsx":
        return [atomic_write(path.with_suffix(".xlsx"),
                             lambda temp: _write_xlsx(frames, temp, lang), overwrite)]
    base = path / path.name if path.is_dir() else path.with_suffix("")
    targets = {name: base.with_name(f"{base.name}_{_file_part(name)}.{fmt}") for name in frames}
    for target in targets.values():
        check_target(target, overwrite)
    written = []
    for name, frame in frames.items():
        writer = {"csv": _write_csv, "tex": _write_tex, "md": _write_md}[fmt]
        written.append(atomic_write(
            targets[name], lambda temp, frame=frame, name=name, writer=writer:
            writer(frame, temp, lang, digits, name), overwrite=True))
    return written


def _keeps_index(table):
    """A Series, or a table whose index carries meaning (a name, or not 0..n-1)."""
    if isinstance(table, pd.Series):
        return True
    return table.index.name is not None or not isinstance(table.index, pd.RangeIndex)


def _file_part(name):
    return re.sub(r"[^\w.-]+", "_", str(name)).strip("._")[:80] or "table"


@shared
def file_name(case, part, suffix, lang=None, wave=None):
    """The name of a file relnet makes from `case`: the municipality (or the case's name),
    what the file holds (in the reader's language) and the wave, e.g.
    ``haverdonk_netwerk_2017.svg``.

    Parameters
    ----------
    <<case>>
    part : {"network", "tables", "report", "partners", "goals", "roles", "lessons"}
        What the file holds.
    suffix : str
        The file type, without the dot.
    <<lang, wave>>

    Returns
    -------
    str

    Examples
    --------
    >>> import relnet
    >>> file_name(relnet.load_example("haverdonk"), "network", "svg", lang="nl", wave=2017)
    'haverdonk_netwerk_2017.svg'
    """
    # no dot in the stem: "st._anthonis_netwerk" would lose everything after "st" as a suffix
    stem = _file_part(str(case.meta.get("municipality") or case.name or "").replace(".", " ")
                      ).lower()[:40]
    words = [stem or i18n.t("file.case", lang), i18n.t(f"file.{part}", lang)]
    if wave is not None:
        words.append(str(wave))
    return "_".join(words) + "." + suffix


def _write_xlsx(frames, temp, lang):
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    with quiet_workbook(book):
        for name, sheet_name in zip(frames, sheet_names(frames)):
            sheet = book.create_sheet(sheet_name)
            shown = _translated(frames[name], lang)
            sheet.append(xlsx_row(sheet, list(shown.columns)))
            for row in shown.itertuples(index=False):
                sheet.append(xlsx_row(sheet, row, rounded=True))
        book.save(temp)


def _write_csv(frame, temp, lang, digits, name):
    shown = _translated(frame, lang)
    for column in shown.columns:
        if not pd.api.types.is_numeric_dtype(shown[column]):
            shown[column] = shown[column].map(neutralise)
    dutch = lang == "nl"
    shown.to_csv(temp, index=False, sep=";" if dutch else ",", decimal="," if dutch else ".",
                 encoding="utf-8-sig" if dutch else "utf-8")


def _write_tex(frame, temp, lang, digits, name):
    shown = display_table(frame, lang, digits)
    columns = " & ".join(latex_escape(c) for c in shown.columns)
    lines = [r"\begin{table}", r"\centering",
             rf"\caption{{{latex_escape(str(name).replace('_', ' '))}}}",
             r"\begin{tabular}{" + "l" * len(shown.columns) + "}", r"\toprule",
             columns + r" \\", r"\midrule"]
    for record in shown.itertuples(index=False):
        lines.append(" & ".join(latex_escape(v) for v in record) + r" \\")
    lines += [r"\bottomrule", r"\end{tabular}", r"\end{table}", ""]
    Path(temp).write_text("\n".join(lines), encoding="utf-8")


def _write_md(frame, temp, lang, digits, name):
    shown = display_table(frame, lang, digits)
    lines = ["| " + " | ".join(markdown_escape(c) for c in shown.columns) + " |",
             "|" + "---|" * len(shown.columns)]
    for record in shown.itertuples(index=False):
        lines.append("| " + " | ".join(markdown_escape(v) for v in record) + " |")
    Path(temp).write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- a whole case


@shared
def case_tables(case, wave=None, lang=None):
    """The main analysis tables of a case (name -> DataFrame), as exported and downloaded.

    Parameters
    ----------
    <<case>>
    wave : int, optional
        The wave; None (default) is the latest. Every tie type counts.
    lang : {"nl", "en"}, optional
        Language of the texts inside the tables (descriptions, notes, labels, messages);
        None: the default language set by `relnet.set_language` (Dutch by default). Column
        names and keys stay English (`relnet.present.tables.display_table` translates
        them).

    Returns
    -------
    dict of str -> DataFrame
        ``"network"``: `network_metrics` (index ``metric``, column value);
        ``"actors"``: name and the `actor_metrics` of each actor (without the id);
        ``"profile"``: `relational_profile`; and, when the case has the data:
        ``"partners"`` (`partner_matrix` without the actor column), ``"bundles"``
        (`partner_bundles`, when any), ``"goals"`` (`goal_priorities` without the goal
        column), ``"roles"`` (`role_conflicts`, bodies by name) and ``"lessons"``
        (`lesson_scores`).

    Raises
    ------
    <<raises_case>>
    ValueError
        `wave` is not one of the case's waves, or `lang` is not a language relnet speaks.

    See Also
    --------
    tables_bytes : these tables as one Excel workbook.

    Examples
    --------
    >>> import relnet
    >>> list(case_tables(relnet.load_example("haverdonk"), lang="en"))[:3]
    ['network', 'actors', 'profile']
    """
    from ..instruments.goals import goal_priorities
    from ..instruments.governance import role_conflicts
    from ..instruments.lessons import lesson_scores
    from ..instruments.partners import partner_bundles, partner_matrix
    from ..network.indicators import relational_profile
    from ..network.metrics import actor_metrics, network_metrics

    names = case.actors.set_index("id")["name"]
    actors = actor_metrics(case, wave=wave)
    actors.insert(0, "name", names.reindex(actors.index).to_numpy())
    metrics = network_metrics(case, wave=wave).to_frame(name="value")
    metrics.index.name = "metric"
    tables = {"network": metrics, "actors": actors.reset_index(drop=True),
              "profile": relational_profile(case, wave=wave)}
    if len(case.partners):
        tables["partners"] = partner_matrix(case, wave=wave).drop(columns=["actor"])
        bundles = partner_bundles(case, wave=wave)
        if len(bundles):
            tables["bundles"] = bundles
    if len(case.goals):
        tables["goals"] = goal_priorities(case).drop(columns=["goal"])
    if len(case.roles):
        conflicts = role_conflicts(case)
        conflicts["body"] = names.reindex(conflicts["body"]).to_numpy()
        tables["roles"] = conflicts
    if len(case.lessons):
        tables["lessons"] = lesson_scores(case, wave=wave)
    return tables


@shared
def tables_bytes(case, wave=None, lang=None):
    """The main tables of a case as one Excel workbook (bytes).

    Parameters
    ----------
    <<case, wave>>
    lang : {"nl", "en"}, optional
        Language of headers and values; None: the default language set by
        `relnet.set_language` (Dutch by default).

    Returns
    -------
    bytes
        An ``.xlsx`` workbook with one sheet per table of `case_tables`; headers and
        category values translated, numbers kept as numbers, cells always values (never
        formulas).

    Raises
    ------
    <<raises_case>>
    ValueError
        `wave` is not one of the case's waves, or `lang` is not a language relnet speaks.

    See Also
    --------
    case_tables : the tables themselves.
    export_tables : write tables of your own choice.
    """
    import io

    frames = {name: (t.reset_index() if _keeps_index(t) else t)
              for name, t in case_tables(case, wave, lang).items()}
    buffer = io.BytesIO()
    _write_xlsx(frames, buffer, i18n.resolve(lang))
    return buffer.getvalue()


@shared
def export_case(case, folder, lang=None, names=False, wave=None, overwrite=False):
    """Everything a trainer or researcher takes away, written into `folder`: the figures
    (SVG and PNG), the tables (one .xlsx), the report (HTML) and the network (GEXF, GraphML).

    Returns the list of files written; refuses existing files unless ``overwrite=True``.

    Parameters
    ----------
    <<case>>
    folder : str or Path
        Created (with its parents) when it does not exist.
    lang : {"nl", "en"}, optional
        Language of every text and of the file names; None: the default language set by
        `relnet.set_language` (Dutch by default).
    names : bool
        Show persons' names. Default: persons are pseudonymised ("Persoon 01", ...) in the
        figures, tables, network files and report, also inside free text.
    <<wave>>
    overwrite : bool
        Replace existing files. Every target is checked before anything is written.

    Returns
    -------
    list of Path
        The files written: the figures (network, and partners, goals, roles and lessons
        when the case has those tables), each as SVG and PNG; then the tables (.xlsx), the
        report (.html) and the network (.gexf, .graphml). File names come from
        `file_name` (municipality and content, e.g. ``haverdonk_netwerk.svg``), without the
        wave.

    Raises
    ------
    TargetExistsError
        A file to write exists and `overwrite` is False (a subclass of
        `FileExistsError`); nothing is written then, but `folder` has been created.
    <<raises_case>>
    ValueError
        `wave` is not one of the case's waves, or `lang` is not a language relnet speaks.

    See Also
    --------
    relnet.present.report.write_report : the report alone.
    export_tables : tables of your own choice.
    network_bytes, tables_bytes
    """
    import matplotlib.pyplot as plt

    from . import plot
    from .report import build_report

    lang = i18n.resolve(lang)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    shown = case
    if not names:
        from .words import pseudonymised

        shown = pseudonymised(case, lang)
    figures = {"network": lambda: plot.network_plot(shown, wave=wave, lang=lang)}
    if len(case.partners):
        figures["partners"] = lambda: plot.partner_matrix_plot(shown, wave=wave, lang=lang)
    if len(case.goals):
        figures["goals"] = lambda: plot.goal_tree_plot(shown, lang=lang)
    if len(case.roles):
        figures["roles"] = lambda: plot.roles_plot(shown, lang=lang)
    if len(case.lessons):
        figures["lessons"] = lambda: plot.lesson_plot(shown, wave=wave, lang=lang)

    def target(part, suffix):
        return folder / file_name(case, part, suffix, lang)

    files = {(part, fmt): None for part in figures for fmt in ("svg", "png")}
    files.update({
        ("tables", "xlsx"): lambda: tables_bytes(shown, wave, lang),
        ("report", "html"): lambda: build_report(case, lang=lang, names=names,
                                                 wave=wave).encode(),
        # one edge per tie (every wave, or the chosen one), and the collapsed graph of the
        # wave with the actor metrics; Pajek and UCINET DL for the ties
        ("network", "gexf"): lambda: network_bytes(shown, "gexf", wave, lang),
        ("network", "graphml"): lambda: network_bytes(shown, "graphml", wave, lang),
        ("network", "net"): lambda: network_bytes(shown, "pajek", wave, lang),
        ("network", "dl"): lambda: network_bytes(shown, "dl", wave, lang),
        ("network_collapsed", "gexf"): lambda: network_bytes(shown, "gexf", wave, lang,
                                                             graph="collapsed"),
        ("network_collapsed", "graphml"): lambda: network_bytes(
            shown, "graphml", wave, lang, graph="collapsed"),
    })
    for part, suffix in files:
        check_target(target(part, suffix), overwrite)
    # Everything is made in a temporary folder first and moved in at the end: an error, Ctrl-C
    # or SIGTERM halfway leaves no partial export that would block the same command again
    # (what a killed run leaves, the next one removes).
    marker = folder / "relnet-export"
    recover(marker)
    staging = temp_folder(marker)
    try:
        staged = []
        for part, draw in figures.items():
            ax = draw()
            stem = staging / Path(file_name(case, part, "svg", lang)).stem
            staged += plot.save_figure(ax, stem, fmt=("svg", "png"), overwrite=True)
            plt.close(ax.figure)
        for (part, suffix), make in files.items():
            if make is not None:
                path = staging / file_name(case, part, suffix, lang)
                path.write_bytes(make())
                staged.append(path)
        for path in staged:
            check_target(folder / path.name, overwrite)
        written = []
        for path in staged:
            written.append(Path(os.replace(path, folder / path.name) or folder / path.name))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written

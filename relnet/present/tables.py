"""Tables as a reader sees them: headers, values and numbers in the reader's language.

Analyses return English keys ("strategic", "up+right", True, 0.4213); `display_table`
turns a result into what a person reads ("strategisch partner", "omhoog + rechts", "ja",
"0,421"), with the catalogue (`relnet.i18n`) as the only source of words. The report,
the explorers and the exports all use it, so a table reads the same everywhere.
"""

import dataclasses
import html
import math
import numbers

import numpy as np
import pandas as pd

from .. import i18n
from .._docs import shared
from .words import spans, word_key, worded

__all__ = ["display_table", "display_value", "html_table", "show", "spans", "VALUE_SECTIONS"]

# Which catalogue section translates the values of a column.
VALUE_SECTIONS = {
    "quadrant": "quadrant", "target_quadrant": "quadrant", "kind": "kind", "type": "tie_type",
    "role": "role", "severity": "severity", "status": "status", "indicator": "indicator",
    "metric": "metric", "rule": "rule", "reason": "similar_reason", "response_band": "band",
    "reading": "reading", "problem": "bundle_problem",
}
# Columns whose values are combinations ("up+right", "care|youth").
COMBINED = {"move": ("move", "+", " + "), "domain": ("domain", "|", ", ")}
# Columns that hold shares or scores: shown with 3 decimals (others as they come).
_TEXT_COLUMNS = {"name", "label", "message", "description", "note", "strategy",
                 "target_strategy", "action", "title", "vision", "members", "bundle"}


@shared
def display_value(value, column=None, lang=None, digits=3, fixed=False):
    """One cell as a reader of `lang` sees it.

    Parameters
    ----------
    value : object
        The cell's value.
    column : str, optional
        The column it comes from: it says which catalogue section translates a key
        (`VALUE_SECTIONS`: ``"quadrant"``, ``"kind"``, ``"type"`` ...) and which values are
        combinations (``"move"``: ``"up+right"``; ``"domain"``: ``"care|youth"``).
    <<lang>>
    digits : int
        Decimals of numbers that are not whole (see `relnet.i18n.number`).
    fixed : bool
        Give whole numbers `digits` decimals too (a column of fractions).

    Returns
    -------
    str
        Booleans as yes/no; text translated when its column has a catalogue section and
        the catalogue has the key (other text as it is); lists, tuples and sets joined by
        ", "; numbers in the language's format; missing values as '–'.

    Raises
    ------
    <<raises_lang>>

    Examples
    --------
    >>> display_value("strategic", "quadrant", "nl"), display_value("up+right", "move", "nl")
    ('strategisch partner', 'omhoog + rechts')
    >>> display_value(True, lang="nl"), display_value(48000.0, lang="nl")
    ('ja', '48.000')
    """
    if isinstance(value, (bool, np.bool_)):
        return i18n.yes_no(bool(value), lang)
    if isinstance(value, str):
        if column in ("strategy", "target_strategy", "action", "label"):
            return word_key(value, column, None, lang)  # note and message: only with params
        if column in COMBINED:
            section, split, join = COMBINED[column]
            return join.join(i18n.label(section, part, lang) for part in value.split(split))
        section = VALUE_SECTIONS.get(column)
        if section and i18n.has(f"{section}.{value}"):
            return i18n.t(f"{section}.{value}", lang)
        return value
    if isinstance(value, (list, tuple, set)):
        return ", ".join(display_value(v, column, lang, digits) for v in value)
    if isinstance(value, numbers.Number) and not (isinstance(value, float) and math.isnan(value)):
        return i18n.number(value, lang, digits, fixed=fixed)
    return i18n.cell(value, lang, digits)


def _header(name, lang):
    if i18n.has(f"column.{name}"):
        return i18n.t(f"column.{name}", lang)
    if i18n.has(f"metric.{name}"):
        return i18n.t(f"metric.{name}", lang)
    if i18n.has(f"indicator.{name}"):
        return i18n.t(f"indicator.{name}", lang)
    return str(name).replace("_", " ")


def _index_label(key, section, lang):
    """An index value's label; measures and indicators share one list of rows."""
    for candidate in (section, "metric", "indicator", "column") if section == "metric" \
            else (section,):
        if i18n.has(f"{candidate}.{key}"):
            return i18n.t(f"{candidate}.{key}", lang)
    return str(key).replace("_", " ")


@shared
def display_table(frame, lang=None, digits=3, index=False, index_section=None):
    """A DataFrame as text for a reader: translated headers and values, formatted numbers.

    Parameters
    ----------
    frame : DataFrame or Series
    lang : {"nl", "en"}, optional
        None: the default language (`relnet.set_language`).
    <<digits>>
    index : bool
        Keep the index as the first column (translated by `index_section`, e.g. "metric").
    index_section : str, optional
        The catalogue section that translates the index values; None: the one that
        belongs to the index's name, if any.

    Returns
    -------
    DataFrame of str

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"quadrant": ["leverage"], "influence": [7.5], "cut_point": [False]})
    >>> display_table(t, "nl").to_dict("records")
    [{'kwadrant': 'hefboom', 'invloed': '7,500', 'snijpunt': 'nee'}]
    """
    lang = i18n.resolve(lang)
    if isinstance(frame, pd.Series):
        frame = frame.to_frame()
    frame = worded(frame, lang)  # keys and their parameters into sentences
    out = {}
    # rows that hold counts (a metric table's "aantal componenten"): whole numbers, also in
    # a column of fractions
    counted = [isinstance(k, str) and k in COUNT_KEYS for k in frame.index]
    if index:
        name = frame.index.name or index_section or ""
        section = index_section or VALUE_SECTIONS.get(name)
        values = [_index_label(v, section, lang) if section and isinstance(v, str)
                  else display_value(v, name, lang, digits) for v in frame.index]
        out[_header(name, lang) if name else ""] = values
    for column in frame.columns:
        values = frame[column].tolist()
        # in a column with fractions every number gets its decimals (1,000 by 0,936; 3,00
        # by 2,33); counts (33 actors, a row or column of COUNT_KEYS) stay whole
        numbers_ = [v for v, c in zip(values, counted)
                    if isinstance(v, float) and not math.isnan(v) and not c]
        fractions = any(not v.is_integer() for v in numbers_)
        out[_header(column, lang)] = [
            display_value(_whole(v) if (count or column in COUNT_KEYS or not fractions) else v,
                          column, lang, digits,
                          fractions and not count and column not in COUNT_KEYS
                          and isinstance(v, float))
            for v, count in zip(values, counted)]
    return pd.DataFrame(out, dtype=object)


# metrics and columns that count (actors, links, pieces, answers, hours): shown without
# decimals ("aantal componenten 1", never "1,000"; "0 uur", never "0,0 uur")
COUNT_KEYS = frozenset({
    "n_actors", "n_ties", "components", "degree", "in_degree", "out_degree", "core_number",
    "n", "bench_n", "others_cases", "n_ratings", "activities", "partners", "partners_total",
    "partners_external", "effort", "statutory_effort", "added", "lost", "kept", "unknown",
    "raters", "respondents", "asked",
})


def _whole(value):
    """A float that is a whole number as an int (so it is written without decimals); a
    count given as a fraction (a mean) rounded to a whole number."""
    if isinstance(value, float) and not math.isnan(value):
        return int(round(value)) if value.is_integer() or abs(value) >= 1 else value
    return value


@shared
def html_table(frame, index=False, digits=3, lang=None, classes="relnet-table",
               index_section=None, caption=None, max_rows=None, header=True):
    """A DataFrame as compact, escaped HTML in the reader's language.

    `max_rows` shortens a long table and says so under it.

    Parameters
    ----------
    frame : DataFrame
        The table, with English keys and raw values (as analyses return them).
    index : bool
        Show the index as the first column.
    <<digits, lang>>
    classes : str
        The ``class`` attribute of the ``<table>``.
    index_section : str, optional
        The catalogue section that translates the index values (e.g. ``"metric"``).
    caption : str, optional
        A ``<caption>`` for the table.
    max_rows : int, optional
        Show at most this many rows, with a note of how many there are; None: all.
    header : bool
        Include the header row (``<thead>``).

    Returns
    -------
    str
        The HTML: headers and values as `display_table` gives them, every text escaped,
        numeric columns' cells with ``class="num"``.

    Raises
    ------
    <<raises_lang>>

    See Also
    --------
    display_table : the same table as a DataFrame of text.
    show : the table displayed in a notebook.

    Examples
    --------
    >>> import pandas as pd
    >>> print(html_table(pd.DataFrame({"name": ["a"], "value": [2.0]}), lang="nl"))
    <table class="relnet-table">
    <thead><tr><th>naam</th><th>waarde</th></tr></thead>
    <tbody><tr><td>a</td><td class="num">2</td></tr></tbody>
    </table>
    """
    lang = i18n.resolve(lang)
    total = len(frame)
    if max_rows is not None and total > max_rows:
        frame = frame.head(max_rows)
    shown = display_table(frame, lang, digits, index, index_section)
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(
        frame[c]) for c in frame.columns]
    if index:
        numeric = [False] + numeric
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in shown.columns)
    rows = []
    for record in shown.itertuples(index=False):
        cells = "".join(f'<td class="num">{html.escape(str(v))}</td>' if num else
                        f"<td>{html.escape(str(v))}</td>" for v, num in zip(record, numeric))
        rows.append(f"<tr>{cells}</tr>")
    parts = [f'<table class="{html.escape(classes)}">']
    if caption:
        parts.append(f"<caption>{html.escape(caption)}</caption>")
    if header:
        parts.append(f"<thead><tr>{head}</tr></thead>")
    parts.append(f"<tbody>{''.join(rows)}</tbody>")
    parts.append("</table>")
    if max_rows is not None and total > max_rows:
        said = i18n.t("common.truncated", lang, shown=i18n.number(max_rows, lang),
                      total=i18n.number(total, lang))
        parts.append(f'<p class="muted">{html.escape(said)}</p>')
    return "\n".join(parts)


class _Shown:
    """A table that Jupyter (and Voila) displays as HTML: no index, no dtype line."""

    def __init__(self, html_text):
        self.html = html_text

    def _repr_html_(self):
        return self.html

    def __repr__(self):
        return "relnet table"


def _result_parts(result, lang=None):
    """(catalogue key, table) of an analysis result that holds several tables
    (`relnet.TrustValue`, `relnet.WaveChanges`): each shown under its own caption."""
    if isinstance(result, (pd.DataFrame, pd.Series)):
        return []
    from ..network.quality import TrustValue
    from ..network.waves import WaveChanges

    owner = {TrustValue: "trust_value", WaveChanges: "wave_changes"}.get(type(result))
    if owner is None:
        return []
    tables = {f.name: getattr(result, f.name) for f in dataclasses.fields(result)
              if isinstance(getattr(result, f.name), (pd.DataFrame, pd.Series))}
    names = {}  # a reader sees actors by name, not by id
    for part in tables.values():
        if isinstance(part, pd.DataFrame) and "name" in part:
            ids = part["id"] if "id" in part else part.index if part.index.name == "id" \
                else None
            if ids is not None:
                names.update(zip(ids, part["name"]))
    parts = []
    for field, part in tables.items():
        if isinstance(part, pd.DataFrame) and names:
            if part.index.name == "id" and "name" in part:
                part = part.reset_index(drop=True)
            part = part.drop(columns=["id"] if "name" in part and "id" in part else [])
            part = part.assign(**{c: part[c].map(lambda i: names.get(i, i))
                                  for c in ("u", "v") if c in part})
        if isinstance(part, pd.DataFrame) and "kind" in part and part.index.name == "metric":
            # WaveChanges.metrics: a row is a network measure or an indicator
            part = part.assign(kind=[i18n.t(f"kind_of_row.{k}", lang) if isinstance(k, str) else k
                                     for k in part["kind"]])
        parts.append((f"{owner}_{field}", part))
    return parts


@shared
def show(table, lang=None, digits=3, index=None, index_section=None, caption=None,
         max_rows=50):
    """A table (DataFrame or Series) for a notebook: translated, numbers in the reader's
    format, no index or dtype line; Jupyter and Voila display it as HTML.

    Parameters
    ----------
    table : DataFrame, Series, TrustValue or WaveChanges
        A table as an analysis returns it. A Series is shown as one column ``value`` with
        its index (named ``metric`` when it has no name and `index_section` is None or
        ``"metric"``). A result of several tables (`relnet.trust_value`,
        `relnet.wave_changes`) is shown table by table, each under a caption.
    <<lang, digits>>
    index : bool, optional
        Show the index as the first column; None: for a Series, or when the index has a
        name.
    index_section : str, optional
        The catalogue section that translates the index values (e.g. ``"metric"``).
    caption : str, optional
        A caption above the table.
    max_rows : int, optional
        Show at most this many rows (50 by default), with a note of how many there are;
        None: all.

    Returns
    -------
    object
        An object that Jupyter and Voila display as the table's HTML (`html_table`), via
        its ``_repr_html_`` method.

    Raises
    ------
    <<raises_lang>>

    Examples
    --------
    >>> import relnet
    >>> shown = show(relnet.network_metrics(relnet.load_example("haverdonk")), lang="nl")
    >>> "dichtheid (density)" in shown._repr_html_()
    True
    """
    parts = _result_parts(table, lang)
    if parts:
        return _Shown("".join(show(part, lang=lang, digits=digits, max_rows=max_rows,
                                   caption=i18n.t(f"result_part.{key}", lang))._repr_html_()
                              for key, part in parts))
    if not isinstance(table, (pd.DataFrame, pd.Series)):
        raise TypeError(f"show takes a table (DataFrame or Series) or the result of "
                        f"trust_value or wave_changes, not {type(table).__name__}")
    if isinstance(table, pd.Series):
        if not pd.api.types.is_numeric_dtype(table):  # keys among numbers ("low")
            table = pd.Series([display_value(v, k, lang) if isinstance(v, str) else v
                               for k, v in table.items()], index=table.index,
                              name=table.name, dtype=object)
        table = table.to_frame(name="value")
        if table.index.name is None:
            table.index.name = "metric" if index_section in (None, "metric") else None
        index = True if index is None else index
    if index is None:
        index = table.index.name is not None
    return _Shown(html_table(table, index=index, digits=digits, lang=lang,
                             index_section=index_section, caption=caption,
                             max_rows=max_rows))

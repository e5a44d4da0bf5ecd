"""Export analysis tables for papers: CSV, one Excel workbook, LaTeX and Markdown.

Every file is written under a temporary name and renamed; existing files are refused
unless ``overwrite=True``.
"""

from pathlib import Path

import pandas as pd

from ..data._atomic import atomic_write, check_target

__all__ = ["export_tables", "FORMATS", "html_table"]

FORMATS = ("csv", "xlsx", "tex", "md")


def _sheet_name(name):
    cleaned = "".join(ch for ch in name if ch not in "[]:*?/\\")
    return cleaned[:31] or "table"


def export_tables(tables, path, fmt=None, overwrite=False, digits=3):
    """Write named tables (dict name -> DataFrame) for a paper.

    ``fmt`` (or the suffix of `path`): ``xlsx`` -> one workbook with a sheet per table;
    ``csv`` / ``tex`` / ``md`` -> one file per table named ``<path>_<name>.<fmt>`` (or inside
    `path` when it is a folder). Returns the paths written.

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
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    frames = {name: (t.to_frame() if isinstance(t, pd.Series) else t)
              for name, t in tables.items()}
    if fmt == "xlsx":
        def write(temp):
            with pd.ExcelWriter(temp, engine="openpyxl") as writer:
                for name, frame in frames.items():
                    frame.to_excel(writer, sheet_name=_sheet_name(name))
        return [atomic_write(path.with_suffix(".xlsx"), write, overwrite)]
    base = path / path.name if path.is_dir() else path.with_suffix("")
    targets = {name: base.with_name(f"{base.name}_{name}.{fmt}") for name in frames}
    for target in targets.values():
        check_target(target, overwrite)
    written = []
    for name, frame in frames.items():
        if fmt == "csv":
            def write(temp, frame=frame):
                frame.to_csv(temp, encoding="utf-8")
        elif fmt == "tex":
            def write(temp, frame=frame, name=name):
                text = frame.style.format(precision=digits, na_rep="--").to_latex(
                    caption=name.replace("_", " "), hrules=True)
                Path(temp).write_text(text, encoding="utf-8")
        else:
            def write(temp, frame=frame):
                Path(temp).write_text(frame.to_markdown(floatfmt=f".{digits}f") + "\n",
                                      encoding="utf-8")
        written.append(atomic_write(targets[name], write, overwrite=True))
    return written


COLUMN_NAMES_NL = {
    "name": "naam", "value": "waarde", "description": "toelichting", "note": "opmerking",
    "indicator": "indicator", "lesson": "les", "title": "titel", "mean": "gemiddelde",
    "sd": "sd", "ci_low": "ondergrens 95%", "ci_high": "bovengrens 95%",
    "influence": "invloed", "dependency": "afhankelijkheid", "quadrant": "kwadrant",
    "strategy": "strategie", "move": "beweging", "target_quadrant": "doelkwadrant",
    "goal": "doel", "label": "omschrijving", "partners": "partners",
    "partners_total": "partners (incl. onderliggend)", "covered": "gedekt", "body": "verbonden partij",
    "rule": "regel", "severity": "ernst", "message": "bevinding", "degree": "degree",
    "status": "status", "kind": "soort", "id": "id", "district": "wijk", "actors": "actoren",
}


def _number(x, digits):
    if float(x).is_integer() and abs(x) >= 1:
        return f"{x:.0f}"
    return f"{x:.{digits}f}"


def html_table(frame, index=False, digits=3, lang="en", classes="relnet-table"):
    """A DataFrame as compact, escaped HTML: whole numbers without decimals, missing as –,
    and (with ``lang="nl"``) Dutch column headers.

    >>> import pandas as pd
    >>> print(html_table(pd.DataFrame({"name": ["a"], "value": [2.0]}), lang="nl"))
    <table class="dataframe relnet-table">
    ...<th>naam</th>...<th>waarde</th>...<td>2</td>...
    """
    if lang == "nl":
        frame = frame.rename(columns=lambda c: COLUMN_NAMES_NL.get(c, c))
    return frame.to_html(index=index, border=0, na_rep="–", escape=True, classes=classes,
                         float_format=lambda x: _number(x, digits))

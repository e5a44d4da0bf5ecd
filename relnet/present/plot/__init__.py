"""Figures for reports and screens, in seaborn's manner: a case (or table) first, options
keyword-only, ``ax=`` drawn into when given, ``**kwargs`` passed to the matplotlib or seaborn
call underneath, the Axes returned.

- `network_plot`: the relationship network (static map, for print);
- `partner_matrix_plot`: the partner strategy matrix with moves and bundles;
- `goal_tree_plot`: the goal tree with coverage and effort; `roles_plot`: governance roles;
- `lesson_plot`, `wave_plot`, `profile_plot`, `trust_value_plot`: the statistical figures
  of the report, drawn with matplotlib from the intervals their tables give;
  `indicator_plot`: several cases side by side, a seaborn strip plot (seaborn is loaded
  only there: with scipy.stats it adds over a second to a new process).

Every text is in the chosen language (``lang=None``: the default, see
`relnet.set_language`), numbers in its format, colours from the Okabe-Ito palette.
`save_figure` exports SVG (text stays text), PNG (300 dpi) and PDF, atomically.
The names of relnet 0.1 (`network_map`, `lesson_profile`, `wave_comparison`) still work for
this release and warn that they will go.

>>> import relnet
>>> ax = relnet.plot.network_plot(relnet.load_example("haverdonk"), lang="en")
>>> type(ax).__name__
'Axes'
"""

import warnings
from pathlib import Path

from ...data._atomic import atomic_write, check_target
from ...data.arguments import renamed
from ._style import GREY, GROUP_COLOURS, OKABE_ITO, style
from .matrix import partner_matrix_plot
from .network import network_plot
from .stats import indicator_plot, lesson_plot, profile_plot, trust_value_plot, wave_plot
from .structure import goal_tree_plot, roles_plot

__all__ = [
    "network_plot", "partner_matrix_plot", "goal_tree_plot", "roles_plot", "lesson_plot",
    "wave_plot", "indicator_plot", "profile_plot", "trust_value_plot", "save_figure", "OKABE_ITO",
    "GROUP_COLOURS", "GREY", "network_map", "lesson_profile", "wave_comparison",
]


@renamed(formats="fmt")
def save_figure(figure, path, fmt=("svg", "png", "pdf"), dpi=300, overwrite=False):
    """Save a figure (or the figure of an Axes) as SVG, PNG and/or PDF.

    Parameters
    ----------
    figure : matplotlib Figure or Axes
    path : str or Path
        Without a suffix: one file per format; with ``.svg``, ``.png`` or ``.pdf``: that one.
    fmt : str or tuple of str
        The format, or formats, to write when `path` has no suffix (``fmt`` means a file
        format wherever relnet takes one: `export_tables`, `network_bytes`).
    dpi : int
        Resolution of the PNG (300 by default, for print).
    overwrite : bool
        Replace existing files (refused otherwise).

    Returns
    -------
    list of Path
        The files written, each under a temporary name first and then renamed.

    Examples
    --------
    >>> import relnet, tempfile, pathlib
    >>> ax = relnet.plot.goal_tree_plot(relnet.load_example("welderhoven"), lang="nl")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "doelenboom"
    >>> [p.name for p in relnet.plot.save_figure(ax, out, fmt="svg")]
    ['doelenboom.svg']
    """
    figure = getattr(figure, "figure", figure)
    path = Path(path)
    if path.suffix.lower().lstrip(".") in ("svg", "png", "pdf"):
        targets = [path]
    else:
        targets = [path.with_suffix(f".{f}") for f in ((fmt,) if isinstance(fmt, str) else fmt)]
    for target in targets:
        check_target(target, overwrite)
    written = []
    for target in targets:
        suffix = target.suffix.lstrip(".").lower()

        def write(temp, fmt=suffix, target=target):
            with style():  # the same settings as when drawn: SVG text stays text
                figure.savefig(temp, format=fmt, dpi=dpi, bbox_inches="tight",
                               metadata=_metadata(target))

        written.append(atomic_write(target, write, overwrite=True))
    return written


def _metadata(target):
    fmt = target.suffix.lower()
    if fmt == ".png":
        return {"Software": "relnet"}
    if fmt == ".svg":
        return {"Creator": "relnet", "Date": None}
    return {"Creator": "relnet", "CreationDate": None}


def _warn(old, new):
    warnings.warn(f"relnet.plot.{old} is renamed relnet.plot.{new}; the old name goes in the "
                  "next release", DeprecationWarning, stacklevel=3)


def network_map(case, wave=None, types=None, color_by="kind", size_by="degree", lang=None,
                ax=None, labels=8, removed=(), title=None, repel=True):
    """Deprecated: relnet 0.1's name (and argument order) of `network_plot`.

    .. deprecated:: 0.2
       Use `network_plot`; this name goes in the next release.

    Parameters
    ----------
    case, wave, types, color_by, size_by, lang, ax, labels, removed, title
        Same as `network_plot` (here they may be given by position, in this order). Note
        that `labels` defaults to 8 here, 12 in `network_plot`.
    repel : bool
        Accepted and ignored: `network_plot` has no such option; it places names without
        overlap and leaves out those that do not fit.

    Returns
    -------
    matplotlib Axes
        What `network_plot` returns.

    Warns
    -----
    DeprecationWarning
        On every call, naming `network_plot`.

    See Also
    --------
    network_plot : the function that replaces it (also takes `confirmed_only` and
        ``**kwargs``).
    """
    _warn("network_map", "network_plot")
    return network_plot(case, wave=wave, types=types, color_by=color_by, size_by=size_by,
                        lang=lang, ax=ax, n_labels=labels, removed=removed, title=title)


def lesson_profile(case, others=(), wave=None, kind="interval", lang=None, ax=None):
    """Deprecated: relnet 0.1's name (and argument order) of `lesson_plot`.

    .. deprecated:: 0.2
       Use `lesson_plot`; this name goes in the next release.

    Parameters
    ----------
    case, others, wave, kind, lang, ax
        Same as `lesson_plot` (here they may be given by position, in this order).

    Returns
    -------
    matplotlib Axes
        What `lesson_plot` returns.

    Warns
    -----
    DeprecationWarning
        On every call, naming `lesson_plot`.

    See Also
    --------
    lesson_plot : the function that replaces it (also takes `title` and ``**kwargs``).
    """
    _warn("lesson_profile", "lesson_plot")
    return lesson_plot(case, others, wave=wave, kind=kind, lang=lang, ax=ax)


def wave_comparison(case, a=None, b=None, lang=None, ax=None, rows=None):
    """Deprecated: relnet 0.1's name (and argument order) of `wave_plot`.

    .. deprecated:: 0.2
       Use `wave_plot`; this name goes in the next release.

    Parameters
    ----------
    case, a, b, lang, ax, rows
        Same as `wave_plot` (here they may be given by position, in this order).

    Returns
    -------
    matplotlib Axes
        What `wave_plot` returns.

    Warns
    -----
    DeprecationWarning
        On every call, naming `wave_plot`.

    See Also
    --------
    wave_plot : the function that replaces it (also takes `title` and ``**kwargs``).
    """
    _warn("wave_comparison", "wave_plot")
    return wave_plot(case, a, b, rows=rows, lang=lang, ax=ax)

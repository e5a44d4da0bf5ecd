"""relnet's figure style: colours, sizes and fonts, for the screen, a projector and A4 print.

Colours come from the Okabe-Ito palette (Okabe & Ito 2008), distinguishable with the common
forms of colour blindness; shapes and hatching carry meaning too. Figures are 7.6 inches
wide with text of at least 10 pt: shown at 760 px in an explorer (10 pt is 14 px, readable on
a projector at 1280x720), and at least 8.3 pt when a report scales them to the 16 cm text
width of A4. Text from data is never parsed as mathematics (a name "Budget $5 en $10" is
shown as typed). The same settings apply when a figure is drawn and when it is saved, so an
SVG keeps its text as text.
"""

import contextlib

import matplotlib as mpl
import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ... import i18n

__all__ = ["OKABE_ITO", "GREY", "WIDTH", "RC", "style", "new_axes", "number_formatter",
           "KIND_GROUPS", "GROUP_COLOURS", "DOMAIN_COLOURS", "kind_group"]

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
             "#000000"]
GREY = "#999999"
WIDTH = 7.6  # inches: 760 px at 100 dpi on screen; scaled to 16 cm in a report
RC = {
    "font.size": 10, "axes.titlesize": 11, "axes.labelsize": 10, "legend.fontsize": 10,
    "legend.title_fontsize": 10, "xtick.labelsize": 10, "ytick.labelsize": 10,
    "svg.fonttype": "none", "pdf.fonttype": 42, "ps.fonttype": 42,
    "axes.spines.top": False, "axes.spines.right": False, "text.parse_math": False,
    "font.family": "DejaVu Sans", "figure.dpi": 100, "savefig.dpi": 200,
    "axes.unicode_minus": True,
}

# kind -> group shown in colour legends
KIND_GROUPS = {
    **{k: "municipal" for k in ("municipality", "department", "administrator", "manager",
                                "council", "district_team")},
    "affiliated_body": "affiliated",
    "care_provider": "care_welfare", "welfare_org": "care_welfare",
    "education": "education_work", "housing": "education_work", "employer": "education_work",
    **{k: "informal" for k in ("citizen_initiative", "informal_carer", "key_person")},
    "other_municipality": "other_municipality", "other": "other",
}
GROUP_COLOURS = {"municipal": OKABE_ITO[4], "affiliated": OKABE_ITO[6],
                 "care_welfare": OKABE_ITO[2], "education_work": OKABE_ITO[0],
                 "informal": OKABE_ITO[5], "other_municipality": OKABE_ITO[1], "other": GREY}
DOMAIN_COLOURS = dict(zip(
    ["work", "care", "youth", "education", "health", "welfare", "housing", "income", "safety",
     "general"], OKABE_ITO[:7] + ["#882255", "#44AA99", GREY]))


def kind_group(kind):
    """The colour group of a kind of actor."""
    return KIND_GROUPS.get(kind, "other")


@contextlib.contextmanager
def style():
    """relnet's matplotlib settings, for drawing and for saving.

    Jupyter turns matplotlib's interactive mode on when the first figure activates its
    backend; `rc_context` would undo that on exit (it restores every setting), and every
    later figure would then stay hidden. What the block decided about interactive mode is
    kept.
    """
    with mpl.rc_context(RC):
        yield
        interactive = mpl.is_interactive()
    mpl.interactive(interactive)


def new_axes(ax=None, figsize=(WIDTH, 5.2), polar=False):
    """The Axes to draw into: `ax` as given (its figure untouched), else a new figure.

    New figures are made by pyplot so that Jupyter shows every one of them (no magic
    needed), inside relnet's style.
    """
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=figsize, layout="constrained")  # activates Jupyter's backend
    with style():
        return fig.add_subplot(projection="polar" if polar else None)


def detached_axes(figsize=(WIDTH, 5.2), margins=None):
    """An Axes on a figure that pyplot does not manage (for explorers, which render it to
    an image themselves): drawn once, never shown twice, never leaked."""
    with style():
        fig = Figure(figsize=figsize, layout=None if margins else "constrained")
        if margins:
            left, right, top, bottom = margins
            fig.subplots_adjust(left=left, right=right, top=top, bottom=bottom)
        return fig.add_subplot()


def number_formatter(lang=None, digits=2):
    """Tick labels in the reader's number format (0,42 in Dutch)."""
    def fmt(value, _position):
        if np.isclose(value, round(value)):
            return i18n.number(int(round(value)), lang)
        return i18n.number(value, lang, digits)
    return FuncFormatter(fmt)

"""What every explorer shares: the Explorer box, language, images, notes and downloads.

An explorer is layout and wiring only: each update calls analyses and plots, so everything a
trainer clicks is covered by plain pytest (set a control's value, read the views).
"""

import base64
import contextlib
import contextvars
import html
import io
import re
from functools import cache

import ipywidgets as w

from ... import i18n
from ...data._inmemory import check_case
from ...data.examples import example_names, load_example
from ..plot._style import WIDTH, detached_axes, style

__all__ = ["Explorer", "png", "note_html", "source_note", "set_waves", "cases_of",
           "DownloadBar", "IMAGE_WIDTH", "projector", "technical_terms"]

IMAGE_WIDTH = f"{int(WIDTH * 100)}px"  # figures are drawn for this width (7.6 in at 100 dpi)
SLIDER = w.Layout(width="440px")

# How explorers built now draw their figures: (scale of the figure in inches, pixels per inch
# on screen). The default is the notebook's (7.6 in at 100 px/in); `projector()` sets the
# presentation app's: smaller figures shown larger, so that a figure fits a 1280x720 screen
# with its text at 14 px or more (10 pt at 112 px/in is 15.6 px; 9.5 pt is 14.8 px).
NOTEBOOK_FIT = (1.0, 100)
_FIT = contextvars.ContextVar("relnet_fit", default=NOTEBOOK_FIT)
PROJECTOR_FIT = (0.74, 112)


def on_projector():
    """Whether explorers built now are for the presentation app (inside `projector()`)."""
    return _FIT.get() != NOTEBOOK_FIT


@contextlib.contextmanager
def projector(fit=PROJECTOR_FIT):
    """Explorers built inside this block draw for a projector (see `PROJECTOR_FIT`)."""
    token = _FIT.set(fit)
    try:
        yield
    finally:
        _FIT.reset(token)


def png(ax, dpi=200):
    """Render a figure to PNG bytes at twice the displayed resolution (sharp on HiDPI
    screens and projectors), then release it."""
    import matplotlib.pyplot as plt

    fig = ax.figure
    buffer = io.BytesIO()
    with style():
        fig.savefig(buffer, format="png", dpi=dpi)
    plt.close(fig)
    return buffer.getvalue()


def figure_axes(height=5.6, polar=False, scale=1.0):
    """An Axes for an explorer figure: 7.6 in wide (times `scale`), not managed by pyplot."""
    ax = detached_axes(figsize=(WIDTH * scale, height * scale))
    if polar:
        fig = ax.figure
        fig.delaxes(ax)
        ax = fig.add_subplot(projection="polar")
    return ax


def note_html(title, body, source=None):
    """A note beside the evidence: a law, an opportunity, a question for the group."""
    cite = f"<div class='relnet-source'>{html.escape(source)}</div>" if source else ""
    return (f"<div class='relnet-note'><b>{html.escape(title)}</b><br>{html.escape(body)}"
            f"{cite}</div>")


# How explorers look in JupyterLab and Voila alike: tables with room, text readable on a
# projector (15 px and up), notes set off from the evidence.
STYLE = """<style>
.relnet-explorer .widget-html-content{font-size:15px;line-height:1.45}
.relnet-explorer table.relnet-table{border-collapse:collapse;font-size:14px;margin:4px 0 8px}
.relnet-explorer table.relnet-table th{text-align:left;vertical-align:bottom;padding:4px 10px;
 border-bottom:2px solid #c8d3de;background:#f2f6fa;font-weight:600}
.relnet-explorer table.relnet-table td{text-align:left;vertical-align:top;padding:3px 10px;
 border-bottom:1px solid #e4e4e4}
.relnet-explorer table.relnet-table td.num{text-align:right;white-space:nowrap}
.relnet-explorer .relnet-note{border-left:4px solid #0072B2;padding:4px 12px;margin:8px 0;
 max-width:560px;font-size:15px;line-height:1.45}
.relnet-explorer .relnet-source{color:#555;font-size:13px;margin-top:4px}
.relnet-explorer p.muted{color:#555;font-size:13px}
.relnet-explorer small{font-size:14px;color:#444}
.relnet-explorer abbr.relnet-term{text-decoration:underline dotted #777;cursor:help}
.relnet-plain .relnet-tech,.relnet-plain .relnet-source,.relnet-plain .relnet-explain,
.relnet-plain p.muted{display:none !important}
.relnet-explorer .widget-hbox{flex-wrap:wrap}
.relnet-explorer .relnet-search-message{font-size:15px;color:#8a3b00;margin:2px 0}
.relnet-explorer .relnet-suggestion{font-size:14px;height:auto;margin:2px 4px 2px 0}
</style>"""


@cache
def _terms():
    """Dutch labels that carry a technical term in brackets, as (pattern, replacement): the
    plain word stays, the term moves into a tooltip (and shows with the explanations).
    A bracket counts as a term when it is the English word (it appears in the English text)
    and the Dutch word before it is not English too: "tussenpositie (betweenness)", not
    "partners (direct)"."""
    from ... import i18n as _i18n

    glossary = {}
    for key, entry in _i18n._catalogue().items():
        if key.startswith("glossary.") and ":" in entry["nl"]:
            glossary[entry["nl"].split("(")[0].split(":")[0].strip().lower()] = entry["nl"]
    found = {}
    for key, entry in _i18n._catalogue().items():
        if key.split(".")[0] not in ("metric", "column", "ui"):
            continue
        match = re.fullmatch(r"(.+?) \(([^()]+)\)", str(entry.get("nl", "")))
        if not match:
            continue
        plain, term = match.groups()
        english = str(entry.get("en", "")).lower()
        words = [t for t in re.findall(r"[A-Za-z][\w-]{2,}", term)]
        if not words or plain.lower() in english or not all(t.lower() in english
                                                           for t in words):
            continue
        found[f"{plain} ({term})"] = (plain, term, glossary.get(plain.lower(), term))
    return [(re.compile(re.escape(html.escape(label, quote=False)), re.IGNORECASE),
             parts) for label, parts in sorted(found.items(), key=lambda kv: -len(kv[0]))]


def technical_terms(markup):
    """`markup` with each technical term in brackets ("tussenpositie (betweenness)") as the
    plain word with the term in a tooltip, and the bracket in a ``relnet-tech`` span that
    the presentation app hides until its explanations are switched on.

    Examples
    --------
    >>> print(technical_terms("<td>tussenpositie (betweenness)</td>"))  # doctest: +ELLIPSIS
    <td><abbr class="relnet-term" title="...">tussenpositie</abbr><span class="relnet-tech"> ...
    """
    if "(" not in markup:
        return markup
    for pattern, (plain, term, tip) in _terms():
        def replace(match, plain=plain, term=term, tip=tip):
            shown = match.group(0)
            word = shown[:len(html.escape(plain, quote=False))]
            rest = shown[len(word):]
            title = html.escape(tip).replace("(", "&#40;").replace(")", "&#41;")
            return (f'<abbr class="relnet-term" title="{title}">{word}</abbr>'
                    f'<span class="relnet-tech">{rest}</span>')
        markup = pattern.sub(replace, markup)
    return markup


def source_note(lang, key):
    """The attribution of a source's text, in the reader's language."""
    return i18n.t(f"source.{key}", lang)


def cases_of(cases):
    """Explorer input to {label: Case}: None = the shipped cases, a Case, a list or a dict.
    Each case goes through the door once (`check_case`): checked, and in the contract's form
    for every view, the interactive map included."""
    if cases is None:
        cases = [load_example(name) for name in example_names()]
    if isinstance(cases, dict):
        return {label: check_case(c) for label, c in cases.items()}
    if not isinstance(cases, (list, tuple)):
        cases = [cases]
    return {c.meta.get("municipality") or c.name: check_case(c) for c in cases}


def first_case(cases, case):
    """The key of the case an explorer opens on: `case` (a key, or a shipped name)."""
    if case is not None:
        for key, value in cases.items():
            if key == case or value.meta.get("municipality") == case or \
                    str(value.meta.get("name", "")).lower().startswith(str(case).lower()):
                return key
        raise ValueError(f"no case {case!r} among {', '.join(cases)}")
    return next(iter(cases))


def set_waves(dropdown, case, pick=-1, exclude=None, keep=None):
    """Give a wave dropdown the case's waves (those `keep(wave)` accepts, when given) and
    select one (the latest by default)."""
    waves = [wave for wave in (case.waves or [None])
             if wave != exclude and (keep is None or keep(wave))] or [None]
    value = waves[pick] if -len(waves) <= pick < len(waves) else waves[-1]
    if list(dropdown.options) != waves:
        dropdown.options = waves
    dropdown.value = value
    return dropdown


def _with_terms(change):
    marked = technical_terms(change["new"] or "")
    if marked != change["new"]:
        change["owner"].value = marked


class Explorer(w.VBox):
    """A VBox with named controls and views; `refresh()` redraws everything.

    ``controls["lang"]`` switches between Dutch and English; the explorer starts in the
    default language (`relnet.set_language`) unless `lang` is given.
    """

    def __init__(self, controls, views, layout_rows, update, lang=None, quiet=()):
        self.controls = dict(controls)
        self.views = dict(views)
        self.controls["lang"] = w.ToggleButtons(options=[("NL", "nl"), ("EN", "en")],
                                                value=i18n.resolve(lang),
                                                style={"button_width": "48px"})
        for control in self.controls.values():
            if hasattr(control, "style") and hasattr(control.style, "description_width"):
                control.style.description_width = "initial"  # no truncated labels
        # figures of this explorer: drawn at this scale, shown at this many px per inch
        self.fit = _FIT.get()
        scale, ppi = self.fit
        for view in self.views.values():
            if isinstance(view, w.Image) and view.layout.width == IMAGE_WIDTH:
                view.layout.width = f"{round(WIDTH * scale * ppi)}px"
        # on a projector, technical terms in brackets become tooltips (the presentation app
        # shows them in full with its explanations)
        self.projector = on_projector()
        for view in self.views.values():
            if self.projector and isinstance(view, w.HTML):
                view.observe(_with_terms, names="value")
        self._update = update
        self._busy = False
        # Read by relnet's Voila template when the page's session has ended: the notice
        # then speaks the page's language.
        self._session = w.HTML(layout=w.Layout(display="none"))
        super().__init__([w.HTML(STYLE), self.controls["lang"]] + list(layout_rows) +
                         [self._session])
        self.add_class("relnet-explorer")
        for name, control in self.controls.items():
            if name not in quiet:  # a quiet control has its own, smaller update
                control.observe(lambda change: self.refresh(), names="value")
        self.refresh()

    def axes(self, height=5.6, polar=False):
        """An Axes for one of this explorer's figures (`figure_axes` at the explorer's fit)."""
        return figure_axes(height, polar, scale=self.fit[0])

    @property
    def lang(self):
        return self.controls["lang"].value

    def chosen_case(self, cases, reset):
        """The case the ``case`` control names; when it differs from the last update's,
        ``reset(case)`` first gives the case's own options (waves, ...) to the controls."""
        the_case = cases[self.controls["case"].value]
        if getattr(self, "_case", None) is not the_case:
            self._case = the_case
            with self.hold_trait_notifications():
                reset(the_case)
        return the_case

    def describe(self, mapping):
        """Set control labels from the catalogue: {control: ui key}."""
        for name, key in mapping.items():
            self.controls[name].description = i18n.t(f"ui.{key}", self.lang)

    def refresh(self):
        # An update may set options of other controls; their change must not start a
        # second update inside this one.
        if self._busy:
            return
        self._busy = True
        try:
            self._session.value = (
                '<span class="relnet-session-text" hidden '
                f'data-gone="{html.escape(i18n.t("ui.session_gone", self.lang))}" '
                f'data-offline="{html.escape(i18n.t("ui.session_offline", self.lang))}">'
                "</span>")
            self._update(self)
        finally:
            self._busy = False


class DownloadBar(w.VBox):
    """Download buttons: one click makes the file and starts its download (in JupyterLab and
    Voila alike; the file travels to the browser, nothing is stored on the server). After a
    download, ``links`` holds a link to the same file, to download it again.

    `items` is a list of (key, label_key, make) where ``make()`` returns (file name, MIME
    type, bytes); `note` a ``ui.`` catalogue key shown under the title.
    """

    def __init__(self, items, note=None):
        from ._files import DownloadButton

        self._items = items
        self._note = note
        self.lang = None
        self.buttons = {}
        for key, _label, make in items:
            button = DownloadButton(make)
            button.on_done(self._done)
            self.buttons[key] = button
        self.links = w.HTML()
        self.title = w.HTML()
        super().__init__([self.title, w.HBox(list(self.buttons.values()),
                                             layout=w.Layout(flex_flow="row wrap")),
                          self.links])

    def relabel(self, lang):
        """Labels in the explorer's language (called by the explorer's update)."""
        self.lang = lang
        self.title.value = f"<b>{html.escape(i18n.t('ui.downloads', lang))}</b>" + (
            f"<br><small>{html.escape(i18n.t(f'ui.{self._note}', lang))}</small>"
            if self._note else "")
        for key, label, _ in self._items:
            self.buttons[key].description = i18n.t(f"ui.{label}", lang)
            self.buttons[key].busy_text = i18n.t("ui.preparing", lang)

    def clear(self):
        self.links.value = ""

    def _done(self, name, mime, data):
        encoded = base64.b64encode(data).decode("ascii")
        said = html.escape(i18n.t("app.downloaded", self.lang, name=name))
        again = html.escape(i18n.t("app.download_again", self.lang))
        self.links.value = (f'<small>{said} <a class="relnet-download" download="'
                            f'{html.escape(name)}" href="data:{mime};base64,{encoded}">'
                            f'{again}</a></small>')

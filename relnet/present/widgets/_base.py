"""What every explorer shares: the Explorer box, language, images, notes and downloads.

An explorer is layout and wiring only: each update calls analyses and plots, so everything a
trainer clicks is covered by plain pytest (set a control's value, read the views).
"""

import base64
import html
import io

import ipywidgets as w

from ... import i18n
from ...data._inmemory import check_case
from ...data.examples import example_names, load_example
from ..plot._style import WIDTH, detached_axes, style

__all__ = ["Explorer", "png", "note_html", "source_note", "set_waves", "cases_of",
           "DownloadBar", "IMAGE_WIDTH"]

IMAGE_WIDTH = f"{int(WIDTH * 100)}px"  # figures are drawn for this width (7.6 in at 100 dpi)
SLIDER = w.Layout(width="440px")


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


def figure_axes(height=5.6, polar=False):
    """An Axes for an explorer figure: 7.6 in wide, not managed by pyplot."""
    ax = detached_axes(figsize=(WIDTH, height))
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
</style>"""


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


class Explorer(w.VBox):
    """A VBox with named controls and views; `refresh()` redraws everything.

    ``controls["lang"]`` switches between Dutch and English; the explorer starts in the
    default language (`relnet.set_language`) unless `lang` is given.
    """

    def __init__(self, controls, views, layout_rows, update, lang=None):
        self.controls = dict(controls)
        self.views = dict(views)
        self.controls["lang"] = w.ToggleButtons(options=[("NL", "nl"), ("EN", "en")],
                                                value=i18n.resolve(lang),
                                                style={"button_width": "48px"})
        for control in self.controls.values():
            if hasattr(control, "style") and hasattr(control.style, "description_width"):
                control.style.description_width = "initial"  # no truncated labels
        self._update = update
        self._busy = False
        # Read by relnet's Voila template when the page's session has ended: the notice
        # then speaks the page's language.
        self._session = w.HTML(layout=w.Layout(display="none"))
        super().__init__([w.HTML(STYLE), self.controls["lang"]] + list(layout_rows) +
                         [self._session])
        self.add_class("relnet-explorer")
        for control in self.controls.values():
            control.observe(lambda change: self.refresh(), names="value")
        self.refresh()

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
    """Buttons that prepare files and links that download them (in JupyterLab and Voila:
    a link with the file inside, nothing is stored on the server).

    `items` is a list of (key, label_key, make) where ``make()`` returns (file name, MIME
    type, bytes); `note` a ``ui.`` catalogue key shown under the title.
    """

    def __init__(self, items, note=None):
        self._items = items
        self._note = note
        self.lang = None
        self.buttons = {}
        for key, _label, make in items:
            button = w.Button(layout=w.Layout(width="auto"), icon="download")
            button.on_click(lambda _, key=key, make=make: self._prepare(key, make))
            self.buttons[key] = button
        self.links = w.HTML()
        self.title = w.HTML()
        super().__init__([self.title, w.HBox(list(self.buttons.values())), self.links])

    def relabel(self, lang):
        """Labels in the explorer's language (called by the explorer's update)."""
        self.lang = lang
        self.title.value = f"<b>{html.escape(i18n.t('ui.downloads', lang))}</b>" + (
            f"<br><small>{html.escape(i18n.t(f'ui.{self._note}', lang))}</small>"
            if self._note else "")
        for key, label, _ in self._items:
            self.buttons[key].description = i18n.t(f"ui.{label}", lang)

    def clear(self):
        self.links.value = ""

    def _prepare(self, key, make):
        self.links.value = f"<i>{html.escape(i18n.t('ui.preparing', self.lang))}</i>"
        name, mime, data = make()
        encoded = base64.b64encode(data).decode("ascii")
        self.links.value = (f'<a class="relnet-download" download="{html.escape(name)}" '
                            f'href="data:{mime};base64,{encoded}">{html.escape(name)}</a>')

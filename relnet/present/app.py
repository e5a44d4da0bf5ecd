"""The presentation app: one page for a trainer, a Dutch start page and chapters.

``make present`` opens ``notebooks/presentatie.ipynb`` in Voila; its one cell is
``presentation_app()``. The start page asks for little (ipywidgets, the catalogue and the
shipped cases' descriptions), so it shows within a few seconds of the kernel's start; the
explorers and the cases themselves are loaded in the background meanwhile, and a chapter's
explorer is built on its first visit, for the session's case. The case chosen or uploaded is
the case of every chapter until the trainer chooses another; the wave chosen in one chapter
is the wave of the next.

Everything a person reads comes from the catalogue (``app.`` and ``ui.`` keys).
"""

import html
import os
import threading
import time

import ipywidgets as w
import yaml

from .. import i18n

__all__ = ["presentation_app", "PresentationApp", "CHAPTERS"]

# The chapters in the order "volgende" walks them.
CHAPTERS = ("network", "partners", "goals", "roles", "lessons", "waves", "own_data",
            "report", "survey")

# The chapters' explorers that choose among cases with a "case" dropdown (the app hides it and
# sets it to the session's case); the others are built for one case.
_WITH_CASES = {"network", "goals", "roles", "lessons", "waves", "report"}

# Figures per chapter on the projector: (scale of the notebook's figure, px per inch). The
# partner matrix keeps more room for its labels; text stays at 14 px or more.
_FITS = {"partners": (0.8, 112), "lessons": (0.8, 112)}

APP_STYLE = """<style>
.relnet-app{font-size:15px;max-width:1240px}
.relnet-app .relnet-header{align-items:center;border-bottom:2px solid #c8d3de;padding:2px 0 4px;
 margin-bottom:4px;flex-wrap:wrap;gap:4px}
.relnet-app .relnet-brand{font-size:18px;margin-right:10px}
.relnet-app .relnet-header .widget-button,.relnet-app .relnet-header select{font-size:15px}
.relnet-app .relnet-chapter-head{font-size:16px;margin:0 0 2px;line-height:1.35}
.relnet-app .relnet-chapter-head b{font-size:18px}
.relnet-app .relnet-explain{font-size:15px;line-height:1.45;max-width:1100px;color:#222}
.relnet-app.relnet-plain .relnet-explain{display:none}
.relnet-app .relnet-start h1{font-size:28px;margin:6px 0 6px}
.relnet-app .relnet-start p{font-size:17px;line-height:1.45;max-width:1100px;margin:4px 0}
.relnet-app .relnet-start h3{font-size:18px;margin:12px 0 4px}
.relnet-app .relnet-chapter-button{font-size:15px;height:auto;padding:6px 10px;margin:3px}
.relnet-app .relnet-case-button .widget-toggle-button{font-size:15px}
.relnet-app .relnet-busy{font-size:16px;color:#444;padding:12px 0}
.relnet-app .relnet-explorer > .widget-toggle-buttons:first-of-type{display:none}
.relnet-app .relnet-explorer{margin-top:0}
.relnet-app .widget-html,.relnet-app .widget-html-content{max-width:100%}
.relnet-app table.relnet-table{max-width:100%}
.relnet-app table.relnet-table th{white-space:normal;overflow-wrap:anywhere;hyphens:auto}
.relnet-app table.relnet-table td{overflow-wrap:anywhere}
.relnet-app .widget-hbox{max-width:100%}
body[data-voila] #rendered_cells .jp-Cell{padding:0 4px}
body[data-voila] #rendered_cells .jp-OutputArea-output{padding:0}
</style>"""


def _shipped():
    """{label: (folder name, meta)} of the shipped cases, from their case.yaml alone (reading
    the cases themselves waits for the background)."""
    from ..data.examples import example_names, example_path

    out = {}
    for name in example_names():
        with open(example_path(name) / "case.yaml", encoding="utf-8") as handle:
            meta = yaml.safe_load(handle) or {}
        out[str(meta.get("municipality") or meta.get("name") or name)] = (name, meta)
    return out


def _text(meta, key, lang):
    return str(meta.get(f"{key}_{lang}") or meta.get(key) or "")


def _t(key, lang, **fields):
    return i18n.t(f"app.{key}", lang, **fields)


class PresentationApp(w.VBox):
    """The presentation app (see `presentation_app`).

    ``controls``: case (the session's case), chapter (the menu: "start" or a chapter),
    explain (the "uitleg" switch), lang; ``buttons``: previous, next; ``body`` shows the
    current page; ``explorers``: chapter -> the explorer built for it (on its first visit);
    ``timings``: chapter -> seconds its last visit took; ``cases()``: label -> Case.
    """

    def __init__(self, start=None, lang=None, warm=True):
        self.lang = i18n.resolve(lang)
        self._shipped = _shipped()
        self._cases = {}  # label -> checked Case, once read
        self._version = 0  # goes up when a case is added (explorers with a list rebuild)
        self._lock = threading.RLock()
        self.wave = None
        self.explorers = {}
        self._built = {}  # chapter -> what it was built for
        self.timings = {}
        labels = list(self._shipped)
        first = next((label for label in labels if start and (
            label.lower() == str(start).lower() or self._shipped[label][0] == start)),
            "Haverdonk" if "Haverdonk" in labels else labels[0])
        self.controls = {
            "case": w.Dropdown(options=labels, value=first, layout=w.Layout(width="190px")),
            "chapter": w.Dropdown(layout=w.Layout(width="230px")),
            "explain": w.ToggleButton(value=False, icon="info-circle",
                                      layout=w.Layout(width="auto")),
            "lang": w.ToggleButtons(options=[("NL", "nl"), ("EN", "en")], value=self.lang,
                                    style={"button_width": "44px"}),
        }
        self.buttons = {"previous": w.Button(icon="arrow-left", layout=w.Layout(width="auto")),
                        "next": w.Button(icon="arrow-right", layout=w.Layout(width="auto"))}
        self.buttons["next"].add_class("mod-primary")
        self._brand = w.HTML()
        self.header = w.HBox([self._brand, self.controls["case"], self.controls["chapter"],
                              self.buttons["previous"], self.buttons["next"],
                              self.controls["explain"], self.controls["lang"]])
        self.header.add_class("relnet-header")
        self.body = w.VBox()
        self._head = w.HTML()
        self._explain = w.HTML()
        super().__init__([w.HTML(APP_STYLE), self.header, self.body])
        self.add_class("relnet-app")
        self.add_class("relnet-plain")
        self._start_page = None
        self._menu()
        self.controls["chapter"].value = "start"
        self.buttons["previous"].on_click(lambda _: self.step(-1))
        self.buttons["next"].on_click(lambda _: self.step(1))
        self.controls["chapter"].observe(lambda change: self.show(change["new"]), names="value")
        self.controls["case"].observe(lambda change: self._case_changed(), names="value")
        self.controls["explain"].observe(lambda change: self._explained(), names="value")
        self.controls["lang"].observe(lambda change: self._relabel(), names="value")
        self._relabel()
        if warm:
            threading.Thread(target=self._warm, name="relnet-app-warm", daemon=True).start()

    # ------------------------------------------------------------------ state

    @property
    def case(self):
        """The label of the session's case."""
        return self.controls["case"].value

    @property
    def chapter(self):
        return self.controls["chapter"].value

    def cases(self):
        """label -> Case of every case of the session (the shipped ones are read once)."""
        from ..data.examples import load_example
        from .widgets._base import cases_of

        with self._lock:
            for label, (name, _) in self._shipped.items():
                if label not in self._cases:
                    self._cases.update(cases_of({label: load_example(name)}))
            return {label: self._cases[label] for label in self.controls["case"].options}

    def add_case(self, case, label=None):
        """Make `case` (a valid Case, e.g. an uploaded one) the session's case."""
        from .widgets._base import cases_of

        label = label or str(case.meta.get("municipality") or case.name)
        known = list(self.controls["case"].options)
        base, n = label, 2
        while label in known and self._cases.get(label) is not case:
            label, n = f"{base} ({n})", n + 1
        with self._lock:
            self._cases.update(cases_of({label: case}))
            self._version += 1
        if label not in known:
            self.controls["case"].options = known + [label]
        self.controls["case"].value = label
        return label

    def _warm(self):
        """In the background, while the start page is read: the explorers' imports and the
        shipped cases, so that the first chapter does not wait for them."""
        try:
            with self._lock:
                from . import widgets  # noqa: F401  (the imports are the point)

                self.cases()
        except Exception:  # pragma: no cover - the chapter will say it in the foreground
            pass

    # ------------------------------------------------------------------ navigation

    def _menu(self):
        lang = self.lang
        options = [(_t("menu_start", lang), "start")] + [
            (f"{n}. {_t(f'chapter_{key}', lang)}", key) for n, key in enumerate(CHAPTERS, 1)]
        value = self.controls["chapter"].value
        if list(self.controls["chapter"].options) != options:
            self.controls["chapter"].options = options
            if value is not None:
                self.controls["chapter"].value = value

    def step(self, by):
        """Go `by` chapters on (1: "volgende") or back (-1: "vorige")."""
        order = ("start",) + CHAPTERS
        where = order.index(self.chapter)
        self.controls["chapter"].value = order[max(0, min(len(order) - 1, where + by))]

    def show(self, chapter=None):
        """Show `chapter` ("start" or one of `CHAPTERS`); its explorer is built on its first
        visit and follows the session's case and wave."""
        chapter = chapter or self.chapter
        if chapter != self.chapter:
            self.controls["chapter"].value = chapter  # observed: comes back here
            return
        began = time.perf_counter()
        order = ("start",) + CHAPTERS
        self.buttons["previous"].disabled = chapter == "start"
        self.buttons["next"].disabled = chapter == order[-1]
        if chapter == "start":
            self.body.children = [self._start()]
        else:
            self._chapter_text()
            self.body.children = [self._head, self._explain, self._explorer(chapter)]
        # says which page is complete (after its widgets, in the order the browser gets them)
        self.body._dom_classes = (f"relnet-page-{chapter}",)
        self.timings[chapter] = time.perf_counter() - began

    # ------------------------------------------------------------------ the start page

    def _start(self):
        lang = self.lang
        if self._start_page is None:
            self._case_choice = w.ToggleButtons(options=list(self.controls["case"].options),
                                                value=self.case)
            self._case_choice.add_class("relnet-case-button")
            self._case_choice.observe(lambda change: setattr(
                self.controls["case"], "value", change["new"]), names="value")
            self._start_texts = {k: w.HTML() for k in ("intro", "cases", "summary", "own",
                                                       "chapters")}
            self._chapter_buttons = []
            for key in CHAPTERS:
                button = w.Button(layout=w.Layout(width="auto"))
                button.add_class("relnet-chapter-button")
                button.on_click(lambda _, key=key: self.show(key))
                self._chapter_buttons.append(button)
            self._begin = w.Button(icon="arrow-right", layout=w.Layout(width="auto"))
            self._begin.add_class("mod-primary")
            self._begin.add_class("relnet-chapter-button")
            self._begin.on_click(lambda _: self.show(CHAPTERS[0]))
            self._own = w.Button(icon="upload", layout=w.Layout(width="auto"))
            self._own.add_class("relnet-chapter-button")
            self._own.on_click(lambda _: self.show("own_data"))
            t = self._start_texts
            self._start_page = w.VBox([
                t["intro"], t["cases"], self._case_choice, t["summary"],
                w.HBox([self._begin, self._own]), t["chapters"],
                w.HBox(self._chapter_buttons, layout=w.Layout(flex_flow="row wrap"))])
            self._start_page.add_class("relnet-start")
        if list(self._case_choice.options) != list(self.controls["case"].options):
            self._case_choice.options = list(self.controls["case"].options)
        self._case_choice.value = self.case
        t = self._start_texts
        t["intro"].value = (f"<h1>{html.escape(_t('start_title', lang))}</h1>"
                            f"<p>{html.escape(_t('start_intro', lang))}</p>")
        t["cases"].value = f"<h3>{html.escape(_t('start_cases', lang))}</h3>"
        t["summary"].value = f"<p>{html.escape(self._summary(self.case))}</p>"
        t["own"].value = ""
        t["chapters"].value = f"<h3>{html.escape(_t('start_chapters', lang))}</h3>"
        for n, (key, button) in enumerate(zip(CHAPTERS, self._chapter_buttons), 1):
            button.description = f"{n}. {_t(f'chapter_{key}', lang)}"
        self._begin.description = _t("start_begin", lang, case=self.case)
        self._own.description = _t("start_own", lang)
        return self._start_page

    def _summary(self, label):
        if label in self._shipped:
            meta = self._shipped[label][1]
            fictional = _t("fictional", self.lang) if meta.get("fictional") else ""
            return " ".join(p for p in (_text(meta, "summary", self.lang), fictional) if p)
        return _t("own_case", self.lang, case=label)

    # ------------------------------------------------------------------ chapters

    def _chapter_text(self):
        lang, chapter = self.lang, self.chapter
        n = CHAPTERS.index(chapter) + 1
        self._head.value = (
            f"<div class='relnet-chapter-head'><b>{n}. "
            f"{html.escape(_t(f'chapter_{chapter}', lang))}</b> · {html.escape(self.case)}"
            f" — {html.escape(_t(f'lead_{chapter}', lang))}</div>")
        self._explain.value = (f"<div class='relnet-explain'>"
                               f"{html.escape(_t(f'explain_{chapter}', lang))}</div>")

    def _explorer(self, chapter):
        """The chapter's explorer for the session's case (built on the first visit)."""
        from .widgets._base import projector

        want = (self._version, None) if chapter in _WITH_CASES else (self._version, self.case)
        if chapter == "own_data":
            want = ("own",)
        ex = self.explorers.get(chapter)
        if ex is None or self._built.get(chapter) != want:
            busy = w.HTML(f"<div class='relnet-busy'>{html.escape(_t('busy', self.lang))}"
                          "</div>")
            self.body.children = [self._head, self._explain, busy]
            with self._lock, projector(*[_FITS[chapter]] if chapter in _FITS else []):
                ex = self._build(chapter)
            self.explorers[chapter], self._built[chapter] = ex, want
            if hasattr(ex, "controls"):
                for name in ("case", "lang"):
                    if name in ex.controls:
                        ex.controls[name].layout.display = "none"
                if "wave" in ex.controls:
                    ex.controls["wave"].observe(self._wave_chosen, names="value")
        if hasattr(ex, "controls"):
            if "case" in ex.controls and ex.controls["case"].value != self.case:
                ex.controls["case"].value = self.case
            if "wave" in ex.controls and self.wave in ex.controls["wave"].options and \
                    ex.controls["wave"].value != self.wave:
                ex.controls["wave"].value = self.wave
            if ex.controls["lang"].value != self.lang:
                ex.controls["lang"].value = self.lang
        return ex

    def _wave_chosen(self, change):
        if change["new"] is not None:
            self.wave = change["new"]

    def _build(self, chapter):
        from . import widgets

        lang, label = self.lang, self.case
        cases = self.cases()
        case = cases[label]
        if chapter in _WITH_CASES:
            build = {"network": widgets.network_explorer, "goals": widgets.goal_explorer,
                     "roles": widgets.roles_explorer, "lessons": widgets.lessons_explorer,
                     "waves": widgets.waves_explorer, "report": widgets.report_explorer}
            return build[chapter](cases, start=label, lang=lang)
        if chapter == "partners":
            if not len(case.partners):
                return w.HTML(f"<p>{html.escape(_t('no_partners', lang, case=label))}</p>")
            return widgets.partner_explorer(case, lang=lang)
        if chapter == "survey":
            return widgets.survey_explorer(case, lang=lang)
        ex = widgets.upload_explorer(lang=lang)  # own data
        ex.upload.observe(lambda change: self._uploaded(ex), names="value")
        return ex

    def _uploaded(self, ex):
        """A valid upload becomes the session's case (the explorer has read it already)."""
        case = ex.case()
        if case is not None:
            label = self.add_case(case)
            note = html.escape(_t("uploaded", self.lang, case=label))
            ex.views["status"].value += f"<p><b>{note}</b></p>"

    # ------------------------------------------------------------------ switches

    def _case_changed(self):
        if self.chapter == "start":
            self.body.children = [self._start()]
        else:
            self.show(self.chapter)
        self._relabel(menu=False)

    def _explained(self):
        if self.controls["explain"].value:
            self.remove_class("relnet-plain")
        else:
            self.add_class("relnet-plain")

    def _relabel(self, menu=True):
        self.lang = self.controls["lang"].value
        lang = self.lang
        self._brand.value = (f"<span class='relnet-brand'><b>relnet</b> · "
                             f"{html.escape(_t('brand', lang))}</span>")
        self.controls["case"].description = i18n.t("ui.case", lang)
        self.controls["case"].style.description_width = "initial"
        self.controls["explain"].description = _t("explain", lang)
        self.controls["explain"].tooltip = _t("explain_tooltip", lang)
        self.buttons["previous"].description = _t("previous", lang)
        self.buttons["next"].description = _t("next", lang)
        if menu:
            self._menu()
            self.show(self.chapter)


def presentation_app(start=None, lang=None):
    """The presentation app for trainers: a start page and the chapters, one case.

    Parameters
    ----------
    start : str, optional
        The shipped case to open on (its municipality or folder name); None: Haverdonk.
    lang : {"nl", "en"}, optional
        None: the default language (Dutch unless `relnet.set_language` changed it).

    Returns
    -------
    PresentationApp
        An ipywidgets VBox (see `PresentationApp`).

    Examples
    --------
    >>> app = presentation_app(lang="nl")   # doctest: +SKIP
    >>> app.step(1); app.chapter            # doctest: +SKIP
    'network'
    """
    # RELNET_APP_WARM=0: no loading in the background (the benchmark measures both)
    warm = os.environ.get("RELNET_APP_WARM", "1") != "0"
    return PresentationApp(start=start, lang=lang, warm=warm)

"""The network survey: a questionnaire in Excel per respondent, and the answers collected.

`make_questionnaires` writes one workbook per respondent of a wave, named after the
organisation. Its first sheet, ``vragenlijst`` (``roster``), opens with a short header block
(for whom, how to answer, what each question means from the respondent's side, the 1-4
scale, the deadline and the contact person, "send it back as it is", and a cell to say it
is done), then the grid: every other actor present in the wave that may be named to other
organisations (organisations, and persons only when public: DESIGN 2, v3 `public`) is a
row, with a column per question to answer ja/nee/weet niet and the six PARTNER items to
score 1-4 (reliability, mission and openness make up trust; power, resources and
involvement make up value), a comment, and empty rows under the list for partners that are
missing. Every question has one direction, from the respondent's side: ``financiering`` is
"wij financieren hen", ``steun`` "wij steunen hen" and ``steun_ontvangen`` "zij steunen
ons". A second sheet explains every question. A hidden, protected sheet ``relnet`` marks the
case, the wave, the respondent and the roster, with a keyed digest (HMAC-SHA256) over them,
so that a questionnaire of another case or wave, or one whose marker was edited to another
respondent, is recognised.

`collect` reads the returned workbooks (.xlsx, .xlsm, .ods; in Dutch or English) into a copy
of the case whose ties of the wave are exactly the ones reported, directed as asked: a tie is
``confirmed`` when both sides named the same directed tie (or, for an undirected type, each
other); partners added in the free rows become actors with ``added_by``; a workbook that
did not come back, or came back unchanged, is a non-respondent, and ``meta["response"]``
records per wave who was asked and who answered. Every problem in every workbook is
reported at once, with file, sheet, row and column, and nothing is written.

The contract of the ties (``reported_by``, the PARTNER columns, ``confirmed``, ``comment``)
and of ``respondent``, ``public`` and ``added_by`` is the data dictionary,
``docs/data-dictionary.md``; how to run a survey, ``docs/survey.md``.
"""

import hashlib
import hmac
import os
import re
import secrets
import sys
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import i18n
from .data._atomic import atomic_write, check_target
from .data._checks import check_response
from .data._tokenise import LIMITS, cell_text, load_workbook
from .data.arguments import analysis
from .data.errors import CaseError, RuleError, problem
from .data.read import _sheet_grid, _workbook_sizes
from .data.rules import Rule, _ranged, parse_bool
from .data.vocab import (
    DIRECTED_BY_DEFAULT,
    HEADER_ALIASES,
    PUBLIC_KINDS,
    TIE_TYPES,
    fold,
)
from .network.graph import present_actors
from .network.names import normalise_name
from .network.quality import TRUST_COLUMNS, VALUE_COLUMNS, _asked

__all__ = ["make_questionnaires", "collect", "simulate_answers", "listed_mask",
           "Collection", "QUESTIONNAIRE_COLUMNS", "QUESTIONS", "MARKER_SHEET",
           "HEADER_ROW", "KEY_VARIABLE"]

QUALITY = TRUST_COLUMNS + VALUE_COLUMNS
TYPES = tuple(TIE_TYPES)
# The questions, one direction each from the respondent's side (DESIGN 2b, v3): the seven
# tie types, support asked twice (we support them / they support us).
QUESTIONS = TYPES + ("support_received",)
_RECEIVED = {"support_received": "support"}  # question -> tie type, the tie toward the respondent


def _dutch(table, column):
    return next(dutch for dutch, english in HEADER_ALIASES[table].items() if english == column)


# The roster's columns: English key -> Dutch header (the contract's aliases), in order.
QUESTIONNAIRE_COLUMNS = {"id": "id", "name": _dutch("actors", "name"), **TIE_TYPES,
                         "support_received": "steun_ontvangen",
                         **{c: _dutch("ties", c) for c in QUALITY + ("comment",)}}
MARKER_SHEET = "relnet"
_MARKER_KEYS = ("case", "municipality", "wave", "respondent", "roster", "language", "digest")
HEADER_ROW = 10  # the grid's header row on the first sheet, under the header block
_BLOCK = ("title", "for", "how", "directions", "scale", "missing", "return", "deadline",
          "done")  # the header block's rows, 1-9
FREE_ROWS = 8  # empty rows under the list for partners that are missing
KEY_VARIABLE = "RELNET_SURVEY_KEY"
_SCORE = Rule("score", _ranged(1, 4, integer=True), "survey_score",
              params=(("low", 1), ("high", 4)))
# what people type for "I do not know" (folded: case, spaces and hyphens ignored)
_UNKNOWN = frozenset({"", "weet_niet", "weet_ik_niet", "weetniet", "onbekend", "?", "??",
                      "don't_know", "dont_know", "do_not_know", "unknown", "n/a"})
_WORKBOOKS = (".xlsx", ".xlsm", ".ods")
_TEXT_RETURNS = (".csv", ".tsv")


def _headers(lang):
    """The roster's header row in `lang`."""
    return [english if lang == "en" else dutch
            for english, dutch in QUESTIONNAIRE_COLUMNS.items()]


def _questions(lang, municipality):
    """What every roster column asks, in the order of the columns."""
    return ([i18n.t("survey.id", lang), i18n.t("survey.name", lang)]
            + [i18n.t(f"survey.tie.{t}", lang) for t in QUESTIONS]
            + [i18n.t(f"survey.quality.{q}", lang, municipality=municipality) for q in QUALITY]
            + [i18n.t("survey.comment", lang)])


def _column_key(header):
    """The roster column a header names (Dutch or English, case and spaces ignored)."""
    key = fold(header)
    for english, dutch in QUESTIONNAIRE_COLUMNS.items():
        if key in (english, dutch):
            return english
    return None


def _roster_print(ids):
    """A fingerprint of the actors present in a wave (their ids, in the case's order)."""
    return hashlib.sha256("\x1f".join(map(str, ids)).encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- who is listed


def listed_mask(actors):
    """Which actors a questionnaire may name to other organisations (DESIGN 2, v3 `public`).

    An organisation is listed unless its `public` cell says no; a person only when public:
    by default the public roles (administrator, manager, council), anyone else only with
    `public` (``openbaar``) yes.

    >>> import pandas as pd
    >>> actors = pd.DataFrame({"kind": ["care_provider", "administrator", "key_person",
    ...                                 "key_person"], "person": [False, True, True, True],
    ...                        "public": pd.array([None, None, None, True], dtype="boolean")})
    >>> listed_mask(actors).tolist()
    [True, True, False, True]
    """
    person = actors["person"].astype(bool).to_numpy() if "person" in actors else \
        np.zeros(len(actors), dtype=bool)
    by_kind = ~person | actors["kind"].isin(PUBLIC_KINDS).to_numpy()
    if "public" not in actors:
        return by_kind
    return actors["public"].astype("boolean").fillna(pd.Series(by_kind, index=actors.index)) \
        .to_numpy(dtype=bool)


# --------------------------------------------------------------------------- the key


def _key_file():
    """Where the per-user survey key is kept when no key is given (see `_survey_key`)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "relnet" / "survey-key"


def _survey_key(key=None):
    """The secret that binds a marker to its questionnaire: `key` if given, else the
    environment variable ``RELNET_SURVEY_KEY``, else a random key kept for this user (made on
    first use, readable by the user only). Respondents never see it; collecting on another
    computer needs the same key (copy the file, or set the variable on both)."""
    if key:
        return str(key).encode("utf-8")
    if os.environ.get(KEY_VARIABLE):
        return os.environ[KEY_VARIABLE].encode("utf-8")
    path = _key_file()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # made by another process in the meantime
            pass
        else:
            with os.fdopen(handle, "w", encoding="ascii") as out:
                out.write(secrets.token_hex(32) + "\n")
    text = path.read_text(encoding="ascii").strip()
    if not text:
        raise OSError(f"the survey key {path} is empty; remove it or set {KEY_VARIABLE}")
    return text.encode("ascii")


def _digest(key, case, wave, respondent, roster):
    """HMAC-SHA256 over case, wave, respondent and the listed roster ids (32 hex digits)."""
    message = "\x1f".join([str(case), "" if wave is None else str(wave), str(respondent),
                           *map(str, roster)])
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


# --------------------------------------------------------------------------- file names


_RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])", re.IGNORECASE)


def _safe_stem(name):
    """A file name stem from an organisation's name that Windows, macOS and Linux all store:
    ASCII letters, digits, spaces, ``-``, ``_`` and brackets, no reserved device name.

    >>> _safe_stem("Stichting Welzijn 'De Brug' / Oost"), _safe_stem("NUL"), _safe_stem("..")
    ('Stichting Welzijn De Brug Oost', 'NUL_', 'respondent')
    """
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^A-Za-z0-9 ()_-]+", " ", text)
    text = " ".join(text.split())[:60].strip(" .")
    if not text:
        return "respondent"
    if _RESERVED.fullmatch(text):
        text += "_"
    return text


def _file_names(ids, names):
    """``<organisation name>.xlsx`` per respondent, unique ignoring case (names that clash
    get a short hash of the id); `collect` reads the respondent from the marker, not from
    the file name.

    >>> _file_names(["a", "b", "c"], ["Zorg Oost", "zorg oost", "Con"])
    {'a': 'Zorg Oost-ca978112.xlsx', 'b': 'zorg oost-3e23e816.xlsx', 'c': 'Con_.xlsx'}
    """
    stems = {str(i): _safe_stem(n) for i, n in zip(ids, names)}
    lower = pd.Series([s.lower() for s in stems.values()])
    clash = set(lower[lower.duplicated(keep=False)])
    out = {}
    for actor, stem in stems.items():
        if stem.lower() in clash:
            stem = f"{stem}-{hashlib.sha256(actor.encode('utf-8')).hexdigest()[:8]}"
        out[actor] = f"{stem}.xlsx"
    return out


# --------------------------------------------------------------------------- writing


_HELP_WIDTH = 90  # the explanation column, in characters
_MIN_SCALE = 75  # printed grid: 11 pt text at 75% is 8.25 pt, never smaller
_PRINTABLE = 842 - 2 * 0.5 * 72  # A4 landscape width in points, less half-inch margins


def _put(sheet, row, column, value):
    """A cell whose text is always text (never a formula)."""
    cell = sheet.cell(row, column)
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    return cell


def _column_points(width):
    """A column's printed width in points at 100% (about 8 pixels per character of the
    default font as LibreOffice and Excel draw it, plus 5)."""
    return (8 * width + 5) * 0.75


def _print_setup(sheet, widths, title_rows):
    """Landscape A4, the grid's header on every page: one page wide when the text stays at
    least 8 pt (11 pt at 75% or more), else at 75% on as many pages as needed with ids and
    names repeated on each."""
    from openpyxl.worksheet.worksheet import Worksheet

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    for side in ("left", "right"):
        setattr(sheet.page_margins, side, 0.5)
    needed = sum(_column_points(w) for w in widths)
    if 100 * _PRINTABLE / needed >= _MIN_SCALE:
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    else:
        sheet.page_setup.scale = _MIN_SCALE
        sheet.print_title_cols = "A:B"  # wider than a page: ids and names on every page
    sheet.print_title_rows = title_rows
    sheet.print_options.gridLines = True  # the empty answer cells visible on paper


def _block_texts(lang, municipality, wave, organisation, deadline, contact):
    """The header block above the grid, row by row (`_BLOCK`)."""
    title = i18n.t("survey.title", lang, municipality=municipality, wave=wave) \
        if wave is not None else i18n.t("survey.title_no_wave", lang, municipality=municipality)
    help_sheet = i18n.t("survey.sheet.help", lang)
    when = []
    if deadline:
        when.append(i18n.t("survey.block.deadline", lang, deadline=_date_text(deadline, lang)))
    when.append(i18n.t("survey.block.contact", lang, contact=str(contact).rstrip("."))
                if contact else i18n.t("survey.block.no_contact", lang))
    return {"title": title,
            "for": i18n.t("survey.block.for", lang, organisation=organisation),
            "how": i18n.t("survey.block.how", lang),
            "directions": i18n.t("survey.block.directions", lang),
            "scale": i18n.t("survey.block.scale", lang),
            "missing": i18n.t("survey.block.missing", lang),
            "return": i18n.t("survey.block.return", lang, sheet=help_sheet),
            "deadline": " ".join(when),
            "done": i18n.t("survey.done", lang)}


def _date_text(value, lang):
    """A deadline as a reader writes it: a date in words (1 maart 2026), text as given."""
    if hasattr(value, "year"):
        from babel.dates import format_date

        return format_date(value, format="long", locale=i18n._locale(i18n.resolve(lang)))
    return str(value).strip()


def _write_roster(book, roster, lang, block):
    """The answer sheet: the header block, then ids and names locked, answers unlocked
    and checked as they are typed, and empty rows for partners that are missing.

    The answer columns are unlocked by their column's style, as Excel stores an unlocked
    column: an empty answer cell takes no room, and a returned roster reads fast."""
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    sheet = book.create_sheet(i18n.t("survey.sheet.roster", lang))
    headers = _headers(lang)
    n, width = len(roster), len(headers)
    first_tie, last_tie = 3, 2 + len(QUESTIONS)
    first_score, last_score = last_tie + 1, last_tie + len(QUALITY)
    first_row, section_row = HEADER_ROW + 1, HEADER_ROW + n + 1
    free_first, free_last = section_row + 1, section_row + FREE_ROWS
    longest = [int(roster[c].astype(str).str.len().max()) if n else 0 for c in ("id", "name")]
    widths = [max(6, min(12, longest[0] + 1)), max(24, min(34, longest[1] + 1))]
    widths += [6] * len(QUESTIONS) + [5] * len(QUALITY) + [24]
    unlocked = Protection(locked=False)
    for column, size in enumerate(widths, 1):
        dimension = sheet.column_dimensions[get_column_letter(column)]
        dimension.width = size
        if column >= first_tie:
            dimension.protection = unlocked
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    grey = PatternFill("solid", fgColor="EEEEEE")
    yellow = PatternFill("solid", fgColor="FFF2CC")
    # the header block, each text across the sheet's width; the title larger
    characters = sum(widths) * 1.3  # characters of the default font on one line
    for number, key in enumerate(_BLOCK, 1):
        cell = _put(sheet, number, 1, block[key])
        cell.alignment = wrap
        if key == "title":
            cell.font = Font(bold=True, size=14)
            sheet.row_dimensions[number].height = 22
            sheet.merge_cells(start_row=1, end_row=1, start_column=1, end_column=width)
            continue
        if key == "done":
            cell.font = bold
            sheet.merge_cells(start_row=number, end_row=number, start_column=1, end_column=2)
            answer = sheet.cell(number, 3)
            answer.fill, answer.protection = yellow, unlocked
            continue
        if key in ("return", "deadline"):
            cell.font = bold
        sheet.merge_cells(start_row=number, end_row=number, start_column=1, end_column=width)
        lines = -(-len(block[key]) // int(characters)) or 1
        sheet.row_dimensions[number].height = 15 * lines + 2
    # the grid's header: the column keys, turned to fit narrow answer columns
    turned = Alignment(text_rotation=90, horizontal="center", vertical="bottom")
    for column, header in enumerate(headers, 1):
        cell = _put(sheet, HEADER_ROW, column, header)
        cell.font, cell.fill = bold, grey
        cell.alignment = turned if first_tie <= column <= last_score else \
            Alignment(vertical="bottom")
    sheet.row_dimensions[HEADER_ROW].height = 112
    for offset, (actor, name) in enumerate(zip(roster["id"], roster["name"])):
        for column, value in ((1, actor), (2, name)):
            _put(sheet, first_row + offset, column, value).fill = grey
    section = _put(sheet, section_row, 1, i18n.t("survey.section_added", lang))
    section.font, section.fill = bold, grey
    sheet.merge_cells(start_row=section_row, end_row=section_row, start_column=1,
                      end_column=width)
    for row in range(free_first, free_last + 1):  # a name may be typed here
        sheet.cell(row, 1).fill = grey
        sheet.cell(row, 2).protection = unlocked
        sheet.cell(row, 2).fill = yellow
    sheet.freeze_panes = f"C{first_row}"
    _print_setup(sheet, widths, f"{HEADER_ROW}:{HEADER_ROW}")
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # columns may be widened
    sheet.protection.formatRows = False
    sheet.protection.sort = False  # sorting whole rows keeps ids with their names
    sheet.protection.autoFilter = False
    yes, no = i18n.t("common.yes", lang), i18n.t("common.no", lang)
    unknown = i18n.t("survey.dont_know", lang)
    ranges = [(first_row, section_row - 1), (free_first, free_last)] if n else \
        [(free_first, free_last)]
    checks = [(DataValidation(type="list", formula1=f'"{yes},{no},{unknown},x"'),
               first_tie, last_tie, "survey.choose_answer", "warning"),
              (DataValidation(type="list", formula1=f'"1,2,3,4,{unknown}"'),
               first_score, last_score, "survey.choose_score", "stop")]
    for check, first, end, message, style in checks:
        check.allow_blank = True
        check.showErrorMessage = True
        check.errorStyle = style  # answers: a typo is let through after a warning
        check.errorTitle = i18n.t("survey.invalid", lang)
        check.error = i18n.t(message, lang)
        check.showInputMessage = True  # shown as soon as an answer cell is selected
        check.prompt = i18n.t(message, lang)
        for top, bottom in ranges:
            check.add(f"{get_column_letter(first)}{top}:{get_column_letter(end)}{bottom}")
        sheet.data_validations.append(check)
    done = DataValidation(type="list", formula1=f'"{yes},{no}"', allow_blank=True)
    done.add(f"C{len(_BLOCK)}")
    sheet.data_validations.append(done)
    sheet.sheet_view.selection[0].activeCell = f"C{first_row}"
    sheet.sheet_view.selection[0].sqref = f"C{first_row}"
    return sheet


def _write_help(book, lang, municipality, wave, organisation):
    """The sheet that explains every question in plain words."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.worksheet import Worksheet

    sheet = book.create_sheet(i18n.t("survey.sheet.help", lang))
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = _HELP_WIDTH
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    roster_sheet = i18n.t("survey.sheet.roster", lang)
    # the title in A, every other text in the wide column B, where it wraps
    title = i18n.t("survey.title", lang, municipality=municipality, wave=wave) \
        if wave is not None else i18n.t("survey.title_no_wave", lang, municipality=municipality)
    rows = [(title, None),
            (None, i18n.t("survey.for_organisation", lang, organisation=organisation)),
            (None, i18n.t("survey.how", lang, sheet=roster_sheet)),
            (None, None),
            (i18n.t("survey.column", lang), i18n.t("survey.question", lang))]
    rows += list(zip(_headers(lang), _questions(lang, municipality))) + [(None, None)]
    rows += [(None, i18n.t(f"survey.{key}", lang)) for key in ("scale", "trust_value", "keep")]
    bold, top = Font(bold=True), Alignment(vertical="top")
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, values in enumerate(rows, 1):
        # a spreadsheet program does not grow a row for wrapped text written by a program
        lines = -(-len(values[1] or "") // _HELP_WIDTH) or 1
        sheet.row_dimensions[number].height = 15 * lines + 1
        for column, value in enumerate(values, 1):
            cell = _put(sheet, number, column, value)
            cell.alignment = top if column == 1 else wrap
            if number in (1, 5):
                cell.font = bold


def _write_questionnaire(path, case, wave, lang, respondent, roster, organisation, marker,
                         block):
    import openpyxl
    from openpyxl.workbook.protection import WorkbookProtection

    book = openpyxl.Workbook()
    book.remove(book.active)
    municipality = str(case.meta.get("municipality", ""))
    _write_roster(book, roster, lang, block)
    _write_help(book, lang, municipality, wave, organisation)
    sheet = book.create_sheet(MARKER_SHEET)
    sheet.sheet_state = "veryHidden"
    for number, row in enumerate([("key", "value")] + list(zip(_MARKER_KEYS, marker)), 1):
        for column, value in enumerate(row, 1):
            _put(sheet, number, column, value)
    sheet.protection.sheet = True
    # no sheet renamed, removed, unhidden or added: the marker stays as it was made
    book.security = WorkbookProtection(lockStructure=True)
    book.active = 0
    book.save(path)


@analysis
def make_questionnaires(case, folder, *, wave=None, lang=None, overwrite=False, deadline=None,
                        contact=None, key=None):
    """Write a network questionnaire (an Excel workbook) for every respondent of a wave.

    Parameters
    ----------
    <<case>>
    folder : str or Path
        Where to write ``<organisation name>.xlsx`` per respondent; created if needed.
    wave : int, optional
        The wave asked about; None (default) is the latest.
    lang : {"nl", "en"}, optional
        The questionnaire's language; None is the default language.
    overwrite : bool
        Replace questionnaires already in `folder`.
    deadline : str or date, optional
        When the questionnaire should be back, shown in its header block.
    contact : str, optional
        Who answers questions (a name, an e-mail address, a phone number), shown in its
        header block.
    key : str, optional
        The secret of the markers' digests; None: ``RELNET_SURVEY_KEY``, else a key kept for
        this user (``docs/survey.md``). `collect` needs the same key.

    Returns
    -------
    list of Path
        The workbooks written, one per respondent (an actor with ``respondent`` true that is
        present in the wave), in the order of the actors table, named after the organisation
        (safe on Windows, macOS and Linux and unique ignoring case: names that clash get a
        short hash of the id). `collect` reads the respondent from the workbook's marker.

    Raises
    ------
    FileExistsError
        A questionnaire exists in `folder` and `overwrite` is False; nothing is written.
    NotADirectoryError
        `folder` is a file.

    See Also
    --------
    collect : read the returned questionnaires into the case.

    Notes
    -----
    A respondent answers for its organisation: the questionnaire names the organisation,
    never a person who fills it in. Each row is another actor present in the wave that may
    be named to other organisations (`listed_mask`: organisations, and public persons); each
    question is answered ja/nee/weet niet (blank is unknown), the six PARTNER items 1-4.
    The pre-filled id and name are protected, answers are checked as they are typed, and a
    hidden, protected sheet ``relnet`` identifies case, wave and respondent, bound to the
    roster by a keyed digest. ``docs/survey.md`` shows the layout.

    Examples
    --------
    >>> import relnet, tempfile
    >>> case = relnet.load_example("haverdonk")
    >>> paths = make_questionnaires(case, tempfile.mkdtemp(), wave=2017, lang="en",
    ...                             key="secret")
    >>> len(paths), paths[0].name
    (25, 'Gemeente Haverdonk.xlsx')
    >>> import openpyxl
    >>> book = openpyxl.load_workbook(paths[0])
    >>> book.sheetnames, [c.value for c in book["roster"][HEADER_ROW]][:4]
    (['roster', 'explanation', 'relnet'], ['id', 'name', 'collaboration', 'funding'])
    """
    folder = Path(folder)
    check_target(folder, overwrite=True, kind="folder")
    lang = i18n.resolve(lang)
    present = present_actors(case, wave)
    listed = present.loc[listed_mask(present), ["id", "name"]]
    asked = [str(a) for a in _asked(case, wave)]
    organisations = present.set_index("id")["name"].astype(str)
    names = _file_names(asked, [organisations[a] for a in asked])
    targets = [folder / names[actor] for actor in asked]
    for target in targets:
        check_target(target, overwrite)
    secret = _survey_key(key)
    folder.mkdir(parents=True, exist_ok=True)
    fingerprint = _roster_print(present["id"])
    municipality = str(case.meta.get("municipality", ""))
    for actor, target in zip(asked, targets):
        roster = listed[listed["id"] != actor]
        marker = (case.name, municipality, wave, actor, fingerprint, lang,
                  _digest(secret, case.name, wave, actor, roster["id"]))
        block = _block_texts(lang, municipality, wave, organisations[actor], deadline, contact)
        atomic_write(target, lambda staged, actor=actor, roster=roster, marker=marker,
                     block=block: _write_questionnaire(
                         staged, case, wave, lang, actor, roster, organisations[actor], marker,
                         block), overwrite=True)
    return targets


# --------------------------------------------------------------------------- reading


@dataclass
class _Survey:
    """What a returned questionnaire must match."""

    case: str
    municipality: str
    wave: object
    actors: set
    present: list
    asked: set
    fingerprint: str
    rosters: dict  # respondent -> the ids listed on its questionnaire
    names: dict  # actor id -> name
    key: bytes


@dataclass
class _Book:
    """A returned workbook as text: sheet name -> grid (index = the row as Excel shows it,
    columns from 0), and per sheet the cells holding a formula without a stored result."""

    sheets: dict
    formulas: dict = field(default_factory=dict)
    merged: dict = field(default_factory=dict)  # sheet -> [(row, column, last row,
    # last column)], rows as Excel shows them, columns from 0


def _xlsx_book(path, label):
    """An .xlsx or .xlsm as a `_Book`: values as stored (a formula's stored result), and
    formulas whose result was never stored (as some programs and scripts save them)."""
    _workbook_sizes(path, label)
    with warnings.catch_warnings():  # features openpyxl does not read (Excel's extensions)
        warnings.simplefilter("ignore")
        with open(path, "rb") as handle:
            try:
                book = load_workbook(handle, read_only=True, data_only=True)
            except Exception as exc:  # openpyxl raises many types for a damaged file
                raise CaseError([problem(label, None, None, None, "not_workbook", "workbook",
                                         reason=type(exc).__name__)]) from None
            try:
                sheets = {name: _sheet_grid(book[name]) for name in book.sheetnames}
            except Exception as exc:  # damaged sheet XML, shared strings, numbers, references
                raise CaseError([problem(label, None, None, None, "damaged_workbook",
                                         "workbook", reason=type(exc).__name__)]) from None
            finally:
                book.close()
        formulas, merged = {}, {}
        roster = _roster_name(sheets)
        if roster is not None:
            with open(path, "rb") as handle:
                book = load_workbook(handle, read_only=True, data_only=False)
                try:
                    merged[roster] = _merged_ranges(book[roster])
                    grid = sheets[roster]
                    for cells in book[roster].iter_rows(max_row=LIMITS["rows"] + 2):
                        for cell in cells[:LIMITS["columns"] + 1]:
                            if getattr(cell, "data_type", None) == "f" and \
                                    cell.row in grid.index and \
                                    grid.at[cell.row, cell.column - 1] == "":
                                formulas.setdefault(roster, set()).add(
                                    (cell.row, cell.column - 1))
                finally:
                    book.close()
    return _Book(sheets, formulas, merged)


def _merged_ranges(sheet):
    """The merged cells of a read-only openpyxl sheet (which does not read them itself):
    [(row, column, last row, last column)], rows as Excel shows them, columns from 0."""
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    tag = f"{{{SHEET_MAIN_NS}}}mergeCell"
    ranges = []
    with sheet.parent._archive.open(sheet._worksheet_path) as source:
        for _, node in iterparse(source):
            if node.tag == tag:
                try:
                    first_col, first_row, last_col, last_row = range_boundaries(
                        node.get("ref", ""))
                except (TypeError, ValueError):
                    continue
                ranges.append((first_row, first_col - 1, last_row, last_col - 1))
                if len(ranges) > LIMITS["rows"]:
                    break
            node.clear()
    return ranges


def _ods_book(path, label):
    """An .ods (what LibreOffice saves) as a `_Book`, through calamine."""
    from python_calamine import CalamineWorkbook

    _workbook_sizes(path, label)  # an .ods is a zip too
    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine's errors for what is no spreadsheet
        raise CaseError([problem(label, None, None, None, "not_workbook", "workbook",
                                 reason=type(exc).__name__)]) from None
    sheets, merged = {}, {}
    try:
        for name in book.sheet_names:
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            rows = [[cell_text(c, escaped=False) for c in row[:LIMITS["columns"] + 1]]
                    for row in rows[:LIMITS["rows"] + 2]]
            for row in rows:
                while row and row[-1] == "":
                    row.pop()
            width = max(map(len, rows), default=0)
            sheets[name] = pd.DataFrame([r + [""] * (width - len(r)) for r in rows],
                                        index=range(1, len(rows) + 1), columns=range(width),
                                        dtype=object)
    except Exception as exc:
        raise CaseError([problem(label, None, None, None, "damaged_workbook", "workbook",
                                 reason=type(exc).__name__)]) from None
    finally:
        book.close()
    roster = _roster_name(sheets)
    if roster is not None:
        try:
            merged[roster], tabbed = _ods_roster_details(path, roster)
        except Exception as exc:  # damaged content.xml: calamine read it, this did not
            raise CaseError([problem(label, None, None, None, "damaged_workbook", "workbook",
                                     reason=type(exc).__name__)]) from None
        grid = sheets[roster]
        for (row, column), text in tabbed.items():
            if row in grid.index and column < grid.shape[1] and \
                    grid.at[row, column].replace("\t", "") == text.replace("\t", ""):
                grid.at[row, column] = text
    return _Book(sheets, merged=merged)


_ODS = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}


def _ods_paragraph(node):
    """The text of an ODF text:p as typed: text:tab a tab, text:s spaces, text:line-break
    a line feed (calamine leaves the tabs out)."""
    out = [node.text or ""]
    for child in node:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "tab":
            out.append("\t")
        elif tag == "s":
            out.append(" " * int(child.get(f"{{{_ODS['text']}}}c", "1") or 1))
        elif tag == "line-break":
            out.append("\n")
        else:
            out.append(_ods_paragraph(child))
        out.append(child.tail or "")
    return "".join(out)


def _ods_roster_details(path, sheet):
    """What calamine does not give of an .ods roster sheet: its merged cells [(row,
    column, last row, last column)] and the cells whose text holds a tab {(row, column):
    text}, rows as the spreadsheet shows them, columns from 0."""
    import xml.etree.ElementTree as ET
    import zipfile

    table, cell = f"{{{_ODS['table']}}}", f"{{{_ODS['text']}}}p"
    merged, tabbed = [], {}
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as source:
        inside, row, column = False, 0, 0
        for event, node in ET.iterparse(source, events=("start", "end")):
            tag = node.tag
            if tag == table + "table":
                if event == "start":
                    inside = node.get(table + "name") == sheet
                elif inside:
                    break
                continue
            if not inside or event != "end":
                if inside and event == "start" and tag == table + "table-row":
                    column = 0
                continue
            if tag == table + "table-row":
                row += int(node.get(table + "number-rows-repeated", "1") or 1)
                node.clear()
            elif tag in (table + "table-cell", table + "covered-table-cell"):
                repeat = int(node.get(table + "number-columns-repeated", "1") or 1)
                rows = int(node.get(table + "number-rows-spanned", "1") or 1)
                columns = int(node.get(table + "number-columns-spanned", "1") or 1)
                if tag == table + "table-cell" and (rows > 1 or columns > 1):
                    merged.append((row + 1, column, row + rows, column + columns - 1))
                paragraphs = [_ods_paragraph(p) for p in node.iter(cell)]
                if any("\t" in p for p in paragraphs):
                    tabbed[(row + 1, column)] = "\n".join(paragraphs)
                column += repeat
                if row > LIMITS["rows"] + 2 or len(merged) > LIMITS["rows"]:
                    break
    return merged, tabbed


def _roster_name(sheets):
    """The roster sheet's name in a workbook (Dutch or English), or None."""
    names = {fold(i18n.t("survey.sheet.roster", code)) for code in i18n.LANGUAGES}
    return next((name for name in sheets if fold(name) in names), None)


def _cell(grid, row, column):
    return grid.at[row, column] if column < grid.shape[1] else ""


def _marker(book, label):
    """The hidden marker's rows: key -> (row, value), the value column's header, problems."""
    sheets = {fold(name): name for name in book.sheets}
    if MARKER_SHEET not in sheets:
        return None, None, [problem(label, None, None, None, "no_sheet", "questionnaire",
                                    sheet=MARKER_SHEET)]
    grid = book.sheets[sheets[MARKER_SHEET]]
    rows, header = {}, "value"
    for row in grid.index:
        key, value = _cell(grid, row, 0).strip(), _cell(grid, row, 1).strip()
        if row == 1:
            header = value or header
        elif key:
            rows.setdefault(fold(key), (int(row), value))
    return rows, header, []


def _identify(marker, header, label, survey):
    """The respondent of a questionnaire and the problems of its marker; the respondent is
    None when the rows cannot be checked (another case, wave or roster, no respondent, or a
    marker that does not match its digest)."""
    if marker is None:
        return None, []
    where = f"{label}, sheet '{MARKER_SHEET}'"

    def check(key, expected, message, accepted, **params):
        row, value = marker.get(key, (None, ""))
        if value != expected:
            return [problem(where, row, header, value, message, accepted, **params)]
        return []

    wave = "" if survey.wave is None else str(survey.wave)
    found = (check("case", survey.case, "other_case", "this_case", case=survey.case)
             or check("municipality", survey.municipality, "other_case", "this_case",
                      case=survey.case)
             or check("wave", wave, "other_wave", "this_wave", wave=wave))
    if found:
        return None, found
    row, respondent = marker.get("respondent", (None, ""))
    if respondent not in survey.actors:
        return None, [problem(where, row, header, respondent, "not_id", "actor_id",
                              what=("what", "actor"))]
    if respondent not in survey.asked:
        return None, [problem(where, row, header, respondent, "not_respondent",
                              "respondent_id", wave=wave)]
    if marker.get("roster", (None, ""))[1] != survey.fingerprint:
        return None, [problem(label, None, None, None, "roster_changed", "made_again")]
    expected = _digest(survey.key, survey.case, survey.wave, respondent,
                       survey.rosters[respondent])
    digest_row, digest = marker.get("digest", (None, ""))
    if not hmac.compare_digest(digest.encode("utf-8"), expected.encode("utf-8")):
        return None, [problem(where, row if digest else digest_row, header, respondent,
                              "marker_changed", "made_with_key")]
    return respondent, []


@dataclass
class _Returned:
    """What one returned questionnaire says."""

    respondent: str
    rows: pd.DataFrame  # target (id, or None for an added partner), added (its name),
    # a bool or NA per question, the scores, comment
    filled: bool  # an answer anywhere, or "yes" at done
    unknown: list  # (target or name, question) answered "weet niet"


def _yes_no_unknown(text):
    """An answer as typed: True, False, or None (weet niet, blank); RuleError otherwise."""
    if fold(text) in _UNKNOWN:
        return None
    return parse_bool(text)


def _find_header(grid):
    """The grid's header row: the first with ``id`` and a name column in A and B."""
    for row in grid.index:
        if fold(_cell(grid, row, 0)) == "id" and _column_key(_cell(grid, row, 1)) == "name":
            return row
    return None


def _answers(book, sheet, label, respondent, survey, lang):
    """The answers of a roster sheet (a `_Returned`), or the problems of its cells, ordered
    by row and column: every problem of the sheet at once."""
    label = f"{label}, sheet '{sheet}'"
    headers = _headers(lang)
    grid = book.sheets[sheet]
    formulas = book.formulas.get(sheet, set())
    top = _find_header(grid) if len(grid) else None
    if top is None:
        return None, [problem(label, None, None, None, "missing_column", "header_with",
                              columns=", ".join(headers))]
    columns, written, found = {}, {}, []  # key -> grid column, key -> header as written
    for column in range(grid.shape[1]):
        text = _cell(grid, top, column).strip()
        key = _column_key(text)
        if key in columns:
            found.append((top, column, problem(label, top, text, None, "duplicate_header",
                                               "each_column_once")))
        elif key is not None:
            columns[key], written[key] = column, text
    for key, header in zip(QUESTIONNAIRE_COLUMNS, headers):
        if key not in columns:
            found.append((top, 0, problem(label, top, header, None, "missing_column",
                                          "header_with", columns=", ".join(headers))))
    if found:
        return None, [p for _, _, p in sorted(found, key=lambda f: (f[0], f[1]))]
    done_labels = {fold(i18n.t("survey.done", code)) for code in i18n.LANGUAGES}
    section = {fold(i18n.t("survey.section_added", code)) for code in i18n.LANGUAGES}
    filled = False
    for row in grid.index[grid.index < top]:
        if fold(_cell(grid, row, 0)) in done_labels:
            try:
                filled = bool(_yes_no_unknown(_cell(grid, row, 2)))
            except RuleError:
                filled = True  # something typed at "done": the respondent says it is done
    found += _merged_problems(book.merged.get(sheet, ()), grid, top, label, section)
    roster = survey.rosters[respondent]
    listed = set(roster)
    answer_keys = QUESTIONS + QUALITY + ("comment",)
    records, unknown, seen = [], [], {}
    for row in grid.index[grid.index > top]:
        actor, name = _cell(grid, row, columns["id"]).strip(), \
            _cell(grid, row, columns["name"]).strip()
        cells = {k: _cell(grid, row, columns[k]).strip() for k in answer_keys}
        answered = any(cells.values())
        if fold(actor) in section and not (name or answered):
            continue  # the free rows' title
        if not (actor or name or answered):
            continue
        filled = filled or answered or (not actor and bool(name))
        record = {"row": int(row), "target": actor or None, "added": None if actor else name}
        if actor:
            if actor not in listed:
                found.append((row, 0, problem(label, int(row), written["id"], actor,
                                              "not_in_roster", "roster_row")))
            elif actor in seen:
                found.append((row, 0, problem(label, int(row), written["id"], actor,
                                              "duplicate", "roster_row", first=seen[actor])))
            elif fold(name) != fold(survey.names[actor]):
                found.append((row, 0, problem(label, int(row), written["id"], actor,
                                              "name_mismatch", "ids_with_names", found=name,
                                              expected=survey.names[actor])))
            seen.setdefault(actor, int(row))
        elif not name:
            found.append((row, 1, problem(label, int(row), written["name"], None,
                                          "added_without_name", "name_for_added")))
        bad_tie = False
        order = {k: i for i, k in enumerate(QUESTIONNAIRE_COLUMNS)}
        for key in answer_keys:
            text, column = cells[key], columns[key]
            if (int(row), column) in formulas:
                found.append((row, order[key], problem(
                    label, int(row), written[key], None, "formula_without_value",
                    "typed_answer")))
                bad_tie = bad_tie or key in QUESTIONS
                record[key] = pd.NA if key in QUESTIONS else np.nan
                continue
            if key == "comment":
                record[key] = text or None
                continue
            if key in QUESTIONS:
                try:
                    record[key] = _yes_no_unknown(text)
                except RuleError:
                    bad_tie = True
                    found.append((row, order[key], problem(
                        label, int(row), written[key], text, "not_survey_answer",
                        "survey_answer")))
                    record[key] = None
                    continue
            else:
                if fold(text) in _UNKNOWN:
                    record[key] = np.nan
                else:
                    try:
                        record[key] = float(_SCORE.check(text))
                    except RuleError as err:
                        found.append((row, order[key], problem(
                            label, int(row), written[key], text, err.key, _SCORE.accepted,
                            **{**dict(_SCORE.params), **err.params})))
                        record[key] = np.nan
                        continue
            if text and fold(text) in _UNKNOWN:
                unknown.append((actor or name, key))
        named = any(record.get(q) is True for q in QUESTIONS)  # parsed here: Python bools
        scored = [k for k in QUALITY if cells[k] and fold(cells[k]) not in _UNKNOWN]
        if not bad_tie and not named:
            if not actor and name:
                found.append((row, 1, problem(label, int(row), written["name"], name,
                                              "added_without_tie", "tie_for_added")))
            elif scored:  # scores belong to a tie: a row scored without one would be lost
                key = scored[0]
                found.append((row, order[key], problem(
                    label, int(row), written[key], cells[key], "score_without_tie",
                    "tie_for_scores")))
        records.append(record)
    if found:
        return None, [p for _, _, p in sorted(found, key=lambda f: (f[0], f[1]))]
    rows = pd.DataFrame(records, columns=["row", "target", "added", *answer_keys])
    return _Returned(respondent, rows, filled, unknown), []


def _merged_problems(merged, grid, top, label, section):
    """Cells merged in the grid (under its header row): a value in a merged cell belongs to
    its first cell only, so an answer merged over three rows would count for one. The
    title row of the free rows is merged by relnet itself."""
    from openpyxl.utils import get_column_letter

    found = []
    for row, column, last_row, last_column in sorted(merged):
        if last_row <= top:
            continue  # the header block above the grid
        if last_row == row and fold(_cell(grid, row, 0)) in section:
            continue
        cells = f"{get_column_letter(column + 1)}{row}:" \
            f"{get_column_letter(last_column + 1)}{last_row}"
        key = "merged_rows" if last_row > row else "merged_columns"
        found.append((row, column, problem(
            label, int(row), _cell(grid, top, column).strip() or None, None, key,
            "one_cell_each", cells=cells, first=row, last=last_row,
            columns=f"{get_column_letter(column + 1)}-{get_column_letter(last_column + 1)}")))
    return found


def _read_questionnaire(path, survey, label=None):
    """(`_Returned` or None, the respondent or None, problems) of one returned workbook:
    the respondent is known from a sound marker even when the answers have problems."""
    label = label or path.name
    try:
        book = _ods_book(path, label) if path.suffix.lower() == ".ods" else \
            _xlsx_book(path, label)
    except CaseError as exc:
        return None, None, exc.problems
    marker, header, problems = _marker(book, label)
    respondent, more = _identify(marker, header, label, survey)
    problems += more
    lang = (marker or {}).get("language", (None, ""))[1]
    lang = lang if lang in i18n.LANGUAGES else i18n.get_language()
    sheet = _roster_name(book.sheets)
    if sheet is None:
        problems.append(problem(label, None, None, None, "no_sheet", "questionnaire",
                                sheet=i18n.t("survey.sheet.roster", lang)))
    if respondent is None or sheet is None:
        return None, respondent, problems
    returned, more = _answers(book, sheet, label, respondent, survey, lang)
    return returned, respondent, problems + more


def _returned_files(folder):
    """(path, label) of every file in `folder` and in its sub-folders at any depth (an
    e-mail's attachments unpacked into ``terug/bijlagen``), by label: the path relative to
    `folder` with ``/``. Hidden folders (``.git``, macOS's ``__MACOSX``) are not entered
    and symbolic links to folders not followed (no loops)."""
    found = []
    for root, folders, names in os.walk(folder):
        folders[:] = [f for f in folders if not f.startswith((".", "~$", "__MACOSX"))]
        for name in names:
            path = Path(root) / name
            if path.is_file():
                found.append((path, path.relative_to(folder).as_posix()))
    return sorted(found, key=lambda item: (item[1].count("/"), item[1]))


def _hidden(path):
    """A file a person does not see: ``._gem.xlsx`` (macOS on a USB stick), ``~$gem.xlsx``
    (Excel's lock file), ``.gem.xlsx``, or one marked hidden (Windows)."""
    if path.name.startswith((".", "~$")):
        return True
    attributes = getattr(path.stat(), "st_file_attributes", 0)
    return bool(attributes & 2)  # FILE_ATTRIBUTE_HIDDEN


ADDED_PREFIX = "toegevoegd_"


def _added_id(taken):
    """A neutral id for a partner added in a free row (``toegevoegd_01``, ...), unique among
    `taken`: never made from the name, which may be a person's (an id is shown where a
    name is pseudonymised)."""
    number = 1
    while f"{ADDED_PREFIX}{number:02d}" in taken:
        number += 1
    return f"{ADDED_PREFIX}{number:02d}"


def _survey_ties(case, wave, returned, order):
    """The ties the respondents named, one per row and question answered yes, directed as
    asked: ``steun_ontvangen`` is a support tie from the other actor to the respondent."""
    columns = case.ties.columns
    records = []
    for respondent, frame in returned.items():
        for row in frame.itertuples(index=False):
            for number, question in enumerate(QUESTIONS):
                answer = getattr(row, question)
                if answer is None or pd.isna(answer) or not answer:
                    continue
                kind = _RECEIVED.get(question, question)
                received = question in _RECEIVED
                source, target = (row.target, respondent) if received else \
                    (respondent, row.target)
                records.append({
                    "source": source, "target": target, "type": kind,
                    "directed": kind in DIRECTED_BY_DEFAULT or kind == "support",
                    "reported_by": respondent, "other": row.target, "question": number,
                    **{q: getattr(row, q) for q in QUALITY}, "comment": row.comment})
    if not records:
        return case.ties.iloc[0:0]
    long = pd.DataFrame(records)
    long = long.iloc[np.lexsort((long["question"].to_numpy(),
                                 long["other"].map(order).to_numpy(),
                                 long["reported_by"].map(order).to_numpy()))]
    long = long.reset_index(drop=True)
    # confirmed: the other end reported the same directed tie, or (undirected) each other
    said = set(zip(long["source"], long["target"], long["type"], long["reported_by"]))
    confirmed = [(s, t, k, o) in said or (not d and (t, s, k, o) in said)
                 for s, t, k, o, d in zip(long["source"], long["target"], long["type"],
                                          long["other"], long["directed"])]
    n = len(long)
    ties = pd.DataFrame({
        "source": long["source"], "target": long["target"], "type": long["type"],
        "directed": long["directed"].astype(bool), "weight": np.ones(n),
        "trust": np.full(n, np.nan), "since": pd.array([pd.NA] * n, dtype="Int64"),
        "wave": pd.array([wave] * n, dtype="Int64"), "reported_by": long["reported_by"],
        **{q: long[q].astype(float) for q in QUALITY},
        "confirmed": pd.array(confirmed, dtype="boolean"),
        "comment": long["comment"],
    })
    for column in ties.columns:
        if column in columns:
            ties[column] = ties[column].astype(case.ties[column].dtype)
    return ties


@dataclass
class Collection:
    """What `collect` found besides the ties, for the analyst to read and decide on
    (``collected.collection``).

    Attributes
    ----------
    added : DataFrame
        The partners respondents added in the free rows: id (new), name, added_by (the
        respondents, ``|``-separated). They are actors of kind other, persons until the
        analyst says otherwise (so that a person named there is pseudonymised).
    merges : DataFrame
        Proposed merges of an added partner with an actor of the case (`similar_names`):
        id_a, name_a, id_b, name_b, score, reason; `relnet.merge_actors` applies one.
    unchanged : DataFrame
        Questionnaires that came back unchanged (file, respondent): not a response.
    unknown : DataFrame
        The answers "weet niet": respondent, actor (an id, or an added name), question.
    skipped : list of str
        Files in the folder that were not read (hidden files such as ``._gem.xlsx``, and
        files that are no questionnaire format).
    """

    added: pd.DataFrame
    merges: pd.DataFrame
    unchanged: pd.DataFrame
    unknown: pd.DataFrame
    skipped: list


def _listed_rosters(case, wave, asked):
    present = present_actors(case, wave)
    listed = list(present.loc[listed_mask(present), "id"])
    return {a: [i for i in listed if i != a] for a in asked}


@analysis
def collect(case, folder, *, wave=None, key=None):
    """Collect the returned questionnaires of a wave into a copy of the case.

    Parameters
    ----------
    case : Case
        The case the questionnaires were made from; it is not changed.
    folder : str or Path
        The folder holding the returned workbooks: every ``.xlsx``, ``.xlsm`` and ``.ods``
        in it is read (Dutch or English); hidden files (``._gem.xlsx`` from a Mac, Excel's
        ``~$`` lock files) are skipped. A questionnaire that did not come back, or came
        back unchanged, is a non-respondent.
    wave : int, optional
        The wave collected; None (default) is the latest.
    key : str, optional
        The key the questionnaires were made with (see `make_questionnaires`).

    Returns
    -------
    Case
        A copy whose ties of `wave` are exactly the reported ones (ties of other waves are
        kept): per respondent, per row and question answered yes, a tie with
        ``reported_by`` the respondent, the row's six scores and comment, directed as asked
        (from the respondent to the row's actor; ``steun_ontvangen`` from the row's actor to
        the respondent; collaboration and information undirected), and ``confirmed`` true
        when the other side named the same directed tie (for an undirected type: each
        other). Partners added in the free rows are new actors with ``added_by``.
        ``meta["response"][wave]`` is ``{"asked": [ids], "answered": [ids]}``; the entries
        of other waves are kept. ``.collection`` (a `Collection`) lists the added partners,
        merge proposals, unchanged questionnaires, "weet niet" answers and skipped files.

    Raises
    ------
    CaseError
        Listing every problem in every workbook at once (another case or wave, an unknown
        respondent, a marker edited, a row added to the list or an id column sorted apart
        from the names, an answer that is not ja/nee/weet niet or a score outside 1-4, a
        formula without a stored result, a missing sheet, a file that is no workbook or a
        CSV), each with file, sheet, row and column; also when the folder holds no
        questionnaire of this case, or none filled in.
    NotADirectoryError
        `folder` is not a folder.

    See Also
    --------
    make_questionnaires : write the questionnaires.
    relnet.trust_value : trust, value and the response rate of the collected wave.

    Examples
    --------
    >>> import relnet, tempfile, openpyxl
    >>> case = relnet.load_example("haverdonk")
    >>> folder = tempfile.mkdtemp()
    >>> paths = make_questionnaires(case, folder, wave=2017, key="secret")
    >>> book = openpyxl.load_workbook(paths[0])  # the municipality says it is done
    >>> book["vragenlijst"]["C9"] = "ja"
    >>> book.save(paths[0])
    >>> result = collect(case, folder, wave=2017, key="secret")
    >>> result.meta["response"][2017]["answered"], len(result.meta["response"][2017]["asked"])
    (['gem'], 25)
    >>> len(result.collection.unchanged), int((result.ties["wave"] == 2017).sum())
    (24, 0)
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise NotADirectoryError(f"{folder} is not a folder of questionnaires")
    present_frame = present_actors(case, wave)
    present = list(present_frame["id"])
    asked = [str(a) for a in _asked(case, wave)]
    survey = _Survey(case.name, str(case.meta.get("municipality", "")), wave,
                     set(case.actors["id"]), present, set(asked), _roster_print(present),
                     _listed_rosters(case, wave, asked),
                     dict(zip(case.actors["id"], case.actors["name"].astype(str))),
                     _survey_key(key))
    problems, returned, files, skipped = [], {}, {}, []
    for path, label in _returned_files(folder):
        suffix = path.suffix.lower()
        if _hidden(path):
            skipped.append(label)
            continue
        if suffix in _TEXT_RETURNS or suffix == ".xls":
            problems.append(problem(label, None, None, None,
                                    "csv_return" if suffix != ".xls" else "old_excel",
                                    "send_workbook"))
            continue
        if suffix not in _WORKBOOKS:
            skipped.append(label)
            continue
        # the respondent is known even when the answers have problems: a questionnaire
        # returned twice is said in the same run as the problems of its cells
        result, respondent, found = _read_questionnaire(path, survey, label)
        if respondent is not None and respondent in files:
            found = [problem(label, None, None, respondent, "second_questionnaire",
                             "one_questionnaire", first=files[respondent])] + found
        elif respondent is not None:
            files[respondent] = label
        problems += found
        if not found and result is not None:
            returned[respondent] = result
    if not files and not problems:
        problems.append(problem(folder.name, None, None, None, "no_questionnaires",
                                "questionnaire_folder"))
    elif not problems and not any(r.filled for r in returned.values()):
        problems.append(problem(folder.name, None, None, None, "no_answers", "one_filled_in",
                                n=len(returned)))
    if problems:
        raise CaseError(problems)
    answered = [a for a in asked if a in returned and returned[a].filled]
    unchanged = pd.DataFrame({"file": [files[a] for a in asked
                                       if a in returned and not returned[a].filled],
                              "respondent": [a for a in asked
                                             if a in returned and not returned[a].filled]})
    actors, frames, added = _added_partners(case, wave, {a: returned[a] for a in answered})
    order = {actor: i for i, actor in enumerate(present + list(added["id"]))}
    ties = _survey_ties(case, wave, frames, order)
    keep = np.zeros(len(case.ties), dtype=bool) if wave is None else \
        ~(case.ties["wave"] == wave).fillna(False).to_numpy(dtype=bool)
    parts = [frame for frame in (case.ties[keep], ties) if len(frame)]
    result = case.copy(actors=actors, ties=pd.concat(parts, ignore_index=True) if parts
                       else case.ties.iloc[0:0].copy())
    response = check_response(case.meta["response"]) if case.meta.get("response") else None
    response = dict(response or {})
    response[wave] = {"asked": asked, "answered": answered}
    result.meta["response"] = response
    merges = _merge_proposals(result, set(added["id"]))
    unknown = pd.DataFrame([(a, actor, question) for a in answered
                            for actor, question in returned[a].unknown],
                           columns=["respondent", "actor", "question"])
    result.collection = Collection(added, merges, unchanged, unknown, skipped)
    return result


def _added_partners(case, wave, returned):
    """(actors with the added partners, each respondent's rows with added names replaced by
    the new ids, the added partners: id, name, added_by)."""
    taken = set(case.actors["id"])
    by_name, added = {}, []  # folded name -> new id
    frames = {}
    for respondent, result in returned.items():
        rows = result.rows.copy()
        for index in rows.index[rows["target"].isna().to_numpy()]:
            name = rows.at[index, "added"]
            folded = normalise_name(name) or fold(name)  # "St. X" and "Stichting X": one
            if folded not in by_name:
                new = _added_id(taken)
                taken.add(new)
                by_name[folded] = new
                added.append({"id": new, "name": name, "added_by": [respondent]})
            elif respondent not in added[list(by_name).index(folded)]["added_by"]:
                added[list(by_name).index(folded)]["added_by"].append(respondent)
            rows.at[index, "target"] = by_name[folded]
        frames[respondent] = rows
    table = pd.DataFrame({"id": [a["id"] for a in added], "name": [a["name"] for a in added],
                          "added_by": ["|".join(a["added_by"]) for a in added]})
    if not len(table):
        return case.actors, frames, table
    n = len(table)
    new = pd.DataFrame({"id": table["id"], "name": table["name"], "kind": ["other"] * n,
                        # a person until the analyst says otherwise: a person named in a
                        # free row is pseudonymised as any person
                        "person": [True] * n, "respondent": [False] * n,
                        "added_by": table["added_by"]})
    if "waves" in case.actors and wave is not None:
        new["waves"] = str(wave)
    actors = case.actors.copy()
    if "added_by" not in actors:
        actors["added_by"] = pd.Series([None] * len(actors), dtype=object, index=actors.index)
    for column in new.columns:
        if column in actors and column != "added_by":
            new[column] = new[column].astype(actors[column].dtype)
    return pd.concat([actors, new], ignore_index=True), frames, table


def _merge_proposals(case, added):
    """`similar_names` pairs that join an added partner with another actor."""
    from .network.names import similar_names

    columns = ["id_a", "name_a", "id_b", "name_b", "score", "reason"]
    if not added:
        return pd.DataFrame(columns=columns)
    pairs = similar_names(case)
    keep = pairs["id_a"].isin(added) | pairs["id_b"].isin(added)
    return pairs.loc[keep.to_numpy(dtype=bool), columns].reset_index(drop=True)


# --------------------------------------------------------------------------- training


@analysis
def simulate_answers(case, questionnaires, folder, *, wave=None, share=0.8, silent=(), seed=0,
                     overwrite=False):
    """Fill in questionnaires as respondents might, for training and demonstrations.

    Every respondent names each tie the case has with another actor listed in its
    questionnaire, with probability `share`, in the question that asks it from its side
    (support it gives as ``steun``, support it receives as ``steun_ontvangen``), scores
    every actor it names 2-4 on the six PARTNER items and says it is done; the respondents
    in `silent` send nothing back. The filled workbooks are written to `folder`; the
    questionnaires themselves are not changed.

    Parameters
    ----------
    case : Case
        The case the questionnaires were made from.
    questionnaires : str or Path
        The folder `make_questionnaires` wrote.
    folder : str or Path
        Where the filled questionnaires go (created if needed).
    <<wave>>
    share : float
        The chance that a respondent names a tie that exists (0-1).
    silent : iterable of str
        Ids of respondents who do not answer.
    seed : int
        The random seed: the same seed fills the same answers.
    overwrite : bool
        Replace filled questionnaires already in `folder`.

    Returns
    -------
    list of Path
        The filled workbooks, one per respondent who answered.

    Examples
    --------
    >>> import relnet, tempfile, pathlib
    >>> case = relnet.load_example("haverdonk")
    >>> work = pathlib.Path(tempfile.mkdtemp())
    >>> _ = make_questionnaires(case, work / "sent", wave=2017, key="secret")
    >>> filled = simulate_answers(case, work / "sent", work / "back", wave=2017,
    ...                           silent=["gem", "raad"])
    >>> result = collect(case, work / "back", wave=2017, key="secret")
    >>> len(filled), len(result.meta["response"][2017]["answered"])
    (23, 23)
    """
    import random

    import openpyxl

    if not 0 <= share <= 1:
        raise ValueError(f"share must lie between 0 and 1, not {share}")
    questionnaires, folder = Path(questionnaires), Path(folder)
    check_target(folder, overwrite=True, kind="folder")
    rng = random.Random(seed)
    ties = case.ties[(case.ties["wave"] == wave).fillna(False).to_numpy(dtype=bool)] \
        if wave is not None else case.ties
    known = set()  # (respondent, other, question) a respondent would answer yes
    for source, target, kind, directed in zip(ties["source"], ties["target"], ties["type"],
                                              ties["directed"]):
        if kind == "support" and directed:
            known |= {(source, target, "support"), (target, source, "support_received")}
        elif directed and kind in DIRECTED_BY_DEFAULT:
            known.add((source, target, kind))
        else:
            known |= {(source, target, kind), (target, source, kind)}
    silent = {str(s) for s in silent}
    plan = []
    for path in sorted(questionnaires.glob("*.xlsx")):
        book = openpyxl.load_workbook(path)
        marker = {str(k): str(v) for k, v in book[MARKER_SHEET].iter_rows(
            min_row=2, values_only=True) if k is not None}
        if marker.get("respondent") not in silent:
            plan.append((path, book, marker))
    targets = [folder / path.name for path, _, _ in plan]
    for target in targets:
        check_target(target, overwrite)
    folder.mkdir(parents=True, exist_ok=True)
    for (_path, book, marker), target in zip(plan, targets):
        lang = marker.get("language") or i18n.get_language()
        respondent, yes = marker["respondent"], i18n.t("common.yes", lang)
        sheet = book[i18n.t("survey.sheet.roster", lang)]
        column = {cell.value: cell.column for cell in sheet[HEADER_ROW]}
        headers = dict(zip(QUESTIONNAIRE_COLUMNS, _headers(lang)))
        sheet.cell(len(_BLOCK), 3, yes)  # done
        for row in range(HEADER_ROW + 1, sheet.max_row + 1):
            other = sheet.cell(row, 1).value
            if other is None:
                continue
            named = [q for q in QUESTIONS
                     if (respondent, other, q) in known and rng.random() < share]
            for question in named:
                sheet.cell(row, column[headers[question]], yes)
            if named:
                for item in QUALITY:
                    sheet.cell(row, column[headers[item]], rng.randint(2, 4))
        atomic_write(target, lambda staged, book=book: book.save(staged), overwrite=True)
    return targets

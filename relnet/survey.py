"""The network survey: a questionnaire in Excel per respondent, and the answers collected.

`make_questionnaires` writes one workbook per respondent of a wave: on the sheet
``vragenlijst`` (``roster``) every other actor present in the wave is a row, with a column per
tie type to answer ja/nee and the six PARTNER items to score 1-4 (reliability, mission and
openness make up trust; power, resources and involvement make up value), a comment, and a
second sheet that explains every question. A hidden sheet ``relnet`` marks the case, the wave,
the respondent and a fingerprint of the roster, so that a questionnaire of another case or
wave is recognised.

`collect` reads the returned workbooks (in Dutch or English) into a copy of the case whose
ties of the wave are exactly the ones reported: a tie named by both sides is ``confirmed``; a
workbook that did not come back is a non-respondent, and ``meta["response"]`` records who was
asked and who answered, for the response rate every analysis reports. Every problem in every
workbook is reported at once, with file, sheet, row and column, and nothing is written.

The contract of the ties (``reported_by``, the PARTNER columns, ``confirmed``, ``comment``)
and of ``respondent`` is the data dictionary, ``docs/data-dictionary.md``.
"""

import hashlib
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import i18n
from .data._atomic import atomic_write, check_target
from .data._tokenise import table_of_grid
from .data.arguments import analysis
from .data.errors import CaseError, RuleError, problem
from .data.read import _sheet_grid, _workbook_sizes
from .data.rules import Rule, _ranged, parse_bool
from .data.vocab import DIRECTED_BY_DEFAULT, HEADER_ALIASES, TIE_TYPES, fold, normalise
from .data.write import xlsx_row
from .network.graph import present_actors
from .network.quality import TRUST_COLUMNS, VALUE_COLUMNS, _asked

__all__ = ["make_questionnaires", "collect", "simulate_answers", "QUESTIONNAIRE_COLUMNS",
           "MARKER_SHEET"]

QUALITY = TRUST_COLUMNS + VALUE_COLUMNS
TYPES = tuple(TIE_TYPES)


def _dutch(table, column):
    return next(dutch for dutch, english in HEADER_ALIASES[table].items() if english == column)


# The roster's columns: English key -> Dutch header (the contract's aliases), in order.
QUESTIONNAIRE_COLUMNS = {"id": "id", "name": _dutch("actors", "name"), **TIE_TYPES,
                         **{c: _dutch("ties", c) for c in QUALITY + ("comment",)}}
MARKER_SHEET = "relnet"
_MARKER_KEYS = ("case", "municipality", "wave", "respondent", "roster", "language")
_SCORE = Rule("score", _ranged(1, 4, integer=True), "whole_range",
              params=(("low", 1), ("high", 4)))
_YES_NO = Rule("tie", parse_bool, "yes_no")


def _headers(lang):
    """The roster's header row in `lang`."""
    return [english if lang == "en" else dutch
            for english, dutch in QUESTIONNAIRE_COLUMNS.items()]


def _questions(lang, municipality):
    """What every roster column asks, in the order of the columns."""
    return ([i18n.t("survey.id", lang), i18n.t("survey.name", lang)]
            + [i18n.t(f"survey.tie.{t}", lang) for t in TYPES]
            + [i18n.t(f"survey.quality.{q}", lang, municipality=municipality) for q in QUALITY]
            + [i18n.t("survey.comment", lang)])


def _roster_print(ids):
    """A fingerprint of the actors present in a wave (their ids, in the case's order)."""
    return hashlib.sha256("\x1f".join(map(str, ids)).encode("utf-8")).hexdigest()[:16]


def _file_names(ids):
    """``<id>.xlsx`` per respondent; an id that is no safe file name (a slash, a space, or
    the same name but for case) gets a cleaned name with a short hash of the id."""
    lower = pd.Series([str(i).lower() for i in ids])
    clash = set(lower[lower.duplicated(keep=False)])
    names = {}
    for actor in ids:
        actor = str(actor)
        if re.fullmatch(r"[A-Za-z0-9][\w.-]{0,99}", actor, re.ASCII) and \
                actor.lower() not in clash:
            names[actor] = f"{actor}.xlsx"
        else:
            clean = re.sub(r"[^\w.-]+", "_", actor, flags=re.ASCII).strip("._")[:80]
            digest = hashlib.sha256(actor.encode("utf-8")).hexdigest()[:8]
            names[actor] = f"{clean or 'respondent'}-{digest}.xlsx"
    return names


# --------------------------------------------------------------------------- writing


_HELP_WIDTH = 90  # the explanation column, in characters


def _print_one_page_wide(sheet, landscape):
    """Printed, the sheet is one page wide (as many pages long as it needs)."""
    from openpyxl.worksheet.properties import PageSetupProperties
    from openpyxl.worksheet.worksheet import Worksheet

    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _write_roster(book, roster, lang, municipality):
    """The answer sheet: ids and names locked, answers unlocked and validated.

    The answer columns are unlocked by their column's style, as Excel stores an unlocked
    column: an empty answer cell takes no room, and a returned roster reads fast."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    sheet = book.create_sheet(i18n.t("survey.sheet.roster", lang))
    headers = _headers(lang)
    n, width = len(roster), len(headers)
    last = get_column_letter(width)
    # write-only sheets omit their size, which makes a reader parse them twice
    sheet.calculate_dimension = lambda: f"A1:{last}{n + 1}"
    first_tie, last_tie = 3, 2 + len(TYPES)
    first_score, last_score = last_tie + 1, last_tie + len(QUALITY)
    longest = [int(roster[c].astype(str).str.len().max()) if n else 0 for c in ("id", "name")]
    widths = [max(6, min(20, longest[0] + 2)), max(12, min(50, longest[1] + 2))]
    widths += [max(10, len(h) + 2) for h in headers[2:-1]] + [40]
    unlocked = Protection(locked=False)
    for column, size in enumerate(widths, 1):
        dimension = sheet.column_dimensions[get_column_letter(column)]
        dimension.width = size
        if column >= first_tie:
            dimension.protection = unlocked
    sheet.freeze_panes = "C2"
    _print_one_page_wide(sheet, landscape=True)
    sheet.print_title_rows = "1:1"  # the header on every printed page
    sheet.print_options.gridLines = True  # the empty answer cells visible on paper
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # columns may be widened
    sheet.protection.formatRows = False
    if n:
        yes, no = i18n.t("common.yes", lang), i18n.t("common.no", lang)
        checks = [(DataValidation(type="list", formula1=f'"{yes},{no}"'),
                   first_tie, last_tie, "survey.choose_yes_no"),
                  (DataValidation(type="whole", operator="between", formula1="1",
                                  formula2="4"), first_score, last_score,
                   "survey.choose_score")]
        for check, first, end, message in checks:
            check.allow_blank = True
            check.showErrorMessage = True
            check.errorTitle = i18n.t("survey.invalid", lang)
            check.error = i18n.t(message, lang)
            check.showInputMessage = True  # shown as soon as an answer cell is selected
            check.prompt = i18n.t(message, lang)
            check.add(f"{get_column_letter(first)}2:{get_column_letter(end)}{n + 1}")
            sheet.data_validations.append(check)
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    grey = PatternFill("solid", fgColor="EEEEEE")
    header = xlsx_row(sheet, headers)
    for cell, question in zip(header, _questions(lang, municipality)):
        cell.font, cell.fill, cell.alignment = bold, grey, wrap
        cell.comment = Comment(question, "relnet", width=320, height=110)  # the question
    sheet.append(header)
    for actor, name in zip(roster["id"], roster["name"]):
        cells = xlsx_row(sheet, [actor, name])
        for cell in cells:
            cell.fill = grey
        sheet.append(cells)


def _write_help(book, lang, municipality, wave, organisation):
    """The sheet that explains every question in plain words."""
    from openpyxl.styles import Alignment, Font

    sheet = book.create_sheet(i18n.t("survey.sheet.help", lang))
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = _HELP_WIDTH
    _print_one_page_wide(sheet, landscape=False)
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
        cells = xlsx_row(sheet, values)
        if number in (1, 5):
            for cell in cells:
                cell.font = bold
        cells[0].alignment, cells[1].alignment = top, wrap
        sheet.append(cells)


def _write_questionnaire(path, case, wave, lang, respondent, present, fingerprint):
    import openpyxl
    from openpyxl.workbook.protection import WorkbookProtection

    book = openpyxl.Workbook(write_only=True)
    roster = present.loc[present["id"] != respondent, ["id", "name"]]
    organisation = present.loc[present["id"] == respondent, "name"].iloc[0]
    municipality = str(case.meta.get("municipality", ""))
    _write_roster(book, roster, lang, municipality)
    _write_help(book, lang, municipality, wave, organisation)
    marker = book.create_sheet(MARKER_SHEET)
    marker.sheet_state = "veryHidden"
    values = (case.name, municipality, wave, respondent, fingerprint, lang)
    for row in [("key", "value")] + list(zip(_MARKER_KEYS, values)):
        marker.append(xlsx_row(marker, row))
    book.security = WorkbookProtection(lockStructure=True)  # no sheet renamed or removed
    book.save(path)


@analysis
def make_questionnaires(case, folder, *, wave=None, lang=None, overwrite=False):
    """Write a network questionnaire (an Excel workbook) for every respondent of a wave.

    Parameters
    ----------
    <<case>>
    folder : str or Path
        Where to write ``<actor id>.xlsx`` per respondent; created if needed.
    wave : int, optional
        The wave asked about; None (default) is the latest.
    lang : {"nl", "en"}, optional
        The questionnaire's language; None is the default language.
    overwrite : bool
        Replace questionnaires already in `folder`.

    Returns
    -------
    list of Path
        The workbooks written, one per respondent (an actor with ``respondent`` true that is
        present in the wave), in the order of the actors table. An id that is no safe file
        name (a slash, a space) gets a cleaned name with a short hash; `collect` reads the
        respondent from the workbook, not from its name.

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
    never a person who fills it in. Each row is another actor present in the wave; a tie type
    is answered ja/nee (blank is no), the six PARTNER items 1-4. The pre-filled id and name
    are protected, answers are checked by Excel as they are typed, and a hidden sheet
    ``relnet`` identifies case, wave and respondent.

    Examples
    --------
    >>> import relnet, tempfile
    >>> case = relnet.load_example("haverdonk")
    >>> paths = make_questionnaires(case, tempfile.mkdtemp(), wave=2017, lang="en")
    >>> len(paths), paths[0].name
    (25, 'gem.xlsx')
    >>> import openpyxl
    >>> book = openpyxl.load_workbook(paths[0])
    >>> book.sheetnames, [c.value for c in book["roster"][1]][:4]
    (['roster', 'explanation', 'relnet'], ['id', 'name', 'collaboration', 'funding'])
    """
    folder = Path(folder)
    check_target(folder, overwrite=True, kind="folder")
    present = present_actors(case, wave)
    asked = _asked(case, wave)
    names = _file_names(asked)
    targets = [folder / names[str(actor)] for actor in asked]
    for target in targets:
        check_target(target, overwrite)
    folder.mkdir(parents=True, exist_ok=True)
    fingerprint = _roster_print(present["id"])
    for actor, target in zip(asked, targets):
        atomic_write(target, lambda staged, actor=actor: _write_questionnaire(
            staged, case, wave, lang, actor, present, fingerprint), overwrite=True)
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


def _marker(book, label):
    """The hidden marker's rows: key -> (row, value), the value column's header, problems."""
    sheets = {fold(name): name for name in book.sheetnames}
    if MARKER_SHEET not in sheets:
        return None, None, [problem(label, None, None, None, "no_sheet", "questionnaire",
                                    sheet=MARKER_SHEET)]
    grid = _sheet_grid(book[sheets[MARKER_SHEET]])
    rows, header = {}, "value"
    for row, cells in zip(grid.index, grid.itertuples(index=False)):
        key, value = ([str(c).strip() for c in cells][:2] + ["", ""])[:2]
        if row == 1:
            header = value or header
        elif key:
            rows.setdefault(fold(key), (int(row), value))
    return rows, header, []


def _identify(marker, header, label, stem, survey):
    """The respondent of a questionnaire and the problems of its marker; the respondent is
    None when the rows cannot be checked (another case, wave or roster, or no respondent)."""
    where = f"{label}, sheet '{MARKER_SHEET}'"
    if marker is None:  # no marker: the file name is all there is
        located = (label, None, None)
        respondent = stem
    else:
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
        located = (where, row, header)
    if respondent not in survey.actors:
        return None, [problem(*located, respondent, "not_id", "actor_id",
                              what=("what", "actor"))]
    if respondent not in survey.asked:
        return None, [problem(*located, respondent, "not_respondent", "respondent_id",
                              wave="" if survey.wave is None else survey.wave)]
    if marker is not None and marker.get("roster", (None, ""))[1] != survey.fingerprint:
        return None, [problem(label, None, None, None, "roster_changed", "made_again")]
    return respondent, []


def _roster_sheet(book, label, lang):
    """The roster sheet, or a problem naming it in the questionnaire's language."""
    names = {fold(i18n.t("survey.sheet.roster", code)) for code in i18n.LANGUAGES}
    for name in book.sheetnames:
        if fold(name) in names:
            return book[name], []
    return None, [problem(label, None, None, None, "no_sheet", "questionnaire",
                          sheet=i18n.t("survey.sheet.roster", lang))]


def _answers(sheet, label, respondent, survey, lang):
    """The answers of a roster sheet as a table (target, a bool per type, the scores,
    comment), or the problems of its cells, ordered by row and column."""
    label = f"{label}, sheet '{sheet.title}'"
    headers = _headers(lang)
    grid = _sheet_grid(sheet)
    if not len(grid) or not (grid.iloc[0] != "").any():
        return None, [problem(label, None, None, None, "empty", "header_with",
                              columns=", ".join(headers))]
    try:
        raw = table_of_grid(label, "questionnaire", grid)
    except CaseError as exc:
        return None, exc.problems
    written = {}  # English key -> the header as the file has it
    problems = []
    for header in raw.frame.columns:
        key = normalise(header, QUESTIONNAIRE_COLUMNS)
        if key in written:
            problems.append(problem(label, 1, header, None, "duplicate_header",
                                    "each_column_once"))
        elif key is not None:
            written[key] = header
    for key, header in zip(QUESTIONNAIRE_COLUMNS, headers):
        if key not in written:
            problems.append(problem(label, 1, header, None, "missing_column", "header_with",
                                    columns=", ".join(headers)))
    if problems:
        return None, problems
    frame = raw.frame.rename(columns={v: k for k, v in written.items()})
    order = {key: position for position, key in enumerate(QUESTIONNAIRE_COLUMNS)}
    found = []  # (row, column order, problem)
    ids = frame["id"].astype(str)
    roster = set(survey.present) - {respondent}
    for row in ids.index[~ids.isin(roster).to_numpy()]:
        value = ids[row] or frame.at[row, "name"] or None
        found.append((row, 0, problem(label, int(row), written["id"], value, "not_in_roster",
                                      "roster_row")))
    twice = ids.duplicated() & ids.isin(roster)
    if twice.any():
        first = {}
        for row, actor in ids.items():
            first.setdefault(actor, int(row))
        for row in ids.index[twice.to_numpy()]:
            found.append((row, 0, problem(label, int(row), written["id"], ids[row],
                                          "duplicate", "roster_row", first=first[ids[row]])))
    answers = pd.DataFrame({"target": ids.to_numpy()}, index=frame.index)
    for columns, rule in ((TYPES, _YES_NO), (QUALITY, _SCORE)):
        for column in columns:
            values, ok = rule.check_series(frame[column])
            answers[column] = values
            for row in frame.index[~ok.to_numpy()]:
                try:
                    rule.check(frame.at[row, column])
                    key, params = "not_valid", {}
                except RuleError as err:
                    key, params = err.key, err.params
                found.append((row, order[column], problem(
                    label, int(row), written[column], frame.at[row, column], key,
                    rule.accepted, **{**dict(rule.params), **params})))
    if not found:  # scores belong to a tie: a row scored without one would be lost
        named = answers[list(TYPES)].fillna(False).astype(bool).any(axis=1)
        scored = answers[list(QUALITY)].notna()
        for row in frame.index[(scored.any(axis=1) & ~named).to_numpy()]:
            column = next(c for c in QUALITY if scored.at[row, c])
            found.append((row, order[column], problem(
                label, int(row), written[column], frame.at[row, column], "score_without_tie",
                "tie_for_scores")))
    if found:
        return None, [p for _, _, p in sorted(found, key=lambda f: (f[0], f[1]))]
    answers["comment"] = frame["comment"].astype(str).str.strip().replace("", None)
    for column in TYPES:
        answers[column] = answers[column].fillna(False).astype(bool)
    return answers, []


def _read_book(book, label, stem, survey):
    marker, header, problems = _marker(book, label)
    respondent, more = _identify(marker, header, label, stem, survey)
    problems += more
    lang = (marker or {}).get("language", (None, ""))[1]
    lang = lang if lang in i18n.LANGUAGES else i18n.get_language()
    sheet, more = _roster_sheet(book, label, lang)
    problems += more
    if respondent is None or sheet is None:
        return None, None, problems
    answers, more = _answers(sheet, label, respondent, survey, lang)
    return respondent, answers, problems + more


def _read_questionnaire(path, survey):
    """(respondent, answers, problems) of one returned workbook."""
    import openpyxl

    label = path.name
    try:
        _workbook_sizes(path, label)
    except CaseError as exc:
        return None, None, exc.problems
    with warnings.catch_warnings():  # features openpyxl does not read (Excel's extensions)
        warnings.simplefilter("ignore")
        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a damaged file
            return None, None, [problem(label, None, None, None, "not_workbook", "workbook",
                                        reason=type(exc).__name__)]
        try:
            return _read_book(book, label, path.stem, survey)
        except Exception as exc:  # damaged sheet XML, shared strings, numbers, references
            return None, None, [problem(label, None, None, None, "damaged_workbook",
                                        "workbook", reason=type(exc).__name__)]
        finally:
            book.close()


def _survey_ties(case, wave, answered, present):
    """The ties the respondents named: one per row and tie type answered yes."""
    columns = case.ties.columns
    if not answered:
        return case.ties.iloc[0:0]
    frame = pd.concat([a.assign(source=r) for r, a in answered.items()], ignore_index=True)
    long = frame.melt(id_vars=["source", "target", *QUALITY, "comment"], value_vars=TYPES,
                      var_name="type", value_name="named")
    long = long[long["named"].to_numpy(dtype=bool)]
    position = {actor: i for i, actor in enumerate(present)}
    order = np.lexsort((long["type"].map(TYPES.index).to_numpy(),
                        long["target"].map(position).to_numpy(),
                        long["source"].map(position).to_numpy()))
    long = long.iloc[order].reset_index(drop=True)
    named = long["source"] + "\x1f" + long["target"] + "\x1f" + long["type"]
    reverse = long["target"] + "\x1f" + long["source"] + "\x1f" + long["type"]
    n = len(long)
    ties = pd.DataFrame({
        "source": long["source"], "target": long["target"], "type": long["type"],
        "directed": long["type"].isin(DIRECTED_BY_DEFAULT), "weight": np.ones(n),
        "trust": np.full(n, np.nan), "since": pd.array([pd.NA] * n, dtype="Int64"),
        "wave": pd.array([wave] * n, dtype="Int64"), "reported_by": long["source"],
        **{q: long[q].astype(float) for q in QUALITY},
        "confirmed": pd.array(reverse.isin(set(named)).to_numpy(), dtype="boolean"),
        "comment": long["comment"],
    })
    for column in ties.columns:
        if column in columns:
            ties[column] = ties[column].astype(case.ties[column].dtype)
    return ties


@analysis
def collect(case, folder, *, wave=None):
    """Collect the returned questionnaires of a wave into a copy of the case.

    Parameters
    ----------
    case : Case
        The case the questionnaires were made from; it is not changed.
    folder : str or Path
        The folder holding the returned workbooks (every ``.xlsx`` in it is read; in Dutch
        or English). A questionnaire that did not come back is a non-respondent.
    wave : int, optional
        The wave collected; None (default) is the latest.

    Returns
    -------
    Case
        A copy whose ties of `wave` are exactly the reported ones (ties of other waves are
        kept): per respondent, per row answered yes for a tie type, a tie from the
        respondent to the row's actor with ``reported_by`` the respondent, the row's six
        scores and comment, ``directed`` by the type's default, and ``confirmed`` true when
        the other side named the same tie type back. ``meta["response"]`` is
        ``{"wave": wave, "asked": [ids], "answered": [ids]}``.

    Raises
    ------
    CaseError
        Listing every problem in every workbook at once (another case or wave, an unknown
        respondent, a row added, an answer that is not ja/nee or a score outside 1-4, a
        missing sheet, a file that is no workbook), each with file, sheet, row and column.
    NotADirectoryError
        `folder` is not a folder.

    See Also
    --------
    make_questionnaires : write the questionnaires.
    relnet.trust_value : trust, value and the response rate of the collected wave.

    Examples
    --------
    >>> import relnet, tempfile
    >>> case = relnet.load_example("haverdonk")
    >>> folder = tempfile.mkdtemp()
    >>> paths = make_questionnaires(case, folder, wave=2017)
    >>> for path in paths[2:]:  # only two came back, unanswered
    ...     path.unlink()
    >>> result = collect(case, folder, wave=2017)
    >>> result.meta["response"]["answered"], len(result.meta["response"]["asked"])
    (['gem', 'raad'], 25)
    >>> int((result.ties["wave"] == 2017).sum()), len(case.ties) > len(result.ties)
    (0, True)
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise NotADirectoryError(f"{folder} is not a folder of questionnaires")
    present = list(present_actors(case, wave)["id"])
    asked = [str(a) for a in _asked(case, wave)]
    survey = _Survey(case.name, str(case.meta.get("municipality", "")), wave,
                     set(case.actors["id"]), present, set(asked), _roster_print(present))
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".xlsx"
                   and not p.name.startswith("~$") and p.is_file())
    problems, answered, returned = [], {}, {}
    for path in files:
        respondent, answers, found = _read_questionnaire(path, survey)
        if respondent is not None and respondent in returned:
            found = [problem(path.name, None, None, respondent, "second_questionnaire",
                             "one_questionnaire", first=returned[respondent])] + found
        elif respondent is not None:
            returned[respondent] = path.name
        problems += found
        if not found and answers is not None:
            answered[respondent] = answers
    if problems:
        raise CaseError(problems)
    answered = {r: answered[r] for r in asked if r in answered}
    ties = _survey_ties(case, wave, answered, present)
    keep = np.zeros(len(case.ties), dtype=bool) if wave is None else \
        ~(case.ties["wave"] == wave).fillna(False).to_numpy(dtype=bool)
    parts = [frame for frame in (case.ties[keep], ties) if len(frame)]
    result = case.copy(ties=pd.concat(parts, ignore_index=True) if parts
                       else case.ties.iloc[0:0].copy())
    result.meta["response"] = {"wave": wave, "asked": asked, "answered": list(answered)}
    return result


# --------------------------------------------------------------------------- training


@analysis
def simulate_answers(case, questionnaires, folder, *, wave=None, share=0.8, silent=(), seed=0,
                     overwrite=False):
    """Fill in questionnaires as respondents might, for training and demonstrations.

    Every respondent names each tie the case has with another actor in the wave (in either
    direction) with probability `share`, and scores every actor it names 2-4 on the six
    PARTNER items; the respondents in `silent` send nothing back. The filled workbooks are
    written to `folder`; the questionnaires themselves are not changed.

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
    >>> _ = make_questionnaires(case, work / "sent", wave=2017)
    >>> filled = simulate_answers(case, work / "sent", work / "back", wave=2017,
    ...                           silent=["gem", "raad"])
    >>> result = collect(case, work / "back", wave=2017)
    >>> len(filled), len(result.meta["response"]["answered"])
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
    known = set(zip(ties["source"], ties["target"], ties["type"]))
    known |= {(target, source, kind) for source, target, kind in known}
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
        column = {cell.value: cell.column for cell in sheet[1]}
        headers = dict(zip(QUESTIONNAIRE_COLUMNS, _headers(lang)))
        for row in range(2, sheet.max_row + 1):
            other = sheet.cell(row, 1).value
            named = [kind for kind in TYPES
                     if (respondent, other, kind) in known and rng.random() < share]
            for kind in named:
                sheet.cell(row, column[headers[kind]], yes)
            if named:
                for item in QUALITY:
                    sheet.cell(row, column[headers[item]], rng.randint(2, 4))
        atomic_write(target, lambda staged, book=book: book.save(staged), overwrite=True)
    return targets

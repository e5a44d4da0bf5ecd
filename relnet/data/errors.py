"""Problems found in case data, and the one exception that carries them.

A `Problem` keeps its place (file, row as Excel shows it, column as the file names it), the
value concerned and what is wrong, as catalogue keys; `message` and `accepted` hold the
English text for code, and ``problem.text(lang)`` (or ``str(problem)``, in the default
language) the sentence a person reads.
"""

from dataclasses import dataclass, field

from .. import i18n

__all__ = ["Problem", "CaseError", "RuleError", "Listing", "problem", "errors_of"]


class RuleError(ValueError):
    """A cell breaks a column rule: `key` names the catalogue's message, `params` fill it."""

    def __init__(self, key, **params):
        self.key = key
        self.params = params
        super().__init__(i18n.t(f"problem.{key}", "en", **_texts(params, "en")))


def _texts(params, lang):
    """Parameters as shown: (section, key) pairs are looked up in the catalogue, objects
    with a ``text(lang)`` method (a vocabulary's listing) speak for themselves."""
    out = {}
    for name, value in params.items():
        if hasattr(value, "text"):
            value = value.text(lang)
        elif isinstance(value, tuple) and len(value) == 2 and \
                i18n.has(f"{value[0]}.{value[1]}"):
            value = i18n.t(f"{value[0]}.{value[1]}", lang)
        out[name] = value
    return out


@dataclass(frozen=True)
class Listing:
    """The accepted values of a vocabulary, listed in a reader's language with the other
    language's aliases: what a message shows as accepted."""

    vocabulary: tuple  # (english, dutch) pairs
    section: str = ""

    def text(self, lang):
        english = ", ".join(e for e, _ in self.vocabulary)
        dutch = ", ".join(d for _, d in self.vocabulary)
        if i18n.resolve(lang) == "nl":
            return f"{dutch} " + i18n.t("accepted.dutch_aliases", "nl", other=english)
        return f"{english} " + i18n.t("accepted.dutch_aliases", "en", other=dutch)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a case, located as a person would look for it.

    `row` is the row number as Excel shows it (the header is row 1), or None when the
    problem concerns a whole file or column.

    Examples
    --------
    >>> p = problem("ties.csv", 4, "target", "ID-9", "not_id", "actor_id", what=("what", "actor"))
    >>> p.message
    'is not the id of any actor'
    >>> print(p.text("en"))
    ties.csv, row 4, column 'target': 'ID-9' is not the id of any actor
    (accepted: an id from the actors table)
    >>> print(p.text("nl"))
    ties.csv, rij 4, kolom 'target': 'ID-9' is niet de id van een actor
    (toegestaan: een id uit de actorentabel)
    """

    file: str
    row: int | None
    column: str | None
    value: object
    message: str
    accepted: str | None = None
    key: str | None = field(default=None, compare=False)
    accepted_key: str | None = field(default=None, compare=False)
    params: tuple = field(default=(), compare=False)
    severity: str = field(default="error", compare=False)

    def text(self, lang=None):
        """The problem as one sentence in `lang` (None: the default language); a warning
        (the case still reads) says so first."""
        lang = i18n.resolve(lang)
        where = [self.located_file(lang)]
        if self.severity == "warning":
            where[0] = i18n.t("where.warning", lang) + " " + where[0]
        if self.row is not None:
            where.append(i18n.t("where.row", lang, row=self.row))
        if self.column:
            where.append(i18n.t("where.column", lang, column=self.column))
        text = ", ".join(where) + ": " + self.description(lang)
        accepted = self.accepted_text(lang)
        if accepted:
            text += f" ({i18n.t('where.accepted', lang, accepted=accepted)})"
        return text

    def located_file(self, lang=None):
        """The file, with the word for a workbook's sheet in `lang`."""
        sheet = i18n.t("where.sheet", i18n.resolve(lang))
        return self.file.replace(", sheet '", f", {sheet} '")

    def description(self, lang=None):
        """The value concerned (quoted, shortened) and what is wrong with it, in `lang`."""
        lang = i18n.resolve(lang)
        text = ""
        if self.value is not None and str(self.value) != "":
            shown = str(self.value)
            text += f"'{shown[:80]}…' " if len(shown) > 80 else f"'{shown}' "
        params = _texts(dict(self.params), lang)
        return text + (i18n.t(f"problem.{self.key}", lang, **params) if self.key
                       else self.message)

    def accepted_text(self, lang=None):
        """What would be accepted instead, in `lang`; "" when the problem does not say."""
        lang = i18n.resolve(lang)
        if self.accepted_key:
            return i18n.t(f"accepted.{self.accepted_key}", lang,
                          **_texts(dict(self.params), lang))
        return self.accepted or ""

    def __str__(self):
        return self.text()


def problem(file, row, column, value, key, accepted=None, severity="error", **params):
    """A `Problem` from catalogue keys: ``problem.<key>`` and ``accepted.<accepted>``.

    `severity` "warning" marks what a reader should look at while the case still reads
    (v3: a bundle whose members cannot go on as one)."""
    english = _texts(params, "en")
    return Problem(
        file, row, column, value, i18n.t(f"problem.{key}", "en", **english),
        i18n.t(f"accepted.{accepted}", "en", **english) if accepted else None,
        key=key, accepted_key=accepted, params=tuple(sorted(params.items())),
        severity=severity)


def errors_of(problems):
    """The problems that stop a case from being read (warnings left out)."""
    return [p for p in problems if p.severity != "warning"]


class CaseError(ValueError):
    """Raised when case data break the contract; `.problems` lists every problem found.

    Examples
    --------
    >>> err = CaseError([problem("actors.csv", None, "kind", None, "missing_column")])
    >>> isinstance(err, ValueError), len(err.problems)
    (True, 1)
    >>> print(err.text("en"))
    1 problem in the case:
      - actors.csv, column 'kind': is a required column but is missing
    """

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(self.text())

    def text(self, lang=None):
        n = len(self.problems)
        head = i18n.t("where.n_problems" if n == 1 else "where.n_problems_plural", lang, n=n)
        return "\n".join([head] + [f"  - {p.text(lang)}" for p in self.problems])

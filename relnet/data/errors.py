"""Problems found in case data, and the one exception that carries them."""

from dataclasses import dataclass

__all__ = ["Problem", "CaseError"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a case, located as a person would look for it.

    `row` is the row number as Excel shows it (the header is row 1), or None when the
    problem concerns a whole file or column.

    Examples
    --------
    >>> p = Problem("ties.csv", 4, "target", "ID-9", "is not the id of any actor",
    ...             "an id from actors.csv")
    >>> print(p)
    ties.csv, row 4, column 'target': 'ID-9' is not the id of any actor (accepted: an id from actors.csv)
    """

    file: str
    row: int | None
    column: str | None
    value: object
    message: str
    accepted: str | None = None

    def __str__(self):
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        text = ", ".join(where) + ": "
        if self.value is not None and str(self.value) != "":
            text += f"'{self.value}' "
        text += self.message
        if self.accepted:
            text += f" (accepted: {self.accepted})"
        return text


class CaseError(ValueError):
    """Raised when case data break the contract; `.problems` lists every problem found.

    Examples
    --------
    >>> err = CaseError([Problem("actors.csv", None, "kind", None, "column is missing")])
    >>> isinstance(err, ValueError), len(err.problems)
    (True, 1)
    >>> print(err)
    1 problem in the case:
      - actors.csv, column 'kind': column is missing
    """

    def __init__(self, problems):
        self.problems = list(problems)
        n = len(self.problems)
        lines = [f"{n} problem{'s' if n != 1 else ''} in the case:"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))

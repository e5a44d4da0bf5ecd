"""The shipped illustrative cases (all fictional): where they are, a table of them, loading one."""

import copy
from functools import cache
from pathlib import Path

import pandas as pd

from .read import read_case

__all__ = ["cases_dir", "example_names", "example_path", "list_cases", "load_example"]


def cases_dir():
    """The folder of shipped cases: inside the installed package, or data/cases in a checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_cases", package.parent / "data" / "cases"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("relnet's example cases are not installed (data/cases is missing)")


def example_names():
    """The names of the shipped cases, sorted."""
    return sorted(p.name for p in cases_dir().iterdir() if (p / "case.yaml").is_file())


def example_path(name):
    """The folder of a shipped case, by its name (see `list_cases`).

    Parameters
    ----------
    name : str
        The case's name, as in the ``name`` column of `list_cases` (e.g. ``"haverdonk"``).

    Returns
    -------
    Path
        The case's folder (it holds ``case.yaml`` and the tables as CSV files).

    Raises
    ------
    ValueError
        No shipped case has that name; the message lists the shipped cases.
    FileNotFoundError
        The example cases are not installed.

    See Also
    --------
    load_example : the case read from that folder.

    Examples
    --------
    >>> import relnet
    >>> (relnet.example_path("haverdonk") / "case.yaml").is_file()
    True
    """
    path = cases_dir() / name
    if not (path / "case.yaml").is_file():
        known = ", ".join(example_names())
        raise ValueError(f"no shipped case named '{name}'; the shipped cases are: {known}")
    return path


@cache
def _cached(name):
    return read_case(example_path(name))


@cache
def _meta(name):
    from .read import _parse_yaml

    path = example_path(name) / "case.yaml"
    return _parse_yaml(path.read_bytes(), str(path))


def example_meta(name):
    """The ``case.yaml`` of a shipped case as a dict (a copy), without reading its tables:
    to pick cases by their description, e.g. the others to compare a case with."""
    return copy.deepcopy(_meta(name))


def load_example(name):
    """A shipped case as a `Case` (a fresh copy each call, so edits do not leak).

    Each case is read from its folder once per session; later calls copy it.

    Parameters
    ----------
    name : str
        The case's name, as in the ``name`` column of `list_cases` (e.g. ``"haverdonk"``).

    Returns
    -------
    Case
        A copy of the shipped case.

    Raises
    ------
    ValueError
        No shipped case has that name; the message lists the shipped cases.
    FileNotFoundError
        The example cases are not installed.

    See Also
    --------
    list_cases : the shipped cases.
    example_path : the folder of a shipped case.
    read_case : read a case of your own.

    Examples
    --------
    >>> import relnet
    >>> relnet.load_example("haverdonk").meta["fictional"]
    True
    """
    return _cached(name).copy()


def list_cases():
    """The shipped cases as a table: one row per case with its size, waves and lessons.

    Returns
    -------
    DataFrame
        One row per shipped case, sorted by name, with the columns name (for
        `load_example`), title, municipality, population, waves (list of int), n_actors
        and n_ties (rows of the actors and ties tables, over all waves), lessons (the
        lessons the case illustrates), domains (sorted list of the actors' domains),
        fictional and summary, taken from each case's ``case.yaml``.

    Raises
    ------
    FileNotFoundError
        The example cases are not installed.

    Examples
    --------
    >>> import relnet
    >>> table = relnet.list_cases()
    >>> bool(table["fictional"].all()), len(table) >= 4
    (True, True)
    """
    rows = []
    for path in sorted(p for p in cases_dir().iterdir() if (p / "case.yaml").is_file()):
        case = _cached(path.name)
        domains = sorted({d for cell in case.actors["domain"].dropna() for d in cell.split("|")})
        rows.append({
            "name": path.name,
            "title": case.meta["name"],
            "municipality": case.meta["municipality"],
            "population": case.meta.get("population"),
            "waves": case.waves,
            "n_actors": len(case.actors),
            "n_ties": len(case.ties),
            "lessons": case.meta.get("lessons", []),
            "domains": domains,
            "fictional": case.meta["fictional"],
            "summary": case.meta.get("summary", ""),
        })
    return pd.DataFrame(rows)

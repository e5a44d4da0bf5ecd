"""The shipped illustrative cases (all fictional): where they are, a table of them, loading one."""

from functools import lru_cache
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
    """The folder of a shipped case, by its name (see `list_cases`)."""
    path = cases_dir() / name
    if not (path / "case.yaml").is_file():
        known = ", ".join(example_names())
        raise ValueError(f"no shipped case named '{name}'; the shipped cases are: {known}")
    return path


@lru_cache(maxsize=None)
def _cached(name):
    return read_case(example_path(name))


def load_example(name):
    """A shipped case as a `Case` (a fresh copy each call, so edits do not leak).

    >>> import relnet
    >>> relnet.load_example("haverdonk").meta["fictional"]
    True
    """
    return _cached(name).copy()


def list_cases():
    """The shipped cases as a table: one row per case with its size, waves and lessons.

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

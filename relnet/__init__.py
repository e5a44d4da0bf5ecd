"""relnet: a research workbench for the relationship-oriented municipality.

Read a case (actors, ties, partner scores, goals, roles, self-assessment) and analyse it:

>>> import relnet
>>> case = relnet.load_example("haverdonk")
>>> case.meta["fictional"]
True
"""

from importlib.metadata import PackageNotFoundError, version

from .case import Case
from .errors import CaseError, Problem
from .examples import example_path, list_cases, load_example
from .io import new_case, read_case, validate, write_case

try:
    __version__ = version("relnet")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "Case", "CaseError", "Problem",
    "read_case", "validate", "write_case", "new_case",
    "list_cases", "load_example", "example_path",
]

"""relnet: a research workbench for the relationship-oriented municipality.

Read a case (actors, ties, partner scores, goals, roles, self-assessment) and analyse it:

>>> import relnet
>>> case = relnet.load_example("haverdonk")
>>> case.meta["fictional"]
True
>>> int(relnet.network_metrics(case)["n_actors"])
38
"""

from importlib.metadata import PackageNotFoundError, version

from . import graph, synth
from .case import Case
from .content import LAWS, LESSONS, OPPORTUNITIES, lessons_table
from .errors import CaseError, Problem
from .examples import example_path, list_cases, load_example
from .goals import goal_coverage, goal_tree, unlinked_partners
from .governance import role_conflicts, role_overview
from .graph import collapsed_graph, directed_graph, to_graph
from .indicators import relational_profile
from .io import new_case, read_case, validate, write_case
from .lessons import lesson_benchmark, lesson_scores
from .metrics import (
    actor_metrics, network_metrics, register_metric, registered_metrics, unregister_metric,
)
from .names import merge_actors, similar_names
from .partners import partner_matrix
from .privacy import anonymize
from .quality import trust_value
from .waves import compare, wave_changes

try:
    __version__ = version("relnet")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "Case", "CaseError", "Problem",
    "read_case", "validate", "write_case", "new_case",
    "list_cases", "load_example", "example_path",
    "to_graph", "collapsed_graph", "directed_graph",
    "network_metrics", "actor_metrics", "register_metric", "unregister_metric",
    "registered_metrics", "relational_profile", "compare", "wave_changes", "trust_value",
    "similar_names", "merge_actors", "graph", "synth",
    "partner_matrix", "goal_tree", "goal_coverage", "unlinked_partners", "role_conflicts",
    "role_overview", "lesson_scores", "lesson_benchmark",
    "LESSONS", "LAWS", "OPPORTUNITIES", "lessons_table", "anonymize",
]

"""relnet: a research workbench for the relationship-oriented municipality.

Read a case (actors, ties, partner scores, goals, roles, self-assessment) and analyse it:

>>> import relnet
>>> case = relnet.load_example("haverdonk")
>>> case.meta["fictional"]
True
>>> int(relnet.network_metrics(case)["n_actors"])
38

The package is layered (see ``docs/architecture.md``): ``relnet.data`` reads and checks
cases, ``relnet.network`` turns them into graphs and measures, ``relnet.instruments`` holds
the source's instruments, ``relnet.present`` draws, explains and reports. Every public name
is available here, at the top.
"""

import importlib

from . import i18n, synth
from .data.case import Case
from .data.errors import CaseError, Problem
from .data.examples import example_path, list_cases, load_example
from .data.read import read_case, validate
from .data.write import new_case, write_case
from .instruments.content import (
    LAWS, LESSONS, OPPORTUNITIES, laws_table, lessons_table, opportunities_table,
)
from .instruments.goals import (
    goal_coverage, goal_priorities, goal_tree, unlinked_partners, unserved_activities,
)
from .instruments.governance import role_conflicts, role_overview
from .instruments.lessons import lesson_benchmark, lesson_scores
from .instruments.partners import partner_bundles, partner_matrix
from .network import graph, metrics
from .network.graph import collapsed_graph, directed_graph, to_graph
from .network.indicators import relational_profile
from .network.metrics import (
    actor_metrics,
    centrality_batch,
    network_metrics,
    register_metric,
    registered_metrics,
    unregister_metric,
)
from .network.names import merge_actors, similar_names
from .network.privacy import anonymize
from .network.quality import trust_value
from .network.waves import compare, wave_changes

set_language = i18n.set_language

from ._version import __version__

# Modules of the presentation layer load matplotlib or ipywidgets: imported on first use,
# so that ``import relnet`` stays light for batch jobs.
_LAZY_MODULES = {
    "plot": "relnet.present.plot",
    "widgets": "relnet.present.widgets",
    "report": "relnet.present.report",
    "export": "relnet.present.export",
}
_LAZY_NAMES = {
    "write_report": "relnet.present.report",
    "build_report": "relnet.present.report",
    "key_findings": "relnet.present.report",
    "export_tables": "relnet.present.export",
    "export_case": "relnet.present.export",
    "show": "relnet.present.tables",
}


def __getattr__(name):
    if name in _LAZY_MODULES:
        return importlib.import_module(_LAZY_MODULES[name])
    if name in _LAZY_NAMES:
        return getattr(importlib.import_module(_LAZY_NAMES[name]), name)
    raise AttributeError(f"module 'relnet' has no attribute {name!r}")


__all__ = [
    "Case", "CaseError", "Problem", "set_language", "i18n",
    "read_case", "validate", "write_case", "new_case",
    "list_cases", "load_example", "example_path",
    "to_graph", "collapsed_graph", "directed_graph",
    "network_metrics", "actor_metrics", "centrality_batch", "register_metric",
    "unregister_metric", "registered_metrics", "relational_profile", "compare",
    "wave_changes", "trust_value", "similar_names", "merge_actors", "anonymize",
    "partner_matrix", "partner_bundles", "goal_tree", "goal_coverage", "goal_priorities",
    "unlinked_partners", "unserved_activities", "role_conflicts", "role_overview",
    "lesson_scores", "lesson_benchmark",
    "LESSONS", "LAWS", "OPPORTUNITIES", "lessons_table", "laws_table", "opportunities_table",
    "write_report", "build_report", "key_findings", "export_tables", "export_case", "show",
    "graph", "metrics", "synth", "plot", "widgets", "report", "export",
]

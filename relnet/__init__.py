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
is available here, at the top, and is loaded on first use: ``import relnet`` costs little
more than pandas and networkx, and a command such as ``relnet validate`` loads only what it
needs.
"""

import importlib

from ._version import __version__

# public name -> the module that defines it (imported on first use)
_NAMES = {
    "Case": "relnet.data.case",
    "CaseError": "relnet.data.errors", "Problem": "relnet.data.errors",
    "example_path": "relnet.data.examples", "list_cases": "relnet.data.examples",
    "load_example": "relnet.data.examples",
    "read_case": "relnet.data.read", "validate": "relnet.data.read",
    "new_case": "relnet.data.write", "write_case": "relnet.data.write",
    "LAWS": "relnet.present.content", "LESSONS": "relnet.present.content",
    "OPPORTUNITIES": "relnet.present.content", "laws_table": "relnet.present.content",
    "lessons_table": "relnet.present.content", "opportunities_table": "relnet.present.content",
    "goal_coverage": "relnet.instruments.goals", "goal_priorities": "relnet.instruments.goals",
    "goal_tree": "relnet.instruments.goals", "unlinked_partners": "relnet.instruments.goals",
    "unserved_activities": "relnet.instruments.goals",
    "role_conflicts": "relnet.instruments.governance",
    "role_overview": "relnet.instruments.governance",
    "lesson_benchmark": "relnet.instruments.lessons",
    "lesson_scores": "relnet.instruments.lessons",
    "partner_bundles": "relnet.instruments.partners",
    "bundle_problems": "relnet.instruments.partners",
    "findings": "relnet.instruments.findings",
    "partner_matrix": "relnet.instruments.partners",
    "collapsed_graph": "relnet.network.graph", "directed_graph": "relnet.network.graph",
    "to_graph": "relnet.network.graph",
    "relational_profile": "relnet.network.indicators",
    "register_indicator": "relnet.network.indicators",
    "unregister_indicator": "relnet.network.indicators",
    "registered_indicators": "relnet.network.indicators",
    "indicator_baseline": "relnet.network.evidence",
    "layer_correlation": "relnet.network.evidence",
    "nonresponse_sensitivity": "relnet.network.evidence",
    "actor_metrics": "relnet.network.metrics", "centrality_batch": "relnet.network.metrics",
    "network_metrics": "relnet.network.metrics", "register_metric": "relnet.network.metrics",
    "registered_metrics": "relnet.network.metrics",
    "unregister_metric": "relnet.network.metrics",
    "merge_actors": "relnet.network.names", "similar_names": "relnet.network.names",
    "anonymize": "relnet.network.privacy",
    "trust_value": "relnet.network.quality",
    "compare": "relnet.network.waves", "wave_changes": "relnet.network.waves",
    "set_language": "relnet.i18n",
    "write_report": "relnet.present.report", "build_report": "relnet.present.report",
    "key_findings": "relnet.present.report",
    "export_tables": "relnet.present.export", "export_case": "relnet.present.export",
    "show": "relnet.present.tables",
}
# public submodules -> the module they are (``import relnet.plot`` works too: relnet/plot.py)
_MODULES = {
    "i18n": "relnet.i18n", "synth": "relnet.synth", "survey": "relnet.survey",
    "plot": "relnet.present.plot", "widgets": "relnet.present.widgets",
    "report": "relnet.present.report", "export": "relnet.present.export",
    "data": "relnet.data", "network": "relnet.network", "instruments": "relnet.instruments",
    "present": "relnet.present",
    # earlier names of two layer modules, kept working, no longer documented
    "graph": "relnet.network.graph", "metrics": "relnet.network.metrics",
}


def __getattr__(name):
    if name in _NAMES:
        value = getattr(importlib.import_module(_NAMES[name]), name)
    elif name in _MODULES:
        value = importlib.import_module(_MODULES[name])
    else:
        raise AttributeError(f"module 'relnet' has no attribute {name!r}")
    globals()[name] = value  # the next access is a plain attribute
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "Case", "CaseError", "Problem", "set_language", "i18n", "__version__",
    "read_case", "validate", "write_case", "new_case",
    "list_cases", "load_example", "example_path",
    "to_graph", "collapsed_graph", "directed_graph",
    "network_metrics", "actor_metrics", "centrality_batch", "register_metric",
    "unregister_metric", "registered_metrics", "relational_profile", "compare",
    "register_indicator", "unregister_indicator", "registered_indicators",
    "indicator_baseline", "layer_correlation", "nonresponse_sensitivity",
    "wave_changes", "trust_value", "similar_names", "merge_actors", "anonymize",
    "partner_matrix", "partner_bundles", "bundle_problems", "findings", "goal_tree",
    "goal_coverage", "goal_priorities",
    "unlinked_partners", "unserved_activities", "role_conflicts", "role_overview",
    "lesson_scores", "lesson_benchmark",
    "LESSONS", "LAWS", "OPPORTUNITIES", "lessons_table", "laws_table", "opportunities_table",
    "write_report", "build_report", "key_findings", "export_tables", "export_case", "show",
    "synth", "survey", "plot", "widgets", "report", "export",
]

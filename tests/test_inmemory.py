"""The contract checked on a case in memory (relnet/data/_inmemory.py): every analysis says
where an edited case breaks it."""

import pytest

import relnet
from relnet import CaseError


def test_analyses_of_a_case_with_a_typo_in_memory_say_where():
    case = relnet.load_example("haverdonk")
    case.actors.loc[3, "kind"] = "persoon"  # not a kind
    for analysis in (relnet.network_metrics, relnet.actor_metrics, relnet.relational_profile,
                     relnet.partner_matrix, relnet.role_conflicts, relnet.lesson_scores,
                     relnet.build_report):
        with pytest.raises(CaseError) as info:
            analysis(case)
        (problem,) = info.value.problems
        assert (problem.file, problem.row, problem.column) == ("actors (in memory)", 5, "kind")

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


def test_a_column_twice_in_memory_is_a_located_problem():
    """Two columns of the same name (or 1 and "1", one column once written) in a table typed
    in pandas: a CaseError naming table and column, not a ValueError from inside pandas."""
    import pandas as pd

    case = relnet.load_example("haverdonk")
    actors = pd.concat([case.actors, case.actors[["name"]].rename(columns={"name": "note"}),
                        case.actors[["name"]].rename(columns={"name": "note"})], axis=1)
    with pytest.raises(CaseError) as info:
        relnet.network_metrics(case.copy(actors=actors))
    (found,) = info.value.problems
    assert (found.file, found.column, found.key) == ("actors (in memory)", "note",
                                                      "duplicate_header")
    ties = case.ties.assign(**{"1": "a"})
    ties[1] = "b"
    with pytest.raises(CaseError, match="'1'"):
        relnet.network_metrics(case.copy(ties=ties))


def test_a_missing_cell_is_an_empty_one_to_every_rule():
    """NaN, None and NA are empty cells, never the text "nan" (which passed as an id)."""
    import pandas as pd

    from relnet.data.rules import Rule

    values, ok = Rule("id", required=True).check_series(
        pd.Series(["a", None, float("nan"), pd.NA], dtype=object))
    assert ok.tolist() == [True, False, False, False]
    values, ok = Rule("district").check_series(pd.Series(["Noord", None], dtype=object))
    assert values.tolist() == ["Noord", None] and ok.all()

"""Tokenising (relnet/data/_tokenise.py): the same rules for a table of any size (values
beyond the header, trailing delimiters), the encoding of a file, control characters."""

import pytest
from conftest import MINIMAL_ACTORS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import relnet
from relnet import CaseError

# ------------------------------------------------------------------ trailing delimiters and large tables


def _ties_with_trailing_delimiter(rows, bad_row):
    """ties.csv as Excel writes it with a trailing ';' on every line, and one value under
    the unnamed trailing column (Excel row `bad_row`)."""
    lines = ["source;target;type;"]
    for i in range(rows):
        extra = "vergeten waarde" if i + 2 == bad_row else ""
        lines.append(f"gem;{'zorg' if i % 2 else 'welz'};samenwerking;{extra}")
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize("rows", [300, 30_000])
def test_a_value_under_a_trailing_delimiter_is_reported_at_any_size(case_dir, rows):
    folder = case_dir(ties=_ties_with_trailing_delimiter(rows, bad_row=150))
    problems = relnet.validate(folder)
    assert [(p.file, p.row, p.key) for p in problems] == [("ties.csv", 150, "too_many_values")]
    assert problems[0].message == "has 4 values but the header has 3 columns"


def test_trailing_delimiters_alone_are_fine_at_any_size(case_dir):
    for rows in (300, 30_000):
        data = _ties_with_trailing_delimiter(rows, bad_row=-1)
        case = relnet.read_case(case_dir(ties=data))
        assert len(case.ties) == rows and list(case.ties.columns[:3]) == ["source", "target",
                                                                         "type"]


_CELL = st.sampled_from(["gem", "zorg", "welz", "zorgg", "", " welz ", "samenwerking",
                         "financiering", "vriendschap", "3,5", "9", "ja", "misschien", "2015",
                         "2016", "\u00a0gem"])


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(_CELL, _CELL, _CELL, _CELL, _CELL), min_size=1, max_size=12),
       extra=st.booleans())
@pytest.mark.slow
def test_small_and_large_tables_follow_the_same_rules(tmp_path, rows, extra):
    """The same rows read at 100 and at 20,000 rows: the same problems, the same values."""
    from conftest import write_case_files

    header = "source;target;type;weight;wave" + (";" if extra else "")
    filler = "gem;zorg;samenwerking;2;2015" + (";" if extra else "")
    body = [";".join(r) + (";" if extra else "") for r in rows]
    results = []
    for total in (100, 20_000):
        lines = [header] + body + [filler] * (total - len(body))
        folder = write_case_files(tmp_path / f"c{total}",
                                  ties="\n".join(lines) + "\n")
        problems = relnet.validate(folder)
        values = None
        if not problems:
            values = relnet.read_case(folder).ties.head(len(body)).to_dict("list")
        results.append(([(p.row, p.column, p.message, p.value) for p in problems], values))
    assert results[0] == results[1]


# ------------------------------------------------------------------ encodings and control characters


def test_one_stray_windows_byte_in_a_utf8_file(case_dir):
    data = (MINIMAL_ACTORS + "z,Zoë,overig\n").encode("utf-8") + "w,Café,overig\n".encode("cp1252")
    (problem,) = relnet.validate(case_dir(actors=data))
    assert (problem.file, problem.row, problem.key) == ("actors.csv", 6, "bad_utf8")
    assert "0xE9" in problem.message
    # a file that is Windows-1252 throughout is read as such
    clean = (MINIMAL_ACTORS + "z,Zoë,overig\n").encode("cp1252")
    assert relnet.read_case(case_dir(actors=clean)).actors["name"].iloc[-1] == "Zoë"


def test_a_repeated_column_name_with_control_characters(case_dir):
    """Two header cells that are the same control character: the repeat and each cell with
    a control character are located problems (found by hypothesis; it was a crash)."""
    lines = MINIMAL_ACTORS.splitlines()
    header = lines[0].split(",")
    header[0] = header[1] = "\x1b"
    data = "\n".join([",".join(header), *lines[1:]]) + "\n"
    problems = relnet.validate(case_dir(actors=data))
    keys = {(p.row, p.key) for p in problems}
    assert (1, "duplicate_header") in keys
    assert all(p.file == "actors.csv" for p in problems)


def test_control_characters_in_a_name(case_dir, tmp_path, capsys):
    folder = case_dir(actors=MINIMAL_ACTORS + "x,Naam\x07met bel,overig\n")
    (problem,) = relnet.validate(folder)
    assert (problem.row, problem.column, problem.key) == (5, "name", "control_character")
    case = relnet.load_example("lindermeer")
    case.actors.loc[0, "name"] = "Gemeente\x0bLindermeer"
    with pytest.raises(CaseError) as info:
        relnet.write_case(case, tmp_path / "x.xlsx")
    assert info.value.problems[0].key == "control_character"
    with pytest.raises(CaseError):
        relnet.build_report(case)
    assert not (tmp_path / "x.xlsx").exists()

"""Every rule of the case contract and every class of bad input: a located, plain problem."""

import zipfile

import pytest
from conftest import MINIMAL_ACTORS, snapshot, write_case_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import relnet
from relnet import CaseError

GOALS_OK = "id,label,parent\ng0,Iedereen telt mee,\ng1,Werk,g0\ng2,Zorg,g0\n"

# (case tables, expected file, Excel row, column, fragment of the message)
BAD_INPUTS = {
    "unknown actor in a tie": (
        {"ties": "source,target,type\ngem,zorg,funding\ngem,zorgg,funding\n"},
        "ties.csv", 3, "target", "is not the id of any actor"),
    "duplicate actor id": (
        {"actors": MINIMAL_ACTORS + "zorg,Zorg twee,care_provider\n"},
        "actors.csv", 5, "id", "appears more than once"),
    "empty actor id": (
        {"actors": MINIMAL_ACTORS + ",Zonder id,care_provider\n"},
        "actors.csv", 5, "id", "is empty"),
    "out-of-range partner score": (
        {"partners": "actor,influence,dependency\nzorg,11,5\n"},
        "partners.csv", 2, "influence", "outside the range 0 to 10"),
    "out-of-range lesson score": (
        {"lessons": "respondent,lesson,score\nR1,3,6\n"},
        "lessons.csv", 2, "score", "outside the range 1 to 5"),
    "lesson number outside 1-10": (
        {"lessons": "respondent,lesson,score\nR1,11,3\n"},
        "lessons.csv", 2, "lesson", "outside the range 1 to 10"),
    "wide lesson score out of range": (
        {"lessons": "respondent;l1;l2\nR1;3;9\n"},
        "lessons.csv", 2, "l2", "outside the range 1 to 5"),
    "tie weight not a number": (
        {"ties": "source,target,type,weight\ngem,zorg,funding,veel\n"},
        "ties.csv", 2, "weight", "is not a number"),
    "missing required column": (
        {"actors": "id,name\ngem,Gemeente\n"},
        "actors.csv", 1, "kind", "required column but is missing"),
    "unknown tie type": (
        {"ties": "source,target,type\ngem,zorg,vriendschap\n"},
        "ties.csv", 2, "type", "is not a known tie type"),
    "unknown kind": (
        {"actors": MINIMAL_ACTORS + "x,X,zorgaanbeider\n"},
        "actors.csv", 5, "kind", "is not a known kind"),
    "unknown domain": (
        {"actors": "id,name,kind,domain\ngem,G,gemeente,zorg|sport\n"},
        "actors.csv", 2, "domain", "'sport', which is not a known domain"),
    "unknown role": (
        {"roles": "body,role,holder\nzorg,baas,gem\n"},
        "roles.csv", 2, "role", "is not a known role"),
    "role holder unknown": (
        {"roles": "body,role,holder\nzorg,eigenaar,wethouder\n"},
        "roles.csv", 2, "holder", "is not the id of any actor"),
    "unknown move": (
        {"partners": "actor,influence,dependency,move\nzorg,5,5,vooruit\n"},
        "partners.csv", 2, "move", "is not a known move"),
    "opposite moves": (
        {"partners": "actor,influence,dependency,move\nzorg,5,5,up+down\n"},
        "partners.csv", 2, "move", "combines opposite moves"),
    "bad yes/no": (
        {"actors": "id,name,kind,person\ngem,G,gemeente,misschien\n"},
        "actors.csv", 2, "person", "is not a yes/no value"),
    "tie to itself": (
        {"ties": "source,target,type\ngem,zorg,funding\nzorg,zorg,collaboration\n"},
        "ties.csv", 3, "target", "is the same actor as the source"),
    "wave not one of the case's": (
        {"ties": "source,target,type,wave\ngem,zorg,funding,2016\n"},
        "ties.csv", 2, "wave", "is not one of the case's waves"),
    "tie in a wave its actor does not exist in": (
        {"actors": "id,name,kind,waves\ngem,G,gemeente,\nwt,Wijkteam,wijkteam,2017\n",
         "ties": "source,target,type,wave\ngem,wt,funding,2017\ngem,wt,funding,\n"},
        "ties.csv", 3, "target", "is not present in wave 2015"),
    "two goal roots": (
        {"goals": "id,label,parent\ng0,Een,\ng1,Twee,\ng2,Drie,g0\n"},
        "goals.csv", 3, "parent", "more than one main goal"),
    "goal cycle": (
        {"goals": GOALS_OK + "g3,A,g4\ng4,B,g3\n"},
        "goals.csv", 5, "parent", "makes a cycle"),
    "goal parent unknown": (
        {"goals": GOALS_OK + "g3,A,g9\n"},
        "goals.csv", 5, "parent", "is not the id of any goal"),
    "goal link to unknown goal": (
        {"goals": GOALS_OK, "goal_links": "goal,actor\ng1,zorg\ng7,zorg\n"},
        "goal_links.csv", 3, "goal", "is not the id of any goal"),
    "duplicate goal id": (
        {"goals": GOALS_OK + "g1,Nog eens,g0\n"},
        "goals.csv", 5, "id", "appears more than once"),
    "empty file": (
        {"ties": b""}, "ties.csv", None, None, "is empty"),
    "header only, no header names": (
        {"ties": b";;\n"}, "ties.csv", 1, None, "has no header row"),
    "binary garbage": (
        {"ties": bytes(range(256)) * 4}, "ties.csv", None, None, "is not a text (CSV) file"),
    "too many values in a row": (
        {"ties": "source,target,type\ngem,zorg,funding,extra\n"},
        "ties.csv", 2, None, "has 4 values but the header has 3 columns"),
    "missing actors file": (
        {"actors": None}, "actors.csv", None, None, "is missing"),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_is_located_and_changes_nothing(tmp_path, name):
    tables, file, row, column, fragment = BAD_INPUTS[name]
    folder = write_case_files(tmp_path / "case", **tables)
    before = snapshot(folder)
    with pytest.raises(CaseError) as info:
        relnet.read_case(folder)
    assert isinstance(info.value, ValueError)
    matches = [p for p in info.value.problems if fragment in p.message]
    assert matches, f"no problem mentions {fragment!r}: {info.value}"
    problem = matches[0]
    assert problem.file == file
    assert problem.row == row
    assert problem.column == column
    assert problem.accepted or problem.message  # says what would be accepted
    assert str(problem).startswith(file)
    assert snapshot(folder) == before
    # validate() returns the same problems without raising
    assert relnet.validate(folder) == info.value.problems


@pytest.mark.parametrize("meta,column,fragment", [
    ("municipality: X\nfictional: true\n", "name", "is missing"),
    ("name: X\nfictional: true\n", "municipality", "is missing"),
    ("name: X\nmunicipality: Y\n", "fictional", "is missing"),
    ("name: X\nmunicipality: Y\nfictional: soms\n", "fictional", "is not true or false"),
    ("name: X\nmunicipality: Y\nfictional: true\nwaves: [2015, twee]\n", "waves",
     "is not a valid entry"),
    ("name: X\nmunicipality: Y\nfictional: true\nlessons: [1, 12]\n", "lessons",
     "is not a valid entry"),
])
def test_case_yaml_fields(tmp_path, meta, column, fragment):
    folder = write_case_files(tmp_path / "c", meta=meta)
    problems = relnet.validate(folder)
    assert any(p.file == "case.yaml" and p.column == column and fragment in p.message
               for p in problems), problems


def test_case_yaml_syntax_error_names_the_line(tmp_path):
    folder = write_case_files(tmp_path / "c", meta="name: X\nmunicipality: [Y\nfictional: true\n")
    (problem,) = relnet.validate(folder)
    assert problem.file == "case.yaml" and problem.row is not None
    assert "not valid YAML" in problem.message


def test_missing_case_yaml(tmp_path):
    folder = write_case_files(tmp_path / "c", meta=None)
    (problem,) = relnet.validate(folder)
    assert (problem.file, problem.message) == ("case.yaml", "is missing")


def test_every_problem_is_reported_at_once(case_dir):
    folder = case_dir(
        actors=MINIMAL_ACTORS + "zorg,Dubbel,zorgaanbeider\n",
        ties="source,target,type,weight\ngem,zorgg,funding,9\n",
        partners="actor,influence,dependency\nwelz,-1,5\n")
    problems = relnet.validate(folder)
    located = {(p.file, p.row, p.column) for p in problems}
    assert {("actors.csv", 5, "id"), ("actors.csv", 5, "kind"), ("ties.csv", 2, "target"),
            ("ties.csv", 2, "weight"), ("partners.csv", 2, "influence")} <= located


def test_workbook_without_actors_sheet(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "case"
    for row in (["name", "X"], ["municipality", "Y"], ["fictional", "ja"]):
        book["case"].append(row)
    book.create_sheet("ties").append(["source", "target", "type"])
    path = tmp_path / "c.xlsx"
    book.save(path)
    before = snapshot(path)
    problems = relnet.validate(path)
    assert any(p.file == "c.xlsx" and "has no sheet 'actors'" in p.message for p in problems)
    assert snapshot(path) == before


def test_workbook_rows_are_excel_rows(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "case"
    for row in (["key", "value"], ["name", "X"], ["municipality", "Y"], ["fictional", 1]):
        book["case"].append(row)
    sheet = book.create_sheet("actors")
    for row in (["id", "name", "kind"], ["a", "A", "gemeente"], [None, None, None],
                ["b", "B", "onbekend"]):
        sheet.append(row)
    book.save(tmp_path / "c.xlsx")
    (problem,) = relnet.validate(tmp_path / "c.xlsx")
    assert (problem.file, problem.row, problem.column) == ("c.xlsx, sheet 'actors'", 4, "kind")


def test_not_a_workbook_and_not_a_zip(tmp_path):
    (tmp_path / "x.xlsx").write_bytes(b"not really excel")
    (tmp_path / "x.zip").write_bytes(b"PK\x03\x04garbage")
    (tmp_path / "x.txt").write_text("hello")
    assert "not a readable Excel workbook" in relnet.validate(tmp_path / "x.xlsx")[0].message
    assert "not a readable zip file" in relnet.validate(tmp_path / "x.zip")[0].message
    assert "is not a case" in relnet.validate(tmp_path / "x.txt")[0].message
    assert "does not exist" in relnet.validate(tmp_path / "nothing")[0].message


def test_zip_problems_name_the_member(tmp_path):
    archive = tmp_path / "c.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("c/case.yaml", "name: X\nmunicipality: Y\nfictional: true\n")
        z.writestr("c/actors.csv", "id,name,kind\na,A,raadd\n")
    (problem,) = relnet.validate(archive)
    assert (problem.file, problem.row, problem.column) == ("c.zip: c/actors.csv", 2, "kind")


# ---------------------------------------------------------------- fuzzing the reader


def _read_expecting_only_case_error(folder):
    try:
        relnet.read_case(folder)
    except CaseError:
        pass


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), table=st.sampled_from(["actors", "ties", "goals", "lessons"]))
def test_arbitrary_bytes_raise_only_case_error(tmp_path, data, table):
    folder = write_case_files(tmp_path / "fuzz", **{table: data})
    _read_expecting_only_case_error(folder)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_arbitrary_case_yaml_raises_only_case_error(tmp_path, data):
    folder = write_case_files(tmp_path / "fuzz", meta=None)
    (folder / "case.yaml").write_bytes(data)
    _read_expecting_only_case_error(folder)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.sampled_from(["actors", "ties", "partners", "goals",
                                                  "goal_links", "roles", "lessons"]),
                                st.integers(0, 10_000), st.integers(0, 20),
                                st.text(max_size=12)), min_size=1, max_size=4))
@pytest.mark.slow
def test_arbitrary_edits_of_a_valid_case_raise_only_case_error(tmp_path, edits):
    """Replace cells of a shipped case with arbitrary text: valid or CaseError, nothing else."""
    import shutil

    folder = tmp_path / "edit"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(relnet.example_path("lindermeer"), folder)
    for table, row, column, text in edits:
        lines = (folder / f"{table}.csv").read_text(encoding="utf-8").splitlines()
        r = row % len(lines)
        cells = lines[r].split(",")
        cells[column % len(cells)] = text.replace("\n", " ").replace("\r", " ")
        lines[r] = ",".join(cells)
        (folder / f"{table}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _read_expecting_only_case_error(folder)


def test_large_tables_locate_problems_like_small_ones(tmp_path):
    """Tables over 5,000 rows take pandas' C parser; rows and columns must still be Excel's."""
    from relnet.synth import generate_case

    folder = tmp_path / "big"
    relnet.write_case(generate_case(1200, seed=5), folder)
    lines = (folder / "ties.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) > 6000
    cells = lines[6000].split(",")  # Excel row 6001
    cells[1] = "nobody"
    lines[6000] = ",".join(cells)
    lines.insert(3000, "")  # a blank line at Excel row 3001 shifts what follows
    (folder / "ties.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = relnet.validate(folder)
    assert [(p.file, p.row, p.column, p.value) for p in problems] == [
        ("ties.csv", 6002, "target", "nobody")]
    before = snapshot(folder)
    lines[4000] = lines[4000] + ",extra,values"
    (folder / "ties.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = relnet.validate(folder)
    assert any(p.row == 4001 and "values but the header has" in p.message for p in problems)
    assert snapshot(folder) != before  # we changed it ourselves; relnet did not


def test_large_tables_with_padding_are_stripped(tmp_path):
    """Excel users pad values with spaces and non-breaking spaces; large tables too."""
    from relnet.synth import generate_case

    folder = tmp_path / "padded"
    case = generate_case(1200, seed=6)
    relnet.write_case(case, folder)
    lines = (folder / "ties.csv").read_text(encoding="utf-8").splitlines()
    lines = [line.replace(",", ";") for line in lines]
    lines[10] = " " + lines[10].replace(";", " ;\u00a0")  # tie 9, every value padded
    (folder / "ties.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert relnet.validate(folder) == []
    read = relnet.read_case(folder).ties
    assert read.loc[9, "source"] == case.ties.loc[9, "source"]
    assert read.loc[9, "type"] == case.ties.loc[9, "type"]

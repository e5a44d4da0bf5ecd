"""Reading cases as analysts' Excel writes them: encodings, delimiters, aliases, forms."""

import os
import re
import time
import zipfile

import pandas as pd
import pytest
from conftest import (
    CASE_SHEETS,
    MINIMAL_ACTORS,
    MINIMAL_META,
    _declare_size,
    book,
    rewrite_member,
    run,
    snapshot,
    write_case_files,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import relnet
from relnet import CaseError
from relnet.data import _tokenise


def dutch_excel_case(folder, encoding, bom=False):
    """A case as Dutch Excel exports it: ';', decimal commas, ja/nee, Dutch aliases."""
    actors = (
        "id;naam;kind;domain;person;district\n"
        "gem;Gemeente Proefdorp;gemeente;algemeen;nee;\n"
        "zorg;Zorggroep Eikenhof;zorgaanbieder;zorg|gezondheid;nee;Noord\n"
        "mz1;Zoë Brouwër;informele_hulp;zorg;ja;Noord\n"
        "wt;Wijkteam Noord;wijkteam;Zorg | Jeugd;Nee;Noord\n"
        "vp;Werkbedrijf Ïjsselstreek;verbonden_partij;werk;nee;\n"
        "weth;Renée de Vries;bestuurder;algemeen;ja;\n"
    ).replace("naam", "name")
    ties = (
        "source;target;type;weight;trust;wave\n"
        "gem;zorg;financiering;3,5;4;2015\n"
        "wt;mz1;steun;2;;2017\n"
        "zorg;wt;samenwerking;4,0;;\n"
        "gem;vp;zeggenschap;5;;2017\n"
    )
    partners = "actor;influence;dependency;move\nzorg;7,5;5;omhoog+rechts\nvp;4;8,5;links\n"
    roles = "body;role;holder\nvp;opdrachtgever;weth\nvp;eigenaar;weth\nvp;regisseur;gem\n"
    lessons = "respondent;l1;l2;l3\nR1;3;4;\nR2;5;2;1\n"
    tables = dict(actors=actors, ties=ties, partners=partners, roles=roles, lessons=lessons)
    encoded = {}
    for name, text in tables.items():
        data = text.replace("\n", "\r\n").encode(encoding)
        encoded[name] = (b"\xef\xbb\xbf" + data) if bom else data
    return write_case_files(folder, **encoded)


@pytest.mark.parametrize("encoding,bom", [("utf-8", False), ("utf-8", True), ("cp1252", False)])
def test_dutch_excel_csv_loads_with_characters_intact(tmp_path, encoding, bom):
    folder = dutch_excel_case(tmp_path / "case", encoding, bom)
    before = snapshot(folder)
    case = relnet.read_case(folder)
    assert snapshot(folder) == before
    names = dict(zip(case.actors["id"], case.actors["name"]))
    assert names["mz1"] == "Zoë Brouwër"
    assert names["vp"] == "Werkbedrijf Ïjsselstreek"
    assert names["weth"] == "Renée de Vries"
    kinds = dict(zip(case.actors["id"], case.actors["kind"]))
    assert kinds == {"gem": "municipality", "zorg": "care_provider", "mz1": "informal_carer",
                     "wt": "district_team", "vp": "affiliated_body", "weth": "administrator"}
    assert dict(zip(case.actors["id"], case.actors["domain"]))["wt"] == "care|youth"
    assert dict(zip(case.actors["id"], case.actors["person"])) == {
        "gem": False, "zorg": False, "mz1": True, "wt": False, "vp": False, "weth": True}
    assert list(case.ties["type"]) == ["funding", "support", "collaboration", "governance"]
    assert list(case.ties["weight"]) == [3.5, 2.0, 4.0, 5.0]
    # A tie without a wave belongs to the case's first wave.
    assert list(case.ties["wave"]) == [2015, 2017, 2015, 2017]
    # Funding and governance are directed by default, support and collaboration not.
    assert list(case.ties["directed"]) == [True, False, False, True]
    assert list(case.partners["influence"]) == [7.5, 4.0]
    assert list(case.partners["dependency"]) == [5.0, 8.5]
    assert list(case.partners["move"]) == ["up+right", "left"]
    assert sorted(case.roles["role"]) == ["commissioner", "director", "owner"]


def test_wide_lessons_are_read_long(tmp_path):
    case = relnet.read_case(dutch_excel_case(tmp_path / "c", "utf-8"))
    lessons = case.lessons.sort_values(["respondent", "lesson"]).reset_index(drop=True)
    assert list(lessons.columns[:3]) == ["respondent", "lesson", "score"]
    # R1 left lesson 3 empty: not answered, so 5 answers in all.
    assert list(zip(lessons["respondent"], lessons["lesson"], lessons["score"])) == [
        ("R1", 1, 3.0), ("R1", 2, 4.0), ("R2", 1, 5.0), ("R2", 2, 2.0), ("R2", 3, 1.0)]


def test_utf16_tab_separated_loads(tmp_path):
    text = "id\tname\tkind\ngem\tGemeente Één\tgemeente\n"
    folder = write_case_files(tmp_path / "c", actors=b"\xff\xfe" + text.encode("utf-16-le"))
    assert relnet.read_case(folder).actors["name"].tolist() == ["Gemeente Één"]


def test_extra_columns_are_kept_as_attributes(case_dir):
    # Columns outside the contract stay text exactly as written: a phone number keeps its
    # zero, an account number its 20 digits, "1.000" is not turned into 1.0.
    folder = case_dir(actors="id,name,kind,budget,note,phone,account\n"
                             "gem,G,gemeente,\"1,5\",hoofd,0612345678,12345678901234567890\n"
                             "z,Z,zorgaanbieder,1.000,,00000001,\n")
    actors = relnet.read_case(folder).actors
    assert list(actors["budget"]) == ["1,5", "1.000"]
    assert actors["note"].tolist()[0] == "hoofd"
    assert list(actors["phone"]) == ["0612345678", "00000001"]
    assert actors["account"].tolist()[0] == "12345678901234567890"
    assert relnet.validate(folder) == []


def test_header_names_fold_case_and_spaces(case_dir):
    folder = case_dir(actors=" ID ; Name ;KIND\ngem;G;Gemeente\n")
    assert relnet.read_case(folder).actors["kind"].tolist() == ["municipality"]


def test_missing_tables_are_empty(case_dir):
    case = relnet.read_case(case_dir())
    assert len(case.actors) == 3
    for table in ("ties", "partners", "goals", "goal_links", "roles", "lessons"):
        assert len(case.tables[table]) == 0
        assert "wave" in case.ties.columns


def test_xlsx_and_zip_read_like_the_folder(tmp_path):
    folder = dutch_excel_case(tmp_path / "case", "cp1252")
    case = relnet.read_case(folder)
    relnet.write_case(case, tmp_path / "case.xlsx")
    from_xlsx = relnet.read_case(tmp_path / "case.xlsx")
    archive = tmp_path / "case.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for file in folder.iterdir():
            z.write(file, f"mycase/{file.name}")
    from_zip = relnet.read_case(archive)
    for other in (from_xlsx, from_zip):
        assert other.meta == case.meta
        for name, frame in case.tables.items():
            pd.testing.assert_frame_equal(other.tables[name], frame, check_dtype=True)


def test_round_trip_folder_xlsx_folder_is_lossless(tmp_path):
    for name in relnet.list_cases()["name"]:
        case = relnet.load_example(name)
        relnet.write_case(case, tmp_path / f"{name}.xlsx")
        relnet.write_case(relnet.read_case(tmp_path / f"{name}.xlsx"), tmp_path / name)
        back = relnet.read_case(tmp_path / name)
        assert back.meta == case.meta
        for table, frame in case.tables.items():
            pd.testing.assert_frame_equal(back.tables[table], frame)


def test_xlsx_numbers_and_booleans_from_excel(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "case"
    for row in (["key", "value"], ["name", "X"], ["municipality", "Proefdorp"],
                ["fictional", True], ["waves", "2015|2017"], ["population", 12000]):
        book["case"].append(row)
    actors = book.create_sheet("actors")
    for row in (["id", "name", "kind", "person"], [1, "Gemeente", "gemeente", False],
                [2, "Wethouder", "bestuurder", True], [None, None, None, None]):
        actors.append(row)
    ties = book.create_sheet("ties")
    for row in (["source", "target", "type", "weight", "wave"], [1, 2, "zeggenschap", 3.5, 2017]):
        ties.append(row)
    book.save(tmp_path / "c.xlsx")
    case = relnet.read_case(tmp_path / "c.xlsx")
    assert case.meta["waves"] == [2015, 2017] and case.meta["fictional"] is True
    assert case.actors["id"].tolist() == ["1", "2"]
    assert case.actors["person"].tolist() == [False, True]
    assert case.ties["weight"].tolist() == [3.5]


# ------------------------------------------------------------------ damaged, hostile and oversized input


def test_an_account_number_in_an_extra_column(case_dir, capsys):
    folder = case_dir(actors="id,name,kind,rekening\ngem,G,gemeente,12345678901234567890\n")
    assert relnet.validate(folder) == []
    assert relnet.read_case(folder).actors["rekening"].item() == "12345678901234567890"
    assert run(["validate", folder], capsys)[0] == 0


def test_wide_lessons_with_columns_that_are_not_lessons(case_dir, tmp_path, capsys):
    folder = case_dir(lessons="respondent,l1,l0,l11,l99\nR1,3,2,tekst,4\n")
    problems = relnet.validate(folder)
    assert {(p.row, p.column, p.key) for p in problems} >= {
        (1, "l0", "lesson_column"), (1, "l11", "lesson_column"), (1, "l99", "lesson_column")}
    code, _ = run(["convert", folder, tmp_path / "out.xlsx"], capsys)
    assert code == 1 and not (tmp_path / "out.xlsx").exists()


def _workbook_with_shared_strings(tmp_path):
    """CASE_SHEETS as a minimal workbook that stores its text as shared strings (as Excel
    does; openpyxl itself writes inline strings)."""
    from xml.sax.saxutils import escape

    strings, sheets = [], []
    for rows in CASE_SHEETS.values():
        cells = []
        for r, row in enumerate(rows, 1):
            parts = []
            for c, value in enumerate(row):
                ref = f"{chr(65 + c)}{r}"
                if isinstance(value, str):
                    strings.append(value)
                    parts.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
                else:
                    parts.append(f'<c r="{ref}"><v>{value}</v></c>')
            cells.append(f'<row r="{r}">{"".join(parts)}</row>')
        sheets.append('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                      f'main"><sheetData>{"".join(cells)}</sheetData></worksheet>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    names = list(CASE_SHEETS)
    path = tmp_path / "c.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/>' + "".join(
                f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.'
                'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                for i in range(1, len(names) + 1)) +
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
        z.writestr("_rels/.rels", f'<Relationships xmlns="http://schemas.openxmlformats.org/'
                   f'package/2006/relationships"><Relationship Id="rId1" Type="{rel}/'
                   'officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>' +
                   "".join(f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"/>'
                           for i, n in enumerate(names, 1)) + "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships">' + "".join(
                       f'<Relationship Id="rId{i}" Type="{rel}/worksheet" '
                       f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(names) + 1))
                   + f'<Relationship Id="rId99" Type="{rel}/sharedStrings" '
                   'Target="sharedStrings.xml"/></Relationships>')
        for i, sheet in enumerate(sheets, 1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", sheet)
        z.writestr("xl/sharedStrings.xml", f'<sst xmlns="{main}" count="{len(strings)}">' +
                   "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
    assert relnet.read_case(path).actors["name"].tolist() == ["Gemeente", "Zorg"]
    return path


@pytest.mark.parametrize("damage", [
    ("truncated sheet XML", "xl/worksheets/sheet2.xml", lambda d: d[: len(d) // 2]),
    ("shared string out of range", "xl/worksheets/sheet2.xml",
     lambda d: re.sub(rb'(t="s"[^>]*><v>)\d+', rb"\g<1>999", d, count=1)),
    ("bad number", "xl/worksheets/sheet3.xml",
     lambda d: re.sub(rb"<v>3</v>", b"<v>drie</v>", d, count=1)),
    ("bad date", "xl/worksheets/sheet3.xml",
     lambda d: re.sub(rb'<c r="D2"([^>]*)><v>3</v>', rb'<c r="D2" t="d"><v>gisteren</v>', d)),
    ("bad cell reference", "xl/worksheets/sheet2.xml",
     lambda d: d.replace(b'r="A2"', b'r="ZZZZZZ999999999"', 1)),
], ids=lambda d: d[0] if isinstance(d, tuple) else d)
def test_damaged_workbook_internals(tmp_path, capsys, damage):
    _, member, change = damage
    path = rewrite_member(_workbook_with_shared_strings(tmp_path), member, change)
    before = snapshot(path)
    problems = relnet.validate(path)
    assert problems and all(p.file.startswith("c.xlsx") for p in problems)
    code, _ = run(["validate", path], capsys)
    assert code == 1 and snapshot(path) == before


def test_a_declared_dimension_of_16384_columns(tmp_path):
    path = rewrite_member(book(tmp_path / "c.xlsx", CASE_SHEETS), "xl/worksheets/sheet2.xml",
                          lambda d: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD10000"',
                                           d) if b"<dimension" in d else d.replace(
                              b"<sheetData>", b'<dimension ref="A1:XFD10000"/><sheetData>', 1))
    assert path.stat().st_size < 20_000
    start = time.perf_counter()
    case = relnet.read_case(path)
    assert time.perf_counter() - start < 5
    assert list(case.actors["id"]) == ["gem", "zorg"]


def test_a_zip_member_that_declares_a_gigabyte(tmp_path):
    archive = tmp_path / "c.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("c/case.yaml", MINIMAL_META)
        z.writestr("c/actors.csv", MINIMAL_ACTORS)
    _declare_size(archive, "c/actors.csv", 2**30)
    (problem,) = relnet.validate(archive)
    assert (problem.file, problem.key) == ("c.zip: c/actors.csv", "too_large")
    assert "1 GB" in problem.message


def test_a_zip_member_larger_than_the_limit_is_never_read_whole(tmp_path, monkeypatch):
    monkeypatch.setitem(_tokenise.LIMITS, "file_bytes", 10_000)
    archive = tmp_path / "c.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("case.yaml", MINIMAL_META)
        z.writestr("actors.csv", MINIMAL_ACTORS + "x,X,overig\n" * 2000)
    (problem,) = relnet.validate(archive)
    assert problem.key == "too_large" and problem.file == "c.zip: actors.csv"


def test_deeply_nested_and_aliased_yaml(tmp_path):
    deep = write_case_files(tmp_path / "deep", meta=None)
    (deep / "case.yaml").write_text("name: " + "[" * 20_000 + "]" * 20_000 + "\n")
    (problem,) = relnet.validate(deep)
    # relnet's depth check or, for flow brackets, libyaml's own nesting limit
    assert problem.key in ("yaml_too_deep", "bad_yaml") and problem.file == "case.yaml"
    bomb = write_case_files(tmp_path / "bomb", meta=None)
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [*{chr(96 + i)},*{chr(96 + i)},"
                     f"*{chr(96 + i)},*{chr(96 + i)},*{chr(96 + i)},*{chr(96 + i)}]")
    (bomb / "case.yaml").write_text("\n".join(lines) + "\nname: X\n")
    start = time.perf_counter()
    (problem,) = relnet.validate(bomb)
    assert time.perf_counter() - start < 2
    assert problem.key == "yaml_alias" and problem.row == 1


def test_a_complete_parent_graph_of_goals(case_dir):
    n = 12
    lines = ["id,label,parent", "root,Hoofddoel,"]
    lines += [f"g{i},Doel {i},g{j}" for i in range(n) for j in range(n) if i != j]
    start = time.perf_counter()
    problems = relnet.validate(case_dir(goals="\n".join(lines) + "\n"))
    assert time.perf_counter() - start < 5
    cycles = [p for p in problems if p.key == "goal_cycle"]
    assert len(cycles) == 1  # one per strongly connected component


def test_a_pipe_named_like_a_zip_does_not_hang(tmp_path, capsys):
    fifo = tmp_path / "x.zip"
    os.mkfifo(fifo)
    start = time.perf_counter()
    code, text = run(["validate", fifo], capsys)
    assert time.perf_counter() - start < 5
    assert code == 1 and "is not a regular file" in text


def test_two_cases_in_one_zip_and_duplicate_members(tmp_path):
    two = tmp_path / "twee.zip"
    with zipfile.ZipFile(two, "w") as z:
        for folder in ("a", "b"):
            z.writestr(f"{folder}/case.yaml", MINIMAL_META)
            z.writestr(f"{folder}/actors.csv", MINIMAL_ACTORS)
    (problem,) = relnet.validate(two)
    assert problem.key == "zip_two_cases" and "a/, b/" in problem.message
    duplicate = tmp_path / "dubbel.zip"
    with pytest.warns(UserWarning, match="Duplicate name"):
        with zipfile.ZipFile(duplicate, "w") as z:
            z.writestr("case.yaml", MINIMAL_META)
            z.writestr("actors.csv", MINIMAL_ACTORS)
            z.writestr("actors.csv", "id,name,kind\nx,X,overig\n")
    (problem,) = relnet.validate(duplicate)
    assert (problem.file, problem.key) == ("dubbel.zip: actors.csv", "zip_duplicate")


# ------------------------------------------------------------------ fuzzing


def _fuzz_case(tmp_path):
    return book(tmp_path / "f.xlsx", CASE_SHEETS)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.floats(0, 1), junk=st.binary(min_size=1, max_size=30),
       member=st.sampled_from(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                               "xl/worksheets/sheet3.xml", "xl/sharedStrings.xml",
                               "xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml"]))
def test_fuzzed_workbook_internals_give_only_problems(tmp_path, position, junk, member):
    path = _fuzz_case(tmp_path)

    def change(data):
        at = int(position * len(data))
        return data[:at] + junk + data[at + len(junk):]

    rewrite_member(path, member, change)
    try:
        relnet.read_case(path)
    except CaseError:
        pass


_YAML_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=10)),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(
        st.text(max_size=5), children, max_size=3), max_leaves=12)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(meta=st.dictionaries(st.sampled_from(["name", "municipality", "fictional", "waves",
                                             "lessons", "population", "summary", "practice",
                                             "source", "summary_en", "extra"]),
                            _YAML_VALUE, max_size=8))
def test_fuzzed_yaml_structures_give_only_problems(tmp_path, meta):
    import yaml

    folder = write_case_files(tmp_path / "y", meta=None)
    (folder / "case.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True))
    try:
        case = relnet.read_case(folder)
        relnet.build_report(case)
    except CaseError:
        pass


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(members=st.lists(st.tuples(
    st.sampled_from(["case.yaml", "actors.csv", "ties.csv", "a/case.yaml", "a/actors.csv",
                     "b/case.yml", "../x.csv", "/abs.csv", "actors.CSV", "é/case.yaml"]),
    st.sampled_from([MINIMAL_META, MINIMAL_ACTORS, "", "\x00\x01", "source,target,type\n",
                     "name: [1, 2"])), max_size=6))
def test_fuzzed_zip_members_give_only_problems(tmp_path, members):
    import warnings

    archive = tmp_path / "z.zip"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(archive, "w") as z:
            for name, text in members:
                z.writestr(name, text)
    try:
        relnet.read_case(archive)
    except CaseError:
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["z.zip"]  # never extracted


# ------------------------------------------------------------------ round 3: inputs people really have


@pytest.mark.parametrize("where", ["actors", "meta"])
def test_noncharacters_that_xml_forbids_are_refused_where_they_are(tmp_path, where):
    # (a workbook cannot hold them: its XML would be refused as a damaged workbook)
    actors = MINIMAL_ACTORS.replace("Zorg BV", "Zorg\ufffeBV")
    meta = MINIMAL_META + 'summary: "samen\\uFFFF"\n'
    folder = write_case_files(tmp_path / "c", meta=meta if where == "meta" else MINIMAL_META,
                              actors=actors if where != "meta" else MINIMAL_ACTORS)
    problems = relnet.validate(folder)
    assert [p.key for p in problems] == ["not_xml_character"]
    found = problems[0]
    if where == "meta":
        assert found.column == "summary" and "U+FFFF" in found.text("en")
    else:
        assert found.row == 3 and found.column == "name"
        assert "U+FFFE" in found.text("nl")
    case = relnet.load_example("haverdonk")
    case.actors.loc[0, "name"] = "Gemeente\ufffe"
    with pytest.raises(CaseError, match="U\\+FFFE"):
        relnet.write_case(case, tmp_path / "out.xlsx")
    assert not (tmp_path / "out.xlsx").exists()


def test_excel_sep_line_and_mac_line_ends(tmp_path):
    folder = write_case_files(
        tmp_path / "c", actors=b"sep=;\r\nid;naam;soort\r\ngem;Gemeente;gemeente\r\n"
                               b"zorg;Zorg \x8a;zorgaanbieder\r\n",  # \x8a is ä in Mac Roman
        ties="source,target,type\ngem,zorg,financiering\n")
    case = relnet.read_case(folder)
    assert list(case.actors["id"]) == ["gem", "zorg"]
    (folder / "actors.csv").write_bytes(b"id;naam;soort\rgem;Gemeente;gemeente\r"
                                        b"zorg;Zorg \x8a;zorgaanbieder\r")
    case = relnet.read_case(folder)
    assert list(case.actors["name"]) == ["Gemeente", "Zorg \u00e4"]
    # the row of a problem is the row Excel shows (the sep= line is not shown)
    (folder / "actors.csv").write_bytes(b"sep=;\nid;naam;soort\ngem;Gemeente;gemeente\n"
                                        b"zorg;Zorg;xyz\n")
    [found] = relnet.validate(folder)
    assert (found.row, found.column, found.value) == (3, "soort", "xyz")


def test_a_zip_made_by_windows_powershell(tmp_path):
    archive = tmp_path / "case.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("mijncasus\\case.yaml", MINIMAL_META)
        z.writestr("mijncasus\\actors.csv", MINIMAL_ACTORS)
        z.writestr("mijncasus\\ties.csv", "source,target,type\ngem,zorg,steun\n")
    case = relnet.read_case(archive)
    assert len(case.actors) == 3 and len(case.ties) == 1


def test_case_yaml_and_case_yml_side_by_side_is_refused(tmp_path):
    folder = write_case_files(tmp_path / "c")
    (folder / "case.yml").write_text("name: Andere\nmunicipality: X\nfictional: true\n")
    [found] = relnet.validate(folder)
    assert found.key == "two_meta_files" and found.file == "case.yml"
    assert "case.yaml" in found.text("nl")


def test_one_over_long_name_does_not_make_every_reference_unknown(tmp_path):
    actors = MINIMAL_ACTORS.replace("Zorg BV", "Z" * 20_000)
    folder = write_case_files(tmp_path / "c", actors=actors,
                              ties="source,target,type\ngem,zorg,steun\nwelz,gem,steun\n")
    problems = relnet.validate(folder)
    assert [(p.file, p.row, p.column, p.key) for p in problems] == [
        ("actors.csv", 3, "name", "cell_too_long")]


def wide_row_workbook(path, cells):
    """A case workbook whose actors sheet has a row 9 of `cells` cells (tiny when zipped)."""
    return rewrite_member(
        book(path, CASE_SHEETS), "xl/worksheets/sheet2.xml",
        lambda d: d.replace(b"</sheetData>", b'<row r="9">' + b"<c><v>1</v></c>" * cells
                            + b"</row></sheetData>"))


def test_a_row_of_a_million_cells_is_refused_before_it_is_built(tmp_path, monkeypatch):
    import openpyxl.reader.excel

    path = wide_row_workbook(tmp_path / "wide.xlsx", 1_000_000)
    assert path.stat().st_size < 200_000
    opened = []
    monkeypatch.setattr(openpyxl.reader.excel, "load_workbook",
                        lambda *a, **k: opened.append(1))
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: opened.append(1))
    start = time.perf_counter()
    [found] = relnet.validate(path)
    assert time.perf_counter() - start < 5
    assert not opened  # refused before openpyxl read a row
    assert (found.file, found.row, found.key) == ("wide.xlsx, sheet 'actors'", 9,
                                                  "too_many_columns")
    # a row just within what a case may hold is read (and its values reported as usual)
    monkeypatch.undo()
    problems = relnet.validate(wide_row_workbook(tmp_path / "ok.xlsx", 600))
    assert [p.key for p in problems] == ["too_many_values"]

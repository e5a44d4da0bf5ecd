"""Reading cases as analysts' Excel writes them: encodings, delimiters, aliases, forms."""

import zipfile

import pandas as pd
import pytest
from conftest import snapshot, write_case_files

import relnet


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

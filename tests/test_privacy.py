"""Privacy (relnet/network/privacy.py): pseudonyms, anonymize, and persons' names kept out of
the report."""

import base64
import re

import pandas as pd
import pytest
from conftest import run

import relnet

# ------------------------------------------------------------------ pseudonyms


def test_pseudonyms_are_long_and_checked_for_collisions(monkeypatch):
    from relnet.network import privacy

    case = relnet.load_example("welderhoven")
    anon = relnet.anonymize(case, "zout")
    persons = anon.actors.loc[anon.actors["person"], "id"]
    assert persons.str.fullmatch(r"P-[0-9a-f]{20}").all()  # 80 bits
    monkeypatch.setattr(privacy, "pseudonym", lambda value, salt, prefix: prefix + "same")
    with pytest.raises(ValueError, match="same pseudonym"):
        relnet.anonymize(case, "zout")


def test_anonymize_drops_free_text_in_meta_unless_kept():
    case = relnet.load_example("haverdonk")
    anon = relnet.anonymize(case, "zout")
    for key in ("summary", "summary_en", "practice", "practice_en", "source"):
        assert key not in anon.meta, key
    assert {"case.summary", "case.practice"} <= set(anon.meta["dropped"])
    kept = relnet.anonymize(case, "zout", keep_text=True)
    assert kept.meta["summary"] == case.meta["summary"]


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


# ------------------------------------------------------------------ persons in the report


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


def test_an_organisation_called_p1(case_dir, tmp_path, capsys):
    actors = "id,name,kind\nP01,Partner Een,overig\nweth,Anna de Wit,bestuurder\n" \
             "gem,Gemeente,gemeente\n"
    folder = case_dir(actors=actors, ties="source,target,type\nweth,P01,steun\ngem,weth,zeggenschap\n")
    code, _ = run(["report", folder, "-o", tmp_path / "r.html"], capsys)
    assert code == 0
    page = (tmp_path / "r.html").read_text()
    assert "Partner Een" in page and "Anna de Wit" not in page

"""The report (relnet/present/report.py) on awkward text and sizes: a summary of any type, dollar
signs in names, a deep goal chain, very large cases, very long names."""

import base64
import re
import time

import pandas as pd
import pytest
from conftest import MINIMAL_META, run, write_case_files

import relnet
from relnet import CaseError


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


@pytest.mark.slow
def test_a_long_name_is_shortened_and_a_huge_one_refused():
    case = relnet.load_example("lindermeer")
    case.actors.loc[0, "name"] = "Gemeente " + "heel " * 1500  # 7,509 characters
    page = relnet.build_report(case, lang="nl")
    assert "heel " * 30 not in page and len(page) < 2_000_000
    case.actors.loc[0, "name"] = "x" * 2**20  # a megabyte
    with pytest.raises(CaseError) as info:
        relnet.build_report(case)
    assert info.value.problems[0].key == "cell_too_long"

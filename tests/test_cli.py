"""The command line (relnet/cli.py): exit codes and output, Dutch help and usage errors, every
command on every bad input, output paths that cannot be written, the salt."""

import errno
import os
import re
import subprocess
import sys
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

import relnet
from relnet.cli import main


def test_cli_validate_exit_codes(tmp_path, capsys):
    assert main(["--lang", "en", "validate", str(relnet.example_path("haverdonk"))]) == 0
    assert "valid case" in capsys.readouterr().out
    folder = write_case_files(tmp_path / "bad", ties="source,target,type\ngem,xx,funding\n")
    assert main(["--lang", "en", "validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "ties.csv, row 2, column 'target': 'xx' is not the id of any actor" in out
    assert "Traceback" not in out


def test_cli_convert_and_new(tmp_path, capsys):
    src = relnet.example_path("brakkenveen")
    assert main(["--lang", "en", "convert", str(src), str(tmp_path / "b.xlsx")]) == 0
    assert main(["--lang", "en", "convert", str(tmp_path / "b.xlsx"), str(tmp_path / "b")]) == 0
    assert relnet.validate(tmp_path / "b") == []
    # refusing to overwrite is a usage error (2), not a traceback
    assert main(["--lang", "en", "convert", str(src), str(tmp_path / "b.xlsx")]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["--lang", "en", "new", str(tmp_path / "n")]) == 0
    files = sorted(p.name for p in (tmp_path / "n").iterdir())
    assert files == ["activities.csv", "actors.csv", "case.yaml", "goal_links.csv",
                     "goals.csv", "lessons.csv", "partners.csv", "roles.csv", "ties.csv"]
    header = (tmp_path / "n" / "actors.csv").read_text().splitlines()[0]
    assert header == "id,name,kind,domain,person,waves,district,respondent,municipal,public"
    assert relnet.validate(tmp_path / "n") == []


def test_cli_convert_bad_case_writes_nothing(tmp_path, capsys):
    folder = write_case_files(tmp_path / "bad", actors="id,name,kind\na,A,onzin\n")
    assert main(["--lang", "en", "convert", str(folder), str(tmp_path / "out.xlsx")]) == 1
    assert "is not a known kind" in capsys.readouterr().err
    assert not (tmp_path / "out.xlsx").exists()


@pytest.mark.slow
def test_console_script_runs(tmp_path):
    exe = os.path.join(os.path.dirname(sys.executable), "relnet")
    done = subprocess.run([exe, "--lang", "en", "validate", str(tmp_path / "missing")], capture_output=True,
                          text=True)
    assert done.returncode == 1
    assert "does not exist" in done.stdout and "Traceback" not in done.stderr
    assert subprocess.run([exe, "--help"], capture_output=True).returncode == 0


@pytest.mark.slow
def test_cli_export_writes_everything_to_take_away(tmp_path, capsys):
    import networkx as nx
    import openpyxl

    out = tmp_path / "uit"
    assert main(["export", "brakkenveen", str(out)]) == 0
    said = capsys.readouterr().out
    assert "bestanden geschreven in" in said and "personen gepseudonimiseerd" in said
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        [f"brakkenveen_{part}.{fmt}" for part in ("netwerk", "partners", "doelen", "rollen",
                                                   "lessen") for fmt in ("svg", "png")]
        + ["brakkenveen_tabellen.xlsx", "brakkenveen_rapport.html",
           "brakkenveen_netwerk.gexf", "brakkenveen_netwerk.graphml", "brakkenveen_netwerk.net",
           "brakkenveen_netwerk.dl", "brakkenveen_netwerk_samengevat.gexf",
           "brakkenveen_netwerk_samengevat.graphml"])
    assert "<text" in (out / "brakkenveen_rollen.svg").read_text()  # text stays text
    report = (out / "brakkenveen_rapport.html").read_text()
    assert "Sanne Everaerts" not in report and "gepseudonimiseerd" in report
    # one edge per tie (every wave), and the collapsed graph of the latest wave
    G = nx.read_gexf(out / "brakkenveen_netwerk.gexf", version="1.3")
    H = nx.read_graphml(out / "brakkenveen_netwerk.graphml")
    case = relnet.load_example("brakkenveen")
    assert G.number_of_edges() == H.number_of_edges() == len(case.ties)
    C = nx.read_graphml(out / "brakkenveen_netwerk_samengevat.graphml")
    assert C.number_of_nodes() == relnet.network_metrics(case)["n_actors"]
    assert C.number_of_edges() == relnet.network_metrics(case)["n_ties"]
    book = openpyxl.load_workbook(out / "brakkenveen_tabellen.xlsx", read_only=True)
    assert len(book.sheetnames) >= 4
    book.close()
    # nothing is replaced without --overwrite (exit 2, the files unchanged)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert main(["export", "brakkenveen", str(out)]) == 2
    assert "--overwrite" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert main(["--lang", "en", "export", "brakkenveen", str(tmp_path / "en")]) == 0
    assert (tmp_path / "en" / "brakkenveen_network.svg").exists()


@pytest.mark.parametrize("argv", [["--help"], ["convert", "--help"], ["survey", "make", "--help"]])
def test_cli_help_is_dutch_throughout(argv, capsys):
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: relnet") and "opties:" in out
    for english in ("usage", "positional arguments", "show this help", "options:", "COMMAND",
                    " path", " src", " dst"):
        assert english not in out, english


def test_cli_usage_errors_are_dutch(capsys):
    with pytest.raises(SystemExit) as done:
        main(["synth", "x", "--actors", "twee"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "relnet synth: fout: argument --actors: ongeldige waarde: 'twee'" in err
    with pytest.raises(SystemExit):
        main(["report"])
    assert "deze argumenten ontbreken: PAD, -o/--output" in capsys.readouterr().err


def test_cli_leaves_argparse_internals_alone():
    """relnet.cli speaks Dutch through argparse's public extension points only: it assigns
    nothing in argparse, and reaches for no private name (``x._y``) of argparse or anything."""
    import argparse
    import ast
    import gettext
    from pathlib import Path

    import relnet.cli

    tree = ast.parse(Path(relnet.cli.__file__).read_text("utf-8"))
    private = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and \
                not (node.attr.startswith("__") and node.attr.endswith("__")):
            private.append(f"line {node.lineno}: .{node.attr}")
        if isinstance(node, ast.ImportFrom) and node.module == "argparse":
            private += [f"line {node.lineno}: from argparse import {a.name}" for a in node.names]
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
        for target in targets:
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and \
                    target.value.id == "argparse":
                private.append(f"line {node.lineno}: assigns argparse.{target.attr}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id in ("setattr", "delattr") and node.args and \
                isinstance(node.args[0], ast.Name) and node.args[0].id == "argparse":
            private.append(f"line {node.lineno}: {node.func.id}(argparse, ...)")
    assert private == []
    with pytest.raises(SystemExit):
        main(["synth", "x", "--actors", "tien"])
    assert argparse._ is gettext.gettext  # argparse's own words untouched, during and after


ENGLISH = ("usage", "error", "invalid", "required", "arguments", "unrecognized", "choose",
           "expected", "positional", "options")


@pytest.mark.parametrize("argv, dutch", [
    (["validate", "haverdonk", "--onzin"], "relnet validate: fout: onbekende argumenten: --onzin"),
    (["report", "haverdonk"], "relnet report: fout: deze argumenten ontbreken: -o/--output"),
    (["survey", "make"], "relnet survey make: fout: deze argumenten ontbreken: PAD, MAP"),
    ([], "relnet: fout: deze argumenten ontbreken: OPDRACHT"),
    (["survey"], "relnet survey: fout: deze argumenten ontbreken: STAP"),
    (["--lang", "fr", "validate", "haverdonk"],
     "fout: argument --lang: ongeldige keuze: 'fr' (kies uit 'nl', 'en')"),
    (["synth", "x", "--style", "x"],
     "relnet synth: fout: argument --style: ongeldige keuze: 'x' (kies uit 'relational', "
     "'directive')"),
    (["synth", "x", "--actors", "tien"],
     "relnet synth: fout: argument --actors: ongeldige waarde: 'tien' (een heel getal "
     "verwacht)"),
    (["report", "haverdonk", "--wave", "2o17", "-o", "r.html"],
     "argument --wave: ongeldige waarde: '2o17'"),
    (["maak"], "relnet: fout: argument OPDRACHT: ongeldige keuze: 'maak' (kies uit 'validate'"),
    (["survey", "maak"], "relnet survey: fout: argument STAP: ongeldige keuze: 'maak'"),
    (["report", "haverdonk", "-o"], "relnet report: fout: argument -o/--output: verwacht één "
                                    "waarde"),
    (["convert", "a", "b", "--overwrite=ja"], "argument --overwrite: verwacht geen waarde"),
    (["--vers"], "relnet: fout: deze argumenten ontbreken: OPDRACHT"),  # no abbreviations
])
def test_cli_usage_errors_are_dutch_sentences(argv, dutch, capsys, tmp_path):
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 2
    out = capsys.readouterr()
    assert out.out == "" and out.err.startswith("gebruik: relnet")
    assert dutch in out.err
    for english in ENGLISH:
        assert english not in out.err.lower(), english
    assert not (tmp_path / "x").exists()


def test_cli_usage_errors_speak_english_when_asked(capsys, monkeypatch):
    with pytest.raises(SystemExit) as done:
        main(["synth", "x", "--actors", "tien", "--lang", "en"])  # --lang after the command
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: relnet synth")
    assert "relnet synth: error: argument --actors: invalid value: 'tien'" in err
    monkeypatch.setenv("RELNET_LANG", "en")
    with pytest.raises(SystemExit):
        main(["report", "haverdonk"])
    assert "the following arguments are required: -o/--output" in capsys.readouterr().err
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: relnet") and "show this help message and exit" in out


def test_cli_arguments_and_options_in_any_order(tmp_path, capsys):
    src = str(relnet.example_path("haverdonk"))
    assert main(["convert", src, "--overwrite", str(tmp_path / "a.xlsx")]) == 0
    assert main(["convert", "--lang", "en", src, str(tmp_path / "a.xlsx"), "--overwrite"]) == 0
    assert "wrote" in capsys.readouterr().out
    assert main(["new", "--name", "X", str(tmp_path / "n"), "--lang=en",
                 "--municipality", "Y"]) == 0
    assert relnet.validate(tmp_path / "n") == []


# ------------------------------------------------------------------ output paths and the salt


@pytest.mark.slow
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


def test_the_salt_can_stay_out_of_the_shell_history(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("RELNET_SALT", "geheim-en-lang-genoeg")
    assert run(["anonymize", "haverdonk", tmp_path / "a"], capsys)[0] == 0
    monkeypatch.delenv("RELNET_SALT")
    monkeypatch.setattr("getpass.getpass", lambda prompt: "geheim-en-lang-genoeg")
    assert run(["anonymize", "haverdonk", tmp_path / "b", "--ask-salt"], capsys)[0] == 0
    a, b = relnet.read_case(tmp_path / "a"), relnet.read_case(tmp_path / "b")
    pd.testing.assert_frame_equal(a.actors, b.actors)
    direct = relnet.anonymize(relnet.load_example("haverdonk"), "geheim-en-lang-genoeg")
    assert list(a.actors["id"]) == list(direct.actors["id"])


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
                        ["anonymize", path, tmp_path / f"{name}-anon", "--salt",
                         "k3Jx9-PqLm2vT7wZ-r3lnet"]):
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


@pytest.mark.parametrize("how", ["--salt ' '", "--salt 1234", "RELNET_SALT=", "RELNET_SALT=1234",
                                 "nothing"])
def test_a_salt_that_can_be_guessed_or_is_empty_is_refused_and_never_printed(
        how, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("RELNET_SALT", raising=False)
    extra = []
    if how.startswith("--salt"):
        extra = ["--salt", how.split(" ", 1)[1].strip("'")]
    elif how.startswith("RELNET_SALT="):
        monkeypatch.setenv("RELNET_SALT", how.split("=", 1)[1])
    code, text = run(["anonymize", "haverdonk", tmp_path / "a", *extra], capsys)
    assert code == 2 and not (tmp_path / "a").exists()
    assert "secrets" in text or "RELNET_SALT is empty" in text
    assert not re.search(r"salt: [0-9a-f]{16,}", text)  # no random salt made and shown


def test_a_good_salt_is_not_printed(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("RELNET_SALT", "k3Jx9-PqLm2vT7wZ-r3lnet")
    code, text = run(["anonymize", "haverdonk", tmp_path / "a"], capsys)
    assert code == 0 and "k3Jx9" not in text


# ------------------------------------------------------------------ round 3: consoles, names, crashes


def _cp1252_console(monkeypatch):
    """stdout and stderr as a Windows console in cp1252 has them (strict)."""
    import io

    out, err = io.BytesIO(), io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding="cp1252", errors="strict"))
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(err, encoding="cp1252", errors="strict"))

    def text():
        sys.stdout.flush()
        sys.stderr.flush()
        return out.getvalue().decode("cp1252") + err.getvalue().decode("cp1252")
    return text


def test_an_emoji_on_a_cp1252_console_does_not_cut_the_problem_list(tmp_path, monkeypatch):
    folder = write_case_files(tmp_path / "c", ties="source,target,type\ngem,zorg\U0001f600,x\n"
                                                   "gem,welz,steun\nwelz,nobody,steun\n")
    text = _cp1252_console(monkeypatch)
    assert main(["--lang", "en", "validate", str(folder)]) == 1
    shown = text()
    assert "3 problems" in shown and "\\U0001f600" in shown and "'nobody'" in shown


@pytest.mark.slow
def test_a_report_to_an_emoji_name_on_a_cp1252_console(tmp_path, monkeypatch):
    text = _cp1252_console(monkeypatch)
    out = tmp_path / "r\U0001f600.html"
    assert main(["--lang", "en", "report", "haverdonk", "-o", str(out)]) == 0
    assert out.exists() and "wrote" in text()


def test_convert_to_a_zip_writes_a_zip_and_to_a_csv_is_refused(tmp_path, capsys):
    code, _ = run(["convert", "haverdonk", tmp_path / "x.zip"], capsys)
    assert code == 0 and zipfile.is_zipfile(tmp_path / "x.zip")
    assert relnet.read_case(tmp_path / "x.zip").meta["municipality"] == "Haverdonk"
    code, text = run(["convert", "haverdonk", tmp_path / "x.csv"], capsys)
    assert code == 2 and "not as '.csv'" in text and not (tmp_path / "x.csv").exists()


@pytest.mark.slow
def test_an_export_folder_named_after_a_shipped_case_does_not_hide_it(tmp_path, capsys,
                                                                        monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "haverdonk").mkdir()
    (tmp_path / "haverdonk" / "haverdonk_netwerk.svg").write_text("<svg/>")  # an export
    code, text = run(["report", "haverdonk", "-o", tmp_path / "r.html"], capsys)
    assert code == 0, text
    assert "Haverdonk" in (tmp_path / "r.html").read_text()


@pytest.mark.slow
def test_a_full_disk_during_convert_overwrite_is_a_message_not_a_traceback(tmp_path):
    target = tmp_path / "h.xlsx"
    relnet.write_case(relnet.load_example("haverdonk"), target)
    before = snapshot(target)
    script = ("import resource, signal, sys\n"
              "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
              "from relnet.cli import main\n"
              "resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))  # the disk is full\n"
              f"sys.exit(main(['--lang', 'en', 'convert', 'lindermeer', {str(target)!r}, "
              "'--overwrite']))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert f"could not write or read {target}: File too large" in done.stderr
    assert snapshot(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.xlsx"]


INTERRUPTED = """
import os, signal, sys
from relnet.data import _atomic
from relnet.present import export

def terminate(name):
    if name == sys.argv[1]:
        os.kill(os.getpid(), signal.SIGTERM)

_atomic.crash_point = terminate
real = export.tables_bytes
export.tables_bytes = lambda *a: (terminate("export"), real(*a))[1]
from relnet.cli import main
sys.exit(main(["--lang", "en", *sys.argv[2:]]))
"""


@pytest.mark.slow
@pytest.mark.parametrize("command", ["convert", "export"])
def test_sigterm_leaves_no_temporary_files_and_nothing_that_blocks_the_next_run(tmp_path,
                                                                                command):
    target = tmp_path / ("out.xlsx" if command == "convert" else "export")
    args = [command, "haverdonk", str(target)]
    point = "written" if command == "convert" else "export"
    done = subprocess.run([sys.executable, "-c", INTERRUPTED, point, *args],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 130 and "interrupted" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    leftovers = sorted(p.name for p in tmp_path.rglob("*"))
    assert leftovers == (["export"] if command == "export" else [])
    code = main(["--lang", "en", *args])  # the same command again
    assert code == 0


def test_survey_make_takes_deadline_contact_and_key_and_collect_says_what_it_found(
        tmp_path, capsys, monkeypatch):
    import openpyxl

    monkeypatch.delenv("RELNET_SURVEY_KEY", raising=False)
    sent = tmp_path / "uit"
    assert main(["survey", "make", "haverdonk", str(sent), "--deadline", "15 maart 2027",
                 "--contact", "Sanne (s.devries@example.nl)", "--key",
                 "een-lange-sleutel-van-de-test"]) == 0
    capsys.readouterr()
    first = sorted(sent.glob("*.xlsx"))[0]
    sheet = openpyxl.load_workbook(first)["vragenlijst"]
    header = " ".join(str(c.value) for row in sheet.iter_rows(max_row=9) for c in row
                      if c.value is not None)
    assert "15 maart 2027" in header and "s.devries@example.nl" in header
    # nothing filled in: collecting with the same key reads every file, finds no response
    assert main(["survey", "collect", "haverdonk", str(sent), "-o", str(tmp_path / "c"),
                 "--key", "een-lange-sleutel-van-de-test"]) == 1
    said = capsys.readouterr()
    assert "ingevuld" in (said.out + said.err).lower() or "onveranderd" in \
        (said.out + said.err).lower()
    assert not (tmp_path / "c").exists()


@pytest.mark.slow
def test_survey_collect_lists_unchanged_returns_and_skipped_files(tmp_path, capsys,
                                                                  monkeypatch):
    import shutil

    from relnet import survey

    monkeypatch.setenv("RELNET_SURVEY_KEY", "een-lange-sleutel-van-de-test")
    case = relnet.load_example("haverdonk")
    sent, back = tmp_path / "uit", tmp_path / "terug"
    paths = survey.make_questionnaires(case, sent)
    survey.simulate_answers(case, sent, back, silent=[])
    blank = sorted(sent.glob("*.xlsx"))[0]
    shutil.copy(blank, back / blank.name)  # one respondent sends it back unchanged
    (back / "._mac.xlsx").write_bytes(b"\0\0")
    assert main(["survey", "collect", "haverdonk", str(back), "-o", str(tmp_path / "c")]) == 0
    out = capsys.readouterr().out
    assert "1 vragenlijst(en) kwam(en) onveranderd terug" in out and blank.name in out
    assert "1 bestand(en) niet gelezen" in out and "._mac.xlsx" in out
    assert len(paths) == len(list(sent.glob("*.xlsx")))


# ------------------------------------------------------------------ review of round 3


@pytest.mark.parametrize("salt", ["abcdef          g", "1234567890123456", "wachtwoord123456",
                                  "haverdonkhaverdonk", "Haverdonk-k3Jx9-PqLm2vT7wZ"])
def test_a_salt_with_inner_spaces_or_guessable_is_refused_and_not_printed(
        salt, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("RELNET_SALT", salt)
    code, text = run(["anonymize", "haverdonk", tmp_path / "a"], capsys)
    assert code == 2 and not (tmp_path / "a").exists()
    assert "secrets.token_urlsafe(24)" in text and salt not in text


def test_convert_into_the_current_folder_is_refused_in_a_sentence(tmp_path, capsys,
                                                                  monkeypatch):
    relnet.write_case(relnet.load_example("haverdonk"), tmp_path / "c")
    before = snapshot(tmp_path)
    monkeypatch.chdir(tmp_path / "c")
    code, text = run(["convert", "haverdonk", ".", "--overwrite"], capsys)
    assert code == 1 and "is the folder you are in" in text and ".tmp" not in text
    code, text = run(["convert", "haverdonk", str(tmp_path), "--overwrite"], capsys)  # around
    assert code == 1 and "is the folder you are in" in text
    assert snapshot(tmp_path) == before


def test_a_folder_with_other_files_is_named_when_refused(tmp_path, capsys):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "x.txt").write_text("mine")
    code, text = run(["convert", "haverdonk", tmp_path / "notes", "--overwrite"], capsys)
    assert code == 1 and (tmp_path / "notes" / "x.txt").read_text() == "mine"
    assert f"relnet: {tmp_path / 'notes'} holds files that are not part of a case (x.txt)" \
        in text and "could not write" not in text

"""Writing atomically (relnet/data/_atomic.py): a failed swap keeps the previous version, the
umask is left alone, written files get the user's permissions."""

import os

import pytest
from conftest import snapshot

import relnet


def test_failed_folder_swap_keeps_the_previous_version(tmp_path, monkeypatch):
    target = tmp_path / "out"
    relnet.write_case(relnet.load_example("haverdonk"), target)
    before = snapshot(target)
    real = os.replace
    calls = []

    def second_rename_fails(src, dst):
        calls.append((src, dst))
        if len(calls) == 2:  # parking the old version worked; putting the new one fails
            raise OSError("disk full")
        return real(src, dst)

    from relnet.data import _atomic

    monkeypatch.setattr(_atomic, "_exchange", lambda a, b: False)  # the parking way
    monkeypatch.setattr(os, "replace", second_rename_fails)
    with pytest.raises(OSError, match="disk full"):
        relnet.write_case(relnet.load_example("lindermeer"), target, overwrite=True)
    monkeypatch.setattr(os, "replace", real)
    assert snapshot(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_writing_does_not_touch_the_umask(tmp_path, monkeypatch):
    def forbidden(*args):
        raise AssertionError("os.umask changes the whole process")

    monkeypatch.setattr(os, "umask", forbidden)
    relnet.write_case(relnet.load_example("haverdonk"), tmp_path / "c.xlsx")
    relnet.plot.save_figure(relnet.plot.goal_tree_plot(relnet.load_example("haverdonk")),
                            tmp_path / "tree.svg")
    assert (tmp_path / "c.xlsx").exists() and (tmp_path / "tree.svg").exists()


def test_written_files_get_the_users_permissions(tmp_path):
    out = tmp_path / "c.xlsx"
    relnet.write_case(relnet.load_example("haverdonk"), out)
    reference = tmp_path / "plain.txt"
    reference.write_text("x")
    assert (out.stat().st_mode & 0o777) == (reference.stat().st_mode & 0o777)



# ------------------------------------------------------------------ round 3: a crash mid-write

CONVERT = """
import sys
from relnet.data import _atomic
if sys.argv[1] == "park":
    _atomic._exchange = lambda a, b: False  # a system without an atomic folder exchange
from relnet.cli import main
sys.exit(main(["--lang", "en", "convert", sys.argv[2], sys.argv[3], "--overwrite"]))
"""


def _convert_killed_at(point, src, dst, how="exchange"):
    import signal
    import subprocess
    import sys

    env = {**os.environ, "RELNET_CRASH_AT": point}
    done = subprocess.run([sys.executable, "-c", CONVERT, how, str(src), str(dst)], env=env,
                          capture_output=True, timeout=120)
    return done.returncode == -signal.SIGKILL


@pytest.mark.slow
@pytest.mark.parametrize("target", ["out.xlsx", "out"])
@pytest.mark.parametrize("point,how", [("written", "exchange"), ("swapped", "exchange"),
                                       ("written", "park"), ("parked", "park"),
                                       ("swapped", "park")])
def test_kill_9_during_convert_overwrite_leaves_a_whole_case(tmp_path, target, point, how):
    target = tmp_path / target
    relnet.write_case(relnet.load_example("haverdonk"), target)
    killed = _convert_killed_at(point, relnet.example_path("lindermeer"), target, how)
    if point == "parked" and target.suffix == ".xlsx":
        assert not killed  # a file is replaced in one rename: nothing is parked
    else:
        assert killed
    # at the target now: the old version or the new one, whole; after a kill between
    # parking and moving in (no atomic exchange), the next write or read puts it back
    municipality = relnet.read_case(target).meta["municipality"]
    expected = "Lindermeer" if point == "swapped" or not killed else "Haverdonk"
    assert municipality == expected
    # the next run cleans up what the killed one left and writes the new version
    relnet.write_case(relnet.load_example("lindermeer"), target, overwrite=True)
    assert relnet.read_case(target).meta["municipality"] == "Lindermeer"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_a_folder_is_exchanged_in_one_step(tmp_path, monkeypatch):
    from relnet.data import _atomic

    target = tmp_path / "out"
    relnet.write_case(relnet.load_example("haverdonk"), target)
    calls = []
    real = _atomic._exchange
    monkeypatch.setattr(_atomic, "_exchange", lambda a, b: calls.append(b) or real(a, b))
    monkeypatch.setattr(os, "replace", lambda *a: pytest.fail("a folder was parked"))
    relnet.write_case(relnet.load_example("lindermeer"), target, overwrite=True)
    assert calls == [target]
    assert relnet.read_case(target).meta["municipality"] == "Lindermeer"


def test_leftovers_of_a_process_that_is_gone_are_removed_not_those_of_a_live_one(tmp_path):
    from relnet.data._atomic import recover

    target = tmp_path / "out.xlsx"
    gone = tmp_path / ".out.xlsx.999999999.abc.tmp"
    live = tmp_path / f".out.xlsx.{os.getpid()}.abc.tmp"
    gone.mkdir()
    live.mkdir()
    (gone / "out.xlsx").write_text("half")
    assert recover(target) is False
    assert not gone.exists() and live.exists()

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

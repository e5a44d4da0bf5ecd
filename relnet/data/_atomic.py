"""The one way relnet writes anything: under a temporary name next to the target, then renamed.

A failure while writing leaves the target as it was; an existing target is refused unless
``overwrite=True``, and when it is replaced, the previous version is parked and removed only
after the new one is in place (put back if the rename fails). Files get the permissions the
user's umask gives (the writer creates them as usual); nothing changes the process's umask.
"""

import errno
import os
import shutil
import tempfile
from pathlib import Path

__all__ = ["atomic_write", "TargetExistsError", "check_target"]


class TargetExistsError(FileExistsError):
    """The target of a write exists and ``overwrite`` was not given.

    The command line words this with its ``--overwrite`` flag; Python callers read the
    message with ``overwrite=True``.
    """

    def __init__(self, path):
        self.path = Path(path)
        super().__init__(f"{self.path} already exists; pass overwrite=True to replace it")


def check_target(path, overwrite=False, kind="file"):
    """Refuse a target that exists (unless `overwrite`) or that is of the other kind.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> check_target(folder / "new.html")
    >>> check_target(folder, overwrite=True)
    Traceback (most recent call last):
    IsADirectoryError: ... is a folder; give the path of a file to write
    """
    path = Path(path)
    if not (path.exists() or path.is_symlink()):
        return
    if kind == "file" and path.is_dir():
        raise IsADirectoryError(f"{path} is a folder; give the path of a file to write")
    if kind == "folder" and not path.is_dir():
        raise NotADirectoryError(f"{path} is a file, not a folder; give the path of a folder "
                                 "to write")
    if not overwrite:
        raise TargetExistsError(path)


def atomic_write(path, write, overwrite=False, kind="file"):
    """Call ``write(staged)`` and move the result to `path`; returns `path`.

    ``staged`` has the target's name (writers such as Excel's choose the format by the
    suffix) inside a fresh temporary folder next to the target, so the final rename stays on
    one file system. `write` creates a file (``kind="file"``) or a folder
    (``kind="folder"``) there.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "note.txt"
    >>> _ = atomic_write(out, lambda p: p.write_text("hallo"))
    >>> out.read_text()
    'hallo'
    >>> atomic_write(out, lambda p: p.write_text("weg"))
    Traceback (most recent call last):
    relnet.data._atomic.TargetExistsError: ... already exists; pass overwrite=True to replace it
    >>> def fail(p):
    ...     raise OSError("disk full")
    >>> atomic_write(out, fail, overwrite=True)
    Traceback (most recent call last):
    OSError: disk full
    >>> out.read_text(), sorted(p.name for p in out.parent.iterdir())
    ('hallo', ['note.txt'])
    """
    path = Path(path)
    check_target(path, overwrite, kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=path.parent))
    staged = Path(temp, path.name)
    parked = None
    keep_temp = False
    try:
        write(staged)
        if not (staged.exists() or staged.is_symlink()):
            raise FileNotFoundError(errno.ENOENT, "the writer wrote nothing", str(staged))
        if path.exists() or path.is_symlink():
            parked = Path(temp, ".previous")
            os.replace(path, parked)
        try:
            os.replace(staged, path)
        except BaseException:
            if parked is not None:
                try:
                    os.replace(parked, path)
                except OSError:  # pragma: no cover - a second failure on the same folder
                    keep_temp = True
                    raise OSError(errno.EIO, "could not write the new version nor put the "
                                  f"previous one back; it is kept in {parked}") from None
            raise
    finally:
        if not keep_temp:
            shutil.rmtree(temp, ignore_errors=True)
    return path

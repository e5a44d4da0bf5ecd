"""The one way relnet writes anything: under a temporary name next to the target, then renamed.

A failure while writing leaves the target as it was; an existing target is refused unless
``overwrite=True``. At every moment either the old or the new version is at the target, even
when the process is killed (kill -9, a power cut): a file is replaced by one rename, which
the operating system does at once; a folder by exchanging the two folders in one step
(Linux's ``renameat2(RENAME_EXCHANGE)``). Where that is not available, the previous folder
is parked in the temporary folder and removed only after the new one is in place; if the
process dies between the two renames, the next write to that target (or the next read of
it) puts the previous version back. Temporary folders of a process that no longer runs are
removed by the next write next to them. Files get the permissions the user's umask gives;
nothing changes the process's umask.
"""

import ctypes
import errno
import os
import re
import shutil
import signal
import sys
import tempfile
from pathlib import Path

__all__ = ["atomic_write", "TargetExistsError", "CurrentFolderError", "check_target", "recover",
           "crash_point", "temp_folder"]

# Tests kill the writer at a named point (RELNET_CRASH_AT=written|parked|swapped) to prove
# that the target is whole whatever the moment; nothing else sets it.
CRASH_VARIABLE = "RELNET_CRASH_AT"
_PARKED = ".previous"


class TargetExistsError(FileExistsError):
    """The target of a write exists and ``overwrite`` was not given.

    The command line words this with its ``--overwrite`` flag; Python callers read the
    message with ``overwrite=True``.
    """

    def __init__(self, path):
        self.path = Path(path)
        super().__init__(f"{self.path} already exists; pass overwrite=True to replace it")


class CurrentFolderError(OSError):
    """The target of a write is the current folder or a folder around it (``relnet convert
    x .`` run inside a case folder): it cannot be replaced while a program stands in it."""

    def __init__(self, path):
        self.path = Path(path)
        super().__init__(errno.EBUSY, f"{self.path} is the current folder (or holds it); "
                         "relnet cannot replace the folder you are in: go to the folder "
                         "above it (cd ..) or choose another target", str(self.path))

    def __str__(self):
        return self.strerror


def _holds_current_folder(path):
    try:
        here, target = Path.cwd().resolve(), Path(path).resolve()
    except OSError:  # the current folder was removed
        return False
    return here == target or target in here.parents


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
    if kind == "folder" and _holds_current_folder(path):
        raise CurrentFolderError(path)
    if not overwrite:
        raise TargetExistsError(path)


def crash_point(name):
    """Kill this process with SIGKILL when RELNET_CRASH_AT names this point (tests only)."""
    if os.environ.get(CRASH_VARIABLE) == name:  # pragma: no cover - the process dies
        os.kill(os.getpid(), signal.SIGKILL)


def _temp_prefix(path):
    return f".{path.name[:40]}."


def temp_folder(path):
    """A fresh temporary folder next to `path`, named with this process's id, so that the
    next run can tell a leftover (its process is gone) from a write under way."""
    return Path(tempfile.mkdtemp(prefix=f"{_temp_prefix(path)}{os.getpid()}.", suffix=".tmp",
                                 dir=path.parent))


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def recover(path):
    """Put back the previous version of `path` when a killed write left it parked, and remove
    the temporary folders that writes to `path` by processes no longer running left behind.
    Returns True when a previous version was put back."""
    path = Path(path)
    restored = False
    try:
        leftovers = list(path.parent.glob(f"{glob_escape(_temp_prefix(path))}*.tmp"))
    except OSError:
        return False
    for temp in leftovers:
        match = re.fullmatch(re.escape(_temp_prefix(path)) + r"(\d+)\..*\.tmp", temp.name)
        if not match or not temp.is_dir() or _alive(int(match.group(1))):
            continue
        parked = temp / _PARKED
        if (parked.exists() or parked.is_symlink()) and not (path.exists() or
                                                               path.is_symlink()):
            try:
                os.replace(parked, path)
                restored = True
            except OSError:  # pragma: no cover - leave it for a person to find
                continue
        shutil.rmtree(temp, ignore_errors=True)
    return restored


def glob_escape(text):
    """`text` with glob's special characters taken literally."""
    return re.sub(r"([*?\[])", r"[\1]", text)


def _exchange(a, b):
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where the system
    or the file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(str(a)), at_fdcwd, os.fsencode(str(b)),
                 rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), str(b))


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
    if path.parent.exists():
        recover(path)
    check_target(path, overwrite, kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = temp_folder(path)
    staged = Path(temp, path.name)
    keep_temp = False
    try:
        write(staged)
        if not (staged.exists() or staged.is_symlink()):
            raise FileNotFoundError(errno.ENOENT, "the writer wrote nothing", str(staged))
        crash_point("written")
        exists = path.exists() or path.is_symlink()
        if not exists or not staged.is_dir() or path.is_symlink() or not path.is_dir():
            os.replace(staged, path)  # one step: a file over a file, or into a free name
        elif not _exchange(staged, path):
            parked = Path(temp, _PARKED)
            os.replace(path, parked)
            crash_point("parked")
            try:
                os.replace(staged, path)
            except BaseException:
                try:
                    os.replace(parked, path)
                except OSError:  # pragma: no cover - a second failure on the same folder
                    keep_temp = True
                    raise OSError(errno.EIO, "could not write the new version nor put the "
                                  f"previous one back; it is kept in {parked}") from None
                raise
        crash_point("swapped")
    except OSError as exc:
        if exc.errno is not None and not exc.filename:  # a full disk names the target
            exc.filename = str(path)
        raise
    finally:
        if not keep_temp:
            shutil.rmtree(temp, ignore_errors=True)
    return path

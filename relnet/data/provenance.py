"""Where a result comes from: a checksum of the case's input, so that a report can be
reproduced (the report's provenance table and footer)."""

import hashlib
from pathlib import Path

__all__ = ["input_checksum"]

_CHUNK = 1 << 20


def _file_digest(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest


def input_checksum(case):
    """The sha256 of the case's input, and whether it was taken over files.

    A case read from a workbook or a zip: the sha256 of that file (what ``sha256sum``
    prints). A case folder: the sha256 over its files in name order (each file's relative
    path and its own sha256; hidden files such as ``.DS_Store`` left out), so renaming,
    adding or changing any case file changes it. A case built in memory: the sha256 of its
    content (case.yaml as sorted YAML, each table as CSV), and ``False``.

    Returns
    -------
    (str, bool)
        The hex digest, and True when it was taken over the files the case was read from.

    Examples
    --------
    >>> import relnet
    >>> digest, from_files = input_checksum(relnet.load_example("haverdonk"))
    >>> len(digest), from_files
    (64, True)
    """
    source = Path(case.source) if getattr(case, "source", None) else None
    if source is not None and source.is_file():
        return _file_digest(source).hexdigest(), True
    if source is not None and source.is_dir():
        digest = hashlib.sha256()
        for path in sorted(source.rglob("*")):
            relative = path.relative_to(source)
            if path.is_file() and not any(part.startswith(".") for part in relative.parts):
                digest.update(relative.as_posix().encode("utf-8") + b"\0")
                digest.update(_file_digest(path).digest())
        return digest.hexdigest(), True
    import yaml

    digest = hashlib.sha256()
    digest.update(yaml.safe_dump(case.meta, sort_keys=True, allow_unicode=True,
                                 default_flow_style=False).encode("utf-8"))
    for name, table in case.tables.items():
        digest.update(f"\0{name}\0".encode())
        digest.update(table.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    return digest.hexdigest(), False

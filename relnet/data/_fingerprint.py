"""A content hash of a whole case.

Analyses cache their results by the content of the case they were given (every table, every
column, and `meta`), never by the object: an analyst who edits a table in place, adds a
column, or copies a case always gets results for what the case holds now.

Each public call fingerprints a case once (`relnet.data._memo.entry_point`); nothing is
remembered by the identity of a table or its arrays, so no way of editing a table in place
can go unseen.
"""

import hashlib
import json

import numpy as np
import pandas as pd

__all__ = ["fingerprint", "table_digest"]


def _hash(frame):
    digest = hashlib.sha1()
    digest.update(repr((list(map(str, frame.columns)), list(map(str, frame.dtypes)),
                        len(frame))).encode())
    if not frame.shape[1] or not len(frame):
        return digest.hexdigest()
    try:  # one pass over the whole table: a hash per row that combines its cells
        hashed = pd.util.hash_pandas_object(frame, index=False).to_numpy()
    except TypeError:  # unhashable cells (lists) in an extra column: by their text
        hashed = pd.util.hash_pandas_object(frame.map(repr), index=False).to_numpy()
    digest.update(np.ascontiguousarray(hashed).tobytes())
    return digest.hexdigest()


def table_digest(frame):
    """The content hash of one table."""
    if not isinstance(frame, pd.DataFrame):
        return f"not a table: {type(frame).__name__}"
    return _hash(frame)


def _plain(value):
    """meta as JSON can take it whatever its keys: a key is written as its repr (so 2015 and
    "2015" stay apart and keys of mixed types can be sorted), containers recursively."""
    if isinstance(value, dict):
        return {repr(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    return value


def fingerprint(case):
    """The content hash of a case: every table (all columns) and `meta`.

    >>> import relnet
    >>> a = relnet.load_example("haverdonk")
    >>> b = a.copy()
    >>> fingerprint(a) == fingerprint(b)
    True
    >>> b.ties.loc[0, "weight"] = b.ties.loc[0, "weight"] + 1
    >>> fingerprint(a) == fingerprint(b)
    False
    >>> b.meta[2015], b.meta["2015"] = "a key that is a number", "a key that is text"
    >>> len(fingerprint(b))
    40
    """
    from .case import TABLES

    digest = hashlib.sha1()
    for table in TABLES:
        digest.update(table_digest(getattr(case, table)).encode())
    digest.update(json.dumps(_plain(case.meta), sort_keys=True, default=repr).encode())
    return digest.hexdigest()

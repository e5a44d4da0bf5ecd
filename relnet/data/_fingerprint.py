"""A content hash of a whole case, cheap to ask for again and again.

Analyses cache their results by the content of the case they were given (every table, every
column, and `meta`), never by the object: an analyst who edits a table in place, adds a
column, or copies a case always gets results for what the case holds now.

Hashing every column of a national case takes a while, so a table's hash is remembered
together with the identities of its column arrays. That is sound because pandas works
copy-on-write: while this module holds a (shallow) copy of a table, any in-place edit of
the original makes pandas copy the edited data first, so the edited table's arrays change
identity and its hash is computed again. A table that is not remembered is hashed in full.
"""

import hashlib
import json
from collections import OrderedDict

import numpy as np
import pandas as pd

__all__ = ["fingerprint", "table_digest"]

_MEMO = OrderedDict()  # id(frame) -> (shallow copy, signature, digest)
_MEMO_SIZE = 64


def _signature(frame):
    """The identities of a table's parts: the same while its content cannot have changed."""
    parts = [id(frame.index), tuple(map(str, frame.columns)), tuple(map(str, frame.dtypes))]
    for position in range(frame.shape[1]):
        values = frame.iloc[:, position].array
        if isinstance(values, pd.arrays.NumpyExtensionArray):
            parts.append(values.to_numpy().__array_interface__["data"][0])
        else:
            parts.append(id(values))
    return tuple(parts)


def _hash(frame):
    digest = hashlib.sha1()
    digest.update(repr((list(map(str, frame.columns)), list(map(str, frame.dtypes)),
                        len(frame))).encode())
    for position in range(frame.shape[1]):
        column = frame.iloc[:, position]
        try:
            hashed = pd.util.hash_pandas_object(column, index=False).to_numpy()
        except TypeError:  # unhashable cells (lists) in an extra column: by their text
            hashed = pd.util.hash_pandas_object(column.map(repr), index=False).to_numpy()
        digest.update(np.ascontiguousarray(hashed).tobytes())
    return digest.hexdigest()


def table_digest(frame):
    """The content hash of one table (remembered while its arrays stay the same)."""
    if not isinstance(frame, pd.DataFrame):
        return f"not a table: {type(frame).__name__}"
    key = id(frame)
    signature = _signature(frame)
    found = _MEMO.get(key)
    if found is not None and found[1] == signature:
        _MEMO.move_to_end(key)
        return found[2]
    digest = _hash(frame)
    # the shallow copy keeps the arrays alive: their identities cannot be reused
    _MEMO[key] = (frame.copy(deep=False), signature, digest)
    _MEMO.move_to_end(key)
    while len(_MEMO) > _MEMO_SIZE:
        _MEMO.popitem(last=False)
    return digest


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
    """
    from .case import TABLES

    digest = hashlib.sha1()
    for table in TABLES:
        digest.update(table_digest(getattr(case, table)).encode())
    digest.update(json.dumps(case.meta, sort_keys=True, default=repr).encode())
    return digest.hexdigest()

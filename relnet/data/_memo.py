"""relnet's one cache, and the door every public call goes through once.

**The cache.** Key: the *content fingerprint* of a case (`fingerprint`: every table, every
column and `meta`; never the object, so an in-place edit, an added column or a copy with
other metadata is another key). Value: an `Entry` with

- ``normal``: the case to analyse, in the contract's form (Dutch terms as English keys,
  types and defaults filled), or None when the content is in that form already (relnet
  read or built it) and any case object of that content is analysed as it is;
- ``checked``: whether the contract was checked (or the content is trusted);
- ``writable``: whether the keys that case.yaml requires were checked too;
- ``snapshots``: (wave, types, confirmed_only) -> the graphs and results of that selection
  (`relnet.network._cache.Snapshot`), filled by the network layer.

At most `SIZE` entries are kept, the least recently used going first. Beside them, relnet
remembers the fingerprints of contents it read from files or built itself (`trusted`, up to
`TRUSTED_SIZE`), so that such a case stays valid when its entry is evicted or the cache is
cleared (a published network relnet turned into a case may have weights beyond the
contract's scale).

**The door.** `entry_point` marks one public call. Inside it a case object is fingerprinted
and checked once, however often the call's own helpers and the public functions it calls
ask for it (scikit-learn's "skip nested validation"): a report checks its case once, not a
hundred times. An analyst's registered metric that calls back into relnet runs inside the
same door. Outside any public call nothing is remembered by object identity.
"""

import contextlib
import contextvars
from collections import OrderedDict
from dataclasses import dataclass, field

from ._fingerprint import fingerprint

__all__ = ["Entry", "entry", "entry_point", "trusted", "clear", "SIZE", "COUNTS"]

SIZE = 32
TRUSTED_SIZE = 4096
_CACHE = OrderedDict()  # fingerprint -> Entry
_TRUSTED = OrderedDict()  # fingerprint -> None: contents read from files or built by relnet
# id(case) -> (case, Entry) for the public call under way (None outside any call)
_CALL = contextvars.ContextVar("relnet_call", default=None)
# How often the expensive steps ran in this process: read by tests and the benchmark.
COUNTS = {"fingerprint": 0, "check": 0}


@dataclass
class Entry:
    normal: object = None
    checked: bool = False
    writable: bool = False
    snapshots: dict = field(default_factory=dict)


def _store(key, found):
    _CACHE[key] = found
    _CACHE.move_to_end(key)
    while len(_CACHE) > SIZE:
        _CACHE.popitem(last=False)
    return found


def entry(case):
    """The cache entry of `case`'s content (new and empty when not seen before)."""
    call = _CALL.get()
    if call is not None and id(case) in call and call[id(case)][0] is case:
        return call[id(case)][1]
    COUNTS["fingerprint"] += 1
    key = fingerprint(case)
    found = _CACHE.get(key)
    if found is None:
        trusted = key in _TRUSTED
        found = _store(key, Entry(checked=trusted, writable=trusted))
    else:
        _CACHE.move_to_end(key)
    if call is not None:
        call[id(case)] = (case, found)
    return found


def trusted(case):
    """Remember `case`'s content as valid and in the contract's form (kept apart from the
    cache, so that eviction or `clear` does not forget it)."""
    key = fingerprint(case)
    _TRUSTED[key] = None
    _TRUSTED.move_to_end(key)
    while len(_TRUSTED) > TRUSTED_SIZE:
        _TRUSTED.popitem(last=False)
    return key


@contextlib.contextmanager
def entry_point():
    """Mark a public call: nested calls share what it learned about its cases."""
    if _CALL.get() is not None:
        yield
        return
    token = _CALL.set({})
    try:
        yield
    finally:
        _CALL.reset(token)


def clear():
    """Forget every cached case, its checks and its snapshots (not which contents relnet
    itself read or built: those stay valid)."""
    _CACHE.clear()

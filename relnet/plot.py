"""`import relnet.plot`: the same module as `relnet.present.plot` (one object, not a copy)."""

import sys

from .present import plot as _module

sys.modules[__name__] = _module

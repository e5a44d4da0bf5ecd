"""`import relnet.export`: the same module as `relnet.present.export` (one object, not a copy)."""

import sys

from .present import export as _module

sys.modules[__name__] = _module

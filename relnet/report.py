"""`import relnet.report`: the same module as `relnet.present.report` (one object, not a copy)."""

import sys

from .present import report as _module

sys.modules[__name__] = _module

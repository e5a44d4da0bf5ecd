"""`import relnet.widgets`: the same module as `relnet.present.widgets` (one object)."""

import sys

from .present import widgets as _module

sys.modules[__name__] = _module

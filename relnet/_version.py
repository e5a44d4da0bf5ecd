"""relnet's version, as installed (the bottom layer: every layer may import it)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("relnet")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

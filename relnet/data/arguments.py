"""The arguments every analysis shares, handled in one place: case, wave, types, lang.

`analysis` wraps a function whose first argument is a `Case`: the case is checked against
the contract once per public call (`relnet.data._memo`) and the function gets it as read
back from files (Dutch terms as English keys, the contract's types and defaults; see
`relnet.data._inmemory`), ``wave=None`` becomes the latest wave (an unknown wave is a
ValueError naming the case's waves), ``types`` becomes a tuple of English tie-type keys
(None: all types) and ``lang=None`` the default language (an unknown one is a ValueError
naming the languages relnet speaks).
"""

import functools
import inspect
import warnings

from .._docs import shared
from . import _memo
from ._inmemory import check_case
from .vocab import TIE_TYPES, normalise

__all__ = ["analysis", "normalise_types", "renamed", "REMOVED_IN"]


def normalise_types(types):
    """Tie types to select (English or Dutch, a string or a list) as English keys; None = all.

    >>> normalise_types("samenwerking")
    ('collaboration',)
    >>> normalise_types(["funding", "steun"])
    ('funding', 'support')
    >>> normalise_types("vriendschap")
    Traceback (most recent call last):
    ValueError: 'vriendschap' is not a tie type; accepted: collaboration, funding, contract,
    governance, information, referral, support (Dutch: samenwerking, financiering, inkoop,
    zeggenschap, informatie, doorverwijzing, steun)
    """
    if types is None:
        return None
    if isinstance(types, str):
        types = [types]
    keys = []
    for t in types:
        key = normalise(t, TIE_TYPES)
        if key is None:
            listing = (f"{', '.join(TIE_TYPES)} (Dutch: {', '.join(TIE_TYPES.values())})")
            raise ValueError(f"'{t}' is not a tie type; accepted: {listing}")
        keys.append(key)
    return tuple(sorted(set(keys), key=list(TIE_TYPES).index))


REMOVED_IN = "0.3.0"  # the release that drops what 0.2.0 deprecates


def _deprecated(message):
    """Warn at the first frame outside relnet: the user's own line."""
    import os
    import sys

    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    level, frame = 2, sys._getframe(1)  # stacklevel 2 is the caller of _deprecated
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(
            package + os.sep):
        frame, level = frame.f_back, level + 1
    warnings.warn(f"{message}; this stops working in relnet {REMOVED_IN}",
                  DeprecationWarning, stacklevel=level)


def renamed(**old_to_new):
    """Decorate a function whose parameters were renamed in 0.2.0: an old name still works,
    with a DeprecationWarning naming the new one (until 0.3.0).

    >>> import warnings
    >>> @renamed(size="size_by")
    ... def draw(*, size_by="degree"):
    ...     return size_by
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     draw(size="pagerank"), str(caught[0].message).split(";")[0]
    ('pagerank', "draw(): 'size' is now called 'size_by'")
    """
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for old, new in old_to_new.items():
                if old in kwargs:
                    if new in kwargs:
                        raise TypeError(f"{fn.__name__}() got both '{old}' and '{new}'")
                    _deprecated(f"{fn.__name__}(): '{old}' is now called '{new}'")
                    kwargs[new] = kwargs.pop(old)
            return fn(*args, **kwargs)

        return wrapper

    return decorate


def analysis(fn=None, *, legacy=None, dropped=()):
    """Decorate a public function of a case: the one door (`relnet.data._memo`).

    The case is checked against the contract once per public call (nested calls reuse the
    check), ``wave=None`` becomes the latest wave (an unknown wave is a ValueError naming
    the case's waves), ``types`` a tuple of English tie-type keys (None: all types) and, in
    the presentation layer, ``lang=None`` the default language.

    Options after the case are keyword-only. Passing them by position still works for one
    release, with a DeprecationWarning; `legacy` gives their old positional order when it
    differs from the keyword-only order. Names in `dropped` (``lang`` of the analyses,
    which now return keys) are accepted with a DeprecationWarning and ignored.

    >>> @analysis
    ... def show(case, *, wave=None, types=None, lang=None):
    ...     return wave, types, lang
    >>> import relnet
    >>> show(relnet.load_example("haverdonk"), types="steun")
    (2017, ('support',), 'nl')
    """
    if fn is None:
        return functools.partial(analysis, legacy=legacy, dropped=dropped)
    shared(fn)  # the shared parameter descriptions (relnet._docs) into its docstring
    signature = inspect.signature(fn)
    parameters = list(signature.parameters.values())
    names = set(signature.parameters)
    first = parameters[0].name
    n_positional = sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
                       for p in parameters)
    keyword_only = [p.name for p in parameters if p.kind == p.KEYWORD_ONLY]
    order = list(legacy) if legacy is not None else keyword_only

    @functools.wraps(fn)
    def wrapper(case, *args, **kwargs):
        if len(args) >= n_positional:
            surplus = args[n_positional - 1:]
            args = args[:n_positional - 1]
            if len(surplus) > len(order):
                raise TypeError(f"{fn.__name__}() takes {n_positional} positional "
                                f"arguments but {n_positional + len(surplus)} were given")
            moved = dict(zip(order, surplus))
            _deprecated(f"{fn.__name__}(): pass {', '.join(moved)} by keyword "
                        f"({', '.join(f'{k}=...' for k in moved)})")
            for name, value in moved.items():
                if name in kwargs:
                    raise TypeError(f"{fn.__name__}() got multiple values for '{name}'")
                kwargs[name] = value
        for name in dropped:
            if name in kwargs:
                kwargs.pop(name)
                _deprecated(f"{fn.__name__}(): '{name}' is ignored, the function returns "
                            f"keys; relnet.show() and the report put them into words")
        with _memo.entry_point():
            bound = signature.bind(check_case(case), *args, **kwargs)
            bound.apply_defaults()
            case = bound.arguments[first]
            arguments = bound.arguments
            if "wave" in names:
                arguments["wave"] = case.resolve_wave(arguments["wave"])
            if "types" in names:
                arguments["types"] = normalise_types(arguments["types"])
            if "lang" in names:
                from .. import i18n

                arguments["lang"] = i18n.resolve(arguments["lang"])
            return fn(*bound.args, **bound.kwargs)

    return wrapper

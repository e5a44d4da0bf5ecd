"""The arguments every analysis shares, handled in one place: case, wave, types, lang.

`analysis` wraps a function whose first argument is a `Case`: the case is checked against
the contract (once per content) and the function gets it as read back from files (Dutch
terms as English keys, the contract's types and defaults; see `relnet.data._inmemory`), ``wave=None`` becomes the latest wave (an unknown wave is a
ValueError naming the case's waves), ``types`` becomes a tuple of English tie-type keys
(None: all types) and ``lang=None`` the default language (an unknown one is a ValueError
naming the languages relnet speaks).
"""

import functools
import inspect

from .. import i18n
from .._docs import shared
from ._inmemory import check_case
from .vocab import TIE_TYPES, normalise

__all__ = ["analysis", "normalise_types"]


def normalise_types(types):
    """Tie types to select (English or Dutch, a string or a list) as English keys; None = all.

    >>> normalise_types("samenwerking")
    ('collaboration',)
    >>> normalise_types(["funding", "steun"])
    ('funding', 'support')
    >>> normalise_types("vriendschap")
    Traceback (most recent call last):
    ValueError: 'vriendschap' is not a tie type; accepted: collaboration, funding, contract, governance, information, referral, support (Dutch: samenwerking, financiering, inkoop, zeggenschap, informatie, doorverwijzing, steun)
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


def analysis(fn):
    """Decorate an analysis of a case: check it and resolve wave, types and lang.

    >>> @analysis
    ... def show(case, wave=None, types=None, lang=None):
    ...     return wave, types, lang
    >>> import relnet
    >>> show(relnet.load_example("haverdonk"), types="steun")
    (2017, ('support',), 'nl')
    """
    shared(fn)  # the shared parameter descriptions (relnet._docs) into its docstring
    signature = inspect.signature(fn)
    names = set(signature.parameters)
    first = next(iter(signature.parameters))

    @functools.wraps(fn)
    def wrapper(case, *args, **kwargs):
        bound = signature.bind(check_case(case), *args, **kwargs)
        bound.apply_defaults()
        case = bound.arguments[first]
        arguments = bound.arguments
        if "wave" in names:
            arguments["wave"] = case.resolve_wave(arguments["wave"])
        if "types" in names:
            arguments["types"] = normalise_types(arguments["types"])
        if "lang" in names:
            arguments["lang"] = i18n.resolve(arguments["lang"])
        return fn(*bound.args, **bound.kwargs)

    return wrapper

"""Every text a person reads, in Dutch and English, from one catalogue; numbers in their format.

relnet's analyses return English keys (``"strategic"``, ``"funding"``, ``"ci_low"``) for code;
whatever is *shown* (tables, figures, explorers, reports, messages) is looked up here.
The catalogue is ``catalogue.yaml`` next to this module: one entry per text, with one value
per language. `set_language` sets the default for everything (Dutch unless changed);
``lang=None`` everywhere means that default. Numbers are formatted with Babel (CLDR data):
a decimal comma and a thousands dot in Dutch (0,42; 48.000), the reverse in English.
How to add a language: ``docs/howto-add-a-language.md``.

>>> from relnet import i18n
>>> i18n.t("kind.municipality", "nl"), i18n.t("kind.municipality", "en")
('gemeente', 'municipality')
>>> i18n.number(48000, "nl"), i18n.number(0.4213, "nl"), i18n.number(0.4213, "en", 2)
('48.000', '0,421', '0.42')
>>> i18n.resolve("de")
Traceback (most recent call last):
ValueError: language 'de' is not available; relnet speaks: nl (Nederlands), en (English)
"""

import math
import numbers
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from .._docs import shared

__all__ = [
    "LANGUAGES", "set_language", "get_language", "resolve", "t", "has", "plural", "label",
    "number", "percent", "yes_no", "cell", "section",
]

_CATALOGUE_FILE = Path(__file__).with_name("catalogue.yaml")
_DEFAULT = {"lang": "nl"}
_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


@lru_cache(maxsize=1)
def _catalogue():
    """The catalogue flattened to {"section.key": {lang: text}}."""
    with open(_CATALOGUE_FILE, encoding="utf-8") as handle:
        tree = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    flat = {}

    def walk(prefix, node):
        if isinstance(node, dict) and node and all(k in _LOCALES for k in node):
            flat[prefix] = node
            return
        for key, value in node.items():
            walk(f"{prefix}.{key}" if prefix else str(key), value)

    walk("", tree)
    return flat


LANGUAGES = tuple(_LOCALES)
_NAMES = {"nl": "Nederlands", "en": "English"}


def resolve(lang=None):
    """The language to use: `lang`, or the default when None. Unknown: ValueError.

    Parameters
    ----------
    lang : {"nl", "en"}, optional
        A language code; None: the default language set by `set_language` (Dutch unless
        changed).

    Returns
    -------
    str
        The language code, one of `LANGUAGES`.

    Raises
    ------
    ValueError
        `lang` is not a language relnet speaks; the message lists the languages.

    Examples
    --------
    >>> from relnet import i18n
    >>> i18n.resolve("en"), i18n.resolve() == i18n.get_language()
    ('en', True)
    """
    if lang is None:
        return _DEFAULT["lang"]
    if lang not in _LOCALES:
        spoken = ", ".join(f"{code} ({_NAMES[code]})" for code in LANGUAGES)
        raise ValueError(f"language {lang!r} is not available; relnet speaks: {spoken}")
    return lang


def set_language(lang):
    """Set the default language of every table, figure, explorer, report and message.

    It is the language every ``lang=None`` in relnet stands for; Dutch unless changed.

    Parameters
    ----------
    lang : {"nl", "en"}
        The new default language.

    Returns
    -------
    None

    Raises
    ------
    ValueError
        `lang` is not a language relnet speaks (the default is then left as it was).

    See Also
    --------
    get_language : the current default.

    Examples
    --------
    >>> import relnet
    >>> relnet.set_language("en"); relnet.i18n.get_language()
    'en'
    >>> relnet.set_language("nl")
    """
    _DEFAULT["lang"] = resolve(lang)


def get_language():
    """The current default language.

    Returns
    -------
    str
        The language code ``lang=None`` stands for: ``"nl"`` unless `set_language`
        changed it.

    See Also
    --------
    set_language : change the default.

    Examples
    --------
    >>> from relnet import i18n
    >>> i18n.get_language() in i18n.LANGUAGES
    True
    """
    return _DEFAULT["lang"]


def plural(key, n, lang=None, **params):
    """`t` for a count: the entry ``<key>_one`` when `n` is 1 and the catalogue has it,
    ``<key>`` otherwise; `n` is passed on as a parameter.

    Parameters
    ----------
    key : str
        The entry for more than one (or none).
    n : int
        The count.
    lang : {"nl", "en"}, optional
        None: the default language.
    **params
        Further placeholders.

    Returns
    -------
    str

    Examples
    --------
    >>> plural("figure.not_labelled", 1, "nl"), plural("figure.not_labelled", 3, "nl")
    ('1 naam niet getoond', '3 namen niet getoond')
    """
    one = f"{key}_one"
    return t(one if n == 1 and has(one) else key, lang, n=n, **params)


def has(key):
    """Whether the catalogue holds `key`.

    Parameters
    ----------
    key : str
        A full catalogue key, section and name joined by a dot (``"kind.municipality"``).

    Returns
    -------
    bool
        True when the catalogue has a text for `key`.

    Examples
    --------
    >>> from relnet import i18n
    >>> i18n.has("kind.municipality"), i18n.has("kind.nonsense")
    (True, False)
    """
    return key in _catalogue()


@shared
def t(key, lang=None, **params):
    """The text of `key` in `lang`, with ``{name}`` fields filled from `params`.

    A missing key is a KeyError (a test checks that every key has every language).

    Parameters
    ----------
    key : str
        A full catalogue key, section and name joined by a dot (``"kind.municipality"``).
    <<lang>>
    **params
        Values for the text's ``{name}`` fields. Without any, the text is returned as it
        stands in the catalogue (fields and braces unfilled).

    Returns
    -------
    str
        The text in that language.

    Raises
    ------
    KeyError
        The catalogue has no `key`, or the text has a field that `params` does not give.
    <<raises_lang>>

    See Also
    --------
    label : a value's label, with a readable fallback for keys outside the catalogue.

    Examples
    --------
    >>> from relnet import i18n
    >>> i18n.t("kind.municipality", "en")
    'municipality'
    """
    entry = _catalogue()[key]
    text = entry[resolve(lang)]
    return text.format(**params) if params else text


@shared
def label(section, key, lang=None):
    """A value's label: ``label("quadrant", "strategic", "nl")`` -> 'strategisch partner'.

    Keys outside the catalogue (an analyst's own metric, a district name) are shown as they
    are, with underscores as spaces.

    Parameters
    ----------
    section : str
        The catalogue section (``"kind"``, ``"tie_type"``, ``"quadrant"``, ``"metric"`` ...).
    key : object
        The value to label, usually an English key; other values are converted with `str`.
    <<lang>>

    Returns
    -------
    str
        The catalogue's text for ``section.key``, or `key` as text with underscores
        replaced by spaces when the catalogue does not have it.

    Raises
    ------
    ValueError
        `lang` is not a language relnet speaks (only checked for keys in the catalogue).

    Examples
    --------
    >>> from relnet import i18n
    >>> i18n.label("quadrant", "strategic", "en"), i18n.label("metric", "my_own_metric")
    ('strategic partner', 'my own metric')
    """
    full = f"{section}.{key}"
    if full in _catalogue():
        return t(full, lang)
    return str(key).replace("_", " ")


@shared
def section(name, lang=None):
    """Every key of a catalogue section with its text: ``section("kind", "nl")``.

    Parameters
    ----------
    name : str
        The section (``"kind"``, ``"tie_type"`` ...). Only its direct keys are returned,
        not those of nested sections.
    <<lang>>

    Returns
    -------
    dict
        key -> text, in catalogue order; empty when there is no such section.

    Raises
    ------
    <<raises_lang>>

    Examples
    --------
    >>> from relnet import i18n
    >>> i18n.section("kind", "en")["municipality"]
    'municipality'
    """
    lang = resolve(lang)
    prefix = name + "."
    return {k[len(prefix):]: v[lang] for k, v in _catalogue().items() if k.startswith(prefix)
            and "." not in k[len(prefix):]}


@cache
def _pattern(digits, grouping=True):
    from babel.numbers import parse_pattern

    head = "#,##0" if grouping else "0"
    return parse_pattern(head + ("." + "0" * digits if digits else ""))


@cache
def _locale(lang):
    from babel import Locale

    return Locale.parse(_LOCALES[lang])


@shared
def number(value, lang=None, digits=3, fixed=False):
    """A number as a reader of `lang` writes it; whole numbers without decimals, missing '–'.

    Parameters
    ----------
    value : number, bool or None
        The value. Booleans are written as yes/no (`yes_no`); None, NA and NaN as '–'.
    <<lang>>
    digits : int
        The number of decimals of a number that is not whole (always that many, trailing
        zeros included).
    fixed : bool
        Give every number `digits` decimals, whole ones too (``1,00`` next to ``0,26``).

    Returns
    -------
    str
        The formatted number: decimal comma and thousands dot in Dutch, the reverse in
        English (Babel, CLDR). Integers, and floats that are whole with an absolute value
        of at least 1, have no decimals and get thousands separators; other numbers get
        `digits` decimals (so 0.0 is written ``0,000``).

    Raises
    ------
    <<raises_lang>>

    Examples
    --------
    >>> number(3.0, "nl"), number(1234567.891, "nl", 1), number(float("nan"), "nl")
    ('3', '1.234.567,9', '–')
    >>> number(1.0, "nl", 2, fixed=True), number(0.26, "en", 2, fixed=True)
    ('1,00', '0.26')
    """
    if _missing(value):
        return "–"
    lang = resolve(lang)
    if isinstance(value, (bool, np.bool_)):
        return yes_no(value, lang)
    if not fixed and (isinstance(value, numbers.Integral) or
                      float(value).is_integer() and abs(value) >= 1):
        return _pattern(0).apply(int(value), _locale(lang))
    return _pattern(digits).apply(float(value), _locale(lang))


@shared
def percent(value, lang=None):
    """A share as a percentage without decimals: ``percent(0.634)`` -> '63%'.

    Parameters
    ----------
    value : float or None
        A share (0.634 for 63%); None, NA and NaN give '–'.
    <<lang>>

    Returns
    -------
    str
        The percentage in the language's format (Babel, CLDR), rounded to a whole percent.

    Raises
    ------
    <<raises_lang>>

    Examples
    --------
    >>> from relnet import i18n
    >>> i18n.percent(0.634, "nl"), i18n.percent(None)
    ('63%', '–')
    """
    if _missing(value):
        return "–"
    from babel.numbers import format_percent

    return format_percent(value, locale=_locale(resolve(lang)))


@shared
def yes_no(value, lang=None):
    """ja/nee, yes/no.

    Parameters
    ----------
    value : object
        Read for its truth value.
    <<lang>>

    Returns
    -------
    str
        ``"ja"``/``"nee"`` in Dutch, ``"yes"``/``"no"`` in English (catalogue
        ``common.yes`` and ``common.no``).

    Raises
    ------
    <<raises_lang>>

    Examples
    --------
    >>> from relnet import i18n
    >>> i18n.yes_no(True, "nl"), i18n.yes_no(0, "en")
    ('ja', 'no')
    """
    return t("common.yes" if value else "common.no", lang)


@shared
def cell(value, lang=None, digits=3):
    """Any table cell as text for a reader: numbers formatted, booleans as ja/nee, missing '–'.

    Parameters
    ----------
    value : object
        The cell's value.
    <<lang>>
    digits : int
        Decimals of numbers that are not whole (see `number`).

    Returns
    -------
    str
        '–' for None, NA, NaT and NaN; `yes_no` for booleans; `number` for other numbers;
        ``str(value)`` for anything else (text is not translated).

    Raises
    ------
    ValueError
        `lang` is not a language relnet speaks (for booleans and numbers).

    See Also
    --------
    number, yes_no

    Examples
    --------
    >>> from relnet import i18n
    >>> i18n.cell(1234.5, "nl", 1), i18n.cell(False, "en"), i18n.cell("Oost")
    ('1.234,5', 'no', 'Oost')
    """
    if _missing(value):
        return "–"
    if isinstance(value, (bool, np.bool_)):
        return yes_no(bool(value), lang)
    if isinstance(value, numbers.Number):
        return number(value, lang, digits)
    return str(value)


def _missing(value):
    return value is None or value is pd.NA or value is pd.NaT or (
        isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral)
        and math.isnan(value))

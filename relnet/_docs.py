"""Parameter descriptions shared by many public functions, written once.

A docstring names them on a line of their own, ``<<case, wave, types, lang>>``, where the
Parameters section lists them; `shared` (applied by `relnet.data.arguments.analysis`, or as a
decorator) puts the descriptions there, indented as the marker is. ``help()``, Sphinx and
the doctests see the full text.
"""

import re

__all__ = ["PARAMETERS", "shared", "fill"]

PARAMETERS = {
    "case": "case : Case\n"
            "    A case (`relnet.read_case`, `relnet.load_example`, or built in memory); it is\n"
            "    checked against the contract first and raises `CaseError` if it breaks it.",
    "wave": "wave : int, optional\n"
            "    The wave (a year); None: the latest.",
    "types": "types : str or list of str, optional\n"
             "    Tie types to use, English or Dutch keys (``\"samenwerking\"``); None: every\n"
             "    type.",
    "lang": "lang : {\"nl\", \"en\"}, optional\n"
            "    The language of what a reader sees; None: the default set by\n"
            "    `relnet.set_language` (Dutch unless changed).",
    "confirmed_only": "confirmed_only : bool\n"
                      "    Use only survey ties that both sides named (``confirmed``; see\n"
                      "    `relnet.survey.collect`).",
    "ax": "ax : matplotlib Axes, optional\n"
          "    Draw into this Axes (its figure keeps its size); None: a new figure in relnet's\n"
          "    style.",
    "title": "title : str, optional\n"
             "    A title above the figure; None: no title (reports put a caption instead).",
    "overwrite": "overwrite : bool\n"
                 "    Replace what exists at the target; otherwise an existing target raises\n"
                 "    `TargetExistsError` and nothing is written.",
    "digits": "digits : int\n"
              "    Decimals of numbers that are not whole.",
    "explorer_cases": "cases : Case, list of Case, dict of str -> Case, optional\n"
                      "    The cases to choose from (a dict gives their labels); None: the\n"
                      "    shipped cases.",
    "explorer_case": "start : str, optional\n"
                     "    The case to open on: its label, its municipality or the start of its\n"
                     "    name (``\"haverdonk\"``); None: the first.",
    # entries of Raises sections
    "raises_case": "CaseError\n"
                   "    The case breaks the contract.",
    "raises_lang": "ValueError\n"
                   "    `lang` is not a language relnet speaks.",
    "raises_wave": "ValueError\n"
                   "    `wave` is not one of the case's waves, or a tie type is unknown.",
    "raises_explorer": "ValueError\n"
                       "    `case` names none of the cases, or `lang` is not a language relnet\n"
                       "    speaks.\n"
                       "CaseError\n"
                       "    A case shown breaks the contract.",
    "explorer_lang": "lang : {\"nl\", \"en\"}, optional\n"
                     "    The explorer's starting language (its NL/EN buttons switch it); None:\n"
                     "    the default language set by `relnet.set_language`.",
}

MARKER = re.compile(r"^(?P<indent>[ \t]*)<<(?P<names>[\w, ]+)>>[ \t]*$", re.M)


def fill(doc):
    """`doc` with every ``<<name, ...>>`` line replaced by those descriptions.

    Parameters
    ----------
    doc : str or None
        A docstring.

    Returns
    -------
    str or None

    Examples
    --------
    >>> print(fill("Parameters\\n----------\\n<<wave>>"))
    Parameters
    ----------
    wave : int, optional
        The wave (a year); None: the latest.
    """
    if not doc:
        return doc

    def block(match):
        indent = match.group("indent")
        names = [n.strip() for n in match.group("names").split(",") if n.strip()]
        text = "\n".join(PARAMETERS[n] for n in names)
        return "\n".join(indent + line if line else line for line in text.split("\n"))

    return MARKER.sub(block, doc)


def shared(obj):
    """Decorator: fill the shared parameter descriptions into `obj`'s docstring.

    Parameters
    ----------
    obj : function or class

    Returns
    -------
    The same object, its ``__doc__`` filled.
    """
    obj.__doc__ = fill(obj.__doc__)
    return obj

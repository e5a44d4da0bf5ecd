"""Privacy: stable pseudonyms for persons and survey respondents.

Actors with ``person: true`` (key persons, informal carers, administrators) and survey
respondents (`lessons.respondent`) can be named in case files. `anonymize` replaces them
with keyed pseudonyms: HMAC-SHA256 of the original id under a secret salt, so the same
salt gives the same pseudonyms (waves and files stay linkable) and without the salt they
cannot be reversed by hashing a list of names. Free-text columns that could identify people
(lesson comments, partner notes, attribute columns outside the contract) are dropped unless
``keep_text=True``.
"""

import hashlib
import hmac

import pandas as pd

from ..data.case import COLUMNS

__all__ = ["anonymize", "pseudonym", "person_ids", "report_pseudonyms"]

FREE_TEXT = {"lessons": ["comment"], "partners": ["note"]}


def pseudonym(value, salt, prefix):
    """A stable keyed pseudonym: ``prefix`` + 8 hex characters of HMAC-SHA256.

    >>> pseudonym("mz_01", "geheim", "P-") == pseudonym("mz_01", "geheim", "P-")
    True
    >>> pseudonym("mz_01", "geheim", "P-") != pseudonym("mz_01", "ander", "P-")
    True
    """
    if not salt:
        raise ValueError("a salt is needed: a secret text that you keep to link later files")
    digest = hmac.new(str(salt).encode(), str(value).encode(), hashlib.sha256).hexdigest()
    return f"{prefix}{digest[:8]}"


def person_ids(case):
    """Ids of the actors that are natural persons."""
    return list(case.actors.loc[case.actors["person"].astype(bool), "id"])


def _apply(case, mapping, names, respondents, keep_text):
    def move(series):
        return series.map(lambda v: mapping.get(v, v) if isinstance(v, str) else v)

    actors = case.actors.copy()
    is_person = actors["id"].isin(mapping)
    actors.loc[is_person, "name"] = actors.loc[is_person, "id"].map(names)
    actors["id"] = move(actors["id"])
    ties = case.ties.copy()
    for column in ("source", "target", "reported_by"):
        ties[column] = move(ties[column])
    partners = case.partners.copy()
    partners["actor"] = move(partners["actor"])
    links = case.goal_links.copy()
    links["actor"] = move(links["actor"])
    roles = case.roles.copy()
    roles["body"] = move(roles["body"])
    roles["holder"] = move(roles["holder"])
    lessons = case.lessons.copy()
    lessons["respondent"] = lessons["respondent"].map(lambda r: respondents.get(r, r))
    tables = dict(actors=actors, ties=ties, partners=partners, goal_links=links, roles=roles,
                  lessons=lessons)
    if not keep_text:
        for name in list(tables) + ["goals"]:
            frame = tables.get(name, case.tables[name])
            extra_text = [c for c in frame.columns if c not in COLUMNS[name]
                          and not pd.api.types.is_numeric_dtype(frame[c])]
            drop = FREE_TEXT.get(name, []) + extra_text
            tables[name] = frame.drop(columns=[c for c in drop if c in frame.columns])
    return case.copy(**tables)


def anonymize(case, salt, keep_text=False):
    """A copy of a case with persons and respondents pseudonymised.

    Person actors get id ``P-xxxxxxxx`` and name ``Persoon xxxxxxxx``; respondents get
    ``R-xxxxxxxx``; every reference (ties, reported_by, partner scores, goal links, roles)
    follows. ``meta["pseudonymised"]`` records it. The same salt always gives the same
    pseudonyms.

    Examples
    --------
    >>> import relnet
    >>> case = relnet.load_example("welderhoven")
    >>> anon = relnet.anonymize(case, salt="geheim")
    >>> anon.actors.loc[anon.actors["person"], "name"].str.startswith("Persoon ").all()
    np.True_
    >>> relnet.anonymize(case, "geheim").actors.equals(anon.actors)
    True
    """
    ids = person_ids(case)
    mapping = {i: pseudonym(i, salt, "P-") for i in ids}
    names = {i: "Persoon " + mapping[i][2:] for i in ids}
    respondents = {r: pseudonym(r, salt, "R-") for r in case.lessons["respondent"].dropna().unique()}
    anon = _apply(case, mapping, names, respondents, keep_text)
    anon.meta["pseudonymised"] = ("persons and respondents (keyed pseudonyms)"
                                  + ("" if keep_text else "; free-text columns removed"))
    return anon


def report_pseudonyms(case, lang="en"):
    """Persons numbered in table order ("Persoon 1", "Person 2", ...) for a report: readable,
    and revealing nothing but their order. Free text is kept out of the report anyway."""
    ids = person_ids(case)
    word = "Persoon" if lang == "nl" else "Person"
    width = len(str(len(ids)))
    mapping = {i: f"P{n:0{width}d}" for n, i in enumerate(ids, 1)}
    names = {i: f"{word} {n:0{width}d}" for n, i in enumerate(ids, 1)}
    respondents = {r: f"R{n}" for n, r in enumerate(case.lessons["respondent"].dropna().unique(), 1)}
    return _apply(case, mapping, names, respondents, keep_text=False)

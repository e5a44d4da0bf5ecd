"""Privacy: stable pseudonyms for persons and survey respondents.

Who is a person: an actor with ``person: true``; without that column, actors whose kind is a
person by nature (key person, informal carer, administrator, manager) are persons unless
``person`` says otherwise (see ``docs/data-dictionary.md``). Persons and survey respondents
(`lessons.respondent`, `reported_by`) can be named in case files.

`anonymize` replaces them with keyed pseudonyms: HMAC-SHA256 of the original id under a
secret salt, 80 bits long (a chance of about 1 in 8 billion, n²/2⁸¹, that two of the 17
million people in the Netherlands would share one, and a collision is checked, not trusted
to chance). The same salt gives the same pseudonyms, so waves and files stay linkable;
without the salt they cannot be reversed by hashing a list of names. It keeps only what the
contract types: free text (comments, notes, the case's summary, practice and source) and
attribute columns outside the contract are dropped unless ``keep_text=True``, a person's
district is dropped, and every person's name inside the text that stays (goal labels,
visions, task names) is replaced by the pseudonym. What was dropped is listed in
``meta["dropped"]``.

`report_pseudonyms` does the same for a report, with readable pseudonyms (Persoon 01).
"""

import hashlib
import hmac
import re

import pandas as pd

from ..data._checks import meta_base
from ..data._inmemory import trust
from ..data.arguments import analysis
from ..data.case import ACTOR_REFERENCES, COLUMNS, renamed, response_renamed

__all__ = ["anonymize", "pseudonym", "person_ids", "report_pseudonyms", "replace_names"]

# Contract columns that hold free text about people or practice.
FREE_TEXT = {"lessons": ["comment"], "partners": ["note"], "ties": ["comment"]}
FREE_TEXT_META = ("summary", "practice", "source")
# Text that stays (it carries the case's meaning) but may mention a person by name.
NAMED_TEXT = {"goals": ["label", "vision"], "activities": ["name", "team"],
              "partners": ["bundle"]}
PSEUDONYM_HEX = 20  # 80 bits


def pseudonym(value, salt, prefix):
    """A stable keyed pseudonym: ``prefix`` + 20 hex characters (80 bits) of HMAC-SHA256.

    >>> pseudonym("mz_01", "geheim", "P-") == pseudonym("mz_01", "geheim", "P-")
    True
    >>> pseudonym("mz_01", "geheim", "P-") != pseudonym("mz_01", "ander", "P-")
    True
    >>> len(pseudonym("mz_01", "geheim", "P-"))
    22
    """
    if not salt:
        raise ValueError("a salt is needed: a secret text that you keep to link later files")
    digest = hmac.new(str(salt).encode(), str(value).encode(), hashlib.sha256).hexdigest()
    return f"{prefix}{digest[:PSEUDONYM_HEX]}"


def person_ids(case):
    """Ids of the actors that are natural persons."""
    return list(case.actors.loc[case.actors["person"].astype(bool), "id"])


def _respondents(case):
    """Every respondent code and every id in `reported_by` that is a person."""
    return list(dict.fromkeys(case.lessons["respondent"].dropna().astype(str)))


def _check_unique(mapping, taken, what):
    values = list(mapping.values())
    if len(set(values)) != len(values) or set(values) & set(taken):
        raise ValueError(f"two {what} received the same pseudonym (or one that is already an "
                         "id); this is astronomically rare: use another salt")


def _name_variants(name):
    """The ways a person's name may appear in free text: the full name, the name without a
    description in brackets, and the surname."""
    name = str(name).strip()
    bare = name.split(" (")[0].strip()
    variants = {name, bare}
    words = bare.split()
    if len(words) >= 2 and len(words[-1]) >= 3:
        variants.add(words[-1])
    return sorted((v for v in variants if len(v) >= 3), key=len, reverse=True)


def replace_names(text, names):
    """`text` with each person's name (dict original name -> pseudonym) replaced.

    >>> replace_names("Overleg met Sanne Everaerts en mevrouw Everaerts",
    ...               {"Sanne Everaerts (wethouder)": "Persoon 01"})
    'Overleg met Persoon 01 en mevrouw Persoon 01'
    """
    return name_replacer(names)(text)


def name_replacer(names):
    """A function that replaces every person's name (dict original name -> pseudonym) in a
    text; the pattern is compiled once, so a table of many cells costs one compilation."""
    pairs = [(variant, alias) for name, alias in names.items() for variant in
             _name_variants(name)]
    if not pairs:
        return lambda text: text
    pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(v)}(?!\w)" for v, _ in pairs))
    lookup = dict(pairs)

    def replace(text):
        if not isinstance(text, str):
            return text
        return pattern.sub(lambda m: lookup[m.group(0)], text)

    return replace


def _apply(case, mapping, names, respondents, keep_text):
    """A copy of `case` with persons (`mapping` id -> new id, `names` id -> new name) and
    respondents renamed; free text dropped unless `keep_text`. Returns (case, dropped,
    replace), `replace` putting the pseudonyms for the persons' names in a text."""
    originals = case.actors.set_index("id")["name"].to_dict()
    new_names = {originals[i]: names[i] for i in mapping}
    tables = {name: frame.copy() for name, frame in case.tables.items()}
    actors = tables["actors"]
    is_person = actors["id"].isin(mapping)
    actors.loc[is_person, "name"] = actors.loc[is_person, "id"].map(names)
    actors.loc[is_person, "district"] = pd.NA
    for table, columns in {"actors": ("id",), **ACTOR_REFERENCES}.items():
        for column in columns:
            tables[table][column] = renamed(tables[table][column], mapping)
    tables["ties"]["reported_by"] = renamed(tables["ties"]["reported_by"], respondents)
    tables["lessons"]["respondent"] = renamed(tables["lessons"]["respondent"], respondents)
    replace = name_replacer(new_names)
    for table, columns in NAMED_TEXT.items():
        for column in columns:
            tables[table][column] = tables[table][column].map(replace)
    dropped = []
    meta = dict(case.meta)
    if not keep_text:
        for table, frame in tables.items():
            extra = [c for c in frame.columns if c not in COLUMNS[table]]
            for column in FREE_TEXT.get(table, []) + extra:
                if column in frame.columns and frame[column].notna().any():
                    dropped.append(f"{table}.{column}")
                if column in FREE_TEXT.get(table, []):
                    frame[column] = pd.Series(pd.NA, index=frame.index, dtype="str")
            tables[table] = frame.drop(columns=extra)
        for key in list(meta):
            if meta_base(key) in FREE_TEXT_META:
                if meta[key]:
                    dropped.append(f"case.{key}")
                del meta[key]
    for key in ("name", "municipality", "region"):
        if isinstance(meta.get(key), str):
            meta[key] = replace(meta[key])
    meta = response_renamed(meta, mapping)  # who was asked and answered, renamed alike
    return case.copy(meta=meta, **tables), dropped, replace


@analysis
def anonymize(case, salt, *, keep_text=False):
    """A copy of a case with persons and respondents pseudonymised.

    Parameters
    ----------
    <<case>>
    salt : str
        A secret text. The same salt always gives the same pseudonyms, so later files of
        the same case can be linked; keep it apart from the data.
    keep_text : bool
        Keep free text (comments, notes, summary, practice, source) and columns outside the
        contract. Names of persons inside kept text are replaced all the same.

    Returns
    -------
    Case
        Person actors get id ``P-`` + 20 hex characters and name ``Persoon`` + the same 20;
        respondents ``R-`` + 20 hex characters; every reference (ties, reported_by, partner
        scores, goal links, roles) follows. ``meta["pseudonymised"]`` records it and
        ``meta["dropped"]`` lists what was removed.

    Raises
    ------
    ValueError
        Without a salt, or (astronomically rarely) when two persons would share a
        pseudonym.

    Examples
    --------
    >>> import relnet
    >>> case = relnet.load_example("welderhoven")
    >>> anon = relnet.anonymize(case, salt="geheim")
    >>> bool(anon.actors.loc[anon.actors["person"], "name"].str.startswith("Persoon ").all())
    True
    >>> relnet.anonymize(case, "geheim").actors.equals(anon.actors)
    True
    >>> "case.summary" in anon.meta["dropped"]
    True
    """
    ids = person_ids(case)
    others = set(case.actors["id"]) - set(ids)
    mapping = {i: pseudonym(i, salt, "P-") for i in ids}
    _check_unique(mapping, others, "persons")
    names = {i: "Persoon " + mapping[i][2:] for i in ids}
    respondents = {r: pseudonym(r, salt, "R-") for r in _respondents(case)}
    respondents.update({r: mapping[r] for r in case.ties["reported_by"].dropna().unique()
                        if r in mapping})
    _check_unique({k: v for k, v in respondents.items() if k not in mapping}, [], "respondents")
    anon, dropped, _ = _apply(case, mapping, names, respondents, keep_text)
    anon.meta["pseudonymised"] = ("persons and respondents (keyed pseudonyms)"
                                  + ("" if keep_text else "; free text removed"))
    anon.meta["dropped"] = dropped
    return trust(anon)


def _free_ids(prefix, count, taken):
    """`count` ids ``prefix01``, ``prefix02``, ... that are not in `taken` (a non-person
    actor may already be called P1)."""
    width = max(2, len(str(count)))
    while True:
        ids = [f"{prefix}{n:0{width}d}" for n in range(1, count + 1)]
        if not set(ids) & set(taken):
            return ids
        prefix = prefix + "_"


@analysis(legacy=("lang",), dropped=("lang",))
def report_pseudonyms(case, *, word="Person"):
    """Persons numbered in table order (`word` 01, 02, ...: "Persoon 01" in a Dutch report,
    `relnet.present.words.pseudonymised`) for a report: readable, and revealing nothing but
    their order. Free text stays, with every person's name in it replaced by the pseudonym;
    columns outside the contract are dropped.

    >>> import relnet
    >>> shown = report_pseudonyms(relnet.load_example("brakkenveen"))
    >>> sorted(shown.actors.loc[shown.actors["person"], "name"])[:2]
    ['Person 01', 'Person 02']
    """
    ids = person_ids(case)
    others = set(case.actors["id"]) - set(ids)
    new_ids = _free_ids("P", len(ids), others)
    mapping = dict(zip(ids, new_ids))
    width = max(2, len(str(len(ids))))
    names = {i: f"{word} {n:0{width}d}" for n, i in enumerate(ids, 1)}
    codes = _respondents(case)
    respondents = dict(zip(codes, _free_ids("R", len(codes), others | set(new_ids))))
    respondents.update({r: mapping[r] for r in case.ties["reported_by"].dropna().unique()
                        if r in mapping})
    shown, _, replace = _apply(case, mapping, names, respondents, keep_text=True)
    for key in list(shown.meta):
        shown.meta[key] = replace(shown.meta[key])
    for table, columns in FREE_TEXT.items():
        frame = getattr(shown, table)
        for column in columns:
            frame[column] = frame[column].map(replace)
    for table, frame in shown.tables.items():
        extra = [c for c in frame.columns if c not in COLUMNS[table]]
        setattr(shown, table, frame.drop(columns=extra))
    return trust(shown)

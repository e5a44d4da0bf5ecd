"""Privacy: stable pseudonyms for persons and survey respondents.

Who is a person: an actor with ``person: true``; without that column, actors whose kind is a
person by nature (key person, informal carer, administrator, manager) are persons unless
``person`` says otherwise (see ``docs/data-dictionary.md``). Persons and survey respondents
(`lessons.respondent`, `reported_by`) can be named in case files.

`anonymize` replaces them with keyed pseudonyms: HMAC-SHA256 of the original id under a
secret salt of at least 16 characters, 80 bits long (a chance of about 1 in 8 billion,
n²/2⁸¹, that two of the 17 million people in the Netherlands would share one, and a
collision is checked, not trusted to chance). The same salt gives the same pseudonyms, so
waves and files stay linkable; without the salt they cannot be reversed by hashing a list of
names or ids. It keeps only what the contract types: free text (comments, notes, the case's
summary, practice and source), case.yaml keys and attribute columns outside the contract
are dropped unless ``keep_text=True``, a person's district is dropped, and every person's
name inside the text that stays is replaced by the pseudonym. What was dropped is listed in
``meta["dropped"]``, the places where a word that may be a name was left in
``meta["unsure"]``.

Names are found as people write them (`NameReplacer`): whatever the case, accents, Unicode
form or spaces; the full name always; a first name or surname part after a title ("mevrouw
Wu", "dhr. de Jong"), or alone when it is not an ordinary Dutch word nor a word of an
organisation's name (``privacy_words.yaml`` lists titles, surname particles and the ordinary
words that are also names).

`report_pseudonyms` does the same for a report, with readable pseudonyms (Persoon 01).
"""

import functools
import hashlib
import hmac
import re
import unicodedata
from pathlib import Path

import pandas as pd
import yaml

from ..data._checks import META_KEYS, TEXT_META, meta_base
from ..data._inmemory import trust
from ..data.arguments import analysis
from ..data.case import ACTOR_REFERENCES, COLUMNS, renamed, response_renamed

__all__ = ["anonymize", "pseudonym", "person_ids", "report_pseudonyms", "replace_names",
           "NameReplacer", "check_salt", "salt_words", "fold_text", "SALT_ADVICE", "MIN_SALT"]

# Contract columns that hold free text about people or practice.
FREE_TEXT = {"lessons": ["comment"], "partners": ["note"], "ties": ["comment"]}
FREE_TEXT_META = ("summary", "practice", "source")
# Text that stays (it carries the case's meaning) but may mention a person by name.
NAMED_TEXT = {"goals": ["label", "vision"], "activities": ["name", "team"],
              "partners": ["bundle"]}
# case.yaml keys that relnet writes itself about the pseudonymisation
_OWN_META = ("pseudonymised", "dropped", "unsure")
PSEUDONYM_HEX = 20  # 80 bits
MIN_SALT = 16
SALT_ADVICE = ("a salt must be a secret text of at least 16 characters (spaces not counted), "
               "not digits only, a repeated word, the case's name or a common password with "
               "a number; make one with: python -c \"import secrets; "
               "print(secrets.token_urlsafe(24))\" and keep it apart from the data (in "
               "RELNET_SALT, or type it at --ask-salt)")
# Words people use as a password, with digits ("wachtwoord123456", "Welkom2024!Welkom").
_PASSWORD_WORDS = re.compile(
    r"(wachtwoord|password|passwort|passw0rd|paswoord|welkom|welcome|geheim|secret|sleutel|"
    r"salt|qwerty|azerty|letmein|admin|test|relnet|iloveyou|hallo|hello|abc|zomer|winter|"
    r"lente|herfst|voorjaar|najaar|gemeente|sociaal|domein)+")


def check_salt(salt, known=()):
    """Refuse a salt that can be guessed: shorter than 16 characters (spaces and other
    whitespace not counted, also between the words), of fewer than 6 different characters
    ("aaaaaaaaaaaaaaaa"), only digits, one word repeated ("haverdonkhaverdonk"), holding
    one of the `known` words (the case's name and municipality) or only common password
    words and digits ("wachtwoord123456"). The salt itself is never part of the message.

    >>> check_salt("k3Jx9-PqLm2vT7wZ")
    >>> check_salt("1234")
    Traceback (most recent call last):
    ValueError: a salt must be a secret text of at least 16 characters (spaces not counted), ...
    >>> check_salt("haverdonk-k3Jx9-PqLm2vT7wZ", known=["Haverdonk"])
    Traceback (most recent call last):
    ValueError: a salt must be a secret text of at least 16 characters (spaces not counted), ...
    """
    text = "" if salt is None else str(salt)
    core = "".join(text.split())
    folded = _fold(core)
    plain = re.sub(r"[\W_]+", "", folded)
    words = set()
    for value in known:
        value = _fold(str(value or ""))
        words.add(re.sub(r"[\W_]+", "", value))
        words.update(w for w in _WORD.findall(value) if len(w) >= 5)
    if (len(core) < MIN_SALT or len(set(core)) < 6 or plain.isdigit()
            or re.fullmatch(r"(.+?)\1+", folded) or re.fullmatch(r"(.+?)\1+", plain)
            or any(w and len(w) >= 4 and w in plain for w in words)
            or re.fullmatch(r"(?:" + _PASSWORD_WORDS.pattern + r"|\d)+", plain)):
        raise ValueError(SALT_ADVICE)


def salt_words(case):
    """The words of a case a salt must not hold: its name and municipality."""
    meta = getattr(case, "meta", None) or {}
    return [str(meta[key]) for key in ("name", "municipality") if meta.get(key)]


def pseudonym(value, salt, prefix):
    """A stable keyed pseudonym: ``prefix`` + 20 hex characters (80 bits) of HMAC-SHA256.

    >>> salt = "k3Jx9-PqLm2vT7wZ"
    >>> pseudonym("mz_01", salt, "P-") == pseudonym("mz_01", salt, "P-")
    True
    >>> pseudonym("mz_01", salt, "P-") != pseudonym("mz_01", salt + "x", "P-")
    True
    >>> len(pseudonym("mz_01", salt, "P-"))
    22
    """
    check_salt(salt)
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
                         "id or a name); this is astronomically rare: use another salt")


# --------------------------------------------------------------------------- names in text

_SIMILAR = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'",
                          "\u2010": "-", "\u2011": "-", "\u2013": "-"})
# Letters that NFKD does not take apart into a base letter and a mark (after casefold).
_LETTERS = str.maketrans({"\u0131": "i", "\u0142": "l", "\u00f8": "o", "\u00e6": "ae",
                          "\u0153": "oe", "\u0111": "d", "\u00f0": "d", "\u00fe": "th",
                          "\u0127": "h", "\u0167": "t", "\u014b": "n", "\u0140": "l",
                          "\u0138": "k"})
_WORD = re.compile(r"[^\W_]+")  # letters and digits: "esra_terlouw" is two words
_GAP = re.compile(r"[\s\-'._(]+")  # between the words of one name ("Yilmaz-Bakker", "J. de")


def _fold_char(ch):
    """One character folded: "" for an invisible format character (a soft hyphen, a
    zero-width space or joiner, a word joiner), else case, compatibility form, marks and
    the letters NFKD keeps (\u0131, \u0142, \u00f8, \u00e6, \u0111) made plain."""
    if unicodedata.category(ch) == "Cf":
        return ""
    folded = unicodedata.normalize("NFKD", ch.translate(_SIMILAR).casefold())
    return "".join(c for c in folded if not unicodedata.combining(c)).translate(_LETTERS)


def fold_text(text):
    """`text` folded for finding names, and where each folded character came from:
    (folded, index), index None when every character stays in place (ASCII text).

    Folding: lower case (casefold), compatibility form (a non-breaking space is a space),
    accents and other combining marks removed, letters without a decomposition folded by
    a small table (\u0131 i, \u0142 l, \u00f8 o, \u00e6 ae, \u0111 d, \u00df ss),
    invisible format characters (soft hyphen, zero-width space and joiners) left out,
    curly quotes and dashes made plain.

    >>> fold_text("Zoe\\u0308 C\\u0327elik")[0], fold_text("ESRA\\u00a0Terlouw")[0]
    ('zoe celik', 'esra terlouw')
    >>> fold_text("Yılmaz Wójcik Michał Dijk\\u00adhuis Bjørn")[0]
    'yilmaz wojcik michal dijkhuis bjorn'
    """
    if text.isascii():
        return text.lower(), None
    out, index = [], []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        out.append(folded)
        index.extend([i] * len(folded))
    return "".join(out), index


def _fold(text):
    return fold_text(str(text))[0]


@functools.cache
def _words():
    """Titles, surname particles and ordinary words that are also names, folded."""
    data = yaml.safe_load(Path(__file__).with_name("privacy_words.yaml")
                          .read_text(encoding="utf-8"))
    return {key: frozenset(_fold(w).strip("'.") for w in words) for key, words in data.items()}


def _name_forms(name):
    """The forms of a person's name as word tuples (folded): (full forms, partial forms,
    forms with the first name's initial).

    Full forms (the name as written, without a description in brackets, without titles and
    initials) are always a name; partial forms (the first name, the surname with and
    without its particles, each part of a double surname) are a name after a title, or
    alone when they are not ordinary words; the initial forms ("P. de Jong") are a name
    when the initial is followed by a full stop.

    >>> _name_forms("Fatima Yilmaz-Bakker (wijkverpleegkundige)")[1]
    [('fatima',), ('yilmaz', 'bakker'), ('yilmaz',), ('bakker',)]
    >>> _name_forms("Piet de Jong")[1:]
    ([('piet',), ('de', 'jong'), ('jong',)], [('p', 'de', 'jong'), ('p', 'jong')])
    """
    words = _words()
    folded = _fold(name)
    bare = re.split(r"\s*\(", folded, maxsplit=1)[0]
    tokens = _WORD.findall(bare)
    full = {tuple(_WORD.findall(folded)), tuple(tokens)}
    while len(tokens) > 1 and (tokens[0] in words["titles"] or len(tokens[0]) == 1):
        tokens = tokens[1:]  # "dhr. J. de Jong" -> de jong
    full.add(tuple(tokens))
    partial, initials = [], []
    if len(tokens) >= 2:
        first, surname = tokens[0], tokens[1:]
        core = list(surname)
        while len(core) > 1 and core[0] in words["particles"]:
            core = core[1:]
        partial = [(first,), tuple(surname), tuple(core)]
        partial += [(part,) for part in core] if len(core) > 1 else []
        initials = list(dict.fromkeys([(first[0], *surname), (first[0], *core)]))
    elif tokens:
        partial = [tuple(tokens)]  # a one-word name is only sure after a title
        full = {f for f in full if len(f) > 1}
    partial = [p for p in dict.fromkeys(partial) if p and len("".join(p)) >= 2
               and p not in full]
    return sorted(f for f in full if f), partial, [i for i in initials if i not in full]


class NameReplacer:
    """Replaces persons' names in texts, found in any case, accents, Unicode form, spacing
    or invisible characters (a soft hyphen), with an initial ("P. de Jong"), as a possessive
    ("Terlouws aanpak") or joined by an underscore ("esra_terlouw@...").

    Parameters
    ----------
    names : iterable of (str, str)
        (a person's name, its pseudonym) pairs.
    organisations : iterable of str
        Names of organisations: never rewritten, and their words are not taken for a name
        standing alone.
    generic : str
        What replaces a first name or surname that two persons share ("Persoon").

    Calling it with a text (and where the text is, e.g. ``"goals.label"``) returns the text
    with names replaced; `unsure` counts per place the words that may be a name but were
    left because they are ordinary words or words of an organisation's name.

    Examples
    --------
    >>> replace = NameReplacer([("Esra Terlouw", "Persoon 01"), ("Anna Noord", "Persoon 02")],
    ...                        ["Wijkteam Noord"])
    >>> replace("ESRA TERLOUW, mevrouw terlouw en Esra; Wijkteam Noord met mevr. Noord", "x")
    'Persoon 01, mevrouw Persoon 01 en Persoon 01; Wijkteam Noord met mevr. Persoon 02'
    >>> replace("Noord versterken", "goals.label"), replace.unsure
    ('Noord versterken', {'goals.label': 1})
    >>> replace("Terlouws aanpak, E. Terlouw")
    "Persoon 01's aanpak, Persoon 01"
    """

    def __init__(self, names, organisations=(), generic="Persoon"):
        words = _words()
        self.generic = generic
        self.unsure = {}
        self._titles, self._particles = words["titles"], words["particles"]
        forms = {}  # word tuple -> [kind, set of pseudonyms, suffix]
        for name, alias in names:
            full, partial, initials = _name_forms(name)
            for kind, group in (("full", full), ("partial", partial), ("initial", initials)):
                for form in group:
                    entry = forms.setdefault(form, [kind, set(), ""])
                    if kind == "full":
                        entry[0] = "full"
                    entry[1].add(alias)
        self._common = set(words["ordinary_words"])
        for organisation in organisations:
            tokens = tuple(_WORD.findall(_fold(organisation)))
            if tokens:
                forms[tokens] = ["organisation", set(), ""]
                self._common.update(tokens)
        for form, (kind, aliases, _) in list(forms.items()):
            # the possessive without apostrophe ("Terlouws aanpak"), only for a last word
            # that is no ordinary word and whose form with s is none either ("Kok": koks)
            last = form[-1]
            own = last + "s"
            if kind == "organisation" or len(last) < 3 or last[-1] in "sxz" or \
                    last in self._common or own in self._common or \
                    (kind == "partial" and all(w in self._common for w in form
                                               if w not in self._particles)):
                continue
            forms.setdefault(form[:-1] + (own,), [kind, aliases, "'s"])
        self._forms = {}
        for form, (kind, aliases, suffix) in forms.items():
            self._forms.setdefault(form[0], []).append((form, kind, aliases, suffix))
        for candidates in self._forms.values():  # longest first; an organisation wins a tie
            candidates.sort(key=lambda c: (-len(c[0]), c[1] != "organisation", c[3]))

    def __bool__(self):
        return any(kind != "organisation" for candidates in self._forms.values()
                   for _, kind, _, _ in candidates)

    def _initial(self, folded, tokens, j):
        """Whether token j is an initial: one letter followed by a full stop."""
        token = tokens[j]
        return len(token.group()) == 1 and folded[token.end():token.end() + 1] == "."

    def _titled(self, folded, tokens, i):
        """Whether token i follows a title (with particles or initials between: "mevrouw
        van der", "dhr. P. de")."""
        j = i - 1
        while j >= 0 and (tokens[j].group() in self._particles
                          or self._initial(folded, tokens, j)):
            j -= 1
        if j < 0 or tokens[j].group() not in self._titles:
            return False
        gap = folded[tokens[j].end():tokens[j + 1].start()]
        return _GAP.fullmatch(gap) is not None and "(" not in gap

    def _choice(self, folded, tokens, i, form, kind, aliases, where):
        """The pseudonym for a match, or None to leave it."""
        if kind == "organisation":
            return None
        if kind == "initial" and not self._initial(folded, tokens, i):
            return None
        if kind == "partial" and not self._titled(folded, tokens, i):
            core = [word for word in form if word not in self._particles] or form
            if all(word in self._common for word in core):
                self.unsure[where] = self.unsure.get(where, 0) + 1
                return None
        return next(iter(aliases)) if len(aliases) == 1 else self.generic

    def __call__(self, text, where=None):
        if not isinstance(text, str) or not text or not self._forms:
            return text
        folded, index = fold_text(text)
        tokens = list(_WORD.finditer(folded))
        words = [t.group() for t in tokens]
        pieces, done, i = [], 0, 0
        while i < len(tokens):
            for form, kind, aliases, suffix in self._forms.get(words[i], ()):
                n = len(form)
                if tuple(words[i:i + n]) != form or any(
                        _GAP.fullmatch(folded[tokens[k].end():tokens[k + 1].start()]) is None
                        for k in range(i, i + n - 1)):
                    continue
                alias = self._choice(folded, tokens, i, form, kind, aliases, where)
                if alias is None and kind == "initial":
                    continue  # "P de Jong": no initial, try the shorter forms
                if alias is not None:
                    start, end = tokens[i].start(), tokens[i + n - 1].end()
                    if index is not None:
                        start, end = index[start], index[end - 1] + 1
                        while end < len(text) and unicodedata.combining(text[end]):
                            end += 1
                    if "(" in folded[tokens[i].end():tokens[i + n - 1].start()] and \
                            text[end:end + 1] == ")":
                        end += 1  # "Sanne Everaerts (wethouder)" as a whole
                    pieces += [text[done:start], alias + suffix]
                    done = end
                i += n - 1
                break
            i += 1
        return "".join(pieces) + text[done:] if pieces else text


def replace_names(text, names):
    """`text` with each person's name (dict original name -> pseudonym) replaced.

    >>> replace_names("Overleg met Sanne Everaerts en mevrouw Everaerts",
    ...               {"Sanne Everaerts (wethouder)": "Persoon 01"})
    'Overleg met Persoon 01 en mevrouw Persoon 01'
    """
    return name_replacer(names)(text)


def name_replacer(names, organisations=(), generic="Persoon"):
    """A `NameReplacer` for a dict original name -> pseudonym."""
    return NameReplacer(names.items(), organisations, generic)


def _replaced(value, replace, where):
    """A case.yaml value with names replaced in every text inside it (lists, mappings)."""
    if isinstance(value, str):
        return replace(value, where)
    if isinstance(value, list):
        return [_replaced(v, replace, where) for v in value]
    if isinstance(value, dict):
        return {k: _replaced(v, replace, where) for k, v in value.items()}
    return value


def _contract_meta(key):
    return meta_base(key) in META_KEYS or meta_base(key) in TEXT_META or key in _OWN_META


def _apply(case, mapping, names, respondents, keep_text, keep_extra, generic):
    """A copy of `case` with persons (`mapping` id -> new id, `names` id -> new name) and
    respondents renamed; free text and case.yaml keys outside the contract dropped unless
    `keep_text`, columns outside the contract unless `keep_extra`; persons' names replaced
    in every text that stays. Returns (case, dropped, unsure)."""
    originals = case.actors.set_index("id")["name"].to_dict()
    organisations = [str(n) for i, n in originals.items() if i not in mapping]
    replace = NameReplacer([(str(originals[i]), names[i]) for i in mapping], organisations,
                           generic)
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
    dropped = []
    for table, frame in tables.items():
        extra = [c for c in frame.columns if c not in COLUMNS[table]]
        for column in FREE_TEXT.get(table, []) + extra:
            kept = keep_extra if column in extra else keep_text
            if not kept and column in frame.columns and frame[column].notna().any():
                dropped.append(f"{table}.{column}")
            if not kept and column in FREE_TEXT.get(table, []):
                frame[column] = pd.Series(pd.NA, index=frame.index, dtype="str")
        if not keep_extra:
            frame = tables[table] = frame.drop(columns=extra)
        texts = NAMED_TEXT.get(table, []) + (FREE_TEXT.get(table, []) if keep_text else []) \
            + ([c for c in extra if frame[c].dtype == object or str(frame[c].dtype) == "str"]
               if keep_extra else [])
        for column in texts:
            frame[column] = frame[column].map(lambda t, w=f"{table}.{column}": replace(t, w))
    meta = {}
    for key, value in case.meta.items():
        free = meta_base(key) in FREE_TEXT_META or not _contract_meta(key)
        if free and not keep_text:
            if value not in (None, "", [], {}):
                dropped.append(f"case.{key}")
            continue
        meta[key] = value if key == "response" else _replaced(value, replace, f"case.{key}")
    meta = response_renamed(meta, mapping)  # who was asked and answered, renamed alike
    unsure = sorted(replace.unsure)
    return case.copy(meta=meta, **tables), dropped, unsure


@analysis
def anonymize(case, salt, *, keep_text=False):
    """A copy of a case with persons and respondents pseudonymised.

    Parameters
    ----------
    <<case>>
    salt : str
        A secret text of at least 16 characters (`check_salt`; make one with
        ``python -c "import secrets; print(secrets.token_urlsafe(24))"``). The same salt
        always gives the same pseudonyms, so later files of the same case can be linked;
        keep it apart from the data.
    keep_text : bool
        Keep free text (comments, notes, summary, practice, source), case.yaml keys and
        columns outside the contract. Names of persons inside kept text are replaced all
        the same.

    Returns
    -------
    Case
        Person actors get id ``P-`` + 20 hex characters and name ``Persoon`` + the same 20;
        respondents ``R-`` + 20 hex characters; every reference (ties, reported_by, partner
        scores, goal links, roles) follows. ``meta["pseudonymised"]`` records it,
        ``meta["dropped"]`` lists what was removed and ``meta["unsure"]`` where a word that
        is also part of a person's name was left because it is an ordinary word or a word
        of an organisation's name.

    Raises
    ------
    ValueError
        Without a salt or with one that can be guessed (`check_salt`; the case's name and
        municipality count as guessable words), or (astronomically
        rarely) when two persons would share a pseudonym.

    Examples
    --------
    >>> import relnet
    >>> case = relnet.load_example("welderhoven")
    >>> salt = "k3Jx9-PqLm2vT7wZ"
    >>> anon = relnet.anonymize(case, salt=salt)
    >>> bool(anon.actors.loc[anon.actors["person"], "name"].str.startswith("Persoon ").all())
    True
    >>> relnet.anonymize(case, salt).actors.equals(anon.actors)
    True
    >>> "case.summary" in anon.meta["dropped"]
    True
    """
    check_salt(salt, salt_words(case))
    ids = person_ids(case)
    others = set(case.actors["id"]) - set(ids)
    mapping = {i: pseudonym(i, salt, "P-") for i in ids}
    _check_unique(mapping, others, "persons")
    names = {i: "Persoon " + mapping[i][2:] for i in ids}
    organisations = {_fold(n) for i, n in zip(case.actors["id"], case.actors["name"])
                     if i in others}
    _check_unique({i: _fold(n) for i, n in names.items()}, organisations, "persons")
    respondents = {r: pseudonym(r, salt, "R-") for r in _respondents(case)}
    respondents.update({r: mapping[r] for r in case.ties["reported_by"].dropna().unique()
                        if r in mapping})
    _check_unique({k: v for k, v in respondents.items() if k not in mapping}, [], "respondents")
    anon, dropped, unsure = _apply(case, mapping, names, respondents, keep_text, keep_text,
                                   "Persoon")
    anon.meta["pseudonymised"] = ("persons and respondents (keyed pseudonyms)"
                                  + ("" if keep_text else "; free text removed"))
    anon.meta["dropped"] = dropped
    anon.meta["unsure"] = unsure
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


def _free_names(word, count, taken):
    """`count` names ``word 01``, ``word 02``, ... none of which is (folded) the name of an
    organisation in `taken`: an organisation called "Persoon 01" keeps its name, and the
    persons are numbered past it."""
    width = max(2, len(str(count)))
    names, n = [], 0
    while len(names) < count:
        n += 1
        name = f"{word} {n:0{width}d}"
        if _fold(name) not in taken:
            names.append(name)
    return names


@analysis(legacy=("lang",), dropped=("lang",))
def report_pseudonyms(case, *, word="Person"):
    """Persons numbered in table order (`word` 01, 02, ...: "Persoon 01" in a Dutch report,
    `relnet.present.words.pseudonymised`) for a report: readable, and revealing nothing but
    their order. Free text stays, with every person's name in it replaced by the pseudonym
    (``meta["unsure"]`` lists where a word that is also part of a name was left); columns
    outside the contract are dropped.

    >>> import relnet
    >>> shown = report_pseudonyms(relnet.load_example("brakkenveen"))
    >>> sorted(shown.actors.loc[shown.actors["person"], "name"])[:2]
    ['Person 01', 'Person 02']
    """
    ids = person_ids(case)
    others = set(case.actors["id"]) - set(ids)
    new_ids = _free_ids("P", len(ids), others)
    mapping = dict(zip(ids, new_ids))
    organisations = {_fold(n) for i, n in zip(case.actors["id"], case.actors["name"])
                     if i in others}
    names = dict(zip(ids, _free_names(word, len(ids), organisations)))
    codes = _respondents(case)
    respondents = dict(zip(codes, _free_ids("R", len(codes), others | set(new_ids))))
    respondents.update({r: mapping[r] for r in case.ties["reported_by"].dropna().unique()
                        if r in mapping})
    shown, _, unsure = _apply(case, mapping, names, respondents, keep_text=True,
                              keep_extra=False, generic=word)
    shown.meta["unsure"] = unsure
    return trust(shown)

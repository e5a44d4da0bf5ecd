"""The controlled vocabularies of the case contract, with their Dutch aliases.

Everything a user may type in a case file for a kind, domain, tie type, role or move is
listed here once; readers normalise to the English keys and error messages quote these
lists as what is accepted.
"""

__all__ = [
    "KINDS",
    "DOMAINS",
    "TIE_TYPES",
    "ROLES",
    "MOVES",
    "DIRECTED_BY_DEFAULT",
    "MUNICIPAL_KINDS",
    "INFORMAL_KINDS",
    "PROVIDER_KINDS",
    "TRUE_WORDS",
    "FALSE_WORDS",
    "fold",
    "normalise",
    "accepted",
]

# English key -> Dutch alias (the contract's pairs, in the contract's order).
KINDS = {
    "municipality": "gemeente",
    "department": "afdeling",
    "administrator": "bestuurder",
    "council": "raad",
    "district_team": "wijkteam",
    "affiliated_body": "verbonden_partij",
    "care_provider": "zorgaanbieder",
    "welfare_org": "welzijnsorganisatie",
    "education": "onderwijs",
    "housing": "woningcorporatie",
    "employer": "werkgever",
    "citizen_initiative": "burgerinitiatief",
    "informal_carer": "informele_hulp",
    "key_person": "sleutelpersoon",
    "other_municipality": "andere_gemeente",
    "other": "overig",
}

DOMAINS = {
    "work": "werk",
    "care": "zorg",
    "youth": "jeugd",
    "education": "onderwijs",
    "health": "gezondheid",
    "welfare": "welzijn",
    "housing": "wonen",
    "income": "inkomen",
    "safety": "veiligheid",
    "general": "algemeen",
}

TIE_TYPES = {
    "collaboration": "samenwerking",
    "funding": "financiering",
    "contract": "inkoop",
    "governance": "zeggenschap",
    "information": "informatie",
    "referral": "doorverwijzing",
    "support": "steun",
}

ROLES = {
    "commissioner": "opdrachtgever",
    "owner": "eigenaar",
    "contractor": "opdrachtnemer",
    "executor": "uitvoerder",
    "director": "regisseur",
}

MOVES = {
    "up": "omhoog",
    "down": "omlaag",
    "left": "links",
    "right": "rechts",
}

DIRECTED_BY_DEFAULT = frozenset({"funding", "contract", "governance", "referral"})

MUNICIPAL_KINDS = frozenset(
    {"municipality", "department", "administrator", "council", "district_team"}
)
INFORMAL_KINDS = frozenset({"citizen_initiative", "informal_carer", "key_person"})
PROVIDER_KINDS = frozenset({"care_provider", "welfare_org", "district_team"})

TRUE_WORDS = frozenset({"true", "ja", "j", "yes", "y", "1", "waar", "x", "wahr"})
FALSE_WORDS = frozenset({"false", "nee", "n", "no", "0", "onwaar", ""})


def fold(text):
    """Fold what a person typed to a lookup key: case, spaces and hyphens ignored."""
    return "_".join(str(text).strip().lower().replace("-", " ").split())


def normalise(value, vocabulary):
    """Return the English key for `value` (English or Dutch), or None if unknown.

    Examples
    --------
    >>> normalise("Zorgaanbieder", KINDS)
    'care_provider'
    >>> normalise("district team", KINDS)
    'district_team'
    >>> normalise("zorgaanbeider", KINDS) is None
    True
    """
    key = fold(value)
    if key in vocabulary:
        return key
    for english, dutch in vocabulary.items():
        if key == dutch:
            return english
    return None


def accepted(vocabulary):
    """The accepted values as a sentence fragment for error messages.

    >>> accepted(MOVES)
    'up, down, left, right (Dutch: omhoog, omlaag, links, rechts)'
    """
    return f"{', '.join(vocabulary)} (Dutch: {', '.join(vocabulary.values())})"

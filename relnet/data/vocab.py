"""The controlled vocabularies of the case contract and the headers, with their Dutch aliases.

Everything a user may type in a case file for a kind, domain, tie type, role or move, and
every header a Dutch analyst's spreadsheet may use, is listed here once; readers normalise
to the English keys. (How a key is *shown* to a reader is the i18n catalogue's business.)
"""

__all__ = [
    "KINDS", "DOMAINS", "TIE_TYPES", "ROLES", "MOVES", "HEADER_ALIASES",
    "DIRECTED_BY_DEFAULT", "RELATIONAL_TYPES", "TRANSACTIONAL_TYPES",
    "MUNICIPAL_KINDS", "INFORMAL_KINDS", "PROVIDER_KINDS", "PERSON_KINDS", "PUBLIC_KINDS",
    "TRUE_WORDS", "FALSE_WORDS", "fold", "normalise", "normalise_header",
]

# English key -> Dutch alias (the contract's pairs, in the contract's order).
KINDS = {
    "municipality": "gemeente",
    "department": "afdeling",
    "administrator": "bestuurder",
    "manager": "leidinggevende",
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

# Per table: Dutch header -> the contract's column (case and spaces ignored).
HEADER_ALIASES = {
    "actors": {"naam": "name", "soort": "kind", "domein": "domain", "persoon": "person",
               "metingen": "waves", "wijk": "district", "gemeentelijk": "municipal",
               "openbaar": "public"},
    "ties": {"bron": "source", "doel": "target", "soort": "type", "gericht": "directed",
             "gewicht": "weight", "vertrouwen": "trust", "sinds": "since", "meting": "wave",
             "gemeld_door": "reported_by", "betrouwbaarheid": "reliability",
             "missie": "mission", "openheid": "openness", "invloed": "power",
             "middelen": "resources", "betrokkenheid": "involvement",
             "bevestigd": "confirmed", "opmerking": "comment"},
    "partners": {"invloed": "influence", "afhankelijkheid": "dependency",
                 "beweging": "move", "meting": "wave", "opmerking": "note",
                 "bundel": "bundle"},
    "goals": {"ouder": "parent", "omschrijving": "label", "visie": "vision"},
    "goal_links": {"doel": "goal", "bijdrage": "contribution"},
    "activities": {"naam": "name", "doel": "goal", "inzet": "effort",
                   "wettelijk": "statutory"},
    "roles": {"verbonden_partij": "body", "rol": "role", "houder": "holder"},
    "lessons": {"les": "lesson", "toelichting": "comment", "meting": "wave"},
}

DIRECTED_BY_DEFAULT = frozenset({"funding", "contract", "governance", "referral"})
# Version 2 of the indicators separates how the municipality relates from what it pays for.
RELATIONAL_TYPES = frozenset({"collaboration", "information", "support", "referral"})
TRANSACTIONAL_TYPES = frozenset({"funding", "contract", "governance"})

MUNICIPAL_KINDS = frozenset(
    {"municipality", "department", "administrator", "manager", "council", "district_team"}
)
INFORMAL_KINDS = frozenset({"citizen_initiative", "informal_carer", "key_person"})
PROVIDER_KINDS = frozenset({"care_provider", "welfare_org", "district_team"})
# Kinds that are natural persons by nature: privacy rules apply unless `person` says no.
PERSON_KINDS = frozenset({"key_person", "informal_carer", "administrator", "manager"})
# v3: persons in these kinds hold a public role (bestuurder, leidinggevende, raadslid): their
# names may be shown to other organisations unless `public` says no; any other person only
# when `public` says yes.
PUBLIC_KINDS = frozenset({"administrator", "manager", "council"})

TRUE_WORDS = frozenset({"true", "ja", "j", "yes", "y", "1", "waar", "x", "wahr"})
FALSE_WORDS = frozenset({"false", "nee", "n", "no", "0", "onwaar", ""})


def fold(text):
    """Fold what a person typed to a lookup key: case, spaces and hyphens ignored.

    >>> fold("  District-Team "), fold("Gemeld door")
    ('district_team', 'gemeld_door')
    """
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


def normalise_header(header, table, known):
    """The contract's column for a header as written (English or Dutch), else the header.

    >>> normalise_header(" Soort ", "actors", {"kind"})
    'kind'
    >>> normalise_header("Budget", "actors", set())
    'Budget'
    """
    key = fold(header)
    if key in known:
        return key
    alias = HEADER_ALIASES.get(table, {}).get(key)
    return alias if alias is not None else str(header).strip()

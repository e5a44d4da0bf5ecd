"""Governance roles toward affiliated bodies (verbonden partijen), and the rules they break.

The municipality holds four roles toward an affiliated body: commissioner (opdrachtgever),
owner (eigenaar), contractor (opdrachtnemer) and executor (uitvoerder), plus the director
(regisseur), the civil-service commissioner between the administrator and the body's
management. Commissioner and owner should not be held by the same administrator.
"""

import pandas as pd

from ..data.arguments import analysis
from ..data.vocab import ROLES

__all__ = ["role_conflicts", "role_overview", "RULES"]

RULES = {
    "commissioner_is_owner": ("error", "the same holder is commissioner and owner"),
    "no_commissioner": ("warning", "an affiliated body without a commissioner"),
    "no_director": ("warning", "a body with roles but no director"),
    "holder_not_administrator": ("warning", "commissioner or owner held by an actor who is "
                                            "not an administrator"),
}
_MESSAGES = {
    "en": {
        "commissioner_is_owner": "{holder} is both commissioner and owner of {body}: the "
                                 "commissioner's and the owner's interests can conflict.",
        "no_commissioner": "{body} has no commissioner (opdrachtgever).",
        "no_director": "{body} has roles but no director (regisseur).",
        "holder_not_administrator": "The {role} of {body} is held by {holder}, who is not an "
                                    "administrator.",
    },
    "nl": {
        "commissioner_is_owner": "{holder} is zowel opdrachtgever als eigenaar van {body}: de "
                                 "belangen van opdrachtgever en eigenaar kunnen botsen.",
        "no_commissioner": "{body} heeft geen opdrachtgever.",
        "no_director": "{body} heeft rollen maar geen regisseur.",
        "holder_not_administrator": "De rol {role} bij {body} wordt vervuld door {holder}, "
                                    "die geen bestuurder is.",
    },
}


def _bodies(case):
    actors = case.actors
    bodies = list(actors.loc[actors["kind"] == "affiliated_body", "id"])
    return bodies + [b for b in dict.fromkeys(case.roles["body"]) if b not in bodies]


@analysis
def role_conflicts(case, lang="en"):
    """Findings on the roles toward affiliated bodies: body, rule, severity, message.

    Rules: ``commissioner_is_owner`` (error), ``no_commissioner`` (warning: an affiliated
    body, or a body in the roles table, without one), ``no_director`` (warning: a body with
    roles but no director), ``holder_not_administrator`` (warning: commissioner or owner
    held by an actor who is not an administrator).

    >>> import relnet
    >>> c = relnet.role_conflicts(relnet.load_example("brakkenveen"))
    >>> c.loc[c["severity"] == "error", ["body", "rule"]].values.tolist()
    [['vp_sd', 'commissioner_is_owner']]
    """
    names = dict(zip(case.actors["id"], case.actors["name"]))
    kinds = dict(zip(case.actors["id"], case.actors["kind"]))
    roles = case.roles
    text = _MESSAGES[lang]
    rows = []

    def add(body, rule, **fields):
        message = text[rule].format(body=names.get(body, body), **fields)
        rows.append({"body": body, "rule": rule, "severity": RULES[rule][0],
                     "message": message})

    for body in _bodies(case):
        held = roles[roles["body"] == body]
        by_role = held.groupby("role")["holder"].apply(list).to_dict()
        for holder in sorted(set(by_role.get("commissioner", ())) & set(by_role.get("owner", ()))):
            add(body, "commissioner_is_owner", holder=names.get(holder, holder))
        if not by_role.get("commissioner"):
            add(body, "no_commissioner")
        if len(held) and not by_role.get("director"):
            add(body, "no_director")
        for role in ("commissioner", "owner"):
            for holder in by_role.get(role, ()):
                if kinds.get(holder) != "administrator":
                    add(body, "holder_not_administrator", holder=names.get(holder, holder),
                        role=role if lang == "en" else ROLES[role])
    return pd.DataFrame(rows, columns=["body", "rule", "severity", "message"])


@analysis
def role_overview(case, labels=False):
    """Who holds which role per body: index body, one column per role (holders joined by ', ').

    With ``labels=True`` holders are shown by name instead of id.

    >>> import relnet
    >>> relnet.role_overview(relnet.load_example("brakkenveen")).loc["vp_sd", "owner"]
    'weth_b'
    """
    names = dict(zip(case.actors["id"], case.actors["name"])) if labels else {}
    roles = case.roles
    table = pd.DataFrame(index=pd.Index(_bodies(case), name="body"), columns=list(ROLES),
                         dtype="str")
    for (body, role), group in roles.groupby(["body", "role"]):
        table.loc[body, role] = ", ".join(names.get(h, h) for h in group["holder"])
    return table

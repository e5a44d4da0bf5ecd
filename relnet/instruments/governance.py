"""Governance roles toward affiliated bodies (verbonden partijen), and the rules they break.

After the source on affiliated bodies (``docs/sources.md``): the municipality holds four
roles toward an affiliated body, commissioner (opdrachtgever), owner (eigenaar), contractor
(opdrachtnemer) and executor (uitvoerder). The director (regisseur) is the pivot between the
administrative commissioner (bestuurlijk opdrachtgever, an administrator) and the body's
management: the director acts as the *official* commissioner (ambtelijk opdrachtgever).
Commissioner and owner should not lie with the same portfolio holder.
"""

import pandas as pd

from ..data.arguments import analysis, renamed
from ..data.vocab import ROLES

__all__ = ["role_conflicts", "role_overview", "RULES", "OFFICIAL_KINDS"]

RULES = {
    "commissioner_is_owner": "error",
    "no_commissioner": "warning",
    "no_director": "warning",
    "holder_not_administrator": "warning",
    "director_is_administrator": "warning",
    "no_administrative_commissioner": "warning",
}
# Parties that are part of the civil service: entered as commissioner, they are the official
# commissioner, which is the director's role.
OFFICIAL_KINDS = frozenset({"department", "manager", "district_team", "municipality"})


def _bodies(case):
    actors = case.actors
    bodies = list(actors.loc[actors["kind"] == "affiliated_body", "id"])
    return bodies + [b for b in dict.fromkeys(case.roles["body"]) if b not in bodies]


@analysis(legacy=("lang",), dropped=("lang",))
def role_conflicts(case):
    """Findings on the roles toward affiliated bodies.

    Parameters
    ----------
    <<case>>

    Returns
    -------
    DataFrame
        body, rule, severity (error or warning), message (the key of the sentence that
        explains the finding: the rule, or ``official_commissioner``) and params (a dict:
        the names of the body and holder, the role's key) that `relnet.show` and the
        report put into words. Rules: ``commissioner_is_owner`` (error: the same holder is
        commissioner and owner of a body), ``no_commissioner`` (warning: an affiliated body,
        or a body in the roles table, without one), ``no_director`` (warning: a body with
        roles but no director), ``holder_not_administrator`` (warning: commissioner or
        owner held by an actor who is not an administrator; an official party entered as
        commissioner is told that the source makes the director the official commissioner,
        and, when a director is already there, that the administrative commissioner is
        missing), v3 ``director_is_administrator`` (warning: the director holds a political
        office, while the source makes the director the official commissioner, the pivot
        between the administrative commissioner and the body's management) and
        ``no_administrative_commissioner`` (warning: a body with a director but no
        administrator as commissioner). Messages attribute a reason to the source only
        where the source gives it.

    Examples
    --------
    >>> import relnet
    >>> c = relnet.role_conflicts(relnet.load_example("brakkenveen"))
    >>> c.loc[c["severity"] == "error", ["body", "rule"]].values.tolist()
    [['vp_sd', 'commissioner_is_owner']]
    """
    names = dict(zip(case.actors["id"], case.actors["name"]))
    kinds = dict(zip(case.actors["id"], case.actors["kind"]))
    roles = case.roles
    rows = []

    def add(body, rule, message=None, **fields):
        rows.append({"body": body, "rule": rule, "severity": RULES[rule],
                     "message": message or rule,
                     "params": {"body": names.get(body, body), **fields}})

    # every body's roles gathered once (a filter per body took minutes at 20,000 bodies)
    roles_of = {}
    for body, role, holder in zip(roles["body"], roles["role"], roles["holder"]):
        roles_of.setdefault(body, {}).setdefault(role, []).append(holder)
    for body in _bodies(case):
        by_role = roles_of.get(body, {})
        held = [h for holders in by_role.values() for h in holders]
        for holder in sorted(set(by_role.get("commissioner", ())) & set(by_role.get("owner", ()))):
            add(body, "commissioner_is_owner", holder=names.get(holder, holder))
        if not by_role.get("commissioner"):
            add(body, "no_commissioner")
        if len(held) and not by_role.get("director"):
            add(body, "no_director")
        directors = by_role.get("director", [])
        for role in ("commissioner", "owner"):
            for holder in by_role.get(role, ()):
                if kinds.get(holder) == "administrator":
                    continue
                official = role == "commissioner" and kinds.get(holder) in OFFICIAL_KINDS
                message = None
                if official:
                    message = "official_commissioner_is_director" if holder in directors \
                        else "official_commissioner_director_present" if directors \
                        else "official_commissioner"
                add(body, "holder_not_administrator", message,
                    holder=names.get(holder, holder), role=role,
                    director=", ".join(names.get(d, d) for d in directors))
        for holder in directors:
            if kinds.get(holder) == "administrator":
                add(body, "director_is_administrator", holder=names.get(holder, holder))
        if directors and not any(kinds.get(h) == "administrator"
                                 for h in by_role.get("commissioner", ())):
            add(body, "no_administrative_commissioner",
                director=", ".join(names.get(d, d) for d in directors))
    return pd.DataFrame(rows, columns=["body", "rule", "severity", "message", "params"])


@renamed(labels="names")
@analysis
def role_overview(case, *, names=False):
    """Who holds which role per body: index body, one column per role (holders joined by ', ').

    With ``names=True`` bodies and holders are shown by name instead of id.

    Parameters
    ----------
    <<case>>
    names : bool
        Show bodies and holders by their name from the actors table instead of their id.

    Returns
    -------
    DataFrame
        Index ``body``: the affiliated bodies of the actors table, then any other body the
        roles table names. Columns: the five roles commissioner, owner, contractor,
        executor and director (English keys); a cell holds the holders of that role joined
        by ", ", or NaN when nobody holds it.

    Raises
    ------
    <<raises_case>>

    See Also
    --------
    role_conflicts : the rules the roles break.

    Notes
    -----
    The roles follow the source on affiliated bodies (``docs/sources.md``, text 003).

    Examples
    --------
    >>> import relnet
    >>> relnet.role_overview(relnet.load_example("brakkenveen")).loc["vp_sd", "owner"]
    'weth_b'
    """
    shown = dict(zip(case.actors["id"], case.actors["name"])) if names else {}
    roles = case.roles
    table = pd.DataFrame(index=pd.Index(_bodies(case), name="body"), columns=list(ROLES),
                         dtype="str")
    for (body, role), group in roles.groupby(["body", "role"]):
        table.loc[body, role] = ", ".join(shown.get(h, h) for h in group["holder"])
    if names:
        table.index = pd.Index([shown.get(b, b) for b in table.index], name="body")
    return table

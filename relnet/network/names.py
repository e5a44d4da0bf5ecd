"""Name reconciliation: find spelling variants of one organisation and merge them.

Real actor lists spell one organisation many ways ("St. Welzijn Oost", "Stichting Welzijn
Oost", "WELZIJN OOST"). Names are normalised (case, accents, punctuation, legal-form words
such as stichting/bv/vereniging, common abbreviations) and compared with RapidFuzz's
token-sort ratio, a well-kept C++ implementation of Levenshtein-based similarity.
"""

import re
import unicodedata

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from ..data.arguments import analysis
from ..data.case import COLUMNS, renamed, response_renamed

__all__ = ["similar_names", "merge_actors", "normalise_name"]

LEGAL_FORMS = {"stichting", "st", "stg", "bv", "b.v", "nv", "n.v", "vereniging", "ver",
               "cooperatie", "coop", "ua", "u.a", "vof", "v.o.f", "foundation", "ltd",
               "inc", "de", "het", "the", "van", "voor"}
ABBREVIATIONS = {"gem": "gemeente", "gemeentelijke": "gemeente", "ggd": "gezondheidsdienst",
                 "jgz": "jeugdgezondheidszorg", "cjg": "centrum jeugd gezin",
                 "afd": "afdeling", "wt": "wijkteam"}


def normalise_name(name):
    """Fold a name for comparison.

    >>> normalise_name("St. Welzijn Oost")
    'welzijn oost'
    >>> normalise_name("Stichting Wélzijn  OOST B.V.")
    'welzijn oost'
    """
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"(?<=\w)\.(?=\w\b)", "", text)  # b.v -> bv
    words = re.split(r"[^\w]+", text)
    kept = [ABBREVIATIONS.get(w, w) for w in words if w and w not in LEGAL_FORMS]
    return " ".join(kept)


def _abbreviates(acronym, words):
    """Whether `acronym` abbreviates `words`: each word gives its initial and may give more
    letters of a Dutch compound in order ("ggz" for "geestelijke gezondheidszorg").

    >>> _abbreviates("ggz", ["geestelijke", "gezondheidszorg"])
    True
    >>> _abbreviates("ggz", ["gemeente", "oost"])
    False
    """
    if not words:
        return not acronym
    if not acronym or acronym[0] != words[0][0]:
        return False
    word, rest = words[0][1:], acronym[1:]
    # the first word may take 0..k further letters of the acronym as a subsequence
    for take in range(len(rest) + 1):
        position, ok = 0, True
        for letter in rest[:take]:
            position = word.find(letter, position) + 1
            if position == 0:
                ok = False
                break
        if ok and _abbreviates(rest[take:], words[1:]):
            return True
    return False


_DESCRIPTION = re.compile(r"\s*\([^()]*\)\s*$")  # "(mantelzorger)" at the end of a name
_BLOCK_CELLS = 2**22  # scores computed at once: 16 MB of float32, whatever the number of actors


def _similar_pairs(folded, threshold):
    """(i, j, score) with i < j for every pair of folded names scoring at least `threshold`,
    without an n x n matrix: names sorted by length, compared in blocks of rows against the
    names long enough to reach the threshold (a ratio of 2M/(a+b) >= t needs the shorter
    name to be at least t/(2-t) of the longer), so 20,000 actors take a few MB."""
    order = np.argsort([len(f) for f in folded], kind="stable")
    names = [folded[k] for k in order]
    lengths = np.array([len(f) for f in names])
    reach = max(threshold, 1e-9) / 100
    reach = reach / (2 - reach)
    n = len(names)
    ends = np.searchsorted(lengths, lengths / reach, side="right") if reach else \
        np.full(n, n)  # per row: the last name long enough to reach the threshold
    start = 0
    while start < n:
        rows = max(1, min(n - start, _BLOCK_CELLS // max(1, int(ends[start]) - start)))
        while rows > 1 and rows * (int(ends[start + rows - 1]) - start) > _BLOCK_CELLS:
            rows = max(1, rows // 2)
        stop = start + rows
        end_col = max(stop, int(ends[stop - 1]))
        block = process.cdist(names[start:stop], names[start:end_col],
                              scorer=fuzz.token_sort_ratio, score_cutoff=threshold,
                              dtype=np.float32, workers=-1)
        for r, c in zip(*np.nonzero(block)):
            if c > r:  # each pair once, never a name with itself
                i, j = sorted((int(order[start + r]), int(order[start + c])))
                yield i, j, float(block[r, c])
        start = stop


@analysis
def similar_names(case, *, threshold=85.0, limit=None):
    """Pairs of actors whose names are probably the same organisation, best first.

    Parameters
    ----------
    <<case>>
    threshold : float
        Minimum similarity (0-100) to propose a pair.
    limit : int, optional
        Return at most this many pairs (the best); None: all.

    Returns
    -------
    DataFrame with id_a, name_a, id_b, name_b, score (0-100), reason. A name with a
    description in brackets at its end ("Ilse Dijkhuis (mantelzorger)") is also compared
    without it with names that have none ("Ilse Dijkhuis").

    Examples
    --------
    >>> import pandas as pd
    >>> from relnet import Case
    >>> actors = pd.DataFrame({"id": ["a", "b", "c"], "kind": ["welfare_org"] * 3,
    ...     "name": ["St. Welzijn Oost", "Stichting Welzijn Oost", "Zorggroep Noord"]})
    >>> similar_names(Case(actors=actors))[["id_a", "id_b", "score"]]
      id_a id_b  score
    0    a    b  100.0
    >>> actors = pd.DataFrame({"id": ["mz", "new"], "kind": ["informal_carer", "other"],
    ...     "name": ["Ilse Dijkhuis (mantelzorger)", "Ilse Dijkhuis"]})
    >>> similar_names(Case(actors=actors))[["id_a", "id_b", "reason"]].values.tolist()
    [['mz', 'new', 'same name without the description in brackets']]
    """
    actors = case.actors
    ids = actors["id"].tolist()
    raw = actors["name"].astype(str).tolist()
    folded = [normalise_name(n) for n in raw]
    rows = []
    for i, j, score in _similar_pairs(folded, threshold):
        reason = "same name after folding" if folded[i] == folded[j] else "similar spelling"
        rows.append((ids[i], raw[i], ids[j], raw[j], score, reason))
    # A name typed without the description in brackets that the case gives it ("Ilse
    # Dijkhuis" for "Ilse Dijkhuis (mantelzorger)"): compared without it, when one of the
    # two names has a description and the other none (two descriptions say two roles).
    bare = [normalise_name(_DESCRIPTION.sub("", n)) for n in raw]
    described = [b != f for b, f in zip(bare, folded)]
    if any(described):
        for i, j, score in _similar_pairs(bare, threshold):
            if described[i] != described[j] and bare[i] and bare[j]:
                rows.append((ids[i], raw[i], ids[j], raw[j], score,
                             "same name without the description in brackets"
                             if bare[i] == bare[j] else
                             "similar spelling without the description in brackets"))
    # Acronyms: "GGZ Oost" for "Geestelijke Gezondheidszorg Oost".
    for i, short in enumerate(folded):
        head = short.split()[0] if short else ""
        if not (2 <= len(head) <= 6 and raw[i].split()[0].isupper()):
            continue
        rest = short[len(head):].strip()
        for j, long in enumerate(folded):
            if i == j or len(long.split()) <= len(short.split()):
                continue
            words = long.split()
            tail = len(rest.split()) if rest else 0
            lead = words[:len(words) - tail] if tail else words
            if " ".join(words[len(lead):]) == rest and _abbreviates(head, lead):
                a, b = sorted((i, j))
                rows.append((ids[a], raw[a], ids[b], raw[b], 90.0, "abbreviation"))
    frame = pd.DataFrame(rows, columns=["id_a", "name_a", "id_b", "name_b", "score", "reason"])
    frame = frame.sort_values(["score", "id_a", "id_b"], ascending=[False, True, True])
    frame = frame.drop_duplicates(["id_a", "id_b"]).reset_index(drop=True)
    return frame.head(limit) if limit else frame


@analysis
def merge_actors(case, mapping):
    """A new case in which each actor `old` is merged into `new` ({old: new}).

    Ties, partner scores, goal links and roles of `old` move to `new`; the actor row of
    `new` is kept (its `waves` become the union of both). Ties that become duplicates (same
    ends, type and wave; either direction for undirected ties) are collapsed: largest
    weight, mean trust and ratings, earliest `since`, every different comment (joined with
    `` | ``). Ties reported by different respondents (`reported_by`) stay apart: each is
    that respondent's report. A tie between `old` and `new` disappears. Partner scores
    that meet in the same wave are averaged.

    Parameters
    ----------
    case : Case
        Checked against the contract first; it is not changed.
    mapping : dict of str -> str
        Actor id to merge -> actor id to merge it into. Several actors may be merged into
        the same one; an actor cannot be both merged and merged into (merge in two steps).

    Returns
    -------
    Case
        A copy of the case without the merged actors: their ties (including
        ``reported_by``), partner scores, goal links and roles moved to the actor they
        were merged into. Goal links that meet keep the largest contribution; roles that
        meet are kept once.

    Raises
    ------
    <<raises_case>>
    ValueError
        An id in `mapping` is not an actor's, an actor is mapped to itself, or an actor is
        both merged and merged into.

    See Also
    --------
    similar_names : pairs of actors that are probably the same organisation.

    Examples
    --------
    >>> import relnet
    >>> case = relnet.load_example("haverdonk")
    >>> merged = merge_actors(case, {"vrijw_cent": "welz_hav"})
    >>> "vrijw_cent" in set(merged.actors["id"]), "vrijw_cent" in set(merged.ties["source"])
    (False, False)
    """
    ids = set(case.actors["id"])
    for old, new in mapping.items():
        for role, value in (("merge", old), ("merge into", new)):
            if value not in ids:
                raise ValueError(f"cannot {role} '{value}': no actor has that id")
        if old == new:
            raise ValueError(f"cannot merge '{old}' into itself")
    if set(mapping) & set(mapping.values()):
        raise ValueError("an actor is both merged and merged into; merge in two steps")

    actors = case.actors.copy()
    for old, new in mapping.items():
        waves = actors.set_index("id")["waves"]
        if pd.notna(waves.get(new)) and pd.notna(waves.get(old)):
            union = sorted(set(waves[new].split("|")) | set(waves[old].split("|")))
            actors.loc[actors["id"] == new, "waves"] = "|".join(union)
        elif pd.isna(waves.get(old)):
            actors.loc[actors["id"] == new, "waves"] = np.nan
    actors = actors[~actors["id"].isin(mapping)].reset_index(drop=True)

    ties = case.ties.copy()
    for column in ("source", "target", "reported_by"):
        ties[column] = renamed(ties[column], mapping)
    ties = ties[ties["source"] != ties["target"]]
    ties = _collapse_ties(ties)

    partners = case.partners.copy()
    partners["actor"] = renamed(partners["actor"], mapping)
    if len(partners):
        keys = ["actor", "wave"]
        agg = {c: ("mean" if c in ("influence", "dependency") else "first")
               for c in partners.columns if c not in keys}
        partners = partners.groupby(keys, dropna=False, sort=False, as_index=False).agg(agg)
        partners = partners[COLUMNS["partners"] + [c for c in partners.columns
                                                   if c not in COLUMNS["partners"]]]

    links = case.goal_links.copy()
    links["actor"] = renamed(links["actor"], mapping)
    links = links.sort_values("contribution", ascending=False, na_position="last")
    links = links.drop_duplicates(["goal", "actor"]).sort_index().reset_index(drop=True)

    roles = case.roles.copy()
    roles["body"] = renamed(roles["body"], mapping)
    roles["holder"] = renamed(roles["holder"], mapping)
    roles = roles.drop_duplicates().reset_index(drop=True)

    return case.copy(actors=actors, ties=ties, partners=partners.reset_index(drop=True),
                     goal_links=links, roles=roles, meta=response_renamed(case.meta, mapping))


def _joined(values):
    """The different texts of ties that become one (comments), in order, joined with " | "."""
    texts = list(dict.fromkeys(str(v) for v in values if pd.notna(v) and str(v) != ""))
    return " | ".join(texts) if texts else pd.NA


def _collapse_ties(ties):
    if not len(ties):
        return ties.reset_index(drop=True)
    ties = ties.copy()
    undirected = ~ties["directed"].astype(bool)
    swap = undirected & (ties["source"] > ties["target"])
    ties.loc[swap, ["source", "target"]] = ties.loc[swap, ["target", "source"]].to_numpy()
    # a tie as each respondent reported it stays theirs: reports are not merged
    keys = ["source", "target", "type", "wave", "directed", "reported_by"]
    agg = {}
    for column in ties.columns:
        if column in keys:
            continue
        if column == "weight":
            agg[column] = "max"
        elif column == "since":
            agg[column] = "min"
        elif pd.api.types.is_float_dtype(ties[column]):
            agg[column] = "mean"
        elif pd.api.types.is_bool_dtype(ties[column]) or \
                str(ties[column].dtype) == "boolean":
            agg[column] = "first"
        else:
            agg[column] = _joined
    out = ties.groupby(keys, dropna=False, sort=False, as_index=False).agg(agg)
    return out[list(ties.columns)].reset_index(drop=True)

"""Trainer material as data: the 10 lessons, the four laws and the six opportunities.

The texts are relnet's paraphrase of the sources (``docs/sources.md``), held in the
catalogue in Dutch and English; this module says what each item is and where in the
workbench it stands next to the evidence it speaks to. The reflection questions of the
lessons are relnet's own, and say so wherever they are shown.

>>> import relnet
>>> relnet.LESSONS[7].title("nl"), relnet.LESSONS[7].indicator
('toont zich betrokken', 'mutuality')
>>> print(relnet.LAWS[3].text("en"))
Transforming only works in co-creation. Citizens, enterprises and government work
together as equals. It is about vulnerability and trust.
"""

from dataclasses import dataclass

import pandas as pd

from .. import i18n
from .._docs import shared

__all__ = ["LESSONS", "LAWS", "OPPORTUNITIES", "Lesson", "Law", "Opportunity",
           "lessons_table", "laws_table", "opportunities_table"]


@dataclass(frozen=True)
class Lesson:
    """One of the 10 lessons; `indicator` is its network indicator (None: lessons 2, 3, 6)."""

    number: int
    indicator: str | None

    def title(self, lang=None):
        return i18n.t(f"lesson.{self.number}", lang)

    def meaning(self, lang=None):
        return i18n.t(f"lesson_meaning.{self.number}", lang)

    def question(self, lang=None):
        """relnet's reflection question for a workshop (not from the source)."""
        return i18n.t(f"lesson_question.{self.number}", lang)


@dataclass(frozen=True)
class Law:
    """A law of transformation (three sentences, as the source gives them) and where it is
    shown: `place` names the explorer/notebook, `evidence` what it stands next to."""

    number: int
    place: str
    evidence: str

    def title(self, lang=None):
        return i18n.t(f"law.{self.number}", lang)

    def text(self, lang=None):
        return " ".join([self.title(lang) + "."] + [
            i18n.t(f"law_{part}.{self.number}", lang) for part in ("first", "second")])


@dataclass(frozen=True)
class Opportunity:
    """An opportunity for the board: its question, its title (KANS) and its first step."""

    number: int
    place: str
    evidence: str

    def question(self, lang=None):
        return i18n.t(f"opportunity.{self.number}", lang)

    def title(self, lang=None):
        return i18n.t(f"opportunity_title.{self.number}", lang)

    def step(self, lang=None):
        return i18n.t(f"opportunity_step.{self.number}", lang)


LESSONS = {n: Lesson(n, indicator) for n, indicator in [
    (1, "outward_share"), (2, None), (3, None), (4, "informal_facilitation"),
    (5, "provider_density"), (6, None), (7, "mutuality"), (8, "informal_reach"),
    (9, "administrator_reach"), (10, "cross_domain_share")]}

# Where each law and opportunity appears (docs/sources.md lists the same).
LAWS = [
    Law(1, "goals", "the integral main goal and its vision (goal tree)"),
    Law(2, "lessons", "the self-assessment of behaviour (10 lessons)"),
    Law(3, "waves", "what changed between waves"),
    Law(4, "network", "mutuality and the PARTNER trust scores"),
]
OPPORTUNITIES = [
    Opportunity(1, "roles", "the roles toward affiliated bodies (commissioning)"),
    Opportunity(2, "partners", "the partner matrix and its moves (funding forms)"),
    Opportunity(3, "waves", "patterns over the waves, not single incidents"),
    Opportunity(4, "network", "the differences between districts"),
    Opportunity(5, "lessons", "lesson 6, starting small"),
    Opportunity(6, "lessons", "the benchmark against other municipalities"),
]


@shared
def lessons_table(lang=None):
    """The 10 lessons as a table: lesson, title, meaning, question (relnet's), indicator.

    Parameters
    ----------
    lang : {"nl", "en"}, optional
        Language of title, meaning and question; None: the default language set by
        `relnet.set_language` (Dutch by default).

    Returns
    -------
    DataFrame
        One row per lesson (1-10, in order): lesson (number), title and meaning (relnet's
        paraphrase of the source), question (relnet's own reflection question for a
        workshop, not from the source), indicator (the key of the lesson's network
        indicator in `relational_profile`, None for lessons 2, 3 and 6).

    Raises
    ------
    <<raises_lang>>

    See Also
    --------
    lesson_scores : the self-assessment per lesson.
    relational_profile : the indicators.

    Notes
    -----
    The source of the lessons: ``docs/sources.md`` (text 000, *De relatiegerichte
    gemeente; 10 lessen voor transformatie in het sociaal domein*); the indicators:
    ``docs/indicators.md``.

    Examples
    --------
    >>> lessons_table("nl").loc[0, "title"]
    'gaat op stap'
    """
    return pd.DataFrame([
        {"lesson": n, "title": item.title(lang), "meaning": item.meaning(lang),
         "question": item.question(lang), "indicator": item.indicator}
        for n, item in LESSONS.items()])


@shared
def laws_table(lang=None):
    """The four laws: law, text, place (explorer), evidence.

    Parameters
    ----------
    lang : {"nl", "en"}, optional
        Language of the text; None: the default language set by `relnet.set_language`
        (Dutch by default).

    Returns
    -------
    DataFrame
        One row per law of transformation (1-4): law (number), text (its title and its
        two statements, relnet's paraphrase), place (the explorer that shows it:
        ``"goals"``, ``"lessons"``, ``"waves"`` or ``"network"``) and evidence (in English:
        what it is shown next to).

    Raises
    ------
    <<raises_lang>>

    Notes
    -----
    The source of the laws: ``docs/sources.md`` (text 002, *Transformatiegids Sociaal
    Domein, De kansen voor 2017, Deel 1: Gemeentelijk bestuur*).

    Examples
    --------
    >>> laws_table("en")["law"].tolist()
    [1, 2, 3, 4]
    """
    return pd.DataFrame([{"law": item.number, "text": item.text(lang), "place": item.place,
                          "evidence": item.evidence} for item in LAWS])


@shared
def opportunities_table(lang=None):
    """The six opportunities: opportunity, question, title, step, place, evidence.

    Parameters
    ----------
    lang : {"nl", "en"}, optional
        Language of question, title and step; None: the default language set by
        `relnet.set_language` (Dutch by default).

    Returns
    -------
    DataFrame
        One row per opportunity (kans) for the board (1-6): opportunity (number),
        question, title, step (the first step), all relnet's paraphrase; place (the
        explorer that shows it) and evidence (in English: what it is shown next to).

    Raises
    ------
    <<raises_lang>>

    Notes
    -----
    The source of the opportunities: ``docs/sources.md`` (text 002, *Transformatiegids
    Sociaal Domein, De kansen voor 2017, Deel 1: Gemeentelijk bestuur*).

    Examples
    --------
    >>> len(opportunities_table("en"))
    6
    """
    return pd.DataFrame([{"opportunity": item.number, "question": item.question(lang),
                          "title": item.title(lang), "step": item.step(lang),
                          "place": item.place, "evidence": item.evidence}
                         for item in OPPORTUNITIES])

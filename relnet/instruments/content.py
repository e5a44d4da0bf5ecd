"""Trainer material as bilingual data: the 10 lessons, four laws and six opportunities.

The lesson titles and meanings, the four laws of transformation and the six opportunities
for the board follow DESIGN.md section 1 (which summarises the source material). The
reflection questions are relnet's own wording for workshops, not quotations.
"""

import pandas as pd

__all__ = ["LESSONS", "LAWS", "OPPORTUNITIES", "lessons_table", "text"]

# number -> dict(nl, en, meaning_nl, meaning_en, question_nl, question_en, indicator)
LESSONS = {
    1: dict(nl="gaat op stap", en="goes out",
            meaning_nl="gaat de samenleving in om kennis op te halen, in plaats van intern "
                       "te vergaderen",
            meaning_en="goes out into society to bring knowledge in, instead of internal "
                       "meetings",
            question_nl="Met wie buiten het gemeentehuis sprak u deze maand?",
            question_en="Whom outside the town hall did you talk to this month?",
            indicator="outward_share"),
    2: dict(nl="besteedt weinig tijd aan beleidsnota's", en="spends little time on policy memos",
            meaning_nl="handelt met partners in plaats van lange beleidsnota's te schrijven",
            meaning_en="acts with partners rather than writing long policy memos",
            question_nl="Welke nota had een gesprek met partners kunnen zijn?",
            question_en="Which memo could have been a conversation with partners?",
            indicator=None),
    3: dict(nl="heeft flexibele medewerkers en processen", en="has flexible staff and processes",
            meaning_nl="flexibele medewerkers en een flexibele organisatie",
            meaning_en="flexible staff and organisation",
            question_nl="Welke regel of procedure hield een goede oplossing tegen?",
            question_en="Which rule or procedure held back a good solution?",
            indicator=None),
    4: dict(nl="maakt eigen kracht los", en="releases citizens' own strength",
            meaning_nl="stimuleert en faciliteert eigen kracht en initiatief van inwoners",
            meaning_en="stimulates and facilitates citizens' own strength and initiative",
            question_nl="Welk initiatief van inwoners steunt u zonder het over te nemen?",
            question_en="Which citizens' initiative do you support without taking it over?",
            indicator="informal_facilitation"),
    5: dict(nl="ontzorgt", en="relieves care",
            meaning_nl="ondersteunt zorg door aanbieders op elkaar af te stemmen",
            meaning_en="supports care by coordinating providers",
            question_nl="Waar moeten inwoners nu zelf aanbieders op elkaar afstemmen?",
            question_en="Where do residents now have to coordinate providers themselves?",
            indicator="provider_density"),
    6: dict(nl="begint klein", en="starts small",
            meaning_nl="kleine experimenten in plaats van beleid van bovenaf",
            meaning_en="small experiments instead of top-down policy",
            question_nl="Welk klein experiment kunt u volgende maand starten?",
            question_en="Which small experiment could you start next month?",
            indicator=None),
    7: dict(nl="toont zich betrokken", en="shows involvement",
            meaning_nl="gelijkwaardige relaties; partners vragen elkaar om hulp, in beide "
                       "richtingen",
            meaning_en="equal relationships; partners ask each other for help, both ways",
            question_nl="Wanneer vroeg de gemeente een partner voor het laatst om hulp?",
            question_en="When did the municipality last ask a partner for help?",
            indicator="mutuality"),
    8: dict(nl="heeft oog voor informele hulpverleners", en="sees informal helpers",
            meaning_nl="ondersteunt het informele netwerk rond mensen die hulp nodig hebben",
            meaning_en="supports the informal network around people in need",
            question_nl="Wie zijn de mantelzorgers en sleutelpersonen in uw wijk?",
            question_en="Who are the informal carers and key persons in your district?",
            indicator="informal_share"),
    9: dict(nl="heeft relatiegerichte bestuurders en leidinggevenden",
            en="has relationship-oriented administrators and managers",
            meaning_nl="bestuurders en leidinggevenden geven het goede voorbeeld",
            meaning_en="administrators and managers lead by example",
            question_nl="Welke partner bezocht uw wethouder zelf?",
            question_en="Which partner did your alderman visit in person?",
            indicator="administrator_reach"),
    10: dict(nl="benadert transformatie integraal", en="approaches transformation integrally",
             meaning_nl="verbindt vraagstukken over beleidsdomeinen heen",
             meaning_en="links issues across policy domains",
             question_nl="Welk probleem van een gezin raakt drie domeinen tegelijk?",
             question_en="Which family's problem touches three domains at once?",
             indicator="cross_domain_share"),
}

LAWS = [
    dict(nl="Transformatie begint bij een gedeeld verlangen: waarden en eigenaarschap, geen "
            "visienota.",
         en="Transformation starts from a shared desire: values and ownership, not a vision "
            "memo.",
         evidence="lessons"),
    dict(nl="Transformatie vraagt ander denken en doen, geen aangepaste systemen.",
         en="Transformation asks for different thinking and behaviour, not adjusted systems.",
         evidence="waves"),
    dict(nl="Transformatie is een ontdekkingsreis, geen stappenplan.",
         en="Transformation is a journey of discovery, not a step plan.",
         evidence="waves"),
    dict(nl="Transformatie werkt alleen in co-creatie van inwoners, ondernemers en overheid "
            "als gelijken.",
         en="Transformation only works in co-creation of citizens, enterprises and government "
            "as equals.",
         evidence="mutuality"),
]

OPPORTUNITIES = [
    dict(nl="Balanceer verantwoordelijkheid en ruimte",
         en="Balance responsibility and room",
         question_nl="Welke verantwoordelijkheid kunt u delen?",
         question_en="Which responsibility can you share?",
         step_nl="Deel verantwoordelijkheid met een partner.",
         step_en="Share a responsibility with a partner.",
         evidence="hub_dependence"),
    dict(nl="Verbind interne effectiviteit met externe legitimiteit",
         en="Connect internal effectiveness with external legitimacy",
         question_nl="Waar levert een vast systeem weinig publieke waarde op?",
         question_en="Where does a fixed system deliver little public value?",
         step_nl="Maak vaste systemen vloeibaar waar de publieke waarde hoog is.",
         step_en="Make fixed systems fluid where public value is high.",
         evidence="trust_value"),
    dict(nl="Zie risico's als kans",
         en="Treat risks as a chance",
         question_nl="Stuurt u op patronen of op incidenten?",
         question_en="Do you steer on patterns or on incidents?",
         step_nl="Stuur op patronen, niet op incidenten.",
         step_en="Steer on patterns, not incidents.",
         evidence="waves"),
    dict(nl="Benut verschillen",
         en="Use differences",
         question_nl="Durft u per wijk te differentiëren (maatwerk versus gelijke behandeling)?",
         question_en="Do you dare to differentiate between districts (custom work versus "
                     "equal treatment)?",
         step_nl="Vergelijk de wijken en kies per wijk een aanpak.",
         step_en="Compare the districts and choose an approach per district.",
         evidence="districts"),
    dict(nl="Stimuleer innovatie",
         en="Stimulate innovation",
         question_nl="Welk klein experiment mag mislukken?",
         question_en="Which small experiment may fail?",
         step_nl="Begin klein; een licht innovatiefonds, beoordeeld door inwoners.",
         step_en="Start small; a light innovation fund judged by residents.",
         evidence="lessons"),
    dict(nl="Leer van en met andere gemeenten",
         en="Learn from and with other municipalities",
         question_nl="Van welke gemeente kunt u iets leren?",
         question_en="Which municipality can you learn from?",
         step_nl="Vergelijk uzelf met andere gemeenten (benchmark).",
         step_en="Compare yourself with other municipalities (benchmark).",
         evidence="benchmark"),
]


def text(entry, field, lang="en"):
    """A bilingual field of an entry: ``text(LESSONS[1], "meaning", "nl")``."""
    key = field if field in ("nl", "en") else f"{field}_{lang}"
    return entry[lang] if field in ("title", "nl", "en") else entry[key]


def lessons_table(lang="en"):
    """The 10 lessons as a table: lesson, title, meaning, question, indicator.

    >>> lessons_table("nl").loc[0, "title"]
    'gaat op stap'
    """
    return pd.DataFrame([
        {"lesson": n, "title": d[lang], "meaning": d[f"meaning_{lang}"],
         "question": d[f"question_{lang}"], "indicator": d["indicator"]}
        for n, d in LESSONS.items()])

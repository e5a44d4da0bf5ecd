"""Build the shipped illustrative cases in data/cases (deterministic; run `python data/build_cases.py`).

Every case is fictional: invented municipalities, organisations and persons. The stories
illustrate the lessons of the relationship-oriented municipality; they do not describe any
real municipality. A test rebuilds them and compares with the committed files.
"""

import random
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import relnet  # noqa: E402
from relnet.data.case import COLUMNS, Case  # noqa: E402

FIRST = ["Anouk", "Bram", "Carla", "Daan", "Esra", "Floor", "Gijs", "Hanna", "Ilse", "Jeroen",
         "Karin", "Lotte", "Mehmet", "Noor", "Otto", "Petra", "Rik", "Sanne", "Tamara", "Wout",
         "Yara", "Ziggy", "Fenna", "Hidde", "Jasmijn", "Kees", "Lieke", "Mirjam"]
LAST = ["Akkerman", "Bosveld", "Claessen", "Dijkhuis", "Everaerts", "Franssen", "Geurtsen",
        "Hoefnagel", "IJzerman", "Jonkers", "Kuipers", "Lambregts", "Mertens", "Nijhof",
        "Oosterbaan", "Peeters", "Rutgers", "Smeets", "Terlouw", "Verhoeven", "Wagemakers",
        "Zwanenburg", "Brouwer", "Cornelissen"]

W1, W2 = 2015, 2017


# Where every shipped case but the source-based one comes from (case.yaml's source, licence).
MADE_FOR_RELNET = {
    "source": "Fictieve illustratie, gemaakt voor relnet (het bouwscript staat in de map data)",
    "source_en": "Fictional illustration made for relnet (the build script is in the data "
                 "folder)",
    "licence": "CC0-1.0",
}


class Builder:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.actors, self.ties, self.partners = [], [], []
        self.goals, self.goal_links, self.roles, self.lessons = [], [], [], []
        self.activities = []
        self._names = set()

    def person(self):
        while True:
            name = f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"
            if name not in self._names:
                self._names.add(name)
                return name

    def actor(self, id, name, kind, domain="", person=False, waves="", district=""):
        self.actors.append(dict(id=id, name=name, kind=kind, domain=domain, person=person,
                                waves=waves, district=district))
        return id

    def ids(self, *kinds):
        return [a["id"] for a in self.actors if a["kind"] in kinds]

    def present(self, actor, wave):
        row = next(a for a in self.actors if a["id"] == actor)
        return not row["waves"] or str(wave) in row["waves"].split("|")

    def tie(self, source, target, type, wave, weight=None, **extra):
        if source == target or not (self.present(source, wave) and self.present(target, wave)):
            return
        key = (source, target, type, wave)
        if any((t["source"], t["target"], t["type"], t["wave"]) == key for t in self.ties):
            return
        weight = weight or self.rng.randint(1, 5)
        self.ties.append(dict(source=source, target=target, type=type, wave=wave,
                              weight=weight, **extra))

    def tie_both(self, a, b, type, wave, **extra):
        """A relationship both ways: two directed ties (partners ask each other)."""
        self.tie(a, b, type, wave, directed=True, **extra)
        self.tie(b, a, type, wave, directed=True, **extra)

    def random_ties(self, group_a, group_b, type, wave, p):
        for a in group_a:
            for b in group_b:
                if a < b or group_a is not group_b:
                    if self.rng.random() < p:
                        self.tie(a, b, type, wave)

    def rate(self, wave, share, trust_shift=0.0):
        """PARTNER-style ratings by the tie's source about its target for some ties."""
        for tie in self.ties:
            if tie["wave"] != wave or self.rng.random() > share:
                continue
            tie["reported_by"] = tie["source"]
            for column in ("reliability", "mission", "openness"):
                tie[column] = max(1, min(4, round(self.rng.gauss(2.6 + trust_shift, 0.7))))
            for column in ("power", "resources", "involvement"):
                tie[column] = max(1, min(4, round(self.rng.gauss(2.7, 0.7))))
            tie["trust"] = max(1, min(5, round(self.rng.gauss(3.2 + trust_shift, 0.8))))

    def partner(self, actor, influence, dependency, wave, move="", note="", bundle=""):
        self.partners.append(dict(actor=actor, influence=influence, dependency=dependency,
                                  move=move, wave=wave, note=note, bundle=bundle))

    def goal(self, id, label, parent="", vision=""):
        self.goals.append(dict(id=id, label=label, parent=parent, vision=vision))

    def link(self, goal, actor, contribution=None):
        self.goal_links.append(dict(goal=goal, actor=actor,
                                    contribution=contribution or self.rng.randint(1, 5)))

    def activity(self, id, name, goal, team, effort, statutory=False):
        """A task of a municipal team: what goal it serves ("" = none yet), hours a year."""
        self.activities.append(dict(id=id, name=name, goal=goal, team=team, effort=effort,
                                    statutory=statutory))

    def role(self, body, role, holder):
        self.roles.append(dict(body=body, role=role, holder=holder))

    def survey(self, n, profiles):
        """Self-assessment answers: profiles = {wave: [mean score of lesson 1..10]}."""
        for wave, means in profiles.items():
            for r in range(1, n + 1):
                for lesson, mean in enumerate(means, 1):
                    score = max(1, min(5, round(self.rng.gauss(mean, 0.8))))
                    self.lessons.append(dict(respondent=f"R{r:02d}", lesson=lesson,
                                             score=score, wave=wave, comment=""))

    def case(self, meta):
        frames = {}
        for table in ("actors", "ties", "partners", "goals", "goal_links", "activities", "roles",
                      "lessons"):
            rows = getattr(self, table)
            frame = pd.DataFrame(rows)
            frames[table] = frame.reindex(columns=COLUMNS[table])
        # Read back through the CSV reader so the shipped files are exactly what users get.
        return Case(meta=meta, **frames)


def municipal_core(b, town, districts, admins, team_waves=""):
    b.actor("gem", f"Gemeente {town}", "municipality", "general")
    b.actor("raad", f"Gemeenteraad {town}", "council", "general")
    b.actor("afd_sd", "Afdeling Sociaal Domein", "department", "care|youth|welfare")
    b.actor("afd_wi", "Afdeling Werk en Inkomen", "department", "work|income")
    for key, portfolio in admins:
        title = portfolio if portfolio == "burgemeester" else f"wethouder {portfolio}"
        b.actor(key, f"{b.person()} ({title})", "administrator", "general", person=True)
    for d in districts:
        b.actor(f"wt_{d.lower()}", f"Wijkteam {d}", "district_team", "care|youth|welfare",
                waves=team_waves, district=d)


def informal(b, districts, n_carers, n_keys, initiatives, later=()):
    for i in range(n_carers):
        b.actor(f"mz_{i + 1:02d}", f"{b.person()} (mantelzorger)", "informal_carer", "care",
                person=True, district=b.rng.choice(districts))
    for i in range(n_keys):
        b.actor(f"sp_{i + 1:02d}", f"{b.person()} (sleutelpersoon)", "key_person", "welfare",
                person=True, district=b.rng.choice(districts))
    for key, name, domain in initiatives:
        b.actor(key, name, "citizen_initiative", domain,
                waves=f"{W2}" if key in later else "", district=b.rng.choice(districts))


# --------------------------------------------------------------------------- Haverdonk


def haverdonk():
    """A 'regiegemeente' hub in 2015 that becomes a network by 2017."""
    b = Builder(1)
    districts = ["Noord", "Zuid", "Centrum"]
    municipal_core(b, "Haverdonk", districts,
                   [("weth_zorg", "Zorg en Jeugd"), ("weth_werk", "Werk en Inkomen")],
                   team_waves=f"{W2}")
    orgs = [
        ("zorg_linde", "Zorggroep De Lindehof", "care_provider", "care|health"),
        ("zorg_thuis", "Thuiszorg Haverdonk", "care_provider", "care"),
        ("ggz_oost", "GGZ Haverland", "care_provider", "health|care"),
        ("jeugd_kompas", "Jeugdhulp Het Kompas", "care_provider", "youth"),
        ("welz_hav", "Stichting Welzijn Haverdonk", "welfare_org", "welfare"),
        ("vrijw_cent", "Vrijwilligerscentrale Haverdonk", "welfare_org", "welfare"),
        ("schuld_hulp", "Schuldhulp Haverland", "welfare_org", "income"),
        ("school_bron", "Basisschool De Bron", "education", "education|youth"),
        ("roc_have", "Vakcollege Haverland", "education", "education|work"),
        ("woon_hav", "Woonstichting Haverdonk", "housing", "housing"),
        ("werkg_metaal", "Metaalbedrijf Van Haveren", "employer", "work"),
        ("werkg_groen", "Hoveniersbedrijf Groenrijk", "employer", "work"),
        ("vp_werk", "Werkbedrijf Haverland (GR)", "affiliated_body", "work|income"),
        ("vp_inkoop", "Regionaal Inkoopbureau Jeugd Haverland", "affiliated_body", "youth"),
        ("buur_oost", "Gemeente Oost-Haverland", "other_municipality", "general"),
    ]
    for key, name, kind, domain in orgs:
        b.actor(key, name, kind, domain)
    informal(b, districts, 6, 5, [
        ("bi_tuin", "Buurttuin Noord", "welfare"),
        ("bi_eten", "Samen Eten Zuid", "welfare|care"),
        ("bi_taal", "Taalcafé Centrum", "education|work"),
    ], later=("bi_eten", "bi_taal"))
    municipal = ["gem", "afd_sd", "afd_wi"]
    partners = [o[0] for o in orgs]
    informal_ids = b.ids("informal_carer", "key_person", "citizen_initiative")
    # 2015: everything runs through the town hall.
    for p in partners:
        hub = "afd_wi" if "work" in next(o[3] for o in orgs if o[0] == p) else "afd_sd"
        b.tie(hub, p, b.rng.choice(["funding", "contract"]), W1)
        b.tie(p, hub, "information", W1, directed=True)  # reporting: one way
    for body in ("vp_werk", "vp_inkoop"):
        b.tie("gem", body, "governance", W1, weight=4)
    b.tie("zorg_linde", "zorg_thuis", "collaboration", W1)
    b.tie("school_bron", "jeugd_kompas", "referral", W1)
    for a in municipal[1:]:
        b.tie("gem", a, "governance", W1, weight=5)
    b.tie("weth_zorg", "afd_sd", "governance", W1)
    b.tie("weth_werk", "afd_wi", "governance", W1)
    b.tie("raad", "gem", "governance", W1)
    for i in informal_ids:
        if b.rng.random() < 0.5:
            b.tie(i, "afd_sd", "information", W1, weight=1, directed=True)
    # 2017: partners work with each other, district teams link care and informal help.
    for a in municipal[1:]:
        b.tie("gem", a, "governance", W2, weight=5)
    b.tie("weth_zorg", "afd_sd", "governance", W2)
    b.tie("weth_werk", "afd_wi", "governance", W2)
    b.tie("raad", "gem", "governance", W2)
    for body in ("vp_werk", "vp_inkoop"):
        b.tie("gem", body, "governance", W2, weight=4)
    for p in partners[:6]:
        b.tie("afd_sd", p, "contract", W2)
    b.random_ties(partners, partners, "collaboration", W2, 0.35)
    teams = b.ids("district_team")
    care = b.ids("care_provider", "welfare_org")
    for t in teams:
        for c in care:
            if b.rng.random() < 0.6:
                b.tie(t, c, "referral", W2)
        b.tie("afd_sd", t, "funding", W2)
        b.tie_both(t, "afd_sd", "information", W2)
    for i in informal_ids:
        district = next(a["district"] for a in b.actors if a["id"] == i)
        team = f"wt_{district.lower()}"
        b.tie(team, i, "support", W2)
        b.tie(i, team, "information", W2)
        if b.rng.random() < 0.5:
            b.tie(i, b.rng.choice(["welz_hav", "vrijw_cent"]), "collaboration", W2)
    for bi in b.ids("citizen_initiative"):
        b.tie("gem", bi, "funding", W2, weight=2)
    for admin in ("weth_zorg", "weth_werk"):
        for k in b.rng.sample(b.ids("key_person", "citizen_initiative"), 4):
            b.tie_both(admin, k, "information", W2)
    for p in b.rng.sample(partners, 8):
        b.tie_both("afd_sd", p, "information", W2)
    b.rate(W1, 0.35, -0.4)
    b.rate(W2, 0.5, 0.4)
    for key, w1, w2, move in [
        ("zorg_linde", (8, 8), (8, 8), ""), ("zorg_thuis", (6, 3), (7, 4), "right"),
        ("ggz_oost", (7, 7), (7, 6), ""), ("jeugd_kompas", (4, 8), (5, 6), "up+left"),
        ("welz_hav", (5, 6), (8, 7), "right"), ("vrijw_cent", (3, 2), (6, 3), ""),
        ("schuld_hulp", (4, 4), (6, 6), "up"), ("woon_hav", (6, 5), (7, 6), ""),
        ("vp_werk", (7, 9), (7, 8), "left"), ("vp_inkoop", (3, 8), (3, 7), "left"),
        ("werkg_metaal", (2, 1), (3, 2), "down"),
    ]:
        b.partner(key, *w1, W1)
        b.partner(key, *w2, W2, move, "samen met wijkteams" if key == "welz_hav" else "")
    b.goal("g0", "Iedereen telt mee en doet mee",
           vision="Wie in Haverdonk hulp nodig heeft, vindt die dichtbij: bij buren, vrijwilligers en organisaties die onderling samenwerken, zodat iedereen meedoet naar vermogen.")
    for gid, label, acts in [
        ("g_werk", "Meer mensen aan het werk", [("a_werk1", "Werkervaringsplekken"),
                                                ("a_werk2", "Taal en werk")]),
        ("g_zorg", "Zorg dichtbij", [("a_zorg1", "Wijkteams"), ("a_zorg2", "Mantelzorgsteun")]),
        ("g_jeugd", "Jeugd groeit gezond op", [("a_jeugd1", "Zorg in en om de school")]),
        ("g_welz", "Sterke buurten", [("a_welz1", "Bewonersinitiatieven")]),
    ]:
        b.goal(gid, label, "g0")
        for aid, alabel in acts:
            b.goal(aid, alabel, gid)
    for goal, actors in [("a_werk1", ["vp_werk", "werkg_metaal", "werkg_groen"]),
                         ("a_werk2", ["bi_taal", "roc_have"]),
                         ("a_zorg1", ["wt_noord", "wt_zuid", "wt_centrum", "zorg_thuis"]),
                         ("a_zorg2", ["welz_hav", "vrijw_cent"]),
                         ("a_jeugd1", ["school_bron", "jeugd_kompas", "vp_inkoop"]),
                         ("a_welz1", ["bi_tuin", "bi_eten", "welz_hav"]),
                         ("g_zorg", ["zorg_linde", "ggz_oost"])]:
        for actor in actors:
            b.link(goal, actor)
    for body, commissioner, owner in [("vp_werk", "weth_werk", "weth_zorg"),
                                      ("vp_inkoop", "weth_zorg", "weth_werk")]:
        b.role(body, "commissioner", commissioner)
        b.role(body, "owner", owner)
        b.role(body, "director", "afd_wi" if body == "vp_werk" else "afd_sd")
        b.role(body, "executor", body)
    b.survey(10, {W1: [2.0, 2.2, 2.4, 2.5, 2.6, 2.3, 2.1, 2.4, 2.6, 2.0],
                  W2: [3.6, 3.0, 3.1, 3.4, 3.5, 3.3, 3.8, 3.2, 3.4, 3.5]})
    b.activity('t_wmo', 'Wmo-aanvragen beoordelen', 'a_zorg1', 'Team Zorg', 2400, True)
    b.activity('t_mantel', 'Mantelzorgwaardering', 'a_zorg2', 'Team Zorg', 300)
    b.activity('t_reintegratie', 'Re-integratietrajecten', 'a_werk1', 'Team Werk', 1800, True)
    b.activity('t_taal', 'Taalcafés ondersteunen', 'a_werk2', 'Team Werk', 250)
    b.activity('t_school', 'Overleg zorg en school', 'a_jeugd1', 'Team Jeugd', 400)
    b.activity('t_initiatief', 'Bewonersinitiatieven begeleiden', 'a_welz1', 'Team Welzijn', 600)
    b.activity('t_subsidie', 'Subsidieaanvragen afhandelen', '', 'Team Welzijn', 900)
    return b.case({
        "name": "Haverdonk: van regiegemeente naar netwerk",
        "municipality": "Haverdonk",
        "fictional": True,
        "population": 48000,
        "region": "Haverland (fictief)",
        "waves": [W1, W2],
        "summary": 'Illustratieve casus: in 2015 hangt elke partner aan het stadhuis en nauwelijks aan elkaar; in 2017 dragen wijkteams, samenwerking tussen partners en bewonersinitiatieven het netwerk.',
        "summary_en": "Illustrative case: in 2015 every partner is tied to the town hall and "
                   "hardly to each other; by 2017 district teams, partner-to-partner "
                   "collaboration and citizen initiatives carry the network.",
        "practice": "Haverdonk (fictief) stuurde in 2015 alles vanuit het stadhuis. "
                    "Medewerkers gingen op stap (les 1), wijkteams verbonden zorg en "
                    "informele hulp, bewonersinitiatieven kregen ruimte en steun (les 4) en "
                    "partners vroegen elkaar om hulp (les 7). Werk, zorg "
                    "en welzijn werden samen aangepakt (les 10).",
        "practice_en": 'Haverdonk (fictitious) ran everything from the town hall in 2015. Staff went out into society (lesson 1), district teams linked care and informal help, citizen initiatives got room and support (lesson 4) and partners asked each other for help (lesson 7). Work, care and welfare were tackled together (lesson 10).',
        "lessons": [1, 4, 7, 10],
        **MADE_FOR_RELNET,
    })


# --------------------------------------------------------------------------- Lindermeer


def lindermeer():
    """Three youth-work organisations to be bundled into one strategic partner."""
    b = Builder(2)
    districts = ["West", "Oost"]
    municipal_core(b, "Lindermeer", districts, [("weth_jeugd", "Jeugd"),
                                               ("weth_soc", "Sociale Zaken")])
    orgs = [
        ("jw_west", "Jongerenwerk Lindermeer-West", "welfare_org", "youth"),
        ("jw_oost", "Stichting Jeugdwerk Oost", "welfare_org", "youth"),
        ("jw_sport", "Sport en Jongeren Lindermeer", "welfare_org", "youth|health"),
        ("jeugd_ggz", "Jeugd-GGZ De Wending", "care_provider", "youth|health"),
        ("jeugd_vg", "Zorgcentrum Klimop", "care_provider", "youth|care"),
        ("cjg", "Centrum Jong Lindermeer", "welfare_org", "youth|education"),
        ("school_vo", "Lindecollege", "education", "education|youth"),
        ("school_po", "Basisschool Het Palet", "education", "education"),
        ("welz_lm", "Welzijn Lindermeer", "welfare_org", "welfare"),
        ("woon_lm", "Wooncorporatie Meerwonen", "housing", "housing"),
        ("werkg_super", "Supermarkt De Meerhoek", "employer", "work"),
        ("vp_jeugd", "Regionale Jeugdinkoop Meerland (GR)", "affiliated_body", "youth"),
        ("vp_werk", "Sociale Werkvoorziening Meerland", "affiliated_body", "work"),
        ("buur_meer", "Gemeente Meerwaarde", "other_municipality", "general"),
    ]
    for key, name, kind, domain in orgs:
        b.actor(key, name, kind, domain)
    informal(b, districts, 4, 6, [("bi_voetbal", "Straatvoetbal West", "youth|health"),
                                  ("bi_huiswerk", "Huiswerkklas Oost", "education|youth")],
             later=("bi_huiswerk",))
    youth_work = ["jw_west", "jw_oost", "jw_sport"]
    partners = [o[0] for o in orgs]
    for wave, p_partner in ((W1, 0.12), (W2, 0.25)):
        b.tie("gem", "afd_sd", "governance", wave, weight=5)
        b.tie("gem", "afd_wi", "governance", wave, weight=5)
        b.tie("weth_jeugd", "afd_sd", "governance", wave)
        b.tie("weth_soc", "afd_wi", "governance", wave)
        b.tie("raad", "gem", "governance", wave)
        b.tie("gem", "vp_jeugd", "governance", wave, weight=4)
        b.tie("gem", "vp_werk", "governance", wave, weight=4)
        for p in partners:
            b.tie("afd_sd", p, b.rng.choice(["funding", "contract"]), wave)
        b.random_ties(partners, partners, "collaboration", wave, p_partner)
        for t in b.ids("district_team"):
            b.tie("afd_sd", t, "funding", wave)
            for i in b.ids("key_person", "citizen_initiative", "informal_carer"):
                if b.rng.random() < (0.3 if wave == W1 else 0.6):
                    b.tie_both(t, i, "support", wave)
    # The three youth-work organisations barely work together in 2015, as one team in 2017.
    for a in youth_work:
        for c in youth_work:
            if a < c:
                b.tie_both(a, c, "collaboration", W2, weight=4)
        b.tie(a, "school_vo", "collaboration", W2)
        b.tie(a, "cjg", "referral", W2)
    b.rate(W2, 0.6, 0.2)
    b.rate(W1, 0.3)
    for key, w1, w2, move, note in [
        ("jw_west", (3, 3), (4, 4), "up+right", "bundelen: één offerte voor het hele jongerenwerk"),
        ("jw_oost", (3, 4), (4, 4), "up+right", "bundelen: één offerte voor het hele jongerenwerk"),
        ("jw_sport", (2, 2), (4, 3), "up+right", "bundelen: één offerte voor het hele jongerenwerk"),
        ("jeugd_ggz", (8, 8), (8, 8), "", "meerjarige afspraken"),
        ("jeugd_vg", (6, 7), (6, 5), "left", ""),
        ("cjg", (7, 5), (8, 6), "", ""),
        ("school_vo", (7, 3), (7, 4), "right", ""),
        ("welz_lm", (5, 4), (6, 5), "", ""),
        ("vp_jeugd", (4, 9), (5, 8), "up+left", ""),
        ("werkg_super", (2, 1), (2, 1), "down", ""),
    ]:
        b.partner(key, *w1, W1)
        b.partner(key, *w2, W2, move, note, "jongerenwerk" if key in youth_work else "")
    b.goal("g0", "Iedereen telt mee en doet mee",
           vision="Jongeren in Lindermeer groeien op in buurten waar jongerenwerk, school en sport één samenhangend aanbod vormen en niemand tussen wal en schip valt.")
    b.goal("g_jeugd", "Jongeren groeien veilig op", "g0")
    b.goal("a_jw", "Eén aanpak jongerenwerk", "g_jeugd")
    b.goal("a_school", "Zorg op school", "g_jeugd")
    b.goal("g_werk", "Jongeren naar werk of school", "g0")
    b.goal("a_stage", "Stageplekken", "g_werk")
    b.goal("g_welz", "Ontmoeting in de wijk", "g0")
    for goal, actors in [("a_jw", youth_work), ("a_school", ["school_vo", "school_po", "cjg"]),
                         ("a_stage", ["werkg_super", "vp_werk", "school_vo"]),
                         ("g_welz", ["welz_lm", "bi_voetbal"]),
                         ("g_jeugd", ["jeugd_ggz", "jeugd_vg", "vp_jeugd"])]:
        for actor in actors:
            b.link(goal, actor)
    for body, commissioner, owner, director in [
            ("vp_jeugd", "weth_jeugd", "weth_soc", "afd_sd"),
            ("vp_werk", "weth_soc", "weth_jeugd", "afd_wi")]:
        b.role(body, "commissioner", commissioner)
        b.role(body, "owner", owner)
        b.role(body, "director", director)
    b.survey(8, {W1: [2.6, 2.4, 2.2, 2.8, 2.4, 2.0, 2.6, 2.7, 2.8, 2.5],
                 W2: [3.0, 3.3, 3.0, 3.1, 3.9, 3.8, 3.2, 3.0, 3.1, 3.2]})
    b.activity('t_subsidie_jw', 'Drie subsidies jongerenwerk verantwoorden', 'a_jw', 'Team Jeugd', 500)
    b.activity('t_zorgschool', 'Zorgoverleg op school', 'a_school', 'Team Jeugd', 350)
    b.activity('t_stage', 'Stageplekken werven', 'a_stage', 'Team Werk', 400)
    b.activity('t_leerplicht', 'Leerplicht handhaven', 'g_jeugd', 'Team Jeugd', 1200, True)
    b.activity('t_buurthuis', 'Beheer buurthuizen', '', 'Team Welzijn', 700)
    return b.case({
        "name": "Lindermeer: drie jongerenwerkorganisaties bundelen",
        "municipality": "Lindermeer",
        "fictional": True,
        "population": 36500,
        "region": "Meerland (fictief)",
        "waves": [W1, W2],
        "summary": 'Illustratieve casus van de partnermatrix: drie kleine jongerenwerkorganisaties (routinepartners) worden gebundeld tot één strategische partner met een meerjarige verbintenis (bewegingen omhoog en naar rechts).',
        "summary_en": "Illustrative case of the partner matrix: three small youth-work "
                   "organisations (routine partners) are bundled into one strategic partner "
                   "with a multi-year commitment (moves up and right).",
        "practice": "Lindermeer (fictief) had drie kleine jongerenwerkorganisaties met elk een "
                    "eigen subsidie. De gemeente begon klein met één gezamenlijk team (les 6), "
                    "schreef geen nieuwe nota maar maakte afspraken met de partners (les 2) en "
                    "ontzorgde scholen door de aanbieders te laten afstemmen (les 5).",
        "practice_en": 'Lindermeer (fictitious) had three small youth-work organisations, each with its own grant. The municipality started small with one joint team (lesson 6), wrote no new policy memo but made agreements with the partners (lesson 2) and relieved schools by having the providers coordinate (lesson 5).',
        "lessons": [2, 5, 6],
        **MADE_FOR_RELNET,
    })


# --------------------------------------------------------------------------- Brakkenveen


def brakkenveen():
    """An affiliated body whose commissioner and owner are the same administrator."""
    b = Builder(3)
    districts = ["Dorp", "Veen"]
    municipal_core(b, "Brakkenveen", districts, [("weth_a", "Sociaal Domein"),
                                                ("weth_b", "Financiën"),
                                                ("burgemeester", "burgemeester")])
    orgs = [
        ("vp_sd", "Sociale Dienst Veenstreek (GR)", "affiliated_body", "income|work"),
        ("vp_gezond", "Gezondheidsdienst Veenstreek", "affiliated_body", "health"),
        ("vp_afval", "Milieubedrijf Veenstreek", "affiliated_body", "general"),
        ("zorg_veen", "Zorgcoöperatie Veenhart", "care_provider", "care"),
        ("zorg_ggz", "GGZ Brakkenland", "care_provider", "health"),
        ("welz_bv", "Welzijn Brakkenveen", "welfare_org", "welfare"),
        ("school", "Scholengroep Veenland", "education", "education|youth"),
        ("woon", "Woonstichting Turfhuis", "housing", "housing"),
        ("werkg", "Veenbouw BV", "employer", "work"),
        ("buur1", "Gemeente Turfdal", "other_municipality", "general"),
        ("buur2", "Gemeente Nieuwe Veenen", "other_municipality", "general"),
    ]
    for key, name, kind, domain in orgs:
        b.actor(key, name, kind, domain)
    informal(b, districts, 5, 4, [("bi_vervoer", "Buurtbus Brakkenveen", "care|welfare")])
    partners = [o[0] for o in orgs]
    admins = b.ids("administrator")
    for wave, p in ((W1, 0.15), (W2, 0.22)):
        b.tie("gem", "afd_sd", "governance", wave, weight=5)
        b.tie("gem", "afd_wi", "governance", wave, weight=5)
        b.tie("raad", "gem", "governance", wave)
        for admin in admins:
            b.tie(admin, "gem", "governance", wave)
        for body in b.ids("affiliated_body"):
            b.tie("gem", body, "governance", wave, weight=4)
            b.tie("gem", body, "funding", wave, weight=5)
            for other in ("buur1", "buur2"):
                b.tie(other, body, "governance", wave, weight=3)
        for q in partners:
            if b.rng.random() < 0.7:
                b.tie("afd_sd", q, "contract", wave)
        b.random_ties(partners, partners, "collaboration", wave, p)
        for t in b.ids("district_team"):
            b.tie("afd_sd", t, "funding", wave)
            for i in b.ids("informal_carer", "key_person", "citizen_initiative"):
                if b.rng.random() < 0.5:
                    b.tie(t, i, "support", wave)
        # Lesson 9: administrators who go out themselves (more so in 2017).
        for admin in admins:
            for k in b.rng.sample(b.ids("key_person", "citizen_initiative", "welfare_org"),
                                  1 if wave == W1 else 3):
                b.tie_both(admin, k, "information", wave)
    b.rate(W1, 0.4)
    b.rate(W2, 0.4, 0.2)
    for key, w1, w2, move in [("vp_sd", (8, 9), (8, 9), ""), ("vp_gezond", (6, 8), (6, 7), "left"),
                              ("zorg_veen", (7, 6), (7, 7), "right"), ("zorg_ggz", (6, 7), (6, 7), ""),
                              ("welz_bv", (6, 4), (7, 5), "right"), ("school", (5, 2), (6, 3), ""),
                              ("woon", (5, 5), (6, 5), ""), ("werkg", (2, 2), (3, 2), "up")]:
        b.partner(key, *w1, W1)
        b.partner(key, *w2, W2, move)
    b.goal("g0", "Iedereen telt mee en doet mee")
    b.goal("g_inkomen", "Bestaanszekerheid", "g0")
    b.goal("a_schuld", "Vroegsignalering schulden", "g_inkomen")
    b.goal("g_gezond", "Gezond en vitaal ouder worden", "g0")
    b.goal("a_vervoer", "Vervoer naar zorg en ontmoeting", "g_gezond")
    b.goal("g_jeugd", "Kansrijk opgroeien", "g0")
    for goal, actors in [("a_schuld", ["vp_sd", "woon"]), ("a_vervoer", ["bi_vervoer", "welz_bv"]),
                         ("g_gezond", ["vp_gezond", "zorg_veen", "zorg_ggz"]),
                         ("g_jeugd", ["school"]), ("g_inkomen", ["werkg"])]:
        for actor in actors:
            b.link(goal, actor)
    # The governance finding of this case: weth_b is commissioner and owner of vp_sd.
    b.role("vp_sd", "commissioner", "weth_b")
    b.role("vp_sd", "owner", "weth_b")
    b.role("vp_sd", "director", "afd_wi")
    b.role("vp_gezond", "commissioner", "weth_a")
    b.role("vp_gezond", "owner", "burgemeester")
    b.role("vp_gezond", "director", "afd_sd")
    b.role("vp_afval", "owner", "weth_b")
    b.role("vp_afval", "contractor", "gem")
    b.survey(9, {W1: [2.4, 2.8, 2.2, 2.6, 2.7, 2.5, 2.6, 2.5, 2.0, 2.4],
                 W2: [2.9, 3.0, 3.4, 2.8, 3.0, 2.9, 3.1, 2.8, 3.6, 2.9]})
    b.activity('t_bijstand', 'Bijstandsaanvragen (via de sociale dienst)', 'g_inkomen', 'Team Inkomen', 2000, True)
    b.activity('t_schuld', 'Schuldhulpverlening', 'a_schuld', 'Team Inkomen', 800, True)
    b.activity('t_vervoer', 'Regiotaxi contracteren', 'a_vervoer', 'Team Zorg', 300)
    b.activity('t_jeugd', 'Jeugdhulp toewijzen', 'g_jeugd', 'Team Jeugd', 1500, True)
    b.activity('t_afval', 'Afvalstoffenheffing innen', '', 'Team Belastingen', 400, True)
    return b.case({
        "name": "Brakkenveen: rollen tegenover verbonden partijen",
        "municipality": "Brakkenveen",
        "fictional": True,
        "population": 27800,
        "region": "Veenstreek (fictief)",
        "waves": [W1, W2],
        "summary": 'Illustratieve casus van rollen tegenover verbonden partijen: bij de regionale sociale dienst is dezelfde bestuurder opdrachtgever en eigenaar; het afvalbedrijf heeft geen opdrachtgever en geen regisseur.',
        "summary_en": "Illustrative case of governance roles: at the regional social service the "
                   "same administrator is commissioner and owner; the waste company has no "
                   "commissioner and no director.",
        "practice": "In Brakkenveen (fictief) gingen bestuurders zelf de wijk in en lieten "
                    "zien hoe relatiegericht werken eruitziet (les 9). De gemeente maakte haar "
                    "organisatie flexibeler (les 3) en keek kritisch naar de rollen tegenover "
                    "haar verbonden partijen.",
        "practice_en": 'In Brakkenveen (fictitious) administrators went into the districts themselves and showed what relationship-oriented work looks like (lesson 9). The municipality made its organisation more flexible (lesson 3) and took a critical look at its roles toward its affiliated bodies.',
        "lessons": [3, 9],
        **MADE_FOR_RELNET,
    })


# --------------------------------------------------------------------------- Welderhoven


def welderhoven():
    """Informal helpers and citizens' own strength; one goal has no partner yet."""
    b = Builder(4)
    districts = ["Hoven", "Welde", "Molenwijk", "Buitengebied"]
    municipal_core(b, "Welderhoven", districts, [("weth_zorg", "Zorg"),
                                                ("weth_wonen", "Wonen en Wijken")])
    orgs = [
        ("zorg_a", "Thuiszorg Welder", "care_provider", "care"),
        ("zorg_b", "Zorgboerderij De Hooiberg", "care_provider", "care|work"),
        ("zorg_c", "Dagbesteding Het Molenhuis", "care_provider", "care|welfare"),
        ("welz", "Welzijnsstichting Welderhoven", "welfare_org", "welfare"),
        ("mantel", "Steunpunt Mantelzorg Welderhoven", "welfare_org", "care|welfare"),
        ("school", "Kindcentrum De Hoven", "education", "education|youth"),
        ("woon", "Woningstichting Hovenier", "housing", "housing"),
        ("werkg", "Bakkerij Welderbrood", "employer", "work"),
        ("vp_werk", "Werkbedrijf Welderstreek (GR)", "affiliated_body", "work|income"),
        ("buur", "Gemeente Hoogwelde", "other_municipality", "general"),
    ]
    for key, name, kind, domain in orgs:
        b.actor(key, name, kind, domain)
    initiatives = [("bi_koffie", "Koffieochtend Molenwijk", "welfare"),
                   ("bi_klus", "Klussendienst Welde", "housing|welfare"),
                   ("bi_zorg", "Zorgcoöperatie Buitengebied", "care"),
                   ("bi_repair", "Repaircafé Hoven", "welfare|work"),
                   ("bi_maaltijd", "Maaltijdservice Samen", "care|welfare")]
    informal(b, districts, 14, 8, initiatives, later=("bi_repair", "bi_maaltijd", "bi_zorg"))
    partners = [o[0] for o in orgs]
    carers, keys = b.ids("informal_carer"), b.ids("key_person")
    inits = b.ids("citizen_initiative")
    for wave, p_inf in ((W1, 0.15), (W2, 0.45)):
        b.tie("gem", "afd_sd", "governance", wave, weight=5)
        b.tie("gem", "afd_wi", "governance", wave, weight=5)
        b.tie("weth_zorg", "afd_sd", "governance", wave)
        b.tie("weth_wonen", "afd_sd", "governance", wave)
        b.tie("raad", "gem", "governance", wave)
        b.tie("gem", "vp_werk", "governance", wave, weight=4)
        for q in partners:
            b.tie("afd_sd", q, b.rng.choice(["funding", "contract"]), wave)
        b.random_ties(partners, partners, "collaboration", wave, 0.2)
        for t in b.ids("district_team"):
            b.tie("afd_sd", t, "funding", wave)
            b.tie_both(t, "mantel", "collaboration", wave)
        for person in carers + keys:
            district = next(a["district"] for a in b.actors if a["id"] == person)
            if b.rng.random() < p_inf * 2:
                b.tie(f"wt_{district.lower()}", person, "support", wave)
            if b.rng.random() < p_inf:
                b.tie("mantel", person, "support", wave)
        for bi in inits:
            if wave == W2 or b.rng.random() < 0.3:
                b.tie("afd_sd", bi, "support" if wave == W2 else "funding", wave, weight=2)
            for person in b.rng.sample(carers + keys, 3):
                if b.rng.random() < p_inf * 1.5:
                    b.tie(person, bi, "collaboration", wave)
        b.random_ties(keys, inits, "information", wave, p_inf / 2)
    b.rate(W2, 0.5, 0.3)
    b.rate(W1, 0.2)
    for key, w1, w2, move in [("zorg_a", (7, 8), (7, 7), "left"), ("zorg_b", (4, 3), (6, 4), "right"),
                              ("zorg_c", (5, 6), (6, 6), ""), ("welz", (6, 6), (7, 7), ""),
                              ("mantel", (5, 4), (8, 6), "right"), ("school", (4, 3), (5, 3), ""),
                              ("woon", (6, 5), (6, 5), ""), ("vp_werk", (6, 8), (6, 8), "left"),
                              ("werkg", (2, 2), (3, 2), "")]:
        b.partner(key, *w1, W1)
        b.partner(key, *w2, W2, move)
    b.goal("g0", "Iedereen telt mee en doet mee",
           vision="In Welderhoven kent iedereen de weg naar werk, inkomen en hulp, en signaleren buren en organisaties problemen samen en vroeg.")
    b.goal("g_zorg", "Mantelzorgers houden het vol", "g0")
    b.goal("a_respijt", "Respijtzorg", "g_zorg")
    b.goal("a_steun", "Steun aan informele hulp", "g_zorg")
    b.goal("g_wijk", "Bewoners nemen initiatief", "g0")
    b.goal("a_budget", "Buurtbudget", "g_wijk")
    b.goal("g_werk", "Werk naar vermogen", "g0")
    b.goal("a_schuld", "Vroegsignalering schulden", "g_werk")  # no partner yet
    for goal, actors in [("a_respijt", ["zorg_b", "zorg_c"]), ("a_steun", ["mantel", "welz"]),
                         ("a_budget", ["bi_koffie", "bi_klus", "bi_repair"]),
                         ("g_werk", ["vp_werk", "werkg"]), ("g_zorg", ["zorg_a", "bi_zorg"])]:
        for actor in actors:
            b.link(goal, actor)
    b.role("vp_werk", "commissioner", "weth_zorg")
    b.role("vp_werk", "owner", "weth_wonen")
    b.role("vp_werk", "director", "afd_wi")
    b.role("vp_werk", "executor", "vp_werk")
    b.survey(12, {W1: [2.8, 2.5, 2.6, 2.3, 2.8, 2.7, 2.9, 2.2, 2.7, 2.6],
                  W2: [3.2, 2.9, 3.0, 3.9, 3.4, 3.3, 3.4, 4.0, 3.1, 3.0]})
    b.activity('t_respijt', 'Respijtzorg regelen', 'a_respijt', 'Team Zorg', 600)
    b.activity('t_steunpunt', 'Steunpunt mantelzorg financieren', 'a_steun', 'Team Zorg', 200)
    b.activity('t_budget', 'Buurtbudgetten toekennen', 'a_budget', 'Team Wijk', 450)
    b.activity('t_schuld', 'Signalen van schulden verzamelen', 'a_schuld', 'Team Inkomen', 150)
    b.activity('t_wmo', 'Wmo-aanvragen beoordelen', 'g_zorg', 'Team Zorg', 2100, True)
    return b.case({
        "name": "Welderhoven: eigen kracht en informele hulp",
        "municipality": "Welderhoven",
        "fictional": True,
        "population": 52300,
        "region": "Welderstreek (fictief)",
        "waves": [W1, W2],
        "summary": "Illustratieve casus van eigen kracht: bewonersinitiatieven en mantelzorgers krijgen steun van wijkteams en een steunpunt mantelzorg; het doel 'vroegsignalering schulden' heeft nog geen partner.",
        "summary_en": "Illustrative case of citizens' own strength: citizen initiatives and "
                   "informal carers are supported by district teams and a carers' support "
                   "point; the goal 'early warning on debts' has no partner yet.",
        "practice": "Welderhoven (fictief) maakte eigen kracht los door bewonersinitiatieven "
                    "te steunen in plaats van over te nemen (les 4) en had oog voor "
                    "mantelzorgers en andere informele helpers (les 8).",
        "practice_en": "Welderhoven (fictitious) released citizens' own strength by supporting residents' initiatives instead of taking them over (lesson 4) and kept an eye on informal carers and other informal helpers (lesson 8).",
        "lessons": [4, 8],
        **MADE_FOR_RELNET,
    })


# --------------------------------------------------------------------------- Brinkeloo


def brinkeloo():
    """Built from the situations the five source texts describe (docs/sources.md): a social
    policy team under the integral main goal, youth work by three organisations to be asked for
    one complete offer, a portfolio holder who is both commissioner and owner of an affiliated
    body, and tasks that serve no goal. The municipality, organisations and persons are
    invented."""
    b = Builder(5)
    districts = ["Oud-Brinkeloo", "De Velden"]
    municipal_core(b, "Brinkeloo", districts,
                   [("weth_sd", "Sociaal Domein"), ("weth_fin", "Financiën")])
    b.actor("team_beleid", "Team Sociaal Beleid", "department", "care|youth|welfare|work")
    b.actor("lg_sd", f"{b.person()} (leidinggevende Sociaal Domein)", "manager", "general",
            person=True)
    orgs = [
        ("jw_noord", "Jongerenwerk Brinkeloo-Noord", "welfare_org", "youth"),
        ("jw_zuid", "Stichting Jeugd en Jongeren Zuid", "welfare_org", "youth"),
        ("jw_sport", "Sportief Jongerenwerk De Velden", "welfare_org", "youth|health"),
        ("opbouw", "Opbouwwerk Brinkeloo", "welfare_org", "welfare"),
        ("peuter", "Peuterwerk De Kleine Brink", "education", "education|youth"),
        ("speeltuin", "Speeltuinvereniging De Brink", "citizen_initiative", "welfare|youth"),
        ("buurthuis", "Buurthuis De Velden", "welfare_org", "welfare"),
        ("thuiszorg", "Thuiszorg Brinkeloo", "care_provider", "care"),
        ("ggd", "GGD Brinkstreek", "affiliated_body", "health"),
        ("werkbedrijf", "Werkbedrijf Brinkstreek (GR)", "affiliated_body", "work|income"),
        ("school", "Brede School Brinkeloo", "education", "education|youth"),
        ("werkgever", "Bouwbedrijf Van der Brink", "employer", "work"),
    ]
    for key, name, kind, domain in orgs:
        b.actor(key, name, kind, domain)
    informal(b, districts, 3, 3, [("bi_eettafel", "Eettafel Oud-Brinkeloo", "welfare|care")])
    youth_work = ["jw_noord", "jw_zuid", "jw_sport"]
    traditional = ["opbouw", "peuter", "speeltuin", "buurthuis"]
    for wave in (W1, W2):
        for org in youth_work + traditional:
            b.tie("afd_sd", org, "funding", wave, weight=2)  # a grant per discipline
            b.tie(org, "afd_sd", "information", wave, directed=True)
        b.tie("afd_sd", "thuiszorg", "contract", wave)
        b.tie("gem", "ggd", "governance", wave, weight=4)
        b.tie("gem", "werkbedrijf", "governance", wave, weight=4)
        b.tie("team_beleid", "afd_sd", "information", wave)
        b.tie("weth_sd", "team_beleid", "governance", wave)
        b.tie("lg_sd", "team_beleid", "governance", wave)
        for a in municipal_ids(b):
            if a != "gem":
                b.tie("gem", a, "governance", wave, weight=5)
    # 2017: after the goal-tree sessions the team works with partners toward the goals
    b.tie_both("jw_noord", "jw_zuid", "collaboration", W2, weight=3)
    b.tie("jw_sport", "school", "collaboration", W2)
    for org in youth_work:
        b.tie("team_beleid", org, "collaboration", W2)
    b.tie("team_beleid", "werkbedrijf", "collaboration", W2)
    b.tie("team_beleid", "ggd", "information", W2)
    b.tie("opbouw", "bi_eettafel", "support", W2)
    b.tie("lg_sd", "opbouw", "collaboration", W2)
    b.tie("weth_sd", "bi_eettafel", "information", W2)
    b.tie("werkbedrijf", "werkgever", "collaboration", W2)
    for team in ("wt_oud-brinkeloo", "wt_de velden"):
        b.tie(team, "thuiszorg", "referral", W2)
        b.tie(team, "opbouw", "collaboration", W2)
    for i in b.ids("informal_carer", "key_person"):
        district = next(a["district"] for a in b.actors if a["id"] == i)
        b.tie(f"wt_{district.lower()}", i, "support", W2)
    b.rate(W2, 0.4, 0.1)
    for key, w1, w2, move, note, bundle in [
        ("jw_noord", (3, 3), (3, 3), "up+left",
         "offerte vragen voor het complete jeugd- en jongerenwerk", "jeugd- en jongerenwerk"),
        ("jw_zuid", (3, 4), (3, 4), "up+left",
         "offerte vragen voor het complete jeugd- en jongerenwerk", "jeugd- en jongerenwerk"),
        ("jw_sport", (2, 3), (2, 3), "up+left",
         "offerte vragen voor het complete jeugd- en jongerenwerk", "jeugd- en jongerenwerk"),
        ("opbouw", (5, 6), (6, 6), "right", "deelgenoot van de visie maken", ""),
        ("peuter", (4, 5), (4, 5), "up", "", ""),
        ("speeltuin", (2, 2), (2, 2), "down", "subsidie zonder bijdrage aan een doel", ""),
        ("buurthuis", (4, 3), (4, 3), "", "", ""),
        ("thuiszorg", (7, 4), (7, 4), "", "aanbieder in concurrentie", ""),
        ("werkbedrijf", (7, 8), (8, 8), "", "", ""),
    ]:
        b.partner(key, *w1, W1)
        b.partner(key, *w2, W2, move, note, bundle)
    b.goal("g0", "Iedereen telt mee en doet mee",
           vision="In Brinkeloo dragen inwoners, verenigingen en organisaties samen zorg voor elkaar; de gemeente verbindt en maakt mogelijk.")
    for gid, label, acts in [
        ("g_onderwijs", "Onderwijs: elk kind een goede start",
         [("a_voorschool", "Voorschoolse educatie")]),
        ("g_gezondheid", "Gezondheid: gezond leven in de wijk",
         [("a_preventie", "Preventie met de GGD")]),
        ("g_ondersteuning", "Maatschappelijke ondersteuning: zelfstandig thuis",
         [("a_thuis", "Ondersteuning thuis")]),
        ("g_welzijn", "Welzijn: ontmoeting en eigen kracht",
         [("a_ontmoeting", "Ontmoeting in de buurt")]),
        ("g_jeugd", "Jeugd: jongeren doen mee", [("a_jongerenwerk", "Eén aanpak jongerenwerk")]),
        ("g_werk", "Werk en inkomen: meedoen naar vermogen",
         [("a_werkfit", "Werkfit-trajecten")]),
    ]:
        b.goal(gid, label, "g0")
        for aid, alabel in acts:
            b.goal(aid, alabel, gid)
    for goal, actors in [("a_voorschool", ["peuter", "school"]), ("a_preventie", ["ggd"]),
                         ("a_thuis", ["thuiszorg", "wt_oud-brinkeloo", "wt_de velden"]),
                         ("a_ontmoeting", ["opbouw", "bi_eettafel"]),
                         ("a_jongerenwerk", youth_work), ("a_werkfit", ["werkbedrijf"])]:
        for actor in actors:
            b.link(goal, actor)
    for task in [("t_wmo", "Wmo-maatwerkvoorzieningen toekennen", "a_thuis", "Team Wmo", 2600,
                  True),
                 ("t_vervoer", "Leerlingenvervoer regelen", "g_onderwijs", "Team Onderwijs",
                  900, True),
                 ("t_jeugdhulp", "Jeugdhulp toewijzen", "g_jeugd", "Team Jeugd", 2100, True),
                 ("t_participatie", "Re-integratie uitvoeren", "a_werkfit", "Team Werk", 1500,
                  True),
                 ("t_subsidie_jw", "Drie subsidies jongerenwerk beheren", "a_jongerenwerk",
                  "Team Subsidies", 450),
                 ("t_speeltuin", "Subsidieregeling speeltuinen", "", "Team Subsidies", 300),
                 ("t_minima", "Lokale regeling minima uitvoeren", "", "Team Inkomen", 700),
                 ("t_verslag", "Jaarverslag lokale regelingen", "", "Team Sociaal Beleid", 200)]:
        b.activity(*task)
    b.role("werkbedrijf", "commissioner", "weth_sd")
    b.role("werkbedrijf", "owner", "weth_sd")
    b.role("werkbedrijf", "director", "team_beleid")
    b.role("ggd", "commissioner", "afd_sd")  # an official entered as commissioner
    b.role("ggd", "owner", "weth_fin")
    b.role("ggd", "director", "afd_sd")
    b.survey(6, {W1: [2.4, 2.2, 2.6, 2.8, 2.7, 2.5, 2.6, 2.9, 2.8, 2.3],
                 W2: [3.2, 2.9, 2.8, 3.0, 3.1, 3.3, 3.1, 3.0, 3.2, 3.4]})
    return b.case({
        "name": "Brinkeloo: de bronnen in één casus",
        "municipality": "Brinkeloo",
        "fictional": True,
        "population": 31200,
        "region": "Brinkstreek (fictief)",
        "waves": [W1, W2],
        "summary": "Illustratieve casus die samenbrengt wat de bronteksten beschrijven: een "
                   "team sociaal beleid dat na doelenboomsessies zijn taken ordent onder "
                   "'Iedereen telt mee en doet mee', drie jongerenwerkorganisaties die samen "
                   "één compleet aanbod gaan doen, en een portefeuillehouder die opdrachtgever "
                   "én eigenaar van het werkbedrijf is.",
        "summary_en": "Illustrative case that brings together what the source texts describe: "
                      "a social policy team that orders its tasks under 'Iedereen telt mee en "
                      "doet mee' after goal-tree sessions, three youth-work organisations that "
                      "will make one complete offer together, and a portfolio holder who is "
                      "both commissioner and owner of the work company.",
        "practice": "Het team sociaal beleid van Brinkeloo (fictief) voerde wettelijke taken en "
                    "lokale regelingen uit en kon niet zeggen waarvoor. In doelenboomsessies "
                    "koppelde het zijn taken aan doelen; drie taken bleken geen doel te dienen. "
                    "De gemeente ging met partners aan de slag in plaats van een nieuwe nota te "
                    "schrijven (les 2) en legde verbanden tussen onderwijs, jeugd, werk en "
                    "zorg (les 10).",
        "practice_en": "The social policy team of Brinkeloo (fictitious) carried out statutory "
                       "tasks and local schemes and could not say what for. In goal-tree "
                       "sessions it linked its tasks to goals; three tasks turned out to serve "
                       "no goal. The municipality got to work with partners instead of writing "
                       "a new memo (lesson 2) and linked education, youth, work and care "
                       "(lesson 10).",
        "lessons": [2, 10],
        "source": "Fictieve illustratie, opgebouwd uit de situaties in de vijf bronteksten "
                  "(zie de bronnen in de documentatie); gemaakt voor relnet",
        "source_en": "Fictional illustration built from the situations in the five source "
                     "texts (see the sources in the documentation); made for relnet",
        "licence": "CC0-1.0",
    })


def municipal_ids(b):
    return [a["id"] for a in b.actors if a["kind"] in (
        "municipality", "department", "administrator", "manager", "council", "district_team")]


CASES = {"haverdonk": haverdonk, "lindermeer": lindermeer, "brakkenveen": brakkenveen,
         "welderhoven": welderhoven, "brinkeloo": brinkeloo}


def build(target):
    """Write every case under `target` (a folder), replacing what is there."""
    target = Path(target)
    for name, make in CASES.items():
        relnet.write_case(make(), target / name, overwrite=True)


if __name__ == "__main__":
    build(sys.argv[1] if len(sys.argv) > 1 else HERE / "cases")

"""Everything a Dutch reader sees is Dutch: every explorer built with lang="nl" (control
labels, options, buttons, tabs, tables, notes, also after operating the controls), every
figure's text, every table shown, the report; for every shipped case and for a case written
by hand as a Dutch Excel exports it. The scan looks for English words, snake_case identifiers,
True/False/None/NaN, and numbers with a decimal point or without a thousands separator.

The word list lives here; grow it when an English word slips through. Text between quotes
('ties', "source") is a quotation of the user's own file and is not scanned; an established
English term in brackets after its Dutch name, "tussenpositie (betweenness)", is allowed."""

import html
import re
from pathlib import Path

import ipywidgets as w
import matplotlib.pyplot as plt
import pandas as pd
import pytest
import yaml
from conftest import write_case_files
from matplotlib.text import Text

import relnet
from relnet import widgets
from relnet.present.export import case_tables

# English words that are not also Dutch words (so "actor", "partner", "contract", "team",
# "conflict", "kind", "lost", "district", "band", "score", "interval", "benchmark", "of",
# "routine", "clustering" stay out).
ENGLISH = """
the and with without from for not yes none true false null nan error warning warnings
actors ties tie wave waves goal goals lesson lessons role roles rule rules
collaboration funding referral support governance municipality council department
care welfare youth income health housing education provider providers informal
bottleneck leverage strategic quadrant move strategy action bundle
up down left right keep
degree betweenness closeness eigenvector pagerank constraint core density
reciprocity modularity components community communities transitivity centralization
commissioner owner director contractor executor missing
mean respondent respondents answers interval_low difference differs adjusted
response rate high medium low trust value power resources involvement reliability mission
openness comment comments note notes summary practice source unknown kept added
name names domain domains wave figure table page key findings report network profile
share reach hub mutuality outward
""".split()
# Terms researchers expect in English, allowed in brackets after the Dutch name.
BRACKETED = re.compile(r"\((?:(?:weighted )?betweenness|closeness|eigenvector|PageRank|pagerank|"
                       r"constraint|effective size|clustering|core number|k-core|density|"
                       r"reciprocity|modularity|Leiden|transitivity|(?:in-|out-)?degree|"
                       r"(?:betweenness |degree )?centralization|n)(?:, [A-Z][\w&. ]+)?\)"
                       r"|\([^()]*Kraljic[^()]*\)")
WORD = re.compile(r"\b(" + "|".join(sorted(ENGLISH, key=len, reverse=True)) + r")\b",
                  re.IGNORECASE)
SNAKE = re.compile(r"\b[A-Za-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
FILE_NAME = re.compile(r"[\w.-]+\.(?:xlsx|csv|zip|yaml|html|svg|png|gexf|graphml)\b")
QUOTED = re.compile(r"'[^'\n]{0,80}'|\"[^\"\n]{0,80}\"|‘[^’\n]{0,80}’|“[^”\n]{0,80}”")
NUMBER = re.compile(r"(?<![\w.,-])-?\d[\d.,]*\d(?![\w])|(?<![\w.,-])\d(?![\w.,])")
VERSION = re.compile(r"\b(?:relnet |versie |version )\d+(?:\.\d+)+\b")


def bad_number(token):
    """A number not in Dutch form: a decimal point, or five or more digits without a
    thousands separator (years and four-digit numbers are fine)."""
    if "." in token:
        return not re.fullmatch(r"-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?", token)
    digits = token.lstrip("-").split(",")[0]
    return len(digits) >= 5


def findings(text, where, names=()):
    """The English words, identifiers and bad numbers in `text` (a reader's view)."""
    for name in names:  # organisations' and persons' names are the case's own
        text = text.replace(name, " ")
    text = VERSION.sub(" ", BRACKETED.sub(" ", QUOTED.sub(" ", FILE_NAME.sub(" ", text))))
    found = [f"{where}: English '{m.group(0)}' in …{text[max(0, m.start() - 40):m.end() + 40]}…"
             for m in WORD.finditer(text)]
    found += [f"{where}: identifier '{m.group(0)}'" for m in SNAKE.finditer(text)]
    found += [f"{where}: number '{m.group(0)}'" for m in NUMBER.finditer(text)
              if bad_number(m.group(0))]
    return found


def visible(markup):
    markup = re.sub(r"<(style|script)\b.*?</\1>", " ", markup, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def widget_texts(widget):
    """What a reader sees of a widget tree: labels, options, button and tab titles, HTML."""
    out = []
    for attribute in ("description", "placeholder", "tooltip"):
        value = getattr(widget, attribute, None)
        if isinstance(value, str) and value:
            out.append(value)
    if isinstance(widget, (w.HTML, w.HTMLMath, w.Label)):
        out.append(visible(widget.value))
    labels = getattr(widget, "_options_labels", None)
    if labels:
        out.extend(labels)
    if isinstance(widget, w.Combobox):
        out.extend(widget.options)
    if isinstance(widget, w.Tab):
        out.extend(t for t in widget.titles if t)
    if type(widget).__name__ == "Sigma":  # the interactive map's legend groups
        out.extend({str(n["attributes"].get("group", "")) for n in widget.data["nodes"]})
    for child in getattr(widget, "children", ()):
        out.extend(widget_texts(child))
    return out


def case_names(case):
    return [str(n) for n in case.actors["name"]] + \
        [str(x) for x in case.goals.get("label", pd.Series(dtype=str))] + \
        [str(x) for x in case.activities.get("task", pd.Series(dtype=str))] + \
        [str(case.meta.get(k, "")) for k in ("name", "municipality", "region")]


def figure_texts(ax):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(ax.figure).draw()  # tick labels get their text when drawn
    texts = [t.get_text() for t in ax.figure.findobj(Text) if t.get_visible()]
    plt.close(ax.figure)
    return "\n".join(texts)


# --------------------------------------------------------------------------- the cases


def handmade(tmp_path):
    """A small case as a Dutch Excel saves it: ';', cp1252, decimal commas, Dutch headers
    and terms, ja/nee, a role conflict and a goal without a partner."""
    meta = ("name: Eigen casus Oosterwold\nmunicipality: Oosterwold\nfictional: true\n"
            "population: 48000\nwaves: [2019, 2021]\n")
    folder = write_case_files(
        tmp_path / "eigen", meta=meta, encoding="cp1252",
        actors="id;naam;soort;domein;persoon\n"
               "gem;Gemeente Oosterwold;gemeente;algemeen;nee\n"
               "sd;Afdeling Sociaal Domein;afdeling;zorg|jeugd;nee\n"
               "weth;Wethouder Zorg;bestuurder;algemeen;ja\n"
               "wt;Wijkteam Centrum;wijkteam;zorg|welzijn;nee\n"
               "zorg;Zorggroep Oost;zorgaanbieder;zorg;nee\n"
               "welz;Welzijn Oosterwold;welzijnsorganisatie;welzijn;nee\n"
               "bi;Buurtkamer De Linde;burgerinitiatief;welzijn;nee\n"
               "ggd;GGD Regio Oost;verbonden partij;gezondheid;nee\n",
        ties="bron;doel;soort;gewicht;meting\n"
             "gem;sd;zeggenschap;1;2019\nsd;wt;financiering;2,5;2019\nwt;zorg;doorverwijzing;1;2019\n"
             "zorg;welz;samenwerking;1,5;2019\nwelz;bi;steun;1;2019\n"
             "sd;wt;financiering;2,5;2021\nwt;zorg;samenwerking;1;2021\n"
             "zorg;welz;samenwerking;1;2021\nwelz;bi;samenwerking;1;2021\n"
             "bi;wt;samenwerking;1;2021\ngem;ggd;zeggenschap;1;2021\n",
        partners="actor;invloed;afhankelijkheid;beweging;meting\n"
                 "zorg;8,5;7;omhoog;2021\nwelz;4,5;3;naar rechts;2021\nbi;2;1,5;omlaag;2021\n",
        goals="id;label;ouder\nroot;Iedereen telt mee en doet mee;\n"
              "g1;Minder eenzaamheid;root\ng2;Schuldhulp dichtbij;root\n",
        goal_links="doel;actor;bijdrage\ng1;welz;3\ng1;bi;2\n",
        roles="verbonden partij;rol;houder\nggd;opdrachtgever;weth\nggd;eigenaar;weth\n",
        lessons="respondent;les;score;meting\n" + "".join(
            f"r{i};{lesson};{(i + lesson) % 5 + 1};2021\n" for i in range(1, 7)
            for lesson in range(1, 11)),
    )
    return relnet.read_case(folder)


SHIPPED = list(relnet.list_cases()["name"])


# one shipped case and the Excel-typed one in `make test-fast`, every case in `make test`
@pytest.fixture(scope="module", params=[
    name if name in ("haverdonk", "eigen") else pytest.param(name, marks=pytest.mark.slow)
    for name in SHIPPED + ["eigen"]])
def dutch_case(request, tmp_path_factory):
    if request.param == "eigen":
        return handmade(tmp_path_factory.mktemp("eigen"))
    return relnet.load_example(request.param)


def test_the_handmade_case_was_read_as_dutch_excel_wrote_it(tmp_path):
    case = handmade(tmp_path)
    assert case.meta["population"] == 48000 and case.waves == [2019, 2021]
    assert case.ties["weight"].max() == 2.5 and "funding" in set(case.ties["type"])
    assert case.partners.set_index("actor").loc["zorg", "influence"] == 8.5


# --------------------------------------------------------------------------- the scans


def explorers(case):
    """Every explorer that can show this case, in Dutch, with some controls operated."""
    made = [widgets.network_explorer([case], lang="nl"),
            widgets.lessons_explorer([case], lang="nl"),
            widgets.waves_explorer([case], lang="nl"),
            widgets.goal_explorer([case], lang="nl"),
            widgets.roles_explorer([case], lang="nl"),
            widgets.report_explorer([case], lang="nl")]
    if len(case.partners):
        made.append(widgets.partner_explorer(case, lang="nl"))
    network = made[0]
    yield "verkenner netwerk", network
    for colour in ("domain", "community"):
        network.controls["color"].value = colour
        yield f"verkenner netwerk, kleur {colour}", network
    network.buttons["remove_municipal"].click()
    yield "verkenner netwerk, wat-als", network
    first = network.controls["search"].options[0]
    network.controls["search"].value = first
    yield "verkenner netwerk, gezochte actor", network
    network.draw_static()
    yield "verkenner netwerk, kaart voor print", network
    labels = ["lessen", "metingen", "doelen", "rollen", "rapport", "partners"]
    for label, explorer in zip(labels, made[1:]):
        yield f"verkenner {label}", explorer


@pytest.mark.slow
def test_explorers_speak_dutch(dutch_case):
    names = case_names(dutch_case)
    found = []
    for where, explorer in explorers(dutch_case):
        found += findings("\n".join(widget_texts(explorer)), where, names)
    assert not found, "\n".join(dict.fromkeys(found))


def test_the_case_browser_and_the_upload_explorer_speak_dutch(tmp_path):
    found = findings("\n".join(widget_texts(widgets.case_browser(lang="nl"))), "casussen")
    upload = widgets.upload_explorer(lang="nl")
    found += findings("\n".join(widget_texts(upload)), "upload")
    assert not found, "\n".join(found)


@pytest.mark.slow
def test_figures_speak_dutch(dutch_case):
    names = case_names(dutch_case)
    plot = relnet.plot
    draw = {"netwerk": lambda: plot.network_plot(dutch_case, lang="nl"),
            "netwerk (gemeenschap)": lambda: plot.network_plot(dutch_case, lang="nl",
                                                               color_by="community"),
            "lessen": lambda: plot.lesson_plot(dutch_case, lang="nl"),
            "metingen": lambda: plot.wave_plot(dutch_case, lang="nl"),
            "vertrouwen": lambda: plot.trust_value_plot(dutch_case, lang="nl"),
            "indicatoren": lambda: plot.indicator_plot([dutch_case], lang="nl")}
    if len(dutch_case.partners):
        draw["partners"] = lambda: plot.partner_matrix_plot(dutch_case, lang="nl")
    if len(dutch_case.goals):
        draw["doelen"] = lambda: plot.goal_tree_plot(dutch_case, lang="nl")
    if len(dutch_case.roles):
        draw["rollen"] = lambda: plot.roles_plot(dutch_case, lang="nl")
    found = []
    for where, make in draw.items():
        if where == "metingen" and len(dutch_case.waves) < 2:
            continue
        found += findings(figure_texts(make()), f"figuur {where}", names)
    assert not found, "\n".join(found)


def test_tables_speak_dutch(dutch_case):
    names = case_names(dutch_case)
    found = []
    for name, table in case_tables(dutch_case, lang="nl").items():
        shown = relnet.show(table, lang="nl")._repr_html_()
        found += findings(visible(shown), f"tabel {name}", names)
    assert not found, "\n".join(found)


def test_results_of_several_tables_are_shown_in_dutch(dutch_case):
    """relnet.show of trust_value and wave_changes (each holds several tables): every table
    under a Dutch caption, keys worded (a response band, "metric"/"indicator"), counts whole."""
    names = case_names(dutch_case)
    results = {"vertrouwen": relnet.trust_value(dutch_case)}
    if len(dutch_case.waves) >= 2:
        results["metingen"] = relnet.wave_changes(dutch_case, dutch_case.waves[0],
                                                  dutch_case.waves[-1])
    found = []
    for name, result in results.items():
        shown = relnet.show(result, lang="nl")._repr_html_()
        found += findings(visible(shown), f"resultaat {name}", names)
        assert shown.count("<caption>") == (2 if name == "vertrouwen" else 3), name
    assert not found, "\n".join(found)
    network = relnet.show(results["vertrouwen"], lang="nl")._repr_html_().replace("\n", "")
    respondents = int(results["vertrouwen"].network["respondents"])  # a float in the Series
    assert f"<td>respondenten</td><td>{respondents}</td>" in network


@pytest.mark.slow
def test_the_report_speaks_dutch(dutch_case):
    page = relnet.build_report(dutch_case, lang="nl")
    found = findings(visible(page), "rapport", case_names(dutch_case))
    assert not found, "\n".join(dict.fromkeys(found))


@pytest.mark.slow
def test_the_english_report_has_no_identifiers(dutch_case):
    page = visible(relnet.build_report(dutch_case, lang="en"))
    for name in case_names(dutch_case):
        page = page.replace(name, " ")
    assert not [m.group(0) for m in SNAKE.finditer(QUOTED.sub(" ", page))]
    assert not re.search(r"\b(True|False|None|NaN|nan)\b", page)


def test_the_scan_finds_what_it_looks_for():
    """The scanner itself, on text that breaks every rule once."""
    text = ("De ties van de gemeente: 0.42 en 48000 inwoners, soort district_team, True; "
            "tussenpositie (betweenness) 0,42 en 48.000 in 2017; 'ties' is een blad")
    found = findings(text, "proef")
    assert len(found) == 5, found
    assert any("'ties'" in f for f in found) and any("district_team" in f for f in found)
    assert any("'0.42'" in f for f in found) and any("'48000'" in f for f in found)
    assert any("'True'" in f for f in found)


# ------------------------------------------------------------------ one term per concept

# sections whose Dutch labels name measures and categories a reader compares
_TERM_SECTIONS = ("column", "metric", "indicator", "quadrant", "severity", "reading", "status",
                  "band")
# labels that share a head term because they name one concept (two waves of one weight, a
# lesson and its title, the id and the name of an affiliated body, a remark)
_SAME_CONCEPT = [{"column.weight_a", "column.weight_b"}, {"column.lesson", "column.title"},
                 {"column.affiliated", "column.body"}, {"column.comment", "column.note"},
                 {"column.partners", "column.partners_total"},
                 {"column.indicator", "column.indicator_bench", "column.indicator_value"}]


def _dutch_terms():
    import collections

    catalogue = yaml.safe_load(
        (Path(relnet.__file__).parent / "i18n" / "catalogue.yaml").read_text("utf-8"))
    heads = collections.defaultdict(set)
    for section in _TERM_SECTIONS:
        for key, value in catalogue.get(section, {}).items():
            if isinstance(value, dict) and "nl" in value:
                heads[str(value["nl"]).split(" (")[0].strip().lower()].add((section, key))
    return catalogue, heads


def test_one_dutch_term_per_concept():
    """Two measures never share a Dutch name: a column and a metric of the same key are one
    concept; everything else that shares a head term must be listed as one concept."""
    _, heads = _dutch_terms()
    clashes = []
    for head, keys in heads.items():
        concepts = {key for _, key in keys}
        named = {f"{s}.{k}" for s, k in keys}
        if len(concepts) > 1 and not any(named <= same for same in _SAME_CONCEPT):
            clashes.append((head, sorted(named)))
    assert not clashes


@pytest.mark.parametrize("word", ["wederkerigheid", "invloed", "afhankelijkheid", "knelpunt"])
def test_contested_words_name_one_concept(word):
    """The words the council reviewer found naming two measures each name one now."""
    catalogue, _ = _dutch_terms()
    concepts = {key for section in _TERM_SECTIONS
                for key, value in catalogue.get(section, {}).items()
                if isinstance(value, dict) and word in str(value.get("nl", "")).lower()}
    assert len(concepts) <= 1, concepts


def test_show_says_what_it_takes():
    import pandas as pd

    with pytest.raises(TypeError, match="show takes a table"):
        relnet.show(relnet.load_example("haverdonk"))
    # a Series of keys only (pandas 3 makes it a str Series) is worded too
    shown = relnet.show(pd.Series({"response_band": "high"}), lang="nl")._repr_html_()
    assert "80% of meer" in shown and ">high<" not in shown

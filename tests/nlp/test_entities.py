"""Entity recognition and resolution on German council prose: one row per sentence, expected (label, type).

These rows state what the rule recognisers do, so they run the rules alone; the learned components are judged
by cross-validation (``kg evaluate --folds``) and tested in ``tests/learn`` and ``test_learned_features.py``.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kg.document import Document, PaperStructure
from kg.nlp.pipeline import analyse, load_pipeline


def run(text: str) -> Doc:
    return analyse(Document(id="t", title="", source="test", text=text), load_pipeline(None, learned=None))


def labels(doc: Doc) -> set[tuple[str, str]]:
    """Every (label, type) the document's entities carry: name and each alias."""
    return {(label, e.type) for e in doc._.entities.values() for label in e.labels}


CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # legal forms
    ("Heute produziert die Heiterblick GmbH Straßenbahnen.", [("Heiterblick GmbH", "Organization")]),
    (
        "Den Auftrag erhielt die Firma Müller Bau GmbH & Co. KG aus Halle.",
        [("Müller Bau GmbH & Co. KG", "Organization")],
    ),
    ("Mitglied ist der Förderverein Radkultur e. V. seit 2019.", [("Förderverein Radkultur e. V.", "Organization")]),
    (
        "Die Quartiersgenossenschaft Lindenau eG betreibt zwei Lastenräder.",
        [("Quartiersgenossenschaft Lindenau eG", "Organization")],
    ),
    ("Beauftragt wurde die TAF Mobile GmbH.", [("TAF Mobile GmbH", "Organization")]),
    ("Träger ist die Radschmiede gGmbH in Dresden.", [("Radschmiede gGmbH", "Organization"), ("Dresden", "Place")]),
    ("Die Anstalt Verkehrsservice AöR übernimmt die Abrechnung.", [("Anstalt Verkehrsservice AöR", "Organization")]),
    (
        "Die Planung übernimmt das Büro BORAPA Ingenieurgesellschaft mbH.",
        [("BORAPA Ingenieurgesellschaft mbH", "Organization")],
    ),
    (
        "Die Porsche AG baut in Leipzig Hybridfahrzeuge; Porsche investiert weiter.",
        [("Porsche AG", "Organization"), ("Porsche", "Organization")],
    ),
    ("Partner ist die nextbike GmbH.", [("nextbike GmbH", "Organization")]),
    (
        "Den Betrieb übernimmt die Stadtwerke Musterhausen Service-GmbH.",
        [("Stadtwerke Musterhausen Service-GmbH", "Organization")],
    ),
    # institution heads with complements
    (
        "Die Vorlage wurde im Fachausschuss Umwelt und Ordnung beraten.",
        [("Fachausschuss Umwelt und Ordnung", "Organization")],
    ),
    (
        "Das Amt für Wirtschaftsförderung organisierte eine Konferenz.",
        [("Amt für Wirtschaftsförderung", "Organization")],
    ),
    ("Eingereicht vom Dezernat Stadtentwicklung und Bau.", [("Dezernat Stadtentwicklung und Bau", "Organization")]),
    ("Zuständig ist der Fachbereich Tiefbau und Verkehr.", [("Fachbereich Tiefbau und Verkehr", "Organization")]),
    ("Der Ausschuss für Umwelt und Technik stimmte zu.", [("Ausschuss für Umwelt und Technik", "Organization")]),
    (
        "Das Bundesministerium für Verkehr und digitale Infrastruktur fördert das Vorhaben.",
        [("Bundesministerium für Verkehr und digitale Infrastruktur", "Organization")],
    ),
    (
        "Das Fraunhofer-Institut für Verkehrs- und Infrastruktursysteme stellt zwei Busse.",
        [("Fraunhofer-Institut für Verkehrs- und Infrastruktursysteme", "Organization")],
    ),
    ("Die Bezirksvertretung Hagen-Nord hat den Plan beraten.", [("Bezirksvertretung Hagen-Nord", "Organization")]),
    ("Der Landkreis Nordsachsen beteiligt sich an den Kosten.", [("Landkreis Nordsachsen", "Organization")]),
    ("Die Landeshauptstadt Dresden plant neue Mobilpunkte.", [("Landeshauptstadt Dresden", "Organization")]),
    ("Die Stadt Aachen erhält Fördermittel.", [("Stadt Aachen", "Organization")]),
    (
        "Die Hansestadt Rostock und die Stadtwerke Rostock arbeiten zusammen.",
        [("Hansestadt Rostock", "Organization"), ("Stadtwerke Rostock", "Organization")],
    ),
    ("Die Universität Leipzig begleitet das Projekt wissenschaftlich.", [("Universität Leipzig", "Organization")]),
    ("Die Hochschule Merseburg wertet die Daten aus.", [("Hochschule Merseburg", "Organization")]),
    (
        "Ein Projektteil der Westsächsischen Hochschule Zwickau untersucht die Kosten.",
        [("Westsächsischen Hochschule Zwickau", "Organization")],
    ),
    (
        "Auch das Deutsche Biomasseforschungszentrum ist dabei.",
        [("Deutsche Biomasseforschungszentrum", "Organization")],
    ),
    ("Die Kölner Verkehrs-Betriebe bauen das Netz aus.", [("Kölner Verkehrs-Betriebe", "Organization")]),
    ("Die Hagener Straßenbahn erhält Planungssicherheit.", [("Hagener Straßenbahn", "Organization")]),
    ("Die Fraktion Bündnis 90/Die Grünen beantragt eine Prüfung.", [("Bündnis 90/Die Grünen", "Organization")]),
    (
        "Der Antrag der SPD wurde gegen die Stimmen der CDU angenommen.",
        [("SPD", "Organization"), ("CDU", "Organization")],
    ),
    (
        "Der Rat der Stadt Köln beschließt das Konzept.",
        [("Rat der Stadt Köln", "Organization"), ("Stadt Köln", "Organization")],
    ),
    (
        "Der Kreistag des Kreises Dithmarschen tagt im Mai.",
        [("Kreistag des Kreises Dithmarschen", "Organization"), ("Kreises Dithmarschen", "Organization")],
    ),
    (
        "Die Dienstberatung des Oberbürgermeisters bestätigte die Vorlage.",
        [("Dienstberatung des Oberbürgermeisters", "Organization")],
    ),
    ("Das Verkehrs- und Tiefbauamt prüft die Standorte.", [("Verkehrs- und Tiefbauamt", "Organization")]),
    ("Der Verkehrsausschuss beschließt das Raumbuch.", [("Verkehrsausschuss", "Organization")]),
    ("Der Bau- und Umweltausschuss vertagt die Entscheidung.", [("Bau- und Umweltausschuss", "Organization")]),
    ("Das Land NRW fördert die Mobilstationen.", [("Land NRW", "Organization")]),
    (
        "Die Bürgerschaft der Freien und Hansestadt Hamburg hat beschlossen.",
        [("Bürgerschaft der Freien und Hansestadt Hamburg", "Organization")],
    ),
    (
        "Nach Auskunft von Amt 61 und Referat 8 ist das möglich.",
        [("Amt 61", "Organization"), ("Referat 8", "Organization")],
    ),
    ("Die Stellungnahme der Stabsstelle Recht liegt vor.", [("Stabsstelle Recht", "Organization")]),
    # gazetteer, inflection, PDF artefacts
    ("Hier erfolgt eine enge Zusammenarbeit mit den Stadtwerken Leipzig.", [("Stadtwerken Leipzig", "Organization")]),
    ("Die Fahrzeuge liefert die BMW Group aus ihrem Werk.", [("BMW Group", "Organization")]),
    (
        "Die Förderung stammt aus dem Europäischen Fonds für regionale Entwicklung.",
        [("Europäischen Fonds für regionale Entwicklung", "Programme")],
    ),
    (
        "Die LVB nimmt am Schaufenster BayernSachsen teil.",
        [("Schaufenster BayernSachsen", "Programme"), ("LVB", "Organization")],
    ),
    (
        "Das Kraftfahrt-Bundesamt meldet 167 E-Fahrzeuge in Sachsen.",
        [("Kraftfahrt-Bundesamt", "Organization"), ("Sachsen", "Place")],
    ),
    ("Die Attraktivität Leipzigs für Unternehmen steigt.", [("Leipzigs", "Place")]),
    # acronyms
    (
        "Die Verkehrsbetriebe Hamburg-Holstein GmbH (VHH) setzen Elektrobusse ein. Die VHH planen mehr.",
        [("Verkehrsbetriebe Hamburg-Holstein GmbH", "Organization"), ("VHH", "Organization")],
    ),
    (
        "Die Musterstädter Verkehrsgesellschaft (MSV) bestellt Busse. Die MSV erhält dafür Geld.",
        [("Musterstädter Verkehrsgesellschaft", "Organization"), ("MSV", "Organization")],
    ),
    ("Der Regionale Planungsverband (RPV) stimmt zu.", [("RPV", "Organization")]),
    (
        "Die MVB (Magdeburger Verkehrsbetriebe) testen einen Elektrobus.",
        [("Magdeburger Verkehrsbetriebe", "Organization"), ("MVB", "Organization")],
    ),
    ("Unter Einbeziehung des LVV-Konzerns wird ein Konzept erarbeitet.", [("LVV-Konzerns", "Organization")]),
    (
        "Der Clusterverein „Netzwerk Energie & Umwelt e. V.“ (NEU e. V.) lädt zum Fachforum ein.",
        [("Netzwerk Energie & Umwelt e. V.", "Organization"), ("NEU e. V.", "Organization")],
    ),
    # projects and programmes
    (
        "Das Projekt „Laternenparken und Geschäftsmodell Energieversorgung“ startet 2015.",
        [("Laternenparken und Geschäftsmodell Energieversorgung", "Project")],
    ),
    (
        "Für das EFRE-Förderprojekt „Leipzig mobil – neue Wege zur öffentlichen Mobilität“ liegt der Bescheid vor.",
        [("Leipzig mobil – neue Wege zur öffentlichen Mobilität", "Project")],
    ),
    (
        "Im Verbundvorhaben „Schaufenster Bayern-Sachsen“ arbeiten Unternehmen zusammen.",
        [("Schaufenster Bayern-Sachsen", "Programme")],
    ),
    ("Im neu gefassten Projekt eBus Skorpion werden Modellrechnungen erstellt.", [("eBus Skorpion", "Project")]),
    (
        "Die LVB beteiligt sich an drei Projekten (SaxHybrid PLus, eBus Batterfly und eBus Skorpion).",
        [("SaxHybrid PLus", "Project"), ("eBus Batterfly", "Project"), ("eBus Skorpion", "Project")],
    ),
    ("Die Stadt fördert seit 2002 Ansätze im Rahmen des Programms CiViTAS.", [("CiViTAS", "Programme")]),
    (
        "Mit den „Modellregionen Elektromobilität“ entstand eine Plattform.",
        [("Modellregionen Elektromobilität", "Programme")],
    ),
    ("Das Pilotprojekt „Elektrobus Süd“ läuft seit Januar.", [("Elektrobus Süd", "Project")]),
    ("Geplant ist die Elektrifizierung der Innovationslinie 89.", [("Innovationslinie 89", "Project")]),
    (
        "Der Betrieb des Mobilstationsnetzes wird ausgeschrieben; das Mobilstationsnetz wächst.",
        [("Mobilstationsnetz", "Project"), ("Mobilstationsnetzes", "Project")],
    ),
    ("Die Stadt prüft ein Fahrradverleihsystem für Leverkusen.", [("Fahrradverleihsystem für Leverkusen", "Project")]),
    (
        "Die Wirtschaftsförderung unterstützt das Pilotprojekt im Seebad Warnemünde.",
        [("Pilotprojekt im Seebad Warnemünde", "Project")],
    ),
    (
        "Die Daimler AG will in Stuttgart das System E-car2go etablieren.",
        [("E-car2go", "Project"), ("Daimler AG", "Organization")],
    ),
    ("Die Zahlen zeigen eine gute Inanspruchnahme aller MyShuttle-Verkehre.", [("MyShuttle-Verkehre", "Project")]),
    (
        "Im Stadtgebiet sind zwölf neue mobil.punkte entstanden; jeder mobil.punkt hat Carsharing.",
        [("mobil.punkte", "Project"), ("mobil.punkt", "Project")],
    ),
    # events and plans
    ("Die Elektromobilitätsrallye „lipsia e-motion 2014“ fand im Juni statt.", [("lipsia e-motion 2014", "Event")]),
    (
        "Die Leipziger Messe zeigt auf der Messe „new mobility“ neue Trends.",
        [("new mobility", "Event"), ("Leipziger Messe", "Organization")],
    ),
    ("Der Rat beschließt den Nahverkehrsplan 2020 der Stadt Hagen.", [("Nahverkehrsplan 2020", "Plan")]),
    ("Dies folgt aus dem Integrierten Klimaschutzkonzept des Kreises.", [("Integrierten Klimaschutzkonzept", "Plan")]),
    ("Die Novellierung des Erneuerbare-EnergienGesetz (EEG) wurde beschlossen.", [("EEG", "Plan")]),
    (
        "Der Rat beschließt den Nahverkehrsplan 2020 der Stadt Hagen.",
        [("Nahverkehrsplan 2020 der Stadt Hagen", "Plan"), ("Stadt Hagen", "Organization")],
    ),
    (
        "Das Arbeitsprogramm der Oberbürgermeisterin „Bonn 2030“ nennt den Radverkehr als Schwerpunkt.",
        [("Arbeitsprogramm der Oberbürgermeisterin „Bonn 2030“", "Plan"), ("Bonn 2030", "Plan")],
    ),
    (
        "Das Vorhaben folgt der Charta Rheinisches Revier 2040 und dem Masterplan Green City.",
        [("Charta Rheinisches Revier 2040", "Plan"), ("Masterplan Green City", "Plan")],
    ),
    (
        "Der Senat hat den StEP Mobilität und Verkehr im Jahr 2021 beschlossen.",
        [("StEP Mobilität und Verkehr", "Plan")],
    ),
    (
        "Grundlage ist das Klimaschutzkonzept der Stadt Bonn aus dem Jahr 2019.",
        [("Klimaschutzkonzept der Stadt Bonn", "Plan"), ("Klimaschutzkonzept", "Plan")],
    ),
    # vehicle models named by their maker
    (
        "Die Stadtwerke kaufen zehn Mercedes-Benz eCitaro und zwei Solaris Urbino 12 electric.",
        [
            ("Mercedes-Benz eCitaro", "Product"),
            ("Solaris Urbino 12 electric", "Product"),
            ("Solaris", "Organization"),
        ],
    ),
    (
        "Für den Fuhrpark werden drei VW ID.3 beschafft; Volkswagen liefert im Mai.",
        [("VW ID.3", "Product"), ("Volkswagen", "Organization")],
    ),
    (
        "Die Audi AG testet den „Audi Q4 e-tron“ im Stadtverkehr.",
        [("Audi Q4 e-tron", "Product"), ("Audi AG", "Organization")],
    ),
    (
        "Die Stadtverwaltung least zwei BMW i3; jeder i3 hat eine eigene Ladekarte.",
        [("BMW i3", "Product"), ("i3", "Product")],
    ),
    # persons
    ("Die Schirmherrschaft hat Herrn Oberbürgermeister Jung übernommen.", [("Oberbürgermeister Jung", "Person")]),
    ("Dr. Wolfgang Hübschle stellte das Konzept vor.", [("Dr. Wolfgang Hübschle", "Person")]),
    (
        "Nicht anwesend: Herr Fiedler (SPD), Herr Weber-Baronowsky (Grüne).",
        [("Fiedler", "Person"), ("Weber-Baronowsky", "Person"), ("Grüne", "Organization")],
    ),
    ("Bearbeitung: Jana Funke", [("Jana Funke", "Person")]),
    (
        "Berichterstattung: die Herren Henrich (car2go), Dr. Schlossnikel und Stürmer.",
        [("Henrich", "Person"), ("Dr. Schlossnikel", "Person"), ("Stürmer", "Person"), ("car2go", "Organization")],
    ),
    ("Ratsherr Becker fragt nach den Kosten.", [("Ratsherr Becker", "Person")]),
    # places
    (
        "Die Schnellladesäulen reichen von München über Nürnberg nach Leipzig.",
        [("München", "Place"), ("Nürnberg", "Place"), ("Leipzig", "Place")],
    ),
    ("Partner kommen aus Gdynia in Polen und aus Kroatien.", [("Polen", "Place"), ("Kroatien", "Place")]),
    ("Ein Partner kommt aus Turku (Finnland).", [("Turku", "Place"), ("Finnland", "Place")]),
    ("Neue Stationen entstehen im Stadtteil Lindenthal.", [("Lindenthal", "Place")]),
    (
        "Gutachten liegen aus den Ortsteilen Dithmarschen und Steinburg vor.",
        [("Dithmarschen", "Place"), ("Steinburg", "Place")],
    ),
    (
        "Die Stationen stehen in Bremen, der Vahr, Schwachhausen und in Findorff.",
        [("Vahr", "Place"), ("Schwachhausen", "Place"), ("Findorff", "Place")],
    ),
    ("Der Stadtbus fährt seit Mai in Gdynia.", [("Gdynia", "Place")]),
    ("Die Stadt Bretten plant einen Stadtbus; in Bretten fehlen Haltestellen.", [("Bretten", "Place")]),
    ("Die Wohnungen liegen in Bochum-Grumme.", [("Bochum-Grumme", "Place")]),
    (
        "Geplant ist ein Mobilstationsnetz in Köln.",
        [("Mobilstationsnetz in Köln", "Project"), ("Köln", "Place")],
    ),
    # coordinated numbers, glued header labels
    (
        "Im Rahmen von „SaxMobility I und II“ entstanden Konzepte.",
        [("SaxMobility I", "Project"), ("SaxMobility II", "Project")],
    ),
    (
        "Ausschuss für Mobilität der Landeshauptstadt HannoverNiederschrift",
        [("Landeshauptstadt Hannover", "Organization")],
    ),
    # unnamed but specific projects: a measure a decision approves; a quoted title continued by a conjunction
    (
        "1. Dem Bau einer Fahrradbrücke über den Mühlgraben wird zugestimmt.",
        [("Bau einer Fahrradbrücke über den Mühlgraben", "Project")],
    ),
    (
        "Die Errichtung von zwölf Mobilstationen in Lindenau wird beschlossen.",
        [("Errichtung von zwölf Mobilstationen in Lindenau", "Project")],
    ),
    (
        "Gefördert wird das Modellprojekt „Quartiersbus“ im Westen oder das „Rufbus-Angebot“ im Umland.",
        [("Quartiersbus", "Project"), ("Rufbus-Angebot", "Project")],
    ),
    # quoted titles heading the bullets of a list that a project noun introduces
    (
        "Der Stadtrat beschließt die Planung für folgende Ausbaumaßnahmen:\n\n-   „Nordtangente“ - mit Wendeschleife"
        "\n\n-   „Ringschluss Ost“\n",
        [("Nordtangente", "Project"), ("Ringschluss Ost", "Project")],
    ),
    (
        "Im Jahr 2025 beginnen die folgenden Teilprojekte:\n1. „Radachse Süd“\n2. „Mobilstation Bahnhof“ am Markt\n",
        [("Radachse Süd", "Project"), ("Mobilstation Bahnhof", "Project")],
    ),
    # an acronym a project cue introduces gives its long form the cue's type; listed expansions stay apart
    (
        "Bisher wurden in den Förderprojekten KLIM (Kommunale Ladeinfrastruktur Main) und LIM (Ladeinfrastruktur "
        "Main) 300 Ladepunkte gebaut.",
        [
            ("Kommunale Ladeinfrastruktur Main", "Project"),
            ("KLIM", "Project"),
            ("Ladeinfrastruktur Main", "Project"),
            ("LIM", "Project"),
        ],
    ),
    (
        "Die Stadt ist Partner im Projekt ELNO (Elektrische Lieferverkehre Nord), LADE (Laden daheim) und WEGE.",
        [("Elektrische Lieferverkehre Nord", "Project"), ("LADE", "Project"), ("WEGE", "Project")],
    ),
    # an acronym, a dash and its long form: the long form's cue types both ("Expedition" is an event)
    (
        "Beraten hat der VCD - Verkehrsclub Deutschland. Der VCD lobt den Plan.",
        [("Verkehrsclub Deutschland", "Organization"), ("VCD", "Organization")],
    ),
    (
        "Im Mai startet die NEME 2024 - Nordic Electric Mobility Expedition in Kopenhagen. Die NEME führt bis Paris.",
        [("Nordic Electric Mobility Expedition", "Event"), ("NEME", "Event"), ("Paris", "Place")],
    ),
    # multi-word places from the gazetteer
    (
        "Vertreter aus Palma de Mallorca, Frankfurt (Oder) und Mülheim an der Ruhr tauschten Erfahrungen aus.",
        [("Palma de Mallorca", "Place"), ("Frankfurt (Oder)", "Place"), ("Mülheim an der Ruhr", "Place")],
    ),
    # names listed after a plural actor cue
    (
        "Angebote legten die Firmen busline und Nahverkehr Wismar vor.",
        [("busline", "Organization"), ("Nahverkehr Wismar", "Organization")],
    ),
    # a plural institution head names one place per name, not one body
    (
        "Die Busse sollen in den Landkreisen Vorpommern-Greifswald und Uckermark fahren.",
        [("Vorpommern-Greifswald", "Place"), ("Uckermark", "Place")],
    ),
    (
        "Die Stadt beauftragt die Dresdner\nVerkehrsbetriebe AG mit dem Betrieb der neuen Linie.",
        [("Dresdner Verkehrsbetriebe AG", "Organization")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_recognises(text: str, expected: list[tuple[str, str]]) -> None:
    found = labels(run(text))
    assert set(expected) <= found, f"missing {set(expected) - found}; found {sorted(found)}"


NOT_ENTITIES = [
    ("Die Verwaltung wird beauftragt, dem Stadtrat zu berichten.", "Verwaltung"),
    ("Die Mobilität der Zukunft ist abgasarm und leise.", "Mobilität"),
    ("Das Amt prüft den Antrag.", "Amt"),
    ("Das Netzwerk dient als Plattform für den Wissenstransfer.", "Netzwerk"),
    ("Die VertreterInnen der Unternehmen diskutierten.", "VertreterInnen"),
    ("Der ÖPNV ist zu 80 % elektromobil.", "ÖPNV"),
    ("Wir bleiben in Kontakt und in Zukunft in Bewegung.", "Zukunft"),
    ("Die Anlage ist seit Mai in Betrieb.", "Betrieb"),
    ("Carsharing gibt es auf Parkplätzen und in Tiefgaragen in Kooperation mit der Stadt.", "Tiefgaragen"),
    ("Die Busse fahren in Leipzig, Dresden und Umgebung.", "Umgebung"),
    ("Die Fahrzeuge kommen nach Abschluss der Prüfung in Einsatz.", "Einsatz"),
    ("Landeshauptstadt StuttgartNiederschrift über die Sitzung", "StuttgartNiederschrift"),
    ("Der Ausbau der Ladeinfrastruktur wird in Leipzig fortgesetzt.", "Ausbau"),
    ("Der Bau der Brücke wird 2023 beschlossen und ist teuer, weil sie lang ist.", "Bau"),
    ("Dem Einsatz von Elektrobussen wird zugestimmt.", "Einsatz"),
    ("Die Busse sollen in den Landkreisen Vorpommern-Greifswald und Uckermark fahren.", "Landkreisen"),
    ("Das Projekt ELAN (Elektrische Lieferverkehre in Rostock und Region) startet 2024.", "Region"),
    (
        "Die Stadtwerke Musterstadt boten im Projekt „Laden im Alltag“ zusätzlich Angebote für Pendler an. Im Juni "
        "erhielten zwölf Teilnehmende das Zertifikat „Ladeprofi“.",
        "Angebote",
    ),
    ("Der Antrag kam mit den Firmen vor Ort zustande.", "Ort"),
    ("Mit den Firmen fehlt Personal und Geld.", "Personal"),
    ("Für das neue Team ist der Stellenplan zu erweitern.", "Stellenplan"),
    ("Das Arbeitsprogramm wird jährlich fortgeschrieben.", "Arbeitsprogramm"),
    ("Der Betreiber soll ein Finanzierungskonzept vorlegen.", "Finanzierungskonzept"),
    ("Der Zeitplan ist in Anlage 1 dargestellt.", "Zeitplan"),
    ("Der STEP wird fortgeschrieben.", "STEP"),
    ("Im BMW-Werk arbeiten 5000 Menschen; die BMW Group investiert.", "BMW-Werk"),
    ("Der i3 fährt elektrisch, die BMW Group baut ihn.", "i3"),
    ("Aus der Bürgerschaft kamen folgende Hinweise:\n- „Mehr Bänke am Ufer“\n- „Tempo 30 vor Schulen“\n", "Bänke"),
    ("Geplant sind folgende Maßnahmen:\nDie Stadt baut „Radachse Nord“ bis 2026.\n", "Radachse"),
]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Die S-Bahn Hamburg GmbH fährt öfter.", "Hamburg"),
        ("Die Stadtwerke Köln GmbH betreiben Ladesäulen.", "Köln"),
        ("Den Zuschlag erhielten die Firmen busline und Nahverkehr Wismar.", "Wismar"),
        (
            "Betreiber ist die Rheinbahn Düsseldorf AG (Rheinbahn Düsseldorf). Die Rheinbahn Düsseldorf fährt.",
            "Düsseldorf",
        ),
    ],
)
def test_a_place_inside_an_actor_name_is_no_place(text: str, place: str) -> None:
    assert (place, "Place") not in labels(run(text))


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Die BMW Group baut im BMW Werk Leipzig Autos.", "BMW Werk"),
        ("Porsche Fahrer und BMW Mitarbeiter kamen zur Messe.", "Porsche Fahrer"),
        ("Die Porsche AG gemeinsam mit Leipziger Hotels testet.", "Porsche AG"),
        ("Die Stadt kaufte 2019 bei Solaris 12 Busse.", "Solaris 12"),
    ],
)
def test_a_maker_before_a_common_noun_names_no_product(text: str, label: str) -> None:
    found = labels(run(text))
    assert not any(t == "Product" for _label, t in found), f"found {sorted(found)}"
    assert not any(label == found_label and t == "Product" for found_label, t in found)


@pytest.mark.parametrize(("text", "word"), NOT_ENTITIES)
def test_generic_words_are_no_entities(text: str, word: str) -> None:
    assert not any(word in label for label, _type in labels(run(text)))


@pytest.mark.parametrize(
    ("text", "name", "aliases"),
    [
        (
            "Die Stadtwerke Leipzig GmbH (SWL) baut. Mit den Stadtwerken Leipzig und der SWL-Gruppe arbeitet die SWL.",
            "Stadtwerke Leipzig GmbH",
            {"SWL", "Stadtwerken Leipzig", "SWL-Gruppe"},
        ),
        (
            "Die Leipziger Verkehrsbetriebe GmbH (LVB) fahren. Die LVB beteiligt sich.",
            "Leipziger Verkehrsbetriebe GmbH",
            {"LVB"},
        ),
        (
            "Der Fachdienst Bürgerbus (FDB) plant. Der FDB berichtet, der Fachdienst Bürgerbus tagt.",
            "Fachdienst Bürgerbus",
            {"FDB"},
        ),
        (
            "Betreiber ist die Rheinbahn Düsseldorf AG (Rheinbahn Düsseldorf). Die Rheinbahn Düsseldorf fährt.",
            "Rheinbahn Düsseldorf AG",
            {"Rheinbahn Düsseldorf"},
        ),
        (
            "Die Studie erstellt das Fraunhofer-Institut für Materialfluss und Logistik (IML). Vom Fraunhofer-Institut "
            "kommen die Daten, das Fraunhofer Institut wertet sie aus.",
            "Fraunhofer-Institut für Materialfluss und Logistik",
            {"IML", "Fraunhofer-Institut", "Fraunhofer Institut"},
        ),
    ],
)
def test_mentions_become_one_entity(text: str, name: str, aliases: set[str]) -> None:
    doc = run(text)
    entity = next(e for e in doc._.entities.values() if e.name == name)
    assert aliases <= set(entity.aliases)
    assert sum(1 for e in doc._.entities.values() if e.type == "Organization") == 1


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (  # two institutes start with the head: the head alone names neither
            "Die Studie erstellen das Fraunhofer-Institut für Materialfluss und Logistik und das Fraunhofer-Institut "
            "für Verkehrs- und Infrastruktursysteme. Das Fraunhofer-Institut berichtet im Mai.",
            "Fraunhofer-Institut",
        ),
        ("Das Fraunhofer-Institut berichtet im Mai über die Ladesäulen.", "Fraunhofer-Institut"),  # none named
        ("Die Stadtwerke Kiel AG (Kiel) liefern Strom.", "Kiel"),  # a part of the name is no alias
    ],
)
def test_no_alias_without_one_named_owner(text: str, label: str) -> None:
    assert not any(label in e.aliases for e in run(text)._.entities.values())


@pytest.mark.parametrize(
    ("subject", "text", "name"),
    [
        (
            "Beschaffung von drei Elektrobussen im Kreis Pinneberg",
            "Betreff: Beschaffung von drei Elektrobussen im Kreis Pinneberg\nDer Kreistag beschließt.",
            "Beschaffung von drei Elektrobussen im Kreis Pinneberg",
        ),
        (
            "Radverkehr stärken - Weiterer Ausbau der Radwege in Gera",
            "Betreff: Radverkehr stärken - Weiterer Ausbau der Radwege in Gera\nDer Rat beschließt.",
            "Weiterer Ausbau der Radwege in Gera",
        ),
    ],
)
def test_a_measure_in_the_subject_is_a_project(subject: str, text: str, name: str) -> None:
    document = Document(id="t", title="", source="test", text=text, structure=PaperStructure(subject=subject))
    doc = analyse(document, load_pipeline(None, learned=None))
    assert ("Project", name) in {(e.type, e.name) for e in doc._.entities.values()}


def test_a_short_quoted_title_is_an_alias_of_the_longer_one() -> None:
    doc = run(
        "Das Projekt „Laternenparken und Geschäftsmodell Energieversorgung“ startet. Bei dem Pilotprojekt "
        "„Ladesäulen“ in Plagwitz oder dem „Laternenparken“ helfen die Stadtwerke."
    )
    entity = next(e for e in doc._.entities.values() if e.name.startswith("Laternenparken"))
    assert entity.name == "Laternenparken und Geschäftsmodell Energieversorgung"
    assert "Laternenparken" in entity.aliases


def test_gazetteer_entities_share_keys_across_documents() -> None:
    one = run("Die LVB beteiligt sich.")._.entities
    two = run("Die Leipziger Verkehrsbetriebe fahren elektrisch.")._.entities
    assert set(one) == set(two) == {"lvb"}
    assert one["lvb"].name == "Leipziger Verkehrsbetriebe GmbH"


def test_ents_carry_entity_keys() -> None:
    doc = run("Die Stadt Aachen und die RWTH Aachen arbeiten zusammen.")
    assert {(e.text, e.label_, e.kb_id_) for e in doc.ents} == {
        ("Stadt Aachen", "Organization", "stadt-aachen"),
        ("RWTH Aachen", "Organization", "rwth-aachen"),
    }
    assert doc._.entities["rwth-aachen"].gazetteer_id == "rwth-aachen"

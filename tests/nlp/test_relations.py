"""relation_extractor on German council prose: a table of passages and the triples they state.

Entities are given (every occurrence of a label in ``LABELS`` is marked, as the oracle harness does), so these
tests measure the relation cues alone; sentence boundaries come from the harness's small splitter.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from kg.document import Section
from kg.nlp.relations import extract_relations

HARNESS = Path(__file__).resolve().parents[2] / "benchmarks" / "oracle_relations.py"


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("oracle_relations", HARNESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


oracle = _harness()

ORG, PROJECT, PROGRAMME, EVENT, PLACE, PRODUCT = "Organization", "Project", "Programme", "Event", "Place", "Product"
LABELS: dict[str, tuple[str, str]] = {
    "LVB": ("lvb", ORG),
    "LVV": ("lvv", ORG),
    "SWL": ("swl", ORG),
    "Stadtwerken Leipzig": ("swl", ORG),
    "HTWK": ("htwk", ORG),
    "Fraunhofer IVI": ("ivi", ORG),
    "Fraunhofer-Gesellschaft": ("fhg", ORG),
    "Stadt Leipzig": ("stadt-leipzig", ORG),
    "Stadt Köln": ("stadt-koeln", ORG),
    "Stadtwerke Köln": ("swk", ORG),
    "KVB": ("kvb", ORG),
    "nextbike GmbH": ("nextbike", ORG),
    "nextbike": ("nextbike", ORG),
    "teilAuto": ("teilauto", ORG),
    "EnBW": ("enbw", ORG),
    "SSB": ("ssb", ORG),
    "Landeshauptstadt Stuttgart": ("lhs", ORG),
    "Daimler AG": ("daimler", ORG),
    "BMW Group": ("bmw", ORG),
    "BMW": ("bmw", ORG),
    "Porsche AG": ("porsche", ORG),
    "TU Chemnitz": ("tuc", ORG),
    "Amt für Wirtschaftsförderung": ("amt-wf", ORG),
    "Dezernates Wirtschaft und Arbeit": ("dezernat-wa", ORG),
    "Bundesministerium für Verkehr": ("bmv", ORG),
    "BMV": ("bmv", ORG),
    "EU": ("eu", ORG),
    "Bochumer": ("stadt-bochum", ORG),
    "VBW": ("vbw", ORG),
    "Bogestra": ("bogestra", ORG),
    "Stadtwerke Bochum": ("swb", ORG),
    "Försters.com": ("foersters", ORG),
    "NEU e. V.": ("neu", ORG),
    "Leipziger Messe": ("messe", ORG),
    "Bundesregierung": ("bund", ORG),
    "Heiterblick GmbH": ("heiterblick", ORG),
    "Union der Baltischen Städte": ("ubc", ORG),
    "BORAPA": ("borapa", ORG),
    "Senats": ("senat", ORG),
    "BORAPA Ingenieurgesellschaft GmbH": ("borapa", ORG),
    "SaxHybrid Plus": ("saxhybrid", PROJECT),
    "eBus Skorpion": ("skorpion", PROJECT),
    "eBus Batterfly": ("batterfly", PROJECT),
    "Laternenparken": ("laternenparken", PROJECT),
    "Leipzig mobil": ("leipzig-mobil", PROJECT),
    "Mobilstationsnetz": ("mobilstationsnetz", PROJECT),
    "Mobilstationsnetzes": ("mobilstationsnetz", PROJECT),
    "E-car2go": ("ecar2go", PROJECT),
    "DYN@MO": ("dynamo", PROJECT),
    "Langstreckenpendler": ("langstreckenpendler", PROJECT),
    "Mitwirkungsverfahren": ("mitwirkung", PROJECT),
    "ABSOLUT": ("absolut", PROJECT),
    "Angebotsoffensive": ("angebotsoffensive", PROJECT),
    "ePendler": ("ependler", PROJECT),
    "Radwegebrücke": ("radwegebruecke", PROJECT),
    "Bikesharingsystems": ("bikesharing", PROJECT),
    "Fahrradverleihsystems": ("fahrradverleih", PROJECT),
    "Ladepunkte": ("ladepunkte", PROJECT),
    "Ladeinfrastruktur": ("ladeinfrastruktur", PROJECT),
    "Ladeinfrastruktur Stuttgart": ("lis", PROJECT),
    "Schaufenster Bayern-Sachsen": ("schaufenster", PROGRAMME),
    "Schaufensters Bayern-Sachsen": ("schaufenster", PROGRAMME),
    "EFRE": ("efre", PROGRAMME),
    "CiViTAS": ("civitas", PROGRAMME),
    "CiViTAS Plus 2": ("civitas-plus-2", PROGRAMME),
    "lipsia e-motion 2014": ("lipsia", EVENT),
    "new mobility": ("new-mobility", EVENT),
    "Elektromobilitätsgipfel": ("gipfel", EVENT),
    "Leipzig": ("leipzig", PLACE),
    "Stuttgart": ("stuttgart", PLACE),
    "Augsburg": ("augsburg", PLACE),
    "Turku": ("turku", PLACE),
    "Kaiserslautern": ("kaiserslautern", PLACE),
    "BMW i3": ("bmw-i3", PRODUCT),
    "Porsche Panamera": ("panamera", PRODUCT),
    "Aachen": ("aachen", PLACE),
    "Dresden": ("dresden", PLACE),
    "Stadt Aachen": ("stadt-aachen", ORG),
    "RWTH Aachen": ("rwth", ORG),
    "ASEAG": ("aseag", ORG),
    "Carsharing": ("carsharing", PROJECT),
    "Amt für Straßenbau": ("asb", ORG),
    "Sachgebiet Radverkehr": ("sg-rad", ORG),
    "Verkehrsausschuss": ("verkehrsausschuss", ORG),
    "Fahrgastbeirat": ("fahrgastbeirat", ORG),
    "SaxMobility I": ("saxmobility-1", PROJECT),
    "II": ("saxmobility-2", PROJECT),
    "Innovationslinie 89": ("linie-89", PROJECT),
}

P, C, PA = "participatesIn", "coordinates", "partnerOf"
CASES: list[tuple[str, set[tuple[str, str, str]]]] = [
    # participation: beteiligt sich, nimmt teil, Projektpartner, Mitglieder, Unterstützung, Abstimmung, Auftrag
    ("Die LVB beteiligt sich am Projekt SaxHybrid Plus.", {("lvb", P, "saxhybrid")}),
    (
        "Die LVB nimmt derzeit an den Projekten SaxHybrid Plus und eBus Skorpion teil.",
        {("lvb", P, "saxhybrid"), ("lvb", P, "skorpion")},
    ),
    (
        "Am Projekt eBus Skorpion sind die LVB, die HTWK und das Fraunhofer IVI beteiligt.",
        {("lvb", P, "skorpion"), ("htwk", P, "skorpion"), ("ivi", P, "skorpion")},
    ),
    (
        "Das Projekt Carsharing wird unter Beteiligung der TU Chemnitz durchgeführt.",
        {("tuc", P, "carsharing")},
    ),
    (
        "Das Vorhaben DYN@MO beginnt im Mai. Als Projektpartner sind die Stadtwerke Köln und die KVB benannt.",
        {("swk", P, "dynamo"), ("kvb", P, "dynamo")},
    ),
    (
        "Die Teilnahme der Stadt Leipzig am Projekt ABSOLUT wird zur Kenntnis genommen.",
        {("stadt-leipzig", P, "absolut")},
    ),
    ("Mitglieder des NEU e. V. beteiligten sich an der Messe new mobility.", {("neu", P, "new-mobility")}),
    ("Die TU Chemnitz wirkt seit Jahren am Projekt ePendler mit.", {("tuc", P, "ependler")}),
    ("Die Angebotsoffensive des Senats startet im Dezember.", {("senat", P, "angebotsoffensive")}),
    ("Die Rallye lipsia e-motion 2014 fand mit Unterstützung der LVV statt.", {("lvv", P, "lipsia")}),
    (
        "Das EFRE-Förderprojekt „Leipzig mobil“ verknüpft Bus, Rad und Auto. Mit den Partnern, dem Carsharer "
        "teilAuto und dem Fahrradverleiher nextbike, werden Verträge geschlossen.",
        {("leipzig-mobil", "fundedBy", "efre"), ("teilauto", P, "leipzig-mobil"), ("nextbike", P, "leipzig-mobil")},
    ),
    (
        "Das Projekt Leipzig mobil startete 2015. Es umfasst 25 Stationen. Dieses Projekt ist in enger "
        "Abstimmung mit der Stadt Leipzig entwickelt worden.",
        {("stadt-leipzig", P, "leipzig-mobil")},
    ),
    (
        "Im Fortsetzungsprojekt SaxHybrid Plus werden Hybridbusse untersucht. Die Fahrzeugbeschaffung erfolgt "
        "durch das Fraunhofer IVI.",
        {("ivi", P, "saxhybrid")},
    ),
    (
        "Dem Bau der Radwegebrücke wird zugestimmt. Das Ingenieurbüro BORAPA wird mit der Planung beauftragt.",
        {("borapa", P, "radwegebruecke")},
    ),
    (
        "Das Projekt Langstreckenpendler befasste sich mit Elektrofahrzeugen. Die BMW Group und die TU Chemnitz "
        "führten dazu eine Nutzerstudie durch.",
        {("bmw", P, "langstreckenpendler"), ("tuc", P, "langstreckenpendler"), ("bmw", PA, "tuc")},
    ),
    # coordinates: Federführung, federführend, Konsortialführer, Regie, organisiert, veranstaltet, initiiert
    (
        "Im Herbst beginnt unter Federführung des Dezernates Wirtschaft und Arbeit sowie der LVV das "
        "Mitwirkungsverfahren.",
        {("dezernat-wa", C, "mitwirkung"), ("lvv", C, "mitwirkung")},
    ),
    (
        "Das Projekt Ladeinfrastruktur erprobt Schnellladesäulen an Hauptstraßen. Die EnBW setzt es federführend "
        "zusammen mit der SSB und der Daimler AG um.",
        {
            ("enbw", C, "ladeinfrastruktur"),
            ("ssb", P, "ladeinfrastruktur"),
            ("daimler", P, "ladeinfrastruktur"),
            ("enbw", PA, "ssb"),
            ("enbw", PA, "daimler"),
        },
    ),
    ("Die Stadt Köln ist als Konsortialführer am Projekt DYN@MO beteiligt.", {("stadt-koeln", C, "dynamo")}),
    ("Die Stadt Köln übernimmt beim Projekt DYN@MO die Konsortialführung.", {("stadt-koeln", C, "dynamo")}),
    (
        "Unter der Regie der Firma „Försters.com“ wurde die Rallye „lipsia e-motion 2014“ organisiert.",
        {("foersters", C, "lipsia")},
    ),
    ("Das Amt für Wirtschaftsförderung organisierte die Fachtagung new mobility.", {("amt-wf", C, "new-mobility")}),
    (
        "Innerhalb der Stadtwerke Köln soll das Mobilstationsnetz federführend von der KVB übernommen werden.",
        {("kvb", C, "mobilstationsnetz"), ("kvb", "subsidiaryOf", "swk")},
    ),
    ("Die Leipziger Messe veranstaltet die new mobility.", {("messe", C, "new-mobility")}),
    (
        "Mit diesem Beschluss wird die KVB mit der Planung und Umsetzung des Mobilstationsnetzes beauftragt.",
        {("kvb", C, "mobilstationsnetz")},
    ),
    ("Der Elektromobilitätsgipfel der Bundesregierung brachte keine Ergebnisse.", {("bund", C, "gipfel")}),
    ("Das Projekt ePendler wurde vom Amt für Wirtschaftsförderung initiiert.", {("amt-wf", C, "ependler")}),
    (
        "Der Ausschuss begrüßt die Absicht der Daimler AG, in diesem Jahr das Angebot E-car2go einzuführen.",
        {("daimler", C, "ecar2go")},
    ),
    # partnerOf: gemeinsam mit, A und B gemeinsam, zwischen A und B, im Verbund mit, Zusammenarbeit, zusammen
    ("Die Stadt Leipzig erarbeitet gemeinsam mit der LVV eine Strategie.", {("stadt-leipzig", PA, "lvv")}),
    (
        "Die LVB und das Fraunhofer IVI untersuchen im Projekt eBus Skorpion gemeinsam die Energiebilanz.",
        {("lvb", PA, "ivi"), ("lvb", P, "skorpion"), ("ivi", P, "skorpion")},
    ),
    (
        "Die zwischen der SSB und der Landeshauptstadt Stuttgart abgestimmte Planung wird fortgeschrieben.",
        {("ssb", PA, "lhs")},
    ),
    (
        "Den Antrag stellt die KVB im Verbund mit der SSB und der EnBW.",
        {("kvb", PA, "ssb"), ("kvb", PA, "enbw"), ("ssb", PA, "enbw")},
    ),
    (
        "Die LVB nimmt am Projekt SaxHybrid Plus teil. Hier erfolgt eine enge Zusammenarbeit mit den "
        "Stadtwerken Leipzig und der HTWK.",
        {
            ("lvb", P, "saxhybrid"),
            ("swl", P, "saxhybrid"),
            ("htwk", P, "saxhybrid"),
            ("lvb", PA, "swl"),
            ("lvb", PA, "htwk"),
        },
    ),
    (
        "Die Daimler AG will das System E-car2go etablieren. Die EnBW und die SSB wollen gemeinsam mit der "
        "Landeshauptstadt Stuttgart dieses Projekt unterstützen.",
        {
            ("enbw", PA, "ssb"),
            ("enbw", PA, "lhs"),
            ("ssb", PA, "lhs"),
            ("enbw", P, "ecar2go"),
            ("ssb", P, "ecar2go"),
            ("lhs", P, "ecar2go"),
        },
    ),
    ("Die BMW Group arbeitet eng mit der HTWK zusammen.", {("bmw", PA, "htwk")}),
    ("Die Stadt Leipzig beauftragt die LVV mit der Koordination.", set()),
    ("Die LVB und die SWL legen jeweils eigene Berichte vor.", set()),
    # partOf: enumerated projects in a programme, Teilprojekt, im Rahmen des Programms, Call
    (
        "Die LVB beteiligt sich an drei Projekten (SaxHybrid Plus, eBus Batterfly und eBus Skorpion) im "
        "Schaufenster Bayern-Sachsen.",
        {
            ("lvb", P, "saxhybrid"),
            ("lvb", P, "batterfly"),
            ("lvb", P, "skorpion"),
            ("lvb", P, "schaufenster"),
            ("saxhybrid", "partOf", "schaufenster"),
            ("batterfly", "partOf", "schaufenster"),
            ("skorpion", "partOf", "schaufenster"),
        },
    ),
    (
        "Das Projekt eBus Batterfly ist ein Teilprojekt des Schaufensters Bayern-Sachsen.",
        {("batterfly", "partOf", "schaufenster")},
    ),
    (
        "1.) DYN@MO\n\nDie EU fördert im Rahmen des Programms CiViTAS Ansätze für einen umweltfreundlichen "
        "Stadtverkehr.",
        {("dynamo", "fundedBy", "eu"), ("dynamo", "partOf", "civitas")},
    ),
    (
        "Das Projekt DYN@MO wurde im zweiten Call CiViTAS Plus 2 ausgewählt.",
        {("dynamo", "partOf", "civitas-plus-2")},
    ),
    # fundedBy: gefördert von/durch, finanziert, Förderprojekt; an application alone is no funding
    (
        "Das Projekt Laternenparken wird vom Bundesministerium für Verkehr gefördert.",
        {("laternenparken", "fundedBy", "bmv")},
    ),
    ("Das Projekt eBus Skorpion wird gefördert durch das BMV.", {("skorpion", "fundedBy", "bmv")}),
    (
        "Das Projektvolumen von DYN@MO liegt bei 13 Mio. €. Davon werden 8,5 Mio. € von der EU gefördert.",
        {("dynamo", "fundedBy", "eu")},
    ),
    ("Die Stadt Leipzig stellte für das Projekt Laternenparken einen Förderantrag beim BMV.", set()),
    ("Das Projekt Leipzig mobil wird aus Mitteln des EFRE finanziert.", {("leipzig-mobil", "fundedBy", "efre")}),
    # subsidiaryOf: apposition, Tochtergesellschaft, Institut der, Amt der Stadt, Stadttöchter
    ("Die LVB, ein Unternehmen der LVV, fährt seit 1896 elektrisch.", {("lvb", "subsidiaryOf", "lvv")}),
    ("Die LVB ist eine Tochtergesellschaft der LVV.", {("lvb", "subsidiaryOf", "lvv")}),
    ("Das Fraunhofer IVI ist ein Institut der Fraunhofer-Gesellschaft.", {("ivi", "subsidiaryOf", "fhg")}),
    (
        "Die SSB arbeitet mit dem Amt für Wirtschaftsförderung der Landeshauptstadt Stuttgart zusammen.",
        {("ssb", PA, "amt-wf"), ("amt-wf", "subsidiaryOf", "lhs")},
    ),
    (
        "Die Bochumer Stadttöchter VBW, Bogestra und Stadtwerke Bochum unterzeichneten einen Kooperationsvertrag.",
        {
            ("vbw", "subsidiaryOf", "stadt-bochum"),
            ("bogestra", "subsidiaryOf", "stadt-bochum"),
            ("swb", "subsidiaryOf", "stadt-bochum"),
            ("vbw", PA, "bogestra"),
            ("vbw", PA, "swb"),
            ("bogestra", PA, "swb"),
        },
    ),
    # produces
    ("Die BMW Group baut den BMW i3 komplett in Leipzig.", {("bmw", "produces", "bmw-i3")}),
    ("In Leipzig produzierte BMW seit 2013 über 27.000 BMW i3.", {("bmw", "produces", "bmw-i3")}),
    ("Heute stellt die Heiterblick GmbH Straßenbahnen her.", set()),
    # operates
    (
        "Die Stadtwerke Köln sollen mit Planung, Bau und Betrieb des Mobilstationsnetzes beauftragt werden.",
        {("swk", "operates", "mobilstationsnetz")},
    ),
    ("So betreiben die Stadtwerke Bochum bereits rund 200 Ladepunkte.", {("swb", "operates", "ladepunkte")}),
    (
        "Als Betreiber der Ladeinfrastruktur ist künftig die EnBW vorgesehen.",
        {("enbw", "operates", "ladeinfrastruktur")},
    ),
    (
        "Der Betrieb des Fahrradverleihsystems erfolgt durch die nextbike GmbH aus Leipzig.",
        {("nextbike", "operates", "fahrradverleih"), ("nextbike", "locatedIn", "leipzig")},
    ),
    # locatedIn: in, aus, address, Montagewerk in, a project title naming its place
    (
        "Der Rat beschließt die Einführung eines Bikesharingsystems in Augsburg.",
        {("bikesharing", "locatedIn", "augsburg")},
    ),
    ("Die Union der Baltischen Städte aus Turku übernimmt die Vermarktung.", {("ubc", "locatedIn", "turku")}),
    (
        "Den Zuschlag erhält die BORAPA Ingenieurgesellschaft GmbH, Hauptstraße 12, 67655 Kaiserslautern.",
        {("borapa", "locatedIn", "kaiserslautern")},
    ),
    ("Die Porsche AG baut in ihrem Montagewerk in Leipzig Hybridfahrzeuge.", {("porsche", "locatedIn", "leipzig")}),
    ("Das Projekt Ladeinfrastruktur Stuttgart wird fortgesetzt.", set()),
    (
        "Das Projekt Ladeinfrastruktur Stuttgart wird 2019 in Stuttgart fortgesetzt.",
        {("lis", "locatedIn", "stuttgart")},
    ),
    ("Die Stadtwerke Köln versorgen ganz Köln mit Strom.", set()),
    # locatedIn by a place adjective before the actors; not for the city's own bodies, not for owners
    (
        "Insgesamt erhalten die Aachener Partner (Stadt Aachen, RWTH Aachen und ASEAG) Fördermittel für Aachen.",
        {("rwth", "locatedIn", "aachen"), ("aseag", "locatedIn", "aachen")},
    ),
    (
        "Die Leipziger LVB und die Dresdner HTWK erproben Elektrobusse in Dresden und Leipzig.",
        {("lvb", "locatedIn", "leipzig"), ("htwk", "locatedIn", "dresden")},
    ),
    ("Leipziger Unternehmen und die HTWK erproben Elektrobusse in Leipzig.", set()),
    # partOf: projects in a programme named in quotes after its head noun
    (
        "Die Stadt Köln erprobt zwei Projekte (ePendler und DYN@MO) im bundesweiten Programm „CiViTAS“.",
        {("ependler", "partOf", "civitas"), ("dynamo", "partOf", "civitas")},
    ),
    # subsidiaryOf: a unit in apposition after its office belongs to the office, the office to the city
    (
        "Die KVB plant gemeinsam mit dem Amt für Straßenbau, Sachgebiet Radverkehr der Stadt Köln neue Routen.",
        {
            ("sg-rad", "subsidiaryOf", "asb"),
            ("asb", "subsidiaryOf", "stadt-koeln"),
            ("kvb", PA, "asb"),
            ("kvb", PA, "sg-rad"),
        },
    ),
    # a lead role ("als Konsortialführer") refers to the project of the section, however far back
    (
        "Am Projekt DYN@MO sind 27 Partner beteiligt. Das Volumen liegt bei 13 Mio. €. Die Stadt Köln als "
        "Konsortialführer erhält 793.000 € Förderung.",
        {("stadt-koeln", C, "dynamo")},
    ),
    (
        "Der Rat beschloss das Projekt Carsharing. Hierbei ist beabsichtigt, dass die Stadt Leipzig einen "
        "Stellplatz zur Verfügung stellt.",
        {("stadt-leipzig", P, "carsharing")},
    ),
    (
        "Im Jahr 2020 startete das Projekt Leipzig mobil. Eine enge Zusammenarbeit mit der LVB und der HTWK "
        "ermöglicht diese Entwicklung.",
        {("lvb", P, "leipzig-mobil"), ("htwk", P, "leipzig-mobil")},
    ),
    # joint subjects doing one thing together are partners and take part in the project at hand
    (
        "Das Projekt Langstreckenpendler lief bis 2015. Die BMW Group, die TU Chemnitz und die LVB führten "
        "dazu eine Nutzerstudie durch.",
        {
            ("bmw", PA, "tuc"),
            ("bmw", PA, "lvb"),
            ("tuc", PA, "lvb"),
            ("bmw", P, "langstreckenpendler"),
            ("tuc", P, "langstreckenpendler"),
            ("lvb", P, "langstreckenpendler"),
        },
    ),
    (
        "Die LVB und die SWL haben ihre Ergebnisse zum Projekt Laternenparken zusammen präsentiert.",
        {("lvb", PA, "swl"), ("lvb", P, "laternenparken"), ("swl", P, "laternenparken")},
    ),
    ("Die Studie führte die HTWK im Jahr 2015 durch.", set()),
    # a cue carries forward to the projects listed next; in a passive the actor after "durch" is the agent
    (
        "Mehrere Projekte wurden durch das Amt für Wirtschaftsförderung gemeinsam mit dem NEU e. V. initiiert. "
        "Beispiele dafür sind: Im Projekt „ePendler“ wurden 17 E-Fahrzeuge getestet.",
        {("amt-wf", C, "ependler"), ("neu", P, "ependler"), ("amt-wf", PA, "neu")},
    ),
    (
        "Die LVB beteiligte sich an mehreren Vorhaben. Darunter sind u. a.: das Projekt eBus Skorpion und das "
        "Projekt SaxHybrid Plus.",
        {("lvb", P, "skorpion"), ("lvb", P, "saxhybrid")},
    ),
    (
        "Mehrere Projekte wurden durch die Förderung der EU möglich. Beispiele dafür sind: Im Projekt „ePendler“ "
        "wurden 17 E-Fahrzeuge getestet.",
        set(),
    ),
    # a project spread over places: "in X, in Y und in Z", or a list after a colon
    (
        "Der Rat beschließt das Carsharing in Leipzig, in Dresden und in Augsburg.",
        {
            ("carsharing", "locatedIn", "leipzig"),
            ("carsharing", "locatedIn", "dresden"),
            ("carsharing", "locatedIn", "augsburg"),
        },
    ),
    (
        "Insgesamt sind 2020 zwölf neue Ladepunkte entstanden: drei in Leipzig, drei in Dresden und eine in Augsburg.",
        {
            ("ladepunkte", "locatedIn", "leipzig"),
            ("ladepunkte", "locatedIn", "dresden"),
            ("ladepunkte", "locatedIn", "augsburg"),
        },
    ),
    ("Das Carsharing hat zwei Ziele: weniger Autos in Leipzig und mehr Platz.", set()),
    # subsidiaryOf: "Innerhalb der X … die Y", "die Y als Tochter der X"; operates: "im Auftrag der X betreibt die Y"
    ("Innerhalb der Stadtwerke Köln ist die KVB für den Betrieb zuständig.", {("kvb", "subsidiaryOf", "swk")}),
    (
        "Die KVB als Tochter der Stadtwerke Köln betreibt das Mobilstationsnetz.",
        {("kvb", "subsidiaryOf", "swk"), ("kvb", "operates", "mobilstationsnetz")},
    ),
    ("Im Auftrag der Stadt Köln betreibt die KVB das Mobilstationsnetz.", {("kvb", "operates", "mobilstationsnetz")}),
    # places named before the project built there; not when nothing is built
    (
        "Bis 2025 werden im Zentrum von Leipzig und Dresden öffentliche Ladepunkte installiert.",
        {("ladepunkte", "locatedIn", "leipzig"), ("ladepunkte", "locatedIn", "dresden")},
    ),
    ("In Leipzig und Dresden wird seit Jahren über Ladepunkte gestritten.", set()),
    # a contract without its project: the next sentence names the project, and no one else
    (
        "Die LVB und die SWL schlossen im Frühjahr eine Kooperationsvereinbarung. Im Projekt eBus Skorpion sollen "
        "dafür zehn Busse beschafft werden.",
        {("lvb", PA, "swl"), ("lvb", P, "skorpion"), ("swl", P, "skorpion")},
    ),
    (
        "Die LVB und die SWL schlossen im Frühjahr eine Kooperationsvereinbarung. Die HTWK testet im Projekt "
        "eBus Skorpion neue Busse.",
        {("lvb", PA, "swl")},
    ),
    # several actors who present one thing worked on it jointly; "jeweils" says they did not
    (
        "Die KVB, die SSB und die EnBW haben im Ausschuss am 12. Mai einen Entwurf für Schnellbuslinien vorgelegt.",
        {("kvb", PA, "ssb"), ("kvb", PA, "enbw"), ("ssb", PA, "enbw")},
    ),
    ("Die KVB und die SSB haben jeweils einen Bericht vorgelegt.", set()),
    # a project inside a relative clause describes the place of the work; the work belongs to the topic project
    (
        "Das Projekt eBus Skorpion startet im Herbst. Die Auswertung der Fahrten, die im Carsharing anfallen "
        "werden, erfolgt durch die HTWK.",
        {("htwk", P, "skorpion")},
    ),
    # a council body that decides, commissions or takes note is neither participant nor partner
    (
        "Der Verkehrsausschuss beauftragt die Verwaltung, gemeinsam mit den Stadtwerken Leipzig das "
        "Mobilstationsnetz zu planen.",
        {("swl", P, "mobilstationsnetz")},
    ),
    (
        "Nachdem der Verkehrsausschuss das Projekt Carsharing beschlossen hatte, wurde die HTWK beauftragt.",
        {("htwk", P, "carsharing")},
    ),
    ("Der Fahrgastbeirat nimmt den Bericht zum Projekt Carsharing zur Kenntnis.", set()),
    ("Der Fahrgastbeirat wirkt seit 2019 am Projekt Carsharing mit.", {("fahrgastbeirat", P, "carsharing")}),
    # a lead role without its project: a count names no project, and a programme is no project led
    (
        "Das Projekt Carsharing umfasst mehrere Arbeitspakete. Die HTWK hat die Konsortialführung in drei davon inne.",
        set(),
    ),
    (
        "Das Programm CiViTAS unterstützt Städte. Die Stadt Köln übernimmt dabei die Konsortialführung.",
        set(),
    ),
    # names coordinated in one series are siblings, not parts of each other
    (
        "Die SWL testete im Rahmen von „SaxMobility I und II“ gemeinsam mit der HTWK neue Ladesäulen.",
        {
            ("swl", P, "saxmobility-1"),
            ("swl", P, "saxmobility-2"),
            ("htwk", P, "saxmobility-1"),
            ("htwk", P, "saxmobility-2"),
            ("swl", PA, "htwk"),
        },
    ),
    # a missed sentence end bounds a participation cue; a route named "auf der X" is no topic
    (
        "Im Projekt SaxHybrid Plus fahren Hybridbusse im Linienbetrieb; die Begleitforschung erfolgt durch die HTWK "
        "(Dresden). siehe Anhang Das Projekt eBus Batterfly misst Ladezeiten auf der Innovationslinie 89. Die "
        "Fahrzeuge werden von der LVB zur Verfügung gestellt.",
        {("htwk", P, "saxhybrid"), ("lvb", P, "batterfly")},
    ),
    # a programme of "Teilprojekte": the projects the section then introduces are its parts, up to the next
    # programme; not a project named before it, not without the word for its projects
    (
        "Das Schaufenster Bayern-Sachsen bündelt Vorhaben beider Länder. Es besteht aus mehreren Teilprojekten, "
        "an denen die SWL beteiligt ist. Das Projekt „Laternenparken“ testet Ladesäulen in Straßenlaternen. Seit "
        "2014 prüft die HTWK im Projekt „ePendler“ den Alltag von Berufspendlern.",
        {
            ("swl", P, "schaufenster"),
            ("laternenparken", "partOf", "schaufenster"),
            ("ependler", "partOf", "schaufenster"),
        },
    ),
    (
        "Das Projekt „Laternenparken“ erprobt Ladepunkte. Im Schaufenster Bayern-Sachsen laufen mehrere "
        "Teilprojekte. Das Projekt „ePendler“ testet E-Fahrzeuge. Das Programm CiViTAS unterstützt Städte. Das "
        "Projekt „Carsharing“ startet 2020.",
        {("ependler", "partOf", "schaufenster")},
    ),
    ("Im Schaufenster Bayern-Sachsen laufen mehrere Vorhaben. Das Projekt „ePendler“ testet E-Fahrzeuge.", set()),
    # produces: a product of an earlier sentence is not what is made
    (
        "Die Porsche AG zeigt den Porsche Panamera auf der Messe. Seit Jahren fertigt die Heiterblick GmbH "
        "Niederflurbahnen.",
        set(),
    ),
    # locatedIn: a maker builds its vehicles in a place; building anything else there does not place it
    (
        "Die BMW Group fertigt das Modell BMW i3 ausschließlich in Leipzig.",
        {("bmw", "produces", "bmw-i3"), ("bmw", "locatedIn", "leipzig")},
    ),
    (
        "Die Porsche AG produziert ihre Sportwagen mit Plug-in-Antrieb weiterhin in Stuttgart.",
        {("porsche", "locatedIn", "stuttgart")},
    ),
    ("Die LVB baut neue Haltestellen in Leipzig.", set()),
]


def _triples(text: str) -> set[tuple[str, str, str]]:
    doc = oracle.annotate(text, LABELS)
    out: set[tuple[str, str, str]] = set()
    for r in extract_relations(doc):
        s, o = sorted((r.subject, r.object)) if r.predicate == PA else (r.subject, r.object)
        out.add((s, r.predicate, o))
    return out


def _normal(triples: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    return {(min(s, o), p, max(s, o)) if p == PA else (s, p, o) for s, p, o in triples}


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_relations_stated_in_passage(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _triples(text) == _normal(expected)


def test_table_covers_at_least_fifty_passages() -> None:
    assert len(CASES) >= 50


def test_relation_carries_cue_confidence_and_evidence_offsets() -> None:
    text = "Das Vorhaben DYN@MO beginnt im Mai. Als Projektpartner sind die Stadtwerke Köln und die KVB benannt."
    doc = oracle.annotate(text, LABELS, doc_id="vorlage-1")
    (kvb,) = [r for r in extract_relations(doc) if r.subject == "kvb"]
    assert kvb.cue == "participation.partner"
    assert 0 < kvb.confidence < 1
    assert [(e.doc_id, text[e.start : e.end]) for e in kvb.evidence] == [
        ("vorlage-1", "Als Projektpartner sind die Stadtwerke Köln und die KVB benannt."),
        ("vorlage-1", "Das Vorhaben DYN@MO beginnt im Mai."),
    ]
    assert all(e.text == text[e.start : e.end] for e in kvb.evidence)


def test_evidence_of_a_relation_carried_by_a_pronoun_opens_with_the_cue_sentence() -> None:
    text = (
        "Die Bundesregierung fasste mehrere Beschlüsse. Um sie umzusetzen, hat sie mit dem Schaufenster "
        "Bayern-Sachsen eine Plattform geschaffen."
    )
    (relation,) = extract_relations(oracle.annotate(text, LABELS))
    assert (relation.subject, relation.predicate, relation.object) == ("bund", C, "schaufenster")
    assert [e.text for e in relation.evidence] == [
        text[text.index("Um") :],
        "Die Bundesregierung fasste mehrere Beschlüsse.",
    ]


def test_section_heading_sets_the_group_of_the_companies_under_it() -> None:
    text = (
        "4.1 Fahrzeughersteller Die BMW Group baut den BMW i3. "
        "4.2 Unternehmen der LVV Die LVB betreibt 13 Straßenbahnlinien. Die SWL ist an vier Projekten beteiligt. "
        "Die BMW Group und die SWL arbeiten gemeinsam an Ladekonzepten."
    )
    second = text.index("4.2")
    sections = (
        Section("4.1", "4.1 Fahrzeughersteller", 0, second, 2),
        Section("4.2", "4.2 Unternehmen der LVV", second, len(text), 2),
    )
    doc = oracle.annotate(text, LABELS, sections=sections)
    relations = extract_relations(doc)
    subsidiaries = {(r.subject, r.object) for r in relations if r.predicate == "subsidiaryOf"}
    assert subsidiaries == {("lvb", "lvv"), ("swl", "lvv")}
    assert {e.section for r in relations if r.predicate == "subsidiaryOf" for e in r.evidence} == {"4.2"}


def test_a_new_section_forgets_the_previous_topic() -> None:
    text = "1 Das Projekt Laternenparken läuft bis 2016. 2 Ausblick Projektpartner sind die HTWK und die LVB."
    second = text.index("2 Ausblick")
    sections = (Section("1", "1", 0, second), Section("2", "2 Ausblick", second, len(text)))
    doc = oracle.annotate(text, LABELS, sections=sections)
    assert extract_relations(doc) == []

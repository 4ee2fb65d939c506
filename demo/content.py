"""The German demo content, taken from the seed texts in ../shared/seeds/.

Every sentence here is copied from a seed (file named in the comment above it); only the
obvious typos listed in SEED_CORRECTIONS are corrected. Short labels (titles, list headings)
structure the texts. Texts we wrote ourselves about this website (the legal pages, the note
that the flyer is the site's own) are marked EDITORIAL. The demo content tests check that
every longer text below is found in the corrected seeds, so nothing is invented.

Page specs are plain dicts: "key" (stable: it becomes the pages' translation key), "model",
"slug", "title" and the page's fields. StreamField values use Wagtail's raw JSON shape.
"""

# Typos in the seeds, corrected on the site (seed text → text on the site).
SEED_CORRECTIONS = {
    "FACHBERATUNG FÜR MIGRANT*INNEN ORGANISATIONEN": "Fachberatung für Migrant*innenorganisationen",
    "Ein gefordertes Modellprojekt": "Ein gefördertes Modellprojekt",
    "Interkulturelle Kompetenzenzwickung": "Interkulturelle Kompetenzentwicklung",
    "Wahscheinlichkeit": "Wahrscheinlichkeit",
    "Der Fachvernetzung ist": "Die Fachvernetzung ist",
    "in die integrationspolitischen Agenda": "in die integrationspolitische Agenda",
    "für Migrant*innenorganisationen an fördert": "für Migrant*innenorganisationen an und fördert",
    "in verschieden Aspekte": "in verschiedene Aspekte",
    "Durch die Koordination der Arbeitskreis": "Durch die Koordination des Arbeitskreises",
    "Zugang zum Arbeitsmarkt und –Förderung": "Zugang zum Arbeitsmarkt und -förderung",
    "bzw.Projekten": "bzw. Projekten",
    "Arbeitsrecht.MO bekommen": "Arbeitsrecht. MO bekommen",
    'Veranstaltungen zum Thema "Diversity”': "Veranstaltungen zum Thema „Diversity“",
    "Wirtschaftsbündnisse/–kreise": "Wirtschaftsbündnisse/-kreise",
}

EDITORIAL = "editorial"  # marks texts about this website, not taken from the seeds

VIA_NAME = "Verband für Interkulturelle Arbeit (VIA) Regionalverband Berlin/Brandenburg e.V."
VIA_ADDRESS = "Petersburger Straße 92\n10247 Berlin"


def p(*paragraphs: str) -> str:
    """Rich text from plain paragraphs."""
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(*paragraphs: str) -> dict:
    return {"type": "paragraph", "value": p(*paragraphs)}


def item_list(title: str, items: list, intro: str = "") -> dict:
    """A titled list; items are texts or (title, text) pairs."""
    values = []
    for item in items:
        item_title, text = item if isinstance(item, tuple) else ("", item)
        values.append({"title": item_title, "text": text})
    return {"type": "list", "value": {"title": title, "intro": intro, "items": values}}


def as_body(block: dict) -> dict:
    """The same titled list, as a block of a page's free body."""
    return {"type": "item_list", "value": block["value"]}


# --- Team (contacts named in seeds 003 and 004) -------------------------------------------

TEAM = [
    {
        "key": "team/inna-schulze",
        "name": "Inna Schulze",
        "role": "Projektleitung Kommune Interkulturell",
        "organisation": VIA_NAME,
        "phone": "+49 30 29 00 69 48",
        "email": "iq-netz-via@via-in-berlin.de",
        "sort_order": 1,
    },
    {
        "key": "team/maria-oikonomidou",
        "name": "Maria Oikonomidou",
        "role": "Projektleitung Willkommen in Berlin",
        "organisation": VIA_NAME,
        "phone": "030 29 00 69 48",
        # The seed writes the address as "maria.oikonomidou(at)via-in-berlin.de".
        "email": "maria.oikonomidou@via-in-berlin.de",
        "sort_order": 2,
    },
]

# --- Home (seed 002) ----------------------------------------------------------------------

GOALS_2025 = item_list(
    "Ziele des Projekts migraUp in 2025",
    [
        (
            "Akteursanalyse",
            "Unser Ziel ist es, alle Organisationen im Bezirk Pankow, die in den Bereichen "
            "Migration, Flucht und Mobilität tätig sind, umfassend zu identifizieren und zu "
            "analysieren. Dies umfasst auch die systematische Dokumentation ihrer Angebote und "
            "Tätigkeitsfelder.",
        ),
        (
            "Verbindung und Stärkung von Netzwerken",
            "Wir fördern aktiv die Zusammenarbeit zwischen zentralen Akteur:innen und "
            "Institutionen im Bezirk, um Synergien zu schaffen. Durch die Teilnahme an relevanten "
            "lokalen Netzwerken vertiefen wir unsere Analyse und bewerten mögliche "
            "Verbesserungspotenziale in den bestehenden Angeboten.",
        ),
        (
            "Koordinierung der AK Lingua Pankow",
            "Durch die Koordination des Arbeitskreises Lingua Pankow fördern wir den "
            "gesellschaftlichen Zusammenhalt im Bezirk, machen mehrsprachige Perspektiven "
            "sichtbar und vernetzen lokale Akteur:innen. Im Fokus steht der Aufbau nachhaltiger "
            "Kooperationen zwischen Migrant:innenselbstorganisationen, Schulen und Kitas. Ziel "
            "ist es, den interkulturellen Austausch zu stärken und Barrieren in Bildung und "
            "Verwaltung abzubauen.",
        ),
        (
            "Zukunftsplanung",
            "Wir entwickeln innovative Ideen und Maßnahmen, die bestehende Angebote stärken und "
            "den Grundstein für neue, zukunftsorientierte Initiativen legen.",
        ),
    ],
)

MAIN_GOAL_2025 = (
    "Hauptziel des Projektes ist die Stärkung der MOs und der Migrationsgesellschaft aus der "
    "Dekolonialen und Intersektionalen Perspektive – das Sichtbarmachen als gleichwertige "
    "Gesprächspartner*innen für die öffentlichen Einrichtungen in Pankow."
)

FAREWELL_TEXT = (
    "Nach einem Jahrzehnt engagierter Arbeit verabschieden wir uns von migraUp!. Seit 2015 "
    "haben wir gemeinsam mit Pankower Migrantinnenorganisationen, der lokalen Verwaltung und "
    "vielen engagierten Menschen Räume für Empowerment, Vernetzung und interkulturelle Öffnung "
    "geschaffen. Mit einem dekolonialen und intersektionalen Ansatz konnten wir neue "
    "Perspektiven anregen, Mehrsprachigkeit und Vielfalt stärken und den Austausch zwischen "
    "unterschiedlichen Akteurinnen unseres Bezirks fördern. Wir blicken dankbar auf die "
    "gemeinsamen Erfahrungen, die entstandenen Allianzen und die vielen Schritte hin zu mehr "
    "Gerechtigkeit und Teilhabe. Auch wenn migraUp! in dieser Form endet, wirken die Impulse "
    "weiter. Danke für zehn Jahre Vertrauen, Zusammenarbeit und gemeinsames Lernen."
)

HOME = {
    "key": "home",
    "slug": "start",
    "title": "Fachvernetzung für die Migrationsgesellschaft",
    "tagline": "Empowerment für Migrant:Innen Organisationen (MO) in Pankow",
    "slogan": "Migrant:innen stärken Migrant*innen!",
    "farewell_title": "migraUp! 2015–2025 – Abschluss eines gemeinsamen Weges",
    "farewell_text": p(FAREWELL_TEXT),
    "farewell_closing": "migraUp! 2015–2025 – Wir verabschieden uns.",
}


def home_body(contact_page_id: int) -> list[dict]:
    return [
        heading("Migra Up! 2025 – Fachvernetzung für die Pankower Migrationsgesellschaft"),
        heading("Hauptziel", "h3"),
        paragraph(MAIN_GOAL_2025),
        as_body(GOALS_2025),
        as_body(
            item_list(
                "Zielgruppe",
                [
                    "Migrantische Organisationen (MOs) - dazu zählen sowohl eingetragene Vereine "
                    "als auch Initiativen und (in)formelle Netzwerke.",
                    "Einzelpersonen und Multiplikatoren*innen mit Migrations- oder Flucht "
                    "Geschichte: Sie sind aufgrund ihrer höheren Bereitschaft und ihres "
                    "offensichtlichen Engagements dazu in der Lage, andere Menschen zu erreichen "
                    "und ihr Wissen weiterzugeben.",
                    "Verwaltung, öffentliche Einrichtungen, Institutionen, Träger, Verbände und "
                    "sonstige Akteure.",
                    "Repräsentanten der Integrationspolitik auf lokaler Ebene. z.B. Mitglieder "
                    "des Integrationsbeirates oder Bürgerdeputierte.",
                ],
            )
        ),
        heading("Unser Team"),
        {"type": "team", "value": None},
        {
            "type": "call_to_action",
            "value": {
                "text": "Setzen Sie sich mit uns in Verbindung!",
                "page": contact_page_id,
                "url": "",
            },
        },
    ]


# --- Networking and the networks (seed 000; Lingua Pankow also from seed 002) -------------

NETWORK_INDEX = {
    "key": "networks",
    "slug": "fachvernetzung",
    "title": "Fachvernetzung",
    "show_in_menus": True,
    "intro": "Barrieren abbauen und Teilhabe sichern.",
    "body": [
        paragraph(
            "Die Fachvernetzung ist das wichtigste Angebot von Migra UP! Pankow. Indem wir als "
            "Projekt die Themen und Interessen jeder Organisation identifizieren und "
            "professionelle Netzwerke organisieren, kann das Potenzial der interkulturellen "
            "Öffnung im Bezirk sichtbar gemacht werden. Dieser Prozess beginnt mit der "
            "Selbstreflexion der einzelnen Organisation. Nur aus dieser Selbstreflexion heraus, "
            "ist die Netzwerkarbeit zwischen Migrant*innenorganisationen und anderen deutschen "
            "Vereinen, vor allem aber auch die Kooperation mit der lokalen Verwaltung möglich.",
            "In acht Jahren Projektarbeit haben wir die Gründung mehrerer thematischer Netzwerke "
            "im Bezirk angeregt. Zu unserem Angebot gehört aber auch die Betreuung und Pflege "
            "bestehender Netzwerke, insbesondere von Lingua Pankow, dem AK Diversity und der AG "
            "Frauen in Trennung. Diese bereits etablierten Netzwerke bieten die Möglichkeit, "
            "aktuelle Themen in die integrationspolitische Agenda des Bezirks aufzunehmen.",
            "Darüberhinaus empowern wir Netzwerkmitglieder, fördern die Zusammenarbeit zwischen "
            "der öffentlichen Verwaltung und den Pankower MSOs und unterstützen die "
            "Institutionalisierung gemeinsamer Aktionen. Die Fachvernetzung mit der lokalen "
            "Verwaltung ist ein wichtiger Bestandteil unserer Zusammenarbeit mit VIA e.V.",
        ),
        as_body(
            item_list(
                "Was machen wir konkret",
                [
                    "Aktivierung von MSO-Netzwerken zur Förderung der Schlüsselthemen des Bezirks "
                    "(Mehrsprachigkeit, Vielfalt, Frauen in Trennung)",
                    "Kontaktaufbau und -pflege zwischen Vereinen, Behörden und Institutionen",
                    "Koordinierung gemeinsamer Veranstaltungen des berlinweiten BEFaN-Netzwerkes "
                    "(Bildung-Eltern-Familie-Nachbarschaft) und Lingua Pankow",
                    "Organisation und Durchführung von Veranstaltungen zum Thema „Diversity“",
                    "Aufbau eines Fachnetzwerkes von Pankower Frauen*organisationen und "
                    "Frauen*gruppen, die sich für getrennte Frauen mit und ohne "
                    "Migrationshintergrund stark machen",
                    "Organisation des fachlichen Austausches zwischen MSOs und lokaler "
                    "Verwaltung (Fachvernetzung)",
                ],
            )
        ),
        as_body(
            item_list(
                "Kompetenzbereiche",
                [
                    "Kenntnisse des gesellschaftlichen und institutionellen Lebens im Bezirk",
                    "Netzwerkarbeit auf kommunaler und regionaler Ebene",
                    "Lobbying mit Fokus auf den Themen Diversity, Mehrsprachigkeit und "
                    "Bildungspolitik",
                    "Kenntnisse und Erfahrungen in der Lobbyarbeit",
                    "Kenntnisse und Erfahrungen im Bereich Public Policy Making",
                    "Mehrsprachigkeit (Deutsch, Englisch, Italienisch, Spanisch, Türkisch)",
                ],
            )
        ),
    ],
}

# What seed 000 says of the three established networks, together, as it says it (the
# plural "Diese … Netzwerke" right after the sentence that names them): the sources give no
# topic, scope or description of any one of them, so none is made up.
CARED_FOR = (
    "Zu unserem Angebot gehört aber auch die Betreuung und Pflege bestehender Netzwerke, "
    "insbesondere von Lingua Pankow, dem AK Diversity und der AG Frauen in Trennung."
)
ESTABLISHED_NETWORKS = (
    "Diese bereits etablierten Netzwerke bieten die Möglichkeit, aktuelle Themen in die "
    "integrationspolitische Agenda des Bezirks aufzunehmen."
)

NETWORKS = [
    {
        "key": "networks/lingua-pankow",
        "slug": "lingua-pankow",
        "title": "Lingua Pankow",
        "full_name": "Arbeitskreis Lingua Pankow",  # seed 002
        "topic": "",
        "scope": "",
        "intro": "Durch die Koordination des Arbeitskreises Lingua Pankow fördern wir den "
        "gesellschaftlichen Zusammenhalt im Bezirk, machen mehrsprachige Perspektiven sichtbar "
        "und vernetzen lokale Akteur:innen.",
        "body": [
            paragraph(
                "Im Fokus steht der Aufbau nachhaltiger Kooperationen zwischen "
                "Migrant:innenselbstorganisationen, Schulen und Kitas. Ziel ist es, den "
                "interkulturellen Austausch zu stärken und Barrieren in Bildung und Verwaltung "
                "abzubauen.",
            ),
            paragraph(CARED_FOR, ESTABLISHED_NETWORKS),
        ],
    },
    {
        "key": "networks/ak-diversity",
        "slug": "ak-diversity",
        "title": "AK Diversity",
        "full_name": "",
        "topic": "",
        "scope": "",
        "intro": CARED_FOR,
        "body": [paragraph(ESTABLISHED_NETWORKS)],
    },
    {
        "key": "networks/ag-frauen-in-trennung",
        "slug": "ag-frauen-in-trennung",
        "title": "AG Frauen in Trennung",
        "full_name": "",
        "topic": "",
        "scope": "",
        "intro": CARED_FOR,
        "body": [paragraph(ESTABLISHED_NETWORKS)],
    },
    {
        "key": "networks/befan",
        "slug": "befan",
        "title": "BEFaN",
        "full_name": "Bildung-Eltern-Familie-Nachbarschaft",
        "topic": "",
        "scope": "berlin",  # "des berlinweiten BEFaN-Netzwerkes" (seed 000)
        "intro": "Koordinierung gemeinsamer Veranstaltungen des berlinweiten BEFaN-Netzwerkes "
        "(Bildung-Eltern-Familie-Nachbarschaft) und Lingua Pankow",
        "body": [],
    },
]

# --- Partners (seeds 001 and 003) ---------------------------------------------------------

PARTNER_INDEX = {"key": "partners", "slug": "partner", "title": "Partner", "show_in_menus": True}

PARTNERS = [
    {
        "key": "partners/mamis-en-movimiento",
        "slug": "mamis-en-movimiento",
        "title": "MaMis en Movimiento e.V.",
        "short_name": "MeM e.V.",
        "intro": "Mutterschaft und Migration in Bewegung eV (MeM e.V.)",
        "website": "http://www.mamisenmovimiento.de",
        "profile": p(
            "MaMis en Movimiento e.V. Mutterschaft und Migration in Bewegung eV (MeM e.V.) - ist "
            "zwar eine Gruppe von lateinamerikanischen und spanischsprechenden Müttern, aber "
            "nichtsdestoweniger offen für andere Kulturen. Erwartung und Ziel der Gruppe ist es, "
            "mit ihrer spezifischen Weise die deutsche Kultur zu bereichern, aber auch sich "
            "besser zurechtzufinden im deutschen Behördendschungel. Um die Integration der in "
            "Berlin lebenden, spanisch sprechenden Community in das öffentliche Leben des "
            "Stadtbezirks zu verbessern, kombiniert unser Programm unterschiedliche Strategien "
            "und einbeziehende Methoden, die sich sowohl an Mütter, Kinder und Familien mit "
            "deutschem Hintergrund als auch an Familien mit Migrationshintergrund wenden. Wir "
            "führen eine Vielzahl an interkulturellen Aktivitäten durch. Ausgehend von diesem "
            "Standpunkt hat MaMis en Movimiento verschiedene Aktivitäten organisiert, die sich in "
            "erster Linie an hispanisch-deutsche Familien und an die lokale Gemeinschaft in "
            "Berlin richten.",
        ),
    },
    {
        "key": "partners/via",
        "slug": "via-regionalverband-berlin-brandenburg",
        "title": "VIA Regionalverband Berlin/Brandenburg e.V.",
        "short_name": "VIA",
        "intro": "Servicestelle für Migrant*innenorganisationen in den Bereichen Vereins-, "
        "Projekt- und Finanzmanagement.",
        "website": "http://www.via-in-berlin.de/",
        "address": VIA_ADDRESS,
        "founded_year": 1992,
        "member_count": 40,
        "mso_member_count": 27,
        "profile": p(
            "Der Verband für interkulturelle Arbeit VIA Regionalverband Berlin/Brandenburg e.V. "
            "wurde 1992 gegründet und ist ein Dachverband von 40 Organisationen der "
            "interkulturellen Arbeit, der Migrations- und Integrationsarbeit, der Antirassismus- "
            "und Antidiskriminierungsarbeit und der Entwicklungsarbeit. 27 unserer "
            "Mitgliedsorganisationen sind Migrant*innenorganisationen (MSO). Das VIA-Netzwerk in "
            "Berlin versteht sich als Plattform des Austausches, der wechselseitigen Erschließung "
            "der Potenziale unserer Mitglieder füreinander und der gemeinsamen "
            "Interessenvertretung auf politischer Ebene. Der VIA-Regionalverband ist zudem "
            "Projektträger mehrerer auf das Empowerment von MSO zielender Projekte "
            "(VIA-Servicestelle Empowerment von MO, IKMO, Willkommen in Berlin) In diesen "
            "Projekten bieten wir Beratung, Information und Qualifizierung für MSO, individuelles "
            "Vereinscoaching aber auch die gezielte Vernetzung von MSO miteinander, mit "
            "Fachverwaltungen und Fachdiensten.",
            "VIA ist zudem Servicestelle für Migrant*innenorganisationen in den Bereichen "
            "Vereins-, Projekt- und Finanzmanagement. Wir beteiligen uns an politischen "
            "Plattformen von MSO in Berlin und treten aktiv für mehr Chancengleichheit und "
            "politische Partizipation von Berliner*innen mit Migrationshintergrund ein.",
            "Andere Arbeitsfelder von VIA sind Antidiskriminierungsarbeit, interkulturelle "
            "Sozialraumarbeit, Migration und Gesundheit.",
        ),
    },
    {
        "key": "partners/iq-netzwerk-berlin",
        "slug": "iq-netzwerk-berlin",
        "title": "IQ Netzwerk Berlin",
        "short_name": "",
        "intro": "Das IQ Netzwerk Berlin bietet Qualifizierungen und Schulungen für "
        "Migrant*innenorganisationen an und fördert die Vernetzung auf bezirklicher Ebene.",
    },
    {
        "key": "partners/bezirksamt-pankow",
        "slug": "bezirksamt-pankow",
        "title": "Bezirksamt Pankow",
        "short_name": "",
        "intro": "",
    },
]

# --- Projects (seeds 001, 003, 004) -------------------------------------------------------

PROJECT_INDEX = {"key": "projects", "slug": "projekte", "title": "Projekte", "show_in_menus": True}

PROJECTS = [
    {
        "key": "projects/migrapower",
        "slug": "migrapower",
        "title": "MigraPower",
        "subtitle": "Fachberatung für Migrant*innenorganisationen",
        "intro": "Ein gefördertes Modellprojekt vom Bezirksamt Pankow.",
        "organisations": [
            ("partners/mamis-en-movimiento", "lead"),
            ("partners/via", "lead"),
            ("partners/bezirksamt-pankow", "funder"),
        ],
        "body": [
            paragraph(
                "MIGRAPOWER ist ein gefördertes Modellprojekt vom Bezirksamt Pankow und ein "
                "Tandem Projekt von MaMis en Movimiento e.V. und Verband für Interkulturelle "
                "Arbeit e.V. (VIA). Das Hauptziel des Projektes ist die Stärkung der Arbeit der "
                "MSO und Erhöhung ihrer selbständigen Interessenvertretung im Bezirk Pankow. "
                "Aufgrund einer schon seit längerem bestehenden guten Zusammenarbeit mit dem VIA "
                "Regionalverband Berlin/Brandenburg e.V. haben wir vor das Projekt 2017 mit VIA "
                "fortzuführen.",
            )
        ],
        "goals": [
            item_list(
                "Ziele",
                [
                    "Stabilisierung von Fachnetzwerken der MO mit der Verwaltung in Pankow, um "
                    "ihre gesellschaftliche Teilhabe nachhaltig und dauerhaft zu festigen."
                ],
            ),
            item_list(
                "Direkte Ziele für das Projekt",
                [
                    "Verbesserung der Organisationsentwicklung der einzelnen MO, um ihre "
                    "Kompetenzen für die lokale Arbeit zu stärken.",
                    "Bessere Vernetzung der MO und Multiplikator*innen mit Migrationshintergrund "
                    "im Bezirk durch die Unterstützung der Plattformen in Pankow.",
                    "Erleichterung der fachlichen Vertretung von MO in der Fachöffentlichkeit und "
                    "die Sichtbarkeit ihrer Arbeit.",
                ],
            ),
        ],
        "target_groups": [
            item_list(
                "Zielgruppe",
                [
                    "Migrantische Organisationen, dazu zählen eingetragene Vereine, Initiativen "
                    "und (in)formelle Netzwerke.",
                    "Multiplikator*innen: Sie sind auf Grund ihrer hohen Bereitschaft und ihrem "
                    "Engagement in der Lage andere Menschen zu erreichen und Wissen weiterzugeben.",
                    "Verwaltung, öffentliche Einrichtungen, Institutionen, Träger, Verbände und "
                    "sonstige Akteure.",
                ],
                intro="Unser Angebot richtet sich an:",
            )
        ],
        "offers": [
            item_list(
                "Angebot",
                ["Fachberatung", "Qualifizierung", ("2018", "Netzwerk in Pankow")],
            )
        ],
        "sustainability": [
            item_list(
                "Nachhaltigkeit",
                [
                    "Wissen als lebenslanges Gut",
                    "Vernetzung erweitert den Horizont",
                    "Institutionalisierung des partnerschaftlichen Arbeiten in Pankow",
                    "Arbeitshilfen als fassbare Instrumente",
                    "Binnenstärkung der führenden Organisationen von Tandem-Projekten",
                ],
                intro="Die Nachhaltigkeit des Projekts lässt sich in verschiedene Aspekte "
                "einordnen:",
            )
        ],
    },
    {
        "key": "projects/kommune-interkulturell",
        "slug": "kommune-interkulturell",
        "title": "Kommune Interkulturell",
        "subtitle": "Integration von Bezirksverwaltungen und Migrant*innenorganisationen (MO)",
        "intro": "Das Projekt Kommune Interkulturell hat sich zum Ziel gesetzt, die "
        "Arbeitsmarktpolitik für Migrant*innen und Geflüchtete in Berliner Bezirken zu fördern – "
        "einerseits durch das Empowerment von MO im Bereich der Arbeitsmarktintegration und "
        "andererseits durch das Erstreben einer Interkulturellen Öffnung bei den Berliner "
        "Verwaltungen.",
        "organisations": [("partners/via", "lead"), ("partners/iq-netzwerk-berlin", "partner")],
        "body": [
            paragraph(
                "Basierend auf diesem Ziel wurden verschiedene Strategien entwickelt, die der "
                "Professionalisierung der MO samt ihrer Communities sowie der Vernetzung der MO "
                "mit kommunalen Verwaltungen und Arbeitsmarktakteuren dienen.",
            ),
            heading("Interkulturelle Kompetenzentwicklung"),
            paragraph(
                "Das IQ Netzwerk Berlin bietet Qualifizierungen und Schulungen für "
                "Migrant*innenorganisationen an und fördert die Vernetzung auf bezirklicher Ebene."
            ),
            heading("Kommunale Einrichtungen und Migrantenorganisationen"),
            paragraph(
                "Es besteht kein Zweifel daran: Je diverser eine Institution ist, umso größer die "
                "Wahrscheinlichkeit, dass sie vielfältige und vielleicht auch widersprüchliche "
                "Positionen und Perspektiven auf unsere Wirklichkeit zulässt und produziert. "
                "Migrant*innenorganisationen (MO) nehmen dabei eine zentrale Rolle ein: Das "
                "Projekt verfolgt das Ziel, die Arbeitsmarktpolitik für Migrant*innen und "
                "Geflüchtete in Berliner Bezirken zu fördern – einerseits durch das Empowerment "
                "von MO im Bereich der Arbeitsmarktintegration und andererseits durch das "
                "Erstreben einer interkulturellen Öffnung bei den Berliner Verwaltungen."
            ),
        ],
        "goals": [
            item_list(
                "Ziele des Teilprojekts",
                [
                    "Anerkennung der MO als professionelle Arbeitsmarktakteure mit "
                    "zielgruppenorientierten Fachkenntnissen im Rahmen der beruflichen Beratung, "
                    "Weiterbildung und Orientierung von erwachsenen Migrant*innen und geflüchteten "
                    "Menschen,",
                    "Interkulturelle Öffnung von bezirklichen Verwaltungen durch die aktive "
                    "Förderung von Kooperationen zwischen kommunalen Verwaltungen, MO und lokalen "
                    "Arbeitsmarktakteuren wie Wirtschaftsbündnissen/-kreisen,",
                    "Förderung eines kontinuierlichen Dialogs sowie der partnerschaftlichen "
                    "Zusammenarbeit von bezirklichen Verwaltungen und MO.",
                ],
            )
        ],
        "target_groups": [
            item_list(
                "Zielgruppe",
                [
                    "Haupt- und ehrenamtliche Mitarbeiter*innen in Berliner MO.",
                    "Kommunale Verwaltungen (Integrationsbeauftragte, bezirkliche Fachstellen für "
                    "Arbeit) sowie bezirkliche Wirtschaftsbündnisse/-kreise.",
                    "weitere Akteure im Bereich der Arbeitsmarktintegration wie "
                    "Berufsbildungsträger.",
                ],
            )
        ],
        "contact_person": "team/inna-schulze",
        "contact_organisation": VIA_NAME,
        "contact_address": VIA_ADDRESS,
        "contact_website": "https://www.via-in-berlin.de/projekt/kommune-interkulturell-im-iq-netzwerk-berlin/",
    },
    {
        "key": "projects/willkommen-in-berlin",
        "slug": "willkommen-in-berlin",
        "title": "Willkommen in Berlin",
        "subtitle": "Empowerment von MO im Kontext der Strukturen kommunaler Willkommenskultur",
        "intro": "Etablierung von Willkommensstrukturen durch Einbindung von "
        "Migrantenorganisationen in die Bezirke",
        "organisations": [("partners/via", "lead")],
        "body": [
            paragraph(
                'Das Projekt "Willkommen in Berlin - Empowerment von MO im Kontext der '
                'Strukturen kommunaler Willkommenskultur" zielt auf die interkulturelle Öffnung '
                "in bezirklichen Verwaltungen und sozialen sowie gesundheitlichen Regeldiensten "
                "unter Einbeziehung von Migrantenorganisationen (MO) und anderen Akteuren aus "
                "migrantischen Communities.",
                "Damit soll ein Beitrag zur Schaffung von Strukturen einer kommunalen "
                '"Willkommenskultur" aufgebaut werden. Dieses Ziel soll erreicht werden, indem '
                "Kooperationen zwischen MO und den kommunalen Fachverwaltungen aufgebaut werden.",
                "Akteure von MO sowie andere Schlüssel-Akteure werden durch individuelle Beratung, "
                "Prozessbegleitung und Coaching befähigt bei der Partizipation in relevanten "
                "kommunalen Gremien, Beiräten, Arbeitsgruppen usw. mitzuwirken.",
                "Im Mittelpunkt des Projekts stehen Beratung & Qualifizierung von MO, die sich für "
                "die Integration von Migrant*innen, vor allem von Geflüchteten, einsetzen. Die "
                "Expertise und Netzwerke der MO sind wichtige Ressourcen für den Aufbau einer "
                "Willkommensstruktur auf kommunaler Ebene. In dem Sinne unterstützen wir "
                "Kooperation und Vernetzung von kommunalen Verwaltungen sowie Einrichtungen der "
                "Regeldienste mit MO und begleiten die Zusammenarbeit.",
            ),
            heading("Arbeitsmarktgespräche"),
            paragraph(
                "Enge Zusammenarbeit von Arbeitsmarktakteuren und MO ist ein Schlüssel für die "
                "Verbesserung der Arbeitsmarktchancen von Menschen mit Migrationsgeschichte.",
                "In Arbeitsmarktgesprächen werden Referent*innen von Arbeitsmarktinstitutionen "
                "bzw. Projekten mit Arbeitsmarktbezug zu einer MO eingeladen. Sie tauschen sich "
                "über die Themen aus, die für die Migrantinnen und Migranten der jeweiligen MO "
                "relevant sind wie z.B. Anerkennung von beruflichen Abschlüssen aus dem Ausland, "
                "Qualifizierungsmöglichkeiten oder Arbeitsrecht. MO bekommen aus erster Hand "
                "Informationen für ihre Adressatinnen und Adressaten, die vor Ort ihre Fragen und "
                "Probleme klären können.",
                "Die Arbeitsmarktakteure bekommen dadurch die Möglichkeit, ihre Angebote und "
                "Maßnahmen für Migrantinnen und Migranten zugänglicher zu machen und diese ggf. "
                "mit MO weiterzuentwickeln.",
            ),
        ],
        "offers": [
            item_list(
                "Qualifizierung",
                [
                    "Anerkennung von beruflichen Qualifikationen aus dem Ausland",
                    "Zugang zum Arbeitsmarkt und -förderung für Geflüchtete",
                    "Arbeit mit Ehrenamtlichen",
                    "Projektmanagement",
                ],
                intro="Wir bieten Migrant*innenorganisationen Workshops zur Qualifizierung u.a. "
                "zu folgenden Themen an:",
            ),
            item_list(
                "Beratung",
                [
                    "Finanzierungsmöglichkeiten von Projekten",
                    "Konzeptentwicklung",
                    "Projektverwaltung",
                    "Arbeit mit Ehrenamtlichen",
                    "Vereins- und Arbeitsrecht",
                ],
                intro="Zur Stärkung der Arbeit von MO kann außerdem Beratung in Anspruch "
                "genommen werden zu:",
            ),
        ],
        "contact_person": "team/maria-oikonomidou",
        "contact_organisation": VIA_NAME,
        "contact_address": "Petersburger Str. 92\n10247 Berlin",
        "contact_website": "http://www.via-in-berlin.de",
    },
]

# --- Materials (seed 004) -----------------------------------------------------------------

MATERIAL_INDEX = {
    "key": "materials",
    "slug": "materialien",
    "title": "Materialien",
    "show_in_menus": True,
}

# Seed 004 offers "den Flyer" of VIA as a PDF, which the sources do not contain. The
# material is a flyer this website made from its own texts on the project (demo.flyer),
# and says so on the page, in the PDF and in the PDF's metadata, in every language.
FLYER_NOTE = (  # EDITORIAL
    "Diesen Flyer hat die Website migraUp! Pankow aus ihren eigenen Texten zum Projekt "
    "„Willkommen in Berlin“ zusammengestellt. Er ist nicht der Original-Flyer von VIA."
)
FLYER = {
    "key": "materials/flyer-willkommen-in-berlin",
    "slug": "flyer-willkommen-in-berlin",
    "source": EDITORIAL,
    "title": "Flyer: Willkommen in Berlin",
    "intro": FLYER_NOTE,
    "kind": "flyer",
    "related_project": "projects/willkommen-in-berlin",
    "document_title": "Flyer Willkommen in Berlin (Zusammenfassung dieser Website)",
    "cover_title": "Titelseite des Flyers Willkommen in Berlin",
    # The PDFs' author in their metadata: who made them.
    "document_author": "Website migraUp! Pankow",
}

# --- Archive (dated facts of seeds 001 and 002) -------------------------------------------

ARCHIVE_INDEX = {
    "key": "archive",
    "slug": "archiv",
    "title": "Archiv 2015–2025",
    "show_in_menus": True,
    "intro": "migraUp! 2015–2025 – Abschluss eines gemeinsamen Weges",
}

ARCHIVE_ENTRIES = [
    {
        "key": "archive/2015-beginn",
        "slug": "2015-beginn-von-migraup",
        "title": "Beginn von migraUp!",
        "year": 2015,
        "kind": "milestone",
        "intro": "Seit 2015 haben wir gemeinsam mit Pankower Migrantinnenorganisationen, der "
        "lokalen Verwaltung und vielen engagierten Menschen Räume für Empowerment, Vernetzung "
        "und interkulturelle Öffnung geschaffen.",
    },
    {
        # An intention, as the source states it ("haben wir vor"), not a fact of 2017.
        "key": "archive/2017-migrapower-mit-via",
        "slug": "2017-migrapower-mit-via",
        "title": "Vorhaben: MigraPower ab 2017 mit VIA",
        "year": 2017,
        "kind": "project",
        "related_project": "projects/migrapower",
        "intro": "Aufgrund einer schon seit längerem bestehenden guten Zusammenarbeit mit dem VIA "
        "Regionalverband Berlin/Brandenburg e.V. haben wir vor das Projekt 2017 mit VIA "
        "fortzuführen.",
    },
    {
        "key": "archive/2025-ziele",
        "slug": "2025-ziele-des-projekts",
        "title": "Ziele des Projekts migraUp in 2025",
        "year": 2025,
        "kind": "project",
        "intro": MAIN_GOAL_2025,
        "body": [as_body(GOALS_2025)],
    },
    {
        "key": "archive/2025-abschluss",
        "slug": "2025-abschluss",
        "title": "migraUp! 2015–2025 – Wir verabschieden uns.",
        "year": 2025,
        "kind": "milestone",
        "intro": "Nach einem Jahrzehnt engagierter Arbeit verabschieden wir uns von migraUp!.",
        "body": [paragraph(FAREWELL_TEXT)],
    },
]

# Demo pages of earlier versions that the sources do not support: `load_demo_content
# --update` deletes them in every language. The 2018 entry was made from a bare fragment
# of seed 001 ("2018 / Netzwerk in Pankow" in a list of offers), not from a dated fact.
RETIRED_KEYS = ["archive/2018-netzwerk-in-pankow"]

# --- Contact and legal pages --------------------------------------------------------------

CONTACT = {
    "key": "contact",
    "slug": "kontakt",
    "title": "Kontakt",
    "show_in_menus": True,
    "intro": p("Setzen Sie sich mit uns in Verbindung!"),
    # The only postal address and phone number the sources give: the projects' contact at
    # VIA (seeds 003 and 004). They give no general e-mail address; the team's are listed.
    "organisation": VIA_NAME,
    "address": VIA_ADDRESS,
    "phone": "+49 30 29 00 69 48",
    "thank_you_text": p("Vielen Dank für Ihre Nachricht."),  # EDITORIAL
    "fields": [
        {"label": "Name", "field_type": "singleline", "required": True},
        {"label": "E-Mail", "field_type": "email", "required": True},
        {"label": "Nachricht", "field_type": "multiline", "required": True},
        {
            "label": "Ich bin einverstanden, dass meine Angaben zur Beantwortung meiner Nachricht "
            "gespeichert werden (siehe Datenschutzerklärung).",
            "field_type": "checkbox",
            "required": True,
        },
    ],
}

# The sources do not say who operates the site: the operator's details are a site setting
# (Settings → Legal details) that the legal pages' "legal_details" block shows, and the
# cookies come from the legal app's declaration ("cookie_list"). Until the details are
# filled in, readers are told that they will follow.
LEGAL_PAGES = [
    {
        "key": "impressum",
        "slug": "impressum",
        "title": "Impressum",
        "required_page": "impressum",
        "show_in_footer": True,
        "source": EDITORIAL,
        "intro": "Wer diese Website betreibt und für ihren Inhalt verantwortlich ist.",
        "body": [
            heading("Angaben zum Betreiber"),
            {"type": "legal_details", "value": {"part": "imprint"}},
        ],
    },
    {
        "key": "datenschutz",
        "slug": "datenschutz",
        "title": "Datenschutzerklärung",
        "required_page": "privacy",
        "show_in_footer": True,
        "source": EDITORIAL,
        "intro": "Wie diese Website mit Ihren Daten umgeht.",
        "body": [
            heading("Verantwortliche Stelle"),
            {"type": "legal_details", "value": {"part": "controller"}},
            heading("Keine Dienste Dritter"),
            paragraph(
                "Diese Website lädt keine Inhalte von fremden Servern: keine Schriftarten, "
                "keine Skripte, keine Karten und keine Statistikdienste."
            ),
            heading("Cookies"),
            {"type": "cookie_list", "value": None},
            heading("Server-Protokolle"),
            paragraph(
                "Für jede Anfrage hält der Server fest: den Zeitpunkt, die aufgerufene Adresse "
                "ohne Suchbegriffe und Formulareingaben, die IP-Adresse des anfragenden "
                "Rechners und ob die Anfrage gelang. Diese Protokolle dienen nur dazu, Fehler und "
                "Angriffe zu erkennen."
            ),
            heading("Kontaktformular"),
            paragraph(
                "Was Sie in das Kontaktformular eintragen, wird gespeichert, damit wir Ihre "
                "Nachricht beantworten können. Die Angaben werden nicht an Dritte weitergegeben.",
                "Damit niemand das Formular für Massen-Nachrichten missbraucht, zählt die "
                "Website für kurze Zeit (in der Grundeinstellung zehn Minuten), wie viele "
                "Nachrichten von einer IP-Adresse kommen.",
            ),
            heading("Rückmeldungen zu einer Seite"),
            paragraph(
                "Am Ende jeder Seite können Sie angeben, ob die Seite Ihnen geholfen hat, und "
                "einen kurzen Kommentar schreiben. Gespeichert werden nur Ihre Antwort, der "
                "Kommentar, die Seite, ihre Sprache und der Tag: kein Name, keine IP-Adresse "
                "und kein Cookie. Damit niemand das Formular missbraucht, zählt die Website "
                "für kurze Zeit (in der Grundeinstellung zehn Minuten), wie viele Antworten "
                "von einer IP-Adresse kommen.",
            ),
            heading("Ihre Rechte"),
            paragraph(
                "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
                "Verarbeitung Ihrer Daten sowie das Recht auf Beschwerde bei einer "
                "Datenschutz-Aufsichtsbehörde."
            ),
        ],
    },
]

# --- Einfache Sprache (plain German) ------------------------------------------------------
#
# Not copied from the seeds but rewritten from them, sentence by sentence, in Einfache
# Sprache: short sentences, one statement each, long words split with a Mediopunkt. Each page
# names the seed it renders ("seeds") and says nothing that seed does not say.
# The Einfache Sprache tests check that every number and every capitalised word (names,
# places, nouns) is found in those seeds or is one of PLAIN_LANGUAGE_WORDS, the everyday
# words of the rewriting listed here; and that the readability hints find nothing.

PLAIN_LANGUAGE = "plain-language"  # marks texts rewritten from the seeds in Einfache Sprache

# Everyday words the rewritten texts use that the seeds happen not to contain (no names,
# places, numbers or facts).
PLAIN_LANGUAGE_WORDS = {
    "Einfache",
    "Einfacher",
    "Sprache",
    "Seite",
    "Kontakt",
    "Beispiel",
    "Dafür",
    "Dann",
    "Dort",
    "Dabei",
    "Hier",
    "Viele",
    "Was",
    "Worum",
    "Wer",
    "Weg",
    "Leute",
    "Daten",
    "Zum",
    "Aber",
    "Auch",
    "Dinge",
    # Inflections of the seeds' own nouns ("Angebot", "Bezirke").
    "Angebote",
    "Bezirken",
    # How Einfache Sprache writes the seeds' "Migrant:innen" and "Migrant*innen".
    "Migrantinnen",
    "Migranten",
}

_SEED_HOME = "002_2d00e6d10fc1e04f.txt"
_SEED_MIGRAPOWER = "001_b5fe6fa8f4de17ae.txt"
_SEED_KOMMUNE = "003_73d5658f016bb303.txt"
_SEED_WILLKOMMEN = "004_4c84f84bd5c1180e.txt"
_SEE_FULL_PAGE = "Auf der ausführlichen Seite finden Sie die Kontakt·daten."

EASY_LANGUAGE = [
    {
        "key": "home/einfache-sprache",
        "parent": "home",
        "seeds": [_SEED_HOME],
        "source": PLAIN_LANGUAGE,
        "slug": "einfache-sprache",
        "title": "Einfache Sprache: migraUp! Pankow",
        "intro": "Hier lesen Sie über migraUp! Pankow in Einfacher Sprache.",
        "body": [
            heading("Was war migraUp!?"),
            paragraph(
                "migraUp! war ein Projekt im Bezirk Pankow. "
                "Das Projekt hat von 2015 bis 2025 gearbeitet. "
                "migraUp! hat Organisationen von Migrantinnen und Migranten gestärkt. "
                "Die kurze Form dafür ist: MO.",
            ),
            heading("Das Ende von migraUp!"),
            paragraph(
                "Im Jahr 2025 endet migraUp!.",
                "Viele haben mit uns zusammen gearbeitet: "
                "Organisationen, die Verwaltung im Bezirk und viele engagierte Menschen. "
                "Zusammen haben wir Räume für Empowerment und Vernetzung geschaffen. "
                "Empowerment heißt hier: Migrantinnen und Migranten stärken Migrantinnen und "
                "Migranten.",
                "Danke für zehn Jahre Vertrauen und Zusammenarbeit! "
                "migraUp! endet. Aber die Ideen wirken weiter.",
            ),
            heading("Das Haupt·ziel"),
            paragraph(
                "migraUp! will die MO stärken. "
                "Die MO sollen sichtbar sein. "
                "Die MO sollen gleichwertige Gesprächs·partner sein. "
                "Zum Beispiel für die öffentlichen Einrichtungen in Pankow.",
            ),
            as_body(
                item_list(
                    "Die Ziele im Jahr 2025",
                    [
                        (
                            "Organisationen finden",
                            "Wir suchen alle Organisationen in Pankow, "
                            "die zu Migration und Flucht arbeiten. "
                            "Wir schreiben auf, was sie anbieten.",
                        ),
                        (
                            "Netzwerke stärken",
                            "Wir bringen Menschen und Institutionen im Bezirk zusammen. "
                            "Wir arbeiten in Netzwerken mit.",
                        ),
                        (
                            "Lingua Pankow",
                            "Lingua Pankow ist ein Arbeits·kreis. "
                            "migraUp! koordiniert diesen Arbeits·kreis. "
                            "Dort arbeiten MO, Schulen und Kitas zusammen. "
                            "Es geht um Mehr·sprachigkeit.",
                        ),
                        (
                            "Die Zukunft planen",
                            "Wir entwickeln neue Ideen. Die Ideen sollen die Angebote stärken.",
                        ),
                    ],
                )
            ),
            as_body(
                item_list(
                    "Für wen ist migraUp!?",
                    [
                        "Organisationen von Migrantinnen und Migranten. "
                        "Zum Beispiel Vereine, Initiativen und Netzwerke.",
                        "Menschen mit Migrations·geschichte oder Flucht·geschichte. "
                        "Sie geben ihr Wissen an andere Menschen weiter.",
                        "Verwaltung, öffentliche Einrichtungen, Verbände und andere Akteure.",
                        "Menschen aus der Integrations·politik in Pankow. "
                        "Zum Beispiel aus dem Integrations·beirat.",
                    ],
                )
            ),
            heading("Kontakt"),
            paragraph(
                "Sie möchten mit uns sprechen? Auf der Seite Kontakt können Sie uns schreiben."
            ),
        ],
    },
    {
        "key": "projects/migrapower/einfache-sprache",
        "parent": "projects/migrapower",
        "seeds": [_SEED_MIGRAPOWER],
        "source": PLAIN_LANGUAGE,
        "slug": "einfache-sprache",
        "title": "Einfache Sprache: MigraPower",
        "intro": "MigraPower ist ein Projekt für migrantische Organisationen in Pankow.",
        "body": [
            heading("Was ist MigraPower?"),
            paragraph(
                "MigraPower ist ein Modell·projekt. Das Bezirksamt Pankow fördert das Projekt.",
                "MaMis en Movimiento e.V. und VIA machen das Projekt zusammen. "
                "Das nennt man: Tandem·projekt. "
                "Ab 2017 soll das Projekt mit VIA weiter·gehen.",
            ),
            heading("Das Haupt·ziel"),
            paragraph(
                "MigraPower will die Arbeit der MO stärken. "
                "MO sind migrantische Organisationen. "
                "Die MO sollen ihre Interessen selbst vertreten.",
            ),
            as_body(
                item_list(
                    "Die Ziele",
                    [
                        "Die Fach·netzwerke der MO und die Verwaltung in Pankow sollen stabil "
                        "sein. Dann können die MO dauerhaft an der Gesellschaft teilhaben.",
                        "Die MO sollen sich gut organisieren. "
                        "Dann können sie im Bezirk besser arbeiten.",
                        "Die MO sollen sich im Bezirk besser vernetzen. "
                        "Dabei helfen die Plattformen in Pankow.",
                        "Die MO sollen in der Fach·öffentlichkeit gut vertreten sein. "
                        "Ihre Arbeit soll sichtbar sein.",
                    ],
                )
            ),
            as_body(
                item_list(
                    "Für wen ist MigraPower?",
                    [
                        "Migrantische Organisationen. "
                        "Zum Beispiel Vereine, Initiativen und Netzwerke.",
                        "Menschen, die andere Menschen erreichen. Sie geben Wissen weiter.",
                        "Verwaltung, öffentliche Einrichtungen, Verbände und andere Akteure.",
                    ],
                )
            ),
            as_body(
                item_list(
                    "Was bleibt?",
                    [
                        "Wissen bleibt ein Leben lang.",
                        "Vernetzung erweitert den Horizont.",
                        "Die Partner in Pankow arbeiten fest zusammen.",
                        "Es gibt Arbeits·hilfen: Instrumente für die Arbeit.",
                        "Die Organisationen im Tandem werden von innen stärker.",
                    ],
                )
            ),
            heading("Angebote"),
            paragraph(
                "MigraPower bietet Fach·beratung und Qualifizierung an. "
                "Und es gibt ein Netzwerk in Pankow.",
            ),
        ],
    },
    {
        "key": "projects/kommune-interkulturell/einfache-sprache",
        "parent": "projects/kommune-interkulturell",
        "seeds": [_SEED_KOMMUNE],
        "source": PLAIN_LANGUAGE,
        "slug": "einfache-sprache",
        "title": "Einfache Sprache: Kommune Interkulturell",
        "intro": "Kommune Interkulturell ist ein Projekt im IQ Netzwerk Berlin.",
        "body": [
            heading("Worum geht es?"),
            paragraph(
                "Es geht um Arbeit für Migrantinnen, Migranten und Geflüchtete. "
                "Das Projekt arbeitet in den Bezirken von Berlin.",
                "Das Projekt macht dafür zwei Dinge:",
            ),
            {
                "type": "paragraph",
                "value": "<ul><li>Es stärkt die MO beim Weg in den Arbeits·markt.</li>"
                "<li>Die Verwaltungen in Berlin sollen sich interkulturell öffnen.</li></ul>",
            },
            paragraph("MO sind migrantische Organisationen."),
            as_body(
                item_list(
                    "Die Ziele",
                    [
                        "Die MO kennen sich aus mit Beratung und Weiterbildung für Erwachsene. "
                        "Das soll anerkannt werden.",
                        "Die Bezirks·verwaltungen sollen sich interkulturell öffnen. "
                        "Dafür arbeiten Verwaltungen, MO und Wirtschafts·bündnisse zusammen.",
                        "Verwaltungen und MO sollen immer wieder miteinander sprechen. "
                        "Sie sollen als Partner zusammen·arbeiten.",
                    ],
                )
            ),
            as_body(
                item_list(
                    "Für wen ist das Projekt?",
                    [
                        "Menschen, die in Berliner MO arbeiten. Auch Menschen im Ehrenamt.",
                        "Verwaltungen in den Bezirken. "
                        "Zum Beispiel Integrations·beauftragte und Fach·stellen für Arbeit.",
                        "Wirtschafts·bündnisse in den Bezirken.",
                        "Andere Akteure für Arbeit. Zum Beispiel Berufs·bildungs·träger.",
                    ],
                )
            ),
            heading("Kontakt"),
            paragraph(_SEE_FULL_PAGE),
        ],
    },
    {
        "key": "projects/willkommen-in-berlin/einfache-sprache",
        "parent": "projects/willkommen-in-berlin",
        "seeds": [_SEED_WILLKOMMEN],
        "source": PLAIN_LANGUAGE,
        "slug": "einfache-sprache",
        "title": "Einfache Sprache: Willkommen in Berlin",
        "intro": "Willkommen in Berlin ist ein Projekt mit Organisationen von Migrantinnen "
        "und Migranten.",
        "body": [
            heading("Worum geht es?"),
            paragraph(
                "Das Projekt will eine Willkommens·kultur in den Bezirken aufbauen.",
                "Die Verwaltungen in den Bezirken sollen sich interkulturell öffnen. "
                "Auch die sozialen Dienste und die Dienste für Gesundheit.",
                "Dabei helfen die MO und andere Menschen aus migrantischen Communities. "
                "MO sind Organisationen von Migrantinnen und Migranten.",
                "Die MO und die Verwaltungen sollen zusammen·arbeiten.",
                "Menschen aus den MO bekommen Beratung und Coaching. "
                "Dann können sie in Gremien und Beiräten mitarbeiten.",
                "Das Projekt unterstützt vor allem MO, die sich für Geflüchtete einsetzen.",
            ),
            as_body(
                item_list(
                    "Workshops",
                    [
                        "Anerkennung von beruflichen Abschlüssen aus dem Ausland",
                        "Wie Geflüchtete Arbeit und Förderung finden",
                        "Arbeit mit Ehrenamtlichen",
                        "Projekt·management",
                    ],
                    intro="Wir bieten Workshops für MO an. Die Themen sind zum Beispiel:",
                )
            ),
            as_body(
                item_list(
                    "Beratung",
                    [
                        "Finanzierung von Projekten",
                        "Konzepte entwickeln",
                        "Projekt·verwaltung",
                        "Arbeit mit Ehrenamtlichen",
                        "Vereins·recht und Arbeits·recht",
                    ],
                    intro="MO können Beratung bekommen. Zum Beispiel zu diesen Themen:",
                )
            ),
            heading("Arbeits·markt·gespräche"),
            paragraph(
                "Eine MO lädt Fach·leute zum Arbeits·markt ein. "
                "Sie sprechen über Themen, die für die Menschen in der MO wichtig sind. "
                "Zum Beispiel: Anerkennung von Abschlüssen, Qualifizierung oder Arbeits·recht.",
                "Die Menschen können vor Ort ihre Fragen stellen.",
                "Die Fach·leute können so ihre Angebote besser machen. "
                "Dann passen die Angebote besser für Migrantinnen und Migranten.",
            ),
            heading("Flyer"),
            paragraph(
                "Es gibt einen Flyer zum Projekt. Sie finden ihn auf der ausführlichen Seite."
            ),
            heading("Kontakt"),
            paragraph(_SEE_FULL_PAGE),
        ],
    },
]

# --- Glossary ------------------------------------------------------------------------------
# German words readers meet on this site and in the projects' work, explained in plain
# language. General explanations written for this website (EDITORIAL), not taken from the
# seeds: they name no person, date, number or address.
GLOSSARY_PAGE = {
    "key": "glossary",
    "slug": "glossar",
    "title": "Glossar",
    "show_in_menus": True,
    "source": EDITORIAL,
    "intro": (
        "Deutsche Wörter, die Ihnen auf dieser Website, bei Ämtern und in der Arbeit der "
        "Projekte begegnen, einfach erklärt."
    ),
}
GLOSSARY = [
    {
        "key": "glossary/migrantinnenorganisation",
        "german": "Migrant*innenorganisation",
        "german_variants": "MO, MSO, Migrantenorganisation, Migrantenselbstorganisation",
        "explanation": (
            "Ein Verein oder eine Gruppe, die Menschen mit Migrationsgeschichte gegründet "
            "haben und selbst führen. Die Abkürzungen sind MO und MSO."
        ),
    },
    {
        "key": "glossary/fachvernetzung",
        "german": "Fachvernetzung",
        "german_variants": "Fachnetzwerk",
        "explanation": (
            "Organisationen, Initiativen und Verwaltung arbeiten zu einem gemeinsamen Thema "
            "zusammen, zum Beispiel Sprache oder Familie. Sie tauschen Wissen aus und planen "
            "gemeinsame Schritte."
        ),
    },
    {
        "key": "glossary/fachberatung",
        "german": "Fachberatung",
        "german_variants": "",
        "explanation": (
            "Beratung durch Fachleute zu einem bestimmten Thema, zum Beispiel zur Gründung "
            "eines Vereins, zur Finanzierung oder zur Arbeit in Projekten."
        ),
    },
    {
        "key": "glossary/bezirksamt",
        "german": "Bezirksamt",
        "german_variants": "",
        "explanation": (
            "Die Verwaltung eines Berliner Bezirks, zum Beispiel Pankow. Zum Bezirksamt "
            "gehören viele Ämter, etwa das Bürgeramt und das Jugendamt."
        ),
    },
    {
        "key": "glossary/integrationsbeauftragte",
        "german": "Integrationsbeauftragte",
        "german_variants": "Integrationsbeauftragter, Integrationsbeauftragten",
        "explanation": (
            "Eine Person in der Verwaltung, die sich um die Anliegen von Menschen mit "
            "Migrationsgeschichte kümmert und Vereine und Ämter zusammenbringt."
        ),
    },
    {
        "key": "glossary/traeger",
        "german": "Träger",
        "german_variants": "Projektträger",
        "explanation": (
            "Die Organisation, die ein Projekt oder eine Einrichtung führt und verantwortet, "
            "zum Beispiel ein Verein. Sie stellt das Personal ein und ist für das Geld "
            "verantwortlich."
        ),
    },
    {
        "key": "glossary/willkommensstruktur",
        "german": "Willkommensstruktur",
        "german_variants": "",
        "explanation": (
            "Angebote und Stellen, die Menschen den Start erleichtern, die neu angekommen "
            "sind: Beratung, Informationen in vielen Sprachen und Ansprechpersonen in "
            "Verwaltung und Vereinen."
        ),
    },
    {
        "key": "glossary/multiplikatorin",
        "german": "Multiplikator*in",
        "german_variants": "Multiplikator*innen, Multiplikatorin, Multiplikator, Multiplikatoren",
        "explanation": (
            "Eine Person, die ihr Wissen an andere weitergibt, zum Beispiel in ihrer "
            "Community, in ihrem Verein oder in ihrer Familie."
        ),
    },
    {
        "key": "glossary/ehrenamt",
        "german": "Ehrenamt",
        "german_variants": "Ehrenamtliche, ehrenamtlich",
        "explanation": (
            "Eine Arbeit, die man freiwillig und ohne Bezahlung für andere Menschen oder für "
            "die Gesellschaft macht, zum Beispiel in einem Verein."
        ),
    },
    {
        "key": "glossary/vereinsrecht",
        "german": "Vereinsrecht",
        "german_variants": "",
        "explanation": (
            "Die Regeln für Vereine in Deutschland: wie man einen Verein gründet, was in der "
            "Satzung stehen muss und wie der Vorstand gewählt wird."
        ),
    },
    {
        "key": "glossary/anerkennung",
        "german": "Anerkennung ausländischer Berufsabschlüsse",
        "german_variants": "Anerkennung von Abschlüssen, Berufsanerkennung",
        "explanation": (
            "Eine Stelle in Deutschland prüft, ob ein Berufs- oder Studienabschluss aus dem "
            "Ausland einem deutschen Abschluss entspricht. Für manche Berufe ist das Pflicht."
        ),
    },
    {
        "key": "glossary/flyer",
        "german": "Flyer",
        "german_variants": "",
        "explanation": (
            "Ein kleines gedrucktes Blatt mit Informationen zum Mitnehmen und Weitergeben. "
            "Auf dieser Website gibt es Flyer auch als PDF."
        ),
    },
    {
        "key": "glossary/einfache-sprache",
        "german": "Einfache Sprache",
        "german_variants": "",
        "explanation": (
            "Texte mit kurzen Sätzen und bekannten Wörtern. So verstehen mehr Menschen sie, "
            "auch wer gerade Deutsch lernt."
        ),
    },
]

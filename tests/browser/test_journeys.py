"""What readers and editors do on the site, end to end in a real browser: switch language,
search, download the flyer, write to the team, find their way by keyboard and on a phone,
and publish a change. Every assertion is about what a person sees or can reach."""

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Download, Locator, Page, expect
from wagtail.contrib.forms.models import FormSubmission

from contact.models import ContactPage
from core.models import StandardPage
from home.models import HomePage
from projects.models import ProjectPage
from tests.browser.conftest import language_links, log_in

pytestmark = pytest.mark.browser


def switcher(page: Page, label: str) -> Locator:
    """The language picker, opened."""
    return language_links(page, label)


def focused(page: Page) -> dict[str, Any]:
    """What the keyboard is on: its accessible text, link target and focus styles."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {
                tag: el.tagName.toLowerCase(),
                text: el.innerText.replace(/\\s+/g, " ").trim(),
                href: el.getAttribute("href"),
                inMain: Boolean(el.closest("main")),
                inNav: el.closest("nav") ? el.closest("nav").getAttribute("aria-label") : null,
                outline: style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth),
                visible: box.width > 0 && box.height > 0 && box.bottom > 0
                    && box.right > 0 && box.left < innerWidth && box.top < innerHeight,
            };
        }"""
    )


def assert_no_sideways_scrolling(page: Page, width: int) -> None:
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} scrolls sideways: {scroll_width} > {width} px"


# --- 1. Language ------------------------------------------------------------------------


def test_switching_language_on_a_project_keeps_the_reader_on_that_project(page: Page):
    page.goto("/de/projekte/migrapower/")
    expect(page.get_by_role("heading", level=1)).to_have_text("MigraPower")
    expect(page.get_by_text("Fachberatung für Migrant*innenorganisationen")).to_be_visible()

    switcher(page, "Sprache").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/projects/migrapower/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("MigraPower")
    expect(page.get_by_text("Specialist advice for migrant organisations")).to_be_visible()
    # The reader can tell where they are: the switcher marks English, the menu speaks it.
    english = switcher(page, "Language").get_by_role("link", name="English")
    expect(english).to_have_attribute("aria-current", "true")
    menu = page.get_by_role("navigation", name="Main navigation")
    expect(menu.get_by_role("link", name="Projects")).to_be_visible()

    switcher(page, "Language").get_by_role("link", name="العربية").click()
    expect(page).to_have_url(re.compile(r"/ar/projects/migrapower/$"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).to_have_text("MigraPower")
    expect(page.get_by_text("استشارات متخصصة لمنظمات المهاجرين")).to_be_visible()

    switcher(page, "اللغة").get_by_role("link", name="Español").click()
    expect(page).to_have_url(re.compile(r"/es/proyectos/migrapower/$"))
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.get_by_role("heading", level=1)).to_have_text("MigraPower")

    switcher(page, "Idioma").get_by_role("link", name="Deutsch").click()
    expect(page).to_have_url(re.compile(r"/de/projekte/migrapower/$"))
    expect(page.get_by_text("Fachberatung für Migrant*innenorganisationen")).to_be_visible()


@pytest.fixture
def german_only_page(site_url) -> Iterator[StandardPage]:
    home = HomePage.objects.get(locale__language_code="de")
    page = StandardPage(
        title="Nur auf Deutsch", slug="nur-auf-deutsch", intro="Noch nicht übersetzt."
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    yield page
    page.delete()


def test_switching_language_on_an_untranslated_page_leads_to_that_languages_home(
    page: Page, german_only_page: StandardPage
):
    page.goto("/de/nur-auf-deutsch/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nur auf Deutsch")
    english = switcher(page, "Sprache").get_by_role("link", name="English")
    # The reader is told before following the link that it does not lead to this page.
    expect(english).to_have_attribute(
        "title", "Diese Seite ist noch nicht übersetzt: zur Startseite"
    )
    english.click()
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.request.get("/en/nur-auf-deutsch/").status == 404


# --- 2. Search --------------------------------------------------------------------------


def test_reader_searches_from_the_header_and_opens_a_result(page: Page):
    page.goto("/de/projekte/")
    page.get_by_role("banner").get_by_role("link", name="Suche").click()
    expect(page).to_have_url(re.compile(r"/de/search/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Suche")

    form = page.get_by_role("search")
    form.get_by_label("Projekte, Netzwerke, Partner, Materialien und Archiv durchsuchen").fill(
        "Diversity"
    )
    form.get_by_role("button", name="Suche").click()

    expect(page).to_have_url(re.compile(r"/de/search/\?q=Diversity$"))
    expect(page.get_by_role("status")).to_contain_text("Ergebnisse für „Diversity“")
    results = page.locator(".search-results > li")
    expect(results.first).to_be_visible()
    result = results.filter(has=page.get_by_role("link", name="AK Diversity", exact=True))
    expect(result.locator("mark").first).to_have_text("Diversity")
    # The query stays in the box, to be refined.
    expect(form.get_by_role("searchbox")).to_have_value("Diversity")

    result.get_by_role("link", name="AK Diversity", exact=True).click()
    expect(page).to_have_url(re.compile(r"/de/fachvernetzung/ak-diversity/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("AK Diversity")


# --- 3. Download ------------------------------------------------------------------------


# How a page states a file's size: "PDF, 4,6 KB" (Django puts a no-break space before the unit).
SIZE = re.compile(r"PDF, ([\d.,]+)\s(Bytes|KB|MB)")
UNITS = {"Bytes": 1, "KB": 1024, "MB": 1024**2}


def stated_size(label: Locator) -> float:
    """The size in bytes that a reader is told before downloading."""
    found = SIZE.search(label.inner_text())
    assert found, f"no file size in {label.inner_text()!r}"
    return float(found[1].replace(".", "").replace(",", ".")) * UNITS[found[2]]


def check_pdf(download: Download, stated_bytes: float) -> None:
    """The file is a whole PDF, of about the size the page said, under a .pdf name."""
    assert download.suggested_filename.endswith(".pdf"), download.suggested_filename
    data = download.path().read_bytes()
    assert data.startswith(b"%PDF-"), data[:20]
    assert b"%%EOF" in data[-1024:], "the PDF is cut off"
    assert 1_000 < len(data) < 20 * 1024**2, len(data)
    # One decimal of KB or MB: within 5 % of what the page announced.
    assert abs(len(data) - stated_bytes) <= 0.05 * stated_bytes, (len(data), stated_bytes)


def download_in(page: Page, files: Locator, language: str) -> None:
    """Download the material's file in this language (its link ends with the language's
    own name); it is the PDF the list announced."""
    name = re.compile(f": {language}$")
    link = files.get_by_role("link", name=name)
    stated = stated_size(files.locator("li").filter(has=page.get_by_role("link", name=name)))
    with page.expect_download() as info:
        link.click()
    check_pdf(info.value, stated)


def test_reader_downloads_the_flyer_as_a_pdf(page: Page):
    page.goto("/de/materialien/")
    card = page.locator(".card").filter(has_text="Flyer: Willkommen in Berlin")
    download_in(page, card.locator(".material-files"), "Deutsch")
    download_in(page, card.locator(".material-files"), "Türkçe")

    # The flyer's own page offers the same files, and a QR code of its address.
    card.get_by_role("link", name="Flyer: Willkommen in Berlin", exact=True).click()
    expect(page).to_have_url(re.compile(r"/de/materialien/flyer-willkommen-in-berlin/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Flyer: Willkommen in Berlin")
    download_in(page, page.locator(".material-downloads"), "العربيّة")
    expect(page.get_by_role("img", name=re.compile("^QR-Code dieser Seite: http"))).to_be_visible()


# --- 4. Contact -------------------------------------------------------------------------


@pytest.fixture
def contact_page(site_url) -> Iterator[ContactPage]:
    """The German contact page; messages the test sends are deleted afterwards."""
    contact = ContactPage.objects.get(locale__language_code="de", slug="kontakt")
    before = set(FormSubmission.objects.filter(page=contact).values_list("pk", flat=True))
    yield contact
    FormSubmission.objects.filter(page=contact).exclude(pk__in=before).delete()


def test_reader_sends_the_contact_form_after_correcting_a_mistake(
    page: Page, contact_page: ContactPage
):
    stored = FormSubmission.objects.filter(page=contact_page).count()
    page.goto("/de/kontakt/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kontakt")
    main = page.get_by_role("main")
    # The introduction is shown once, as text, not as its markup.
    expect(main.get_by_text(re.compile("Setzen Sie sich mit uns in Verbindung"))).to_have_count(1)
    expect(main).not_to_contain_text("<p>")

    name = page.get_by_label(re.compile(r"^Name"))
    email = page.get_by_label(re.compile(r"^E-Mail"))
    message = page.get_by_label(re.compile(r"^Nachricht"))
    consent = page.get_by_label(re.compile(r"^Ich bin einverstanden"))
    # The box is a target of at least 24 × 24 px, described by the privacy policy's link.
    box = consent.bounding_box()
    assert box and box["width"] >= 24 and box["height"] >= 24, box
    expect(consent).to_have_accessible_description("Datenschutzerklärung lesen")
    expect(main.get_by_role("link", name="Datenschutzerklärung lesen")).to_have_attribute(
        "href", "/de/datenschutz/"
    )
    name.fill("Ana Beispiel")
    message.fill("Gibt es den Flyer auch auf Spanisch?\nViele Grüße")
    consent.check()
    page.get_by_role("button", name="Nachricht senden").click()

    # The e-mail address was missing: the page says so and keeps everything typed.
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Bitte prüfen Sie Ihre Angaben")
    expect(alert.get_by_role("link", name=re.compile(r"^E-Mail: "))).to_be_visible()
    required = "Dieses Feld muss ausgefüllt werden."
    expect(page.get_by_role("main").get_by_text(required, exact=True)).to_be_visible()
    expect(email).to_have_accessible_description(required)  # read out on the field itself
    expect(name).to_have_value("Ana Beispiel")
    expect(message).to_have_value("Gibt es den Flyer auch auf Spanisch?\nViele Grüße")
    expect(consent).to_be_checked()
    expect(email).to_have_value("")
    assert FormSubmission.objects.filter(page=contact_page).count() == stored, "stored anyway"

    # The error list leads to the field.
    alert.get_by_role("link", name=re.compile(r"^E-Mail: ")).click()
    expect(email).to_be_focused()
    email.fill("ana@example.org")
    page.get_by_role("button", name="Nachricht senden").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Ihre Nachricht wurde gesendet")
    expect(page.get_by_role("status")).to_have_text("Vielen Dank für Ihre Nachricht.")
    # What happens next, and the number to call when it cannot wait.
    next_steps = page.get_by_role("region", name="Wie es weitergeht")
    expect(next_steps).to_contain_text("antwortet Ihnen per E-Mail")
    expect(next_steps.get_by_role("link", name="+49 30 29 00 69 48")).to_have_attribute(
        "href", "tel:+4930290069 48".replace(" ", "")
    )
    assert FormSubmission.objects.filter(page=contact_page).count() == stored + 1
    submission = FormSubmission.objects.filter(page=contact_page).latest("submit_time")
    data = submission.get_data()
    assert data["name"] == "Ana Beispiel"
    assert data["e_mail"] == "ana@example.org"
    assert (
        data["nachricht"].replace("\r\n", "\n")
        == "Gibt es den Flyer auch auf Spanisch?\nViele Grüße"
    )


# --- 5. Keyboard ------------------------------------------------------------------------

LANGUAGES = ["Deutsch", "English", "Español", "Italiano", "Türkçe", "العربية"]
MENU = [
    "Start",
    "Projekte",
    "Fachvernetzung",
    "Partner",
    "Materialien",
    "Archiv 2015–2025",
    "Kontakt",
    "Glossar",
]


def test_keyboard_alone_reaches_every_menu_item_with_a_visible_focus(page: Page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/de/projekte/migrapower/")

    # The first Tab shows the skip link; Enter on it takes the keyboard to the content.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert focused(page)["outline"] >= 2
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    page.keyboard.press("Tab")
    assert focused(page)["inMain"], "Tab after the skip link should continue in the content"

    page.goto("/de/projekte/migrapower/")
    page.keyboard.press("Tab")  # the skip link
    stops = []
    for _ in range(40):
        page.keyboard.press("Tab")
        stop = focused(page)
        stops.append(stop)
        if stop["inNav"] == "Hauptnavigation" and stop["text"] == MENU[-1]:
            break
    names = [stop["text"] for stop in stops]
    # The language picker is one stop, named with the current language; its list opens
    # with Enter (tests/browser/test_language_picker.py).
    expected = ["migraUp! Pankow – Startseite", "Sprache: Deutsch", "Suche", *MENU]
    assert names == expected, names
    for stop in stops:
        assert stop["visible"], f"{stop['text']} has the focus but cannot be seen"
        assert stop["outline"] >= 2, f"{stop['text']} shows no focus indicator"

    # Back with Shift+Tab, then Enter follows the link.
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    assert focused(page)["text"] == "Materialien"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/de/materialien/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Materialien")


# --- 6. Mobile menu ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "nav_label", "toggle_name", "items"),
    [
        ("/de/projekte/migrapower/", "Hauptnavigation", "Menü", MENU),
        (
            "/ar/projects/migrapower/",
            "التنقل الرئيسي",
            "القائمة",
            [
                "الرئيسية",
                "المشاريع",
                "التشبيك المهني",
                "الشركاء",
                "المواد",
                "الأرشيف 2015–2025",
                "التواصل",
                "مسرد المصطلحات",
            ],
        ),
    ],
    ids=["de", "ar"],
)
def test_mobile_menu_opens_and_closes_by_touch_and_keyboard(
    page: Page, path: str, nav_label: str, toggle_name: str, items: list[str]
):
    width = 360
    page.set_viewport_size({"width": width, "height": 780})
    page.goto(path)
    nav = page.get_by_role("navigation", name=nav_label)
    # The button sits in the header's one row, beside search and the language picker.
    toggle = page.get_by_role("banner").get_by_role("button", name=toggle_name)
    links = nav.get_by_role("link")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(links.first).to_be_hidden()
    assert_no_sideways_scrolling(page, width)
    box = toggle.bounding_box()
    # At the end of the header's row: the right in German, the left in Arabic.
    if page.evaluate("document.dir") == "rtl":
        assert box["x"] < width / 2, "the toggle should sit at the left in Arabic"
    else:
        assert box["x"] + box["width"] > width / 2

    # Touch: a tap opens, a second tap closes.
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(links).to_have_text(items)
    for index in range(len(items)):
        expect(links.nth(index)).to_be_visible()
    assert_no_sideways_scrolling(page, width)
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(links.first).to_be_hidden()

    # Keyboard: Tab reaches the toggle (not the hidden links), Enter opens, Tab walks the
    # items, Escape closes and gives the focus back to the toggle.
    page.goto(path)
    passed = []
    for _ in range(20):
        page.keyboard.press("Tab")
        stop = focused(page)
        if stop["tag"] == "button":
            break
        passed.append(stop["text"])
    expect(toggle).to_be_focused()
    assert not set(passed) & set(items), f"hidden menu items took the focus: {passed}"
    assert focused(page)["outline"] >= 2
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    for item in items:
        page.keyboard.press("Tab")
        stop = focused(page)
        assert stop["text"] == item and stop["inNav"] == nav_label, stop
        assert stop["visible"] and stop["outline"] >= 2, stop
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    expect(links.first).to_be_hidden()
    # Closed, the next Tab skips the hidden items and goes on to the breadcrumbs.
    page.keyboard.press("Tab")
    assert focused(page)["inNav"] != nav_label
    assert_no_sideways_scrolling(page, width)

    # Space opens it too (it is a real button), and a chosen item navigates.
    toggle.focus()
    page.keyboard.press("Space")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    links.nth(1).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(items[1])


# --- 7. Editor --------------------------------------------------------------------------


def test_editor_changes_a_projects_subtitle_and_readers_see_it(
    page: Page, browser: Browser, site_url: str, moderator, project: ProjectPage
):
    old = project.subtitle
    new = "Fachberatung und Begleitung für Migrant*innenorganisationen"
    log_in(page, moderator)
    page.goto(f"/admin/pages/{project.pk}/edit/")
    subtitle = page.get_by_label(re.compile(r"^Untertitel"))
    expect(subtitle).to_have_value(old)
    subtitle.fill(new)
    page.get_by_role("button", name="Mehr Aktionen").last.click()
    page.get_by_role("button", name="Veröffentlichen").click()
    expect(page.locator(".messages")).to_contain_text("veröffentlicht")

    # A reader who has never been here (no session, no cookies) sees the new subtitle.
    reader = browser.new_context(base_url=site_url, locale="de-DE")
    try:
        public = reader.new_page()
        public.goto("/de/projekte/migrapower/")
        expect(public.get_by_role("heading", level=1)).to_have_text("MigraPower")
        expect(public.locator(".page-header__subtitle")).to_have_text(new)
        expect(public.get_by_text(old, exact=True)).to_have_count(0)
        # Only the German page changed: the English translation keeps its own subtitle.
        public.goto("/en/projects/migrapower/")
        expect(public.locator(".page-header__subtitle")).to_have_text(
            "Specialist advice for migrant organisations"
        )
    finally:
        reader.close()

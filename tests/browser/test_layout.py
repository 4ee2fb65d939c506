"""The layout as readers get it on phones and desktops, on every page type in every language:
nothing sticks out sideways, the header leaves room for the content on a phone, links stay in
the reader's language, and the language switcher keeps what the reader searched or filtered.

Each test loads every page once into one browser page and collects all findings into one
message ("url @ width: what"), so a failure says what to fix. Widths are changed with
``set_viewport_size`` on the loaded page: the layout follows from CSS media queries (the
site's only script, the menu toggle, does not look at the width).
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import Page

from tests.page_types import ALL, LANGUAGES, exists_in, expected_status, url_of

pytestmark = [pytest.mark.browser, pytest.mark.output_check]

# A small Android phone (320 is also WCAG's reflow width), common phones, a tablet, a laptop.
WIDTHS = (320, 360, 390, 768, 1280)
PHONE = {"width": 390, "height": 844}
# On a 844 px tall phone, at most a sixth of the screen goes to the header before the content.
HEADER_BUDGET = 140
# Elements listed per page: one broken rule shows on many, the first ones point to it.
MAX_FINDINGS = 6
# Addresses without a language: files, the API, the admin and what machines read.
NEUTRAL = {
    settings.STATIC_URL.strip("/"),
    settings.MEDIA_URL.strip("/"),
    "documents",
    "api",
    "admin",
    "sitemap.xml",
    "robots.txt",
    "healthz",
}

# The outermost elements (and text) whose visible part sticks out of the viewport sideways,
# each with its parent, which often holds the rule to fix (a grid's columns, a flex row).
# Parts that an ancestor scrolls or clips (a wide table in a scroll box) are not visible; the
# root elements do not count as such ancestors, as content they cut off is lost to the reader.
# Visually hidden elements (1 px boxes for screen readers, the honeypot, the skip link)
# and what is not rendered (display: none, a closed <details>) are left out.
# Measured as loaded, then with what readers open: every <details> (the language picker) and
# the header's menu buttons; they are closed again afterwards.
OVERFLOW_JS = """() => {
    const width = window.innerWidth;
    const tag = (element) => {
        const classes = element.getAttribute("class");
        return `<${element.tagName.toLowerCase()}${classes ? ` class="${classes}"` : ""}>`;
    };
    const text = (node) =>
        (node.innerText ?? node.textContent ?? "").trim().replace(/\\s+/g, " ").slice(0, 40);
    const visible = (rect, clip) => [Math.max(rect.left, clip[0]), Math.min(rect.right, clip[1])];
    const sticksOut = ([left, right]) => right > left && (left < -0.5 || right > width + 0.5);
    function measure() {
        const found = [];
        const report = (what, [left, right], words) =>
            found.push({what, text: words, left: Math.round(left), right: Math.round(right)});
        function visit(element, clip, ancestorOut) {
            if (element.matches(".visually-hidden, .hp, .skip-link")) return;
            const style = getComputedStyle(element);
            // Not rendered: display: none, or the inside of a closed <details>.
            if (style.display !== "contents" && !element.checkVisibility()) return;
            const rect = element.getBoundingClientRect();
            if (rect.width <= 1 && rect.height <= 1 && style.overflow !== "visible") return;
            let out = ancestorOut;
            if (rect.width > 0 && rect.height > 0 && style.visibility !== "hidden") {
                const edges = visible(rect, clip);
                out = sticksOut(edges);
                if (out && !ancestorOut) {
                    const parent = element.parentElement;
                    const what = tag(element) + (parent ? ` in ${tag(parent)}` : "");
                    report(what, edges, text(element));
                }
            }
            const root = element === document.documentElement || element === document.body;
            const inner = !root && style.overflowX !== "visible"
                ? [Math.max(clip[0], rect.left), Math.min(clip[1], rect.right)] : clip;
            for (const child of element.childNodes) {
                if (child.nodeType === Node.ELEMENT_NODE) {
                    visit(child, inner, out);
                } else if (!out && child.nodeType === Node.TEXT_NODE && child.data.trim()
                           && style.visibility !== "hidden") {
                    // A long word can overflow a box that itself fits.
                    const range = document.createRange();
                    range.selectNodeContents(child);
                    const edges = visible(range.getBoundingClientRect(), inner);
                    if (sticksOut(edges)) report(`text in ${tag(element)}`, edges, text(child));
                }
            }
        }
        visit(document.documentElement, [-Infinity, Infinity], false);
        return {scrollWidth: document.documentElement.scrollWidth, found};
    }
    const closed = measure();
    const details = [...document.querySelectorAll("details:not([open])")];
    const buttons = [...document.querySelectorAll('header button[aria-expanded="false"]')]
        .filter((button) => button.getClientRects().length);
    details.forEach((element) => { element.open = true; });
    buttons.forEach((button) => button.click());
    const open = measure();
    details.forEach((element) => { element.open = false; });
    buttons.forEach((button) => button.click());
    const seen = new Set(closed.found.map((element) => element.what + element.text));
    return {
        width,
        scrollWidth: closed.scrollWidth,
        openScrollWidth: open.scrollWidth,
        found: [...closed.found, ...open.found
            .filter((element) => !seen.has(element.what + element.text))
            .map((element) => ({...element, what: `${element.what} (menus open)`}))],
    };
}"""

# Where the main content starts: the top of <main>'s content box, in page coordinates, so
# the header, the breadcrumbs, the padding of <main> (and a first child's margin that
# collapses through it) count, but not how the content itself is laid out. The boxes above
# <main> (not positioned ones like the skip link) come along, to show where the height goes.
CONTENT_TOP_JS = """() => {
    const main = document.querySelector("main#main") ?? document.querySelector("main");
    const style = getComputedStyle(main);
    const top = main.getBoundingClientRect().top + window.scrollY
        + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop);
    const above = [...document.body.children].filter((element) =>
        !element.contains(main)
        && element.compareDocumentPosition(main) & Node.DOCUMENT_POSITION_FOLLOWING
        && !["absolute", "fixed"].includes(getComputedStyle(element).position)
        && element.getBoundingClientRect().height > 0
    ).map((element) => {
        const classes = element.getAttribute("class");
        const name = element.tagName.toLowerCase() + (classes ? `.${classes.split(" ")[0]}` : "");
        return `${name} ${Math.round(element.getBoundingClientRect().height)} px`;
    });
    return {top, above};
}"""

LINKS_JS = """() => [...document.querySelectorAll("a[href], area[href]")].map((link) => ({
    href: link.href,
    hreflang: link.getAttribute("hreflang"),
    text: (link.innerText || link.getAttribute("aria-label") || "").trim()
        .replace(/\\s+/g, " ").slice(0, 40),
}))"""

SWITCHER_JS = """() => [...document.querySelectorAll(".language-switcher a[hreflang]")].map(
    (link) => ({href: link.href, hreflang: link.hreflang, lang: link.lang})
)"""


def urls_in(language: str) -> list[tuple[str, int]]:
    """Every page type's URL in that language, with its expected status."""
    return [
        (url_of(name, language), expected_status(name, language))
        for name in ALL
        if exists_in(name, language)
    ]


def load(page: Page, url: str, status: int, findings: list[str]) -> bool:
    """Go to the page; a wrong status is a finding (the checks would measure another page)."""
    response = page.goto(url)
    if response.status != status:
        findings.append(f"{url}: status {response.status} instead of {status}")
        return False
    return True


def overflow_findings(url: str, measured: dict[int, dict]) -> list[str]:
    """What sticks out of the page at each width, each element once with the widths where it
    does (and its edges at the narrowest of them)."""
    findings = []
    for key, state in (("scrollWidth", ""), ("openScrollWidth", " with the menus open")):
        wide = [width for width, page in measured.items() if page[key] > width]
        if wide:
            findings.append(
                f"{url} @ {', '.join(map(str, wide))}: the page scrolls sideways{state} "
                f"({measured[wide[0]][key]} px wide at {wide[0]})"
            )
            break
    elements: dict[str, list[tuple[int, dict]]] = {}
    for width, page in measured.items():
        for element in page["found"]:
            elements.setdefault(f"{element['what']} {element['text']!r}", []).append(
                (width, element)
            )
    for what, seen in list(elements.items())[:MAX_FINDINGS]:
        width, element = seen[0]
        findings.append(
            f"{url} @ {', '.join(str(width) for width, _ in seen)}: {what} "
            f"spans {element['left']}..{element['right']} px at {width}"
        )
    if len(elements) > MAX_FINDINGS:
        findings.append(f"{url}: and {len(elements) - MAX_FINDINGS} more elements")
    return findings


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_sticks_out_sideways(page, language):
    """From 320 to 1280 px, the page does not scroll sideways and no element or word sticks
    out of the window (WCAG 1.4.10 Reflow asks for 320 px)."""
    findings: list[str] = []
    for url, status in urls_in(language):
        page.set_viewport_size({"width": WIDTHS[0], "height": PHONE["height"]})
        if not load(page, url, status, findings):
            continue
        measured = {}
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": PHONE["height"]})
            measured[width] = page.evaluate(OVERFLOW_JS)
        findings += overflow_findings(url, measured)
    assert not findings, "\n".join(findings)


def test_overflow_check_finds_what_sticks_out(page):
    """The check sees a wide box, a long word and what an opened disclosure shows, but nothing
    visually hidden or inside a scroll box."""
    page.set_viewport_size({"width": 320, "height": 600})
    toggle = "this.ariaExpanded = this.nextSibling.hidden; this.nextSibling.hidden ^= 1"
    page.set_content(
        '<html lang="de"><body style="margin:0">'
        f'<header><button aria-expanded="false" onclick="{toggle}">Menü</button>'
        '<ul hidden><li style="width:600px">Projekte</li></ul></header><main id="main">'
        '<div class="wide" style="width:400px">breit</div>'
        '<p style="width:200px">Donaudampfschifffahrtsgesellschaftskapitänsmütze</p>'
        '<span class="visually-hidden" style="position:absolute;left:600px">versteckt</span>'
        '<span style="position:absolute;left:300px;width:1px;height:1px;overflow:hidden;'
        'white-space:nowrap">ein langer Text nur für Screenreader</span>'
        '<div style="overflow-x:auto"><table style="width:900px"><tr><td>Tabelle</td></tr>'
        "</table></div>"
        '<details><summary>Sprache</summary><p style="width:500px">offen</p></details>'
        "</main></body></html>"
    )
    found = "\n".join(overflow_findings("test", {320: page.evaluate(OVERFLOW_JS)}))
    assert "test @ 320: the page scrolls sideways" in found
    assert """<div class="wide"> in <main> 'breit' spans 0..400 px""" in found
    assert "text in <p> 'Donaudampfschifffahrtsgesellschaftskapi" in found
    assert "versteckt" not in found
    assert "Screenreader" not in found
    assert "Tabelle" not in found
    assert "<p> in <details> (menus open) 'offen' spans 0..500 px" in found
    assert "<li> in <ul> (menus open) 'Projekte' spans 40..640 px" in found
    assert len(found.splitlines()) == 5, found
    # The disclosures are closed again for the next width.
    assert page.locator("details").get_attribute("open") is None
    assert page.locator("header button").get_attribute("aria-expanded") == "false"


@pytest.mark.parametrize("language", LANGUAGES)
def test_header_leaves_the_phone_screen_to_the_content(page, language):
    """On a 390×844 phone the main content starts within the header budget on every page."""
    page.set_viewport_size(PHONE)
    findings: list[str] = []
    for url, status in urls_in(language):
        if load(page, url, status, findings):
            content = page.evaluate(CONTENT_TOP_JS)
            if content["top"] > HEADER_BUDGET:
                findings.append(
                    f"{url} @ {PHONE['width']}×{PHONE['height']}: "
                    f"the content starts at {content['top']:.0f} px "
                    f"(above it: {', '.join(content['above'])})"
                )
    assert not findings, f"budget {HEADER_BUDGET} px\n" + "\n".join(findings)


def link_findings(links: list[dict], url: str, language: str, site: str) -> list[str]:
    """Links of a page in that language that lead into another one without saying so."""
    findings = []
    for link in links:
        target = urlsplit(link["href"])
        if f"{target.scheme}://{target.netloc}" != site:
            continue  # another site
        first = target.path.strip("/").split("/")[0]
        if first in NEUTRAL:
            continue
        hreflang = (link["hreflang"] or "").split("-")[0].lower()
        if first == language and hreflang in ("", language):
            continue
        if first in LANGUAGES and hreflang == first:
            continue
        says = f"hreflang={link['hreflang']!r}" if link["hreflang"] else "no hreflang"
        findings.append(f"{url}: {link['text']!r} → {target.path} ({says})")
    return list(dict.fromkeys(findings))


@pytest.mark.parametrize("language", LANGUAGES)
def test_links_stay_in_the_readers_language(page, site_url, language):
    """Every link to a page of the site leads to the page's language, or announces the other
    language with hreflang (the switcher, results only in German, Einfache Sprache)."""
    findings: list[str] = []
    for url, status in urls_in(language):
        if load(page, url, status, findings):
            findings += link_findings(page.evaluate(LINKS_JS), url, language, site_url)
    assert not findings, "\n".join(findings)


def test_link_check_finds_a_link_into_another_language():
    site = "http://127.0.0.1:8000"
    links = [
        {"href": f"{site}/en/contact/", "hreflang": None, "text": "Contact"},
        {"href": f"{site}/de/", "hreflang": "de", "text": "Deutsch"},
        {"href": f"{site}/static/css/site.css", "hreflang": None, "text": "CSS"},
        {"href": "https://example.org/de/", "hreflang": None, "text": "Partner"},
        {"href": f"{site}/de/kontakt/", "hreflang": None, "text": "Kontakt"},
        {"href": f"{site}/en/", "hreflang": "de", "text": "Falsch"},
        {"href": f"{site}/search/", "hreflang": None, "text": "Search"},
    ]
    assert link_findings(links, "/en/", "en", site) == [
        "/en/: 'Kontakt' → /de/kontakt/ (no hreflang)",
        "/en/: 'Falsch' → /en/ (hreflang='de')",
        "/en/: 'Search' → /search/ (no hreflang)",
    ]


# Pages whose address carries what the reader searched or filtered for.
QUERY_PAGES = ("search", "search-type", "archive-year", "material-kind")


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_keeps_the_search_and_filters(page, language):
    """The switcher's link to each other language keeps the query and the filters."""
    findings: list[str] = []
    for name in QUERY_PAGES:
        url = url_of(name, language)
        if not load(page, url, expected_status(name, language), findings):
            continue
        query = parse_qs(urlsplit(url).query)
        links = page.evaluate(SWITCHER_JS)
        missing = set(LANGUAGES) - {language} - {link["hreflang"] for link in links}
        if missing:
            findings.append(f"{url}: no switcher link to {sorted(missing)}")
        for link in links:
            target = urlsplit(link["href"])
            if not target.path.startswith(f"/{link['hreflang']}/"):
                findings.append(f"{url}: the {link['hreflang']} link leads to {target.path}")
            if link["lang"] != link["hreflang"]:
                findings.append(f"{url}: the {link['hreflang']} link has lang={link['lang']!r}")
            if parse_qs(target.query) != query:
                findings.append(
                    f"{url}: the {link['hreflang']} link's query is {target.query!r}, "
                    f"not {urlsplit(url).query!r}"
                )
    assert not findings, "\n".join(findings)

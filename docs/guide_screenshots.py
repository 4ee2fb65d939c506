"""Screenshots for the editors' guide (docs/redaktion.md), taken from the running site.

    .venv/bin/python docs/guide_screenshots.py --base http://127.0.0.1:8000 \\
        --username redaktion --password '…' [--out docs/img]

Signs in to the German admin with Debian's Chromium and photographs the screens the guide
explains, so the pictures show the admin as it is now. The account needs to be a
moderator or an administrator. tests/browser/test_guide.py runs it against the test site;
``GUIDE_IMG=docs/img pytest tests/browser/test_guide.py tests/browser/test_editorial_cycle.py``
retakes all of the guide's pictures there, those of a change under way (CYCLE_SHOTS) too.
"""

import argparse
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

# The repository, for the project's way of starting Chromium (tests/browser/chromium.py).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.browser.chromium import launch  # noqa: E402

# file name → what the guide shows there; the guide links each of them.
SHOTS = {
    "anmelden.png": "the sign-in form",
    "dashboard.png": "the dashboard with the translation panel",
    "inhalt-projekte.png": "the Content menu's list of projects",
    "projekt-bearbeiten.png": "editing a project",
    "block-auswahl.png": "choosing a block, with its preview",
    "veroeffentlichen.png": "the publish and submit actions",
    "uebersetzen.png": "choosing languages to translate into",
    "versionen.png": "a page's revisions",
}

# Screens of a change under way, which this script cannot make on a running site without
# changing its content: tests/browser/test_editorial_cycle.py takes them with shoot() while
# it plays the editorial cycle on the test site, into $GUIDE_IMG (docs/img to retake them).
CYCLE_SHOTS = {
    "uebersetzung-aenderungen.png": "the translation editor's panel of German changes",
    "uebersetzung-pruefen.png": "the translation editor's review bar, for a reviewer",
}
VIEWPORT = {"width": 1280, "height": 800}


def sign_in(page: Page, username: str, password: str) -> None:
    page.goto("/admin/login/")
    page.get_by_label("Benutzername").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/admin/")


def shoot(page: Page, out: Path, name: str, focus: str | None = None) -> Path:
    """Photograph the page as the guide shows it (1280 × 800), ``focus`` scrolled into view."""
    out.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(VIEWPORT)
    if focus:
        page.locator(focus).first.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=out / name)
    return out / name


def take_screenshots(page: Page, out: Path, username: str, password: str) -> list[Path]:
    """Photograph every screen of SHOTS into ``out``; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)

    def shot(name: str) -> None:
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(400)  # menus fade in
        page.screenshot(path=out / name)

    page.goto("/admin/login/")
    shot("anmelden.png")
    sign_in(page, username, password)
    page.locator("#translation-status-section").scroll_into_view_if_needed()
    shot("dashboard.png")

    page.goto("/admin/content-projectpage/?locale=de")
    shot("inhalt-projekte.png")
    page.get_by_role("link", name="MigraPower").first.click()
    page.wait_for_url("**/edit/")
    shot("projekt-bearbeiten.png")

    # The block chooser of the content field, with the preview of a block.
    page.get_by_role("tab", name="Inhalt").click()
    body = page.locator("[data-contentpath='body']")
    body.get_by_role("button", name="Block einfügen").last.click()
    page.get_by_role("option", name="Überschrift").hover()
    shot("block-auswahl.png")
    page.keyboard.press("Escape")

    # The actions beside "Speichern": publish, submit to the workflow, schedule.
    page.get_by_role("button", name="Mehr Aktionen").click()
    shot("veroeffentlichen.png")
    page.keyboard.press("Escape")

    page_id = page.url.rstrip("/").split("/")[-2]
    page.goto(f"/admin/localize/submit/page/{page_id}/")
    shot("uebersetzen.png")
    page.goto(f"/admin/pages/{page_id}/history/")
    shot("versionen.png")
    return [out / name for name in SHOTS]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "img")
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(base_url=args.base, locale="de-DE", viewport=VIEWPORT)
        written = take_screenshots(context.new_page(), args.out, args.username, args.password)
        browser.close()
    for path in written:
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Draws the PNG icons from the logo mark (static/img/logo.svg) with Debian's Chromium:
static/img/apple-touch-icon.png (180 px, for phones' home screens, which do not take SVG)
and static/img/favicon-32.png (for browsers without SVG favicons).

    .venv/bin/python tools/icons/favicons.py
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.chromium import launch  # noqa: E402

IMG = ROOT / "static/img"
# (file, size in px, square): phones round a home-screen icon's corners themselves, and
# fill transparent corners with black, so that one is drawn square.
ICONS = [("apple-touch-icon.png", 180, True), ("favicon-32.png", 32, False)]


def main() -> int:
    svg = (IMG / "logo.svg").read_text()
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for name, size, square in ICONS:
            page = browser.new_page(viewport={"width": size, "height": size})
            markup = svg.replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)
            if square:
                markup = markup.replace('rx="12"', 'rx="0"', 1)
            page.set_content(f"<body style='margin:0;background:transparent'>{markup}</body>")
            page.locator("svg").screenshot(path=IMG / name, omit_background=True)
            page.close()
            print(f"wrote {IMG / name}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

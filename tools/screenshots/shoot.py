"""Screenshots of every page type (tests/page_types.py) in every language, on a phone and a
desktop, for looking at the design: `make screenshots` (or SCREENSHOTS=folder make screenshots).

Builds a throwaway site (a temporary SQLite file and media folder with the demo content, from
its snapshot), serves it in this process with Django's threaded development server, and
writes <folder>/<language>/<page type>-<phone|desktop>.png with Debian's Chromium. Full-page
shots, so what is below the fold is seen too. --base URL shoots a site that already runs
(its database must be the one DATABASE_URL names, for the pages' URLs).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}


def serve() -> tuple[str, object]:
    """The site on a free loopback port, served by a thread of this process."""
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args) -> None:  # the shots are the output, not the requests
            pass

    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler)
    server.set_app(get_wsgi_application())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "build" / "screenshots"))
    parser.add_argument("--base", help="shoot a site that already runs at this URL")
    parser.add_argument("--only", help="page types, comma-separated (default: all)")
    parser.add_argument("--languages", help="languages, comma-separated (default: all)")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="screenshots-")
    if not args.base:
        os.environ["DATABASE_URL"] = f"sqlite:///{work}/db.sqlite3"
        os.environ["MEDIA_ROOT"] = f"{work}/media"
        os.environ["CACHE_DIR"] = f"{work}/cache"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "migraup.settings.dev")
    # Playwright's sync API runs an event loop in this thread; the ORM calls below are
    # ordinary synchronous code between browser calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "1"
    import django

    django.setup()
    from django.core.management import call_command
    from playwright.sync_api import sync_playwright

    from tests import page_types
    from tests.browser.chromium import launch

    if args.base:
        base = args.base.rstrip("/")
    else:
        call_command("load_demo_content", from_snapshot=True, verbosity=0)
        base, _server = serve()
    names = args.only.split(",") if args.only else page_types.ALL
    languages = args.languages.split(",") if args.languages else page_types.LANGUAGES
    folder = Path(args.folder)
    count = 0
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for form, (width, height) in VIEWPORTS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for language in languages:
                (folder / language).mkdir(parents=True, exist_ok=True)
                for name in names:
                    if name in page_types.PAGES and not page_types.exists_in(name, language):
                        continue
                    page.goto(base + page_types.url_of(name, language))
                    page.screenshot(path=folder / language / f"{name}-{form}.png", full_page=True)
                    count += 1
            context.close()
        browser.close()
    print(f"{count} screenshots in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

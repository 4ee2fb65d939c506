"""Page weight of the home page (and any other pages) in every language, as a reader's
browser fetches it: Debian's Chromium loads each page, scrolls to its end (lazy pictures),
and the bytes are counted as they came over the wire.

    .venv/bin/python bench/page_weight.py [--base http://127.0.0.1:8000] [PATH ...]

Serve the site first (`make run`, or `make serve` for the production set-up with
compression). Budgets (issue 7): the home page's HTML under 50 KB and everything it loads
under 500 KB. Prints one line per page and exits 1 when a page is over budget.
"""

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

# The repository, for the project's way of starting Chromium (the browser tests' helper).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.browser.chromium import launch  # noqa: E402

HTML_BUDGET = 50 * 1024
TOTAL_BUDGET = 500 * 1024
LANGUAGES = ["de", "en", "es", "it", "tr", "ar"]


def measure(page, cdp, url: str) -> dict:
    """Bytes of the document (decoded and transferred) and of all requests together.

    ``cdp`` is a fresh DevTools session of the page, with the network domain enabled.
    """
    transferred: dict[str, int] = {}
    decoded: dict[str, int] = {}
    urls: dict[str, str] = {}

    def on_response(event: dict) -> None:
        urls[event["requestId"]] = event["response"]["url"]

    def on_finished(event: dict) -> None:
        transferred[event["requestId"]] = int(event["encodedDataLength"])

    def on_data(event: dict) -> None:
        decoded[event["requestId"]] = decoded.get(event["requestId"], 0) + event["dataLength"]

    cdp.on("Network.responseReceived", on_response)
    cdp.on("Network.loadingFinished", on_finished)
    cdp.on("Network.dataReceived", on_data)
    page.goto(url, wait_until="networkidle")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    document = next(rid for rid, u in urls.items() if u == page.url)
    return {
        "html": decoded.get(document, 0),
        "html_transferred": transferred.get(document, 0),
        "total_transferred": sum(transferred.values()),
        "requests": len(transferred),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("paths", nargs="*", help="default: the home page in every language")
    args = parser.parse_args()
    paths = args.paths or [f"/{code}/" for code in LANGUAGES]
    over = False
    with sync_playwright() as playwright:
        browser = launch(playwright)
        print(f"{'page':40} {'HTML':>9} {'HTML sent':>10} {'all sent':>9} {'requests':>8}")
        for path in paths:
            # A fresh context each time: nothing comes from the browser's cache.
            context = browser.new_context(viewport={"width": 412, "height": 915})
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            result = measure(page, cdp, args.base.rstrip("/") + path)
            context.close()
            verdict = ""
            if result["html"] > HTML_BUDGET or result["total_transferred"] > TOTAL_BUDGET:
                verdict, over = "  OVER BUDGET", True
            kib = {key: value / 1024 for key, value in result.items()}
            print(
                f"{path:40} {kib['html']:8.1f}K {kib['html_transferred']:9.1f}K "
                f"{kib['total_transferred']:8.1f}K {result['requests']:8}{verdict}"
            )
        browser.close()
    print(f"budgets: HTML {HTML_BUDGET // 1024} KB, everything {TOTAL_BUDGET // 1024} KB")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())

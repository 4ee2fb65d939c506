"""Debian's Chromium, as every browser script of the project starts it: the browser tests,
the page weight benchmark and the guide's screenshots. Nothing is downloaded."""

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# These flags keep it off the (closed) network; Playwright gives every launch a fresh,
# empty user-data-dir of its own.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright):
    """Chromium through Playwright's sync API."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

"""The editors' guide stays current: its screenshots are taken from the running test site
by the guide's screenshot script, and every picture it links is made."""

import os
import re
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.browser.conftest import PASSWORD

pytestmark = pytest.mark.browser

DOCS = Path(__file__).parents[2] / "docs"
sys.path.insert(0, str(DOCS))

from guide_screenshots import CYCLE_SHOTS, SHOTS, take_screenshots  # noqa: E402


def test_the_guide_links_every_screenshot_and_each_is_taken(page, moderator, tmp_path):
    guide = (DOCS / "redaktion.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"!\[[^\]]*\]\(img/([^)]+)\)", guide))
    assert linked == set(SHOTS) | set(CYCLE_SHOTS)
    # The committed pictures are the ones the guide links.
    assert {path.name for path in (DOCS / "img").glob("*.png")} == linked

    # GUIDE_IMG=docs/img retakes the committed pictures (with test_editorial_cycle.py).
    out = Path(os.environ.get("GUIDE_IMG", tmp_path))
    written = take_screenshots(page, out, moderator.username, PASSWORD)
    for path in written:
        with Image.open(path) as image:
            assert image.size[0] == 1280, path
            # Not a blank page: the admin's colours are in it.
            assert len(image.getcolors(maxcolors=1 << 16) or range(1 << 16)) > 8, path

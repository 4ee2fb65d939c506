"""The site's pictograms and marks: Lucide icons from the npm package, served by the site."""

import subprocess
import sys

import pytest
from django.conf import settings
from django.template import Context, Template, TemplateSyntaxError

from core.icons import ICONS

ROOT = settings.BASE_DIR


def test_the_sprite_is_built_from_the_installed_package():
    # The committed sprite is what tools/icons/build_sprite.py makes from node_modules:
    # nobody edited it by hand, and a new icon in core/icons.py was built into it.
    result = subprocess.run(
        [sys.executable, "tools/icons/build_sprite.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    sprite = (ROOT / "static/img/icons.svg").read_text()
    assert all(f'<symbol id="{key}"' in sprite for key in ICONS)


def test_an_icon_is_decoration_from_the_sprite():
    html = Template('{% load icon_tags %}{% icon "phone" %}').render(Context())
    assert 'aria-hidden="true"' in html and 'focusable="false"' in html
    assert "img/icons.svg#phone" in html


def test_an_unknown_icon_fails_loudly():
    with pytest.raises(TemplateSyntaxError, match="telephone"):
        Template('{% load icon_tags %}{% icon "telephone" %}').render(Context())


@pytest.mark.django_db
def test_pages_name_the_mark_and_the_icons_for_every_device(client):
    html = client.get("/de/").content.decode()
    for name in ("favicon.svg", "favicon-32.png", "apple-touch-icon.png", "logo.svg"):
        assert f"img/{name}" in html, name
        assert (ROOT / "static/img" / name).exists()

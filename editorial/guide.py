"""The editors' guide, docs/redaktion.md, read inside the admin (Hilfe → Handbuch für die
Redaktion, and the dashboard's link) rather than Wagtail's English guide on another site.

The Markdown is rendered once per process and file version (the file is part of the
release); its pictures (docs/img/) are served from the admin, to signed-in editors only.
"""

import re
from functools import lru_cache
from pathlib import Path

import markdown
from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

GUIDE = Path(settings.BASE_DIR) / "docs" / "redaktion.md"
PICTURES = GUIDE.parent / "img"
# The pictures' names as the guide writes them: no folders, nothing but a PNG.
PICTURE_NAME = re.compile(r"^[a-z0-9-]+\.png$")


@lru_cache(maxsize=4)
def _rendered(modified: float) -> tuple[str, str]:
    """(title, HTML) of the guide as last modified at ``modified``; lru_cache is
    thread-safe, and a new file version is a new key."""
    text = GUIDE.read_text(encoding="utf-8")
    title, _newline, body = text.partition("\n")
    html = markdown.markdown(body, extensions=["toc", "sane_lists"], output_format="html")
    # The pictures' relative paths point to the admin's picture view.
    html = html.replace('src="img/', f'src="{reverse("editorial_guide")}img/')
    return title.lstrip("# ").strip(), html


def guide(request: HttpRequest) -> HttpResponse:
    title, html = _rendered(GUIDE.stat().st_mtime)
    return render(request, "editorial/guide.html", {"title": title, "guide": html})


def picture(request: HttpRequest, name: str) -> FileResponse:
    path = PICTURES / name
    if not PICTURE_NAME.match(name) or not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), content_type="image/png")

"""The view behind /media/ when SERVE_MEDIA is on: image originals and renditions, nothing else.

MEDIA_ROOT also holds documents (served only by Wagtail's view, which honours private
collections and sends them as downloads), pending multiple uploads and restore_site's
working folders. So the public folders are an allow-list, and a path is judged by the file
it finally leads to (links followed), not by how it is spelled: "..", encoded slashes,
backslashes and NUL bytes can spell a way from a public folder into any other.
"""

from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe
from django.views.static import serve

# What Wagtail writes under MEDIA_ROOT for everyone to see: image originals, renditions and
# the admin users' profile pictures (shown in the admin).
PUBLIC_FOLDERS = ("original_images", "images", "avatar_images")


def public_media_file(name: str) -> Path | None:
    """The file that ``name`` (a decoded path relative to MEDIA_ROOT) leads to, if it lies
    in a public folder after every link is followed; None for anything else."""
    # Only canonical names: what a page links to never needs "..", "." or "//".
    parts = name.split("/")
    if "\x00" in name or "\\" in name or parts[0] not in PUBLIC_FOLDERS:
        return None
    if any(part in ("", ".", "..") for part in parts[1:]):
        return None
    media_root = Path(settings.MEDIA_ROOT)
    try:
        # The folder resolved too: an operator may have linked it to another disk.
        folder = (media_root / parts[0]).resolve(strict=True)
        file = media_root.joinpath(*parts).resolve(strict=True)
    except (OSError, ValueError, RuntimeError):  # missing, unencodable, a link loop
        return None
    if not file.is_relative_to(folder) or not file.is_file():
        return None
    return file


@require_safe
def serve_media(request: HttpRequest, path: str) -> HttpResponse:
    """A public media file (with Django's static view: types, Last-Modified, 304), or the
    site's 404."""
    file = public_media_file(path)
    if file is None:
        raise Http404
    return serve(request, file.name, document_root=file.parent)

"""Settings for uploads (imported at the end of the base settings; read only the environment).

Documents: only PDF and office formats, checked by their content (the upload checks), and
always served as downloads through Wagtail's document view. Images: Wagtail's own content
check, with limits on bytes and pixels. Every upload needs room on the media disk.

UPLOAD_MAX_DOCUMENT_MB (20), UPLOAD_MAX_IMAGE_MB (10), UPLOAD_MAX_IMAGE_MEGAPIXELS (40),
UPLOAD_FREE_SPACE_MARGIN_MB (100): see README, "Uploads".
"""

import os

from django.core.exceptions import ImproperlyConfigured

__all__ = [
    "UPLOAD_FREE_SPACE_MARGIN",
    "WAGTAILDOCS_CONTENT_TYPES",
    "WAGTAILDOCS_DOCUMENT_FORM_BASE",
    "WAGTAILDOCS_EXTENSIONS",
    "WAGTAILDOCS_INLINE_CONTENT_TYPES",
    "WAGTAILDOCS_MAX_UPLOAD_SIZE",
    "WAGTAILDOCS_SERVE_METHOD",
    "WAGTAILIMAGES_EXTENSIONS",
    "WAGTAILIMAGES_IMAGE_FORM_BASE",
    "WAGTAILIMAGES_MAX_IMAGE_PIXELS",
    "WAGTAILIMAGES_MAX_UPLOAD_SIZE",
]

MB = 1024 * 1024


def env_count(name: str, default: int, minimum: int = 1) -> int:
    """A whole number of at least ``minimum`` from the environment variable ``name``."""
    value = os.environ.get(name, str(default)).strip()
    if not value.isdigit() or int(value) < minimum:
        raise ImproperlyConfigured(f"{name} must be a whole number of at least {minimum}.")
    return int(value)


# Documents. The content check knows exactly these extensions; macro-enabled formats
# (docm, xlsm, pptm …) are refused by name and by content.
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "odp", "doc", "docx", "xls", "xlsx", "ppt", "pptx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_count("UPLOAD_MAX_DOCUMENT_MB", 20) * MB
WAGTAILDOCS_DOCUMENT_FORM_BASE = "operations.uploads.DocumentForm"
# The type sent with a download, independent of the host's mime.types.
WAGTAILDOCS_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
# Every document is a download, PDFs too: nothing uploaded runs in the site's origin.
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
# Always through Wagtail's view, which honours private collections; never a redirect to
# the storage's own URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Images.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_count("UPLOAD_MAX_IMAGE_MB", 10) * MB
# A small file can hold a huge picture that takes gigabytes to resize.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_count("UPLOAD_MAX_IMAGE_MEGAPIXELS", 40) * 1_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "operations.uploads.ImageForm"

# An upload is refused unless the media disk keeps this much free beyond it (for the
# database, logs and image renditions).
UPLOAD_FREE_SPACE_MARGIN = env_count("UPLOAD_FREE_SPACE_MARGIN_MB", 100, minimum=0) * MB

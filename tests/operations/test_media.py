"""Serving /media/ (SERVE_MEDIA): image originals and renditions only, wherever a path leads.

Documents are served only by Wagtail's view (/documents/<id>/<name>), which honours private
collections. Every way of spelling a path into MEDIA_ROOT/documents through /media/ must be
the site's 404, without the document's bytes.
"""

import io
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.search.test_search import pdf_with

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()


def make_png() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (40, 30), "teal").save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def documents():
    """A public document and one in a login-only collection, both under MEDIA_ROOT/documents."""
    public_pdf, private_pdf = pdf_with("Flyer oeffentlich"), pdf_with("Nur fuer Mitglieder")
    collection = Collection.get_first_root_node().add_child(name="Mitglieder")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    public = Document.objects.create(
        title="Flyer", file=ContentFile(public_pdf, name="flyer-media-test.pdf")
    )
    private = Document.objects.create(
        title="Intern",
        file=ContentFile(private_pdf, name="intern-media-test.pdf"),
        collection=collection,
    )
    yield {"public": (public.file.name, public_pdf), "private": (private.file.name, private_pdf)}
    public.file.delete(save=False)
    private.file.delete(save=False)


@pytest.fixture
def links_out_of_the_public_folders(tmp_path):
    """Symbolic links inside original_images: to a folder outside MEDIA_ROOT, and to
    MEDIA_ROOT/documents."""
    outside = tmp_path / "ausserhalb"
    outside.mkdir()
    secret = pdf_with("Ausserhalb von MEDIA_ROOT")
    (outside / "geheim.pdf").write_bytes(secret)
    media = Path(settings.MEDIA_ROOT)
    (media / "original_images").mkdir(parents=True, exist_ok=True)
    (media / "documents").mkdir(parents=True, exist_ok=True)
    links = [media / "original_images" / "ausflug", media / "original_images" / "ablage"]
    links[0].symlink_to(outside, target_is_directory=True)
    links[1].symlink_to(media / "documents", target_is_directory=True)
    file_link = media / "original_images" / "geheim.png"
    file_link.symlink_to(outside / "geheim.pdf")
    yield secret
    for link in [*links, file_link]:
        link.unlink()
    shutil.rmtree(outside)


def traversals(name: str) -> list[str]:
    """URLs (as a client sends them, percent-encoded) that aim at MEDIA_ROOT/<name>."""
    media = Path(settings.MEDIA_ROOT)
    root = media.name  # "media" in production: the reported exploit climbs out and back in
    up = "..%2F" * len(media.parts[1:])  # from original_images/ to the file system root
    backslashed = name.replace("/", "%5C")
    windows = name.replace("/", "\\")
    return [
        f"/media/{name}",
        f"/media/original_images/..%2F..%2F{root}/{name}",  # the reported exploit
        f"/media/original_images/..%2F..%2F{root}%2F{name.replace('/', '%2F')}",
        f"/media/original_images/%2E%2E%2F%2E%2E%2F{root}/{name}",
        f"/media/original_images/..%2F{up}{str(media).lstrip('/')}/{name}",
        f"/media/original_images/../{name}",
        f"/media/images/..%2F{name}",
        f"/media//{name}",
        f"/media/./{name}",
        f"/media/original_images/./../{name}",
        f"/media/original_images//..//{name}",
        f"/media/{media}/{name}",  # absolute: /media//tmp/…/documents/…
        f"/media/original_images/{media}/{name}",
        f"/media/original_images/..%252F..%252F{root}/{name}",  # double encoding
        f"/media/original_images/%252E%252E/{name}",
        f"/media/original_images/..\\{name}",
        f"/media/original_images/..\\..\\{root}\\{windows}",
        f"/media/original_images/..%5C{backslashed}",
        f"/media/original_images/..%5C..%5C{root}%5C{backslashed}",
        f"/media/original_images/..;/{name}",
        f"/media/original_images/..;/..;/{root}/{name}",
        f"/media/{name}%00",
        f"/media/{name}%00.png",
        f"/media/original_images/%00/..%2F..%2F{root}/{name}",
        f"/media/original_images/..%00/{name}",
        f"/media/original_images/..%2F..%2F{root}/{name}%00.png",
    ]


def assert_refused(response, secret: bytes) -> None:
    assert response.status_code == 404
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert secret not in body
    assert b"%PDF" not in body
    # The site's own 404 page, not a bare or debug answer.
    assert "Seite nicht gefunden" in body.decode()
    assert "Traceback" not in body.decode()


@pytest.mark.parametrize("which", ["public", "private"])
@pytest.mark.parametrize("index", range(len(traversals("documents/x.pdf"))))
def test_documents_are_not_reachable_through_media(client, documents, which, index):
    name, pdf = documents[which]
    url = traversals(name)[index]
    assert_refused(client.get(url), pdf)


@pytest.mark.parametrize(
    "url",
    [
        "/media/original_images/ausflug/geheim.pdf",
        "/media/original_images/ausflug%2Fgeheim.pdf",
        "/media/original_images/geheim.png",
        "/media/original_images/ablage/{document}",
    ],
)
def test_symbolic_links_out_of_the_public_folders_are_refused(
    client, documents, links_out_of_the_public_folders, url
):
    name, pdf = documents["private"]
    response = client.get(url.format(document=name.removeprefix("documents/")))
    assert_refused(response, links_out_of_the_public_folders)
    assert pdf not in response.content


@pytest.mark.parametrize(
    "url",
    [
        "/media/",
        "/media/original_images/",
        "/media/original_images",
        "/media/wagtail_uploads/x.pdf",
        "/media/.restore-media-x/media/documents/x.pdf",
        "/media/%00",
        "/media/original_images/%FF%FE.png",
    ],
)
def test_folders_and_other_paths_are_the_styled_404(client, url):
    assert_refused(client.get(url), b"%PDF")


def test_public_image_original_and_rendition_are_served(client):
    png = make_png()
    image = Image.objects.create(title="Offen", file=ContentFile(png, name="offen-media.png"))
    rendition = image.get_rendition("fill-20x20")
    try:
        original = client.get(f"/media/{image.file.name}")
        assert original.status_code == 200
        assert original["Content-Type"] == "image/png"
        assert b"".join(original.streaming_content) == png
        resized = client.get(rendition.url)
        assert resized.status_code == 200
        assert resized["Content-Type"].startswith("image/")
        assert b"".join(resized.streaming_content) == Path(rendition.file.path).read_bytes()
        # Conditional requests still work as with Django's static view.
        again = client.get(
            f"/media/{image.file.name}", HTTP_IF_MODIFIED_SINCE=original["Last-Modified"]
        )
        assert again.status_code == 304
    finally:
        image.delete()

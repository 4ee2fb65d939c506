"""Uploads: documents checked by content, disk space and write errors, image limits, serving.

Everything goes through the real admin views, as an editor of the Moderators group.
"""

import errno
import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage
from reportlab.pdfgen import canvas
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from operations import uploads

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# Files, built here rather than kept as fixtures, so each test shows what it uploads.


def make_pdf() -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.drawString(72, 720, "Einladung zum Netzwerktreffen")
    pdf.save()
    return out.getvalue()


def make_ooxml(main_part: str, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal Office Open XML package with ``main_part`` (e.g. word/document.xml)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
            '2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
            "</Types>",
        )
        package.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships/>')
        package.writestr(main_part, '<?xml version="1.0"?><document>Hallo</document>')
        for name, data in (extra or {}).items():
            package.writestr(name, data)
    return out.getvalue()


def make_docx() -> bytes:
    return make_ooxml("word/document.xml")


def make_odf(mimetype: str) -> bytes:
    """A minimal OpenDocument file: "mimetype" first and stored, as the standard asks."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        package.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
        package.writestr("META-INF/manifest.xml", "<manifest:manifest/>", zipfile.ZIP_DEFLATED)
    return out.getvalue()


def make_ole2() -> bytes:
    """The 512-byte header of a compound file (legacy .doc/.xls/.ppt), padded."""
    header = uploads.OLE2_MAGIC + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    return header.ljust(512, b"\x00") + bytes(512)


def make_png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    PILImage.new("1", (width, height)).save(out, "PNG")
    return out.getvalue()


HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)" width="10" height="10"/>'


# Helpers.


def stored_files(folder: str) -> set[Path]:
    root = Path(settings.MEDIA_ROOT) / folder
    return set(root.rglob("*")) if root.exists() else set()


def root_collection_id() -> int:
    return Collection.get_first_root_node().pk


def add_document(client, name: str, content: bytes, title: str = "Testdokument"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "collection": root_collection_id(),
        },
    )


def add_documents_multiple(client, name: str, content: bytes):
    return client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "title": name,
            "files[]": SimpleUploadedFile(name, content),
            "collection": root_collection_id(),
        },
    )


def add_image(client, name: str, content: bytes, title: str = "Testbild"):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "collection": root_collection_id(),
        },
    )


def file_errors(response) -> list[str]:
    return response.context["form"].errors.get("file", [])


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def full_disk(monkeypatch):
    """The media disk fills up while a file is written: a partial file, then ENOSPC."""

    def _save(self, name, content):
        path = Path(self.path(name))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(next(iter(content.chunks()))[:10])
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(FileSystemStorage, "_save", _save)


@pytest.fixture
def broken_disk(monkeypatch):
    def _save(self, name, content):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(FileSystemStorage, "_save", _save)


# The content check on its own.


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (make_pdf(), "pdf"),
        (make_docx(), "docx"),
        (make_ooxml("xl/workbook.xml"), "xlsx"),
        (make_ooxml("ppt/presentation.xml"), "pptx"),
        (make_odf("application/vnd.oasis.opendocument.text"), "odt"),
        (make_odf("application/vnd.oasis.opendocument.spreadsheet"), "ods"),
        (make_odf("application/vnd.oasis.opendocument.presentation"), "odp"),
        (make_ole2(), "ole2"),
        (make_ooxml("word/document.xml", {"word/vbaProject.bin": b"\x00"}), "macro"),
        (make_odf("application/vnd.oasis.opendocument.text-template"), "unknown"),
        (HTML, "unknown"),
        (b"MZ\x90\x00" + bytes(200), "unknown"),
        (b"PK\x03\x04" + bytes(200), "broken"),
        (make_docx()[:-30], "broken"),
        (uploads.OLE2_MAGIC + bytes(20), "broken"),
    ],
)
def test_sniff_decides_by_content(content, kind):
    assert uploads.sniff_document(io.BytesIO(content)) == kind


def test_sniff_refuses_a_zip_that_unpacks_to_too_much(monkeypatch):
    monkeypatch.setattr(uploads, "ZIP_MAX_UNPACKED_SIZE", 50_000)
    bomb = make_ooxml("word/document.xml", {"word/media/zeros.bin": bytes(100_000)})
    assert len(bomb) < 5_000
    assert uploads.sniff_document(io.BytesIO(bomb)) == "packed"


def test_sniff_ignores_a_zip_appended_to_a_program():
    # zipfile would find the archive at the end; the file still starts as a program.
    assert uploads.sniff_document(io.BytesIO(b"MZ" + bytes(100) + make_docx())) == "unknown"


def test_macro_formats_are_refused_by_name():
    with pytest.raises(uploads.ValidationError) as refused:
        uploads.check_document(SimpleUploadedFile("makro.docm", make_docx()))
    assert refused.value.code == "document_macros"


# Documents in the admin.


def test_a_real_pdf_is_accepted_and_downloaded_as_attachment(editor_client):
    pdf = make_pdf()
    response = add_document(editor_client, "einladung.pdf", pdf, title="Einladung")
    assert response.status_code == 302, file_errors(response)
    document = Document.objects.get(title="Einladung")
    assert Path(document.file.path).read_bytes() == pdf
    assert document.file_size == len(pdf)

    download = editor_client.get(document.url)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert 'filename="einladung.pdf"' in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == pdf


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("protokoll.docx", make_docx(), DOCX_TYPE),
        (
            "protokoll.odt",
            make_odf("application/vnd.oasis.opendocument.text"),
            "application/vnd.oasis.opendocument.text",
        ),
    ],
)
def test_real_office_documents_are_accepted(editor_client, name, content, content_type):
    response = add_document(editor_client, name, content, title=name)
    assert response.status_code == 302, file_errors(response)
    document = Document.objects.get(title=name)
    download = editor_client.get(document.url)
    assert download["Content-Type"] == content_type
    assert download["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("einladung.pdf", HTML, "Die Datei „einladung.pdf“ ist kein PDF-Dokument."),
        ("einladung.pdf", make_docx(), "Die Datei „einladung.pdf“ ist kein PDF-Dokument."),
        ("protokoll.docx", bytes(range(256)) * 8, "„protokoll.docx“ ist kein Word-Dokument."),
        ("liste.xlsx", b"PK\x03\x04" + bytes(300), "„liste.xlsx“ ist beschädigt"),
        ("liste.xlsx", make_docx(), "„liste.xlsx“ ist keine Excel-Tabelle."),
        ("brief.odt", make_docx(), "„brief.odt“ ist kein OpenDocument-Text."),
        (
            "brief.docx",
            make_ooxml("word/document.xml", {"word/vbaProject.bin": b"\x00"}),
            "„brief.docx“ enthält Makros.",
        ),
        ("brief.docx", make_ole2(), "mit einem Kennwort geschützt"),
    ],
)
def test_documents_that_are_not_what_they_say_are_refused(editor_client, name, content, message):
    rows, files = Document.objects.count(), stored_files("documents")
    response = add_document(editor_client, name, content)
    assert response.status_code == 200
    errors = file_errors(response)
    # One clear message, not Wagtail's extension check on top of it.
    assert len(errors) == 1, errors
    assert message in errors[0]
    assert message in response.text
    assert Document.objects.count() == rows
    assert stored_files("documents") == files


def test_a_mismatch_says_what_is_allowed(editor_client):
    response = add_document(editor_client, "einladung.pdf", HTML)
    assert file_errors(response) == [
        "Die Datei „einladung.pdf“ ist kein PDF-Dokument. "
        "Erlaubt sind: PDF, Word, Excel, PowerPoint und OpenDocument."
    ]


def test_a_program_is_refused_by_its_extension(editor_client):
    response = add_document(editor_client, "setup.exe", b"MZ" + bytes(100))
    assert response.status_code == 200
    assert any("„exe“ ist nicht erlaubt" in error for error in file_errors(response))
    assert not Document.objects.filter(title="Testdokument").exists()


# A full disk, a failing disk.


def test_full_disk_gives_a_message_and_leaves_nothing(editor_client, full_disk):
    rows, files = Document.objects.count(), stored_files("documents")
    response = add_document(editor_client, "einladung.pdf", make_pdf())
    assert response.status_code == 200
    assert file_errors(response) == [str(uploads.DISK_FULL)]
    assert "nicht genug Speicherplatz" in response.text
    assert Document.objects.count() == rows
    assert stored_files("documents") == files  # the partial file was removed


def test_write_error_gives_a_message_and_leaves_nothing(editor_client, broken_disk):
    rows = Document.objects.count()
    response = add_document(editor_client, "einladung.pdf", make_pdf())
    assert response.status_code == 200
    assert file_errors(response) == [str(uploads.WRITE_FAILED)]
    assert Document.objects.count() == rows


def test_too_little_free_space_is_refused_before_writing(editor_client, monkeypatch):
    usage = uploads.shutil.disk_usage(settings.MEDIA_ROOT)
    monkeypatch.setattr(
        uploads.shutil,
        "disk_usage",
        lambda path: usage._replace(free=settings.UPLOAD_FREE_SPACE_MARGIN + 100),
    )
    writes = []
    monkeypatch.setattr(FileSystemStorage, "_save", lambda *args: writes.append(args))
    response = add_document(editor_client, "einladung.pdf", make_pdf())
    assert file_errors(response) == [str(uploads.DISK_FULL)]
    assert writes == []


def test_a_failed_save_of_the_row_removes_the_written_file(editor_client, monkeypatch):
    files = stored_files("documents")

    def fail(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(Document, "save", fail)
    editor_client.raise_request_exception = True
    with pytest.raises(RuntimeError):
        add_document(editor_client, "einladung.pdf", make_pdf())
    assert stored_files("documents") == files


def test_replacing_a_file_on_a_full_disk_keeps_the_old_one(editor_client, monkeypatch):
    add_document(editor_client, "alt.pdf", make_pdf(), title="Ersetzen")
    document = Document.objects.get(title="Ersetzen")
    old_path = Path(document.file.path)

    def _save(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(FileSystemStorage, "_save", _save)
    response = editor_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Ersetzen",
            "file": SimpleUploadedFile("neu.pdf", make_pdf()),
            "collection": root_collection_id(),
        },
    )
    assert response.status_code == 200
    assert file_errors(response) == [str(uploads.DISK_FULL)]
    document.refresh_from_db()
    assert Path(document.file.path) == old_path
    assert old_path.exists()


def test_replacing_a_file_deletes_the_old_one_once_saved(
    editor_client, django_capture_on_commit_callbacks
):
    add_document(editor_client, "vorher.pdf", make_pdf(), title="Austausch")
    document = Document.objects.get(title="Austausch")
    old_path = Path(document.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {
                "title": "Austausch",
                "file": SimpleUploadedFile("nachher.docx", make_docx()),
                "collection": root_collection_id(),
            },
        )
    assert response.status_code == 302, file_errors(response)
    document.refresh_from_db()
    assert document.filename.startswith("nachher")
    assert Path(document.file.path).exists()
    assert not old_path.exists()


# The multiple upload (a separate view, answering in JSON).


def test_multiple_upload_accepts_a_real_document(editor_client):
    response = add_documents_multiple(editor_client, "sammlung.pdf", make_pdf())
    data = response.json()
    assert data["success"] is True, data
    document = Document.objects.get(pk=data["doc_id"])
    assert Path(document.file.path).stat().st_size == document.file_size


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("sammlung.pdf", HTML, "ist kein PDF-Dokument"),
        ("sammlung.xlsx", b"PK\x03\x04" + bytes(300), "ist beschädigt"),
    ],
)
def test_multiple_upload_refuses_what_the_single_upload_refuses(
    editor_client, name, content, message
):
    rows, files = Document.objects.count(), stored_files("documents")
    data = add_documents_multiple(editor_client, name, content).json()
    assert data["success"] is False
    assert message in data["error_message"]
    assert Document.objects.count() == rows
    assert stored_files("documents") == files


def test_multiple_upload_on_a_full_disk(editor_client, full_disk):
    rows, files = Document.objects.count(), stored_files("documents")
    data = add_documents_multiple(editor_client, "sammlung.pdf", make_pdf()).json()
    assert data == {"success": False, "error_message": str(uploads.DISK_FULL)}
    assert Document.objects.count() == rows
    assert stored_files("documents") == files


def test_chooser_upload_checks_the_content_too(editor_client):
    response = editor_client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Aus dem Auswahlfenster",
            "document-chooser-upload-file": SimpleUploadedFile("falsch.pdf", HTML),
            "document-chooser-upload-collection": root_collection_id(),
        },
    )
    assert "ist kein PDF-Dokument" in response.json()["htmlFragment"]
    assert not Document.objects.filter(title="Aus dem Auswahlfenster").exists()


# Images.


def test_a_normal_image_is_accepted(editor_client):
    response = add_image(editor_client, "foto.png", make_png(800, 600), title="Foto")
    assert response.status_code == 302, file_errors(response)
    image = Image.objects.get(title="Foto")
    assert (image.width, image.height) == (800, 600)
    assert Path(image.file.path).exists()


def test_an_image_with_too_many_pixels_is_refused(editor_client):
    rows, files = Image.objects.count(), stored_files("original_images")
    big = make_png(8000, 6000)
    assert len(big) < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE  # small in bytes
    response = add_image(editor_client, "riesig.png", big)
    assert response.status_code == 200
    assert [error.code for error in response.context["form"].errors.as_data()["file"]] == [
        "file_too_many_pixels"
    ]
    assert "Dieses Bild hat zu viele Pixel (48000000)" in response.text
    assert Image.objects.count() == rows
    assert stored_files("original_images") == files


@pytest.mark.parametrize("content", [HTML, SVG])
def test_html_or_svg_named_png_is_refused(editor_client, content):
    rows = Image.objects.count()
    response = add_image(editor_client, "bild.png", content)
    assert response.status_code == 200
    codes = [error.code for error in response.context["form"].errors.as_data()["file"]]
    assert codes and set(codes) <= {"invalid_image", "invalid_image_known_format"}
    assert Image.objects.count() == rows


def test_image_on_a_full_disk(editor_client, full_disk):
    rows, files = Image.objects.count(), stored_files("original_images")
    response = add_image(editor_client, "foto.png", make_png(80, 60))
    assert file_errors(response) == [str(uploads.DISK_FULL)]
    assert Image.objects.count() == rows
    assert stored_files("original_images") == files


# Serving.


def test_documents_are_not_served_from_the_media_folder(editor_client, client):
    add_document(editor_client, "direkt.pdf", make_pdf(), title="Direkt")
    document = Document.objects.get(title="Direkt")
    assert Path(document.file.path).exists()
    name = document.file.name  # documents/direkt.pdf
    for url in [
        f"/media/{name}",
        f"/media/original_images/../{name}",
        f"/media//{name}",
        f"/media/./{name}",
    ]:
        assert client.get(url).status_code == 404, url
    assert client.get(document.url).status_code == 200


def test_original_images_are_served_from_the_media_folder(editor_client, client):
    add_image(editor_client, "offen.png", make_png(40, 30), title="Offen")
    image = Image.objects.get(title="Offen")
    response = client.get(f"/media/{image.file.name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"


def test_a_private_document_is_neither_downloaded_nor_served_as_media(client):
    collection = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="Intern", file=ContentFile(make_pdf(), name="intern.pdf"), collection=collection
    )
    response = client.get(document.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert client.get(f"/media/{document.file.name}").status_code == 404


# Translations.


@pytest.mark.parametrize("language", ["en", "es", "it", "tr", "ar"])
def test_messages_are_translated(language):
    messages = [
        *dict.fromkeys(uploads.NOT_A.values()),
        uploads.ALLOWED,
        uploads.MACROS,
        uploads.PROTECTED,
        uploads.BROKEN,
        uploads.PACKED,
        uploads.DISK_FULL,
        uploads.WRITE_FAILED,
    ]
    with translation.override("de"):
        german = [str(message) for message in messages]
    with translation.override(language):
        translated = [str(message) for message in messages]
    untranslated = [g for g, t in zip(german, translated, strict=True) if g == t]
    assert untranslated == []
    for text in translated:
        if "%(name)s" in text:
            assert text % {"name": "x.pdf"}

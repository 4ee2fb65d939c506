"""Uploads in the admin: documents checked by their content, room on the disk, nothing half-saved.

Wagtail checks a document only by its extension, so an HTML page or a program renamed to .pdf
would be published as a "PDF". ``check_document`` decides the real type from the bytes and
refuses what does not match. The forms below are Wagtail's document and image forms
(WAGTAILDOCS_DOCUMENT_FORM_BASE, WAGTAILIMAGES_IMAGE_FORM_BASE in the upload settings),
used by the add and edit views, the multiple upload and the choosers' upload tab.

They also write the uploaded file as the last step of validation rather than while saving
the row: Wagtail's views turn a failed save into a server error, but a form error is shown
to the editor. A full disk or a write error therefore leaves neither a row nor a file behind.
"""

from __future__ import annotations

import errno
import logging
import posixpath
import shutil
import zipfile
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import Storage
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

logger = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # legacy Office: doc, xls, ppt

# The part every Office Open XML file of each kind has, beside [Content_Types].xml.
OOXML_MAIN_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
# An OpenDocument file starts with a member "mimetype" that holds exactly this.
ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
# What a file of each allowed extension must turn out to be.
EXPECTED_KIND = {"pdf": "pdf", "doc": "ole2", "xls": "ole2", "ppt": "ole2"}
EXPECTED_KIND |= {extension: extension for extension in [*OOXML_MAIN_PARTS, *ODF_MIMETYPES]}
MACRO_EXTENSIONS = frozenset(
    ["docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppsm", "ppam", "sldm"]
)
# Beyond these, a ZIP is not an office document but a trap for whoever unpacks it.
ZIP_MAX_MEMBERS = 10_000
ZIP_MAX_UNPACKED_SIZE = 1024 * 1024 * 1024

NOT_A = {
    "pdf": _("Die Datei „%(name)s“ ist kein PDF-Dokument."),
    "doc": _("Die Datei „%(name)s“ ist kein Word-Dokument."),
    "xls": _("Die Datei „%(name)s“ ist keine Excel-Tabelle."),
    "ppt": _("Die Datei „%(name)s“ ist keine PowerPoint-Präsentation."),
    "odt": _("Die Datei „%(name)s“ ist kein OpenDocument-Text."),
    "ods": _("Die Datei „%(name)s“ ist keine OpenDocument-Tabelle."),
    "odp": _("Die Datei „%(name)s“ ist keine OpenDocument-Präsentation."),
}
NOT_A |= {"docx": NOT_A["doc"], "xlsx": NOT_A["xls"], "pptx": NOT_A["ppt"]}
ALLOWED = _("Erlaubt sind: PDF, Word, Excel, PowerPoint und OpenDocument.")
MACROS = _(
    "Die Datei „%(name)s“ enthält Makros. Dokumente mit Makros werden nicht angenommen; "
    "bitte speichern Sie die Datei ohne Makros, z. B. als .docx, .xlsx oder .pptx."
)
PROTECTED = _(
    "Die Datei „%(name)s“ ist mit einem Kennwort geschützt oder in einem alten "
    "Office-Format gespeichert. Bitte speichern Sie sie ohne Kennwort als .docx, .xlsx "
    "oder .pptx."
)
BROKEN = _(
    "Die Datei „%(name)s“ ist beschädigt oder unvollständig. Bitte speichern Sie sie neu "
    "und laden Sie sie noch einmal hoch."
)
PACKED = _("Die Datei „%(name)s“ ist ungewöhnlich stark gepackt und wird nicht angenommen.")
DISK_FULL = _(
    "Auf dem Server ist nicht genug Speicherplatz für diese Datei frei. Es wurde nichts "
    "gespeichert; bitte wenden Sie sich an die Administration."
)
WRITE_FAILED = _(
    "Die Datei konnte auf dem Server nicht gespeichert werden. Es wurde nichts gespeichert; "
    "bitte versuchen Sie es später noch einmal oder wenden Sie sich an die Administration."
)


def sniff_document(f: IO[bytes]) -> str:
    """The kind of document the bytes of ``f`` are, whatever its name says.

    One of "pdf", "ole2" (legacy Office), "docx", "xlsx", "pptx", "odt", "ods", "odp";
    "macro" (Office Open XML with a macro project), "packed" (a ZIP too large unpacked),
    "broken" (a ZIP that cannot be read) or "unknown". ZIP members are never unpacked:
    only the central directory is read, and at most a few bytes of an ODF "mimetype".
    """
    f.seek(0)
    try:
        head = f.read(512)
        if head.startswith(PDF_MAGIC):
            return "pdf"
        if head.startswith(OLE2_MAGIC):
            # Byte order mark and header size of a compound file, not just the signature.
            return "ole2" if len(head) == 512 and head[28:30] == b"\xfe\xff" else "broken"
        if head.startswith(ZIP_MAGIC):
            f.seek(0)
            return _sniff_zip(f)
        return "unknown"
    finally:
        f.seek(0)


def _sniff_zip(f: IO[bytes]) -> str:
    try:
        with zipfile.ZipFile(f) as archive:
            members = archive.infolist()
            if len(members) > ZIP_MAX_MEMBERS:
                return "packed"
            if sum(member.file_size for member in members) > ZIP_MAX_UNPACKED_SIZE:
                return "packed"
            names = {member.filename for member in members}
            if "[Content_Types].xml" in names:
                if any(name.lower().endswith("vbaproject.bin") for name in names):
                    return "macro"
                for kind, main_part in OOXML_MAIN_PARTS.items():
                    if main_part in names:
                        return kind
                return "unknown"
            first = members[0] if members else None
            if first and first.filename == "mimetype" and first.header_offset == 0:
                if first.file_size > 100:
                    return "unknown"
                with archive.open(first) as member:
                    mimetype = member.read(100)
                for kind, expected in ODF_MIMETYPES.items():
                    if mimetype == expected:
                        return kind
            return "unknown"
    # Everything zipfile raises for damaged, truncated, encrypted or exotic archives.
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError, NotImplementedError):
        return "broken"


def check_document(upload: UploadedFile) -> None:
    """Refuse a document whose content is not what its extension says (ValidationError)."""
    name = posixpath.basename(upload.name or "")
    extension = posixpath.splitext(name)[1][1:].lower()
    if extension in MACRO_EXTENSIONS:
        raise ValidationError(MACROS % {"name": name}, code="document_macros")
    expected = EXPECTED_KIND.get(extension)
    if expected is None:
        # Not an extension this module knows: Wagtail refuses it unless it is in
        # WAGTAILDOCS_EXTENSIONS, where an operator added it deliberately.
        return
    kind = sniff_document(upload)
    if kind == expected:
        return
    if kind == "macro":
        raise ValidationError(MACROS % {"name": name}, code="document_macros")
    if kind == "packed":
        raise ValidationError(PACKED % {"name": name}, code="document_packed")
    if kind == "broken":
        raise ValidationError(BROKEN % {"name": name}, code="document_broken")
    if kind == "ole2" and expected in OOXML_MAIN_PARTS:
        # Word & co. save a password-protected .docx as a compound file.
        raise ValidationError(PROTECTED % {"name": name}, code="document_protected")
    raise ValidationError(
        f"{NOT_A[extension] % {'name': name}} {ALLOWED}", code="document_type_mismatch"
    )


def check_free_space(storage: Storage, size: int) -> None:
    """Refuse an upload of ``size`` bytes that would leave the media disk (almost) full."""
    try:
        location = Path(storage.path(""))
    except NotImplementedError:
        return  # a remote storage, with limits of its own
    while not location.exists() and location != location.parent:
        location = location.parent  # MEDIA_ROOT may not exist before the first upload
    margin = getattr(settings, "UPLOAD_FREE_SPACE_MARGIN", 0)
    free = shutil.disk_usage(location).free
    if free < size + margin:
        logger.warning(
            "Upload of %d bytes refused: %d bytes free in %s (margin %d).",
            size,
            free,
            location,
            margin,
        )
        raise ValidationError(DISK_FULL, code="disk_full")


class StagedUploadMixin:
    """Writes the upload while validating, so that a failed write is a form error.

    Wagtail's views validate the form, then save it in a transaction; an OSError from the
    storage at that point is a server error for the editor and, with Django's file storage,
    leaves a partly written file. Here the write is the last step of validation: if it
    fails, the partial file is removed and the form shows why; if it succeeds, the row
    refers to a file that is complete. A failed save removes the written file again.
    """

    upload_field = "file"
    _staged_name: str | None = None

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get(self.upload_field)
        if isinstance(upload, UploadedFile):
            check_free_space(self._upload_storage(), upload.size)
        return upload

    def full_clean(self) -> None:
        super().full_clean()
        if self.is_bound and not self._errors:
            upload = self.cleaned_data.get(self.upload_field)
            if isinstance(upload, UploadedFile):
                self._stage(upload)

    def save(self, commit: bool = True) -> models.Model:
        try:
            return super().save(commit=commit)
        except BaseException:
            self._discard_staged()
            raise

    def _upload_storage(self) -> Storage:
        return self.instance._meta.get_field(self.upload_field).storage

    def _stage(self, upload: UploadedFile) -> None:
        field = self.instance._meta.get_field(self.upload_field)
        if self._staged_name is None:
            storage = field.storage
            name = field.generate_filename(self.instance, upload.name)
            # Chosen here, so that a partial file can be found again if the write fails.
            name = storage.get_available_name(name, max_length=field.max_length)
            upload.seek(0)
            try:
                self._staged_name = storage.save(name, upload, max_length=field.max_length)
            except OSError as error:
                self._remove_partial(storage, name)
                full = error.errno in (errno.ENOSPC, errno.EDQUOT)
                logger.error("Upload %s could not be written: %s", name, error)
                self.add_error(self.upload_field, DISK_FULL if full else WRITE_FAILED)
                return
        # A name instead of the upload: the model's save no longer writes the file.
        setattr(self.instance, field.attname, self._staged_name)

    @staticmethod
    def _remove_partial(storage: Storage, name: str) -> None:
        # Django's file storage leaves what it wrote so far. (Had a concurrent upload taken
        # the same name in the same instant, the storage wrote under another name and this
        # removes the other upload's file: a race accepted as negligible.)
        try:
            if storage.exists(name):
                storage.delete(name)
        except OSError:
            logger.exception("Partial upload %s could not be removed.", name)

    def _discard_staged(self) -> None:
        if self._staged_name is not None:
            self._remove_partial(self._upload_storage(), self._staged_name)
            self._staged_name = None


class DocumentForm(StagedUploadMixin, BaseDocumentForm):
    """Wagtail's document form, with the content check and the staged write."""

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            check_document(upload)
        return super().clean_file()

    def _post_clean(self) -> None:
        refused = list(self._errors.get("file", []))
        super()._post_clean()
        # Wagtail's Document.clean() checks the extension of the file on the instance, which
        # is still empty when the upload was refused: a second message, about „“. Drop it.
        if refused and not self.instance.file:
            self._errors["file"].data = self._errors["file"].data[: len(refused)]

    def save(self, commit: bool = True) -> models.Model:
        replaced = self.original_file if commit and self._staged_name is not None else None
        if replaced:
            # Wagtail deletes the replaced file before saving the row; delete it only once
            # the new row is committed, so a failed save keeps the document whole.
            self.original_file = None
        instance = super().save(commit=commit)
        if replaced:
            storage, name = replaced.storage, replaced.name
            transaction.on_commit(lambda: storage.delete(name))
        return instance


class ImageForm(StagedUploadMixin, BaseImageForm):
    """Wagtail's image form, with the free space check and the staged write.

    Wagtail's image field already checks the content (Willow must recognise it, in the format
    of its extension), the size and the number of pixels.
    """

"""Backup and restore of the whole site: the database and MEDIA_ROOT in one archive.

The archive (``manage.py backup_site``) is a gzipped tar holding

- ``database.json``: every row but the excluded ones (EXCLUDED), in Django's fixture format,
  so it loads into SQLite or PostgreSQL alike (``manage.py loaddata`` reads it too);
- ``media/…``: every file under MEDIA_ROOT except image renditions;
- ``manifest.json``: format version, creation time, Django and Wagtail versions, object and
  file counts and the SHA-256 of the dump and of every file.

``manage.py restore_site`` checks all of it before it changes anything, replaces the database
content in one transaction, swaps the media folder in afterwards and rebuilds what the
backup leaves out (search index, reference index, caches).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import shutil
import stat
import tarfile
import tempfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import DEFAULT_DB_ALIAS, connection, router, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_save, pre_save

FORMAT = "migraup-site-backup"
VERSION = 1
MANIFEST = "manifest.json"
DUMP = "database.json"
MEDIA = "media"

# Rows a backup leaves out because they are rebuilt or must not come back (app labels or
# app.model; labels of apps that are not installed match nothing). Embeds are kept: they
# are a cache too, but refetching them needs every provider to still answer.
EXCLUDED = (
    # Derived data, rebuilt by restore_site (update_index, rebuild_references_index; the
    # site's update_index also writes the search's vocabulary).
    "wagtailsearch",
    "search.pagewords",
    "wagtailcore.referenceindex",
    # Resized images: Wagtail makes them again on first use. Their files (media/images/) are
    # skipped too, so no row can point to a missing file and the archive stays small.
    "wagtailimages.rendition",
    # Logins, login attempts and lockouts must not come back with old data.
    "sessions",
    "axes",
    # Django admin's log (not installed; Wagtail's own audit log is content and kept).
    "admin.logentry",
    # Transient: who edits what right now, unsaved form state, queued background tasks.
    "wagtailadmin.editingsession",
    "wagtailadmin.formstate",
    "django_tasks_database",
)
# Wagtail's rendition files (AbstractRendition.get_upload_to), under MEDIA_ROOT.
RENDITIONS_DIR = "images"
# Content types and permissions get new ids when a restore's flush recreates them, so the
# dump names them, and every reference to them, by natural key. All other rows keep their
# ids: StreamField and rich text refer to pages, images and documents by raw id.
BY_NATURAL_KEY = (ContentType, Permission)
# Rows named by natural key in natural key order: their ids differ between databases.
ORDERING = {
    ContentType: ["app_label", "model"],
    Permission: ["content_type__app_label", "content_type__model", "codename"],
}
# Names of restore_site's working folders (next to MEDIA_ROOT, or inside it if it is a mount
# point); backups skip them.
WORK_PREFIX = ".restore-"


class BackupError(CommandError):
    """A backup or restore that cannot proceed; the message tells the operator why."""


@dataclass
class BackupResult:
    path: Path
    objects: int
    files: int
    size: int
    skipped: list[str] = field(default_factory=list)


@dataclass
class RestoreResult:
    objects: int
    files: int
    created: str
    warnings: list[str] = field(default_factory=list)


# --- Database dump ------------------------------------------------------------------------


class _Encoder(DjangoJSONEncoder):
    """Times with their microseconds (DjangoJSONEncoder cuts them to milliseconds): Wagtail
    orders revisions and compares edit times by them."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, time) and o.utcoffset() is None:
            return o.isoformat()
        return super().default(o)


class _Serializer(JSONSerializer):
    """Django's fixture JSON, with natural keys for content types and permissions only.

    dumpdata --natural-foreign would name pages by url_path too, and it fails outright on
    Wagtail's log entries of deleted pages (a foreign key without a database constraint).
    """

    def __init__(self) -> None:
        super().__init__()
        self._permission_keys: dict[int, tuple[str, str, str]] | None = None

    def _permission_key(self, pk: int) -> tuple[str, str, str]:
        if self._permission_keys is None:
            self._permission_keys = {
                perm.pk: perm.natural_key()
                for perm in Permission.objects.select_related("content_type")
            }
        return self._permission_keys[pk]

    def get_dump_object(self, obj: Model) -> dict[str, Any]:
        data: dict[str, Any] = {"model": str(obj._meta)}
        if not isinstance(obj, BY_NATURAL_KEY):
            data["pk"] = self._value_from_field(obj, obj._meta.pk)
        data["fields"] = self._current
        return data

    def handle_fk_field(self, obj: Model, field) -> None:
        value = getattr(obj, field.attname)
        if field.related_model is ContentType:
            self._current[field.name] = (
                None if value is None else ContentType.objects.get_for_id(value).natural_key()
            )
        elif field.related_model is Permission:
            self._current[field.name] = None if value is None else self._permission_key(value)
        else:
            super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj: Model, field) -> None:
        if field.related_model is Permission and field.remote_field.through._meta.auto_created:
            related = getattr(obj, field.name).order_by(*ORDERING[Permission])
            pks = related.values_list("pk", flat=True)
            self._current[field.name] = [self._permission_key(pk) for pk in pks]
        else:
            super().handle_m2m_field(obj, field)


def _is_excluded(model: type[Model]) -> bool:
    return model._meta.app_label in EXCLUDED or model._meta.label_lower in EXCLUDED


def dumped_models() -> list[type[Model]]:
    """The models whose rows a backup holds: content types and permissions first (others
    refer to them by natural key), then app by app. Unmanaged and proxy models are left out,
    as flush leaves their tables alone."""
    models = [
        model
        for app_config in apps.get_app_configs()
        for model in app_config.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and not _is_excluded(model)
        and router.allow_migrate_model(DEFAULT_DB_ALIAS, model)
    ]
    first = list(BY_NATURAL_KEY)
    return sorted(models, key=lambda model: first.index(model) if model in first else len(first))


@contextmanager
def _snapshot() -> Iterator[None]:
    """One transaction for the whole dump, so edits saved meanwhile cannot tear it apart.

    PostgreSQL needs REPEATABLE READ for that (READ COMMITTED takes a new snapshot per
    statement); a SQLite transaction reads one snapshot anyway.
    """
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def dump_database(stream: io.TextIOBase) -> Counter[str]:
    """Write the database as fixture JSON to stream; returns the number of rows per model."""
    counts: Counter[str] = Counter()

    def objects() -> Iterator[Model]:
        for model in dumped_models():
            for obj in model._base_manager.order_by(*ORDERING.get(model, ["pk"])).iterator(
                chunk_size=1000
            ):
                counts[model._meta.label_lower] += 1
                yield obj

    with _snapshot():
        _Serializer().serialize(objects(), stream=stream, cls=_Encoder)
    return counts


def _migration_leaves() -> dict[str, list[str]]:
    """The latest migrations of every app in the code (the schema the dump has)."""
    leaves: dict[str, list[str]] = {}
    for app_label, name in sorted(
        MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes()
    ):
        leaves.setdefault(app_label, []).append(name)
    return leaves


# --- Media files --------------------------------------------------------------------------


def media_files(root: Path, skipped: list[str] | None = None) -> Iterator[tuple[str, Path]]:
    """(path relative to root, path) of every regular file under root, renditions and
    restore_site's working folders left out; symbolic links and special files are listed in
    skipped instead."""
    if not root.is_dir():
        return
    for dirpath, dirnames, filenames in os.walk(root):
        relative = PurePosixPath(Path(dirpath).relative_to(root).as_posix())
        if relative == PurePosixPath("."):
            dirnames[:] = [
                name
                for name in dirnames
                if name != RENDITIONS_DIR and not name.startswith(WORK_PREFIX)
            ]
        dirnames.sort()
        for name in sorted(filenames + [d for d in dirnames if Path(dirpath, d).is_symlink()]):
            path = Path(dirpath, name)
            if path.is_symlink() or not path.is_file():
                if skipped is not None:
                    skipped.append(str(relative / name))
                continue
            yield str(relative / name), path


class _HashingReader:
    """A file wrapper that hashes what tarfile reads through it."""

    def __init__(self, file: BinaryIO) -> None:
        self.file = file
        self.sha256 = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.file.read(size)
        self.sha256.update(data)
        return data


def _add_file(tar: tarfile.TarFile, name: str, path: Path) -> tuple[str, int]:
    """Add path as name; returns its SHA-256 and size as stored (read once, so a file that
    changes meanwhile cannot disagree with its checksum)."""
    with path.open("rb") as file:
        info = tarfile.TarInfo(name)
        status = os.fstat(file.fileno())
        info.size, info.mtime, info.mode = status.st_size, int(status.st_mtime), 0o644
        reader = _HashingReader(file)
        tar.addfile(info, reader)
    return reader.sha256.hexdigest(), info.size


def _check_migrated(then: str) -> None:
    """The dump's rows have the code's fields: a database behind the code cannot be dumped
    or loaded (and a clear message beats a traceback)."""
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise BackupError(f"The database is not fully migrated: run manage.py migrate, {then}.")


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


# --- Backup -------------------------------------------------------------------------------


def create_backup(target: Path) -> BackupResult:
    """Write database and media to the archive target, atomically: the archive is built in
    a hidden working folder next to target and renamed at the end, so an interrupted backup
    leaves no half archive under the target's name (and an older archive there stays)."""
    target = Path(target).absolute()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    if not target.parent.is_dir():
        raise BackupError(f"The folder {target.parent} does not exist.")
    if _is_within(target.parent.resolve(), media_root):
        raise BackupError(
            f"{target} is inside MEDIA_ROOT ({media_root}): the web server would publish it. "
            "Write the backup elsewhere."
        )
    if target.is_dir():
        raise BackupError(f"{target} is a folder; name the archive file, e.g. site.tar.gz.")
    _check_migrated("then back up")

    workdir = Path(
        tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    )
    try:
        dump_path = workdir / DUMP
        with dump_path.open("w", encoding="utf-8") as stream:
            counts = dump_database(stream)
        dump_sha256 = hashlib.sha256(dump_path.read_bytes()).hexdigest()

        partial = workdir / "archive.tar.gz"
        files: dict[str, dict[str, Any]] = {}
        skipped: list[str] = []
        # 0600: the archive holds password hashes and form submissions.
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as raw:
            with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar:
                _add_file(tar, DUMP, dump_path)
                for name, path in media_files(media_root, skipped):
                    sha256, size = _add_file(tar, f"{MEDIA}/{name}", path)
                    files[name] = {"sha256": sha256, "size": size}
                manifest = {
                    "format": FORMAT,
                    "version": VERSION,
                    "created": datetime.now(UTC).isoformat(timespec="seconds"),
                    "django": django.get_version(),
                    "wagtail": wagtail.__version__,
                    "database_vendor": connection.vendor,
                    "objects": sum(counts.values()),
                    "files": len(files),
                    "media_bytes": sum(entry["size"] for entry in files.values()),
                    "dump": {"name": DUMP, "sha256": dump_sha256, "size": dump_path.stat().st_size},
                    "objects_per_model": dict(sorted(counts.items())),
                    "excluded": list(EXCLUDED),
                    "renditions_skipped": f"{RENDITIONS_DIR}/",
                    "migrations": _migration_leaves(),
                    "media": files,
                }
                data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime, info.mode = len(data), int(datetime.now().timestamp()), 0o644
                tar.addfile(info, io.BytesIO(data))
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, target)
        return BackupResult(target, manifest["objects"], len(files), target.stat().st_size, skipped)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


# --- Reading an archive -------------------------------------------------------------------


class BackupArchive:
    """An archive made by create_backup, checked before anything is read from it:
    the whole gzip stream (its CRC), every member's name and type, the manifest, and that
    the members are exactly the files the manifest lists."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise BackupError(f"No such file: {self.path}")
        self.tar: tarfile.TarFile | None = None
        try:
            # Reading to the end checks the CRC: tarfile stops at the last member.
            with gzip.open(self.path, "rb") as stream:
                while stream.read(1 << 20):
                    pass
            self.tar = tarfile.open(self.path, "r:gz")  # noqa: SIM115 - closed by close()
            self._check_members(self.tar.getmembers())
            self.manifest = self._read_manifest()
            self._check_dump()
        except (OSError, EOFError, zlib.error, tarfile.TarError) as error:
            self.close()
            raise BackupError(
                f"{self.path} is not a readable site backup (damaged, or not a .tar.gz "
                f"archive made by backup_site): {error}"
            ) from None
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self.tar is not None:
            self.tar.close()

    def __enter__(self) -> BackupArchive:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _refuse(self, problem: str) -> BackupError:
        return BackupError(f"{self.path} is refused: {problem}")

    def _check_members(self, members: list[tarfile.TarInfo]) -> None:
        self.members: dict[str, tarfile.TarInfo] = {}
        for member in members:
            name = member.name
            path = PurePosixPath(name)
            # Canonical relative names only: no absolute paths, "..", "." or "//" that an
            # extraction could resolve outside the target folder.
            if not name or path.is_absolute() or ".." in path.parts or str(path) != name:
                raise self._refuse(f"{name!r} is an unsafe path (absolute, or not canonical)")
            if not member.isfile():
                kind = (
                    "a symbolic link"
                    if member.issym()
                    else "a hard link"
                    if member.islnk()
                    else "a folder entry"
                    if member.isdir()
                    else "a special file"
                )
                raise self._refuse(f"{name!r} is {kind}; a backup holds regular files only")
            if name not in (MANIFEST, DUMP) and (path.parts[0] != MEDIA or len(path.parts) < 2):
                raise self._refuse(f"unexpected member {name!r}")
            if name in self.members:
                raise self._refuse(f"{name!r} appears twice")
            self.members[name] = member
        if MANIFEST not in self.members:
            raise BackupError(
                f"{self.path} is not a site backup made by backup_site (no {MANIFEST})."
            )
        if DUMP not in self.members:
            raise self._refuse(f"it has no {DUMP}")

    def _read_manifest(self) -> dict[str, Any]:
        try:
            manifest = json.loads(self.read(MANIFEST))
            if manifest.get("format") != FORMAT:
                raise BackupError(f"{self.path} is not a site backup made by backup_site.")
            if manifest.get("version") != VERSION:
                raise BackupError(
                    f"{self.path} has backup format version {manifest.get('version')}; "
                    f"this version of the site reads version {VERSION}."
                )
            checks = [
                isinstance(manifest["objects"], int),
                isinstance(manifest["files"], int),
                isinstance(manifest["dump"]["sha256"], str),
                isinstance(manifest["created"], str),
                all(isinstance(entry["sha256"], str) for entry in manifest["media"].values()),
            ]
        except (ValueError, KeyError, TypeError, AttributeError):
            raise self._refuse(f"its {MANIFEST} is damaged") from None
        if not all(checks):
            raise self._refuse(f"its {MANIFEST} is damaged")
        listed = {f"{MEDIA}/{name}" for name in manifest["media"]}
        present = set(self.members) - {MANIFEST, DUMP}
        if listed != present or len(listed) != manifest["files"]:
            missing = sorted(listed - present)[:3]
            extra = sorted(present - listed)[:3]
            raise self._refuse(
                f"its media files do not match the manifest (missing {missing}, unlisted {extra})"
            )
        return manifest

    def _check_dump(self) -> None:
        file = self.tar.extractfile(self.members[DUMP])
        digest = hashlib.sha256()
        while chunk := file.read(1 << 20):
            digest.update(chunk)
        if digest.hexdigest() != self.manifest["dump"]["sha256"]:
            raise BackupError(
                f"{self.path} is damaged: {DUMP} does not match its SHA-256 in the manifest."
            )

    def read(self, name: str) -> bytes:
        file = self.tar.extractfile(self.members[name])
        assert file is not None  # regular files only (checked above)
        return file.read()

    def extract(self, name: str, destination: Path, sha256: str) -> None:
        """Copy one member to destination (which must not exist), checking its SHA-256."""
        source = self.tar.extractfile(self.members[name])
        assert source is not None
        digest = hashlib.sha256()
        with destination.open("xb") as out:
            while chunk := source.read(1 << 20):
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != sha256:
            raise BackupError(
                f"{self.path} is damaged: {name} does not match its SHA-256 in the manifest."
            )
        mtime = self.members[name].mtime
        os.utime(destination, (mtime, mtime))


# --- Restore ------------------------------------------------------------------------------


def existing_content() -> dict[str, int]:
    """What a restore would overwrite: content a freshly migrated site does not have."""
    from wagtail.contrib.forms.models import FormSubmission
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    counts = {
        # Migrations create the tree root and a welcome page, both plain Page objects.
        "pages": Page.objects.exclude(content_type=ContentType.objects.get_for_model(Page)).count(),
        "users": get_user_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "form submissions": FormSubmission.objects.count(),
        "files under MEDIA_ROOT": sum(1 for _ in media_files(Path(settings.MEDIA_ROOT))),
    }
    return {what: count for what, count in counts.items() if count}


def _count(count: int, plural: str) -> str:
    """ "1 page", "2 pages" for the labels of existing_content."""
    singular = {
        "pages": "page",
        "users": "user",
        "documents": "document",
        "images": "image",
        "form submissions": "form submission",
        "files under MEDIA_ROOT": "file under MEDIA_ROOT",
    }
    return f"{count} {singular.get(plural, plural) if count == 1 else plural}"


@contextmanager
def _muted_save_signals() -> Iterator[None]:
    """No save signal receivers while a restore loads rows.

    loaddata saves with raw=True, which most receivers honour, but not all: the materials'
    receiver extracts a document's text from a file the restore has not put back yet,
    wagtail-localize rewrites draft titles and syncs locale trees. The rows come back as
    they were; what receivers derive from them is rebuilt afterwards.
    """
    signals = (pre_save, post_save, m2m_changed)
    saved = []
    for signal in signals:
        with signal.lock:
            saved.append(signal.receivers)
            signal.receivers = []
            signal.sender_receivers_cache.clear()
    try:
        yield
    finally:
        for signal, receivers in zip(signals, saved, strict=True):
            with signal.lock:
                known = {receiver[0] for receiver in receivers}
                added = [receiver for receiver in signal.receivers if receiver[0] not in known]
                signal.receivers = receivers + added
                signal.sender_receivers_cache.clear()


def _work_location(media_root: Path) -> Path:
    """Where the new media are unpacked: next to MEDIA_ROOT, so a rename swaps them in, or
    inside it when it is a mount point (a volume cannot be renamed)."""
    if media_root.is_dir() and os.path.ismount(media_root):
        return media_root
    media_root.parent.mkdir(parents=True, exist_ok=True)
    return media_root.parent


def _swap_media(staged: Path, media_root: Path, workdir: Path) -> None:
    """Put the unpacked media in MEDIA_ROOT's place; the old files go to workdir/old."""
    old = workdir / "old"
    if workdir.parent == media_root:
        # Mount point: move its entries instead of the folder.
        old.mkdir()
        for entry in media_root.iterdir():
            if not entry.name.startswith(WORK_PREFIX):
                os.rename(entry, old / entry.name)
        for entry in staged.iterdir():
            os.rename(entry, media_root / entry.name)
        return
    if media_root.exists():
        os.chmod(staged, stat.S_IMODE(media_root.stat().st_mode))
        os.rename(media_root, old)
    try:
        os.rename(staged, media_root)
    except OSError:
        if old.exists():
            os.rename(old, media_root)
        raise


def restore_backup(
    path: Path, *, confirmed: bool, log: Callable[[str], None] = lambda message: None
) -> RestoreResult:
    """Replace database content and media with the archive's; see the module docstring."""
    # Resolved: if MEDIA_ROOT is a symbolic link, the folder it points to is replaced.
    media_root = Path(settings.MEDIA_ROOT).resolve()
    with BackupArchive(path) as archive:
        manifest = archive.manifest
        warnings = _version_warnings(manifest)
        _check_migrated("then restore")
        content = existing_content()
        if content and not confirmed:
            listing = ", ".join(_count(count, what) for what, count in content.items())
            raise BackupError(
                " ".join(
                    [
                        f"This site has content: {listing}. Restoring replaces all of it with "
                        f"the backup of {manifest['created']} ({manifest['objects']} objects, "
                        f"{manifest['files']} files). Run again with --yes to do so.",
                        *warnings,
                    ]
                )
            )
        workdir = Path(
            tempfile.mkdtemp(
                prefix=f"{WORK_PREFIX}{media_root.name}-", dir=_work_location(media_root)
            )
        )
        keep_workdir = False
        try:
            staged = _unpack(archive, workdir)
            log(f"Checked and unpacked {manifest['files']} files; replacing the database …")
            _load_database(workdir / DUMP)
            try:
                _swap_media(staged, media_root, workdir)
            except OSError as error:
                keep_workdir = True
                raise BackupError(
                    f"The database was restored, but the media files could not be swapped in "
                    f"({error}). The restored files are in {staged}; move them to {media_root}."
                ) from error
        finally:
            if not keep_workdir:
                shutil.rmtree(workdir, ignore_errors=True)

    # Cached pages, menus, renditions and site roots describe the replaced content.
    for alias in settings.CACHES:
        caches[alias].clear()
    ContentType.objects.clear_cache()
    log("Rebuilding the search index …")
    try:
        call_command("update_index", verbosity=0, stdout=io.StringIO())
    except Exception as error:  # noqa: BLE001 - the restore itself succeeded
        warnings.append(
            f"The search index could not be rebuilt ({error}); run manage.py update_index."
        )
    return RestoreResult(manifest["objects"], manifest["files"], manifest["created"], warnings)


def _unpack(archive: BackupArchive, workdir: Path) -> Path:
    """Unpack dump and media into workdir, checking every checksum; returns the media folder."""
    manifest = archive.manifest
    staged = workdir / MEDIA
    try:
        archive.extract(DUMP, workdir / DUMP, manifest["dump"]["sha256"])
        staged.mkdir()
        for name, entry in manifest["media"].items():
            destination = staged.joinpath(*PurePosixPath(name).parts)
            # The member names were checked; this holds even if that check had a gap.
            if not destination.resolve().is_relative_to(staged.resolve()):
                raise BackupError(f"{archive.path} is refused: {name!r} leads outside MEDIA_ROOT")
            destination.parent.mkdir(parents=True, exist_ok=True)
            archive.extract(f"{MEDIA}/{name}", destination, entry["sha256"])
    except (OSError, EOFError, zlib.error, tarfile.TarError) as error:
        raise BackupError(f"Could not unpack {archive.path} into {workdir}: {error}") from error
    return staged


def _load_database(dump_path: Path) -> None:
    """Replace every table's rows with the dump's, in one transaction."""
    try:
        with transaction.atomic():
            # flush recreates content types and permissions (post_migrate), which the dump
            # matches by natural key; loaddata resets PostgreSQL's sequences itself.
            call_command("flush", interactive=False, verbosity=0)
            with _muted_save_signals():
                call_command("loaddata", str(dump_path), verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
    except Exception as error:  # noqa: BLE001 - whatever failed, the old data is intact
        raise BackupError(f"Restoring the database failed, nothing was changed: {error}") from error


def _version_warnings(manifest: dict[str, Any]) -> list[str]:
    """Differences between the versions that made the backup and this code."""
    warnings = []
    for name, current in (("django", django.get_version()), ("wagtail", wagtail.__version__)):
        if manifest.get(name) != current:
            warnings.append(
                f"The backup was made with {name.title()} {manifest.get(name)}, this site runs "
                f"{current}."
            )
    if isinstance(manifest.get("migrations"), dict):
        current = _migration_leaves()
        differing = sorted(
            app
            for app in set(current) | set(manifest["migrations"])
            if current.get(app) != manifest["migrations"].get(app)
        )
        if differing:
            warnings.append(
                "The backup's database schema differs from this code's in "
                f"{', '.join(differing)}: restore with the version that made the backup, "
                "then upgrade and migrate."
            )
    return warnings

"""backup_site and restore_site: a round trip of the demo content, and archives refused.

The commands run inside each test's transaction (the ordinary ``db`` mark): restore_site's
transaction becomes a savepoint, and the rollback at the end puts the demo content back
exactly as it was (ids, content types, search index) for the tests that follow. A
``transaction=True`` test would end by truncating every table, the session's demo content
included. Restores swap MEDIA_ROOT, so each test gets a copy of the demo media as its own.
"""

import hashlib
import io
import json
import re
import shutil
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail_localize.models import Translation, TranslationSource

from core.models import StandardPage
from materials.models import MaterialFile
from operations.backup import _swap_media, dump_database
from projects.models import ProjectPage, ProjectPartner

pytestmark = pytest.mark.django_db

MIGRAPOWER = "/de/projekte/migrapower/"
KOMMUNE = "/de/projekte/kommune-interkulturell/"


@pytest.fixture(scope="module")
def archive(tmp_path_factory, django_db_setup, django_db_blocker) -> Path:
    """A backup of the demo content, made once; tests that damage it work on copies."""
    path = tmp_path_factory.mktemp("backup") / "site.tar.gz"
    with django_db_blocker.unblock():
        call_command("backup_site", str(path), stdout=io.StringIO())
    return path


@pytest.fixture
def media_root(settings, tmp_path) -> Path:
    """A copy of the demo media as MEDIA_ROOT, so swapping it leaves the session's alone."""
    root = tmp_path / "media"
    shutil.copytree(settings.MEDIA_ROOT, root)
    settings.MEDIA_ROOT = root
    return root


@pytest.fixture(autouse=True)
def forget_restored_state():
    """The rollback undoes a restore's rows, not what processes cached from them: content
    types recreated with other ids, pages rendered from the restored state."""
    yield
    ContentType.objects.clear_cache()
    for alias in settings.CACHES:
        caches[alias].clear()


def settle() -> None:
    """Run PostgreSQL's deferred foreign key checks of the test's edits now.

    A real restore starts its own transaction; here the edits are still pending in the
    test's, and PostgreSQL refuses to TRUNCATE (flush) tables with pending checks.
    """
    connection.check_constraints()


def page(url: str) -> Page:
    language, path = url.strip("/").split("/", 1)
    return Page.objects.get(url_path__endswith=f"/{path}/", locale__language_code=language)


def files(root: Path) -> dict[str, str]:
    """SHA-256 of every file under root, by relative path."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def database() -> list[dict]:
    """Every row a backup holds, as the backup writes it."""
    stream = io.StringIO()
    dump_database(stream)
    return json.loads(stream.getvalue())


def manifest_of(path: Path) -> dict:
    with tarfile.open(path) as tar:
        return json.load(tar.extractfile("manifest.json"))


def publish_title(page: Page, title: str) -> None:
    page = page.specific
    page.title = title
    page.save_revision().publish()


def repack(
    source: Path,
    target: Path,
    edit: Callable[[dict[str, bytes]], None] = lambda members: None,
    extra: tuple[tuple[tarfile.TarInfo, bytes | None], ...] = (),
) -> Path:
    """Copy an archive with its members edited (name -> bytes) and extra members added."""
    with tarfile.open(source) as tar:
        members = {member.name: tar.extractfile(member).read() for member in tar.getmembers()}
    edit(members)
    with tarfile.open(target, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        for info, data in extra:
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return target


def restamp(members: dict[str, bytes]) -> None:
    """Make the manifest's checksum match an edited dump, as a valid-looking archive would."""
    manifest = json.loads(members["manifest.json"])
    manifest["dump"]["sha256"] = hashlib.sha256(members["database.json"]).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()


def site_state(media_root: Path) -> dict:
    """What a reader or operator would notice if a refused restore had changed anything."""
    return {
        "pages": Page.objects.count(),
        "title": page(MIGRAPOWER).title,
        "files": files(media_root),
        # No working folders left next to MEDIA_ROOT.
        "next to media": sorted(path.name for path in media_root.parent.iterdir()),
    }


@pytest.fixture
def archives(tmp_path) -> Path:
    """A folder for damaged archives, away from MEDIA_ROOT's neighbours."""
    folder = tmp_path / "archives"
    folder.mkdir()
    return folder


def test_round_trip_brings_back_pages_tree_translations_and_files(client, media_root, tmp_path):
    image = get_image_model().objects.get()
    image.get_rendition("fill-20x20")  # a rendition row and file the backup leaves out
    assert (media_root / "images").is_dir()
    # The German flyer (the material holds one file per language).
    document = MaterialFile.objects.filter(language="de").select_related("document")[0].document
    document_bytes = Path(document.file.path).read_bytes()
    kommune, migrapower = page(KOMMUNE), page(MIGRAPOWER)
    kommune_id, kommune_path, document_id = kommune.pk, kommune.path, document.pk
    partners = sorted(
        ProjectPartner.objects.values_list("project", "partner", "role", "sort_order")
    )
    before = database()

    out = io.StringIO()
    call_command("backup_site", str(tmp_path / "site.tar.gz"), stdout=out)
    archive = tmp_path / "site.tar.gz"
    manifest = manifest_of(archive)
    assert (
        f"Backed up {manifest['objects']} objects and {manifest['files']} files" in out.getvalue()
    )
    assert archive.stat().st_mode & 0o777 == 0o600  # password hashes, form submissions
    assert manifest["objects"] == len(before)
    assert manifest["objects_per_model"]["wagtailcore.page"] == Page.objects.count()
    for left_out in ("wagtailimages.rendition", "wagtailcore.referenceindex", "sessions.session"):
        assert left_out not in manifest["objects_per_model"]
    assert not any(model.startswith("wagtailsearch.") for model in manifest["objects_per_model"])
    assert sorted(manifest["media"]) == sorted(
        name for name in files(media_root) if not name.startswith("images/")
    )
    # No working folder left behind.
    assert sorted(entry.name for entry in tmp_path.iterdir()) == ["media", "site.tar.gz"]

    # Changes a reader would notice: a project gone, another renamed, a document deleted.
    assert client.get(MIGRAPOWER).status_code == 200  # cached for anonymous readers
    publish_title(migrapower, "Umbenannt")
    publish_title(migrapower.get_translation(Locale.objects.get(language_code="en")), "Renamed")
    kommune.delete()
    Path(document.file.path).unlink()
    document.delete()
    settle()
    assert client.get(KOMMUNE).status_code == 404
    assert "<h1>Umbenannt</h1>" in client.get(MIGRAPOWER).content.decode()

    out = io.StringIO()
    call_command("restore_site", str(archive), yes=True, stdout=out)
    assert f"Restored {manifest['objects']} objects and {manifest['files']} files" in out.getvalue()

    # Every row the backup holds is back, byte for byte as the backup writes it.
    assert database() == before
    assert all(not problems for problems in Page.find_problems())
    restored = page(KOMMUNE)
    assert (restored.pk, restored.path, restored.title) == (kommune_id, kommune_path, kommune.title)
    titles = {
        p.locale.language_code: p.title
        for p in Page.objects.filter(translation_key=migrapower.translation_key)
    }
    assert titles == dict.fromkeys(("de", "en", "es", "it", "tr", "ar"), "MigraPower")
    assert page(MIGRAPOWER).specific.latest_revision.content["title"] == "MigraPower"
    source = TranslationSource.objects.get_for_instance(ProjectPage.objects.get(pk=kommune_id))
    assert Translation.objects.filter(source=source).count() == 5
    assert source.get_source_instance().pk == kommune_id
    assert (
        sorted(ProjectPartner.objects.values_list("project", "partner", "role", "sort_order"))
        == partners
    )

    # The document and its file, a material's link to it, and the references to it.
    restored_document = get_document_model().objects.get(pk=document_id)
    assert Path(restored_document.file.path).read_bytes() == document_bytes
    assert MaterialFile.objects.filter(document=restored_document, language="de").exists()
    assert ReferenceIndex.get_references_to(restored_document).exists()
    # Renditions are made again on demand: no row, no file until then.
    assert not image.renditions.exists()
    assert not (media_root / "images").exists()
    assert sorted(files(media_root)) == sorted(manifest["media"])
    assert not list(tmp_path.glob(".restore-*"))

    # Readers see the restored content (not pages cached before), and search finds it.
    for url, title in [
        (MIGRAPOWER, "MigraPower"),
        ("/en/projects/migrapower/", "MigraPower"),
        (KOMMUNE, "Kommune Interkulturell"),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        # Soft hyphens in the heading's long words are invisible until a line breaks there.
        html = response.content.decode().replace("\u00ad", "")
        assert f"<h1>{title}</h1>" in html
        assert "Umbenannt" not in html and "Renamed" not in html
    results = client.get("/de/search/", {"q": "Kommune Interkulturell"}).content.decode()
    assert f'href="{KOMMUNE}"' in results

    # Sequences follow the restored ids: new rows get fresh ones.
    new_document = get_document_model().objects.create(
        title="Neu", file=ContentFile(b"%PDF-1.4", name="neu.pdf")
    )
    assert new_document.pk > document_id
    home = Page.objects.get(depth=2, locale__language_code="de")
    child = home.add_child(instance=StandardPage(title="Neue Seite"))
    assert child.pk > max(row["pk"] for row in before if row["model"] == "wagtailcore.page")
    revision = child.save_revision()
    assert revision.pk > max(row["pk"] for row in before if row["model"] == "wagtailcore.revision")


def test_restore_refuses_without_yes_and_says_what_it_would_replace(archive, media_root):
    publish_title(page(MIGRAPOWER), "Umbenannt")
    before = site_state(media_root)
    with pytest.raises(CommandError, match="--yes") as refusal:
        call_command("restore_site", str(archive), stdout=io.StringIO())
    message = str(refusal.value)
    assert f"{Page.objects.exclude(depth=1).count()} pages" in message
    originals = [name for name in before["files"] if not name.startswith("images/")]
    assert f"{len(originals)} files under MEDIA_ROOT" in message  # renditions don't count
    assert site_state(media_root) == before


def not_gzip(archive: Path, target: Path) -> Path:
    target.write_text("Dies ist kein Archiv.\n")
    return target


def truncated(archive: Path, target: Path) -> Path:
    data = archive.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


def flipped(archive: Path, target: Path) -> Path:
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    return target


def no_manifest(archive: Path, target: Path) -> Path:
    return repack(archive, target, lambda members: members.pop("manifest.json"))


def other_version(archive: Path, target: Path) -> Path:
    def edit(members):
        manifest = json.loads(members["manifest.json"])
        manifest["version"] = 99
        members["manifest.json"] = json.dumps(manifest).encode()

    return repack(archive, target, edit)


def dump_changed(archive: Path, target: Path) -> Path:
    def edit(members):
        members["database.json"] = members["database.json"].replace(b"MigraPower", b"MigraPowre")

    return repack(archive, target, edit)


def file_changed(archive: Path, target: Path) -> Path:
    def edit(members):
        name = next(name for name in members if name.startswith("media/documents/"))
        members[name] = b"%PDF-1.4 not the flyer"

    return repack(archive, target, edit)


@pytest.mark.parametrize(
    "damage,message",
    [
        (not_gzip, "is not a readable site backup"),
        (truncated, "is not a readable site backup"),
        (flipped, "is not a readable site backup"),
        (no_manifest, "is not a site backup made by backup_site"),
        (other_version, "format version 99"),
        (dump_changed, "database.json does not match its SHA-256"),
        (file_changed, "media/documents/.* does not match its SHA-256"),
    ],
)
def test_damaged_archives_are_refused_and_change_nothing(
    archive, media_root, archives, damage, message
):
    publish_title(page(MIGRAPOWER), "Umbenannt")
    settle()
    before = site_state(media_root)
    damaged = damage(archive, archives / "damaged.tar.gz")
    with pytest.raises(CommandError, match=message):
        call_command("restore_site", str(damaged), yes=True, stdout=io.StringIO())
    assert site_state(media_root) == before


@pytest.mark.parametrize(
    "name,kind,link,problem",
    [
        ("../evil.txt", tarfile.REGTYPE, "", "is an unsafe path"),
        ("media/../../evil.txt", tarfile.REGTYPE, "", "is an unsafe path"),
        ("{tmp_path}/evil.txt", tarfile.REGTYPE, "", "is an unsafe path"),
        ("media/documents/link.pdf", tarfile.SYMTYPE, "/etc/passwd", "is a symbolic link"),
        ("media/documents/hard.pdf", tarfile.LNKTYPE, "database.json", "is a hard link"),
    ],
    ids=["dotdot", "media-dotdot", "absolute", "symlink", "hardlink"],
)
def test_unsafe_members_are_refused(
    archive, media_root, archives, tmp_path, name, kind, link, problem
):
    name = name.format(tmp_path=tmp_path)
    before = site_state(media_root)
    bad = tarfile.TarInfo(name)
    bad.type, bad.linkname = kind, link
    data = b"evil" if kind == tarfile.REGTYPE else None
    bad.size = len(data or b"")

    def list_in_manifest(members):
        # As a crafted archive would, so that only the path itself can give it away.
        if name.startswith("media/"):
            manifest = json.loads(members["manifest.json"])
            digest = hashlib.sha256(data or b"").hexdigest()
            manifest["media"][name.removeprefix("media/")] = {"sha256": digest, "size": bad.size}
            manifest["files"] += 1
            members["manifest.json"] = json.dumps(manifest).encode()

    unsafe = repack(archive, archives / "unsafe.tar.gz", list_in_manifest, ((bad, data),))
    with pytest.raises(
        CommandError,
        match=f"refused: {re.escape(repr(name))} {problem}",
    ):
        call_command("restore_site", str(unsafe), yes=True, stdout=io.StringIO())
    assert site_state(media_root) == before
    assert not (tmp_path / "evil.txt").exists() and not (tmp_path.parent / "evil.txt").exists()


def test_a_failed_load_leaves_database_and_media_as_they_were(archive, media_root, archives):
    publish_title(page(MIGRAPOWER), "Umbenannt")
    settle()
    before = site_state(media_root)

    def break_a_partner(members):
        rows = json.loads(members["database.json"])
        role = next(row for row in rows if row["model"] == "projects.projectpartner")
        role["fields"]["partner"] = 999_999
        members["database.json"] = json.dumps(rows).encode()
        restamp(members)

    broken = repack(archive, archives / "broken.tar.gz", break_a_partner)
    with pytest.raises(CommandError, match="nothing was changed.*projects_projectpartner"):
        call_command("restore_site", str(broken), yes=True, stdout=io.StringIO())
    assert site_state(media_root) == before
    assert all(not problems for problems in Page.find_problems())


def test_backups_are_written_whole_or_not_at_all(media_root, tmp_path, monkeypatch):
    target = tmp_path / "site.tar.gz"
    target.write_bytes(b"yesterday's backup")

    def broken_disk(*args, **kwargs):
        yield "documents/x.pdf", media_root / "missing.pdf"

    monkeypatch.setattr("operations.backup.media_files", broken_disk)
    with pytest.raises(FileNotFoundError):
        call_command("backup_site", str(target), stdout=io.StringIO())
    assert target.read_bytes() == b"yesterday's backup"
    assert sorted(entry.name for entry in tmp_path.iterdir()) == ["media", "site.tar.gz"]

    with pytest.raises(CommandError, match="inside MEDIA_ROOT"):
        call_command("backup_site", str(media_root / "site.tar.gz"), stdout=io.StringIO())
    assert not (media_root / "site.tar.gz").exists()


@pytest.mark.parametrize("mount_point", [False, True], ids=["folder", "mount-point"])
def test_media_are_swapped_whole(tmp_path, mount_point):
    """restore_site unpacks next to MEDIA_ROOT and renames; a mount point cannot be renamed,
    so there it unpacks inside and moves the entries."""
    media_root = tmp_path / "media"
    (media_root / "documents").mkdir(parents=True)
    (media_root / "documents" / "old.pdf").write_bytes(b"old")
    (media_root / "stray.txt").write_bytes(b"stray")
    workdir = (media_root if mount_point else tmp_path) / ".restore-media-x"
    staged = workdir / "media"
    (staged / "documents").mkdir(parents=True)
    (staged / "documents" / "new.pdf").write_bytes(b"new")

    _swap_media(staged, media_root, workdir)

    restored = files(media_root)
    if mount_point:  # the working folder stays until restore_site removes it
        restored = {name: digest for name, digest in restored.items() if ".restore-" not in name}
    assert restored == {"documents/new.pdf": hashlib.sha256(b"new").hexdigest()}
    assert files(workdir / "old") == files_of({"documents/old.pdf": b"old", "stray.txt": b"stray"})


def files_of(contents: dict[str, bytes]) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in contents.items()}

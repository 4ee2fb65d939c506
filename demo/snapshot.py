"""A snapshot of the demo site, kept per database engine and restored in seconds.

Building the demo site (the migrations, then ``load_demo_content``) takes about two
minutes; restoring a copy takes a second or two. The first build on an engine (a test
session's, or ``load_demo_content --from-snapshot`` on a fresh database) keeps a copy
named by a fingerprint of everything that shapes it (the apps' code and migrations, the
translations, the dependencies): on SQLite a copy of the database file, on PostgreSQL a
template database on the same server, each with a copy of the media folder. Every later
test session, pytest-xdist worker and throwaway site of the checks (schemathesis,
Lighthouse, the load check) starts from a clone. A change that could change the demo
site changes the fingerprint, and the next build keeps a new copy; copies of other
fingerprints beyond the last few are removed.

Whoever builds or clones holds a file lock, so one builds while the others wait for its
copy (two xdist workers, or sessions in two checkouts).
"""

import fcntl
import hashlib
import io
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connections

ROOT = Path(__file__).resolve().parents[1]
STORE = ROOT / "build" / "demo-snapshots"
KEEP = 3  # copies of other fingerprints kept (other branches, other checkouts)
# Beside the apps (every folder with an apps.py): what shapes the demo site's data.
SHAPING = ["migraup", "locale", "pyproject.toml"]


# What only renders the data, never shapes it: a change to a template or a stylesheet
# needs no new snapshot (a new one costs every developer two minutes).
RENDERING_ONLY = {"templates", "templatetags", "static", "__pycache__"}


def source_files() -> Iterator[Path]:
    folders = sorted({path.parent for path in ROOT.glob("*/apps.py")})
    for entry in [*folders, *(ROOT / name for name in SHAPING)]:
        paths = [entry] if entry.is_file() else sorted(entry.rglob("*"))
        for path in paths:
            if path.is_file() and not RENDERING_ONLY.intersection(path.parts):
                yield path


def fingerprint(vendor: str) -> str:
    digest = hashlib.sha256(vendor.encode())
    for path in source_files():
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return f"{vendor}-{digest.hexdigest()[:16]}"


@contextmanager
def locked() -> Iterator[None]:
    STORE.mkdir(parents=True, exist_ok=True)
    with open(STORE / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def template_name(copy: str) -> str:
    return f"migraup_demo_{copy.split('-', 1)[1]}"


def _postgres_databases(cursor) -> set[str]:
    cursor.execute("SELECT datname FROM pg_database")
    return {row[0] for row in cursor.fetchall()}


def _postgres_clone(source: str, target: str) -> None:
    """CREATE DATABASE target from source (which must have no open session)."""
    connection = connections["default"]
    connections.close_all()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{target}"')
        cursor.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')


def _copy_exists(copy: str) -> bool:
    folder = STORE / copy
    if not (folder / "complete").exists():
        return False
    connection = connections["default"]
    if connection.vendor == "postgresql":
        with connection._nodb_cursor() as cursor:
            return template_name(copy) in _postgres_databases(cursor)
    return (folder / "db.sqlite3").exists()


def _keep_copy(copy: str, database: str) -> None:
    """Copy the freshly built database and media folder into the store."""
    folder = STORE / copy
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    if connections["default"].vendor == "postgresql":
        _postgres_clone(database, template_name(copy))
    else:
        connections.close_all()
        shutil.copyfile(database, folder / "db.sqlite3")
    shutil.copytree(settings.MEDIA_ROOT, folder / "media")
    (folder / "complete").touch()
    _prune(copy)


def _prune(current: str) -> None:
    vendor = current.split("-", 1)[0]
    others = sorted(
        (path for path in STORE.glob(f"{vendor}-*") if path.name != current),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for stale in others[KEEP:]:
        shutil.rmtree(stale, ignore_errors=True)
        if vendor == "postgresql":
            with connections["default"]._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{template_name(stale.name)}"')


def _restore_copy(copy: str, database: str) -> None:
    folder = STORE / copy
    if connections["default"].vendor == "postgresql":
        _postgres_clone(template_name(copy), database)
    else:
        connections.close_all()
        for sidecar in ("-journal", "-wal", "-shm"):  # would be replayed onto the copy
            Path(database + sidecar).unlink(missing_ok=True)
        shutil.copyfile(folder / "db.sqlite3", database)
    shutil.copytree(folder / "media", settings.MEDIA_ROOT, dirs_exist_ok=True)
    folder.touch()  # the most recently used copies are the ones kept


def setup_test_database(verbosity: int) -> list:
    """Create this test session's database holding the demo site; returns what
    ``teardown_databases`` needs."""
    from django.test.utils import setup_databases

    connection = connections["default"]
    test_database = connection.creation._get_test_db_name()
    copy = fingerprint(connection.vendor)
    # Serialising the database for ``serialized_rollback`` is skipped: no test uses it, and
    # with the demo site in it that would cost seconds per session.
    options = {"verbosity": verbosity, "interactive": False, "aliases": {"default"}}
    options["serialized_aliases"] = set()
    with locked():
        if not _copy_exists(copy):
            config = setup_databases(keepdb=False, **options)
            call_command("load_demo_content", stdout=io.StringIO())
            _keep_copy(copy, test_database)
            connections.close_all()
            return config
        _restore_copy(copy, test_database)
    # keepdb: the clone is the test database; the migrations find nothing left to do.
    return setup_databases(keepdb=True, **options)


def load_into_fresh_database(build: Callable[[], None]) -> bool:
    """The demo site in the configured database, which holds nothing but the migrations:
    restored from the snapshot of this code, or built with ``build`` and then kept.
    Returns True when it was restored."""
    connection = connections["default"]
    database = connection.settings_dict["NAME"]
    copy = fingerprint(connection.vendor)
    with locked():
        if _copy_exists(copy):
            _restore_copy(copy, str(database))
            return True
        build()
        _keep_copy(copy, str(database))
        return False

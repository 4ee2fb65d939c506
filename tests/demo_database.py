"""The demo site every test reads: built once per database, then cloned.

Building it (the migrations, then ``load_demo_content``) takes about two minutes; cloning
a copy takes a second or two. The first session on a database engine builds the site in
its test database and keeps a copy named by a fingerprint of everything that shapes it
(the apps' code and migrations, the translations, the dependencies): on SQLite a copy of
the database file, on PostgreSQL a template database on the same server, each with a copy
of the media folder. Every later session, and every pytest-xdist worker of this one,
starts from a clone. A change that could change the demo site changes the fingerprint,
and the next session builds it anew; copies of other fingerprints beyond the last few are
removed.

Workers of one session (and sessions in other checkouts) take a file lock around the
build and the clone, so one builds while the others wait for its copy.
"""

import fcntl
import hashlib
import io
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connections

ROOT = Path(__file__).resolve().parents[1]
STORE = ROOT / "build" / "test-demo"
KEEP = 3  # copies of other fingerprints kept (other branches, other checkouts)
# Beside the apps (every folder with an apps.py): what shapes the demo site's data.
SHAPING = ["migraup", "locale", "pyproject.toml"]


def source_files() -> Iterator[Path]:
    folders = sorted({path.parent for path in ROOT.glob("*/apps.py")})
    for entry in [*folders, *(ROOT / name for name in SHAPING)]:
        paths = [entry] if entry.is_file() else sorted(entry.rglob("*"))
        for path in paths:
            if path.is_file() and "__pycache__" not in path.parts:
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


def _keep_copy(copy: str, test_database: str) -> None:
    """Copy the freshly built test database and media folder into the store."""
    folder = STORE / copy
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    if connections["default"].vendor == "postgresql":
        _postgres_clone(test_database, template_name(copy))
    else:
        connections.close_all()
        shutil.copyfile(test_database, folder / "db.sqlite3")
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


def _restore_copy(copy: str, test_database: str) -> None:
    folder = STORE / copy
    if connections["default"].vendor == "postgresql":
        _postgres_clone(template_name(copy), test_database)
    else:
        shutil.copyfile(folder / "db.sqlite3", test_database)
    shutil.copytree(folder / "media", settings.MEDIA_ROOT, dirs_exist_ok=True)
    folder.touch()  # the most recently used copies are the ones kept


def setup_demo_database(verbosity: int) -> list:
    """Create this session's test database holding the demo site; returns what
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

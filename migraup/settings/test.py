"""Settings for the test suite (pytest-django)."""

import os
import re
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Uploaded and generated files of a test run never touch the developer's media folder.
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", tempfile.mkdtemp(prefix="migraup-media-")))
SERVE_MEDIA = True
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# A cache of this test run only (the tests empty it before each test), or the
# Redis server of REDIS_URL (CI runs the cache tests against one as well).
if not REDIS_URL:  # noqa: F405
    CACHES = {
        "default": {
            "BACKEND": "operations.cache_backends.TolerantFileBasedCache",
            "LOCATION": tempfile.mkdtemp(prefix="migraup-cache-"),
        }
    }
else:
    CACHES["default"]["KEY_PREFIX"] = "migraup-test"  # noqa: F405
    # Each pytest-xdist worker its own Redis database: emptying the cache before each test
    # (FLUSHDB) must not empty another worker's in the middle of its test.
    _database = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0")[2:]) + 1
    _server = REDIS_URL.rstrip("/")  # noqa: F405
    CACHES["default"]["LOCATION"] = re.sub(r"(/\d+)?$", f"/{_database}", _server, count=1)  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_AUTOREFRESH = True
# On SQLite the test database is a file rather than Django's shared in-memory database, so the
# browser tests' server threads each open their own connection to it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.mkdtemp(prefix="migraup-test-db-")) / "test.sqlite3")
    }
# With SEARCH_URL (CI starts an OpenSearch node), tests use their own indexes, one set per
# pytest-xdist worker.
if "INDEX_PREFIX" in WAGTAILSEARCH_BACKENDS["default"]:  # noqa: F405
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = f"migraup_test_{_worker}_"  # noqa: F405
# The suite reaches no outside server: the link check's own tests run the worker's job
# against servers on the loopback (tests/upkeep).
WORKER_JOBS: list[tuple[str, int]] = []

"""The development server (`make run`, and the API check in CI) on PostgreSQL: it starts a
thread per client connection and never closes a thread's database connection itself, so
with kept connections they piled up until PostgreSQL refused more ("too many clients")."""

import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from django.db import connection

from tests.processes import child_environment, free_port

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL's connections are counted"
    ),
]

REQUESTS = 20
SERVER_NAME = "migraup-dev-server-test"


def get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - local server
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def server_connections() -> int:
    """The development server's connections: those with its name (the suite's other
    processes and threads may hold connections to the same database)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s",
            [SERVER_NAME],
        )
        return cursor.fetchone()[0]


@pytest.fixture
def dev_server():
    """runserver with the development settings, on the test database."""
    database = settings.DATABASES["default"]
    url = (
        f"postgres://{database['USER']}:{database['PASSWORD'] or ''}@{database['HOST']}"
        f":{database['PORT']}/{database['NAME']}"
    )
    environment = child_environment(
        DJANGO_SETTINGS_MODULE="migraup.settings.dev",
        DATABASE_URL=url,
        LOG_LEVEL_REQUESTS="WARNING",
        PGAPPNAME=SERVER_NAME,  # libpq names the server's connections with it
    )
    environment.pop("DATABASE_CONN_MAX_AGE", None)  # the development settings' own default
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=settings.BASE_DIR,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _attempt in range(120):
        try:
            get(f"{base}/healthz")
            break
        except OSError:
            time.sleep(0.5)
    yield base
    server.terminate()
    server.wait(timeout=30)


def server_connections_left(seconds: float = 10) -> int:
    """The server's connections, once none are left or ``seconds`` have passed: a request's
    connection closes after its answer is sent, and its PostgreSQL process leaves the list
    a moment later still."""
    deadline = time.monotonic() + seconds
    while (count := server_connections()) and time.monotonic() < deadline:
        time.sleep(0.1)
    return count


def test_the_development_server_keeps_no_connection_per_request(dev_server):
    # The API's search left one connection behind per request, closed only when Python's
    # garbage collector happened to run: 7 of 20 stayed open.
    statuses = {get(f"{dev_server}/api/v3/pages/?search=Netzwerk") for _ in range(REQUESTS)}
    assert statuses == {200}
    assert server_connections_left() == 0

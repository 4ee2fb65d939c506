"""The worker (`make worker`): scheduled publishing and the database task queue."""

import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from core.models import StandardPage
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_worker_publishes_scheduled_pages_and_purges_the_cache(client):
    home = HomePage.objects.get(locale__language_code="de")
    page = StandardPage(title="Termin im Frühjahr", slug="termin", live=False)
    home.add_child(instance=page)
    page.go_live_at = timezone.now() + timedelta(seconds=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    assert Revision.objects.filter(object_id=str(page.pk), approved_go_live_at__isnull=False)
    assert client.get("/de/termin/").status_code == 404
    time.sleep(1.5)

    call_command("run_worker", once=True)

    page.refresh_from_db()
    assert page.live
    assert client.get("/de/termin/").status_code == 200


def test_worker_runs_queued_tasks(settings, monkeypatch):
    from django.db import connection, connections
    from django_tasks import TaskResultStatus
    from wagtail.tasks import update_reference_index_task

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    if connection.vendor == "sqlite":
        # The worker claims tasks in an exclusive transaction; on SQLite outside this
        # mode it issues BEGIN EXCLUSIVE, which cannot nest in the test's transaction.
        # Patched on the connection itself: through the ``connection`` proxy, monkeypatch
        # deleted the attribute afterwards instead of restoring it, and the next test to
        # open a transaction failed.
        monkeypatch.setattr(connections["default"], "transaction_mode", "EXCLUSIVE")
    # Between tasks the worker closes connections that left autocommit, as the test's does.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    page = StandardPage.objects.get(slug="impressum", locale__language_code="de")
    result = update_reference_index_task.enqueue("core", "standardpage", page.pk)
    assert result.status == TaskResultStatus.READY

    call_command("run_worker", once=True)

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL

"""Two requests writing at once: the second waits for the first instead of failing.

On SQLite a transaction that reads and then writes (Wagtail publishing a page) used to fail
with "database is locked" while another request committed, e.g. the admin's autosave. The
test commits for real, so it carries no ``django_db`` mark (pytest-django runs it after the
rolled-back tests) and removes what it wrote.
"""

import threading
import time

import pytest
from django.contrib.auth.models import Group
from django.db import DatabaseError, connections, transaction

NAMES = ("concurrent-write-first", "concurrent-write-second")


@pytest.fixture
def database(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        yield
        Group.objects.filter(name__in=NAMES).delete()


def test_a_transaction_that_read_first_waits_for_another_writer(database):
    writing, read = threading.Event(), threading.Event()
    errors: list[Exception] = []

    def first_request() -> None:
        try:
            with transaction.atomic():
                Group.objects.create(name=NAMES[0])
                writing.set()
                read.wait(timeout=1)  # commits while the second transaction is open
        except DatabaseError as error:  # reported by the test's thread below
            errors.append(error)
            writing.set()
        finally:
            connections.close_all()

    thread = threading.Thread(target=first_request)
    thread.start()
    assert writing.wait(timeout=10)
    with transaction.atomic():
        Group.objects.filter(name__startswith="concurrent-write").count()
        read.set()
        time.sleep(0.2)  # the first request is committing now
        Group.objects.create(name=NAMES[1])
    thread.join(timeout=30)
    assert not errors
    assert set(Group.objects.filter(name__in=NAMES).values_list("name", flat=True)) == set(NAMES)

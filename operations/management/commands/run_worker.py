"""The worker beside the web server (`make worker`): publishes and unpublishes scheduled
pages every minute, runs the periodic jobs of WORKER_JOBS (the weekly link check) and,
with TASKS_BACKEND=database, runs Wagtail's background tasks from the database queue
(django-tasks-db's db_worker)."""

import logging
import signal
import threading
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connections
from django.utils.module_loading import import_string

logger = logging.getLogger("migraup.worker")


def uses_task_queue() -> bool:
    return settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


def publish_scheduled() -> None:
    """Wagtail's publish_scheduled: go-live and expiry dates that have passed."""
    try:
        call_command("publish_scheduled", verbosity=0)
    except Exception:
        # One failing run must not stop the schedule; the next minute tries again.
        logger.exception("Publishing scheduled pages failed")


def run_job(path: str) -> None:
    """One call of a periodic job of WORKER_JOBS; a failure is logged, the next call retries."""
    try:
        import_string(path)()
    except Exception:
        logger.exception("Worker job %s failed", path)


class Command(BaseCommand):
    help = "Publish scheduled pages every minute and run queued background tasks."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--once",
            action="store_true",
            help="Publish what is due and run every queued task, then exit (for cron or tests).",
        )
        parser.add_argument(
            "--schedule-interval",
            type=float,
            default=60.0,
            help="Seconds between two runs of scheduled publishing (default 60).",
        )

    def handle(self, *args: Any, once: bool, schedule_interval: float, **options: Any) -> None:
        if once:
            publish_scheduled()
            for path, _interval in settings.WORKER_JOBS:
                run_job(path)
            if uses_task_queue():
                call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
            return

        stop = threading.Event()
        scheduler = threading.Thread(
            target=self.schedule, args=(stop, schedule_interval), name="scheduler", daemon=True
        )
        scheduler.start()
        for path, interval in settings.WORKER_JOBS:
            threading.Thread(
                target=self.repeat, args=(stop, path, interval), name=path, daemon=True
            ).start()
        logger.info(
            "Worker started: scheduled publishing every %ss, task queue %s",
            schedule_interval,
            "on" if uses_task_queue() else "off (tasks run within requests)",
        )
        if uses_task_queue():
            # db_worker handles SIGTERM/SIGINT itself: it finishes the running task first.
            call_command("db_worker", startup_delay=False)
        else:
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, lambda *_: stop.set())
            stop.wait()
        stop.set()
        logger.info("Worker stopped")

    @staticmethod
    def repeat(stop: threading.Event, path: str, interval: float) -> None:
        while not stop.is_set():
            close_old_connections()
            run_job(path)
            connections.close_all()
            stop.wait(interval)

    @staticmethod
    def schedule(stop: threading.Event, interval: float) -> None:
        while not stop.is_set():
            # A long-lived thread: drop connections the database may have closed meanwhile.
            close_old_connections()
            publish_scheduled()
            connections.close_all()
            stop.wait(interval)

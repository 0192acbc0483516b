"""Running the queued background tasks in a test, as `accord worker --once` runs them."""

from unittest import mock

from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from accord.cli.serve import tasks_worker


def run_ready_tasks() -> int:
    """Run every task ready now with django-tasks-db's worker, until none is left; how many
    ran. The worker's checks for old connections are left out, as Django's test client leaves
    them out of requests: the connection holds the test's transaction, and a fixed clock moved
    past its age would close it."""
    before = DBTaskResult.objects.exclude(status=TaskResultStatus.READY).count()
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        tasks_worker(interval=0, batch=True).run()
    return DBTaskResult.objects.exclude(status=TaskResultStatus.READY).count() - before

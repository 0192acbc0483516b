"""`accord demo`, `accord serve`, `accord worker`, `accord migrate` and `accord manage`:
running an instance, and the worker that does its background work."""

import argparse
import atexit
import contextlib
import errno
import os
import signal
import socket
import subprocess
import sys
import threading
from typing import TYPE_CHECKING

from accord.cli.database import describe_database, migrate, require_record
from accord.cli.errors import CommandError

if TYPE_CHECKING:
    from django_tasks_db.management.commands.db_worker import Worker

# Seconds a worker waits, when no task is ready, before looking again; the periodic jobs are
# queued as often.
INTERVAL_SECONDS = 1.0


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    demo = commands.add_parser("demo", help="load and serve the demo negotiation")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
    demo.add_argument("--reset", action="store_true", help="start again from an empty database")
    demo.add_argument("--no-serve", action="store_true", help="load the demo, then exit")
    demo.set_defaults(run=run_demo)

    serve = commands.add_parser("serve", help="run accord in production")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    serve.set_defaults(run=run_serve)

    worker = commands.add_parser(
        "worker", help="run the background tasks: exports, deadlines, checkpoints, cleanup"
    )
    worker.add_argument(
        "--once",
        action="store_true",
        help="run every periodic job and every task ready now, then exit",
    )
    worker.add_argument(
        "--interval",
        type=float,
        default=INTERVAL_SECONDS,
        help="seconds between looks for ready tasks",
    )
    worker.set_defaults(run=run_worker)

    migrated = commands.add_parser("migrate", help="create or update the database")
    migrated.set_defaults(run=lambda args: migrate())

    manage = commands.add_parser("manage", help="run a Django management command")
    manage.add_argument("args", nargs=argparse.REMAINDER)
    manage.set_defaults(run=run_manage, django=False)


def run_manage(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["accord manage", *args.args])
    return 0


def check_port(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise CommandError(
                    f"port {port} on {host} is already in use; choose another with --port "
                    f"(make demo PORT={port + 1})"
                ) from None
            raise CommandError(f"cannot listen on {host}:{port}: {error.strerror}") from None


def run_demo(args: argparse.Namespace) -> None:
    from django.db import connection

    if not args.no_serve:
        check_port(args.host, args.port)
    if args.reset:
        _reset_embedded_database()
    migrate()
    from accord.demo import PASSWORD, load_demo

    summary = load_demo()
    print(
        f"{'Loaded' if summary.created else 'Found'} the demo: {summary.process.title}, "
        f"{summary.version.label} with {summary.proposals} proposals ({describe_database()})."
    )
    print(f"Every demo login uses the password '{PASSWORD}'. The logins are:")
    for username, acting_for in summary.logins:
        print(f"  {username:<12} {acting_for}")
    connection.close()
    if not args.no_serve:
        start_worker_process()
        print(f"Serving on http://{args.host}:{args.port}/  (Ctrl-C stops)")
        _run_uvicorn(args.host, args.port, workers=1)


def _reset_embedded_database() -> None:
    from django.db import connection

    if connection.vendor != "sqlite":
        raise CommandError("--reset only resets the embedded SQLite demo database")
    connection.close()
    path = connection.settings_dict["NAME"]
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(f"{path}{suffix}"):
            os.remove(f"{path}{suffix}")


def run_serve(args: argparse.Namespace) -> None:
    from django.conf import settings

    if settings.DEBUG:
        raise CommandError("refusing to serve with ACCORD_DEBUG=1; debug is for development only")
    if settings.SECRET_KEY == settings.DEMO_SECRET_KEY:
        raise CommandError(
            "refusing to serve with the demo secret key; set ACCORD_SECRET_KEY to a long random "
            "value (python -c 'import secrets; print(secrets.token_urlsafe(50))' makes one)"
        )
    from accord.security.checks import refusals

    if reasons := refusals():
        raise CommandError("refusing to serve: " + " ".join(reasons))
    check_port(args.host, args.port)
    migrate()
    from django.db import connection

    connection.close()
    print(
        "accord serve does no background work: run `accord worker` beside it (on this machine "
        "or any other that reaches the database)."
    )
    _run_uvicorn(args.host, args.port, workers=args.workers)


def run_worker(args: argparse.Namespace) -> None:
    require_record()
    if args.once:
        for name, count in run_once().items():
            print(f"{name}: {count}")
        return
    print(
        f"Running the background tasks, looking for ready ones every {args.interval:g} seconds "
        "(Ctrl-C stops)."
    )
    stop = threading.Event()
    scheduler = threading.Thread(
        target=schedule_forever, args=(args.interval, stop), name="accord-schedule", daemon=True
    )
    scheduler.start()
    worker = tasks_worker(interval=args.interval, batch=False)
    worker.configure_signals()
    try:
        worker.run()
    finally:
        stop.set()


def tasks_worker(*, interval: float, batch: bool) -> "Worker":
    """django-tasks-db's worker for every queue of the default backend."""
    from django.utils.crypto import get_random_string
    from django_tasks_db.management.commands.db_worker import Worker

    return Worker(
        queue_names=["*"],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=not batch,
        max_tasks=None,
        worker_id=f"{socket.gethostname()[:40]}-{os.getpid()}-{get_random_string(8)}",
        excluded_queue_names=[],
    )


def run_once() -> dict[str, int]:
    """Run every periodic job once, now, in this process — not through the queue, where a
    worker running beside this one could take a job and run it at its own time — then every
    task ready now (an export waiting, say) and exit; what each job changed."""
    from django.utils import timezone

    from accord.actions.periodic import JOBS

    now = timezone.now()
    done = {job.name: len(job.run(now)) for job in JOBS}
    tasks_worker(interval=0, batch=True).run()
    return done


def schedule_forever(interval: float, stop: threading.Event) -> None:
    """Queue the periodic jobs' next runs every ``interval`` seconds until ``stop`` is set."""
    from django.db import close_old_connections

    from accord.actions.periodic import enqueue_due

    parent = int(os.environ.get(_PARENT, "0"))
    while not stop.is_set():
        if parent and os.getppid() != parent:
            # The demo server that started this worker has gone: stop as Ctrl-C would.
            os.kill(os.getpid(), signal.SIGTERM)
            return
        close_old_connections()
        try:
            enqueue_due()
        except Exception:  # a database gone away: try again at the next round
            import logging

            logging.getLogger(__name__).exception("could not queue the periodic jobs")
        close_old_connections()
        stop.wait(interval)


# Set for a worker started by `accord demo`: the demo server's process number.
_PARENT = "ACCORD_WORKER_PARENT"


def start_worker_process() -> subprocess.Popen[bytes]:
    """`accord worker` in a process of its own beside this one (the demo's), stopped when
    this one exits; started the way this one was (`launcher`)."""
    worker = subprocess.Popen(  # noqa: S603 - this process's own command line
        [*launcher("demo"), "worker"],
        stdout=subprocess.DEVNULL,
        env={**os.environ, _PARENT: str(os.getpid())},
    )

    def stop() -> None:
        worker.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            worker.wait(10)

    atexit.register(stop)
    return worker


def launcher(command: str) -> list[str]:
    """The command line that started this process, up to ``command``: the same interpreter
    and script, under the same wrapper — a fixed clock, in the tests, so that the demo's
    worker sees the deadlines the demo's pages show. ``python -m accord.cli`` when ``command``
    is not in it."""
    started = list(sys.orig_argv)
    if command not in started[1:]:
        return [sys.executable, "-m", "accord.cli"]
    return started[: started.index(command, 1)]


def _run_uvicorn(host: str, port: int, *, workers: int) -> None:
    import uvicorn

    uvicorn.run(
        "accord.asgi:application",
        host=host,
        port=port,
        workers=workers,
        lifespan="off",
        log_level="warning",
        proxy_headers=True,
    )

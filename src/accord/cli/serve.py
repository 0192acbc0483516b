"""`accord demo`, `accord serve`, `accord worker`, `accord migrate` and `accord manage`:
running an instance, and the periodic jobs beside it."""

import argparse
import contextlib
import errno
import os
import socket
import threading

from accord.cli.database import describe_database, migrate, require_record
from accord.cli.errors import CommandError

# Seconds between two runs of the periodic jobs.
INTERVAL_SECONDS = 5.0


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

    worker = commands.add_parser("worker", help="run the periodic jobs (deadlines passing)")
    worker.add_argument("--once", action="store_true", help="run the due jobs once, then exit")
    worker.add_argument(
        "--interval", type=float, default=INTERVAL_SECONDS, help="seconds between runs"
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
        start_worker_thread()
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
    start_worker_thread()
    _run_uvicorn(args.host, args.port, workers=args.workers)


def run_worker(args: argparse.Namespace) -> None:
    from accord.actions.periodic import run_due

    require_record()
    if args.once:
        for name, count in run_due().items():
            print(f"{name}: {count}")
        return
    print(f"Running the periodic jobs every {args.interval:g} seconds (Ctrl-C stops).")
    with contextlib.suppress(KeyboardInterrupt):
        run_forever(args.interval)


def run_forever(interval: float = INTERVAL_SECONDS, stop: threading.Event | None = None) -> None:
    """Run the due jobs every ``interval`` seconds until ``stop`` is set."""
    from django.db import close_old_connections

    from accord.actions.periodic import run_due

    stopping = stop or threading.Event()
    while not stopping.is_set():
        close_old_connections()
        run_due()
        close_old_connections()
        stopping.wait(interval)


def start_worker_thread(interval: float = INTERVAL_SECONDS) -> threading.Thread:
    """Run the periodic jobs in a daemon thread of this process, beside the web server."""
    thread = threading.Thread(
        target=run_forever, args=(interval,), name="accord-worker", daemon=True
    )
    thread.start()
    return thread


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

"""The `accord` command.

accord demo [--port 8000] [--reset]   the demo negotiation on the embedded database
accord serve [--workers N]            production: uvicorn workers, DATABASE_URL
accord migrate                        create or update the database and reference data
accord manage ARGS...                 any Django management command
accord check [--corpus F] [--json] T  check a passage against agreed language
accord corpus import FILE.jsonl       add agreed texts and views to the checker's corpus
"""

import argparse
import errno
import os
import socket
import sys
from collections.abc import Sequence

from accord import check_cli

MINIMUM_PYTHON = (3, 12)


class CommandError(Exception):
    """A failure the user can act on; printed without a traceback."""


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        _check_python(sys.version_info[:2])
        if args.command == "manage":
            return _manage(args.args)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
        if args.command == "demo":
            os.environ["ACCORD_DEMO"] = "1"
        import django

        django.setup()
        return int(args.run(args) or 0)
    except CommandError as error:
        print(f"accord: {error}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="accord", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser("demo", help="load and serve the demo negotiation")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
    demo.add_argument("--reset", action="store_true", help="start again from an empty database")
    demo.add_argument("--no-serve", action="store_true", help="load the demo, then exit")
    demo.set_defaults(run=_demo)

    serve = commands.add_parser("serve", help="run accord in production")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    serve.set_defaults(run=_serve)

    migrate = commands.add_parser("migrate", help="create or update the database")
    migrate.set_defaults(run=_migrate)

    check_cli.add_commands(commands)

    manage = commands.add_parser("manage", help="run a Django management command")
    manage.add_argument("args", nargs=argparse.REMAINDER)
    return parser


def _check_python(version: tuple[int, int]) -> None:
    if version < MINIMUM_PYTHON:
        needed, found = ".".join(map(str, MINIMUM_PYTHON)), ".".join(map(str, version))
        raise CommandError(f"accord needs Python {needed} or later; this is Python {found}.")


def _manage(args: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["accord manage", *args])
    return 0


def _migrate(args: argparse.Namespace | None = None) -> None:
    from django.core.management import call_command
    from django.db import OperationalError, connection

    from accord.store.reference import load_reference_data

    try:
        connection.ensure_connection()
    except OperationalError as error:
        raise CommandError(
            f"cannot reach the database ({_describe_database()}): {error}".strip()
        ) from None
    call_command("migrate", interactive=False, verbosity=0)
    load_reference_data()


def _describe_database() -> str:
    from django.db import connection

    params = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"SQLite file {params['NAME']}"
    return (
        f"{connection.vendor} at {params.get('HOST') or 'local socket'}:{params.get('PORT') or ''}"
    )


def _check_port(host: str, port: int) -> None:
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


def _demo(args: argparse.Namespace) -> None:
    from django.db import connection

    if not args.no_serve:
        _check_port(args.host, args.port)
    if args.reset:
        _reset_embedded_database()
    _migrate()
    from accord.demo import PASSWORD, load_demo

    summary = load_demo()
    print(
        f"{'Loaded' if summary.created else 'Found'} the demo: {summary.process.title}, "
        f"{summary.version.label} with {summary.proposals} proposals ({_describe_database()})."
    )
    print(f"Every demo login uses the password '{PASSWORD}'. The logins are:")
    for username, acting_for in summary.logins:
        print(f"  {username:<12} {acting_for}")
    connection.close()
    if not args.no_serve:
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


def _serve(args: argparse.Namespace) -> None:
    from django.conf import settings

    if settings.DEBUG:
        raise CommandError("refusing to serve with ACCORD_DEBUG=1; debug is for development only")
    if settings.SECRET_KEY == settings.DEMO_SECRET_KEY:
        raise CommandError(
            "refusing to serve with the demo secret key; set ACCORD_SECRET_KEY to a long random "
            "value (python -c 'import secrets; print(secrets.token_urlsafe(50))' makes one)"
        )
    _check_port(args.host, args.port)
    _migrate()
    _run_uvicorn(args.host, args.port, workers=args.workers)


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


if __name__ == "__main__":
    sys.exit(main())

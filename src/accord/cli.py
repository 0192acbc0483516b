"""The `accord` command.

accord demo [--port 8000] [--reset]         the demo negotiation on the embedded database
accord serve [--workers N]                  production: uvicorn workers, DATABASE_URL
accord worker [--once]                      periodic jobs: close silence procedures at deadline
accord migrate                              create or update the database, reference data
accord audit export|verify|release          the signed event log, published and checked
accord redline OLD NEW [--format F]         the redline between two draft files
accord import FILE --process P --label L    import a Word or Akoma Ntoso draft
accord export --process P --format F --view V -o FILE   export a view of a version
accord check [--corpus F] [--json] TEXT     check a passage against agreed language
accord corpus import FILE.jsonl             add agreed texts and views to the corpus
accord token USER NAME [--read-only]        an API token for a program acting as USER
accord bench engine|record                  benchmarks, with their baselines
accord manage ARGS...                       any Django management command
"""

import argparse
import atexit
import contextlib
import errno
import os
import shutil
import socket
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from accord import check_cli
from accord.bench import record as record_bench
from accord.bench import run as bench_run
from accord.core import eventlog, redline_files

MINIMUM_PYTHON = (3, 12)


class CommandError(Exception):
    """A failure the user can act on; printed without a traceback."""


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        _check_python(sys.version_info[:2])
        if args.command == "manage":
            return _manage(args.args)
        if getattr(args, "pure", False):
            # Commands of the pure core need neither Django nor a database.
            return int(args.run(args))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
        if args.command == "demo":
            os.environ["ACCORD_DEMO"] = "1"
        if args.command == "bench" and "DATABASE_URL" not in os.environ:
            # A benchmark never writes into the instance's own database, and leaves none behind.
            scratch = tempfile.mkdtemp(prefix="accord-bench-")
            atexit.register(shutil.rmtree, scratch, ignore_errors=True)
            os.environ["ACCORD_DATA_DIR"] = scratch
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

    worker = commands.add_parser("worker", help="run the periodic jobs (deadlines passing)")
    worker.add_argument("--once", action="store_true", help="run the due jobs once, then exit")
    worker.add_argument("--interval", type=float, default=5.0, help="seconds between runs")
    worker.set_defaults(run=_worker)

    migrate = commands.add_parser("migrate", help="create or update the database")
    migrate.set_defaults(run=_migrate)

    audit = commands.add_parser("audit", help="export or verify the signed event log")
    steps = audit.add_subparsers(dest="step", required=True, metavar="STEP")
    export = steps.add_parser("export", help="write the public log and the public key")
    export.add_argument("--log", type=Path, default=Path("accord-log.jsonl"))
    export.add_argument("--key", type=Path, default=Path("accord-log.pub"))
    export.set_defaults(run=_audit_export)
    verify = steps.add_parser("verify", help="check a log file, or this instance's database")
    verify.add_argument("log", type=Path, nargs="?", help="an exported log (default: the database)")
    verify.add_argument("--key", type=Path, help="the public key (default: the log's .pub file)")
    eventlog.add_beside_arguments(verify)
    verify.set_defaults(run=_audit_verify)
    release = steps.add_parser(
        "release", help="write the sealed content of a confidential process, to publish it"
    )
    release.add_argument("--process", required=True, help="the process's short name")
    release.add_argument("--out", type=Path, default=Path("accord-release.jsonl"))
    release.set_defaults(run=_audit_release)

    redline = commands.add_parser("redline", help="compare two draft files, print the redline")
    redline_files.add_arguments(redline)
    redline.set_defaults(run=redline_files.run, pure=True)

    bench = commands.add_parser("bench", help="measure accord against its baselines")
    suites = bench.add_subparsers(dest="suite", required=True, metavar="SUITE")
    engine = suites.add_parser("engine", help="redline, lineage and compilation")
    bench_run.add_arguments(engine)
    engine.set_defaults(run=bench_run.run, pure=True)
    record = suites.add_parser("record", help="verifying and appending events")
    record_bench.add_arguments(record)
    record.set_defaults(run=_on_migrated_database(record_bench.run))
    api = suites.add_parser("api", help="the API on a full-size negotiation")
    api.add_argument("--paragraphs", type=int, default=300)
    api.add_argument("--proposals", type=int, default=5000)
    api.add_argument("--runs", type=int, default=7)
    api.set_defaults(run=_on_migrated_database(_bench_api))
    live = suites.add_parser("live", help="live updates to every delegation's open page")
    live.add_argument("--clients", type=int, default=193)
    live.add_argument("--instances", type=int, default=2)
    live.add_argument("--events", type=int, default=12)
    live.add_argument("--json", action="store_true", help="print the figures as JSON")
    live.set_defaults(run=_on_migrated_database(_bench_live))

    token = commands.add_parser("token", help="create an API token for a user")
    token.add_argument("username")
    token.add_argument("name", help="what the token is for")
    token.add_argument("--read-only", action="store_true")
    token.set_defaults(run=_create_token)
    from accord.documents_cli import add_commands

    add_commands(commands)
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
        from accord import worker

        worker.start_thread()
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


def _require_database() -> None:
    """Commands that read the record refuse an empty database instead of creating one."""
    from django.db import connection

    if "store_event" not in connection.introspection.table_names():
        raise CommandError(
            f"{_describe_database()} holds no accord record; run `accord migrate` or point "
            "ACCORD_DATA_DIR or DATABASE_URL at the instance's database"
        )


def _audit_export(args: argparse.Namespace) -> None:
    from accord.store import record, signing

    _require_database()
    count = 0
    with args.log.open("wb") as log:
        for line in record.log_lines():
            log.write(line)
            count += not line.startswith(b"!")
    args.key.write_text(signing.public_pem())
    print(f"Wrote {count} events to {args.log} and the public key to {args.key}.")


def _audit_verify(args: argparse.Namespace) -> int:
    if args.log is None:
        _require_database()
        return _verify_database()
    key = args.key or args.log.with_suffix(".pub")
    if not key.exists():
        raise CommandError(f"no public key at {key}; give one with --key")
    for path in [args.released, *args.document]:
        if path is not None and not path.exists():
            raise CommandError(f"no such file: {path}")
    verdict = eventlog.verify_file(args.log, eventlog.public_key_check(key.read_bytes()))
    if not verdict.ok or (args.released is None and not args.document):
        return _report(verdict.ok, verdict.describe())
    _report(True, verdict.describe())
    return eventlog.report_beside(args.log, args.released, args.document)


def _audit_release(args: argparse.Namespace) -> None:
    from accord.store import models, record

    _require_database()
    process = models.Process.objects.filter(slug=args.process).first()
    if process is None:
        raise CommandError(f"there is no process '{args.process}'")
    count = 0
    with args.out.open("wb") as release:
        for line in record.released_lines(process):
            release.write(line)
            count += 1
    print(f"Wrote the sealed content of {count} events of {process.slug} to {args.out}.")


def _verify_database() -> int:
    from accord.store import record, signing

    check = eventlog.public_key_check(signing.public_pem().encode())
    verdict = eventlog.verify(record.log_lines(), check)
    if not verdict.ok:
        return _report(False, verdict.describe())
    for mismatch in (record.first_column_mismatch(), record.first_document_mismatch()):
        if mismatch:
            return _report(False, f"event {mismatch[0]}: {mismatch[1]}")
    return _report(True, f"{verdict.describe()}; database columns and documents match")


def _report(ok: bool, message: str) -> int:
    print(message, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1


def _bench_api(args: argparse.Namespace) -> int:
    # Imported here: it needs Django set up, which happens after the arguments are read.
    from accord.bench import api

    return api.run(args)


def _bench_live(args: argparse.Namespace) -> int:
    from accord.bench import live

    return live.run(args)


def _on_migrated_database(
    run: Callable[[argparse.Namespace], int],
) -> Callable[[argparse.Namespace], int]:
    def migrated_first(args: argparse.Namespace) -> int:
        _migrate()
        return run(args)

    return migrated_first


def _create_token(args: argparse.Namespace) -> None:
    from django.contrib.auth.models import User

    from accord.actions.tokens import create_api_token

    _require_database()
    user = User.objects.filter(username=args.username).first()
    if user is None:
        raise CommandError(f"there is no user {args.username!r}")
    token, secret = create_api_token(by=user, name=args.name, read_only=args.read_only)
    access = "read-only" if token.read_only else "read and write"
    print(f"A {access} token for {args.username}; it is shown only this once:\n{secret}")


def _serve(args: argparse.Namespace) -> None:
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
    _check_port(args.host, args.port)
    _migrate()
    from django.db import connection

    from accord import worker

    connection.close()
    worker.start_thread()
    _run_uvicorn(args.host, args.port, workers=args.workers)


def _worker(args: argparse.Namespace) -> None:
    from accord import worker

    _require_database()
    if args.once:
        for name, count in worker.run_due().items():
            print(f"{name}: {count}")
        return
    print(f"Running the periodic jobs every {args.interval:g} seconds (Ctrl-C stops).")
    with contextlib.suppress(KeyboardInterrupt):
        worker.run_forever(args.interval)


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

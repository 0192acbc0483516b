"""`accord token`: an API token for a program acting as a user."""

import argparse

from accord.cli.database import require_record
from accord.cli.errors import CommandError


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    token = commands.add_parser("token", help="create an API token for a user")
    token.add_argument("username")
    token.add_argument("name", help="what the token is for")
    token.add_argument("--read-only", action="store_true")
    token.set_defaults(run=run_token)


def run_token(args: argparse.Namespace) -> None:
    from django.contrib.auth.models import User

    from accord.actions.tokens import create_api_token

    require_record()
    user = User.objects.filter(username=args.username).first()
    if user is None:
        raise CommandError(f"there is no user {args.username!r}")
    token, secret = create_api_token(by=user, name=args.name, read_only=args.read_only)
    access = "read-only" if token.read_only else "read and write"
    print(f"A {access} token for {args.username}; it is shown only this once:\n{secret}")

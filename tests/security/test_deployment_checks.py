"""`accord serve` refuses settings no instance should be served with; the same checks run
as Django's deployment checks (`accord manage check --deploy`)."""

import os
import subprocess
import sys

import pytest
from django.core import checks

from accord.security.checks import refusals

SECRET = "a-real-secret-key-" * 3


def _accord(*args, tmp_path, **env):
    environment = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    environment |= {"ACCORD_DATA_DIR": str(tmp_path), "ACCORD_SECRET_KEY": SECRET} | env
    return subprocess.run(
        [sys.executable, "-m", "accord.cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
        check=False,
    )


@pytest.fixture
def safe(settings):
    settings.DEBUG = False
    settings.SECRET_KEY = SECRET
    settings.SESSION_COOKIE_SECURE = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.ACCORD_TRUSTED_PROXIES = ["10.0.0.5", "10.1.0.0/16"]
    return settings


def test_safe_settings_pass(safe):
    assert refusals() == []


def test_https_without_hsts_is_refused(safe):
    safe.SECURE_HSTS_SECONDS = 0
    assert refusals() == [
        "accord is served over HTTPS (secure cookies) without Strict-Transport-Security"
        " (ACCORD_HSTS_SECONDS=0): a first plain-HTTP request can be intercepted."
        " Set ACCORD_HSTS_SECONDS to at least 31536000, or leave it unset."
    ]


def test_debug_and_the_demo_key_are_refused(safe):
    safe.DEBUG = True
    safe.SECRET_KEY = safe.DEMO_SECRET_KEY
    found = checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.security])
    assert [error.id for error in found if error.id.startswith("accord.")] == [
        "accord.E001",
        "accord.E002",
    ]


def test_a_trusted_proxy_that_is_no_address_is_refused(safe):
    safe.ACCORD_TRUSTED_PROXIES = ["10.0.0.5", "proxy.internal"]
    assert refusals() == [
        "ACCORD_TRUSTED_PROXIES holds something that is not an address or a network:"
        " 'proxy.internal' does not appear to be an IPv4 or IPv6 network."
        " List addresses or networks separated by commas, e.g. 10.0.0.5,10.1.0.0/16."
    ]


def test_an_unknown_second_factor_rule_is_refused(safe):
    safe.ACCORD_SECOND_FACTOR = "sometimes"
    assert refusals() == [
        "ACCORD_SECOND_FACTOR is 'sometimes'. Set it to 'required' (the default) or 'optional'."
    ]


def test_a_signing_key_file_others_can_read_is_refused(safe, tmp_path):
    key = tmp_path / "signing-key.pem"
    key.write_text("-----BEGIN PRIVATE KEY-----")
    key.chmod(0o640)
    safe.ACCORD_SIGNING_KEY_FILE = key
    assert refusals() == [
        f"The signing key file {key} can be read by others than its owner (mode 640): whoever"
        " reads it can sign a rewritten record."
        f" Make it readable by the service alone: chmod 600 {key}."
    ]
    key.chmod(0o600)
    assert refusals() == []


def test_serve_refuses_https_without_hsts(tmp_path):
    result = _accord("serve", tmp_path=tmp_path, ACCORD_HSTS_SECONDS="0")
    assert result.returncode == 2
    assert result.stderr.startswith(
        "accord: refusing to serve: accord is served over HTTPS (secure cookies) without"
        " Strict-Transport-Security"
    )
    assert not (tmp_path / "accord.sqlite3").exists(), "refused before touching the database"

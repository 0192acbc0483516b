"""Where accord keeps its embedded database when no DATABASE_URL is given."""

import os
import subprocess
import sys

import pytest


def _database_file(cwd, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "ACCORD_DATA_DIR")
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from accord import settings; print(settings.DATABASES['default']['NAME'])",
        ],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment | env,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


@pytest.mark.parametrize("env", [{}, {"ACCORD_DATA_DIR": ""}], ids=["unset", "empty"])
def test_the_embedded_database_lives_under_var_never_in_the_working_directory(tmp_path, env):
    assert _database_file(tmp_path, **env) == str(tmp_path / "var" / "accord.sqlite3")
    assert not (tmp_path / "accord.sqlite3").exists()


def test_accord_data_dir_names_the_folder_of_the_embedded_database(tmp_path):
    data = tmp_path / "data"
    assert _database_file(tmp_path, ACCORD_DATA_DIR=str(data)) == str(data / "accord.sqlite3")
    assert data.is_dir()

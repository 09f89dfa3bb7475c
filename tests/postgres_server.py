"""A real PostgreSQL server for the tests: `initdb` and `pg_ctl` into a temporary directory.

It listens on 127.0.0.1 only, on a free port, with trust authentication for its one user;
each test gets a database of its own. The binaries are found on PATH, in
$EVENTWIRE_PG_BIN, or under /usr/lib/postgresql/*/bin (Debian). Where none is installed
the PostgreSQL tests are skipped, unless EVENTWIRE_REQUIRE_POSTGRES=1 (as in CI): then
they fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import pytest

USER = "eventwire"
_databases = count()


def binaries() -> Path | None:
    """The folder holding `initdb` and `pg_ctl`, or None."""
    configured = os.environ.get("EVENTWIRE_PG_BIN")
    candidates = [Path(configured)] if configured else []
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).parent)
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    return next((folder for folder in candidates if (folder / "initdb").is_file()), None)


@dataclass(frozen=True)
class Server:
    host: str
    port: int

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{USER}@{self.host}:{self.port}/{database}"

    def new_database(self) -> str:
        """Create an empty database and return its URL."""
        import psycopg

        name = f"test_{os.getpid()}_{next(_databases)}"
        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return self.url(name)


def start(folder: Path) -> tuple[Server, subprocess.CompletedProcess]:
    """Create a cluster in `folder` and start it; return the server."""
    bin_dir = binaries()
    if bin_dir is None:
        missing = "PostgreSQL is not installed (no initdb found; set EVENTWIRE_PG_BIN)"
        if os.environ.get("EVENTWIRE_REQUIRE_POSTGRES") == "1":
            pytest.fail(missing)
        pytest.skip(missing)
    # PostgreSQL refuses to run as root: as root, the server runs as `nobody`
    user = "nobody" if os.geteuid() == 0 else None
    if user:
        shutil.chown(folder, user)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = folder / "data"
    run = {"check": True, "capture_output": True, "text": True, "user": user, "cwd": folder}
    subprocess.run([bin_dir / "initdb", "-D", data, "-U", USER, "-A", "trust", "-E", "UTF8",
                    "--no-sync", "--locale", "C"], **run)
    started = subprocess.run(
        [bin_dir / "pg_ctl", "-D", data, "-l", folder / "server.log", "-w", "-t", "60",
         "-o", f"-h 127.0.0.1 -p {port} -k {folder} -F -c max_connections=60", "start"], **run)
    return Server("127.0.0.1", port), started


def stop(folder: Path) -> None:
    """Stop the server started in `folder` (if it was) and delete the folder."""
    bin_dir = binaries()
    if bin_dir is not None and (folder / "data" / "postmaster.pid").exists():
        subprocess.run([bin_dir / "pg_ctl", "-D", folder / "data", "-m", "immediate", "stop"],
                       capture_output=True, user="nobody" if os.geteuid() == 0 else None, cwd=folder)
    shutil.rmtree(folder, ignore_errors=True)


def temporary_folder() -> Path:
    # not under pytest's tmp_path: its parents are private to the user running the tests
    return Path(tempfile.mkdtemp(prefix="eventwire-pg-"))

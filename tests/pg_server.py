"""A private, throwaway PostgreSQL cluster for the tests (no network: a Unix socket in a
temporary folder), and fresh databases on it.

``initdb`` refuses to run as root, so as root (CI) the cluster belongs to the ``postgres`` user
(``runuser -u postgres``); otherwise to whoever runs the tests. The server binaries are found
in ``MOHAO_PG_BINDIR`` when it is set (only there), else Debian's
``/usr/lib/postgresql/<version>/bin``, ``pg_config --bindir`` or the PATH. Nothing is
installed or left behind: the folder goes away with the cluster.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "postgres"
TEMPLATE = "mohao_template"


def find_bindir() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, or None when PostgreSQL is absent."""
    if os.environ.get("MOHAO_PG_BINDIR"):  # given: that folder only
        folder = Path(os.environ["MOHAO_PG_BINDIR"])
        return folder if (folder / "initdb").exists() and (folder / "pg_ctl").exists() else None
    candidates: list[str] = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
        reverse=True,
    )
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        if out.returncode == 0:
            candidates.append(out.stdout.strip())
    if shutil.which("initdb"):
        candidates.append(str(Path(shutil.which("initdb") or "").resolve().parent))
    for folder in candidates:
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def _free_port() -> int:
    # The server listens on no TCP address (listen_addresses=''), but the port still names its
    # socket file; a port free on this machine keeps it clear of any other cluster's.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PrivateCluster:
    """``initdb`` into a temporary folder, ``pg_ctl start`` on a socket there, ``stop``.

    ``durable`` keeps PostgreSQL's own defaults for durability (``fsync``,
    ``synchronous_commit``, ``full_page_writes`` on), as a real server runs: the benchmarks'
    figures are made that way; the tests keep them off. ``parent`` is where the temporary
    folder goes (a benchmark's cluster may need gigabytes); ``settings`` are more ``-c``
    options (``{"shared_buffers": "1GB"}``)."""

    def __init__(
        self,
        bindir: Path,
        *,
        durable: bool = False,
        parent: Path | None = None,
        settings: dict[str, str] | None = None,
    ) -> None:
        self.bindir = bindir
        self.durable = durable
        self.settings = dict(settings or {})
        self.as_root = hasattr(os, "geteuid") and os.geteuid() == 0
        self.root = Path(tempfile.mkdtemp(prefix="mohao-pg-", dir=parent))
        self.data = self.root / "data"
        self.socket_dir = self.root
        self.port = _free_port()
        self.started = False
        self._counter = 0

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", SUPERUSER, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, cwd=self.root)
        if result.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(
                f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n"
                f"{result.stderr}\n{tail}"
            )
        return result

    def start(self) -> None:
        if self.as_root:
            shutil.chown(self.root, SUPERUSER, SUPERUSER)
        os.chmod(self.root, 0o700)
        self._run(
            "initdb", "-D", str(self.data), "-A", "trust", "-U", SUPERUSER, "-E", "UTF8",
            "--no-locale", "--no-sync",
        )  # fmt: skip
        options = f"-k {self.socket_dir} -p {self.port} -c listen_addresses='' "
        if not self.durable:
            # A throwaway cluster: durability buys nothing here, speed does.
            options += "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
        options += "-c max_connections=200"
        for name, value in self.settings.items():
            options += f" -c {name}={value}"
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-o", options,
            "-w", "-t", "60", "start",
        )  # fmt: skip
        self.started = True

    def stop(self) -> None:
        try:
            if self.started:
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
                self.started = False
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    # ------------------------------------------------------------------ databases

    def url(self, name: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@/{name}?host={self.socket_dir}&port={self.port}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            host=str(self.socket_dir), port=self.port, user=SUPERUSER, dbname="postgres",
            autocommit=True,
        ) as conn:  # fmt: skip
            conn.execute(sql)  # type: ignore[arg-type]

    def _ensure_template(self) -> None:
        """A database migrated to the head once; every test database is a copy of it."""
        if getattr(self, "_template_ready", False):
            return
        from mohao_desk.store.db import open_database

        self.admin(f"CREATE DATABASE {TEMPLATE}")
        open_database(self.url(TEMPLATE)).close()
        self._template_ready = True

    def create_database(self, *, migrated: bool = True, copy_of: str | None = None) -> str:
        """A fresh database (migrated to the head, or empty, or a copy of the database at the
        URL ``copy_of``, which nobody may be connected to); returns its URL."""
        self._counter += 1
        name = f"t{os.getpid()}_{self._counter}_{int(time.time() * 1000) % 100000}"
        if copy_of is not None:
            self.admin(f"CREATE DATABASE {name} TEMPLATE {database_name(copy_of)}")
        elif migrated:
            self._ensure_template()
            self.admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        else:
            self.admin(f"CREATE DATABASE {name} TEMPLATE template0")
        return self.url(name)

    def drop_database(self, url: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {database_name(url)} WITH (FORCE)")


def database_name(url: str) -> str:
    from sqlalchemy import make_url

    return str(make_url(url).database)

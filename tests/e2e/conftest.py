"""Starts the real action server and Rasa server (REST channel) on free ports,
with the trained model (trained first if its inputs changed) and a fresh SQLite
knowledge base. Tests talk to them over real HTTP."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Dict, List, Optional

import pytest

from bot.kb.db import make_engine
from bot.kb.loader import load_dir
from bot.settings import KB_DIR, PROJECT_ROOT
from bot.training import ensure_model

pytestmark = pytest.mark.rasa
STARTUP_TIMEOUT = 300


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, log: Path, timeout: float = STARTUP_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(1)
    raise RuntimeError(f"server did not start within {timeout} s:\n{log.read_text()[-3000:]}")


class Servers:
    def __init__(self, workdir: Path, database_url: str):
        self.workdir = workdir
        self.database_url = database_url
        self.processes: List[subprocess.Popen] = []

    def env(self, **extra: str) -> Dict[str, str]:
        return {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2",
                "SQLALCHEMY_SILENCE_UBER_WARNING": "1", "PYTHONPATH": str(PROJECT_ROOT),
                "HANDELWIJZER_DATABASE_URL": self.database_url,
                "HANDELWIJZER_TRACKER_URL": f"sqlite:///{self.workdir / 'gesprekken.sqlite3'}", **extra}

    def start(self, name: str, command: List[str], health: str, **env: str) -> subprocess.Popen:
        log = self.workdir / f"{name}.log"
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=self.env(**env), stdout=log.open("w"), stderr=subprocess.STDOUT)
        self.processes.append(process)
        wait_for(health, process, log)
        return process

    def action_server(self, name: str = "actions", **env: str) -> int:
        port = free_port()
        self.start(name, [sys.executable, "-m", "bot.action_server", "--port", str(port)],
                   f"http://127.0.0.1:{port}/health", **env)
        return port

    def rasa_server(self, model: Path, action_port: int, *options: str, port: Optional[int] = None, name: str = "rasa", **env: str) -> str:
        """A Rasa server with the project's channels and SQL tracker store;
        `options` are extra `rasa run` flags (e.g. --enable-api --auth-token)."""
        port = port or free_port()
        endpoints = self.workdir / f"endpoints-{port}.yml"
        endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n'
                             "tracker_store:\n  type: bot.stores.TrackerStore\n")
        self.start(name, [sys.executable, "-m", "bot.rasa_server", "run", "--model", str(model), "--port", str(port),
                          "--endpoints", str(endpoints), "--credentials", "credentials.yml", *options],
                   f"http://127.0.0.1:{port}/", **env)
        return f"http://127.0.0.1:{port}"

    def stop_process(self, process: subprocess.Popen) -> None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture(scope="session")
def servers(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("servers")
    database_url = f"sqlite:///{workdir / 'kb.sqlite3'}"
    engine = make_engine(database_url)
    load_dir(KB_DIR, engine)
    engine.dispose()
    s = Servers(workdir, database_url)
    yield s
    s.stop()


@pytest.fixture(scope="session")
def model() -> Path:
    return ensure_model()


@pytest.fixture(scope="session")
def rasa_url(servers, model) -> str:
    return servers.rasa_server(model, servers.action_server())


class Chat:
    """One conversation with the REST webhook (or the website chat's webhook)."""

    def __init__(self, base: str, sender: Optional[str] = None, channel: str = "rest"):
        self.url = f"{base}/webhooks/{channel}/webhook"
        self.sender = sender or f"test-{uuid.uuid4().hex[:12]}"

    def send(self, message: str) -> List[dict]:
        body = json.dumps({"sender": self.sender, "message": message}).encode()
        request = urllib.request.Request(self.url, data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.loads(response.read())

    def say(self, message: str) -> str:
        return "\n".join(m.get("text", "") for m in self.send(message))


@pytest.fixture()
def chat(rasa_url):
    return Chat(rasa_url)

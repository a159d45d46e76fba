"""Run Handelwijzer the way it scales in production, on one machine: several
Rasa servers sharing a PostgreSQL tracker store and a Redis lock store (so two
servers never handle the same conversation at once), several action-server
processes, and nginx in front of both. PostgreSQL, Redis and nginx come from
Debian's packages. Used by scripts/scale.sh and the benchmarks.

  .venv/bin/python -m bot.ops.stack up [--rasa 2] [--actions 2] [--port 8080]
  .venv/bin/python -m bot.ops.stack down
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from bot.settings import PROJECT_ROOT

STATE_DIR = PROJECT_ROOT / "var" / "scale"
RASA_BASE_PORT = 5101
ACTIONS_BASE_PORT = 5151
ACTIONS_LB_PORT = 5150
REDIS_PORT = 6399
# A Rasa server killed mid-turn leaves its conversation lock in Redis; with
# Rasa's default lifetime of 60 s that conversation then waits a minute. A turn
# takes well under a second, so 15 s still never lets two servers share one.
LOCK_LIFETIME_S = "15"
BASE_ENV = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "PYTHONPATH": str(PROJECT_ROOT), "TICKET_LOCK_LIFETIME": LOCK_LIFETIME_S}


def _apt(package: str, binary: str) -> str:
    """The binary from a Debian package, installed when missing."""
    found = shutil.which(binary) or (f"/usr/sbin/{binary}" if Path(f"/usr/sbin/{binary}").exists() else None)
    if found:
        return found
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", package], check=True, env=env)
    return shutil.which(binary) or f"/usr/sbin/{binary}"


def wait_http(url: str, timeout: float = 300.0, process: Optional[subprocess.Popen] = None) -> float:
    """Seconds until `url` answers 200."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process for {url} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return time.monotonic() - started
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.25)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


@dataclass
class Stack:
    model: Path
    rasa: int = 2
    actions: int = 2
    port: int = 8080
    tracker_url: str = ""
    state_dir: Path = STATE_DIR
    processes: Dict[str, subprocess.Popen] = field(default_factory=dict)
    startup_seconds: Dict[str, float] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _log(self, name: str):
        self.state_dir.mkdir(parents=True, exist_ok=True)
        return (self.state_dir / f"{name}.log").open("w")

    def _spawn(self, name: str, command: List[str], env: Optional[Dict[str, str]] = None) -> subprocess.Popen:
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, env={**os.environ, **BASE_ENV, **(env or {})},
                                   stdout=self._log(name), stderr=subprocess.STDOUT, start_new_session=True)
        self.processes[name] = process
        (self.state_dir / f"{name}.pid").write_text(str(process.pid))
        return process

    # -- shared services ----------------------------------------------------------

    def start_postgres(self) -> None:
        if not self.tracker_url:
            out = subprocess.run(["bash", "scripts/postgres.sh", "handelwijzer_scale"], cwd=PROJECT_ROOT, check=True,
                                 capture_output=True, text=True)
            self.tracker_url = out.stdout.strip().splitlines()[-1]

    def start_redis(self) -> None:
        redis = _apt("redis-server", "redis-server")
        subprocess.run([redis, "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "yes",
                        "--pidfile", str(self.state_dir / "redis.pid"), "--logfile", str(self.state_dir / "redis.log")], check=True)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if subprocess.run([shutil.which("redis-cli") or "redis-cli", "-p", str(REDIS_PORT), "ping"], capture_output=True,
                              text=True).stdout.strip() == "PONG":
                return
            time.sleep(0.2)
        raise RuntimeError("redis did not start")

    def endpoints(self) -> Path:
        path = self.state_dir / "endpoints.yml"
        path.write_text(
            f'action_endpoint:\n  url: "http://127.0.0.1:{ACTIONS_LB_PORT}/webhook"\n'
            "tracker_store:\n  type: bot.stores.TrackerStore\n"
            f"lock_store:\n  type: redis\n  url: 127.0.0.1\n  port: {REDIS_PORT}\n  db: 1\n  key_prefix: handelwijzer\n",
            encoding="utf-8")
        return path

    def nginx_conf(self) -> Path:
        rasa = "\n".join(f"    server 127.0.0.1:{RASA_BASE_PORT + i} max_fails=1 fail_timeout=5s;" for i in range(self.rasa))
        actions = "\n".join(f"    server 127.0.0.1:{ACTIONS_BASE_PORT + i};" for i in range(self.actions))
        d = self.state_dir
        conf = f"""daemon on;
pid {d}/nginx.pid;
worker_processes 1;
error_log {d}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {d}/nginx-body;
  proxy_temp_path {d}/nginx-proxy;
  fastcgi_temp_path {d}/nginx-fastcgi;
  uwsgi_temp_path {d}/nginx-uwsgi;
  scgi_temp_path {d}/nginx-scgi;
  client_max_body_size 64k;
  upstream rasa {{
{rasa}
    keepalive 64;
  }}
  upstream actions {{
{actions}
    keepalive 32;
  }}
  server {{
    listen 127.0.0.1:{self.port};
    location / {{
      proxy_pass http://rasa;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_read_timeout 60s;
      # A server that is down or restarting: try the next one (the request never reached it).
      proxy_next_upstream error timeout http_502 http_503;
    }}
  }}
  server {{
    listen 127.0.0.1:{ACTIONS_LB_PORT};
    location / {{
      proxy_pass http://actions;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
    }}
  }}
}}
"""
        path = d / "nginx.conf"
        path.write_text(conf, encoding="utf-8")
        return path

    def start_nginx(self) -> None:
        nginx = _apt("nginx", "nginx")
        conf = self.nginx_conf()
        subprocess.run([nginx, "-c", str(conf), "-p", str(self.state_dir)], check=True)

    # -- our processes ------------------------------------------------------------

    def start_actions(self, i: int) -> subprocess.Popen:
        port = ACTIONS_BASE_PORT + i
        p = self._spawn(f"actions-{i}", [sys.executable, "-m", "bot.action_server", "--port", str(port)])
        self.startup_seconds[f"actions-{i}"] = wait_http(f"http://127.0.0.1:{port}/health", process=p)
        return p

    def start_rasa(self, i: int) -> subprocess.Popen:
        port = RASA_BASE_PORT + i
        p = self._spawn(f"rasa-{i}", [sys.executable, "-m", "bot.rasa_server", "run", "--model", str(self.model), "--port", str(port),
                                      "--endpoints", str(self.endpoints()), "--credentials", "credentials.yml"],
                        env={"HANDELWIJZER_TRACKER_URL": self.tracker_url})
        self.startup_seconds[f"rasa-{i}"] = wait_http(f"http://127.0.0.1:{port}/", process=p)
        return p

    def up(self) -> "Stack":
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self.start_postgres()
        self.start_redis()
        for i in range(self.actions):
            self.start_actions(i)
        # Start the Rasa servers together: each one's start-up is measured on its own.
        for i in range(self.rasa):
            self.start_rasa(i)
        self.start_nginx()
        wait_http(f"{self.url}/")
        return self

    def kill(self, name: str) -> None:
        process = self.processes[name]
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)

    def down(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        stop_services(self.state_dir)


def stop_services(state_dir: Path = STATE_DIR) -> None:
    """nginx and Redis (daemons), and any of our processes left from an earlier `up`."""
    for pidfile in sorted(state_dir.glob("*.pid")):
        try:
            pid = int(pidfile.read_text().strip())
            os.kill(pid, signal.SIGTERM)
        except (ValueError, ProcessLookupError, PermissionError):
            pass
        pidfile.unlink(missing_ok=True)


def rss_mb(pid: int) -> Dict[str, float]:
    """Current and peak resident memory of a process (Linux /proc)."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values["rss_mb" if key == "VmRSS" else "peak_rss_mb"] = round(int(rest.split()[0]) / 1024, 0)
    return values


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.ops.stack", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("up", "down"))
    parser.add_argument("--rasa", type=int, default=2)
    parser.add_argument("--actions", type=int, default=2)
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    if args.command == "down":
        stop_services()
        print("Gestopt.")
        return 0
    from bot.training import ensure_model

    stack = Stack(ensure_model(), rasa=args.rasa, actions=args.actions, port=args.port)
    stack.up()
    print(f"Handelwijzer draait op {stack.url} ({args.rasa} Rasa-servers, {args.actions} actieservers, PostgreSQL, Redis, nginx).")
    print("Stoppen: Ctrl-C.")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        stack.down()
    return 0


if __name__ == "__main__":
    sys.exit(main())

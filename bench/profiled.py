"""Run a module with cProfile switched on and off by signals, so a profile
holds the turns of a load run and not the start-up:

  python bench/profiled.py OUT.prof MODULE [ARGS...]   (SIGUSR1 starts, SIGUSR2 writes OUT.prof)
"""
from __future__ import annotations

import cProfile
import runpy
import signal
import sys

out, module = sys.argv[1], sys.argv[2]
profiler = cProfile.Profile()


def _start(*_) -> None:
    profiler.enable()


def _stop(*_) -> None:
    profiler.disable()
    profiler.dump_stats(out)


signal.signal(signal.SIGUSR1, _start)
signal.signal(signal.SIGUSR2, _stop)
sys.argv = [module] + sys.argv[3:]
runpy.run_module(module, run_name="__main__", alter_sys=True)

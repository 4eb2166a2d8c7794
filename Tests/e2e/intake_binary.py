"""The intake binary as the browser suites run it: where it is, and starting it while a build
beside the tests may be relinking it. Shared by test_console.py, test_crash.py, test_precheck.py."""

import errno
import os
import subprocess
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-12-07"
# Seconds to wait while the binary is missing or being relinked (E2E_BINARY_WAIT).
BINARY_WAIT = float(os.environ.get("E2E_BINARY_WAIT", "90"))


def intake_path():
    """INTAKE_BIN, relative to the repository root unless absolute; default .build/debug/intake."""
    binary = Path(os.environ.get("INTAKE_BIN", ".build/debug/intake"))
    return binary if binary.is_absolute() else REPO / binary


def launch(binary, starter, *args):
    """`starter([binary, *args])`, retried while the binary is missing, busy or half-written."""
    deadline = time.monotonic() + BINARY_WAIT
    while True:
        try:
            return starter([str(binary), *args])
        except OSError as error:
            if error.errno not in (errno.ENOENT, errno.ETXTBSY, errno.ENOEXEC, errno.EACCES) \
                    or time.monotonic() > deadline:
                raise RuntimeError(f"cannot run {binary} ({error}); build it or set INTAKE_BIN") from error
            time.sleep(1)


def run(binary, *args, **kwargs):
    """A command run to its end, output captured."""
    return launch(binary, lambda argv: subprocess.run(argv, capture_output=True, text=True, timeout=120, **kwargs), *args)


def stop(process):
    """SIGTERM, then SIGKILL if it has not ended within ten seconds."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)


def clean_up(tmp, screens):
    """The suite's temporary folder, but the screenshots when they are in it (E2E_KEEP=1: all kept)."""
    import shutil
    import sys
    if tmp is None:
        return
    if os.environ.get("E2E_KEEP") == "1":
        print(f"\n[e2e] temporary folder kept: {tmp}", file=sys.stderr)
        return
    for child in tmp.iterdir():
        if child != screens:
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
    if not screens.is_relative_to(tmp) or not any(screens.iterdir()):
        shutil.rmtree(tmp, ignore_errors=True)


def add_chief(binary, state, login, name, password):
    """A 科长 account in the ledger of `state`, the password on standard input as a clerk types it."""
    clerk = run(binary, "clerk", "add", login, "--name", name, "--role", "chief", "--state", str(state), input=password + "\n")
    if clerk.returncode != 0:
        raise RuntimeError(f"intake clerk add exited {clerk.returncode}:\n{clerk.stdout}\n{clerk.stderr}")

"""`intake console` killed (SIGKILL) while it saves a correction: the audit chain still verifies,
the result folder holds either the whole new revision or the old one untouched, and a restarted
console accepts the next correction (no claim left stuck in the ledger).

Standard library only (urllib, a raw socket for the request that is cut off), no browser:

    .venv-e2e/bin/python -B -m unittest test_crash -v     (from Tests/e2e)

Environment: INTAKE_BIN and E2E_KEEP as test_console.py; E2E_BINARY_WAIT likewise.
"""

import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import intake_binary
from intake_binary import REPO, TODAY

LOGIN, PASSWORD, NAME = "chief", "crash-password-1", "李科长"
# The corrected one has a wrong check digit in legalRepIdNumber: a full ID number goes through the save.
TARGET = "lc-bad-id-check.xml"
SAMPLES = [REPO / "samples" / n for n in (TARGET, "lc-complete.xml", "ly-complete.xml")]
# The same ID number with its right check digit: the corrections after a restart set it, so a
# new full ID number also passes through the console's save path (and must not reach its log).
FIXED_ID = "371525197611300522"
# When SIGKILL comes, as fractions of one uninterrupted save on a fresh console (as each killed one
# is), measured just before on the same folder (a save copies every earlier revision, so it grows
# slower): from before the request is read to after the answer was sent.
KILL_AT = (0, 0.05, 0.15, 0.3, 0.5, 0.65, 0.8, 0.9, 1.0, 1.1, 1.5)

# An 18-character resident ID number, not part of a longer run of digits or letters (a bank account).
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")


def full_id_numbers(paths):
    """Every full ID number in these files (result.json, submission XML …)."""
    found = set()
    for path in paths:
        found.update(ID_NUMBER.findall(Path(path).read_text(errors="replace")))
    return found


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """The login's 303 carries the session cookie: keep it instead of following it."""

    def redirect_request(self, *args, **kwargs):
        return None


HTTP = urllib.request.build_opener(NoRedirect)


class ConsoleCrashE2E(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.intake = intake_binary.intake_path()
        cls.tmp = Path(tempfile.mkdtemp(prefix="intake-crash-"))
        cls.out, cls.state = cls.tmp / "out", cls.tmp / "state"
        cls.log = cls.tmp / "console.log"
        cls.consoles, cls.drains = [], []
        try:
            process = cls._run("process", "--output", str(cls.out), "--today", TODAY, *map(str, SAMPLES))
            if process.returncode not in (0, 1):  # 1: some submission is incomplete
                raise RuntimeError(f"intake process exited {process.returncode}:\n{process.stdout}\n{process.stderr}")
            cls.folders = {json.loads(r.read_text())["source"]["path"].rsplit("/", 1)[-1]: r.parent
                           for r in cls.out.glob(f"{TODAY}/*/result.json")}
            if TARGET not in cls.folders:
                raise RuntimeError(f"{TARGET} was not processed:\n{process.stdout}\n{process.stderr}")
            intake_binary.add_chief(cls.intake, cls.state, LOGIN, NAME, PASSWORD)
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        for console in cls.consoles:
            if console.poll() is None:
                console.kill()
                console.wait(10)
        if os.environ.get("E2E_KEEP") == "1":
            print(f"\n[e2e] temporary folder kept: {cls.tmp}", file=sys.stderr)
        else:
            shutil.rmtree(cls.tmp, ignore_errors=True)

    # ---- The binary, the console, HTTP ----

    @classmethod
    def _intake(cls, starter, *args):
        return intake_binary.launch(cls.intake, starter, *args)

    @classmethod
    def _run(cls, *args, **kwargs):
        return intake_binary.run(cls.intake, *args, **kwargs)

    def start_console(self):
        """A console on a free port, --verbose so that its log says as much as it can; (process, base URL).
        Standard error and output of every console of the run go to one log (append mode)."""
        with open(self.log, "a") as log:
            console = self._intake(
                lambda argv: subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=log, text=True),
                "console", "--output", str(self.out), "--state", str(self.state), "--listen", "127.0.0.1:0",
                "--today", TODAY, "--verbose")
        self.consoles.append(console)
        first = []
        reader = threading.Thread(target=lambda: first.append(console.stdout.readline()), daemon=True)
        reader.start()
        reader.join(60)
        line = first[0].strip() if first else ""
        prefix = "listening on http://"
        if not line.startswith(prefix):
            console.kill()
            self.fail(f"console did not start (first line {line!r}); see {self.log}")

        def drain():  # so the console never blocks on a full pipe; ends at its exit
            with console.stdout, open(self.log, "a") as log:
                for rest in console.stdout:
                    log.write(rest)
        self.drains.append(threading.Thread(target=drain, daemon=True))
        self.drains[-1].start()
        return console, "http://" + line[len(prefix):]

    def stop_console(self, console):
        console.terminate()
        try:
            console.wait(10)
        except subprocess.TimeoutExpired:
            console.kill()
            console.wait(10)
            self.fail("the console did not stop on SIGTERM within 10 s")

    def request(self, base, session, method, path, body=None):
        """(status, parsed JSON or text) of one request with the session, its CSRF token and Origin."""
        headers = {"Cookie": session["cookie"], "X-CSRF-Token": session["csrf"], "Origin": base}
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body).encode()
        try:
            answer = HTTP.open(urllib.request.Request(base + path, data=data, headers=headers, method=method), timeout=60)
        except urllib.error.HTTPError as error:
            answer = error
        with answer:
            text = answer.read().decode()
        return answer.status, json.loads(text) if "json" in (answer.headers["Content-Type"] or "") else text

    def log_in(self, base):
        """POST /login (303 + cookie), then the CSRF token from the queue page's data-csrf."""
        form = urllib.parse.urlencode({"login": LOGIN, "password": PASSWORD}).encode()
        try:
            answer = HTTP.open(urllib.request.Request(base + "/login", data=form, headers={"Origin": base}), timeout=60)
        except urllib.error.HTTPError as error:
            answer = error
        answer.close()
        cookie = (answer.headers["Set-Cookie"] or "").split(";")[0]
        self.assertEqual((answer.status, cookie.split("=")[0]), (303, "intake_session"), "login failed")
        session = {"cookie": cookie, "csrf": ""}
        status, page = self.request(base, session, "GET", "/")
        self.assertEqual(status, 200)
        session["csrf"] = re.search(r'data-csrf="([0-9a-f]+)"', page).group(1)
        return session

    def finish(self, base, session, sid, revision, values):
        started = time.monotonic()
        status, answer = self.request(base, session, "POST", f"/api/v1/submissions/{sid}/finish",
                                      {"base": revision, "values": values})
        return status, answer, time.monotonic() - started

    # ---- What is on disk ----

    def folder_revision(self, folder):
        """Checks that `folder` is one whole revision; its number and unitName.

        Whole: result.json parses, form.pdf and submission.json are there, and revisions/ holds
        exactly 1 … n-1, each with its own result.json of that revision."""
        result = json.loads((folder / "result.json").read_text())
        revision = result.get("revision", 1)
        self.assertTrue((folder / "form.pdf").read_bytes().startswith(b"%PDF"), f"{folder}/form.pdf")
        self.assertTrue((folder / "submission.json").is_file(), f"{folder}/submission.json missing")
        kept = sorted(int(p.name) for p in (folder / "revisions").iterdir()) if (folder / "revisions").exists() else []
        self.assertEqual(kept, list(range(1, revision)), f"{folder}/revisions/ does not match revision {revision}")
        for k in kept:
            earlier = json.loads((folder / f"revisions/{k}/result.json").read_text())
            self.assertEqual(earlier.get("revision", 1), k)
        unit = next(f.get("value") for f in result["fields"] if f["key"] == "unitName")
        return revision, unit

    def ledger(self, sql, *args):
        """A read-only query of the console's ledger (claims, audit rows)."""
        db = sqlite3.connect(f"file:{self.state / 'ledger.sqlite'}?mode=ro", uri=True)
        try:
            return db.execute(sql, args).fetchall()
        finally:
            db.close()

    def audit_verify(self):
        audit = self._run("audit", "verify", "--state", str(self.state))
        self.assertEqual(audit.returncode, 0, audit.stdout + audit.stderr)
        self.assertIn("intact", audit.stdout)
        return audit.stdout.strip()

    # ---- The test ----

    def test_sigkill_during_correction(self):
        started = time.monotonic()
        folder = self.folders[TARGET]
        sid = folder.name
        staging = self.out / ".tmp"

        # One uninterrupted save on a fresh console: how long a save takes here (debug build: 50–150 ms).
        console, base = self.start_console()
        session = self.log_in(base)
        revision, _ = self.folder_revision(folder)
        status, answer, save = self.finish(base, session, sid, revision, {"unitName": "校准单位"})
        self.assertEqual(status, 200, answer)
        self.stop_console(console)

        outcomes = []
        for i, fraction in enumerate(KILL_AT):
            reference, delay = save, fraction * save
            revision, old_unit = self.folder_revision(folder)
            left_before = sorted(p.name for p in staging.iterdir())
            new_unit = f"断电测试单位{i}"

            # The finish, written whole to the socket; SIGKILL `delay` later, wherever the console is.
            console, base = self.start_console()
            session = self.log_in(base)
            body = json.dumps({"base": revision, "values": {"unitName": new_unit}}).encode()
            head = (f"POST /api/v1/submissions/{sid}/finish HTTP/1.1\r\nHost: {base[7:]}\r\nOrigin: {base}\r\n"
                    f"Cookie: {session['cookie']}\r\nX-CSRF-Token: {session['csrf']}\r\n"
                    f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n")
            with socket.create_connection((base[7:].rsplit(":", 1)[0], int(base.rsplit(":", 1)[1]))) as client:
                client.sendall(head.encode() + body)
                time.sleep(delay)
                console.kill()
                console.wait(10)
                # What reached the client before the kill: a 200 means the console said "saved".
                client.settimeout(2)
                said = b""
                try:
                    while chunk := client.recv(65536):
                        said += chunk
                except OSError:
                    pass
            answered = said.split(b"\r\n", 1)[0].decode(errors="replace")

            # The folder is whole, and holds the old revision or the new one, never a mix.
            after, unit = self.folder_revision(folder)
            self.assertIn(after, (revision, revision + 1), f"kill {i}: revision {after} after base {revision}")
            self.assertEqual(unit, new_unit if after == revision + 1 else old_unit, f"kill {i}: unitName of r{after}")
            if answered.startswith("HTTP/1.1 200"):
                self.assertEqual(after, revision + 1, f"kill {i}: answered 200 but the folder has r{after}")
            claimed = self.ledger("SELECT MAX(revision) FROM revision WHERE submission = ?", sid)[0][0] or 1
            self.assertIn(claimed, (after, after + 1), f"kill {i}: ledger claim r{claimed}, folder r{after}")
            # The writer's staging folders under out/.tmp are named <id>.<pid>.<random> (and <id>.old.<random>
            # for the folder moved aside): a kill may leave one behind; note it, it must be the killed console's.
            leftovers = sorted(p.name for p in staging.iterdir())
            for name in set(leftovers) - set(left_before):
                self.assertRegex(name, rf"^{sid}\.({console.pid}|old)\.\d+$", f"kill {i}: unexpected {staging / name}")
            self.audit_verify()

            # Restarted: a claim whose revision never reached the folder is given back (correct-lost),
            # and the next correction, on the folder's revision, is saved.
            lost_before = self.ledger("SELECT COUNT(*) FROM audit WHERE action = 'correct-lost' AND submission = ?", sid)[0][0]
            killed = console.pid
            console, base = self.start_console()
            lost = self.ledger("SELECT COUNT(*) FROM audit WHERE action = 'correct-lost' AND submission = ?", sid)[0][0] - lost_before
            self.assertEqual(lost, 1 if claimed > after else 0, f"kill {i}: correct-lost rows at restart")
            session = self.log_in(base)
            status, shown = self.request(base, session, "GET", f"/api/v1/submissions/{sid}")
            self.assertEqual((status, shown.get("revision", 1)), (200, after))
            status, answer, save = self.finish(base, session, sid, after,
                                            {"unitName": f"重启后单位{i}", "legalRepIdNumber": FIXED_ID})
            self.assertEqual((status, answer.get("revision") if isinstance(answer, dict) else answer),
                             (200, after + 1), f"kill {i}: finish after restart")
            self.assertEqual(self.folder_revision(folder), (after + 1, f"重启后单位{i}"))
            if i == len(KILL_AT) - 1:
                pages = [self.request(base, session, "GET", path)[1] for path in ("/", "/api/v1/queue")]
            self.stop_console(console)
            # The restarted console removes the killed one's staging (it holds personal data) and leaves none.
            remaining = sorted(p.name for p in staging.iterdir())
            self.assertEqual([n for n in remaining if f".{killed}." in n], [], f"kill {i}: the killed console's staging kept")
            self.assertEqual(set(remaining) - set(leftovers), set(), f"kill {i}: the restarted console left a staging folder")

            outcome = "saved" if after == revision + 1 else "lost after claim" if claimed > after else "before claim"
            outcomes.append((delay, reference, outcome, answered or "-", len(leftovers) - len(left_before)))

        self.assertTrue(all(c.poll() is not None for c in self.consoles), "a console is still running")
        chain = self.audit_verify()

        # No full ID number in the consoles' logs or on the queue (page and JSON). All consoles have
        # exited: let the threads copying their standard output reach its end first.
        for drain in self.drains:
            drain.join(10)
        ids = full_id_numbers([*self.out.rglob("*.json"), *SAMPLES])
        self.assertIn(FIXED_ID, ids)
        for name, text in (("console log", self.log.read_text(errors="replace")),
                           ("queue page", pages[0]),
                           ("queue JSON", json.dumps(pages[1], ensure_ascii=False))):
            self.assertEqual(sorted(i for i in ids if i in text), [], f"full ID numbers in the {name}")

        counts = {k: sum(1 for o in outcomes if o[2] == k) for k in ("before claim", "lost after claim", "saved")}
        print(f"\n[e2e] SIGKILL during a correction, {len(outcomes)} kills: "
              + ", ".join(f"{n} {k}" for k, n in counts.items())
              + f"; staging folders left in out/.tmp: {len(list(staging.iterdir()))}; {chain}; "
              + f"{time.monotonic() - started:.1f} s")
        for delay, reference, outcome, answered, left in outcomes:
            print(f"[e2e]   kill {delay * 1000:4.0f} ms after sending (a save took {reference * 1000:3.0f} ms): "
                  f"{outcome:16} answer {answered!r}, staging folders left {left}")


if __name__ == "__main__":
    unittest.main(verbosity=2)

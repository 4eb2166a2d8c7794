#!/usr/bin/env python3
"""Score intake on the layout-variation corpus (issue 16's bars), per kind: typed / scan / fillable.

    python3 Tests/Fixtures/layouts/score.py --split tune                 # the figures
    python3 Tests/Fixtures/layouts/score.py --split heldout --json       # machine-readable
    python3 Tests/Fixtures/layouts/score.py --split tune --failures      # every wrong field
    python3 Tests/Fixtures/layouts/score.py --results run.jsonl          # score a saved run

The intake binary is copied to a temporary folder before it runs (the build tree may be rebuilt
under it) and is run once per kind with --workers 1, so the time between two result lines is the
time of one file (the first of a batch includes start-up: the OCR worker's model load for scans).
Standard library only.

Bars, as issue 16 words them:
  fields exact          a field's value equals the truth after removing whitespace; a date is
                        compared on its ISO form (`normalized` where the result has one, else
                        `value`; table cells, which have no `normalized`, are parsed); a blank
                        truth field is exact only when intake returns nothing for it
  wrong, not flagged    a field that is not exact, without `source.needsReview` and without a
                        `low-confidence` problem naming it (table cells: the table's
                        needsReview, or a low-confidence problem naming the cell, its row or the
                        table)
  expected problems     a planted fault is found when a problem with its code names its field
                        (or one of its `anyOf`); a `low-confidence` fault also when the field is
                        flagged for review; table rows are matched to intake's rows first
  faulty accepted       forms with a planted fault whose status is `accepted`; also printed: those
                        whose only problems are `missing-material` (no PDF carries the item's
                        申办材料, so enrollment and maternity forms are never `accepted`)
"""
import argparse
import datetime as dt
import unicodedata
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
KINDS = ["typed", "scan", "acroform"]
KIND_NAME = {"typed": "typed PDF", "scan": "scan", "acroform": "fillable PDF"}
METHOD = {"typed": "pdf-text", "scan": "ocr", "acroform": "acroform"}


# --------------------------------------------------------------------------------------------
# The catalog (a tiny YAML reader is enough for the definitions' `fields`; PyYAML if present)

def load_fields(form):
    path = os.path.join(REPO, "forms", "definitions", form + ".yaml")
    try:
        import yaml
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)["fields"]
    except ImportError:
        return _mini_fields(path)


def _mini_fields(path):
    """`fields:` of a definition without PyYAML: key, type and table columns."""
    fields, cur, col, in_fields, in_cols = [], None, None, False, False
    for line in open(path, encoding="utf-8"):
        if re.match(r"^\S", line):
            in_fields = line.startswith("fields:")
            continue
        if not in_fields:
            continue
        m = re.match(r"^  - key: (\S+)", line)
        if m:
            cur = {"key": m.group(1)}
            fields.append(cur)
            in_cols = False
            continue
        m = re.match(r"^    type: (\S+)", line)
        if m and cur is not None:
            cur["type"] = m.group(1)
            continue
        if re.match(r"^    columns:", line):
            cur["columns"] = []
            in_cols = True
            continue
        m = re.match(r"^      - key: (\S+)", line)
        if m and in_cols:
            col = {"key": m.group(1)}
            cur["columns"].append(col)
            continue
        m = re.match(r"^        type: (\S+)", line)
        if m and in_cols and col is not None:
            col["type"] = m.group(1)
    return fields


_FIELDS = {}


def fields_of(form):
    if form not in _FIELDS:
        _FIELDS[form] = load_fields(form)
    return _FIELDS[form]


# --------------------------------------------------------------------------------------------
# Comparison

WS = re.compile(r"[\s\u3000]+")
DATE = re.compile(r"^(\d{4})\s*(?:-|年|/|\.)\s*(\d{1,2})\s*(?:-|月|/|\.)\s*(\d{1,2})\s*日?$")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
HANZI_DIGITS = "〇一二三四五六七八九"
HANZI_DATE = re.compile(r"^([〇零一二三四五六七八九]{4})年([〇一二三四五六七八九十]{1,3})月([〇一二三四五六七八九十]{1,3})日$")


def hanzi_number(s):
    """一 … 三十一 as an integer (None when it is no number of one or two digits)."""
    s = s.replace("零", "〇")
    if "十" not in s:
        return HANZI_DIGITS.index(s) if len(s) == 1 and s in HANZI_DIGITS else None
    tens, _, units = s.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (HANZI_DIGITS.index(tens) if tens else 1) * 10 + (HANZI_DIGITS.index(units) if units else 0)


def squash(v):
    if v is None:
        return ""
    if isinstance(v, list):
        return [squash(x) for x in v]
    return WS.sub("", str(v))


def valid_iso(s):
    if not ISO.match(s or ""):
        return False
    try:
        dt.date.fromisoformat(s)
        return True
    except ValueError:
        return False


def as_iso(text):
    """A table cell's date as ISO, read as intake's `CalendarDate.parse` reads it: full-width
    digits folded, 20260305, and the year, month and day in Chinese numerals (二〇二六年三月五日)."""
    text = unicodedata.normalize("NFKC", squash(text))
    m = DATE.match(text) or COMPACT.match(text)
    if not m:
        m = HANZI_DATE.match(text)
        if not m:
            return None
        y = "".join(str(HANZI_DIGITS.index(c)) for c in m.group(1))
        parts = [int(y), hanzi_number(m.group(2)), hanzi_number(m.group(3))]
        if None in parts:
            return None
        y, mo, d = parts
        try:
            return dt.date(y, mo, d).isoformat()
        except ValueError:
            return None
    y, mo, d = (int(x) for x in m.groups())
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def blank(v):
    return v is None or v == "" or v == [] or (isinstance(v, str) and not squash(v))


def same_field(ftype, truth, rfield):
    """truth: the truth value (None when blank); rfield: the result's field object or None."""
    value = rfield.get("value") if rfield else None
    if blank(truth):
        return blank(value)
    if blank(value):
        return False
    if ftype == "multi-choice":
        got = value if isinstance(value, list) else [value]
        return sorted(squash(x) for x in got) == sorted(squash(x) for x in truth)
    if isinstance(value, list):
        value = value[0] if len(value) == 1 else "、".join(map(str, value))
    if ftype == "date" and valid_iso(truth):
        if rfield.get("normalized"):
            return rfield["normalized"] == truth
        return squash(value) == truth
    return squash(value) == squash(truth)


def same_cell(ctype, truth, value):
    if blank(truth):
        return blank(value)
    if blank(value):
        return False
    if ctype == "date" and valid_iso(truth):
        return as_iso(value) == truth or squash(value) == truth
    return squash(value) == squash(truth)


def align_rows(cols, truth_rows, got_rows):
    """Order-keeping alignment of truth rows to intake's rows maximising equal cells.
    Returns {truth index: result index}."""
    n, m = len(truth_rows), len(got_rows)

    def score(i, j):
        return sum(1 for c, t in cols if not blank(truth_rows[i].get(c)) and same_cell(t, truth_rows[i].get(c), got_rows[j].get(c)))

    S = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            s = score(i, j)
            S[i][j] = max(S[i + 1][j], S[i][j + 1], S[i + 1][j + 1] + s if s > 0 else -1)
    out, i, j = {}, 0, 0
    while i < n and j < m:
        s = score(i, j)
        if s > 0 and S[i][j] == S[i + 1][j + 1] + s:
            out[i] = j
            i += 1
            j += 1
        elif S[i][j] == S[i + 1][j]:
            i += 1
        else:
            j += 1
    return out


# --------------------------------------------------------------------------------------------

def score_case(truth, result):
    """Per-file figures and the list of wrong fields."""
    form = truth["form"]
    fields = fields_of(form)
    tv = truth["values"]
    err = result.get("error") if result else "no result"
    rfields = {f["key"]: f for f in (result or {}).get("fields", [])}
    problems = (result or {}).get("problems", []) or []
    lowconf = {p.get("field") for p in problems if p.get("code") == "low-confidence"}
    out = dict(file=truth["file"], form=form, kind=truth["kind"], family=truth["family"], split=truth["split"],
               total=0, exact=0, wrong_unflagged=0, wrong=[], faults=len(truth.get("faults", [])), found=0, missed=[],
               status=(result or {}).get("status") or ("error: %s" % err), method=((result or {}).get("source") or {}).get("method"),
               unexpected=[])
    row_map = {}
    table_key = None
    for f in fields:
        key = f["key"]
        if f.get("type") == "table":
            table_key = key
            cols = [(c["key"], c.get("type", "text")) for c in f["columns"]]
            trows = tv.get(key, [])
            rf = rfields.get(key)
            grows = rf.get("value") if rf and isinstance(rf.get("value"), list) else []
            tflag = bool(rf and (rf.get("source") or {}).get("needsReview")) or key in lowconf
            amap = align_rows(cols, trows, grows)
            row_map = amap
            for i, trow in enumerate(trows):
                j = amap.get(i)
                grow = grows[j] if j is not None else {}
                for c, ct in cols:
                    out["total"] += 1
                    if same_cell(ct, trow.get(c), grow.get(c)):
                        out["exact"] += 1
                        continue
                    flagged = tflag or (j is not None and ({"%s[%d].%s" % (key, j, c), "%s[%d]" % (key, j)} & lowconf))
                    if not flagged:
                        out["wrong_unflagged"] += 1
                    out["wrong"].append(dict(field="%s[%d].%s" % (key, i, c), expected=trow.get(c), got=grow.get(c) if j is not None else "(row not read)",
                                             flagged=bool(flagged)))
            used = set(amap.values())
            for j, grow in enumerate(grows):
                if j in used:
                    continue
                for c, ct in cols:
                    if blank(grow.get(c)):
                        continue
                    out["total"] += 1
                    flagged = tflag or ({"%s[%d].%s" % (key, j, c), "%s[%d]" % (key, j)} & lowconf)
                    if not flagged:
                        out["wrong_unflagged"] += 1
                    out["wrong"].append(dict(field="%s[+%d].%s" % (key, j, c), expected=None, got=grow.get(c), flagged=bool(flagged)))
            continue
        out["total"] += 1
        rf = rfields.get(key)
        if same_field(f.get("type", "text"), tv.get(key), rf):
            out["exact"] += 1
            continue
        flagged = bool(rf and (rf.get("source") or {}).get("needsReview")) or key in lowconf
        if not flagged:
            out["wrong_unflagged"] += 1
        out["wrong"].append(dict(field=key, expected=tv.get(key), got=rf.get("value") if rf else None,
                                 normalized=rf.get("normalized") if rf else None, flagged=flagged))

    def result_name(name):
        m = re.match(r"^(\w+)\[(\d+)\](.*)$", name)
        if m and m.group(1) == table_key:
            j = row_map.get(int(m.group(2)))
            return None if j is None else "%s[%d]%s" % (m.group(1), j, m.group(3))
        return name

    matched = set()
    for fault in truth.get("faults", []):
        names = {result_name(n) for n in [fault["field"]] + fault.get("anyOf", [])} - {None}
        hit = [k for k, p in enumerate(problems) if p.get("code") == fault["code"] and p.get("field") in names]
        if not hit and fault["code"] == "low-confidence":
            for n in names:
                rf = rfields.get(n)
                if rf and (rf.get("source") or {}).get("needsReview"):
                    hit = [-1]
        if hit:
            out["found"] += 1
            matched.update(hit)
        else:
            out["missed"].append(dict(field=fault["field"], code=fault["code"], fault=fault.get("fault"),
                                      reported=[(p.get("field"), p.get("code")) for p in problems
                                                if p.get("code") not in ("missing-material",)]))
    for k, p in enumerate(problems):
        if k not in matched and p.get("code") not in ("missing-material", "low-confidence", "missing-seal"):
            out["unexpected"].append((p.get("field"), p.get("code")))
    out["accepted_faulty"] = bool(truth.get("faults")) and out["status"] == "accepted"
    # an enrollment or maternity PDF always lacks its 申办材料: status incomplete whatever the form says
    out["passed_faulty"] = bool(truth.get("faults")) and not out["status"].startswith("error") and \
        all(p.get("code") == "missing-material" for p in problems)
    return out


# --------------------------------------------------------------------------------------------


def truth_xml(truth, fields):
    """The truth as an XML submission (what a perfect reader would hand the checks)."""
    from xml.sax.saxutils import escape
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<submission form="%s" version="1">' % truth["form"],
           "  <region>%s</region>" % truth.get("region", ""), "  <handling>本人</handling>", "  <fields>"]
    tv = truth["values"]
    for f in fields:
        k = f["key"]
        if k not in tv:
            continue
        v = tv[k]
        if f.get("type") == "table":
            out.append("    <%s>" % k)
            for row in v:
                out.append("      <row>" + "".join("<%s>%s</%s>" % (c["key"], escape(row[c["key"]]), c["key"])
                                                  for c in f["columns"] if c["key"] in row) + "</row>")
            out.append("    </%s>" % k)
        elif isinstance(v, list):
            out.append("    <%s>%s</%s>" % (k, "".join("<option>%s</option>" % escape(o) for o in v), k))
        else:
            out.append("    <%s>%s</%s>" % (k, escape(v), k))
    out += ["  </fields>", "</submission>", ""]
    return "\n".join(out)

def run_intake(binary, files, kind, log):
    """Runs intake on files (one process, one worker); returns {path: (result, seconds)}. A file's
    time is the gap between its --verbose log line (standard error, unbuffered) and the previous
    one; the first of a batch counts from the process start."""
    env = dict(os.environ)
    env.setdefault("INTAKE_OCR_WORKER", os.path.join(REPO, "ocr", "ppocr_worker.py"))
    env.setdefault("INTAKE_OCR_PYTHON", os.path.join(REPO, ".venv-ocr", "bin", "python3"))
    outdir = tempfile.mkdtemp(prefix="layouts-out-")
    cmd = [binary, "process", "--json", "--verbose", "--no-render", "--reprocess", "--workers", "1", "--today", "2026-11-25",
           "--forms", os.path.join(REPO, "forms"), "--output", outdir] + files
    times = {}
    t0 = time.monotonic()

    def read_log(stream):
        last = t0
        for line in stream:
            m = re.search(r"file=(\S+)", line)
            if m:
                now = time.monotonic()
                times[m.group(1)] = now - last
                last = now
                log("  %s %.2fs" % (os.path.basename(m.group(1)), times[m.group(1)]))

    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    th = threading.Thread(target=read_log, args=(p.stderr,), daemon=True)
    th.start()
    res = {}
    try:
        for line in p.stdout:
            line = line.strip()
            if line.startswith("{"):
                d = json.loads(line)
                path = (d.get("source") or {}).get("path")
                res[path] = d
        p.wait()
        th.join(timeout=10)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        shutil.rmtree(outdir, ignore_errors=True)
    return {path: (d, times.get(path)) for path, d in res.items()}


def match_results(got, pairs):
    """{truth file: (result, seconds)} for (truth, path it was run as) pairs, from run_intake's
    {path: (result, seconds)}."""
    results = {}
    for t, full in pairs:
        for path, v in got.items():
            if path and os.path.abspath(path) == os.path.abspath(full):
                results[t["file"]] = v
    return results


def pct(a, b):
    return "%.1f %%" % (100.0 * a / b) if b else "–"


def summarise(rows):
    s = dict(files=len(rows), fields=sum(r["total"] for r in rows), exact=sum(r["exact"] for r in rows),
             wrong_unflagged=sum(r["wrong_unflagged"] for r in rows), faults=sum(r["faults"] for r in rows),
             found=sum(r["found"] for r in rows), faulty_forms=sum(1 for r in rows if r["faults"]),
             accepted_faulty=sum(1 for r in rows if r["accepted_faulty"]),
             passed_faulty=sum(1 for r in rows if r["passed_faulty"]),
             unexpected=sum(len(r["unexpected"]) for r in rows),
             wrong_method=sum(1 for r in rows if r["method"] != METHOD[r["kind"]]),
             errors=sum(1 for r in rows if r["status"].startswith("error")))
    times = [r["seconds"] for r in rows if r.get("seconds") is not None]
    s["median_seconds"] = round(statistics.median(times), 3) if times else None
    s["max_seconds"] = round(max(times), 3) if times else None
    return s


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="tune", choices=["tune", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "all"])
    ap.add_argument("--intake", default=os.path.join(REPO, ".build", "debug", "intake"), help="the intake binary (copied before it runs)")
    ap.add_argument("--dir", default=HERE, help="corpus folder holding pdf/ and truth/ (default: this folder)")
    ap.add_argument("--kind", default="", help="only these kinds: typed,scan,acroform")
    ap.add_argument("--family", default="", help="only these families (comma-separated)")
    ap.add_argument("--json", action="store_true", help="print the figures (and every file's) as JSON")
    ap.add_argument("--failures", action="store_true", help="list every wrong field and missed problem")
    ap.add_argument("--by-family", action="store_true", help="figures per style family too")
    ap.add_argument("--results", help="score these saved result lines (JSONL) instead of running intake")
    ap.add_argument("--save", help="save intake's result lines (JSONL, with a `_seconds` key) here")
    ap.add_argument("--oracle", action="store_true",
                    help="check the truth itself, written as XML submissions: which planted faults today's checks find "
                         "when the reading is perfect")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    log = (lambda m: print(m, file=sys.stderr)) if a.verbose else (lambda m: None)

    truths = []
    for p in sorted(glob.glob(os.path.join(a.dir, "truth", "*.json"))):
        with open(p, encoding="utf-8") as f:
            t = json.load(f)
        if a.split != "all" and t["split"] != a.split:
            continue
        if a.kind and t["kind"] not in a.kind.split(","):
            continue
        if a.family and t["family"] not in a.family.split(","):
            continue
        truths.append(t)
    if not truths:
        sys.exit("no truth files for split %s in %s" % (a.split, a.dir))

    results = {}
    if a.oracle:
        tmp = tempfile.mkdtemp(prefix="layouts-oracle-")
        try:
            binary = os.path.join(tmp, "intake")
            shutil.copy2(a.intake, binary)
            files = []
            for t in truths:
                x = os.path.join(tmp, os.path.basename(t["file"])[:-4] + ".xml")
                with open(x, "w", encoding="utf-8") as f:
                    f.write(truth_xml(t, fields_of(t["form"])))
                files.append(x)
            results.update(match_results(run_intake(binary, files, "xml", log), zip(truths, files)))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    elif a.results:
        for line in open(a.results, encoding="utf-8"):
            if line.strip():
                d = json.loads(line)
                results[d["_file"]] = (d, d.get("_seconds"))
    else:
        tmp = tempfile.mkdtemp(prefix="layouts-intake-")
        try:
            binary = os.path.join(tmp, "intake")
            shutil.copy2(a.intake, binary)
            for kind in KINDS:
                files = [os.path.join(a.dir, t["file"]) for t in truths if t["kind"] == kind]
                if not files:
                    continue
                log("%s: %d files" % (kind, len(files)))
                results.update(match_results(run_intake(binary, files, kind, log),
                                             ((t, os.path.join(a.dir, t["file"])) for t in truths if t["kind"] == kind)))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        if a.save:
            with open(a.save, "w", encoding="utf-8") as f:
                for fname, (d, sec) in results.items():
                    f.write(json.dumps(dict(d, _file=fname, _seconds=sec), ensure_ascii=False) + "\n")

    rows = []
    for t in truths:
        d, sec = results.get(t["file"], (None, None))
        r = score_case(t, d)
        r["seconds"] = sec
        rows.append(r)

    summary = {k: summarise([r for r in rows if r["kind"] == k]) for k in KINDS if any(r["kind"] == k for r in rows)}
    fams = {}
    if a.by_family:
        for fam in sorted({r["family"] for r in rows}):
            fams[fam] = summarise([r for r in rows if r["family"] == fam])
    if a.json:
        print(json.dumps(dict(split=a.split, summary=summary, families=fams or None, files=rows), ensure_ascii=False, indent=1))
        return

    kinds = list(summary)
    print("split %s: %d files" % (a.split, len(rows)))
    print()
    print("| | " + " | ".join("%s (%d)" % (KIND_NAME[k], summary[k]["files"]) for k in kinds) + " |")
    print("|---|" + "---|" * len(kinds))
    line = lambda name, f: print("| %s | %s |" % (name, " | ".join(f(summary[k]) for k in kinds)))
    line("fields exact", lambda s: "%s (%d/%d)" % (pct(s["exact"], s["fields"]), s["exact"], s["fields"]))
    line("fields wrong and **not** flagged for review", lambda s: "%s (%d)" % (pct(s["wrong_unflagged"], s["fields"]), s["wrong_unflagged"]))
    line("expected problems found", lambda s: "%d of %d" % (s["found"], s["faults"]))
    line("faulty forms reported `accepted`", lambda s: "%d of %d" % (s["accepted_faulty"], s["faulty_forms"]))
    line("faulty forms with no problem but `missing-material`", lambda s: "%d of %d" % (s["passed_faulty"], s["faulty_forms"]))
    line("time per file, median / max (s)", lambda s: "%s / %s" % (s["median_seconds"], s["max_seconds"]))
    line("other problems reported (not planted)", lambda s: str(s["unexpected"]))
    line("read by another method / errors", lambda s: "%d / %d" % (s["wrong_method"], s["errors"]))
    if fams:
        print()
        print("| family | files | fields exact | wrong, not flagged | problems found | faulty accepted |")
        print("|---|---|---|---|---|---|")
        for fam, s in fams.items():
            print("| %s | %d | %s | %s | %d of %d | %d |" % (fam, s["files"], pct(s["exact"], s["fields"]), pct(s["wrong_unflagged"], s["fields"]),
                                                          s["found"], s["faults"], s["accepted_faulty"]))
    if a.failures:
        print()
        for r in rows:
            if not r["wrong"] and not r["missed"] and not r["accepted_faulty"]:
                continue
            print("%s [%s, %s]" % (r["file"], r["status"], r["method"]))
            for w in r["wrong"]:
                print("  %s %s: expected %s, got %s%s" % ("flagged" if w["flagged"] else "WRONG  ", w["field"],
                                                        json.dumps(w["expected"], ensure_ascii=False), json.dumps(w["got"], ensure_ascii=False),
                                                        " (normalized %s)" % w["normalized"] if w.get("normalized") else ""))
            for m in r["missed"]:
                print("  MISSED %s %s (%s); reported: %s" % (m["code"], m["field"], m["fault"], m["reported"]))


if __name__ == "__main__":
    import signal
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the finally blocks: end intake, remove temporaries
    main(sys.argv[1:])

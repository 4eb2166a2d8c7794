"""Tuning probes: more tuning-split families, made outside the committed corpus so that its
split rule (`split_of` in make_layouts.py, which ranks the families it knows) stays as it is.

The tuning split's fillable families draw no field borders, the held-out ones do (issue 16
names the failure: values of bordered widgets came back empty). These families give the
tuning side bordered widgets too: named Text1… with tooltips (ff-e) and without (ff-f), named
after their labels (ff-g, ff-i), values below their labels (ff-h), small type set tight (ff-j):

    /tmp/layouts-venv/bin/python Tests/Fixtures/layouts/make_probes.py /tmp/probe
    python3 Tests/Fixtures/layouts/score.py --dir /tmp/probe --split tune
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
import make_layouts as m  # noqa: E402

PROBES = {
    "ff-e": m._family(m._FILLABLE, (18, 20), font=m.SERIF, jitter=0.08, tooltips=True, border=True, rows=6),
    "ff-f": m._family(m._FILLABLE, 18, font=m.SERIF, size=10, labels="rebreak", date="slash", jitter=0.1,
                      naming="acrobat", border=True, rows=7),
    # Bordered widgets named after their labels (#-escaped Chinese), labels spaced or on one
    # line, values below their labels, ISO and spaced Chinese dates.
    "ff-g": m._family(m._FILLABLE, (16, 22), font=m.SANS, size=10.5, labels="spaced", date="iso", jitter=0.1, colon=":",
                      naming="labels", border=True, rows=5),
    "ff-h": m._family(m._FILLABLE, 15, font=m.UMING, size=10, labels="oneline", date="cn-spaced", jitter=0.12, pad=1.0,
                      stray=0.25, inline=False, rowscale=1.0, border=True, tooltips=True, rows=6),
    # Small type set tight, an option wrapped across two lines (生产经 / 营活动事业单位).
    "ff-i": m._family(m._FILLABLE, (20, 18), font=m.SERIF, size=11, labels="spaced", date="dot", jitter=0.14, colon=":",
                      naming="labels", tooltips=True, border=True, rows=4),
    "ff-j": m._family(m._FILLABLE, 12, font=m.SANS, size=9.5, labels="rebreak", date="cn-spaced", jitter=0.2, pad=0.8,
                      stray=0.3, rowscale=0.85, border=True, rows=9),
}

if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/probe"
    m.FAMILIES.update(PROBES)
    m.PROGRAM_OF.update({f: s["program"] for f, s in PROBES.items()})
    split_of = m.split_of
    m.split_of = lambda f: "tune" if f in PROBES else split_of(f)
    m.main(["--family", ",".join(PROBES), "--only", "fillable", "--out", out, "--extra", "1"])

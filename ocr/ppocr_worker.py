#!/usr/bin/env python3
"""PP-OCRv4 worker for intake: one JSON request per line on stdin, one JSON response per line on stdout.

Started and supervised by the Swift `PPOCREngine` (Sources/OCR); see ocr/README.md. Logs go to
stderr only. Models: the PP-OCRv4 det and rec ONNX files shipped inside the PyPI wheel
`rapidocr-onnxruntime==1.4.4` (found without importing that package, so its other dependencies
are not needed).

Start-up: once the models are loaded the worker writes `{"ready": true, ...}` (or
`{"ready": false, "error": ...}` and exits 3 when they cannot be loaded).

Request:  {"id": 1, "image": "/path/page.png", "deskewed": "/path/out.pgm", "paper": false}
          ("paper": true for a photo: the sheet of paper or card found in it is warped flat and
          read alone, and read again in negative when it gave little text (light print on a
          dark card); a page that fills the frame, as a scan does, is read as it is.)
Response: {"id": 1, "ok": true, "width": W, "height": H, "angle": a,
           "lines": [{"text": "...", "box": [x0,y0,x1,y1], "score": s,
                      "chars": [{"c": "单", "p": 0.998, "x0": .., "x1": ..}, ...]}],
           "seals": [{"box": [x0,y0,x1,y1], "score": s}], "seconds": t, "peak_rss_mb": m}
          or {"id": 1, "ok": false, "kind": "image" | "memory" | "internal", "error": "..."}
          ("image": the file is not a readable page; "memory": the page did not fit the memory
          limit; "internal": anything else. The worker goes on serving after each.)
Coordinates are pixels of the deskewed image (same size as the input, or as the paper found:
then "paper" in the response gives its corners tl, tr, br, bl in the input's pixels). `angle` is the skew found
in the input in degrees, positive when text lines descend to the right (content turned clockwise
as seen, as `convert -rotate 0.8` does); the deskewed image has it undone.
The deskewed image written to `deskewed` is 8-bit binary PGM: for a colour input it is the red
channel (red seal ink turns near-white, as recognition sees it), for grey input the grey itself.

`python3 ocr/ppocr_worker.py --selftest page.png` prints a readable dump of one page
(`SELFTEST_PAPER=1`: as a photo, its paper found first).
"""
import json
import math
import os
import sys
import time

# ONNX Runtime (1.32 at least) sends usage telemetry (Microsoft 1DS, queued in ~/.cache/Microsoft) unless
# this is set before it loads: never from a machine that reads citizens' forms.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"
os.environ.setdefault("OPENCV_IO_MAX_IMAGE_PIXELS", str(100_000_000))
os.environ.setdefault("OMP_NUM_THREADS", "1")

MAX_SIDE = 2000          # detection input: longest side at most this many pixels (multiple of 32)
DET_THRESH = 0.3         # probability map threshold
BOX_THRESH = 0.5         # minimum mean probability of a box
UNCLIP_RATIO = 1.6
REC_HEIGHT = 48
REC_BATCH = 6
MAX_SKEW = 5.0           # degrees; larger estimates are not corrected
MAX_PIXELS = 100_000_000
WHITE_PAPER = 240        # a scan's paper at least this light is left as it is
MAX_STACKED_RUNS = 60    # ink runs in a tall box beyond which it is not cut into characters


def log(*args):
    print("ppocr_worker:", *args, file=sys.stderr, flush=True)


def model_dir():
    override = os.environ.get("INTAKE_OCR_MODELS")
    if override:
        return override
    import importlib.util
    spec = importlib.util.find_spec("rapidocr_onnxruntime")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the Python package rapidocr-onnxruntime==1.4.4 (which holds the PP-OCRv4 models) "
                           "is not installed for " + sys.executable + "; run `make ocr-env`")
    return os.path.join(list(spec.submodule_search_locations)[0], "models")


class Engine:
    def __init__(self, threads):
        import numpy as np
        import onnxruntime as ort
        try:
            ort.disable_telemetry_events()
        except AttributeError:
            pass
        import cv2
        import pyclipper
        self.np, self.cv2, self.pyclipper = np, cv2, pyclipper
        cv2.setNumThreads(max(1, threads))
        models = model_dir()
        det_path = os.path.join(models, "ch_PP-OCRv4_det_infer.onnx")
        rec_path = os.path.join(models, "ch_PP-OCRv4_rec_infer.onnx")
        for p in (det_path, rec_path):
            if not os.path.isfile(p):
                raise RuntimeError("model file missing: " + p)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = max(1, threads)
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        opts.enable_cpu_mem_arena = False  # give memory back between pages
        self.det = ort.InferenceSession(det_path, sess_options=opts, providers=["CPUExecutionProvider"])
        self.rec = ort.InferenceSession(rec_path, sess_options=opts, providers=["CPUExecutionProvider"])
        meta = self.rec.get_modelmeta().custom_metadata_map
        if "character" not in meta:
            raise RuntimeError("rec model has no character dictionary in its metadata")
        # CTC blank at 0, the dictionary, then a space.
        self.chars = ["<blank>"] + meta["character"].splitlines() + [" "]
        self.det_input = self.det.get_inputs()[0].name
        self.rec_input = self.rec.get_inputs()[0].name

    # --- image loading ------------------------------------------------------------------------

    def load(self, path):
        np, cv2 = self.np, self.cv2
        if not isinstance(path, str) or not path:
            raise BadImage("no image path")
        try:
            data = np.fromfile(path, dtype=np.uint8)
        except (OSError, ValueError) as e:
            raise BadImage("cannot read %s: %s" % (path, e.strerror if isinstance(e, OSError) else e))
        if data.size == 0:
            raise BadImage("empty file: " + path)
        try:
            img = cv2.imdecode(data, cv2.IMREAD_UNCHANGED)
        except cv2.error as e:
            if "MAX_IMAGE_PIXELS" in str(e):
                raise BadImage("image too large (over %d pixels): %s" % (MAX_PIXELS, path))
            raise BadImage("not a readable image: %s (%s)" % (path, str(e).strip().splitlines()[-1][:200]))
        if img is None or img.size == 0:
            raise BadImage("not a readable image: " + path)
        if img.dtype != np.uint8:
            if img.dtype == np.uint16:
                img = (img >> 8).astype(np.uint8)
            else:
                img = cv2.normalize(img, None, 0, 255, cv2.NORM_MINMAX).astype(np.uint8)
        if img.ndim == 3 and img.shape[2] == 4:
            alpha = img[:, :, 3:4].astype(np.float32) / 255.0
            img = (img[:, :, :3].astype(np.float32) * alpha + 255.0 * (1 - alpha)).astype(np.uint8)
        if img.ndim == 3 and img.shape[2] == 1:
            img = img[:, :, 0]
        h, w = img.shape[:2]
        if h < 16 or w < 16:
            raise BadImage("image too small (%dx%d)" % (w, h))
        if h * w > MAX_PIXELS:
            raise BadImage("image too large (%dx%d)" % (w, h))
        colour = None
        if img.ndim == 3:
            b, g, r = img[:, :, 0], img[:, :, 1], img[:, :, 2]
            # A colour file holding a grey scan is treated as grey.
            if int(np.abs(r.astype(np.int16) - b).max()) > 24 or int(np.abs(r.astype(np.int16) - g).max()) > 24:
                colour = img
                grey = np.ascontiguousarray(r)  # red channel: red ink turns near-white
            else:
                grey = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
        else:
            grey = img
        return grey, colour

    # --- detection ----------------------------------------------------------------------------

    def detect(self, grey):
        """Text boxes as 4x2 float arrays (tl, tr, br, bl) in the coordinates of `grey`."""
        np, cv2 = self.np, self.cv2
        h, w = grey.shape
        ratio = min(1.0, MAX_SIDE / max(h, w))
        rh = max(32, int(round(h * ratio / 32)) * 32)
        rw = max(32, int(round(w * ratio / 32)) * 32)
        small = cv2.resize(grey, (rw, rh), interpolation=cv2.INTER_AREA if ratio < 1 else cv2.INTER_LINEAR)
        x = (small.astype(np.float32) / 255.0 - 0.5) / 0.5
        x = np.repeat(x[np.newaxis, np.newaxis, :, :], 3, axis=1)
        self.small = small
        pred = self.det.run(None, {self.det_input: x})[0][0, 0]
        del x
        mask = cv2.dilate((pred > DET_THRESH).astype(np.uint8), np.ones((2, 2), np.uint8))
        contours, _ = cv2.findContours(mask * 255, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
        sx, sy = w / float(rw), h / float(rh)
        boxes = []
        for contour in contours[:3000]:
            rect = cv2.minAreaRect(contour)
            if min(rect[1]) < 3:
                continue
            pts = cv2.boxPoints(rect)
            score = self._box_score(pred, pts)
            if score < BOX_THRESH:
                continue
            area = cv2.contourArea(pts)
            length = cv2.arcLength(pts.reshape(-1, 1, 2), True)
            if length <= 0:
                continue
            distance = area * UNCLIP_RATIO / length
            off = self.pyclipper.PyclipperOffset()
            off.AddPath([(float(p[0]), float(p[1])) for p in pts], self.pyclipper.JT_ROUND,
                        self.pyclipper.ET_CLOSEDPOLYGON)
            expanded = off.Execute(distance)
            if not expanded:
                continue
            rect2 = cv2.minAreaRect(np.array(expanded[0], dtype=np.float32).reshape(-1, 1, 2))
            if min(rect2[1]) < 5:
                continue
            quad = order_quad(np, cv2.boxPoints(rect2))
            quad[:, 0] = np.clip(quad[:, 0] * sx, 0, w - 1)
            quad[:, 1] = np.clip(quad[:, 1] * sy, 0, h - 1)
            if np.linalg.norm(quad[0] - quad[1]) <= 3 or np.linalg.norm(quad[0] - quad[3]) <= 3:
                continue
            boxes.append((quad, float(score)))
        return boxes

    def _box_score(self, pred, pts):
        np, cv2 = self.np, self.cv2
        h, w = pred.shape
        xmin = int(np.clip(np.floor(pts[:, 0].min()), 0, w - 1))
        xmax = int(np.clip(np.ceil(pts[:, 0].max()), 0, w - 1))
        ymin = int(np.clip(np.floor(pts[:, 1].min()), 0, h - 1))
        ymax = int(np.clip(np.ceil(pts[:, 1].max()), 0, h - 1))
        m = np.zeros((ymax - ymin + 1, xmax - xmin + 1), dtype=np.uint8)
        shifted = pts.copy()
        shifted[:, 0] -= xmin
        shifted[:, 1] -= ymin
        cv2.fillPoly(m, shifted.reshape(1, -1, 2).astype(np.int32), 1)
        return cv2.mean(pred[ymin:ymax + 1, xmin:xmax + 1], m)[0]

    # --- skew ---------------------------------------------------------------------------------

    def skew(self, boxes):
        """Skew in degrees (positive: lines descend to the right) from the long text boxes."""
        np = self.np
        angles, weights = [], []
        for quad, _ in boxes:
            top, bottom = quad[1] - quad[0], quad[2] - quad[3]
            width = (np.hypot(*top) + np.hypot(*bottom)) / 2
            height = (np.hypot(*(quad[3] - quad[0])) + np.hypot(*(quad[2] - quad[1]))) / 2
            if height <= 0 or width < 4 * height or width < 60:
                continue
            a = math.degrees(math.atan2(top[1] + bottom[1], top[0] + bottom[0]))
            if abs(a) > MAX_SKEW + 1:
                continue
            angles.append(a)
            weights.append(width)
        if not angles:
            return 0.0
        angles, weights = np.array(angles), np.array(weights)
        # Weighted median, then the weighted mean of those near it (robust to a few odd boxes).
        order = np.argsort(angles)
        cum = np.cumsum(weights[order])
        median = angles[order][np.searchsorted(cum, cum[-1] / 2)]
        near = np.abs(angles - median) <= 0.5
        a = float(np.average(angles[near], weights=weights[near]))
        return a if abs(a) <= MAX_SKEW else 0.0

    def refine_skew(self, small, guess):
        """Sharpen a skew estimate with a projection profile of the dark pixels (text rows and
        table rules make the sharpest row histogram when level). `small` is the page at
        detection scale; returns degrees, same sign convention as `skew`."""
        np = self.np
        ys, xs = np.nonzero(small < 128)
        if ys.size < 200:
            return guess
        if ys.size > 300_000:
            keep = np.random.default_rng(0).choice(ys.size, 300_000, replace=False)
            ys, xs = ys[keep], xs[keep]
        ys = ys.astype(np.float64)
        xs = xs.astype(np.float64) - small.shape[1] / 2.0
        offset = abs(xs).max() * math.tan(math.radians(MAX_SKEW + 2)) + 2

        def sharpness(a):
            rows = np.round(ys - xs * math.tan(math.radians(a)) + offset).astype(np.int64)
            counts = np.bincount(rows)
            return float((counts.astype(np.float64) ** 2).sum())

        best = guess
        for span, step in ((1.5, 0.1), (0.12, 0.01)):
            candidates = np.arange(best - span, best + span + step / 2, step)
            candidates = candidates[np.abs(candidates) <= MAX_SKEW]
            if candidates.size == 0:
                return guess
            best = float(max(candidates, key=sharpness))
        return best

    def split_at_rules(self, grey, boxes):
        """Boxes cut where a table's vertical ruling line crosses them. The detector joins text of
        neighbouring cells (万倩艳 | 女) into one box, and recognition then reads them as one
        word; no text crosses a ruling line, so a box is cut there and each part read alone."""
        np, cv2 = self.np, self.cv2
        if not boxes:
            return boxes
        heights = sorted(float(q[:, 1].max() - q[:, 1].min()) for q, _ in boxes)
        text_h = heights[len(heights) // 2]
        # Strokes longer than two text lines: ruling lines, not the strokes of a character or of a
        # tick box's side.
        k = max(int(2.2 * text_h), 15)
        ink = (grey < 140).astype(np.uint8)
        rules = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((k, 1), np.uint8))
        if not rules.any():
            return boxes
        h, w = grey.shape
        out = []
        for quad, score in boxes:
            x0, x1 = int(quad[:, 0].min()), int(math.ceil(quad[:, 0].max()))
            y0, y1 = int(quad[:, 1].min()), int(math.ceil(quad[:, 1].max()))
            bh = y1 - y0
            if x1 - x0 < 2 * bh or bh < 4:
                out.append((quad, score))
                continue
            # A ruling line runs through the box from top to bottom.
            band = rules[max(y0, 0):min(y1, h), max(x0, 0):min(x1, w)]
            full = band.mean(axis=0) >= 0.9
            cols = np.flatnonzero(full)
            if cols.size == 0:
                out.append((quad, score))
                continue
            cuts = []
            start = prev = int(cols[0])
            for c in cols[1:]:
                c = int(c)
                if c > prev + 1:
                    cuts.append((start, prev))
                    start = c
                prev = c
            cuts.append((start, prev))
            left = 0
            pieces = []
            for a, b in cuts:
                pieces.append((left, a - 1))
                left = b + 1
            pieces.append((left, x1 - x0))
            for a, b in pieces:
                # A sliver beside a rule is the rule's own edge or noise, not text.
                if b - a < 0.6 * bh:
                    continue
                px0, px1 = float(x0 + a), float(x0 + b)
                piece = np.array([[px0, y0], [px1, y0], [px1, y1], [px0, y1]], dtype=np.float32)
                out.append((piece, score))
        return out

    def unstack(self, grey, boxes):
        """Tall boxes cut into their characters. A narrow cell wraps its words one character a
        line (二/级/甲/等), which the detector boxes as one tall column; recognition reads lines
        left to right, so each character is cut out and read alone. Characters are the runs of
        inked rows, a run joined to the next while both fit in one square character (二 is two
        strokes): of all ways to join neighbouring runs, the one whose characters come nearest to
        square."""
        np = self.np
        out = []
        h, w = grey.shape
        for quad, score in boxes:
            x0, x1 = max(int(quad[:, 0].min()), 0), min(int(math.ceil(quad[:, 0].max())), w)
            y0, y1 = max(int(quad[:, 1].min()), 0), min(int(math.ceil(quad[:, 1].max())), h)
            bw, bh = x1 - x0, y1 - y0
            if bw < 4 or bh < 1.6 * bw:
                out.append((quad, score))
                continue
            # Ink by the box's own contrast: a scan's thin strokes (二) are light grey.
            cut, _ = self.cv2.threshold(grey[y0:y1, x0:x1], 0, 255, self.cv2.THRESH_BINARY + self.cv2.THRESH_OTSU)
            cut = min(max(cut, 100), 200)
            ink = grey[y0:y1, x0:x1] < cut
            columns = np.flatnonzero(ink.sum(axis=0) >= 2)
            # A cell's rule inside the box runs on past both its sides; a character's stroke (一)
            # stays inside.
            wide = grey[y0:y1, max(x0 - 4, 0):min(x1 + 4, w)] < cut
            ruled = (ink.mean(axis=1) >= 0.7) & wide[:, :3].any(axis=1) & wide[:, -3:].any(axis=1)
            # With the rule's blurred edges.
            ruled = np.convolve(ruled.astype(int), [1, 1, 1, 1, 1], mode="same") > 0
            ink[ruled] = False
            rows = ink.sum(axis=1) >= 1
            if columns.size == 0:
                out.append((quad, score))
                continue
            side = float(columns[-1] - columns[0] + 1)
            runs = []
            y = 0
            while y < bh:
                if rows[y]:
                    a = y
                    while y < bh and rows[y]:
                        y += 1
                    runs.append([a, y])
                else:
                    y += 1
            # A column of a few characters, not a barcode's or a smear's hundreds of runs (the
            # grouping is quadratic in them).
            if len(runs) > MAX_STACKED_RUNS:
                out.append((quad, score))
                continue
            chars = self.group_runs(runs, ink)
            if len(chars) < 2:
                out.append((quad, score))
                continue
            pad = max(2, int(0.1 * side))
            for a, b in chars:
                # Padded, but never over a rule (二 under one reads 三).
                top, bottom = a, b
                while top > max(a - pad, 0) and not ruled[top - 1]:
                    top -= 1
                while bottom < min(b + pad, bh) and not ruled[bottom]:
                    bottom += 1
                piece = np.array([[x0, y0 + top], [x1, y0 + top], [x1, y0 + bottom], [x0, y0 + bottom]],
                                 dtype=np.float32)
                out.append((piece, score, side + 2 * pad))
        return out

    def group_runs(self, runs, ink):
        """Consecutive runs joined into characters, minimising the squared difference of each
        character's height from its own width (CJK characters are square)."""
        np = self.np
        n = len(runs)
        best = [0.0] + [float("inf")] * n
        back = [0] * (n + 1)
        for j in range(1, n + 1):
            for i in range(j - 1, -1, -1):
                a, b = runs[i][0], runs[j - 1][1]
                cols = np.flatnonzero(ink[a:b].any(axis=0))
                width = float(cols[-1] - cols[0] + 1) if cols.size else 1.0
                cost = best[i] + (b - a - width) ** 2
                if cost < best[j]:
                    best[j], back[j] = cost, i
        chars = []
        j = n
        while j > 0:
            i = back[j]
            chars.append([runs[i][0], runs[j - 1][1]])
            j = i
        return chars[::-1]

    # --- recognition --------------------------------------------------------------------------

    def crop(self, grey, quad):
        np, cv2 = self.np, self.cv2
        cw = int(max(np.linalg.norm(quad[0] - quad[1]), np.linalg.norm(quad[2] - quad[3])))
        ch = int(max(np.linalg.norm(quad[0] - quad[3]), np.linalg.norm(quad[1] - quad[2])))
        cw, ch = max(cw, 1), max(ch, 1)
        dst = np.array([[0, 0], [cw, 0], [cw, ch], [0, ch]], dtype=np.float32)
        m = cv2.getPerspectiveTransform(quad.astype(np.float32), dst)
        return cv2.warpPerspective(grey, m, (cw, ch), borderMode=cv2.BORDER_REPLICATE, flags=cv2.INTER_CUBIC)

    def recognize(self, crops):
        """For each crop: [(char, probability, x0, x1)] with x in crop pixels."""
        np, cv2 = self.np, self.cv2
        results = [[] for _ in crops]
        ratios = [c.shape[1] / float(c.shape[0]) for c in crops]
        order = np.argsort(np.array(ratios))
        for start in range(0, len(crops), REC_BATCH):
            idx = order[start:start + REC_BATCH]
            max_ratio = max(320 / 48.0, max(ratios[i] for i in idx))
            width = int(REC_HEIGHT * max_ratio)
            batch = np.zeros((len(idx), 3, REC_HEIGHT, width), dtype=np.float32)
            used = []
            for k, i in enumerate(idx):
                c = crops[i]
                rw = min(width, int(math.ceil(REC_HEIGHT * ratios[i])))
                r = cv2.resize(c, (rw, REC_HEIGHT)).astype(np.float32) / 255.0
                batch[k, :, :, :rw] = (r - 0.5) / 0.5
                used.append(rw)
            probs = self.rec.run(None, {self.rec_input: batch})[0]  # (n, T, classes)
            steps = probs.shape[1]
            stride = width / float(steps)
            best = probs.argmax(axis=2)
            bestp = probs.max(axis=2)
            for k, i in enumerate(idx):
                scale = crops[i].shape[1] / float(used[k])
                results[i] = self._decode(best[k], bestp[k], stride, used[k], scale)
        return results

    def _decode(self, best, bestp, stride, used_width, scale):
        """CTC greedy decode keeping each character's probability and time-step run."""
        runs = []  # [char index, first step, last step, max prob]
        prev = 0
        for t in range(len(best)):
            c = int(best[t])
            if c != 0 and c == prev and runs:
                runs[-1][2] = t
                runs[-1][3] = max(runs[-1][3], float(bestp[t]))
            elif c != 0:
                runs.append([c, t, t, float(bestp[t])])
            prev = c
        if not runs:
            return []
        centres = [(s + e + 1) / 2.0 * stride for _, s, e, _ in runs]
        out = []
        n = len(runs)
        for j, (c, s, e, p) in enumerate(runs):
            left = (centres[j - 1] + centres[j]) / 2 if j > 0 else None
            right = (centres[j] + centres[j + 1]) / 2 if j < n - 1 else None
            half = None
            if left is not None:
                half = centres[j] - left
            if right is not None:
                half = min(half, right - centres[j]) if half is not None else right - centres[j]
            if half is None:
                half = REC_HEIGHT / 2.0
            half = min(half, REC_HEIGHT * 0.75)  # a character after a gap is not wider than tall
            x0 = centres[j] - half if left is None else left
            x1 = centres[j] + half if right is None else right
            x0 = max(0.0, min(x0, used_width))
            x1 = max(x0, min(x1, used_width))
            ch = self.chars[c] if c < len(self.chars) else ""
            out.append((ch, min(1.0, max(p, 1e-6)), x0 * scale, x1 * scale))
        return out

    # --- seals --------------------------------------------------------------------------------

    def seals(self, colour):
        np, cv2 = self.np, self.cv2
        if colour is None:
            return []
        h, w = colour.shape[:2]
        hsv = cv2.cvtColor(colour, cv2.COLOR_BGR2HSV)
        hue, sat, val = hsv[:, :, 0], hsv[:, :, 1], hsv[:, :, 2]
        red = (((hue <= 10) | (hue >= 165)) & (sat >= 70) & (val >= 70)).astype(np.uint8)
        if int(red.sum()) < 50:
            return []
        k = max(3, int(round(min(h, w) / 200)))
        closed = cv2.morphologyEx(red, cv2.MORPH_CLOSE, np.ones((k * 3, k * 3), np.uint8))
        n, labels, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
        short = min(h, w)
        out = []
        for i in range(1, n):
            x, y, bw, bh, area = stats[i]
            size = max(bw, bh)
            # A seal is 3-6 cm across: on an A4 page 1/7 to 1/3 of its width; allow a wide margin.
            if size < short * 0.05 or size > short * 0.5:
                continue
            aspect = min(bw, bh) / float(max(bw, bh))
            if aspect < 0.6:
                continue
            ink = int(red[y:y + bh, x:x + bw].sum())
            fill = ink / float(bw * bh)
            if fill < 0.04 or fill > 0.9:
                continue
            score = min(1.0, aspect * min(1.0, fill / 0.15))
            out.append({"box": [int(x), int(y), int(x + bw), int(y + bh)], "score": round(float(score), 3)})
        # A seal's inner parts (star, text) can form blobs of their own: keep the outer box.
        def inside(a, b):
            return a is not b and a[0] >= b[0] and a[1] >= b[1] and a[2] <= b[2] and a[3] <= b[3]
        out = [s for s in out if not any(inside(s["box"], o["box"]) for o in out)]
        out.sort(key=lambda s: -s["score"])
        return out[:10]

    # --- a photo's paper ------------------------------------------------------------------------

    def paper(self, grey, colour):
        """The sheet (or card) in a photo: the largest bright region with four corners covering
        12–95 % of the frame, warped to a flat rectangle, its lighting evened out. None when there is no such region or the
        page fills the frame, as in a scan. Returns (corners in the input, grey, colour)."""
        np, cv2 = self.np, self.cv2
        h, w = grey.shape
        scale = min(1.0, 800.0 / max(h, w))
        luma = cv2.cvtColor(colour, cv2.COLOR_BGR2GRAY) if colour is not None else grey
        small = cv2.resize(luma, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA)
        blur = cv2.GaussianBlur(small, (5, 5), 0)
        _, mask = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        # Close the holes the text leaves, then drop specks.
        mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))
        mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        if not contours:
            return None
        contour = max(contours, key=cv2.contourArea)
        share = cv2.contourArea(contour) / float(small.shape[0] * small.shape[1])
        if share < 0.12 or share > 0.95:
            return None
        approx = cv2.approxPolyDP(contour, 0.02 * cv2.arcLength(contour, True), True)
        if len(approx) == 4 and cv2.isContourConvex(approx):
            corners = approx.reshape(4, 2).astype(np.float32)
        else:
            corners = cv2.boxPoints(cv2.minAreaRect(contour)).astype(np.float32)
        quad = order_quad(np, corners / scale)
        tl, tr, br, bl = quad
        out_w = int(round(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))))
        out_h = int(round(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))))
        if out_w < 64 or out_h < 64:
            return None
        target = np.array([[0, 0], [out_w - 1, 0], [out_w - 1, out_h - 1], [0, out_h - 1]], dtype=np.float32)
        m = cv2.getPerspectiveTransform(quad, target)
        flat = lambda img, border: cv2.warpPerspective(img, m, (out_w, out_h), flags=cv2.INTER_LINEAR,
                                                       borderMode=cv2.BORDER_CONSTANT, borderValue=border)
        grey = flat(grey, 255)
        if colour is not None:
            colour = flat(colour, (255, 255, 255))
        # Light falls unevenly on a photographed page: divided by the paper's own brightness
        # (the page with its ink closed away), the paper is white again and ruling lines stand out.
        paper_light = cv2.medianBlur(cv2.dilate(grey, np.ones((9, 9), np.uint8)), 31).astype(np.float32)
        grey = np.clip(grey.astype(np.float32) * 255.0 / np.maximum(paper_light, 1.0), 0, 255).astype(np.uint8)
        return quad, np.ascontiguousarray(grey), colour

    def whiten(self, grey):
        """A scan on grey paper (recycled paper, a fax, a copier set dark) as if on white: the
        paper's grey, the commonest light value, is stretched to white. Ruling lines are told
        from paper by their contrast with white: on paper at 218 every pixel looked like ink and
        a table's rules were lost."""
        np = self.np
        hist = np.bincount(grey.ravel(), minlength=256)
        paper = 128 + int(np.argmax(hist[128:]))
        if paper >= WHITE_PAPER:
            return grey
        lut = np.clip(np.arange(256, dtype=np.float32) * 255.0 / paper, 0, 255).astype(np.uint8)
        return np.ascontiguousarray(lut[grey])

    # --- one page -----------------------------------------------------------------------------

    def page(self, request):
        answer = self.read_page(request)
        # Light print on a dark card (a bank card's number): recognition reads dark on light
        # only, so a photo that gave little text is read again in negative, and the fuller reading kept.
        if request.get("paper") and not request.get("negative") and sum(len(l["chars"]) for l in answer["lines"]) < 40:
            deskewed = request.get("deskewed")
            aside = deskewed + ".negative.pgm" if deskewed else None
            negative = self.read_page(dict(request, negative=True, deskewed=aside))
            better = sum(len(l["chars"]) for l in negative["lines"]) > sum(len(l["chars"]) for l in answer["lines"])
            if aside and os.path.exists(aside):
                if better:
                    os.replace(aside, deskewed)
                else:
                    os.remove(aside)
            if better:
                answer = negative
        return self.upright(request, answer)

    def upright(self, request, answer):
        """A page turned a quarter or half round (a scanner's or phone's file with no EXIF
        orientation) reads as garbage: few characters read surely. Then it is read turned each
        other way, and the reading with clearly the most sure characters kept."""
        def sure(a):
            # Sure characters of lines of three or more: a turned page still reads some single
            # characters surely (医, 第, 历 of a 门诊病历 on its side), never its lines of words.
            return sum(1 for l in a["lines"] if len(l["chars"]) >= 3 for c in l["chars"] if c["p"] >= 0.9)
        total = sum(len(l["chars"]) for l in answer["lines"])
        best, best_sure = answer, sure(answer)
        # A fax's header line, printed upright by the receiving machine on a page sent upside
        # down, is no proof of the page: the two surest lines do not count where there are many.
        lines = sorted((sum(1 for c in l["chars"] if c["p"] >= 0.9), len(l["chars"])) for l in answer["lines"] if len(l["chars"]) >= 3)
        rest = lines[:-2] if len(lines) >= 8 else lines
        body_total = sum(n for _, n in rest) if len(lines) >= 8 else total
        body_sure = sum(k for k, _ in rest)
        # An upright page, even a poor photo, reads a good share surely (30 % and up); a turned
        # one a few per cent.
        if request.get("negative") or request.get("turn") or (total >= 15 and best_sure >= 0.15 * total
                                                               and body_sure >= 0.15 * body_total):
            return answer
        deskewed = request.get("deskewed")
        kept = None
        for turn in (1, 2, 3):
            aside = deskewed + ".turn%d.pgm" % turn if deskewed else None
            other = self.read_page(dict(request, turn=turn, deskewed=aside))
            n = sure(other)
            if n > 1.3 * best_sure + 5:
                if kept and os.path.exists(kept):
                    os.remove(kept)
                best, best_sure, kept = other, n, aside
            elif aside and os.path.exists(aside):
                os.remove(aside)
        if kept and os.path.exists(kept):
            os.replace(kept, deskewed)
        return best

    def read_page(self, request):
        np, cv2 = self.np, self.cv2
        t0 = time.monotonic()
        grey, colour = self.load(request.get("image"))
        turn = int(request.get("turn") or 0) % 4
        if turn:
            # Quarter turns counter-clockwise (numpy's rot90).
            grey = np.ascontiguousarray(np.rot90(grey, turn))
            if colour is not None:
                colour = np.ascontiguousarray(np.rot90(colour, turn))
        paper = None
        if request.get("paper"):
            paper = self.paper(grey, colour)
            if paper is not None:
                quad, grey, colour = paper
                paper = [[r1(float(x)), r1(float(y))] for x, y in quad]
            if request.get("negative"):
                grey = self.np.ascontiguousarray(255 - grey)
        else:
            grey = self.whiten(grey)
        h, w = grey.shape
        boxes = self.detect(grey)
        angle = self.refine_skew(self.small, self.skew(boxes))
        self.small = None
        if abs(angle) < 0.02:
            angle = 0.0
        centre = (w / 2.0, h / 2.0)
        # Positive angle = content turned clockwise as seen; OpenCV's positive angle turns
        # counter-clockwise as seen, so rotating by +angle undoes it.
        m = cv2.getRotationMatrix2D(centre, angle, 1.0)
        if abs(angle) > 0.01:
            grey = cv2.warpAffine(grey, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                                  borderValue=255)
            if colour is not None:
                colour = cv2.warpAffine(colour, m, (w, h), flags=cv2.INTER_LINEAR,
                                        borderMode=cv2.BORDER_CONSTANT, borderValue=(255, 255, 255))
            moved = []
            for quad, score in boxes:
                q = np.hstack([quad, np.ones((4, 1), np.float32)]) @ m.T
                q[:, 0] = np.clip(q[:, 0], 0, w - 1)
                q[:, 1] = np.clip(q[:, 1], 0, h - 1)
                moved.append((order_quad(np, q.astype(np.float32)), score))
            boxes = moved
        deskewed = request.get("deskewed")
        if deskewed:
            write_pgm(deskewed, grey)
        boxes = [b for b in boxes if np.linalg.norm(b[0][0] - b[0][1]) > 3 and np.linalg.norm(b[0][0] - b[0][3]) > 3]
        boxes = self.split_at_rules(grey, boxes)
        boxes = self.unstack(grey, boxes)
        crops = [self.crop(grey, b[0]) for b in boxes]
        # A character cut from a column is set in white to a square's height: recognition judges
        # a character by its size in the line, and 二 alone is flat.
        for i, b in enumerate(boxes):
            if len(b) == 3 and crops[i].shape[0] < b[2]:
                extra = int(b[2] - crops[i].shape[0])
                crops[i] = self.cv2.copyMakeBorder(crops[i], extra // 2, extra - extra // 2, 0, 0,
                                                   self.cv2.BORDER_CONSTANT, value=255)
        boxes = [b[:2] for b in boxes]
        texts = self.recognize(crops) if crops else []
        lines = []
        for (quad, score), chars, crop in zip(boxes, texts, crops):
            if not chars:
                continue
            x0, y0 = float(quad[:, 0].min()), float(quad[:, 1].min())
            x1, y1 = float(quad[:, 0].max()), float(quad[:, 1].max())
            # Map crop x to page x along the box's top edge (boxes are near level after deskew).
            cw = float(crop.shape[1])
            lx0, lx1 = float(quad[0][0]), float(quad[1][0])
            text = "".join(c for c, _, _, _ in chars)
            if not text.strip():
                continue
            lines.append({
                "text": text,
                "box": [r1(x0), r1(y0), r1(x1), r1(y1)],
                "score": round(score, 4),
                "chars": [{"c": c, "p": round(p, 5),
                           "x0": r1(lx0 + (a / cw) * (lx1 - lx0)), "x1": r1(lx0 + (b / cw) * (lx1 - lx0))}
                          for c, p, a, b in chars],
            })
        lines.sort(key=lambda l: ((l["box"][1] + l["box"][3]) / 2, l["box"][0]))
        lines = reading_order(lines)
        seals = self.seals(colour)
        return {"ok": True, "width": w, "height": h, "angle": round(angle, 4), "lines": lines, "seals": seals,
                "colour": colour is not None,
                "paper": paper, "seconds": round(time.monotonic() - t0, 3), "peak_rss_mb": peak_rss_mb()}


class BadImage(Exception):
    pass


def r1(v):
    return round(float(v), 1)


def order_quad(np, pts):
    """tl, tr, br, bl."""
    pts = np.asarray(pts, dtype=np.float32).reshape(4, 2)
    xs = pts[np.argsort(pts[:, 0]), :]
    left, right = xs[:2], xs[2:]
    tl, bl = left[np.argsort(left[:, 1])]
    tr, br = right[np.argsort(right[:, 1])]
    return np.array([tl, tr, br, bl], dtype=np.float32)


def reading_order(lines):
    """Top to bottom; lines whose vertical centres are within half a line height, left to right."""
    rows, out = [], []
    for l in lines:
        cy = (l["box"][1] + l["box"][3]) / 2
        hh = l["box"][3] - l["box"][1]
        if rows and abs(cy - rows[-1][0]) <= max(hh, rows[-1][1]) * 0.5:
            rows[-1][2].append(l)
        else:
            rows.append([cy, hh, [l]])
    for _, _, row in rows:
        out.extend(sorted(row, key=lambda l: l["box"][0]))
    return out


def write_pgm(path, grey):
    h, w = grey.shape
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(b"P5\n%d %d\n255\n" % (w, h))
        f.write(grey.tobytes())
    os.replace(tmp, path)


def peak_rss_mb():
    try:
        import resource
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1)
    except Exception:
        return None


def handle(engine, line):
    try:
        request = json.loads(line)
        if not isinstance(request, dict):
            raise ValueError("not an object")
    except ValueError as e:
        return {"id": None, "ok": False, "error": "bad request: %s" % e}
    rid = request.get("id")
    try:
        result = engine.page(request)
        result["id"] = rid
        return result
    except BadImage as e:
        return {"id": rid, "ok": False, "kind": "image", "error": str(e)}
    except MemoryError:
        return {"id": rid, "ok": False, "kind": "memory", "error": "out of memory on this page (MemoryError)"}
    except Exception as e:  # a page must never end the worker
        log("page failed:", repr(e))
        kind = "memory" if looks_like_memory(str(e)) else "internal"
        return {"id": rid, "ok": False, "kind": kind, "error": "%s: %s" % (type(e).__name__, str(e)[:500])}


def looks_like_memory(message):
    """Whether an error message is an allocation failure (under `ulimit -v` these come as C++
    bad_alloc from ONNX Runtime, ENOMEM from mmap when loading a library, MemoryError)."""
    return any(m in message for m in ("bad_alloc", "MemoryError", "failed to map segment",
                                      "Cannot allocate memory", "Failed to allocate", "out of memory"))


def emit(obj):
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def threads_from_env():
    try:
        return max(1, int(os.environ.get("INTAKE_OCR_THREADS", "0")) or (os.cpu_count() or 1))
    except ValueError:
        return os.cpu_count() or 1


def serve():
    # No PR_SET_PDEATHSIG: it fires when the spawning *thread* ends, which in a Swift process is
    # any time. When intake dies, stdin reaches EOF and the worker ends after its current page.
    t0 = time.monotonic()
    try:
        engine = Engine(threads_from_env())
    except BaseException as e:
        message = "%s: %s" % (type(e).__name__, e)
        if isinstance(e, MemoryError) or looks_like_memory(message):
            message = "out of memory while loading ONNX Runtime and the models (memory limit too low?): " + message
        emit({"ready": False, "error": message})
        log("cannot start:", repr(e))
        sys.exit(3)
    emit({"ready": True, "seconds": round(time.monotonic() - t0, 3), "python": sys.version.split()[0],
          "pid": os.getpid(), "peak_rss_mb": peak_rss_mb()})
    for line in sys.stdin:
        if not line.strip():
            continue
        emit(handle(engine, line))


def selftest(path):
    t0 = time.monotonic()
    engine = Engine(threads_from_env())
    start = time.monotonic() - t0
    out = os.environ.get("SELFTEST_PGM", "/tmp/ppocr_selftest.pgm")
    paper = os.environ.get("SELFTEST_PAPER") == "1"
    r = handle(engine, json.dumps({"id": 1, "image": path, "deskewed": out, "paper": paper}))
    if not r.get("ok"):
        print("error:", r.get("error"))
        sys.exit(1)
    print("start-up %.2f s, page %.2f s, peak RSS %s MB, %dx%d, angle %+.3f°" % (
        start, r["seconds"], r["peak_rss_mb"], r["width"], r["height"], r["angle"]))
    for l in r["lines"]:
        low = [c for c in l["chars"] if c["p"] < 0.9]
        print("%-40s %s  min p %.3f%s" % (l["text"], l["box"], min(c["p"] for c in l["chars"]),
                                          ("  low: " + "".join(c["c"] for c in low)) if low else ""))
    for s in r["seals"]:
        print("seal", s["box"], s["score"])
    if r.get("paper"):
        print("paper", r["paper"])
    print("deskewed image:", out)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--selftest":
        selftest(sys.argv[2])
    elif len(sys.argv) == 1:
        serve()
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(64)

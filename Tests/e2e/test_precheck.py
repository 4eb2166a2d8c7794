"""End-to-end tests of 网上预审 (`intake console --precheck-listen`) in a real browser, as an applicant
on a phone (390×844, mobile emulation: touch, device pixel ratio 2, a phone's user agent) and at an
office PC (1366×900), both in Debian chromium through chromedriver.

One console with its pre-check listener and an inbox, two browsers and one temporary folder for the
whole class. The tests run in order, each once per window (a subTest each):

1. /precheck: choose 聊城市 (the select submits the form) and 东昌府区, search 参保, open
   单位基本医疗保险参保登记;
2. the typed PDF as the application (and a 单位批准成立文件复印件.pdf) → 材料齐全, timed from the click
   to the verdict (at most 2 s);
3. samples/lc-bad-uscc.xml → the notice names the 统一社会信用代码; notice.pdf is a PDF;
4. 在线填写申请表: a wrong USCC (and ID number) shows "✗ …" as it is typed, the right one "✓";
5. the scanned PDF (OCR): 正在检查… if the first page comes before the answer, the answer within 20 s;
6. 提交到窗口 on the complete answer: the 预审号, receipt.pdf, <inbox>/precheck-<预审号>/READY;
7. `intake process` on those inbox folders, then the clerks' console (logged in, desktop browser)
   finds each 预审号 on the queue (API and search box).

Every page is saved as p-<phone|desktop>-NN-<page>.png (whole page) and checked for what would
confuse an applicant: sideways scrolling, English words, file names (.txt), raw ids, tap targets
under 24×24 CSS pixels (printed, not failed).

    .venv-e2e/bin/python -B -m unittest discover -s Tests/e2e -p test_precheck.py -v

Environment: INTAKE_BIN, E2E_SCREENSHOTS, E2E_KEEP, E2E_BINARY_WAIT, CHROMIUM_BIN, CHROMEDRIVER_BIN
as test_console.py. The OCR worker (.venv-ocr, ocr/ppocr_worker.py) is found from the repository
root, where the console is started.
"""

import base64
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

import intake_binary
from intake_binary import REPO, TODAY


LOGIN, PASSWORD, NAME = "chief", "precheck-password-1", "赵科长"
REGION, REGION_NAME, DISTRICT = "371500", "聊城市", "东昌府区"
ITEM, ITEM_NAME = "unit-enrollment", "单位基本医疗保险参保登记"
ITEM_PATH = f"/precheck/item/{REGION}/{ITEM}"
TYPED = REPO / "Tests/Fixtures/pdf/typed/lc-unit-enrollment.lo.pdf"
SCAN = REPO / "Tests/Fixtures/pdf/scans/lc-unit-enrollment.lo.pdf"
BAD_USCC = REPO / "samples/lc-bad-uscc.xml"
# The material the item asks for besides the form; the reader counts materials by their names.
MATERIAL = "单位批准成立文件复印件.pdf"
OFFICE = "聊城市东昌府区博州路联合征缴大厅"
COMPLETE = "材料齐全，可前往窗口办理"
INCOMPLETE = "申办材料不齐全或填报内容有误"
WRONG_USCC, RIGHT_USCC = "91371526MA3D1Y8N1G", "91371526MA3D1Y8N1F"  # lc-bad-uscc.xml's, and corrected
WRONG_ID = "371525197611300521"  # check digit 2 would be right
REFERENCE = re.compile(rf"^YS{TODAY.replace('-', '')}-[2-9A-HJ-NP-Z]{{4}}$")
TYPED_BAR, SCAN_BAR = 2.0, 20.0  # seconds from the click to the verdict

DEVICES = ("phone", "desktop")
PHONE_UA = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/126.0.0.0 Mobile Safari/537.36")

# fetch() from the page, same origin, no credentials: status, type, first bytes, size.
FETCH_BYTES_JS = """
const [path, done] = arguments;
fetch(path).then(async (r) => {
  const bytes = new Uint8Array(await r.arrayBuffer());
  done({status: r.status, type: r.headers.get("content-type") || "", head: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.length});
}).catch((e) => done({status: -1, type: "", head: String(e), size: 0}));
"""

# What on a page would confuse an applicant or embarrass a clerk (see the module's docstring).
PAGE_CHECK_JS = """
const root = document.documentElement;
const small = [];
for (const el of document.querySelectorAll("a[href], button, select, input:not([type=hidden]), textarea")) {
  const target = ["radio", "checkbox"].includes(el.type) ? (el.closest("label") || el) : el;
  const r = target.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  if (r.width < 24 || r.height < 24) {
    const text = (target.innerText || el.value || el.name || "").trim().replace(/\\s+/g, " ").slice(0, 16);
    small.push(`${el.tagName.toLowerCase()}${el.type ? "[" + el.type + "]" : ""} "${text}" ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
}
const text = document.body.innerText.replace(/YS\\d{8}-[0-9A-Z]{4}/g, "");
return {
  sideways: root.scrollWidth - root.clientWidth,
  english: [...new Set(text.match(/[A-Za-z]{3,}/g) || [])].filter((w) => !["PDF", "XML"].includes(w)),
  files: [...new Set(text.match(/[^\\s/（）()]+\\.(txt|json|yaml|log)\\b/gi) || [])],
  ids: [...new Set(text.match(/\\b[0-9a-f]{16,}\\b/g) || [])],
  small,
};
"""


def tiny_pdf(note):
    """A valid one-page PDF (blank), as an applicant's material; `note` (a comment) makes it one's own."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
    out, offsets = bytearray(b"%PDF-1.4\n%" + note.encode() + b"\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


class PrecheckE2E(unittest.TestCase):
    maxDiff = None

    # ---- One console (with the pre-check listener), two browsers ----

    @classmethod
    def setUpClass(cls):
        cls.intake = intake_binary.intake_path()
        cls.tmp = Path(tempfile.mkdtemp(prefix="intake-precheck-"))
        cls.out, cls.state, cls.inbox = cls.tmp / "out", cls.tmp / "state", cls.tmp / "inbox"
        cls.inbox.mkdir()
        # One material per window, so that the two hand-ins are two submissions, not one twice.
        cls.materials = {device: cls.tmp / "files" / device / MATERIAL for device in DEVICES}
        for device, material in cls.materials.items():
            material.parent.mkdir(parents=True)
            material.write_bytes(tiny_pdf(device))
        cls.screens = Path(os.environ.get("E2E_SCREENSHOTS") or cls.tmp / "screens").resolve()
        cls.screens.mkdir(parents=True, exist_ok=True)
        cls.shots, cls.findings, cls.timings = {}, {}, {}
        cls.runs = {device: {} for device in DEVICES}  # what one test leaves the next, per window
        cls.console, cls.drivers = None, {}
        try:
            intake_binary.add_chief(cls.intake, cls.state, LOGIN, NAME, PASSWORD)
            cls._start_console()
            for device in DEVICES:
                cls.drivers[device] = cls._start_browser(device)
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def _intake(cls, starter, *args):
        return intake_binary.launch(cls.intake, starter, *args)

    @classmethod
    def _run(cls, *args, **kwargs):
        return intake_binary.run(cls.intake, *args, **kwargs)

    @classmethod
    def _start_console(cls):
        """The console and its pre-check listener on free ports; both addresses come on standard
        output, in either order. Started in the repository root, where the OCR worker is found."""
        cls.console_log = open(cls.tmp / "console.log", "w")
        cls.console = cls._intake(
            lambda argv: subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=cls.console_log, text=True, cwd=REPO),
            "console", "--output", str(cls.out), "--state", str(cls.state), "--inbox", str(cls.inbox),
            "--listen", "127.0.0.1:0", "--precheck-listen", "127.0.0.1:0", "--today", TODAY, "--verbose")
        prefixes = {"console": "listening on http://", "precheck": "precheck listening on http://"}
        addresses, ready = {}, threading.Event()

        def read():  # all of standard output, so the console never blocks on a full pipe
            for line in cls.console.stdout:
                cls.console_log.write(line)
                for key, prefix in prefixes.items():
                    if line.startswith(prefix) and key not in addresses:
                        addresses[key] = "http://" + line.strip()[len(prefix):]
                if len(addresses) == len(prefixes):
                    ready.set()
            ready.set()
        threading.Thread(target=read, daemon=True).start()
        if not ready.wait(60) or len(addresses) < len(prefixes):
            raise RuntimeError(f"console did not print both addresses ({addresses}); see {cls.tmp / 'console.log'}")
        cls.base = addresses["console"]
        home = urllib.parse.urlsplit(addresses["precheck"])
        assert home.path == "/precheck", addresses["precheck"]
        cls.pre = f"{home.scheme}://{home.netloc}"
        print(f"\n[e2e] console {cls.base}, 网上预审 {cls.pre}/precheck", file=sys.stderr)

    @classmethod
    def _start_browser(cls, device):
        options = webdriver.ChromeOptions()
        options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
        for arg in ("--headless=new", "--no-sandbox", "--lang=zh-CN", "--disable-dev-shm-usage", "--no-first-run",
                    "--disable-gpu"):
            options.add_argument(arg)
        if device == "phone":
            options.add_experimental_option("mobileEmulation", {
                "deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 2, "touch": True, "mobile": True},
                "userAgent": PHONE_UA})
        else:
            options.add_argument("--window-size=1366,900")
        options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        service = Service(os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"))
        driver = webdriver.Chrome(service=service, options=options)
        driver.set_page_load_timeout(60)
        driver.set_script_timeout(60)
        return driver

    @classmethod
    def tearDownClass(cls):
        for driver in getattr(cls, "drivers", {}).values():
            try:
                driver.quit()
            except Exception:
                pass
        if cls.console is not None:
            cls.console.terminate()
            try:
                cls.console.wait(10)
            except subprocess.TimeoutExpired:
                cls.console.kill()
                cls.console.wait(10)
        if getattr(cls, "console_log", None):
            cls.console_log.close()
        intake_binary.clean_up(getattr(cls, "tmp", None), getattr(cls, "screens", None))

    # ---- Helpers ----

    def each(self, step):
        """`step(device, driver, run)` for each window in turn, as a subTest: run is what earlier
        tests left that window (answer addresses, the 预审号)."""
        for device in DEVICES:
            with self.subTest(device=device):
                step(device, self.drivers[device], self.runs[device])

    @staticmethod
    def wait(driver, timeout=20):
        return WebDriverWait(driver, timeout)

    def status(self, driver):
        """The HTTP status of the page now shown (Navigation Timing)."""
        return driver.execute_script(
            "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : null;")

    def shot(self, driver, device, name):
        """The whole page (beyond the window) as p-<device>-<name>.png, and the page checks."""
        path = self.screens / f"p-{device}-{name}.png"
        try:
            size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
            data = driver.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})["data"]
            path.write_bytes(base64.b64decode(data))
        except Exception:
            self.assertTrue(driver.save_screenshot(str(path)), f"screenshot {path.name} not saved")
        self.assertTrue(path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n"), f"{path} is not a PNG")
        type(self).shots[path.stem] = path
        found = driver.execute_script(PAGE_CHECK_JS)
        type(self).findings[path.stem] = found
        print(f"\n[e2e] screenshot {path}")
        if found["small"]:
            print(f"[e2e]   {path.stem}: tap targets under 24×24 px: " + "; ".join(found["small"]))
        return path

    def fetch_bytes(self, driver, path):
        return driver.execute_async_script(FETCH_BYTES_JS, path)

    def open_item(self, driver):
        driver.get(self.pre + ITEM_PATH + "?district=" + urllib.parse.quote(DISTRICT))
        return self.wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "form.upload")))

    def upload(self, driver, application, materials=()):
        """On the item page: 东昌府区, 本人, the files, 开始预审. Returns the monotonic time of the click."""
        form = self.open_item(driver)
        Select(form.find_element(By.NAME, "district")).select_by_visible_text(DISTRICT)
        self.assertTrue(form.find_element(By.CSS_SELECTOR, "input[name=handling][value=本人]").is_selected())
        form.find_element(By.NAME, "application").send_keys(str(application))
        if materials:
            form.find_element(By.NAME, "materials").send_keys("\n".join(str(m) for m in materials))
        button = form.find_element(By.CSS_SELECTOR, "button[type=submit]")
        self.assertEqual(button.text, "开始预审")
        started = time.monotonic()
        button.click()
        return started

    def wait_answer(self, driver, timeout):
        """Waits for the answer page (预审结果 or 无法预审, not 正在检查…); its <h1>."""
        def answered(d):
            try:
                if not d.current_url.startswith(self.pre + "/precheck/r/"):
                    return None
                h1 = d.find_element(By.TAG_NAME, "h1").text
                return h1 if h1 and h1 != "正在检查…" else None
            except Exception:  # between two refreshes
                return None
        return self.wait(driver, timeout).until(answered, "no answer")

    def result_id(self, driver):
        match = re.fullmatch(re.escape(self.pre) + r"/precheck/r/([0-9a-f]{32})", driver.current_url)
        self.assertIsNotNone(match, f"not an answer's address: {driver.current_url}")
        return match.group(1)

    # ---- 1. Find the item ----

    def test_1_find_item(self):
        self.each(self._find_item)

    def _find_item(self, device, driver, run):
        driver.get(self.pre + "/precheck")
        select = self.wait(driver).until(EC.presence_of_element_located((By.NAME, "region")))
        self.assertEqual(self.status(driver), 200)
        self.assertIsNone(driver.get_cookie("intake_session"))
        self.assertFalse(driver.find_elements(By.NAME, "q"), "the search box before a city is chosen")

        # Choosing the city submits the form (onchange): the districts and the search box come.
        problems = []
        Select(select).select_by_visible_text(REGION_NAME)
        try:
            self.wait(driver, 5).until(lambda d: f"region={REGION}" in d.current_url)
        except TimeoutException:
            problems.append(f"choosing {REGION_NAME} in 办理地（市） did not submit the search form")
            said = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
            print(f"\n[e2e] {device}: choosing {REGION_NAME} did not submit the form; the browser said: "
                  + (said[0][:160] if said else "nothing"))
            driver.find_element(By.CSS_SELECTOR, "form.find button[type=submit]").click()
            self.wait(driver).until(lambda d: f"region={REGION}" in d.current_url)
        Select(self.wait(driver).until(EC.presence_of_element_located((By.NAME, "district")))) \
            .select_by_visible_text(DISTRICT)
        search = driver.find_element(By.NAME, "q")
        search.send_keys("参保", Keys.ENTER)
        self.wait(driver).until(lambda d: "q=" in d.current_url)
        links = self.wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "ul.items li a"))
        names = [a.text for a in links]
        self.assertIn(ITEM_NAME, names)
        for name in names:
            self.assertIn("参保", driver.find_element(By.LINK_TEXT, name).find_element(By.XPATH, "..").text)
        self.assertEqual(driver.find_element(By.NAME, "q").get_attribute("value"), "参保")
        # An item without other names may not say "又称" and nothing after it.
        dangling = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "ul.items li")
                    if li.text.rstrip().endswith("又称")]
        if dangling:
            problems.append(f"items without other names end in a bare 又称: {dangling}")
        self.shot(driver, device, "01-home")

        driver.find_element(By.LINK_TEXT, ITEM_NAME).click()
        self.wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "form.upload")))
        url = urllib.parse.urlsplit(driver.current_url)
        self.assertEqual(url.path, ITEM_PATH)
        self.assertEqual(urllib.parse.parse_qs(url.query).get("district"), [DISTRICT])
        self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, ITEM_NAME)
        materials = driver.find_element(By.CSS_SELECTOR, "ol.materials").text
        self.assertIn("单位批准成立文件复印件", materials)
        self.assertIn("医疗保障经办服务指南", materials, "materials without the guide cited")
        self.assertIn(OFFICE, driver.find_element(By.CSS_SELECTOR, "ul.offices").text)
        self.assertEqual(Select(driver.find_element(By.CSS_SELECTOR, "form.upload select[name=district]"))
                         .first_selected_option.text, DISTRICT)
        self.assertEqual(driver.find_element(By.NAME, "application").get_attribute("required"), "true")
        self.assertEqual(driver.find_element(By.LINK_TEXT, "在线填写申请表").get_attribute("href"),
                         self.pre + ITEM_PATH + "/form?district=" + urllib.parse.quote(DISTRICT))
        self.shot(driver, device, "02-item")
        self.assertEqual(problems, [], "finding the item")

    # ---- 2. The typed PDF: the answer at once ----

    def test_2_typed_pdf_answered_at_once(self):
        self.each(self._typed_pdf_answered_at_once)

    def _typed_pdf_answered_at_once(self, device, driver, run):
        started = self.upload(driver, TYPED, [self.materials[device]])
        verdict = self.wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".verdict")))
        seconds = time.monotonic() - started
        self.timings[f"{device} typed PDF"] = seconds
        print(f"\n[e2e] {device}: typed PDF, click 开始预审 → verdict {seconds:.2f} s (bar {TYPED_BAR:.0f} s)")
        self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "预审结果")
        self.assertEqual(verdict.text, COMPLETE)
        self.assertIn("good", verdict.get_attribute("class").split())
        self.assertFalse(driver.find_elements(By.CSS_SELECTOR, "ol.notice"))
        self.assertFalse(driver.find_elements(By.PARTIAL_LINK_TEXT, "一次性告知书"), "a notice for a complete one")
        self.assertIn(OFFICE, driver.find_element(By.CSS_SELECTOR, "ul.offices").text)
        self.assertEqual(driver.find_element(By.CSS_SELECTOR, "form.submit button").text, "提交到窗口")
        self.assertIsNone(driver.get_cookie("intake_session"))
        run["complete"] = driver.current_url
        self.result_id(driver)
        self.shot(driver, device, "03-answer-complete")
        self.assertLessEqual(seconds, TYPED_BAR, "a typed PDF took longer than the bar")

    # ---- 3. A wrong USCC: the window's one-time notice, and its PDF ----

    def test_3_bad_uscc_gets_notice(self):
        self.each(self._bad_uscc_gets_notice)

    def _bad_uscc_gets_notice(self, device, driver, run):
        started = self.upload(driver, BAD_USCC)
        verdict = self.wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".verdict")))
        print(f"\n[e2e] {device}: lc-bad-uscc.xml → verdict {time.monotonic() - started:.2f} s")
        self.assertTrue(verdict.text.startswith(INCOMPLETE), verdict.text)
        self.assertIn("bad", verdict.get_attribute("class").split())
        headings = [h.text for h in driver.find_elements(By.TAG_NAME, "h2")]
        self.assertIn("一、需更正的填报内容", headings)
        notice = driver.find_element(By.CSS_SELECTOR, "ol.notice").text
        self.assertIn("统一社会信用代码", notice)
        self.assertIn("校验位", notice)
        self.assertIn(WRONG_USCC, notice)
        link = driver.find_element(By.PARTIAL_LINK_TEXT, "下载一次性告知书")
        rid = self.result_id(driver)
        self.assertEqual(link.get_attribute("href"), f"{self.pre}/precheck/r/{rid}/notice.pdf")
        pdf = self.fetch_bytes(driver, f"/precheck/r/{rid}/notice.pdf")
        self.assertEqual((pdf["status"], pdf["type"], pdf["head"]), (200, "application/pdf", "%PDF-"), pdf)
        self.assertGreater(pdf["size"], 1000)
        run["notice"] = driver.current_url
        self.shot(driver, device, "04-answer-notice")

    # ---- 4. The online form checks as one types ----

    def test_4_online_form_live_checks(self):
        self.each(self._online_form_live_checks)

    def _online_form_live_checks(self, device, driver, run):
        self.open_item(driver)
        driver.find_element(By.LINK_TEXT, "在线填写申请表").click()
        self.wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "main[data-page=precheck-form]")))
        self.assertEqual(self.status(driver), 200)
        self.assertTrue(driver.find_element(By.TAG_NAME, "h1").text.startswith("在线填写"))

        def live(name):
            return driver.find_element(By.CSS_SELECTOR, f'input[name="f.{name}"]') \
                .find_element(By.XPATH, "ancestor::div[contains(@class,'field')]").find_element(By.CSS_SELECTOR, ".live")

        uscc = driver.find_element(By.NAME, "f.uscc")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", uscc)
        uscc.send_keys(WRONG_USCC)
        self.wait(driver, 5).until(lambda d: live("uscc").text.startswith("✗"), "no ✗ for a wrong USCC")
        self.assertIn("校验位", live("uscc").text)
        self.assertIn("bad", live("uscc").get_attribute("class").split())
        driver.find_element(By.NAME, "f.legalRepIdNumber").send_keys(WRONG_ID)
        self.wait(driver, 5).until(lambda d: live("legalRepIdNumber").text.startswith("✗"),
                                   "no ✗ for a wrong ID number")
        print(f"\n[e2e] {device}: live checks: uscc {live('uscc').text!r}, "
              f"legalRepIdNumber {live('legalRepIdNumber').text!r}")
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'})",
                              driver.find_element(By.CSS_SELECTOR, '.field[data-type="uscc"]'))
        self.shot(driver, device, "05-form-live-error")

        uscc.send_keys(Keys.BACKSPACE, RIGHT_USCC[-1])
        self.assertEqual(uscc.get_attribute("value"), RIGHT_USCC)
        self.wait(driver, 5).until(lambda d: live("uscc").text == "✓", "no ✓ for the right USCC")
        self.assertIn("good", live("uscc").get_attribute("class").split())
        self.assertTrue(live("legalRepIdNumber").text.startswith("✗"), "the other field's ✗ went away")

    # ---- 5. The scan: read first (OCR), answered on a page that refreshes itself ----

    def test_5_scan_checking_then_answer(self):
        self.each(self._scan_checking_then_answer)

    def _scan_checking_then_answer(self, device, driver, run):
        started = self.upload(driver, SCAN, [self.materials[device]])
        self.wait(driver, 60).until(lambda d: d.current_url.startswith(self.pre + "/precheck/r/"))
        h1 = driver.find_element(By.TAG_NAME, "h1").text
        first_page = time.monotonic() - started
        caught = h1 == "正在检查…"
        if caught:
            self.assertIn("自动刷新", driver.find_element(By.CSS_SELECTOR, ".progress").text)
            self.shot(driver, device, "06-checking")
        answer = self.wait_answer(driver, 60)
        seconds = time.monotonic() - started
        self.timings[f"{device} scan"] = seconds
        print(f"\n[e2e] {device}: scan, click 开始预审 → first page {first_page:.2f} s "
              f"({'正在检查…' if caught else 'already the answer: 正在检查… not seen'}), "
              f"→ answer {seconds:.2f} s (bar {SCAN_BAR:.0f} s)")
        self.assertEqual(answer, "预审结果", driver.find_element(By.TAG_NAME, "main").text)
        verdict = driver.find_element(By.CSS_SELECTOR, ".verdict")
        self.assertTrue(verdict.text, "no verdict")
        print(f"[e2e] {device}: scan verdict {verdict.text!r}")
        unsure = driver.find_elements(By.CSS_SELECTOR, "section.unsure input.value")
        if unsure:
            self.assertIn("请核对", driver.find_element(By.CSS_SELECTOR, "section.unsure h2").text)
            print(f"[e2e] {device}: 请核对 " + ", ".join(
                f"{i.get_attribute('name')}={i.get_attribute('value')!r}" for i in unsure))
        run["scan"] = driver.current_url
        self.shot(driver, device, "07-answer-scan")
        self.assertLessEqual(seconds, SCAN_BAR, "the scan's answer took longer than the bar")

    # ---- 6. 提交到窗口 ----

    def test_6_submit_to_window(self):
        self.each(self._submit_to_window)

    def _submit_to_window(self, device, driver, run):
        if "complete" not in run:
            self.fail("no complete answer (test_2 failed)")
        driver.get(run["complete"])
        button = self.wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "form.submit button")))
        rid = self.result_id(driver)
        button.click()
        reference = self.wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".reference"))).text
        self.assertRegex(reference, REFERENCE)
        self.assertEqual(driver.current_url, run["complete"])
        self.assertIn("已提交到窗口", driver.find_element(By.CSS_SELECTOR, "section.handed").text)
        self.assertFalse(driver.find_elements(By.CSS_SELECTOR, "form.submit"), "提交到窗口 offered again")
        link = driver.find_element(By.PARTIAL_LINK_TEXT, "回执")
        self.assertEqual(link.get_attribute("href"), f"{self.pre}/precheck/r/{rid}/receipt.pdf")
        pdf = self.fetch_bytes(driver, f"/precheck/r/{rid}/receipt.pdf")
        self.assertEqual((pdf["status"], pdf["type"], pdf["head"]), (200, "application/pdf", "%PDF-"), pdf)
        folder = self.inbox / f"precheck-{reference}"
        self.assertTrue((folder / "READY").is_file(), f"no {folder}/READY")
        names = sorted(p.name for p in folder.iterdir())
        self.assertIn(MATERIAL, names)
        self.assertTrue(any(n.endswith(TYPED.name) for n in names), names)
        run["reference"], run["folder"] = reference, folder
        print(f"\n[e2e] {device}: 预审号 {reference}, inbox {folder.name}/ {names}")
        self.shot(driver, device, "08-handed-in")

    # ---- 7. The clerk finds it by the 预审号 ----

    def test_7_console_finds_reference(self):
        handed = {device: run for device, run in self.runs.items() if "reference" in run}
        if not handed:
            self.fail("nothing handed in (test_6 failed)")
        process = self._run("process", "--output", str(self.out), "--today", TODAY,
                            *(str(run["folder"]) for run in handed.values()))
        self.assertIn(process.returncode, (0, 1), process.stdout + process.stderr)

        driver = self.drivers["desktop"]
        driver.get(self.base + "/login")
        self.wait(driver).until(EC.presence_of_element_located((By.ID, "login"))).send_keys(LOGIN)
        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        driver.find_element(By.ID, "submit").click()
        self.wait(driver).until(EC.presence_of_element_located((By.ID, "queue")))

        for device, run in handed.items():
            with self.subTest(device=device):
                reference = run["reference"]
                # The console's index follows the output folder every 2 s.
                deadline = time.monotonic() + 15
                while True:
                    answer = driver.execute_async_script(
                        "const [path, done] = arguments; fetch(path, {credentials: 'same-origin'})"
                        ".then(async (r) => done({status: r.status, text: await r.text()}))"
                        ".catch((e) => done({status: -1, text: String(e)}));",
                        "/api/v1/queue?q=" + urllib.parse.quote(reference))
                    self.assertEqual(answer["status"], 200, answer["text"])
                    rows = json.loads(answer["text"])["rows"]
                    if rows or time.monotonic() > deadline:
                        break
                    time.sleep(0.3)
                self.assertEqual(len(rows), 1, f"queue?q={reference}: {rows}")
                self.assertEqual((rows[0]["item"], rows[0]["district"], rows[0]["status"]),
                                 (ITEM_NAME, DISTRICT, "accepted"), rows[0])

                driver.get(self.base + "/")
                search = self.wait(driver).until(EC.presence_of_element_located((By.ID, "search")))
                search.send_keys(reference, Keys.ENTER)
                self.wait(driver).until(lambda d: "q=" in d.current_url)
                shown = self.wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "table#queue tbody tr[data-id]"))
                self.assertEqual([r.get_attribute("data-id") for r in shown], [rows[0]["id"]])
                run["submission"] = rows[0]["id"]
                print(f"\n[e2e] console: 预审号 {reference} ({device}) → submission {rows[0]['id']}")
        self.shot(driver, "desktop", "09-console-search")
        found = [run["submission"] for run in handed.values() if "submission" in run]
        self.assertEqual(len(set(found)), len(found), "two hand-ins found as one submission")

    # ---- 8. Every page seen on both windows ----

    def test_8_screenshots(self):
        pages = ["01-home", "02-item", "03-answer-complete", "04-answer-notice", "05-form-live-error",
                 "07-answer-scan", "08-handed-in"]
        wanted = [f"p-{device}-{page}" for device in DEVICES for page in pages]
        missing = [name for name in wanted if name not in self.shots]
        if missing:
            self.fail(f"screenshots {missing} missing: tests 1–6 failed or did not run")
        problems = []
        for name in sorted(self.shots):
            data = self.shots[name].read_bytes()
            self.assertGreater(len(data), 5000, f"{self.shots[name]} looks empty")
            found = self.findings[name]
            if name.startswith("p-phone-") and found["sideways"] > 0:
                problems.append(f"{name}: the page scrolls sideways by {found['sideways']} px")
            for key, what in (("english", "English words"), ("files", "file names"), ("ids", "raw ids")):
                if found[key] and "console" not in name:
                    problems.append(f"{name}: {what} {found[key]}")
        print("\n[e2e] screenshots:\n" + "\n".join(f"  {self.shots[n]}" for n in sorted(self.shots)))
        print("[e2e] timings: " + ", ".join(f"{k} {v:.2f} s" for k, v in self.timings.items()))
        self.assertEqual(problems, [], "pages an applicant should not see like this")


if __name__ == "__main__":
    unittest.main(verbosity=2)

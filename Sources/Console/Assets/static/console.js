// intake console: keys, crops, live checks. No framework, no external file.
"use strict";

const csrf = () => document.body.dataset.csrf || "";

async function post(url, body, raw) {
  const response = await fetch(url, {
    method: "POST", credentials: "same-origin",
    headers: raw ? { "X-CSRF-Token": csrf() } : { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
    body: raw ? body : JSON.stringify(body),
  });
  return response;
}

async function errorText(response) {
  try { return (await response.json()).error || response.statusText; } catch (e) { return response.statusText; }
}

// ---- Live checks, as the server's (GB 11643, GB 32100, dates, phones) ----

const checks = {
  "id-number": (v) => {
    if (!/^\d{17}[\dX]$/.test(v)) return "身份证号码应为18位";
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let s = 0;
    for (let i = 0; i < 17; i++) s += Number(v[i]) * w[i];
    if ("10X98765432"[s % 11] !== v[17]) return "校验码不正确";
    const y = +v.slice(6, 10), m = +v.slice(10, 12), d = +v.slice(12, 14);
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return "出生日期不是有效日期";
    return "";
  },
  "uscc": (v) => {
    const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v)) return "统一社会信用代码应为18位";
    const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    let s = 0;
    for (let i = 0; i < 17; i++) s += chars.indexOf(v[i]) * w[i];
    return chars[(31 - (s % 31)) % 31] === v[17] ? "" : "校验位不正确";
  },
  "date": (v) => {
    const m = v.match(/^(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?$/) || v.match(/^(\d{4})(\d{2})(\d{2})$/);
    if (!m) return "日期格式不对";
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? "" : "不是有效日期";
  },
  "mobile": (v) => /^1[3-9]\d{9}$/.test(v) ? "" : "手机号码应为11位",
  "phone": (v) => /^(1[3-9]\d{9}|(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?)$/.test(v) ? "" : "电话号码格式不对",
  "integer": (v) => /^\d+$/.test(v) ? "" : "应为整数",
  "amount": (v) => /^\d+(\.\d{1,2})?$/.test(v) ? "" : "金额格式不对",
};

function liveCheck(field) {
  const input = field.querySelector("input.value");
  const out = field.querySelector(".live");
  if (!input || !out) return;
  const v = input.value.trim().toUpperCase();
  let message = "";
  if (v && checks[field.dataset.type]) message = checks[field.dataset.type](v);
  // 性别 against the 17th digit of an ID number on the same form.
  if (!message && field.dataset.type === "gender") message = genderAgainstID(v);
  out.textContent = message ? "✗ " + message : (v ? "✓" : "");
  out.className = "live " + (message ? "bad" : "good");
}

function genderAgainstID(gender) {
  const id = document.querySelector('.field[data-type="id-number"] input.value');
  if (!id || !/^\d{17}[\dX]$/.test(id.value.trim())) return "";
  const male = Number(id.value.trim()[16]) % 2 === 1;
  if (gender && gender !== (male ? "男" : "女")) return "与身份证号码的性别不符";
  return "";
}

// ---- The verify page ----

function setupSubmission(main) {
  const fields = [...document.querySelectorAll(".field")];
  const flagged = fields.filter((f) => f.dataset.flagged === "true");
  const order = flagged.length ? flagged : fields;
  const confirmed = new Set();
  const started = new Map();
  const times = {};
  const crop = document.getElementById("crop");
  const dpi = Number(main.dataset.dpi || 100);

  function control(field) {
    return field.querySelector("input.value, .options, table.rows");
  }

  function showCrop(field) {
    for (const o of document.querySelectorAll(".outline")) o.hidden = true;
    const box = (field.dataset.box || "").split(",").map(Number);
    const page = document.querySelector(`.page[data-page="${field.dataset.page}"]`);
    if (box.length !== 4 || !page) { crop.hidden = true; return; }
    const img = page.querySelector("img");
    const scale = dpi / 72;
    const margin = 6;
    const [x0, y0, x1, y1] = [box[0] * scale - margin, box[1] * scale - margin, box[2] * scale + margin, box[3] * scale + margin];
    const outline = page.querySelector(".outline");
    const shown = img.clientWidth / (img.naturalWidth || 1);
    Object.assign(outline.style, { left: x0 * shown + "px", top: y0 * shown + "px", width: (x1 - x0) * shown + "px", height: (y1 - y0) * shown + "px" });
    outline.hidden = false;
    page.scrollIntoView({ block: "nearest" });
    outline.scrollIntoView({ block: "center" });
    const draw = () => {
      const w = x1 - x0, h = y1 - y0;
      const zoom = Math.min(2, crop.width / w, 180 / h);
      crop.height = Math.max(30, h * zoom);
      const ctx = crop.getContext("2d");
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, crop.width, crop.height);
      ctx.drawImage(img, x0, y0, w, h, 0, 0, w * zoom, h * zoom);
      crop.hidden = false;
      crop.dataset.field = field.dataset.key;
      crop.dataset.painted = String(performance.now());
    };
    if (img.complete && img.naturalWidth) draw(); else img.addEventListener("load", draw, { once: true });
  }

  function focusField(field) {
    if (!field) return;
    for (const f of fields) f.classList.remove("current");
    field.classList.add("current");
    field.before(crop);
    showCrop(field);
    const c = control(field);
    if (c) {
      const target = c.matches("table") ? c.querySelector("input") || c : c;
      target.focus();
      if (target.select) target.select();
    }
    if (!started.has(field)) started.set(field, performance.now());
  }

  function current() { return fields.find((f) => f.classList.contains("current")); }

  function move(step) {
    const at = order.indexOf(current());
    const next = order[at + step];
    if (next) focusField(next);
  }

  function confirmField(field) {
    confirmed.add(field);
    field.classList.add("confirmed");
    if (started.has(field)) times[field.dataset.key] = performance.now() - started.get(field);
    const at = order.indexOf(field);
    const next = order.slice(at + 1).find((f) => !confirmed.has(f));
    if (next) focusField(next); else document.getElementById("finish").focus();
  }

  function valueOf(field) {
    const type = field.dataset.type;
    if (field.querySelector(".options")) {
      const ticked = [...field.querySelectorAll(".options input:checked")].map((i) => i.value);
      return type === "gender" || type === "choice" ? (ticked.length === 1 ? ticked[0] : ticked) : ticked;
    }
    if (field.querySelector("table.rows")) {
      return [...field.querySelectorAll("table.rows tbody tr")].map((tr) => {
        const row = {};
        for (const input of tr.querySelectorAll("input")) row[input.dataset.column] = input.value.trim();
        return row;
      });
    }
    return field.querySelector("input.value").value.trim();
  }

  async function finish() {
    const values = {};
    for (const f of confirmed) values[f.dataset.key] = valueOf(f);
    for (const f of fields) {
      const input = f.querySelector("input.value");
      if (input && input.value !== input.dataset.original) values[f.dataset.key] = valueOf(f);
      if (f.dataset.changed) values[f.dataset.key] = valueOf(f);
    }
    const materialsSeen = [...document.querySelectorAll("input.seen:checked")].map((i) => i.value);
    const body = { base: Number(main.dataset.revision), values, materialsSeen, times };
    // Handling and declared conditions go only when the clerk changed them (each is an audit row).
    const handling = document.querySelector("#handling input:checked");
    if (handling && handling.value !== document.getElementById("handling").dataset.original) body.handling = handling.value;
    const declared = [...document.querySelectorAll("input.declared")];
    if (declared.some((box) => box.checked !== box.defaultChecked)) {
      body.conditions = declared.filter((box) => box.checked).map((box) => box.value);
    }
    const response = await post(`/api/v1/submissions/${main.dataset.id}/finish`, body);
    const message = document.getElementById("message");
    if (!response.ok) { message.textContent = await errorText(response); message.className = "message bad"; return; }
    const result = await response.json();
    message.textContent = `已保存为第${result.revision}版：${result.statusLabel}`;
    window.location.reload();
  }

  for (const field of fields) {
    const input = field.querySelector("input.value");
    field.addEventListener("focusin", () => { if (!field.classList.contains("current")) focusField(field); });
    if (input) input.addEventListener("input", () => liveCheck(field));
    for (const box of field.querySelectorAll(".options input, table.rows input")) {
      box.addEventListener("change", () => { field.dataset.changed = "1"; });
    }
    liveCheck(field);
  }

  document.addEventListener("keydown", (event) => {
    const field = current();
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); finish(); return; }
    if (!field || !field.contains(document.activeElement)) {
      if (event.key === "p" && !event.ctrlKey && document.activeElement.tagName !== "INPUT") { event.preventDefault(); print("form"); }
      if (event.key === "P" && document.activeElement.tagName !== "INPUT") { event.preventDefault(); print("notice"); }
      return;
    }
    if (event.key === "Enter") { event.preventDefault(); confirmField(field); }
    else if (event.key === "Tab") { event.preventDefault(); move(event.shiftKey ? -1 : 1); }
    else if (event.key === "Escape") {
      const input = field.querySelector("input.value");
      if (input) { input.value = input.dataset.original; liveCheck(field); input.select(); }
      confirmed.delete(field);
      field.classList.remove("confirmed");
    } else if (event.key === " " && field.querySelector(".options")) {
      // Space toggles the option in focus, or the first one.
      event.preventDefault();
      const boxes = [...field.querySelectorAll(".options input")];
      const box = boxes.includes(document.activeElement) ? document.activeElement : boxes[0];
      if (box) { box.checked = !box.checked; field.dataset.changed = "1"; box.focus(); }
    } else if ((event.key === "ArrowRight" || event.key === "ArrowLeft") && field.querySelector(".options")) {
      const boxes = [...field.querySelectorAll(".options input")];
      const at = boxes.indexOf(document.activeElement);
      const next = boxes[Math.max(0, Math.min(boxes.length - 1, at + (event.key === "ArrowRight" ? 1 : -1)))];
      if (next) { event.preventDefault(); next.focus(); }
    }
  });

  document.getElementById("finish").addEventListener("click", finish);

  for (const button of document.querySelectorAll("button.decide")) {
    button.addEventListener("click", async () => {
      let reason = "";
      if (button.dataset.outcome === "refuse") {
        reason = window.prompt("不通过的原因（将印在告知书上）：") || "";
        if (!reason.trim()) return;
      }
      const response = await post(`/api/v1/submissions/${main.dataset.id}/decide`, { outcome: button.dataset.outcome, reason });
      const message = document.getElementById("message");
      if (!response.ok) { message.textContent = await errorText(response); message.className = "message bad"; return; }
      const result = await response.json();
      message.textContent = `已决定：${result.label}，办件编号 ${result.caseNumber}`;
      message.className = "message good";
    });
  }

  async function print(documentName) {
    const message = document.getElementById("message");
    let response = await post(`/api/v1/submissions/${main.dataset.id}/print`, { document: documentName });
    if (response.status === 400) {
      const reason = window.prompt("重新打印的原因：") || "";
      if (!reason.trim()) return;
      response = await post(`/api/v1/submissions/${main.dataset.id}/print`, { document: documentName, reason });
    }
    if (!response.ok) { message.textContent = await errorText(response); message.className = "message bad"; return; }
    const url = URL.createObjectURL(await response.blob());
    const frame = document.getElementById("printframe");
    frame.onload = () => { try { frame.contentWindow.print(); } catch (e) { window.open(url); } };
    frame.src = url;
    message.textContent = "已发送打印。";
    message.className = "message good";
  }
  for (const button of document.querySelectorAll("button.print")) {
    button.addEventListener("click", () => print(button.dataset.document));
  }

  focusField(order[0]);
}

// ---- The queue ----

function setupQueue(main) {
  const table = document.getElementById("queue");
  const search = document.getElementById("search");
  let selected = 0;

  function rows() { return [...table.querySelectorAll("tbody tr[data-id]")]; }
  function select(i) {
    const all = rows();
    if (!all.length) return;
    selected = Math.max(0, Math.min(all.length - 1, i));
    all.forEach((r, k) => r.classList.toggle("selected", k === selected));
    all[selected].focus();
  }

  document.addEventListener("keydown", (event) => {
    if (document.activeElement === search) return;
    if (event.key === "/") { event.preventDefault(); search.focus(); search.select(); }
    else if (event.key === "j") select(selected + 1);
    else if (event.key === "k") select(selected - 1);
    else if (event.key === "Enter" && rows()[selected]) window.location = "/s/" + rows()[selected].dataset.id;
  });

  // New arrivals within seconds: the list again every 3 s (not while searching).
  setInterval(async () => {
    if (search.value) return;
    const response = await fetch("/api/v1/queue", { credentials: "same-origin" });
    if (!response.ok) return;
    const listing = await response.json();
    const body = table.querySelector("tbody");
    const known = rows().map((r) => r.dataset.id).join();
    if (listing.rows.map((r) => r.id).join() === known) return;
    body.replaceChildren(...listing.rows.map((r) => {
      const tr = document.createElement("tr");
      tr.dataset.id = r.id;
      tr.className = "status-" + r.status;
      tr.tabIndex = 0;
      const cells = [r.statusLabel, r.time, r.form, r.applicant, r.idLast4, r.district, String(r.flagged), String(r.revision)];
      for (const [i, text] of cells.entries()) {
        const td = document.createElement("td");
        if (i === 2) {
          const a = document.createElement("a");
          a.href = "/s/" + r.id;
          a.textContent = text;
          td.append(a);
        } else td.textContent = text;
        tr.append(td);
      }
      return tr;
    }));
  }, 3000);

  const drop = document.getElementById("drop");
  // Waits until `watch` has processed the upload, then opens its page.
  async function opened(id, label) {
    drop.textContent = `${label} 已进入收件箱，处理中…`;
    for (let i = 0; i < 120; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      const check = await fetch(`/api/v1/submissions/${id}`, { credentials: "same-origin" });
      if (check.ok) { window.location = "/s/" + id; return true; }
    }
    drop.textContent = `${label} 已进入收件箱，尚未处理完。`;
    return false;
  }
  async function uploadFile(file) {
    const response = await post("/api/v1/upload?name=" + encodeURIComponent(file.name), file, true);
    if (!response.ok) { drop.textContent = `${file.name}：${await errorText(response)}`; return; }
    await opened((await response.json()).id, file.name);
  }
  // A folder goes as one request, so it enters the inbox whole or not at all.
  async function uploadFolder(name, files) {
    const form = new FormData();
    for (const [path, file] of files) form.append("file", file, path);
    const response = await post("/api/v1/upload/folder?name=" + encodeURIComponent(name), form, true);
    if (!response.ok) { drop.textContent = `${name}：${await errorText(response)}`; return; }
    await opened((await response.json()).id, name + "/");
  }
  async function filesOf(directory, prefix = "") {
    const out = [];
    const reader = directory.createReader();
    for (;;) {
      const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) return out;
      for (const entry of batch) {
        if (entry.isDirectory) out.push(...await filesOf(entry, prefix + entry.name + "/"));
        else out.push([prefix + entry.name, await new Promise((resolve, reject) => entry.file(resolve, reject))]);
      }
    }
  }
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", async (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const entries = [...e.dataTransfer.items].map((item) => item.webkitGetAsEntry && item.webkitGetAsEntry());
    const files = [...e.dataTransfer.files];
    for (let i = 0; i < files.length; i++) {
      if (entries[i] && entries[i].isDirectory) await uploadFolder(entries[i].name, await filesOf(entries[i]));
      else await uploadFile(files[i]);
    }
  });
  const picker = document.getElementById("folder-picker");
  document.getElementById("pick-folder").addEventListener("click", () => picker.click());
  picker.addEventListener("change", async () => {
    const files = [...picker.files];
    if (files.length === 0) return;
    const name = files[0].webkitRelativePath.split("/")[0];
    await uploadFolder(name, files.map((f) => [f.webkitRelativePath.split("/").slice(1).join("/"), f]));
  });
}

// ---- 网上预审: the same live checks on the online form and on values to confirm ----

function setupPrecheck() {
  for (const field of document.querySelectorAll(".field")) {
    const input = field.querySelector("input.value");
    if (!input) continue;
    input.addEventListener("input", () => liveCheck(field));
    if (input.value) liveCheck(field);
  }
  // Choosing the city shows its districts at once (a plain GET form; the button does it without script).
  for (const select of document.querySelectorAll("select[data-submit]")) {
    select.addEventListener("change", () => select.form.submit());
  }
}

document.addEventListener("DOMContentLoaded", () => {
  if (document.querySelector("main.pre")) { setupPrecheck(); return; }
  const main = document.querySelector("main[data-page]");
  if (!main) return;
  if (main.dataset.page === "submission") setupSubmission(main);
  if (main.dataset.page === "queue") setupQueue(main);
});

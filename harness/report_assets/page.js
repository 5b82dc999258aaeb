// rtlarena report page: renders the embedded data (script#report-data) into the leaderboard,
// the task heat map with its drill-down, failures, PPA, checks, fuzzing and run details.
// Plain JS; charts are Vega-Lite specs through vega-embed (inlined in the page).
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const runs = data.runs || [];
  const board = data.leaderboard || [];
  const fuzz = data.fuzz || { campaigns: [], bands: [], bugs: [] };
  const LEVELS = ["syntax", "semantic", "functional_solved_elsewhere", "functional_never_solved"];
  const LEVEL_NAMES = {
    syntax: "syntax", semantic: "semantic",
    functional_solved_elsewhere: "functional, solved elsewhere", functional_never_solved: "functional, never solved",
  };
  const suites = [...new Set(runs.map((r) => r.suite))].sort();
  const multiSuite = suites.length > 1;
  const baseLabel = (r) => (multiSuite ? r.model + " · " + r.suite : r.model);
  // Chart rows are named by label: two runs of one model (another n, another date) get their
  // run id added so that they are not drawn on top of each other.
  const labelCount = {};
  for (const r of runs) labelCount[baseLabel(r)] = (labelCount[baseLabel(r)] || 0) + 1;
  const runLabel = (r) => (labelCount[baseLabel(r)] > 1 ? baseLabel(r) + " (" + r.run_id + ")" : baseLabel(r));

  // ---- small helpers ------------------------------------------------------------------
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v;
      else if (k === "html") e.innerHTML = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
    return e;
  };
  const pct = (v, digits = 1) => (typeof v === "number" ? (v * 100).toFixed(digits) + "%" : "–");
  const num = (v) => (typeof v === "number" ? v.toLocaleString("en-US") : "–");
  const embedOptions = { actions: false, renderer: "svg" };
  const charts = [];
  const embed = (id, spec) => {
    const target = document.getElementById(id);
    // A fixed plot width from the section's width (leaving room for the axis labels): "container"
    // sizing draws nothing when the container has not been laid out yet.
    if (spec.width === "container") spec.width = Math.max(320, Math.min(1100, target.clientWidth - 260));
    const p = vegaEmbed(target, Object.assign({ $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      config: { font: "system-ui, sans-serif", view: { stroke: null }, axis: { labelColor: "#5d6677", titleColor: "#1d2330" } } }, spec),
    embedOptions);
    p.then((res) => target.setAttribute("data-rendered", "1")).catch((err) => {
      target.setAttribute("data-error", String(err));
      console.error("chart " + id + ": " + err);
    });
    charts.push(p);
    return p;
  };
  const note = (text) => el("p", { class: "note" }, text);

  // ---- header -------------------------------------------------------------------------
  const models = new Set(runs.map((r) => r.model));
  const taskCount = suites.reduce((n, s) => n + Object.keys((data.suites[s] || {}).tasks || {}).length, 0) ||
    runs.reduce((n, r) => Math.max(n, r.tasks), 0);
  document.getElementById("overview").innerHTML =
    `<b>${runs.length}</b> run${runs.length === 1 ? "" : "s"} · <b>${models.size}</b> model${models.size === 1 ? "" : "s"} · ` +
    `<b>${suites.length}</b> suite${suites.length === 1 ? "" : "s"} (${suites.join(", ") || "none"}) · <b>${taskCount}</b> tasks · ` +
    `<b>${fuzz.campaigns.length}</b> fuzz campaign${fuzz.campaigns.length === 1 ? "" : "s"}` +
    ((data.mutation || []).length ? ` · <b>${data.mutation.length}</b> mutation analys${data.mutation.length === 1 ? "is" : "es"}` : "");
  const nav = document.getElementById("nav");
  for (const s of document.querySelectorAll("main section"))
    nav.append(el("a", { href: "#" + s.id }, s.querySelector("h2").textContent));

  // ---- leaderboard --------------------------------------------------------------------
  const hasFeedback = board.some((r) => r.feedback_pass_at);
  const hasVe = board.some((r) => typeof r.verilogeval_score === "number");
  const hasCost = board.some((r) => typeof r.cost_usd === "number");
  const ks = ["1", "5", "10"].filter((k) => board.some((r) => r.pass_at && k in r.pass_at));
  const scoreCell = (passAt, ci, k, big) => {
    if (!passAt || !(k in passAt)) return el("td", {}, "–");
    const v = passAt[k], iv = ci && ci[k];
    const bar = el("span", { class: "bar" });
    if (iv) bar.append(el("u", { style: `left:${iv[0] * 100}%;width:${Math.max(0.5, (iv[1] - iv[0]) * 100)}%` }));
    bar.append(el("i", { style: `width:${v * 100}%;opacity:${iv ? 0.85 : 1}` }));
    const text = el("span", {}, el("span", { class: big ? "big" : "" }, pct(v)),
      iv ? el("span", { class: "ci" }, ` ${(iv[0] * 100).toFixed(1)}–${(iv[1] * 100).toFixed(1)}`) : null);
    return el("td", { "data-v": v }, el("span", { class: "score" }, text, big ? bar : null));
  };
  const columns = [
    { key: "rank", title: "#", cls: "text", get: () => 0 },
    { key: "model", title: "model", cls: "text", get: (r) => r.model },
    { key: "suite", title: "suite", cls: "text", get: (r) => r.suite },
    ...ks.map((k) => ({ key: "p" + k, title: "pass@" + k + (hasFeedback ? " single-shot" : ""), get: (r) => (r.pass_at || {})[k] ?? -1,
      cell: (r) => scoreCell(r.pass_at, r.pass_at_ci95, k, k === "1") })),
    ...(hasFeedback ? ks.map((k) => ({ key: "f" + k, title: "pass@" + k + " tool-feedback", get: (r) => (r.feedback_pass_at || {})[k] ?? -1,
      cell: (r) => scoreCell(r.feedback_pass_at, r.feedback_pass_at_ci95, k, k === "1") })) : []),
    { key: "tasks", title: "tasks", get: (r) => r.tasks },
    { key: "samples", title: "samples", get: (r) => r.samples, cell: (r) => el("td", {}, num(r.samples), el("span", { class: "ci" }, ` (n=${r.samples_per_task})`)) },
    { key: "incomplete", title: "incomplete", get: (r) => r.incomplete, cell: (r) => el("td", { class: r.incomplete ? "warn" : "" }, num(r.incomplete)) },
    { key: "golden", title: "golden", get: (r) => r.golden_ceiling ?? -1, cell: (r) => el("td", { class: r.golden_ceiling === 1 ? "ok" : r.golden_ceiling == null ? "" : "warn" }, pct(r.golden_ceiling)) },
    { key: "control", title: "control", get: (r) => r.negative_control ?? -1, cell: (r) => el("td", { class: r.negative_control > 0 ? "warn" : r.negative_control === 0 ? "ok" : "" }, pct(r.negative_control)) },
    ...(hasVe ? [{ key: "ve", title: "VerilogEval score", get: (r) => r.verilogeval_score ?? -1, cell: (r) => el("td", {}, typeof r.verilogeval_score === "number" ? r.verilogeval_score.toFixed(2) : "–") }] : []),
    { key: "tokens", title: "tokens in / out", get: (r) => r.tokens_in + r.tokens_out, cell: (r) => el("td", {}, r.tokens_in + r.tokens_out ? `${num(r.tokens_in)} / ${num(r.tokens_out)}` : "–") },
    ...(hasCost ? [{ key: "cost", title: "cost", get: (r) => r.cost_usd ?? -1, cell: (r) => el("td", {}, typeof r.cost_usd === "number" ? "$" + r.cost_usd.toFixed(4) : "–") }] : []),
    { key: "date", title: "date", cls: "text", get: (r) => r.created_at, cell: (r) => el("td", { class: "text", title: r.created_at }, (r.created_at || "").slice(0, 10)) },
    { key: "git", title: "git", cls: "text", get: (r) => r.git_revision, cell: (r) => el("td", { class: "text", title: r.tools }, el("code", {}, (r.git_revision || "–").slice(0, 10))) },
  ];
  let sortKey = "p1", sortAsc = false;
  const lbTable = document.getElementById("lb-table");
  const filterInput = document.getElementById("lb-filter");
  const suiteSelect = document.getElementById("lb-suite");
  suiteSelect.append(el("option", { value: "" }, "all suites"), ...suites.map((s) => el("option", { value: s }, s)));
  if (!multiSuite) suiteSelect.hidden = true;
  const renderBoard = () => {
    const q = filterInput.value.trim().toLowerCase(), suite = suiteSelect.value;
    const col = columns.find((c) => c.key === sortKey);
    const rows = board.filter((r) => (!suite || r.suite === suite) && (!q || (r.model + " " + r.suite).toLowerCase().includes(q)));
    rows.sort((a, b) => {
      const x = col.get(a), y = col.get(b);
      const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return sortAsc ? c : -c;
    });
    const head = el("tr", {}, ...columns.map((c) => el("th", {
      class: (c.cls || "") + (c.key === "rank" ? "" : " sortable") + (c.key === sortKey ? " sorted" + (sortAsc ? " asc" : "") : ""),
      onclick: () => { if (c.key === "rank") return; sortAsc = sortKey === c.key ? !sortAsc : c.cls === "text"; sortKey = c.key; renderBoard(); },
    }, c.title)));
    const body = el("tbody", {}, ...rows.map((r, i) => el("tr", { "data-model": r.model, "data-suite": r.suite },
      ...columns.map((c) => c.key === "rank" ? el("td", { class: "text rank" }, i + 1)
        : c.key === "model" ? el("td", { class: "text model" }, r.model, r.setting === "tool-feedback" ? el("span", { class: "tag fb" }, " tool-feedback") : null)
        : c.cell ? c.cell(r) : el("td", { class: c.cls || "" }, c.get(r))))));
    lbTable.replaceChildren(el("thead", {}, head), body);
    document.getElementById("lb-empty").hidden = rows.length > 0;
  };
  filterInput.addEventListener("input", renderBoard);
  suiteSelect.addEventListener("change", renderBoard);
  renderBoard();

  const contam = document.getElementById("contamination");
  for (const s of suites)
    contam.append(el("div", { class: "contam" }, el("b", {}, "Contamination · " + s + ": "), (data.suites[s] || {}).note || ""));

  if (board.some((r) => r.pass_at && "1" in r.pass_at)) {
    const values = board.filter((r) => r.pass_at && "1" in r.pass_at).map((r) => ({
      label: runLabel(runs[r.run]), suite: r.suite, p: r.pass_at["1"],
      lo: (r.pass_at_ci95 || {})["1"] ? r.pass_at_ci95["1"][0] : r.pass_at["1"], hi: (r.pass_at_ci95 || {})["1"] ? r.pass_at_ci95["1"][1] : r.pass_at["1"],
    }));
    const y = { field: "label", type: "nominal", sort: { field: "p", order: "descending" }, title: null };
    embed("chart-pass", {
      title: { text: "pass@1 with 95% interval", anchor: "start", fontSize: 13 },
      width: "container", height: { step: 24 }, data: { values },
      layer: [
        { mark: { type: "bar", color: "#2f6fde", opacity: 0.85, cornerRadiusEnd: 3 }, encoding: { y, x: { field: "p", type: "quantitative", title: "pass@1", axis: { format: "%" }, scale: { domain: [0, 1] } },
          tooltip: [{ field: "label" }, { field: "p", format: ".1%", title: "pass@1" }, { field: "lo", format: ".1%", title: "low" }, { field: "hi", format: ".1%", title: "high" }] } },
        { mark: { type: "rule", color: "#1d2330" }, encoding: { y, x: { field: "lo", type: "quantitative" }, x2: { field: "hi" } } },
        { mark: { type: "text", align: "left", dx: 4, color: "#1d2330" }, encoding: { y, x: { field: "hi", type: "quantitative" }, text: { field: "p", format: ".1%" } } },
      ],
    });
  } else document.getElementById("chart-pass").remove();

  // ---- heat map and drill-down ----------------------------------------------------------
  const heatSuite = document.getElementById("heat-suite");
  heatSuite.append(...suites.map((s) => el("option", { value: s }, s)));
  if (!multiSuite) heatSuite.hidden = true;
  const drill = document.getElementById("drill");
  // A task's kill score from a mutation analysis of its suite: below 95% wrong designs may pass.
  const killScore = (suite, task) => ((data.kill_scores || {})[suite] || {})[task];
  const showTask = (runIndex, task) => {
    const run = runs[runIndex], cell = run.per_task[task], info = ((data.suites[run.suite] || {}).tasks || {})[task] || {};
    const s = cell.shown || {};
    const verdicts = Object.entries(cell.verdicts).map(([v, n]) => `${v} ${n}`).join(", ");
    const block = (label, text) => el("div", {}, el("div", { class: "label" }, label), el("pre", {}, text || "(not stored)"));
    drill.replaceChildren(
      el("h3", {}, task + " · " + runLabel(run)),
      el("div", {}, `${cell.c} of ${cell.n} complete samples pass`, cell.incomplete ? ` (${cell.incomplete} incomplete)` : "", " · ", verdicts,
        info.difficulty ? " · " + info.difficulty : "", (info.tags || []).length ? " · " + info.tags.join(", ") : "",
        typeof killScore(run.suite, task) === "number" ? el("span", { class: killScore(run.suite, task) < 0.95 ? "warn" : "" }, ` · testbench kill score ${pct(killScore(run.suite, task))}${killScore(run.suite, task) < 0.95 ? " (weak: wrong designs may pass)" : ""}`) : ""),
      el("div", { class: "label" }, `sample ${s.sample ?? "–"}`),
      el("div", {}, el("span", { class: "verdict " + (s.verdict === "pass" ? "pass" : "fail") }, s.verdict || "–"),
        s.class ? " " + s.class : "", s.message ? " — " + s.message : ""),
      el("div", { class: "grid" }, block("spec", info.spec || s.prompt), block("reference", info.reference)),
      el("div", { class: "grid" }, block("the sample's answer", s.code), block("log tail", s.log_tail)));
  };
  const renderHeat = () => {
    const suite = heatSuite.value || suites[0];
    const values = [];
    runs.forEach((r, i) => {
      if (r.suite !== suite) return;
      for (const [task, c] of Object.entries(r.per_task))
        values.push({ task, model: runLabel(r), run: i, rate: c.rate, c: c.c, n: c.n, label: c.n ? `${c.c}/${c.n}` : "–", kill: killScore(r.suite, task) ?? null });
    });
    if (!values.length) { document.getElementById("chart-heat").replaceChildren(note("No task results.")); return; }
    const nModels = new Set(values.map((v) => v.model)).size;
    const rank = board.filter((r) => r.suite === suite).sort((a, b) => ((b.pass_at || {})["1"] ?? -1) - ((a.pass_at || {})["1"] ?? -1)).map((r) => runLabel(runs[r.run]));
    embed("chart-heat", {
      data: { values }, width: { step: 15 }, height: { step: nModels > 12 ? 18 : 26 },
      params: [{ name: "pick", select: { type: "point", fields: ["run", "task"], on: "click" } }],
      mark: { type: "rect", stroke: "#fff", strokeWidth: 1, cursor: "pointer" },
      encoding: {
        x: { field: "task", type: "nominal", title: null, sort: { op: "mean", field: "rate", order: "descending" }, axis: { labelAngle: -60, labelFontSize: 10 } },
        y: { field: "model", type: "nominal", title: null, sort: rank, axis: { labelFontSize: 12, labelFontWeight: 600 } },
        color: { field: "rate", type: "quantitative", title: "pass rate", scale: { domain: [0, 1], scheme: "redyellowgreen" }, legend: { format: "%", orient: "right", gradientLength: 120 } },
        tooltip: [{ field: "task" }, { field: "model" }, { field: "label", title: "passing / samples" }, { field: "rate", format: ".0%", title: "pass rate" }, { field: "kill", format: ".0%", title: "testbench kill score" }],
      },
    }).then((res) => res.view.addEventListener("click", (event, item) => {
      if (item && item.datum && item.datum.task !== undefined) showTask(item.datum.run, item.datum.task);
    }));
    // Open on the first task a model fails, the drill-down's most useful view.
    const first = values.find((v) => v.rate !== null && v.rate < 1) || values[0];
    showTask(first.run, first.task);
  };
  heatSuite.addEventListener("change", renderHeat);
  if (runs.length) renderHeat();
  else { document.getElementById("chart-heat").remove(); drill.replaceChildren(note("No runs given.")); }

  // ---- failures -------------------------------------------------------------------------
  const byRank = runs.slice().sort((a, b) => ((b.pass_at || {})["1"] ?? -1) - ((a.pass_at || {})["1"] ?? -1));
  const taxValues = [];
  for (const r of runs) for (const l of LEVELS) taxValues.push({ label: runLabel(r), level: LEVEL_NAMES[l], order: LEVELS.indexOf(l), n: r.taxonomy[l] || 0 });
  if (taxValues.some((v) => v.n > 0)) {
    embed("chart-taxonomy", {
      title: { text: "failure taxonomy (share of failing samples)", anchor: "start", fontSize: 13 },
      width: "container", height: { step: 24 }, data: { values: taxValues },
      mark: { type: "bar" },
      encoding: {
        y: { field: "label", type: "nominal", title: null, sort: byRank.map(runLabel) },
        x: { field: "n", type: "quantitative", stack: "normalize", title: null, axis: { format: "%" } },
        color: { field: "level", type: "nominal", title: null, sort: LEVELS.map((l) => LEVEL_NAMES[l]),
          scale: { domain: LEVELS.map((l) => LEVEL_NAMES[l]), range: ["#7b3294", "#c2a5cf", "#f4a582", "#ca0020"] }, legend: { orient: "top" } },
        order: { field: "order" },
        tooltip: [{ field: "label", title: "model" }, { field: "level" }, { field: "n", title: "samples" }],
      },
    });
  } else document.getElementById("chart-taxonomy").replaceWith(note("No failing samples in these runs."));
  const classTable = document.getElementById("class-table");
  classTable.append(el("thead", {}, el("tr", {}, el("th", { class: "text" }, "model"), ...LEVELS.map((l) => el("th", {}, LEVEL_NAMES[l])),
    el("th", { class: "text" }, "most frequent failure classes (verdict/class: samples)"))));
  classTable.append(el("tbody", {}, ...byRank.map((r) => el("tr", {}, el("td", { class: "text model" }, runLabel(r)),
    ...LEVELS.map((l) => el("td", {}, num(r.taxonomy[l] || 0))),
    el("td", { class: "text" }, Object.entries(r.failure_classes).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([c, n]) => `${c}: ${n}`).join(" · ") || "–")))));

  // ---- PPA ------------------------------------------------------------------------------
  const ppaBody = document.getElementById("ppa-body");
  const ppaRuns = runs.filter((r) => r.ppa && typeof r.ppa === "object");
  if (ppaRuns.length) {
    ppaBody.append(el("p", { class: "lead" }, "Area, delay and power of passing samples against the task's reference (ratio below 1 is better); the score is their geometric mean. A task is human-surpassing when a sample beats the reference."));
    const t = el("table", { class: "data" }, el("thead", {}, el("tr", {}, ...["model", "scored samples", "scored tasks", "area", "delay", "power", "PPA score", "human-surpassing tasks"].map((h, i) => el("th", { class: i ? "" : "text" }, h)))));
    const f3 = (v) => (typeof v === "number" ? v.toFixed(3) : "–");
    t.append(el("tbody", {}, ...ppaRuns.map((r) => el("tr", {}, el("td", { class: "text model" }, runLabel(r)), el("td", {}, num(r.ppa.scored)), el("td", {}, num(r.ppa.scored_tasks)),
      el("td", {}, f3(r.ppa.area_ratio)), el("td", {}, f3(r.ppa.delay_ratio)), el("td", {}, f3(r.ppa.power_ratio)), el("td", { class: "big" }, f3(r.ppa.score)), el("td", {}, num(r.ppa.human_surpassing))))));
    ppaBody.append(el("div", { class: "scroll" }, t));
    const points = [];
    for (const r of ppaRuns) for (const task of r.ppa.tasks || []) if (typeof task.area_ratio === "number")
      points.push({ model: runLabel(r), task: task.task, area: task.area_ratio, delay: task.delay_ratio, score: task.score });
    if (points.length) {
      ppaBody.append(el("div", { class: "chart", id: "chart-ppa" }));
      embed("chart-ppa", {
        title: { text: "area vs delay per task (candidate / reference)", anchor: "start", fontSize: 13 },
        width: "container", height: 320, data: { values: points },
        layer: [
          { mark: { type: "point", filled: true, size: 70, opacity: 0.8 }, encoding: {
            x: { field: "area", type: "quantitative", scale: { type: "log" }, title: "area ratio" },
            y: { field: "delay", type: "quantitative", scale: { type: "log" }, title: "delay ratio" },
            color: { field: "model", type: "nominal", title: null },
            tooltip: [{ field: "task" }, { field: "model" }, { field: "area", format: ".3f" }, { field: "delay", format: ".3f" }, { field: "score", format: ".3f" }] } },
          { data: { values: [{ one: 1 }] }, mark: { type: "rule", strokeDash: [4, 4], color: "#888" }, encoding: { x: { field: "one", type: "quantitative" } } },
          { data: { values: [{ one: 1 }] }, mark: { type: "rule", strokeDash: [4, 4], color: "#888" }, encoding: { y: { field: "one", type: "quantitative" } } },
        ],
      });
    }
  } else ppaBody.append(note("No PPA stored in these runs. Add --ppa to a run's command to fill it in (docs/PPA.md)."));

  // ---- assertions and testbench strength --------------------------------------------------
  const checksBody = document.getElementById("checks-body");
  const checks = data.checks || [], mutation = data.mutation || [];
  if (checks.length) {
    const kinds = ["proven", "vacuous", "cex", "syntax_error"];
    checksBody.append(el("p", { class: "lead" }, "Formal verdicts of each design's assertions (rtlarena check): proven, vacuous (the antecedent can never hold), cex (a counterexample), syntax errors; the rest is undetermined, timeout or unsupported."));
    const t = el("table", { class: "data" }, el("thead", {}, el("tr", {}, ...["design", "file", "assertions", ...kinds, "other"].map((h, i) => el("th", { class: i < 2 ? "text" : "" }, h)))));
    const values = [];
    t.append(el("tbody", {}, ...checks.map((c) => {
      const total = c.summary.total || 0, known = kinds.reduce((n, k) => n + (c.summary[k] || 0), 0);
      for (const k of kinds) values.push({ design: c.top || c.file, kind: k, n: c.summary[k] || 0 });
      values.push({ design: c.top || c.file, kind: "other", n: total - known });
      return el("tr", {}, el("td", { class: "text model" }, c.top), el("td", { class: "text" }, el("code", {}, c.file)), el("td", {}, total),
        ...kinds.map((k) => el("td", {}, `${c.summary[k] || 0} (${pct(total ? (c.summary[k] || 0) / total : null, 0)})`)), el("td", {}, total - known));
    })));
    checksBody.append(el("div", { class: "scroll" }, t), el("div", { class: "chart", id: "chart-checks" }));
    embed("chart-checks", {
      title: { text: "assertion verdict shares", anchor: "start", fontSize: 13 }, width: "container", height: { step: 24 }, data: { values },
      mark: "bar", encoding: { y: { field: "design", type: "nominal", title: null }, x: { field: "n", type: "quantitative", stack: "normalize", axis: { format: "%" }, title: null },
        color: { field: "kind", type: "nominal", title: null, scale: { domain: [...kinds, "other"], range: ["#1a9850", "#fee08b", "#d73027", "#7b3294", "#bbbbbb"] }, legend: { orient: "top" } },
        tooltip: [{ field: "design" }, { field: "kind" }, { field: "n" }] },
    });
  }
  if (mutation.length) {
    checksBody.append(el("h3", {}, "Testbench strength"), el("p", { class: "lead" }, "Mutants of each reference that its own testbench kills (rtlarena mutate); kill score = killed / (killed + survived), survivors judged equivalent left out. Per analysis, weakest testbench first; open a task's survivors to see what escaped."));
    const escape = (s) => {
      const j = s.judge;
      if (!j) return "not judged";
      if (j.output) return `${j.verdict}: at cycle ${j.cycle} ${j.output.name} is ${j.output.reference} in the reference, ${j.output.mutant} in the mutant`;
      return j.reason ? `${j.verdict}: ${j.reason}` : j.verdict;
    };
    for (const m of mutation) {
      const cfg = m.config || {};
      checksBody.append(el("h4", {}, m.suite || "(suite not recorded)"),
        el("p", { title: Object.entries(m.tool_versions || {}).map(([k, v]) => `${k} ${v}`).join("\n") }, el("code", {}, m.file),
          cfg.mutants ? ` · ${cfg.mutants} mutants per task, seed ${cfg.seed}` : "", ` · mean kill score ${pct(m.mean_kill_score)}`,
          "judge" in cfg ? (cfg.judge ? ` · survivors judged (bound ${cfg.bound}, ${cfg.equiv_timeout} s each)` : " · survivors not judged") : "",
          m.created_at ? ` · started ${m.created_at}` : "",
          m.complete === false ? " · unfinished: resume it with the same rtlarena mutate --out" : ""));
      const t = el("table", { class: "data" }, el("thead", {}, el("tr", {}, ...["task", "mutants", "killed", "survived", "equivalent", "unknown", "kill score", "survivors"].map((h, i) => el("th", { class: i && i < 7 ? "" : "text" }, h)))));
      t.append(el("tbody", {}, ...m.tasks.map((r) => el("tr", {}, el("td", { class: "text model" }, r.task), el("td", {}, num(r.mutants)), el("td", {}, num(r.killed)),
        el("td", { class: r.survived ? "warn" : "" }, num(r.survived)), el("td", {}, num(r.equivalent)), el("td", {}, num(r.unknown)),
        el("td", { class: "big" }, r.error ? "error: " + r.error : pct(r.kill_score)),
        el("td", { class: "text" }, (r.survivors || []).length ? el("details", {}, el("summary", {}, `${r.survivors.length} survivor${r.survivors.length > 1 ? "s" : ""}`),
          el("ul", {}, ...r.survivors.map((s) => el("li", {}, `#${s.mutant} ${s.fate}: ${s.description} — ${escape(s)}`)))) : "–")))));
      checksBody.append(el("div", { class: "scroll" }, t));
    }
  }
  if (!checks.length && !mutation.length)
    checksBody.append(note("None given. Keep a mutation analysis beside your runs with `rtlarena mutate ... --out runs/NAME` (report finds it), or pass saved `rtlarena check --json` / `rtlarena mutate --json` output with --checks FILE or --mutation FILE."));

  // ---- fuzzing ----------------------------------------------------------------------------
  const fuzzBody = document.getElementById("fuzz-body");
  if (fuzz.campaigns.length) {
    const groupName = (c) => c.core + (c.bug ? " + " + c.bug : "");
    fuzzBody.append(el("p", { class: "lead" }, `${fuzz.campaigns.length} campaigns. Coverage points hit against tests run, per scheduling algorithm: the line is the median over seeds, the band spans the lowest and highest seed.`));
    fuzzBody.append(el("div", { class: "chart", id: "chart-coverage" }));
    const bands = fuzz.bands.map((b) => Object.assign({ group: groupName(b) }, b));
    const groups = [...new Set(bands.map((b) => b.group))];
    const enc = { x: { field: "tests", type: "quantitative", title: "tests" }, color: { field: "algo", type: "nominal", title: "algorithm" } };
    const layers = [
      { mark: { type: "area", opacity: 0.18 }, encoding: Object.assign({ y: { field: "low", type: "quantitative", title: "coverage points", scale: { zero: false } }, y2: { field: "high" } }, enc) },
      { mark: { type: "line", strokeWidth: 2 }, encoding: Object.assign({ y: { field: "median", type: "quantitative" },
        tooltip: [{ field: "algo" }, { field: "tests", format: ",.0f" }, { field: "median", title: "median" }, { field: "low" }, { field: "high" }, { field: "seeds" }] }, enc) },
    ];
    embed("chart-coverage", groups.length > 1
      ? { data: { values: bands }, facet: { column: { field: "group", title: null } }, spec: { width: 360, height: 240, layer: layers }, resolve: { scale: { y: "independent" } } }
      : { title: { text: "coverage vs tests · " + (groups[0] || ""), anchor: "start", fontSize: 13 }, width: "container", height: 280, data: { values: bands }, layer: layers });

    fuzzBody.append(el("h3", {}, "Arm selection over time"));
    const pick = el("select", {}, ...fuzz.campaigns.map((c, i) => el("option", { value: i }, `${groupName(c)} · ${c.algo} · seed ${c.seed}`)));
    fuzzBody.append(el("div", { class: "controls" }, pick), el("div", { class: "chart", id: "chart-arms" }));
    const renderArms = () => {
      const c = fuzz.campaigns[+pick.value];
      const values = [];
      const trace = c.arm_trace || [];
      // At most 40 windows, so the choices read as bands rather than noise.
      const step = Math.max(1, Math.ceil((trace.length - 1) / 40));
      for (let i = step; i < trace.length + step - 1; i += step) {
        const hi = Math.min(i, trace.length - 1), lo = i - step;
        for (let a = 1; a < trace[hi].length; a++)
          values.push({ tests: trace[lo][0], arm: "arm " + (a - 1), share: Math.max(0, trace[hi][a] - trace[lo][a]) });
      }
      if (!values.length) {  // an older campaign: the final split only
        (c.arms || []).forEach((a, i) => values.push({ tests: c.tests, arm: "arm " + i, share: a.tests }));
      }
      embed("chart-arms", {
        title: { text: "share of tests given to each arm (the scheduler's choices)", anchor: "start", fontSize: 13 },
        width: "container", height: 200, data: { values },
        mark: values.length > (c.arms || []).length ? { type: "area", interpolate: "step-after" } : { type: "bar" },
        encoding: { x: { field: "tests", type: values.length > (c.arms || []).length ? "quantitative" : "ordinal", title: "tests" },
          y: { field: "share", type: "quantitative", stack: "normalize", title: null, axis: { format: "%" } },
          color: { field: "arm", type: "nominal", title: null, sort: null, scale: { scheme: "tableau10" } },
          tooltip: [{ field: "arm" }, { field: "tests" }, { field: "share", title: "tests in window" }] },
      });
    };
    pick.addEventListener("change", renderArms);
    renderArms();

    fuzzBody.append(el("h3", {}, "Bug detection"));
    const bt = el("table", { class: "data", id: "bug-table" }, el("thead", {}, el("tr", {}, ...["core", "bug", "algorithm", "found / runs", "median tests to bug", "median time to bug", "signatures"].map((h, i) => el("th", { class: i < 3 || i === 6 ? "text" : "" }, h)))));
    bt.append(el("tbody", {}, ...fuzz.bugs.map((b) => el("tr", {}, el("td", { class: "text" }, b.core), el("td", { class: "text" }, b.bug || "(none injected)"), el("td", { class: "text" }, b.algo),
      el("td", { class: b.found ? "ok" : "" }, `${b.found} / ${b.runs}`), el("td", {}, num(b.median_tests_to_bug)),
      el("td", {}, typeof b.median_seconds_to_bug === "number" ? (b.median_seconds_to_bug * 1000).toFixed(1) + " ms" : "–"),
      el("td", { class: "text" }, Object.keys(b.signatures).join(", ") || "–")))));
    fuzzBody.append(el("div", { class: "scroll" }, bt));
  } else fuzzBody.append(note("No fuzz campaigns given (rtlarena report … --fuzz CAMPAIGN_DIR)."));

  // ---- runs -------------------------------------------------------------------------------
  const runsTable = document.getElementById("runs-table");
  runsTable.append(el("thead", {}, el("tr", {}, ...["model", "suite", "setting", "run", "created", "status", "samples/task", "git", "tools", "directory"].map((h) => el("th", { class: "text" }, h)))));
  runsTable.append(el("tbody", {}, ...runs.map((r) => el("tr", {}, el("td", { class: "text model" }, r.model), el("td", { class: "text" }, r.suite),
    el("td", { class: "text" }, el("span", { class: "tag" + (r.setting === "tool-feedback" ? " fb" : "") }, r.setting)), el("td", { class: "text" }, el("code", {}, r.run_id)),
    el("td", { class: "text" }, r.created_at), el("td", { class: "text" }, r.status), el("td", { class: "text" }, r.samples_per_task),
    el("td", { class: "text" }, el("code", {}, (r.git_revision || "–").slice(0, 12))),
    el("td", { class: "text", title: JSON.stringify(r.tool_versions) }, Object.entries(r.tool_versions || {}).map(([k, v]) => `${k} ${v}`).join("; ").slice(0, 80)),
    el("td", { class: "text" }, el("code", {}, r.dir))))));

  // Tests and the benchmark wait for this: every chart has rendered (or failed loudly).
  Promise.allSettled(charts).then(() => { document.body.setAttribute("data-ready", "1"); });
})();

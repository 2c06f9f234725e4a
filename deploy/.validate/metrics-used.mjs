// node metrics-used.mjs OUT.txt [--check] -- DASHBOARD.json... ALERTS.yml...
// Lists every metric name the Grafana dashboards and the alert rules query, one per line, sorted: PromQL
// expressions with strings, label matchers, grouping clauses, ranges and function calls taken out leave the
// metric names. Series Prometheus makes itself (up, scrape_*, ALERTS) are left out: no application exposes them.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { readYamlFile } from "./lib.mjs";

const args = process.argv.slice(2);
const out = args.shift();
const check = args[0] === "--check" ? (args.shift(), true) : false;
if (args[0] === "--") args.shift();

const KEYWORDS = new Set(["by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless",
  "bool", "offset", "inf", "nan", "atan2"]);
const SYNTHETIC = /^(up|scrape_.*|ALERTS|ALERTS_FOR_STATE)$/;

function metricsOf(expr) {
  let e = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')           // strings
    .replace(/\{[^}]*\}/g, " ")                                      // label matchers
    .replace(/\[[^\]]*\]/g, " ")                                     // ranges / subqueries
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ") // grouping labels
    .replace(/\$\{?\w+\}?/g, " ");                                   // Grafana variables
  const names = new Set();
  for (const m of e.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const after = e.slice(m.index + m[0].length).trimStart();
    if (after.startsWith("(")) continue;                             // function call
    if (KEYWORDS.has(m[0].toLowerCase())) continue;
    if (/^\d/.test(m[0])) continue;
    names.add(m[0]);
  }
  return names;
}

const exprs = [];
for (const file of args) {
  if (file.endsWith(".json")) {
    const walk = (node) => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node && typeof node === "object") {
        if (typeof node.expr === "string") exprs.push(node.expr);
        if (node.type === "query" && node.query) exprs.push(typeof node.query === "string" ? node.query : node.query.query);
        Object.values(node).forEach(walk);
      }
    };
    walk(JSON.parse(readFileSync(file, "utf8")));
  } else {
    for (const doc of readYamlFile(file)) for (const g of doc.groups ?? doc.spec?.groups ?? []) for (const r of g.rules) exprs.push(String(r.expr));
  }
}
const all = new Set();
for (const ex of exprs) {
  // label_values(metric, label) in Grafana variables
  const lv = ex.match(/label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(?:\{[^}]*\})?\s*,/);
  if (lv) { all.add(lv[1]); continue; }
  for (const n of metricsOf(ex)) all.add(n);
}
const names = [...all].filter((n) => !SYNTHETIC.test(n)).sort();
const text = names.join("\n") + "\n";
const current = existsSync(out) ? readFileSync(out, "utf8") : "";
if (current === text) console.log(`  ${out}: ${names.length} metric names from ${exprs.length} expressions, up to date`);
else if (check) { console.error(`  FAIL ${out} is stale: run deploy/validate locally and commit the result`); process.exit(1); }
else { writeFileSync(out, text); console.log(`  ${out}: ${names.length} metric names from ${exprs.length} expressions (written)`); }

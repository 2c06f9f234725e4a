// node metrics-used.mjs METRICS-USED.txt -- DASHBOARD.json... ALERTS.yml...
// deploy/grafana/metrics-used.txt lists every metric the Grafana dashboards and the alert rules query, with where
// it comes from ("<metric> <source>"). This fails when a query uses a metric the file does not list, when the
// file lists one nothing queries, when a source is unknown, or when a "rule:" metric is no recording rule.
// Sources: platform process names (or "services" for every Spring Boot process), exported by the platform itself
// and checked against a live scrape by e2e's MetricsIT; and, with a colon, what only a cluster provides
// (kubernetes:cadvisor, kubernetes:kube-state-metrics, external:blackbox-exporter) or a recording rule
// (rule:deploy/prometheus/alerts.yml). Series Prometheus makes itself (up, scrape_*, ALERTS) are left out.
import { readFileSync } from "node:fs";
import { readYamlFile, vectorSelectors, dashboardExpressions, fail, failed } from "./lib.mjs";

const args = process.argv.slice(2);
const listPath = args.shift();
if (args[0] === "--") args.shift();

const PROCESSES = new Set(["services", "discovery", "gateway", "user-service", "catalog-service", "order-service",
  "notification-service", "payment-sandbox", "web"]);
const EXTERNAL = new Set(["kubernetes:cadvisor", "kubernetes:kube-state-metrics", "external:blackbox-exporter"]);
const SYNTHETIC = /^(up|scrape_.*|ALERTS|ALERTS_FOR_STATE)$/;

const used = new Map(); // metric -> first place that queries it
const records = new Set();
const note = (metric, where) => { if (!SYNTHETIC.test(metric) && !used.has(metric)) used.set(metric, where); };
let exprCount = 0;
for (const file of args) {
  if (file.endsWith(".json")) {
    for (const { expr, where } of dashboardExpressions(JSON.parse(readFileSync(file, "utf8")))) {
      exprCount++;
      const lv = expr.match(/label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)/);
      if (lv) note(lv[1], where);
      else for (const s of vectorSelectors(expr)) note(s.metric, where);
    }
  } else {
    for (const doc of readYamlFile(file)) for (const g of doc.groups ?? doc.spec?.groups ?? []) for (const r of g.rules) {
      exprCount++;
      if (r.record) records.add(r.record);
      for (const s of vectorSelectors(r.expr)) note(s.metric, `${file} ${r.alert ?? r.record}`);
    }
  }
}

const listed = new Map();
readFileSync(listPath, "utf8").split("\n").forEach((line, i) => {
  const text = line.replace(/#.*/, "").trim();
  if (!text) return;
  const [metric, source, ...rest] = text.split(/\s+/);
  const at = `${listPath}:${i + 1}`;
  if (!source || rest.length) return fail(`${at}: expected "<metric> <source>", found "${text}"`);
  if (listed.has(metric)) fail(`${at}: ${metric} is listed twice`);
  listed.set(metric, source);
  if (source.startsWith("rule:")) {
    if (!records.has(metric)) fail(`${at}: ${metric} is marked as a recording rule, but no rule records it`);
  } else if (!EXTERNAL.has(source) && !source.split(",").every((p) => PROCESSES.has(p))) {
    fail(`${at}: unknown source ${source} (a process: ${[...PROCESSES].join(", ")}; or ${[...EXTERNAL].join(", ")}, rule:<file>)`);
  }
});
for (const [metric, where] of used) if (!listed.has(metric)) fail(`${where} queries ${metric}, which ${listPath} does not list (add "${metric} <source>")`);
for (const metric of listed.keys()) if (!used.has(metric)) fail(`${listPath} lists ${metric}, which no dashboard or alert queries`);
if (failed()) process.exit(1);
const own = [...listed.values()].filter((s) => !s.includes(":")).length;
console.log(`  ${listPath}: ${listed.size} metrics from ${exprCount} expressions, each listed with its source (${own} exported by the platform's processes, ${listed.size - own} by the cluster, the black-box probe or a recording rule)`);

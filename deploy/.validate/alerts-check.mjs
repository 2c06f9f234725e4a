// node alerts-check.mjs ALERTS.yml ALERTS.test.yml OPERATIONS.md DASHBOARD_DIR
// Every alert has a promtool test that fires and one that stays silent, every recording rule a test; every alert
// aggregates by namespace (or selects absent series), and links an absolute runbook (an anchor that exists in
// docs/operations.md) and a dashboard (a uid that exists).
import { readFileSync, readdirSync } from "node:fs";
import { readYamlFile, fail, failed } from "./lib.mjs";
const [alertsPath, testsPath, opsPath, dashDir] = process.argv.slice(2);
const [rules] = readYamlFile(alertsPath);
const [tests] = readYamlFile(testsPath);
const all = rules.groups.flatMap((g) => g.rules);
const fires = new Set(), silent = new Set(), recorded = new Set();
for (const t of tests.tests) {
  for (const a of t.alert_rule_test ?? []) (a.exp_alerts?.length ? fires : silent).add(a.alertname);
  for (const e of t.promql_expr_test ?? []) for (const r of all) if (r.record && e.expr.includes(r.record)) recorded.add(r.record);
}
const anchors = new Set([...readFileSync(opsPath, "utf8").matchAll(/^#+ (.+)$/gm)].map((m) => m[1].trim().toLowerCase().replace(/[^a-z0-9 -]/g, "").replace(/ /g, "-")));
const uids = new Set(readdirSync(dashDir).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(readFileSync(`${dashDir}/${f}`, "utf8")).uid));
let n = 0;
for (const r of all) {
  if (r.record) { if (!recorded.has(r.record)) fail(`recording rule ${r.record} has no promql_expr_test`); continue; }
  n++;
  if (!fires.has(r.alert)) fail(`${r.alert}: no test where it fires`);
  if (!silent.has(r.alert)) fail(`${r.alert}: no test where it stays silent`);
  const expr = String(r.expr);
  if (/\bby \(/.test(expr) && [...expr.matchAll(/\bby \(([^)]*)\)/g)].some((m) => !m[1].includes("namespace"))) fail(`${r.alert}: an aggregation without namespace`);
  const rb = r.annotations?.runbook_url ?? "", db = r.annotations?.dashboard_url ?? "";
  if (!/^https:\/\//.test(rb) || !anchors.has(rb.split("#")[1])) fail(`${r.alert}: runbook_url ${rb} is not absolute or its anchor is not in ${opsPath}`);
  if (!/^https:\/\//.test(db) || !uids.has(db.split("/d/")[1]?.split("?")[0])) fail(`${r.alert}: dashboard_url ${db} is not absolute or names no dashboard`);
}
console.log(`  ${n} alerts tested both ways, ${recorded.size} recording rules tested; runbook and dashboard links resolve${failed() ? "" : ""}`);
process.exit(failed() ? 1 : 0);

// node dashboards-check.mjs ALERTS.yml DASHBOARD.json...
// The Grafana dashboards: valid JSON with unique uids, a title and panels; a query in every panel; cluster and
// namespace variables whose "All" matches series without the label (regex ".*"); every vector selector of every
// panel query and annotation selects cluster=~"$cluster" and namespace=~"$namespace", and every query variable
// other than those two selects the namespace; every variable a query uses exists; every dashboard uid an alert's
// dashboard_url names exists. (Which metrics the queries use: metrics-used.mjs.)
import { readFileSync } from "node:fs";
import { readYamlFile, vectorSelectors, dashboardExpressions, fail, failed } from "./lib.mjs";

const [alertsPath, ...files] = process.argv.slice(2);
const BUILTIN = new Set(["__rate_interval", "__interval", "__range", "__all", "datasource"]);
const uids = new Map();
for (const file of files) {
  let d;
  try { d = JSON.parse(readFileSync(file, "utf8")); } catch (e) { fail(`${file} is not valid JSON: ${e.message}`); continue; }
  if (typeof d.uid !== "string" || typeof d.title !== "string" || !d.panels?.length) { fail(`${file}: no uid, title or panels`); continue; }
  if (uids.has(d.uid)) fail(`${file}: uid ${d.uid} is also the uid of ${uids.get(d.uid)}`);
  uids.set(d.uid, file);
  const panels = d.panels.flatMap((p) => [p, ...(p.panels ?? [])]).filter((p) => p.type !== "row");
  for (const p of panels) if (!(p.targets ?? []).some((t) => t.expr)) fail(`${file}: panel "${p.title}" has no query`);
  const vars = new Map((d.templating?.list ?? []).map((v) => [v.name, v]));
  for (const name of ["cluster", "namespace"]) {
    const v = vars.get(name);
    if (!v) fail(`${file}: no $${name} variable`);
    else if (!v.includeAll || v.allValue !== ".*") fail(`${file}: $${name} needs an "All" value of ".*" (it then matches series without the label too)`);
  }
  let queries = 0;
  for (const { expr, where, kind } of dashboardExpressions(d)) {
    for (const m of expr.matchAll(/\$\{?(\w+)/g)) if (!BUILTIN.has(m[1]) && !vars.has(m[1])) fail(`${where}: uses $${m[1]}, which is no variable of ${file}`);
    if (kind === "variable") {
      const name = where.split(" / ").pop();
      if (name !== "cluster" && name !== "namespace" && !/namespace=~"\$namespace"/.test(expr)) fail(`${where}: the variable's query does not select namespace=~"$namespace"`);
      continue;
    }
    queries++;
    for (const s of vectorSelectors(expr)) {
      for (const label of ["namespace", "cluster"]) {
        if (!new RegExp(`\\b${label}=~"\\$${label}"`).test(s.matchers)) fail(`${where}: ${s.metric} does not select ${label}=~"$${label}"`);
      }
    }
  }
  if (!failed()) console.log(`  ok   ${file}: ${d.uid}, ${panels.length} panels, ${queries} queries, each selector scoped by cluster and namespace`);
}
const [rules] = readYamlFile(alertsPath);
for (const r of rules.groups.flatMap((g) => g.rules)) {
  const url = r.annotations?.dashboard_url;
  if (!url) continue;
  const uid = url.split("/d/")[1]?.split(/[/?]/)[0];
  if (!uids.has(uid)) fail(`${alertsPath}: ${r.alert} links dashboard ${uid}, which no dashboard has`);
}
if (failed()) process.exit(1);
console.log(`  ok   every dashboard uid the alerts link exists (${[...uids.keys()].join(", ")})`);

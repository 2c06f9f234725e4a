// Small helpers shared by the validation scripts.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

export function readYamlDocs(text, origin) {
  const docs = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length) throw new Error(`${origin}: ${doc.errors.map((e) => e.message).join("; ")}`);
    const value = doc.toJS({ maxAliasCount: -1 });
    if (value != null) docs.push(value);
  }
  return docs;
}

export function readYamlFile(path) {
  return readYamlDocs(readFileSync(path, "utf8"), path);
}

export function readStdin() {
  return readFileSync(0, "utf8");
}

let failures = 0;
export function fail(message) {
  failures++;
  console.error(`  FAIL ${message}`);
}
export function failed() {
  return failures;
}

const PROMQL_KEYWORDS = new Set(["by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless",
  "bool", "offset", "inf", "nan", "atan2"]);
/**
 * The vector selectors of a PromQL expression: [{ metric, matchers }], matchers being the text between the braces
 * ("" when there are none). Strings outside braces, ranges, grouping labels and Grafana variables are taken out
 * first; a name followed by "(" is a function call.
 */
export function vectorSelectors(expr) {
  const braces = [];
  let e = String(expr).replace(/\{((?:[^}"']|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')*)\}/g, (_, inner) => `{#${braces.push(inner) - 1}}`)
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ")
    .replace(/\$\{?\w+\}?/g, " ");
  const found = [];
  for (const m of e.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{#(\d+)\})?/g)) {
    const after = e.slice(m.index + m[0].length).trimStart();
    if (!m[2] && after.startsWith("(")) continue;
    if (PROMQL_KEYWORDS.has(m[1].toLowerCase())) continue;
    const prev = e[m.index - 1];
    if (prev && /[0-9.]/.test(prev)) continue; // the tail of a number such as 1e3
    found.push({ metric: m[1], matchers: m[2] ? braces[Number(m[3])] : "" });
  }
  return found;
}

/** Every PromQL expression of a Grafana dashboard: panel targets, annotations and query variables. */
export function dashboardExpressions(dashboard) {
  const exprs = [];
  const walk = (node, where) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, where));
    if (!node || typeof node !== "object") return;
    const here = node.title ? `${where} / ${node.title}` : node.name ? `${where} / ${node.name}` : where;
    if (typeof node.expr === "string") exprs.push({ expr: node.expr, where: here, kind: "query" });
    if (node.type === "query" && node.query) exprs.push({ expr: typeof node.query === "string" ? node.query : node.query.query, where: here, kind: "variable" });
    for (const [k, v] of Object.entries(node)) if (k !== "query") walk(v, here);
  };
  walk(dashboard, dashboard.uid);
  return exprs;
}

// A generated file: written when it differs from what its source generates, or with --check (CI) a failure instead.
export function writeGenerated(outPath, text, source, mode) {
  const current = existsSync(outPath) ? readFileSync(outPath, "utf8") : "";
  if (current === text) {
    console.log(`  ${outPath} is up to date with ${source}`);
  } else if (mode === "--check") {
    console.error(`  FAIL ${outPath} differs from what ${source} generates: run deploy/validate locally and commit the result`);
    process.exit(1);
  } else {
    writeFileSync(outPath, text);
    console.log(`  ${outPath} regenerated from ${source}`);
  }
}

// node compose-check.mjs COMPOSE.yaml (the output of docker-compose config, all profiles)
// Every container is bounded (mem_limit) and rotates its log; every Shopstack JVM names its GC and its budget
// (heap + metaspace + code cache + direct memory + native reserve) fits its mem_limit; only Grafana uses port 3000;
// the payment sandbox runs only with the profile local.
import { readFileSync } from "node:fs";
import { readYamlDocs, fail, failed } from "./lib.mjs";
import { jvmBudget, mib } from "./jvm.mjs";

const [file] = process.argv.slice(2);
const [compose] = readYamlDocs(readFileSync(file, "utf8"), file);
// native memory outside the four capped areas, per kind of JVM (docs/operations.md, "Memory budget")
const RESERVE = { discovery: 128, web: 160, "payment-sandbox": 96, migrate: 96, default: 192 };
let jvms = 0;
for (const [name, s] of Object.entries(compose.services)) {
  const limit = mib(s.mem_limit);
  if (!Number.isFinite(limit)) fail(`compose ${name}: no mem_limit`);
  if (s.logging?.driver !== "json-file" || !s.logging?.options?.["max-size"]) fail(`compose ${name}: log not rotated`);
  for (const p of s.ports ?? []) {
    const published = String(typeof p === "object" ? p.published : p.split(":").slice(-2, -1)[0]);
    if (published === "3000" && name !== "grafana") fail(`compose ${name}: port 3000 belongs to Grafana`);
  }
  const opts = Array.isArray(s.environment) ? undefined : s.environment?.JAVA_OPTS;
  if (/shopstack\//.test(s.image ?? "") && !name.startsWith("kafka")) {
    jvms++;
    const kind = name.endsWith("-migrate") ? "migrate" : name.replace(/-2$/, "");
    for (const p of jvmBudget(opts, RESERVE[kind] ?? RESERVE.default, limit).problems) fail(`compose ${name}: ${p}`);
  }
}
const sandbox = compose.services["payment-sandbox"];
if (!sandbox || !(sandbox.profiles ?? []).includes("local")) fail("compose: the payment sandbox must exist with the profile local only");
console.log(`  compose: ${Object.keys(compose.services).length} containers bounded with rotated logs; ${jvms} JVM budgets fit${failed() ? "" : ""}`);
process.exit(failed() ? 1 : 0);

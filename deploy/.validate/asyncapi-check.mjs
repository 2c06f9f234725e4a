// node asyncapi-check.mjs <asyncapi.yaml>: validates an AsyncAPI document as the AsyncAPI CLI's `validate` does
// (the same @asyncapi/parser and its Spectral ruleset, without the CLI's 1,300 packages). Errors and warnings fail.
import { readFileSync } from "node:fs";
import { Parser, DiagnosticSeverity } from "@asyncapi/parser";
import { fail, failed } from "./lib.mjs";

const path = process.argv[2];
const diagnostics = await new Parser().validate(readFileSync(path, "utf8"), { source: path });
const severities = { [DiagnosticSeverity.Error]: "error", [DiagnosticSeverity.Warning]: "warning" };
for (const d of diagnostics) {
  const where = `${path}:${d.range.start.line + 1} ${d.path.join(".")}`;
  if (d.severity in severities) fail(`${where}: ${severities[d.severity]} ${d.code}: ${d.message}`);
  else console.log(`  note ${where}: ${d.code}: ${d.message}`);
}
if (failed()) process.exit(1);
console.log(`  ok   ${path}: a valid AsyncAPI document, no warnings (@asyncapi/parser)`);

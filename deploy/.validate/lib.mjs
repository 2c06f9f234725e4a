// Small helpers shared by the validation scripts.
import { readFileSync } from "node:fs";
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

// node postman-collection.mjs API_DIR OUT.json [--check]
// Generates a Postman collection (v2.1) from the OpenAPI documents in API_DIR: a journey folder, the ordered steps of
// API_DIR/postman-journey.json (newman runs it against the e2e stack in CI), and one folder per service with every
// operation. Method, path, headers, body example, auth and the checks of each answer (status, content type, JSON
// Schema) come from the documents. --check: fail when OUT is not what would be generated (CI).
import { readFileSync } from "node:fs";
import { writeGenerated } from "./lib.mjs";

const SERVICES = ["user-service", "catalog-service", "order-service", "notification-service"];
const [apiDir, outPath, mode] = process.argv.slice(2);
const docs = SERVICES.map((name) => ({ name, doc: JSON.parse(readFileSync(`${apiDir}/${name}.json`, "utf8")) }));
const journey = JSON.parse(readFileSync(`${apiDir}/postman-journey.json`, "utf8"));

const operations = new Map();
for (const { name, doc } of docs) {
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (operations.has(op.operationId)) throw new Error(`operationId ${op.operationId} is not unique`);
      operations.set(op.operationId, { service: name, doc, path, method: method.toUpperCase(), op });
    }
  }
}
function operation(id) {
  const found = operations.get(id);
  if (!found) throw new Error(`${apiDir}/postman-journey.json names ${id}, which no API document has`);
  return found;
}

// The JSON Schema of an answer with its references inlined. Formats are dropped, since the collection's validator
// knows fewer of them than OpenAPI does (int64, binary), and so are patterns: they are rules for input, and Postman's
// validator compiles them without the Unicode flag (\p{L} would not match a letter).
function resolve(doc, schema, seen = []) {
  if (Array.isArray(schema)) return schema.map((s) => resolve(doc, s, seen));
  if (schema === null || typeof schema !== "object") return schema;
  if (schema.$ref) {
    const name = schema.$ref.replace("#/components/schemas/", "");
    if (seen.includes(name)) return {};
    return resolve(doc, doc.components.schemas[name], [...seen, name]);
  }
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (["format", "pattern", "example", "examples", "description", "$schema"].includes(key)) continue;
    out[key] = key === "properties" ? Object.fromEntries(
      Object.entries(value).map(([p, s]) => [p, resolve(doc, s, seen)])) : resolve(doc, value, seen);
  }
  return out;
}

// {{categoryId}} for the {id} after /categories/: the journey's variables fill the reference requests too.
function pathVariable(path, name) {
  const segments = path.split("/");
  const before = segments[segments.indexOf(`{${name}}`) - 1] ?? "";
  const singular = before.endsWith("ies") ? before.slice(0, -3) + "y" : before.replace(/s$/, "");
  return `{{${singular}${name[0].toUpperCase()}${name.slice(1)}}}`;
}

const HEADER_VALUES = { "Idempotency-Key": "{{$guid}}", "If-Match": "{{productEtag}}", "If-None-Match": "" };

function request({ doc, path, method, op }, step = {}) {
  const segments = path.split("/").filter(Boolean).map((s) => s.replace(/^\{(.+)\}$/, ":$1"));
  const params = op.parameters ?? [];
  const query = Object.entries(step.query ?? {}).map(([key, value]) => ({ key, value }));
  if (!step.query) {
    for (const p of params.filter((p) => p.in === "query")) query.push({ key: p.name, value: "", disabled: true });
  }
  const url = { raw: `{{baseUrl}}/${segments.join("/")}`, host: ["{{baseUrl}}"], path: segments };
  if (query.length) {
    url.raw += "?" + query.filter((q) => !q.disabled).map((q) => `${q.key}=${q.value}`).join("&");
    url.query = query;
  }
  const variables = params.filter((p) => p.in === "path").map((p) => ({ key: p.name, value: pathVariable(path, p.name) }));
  if (variables.length) url.variable = variables;
  const header = params.filter((p) => p.in === "header" && p.required !== false)
    .filter((p) => HEADER_VALUES[p.name] !== "")
    .map((p) => ({ key: p.name, value: HEADER_VALUES[p.name] ?? "" }));
  const result = { method, header, url, description: op.description ?? op.summary };
  const content = op.requestBody?.content ?? {};
  if (content["application/json"]) {
    header.push({ key: "Content-Type", value: "application/json" });
    result.body = { mode: "raw", raw: jsonBody({ ...content["application/json"].example, ...step.body }),
      options: { raw: { language: "json" } } };
  } else if (content["multipart/form-data"]) {
    const fields = Object.keys(content["multipart/form-data"].schema.properties ?? {});
    result.body = { mode: "formdata", formdata: fields.map((key) => ({ key, type: "file", src: [] })) };
  }
  if (Array.isArray(op.security) && op.security.length === 0) result.auth = { type: "noauth" };
  return result;
}

// {"$var": "orderTotal"} becomes {{orderTotal}} without quotes, so numbers stay numbers.
function jsonBody(body) {
  return JSON.stringify(body, null, 2).replace(/\{\s*"\$var":\s*"(\w+)"\s*\}/g, "{{$1}}");
}

function successStatus(op) {
  const codes = Object.keys(op.responses).filter((c) => /^2/.test(c)).map(Number).sort();
  return codes[0];
}

function checks({ doc, op }, step = {}) {
  const status = step.status ?? successStatus(op);
  const answer = op.responses[String(status)];
  if (!answer) throw new Error(`${op.operationId} does not document the answer ${status}`);
  const lines = [`pm.test("${op.operationId} answers ${status}", () => pm.response.to.have.status(${status}));`];
  const [type, media] = Object.entries(answer.content ?? {})[0] ?? [];
  if (type) {
    const pattern = type.replace("*", ".*").replace(/[/+]/g, "\\$&");
    lines.push(`pm.test("as ${type}", () => pm.expect(pm.response.headers.get("Content-Type")).to.match(/^${pattern}/));`);
  }
  if (type && /json/.test(type) && media.schema) {
    lines.push(`pm.test("with the documented body", () => pm.response.to.have.jsonSchema(${
      JSON.stringify(resolve(doc, media.schema))}));`);
  }
  const captures = Object.entries(step.capture ?? {});
  const expects = Object.entries(step.expect ?? {});
  if (captures.length || expects.length) {
    lines.push("const body = pm.response.text() ? pm.response.json() : {};",
      "const at = (path) => path.split('.').reduce((v, key) => (v == null ? v : v[key]), body);");
  }
  for (const [variable, from] of captures) {
    const value = from.startsWith("header:") ? `pm.response.headers.get("${from.slice(7)}")` : `at("${from}")`;
    lines.push(`pm.test("gives ${from}", () => pm.expect(${value}).to.exist);`,
      `pm.collectionVariables.set("${variable}", ${value});`);
  }
  for (const [path, value] of expects) {
    const expected = JSON.stringify(value);
    const assertion = Array.isArray(value) ? "to.have.members" : "to.eql";
    lines.push(`pm.test("${path} is ${expected.replace(/"/g, "'")}", () => pm.expect(at("${path}")).${assertion}(` +
      (typeof value === "string" ? `pm.variables.replaceIn(${expected})` : expected) + "));");
  }
  if (step.retrySeconds) {
    // an answer that becomes true within a bound (a revocation reaching the gateway): ask again every 0.5 s
    lines.splice(0, lines.length,
      "const tries = Number(pm.collectionVariables.get('tries') || 0);",
      `if (pm.response.code !== ${status} && tries < ${step.retrySeconds * 2}) {`,
      "  pm.collectionVariables.set('tries', tries + 1);",
      "  setTimeout(() => postman.setNextRequest(pm.info.requestName), 500);",
      "} else {",
      "  pm.collectionVariables.unset('tries');",
      ...lines.map((line) => "  " + line),
      "}");
  }
  return [{ listen: "test", script: { type: "text/javascript", exec: lines } }];
}

function documentedAnswers({ op }) {
  const codes = Object.keys(op.responses).map(Number);
  return [{ listen: "test", script: { type: "text/javascript", exec: [
    `pm.test("${op.operationId} answers one of the documented statuses", () => ` +
      `pm.expect(pm.response.code).to.be.oneOf(${JSON.stringify(codes)}));`] } }];
}

const newRun = { listen: "prerequest", script: { type: "text/javascript", exec: [
  "// a new run id per run: the journey's category slug and product SKU are unique",
  "const runId = Date.now().toString(36);",
  "pm.collectionVariables.set('runId', runId);",
  "pm.collectionVariables.set('RUNID', runId.toUpperCase());"] } };

const journeyItems = journey.steps.map((step, i) => {
  const found = operation(step.operationId);
  return {
    name: `${String(i + 1).padStart(2, "0")} ${step.operationId}`,
    event: [...(i === 0 ? [newRun] : []), ...checks(found, step)],
    request: request(found, step),
  };
});

const variables = new Set(["runId", "RUNID", "accessToken", "refreshToken", "productEtag"]);
for (const step of journey.steps) Object.keys(step.capture ?? {}).forEach((v) => variables.add(v));

const collection = {
  info: {
    name: "Shopstack API",
    description: "Generated by deploy/validate from docs/api (the services' OpenAPI documents) and " +
      "docs/api/postman-journey.json: edit those, not this file. Set baseUrl to the gateway; run the journey folder " +
      "first (it signs in as the local admin and fills the id variables the other requests use).",
    schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
  },
  auth: { type: "bearer", bearer: [{ key: "token", value: "{{accessToken}}", type: "string" }] },
  variable: [
    { key: "baseUrl", value: "http://localhost:8080" },
    { key: "adminLogin", value: "admin" },
    { key: "adminPassword", value: "local-admin-password" },
    ...[...variables].sort().map((key) => ({ key, value: "" })),
  ],
  item: [
    { name: journey.name, description: journey.description, item: journeyItems },
    ...docs.map(({ name }) => ({
      name,
      item: [...operations.values()].filter((o) => o.service === name).map((o) => ({
        name: `${o.op.operationId}: ${o.op.summary}`,
        event: documentedAnswers(o),
        request: request(o),
      })),
    })),
  ],
};

const text = JSON.stringify(collection, null, 2) + "\n";
writeGenerated(outPath, text, apiDir, mode);

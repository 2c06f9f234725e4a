// node k8s-check.mjs NAME RENDERED.yaml [SECRETS-TEMPLATE.yaml]
// Validates every object of a rendered kustomization against the Kubernetes OpenAPI schemas (kubernetes-models,
// generated from the upstream OpenAPI spec; monitoring.coreos.com kinds from @kubernetes-models/prometheus-operator),
// then checks what schemas cannot: every configMapKeyRef/secretKeyRef/secret volume resolves (against the
// rendered objects, or for Secrets that live outside git against k8s/secrets-template), every Service and PDB
// selects pods, and every application container keeps the hardening the base sets.
import { readFileSync } from "node:fs";
import { readYamlDocs, fail, failed } from "./lib.mjs";

const [name, renderedPath, secretsTemplatePath] = process.argv.slice(2);
const objects = readYamlDocs(readFileSync(renderedPath, "utf8"), renderedPath);

function modulePath(apiVersion, kind) {
  if (apiVersion.startsWith("monitoring.coreos.com/")) {
    return `@kubernetes-models/prometheus-operator/${apiVersion}/${kind}`;
  }
  return apiVersion.includes("/") ? `kubernetes-models/${apiVersion}/${kind}` : `kubernetes-models/${apiVersion}/${kind}`;
}

const kinds = {};
for (const obj of objects) {
  const id = `${obj.kind}/${obj.metadata?.name}`;
  kinds[obj.kind] = (kinds[obj.kind] ?? 0) + 1;
  let Model;
  try {
    Model = (await import(modulePath(obj.apiVersion, obj.kind)))[obj.kind];
  } catch (e) {
    fail(`${name}: ${id}: no schema for ${obj.apiVersion} ${obj.kind}`);
    continue;
  }
  try {
    new Model(obj).validate();
  } catch (e) {
    fail(`${name}: ${id}: ${e.message}`);
  }
}

// references
const byKind = (kind) => objects.filter((o) => o.kind === kind);
const configMaps = new Map(byKind("ConfigMap").map((c) => [c.metadata.name, new Set(Object.keys({ ...c.data, ...c.binaryData }))]));
const secrets = new Map(byKind("Secret").map((s) => [s.metadata.name, new Set(Object.keys({ ...s.data, ...s.stringData }))]));
const external = new Map();
if (secretsTemplatePath) {
  for (const s of readYamlDocs(readFileSync(secretsTemplatePath, "utf8"), secretsTemplatePath)) {
    if (s.kind === "Secret") external.set(s.metadata.name, new Set(Object.keys({ ...s.data, ...s.stringData })));
  }
}
function secretKeys(secretName) {
  return secrets.get(secretName) ?? external.get(secretName);
}

const workloads = objects.filter((o) => ["Deployment", "StatefulSet"].includes(o.kind));
for (const w of workloads) {
  const id = `${w.kind}/${w.metadata.name}`;
  const pod = w.spec.template.spec;
  const labels = w.spec.template.metadata?.labels ?? {};
  for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
    for (const e of c.env ?? []) {
      const cmr = e.valueFrom?.configMapKeyRef;
      if (cmr && !(configMaps.get(cmr.name)?.has(cmr.key)) && !cmr.optional) fail(`${name}: ${id}: env ${e.name}: no ConfigMap key ${cmr.name}/${cmr.key}`);
      const skr = e.valueFrom?.secretKeyRef;
      if (skr) {
        const keys = secretKeys(skr.name);
        if (!keys) fail(`${name}: ${id}: env ${e.name}: Secret ${skr.name} is neither rendered nor in k8s/secrets-template`);
        else if (!keys.has(skr.key) && !skr.optional) fail(`${name}: ${id}: env ${e.name}: Secret ${skr.name} has no key ${skr.key}`);
      }
    }
    for (const ef of c.envFrom ?? []) {
      if (ef.configMapRef && !configMaps.has(ef.configMapRef.name)) fail(`${name}: ${id}: envFrom ConfigMap ${ef.configMapRef.name} missing`);
      if (ef.secretRef && !secretKeys(ef.secretRef.name)) fail(`${name}: ${id}: envFrom Secret ${ef.secretRef.name} missing`);
    }
    const mounts = new Set((c.volumeMounts ?? []).map((m) => m.name));
    const volumes = [...(pod.volumes ?? []), ...(w.spec.volumeClaimTemplates ?? []).map((t) => t.metadata)];
    for (const m of mounts) if (!volumes.some((v) => v.name === m)) fail(`${name}: ${id}: volumeMount ${m} has no volume`);
  }
  for (const v of pod.volumes ?? []) {
    if (v.secret && !secretKeys(v.secret.secretName)) fail(`${name}: ${id}: volume ${v.name}: Secret ${v.secret.secretName} missing`);
    if (v.configMap && !configMaps.has(v.configMap.name)) fail(`${name}: ${id}: volume ${v.name}: ConfigMap ${v.configMap.name} missing`);
  }
  const sel = w.spec.selector?.matchLabels ?? {};
  for (const [k, v] of Object.entries(sel)) if (labels[k] !== v) fail(`${name}: ${id}: selector ${k}=${v} does not match the pod template`);

  // hardening of the Shopstack applications
  if (labels["app.kubernetes.io/component"] === "application") {
    if (!(pod.securityContext?.runAsNonRoot)) fail(`${name}: ${id}: runAsNonRoot missing`);
    if (!(pod.terminationGracePeriodSeconds >= 30)) fail(`${name}: ${id}: terminationGracePeriodSeconds < 30`);
    for (const c of pod.containers) {
      const cid = `${id} container ${c.name}`;
      if (!c.securityContext?.readOnlyRootFilesystem) fail(`${name}: ${cid}: readOnlyRootFilesystem missing`);
      if (c.securityContext?.allowPrivilegeEscalation !== false) fail(`${name}: ${cid}: allowPrivilegeEscalation not false`);
      if (!c.volumeMounts?.some((m) => m.mountPath === "/tmp")) fail(`${name}: ${cid}: no /tmp volume`);
      if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory || !c.resources?.limits?.memory) fail(`${name}: ${cid}: resources incomplete`);
      for (const p of ["startupProbe", "livenessProbe", "readinessProbe"]) if (!c[p]) fail(`${name}: ${cid}: ${p} missing`);
      if (!c.livenessProbe?.httpGet?.path?.endsWith("/actuator/health/liveness")) fail(`${name}: ${cid}: liveness probe not on /actuator/health/liveness`);
      if (!c.readinessProbe?.httpGet?.path?.endsWith("/actuator/health/readiness")) fail(`${name}: ${cid}: readiness probe not on /actuator/health/readiness`);
      if (!c.lifecycle?.preStop) fail(`${name}: ${cid}: no preStop hook`);
      const ports = new Set((c.ports ?? []).map((p) => p.name));
      for (const p of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        const port = c[p]?.httpGet?.port;
        if (typeof port === "string" && !ports.has(port)) fail(`${name}: ${cid}: ${p} uses unknown port ${port}`);
      }
    }
  }
}
const podLabelSets = workloads.map((w) => w.spec.template.metadata?.labels ?? {});
const selects = (sel) => podLabelSets.some((l) => Object.entries(sel).every(([k, v]) => l[k] === v));
for (const s of byKind("Service")) {
  if (s.spec.selector && !selects(s.spec.selector)) fail(`${name}: Service/${s.metadata.name} selects no pods`);
}
for (const p of byKind("PodDisruptionBudget")) {
  if (!selects(p.spec.selector.matchLabels ?? {})) fail(`${name}: PodDisruptionBudget/${p.metadata.name} selects no pods`);
}
for (const h of byKind("HorizontalPodAutoscaler")) {
  const t = h.spec.scaleTargetRef;
  if (!workloads.some((w) => w.kind === t.kind && w.metadata.name === t.name)) fail(`${name}: HPA/${h.metadata.name} targets missing ${t.kind}/${t.name}`);
  if (h.spec.minReplicas > h.spec.maxReplicas) fail(`${name}: HPA/${h.metadata.name} minReplicas > maxReplicas`);
}
for (const i of byKind("Ingress")) {
  for (const r of i.spec.rules ?? []) for (const p of r.http?.paths ?? []) {
    const svc = byKind("Service").find((s) => s.metadata.name === p.backend.service?.name);
    if (!svc) fail(`${name}: Ingress/${i.metadata.name} points at missing Service ${p.backend.service?.name}`);
    else if (svc.metadata.name !== "gateway") fail(`${name}: Ingress/${i.metadata.name} exposes ${svc.metadata.name}: only the gateway may be public`);
  }
}

const summary = Object.entries(kinds).sort().map(([k, n]) => `${n} ${k}`).join(", ");
console.log(`  ${name}: ${objects.length} objects (${summary})${failed() ? "" : ": schemas and references OK"}`);
process.exit(failed() ? 1 : 0);

// node k8s-check.mjs NAME RENDERED.yaml [SECRETS-TEMPLATE.yaml] [--release]
// Validates every object of a rendered kustomization against its OpenAPI schema (kubernetes-models for the core
// kinds; @kubernetes-models/{prometheus-operator,gateway-api,cert-manager,external-secrets} for the CRDs), then
// what schemas cannot: references, hardening, JVM budgets, lossless rollouts, Eureka/Kafka/Flyway wiring, the
// edge, network policies and, for prod, the release rules (real host, images by digest, ExternalSecrets).
import { readFileSync } from "node:fs";
import { readYamlDocs, fail, failed } from "./lib.mjs";
import { jvmBudget, mib } from "./jvm.mjs";

const args = process.argv.slice(2);
const release = args.includes("--release");
const [name, renderedPath, secretsTemplatePath] = args.filter((a) => !a.startsWith("--"));
const text = readFileSync(renderedPath, "utf8");
const objects = readYamlDocs(text, renderedPath);
const isProd = name === "prod";
const warnings = [];

const PACKAGES = {
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
  "gateway.networking.k8s.io": "@kubernetes-models/gateway-api",
  "cert-manager.io": "@kubernetes-models/cert-manager",
  "external-secrets.io": "@kubernetes-models/external-secrets",
};
function modulePath(apiVersion, kind) {
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  return PACKAGES[group] ? `${PACKAGES[group]}/${apiVersion}/${kind}` : `kubernetes-models/${apiVersion}/${kind}`;
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
    // kustomize wraps long base64 values over several lines
    if (obj.kind === "Secret" && obj.data) for (const k of Object.keys(obj.data)) obj.data[k] = String(obj.data[k]).replace(/\s+/g, "");
    new Model(obj).validate();
  } catch (e) {
    fail(`${name}: ${id}: ${e.message}`);
  }
}

// ---------- references ----------
const byKind = (kind) => objects.filter((o) => o.kind === kind);
const configMaps = new Map(byKind("ConfigMap").map((c) => [c.metadata.name, c]));
const secrets = new Map(byKind("Secret").map((s) => [s.metadata.name, new Set(Object.keys({ ...s.data, ...s.stringData }))]));
const external = new Map();
if (secretsTemplatePath) {
  for (const s of readYamlDocs(readFileSync(secretsTemplatePath, "utf8"), secretsTemplatePath)) {
    if (s.kind === "Secret") external.set(s.metadata.name, new Set(Object.keys({ ...s.data, ...s.stringData })));
  }
}
// Secrets made in the cluster from this render: ExternalSecrets (their keys), cert-manager Certificates (TLS)
const produced = new Map();
for (const es of byKind("ExternalSecret")) {
  const target = es.spec.target?.name ?? es.metadata.name;
  produced.set(target, es.spec.dataFrom?.length ? "*" : new Set((es.spec.data ?? []).map((d) => d.secretKey)));
}
for (const c of byKind("Certificate")) produced.set(c.spec.secretName, new Set(["tls.crt", "tls.key", "ca.crt"]));
const secretKeys = (secretName) => secrets.get(secretName) ?? external.get(secretName);
const referencedSecrets = new Map(); // name -> Set(keys), non-optional references

const workloads = objects.filter((o) => ["Deployment", "StatefulSet", "Job"].includes(o.kind));
const podOf = (w) => w.spec.template;
const envValue = (c, envName) => {
  const e = (c.env ?? []).find((x) => x.name === envName);
  if (!e) return undefined;
  if (e.value !== undefined) return e.value;
  const r = e.valueFrom?.configMapKeyRef;
  return r ? configMaps.get(r.name)?.data?.[r.key] : undefined;
};

for (const w of workloads) {
  const id = `${w.kind}/${w.metadata.name}`;
  const pod = podOf(w).spec;
  const labels = podOf(w).metadata?.labels ?? {};
  for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
    for (const e of c.env ?? []) {
      const cmr = e.valueFrom?.configMapKeyRef;
      if (cmr && !(cmr.key in (configMaps.get(cmr.name)?.data ?? {})) && !cmr.optional) fail(`${name}: ${id}: env ${e.name}: no ConfigMap key ${cmr.name}/${cmr.key}`);
      const skr = e.valueFrom?.secretKeyRef;
      if (skr) {
        const keys = secretKeys(skr.name);
        if (!keys) fail(`${name}: ${id}: env ${e.name}: Secret ${skr.name} is neither rendered nor in k8s/secrets-template`);
        else if (!keys.has(skr.key) && !skr.optional) fail(`${name}: ${id}: env ${e.name}: Secret ${skr.name} has no key ${skr.key}`);
        if (!skr.optional) {
          if (!referencedSecrets.has(skr.name)) referencedSecrets.set(skr.name, new Set());
          referencedSecrets.get(skr.name).add(skr.key);
        }
      }
      // $(VAR) only expands variables defined above it in the same container
      for (const ref of String(e.value ?? "").matchAll(/\$\(([A-Z_][A-Z0-9_]*)\)/g)) {
        const idx = c.env.findIndex((x) => x.name === ref[1]);
        if (idx < 0 || idx > c.env.indexOf(e)) fail(`${name}: ${id}: env ${e.name} uses $(${ref[1]}), which is not defined above it`);
      }
    }
    const mounts = new Set((c.volumeMounts ?? []).map((m) => m.name));
    const volumes = [...(pod.volumes ?? []), ...(w.spec.volumeClaimTemplates ?? []).map((t) => t.metadata)];
    for (const m of mounts) if (!volumes.some((v) => v.name === m)) fail(`${name}: ${id}: volumeMount ${m} has no volume`);
  }
  for (const v of pod.volumes ?? []) {
    if (v.secret && !secretKeys(v.secret.secretName) && !produced.has(v.secret.secretName)) fail(`${name}: ${id}: volume ${v.name}: Secret ${v.secret.secretName} missing`);
    if (v.secret && !v.secret.optional && !referencedSecrets.has(v.secret.secretName)) referencedSecrets.set(v.secret.secretName, new Set());
    if (v.configMap && !configMaps.has(v.configMap.name) && !v.configMap.optional) fail(`${name}: ${id}: volume ${v.name}: ConfigMap ${v.configMap.name} missing`);
  }
  const sel = w.spec.selector?.matchLabels ?? {};
  for (const [k, v] of Object.entries(sel)) if (labels[k] !== v) fail(`${name}: ${id}: selector ${k}=${v} does not match the pod template`);

  // every JVM: a named GC and a budget that fits the limit, memory request = limit
  for (const c of pod.containers) {
    const opts = envValue(c, "JAVA_OPTS");
    if (opts === undefined || !/^shopstack\//.test(c.image.replace(/^.*\/shopstack\//, "shopstack/"))) continue;
    const cid = `${id} container ${c.name}`;
    const limit = mib(c.resources?.limits?.memory);
    const { problems } = jvmBudget(opts, mib(podOf(w).metadata?.annotations?.["shopstack.dev/jvm-native-reserve"]), limit);
    for (const p of problems) fail(`${name}: ${cid}: ${p}`);
    if (mib(c.resources?.requests?.memory) !== limit) fail(`${name}: ${cid}: memory request ${c.resources?.requests?.memory} is not the limit ${c.resources?.limits?.memory}`);
  }

  // hardening and lossless rollouts of the Shopstack applications
  if (labels["app.kubernetes.io/component"] === "application") {
    if (!pod.securityContext?.runAsNonRoot) fail(`${name}: ${id}: runAsNonRoot missing`);
    if (!pod.serviceAccountName || pod.automountServiceAccountToken !== false) fail(`${name}: ${id}: needs its own ServiceAccount without a mounted token`);
    if (!(w.spec.minReadySeconds >= 10)) fail(`${name}: ${id}: minReadySeconds < 10 (Eureka clients need the new pod before the old one goes)`);
    const c0 = pod.containers[0];
    const preStop = c0.lifecycle?.preStop?.sleep?.seconds ?? 0;
    // preStop + drain (shop.shutdown.drain, 15 s) + two graceful shutdown phases of 20 s
    const needed = preStop + 15 + 40;
    if (!(pod.terminationGracePeriodSeconds > needed)) fail(`${name}: ${id}: terminationGracePeriodSeconds ${pod.terminationGracePeriodSeconds} <= ${needed} (preStop + drain + shutdown phases)`);
    for (const c of pod.containers) {
      const cid = `${id} container ${c.name}`;
      if (!c.securityContext?.readOnlyRootFilesystem) fail(`${name}: ${cid}: readOnlyRootFilesystem missing`);
      if (c.securityContext?.allowPrivilegeEscalation !== false) fail(`${name}: ${cid}: allowPrivilegeEscalation not false`);
      if (!c.volumeMounts?.some((m) => m.mountPath === "/tmp")) fail(`${name}: ${cid}: no /tmp volume`);
      if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory || !c.resources?.limits?.memory) fail(`${name}: ${cid}: resources incomplete`);
      if (envValue(c, "JAVA_OPTS") === undefined) fail(`${name}: ${cid}: no JAVA_OPTS (GC and memory budget)`);
      for (const p of ["startupProbe", "livenessProbe", "readinessProbe"]) if (!c[p]) fail(`${name}: ${cid}: ${p} missing`);
      if (!c.livenessProbe?.httpGet?.path?.endsWith("/actuator/health/liveness")) fail(`${name}: ${cid}: liveness probe not on /actuator/health/liveness`);
      if (!/(\/actuator\/health\/readiness|\/readyz)$/.test(c.readinessProbe?.httpGet?.path ?? "")) fail(`${name}: ${cid}: readiness probe not on /actuator/health/readiness or /readyz`);
      if (!c.lifecycle?.preStop) fail(`${name}: ${cid}: no preStop hook`);
      if (c.lifecycle?.preStop?.exec) fail(`${name}: ${cid}: preStop runs a shell; use the native sleep action`);
      const ports = new Set((c.ports ?? []).map((p) => p.name));
      if (!ports.has("management")) fail(`${name}: ${cid}: no management port (actuator must not share the API port)`);
      for (const p of ["startupProbe", "livenessProbe"]) if (c[p]?.httpGet?.port !== "management") fail(`${name}: ${cid}: ${p} not on the management port`);
      for (const p of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        const port = c[p]?.httpGet?.port;
        if (typeof port === "string" && !ports.has(port)) fail(`${name}: ${cid}: ${p} uses unknown port ${port}`);
      }
      if (isProd && envValue(c, "LOGGING_STRUCTURED_FORMAT_CONSOLE") !== "ecs") fail(`${name}: ${cid}: prod logs must be JSON (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs)`);
      if (labels["shopstack.dev/eureka-client"] === "true") {
        const url = envValue(c, "EUREKA_URL") ?? "";
        const peers = url.split(",").filter(Boolean);
        if (peers.length < 2) fail(`${name}: ${cid}: EUREKA_URL names ${peers.length} peer(s); every client must know both`);
        if (!peers.every((p) => /^http:\/\/\$\(EUREKA_USERNAME\):\$\(EUREKA_PASSWORD\)@/.test(p))) fail(`${name}: ${cid}: EUREKA_URL without the credentials`);
        if (envValue(c, "EUREKA_CLIENT_HEALTHCHECK_ENABLED") !== "true") fail(`${name}: ${cid}: Eureka health checks off`);
        if (!/^[1-9]s$/.test(envValue(c, "SPRING_CLOUD_LOADBALANCER_CACHE_TTL") ?? "")) fail(`${name}: ${cid}: load-balancer cache TTL not set below 10 s`);
      }
      if (labels["shopstack.dev/kafka-client"] === "true") {
        for (const v of ["KAFKA_BOOTSTRAP_SERVERS", "SPRING_KAFKA_SECURITY_PROTOCOL", "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"]) {
          if (!c.env?.some((e) => e.name === v)) fail(`${name}: ${cid}: Kafka client without ${v}`);
        }
      }
      if (c.env?.some((e) => e.name === "DB_URL")) {
        if (envValue(c, "SPRING_FLYWAY_ENABLED") !== "false") fail(`${name}: ${cid}: migrates at start-up (SPRING_FLYWAY_ENABLED must be false; the Job migrates)`);
        const app = w.metadata.name;
        const job = workloads.find((j) => j.kind === "Job" && j.metadata.labels?.["shopstack.dev/migrates"] === app);
        if (!job) fail(`${name}: ${id}: no migration Job (label shopstack.dev/migrates=${app})`);
        else {
          const jc = podOf(job).spec.containers[0];
          if (jc.image !== c.image) fail(`${name}: Job/${job.metadata.name}: image ${jc.image} is not the Deployment's ${c.image}`);
          if (envValue(jc, "SPRING_FLYWAY_ENABLED") !== "true") fail(`${name}: Job/${job.metadata.name}: SPRING_FLYWAY_ENABLED is not true`);
          if (!/spring\.context\.exit=onRefresh/.test(envValue(jc, "JAVA_OPTS") ?? "") || envValue(jc, "SPRING_MAIN_WEB_APPLICATION_TYPE") !== "none") fail(`${name}: Job/${job.metadata.name}: must exit after the refresh without a web server`);
          const appDb = c.env.find((e) => e.name === "DB_USERNAME")?.valueFrom?.secretKeyRef?.name;
          const jobDb = jc.env?.find((e) => e.name === "DB_USERNAME")?.valueFrom?.secretKeyRef?.name;
          if (!jobDb || jobDb === appDb) fail(`${name}: Job/${job.metadata.name}: must use the DDL user's Secret, not the application's (${appDb})`);
        }
      }
    }
  }
}

// ---------- selection, disruption, autoscaling ----------
const podLabelSets = workloads.filter((w) => w.kind !== "Job").map((w) => podOf(w).metadata?.labels ?? {});
const selects = (sel) => podLabelSets.some((l) => Object.entries(sel).every(([k, v]) => l[k] === v));
const services = byKind("Service");
for (const s of services) {
  if (s.spec.selector && !selects(s.spec.selector)) fail(`${name}: Service/${s.metadata.name} selects no pods`);
}
for (const p of byKind("PodDisruptionBudget")) {
  if (!selects(p.spec.selector.matchLabels ?? {})) fail(`${name}: PodDisruptionBudget/${p.metadata.name} selects no pods`);
  if (p.spec.unhealthyPodEvictionPolicy !== "AlwaysAllow") fail(`${name}: PodDisruptionBudget/${p.metadata.name}: unhealthyPodEvictionPolicy must be AlwaysAllow (a NotReady pod must never block a drain)`);
}
for (const w of workloads.filter((x) => podOf(x).metadata?.labels?.["app.kubernetes.io/component"] === "application")) {
  if (!byKind("PodDisruptionBudget").some((p) => Object.entries(p.spec.selector.matchLabels ?? {}).every(([k, v]) => podOf(w).metadata.labels[k] === v))) fail(`${name}: ${w.kind}/${w.metadata.name} has no PodDisruptionBudget`);
}
for (const h of byKind("HorizontalPodAutoscaler")) {
  const t = h.spec.scaleTargetRef;
  const target = workloads.find((w) => w.kind === t.kind && w.metadata.name === t.name);
  if (!target) fail(`${name}: HPA/${h.metadata.name} targets missing ${t.kind}/${t.name}`);
  else if (target.spec.replicas !== undefined) fail(`${name}: HPA/${h.metadata.name}: ${t.name} also sets replicas (apply would fight the HPA)`);
  if (h.spec.minReplicas > h.spec.maxReplicas) fail(`${name}: HPA/${h.metadata.name} minReplicas > maxReplicas`);
}

// ---------- the edge: only the gateway's API and web are public ----------
const PUBLIC = { gateway: 8080, web: 8088 };
for (const r of byKind("HTTPRoute")) {
  for (const rule of r.spec.rules ?? []) for (const b of rule.backendRefs ?? []) {
    if (PUBLIC[b.name] !== b.port) fail(`${name}: HTTPRoute/${r.metadata.name} exposes ${b.name}:${b.port}: only gateway:8080 and web:8088 may be public`);
  }
}
const main = byKind("HTTPRoute").find((r) => r.metadata.name === "shopstack");
const ingress = byKind("Ingress");
if (main) {
  const backendOf = (path) => main.spec.rules.find((rule) => rule.matches?.some((m) => m.path?.value === path))?.backendRefs?.[0]?.name;
  for (const [path, svc] of [["/api", "gateway"], ["/.well-known", "gateway"], ["/", "web"]]) {
    if (backendOf(path) !== svc) fail(`${name}: HTTPRoute/shopstack: ${path} must go to ${svc}, goes to ${backendOf(path)}`);
  }
} else if (!ingress.length && workloads.length) fail(`${name}: no HTTPRoute shopstack and no (legacy) Ingress: nothing is public`);
for (const g of byKind("Gateway")) {
  for (const l of g.spec.listeners ?? []) for (const ref of l.tls?.certificateRefs ?? []) {
    if (!produced.has(ref.name) && !secretKeys(ref.name)) fail(`${name}: Gateway/${g.metadata.name} listener ${l.name}: TLS Secret ${ref.name} comes from no Certificate`);
  }
}
for (const i of ingress) {
  for (const r of i.spec.rules ?? []) for (const p of r.http?.paths ?? []) {
    const svc = services.find((s) => s.metadata.name === p.backend.service?.name);
    if (!svc) fail(`${name}: Ingress/${i.metadata.name} points at missing Service ${p.backend.service?.name}`);
    else if (!(svc.metadata.name in PUBLIC)) fail(`${name}: Ingress/${i.metadata.name} exposes ${svc.metadata.name}: only the gateway and web may be public`);
  }
}

// ---------- network policies ----------
const policies = byKind("NetworkPolicy");
const denyAll = policies.find((p) => Object.keys(p.spec.podSelector ?? {}).length === 0 && p.spec.policyTypes?.includes("Ingress") && p.spec.policyTypes?.includes("Egress") && !p.spec.ingress && !p.spec.egress);
if (!denyAll && workloads.length) fail(`${name}: no default-deny NetworkPolicy for both ingress and egress`);
const MGMT = new Set(["management", 8090, 8091]);
for (const p of policies) {
  for (const rule of p.spec.ingress ?? []) {
    if (!rule.from?.length) fail(`${name}: NetworkPolicy/${p.metadata.name}: an ingress rule without "from" admits every pod of every namespace`);
    const mgmt = (rule.ports ?? []).some((x) => MGMT.has(x.port));
    const fromMonitoringOnly = (rule.from ?? []).every((f) => f.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === "monitoring" && !f.podSelector);
    if (mgmt && !fromMonitoringOnly) fail(`${name}: NetworkPolicy/${p.metadata.name}: a management port admits more than the monitoring namespace`);
    if (!mgmt && (rule.from ?? []).some((f) => f.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === "monitoring")) fail(`${name}: NetworkPolicy/${p.metadata.name}: monitoring may reach only the management ports`);
  }
}

// ---------- prod: what a release must be ----------
if (isProd) {
  if (/example\.(com|org|net)/.test(text)) fail(`${name}: the render still contains example.com: set the host (shopstack-host) and every other real value`);
  if (byKind("Secret").length) fail(`${name}: renders ${byKind("Secret").length} Secret(s): prod's come from the secret manager (ExternalSecret)`);
  for (const [secretName, keys] of referencedSecrets) {
    const p = produced.get(secretName);
    if (!p) fail(`${name}: Secret ${secretName} is used but no ExternalSecret (or Certificate) produces it`);
    else if (p !== "*") for (const k of keys) if (!p.has(k)) fail(`${name}: ExternalSecret ${secretName} does not produce the key ${k}`);
  }
  for (const w of workloads) {
    for (const c of podOf(w).spec.containers) {
      if (!/shopstack\//.test(c.image)) continue;
      const m = c.image.match(/@sha256:([0-9a-f]{64})$/);
      if (!m) fail(`${name}: ${w.kind}/${w.metadata.name}: image ${c.image} is not pinned by digest`);
      else if (/^0+$/.test(m[1])) (release ? fail : (x) => warnings.push(x))(`${name}: ${w.kind}/${w.metadata.name}: image digest is the unreleased placeholder (deploy/pin-images)`);
    }
    if (/payment-sandbox/.test(w.metadata.name)) fail(`${name}: the payment sandbox must not be deployed in prod`);
  }
  const cfg = [...configMaps.values()].find((c) => c.metadata.name.startsWith("shopstack-config"))?.data ?? {};
  if (Number(cfg.KAFKA_TOPIC_REPLICATION_FACTOR) < 3 || Number(cfg.KAFKA_TOPIC_MIN_INSYNC_REPLICAS) < 2) fail(`${name}: topics need replication 3 and min.insync.replicas 2`);
  // every consumer replica of a group gets a partition
  const consumers = ["order-service", "notification-service"].map((n) => {
    const w = workloads.find((x) => x.metadata.name === n);
    const h = byKind("HorizontalPodAutoscaler").find((x) => x.spec.scaleTargetRef.name === n);
    return [n, h ? h.spec.maxReplicas : w?.spec.replicas ?? 1];
  });
  for (const [n, r] of consumers) if (Number(cfg.KAFKA_TOPIC_PARTITIONS) < r) fail(`${name}: ${n} may run ${r} replicas but topics have ${cfg.KAFKA_TOPIC_PARTITIONS} partitions`);
}

if (warnings.length) console.log(`  warn ${warnings.length} workloads: ${warnings[0].replace(/^.*: image/, "image")} (run with --release to make this fatal)`);
const summary = Object.entries(kinds).sort().map(([k, n]) => `${n} ${k}`).join(", ");
console.log(`  ${name}: ${objects.length} objects (${summary})${failed() ? "" : ": schemas, references and rules OK"}`);
process.exit(failed() ? 1 : 0);

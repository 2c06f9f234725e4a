// The memory budget of a JVM container: heap + metaspace + code cache + direct memory + the pod's declared native
// reserve (threads, GC structures, symbols, CDS, malloc arenas) must fit the memory limit, and the GC must be named
// (below 2 CPUs or 1792 MB HotSpot silently picks SerialGC). Used for Kubernetes pods and compose services.
const UNITS = { k: 1 / 1024, m: 1, g: 1024 };
const QUANTITY = { Ki: 1 / 1024, Mi: 1, Gi: 1024, K: 1000 / 1048576, M: 1e6 / 1048576, G: 1e9 / 1048576 };

/** "768Mi", "1Gi", "768m" (compose) ... -> MiB */
export function mib(q) {
  if (q == null) return NaN;
  const s = String(q).trim();
  const m = s.match(/^(\d+(?:\.\d+)?)(Ki|Mi|Gi|K|M|G|k|m|g|b)?$/);
  if (!m) return NaN;
  const n = Number(m[1]);
  if (!m[2]) return n / 1048576;
  if (m[2] in QUANTITY) return n * QUANTITY[m[2]];
  return m[2] === "b" ? n / 1048576 : n * UNITS[m[2].toLowerCase()];
}

function flag(opts, re) {
  const m = opts.match(re);
  return m ? Number(m[1]) * UNITS[(m[2] || "b").toLowerCase()] || Number(m[1]) / 1048576 : undefined;
}

/** Returns a list of problems (empty = fits) and the budget's parts in MiB. */
export function jvmBudget(javaOpts, reserveMiB, limitMiB) {
  const problems = [];
  const o = ` ${javaOpts ?? ""} `;
  if (!/-XX:\+Use(G1|Serial|Parallel|Z|Shenandoah)GC\b/.test(o)) problems.push("JAVA_OPTS names no garbage collector (-XX:+UseG1GC, ...)");
  const parts = {
    heap: flag(o, /\s-Xmx(\d+)([kmg])?\s/i),
    metaspace: flag(o, /-XX:MaxMetaspaceSize=(\d+)([kmg])?\s/i),
    codeCache: flag(o, /-XX:ReservedCodeCacheSize=(\d+)([kmg])?\s/i),
    direct: flag(o, /-XX:MaxDirectMemorySize=(\d+)([kmg])?\s/i),
    reserve: reserveMiB,
  };
  const names = { heap: "-Xmx", metaspace: "-XX:MaxMetaspaceSize", codeCache: "-XX:ReservedCodeCacheSize", direct: "-XX:MaxDirectMemorySize", reserve: "the native reserve (shopstack.dev/jvm-native-reserve)" };
  for (const [k, v] of Object.entries(parts)) if (v === undefined || Number.isNaN(v)) problems.push(`no ${names[k]}`);
  const total = Object.values(parts).reduce((a, b) => a + (b || 0), 0);
  if (!Number.isFinite(limitMiB)) problems.push("no memory limit");
  else if (!problems.length && total > limitMiB) {
    problems.push(`budget ${Math.round(total)} MiB (heap ${parts.heap} + metaspace ${parts.metaspace} + code cache ${parts.codeCache} + direct ${parts.direct} + reserve ${parts.reserve}) exceeds the limit ${Math.round(limitMiB)} MiB`);
  }
  return { problems, parts, total };
}

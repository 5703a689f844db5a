/** Kubernetes quantity and Go duration parsing/formatting, in the engine's units. */

const DURATION_UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };

/** Go duration ("30s", "1h30m", "720h", "0s") → seconds; "Never" → null; undefined when invalid. */
export function parseDurationSeconds(text: string | number): number | null | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined;
  const s = text.trim();
  if (s === 'Never') return null;
  if (s === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let total = 0;
  let consumed = 0;
  for (const m of s.matchAll(re)) {
    if (m.index !== consumed) return undefined;
    total += Number(m[1]) * DURATION_UNIT_SECONDS[m[2]];
    consumed += m[0].length;
  }
  return consumed === s.length && consumed > 0 ? total : undefined;
}

/** Compact form a person would write: 720h, 30m, 45s, 1h30m. */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
}

/** CPU quantity ("1", "500m", "1.5", 2) → millicores; undefined when invalid. */
export function parseCpuMillis(q: string | number): number | undefined {
  if (typeof q === 'number') return Number.isFinite(q) ? Math.round(q * 1000) : undefined;
  const m = /^(\d+(?:\.\d+)?)(m|k)?$/.exec(q.trim());
  if (!m) return undefined;
  const v = Number(m[1]);
  if (m[2] === 'm') return Math.round(v);
  if (m[2] === 'k') return Math.round(v * 1_000_000);
  return Math.round(v * 1000);
}

const MEMORY_SUFFIX_BYTES: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

/** Memory quantity ("1Gi", "512Mi", "1000G", bytes as a number) → MiB (may be fractional). */
export function parseMemoryMiB(q: string | number): number | undefined {
  if (typeof q === 'number') return Number.isFinite(q) ? q / 1024 ** 2 : undefined;
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(q.trim());
  if (!m) return undefined;
  return (Number(m[1]) * MEMORY_SUFFIX_BYTES[m[2] ?? '']) / 1024 ** 2;
}

/** Canonical quantity text as Kubernetes prints it: 5125m, 5, 1144Mi, 5Gi. */
export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

export function formatMemory(mib: number): string {
  if (mib % 1024 === 0 && mib !== 0) return `${mib / 1024}Gi`;
  if (Number.isInteger(mib)) return `${mib}Mi`;
  return `${Math.round(mib * 1024)}Ki`;
}

import type { TraceSample } from '../../sim/trace/trace';

/**
 * Readers for the `autoscalers` map of a trace sample ("Kind/name" → plain fields). Each
 * autoscaler's trace contributor owns its field names; these read them defensively so a missing
 * or renamed field shows as "–" instead of breaking a panel.
 */
export type TraceEntry = Record<string, unknown>;

export const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

export function record(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

/** `Kind/name` → [kind, name]; a name may itself contain slashes. */
export function splitKey(key: string): [kind: string, name: string] {
  const i = key.indexOf('/');
  return i < 0 ? [key, ''] : [key.slice(0, i), key.slice(i + 1)];
}

/** The sample's entries of one kind, sorted by name. */
export function entriesOfKind(
  sample: TraceSample | undefined,
  kind: string,
): [name: string, entry: TraceEntry][] {
  if (!sample) return [];
  const out: [string, TraceEntry][] = [];
  for (const [key, entry] of Object.entries(sample.autoscalers)) {
    const [k, name] = splitKey(key);
    if (k === kind) out.push([name, entry]);
  }
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

/** Names of one kind seen anywhere in the history (objects come and go). */
export function namesOverHistory(history: readonly TraceSample[], kind: string): string[] {
  const seen = new Set<string>();
  const prefix = `${kind}/`;
  for (const s of history)
    for (const key of Object.keys(s.autoscalers))
      if (key.startsWith(prefix)) seen.add(key.slice(prefix.length));
  return [...seen].sort();
}

/** One numeric field of `Kind/name` at every sample (null where absent). */
export function fieldOverHistory(
  history: readonly TraceSample[],
  kind: string,
  name: string,
  read: (e: TraceEntry) => number | undefined,
): (number | null)[] {
  const key = `${kind}/${name}`;
  return history.map((s) => {
    const e = s.autoscalers[key];
    const v = e ? read(e) : undefined;
    return v === undefined ? null : v;
  });
}

/** `{cpuMillis, memoryMiB}` as the VPA's trace writes its target and bounds. */
export function amounts(v: unknown): { cpuMillis?: number; memoryMiB?: number } | undefined {
  const r = record(v);
  return r ? { cpuMillis: num(r.cpuMillis), memoryMiB: num(r.memoryMiB) } : undefined;
}

import { settleCpu } from '../cluster/cpuLedgerPending';
import type { World } from './types';

/**
 * A deep copy of the world's plain data for checkpoints, several times faster than structuredClone
 * on worlds of many small objects (structuredClone serialises and deserialises; this copies
 * directly). It handles what the world holds: plain objects, arrays, Maps and Sets of them.
 * Objects reached twice stay one object (aliasing is kept, as structuredClone keeps it).
 *
 * Frozen objects are shared, not copied: they cannot change, so checkpoints may hold the same one
 * (structural sharing). The KRR history's frames are frozen once written, so a day of history is
 * held once however many checkpoints there are, and memory stays flat.
 */
export function cloneData<T>(value: T): T {
  // A world's copy (cloneWorld) must hold every CPU addition made so far, owed ones too (a WeakMap
  // lookup: anything else owes nothing).
  if (typeof value === 'object' && value !== null) settleCpu(value as unknown as World);
  return cloneDataSharing(value, new Map());
}

/**
 * cloneData for several values that may share objects: pass the same `seen` map to each call and
 * an object reached from two of them is copied once (checkpoint.ts packs pods apart from the rest
 * of the world, whose ReplicaSets hold the very templates the pods point at).
 */
export function cloneDataSharing<T>(value: T, seen: Map<object, unknown>): T {
  return copy(value, seen) as T;
}

function copy(v: unknown, seen: Map<object, unknown>): unknown {
  if (typeof v !== 'object' || v === null) return v;
  const done = seen.get(v);
  if (done !== undefined) return done;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    seen.set(v, out);
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      out[i] = typeof x === 'object' && x !== null ? copy(x, seen) : x;
    }
    return out;
  }
  if (v instanceof Map) {
    const out = new Map();
    seen.set(v, out);
    for (const [k, x] of v) out.set(copy(k, seen), typeof x === 'object' && x !== null ? copy(x, seen) : x);
    return out;
  }
  if (v instanceof Set) {
    const out = new Set();
    seen.set(v, out);
    for (const x of v) out.add(copy(x, seen));
    return out;
  }
  if (Object.isFrozen(v)) return v;
  if (ArrayBuffer.isView(v)) return (v as unknown as { slice(): unknown }).slice();
  const out: Record<string, unknown> = {};
  seen.set(v, out);
  for (const k in v as Record<string, unknown>) {
    const x = (v as Record<string, unknown>)[k];
    out[k] = typeof x === 'object' && x !== null ? copy(x, seen) : x;
  }
  return out;
}

import type { FidelityAdapter, FidelityVector } from './types';

export type FidelityOutcome =
  | { status: 'PASS'; id: string }
  | { status: 'FAIL'; id: string; detail: string }
  | { status: 'SKIP'; id: string; detail: string };

/** Keys in `expected` that are commentary, not answers. */
const COMMENTARY_KEYS = new Set(['note', 'approx']);

function numbersMatch(expected: number, got: number, relTolerance: number): boolean {
  if (Number.isInteger(expected) && relTolerance === 0) return got === expected;
  const scale = Math.max(1, Math.abs(expected));
  return Math.abs(got - expected) <= Math.max(relTolerance, 1e-6) * scale;
}

export function valuesMatch(expected: unknown, got: unknown, relTolerance = 0): boolean {
  if (typeof expected === 'number') {
    return typeof got === 'number' && numbersMatch(expected, got, relTolerance);
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(got) &&
      got.length === expected.length &&
      expected.every((e, i) => valuesMatch(e, got[i], relTolerance))
    );
  }
  if (expected !== null && typeof expected === 'object') {
    if (got === null || typeof got !== 'object' || Array.isArray(got)) return false;
    const g = got as Record<string, unknown>;
    return Object.entries(expected as Record<string, unknown>).every(([k, v]) =>
      valuesMatch(v, g[k], relTolerance),
    );
  }
  return expected === got;
}

function approxTolerances(expected: Record<string, unknown>): Map<string, { value: number; rel: number }> {
  const out = new Map<string, { value: number; rel: number }>();
  const approx = expected.approx as Record<string, unknown> | undefined;
  if (!approx || typeof approx !== 'object') return out;
  const rel = typeof approx.relTolerance === 'number' ? approx.relTolerance : 0.05;
  for (const [k, v] of Object.entries(approx)) {
    if (k !== 'relTolerance' && typeof v === 'number') out.set(k, { value: v, rel });
  }
  return out;
}

export function runVector(vector: FidelityVector, adapters: Map<string, FidelityAdapter>): FidelityOutcome {
  const adapter = adapters.get(vector.component);
  if (!adapter) {
    return { status: 'SKIP', id: vector.id, detail: `${vector.component} not implemented yet` };
  }
  const handler = adapter.shapes[vector.shape];
  if (!handler) {
    return { status: 'FAIL', id: vector.id, detail: `unknown shape "${vector.shape}"` };
  }
  let got: Record<string, unknown>;
  try {
    got = handler(vector.input);
  } catch (err) {
    return { status: 'FAIL', id: vector.id, detail: `threw ${(err as Error).message}` };
  }
  const approx = approxTolerances(vector.expected);
  const mismatches: string[] = [];
  for (const [key, want] of Object.entries(vector.expected)) {
    if (COMMENTARY_KEYS.has(key)) continue;
    const have = got[key];
    if (valuesMatch(want, have)) continue;
    const loose = approx.get(key);
    if (loose && typeof have === 'number' && valuesMatch(loose.value, have, loose.rel)) continue;
    mismatches.push(`${key}: expected ${JSON.stringify(want)} got ${JSON.stringify(have)}`);
  }
  return mismatches.length === 0
    ? { status: 'PASS', id: vector.id }
    : { status: 'FAIL', id: vector.id, detail: mismatches.join('; ') };
}

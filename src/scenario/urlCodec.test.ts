import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimedCommand } from '../sim/core/commands';
import { decodeShareHash, encodeShareHash } from './urlCodec';
import { VALID } from './testFixtures';

const timeline: TimedCommand[] = [
  { atMs: 60_000, input: 'kubectl scale deployment a b --replicas=3', command: { type: 'scale', kind: 'deployment', name: 'a', namespace: 'default', replicas: 3 } },
  { atMs: 60_000, input: 'kubectl scale deployment a b --replicas=3', command: { type: 'scale', kind: 'deployment', name: 'b', namespace: 'default', replicas: 3 } },
  { atMs: 90_000, input: 'kubectl apply -f -', command: { type: 'apply', manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { k: 'v' } }] } },
  { atMs: 120_000, input: 'kubectl cordon ip-1', command: { type: 'cordon', node: 'ip-1' } },
];

describe('share URL', () => {
  it('round-trips scenario, seed and command log', () => {
    const hash = encodeShareHash({ scenario: VALID, seed: 42, commands: timeline });
    expect(hash).toMatch(/^#s=[A-Za-z0-9+\-$]+$/);
    const r = decodeShareHash(`https://example.test/playground/${hash}`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.scenario).toBe(VALID);
    expect(r.state.seed).toBe(42);
    expect(r.state.commands.map((c) => c.input)).toEqual(['kubectl scale deployment a b --replicas=3', 'kubectl apply -f -', 'kubectl cordon ip-1']);
    expect(r.timeline).toEqual(timeline);
  });
  it('accepts the bare hash and other hash parameters', () => {
    const hash = encodeShareHash({ scenario: 'x', seed: 1, commands: [] });
    expect(decodeShareHash(hash).ok).toBe(true);
    expect(decodeShareHash(`#lang=ko&${hash.slice(1)}`).ok).toBe(true);
  });
  it('reports a corrupted or cut hash without throwing', () => {
    const hash = encodeShareHash({ scenario: VALID, seed: 1, commands: timeline });
    for (const bad of ['', '#', '#s=', '#s=!!!!', hash.slice(0, hash.length / 2), `${hash.slice(0, 10)}Z${hash.slice(11)}`, '#s=N4Ig']) {
      const r = decodeShareHash(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
    }
  });
  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => {
      expect(typeof decodeShareHash(`#s=${s}`).ok).toBe('boolean');
    }), { numRuns: 1000 });
  });
});

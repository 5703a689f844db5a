import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cloneWorld } from '../core/world';
import { runUntil } from '../core/step';
import { exampleFiles, exampleWorld, HASHES_FILE, runHash, traceHash } from './exampleHashes';

// Recorded from main before the performance work (npm run hashes -- --write). If a change is meant
// to alter decisions (a fidelity fix), regenerate from main and say so in the commit.
const expected = JSON.parse(readFileSync(HASHES_FILE, 'utf8')) as Record<string, string>;

describe('example traces are unchanged by optimisations', () => {
  it('covers every example', () => {
    expect(Object.keys(expected).sort()).toEqual(exampleFiles());
  });
  for (const f of exampleFiles()) {
    it(f, () => {
      expect(traceHash(f)).toBe(expected[f]);
    });
  }
});

describe('a checkpoint copy continues exactly as the world it was taken from', () => {
  // Checkpoints are copied by cloneData (shared frozen KRR frames, kept aliasing), not structuredClone.
  for (const f of ['vpa-hamster.yaml', 'ca-nginx-scaleout.yaml', 'keda-karpenter-cron.yaml']) {
    it(f, () => {
      const { world, durationMs } = exampleWorld(f);
      runUntil(world, durationMs / 2);
      const copy = cloneWorld(world);
      expect(runHash(copy, durationMs)).toBe(runHash(world, durationMs));
    });
  }
});

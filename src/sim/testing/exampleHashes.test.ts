import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleFiles, HASHES_FILE, traceHash } from './exampleHashes';

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

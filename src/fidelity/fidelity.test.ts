import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runVector } from './compare';
import { fidelityAdapters } from './registry';
import type { FidelityVector } from './types';

const vectors = JSON.parse(readFileSync('fidelity/vectors.json', 'utf8')) as FidelityVector[];

describe('fidelity vectors', () => {
  it('every vector passes through the project logic', () => {
    const failures = vectors.map((v) => runVector(v, fidelityAdapters)).filter((o) => o.status !== 'PASS');
    expect(failures).toEqual([]);
  });

  it('a shape nobody answers is a FAIL once its component exists, and a missing component is a SKIP', () => {
    const v: FidelityVector = { id: 'x', component: 'HPA', shape: 'HPA:never,seen', input: {}, expected: { a: 1 } };
    expect(runVector(v, fidelityAdapters)).toMatchObject({ status: 'FAIL' });
    expect(runVector({ ...v, component: 'Nope' }, fidelityAdapters)).toMatchObject({ status: 'SKIP', detail: 'Nope not implemented yet' });
  });

  it('a wrong answer is reported with expected and got', () => {
    const v = vectors.find((x) => x.component === 'Scheduler')!;
    const wrong = { ...v, expected: { ...v.expected, fits: !v.expected.fits } };
    const outcome = runVector(wrong, fidelityAdapters);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.status === 'FAIL' && outcome.detail).toMatch(/fits: expected .* got /);
  });
});

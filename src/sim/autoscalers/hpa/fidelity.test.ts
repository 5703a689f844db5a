import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runVector } from '../../../fidelity/compare';
import type { FidelityVector } from '../../../fidelity/types';
import { hpaFidelity } from './fidelity';

const vectors = (JSON.parse(readFileSync('fidelity/vectors.json', 'utf8')) as FidelityVector[]).filter((v) => v.component === 'HPA');
const adapters = new Map([[hpaFidelity.component, hpaFidelity]]);

describe('HPA fidelity vectors', () => {
  it('has every vector shape covered', () => {
    expect(vectors.length).toBeGreaterThan(0);
    for (const v of vectors) expect(Object.keys(hpaFidelity.shapes)).toContain(v.shape);
  });

  it.each(vectors.map((v) => [v.id, v] as const))('%s', (_id, vector) => {
    expect(runVector(vector, adapters)).toEqual({ status: 'PASS', id: vector.id });
  });
});

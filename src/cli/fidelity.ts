import { readFileSync } from 'node:fs';
import { runVector } from '../fidelity/compare';
import { fidelityAdapters } from '../fidelity/registry';
import type { FidelityVector } from '../fidelity/types';

const file = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? 'fidelity/vectors.json';
let vectors: FidelityVector[];
try {
  vectors = JSON.parse(readFileSync(file, 'utf8')) as FidelityVector[];
  if (!Array.isArray(vectors)) throw new Error('expected a JSON array of vectors');
} catch (err) {
  console.error(`${file}: ${(err as Error).message}`);
  process.exit(2);
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const vector of vectors) {
  const outcome = runVector(vector, fidelityAdapters);
  if (outcome.status === 'PASS') {
    passed++;
    console.log(`PASS ${outcome.id}`);
  } else if (outcome.status === 'FAIL') {
    failed++;
    console.log(`FAIL ${outcome.id}: ${outcome.detail}`);
  } else {
    skipped++;
    console.log(`SKIP ${outcome.id}: ${outcome.detail}`);
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);

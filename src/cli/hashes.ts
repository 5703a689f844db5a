/**
 * npm run hashes [-- --write]: prints (or records into src/sim/testing/exampleHashes.json) the trace
 * hash of every example. Record them from main before a change meant to keep every decision.
 */
import { writeFileSync } from 'node:fs';
import { exampleFiles, HASHES_FILE, traceHash } from '../sim/testing/exampleHashes';

const hashes: Record<string, string> = {};
for (const f of exampleFiles()) {
  hashes[f] = traceHash(f);
  console.log(`${hashes[f]}  ${f}`);
}
if (process.argv.includes('--write')) {
  writeFileSync(HASHES_FILE, `${JSON.stringify(hashes, null, 2)}\n`);
  console.log(`wrote ${HASHES_FILE}`);
}

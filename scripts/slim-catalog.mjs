// The app ships only the catalog fields the engine reads; the full copy of the shared data stays in
// the repository for provenance and for the tests that check allocatable against Karpenter's docs.
// Run: node scripts/slim-catalog.mjs   (src/sim/cloud/catalog.test.ts fails if the two drift apart)
import { readFileSync, writeFileSync } from 'node:fs';

export const KEPT_FIELDS = ['name', 'family', 'category', 'generation', 'size', 'arch', 'vcpu', 'memoryMiB', 'maxPods', 'gpus', 'onDemandUsdPerHour'];

export function slimCatalog(full) {
  return {
    regions: full.regions,
    types: full.types.map((t) => Object.fromEntries(KEPT_FIELDS.filter((k) => k in t).map((k) => [k, t[k]]))),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const full = JSON.parse(readFileSync('src/sim/cloud/aws-instance-types.json', 'utf8'));
  writeFileSync('src/sim/cloud/aws-instance-types.slim.json', `${JSON.stringify(slimCatalog(full))}\n`);
}

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', ...args], { encoding: 'utf8' });
const F = 'src/scenario/import/fixtures';

describe('npm run import', () => {
  it('writes a loadable scenario, prints the report and the time taken', () => {
    const out = join(dir, 'cluster.yaml');
    const r = run([`${F}/cluster.yaml`, '--extras', `${F}/cluster-extras.yaml`, '--top', `${F}/top-pods.txt`, '--out', out]);
    expect(r.stderr).toMatch(/imported 379 objects in \d+ ms \(\d+ ms CPU\)/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^imported 13 nodes into 3 node groups, 60 workloads, 32 autoscalers/m);
    expect(r.stdout).toMatch(/^ {2}PodDisruptionBudget data\/kafka: policy\/v1 PodDisruptionBudget is not simulated$/m);
    expect(r.stdout).toMatch(/^ {2}1 Secret \(never imported\)$/m);
    expect(readFileSync(out, 'utf8')).toMatch(/^kind: Scenario$/m);
  });

  it('exits 2 with the document, the line and column where it stops, and the reason on a truncated List', () => {
    const r = run([`${F}/broken-truncated.yaml`, '--out', join(dir, 'never.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken-truncated\.yaml: document 1, line 10905, column 11: a list of \d+ items without `kind: List` after them/);
  });
});

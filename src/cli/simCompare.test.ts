import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'sim-compare-'));

function sim(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Figure {
  id: string;
  value: number | null;
  atSeconds: number | null;
}
interface Comparison {
  sloMs: number;
  a: { scenario: string; seed: number; durationSeconds: number; figures: Figure[] };
  b: { scenario: string; seed: number; durationSeconds: number; figures: Figure[] };
  figures: { id: string; a: Figure; b: Figure; difference: number | null; winner: string | null }[];
}

describe('npm run sim -- --compare / --scorecard', () => {
  it('runs A and B with A\'s seed and duration, writes both traces, scorecard.json and .csv, and prints the table', () => {
    const out = join(dir, 'cmp');
    // nginx-to-scaleout has no autoscaler: its 6 pending pods stay pending; the CA example adds 2 nodes.
    const r = sim(['--scenario', 'examples/nginx-to-scaleout.yaml', '--compare', 'examples/ca-nginx-scaleout.yaml', '--duration', '4m', '--seed', '3', '--slo', '250ms', '--out', out]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    for (const f of ['a.trace.json', 'b.trace.json', 'scorecard.json', 'scorecard.csv']) expect(existsSync(join(out, f))).toBe(true);
    const a = JSON.parse(readFileSync(join(out, 'a.trace.json'), 'utf8')) as { seed: number; durationSeconds: number };
    const b = JSON.parse(readFileSync(join(out, 'b.trace.json'), 'utf8')) as { seed: number; durationSeconds: number };
    expect([a.seed, a.durationSeconds, b.seed, b.durationSeconds]).toEqual([3, 240, 3, 240]);
    const c = JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8')) as Comparison;
    expect(c.sloMs).toBe(250);
    expect([c.a.scenario, c.b.scenario]).toEqual(['nginx-to-scaleout', 'ca-nginx-scaleout']);
    const launched = c.figures.find((f) => f.id === 'nodesLaunched')!;
    expect([launched.a.value, launched.b.value, launched.difference]).toEqual([0, 2, 2]);
    const ttc = c.figures.find((f) => f.id === 'timeToCapacity')!;
    expect(ttc.a.value).toBeGreaterThan(ttc.b.value!); // A never gets there within 4m
    const pending = c.figures.find((f) => f.id === 'pendingPodSeconds')!;
    expect(pending.winner).toBe('b');
    expect(r.stdout).toMatch(/^figure\s+A nginx-to-scaleout\s+B ca-nginx-scaleout\s+B - A\s+better$/m);
    expect(r.stdout).toMatch(/^nodes launched\s+0\s+2 @1:15\s+\+2\s*$/m);
    expect(r.stdout).toMatch(/p95 <= 250ms/);
    expect(readFileSync(join(out, 'scorecard.csv'), 'utf8').split('\n')[0]).toBe('figure,unit,a,a_at_seconds,a_note,b,b_at_seconds,b_note,b_minus_a,better');
  });

  it('prints one run\'s scorecard without --out, and still writes the trace when --out is given', () => {
    const r = sim(['--scenario', 'examples/ca-nginx-scaleout.yaml', '--scorecard', '--duration', '5m']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^pending pod-seconds\s+405 pod-s @1:00$/m);
    expect(r.stdout).toMatch(/^demand step to enough capacity\s+90s @1:00$/m);
    const out = join(dir, 'one.json');
    expect(sim(['--scenario', 'examples/ca-nginx-scaleout.yaml', '--scorecard', '--duration', '2m', '--out', out]).code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('--preset karpenter compares A with the preset applied to A and writes B\'s scenario', () => {
    const out = join(dir, 'preset');
    const r = sim(['--scenario', 'examples/ca-nginx-scaleout.yaml', '--preset', 'karpenter', '--duration', '8m', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/preset karpenter: node group ng1 stays at 3 nodes; NodePool ng1/);
    expect(readFileSync(join(out, 'b.scenario.yaml'), 'utf8')).toMatch(/^kind: NodePool$/m);
    expect(r.stdout).toMatch(/B ca-nginx-scaleout-karpenter/);
    expect(sim(['--scenario', 'examples/karpenter-inflate.yaml', '--preset', 'karpenter', '--out', out]).stderr).toMatch(/does not fit .*no cluster-autoscaler Deployment/);
  });

  it('exits 2 on a bad --slo, a missing --out with --compare, or an invalid B with B\'s location', () => {
    expect(sim(['--scenario', 'examples/ca-nginx-scaleout.yaml', '--scorecard', '--slo', 'fast']).stderr).toMatch(/--slo: invalid duration/);
    expect(sim(['--scenario', 'examples/ca-nginx-scaleout.yaml', '--compare', 'examples/ca-nginx-scaleout.yaml']).code).toBe(2);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'apiVersion: playground/v1alpha1\nkind: Scenario\nspec:\n  sed: 3\n');
    const r = sim(['--scenario', 'examples/ca-nginx-scaleout.yaml', '--compare', bad, '--duration', '1m', '--out', join(dir, 'never')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:4:3: spec\.sed: unknown field "sed"/);
    expect(sim(['--scenario', 'examples/ca-nginx-scaleout.yaml', '--compare', join(dir, 'nope.yaml'), '--out', dir]).stderr).toMatch(/nope\.yaml:1:1: cannot read file: ENOENT/);
  });
});

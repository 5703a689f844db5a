import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));

function sim(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Trace {
  version: number;
  scenario: string;
  seed: number;
  durationSeconds: number;
  sampleSeconds: number;
  samples: { t: number; pods: { pending: number }; nodes: { total: number }; nodeDetails?: { allocatable: { cpuMillis: number; memoryMiB: number; pods: number }; requested: { cpuMillis: number; memoryMiB: number; pods: number } }[] }[];
  events: { t: number; reason: string; type: string; message: string }[];
}

describe('npm run sim', () => {
  it('writes a version 1 trace for nginx-to-scaleout with pending pods and the scheduler message', () => {
    const out = join(dir, 'nginx.json');
    const r = sim(['--scenario', 'examples/nginx-to-scaleout.yaml', '--out', out, '--nodes', '--duration', '5m']);
    expect(r.code).toBe(0);
    const trace = JSON.parse(readFileSync(out, 'utf8')) as Trace;
    expect(trace).toMatchObject({ version: 1, scenario: 'nginx-to-scaleout', seed: 1, durationSeconds: 300, sampleSeconds: 15 });
    expect(trace.samples.length).toBe(21);
    expect(trace.samples.map((s) => s.t).slice(0, 3)).toEqual([0, 15, 30]);
    expect(trace.samples.at(-1)!.pods.pending).toBe(6);
    const failed = trace.events.find((e) => e.reason === 'FailedScheduling')!;
    expect(failed).toMatchObject({ type: 'Warning', message: '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.' });
    for (const s of trace.samples) {
      for (const n of s.nodeDetails!) {
        expect(n.requested.cpuMillis).toBeLessThanOrEqual(n.allocatable.cpuMillis);
        expect(n.requested.memoryMiB).toBeLessThanOrEqual(n.allocatable.memoryMiB);
        expect(n.requested.pods).toBeLessThanOrEqual(n.allocatable.pods);
      }
    }
  });

  it('is byte-identical for the same seed; another seed changes timing, not the outcome', () => {
    const run = (seed: string, name: string) => {
      const out = join(dir, name);
      expect(sim(['--scenario', 'examples/nginx-to-scaleout.yaml', '--out', out, '--seed', seed, '--duration', '4m']).code).toBe(0);
      return readFileSync(out, 'utf8');
    };
    const a = run('7', 'a.json');
    expect(run('7', 'b.json')).toBe(a);
    const c = run('8', 'c.json');
    expect(c).not.toBe(a);
    const last = (t: string) => (JSON.parse(t) as Trace).samples.at(-1)!.pods;
    expect(last(c)).toEqual(last(a));
  });

  it('exits 2 with FILE:LINE:COL on a malformed scenario', () => {
    const cases: [string, string, RegExp][] = [
      ['yaml.yaml', 'a: [1, 2\nb: {', /yaml\.yaml:\d+:\d+: YAML: /],
      [
        'typo.yaml',
        'apiVersion: playground/v1alpha1\nkind: Scenario\nmetadata: {name: t}\nspec:\n  sed: 3\n',
        /typo\.yaml:5:3: spec\.sed: unknown field "sed"/,
      ],
      [
        'type.yaml',
        'apiVersion: playground/v1alpha1\nkind: Scenario\nmetadata: {name: t}\nspec:\n  seed: "one"\n',
        /type\.yaml:5:9: spec\.seed: /,
      ],
      [
        'minmax.yaml',
        'apiVersion: playground/v1alpha1\nkind: Scenario\nmetadata: {name: t}\nspec:\n  nodeGroups:\n    - {name: ng1, instanceType: t3.medium, minSize: 5, maxSize: 3}\n',
        /minmax\.yaml:6:\d+: spec\.nodeGroups\[0\]\.maxSize: .*minSize/,
      ],
    ];
    for (const [name, text, pattern] of cases) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const r = sim(['--scenario', file, '--out', join(dir, 'never.json')]);
      expect({ name, code: r.code }).toEqual({ name, code: 2 });
      expect(r.stderr).toMatch(pattern);
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeRunHash, encodeRunHash } from './shareLink';
import { loadScenario } from '../../scenario/loadScenario';
import { encodeShareHash } from '../../scenario/urlCodec';
import { validateCommand } from '../../scenario/commandSchema';
import { parseCommandLine } from '../../scenario/commandLine';
import { advance, createSession } from '../../sim/session';
import { applyCommand } from '../../sim/commands/apply';
import type { Command, TimedCommand } from '../../sim/core/commands';

/** Issue #12 item 1: every command from a link passes the console's schema; a bad one is left out with a reason. */
const text = readFileSync(join(import.meta.dirname, '../../../examples/hpa-php-apache.yaml'), 'utf8');
const setLoad: TimedCommand = { atMs: 60_001, input: 'playground load php-apache --clients=5', command: { type: 'setLoad', target: 'php-apache', clients: 5 } };

function linkWith(extra: unknown[]): string {
  const hash = encodeRunHash({ scenario: text, seed: 1, log: [setLoad], timeMs: 120_000 });
  const base = hash.replace(/&x=.*$/, '');
  return `${base}&x=${LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, c: [setLoad, ...extra] }))}`;
}

const bad: [string, unknown, RegExp][] = [
  ['flipped type', { type: 'semsLoad', target: 'php-apache', clients: 5 }, /command "semsLoad": type: unknown command type \(did you mean "setLoad"\?\)/],
  ['ec2 ids not an array', { type: 'terminateInstances', instanceIds: 'i-0123456789abcdef0' }, /command "terminateInstances": instanceIds: must be array/],
  ['missing kind', { type: 'delete', name: 'php-apache', namespace: 'default' }, /command "delete": kind: must be string \(missing\)/],
  ['null limits', { type: 'setResources', kind: 'deployment', name: 'php-apache', namespace: 'default', container: '*', requests: {}, limits: null }, /command "setResources": limits: must be object \(got null\)/],
  ['args not iterable', { type: 'view', line: 'kubectl get pods', args: 5 }, /command "view": args: must be array/],
  ['null manifests', { type: 'apply', manifests: null }, /command "apply": manifests: must be array \(got null\)/],
  ['targetCpu 0', { type: 'setHpaBounds', name: 'php-apache', namespace: 'default', targetCpu: 0 }, /command "setHpaBounds": targetCpu: must be greater than 0 \(got 0\)/],
  ['desiredCapacity 1e9', { type: 'updateAsg', name: 'ng1', desiredCapacity: 1e9 }, /command "updateAsg": desiredCapacity: is more than the playground simulates \(5,000 nodes\)/],
  ['replicas beyond capacity', { type: 'scale', kind: 'deployment', name: 'php-apache', namespace: 'default', replicas: 1_000_000 }, /replicas: is more than the playground simulates/],
];

describe('share-link commands are validated (issue #12 item 1)', () => {
  for (const [label, command, message] of bad) {
    it(`leaves out ${label}, names command and field, keeps the rest`, () => {
      const r = decodeRunHash(linkWith([{ atMs: 90_000, input: 'x', command }]));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.rejected).toHaveLength(1);
      expect(r.rejected[0]).toMatch(/^x= command 2 at 90000 ms: /);
      expect(r.rejected[0]).toMatch(message);
      expect(r.run.log.map((c) => c.command)).toEqual([setLoad.command]);
      expect(r.run.timeMs).toBe(120_000);
    });
  }

  it('a flipped bit in a real link ("setLoad" → "semsLoad") still opens and plays', () => {
    const hash = encodeRunHash({ scenario: text, seed: 1, log: [setLoad], timeMs: 120_000 });
    const x = hash.slice(hash.indexOf('&x=') + 3);
    const flipped = JSON.parse(LZString.decompressFromEncodedURIComponent(x)) as { v: number; c: TimedCommand[] };
    (flipped.c[0].command as { type: string }).type = 'semsLoad';
    const r = decodeRunHash(`${hash.slice(0, hash.indexOf('&x='))}&x=${LZString.compressToEncodedURIComponent(JSON.stringify(flipped))}`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rejected[0]).toContain('command "semsLoad"');
    const loaded = loadScenario(r.run.scenario, 'link.yaml');
    if (!loaded.ok) throw new Error('example does not load');
    const session = createSession(loaded.spec, loaded.manifests.map((m) => m.doc), r.run.log);
    advance(session, 120_000);
    expect(session.world.timeMs).toBe(120_000);
  });

  it('a text command that no longer parses is left out, not the whole link', () => {
    const hash = `${encodeShareHash({
      scenario: text,
      seed: 1,
      commands: [
        { atMs: 1000, input: 'kubectl scale deployment php-apache --replicas=2' },
        { atMs: 2000, input: 'kubectl scael deployment php-apache --replicas=3' },
      ],
    })}&t=5000`;
    const r = decodeRunHash(hash);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.run.log.map((c) => c.atMs)).toEqual([1000]);
    expect(r.rejected[0]).toMatch(/^s= command 2 at 2000 ms \(kubectl scael/);
  });

  it('a link time beyond the horizon is refused by name', () => {
    const hash = encodeRunHash({ scenario: text, seed: 1, log: [], timeMs: 0 }).replace('&t=0', '&t=999999999999');
    const r = decodeRunHash(hash);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/t=999999999999.*horizon/);
  });
});

describe('the console uses the same schema', () => {
  it('every command the console parses validates', () => {
    for (const line of ['kubectl scale deployment a b --replicas=4', `kubectl patch hpa php-apache -p '{"spec":{"maxReplicas":8}}'`, 'aws autoscaling set-desired-capacity --auto-scaling-group-name ng1 --desired-capacity 4']) {
      const r = parseCommandLine(line);
      expect(r.ok, line).toBe(true);
      if (r.ok) for (const c of r.commands) expect(validateCommand(c).ok).toBe(true);
    }
  });
  it('refuses targetCpu 0 from a JSON patch as from a link', () => {
    const r = parseCommandLine(`kubectl patch hpa php-apache --type=json -p '[{"op":"replace","path":"/spec/metrics/0/resource/target/averageUtilization","value":0}]'`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/averageUtilization=0 must be greater than 0/);
  });
});

describe('applyCommand never throws on an unknown command', () => {
  it('returns an error for an unknown type', () => {
    const loaded = loadScenario(text, 'x.yaml');
    if (!loaded.ok) throw new Error('example does not load');
    const session = createSession(loaded.spec, loaded.manifests.map((m) => m.doc));
    const r = applyCommand(session.world, { type: 'semsLoad' } as unknown as Command);
    expect(r).toEqual({ ok: false, output: 'error: unknown command type "semsLoad"' });
  });
});

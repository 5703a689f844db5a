import { describe, expect, it } from 'vitest';
import { decodeRunHash, encodeRunHash, hasRunHash } from './shareLink';
import LZString from 'lz-string';
import type { TimedCommand } from '../../sim/core/commands';

const scenario = 'apiVersion: playground/v1alpha1\nkind: Scenario\nmetadata: {name: x}\nspec: {}\n';
const log: TimedCommand[] = [
  { atMs: 1001, input: 'kubectl scale --replicas=15 deployment/nginx', command: { type: 'scale', kind: 'deployment', name: 'nginx', namespace: 'default', replicas: 15 } },
  { atMs: 2001, input: 'playground load php-apache --clients=5', command: { type: 'setLoad', target: 'php-apache', clients: 5 } },
];

describe('share link', () => {
  it('round-trips scenario, seed, time and both kinds of command', () => {
    const hash = encodeRunHash({ scenario, seed: 7, log, timeMs: 123_000 });
    expect(hasRunHash(hash)).toBe(true);
    expect(hash).toContain('&t=123000');
    expect(hash).toContain('&x=');
    const r = decodeRunHash(hash);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.run.scenario).toBe(scenario);
    expect(r.run.seed).toBe(7);
    expect(r.run.timeMs).toBe(123_000);
    expect(r.run.log.map((c) => c.command.type)).toEqual(['scale', 'setLoad']);
    expect(r.run.log[1].command).toEqual({ type: 'setLoad', target: 'php-apache', clients: 5 });
  });
  it('keeps command-line commands as text only (no x= part)', () => {
    expect(encodeRunHash({ scenario, seed: 1, log: [log[0]], timeMs: 0 })).not.toContain('&x=');
  });
  it('reports a truncated link as corrupt', () => {
    const hash = encodeRunHash({ scenario, seed: 1, log, timeMs: 5 });
    const cut = hash.slice(0, hash.indexOf('&t=') - 25);
    const r = decodeRunHash(cut);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('corrupt');
  });
  it('reports garbage as corrupt and never throws', () => {
    for (const h of ['#s=%%%', '#s=', '#nothing', '#s=abc&t=-5', '']) {
      const r = decodeRunHash(h);
      expect(r.ok).toBe(false);
    }
  });
  it('reports a newer extra-command format as future', () => {
    const hash = encodeRunHash({ scenario, seed: 1, log: [log[0]], timeMs: 0 });
    const x = LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, c: [] }));
    const r = decodeRunHash(`${hash}&x=${x}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('future');
  });
});

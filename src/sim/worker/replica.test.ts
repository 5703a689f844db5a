import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../scenario/loadScenario';
import { advance, createSession, issueCommand, seekNow, type Session } from '../session';
import type { Command } from '../core/commands';
import { cloneWorld } from '../core/world';
import { runHash } from '../testing/exampleHashes';
import { goto, gotoResult, installGotoResult, syncReplica } from './replica';
import { sessionCheckStatuses, setSessionChecks } from '../checks/sessionChecks';
import type { Check } from '../checks/types';

const scaledUp: Check = { type: 'hpa', name: 'php-apache', field: 'currentReplicas', op: '>=', value: 2 };
const rescaled: Check = { type: 'event', reason: 'SuccessfulRescale' };

function open(file: string): Session {
  const loaded = loadScenario(readFileSync(`examples/${file}`, 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return createSession(loaded.spec, loaded.manifests.map((m) => m.doc));
}

/** The run's state now and everything it will do in the next five minutes (trace hash). */
function fingerprint(s: Session): string {
  return runHash(cloneWorld(s.world), s.world.timeMs + 5 * 60_000);
}

const run = <T>(g: Generator<T, void>) => {
  for (const _ of g) {
    /* to the end */
  }
};

const scale = (replicas: number): Command => ({ type: 'scale', kind: 'deployment', name: 'php-apache', namespace: 'default', replicas });

describe('the engine worker replica', () => {
  it('follows the page through commands, a seek back and a command in the past, to the same world', () => {
    const page = open('hpa-php-apache.yaml');
    const replica = open('hpa-php-apache.yaml');
    page.checkpointing = false;
    advance(page, 90_000);
    issueCommand(page, 'scale 4', scale(4));
    run(syncReplica(replica, page.log, page.world.timeMs));
    advance(page, 240_000);
    run(syncReplica(replica, page.log, page.world.timeMs));
    expect(replica.world.timeMs).toBe(page.world.timeMs);
    expect(fingerprint(replica)).toBe(fingerprint(page));

    // The page goes back (through the replica, as the store does) and issues a different command there.
    run(goto(replica, { log: page.log, fromMs: page.world.timeMs, targetMs: 60_000 }));
    installGotoResult(page, gotoResult(replica, page.world.timeMs));
    expect(page.world.timeMs).toBe(60_000);
    issueCommand(page, 'scale 7', scale(7));
    advance(page, 120_000);
    run(syncReplica(replica, page.log, page.world.timeMs));
    expect(replica.log.map((c) => c.input)).toEqual(['scale 7']);

    const reference = open('hpa-php-apache.yaml');
    advance(reference, 60_000);
    issueCommand(reference, 'scale 7', scale(7));
    advance(reference, 120_000);
    expect(fingerprint(page)).toBe(fingerprint(reference));
    expect(fingerprint(replica)).toBe(fingerprint(reference));
    expect(JSON.stringify(page.history)).toBe(JSON.stringify(reference.history));
  });

  it('rewinds when the page issued a command before the time the replica had already reached', () => {
    const page = open('hpa-php-apache.yaml');
    const replica = open('hpa-php-apache.yaml');
    advance(page, 30_000);
    run(syncReplica(replica, page.log, 200_000)); // the replica ran ahead (a stale sync)
    issueCommand(page, 'scale 5', scale(5));
    advance(page, 30_000);
    run(syncReplica(replica, page.log, page.world.timeMs));
    expect(fingerprint(replica)).toBe(fingerprint(page));
  });

  it('a seek through the replica lands on the world an in-page seek gives, with the same chart history', () => {
    const page = open('vpa-hamster.yaml');
    const replica = open('vpa-hamster.yaml');
    const reference = open('vpa-hamster.yaml');
    page.checkpointing = false;
    for (const s of [page, reference]) advance(s, 20 * 60_000);
    run(goto(replica, { log: page.log, fromMs: page.world.timeMs, targetMs: 7 * 60_000 + 30_000 }));
    installGotoResult(page, structuredClone(gotoResult(replica, page.world.timeMs)));
    seekNow(reference, 7 * 60_000 + 30_000);
    expect(page.world.timeMs).toBe(reference.world.timeMs);
    expect(JSON.stringify(page.history)).toBe(JSON.stringify(reference.history));
    expect(fingerprint(page)).toBe(fingerprint(reference));
    // The KRR frames crossed a structured clone and are frozen again, so checkpoints share them.
    const frames = (page.world.autoscalers.vpa as { krr?: { frames: object[] } }).krr?.frames ?? [];
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.every((f) => Object.isFrozen(f))).toBe(true);
  });

  it('a replay forward extends the horizon and keeps the page’s checks latched as in the page', () => {
    const page = open('hpa-php-apache.yaml');
    const replica = open('hpa-php-apache.yaml');
    const reference = open('hpa-php-apache.yaml');
    for (const s of [page, reference]) setSessionChecks(s, [{ id: 's0', check: scaledUp }, { id: 's1', check: rescaled }]);
    run(goto(replica, { log: page.log, fromMs: 0, targetMs: 10 * 60_000, checks: page.checks }));
    installGotoResult(page, structuredClone(gotoResult(replica, 0)));
    advance(reference, 10 * 60_000);
    expect(page.horizonMs).toBe(10 * 60_000);
    expect(sessionCheckStatuses(page)).toEqual(sessionCheckStatuses(reference));
    expect(sessionCheckStatuses(page).map((c) => c.held)).toEqual([true, true]);
    expect(replica.checks).toBeUndefined();
  });

  it('stopping a replay part-way (Cancel) leaves a consistent world the replica can continue from', () => {
    const page = open('hpa-php-apache.yaml');
    const replica = open('hpa-php-apache.yaml');
    const steps = goto(replica, { log: [], fromMs: 0, targetMs: 30 * 60_000 }, 60);
    let n = 0;
    for (const _ of steps) if (++n === 5) break;
    const res = gotoResult(replica, 0);
    expect(res.world.timeMs).toBeGreaterThan(0);
    expect(res.world.timeMs).toBeLessThan(30 * 60_000);
    installGotoResult(page, structuredClone(res));
    const reference = open('hpa-php-apache.yaml');
    advance(reference, page.world.timeMs);
    expect(fingerprint(page)).toBe(fingerprint(reference));
  });
});

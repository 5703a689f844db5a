import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../scenario/loadScenario';
import { advance, createSession, issueCommand } from '../session';
import { syncSessionTo } from '../scorecard/compareSession';
import { emptySample } from '../testing/fixtures';
import type { TraceSample } from '../trace/trace';
import { createEngineHost } from './host';
import { installGotoResult } from './replica';
import { applySamplesDelta, isEngineRequest, isEngineResponse, samplesDelta, type EngineRequest, type EngineResponse } from './protocol';

function example(file: string) {
  const loaded = loadScenario(readFileSync(`examples/${file}`, 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return { spec: loaded.spec, manifests: loaded.manifests.map((m) => m.doc) };
}

/**
 * The host as the page sees it through a Worker: every message crosses a structured clone, and
 * the host's slices run from a task list the test drains (a fake clock makes every slice one step).
 */
function harness() {
  const out: EngineResponse[] = [];
  const tasks: (() => void)[] = [];
  let clock = 0;
  const host = createEngineHost({
    post: (m) => out.push(structuredClone(m)),
    schedule: (fn) => tasks.push(fn),
    now: () => (clock += 10),
  });
  const send = (m: EngineRequest) => host.receive(structuredClone(m));
  const drain = (max = Infinity) => {
    for (let i = 0; i < max && tasks.length > 0; i++) tasks.shift()!();
  };
  return { out, send, drain, tasks };
}

describe('engine worker protocol', () => {
  it('checks the shape of messages', () => {
    expect(isEngineRequest({ type: 'goto', id: 1, job: {} })).toBe(true);
    expect(isEngineRequest({ type: 'goto' })).toBe(false);
    expect(isEngineRequest({ type: 'cancel', id: 1.5 })).toBe(false);
    expect(isEngineRequest({ type: 'sync', log: [], timeMs: 0 })).toBe(true);
    expect(isEngineRequest({ type: 'eval', code: '1' })).toBe(false);
    expect(isEngineRequest(null)).toBe(false);
    expect(isEngineResponse({ type: 'ready', version: 1 })).toBe(true);
    expect(isEngineResponse({ type: 'nope' })).toBe(false);
  });

  it('samples deltas rebuild the session’s list for any trim, seek back and growth', () => {
    const pool = Array.from({ length: 40 }, (_, i) => emptySample(i * 5));
    fc.assert(
      fc.property(fc.nat(40), fc.nat(40), fc.nat(40), fc.nat(40), (a, b, c, d) => {
        const sent: TraceSample[] = pool.slice(Math.min(a, b), Math.max(a, b));
        const now: TraceSample[] = pool.slice(Math.min(c, d), Math.max(c, d));
        const delta = samplesDelta(sent, now);
        expect(applySamplesDelta(sent, delta)).toEqual(now);
        // Only what the page does not hold yet crosses.
        if (now.length > 0 && sent.includes(now[0])) expect(delta.append.length).toBeLessThanOrEqual(Math.max(0, now.length - delta.keep));
      }),
    );
  });

  it('a goto round trip installs the same world and history as running in the page, with progress', () => {
    const { spec, manifests } = example('hpa-php-apache.yaml');
    const h = harness();
    const page = createSession(spec, manifests);
    page.checkpointing = false;
    h.send({ type: 'open', spec, manifests, log: [] });
    advance(page, 60_000);
    issueCommand(page, 'scale 3', { type: 'scale', kind: 'deployment', name: 'php-apache', namespace: 'default', replicas: 3 });
    advance(page, 5 * 60_000);
    h.send({ type: 'sync', log: page.log, timeMs: page.world.timeMs });
    h.send({ type: 'goto', id: 7, job: { log: page.log, fromMs: page.world.timeMs, targetMs: 20 * 60_000 } });
    h.drain();
    expect(h.out[0]).toEqual({ type: 'ready', version: 1 });
    const progress = h.out.filter((m) => m.type === 'progress').map((m) => (m as { value: number }).value);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    const done = h.out.find((m) => m.type === 'gotoDone');
    if (done?.type !== 'gotoDone') throw new Error('no gotoDone');
    expect(done.cancelled).toBe(false);
    installGotoResult(page, done.result);

    const reference = createSession(spec, manifests);
    advance(reference, 60_000);
    issueCommand(reference, 'scale 3', { type: 'scale', kind: 'deployment', name: 'php-apache', namespace: 'default', replicas: 3 });
    advance(reference, 20 * 60_000 - reference.world.timeMs);
    expect(page.world.timeMs).toBe(20 * 60_000);
    expect(JSON.stringify(page.history)).toBe(JSON.stringify(reference.history));
    expect(JSON.stringify([...page.world.pods.values()])).toBe(JSON.stringify([...reference.world.pods.values()]));
  });

  it("a goto's progress carries the replay's own sim time, which moves with it (the page's clock stays put)", () => {
    const { spec, manifests } = example('hpa-php-apache.yaml');
    const h = harness();
    h.send({ type: 'open', spec, manifests, log: [] });
    h.send({ type: 'goto', id: 3, job: { log: [], fromMs: 0, targetMs: 2 * 3600_000 } });
    h.drain();
    const progress = h.out.filter((m) => m.type === 'progress').map((m) => m as { value: number; timeMs?: number });
    expect(progress.length).toBeGreaterThanOrEqual(3);
    const times = progress.map((m) => m.timeMs ?? -1);
    expect(times.every((t) => t > 0 && t <= 2 * 3600_000), String(times)).toBe(true);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(new Set(times).size).toBe(times.length);
    // From 0, the time is the share of the replay done.
    for (const m of progress) expect(m.timeMs).toBe(Math.round(m.value * 2 * 3600_000));
  });

  it('cancel stops a long replay where it has got to, and the answer still comes', () => {
    const { spec, manifests } = example('hpa-php-apache.yaml');
    const h = harness();
    h.send({ type: 'open', spec, manifests, log: [] });
    h.send({ type: 'goto', id: 1, job: { log: [], fromMs: 0, targetMs: 3 * 3600_000 } });
    h.drain(4);
    h.send({ type: 'cancel', id: 1 });
    h.drain();
    const done = h.out.find((m) => m.type === 'gotoDone');
    if (done?.type !== 'gotoDone') throw new Error('no gotoDone');
    expect(done.cancelled).toBe(true);
    expect(done.result.world.timeMs).toBeGreaterThan(0);
    expect(done.result.world.timeMs).toBeLessThan(3 * 3600_000);
  });

  it('run B lives in the worker: its samples arrive as deltas equal to a session run in the page', () => {
    const a = example('hpa-php-apache.yaml');
    const bIn = example('ca-nginx-scaleout.yaml');
    const h = harness();
    let held: TraceSample[] = [];
    const states = () => h.out.flatMap((m) => (m.type === 'bState' ? [m.state] : []));
    h.send({ type: 'open', ...a, log: [] });
    h.send({ type: 'openB', id: 1, ...bIn, atMs: 4 * 60_000 });
    h.drain();
    held = applySamplesDelta(held, states()[0].samples);
    for (const [id, t] of [[2, 9 * 60_000], [3, 2 * 60_000], [4, 6 * 60_000]] as const) {
      h.send({ type: 'syncB', id, timeMs: t });
      h.drain();
      const s = states().at(-1)!;
      expect(s.timeMs).toBe(t);
      held = applySamplesDelta(held, s.samples);
    }
    const reference = createSession(bIn.spec, bIn.manifests);
    for (const t of [4, 9, 2, 6]) syncSessionTo(reference, t * 60_000);
    expect(JSON.stringify(held)).toBe(JSON.stringify(reference.history));
    // The last delta was small: a seek forward from 2 to 6 minutes appends, it does not resend.
    expect(states().at(-1)!.samples.keep).toBeGreaterThan(0);
    h.send({ type: 'traceB', id: 5 });
    h.send({ type: 'closeB' });
    h.send({ type: 'traceB', id: 6 });
    h.drain();
    const traces = h.out.flatMap((m) => (m.type === 'trace' ? [m] : []));
    expect(traces[0].trace?.samples.length).toBe(held.length);
    expect(traces[0].trace?.events.length).toBeGreaterThan(0);
    expect(traces[1].trace).toBeNull();
  });

  it('answers a bad message with an error instead of throwing', () => {
    const h = harness();
    h.send({ type: 'goto', id: 3, job: { log: [], fromMs: 0, targetMs: 1000 } });
    h.drain();
    expect(h.out.at(-1)).toMatchObject({ type: 'error', id: 3 });
    h.send({ hello: 1 } as unknown as EngineRequest);
    expect(h.out.at(-1)?.type).toBe('error');
  });
});

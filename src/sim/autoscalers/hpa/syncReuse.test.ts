import { describe, expect, it } from 'vitest';
import { createWorld } from '../../bootstrap';
import { step } from '../../core/step';
import { packWorld, unpackWorld } from '../../core/checkpoint';
import { enqueueCommand } from '../../commands/apply';
import { deployment, scenario } from '../../testing/fixtures';
import type { World } from '../../core/types';
import { hpaState, type HpaRecord } from './controller';

/**
 * A sync hands out the previous status, HPA object and explanation when it words them the same,
 * and the controller refills one input, scale and metrics client per sync: what a record held at
 * any sync must still read the same after later syncs, and a checkpoint must restore the same HPA.
 */
function walkthrough(): World {
  const php = deployment('php-apache', 1, '200m', '64Mi');
  const container = (php.spec as { template: { spec: { containers: { resources: unknown }[] } } }).template.spec.containers[0];
  container.resources = { requests: { cpu: '200m' }, limits: { cpu: '500m' } };
  const world = createWorld(scenario({ load: [{ target: 'php-apache', cpuPerRequestMillis: 50, memoryPerInflightMiB: 1, timeoutMs: 30_000 }] }), [php]);
  enqueueCommand(world, { atMs: 30_000, input: 'kubectl autoscale', command: { type: 'autoscale', kind: 'deployment', name: 'php-apache', namespace: 'default', cpuPercent: 50, min: 1, max: 10 } });
  enqueueCommand(world, { atMs: 60_000, input: 'kubectl run', command: { type: 'runLoadGenerator', podName: 'load-generator', image: 'busybox:1.28', target: 'php-apache', thinkTimeMs: 10 } });
  enqueueCommand(world, { atMs: 720_000, input: 'kubectl delete pod load-generator', command: { type: 'delete', kind: 'pod', name: 'load-generator', namespace: 'default' } });
  return world;
}

function record(world: World): HpaRecord | undefined {
  return hpaState(world).records['default/php-apache'];
}

/** What a record holds, as the objects themselves. */
function held(r: HpaRecord) {
  return { hpa: r.hpa, status: r.hpa.status, explanation: r.explanation, state: r.state, recommendations: r.state.recommendations, events: r.events };
}

describe('the HPA sync reusing what did not change', () => {
  it('never changes what a record held at an earlier sync, through scale-ups, a steady state and the scale-down', () => {
    const world = walkthrough();
    const snapshots: { objects: ReturnType<typeof held>; copy: unknown }[] = [];
    const counts = { syncs: 0, sameExplanation: 0, newExplanation: 0, sameHpa: 0, newHpa: 0 };
    let last: ReturnType<typeof held> | undefined;
    let lastSync = -1;
    for (let i = 0; i < 1200; i++) {
      step(world);
      const r = record(world);
      if (!r || r.lastSyncSeconds === lastSync) continue;
      lastSync = r.lastSyncSeconds;
      const now = held(r);
      if (last) {
        counts.syncs++;
        if (now.explanation === last.explanation) counts.sameExplanation++;
        else counts.newExplanation++;
        if (now.hpa === last.hpa) counts.sameHpa++;
        else counts.newHpa++;
      }
      last = now;
      snapshots.push({ objects: now, copy: structuredClone(now) });
    }
    for (const s of snapshots) expect(s.objects).toEqual(s.copy);
    // Both paths ran many times: kept objects in the steady state, new ones while scaling.
    expect(counts.sameExplanation).toBeGreaterThan(20);
    expect(counts.newExplanation).toBeGreaterThan(5);
    expect(counts.sameHpa).toBeGreaterThan(20);
    expect(counts.newHpa).toBeGreaterThan(5);
  });

  it('restores from a checkpoint to the same HPA as the world that went on', () => {
    const world = walkthrough();
    for (let i = 0; i < 400; i++) step(world);
    const packed = packWorld(world);
    for (let i = 0; i < 500; i++) step(world);
    const restored = unpackWorld(packed);
    for (let i = 0; i < 500; i++) step(restored);
    expect(JSON.stringify(record(restored))).toBe(JSON.stringify(record(world)));
    // The restored world's syncs did not reach into the original's objects, nor the reverse.
    const mine = record(world)!;
    const theirs = record(restored)!;
    expect(theirs.hpa).not.toBe(mine.hpa);
    expect(theirs.explanation).not.toBe(mine.explanation);
  });
});

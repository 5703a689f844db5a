import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { step } from '../../core/step';
import { enterPodState } from '../../lifecycle/apply';
import { caExampleWorld } from './engineFixtures';
import { boundCaPodsOf, verifyBoundViewReuse } from './worldView';

/**
 * The CA's bound pod views are reused whole while world.podsVersion stands still
 * (worldView.boundCaPodsOf). With verification on, every reuse is compared with a fresh build, so a
 * pod change that forgets to bump the version makes the run throw.
 */
describe('the Cluster Autoscaler reuses its bound pod views only while no pod changed', () => {
  beforeAll(() => verifyBoundViewReuse(true));
  afterAll(() => verifyBoundViewReuse(false));

  it('through the whole scale-out and scale-in of examples/ca-nginx-scaleout.yaml, every reuse matches a fresh build', () => {
    const { world, durationMs } = caExampleWorld();
    let reused = 0;
    let rebuilt = 0;
    let last: unknown;
    while (world.timeMs < durationMs) {
      step(world);
      if (world.timeMs % 10_000 !== 0) continue;
      const views = boundCaPodsOf(world, []);
      if (views === last) reused++;
      else rebuilt++;
      last = views;
    }
    // The example both changes pods (scale to 15, new nodes, delete) and sits still between.
    expect(rebuilt).toBeGreaterThan(5);
    expect(reused).toBeGreaterThan(50);
  });

  it('rebuilds after a pod changes state, and refuses a change that skipped the version', () => {
    const { world } = caExampleWorld();
    for (let i = 0; i < 120; i++) step(world);
    const first = boundCaPodsOf(world, []);
    expect(boundCaPodsOf(world, [])).toBe(first);
    const pod = [...world.pods.values()].find((p) => p.state === 'Ready' && p.nodeName !== '')!;
    enterPodState(world, pod, 'Terminating');
    const after = boundCaPodsOf(world, []);
    expect(after).not.toBe(first);
    expect(after.find((v) => v.name === pod.name)?.deletionTimestampSeconds).toBeDefined();
    // A write that bypasses the lifecycle (and so the version) is caught by the verification.
    pod.state = 'Gone';
    expect(() => boundCaPodsOf(world, [])).toThrow(/changed without bumping/);
  });
});

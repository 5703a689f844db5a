import { describe, expect, it } from 'vitest';
import { advance } from '../sim/session';
import { shippedLesson } from './testLessons';

const { run } = shippedLesson('11-zone-outage.yaml');
const LOST = 'ap-northeast-2a';

/** Lesson 11's text and hint make claims about this run; these hold the engine to them. */
describe('lesson 11 (zone outage): what the text says happens', () => {
  it('step 1 puts three nginx pods on each node, one node per zone, and the cluster-autoscaler pod in the zone that is lost', () => {
    const world = run(1).session.world;
    const nodes = [...world.nodes.values()];
    expect(nodes.map((n) => n.zone).sort()).toEqual(['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c']);
    for (const n of nodes) expect(n.podNames.filter((p) => world.pods.get(p)?.deployment === 'nginx-to-scaleout')).toHaveLength(3);
    const ca = [...world.pods.values()].find((p) => p.deployment === 'cluster-autoscaler')!;
    expect(world.nodes.get(ca.nodeName)?.zone).toBe(LOST);
  });

  it('the node the CA adds is outside the lost zone, and at the end ng1 has three nodes in two zones', () => {
    const before = new Set(run(1).session.world.nodes.keys());
    const { session } = run();
    // Two minutes on, the removed node is gone from the API.
    advance(session, 120_000);
    const world = session.world;
    const added = [...world.nodes.values()].filter((n) => !before.has(n.name));
    expect(added.length).toBeGreaterThan(0);
    for (const n of added) expect(n.zone).not.toBe(LOST);
    const zones = [...world.nodes.values()].map((n) => n.zone);
    expect(zones).toHaveLength(3);
    expect(new Set(zones).size).toBe(2);
    expect(zones).not.toContain(LOST);
  });
});

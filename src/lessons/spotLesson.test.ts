import { describe, expect, it } from 'vitest';
import { karpenterState } from '../sim/autoscalers/karpenter/engine/machineDriver';
import type { World } from '../sim/core/types';
import { loadLesson } from './loadLesson';
import { readExample, shippedLesson } from './testLessons';

const { text, run } = shippedLesson('10-spot-interruption.yaml');
const loaded = loadLesson(text, 'lessons/10-spot-interruption.yaml', readExample);
if (!loaded.ok) throw new Error('lesson 10 does not load');

const spotNodes = (world: World) => [...world.nodes.values()].filter((n) => n.capacityType === 'spot' && n.state !== 'Gone');

/**
 * Lesson 10 says what the student will see after the notice: the interrupted offering is skipped
 * (karpenter-provider-aws pkg/controllers/interruption/controller.go marks it unavailable), so the
 * replacement is the same type in another zone, and the Show me names the node step 1 launches.
 */
describe('lesson 10 (spot interruption): what the text promises', () => {
  it("step 2's Show me interrupts the spot node step 1 launched", () => {
    const r = run(1);
    const [node] = spotNodes(r.session.world);
    expect(loaded.lesson.steps[1].action?.run).toContain(`playground interrupt-spot node/${node.name}`);
  });

  it('the replacement is the same instance type in another zone, and the interrupted offering is marked unavailable', () => {
    const before = spotNodes(run(1).session.world)[0];
    // Steps 1-4: the interruption and its replacement (step 5 then spreads the replicas).
    const r = run(4);
    expect(r.ok).toBe(true);
    const after = spotNodes(r.session.world);
    expect(after.map((n) => n.name)).not.toContain(before.name);
    expect(after).toHaveLength(1);
    expect(after[0].instanceType).toBe(before.instanceType);
    expect(after[0].zone).not.toBe(before.zone);
    expect(karpenterState(r.session.world).unavailable).toContainEqual(expect.objectContaining({ instanceType: before.instanceType, zone: before.zone, capacityType: 'spot' }));
  });

  it('after step 5 the five replicas run on spot nodes in four zones, and step 6 interrupts the one in ap-northeast-2a', () => {
    const world = run(5).session.world;
    const zoneOf = new Map([...world.nodes.values()].map((n) => [n.name, n.zone]));
    const zones = [...world.pods.values()].filter((p) => p.deployment === 'inflate' && p.state === 'Ready').map((p) => zoneOf.get(p.nodeName));
    expect(zones).toHaveLength(5);
    expect(new Set(zones).size).toBe(4);
    const target = spotNodes(world).find((n) => n.zone === 'ap-northeast-2a');
    expect(loaded.lesson.steps[5].action?.run).toContain(`playground interrupt-spot node/${target?.name}`);
  });
});

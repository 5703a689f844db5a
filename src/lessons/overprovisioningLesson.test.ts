import { describe, expect, it } from 'vitest';
import { shippedLesson } from './testLessons';

const { text, run } = shippedLesson('12-overprovisioning.yaml');

/**
 * Lesson 12 promises: without a buffer the scale-up waits for a node; with pause pods of priority -1
 * holding a node, the real pods preempt them (Preempted events naming the preemptor and the node)
 * and are Ready within the step's 30 s, and the CA buys the next node for the buffer.
 */
describe('lesson 12 (overprovisioning): preemption makes room in seconds', () => {
  it('runs through: the buffer is preempted, nginx is Ready within 30 s, and the CA buys a sixth node for the pause pods', () => {
    const r = run(5);
    expect(r.ok).toBe(true);
    const world = r.session.world;
    const preempted = world.events.filter((e) => e.reason === 'Preempted');
    expect(preempted.length).toBe(3);
    for (const e of preempted) {
      expect(e.name).toMatch(/^overprovisioning-/);
      expect(e.message).toMatch(/^Preempted by pod [0-9a-f-]{36} on node ip-/);
    }
    // Without the buffer (step 2) the same three pods waited for a node the CA bought.
    const took = (i: number) => r.steps[i].heldAtMs! - r.steps[i].startMs;
    expect(took(1)).toBeGreaterThan(60_000);
    expect(took(3)).toBeLessThan(30_000);
  });

  it('with pause pods nginx may not preempt (value 0, its own priority), the scale to 15 waits for a node: step 4 fails', () => {
    const noBuffer = text.replace(/^( +)value: -1$/m, '$1value: 0');
    expect(noBuffer).not.toBe(text);
    const r = run(4, noBuffer);
    expect(r.ok).toBe(false);
    expect(r.steps.map((s) => s.ok)).toEqual([true, true, true, false]);
  });

  it('question 2: with value -20 the pause pods are expendable to the CA, which buys no node for them (step 3 fails)', () => {
    const expendable = text.replace(/^( +)value: -1$/m, '$1value: -20');
    const r = run(3, expendable);
    expect(r.steps.map((s) => s.ok)).toEqual([true, true, false]);
  });
});

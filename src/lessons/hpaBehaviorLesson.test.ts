import { describe, expect, it } from 'vitest';
import { hpaState } from '../sim/autoscalers/hpa/controller';
import { shippedLesson } from './testLessons';

const { text, run: runLesson } = shippedLesson('09-hpa-behavior.yaml');
const run = (lessonText: string, upTo?: number) => runLesson(upTo, lessonText);

/** The HPA's rescales as the events list has them: [sim second, new size]. */
function rescales(r: ReturnType<typeof run>): [number, number][] {
  return r.session.world.events
    .filter((e) => e.kind === 'HorizontalPodAutoscaler' && e.reason === 'SuccessfulRescale')
    .map((e) => [e.t, Number(/^New size: (\d+);/.exec(e.message)?.[1])]);
}

/** The replica count in effect at second t (1 before the first rescale). */
function sizeAt(list: [number, number][], t: number): number {
  let size = 1;
  for (const [at, n] of list) if (at <= t) size = n;
  return size;
}

/**
 * Lesson 9 states the rates the student is to see; these hold the engine to them. Upstream:
 * pkg/controller/podautoscaler/horizontal.go (calculateScaleUpLimitWithScalingRules,
 * calculateScaleDownLimitWithBehaviors, stabilizeRecommendationWithBehaviors).
 */
describe('lesson 9 (HPA behavior): the rates it teaches', () => {
  const full = run(text);
  const [step2, , step4] = [full.steps[1], full.steps[2], full.steps[3]];

  it('runs to the end', () => expect(full.ok).toBe(true));

  it('while scale-up is one pod per 60 s, each rescale adds one pod and no two come within 60 s', () => {
    const ups = rescales(full).filter(([t]) => t >= step2.startMs / 1000 && t <= step2.endMs / 1000);
    expect(ups.length).toBeGreaterThanOrEqual(3);
    ups.forEach(([t, n], i) => {
      expect(n).toBe(sizeAt(ups, t - 1) + 1);
      if (i > 0) expect(t - ups[i - 1][0]).toBeGreaterThanOrEqual(60);
    });
  });

  it('at the end of step 2 the HPA reports ScalingLimited True ScaleUpLimit', () => {
    const r = run(text, 2);
    const hpa = Object.values(hpaState(r.session.world).records)[0].hpa;
    expect(hpa.status?.conditions?.find((c) => c.type === 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleUpLimit' });
  });

  it('scale-down never goes below half (rounded down) of the size a minute earlier, and reaches 1 by the staircase the text names', () => {
    const list = rescales(full);
    // Step 3's last rescale (8 → 10) lands in the second step 4 begins.
    const downs = list.filter(([t]) => t > step4.startMs / 1000);
    // The Percent policy's floor: int32(periodStartReplicas × (1 − 50/100)), events at the cutoff outside the period.
    for (const [t, n] of downs) expect(n).toBeGreaterThanOrEqual(Math.floor(sizeAt(list, t - 60) * 0.5));
    const sizes = downs.map(([, n]) => n).join(' → ');
    expect(sizes).toBe('9 → 5 → 4 → 2 → 1');
    expect(text).toContain(`10 → ${sizes}`);
  });

  it('without the scale-up policy, step 2 does not hold: the default rate passes 4 replicas in 3 minutes', () => {
    const noPolicy = text.replace(/\n {10}behavior:\n {12}scaleUp:\n(?: {14}.*\n| {16}.*\n| {18}.*\n)+/, '\n');
    expect(noPolicy).not.toBe(text);
    const r = run(noPolicy, 2);
    expect(r.steps.map((s) => s.ok)).toEqual([true, false]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError } from '../scenario/errors';
import { loadScenario } from '../scenario/loadScenario';
import { formatSeconds } from '../ui/charts/geometry';
import { loadLesson } from './loadLesson';
import { runLessonSteps } from './runLesson';
import { readExample } from './testLessons';

/**
 * Lesson 3's scenario sends orders in two bursts (its queue producer's profile). The second one
 * comes while the student reads a step about php-apache's cron schedule; a queue that rises again
 * unexplained confused a student. The step in progress when it starts must say when and why.
 */
describe('lesson 3 (KEDA): the second burst of orders', () => {
  const file = 'lessons/03-keda.yaml';
  const loaded = loadLesson(readFileSync(new URL('../../lessons/03-keda.yaml', import.meta.url), 'utf8'), file, readExample);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatError).join('\n'));
  const scenario = loadScenario(loaded.scenarioText, file);
  if (!scenario.ok) throw new Error(scenario.errors.map(formatError).join('\n'));
  const producer = scenario.spec.queues?.find((q) => q.name === 'orders')?.producer ?? [];
  // Bursts: a rate above zero after a step at zero, until the next step at zero.
  const bursts = producer.flatMap((p, i) => (p.ratePerSecond > 0 && (i === 0 || producer[i - 1].ratePerSecond === 0) ? [{ p, end: producer.slice(i + 1).find((q) => q.ratePerSecond === 0) }] : []));

  it('the scenario has a second burst, and a step of the lesson is in progress when it starts', () => {
    expect(bursts.length).toBe(2);
    const second = bursts[1];
    const run = runLessonSteps(loaded.lesson, scenario.spec, scenario.manifests.map((m) => m.doc));
    expect(run.ok).toBe(true);
    const during = run.steps.find((s) => s.startMs <= second.p.atMs && second.p.atMs < s.endMs);
    expect(during, 'a step spans the second burst').toBeDefined();
    const text = loaded.lesson.steps[during!.index].text;
    const [from, to] = [second.p.atMs, second.end!.atMs].map((ms) => formatSeconds(ms / 1000));
    // When (sim time, both ends), how hard, and that it is the second burst, in both languages.
    for (const t of [text.en, text.ko]) {
      expect(t).toContain(from);
      expect(t).toContain(to);
      expect(t).toContain(`${second.p.ratePerSecond}`);
      expect(t).toContain('spec.queues');
    }
    expect(text.en).toContain('second burst');
    expect(text.ko).toContain('두 번째');
    expect(text.ko).toContain('**이벤트** 탭');
  });
});

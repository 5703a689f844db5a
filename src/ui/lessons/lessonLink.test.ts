import { describe, expect, it } from 'vitest';
import { lessonLink } from '../../app/runLoader';
import { missingStepNotice } from './lessonLink';

/** A student opens the instructor's link: a step the lesson does not have is said, never silently replaced. */
describe('a lesson link whose step does not exist', () => {
  const notice = (hash: string, steps = 7) => missingStepNotice(lessonLink(hash)!, steps);

  it('past the last step: the last step opens, and the notice names both', () => {
    expect(lessonLink('#lesson=keda&step=99')).toEqual({ id: 'keda', step: 98, asked: '99' });
    expect(notice('#lesson=keda&step=99')).toEqual({ kind: 'info', key: 'lessons.linkStepMissing', values: { asked: '99', id: 'keda', last: 7, opened: 7 } });
  });

  it('0, a negative number, a fraction, garbage or nothing: the first step opens, with the notice', () => {
    for (const step of ['0', '-1', '2.5', 'abc', '', '%E0%A4%A']) {
      expect(lessonLink(`#lesson=keda&step=${step}`)?.step, step).toBe(0);
      expect(notice(`#lesson=keda&step=${step}`)?.values?.opened, step).toBe(1);
    }
    expect(notice('#lesson=keda&step=%F0%9F%99%82')?.values?.asked).toBe('🙂');
  });

  it('a long garbage step is cut short in the notice', () => {
    expect(notice(`#lesson=keda&step=${'x'.repeat(500)}`)?.values?.asked).toBe(`${'x'.repeat(24)}…`);
  });

  it('a step the lesson has, or a link without a step, opens quietly', () => {
    expect(notice('#lesson=keda&step=7')).toBeNull();
    expect(notice('#lesson=keda&step=1')).toBeNull();
    expect(notice('#lesson=keda')).toBeNull();
    expect(lessonLink('#lesson=keda')).toEqual({ id: 'keda', step: 0 });
  });
});

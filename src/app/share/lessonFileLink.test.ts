import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LESSON_FILE_PARAM, MAX_LESSON_FILE_BYTES, lessonFileLink, lessonFileParam } from './lessonFileLink';

const lesson = 'apiVersion: playground/v1alpha1\nkind: Lesson\nid: mine\ntitle: {en: "Mine 한국어"}\n';

describe('a lesson file carried in its link (#lessonfile=)', () => {
  it('comes back as written, at the step the link names', () => {
    const r = lessonFileLink(`#${LESSON_FILE_PARAM}=${lessonFileParam(lesson)}&step=3&lang=ko`);
    expect(r).toEqual({ ok: true, text: lesson, step: 2, asked: '3' });
    expect(lessonFileLink(`#${LESSON_FILE_PARAM}=${lessonFileParam(lesson)}`)).toEqual({ ok: true, text: lesson, step: 0 });
  });
  it('is not a lesson file link without the parameter', () => {
    expect(lessonFileLink('#lesson=hpa&step=2')).toBeNull();
    expect(lessonFileLink('#s=abc')).toBeNull();
  });
  it('says why a cut or changed link cannot be read, and refuses a lesson past the file limit', () => {
    const param = lessonFileParam(lesson);
    const cut = lessonFileLink(`#${LESSON_FILE_PARAM}=${param.slice(0, 5)}`);
    expect(cut).toMatchObject({ ok: false, why: { key: 'lessons.fileLink.unreadable' } });
    const big = lessonFileLink(`#${LESSON_FILE_PARAM}=${lessonFileParam('#'.repeat(MAX_LESSON_FILE_BYTES + 1))}`);
    expect(big).toMatchObject({ ok: false, why: { key: 'lessons.file.tooBig' } });
    const long = lessonFileLink(`#${LESSON_FILE_PARAM}=${'A'.repeat(MAX_LESSON_FILE_BYTES + 1)}`);
    expect(long).toMatchObject({ ok: false, why: { key: 'lessons.fileLink.tooLong' } });
  });
  it('never throws on whatever the address holds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 8 }), (param, step) => {
        const r = lessonFileLink(`#${LESSON_FILE_PARAM}=${param}&step=${step}`);
        expect(r).not.toBeNull();
        if (r?.ok) expect(r.step).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });
});

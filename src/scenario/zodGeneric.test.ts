import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './zodConfig';
import { zodGenericMessage, zodTypeName } from './zodGeneric';
import { en, ko } from '../testing/messages';
import { loadLesson } from '../lessons/loadLesson';
import { lessonText, readExample } from '../lessons/testLessons';
import { scenarioErrorMessage } from './errors';

const HANGUL = /[\uac00-\ud7a3]/;
/** zod's English phrases: none may be left in a Korean sentence. */
const ENGLISH_ZOD = /Too (small|big)|expected|Invalid|must |multiple of|\b(items|characters|entries|bytes)\b/;

function firstIssue(schema: z.ZodType, input: unknown): z.core.$ZodIssue {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected an issue');
  return r.error.issues[0];
}

/** One issue of each code and variant the translation covers, and what the Korean must keep. */
const cases: [string, z.ZodType, unknown, string][] = [
  ['a list too short', z.array(z.string()).min(2), [], '항목 2개 이상'],
  ['a list too long', z.array(z.string()).max(1), ['a', 'b'], '항목 1개 이하'],
  ['a list of the wrong length', z.array(z.string()).length(3), [], '정확히 항목 3개'],
  ['a string too short', z.string().min(1), '', '1자 이상'],
  ['a string too long', z.string().max(5), 'abcdefg', '5자 이하'],
  ['a set too small', z.set(z.string()).min(1), new Set(), '항목 1개 이상'],
  ['a number too small (bound kept)', z.number().gt(0), 0, '0 초과'],
  ['a number too big', z.number().lt(1000), 1000, '1000 미만'],
  ['a number past an inclusive bound', z.number().max(1000), 1001, '1000 이하'],
  ['a bigint too small', z.bigint().min(5n), 1n, '5 이상'],
  ['a pattern', z.string().regex(/^[a-z]+$/), 'A1', '/^[a-z]+$/'],
  ['a prefix', z.string().startsWith('ap-'), 'us-east-1', '"ap-"'],
  ['a suffix', z.string().endsWith('.yaml'), 'a.json', '".yaml"'],
  ['a substring', z.string().includes('/'), 'ab', '"/"'],
  ['a format', z.string().url(), 'not a url', 'URL'],
  ['a multiple', z.number().multipleOf(5), 3, '5의 배수'],
  ['a record key', z.record(z.string().min(2), z.number()), { a: 1 }, '매핑에 잘못된 키'],
];

describe('zod’s generic messages as Messages', () => {
  it.each(cases)('%s: English is zod’s own message; Korean keeps the bound and has no English', (_, schema, input, kept) => {
    const issue = firstIssue(schema, input);
    const m = zodGenericMessage(issue);
    expect(m, issue.message).toBeDefined();
    expect(en(m!)).toBe(issue.message);
    const k = ko(m!);
    expect(k).toMatch(HANGUL);
    expect(k).toContain(kept);
    expect(k).not.toMatch(ENGLISH_ZOD);
  });

  it('an element issue (zod 4 raises it for a map entry it cannot report by path)', () => {
    const issue = { code: 'invalid_element', origin: 'map', key: 'a', issues: [], path: [], message: 'Invalid value in map' } as z.core.$ZodIssue;
    expect(en(zodGenericMessage(issue)!)).toBe('Invalid value in map');
    expect(ko(zodGenericMessage(issue)!)).toBe('맵에 잘못된 값이 있습니다');
  });

  it('a schema’s own text is not zod’s to translate', () => {
    expect(zodGenericMessage(firstIssue(z.string().min(1, 'say something'), ''))).toBeUndefined();
    expect(zodGenericMessage(firstIssue(z.string().regex(/^a$/, 'only a'), 'b'))).toBeUndefined();
  });

  it('type names: English as zod prints them, Korean in Korean, unknown ones as written', () => {
    expect(en(zodTypeName('array'))).toBe('array');
    expect(ko(zodTypeName('array'))).toBe('목록');
    expect(ko(zodTypeName('number'))).toBe('숫자');
    expect(ko(zodTypeName('nan'))).toBe('nan');
  });

  it('a lesson file’s too-short list and empty name read in Korean, located, with the bound', () => {
    const text = lessonText(`  - text: {en: a, ko: 가}\n    check: {type: all, checks: []}\n    within: 1m\n  - text: {en: b, ko: 나}\n    check: {type: hpa, name: '', field: currentReplicas, op: '>=', value: 1}\n    within: 1m`).replace(
      "choices: [{en: '0', ko: '0'}, {en: '6', ko: '6'}]",
      "choices: [{en: '0', ko: '0'}]",
    );
    const r = loadLesson(text, 'lessons/x.yaml', readExample);
    if (r.ok) throw new Error('expected errors');
    const shown = r.errors.map((e) => ko(scenarioErrorMessage(e)));
    expect(shown).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/, steps\[0\]\.check\.checks: 너무 작습니다: 목록은\(는\) 항목 1개 이상이어야 합니다$/),
        expect.stringMatching(/, steps\[1\]\.check\.name: 너무 작습니다: 문자열은\(는\) 1자 이상이어야 합니다$/),
        expect.stringMatching(/, questions\[0\]\.choices: 너무 작습니다: 목록은\(는\) 항목 2개 이상이어야 합니다$/),
      ]),
    );
    for (const s of shown) expect(s).not.toMatch(ENGLISH_ZOD);
  });
});

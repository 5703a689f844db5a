import { describe, expect, it } from 'vitest';
import { initialLanguage } from './index';

describe('the language a page opens in', () => {
  it("a link's lang= wins over the stored choice and the browser", () => {
    expect(initialLanguage('#lesson=hpa&step=3&lang=ko', 'en', ['en-US'])).toBe('ko');
    expect(initialLanguage('#lang=en&s=abc', 'ko', ['ko-KR'])).toBe('en');
  });
  it('an unknown lang= is ignored', () => {
    expect(initialLanguage('#lang=fr', null, ['ko-KR', 'en'])).toBe('ko');
  });
  it("the reader's earlier choice wins over the browser", () => {
    expect(initialLanguage('', 'en', ['ko-KR'])).toBe('en');
  });
  it("a first visit follows the browser's preferred languages, in order", () => {
    expect(initialLanguage('', null, ['ko-KR', 'en-US'])).toBe('ko');
    expect(initialLanguage('', null, ['fr-FR', 'ko'])).toBe('ko');
    expect(initialLanguage('', null, ['en-GB', 'ko-KR'])).toBe('en');
    expect(initialLanguage('', 'garbage', ['de-DE'])).toBe('en');
  });
});

import { describe, expect, it } from 'vitest';
import { englishModeLine } from './hangulMode';
import { parseCommandLine } from '../commandLine';

describe('a command typed with the keyboard in Hangul mode', () => {
  it('gives back the keys as English mode types them', () => {
    expect(englishModeLine('ㅏㅕㅠㄷㅊ시 ㅎㄷㅅ ㅔㅐㅇㄴ')).toBe('kubectl get pods');
    expect(englishModeLine('ㅏㅕㅠㄷㅊ시 ㄴㅊ믿 ㅇ데ㅣㅐㅛㅡ둣 ㅈ듀 --ㄱ데ㅣㅑㅊㅁㄴ=5')).toBe('kubectl scale deployment web --replicas=5');
    // Shift gives the tense consonants and ㅒ/ㅖ: Q, W, E, R, T, O, P.
    expect(englishModeLine('ㅃㅉㄸㄲㅆㅒㅖ')).toBe('QWERTOP');
  });
  it('converts only the Hangul part of a line switched half-way', () => {
    expect(englishModeLine('kubectl get ㅗㅔㅁ')).toBe('kubectl get hpa');
  });
  it('leaves a line without Hangul alone', () => {
    expect(englishModeLine('kubectl get pods')).toBeUndefined();
    expect(englishModeLine('')).toBeUndefined();
  });
  it('the converted line is a command the console understands', () => {
    const line = englishModeLine('ㅏㅕㅠㄷㅊ시 ㅇㄷㄴㅊ갸ㅠㄷ ㅗㅔㅁ ㅔㅗㅔ-멤촏');
    expect(line).toBe('kubectl describe hpa php-apache');
    expect(parseCommandLine(line!).ok).toBe(true);
    expect(parseCommandLine('ㅏㅕㅠㄷㅊ시 ㅇㄷㄴㅊ갸ㅠㄷ ㅗㅔㅁ ㅔㅗㅔ-멤촏').ok).toBe(false);
  });
});

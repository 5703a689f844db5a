import { convertHangulToQwerty } from 'es-hangul';

/** Hangul jamo, compatibility jamo and syllables: what a 2-set keyboard in Hangul mode types. */
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

/**
 * A Korean keyboard left in Hangul mode turns `kubectl get pods` into `ㅏㅕㅠㄷㅊ시 ㅎㄷㅅ ㅔㅐㅇㄴ`,
 * the commonest typo a Korean workshop makes at a prompt. This is the line the same keys give in
 * English mode (the standard 2-set layout, Shift included), or undefined when the line has no Hangul.
 */
export function englishModeLine(line: string): string | undefined {
  if (!HANGUL.test(line)) return undefined;
  const english = convertHangulToQwerty(line);
  return english === line ? undefined : english;
}

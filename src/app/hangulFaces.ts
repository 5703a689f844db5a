/** The Korean web font's family, as @fontsource/noto-sans-kr declares it (monoFont.test.ts checks). */
export const KOREAN_FAMILY = 'Noto Sans KR';
/** The Hangul-only copy of its faces that monospace text names first (app.css --mono). */
export const HANGUL_FAMILY = 'Noto Sans KR Hangul';

/** Hangul Jamo, Compatibility Jamo, Jamo Extended-A, Syllables, Jamo Extended-B. */
const HANGUL: readonly [number, number][] = [
  [0x1100, 0x11ff],
  [0x3130, 0x318f],
  [0xa960, 0xa97f],
  [0xac00, 0xd7af],
  [0xd7b0, 0xd7ff],
];

export interface FaceRule {
  src: string;
  unicodeRange: string;
  weight: string;
  style: string;
}

function parseRange(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const part of text.split(',')) {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) continue;
    if (m[1].includes('?')) out.push([parseInt(m[1].replace(/\?/g, '0'), 16), parseInt(m[1].replace(/\?/g, 'f'), 16)]);
    else out.push([parseInt(m[1], 16), parseInt(m[2] ?? m[1], 16)]);
  }
  return out;
}

const hex = (n: number) => n.toString(16);

/**
 * Each face of the Korean font narrowed to the Hangul it covers (faces without Hangul dropped), so
 * that only Hangul comes from it: punctuation, arrows, Latin letters and digits in monospace text stay
 * in the mono face. Same files, so no byte is downloaded twice.
 */
export function hangulFaces(rules: readonly FaceRule[]): (FaceRule & { family: string })[] {
  const out: (FaceRule & { family: string })[] = [];
  for (const r of rules) {
    const parts: string[] = [];
    for (const [a, b] of parseRange(r.unicodeRange)) {
      for (const [lo, hi] of HANGUL) {
        const from = Math.max(a, lo);
        const to = Math.min(b, hi);
        if (from <= to) parts.push(from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`);
      }
    }
    if (parts.length > 0 && r.src) out.push({ ...r, family: HANGUL_FAMILY, unicodeRange: parts.join(', ') });
  }
  return out;
}

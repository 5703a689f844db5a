/**
 * Korean glyphs on machines without a Korean font: Noto Sans KR, self-hosted by @fontsource and
 * split by unicode-range into ~120 slices, so the browser fetches only the slices a page uses.
 * Hangul shows up in the English page too (Hangul typed in the console with the keyboard in Hangul
 * mode, Korean names in a manifest, a Korean lesson file), so the faces are declared in every
 * language, before the first render. The CSS is imported dynamically, outside the initial bundle.
 * Only a page where Korean may be wanted (fontCache.ts keepsKoreanOffline: a Korean page, or a
 * browser that lists Korean) fills the offline cache; any other page that shows no Hangul fetches
 * no slice.
 */
import { hangulFaces, KOREAN_FAMILY, type FaceRule } from './hangulFaces';
import { keepKoreanFontOffline } from './fontCache';

/** After the first Korean page has drawn, so its own slices are fetched first. */
const OFFLINE_FILL_DELAY_MS = 3000;

let css: Promise<FaceRule[]> | null = null;
let offline = false;

/**
 * The @font-face rules must exist before Hangul is laid out: Chrome keeps the boxes of text it
 * shaped while no face covered Hangul, even after a face arrives. So render the page after this.
 */
export function declareKoreanFontFaces(): Promise<void> {
  css ??= Promise.all([import('@fontsource/noto-sans-kr/400.css'), import('@fontsource/noto-sans-kr/700.css')])
    .then(addHangulFaces)
    .catch(() => [] /* offline or blocked: the system fallback stays */);
  return css.then(() => undefined);
}

/** For a Korean page: the faces, and every slice kept for offline use (fontCache.ts). */
export async function loadKoreanFontFaces(): Promise<void> {
  await declareKoreanFontFaces();
  const rules = (await css) ?? [];
  if (offline || rules.length === 0) return;
  offline = true;
  setTimeout(() => void keepKoreanFontOffline(rules.map((r) => r.src)), OFFLINE_FILL_DELAY_MS);
}

/**
 * Monospace text names Korean first through a Hangul-only copy of the faces (--mono in app.css).
 * Named after the mono face instead, Noto Sans KR is a fallback, and Chrome keeps the boxes it drew
 * for Hangul while that fallback's slice was still loading (seen on the cost header's "시간당" after
 * switching to Korean; a change of family list does not redraw them). As the first family, a loading
 * slice is awaited and swapped in like any primary font, and Latin letters and digits, outside its
 * unicode-range, still come from the mono face.
 */
function addHangulFaces(): FaceRule[] {
  if (typeof document === 'undefined' || typeof FontFace === 'undefined') return [];
  const rules: FaceRule[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue; // a stylesheet from elsewhere: not ours
    }
    for (const rule of Array.from(list)) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const s = rule.style;
      const family = s.getPropertyValue('font-family').replace(/['"]/g, '').trim();
      if (family !== KOREAN_FAMILY) continue;
      // A FontFace resolves URLs against the page, the rule against its stylesheet: make them absolute.
      const base = sheet.href ?? document.baseURI;
      const src = s.getPropertyValue('src').replace(/url\((['"]?)([^'")]+)\1\)/g, (_, _q: string, u: string) => `url("${new URL(u, base).href}")`);
      rules.push({ src, unicodeRange: s.getPropertyValue('unicode-range'), weight: s.getPropertyValue('font-weight'), style: s.getPropertyValue('font-style') });
    }
  }
  for (const f of hangulFaces(rules)) {
    document.fonts.add(new FontFace(f.family, f.src, { unicodeRange: f.unicodeRange, weight: f.weight, style: f.style, display: 'swap' }));
  }
  return rules;
}

/** Canvas text (node grid, charts) does not start a font download: fetch the slices it needs, then redraw. */
export async function loadKoreanForCanvas(): Promise<void> {
  await loadKoreanFontFaces();
  const text = `${document.body.innerText} 노드 파드 시작 중 스팟 온디맨드 대기`;
  await Promise.all(['400', '700'].map((w) => document.fonts.load(`${w} 16px "${KOREAN_FAMILY}"`, text))).catch(() => undefined);
}

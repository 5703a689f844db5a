/**
 * Korean glyphs on machines without a Korean font: Noto Sans KR, self-hosted by @fontsource and
 * split by unicode-range into ~120 slices, so the browser fetches only the slices a page uses.
 * The CSS is imported dynamically before Korean is first shown: the English page does not
 * download or parse any of it.
 */
let css: Promise<unknown> | null = null;

/**
 * The @font-face rules must exist before Korean text is laid out: Chrome keeps the boxes of text it
 * shaped while no face covered Hangul, even after a face arrives. So switch the language after this.
 */
export function loadKoreanFontFaces(): Promise<void> {
  css ??= Promise.all([import('@fontsource/noto-sans-kr/400.css'), import('@fontsource/noto-sans-kr/700.css')]).catch(() => {
    /* offline or blocked: the system fallback stays */
  });
  return css.then(() => undefined);
}

/** Canvas text (node grid, charts) does not start a font download: fetch the slices it needs, then redraw. */
export async function loadKoreanForCanvas(): Promise<void> {
  await loadKoreanFontFaces();
  const text = `${document.body.innerText} 노드 파드 시작 중 스팟 온디맨드 대기`;
  await Promise.all(['400', '700'].map((w) => document.fonts.load(`${w} 16px "Noto Sans KR"`, text))).catch(() => undefined);
}

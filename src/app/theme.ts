export type Theme = 'dark' | 'light';
const KEY = 'playground.theme';

export function storedTheme(): Theme {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    if (v === 'dark' || v === 'light') return v;
  } catch {
    /* ignore */
  }
  return 'dark';
}

/** The theme is a data attribute on <html>: CSS variables do the rest, canvases read them. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  try {
    globalThis.localStorage?.setItem(KEY, theme);
  } catch {
    /* ignore */
  }
}

/** A CSS variable's value, for canvas drawing that must follow the theme. */
export function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

export const THEMES = ['dark', 'light', 'contrast'] as const;
/** `contrast` is the high-contrast theme for projectors and low vision: black, white, saturated colours. */
export type Theme = (typeof THEMES)[number];
const KEY = 'playground.theme';
const PROJECTOR_KEY = 'playground.projector';

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    /* storage blocked: the choice lasts for this page only */
  }
}

export function storedTheme(): Theme {
  const v = read(KEY);
  return (THEMES as readonly string[]).includes(v ?? '') ? (v as Theme) : 'dark';
}

/** The theme is a data attribute on <html>: CSS variables do the rest, canvases read them. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  write(KEY, theme);
}

export function storedProjector(): boolean {
  return read(PROJECTOR_KEY) === '1';
}

/**
 * Projector mode: a data attribute on <html> (larger type, secondary panels collapsed; see
 * projector.css), remembered across visits like the theme.
 */
export function applyProjector(on: boolean): void {
  if (on) document.documentElement.dataset.projector = '';
  else delete document.documentElement.dataset.projector;
  write(PROJECTOR_KEY, on ? '1' : '0');
}

/** A CSS variable's value, for canvas drawing that must follow the theme. */
export function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

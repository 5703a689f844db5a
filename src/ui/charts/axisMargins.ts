/**
 * The room around a panel's plot for its axis labels. Time labels are centred on their tick, so a
 * tick at the right edge (the window's end, e.g. "1:00" for the whole first minute) needs half a
 * label of room past the plot; a fixed 8 px cut it to "1:0". The margins are computed from the
 * labels the panel will draw, so no tick label leaves the SVG, in any font the page may use.
 */

export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The smallest margins; the plot never gets bigger than this leaves it. */
export const MIN_MARGIN: Readonly<Margins> = { left: 44, right: 8, top: 6, bottom: 18 };

/** Tick labels' font size, px: `.overlay .tick` in app.css (the exported SVG uses 11). */
export const TICK_FONT_PX = 10;

/** Space between a y label's end and the plot (the labels are drawn at `left - Y_LABEL_GAP`). */
export const Y_LABEL_GAP = 4;

/** Kept free between a label and the SVG's edge, px. */
const EDGE = 2;

/**
 * Advance widths in em, the largest of the fonts the page can fall back to: DejaVu Sans (Debian's
 * sans-serif: digits 0.636, colon 0.337, period 0.318, hyphen 0.361, e 0.615), Noto Sans KR (the
 * Korean pages' first font; digits 0.55), Arial/Helvetica (digits 0.556), Segoe UI (0.559).
 */
const EM: Record<string, number> = { ':': 0.34, '.': 0.32, ',': 0.32, '-': 0.37, '−': 0.84, '+': 0.84, e: 0.62, ' ': 0.32 };
const DIGIT_EM = 0.64;
/** Anything else (a letter in a unit, say): wider than any of those fonts' lowercase letters. */
const OTHER_EM = 0.75;

/** An upper bound of a tick label's rendered width at `fontPx`. */
export function labelWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) em += ch >= '0' && ch <= '9' ? DIGIT_EM : (EM[ch] ?? OTHER_EM);
  return em * fontPx;
}

/**
 * How far a label's box reaches above its tick, in em: labels sit on their tick with dy=0.32em,
 * and Noto Sans KR's ascent (1.16em, which Chromium rounds up to 12 px at 10 px, the tallest of the
 * fonts above) puts the box's top 0.88em above the tick. The top y tick is on the plot's top edge.
 */
const ABOVE_TICK_EM = 1.2 - 0.32;

/**
 * Margins that keep every tick label inside the SVG: the left one fits the widest y label (drawn
 * right-aligned before the plot) and half the first time label; the right one half the widest
 * time label. The widest, not the last one: while time runs the ticks slide left, and a margin that
 * followed the tick nearest the edge would make the plot jump as each one passes.
 */
export function axisMargins(yLabels: readonly string[], xLabels: readonly string[], fontPx = TICK_FONT_PX): Margins {
  let widestY = 0;
  for (const s of yLabels) widestY = Math.max(widestY, labelWidth(s, fontPx));
  let halfX = 0;
  for (const s of xLabels) halfX = Math.max(halfX, labelWidth(s, fontPx) / 2);
  return {
    left: Math.max(MIN_MARGIN.left, Math.ceil(widestY + Y_LABEL_GAP + EDGE), Math.ceil(halfX + EDGE)),
    right: Math.max(MIN_MARGIN.right, Math.ceil(halfX + EDGE)),
    top: Math.max(MIN_MARGIN.top, Math.ceil(ABOVE_TICK_EM * fontPx)),
    bottom: MIN_MARGIN.bottom,
  };
}

/**
 * The playground's colours. Built on the Okabe–Ito palette (Okabe & Ito, "Color Universal Design"),
 * whose eight colours stay distinct under the common forms of colour-vision deficiency. Meaning is
 * never carried by colour alone: pod tiles and node boxes also differ in shape, outline or texture
 * (see ui/cluster/podStatus.ts), so a grey-scale print still reads.
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

export type OkabeItoName = keyof typeof OKABE_ITO;

/**
 * Series colours for charts and workloads, in the order they are handed out. Black is left out
 * because it vanishes on the dark theme; a neutral grey takes its place at the end.
 */
export const SERIES_COLORS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  OKABE_ITO.yellow,
  '#9E9E9E',
];

/** The colour of the i-th series; past eight, colours repeat (pair them with dashes or labels). */
export function seriesColor(index: number): string {
  const n = SERIES_COLORS.length;
  return SERIES_COLORS[((index % n) + n) % n];
}

/** What pod tiles mean, in the order the legend lists them. */
export type PodStatusKind = 'ready' | 'notReady' | 'creating' | 'pending' | 'terminating' | 'failed' | 'evicted' | 'completed';

export const POD_STATUS_COLORS: Record<PodStatusKind, string> = {
  ready: OKABE_ITO.bluishGreen,
  notReady: OKABE_ITO.yellow,
  creating: OKABE_ITO.skyBlue,
  pending: OKABE_ITO.orange,
  terminating: '#9E9E9E',
  failed: OKABE_ITO.vermillion,
  evicted: OKABE_ITO.reddishPurple,
  completed: '#6E7681',
};

/** Fixed roles for charts and bars, so every view uses the same colour for the same quantity. */
export const ROLE_COLORS = {
  desired: OKABE_ITO.orange,
  current: OKABE_ITO.blue,
  ready: OKABE_ITO.bluishGreen,
  pending: OKABE_ITO.orange,
  target: OKABE_ITO.vermillion,
  bounds: '#9E9E9E',
  onDemand: OKABE_ITO.blue,
  spot: OKABE_ITO.reddishPurple,
  cost: OKABE_ITO.bluishGreen,
  offered: OKABE_ITO.skyBlue,
  served: OKABE_ITO.bluishGreen,
  dropped: OKABE_ITO.vermillion,
  latency: OKABE_ITO.reddishPurple,
  cpuRequested: OKABE_ITO.skyBlue,
  cpuUsed: OKABE_ITO.blue,
  memRequested: '#E6C27A',
  memUsed: OKABE_ITO.orange,
  warning: OKABE_ITO.vermillion,
  selection: OKABE_ITO.yellow,
} as const;

/** Surface colours a canvas needs; DOM views use the CSS variables of the same names instead. */
export interface CanvasTheme {
  name: 'dark' | 'light';
  background: string;
  panel: string;
  nodeFill: string;
  text: string;
  muted: string;
  border: string;
  barTrack: string;
  hatch: string;
  /** Drawn over a tile to mark it (crosses on failed pods); contrasts with every status colour. */
  mark: string;
  /** The "used" line through allocation bars. */
  usedLine: string;
}

export const DARK_CANVAS: CanvasTheme = {
  name: 'dark',
  background: '#0f1419',
  panel: '#171d24',
  nodeFill: '#1c232c',
  text: '#e6edf3',
  muted: '#8b949e',
  border: '#3d4651',
  barTrack: '#2a323c',
  hatch: 'rgba(230, 159, 0, 0.35)',
  mark: '#0f1419',
  usedLine: '#f5f7fa',
};

export const LIGHT_CANVAS: CanvasTheme = {
  name: 'light',
  background: '#ffffff',
  panel: '#f6f8fa',
  nodeFill: '#ffffff',
  text: '#1f2328',
  muted: '#59636e',
  border: '#b6bec8',
  barTrack: '#e4e8ec',
  hatch: 'rgba(213, 94, 0, 0.3)',
  mark: '#ffffff',
  usedLine: '#1f2328',
};

/**
 * Pick the canvas theme from the page's CSS variables (`--bg`) so the canvas follows whatever
 * theme switch the app uses. `readVar` returns '' for an unset variable.
 */
export function canvasThemeFor(readVar: (name: string) => string): CanvasTheme {
  const bg = readVar('--bg').trim();
  if (!bg) return DARK_CANVAS;
  const base = isLightColor(bg) ? LIGHT_CANVAS : DARK_CANVAS;
  const panel = readVar('--panel').trim();
  const fg = readVar('--fg').trim();
  const muted = readVar('--muted').trim();
  return { ...base, background: bg, panel: panel || base.panel, text: fg || base.text, muted: muted || base.muted };
}

/** Relative luminance above one half, for #rgb / #rrggbb / rgb(…) strings; unknown formats count as dark. */
export function isLightColor(color: string): boolean {
  const rgb = parseColor(color);
  if (!rgb) return false;
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5;
}

function parseColor(color: string): [number, number, number] | null {
  const c = color.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c);
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((x) => x + x).join('') : hex[1];
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(c);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return null;
}

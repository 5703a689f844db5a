import { describe, expect, it } from 'vitest';
import { canvasThemeFor, DARK_CANVAS, isLightColor, LIGHT_CANVAS, OKABE_ITO, seriesColor, SERIES_COLORS } from './palette';

describe('palette', () => {
  it('hands out distinct series colours and wraps around', () => {
    expect(new Set(SERIES_COLORS).size).toBe(SERIES_COLORS.length);
    expect(seriesColor(0)).toBe(OKABE_ITO.blue);
    expect(seriesColor(SERIES_COLORS.length)).toBe(seriesColor(0));
    expect(seriesColor(-1)).toBe(SERIES_COLORS[SERIES_COLORS.length - 1]);
  });

  it('tells light from dark backgrounds', () => {
    expect(isLightColor('#ffffff')).toBe(true);
    expect(isLightColor('#fff')).toBe(true);
    expect(isLightColor('#0f1419')).toBe(false);
    expect(isLightColor('rgb(246, 248, 250)')).toBe(true);
    expect(isLightColor('not a colour')).toBe(false);
  });

  it('follows the page theme from CSS variables', () => {
    const vars: Record<string, string> = { '--bg': ' #ffffff', '--fg': '#111111' };
    const light = canvasThemeFor((n) => vars[n] ?? '');
    expect(light.name).toBe('light');
    expect(light.text).toBe('#111111');
    expect(light.nodeFill).toBe(LIGHT_CANVAS.nodeFill);
    expect(canvasThemeFor(() => '')).toBe(DARK_CANVAS);
    expect(canvasThemeFor((n) => (n === '--bg' ? '#0f1419' : '')).name).toBe('dark');
  });
});

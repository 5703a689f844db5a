import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import '../i18n';
import type { TraceSample } from '../../sim/trace/trace';
import { OverlayChart } from './OverlayChart';

const at = (t: number, pending: number) => ({ t, pending }) as unknown as TraceSample;
const chart = (a: TraceSample[], b: TraceSample[]) =>
  renderToStaticMarkup(<OverlayChart title="Pending pods" a={a} b={b} value={(s) => (s as unknown as { pending: number }).pending} format={(v) => String(v)} />);

describe('compare overlay chart', () => {
  it('says the real maximum, 0 when nothing was pending, and draws the flat line at the bottom', () => {
    const out = chart([at(0, 0), at(30, 0)], [at(0, 0)]);
    expect(out).toContain('max 0');
    expect(out).not.toMatch(/max \d(\.\d+)?e/);
    // tMax is at least a minute: 30 s is half the 300-unit width.
    expect(out).toContain('d="M0.0,90.0L150.0,90.0"');
  });
  it('scales both runs to the larger maximum', () => {
    const out = chart([at(0, 2), at(60, 4)], [at(0, 8)]);
    expect(out).toContain('max 8');
    expect(out).toContain('d="M0.0,68.5L300.0,47.0"');
    expect(out).toContain('d="M0.0,4.0"');
  });
});

import { describe, expect, it } from 'vitest';
import { decodeCompareParam, decodeSlo, encodeCompareParam, setHashParams } from './compareParam';

const known = { presets: ['karpenter', 'spot'], examples: ['ca-nginx-scaleout'] };

describe('comparison link parameter', () => {
  it('round-trips a preset, an example and edited YAML', () => {
    for (const spec of [{ kind: 'preset', id: 'karpenter' }, { kind: 'example', id: 'ca-nginx-scaleout' }, { kind: 'yaml', text: 'kind: Scenario\nspec: {seed: 3}\n# 한국어\n' }] as const) {
      expect(decodeCompareParam(encodeCompareParam(spec), known)).toEqual({ ok: true, spec });
    }
  });
  it('refuses unknown ids, kinds and damaged YAML with a message that says which', () => {
    expect(decodeCompareParam('preset:nope', known)).toMatchObject({ ok: false, error: 'cmp: unknown preset "nope" (one of karpenter, spot)' });
    expect(decodeCompareParam('file:/etc/passwd', known)).toMatchObject({ ok: false, error: 'cmp: must start with preset:, example: or yaml: (got "file")' });
    expect(decodeCompareParam('yaml:<script>', known)).toMatchObject({ ok: false });
    const good = encodeCompareParam({ kind: 'yaml', text: 'kind: Scenario\n'.repeat(50) });
    expect(decodeCompareParam(good.slice(0, 12), known).ok).toBe(false);
    expect(decodeCompareParam(`yaml:${'A'.repeat(400_001)}`, known)).toMatchObject({ ok: false, error: 'cmp: longer than 400,000 characters' });
  });
  it('reads the SLO within bounds, else the default', () => {
    expect(decodeSlo('750')).toBe(750);
    expect(decodeSlo('0')).toBe(500);
    expect(decodeSlo('1e9')).toBe(500);
    expect(decodeSlo(undefined)).toBe(500);
  });
  it('sets and removes hash parameters, keeping the others', () => {
    expect(setHashParams('#s=abc&t=60&lang=ko', { cmp: 'preset:spot', slo: null })).toBe('#s=abc&t=60&lang=ko&cmp=preset:spot');
    expect(setHashParams('#s=abc&cmp=preset:spot&slo=700', { cmp: null, slo: null })).toBe('#s=abc');
  });
});

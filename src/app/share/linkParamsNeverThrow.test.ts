import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeRunHash, encodeRunHash } from './shareLink';
import { decodeCompareParam, decodeSlo } from './compareParam';
import { lessonLink } from '../runLoader';
import { embedWorkload, isEmbed } from '../embed';
import { gridViewFromHash } from '../../store/gridViewStore';
import { initialLanguage } from '../../ui/i18n';

/**
 * Every parameter an address can carry is outside input. Whatever each holds (any text, text in
 * lz-string's own alphabet, on which lz-string itself can throw, stray `%` escapes, real values cut
 * short), every decoder answers with a value or a located error and never throws.
 */
const scenario = 'apiVersion: playground/v1alpha1\nkind: Scenario\nmetadata: {name: x}\nspec: {}\n';
const validS = /#s=([^&]*)/.exec(encodeRunHash({ scenario, seed: 1, log: [], timeMs: 0 }))![1];
const validX = LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, c: [{ atMs: 1000, input: 'playground load php-apache --clients=2', command: { type: 'setLoad', target: 'php-apache', clients: 2 } }] }));

const LZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const lzText = fc.array(fc.constantFrom(...LZ_ALPHABET), { maxLength: 60 }).map((cs) => cs.join(''));
const cut = (s: string) => fc.nat().map((n) => s.slice(0, n % (s.length + 1)));
const value = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ maxLength: 80, unit: 'binary' }),
  lzText,
  fc.constantFrom('%', '%E0', '%zz', '%C3%28', 'zzzzzzzz', 'z', '', '-1', '1e400', 'NaN', '604800000'),
  cut(validS),
  cut(validX),
  fc.tuple(fc.constantFrom('yaml:', 'preset:', 'example:', 'file:', ''), fc.oneof(lzText, fc.string({ maxLength: 40 }), fc.constantFrom('%E0', 'karpenter%'))).map(([k, v]) => k + v),
);
const KEYS = ['s', 'x', 't', 'cmp', 'slo', 'lesson', 'step', 'lang', 'q', 'sort', 'group', 'embed', 'w'];
/** A valid s= most of the time, so the decoders behind it (t, x) are reached. */
const hashArb = fc
  .tuple(fc.oneof(fc.constant(validS), value), fc.array(fc.tuple(fc.constantFrom(...KEYS), value), { maxLength: 6 }))
  .map(([s, rest]) => `#${[`s=${s}`, ...rest.map(([k, v]) => `${k}=${v}`)].join('&')}`);

const known = { presets: ['karpenter', 'spot'], examples: ['ca-nginx-scaleout'] };

function checkAll(hash: string): void {
  const run = decodeRunHash(hash);
  if (run.ok) {
    for (const r of run.rejected) expect(r).toMatch(/^(s=|x=)/);
  } else {
    expect(run.message).not.toBe('');
    expect(run.msg.key).toMatch(/^link\./);
  }
  const cmp = /[#&]cmp=([^&]*)/.exec(hash)?.[1];
  if (cmp !== undefined) {
    const d = decodeCompareParam(cmp, known);
    if (!d.ok) expect(d.error).toMatch(/^cmp: /);
  }
  expect(decodeSlo(/[#&]slo=([^&]*)/.exec(hash)?.[1])).toBeGreaterThan(0);
  lessonLink(hash);
  isEmbed(hash);
  embedWorkload(hash);
  gridViewFromHash(hash);
  initialLanguage(hash, null, []);
}

describe('every link parameter, whatever it holds', () => {
  it('decodes to a result or a located error and never throws', () => {
    fc.assert(fc.property(hashArb, (hash) => checkAll(hash)), { numRuns: 2000, seed: 7 });
  });
  it('the cases that threw: an x= and a cmp=yaml: that lz-string cannot decompress, a cmp= with a stray %', () => {
    const x = decodeRunHash(`#s=${validS}&x=zzzzzzzz`);
    expect(x).toMatchObject({ ok: true, rejected: ['x=: the share link is damaged: its slider commands are not readable'] });
    expect(decodeCompareParam('yaml:zzzzzzzz', known)).toMatchObject({ ok: false, error: 'cmp: the compressed scenario does not decompress (damaged or truncated link?)' });
    expect(decodeCompareParam('preset:%E0', known)).toMatchObject({ ok: false, error: 'cmp: unknown preset "%E0" (one of karpenter, spot)' });
  });
});

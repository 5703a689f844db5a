import LZString from 'lz-string';
import { msg, type Message } from '../../sim/core/message';
import { decodeParam, decompressParam } from './lzParam';

/**
 * Run B of a comparison in the address: `cmp=preset:ID` (a preset applied to run A's scenario),
 * `cmp=example:ID`, or `cmp=yaml:<lz-string>` (edited or imported YAML); `slo=MS` when the
 * latency SLO is not the default. Decoding checks the shape at the door; the scenario itself is
 * then validated like any other (located errors, run A untouched).
 */
export type CompareSpec = { kind: 'preset'; id: string } | { kind: 'example'; id: string } | { kind: 'yaml'; text: string };

/** The longest cmp value read (a compressed scenario): the share link's own bound for scenarios. */
export const MAX_COMPARE_PARAM = 400_000;
export const DEFAULT_SLO_MS = 500;

export function encodeCompareParam(spec: CompareSpec): string {
  if (spec.kind === 'yaml') return `yaml:${LZString.compressToEncodedURIComponent(spec.text)}`;
  return `${spec.kind}:${spec.id}`;
}

export type CompareDecode = { ok: true; spec: CompareSpec } | { ok: false; error: string; msg: Message };

export function decodeCompareParam(value: string, known: { presets: readonly string[]; examples: readonly string[] }): CompareDecode {
  if (value.length > MAX_COMPARE_PARAM) return { ok: false, error: `cmp: longer than ${MAX_COMPARE_PARAM.toLocaleString('en-US')} characters`, msg: msg('link.cmpTooLong', { max: MAX_COMPARE_PARAM.toLocaleString('en-US') }) };
  const colon = value.indexOf(':');
  const kind = colon < 0 ? value : value.slice(0, colon);
  const rest = colon < 0 ? '' : value.slice(colon + 1);
  if (kind === 'preset' || kind === 'example') {
    const list = kind === 'preset' ? known.presets : known.examples;
    const id = decodeParam(rest);
    if (!list.includes(id)) return { ok: false, error: `cmp: unknown ${kind} "${id.slice(0, 60)}" (one of ${list.join(', ')})`, msg: msg(kind === 'preset' ? 'link.cmpUnknownPreset' : 'link.cmpUnknownExample', { id: id.slice(0, 60), list: list.join(', ') }) };
    return { ok: true, spec: { kind, id } };
  }
  if (kind === 'yaml') {
    if (!/^[A-Za-z0-9+\-$]*$/.test(rest)) return { ok: false, error: 'cmp: the compressed scenario has characters lz-string never writes (damaged link?)', msg: msg('link.cmpBadChars') };
    const text = decompressParam(rest);
    if (!text) return { ok: false, error: 'cmp: the compressed scenario does not decompress (damaged or truncated link?)', msg: msg('link.cmpNotDecompressed') };
    return { ok: true, spec: { kind: 'yaml', text } };
  }
  return { ok: false, error: `cmp: must start with preset:, example: or yaml: (got "${kind.slice(0, 30)}")`, msg: msg('link.cmpKind', { got: kind.slice(0, 30) }) };
}

export function decodeSlo(value: string | undefined): number {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n >= 1 && n <= 60_000 ? n : DEFAULT_SLO_MS;
}

/** The hash with `params` set (a value) or removed (null), other parameters kept in order. */
export function setHashParams(hash: string, params: Record<string, string | null>): string {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const parts = body.split('&').filter((p) => p !== '' && !(p.split('=')[0] in params));
  for (const [k, v] of Object.entries(params)) if (v !== null) parts.push(`${k}=${v}`);
  return parts.length > 0 ? `#${parts.join('&')}` : '';
}

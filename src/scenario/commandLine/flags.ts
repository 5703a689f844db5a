/**
 * Flag parsing with pflag's rules (what kubectl uses): --name=value, --name value, -n value, -nvalue,
 * -n=value; boolean flags take no separate value (--force, --force=false); "--" ends the flags.
 */
export interface FlagSpec {
  name: string;
  short?: string;
  kind: 'bool' | 'string' | 'int';
  /** Width of an int flag: Go's int (64) or int32 (kubectl's Int32Var flags such as autoscale --max). */
  bits?: 32 | 64;
  /** May be given more than once (-f a -f b). */
  repeatable?: boolean;
}

export interface ParsedFlags {
  values: Map<string, string[]>;
  args: string[];
  /** Words after "--". */
  afterDashes: string[] | undefined;
}

export type FlagResult = { ok: true; flags: ParsedFlags } | { ok: false; error: string };

const TRUE_WORDS = new Set(['true', '1', 't', 'T', 'TRUE', 'True']);
const FALSE_WORDS = new Set(['false', '0', 'f', 'F', 'FALSE', 'False']);

function setFlag(values: Map<string, string[]>, spec: FlagSpec, raw: string): string | undefined {
  // pflag names a flag with a shorthand "-n, --namespace" in its errors, however it was written.
  const shown = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
  if (spec.kind === 'int' && !/^[+-]?\d+$/.test(raw)) return `invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`;
  if (spec.kind === 'int' && !fitsInt(raw, spec.bits ?? 64)) return `invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": value out of range`;
  if (spec.kind === 'bool' && !TRUE_WORDS.has(raw) && !FALSE_WORDS.has(raw)) return `invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`;
  const value = spec.kind === 'bool' ? String(TRUE_WORDS.has(raw)) : raw;
  const list = values.get(spec.name) ?? [];
  values.set(spec.name, spec.repeatable ? [...list, value] : [value]);
  return undefined;
}

/** pflag parses ints with strconv.ParseInt(s, 0, bits): beyond the width it is "value out of range". */
function fitsInt(raw: string, bits: 32 | 64): boolean {
  const v = BigInt(raw);
  const max = (1n << BigInt(bits - 1)) - 1n;
  return v <= max && v >= -max - 1n;
}

export function parseFlags(words: readonly string[], specs: readonly FlagSpec[]): FlagResult {
  const values = new Map<string, string[]>();
  const args: string[] = [];
  let afterDashes: string[] | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '--') {
      afterDashes = words.slice(i + 1);
      break;
    }
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      const name = eq < 0 ? w.slice(2) : w.slice(2, eq);
      const spec = specs.find((s) => s.name === name);
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      let raw: string;
      if (eq >= 0) raw = w.slice(eq + 1);
      else if (spec.kind === 'bool') raw = 'true';
      else if (i + 1 < words.length) raw = words[++i];
      else return { ok: false, error: `flag needs an argument: --${name}` };
      const err = setFlag(values, spec, raw);
      if (err) return { ok: false, error: err };
      continue;
    }
    if (w.startsWith('-') && w.length > 1 && !/^-\d/.test(w)) {
      // Shorthand flags may be combined (-it) and the last one may carry its value (-ndefault, -n=x).
      let j = 1;
      while (j < w.length) {
        const letter = w[j];
        const spec = specs.find((s) => s.short === letter);
        if (!spec) return { ok: false, error: `unknown shorthand flag: '${letter}' in ${w}` };
        const rest = w.slice(j + 1);
        if (spec.kind === 'bool') {
          if (rest.startsWith('=')) {
            const err = setFlag(values, spec, rest.slice(1));
            if (err) return { ok: false, error: err };
            break;
          }
          setFlag(values, spec, 'true');
          j++;
          continue;
        }
        let raw: string;
        if (rest !== '') raw = rest.startsWith('=') ? rest.slice(1) : rest;
        else if (i + 1 < words.length) raw = words[++i];
        else return { ok: false, error: `flag needs an argument: '${letter}' in -${letter}` };
        const err = setFlag(values, spec, raw);
        if (err) return { ok: false, error: err };
        break;
      }
      continue;
    }
    args.push(w);
  }
  return { ok: true, flags: { values, args, afterDashes } };
}

export function flagValue(flags: ParsedFlags, name: string): string | undefined {
  const list = flags.values.get(name);
  return list?.[list.length - 1];
}

export function flagBool(flags: ParsedFlags, name: string): boolean {
  return flagValue(flags, name) === 'true';
}

export function flagInt(flags: ParsedFlags, name: string): number | undefined {
  const v = flagValue(flags, name);
  return v === undefined ? undefined : Number.parseInt(v, 10);
}

/** Flags every kubectl command accepts (kubectl options). */
export const KUBECTL_GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'context', kind: 'string' },
  { name: 'cluster', kind: 'string' },
  { name: 'user', kind: 'string' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'server', short: 's', kind: 'string' },
  { name: 'request-timeout', kind: 'string' },
  // klog's Level: strconv.ParseInt(value, 10, 32).
  { name: 'v', short: 'v', kind: 'int', bits: 32 },
  { name: 'insecure-skip-tls-verify', kind: 'bool' },
];

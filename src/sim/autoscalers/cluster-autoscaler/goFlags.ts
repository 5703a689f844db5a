/**
 * Command-line handling shared by the Go controllers we simulate (cluster-autoscaler, CPA):
 * pflag-style `--name=value` / `--name value` / bare booleans, and Go's time.Duration syntax.
 */
import { boundedMemo } from '../../core/memo';

export interface RawFlag {
  name: string;
  /** undefined for a bare `--flag`. */
  value?: string;
  raw: string;
}

export interface TokenizedArgs {
  flags: RawFlag[];
  /** Non-flag words after the binary (pflag would keep them as positional arguments). */
  positional: string[];
  binary?: string;
}

/**
 * `argv` is the container's command followed by its args. A first word that is not a flag is the
 * binary. Flags listed in `boolFlags` never take the next word as their value; others do when they
 * have no `=` and the next word is not itself a flag (pflag's rule for non-boolean flags).
 */
export function tokenizeArgs(
  argv: readonly string[],
  boolFlags: ReadonlySet<string>,
  knownFlags: ReadonlySet<string>,
): TokenizedArgs {
  const out: TokenizedArgs = { flags: [], positional: [] };
  let i = 0;
  if (argv.length > 0 && !argv[0].startsWith('-')) {
    out.binary = argv[0];
    i = 1;
  }
  for (; i < argv.length; i++) {
    const word = argv[i];
    if (!word.startsWith('-') || word === '-' || word === '--') {
      if (word !== '--') out.positional.push(word);
      continue;
    }
    const body = word.replace(/^--?/, '');
    const eq = body.indexOf('=');
    if (eq >= 0) {
      out.flags.push({ name: body.slice(0, eq), value: body.slice(eq + 1), raw: word });
      continue;
    }
    const next = argv[i + 1];
    const takesValue = knownFlags.has(body) && !boolFlags.has(body);
    if (takesValue && next !== undefined && !next.startsWith('-')) {
      out.flags.push({ name: body, value: next, raw: `${word} ${next}` });
      i += 1;
    } else {
      out.flags.push({ name: body, raw: word });
    }
  }
  return out;
}

/** strconv.ParseBool's accepted spellings. */
export function parseGoBool(value: string | undefined): boolean | undefined {
  if (value === undefined) return true;
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value)) return false;
  return undefined;
}

const DURATION_UNIT_SECONDS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

/** Go's time.ParseDuration ("10m", "1m30s", "1.5h", "300ms"), in seconds; undefined if invalid. */
export function parseGoDuration(text: string): number | undefined {
  let s = text.trim();
  if (s === '') return undefined;
  let sign = 1;
  if (s[0] === '-' || s[0] === '+') {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  const part = /^(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;
  let total = 0;
  let matched = false;
  while (s.length > 0) {
    const m = part.exec(s);
    if (!m) return undefined;
    total += Number(m[1]) * DURATION_UNIT_SECONDS[m[2]];
    s = s.slice(m[0].length);
    matched = true;
  }
  return matched ? sign * total : undefined;
}

function trimFraction(n: bigint, digits: number): string {
  const text = n.toString().padStart(digits, '0').replace(/0+$/, '');
  return text === '' ? '' : `.${text}`;
}

/**
 * Go's Duration.String() for a number of seconds: "0s", "500ms", "4m10s", "1h0m0s", "10m1.5s".
 * Kept per value: the planner formats the same few durations for every node, every scan.
 */
export const formatGoDuration: (seconds: number) => string = boundedMemo(goDurationText, 4096);

function goDurationText(seconds: number): string {
  let ns = BigInt(Math.round(seconds * 1e9));
  if (ns === 0n) return '0s';
  const neg = ns < 0n;
  if (neg) ns = -ns;
  const sign = neg ? '-' : '';
  if (ns < 1_000_000_000n) {
    const units: [bigint, string, number][] = [
      [1_000_000n, 'ms', 6],
      [1_000n, 'µs', 3],
      [1n, 'ns', 0],
    ];
    for (const [size, unit, digits] of units) {
      if (ns >= size) return `${sign}${ns / size}${digits > 0 ? trimFraction(ns % size, digits) : ''}${unit}`;
    }
  }
  const h = ns / 3_600_000_000_000n;
  const m = (ns / 60_000_000_000n) % 60n;
  const secs = (ns / 1_000_000_000n) % 60n;
  const frac = trimFraction(ns % 1_000_000_000n, 9);
  let out = `${secs}${frac}s`;
  if (h > 0n || m > 0n) out = `${m}m${out}`;
  if (h > 0n) out = `${h}h${out}`;
  return `${sign}${out}`;
}
